/*
 * data.c: pk.data(NAME), the value of the project's lua/data/NAME.lua,
 * run once per build in the sandbox, its fields' lines mapped
 * (linemap.c) for pk.check.  A file that needs itself is an error; so
 * is a file that failed, said once.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/internal.h"

#define REG_DATA "pk.data"      /* name -> value of lua/data/NAME.lua */

int
data_goodname(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s)
		    && *s != '-' && *s != '_')
			return 0;
	return 1;
}

/* Pushes the value of lua/data/NAME.lua, loading it the first time. */
void
data_load(lua_State *L, const char *name)
{
	struct sandbox *sb = sandbox_get(L);
	char *path, *text, *chunk, **names, msg[512];
	const char *near, *src;
	size_t len, n, i;
	int top;

	if (!data_goodname(name))
		luaL_error(L, "pk.data: bad data file name \"%s\" (use a-z, "
		    "0-9, '-' and '_': the file is lua/data/NAME.lua)", name);
	sandbox_regtable(L, REG_DATA, 0);
	top = lua_gettop(L);
	switch (lua_getfield(L, top, name)) {
	case LUA_TNIL:
		break;
	case LUA_TBOOLEAN:
		if (!lua_toboolean(L, -1))
			luaL_error(L, "pk.data: lua/data/%s.lua needs itself "
			    "(circular pk.data calls)", name);
		/* FALLTHROUGH */
	default:
		lua_remove(L, top);
		return;
	}
	lua_pop(L, 1);
	path = xasprintf("%s/lua/data/%s.lua",
	    sb->site->dir != NULL ? sb->site->dir : ".", name);
	text = file_read(path, &len);
	free(path);
	if (text == NULL) {
		path = xasprintf("%s/lua/data",
		    sb->site->dir != NULL ? sb->site->dir : ".");
		n = file_names(path, ".lua", &names);
		free(path);
		near = suggest_nearest(name, (const char *const *)names, n);
		snprintf(msg, sizeof(msg), "pk.data: no data file "
		    "lua/data/%s.lua%s%s%s", name, near != NULL ?
		    "; did you mean '" : "", near != NULL ? near : "",
		    near != NULL ? "'?" : "");
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
		luaL_error(L, "%s", msg);
	}
	lua_pushlstring(L, text, len);  /* Lua owns the text from here */
	free(text);
	src = lua_tolstring(L, -1, &len);
	lua_pushboolean(L, 0);
	lua_setfield(L, top, name);     /* loading: catches cycles */
	chunk = xasprintf("lua/data/%s.lua", name);
	lua_pushstring(L, chunk);
	free(chunk);
	chunk = (char *)lua_tostring(L, -1);
	sandbox_load(sb, chunk, src, len, 1, 1);
	lua_call(L, 0, 1);
	if (lua_isnil(L, -1))
		luaL_error(L, "%s:1: the data file returns nothing; end it "
		    "with return { … }", chunk);
	linemap_read(L, chunk, src, len);
	linemap_register(L, -1, chunk, "");
	lua_pushvalue(L, -1);
	lua_setfield(L, top, name);
	lua_replace(L, top);
	lua_settop(L, top);
}

static int
pk_data(lua_State *L)
{
	data_load(L, luaL_checkstring(L, 1));
	return 1;
}

void
data_open(lua_State *L)
{
	lua_pushcfunction(L, pk_data);
	lua_setfield(L, -2, "data");
}

int
data_runfile(struct sandbox *sb, const char *path, int nresults)
{
	const char *name = sandbox_relpath(sb->site, path);
	size_t len;
	char *text;
	int ok;

	if ((text = file_read(path, &len)) == NULL) {
		diag_sys(sb->diag, path);
		return 0;
	}
	sandbox_set_page(sb, NULL, sb->lang);
	if (!sandbox_load(sb, name, text, len, 1, 0)) {
		free(text);
		return 0;
	}
	linemap_read(sb->L, name, text, len);
	free(text);
	ok = sandbox_call(sb, 0, nresults, NULL, 0);
	if (ok && nresults > 0 && lua_type(sb->L, -nresults) == LUA_TTABLE)
		linemap_register(sb->L, -nresults, name, "");
	return ok;
}

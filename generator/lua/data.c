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

/*
 * What REG_DATA holds for a name: nil (not read yet), false (being read:
 * met again, it needs itself), its value, or one of these marks: it
 * failed (its error said), and a later call said so too.
 */
static const char failed = 0, said = 0;

/* Protected: runs data file (chunk name 1, text 2); leaves its value,
 * its lines mapped. */
static int
run_data(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	const char *chunk = lua_tostring(L, 1), *src;
	size_t len;

	src = lua_tolstring(L, 2, &len);
	sandbox_load(sb, chunk, src, len, 1, 1);
	lua_call(L, 0, 1);
	if (lua_isnil(L, -1))
		luaL_error(L, "%s:1: the data file returns nothing; end it "
		    "with return { … }", chunk);
	linemap_read(L, chunk, src, len);
	linemap_register(L, -1, chunk, "");
	return 1;
}

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
	const char *near;
	size_t len, n, i;
	int top, status;

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
		lua_remove(L, top);
		return;
	case LUA_TLIGHTUSERDATA:
		/* it failed, its error said: the first call after says so,
		 * the others fail without a word (no cascade) */
		if (lua_touserdata(L, -1) == &said)
			sandbox_silent(L);
		lua_pushlightuserdata(L, (void *)&said);
		lua_setfield(L, top, name);
		luaL_error(L, "pk.data: lua/data/%s.lua could not be read "
		    "(its error is above)", name);
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
	lua_pushboolean(L, 0);
	lua_setfield(L, top, name);     /* loading: catches cycles */
	chunk = xasprintf("lua/data/%s.lua", name);
	lua_pushcfunction(L, sandbox_msgh);
	lua_pushcfunction(L, run_data);
	lua_pushstring(L, chunk);
	lua_pushvalue(L, top + 1);      /* the text */
	free(chunk);
	status = lua_pcall(L, 2, 1, top + 2);
	if (status != LUA_OK) {
		/* an exceeded budget is the call's: the file may be read
		 * another time; its own error is said now, and remembered */
		lua_pushnil(L);
		lua_setfield(L, top, name);
		sandbox_after_pcall(L, status);
		lua_pushlightuserdata(L, (void *)&failed);
		lua_setfield(L, top, name);
		lua_error(L);
	}
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

/*
 * data.c: pk.data(NAME), the value of the project's lua/data/NAME.lua,
 * run once per build in the sandbox, its fields' lines mapped
 * (linemap.c) for pk.check.  A file that needs itself is an error; a
 * file that failed is said once, and its later uses fail silently.
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
 * met again, it needs itself), its value, or this mark: it failed (its
 * error said).
 */
static const char failed = 0;

/* Where field `id` of item table idx is: line, and its column in *col. */
static int
id_pos(lua_State *L, int idx, const char *file, int *col, char *path,
    size_t sz)
{
	const char *f, *p;

	*col = 0;
	path[0] = '\0';
	if (!linemap_where(L, idx, &f, &p))
		return 0;
	snprintf(path, sz, "%s.id", p);
	return linemap_pos(L, file, path, col);
}

/* Ids are unique in every list of a data file (items that are tables
 * with a string id): each repeat is an error naming both places. */
static void
dup_ids(lua_State *L, int t, const char *file, const char *name, int depth)
{
	struct sandbox *sb = sandbox_get(L);
	char p1[SB_MAXPATH + 4], p2[SB_MAXPATH + 4];
	lua_Integer i, n;
	int seen, top = lua_gettop(L);

	if (depth > SB_MAXDEPTH || lua_type(L, t) != LUA_TTABLE)
		return;
	luaL_checkstack(L, 8, "nested too deeply");
	n = (lua_Integer)lua_rawlen(L, t);
	lua_newtable(L);                /* id -> index of its first item */
	seen = lua_gettop(L);
	for (i = 1; i <= n; i++) {
		sandbox_charge(L, 1);
		if (lua_rawgeti(L, t, i) != LUA_TTABLE) {
			lua_pop(L, 1);
			continue;
		}
		if (lua_getfield(L, -1, "id") == LUA_TSTRING) {
			lua_pushvalue(L, -1);
			if (lua_rawget(L, seen) == LUA_TNUMBER) {
				int c1, c2, l1, l2;

				lua_rawgeti(L, t, lua_tointeger(L, -1));
				l1 = id_pos(L, lua_gettop(L), file, &c1, p1,
				    sizeof(p1));
				l2 = id_pos(L, lua_gettop(L) - 3, file, &c2, p2,
				    sizeof(p2));
				diag(sb->diag, DIAG_ERROR, file, l2, c2,
				    "%s%s: duplicate id \"%s\": %s%s has it too "
				    "(line %d:%d); ids are unique", name,
				    p2 + (*name == '\0' && *p2 == '.'),
				    lua_tostring(L, -3), name,
				    p1 + (*name == '\0' && *p1 == '.'), l1, c1);
				lua_pop(L, 1);
			} else {
				lua_pushvalue(L, -2);
				lua_pushinteger(L, i);
				lua_rawset(L, seen);
			}
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
		dup_ids(L, lua_gettop(L), file, name, depth + 1);
		lua_pop(L, 1);
	}
	/* and the lists inside the fields of a record (mou.lua's parties) */
	lua_pushnil(L);
	while (lua_next(L, t)) {
		if (!lua_isinteger(L, -2) && lua_type(L, -1) == LUA_TTABLE)
			dup_ids(L, lua_gettop(L), file, name, depth + 1);
		lua_pop(L, 1);
	}
	lua_settop(L, top);
}

void
data_dup_ids(lua_State *L, int idx, const char *file, const char *name)
{
	dup_ids(L, lua_absindex(L, idx), file, name, 0);
}

/* Protected: runs data file (chunk name 1, text 2, data name 3); leaves
 * its value, its lines mapped, its ids checked. */
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
	dup_ids(L, lua_gettop(L), chunk, lua_tostring(L, 3), 0);
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
		/* it failed, its error said: every later call fails without
		 * a word (no cascade of errors in the components that use
		 * it, which would point into pactkit's own files) */
		sandbox_silent(L);
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
	lua_pushstring(L, name);
	free(chunk);
	status = lua_pcall(L, 3, 1, top + 2);
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

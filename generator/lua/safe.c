/*
 * safe.c: the libraries a sandbox opens, as lua.c opens linit.c's, but
 * base, string, table, math and utf8 only, and only their safe parts:
 * pcall and xpcall that cannot swallow an exceeded budget, pairs in a
 * reproducible order, string.find without patterns, table functions
 * charged to the instruction budget.  No io, os, package, debug, load.
 */
#define _GNU_SOURCE             /* memmem(): linear-time plain find */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "base/pactkit.h"
#include "lua/internal.h"


static int
sb_pcall(lua_State *L)
{
	int status;

	luaL_checkany(L, 1);
	status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	sandbox_after_pcall(L, status);
	lua_pushboolean(L, status == LUA_OK);
	lua_insert(L, 1);
	return lua_gettop(L);
}

/*
 * The message handler of xpcall runs the script's handler, except after
 * an abort: Lua calls the handler from inside the count hook, where hooks
 * are off, so a looping handler could never be stopped.
 */
static int
xpcall_handler(lua_State *L)
{
	if (sandbox_get(L)->aborted != SB_OK)
		return 1;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int
sb_xpcall(lua_State *L)
{
	int n = lua_gettop(L), status;

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, xpcall_handler, 1);
	lua_replace(L, 2);
	lua_pushboolean(L, 1);          /* first result on success */
	lua_pushvalue(L, 1);            /* function */
	lua_rotate(L, 3, 2);            /* move them below the arguments */
	status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
	sandbox_after_pcall(L, status);
	if (status != LUA_OK) {
		lua_pushboolean(L, 0);
		lua_pushvalue(L, -2);
		return 2;
	}
	return lua_gettop(L) - 2;
}

/* Iterator of pairs(): upvalues table, keys, position. */
static int
pairs_next(lua_State *L)
{
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));

	for (;;) {
		i++;
		if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL)
			return 0;
		lua_pushvalue(L, -1);
		if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
			break;
		lua_pop(L, 2);          /* removed since: skip */
	}
	lua_pushinteger(L, i);
	lua_replace(L, lua_upvalueindex(3));
	return 2;
}

/*
 * pairs() in a reproducible order: Lua hashes strings with a seed drawn
 * from the clock and addresses, so next() order changes from run to run
 * and would make output differ between two builds.
 */
static int
sb_pairs(lua_State *L)
{
	lua_Integer n = 0;

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	lua_newtable(L);
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_rawseti(L, 2, ++n);
	}
	sandbox_charge(L, n);
	sandbox_sort(L, 2, n);
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, pairs_next, 3);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/*
 * string.find, plain, in linear time (glibc memmem).  Patterns are not
 * available (as string.match is not): a pattern character ^$*+?.([%- in
 * what is sought is refused, else "^foo" would be sought as text and not
 * found without a word.  With plain = true (the 4th argument, as in
 * Lua's own find) they are text.
 */
static int
s_find(lua_State *L)
{
	static const char specials[] = "^$*+?.([%-";
	size_t ls, lp, i;
	const char *s = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	lua_Integer init = luaL_optinteger(L, 3, 1);
	const char *hit;

	for (i = 0; i < lp && !lua_toboolean(L, 4); i++)
		if (p[i] != '\0' && strchr(specials, p[i]) != NULL) {
			char shown[64];

			snprintf(shown, sizeof(shown), "%.*s%s",
			    (int)(lp < 40 ? lp : 40), p, lp > 40 ? "…" : "");
			return luaL_error(L, "string.find: \"%s\" holds the "
			    "pattern character '%c', and string patterns are "
			    "not available in the sandbox: to find the text as "
			    "written, pass plain = true (s:find(text, 1, "
			    "true))",
			    shown, p[i]);
		}
	if (init < 0)
		init = (lua_Integer)ls + init + 1 < 1 ? 1 :
		    (lua_Integer)ls + init + 1;
	else if (init == 0)
		init = 1;
	if (init > (lua_Integer)ls + 1) {
		luaL_pushfail(L);
		return 1;
	}
	hit = lp == 0 ? s + init - 1 :
	    memmem(s + init - 1, ls - (size_t)(init - 1), p, lp);
	if (hit == NULL) {
		luaL_pushfail(L);
		return 1;
	}
	lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
	lua_pushinteger(L, (lua_Integer)(hit - s + (ptrdiff_t)lp));
	return 2;
}

/* string.rep: the stock one loops n times even for an empty result. */
static int
s_rep(lua_State *L)
{
	size_t l, lsep = 0;
	lua_Integer n;

	luaL_checklstring(L, 1, &l);
	n = luaL_checkinteger(L, 2);
	luaL_optlstring(L, 3, "", &lsep);
	if (n <= 0 || l + lsep == 0) {
		lua_pushliteral(L, "");
		return 1;
	}
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

enum charge { CHARGE_LEN, CHARGE_SORT, CHARGE_RANGE };

/* table functions whose C loops the hook cannot see: charge their work
 * to the instruction budget first, then call the stock function. */
static int
charged(lua_State *L)
{
	lua_Integer n = 0, f, e;

	switch (lua_tointeger(L, lua_upvalueindex(2))) {
	case CHARGE_LEN:
		if (lua_type(L, 1) == LUA_TTABLE)
			n = (lua_Integer)lua_rawlen(L, 1);
		break;
	case CHARGE_SORT:
		if (lua_type(L, 1) == LUA_TTABLE)
			n = (lua_Integer)lua_rawlen(L, 1);
		n = n * (lua_Integer)(log2((double)n + 1) + 1);
		break;
	case CHARGE_RANGE:
		f = luaL_optinteger(L, 2, 1);
		e = luaL_optinteger(L, 3,
		    lua_type(L, 1) == LUA_TTABLE ?
		    (lua_Integer)lua_rawlen(L, 1) : 0);
		if (e >= f)
			n = e - f < LLONG_MAX / 2 ? e - f + 1 : LLONG_MAX / 2;
		break;
	}
	sandbox_charge(L, n);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

static void
wrap(lua_State *L, int lib, const char *name, enum charge how)
{
	lua_getfield(L, lib, name);
	lua_pushinteger(L, how);
	lua_pushcclosure(L, charged, 2);
	lua_setfield(L, lib, name);
}

static void
unset(lua_State *L, int t, const char *const *names)
{
	t = lua_absindex(L, t);
	for (; *names != NULL; names++) {
		lua_pushnil(L);
		lua_setfield(L, t, *names);
	}
}

/* Opens the libraries and builds the registry's table of safe globals. */
void
safe_open(lua_State *L)
{
	static const char *const base_keep[] = { "assert", "error",
	    "ipairs", "next", "select", "tonumber", "tostring", "type",
	    "rawequal", "rawlen", "rawget", "_VERSION", NULL };
	static const char *const str_drop[] = { "dump", "match", "gmatch",
	    "gsub", "pack", "packsize", "unpack", NULL };
	static const char *const g_drop[] = { "load", "loadfile", "dofile",
	    "require", "collectgarbage", "getmetatable", "setmetatable",
	    "rawset", "print", "pcall", "xpcall", "_G", NULL };
	static const char *const math_drop[] = { "randomseed", NULL };
	const char *const *k;
	int g, base;

	luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
	lua_pop(L, 1);

	lua_pushglobaltable(L);
	g = lua_gettop(L);

	/* The real string table is the strings' __index: edit it in place
	 * so ("x"):dump() and ("x"):match() are gone too. */
	lua_getfield(L, g, LUA_STRLIBNAME);
	unset(L, -1, str_drop);
	lua_pushcfunction(L, s_find);
	lua_setfield(L, -2, "find");
	lua_getfield(L, -1, "rep");
	lua_pushcclosure(L, s_rep, 1);
	lua_setfield(L, -2, "rep");
	lua_pop(L, 1);
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);

	lua_getfield(L, g, LUA_TABLIBNAME);
	wrap(L, lua_gettop(L), "insert", CHARGE_LEN);
	wrap(L, lua_gettop(L), "remove", CHARGE_LEN);
	wrap(L, lua_gettop(L), "sort", CHARGE_SORT);
	wrap(L, lua_gettop(L), "move", CHARGE_RANGE);
	wrap(L, lua_gettop(L), "concat", CHARGE_LEN);
	lua_pop(L, 1);

	/* A fixed seed: the same input gives the same output. */
	lua_getfield(L, g, LUA_MATHLIBNAME);
	lua_getfield(L, -1, "randomseed");
	lua_pushinteger(L, 20270215);
	lua_call(L, 1, 0);
	unset(L, -1, math_drop);
	lua_pop(L, 1);

	lua_newtable(L);
	base = lua_gettop(L);
	for (k = base_keep; *k != NULL; k++) {
		lua_getfield(L, g, *k);
		lua_setfield(L, base, *k);
	}
	lua_pushcfunction(L, sb_pcall);
	lua_setfield(L, base, "pcall");
	lua_pushcfunction(L, sb_xpcall);
	lua_setfield(L, base, "xpcall");
	lua_pushcfunction(L, sb_pairs);
	lua_setfield(L, base, "pairs");
	lua_getfield(L, g, LUA_STRLIBNAME);
	lua_setfield(L, base, LUA_STRLIBNAME);
	lua_getfield(L, g, LUA_TABLIBNAME);
	lua_setfield(L, base, LUA_TABLIBNAME);
	lua_getfield(L, g, LUA_MATHLIBNAME);
	lua_setfield(L, base, LUA_MATHLIBNAME);
	lua_getfield(L, g, LUA_UTF8LIBNAME);
	lua_setfield(L, base, LUA_UTF8LIBNAME);
	lua_setfield(L, LUA_REGISTRYINDEX, SB_REG_BASE);

	/* Nothing runs with the real globals, but leave no door there. */
	unset(L, g, g_drop);
	lua_pop(L, 1);
}

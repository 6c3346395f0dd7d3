/*
 * pklib.c: the pk library's text helpers, in the page's language: pk.loc
 * (a localised string, the other language with a warning), pk.t (the
 * interface strings), pk.number, pk.money, pk.date, pk.warn, pk.split
 * and pk.trim.
 */
#define _GNU_SOURCE             /* memmem() */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/internal.h"

/* pk.loc(v): the text for the page's language; nil stays nil. */
static int
pk_loc(lua_State *L)
{
	size_t used;
	const char *s = loc_text(L, 1, sandbox_get(L)->lang, &used);

	if (s == NULL)
		lua_pushnil(L);
	else
		lua_pushstring(L, s);
	return 1;
}

static int
pk_t(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	const char *key = luaL_checkstring(L, 1), *s, *file;
	char where[256], wkey[300];
	int n = lua_gettop(L), line;

	s = lstr_ui(sb->site, sb->lang, key);
	if (s == key && vocab_t(L, key)) {
		/* a word of the topic: the vocabularies hold it now */
		s = lua_tostring(L, -1);
		lua_replace(L, 1);
		if (n == 1)
			return 1;
		s = lua_tostring(L, 1);
	} else if (s == key) {
		snprintf(wkey, sizeof(wkey), "t:%s:%zu", key, sb->lang);
		sandbox_callsite(L, &file, &line, where, sizeof(where));
		if (sandbox_once(L, wkey))
			diag(sb->diag, DIAG_WARN, file, line, 0,
			    "unknown interface string '%s'", key);
	}
	if (n == 1) {
		lua_pushstring(L, s);
		return 1;
	}
	/* pk.t(key, ...): the string is a format */
	lua_pushstring(L, s);
	lua_replace(L, 1);
	lua_getfield(L, LUA_REGISTRYINDEX, SB_REG_BASE);
	lua_getfield(L, -1, "string");
	lua_getfield(L, -1, "format");
	lua_insert(L, 1);               /* format, s, arguments, base, string */
	lua_pop(L, 2);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

/* pk.hast(key): whether interface string key exists (built in, the
 * project's, or a word of the topic's vocabularies), with no warning. */
static int
pk_hast(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	const char *key = luaL_checkstring(L, 1);
	int has = lstr_ui(sb->site, sb->lang, key) != key;

	if (!has && vocab_t(L, key)) {
		lua_pop(L, 1);
		has = 1;
	}
	lua_pushboolean(L, has);
	return 1;
}

static void
pushbuf(lua_State *L, struct buf *b)
{
	char tmp[1024];         /* -DBL_MAX in French money: 640 bytes */

	/* copied out first, so a Lua error cannot leak the buffer */
	snprintf(tmp, sizeof(tmp), "%s", b->data != NULL ? b->data : "");
	buf_free(b);
	lua_pushstring(L, tmp);
}

static const char *
curlang(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);

	return loc_lang(sb->site, sb->lang);
}

static int
pk_number(lua_State *L)
{
	struct buf b = { 0 };
	double x = luaL_checknumber(L, 1);
	int d = (int)luaL_optinteger(L, 2, -1);

	format_number(&b, curlang(L), x, d);
	pushbuf(L, &b);
	return 1;
}

static int
pk_money(lua_State *L)
{
	struct buf b = { 0 };
	double x = luaL_checknumber(L, 1);
	const char *cur = luaL_optstring(L, 2, "");

	if (strlen(cur) > 16)
		return luaL_argerror(L, 2, "currency code too long");
	format_money(&b, curlang(L), x, cur);
	pushbuf(L, &b);
	return 1;
}

static int
pk_date(lua_State *L)
{
	struct buf b = { 0 };
	const char *iso = luaL_checkstring(L, 1);

	if (!format_date(&b, curlang(L), iso)) {
		buf_free(&b);
		return luaL_error(L, "pk.date: invalid date \"%s\" (expected "
		    "YYYY-MM-DD)", iso);
	}
	pushbuf(L, &b);
	return 1;
}

static int
pk_warn(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	const char *msg = luaL_checkstring(L, 1), *file;
	char where[256];
	int line;

	sandbox_callsite(L, &file, &line, where, sizeof(where));
	diag(sb->diag, DIAG_WARN, file, line, sb->page != NULL &&
	    file == sb->page ?
	    1 : 0, "%s", msg);
	return 0;
}

static int
pk_split(lua_State *L)
{
	size_t len, slen;
	const char *s = luaL_checklstring(L, 1, &len), *e, *end = s + len;
	const char *sep = luaL_optlstring(L, 2, ",", &slen);
	lua_Integer n = 0;

	luaL_argcheck(L, slen > 0, 2, "empty separator");
	lua_newtable(L);
	for (;;) {
		e = memmem(s, (size_t)(end - s), sep, slen);
		if (e == NULL)
			e = end;
		sandbox_charge(L, 1);
		lua_pushlstring(L, s, (size_t)(e - s));
		lua_rawseti(L, -2, ++n);
		if (e == end)
			break;
		s = e + slen;
	}
	return 1;
}

static int
pk_trim(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len), *e = s + len;

	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	lua_pushlstring(L, s, (size_t)(e - s));
	return 1;
}

void
pklib_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "loc", pk_loc },
		{ "t", pk_t },
		{ "hast", pk_hast },
		{ "number", pk_number },
		{ "money", pk_money },
		{ "date", pk_date },
		{ "warn", pk_warn },
		{ "split", pk_split },
		{ "trim", pk_trim },
		{ NULL, NULL },
	};

	luaL_setfuncs(L, fns, 0);
}

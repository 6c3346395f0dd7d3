/*
 * loc.c: a localised value's text in the page's language (a string, or a
 * table { fr = "…", en = "…" }: the other language's text with a warning
 * at the value's place), and a language's code; below pk.loc, pk.t, the
 * vocabularies and the trees, which all read localised values.
 */
#include <stdio.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/internal.h"

/* The code of language i of the site ("fr"), "" past the last. */
const char *
loc_lang(const struct site *site, size_t i)
{
	return i < site->nlangs ? site->langs[i] : "";
}

const char *
loc_text(lua_State *L, int idx, size_t lang, size_t *used)
{
	struct sandbox *sb = sandbox_get(L);
	const struct site *site = sb->site;
	const char *s = NULL, *file, *path, *cf;
	char key[SB_MAXPATH + 64], where[256];
	size_t i;
	int line;

	idx = lua_absindex(L, idx);
	*used = lang;
	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		return NULL;
	case LUA_TSTRING:
	case LUA_TNUMBER:
		return lua_tostring(L, idx);
	case LUA_TTABLE:
		break;
	default:
		luaL_error(L, "expected a string or a table { fr = \"…\", "
		    "en = \"…\" }, got %s", luaL_typename(L, idx));
	}
	if (lua_getfield(L, idx, loc_lang(site, lang)) == LUA_TSTRING)
		s = lua_tostring(L, -1);
	lua_pop(L, 1);
	if (s != NULL)
		return s;
	for (i = 0; i < site->nlangs && s == NULL; i++) {
		if (lua_getfield(L, idx, site->langs[i]) == LUA_TSTRING) {
			s = lua_tostring(L, -1);
			*used = i;
		}
		lua_pop(L, 1);
	}
	if (s == NULL)
		luaL_error(L, "expected a string or a table { fr = \"…\", "
		    "en = \"…\" }, got a table with no text in %s",
		    site->nlangs > 0 ? site->langs[0] : "any language");
	if (linemap_where(L, idx, &file, &path)) {
		int col;

		line = linemap_pos(L, file, path, &col);
		snprintf(key, sizeof(key), "%s:%d:%s:%s", file, line, path,
		    loc_lang(site, lang));
		if (sandbox_once(L, key))
			diag(sb->diag, DIAG_WARN, file, line, col,
			    "no '%s' text here; the '%s' text is used",
			    loc_lang(site, lang),
			    site->langs[*used]);
	} else {
		sandbox_callsite(L, &cf, &line, where, sizeof(where));
		snprintf(key, sizeof(key), "%s:%d:%s", cf != NULL ? cf : "",
		    line, loc_lang(site, lang));
		if (sandbox_once(L, key))
			diag(sb->diag, DIAG_WARN, cf, line, cf != NULL &&
			    sb->callline > 0 ? 1 : 0, "no '%s' text for a "
			    "string; the '%s' text is used",
			    loc_lang(site, lang), site->langs[*used]);
	}
	return s;
}

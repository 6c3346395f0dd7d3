/*
 * vocab.c: the project's vocabularies.  In: the built-in lists of the
 * default topic (lua/builtin/vocab.lua of the share folder) and the
 * project's lua/vocab.lua, which replaces any of them whole.  Out, once
 * per build: the lists checked (file:line:col), each sector given its map
 * marker, kept in the registry; components read them in the page's
 * language with pk.vocab(name) and pk.label(name, id), and pk.t's old
 * keys of the topic ("sector.police", "note.confidential") read them too.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

#define REG_VOCAB "pk.vocab"    /* name -> the list or text, as written */
#define VOCAB_FILE "lua/vocab.lua"

/* What a vocabulary holds: a list of { id, label } items, a list of
 * texts, one text, or texts by name. */
enum vkind { V_ITEMS, V_TEXTS, V_TEXT, V_NAMED };

static const struct vocab {
	const char	*name;
	enum vkind	 kind;
	const char	*key;       /* pk.t's old keys: "key.ID" (or the key) */
} vocabs[] = {
	{ "sectors", V_ITEMS, "sector." },
	{ "levels", V_ITEMS, "level." },
	{ "plan_levels", V_ITEMS, "level." },
	{ "meeting_kinds", V_ITEMS, "kind." },
	{ "decisions", V_ITEMS, "decision." },
	{ "screening_questions", V_ITEMS, "screen." },
	{ "plan_questions", V_TEXTS, "plan.q" },
	{ "trusted", V_TEXT, "map.trusted" },
	{ "notice", V_TEXT, "note.confidential" },
	{ "clauses", V_NAMED, "mou.confidentiality_default" },
	{ NULL, 0, NULL },
};

/* The map's markers: a sector is told apart by its shape (in black and
 * white) and by its colour; each colour keeps at least 4.5:1 against
 * white and the quadrants' fills. */
static const char *const shapes[] = { "circle", "square", "diamond", "up",
    "down", "star", "hexagon", "plus", "pentagon", "hourglass", "cross",
    NULL };
static const char *const palette[] = { "#0b4f9c", "#5b3a9b", "#8b1e3f",
    "#0f6e43", "#a84300", "#a3166b", "#00667d", "#3d3d3d", "#6b5200",
    "#6b4226", "#1a1a1a", NULL };
static const char *const fills[] = { "#ffffff", "#fdecea", "#e6f4ea",
    "#f1f1f1", "#e8f0fb", NULL };

/* The schema of lua/vocab.lua, for pk.check. */
static const char schema_src[] =
"local ID = { type = 'string', nonempty = true }\n"
"local LOC = { type = 'loc' }\n"
"local ITEM = { type = 'record', fields = { id = ID, label = LOC } }\n"
"local function list(of) return { type = 'list', min = 1, of = of,\n"
"  optional = true } end\n"
"return { type = 'record', fields = {\n"
"  sectors = list({ type = 'record', fields = { id = ID, label = LOC,\n"
"    marker = { type = 'record', optional = true, fields = {\n"
"      shape = { type = 'enum', optional = true, values = { 'circle',\n"
"        'square', 'diamond', 'up', 'down', 'star', 'hexagon', 'plus',\n"
"        'pentagon', 'hourglass', 'cross' } },\n"
"      colour = { type = 'string', optional = true } } } } }),\n"
"  levels = list(ITEM), plan_levels = list(ITEM),\n"
"  meeting_kinds = list(ITEM), decisions = list(ITEM),\n"
"  screening_questions = list(ITEM),\n"
"  plan_questions = list(LOC),\n"
"  trusted = { type = 'loc', optional = true },\n"
"  notice = { type = 'loc', optional = true },\n"
"  clauses = { type = 'record', optional = true, fields = {\n"
"    confidentiality = { type = 'loc', optional = true } } },\n"
"} }\n";

/* Says an error (or warning) at field path of the project's vocab.lua. */
static void
verr(lua_State *L, enum diag_level lvl, const char *path, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
verr(lua_State *L, enum diag_level lvl, const char *path, const char *fmt,
    ...)
{
	struct sandbox *sb = sandbox_get(L);
	va_list ap;
	int line, col;

	line = linemap_pos(L, VOCAB_FILE, path, &col);
	va_start(ap, fmt);
	diag_va(sb->diag, lvl, VOCAB_FILE, line, col, fmt, ap);
	va_end(ap);
}

/* Relative luminance of "#rrggbb" (WCAG 2). */
static double
luminance(const char *hex)
{
	double c[3];
	int i;

	for (i = 0; i < 3; i++) {
		char two[3] = { hex[1 + 2 * i], hex[2 + 2 * i], '\0' };
		double v = (double)strtol(two, NULL, 16) / 255.0;

		c[i] = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static int
is_colour(const char *s)
{
	int i;

	if (strlen(s) != 7 || s[0] != '#')
		return 0;
	for (i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Whether name is in list (NULL-terminated). */
static int
among(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

/*
 * The sectors of the project (table t): an explicit shape is used once,
 * an explicit colour is "#rrggbb" (and warned about when it would fade
 * on the map); a sector without them gets the first shape and colour
 * no other sector has.  The map has as many shapes as it can tell apart
 * in black and white: a sector beyond them is an error.  0 on an error.
 */
static int
markers(lua_State *L, int t)
{
	const char *shape_of[32] = { NULL }, *colour_of[32] = { NULL };
	char path[96];
	lua_Integer i, n = (lua_Integer)lua_rawlen(L, t);
	size_t s, k;
	int ok = 1, top = lua_gettop(L), used_line[32] = { 0 };

	for (i = 1; i <= n && i <= 32; i++) {
		lua_rawgeti(L, t, i);
		if (lua_getfield(L, -1, "marker") == LUA_TTABLE) {
			if (lua_getfield(L, -1, "shape") == LUA_TSTRING) {
				const char *sh = lua_tostring(L, -1);

				snprintf(path, sizeof(path),
				    ".sectors[%lld].marker.shape", (long long)i);
				for (s = 0; shapes[s] != NULL; s++)
					if (strcmp(shapes[s], sh) == 0)
						break;
				if (shapes[s] != NULL && shape_of[s] != NULL) {
					verr(L, DIAG_ERROR, path, "sectors[%lld]."
					    "marker.shape: \"%s\" is the shape of "
					    "sector '%s' too (line %d): the map "
					    "tells sectors apart by their shape",
					    (long long)i, sh, shape_of[s],
					    used_line[s]);
					ok = 0;
				} else if (shapes[s] != NULL) {
					lua_getfield(L, -3, "id");
					shape_of[s] = lua_tostring(L, -1);
					lua_pop(L, 1);
					used_line[s] = linemap_line(L, VOCAB_FILE,
					    path);
				}
			}
			lua_pop(L, 1);
			if (lua_getfield(L, -1, "colour") == LUA_TSTRING) {
				const char *co = lua_tostring(L, -1);

				snprintf(path, sizeof(path),
				    ".sectors[%lld].marker.colour", (long long)i);
				if (!is_colour(co)) {
					verr(L, DIAG_ERROR, path, "sectors[%lld]."
					    "marker.colour: expected a colour "
					    "\"#rrggbb\", got \"%s\"",
					    (long long)i, co);
					ok = 0;
				} else {
					double l = luminance(co), worst = 99;

					for (k = 0; fills[k] != NULL; k++) {
						double f = luminance(fills[k]);
						double r = (f + 0.05) / (l + 0.05);

						if (r < worst)
							worst = r;
					}
					if (worst < 3.0)
						verr(L, DIAG_WARN, path, "sectors"
						    "[%lld].marker.colour: \"%s\" "
						    "has a contrast of %.1f:1 against "
						    "the map's background (white and "
						    "the quadrants' fills); at least "
						    "3:1 keeps the marker visible",
						    (long long)i, co, worst);
					colour_of[i - 1] = co;
				}
			}
			lua_pop(L, 1);
		}
		lua_pop(L, 2);
	}
	/* then the sectors with no shape or colour of their own */
	for (i = 1; i <= n; i++) {
		const char *sh = NULL, *co = NULL;

		lua_rawgeti(L, t, i);
		if (lua_getfield(L, -1, "marker") != LUA_TTABLE) {
			lua_pop(L, 1);
			lua_newtable(L);
			lua_pushvalue(L, -1);
			lua_setfield(L, -3, "marker");
		}
		if (lua_getfield(L, -1, "shape") == LUA_TSTRING)
			sh = lua_tostring(L, -1);
		lua_pop(L, 1);
		if (sh == NULL || !among(shapes, sh)) {
			for (s = 0; shapes[s] != NULL && shape_of[s] != NULL;
			    s++)
				continue;
			if (shapes[s] == NULL) {
				snprintf(path, sizeof(path), ".sectors[%lld]",
				    (long long)i);
				verr(L, DIAG_ERROR, path, "sectors[%lld]: no "
				    "marker shape left: the stakeholder map "
				    "tells sectors apart by 11 shapes (%s, "
				    "…), so it shows at most 11 sectors",
				    (long long)i, shapes[0]);
				ok = 0;
			} else {
				lua_getfield(L, -2, "id");
				shape_of[s] = lua_tostring(L, -1);
				lua_pop(L, 1);
				lua_pushstring(L, shapes[s]);
				lua_setfield(L, -2, "shape");
			}
		}
		if (lua_getfield(L, -1, "colour") == LUA_TSTRING)
			co = lua_tostring(L, -1);
		lua_pop(L, 1);
		if (co == NULL || !is_colour(co)) {
			for (k = 0; palette[k] != NULL; k++) {
				lua_Integer j;

				for (j = 0; j < n && j < 32; j++)
					if (colour_of[j] != NULL &&
					    strcmp(colour_of[j], palette[k]) == 0)
						break;
				if (j == n || j == 32)
					break;
			}
			if (palette[k] == NULL)
				k = (size_t)(i - 1) % 11;
			if (i <= 32)
				colour_of[i - 1] = palette[k];
			lua_pushstring(L, palette[k]);
			lua_setfield(L, -2, "colour");
		}
		lua_pop(L, 2);
	}
	lua_settop(L, top);
	return ok;
}

/* The rest of the checks pk.check cannot make: ids usable as names and
 * as fields, and a notice with words in it.  0 on an error. */
static int
extra_checks(lua_State *L, int own)
{
	const struct vocab *v;
	struct sandbox *sb = sandbox_get(L);
	char path[96];
	lua_Integer i;
	size_t l;
	int ok = 1;

	for (v = vocabs; v->name != NULL; v++) {
		if (v->kind != V_ITEMS)
			continue;
		if (lua_getfield(L, own, v->name) != LUA_TTABLE) {
			lua_pop(L, 1);
			continue;
		}
		for (i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
			const char *id;

			lua_getfield(L, -1, "id");
			id = lua_tostring(L, -1);
			snprintf(path, sizeof(path), ".%s[%lld].id", v->name,
			    (long long)i);
			if (id != NULL && (!data_goodname(id) ||
			    !isalpha((unsigned char)id[0]))) {
				verr(L, DIAG_ERROR, path, "%s[%lld].id: \"%s\": "
				    "expected a name of a-z, 0-9, '-' and '_', "
				    "starting with a letter", v->name,
				    (long long)i, id);
				ok = 0;
			} else if (id != NULL &&
			    strcmp(v->name, "screening_questions") == 0 &&
			    (strcmp(id, "who") == 0 || strcmp(id, "why") == 0 ||
			    strcmp(id, "decision") == 0)) {
				verr(L, DIAG_ERROR, path, "%s[%lld].id: \"%s\" is "
				    "a field of screening.lua already (who, why, "
				    "decision): name the question otherwise",
				    v->name, (long long)i, id);
				ok = 0;
			}
			lua_pop(L, 2);
		}
		lua_pop(L, 2);
	}
	/* the notice: every worksheet carries one, in each language */
	if (lua_getfield(L, own, "notice") != LUA_TNIL) {
		for (l = 0; l < sb->site->nlangs; l++) {
			const char *s = NULL, *p;

			if (lua_type(L, -1) == LUA_TSTRING)
				s = lua_tostring(L, -1);
			else if (lua_type(L, -1) == LUA_TTABLE) {
				lua_getfield(L, -1, sb->site->langs[l]);
				s = lua_tostring(L, -1);
				lua_pop(L, 1);
			}
			for (p = s; p != NULL && *p != '\0' &&
			    isspace((unsigned char)*p); p++)
				continue;
			if (s != NULL && *p == '\0') {
				verr(L, DIAG_ERROR, ".notice", "notice: every "
				    "worksheet carries a safety notice: expected "
				    "its words, got an empty text");
				ok = 0;
				break;
			}
		}
	}
	lua_pop(L, 1);
	if (lua_getfield(L, own, "sectors") == LUA_TTABLE)
		ok &= markers(L, lua_gettop(L));
	lua_pop(L, 1);
	return ok;
}

/* Pushes the value of a vocabulary file (chunk name), its lines mapped;
 * nil when it does not exist. */
static void
run_file(lua_State *L, const char *path, const char *name)
{
	struct sandbox *sb = sandbox_get(L);
	const char *src;
	char *text;
	size_t len;

	if ((text = file_read(path, &len)) == NULL) {
		lua_pushnil(L);
		return;
	}
	lua_pushlstring(L, text, len);
	free(text);
	src = lua_tolstring(L, -1, &len);
	sandbox_load(sb, name, src, len, 1, 1);
	lua_call(L, 0, 1);
	linemap_read(L, name, src, len);
	linemap_register(L, -1, name, "");
	lua_remove(L, -2);
}

/* Protected: reads, checks and keeps the vocabularies. */
static int
vocab_k(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	const struct vocab *v;
	char *path;
	char got[128];
	int builtin, own, ok = 1, merged;

	path = sb->site->sharedir != NULL ? xasprintf(
	    "%s/lua/builtin/vocab.lua", sb->site->sharedir) : NULL;
	lua_pushstring(L, path != NULL ? path : "");
	free(path);
	run_file(L, lua_tostring(L, -1), lua_tostring(L, -1));
	builtin = lua_gettop(L);
	path = xasprintf("%s/%s", sb->site->dir != NULL ? sb->site->dir : ".",
	    VOCAB_FILE);
	run_file(L, path, VOCAB_FILE);
	free(path);
	own = lua_gettop(L);
	if (!lua_isnil(L, own)) {
		if (lua_type(L, own) != LUA_TTABLE) {
			schema_describe(L, own, got, sizeof(got));
			return luaL_error(L, "%s:1: the vocabularies file must "
			    "return a table { sectors = { … }, … }; it returns "
			    "%s", VOCAB_FILE, got);
		}
		lua_getfield(L, LUA_REGISTRYINDEX, SB_REG_PK);
		lua_getfield(L, -1, "check");
		lua_pushvalue(L, own);
		if (luaL_loadbufferx(L, schema_src, sizeof(schema_src) - 1,
		    "=vocab schema", "t") != LUA_OK)
			return lua_error(L);
		lua_call(L, 0, 1);
		lua_pushliteral(L, "vocab");
		lua_call(L, 3, 0);      /* raises (said) on a mismatch */
		lua_pop(L, 1);
		data_dup_ids(L, own, VOCAB_FILE, "");
		ok = extra_checks(L, own);
	}
	lua_newtable(L);
	merged = lua_gettop(L);
	for (v = vocabs; v->name != NULL; v++) {
		if (lua_type(L, own) != LUA_TTABLE ||
		    lua_getfield(L, own, v->name) == LUA_TNIL) {
			if (lua_type(L, own) == LUA_TTABLE)
				lua_pop(L, 1);
			if (lua_type(L, builtin) == LUA_TTABLE)
				lua_getfield(L, builtin, v->name);
			else
				lua_newtable(L);
		}
		lua_setfield(L, merged, v->name);
	}
	lua_setfield(L, LUA_REGISTRYINDEX, REG_VOCAB);
	if (!ok)
		sandbox_silent(L);
	return 0;
}

int
vocab_load(struct sandbox *sb)
{
	lua_pushcfunction(sb->L, vocab_k);
	return sandbox_call(sb, 0, 0, NULL, 0);
}

/* Pushes the registry's vocabularies, read now if they are not yet (a
 * component called outside a project load: the unit tests). */
static void
pushvocabs(lua_State *L)
{
	if (lua_getfield(L, LUA_REGISTRYINDEX, REG_VOCAB) == LUA_TTABLE)
		return;
	lua_pop(L, 1);
	lua_pushcfunction(L, vocab_k);
	lua_call(L, 0, 0);
	lua_getfield(L, LUA_REGISTRYINDEX, REG_VOCAB);
}

/* Pushes the text of loc value idx in the page's language: as pk.loc
 * gives it (the other language, marked, with a warning), or, for a
 * built-in text on a site in neither of its languages, its English. */
static void
pushtext(lua_State *L, int idx)
{
	struct sandbox *sb = sandbox_get(L);
	const struct site *site = sb->site;
	const char *s = NULL;
	size_t i, used;

	idx = lua_absindex(L, idx);
	if (lua_type(L, idx) == LUA_TTABLE) {
		for (i = 0; i < site->nlangs && s == NULL; i++) {
			if (lua_getfield(L, idx, site->langs[i]) == LUA_TSTRING)
				s = "";
			lua_pop(L, 1);
		}
		if (s == NULL) {
			if (lua_getfield(L, idx, "en") != LUA_TSTRING) {
				lua_pop(L, 1);
				lua_getfield(L, idx, "fr");
			}
			if (lua_type(L, -1) != LUA_TSTRING) {
				lua_pop(L, 1);
				lua_pushliteral(L, "");
			}
			return;
		}
	}
	s = loc_text(L, idx, sb->lang, &used);
	lua_pushstring(L, s != NULL ? s : "");
}

static const struct vocab *
find(const char *name)
{
	const struct vocab *v;

	for (v = vocabs; v->name != NULL; v++)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

/* Pushes vocabulary v (its value at idx) in the page's language: a
 * fresh table, which a component may change. */
static void
pushresolved(lua_State *L, const struct vocab *v, int idx)
{
	lua_Integer i;

	idx = lua_absindex(L, idx);
	switch (v->kind) {
	case V_TEXT:
		pushtext(L, idx);
		return;
	case V_NAMED:
		lua_newtable(L);
		lua_pushnil(L);
		while (lua_next(L, idx)) {
			pushtext(L, -1);
			lua_setfield(L, -4, lua_tostring(L, -3));
			lua_pop(L, 1);
		}
		return;
	case V_TEXTS:
		lua_newtable(L);
		for (i = 1; lua_rawgeti(L, idx, i) != LUA_TNIL; i++) {
			pushtext(L, -1);
			lua_rawseti(L, -3, i);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
		return;
	case V_ITEMS:
		lua_newtable(L);
		for (i = 1; lua_rawgeti(L, idx, i) == LUA_TTABLE; i++) {
			lua_createtable(L, 0, 3);
			lua_getfield(L, -2, "id");
			lua_setfield(L, -2, "id");
			lua_getfield(L, -2, "label");
			pushtext(L, -1);
			lua_setfield(L, -3, "label");
			lua_pop(L, 1);
			if (lua_getfield(L, -2, "marker") == LUA_TTABLE) {
				lua_createtable(L, 0, 2);
				lua_getfield(L, -2, "shape");
				lua_setfield(L, -2, "shape");
				lua_getfield(L, -2, "colour");
				lua_setfield(L, -2, "colour");
				lua_setfield(L, -3, "marker");
			}
			lua_pop(L, 1);
			lua_rawseti(L, -3, i);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
		return;
	}
}

/* pk.vocab(name): the vocabulary in the page's language. */
static int
pk_vocab(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	const struct vocab *v = find(name);

	if (v == NULL)
		return luaL_error(L, "pk.vocab: no vocabulary '%s' (sectors, "
		    "levels, plan_levels, meeting_kinds, decisions, "
		    "screening_questions, plan_questions, trusted, notice, "
		    "clauses)", name);
	pushvocabs(L);
	lua_getfield(L, -1, name);
	pushresolved(L, v, -1);
	return 1;
}

/* Pushes the label of item id of list vocabulary v, or returns 0. */
static int
pushlabel(lua_State *L, const struct vocab *v, const char *id)
{
	lua_Integer i;
	int top = lua_gettop(L);

	pushvocabs(L);
	lua_getfield(L, -1, v->name);
	for (i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
		lua_getfield(L, -1, "id");
		if (lua_type(L, -1) == LUA_TSTRING &&
		    strcmp(lua_tostring(L, -1), id) == 0) {
			lua_getfield(L, -2, "label");
			pushtext(L, -1);
			lua_replace(L, top + 1);
			lua_settop(L, top + 1);
			return 1;
		}
		lua_pop(L, 2);
	}
	lua_settop(L, top);
	return 0;
}

/* pk.label(name, id): the label of an item of a list vocabulary in the
 * page's language, or nil when no item has that id. */
static int
pk_label(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1), *id = luaL_checkstring(L, 2);
	const struct vocab *v = find(name);

	if (v == NULL || v->kind != V_ITEMS)
		return luaL_error(L, "pk.label: '%s' is not a list of items "
		    "(sectors, levels, plan_levels, meeting_kinds, decisions, "
		    "screening_questions)", name);
	if (!pushlabel(L, v, id))
		lua_pushnil(L);
	return 1;
}

int
vocab_t(lua_State *L, const char *key)
{
	const struct vocab *v;
	size_t n;
	int top = lua_gettop(L);

	if (strcmp(key, "col.trusted") == 0)
		key = "map.trusted";    /* one label, on the map and its table */
	for (v = vocabs; v->name != NULL; v++) {
		n = strlen(v->key);
		if (strncmp(key, v->key, n) != 0)
			continue;
		if (v->kind == V_ITEMS && key[n] != '\0' &&
		    pushlabel(L, v, key + n))
			return 1;
		if (v->kind == V_TEXTS && isdigit((unsigned char)key[n])) {
			pushvocabs(L);
			lua_getfield(L, -1, v->name);
			if (lua_rawgeti(L, -1, strtol(key + n, NULL, 10)) !=
			    LUA_TNIL) {
				pushtext(L, -1);
				lua_replace(L, top + 1);
				lua_settop(L, top + 1);
				return 1;
			}
			lua_settop(L, top);
		}
		if ((v->kind == V_TEXT || v->kind == V_NAMED) &&
		    key[n] == '\0') {
			pushvocabs(L);
			lua_getfield(L, -1, v->name);
			if (v->kind == V_NAMED)
				lua_getfield(L, -1, "confidentiality");
			pushtext(L, -1);
			lua_replace(L, top + 1);
			lua_settop(L, top + 1);
			return 1;
		}
	}
	return 0;
}

/* The interface strings the topic's words had before they moved here. */
static const char *const moved[] = { "sector.police", "sector.security",
    "sector.justice", "sector.health", "sector.shelter", "sector.womens-org",
    "sector.civil-society", "sector.government", "sector.community",
    "sector.media", "sector.other", "level.community", "level.local",
    "level.regional", "level.provincial", "level.national",
    "level.international", "kind.bilateral", "kind.joint-committee",
    "kind.consultation", "decision.partner", "decision.engage",
    "decision.monitor", "decision.avoid", "screen.trusted",
    "screen.respected", "screen.risks", "screen.advocate",
    "screen.champions", "screen.influential", "plan.q1", "plan.q2",
    "plan.q3", "plan.q4", "plan.q5", "plan.q6", "plan.q7", "map.trusted",
    "col.trusted", "note.confidential", "mou.confidentiality_default",
    NULL };

const char *
vocab_moved(const char *key)
{
	const struct vocab *v;

	if (!among(moved, key))
		return NULL;
	if (strcmp(key, "col.trusted") == 0)
		return "trusted";
	for (v = vocabs; v->name != NULL; v++)
		if (strncmp(key, v->key, strlen(v->key)) == 0)
			return v->name;
	return NULL;
}

void
vocab_open(lua_State *L)
{
	lua_pushcfunction(L, pk_vocab);
	lua_setfield(L, -2, "vocab");
	lua_pushcfunction(L, pk_label);
	lua_setfield(L, -2, "label");
}

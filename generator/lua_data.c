/*
 * lua_data.c: Lua values -> C structs and checked data.  In: lua/site.lua,
 * lua/i18n/<lang>.lua, front matter chunks, lua/data/NAME.lua.  Out: struct
 * site, the interface strings, page fields, and for data files a line map
 * (path such as "[3].influence" -> line) so that pk.check() can name the
 * line of the offending field.  Also pk.data, pk.check, pk.loc, pk.t and
 * the small text helpers of the pk table.
 */
#define _GNU_SOURCE             /* memmem() */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lua.h>
#include <lauxlib.h>

#include "pactkit.h"
#include "lua_sandbox.h"

#define REG_LINES "pk.lines"    /* file -> { path -> line } */
#define REG_POS "pk.pos"        /* table -> path (weak keys) */
#define REG_POSFILE "pk.posfile" /* table -> file (weak keys) */
#define REG_DATA "pk.data"      /* name -> value of lua/data/NAME.lua */
#define REG_WARNED "pk.warned"  /* warnings already printed */
#define MAXPATH 512

/* ==== line maps: a small Lua tokenizer ================================== */

enum tok { TOK_NAME, TOK_STRING, TOK_NUMBER, TOK_SYM };

struct token {
	enum tok type;
	const char *s;              /* into the source */
	size_t	 len;
	int	 line;
};

struct frame {
	int	 kind;              /* '{', '(', '[' or 'B' (a block) */
	char	*path;              /* recorded constructor path, or NULL */
	long	 n;                 /* positional items so far */
	int	 expect;            /* 1: next token starts an item */
};

struct lmap {
	struct token *toks;
	size_t	 ntoks;
	size_t	 tokcap;
	char	**paths;            /* entries, in source order */
	int	*lines;
	size_t	 n;
	size_t	 cap;
	struct frame *frames;
	size_t	 nframes;
};

/* Length of a long bracket opener "[==[" at s, its level in *lvl; 0 if
 * s does not open one. */
static size_t
longopen(const char *s, size_t len, int *lvl)
{
	size_t i = 1;

	if (len < 2 || s[0] != '[')
		return 0;
	while (i < len && s[i] == '=')
		i++;
	if (i < len && s[i] == '[') {
		*lvl = (int)i - 1;
		return i + 1;
	}
	return 0;
}

/* Skips to the end of a long bracket of level lvl; counts lines. */
static size_t
longskip(const char *s, size_t len, size_t i, int lvl, int *line)
{
	int k;

	for (; i < len; i++) {
		if (s[i] == '\n')
			(*line)++;
		else if (s[i] == ']') {
			for (k = 0; k < lvl && i + 1 + (size_t)k < len &&
			    s[i + 1 + k] == '='; k++)
				continue;
			if (k == lvl && i + 1 + (size_t)k < len &&
			    s[i + 1 + k] == ']')
				return i + (size_t)k + 2;
		}
	}
	return len;
}

static void
addtok(struct lmap *m, enum tok type, const char *s, size_t len, int line)
{
	if (m->ntoks == m->tokcap) {
		m->tokcap = m->tokcap == 0 ? 256 : m->tokcap * 2;
		m->toks = xrealloc(m->toks, m->tokcap * sizeof(*m->toks));
	}
	m->toks[m->ntoks].type = type;
	m->toks[m->ntoks].s = s;
	m->toks[m->ntoks].len = len;
	m->toks[m->ntoks].line = line;
	m->ntoks++;
}

static void
tokenize(struct lmap *m, const char *s, size_t len)
{
	static const char *const two[] = { "==", "~=", "<=", ">=", "::",
	    "//", "<<", ">>", "..", NULL };
	size_t i = 0, start, k;
	int line = 1, lvl, tline;
	const char *const *t;

	while (i < len) {
		char c = s[i];

		if (c == '\n') {
			line++;
			i++;
		} else if (isspace((unsigned char)c)) {
			i++;
		} else if (c == '-' && i + 1 < len && s[i + 1] == '-') {
			i += 2;
			if ((k = longopen(s + i, len - i, &lvl)) > 0)
				i = longskip(s, len, i + k, lvl, &line);
			else
				while (i < len && s[i] != '\n')
					i++;
		} else if (c == '[' && (k = longopen(s + i, len - i, &lvl))) {
			start = i;
			tline = line;
			i = longskip(s, len, i + k, lvl, &line);
			addtok(m, TOK_STRING, s + start, i - start, tline);
		} else if (c == '"' || c == '\'') {
			start = i++;
			tline = line;
			while (i < len && s[i] != c && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < len) {
					i++;
					if (s[i] == '\n')
						line++;
					else if (s[i] == 'z') {
						while (i + 1 < len &&
						    isspace((unsigned char)s[i + 1])) {
							if (s[i + 1] == '\n')
								line++;
							i++;
						}
					}
				}
				i++;
			}
			if (i < len && s[i] == c)
				i++;
			addtok(m, TOK_STRING, s + start, i - start, tline);
		} else if (isdigit((unsigned char)c) || (c == '.' && i + 1 < len
		    && isdigit((unsigned char)s[i + 1]))) {
			start = i++;
			while (i < len && (isalnum((unsigned char)s[i]) ||
			    s[i] == '.' || s[i] == '_' || ((s[i] == '-' ||
			    s[i] == '+') && strchr("eEpP", s[i - 1]) != NULL)))
				i++;
			addtok(m, TOK_NUMBER, s + start, i - start, line);
		} else if (isalpha((unsigned char)c) || c == '_') {
			start = i;
			while (i < len && (isalnum((unsigned char)s[i]) ||
			    s[i] == '_'))
				i++;
			addtok(m, TOK_NAME, s + start, i - start, line);
		} else {
			k = 1;
			if (i + 2 < len && memcmp(s + i, "...", 3) == 0)
				k = 3;
			else
				for (t = two; *t != NULL; t++)
					if (i + 1 < len &&
					    memcmp(s + i, *t, 2) == 0)
						k = 2;
			addtok(m, TOK_SYM, s + i, k, line);
			i += k;
		}
	}
}

static int
issym(const struct lmap *m, size_t i, const char *sym)
{
	return i < m->ntoks && m->toks[i].type == TOK_SYM &&
	    m->toks[i].len == strlen(sym) &&
	    memcmp(m->toks[i].s, sym, m->toks[i].len) == 0;
}

static int
isname(const struct lmap *m, size_t i, const char *name)
{
	return i < m->ntoks && m->toks[i].type == TOK_NAME &&
	    m->toks[i].len == strlen(name) &&
	    memcmp(m->toks[i].s, name, m->toks[i].len) == 0;
}

static void
record(struct lmap *m, const char *path, int line)
{
	if (m->n == m->cap) {
		m->cap = m->cap == 0 ? 64 : m->cap * 2;
		m->paths = xrealloc(m->paths, m->cap * sizeof(*m->paths));
		m->lines = xrealloc(m->lines, m->cap * sizeof(*m->lines));
	}
	m->paths[m->n] = xstrdup(path);
	m->lines[m->n] = line;
	m->n++;
}

static void
push(struct lmap *m, int kind, char *path)
{
	m->frames = xrealloc(m->frames,
	    (m->nframes + 1) * sizeof(*m->frames));
	m->frames[m->nframes].kind = kind;
	m->frames[m->nframes].path = path;
	m->frames[m->nframes].n = 0;
	m->frames[m->nframes].expect = kind == '{';
	m->nframes++;
}

static void
pop(struct lmap *m, int kind)
{
	if (m->nframes > 0 && m->frames[m->nframes - 1].kind == kind) {
		m->nframes--;
		free(m->frames[m->nframes].path);
	}
}

/* Walks the tokens: records each field and item of the constructor
 * after a top-level `return`, and each top-level `name =`. */
static void
mapfields(struct lmap *m)
{
	size_t i, v;
	struct frame *top;
	char *child;

	for (i = 0; i < m->ntoks; i++) {
		const struct token *t = &m->toks[i];

		top = m->nframes > 0 ? &m->frames[m->nframes - 1] : NULL;
		if (top != NULL && top->kind == '{' && top->expect) {
			top->expect = 0;
			if (issym(m, i, "}")) {
				pop(m, '{');
				continue;
			}
			child = NULL;
			v = (size_t)-1;
			if (t->type == TOK_NAME && issym(m, i + 1, "=")) {
				if (top->path != NULL)
					child = xasprintf("%s.%.*s", top->path,
					    (int)t->len, t->s);
				v = i + 2;
			} else if (issym(m, i, "[") && issym(m, i + 2, "]") &&
			    issym(m, i + 3, "=") &&
			    (m->toks[i + 1].type == TOK_NUMBER ||
			    (m->toks[i + 1].type == TOK_STRING &&
			    m->toks[i + 1].s[0] == '"' &&
			    memchr(m->toks[i + 1].s, '\\',
			    m->toks[i + 1].len) == NULL))) {
				if (top->path != NULL)
					child = xasprintf("%s[%.*s]", top->path,
					    (int)m->toks[i + 1].len,
					    m->toks[i + 1].s);
				v = i + 4;
			} else if (!issym(m, i, "[")) {
				top->n++;
				if (top->path != NULL)
					child = xasprintf("%s[%ld]", top->path,
					    top->n);
				v = i;
			}
			if (child != NULL)
				record(m, child, t->line);
			if (v != (size_t)-1) {
				if (issym(m, v, "{")) {
					push(m, '{', child);
					i = v;
				} else {
					free(child);
					i = v - 1;
				}
				continue;
			}
		}
		if (issym(m, i, "{")) {
			child = NULL;
			if (m->nframes == 0 && i > 0 && isname(m, i - 1,
			    "return"))
				child = xstrdup("");
			else if (m->nframes == 0 && i > 1 && issym(m, i - 1,
			    "=") && m->toks[i - 2].type == TOK_NAME &&
			    !issym(m, i - 3, ".") && !issym(m, i - 3, ":"))
				child = xasprintf(".%.*s",
				    (int)m->toks[i - 2].len, m->toks[i - 2].s);
			if (child != NULL && *child == '\0')
				record(m, child, t->line);
			push(m, '{', child);
		} else if (issym(m, i, "}")) {
			pop(m, '{');
		} else if (issym(m, i, "(") || issym(m, i, "[")) {
			push(m, t->s[0], NULL);
		} else if (issym(m, i, ")")) {
			pop(m, '(');
		} else if (issym(m, i, "]")) {
			pop(m, '[');
		} else if (issym(m, i, ",") || issym(m, i, ";")) {
			if (top != NULL && top->kind == '{')
				top->expect = 1;
		} else if (isname(m, i, "function") || isname(m, i, "if") ||
		    isname(m, i, "do") || isname(m, i, "repeat")) {
			push(m, 'B', NULL);
		} else if (isname(m, i, "end") || isname(m, i, "until")) {
			pop(m, 'B');
		} else if (m->nframes == 0 && t->type == TOK_NAME &&
		    issym(m, i + 1, "=") && !issym(m, i - 1, ".") &&
		    !issym(m, i - 1, ":")) {
			child = xasprintf(".%.*s", (int)t->len, t->s);
			record(m, child, t->line);
			free(child);
		}
	}
}

static void
lmap_free(struct lmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->paths[i]);
	while (m->nframes > 0)
		pop(m, m->frames[m->nframes - 1].kind);
	free(m->paths);
	free(m->lines);
	free(m->frames);
	free(m->toks);
}

/* Protected: moves the entries of the map (light userdata 1) into the
 * registry under file (2). */
static int
lmap_store(lua_State *L)
{
	struct lmap *m = lua_touserdata(L, 1);
	size_t i;

	if (lua_getfield(L, LUA_REGISTRYINDEX, REG_LINES) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_setfield(L, LUA_REGISTRYINDEX, REG_LINES);
	}
	lua_createtable(L, 0, (int)m->n);
	for (i = 0; i < m->n; i++) {
		lua_pushinteger(L, m->lines[i]);
		lua_setfield(L, -2, m->paths[i]);
	}
	lua_setfield(L, -2, lua_tostring(L, 2));
	return 0;
}

void
data_linemap(lua_State *L, const char *file, const char *src, size_t len)
{
	struct lmap m;
	int status;

	memset(&m, 0, sizeof(m));
	tokenize(&m, src, len);
	mapfields(&m);
	lua_pushcfunction(L, lmap_store);
	lua_pushlightuserdata(L, &m);
	lua_pushstring(L, file);
	status = lua_pcall(L, 2, 0, 0);
	lmap_free(&m);
	if (status != LUA_OK)
		lua_error(L);
}

/* Pushes registry table name, creating it (weak-keyed when weak). */
static void
regtable(lua_State *L, const char *name, int weak)
{
	if (lua_getfield(L, LUA_REGISTRYINDEX, name) == LUA_TTABLE)
		return;
	lua_pop(L, 1);
	lua_newtable(L);
	if (weak) {
		lua_createtable(L, 0, 1);
		lua_pushliteral(L, "k");
		lua_setfield(L, -2, "__mode");
		lua_setmetatable(L, -2);
	}
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, name);
}

/* Appends the path component of key at idx to path (size MAXPATH). */
static int
addkey(lua_State *L, int idx, char *path, size_t plen)
{
	const char *k, *p;
	int n = -1;

	if (lua_type(L, idx) == LUA_TNUMBER && lua_isinteger(L, idx))
		n = snprintf(path + plen, MAXPATH - plen, "[%lld]",
		    (long long)lua_tointeger(L, idx));
	else if (lua_type(L, idx) == LUA_TSTRING) {
		k = lua_tostring(L, idx);
		for (p = k; *p != '\0' && (isalnum((unsigned char)*p) ||
		    *p == '_'); p++)
			continue;
		if (*p == '\0' && *k != '\0' && !isdigit((unsigned char)*k))
			n = snprintf(path + plen, MAXPATH - plen, ".%s", k);
		else
			n = snprintf(path + plen, MAXPATH - plen, "[\"%s\"]",
			    k);
	}
	return n >= 0 && plen + (size_t)n < MAXPATH;
}

static void
walk(lua_State *L, int t, int pos, int posfile, int file, char *path,
    size_t plen, int depth)
{
	if (depth > SB_MAXDEPTH)
		return;
	luaL_checkstack(L, 10, "nested too deeply");
	lua_pushvalue(L, t);
	if (lua_rawget(L, pos) != LUA_TNIL) {
		lua_pop(L, 1);
		return;                 /* seen: shared or cyclic */
	}
	lua_pop(L, 1);
	lua_pushvalue(L, t);
	lua_pushlstring(L, path, plen);
	lua_rawset(L, pos);
	lua_pushvalue(L, t);
	lua_pushvalue(L, file);
	lua_rawset(L, posfile);
	lua_pushnil(L);
	while (lua_next(L, t)) {
		if (lua_type(L, -1) == LUA_TTABLE &&
		    addkey(L, -2, path, plen))
			walk(L, lua_gettop(L), pos, posfile, file, path,
			    strlen(path), depth + 1);
		path[plen] = '\0';
		lua_pop(L, 1);
	}
}

void
data_register(lua_State *L, int idx, const char *file, const char *path)
{
	char buf[MAXPATH];
	int top = lua_gettop(L);

	idx = lua_absindex(L, idx);
	if (lua_type(L, idx) != LUA_TTABLE)
		return;
	regtable(L, REG_POS, 1);
	regtable(L, REG_POSFILE, 1);
	lua_pushstring(L, file);
	snprintf(buf, sizeof(buf), "%s", path);
	walk(L, idx, top + 1, top + 2, top + 3, buf, strlen(buf), 0);
	lua_settop(L, top);
}

int
data_where(lua_State *L, int idx, const char **file, const char **path)
{
	int top = lua_gettop(L), ok = 0;

	idx = lua_absindex(L, idx);
	*file = *path = NULL;
	if (lua_type(L, idx) == LUA_TTABLE) {
		regtable(L, REG_POS, 1);
		regtable(L, REG_POSFILE, 1);
		lua_pushvalue(L, idx);
		lua_rawget(L, top + 1);
		lua_pushvalue(L, idx);
		lua_rawget(L, top + 2);
		if (lua_type(L, -1) == LUA_TSTRING &&
		    lua_type(L, -2) == LUA_TSTRING) {
			/* both stay referenced by the registry tables */
			*file = lua_tostring(L, -1);
			*path = lua_tostring(L, -2);
			ok = 1;
		}
	}
	lua_settop(L, top);
	return ok;
}

int
data_line(lua_State *L, const char *file, const char *path)
{
	char buf[MAXPATH];
	size_t n;
	int line = 0, top = lua_gettop(L);

	if (file == NULL)
		return 0;
	regtable(L, REG_LINES, 0);
	if (lua_getfield(L, -1, file) != LUA_TTABLE) {
		lua_settop(L, top);
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s", path != NULL ? path : "");
	for (;;) {
		if (lua_getfield(L, -1, buf) == LUA_TNUMBER) {
			line = (int)lua_tointeger(L, -1);
			break;
		}
		lua_pop(L, 1);
		if ((n = strlen(buf)) == 0)
			break;
		/* drop the last component: ".name" or "[...]" */
		if (buf[n - 1] == ']') {
			while (n > 0 && buf[n - 1] != '[')
				n--;
			buf[n > 0 ? n - 1 : 0] = '\0';
		} else {
			while (n > 0 && buf[n - 1] != '.' && buf[n - 1] != '[')
				n--;
			buf[n > 0 ? n - 1 : 0] = '\0';
		}
	}
	lua_settop(L, top);
	return line;
}

/* ==== warnings once, positions ========================================= */

/* 1 the first time key is seen in this build. */
static int
first_time(lua_State *L, const char *key)
{
	int seen;

	regtable(L, REG_WARNED, 0);
	seen = lua_getfield(L, -1, key) != LUA_TNIL;
	lua_pop(L, 1);
	if (!seen) {
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, key);
	}
	lua_pop(L, 1);
	return !seen;
}

/* Where a message about the running code goes: the component call when
 * there is one, else the Lua line running. */
static void
callsite(lua_State *L, const char **file, int *line, char *buf,
    size_t sz)
{
	struct sandbox *sb = sandbox_get(L);
	lua_Debug ar;
	int lvl;

	if (sb->page != NULL && sb->callline > 0) {
		*file = sb->page;
		*line = sb->callline;
		return;
	}
	*file = NULL;
	*line = 0;
	for (lvl = 1; lua_getstack(L, lvl, &ar); lvl++)
		if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
			snprintf(buf, sz, "%s", ar.source[0] == '@' ?
			    ar.source + 1 : ar.short_src);
			*file = buf;
			*line = ar.currentline;
			return;
		}
}

/* ==== localised strings ================================================= */

static const char *
langcode(const struct site *site, size_t i)
{
	return i < site->nlangs ? site->langs[i] : "";
}

const char *
data_loc(lua_State *L, int idx, size_t lang, size_t *used)
{
	struct sandbox *sb = sandbox_get(L);
	const struct site *site = sb->site;
	const char *s = NULL, *file, *path, *cf;
	char key[MAXPATH + 64], where[256];
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
	if (lua_getfield(L, idx, langcode(site, lang)) == LUA_TSTRING)
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
	if (data_where(L, idx, &file, &path)) {
		line = data_line(L, file, path);
		snprintf(key, sizeof(key), "%s:%d:%s:%s", file, line, path,
		    langcode(site, lang));
		if (first_time(L, key))
			diag(DIAG_WARN, file, line, 0, "no '%s' text here; "
			    "the '%s' text is used", langcode(site, lang),
			    site->langs[*used]);
	} else {
		callsite(L, &cf, &line, where, sizeof(where));
		snprintf(key, sizeof(key), "%s:%d:%s", cf != NULL ? cf : "",
		    line, langcode(site, lang));
		if (first_time(L, key))
			diag(DIAG_WARN, cf, line, cf != NULL &&
			    sb->callline > 0 ? 1 : 0, "no '%s' text for a "
			    "string; the '%s' text is used",
			    langcode(site, lang), site->langs[*used]);
	}
	return s;
}

/* pk.loc(v): the text for the page's language; nil stays nil. */
static int
pk_loc(lua_State *L)
{
	size_t used;
	const char *s = data_loc(L, 1, sandbox_get(L)->lang, &used);

	if (s == NULL)
		lua_pushnil(L);
	else
		lua_pushstring(L, s);
	return 1;
}

/* ==== pk.data =========================================================== */

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
static void
load_data(lua_State *L, const char *name)
{
	struct sandbox *sb = sandbox_get(L);
	char *path, *text, *chunk, **names, msg[512];
	const char *near, *src;
	size_t len, n, i;
	int top;

	if (!data_goodname(name))
		luaL_error(L, "pk.data: bad data file name \"%s\" (use a-z, "
		    "0-9, '-' and '_': the file is lua/data/NAME.lua)", name);
	regtable(L, REG_DATA, 0);
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
	text = util_readfile(path, &len);
	free(path);
	if (text == NULL) {
		path = xasprintf("%s/lua/data",
		    sb->site->dir != NULL ? sb->site->dir : ".");
		n = sandbox_dirnames(path, &names);
		free(path);
		near = sandbox_nearest(name, (const char *const *)names, n);
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
	data_linemap(L, chunk, src, len);
	data_register(L, -1, chunk, "");
	lua_pushvalue(L, -1);
	lua_setfield(L, top, name);
	lua_replace(L, top);
	lua_settop(L, top);
}

static int
pk_data(lua_State *L)
{
	load_data(L, luaL_checkstring(L, 1));
	return 1;
}

/* ==== pk.check ========================================================== */

struct ck {
	const char *file;           /* data file of the value, or NULL */
	const char *base;           /* path of the value in it */
	const char *what;           /* label for messages */
	char	 path[MAXPATH];     /* path below the value */
	size_t	 plen;
};

/* "string \"high\"", "number 6", "a table", ... into buf. */
static void
describe(lua_State *L, int idx, char *buf, size_t sz)
{
	const char *s;
	size_t len, n;

	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		snprintf(buf, sz, "nothing");
		break;
	case LUA_TBOOLEAN:
		snprintf(buf, sz, "%s", lua_toboolean(L, idx) ? "true" :
		    "false");
		break;
	case LUA_TNUMBER:
		if (lua_isinteger(L, idx))
			snprintf(buf, sz, "number %lld",
			    (long long)lua_tointeger(L, idx));
		else
			snprintf(buf, sz, "number %.14g",
			    (double)lua_tonumber(L, idx));
		break;
	case LUA_TSTRING:
		s = lua_tolstring(L, idx, &len);
		n = len > 40 ? 40 : len;
		while (n < len && n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;            /* do not cut a UTF-8 sequence */
		snprintf(buf, sz, "string \"%.*s%s\"", (int)n, s,
		    n < len ? "…" : "");
		break;
	case LUA_TTABLE:
		snprintf(buf, sz, "%s", lua_rawlen(L, idx) > 0 ? "a list" :
		    "a table");
		break;
	case LUA_TUSERDATA:
		snprintf(buf, sz, "a document node");
		break;
	default:
		snprintf(buf, sz, "a %s", luaL_typename(L, idx));
		break;
	}
}

/* Raises "FILE:LINE: what.path: message"; the line is that of path
 * (or of the enclosing table); shown is the first show bytes of path. */
static void
ckfail(lua_State *L, struct ck *ck, size_t show, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
ckfail(lua_State *L, struct ck *ck, size_t show, const char *fmt, ...)
{
	char msg[1024], full[MAXPATH * 2], where[256], label[MAXPATH + 128];
	const char *file;
	va_list ap;
	int line;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(label, sizeof(label), "%s%.*s", ck->what, (int)show,
	    ck->path);
	if (label[0] == '.')
		memmove(label, label + 1, strlen(label));
	if (ck->file != NULL) {
		snprintf(full, sizeof(full), "%s%s", ck->base, ck->path);
		file = ck->file;
		line = data_line(L, ck->file, full);
	} else
		callsite(L, &file, &line, where, sizeof(where));
	if (file == NULL)
		luaL_error(L, "%s: %s", label, msg);
	if (label[0] == '\0')
		lua_pushfstring(L, "%s:%d: %s", file, line, msg);
	else
		lua_pushfstring(L, "%s:%d: %s: %s", file, line, label, msg);
	lua_error(L);
}

static double
optnum(lua_State *L, int s, const char *k, int *has)
{
	double v = 0;

	*has = lua_getfield(L, s, k) == LUA_TNUMBER;
	if (*has)
		v = lua_tonumber(L, -1);
	lua_pop(L, 1);
	return v;
}

static void
range_text(char *buf, size_t sz, const char *a, double lo, int hasmin,
    double hi, int hasmax)
{
	if (hasmin && hasmax)
		snprintf(buf, sz, "%s from %g to %g", a, lo, hi);
	else if (hasmin)
		snprintf(buf, sz, "%s of at least %g", a, lo);
	else if (hasmax)
		snprintf(buf, sz, "%s of at most %g", a, hi);
	else
		snprintf(buf, sz, "%s", a);
}

/* Collects up to max string values of list t into out; returns count. */
static size_t
strlist(lua_State *L, int t, const char **out, size_t max)
{
	size_t n = 0;
	lua_Integer i;

	for (i = 1; n < max; i++) {
		if (lua_rawgeti(L, t, i) == LUA_TNIL) {
			lua_pop(L, 1);
			break;
		}
		if (lua_type(L, -1) == LUA_TSTRING)
			out[n++] = lua_tostring(L, -1); /* held by t */
		lua_pop(L, 1);
	}
	return n;
}

static void
joinlist(char *buf, size_t sz, const char *const *w, size_t n)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && i < 12 && len + 1 < sz; i++) {
		snprintf(buf + len, sz - len, "%s%s", i > 0 ? ", " : "", w[i]);
		len = strlen(buf);
	}
	if (n > 12 && len + 1 < sz)
		snprintf(buf + len, sz - len, ", …");
}

static void check(lua_State *, struct ck *, int, int, int);

static void
check_ref(lua_State *L, struct ck *ck, int v, int s)
{
	const char *ids[256], *near, *to = "the list", *val;
	char got[128], list[512];
	size_t n = 0, i;
	lua_Integer k;
	int top = lua_gettop(L), d;

	if (lua_type(L, v) != LUA_TSTRING) {
		describe(L, v, got, sizeof(got));
		ckfail(L, ck, ck->plen, "expected an id (a string), got %s",
		    got);
	}
	val = lua_tostring(L, v);
	if (lua_getfield(L, s, "to") == LUA_TSTRING) {
		to = lua_tostring(L, -1);
		load_data(L, to);
	} else if (lua_type(L, -1) != LUA_TTABLE)
		luaL_error(L, "pk.check: a ref schema needs to = \"data file "
		    "name\" or a list of ids");
	d = lua_gettop(L);
	if (lua_type(L, d) == LUA_TTABLE && lua_rawlen(L, d) > 0) {
		for (k = 1; n < 256; k++) {
			int ty = lua_rawgeti(L, d, k);

			if (ty == LUA_TNIL) {
				lua_pop(L, 1);
				break;
			}
			if (ty == LUA_TSTRING)
				ids[n++] = lua_tostring(L, -1);
			else if (ty == LUA_TTABLE) {
				if (lua_getfield(L, -1, "id") == LUA_TSTRING)
					ids[n++] = lua_tostring(L, -1);
				lua_pop(L, 1);
			}
			lua_pop(L, 1);  /* each string stays in its table */
		}
	} else if (lua_type(L, d) == LUA_TTABLE) {
		sandbox_sortedkeys(L, d);
		for (k = 1; n < 256 && lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
			if (lua_type(L, -1) == LUA_TSTRING)
				ids[n++] = lua_tostring(L, -1);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	for (i = 0; i < n; i++)
		if (strcmp(ids[i], val) == 0) {
			lua_settop(L, top);
			return;
		}
	near = sandbox_nearest(val, ids, n);
	joinlist(list, sizeof(list), ids, n);
	describe(L, v, got, sizeof(got));
	if (near != NULL)
		ckfail(L, ck, ck->plen, "unknown id \"%s\" in %s; did you mean "
		    "\"%s\"? (known ids: %s)", val, to, near, list);
	ckfail(L, ck, ck->plen, "unknown id \"%s\" in %s (known ids: %s)",
	    val, to, n > 0 ? list : "none");
}

static void
check_loc(lua_State *L, struct ck *ck, int v)
{
	struct sandbox *sb = sandbox_get(L);
	const struct site *site = sb->site;
	char got[128], key[MAXPATH * 2 + 64], full[MAXPATH * 2];
	size_t i, save = ck->plen;
	int has[PK_MAXLANG] = { 0 }, found, line, any = 0;
	lua_Integer k;

	if (lua_type(L, v) == LUA_TSTRING)
		return;
	if (lua_type(L, v) != LUA_TTABLE || lua_rawlen(L, v) > 0) {
		describe(L, v, got, sizeof(got));
		ckfail(L, ck, ck->plen, "expected a string or a table "
		    "{ fr = \"…\", en = \"…\" }, got %s", got);
	}
	sandbox_sortedkeys(L, v);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		found = -1;
		if (lua_type(L, -1) == LUA_TSTRING)
			for (i = 0; i < site->nlangs; i++)
				if (strcmp(site->langs[i],
				    lua_tostring(L, -1)) == 0)
					found = (int)i;
		if (found < 0) {
			addkey(L, -1, ck->path, ck->plen);
			ck->plen = strlen(ck->path);
			if (lua_type(L, -1) == LUA_TSTRING)
				snprintf(got, sizeof(got), "\"%.60s\"",
				    lua_tostring(L, -1));
			else
				describe(L, -1, got, sizeof(got));
			ckfail(L, ck, save, "unknown language %s (the site's "
			    "languages are %s%s%s)", got, site->nlangs > 0 ?
			    site->langs[0] : "", site->nlangs > 1 ? ", " : "",
			    site->nlangs > 1 ? site->langs[1] : "");
		}
		lua_pushvalue(L, -1);
		if (lua_rawget(L, v) != LUA_TSTRING) {
			addkey(L, -2, ck->path, ck->plen);
			ck->plen = strlen(ck->path);
			describe(L, -1, got, sizeof(got));
			ckfail(L, ck, ck->plen, "expected a string, got %s",
			    got);
		}
		has[found] = 1;
		any = 1;
		lua_pop(L, 2);
	}
	lua_pop(L, 2);
	if (!any)
		ckfail(L, ck, ck->plen, "expected a string or a table "
		    "{ fr = \"…\", en = \"…\" }, got an empty table");
	/* a missing language is a warning: pactkit check lists them all */
	for (i = 0; i < site->nlangs; i++) {
		if (has[i] || ck->file == NULL)
			continue;
		snprintf(full, sizeof(full), "%s%s", ck->base, ck->path);
		line = data_line(L, ck->file, full);
		snprintf(key, sizeof(key), "%s:%d:%s:%s", ck->file, line, full,
		    site->langs[i]);
		if (first_time(L, key))
			diag(DIAG_WARN, ck->file, line, 0, "%s%s: no '%s' text; "
			    "the '%s' text will be used", ck->what,
			    ck->what[0] == '\0' && ck->path[0] == '.' ?
			    ck->path + 1 : ck->path, site->langs[i],
			    site->langs[i == 0 ? 1 : 0]);
	}
}

static void
check_record(lua_State *L, struct ck *ck, int v, int s, int depth)
{
	const char *names[128], *req[128], *near;
	char got[128];
	size_t nn = 0, nreq = 0, i, save = ck->plen;
	int fields, keys, hasreq, isreq, top = lua_gettop(L);
	lua_Integer k;

	luaL_checkstack(L, 10, "nested too deeply");
	if (lua_type(L, v) != LUA_TTABLE) {
		describe(L, v, got, sizeof(got));
		ckfail(L, ck, ck->plen, "expected a table of fields, got %s",
		    got);
	}
	if (lua_getfield(L, s, "fields") != LUA_TTABLE)
		luaL_error(L, "pk.check: a record schema needs fields = { … }");
	fields = lua_gettop(L);
	sandbox_sortedkeys(L, fields);
	for (k = 1; nn < 128 && lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		if (lua_type(L, -1) == LUA_TSTRING)
			names[nn++] = lua_tostring(L, -1);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	hasreq = lua_getfield(L, s, "required") == LUA_TTABLE;
	if (hasreq)
		nreq = strlist(L, lua_gettop(L), req, 128);

	/* unknown fields first: a misspelt name also looks like a missing
	 * one, and the spelling is the useful message */
	sandbox_sortedkeys(L, v);
	keys = lua_gettop(L);
	for (k = 1; lua_rawgeti(L, keys, k) != LUA_TNIL; k++) {
		if (lua_type(L, -1) != LUA_TSTRING) {
			addkey(L, -1, ck->path, save);
			ck->plen = strlen(ck->path);
			ckfail(L, ck, save, "unexpected list item %s; "
			    "expected named fields", ck->path + save);
		}
		lua_pushvalue(L, -1);
		if (lua_rawget(L, fields) == LUA_TNIL) {
			const char *key = lua_tostring(L, -2);

			addkey(L, -2, ck->path, save);
			ck->plen = strlen(ck->path);
			near = sandbox_nearest(key, names, nn);
			if (near != NULL)
				ckfail(L, ck, save, "unknown field '%s'; did you "
				    "mean '%s'?", key, near);
			joinlist(got, sizeof(got), names, nn);
			ckfail(L, ck, save, "unknown field '%s' (known "
			    "fields: %s)", key, got);
		}
		lua_pop(L, 2);
	}
	lua_pop(L, 1);

	for (i = 0; i < nn; i++) {
		size_t j;

		lua_getfield(L, fields, names[i]);
		isreq = 0;
		if (hasreq) {
			for (j = 0; j < nreq; j++)
				if (strcmp(req[j], names[i]) == 0)
					isreq = 1;
		} else if (lua_type(L, -1) == LUA_TTABLE) {
			isreq = lua_getfield(L, -1, "optional") == LUA_TNIL ||
			    !lua_toboolean(L, -1);
			lua_pop(L, 1);
		}
		if (lua_getfield(L, v, names[i]) == LUA_TNIL) {
			if (isreq)
				ckfail(L, ck, save, "missing field '%s'",
				    names[i]);
		} else {
			snprintf(ck->path + save, MAXPATH - save, ".%s",
			    names[i]);
			ck->plen = strlen(ck->path);
			check(L, ck, lua_gettop(L), lua_gettop(L) - 1,
			    depth + 1);
			ck->path[save] = '\0';
			ck->plen = save;
		}
		lua_pop(L, 2);
	}
	lua_settop(L, top);
}

static void
check(lua_State *L, struct ck *ck, int v, int s, int depth)
{
	const char *type, *vals[128], *near;
	char got[128], exp[160], list[512];
	size_t n, i, save = ck->plen;
	double lo, hi, x;
	int hasmin, hasmax, top = lua_gettop(L);
	lua_Integer k, len;

	luaL_checkstack(L, 10, "nested too deeply");
	if (depth > SB_MAXDEPTH)
		ckfail(L, ck, ck->plen, "nested too deeply");
	if (lua_type(L, s) != LUA_TTABLE)
		luaL_error(L, "pk.check: a schema is a table { type = … }, "
		    "got %s", luaL_typename(L, s));
	if (lua_getfield(L, s, "type") != LUA_TSTRING)
		luaL_error(L, "pk.check: schema without a type");
	type = lua_tostring(L, -1);
	lua_pop(L, 1);                  /* still held by the schema */
	if (lua_isnil(L, v)) {
		if (lua_getfield(L, s, "optional") != LUA_TNIL &&
		    lua_toboolean(L, -1)) {
			lua_settop(L, top);
			return;
		}
		lua_pop(L, 1);
	}
	describe(L, v, got, sizeof(got));

	if (strcmp(type, "string") == 0) {
		if (lua_type(L, v) != LUA_TSTRING)
			ckfail(L, ck, ck->plen, "expected a string, got %s",
			    got);
		if (lua_getfield(L, s, "nonempty") != LUA_TNIL &&
		    lua_toboolean(L, -1) && lua_rawlen(L, v) == 0)
			ckfail(L, ck, ck->plen, "expected a non-empty string, "
			    "got an empty one");
	} else if (strcmp(type, "loc") == 0) {
		check_loc(L, ck, v);
	} else if (strcmp(type, "integer") == 0 ||
	    strcmp(type, "number") == 0) {
		int isint = type[0] == 'i';

		lo = optnum(L, s, "min", &hasmin);
		hi = optnum(L, s, "max", &hasmax);
		range_text(exp, sizeof(exp), isint ? "an integer" :
		    "a number", lo, hasmin, hi, hasmax);
		if (lua_type(L, v) != LUA_TNUMBER)
			ckfail(L, ck, ck->plen, "expected %s, got %s", exp, got);
		x = lua_tonumber(L, v);
		if ((isint && (x != floor(x) || isinf(x))) || isnan(x) ||
		    (hasmin && x < lo) || (hasmax && x > hi))
			ckfail(L, ck, ck->plen, "expected %s, got %s", exp, got);
	} else if (strcmp(type, "boolean") == 0) {
		if (lua_type(L, v) != LUA_TBOOLEAN)
			ckfail(L, ck, ck->plen, "expected true or false, got %s",
			    got);
	} else if (strcmp(type, "date") == 0) {
		if (lua_type(L, v) != LUA_TSTRING ||
		    !format_isodate(lua_tostring(L, v), NULL, NULL, NULL))
			ckfail(L, ck, ck->plen, "expected a date \"YYYY-MM-DD\", "
			    "got %s", got);
	} else if (strcmp(type, "enum") == 0) {
		if (lua_getfield(L, s, "values") != LUA_TTABLE)
			luaL_error(L, "pk.check: an enum schema needs values "
			    "= { … }");
		n = strlist(L, lua_gettop(L), vals, 128);
		if (lua_type(L, v) == LUA_TSTRING)
			for (i = 0; i < n; i++)
				if (strcmp(vals[i], lua_tostring(L, v)) == 0) {
					lua_settop(L, top);
					return;
				}
		joinlist(list, sizeof(list), vals, n);
		near = lua_type(L, v) == LUA_TSTRING ?
		    sandbox_nearest(lua_tostring(L, v), vals, n) : NULL;
		if (near != NULL)
			ckfail(L, ck, ck->plen, "expected one of %s, got %s; "
			    "did you mean \"%s\"?", list, got, near);
		ckfail(L, ck, ck->plen, "expected one of %s, got %s", list,
		    got);
	} else if (strcmp(type, "ref") == 0) {
		check_ref(L, ck, v, s);
	} else if (strcmp(type, "list") == 0) {
		if (lua_type(L, v) != LUA_TTABLE)
			ckfail(L, ck, ck->plen, "expected a list { … }, got %s",
			    got);
		len = (lua_Integer)lua_rawlen(L, v);
		sandbox_sortedkeys(L, v);
		for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
			if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 ||
			    lua_tointeger(L, -1) > len) {
				const char *key = lua_type(L, -1) == LUA_TSTRING ?
				    lua_tostring(L, -1) : NULL;

				addkey(L, -1, ck->path, save);
				ck->plen = strlen(ck->path);
				if (key != NULL)
					ckfail(L, ck, save, "expected a list "
					    "{ … }, got a table with a field "
					    "'%s'", key);
				ckfail(L, ck, save, "expected a list without "
				    "holes, got an item at %s", ck->path + save);
			}
			lua_pop(L, 1);
		}
		lua_pop(L, 2);
		lo = optnum(L, s, "min", &hasmin);
		if (hasmin && (double)len < lo)
			ckfail(L, ck, ck->plen, "expected at least %g item%s, "
			    "got %lld", lo, lo == 1 ? "" : "s", (long long)len);
		hi = optnum(L, s, "max", &hasmax);
		if (hasmax && (double)len > hi)
			ckfail(L, ck, ck->plen, "expected at most %g item%s, "
			    "got %lld", hi, hi == 1 ? "" : "s", (long long)len);
		if (lua_getfield(L, s, "of") == LUA_TTABLE)
			for (k = 1; k <= len; k++) {
				sandbox_charge(L, 1);
				lua_rawgeti(L, v, k);
				snprintf(ck->path + save, MAXPATH - save,
				    "[%lld]", (long long)k);
				ck->plen = strlen(ck->path);
				check(L, ck, lua_gettop(L), lua_gettop(L) - 1,
				    depth + 1);
				ck->path[save] = '\0';
				ck->plen = save;
				lua_pop(L, 1);
			}
	} else if (strcmp(type, "record") == 0) {
		check_record(L, ck, v, s, depth);
	} else
		luaL_error(L, "pk.check: unknown schema type '%s' (string, "
		    "loc, integer, number, boolean, date, enum, ref, list, "
		    "record)", type);
	lua_settop(L, top);
}

/* pk.check(value, schema, what): raises at the offending line. */
static int
pk_check(lua_State *L)
{
	struct ck ck;
	const char *file, *path;

	luaL_checktype(L, 2, LUA_TTABLE);
	memset(&ck, 0, sizeof(ck));
	ck.what = luaL_optstring(L, 3, "");
	lua_settop(L, 3);
	if (data_where(L, 1, &file, &path)) {
		ck.file = file;
		ck.base = path;
	} else
		ck.base = "";
	check(L, &ck, 1, 2, 0);
	lua_pushvalue(L, 1);
	return 1;
}

/* ==== pk.t, pk.number, pk.money, pk.date, pk.warn, text helpers ======== */

static int
pk_t(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	const char *key = luaL_checkstring(L, 1), *s, *file;
	char where[256], wkey[300];
	int n = lua_gettop(L), line;

	s = site_str(sb->site, sb->lang, key);
	if (s == key) {
		snprintf(wkey, sizeof(wkey), "t:%s:%zu", key, sb->lang);
		callsite(L, &file, &line, where, sizeof(where));
		if (first_time(L, wkey))
			diag(DIAG_WARN, file, line, 0, "unknown interface string "
			    "'%s'", key);
	}
	if (n == 1) {
		lua_pushstring(L, s);
		return 1;
	}
	/* pk.t(key, ...): the string is a format */
	lua_pushstring(L, s);
	lua_replace(L, 1);
	lua_getfield(L, LUA_REGISTRYINDEX, "pk.base");
	lua_getfield(L, -1, "string");
	lua_getfield(L, -1, "format");
	lua_insert(L, 1);               /* format, s, arguments, base, string */
	lua_pop(L, 2);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static void
pushbuf(lua_State *L, struct buf *b)
{
	char tmp[256];

	/* copied out first, so a Lua error cannot leak the buffer */
	snprintf(tmp, sizeof(tmp), "%s", b->data != NULL ? b->data : "");
	buf_free(b);
	lua_pushstring(L, tmp);
}

static const char *
curlang(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);

	return langcode(sb->site, sb->lang);
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

	callsite(L, &file, &line, where, sizeof(where));
	diag(DIAG_WARN, file, line, sb->page != NULL && file == sb->page ?
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
data_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "data", pk_data },
		{ "check", pk_check },
		{ "loc", pk_loc },
		{ "t", pk_t },
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

/* ==== lstr and interface strings ======================================== */

const char *
lstr_get(const struct lstr *l, size_t lang)
{
	if (lang < PK_MAXLANG && l->s[lang] != NULL)
		return l->s[lang];
	if (l->s[0] != NULL)
		return l->s[0];
	for (lang = 1; lang < PK_MAXLANG; lang++)
		if (l->s[lang] != NULL)
			return l->s[lang];
	return "";
}

static int
kvcmp(const void *a, const void *b)
{
	return strcmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

const char *
site_str(const struct site *site, size_t lang, const char *key)
{
	struct kv k, *hit;

	if (lang >= PK_MAXLANG || site->i18n[lang] == NULL)
		return key;
	k.k = (char *)key;
	hit = bsearch(&k, site->i18n[lang], site->ni18n[lang],
	    sizeof(struct kv), kvcmp);
	return hit != NULL ? hit->v : key;
}

/* ==== lua/site.lua ====================================================== */

struct sitectx {
	struct sandbox *sb;
	struct site *site;
	const char *name;           /* chunk name for messages */
	const char *text;
	size_t	 len;
	int	 ok;
};

static void
serr(lua_State *L, struct sitectx *c, enum diag_level lvl, const char *path,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
serr(lua_State *L, struct sitectx *c, enum diag_level lvl, const char *path,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(lvl, c->name, data_line(L, c->name, path), 0, fmt, ap);
	va_end(ap);
	if (lvl == DIAG_ERROR)
		c->ok = 0;
}

/* Warns about the fields of table t not in known (NULL-terminated). */
static void
unknown_fields(lua_State *L, struct sitectx *c, int t, const char *path,
    const char *const *known, const char *what)
{
	char fpath[MAXPATH];
	const char *near;
	size_t n = 0;
	lua_Integer k;

	while (known[n] != NULL)
		n++;
	sandbox_sortedkeys(L, t);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		if (lua_type(L, -1) == LUA_TSTRING) {
			const char *key = lua_tostring(L, -1), *const *p;

			for (p = known; *p != NULL && strcmp(*p, key); p++)
				continue;
			if (*p == NULL) {
				snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
				near = sandbox_nearest(key, known, n);
				if (near != NULL)
					serr(L, c, DIAG_WARN, fpath, "unknown %s "
					    "field '%s'; did you mean '%s'?",
					    what, key, near);
				else
					serr(L, c, DIAG_WARN, fpath, "unknown %s "
					    "field '%s'", what, key);
			}
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 2);
}

/* Reads the loc field key of table t into out. */
static void
get_lstr(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, struct lstr *out, int required)
{
	const struct site *site = c->site;
	char fpath[MAXPATH], got[128];
	size_t i, found;
	lua_Integer k;
	int v;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	lua_getfield(L, t, key);
	v = lua_gettop(L);
	switch (lua_type(L, v)) {
	case LUA_TNIL:
		if (required)
			serr(L, c, DIAG_ERROR, path, "missing field '%s'", key);
		break;
	case LUA_TSTRING:
		for (i = 0; i < site->nlangs; i++) {
			free(out->s[i]);
			out->s[i] = xstrdup(lua_tostring(L, v));
		}
		break;
	case LUA_TTABLE:
		sandbox_sortedkeys(L, v);
		for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
			found = site->nlangs;
			if (lua_type(L, -1) == LUA_TSTRING)
				for (i = 0; i < site->nlangs; i++)
					if (!strcmp(site->langs[i],
					    lua_tostring(L, -1)))
						found = i;
			lua_pushvalue(L, -1);
			lua_rawget(L, v);
			if (found == site->nlangs) {
				describe(L, -2, got, sizeof(got));
				serr(L, c, DIAG_ERROR, fpath, "%s: %s is not one "
				    "of the site's languages", fpath + 1, got);
			} else if (lua_type(L, -1) != LUA_TSTRING) {
				describe(L, -1, got, sizeof(got));
				serr(L, c, DIAG_ERROR, fpath, "%s.%s: expected a "
				    "string, got %s", fpath + 1,
				    site->langs[found], got);
			} else {
				free(out->s[found]);
				out->s[found] = xstrdup(lua_tostring(L, -1));
			}
			lua_pop(L, 2);
		}
		lua_pop(L, 2);
		for (i = 0; i < site->nlangs; i++)
			if (out->s[i] == NULL)
				serr(L, c, DIAG_WARN, fpath, "%s: no '%s' text",
				    fpath + 1, site->langs[i]);
		break;
	default:
		describe(L, v, got, sizeof(got));
		serr(L, c, DIAG_ERROR, fpath, "%s: expected a string or a "
		    "table { fr = \"…\", en = \"…\" }, got %s", fpath + 1, got);
		break;
	}
	lua_settop(L, v - 1);
}

/* Reads an optional string field; *out replaced when present. */
static int
get_str(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, char **out)
{
	char fpath[MAXPATH], got[128];
	int ok = 1;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	switch (lua_getfield(L, t, key)) {
	case LUA_TNIL:
		break;
	case LUA_TSTRING:
		free(*out);
		*out = xstrdup(lua_tostring(L, -1));
		break;
	default:
		describe(L, -1, got, sizeof(got));
		serr(L, c, DIAG_ERROR, fpath, "%s: expected a string, got %s",
		    fpath + 1, got);
		ok = 0;
	}
	lua_pop(L, 1);
	return ok;
}

static int
get_bool(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, int dflt)
{
	char fpath[MAXPATH], got[128];
	int v = dflt;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	switch (lua_getfield(L, t, key)) {
	case LUA_TNIL:
		break;
	case LUA_TBOOLEAN:
		v = lua_toboolean(L, -1);
		break;
	default:
		describe(L, -1, got, sizeof(got));
		serr(L, c, DIAG_ERROR, fpath, "%s: expected true or false, "
		    "got %s", fpath + 1, got);
	}
	lua_pop(L, 1);
	return v;
}

static int
goodlang(const char *s)
{
	size_t n = 0;

	while (islower((unsigned char)s[n]))
		n++;
	if (n < 2 || n > 3)
		return 0;
	if (s[n] == '\0')
		return 1;
	if (s[n] != '-' || s[n + 1] == '\0')
		return 0;
	for (n++; s[n] != '\0'; n++)
		if (!isalnum((unsigned char)s[n]))
			return 0;
	return 1;
}

static void
site_langs(lua_State *L, struct sitectx *c, int t)
{
	struct site *site = c->site;
	char got[128], path[64];
	lua_Integer k, n;
	size_t i;

	switch (lua_getfield(L, t, "languages")) {
	case LUA_TNIL:
		site->langs[0] = xstrdup("fr");
		site->langs[1] = xstrdup("en");
		site->nlangs = 2;
		break;
	case LUA_TTABLE:
		n = (lua_Integer)lua_rawlen(L, -1);
		if (n == 0)
			serr(L, c, DIAG_ERROR, ".languages", "languages: expected "
			    "a list of language codes such as { \"fr\", \"en\" }");
		for (k = 1; k <= n; k++) {
			snprintf(path, sizeof(path), ".languages[%lld]",
			    (long long)k);
			lua_rawgeti(L, -1, k);
			if (lua_type(L, -1) != LUA_TSTRING ||
			    !goodlang(lua_tostring(L, -1))) {
				describe(L, -1, got, sizeof(got));
				serr(L, c, DIAG_ERROR, path, "%s: expected a "
				    "language code such as \"fr\", got %s",
				    path + 1, got);
			} else if (site->nlangs == PK_MAXLANG) {
				serr(L, c, DIAG_ERROR, path, "languages: at most "
				    "%d languages", PK_MAXLANG);
			} else {
				for (i = 0; i < site->nlangs; i++)
					if (!strcmp(site->langs[i],
					    lua_tostring(L, -1)))
						break;
				if (i < site->nlangs)
					serr(L, c, DIAG_ERROR, path, "%s: \"%s\" "
					    "is listed twice", path + 1,
					    lua_tostring(L, -1));
				else
					site->langs[site->nlangs++] =
					    xstrdup(lua_tostring(L, -1));
			}
			lua_pop(L, 1);
		}
		break;
	default:
		describe(L, -1, got, sizeof(got));
		serr(L, c, DIAG_ERROR, ".languages", "languages: expected a "
		    "list such as { \"fr\", \"en\" }, got %s", got);
	}
	lua_pop(L, 1);
	if (site->nlangs == 0) {        /* keep going with the defaults */
		site->langs[0] = xstrdup("fr");
		site->langs[1] = xstrdup("en");
		site->nlangs = 2;
	}
}

static const char *
paper_name(const char *s)
{
	if (strcasecmp(s, "a4") == 0)
		return "A4";
	if (strcasecmp(s, "letter") == 0)
		return "Letter";
	return NULL;
}

static void
site_paper(lua_State *L, struct sitectx *c, int t)
{
	struct site *site = c->site;
	char got[128], path[64];
	const char *p;
	size_t i;
	int v;

	lua_getfield(L, t, "paper");
	v = lua_gettop(L);
	for (i = 0; i < site->nlangs; i++) {
		p = strcmp(site->langs[i], "en") == 0 ? "Letter" : "A4";
		snprintf(path, sizeof(path), ".paper");
		if (lua_type(L, v) == LUA_TSTRING)
			lua_pushvalue(L, v);
		else if (lua_type(L, v) == LUA_TTABLE) {
			lua_getfield(L, v, site->langs[i]);
			snprintf(path, sizeof(path), ".paper.%s",
			    site->langs[i]);
		} else
			lua_pushnil(L);
		if (lua_type(L, -1) == LUA_TSTRING &&
		    paper_name(lua_tostring(L, -1)) != NULL)
			p = paper_name(lua_tostring(L, -1));
		else if (!lua_isnil(L, -1)) {
			describe(L, -1, got, sizeof(got));
			serr(L, c, DIAG_ERROR, path, "%s: expected \"A4\" or "
			    "\"Letter\", got %s", path + 1, got);
		}
		lua_pop(L, 1);
		site->paper[i] = xstrdup(p);
	}
	if (!lua_isnil(L, v) && lua_type(L, v) != LUA_TSTRING &&
	    lua_type(L, v) != LUA_TTABLE) {
		describe(L, v, got, sizeof(got));
		serr(L, c, DIAG_ERROR, ".paper", "paper: expected \"A4\", "
		    "\"Letter\" or { fr = \"A4\", en = \"Letter\" }, got %s",
		    got);
	}
	lua_pop(L, 1);
}

/* A document's formats = { "pdf", "odt", "docx" }: a DOC_* mask
 * (default pdf only). */
static unsigned
doc_formats(lua_State *L, struct sitectx *c, int dt, const char *path)
{
	static const char *const names[] = { "pdf", "odt", "docx" };
	char fpath[96], got[128];
	unsigned mask = 0;
	lua_Integer j, n;
	size_t i;

	snprintf(fpath, sizeof(fpath), "%s.formats", path);
	switch (lua_getfield(L, dt, "formats")) {
	case LUA_TNIL:
		lua_pop(L, 1);
		return DOC_PDF;
	case LUA_TTABLE:
		break;
	default:
		describe(L, -1, got, sizeof(got));
		serr(L, c, DIAG_ERROR, fpath, "%s: expected a list such as "
		    "{ \"pdf\", \"odt\", \"docx\" }, got %s", fpath + 1, got);
		lua_pop(L, 1);
		return DOC_PDF;
	}
	n = (lua_Integer)lua_rawlen(L, -1);
	for (j = 1; j <= n; j++) {
		lua_rawgeti(L, -1, j);
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (lua_type(L, -1) == LUA_TSTRING &&
			    strcmp(lua_tostring(L, -1), names[i]) == 0)
				break;
		if (i < sizeof(names) / sizeof(names[0]))
			mask |= 1u << i;
		else {
			if (lua_type(L, -1) == LUA_TSTRING)
				snprintf(got, sizeof(got), "\"%s\"",
				    lua_tostring(L, -1));
			else
				describe(L, -1, got, sizeof(got));
			serr(L, c, DIAG_ERROR, fpath, "%s[%lld]: unknown format "
			    "%s (expected \"pdf\", \"odt\" or \"docx\")",
			    fpath + 1, (long long)j, got);
		}
		lua_pop(L, 1);
	}
	if (n == 0)
		serr(L, c, DIAG_ERROR, fpath, "%s: expected at least one of "
		    "\"pdf\", \"odt\" and \"docx\"", fpath + 1);
	lua_pop(L, 1);
	return mask != 0 ? mask : DOC_PDF;
}

static void
site_docs(lua_State *L, struct sitectx *c, int t)
{
	static const char *const known[] = { "id", "title", "subtitle",
	    "pages", "cover", "toc", "recto", "formats", NULL };
	struct site *site = c->site;
	struct docspec *d;
	char path[64], ppath[96], got[128];
	lua_Integer k, n, j, np;
	size_t i;
	int dt;

	if (lua_getfield(L, t, "documents") == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	if (lua_type(L, -1) != LUA_TTABLE) {
		describe(L, -1, got, sizeof(got));
		serr(L, c, DIAG_ERROR, ".documents", "documents: expected a "
		    "list of { id = …, title = …, pages = { … } }, got %s", got);
		lua_pop(L, 1);
		return;
	}
	n = (lua_Integer)lua_rawlen(L, -1);
	site->docs = xcalloc((size_t)n + 1, sizeof(*site->docs));
	for (k = 1; k <= n; k++) {
		snprintf(path, sizeof(path), ".documents[%lld]", (long long)k);
		lua_rawgeti(L, -1, k);
		dt = lua_gettop(L);
		if (lua_type(L, dt) != LUA_TTABLE) {
			describe(L, dt, got, sizeof(got));
			serr(L, c, DIAG_ERROR, path, "%s: expected a table "
			    "{ id = …, title = …, pages = { … } }, got %s",
			    path + 1, got);
			lua_pop(L, 1);
			continue;
		}
		d = &site->docs[site->ndocs++];
		d->line = data_line(L, c->name, path);
		d->cover = get_bool(L, c, dt, "cover", path, 1);
		d->toc = get_bool(L, c, dt, "toc", path, 1);
		d->recto = get_bool(L, c, dt, "recto", path, 0);
		unknown_fields(L, c, dt, path, known, "document");
		get_str(L, c, dt, "id", path, &d->id);
		if (d->id == NULL) {
			serr(L, c, DIAG_ERROR, path, "%s: missing field 'id' "
			    "(the PDF's file name)", path + 1);
			d->id = xasprintf("document-%lld", (long long)k);
		} else if (!data_goodname(d->id))
			serr(L, c, DIAG_ERROR, path, "%s.id: \"%s\" cannot be "
			    "a file name (use a-z, 0-9, '-' and '_')", path + 1,
			    d->id);
		for (i = 0; i + 1 < site->ndocs; i++)
			if (strcmp(site->docs[i].id, d->id) == 0)
				serr(L, c, DIAG_ERROR, path, "%s.id: \"%s\" is "
				    "used twice", path + 1, d->id);
		get_lstr(L, c, dt, "title", path, &d->title, 0);
		if (d->title.s[0] == NULL)
			for (i = 0; i < site->nlangs; i++)
				if (site->title.s[i] != NULL)
					d->title.s[i] =
					    xstrdup(site->title.s[i]);
		get_lstr(L, c, dt, "subtitle", path, &d->subtitle, 0);
		d->formats = doc_formats(L, c, dt, path);
		snprintf(ppath, sizeof(ppath), "%s.pages", path);
		if (lua_getfield(L, dt, "pages") != LUA_TTABLE ||
		    lua_rawlen(L, -1) == 0) {
			describe(L, -1, got, sizeof(got));
			serr(L, c, DIAG_ERROR, lua_isnil(L, -1) ? path : ppath,
			    "%s.pages: expected a list of pages such as "
			    "{ \"guide/*\" }, got %s", path + 1, got);
		} else {
			np = (lua_Integer)lua_rawlen(L, -1);
			d->pages = xcalloc((size_t)np, sizeof(char *));
			for (j = 1; j <= np; j++) {
				lua_rawgeti(L, -1, j);
				if (lua_type(L, -1) == LUA_TSTRING)
					d->pages[d->npages++] =
					    xstrdup(lua_tostring(L, -1));
				else {
					describe(L, -1, got, sizeof(got));
					serr(L, c, DIAG_ERROR, ppath, "%s[%lld]: "
					    "expected a page path, got %s",
					    ppath + 1, (long long)j, got);
				}
				lua_pop(L, 1);
			}
		}
		lua_settop(L, dt - 1);
	}
	lua_pop(L, 1);
}

/* Protected: runs lua/site.lua and reads it (light userdata 1). */
static int
site_k(lua_State *L)
{
	static const char *const known[] = { "title", "description",
	    "author", "languages", "base_url", "theme", "paper", "raw_html",
	    "index_links",
	    "documents", NULL };
	struct sitectx *c = lua_touserdata(L, 1);
	struct site *site = c->site;
	char got[128];
	size_t n;
	int t;

	sandbox_load(c->sb, c->name, c->text, c->len, 1, 1);
	lua_call(L, 0, 1);
	data_linemap(L, c->name, c->text, c->len);
	t = lua_gettop(L);
	if (lua_type(L, t) != LUA_TTABLE) {
		describe(L, t, got, sizeof(got));
		serr(L, c, DIAG_ERROR, "", "the settings file must return a "
		    "table: return { title = \"…\", … }; it returns %s", got);
		site->langs[0] = xstrdup("fr");
		site->langs[1] = xstrdup("en");
		site->nlangs = 2;
		return 0;
	}
	data_register(L, t, c->name, "");
	unknown_fields(L, c, t, "", known, "settings");
	site_langs(L, c, t);
	get_lstr(L, c, t, "title", "", &site->title, 1);
	get_lstr(L, c, t, "description", "", &site->description, 0);
	get_lstr(L, c, t, "author", "", &site->author, 0);
	if (get_str(L, c, t, "base_url", "", &site->base_url) &&
	    site->base_url != NULL) {
		if (strncmp(site->base_url, "https://", 8) != 0 &&
		    strncmp(site->base_url, "http://", 7) != 0)
			serr(L, c, DIAG_ERROR, ".base_url", "base_url: expected "
			    "an absolute URL such as \"https://example.org/"
			    "guide/\", got \"%s\"", site->base_url);
		n = strlen(site->base_url);
		if (n > 0 && site->base_url[n - 1] != '/') {
			char *u = xasprintf("%s/", site->base_url);

			free(site->base_url);
			site->base_url = u;
		}
	}
	get_str(L, c, t, "theme", "", &site->theme);
	if (site->theme == NULL)
		site->theme = xstrdup("default");
	else if (!data_goodname(site->theme))
		serr(L, c, DIAG_ERROR, ".theme", "theme: \"%s\" is not a theme "
		    "name (use a-z, 0-9, '-' and '_': themes/NAME/)",
		    site->theme);
	site_paper(L, c, t);
	site->raw_html = get_bool(L, c, t, "raw_html", "", 0);
	site->index_links = get_bool(L, c, t, "index_links", "", 0);
	site_docs(L, c, t);
	return 0;
}

int
data_site(struct sandbox *sb, const char *path, struct site *site)
{
	struct sitectx c;
	char *text;
	size_t len;
	int ok;

	memset(&c, 0, sizeof(c));
	c.sb = sb;
	c.site = site;
	c.name = sandbox_relpath(site, path);
	c.ok = 1;
	if (site->file == NULL)
		site->file = xstrdup(c.name);
	if ((text = util_readfile(path, &len)) == NULL) {
		diag_sys(path);
		return 0;
	}
	c.text = text;
	c.len = len;
	lua_pushcfunction(sb->L, site_k);
	lua_pushlightuserdata(sb->L, &c);
	ok = sandbox_call(sb, 1, 0, NULL, 0);
	free(text);
	if (site->nlangs == 0) {        /* the chunk failed: defaults */
		site->langs[0] = xstrdup("fr");
		site->langs[1] = xstrdup("en");
		site->nlangs = 2;
	}
	return ok && c.ok;
}

/* ==== lua/i18n/<lang>.lua =============================================== */

struct i18nctx {
	struct sandbox *sb;
	struct site *site;
	size_t	 lang;
	int	 ok;
};

/* Runs the strings file path (chunk name) and copies its pairs into the
 * table at m; with known, warns about keys not in it. */
static void
i18n_file(lua_State *L, struct i18nctx *c, const char *path, int m,
    int known)
{
	struct sitectx sc;
	const char *name = sandbox_relpath(c->site, path), *src, *key;
	const char *cands[512], *near;
	char *text, got[128], kpath[MAXPATH];
	size_t len, nc = 0;
	lua_Integer k;
	int t;

	if ((text = util_readfile(path, &len)) == NULL)
		return;
	lua_pushlstring(L, text, len);
	free(text);
	src = lua_tolstring(L, -1, &len);
	sandbox_load(c->sb, name, src, len, 1, 1);
	lua_call(L, 0, 1);
	data_linemap(L, name, src, len);
	t = lua_gettop(L);
	memset(&sc, 0, sizeof(sc));
	sc.name = name;
	sc.site = c->site;
	sc.ok = 1;
	if (lua_type(L, t) != LUA_TTABLE) {
		describe(L, t, got, sizeof(got));
		serr(L, &sc, DIAG_ERROR, "", "an interface strings file must "
		    "return a table { key = \"text\", … }; it returns %s", got);
		c->ok = 0;
		lua_settop(L, t - 2);
		return;
	}
	if (known) {
		sandbox_sortedkeys(L, m);
		for (k = 1; nc < 512 && lua_rawgeti(L, -1, k) != LUA_TNIL;
		    k++) {
			cands[nc++] = lua_tostring(L, -1);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	sandbox_sortedkeys(L, t);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		kpath[0] = '\0';
		addkey(L, -1, kpath, 0);
		lua_pushvalue(L, -1);
		lua_rawget(L, t);
		if (lua_type(L, -2) != LUA_TSTRING ||
		    lua_type(L, -1) != LUA_TSTRING) {
			describe(L, lua_type(L, -2) != LUA_TSTRING ? -2 : -1,
			    got, sizeof(got));
			serr(L, &sc, DIAG_ERROR, kpath, "expected key = "
			    "\"text\" pairs, got %s", got);
			c->ok = 0;
		} else {
			key = lua_tostring(L, -2);
			lua_pushvalue(L, -2);
			if (known && lua_rawget(L, m) == LUA_TNIL) {
				near = sandbox_nearest(key, cands, nc);
				if (near != NULL)
					serr(L, &sc, DIAG_WARN, kpath, "unknown "
					    "interface string '%s'; did you "
					    "mean '%s'?", key, near);
				else
					serr(L, &sc, DIAG_WARN, kpath, "unknown "
					    "interface string '%s'", key);
			}
			lua_pop(L, 1);
			lua_pushvalue(L, -2);
			lua_pushvalue(L, -2);
			lua_rawset(L, m);
		}
		lua_pop(L, 2);
	}
	lua_settop(L, t - 2);           /* keys list, value, source text */
}

static int
i18n_k(lua_State *L)
{
	struct i18nctx *c = lua_touserdata(L, 1);
	struct site *site = c->site;
	const char *code = site->langs[c->lang];
	char *builtin = NULL, *own;
	lua_Integer k, n;
	struct kv *kv;
	int m, known = 0;

	lua_newtable(L);
	m = lua_gettop(L);
	if (site->sharedir != NULL) {
		builtin = xasprintf("%s/lua/builtin/i18n/%s.lua",
		    site->sharedir, code);
		if (!util_isfile(builtin)) {
			free(builtin);
			builtin = xasprintf("%s/lua/builtin/i18n/en.lua",
			    site->sharedir);
		}
		if (util_isfile(builtin))
			known = 1;
	}
	own = xasprintf("%s/lua/i18n/%s.lua",
	    site->dir != NULL ? site->dir : ".", code);
	if (known && !util_isfile(own) && strcmp(code, "en") != 0 &&
	    strstr(builtin, "/en.lua") != NULL)
		diag(DIAG_WARN, site->file, 0, 0, "no built-in interface "
		    "strings for '%s': English ones are used (write "
		    "lua/i18n/%s.lua)", code, code);
	lua_pushstring(L, builtin != NULL ? builtin : "");
	lua_pushstring(L, own);
	free(builtin);
	free(own);
	if (known)
		i18n_file(L, c, lua_tostring(L, m + 1), m, 0);
	i18n_file(L, c, lua_tostring(L, m + 2), m, known);

	sandbox_sortedkeys(L, m);
	n = (lua_Integer)lua_rawlen(L, -1);
	kv = xcalloc((size_t)n + 1, sizeof(*kv));
	site->i18n[c->lang] = kv;       /* the site owns it at once */
	for (k = 1; k <= n; k++) {
		lua_rawgeti(L, -1, k);
		lua_pushvalue(L, -1);
		lua_rawget(L, m);
		kv[site->ni18n[c->lang]].k = xstrdup(lua_tostring(L, -2));
		kv[site->ni18n[c->lang]].v = xstrdup(lua_tostring(L, -1));
		site->ni18n[c->lang]++;
		lua_pop(L, 2);
	}
	/* sorted by the same byte order bsearch uses */
	qsort(kv, site->ni18n[c->lang], sizeof(*kv), kvcmp);
	return 0;
}

int
data_i18n(struct sandbox *sb, struct site *site)
{
	struct i18nctx c;
	size_t i, j;
	int ok = 1;

	for (i = 0; i < site->nlangs; i++) {
		for (j = 0; j < site->ni18n[i]; j++) {
			free(site->i18n[i][j].k);
			free(site->i18n[i][j].v);
		}
		free(site->i18n[i]);
		site->i18n[i] = NULL;
		site->ni18n[i] = 0;
		memset(&c, 0, sizeof(c));
		c.sb = sb;
		c.site = site;
		c.lang = i;
		c.ok = 1;
		lua_pushcfunction(sb->L, i18n_k);
		lua_pushlightuserdata(sb->L, &c);
		if (!sandbox_call(sb, 1, 0, NULL, 0) || !c.ok)
			ok = 0;
	}
	return ok;
}

/* ==== front matter ====================================================== */

struct fmctx {
	struct sandbox *sb;
	const char *file;
	int	 line;
	const char *text;
	size_t	 len;
	struct page *page;
	int	 ok;
	int	 fast;          /* read by fm_simple, not by Lua */
	int	 nkeys;
	struct {
		char	 name[32];
		int	 line;
	}	 keys[32];
};

/* Front matter of plain `name = "text"`, integer, true or false lines
 * (and blank or `--` comment lines) is read without compiling it: the
 * same table as running it as Lua would give, at a fraction of the cost.
 * Returns 0, pushing nothing, for anything else: Lua reads that. */
static int
fm_simple(lua_State *L, struct fmctx *c)
{
	static const char *const reserved[] = { "and", "break", "do", "else",
	    "elseif", "end", "false", "for", "function", "goto", "if", "in",
	    "local", "nil", "not", "or", "repeat", "return", "then", "true",
	    "until", "while", "_ENV", NULL };
	const char *p = c->text, *end = c->text + c->len, *cr;
	int line = c->line, top = lua_gettop(L);

	/* a lone carriage return ends a line (or a comment) for Lua */
	for (cr = p; (cr = memchr(cr, '\r', (size_t)(end - cr))) != NULL; cr++)
		if (cr + 1 == end || cr[1] != '\n')
			return 0;

	lua_newtable(L);
	c->nkeys = 0;
	for (; p < end; line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *name, *v;
		size_t nlen, i;

		if (eol == NULL)
			eol = end;
		while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p == eol || (eol - p >= 2 && p[0] == '-' && p[1] == '-' &&
		    !(eol - p >= 3 && p[2] == '['))) {
			p = eol + 1;
			continue;
		}
		name = p;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    *p == '_'))
			goto no;
		while (p < eol && ((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			p++;
		nlen = (size_t)(p - name);
		if (nlen >= sizeof(c->keys[0].name) ||
		    c->nkeys == (int)(sizeof(c->keys) / sizeof(c->keys[0])))
			goto no;
		for (i = 0; reserved[i] != NULL; i++)
			if (strlen(reserved[i]) == nlen &&
			    memcmp(reserved[i], name, nlen) == 0)
				goto no;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		if (p == eol || *p++ != '=' || (p < eol && *p == '='))
			goto no;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		if (p == eol)
			goto no;        /* "name =" and nothing: Lua's error */
		lua_pushlstring(L, name, nlen);
		lua_pushvalue(L, -1);
		lua_rawget(L, -3);
		if (!lua_isnil(L, -1))
			goto no;        /* said twice: Lua's rules */
		lua_pop(L, 1);
		v = p;
		if (*p == '"') {
			for (p++; p < eol && *p != '"' && *p != '\\'; p++)
				continue;
			if (p == eol || *p != '"')
				goto no;
			lua_pushlstring(L, v + 1, (size_t)(p - v - 1));
			p++;
		} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
			lua_Integer n = 0;
			int neg = *p == '-';

			if (neg)
				p++;
			for (i = 0; p < eol && *p >= '0' && *p <= '9'; p++, i++)
				n = n * 10 + (*p - '0');
			if (i == 0 || i > 15 || (i > 1 && v[neg] == '0'))
				goto no;
			lua_pushinteger(L, neg ? -n : n);
		} else if (eol - p >= 4 && memcmp(p, "true", 4) == 0) {
			lua_pushboolean(L, 1);
			p += 4;
		} else if (eol - p >= 5 && memcmp(p, "false", 5) == 0) {
			lua_pushboolean(L, 0);
			p += 5;
		} else
			goto no;
		while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p < eol && !(eol - p >= 2 && p[0] == '-' && p[1] == '-' &&
		    !(eol - p >= 3 && p[2] == '[')))
			goto no;
		lua_rawset(L, -3);
		memcpy(c->keys[c->nkeys].name, name, nlen);
		c->keys[c->nkeys].name[nlen] = '\0';
		c->keys[c->nkeys++].line = line;
		p = eol + 1;
	}
	c->fast = 1;
	return 1;
no:
	lua_settop(L, top);
	return 0;
}

static void
fmerr(lua_State *L, struct fmctx *c, enum diag_level lvl, const char *key,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
fmerr(lua_State *L, struct fmctx *c, enum diag_level lvl, const char *key,
    const char *fmt, ...)
{
	char path[128];
	va_list ap;
	int line;

	snprintf(path, sizeof(path), ".%s", key);
	line = 0;
	if (c->fast) {
		int i;

		for (i = 0; i < c->nkeys; i++)
			if (strcmp(c->keys[i].name, key) == 0)
				line = c->keys[i].line;
	} else
		line = data_line(L, c->file, path);
	va_start(ap, fmt);
	vdiag(lvl, c->file, line > 0 ? line : c->line, 0, fmt, ap);
	va_end(ap);
	if (lvl == DIAG_ERROR)
		c->ok = 0;
}

static char *
fm_string(lua_State *L, struct fmctx *c, int v, const char *key)
{
	char got[128];

	if (lua_type(L, v) == LUA_TSTRING)
		return xstrdup(lua_tostring(L, v));
	describe(L, v, got, sizeof(got));
	fmerr(L, c, DIAG_ERROR, key, "%s: expected a string (in quotes), "
	    "got %s", key, got);
	return NULL;
}

static int
fm_k(lua_State *L)
{
	static const char *const known[] = { "title", "key", "updated",
	    "weight", "description", "slug", NULL };
	static const char *const alias[][2] = { { "name", "title" },
	    { "summary", "description" }, { "order", "weight" }, { NULL,
	    NULL } };
	struct fmctx *c = lua_touserdata(L, 1);
	struct page *p = c->page;
	struct buf b = { 0 };
	const char *src, *key, *near, *s;
	char got[128];
	size_t len, i;
	lua_Integer k;
	int env, v;

	if (getenv("PACTKIT_FM_LUA") == NULL && fm_simple(L, c))
		env = lua_gettop(L);
	else {
		/* blank lines first, so Lua's line numbers are the file's */
		for (i = 1; (int)i < c->line; i++)
			buf_putc(&b, '\n');
		buf_put(&b, c->text, c->len);
		lua_pushlstring(L, b.data != NULL ? b.data : "", b.len);
		buf_free(&b);
		src = lua_tolstring(L, -1, &len);
		sandbox_load(c->sb, c->file, src, len, 0, 1);
		lua_getupvalue(L, -1, 1);
		env = lua_gettop(L);
		lua_pushvalue(L, env - 1);
		lua_call(L, 0, 1);
		if (!lua_isnil(L, -1)) {
			describe(L, lua_gettop(L), got, sizeof(got));
			luaL_error(L, "%s:%d: front matter returned %s: "
			    "expected fields such as title = \"…\", one per "
			    "line", c->file, c->line, got);
		}
		lua_pop(L, 1);
		data_linemap(L, c->file, src, len);
	}

	sandbox_sortedkeys(L, env);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		key = lua_tostring(L, -1);
		lua_pushvalue(L, -1);
		lua_rawget(L, env);
		v = lua_gettop(L);
		if (strcmp(key, "title") == 0) {
			free(p->title);
			p->title = fm_string(L, c, v, key);
		} else if (strcmp(key, "key") == 0) {
			free(p->key);
			p->key = fm_string(L, c, v, key);
			if (p->key != NULL && *p->key == '\0')
				fmerr(L, c, DIAG_ERROR, key, "key: empty");
		} else if (strcmp(key, "description") == 0) {
			free(p->description);
			p->description = fm_string(L, c, v, key);
		} else if (strcmp(key, "updated") == 0) {
			free(p->updated);
			p->updated = NULL;
			if (lua_type(L, v) == LUA_TNUMBER)
				fmerr(L, c, DIAG_ERROR, key, "updated: write the "
				    "date in quotes, such as updated = "
				    "\"2027-02-15\"");
			else if ((s = lua_tostring(L, v)) == NULL ||
			    lua_type(L, v) != LUA_TSTRING ||
			    !format_isodate(s, NULL, NULL, NULL)) {
				describe(L, v, got, sizeof(got));
				fmerr(L, c, DIAG_ERROR, key, "updated: expected "
				    "a date \"YYYY-MM-DD\", got %s", got);
			} else
				p->updated = xstrdup(s);
		} else if (strcmp(key, "weight") == 0) {
			if (lua_type(L, v) == LUA_TNUMBER && lua_isinteger(L, v)
			    && lua_tointeger(L, v) >= -1000000 &&
			    lua_tointeger(L, v) <= 1000000)
				p->weight = (int)lua_tointeger(L, v);
			else {
				describe(L, v, got, sizeof(got));
				fmerr(L, c, DIAG_ERROR, key, "weight: expected "
				    "an integer, got %s", got);
			}
		} else if (strcmp(key, "slug") == 0) {
			free(p->slug);
			p->slug = fm_string(L, c, v, key);
			if (p->slug != NULL && (!data_goodname(p->slug) ||
			    strchr(p->slug, '_') != NULL)) {
				fmerr(L, c, DIAG_ERROR, key, "slug: \"%s\" is not "
				    "a slug (use a-z, 0-9 and '-')", p->slug);
				free(p->slug);
				p->slug = NULL;
			}
		} else if (strcmp(key, "translationKey") == 0 ||
		    strcmp(key, "date") == 0 || strcmp(key, "lastmod") == 0) {
			/* Hugo's names, used when ours are absent */
			int iskey = key[0] == 't';

			lua_getfield(L, env, iskey ? "key" : "updated");
			s = lua_type(L, v) == LUA_TSTRING ? lua_tostring(L, v) : NULL;
			if (lua_isnil(L, -1) && s != NULL && iskey &&
			    p->key == NULL && *s != '\0')
				p->key = xstrdup(s);
			else if (lua_isnil(L, -1) && s != NULL && !iskey &&
			    p->updated == NULL && strlen(s) >= 10) {
				char d[11];

				memcpy(d, s, 10);
				d[10] = '\0';
				if (format_isodate(d, NULL, NULL, NULL))
					p->updated = xstrdup(d);
			}
			lua_pop(L, 1);
		} else if (strcmp(key, "draft") == 0 ||
		    strcmp(key, "tags") == 0 || strcmp(key, "categories") == 0 ||
		    strcmp(key, "aliases") == 0) {
			;       /* Hugo's, with no meaning here: carried over */
		} else {
			near = NULL;
			for (i = 0; alias[i][0] != NULL; i++)
				if (strcmp(alias[i][0], key) == 0)
					near = alias[i][1];
			if (near == NULL)
				near = sandbox_nearest(key, known, 6);
			if (near != NULL)
				fmerr(L, c, DIAG_WARN, key, "unknown front matter "
				    "field '%s'; did you mean '%s'?", key, near);
			else
				fmerr(L, c, DIAG_WARN, key, "unknown front matter "
				    "field '%s' (known: title, key, updated, "
				    "weight, description, slug)", key);
		}
		lua_pop(L, 2);
	}
	return 0;
}

int
data_frontmatter(struct sandbox *sb, const char *file, int line,
    const char *text, size_t len, struct page *page)
{
	struct fmctx c;
	int ok;

	memset(&c, 0, sizeof(c));
	c.sb = sb;
	c.file = file;
	c.line = line < 1 ? 1 : line;
	c.text = text;
	c.len = len;
	c.page = page;
	c.ok = 1;
	lua_pushcfunction(sb->L, fm_k);
	lua_pushlightuserdata(sb->L, &c);
	ok = sandbox_call(sb, 1, 0, NULL, 0);
	return ok && c.ok;
}

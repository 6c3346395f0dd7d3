/*
 * linemap.c: where each field of a Lua file is.  In: a data file, the
 * settings, a front matter or a component call's fields, as text; out, in
 * the registry: a map path (".parties[2].name") -> line for the file,
 * from a small Lua tokenizer, and for each table of the value it returned
 * the file and path it came from, so that pk.check and the settings
 * readers name the line and column of the field at fault.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/internal.h"

#define REG_LINES "pk.lines"    /* file -> { path -> line * POS_LINE + col } */
#define POS_LINE 1048576        /* a line and a column in one integer */
#define REG_POS "pk.pos"        /* table -> path (weak keys) */
#define REG_POSFILE "pk.posfile" /* table -> file (weak keys) */

enum tok { TOK_NAME, TOK_STRING, TOK_NUMBER, TOK_SYM };

struct token {
	enum tok type;
	const char *s;              /* into the source */
	size_t	 len;
	int	 line;
	int	 col;               /* in characters, 1-based */
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
	int	*cols;
	size_t	 n;
	size_t	 cap;
	struct frame *frames;
	size_t	 nframes;
	struct strmap seen;         /* path of a field -> its entry + 1 */
	size_t	*dups;              /* entry pairs: a field given twice */
	size_t	 ndups;
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
addtok(struct lmap *m, enum tok type, const char *s, size_t len, int line,
    const char *ls)
{
	if (m->ntoks == m->tokcap) {
		m->tokcap = m->tokcap == 0 ? 256 : m->tokcap * 2;
		m->toks = xrealloc(m->toks, m->tokcap * sizeof(*m->toks));
	}
	m->toks[m->ntoks].type = type;
	m->toks[m->ntoks].s = s;
	m->toks[m->ntoks].len = len;
	m->toks[m->ntoks].line = line;
	m->toks[m->ntoks].col = utf8_col(ls, (size_t)(s - ls));
	m->ntoks++;
}

/* The start of the line holding offset i (ls: a line start before it). */
static const char *
lastline(const char *s, size_t i, const char *ls)
{
	const char *p;

	for (p = s + i; p > ls && p[-1] != '\n'; p--)
		continue;
	return p;
}

static void
tokenize(struct lmap *m, const char *s, size_t len)
{
	static const char *const two[] = { "==", "~=", "<=", ">=", "::",
	    "//", "<<", ">>", "..", NULL };
	size_t i = 0, start, k;
	int line = 1, lvl, tline;
	const char *const *t, *ls = s, *tls;

	while (i < len) {
		char c = s[i];

		if (c == '\n') {
			line++;
			i++;
			ls = s + i;
		} else if (isspace((unsigned char)c)) {
			i++;
		} else if (c == '-' && i + 1 < len && s[i + 1] == '-') {
			i += 2;
			if ((k = longopen(s + i, len - i, &lvl)) > 0) {
				i = longskip(s, len, i + k, lvl, &line);
				ls = lastline(s, i, ls);
			} else
				while (i < len && s[i] != '\n')
					i++;
		} else if (c == '[' && (k = longopen(s + i, len - i, &lvl))) {
			start = i;
			tline = line;
			tls = ls;
			i = longskip(s, len, i + k, lvl, &line);
			addtok(m, TOK_STRING, s + start, i - start, tline, tls);
			ls = lastline(s, i, ls);
		} else if (c == '"' || c == '\'') {
			start = i++;
			tline = line;
			tls = ls;
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
			addtok(m, TOK_STRING, s + start, i - start, tline, tls);
			ls = lastline(s, i, ls);
		} else if (isdigit((unsigned char)c) || (c == '.' && i + 1 < len
		    && isdigit((unsigned char)s[i + 1]))) {
			start = i++;
			while (i < len && (isalnum((unsigned char)s[i]) ||
			    s[i] == '.' || s[i] == '_' || ((s[i] == '-' ||
			    s[i] == '+') && strchr("eEpP", s[i - 1]) != NULL)))
				i++;
			addtok(m, TOK_NUMBER, s + start, i - start, line, ls);
		} else if (isalpha((unsigned char)c) || c == '_') {
			start = i;
			while (i < len && (isalnum((unsigned char)s[i]) ||
			    s[i] == '_'))
				i++;
			addtok(m, TOK_NAME, s + start, i - start, line, ls);
		} else {
			k = 1;
			if (i + 2 < len && memcmp(s + i, "...", 3) == 0)
				k = 3;
			else
				for (t = two; *t != NULL; t++)
					if (i + 1 < len &&
					    memcmp(s + i, *t, 2) == 0)
						k = 2;
			addtok(m, TOK_SYM, s + i, k, line, ls);
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
record(struct lmap *m, const char *path, const struct token *t)
{
	if (m->n == m->cap) {
		m->cap = m->cap == 0 ? 64 : m->cap * 2;
		m->paths = xrealloc(m->paths, m->cap * sizeof(*m->paths));
		m->lines = xrealloc(m->lines, m->cap * sizeof(*m->lines));
		m->cols = xrealloc(m->cols, m->cap * sizeof(*m->cols));
	}
	m->paths[m->n] = xstrdup(path);
	m->lines[m->n] = t->line;
	m->cols[m->n] = t->col < POS_LINE ? t->col : 0;
	m->n++;
}

/* Notes a field of a table constructor given twice (the last entry):
 * Lua keeps the last value, silently. */
static void
twice(struct lmap *m, const char *path)
{
	void *first = strmap_get(&m->seen, path);
	size_t i, n;

	/* the fields inside a field given twice are the first one's and
	 * the last one's, not repeats */
	for (i = 0; i < m->ndups; i++) {
		const char *d = m->paths[m->dups[2 * i + 1]];

		n = strlen(d);
		if (strncmp(path, d, n) == 0 && (path[n] == '.' ||
		    path[n] == '['))
			return;
	}
	if (first == NULL) {
		strmap_put(&m->seen, path, (void *)(uintptr_t)m->n);
		return;
	}
	m->dups = xrealloc(m->dups, (m->ndups + 1) * 2 * sizeof(*m->dups));
	m->dups[2 * m->ndups] = (size_t)(uintptr_t)first - 1;
	m->dups[2 * m->ndups + 1] = m->n - 1;
	m->ndups++;
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
			if (child != NULL) {
				record(m, child, t);
				twice(m, child);
			}
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
				record(m, child, t);
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
			record(m, child, t);
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
	free(m->cols);
	free(m->frames);
	free(m->dups);
	strmap_free(&m->seen);
	free(m->toks);
}

/* Protected: moves the entries of the map (light userdata 1) into the
 * registry under file (2). */
static int
lmap_store(lua_State *L)
{
	struct lmap *m = lua_touserdata(L, 1);
	size_t i;

	luaL_getsubtable(L, LUA_REGISTRYINDEX, REG_LINES);
	lua_createtable(L, 0, (int)m->n);
	for (i = 0; i < m->n; i++) {
		lua_pushinteger(L, (lua_Integer)m->lines[i] * POS_LINE +
		    m->cols[i]);
		lua_setfield(L, -2, m->paths[i]);
	}
	lua_setfield(L, -2, lua_tostring(L, 2));
	return 0;
}

void
linemap_read(lua_State *L, const char *file, const char *src, size_t len)
{
	struct lmap m;
	size_t i;
	int status;

	memset(&m, 0, sizeof(m));
	tokenize(&m, src, len);
	mapfields(&m);
	for (i = 0; i < m.ndups; i++) {
		size_t a = m.dups[2 * i], b = m.dups[2 * i + 1];
		const char *name = m.paths[b];

		diag(sandbox_get(L)->diag, DIAG_ERROR, file, m.lines[b],
		    m.cols[b], "'%s' is given twice in one table (first at "
		    "line %d:%d); Lua keeps only the last one", name[0] == '.' ?
		    name + 1 : name, m.lines[a], m.cols[a]);
	}
	lua_pushcfunction(L, lmap_store);
	lua_pushlightuserdata(L, &m);
	lua_pushstring(L, file);
	status = lua_pcall(L, 2, 0, 0);
	lmap_free(&m);
	if (status != LUA_OK)
		lua_error(L);
}

/* Appends the path component of key at idx to path (size SB_MAXPATH). */
int
linemap_addkey(lua_State *L, int idx, char *path, size_t plen)
{
	const char *k, *p;
	int n = -1;

	if (lua_type(L, idx) == LUA_TNUMBER && lua_isinteger(L, idx))
		n = snprintf(path + plen, SB_MAXPATH - plen, "[%lld]",
		    (long long)lua_tointeger(L, idx));
	else if (lua_type(L, idx) == LUA_TSTRING) {
		k = lua_tostring(L, idx);
		for (p = k; *p != '\0' && (isalnum((unsigned char)*p) ||
		    *p == '_'); p++)
			continue;
		if (*p == '\0' && *k != '\0' && !isdigit((unsigned char)*k))
			n = snprintf(path + plen, SB_MAXPATH - plen, ".%s", k);
		else
			n = snprintf(path + plen, SB_MAXPATH - plen, "[\"%s\"]",
			    k);
	}
	return n >= 0 && plen + (size_t)n < SB_MAXPATH;
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
		    linemap_addkey(L, -2, path, plen))
			walk(L, lua_gettop(L), pos, posfile, file, path,
			    strlen(path), depth + 1);
		path[plen] = '\0';
		lua_pop(L, 1);
	}
}

void
linemap_register(lua_State *L, int idx, const char *file, const char *path)
{
	char buf[SB_MAXPATH];
	int top = lua_gettop(L);

	idx = lua_absindex(L, idx);
	if (lua_type(L, idx) != LUA_TTABLE)
		return;
	sandbox_regtable(L, REG_POS, 1);
	sandbox_regtable(L, REG_POSFILE, 1);
	lua_pushstring(L, file);
	snprintf(buf, sizeof(buf), "%s", path);
	walk(L, idx, top + 1, top + 2, top + 3, buf, strlen(buf), 0);
	lua_settop(L, top);
}

int
linemap_where(lua_State *L, int idx, const char **file, const char **path)
{
	int top = lua_gettop(L), ok = 0;

	idx = lua_absindex(L, idx);
	*file = *path = NULL;
	if (lua_type(L, idx) == LUA_TTABLE) {
		sandbox_regtable(L, REG_POS, 1);
		sandbox_regtable(L, REG_POSFILE, 1);
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
linemap_pos(lua_State *L, const char *file, const char *path, int *col)
{
	char buf[SB_MAXPATH];
	size_t n;
	int line = 0, top = lua_gettop(L);

	if (col != NULL)
		*col = 0;
	if (file == NULL)
		return 0;
	sandbox_regtable(L, REG_LINES, 0);
	if (lua_getfield(L, -1, file) != LUA_TTABLE) {
		lua_settop(L, top);
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s", path != NULL ? path : "");
	for (;;) {
		if (lua_getfield(L, -1, buf) == LUA_TNUMBER) {
			lua_Integer v = lua_tointeger(L, -1);

			line = (int)(v / POS_LINE);
			if (col != NULL)
				*col = (int)(v % POS_LINE);
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

int
linemap_line(lua_State *L, const char *file, const char *path)
{
	return linemap_pos(L, file, path, NULL);
}

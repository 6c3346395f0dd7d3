/*
 * frontmatter.c: a page's front matter (Lua between "+++" lines) ->
 * the page's title, key, updated, weight, description, slug and
 * downloads.  Plain `name = "text"` lines are read without compiling
 * them; anything else runs in the sandbox, its lines mapped so that
 * errors name them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

struct fmctx {
	struct sandbox *sb;
	const char *file;
	int	 line;
	const char *text;
	size_t	 len;
	struct page *page;
	int	 ok;
	int	 fast;          /* read by fm_simple or as YAML, not by Lua */
	int	 yaml;          /* YAML between "---" lines */
	int	 nkeys;
	struct fmkey keys[32];  /* the fields' places (when fast) */
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
	const char *p = c->text, *end = c->text + c->len, *cr, *ls;
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
		ls = p;
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
		c->keys[c->nkeys].col = utf8_col(ls, (size_t)(name - ls));
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
	int line, col = 0;

	snprintf(path, sizeof(path), ".%s", key);
	line = 0;
	if (c->fast) {
		int i;

		for (i = 0; i < c->nkeys; i++)
			if (strcmp(c->keys[i].name, key) == 0) {
				line = c->keys[i].line;
				col = c->keys[i].col;
			}
	} else
		line = linemap_pos(L, c->file, path, &col);
	va_start(ap, fmt);
	diag_va(c->sb->diag, lvl, c->file, line > 0 ? line : c->line,
	    line > 0 ? col : 0, fmt, ap);
	va_end(ap);
	if (lvl == DIAG_ERROR)
		c->ok = 0;
}

static char *
fm_string(lua_State *L, struct fmctx *c, int v, const char *key)
{
	char got[128];
	const char *s;
	size_t len, bad;
	long cp;

	if (lua_type(L, v) == LUA_TSTRING) {
		s = lua_tolstring(L, v, &len);
		if (utf8_text(s, len, &bad, &cp))
			return xstrdup(s);
		/* "\1" or "\xff" in quotes: no writer can carry it */
		if (cp < 0)
			fmerr(L, c, DIAG_ERROR, key, "%s: invalid UTF-8 (byte "
			    "0x%02x): expected UTF-8 text", key,
			    (unsigned char)s[bad]);
		else
			fmerr(L, c, DIAG_ERROR, key, "%s: %s U+%04lX: "
			    "expected text", key, cp < 0x20 ?
			    "control character" : "noncharacter", cp);
		return NULL;
	}
	schema_describe(L, v, got, sizeof(got));
	fmerr(L, c, DIAG_ERROR, key, "%s: expected a string (in quotes), "
	    "got %s", key, got);
	return NULL;
}

/* Run under the sandbox's protection (lua_pcall): the front matter read
 * (plain lines, or run as Lua), then each of its fields into the page.
 * Long (~140 lines) by reason: one case per field of docs/contract.md's
 * front matter (and Hugo's), each a few lines. */
static int
fm_k(lua_State *L)
{
	static const char *const known[] = { "title", "key", "updated",
	    "weight", "description", "slug", "draft", "downloads", NULL };
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

	if (c->yaml) {
		fmyaml_read(L, c->file, c->line, c->text, c->len, c->keys,
		    &c->nkeys, (int)(sizeof(c->keys) / sizeof(c->keys[0])));
		c->fast = 1;
		env = lua_gettop(L);
	} else if (getenv("PACTKIT_FM_LUA") == NULL && fm_simple(L, c))
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
			schema_describe(L, lua_gettop(L), got, sizeof(got));
			luaL_error(L, "%s:%d: front matter returned %s: "
			    "expected fields such as title = \"…\", one per "
			    "line", c->file, c->line, got);
		}
		lua_pop(L, 1);
		linemap_read(L, c->file, src, len);
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
				schema_describe(L, v, got, sizeof(got));
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
				schema_describe(L, v, got, sizeof(got));
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
		} else if (strcmp(key, "downloads") == 0) {
			if (lua_type(L, v) == LUA_TBOOLEAN)
				p->downloads = lua_toboolean(L, v);
			else {
				schema_describe(L, v, got, sizeof(got));
				fmerr(L, c, DIAG_ERROR, key, "downloads: expected "
				    "true or false, got %s", got);
			}
		} else if (strcmp(key, "translationKey") == 0 ||
		    strcmp(key, "date") == 0 || strcmp(key, "lastmod") == 0) {
			/* Hugo's names, used when ours are absent */
			int iskey = key[0] == 't';

			/* date = 2026-11-21 in Lua is 1994 */
			if (!iskey && lua_type(L, v) == LUA_TNUMBER)
				fmerr(L, c, DIAG_ERROR, key, "%s: write the "
				    "date in quotes, such as %s = "
				    "\"2027-02-15\"", key, key);
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
		} else if (strcmp(key, "draft") == 0) {
			if (lua_type(L, v) == LUA_TBOOLEAN)
				p->draft = lua_toboolean(L, v);
			else {
				schema_describe(L, v, got, sizeof(got));
				fmerr(L, c, DIAG_ERROR, key, "draft: expected "
				    "true or false, got %s", got);
			}
		} else if (strcmp(key, "tags") == 0 ||
		    strcmp(key, "categories") == 0 ||
		    strcmp(key, "aliases") == 0) {
			;       /* Hugo's, with no meaning here: carried over */
		} else {
			near = NULL;
			for (i = 0; alias[i][0] != NULL; i++)
				if (strcmp(alias[i][0], key) == 0)
					near = alias[i][1];
			if (near == NULL)
				near = suggest_nearest(key, known, 7);
			if (near != NULL)
				fmerr(L, c, DIAG_WARN, key, "unknown front matter "
				    "field '%s'; did you mean '%s'?", key, near);
			else
				fmerr(L, c, DIAG_WARN, key, "unknown front matter "
				    "field '%s' (known: title, key, weight, "
				    "updated, description, slug, draft, downloads)", key);
		}
		lua_pop(L, 2);
	}
	return 0;
}

int
frontmatter_read(struct sandbox *sb, const char *file, int line,
    const char *text, size_t len, struct page *page)
{
	return frontmatter_read_as(sb, file, line, text, len, page, 0);
}

int
frontmatter_read_as(struct sandbox *sb, const char *file, int line,
    const char *text, size_t len, struct page *page, int yaml)
{
	struct fmctx c;
	int ok;

	memset(&c, 0, sizeof(c));
	c.yaml = yaml;
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

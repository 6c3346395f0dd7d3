/*
 * field.c: one field of a settings file (lua/site.lua, the interface
 * strings), read in the sandbox.  In: a table on the stack and a field's
 * name; out: its C value (text, localised text, string), or an error or
 * warning at the field's line; unknown fields named with the nearest one.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>

#include "base/pactkit.h"
#include "lua/internal.h"

void
field_err(lua_State *L, struct sitectx *c, enum diag_level lvl,
    const char *path, const char *fmt, ...)
{
	va_list ap;
	int line, col;

	line = linemap_pos(L, c->name, path, &col);
	va_start(ap, fmt);
	diag_va(sandbox_get(L)->diag, lvl, c->name, line, col, fmt, ap);
	va_end(ap);
	if (lvl == DIAG_ERROR)
		c->ok = 0;
}

/* Warns about the fields of table t not in known (NULL-terminated). */
void
field_unknown(lua_State *L, struct sitectx *c, int t, const char *path,
    const char *const *known, const char *what)
{
	char fpath[SB_MAXPATH];
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
				near = suggest_nearest(key, known, n);
				if (near != NULL)
					field_err(L, c, DIAG_WARN, fpath,
					    "unknown %s field '%s'; did you "
					    "mean '%s'?", what, key, near);
				else
					field_err(L, c, DIAG_WARN, fpath,
					    "unknown %s field '%s'", what, key);
			}
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 2);
}

/* Whether the string at v is text every writer can carry; if not (invalid
 * UTF-8, a control character), an error naming fpath. */
int
field_text_ok(lua_State *L, struct sitectx *c, int v, const char *fpath)
{
	size_t len, bad;
	long cp;
	const char *s = lua_tolstring(L, v, &len);

	if (utf8_text(s, len, &bad, &cp))
		return 1;
	if (cp < 0)
		field_err(L, c, DIAG_ERROR, fpath, "%s: invalid UTF-8 (byte "
		    "0x%02x): expected UTF-8 text",
		    *fpath == '.' ? fpath + 1 : fpath, (unsigned char)s[bad]);
	else
		field_err(L, c, DIAG_ERROR, fpath, "%s: %s U+%04lX: expected "
		    "text", *fpath == '.' ? fpath + 1 : fpath,
		    cp < 0x20 ? "control character" : "noncharacter", cp);
	return 0;
}

/* The string at v copied, or NULL when it is not text (said). */
static char *
text_at(lua_State *L, struct sitectx *c, int v, const char *fpath)
{
	return field_text_ok(L, c, v, fpath) ? xstrdup(lua_tostring(L, v)) :
	    NULL;
}

/* Reads the loc field key of table t into out. */
void
field_lstr(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, struct lstr *out, int required)
{
	const struct site *site = c->site;
	char fpath[SB_MAXPATH], got[128];
	size_t i, found;
	lua_Integer k;
	int v;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	lua_getfield(L, t, key);
	v = lua_gettop(L);
	switch (lua_type(L, v)) {
	case LUA_TNIL:
		if (required)
			field_err(L, c, DIAG_ERROR, path, "missing field '%s'",
			    key);
		break;
	case LUA_TSTRING:
		{
			char *txt = text_at(L, c, v, fpath);

			for (i = 0; i < site->nlangs; i++) {
				free(out->s[i]);
				out->s[i] = txt != NULL ? xstrdup(txt) : NULL;
			}
			free(txt);
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
				schema_describe(L, -2, got, sizeof(got));
				field_err(L, c, DIAG_ERROR, fpath, "%s: %s is "
				    "not one of the site's languages",
				    fpath + 1, got);
			} else if (lua_type(L, -1) != LUA_TSTRING) {
				schema_describe(L, -1, got, sizeof(got));
				field_err(L, c, DIAG_ERROR, fpath, "%s.%s: "
				    "expected a string, got %s", fpath + 1,
				    site->langs[found], got);
			} else {
				free(out->s[found]);
				out->s[found] = text_at(L, c, -1, fpath);
			}
			lua_pop(L, 2);
		}
		lua_pop(L, 2);
		for (i = 0; i < site->nlangs; i++)
			if (out->s[i] == NULL)
				field_err(L, c, DIAG_WARN, fpath, "%s: no '%s' "
				    "text", fpath + 1, site->langs[i]);
		break;
	default:
		schema_describe(L, v, got, sizeof(got));
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected a string or a "
		    "table { fr = \"…\", en = \"…\" }, got %s", fpath + 1, got);
		break;
	}
	lua_settop(L, v - 1);
}

/* Reads an optional string field; *out replaced when present. */
int
field_str(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, char **out)
{
	char fpath[SB_MAXPATH], got[128];
	int ok = 1;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	switch (lua_getfield(L, t, key)) {
	case LUA_TNIL:
		break;
	case LUA_TSTRING:
		free(*out);
		if ((*out = text_at(L, c, lua_gettop(L), fpath)) == NULL)
			ok = 0;
		break;
	default:
		schema_describe(L, -1, got, sizeof(got));
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected a string, got "
		    "%s", fpath + 1, got);
		ok = 0;
	}
	lua_pop(L, 1);
	return ok;
}

/* The host of an address ("https://x.example.org/a" -> "x.example.org",
 * "a@b.org" -> "b.org"), lower case, into h (n bytes). */
static void
host_of(const char *v, char *h, size_t n)
{
	const char *p = strstr(v, "://"), *at = strchr(v, '@');
	size_t i = 0;

	p = p != NULL ? p + 3 : at != NULL ? at + 1 : v;
	if ((at = strchr(p, '@')) != NULL && strcspn(p, "/?#") > (size_t)(at - p))
		p = at + 1;             /* user@host in a URL */
	for (; *p != '\0' && strchr("/:?#", *p) == NULL && i + 1 < n; p++)
		h[i++] = (char)tolower((unsigned char)*p);
	h[i] = '\0';
}

/* Warns when the address of setting path (".contact.email") is on a
 * placeholder domain: example.org, .com or .net (RFC 2606), or a name
 * under the reserved .example, .test, .invalid or .localhost. */
void
field_placeholder(lua_State *L, struct sitectx *c, const char *path,
    const char *v)
{
	static const char *const names[] = { "example.org", "example.com",
	    "example.net", NULL };
	static const char *const tlds[] = { "example", "test", "invalid",
	    "localhost", NULL };
	char h[256];
	const char *dot;
	size_t i, n, k;
	int hit = 0;

	if (v == NULL)
		return;
	host_of(v, h, sizeof(h));
	n = strlen(h);
	for (i = 0; names[i] != NULL; i++) {
		k = strlen(names[i]);
		hit |= n >= k && strcmp(h + n - k, names[i]) == 0 &&
		    (n == k || h[n - k - 1] == '.');
	}
	dot = strrchr(h, '.');
	for (i = 0; tlds[i] != NULL; i++)
		hit |= strcmp(dot != NULL ? dot + 1 : h, tlds[i]) == 0;
	if (!hit)
		return;
	field_err(L, c, DIAG_WARN, path, "%s: \"%s\" is on a placeholder "
	    "domain (%s): give the real address%s", path + 1, v, h,
	    strcmp(path, ".base_url") == 0 ? ", or leave base_url empty "
	    "(links are relative; no sitemap.xml)" : "");
}

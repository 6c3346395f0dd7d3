/*
 * settings.c: the project's settings, read in the sandbox.  In:
 * lua/site.lua and the interface strings (lua/builtin/i18n/<lang>.lua,
 * then the project's lua/i18n/<lang>.lua); out: struct site (languages,
 * titles, paper, documents) and its i18n tables.  Each mistake names the
 * line of the field at fault; unknown fields are warnings with the
 * nearest known name.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

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
	int line, col;

	line = linemap_pos(L, c->name, path, &col);
	va_start(ap, fmt);
	diag_va(sandbox_get(L)->diag, lvl, c->name, line, col, fmt, ap);
	va_end(ap);
	if (lvl == DIAG_ERROR)
		c->ok = 0;
}

/* Warns about the fields of table t not in known (NULL-terminated). */
static void
unknown_fields(lua_State *L, struct sitectx *c, int t, const char *path,
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

/* Whether the string at v is text every writer can carry; if not (invalid
 * UTF-8, a control character), an error naming fpath. */
static int
text_ok(lua_State *L, struct sitectx *c, int v, const char *fpath)
{
	size_t len, bad;
	long cp;
	const char *s = lua_tolstring(L, v, &len);

	if (utf8_text(s, len, &bad, &cp))
		return 1;
	if (cp < 0)
		serr(L, c, DIAG_ERROR, fpath, "%s: invalid UTF-8 (byte 0x%02x): "
		    "expected UTF-8 text", *fpath == '.' ? fpath + 1 : fpath,
		    (unsigned char)s[bad]);
	else
		serr(L, c, DIAG_ERROR, fpath, "%s: %s U+%04lX: expected text",
		    *fpath == '.' ? fpath + 1 : fpath, cp < 0x20 ?
		    "control character" : "noncharacter", cp);
	return 0;
}

/* The string at v copied, or NULL when it is not text (said). */
static char *
text_at(lua_State *L, struct sitectx *c, int v, const char *fpath)
{
	return text_ok(L, c, v, fpath) ? xstrdup(lua_tostring(L, v)) : NULL;
}

/* Reads the loc field key of table t into out. */
static void
get_lstr(lua_State *L, struct sitectx *c, int t, const char *key,
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
			serr(L, c, DIAG_ERROR, path, "missing field '%s'", key);
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
				serr(L, c, DIAG_ERROR, fpath, "%s: %s is not one "
				    "of the site's languages", fpath + 1, got);
			} else if (lua_type(L, -1) != LUA_TSTRING) {
				schema_describe(L, -1, got, sizeof(got));
				serr(L, c, DIAG_ERROR, fpath, "%s.%s: expected a "
				    "string, got %s", fpath + 1,
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
				serr(L, c, DIAG_WARN, fpath, "%s: no '%s' text",
				    fpath + 1, site->langs[i]);
		break;
	default:
		schema_describe(L, v, got, sizeof(got));
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
	char fpath[SB_MAXPATH], got[128];
	int v = dflt;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	switch (lua_getfield(L, t, key)) {
	case LUA_TNIL:
		break;
	case LUA_TBOOLEAN:
		v = lua_toboolean(L, -1);
		break;
	default:
		schema_describe(L, -1, got, sizeof(got));
		serr(L, c, DIAG_ERROR, fpath, "%s: expected true or false, "
		    "got %s", fpath + 1, got);
	}
	lua_pop(L, 1);
	return v;
}

/* A document's toc: true, false or "auto" (the default: contents when
 * the document runs to 12 pages or more); DOC_TOC_*. */
static int
get_toc(lua_State *L, struct sitectx *c, int t, const char *path)
{
	char fpath[SB_MAXPATH], got[128];
	int v = DOC_TOC_AUTO;

	snprintf(fpath, sizeof(fpath), "%s.toc", path);
	switch (lua_getfield(L, t, "toc")) {
	case LUA_TNIL:
		break;
	case LUA_TBOOLEAN:
		v = lua_toboolean(L, -1) ? DOC_TOC_ON : DOC_TOC_OFF;
		break;
	case LUA_TSTRING:
		if (strcmp(lua_tostring(L, -1), "auto") == 0)
			break;
		/* FALLTHROUGH */
	default:
		schema_describe(L, -1, got, sizeof(got));
		serr(L, c, DIAG_ERROR, fpath, "%s: expected true, false or "
		    "\"auto\", got %s", fpath + 1, got);
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
				schema_describe(L, -1, got, sizeof(got));
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
		schema_describe(L, -1, got, sizeof(got));
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

/*
 * The paper of table t's field "paper" (path: where it is, for messages):
 * "A4", "Letter", or one per language { fr = "A4", en = "Letter" }; a
 * language left out keeps dflt's (NULL: A4).  Into out, one per language.
 */
static void
read_paper(lua_State *L, struct sitectx *c, int t, const char *where,
    char *const *dflt, char **out)
{
	struct site *site = c->site;
	char got[128], path[96];
	const char *p;
	size_t i;
	int v;

	lua_getfield(L, t, "paper");
	v = lua_gettop(L);
	for (i = 0; i < site->nlangs; i++) {
		p = dflt != NULL && dflt[i] != NULL ? dflt[i] : "A4";
		snprintf(path, sizeof(path), "%s.paper", where);
		if (lua_type(L, v) == LUA_TSTRING)
			lua_pushvalue(L, v);
		else if (lua_type(L, v) == LUA_TTABLE) {
			lua_getfield(L, v, site->langs[i]);
			snprintf(path, sizeof(path), "%s.paper.%s", where,
			    site->langs[i]);
		} else
			lua_pushnil(L);
		if (lua_type(L, -1) == LUA_TSTRING &&
		    paper_name(lua_tostring(L, -1)) != NULL)
			p = paper_name(lua_tostring(L, -1));
		else if (!lua_isnil(L, -1)) {
			schema_describe(L, -1, got, sizeof(got));
			serr(L, c, DIAG_ERROR, path, "%s: expected \"A4\" or "
			    "\"Letter\", got %s", path + 1, got);
		}
		lua_pop(L, 1);
		free(out[i]);
		out[i] = xstrdup(p);
	}
	if (!lua_isnil(L, v) && lua_type(L, v) != LUA_TSTRING &&
	    lua_type(L, v) != LUA_TTABLE) {
		snprintf(path, sizeof(path), "%s.paper", where);
		schema_describe(L, v, got, sizeof(got));
		serr(L, c, DIAG_ERROR, path, "%s: expected \"A4\", "
		    "\"Letter\" or { fr = \"A4\", en = \"Letter\" }, got %s",
		    path + 1, got);
	}
	lua_pop(L, 1);
}

/* pdf_standard = "ua1+a2a" (the default), "ua1", "a2a", "a2b" or
 * "none": what the PDFs claim to be (pdf/drawpdfa.c). */
static void
site_pdfstd(lua_State *L, struct sitectx *c, int t)
{
	static const struct {
		const char *name;
		enum pdf_standard std;
	} names[] = {
		{ "ua1+a2a", PDFSTD_UA1_A2A }, { "a2a+ua1", PDFSTD_UA1_A2A },
		{ "ua1", PDFSTD_UA1 }, { "a2a", PDFSTD_A2A },
		{ "a2b", PDFSTD_A2B }, { "none", PDFSTD_NONE },
	};
	char *v = NULL;
	size_t i;

	c->site->pdfstd = PDFSTD_UA1_A2A;
	if (!get_str(L, c, t, "pdf_standard", "", &v) || v == NULL)
		return;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(v, names[i].name) == 0) {
			c->site->pdfstd = names[i].std;
			break;
		}
	if (i == sizeof(names) / sizeof(names[0]))
		serr(L, c, DIAG_ERROR, ".pdf_standard", "pdf_standard: "
		    "expected \"ua1+a2a\" (tagged PDF/UA-1 and PDF/A-2a, the "
		    "default), \"ua1\", \"a2a\", \"a2b\" (PDF/A-2b, "
		    "untagged) or \"none\", got \"%s\"", v);
	free(v);
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
		schema_describe(L, -1, got, sizeof(got));
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
				schema_describe(L, -1, got, sizeof(got));
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
	    "pages", "cover", "toc", "duplex", "recto", "booklet", "formats",
	    "paper", "examples", "worksheets_only", NULL };
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
		schema_describe(L, -1, got, sizeof(got));
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
			schema_describe(L, dt, got, sizeof(got));
			serr(L, c, DIAG_ERROR, path, "%s: expected a table "
			    "{ id = …, title = …, pages = { … } }, got %s",
			    path + 1, got);
			lua_pop(L, 1);
			continue;
		}
		d = &site->docs[site->ndocs++];
		d->line = linemap_pos(L, c->name, path, &d->col);
		d->cover = get_bool(L, c, dt, "cover", path, 1);
		d->toc = get_toc(L, c, dt, path);
		d->duplex = get_bool(L, c, dt, "duplex", path, 0);
		if (lua_getfield(L, dt, "recto") != LUA_TNIL) {
			/* the old name of duplex */
			char rpath[96];

			snprintf(rpath, sizeof(rpath), "%s.recto", path);
			serr(L, c, DIAG_NOTE, rpath, "%s.recto: now called "
			    "duplex (recto still works)", path + 1);
			d->duplex |= get_bool(L, c, dt, "recto", path, 0);
		}
		lua_pop(L, 1);
		d->booklet = get_bool(L, c, dt, "booklet", path, 0);
		d->examples = get_bool(L, c, dt, "examples", path, 1);
		d->worksheets_only = get_bool(L, c, dt, "worksheets_only",
		    path, 0);
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
		read_paper(L, c, dt, path, site->paper, d->paper);
		snprintf(ppath, sizeof(ppath), "%s.pages", path);
		if (lua_getfield(L, dt, "pages") != LUA_TTABLE ||
		    lua_rawlen(L, -1) == 0) {
			schema_describe(L, -1, got, sizeof(got));
			serr(L, c, DIAG_ERROR, lua_isnil(L, -1) ? path : ppath,
			    "%s.pages: expected a list of pages such as "
			    "{ \"guide/*\" }, got %s", path + 1, got);
		} else {
			np = (lua_Integer)lua_rawlen(L, -1);
			d->pages = xcalloc((size_t)np, sizeof(char *));
			d->pline = xcalloc((size_t)np, sizeof(int));
			d->pcol = xcalloc((size_t)np, sizeof(int));
			for (j = 1; j <= np; j++) {
				lua_rawgeti(L, -1, j);
				if (lua_type(L, -1) == LUA_TSTRING) {
					char ipath[SB_MAXPATH + 32];

					snprintf(ipath, sizeof(ipath), "%s[%lld]",
					    ppath, (long long)j);
					d->pline[d->npages] = linemap_pos(L,
					    c->name, ipath, &d->pcol[d->npages]);
					d->pages[d->npages++] =
					    xstrdup(lua_tostring(L, -1));
				} else {
					schema_describe(L, -1, got,
					    sizeof(got));
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

/* Reads an optional http(s) URL field of table t into *out. */
static void
get_url(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, char **out)
{
	char fpath[SB_MAXPATH];

	if (!get_str(L, c, t, key, path, out) || *out == NULL)
		return;
	if (strncmp(*out, "https://", 8) != 0 &&
	    strncmp(*out, "http://", 7) != 0) {
		snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
		serr(L, c, DIAG_ERROR, fpath, "%s: expected an address "
		    "starting with https:// or http://, got \"%s\"", fpath + 1,
		    *out);
		free(*out);
		*out = NULL;
	}
}

/* Opens the optional table field key of t (pushed; 0 when absent or
 * not a table, nothing pushed).  A string or a localised table stands for
 * its `name` (publisher = "Ministère …"): then *name is read from it. */
static int
get_record(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *what, struct lstr *name)
{
	char fpath[SB_MAXPATH], got[128];
	int type = lua_getfield(L, t, key), named;

	snprintf(fpath, sizeof(fpath), ".%s", key);
	if (type == LUA_TTABLE) {
		named = lua_getfield(L, -1, "name") != LUA_TNIL;
		lua_pop(L, 1);
		if (named || name == NULL)
			return 1;
	}
	lua_pop(L, 1);
	if (type == LUA_TNIL)
		return 0;
	if (name != NULL && (type == LUA_TSTRING || type == LUA_TTABLE)) {
		get_lstr(L, c, t, key, "", name, 0);
		return 0;
	}
	lua_getfield(L, t, key);
	schema_describe(L, -1, got, sizeof(got));
	lua_pop(L, 1);
	serr(L, c, DIAG_ERROR, fpath, "%s: expected %s, got %s", key, what,
	    got);
	return 0;
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
static void
placeholder(lua_State *L, struct sitectx *c, const char *path, const char *v)
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
	serr(L, c, DIAG_WARN, path, "%s: \"%s\" is on a placeholder domain "
	    "(%s): give the real address%s", path + 1, v, h,
	    strcmp(path, ".base_url") == 0 ? ", or leave base_url empty "
	    "(links are relative; no sitemap.xml)" : "");
}

/* The relative luminance of "#rrggbb" (WCAG 2.1). */
static double
luminance(const char *hex)
{
	double rgb[3], v;
	unsigned x;
	int i;

	x = (unsigned)strtoul(hex + 1, NULL, 16);
	for (i = 0; i < 3; i++) {
		v = (double)((x >> (16 - 8 * i)) & 0xff) / 255.0;
		rgb[i] = v <= 0.04045 ? v / 12.92 :
		    pow((v + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* The logo: a PNG or SVG file inside the project, named from its folder. */
static void
identity_logo(lua_State *L, struct sitectx *c, struct identity *id)
{
	const char *l = id->logo;
	size_t n = strlen(l);
	char *full, realf[PATH_MAX], reald[PATH_MAX];

	if (l[0] == '/' || strstr(l, "..") != NULL || strchr(l, '\\') != NULL ||
	    n < 5 || (strcasecmp(l + n - 4, ".png") != 0 &&
	    strcasecmp(l + n - 4, ".svg") != 0)) {
		serr(L, c, DIAG_ERROR, ".publisher.logo", "publisher.logo: "
		    "expected a PNG or SVG file inside the project, named from "
		    "its folder (\"assets/logo.svg\"), got \"%s\"", l);
		return;
	}
	full = xasprintf("%s/%s", c->site->dir, l);
	if (!file_isfile(full)) {
		serr(L, c, DIAG_ERROR, ".publisher.logo", "publisher.logo: "
		    "file '%s' not found in the project", l);
		free(full);
		return;
	}
	/* a symbolic link must not put a file from outside on the covers */
	if (realpath(full, realf) == NULL ||
	    realpath(c->site->dir, reald) == NULL ||
	    strncmp(realf, reald, strlen(reald)) != 0 ||
	    realf[strlen(reald)] != '/') {
		serr(L, c, DIAG_ERROR, ".publisher.logo", "publisher.logo: "
		    "'%s' leaves the project (symbolic link)", l);
		free(full);
		return;
	}
	id->logo_file = full;
}

/* host = { name = …, address = …, url = … } (or host = "…"), for the
 * legal notice. */
static void
site_host(lua_State *L, struct sitectx *c, int t)
{
	static const char *const known[] = { "name", "address", "url", NULL };
	struct identity *id = &c->site->id;
	int r;

	if (!get_record(L, c, t, "host", "a name, or a table { name = …, "
	    "address = …, url = … }", &id->host))
		return;
	r = lua_gettop(L);
	unknown_fields(L, c, r, ".host", known, "host");
	get_lstr(L, c, r, "name", ".host", &id->host, 1);
	get_lstr(L, c, r, "address", ".host", &id->host_address, 0);
	get_url(L, c, r, "url", ".host", &id->host_url);
	placeholder(L, c, ".host.url", id->host_url);
	lua_pop(L, 1);
}

/* A list of localised texts, field key of table t: { "…", { fr = … } }. */
static void
get_loclist(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, struct lstr **out, size_t *n)
{
	char fpath[SB_MAXPATH], got[128];
	lua_Integer k, len;
	int l;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	if (lua_getfield(L, t, key) == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	l = lua_gettop(L);
	if (lua_type(L, l) == LUA_TSTRING) {    /* one text: a list of one */
		lua_createtable(L, 1, 0);
		lua_pushvalue(L, l);
		lua_rawseti(L, -2, 1);
		lua_replace(L, l);
	}
	if (lua_type(L, l) != LUA_TTABLE) {
		schema_describe(L, l, got, sizeof(got));
		serr(L, c, DIAG_ERROR, fpath, "%s: expected a list of texts "
		    "{ \"…\", { fr = \"…\", en = \"…\" } }, got %s", fpath + 1,
		    got);
		lua_pop(L, 1);
		return;
	}
	len = (lua_Integer)lua_rawlen(L, l);
	*out = xcalloc((size_t)len + 1, sizeof(**out));
	for (k = 1; k <= len; k++) {
		char item[32];

		snprintf(item, sizeof(item), "%lld", (long long)k);
		/* get_lstr reads a field: the list item is field "k" of a
		 * table holding it */
		lua_createtable(L, 0, 1);
		lua_rawgeti(L, l, k);
		lua_setfield(L, -2, item);
		snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
		get_lstr(L, c, lua_gettop(L), item, fpath, &(*out)[(*n)++], 1);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* accessibility = { status, standard, audit = { date, by, rate },
 * issues, derogations, contact = { email, url, address }, recourse,
 * law, date }: the accessibility statement. */
static void
site_a11y(lua_State *L, struct sitectx *c, int t)
{
	static const char *const known[] = { "status", "standard", "audit",
	    "issues", "derogations", "contact", "recourse", "law", "date",
	    NULL };
	static const char *const aud_known[] = { "date", "by", "rate", NULL };
	static const char *const con_known[] = { "email", "url", "address",
	    NULL };
	static const char *const status[] = { "none", "partial", "full" };
	struct a11y *a = &c->site->a11y;
	const char *v;
	char got[128];
	int r, q;
	size_t i;

	a->rate = -1;
	if (!get_record(L, c, t, "accessibility", "a table { status = …, "
	    "audit = { … }, … }", NULL))
		return;
	r = lua_gettop(L);
	unknown_fields(L, c, r, ".accessibility", known, "accessibility");
	if (get_str(L, c, r, "status", ".accessibility", &a->standard) &&
	    a->standard != NULL) {
		for (i = 0; i < 3 && strcmp(a->standard, status[i]); i++)
			continue;
		if (i == 3)
			serr(L, c, DIAG_ERROR, ".accessibility.status",
			    "accessibility.status: expected \"none\", "
			    "\"partial\" or \"full\", got \"%s\"", a->standard);
		else
			a->status = (enum a11y_status)i;
		free(a->standard);
		a->standard = NULL;
	}
	get_str(L, c, r, "standard", ".accessibility", &a->standard);
	if (get_str(L, c, r, "date", ".accessibility", &a->date) &&
	    a->date != NULL && !format_isodate(a->date, NULL, NULL, NULL))
		serr(L, c, DIAG_ERROR, ".accessibility.date", "accessibility."
		    "date: expected a date \"YYYY-MM-DD\", got \"%s\"", a->date);
	if (get_record(L, c, r, "audit", "a table { date = …, by = …, "
	    "rate = … }", NULL)) {
		q = lua_gettop(L);
		unknown_fields(L, c, q, ".accessibility.audit", aud_known,
		    "audit");
		if (get_str(L, c, q, "date", ".accessibility.audit",
		    &a->audit_date) && (a->audit_date == NULL ||
		    !format_isodate(a->audit_date, NULL, NULL, NULL)))
			serr(L, c, DIAG_ERROR, ".accessibility.audit",
			    "accessibility.audit.date: expected a date "
			    "\"YYYY-MM-DD\", got %s", a->audit_date != NULL ?
			    a->audit_date : "nothing");
		get_lstr(L, c, q, "by", ".accessibility.audit", &a->audit_by,
		    1);
		switch (lua_getfield(L, q, "rate")) {
		case LUA_TNIL:
			break;
		case LUA_TNUMBER:
			a->rate = lua_tonumber(L, -1);
			if (a->rate >= 0 && a->rate <= 100)
				break;
			/* FALLTHROUGH */
		default:
			schema_describe(L, -1, got, sizeof(got));
			serr(L, c, DIAG_ERROR, ".accessibility.audit.rate",
			    "accessibility.audit.rate: expected the share of "
			    "criteria met, a number from 0 to 100, got %s", got);
			a->rate = -1;
		}
		lua_pop(L, 2);
	}
	get_loclist(L, c, r, "issues", ".accessibility", &a->issues,
	    &a->nissues);
	get_loclist(L, c, r, "derogations", ".accessibility",
	    &a->derogations, &a->nderogations);
	if (get_record(L, c, r, "contact", "a table { email = …, url = …, "
	    "address = … }", NULL)) {
		q = lua_gettop(L);
		unknown_fields(L, c, q, ".accessibility.contact", con_known,
		    "contact");
		get_str(L, c, q, "email", ".accessibility.contact", &a->email);
		if ((v = a->email) != NULL && (strchr(v, '@') == NULL ||
		    strpbrk(v, " <>\"") != NULL))
			serr(L, c, DIAG_ERROR, ".accessibility.contact.email",
			    "accessibility.contact.email: expected an address "
			    "such as \"accessibility@ministry.gov\", got \"%s\"",
			    v);
		get_url(L, c, q, "url", ".accessibility.contact", &a->url);
		get_lstr(L, c, q, "address", ".accessibility.contact",
		    &a->address, 0);
		placeholder(L, c, ".accessibility.contact.email", a->email);
		placeholder(L, c, ".accessibility.contact.url", a->url);
		lua_pop(L, 1);
	}
	get_lstr(L, c, r, "recourse", ".accessibility", &a->recourse, 0);
	get_lstr(L, c, r, "law", ".accessibility", &a->law, 0);
	lua_pop(L, 1);
	/* what RGAA allows each status to claim */
	if (a->status != A11Y_NONE && a->audit_date == NULL)
		serr(L, c, DIAG_WARN, ".accessibility.status", "accessibility."
		    "status: \"%s\" needs an audit (audit = { date = …, by = …, "
		    "rate = … }); without one the statement says \"not "
		    "compliant\"", status[a->status]);
	else if (a->status == A11Y_FULL && a->rate >= 0 && a->rate < 100)
		serr(L, c, DIAG_WARN, ".accessibility.status", "accessibility."
		    "status: \"full\" needs every criterion met; the audit "
		    "gives %g %%", a->rate);
	else if (a->status == A11Y_PARTIAL && a->rate >= 0 && a->rate < 50)
		serr(L, c, DIAG_WARN, ".accessibility.status", "accessibility."
		    "status: \"partial\" needs at least 50 %% of the criteria "
		    "met; the audit gives %g %%", a->rate);
}

void
settings_a11y_free(struct a11y *a)
{
	size_t i;

	free(a->standard);
	free(a->audit_date);
	lstr_free(&a->audit_by);
	for (i = 0; i < a->nissues; i++)
		lstr_free(&a->issues[i]);
	free(a->issues);
	for (i = 0; i < a->nderogations; i++)
		lstr_free(&a->derogations[i]);
	free(a->derogations);
	free(a->email);
	free(a->url);
	lstr_free(&a->address);
	lstr_free(&a->recourse);
	lstr_free(&a->law);
	free(a->date);
	memset(a, 0, sizeof(*a));
}

/* Frees what settings_site and settings_i18n read into site (the struct
 * itself is the caller's): written once, for the build and the tests. */
void
settings_site_free(struct site *s)
{
	size_t i, j;

	lstr_free(&s->title);
	lstr_free(&s->description);
	lstr_free(&s->author);
	settings_identity_free(&s->id);
	settings_a11y_free(&s->a11y);
	for (i = 0; i < PK_MAXLANG; i++) {
		free(s->langs[i]);
		free(s->paper[i]);
		for (j = 0; j < s->ni18n[i]; j++) {
			free(s->i18n[i][j].k);
			free(s->i18n[i][j].v);
		}
		free(s->i18n[i]);
	}
	for (i = 0; i < s->ndocs; i++) {
		struct docspec *d = &s->docs[i];

		free(d->id);
		lstr_free(&d->title);
		lstr_free(&d->subtitle);
		for (j = 0; j < d->npages; j++)
			free(d->pages[j]);
		free(d->pages);
		free(d->pline);
		free(d->pcol);
		for (j = 0; j < PK_MAXLANG; j++)
			free(d->paper[j]);
	}
	free(s->docs);
	free(s->base_url);
	free(s->theme);
	free(s->dir);
	free(s->sharedir);
	free(s->file);
	memset(s, 0, sizeof(*s));
}

/* publisher, edition, licence, cite, contact, disclaimer, theme_color. */
static void
site_identity(lua_State *L, struct sitectx *c, int t)
{
	static const char *const pub_known[] = { "name", "url", "logo",
	    "director", NULL };
	static const char *const lic_known[] = { "name", "url", NULL };
	static const char *const con_known[] = { "email", "url", "address",
	    NULL };
	struct identity *id = &c->site->id;
	const char *s;
	int r;

	if (get_record(L, c, t, "publisher", "a name, or a table { name = …, "
	    "url = …, logo = … }", &id->publisher)) {
		r = lua_gettop(L);
		unknown_fields(L, c, r, ".publisher", pub_known, "publisher");
		get_lstr(L, c, r, "name", ".publisher", &id->publisher, 0);
		get_url(L, c, r, "url", ".publisher", &id->publisher_url);
		placeholder(L, c, ".publisher.url", id->publisher_url);
		get_lstr(L, c, r, "director", ".publisher", &id->director, 0);
		if (get_str(L, c, r, "logo", ".publisher", &id->logo) &&
		    id->logo != NULL)
			identity_logo(L, c, id);
		lua_pop(L, 1);
	}
	get_lstr(L, c, t, "edition", "", &id->edition, 0);
	if (get_record(L, c, t, "licence", "a name, or a table { name = "
	    "\"CC BY 4.0\", url = … }", &id->licence)) {
		r = lua_gettop(L);
		unknown_fields(L, c, r, ".licence", lic_known, "licence");
		get_lstr(L, c, r, "name", ".licence", &id->licence, 1);
		get_url(L, c, r, "url", ".licence", &id->licence_url);
		lua_pop(L, 1);
	}
	get_lstr(L, c, t, "cite", "", &id->cite, 0);
	if (get_record(L, c, t, "contact", "a table { email = …, url = …, "
	    "address = … }", NULL)) {
		r = lua_gettop(L);
		unknown_fields(L, c, r, ".contact", con_known, "contact");
		if (get_str(L, c, r, "email", ".contact", &id->contact_email) &&
		    id->contact_email != NULL &&
		    ((s = strchr(id->contact_email, '@')) == NULL ||
		    s == id->contact_email || strchr(s, '.') == NULL ||
		    strpbrk(id->contact_email, " <>\"") != NULL))
			serr(L, c, DIAG_ERROR, ".contact.email", "contact.email:"
			    " expected an address such as \"partnerships@"
			    "ministry.example\", got \"%s\"", id->contact_email);
		get_url(L, c, r, "url", ".contact", &id->contact_url);
		placeholder(L, c, ".contact.email", id->contact_email);
		placeholder(L, c, ".contact.url", id->contact_url);
		get_lstr(L, c, r, "address", ".contact", &id->contact_address,
		    0);
		lua_pop(L, 1);
	}
	get_lstr(L, c, t, "disclaimer", "", &id->disclaimer, 0);
	if (get_str(L, c, t, "theme_color", "", &id->theme_color) &&
	    id->theme_color != NULL) {
		size_t i;

		s = id->theme_color;
		for (i = 1; i < 7 && isxdigit((unsigned char)s[i]); i++)
			continue;
		if (s[0] != '#' || i != 7 || s[7] != '\0')
			serr(L, c, DIAG_ERROR, ".theme_color", "theme_color: "
			    "expected a colour \"#rrggbb\", got \"%s\"", s);
		else if (1.05 / (luminance(s) + 0.05) < 4.5)
			/* the default theme sets white text on it, and uses
			 * it for text and borders on white */
			serr(L, c, DIAG_WARN, ".theme_color", "theme_color: "
			    "\"%s\" has a contrast of %.1f:1 with white; "
			    "expected at least 4.5:1 (WCAG 2.1 AA): the theme "
			    "writes white text on it and text in it on white",
			    s, 1.05 / (luminance(s) + 0.05));
	}
	site_host(L, c, t);
}

void
settings_identity_free(struct identity *id)
{
	lstr_free(&id->publisher);
	free(id->publisher_url);
	free(id->logo);
	free(id->logo_file);
	lstr_free(&id->edition);
	lstr_free(&id->licence);
	free(id->licence_url);
	lstr_free(&id->cite);
	free(id->contact_email);
	free(id->contact_url);
	lstr_free(&id->contact_address);
	lstr_free(&id->disclaimer);
	free(id->theme_color);
	lstr_free(&id->director);
	lstr_free(&id->host);
	lstr_free(&id->host_address);
	free(id->host_url);
	memset(id, 0, sizeof(*id));
}

/* Protected: runs lua/site.lua and reads it (light userdata 1). */
static int
site_k(lua_State *L)
{
	static const char *const known[] = { "title", "description",
	    "author", "languages", "base_url", "theme", "paper", "raw_html",
	    "index_links", "documents", "publisher", "edition", "licence",
	    "pdf_standard",
	    "cite", "contact", "disclaimer", "theme_color", "host",
	    "accessibility", NULL };
	struct sitectx *c = lua_touserdata(L, 1);
	struct site *site = c->site;
	char got[128];
	size_t n;
	int t;

	sandbox_load(c->sb, c->name, c->text, c->len, 1, 1);
	lua_call(L, 0, 1);
	linemap_read(L, c->name, c->text, c->len);
	t = lua_gettop(L);
	if (lua_type(L, t) != LUA_TTABLE) {
		schema_describe(L, t, got, sizeof(got));
		serr(L, c, DIAG_ERROR, "", "the settings file must return a "
		    "table: return { title = \"…\", … }; it returns %s", got);
		site->langs[0] = xstrdup("fr");
		site->langs[1] = xstrdup("en");
		site->nlangs = 2;
		return 0;
	}
	linemap_register(L, t, c->name, "");
	unknown_fields(L, c, t, "", known, "settings");
	site_langs(L, c, t);
	get_lstr(L, c, t, "title", "", &site->title, 1);
	get_lstr(L, c, t, "description", "", &site->description, 0);
	get_lstr(L, c, t, "author", "", &site->author, 0);
	if (get_str(L, c, t, "base_url", "", &site->base_url) &&
	    site->base_url != NULL && *site->base_url == '\0') {
		free(site->base_url);   /* "": not set, as nil */
		site->base_url = NULL;
	} else if (site->base_url != NULL) {
		placeholder(L, c, ".base_url", site->base_url);
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
	read_paper(L, c, t, "", NULL, site->paper);
	site->raw_html = get_bool(L, c, t, "raw_html", "", 0);
	site->index_links = get_bool(L, c, t, "index_links", "", 0);
	site_pdfstd(L, c, t);
	site_docs(L, c, t);
	site_identity(L, c, t);
	site_a11y(L, c, t);
	return 0;
}

int
settings_site(struct sandbox *sb, const char *path, struct site *site)
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
	if ((text = file_read(path, &len)) == NULL) {
		diag_sys(sb->diag, path);
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

struct i18nctx {
	struct sandbox *sb;
	struct site *site;
	size_t	 lang;
	int	 ok;
};

/* Runs the strings file path (chunk name) and copies its pairs into the
 * table at m; with known (the project's file over the built-in one), a
 * key of the topic's words, which moved to the vocabularies, is warned
 * about and left out. */
static void
i18n_file(lua_State *L, struct i18nctx *c, const char *path, int m,
    int known)
{
	struct sitectx sc;
	const char *name = sandbox_relpath(c->site, path), *src, *moved;
	char *text, got[128], kpath[SB_MAXPATH];
	size_t len;
	lua_Integer k;
	int t;

	if ((text = file_read(path, &len)) == NULL)
		return;
	lua_pushlstring(L, text, len);
	free(text);
	src = lua_tolstring(L, -1, &len);
	sandbox_load(c->sb, name, src, len, 1, 1);
	lua_call(L, 0, 1);
	linemap_read(L, name, src, len);
	t = lua_gettop(L);
	memset(&sc, 0, sizeof(sc));
	sc.name = name;
	sc.site = c->site;
	sc.ok = 1;
	if (lua_type(L, t) != LUA_TTABLE) {
		schema_describe(L, t, got, sizeof(got));
		serr(L, &sc, DIAG_ERROR, "", "an interface strings file must "
		    "return a table { key = \"text\", … }; it returns %s", got);
		c->ok = 0;
		lua_settop(L, t - 2);
		return;
	}
	sandbox_sortedkeys(L, t);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		kpath[0] = '\0';
		linemap_addkey(L, -1, kpath, 0);
		lua_pushvalue(L, -1);
		lua_rawget(L, t);
		if (lua_type(L, -2) != LUA_TSTRING ||
		    lua_type(L, -1) != LUA_TSTRING) {
			schema_describe(L,
			    lua_type(L, -2) != LUA_TSTRING ? -2 : -1,
			    got, sizeof(got));
			serr(L, &sc, DIAG_ERROR, kpath, "expected key = "
			    "\"text\" pairs, got %s", got);
			c->ok = 0;
		} else if (!text_ok(L, &sc, -1, kpath)) {
			c->ok = 0;
		} else if (known && (moved = vocab_moved(
		    lua_tostring(L, -2))) != NULL) {
			/* the topic's words are the vocabularies' now */
			serr(L, &sc, DIAG_WARN, kpath, "'%s' is not an interface "
			    "string any more: the topic's words are in "
			    "lua/vocab.lua (%s); this one is not used",
			    lua_tostring(L, -2), moved);
		} else {
			/* a key that is not built in is the project's own,
			 * for its components: no warning */
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
		if (!file_isfile(builtin)) {
			free(builtin);
			builtin = xasprintf("%s/lua/builtin/i18n/en.lua",
			    site->sharedir);
		}
		if (file_isfile(builtin))
			known = 1;
	}
	own = xasprintf("%s/lua/i18n/%s.lua",
	    site->dir != NULL ? site->dir : ".", code);
	if (known && !file_isfile(own) && strcmp(code, "en") != 0 &&
	    strstr(builtin, "/en.lua") != NULL)
		diag(c->sb->diag, DIAG_WARN, site->file, 0, 0,
		    "no built-in interface strings for '%s': English ones are "
		    "used (write lua/i18n/%s.lua)", code, code);
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
	lstr_ui_sort(kv, site->ni18n[c->lang]);
	return 0;
}

int
settings_i18n(struct sandbox *sb, struct site *site)
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

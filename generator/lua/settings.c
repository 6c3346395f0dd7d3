/*
 * settings.c: the project's settings, read in the sandbox.  In:
 * lua/site.lua and the interface strings (lua/builtin/i18n/<lang>.lua,
 * then the project's lua/i18n/<lang>.lua); out: struct site (languages,
 * titles, paper, documents; the publisher's identity and accessibility
 * statement through publisher.c) and its i18n tables, each field read
 * and checked by field.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

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
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected true or "
		    "false, got %s", fpath + 1, got);
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
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected true, false "
		    "or \"auto\", got %s", fpath + 1, got);
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
			field_err(L, c, DIAG_ERROR, ".languages", "languages: "
			    "expected a list of language codes such as { "
			    "\"fr\", \"en\" }");
		for (k = 1; k <= n; k++) {
			snprintf(path, sizeof(path), ".languages[%lld]",
			    (long long)k);
			lua_rawgeti(L, -1, k);
			if (lua_type(L, -1) != LUA_TSTRING ||
			    !goodlang(lua_tostring(L, -1))) {
				schema_describe(L, -1, got, sizeof(got));
				field_err(L, c, DIAG_ERROR, path, "%s: "
				    "expected a language code such as \"fr\", "
				    "got %s", path + 1, got);
			} else if (site->nlangs == PK_MAXLANG) {
				field_err(L, c, DIAG_ERROR, path, "languages: "
				    "at most %d languages", PK_MAXLANG);
			} else {
				for (i = 0; i < site->nlangs; i++)
					if (!strcmp(site->langs[i],
					    lua_tostring(L, -1)))
						break;
				if (i < site->nlangs)
					field_err(L, c, DIAG_ERROR, path, "%s: "
					    "\"%s\" is listed twice", path + 1,
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
		field_err(L, c, DIAG_ERROR, ".languages", "languages: expected "
		    "a list such as { \"fr\", \"en\" }, got %s", got);
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
			field_err(L, c, DIAG_ERROR, path, "%s: expected \"A4\" "
			    "or \"Letter\", got %s", path + 1, got);
		}
		lua_pop(L, 1);
		free(out[i]);
		out[i] = xstrdup(p);
	}
	if (!lua_isnil(L, v) && lua_type(L, v) != LUA_TSTRING &&
	    lua_type(L, v) != LUA_TTABLE) {
		snprintf(path, sizeof(path), "%s.paper", where);
		schema_describe(L, v, got, sizeof(got));
		field_err(L, c, DIAG_ERROR, path, "%s: expected \"A4\", "
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
	if (!field_str(L, c, t, "pdf_standard", "", &v) || v == NULL)
		return;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(v, names[i].name) == 0) {
			c->site->pdfstd = names[i].std;
			break;
		}
	if (i == sizeof(names) / sizeof(names[0]))
		field_err(L, c, DIAG_ERROR, ".pdf_standard", "pdf_standard: "
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
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected a list such "
		    "as { \"pdf\", \"odt\", \"docx\" }, got %s", fpath + 1,
		    got);
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
			field_err(L, c, DIAG_ERROR, fpath, "%s[%lld]: unknown "
			    "format %s (expected \"pdf\", \"odt\" or \"docx\")",
			    fpath + 1, (long long)j, got);
		}
		lua_pop(L, 1);
	}
	if (n == 0)
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected at least one "
		    "of \"pdf\", \"odt\" and \"docx\"", fpath + 1);
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
		field_err(L, c, DIAG_ERROR, ".documents", "documents: expected "
		    "a list of { id = …, title = …, pages = { … } }, got %s",
		    got);
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
			field_err(L, c, DIAG_ERROR, path, "%s: expected a "
			    "table { id = …, title = …, pages = { … } }, got "
			    "%s", path + 1, got);
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
			field_err(L, c, DIAG_NOTE, rpath, "%s.recto: now "
			    "called duplex (recto still works)", path + 1);
			d->duplex |= get_bool(L, c, dt, "recto", path, 0);
		}
		lua_pop(L, 1);
		d->booklet = get_bool(L, c, dt, "booklet", path, 0);
		d->examples = get_bool(L, c, dt, "examples", path, 1);
		d->worksheets_only = get_bool(L, c, dt, "worksheets_only",
		    path, 0);
		field_unknown(L, c, dt, path, known, "document");
		field_str(L, c, dt, "id", path, &d->id);
		if (d->id == NULL) {
			field_err(L, c, DIAG_ERROR, path, "%s: missing field "
			    "'id' (the PDF's file name)", path + 1);
			d->id = xasprintf("document-%lld", (long long)k);
		} else if (!data_goodname(d->id))
			field_err(L, c, DIAG_ERROR, path, "%s.id: \"%s\" "
			    "cannot be a file name (use a-z, 0-9, '-' and '_')",
			    path + 1, d->id);
		for (i = 0; i + 1 < site->ndocs; i++)
			if (strcmp(site->docs[i].id, d->id) == 0)
				field_err(L, c, DIAG_ERROR, path, "%s.id: "
				    "\"%s\" is used twice", path + 1, d->id);
		field_lstr(L, c, dt, "title", path, &d->title, 0);
		if (d->title.s[0] == NULL)
			for (i = 0; i < site->nlangs; i++)
				if (site->title.s[i] != NULL)
					d->title.s[i] =
					    xstrdup(site->title.s[i]);
		field_lstr(L, c, dt, "subtitle", path, &d->subtitle, 0);
		d->formats = doc_formats(L, c, dt, path);
		read_paper(L, c, dt, path, site->paper, d->paper);
		snprintf(ppath, sizeof(ppath), "%s.pages", path);
		if (lua_getfield(L, dt, "pages") != LUA_TTABLE ||
		    lua_rawlen(L, -1) == 0) {
			schema_describe(L, -1, got, sizeof(got));
			field_err(L, c, DIAG_ERROR,
			    lua_isnil(L, -1) ? path : ppath, "%s.pages: "
			    "expected a list of pages such as { \"guide/*\" }, "
			    "got %s", path + 1, got);
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
					field_err(L, c, DIAG_ERROR, ppath,
					    "%s[%lld]: expected a page path, "
					    "got %s", ppath + 1, (long long)j,
					    got);
				}
				lua_pop(L, 1);
			}
		}
		lua_settop(L, dt - 1);
	}
	lua_pop(L, 1);
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
	publisher_identity_free(&s->id);
	publisher_a11y_free(&s->a11y);
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
		field_err(L, c, DIAG_ERROR, "", "the settings file must return "
		    "a table: return { title = \"…\", … }; it returns %s", got);
		site->langs[0] = xstrdup("fr");
		site->langs[1] = xstrdup("en");
		site->nlangs = 2;
		return 0;
	}
	linemap_register(L, t, c->name, "");
	field_unknown(L, c, t, "", known, "settings");
	site_langs(L, c, t);
	field_lstr(L, c, t, "title", "", &site->title, 1);
	field_lstr(L, c, t, "description", "", &site->description, 0);
	field_lstr(L, c, t, "author", "", &site->author, 0);
	if (field_str(L, c, t, "base_url", "", &site->base_url) &&
	    site->base_url != NULL && *site->base_url == '\0') {
		free(site->base_url);   /* "": not set, as nil */
		site->base_url = NULL;
	} else if (site->base_url != NULL) {
		field_placeholder(L, c, ".base_url", site->base_url);
		if (strncmp(site->base_url, "https://", 8) != 0 &&
		    strncmp(site->base_url, "http://", 7) != 0)
			field_err(L, c, DIAG_ERROR, ".base_url", "base_url: "
			    "expected an absolute URL such as "
			    "\"https://example.org/guide/\", got \"%s\"",
			    site->base_url);
		n = strlen(site->base_url);
		if (n > 0 && site->base_url[n - 1] != '/') {
			char *u = xasprintf("%s/", site->base_url);

			free(site->base_url);
			site->base_url = u;
		}
	}
	field_str(L, c, t, "theme", "", &site->theme);
	if (site->theme == NULL)
		site->theme = xstrdup("default");
	else if (!data_goodname(site->theme))
		field_err(L, c, DIAG_ERROR, ".theme", "theme: \"%s\" is not a "
		    "theme name (use a-z, 0-9, '-' and '_': themes/NAME/)",
		    site->theme);
	read_paper(L, c, t, "", NULL, site->paper);
	site->raw_html = get_bool(L, c, t, "raw_html", "", 0);
	site->index_links = get_bool(L, c, t, "index_links", "", 0);
	site_pdfstd(L, c, t);
	site_docs(L, c, t);
	publisher_identity(L, c, t);
	publisher_a11y(L, c, t);
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
		field_err(L, &sc, DIAG_ERROR, "", "an interface strings file "
		    "must return a table { key = \"text\", … }; it returns %s",
		    got);
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
			field_err(L, &sc, DIAG_ERROR, kpath, "expected key = "
			    "\"text\" pairs, got %s", got);
			c->ok = 0;
		} else if (!field_text_ok(L, &sc, -1, kpath)) {
			c->ok = 0;
		} else if (known && (moved = vocab_moved(
		    lua_tostring(L, -2))) != NULL) {
			/* the topic's words are the vocabularies' now */
			field_err(L, &sc, DIAG_WARN, kpath, "'%s' is not an "
			    "interface string any more: the topic's words are "
			    "in lua/vocab.lua (%s); this one is not used",
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

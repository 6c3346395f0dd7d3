/*
 * pdfstyle.c: the PDF style.  In: themes/<theme>/pdf.lua (project
 * folder first, then the shared one), run in the sandbox; out: a struct
 * pdf_style over the built-in defaults, the default theme's (Charis SIL
 * 10.5 pt body on a 116 mm measure, Lato headings, Liberation Mono code,
 * DejaVu Sans fallback: themes/default/pdf.lua says why).
 */
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

#define MM(x) ((x) * 72.0 / 25.4)
#define LIB2 "/usr/share/fonts/truetype/liberation2/"
#define CHARIS "/usr/share/fonts/truetype/charis/"
#define LATO "/usr/share/fonts/truetype/lato/"

static const char *const facekey[PF__MAX][2] = {
	{ "serif", "regular" }, { "serif", "bold" }, { "serif", "italic" },
	{ "serif", "bolditalic" }, { "sans", "regular" }, { "sans", "bold" },
	{ "sans", "italic" }, { "sans", "bolditalic" }, { "mono", "regular" },
	{ "mono", "bold" }, { "mono", "italic" }, { "mono", "bolditalic" },
	{ "fallback", NULL },
};

void
pdfstyle_defaults(struct pdf_style *st)
{
	static const char *const files[PF__MAX] = {
		CHARIS "CharisSIL-Regular.ttf",
		CHARIS "CharisSIL-Bold.ttf",
		CHARIS "CharisSIL-Italic.ttf",
		CHARIS "CharisSIL-BoldItalic.ttf",
		LATO "Lato-Regular.ttf",
		LATO "Lato-Bold.ttf",
		LATO "Lato-Italic.ttf",
		LATO "Lato-BoldItalic.ttf",
		LIB2 "LiberationMono-Regular.ttf",
		LIB2 "LiberationMono-Bold.ttf",
		LIB2 "LiberationMono-Italic.ttf",
		LIB2 "LiberationMono-BoldItalic.ttf",
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	};
	static const double hs[6] = { 21, 15, 12.5, 11, 10.5, 10.5 };
	int i;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < PF__MAX; i++)
		st->font[i] = xstrdup(files[i]);
	st->size = 10.5;
	st->leading = 1.38;
	st->measure = MM(116);
	memcpy(st->hsize, hs, sizeof(hs));
	st->codesize = 8.8;
	st->smallsize = 8.5;
	st->tablesize = 9;
	st->margin[0] = MM(22);
	st->margin[1] = MM(20);
	st->margin[2] = MM(22);
	st->margin[3] = MM(24);
	st->parskip = 6;
	st->indent = 18;
	st->writeline = MM(8);
	st->justify = 1;
	st->hyphenate = 1;
	st->text = 0x1a1a1a;
	st->heading = 0x1f3a5f;
	st->link = 0x1a5fb4;
	st->rule = 0x8a8a8a;
	st->shade = 0xeef0f4;
	st->muted = 0x555555;
}

void
pdfstyle_free(struct pdf_style *st)
{
	int i;

	for (i = 0; i < PF__MAX; i++)
		free(st->font[i]);
	free(st->file);
	memset(st, 0, sizeof(*st));
}

/* A number field of the table at idx; 1 read or absent, 0 bad. */
static int
getnum(lua_State *L, int idx, const char *key, double *v, double lo,
    double hi, const char *file, const char *what)
{
	int t = lua_getfield(L, idx, key);
	int ok = 1;

	if (t == LUA_TNUMBER) {
		double x = lua_tonumber(L, -1);

		if (x < lo || x > hi) {
			diag(sandbox_get(L)->diag, DIAG_ERROR, file, 0, 0,
			    "%s%s: %g is out of range (%g to %g)", what, key, x,
			    lo, hi);
			ok = 0;
		} else
			*v = x;
	} else if (t != LUA_TNIL) {
		diag(sandbox_get(L)->diag, DIAG_ERROR, file, 0, 0,
		    "%s%s: expected a number, got %s",
		    what, key, lua_typename(L, t));
		ok = 0;
	}
	lua_pop(L, 1);
	return ok;
}

static int
getbool(lua_State *L, int idx, const char *key, int *v, const char *file)
{
	int t = lua_getfield(L, idx, key);
	int ok = 1;

	if (t == LUA_TBOOLEAN)
		*v = lua_toboolean(L, -1);
	else if (t != LUA_TNIL) {
		diag(sandbox_get(L)->diag, DIAG_ERROR, file, 0, 0,
		    "%s: expected true or false, got %s", key,
		    lua_typename(L, t));
		ok = 0;
	}
	lua_pop(L, 1);
	return ok;
}

static int
getcolour(lua_State *L, int idx, const char *key, unsigned *v,
    const char *file)
{
	int t = lua_getfield(L, idx, key);
	int ok = 1;
	const char *s;

	if (t == LUA_TSTRING) {
		s = lua_tostring(L, -1);
		if (s[0] == '#' && strlen(s) == 7 &&
		    strspn(s + 1, "0123456789abcdefABCDEF") == 6)
			*v = (unsigned)strtoul(s + 1, NULL, 16);
		else {
			diag(sandbox_get(L)->diag, DIAG_ERROR, file, 0, 0,
			    "colors.%s: expected \"#rrggbb\", got \"%s\"", key,
			    s);
			ok = 0;
		}
	} else if (t != LUA_TNIL) {
		diag(sandbox_get(L)->diag, DIAG_ERROR, file, 0, 0,
		    "colors.%s: expected a string, got %s", key,
		    lua_typename(L, t));
		ok = 0;
	}
	lua_pop(L, 1);
	return ok;
}

/* A font path: absolute, or relative to the theme folder. */
static int
setfont(struct diag *dg, struct pdf_style *st, int f, const char *path,
    const char *dir)
{
	char *p = path[0] == '/' ? xstrdup(path) :
	    xasprintf("%s/%s", dir, path);

	if (!file_isfile(p)) {
		diag(dg, DIAG_ERROR, st->file, 0, 0, "fonts.%s%s%s: font file "
		    "'%s' not found", facekey[f][0], facekey[f][1] ? "." : "",
		    facekey[f][1] ? facekey[f][1] : "", p);
		free(p);
		return 0;
	}
	free(st->font[f]);
	st->font[f] = p;
	return 1;
}

static int
readfonts(lua_State *L, int idx, struct pdf_style *st, const char *dir)
{
	int f, ok = 1, t;

	if (lua_getfield(L, idx, "fonts") != LUA_TTABLE) {
		if (!lua_isnil(L, -1)) {
			diag(sandbox_get(L)->diag, DIAG_ERROR, st->file, 0, 0,
			    "fonts: expected a table");
			ok = 0;
		}
		lua_pop(L, 1);
		return ok;
	}
	for (f = 0; f < PF__MAX; f++) {
		t = lua_getfield(L, -1, facekey[f][0]);
		if (facekey[f][1] == NULL) {
			if (t == LUA_TSTRING)
				ok &= setfont(sandbox_get(L)->diag, st, f,
				    lua_tostring(L, -1), dir);
			lua_pop(L, 1);
			continue;
		}
		if (t == LUA_TTABLE) {
			if (lua_getfield(L, -1, facekey[f][1]) == LUA_TSTRING)
				ok &= setfont(sandbox_get(L)->diag, st, f,
				    lua_tostring(L, -1), dir);
			else if (!lua_isnil(L, -1)) {
				diag(sandbox_get(L)->diag, DIAG_ERROR, st->file,
				    0, 0, "fonts.%s.%s: "
				    "expected a file name", facekey[f][0],
				    facekey[f][1]);
				ok = 0;
			}
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	return ok;
}

int
pdfstyle_load(struct project *p, struct pdf_style *st)
{
	const struct site *s = &p->site;
	const char *theme = s->theme != NULL ? s->theme : "default";
	char *dir = NULL, *path = NULL;
	lua_State *L;
	int ok = 1, top, i;
	double m;
	static const char *const side[4] = { "top", "right", "bottom", "left" };

	dir = xasprintf("%s/themes/%s", s->dir ? s->dir : ".", theme);
	path = xasprintf("%s/pdf.lua", dir);
	if (!file_isfile(path) && s->sharedir != NULL) {
		free(dir);
		free(path);
		dir = xasprintf("%s/themes/%s", s->sharedir, theme);
		path = xasprintf("%s/pdf.lua", dir);
	}
	if (!file_isfile(path) || p->lua == NULL)
		goto out;       /* the built-in style */
	free(st->file);
	st->file = xstrdup(path);
	L = sandbox_state(p->lua);
	top = lua_gettop(L);
	if (!data_runfile(p->lua, path, 1)) {
		ok = 0;
		goto restore;
	}
	if (!lua_istable(L, -1)) {
		diag(sandbox_get(L)->diag, DIAG_ERROR, path, 0, 0,
		    "pdf.lua must return a table");
		ok = 0;
		goto restore;
	}
	i = lua_gettop(L);
	ok &= readfonts(L, i, st, dir);
	ok &= getnum(L, i, "size", &st->size, 5, 30, path, "");
	ok &= getnum(L, i, "leading", &st->leading, 1, 3, path, "");
	ok &= getnum(L, i, "code", &st->codesize, 5, 30, path, "");
	ok &= getnum(L, i, "small", &st->smallsize, 5, 30, path, "");
	ok &= getnum(L, i, "table", &st->tablesize, 5, 30, path, "");
	ok &= getnum(L, i, "paragraph_space", &st->parskip, 0, 50, path, "");
	ok &= getnum(L, i, "indent", &st->indent, 0, 100, path, "");
	m = st->measure * 25.4 / 72;
	ok &= getnum(L, i, "measure", &m, 0, 400, path, "");
	st->measure = MM(m);
	m = st->writeline * 25.4 / 72;
	ok &= getnum(L, i, "writing_line", &m, 5, 20, path, "");
	st->writeline = MM(m);
	ok &= getbool(L, i, "justify", &st->justify, path);
	ok &= getbool(L, i, "hyphenate", &st->hyphenate, path);
	if (lua_getfield(L, i, "headings") == LUA_TTABLE) {
		int k;

		for (k = 0; k < 6; k++) {
			if (lua_rawgeti(L, -1, k + 1) == LUA_TNUMBER) {
				double v = lua_tonumber(L, -1);

				if (v >= 5 && v <= 60)
					st->hsize[k] = v;
				else {
					diag(sandbox_get(L)->diag, DIAG_ERROR,
					    path, 0, 0, "headings[%d]: "
					    "%g is out of range (5 to 60)",
					    k + 1, v);
					ok = 0;
				}
			}
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
	if (lua_getfield(L, i, "margins") == LUA_TTABLE) {
		int k;

		for (k = 0; k < 4; k++) {
			m = st->margin[k] * 25.4 / 72;
			ok &= getnum(L, lua_gettop(L), side[k], &m, 5, 60, path,
			    "margins.");
			st->margin[k] = MM(m);
		}
	}
	lua_pop(L, 1);
	if (lua_getfield(L, i, "colors") == LUA_TTABLE) {
		int c = lua_gettop(L);

		ok &= getcolour(L, c, "text", &st->text, path);
		ok &= getcolour(L, c, "heading", &st->heading, path);
		ok &= getcolour(L, c, "link", &st->link, path);
		ok &= getcolour(L, c, "rule", &st->rule, path);
		ok &= getcolour(L, c, "shade", &st->shade, path);
		ok &= getcolour(L, c, "muted", &st->muted, path);
	}
	lua_pop(L, 1);
restore:
	lua_settop(L, top);
out:
	free(dir);
	free(path);
	return ok;
}

/*
 * elem.c: the element vocabulary, one table for every stage: what pk.h
 * may build (lua/ltree.c, docs/contract.md §1), how the HTML writer
 * closes each element, which ones run inside a line of text (the search
 * text; the PDF and the ODT/DOCX writer, which have always counted a few
 * more), and which ones typography leaves alone or starts afresh in.
 * Each use reads its own column: where the stages disagree, each keeps
 * its answer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/elem.h"

/* columns, shortened for the table */
#define L_H	ELEM_HTML
#define L_V	ELEM_VOID
#define L_T	ELEM_TEXTONLY
#define L_SR	ELEM_SVGROOT
#define L_S	ELEM_SVG
#define L_ST	ELEM_SVGTEXT
#define HV	ELEM_H_VOID
#define HB	ELEM_H_BLOCK
#define HN	ELEM_H_NLSTART
#define PH	ELEM_PHRASING
#define PI	ELEM_PDF_INLINE
#define TS	ELEM_TYPO_SKIP
#define TB	ELEM_TYPO_BLOCK
#define OI	ELEM_OFFICE_INLINE

/* Sorted by name (strcmp), for bsearch. */
static const struct elem elems[] = {
	{ "a", L_H, PH | PI | OI },
	{ "abbr", L_H, PH | PI | OI },
	{ "address", 0, HB },
	{ "area", 0, HV },
	{ "article", 0, HB },
	{ "aside", L_H, HB | TB },
	{ "b", L_H, PH | PI | OI },
	{ "base", 0, HV },
	{ "bdi", 0, PH },
	{ "bdo", 0, PH },
	{ "blockquote", L_H, HB | HN | TB },
	{ "body", 0, HB | HN },
	{ "br", L_V, HV | PI | OI },
	{ "button", L_H, TB | OI },
	{ "caption", L_H, HB | TB },
	{ "circle", L_S, 0 },
	{ "cite", L_H, PH | PI | OI },
	{ "code", L_H, PH | PI | TS | OI },
	{ "col", L_V, HV },
	{ "colgroup", L_H, 0 },
	{ "data", 0, PH | PI },
	{ "dd", L_H, HB | TB },
	{ "del", L_H, PH | PI | OI },
	{ "desc", L_ST, TB },
	{ "details", L_H, HB },
	{ "dfn", L_H, PH | PI | OI },
	{ "div", L_H, HB | TB },
	{ "dl", L_H, HB | HN },
	{ "dt", L_H, HB | TB },
	{ "em", L_H, PH | PI | OI },
	{ "embed", 0, HV },
	{ "fieldset", L_H, HB | HN },
	{ "figcaption", L_H, HB | TB },
	{ "figure", L_H, HB | HN },
	{ "footer", L_H, HB | HN },
	{ "form", L_H, HB | HN },
	{ "g", L_S, 0 },
	{ "h1", L_H, HB | TB },
	{ "h2", L_H, HB | TB },
	{ "h3", L_H, HB | TB },
	{ "h4", L_H, HB | TB },
	{ "h5", L_H, HB | TB },
	{ "h6", L_H, HB | TB },
	{ "head", 0, HB | HN },
	{ "header", L_H, HB | HN },
	{ "hr", L_V, HV | HB },
	{ "html", 0, HB | HN },
	{ "i", L_H, PH | PI | OI },
	{ "img", L_V, HV | PI | OI },
	{ "input", L_V, HV },
	{ "ins", L_H, PH | PI | OI },
	{ "kbd", L_H, PH | PI | TS | OI },
	{ "label", L_H, PI | TB },
	{ "legend", L_H, HB | TB },
	{ "li", L_H, HB | TB },
	{ "line", L_S, 0 },
	{ "link", 0, HV | HB },
	{ "main", 0, HB | HN },
	{ "mark", L_H, PH | PI | OI },
	{ "meta", 0, HV | HB },
	{ "meter", L_H, OI },
	{ "nav", L_H, HB | HN },
	{ "ol", L_H, HB | HN },
	{ "optgroup", L_H, 0 },
	{ "option", L_T, TB },
	{ "output", L_H, OI },
	{ "p", L_H, HB | TB },
	{ "path", L_S, 0 },
	{ "pk-raw", 0, TS },
	{ "polyline", L_S, 0 },
	{ "pre", L_H, HB | TS },
	{ "progress", L_H, OI },
	{ "q", L_H, PH | PI | OI },
	{ "rect", L_S, 0 },
	{ "s", L_H, PH | PI | OI },
	{ "samp", L_H, PH | PI | TS | OI },
	{ "script", 0, HB | TS },
	{ "section", L_H, HB | HN | TB },
	{ "select", L_H, 0 },
	{ "small", L_H, PH | PI | OI },
	{ "source", 0, HV },
	{ "span", L_H, PH | PI | OI },
	{ "strong", L_H, PH | PI | OI },
	{ "style", 0, TS },
	{ "sub", L_H, PH | PI | OI },
	{ "summary", L_H, HB },
	{ "sup", L_H, PH | PI | OI },
	{ "svg", L_SR, HB | HN },
	{ "table", L_H, HB | HN },
	{ "tbody", L_H, HB | HN },
	{ "td", L_H, HB | TB },
	{ "text", L_ST, TB },
	{ "textarea", L_T, TS },
	{ "tfoot", L_H, HB | HN },
	{ "th", L_H, HB | TB },
	{ "thead", L_H, HB | HN },
	{ "time", L_H, PH | PI | OI },
	{ "title", L_ST, HB | TB },
	{ "tr", L_H, HB | HN },
	{ "track", 0, HV },
	{ "u", L_H, PH | PI | OI },
	{ "ul", L_H, HB | HN },
	{ "var", L_H, PH | PI | TS | OI },
	{ "wbr", 0, HV | PI },
};
#define NELEMS (sizeof(elems) / sizeof(elems[0]))

static int
cmp_elem(const void *k, const void *e)
{
	return strcmp(k, ((const struct elem *)e)->name);
}

const struct elem *
elem_get(const char *name)
{
	/* names are mostly interned (one pointer per name in every page,
	 * markdown.c): remembered by pointer in a small table, looked up
	 * by name otherwise.  A per-process cache of a constant table. */
	static struct {
		const char	*name;
		char		 copy[12];      /* a freed name's slot may be reused */
		const struct elem *e;
	} seen[1024];
	size_t h = (size_t)(((uint64_t)(uintptr_t)name *
	    0x9E3779B97F4A7C15ULL) >> 54);
	const struct elem *e;

	if (seen[h].name == name && strcmp(seen[h].copy, name) == 0)
		return seen[h].e;
	e = bsearch(name, elems, NELEMS, sizeof(elems[0]), cmp_elem);
	if (strlen(name) < sizeof(seen[h].copy)) {
		seen[h].name = name;
		memcpy(seen[h].copy, name, strlen(name) + 1);
		seen[h].e = e;
	}
	return e;
}

int
elem_flags(const char *name)
{
	const struct elem *e = elem_get(name);

	return e != NULL ? e->flags : 0;
}

size_t
elem_lua_names(const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < NELEMS && n < max; i++)
		if (elems[i].lua != ELEM_NOLUA)
			names[n++] = elems[i].name;
	return n;
}

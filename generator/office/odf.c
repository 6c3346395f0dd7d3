/*
 * odf.c: the ODT writer.  In: a document model (internal.h); out: an
 * OpenDocument 1.3 text package (mimetype first and stored, content.xml,
 * styles.xml with named styles, meta.xml, Pictures/, the manifest), every
 * XML part built as libxml2 nodes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "output/out.h"
#include "doc/doc.h"
#include "office/internal.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* The namespaces of one part. */
struct ns {
	xmlNsPtr office, style, text, table, draw, fo, xlink, dc, meta, svg;
};

/* What writing content.xml keeps: the ODT writer's state. */
struct odfw {
	const struct odoc *d;       /* the document */
	struct ns n;                /* content.xml's namespaces */
	xmlNodePtr autos;           /* office:automatic-styles */
	struct strset tstyles;      /* automatic text styles made */
	struct strset pstyles;      /* automatic paragraph styles made */
	int	 ntables;           /* tables written */
	int	 inarticles;        /* a list of MoU articles is open */
};

/* Each paragraph style: its name, shown name, parent, next. */
static const struct {
	const char *name, *display;
} pstyle[OS__MAX] = {
	[OS_BODY] = { "Text_20_body", "Text body" },
	[OS_TITLE] = { "Title", "Title" },
	[OS_SUBTITLE] = { "Subtitle", "Subtitle" },
	[OS_H1] = { "Heading_20_1", "Heading 1" },
	[OS_H2] = { "Heading_20_2", "Heading 2" },
	[OS_H3] = { "Heading_20_3", "Heading 3" },
	[OS_H4] = { "Heading_20_4", "Heading 4" },
	[OS_H5] = { "Heading_20_5", "Heading 5" },
	[OS_H6] = { "Heading_20_6", "Heading 6" },
	[OS_ARTICLE] = { "Article", "Article" },
	[OS_LIST] = { "List_20_Paragraph", "List Paragraph" },
	[OS_CAPTION] = { "Caption", "Caption" },
	[OS_NOTE] = { "Note", "Note" },
	[OS_META] = { "Source", "Source" },
	[OS_QUOTE] = { "Quotations", "Quotations" },
	[OS_CODE] = { "Preformatted_20_Text", "Preformatted Text" },
	[OS_TERM] = { "Term", "Term" },
	[OS_DEF] = { "Definition", "Definition" },
	[OS_LABEL] = { "Field_20_label", "Field label" },
	[OS_FILL] = { "Writing_20_line", "Writing line" },
	[OS_SIGN] = { "Signature_20_line", "Signature line" },
	[OS_LEGEND] = { "Field_20_group", "Field group" },
	[OS_FORMTITLE] = { "Form_20_title", "Form title" },
	[OS_CELL] = { "Table_20_Contents", "Table Contents" },
	[OS_CELLHEAD] = { "Table_20_Heading", "Table Heading" },
	[OS_CELLNUM] = { "Table_20_Number", "Table Number" },
	[OS_CELLCENTER] = { "Table_20_Contents_20_Centred",
	    "Table Contents Centred" },
	[OS_CELLRIGHT] = { "Table_20_Contents_20_Right",
	    "Table Contents Right" },
	[OS_CELLHEADCENTER] = { "Table_20_Heading_20_Centred",
	    "Table Heading Centred" },
	[OS_CELLHEADRIGHT] = { "Table_20_Heading_20_Right",
	    "Table Heading Right" },
	[OS_FIGURE] = { "Figure", "Figure" },
	[OS_RULE] = { "Horizontal_20_Line", "Horizontal Line" },
};

static xmlNodePtr
el(xmlNodePtr parent, xmlNsPtr ns, const char *name)
{
	return xmlNewChild(parent, ns, BAD_CAST name, NULL);
}

static void
at(xmlNodePtr n, xmlNsPtr ns, const char *name, const char *v)
{
	xmlNewNsProp(n, ns, BAD_CAST name, BAD_CAST v);
}

static void
atf(xmlNodePtr n, xmlNsPtr ns, const char *name, double v, const char *unit)
{
	char b[48];

	snprintf(b, sizeof(b), "%.3f%s", v, unit);
	at(n, ns, name, b);
}

static xmlNodePtr
root(xmlDocPtr doc, const char *name, struct ns *n)
{
	xmlNodePtr r = xmlNewDocNode(doc, NULL, BAD_CAST name, NULL);

	xmlDocSetRootElement(doc, r);
	n->office = xmlNewNs(r, BAD_CAST NS_OFFICE, BAD_CAST "office");
	n->style = xmlNewNs(r, BAD_CAST NS_STYLE, BAD_CAST "style");
	n->text = xmlNewNs(r, BAD_CAST NS_TEXT, BAD_CAST "text");
	n->table = xmlNewNs(r, BAD_CAST NS_TABLE, BAD_CAST "table");
	n->draw = xmlNewNs(r, BAD_CAST NS_DRAW, BAD_CAST "draw");
	n->fo = xmlNewNs(r, BAD_CAST NS_FO, BAD_CAST "fo");
	n->xlink = xmlNewNs(r, BAD_CAST NS_XLINK, BAD_CAST "xlink");
	n->dc = xmlNewNs(r, BAD_CAST NS_DC, BAD_CAST "dc");
	n->meta = xmlNewNs(r, BAD_CAST NS_META, BAD_CAST "meta");
	n->svg = xmlNewNs(r, BAD_CAST NS_SVG, BAD_CAST "svg");
	xmlSetNs(r, n->office);
	at(r, n->office, "version", "1.3");
	return r;
}

/* "fr-FR" into fo:language and fo:country on a text-properties node. */
static void
lang_props(xmlNodePtr tp, const struct ns *n, const char *tag)
{
	const char *dash = strchr(tag, '-');
	char *l = dash ? xstrndup(tag, (size_t)(dash - tag)) : xstrdup(tag);

	at(tp, n->fo, "language", l);
	at(tp, n->fo, "country", dash ? dash + 1 : "none");
	free(l);
}

/* Text into p: runs of spaces as text:s (ODF collapses them). */
static void
text_into(xmlNodePtr p, const struct ns *n, const char *s)
{
	const char *a = s;
	char num[16];
	int sp;

	while (*s != '\0') {
		if (*s != ' ' || (s[1] != ' ' && s != a)) {
			s++;
			continue;
		}
		/* s: spaces ODF would collapse or drop */
		if (s > a)
			xmlNodeAddContentLen(p, BAD_CAST a, (int)(s - a));
		for (sp = 0; s[sp] == ' '; sp++)
			;
		if (s != a || sp > 0) {
			xmlNodePtr e = el(p, n->text, "s");

			snprintf(num, sizeof(num), "%d", sp);
			if (sp > 1)
				at(e, n->text, "c", num);
		}
		s += sp;
		a = s;
	}
	if (s > a)
		xmlAddChild(p, xmlNewText(BAD_CAST a));
}

/* ---- styles.xml --------------------------------------------------------- */

static xmlNodePtr
style(xmlNodePtr parent, const struct ns *n, const char *name,
    const char *display, const char *family, const char *par)
{
	xmlNodePtr s = el(parent, n->style, "style");

	at(s, n->style, "name", name);
	if (display != NULL && strcmp(display, name) != 0)
		at(s, n->style, "display-name", display);
	at(s, n->style, "family", family);
	if (par != NULL)
		at(s, n->style, "parent-style-name", par);
	return s;
}

static xmlNodePtr
pprops(xmlNodePtr s, const struct ns *n)
{
	return el(s, n->style, "paragraph-properties");
}

static xmlNodePtr
tprops(xmlNodePtr s, const struct ns *n)
{
	return el(s, n->style, "text-properties");
}

static void
font(xmlNodePtr parent, const struct ns *n, const char *name,
    const char *generic, const char *pitch)
{
	xmlNodePtr f = el(parent, n->style, "font-face");
	char *q = xasprintf("'%s'", name);

	at(f, n->style, "name", name);
	at(f, n->svg, "font-family", q);
	at(f, n->style, "font-family-generic", generic);
	at(f, n->style, "font-pitch", pitch);
	free(q);
}

static void
list_styles(xmlNodePtr st, const struct ns *n)
{
	static const char *const bullets[] = { "\xe2\x80\xa2",
	    "\xe2\x97\xa6", "\xe2\x96\xaa" };
	static const char *const numfmt[] = { "1", "a", "i" };
	xmlNodePtr ls, lv, pp, lp;
	char lvl[16];
	int i;

	ls = el(st, n->text, "list-style");
	at(ls, n->style, "name", "List_20_Bullet");
	at(ls, n->style, "display-name", "List Bullet");
	for (i = 1; i <= 10; i++) {
		snprintf(lvl, sizeof(lvl), "%d", i);
		lv = el(ls, n->text, "list-level-style-bullet");
		at(lv, n->text, "level", lvl);
		at(lv, n->text, "bullet-char", bullets[(i - 1) % 3]);
		pp = el(lv, n->style, "list-level-properties");
		at(pp, n->text, "list-level-position-and-space-mode",
		    "label-alignment");
		lp = el(pp, n->style, "list-level-label-alignment");
		at(lp, n->text, "label-followed-by", "listtab");
		atf(lp, n->text, "list-tab-stop-position", 0.635 * i, "cm");
		atf(lp, n->fo, "text-indent", -0.635, "cm");
		atf(lp, n->fo, "margin-left", 0.635 * i, "cm");
	}
	ls = el(st, n->text, "list-style");
	at(ls, n->style, "name", "List_20_Number");
	at(ls, n->style, "display-name", "List Number");
	for (i = 1; i <= 10; i++) {
		snprintf(lvl, sizeof(lvl), "%d", i);
		lv = el(ls, n->text, "list-level-style-number");
		at(lv, n->text, "level", lvl);
		at(lv, n->style, "num-suffix", ".");
		at(lv, n->style, "num-format", numfmt[(i - 1) % 3]);
		pp = el(lv, n->style, "list-level-properties");
		at(pp, n->text, "list-level-position-and-space-mode",
		    "label-alignment");
		lp = el(pp, n->style, "list-level-label-alignment");
		at(lp, n->text, "label-followed-by", "listtab");
		atf(lp, n->text, "list-tab-stop-position", 0.635 * i, "cm");
		atf(lp, n->fo, "text-indent", -0.635, "cm");
		atf(lp, n->fo, "margin-left", 0.635 * i, "cm");
	}
	/* the MoU's articles: "1. Parties", numbered by the word processor */
	ls = el(st, n->text, "list-style");
	at(ls, n->style, "name", "Articles");
	lv = el(ls, n->text, "list-level-style-number");
	at(lv, n->text, "level", "1");
	at(lv, n->style, "num-suffix", ".");
	at(lv, n->style, "num-format", "1");
	pp = el(lv, n->style, "list-level-properties");
	at(pp, n->text, "list-level-position-and-space-mode",
	    "label-alignment");
	lp = el(pp, n->style, "list-level-label-alignment");
	at(lp, n->text, "label-followed-by", "space");
	at(lp, n->fo, "text-indent", "0cm");
	at(lp, n->fo, "margin-left", "0cm");
}

/* styles.xml: the fonts, the page, and every named style.  Long (~280
 * lines) by reason: a declaration, one style after another as the
 * format spells them, with no logic to cut along. */
static xmlDocPtr
styles_xml(const struct odoc *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	struct ns n;
	xmlNodePtr r = root(doc, "document-styles", &n);
	xmlNodePtr ff, st, s, pp, tp, au, pl, hf, mp, h, p;
	char *pre = NULL, *mid = NULL, *post = NULL;
	int i;

	ff = el(r, n.office, "font-face-decls");
	font(ff, &n, "Liberation Serif", "roman", "variable");
	font(ff, &n, "Liberation Sans", "swiss", "variable");
	font(ff, &n, "Liberation Mono", "modern", "fixed");
	font(ff, &n, OFFICE_BOXFONT, "swiss", "variable");
	st = el(r, n.office, "styles");
	s = el(st, n.style, "default-style");
	at(s, n.style, "family", "paragraph");
	pp = pprops(s, &n);
	at(pp, n.style, "writing-mode", "lr-tb");
	at(pp, n.fo, "orphans", "2");
	at(pp, n.fo, "widows", "2");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Serif");
	at(tp, n.fo, "font-size", "11pt");
	lang_props(tp, &n, d->langtag);
	at(tp, n.fo, "hyphenate", "false");
	s = style(st, &n, "Standard", NULL, "paragraph", NULL);
	at(s, n.style, "class", "text");
	/* body and its kin */
	s = style(st, &n, pstyle[OS_BODY].name, pstyle[OS_BODY].display,
	    "paragraph", "Standard");
	at(s, n.style, "class", "text");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-top", "0cm");
	at(pp, n.fo, "margin-bottom", "0.21cm");
	at(pp, n.fo, "line-height", "115%");
	s = style(st, &n, "Heading", NULL, "paragraph", "Standard");
	at(s, n.style, "next-style-name", pstyle[OS_BODY].name);
	at(s, n.style, "class", "text");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-top", "0.42cm");
	at(pp, n.fo, "margin-bottom", "0.21cm");
	at(pp, n.fo, "keep-with-next", "always");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Sans");
	at(tp, n.fo, "font-weight", "bold");
	{
		static const char *const size[] = { "18pt", "15pt", "13pt",
		    "12pt", "11pt", "11pt" };
		char lvl[16];

		for (i = 0; i < 6; i++) {
			snprintf(lvl, sizeof(lvl), "%d", i + 1);
			s = style(st, &n, pstyle[OS_H1 + i].name,
			    pstyle[OS_H1 + i].display, "paragraph", "Heading");
			at(s, n.style, "next-style-name", pstyle[OS_BODY].name);
			at(s, n.style, "default-outline-level", lvl);
			at(s, n.style, "class", "text");
			tp = tprops(s, &n);
			at(tp, n.fo, "font-size", size[i]);
			if (i >= 4)
				at(tp, n.fo, "font-style", "italic");
		}
	}
	s = style(st, &n, pstyle[OS_ARTICLE].name, pstyle[OS_ARTICLE].display,
	    "paragraph", pstyle[OS_H3].name);
	at(s, n.style, "default-outline-level", "3");
	at(s, n.style, "list-style-name", "Articles");
	at(s, n.style, "class", "text");
	s = style(st, &n, pstyle[OS_TITLE].name, NULL, "paragraph", "Heading");
	at(s, n.style, "class", "chapter");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-bottom", "0.3cm");
	tp = tprops(s, &n);
	at(tp, n.fo, "font-size", "24pt");
	s = style(st, &n, pstyle[OS_SUBTITLE].name, NULL, "paragraph",
	    "Heading");
	at(s, n.style, "class", "chapter");
	tp = tprops(s, &n);
	at(tp, n.fo, "font-size", "14pt");
	at(tp, n.fo, "font-weight", "normal");
	s = style(st, &n, pstyle[OS_LIST].name, pstyle[OS_LIST].display,
	    "paragraph", pstyle[OS_BODY].name);
	at(s, n.style, "class", "list");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-bottom", "0.1cm");
	s = style(st, &n, pstyle[OS_CAPTION].name, NULL, "paragraph",
	    "Standard");
	at(s, n.style, "class", "extra");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-top", "0.21cm");
	at(pp, n.fo, "margin-bottom", "0.1cm");
	at(pp, n.fo, "keep-with-next", "always");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Sans");
	at(tp, n.fo, "font-size", "10pt");
	at(tp, n.fo, "font-weight", "bold");
	s = style(st, &n, pstyle[OS_NOTE].name, NULL, "paragraph",
	    pstyle[OS_BODY].name);
	at(s, n.style, "class", "extra");
	pp = pprops(s, &n);
	at(pp, n.fo, "border", "0.75pt solid #000000");
	at(pp, n.fo, "padding", "0.15cm");
	at(pp, n.fo, "background-color", "#f2f2f2");
	at(pp, n.fo, "margin-top", "0.21cm");
	at(pp, n.fo, "margin-bottom", "0.21cm");
	at(pp, n.fo, "keep-with-next", "always");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Sans");
	at(tp, n.fo, "font-size", "10pt");
	at(tp, n.fo, "font-weight", "bold");
	s = style(st, &n, pstyle[OS_META].name, NULL, "paragraph",
	    pstyle[OS_BODY].name);
	tp = tprops(s, &n);
	at(tp, n.fo, "font-size", "9pt");
	at(tp, n.fo, "color", "#444444");
	s = style(st, &n, pstyle[OS_QUOTE].name, NULL, "paragraph",
	    pstyle[OS_BODY].name);
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-left", "1cm");
	at(pp, n.fo, "margin-right", "1cm");
	tp = tprops(s, &n);
	at(tp, n.fo, "font-style", "italic");
	s = style(st, &n, pstyle[OS_CODE].name, pstyle[OS_CODE].display,
	    "paragraph", "Standard");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-bottom", "0.21cm");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Mono");
	at(tp, n.fo, "font-size", "9pt");
	s = style(st, &n, pstyle[OS_TERM].name, NULL, "paragraph",
	    pstyle[OS_BODY].name);
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-bottom", "0.05cm");
	at(pp, n.fo, "keep-with-next", "always");
	tp = tprops(s, &n);
	at(tp, n.fo, "font-weight", "bold");
	s = style(st, &n, pstyle[OS_DEF].name, NULL, "paragraph",
	    pstyle[OS_BODY].name);
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-left", "0.75cm");
	s = style(st, &n, pstyle[OS_LABEL].name, pstyle[OS_LABEL].display,
	    "paragraph", "Standard");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-top", "0.3cm");
	at(pp, n.fo, "keep-with-next", "always");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Sans");
	at(tp, n.fo, "font-size", "10pt");
	s = style(st, &n, pstyle[OS_FILL].name, pstyle[OS_FILL].display,
	    "paragraph", "Standard");
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-top", "0.3cm");
	at(pp, n.fo, "border-bottom", "0.5pt solid #808080");
	at(pp, n.fo, "padding-bottom", "0.05cm");
	at(pp, n.style, "join-border", "false");
	s = style(st, &n, pstyle[OS_SIGN].name, pstyle[OS_SIGN].display,
	    "paragraph", pstyle[OS_FILL].name);
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-top", "1.2cm");
	s = style(st, &n, pstyle[OS_LEGEND].name, pstyle[OS_LEGEND].display,
	    "paragraph", pstyle[OS_BODY].name);
	pp = pprops(s, &n);
	at(pp, n.fo, "margin-top", "0.3cm");
	at(pp, n.fo, "keep-with-next", "always");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Sans");
	at(tp, n.fo, "font-weight", "bold");
	s = style(st, &n, pstyle[OS_FORMTITLE].name,
	    pstyle[OS_FORMTITLE].display, "paragraph", "Heading");
	tp = tprops(s, &n);
	at(tp, n.fo, "font-size", "13pt");
	s = style(st, &n, pstyle[OS_CELL].name, pstyle[OS_CELL].display,
	    "paragraph", "Standard");
	at(s, n.style, "class", "extra");
	tp = tprops(s, &n);
	at(tp, n.fo, "font-size", "10pt");
	s = style(st, &n, pstyle[OS_CELLHEAD].name,
	    pstyle[OS_CELLHEAD].display, "paragraph", pstyle[OS_CELL].name);
	at(s, n.style, "class", "extra");
	tp = tprops(s, &n);
	at(tp, n.fo, "font-weight", "bold");
	s = style(st, &n, pstyle[OS_CELLNUM].name, pstyle[OS_CELLNUM].display,
	    "paragraph", pstyle[OS_CELL].name);
	at(s, n.style, "class", "extra");
	pp = pprops(s, &n);
	at(pp, n.fo, "text-align", "end");
	/* the columns of a Markdown table, aligned as its delimiter row says */
	for (i = 0; i < 4; i++) {
		static const enum ostyle al[4][2] = {
			{ OS_CELLCENTER, OS_CELL }, { OS_CELLRIGHT, OS_CELL },
			{ OS_CELLHEADCENTER, OS_CELLHEAD },
			{ OS_CELLHEADRIGHT, OS_CELLHEAD } };

		s = style(st, &n, pstyle[al[i][0]].name,
		    pstyle[al[i][0]].display, "paragraph",
		    pstyle[al[i][1]].name);
		at(s, n.style, "class", "extra");
		pp = pprops(s, &n);
		at(pp, n.fo, "text-align", i % 2 == 0 ? "center" : "end");
	}
	s = style(st, &n, pstyle[OS_FIGURE].name, NULL, "paragraph",
	    "Standard");
	pp = pprops(s, &n);
	at(pp, n.fo, "text-align", "center");
	at(pp, n.fo, "margin-bottom", "0.21cm");
	s = style(st, &n, pstyle[OS_RULE].name, pstyle[OS_RULE].display,
	    "paragraph", "Standard");
	pp = pprops(s, &n);
	at(pp, n.fo, "border-bottom", "0.5pt solid #808080");
	at(pp, n.fo, "margin-bottom", "0.3cm");
	s = style(st, &n, "Header", NULL, "paragraph", "Standard");
	at(s, n.style, "class", "extra");
	pp = pprops(s, &n);
	at(pp, n.fo, "border-bottom", "0.5pt solid #808080");
	at(pp, n.fo, "padding-bottom", "0.05cm");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Sans");
	at(tp, n.fo, "font-size", "9pt");
	at(tp, n.fo, "color", "#444444");
	s = style(st, &n, "Footer", NULL, "paragraph", "Standard");
	at(s, n.style, "class", "extra");
	pp = pprops(s, &n);
	at(pp, n.fo, "text-align", "center");
	tp = tprops(s, &n);
	at(tp, n.style, "font-name", "Liberation Sans");
	at(tp, n.fo, "font-size", "9pt");
	at(tp, n.fo, "color", "#444444");
	/* character styles */
	s = style(st, &n, "Strong_20_Emphasis", "Strong Emphasis", "text",
	    NULL);
	at(tprops(s, &n), n.fo, "font-weight", "bold");
	s = style(st, &n, "Emphasis", NULL, "text", NULL);
	at(tprops(s, &n), n.fo, "font-style", "italic");
	s = style(st, &n, "Source_20_Text", "Source Text", "text", NULL);
	at(tprops(s, &n), n.style, "font-name", "Liberation Mono");
	s = style(st, &n, "Internet_20_link", "Internet link", "text", NULL);
	tp = tprops(s, &n);
	at(tp, n.fo, "color", "#1a4f8b");
	at(tp, n.style, "text-underline-style", "solid");
	at(tp, n.style, "text-underline-width", "auto");
	at(tp, n.style, "text-underline-color", "font-color");
	s = style(st, &n, "Check_20_box", "Check box", "text", NULL);
	at(tprops(s, &n), n.style, "font-name", OFFICE_BOXFONT);
	s = style(st, &n, "Graphics", NULL, "graphic", NULL);
	list_styles(st, &n);
	/* the page: paper, margins, header and footer */
	au = el(r, n.office, "automatic-styles");
	pl = el(au, n.style, "page-layout");
	at(pl, n.style, "name", "pm1");
	pp = el(pl, n.style, "page-layout-properties");
	atf(pp, n.fo, "page-width", d->pagew, "cm");
	atf(pp, n.fo, "page-height", d->pageh, "cm");
	at(pp, n.style, "print-orientation", "portrait");
	atf(pp, n.fo, "margin-top", d->margin * 0.6, "cm");
	atf(pp, n.fo, "margin-bottom", d->margin * 0.6, "cm");
	atf(pp, n.fo, "margin-left", d->margin, "cm");
	atf(pp, n.fo, "margin-right", d->margin, "cm");
	hf = el(el(pl, n.style, "header-style"), n.style,
	    "header-footer-properties");
	atf(hf, n.fo, "min-height", 0.6, "cm");
	atf(hf, n.fo, "margin-bottom", d->margin * 0.4, "cm");
	hf = el(el(pl, n.style, "footer-style"), n.style,
	    "header-footer-properties");
	atf(hf, n.fo, "min-height", 0.6, "cm");
	atf(hf, n.fo, "margin-top", d->margin * 0.4, "cm");
	mp = el(el(r, n.office, "master-styles"), n.style, "master-page");
	at(mp, n.style, "name", "Standard");
	at(mp, n.style, "page-layout-name", "pm1");
	h = el(mp, n.style, "header");
	p = el(h, n.text, "p");
	at(p, n.text, "style-name", "Header");
	text_into(p, &n, d->title);
	h = el(mp, n.style, "footer");
	p = el(h, n.text, "p");
	at(p, n.text, "style-name", "Footer");
	if (model_pageof(d->pageof, &pre, &mid, &post)) {
		xmlNodePtr f;

		text_into(p, &n, pre);
		f = xmlNewTextChild(p, n.text, BAD_CAST "page-number",
		    BAD_CAST "1");
		at(f, n.text, "select-page", "current");
		text_into(p, &n, mid);
		xmlNewTextChild(p, n.text, BAD_CAST "page-count", BAD_CAST "1");
		text_into(p, &n, post);
	} else {
		xmlNodePtr f = xmlNewTextChild(p, n.text,
		    BAD_CAST "page-number", BAD_CAST "1");

		at(f, n.text, "select-page", "current");
	}
	free(pre);
	free(mid);
	free(post);
	return doc;
}

/* ---- content.xml -------------------------------------------------------- */

static void blocks(struct odfw *, xmlNodePtr, const struct oblocks *);

/* The text style of a run's flags and language: a named one, or an
 * automatic one made once. */
static const char *
text_style(struct odfw *o, const struct orun *r, char *buf, size_t sz)
{
	unsigned f = r->flags & (OR_BOLD | OR_ITALIC | OR_CODE | OR_SUP |
	    OR_SUB);
	xmlNodePtr s, tp;

	if (r->lang == NULL) {
		if (f == 0)
			return NULL;
		if (f == OR_BOLD)
			return "Strong_20_Emphasis";
		if (f == OR_ITALIC)
			return "Emphasis";
		if (f == OR_CODE)
			return "Source_20_Text";
	}
	snprintf(buf, sz, "T%u_%s", f, r->lang ? r->lang : "");
	if (strset_add(&o->tstyles, buf)) {
		s = el(o->autos, o->n.style, "style");
		at(s, o->n.style, "name", buf);
		at(s, o->n.style, "family", "text");
		tp = el(s, o->n.style, "text-properties");
		if (f & OR_BOLD)
			at(tp, o->n.fo, "font-weight", "bold");
		if (f & OR_ITALIC)
			at(tp, o->n.fo, "font-style", "italic");
		if (f & OR_CODE)
			at(tp, o->n.style, "font-name", "Liberation Mono");
		if (f & OR_SUP)
			at(tp, o->n.style, "text-position", "super 58%");
		if (f & OR_SUB)
			at(tp, o->n.style, "text-position", "sub 58%");
		if (r->lang != NULL)
			lang_props(tp, &o->n, r->lang);
	}
	return buf;
}

static void
image(struct odfw *o, xmlNodePtr p, const struct oimage *im, size_t i)
{
	xmlNodePtr fr, img;
	char name[32], *href;

	snprintf(name, sizeof(name), "Image%zu", i + 1);
	fr = el(p, o->n.draw, "frame");
	at(fr, o->n.draw, "style-name", "fr1");
	at(fr, o->n.draw, "name", name);
	at(fr, o->n.text, "anchor-type", "as-char");
	atf(fr, o->n.svg, "width", im->wcm, "cm");
	atf(fr, o->n.svg, "height", im->hcm, "cm");
	at(fr, o->n.draw, "z-index", "0");
	img = el(fr, o->n.draw, "image");
	href = xasprintf("Pictures/%s", im->part);
	at(img, o->n.xlink, "href", href);
	at(img, o->n.xlink, "type", "simple");
	at(img, o->n.xlink, "show", "embed");
	at(img, o->n.xlink, "actuate", "onLoad");
	free(href);
	if (im->alt != NULL && *im->alt != '\0')
		xmlNewTextChild(fr, o->n.svg, BAD_CAST "title",
		    BAD_CAST im->alt);
}

static void
runs(struct odfw *o, xmlNodePtr p, const struct oblock *b)
{
	size_t i;
	char sbuf[64];

	for (i = 0; i < b->nrun; i++) {
		const struct orun *r = &b->run[i];
		xmlNodePtr into = p, e;
		const char *ts;

		if (r->href != NULL && (r->kind == ORUN_TEXT ||
		    r->kind == ORUN_IMAGE)) {
			into = el(p, o->n.text, "a");
			at(into, o->n.xlink, "type", "simple");
			at(into, o->n.xlink, "href", r->href);
			at(into, o->n.text, "style-name", "Internet_20_link");
		}
		switch (r->kind) {
		case ORUN_TEXT:
			ts = text_style(o, r, sbuf, sizeof(sbuf));
			if (ts != NULL) {
				e = el(into, o->n.text, "span");
				at(e, o->n.text, "style-name", ts);
				text_into(e, &o->n, r->text);
			} else
				text_into(into, &o->n, r->text);
			break;
		case ORUN_BREAK:
			el(into, o->n.text, "line-break");
			break;
		case ORUN_FIELD:
			e = xmlNewTextChild(into, o->n.text,
			    BAD_CAST "placeholder", NULL);
			at(e, o->n.text, "placeholder-type", "text");
			at(e, o->n.text, "description", r->text);
			{
				char *t = xasprintf("<%s>", r->text);

				xmlNodeAddContent(e, BAD_CAST t);
				free(t);
			}
			break;
		case ORUN_BOX:
			e = xmlNewTextChild(into, o->n.text, BAD_CAST "span",
			    BAD_CAST "\xe2\x98\x90");
			at(e, o->n.text, "style-name", "Check_20_box");
			break;
		case ORUN_IMAGE:
			image(o, into, &o->d->images[r->image], r->image);
			break;
		default:
			break;
		}
	}
}

/* The paragraph style of b: its named style, or an automatic one that
 * starts a new page. */
static const char *
para_style(struct odfw *o, const struct oblock *b, char *buf, size_t sz)
{
	xmlNodePtr s, pp;

	if (!b->pagebreak)
		return pstyle[b->style].name;
	snprintf(buf, sz, "PB_%s", pstyle[b->style].name);
	if (strset_add(&o->pstyles, buf)) {
		s = el(o->autos, o->n.style, "style");
		at(s, o->n.style, "name", buf);
		at(s, o->n.style, "family", "paragraph");
		at(s, o->n.style, "parent-style-name", pstyle[b->style].name);
		at(s, o->n.style, "master-page-name", "Standard");
		pp = el(s, o->n.style, "paragraph-properties");
		at(pp, o->n.fo, "break-before", "page");
	}
	return buf;
}

static void
paragraph(struct odfw *o, xmlNodePtr parent, const struct oblock *b)
{
	xmlNodePtr p;
	char sbuf[64], lvl[16];
	int level = 0;

	if (b->style >= OS_H1 && b->style <= OS_H6)
		level = (int)(b->style - OS_H1) + 1;
	if (b->style == OS_ARTICLE) {
		xmlNodePtr l = el(parent, o->n.text, "list");
		char id[32];

		/* one list per MoU, continued from article to article */
		if (b->number <= 1 || o->inarticles == 0)
			o->inarticles++;
		snprintf(id, sizeof(id), "articles%d", o->inarticles);
		at(l, o->n.text, "style-name", "Articles");
		if (b->number <= 1 || !strset_has(&o->pstyles, id)) {
			xmlNewNsProp(l, xmlSearchNsByHref(l->doc, l,
			    BAD_CAST "http://www.w3.org/XML/1998/namespace"),
			    BAD_CAST "id", BAD_CAST id);
			strset_add(&o->pstyles, id);
			parent = el(l, o->n.text, "list-item");
			if (b->number > 1) {
				snprintf(lvl, sizeof(lvl), "%d", b->number);
				at(parent, o->n.text, "start-value", lvl);
			}
		} else {
			at(l, o->n.text, "continue-list", id);
			parent = el(l, o->n.text, "list-item");
		}
		level = 3;
	}
	p = el(parent, o->n.text, level > 0 ? "h" : "p");
	at(p, o->n.text, "style-name", para_style(o, b, sbuf, sizeof(sbuf)));
	if (level > 0) {
		snprintf(lvl, sizeof(lvl), "%d", level);
		at(p, o->n.text, "outline-level", lvl);
	}
	if (b->bookmark != NULL)
		at(el(p, o->n.text, "bookmark"), o->n.text, "name",
		    b->bookmark);
	runs(o, p, b);
}

static void
cell_style(struct odfw *o, const char *name, int header, int form)
{
	xmlNodePtr s, cp;

	if (!strset_add(&o->pstyles, name))
		return;
	s = el(o->autos, o->n.style, "style");
	at(s, o->n.style, "name", name);
	at(s, o->n.style, "family", "table-cell");
	cp = el(s, o->n.style, "table-cell-properties");
	at(cp, o->n.fo, "padding", form ? "0.05cm" : "0.1cm");
	if (!form)
		at(cp, o->n.fo, "border", "0.5pt solid #808080");
	if (header)
		at(cp, o->n.fo, "background-color", "#e6e6e6");
	at(cp, o->n.style, "vertical-align", form == 1 ? "bottom" : "top");
}

static void
table(struct odfw *o, xmlNodePtr parent, const struct oblock *b)
{
	const struct otable *t = b->table;
	xmlNodePtr tab, s, tp, rows = NULL, row, cell;
	char name[32], cs[64], num[16];
	size_t r, c;
	double w = model_textwidth(o->d);
	int form = t->kind == OT_FORM;

	o->ntables++;
	snprintf(name, sizeof(name), "Table%d", o->ntables);
	s = el(o->autos, o->n.style, "style");
	at(s, o->n.style, "name", name);
	at(s, o->n.style, "family", "table");
	tp = el(s, o->n.style, "table-properties");
	atf(tp, o->n.style, "width", w, "cm");
	at(tp, o->n.table, "align", "margins");
	at(tp, o->n.fo, "margin-top", "0.1cm");
	at(tp, o->n.fo, "margin-bottom", "0.25cm");
	if (t->keep)
		at(tp, o->n.style, "may-break-between-rows", "false");
	if (b->pagebreak)
		at(tp, o->n.fo, "break-before", "page");
	for (c = 0; c < t->ncols; c++) {
		snprintf(cs, sizeof(cs), "%s.C%zu", name, c + 1);
		s = el(o->autos, o->n.style, "style");
		at(s, o->n.style, "name", cs);
		at(s, o->n.style, "family", "table-column");
		atf(el(s, o->n.style, "table-column-properties"), o->n.style,
		    "column-width", w * t->width[c], "cm");
	}
	cell_style(o, "CellHead", 1, 0);
	cell_style(o, "Cell", 0, 0);
	cell_style(o, "CellForm", 0, 1);
	cell_style(o, "CellFormTop", 0, 2);
	tab = el(parent, o->n.table, "table");
	at(tab, o->n.table, "name", name);
	at(tab, o->n.table, "style-name", name);
	for (c = 0; c < t->ncols; c++) {
		snprintf(cs, sizeof(cs), "%s.C%zu", name, c + 1);
		at(el(tab, o->n.table, "table-column"), o->n.table,
		    "style-name", cs);
	}
	for (r = 0; r < t->nrows; r++) {
		xmlNodePtr into = tab;

		if (t->headrows > 0 && r < t->headrows) {
			if (rows == NULL)
				rows = el(tab, o->n.table, "table-header-rows");
			into = rows;
		}
		row = el(into, o->n.table, "table-row");
		for (c = 0; c < t->ncols; c++) {
			const struct ocell *ce = &t->cell[r * t->ncols + c];

			if (ce->covered) {
				el(row, o->n.table, "covered-table-cell");
				continue;
			}
			cell = el(row, o->n.table, "table-cell");
			at(cell, o->n.table, "style-name", form ? (ce->top ?
			    "CellFormTop" : "CellForm") : ce->header ?
			    "CellHead" : "Cell");
			at(cell, o->n.office, "value-type", "string");
			if (ce->colspan > 1) {
				snprintf(num, sizeof(num), "%d", ce->colspan);
				at(cell, o->n.table, "number-columns-spanned",
				    num);
			}
			if (ce->rowspan > 1) {
				snprintf(num, sizeof(num), "%d", ce->rowspan);
				at(cell, o->n.table, "number-rows-spanned", num);
			}
			blocks(o, cell, &ce->body);
			if (cell->children == NULL)
				at(el(cell, o->n.text, "p"), o->n.text,
				    "style-name", pstyle[OS_CELL].name);
		}
	}
}

static void
list(struct odfw *o, xmlNodePtr parent, const struct oblock *b, int depth)
{
	const struct olist *ls = b->list;
	xmlNodePtr l, it;
	char num[16];
	size_t i, j;

	l = el(parent, o->n.text, "list");
	if (depth == 0)
		at(l, o->n.text, "style-name", ls->ordered ? "List_20_Number" :
		    "List_20_Bullet");
	for (i = 0; i < ls->nitem; i++) {
		it = el(l, o->n.text, "list-item");
		if (i == 0 && ls->ordered && ls->start != 1) {
			snprintf(num, sizeof(num), "%d", ls->start);
			at(it, o->n.text, "start-value", num);
		}
		for (j = 0; j < ls->item[i].body.n; j++) {
			const struct oblock *k = &ls->item[i].body.v[j];

			if (k->kind == OB_LIST)
				list(o, it, k, depth + 1);
			else if (k->kind == OB_TABLE)
				table(o, it, k);
			else
				paragraph(o, it, k);
		}
	}
}

static void
blocks(struct odfw *o, xmlNodePtr parent, const struct oblocks *bs)
{
	size_t i;

	for (i = 0; i < bs->n; i++) {
		const struct oblock *b = &bs->v[i];

		switch (b->kind) {
		case OB_PARA:
			paragraph(o, parent, b);
			break;
		case OB_TABLE:
			table(o, parent, b);
			break;
		case OB_LIST:
			list(o, parent, b, 0);
			break;
		}
	}
}

static xmlDocPtr
content_xml(const struct odoc *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	struct odfw o;
	xmlNodePtr r, text, s, gp;

	memset(&o, 0, sizeof(o));
	o.d = d;
	r = root(doc, "document-content", &o.n);
	o.autos = el(r, o.n.office, "automatic-styles");
	s = el(o.autos, o.n.style, "style");
	at(s, o.n.style, "name", "fr1");
	at(s, o.n.style, "family", "graphic");
	at(s, o.n.style, "parent-style-name", "Graphics");
	gp = el(s, o.n.style, "graphic-properties");
	at(gp, o.n.style, "vertical-pos", "top");
	at(gp, o.n.style, "vertical-rel", "baseline");
	text = el(el(r, o.n.office, "body"), o.n.office, "text");
	blocks(&o, text, &d->body);
	strset_free(&o.tstyles);
	strset_free(&o.pstyles);
	return doc;
}

/* ---- meta.xml, the manifest --------------------------------------------- */

static xmlDocPtr
meta_xml(const struct odoc *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	struct ns n;
	xmlNodePtr r = root(doc, "document-meta", &n), m;
	time_t t = (time_t)d->epoch;
	struct tm tm;
	char iso[32];

	gmtime_r(&t, &tm);
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S", &tm);
	m = el(r, n.office, "meta");
	xmlNewTextChild(m, n.meta, BAD_CAST "generator",
	    BAD_CAST "pactkit/" PK_VERSION);
	xmlNewTextChild(m, n.dc, BAD_CAST "title", BAD_CAST d->title);
	if (d->subtitle != NULL && *d->subtitle != '\0')
		xmlNewTextChild(m, n.dc, BAD_CAST "subject",
		    BAD_CAST d->subtitle);
	if (d->author != NULL && *d->author != '\0')
		xmlNewTextChild(m, n.meta, BAD_CAST "initial-creator",
		    BAD_CAST d->author);
	xmlNewTextChild(m, n.meta, BAD_CAST "creation-date", BAD_CAST iso);
	xmlNewTextChild(m, n.dc, BAD_CAST "date", BAD_CAST iso);
	xmlNewTextChild(m, n.dc, BAD_CAST "language", BAD_CAST d->langtag);
	return doc;
}

static void
entry(xmlNodePtr r, xmlNsPtr ns, const char *path, const char *type)
{
	xmlNodePtr e = xmlNewChild(r, ns, BAD_CAST "file-entry", NULL);

	xmlNewNsProp(e, ns, BAD_CAST "full-path", BAD_CAST path);
	xmlNewNsProp(e, ns, BAD_CAST "media-type", BAD_CAST type);
	if (strcmp(path, "/") == 0)
		xmlNewNsProp(e, ns, BAD_CAST "version", BAD_CAST "1.3");
}

int
odf_write(struct out *dst, const struct odoc *d, const char *path)
{
	static const char mime[] = "application/vnd.oasis.opendocument.text";
	struct package *z = package_new(dst, path, d->epoch);
	xmlDocPtr content = content_xml(d), styles = styles_xml(d);
	xmlDocPtr meta = meta_xml(d), man = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr r = xmlNewDocNode(man, NULL, BAD_CAST "manifest", NULL);
	xmlNsPtr ns = xmlNewNs(r, BAD_CAST NS_MANIFEST, BAD_CAST "manifest");
	size_t i;
	int ok;

	xmlDocSetRootElement(man, r);
	xmlSetNs(r, ns);
	xmlNewNsProp(r, ns, BAD_CAST "version", BAD_CAST "1.3");
	entry(r, ns, "/", mime);
	entry(r, ns, "content.xml", "text/xml");
	entry(r, ns, "styles.xml", "text/xml");
	entry(r, ns, "meta.xml", "text/xml");
	for (i = 0; i < d->nimages; i++) {
		char *p = xasprintf("Pictures/%s", d->images[i].part);

		entry(r, ns, p, d->images[i].mime);
		free(p);
	}
	ok = package_add(z, "mimetype", mime, sizeof(mime) - 1, 1) &&
	    package_xml(z, "content.xml", content) &&
	    package_xml(z, "styles.xml", styles) &&
	    package_xml(z, "meta.xml", meta);
	for (i = 0; ok && i < d->nimages; i++) {
		char *p = xasprintf("Pictures/%s", d->images[i].part);

		ok = package_add(z, p, d->images[i].data, d->images[i].len,
		    !d->images[i].svg);
		free(p);
	}
	ok = ok && package_xml(z, "META-INF/manifest.xml", man);
	ok = package_write(z, path) && ok;
	xmlFreeDoc(content);
	xmlFreeDoc(styles);
	xmlFreeDoc(meta);
	xmlFreeDoc(man);
	return ok;
}

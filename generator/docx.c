/*
 * docx.c: the DOCX writer.  In: a document model (office.h); out: an
 * Office Open XML (WordprocessingML) package: named styles (Title,
 * Heading 1-6, List Paragraph, Caption, table styles ...), numbering,
 * content controls for fill-in places and boxes, pictures, header and
 * footer; every XML part built as libxml2 nodes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "office.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_W14 "http://schemas.microsoft.com/office/word/2010/wordml"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define NS_ASVG "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT "http://schemas.openxmlformats.org/package/2006/content-types"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

#define TWIPS(cm) ((long)((cm) * 1440 / 2.54 + 0.5))
#define EMU(cm) ((long)((cm) * 360000 + 0.5))

/* Each paragraph style: its id and name (Word's built-in names where
 * there is one, so that Word maps them to its own). */
static const struct {
	const char *id, *name;
} pstyle[OS__MAX] = {
	[OS_BODY] = { "BodyText", "Body Text" },
	[OS_TITLE] = { "Title", "Title" },
	[OS_SUBTITLE] = { "Subtitle", "Subtitle" },
	[OS_H1] = { "Heading1", "heading 1" },
	[OS_H2] = { "Heading2", "heading 2" },
	[OS_H3] = { "Heading3", "heading 3" },
	[OS_H4] = { "Heading4", "heading 4" },
	[OS_H5] = { "Heading5", "heading 5" },
	[OS_H6] = { "Heading6", "heading 6" },
	[OS_ARTICLE] = { "Article", "Article" },
	[OS_LIST] = { "ListParagraph", "List Paragraph" },
	[OS_CAPTION] = { "Caption", "caption" },
	[OS_NOTE] = { "Note", "Note" },
	[OS_META] = { "Source", "Source" },
	[OS_QUOTE] = { "Quote", "Quote" },
	[OS_CODE] = { "HTMLPreformatted", "HTML Preformatted" },
	[OS_TERM] = { "Term", "Term" },
	[OS_DEF] = { "Definition", "Definition" },
	[OS_LABEL] = { "FieldLabel", "Field label" },
	[OS_FILL] = { "WritingLine", "Writing line" },
	[OS_SIGN] = { "SignatureLine", "Signature line" },
	[OS_LEGEND] = { "FieldGroup", "Field group" },
	[OS_FORMTITLE] = { "FormTitle", "Form title" },
	[OS_CELL] = { "TableContents", "Table Contents" },
	[OS_CELLHEAD] = { "TableHeading", "Table Heading" },
	[OS_CELLNUM] = { "TableNumber", "Table Number" },
	[OS_FIGURE] = { "Figure", "Figure" },
	[OS_RULE] = { "HorizontalLine", "Horizontal Line" },
};

/* A relationship of document.xml. */
struct rel {
	const char *type;           /* after REL, or a whole URI */
	const char *target;         /* a part or a URL */
	int	 external;          /* TargetMode="External" */
};

/* What writing document.xml keeps. */
struct out {
	const struct odoc *d;       /* the document */
	xmlNsPtr w, r, wp, a, pic, w14, asvg; /* document.xml's namespaces */
	struct rel *rels;           /* rId1... */
	size_t	 nrels;
	char	**emf;              /* per image: its EMF rendering, or NULL */
	size_t	*emflen;
	int	 ids;               /* content control and drawing ids */
	int	 marks;             /* bookmark ids */
	int	*nums;              /* numId -> abstractNum (1 bullet, 2 number,
	                             * 3 articles), with starts */
	int	*starts;
	int	 nnums;
	int	 articles;          /* the numId of the MoU being written */
	int	 keep;              /* inside a table kept on one page */
	unsigned lines;             /* writing lines so far (alternate) */
};

static xmlNodePtr
w(xmlNodePtr parent, xmlNsPtr ns, const char *name)
{
	return xmlNewChild(parent, ns, BAD_CAST name, NULL);
}

static void
wa(xmlNodePtr n, xmlNsPtr ns, const char *name, const char *v)
{
	xmlNewNsProp(n, ns, BAD_CAST name, BAD_CAST v);
}

static void
wal(xmlNodePtr n, xmlNsPtr ns, const char *name, long v)
{
	char b[32];

	snprintf(b, sizeof(b), "%ld", v);
	xmlNewNsProp(n, ns, BAD_CAST name, BAD_CAST b);
}

/* <w:NAME w:val="v"/> */
static xmlNodePtr
wv(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *v)
{
	xmlNodePtr e = w(parent, ns, name);

	if (v != NULL)
		wa(e, ns, "val", v);
	return e;
}

static int
addrel(struct out *o, const char *type, const char *target, int external)
{
	o->rels = xrealloc(o->rels, (o->nrels + 1) * sizeof(*o->rels));
	o->rels[o->nrels].type = xstrdup(type);
	o->rels[o->nrels].target = xstrdup(target);
	o->rels[o->nrels].external = external;
	return (int)++o->nrels;
}

static int
addnum(struct out *o, int abstract, int start)
{
	o->nums = xrealloc(o->nums, (size_t)(o->nnums + 1) * sizeof(int));
	o->starts = xrealloc(o->starts, (size_t)(o->nnums + 1) * sizeof(int));
	o->nums[o->nnums] = abstract;
	o->starts[o->nnums] = start;
	return ++o->nnums;
}

static void
text_run(xmlNodePtr r, xmlNsPtr ns, const char *s)
{
	xmlNodePtr t = xmlNewTextChild(r, ns, BAD_CAST "t", BAD_CAST s);

	xmlNodeSetSpacePreserve(t, 1);
}

/* ---- styles.xml --------------------------------------------------------- */

static xmlNodePtr
style(xmlNodePtr st, xmlNsPtr ns, const char *type, const char *id,
    const char *name, const char *based, int q)
{
	xmlNodePtr s = w(st, ns, "style");

	wa(s, ns, "type", type);
	wa(s, ns, "styleId", id);
	wv(s, ns, "name", name);
	if (based != NULL)
		wv(s, ns, "basedOn", based);
	if (strcmp(type, "paragraph") == 0 && strncmp(id, "Heading", 7) == 0)
		wv(s, ns, "next", "BodyText");
	if (q)
		w(s, ns, "qFormat");
	return s;
}

static void
spacing(xmlNodePtr ppr, xmlNsPtr ns, long before, long after)
{
	xmlNodePtr e = w(ppr, ns, "spacing");

	wal(e, ns, "before", before);
	wal(e, ns, "after", after);
}

static void
fonts(xmlNodePtr rpr, xmlNsPtr ns, const char *f)
{
	xmlNodePtr e = w(rpr, ns, "rFonts");

	wa(e, ns, "ascii", f);
	wa(e, ns, "hAnsi", f);
	wa(e, ns, "cs", f);
	wa(e, ns, "eastAsia", f);
}

static void
border(xmlNodePtr parent, xmlNsPtr ns, const char *side, int sz,
    const char *color)
{
	xmlNodePtr e = w(parent, ns, side);

	wa(e, ns, "val", "single");
	wal(e, ns, "sz", sz);
	wa(e, ns, "space", "1");
	wa(e, ns, "color", color);
}

/* A paragraph style with its pPr and rPr (either may stay empty). */
static void
pst(xmlNodePtr st, xmlNsPtr ns, enum ostyle os, const char *based,
    xmlNodePtr *ppr, xmlNodePtr *rpr)
{
	xmlNodePtr s = style(st, ns, "paragraph", pstyle[os].id,
	    pstyle[os].name, based, 1);

	*ppr = w(s, ns, "pPr");
	*rpr = w(s, ns, "rPr");
}

static xmlDocPtr
styles_xml(const struct odoc *d)
{
	static const int hsize[] = { 36, 30, 26, 24, 22, 22 };
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr st = xmlNewDocNode(doc, NULL, BAD_CAST "styles", NULL);
	xmlNsPtr ns = xmlNewNs(st, BAD_CAST NS_W, BAD_CAST "w");
	xmlNodePtr dd, rpr, ppr, s, e, tp, b, sp;
	char id[16], name[32];
	int i;

	xmlDocSetRootElement(doc, st);
	xmlSetNs(st, ns);
	dd = w(st, ns, "docDefaults");
	rpr = w(w(dd, ns, "rPrDefault"), ns, "rPr");
	fonts(rpr, ns, "Liberation Serif");
	wv(rpr, ns, "sz", "22");
	wv(rpr, ns, "szCs", "22");
	e = wv(rpr, ns, "lang", d->langtag);
	wa(e, ns, "eastAsia", d->langtag);
	wa(e, ns, "bidi", d->langtag);
	ppr = w(w(dd, ns, "pPrDefault"), ns, "pPr");
	e = w(ppr, ns, "spacing");
	wa(e, ns, "after", "0");
	wa(e, ns, "line", "240");
	wa(e, ns, "lineRule", "auto");
	s = style(st, ns, "paragraph", "Normal", "Normal", NULL, 1);
	wa(s, ns, "default", "1");
	w(w(s, ns, "pPr"), ns, "widowControl");
	pst(st, ns, OS_BODY, "Normal", &ppr, &rpr);
	e = w(ppr, ns, "spacing");
	wa(e, ns, "after", "120");
	wa(e, ns, "line", "276");
	wa(e, ns, "lineRule", "auto");
	for (i = 0; i < 6; i++) {
		pst(st, ns, (enum ostyle)(OS_H1 + i), "Normal", &ppr, &rpr);
		w(ppr, ns, "keepNext");
		w(ppr, ns, "keepLines");
		spacing(ppr, ns, i == 0 ? 360 : 240, 120);
		snprintf(id, sizeof(id), "%d", i);
		wv(ppr, ns, "outlineLvl", id);
		fonts(rpr, ns, "Liberation Sans");
		w(rpr, ns, "b");
		if (i >= 4)
			w(rpr, ns, "i");
		snprintf(id, sizeof(id), "%d", hsize[i]);
		wv(rpr, ns, "sz", id);
		wv(rpr, ns, "szCs", id);
	}
	pst(st, ns, OS_ARTICLE, pstyle[OS_H3].id, &ppr, &rpr);
	wv(ppr, ns, "outlineLvl", "2");
	pst(st, ns, OS_TITLE, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 120);
	fonts(rpr, ns, "Liberation Sans");
	w(rpr, ns, "b");
	wv(rpr, ns, "sz", "48");
	wv(rpr, ns, "szCs", "48");
	pst(st, ns, OS_SUBTITLE, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 240);
	fonts(rpr, ns, "Liberation Sans");
	wv(rpr, ns, "sz", "28");
	wv(rpr, ns, "szCs", "28");
	pst(st, ns, OS_LIST, pstyle[OS_BODY].id, &ppr, &rpr);
	spacing(ppr, ns, 0, 60);
	pst(st, ns, OS_CAPTION, "Normal", &ppr, &rpr);
	w(ppr, ns, "keepNext");
	spacing(ppr, ns, 120, 60);
	fonts(rpr, ns, "Liberation Sans");
	w(rpr, ns, "b");
	wv(rpr, ns, "sz", "20");
	wv(rpr, ns, "szCs", "20");
	pst(st, ns, OS_NOTE, pstyle[OS_BODY].id, &ppr, &rpr);
	w(ppr, ns, "keepNext");
	b = w(ppr, ns, "pBdr");
	border(b, ns, "top", 6, "000000");
	border(b, ns, "left", 6, "000000");
	border(b, ns, "bottom", 6, "000000");
	border(b, ns, "right", 6, "000000");
	e = w(ppr, ns, "shd");
	wa(e, ns, "val", "clear");
	wa(e, ns, "color", "auto");
	wa(e, ns, "fill", "F2F2F2");
	spacing(ppr, ns, 120, 120);
	e = w(ppr, ns, "ind");
	wa(e, ns, "left", "113");
	wa(e, ns, "right", "113");
	fonts(rpr, ns, "Liberation Sans");
	w(rpr, ns, "b");
	wv(rpr, ns, "sz", "20");
	wv(rpr, ns, "szCs", "20");
	pst(st, ns, OS_META, pstyle[OS_BODY].id, &ppr, &rpr);
	wv(rpr, ns, "color", "444444");
	wv(rpr, ns, "sz", "18");
	wv(rpr, ns, "szCs", "18");
	pst(st, ns, OS_QUOTE, pstyle[OS_BODY].id, &ppr, &rpr);
	e = w(ppr, ns, "ind");
	wa(e, ns, "left", "567");
	wa(e, ns, "right", "567");
	w(rpr, ns, "i");
	pst(st, ns, OS_CODE, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 120);
	fonts(rpr, ns, "Liberation Mono");
	wv(rpr, ns, "sz", "18");
	wv(rpr, ns, "szCs", "18");
	pst(st, ns, OS_TERM, pstyle[OS_BODY].id, &ppr, &rpr);
	w(ppr, ns, "keepNext");
	spacing(ppr, ns, 0, 20);
	w(rpr, ns, "b");
	pst(st, ns, OS_DEF, pstyle[OS_BODY].id, &ppr, &rpr);
	e = w(ppr, ns, "ind");
	wa(e, ns, "left", "425");
	pst(st, ns, OS_LABEL, "Normal", &ppr, &rpr);
	w(ppr, ns, "keepNext");
	spacing(ppr, ns, 160, 0);
	fonts(rpr, ns, "Liberation Sans");
	wv(rpr, ns, "sz", "20");
	wv(rpr, ns, "szCs", "20");
	pst(st, ns, OS_FILL, "Normal", &ppr, &rpr);
	b = w(ppr, ns, "pBdr");
	border(b, ns, "bottom", 4, "808080");
	spacing(ppr, ns, 160, 0);
	pst(st, ns, OS_SIGN, pstyle[OS_FILL].id, &ppr, &rpr);
	spacing(ppr, ns, 680, 0);
	/* Word and LibreOffice draw one border round paragraphs whose
	 * borders are the same: consecutive lines alternate with a twin
	 * whose rule differs by a shade, so that each keeps its own */
	s = style(st, ns, "paragraph", "WritingLineAlt", "Writing line (2)",
	    pstyle[OS_FILL].id, 0);
	border(w(w(s, ns, "pPr"), ns, "pBdr"), ns, "bottom", 4, "7F7F7F");
	s = style(st, ns, "paragraph", "SignatureLineAlt",
	    "Signature line (2)", pstyle[OS_SIGN].id, 0);
	border(w(w(s, ns, "pPr"), ns, "pBdr"), ns, "bottom", 4, "7F7F7F");
	pst(st, ns, OS_LEGEND, pstyle[OS_BODY].id, &ppr, &rpr);
	w(ppr, ns, "keepNext");
	spacing(ppr, ns, 160, 60);
	fonts(rpr, ns, "Liberation Sans");
	w(rpr, ns, "b");
	pst(st, ns, OS_FORMTITLE, pstyle[OS_H3].id, &ppr, &rpr);
	pst(st, ns, OS_CELL, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 0);
	wv(rpr, ns, "sz", "20");
	wv(rpr, ns, "szCs", "20");
	pst(st, ns, OS_CELLHEAD, pstyle[OS_CELL].id, &ppr, &rpr);
	w(rpr, ns, "b");
	pst(st, ns, OS_CELLNUM, pstyle[OS_CELL].id, &ppr, &rpr);
	wv(ppr, ns, "jc", "right");
	pst(st, ns, OS_FIGURE, "Normal", &ppr, &rpr);
	w(ppr, ns, "keepNext");
	spacing(ppr, ns, 120, 120);
	wv(ppr, ns, "jc", "center");
	pst(st, ns, OS_RULE, "Normal", &ppr, &rpr);
	b = w(ppr, ns, "pBdr");
	border(b, ns, "bottom", 4, "808080");
	spacing(ppr, ns, 0, 240);
	s = style(st, ns, "paragraph", "Header", "header", "Normal", 0);
	ppr = w(s, ns, "pPr");
	b = w(ppr, ns, "pBdr");
	border(b, ns, "bottom", 4, "808080");
	rpr = w(s, ns, "rPr");
	fonts(rpr, ns, "Liberation Sans");
	wv(rpr, ns, "color", "444444");
	wv(rpr, ns, "sz", "18");
	s = style(st, ns, "paragraph", "Footer", "footer", "Normal", 0);
	wv(w(s, ns, "pPr"), ns, "jc", "center");
	rpr = w(s, ns, "rPr");
	fonts(rpr, ns, "Liberation Sans");
	wv(rpr, ns, "color", "444444");
	wv(rpr, ns, "sz", "18");
	/* character styles */
	s = style(st, ns, "character", "Strong", "Strong", NULL, 1);
	w(w(s, ns, "rPr"), ns, "b");
	s = style(st, ns, "character", "Emphasis", "Emphasis", NULL, 1);
	w(w(s, ns, "rPr"), ns, "i");
	s = style(st, ns, "character", "HTMLCode", "HTML Code", NULL, 0);
	fonts(w(s, ns, "rPr"), ns, "Liberation Mono");
	s = style(st, ns, "character", "Hyperlink", "Hyperlink", NULL, 0);
	rpr = w(s, ns, "rPr");
	wv(rpr, ns, "color", "1A4F8B");
	wv(rpr, ns, "u", "single");
	s = style(st, ns, "character", "PlaceholderText", "Placeholder Text",
	    NULL, 0);
	rpr = w(s, ns, "rPr");
	wv(rpr, ns, "color", "6B6B6B");
	s = style(st, ns, "character", "CheckBox", "Check box", NULL, 0);
	fonts(w(s, ns, "rPr"), ns, OFFICE_BOXFONT);
	/* tables */
	s = style(st, ns, "table", "TableNormal", "Normal Table", NULL, 0);
	wa(s, ns, "default", "1");
	tp = w(s, ns, "tblPr");
	e = wv(tp, ns, "tblInd", NULL);
	wa(e, ns, "w", "0");
	wa(e, ns, "type", "dxa");
	e = w(tp, ns, "tblCellMar");
	sp = w(e, ns, "left");
	wa(sp, ns, "w", "108");
	wa(sp, ns, "type", "dxa");
	sp = w(e, ns, "right");
	wa(sp, ns, "w", "108");
	wa(sp, ns, "type", "dxa");
	snprintf(name, sizeof(name), "Data table");
	s = style(st, ns, "table", "DataTable", name, "TableNormal", 1);
	tp = w(s, ns, "tblPr");
	b = w(tp, ns, "tblBorders");
	border(b, ns, "top", 4, "808080");
	border(b, ns, "left", 4, "808080");
	border(b, ns, "bottom", 4, "808080");
	border(b, ns, "right", 4, "808080");
	border(b, ns, "insideH", 4, "808080");
	border(b, ns, "insideV", 4, "808080");
	e = w(tp, ns, "tblCellMar");
	sp = w(e, ns, "top");
	wa(sp, ns, "w", "57");
	wa(sp, ns, "type", "dxa");
	sp = w(e, ns, "bottom");
	wa(sp, ns, "w", "57");
	wa(sp, ns, "type", "dxa");
	e = w(s, ns, "tblStylePr");
	wa(e, ns, "type", "firstRow");
	w(w(e, ns, "rPr"), ns, "b");
	sp = w(w(e, ns, "tcPr"), ns, "shd");
	wa(sp, ns, "val", "clear");
	wa(sp, ns, "color", "auto");
	wa(sp, ns, "fill", "E6E6E6");
	s = style(st, ns, "table", "FormTable", "Form table", "TableNormal",
	    1);
	w(s, ns, "tblPr");
	return doc;
}

/* ---- numbering.xml ------------------------------------------------------ */

static void
level(xmlNodePtr an, xmlNsPtr ns, int ilvl, const char *fmt,
    const char *text, int start, const char *font)
{
	xmlNodePtr l = w(an, ns, "lvl"), ppr, e;
	char b[16];

	wal(l, ns, "ilvl", ilvl);
	snprintf(b, sizeof(b), "%d", start);
	wv(l, ns, "start", b);
	wv(l, ns, "numFmt", fmt);
	wv(l, ns, "lvlText", text);
	wv(l, ns, "lvlJc", "left");
	ppr = w(l, ns, "pPr");
	e = w(ppr, ns, "ind");
	wal(e, ns, "left", 360 * (ilvl + 1));
	wal(e, ns, "hanging", 360);
	if (font != NULL)
		fonts(w(l, ns, "rPr"), ns, font);
}

static xmlDocPtr
numbering_xml(const struct out *o)
{
	static const char *const bullets[] = { "\xe2\x80\xa2",
	    "\xe2\x97\xa6", "\xe2\x96\xaa" };
	static const char *const fmts[] = { "decimal", "lowerLetter",
	    "lowerRoman" };
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr nb = xmlNewDocNode(doc, NULL, BAD_CAST "numbering", NULL);
	xmlNsPtr ns = xmlNewNs(nb, BAD_CAST NS_W, BAD_CAST "w");
	xmlNodePtr an, l, n, ov;
	char text[8];
	int i;

	xmlDocSetRootElement(doc, nb);
	xmlSetNs(nb, ns);
	an = w(nb, ns, "abstractNum");
	wa(an, ns, "abstractNumId", "1");
	wv(an, ns, "multiLevelType", "hybridMultilevel");
	for (i = 0; i < 9; i++)
		level(an, ns, i, "bullet", bullets[i % 3], 1,
		    "Liberation Serif");
	an = w(nb, ns, "abstractNum");
	wa(an, ns, "abstractNumId", "2");
	wv(an, ns, "multiLevelType", "hybridMultilevel");
	for (i = 0; i < 9; i++) {
		snprintf(text, sizeof(text), "%%%d.", i + 1);
		level(an, ns, i, fmts[i % 3], text, 1, NULL);
	}
	/* the MoU's articles: "1. Parties" before the heading's text */
	an = w(nb, ns, "abstractNum");
	wa(an, ns, "abstractNumId", "3");
	wv(an, ns, "multiLevelType", "singleLevel");
	l = w(an, ns, "lvl");
	wa(l, ns, "ilvl", "0");
	wv(l, ns, "start", "1");
	wv(l, ns, "numFmt", "decimal");
	wv(l, ns, "pStyle", pstyle[OS_ARTICLE].id);
	wv(l, ns, "suff", "space");
	wv(l, ns, "lvlText", "%1.");
	wv(l, ns, "lvlJc", "left");
	for (i = 0; i < o->nnums; i++) {
		char id[16];

		n = w(nb, ns, "num");
		wal(n, ns, "numId", i + 1);
		snprintf(id, sizeof(id), "%d", o->nums[i]);
		wv(n, ns, "abstractNumId", id);
		if (o->starts[i] > 0) {
			ov = w(n, ns, "lvlOverride");
			wa(ov, ns, "ilvl", "0");
			snprintf(id, sizeof(id), "%d", o->starts[i]);
			wv(ov, ns, "startOverride", id);
		}
	}
	return doc;
}

/* ---- document.xml ------------------------------------------------------- */

static void blocks(struct out *, xmlNodePtr, const struct oblocks *, int);

static xmlNodePtr
run_props(struct out *o, xmlNodePtr r, const struct orun *ru)
{
	xmlNodePtr rpr = w(r, o->w, "rPr");
	unsigned f = ru->flags;

	if (ru->href != NULL)
		wv(rpr, o->w, "rStyle", "Hyperlink");
	else if (f == OR_BOLD)
		wv(rpr, o->w, "rStyle", "Strong");
	else if (f == OR_ITALIC)
		wv(rpr, o->w, "rStyle", "Emphasis");
	else if (f & OR_CODE)
		wv(rpr, o->w, "rStyle", "HTMLCode");
	if (ru->href != NULL || (f != OR_BOLD && f != OR_ITALIC)) {
		if (f & OR_BOLD)
			w(rpr, o->w, "b");
		if (f & OR_ITALIC)
			w(rpr, o->w, "i");
	}
	if (f & OR_SUP)
		wv(rpr, o->w, "vertAlign", "superscript");
	else if (f & OR_SUB)
		wv(rpr, o->w, "vertAlign", "subscript");
	if (ru->lang != NULL)
		wv(rpr, o->w, "lang", ru->lang);
	if (rpr->children == NULL) {
		xmlUnlinkNode(rpr);
		xmlFreeNode(rpr);
		return NULL;
	}
	return rpr;
}

static void
image(struct out *o, xmlNodePtr parent, size_t i)
{
	const struct oimage *im = &o->d->images[i];
	xmlNodePtr r, in, e, g, pic, nv, bf, blip, sp, xf;
	char *target, rid[16], srid[16], name[32];
	long cx = EMU(im->wcm), cy = EMU(im->hcm);
	int id = ++o->ids;

	if (im->svg && o->emf[i] == NULL) {
		/* no rendering: its text stands for it (warned) */
		r = w(parent, o->w, "r");
		text_run(r, o->w, im->alt);
		return;
	}
	if (im->svg) {
		target = xasprintf("media/image%zu.emf", i + 1);
		snprintf(rid, sizeof(rid), "rId%d", addrel(o, "image",
		    target, 0));
		free(target);
		target = xasprintf("media/%s", im->part);
		snprintf(srid, sizeof(srid), "rId%d", addrel(o, "image",
		    target, 0));
	} else {
		target = xasprintf("media/%s", im->part);
		snprintf(rid, sizeof(rid), "rId%d", addrel(o, "image",
		    target, 0));
	}
	free(target);
	snprintf(name, sizeof(name), "Picture %d", id);
	r = w(parent, o->w, "r");
	in = w(w(r, o->w, "drawing"), o->wp, "inline");
	wa(in, NULL, "distT", "0");
	wa(in, NULL, "distB", "0");
	wa(in, NULL, "distL", "0");
	wa(in, NULL, "distR", "0");
	e = w(in, o->wp, "extent");
	wal(e, NULL, "cx", cx);
	wal(e, NULL, "cy", cy);
	e = w(in, o->wp, "effectExtent");
	wa(e, NULL, "l", "0");
	wa(e, NULL, "t", "0");
	wa(e, NULL, "r", "0");
	wa(e, NULL, "b", "0");
	e = w(in, o->wp, "docPr");
	wal(e, NULL, "id", id);
	wa(e, NULL, "name", name);
	wa(e, NULL, "descr", im->alt);
	e = w(w(in, o->wp, "cNvGraphicFramePr"), o->a, "graphicFrameLocks");
	wa(e, NULL, "noChangeAspect", "1");
	g = w(w(in, o->a, "graphic"), o->a, "graphicData");
	wa(g, NULL, "uri", "http://schemas.openxmlformats.org/drawingml/2006/"
	    "picture");
	pic = w(g, o->pic, "pic");
	nv = w(pic, o->pic, "nvPicPr");
	e = w(nv, o->pic, "cNvPr");
	wal(e, NULL, "id", id);
	wa(e, NULL, "name", name);
	wa(e, NULL, "descr", im->alt);
	w(nv, o->pic, "cNvPicPr");
	bf = w(pic, o->pic, "blipFill");
	blip = w(bf, o->a, "blip");
	wa(blip, o->r, "embed", rid);
	if (im->svg) {
		e = w(w(blip, o->a, "extLst"), o->a, "ext");
		wa(e, NULL, "uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}");
		wa(w(e, o->asvg, "svgBlip"), o->r, "embed", srid);
	}
	w(w(bf, o->a, "stretch"), o->a, "fillRect");
	sp = w(pic, o->pic, "spPr");
	xf = w(sp, o->a, "xfrm");
	e = w(xf, o->a, "off");
	wa(e, NULL, "x", "0");
	wa(e, NULL, "y", "0");
	e = w(xf, o->a, "ext");
	wal(e, NULL, "cx", cx);
	wal(e, NULL, "cy", cy);
	e = w(sp, o->a, "prstGeom");
	wa(e, NULL, "prst", "rect");
	w(e, o->a, "avLst");
}

/* A fill-in place: a plain-text content control showing its label as
 * placeholder text. */
static void
field(struct out *o, xmlNodePtr parent, const struct orun *ru)
{
	xmlNodePtr sdt = w(parent, o->w, "sdt"), pr, r, e;

	pr = w(sdt, o->w, "sdtPr");
	wv(w(pr, o->w, "rPr"), o->w, "rStyle", "PlaceholderText");
	wv(pr, o->w, "alias", ru->text);
	wv(pr, o->w, "tag", ru->name);
	wal(wv(pr, o->w, "id", NULL), o->w, "val", ++o->ids);
	w(pr, o->w, "showingPlcHdr");
	e = w(pr, o->w, "text");
	if (ru->multiline)
		wa(e, o->w, "multiLine", "1");
	r = w(w(sdt, o->w, "sdtContent"), o->w, "r");
	wv(w(r, o->w, "rPr"), o->w, "rStyle", "PlaceholderText");
	text_run(r, o->w, ru->text);
}

/* A box to tick: a check box content control (Word 2010 and later; an
 * older reader shows the ☐ it holds). */
static void
box(struct out *o, xmlNodePtr parent, const struct orun *ru)
{
	xmlNodePtr sdt = w(parent, o->w, "sdt"), pr, cb, e, r;

	pr = w(sdt, o->w, "sdtPr");
	wv(pr, o->w, "alias", ru->text);
	wv(pr, o->w, "tag", ru->name);
	wal(wv(pr, o->w, "id", NULL), o->w, "val", ++o->ids);
	cb = w(pr, o->w14, "checkbox");
	wa(w(cb, o->w14, "checked"), o->w14, "val", "0");
	e = w(cb, o->w14, "checkedState");
	wa(e, o->w14, "val", "2612");
	wa(e, o->w14, "font", "MS Gothic");
	e = w(cb, o->w14, "uncheckedState");
	wa(e, o->w14, "val", "2610");
	wa(e, o->w14, "font", "MS Gothic");
	r = w(w(sdt, o->w, "sdtContent"), o->w, "r");
	wv(w(r, o->w, "rPr"), o->w, "rStyle", "CheckBox");
	text_run(r, o->w, "\xe2\x98\x90");
}

static void
runs(struct out *o, xmlNodePtr p, const struct oblock *b)
{
	xmlNodePtr link = NULL, into, r;
	const char *href = NULL;
	size_t i;

	for (i = 0; i < b->nrun; i++) {
		const struct orun *ru = &b->run[i];

		/* consecutive runs of one link share its w:hyperlink */
		if (ru->href == NULL)
			link = NULL;
		else if (link == NULL || href == NULL ||
		    strcmp(href, ru->href) != 0) {
			link = w(p, o->w, "hyperlink");
			href = ru->href;
			if (ru->href[0] == '#')
				wa(link, o->w, "anchor", ru->href + 1);
			else {
				char rid[32];

				snprintf(rid, sizeof(rid), "rId%d", addrel(o,
				    "hyperlink", ru->href, 1));
				wa(link, o->r, "id", rid);
			}
			wa(link, o->w, "history", "1");
		}
		into = link != NULL ? link : p;
		switch (ru->kind) {
		case ORUN_TEXT:
			r = w(into, o->w, "r");
			run_props(o, r, ru);
			text_run(r, o->w, ru->text);
			break;
		case ORUN_BREAK:
			w(w(into, o->w, "r"), o->w, "br");
			break;
		case ORUN_FIELD:
			field(o, into, ru);
			break;
		case ORUN_BOX:
			box(o, into, ru);
			break;
		case ORUN_IMAGE:
			image(o, into, ru->image);
			break;
		default:
			break;
		}
	}
}

static void
paragraph(struct out *o, xmlNodePtr parent, const struct oblock *b,
    int depth, int numid, int cont)
{
	xmlNodePtr p = w(parent, o->w, "p"), ppr, e;

	ppr = w(p, o->w, "pPr");
	if (b->style == OS_FILL || b->style == OS_SIGN)
		wv(ppr, o->w, "pStyle", o->lines++ % 2 == 0 ?
		    pstyle[b->style].id : b->style == OS_FILL ?
		    "WritingLineAlt" : "SignatureLineAlt");
	else
		wv(ppr, o->w, "pStyle", pstyle[b->style].id);
	if (o->keep)
		w(ppr, o->w, "keepNext");
	if (b->pagebreak)
		w(ppr, o->w, "pageBreakBefore");
	if (b->style == OS_ARTICLE) {
		if (b->number <= 1 || o->articles == 0)
			o->articles = addnum(o, 3, b->number > 1 ?
			    b->number : 1);
		numid = o->articles;
		depth = 0;
	}
	if (numid > 0) {
		e = w(ppr, o->w, "numPr");
		wal(wv(e, o->w, "ilvl", NULL), o->w, "val", depth);
		wal(wv(e, o->w, "numId", NULL), o->w, "val", numid);
	} else if (cont) {
		e = w(ppr, o->w, "ind");
		wal(e, o->w, "left", 360 * (depth + 1));
	}
	if (b->bookmark != NULL) {
		int id = o->marks++;

		e = w(p, o->w, "bookmarkStart");
		wal(e, o->w, "id", id);
		wa(e, o->w, "name", b->bookmark);
		wal(w(p, o->w, "bookmarkEnd"), o->w, "id", id);
	}
	runs(o, p, b);
}

static void
table(struct out *o, xmlNodePtr parent, const struct oblock *b)
{
	const struct otable *t = b->table;
	xmlNodePtr tbl, pr, e, grid, tr, tc, tcpr;
	double wcm = office_textwidth(o->d);
	int form = t->kind == OT_FORM, keep = o->keep;
	size_t r, c, k;

	tbl = w(parent, o->w, "tbl");
	pr = w(tbl, o->w, "tblPr");
	wv(pr, o->w, "tblStyle", form ? "FormTable" : "DataTable");
	e = w(pr, o->w, "tblW");
	wal(e, o->w, "w", TWIPS(wcm));
	wa(e, o->w, "type", "dxa");
	e = w(pr, o->w, "tblLayout");
	wa(e, o->w, "type", "fixed");
	e = w(pr, o->w, "tblLook");
	wa(e, o->w, "val", t->headrows > 0 ? "0420" : "0400");
	wa(e, o->w, "firstRow", t->headrows > 0 ? "1" : "0");
	wa(e, o->w, "lastRow", "0");
	wa(e, o->w, "firstColumn", "0");
	wa(e, o->w, "lastColumn", "0");
	wa(e, o->w, "noHBand", "1");
	wa(e, o->w, "noVBand", "1");
	grid = w(tbl, o->w, "tblGrid");
	for (c = 0; c < t->ncols; c++)
		wal(w(grid, o->w, "gridCol"), o->w, "w",
		    TWIPS(wcm * t->width[c]));
	if (t->keep)
		o->keep = 1;
	for (r = 0; r < t->nrows; r++) {
		tr = w(tbl, o->w, "tr");
		pr = w(tr, o->w, "trPr");
		w(pr, o->w, "cantSplit");
		if (r < t->headrows)
			w(pr, o->w, "tblHeader");
		if (r + 1 == t->nrows && t->keep)
			o->keep = keep;     /* the last row may leave it */
		for (c = 0; c < t->ncols; c++) {
			const struct ocell *ce = &t->cell[r * t->ncols + c];
			const struct ocell *origin = NULL;
			double cw = 0;
			int span = 1;

			if (ce->covered) {
				/* under a row span: a continuing cell, the
				 * width of its origin's columns */
				for (k = r; k-- > 0;) {
					const struct ocell *u =
					    &t->cell[k * t->ncols + c];

					if (!u->covered) {
						if ((size_t)u->rowspan > r - k)
							origin = u;
						break;
					}
				}
				if (origin == NULL)
					continue;       /* under a column span */
			}
			span = origin ? origin->colspan : ce->colspan;
			for (k = c; k < c + (size_t)span && k < t->ncols; k++)
				cw += wcm * t->width[k];
			tc = w(tr, o->w, "tc");
			tcpr = w(tc, o->w, "tcPr");
			e = w(tcpr, o->w, "tcW");
			wal(e, o->w, "w", TWIPS(cw));
			wa(e, o->w, "type", "dxa");
			if (span > 1)
				wal(wv(tcpr, o->w, "gridSpan", NULL), o->w,
				    "val", span);
			if (origin != NULL) {
				w(tcpr, o->w, "vMerge");
				w(tc, o->w, "p");
				continue;
			}
			if (ce->rowspan > 1)
				wv(tcpr, o->w, "vMerge", "restart");
			if (ce->header && !form && r >= t->headrows) {
				e = w(tcpr, o->w, "shd");
				wa(e, o->w, "val", "clear");
				wa(e, o->w, "color", "auto");
				wa(e, o->w, "fill", "E6E6E6");
			}
			if (form)
				wv(tcpr, o->w, "vAlign", ce->top ? "top" :
				    "bottom");
			blocks(o, tc, &ce->body, 0);
			if (tc->last == tcpr)
				w(tc, o->w, "p");
		}
	}
	o->keep = keep;
	/* two tables in a row would merge: a paragraph between them */
	(void)b;
}

static void
list(struct out *o, xmlNodePtr parent, const struct oblock *b, int depth)
{
	const struct olist *ls = b->list;
	size_t i, j;
	int numid;

	if (ls->ordered)
		numid = addnum(o, 2, ls->start > 0 ? ls->start : 1);
	else
		numid = addnum(o, 1, 0);
	for (i = 0; i < ls->nitem; i++)
		for (j = 0; j < ls->item[i].body.n; j++) {
			const struct oblock *k = &ls->item[i].body.v[j];

			if (k->kind == OB_LIST)
				list(o, parent, k, depth + 1);
			else if (k->kind == OB_TABLE)
				table(o, parent, k);
			else
				paragraph(o, parent, k, depth,
				    j == 0 ? numid : 0, 1);
		}
}

static void
blocks(struct out *o, xmlNodePtr parent, const struct oblocks *bs, int top)
{
	size_t i;

	for (i = 0; i < bs->n; i++) {
		const struct oblock *b = &bs->v[i];

		switch (b->kind) {
		case OB_PARA:
			paragraph(o, parent, b, 0, 0, 0);
			break;
		case OB_TABLE:
			if (b->pagebreak) {
				xmlNodePtr p = w(parent, o->w, "p");

				w(w(p, o->w, "pPr"), o->w, "pageBreakBefore");
			}
			table(o, parent, b);
			/* Word joins adjacent tables; a paragraph keeps them
			 * apart (and every cell ends with a paragraph) */
			if (top || i + 1 == bs->n ||
			    bs->v[i + 1].kind == OB_TABLE) {
				xmlNodePtr p = w(parent, o->w, "p");

				wv(w(p, o->w, "pPr"), o->w, "pStyle",
				    "Normal");
			}
			break;
		case OB_LIST:
			list(o, parent, b, 0);
			break;
		}
	}
}

static xmlNodePtr
wroot(xmlDocPtr doc, const char *name, struct out *o)
{
	xmlNodePtr r = xmlNewDocNode(doc, NULL, BAD_CAST name, NULL);

	xmlDocSetRootElement(doc, r);
	o->w = xmlNewNs(r, BAD_CAST NS_W, BAD_CAST "w");
	o->r = xmlNewNs(r, BAD_CAST NS_R, BAD_CAST "r");
	o->wp = xmlNewNs(r, BAD_CAST NS_WP, BAD_CAST "wp");
	o->a = xmlNewNs(r, BAD_CAST NS_A, BAD_CAST "a");
	o->pic = xmlNewNs(r, BAD_CAST NS_PIC, BAD_CAST "pic");
	o->w14 = xmlNewNs(r, BAD_CAST NS_W14, BAD_CAST "w14");
	o->asvg = xmlNewNs(r, BAD_CAST NS_ASVG, BAD_CAST "asvg");
	xmlSetNs(r, o->w);
	xmlNewNsProp(r, xmlNewNs(r, BAD_CAST NS_MC, BAD_CAST "mc"),
	    BAD_CAST "Ignorable", BAD_CAST "w14");
	return r;
}

static xmlDocPtr
document_xml(struct out *o, int hdr, int ftr)
{
	const struct odoc *d = o->d;
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr body, sp, e;
	char rid[16];

	body = w(wroot(doc, "document", o), o->w, "body");
	blocks(o, body, &d->body, 1);
	sp = w(body, o->w, "sectPr");
	e = w(sp, o->w, "headerReference");
	wa(e, o->w, "type", "default");
	snprintf(rid, sizeof(rid), "rId%d", hdr);
	wa(e, o->r, "id", rid);
	e = w(sp, o->w, "footerReference");
	wa(e, o->w, "type", "default");
	snprintf(rid, sizeof(rid), "rId%d", ftr);
	wa(e, o->r, "id", rid);
	e = w(sp, o->w, "pgSz");
	wal(e, o->w, "w", TWIPS(d->pagew));
	wal(e, o->w, "h", TWIPS(d->pageh));
	e = w(sp, o->w, "pgMar");
	wal(e, o->w, "top", TWIPS(d->margin));
	wal(e, o->w, "right", TWIPS(d->margin));
	wal(e, o->w, "bottom", TWIPS(d->margin));
	wal(e, o->w, "left", TWIPS(d->margin));
	wal(e, o->w, "header", TWIPS(d->margin * 0.4));
	wal(e, o->w, "footer", TWIPS(d->margin * 0.4));
	wa(e, o->w, "gutter", "0");
	return doc;
}

static void
simple_field(xmlNodePtr p, xmlNsPtr ns, const char *instr)
{
	xmlNodePtr f = w(p, ns, "fldSimple");

	wa(f, ns, "instr", instr);
	text_run(w(f, ns, "r"), ns, "1");
}

static xmlDocPtr
header_xml(const struct odoc *d, int footer)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	struct out o;
	xmlNodePtr p;
	char *pre = NULL, *mid = NULL, *post = NULL;

	memset(&o, 0, sizeof(o));
	p = w(wroot(doc, footer ? "ftr" : "hdr", &o), o.w, "p");
	wv(w(p, o.w, "pPr"), o.w, "pStyle", footer ? "Footer" : "Header");
	if (!footer)
		text_run(w(p, o.w, "r"), o.w, d->title);
	else if (office_pageof(d->pageof, &pre, &mid, &post)) {
		if (*pre != '\0')
			text_run(w(p, o.w, "r"), o.w, pre);
		simple_field(p, o.w, " PAGE ");
		text_run(w(p, o.w, "r"), o.w, mid);
		simple_field(p, o.w, " NUMPAGES ");
		if (*post != '\0')
			text_run(w(p, o.w, "r"), o.w, post);
	} else
		simple_field(p, o.w, " PAGE ");
	free(pre);
	free(mid);
	free(post);
	return doc;
}

static xmlDocPtr
settings_xml(const struct odoc *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr s = xmlNewDocNode(doc, NULL, BAD_CAST "settings", NULL);
	xmlNsPtr ns = xmlNewNs(s, BAD_CAST NS_W, BAD_CAST "w");
	xmlNodePtr c, e;

	xmlDocSetRootElement(doc, s);
	xmlSetNs(s, ns);
	wv(s, ns, "defaultTabStop", "709");
	wv(s, ns, "characterSpacingControl", "doNotCompress");
	c = w(s, ns, "compat");
	e = w(c, ns, "compatSetting");
	wa(e, ns, "name", "compatibilityMode");
	wa(e, ns, "uri", "http://schemas.microsoft.com/office/word");
	wa(e, ns, "val", "15");
	wv(s, ns, "themeFontLang", d->langtag);
	return doc;
}

/* ---- the package -------------------------------------------------------- */

static xmlDocPtr
rels_xml(const struct rel *rels, size_t n)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr r = xmlNewDocNode(doc, NULL, BAD_CAST "Relationships",
	    NULL), e;
	char id[32];
	size_t i;

	xmlDocSetRootElement(doc, r);
	xmlSetNs(r, xmlNewNs(r, BAD_CAST NS_PKG, NULL));
	for (i = 0; i < n; i++) {
		char *type = strncmp(rels[i].type, "http", 4) == 0 ?
		    xstrdup(rels[i].type) : xasprintf(REL "%s", rels[i].type);

		e = xmlNewChild(r, r->ns, BAD_CAST "Relationship", NULL);
		snprintf(id, sizeof(id), "rId%zu", i + 1);
		xmlNewProp(e, BAD_CAST "Id", BAD_CAST id);
		xmlNewProp(e, BAD_CAST "Type", BAD_CAST type);
		xmlNewProp(e, BAD_CAST "Target", BAD_CAST rels[i].target);
		if (rels[i].external)
			xmlNewProp(e, BAD_CAST "TargetMode", BAD_CAST "External");
		free(type);
	}
	return doc;
}

static xmlDocPtr
types_xml(void)
{
	static const char *const defaults[][2] = {
		{ "rels", "application/vnd.openxmlformats-package."
		    "relationships+xml" },
		{ "xml", "application/xml" },
		{ "png", "image/png" },
		{ "jpg", "image/jpeg" },
		{ "svg", "image/svg+xml" },
		{ "emf", "image/x-emf" },
	};
	static const char *const parts[][2] = {
		{ "/word/document.xml", CT_WML "document.main+xml" },
		{ "/word/styles.xml", CT_WML "styles+xml" },
		{ "/word/numbering.xml", CT_WML "numbering+xml" },
		{ "/word/settings.xml", CT_WML "settings+xml" },
		{ "/word/header1.xml", CT_WML "header+xml" },
		{ "/word/footer1.xml", CT_WML "footer+xml" },
		{ "/docProps/core.xml", "application/vnd.openxmlformats-"
		    "package.core-properties+xml" },
		{ "/docProps/app.xml", "application/vnd.openxmlformats-"
		    "officedocument.extended-properties+xml" },
	};
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr r = xmlNewDocNode(doc, NULL, BAD_CAST "Types", NULL), e;
	size_t i;

	xmlDocSetRootElement(doc, r);
	xmlSetNs(r, xmlNewNs(r, BAD_CAST NS_CT, NULL));
	for (i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		e = xmlNewChild(r, r->ns, BAD_CAST "Default", NULL);
		xmlNewProp(e, BAD_CAST "Extension", BAD_CAST defaults[i][0]);
		xmlNewProp(e, BAD_CAST "ContentType", BAD_CAST defaults[i][1]);
	}
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		e = xmlNewChild(r, r->ns, BAD_CAST "Override", NULL);
		xmlNewProp(e, BAD_CAST "PartName", BAD_CAST parts[i][0]);
		xmlNewProp(e, BAD_CAST "ContentType", BAD_CAST parts[i][1]);
	}
	return doc;
}

static xmlDocPtr
core_xml(const struct odoc *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr r = xmlNewDocNode(doc, NULL, BAD_CAST "coreProperties",
	    NULL), e;
	xmlNsPtr cp = xmlNewNs(r, BAD_CAST "http://schemas.openxmlformats.org/"
	    "package/2006/metadata/core-properties", BAD_CAST "cp");
	xmlNsPtr dc = xmlNewNs(r, BAD_CAST "http://purl.org/dc/elements/1.1/",
	    BAD_CAST "dc");
	xmlNsPtr dct = xmlNewNs(r, BAD_CAST "http://purl.org/dc/terms/",
	    BAD_CAST "dcterms");
	xmlNsPtr xsi = xmlNewNs(r, BAD_CAST "http://www.w3.org/2001/"
	    "XMLSchema-instance", BAD_CAST "xsi");
	time_t t = (time_t)d->epoch;
	struct tm tm;
	char iso[32];

	xmlDocSetRootElement(doc, r);
	xmlSetNs(r, cp);
	gmtime_r(&t, &tm);
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%SZ", &tm);
	xmlNewTextChild(r, dc, BAD_CAST "title", BAD_CAST d->title);
	if (d->subtitle != NULL && *d->subtitle != '\0')
		xmlNewTextChild(r, dc, BAD_CAST "subject", BAD_CAST d->subtitle);
	if (d->author != NULL && *d->author != '\0')
		xmlNewTextChild(r, dc, BAD_CAST "creator", BAD_CAST d->author);
	xmlNewTextChild(r, dc, BAD_CAST "language", BAD_CAST d->langtag);
	e = xmlNewTextChild(r, dct, BAD_CAST "created", BAD_CAST iso);
	xmlNewNsProp(e, xsi, BAD_CAST "type", BAD_CAST "dcterms:W3CDTF");
	e = xmlNewTextChild(r, dct, BAD_CAST "modified", BAD_CAST iso);
	xmlNewNsProp(e, xsi, BAD_CAST "type", BAD_CAST "dcterms:W3CDTF");
	return doc;
}

static xmlDocPtr
app_xml(void)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr r = xmlNewDocNode(doc, NULL, BAD_CAST "Properties", NULL);

	xmlDocSetRootElement(doc, r);
	xmlSetNs(r, xmlNewNs(r, BAD_CAST "http://schemas.openxmlformats.org/"
	    "officeDocument/2006/extended-properties", NULL));
	xmlNewTextChild(r, r->ns, BAD_CAST "Application",
	    BAD_CAST "pactkit/" PK_VERSION);
	return doc;
}

int
docx_write(const struct odoc *d, const char *path)
{
	struct office_zip *z = office_zip_new(d->epoch);
	struct rel top[3] = {
		{ "officeDocument", "word/document.xml", 0 },
		{ "http://schemas.openxmlformats.org/package/2006/relationships/"
		    "metadata/core-properties", "docProps/core.xml", 0 },
		{ "extended-properties", "docProps/app.xml", 0 },
	};
	struct out o;
	xmlDocPtr parts[10] = { 0 };
	int hdr, ftr, ok;
	size_t i;

	memset(&o, 0, sizeof(o));
	o.d = d;
	o.emf = xcalloc(d->nimages + 1, sizeof(*o.emf));
	o.emflen = xcalloc(d->nimages + 1, sizeof(*o.emflen));
	for (i = 0; i < d->nimages; i++)
		if (d->images[i].svg) {
			o.emf[i] = docx_emf(d->images[i].data, d->images[i].len,
			    d->images[i].wcm, d->images[i].hcm, &o.emflen[i]);
			if (o.emf[i] == NULL)
				diag(DIAG_WARN, path, 0, 0, "drawing '%s' leaves "
				    "the SVG subset of docs/contract.md §1: "
				    "its text stands for it in the DOCX",
				    d->images[i].alt);
		}
	addrel(&o, "styles", "styles.xml", 0);
	addrel(&o, "numbering", "numbering.xml", 0);
	addrel(&o, "settings", "settings.xml", 0);
	hdr = addrel(&o, "header", "header1.xml", 0);
	ftr = addrel(&o, "footer", "footer1.xml", 0);
	o.nnums = 0;
	addnum(&o, 1, 0);       /* numId 1: bullets, for whoever wants one */
	parts[0] = types_xml();
	parts[1] = rels_xml(top, 3);
	parts[2] = document_xml(&o, hdr, ftr);
	parts[3] = rels_xml(o.rels, o.nrels);
	parts[4] = styles_xml(d);
	parts[5] = numbering_xml(&o);
	parts[6] = settings_xml(d);
	parts[7] = header_xml(d, 0);
	parts[8] = header_xml(d, 1);
	ok = office_zip_xml(z, "[Content_Types].xml", parts[0]) &&
	    office_zip_xml(z, "_rels/.rels", parts[1]) &&
	    office_zip_xml(z, "word/document.xml", parts[2]) &&
	    office_zip_xml(z, "word/_rels/document.xml.rels", parts[3]) &&
	    office_zip_xml(z, "word/styles.xml", parts[4]) &&
	    office_zip_xml(z, "word/numbering.xml", parts[5]) &&
	    office_zip_xml(z, "word/settings.xml", parts[6]) &&
	    office_zip_xml(z, "word/header1.xml", parts[7]) &&
	    office_zip_xml(z, "word/footer1.xml", parts[8]);
	xmlFreeDoc(parts[0]);
	parts[0] = core_xml(d);
	parts[9] = app_xml();
	ok = ok && office_zip_xml(z, "docProps/core.xml", parts[0]) &&
	    office_zip_xml(z, "docProps/app.xml", parts[9]);
	for (i = 0; ok && i < d->nimages; i++) {
		char *p;

		if (d->images[i].svg && o.emf[i] == NULL)
			continue;
		p = xasprintf("word/media/%s", d->images[i].part);
		ok = office_zip_add(z, p, d->images[i].data, d->images[i].len,
		    !d->images[i].svg);
		free(p);
		if (ok && o.emf[i] != NULL) {
			p = xasprintf("word/media/image%zu.emf", i + 1);
			ok = office_zip_add(z, p, o.emf[i], o.emflen[i], 0);
			free(p);
		}
	}
	ok = office_zip_write(z, path) && ok;
	for (i = 0; i < 10; i++)
		xmlFreeDoc(parts[i]);
	for (i = 0; i < o.nrels; i++) {
		free((char *)o.rels[i].type);
		free((char *)o.rels[i].target);
	}
	for (i = 0; i < d->nimages; i++)
		free(o.emf[i]);
	free(o.emf);
	free(o.emflen);
	free(o.rels);
	free(o.nums);
	free(o.starts);
	return ok;
}

/*
 * wml.c: WordprocessingML's building blocks, and the parts of a DOCX
 * package around its body (docx.c writes document.xml): styles.xml with
 * the named styles, numbering.xml, settings, header and footer, the
 * relationships, the content types and the document's properties.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/pactkit.h"
#include "office/internal.h"

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
	[OS_CELLCENTER] = { "TableContentsCentred", "Table Contents Centred" },
	[OS_CELLRIGHT] = { "TableContentsRight", "Table Contents Right" },
	[OS_CELLHEADCENTER] = { "TableHeadingCentred",
	    "Table Heading Centred" },
	[OS_CELLHEADRIGHT] = { "TableHeadingRight", "Table Heading Right" },
	[OS_FIGURE] = { "Figure", "Figure" },
	[OS_RULE] = { "HorizontalLine", "Horizontal Line" },
};

xmlNodePtr
wml_el(xmlNodePtr parent, xmlNsPtr ns, const char *name)
{
	return xmlNewChild(parent, ns, BAD_CAST name, NULL);
}

void
wml_attr(xmlNodePtr n, xmlNsPtr ns, const char *name, const char *v)
{
	xmlNewNsProp(n, ns, BAD_CAST name, BAD_CAST v);
}

void
wml_attrl(xmlNodePtr n, xmlNsPtr ns, const char *name, long v)
{
	char b[32];

	snprintf(b, sizeof(b), "%ld", v);
	xmlNewNsProp(n, ns, BAD_CAST name, BAD_CAST b);
}

/* <w:NAME w:val="v"/> */
xmlNodePtr
wml_val(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *v)
{
	xmlNodePtr e = wml_el(parent, ns, name);

	if (v != NULL)
		wml_attr(e, ns, "val", v);
	return e;
}

void
wml_text(xmlNodePtr r, xmlNsPtr ns, const char *s)
{
	xmlNodePtr t = xmlNewTextChild(r, ns, BAD_CAST "t", BAD_CAST s);

	xmlNodeSetSpacePreserve(t, 1);
}

/* <w:style w:styleId="..."> of a paragraph style */
const char *
wml_style_id(enum ostyle os)
{
	return pstyle[os].id;
}

xmlNodePtr
wml_root(xmlDocPtr doc, const char *name, struct wml_ns *o)
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

/* ---- styles.xml --------------------------------------------------------- */

static xmlNodePtr
style(xmlNodePtr st, xmlNsPtr ns, const char *type, const char *id,
    const char *name, const char *based, int q)
{
	xmlNodePtr s = wml_el(st, ns, "style");

	wml_attr(s, ns, "type", type);
	wml_attr(s, ns, "styleId", id);
	wml_val(s, ns, "name", name);
	if (based != NULL)
		wml_val(s, ns, "basedOn", based);
	if (strcmp(type, "paragraph") == 0 && strncmp(id, "Heading", 7) == 0)
		wml_val(s, ns, "next", "BodyText");
	if (q)
		wml_el(s, ns, "qFormat");
	return s;
}

static void
spacing(xmlNodePtr ppr, xmlNsPtr ns, long before, long after)
{
	xmlNodePtr e = wml_el(ppr, ns, "spacing");

	wml_attrl(e, ns, "before", before);
	wml_attrl(e, ns, "after", after);
}

static void
fonts(xmlNodePtr rpr, xmlNsPtr ns, const char *f)
{
	xmlNodePtr e = wml_el(rpr, ns, "rFonts");

	wml_attr(e, ns, "ascii", f);
	wml_attr(e, ns, "hAnsi", f);
	wml_attr(e, ns, "cs", f);
	wml_attr(e, ns, "eastAsia", f);
}

static void
border(xmlNodePtr parent, xmlNsPtr ns, const char *side, int sz,
    const char *color)
{
	xmlNodePtr e = wml_el(parent, ns, side);

	wml_attr(e, ns, "val", "single");
	wml_attrl(e, ns, "sz", sz);
	wml_attr(e, ns, "space", "1");
	wml_attr(e, ns, "color", color);
}

/* A paragraph style with its pPr and rPr (either may stay empty). */
static void
pst(xmlNodePtr st, xmlNsPtr ns, enum ostyle os, const char *based,
    xmlNodePtr *ppr, xmlNodePtr *rpr)
{
	xmlNodePtr s = style(st, ns, "paragraph", pstyle[os].id,
	    pstyle[os].name, based, 1);

	*ppr = wml_el(s, ns, "pPr");
	*rpr = wml_el(s, ns, "rPr");
}

/* Long (~230 lines) by reason: a declaration, one named style after
 * another as WordprocessingML spells them, with no logic to cut along. */
xmlDocPtr
wml_styles(const struct odoc *d)
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
	dd = wml_el(st, ns, "docDefaults");
	rpr = wml_el(wml_el(dd, ns, "rPrDefault"), ns, "rPr");
	fonts(rpr, ns, "Liberation Serif");
	wml_val(rpr, ns, "sz", "22");
	wml_val(rpr, ns, "szCs", "22");
	e = wml_val(rpr, ns, "lang", d->langtag);
	wml_attr(e, ns, "eastAsia", d->langtag);
	wml_attr(e, ns, "bidi", d->langtag);
	ppr = wml_el(wml_el(dd, ns, "pPrDefault"), ns, "pPr");
	e = wml_el(ppr, ns, "spacing");
	wml_attr(e, ns, "after", "0");
	wml_attr(e, ns, "line", "240");
	wml_attr(e, ns, "lineRule", "auto");
	s = style(st, ns, "paragraph", "Normal", "Normal", NULL, 1);
	wml_attr(s, ns, "default", "1");
	wml_el(wml_el(s, ns, "pPr"), ns, "widowControl");
	pst(st, ns, OS_BODY, "Normal", &ppr, &rpr);
	e = wml_el(ppr, ns, "spacing");
	wml_attr(e, ns, "after", "120");
	wml_attr(e, ns, "line", "276");
	wml_attr(e, ns, "lineRule", "auto");
	for (i = 0; i < 6; i++) {
		pst(st, ns, (enum ostyle)(OS_H1 + i), "Normal", &ppr, &rpr);
		wml_el(ppr, ns, "keepNext");
		wml_el(ppr, ns, "keepLines");
		spacing(ppr, ns, i == 0 ? 360 : 240, 120);
		snprintf(id, sizeof(id), "%d", i);
		wml_val(ppr, ns, "outlineLvl", id);
		fonts(rpr, ns, "Liberation Sans");
		wml_el(rpr, ns, "b");
		if (i >= 4)
			wml_el(rpr, ns, "i");
		snprintf(id, sizeof(id), "%d", hsize[i]);
		wml_val(rpr, ns, "sz", id);
		wml_val(rpr, ns, "szCs", id);
	}
	pst(st, ns, OS_ARTICLE, pstyle[OS_H3].id, &ppr, &rpr);
	wml_val(ppr, ns, "outlineLvl", "2");
	pst(st, ns, OS_TITLE, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 120);
	fonts(rpr, ns, "Liberation Sans");
	wml_el(rpr, ns, "b");
	wml_val(rpr, ns, "sz", "48");
	wml_val(rpr, ns, "szCs", "48");
	pst(st, ns, OS_SUBTITLE, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 240);
	fonts(rpr, ns, "Liberation Sans");
	wml_val(rpr, ns, "sz", "28");
	wml_val(rpr, ns, "szCs", "28");
	pst(st, ns, OS_LIST, pstyle[OS_BODY].id, &ppr, &rpr);
	spacing(ppr, ns, 0, 60);
	pst(st, ns, OS_CAPTION, "Normal", &ppr, &rpr);
	wml_el(ppr, ns, "keepNext");
	spacing(ppr, ns, 120, 60);
	fonts(rpr, ns, "Liberation Sans");
	wml_el(rpr, ns, "b");
	wml_val(rpr, ns, "sz", "20");
	wml_val(rpr, ns, "szCs", "20");
	pst(st, ns, OS_NOTE, pstyle[OS_BODY].id, &ppr, &rpr);
	wml_el(ppr, ns, "keepNext");
	b = wml_el(ppr, ns, "pBdr");
	border(b, ns, "top", 6, "000000");
	border(b, ns, "left", 6, "000000");
	border(b, ns, "bottom", 6, "000000");
	border(b, ns, "right", 6, "000000");
	e = wml_el(ppr, ns, "shd");
	wml_attr(e, ns, "val", "clear");
	wml_attr(e, ns, "color", "auto");
	wml_attr(e, ns, "fill", "F2F2F2");
	spacing(ppr, ns, 120, 120);
	e = wml_el(ppr, ns, "ind");
	wml_attr(e, ns, "left", "113");
	wml_attr(e, ns, "right", "113");
	fonts(rpr, ns, "Liberation Sans");
	wml_el(rpr, ns, "b");
	wml_val(rpr, ns, "sz", "20");
	wml_val(rpr, ns, "szCs", "20");
	pst(st, ns, OS_META, pstyle[OS_BODY].id, &ppr, &rpr);
	wml_val(rpr, ns, "color", "444444");
	wml_val(rpr, ns, "sz", "18");
	wml_val(rpr, ns, "szCs", "18");
	pst(st, ns, OS_QUOTE, pstyle[OS_BODY].id, &ppr, &rpr);
	e = wml_el(ppr, ns, "ind");
	wml_attr(e, ns, "left", "567");
	wml_attr(e, ns, "right", "567");
	wml_el(rpr, ns, "i");
	pst(st, ns, OS_CODE, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 120);
	fonts(rpr, ns, "Liberation Mono");
	wml_val(rpr, ns, "sz", "18");
	wml_val(rpr, ns, "szCs", "18");
	pst(st, ns, OS_TERM, pstyle[OS_BODY].id, &ppr, &rpr);
	wml_el(ppr, ns, "keepNext");
	spacing(ppr, ns, 0, 20);
	wml_el(rpr, ns, "b");
	pst(st, ns, OS_DEF, pstyle[OS_BODY].id, &ppr, &rpr);
	e = wml_el(ppr, ns, "ind");
	wml_attr(e, ns, "left", "425");
	pst(st, ns, OS_LABEL, "Normal", &ppr, &rpr);
	wml_el(ppr, ns, "keepNext");
	spacing(ppr, ns, 160, 0);
	fonts(rpr, ns, "Liberation Sans");
	wml_val(rpr, ns, "sz", "20");
	wml_val(rpr, ns, "szCs", "20");
	pst(st, ns, OS_FILL, "Normal", &ppr, &rpr);
	b = wml_el(ppr, ns, "pBdr");
	border(b, ns, "bottom", 4, "808080");
	spacing(ppr, ns, 160, 0);
	pst(st, ns, OS_SIGN, pstyle[OS_FILL].id, &ppr, &rpr);
	spacing(ppr, ns, 680, 0);
	/* Word and LibreOffice draw one border round paragraphs whose
	 * borders are the same: consecutive lines alternate with a twin
	 * whose rule differs by a shade, so that each keeps its own */
	s = style(st, ns, "paragraph", "WritingLineAlt", "Writing line (2)",
	    pstyle[OS_FILL].id, 0);
	border(wml_el(wml_el(s, ns, "pPr"), ns, "pBdr"), ns, "bottom", 4,
	    "7F7F7F");
	s = style(st, ns, "paragraph", "SignatureLineAlt",
	    "Signature line (2)", pstyle[OS_SIGN].id, 0);
	border(wml_el(wml_el(s, ns, "pPr"), ns, "pBdr"), ns, "bottom", 4,
	    "7F7F7F");
	pst(st, ns, OS_LEGEND, pstyle[OS_BODY].id, &ppr, &rpr);
	wml_el(ppr, ns, "keepNext");
	spacing(ppr, ns, 160, 60);
	fonts(rpr, ns, "Liberation Sans");
	wml_el(rpr, ns, "b");
	pst(st, ns, OS_FORMTITLE, pstyle[OS_H3].id, &ppr, &rpr);
	pst(st, ns, OS_CELL, "Normal", &ppr, &rpr);
	spacing(ppr, ns, 0, 0);
	wml_val(rpr, ns, "sz", "20");
	wml_val(rpr, ns, "szCs", "20");
	pst(st, ns, OS_CELLHEAD, pstyle[OS_CELL].id, &ppr, &rpr);
	wml_el(rpr, ns, "b");
	pst(st, ns, OS_CELLNUM, pstyle[OS_CELL].id, &ppr, &rpr);
	wml_val(ppr, ns, "jc", "right");
	/* the columns of a Markdown table, aligned as its delimiter row says */
	pst(st, ns, OS_CELLCENTER, pstyle[OS_CELL].id, &ppr, &rpr);
	wml_val(ppr, ns, "jc", "center");
	pst(st, ns, OS_CELLRIGHT, pstyle[OS_CELL].id, &ppr, &rpr);
	wml_val(ppr, ns, "jc", "right");
	pst(st, ns, OS_CELLHEADCENTER, pstyle[OS_CELLHEAD].id, &ppr, &rpr);
	wml_val(ppr, ns, "jc", "center");
	pst(st, ns, OS_CELLHEADRIGHT, pstyle[OS_CELLHEAD].id, &ppr, &rpr);
	wml_val(ppr, ns, "jc", "right");
	pst(st, ns, OS_FIGURE, "Normal", &ppr, &rpr);
	wml_el(ppr, ns, "keepNext");
	spacing(ppr, ns, 120, 120);
	wml_val(ppr, ns, "jc", "center");
	pst(st, ns, OS_RULE, "Normal", &ppr, &rpr);
	b = wml_el(ppr, ns, "pBdr");
	border(b, ns, "bottom", 4, "808080");
	spacing(ppr, ns, 0, 240);
	s = style(st, ns, "paragraph", "Header", "header", "Normal", 0);
	ppr = wml_el(s, ns, "pPr");
	b = wml_el(ppr, ns, "pBdr");
	border(b, ns, "bottom", 4, "808080");
	rpr = wml_el(s, ns, "rPr");
	fonts(rpr, ns, "Liberation Sans");
	wml_val(rpr, ns, "color", "444444");
	wml_val(rpr, ns, "sz", "18");
	s = style(st, ns, "paragraph", "Footer", "footer", "Normal", 0);
	wml_val(wml_el(s, ns, "pPr"), ns, "jc", "center");
	rpr = wml_el(s, ns, "rPr");
	fonts(rpr, ns, "Liberation Sans");
	wml_val(rpr, ns, "color", "444444");
	wml_val(rpr, ns, "sz", "18");
	/* character styles */
	s = style(st, ns, "character", "Strong", "Strong", NULL, 1);
	wml_el(wml_el(s, ns, "rPr"), ns, "b");
	s = style(st, ns, "character", "Emphasis", "Emphasis", NULL, 1);
	wml_el(wml_el(s, ns, "rPr"), ns, "i");
	s = style(st, ns, "character", "HTMLCode", "HTML Code", NULL, 0);
	fonts(wml_el(s, ns, "rPr"), ns, "Liberation Mono");
	s = style(st, ns, "character", "Hyperlink", "Hyperlink", NULL, 0);
	rpr = wml_el(s, ns, "rPr");
	wml_val(rpr, ns, "color", "1A4F8B");
	wml_val(rpr, ns, "u", "single");
	s = style(st, ns, "character", "PlaceholderText", "Placeholder Text",
	    NULL, 0);
	rpr = wml_el(s, ns, "rPr");
	wml_val(rpr, ns, "color", "6B6B6B");
	s = style(st, ns, "character", "CheckBox", "Check box", NULL, 0);
	fonts(wml_el(s, ns, "rPr"), ns, OFFICE_BOXFONT);
	/* tables */
	s = style(st, ns, "table", "TableNormal", "Normal Table", NULL, 0);
	wml_attr(s, ns, "default", "1");
	tp = wml_el(s, ns, "tblPr");
	e = wml_val(tp, ns, "tblInd", NULL);
	wml_attr(e, ns, "w", "0");
	wml_attr(e, ns, "type", "dxa");
	e = wml_el(tp, ns, "tblCellMar");
	sp = wml_el(e, ns, "left");
	wml_attr(sp, ns, "w", "108");
	wml_attr(sp, ns, "type", "dxa");
	sp = wml_el(e, ns, "right");
	wml_attr(sp, ns, "w", "108");
	wml_attr(sp, ns, "type", "dxa");
	snprintf(name, sizeof(name), "Data table");
	s = style(st, ns, "table", "DataTable", name, "TableNormal", 1);
	tp = wml_el(s, ns, "tblPr");
	b = wml_el(tp, ns, "tblBorders");
	border(b, ns, "top", 4, "808080");
	border(b, ns, "left", 4, "808080");
	border(b, ns, "bottom", 4, "808080");
	border(b, ns, "right", 4, "808080");
	border(b, ns, "insideH", 4, "808080");
	border(b, ns, "insideV", 4, "808080");
	e = wml_el(tp, ns, "tblCellMar");
	sp = wml_el(e, ns, "top");
	wml_attr(sp, ns, "w", "57");
	wml_attr(sp, ns, "type", "dxa");
	sp = wml_el(e, ns, "bottom");
	wml_attr(sp, ns, "w", "57");
	wml_attr(sp, ns, "type", "dxa");
	e = wml_el(s, ns, "tblStylePr");
	wml_attr(e, ns, "type", "firstRow");
	wml_el(wml_el(e, ns, "rPr"), ns, "b");
	sp = wml_el(wml_el(e, ns, "tcPr"), ns, "shd");
	wml_attr(sp, ns, "val", "clear");
	wml_attr(sp, ns, "color", "auto");
	wml_attr(sp, ns, "fill", "E6E6E6");
	s = style(st, ns, "table", "FormTable", "Form table", "TableNormal",
	    1);
	wml_el(s, ns, "tblPr");
	return doc;
}

/* ---- numbering.xml ------------------------------------------------------ */

static void
level(xmlNodePtr an, xmlNsPtr ns, int ilvl, const char *fmt,
    const char *text, int start, const char *font)
{
	xmlNodePtr l = wml_el(an, ns, "lvl"), ppr, e;
	char b[16];

	wml_attrl(l, ns, "ilvl", ilvl);
	snprintf(b, sizeof(b), "%d", start);
	wml_val(l, ns, "start", b);
	wml_val(l, ns, "numFmt", fmt);
	wml_val(l, ns, "lvlText", text);
	wml_val(l, ns, "lvlJc", "left");
	ppr = wml_el(l, ns, "pPr");
	e = wml_el(ppr, ns, "ind");
	wml_attrl(e, ns, "left", 360 * (ilvl + 1));
	wml_attrl(e, ns, "hanging", 360);
	if (font != NULL)
		fonts(wml_el(l, ns, "rPr"), ns, font);
}

xmlDocPtr
wml_numbering(const int *nums, const int *starts, int nnums)
{
	static const char *const bullets[] = { "\xe2\x80\xa2",
	    "\xe2\x97\xa6", "\xe2\x96\xaa" };
	static const char *const fmts[] = { "decimal", "lowerLetter",
	    "lowerRoman" };
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr nb = xmlNewDocNode(doc, NULL, BAD_CAST "numbering", NULL);
	xmlNsPtr ns = xmlNewNs(nb, BAD_CAST NS_W, BAD_CAST "w");
	xmlNodePtr an, l, n, ov;
	char text[16];
	int i;

	xmlDocSetRootElement(doc, nb);
	xmlSetNs(nb, ns);
	an = wml_el(nb, ns, "abstractNum");
	wml_attr(an, ns, "abstractNumId", "1");
	wml_val(an, ns, "multiLevelType", "hybridMultilevel");
	for (i = 0; i < 9; i++)
		level(an, ns, i, "bullet", bullets[i % 3], 1,
		    "Liberation Serif");
	an = wml_el(nb, ns, "abstractNum");
	wml_attr(an, ns, "abstractNumId", "2");
	wml_val(an, ns, "multiLevelType", "hybridMultilevel");
	for (i = 0; i < 9; i++) {
		snprintf(text, sizeof(text), "%%%d.", i + 1);
		level(an, ns, i, fmts[i % 3], text, 1, NULL);
	}
	/* the MoU's articles: "1. Parties" before the heading's text */
	an = wml_el(nb, ns, "abstractNum");
	wml_attr(an, ns, "abstractNumId", "3");
	wml_val(an, ns, "multiLevelType", "singleLevel");
	l = wml_el(an, ns, "lvl");
	wml_attr(l, ns, "ilvl", "0");
	wml_val(l, ns, "start", "1");
	wml_val(l, ns, "numFmt", "decimal");
	wml_val(l, ns, "pStyle", pstyle[OS_ARTICLE].id);
	wml_val(l, ns, "suff", "space");
	wml_val(l, ns, "lvlText", "%1.");
	wml_val(l, ns, "lvlJc", "left");
	for (i = 0; i < nnums; i++) {
		char id[16];

		n = wml_el(nb, ns, "num");
		wml_attrl(n, ns, "numId", i + 1);
		snprintf(id, sizeof(id), "%d", nums[i]);
		wml_val(n, ns, "abstractNumId", id);
		if (starts[i] > 0) {
			ov = wml_el(n, ns, "lvlOverride");
			wml_attr(ov, ns, "ilvl", "0");
			snprintf(id, sizeof(id), "%d", starts[i]);
			wml_val(ov, ns, "startOverride", id);
		}
	}
	return doc;
}

static void
simple_field(xmlNodePtr p, xmlNsPtr ns, const char *instr)
{
	xmlNodePtr f = wml_el(p, ns, "fldSimple");

	wml_attr(f, ns, "instr", instr);
	wml_text(wml_el(f, ns, "r"), ns, "1");
}

xmlDocPtr
wml_header(const struct odoc *d, int footer)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	struct wml_ns o;
	xmlNodePtr p;
	char *pre = NULL, *mid = NULL, *post = NULL;

	memset(&o, 0, sizeof(o));
	p = wml_el(wml_root(doc, footer ? "ftr" : "hdr", &o), o.w, "p");
	wml_val(wml_el(p, o.w, "pPr"), o.w, "pStyle",
	    footer ? "Footer" : "Header");
	if (!footer)
		wml_text(wml_el(p, o.w, "r"), o.w, d->title);
	else if (model_pageof(d->pageof, &pre, &mid, &post)) {
		if (*pre != '\0')
			wml_text(wml_el(p, o.w, "r"), o.w, pre);
		simple_field(p, o.w, " PAGE ");
		wml_text(wml_el(p, o.w, "r"), o.w, mid);
		simple_field(p, o.w, " NUMPAGES ");
		if (*post != '\0')
			wml_text(wml_el(p, o.w, "r"), o.w, post);
	} else
		simple_field(p, o.w, " PAGE ");
	free(pre);
	free(mid);
	free(post);
	return doc;
}

xmlDocPtr
wml_settings(const struct odoc *d)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr s = xmlNewDocNode(doc, NULL, BAD_CAST "settings", NULL);
	xmlNsPtr ns = xmlNewNs(s, BAD_CAST NS_W, BAD_CAST "w");
	xmlNodePtr c, e;

	xmlDocSetRootElement(doc, s);
	xmlSetNs(s, ns);
	wml_val(s, ns, "defaultTabStop", "709");
	wml_val(s, ns, "characterSpacingControl", "doNotCompress");
	c = wml_el(s, ns, "compat");
	e = wml_el(c, ns, "compatSetting");
	wml_attr(e, ns, "name", "compatibilityMode");
	wml_attr(e, ns, "uri", "http://schemas.microsoft.com/office/word");
	wml_attr(e, ns, "val", "15");
	wml_val(s, ns, "themeFontLang", d->langtag);
	return doc;
}

/* ---- the package -------------------------------------------------------- */

xmlDocPtr
wml_rels(const struct wml_rel *rels, size_t n)
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
			xmlNewProp(e, BAD_CAST "TargetMode",
			    BAD_CAST "External");
		free(type);
	}
	return doc;
}

xmlDocPtr
wml_types(void)
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

xmlDocPtr
wml_core(const struct odoc *d)
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
		xmlNewTextChild(r, dc, BAD_CAST "subject",
		    BAD_CAST d->subtitle);
	if (d->author != NULL && *d->author != '\0')
		xmlNewTextChild(r, dc, BAD_CAST "creator", BAD_CAST d->author);
	xmlNewTextChild(r, dc, BAD_CAST "language", BAD_CAST d->langtag);
	e = xmlNewTextChild(r, dct, BAD_CAST "created", BAD_CAST iso);
	xmlNewNsProp(e, xsi, BAD_CAST "type", BAD_CAST "dcterms:W3CDTF");
	e = xmlNewTextChild(r, dct, BAD_CAST "modified", BAD_CAST iso);
	xmlNewNsProp(e, xsi, BAD_CAST "type", BAD_CAST "dcterms:W3CDTF");
	return doc;
}

xmlDocPtr
wml_app(void)
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
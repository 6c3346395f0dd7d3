/*
 * docx.c: the DOCX writer.  In: a document model (internal.h); out: an
 * Office Open XML (WordprocessingML) package: the body (document.xml:
 * paragraphs in named styles, lists, tables, content controls for
 * fill-in places and boxes, pictures, each SVG with its EMF rendering)
 * here, the parts around it from wml.c; every XML part built as
 * libxml2 nodes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "output/out.h"
#include "office/internal.h"

/* What writing document.xml keeps: the DOCX writer's state. */
struct docw {
	const struct odoc *d;       /* the document */
	struct wml_ns ns;         /* document.xml's namespaces */
	struct wml_rel *rels;           /* rId1... */
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

static int
addrel(struct docw *o, const char *type, const char *target, int external)
{
	o->rels = xrealloc(o->rels, (o->nrels + 1) * sizeof(*o->rels));
	o->rels[o->nrels].type = xstrdup(type);
	o->rels[o->nrels].target = xstrdup(target);
	o->rels[o->nrels].external = external;
	return (int)++o->nrels;
}

static int
addnum(struct docw *o, int abstract, int start)
{
	o->nums = xrealloc(o->nums, (size_t)(o->nnums + 1) * sizeof(int));
	o->starts = xrealloc(o->starts, (size_t)(o->nnums + 1) * sizeof(int));
	o->nums[o->nnums] = abstract;
	o->starts[o->nnums] = start;
	return ++o->nnums;
}
/* ---- document.xml ------------------------------------------------------- */

static void blocks(struct docw *, xmlNodePtr, const struct oblocks *, int);

static xmlNodePtr
run_props(struct docw *o, xmlNodePtr r, const struct orun *ru)
{
	xmlNodePtr rpr = wml_el(r, o->ns.w, "rPr");
	unsigned f = ru->flags;

	if (ru->href != NULL)
		wml_val(rpr, o->ns.w, "rStyle", "Hyperlink");
	else if (f == OR_BOLD)
		wml_val(rpr, o->ns.w, "rStyle", "Strong");
	else if (f == OR_ITALIC)
		wml_val(rpr, o->ns.w, "rStyle", "Emphasis");
	else if (f & OR_CODE)
		wml_val(rpr, o->ns.w, "rStyle", "HTMLCode");
	if (ru->href != NULL || (f != OR_BOLD && f != OR_ITALIC)) {
		if (f & OR_BOLD)
			wml_el(rpr, o->ns.w, "b");
		if (f & OR_ITALIC)
			wml_el(rpr, o->ns.w, "i");
	}
	if (f & OR_SUP)
		wml_val(rpr, o->ns.w, "vertAlign", "superscript");
	else if (f & OR_SUB)
		wml_val(rpr, o->ns.w, "vertAlign", "subscript");
	if (ru->lang != NULL)
		wml_val(rpr, o->ns.w, "lang", ru->lang);
	if (rpr->children == NULL) {
		xmlUnlinkNode(rpr);
		xmlFreeNode(rpr);
		return NULL;
	}
	return rpr;
}

static void
image(struct docw *o, xmlNodePtr parent, size_t i)
{
	const struct oimage *im = &o->d->images[i];
	xmlNodePtr r, in, e, g, pic, nv, bf, blip, sp, xf;
	char *target, rid[16], srid[16], name[32];
	long cx = EMU(im->wcm), cy = EMU(im->hcm);
	int id = ++o->ids;

	if (im->svg && o->emf[i] == NULL) {
		/* no rendering: its text stands for it (warned) */
		r = wml_el(parent, o->ns.w, "r");
		wml_text(r, o->ns.w, im->alt);
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
	r = wml_el(parent, o->ns.w, "r");
	in = wml_el(wml_el(r, o->ns.w, "drawing"), o->ns.wp, "inline");
	wml_attr(in, NULL, "distT", "0");
	wml_attr(in, NULL, "distB", "0");
	wml_attr(in, NULL, "distL", "0");
	wml_attr(in, NULL, "distR", "0");
	e = wml_el(in, o->ns.wp, "extent");
	wml_attrl(e, NULL, "cx", cx);
	wml_attrl(e, NULL, "cy", cy);
	e = wml_el(in, o->ns.wp, "effectExtent");
	wml_attr(e, NULL, "l", "0");
	wml_attr(e, NULL, "t", "0");
	wml_attr(e, NULL, "r", "0");
	wml_attr(e, NULL, "b", "0");
	e = wml_el(in, o->ns.wp, "docPr");
	wml_attrl(e, NULL, "id", id);
	wml_attr(e, NULL, "name", name);
	wml_attr(e, NULL, "descr", im->alt);
	e = wml_el(wml_el(in, o->ns.wp, "cNvGraphicFramePr"), o->ns.a,
	    "graphicFrameLocks");
	wml_attr(e, NULL, "noChangeAspect", "1");
	g = wml_el(wml_el(in, o->ns.a, "graphic"), o->ns.a, "graphicData");
	wml_attr(g, NULL, "uri",
	    "http://schemas.openxmlformats.org/drawingml/2006/picture");
	pic = wml_el(g, o->ns.pic, "pic");
	nv = wml_el(pic, o->ns.pic, "nvPicPr");
	e = wml_el(nv, o->ns.pic, "cNvPr");
	wml_attrl(e, NULL, "id", id);
	wml_attr(e, NULL, "name", name);
	wml_attr(e, NULL, "descr", im->alt);
	wml_el(nv, o->ns.pic, "cNvPicPr");
	bf = wml_el(pic, o->ns.pic, "blipFill");
	blip = wml_el(bf, o->ns.a, "blip");
	wml_attr(blip, o->ns.r, "embed", rid);
	if (im->svg) {
		e = wml_el(wml_el(blip, o->ns.a, "extLst"), o->ns.a, "ext");
		wml_attr(e, NULL, "uri",
		    "{96DAC541-7B7A-43D3-8B79-37D633B846F1}");
		wml_attr(wml_el(e, o->ns.asvg, "svgBlip"), o->ns.r, "embed",
		    srid);
	}
	wml_el(wml_el(bf, o->ns.a, "stretch"), o->ns.a, "fillRect");
	sp = wml_el(pic, o->ns.pic, "spPr");
	xf = wml_el(sp, o->ns.a, "xfrm");
	e = wml_el(xf, o->ns.a, "off");
	wml_attr(e, NULL, "x", "0");
	wml_attr(e, NULL, "y", "0");
	e = wml_el(xf, o->ns.a, "ext");
	wml_attrl(e, NULL, "cx", cx);
	wml_attrl(e, NULL, "cy", cy);
	e = wml_el(sp, o->ns.a, "prstGeom");
	wml_attr(e, NULL, "prst", "rect");
	wml_el(e, o->ns.a, "avLst");
}

/* A fill-in place: a plain-text content control showing its label as
 * placeholder text. */
static void
field(struct docw *o, xmlNodePtr parent, const struct orun *ru)
{
	xmlNodePtr sdt = wml_el(parent, o->ns.w, "sdt"), pr, r, e;

	pr = wml_el(sdt, o->ns.w, "sdtPr");
	wml_val(wml_el(pr, o->ns.w, "rPr"), o->ns.w, "rStyle",
	    "PlaceholderText");
	wml_val(pr, o->ns.w, "alias", ru->text);
	wml_val(pr, o->ns.w, "tag", ru->name);
	wml_attrl(wml_val(pr, o->ns.w, "id", NULL), o->ns.w, "val", ++o->ids);
	wml_el(pr, o->ns.w, "showingPlcHdr");
	e = wml_el(pr, o->ns.w, "text");
	if (ru->multiline)
		wml_attr(e, o->ns.w, "multiLine", "1");
	r = wml_el(wml_el(sdt, o->ns.w, "sdtContent"), o->ns.w, "r");
	wml_val(wml_el(r, o->ns.w, "rPr"), o->ns.w, "rStyle",
	    "PlaceholderText");
	wml_text(r, o->ns.w, ru->text);
}

/* A box to tick: a check box content control (Word 2010 and later; an
 * older reader shows the ☐ it holds). */
static void
box(struct docw *o, xmlNodePtr parent, const struct orun *ru)
{
	xmlNodePtr sdt = wml_el(parent, o->ns.w, "sdt"), pr, cb, e, r;

	pr = wml_el(sdt, o->ns.w, "sdtPr");
	wml_val(pr, o->ns.w, "alias", ru->text);
	wml_val(pr, o->ns.w, "tag", ru->name);
	wml_attrl(wml_val(pr, o->ns.w, "id", NULL), o->ns.w, "val", ++o->ids);
	cb = wml_el(pr, o->ns.w14, "checkbox");
	wml_attr(wml_el(cb, o->ns.w14, "checked"), o->ns.w14, "val", "0");
	e = wml_el(cb, o->ns.w14, "checkedState");
	wml_attr(e, o->ns.w14, "val", "2612");
	wml_attr(e, o->ns.w14, "font", "MS Gothic");
	e = wml_el(cb, o->ns.w14, "uncheckedState");
	wml_attr(e, o->ns.w14, "val", "2610");
	wml_attr(e, o->ns.w14, "font", "MS Gothic");
	r = wml_el(wml_el(sdt, o->ns.w, "sdtContent"), o->ns.w, "r");
	wml_val(wml_el(r, o->ns.w, "rPr"), o->ns.w, "rStyle", "CheckBox");
	wml_text(r, o->ns.w, "\xe2\x98\x90");
}

static void
runs(struct docw *o, xmlNodePtr p, const struct oblock *b)
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
			link = wml_el(p, o->ns.w, "hyperlink");
			href = ru->href;
			if (ru->href[0] == '#')
				wml_attr(link, o->ns.w, "anchor", ru->href + 1);
			else {
				char rid[32];

				snprintf(rid, sizeof(rid), "rId%d", addrel(o,
				    "hyperlink", ru->href, 1));
				wml_attr(link, o->ns.r, "id", rid);
			}
			wml_attr(link, o->ns.w, "history", "1");
		}
		into = link != NULL ? link : p;
		switch (ru->kind) {
		case ORUN_TEXT:
			r = wml_el(into, o->ns.w, "r");
			run_props(o, r, ru);
			wml_text(r, o->ns.w, ru->text);
			break;
		case ORUN_BREAK:
			wml_el(wml_el(into, o->ns.w, "r"), o->ns.w, "br");
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
paragraph(struct docw *o, xmlNodePtr parent, const struct oblock *b,
    int depth, int numid, int cont)
{
	xmlNodePtr p = wml_el(parent, o->ns.w, "p"), ppr, e;

	ppr = wml_el(p, o->ns.w, "pPr");
	if (b->style == OS_FILL || b->style == OS_SIGN)
		wml_val(ppr, o->ns.w, "pStyle", o->lines++ % 2 == 0 ?
		    wml_style_id(b->style) : b->style == OS_FILL ?
		    "WritingLineAlt" : "SignatureLineAlt");
	else
		wml_val(ppr, o->ns.w, "pStyle", wml_style_id(b->style));
	if (o->keep)
		wml_el(ppr, o->ns.w, "keepNext");
	if (b->pagebreak)
		wml_el(ppr, o->ns.w, "pageBreakBefore");
	if (b->style == OS_ARTICLE) {
		if (b->number <= 1 || o->articles == 0)
			o->articles = addnum(o, 3, b->number > 1 ?
			    b->number : 1);
		numid = o->articles;
		depth = 0;
	}
	if (numid > 0) {
		e = wml_el(ppr, o->ns.w, "numPr");
		wml_attrl(wml_val(e, o->ns.w, "ilvl", NULL), o->ns.w, "val",
		    depth);
		wml_attrl(wml_val(e, o->ns.w, "numId", NULL), o->ns.w, "val",
		    numid);
	} else if (cont) {
		e = wml_el(ppr, o->ns.w, "ind");
		wml_attrl(e, o->ns.w, "left", 360 * (depth + 1));
	}
	if (b->bookmark != NULL) {
		int id = o->marks++;

		e = wml_el(p, o->ns.w, "bookmarkStart");
		wml_attrl(e, o->ns.w, "id", id);
		wml_attr(e, o->ns.w, "name", b->bookmark);
		wml_attrl(wml_el(p, o->ns.w, "bookmarkEnd"), o->ns.w, "id", id);
	}
	runs(o, p, b);
}

static void
table(struct docw *o, xmlNodePtr parent, const struct oblock *b)
{
	const struct otable *t = b->table;
	xmlNodePtr tbl, pr, e, grid, tr, tc, tcpr;
	double wcm = model_textwidth(o->d);
	int form = t->kind == OT_FORM, keep = o->keep;
	size_t r, c, k;

	tbl = wml_el(parent, o->ns.w, "tbl");
	pr = wml_el(tbl, o->ns.w, "tblPr");
	wml_val(pr, o->ns.w, "tblStyle", form ? "FormTable" : "DataTable");
	e = wml_el(pr, o->ns.w, "tblW");
	wml_attrl(e, o->ns.w, "w", TWIPS(wcm));
	wml_attr(e, o->ns.w, "type", "dxa");
	e = wml_el(pr, o->ns.w, "tblLayout");
	wml_attr(e, o->ns.w, "type", "fixed");
	e = wml_el(pr, o->ns.w, "tblLook");
	wml_attr(e, o->ns.w, "val", t->headrows > 0 ? "0420" : "0400");
	wml_attr(e, o->ns.w, "firstRow", t->headrows > 0 ? "1" : "0");
	wml_attr(e, o->ns.w, "lastRow", "0");
	wml_attr(e, o->ns.w, "firstColumn", "0");
	wml_attr(e, o->ns.w, "lastColumn", "0");
	wml_attr(e, o->ns.w, "noHBand", "1");
	wml_attr(e, o->ns.w, "noVBand", "1");
	grid = wml_el(tbl, o->ns.w, "tblGrid");
	for (c = 0; c < t->ncols; c++)
		wml_attrl(wml_el(grid, o->ns.w, "gridCol"), o->ns.w, "w",
		    TWIPS(wcm * t->width[c]));
	if (t->keep)
		o->keep = 1;
	for (r = 0; r < t->nrows; r++) {
		tr = wml_el(tbl, o->ns.w, "tr");
		pr = wml_el(tr, o->ns.w, "trPr");
		wml_el(pr, o->ns.w, "cantSplit");
		if (r < t->headrows)
			wml_el(pr, o->ns.w, "tblHeader");
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
			tc = wml_el(tr, o->ns.w, "tc");
			tcpr = wml_el(tc, o->ns.w, "tcPr");
			e = wml_el(tcpr, o->ns.w, "tcW");
			wml_attrl(e, o->ns.w, "w", TWIPS(cw));
			wml_attr(e, o->ns.w, "type", "dxa");
			if (span > 1)
				wml_attrl(wml_val(tcpr, o->ns.w, "gridSpan",
				    NULL), o->ns.w,
				    "val", span);
			if (origin != NULL) {
				wml_el(tcpr, o->ns.w, "vMerge");
				wml_el(tc, o->ns.w, "p");
				continue;
			}
			if (ce->rowspan > 1)
				wml_val(tcpr, o->ns.w, "vMerge", "restart");
			if (ce->header && !form && r >= t->headrows) {
				e = wml_el(tcpr, o->ns.w, "shd");
				wml_attr(e, o->ns.w, "val", "clear");
				wml_attr(e, o->ns.w, "color", "auto");
				wml_attr(e, o->ns.w, "fill", "E6E6E6");
			}
			if (form)
				wml_val(tcpr, o->ns.w, "vAlign",
				    ce->top ? "top" :
				    "bottom");
			blocks(o, tc, &ce->body, 0);
			if (tc->last == tcpr)
				wml_el(tc, o->ns.w, "p");
		}
	}
	o->keep = keep;
	/* two tables in a row would merge: a paragraph between them */
	(void)b;
}

static void
list(struct docw *o, xmlNodePtr parent, const struct oblock *b, int depth)
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
blocks(struct docw *o, xmlNodePtr parent, const struct oblocks *bs, int top)
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
				xmlNodePtr p = wml_el(parent, o->ns.w, "p");

				wml_el(wml_el(p, o->ns.w, "pPr"), o->ns.w,
				    "pageBreakBefore");
			}
			table(o, parent, b);
			/* Word joins adjacent tables; a paragraph keeps them
			 * apart (and every cell ends with a paragraph) */
			if (top || i + 1 == bs->n ||
			    bs->v[i + 1].kind == OB_TABLE) {
				xmlNodePtr p = wml_el(parent, o->ns.w, "p");

				wml_val(wml_el(p, o->ns.w, "pPr"), o->ns.w,
				    "pStyle",
				    "Normal");
			}
			break;
		case OB_LIST:
			list(o, parent, b, 0);
			break;
		}
	}
}
static xmlDocPtr
document_xml(struct docw *o, int hdr, int ftr)
{
	const struct odoc *d = o->d;
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr body, sp, e;
	char rid[16];

	body = wml_el(wml_root(doc, "document", &o->ns), o->ns.w, "body");
	blocks(o, body, &d->body, 1);
	sp = wml_el(body, o->ns.w, "sectPr");
	e = wml_el(sp, o->ns.w, "headerReference");
	wml_attr(e, o->ns.w, "type", "default");
	snprintf(rid, sizeof(rid), "rId%d", hdr);
	wml_attr(e, o->ns.r, "id", rid);
	e = wml_el(sp, o->ns.w, "footerReference");
	wml_attr(e, o->ns.w, "type", "default");
	snprintf(rid, sizeof(rid), "rId%d", ftr);
	wml_attr(e, o->ns.r, "id", rid);
	e = wml_el(sp, o->ns.w, "pgSz");
	wml_attrl(e, o->ns.w, "w", TWIPS(d->pagew));
	wml_attrl(e, o->ns.w, "h", TWIPS(d->pageh));
	e = wml_el(sp, o->ns.w, "pgMar");
	wml_attrl(e, o->ns.w, "top", TWIPS(d->margin));
	wml_attrl(e, o->ns.w, "right", TWIPS(d->margin));
	wml_attrl(e, o->ns.w, "bottom", TWIPS(d->margin));
	wml_attrl(e, o->ns.w, "left", TWIPS(d->margin));
	wml_attrl(e, o->ns.w, "header", TWIPS(d->margin * 0.4));
	wml_attrl(e, o->ns.w, "footer", TWIPS(d->margin * 0.4));
	wml_attr(e, o->ns.w, "gutter", "0");
	return doc;
}

int
docx_write(struct out *dst, const struct odoc *d, const char *path)
{
	struct package *z = package_new(dst, path, d->epoch);
	struct wml_rel top[3] = {
		{ "officeDocument", "word/document.xml", 0 },
		{ "http://schemas.openxmlformats.org/package/2006/relationships/"
		    "metadata/core-properties", "docProps/core.xml", 0 },
		{ "extended-properties", "docProps/app.xml", 0 },
	};
	struct docw o;
	xmlDocPtr parts[10] = { 0 };
	int hdr, ftr, ok;
	size_t i;

	memset(&o, 0, sizeof(o));
	o.d = d;
	o.emf = xcalloc(d->nimages + 1, sizeof(*o.emf));
	o.emflen = xcalloc(d->nimages + 1, sizeof(*o.emflen));
	for (i = 0; i < d->nimages; i++)
		if (d->images[i].svg) {
			o.emf[i] = emf_svg(d->images[i].data, d->images[i].len,
			    d->images[i].wcm, d->images[i].hcm, &o.emflen[i]);
			if (o.emf[i] == NULL) {
				char *shown = out_shown(dst, path);

				diag(dst->diag, DIAG_WARN, shown, 0, 0,
				    "drawing '%s' leaves "
				    "the SVG subset of docs/contract.md §1: "
				    "its text stands for it in the DOCX",
				    d->images[i].alt);
				free(shown);
			}
		}
	addrel(&o, "styles", "styles.xml", 0);
	addrel(&o, "numbering", "numbering.xml", 0);
	addrel(&o, "settings", "settings.xml", 0);
	hdr = addrel(&o, "header", "header1.xml", 0);
	ftr = addrel(&o, "footer", "footer1.xml", 0);
	o.nnums = 0;
	addnum(&o, 1, 0);       /* numId 1: bullets, for whoever wants one */
	parts[0] = wml_types();
	parts[1] = wml_rels(top, 3);
	parts[2] = document_xml(&o, hdr, ftr);
	parts[3] = wml_rels(o.rels, o.nrels);
	parts[4] = wml_styles(d);
	parts[5] = wml_numbering(o.nums, o.starts, o.nnums);
	parts[6] = wml_settings(d);
	parts[7] = wml_header(d, 0);
	parts[8] = wml_header(d, 1);
	ok = package_xml(z, "[Content_Types].xml", parts[0]) &&
	    package_xml(z, "_rels/.rels", parts[1]) &&
	    package_xml(z, "word/document.xml", parts[2]) &&
	    package_xml(z, "word/_rels/document.xml.rels", parts[3]) &&
	    package_xml(z, "word/styles.xml", parts[4]) &&
	    package_xml(z, "word/numbering.xml", parts[5]) &&
	    package_xml(z, "word/settings.xml", parts[6]) &&
	    package_xml(z, "word/header1.xml", parts[7]) &&
	    package_xml(z, "word/footer1.xml", parts[8]);
	xmlFreeDoc(parts[0]);
	parts[0] = wml_core(d);
	parts[9] = wml_app();
	ok = ok && package_xml(z, "docProps/core.xml", parts[0]) &&
	    package_xml(z, "docProps/app.xml", parts[9]);
	for (i = 0; ok && i < d->nimages; i++) {
		char *p;

		if (d->images[i].svg && o.emf[i] == NULL)
			continue;
		p = xasprintf("word/media/%s", d->images[i].part);
		ok = package_add(z, p, d->images[i].data, d->images[i].len,
		    !d->images[i].svg);
		free(p);
		if (ok && o.emf[i] != NULL) {
			p = xasprintf("word/media/image%zu.emf", i + 1);
			ok = package_add(z, p, o.emf[i], o.emflen[i], 0);
			free(p);
		}
	}
	ok = package_write(z, path) && ok;
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

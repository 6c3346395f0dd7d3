/*
 * drawdoc.c: the PDF's document-level objects, through libharu's object
 * layer: links (to a URI or a place), bookmarks, the AcroForm's fields
 * (text, check boxes, radio groups, each with its appearance and its
 * label as /TU) and the document's information.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>

#include "base/pactkit.h"
#include "pdf/internal.h"
#include "pdf/drawer.h"

static HPDF_Rect
pdfrect(struct drawer *d, double x, double y, double w, double h)
{
	HPDF_Rect r;

	r.left = (HPDF_REAL)x;
	r.right = (HPDF_REAL)(x + w);
	r.top = (HPDF_REAL)(d->pageh - y);
	r.bottom = (HPDF_REAL)(d->pageh - y - h);
	return r;
}

void *
drawdoc_link_uri(struct drawer *d, double x, double y, double w, double h,
    const char *uri)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = { 0 };
	HPDF_Annotation a;
	const unsigned char *p;

	if (d->page == NULL)
		return NULL;
	/* PDF URIs are 7-bit: percent-encode the rest */
	for (p = (const unsigned char *)uri; *p != '\0'; p++)
		if (*p > 0x20 && *p < 0x7f)
			buf_putc(&b, *p);
		else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*p >> 4]);
			buf_putc(&b, hex[*p & 15]);
		}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	a = HPDF_Page_CreateURILinkAnnot(d->page, pdfrect(d, x, y, w, h),
	    b.data);
	if (a != NULL) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		HPDF_Dict_AddNumber(a, "F", 4);    /* print (PDF/A) */
	}
	buf_free(&b);
	return a;
}

/* An /XYZ destination keeping the reader's zoom (null), which the
 * documented HPDF_Destination_SetXYZ cannot express. */
static HPDF_Destination
dest(struct drawer *d, int page, double y)
{
	HPDF_Destination dst;
	HPDF_Page p;

	if (page < 0 || page >= d->npages)
		return NULL;
	p = d->pages[page];
	dst = HPDF_Page_CreateDestination(p);
	if (dst == NULL)
		return NULL;
	HPDF_Array_Clear(dst);
	HPDF_Array_Add(dst, p);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_Add(dst, HPDF_Null_New(d->pdf->mmgr));
	HPDF_Array_AddReal(dst, (HPDF_REAL)(HPDF_Page_GetHeight(p) - y));
	HPDF_Array_Add(dst, HPDF_Null_New(d->pdf->mmgr));
	return dst;
}

void *
drawdoc_link_dest(struct drawer *d, double x, double y, double w, double h,
    int topage, double toy)
{
	HPDF_Destination dst;
	HPDF_Annotation a;

	if (d->page == NULL || (dst = dest(d, topage, toy)) == NULL)
		return NULL;
	/* an annotation, not page content: the text object stays open;
	 * libharu's text position restarts, as its BT after an ET did */
	d->hx = d->hy = 0;
	d->ox = d->oy = 0;
	a = HPDF_Page_CreateLinkAnnot(d->page, pdfrect(d, x, y, w, h), dst);
	if (a != NULL) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		HPDF_Dict_AddNumber(a, "F", 4);    /* print (PDF/A) */
	}
	return a;
}

void *
drawdoc_outline(struct drawer *d, void *parent, const char *title, int page,
    double y)
{
	HPDF_Outline o;
	HPDF_Destination dst;

	o = HPDF_CreateOutline(d->pdf, parent, title,
	    HPDF_GetEncoder(d->pdf, "UTF-8"));
	if (o == NULL)
		return NULL;
	if ((dst = dest(d, page, y)) != NULL)
		HPDF_Outline_SetDestination(o, dst);
	HPDF_Outline_SetOpened(o, parent == NULL ? HPDF_TRUE : HPDF_FALSE);
	return o;
}

/* A text string in UTF-16BE (through the UTF-8 encoder) or plain ASCII. */
HPDF_String
drawdoc_text(struct drawer *d, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x80)
			return HPDF_String_New(d->pdf->mmgr, s,
			    HPDF_GetEncoder(d->pdf, "UTF-8"));
	return HPDF_String_New(d->pdf->mmgr, s, NULL);
}

/*
 * /AcroForm in the catalog, its font the embedded sans face (/FW, in
 * WinAnsiEncoding): every field has its appearance drawn here, so no
 * /NeedAppearances (PDF/A forbids it), and a viewer that draws a typed
 * value again uses the same font, which covers French.
 */
static void
acroform(struct drawer *d)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict dr, fonts;
	HPDF_Font fw = draw_formfont(d);

	d->acroform = HPDF_Dict_New(mm);
	HPDF_Xref_Add(d->pdf->xref, d->acroform);
	d->fields = HPDF_Array_New(mm);
	HPDF_Dict_Add(d->acroform, "Fields", d->fields);
	dr = HPDF_Dict_New(mm);
	if (fw != NULL) {
		fonts = HPDF_Dict_New(mm);
		HPDF_Dict_Add(fonts, "FW", fw);
		HPDF_Dict_Add(dr, "Font", fonts);
	}
	HPDF_Dict_Add(d->acroform, "DR", dr);
	HPDF_Dict_Add(d->acroform, "DA",
	    HPDF_String_New(mm, "/FW 0 Tf 0 g", NULL));
	HPDF_Dict_Add(d->pdf->catalog, "AcroForm", d->acroform);
}

/* An appearance: a Form XObject of w x h drawing ops (may be empty). */
static HPDF_Dict
appearance(struct drawer *d, double w, double h, const char *ops)
{
	HPDF_Dict s = HPDF_DictStream_New(d->pdf->mmgr, d->pdf->xref);
	HPDF_Array bbox;

	if (s == NULL)
		return NULL;
	HPDF_Dict_AddName(s, "Type", "XObject");
	HPDF_Dict_AddName(s, "Subtype", "Form");
	bbox = HPDF_Array_New(d->pdf->mmgr);
	HPDF_Array_AddReal(bbox, 0);
	HPDF_Array_AddReal(bbox, 0);
	HPDF_Array_AddReal(bbox, (HPDF_REAL)w);
	HPDF_Array_AddReal(bbox, (HPDF_REAL)h);
	HPDF_Dict_Add(s, "BBox", bbox);
	HPDF_Dict_Add(s, "Resources", HPDF_Dict_New(d->pdf->mmgr));
	if (*ops != '\0')
		HPDF_Stream_WriteStr(s->stream, ops);
	return s;
}

/* A check box: /Btn with a tick drawn as a path when on. */
static void
checkbox(struct drawer *d, HPDF_Dict f, double w, double h, int on)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict ap, n;
	char ops[160];

	HPDF_Dict_AddName(f, "FT", "Btn");
	HPDF_Dict_AddName(f, "V", on ? "Yes" : "Off");
	HPDF_Dict_AddName(f, "AS", on ? "Yes" : "Off");
	/* its states are drawn (no /MK /CA naming a glyph of a font that
	 * is not embedded) */
	HPDF_Dict_Add(f, "DA", HPDF_String_New(mm, "/FW 0 Tf 0 g", NULL));
	snprintf(ops, sizeof(ops), "q 0 G %.2f w %.2f %.2f m %.2f %.2f l "
	    "%.2f %.2f l S Q\n", h * 0.1, w * 0.22, h * 0.5, w * 0.42,
	    h * 0.25, w * 0.8, h * 0.8);
	n = HPDF_Dict_New(mm);
	HPDF_Dict_Add(n, "Yes", appearance(d, w, h, ops));
	HPDF_Dict_Add(n, "Off", appearance(d, w, h, ""));
	ap = HPDF_Dict_New(mm);
	HPDF_Dict_Add(ap, "N", n);
	HPDF_Dict_Add(f, "AP", ap);
}

/* The current page's /Annots array, made on first use. */
static HPDF_Array
page_annots(struct drawer *d)
{
	HPDF_Array annots = HPDF_Dict_GetItem(d->page, "Annots",
	    HPDF_OCLASS_ARRAY);

	if (annots == NULL) {
		annots = HPDF_Array_New(d->pdf->mmgr);
		HPDF_Dict_Add(d->page, "Annots", annots);
	}
	return annots;
}

void *
drawdoc_field(struct drawer *d, double x, double y, double w, double h,
    const char *name, const char *label, const char *value, int multiline,
    double size)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict f;
	HPDF_Rect r;

	if (d->page == NULL)
		return NULL;
	draw_endtext(d);
	if (d->acroform == NULL)
		acroform(d);
	r = pdfrect(d, x, y, w, h);
	f = HPDF_Dict_New(mm);
	HPDF_Xref_Add(d->pdf->xref, f);
	HPDF_Dict_AddName(f, "Type", "Annot");
	HPDF_Dict_AddName(f, "Subtype", "Widget");
	HPDF_Dict_Add(f, "T", HPDF_String_New(mm, name, NULL));
	if (label != NULL && *label != '\0')
		HPDF_Dict_Add(f, "TU", drawdoc_text(d, label));
	HPDF_Dict_Add(f, "Rect", HPDF_Box_Array_New(mm, r));
	HPDF_Dict_AddNumber(f, "F", 4);            /* print */
	if (multiline == 2)
		checkbox(d, f, w, h, value != NULL);
	else {
		HPDF_Dict_AddName(f, "FT", "Tx");
		if (value != NULL && *value != '\0')
			HPDF_Dict_Add(f, "V", drawdoc_text(d, value));
		if (multiline)
			HPDF_Dict_AddNumber(f, "Ff", 4096);
		drawform_text(d, f, w, h, value, multiline, size);
	}
	HPDF_Dict_Add(f, "P", d->page);
	HPDF_Array_Add(page_annots(d), f);
	HPDF_Array_Add(d->fields, f);
	return f;
}

/* The widget annotation dict of the current page over rect r, printed. */
static HPDF_Dict
widget(struct drawer *d, HPDF_Rect r)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict a = HPDF_Dict_New(mm);

	HPDF_Xref_Add(d->pdf->xref, a);
	HPDF_Dict_AddName(a, "Type", "Annot");
	HPDF_Dict_AddName(a, "Subtype", "Widget");
	HPDF_Dict_Add(a, "Rect", HPDF_Box_Array_New(mm, r));
	HPDF_Dict_AddNumber(a, "F", 4);            /* print */
	HPDF_Dict_Add(a, "P", d->page);
	HPDF_Array_Add(page_annots(d), a);
	return a;
}

void *
drawdoc_radio(struct drawer *d, double x, double y, double w, double h,
    const char *group, const char *label, const char *state, int on)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	struct radiofield *g = NULL;
	HPDF_Dict a, ap, n;
	size_t i;
	char ops[400];
	double cx = w / 2, cy = h / 2, r = (w < h ? w : h) * 0.22,
	    k = r * 0.5523;

	if (d->page == NULL || group == NULL || state == NULL)
		return NULL;
	draw_endtext(d);
	if (d->acroform == NULL)
		acroform(d);
	for (i = 0; i < d->nradio; i++)
		if (strcmp(d->radio[i].name, group) == 0)
			g = &d->radio[i];
	if (g == NULL) {
		/* the field: Radio (bit 16) and NoToggleToOff (bit 15),
		 * off until a button is on */
		d->radio = xrealloc(d->radio, (d->nradio + 1) *
		    sizeof(*d->radio));
		g = &d->radio[d->nradio++];
		g->name = xstrdup(group);
		g->field = HPDF_Dict_New(mm);
		HPDF_Xref_Add(d->pdf->xref, g->field);
		HPDF_Dict_AddName(g->field, "FT", "Btn");
		HPDF_Dict_AddNumber(g->field, "Ff", 32768 | 16384);
		HPDF_Dict_Add(g->field, "T", HPDF_String_New(mm, group, NULL));
		if (label != NULL && *label != '\0')
			HPDF_Dict_Add(g->field, "TU", drawdoc_text(d, label));
		HPDF_Dict_AddName(g->field, "V", "Off");
		HPDF_Dict_Add(g->field, "DA",
		    HPDF_String_New(mm, "/FW 0 Tf 0 g", NULL));
		g->kids = HPDF_Array_New(mm);
		HPDF_Dict_Add(g->field, "Kids", g->kids);
		HPDF_Array_Add(d->fields, g->field);
	}
	if (on)
		HPDF_Dict_AddName(g->field, "V", state);
	a = widget(d, pdfrect(d, x, y, w, h));
	HPDF_Dict_Add(a, "Parent", g->field);
	HPDF_Dict_AddName(a, "AS", on ? state : "Off");
	/* on: a dot in the printed box */
	snprintf(ops, sizeof(ops), "q 0 g %.2f %.2f m "
	    "%.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c "
	    "%.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c "
	    "f Q\n", cx + r, cy,
	    cx + r, cy + k, cx + k, cy + r, cx, cy + r,
	    cx - k, cy + r, cx - r, cy + k, cx - r, cy,
	    cx - r, cy - k, cx - k, cy - r, cx, cy - r,
	    cx + k, cy - r, cx + r, cy - k, cx + r, cy);
	n = HPDF_Dict_New(mm);
	HPDF_Dict_Add(n, state, appearance(d, w, h, ops));
	HPDF_Dict_Add(n, "Off", appearance(d, w, h, ""));
	ap = HPDF_Dict_New(mm);
	HPDF_Dict_Add(ap, "N", n);
	HPDF_Dict_Add(a, "AP", ap);
	HPDF_Array_Add(g->kids, a);
	return a;
}

void
drawdoc_info(struct drawer *d, const char *title, const char *author,
    const char *subject, const char *lang, long long epoch)
{
	HPDF_Date dt;
	struct tm tm;
	time_t t = (time_t)epoch;

	HPDF_SetCurrentEncoder(d->pdf, "UTF-8");
	if (title != NULL && *title != '\0')
		HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, title);
	if (author != NULL && *author != '\0')
		HPDF_SetInfoAttr(d->pdf, HPDF_INFO_AUTHOR, author);
	if (subject != NULL && *subject != '\0')
		HPDF_SetInfoAttr(d->pdf, HPDF_INFO_SUBJECT, subject);
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "pactkit " PK_VERSION);
	gmtime_r(&t, &tm);
	memset(&dt, 0, sizeof(dt));
	dt.year = tm.tm_year + 1900;
	dt.month = tm.tm_mon + 1;
	dt.day = tm.tm_mday;
	dt.hour = tm.tm_hour;
	dt.minutes = tm.tm_min;
	dt.seconds = tm.tm_sec;
	dt.ind = '+';
	HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_MOD_DATE, dt);
	if (lang != NULL && *lang != '\0')
		HPDF_Dict_Add(d->pdf->catalog, "Lang",
		    HPDF_String_New(d->pdf->mmgr, lang, NULL));
	HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

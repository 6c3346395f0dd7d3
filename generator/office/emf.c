/*
 * emf.c: a drawing of docs/contract.md §1's SVG subset (g translate,
 * rect, circle, line, polyline, path M L H V Z, text) as an EMF, the
 * vector picture every DOCX reader shows (Word before 2016, LibreOffice);
 * the DOCX keeps the SVG beside it for Word's own SVG support.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "output/out.h"
#include "doc/doc.h"
#include "office/internal.h"

#define SCALE 10        /* logical units per SVG unit */

enum {
	EMR_HEADER = 1, EMR_POLYGON = 3, EMR_POLYLINE = 4, EMR_EOF = 14,
	EMR_SETWINDOWEXTEX = 9, EMR_SETWINDOWORGEX = 10,
	EMR_SETVIEWPORTEXTEX = 11, EMR_SETVIEWPORTORGEX = 12,
	EMR_SETMAPMODE = 17, EMR_SETBKMODE = 18, EMR_SETPOLYFILLMODE = 19,
	EMR_SETTEXTALIGN = 22, EMR_SETTEXTCOLOR = 24, EMR_SELECTOBJECT = 37,
	EMR_CREATEBRUSHINDIRECT = 39, EMR_DELETEOBJECT = 40, EMR_ELLIPSE = 42,
	EMR_RECTANGLE = 43, EMR_EXTCREATEFONTINDIRECTW = 82,
	EMR_EXTTEXTOUTW = 84, EMR_EXTCREATEPEN = 95,
};

#define NULL_BRUSH 0x80000005u
#define NULL_PEN 0x80000008u

/* The metafile being written. */
struct emf {
	struct buf b;               /* the records */
	unsigned nrec;              /* records written */
	int	 ok;                /* 0 once the SVG left the subset */
};

static void
u32(struct emf *e, unsigned long v)
{
	unsigned char b[4] = { (unsigned char)(v & 0xff),
	    (unsigned char)(v >> 8 & 0xff), (unsigned char)(v >> 16 & 0xff),
	    (unsigned char)(v >> 24 & 0xff) };

	buf_put(&e->b, (const char *)b, 4);
}

static void
i32(struct emf *e, long v)
{
	u32(e, (unsigned long)v & 0xffffffffUL);
}

static void
rec(struct emf *e, unsigned type, unsigned size)
{
	u32(e, type);
	u32(e, size);
	e->nrec++;
}

static void
rec1(struct emf *e, unsigned type, unsigned long v)
{
	rec(e, type, 12);
	u32(e, v);
}

static void
rec2(struct emf *e, unsigned type, long a, long b)
{
	rec(e, type, 16);
	i32(e, a);
	i32(e, b);
}

/* A colour "#rgb", "#rrggbb" or a few names, blended with white by
 * opacity a, as a COLORREF; -1: none. */
static long
color(const char *v, double a)
{
	unsigned r, g, b;

	if (v == NULL || strcmp(v, "none") == 0 ||
	    strcmp(v, "transparent") == 0)
		return -1;
	if (v[0] == '#' && strlen(v) == 7 &&
	    sscanf(v + 1, "%2x%2x%2x", &r, &g, &b) == 3)
		;
	else if (v[0] == '#' && strlen(v) == 4 &&
	    sscanf(v + 1, "%1x%1x%1x", &r, &g, &b) == 3) {
		r *= 17;
		g *= 17;
		b *= 17;
	} else if (strcmp(v, "white") == 0)
		r = g = b = 255;
	else if (strcmp(v, "black") == 0 || strcmp(v, "currentColor") == 0)
		r = g = b = 0;
	else
		return -2;      /* not understood */
	if (a < 1) {
		r = (unsigned)(255 - (255 - r) * a + 0.5);
		g = (unsigned)(255 - (255 - g) * a + 0.5);
		b = (unsigned)(255 - (255 - b) * a + 0.5);
	}
	return (long)(r | g << 8 | b << 16);
}

static double
num(xmlNodePtr n, const char *a, double dflt)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST a);
	double x = dflt;

	if (v != NULL) {
		x = strtod((const char *)v, NULL);
		xmlFree(v);
	}
	return x;
}

/* An attribute of n or of the nearest ancestor that has it. */
static char *
inherit(xmlNodePtr n, const char *a)
{
	xmlChar *v;

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if ((v = xmlGetProp(n, BAD_CAST a)) != NULL)
			return (char *)v;
	return NULL;
}

static double
inherit_num(xmlNodePtr n, const char *a, double dflt)
{
	char *v = inherit(n, a);
	double x = v != NULL ? strtod(v, NULL) : dflt;

	xmlFree(v);
	return x;
}

/* v in logical units; a coordinate an EMF cannot hold (not finite, or
 * beyond its 32 bits) leaves the drawing out (e->ok = 0). */
static long
L(struct emf *e, double v)
{
	if (!isfinite(v) || fabs(v) * SCALE > 1e9) {
		e->ok = 0;
		return 0;
	}
	return lround(v * SCALE);
}

/* The pen and brush of shape n selected, made for it (deleted after). */
static int
paint(struct emf *e, xmlNodePtr n, int fillable)
{
	char *f = inherit(n, "fill"), *s = inherit(n, "stroke");
	char *dash = inherit(n, "stroke-dasharray");
	double op = inherit_num(n, "opacity", 1);
	long fc = fillable ? (f != NULL ? color(f, op *
	    inherit_num(n, "fill-opacity", 1)) : 0) : -1;
	long sc = color(s, op * inherit_num(n, "stroke-opacity", 1));
	double sw = inherit_num(n, "stroke-width", 1);
	int ok = fc != -2 && sc != -2;

	xmlFree(f);
	xmlFree(s);
	if (ok) {
		rec(e, EMR_CREATEBRUSHINDIRECT, 24);
		u32(e, 1);
		u32(e, fc < 0 ? 1 : 0);         /* BS_NULL or BS_SOLID */
		u32(e, fc < 0 ? 0 : (unsigned long)fc);
		u32(e, 0);
		rec(e, EMR_EXTCREATEPEN, 52);
		u32(e, 2);
		u32(e, 0);
		u32(e, 0);
		u32(e, 0);
		u32(e, 0);
		/* geometric, flat caps, mitred joins; dashed when asked */
		u32(e, sc < 0 ? 5 : 0x10000u | 0x200u | 0x2000u |
		    (dash != NULL && strcmp(dash, "none") != 0 ? 1u : 0u));
		u32(e, sc < 0 ? 0 : (unsigned long)L(e, sw));
		u32(e, 0);
		u32(e, sc < 0 ? 0 : (unsigned long)sc);
		u32(e, 0);
		u32(e, 0);
		rec1(e, EMR_SELECTOBJECT, 1);
		rec1(e, EMR_SELECTOBJECT, 2);
	}
	xmlFree(dash);
	return ok;
}

static void
unpaint(struct emf *e)
{
	rec1(e, EMR_SELECTOBJECT, NULL_BRUSH);
	rec1(e, EMR_SELECTOBJECT, NULL_PEN);
	rec1(e, EMR_DELETEOBJECT, 1);
	rec1(e, EMR_DELETEOBJECT, 2);
}


/* A polygon (closed) or polyline of n points (x, y pairs). */
static void
poly(struct emf *e, const double *p, size_t n, int closed)
{
	long minx = 0, miny = 0, maxx = 0, maxy = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		long x = L(e, p[2 * i]), y = L(e, p[2 * i + 1]);

		if (i == 0 || x < minx)
			minx = x;
		if (i == 0 || y < miny)
			miny = y;
		if (i == 0 || x > maxx)
			maxx = x;
		if (i == 0 || y > maxy)
			maxy = y;
	}
	rec(e, closed ? EMR_POLYGON : EMR_POLYLINE, (unsigned)(28 + 8 * n));
	i32(e, minx);
	i32(e, miny);
	i32(e, maxx);
	i32(e, maxy);
	u32(e, (unsigned long)n);
	for (i = 0; i < n; i++) {
		i32(e, L(e, p[2 * i]));
		i32(e, L(e, p[2 * i + 1]));
	}
}

/* A path's d (M L H V Z, absolute and relative): each subpath drawn. */
static int
path(struct emf *e, const char *d, double ox, double oy)
{
	double *pt = NULL, x = 0, y = 0, sx = 0, sy = 0, v[2] = { 0, 0 };
	size_t n = 0, cap = 0;
	char cmd = 0, *end;
	int closed;

	for (;;) {
		while (*d == ' ' || *d == ',' || *d == '\n' || *d == '\t')
			d++;
		closed = 0;
		if (*d == '\0' || strchr("MmZz", *d) != NULL) {
			if (*d == 'Z' || *d == 'z') {
				closed = 1;
				x = sx;
				y = sy;
			}
			if (n > 1)
				poly(e, pt, n, closed);
			n = 0;
			if (*d == '\0')
				break;
			if (closed) {
				d++;
				cmd = 0;
				continue;
			}
		}
		if (strchr("MmLlHhVv", *d) != NULL && *d != '\0')
			cmd = *d++;
		else if (cmd == 0 || !(*d == '-' || *d == '+' || *d == '.' ||
		    (*d >= '0' && *d <= '9'))) {
			free(pt);
			return 0;
		}
		v[0] = strtod(d, &end);
		if (end == d) {
			free(pt);
			return 0;
		}
		d = end;
		if (cmd != 'H' && cmd != 'h' && cmd != 'V' && cmd != 'v') {
			while (*d == ' ' || *d == ',')
				d++;
			v[1] = strtod(d, &end);
			if (end == d) {
				free(pt);
				return 0;
			}
			d = end;
		}
		switch (cmd) {
		case 'M': x = v[0]; y = v[1]; sx = x; sy = y; cmd = 'L'; break;
		case 'm': x += v[0]; y += v[1]; sx = x; sy = y; cmd = 'l'; break;
		case 'L': x = v[0]; y = v[1]; break;
		case 'l': x += v[0]; y += v[1]; break;
		case 'H': x = v[0]; break;
		case 'h': x += v[0]; break;
		case 'V': y = v[0]; break;
		case 'v': y += v[0]; break;
		}
		if (n + 1 > cap) {
			cap = cap ? cap * 2 : 16;
			pt = xrealloc(pt, cap * 2 * sizeof(double));
		}
		pt[2 * n] = x + ox;
		pt[2 * n + 1] = y + oy;
		n++;
	}
	free(pt);
	return 1;
}

static void
text(struct emf *e, xmlNodePtr n, double ox, double oy)
{
	char *s = (char *)xmlNodeGetContent(n), *anchor, *wt, *f;
	double size = inherit_num(n, "font-size", 16);
	long c;
	size_t len, i = 0, nch = 0, k;
	unsigned short *u16;
	long *dx;
	unsigned size_rec, off_str, off_dx;
	int bold;

	len = strlen(s);
	u16 = xcalloc(len + 2, sizeof(*u16));
	dx = xcalloc(len + 2, sizeof(*dx));
	wt = inherit(n, "font-weight");
	bold = wt != NULL && (strcmp(wt, "bold") == 0 || atoi(wt) >= 600);
	while (i < len) {
		long cp = utf8_next(s, len, &i);
		double w;

		if (cp < 0 || cp > 0xffff)
			cp = 0xfffd;
		if (cp == '\n' || cp == '\t')
			cp = ' ';
		w = cp >= 32 && cp < 127 ? font_ascii_width((int)cp) :
		    cp == 0x202f ? 200 : cp == 0xa0 ? 278 :
		    cp == 0x2018 || cp == 0x2019 ? 222 :
		    cp == 0x201c || cp == 0x201d ? 333 :
		    cp == 0x2014 || cp == 0x2026 ? 1000 : 556;
		u16[nch] = (unsigned short)cp;
		dx[nch++] = L(e, w * size / 1000 * (bold ? 1.05 : 1));
	}
	anchor = inherit(n, "text-anchor");
	f = inherit(n, "fill");
	c = color(f != NULL ? f : "#000000", inherit_num(n, "opacity", 1));
	rec1(e, EMR_SETTEXTALIGN, 24u | (anchor == NULL ? 0u :
	    strcmp(anchor, "middle") == 0 ? 6u : strcmp(anchor, "end") == 0 ?
	    2u : 0u));
	rec1(e, EMR_SETTEXTCOLOR, c < 0 ? 0 : (unsigned long)c);
	/* the font: Liberation Sans (metric-compatible with Arial) */
	rec(e, EMR_EXTCREATEFONTINDIRECTW, 104);
	u32(e, 3);
	i32(e, -L(e, size));
	i32(e, 0);
	i32(e, 0);
	i32(e, 0);
	i32(e, bold ? 700 : 400);
	u32(e, 1u << 24);       /* italic 0, underline 0, strike 0, charset 1 */
	u32(e, 0);
	{
		static const char face[] = "Liberation Sans";

		for (k = 0; k < 32; k += 2) {
			unsigned long a = k < sizeof(face) - 1 ?
			    (unsigned char)face[k] : 0;
			unsigned long b = k + 1 < sizeof(face) - 1 ?
			    (unsigned char)face[k + 1] : 0;

			u32(e, a | b << 16);
		}
	}
	rec1(e, EMR_SELECTOBJECT, 3);
	off_str = 76;
	off_dx = off_str + (unsigned)((nch * 2 + 3) & ~(size_t)3);
	size_rec = off_dx + (unsigned)(4 * nch);
	rec(e, EMR_EXTTEXTOUTW, size_rec);
	i32(e, 0);      /* bounds: not computed */
	i32(e, 0);
	i32(e, -1);
	i32(e, -1);
	u32(e, 1);      /* GM_COMPATIBLE */
	u32(e, 0);      /* exScale, eyScale: 0.0f */
	u32(e, 0);
	i32(e, L(e, num(n, "x", 0) + ox));
	i32(e, L(e, num(n, "y", 0) + oy));
	u32(e, (unsigned long)nch);
	u32(e, off_str);
	u32(e, 0);      /* options */
	i32(e, 0);
	i32(e, 0);
	i32(e, -1);
	i32(e, -1);
	u32(e, off_dx);
	for (k = 0; k < nch; k += 2)
		u32(e, u16[k] | (k + 1 < nch ? (unsigned long)u16[k + 1] << 16 :
		    0));
	for (k = 0; k < nch; k++)
		i32(e, dx[k]);
	rec1(e, EMR_SELECTOBJECT, 0x8000000du);  /* DEFAULT_GUI_FONT */
	rec1(e, EMR_DELETEOBJECT, 3);
	xmlFree(anchor);
	xmlFree(f);
	xmlFree(wt);
	xmlFree(s);
	free(u16);
	free(dx);
}

static void
draw(struct emf *e, xmlNodePtr n, double ox, double oy)
{
	xmlNodePtr k;
	const char *name;

	for (k = n->children; k != NULL && e->ok; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)k->name;
		if (strcmp(name, "title") == 0 || strcmp(name, "desc") == 0)
			continue;
		if (strcmp(name, "g") == 0) {
			char *t = (char *)xmlGetProp(k, BAD_CAST "transform");
			double tx = 0, ty = 0;

			if (t != NULL && sscanf(t, "translate(%lf%*[ ,]%lf)",
			    &tx, &ty) < 1)
				e->ok = 0;
			xmlFree(t);
			draw(e, k, ox + tx, oy + ty);
			continue;
		}
		if (strcmp(name, "text") == 0) {
			text(e, k, ox, oy);
			continue;
		}
		if (!paint(e, k, strcmp(name, "line") != 0)) {
			e->ok = 0;
			return;
		}
		if (strcmp(name, "rect") == 0) {
			double x = num(k, "x", 0) + ox, y = num(k, "y", 0) + oy;

			rec(e, EMR_RECTANGLE, 24);
			i32(e, L(e, x));
			i32(e, L(e, y));
			i32(e, L(e, x + num(k, "width", 0)));
			i32(e, L(e, y + num(k, "height", 0)));
		} else if (strcmp(name, "circle") == 0) {
			double x = num(k, "cx", 0) + ox, y = num(k, "cy", 0) + oy;
			double r = num(k, "r", 0);

			rec(e, EMR_ELLIPSE, 24);
			i32(e, L(e, x - r));
			i32(e, L(e, y - r));
			i32(e, L(e, x + r));
			i32(e, L(e, y + r));
		} else if (strcmp(name, "line") == 0) {
			double p[4] = { num(k, "x1", 0) + ox, num(k, "y1", 0) + oy,
			    num(k, "x2", 0) + ox, num(k, "y2", 0) + oy };

			poly(e, p, 2, 0);
		} else if (strcmp(name, "polyline") == 0) {
			char *pts = (char *)xmlGetProp(k, BAD_CAST "points");
			double *p = NULL;
			size_t np = 0;
			const char *s = pts;
			char *end;

			while (s != NULL && *s != '\0') {
				double v;

				while (*s == ' ' || *s == ',' || *s == '\n')
					s++;
				if (*s == '\0')
					break;
				v = strtod(s, &end);
				if (end == s)
					break;
				s = end;
				p = xrealloc(p, (np + 1) * sizeof(double));
				p[np] = v + (np % 2 == 0 ? ox : oy);
				np++;
			}
			if (np >= 4)
				poly(e, p, np / 2, 0);
			free(p);
			xmlFree(pts);
		} else if (strcmp(name, "path") == 0) {
			char *d = (char *)xmlGetProp(k, BAD_CAST "d");

			if (d == NULL || !path(e, d, ox, oy))
				e->ok = 0;
			xmlFree(d);
		} else
			e->ok = 0;      /* outside the subset */
		unpaint(e);
	}
}

char *
emf_svg(const char *svg, size_t len, double wcm, double hcm,
    size_t *outlen)
{
	xmlDocPtr doc = xmlReadMemory(svg, (int)len, "drawing.svg", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNodePtr root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	struct emf e, h;
	double vx = 0, vy = 0, vw = 0, vh = 0;
	long wpx = lround(wcm / 2.54 * 96), hpx = lround(hcm / 2.54 * 96);
	char *vb, *out = NULL;

	memset(&e, 0, sizeof(e));
	memset(&h, 0, sizeof(h));
	e.ok = 1;
	if (root == NULL || strcmp((const char *)root->name, "svg") != 0 ||
	    !(wcm > 0 && wcm < 1e4 && hcm > 0 && hcm < 1e4))
		goto out;
	vb = (char *)xmlGetProp(root, BAD_CAST "viewBox");
	if (vb == NULL || sscanf(vb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &vx,
	    &vy, &vw, &vh) != 4 || vw <= 0 || vh <= 0) {
		xmlFree(vb);
		goto out;
	}
	xmlFree(vb);
	rec1(&e, EMR_SETMAPMODE, 8);            /* MM_ANISOTROPIC */
	rec2(&e, EMR_SETWINDOWEXTEX, L(&e, vw), L(&e, vh));
	rec2(&e, EMR_SETWINDOWORGEX, L(&e, vx), L(&e, vy));
	rec2(&e, EMR_SETVIEWPORTEXTEX, wpx, hpx);
	rec2(&e, EMR_SETVIEWPORTORGEX, 0, 0);
	rec1(&e, EMR_SETBKMODE, 1);             /* TRANSPARENT */
	rec1(&e, EMR_SETPOLYFILLMODE, 2);       /* WINDING */
	draw(&e, root, 0, 0);
	if (!e.ok)
		goto out;
	rec(&e, EMR_EOF, 20);
	u32(&e, 0);
	u32(&e, 16);
	u32(&e, 20);
	/* the header, now that the size and count are known */
	rec(&h, EMR_HEADER, 108);
	i32(&h, 0);
	i32(&h, 0);
	i32(&h, wpx - 1);
	i32(&h, hpx - 1);
	i32(&h, 0);
	i32(&h, 0);
	i32(&h, lround(wcm * 1000) - 1);        /* 0.01 mm */
	i32(&h, lround(hcm * 1000) - 1);
	u32(&h, 0x464D4520);                    /* " EMF" */
	u32(&h, 0x10000);
	u32(&h, (unsigned long)(108 + e.b.len));
	u32(&h, e.nrec + 1);
	u32(&h, 4);                             /* handles: 3 + 1 */
	u32(&h, 0);                             /* no description */
	u32(&h, 0);
	u32(&h, 0);                             /* no palette */
	i32(&h, 960);                           /* the device: 96 dpi */
	i32(&h, 960);
	i32(&h, 254);
	i32(&h, 254);
	u32(&h, 0);
	u32(&h, 0);
	u32(&h, 0);
	i32(&h, 254000);
	i32(&h, 254000);
	buf_put(&h.b, e.b.data, e.b.len);
	*outlen = h.b.len;
	out = buf_detach(&h.b);
out:
	buf_free(&e.b);
	buf_free(&h.b);
	xmlFreeDoc(doc);
	return out;
}

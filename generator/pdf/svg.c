/*
 * svg.c: inline SVG as PDF vector graphics.  In: an <svg> element of
 * the document tree (the subset of docs/contract.md §1: g translate,
 * rect, circle, line, polyline, path M/L/H/V/Z, text); out: paths and
 * text through draw.c, scaled from the viewBox into a box; and, for the
 * layout dump, where its texts, markers and lines are on the page.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"
#include "tree/tree.h"

/* Paint inherited down the tree. */
struct paint {
	int	 hasfill;
	unsigned fill;
	int	 hasstroke;
	unsigned stroke;
	double	 lw;
	double	 dash[8];
	int	 ndash;
	double	 opacity, fillop, strokeop;
	double	 fontsize;
	int	 bold;
	int	 anchor;            /* 0 start, 1 middle, 2 end */
};

/* The mapping from user units to top-left page points. */
struct view {
	double	 ox, oy;            /* page position of the viewBox origin */
	double	 vx, vy;            /* viewBox min-x, min-y */
	double	 s;                 /* scale */
	double	 tx, ty;            /* accumulated translate() */
};

static const char *const known[] = {
	"svg", "g", "rect", "circle", "line", "polyline",
	"polygon", "path", "text", "tspan", "title", "desc", NULL,
};

static int
svg_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

static double
num(xmlNodePtr n, const char *name, double def)
{
	const char *a = tree_get_attr(n, name);
	char *end;
	double v;

	if (a == NULL)
		return def;
	v = strtod(a, &end);
	if (end == a || !isfinite(v))
		return def;
	return v;
}

static const struct {
	const char *name;
	unsigned rgb;
} colours[] = {
	{ "black", 0x000000 }, { "white", 0xffffff }, { "red", 0xff0000 },
	{ "green", 0x008000 }, { "blue", 0x0000ff }, { "grey", 0x808080 },
	{ "gray", 0x808080 }, { "orange", 0xffa500 }, { "yellow", 0xffff00 },
	{ "purple", 0x800080 }, { "navy", 0x000080 }, { "teal", 0x008080 },
	{ "silver", 0xc0c0c0 }, { "maroon", 0x800000 }, { "olive", 0x808000 },
	{ "lightgray", 0xd3d3d3 }, { "lightgrey", 0xd3d3d3 },
	{ "darkgray", 0xa9a9a9 }, { "darkgrey", 0xa9a9a9 },
	{ NULL, 0 },
};

/* Parses a colour: 1 set (*rgb), 0 "none", -1 not understood. */
static int
colour(const char *s, unsigned *rgb)
{
	unsigned v;
	int i, n;

	while (isspace((unsigned char)*s))
		s++;
	if (strcmp(s, "none") == 0 || strcmp(s, "transparent") == 0)
		return 0;
	if (*s == '#') {
		n = (int)strspn(s + 1, "0123456789abcdefABCDEF");
		v = (unsigned)strtoul(s + 1, NULL, 16);
		if (n == 6) {
			*rgb = v;
			return 1;
		}
		if (n == 3) {
			*rgb = ((v >> 8 & 15) * 17) << 16 |
			    ((v >> 4 & 15) * 17) << 8 | (v & 15) * 17;
			return 1;
		}
		return -1;
	}
	if (strncmp(s, "rgb(", 4) == 0) {
		int r, g, b;

		if (sscanf(s + 4, "%d , %d , %d", &r, &g, &b) == 3 &&
		    r >= 0 && r < 256 && g >= 0 && g < 256 && b >= 0 &&
		    b < 256) {
			*rgb = (unsigned)(r << 16 | g << 8 | b);
			return 1;
		}
		return -1;
	}
	for (i = 0; colours[i].name != NULL; i++)
		if (strcmp(s, colours[i].name) == 0) {
			*rgb = colours[i].rgb;
			return 1;
		}
	return -1;
}

static double
clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* The paint of n over its parent's. */
static void
inherit(xmlNodePtr n, const struct paint *up, struct paint *p)
{
	const char *a;
	unsigned c;
	int r;

	*p = *up;
	if ((a = tree_get_attr(n, "fill")) != NULL &&
	    (r = colour(a, &c)) >= 0) {
		p->hasfill = r;
		p->fill = c;
	}
	if ((a = tree_get_attr(n, "stroke")) != NULL &&
	    (r = colour(a, &c)) >= 0) {
		p->hasstroke = r;
		p->stroke = c;
	}
	p->lw = num(n, "stroke-width", p->lw);
	if ((a = tree_get_attr(n, "stroke-dasharray")) != NULL) {
		char *end;

		p->ndash = 0;
		while (*a != '\0' && p->ndash < 8) {
			double v = strtod(a, &end);

			if (end == a)
				break;
			p->dash[p->ndash++] = v;
			a = end;
			while (*a == ',' || isspace((unsigned char)*a))
				a++;
		}
		if (p->ndash % 2 == 1 && p->ndash <= 4) {
			memcpy(p->dash + p->ndash, p->dash,
			    (size_t)p->ndash * sizeof(double));
			p->ndash *= 2;
		}
	}
	p->opacity = up->opacity * clamp01(num(n, "opacity", 1));
	p->fillop = clamp01(num(n, "fill-opacity", up->fillop));
	p->strokeop = clamp01(num(n, "stroke-opacity", up->strokeop));
	p->fontsize = num(n, "font-size", p->fontsize);
	if ((a = tree_get_attr(n, "font-weight")) != NULL)
		p->bold = strcmp(a, "bold") == 0 || atoi(a) >= 600;
	if ((a = tree_get_attr(n, "text-anchor")) != NULL)
		p->anchor = strcmp(a, "middle") == 0 ? 1 :
		    strcmp(a, "end") == 0 ? 2 : 0;
}

static double
X(const struct view *v, double x)
{
	return v->ox + (x + v->tx - v->vx) * v->s;
}

static double
Y(const struct view *v, double y)
{
	return v->oy + (y + v->ty - v->vy) * v->s;
}

/* Sets the paint of p before a shape is built (closed: may fill). */
static void
style(struct drawer *d, const struct paint *p, const struct view *v,
    int closed)
{
	double dash[8];
	int i;

	for (i = 0; i < p->ndash; i++)
		dash[i] = p->dash[i] * v->s;
	draw_style(d, closed && p->hasfill, p->fill, p->hasstroke, p->stroke,
	    p->lw * v->s, dash, p->ndash, p->opacity * p->fillop,
	    p->opacity * p->strokeop);
}

/* Numbers of a points or path attribute, one at a time. */
static int
nextnum(const char **s, double *v)
{
	char *end;

	while (**s == ',' || isspace((unsigned char)**s))
		(*s)++;
	*v = strtod(*s, &end);
	if (end == *s)
		return 0;
	*s = end;
	return 1;
}

static void
path_d(struct drawer *d, const char *s, const struct view *v, int *any,
    int *closed)
{
	double x = 0, y = 0, sx = 0, sy = 0, a, b;
	int cmd = 0, started = 0;

	while (*s != '\0') {
		while (isspace((unsigned char)*s) || *s == ',')
			s++;
		if (*s == '\0')
			break;
		if (isalpha((unsigned char)*s))
			cmd = *s++;
		switch (cmd) {
		case 'M':
		case 'm':
		case 'L':
		case 'l':
			if (!nextnum(&s, &a) || !nextnum(&s, &b))
				return;
			if (cmd == 'm' || cmd == 'l') {
				a += x;
				b += y;
			}
			x = a;
			y = b;
			if (cmd == 'M' || cmd == 'm' || !started) {
				draw_moveto(d, X(v, x), Y(v, y));
				sx = x;
				sy = y;
				started = 1;
				/* more pairs after M are lines */
				cmd = cmd == 'm' ? 'l' : cmd == 'M' ? 'L' : cmd;
			} else
				draw_lineto(d, X(v, x), Y(v, y));
			*any = 1;
			break;
		case 'H':
		case 'h':
			if (!nextnum(&s, &a) || !started)
				return;
			x = cmd == 'h' ? x + a : a;
			draw_lineto(d, X(v, x), Y(v, y));
			break;
		case 'V':
		case 'v':
			if (!nextnum(&s, &a) || !started)
				return;
			y = cmd == 'v' ? y + a : a;
			draw_lineto(d, X(v, x), Y(v, y));
			break;
		case 'Z':
		case 'z':
			if (started)
				draw_closepath(d);
			x = sx;
			y = sy;
			*closed = 1;
			/* Z takes no numbers: one after it ends the path,
			 * instead of closing it again and again ("Z3") */
			cmd = 0;
			break;
		default:
			/* curves and arcs are outside the subset (warned) */
			return;
		}
	}
}

/*
 * The text of n as drawn: white space collapsed as SVG does, its size
 * and width in points (regular text no wider than the drawing was laid
 * out for: browser metrics, pk.textwidth's, so that a wider face prints
 * a little smaller and the labels of a map still clear what they
 * cleared) and its left end.  NULL when nothing is drawn; caller frees.
 */
static char *
text_measure(struct drawer *d, xmlNodePtr n, const struct paint *p,
    const struct view *v, double *psize, double *pw, double *px)
{
	char *t = tree_text_content(n);
	struct run *r;
	size_t nr, i, k, len;
	double size = p->fontsize * v->s, w = 0, x, mw;
	int font = p->bold ? PF_SANS_B : PF_SANS;
	char *q, *o;

	/* collapse white space as SVG does */
	for (q = o = t; *q != '\0'; q++)
		if (!isspace((unsigned char)*q) || (o > t && o[-1] != ' '))
			*o++ = isspace((unsigned char)*q) ? ' ' : *q;
	while (o > t && o[-1] == ' ')
		o--;
	*o = '\0';
	/* too small to read, or beyond the largest size a PDF font takes
	 * (600 pt, taller than most pages): not drawn */
	if (*t == '\0' || size <= 0.5 || size > 600) {
		free(t);
		return NULL;
	}
	nr = draw_split(d, font, t, strlen(t), &r, NULL, NULL);
	for (i = 0; i < nr; i++)
		w += draw_width(d, r[i].font, size, r[i].text, r[i].len);
	draw_runs_free(r, nr);
	for (k = 0, len = strlen(t), mw = 0; k < len;) {
		long cp = utf8_next(t, len, &k);

		mw += font_width(cp < 0 ? 0xfffd : cp) * size / 1000;
	}
	if (!p->bold && w > mw * (1 + EPS) && mw > 0) {
		size *= mw / w;
		w = mw;
	}
	x = X(v, num(n, "x", 0));
	if (p->anchor == 1)
		x -= w / 2;
	else if (p->anchor == 2)
		x -= w;
	*psize = size;
	*pw = w;
	*px = x;
	return t;
}

static void
text_el(struct drawer *d, xmlNodePtr n, const struct paint *p,
    const struct view *v)
{
	struct run *r;
	size_t nr, i;
	double size, w, x;
	int font = p->bold ? PF_SANS_B : PF_SANS;
	char *t = text_measure(d, n, p, v, &size, &w, &x);

	if (t == NULL)
		return;
	nr = draw_split(d, font, t, strlen(t), &r, NULL, NULL);
	for (i = 0; i < nr; i++) {
		draw_text(d, r[i].font, size, p->hasfill ? p->fill : 0, x,
		    Y(v, num(n, "y", 0)), r[i].text);
		x += draw_width(d, r[i].font, size, r[i].text, r[i].len);
	}
	draw_runs_free(r, nr);
	free(t);
}

static void
element(struct drawer *d, xmlNodePtr n, const struct paint *up,
    struct view v, int depth)
{
	struct paint p;
	xmlNodePtr m;
	const char *a;
	int any = 0, closed = 0;

	if (n->type != XML_ELEMENT_NODE || depth > 32)
		return;
	inherit(n, up, &p);
	if (svg_is(n, "g") || svg_is(n, "svg")) {
		if ((a = tree_get_attr(n, "transform")) != NULL &&
		    strncmp(a, "translate(", 10) == 0) {
			const char *s = a + 10;
			double tx = 0, ty = 0;

			if (nextnum(&s, &tx))
				nextnum(&s, &ty);
			v.tx += tx;
			v.ty += ty;
		}
		if (depth == 0 || svg_is(n, "g"))
			for (m = n->children; m != NULL; m = m->next)
				element(d, m, &p, v, depth + 1);
		return;
	}
	if (svg_is(n, "rect")) {
		double x = num(n, "x", 0), y = num(n, "y", 0);
		double w = num(n, "width", 0), h = num(n, "height", 0);

		if (w <= 0 || h <= 0)
			return;
		style(d, &p, &v, 1);
		draw_moveto(d, X(&v, x), Y(&v, y));
		draw_lineto(d, X(&v, x + w), Y(&v, y));
		draw_lineto(d, X(&v, x + w), Y(&v, y + h));
		draw_lineto(d, X(&v, x), Y(&v, y + h));
		draw_closepath(d);
		draw_paint(d);
	} else if (svg_is(n, "circle")) {
		double r = num(n, "r", 0);

		if (r <= 0)
			return;
		style(d, &p, &v, 1);
		draw_circle(d, X(&v, num(n, "cx", 0)), Y(&v, num(n, "cy", 0)),
		    r * v.s);
		draw_paint(d);
	} else if (svg_is(n, "line")) {
		style(d, &p, &v, 0);
		draw_moveto(d, X(&v, num(n, "x1", 0)), Y(&v, num(n, "y1", 0)));
		draw_lineto(d, X(&v, num(n, "x2", 0)), Y(&v, num(n, "y2", 0)));
		draw_paint(d);
	} else if (svg_is(n, "polyline") || svg_is(n, "polygon")) {
		const char *s = tree_get_attr(n, "points");
		double x, y;
		int first = 1;

		if (s == NULL)
			return;
		style(d, &p, &v, svg_is(n, "polygon") || p.hasfill);
		while (nextnum(&s, &x) && nextnum(&s, &y)) {
			if (first)
				draw_moveto(d, X(&v, x), Y(&v, y));
			else
				draw_lineto(d, X(&v, x), Y(&v, y));
			first = 0;
		}
		if (svg_is(n, "polygon") && !first)
			draw_closepath(d);
		draw_paint(d);
	} else if (svg_is(n, "path")) {
		if ((a = tree_get_attr(n, "d")) == NULL)
			return;
		style(d, &p, &v, 1);
		path_d(d, a, &v, &any, &closed);
		draw_paint(d);
	} else if (svg_is(n, "text"))
		text_el(d, n, &p, &v);
}

/* Warns about elements and path commands outside the subset. */
static void
check(struct diag *dg, xmlNodePtr n, const char *file, unsigned *seen,
    const xmlChar **names,
    int *nnames, int depth)
{
	xmlNodePtr m;
	const char *a;
	int i, k;

	for (m = n->children; m != NULL; m = m->next) {
		if (m->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; known[i] != NULL; i++)
			if (svg_is(m, known[i]))
				break;
		if (known[i] == NULL) {
			/* once per element name and drawing */
			for (k = 0; k < *nnames; k++)
				if (xmlStrcmp(names[k], m->name) == 0)
					break;
			if (k == *nnames) {
				diag(dg, DIAG_WARN, file, 0, 0,
				    "SVG element <%s> is not drawn in the PDF "
				    "(outside the supported subset)",
				    (const char *)m->name);
				if (*nnames < 16)
					names[(*nnames)++] = m->name;
			}
			continue;
		}
		if (svg_is(m, "path") && (a = tree_get_attr(m, "d")) != NULL &&
		    strpbrk(a, "CcSsQqTtAa") != NULL && !(*seen & 2)) {
			diag(dg, DIAG_WARN, file, 0, 0,
			    "SVG path curves and arcs are not drawn in the "
			    "PDF: the path stops there");
			*seen |= 2;
		}
		if ((a = tree_get_attr(m, "transform")) != NULL &&
		    strncmp(a, "translate(", 10) != 0 && !(*seen & 4)) {
			diag(dg, DIAG_WARN, file, 0, 0,
			    "SVG transform '%s' is not supported in the PDF: "
			    "ignored", a);
			*seen |= 4;
		}
		if (depth < 32)
			check(dg, m, file, seen, names, nnames, depth + 1);
	}
}

/* viewBox, else width/height, else 100 x 100. */
static void
viewbox(xmlNodePtr svg, double vb[4])
{
	const char *a = tree_get_attr(svg, "viewBox");

	vb[0] = vb[1] = 0;
	vb[2] = num(svg, "width", 100);
	vb[3] = num(svg, "height", 100);
	if (a != NULL) {
		double t[4];
		int i;

		for (i = 0; i < 4 && nextnum(&a, &t[i]); i++)
			;
		if (i == 4 && t[2] > 0 && t[3] > 0)
			memcpy(vb, t, sizeof(t));
	}
}

int
svg_size(struct diag *dg, xmlNodePtr svg, const char *file, double *w,
    double *h)
{
	double vb[4];
	unsigned seen = 0;
	const xmlChar *names[16];
	int nnames = 0;

	viewbox(svg, vb);
	if (!(vb[2] > 0 && vb[3] > 0 && vb[2] < 1e6 && vb[3] < 1e6)) {
		diag(dg, DIAG_WARN, file, 0, 0,
		    "an SVG drawing has no usable size: not printed");
		return 0;
	}
	check(dg, svg, file, &seen, names, &nnames, 0);
	*w = vb[2];
	*h = vb[3];
	return 1;
}

void
svg_draw(struct drawer *d, xmlNodePtr svg, double x, double y, double w,
    double h)
{
	struct paint p;
	struct view v;
	double vb[4], sx, sy;

	viewbox(svg, vb);
	memset(&p, 0, sizeof(p));
	p.hasfill = 1;
	p.fill = 0;
	p.lw = 1;
	p.opacity = p.fillop = p.strokeop = 1;
	p.fontsize = 16;
	sx = w / vb[2];
	sy = h / vb[3];
	memset(&v, 0, sizeof(v));
	v.s = sx < sy ? sx : sy;
	v.ox = x + (w - vb[2] * v.s) / 2;
	v.oy = y + (h - vb[3] * v.s) / 2;
	v.vx = vb[0];
	v.vy = vb[1];
	/* nothing outside its box, whatever the coordinates say */
	draw_clip(d, x, y, w, h);
	element(d, svg, &p, v, 0);
	draw_unclip(d);
}

/* ---- the geometry of a drawing, for the layout dump ------------------ */

/* The box of shape n (rect, circle, line, polyline, path) in page
 * points, half its stroke around it; 0 when it has none. */
static int
shape_box(xmlNodePtr n, const struct paint *p, const struct view *v,
    double b[4])
{
	const char *a = NULL;
	double x, y, hw = (p->hasstroke ? p->lw : 0) / 2;
	int any = 0;

	b[0] = b[1] = 1e9;
	b[2] = b[3] = -1e9;
#define GROW(px, py) do { double gx = X(v, px), gy = Y(v, py); \
	b[0] = fmin(b[0], gx); b[1] = fmin(b[1], gy); \
	b[2] = fmax(b[2], gx); b[3] = fmax(b[3], gy); any = 1; } while (0)
	if (svg_is(n, "rect")) {
		x = num(n, "x", 0);
		y = num(n, "y", 0);
		GROW(x, y);
		GROW(x + num(n, "width", 0), y + num(n, "height", 0));
	} else if (svg_is(n, "circle")) {
		double r = num(n, "r", 0);

		x = num(n, "cx", 0);
		y = num(n, "cy", 0);
		GROW(x - r, y - r);
		GROW(x + r, y + r);
	} else if (svg_is(n, "line")) {
		GROW(num(n, "x1", 0), num(n, "y1", 0));
		GROW(num(n, "x2", 0), num(n, "y2", 0));
	} else if (svg_is(n, "polyline") || svg_is(n, "polygon") ||
	    svg_is(n, "path")) {
		a = tree_get_attr(n, svg_is(n, "path") ? "d" : "points");
		/* the numbers two by two: M/L points (H/V are not drawn by
		 * the components whose geometry is checked) */
		while (a != NULL && *a != '\0') {
			while (*a != '\0' && !isdigit((unsigned char)*a) &&
			    *a != '-' && *a != '.')
				a++;
			if (!nextnum(&a, &x) || !nextnum(&a, &y))
				break;
			GROW(x, y);
		}
	}
#undef GROW
	if (!any)
		return 0;
	b[0] -= hw * v->s;
	b[1] -= hw * v->s;
	b[2] += hw * v->s;
	b[3] += hw * v->s;
	return 1;
}

/* Prints the geometry of n and what it holds (marker: inside the
 * nmark-th g.pk-marker, the parts of that marker). */
static void
geo(struct drawer *d, xmlNodePtr n, const struct paint *up, struct view v,
    FILE *fp, int page, int *nmark, int marker, int depth)
{
	struct paint p;
	xmlNodePtr m;
	const char *a, *cls;
	double b[4];

	if (n->type != XML_ELEMENT_NODE || depth > 32)
		return;
	inherit(n, up, &p);
	cls = tree_get_attr(n, "class");
	if (svg_is(n, "g") || svg_is(n, "svg")) {
		if ((a = tree_get_attr(n, "transform")) != NULL &&
		    strncmp(a, "translate(", 10) == 0) {
			const char *s = a + 10;
			double tx = 0, ty = 0;

			if (nextnum(&s, &tx))
				nextnum(&s, &ty);
			v.tx += tx;
			v.ty += ty;
		}
		if (tree_has_class(n, "pk-marker"))
			marker = ++*nmark;
		for (m = n->children; m != NULL; m = m->next)
			geo(d, m, &p, v, fp, page, nmark, marker, depth + 1);
		return;
	}
	if (svg_is(n, "text")) {
		double size, w, x, y = Y(&v, num(n, "y", 0));
		char *t = text_measure(d, n, &p, &v, &size, &w, &x);

		/* the glyphs: capitals above the baseline, descenders
		 * below */
		if (t != NULL)
			fprintf(fp, "%d svg-text %.2f %.2f %.2f %.2f %s %s\n",
			    page, x, y - 0.72 * size, x + w, y + 0.21 * size,
			    cls != NULL && *cls != '\0' ? cls : "-", t);
		free(t);
		return;
	}
	if (svg_is(n, "title") || svg_is(n, "desc") ||
	    !shape_box(n, &p, &v, b))
		return;
	if (marker)
		fprintf(fp, "%d svg-mark %.2f %.2f %.2f %.2f %d\n", page, b[0],
		    b[1], b[2], b[3], marker);
	else if (svg_is(n, "line") && cls != NULL)
		fprintf(fp, "%d svg-line %.2f %.2f %.2f %.2f %s\n", page,
		    X(&v, num(n, "x1", 0)), Y(&v, num(n, "y1", 0)),
		    X(&v, num(n, "x2", 0)), Y(&v, num(n, "y2", 0)), cls);
	else if (tree_has_class(n, "pk-frame"))
		fprintf(fp, "%d svg-frame %.2f %.2f %.2f %.2f\n", page, b[0],
		    b[1], b[2], b[3]);
}

void
svg_geometry(struct drawer *d, xmlNodePtr svg, double x, double y, double w,
    double h, FILE *fp, int page, int *nmark)
{
	struct paint p;
	struct view v;
	double vb[4], sx, sy;

	viewbox(svg, vb);
	memset(&p, 0, sizeof(p));
	p.hasfill = 1;
	p.lw = 1;
	p.opacity = p.fillop = p.strokeop = 1;
	p.fontsize = 16;
	sx = w / vb[2];
	sy = h / vb[3];
	memset(&v, 0, sizeof(v));
	v.s = sx < sy ? sx : sy;
	v.ox = x + (w - vb[2] * v.s) / 2;
	v.oy = y + (h - vb[3] * v.s) / 2;
	v.vx = vb[0];
	v.vy = vb[1];
	geo(d, svg, &p, v, fp, page, nmark, 0, 0);
}

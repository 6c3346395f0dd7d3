/*
 * pdf.h: private to the PDF writer (pdf.c, pdf_layout.c, pdf_draw.c,
 * pdf_svg.c, pdf_image.c) and to lua_pdfstyle.c.  Layout works in points
 * with the origin at the top left of the page, y growing down; only
 * pdf_draw.c knows libharu and turns that into PDF coordinates (and
 * pdf_image.c, which loads image files into its document).
 */
#ifndef PDF_H
#define PDF_H

#include "base/pactkit.h"
#include "lua/sandbox.h"

/* ---- boxes: what layout hands to drawing ------------------------------ */

enum box_kind {
	BOX_WORD,               /* a piece of text at a baseline */
	BOX_LINE,               /* one line of text (dump and checks only) */
	BOX_RULE,               /* a line from (x,y) to (x+w,y+h) */
	BOX_RECT,               /* filled and/or stroked rectangle */
	BOX_LINK,               /* a link area; text = href */
	BOX_SVG,                /* an inline drawing; node = <svg> */
	BOX_FIELD,              /* a form field's widget area */
	BOX_HEADER,             /* running header text */
	BOX_FOOTER,             /* running footer text */
	BOX_IMAGE,              /* an image file; text = its path */
	BOX__MAX
};

struct pdf_box {
	enum box_kind kind;
	int	 page;              /* 0-based page in its layout */
	double	 x, y, w, h;        /* top-left origin, points */
	double	 base;              /* WORD/HEADER/FOOTER: baseline y */
	int	 font;              /* enum pdf_font */
	double	 size;              /* font size, pt */
	unsigned color;             /* text or stroke colour */
	unsigned fill;              /* RECT fill colour */
	int	 hasfill;           /* RECT: 1 fill */
	double	 lw;                /* stroke width; 0: none */
	int	 dash;              /* RULE: 1 dashed */
	char	*text;              /* WORD/LINE text, LINK href, FIELD name */
	char	*value;             /* FIELD: initial value, or NULL */
	char	*label;             /* FIELD: the label text (/TU), or NULL */
	double	 measure;           /* LINE: width available */
	int	 para;              /* LINE: paragraph number, 0: none */
	int	 lineno, nlines;    /* LINE: which line of how many */
	int	 src;               /* LINK: index of the page it came from */
	int	 multiline;         /* FIELD: 1 textarea, 2 check box, 3 radio
				     * button (text: its group, value: its
				     * on state) */
	int	 checked;           /* FIELD: radio button on */
	int	 stretch;           /* grows up over the space before its item */
	xmlNodePtr node;            /* SVG: the <svg> element (borrowed) */
};

/* A place a link or bookmark can point at: an id, or a heading. */
struct pdf_anchor {
	int	 src;               /* index of the page it is in */
	char	*id;                /* element id, or NULL */
	int	 level;             /* heading level 1..6; 0: not a heading */
	char	*title;             /* heading text for outline and TOC */
	int	 page;              /* 0-based page in its layout */
	double	 y;                 /* top, points from the page top */
};

/* The result of paginating a flow. */
struct pdf_layout {
	struct pdf_box *box;
	size_t	 nbox, capbox;
	struct pdf_anchor *anchor;
	size_t	 nanchor, capanchor;
	int	 npages;
};

struct pdf_box *layout_addbox(struct pdf_layout *, enum box_kind);
void	 layout_free(struct pdf_layout *);
/* The layout as text, for tests and goldens: a "# page W H margins T R
 * B L" line, then one line per box but words: "PAGE KIND X Y W H
 * [m=MEASURE [p=PARA:LINE/LINES]] [TEXT]", in points from the top left,
 * PAGE counted from 1 after pageoff.  Header rules carry TEXT "header". */
void	 layout_dump(const struct pdf_layout *, FILE *, double pagew,
	    double pageh, const struct pdf_style *, int pageoff);

/* ---- pdf_draw.c: the only code that knows libharu --------------------- */

struct drawer;

/* A text run drawable by one face. */
struct run {
	int	 font;
	char	*text;              /* NUL-terminated, valid BMP UTF-8 */
	size_t	 len;
};

/* A new PDF for style st, saying its errors to dg; NULL when a font
 * file is missing (printed). */
struct drawer *draw_new(struct diag *dg, const struct pdf_style *);
void	 draw_free(struct drawer *);
/* Width in points of UTF-8 s (valid, BMP) in face f at size. */
double	 draw_width(struct drawer *, int f, double size, const char *,
	    size_t);
/* 1 when face f has a glyph for code point cp. */
int	 draw_has(struct drawer *, int f, long cp);
/* Splits s into runs: face f where it has the glyph, PF_FALLBACK where
 * only that has it, '?' where none has it (and for bad UTF-8 or code
 * points outside the BMP), calling warn(arg, cp, fellback, f) for each
 * (cp -1: bad UTF-8) when warn is not NULL.  Returns how many runs in
 * *out; free with draw_runs_free. */
size_t	 draw_split(struct drawer *, int f, const char *, size_t,
	    struct run **out, void (*warn)(void *, long, int, int),
	    void *arg);
void	 draw_runs_free(struct run *, size_t);
/* Adds n pages of w x h points. */
void	 draw_pages(struct drawer *, int n, double w, double h);
void	 draw_select(struct drawer *, int page);
void	 draw_text(struct drawer *, int f, double size, unsigned color,
	    double x, double base, const char *);
void	 draw_rule(struct drawer *, double x1, double y1, double x2,
	    double y2, double lw, unsigned color, int dash);
void	 draw_rect(struct drawer *, double x, double y, double w, double h,
	    int hasfill, unsigned fill, double lw, unsigned stroke);
/* Paths (SVG): draw_style sets the paint, then points, then
 * draw_paint fills and/or strokes what was built. */
void	 draw_style(struct drawer *, int hasfill, unsigned fill,
	    int hasstroke, unsigned stroke, double lw, const double *dash,
	    int ndash, double fillop, double strokeop);
void	 draw_moveto(struct drawer *, double x, double y);
void	 draw_lineto(struct drawer *, double x, double y);
void	 draw_closepath(struct drawer *);
void	 draw_circle(struct drawer *, double x, double y, double r);
void	 draw_paint(struct drawer *);
/* Drawing inside (x, y, w, h) only, until draw_unclip. */
void	 draw_clip(struct drawer *, double x, double y, double w, double h);
void	 draw_unclip(struct drawer *);
void	 draw_link_uri(struct drawer *, double x, double y, double w,
	    double h, const char *uri);
void	 draw_link_dest(struct drawer *, double x, double y, double w,
	    double h, int topage, double toy);
/* A bookmark under parent (NULL: top); returns a handle for children. */
void	*draw_outline(struct drawer *, void *parent, const char *title,
	    int page, double y);
/* A fillable field over (x,y,w,h) of the current page: text (multiline
 * 0 or 1), or check box (2; on when value is not NULL). */
void	 draw_field(struct drawer *, double x, double y, double w, double h,
	    const char *name, const char *label, const char *value,
	    int multiline, double size);
/* A radio button over (x,y,w,h) of the current page: a widget of the
 * radio group field named group (made at its first button, labelled
 * label), on in state `state`; on: the group's value is that state. */
void	 draw_radio(struct drawer *, double x, double y, double w, double h,
	    const char *group, const char *label, const char *state, int on);
void	 draw_info(struct drawer *, const char *title, const char *author,
	    const char *subject, const char *lang, long long epoch);
/* The finished PDF (to be written at path, for messages): a new buffer
 * of *len bytes (free it), or NULL (printed). */
char	*draw_finish(struct drawer *, const char *path, size_t *len);
/* An image of w x h 8-bit samples, gray or RGB, with an alpha plane (or
 * NULL), into d's PDF; a handle for draw_image, NULL when refused. */
void	*draw_image_raw(struct drawer *, const unsigned char *px, unsigned w,
	    unsigned h, int gray, const unsigned char *alpha);
/* A JPEG file's bytes into d's PDF, the same way. */
void	*draw_image_jpeg(struct drawer *, const unsigned char *, size_t);
/* An image (from draw_image_raw or _jpeg) into (x, y, w, h) of the
 * current page. */
void	 draw_image(struct drawer *, void *image, double x, double y,
	    double w, double h);

/* ---- pdf_svg.c -------------------------------------------------------- */

/* The viewBox size of svg (width/height attributes, else 100 x 100);
 * warns (file) once per element outside the subset.  1 ok, 0 unusable. */
int	 svg_size(struct diag *, xmlNodePtr svg, const char *file, double *w,
	    double *h);
/* Draws svg scaled into the box (x, y, w, h) of the current page. */
void	 svg_draw(struct drawer *, xmlNodePtr svg, double x, double y,
	    double w, double h);

/* ---- pdf_image.c: image files (PNG, JPEG, SVG) ------------------------- */

struct pdf_image;
struct images;

/* The image files of one PDF, loaded into d once each (a cache); free
 * with image_free, before draw_free. */
struct images *image_new(struct diag *, struct drawer *);
void	 image_free(struct images *);
/* The image file at path, loaded the first time; NULL when it cannot be
 * printed (said once, as file:line:col: an error for a damaged file, a
 * warning for a kind the PDF does not print). */
const struct pdf_image *image_get(struct images *, const char *path,
	    const char *file, int line, int col);
/* Its natural size in points (bitmaps at 96 dpi); returns 0 when only
 * the proportions are known (an SVG without width). */
int	 image_size(const struct pdf_image *, double *w, double *h);
/* Draws the image at path (image_get before) into (x, y, w, h). */
void	 image_draw(struct images *, const char *path, double x, double y,
	    double w, double h);

/* ---- pdf_layout.c: blocks into lines into pages ----------------------- */

struct flow;

struct flow *layout_new(struct diag *, struct drawer *, struct images *,
	    const struct pdf_style *, const char *lang, double pagew,
	    double pageh);
void	 layout_flow_free(struct flow *);
/* Appends a page's article (src: its index in the document, file: for
 * messages, title: used when it has no h1); starts on a new page (on a
 * right-hand one when recto). */
void	 layout_article(struct flow *, xmlNodePtr article, int src,
	    const char *file, const char *title, int recto);
/* The cover: title, subtitle, site title, author, date. */
void	 layout_cover(struct flow *, const char *title, const char *subtitle,
	    const char *site, const char *author, const char *date);
/* A table of contents: heading text + page number (pageoff added), each
 * line a link to its anchor (index into toc's anchors, pdf.c resolves). */
void	 layout_toc(struct flow *, const char *heading,
	    const struct pdf_layout *content, int maxlevel, int pageoff);
/* Cuts the flow into pages; out gets the boxes and anchors. */
void	 layout_paginate(struct flow *, int pageoff, struct pdf_layout *out);
/* Frees the hyphenation dictionaries. */
void	 layout_cleanup(void);

#endif /* !PDF_H */

/*
 * pdf/internal.h: what the files of pdf/ share.  Layout works in points
 * with the origin at the top left of the page, y growing down; only
 * draw.c (and drawdoc.c) knows libharu and turns that into PDF
 * coordinates; only hyph.c knows libhyphen.  The rest of pactkit sees
 * pdf/pdf.h.
 */
#ifndef PDF_INTERNAL_H
#define PDF_INTERNAL_H

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
	int	 cell;              /* FIELD: in a table cell (its lines in
				     * nlines, their spacing in measure) */
	double	 line1;             /* FIELD: its first writing line, below
				     * the box's top */
	int	 stretch;           /* grows up over the space before its item */
	xmlNodePtr node;            /* SVG: the <svg> element (borrowed) */
	int	 tag;               /* its structure slot (tag.c); 0: drawn
				     * as an artifact, LINK/FIELD: none */
	int	 art;               /* an artifact's kind: ART_* */
};

/* What an artifact is, for its marked-content properties; ART_COPY: a
 * repeated table header (its links are not annotated again when the
 * PDF is tagged: their Link elements are where the header began). */
enum { ART_PLAIN, ART_HEADER, ART_FOOTER, ART_COPY };

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
	unsigned char *land;        /* per page: 1 landscape; NULL: none */
	int	*part;              /* the pages where parts start (0-based) */
	size_t	 npart;
};

struct pdf_box *layout_addbox(struct pdf_layout *, enum box_kind);
void	 layout_free(struct pdf_layout *);
/* The layout as text, for tests and goldens: a "# page W H margins T R
 * B L" line, a "# size PAGE W H" line for each landscape page, then one
 * line per box but words: "PAGE KIND X Y W H [m=MEASURE
 * [p=PARA:LINE/LINES]] [l=LINES:SPACING[:cell]] [TEXT]", in points
 * from the top left, PAGE counted from 1 after pageoff (l=: a field to
 * write in, its writing lines).  Header rules carry TEXT "header".  A
 * document's dump (pdf.c) starts with "# pages N", "# measure M" (running
 * text's width), "# booklet W H" (its sheets), "# duplex", "# toc P",
 * "# part P" where each part starts and "# pad P" for a booklet's blank
 * pages, and ends with its drawings' geometry (svg_geometry);
 * tests/print/audit.py reads them. */
void	 layout_dump(const struct pdf_layout *, FILE *, double pagew,
	    double pageh, const struct pdf_style *, int pageoff);

/* ---- draw.c, drawdoc.c: the only code that knows libharu ------------ */

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
/* Imposition: page p of n is drawn on page phys[p] (of draw_pages),
 * moved dx[p] to the right (a booklet's two pages on a sheet side). */
void	 draw_impose(struct drawer *, int n, const int *phys,
	    const double *dx);
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
/* Links: the annotation made (for the structure tree), or NULL. */
void	*drawdoc_link_uri(struct drawer *, double x, double y, double w,
	    double h, const char *uri);
void	*drawdoc_link_dest(struct drawer *, double x, double y, double w,
	    double h, int topage, double toy);
/* A bookmark under parent (NULL: top); returns a handle for children. */
void	*drawdoc_outline(struct drawer *, void *parent, const char *title,
	    int page, double y);
/* A fillable field over (x,y,w,h) of the current page: text (multiline
 * 0 or 1), or check box (2; on when value is not NULL); its widget. */
void	*drawdoc_field(struct drawer *, double x, double y, double w, double h,
	    const char *name, const char *label, const char *value,
	    int multiline, double size);
/* A radio button over (x,y,w,h) of the current page: a widget of the
 * radio group field named group (made at its first button, labelled
 * label), on in state `state`; on: the group's value is that state. */
void	*drawdoc_radio(struct drawer *, double x, double y, double w, double h,
	    const char *group, const char *label, const char *state, int on);
void	 drawdoc_info(struct drawer *, const char *title, const char *author,
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

/* ---- drawtag.c: marked content and the structure tree ------------------ */

struct drawtag;
struct tags;

/* The tagging of d's pages (npages) from tree t (NULL or off: none, but
 * drawtag_page still selects pages); free with drawtag_free. */
struct drawtag *drawtag_new(struct drawer *, struct tags *t, int npages);
void	 drawtag_free(struct drawtag *);
/* Selects a page, closing the marked content open on another. */
void	 drawtag_page(struct drawtag *, int page);
/* What is drawn next belongs to slot (> 0), or is an artifact of kind
 * art (slot 0): opens the marked content for it unless open already. */
void	 drawtag_mark(struct drawtag *, int slot, int art);
/* Closes the marked content open, if any. */
void	 drawtag_close(struct drawtag *);
/* A Figure's box on the current page, (x, y, w, h) from its top left. */
void	 drawtag_bbox(struct drawtag *, int slot, double x, double y,
	    double w, double h);
/* Annotation annot (a link or a widget) belongs to slot's element. */
void	 drawtag_annot(struct drawtag *, int slot, void *annot);
/* The StructTreeRoot, ParentTree, MarkInfo and /Tabs; 1 ok. */
int	 drawtag_finish(struct drawtag *);

/* ---- xmp.c, drawpdfa.c: what the PDF says it is --------------------- */

/* The XMP packet's values (borrowed); empty ones are left out. */
struct xmp {
	const char *title, *author, *subject, *lang;
	const char *date;           /* ISO 8601, as the Info dates */
	const char *creator;        /* xmp:CreatorTool = Info /Creator */
	const char *producer;       /* pdf:Producer = Info /Producer */
	int	 pdfa;              /* PDF/A part (2), 0: none */
	char	 conformance;       /* 'A' or 'B' */
	int	 ua;                /* PDF/UA part (1), 0: none */
};

/* The packet: a new string. */
char	*xmp_packet(const struct xmp *);
/* PDF 1.7, DisplayDocTitle, the XMP, the sRGB output intent from icc
 * (PDF/A) and the trailer /ID, for standard std (none: nothing); after
 * drawdoc_info and the pages, before draw_finish.  1 ok, 0 (printed). */
int	 drawpdfa_finish(struct drawer *, enum pdf_standard std,
	    const char *title, const char *author, const char *subject,
	    const char *lang, long long epoch, const char *icc);

/* ---- svg.c ------------------------------------------------------------ */

/* The viewBox size of svg (width/height attributes, else 100 x 100);
 * warns (file) once per element outside the subset.  1 ok, 0 unusable. */
int	 svg_size(struct diag *, xmlNodePtr svg, const char *file, double *w,
	    double *h);
/* Prints the geometry of svg as drawn into (x, y, w, h) of page, in
 * points: "PAGE svg-text X0 Y0 X1 Y1 CLASS|- TEXT" (its glyphs: capitals
 * and descenders), "PAGE svg-mark X0 Y0 X1 Y1 N" (a part of the N-th
 * g.pk-marker, counted in *nmark across drawings), "PAGE svg-line X1 Y1
 * X2 Y2 CLASS", "PAGE svg-frame X0 Y0 X1 Y1" (rect.pk-frame). */
void	 svg_geometry(struct drawer *, xmlNodePtr svg, double x, double y,
	    double w, double h, FILE *, int page, int *nmark);
/* Draws svg scaled into the box (x, y, w, h) of the current page. */
void	 svg_draw(struct drawer *, xmlNodePtr svg, double x, double y,
	    double w, double h);

/* ---- image.c: image files (PNG, JPEG, SVG) ----------------------------- */

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

/* ---- hyph.c: hyphenation, the only code that knows libhyphen ---------- */

struct hyph;

struct hyph *hyph_new(struct diag *);
void	 hyph_free(struct hyph *);
/* The slot of lang's dictionary, loaded the first time (two at a time);
 * -1 when there are no patterns for it (said once as a note). */
int	 hyph_dict(struct hyph *, const char *lang);
/* Where word (n bytes, lowercased) may break, by dictionary slot dict:
 * libhyphen's vector into hy (n + 1 bytes, zeroed), odd where a hyphen
 * may go; 1 when usable. */
int	 hyph_word(struct hyph *, int dict, const char *word, size_t n,
	    char *hy);

/* ---- tag.c: the structure tree, built by the layout ------------------- */

/* A structure element; kid[] holds, in reading order, elements (>= 0)
 * and content slots (-1 - slot index), whose marked content the drawing
 * layer fills in (drawtag.c). */
struct tag_elem {
	const char *type;           /* a standard structure type (static) */
	int	 parent;            /* -1: the root */
	int	*kid;
	size_t	 nkid, capkid;
	char	*lang;              /* /Lang, when it differs from the parent's */
	char	*alt;               /* Figure /Alt; Link and Form: the text
				     * their annotations speak (/Contents) */
	char	*id;                /* /ID (a Note) */
	int	 scope;             /* TH: TAG_ROW, TAG_COLUMN, TAG_BOTH */
	int	 rowspan, colspan;  /* TH, TD: > 1 when spanning */
	int	 keep;              /* 1: written even when empty (cells) */
	int	 artifact;          /* 1: its content is drawn as an artifact
				     * (an image without alt text) */
};

enum { TAG_NOSCOPE, TAG_ROW, TAG_COLUMN, TAG_BOTH };

struct tags {
	struct tag_elem *e;         /* e[root] is the Document */
	size_t	 ne, cape;
	int	*slotelem;          /* the element of each content slot */
	size_t	 nslot, capslot;
	int	 on;                /* 0: tagging off, every call a no-op */
	int	 root;              /* the Document element, -1 when off */
	int	 cover, toc, back;  /* the covers' and contents' Sect, or -1 */
};

/* Where the tree stood, to go back to (a layout tried and dropped). */
struct tag_mark {
	size_t	 ne, nslot;
};

/* A tree for one PDF; on 0: no tagging (every call does nothing). */
struct tags *tag_new(int on);
void	 tag_free(struct tags *);
/* A new element of type under parent (-1: the root, made by tag_new);
 * its index, or -1 when tagging is off. */
int	 tag_open(struct tags *, int parent, const char *type);
/* The content slot (> 0) for what is drawn next in elem: the last one
 * when its last kid is a slot, else a new one; 0 when off. */
int	 tag_slot(struct tags *, int elem);
/* The element a slot belongs to, or -1. */
int	 tag_elem_of(const struct tags *, int slot);
struct tag_elem *tag_get(struct tags *, int elem);
void	 tag_mark(const struct tags *, struct tag_mark *);
void	 tag_rollback(struct tags *, const struct tag_mark *);
void	 tag_clear(struct tags *, int elem);
/* *field = a copy of s (or NULL), the old value freed. */
void	 tag_set(char **field, const char *s);
struct flow;
/* /Lang of elem from node n's lang attribute, when it differs. */
void	 tag_lang(struct flow *, int elem, xmlNodePtr n);
/* 1 when node n says it is in another language than the flow's current
 * element. */
int	 tag_lang_differs(const struct flow *, xmlNodePtr n);
/* Opens an element of type (lang from n, may be NULL) under the flow's
 * current one and makes it current; returns the previous current one,
 * to put back in f->tagcur. */
int	 tag_enter(struct flow *, const char *type, xmlNodePtr n);
/* The slot for content drawn now in the flow's current element. */
int	 tag_content(const struct flow *);
/* 0 when the current element groups blocks (a run of text in it needs a
 * P of its own), 1 when text goes straight into it. */
int	 tag_holds_text(const struct flow *);

/* ---- the typesetter: blocks into lines into pages ---------------------- */

#define CELLPAD    3            /* a table cell's padding, points */
#define INF_PEN    10000        /* penalty meaning "never break here" */
#define FORCE_PEN  (-10000)     /* penalty meaning "always break here" */
#define ASC        0.905        /* ascent, as a fraction of the size */
#define DESC       0.212        /* descent */
#define EPS        0.01

/* What an item is, for keep_intros(): a heading's line, a line of a
 * plain paragraph, or the first item of a drawing, figure, image or
 * table. */
enum { R_NONE, R_HEAD, R_PARA, R_VISUAL };

/* Page breaks before an item: a part's start (a new page, a right-hand
 * one with duplex), or a page's start inside a part, which follows on
 * the page before when that is less than half full. */
enum { BRK_NONE, BRK_PAGE, BRK_RECTO, BRK_SOFT };

struct vitem {
	double	 h;                 /* height */
	double	 before;            /* space above, dropped at a page top */
	double	 base;              /* first baseline, from the item top */
	int	 keep;              /* 1: no page break after this item */
	int	 brk;               /* BRK_*: a page break before it */
	int	 table;             /* table number, 0: none */
	int	 thead;             /* 1: the header row of its table */
	int	 role;              /* R_*: what the keeps of intros read */
	int	 land;              /* 1: on a landscape page */
	int	 hyph;              /* 1: a line ending in a hyphen */
	int	 kb;                /* 1: its keep only holds a block whole
				     * (pk-keep), which gives way rather than
				     * leave a page under a third full */
	struct pdf_box *box;        /* y relative to the item top */
	size_t	 nbox, capbox;
	int	*anc;               /* anchors placed at this item's top */
	size_t	 nanc;
};

struct deco {
	double	 x;                 /* a vertical bar left of a quote */
	unsigned color;
	double	 lw;
};

/* A group of radio buttons: one field, a widget per button. */
struct radiogrp {
	int	 src;               /* the page it is in (trees come and go) */
	xmlNodePtr form;            /* the form it belongs to (or NULL) */
	char	*html;              /* its name in the page */
	char	*name;              /* its field name in the PDF */
	char	**states;           /* its buttons' on states */
	size_t	 nstates;
};

struct ctx;

/* A page's geometry: the paper and its body (text) area, points. */
struct geom {
	double	 pw, ph;            /* page size */
	double	 bx, by, bw, bh;    /* body area */
};

struct flow {
	struct diag *diag;          /* where warnings go */
	struct drawer *d;
	struct images *img;         /* the document's image files */
	struct hyph *hyph;          /* hyphenation of the writer's run */
	/* lays out the blocks of n (block.c's walk, for a table's cells) */
	void	(*blocks)(struct flow *, const struct ctx *, xmlNodePtr);
	/* lays out the block n itself (for blocks side by side) */
	void	(*block)(struct flow *, const struct ctx *, xmlNodePtr);
	const struct pdf_style *st;
	const char *lang;
	double	 pw, ph;            /* page size, in the orientation in force */
	double	 bx, by, bw, bh;    /* body area, the same */
	struct geom geo[2];         /* portrait [0] and landscape [1] */
	int	 land;              /* 1: items go on landscape pages */
	int	 insub;             /* > 0: inside a table cell's layout */
	struct vitem *v;
	size_t	 nv, capv;
	struct pdf_layout anchors;  /* only the anchor half is used */
	int	*pend;              /* anchors waiting for the next item */
	size_t	 npend;
	struct deco deco[16];
	int	 ndeco;
	double	 forcebefore;       /* >= 0: the next item's space above */
	int	 src;               /* page of the article being laid out */
	const char *file;           /* its source, for messages */
	xmlNodePtr article;
	long	 warned[32];        /* code points warned about (per page) */
	int	 nwarned;
	int	 ntable;
	char	**fieldnames;       /* per document, to keep them unique */
	size_t	 nfieldnames;
	struct radiogrp *radio;     /* radio groups met, per document */
	size_t	 nradio;
	int	 labelend;          /* nv just after a label paragraph */
	int	 labelstart;        /* and its first item */
	int	 compactfirst;      /* the first item of a pk-compact block */
	int	 nextbrk;           /* brk for the next item */
	int	 quiet;             /* 1: no warnings (said once already) */
	int	 npara;             /* paragraphs numbered for the dump */
	int	 nest;              /* block nesting, bounded */
	struct tags *tags;          /* the document's structure tree */
	int	 tagcur;            /* the element content goes into, -1 */
	int	 hlevel;            /* the last heading level tagged */
	struct xref *xref;          /* links in print (xref_print), or NULL */
	int	 portrait;          /* 1: pk-landscape does nothing */
	struct kpcache *kpc;        /* line breaks made, or NULL */
};

/* The inline style in force. */
struct ctx {
	double	 x, w;              /* measure of running text */
	double	 right;             /* where tables, drawings and fields may
				     * reach (the frame's, or a cell's, edge) */
	int	 family;            /* PF_SERIF, PF_SANS, PF_MONO */
	int	 bold, italic;
	double	 size;
	unsigned color;
	int	 justify;           /* 1: justified, 0: ragged right */
	int	 center;            /* 1: centred lines */
	int	 depth;             /* list nesting */
	int	 nohyph;
	double	 leading;
	int	 compact;           /* fields: label on the line's left */
};

struct frag {
	int	 font;
	double	 size;
	unsigned color;
	char	*text;              /* owned; NULL: a forced line break */
	size_t	 len;
	const char *href;           /* borrowed from the tree */
	int	 nohyph;
	char	*field;             /* a checkbox's field name (owned) */
	char	*label;             /* and its label text (owned) */
	int	 checked;
	char	*state;             /* a radio button's on state (owned) */
	int	 tag;               /* its text's structure slot, 0: artifact */
	int	 ftag;              /* a box to tick: its Form element's slot */
};

struct inl {
	struct frag *fr;
	size_t	 n, cap;
};

/* Knuth-Plass items (break.c, lines.c). */
enum { IT_BOX, IT_GLUE, IT_PEN };

struct kp {
	int	 type;
	double	 w, st, sh;         /* width, stretch, shrink */
	int	 pen, flag;         /* penalty; 1: a hyphen break */
	int	 fr;                /* fragment of a box or hyphen penalty */
	size_t	 off, len;          /* box text inside the fragment */
};

struct kplist {
	struct kp *it;
	size_t	 n, cap;
};


/* xref.c: the links of a document's pages, in print. */
struct xref {
	const char *base_url;       /* the site's address, or NULL */
	const char *const *urls;    /* each page's site path, by index */
	size_t	 npages;
	const struct pdf_layout *prev; /* the pages as last paginated */
	int	 off;               /* and the pages before them */
	const char *seefmt;         /* "voir p. %d" */
	struct strset seen;         /* "src target": referenced already */
	struct xrefmade {
		char	*href;
		int	 src;       /* the page it is on */
		int	 page;      /* the number printed */
	}	*refs;
	size_t	 nrefs;
};

/* The document page href (of page src) points to, -1 when none; *hash
 * gets its "#id" or NULL. */
int	 xref_target(const struct xref *, const char *href, int src,
	    const char **hash);
/* Where href of page src lands in layout c (or a "#pk-anchor-N" of the
 * contents); 0 when not in the PDF. */
int	 xref_dest(const struct xref *, const struct pdf_layout *c,
	    const char *href, int src, int *page, double *y);
/* href's address outside the PDF, or NULL when it has none. */
char	*xref_url(const struct xref *, const char *href, int src);
/* What prints after a link whose words are text: " (voir p. 27)",
 * " (example.org/fr/outils/)" or NULL; *plain = 1 when it is no link
 * on paper.  A flow's xref hook. */
char	*xref_print(void *, const char *href, int src, const char *text,
	    int *plain);
/* 1 when every page number printed is where its link lands in c. */
int	 xref_settled(const struct xref *, const struct pdf_layout *c,
	    int off);
void	 xref_reset(struct xref *);

/* What the layouts of one PDF share (pdf.c makes it). */
struct pdf_env {
	struct diag	*diag;      /* where warnings go */
	struct drawer	*d;         /* the PDF: fonts and widths */
	struct images	*img;       /* its image files */
	struct hyph	*hyph;      /* hyphenation */
	const struct pdf_style *st;
	const char	*lang;      /* the document's language */
	double		 pw, ph;    /* the paper, points */
	struct tags	*tags;      /* its structure tree, or NULL */
	struct xref	*xref;      /* its links in print, or NULL */
	int		 portrait;  /* 1: no landscape pages (a booklet) */
	struct kpcache	*kpc;       /* line breaks made, or NULL */
};

static inline double
parskip(const struct flow *f)
{
	return f->st->parskip;
}

static inline int
is_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* layout.c: the flow of one document; free with layout_flow_free. */
struct flow *layout_new(const struct pdf_env *);
void	 layout_flow_free(struct flow *);
/* A new box of kind k at the end of item it (boxes may move). */
struct pdf_box *layout_ibox(struct vitem *, enum box_kind);
/* Appends it (copied) to the flow, with quote bars and waiting anchors;
 * returns its index. */
size_t	 layout_push(struct flow *, struct vitem *);
/* A new anchor for the next item: an element id and/or a heading. */
void	 layout_anchor(struct flow *, const char *id, int level,
	    const char *title);
void	 layout_release(struct vitem *);
/* The body text's style at the flow's measure (the style's, at most the
 * frame's width). */
void	 layout_ctx(const struct flow *, struct ctx *);
/* c widened to its right edge: for tables, drawings, code and fields. */
void	 layout_wide(const struct ctx *c, struct ctx *out);
/* The measure of running text on the flow's pages. */
double	 layout_measure(const struct flow *);
/* Portrait (0) or landscape (1) pages for the items pushed from now
 * on: the flow's page and body area become that orientation's. */
void	 layout_orient(struct flow *, int land);
/* The body height of the pages item it goes on. */
double	 layout_bh(const struct flow *, const struct vitem *);
/* White space runs to one space, none at the ends (in place). */
char	*layout_squash(char *);

/* inline.c: the runs of a paragraph. */
void	 inline_free(struct inl *);
struct frag *inline_frag(struct inl *);
/* Adds text in the style of c, split into runs the fonts can draw. */
void	 inline_text(struct flow *, struct inl *, const struct ctx *,
	    const char *s, size_t len, const char *href);
/* s (len bytes) with no-break spaces inside its dates ("10 mars 2027",
 * "March 10, 2027"), its length in *outlen; NULL when it has none. */
char	*inline_dates(const char *s, size_t len, size_t *outlen);
/* Whether n runs inside a line of text in print. */
int	 inline_is(xmlNodePtr);
void	 inline_node(struct flow *, struct inl *, const struct ctx *,
	    xmlNodePtr, const char *href);
void	 inline_walk(struct flow *, struct inl *, const struct ctx *,
	    xmlNodePtr parent, const char *href);
/* 1 when label n follows a box to tick (a choice, printed whole). */
int	 inline_choice(xmlNodePtr n);
/* s with its white space as no-break spaces; caller frees. */
char	*inline_nobreak(const char *s);

/* break.c: fragments into items for measure w, and the optimal breaks
 * (the items where lines end, in *out). */
void	 break_items(struct flow *, struct kplist *, const struct inl *,
	    double w, int justify);
size_t	 break_lines(const struct kplist *, double w, int justify, int **out);

/* kpcache.c: a paragraph's items and breaks, kept for the rest of a
 * PDF under a key of what break.c reads (caller frees the key). */
struct kpcache *kpcache_new(void);
void	 kpcache_free(struct kpcache *);
char	*kpcache_key(const struct flow *, const struct inl *, double w,
	    int justify);
int	 kpcache_get(const struct kpcache *, const char *key, struct kplist *,
	    int **br, size_t *nb);
void	 kpcache_put(struct kpcache *, const char *key, const struct kplist *,
	    const int *br, size_t nb);

/* lines.c: fragments as lines of measure (c->x, c->w), one item each;
 * keepall: no page break inside (headings); widows: two lines at least on
 * each side of a break.  Returns how many lines were made. */
size_t	 lines_set(struct flow *, struct inl *, const struct ctx *,
	    double before, int keepall, int widows);
/* A paragraph of the inline nodes first..stop (not included). */
void	 lines_para(struct flow *, const struct ctx *, xmlNodePtr first,
	    xmlNodePtr stop, double before);

/* form.c: fields to fill in. */
char	*form_name(struct flow *, xmlNodePtr);
char	*form_label(xmlNodePtr root, const char *id);
int	 form_radio(struct flow *, xmlNodePtr, struct frag *);
/* A box to tick n (check box or radio button) for fragment fr: its field
 * name, its description (/TU), its Form element (fr->ftag). */
void	 form_box(struct flow *, xmlNodePtr n, struct frag *fr);
void	 form_field(struct flow *, const struct ctx *, xmlNodePtr);

/* table.c */
void	 table_layout(struct flow *, const struct ctx *, xmlNodePtr table);
/* The element children of n two by two side by side (class pk-pairs:
 * signature blocks), each pair one item. */
void	 table_pairs(struct flow *, const struct ctx *, xmlNodePtr n);

/* figure.c: an inline drawing (<svg>) as a block, centred in c. */
void	 figure_drawing(struct flow *, const struct ctx *c, xmlNodePtr svg);
/* An image file (<img>) as a block, centred in c; caption: 1 when a
 * figcaption follows, kept with the picture. */
void	 figure_picture(struct flow *, const struct ctx *c, xmlNodePtr img,
	    int caption);

/* block.c: appends a page's article (src: its index in the document,
 * file: for messages, title: used when it has no h1), with brk (BRK_*)
 * before it. */
void	 block_article(struct flow *, xmlNodePtr article, int src,
	    const char *file, const char *title, int brk);

/* matter.c: what the cover, the colophon and the back cover say (any
 * may be NULL or empty but the title), from site.lua's identity. */
struct pdf_matter {
	const char *title, *subtitle;       /* the document's */
	const char *site;                   /* the toolkit's title */
	const char *description;            /* what it is, one line */
	const char *publisher, *publisher_url;
	const char *logo;                   /* its file on disk, or NULL */
	const char *edition;
	const char *licence, *licence_url;
	const char *cite;                   /* how to cite it */
	const char *email, *contact_url, *address;
	const char *disclaimer;
	const char *site_url;               /* base_url + lang/, or NULL */
	const char *date;                   /* "Contenu à jour au …", or NULL */
	unsigned accent;                    /* the theme's colour */
	/* labels, in the document's language */
	const char *l_about, *l_published, *l_licence, *l_cite, *l_contact,
	    *l_online;
};

/* The cover, one page. */
void	 matter_cover(struct flow *, const struct pdf_matter *);
/* The colophon, kept whole, at the end of the flow. */
void	 matter_colophon(struct flow *, const struct pdf_matter *);
/* The back cover, one page. */
void	 matter_back(struct flow *, const struct pdf_matter *);
/* A table of contents: heading text + page number (pageoff added), each
 * line a link to its anchor (index into toc's anchors, pdf.c resolves). */
void	 pages_toc(struct flow *, const char *heading,
	    const struct pdf_layout *content, int maxlevel, int pageoff);
/* Cuts the flow into pages; out gets the boxes and anchors. */
void	 pages_paginate(struct flow *, int pageoff, struct pdf_layout *out);

#endif /* !PDF_INTERNAL_H */

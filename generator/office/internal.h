/*
 * office/internal.h: the editable-document writers' shared part.
 * convert.c (with grid.c, text.c, picture.c, conv.c) turns a document's
 * page trees into the model below (model.c: paragraphs with named
 * styles, lists, tables, fill-in places, pictures); odf.c writes it as
 * ODT, docx.c (with wml.c, emf.c) as DOCX, both through package.c.
 * The rest of pactkit sees office/office.h.
 */
#ifndef OFFICE_INTERNAL_H
#define OFFICE_INTERNAL_H

#include "base/pactkit.h"
#include "output/out.h"

/* Paragraph styles: each writer names them in its own format. */
enum ostyle {
	OS_BODY,                /* body text */
	OS_TITLE,               /* the document title */
	OS_SUBTITLE,            /* its subtitle, site, date */
	OS_H1, OS_H2, OS_H3, OS_H4, OS_H5, OS_H6,
	OS_ARTICLE,             /* a MoU article: heading 3, numbered */
	OS_LIST,                /* a list item's paragraph */
	OS_CAPTION,             /* table or figure caption */
	OS_NOTE,                /* aside.pk-note: a framed notice */
	OS_META,                /* p.pk-meta: source, as-of year */
	OS_QUOTE,               /* blockquote */
	OS_CODE,                /* pre */
	OS_TERM,                /* dt */
	OS_DEF,                 /* dd */
	OS_LABEL,               /* a fill-in place's label */
	OS_FILL,                /* a ruled line to write on */
	OS_SIGN,                /* a taller ruled line: signature, seal */
	OS_LEGEND,              /* a group of fields' title */
	OS_FORMTITLE,           /* p.pk-form-title */
	OS_CELL,                /* table cell text */
	OS_CELLHEAD,            /* table header cell text */
	OS_CELLNUM,             /* a number, right-aligned */
	OS_CELLCENTER,          /* a cell of a centred column */
	OS_CELLRIGHT,           /* a cell of a right-aligned column */
	OS_CELLHEADCENTER,      /* a header cell of a centred column */
	OS_CELLHEADRIGHT,       /* a header cell of a right-aligned column */
	OS_FIGURE,              /* a picture alone, centred */
	OS_RULE,                /* hr */
	OS__MAX
};

/* Whether st is the style of a table cell's text. */
#define OS_IS_CELL(st) ((st) == OS_CELL || (st) == OS_CELLHEAD || \
	(st) == OS_CELLNUM || (st) == OS_CELLCENTER || (st) == OS_CELLRIGHT || \
	(st) == OS_CELLHEADCENTER || (st) == OS_CELLHEADRIGHT)

enum orun_kind {
	ORUN_TEXT,              /* text (flags, href, lang) */
	ORUN_BREAK,             /* a line break */
	ORUN_FIELD,             /* a fill-in place: text = its label */
	ORUN_BOX,               /* a box to tick: ☐ */
	ORUN_IMAGE,             /* a picture: image = its index */
	ORUN__MAX
};

#define OR_BOLD   1u
#define OR_ITALIC 2u
#define OR_CODE   4u
#define OR_SUP    8u
#define OR_SUB    16u

struct orun {
	enum orun_kind kind;        /* what it is */
	char	*text;              /* text; a field's or box's label */
	unsigned flags;             /* OR_* */
	char	*href;              /* a link: "#bookmark" or an absolute URL */
	char	*lang;              /* a language tag other than the document's */
	char	*name;              /* a field's or box's form name */
	int	 multiline;         /* a field: a textarea */
	int	 radio;             /* a box: one of a one-answer group */
	size_t	 image;             /* ORUN_IMAGE: index in odoc.images */
};

enum oblock_kind {
	OB_PARA,                /* a paragraph of runs */
	OB_TABLE,               /* a table */
	OB_LIST,                /* a list of items */
};

struct oblock;

/* A sequence of blocks (the document, a cell, a list item). */
struct oblocks {
	struct oblock *v;           /* the blocks */
	size_t	 n, cap;            /* used, allocated */
};

struct ocell {
	int	 header;            /* a th */
	int	 colspan, rowspan;  /* 1 unless spanning */
	int	 covered;           /* a slot under another cell's span */
	int	 top;               /* a form cell: aligned at the top */
	struct oblocks body;        /* its paragraphs */
};

enum otable_kind {
	OT_DATA,                /* a table of the tree: ruled, header row */
	OT_FORM,                /* label | writing line: no rules */
};

struct otable {
	enum otable_kind kind;      /* data or form layout */
	size_t	 nrows, ncols;      /* the grid */
	size_t	 headrows;          /* rows repeated on each page */
	struct ocell *cell;         /* nrows * ncols, row-major */
	double	*width;             /* each column's share, adds up to 1 */
	int	 keep;              /* keep the table on one page */
};

struct oitem {
	struct oblocks body;        /* the item's blocks */
};

struct olist {
	int	 ordered;           /* ol */
	int	 start;             /* first number */
	int	 id;                /* numbering instance, from 1 */
	struct oitem *item;         /* the items */
	size_t	 nitem;
};

struct oblock {
	enum oblock_kind kind;      /* para, table, list */
	enum ostyle style;          /* OB_PARA: its style */
	struct orun *run;           /* OB_PARA: its runs */
	size_t	 nrun, caprun;
	char	*bookmark;          /* a link target at this block, or NULL */
	int	 pagebreak;         /* starts a new page */
	int	 keep;              /* keep with the next block */
	int	 number;            /* OS_ARTICLE: its number (1 restarts) */
	struct otable *table;       /* OB_TABLE */
	struct olist *list;         /* OB_LIST */
};

struct oimage {
	char	*part;              /* "media/image3.png" (under the package's
	                             * picture folder) */
	char	*mime;              /* "image/png", "image/jpeg", "image/svg+xml" */
	char	*data;              /* the file's bytes */
	size_t	 len;
	int	 svg;               /* an SVG (an inline drawing or a file) */
	int	 subset;            /* an SVG in contract §1's subset */
	double	 wcm, hcm;          /* printed size */
	char	*alt;               /* its text alternative */
};

/* One document in one language, ready for a writer. */
struct odoc {
	const char *lang;           /* "fr" */
	char	*langtag;           /* "fr-FR", "en-GB", "en-US" */
	const char *title;          /* document title */
	const char *subtitle;       /* may be "" */
	const char *site;           /* site title */
	const char *author;         /* may be "" */
	const char *pageof;         /* "page %d of %d" */
	double	 pagew, pageh;      /* cm */
	double	 margin;            /* cm, each side */
	struct oblocks body;        /* the blocks */
	struct oimage *images;      /* the pictures */
	size_t	 nimages;
	int	 nlists;            /* numbering instances used */
	int	 nfields;           /* fill-in places */
	long long epoch;            /* SOURCE_DATE_EPOCH or the clock */
};

/* model.c: the model's parts. */
/* The inline state a run inherits. */
struct ictx {
	unsigned flags;             /* OR_* */
	const char *href;           /* the link */
	const char *lang;           /* a language tag, NULL: the document's */
	int	 pre;               /* keep spaces and newlines */
};
/* A new block of kind k, style st at the end of bs (zeroed but for
 * those); a new run of kind k at the end of b.  Pointers into bs or b
 * last until the next one is added. */
struct oblock *model_block(struct oblocks *bs, enum oblock_kind k,
	    enum ostyle st);
struct orun *model_run(struct oblock *b, enum orun_kind k);
/* Whether b's text so far ends with a space (or is empty). */
int	 model_ends_space(const struct oblock *b);
/* s (len bytes) into b as x says: spaces collapsed as HTML does, or
 * kept (x->pre, where newlines become breaks); one run with the last
 * when nothing differs. */
void	 model_text(struct oblock *b, const char *s, size_t len,
	    const struct ictx *x);
/* Drops a paragraph's trailing space. */
void	 model_trim(struct oblock *b);
/* Adds a picture (data: its bytes, taken) of wpx x hpx CSS pixels,
 * fitted to the page: its index in d->images. */
size_t	 model_image(struct odoc *d, char *data, size_t len, const char *ext,
	    const char *mime, double wpx, double hpx, const char *alt);
/* The text width of d, in cm. */
double	 model_textwidth(const struct odoc *);
/* Splits "page %d of %d" around its two numbers: *pre, *mid, *post
 * (new strings; free them).  0 when fmt does not have both. */
int	 model_pageof(const char *fmt, char **pre, char **mid, char **post);
/* Frees b's runs; what d holds (not d itself). */
void	 model_runs_free(struct oblock *b);
void	 model_free(struct odoc *);
/* The font a box to tick (U+2610) is set in. */
#define OFFICE_BOXFONT "DejaVu Sans"

/* conv.c: the state of one document's conversion. */
struct conv {
	const struct project *p;    /* the project */
	struct odoc *d;             /* what is built */
	struct page **pages;        /* the document's pages */
	size_t	 npages;
	size_t	 cur;               /* the page being converted */
	struct strmap marks;        /* "page#id" -> bookmark name (owned) */
	struct strmap labels;       /* a control id -> its label text (owned) */
	struct strmap controls;     /* a control id -> its type ("box"...) */
	struct strset hidden;       /* controls whose label only screen
	                             * readers get */
	int	 nmarks;            /* bookmarks named */
	int	 ok;                /* 0 once an error is printed */
	/* convert.c's block converter, for the cells of grid.c's tables:
	 * parent's children (blocks) or its child k alone (block1) into
	 * out, in style st */
	void	(*blocks)(struct conv *, xmlNodePtr parent, struct oblocks *out,
		    enum ostyle st);
	void	(*block1)(struct conv *, xmlNodePtr parent, xmlNodePtr k,
		    struct oblocks *out, enum ostyle st);
};
/* An error (c->ok becomes 0) or a warning at node n of the current page;
 * fmt has one %s, arg. */
void	 conv_err(struct conv *, xmlNodePtr n, const char *fmt,
	    const char *arg);
void	 conv_warn(struct conv *, xmlNodePtr n, const char *fmt,
	    const char *arg);
/* The language tag of code: "fr" -> fr-FR; "en" -> en-US on Letter
 * paper, else en-GB; a tag with a region as it is.  A new string. */
char	*conv_langtag(const struct site *, const char *code);
/* The bookmark of element id (NULL: the page's top) of page, named
 * at its first use. */
const char *conv_mark(struct conv *, size_t page, const char *id);
/* A link of the current page as the documents keep it: "#bookmark",
 * an absolute URL; NULL: none.  A new string. */
char	*conv_link(struct conv *, const char *href);

/* picture.c: the picture an img names through data-pk-file, or an
 * inline svg as a standalone file: its index in c->d->images, or -1
 * (the alt text stands for it; said). */
long	 picture_file(struct conv *, xmlNodePtr img);
long	 picture_svg(struct conv *, xmlNodePtr svg);

/* text.c: running text. */
/* n (a text or inline node) into b, as x says. */
void	 text_inline(struct conv *, xmlNodePtr n, struct oblock *b,
	    const struct ictx *x);
/* Whether n is an element of running text (or text); whether it is a
 * text node of spaces only. */
int	 text_is_inline(xmlNodePtr n);
int	 text_blank(xmlNodePtr n);
/* A paragraph of style st holding n's children, at the end of out. */
struct oblock *text_para(struct conv *, struct oblocks *out, xmlNodePtr n,
	    enum ostyle st);
/* Ends the paragraph inline nodes went to (*run: its index; SIZE_MAX
 * none); drops it when empty. */
void	 text_end(struct oblocks *out, size_t *run);
/* Whether n is a box to tick; the label of a control. */
int	 text_is_box(xmlNodePtr n);
const char *text_label(struct conv *, xmlNodePtr ctl);
/* A fill-in place (or a box) inside the paragraph b; a control and the
 * writing lines around it as blocks of out. */
void	 text_field(struct conv *, struct oblock *b, xmlNodePtr n);
void	 text_field_block(struct conv *, struct oblocks *out, xmlNodePtr n,
	    enum ostyle st);

/* grid.c: the table t; the label / control pairs of n as a form table. */
void	 grid_table(struct conv *, struct oblocks *out, xmlNodePtr t);
void	 grid_form(struct conv *, struct oblocks *out, xmlNodePtr n);

/* convert.c: the pages (npages) of p into d (its title, language and
 * page set by the caller); 1 ok, 0 (printed). */
int	 convert_doc(const struct project *p, struct page **pages,
	    size_t npages, struct odoc *d);

/* package.c: a ZIP package built in memory, written through the
 * output layer.  Entries keep their order; times come from epoch.
 * Returns a new package; free with package_free. */
struct package;
struct package *package_new(struct out *, const char *path,
	    long long epoch);
/* Adds a part (copied); store: no compression.  1 ok, 0 (printed). */
int	 package_add(struct package *, const char *name,
	    const void *data, size_t len, int store);
/* Adds a libxml2 document, serialised as UTF-8 (doc not freed). */
int	 package_xml(struct package *, const char *name, xmlDocPtr);
/* Writes the package to path; 1 ok, 0 (printed).  Frees z. */
int	 package_write(struct package *, const char *path);
void	 package_free(struct package *);

/* odf.c: d as an ODT package at path; 1 ok, 0 (printed). */
int	 odf_write(struct out *, const struct odoc *, const char *path);
/* docx.c: d as a DOCX package at path; 1 ok, 0 (printed). */
int	 docx_write(struct out *, const struct odoc *, const char *path);

/* wml.c: WordprocessingML for docx.c.  Lengths in twentieths of a
 * point (twips) and in EMU (drawings). */
#define TWIPS(cm) ((long)((cm) * 1440 / 2.54 + 0.5))
#define EMU(cm) ((long)((cm) * 360000 + 0.5))
/* The namespaces of a part whose root wml_root made. */
struct wml_ns {
	xmlNsPtr w, r, wp, a, pic, w14, asvg;
};
/* A relationship of document.xml. */
struct wml_rel {
	const char *type;           /* after the relationships URI, or whole */
	const char *target;         /* a part or a URL */
	int	 external;          /* TargetMode="External" */
};
/* <w:NAME/> under parent. */
xmlNodePtr wml_el(xmlNodePtr parent, xmlNsPtr, const char *name);
/* w:NAME="v" (wml_attrl: a number) on n. */
void	 wml_attr(xmlNodePtr n, xmlNsPtr, const char *name, const char *v);
void	 wml_attrl(xmlNodePtr n, xmlNsPtr, const char *name, long v);
/* <w:NAME w:val="v"/> under parent (no w:val when v is NULL). */
xmlNodePtr wml_val(xmlNodePtr parent, xmlNsPtr, const char *name,
	    const char *v);
/* <w:t xml:space="preserve">s</w:t> under the run r. */
void	 wml_text(xmlNodePtr r, xmlNsPtr, const char *s);
/* The style id of a paragraph style ("Heading1"). */
const char *wml_style_id(enum ostyle);
/* The root element NAME of doc with every namespace a part may use. */
xmlNodePtr wml_root(xmlDocPtr doc, const char *name, struct wml_ns *);
/* The package's parts: word/styles.xml, word/numbering.xml (numbering
 * instance i+1 is abstract list nums[i], restarted at starts[i] when
 * that is above 0), header1.xml or footer1.xml, settings.xml, a
 * relationships part, [Content_Types].xml, docProps/core.xml and
 * docProps/app.xml.  Each a new document; free with xmlFreeDoc. */
xmlDocPtr wml_styles(const struct odoc *);
xmlDocPtr wml_numbering(const int *nums, const int *starts, int nnums);
xmlDocPtr wml_header(const struct odoc *, int footer);
xmlDocPtr wml_settings(const struct odoc *);
xmlDocPtr wml_rels(const struct wml_rel *, size_t n);
xmlDocPtr wml_types(void);
xmlDocPtr wml_core(const struct odoc *);
xmlDocPtr wml_app(void);
/* emf.c: an SVG of contract §1's subset (svg, len) drawn as an EMF
 * of w x h cm; returns a new buffer (free it) or NULL when the SVG
 * leaves the subset. */
char	*emf_svg(const char *svg, size_t len, double wcm, double hcm,
	    size_t *outlen);

#endif /* !OFFICE_INTERNAL_H */

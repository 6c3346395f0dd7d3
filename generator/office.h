/*
 * office.h: the editable-document writers' shared part.  office.c turns
 * a document's page trees into the model below (paragraphs with named
 * styles, lists, tables, fill-in places, pictures); odf.c writes it as
 * ODT, docx.c as DOCX, both through office_zip.c.  Neither writer
 * includes the other's header, nor the PDF or HTML writer's.
 */
#ifndef OFFICE_H
#define OFFICE_H

#include "pactkit.h"

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
	OS_FIGURE,              /* a picture alone, centred */
	OS_RULE,                /* hr */
	OS__MAX
};

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

/* office.c */
/* The text width of d, in cm. */
double	 office_textwidth(const struct odoc *);
/* Splits "page %d of %d" around its two numbers: *pre, *mid, *post
 * (new strings; free them).  0 when fmt does not have both. */
int	 office_pageof(const char *fmt, char **pre, char **mid, char **post);
/* Frees what d holds (not d itself). */
void	 office_free(struct odoc *);
/* The font a box to tick (U+2610) is set in. */
#define OFFICE_BOXFONT "DejaVu Sans"

/* office_zip.c: a ZIP package built in memory, written with
 * util_writefile.  Entries keep their order; times come from epoch.
 * Returns a new package; free with office_zip_free. */
struct office_zip;
struct office_zip *office_zip_new(long long epoch);
/* Adds a part (copied); store: no compression.  1 ok, 0 (printed). */
int	 office_zip_add(struct office_zip *, const char *name,
	    const void *data, size_t len, int store);
/* Adds a libxml2 document, serialised as UTF-8 (doc not freed). */
int	 office_zip_xml(struct office_zip *, const char *name, xmlDocPtr);
/* Writes the package to path; 1 ok, 0 (printed).  Frees z. */
int	 office_zip_write(struct office_zip *, const char *path);
void	 office_zip_free(struct office_zip *);

/* odf.c: d as an ODT package at path; 1 ok, 0 (printed). */
int	 odf_write(const struct odoc *, const char *path);
/* docx.c: d as a DOCX package at path; 1 ok, 0 (printed). */
int	 docx_write(const struct odoc *, const char *path);
/* docx_emf.c: an SVG of contract §1's subset (svg, len) drawn as an EMF
 * of w x h cm; returns a new buffer (free it) or NULL when the SVG
 * leaves the subset. */
char	*docx_emf(const char *svg, size_t len, double wcm, double hcm,
	    size_t *outlen);

#endif /* !OFFICE_H */

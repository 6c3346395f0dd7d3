/*
 * pdf/drawer.h: the drawing layer's own state, shared by draw.c and
 * drawdoc.c, the only files that know libharu (hpdf.h).
 */
#ifndef PDF_DRAWER_H
#define PDF_DRAWER_H

#include <hpdf.h>

#include "pdf/internal.h"

#define NGS 16                  /* opacity graphics states kept */
#define PAGE_ZLEVEL 4           /* page contents: zlib level (libharu: 6) */
#define FONT_ZLEVEL 1           /* embedded fonts' files: zlib level */

/* A radio group's field: its widgets are its /Kids. */
struct radiofield {
	char	*name;
	HPDF_Dict field;
	HPDF_Array kids;
};

struct drawer {
	struct diag *diag;         /* where errors go */
	HPDF_Doc pdf;
	const struct pdf_style *st;
	const char *fontname[PF__MAX]; /* after LoadTTFontFromFile */
	HPDF_FontDef def[PF__MAX];
	HPDF_Font font[PF__MAX];    /* after GetFont: embedded */
	int	 broken[PF__MAX];   /* 1: failed to load, not retried */
	HPDF_Page *pages;
	int	 npages;
	int	*phys;              /* imposed: each page's sheet side, */
	double	*dx;                /* and how far right it is drawn */
	int	 nlogical;          /* pages imposed (0: none) */
	int	 cur;               /* the page drawn on, imposed: -1 none */
	int	 moved;             /* 1: inside its translation (q .. Q) */
	HPDF_Page page;             /* current page */
	double	 pageh;             /* its height, for y flips */
	int	 intext;            /* inside BT..ET */
	int	 tfont;             /* face and size set in this BT */
	double	 tsize;
	unsigned tcolor;
	struct buf tj;              /* the open TJ array (empty: none) */
	double	 pen;               /* where its next glyph goes, PDF space */
	float	 hx, hy;            /* libharu's text position, single */
	long long ox, oy;           /* where its TextOut put the last piece */
	long long qx, qy;           /* our line origin (ox, oy: 1e-5 pt) */
	HPDF_Dict acroform;         /* catalog /AcroForm, made on first field */
	HPDF_Array fields;
	struct radiofield *radio;   /* radio groups, by name */
	size_t	 nradio;
	HPDF_ExtGState gs[NGS];     /* cached by opacity (fill, stroke) */
	double	 gsf[NGS], gss[NGS];
	int	 ngs;
	int	 errors;            /* libharu errors seen */
	int	 inpath;            /* between draw_style and draw_paint */
	int	 pathops;           /* path operators since draw_style */
	int	 pfill, pstroke;    /* what draw_paint will do */
	short	*wcache[PF__MAX];   /* advance per BMP code point, or WNONE */
	unsigned char *drawn[PF__MAX]; /* code points drawn in the face's
				     * own font, one bit each */
	signed char *hcache[PF__MAX]; /* glyph in the face: -1 not asked yet */
	HPDF_Font formfont;         /* the sans face as WinAnsi TrueType,
				     * for form fields (draw_formfont) */
};

#define WNONE (-32768)          /* width not asked yet */

/* drawdoc.c: s as a PDF text string (UTF-16BE unless plain ASCII). */
HPDF_String drawdoc_text(struct drawer *, const char *s);
/* draw.c: the fields' font, the sans face as a simple TrueType font in
 * WinAnsiEncoding (every code's width and glyph written), or NULL. */
HPDF_Font draw_formfont(struct drawer *);
/* drawform.c: field's /DA and /AP for value (may be NULL) in a box of
 * w x h: one line shrunk to fit, or several lines wrapped. */
void	 drawform_text(struct drawer *, HPDF_Dict field, double w, double h,
	    const char *value, int multiline, double size);
/* The pages finished (text object ended, imposed translation undone)
 * and their contents compressed: nothing more is drawn.  draw_finish
 * does it if not done. */
void	 draw_close_pages(struct drawer *);
/* Ends the text object in progress (BT..ET), if any. */
void	 draw_endtext(struct drawer *);
/* 0xRRGGBB as libharu's three fractions. */
void	 draw_rgb(unsigned, double *r, double *g, double *b);

#endif /* !PDF_DRAWER_H */

/*
 * tree/elem.h: the one table of the tree's elements (elem.c) and how
 * each stage reads them: what pk.h may build, what the HTML writer
 * serialises how, what runs inside a line for typography, the PDF and
 * the office writer.  tree/tree.h includes it.
 */
#ifndef TREE_ELEM_H
#define TREE_ELEM_H

#include <stddef.h>

/* What pk.h may build of an element (lua/ltree.c). */
enum elem_kind {
	ELEM_NOLUA = 0,             /* not from pk.h */
	ELEM_HTML,                  /* an HTML element */
	ELEM_VOID,                  /* an HTML element without children */
	ELEM_TEXTONLY,              /* an HTML element holding text only */
	ELEM_SVGROOT,               /* svg: SVG inside HTML */
	ELEM_SVG,                   /* an SVG element */
	ELEM_SVGTEXT,               /* an SVG element holding text */
};

/* How the other stages read it: one flag per use. */
enum {
	ELEM_H_VOID = 1,            /* HTML writer: no end tag */
	ELEM_H_BLOCK = 2,           /* HTML writer: a newline after the end */
	ELEM_H_NLSTART = 4,         /* HTML writer: a newline after the start */
	ELEM_PHRASING = 8,          /* in a line of text (tree_is_inline) */
	ELEM_PDF_INLINE = 16,       /* the PDF sets it in a line of text */
	ELEM_TYPO_SKIP = 32,        /* typography leaves its text alone */
	ELEM_TYPO_BLOCK = 64,       /* typography: a new block of text */
	ELEM_OFFICE_INLINE = 128,   /* ODT/DOCX: in a line of text */
};

struct elem {
	const char	*name;
	unsigned char	 lua;       /* enum elem_kind */
	unsigned char	 flags;     /* ELEM_H_VOID ... ELEM_OFFICE_INLINE */
};

/* The element named name, or NULL (not one of ours). */
const struct elem *elem_get(const char *name);
/* Its flags; 0 for an unknown name. */
int	 elem_flags(const char *name);
/* The names pk.h may build, in name order, into names (max); returns
 * how many. */
size_t	 elem_lua_names(const char **names, size_t max);

#endif /* !TREE_ELEM_H */

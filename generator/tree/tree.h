/*
 * tree/tree.h: the document tree every stage shares (docs/contract.md
 * §1): an XHTML document in libxml2 nodes, linked at once into their
 * parent (the xmlDoc frees them all), with source positions, heading ids,
 * and one table of the elements and how each stage reads them.
 */
#ifndef TREE_TREE_H
#define TREE_TREE_H

#include "base/pactkit.h"

/* ---- tree.c: constructors and walks ------------------------------------- */

xmlNodePtr tree_el(xmlNodePtr parent, const char *name);
xmlNodePtr tree_el_text(xmlNodePtr parent, const char *name, const char *text);
void	 tree_text(xmlNodePtr parent, const char *text);
void	 tree_attr(xmlNodePtr, const char *name, const char *value);
const char *tree_get_attr(xmlNodePtr, const char *name); /* borrowed */
/* Whether n is an element named name. */
int	 tree_is(xmlNodePtr n, const char *name);
/* Whether element n has the class cls (a whole word of its class). */
int	 tree_has_class(xmlNodePtr n, const char *cls);
/* Whether n is an element in the SVG namespace. */
int	 tree_is_svg(xmlNodePtr n);
/* Source position kept on a node (its line and column in the page). */
void	 tree_set_pos(xmlNodePtr, int line, int col);
int	 tree_pos(xmlNodePtr, int *line, int *col);
/* Whether element n runs inside a line of text (HTML's phrasing
 * elements), as opposed to a block that stands apart. */
int	 tree_is_inline(xmlNodePtr);
/* All text below node, concatenated; caller frees. */
char	*tree_text_content(xmlNodePtr);
/* A slug for heading ids: lowercase ASCII, accents folded, '-' between. */
char	*tree_slug(const char *);
/* Gives every heading a unique id (slug of its text); with ids, leaves
 * there every id of the tree (caller frees). */
void	 tree_ids(xmlNodePtr root, struct strset *ids);
int	 tree_is_safe_url(const char *url); /* no javascript:, vbscript:, data: */

/* ---- elem.c: the elements and how each stage reads them ----------------- */

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

#endif /* !TREE_TREE_H */

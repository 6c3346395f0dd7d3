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

/* elem.c: the elements and how each stage reads them. */
#include "tree/elem.h"

#endif /* !TREE_TREE_H */

/*
 * a11y.c: what would keep a page from reading well aloud.  In: a page's
 * document tree; out: warnings (errors with --strict) naming file:line:col
 * for an image without alt text, a heading level skipped (#### after #;
 * a component's own headings are followed, not warned about)
 * and a table without header cells.  The site and the tagged PDF are
 * made all the same, as well as they can be (pdf/block.c, pdf/table.c).
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

struct a11y_walk {
	struct diag *diag;
	const char *file;
	int	 level;             /* the last heading level met */
	int	 incomp;            /* > 0: inside a component's output */
};

static int
heading_level(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE || n->name[0] != 'h' ||
	    n->name[1] < '1' || n->name[1] > '6' || n->name[2] != '\0')
		return 0;
	return n->name[1] - '0';
}

static int
has_h1(xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = n->children; m != NULL; m = m->next)
		if (heading_level(m) == 1 || (m->type == XML_ELEMENT_NODE &&
		    !tree_is_svg(m) && has_h1(m)))
			return 1;
	return 0;
}

/* Whether table t has a header cell anywhere. */
static int
has_th(xmlNodePtr t)
{
	xmlNodePtr m;

	for (m = t->children; m != NULL; m = m->next) {
		if (tree_is(m, "th"))
			return 1;
		if (tree_is(m, "table"))
			continue;           /* a table of its own */
		if (m->type == XML_ELEMENT_NODE && has_th(m))
			return 1;
	}
	return 0;
}

/* Marked as decoration on purpose (raw HTML, a component). */
static int
decorative(xmlNodePtr n)
{
	const char *r = tree_get_attr(n, "role"), *h;

	h = tree_get_attr(n, "aria-hidden");
	return (r != NULL && (strcmp(r, "presentation") == 0 ||
	    strcmp(r, "none") == 0)) || (h != NULL && strcmp(h, "true") == 0);
}

static void
walk(struct a11y_walk *a, xmlNodePtr n)
{
	xmlNodePtr m;
	int line, col, lv;

	for (m = n->children; m != NULL; m = m->next) {
		if (m->type != XML_ELEMENT_NODE || tree_is_svg(m) ||
		    tree_is(m, "nav") || tree_is(m, "template"))
			continue;
		tree_pos(m, &line, &col);
		if ((lv = heading_level(m)) > 0) {
			/* a component's headings are its own levels (the
			 * author cannot change them): followed, not said */
			if (a->incomp > 0)
				;
			else if (lv > a->level + 1 && a->level == 0)
				diag(a->diag, DIAG_WARN, a->file, line, col,
				    "heading level skipped: the first heading "
				    "is h%d (%.*s), not h1 (#): screen readers "
				    "list headings by level; the PDF tags it h1",
				    lv, lv, "######");
			else if (lv > a->level + 1)
				diag(a->diag, DIAG_WARN, a->file, line, col,
				    "heading level skipped: h%d after h%d "
				    "(%.*s after %.*s): screen readers list "
				    "headings by level; the PDF tags it h%d",
				    lv, a->level, lv, "######", a->level,
				    "######", a->level + 1);
			a->level = lv > a->level + 1 ? a->level + 1 : lv;
			continue;
		}
		if (tree_is(m, "img")) {
			const char *alt = tree_get_attr(m, "alt");
			const char *src = tree_get_attr(m, "src");

			if (!decorative(m) && (alt == NULL ||
			    alt[strspn(alt, " \t\r\n")] == '\0'))
				diag(a->diag, DIAG_WARN, a->file, line, col,
				    "image '%s' has no alt text: say what it "
				    "shows, ![what it shows](%s); without it, "
				    "screen readers skip it and the PDF tags it "
				    "as decoration", src != NULL ? src : "",
				    src != NULL ? src : "");
			continue;
		}
		if (tree_is(m, "table") && !has_th(m))
			diag(a->diag, DIAG_WARN, a->file, line, col,
			    "table without a header row (no <th>): screen "
			    "readers cannot say which column a cell is in; "
			    "give it one (a Markdown table's first row)");
		if (tree_has_class(m, "pk-component")) {
			a->incomp++;
			walk(a, m);
			a->incomp--;
		} else
			walk(a, m);
	}
}

void
a11y_tree(struct diag *dg, const char *file, xmlNodePtr root)
{
	struct a11y_walk a;

	if (root == NULL)
		return;
	a.diag = dg;
	a.file = file;
	a.incomp = 0;
	/* a page without an h1 has its title as one (site and PDF) */
	a.level = has_h1(root) ? 0 : 1;
	walk(&a, root);
}

void
a11y_page(const struct project *p, const struct page *pg)
{
	if (pg->doc != NULL)
		a11y_tree(p->build->diag, pg->src,
		    xmlDocGetRootElement(pg->doc));
}

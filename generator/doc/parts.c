/*
 * parts.c: what of its pages a document keeps.  In: a document's
 * settings (examples = false, worksheets_only = true) and the trees of
 * its pages; out: copies of the trees without the parts it leaves out,
 * for the PDF and office writers (the pages themselves stay whole for
 * the site and the other documents); and a booklet's copies, without
 * the blank worksheets.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

static int
is_component(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && tree_has_class(n, "pk-component");
}

static int
is_blank(xmlNodePtr n)
{
	const char *a = tree_get_attr(n, "data-pk-blank");

	return a != NULL && strcmp(a, "1") == 0;
}

/* The "pk-NAME" class of component n (after pk-component), or NULL;
 * the caller frees. */
static char *
component_name(xmlNodePtr n)
{
	const char *cls = tree_get_attr(n, "class"), *p, *e;

	for (p = cls; p != NULL && *p != '\0'; p = e) {
		while (*p == ' ')
			p++;
		for (e = p; *e != '\0' && *e != ' '; e++)
			;
		if (e - p > 3 && strncmp(p, "pk-", 3) == 0 &&
		    strncmp(p, "pk-component", (size_t)(e - p)) != 0)
			return xstrndup(p, (size_t)(e - p));
	}
	return NULL;
}

static int
heading_level(xmlNodePtr n)
{
	if (n->type == XML_ELEMENT_NODE && n->name[0] == 'h' &&
	    n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0')
		return n->name[1] - '0';
	return 0;
}

/* Adds to set the names of the blank worksheets of the tree at root. */
static void
blank_names(xmlNodePtr root, struct strset *set)
{
	xmlNodePtr m;
	char *name;

	for (m = root->children; m != NULL; m = m->next)
		if (is_component(m) && is_blank(m) &&
		    (name = component_name(m)) != NULL) {
			strset_add(set, name);
			free(name);
		}
}

/*
 * Takes component m out of its tree, with the section of the page it
 * sits in (from the heading above it to the next heading of that level)
 * when that section holds no other component; returns the node after
 * what it took out.
 */
static xmlNodePtr
drop_with_section(xmlNodePtr m)
{
	xmlNodePtr h, e, k, next = m->next;
	int level, others;

	/* the heading above it, no other component between */
	for (h = m->prev; h != NULL && heading_level(h) == 0 &&
	    !is_component(h); h = h->prev)
		;
	if (h == NULL || heading_level(h) < 2) {
		xmlUnlinkNode(m);
		xmlFreeNode(m);
		return next;
	}
	level = heading_level(h);
	for (e = h->next, others = 0; e != NULL && (heading_level(e) ==
	    0 || heading_level(e) > level); e = e->next)
		others += e != m && is_component(e);
	if (others > 0) {
		xmlUnlinkNode(m);
		xmlFreeNode(m);
		return next;
	}
	for (k = h; k != e; k = next) {
		next = k->next;
		xmlUnlinkNode(k);
		xmlFreeNode(k);
	}
	return e;
}

/* Takes out of root the filled example of each worksheet (a component
 * of a name the document has a blank worksheet of), with its section. */
static void
drop_examples(xmlNodePtr root, const struct strset *blanks)
{
	xmlNodePtr m, next;
	char *name;
	int drop;

	for (m = root->children; m != NULL; m = next) {
		next = m->next;
		if (!is_component(m) || is_blank(m) ||
		    (name = component_name(m)) == NULL)
			continue;
		drop = strset_has(blanks, name);
		free(name);
		if (drop)
			next = drop_with_section(m);
	}
}

/* Keeps in root its title and its blank worksheets only. */
static void
keep_worksheets(xmlNodePtr root)
{
	xmlNodePtr m, next;

	for (m = root->children; m != NULL; m = next) {
		next = m->next;
		if (heading_level(m) == 1 || (is_component(m) && is_blank(m)))
			continue;
		xmlUnlinkNode(m);
		xmlFreeNode(m);
	}
}

xmlDocPtr *
parts_copy(const struct docspec *d, struct page **pages, size_t np)
{
	xmlDocPtr *out;
	struct strset blanks;
	size_t i;

	if (d->examples && !d->worksheets_only)
		return NULL;
	memset(&blanks, 0, sizeof(blanks));
	for (i = 0; i < np; i++)
		if (pages[i]->doc != NULL)
			blank_names(xmlDocGetRootElement(pages[i]->doc),
			    &blanks);
	out = xcalloc(np + 1, sizeof(*out));
	for (i = 0; i < np; i++) {
		xmlNodePtr root;

		if (pages[i]->doc == NULL)
			continue;
		/* (no copy: the writer takes the page whole) */
		if ((out[i] = xmlCopyDoc(pages[i]->doc, 1)) == NULL)
			continue;
		root = xmlDocGetRootElement(out[i]);
		if (d->worksheets_only)
			keep_worksheets(root);
		else
			drop_examples(root, &blanks);
	}
	strset_free(&blanks);
	return out;
}

xmlDocPtr
parts_reading(xmlNodePtr root)
{
	xmlDocPtr out;
	xmlNodePtr m, next;

	if (root == NULL || root->doc == NULL ||
	    (out = xmlCopyDoc(root->doc, 1)) == NULL)
		return NULL;
	for (m = xmlDocGetRootElement(out)->children; m != NULL; m = next) {
		next = m->next;
		if (is_component(m) && is_blank(m))
			next = drop_with_section(m);
	}
	return out;
}

void
parts_free(xmlDocPtr *docs, size_t np)
{
	size_t i;

	if (docs == NULL)
		return;
	for (i = 0; i < np; i++)
		if (docs[i] != NULL)
			xmlFreeDoc(docs[i]);
	free(docs);
}

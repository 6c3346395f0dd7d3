/*
 * tag.c: the structure tree of one PDF, as the typesetter builds it.  In:
 * calls from the layout (an element opened for each block, list, table,
 * link, field... in reading order); out: elements with their kids in
 * order, and content slots that boxes name (box->tag) so that the drawing
 * layer (drawtag.c) can tie marked content to its element.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

struct tags *
tag_new(int on)
{
	struct tags *t = xcalloc(1, sizeof(*t));

	t->on = on;
	t->cover = t->toc = t->back = -1;
	if (on)
		t->root = tag_open(t, -1, "Document");
	else
		t->root = -1;
	return t;
}

void
tag_free(struct tags *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ne; i++) {
		free(t->e[i].kid);
		free(t->e[i].lang);
		free(t->e[i].alt);
		free(t->e[i].id);
	}
	free(t->e);
	free(t->slotelem);
	free(t);
}

static void
addkid(struct tag_elem *e, int k)
{
	if (e->nkid == e->capkid) {
		e->capkid = e->capkid ? e->capkid * 2 : 4;
		e->kid = xrealloc(e->kid, e->capkid * sizeof(*e->kid));
	}
	e->kid[e->nkid++] = k;
}

int
tag_open(struct tags *t, int parent, const char *type)
{
	struct tag_elem *e;

	if (t == NULL || !t->on || (parent < 0 && t->ne > 0))
		return -1;
	if (t->ne == t->cape) {
		t->cape = t->cape ? t->cape * 2 : 64;
		t->e = xrealloc(t->e, t->cape * sizeof(*t->e));
	}
	e = &t->e[t->ne];
	memset(e, 0, sizeof(*e));
	e->type = type;
	e->parent = parent;
	if (parent >= 0)
		addkid(&t->e[parent], (int)t->ne);
	return (int)t->ne++;
}

int
tag_slot(struct tags *t, int elem)
{
	struct tag_elem *e;

	if (t == NULL || !t->on || elem < 0 || (size_t)elem >= t->ne)
		return 0;
	e = &t->e[elem];
	/* the content goes on from where it was: the same slot */
	if (e->nkid > 0 && e->kid[e->nkid - 1] < 0)
		return -e->kid[e->nkid - 1];
	if (t->nslot == t->capslot) {
		t->capslot = t->capslot ? t->capslot * 2 : 64;
		t->slotelem = xrealloc(t->slotelem, t->capslot *
		    sizeof(*t->slotelem));
	}
	t->slotelem[t->nslot] = elem;
	addkid(e, -(int)(t->nslot + 1));
	return (int)++t->nslot;
}

int
tag_elem_of(const struct tags *t, int slot)
{
	if (t == NULL || slot <= 0 || (size_t)slot > t->nslot)
		return -1;
	return t->slotelem[slot - 1];
}

struct tag_elem *
tag_get(struct tags *t, int elem)
{
	if (t == NULL || elem < 0 || (size_t)elem >= t->ne)
		return NULL;
	return &t->e[elem];
}

void
tag_mark(const struct tags *t, struct tag_mark *m)
{
	m->ne = t != NULL ? t->ne : 0;
	m->nslot = t != NULL ? t->nslot : 0;
}

/* Forgets what was made since m: a layout tried and thrown away. */
void
tag_rollback(struct tags *t, const struct tag_mark *m)
{
	size_t i, j, k;

	if (t == NULL || !t->on)
		return;
	for (i = m->ne; i < t->ne; i++) {
		free(t->e[i].kid);
		free(t->e[i].lang);
		free(t->e[i].alt);
		free(t->e[i].id);
	}
	t->ne = m->ne;
	t->nslot = m->nslot;
	for (i = 0; i < t->ne; i++) {
		struct tag_elem *e = &t->e[i];

		for (j = k = 0; j < e->nkid; j++)
			if (e->kid[j] >= 0 ? (size_t)e->kid[j] < t->ne :
			    (size_t)-e->kid[j] <= t->nslot)
				e->kid[k++] = e->kid[j];
		e->nkid = k;
	}
}

/* Drops the kids of elem (and their slots stay unused). */
void
tag_clear(struct tags *t, int elem)
{
	if (t != NULL && elem >= 0 && (size_t)elem < t->ne)
		t->e[elem].nkid = 0;
}

void
tag_set(char **field, const char *s)
{
	free(*field);
	*field = s != NULL ? xstrdup(s) : NULL;
}

/* The language of element n (lang or xml:lang: tree_get_attr reads
 * both), or NULL. */
static const char *
node_lang(xmlNodePtr n)
{
	const char *l = tree_get_attr(n, "lang");

	return l != NULL && *l != '\0' ? l : NULL;
}

/* The language in force at elem: its own or its nearest ancestor's. */
static const char *
elem_lang(const struct tags *t, int elem, const char *dflt)
{
	for (; elem >= 0; elem = t->e[elem].parent)
		if (t->e[elem].lang != NULL)
			return t->e[elem].lang;
	return dflt;
}

void
tag_lang(struct flow *f, int elem, xmlNodePtr n)
{
	const char *l = node_lang(n);
	struct tag_elem *e = tag_get(f->tags, elem);

	if (e == NULL || l == NULL)
		return;
	if (strcasecmp(l, elem_lang(f->tags, e->parent, f->lang)) != 0)
		tag_set(&e->lang, l);
}

int
tag_lang_differs(const struct flow *f, xmlNodePtr n)
{
	const char *l = node_lang(n);

	if (l == NULL || f->tags == NULL || !f->tags->on)
		return 0;
	return strcasecmp(l, elem_lang(f->tags, f->tagcur, f->lang)) != 0;
}

int
tag_enter(struct flow *f, const char *type, xmlNodePtr n)
{
	int e, prev = f->tagcur;

	if (f->tags == NULL || !f->tags->on)
		return prev;
	e = tag_open(f->tags, f->tagcur, type);
	if (e < 0)
		return prev;
	if (n != NULL)
		tag_lang(f, e, n);
	f->tagcur = e;
	return prev;
}

int
tag_content(const struct flow *f)
{
	return tag_slot(f->tags, f->tagcur);
}

/* The types whose inline content stands alone: a run of text in any
 * other element is a paragraph of its own (a P). */
int
tag_holds_text(const struct flow *f)
{
	static const char *const grouping[] = { "Document", "Part", "Art",
	    "Sect", "Div", "BlockQuote", "Note", "TOC", "Form", NULL };
	const struct tag_elem *e;
	size_t i;

	if (f->tags == NULL || !f->tags->on || f->tagcur < 0)
		return 1;
	e = &f->tags->e[f->tagcur];
	for (i = 0; grouping[i] != NULL; i++)
		if (strcmp(e->type, grouping[i]) == 0)
			return 0;
	return 1;
}

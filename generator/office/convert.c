/*
 * convert.c: one document's page trees into the model: the title, each
 * page's blocks (headings, MoU articles, paragraphs, lists, notes,
 * tables, forms, figures) in two passes: the labels, controls and
 * bookmarks first, then the blocks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "office/internal.h"

static void blocks(struct conv *, xmlNodePtr, struct oblocks *,
    enum ostyle);

/* A MoU article heading "12. Budget": the text after the number, which
 * the word processor's numbering puts back. */
static int
article_heading(xmlNodePtr h)
{
	xmlNodePtr s = h->parent;
	const char *t;

	if (!tree_is(h, "h3") || !tree_has_class(s, "pk-article"))
		return 0;
	for (s = s->parent; s != NULL; s = s->parent)
		if (tree_has_class(s, "pk-mou"))
			break;
	if (s == NULL || h->children == NULL ||
	    h->children->type != XML_TEXT_NODE)
		return 0;
	t = (const char *)h->children->content;
	while (*t >= '0' && *t <= '9')
		t++;
	return t != (const char *)h->children->content && t[0] == '.' &&
	    t[1] == ' ';
}

static void
heading(struct conv *c, struct oblocks *out, xmlNodePtr h, int level)
{
	struct oblock *b;
	const char *id = tree_get_attr(h, "id");

	if (article_heading(h)) {
		xmlChar *keep = xmlStrdup(h->children->content);
		const char *t = strchr((const char *)keep, '.') + 2;

		xmlNodeSetContent(h->children, BAD_CAST t);
		b = text_para(c, out, h, OS_ARTICLE);
		b->number = atoi((const char *)keep);
		xmlNodeSetContent(h->children, keep);
		xmlFree(keep);
	} else
		b = text_para(c, out, h, (enum ostyle)(OS_H1 + level - 1));
	b->keep = 1;
	if (id != NULL)
		b->bookmark = xstrdup(conv_mark(c, c->cur, id));
}

static void
list(struct conv *c, struct oblocks *out, xmlNodePtr l)
{
	struct oblock *b = model_block(out, OB_LIST, OS_LIST);
	struct olist *ls = b->list = xcalloc(1, sizeof(*ls));
	const char *v;
	xmlNodePtr k;

	ls->ordered = tree_is(l, "ol");
	ls->start = (v = tree_get_attr(l, "start")) != NULL ? atoi(v) : 1;
	ls->id = ++c->d->nlists;
	for (k = l->children; k != NULL; k = k->next) {
		if (!tree_is(k, "li"))
			continue;
		ls->item = xrealloc(ls->item, (ls->nitem + 1) *
		    sizeof(*ls->item));
		memset(&ls->item[ls->nitem], 0, sizeof(*ls->item));
		blocks(c, k, &ls->item[ls->nitem].body, OS_LIST);
		if (ls->item[ls->nitem].body.n == 0)
			model_block(&ls->item[ls->nitem].body, OB_PARA,
			    OS_LIST);
		ls->nitem++;
	}
}

/* A group of boxes to tick (fieldset.pk-choices): its legend, then the
 * choices on one line. */
static void
choices(struct conv *c, struct oblocks *out, xmlNodePtr fs, enum ostyle st)
{
	struct oblock *b = NULL;
	struct ictx x = { 0, NULL, NULL, 0 };
	int cell = OS_IS_CELL(st);
	xmlNodePtr k;

	for (k = fs->children; k != NULL; k = k->next) {
		if (tree_is(k, "legend")) {
			if (cell)
				continue;       /* the column header says it */
			text_para(c, out, k, OS_LABEL)->keep = 1;
		} else if (text_is_box(k)) {
			const char *l = text_label(c, k);

			if (b == NULL)
				b = model_block(out, OB_PARA,
				    cell ? st : OS_BODY);
			else
				model_text(b, "   ", 3, &(struct ictx){ 0, NULL,
				    NULL, 1 });
			text_field(c, b, k);
			model_text(b, " ", 1, &(struct ictx){ 0, NULL, NULL,
			    1 });
			model_text(b, l, strlen(l), &x);
		}
	}
}

/* A p: a paragraph, a source line, a form's title, or a figure (an img
 * alone in the body). */
static void
p_block(struct conv *c, struct oblocks *out, xmlNodePtr k, enum ostyle st)
{
	enum ostyle ps = st;
	xmlNodePtr e, only = NULL;
	int n = 0, text = 0;

	if (tree_has_class(k, "pk-meta"))
		ps = OS_META;
	else if (tree_has_class(k, "pk-form-title"))
		ps = OS_FORMTITLE;
	for (e = k->children; e != NULL; e = e->next)
		if (e->type == XML_ELEMENT_NODE) {
			n++;
			only = e;
		} else if (!text_blank(e))
			text = 1;
	if (n == 1 && !text && tree_is(only, "img") && st == OS_BODY)
		ps = OS_FIGURE;
	text_para(c, out, k, ps)->keep = ps == OS_FORMTITLE;
}

/* A dl: terms and definitions, or a form table (pk-compact, in a
 * signature block). */
static void
dl_block(struct conv *c, xmlNodePtr parent, struct oblocks *out,
    xmlNodePtr k)
{
	xmlNodePtr e;

	if (tree_has_class(k, "pk-compact") ||
	    tree_has_class(parent, "pk-signature")) {
		grid_form(c, out, k);
		return;
	}
	for (e = k->children; e != NULL; e = e->next) {
		if (tree_is(e, "dt"))
			text_para(c, out, e, OS_TERM)->keep = 1;
		else if (tree_is(e, "dd") &&
		    tree_has_class(e, "pk-sign-line"))
			model_block(out, OB_PARA, OS_SIGN);
		else if (tree_is(e, "dd"))
			blocks(c, e, out, OS_DEF);
	}
}

/* A fieldset: boxes to tick on one line, or its legend and then its
 * fields (as a form table when compact or a signature block). */
static void
fieldset_block(struct conv *c, struct oblocks *out, xmlNodePtr k,
    enum ostyle st)
{
	xmlNodePtr e;

	if (tree_has_class(k, "pk-choices")) {
		choices(c, out, k, st);
		return;
	}
	for (e = k->children; e != NULL; e = e->next)
		if (tree_is(e, "legend"))
			text_para(c, out, e, OS_LEGEND)->keep = 1;
	if (tree_has_class(k, "pk-compact") ||
	    tree_has_class(k, "pk-signature"))
		grid_form(c, out, k);
	else
		blocks(c, k, out, st);
}

/* A label on its own line, unless its control shows it. */
static void
label_block(struct conv *c, struct oblocks *out, xmlNodePtr k,
    enum ostyle st)
{
	const char *f = tree_get_attr(k, "for");
	const char *ty = f ? strmap_get(&c->controls, f) : NULL;

	if (tree_has_class(k, "pk-visually-hidden") ||
	    (ty != NULL && strcmp(ty, "box") == 0))
		return;         /* its control shows it */
	text_para(c, out, k, OS_IS_CELL(st) ? st : OS_LABEL)->keep = 1;
}

/* Whether an element only holds blocks (its own box left out). */
static int
container(const char *name)
{
	static const char *const names[] = { "section", "div", "form",
	    "figure", "article", "header", "footer", "nav", "details", "li",
	    "dd", "dt", "tr", "td", "th", "thead", "tbody", "tfoot" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* One child k of parent into out; *run: the index of the paragraph
 * inline nodes go to (SIZE_MAX: none yet). */
static void
node_block(struct conv *c, xmlNodePtr parent, xmlNodePtr k,
    struct oblocks *out, enum ostyle st, size_t *run)
{
	struct ictx x = { 0, NULL, NULL, 0 };
	const char *name;
	int level;

	if (k->type != XML_ELEMENT_NODE && k->type != XML_TEXT_NODE &&
	    k->type != XML_CDATA_SECTION_NODE)
		return;
	if (text_is_inline(k)) {
		if (*run == (size_t)-1) {
			if (text_blank(k))
				return;
			model_block(out, OB_PARA, st);
			*run = out->n - 1;
		}
		text_inline(c, k, &out->v[*run], &x);
		return;
	}
	text_end(out, run);
	if (tree_is_svg(k)) {
		if (tree_is(k, "svg")) {
			long i = picture_svg(c, k);

			model_block(out, OB_PARA, OS_FIGURE);
			model_run(&out->v[out->n - 1], ORUN_IMAGE)->image =
			    (size_t)i;
		}
		return;
	}
	name = (const char *)k->name;
	level = 0;
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	    name[2] == '\0') {
		level = name[1] - '0';
		heading(c, out, k, level);
	} else if (strcmp(name, "p") == 0)
		p_block(c, out, k, st);
	else if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
		list(c, out, k);
	else if (strcmp(name, "blockquote") == 0)
		blocks(c, k, out, OS_QUOTE);
	else if (strcmp(name, "pre") == 0) {
		struct oblock *b = model_block(out, OB_PARA, OS_CODE);
		struct ictx px = { OR_CODE, NULL, NULL, 1 };
		char *t = tree_text_content(k);
		size_t l = strlen(t);

		while (l > 0 && t[l - 1] == '\n')
			t[--l] = '\0';
		model_text(b, t, l, &px);
		free(t);
	} else if (strcmp(name, "hr") == 0)
		model_block(out, OB_PARA, OS_RULE);
	else if (strcmp(name, "table") == 0)
		grid_table(c, out, k);
	else if (strcmp(name, "caption") == 0 ||
	    strcmp(name, "figcaption") == 0)
		text_para(c, out, k, OS_CAPTION)->keep = 1;
	else if (strcmp(name, "dl") == 0)
		dl_block(c, parent, out, k);
	else if (strcmp(name, "aside") == 0)
		blocks(c, k, out, OS_NOTE);
	else if (strcmp(name, "fieldset") == 0)
		fieldset_block(c, out, k, st);
	else if (strcmp(name, "legend") == 0)
		return;         /* the fieldset put it first */
	else if (strcmp(name, "label") == 0)
		label_block(c, out, k, st);
	else if (strcmp(name, "input") == 0 ||
	    strcmp(name, "textarea") == 0 || strcmp(name, "select") == 0)
		text_field_block(c, out, k, st);
	else if (tree_has_class(k, "pk-compact") ||
	    tree_has_class(k, "pk-signature")) {
		xmlNodePtr e;

		/* a signature block: its heading, then label | line */
		for (e = k->children; e != NULL; e = e->next)
			if (tree_is(e, "p") || tree_is(e, "legend"))
				text_para(c, out, e, OS_LEGEND)->keep = 1;
		grid_form(c, out, k);
	} else if (container(name))
		blocks(c, k, out, st);
	else if (strcmp(name, "summary") == 0)
		text_para(c, out, k, OS_LEGEND);
	else if (strcmp(name, "pk-raw") == 0 || strcmp(name, "col") == 0 ||
	    strcmp(name, "colgroup") == 0)
		return;         /* left out, as in the PDF */
	else
		conv_err(c, k, "element <%s> cannot go into an ODT or DOCX "
		    "document (docs/contract.md §1 lists what can)", name);
}

static void
blocks(struct conv *c, xmlNodePtr parent, struct oblocks *out,
    enum ostyle st)
{
	size_t run = (size_t)-1;
	xmlNodePtr k;

	for (k = parent->children; k != NULL; k = k->next)
		node_block(c, parent, k, out, st, &run);
	text_end(out, &run);
}

/* k alone, as blocks() would put it. */
static void
block1(struct conv *c, xmlNodePtr parent, xmlNodePtr k,
    struct oblocks *out, enum ostyle st)
{
	size_t run = (size_t)-1;

	node_block(c, parent, k, out, st, &run);
	text_end(out, &run);
}

/* Pass 1 over a page: its labels, its controls, its headings' ids. */
static void
scan(struct conv *c, xmlNodePtr n)
{
	xmlNodePtr k;
	const char *v;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (tree_is(n, "label") && (v = tree_get_attr(n, "for")) != NULL &&
	    tree_has_class(n, "pk-visually-hidden"))
		strset_add(&c->hidden, v);
	if (tree_is(n, "label") && (v = tree_get_attr(n, "for")) != NULL &&
	    strmap_get(&c->labels, v) == NULL) {
		char *t = tree_text_content(n);
		struct oblock tmp;
		struct ictx x = { 0, NULL, NULL, 0 };

		memset(&tmp, 0, sizeof(tmp));
		model_text(&tmp, t, strlen(t), &x);
		model_trim(&tmp);
		strmap_put(&c->labels, v, xstrdup(tmp.nrun > 0 ?
		    tmp.run[0].text : ""));
		if (tmp.nrun > 0)
			free(tmp.run[0].text);
		free(tmp.run);
		free(t);
	}
	if ((tree_is(n, "input") || tree_is(n, "textarea") ||
	    tree_is(n, "select")) && (v = tree_get_attr(n, "id")) != NULL)
		strmap_put(&c->controls, v, (char *)(text_is_box(n) ? "box" :
		    "field"));
	if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	    n->name[2] == '\0' && (v = tree_get_attr(n, "id")) != NULL)
		conv_mark(c, c->cur, v);
	for (k = n->children; k != NULL; k = k->next)
		scan(c, k);
}

static void
strmap_free_vals(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->keys != NULL && m->keys[i] != NULL)
			free(m->vals[i]);
	strmap_free(m);
}

int
convert_doc(const struct project *p, struct page **pages, size_t npages,
    struct odoc *d)
{
	struct conv cv, *c = &cv;
	struct oblock *b;
	size_t i;

	memset(c, 0, sizeof(*c));
	c->p = p;
	c->d = d;
	c->pages = pages;
	c->npages = npages;
	c->ok = 1;
	c->blocks = blocks;
	c->block1 = block1;
	b = model_block(&d->body, OB_PARA, OS_TITLE);
	model_text(b, d->title, strlen(d->title),
	    &(struct ictx){ 0, NULL, NULL, 0 });
	if (d->subtitle != NULL && *d->subtitle != '\0') {
		b = model_block(&d->body, OB_PARA, OS_SUBTITLE);
		model_text(b, d->subtitle, strlen(d->subtitle),
		    &(struct ictx){ 0, NULL, NULL, 0 });
	}
	for (i = 0; i < c->npages; i++) {
		c->cur = i;
		conv_mark(c, i, NULL);
		scan(c, xmlDocGetRootElement(c->pages[i]->doc));
	}
	for (i = 0; i < c->npages; i++) {
		size_t first = d->body.n;
		const char *t = c->pages[i]->title;

		c->cur = i;
		if (t != NULL && (c->npages > 1 || strcmp(t, d->title) != 0)) {
			b = model_block(&d->body, OB_PARA, OS_H1);
			model_text(b, t, strlen(t), &(struct ictx){ 0, NULL,
			    NULL, 0 });
			b->keep = 1;
			b->pagebreak = i > 0;
		}
		blocks(c, xmlDocGetRootElement(c->pages[i]->doc), &d->body,
		    OS_BODY);
		if (d->body.n > first) {
			d->body.v[first].bookmark = xstrdup(conv_mark(c, i,
			    NULL));
			if (i > 0)
				d->body.v[first].pagebreak = 1;
		}
	}
	strmap_free_vals(&c->marks);
	strmap_free_vals(&c->labels);
	strmap_free(&c->controls);
	strset_free(&c->hidden);
	return c->ok;
}

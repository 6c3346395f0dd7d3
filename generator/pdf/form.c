/*
 * form.c: fillable forms in print.  In: input, textarea and select
 * elements and their labels; out: writing lines to fill in by hand with
 * a PDF field over them (text, check box, radio group), each field named
 * once per document and labelled for screen readers (/TU).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

/* s (or dflt when s is empty) with letters, digits, - and _ only. */
static char *
flat_name(const char *s, const char *dflt)
{
	char *name = xstrdup(s != NULL && *s != '\0' ? s : dflt), *p;

	for (p = name; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			*p = '_';
	return name;
}

char *
form_name(struct flow *f, xmlNodePtr n)
{
	const char *a = tree_get_attr(n, "name");
	char *base, *name;
	size_t i;
	int k;

	if (a == NULL || *a == '\0')
		a = tree_get_attr(n, "id");
	/* a dot separates levels in field names: keep names flat */
	base = flat_name(a, "field");
	name = xstrdup(base);
	for (k = 2;; k++) {
		for (i = 0; i < f->nfieldnames; i++)
			if (strcmp(f->fieldnames[i], name) == 0)
				break;
		if (i == f->nfieldnames)
			break;
		free(name);
		name = xasprintf("%s_%d", base, k);
	}
	free(base);
	f->fieldnames = xrealloc(f->fieldnames, (f->nfieldnames + 1) *
	    sizeof(char *));
	f->fieldnames[f->nfieldnames++] = xstrdup(name);
	return name;
}

/*
 * A radio button n (<input type=radio name=...>): the buttons of one
 * name in one form are one PDF field, a radio group, with a widget per
 * button; each button's on state is its value, made a PDF name (unique
 * in the group, never Off).  Sets fr's field (the group's field name),
 * label (the question: the header of its table row, else the legend of
 * the fieldset around, else the button's own label) and state; 0 when n
 * is no named radio button.
 */
int
form_radio(struct flow *f, xmlNodePtr n, struct frag *fr)
{
	const char *t = tree_get_attr(n, "type"), *html, *v;
	xmlNodePtr form, m;
	struct radiogrp *g = NULL;
	char *st, *base, *lab = NULL;
	size_t i, k;
	int dup;

	html = tree_get_attr(n, "name");
	if (t == NULL || strcmp(t, "radio") != 0 || html == NULL ||
	    *html == '\0')
		return 0;
	for (form = n->parent; form != NULL && !tree_is(form, "form");
	    form = form->parent)
		;
	for (i = 0; i < f->nradio; i++)
		if (f->radio[i].src == f->src && f->radio[i].form == form &&
		    strcmp(f->radio[i].html, html) == 0)
			g = &f->radio[i];
	if (g == NULL) {
		f->radio = xrealloc(f->radio, (f->nradio + 1) *
		    sizeof(*f->radio));
		g = &f->radio[f->nradio++];
		memset(g, 0, sizeof(*g));
		g->src = f->src;
		g->form = form;
		g->html = xstrdup(html);
		g->name = form_name(f, n);
	}
	/* the on state: the value, letters, digits, - and _ only */
	v = tree_get_attr(n, "value");
	base = flat_name(v, "on");
	st = xstrdup(base);
	for (k = 2;; k++) {
		dup = strcmp(st, "Off") == 0;
		for (i = 0; i < g->nstates && !dup; i++)
			dup = strcmp(g->states[i], st) == 0;
		if (!dup)
			break;
		free(st);
		st = xasprintf("%s_%zu", base, k);
	}
	free(base);
	g->states = xrealloc(g->states, (g->nstates + 1) * sizeof(char *));
	g->states[g->nstates++] = xstrdup(st);
	fr->state = st;
	fr->field = xstrdup(g->name);
	/* the question: the header of its table row, or the legend of the
	 * fieldset around it */
	for (m = n->parent; m != NULL && lab == NULL; m = m->parent)
		if (tree_is(m, "tr")) {
			xmlNodePtr c;

			for (c = m->children; c != NULL; c = c->next)
				if (tree_is(c, "th")) {
					lab = tree_text_content(c);
					break;
				}
			break;
		} else if (tree_is(m, "fieldset")) {
			xmlNodePtr c;

			for (c = m->children; c != NULL; c = c->next)
				if (tree_is(c, "legend")) {
					lab = tree_text_content(c);
					break;
				}
			break;
		}
	if (lab == NULL)
		lab = form_label(f->article, tree_get_attr(n, "id"));
	fr->label = lab != NULL ? layout_squash(lab) : NULL;
	return 1;
}

/* The text of the <label for=id> of field n, or NULL; caller frees. */
char *
form_label(xmlNodePtr root, const char *id)
{
	xmlNodePtr n = root;
	const char *a;

	if (id == NULL)
		return NULL;
	while (n != NULL) {
		if (tree_is(n, "label") &&
		    (a = tree_get_attr(n, "for")) != NULL &&
		    strcmp(a, id) == 0)
			return layout_squash(tree_text_content(n));
		if (n->children != NULL && n->type == XML_ELEMENT_NODE)
			n = n->children;
		else {
			while (n != NULL && n->next == NULL && n != root)
				n = n->parent;
			if (n == NULL || n == root)
				break;
			n = n->next;
		}
	}
	return NULL;
}

/*
 * Compact forms (class pk-compact): a one-line label just laid out goes
 * to the left of its field, on the first writing line, instead of above
 * it.  Takes the label's item off the flow into *lab (its anchors wait
 * for the field's item) and returns where the field starts, from the
 * measure's left; 0 (and the label left alone) when the label is wider
 * than the label column.
 */
#define LABELCOL 0.3
static double
label_left(struct flow *f, const struct ctx *c, struct vitem *lab)
{
	const struct vitem *it = &f->v[f->nv - 1];
	double col = c->w * LABELCOL;
	size_t k;
	int *pend;

	for (k = 0; k < it->nbox; k++)
		if (it->box[k].kind == BOX_LINE &&
		    it->box[k].x + it->box[k].w > c->x + col - 8)
			return 0;
	*lab = f->v[--f->nv];
	/* its anchors first, then any waiting for the field */
	if (lab->nanc > 0) {
		pend = xcalloc(lab->nanc + f->npend + 1, sizeof(int));
		memcpy(pend, lab->anc, lab->nanc * sizeof(int));
		if (f->npend > 0)
			memcpy(pend + lab->nanc, f->pend, f->npend *
			    sizeof(int));
		free(f->pend);
		free(lab->anc);
		lab->anc = NULL;
		f->npend += lab->nanc;
		lab->nanc = 0;
		f->pend = pend;
	}
	return col;
}

void
form_field(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct vitem it;
	struct pdf_box *b;
	const char *a;
	char *value = NULL;
	int multi = tree_is(n, "textarea"), lines, i, boxed, incell = 0;
	xmlNodePtr m;
	double wl = f->st->writeline, pad = 2, lx = 0;
	struct vitem lab;

	if ((a = tree_get_attr(n, "data-pk-lines")) != NULL)
		lines = atoi(a);
	else if (multi && (a = tree_get_attr(n, "rows")) != NULL)
		lines = atoi(a);
	else
		lines = multi ? 3 : 1;
	if (lines < 1)
		lines = 1;
	if (lines * wl + 2 * pad > f->bh * 0.9) {
		int max = (int)((f->bh * 0.9 - 2 * pad) / wl);

		diag(f->diag, DIAG_WARN, f->file, 0, 0,
		    "a form field asks for %d lines; a page holds %d", lines,
		    max);
		lines = max;
	}
	if (multi)
		value = tree_text_content(n);
	else if ((a = tree_get_attr(n, "value")) != NULL)
		value = xstrdup(a);
	if (value != NULL && value[strspn(value, " \t\r\n")] == '\0') {
		free(value);
		value = NULL;
	}
	/* a text area gets a box, but in a table cell, which is one */
	for (m = n->parent; m != NULL && !incell; m = m->parent)
		incell = tree_is(m, "td") || tree_is(m, "th");
	boxed = multi && !incell;
	memset(&lab, 0, sizeof(lab));
	if (c->compact && f->labelend >= 0 && (size_t)f->labelend == f->nv &&
	    f->labelstart + 1 == f->labelend)
		lx = label_left(f, c, &lab);
	if ((a = tree_get_attr(n, "id")) != NULL)
		layout_anchor(f, a, 0, NULL);
	/* the label above stays with its field */
	if (lx == 0 && f->labelend >= 0 && (size_t)f->labelend == f->nv &&
	    f->nv > 0)
		f->v[f->nv - 1].keep = 1;
	memset(&it, 0, sizeof(it));
	it.before = f->labelend >= 0 && (size_t)f->labelend == f->nv ? 2 :
	    parskip(f);
	it.h = lines * wl + 2 * pad;
	/* in a table cell, the rule under the row is the last line: the
	 * row is as tall as its lines */
	if (incell && lx == 0)
		it.h = lines * wl - 2 * CELLPAD;
	if (lx > 0) {
		/* the label's words on the first writing line, at the left */
		size_t k;
		double dy = -1;

		/* the writing lines are room enough between fields */
		it.before = f->labelstart > 0 && f->labelstart ==
		    f->compactfirst ? lab.before : 4;
		it.brk = lab.brk;
		for (k = 0; k < lab.nbox; k++) {
			struct pdf_box *lb = &lab.box[k];

			if (lb->stretch)
				continue;
			if (dy < 0 && lb->kind == BOX_WORD)
				dy = pad + wl - 3 - lb->base;
		}
		if (dy < 0)
			dy = 0;
		for (k = 0; k < lab.nbox; k++) {
			struct pdf_box *lb = &lab.box[k];

			if (lb->stretch)
				continue;
			b = layout_ibox(&it, lb->kind);
			*b = *lb;
			memset(lb, 0, sizeof(*lb));
			b->y += dy;
			b->base += dy;
		}
		layout_release(&lab);
	}
	if (boxed) {
		b = layout_ibox(&it, BOX_RECT);
		b->x = c->x + lx;
		b->y = 0;
		b->w = c->w - lx;
		b->h = it.h;
		b->lw = 0.6;
		b->color = f->st->rule;
	}
	for (i = 1; i <= lines - (incell && lx == 0); i++) {
		/* a writing line (dashed in a box) */
		b = layout_ibox(&it, BOX_RULE);
		b->x = c->x + lx + (boxed ? 6 : 0);
		b->w = c->w - lx - (boxed ? 12 : 0);
		b->y = incell && lx == 0 ? i * wl - CELLPAD :
		    pad + i * wl - (boxed && i == lines ? wl * 0.25 : 0);
		b->h = 0;
		b->lw = 0.5;
		b->color = f->st->rule;
		b->dash = boxed;
	}
	/* a value is the field's own (/V): viewers print it in the field,
	 * and it stays editable; printing it here too would double it */
	b = layout_ibox(&it, BOX_FIELD);
	b->x = c->x + lx;
	b->y = 0;
	b->w = c->w - lx;
	b->h = it.h;
	b->multiline = multi;
	b->nlines = lines;
	b->measure = wl;
	b->cell = incell;
	b->text = form_name(f, n);
	b->label = form_label(f->article, tree_get_attr(n, "id"));
	b->value = value;
	b->size = f->st->size;
	layout_push(f, &it);
	f->labelend = -1;
}

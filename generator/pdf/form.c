/*
 * form.c: fillable forms in print.  In: input, textarea and select
 * elements and their labels; out: writing lines to fill in by hand with
 * a PDF field over them (text, check box, radio group), each field named
 * once per document, in a Form element of the structure tree, and
 * described for screen readers (/TU) by its label and its group: the
 * fieldset, the table row or the heading it is in ("Partie 2 : nom de
 * l'organisation").
 */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

static char *legend_of(xmlNodePtr);
static char *row_header(xmlNodePtr);
static char *describe(struct flow *, xmlNodePtr, const char *, xmlNodePtr);

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
	/* the question: the header of its table row (a tick box per
	 * column), or the legend of the fieldset around it, with the group
	 * that fieldset is in ("Candidat 1 : a la confiance...") */
	for (m = n->parent; m != NULL; m = m->parent) {
		if ((tree_is(m, "td") || tree_is(m, "th")) &&
		    (lab = row_header(m)) != NULL) {
			m = NULL;
			break;
		}
		if (tree_is(m, "fieldset"))
			break;
	}
	if (m != NULL)
		lab = legend_of(m);
	if (lab == NULL)
		lab = form_label(f->article, tree_get_attr(n, "id"));
	fr->label = describe(f, n, lab, m);
	free(lab);
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

/* The squashed text of n, or NULL when it has none. */
static char *
text_of(xmlNodePtr n)
{
	char *t = layout_squash(tree_text_content(n));

	if (t != NULL && *t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

/* The legend of fieldset fs, or NULL. */
static char *
legend_of(xmlNodePtr fs)
{
	xmlNodePtr c;

	for (c = fs->children; c != NULL; c = c->next)
		if (tree_is(c, "legend"))
			return text_of(c);
	return NULL;
}

/* The text of n a reader sees: not a label for screen readers only
 * (its field says it), not a field. */
static void
seen_text(struct buf *b, xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = n->children; m != NULL; m = m->next)
		if (m->type == XML_TEXT_NODE && m->content != NULL)
			buf_puts(b, (const char *)m->content);
		else if (m->type == XML_ELEMENT_NODE &&
		    !tree_has_class(m, "pk-visually-hidden") &&
		    !tree_is(m, "input") && !tree_is(m, "textarea") &&
		    !tree_is(m, "select") && !tree_is_svg(m))
			seen_text(b, m);
}

/* The text of the header cell of cell's row (a th other than cell), or
 * NULL. */
static char *
row_header(xmlNodePtr cell)
{
	xmlNodePtr c;

	if (cell->parent == NULL || !tree_is(cell->parent, "tr"))
		return NULL;
	for (c = cell->parent->children; c != NULL; c = c->next)
		if (c != cell && tree_is(c, "th")) {
			const char *sc = tree_get_attr(c, "scope");

			struct buf b = { 0 };

			if (sc != NULL && strncmp(sc, "row", 3) != 0)
				continue;
			seen_text(&b, c);
			if (b.data != NULL && *layout_squash(b.data) != '\0')
				return buf_detach(&b);
			buf_free(&b);
		}
	return NULL;
}

/* The node before m in document order inside root (its previous
 * sibling's last descendant, else its parent), or NULL. */
static xmlNodePtr
before(xmlNodePtr m, xmlNodePtr root)
{
	if (m == NULL || m == root)
		return NULL;
	if (m->prev == NULL)
		return m->parent == root ? NULL : m->parent;
	m = m->prev;
	while (m->type == XML_ELEMENT_NODE && m->last != NULL &&
	    !tree_is_svg(m))
		m = m->last;
	return m;
}

/* The heading n comes under, or NULL. */
static char *
heading_before(struct flow *f, xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = before(n, f->article); m != NULL; m = before(m, f->article))
		if (m->type == XML_ELEMENT_NODE && m->name[0] == 'h' &&
		    m->name[1] >= '1' && m->name[1] <= '6' &&
		    m->name[2] == '\0')
			return text_of(m);
	return NULL;
}

/* The group field n belongs to, as a reader would name it: the legend of
 * the fieldset around it (not skip, a radio group's own), the header of
 * its table row or the table's caption, else the heading it is under. */
static char *
group_of(struct flow *f, xmlNodePtr n, xmlNodePtr skip)
{
	xmlNodePtr m;
	char *g;

	for (m = n->parent; m != NULL && m != f->article; m = m->parent) {
		if (tree_is(m, "fieldset") && m != skip &&
		    (g = legend_of(m)) != NULL)
			return g;
		if ((tree_is(m, "td") || tree_is(m, "th")) &&
		    (g = row_header(m)) != NULL)
			return g;
		if (tree_is(m, "table")) {
			xmlNodePtr c;

			for (c = m->children; c != NULL; c = c->next)
				if (tree_is(c, "caption"))
					return text_of(c);
			break;
		}
	}
	return heading_before(f, n);
}

/* s, its first letter in lower case when its first word is a plain
 * word ("Nom de" -> "nom de", "MoU" and "ONG" stay). */
static void
put_lowerfirst(struct buf *b, const char *s)
{
	size_t i = 0, len = strlen(s);
	long cp = utf8_next(s, len, &i), lo = cp;
	size_t k;

	for (k = i; k < len && s[k] != ' '; k++)
		if (s[k] >= 'A' && s[k] <= 'Z')
			break;
	if (k == len || s[k] == ' ') {
		if (cp >= 'A' && cp <= 'Z')
			lo = cp + 32;
		else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
			lo = cp + 32;
		else if (cp == 0x152)
			lo = 0x153;
	}
	if (cp < 0) {
		buf_puts(b, s);
		return;
	}
	if (lo < 0x80)
		buf_putc(b, (int)lo);
	else if (lo < 0x800) {
		buf_putc(b, (int)(0xC0 | (lo >> 6)));
		buf_putc(b, (int)(0x80 | (lo & 0x3F)));
	} else
		buf_put(b, s, i);       /* left as it is */
	buf_puts(b, s + i);
}

/* "group : label" in the flow's language; when one holds the other, the
 * longer alone ("2. Préambule", not "2. Préambule : préambule"); a new
 * string (NULL when both are). */
static char *
join(const struct flow *f, const char *group, const char *label)
{
	struct buf b = { 0 };

	if (label == NULL || *label == '\0')
		return group != NULL ? xstrdup(group) : NULL;
	if (group == NULL || *group == '\0' || strcasestr(label, group))
		return xstrdup(label);
	if (strcasestr(group, label))
		return xstrdup(group);
	buf_puts(&b, group);
	buf_puts(&b, strcmp(f->lang, "fr") == 0 ? "\xc2\xa0: " : ": ");
	put_lowerfirst(&b, label);
	return buf_detach(&b);
}

/* What a screen reader says for field n (/TU): its label (or
 * aria-label, title) with its group; skip: a fieldset not to take as the
 * group.  A new string, or NULL. */
static char *
describe(struct flow *f, xmlNodePtr n, const char *label, xmlNodePtr skip)
{
	char *g = group_of(f, n, skip), *r;
	const char *a;

	if ((label == NULL || *label == '\0') &&
	    ((a = tree_get_attr(n, "aria-label")) != NULL ||
	    (a = tree_get_attr(n, "title")) != NULL))
		label = a;
	r = join(f, g, label);
	free(g);
	return r;
}

void
form_box(struct flow *f, xmlNodePtr n, struct frag *fr)
{
	int save = tag_enter(f, "Form", n), form = f->tagcur;
	struct tag_elem *e = save != form ? tag_get(f->tags, form) : NULL;
	char *lab;

	fr->ftag = e != NULL ? tag_content(f) : 0;
	f->tagcur = save;
	if (form_radio(f, n, fr)) {
		/* the group says the question; each button the question
		 * and its answer ("... survivantes : oui") */
		if (e != NULL) {
			struct buf b = { 0 };

			lab = form_label(f->article, tree_get_attr(n, "id"));
			buf_puts(&b, fr->label != NULL ? fr->label : "");
			while (b.len > 0 && (b.data[b.len - 1] == '?' ||
			    b.data[b.len - 1] == ' '))
				b.data[--b.len] = '\0';
			/* a no-break space before the '?' (French) */
			while (b.len >= 2 && (unsigned char)b.data[b.len - 2] ==
			    0xC2 && (unsigned char)b.data[b.len - 1] == 0xA0)
				b.data[b.len -= 2] = '\0';
			while (b.len >= 3 && (unsigned char)b.data[b.len - 3] ==
			    0xE2 && (unsigned char)b.data[b.len - 2] == 0x80 &&
			    (unsigned char)b.data[b.len - 1] == 0xAF)
				b.data[b.len -= 3] = '\0';
			if (b.len > 0 && lab != NULL && *lab != '\0') {
				buf_puts(&b, strcmp(f->lang, "fr") == 0 ?
				    "\xc2\xa0: " : ": ");
				put_lowerfirst(&b, lab);
			} else if (lab != NULL)
				buf_puts(&b, lab);
			e->alt = b.data != NULL ? buf_detach(&b) : NULL;
			free(lab);
		}
		return;
	}
	fr->field = form_name(f, n);
	lab = form_label(f->article, tree_get_attr(n, "id"));
	if (lab == NULL && n->parent != NULL && tree_is(n->parent, "label"))
		lab = layout_squash(tree_text_content(n->parent));
	fr->label = describe(f, n, lab, NULL);
	free(lab);
	if (e != NULL)
		tag_set(&e->alt, fr->label);
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
	b->line1 = incell && lx == 0 ? wl - CELLPAD : pad + wl;
	b->text = form_name(f, n);
	{
		char *own = form_label(f->article, tree_get_attr(n, "id"));
		int save = tag_enter(f, "Form", n);
		struct tag_elem *e = tag_get(f->tags, f->tagcur);

		b->label = describe(f, n, own, NULL);
		if (save != f->tagcur) {
			b->tag = tag_content(f);
			tag_set(&e->alt, b->label);
		}
		f->tagcur = save;
		free(own);
	}
	b->value = value;
	b->size = f->st->size;
	layout_push(f, &it);
	f->labelend = -1;
}

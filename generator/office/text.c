/*
 * text.c: running text into the model: inline elements as runs (bold,
 * italic, code, links, language changes, pictures), paragraphs, and the
 * fill-in places of forms (a field on a writing line, a box to tick).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "office/internal.h"

void
text_inline(struct conv *c, xmlNodePtr n, struct oblock *b,
    const struct ictx *x)
{
	struct ictx y = *x;
	const char *name, *v;
	xmlNodePtr k;
	char *h = NULL, *lt = NULL;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			model_text(b, (const char *)n->content,
			    strlen((const char *)n->content), x);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (tree_is_svg(n)) {
		long i = tree_is(n, "svg") ? picture_svg(c, n) : -1;

		if (i >= 0)
			model_run(b, ORUN_IMAGE)->image = (size_t)i;
		return;
	}
	name = (const char *)n->name;
	if ((v = tree_get_attr(n, "lang")) != NULL && *v != '\0')
		y.lang = lt = conv_langtag(&c->p->site, v);
	if (strcmp(name, "strong") == 0 || strcmp(name, "b") == 0)
		y.flags |= OR_BOLD;
	else if (strcmp(name, "em") == 0 || strcmp(name, "i") == 0 ||
	    strcmp(name, "cite") == 0 || strcmp(name, "dfn") == 0 ||
	    strcmp(name, "var") == 0)
		y.flags |= OR_ITALIC;
	else if (strcmp(name, "code") == 0 || strcmp(name, "kbd") == 0 ||
	    strcmp(name, "samp") == 0)
		y.flags |= OR_CODE;
	else if (strcmp(name, "sup") == 0)
		y.flags |= OR_SUP;
	else if (strcmp(name, "sub") == 0)
		y.flags |= OR_SUB;
	else if (strcmp(name, "br") == 0) {
		model_run(b, ORUN_BREAK);
		goto out;
	} else if (strcmp(name, "img") == 0) {
		long i = picture_file(c, n);

		if (i >= 0)
			model_run(b, ORUN_IMAGE)->image = (size_t)i;
		else if ((v = tree_get_attr(n, "alt")) != NULL)
			model_text(b, v, strlen(v), &y);
		goto out;
	} else if (strcmp(name, "a") == 0 &&
	    (v = tree_get_attr(n, "href")) != NULL)
		y.href = h = conv_link(c, v);
	else if (strcmp(name, "input") == 0 || strcmp(name, "textarea") == 0 ||
	    strcmp(name, "select") == 0) {
		text_field(c, b, n);
		goto out;
	} else if (strcmp(name, "label") == 0) {
		v = tree_get_attr(n, "for");
		if (tree_has_class(n, "pk-visually-hidden") || (v != NULL &&
		    strmap_get(&c->controls, v) != NULL &&
		    strcmp(strmap_get(&c->controls, v), "box") == 0))
			goto out;       /* the field or box shows it */
	} else if (strcmp(name, "pk-raw") == 0 || strcmp(name, "col") == 0 ||
	    strcmp(name, "colgroup") == 0 || strcmp(name, "option") == 0 ||
	    strcmp(name, "optgroup") == 0)
		goto out;
	for (k = n->children; k != NULL; k = k->next)
		text_inline(c, k, b, &y);
out:
	free(h);
	free(lt);
}

/* Whether n is an element of running text (or text). */
int
text_is_inline(xmlNodePtr n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE || tree_is_svg(n))
		return 0;
	return (elem_flags((const char *)n->name) & ELEM_OFFICE_INLINE) != 0;
}

int
text_blank(xmlNodePtr n)
{
	const char *s;

	if (n->type != XML_TEXT_NODE)
		return 0;
	for (s = (const char *)n->content; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* A paragraph of style st holding n's children. */
struct oblock *
text_para(struct conv *c, struct oblocks *out, xmlNodePtr n, enum ostyle st)
{
	struct oblock *b = model_block(out, OB_PARA, st);
	struct ictx x = { 0, NULL, NULL, 0 };
	xmlNodePtr k;

	for (k = n->children; k != NULL; k = k->next)
		text_inline(c, k, &out->v[out->n - 1], &x);
	b = &out->v[out->n - 1];
	model_trim(b);
	return b;
}

/* Ends the paragraph inline nodes went to; drops it when empty. */
void
text_end(struct oblocks *out, size_t *run)
{
	if (*run == (size_t)-1)
		return;
	model_trim(&out->v[*run]);
	if (out->v[*run].nrun == 0 && *run == out->n - 1) {
		model_runs_free(&out->v[*run]);
		out->n--;
	}
	*run = (size_t)-1;
}

static int
lines_of(xmlNodePtr n)
{
	const char *v = tree_get_attr(n, "data-pk-lines");
	int l = 0;

	if (v != NULL)
		l = atoi(v);
	else if (tree_is(n, "textarea") &&
	    (v = tree_get_attr(n, "rows")) != NULL)
		l = atoi(v);
	if (l < 1)
		l = 1;
	if (l > 40)
		l = 40;
	return l;
}

int
text_is_box(xmlNodePtr n)
{
	const char *t = tree_is(n, "input") ? tree_get_attr(n, "type") : NULL;

	return t != NULL && (strcmp(t, "checkbox") == 0 ||
	    strcmp(t, "radio") == 0);
}

const char *
text_label(struct conv *c, xmlNodePtr ctl)
{
	const char *id = tree_get_attr(ctl, "id"), *l;

	l = id != NULL ? strmap_get(&c->labels, id) : NULL;
	if (l == NULL)
		l = tree_get_attr(ctl, "placeholder");
	if (l == NULL)
		l = tree_get_attr(ctl, "name");
	return l != NULL ? l : "…";
}

/* A fill-in place (or a box and its label) inside a paragraph. */
void
text_field(struct conv *c, struct oblock *b, xmlNodePtr n)
{
	struct orun *r;
	const char *nm = tree_get_attr(n, "name");

	if (tree_is(n, "input") && tree_get_attr(n, "type") != NULL &&
	    (strcmp(tree_get_attr(n, "type"), "hidden") == 0 ||
	    strcmp(tree_get_attr(n, "type"), "submit") == 0))
		return;
	if (text_is_box(n)) {
		r = model_run(b, ORUN_BOX);
		r->radio = strcmp(tree_get_attr(n, "type"), "radio") == 0;
		r->text = xstrdup(text_label(c, n));
		r->name = xstrdup(nm != NULL ? nm : "");
		c->d->nfields++;
		return;
	}
	if (b->nrun > 0 && !model_ends_space(b)) {
		struct ictx x = { 0, NULL, NULL, 0 };

		model_text(b, " ", 1, &x);
	}
	r = model_run(b, ORUN_FIELD);
	r->text = xstrdup(text_label(c, n));
	r->name = xstrdup(nm != NULL ? nm : "");
	r->multiline = tree_is(n, "textarea");
	c->d->nfields++;
}

/* A control and the room to write around it: its lines, the first
 * holding the fill-in place. */
void
text_field_block(struct conv *c, struct oblocks *out, xmlNodePtr n,
    enum ostyle st)
{
	int lines = lines_of(n), i;
	enum ostyle fill = OS_IS_CELL(st) ? st : OS_FILL;
	struct oblock *b;
	const char *nm = tree_get_attr(n, "name");

	if (text_is_box(n)) {
		const char *id = tree_get_attr(n, "id");

		b = model_block(out, OB_PARA, st);
		text_field(c, b, n);
		if (id != NULL && strset_has(&c->hidden, id))
			return;         /* the column header says it */
		b = &out->v[out->n - 1];
		model_text(b, " ", 1, &(struct ictx){ 0, NULL, NULL, 0 });
		model_text(b, text_label(c, n), strlen(text_label(c, n)),
		    &(struct ictx){ 0, NULL, NULL, 0 });
		return;
	}
	if (nm != NULL && (strstr(nm, "signature") != NULL ||
	    strstr(nm, "seal") != NULL) && fill == OS_FILL) {
		/* a place to sign or stamp: ruled room, no text to type */
		model_block(out, OB_PARA, OS_SIGN);
		return;
	}
	b = model_block(out, OB_PARA, fill);
	text_field(c, b, n);
	for (i = 1; i < lines; i++)
		model_block(out, OB_PARA, fill);
}

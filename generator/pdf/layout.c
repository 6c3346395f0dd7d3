/*
 * layout.c: the PDF writer's vertical list, what every part of the
 * typesetter adds to.  A flow holds items (lines, rows, drawings,
 * fields), each with its boxes in top-left points and its keeps; anchors
 * for links and bookmarks wait for the next item.  pages.c cuts a flow
 * into pages; a layout's boxes print as text for tests (layout_dump).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

struct pdf_box *
layout_addbox(struct pdf_layout *l, enum box_kind k)
{
	struct pdf_box *b;

	if (l->nbox == l->capbox) {
		l->capbox = l->capbox ? l->capbox * 2 : 64;
		l->box = xrealloc(l->box, l->capbox * sizeof(*l->box));
	}
	b = &l->box[l->nbox++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

static void
box_release(struct pdf_box *b)
{
	free(b->text);
	free(b->value);
	free(b->label);
}

void
layout_free(struct pdf_layout *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nbox; i++)
		box_release(&l->box[i]);
	for (i = 0; i < l->nanchor; i++) {
		free(l->anchor[i].id);
		free(l->anchor[i].title);
	}
	free(l->box);
	free(l->anchor);
	free(l->land);
	free(l->part);
	memset(l, 0, sizeof(*l));
}

static const char *const kindname[BOX__MAX] = {
	"word", "line", "rule", "rect", "link", "svg", "field", "header",
	"footer", "image",
};

void
layout_dump(const struct pdf_layout *l, FILE *fp, double pw, double ph,
    const struct pdf_style *st, int pageoff)
{
	size_t i;
	const struct pdf_box *b;
	const char *p;

	fprintf(fp, "# page %.2f %.2f margins %.2f %.2f %.2f %.2f\n",
	    pw, ph, st->margin[0], st->margin[1], st->margin[2],
	    st->margin[3]);
	/* the pages turned a quarter: the same paper, width and height
	 * swapped, the same margins */
	for (i = 0; l->land != NULL && i < (size_t)l->npages; i++)
		if (l->land[i])
			fprintf(fp, "# size %d %.2f %.2f\n",
			    (int)i + pageoff + 1, ph, pw);
	for (i = 0; i < l->nbox; i++) {
		b = &l->box[i];
		if (b->kind == BOX_WORD)
			continue;
		fprintf(fp, "%d %s %.2f %.2f %.2f %.2f", b->page + pageoff + 1,
		    kindname[b->kind], b->x, b->y, b->w, b->h);
		if (b->kind == BOX_LINE)
			fprintf(fp, " m=%.2f", b->measure);
		if (b->kind == BOX_LINE && b->para > 0)
			fprintf(fp, " p=%d:%d/%d", b->para, b->lineno, b->nlines);
		/* a field to write in: its lines and their spacing, and
		 * whether it is in a table cell */
		if (b->kind == BOX_FIELD && b->multiline < 2 && b->nlines > 0)
			fprintf(fp, " l=%d:%.2f%s", b->nlines, b->measure,
			    b->cell ? ":cell" : "");
		if (b->text != NULL) {
			fputc(' ', fp);
			for (p = b->text; *p != '\0'; p++)
				fputc(*p == '\n' ? ' ' : *p, fp);
		}
		fputc('\n', fp);
	}
}

struct flow *
layout_new(const struct pdf_env *env)
{
	const struct pdf_style *st = env->st;
	struct flow *f = xcalloc(1, sizeof(*f));
	int i;

	f->diag = env->diag;
	f->d = env->d;
	f->img = env->img;
	f->hyph = env->hyph;
	f->xref = env->xref;
	f->portrait = env->portrait;
	f->kpc = env->kpc;
	f->st = st;
	f->lang = env->lang;
	/* the same margins on both orientations of the same paper */
	for (i = 0; i < 2; i++) {
		struct geom *g = &f->geo[i];

		g->pw = i ? env->ph : env->pw;
		g->ph = i ? env->pw : env->ph;
		g->bx = st->margin[3];
		g->by = st->margin[0];
		g->bw = g->pw - st->margin[1] - st->margin[3];
		g->bh = g->ph - st->margin[0] - st->margin[2];
	}
	layout_orient(f, 0);
	f->forcebefore = -1;
	f->labelend = -1;
	f->tags = env->tags;
	f->tagcur = env->tags != NULL ? env->tags->root : -1;
	return f;
}

void
layout_release(struct vitem *it)
{
	size_t i;

	for (i = 0; i < it->nbox; i++)
		box_release(&it->box[i]);
	free(it->box);
	free(it->anc);
}

void
layout_flow_free(struct flow *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nv; i++)
		layout_release(&f->v[i]);
	free(f->v);
	layout_free(&f->anchors);
	free(f->pend);
	for (i = 0; i < f->nfieldnames; i++)
		free(f->fieldnames[i]);
	free(f->fieldnames);
	for (i = 0; i < f->nradio; i++) {
		size_t k;

		for (k = 0; k < f->radio[i].nstates; k++)
			free(f->radio[i].states[k]);
		free(f->radio[i].states);
		free(f->radio[i].html);
		free(f->radio[i].name);
	}
	free(f->radio);
	free(f);
}

struct pdf_box *
layout_ibox(struct vitem *it, enum box_kind k)
{
	struct pdf_box *b;

	if (it->nbox == it->capbox) {
		it->capbox = it->capbox ? it->capbox * 2 : 8;
		it->box = xrealloc(it->box, it->capbox * sizeof(*it->box));
	}
	b = &it->box[it->nbox++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

/* Appends it (copied) to the flow, with quote bars and waiting anchors;
 * returns its index. */
size_t
layout_push(struct flow *f, struct vitem *it)
{
	struct pdf_box *b;
	int i;

	if (f->forcebefore >= 0) {
		it->before = f->forcebefore;
		f->forcebefore = -1;
	}
	if (f->nextbrk) {
		it->brk = f->nextbrk;
		f->nextbrk = 0;
	}
	it->land = f->land;
	for (i = 0; i < f->ndeco; i++) {
		b = layout_ibox(it, BOX_RULE);
		b->x = f->deco[i].x;
		b->y = 0;
		b->w = 0;
		b->h = it->h;
		b->lw = f->deco[i].lw;
		b->color = f->deco[i].color;
		b->stretch = 1;
	}
	if (f->npend > 0) {
		it->anc = f->pend;
		it->nanc = f->npend;
		f->pend = NULL;
		f->npend = 0;
	}
	if (f->nv == f->capv) {
		f->capv = f->capv ? f->capv * 2 : 64;
		f->v = xrealloc(f->v, f->capv * sizeof(*f->v));
	}
	f->v[f->nv] = *it;
	memset(it, 0, sizeof(*it));
	return f->nv++;
}

/* A new anchor for the next item: an element id and/or a heading. */
void
layout_anchor(struct flow *f, const char *id, int level, const char *title)
{
	struct pdf_layout *l = &f->anchors;
	struct pdf_anchor *a;

	if (l->nanchor == l->capanchor) {
		l->capanchor = l->capanchor ? l->capanchor * 2 : 32;
		l->anchor = xrealloc(l->anchor, l->capanchor * sizeof(*a));
	}
	a = &l->anchor[l->nanchor];
	memset(a, 0, sizeof(*a));
	a->src = f->src;
	a->id = id != NULL && *id != '\0' ? xstrdup(id) : NULL;
	a->level = level;
	a->title = title != NULL ? xstrdup(title) : NULL;
	f->pend = xrealloc(f->pend, (f->npend + 1) * sizeof(int));
	f->pend[f->npend++] = (int)l->nanchor++;
}

/* White space runs to one space, none at the ends (in place). */
char *
layout_squash(char *t)
{
	char *p, *q;

	if (t == NULL)
		return NULL;
	for (p = q = t; *p != '\0'; p++)
		if (!isspace((unsigned char)*p) || (q > t && q[-1] != ' '))
			*q++ = isspace((unsigned char)*p) ? ' ' : *p;
	while (q > t && q[-1] == ' ')
		q--;
	*q = '\0';
	return t;
}

void
layout_ctx(const struct flow *f, struct ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->x = f->bx;
	c->w = layout_measure(f);
	c->right = f->bx + f->bw;
	c->family = PF_SERIF;
	c->size = f->st->size;
	c->color = f->st->text;
	c->justify = f->st->justify;
	c->leading = f->st->leading;
}

void
layout_orient(struct flow *f, int land)
{
	const struct geom *g = &f->geo[land != 0];

	f->land = land != 0;
	f->pw = g->pw;
	f->ph = g->ph;
	f->bx = g->bx;
	f->by = g->by;
	f->bw = g->bw;
	f->bh = g->bh;
}

double
layout_bh(const struct flow *f, const struct vitem *it)
{
	return f->geo[it->land != 0].bh;
}

double
layout_measure(const struct flow *f)
{
	return f->st->measure > 0 && f->st->measure < f->bw ?
	    f->st->measure : f->bw;
}

void
layout_wide(const struct ctx *c, struct ctx *out)
{
	*out = *c;
	if (c->right > c->x + c->w)
		out->w = c->right - c->x;
}

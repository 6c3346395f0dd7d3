/*
 * model.c: the document model the converter builds and the writers read
 * (internal.h): blocks, runs and their text, pictures, the page's
 * measures, and freeing it all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "office/internal.h"

struct oblock *
model_block(struct oblocks *bs, enum oblock_kind k, enum ostyle st)
{
	struct oblock *b;

	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 8;
		bs->v = xrealloc(bs->v, bs->cap * sizeof(*bs->v));
	}
	b = &bs->v[bs->n++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	b->style = st;
	return b;
}

struct orun *
model_run(struct oblock *b, enum orun_kind k)
{
	struct orun *r;

	if (b->nrun == b->caprun) {
		b->caprun = b->caprun ? b->caprun * 2 : 4;
		b->run = xrealloc(b->run, b->caprun * sizeof(*b->run));
	}
	r = &b->run[b->nrun++];
	memset(r, 0, sizeof(*r));
	r->kind = k;
	return r;
}

/* Whether the paragraph's text so far ends with a space (or is empty):
 * a space there is dropped, as HTML collapses it. */
int
model_ends_space(const struct oblock *b)
{
	const struct orun *r;
	size_t l;

	if (b->nrun == 0)
		return 1;
	r = &b->run[b->nrun - 1];
	if (r->kind == ORUN_BREAK)
		return 1;
	if (r->kind != ORUN_TEXT)
		return 0;
	l = strlen(r->text);
	return l == 0 || r->text[l - 1] == ' ';
}

void
model_text(struct oblock *b, const char *s, size_t len, const struct ictx *x)
{
	struct buf t = { 0 };
	struct orun *r;
	size_t i;
	int sp = model_ends_space(b);

	for (i = 0; i < len; i++) {
		char ch = s[i];

		if (x->pre) {
			if (ch == '\n') {
				if (t.len > 0) {
					r = model_run(b, ORUN_TEXT);
					r->text = buf_detach(&t);
					r->flags = x->flags;
					r->href = x->href ? xstrdup(x->href) : NULL;
					r->lang = x->lang ? xstrdup(x->lang) : NULL;
				}
				model_run(b, ORUN_BREAK);
				continue;
			}
			buf_putc(&t, ch == '\t' ? ' ' : ch);
			continue;
		}
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			if (!sp)
				buf_putc(&t, ' ');
			sp = 1;
			continue;
		}
		buf_putc(&t, ch);
		sp = 0;
	}
	if (t.len == 0) {
		buf_free(&t);
		return;
	}
	/* one run with the last one when nothing differs */
	if (b->nrun > 0) {
		r = &b->run[b->nrun - 1];
		if (r->kind == ORUN_TEXT && r->flags == x->flags &&
		    ((r->href == NULL && x->href == NULL) || (r->href &&
		    x->href && strcmp(r->href, x->href) == 0)) &&
		    ((r->lang == NULL && x->lang == NULL) || (r->lang &&
		    x->lang && strcmp(r->lang, x->lang) == 0))) {
			char *j = xasprintf("%s%s", r->text, t.data);

			free(r->text);
			r->text = j;
			buf_free(&t);
			return;
		}
	}
	r = model_run(b, ORUN_TEXT);
	r->text = buf_detach(&t);
	r->flags = x->flags;
	r->href = x->href ? xstrdup(x->href) : NULL;
	r->lang = x->lang ? xstrdup(x->lang) : NULL;
}

/* Drops a paragraph's trailing space. */
void
model_trim(struct oblock *b)
{
	struct orun *r;
	size_t l;

	while (b->nrun > 0) {
		r = &b->run[b->nrun - 1];
		if (r->kind != ORUN_TEXT)
			return;
		l = strlen(r->text);
		while (l > 0 && r->text[l - 1] == ' ')
			r->text[--l] = '\0';
		if (l > 0)
			return;
		free(r->text);
		free(r->href);
		free(r->lang);
		b->nrun--;
	}
}

/* Scales w x h px (96 per inch) to the text width and a page's height,
 * never enlarged. */
static void
fit_cm(const struct odoc *d, double wpx, double hpx, double *w, double *h)
{
	double cw = model_textwidth(d), ch = d->pageh - 2 * d->margin - 4;
	double s = 2.54 / 96;

	if (wpx * s > cw)
		s = cw / wpx;
	if (hpx * s > ch)
		s = ch / hpx;
	*w = wpx * s;
	*h = hpx * s;
}

size_t
model_image(struct odoc *d, char *data, size_t len, const char *ext,
    const char *mime, double wpx, double hpx, const char *alt)
{
	struct oimage *im;

	d->images = xrealloc(d->images, (d->nimages + 1) * sizeof(*im));
	im = &d->images[d->nimages];
	memset(im, 0, sizeof(*im));
	im->part = xasprintf("image%zu.%s", d->nimages + 1, ext);
	im->mime = xstrdup(mime);
	im->data = data;
	im->len = len;
	im->svg = strcmp(ext, "svg") == 0;
	im->alt = xstrdup(alt != NULL ? alt : "");
	fit_cm(d, wpx, hpx, &im->wcm, &im->hcm);
	return d->nimages++;
}

double
model_textwidth(const struct odoc *d)
{
	return d->pagew - 2 * d->margin;
}

int
model_pageof(const char *fmt, char **pre, char **mid, char **post)
{
	const char *a = strstr(fmt, "%d"), *b;

	if (a == NULL || (b = strstr(a + 2, "%d")) == NULL ||
	    strchr(b + 2, '%') != NULL)
		return 0;
	*pre = xstrndup(fmt, (size_t)(a - fmt));
	*mid = xstrndup(a + 2, (size_t)(b - a - 2));
	*post = xstrdup(b + 2);
	return 1;
}

void
model_runs_free(struct oblock *b)
{
	size_t i;

	for (i = 0; i < b->nrun; i++) {
		free(b->run[i].text);
		free(b->run[i].href);
		free(b->run[i].lang);
		free(b->run[i].name);
	}
	free(b->run);
}

static void
blocks_free(struct oblocks *bs)
{
	size_t i, j;

	for (i = 0; i < bs->n; i++) {
		struct oblock *b = &bs->v[i];

		model_runs_free(b);
		free(b->bookmark);
		if (b->table != NULL) {
			for (j = 0; j < b->table->nrows * b->table->ncols; j++)
				blocks_free(&b->table->cell[j].body);
			free(b->table->cell);
			free(b->table->width);
			free(b->table);
		}
		if (b->list != NULL) {
			for (j = 0; j < b->list->nitem; j++)
				blocks_free(&b->list->item[j].body);
			free(b->list->item);
			free(b->list);
		}
	}
	free(bs->v);
	bs->v = NULL;
	bs->n = bs->cap = 0;
}

void
model_free(struct odoc *d)
{
	size_t i;

	if (d == NULL)
		return;
	blocks_free(&d->body);
	for (i = 0; i < d->nimages; i++) {
		free(d->images[i].part);
		free(d->images[i].mime);
		free(d->images[i].data);
		free(d->images[i].alt);
	}
	free(d->images);
	free(d->langtag);
}

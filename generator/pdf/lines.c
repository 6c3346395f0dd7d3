/*
 * lines.c: a paragraph into lines.  In: fragments (inline.c) and the
 * measure; out: one item per line in the flow, its words placed (glue
 * stretched or shrunk for justified text), link areas and the boxes of
 * boxes to tick over their glyphs, with the keeps against orphans and
 * widows.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

/* Lays out fragments as lines of measure (c->x, c->w); each line is one
 * item.  keepall: no page break inside (headings).  Returns how many
 * lines were made. */
size_t
lines_set(struct flow *f, struct inl *in, const struct ctx *c,
    double before, int keepall, int widows)
{
	struct kplist l = { 0 };
	int *br = NULL;
	size_t nb, li, i, first = f->nv, s;
	double lead = c->leading > 0 ? c->leading : f->st->leading;

	if (in->n == 0)
		return 0;
	break_items(f, &l, in, c->w, c->justify);
	for (i = 0; i < l.n && l.it[i].type != IT_BOX; i++)
		;
	if (i == l.n) {
		free(l.it);
		return 0;
	}
	nb = break_lines(&l, c->w, c->justify, &br);
	s = 0;
	for (li = 0; li < nb; li++) {
		struct vitem it;
		struct pdf_box *b;
		long wi = -1, li2 = -1;    /* indices: ibox may move boxes */
		struct buf text = { 0 };
		size_t e = (size_t)br[li], j;
		double L = 0, Y = 0, Z = 0, r = 0, x, maxsize = 0, h, base;
		double left = -1, right = 0;
		int last = li + 1 == nb, hyph;
		const char *curhref = NULL;

		/* skip discardable items at the line start */
		while (s < e && l.it[s].type != IT_BOX)
			s++;
		for (j = s; j < e; j++) {
			if (l.it[j].type == IT_PEN)
				continue;
			L += l.it[j].w;
			if (l.it[j].type == IT_GLUE) {
				Y += l.it[j].st;
				Z += l.it[j].sh;
			} else if (in->fr[l.it[j].fr].size > maxsize)
				maxsize = in->fr[l.it[j].fr].size;
		}
		hyph = l.it[e].type == IT_PEN && l.it[e].flag &&
		    l.it[e].w > 0;
		if (hyph)
			L += l.it[e].w;
		if (maxsize == 0)
			maxsize = c->size;
		if (L > c->w && Z > 0)
			r = (c->w - L) / Z;
		else if (c->justify && !last && Y > 0 && Y < 1e5 &&
		    !(l.it[e].type == IT_PEN && l.it[e].pen == FORCE_PEN))
			r = (c->w - L) / Y;
		if (r < -1)
			r = -1;
		memset(&it, 0, sizeof(it));
		h = maxsize * lead;
		base = (h - (ASC + DESC) * maxsize) / 2 + ASC * maxsize;
		it.h = h;
		it.base = base;
		it.before = li == 0 ? before : 0;
		x = c->x;
		if (c->center && L < c->w)
			x += (c->w - L) / 2;
		for (j = s; j < e || (j == e && hyph); j++) {
			const struct kp *k = &l.it[j];
			const struct frag *fr = &in->fr[k->fr];
			const char *t;
			size_t tl;

			if (j == e) {
				t = "-";
				tl = 1;
			} else if (k->type == IT_GLUE) {
				x += k->w + (r > 0 ? r * k->st : r * k->sh);
				wi = -1;
				continue;
			} else if (k->type == IT_PEN)
				continue;
			else {
				t = fr->text + k->off;
				tl = k->len;
			}
			if (tl == 0)
				continue;
			if (wi >= 0 && it.box[wi].font == fr->font &&
			    it.box[wi].size == fr->size &&
			    it.box[wi].color == fr->color) {
				struct pdf_box *wb = &it.box[wi];
				size_t ol = strlen(wb->text);

				wb->text = xrealloc(wb->text, ol + tl + 1);
				memcpy(wb->text + ol, t, tl);
				wb->text[ol + tl] = '\0';
				wb->w += k->w;
			} else {
				struct pdf_box *wb = layout_ibox(&it, BOX_WORD);

				wi = (long)(wb - it.box);
				wb->font = fr->font;
				wb->size = fr->size;
				wb->color = fr->color;
				wb->text = xstrndup(t, tl);
				wb->x = x;
				wb->w = k->w;
				wb->base = base;
				wb->y = base - ASC * fr->size;
				wb->h = (ASC + DESC) * fr->size;
			}
			if (fr->field != NULL && j != e) {
				struct pdf_box *cb = layout_ibox(&it, BOX_FIELD);

				cb->x = x;
				cb->w = k->w;
				cb->y = base - ASC * fr->size;
				cb->h = (ASC + DESC) * fr->size;
				cb->multiline = 2;
				cb->text = xstrdup(fr->field);
				cb->label = fr->label ? xstrdup(fr->label) : NULL;
				cb->value = fr->checked ? xstrdup("Yes") : NULL;
				if (fr->state != NULL) {
					/* a radio button: its group's
					 * widget for the state */
					cb->multiline = 3;
					free(cb->value);
					cb->value = xstrdup(fr->state);
					cb->checked = fr->checked;
				}
				cb->size = fr->size;
				wi = -1;
			}
			if (left < 0)
				left = x;
			x += k->w;
			right = x;
			buf_put(&text, t, tl);
			/* links: one area per run of the same href */
			if (fr->href != NULL) {
				if (li2 >= 0 && curhref == fr->href)
					it.box[li2].w = x - it.box[li2].x;
				else {
					struct pdf_box *lk = layout_ibox(&it, BOX_LINK);

					li2 = (long)(lk - it.box);
					lk->text = xstrdup(fr->href);
					lk->src = f->src;
					lk->x = x - k->w;
					lk->w = k->w;
					lk->y = 0;
					lk->h = h;
					curhref = fr->href;
				}
			} else {
				li2 = -1;
				curhref = NULL;
			}
			if (j + 1 < e && l.it[j + 1].type == IT_GLUE)
				buf_putc(&text, ' ');
			if (j == e)
				break;
		}
		/* the line box: what the checks read */
		b = layout_ibox(&it, BOX_LINE);
		b->x = left < 0 ? c->x : left;
		b->w = left < 0 ? 0 : right - left;
		b->y = 0;
		b->h = h;
		b->measure = c->w;
		while (text.len > 0 && text.data[text.len - 1] == ' ')
			text.data[--text.len] = '\0';
		b->text = text.data != NULL ? buf_detach(&text) : xstrdup("");
		it.keep = keepall;
		layout_push(f, &it);
		s = e + 1;
	}
	if (widows) {
		f->npara++;
		for (li = first; li < f->nv; li++)
			for (i = 0; i < f->v[li].nbox; i++)
				if (f->v[li].box[i].kind == BOX_LINE) {
					f->v[li].box[i].para = f->npara;
					f->v[li].box[i].lineno = (int)(li - first) + 1;
					f->v[li].box[i].nlines = (int)(f->nv - first);
				}
	}
	/* orphans and widows: two lines at least on each side of a break */
	if (widows && f->nv - first >= 2) {
		f->v[first].keep = 1;
		f->v[f->nv - 2].keep = 1;
	}
	free(br);
	free(l.it);
	return f->nv - first;
}

/* A paragraph from the inline children of n (or the run first..stop). */
void
lines_para(struct flow *f, const struct ctx *c, xmlNodePtr first,
    xmlNodePtr stop, double before)
{
	struct inl in = { 0 };
	xmlNodePtr n;
	int label = 1;

	for (n = first; n != stop; n = n->next) {
		inline_node(f, &in, c, n, NULL);
		if (n->type == XML_ELEMENT_NODE && !tree_is(n, "label"))
			label = 0;
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			const char *p;

			for (p = (const char *)n->content; *p; p++)
				if (!is_space((unsigned char)*p))
					label = 0;
		}
	}
	f->labelstart = (int)f->nv;
	lines_set(f, &in, c, before, 0, 1);
	if (label)
		f->labelend = (int)f->nv;
	inline_free(&in);
}

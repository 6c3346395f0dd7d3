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

/* What the items s..e of a line (the break at e) measure. */
struct lmeasure {
	double	 L;                 /* natural width (with a hyphen) */
	double	 Y, Z;              /* the glue's stretch and shrink */
	double	 maxsize;           /* the largest text size, 0: none */
	int	 hyph;              /* a hyphen at the break */
};

static void
measure(const struct kplist *l, const struct inl *in, size_t s, size_t e,
    struct lmeasure *m)
{
	size_t j;

	memset(m, 0, sizeof(*m));
	for (j = s; j < e; j++) {
		if (l->it[j].type == IT_PEN)
			continue;
		m->L += l->it[j].w;
		if (l->it[j].type == IT_GLUE) {
			m->Y += l->it[j].st;
			m->Z += l->it[j].sh;
		} else if (in->fr[l->it[j].fr].size > m->maxsize)
			m->maxsize = in->fr[l->it[j].fr].size;
	}
	m->hyph = l->it[e].type == IT_PEN && l->it[e].flag &&
	    l->it[e].w > 0;
	if (m->hyph)
		m->L += l->it[e].w;
}

/* The text t (tl bytes) of fragment fr at x, w wide, on the line it:
 * one word box with the one before (*wi) when they share font, size and
 * colour. */
static void
word_box(struct vitem *it, long *wi, const struct frag *fr, const char *t,
    size_t tl, double x, double w, double base, int tag)
{
	struct pdf_box *wb;

	if (*wi >= 0 && it->box[*wi].font == fr->font &&
	    it->box[*wi].size == fr->size &&
	    it->box[*wi].color == fr->color && it->box[*wi].tag == tag) {
		size_t ol;

		wb = &it->box[*wi];
		ol = strlen(wb->text);
		wb->text = xrealloc(wb->text, ol + tl + 1);
		memcpy(wb->text + ol, t, tl);
		wb->text[ol + tl] = '\0';
		wb->w += w;
		return;
	}
	wb = layout_ibox(it, BOX_WORD);
	*wi = (long)(wb - it->box);
	wb->font = fr->font;
	wb->size = fr->size;
	wb->color = fr->color;
	wb->tag = tag;
	wb->text = xstrndup(t, tl);
	wb->x = x;
	wb->w = w;
	wb->base = base;
	wb->y = base - ASC * fr->size;
	wb->h = (ASC + DESC) * fr->size;
}

/* A space after the text of word box wi (if any, and not there yet):
 * drawn, not measured (the box keeps its width). */
static void
space_after(struct vitem *it, long wi)
{
	struct pdf_box *b;
	size_t n;

	if (wi < 0 || (b = &it->box[wi])->kind != BOX_WORD)
		return;
	n = strlen(b->text);
	if (n > 0 && b->text[n - 1] == ' ')
		return;
	b->text = xrealloc(b->text, n + 2);
	b->text[n] = ' ';
	b->text[n + 1] = '\0';
}

/* The box to tick (or fill-in place) of fragment fr over its glyphs. */
static void
field_box(struct vitem *it, const struct frag *fr, double x, double w,
    double base)
{
	struct pdf_box *cb = layout_ibox(it, BOX_FIELD);

	cb->x = x;
	cb->w = w;
	cb->y = base - ASC * fr->size;
	cb->h = (ASC + DESC) * fr->size;
	cb->multiline = 2;
	cb->tag = fr->ftag;
	cb->text = xstrdup(fr->field);
	cb->label = fr->label ? xstrdup(fr->label) : NULL;
	cb->value = fr->checked ? xstrdup("Yes") : NULL;
	if (fr->state != NULL) {
		/* a radio button: its group's widget for the state */
		cb->multiline = 3;
		free(cb->value);
		cb->value = xstrdup(fr->state);
		cb->checked = fr->checked;
	}
	cb->size = fr->size;
}

/* One line: the items s..e of l (the break at e) as an item of f. */
static void
set_line(struct flow *f, const struct inl *in, const struct ctx *c,
    const struct kplist *l, size_t s, size_t e, int last, double before,
    int keepall)
{
	struct vitem it;
	struct pdf_box *b;
	struct lmeasure m;
	long wi = -1, li2 = -1;    /* indices: ibox may move boxes */
	long lastw = -1;            /* the last word's box */
	struct buf text = { 0 };
	size_t j;
	double r = 0, x, h, base, left = -1, right = 0;
	double lead = c->leading > 0 ? c->leading : f->st->leading;
	const char *curhref = NULL;

	measure(l, in, s, e, &m);
	if (m.maxsize == 0)
		m.maxsize = c->size;
	if (m.L > c->w && m.Z > 0)
		r = (c->w - m.L) / m.Z;
	else if (c->justify && !last && m.Y > 0 && m.Y < 1e5 &&
	    !(l->it[e].type == IT_PEN && l->it[e].pen == FORCE_PEN))
		r = (c->w - m.L) / m.Y;
	if (r < -1)
		r = -1;
	memset(&it, 0, sizeof(it));
	h = m.maxsize * lead;
	base = (h - (ASC + DESC) * m.maxsize) / 2 + ASC * m.maxsize;
	it.h = h;
	it.base = base;
	it.before = before;
	x = c->x;
	if (c->center && m.L < c->w)
		x += (c->w - m.L) / 2;
	for (j = s; j < e || (j == e && m.hyph); j++) {
		const struct kp *k = &l->it[j];
		const struct frag *fr = &in->fr[k->fr];
		const char *t;
		size_t tl;

		if (j == e) {
			t = "-";
			tl = 1;
		} else if (k->type == IT_GLUE) {
			x += k->w + (r > 0 ? r * k->st : r * k->sh);
			/* a real space ends the word: text read out of the
			 * PDF (a screen reader's) keeps its words apart */
			space_after(&it, wi);
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
		/* a box to tick is drawn for its widget (an artifact); a
		 * hyphen added at a break is no part of the text */
		word_box(&it, &wi, fr, t, tl, x, k->w, base,
		    j == e || fr->field != NULL ? 0 : fr->tag);
		if (j != e)
			lastw = wi;
		if (fr->field != NULL && j != e) {
			field_box(&it, fr, x, k->w, base);
			wi = -1;
		}
		if (left < 0)
			left = x;
		x += k->w;
		right = x;
		buf_put(&text, t, tl);
		/* links: one area per run of the same href */
		if (fr->href != NULL) {
			if (li2 >= 0 && curhref == fr->href &&
			    it.box[li2].tag == fr->tag)
				it.box[li2].w = x - it.box[li2].x;
			else {
				struct pdf_box *lk = layout_ibox(&it, BOX_LINK);

				li2 = (long)(lk - it.box);
				lk->tag = fr->tag;
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
		if (j + 1 < e && l->it[j + 1].type == IT_GLUE)
			buf_putc(&text, ' ');
		if (j == e)
			break;
	}
	/* and a line ends between words, unless it ends inside one (a
	 * hyphen, a break in a long word) */
	if (l->it[e].type == IT_GLUE || (l->it[e].type == IT_PEN &&
	    l->it[e].pen <= FORCE_PEN))
		space_after(&it, lastw);
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
	/* a word broken over the line's end (libhyphen's break, or after
	 * a hyphen of its own) */
	it.hyph = l->it[e].type == IT_PEN && l->it[e].flag;
	it.keep = keepall;
	layout_push(f, &it);
}

/* Lays out fragments as lines of measure (c->x, c->w); each line is one
 * item.  keepall: no page break inside (headings).  Returns how many
 * lines were made. */
size_t
lines_set(struct flow *f, struct inl *in, const struct ctx *c,
    double before, int keepall, int widows)
{
	struct kplist l = { 0 };
	int *br = NULL;
	size_t nb = 0, li, i, first = f->nv, s;
	char *key = NULL;

	if (in->n == 0)
		return 0;
	if (f->kpc != NULL)
		key = kpcache_key(f, in, c->w, c->justify);
	if (key == NULL || !kpcache_get(f->kpc, key, &l, &br, &nb)) {
		break_items(f, &l, in, c->w, c->justify);
		for (i = 0; i < l.n && l.it[i].type != IT_BOX; i++)
			;
		if (i < l.n)
			nb = break_lines(&l, c->w, c->justify, &br);
		if (key != NULL)
			kpcache_put(f->kpc, key, &l, br, nb);
	}
	free(key);
	for (i = 0; i < l.n && l.it[i].type != IT_BOX; i++)
		;
	if (i == l.n) {
		free(br);
		free(l.it);
		return 0;
	}
	s = 0;
	for (li = 0; li < nb; li++) {
		size_t e = (size_t)br[li];

		/* skip discardable items at the line start */
		while (s < e && l.it[s].type != IT_BOX)
			s++;
		set_line(f, in, c, &l, s, e, li + 1 == nb, li == 0 ? before : 0,
		    keepall);
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

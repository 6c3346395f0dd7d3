/*
 * matter.c: a document's front and back matter, from the publisher's
 * identity in site.lua.  The cover (a panel in the theme's colour with
 * the toolkit's name, the title and subtitle; the edition and the date
 * of the content; the publisher and logo at the foot), the colophon (a
 * block kept whole after the last page: licence, how to cite, contact,
 * edition, disclaimer, the site's address), and the back cover.  Each is
 * a flow of items, like any page, so the dump and the checks read them.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

#define MM(x)   ((x) * 72.0 / 25.4)
#define WHITE   0xffffffu
#define PALE    0xe6e6eeu       /* secondary text on the panel */

/* Lines of s in the given face, size and colour over (x, w), a structure
 * element of type (P, H1) when the PDF is tagged.  Returns how many
 * lines. */
static size_t
text(struct flow *f, const char *type, const char *s, int font, double size,
    unsigned color, double x, double w, double before, double leading)
{
	struct ctx c;
	struct inl in = { 0 };
	size_t n;
	int save;

	if (s == NULL || *s == '\0')
		return 0;
	save = tag_enter(f, type, NULL);
	layout_ctx(f, &c);
	c.x = x;
	c.w = w;
	c.family = font & ~(PF_BOLD | PF_ITALIC);
	c.bold = (font & PF_BOLD) != 0;
	c.italic = (font & PF_ITALIC) != 0;
	c.size = size;
	c.color = color;
	c.justify = 0;
	c.leading = leading;
	c.nohyph = 1;
	inline_text(f, &in, &c, s, strlen(s), NULL);
	n = lines_set(f, &in, &c, before, 1, 0);
	inline_free(&in);
	f->tagcur = save;
	return n;
}

/* An empty item of height h (a space the page keeps). */
static struct vitem *
space(struct flow *f, double h)
{
	struct vitem it;
	size_t i;

	memset(&it, 0, sizeof(it));
	it.h = h > 0 ? h : 0;
	it.keep = 1;
	i = layout_push(f, &it);        /* f->v may move */
	return &f->v[i];
}

/* The height of items from..f->nv, as pages_paginate stacks them. */
static double
height(const struct flow *f, size_t from)
{
	double h = 0;
	size_t i;

	for (i = from; i < f->nv; i++)
		h += (i > from ? f->v[i].before : 0) + f->v[i].h;
	return h;
}

/* Moves items from..f->nv down by inserting a space of h before them. */
static void
push_down(struct flow *f, size_t from, double h)
{
	struct vitem *sp;

	space(f, h);
	sp = &f->v[f->nv - 1];
	{
		struct vitem t = *sp;

		memmove(&f->v[from + 1], &f->v[from], (f->nv - 1 - from) *
		    sizeof(*f->v));
		f->v[from] = t;
	}
	if (from + 1 < f->nv)
		f->v[from + 1].before = 0;
}

/* The publisher's logo, at most h high and w wide, at x of a new item;
 * returns its width (0: none). */
static double
logo(struct flow *f, const char *path, double x, double w, double h,
    struct vitem *it)
{
	const struct pdf_image *pi;
	struct pdf_box *b;
	double lw, lh, s;

	if (path == NULL || (pi = image_get(f->img, path, NULL, 0, 0)) ==
	    NULL)
		return 0;
	if (!image_size(pi, &lw, &lh) && lw > 0)
		lh = lh * h / lw, lw = h;
	if (lw <= 0 || lh <= 0)
		return 0;
	s = h / lh;
	if (lw * s > w)
		s = w / lw;
	b = layout_ibox(it, BOX_IMAGE);
	b->x = x;
	b->y = 0;
	b->w = lw * s;
	b->h = lh * s;
	b->text = xstrdup(path);
	if (b->h > it->h)
		it->h = b->h;
	return b->w;
}

/* The publisher's block: the logo, its name and address beside it. */
static void
publisher(struct flow *f, const struct pdf_matter *m, double before)
{
	struct vitem it;
	size_t first = f->nv, i;
	double lw, tx;

	if ((m->publisher == NULL || *m->publisher == '\0') &&
	    m->logo == NULL)
		return;
	memset(&it, 0, sizeof(it));
	it.before = before;
	it.keep = 1;
	lw = logo(f, m->logo, f->bx, f->bw * 0.3, MM(16), &it);
	layout_push(f, &it);
	tx = f->bx + (lw > 0 ? lw + MM(5) : 0);
	/* the name and address at the logo's right, from its top */
	text(f, "P", m->publisher, PF_SANS_B, 12, f->st->text, tx,
	    f->bx + f->bw - tx, 0, 1.25);
	text(f, "P", m->publisher_url, PF_SANS, 9, f->st->muted, tx,
	    f->bx + f->bw - tx, 1, 1.25);
	if (lw > 0 && f->nv > first + 1) {
		/* lift the text beside the logo: its boxes into the logo's
		 * item, which grows to hold the taller of the two */
		double y = 0;
		struct vitem *lg = &f->v[first];

		for (i = first + 1; i < f->nv; i++) {
			size_t k;

			y += i > first + 1 ? f->v[i].before : 0;
			for (k = 0; k < f->v[i].nbox; k++) {
				struct pdf_box *b = layout_ibox(lg,
				    f->v[i].box[k].kind);

				*b = f->v[i].box[k];
				memset(&f->v[i].box[k], 0, sizeof(*b));
				b->y += y;
				b->base += y;
			}
			y += f->v[i].h;
			layout_release(&f->v[i]);
		}
		if (y > lg->h)
			lg->h = y;
		f->nv = first + 1;
	}
}

void
matter_cover(struct flow *f, const struct pdf_matter *m)
{
	double pad = MM(12), x = f->bx + pad, w = f->bw - 2 * pad, h;
	struct vitem *panel;
	struct pdf_box *b;
	size_t first, foot;

	f->file = NULL;
	f->quiet = 1;
	/* its words in the cover's section; the panel, rules and logo
	 * are artifacts (the publisher's name is said beside the logo) */
	if (f->tags != NULL && f->tags->cover >= 0)
		f->tagcur = f->tags->cover;
	/* the panel: its rectangle on its first item, grown to fit */
	panel = space(f, pad);
	b = layout_ibox(panel, BOX_RECT);
	b->x = f->bx;
	b->w = f->bw;
	b->hasfill = 1;
	b->fill = m->accent;
	first = f->nv - 1;
	text(f, "P", m->site, PF_SANS_B, 11, PALE, x, w, 0, 1.3);
	space(f, MM(28));
	text(f, "P", m->title, PF_SANS_B, 30, WHITE, x, w, 0, 1.12);
	panel = space(f, MM(7));
	b = layout_ibox(panel, BOX_RULE);
	b->x = x;
	b->w = MM(30);
	b->y = MM(4);
	b->lw = 2;
	b->color = WHITE;
	text(f, "P", m->subtitle, PF_SANS, 15, PALE, x, w, 0, 1.25);
	h = height(f, first) + pad;
	if (h < f->bh * 0.52)
		h = f->bh * 0.52;
	space(f, h - height(f, first));
	f->v[first].box[0].h = h;
	/* under it: the edition and the date of the content */
	text(f, "P", m->edition, PF_SANS_B, 12, f->st->text, f->bx, f->bw,
	    MM(9), 1.3);
	if (m->date != NULL)
		text(f, "P", m->date, PF_SANS, 10.5, f->st->muted, f->bx, f->bw,
		    MM(2), 1.3);
	/* at the foot: the publisher, under a rule */
	foot = f->nv;
	panel = space(f, MM(5));
	b = layout_ibox(panel, BOX_RULE);
	b->x = f->bx;
	b->w = f->bw;
	b->lw = 0.6;
	b->color = f->st->rule;
	publisher(f, m, 0);
	h = height(f, 0);
	if (h < f->bh - EPS)
		push_down(f, foot, f->bh - h - EPS);
	f->v[f->nv - 1].keep = 0;
}

/* A line of the colophon: "label text" in small sans, muted. */
static void
colo_line(struct flow *f, const struct ctx *c, const char *label,
    const char *s, const char *s2, int italic)
{
	struct ctx k = *c;
	struct inl in = { 0 };
	int save;

	if (s == NULL || *s == '\0')
		return;
	save = tag_enter(f, "P", NULL);
	if (label != NULL) {
		k.bold = 1;
		inline_text(f, &in, &k, label, strlen(label), NULL);
		inline_text(f, &in, &k, " ", 1, NULL);
		k.bold = 0;
	}
	k.italic = italic;
	inline_text(f, &in, &k, s, strlen(s), NULL);
	if (s2 != NULL && *s2 != '\0') {
		inline_text(f, &in, &k, " \xe2\x80\x94 ", 5, NULL);
		inline_text(f, &in, &k, s2, strlen(s2), NULL);
	}
	lines_set(f, &in, &k, 3, 1, 0);
	inline_free(&in);
	f->tagcur = save;
}

void
matter_colophon(struct flow *f, const struct pdf_matter *m)
{
	struct ctx c;
	struct vitem *it;
	struct pdf_box *b;
	struct buf t = { 0 };
	size_t first = f->nv, i;
	int save;

	f->file = NULL;
	save = tag_enter(f, "Sect", NULL);      /* a section of its own */
	layout_ctx(f, &c);
	c.family = PF_SANS;
	c.size = f->st->smallsize;
	c.color = f->st->muted;
	c.justify = 0;
	c.nohyph = 1;
	c.leading = 1.35;
	it = space(f, MM(4));
	it->before = 4 * f->st->parskip;
	b = layout_ibox(it, BOX_RULE);
	b->x = c.x;
	b->w = MM(30);
	b->lw = 0.8;
	b->color = f->st->rule;
	text(f, "H1", m->l_about, PF_SANS_B, f->st->smallsize + 1.5,
	    f->st->heading, c.x, c.w, 0, 1.3);
	buf_puts(&t, m->title);
	if (m->subtitle != NULL && *m->subtitle != '\0')
		buf_printf(&t, " \xe2\x80\x94 %s", m->subtitle);
	if (m->edition != NULL && *m->edition != '\0')
		buf_printf(&t, ". %s", m->edition);
	buf_puts(&t, ".");
	if (m->date != NULL)
		buf_printf(&t, " %s.", m->date);
	colo_line(f, &c, NULL, t.data, NULL, 0);
	colo_line(f, &c, m->l_published, m->publisher, m->publisher_url, 0);
	colo_line(f, &c, m->l_licence, m->licence, m->licence_url, 0);
	colo_line(f, &c, m->l_cite, m->cite, NULL, 0);
	buf_reset(&t);
	if (m->email != NULL)
		buf_puts(&t, m->email);
	if (m->contact_url != NULL)
		buf_printf(&t, "%s%s", t.len ? " \xc2\xb7 " : "",
		    m->contact_url);
	if (m->address != NULL && *m->address != '\0')
		buf_printf(&t, "%s%s", t.len ? " \xc2\xb7 " : "", m->address);
	if (t.len > 0)
		colo_line(f, &c, m->l_contact, t.data, NULL, 0);
	colo_line(f, &c, m->l_online, m->site_url, NULL, 0);
	colo_line(f, &c, NULL, m->disclaimer, NULL, 1);
	buf_free(&t);
	/* kept whole, when it fits a page */
	if (height(f, first) <= f->bh)
		for (i = first; i + 1 < f->nv; i++)
			f->v[i].keep = 1;
	f->v[f->nv - 1].keep = 0;
	f->tagcur = save;
}

void
matter_back(struct flow *f, const struct pdf_matter *m)
{
	double pad = MM(12), x = f->bx + pad, w = f->bw - 2 * pad, h;
	struct vitem *panel;
	struct pdf_box *b;
	size_t first;

	f->file = NULL;
	f->quiet = 1;
	if (f->tags != NULL && f->tags->back >= 0)
		f->tagcur = f->tags->back;
	publisher(f, m, 0);
	if (f->nv == 0)
		space(f, 0);
	/* the panel at the foot: the toolkit, what it is, where it is */
	first = f->nv;
	panel = space(f, pad);
	b = layout_ibox(panel, BOX_RECT);
	b->x = f->bx;
	b->w = f->bw;
	b->hasfill = 1;
	b->fill = m->accent;
	text(f, "P", m->site, PF_SANS_B, 16, WHITE, x, w, 0, 1.2);
	text(f, "P", m->description, PF_SANS, 11, PALE, x, w, MM(4), 1.35);
	text(f, "P", m->site_url, PF_SANS_B, 10.5, WHITE, x, w, MM(4), 1.3);
	text(f, "P", m->licence, PF_SANS, 9, PALE, x, w, MM(4), 1.3);
	space(f, pad);
	h = height(f, first);
	f->v[first].box[0].h = h;
	h = height(f, 0);
	if (h < f->bh - EPS)
		push_down(f, first, f->bh - h - EPS);
	f->v[f->nv - 1].keep = 0;
}

/*
 * pages.c: pages and contents.  The table of contents as a flow of its
 * own, and any flow cut into pages: at the last allowed
 * break before an item that does not fit, a heading kept with its intro
 * and the visual it introduces, a table's header repeated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

/* 1 when title is one letter (a glossary's or an index's "A", "B"...):
 * not an entry of the contents, which would list the alphabet. */
static int
one_letter(const char *title)
{
	size_t i = 0, len = strlen(title);
	int n = 0;

	while (i < len) {
		size_t at = i;
		long cp = utf8_next(title, len, &i);

		if (i <= at)
			i = at + 1;
		if (cp != ' ' && cp != 0xA0)
			n++;
	}
	return n == 1;
}

void
pages_toc(struct flow *f, const char *heading_text,
    const struct pdf_layout *content, int maxlevel, int pageoff)
{
	struct ctx c;
	struct inl in = { 0 };
	size_t i, first, j;
	double numw;

	int toc = -1, save;

	f->file = NULL;
	f->quiet = 1;
	/* a section: its heading, then a TOC of TOCI, each a Link */
	if (f->tags != NULL && f->tags->toc >= 0) {
		tag_clear(f->tags, f->tags->toc);
		f->tagcur = f->tags->toc;
	}
	save = tag_enter(f, "H1", NULL);
	layout_ctx(f, &c);
	c.family = PF_SANS;
	c.bold = 1;
	c.size = f->st->hsize[0];
	c.color = f->st->heading;
	c.justify = 0;
	c.leading = 1.2;
	inline_text(f, &in, &c, heading_text, strlen(heading_text), NULL);
	lines_set(f, &in, &c, 0, 1, 0);
	inline_free(&in);
	f->tagcur = save;
	tag_enter(f, "TOC", NULL);
	toc = f->tagcur;
	if (f->nv > 0)
		f->v[f->nv - 1].h += 10;
	numw = draw_width(f->d, PF_SERIF, f->st->size, "0000", 4);
	for (i = 0; i < content->nanchor; i++) {
		const struct pdf_anchor *a = &content->anchor[i];
		struct pdf_box *b;
		char num[16];
		struct vitem *last;

		if (a->level < 1 || a->level > maxlevel || a->title == NULL ||
		    (a->level > 1 && one_letter(a->title)))
			continue;
		f->tagcur = toc;
		tag_enter(f, "TOCI", NULL);
		tag_enter(f, "Link", NULL);
		if (tag_get(f->tags, f->tagcur) != NULL)
			tag_set(&tag_get(f->tags, f->tagcur)->alt, a->title);
		layout_ctx(f, &c);
		c.justify = 0;
		c.nohyph = 1;
		c.x = f->bx + (a->level - 1) * f->st->indent;
		c.w = f->bw - (a->level - 1) * f->st->indent - numw - 12;
		if (a->level == 1) {
			c.family = PF_SANS;
			c.bold = 1;
		}
		inline_text(f, &in, &c, a->title, strlen(a->title), NULL);
		first = f->nv;
		lines_set(f, &in, &c, a->level == 1 ? 6 : 1.5, 1, 0);
		inline_free(&in);
		if (f->nv == first)
			continue;
		f->v[f->nv - 1].keep = 0;
		/* the page number, right-aligned on the last line */
		last = &f->v[f->nv - 1];
		snprintf(num, sizeof(num), "%d", a->page + pageoff + 1);
		b = layout_ibox(last, BOX_WORD);
		b->font = c.family + (c.bold ? PF_BOLD : 0);
		b->size = c.size;
		b->color = c.color;
		b->tag = tag_content(f);
		b->text = xstrdup(num);
		b->w = draw_width(f->d, b->font, c.size, num, strlen(num));
		b->x = f->bx + f->bw - b->w;
		b->base = last->base;
		b->y = b->base - ASC * c.size;
		b->h = (ASC + DESC) * c.size;
		b = layout_ibox(last, BOX_LINE);
		b->x = f->bx + f->bw - numw;
		b->w = numw;
		b->h = last->h;
		b->measure = numw;
		b->text = xstrdup(num);
		/* each line is a link to the heading */
		for (j = first; j < f->nv; j++) {
			b = layout_ibox(&f->v[j], BOX_LINK);
			b->x = c.x;
			b->w = f->bx + f->bw - c.x;
			b->h = f->v[j].h;
			b->src = -1;
			b->tag = tag_content(f);
			b->text = xasprintf("#pk-anchor-%zu", i);
		}
	}
	f->tagcur = save;
}

/* ---- pagination ------------------------------------------------------- */

struct place {
	int	 page;
	double	 y;                 /* item top, from the body top */
	int	 item;              /* index into the flow's items */
};

static void
put_item(struct flow *f, struct pdf_layout *out, const struct vitem *it,
    int page, double y, int attop, int copy)
{
	size_t i;

	for (i = 0; i < it->nbox; i++) {
		struct pdf_box *b = layout_addbox(out, it->box[i].kind);

		*b = it->box[i];
		b->text = it->box[i].text ? xstrdup(it->box[i].text) : NULL;
		b->value = it->box[i].value ? xstrdup(it->box[i].value) :
		    NULL;
		b->label = it->box[i].label ? xstrdup(it->box[i].label) :
		    NULL;
		b->page = page;
		b->y += f->by + y;
		b->base += f->by + y;
		if (b->stretch && !attop) {
			b->y -= it->before;
			b->h += it->before;
		}
		/* a repeated header row is not its paragraphs again, nor
		 * content: the table's header was read where it began */
		if (copy) {
			b->para = 0;
			b->tag = 0;
			b->art = ART_COPY;
		}
	}
}

/*
 * A heading, its intro (up to two short paragraphs) and the drawing,
 * figure, image or table they introduce go on one page: the intro's
 * lines are kept with what follows, but only when the whole chain (the
 * heading through the visual's own keeps) fits on an empty page, so a
 * visual too tall for that still breaks where it did.
 */
#define INTRO_LINES 6
static void
keep_intros(struct flow *f)
{
	size_t i, j, k, hs, e, nl;
	int np, para;
	double h;

	for (i = 0; i + 1 < f->nv; i++) {
		if (f->v[i].role != R_HEAD || f->v[i + 1].role == R_HEAD)
			continue;
		nl = 0;
		np = 0;
		para = -1;
		for (j = i + 1; j < f->nv && f->v[j].role == R_PARA &&
		    !f->v[j].brk && nl <= INTRO_LINES; j++) {
			int p = 0;

			for (k = 0; k < f->v[j].nbox; k++)
				if (f->v[j].box[k].kind == BOX_LINE)
					p = f->v[j].box[k].para;
			if (p != para)
				np++;
			para = p;
			nl++;
		}
		if (j == i + 1 || nl > INTRO_LINES || np > 2 || j == f->nv ||
		    f->v[j].role != R_VISUAL || f->v[j].brk)
			continue;
		/* the chain: the heading's lines to the end of the
		 * visual's keeps */
		for (hs = i; hs > 0 && f->v[hs - 1].role == R_HEAD &&
		    f->v[hs - 1].keep && !f->v[hs].brk; hs--)
			;
		for (e = j; e + 1 < f->nv && f->v[e].keep && !f->v[e + 1].brk;
		    e++)
			;
		h = 0;
		for (k = hs; k <= e; k++)
			h += (k > hs ? f->v[k].before : 0) + f->v[k].h;
		if (h > layout_bh(f, &f->v[i]) + EPS)
			continue;
		for (k = i + 1; k < j; k++)
			f->v[k].keep = 1;
	}
}

void
pages_paginate(struct flow *f, int pageoff, struct pdf_layout *out)
{
	struct place *pl = xcalloc(f->nv + 1, sizeof(*pl));
	struct place *rep = NULL;       /* repeated table headers */
	/* each page's orientation: at most a blank and a new page per item */
	unsigned char *land = xcalloc(2 * f->nv + 4, 1);
	size_t nrep = 0, i, s = 0, j, k;
	int page = 0, *lasthead, pland = 0;
	double y = 0;
	int empty = 1, afterhead = 0;

	/* the header row of each table, by table number */
	keep_intros(f);
	lasthead = xcalloc((size_t)f->ntable + 2, sizeof(int));
	for (i = 0; i < f->nv; i++)
		if (f->v[i].thead)
			lasthead[f->v[i].table] = (int)i + 1;
	i = 0;
	while (i < f->nv) {
		struct vitem *it = &f->v[i];
		double sp = empty ? 0 : it->before;

		/* a new page where asked, and where the orientation turns;
		 * a page of a part follows on a page less than half full */
		if (!empty && ((it->brk && it->brk != BRK_SOFT) ||
		    it->land != pland || (it->brk == BRK_SOFT &&
		    y > f->geo[pland].bh / 2))) {
			page++;
			y = 0;
			empty = 1;
			s = i;
			continue;
		}
		if (it->brk == BRK_RECTO && empty &&
		    (page + pageoff) % 2 == 1) {
			/* duplex: leave a blank left-hand page */
			page++;
		}
		if (empty) {
			pland = it->land;
			land[page] = (unsigned char)pland;
			if (i == 0 || it->brk == BRK_PAGE ||
			    it->brk == BRK_RECTO) {
				out->part = xrealloc(out->part,
				    (out->npart + 1) * sizeof(int));
				out->part[out->npart++] = page;
			}
		}
		/* after a repeated header the row goes in whatever its size,
		 * or the header would be repeated for ever */
		if (empty || afterhead ||
		    y + sp + it->h <= f->geo[pland].bh + EPS) {
			pl[i].page = page;
			pl[i].y = y + sp;
			pl[i].item = (int)i;
			y += sp + it->h;
			empty = 0;
			afterhead = 0;
			i++;
			continue;
		}
		/* it does not fit: break at the last allowed point, never
		 * after a line ending in a hyphen (the word would go on
		 * over the page) */
		j = i;
		for (;;) {
			while (j > s && f->v[j - 1].keep)
				j--;
			if (j > s + 1 && f->v[j - 1].hyph) {
				j--;
				continue;
			}
			break;
		}
		if (j == s)
			j = i;          /* a chain of keeps longer than a page */
		else if (j < i && pl[j].y < f->geo[pland].bh / 3) {
			/* a block kept whole would leave this page under a
			 * third full: it breaks, at its last point that is
			 * no heading's, orphan's or widow's keep */
			for (k = i; k > j && ((f->v[k - 1].keep &&
			    !f->v[k - 1].kb) || f->v[k - 1].hyph); k--)
				;
			if (k > j)
				j = k;
		}
		/* drop repeated headers that are now alone on the page */
		page++;
		y = 0;
		empty = 1;
		s = j;
		i = j;
		it = &f->v[i];
		if (it->table && !it->thead && lasthead[it->table] > 0 &&
		    (size_t)lasthead[it->table] - 1 < i) {
			const struct vitem *hd =
			    &f->v[lasthead[it->table] - 1];

			rep = xrealloc(rep, (nrep + 1) * sizeof(*rep));
			rep[nrep].page = page;
			rep[nrep].y = 0;
			rep[nrep].item = lasthead[it->table] - 1;
			nrep++;
			y = hd->h;
			empty = 0;
			afterhead = 1;
			pland = it->land;
			land[page] = (unsigned char)pland;
		}
	}
	out->npages = page + 1;
	for (k = 0; k < (size_t)out->npages && !land[k]; k++)
		;
	if (k < (size_t)out->npages)
		out->land = land;       /* some page is landscape */
	else
		free(land);
	for (i = 0; i < f->nv; i++) {
		const struct vitem *it = &f->v[i];

		put_item(f, out, it, pl[i].page, pl[i].y, pl[i].y <= 0, 0);
		for (k = 0; k < it->nanc; k++) {
			struct pdf_anchor *a =
			    &f->anchors.anchor[it->anc[k]];

			a->page = pl[i].page;
			a->y = f->by + pl[i].y;
		}
	}
	for (i = 0; i < nrep; i++) {
		const struct vitem *hd = &f->v[rep[i].item];
		size_t b0 = out->nbox;

		put_item(f, out, hd, rep[i].page, rep[i].y, 1, 1);
		/* a repeated header carries no form field or anchor */
		for (k = b0; k < out->nbox; k++)
			if (out->box[k].kind == BOX_FIELD)
				out->box[k].kind = BOX_RECT;
	}
	/* a copy of the anchors: a flow may be paginated again */
	out->nanchor = out->capanchor = f->anchors.nanchor;
	out->anchor = xcalloc(out->nanchor + 1, sizeof(*out->anchor));
	for (i = 0; i < out->nanchor; i++) {
		out->anchor[i] = f->anchors.anchor[i];
		if (out->anchor[i].id != NULL)
			out->anchor[i].id = xstrdup(out->anchor[i].id);
		if (out->anchor[i].title != NULL)
			out->anchor[i].title = xstrdup(out->anchor[i].title);
	}
	free(pl);
	free(rep);
	free(lasthead);
}

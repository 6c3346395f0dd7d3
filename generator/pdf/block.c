/*
 * block.c: the block walk, the PDF writer's typesetter for a page.  In: a
 * page's <article>; out: its blocks in the flow: paragraphs, headings
 * (anchored for the outline), lists, quotes, code, drawings and images
 * (figure.c), definition lists, fields (form.c) and tables (table.c), with
 * the keeps that hold a heading to what follows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

static void container(struct flow *, const struct ctx *, xmlNodePtr);
static void block(struct flow *, const struct ctx *, xmlNodePtr);
static void block_inner(struct flow *, const struct ctx *, struct ctx *,
    xmlNodePtr);
static void block_plain(struct flow *, const struct ctx *, struct ctx *,
    xmlNodePtr);

static void
para(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct ctx k = *c;
	const char *cls = tree_get_attr(n, "class");
	int save;

	if (cls != NULL && strstr(cls, "pk-meta") != NULL) {
		k.size = f->st->smallsize;
		k.color = f->st->muted;
		k.justify = 0;
	} else if (tree_has_class(n, "pk-prompt")) {
		/* a worksheet's prompt: grey, with the field it helps */
		k.size = f->st->smallsize + 0.5;
		k.color = f->st->muted;
		k.italic = 1;
		k.justify = 0;
		save = tag_enter(f, "P", n);
		container(f, &k, n);
		f->tagcur = save;
		if (f->nv > 0)
			f->v[f->nv - 1].keep = 1;
		return;
	}
	/* a p may hold fields, which are blocks in print */
	save = tag_enter(f, "P", n);

	container(f, &k, n);
	f->tagcur = save;
}

static void
heading(struct flow *f, const struct ctx *c, xmlNodePtr n, int level)
{
	static const char *const hn[] = { "H1", "H2", "H3", "H4", "H5",
	    "H6" };
	struct ctx k = *c;
	struct inl in = { 0 };
	/* the outline wants one line of plain text */
	char *title = layout_squash(tree_text_content(n));
	size_t nl, i;
	/* a level skipped (#### after #) is tagged as the next one down,
	 * so that readers' heading lists stay whole (a11y.c warned) */
	int tl = level > f->hlevel + 1 ? f->hlevel + 1 : level;
	int save = tag_enter(f, hn[tl - 1], n);

	f->hlevel = tl;

	layout_anchor(f, tree_get_attr(n, "id"), level, title);
	free(title);
	k.family = PF_SANS;
	k.bold = level <= 4;
	k.italic = level == 6;
	k.size = f->st->hsize[level - 1];
	k.color = f->st->heading;
	k.justify = 0;
	k.leading = 1.2;
	k.nohyph = 1;
	inline_walk(f, &in, &k, n, NULL);
	nl = lines_set(f, &in, &k, level <= 2 ? k.size * 1.0 : k.size * 0.9,
	    1, 0);
	inline_free(&in);
	f->tagcur = save;
	if (nl > 0) {
		/* room below, and kept with what follows */
		f->v[f->nv - 1].h += k.size * 0.35;
		for (i = f->nv - nl; i < f->nv; i++) {
			f->v[i].keep = 1;
			f->v[i].role = R_HEAD;
		}
		f->forcebefore = 0;
	}
}

static void
hrule(struct flow *f, const struct ctx *c)
{
	struct vitem it;
	struct pdf_box *b;

	memset(&it, 0, sizeof(it));
	it.h = f->st->size;
	it.before = parskip(f);
	b = layout_ibox(&it, BOX_RULE);
	b->x = c->x + c->w * 0.25;
	b->y = it.h / 2;
	b->w = c->w * 0.5;
	b->h = 0;
	b->lw = 0.6;
	b->color = f->st->rule;
	layout_push(f, &it);
}

static void
list(struct flow *f, const struct ctx *c, xmlNodePtr n, int ordered)
{
	static const char *const bullets[] = {
		"\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x97\xa6",
	};
	struct ctx k = *c;
	xmlNodePtr li;
	const char *a;
	long num = 1;
	int firstli = 1;
	size_t lastfirst = 0;           /* the first item of the last li */
	int save = tag_enter(f, "L", n), l = f->tagcur;

	if (ordered && (a = tree_get_attr(n, "start")) != NULL)
		num = strtol(a, NULL, 10);
	k.x = c->x + f->st->indent;
	k.w = c->w - f->st->indent;
	k.depth = c->depth + 1;
	if (k.w < f->bw * 0.4 && c->depth == 0 && c->w > c->size * 6) {
		/* a list in a narrow place (a table cell): a small indent,
		 * room for the marker all the same */
		k.x = c->x + c->size * 1.1;
		k.w = c->w - c->size * 1.1;
	} else if (k.w < f->bw * 0.4) {
		/* deep nesting: stop indenting rather than squeeze */
		k.x = c->x;
		k.w = c->w;
	}
	for (li = n->children; li != NULL; li = li->next) {
		struct run *r;
		size_t first, nr, i;
		char mark[32];
		double mw = 0, mx;
		int te, lbl;

		if (!tree_is(li, "li"))
			continue;
		/* LI: Lbl (the marker), LBody (the item) */
		te = tag_open(f->tags, l, "LI");
		tag_lang(f, te, li);
		lbl = tag_slot(f->tags, tag_open(f->tags, te, "Lbl"));
		if (te >= 0)
			f->tagcur = tag_open(f->tags, te, "LBody");
		if (ordered && (a = tree_get_attr(li, "value")) != NULL)
			num = strtol(a, NULL, 10);
		if (ordered)
			snprintf(mark, sizeof(mark), "%ld.", num++);
		else
			snprintf(mark, sizeof(mark), "%s",
			    bullets[c->depth % 3]);
		f->forcebefore = firstli ? parskip(f) : parskip(f) * 0.4;
		first = f->nv;
		if (!firstli)
			lastfirst = first;
		firstli = 0;
		container(f, &k, li);
		f->tagcur = l;
		f->forcebefore = -1;
		if (f->nv == first) {
			struct vitem it;

			memset(&it, 0, sizeof(it));
			it.h = k.size * f->st->leading;
			it.base = it.h * 0.75;
			layout_push(f, &it);
		}
		/* the marker at the first line's baseline */
		nr = draw_split(f->d, PF_SERIF, mark, strlen(mark), &r, NULL,
		    NULL);
		for (i = 0; i < nr; i++)
			mw += draw_width(f->d, r[i].font, k.size, r[i].text,
			    r[i].len);
		mx = k.x - mw - k.size * 0.45;
		if (mx < c->x)
			mx = c->x;
		for (i = 0; i < nr; i++) {
			struct pdf_box *b = layout_ibox(&f->v[first], BOX_WORD);

			b->font = r[i].font;
			b->size = k.size;
			b->color = c->color;
			b->tag = lbl;
			b->text = r[i].text;
			r[i].text = NULL;
			b->w = draw_width(f->d, b->font, k.size, b->text,
			    strlen(b->text));
			b->x = mx;
			b->base = f->v[first].base > 0 ? f->v[first].base :
			    k.size;
			b->y = b->base - ASC * k.size;
			b->h = (ASC + DESC) * k.size;
			mx += b->w;
		}
		draw_runs_free(r, nr);
	}
	/* a last item of one line does not go alone to the next page */
	if (lastfirst > 0 && f->nv == lastfirst + 1)
		f->v[lastfirst - 1].keep = 1;
	f->tagcur = save;
}

static void
quote(struct flow *f, const struct ctx *c, xmlNodePtr n, unsigned color,
    double lw)
{
	struct ctx k = *c;
	/* a note aside is a Note (with the /ID a Note needs) */
	int note = tree_is(n, "aside");
	int save = tag_enter(f, note ? "Note" : "BlockQuote", n);
	struct tag_elem *e = tag_get(f->tags, f->tagcur);

	if (note && e != NULL && save != f->tagcur)
		e->id = xasprintf("pk-note-%d", f->tagcur);

	k.x = c->x + f->st->indent;
	k.w = c->w - f->st->indent;
	if (k.w < f->bw * 0.4) {
		k.x = c->x;
		k.w = c->w;
	}
	if (f->ndeco < 16) {
		f->deco[f->ndeco].x = k.x - f->st->indent * 0.55;
		f->deco[f->ndeco].color = color;
		f->deco[f->ndeco].lw = lw;
		f->ndeco++;
	}
	container(f, &k, n);
	if (f->ndeco > 0)
		f->ndeco--;
	f->tagcur = save;
}

/* A code block: mono, unjustified, long lines wrapped by character. */
static void
code(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	char *text = tree_text_content(n);
	double size = f->st->codesize, lh = size * 1.3, pad = size * 0.5;
	double w = c->w - 2 * pad;
	size_t first = f->nv, len, i, ls, col;
	struct buf line = { 0 };
	const char *p, *e;
	int tsave = tag_enter(f, "Code", n);

	len = strlen(text);
	while (len > 0 && text[len - 1] == '\n')
		text[--len] = '\0';
	p = text;
	for (;;) {
		e = memchr(p, '\n', (size_t)(text + len - p));
		if (e == NULL)
			e = text + len;
		/* tabs to spaces (tab stops every 4 columns) */
		buf_reset(&line);
		for (i = 0, col = 0; p + i < e; i++)
			if (p[i] == '\t')
				do
					buf_putc(&line, ' ');
				while (++col % 4);
			else {
				buf_putc(&line, p[i]);
				if (((unsigned char)p[i] & 0xC0) != 0x80)
					col++;
			}
		if (line.data == NULL)
			buf_puts(&line, "");
		ls = 0;
		do {
			struct ctx k = *c;
			struct inl in = { 0 };
			struct vitem it;
			struct pdf_box *b;
			size_t j = ls, cut = line.len, save;
			double x = c->x + pad;

			/* the longest piece that fits */
			while (j < line.len) {
				save = j;
				utf8_next(line.data, line.len, &j);
				if (draw_width(f->d, PF_MONO, size,
				    line.data + ls, j - ls) > w && save > ls) {
					cut = save;
					break;
				}
			}
			k.family = PF_MONO;
			k.bold = k.italic = 0;
			k.size = size;
			inline_text(f, &in, &k, line.data + ls, cut - ls, NULL);
			memset(&it, 0, sizeof(it));
			it.h = lh;
			it.base = (lh - (ASC + DESC) * size) / 2 + ASC * size;
			it.before = f->nv == first ? parskip(f) : 0;
			b = layout_ibox(&it, BOX_RECT);
			b->x = c->x;
			b->w = c->w;
			b->h = lh;
			b->hasfill = 1;
			b->fill = f->st->shade;
			for (i = 0; i < in.n; i++) {
				b = layout_ibox(&it, BOX_WORD);
				b->font = in.fr[i].font;
				b->size = size;
				b->color = c->color;
				b->tag = in.fr[i].tag;
				b->text = in.fr[i].text;
				in.fr[i].text = NULL;
				b->w = draw_width(f->d, b->font, size, b->text,
				    in.fr[i].len);
				b->x = x;
				b->base = it.base;
				b->y = it.base - ASC * size;
				b->h = (ASC + DESC) * size;
				x += b->w;
			}
			/* the line ends: a space, for text read out of it */
			if (in.n > 0 && it.box[it.nbox - 1].kind == BOX_WORD) {
				struct pdf_box *lw = &it.box[it.nbox - 1];
				size_t tl = strlen(lw->text);

				lw->text = xrealloc(lw->text, tl + 2);
				memcpy(lw->text + tl, " ", 2);
			}
			b = layout_ibox(&it, BOX_LINE);
			b->x = c->x + pad;
			b->w = x - (c->x + pad);
			b->h = lh;
			b->measure = w;
			b->text = xstrndup(line.data + ls, cut - ls);
			inline_free(&in);
			layout_push(f, &it);
			ls = cut;
		} while (ls < line.len);
		if (e >= text + len)
			break;
		p = e + 1;
	}
	/* padding above and below, inside the shade */
	if (f->nv > first) {
		struct vitem *a = &f->v[first], *z = &f->v[f->nv - 1];

		for (i = 0; i < a->nbox; i++)
			if (a->box[i].kind != BOX_RULE) {
				a->box[i].y += pad;
				a->box[i].base += pad;
			}
		for (i = 0; i < a->nbox; i++)
			if (a->box[i].kind == BOX_RECT)
				a->box[i].y = 0, a->box[i].h += pad;
		a->h += pad;
		a->base += pad;
		for (i = 0; i < z->nbox; i++)
			if (z->box[i].kind == BOX_RECT)
				z->box[i].h += pad;
		z->h += pad;
		if (f->nv - first >= 2) {
			f->v[first].keep = 1;
			f->v[f->nv - 2].keep = 1;
		}
	}
	buf_free(&line);
	free(text);
	f->tagcur = tsave;
}

/* A run of inline content: a paragraph, or, when it holds images alone
 * (spaces and line breaks between them), those images as pictures. */
static void
inline_run(struct flow *f, const struct ctx *c, xmlNodePtr first,
    xmlNodePtr stop)
{
	xmlNodePtr m, next;
	struct ctx k;
	int n = 0;

	for (m = first; m != stop; m = m->next) {
		const char *p;

		if (tree_is(m, "img")) {
			n++;
			continue;
		}
		if (tree_is(m, "br"))
			continue;
		if (m->type != XML_TEXT_NODE)
			break;
		for (p = (const char *)m->content; p != NULL && *p != '\0' &&
		    is_space((unsigned char)*p); p++)
			;
		if (p != NULL && *p != '\0')
			break;
	}
	if (m != stop || n == 0) {
		/* text in an element that groups blocks: a paragraph */
		int save = tag_holds_text(f) ? f->tagcur :
		    tag_enter(f, "P", NULL);

		lines_para(f, c, first, stop, parskip(f));
		f->tagcur = save;
		return;
	}
	/* the element after the run: a figure's caption? */
	for (next = stop; next != NULL && next->type != XML_ELEMENT_NODE;
	    next = next->next)
		;
	layout_wide(c, &k);
	for (m = first; m != stop; m = m->next)
		if (tree_is(m, "img"))
			figure_picture(f, &k, m, --n == 0 &&
			    tree_is(next, "figcaption"));
}


/*
 * Room to sign on the right of its label dt, on one item: a line about
 * 10 mm below the top, or a box for a seal.  Falls back to the label
 * above the room when the label takes more than a line.
 */
static int
sign_beside(struct flow *f, const struct ctx *c, xmlNodePtr dt, int seal,
    int bold)
{
	struct ctx k = *c;
	struct inl in = { 0 };
	struct vitem *it;
	struct pdf_box *b;
	double right = c->x, h = seal ? 72 : 30, dy;
	size_t i, nl;

	k.bold = bold;
	k.justify = 0;
	inline_walk(f, &in, &k, dt, NULL);
	nl = lines_set(f, &in, &k, parskip(f), 1, 0);
	inline_free(&in);
	if (nl != 1)
		return 0;
	it = &f->v[f->nv - 1];
	for (i = 0; i < it->nbox; i++)
		if (it->box[i].kind == BOX_WORD &&
		    it->box[i].x + it->box[i].w > right)
			right = it->box[i].x + it->box[i].w;
	/* the label on the line, or at the top of the seal's box */
	dy = seal ? 2 + k.size * ASC - it->base : h - 4 - it->base;
	for (i = 0; i < it->nbox; i++) {
		it->box[i].y += dy;
		it->box[i].base += dy;
	}
	it->base += dy;
	it->h = h;
	it->keep = 0;
	if (right < c->x + c->w * 0.3)
		right = c->x + c->w * 0.3;
	else
		right += 6;
	b = layout_ibox(it, seal ? BOX_RECT : BOX_RULE);
	b->x = right;
	b->w = c->x + c->w - right;
	if (seal && b->w > 144)
		b->w = 144;
	b->y = seal ? 2 : h - 2;
	b->h = seal ? h - 4 : 0;
	b->lw = 0.6;
	b->color = f->st->rule;
	return 1;
}

/* A definition list of a signature block: each term and its text on one
 * line, each room to sign on the right of its term (a term in bold, but
 * in a form, where the terms are labels as its fields' are). */
static void
deflist_compact(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	xmlNodePtr m, dd;
	int form = 0, l = f->tagcur, li;

	for (m = n->parent; m != NULL && !form; m = m->parent)
		form = tree_is(m, "form");

	for (m = n->children; m != NULL; m = m->next) {
		struct ctx k = *c;
		struct inl in = { 0 };

		if (!tree_is(m, "dt"))
			continue;
		for (dd = m->next; dd != NULL && dd->type != XML_ELEMENT_NODE;
		    dd = dd->next)
			;
		/* an LI whose Lbl is the term, its text the LBody; the room
		 * to sign (a line, a box) an artifact */
		li = tag_open(f->tags, l, "LI");
		tag_lang(f, li, m);
		if (li >= 0)
			f->tagcur = tag_open(f->tags, li, "Lbl");
		if (dd != NULL && tree_is(dd, "dd") &&
		    tree_has_class(dd, "pk-sign-line") && dd->children == NULL &&
		    sign_beside(f, c, m, tree_has_class(dd, "pk-sign-seal"),
		    !form)) {
			f->tagcur = l;
			m = dd;
			continue;
		}
		k.justify = 0;
		k.bold = 1;
		inline_walk(f, &in, &k, m, NULL);
		if (dd != NULL && tree_is(dd, "dd")) {
			k.bold = 0;
			if (li >= 0) {
				f->tagcur = tag_open(f->tags, li, "LBody");
				tag_lang(f, f->tagcur, dd);
			}
			inline_text(f, &in, &k, "\xc2\xa0\xc2\xa0 ", 5, NULL);
			inline_walk(f, &in, &k, dd, NULL);
			m = dd;
		}
		f->tagcur = l;
		lines_set(f, &in, &k, parskip(f), 0, 1);
		inline_free(&in);
	}
}

/* A definition list as a list: each term an LI whose Lbl is the term and
 * whose LBody are its definitions. */
static void
deflist(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	xmlNodePtr m;
	int save = tag_enter(f, "L", n), l = f->tagcur, li = -1;

	if (n->parent != NULL && tree_has_class(n->parent, "pk-signature")) {
		deflist_compact(f, c, n);
		f->tagcur = save;
		return;
	}

	for (m = n->children; m != NULL; m = m->next) {
		if (tree_is(m, "dt")) {
			struct ctx k = *c;
			struct inl in = { 0 };

			k.bold = 1;
			k.justify = 0;
			li = tag_open(f->tags, l, "LI");
			tag_lang(f, li, m);
			if (li >= 0)
				f->tagcur = tag_open(f->tags, li, "Lbl");
			inline_walk(f, &in, &k, m, NULL);
			lines_set(f, &in, &k, parskip(f), 1, 0);
			inline_free(&in);
			f->tagcur = l;
			f->forcebefore = 1;
		} else if (tree_is(m, "dd") &&
		    tree_has_class(m, "pk-sign-line") &&
		    m->children == NULL) {
			/* room to sign on: a ruled line about 10 mm below
			 * its label, or a box for a seal */
			struct vitem it;
			struct pdf_box *b;
			double w = c->w - f->st->indent;
			int seal = tree_has_class(m, "pk-sign-seal");

			memset(&it, 0, sizeof(it));
			it.before = 1;
			it.h = seal ? 72 : 30;          /* 25 mm, 10.5 mm */
			b = layout_ibox(&it, seal ? BOX_RECT : BOX_RULE);
			b->x = c->x + f->st->indent;
			b->w = seal ? (w < 144 ? w : 144) : (w < 250 ? w : 250);
			b->y = seal ? 2 : it.h - 2;
			b->h = seal ? it.h - 4 : 0;
			b->lw = 0.6;
			b->color = f->st->rule;
			layout_push(f, &it);
			f->forcebefore = -1;
		} else if (tree_is(m, "dd")) {
			struct ctx k = *c;

			k.x += f->st->indent;
			k.w -= f->st->indent;
			if (li < 0)
				li = tag_open(f->tags, l, "LI");
			if (li >= 0) {
				f->tagcur = tag_open(f->tags, li, "LBody");
				tag_lang(f, f->tagcur, m);
			}
			container(f, &k, m);
			f->tagcur = l;
			f->forcebefore = -1;
		}
	}
	f->tagcur = save;
}

static void
block(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct ctx k = *c;

	if (n->type != XML_ELEMENT_NODE ||
	    tree_has_class(n, "pk-visually-hidden"))
		return;
	if (f->nest >= 48) {
		/* absurdly deep nesting: the text, as one paragraph */
		char *t = tree_text_content(n);
		struct inl in = { 0 };

		int save = tag_holds_text(f) ? f->tagcur :
		    tag_enter(f, "P", NULL);

		if (f->nest++ == 48)
			diag(f->diag, DIAG_WARN, f->file, 0, 0,
			    "blocks nested more than 48 deep: the rest printed "
			    "as plain text");
		inline_text(f, &in, c, t, strlen(t), NULL);
		lines_set(f, &in, c, parskip(f), 0, 1);
		inline_free(&in);
		f->tagcur = save;
		free(t);
		f->nest--;
		return;
	}
	f->nest++;
	block_inner(f, c, &k, n);
	f->nest--;
}

/* The items first.. of a paragraph: R_PARA when they are lines of text
 * and nothing else (no field, no picture). */
static void
mark_para(struct flow *f, size_t first)
{
	size_t i, b;

	for (i = first; i < f->nv; i++) {
		if (f->v[i].role != R_NONE || f->v[i].table)
			return;
		for (b = 0; b < f->v[i].nbox; b++) {
			enum box_kind k = f->v[i].box[b].kind;

			if (k != BOX_WORD && k != BOX_LINE && k != BOX_LINK &&
			    k != BOX_RULE)
				return;
		}
	}
	for (i = first; i < f->nv; i++)
		f->v[i].role = R_PARA;
}

/* The block n itself, by its kind. */
static void
block_plain(struct flow *f, const struct ctx *c, struct ctx *kp,
    xmlNodePtr n)
{
	struct ctx k = *kp;
	size_t first = f->nv;

	if (tree_is(n, "p")) {
		para(f, c, n);
		mark_para(f, first);
	} else if (tree_is(n, "ul") || tree_is(n, "ol"))
		list(f, c, n, tree_is(n, "ol"));
	else if (tree_is(n, "blockquote"))
		quote(f, c, n, f->st->rule, 1.5);
	else if (tree_is(n, "aside")) {
		k.size = f->st->smallsize + 0.5;
		k.family = PF_SANS;
		k.justify = 0;
		quote(f, &k, n, f->st->link, 2.5);
	} else if (tree_is(n, "pre")) {
		layout_wide(c, &k);
		code(f, &k, n);
	}
	else if (tree_is(n, "hr"))
		hrule(f, c);
	else if (tree_is(n, "table")) {
		layout_wide(c, &k);
		table_layout(f, &k, n);
		if (f->nv > first)
			f->v[first].role = R_VISUAL;
	}
	else if (tree_is(n, "dl"))
		deflist(f, c, n);
	else if (tree_is(n, "input") || tree_is(n, "textarea") ||
	    tree_is(n, "select")) {
		layout_wide(c, &k);
		form_field(f, &k, n);
	}
	else if (tree_is(n, "figcaption") || tree_is(n, "legend") ||
	    tree_is(n, "caption") ||
	    tree_is(n, "summary")) {
		int save = tag_enter(f, tree_is(n, "figcaption") ||
		    tree_is(n, "caption") ? "Caption" : "P", n);

		k.family = PF_SANS;
		k.bold = !tree_is(n, "figcaption");
		k.size = f->st->smallsize + 0.5;
		k.justify = 0;
		lines_para(f, &k, n->children, NULL, parskip(f));
		f->tagcur = save;
		/* with what follows, but a figcaption only when something
		 * of its figure follows it */
		if (f->nv > 0 && !tree_is(n, "figcaption"))
			f->v[f->nv - 1].keep = 1;
		else if (f->nv > 0) {
			xmlNodePtr m;

			for (m = n->next; m != NULL; m = m->next)
				if (m->type == XML_ELEMENT_NODE)
					break;
			if (m != NULL)
				f->v[f->nv - 1].keep = 1;
		}
	} else if (tree_is(n, "script") || tree_is(n, "style") ||
	    tree_is(n, "template") ||
	    tree_is(n, "button") || tree_is(n, "nav"))
		return;
	else {
		/* a group of blocks: a section, or a division */
		int save = tree_is(n, "section") || tree_is(n, "article") ?
		    tag_enter(f, "Sect", n) : tag_enter(f, "Div", n);

		container(f, c, n);
		f->tagcur = save;
		if (tree_is(n, "figure") && f->nv > first)
			f->v[first].role = R_VISUAL;
	}
}

/* 1 when n comes right after the legend of its fieldset. */
static int
after_legend(xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = n->prev; m != NULL && m->type != XML_ELEMENT_NODE; m = m->prev)
		;
	return m != NULL && tree_is(m, "legend");
}

/*
 * A group of boxes to tick (fieldset.pk-choices) as one paragraph: its
 * question (the legend) in bold, then its choices, on the same line when
 * they fit.  0 when it holds more than a legend and boxes to tick.
 */
static int
choices(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	xmlNodePtr m, legend = NULL;
	struct inl in = { 0 };
	struct ctx k = *c;

	for (m = n->children; m != NULL; m = m->next)
		if (tree_is(m, "legend") && legend == NULL)
			legend = m;
		else if (m->type == XML_ELEMENT_NODE && !inline_is(m))
			return 0;
	if (legend == NULL || tree_has_class(legend, "pk-visually-hidden"))
		return 0;
	k.family = PF_SANS;
	k.bold = 1;
	k.size = f->st->smallsize + 0.5;
	k.justify = 0;
	inline_walk(f, &in, &k, legend, NULL);
	k = *c;
	k.justify = 0;
	inline_text(f, &in, &k, "\xc2\xa0 ", 3, NULL);
	for (m = n->children; m != NULL; m = m->next)
		if (m != legend)
			inline_node(f, &in, &k, m, NULL);
	lines_set(f, &in, &k, parskip(f), 0, 1);
	inline_free(&in);
	return 1;
}

/*
 * A block marked pk-landscape (a worksheet wider than tall): its items
 * go on pages of the same paper turned a quarter, the first on a new
 * page; portrait pages resume after it (pages_paginate breaks where the
 * orientation turns).  Its measure is the landscape body's, less what
 * the block was indented by.  Inside a table cell, or inside another
 * landscape block, the class does nothing.
 */
static void
landscape(struct flow *f, const struct ctx *c, struct ctx *kp, xmlNodePtr n)
{
	struct ctx k = *c, kk = *kp;
	double left = c->x - f->bx, right = f->bx + f->bw - c->right;
	size_t first = f->nv, i, nl = 0;

	layout_orient(f, 1);
	k.x = kk.x = f->bx + left;
	k.right = kk.right = f->bx + f->bw - right;
	k.w = kk.w = layout_measure(f) < k.right - k.x ? layout_measure(f) :
	    k.right - k.x;
	block_inner(f, &k, &kk, n);
	layout_orient(f, 0);
	if (f->nv == first)
		return;
	/* the heading just before it, and a short intro between them, go
	 * on its first page (they are narrower than its measure) */
	for (i = first; i > 0 && f->v[i - 1].role == R_PARA && !f->v[i].brk &&
	    nl < 6; i--)
		nl++;
	if (i == 0 || f->v[i - 1].role != R_HEAD || f->v[i].brk)
		return;
	for (; i > 0 && f->v[i - 1].role == R_HEAD; i--) {
		f->v[i - 1].land = 1;
		if (f->v[i - 1].brk)
			break;
	}
	/* and when only a page's title and a short intro are left above
	 * them on its first page, those too, rather than a page nearly
	 * empty (the start of a worksheet's page) */
	if (i > 0 && !f->v[i].brk) {
		size_t j = i;

		for (nl = 0; j > 0 && !f->v[j].brk && nl < 8 &&
		    (f->v[j - 1].role == R_PARA || f->v[j - 1].role == R_HEAD);
		    j--)
			nl += f->v[j - 1].role == R_PARA;
		if (f->v[j].brk)
			i = j;
	}
	for (; i < first; i++)
		f->v[i].land = 1;
}

static void
block_inner(struct flow *f, const struct ctx *c, struct ctx *kp,
    xmlNodePtr n)
{
	struct ctx k = *kp, cc;
	const char *id;

	if (!f->land && f->insub == 0 && !f->portrait &&
	    tree_has_class(n, "pk-landscape")) {
		landscape(f, c, kp, n);
		return;
	}

	if (tree_has_class(n, "pk-compact")) {
		/* its fields with their labels at the left (label_left) */
		cc = *c;
		cc.compact = 1;
		c = &cc;
		k.compact = 1;
		/* a little more room above a block of fields (not under
		 * the legend of its group) */
		if (f->forcebefore < 0 && f->nv > 0 && !after_legend(n))
			f->forcebefore = 2 * parskip(f);
		f->compactfirst = (int)f->nv;
	}
	if (tree_is_svg(n)) {
		struct ctx w;

		if (tree_is(n, "svg")) {
			layout_wide(c, &w);
			figure_drawing(f, &w, n);
		}
		return;
	}
	if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	    n->name[2] == '\0') {
		heading(f, c, n, n->name[1] - '0');
		return;
	}
	if ((id = tree_get_attr(n, "id")) != NULL)
		layout_anchor(f, id, 0, NULL);
	if (tree_has_class(n, "pk-form-title") ||
	    tree_has_class(n, "pk-plan-title") ||
	    tree_has_class(n, "pk-note")) {
		/* a worksheet's title, a note under it: with what follows
		 * in their block */
		size_t first = f->nv, i;
		xmlNodePtr m;

		block_plain(f, c, &k, n);
		for (m = n->next; m != NULL; m = m->next)
			if (m->type == XML_ELEMENT_NODE)
				break;
		if (m != NULL && f->nv > first && f->nv - first < 8)
			for (i = first; i < f->nv; i++)
				f->v[i].keep = 1;
		return;
	}
	if (tree_is(n, "fieldset") && tree_has_class(n, "pk-choices") &&
	    choices(f, c, n))
		return;
	if (tree_has_class(n, "pk-pairs")) {
		table_pairs(f, c, n);
		return;
	}
	if (tree_has_class(n, "pk-keep") || tree_has_class(n, "pk-signature")) {
		/* a small block kept on one page (a signature, a candidate) */
		size_t first = f->nv, i;
		double h = 0;

		container(f, c, n);
		for (i = first; i < f->nv; i++)
			h += (i > first ? f->v[i].before : 0) + f->v[i].h;
		if (h <= f->bh)
			for (i = first; i + 1 < f->nv; i++)
				if (!f->v[i].keep)
					f->v[i].keep = f->v[i].kb = 1;
		return;
	}
	block_plain(f, c, &k, n);
}

/* Children of n: runs of inline content become paragraphs. */
static void
container(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	xmlNodePtr m, run = NULL;

	for (m = n->children; m != NULL; m = m->next) {
		if (inline_is(m)) {
			if (run == NULL) {
				/* whitespace alone does not start a paragraph */
				if (m->type == XML_TEXT_NODE) {
					const char *p = (const char *)m->content;

					while (p != NULL && is_space((unsigned char)*p))
						p++;
					if (p == NULL || *p == '\0')
						continue;
				}
				run = m;
			}
			continue;
		}
		if (run != NULL) {
			inline_run(f, c, run, m);
			run = NULL;
		}
		block(f, c, m);
	}
	if (run != NULL)
		inline_run(f, c, run, NULL);
}

static int
has_h1(xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = n->children; m != NULL; m = m->next)
		if (tree_is(m, "h1") || (m->type == XML_ELEMENT_NODE &&
		    !tree_is_svg(m) && has_h1(m)))
			return 1;
	return 0;
}

void
block_article(struct flow *f, xmlNodePtr article, int src,
    const char *file, const char *title, int brk)
{
	struct ctx c;
	size_t first = f->nv;

	f->src = src;
	f->file = file;
	f->article = article;
	f->blocks = container;  /* a table cell's blocks */
	f->block = block;       /* a block beside another */
	f->nest = 0;
	/* each page of the document a section of its own, its headings
	 * from h1 (as doc/a11y.c reads them) */
	f->tagcur = f->tags != NULL ? f->tags->root : -1;
	f->hlevel = 0;
	tag_enter(f, "Sect", article);
	f->nwarned = 0;
	f->labelend = -1;
	layout_ctx(f, &c);
	/* where links to the page itself land */
	layout_anchor(f, NULL, 0, NULL);
	f->nextbrk = brk;
	if ((article == NULL || !has_h1(article)) && title != NULL &&
	    *title != '\0') {
		xmlNodePtr h = xmlNewNode(NULL, (const xmlChar *)"h1");

		xmlNodeAddContent(h, (const xmlChar *)title);
		heading(f, &c, h, 1);
		xmlFreeNode(h);
	}
	f->forcebefore = 0;
	if (article != NULL)
		container(f, &c, article);
	f->forcebefore = -1;
	/* a page following on in its part: room above its title */
	if (f->nv > first)
		f->v[first].before = brk == BRK_SOFT ? 2 * f->st->hsize[0] : 0;
	else {
		struct vitem it;

		memset(&it, 0, sizeof(it));
		layout_push(f, &it);
	}
	f->tagcur = f->tags != NULL ? f->tags->root : -1;
}

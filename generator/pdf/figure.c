/*
 * figure.c: drawings and pictures as blocks, for block.c.  In: an inline
 * <svg> or an <img> with its file (image.c); out: its item in the flow,
 * centred and sized to the measure and the page, tagged as a Figure with
 * its text alternative (an artifact without one), or its alt text.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

/* ---- drawings --------------------------------------------------------- */

/*
 * The height a drawing may take: four fifths of the page, but the whole
 * page less its caption when it is its figure's one drawing and the
 * figure is a page of its own (pk-landscape: the blank stakeholder map).
 */
static double
page_room(const struct flow *f, xmlNodePtr n)
{
	xmlNodePtr fig = n->parent, m;
	double used = parskip(f);
	size_t i;

	if (fig == NULL || !tree_is(fig, "figure") ||
	    !tree_has_class(fig, "pk-landscape"))
		return f->bh * 0.8;
	for (m = fig->children; m != NULL; m = m->next)
		if (m != n && m->type == XML_ELEMENT_NODE &&
		    !tree_is(m, "figcaption"))
			return f->bh * 0.8;
	/* the caption just laid out (its lines), kept with the drawing */
	for (i = f->nv; i > 0 && f->v[i - 1].keep && !f->v[i - 1].brk; i--)
		used += f->v[i - 1].h + (i < f->nv ? f->v[i].before : 0);
	return f->bh - used - 1;
}

/* The element with id under root, or NULL. */
static xmlNodePtr
by_id(xmlNodePtr root, const char *id)
{
	xmlNodePtr m;
	const char *a;

	for (m = root->children; m != NULL; m = m->next) {
		if (m->type != XML_ELEMENT_NODE)
			continue;
		if ((a = tree_get_attr(m, "id")) != NULL && strcmp(a, id) == 0)
			return m;
		if ((a = (const char *)by_id(m, id)) != NULL)
			return (xmlNodePtr)a;
	}
	return NULL;
}

/* What a drawing says to those who cannot see it: its aria-label, the
 * text of what aria-labelledby names, else its <title> and <desc>.  A new
 * string, or NULL. */
static char *
svg_alt(const struct flow *f, xmlNodePtr n)
{
	struct buf b = { 0 };
	const char *a = tree_get_attr(n, "aria-label");
	xmlNodePtr m;

	if (a != NULL && *a != '\0')
		return layout_squash(xstrdup(a));
	if ((a = tree_get_attr(n, "aria-labelledby")) != NULL) {
		char *ids = xstrdup(a), *save, *id;

		for (id = strtok_r(ids, " \t\n", &save); id != NULL;
		    id = strtok_r(NULL, " \t\n", &save)) {
			if ((m = by_id(n, id)) == NULL && f->article != NULL)
				m = by_id(f->article, id);
			if (m != NULL) {
				char *t = tree_text_content(m);

				if (b.len > 0)
					buf_putc(&b, ' ');
				buf_puts(&b, t);
				free(t);
			}
		}
		free(ids);
	}
	if (b.len == 0)
		for (m = n->children; m != NULL; m = m->next)
			if (tree_is(m, "title") || tree_is(m, "desc")) {
				char *t = tree_text_content(m);

				if (b.len > 0)
					buf_putc(&b, ' ');
				buf_puts(&b, t);
				free(t);
			}
	if (b.data == NULL)
		return NULL;
	layout_squash(b.data);
	if (*b.data == '\0') {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* A Figure for a drawing or a picture described by alt (taken), its box
 * b tied to it; without alt, b is drawn as an artifact. */
static void
as_figure(struct flow *f, xmlNodePtr n, struct pdf_box *b, char *alt)
{
	int save;
	struct tag_elem *e;

	if (alt == NULL || *alt == '\0') {
		free(alt);
		return;
	}
	save = tag_enter(f, "Figure", n);
	if ((e = tag_get(f->tags, f->tagcur)) != NULL && save != f->tagcur) {
		e->alt = alt;
		alt = NULL;
		b->tag = tag_content(f);
	}
	free(alt);
	f->tagcur = save;
}

/* The box of a drawing or picture w × h, centred in the measure of c,
 * as item it (keep: 1 to stay on the page of what follows, a caption). */
static struct pdf_box *
centred(struct flow *f, const struct ctx *c, struct vitem *it,
    enum box_kind k, double w, double h, int keep)
{
	struct pdf_box *b;

	memset(it, 0, sizeof(*it));
	it->before = parskip(f);
	it->h = h;
	it->keep = keep;
	it->role = R_VISUAL;
	b = layout_ibox(it, k);
	b->x = c->x + (c->w - w) / 2;
	b->w = w;
	b->h = h;
	return b;
}

/* An inline drawing (<svg>) as a block, centred in the measure of c. */
void
figure_drawing(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct vitem it;
	struct pdf_box *b;
	double vw, vh, w, h;

	if (!svg_size(f->diag, n, f->file, &vw, &vh))
		return;
	w = c->w;
	h = vh * w / vw;
	if (h > page_room(f, n)) {
		h = page_room(f, n);
		w = vw * h / vh;
	}
	b = centred(f, c, &it, BOX_SVG, w, h, 0);
	b->node = n;
	as_figure(f, n, b, svg_alt(f, n));
	layout_push(f, &it);
}

/* ---- images ----------------------------------------------------------- */

/* The alt text of image n, in brackets, as a centred paragraph. */
static void
alt_para(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct ctx k = *c;
	struct inl in = { 0 };
	const char *a = tree_get_attr(n, "alt");
	int save = tag_enter(f, "P", n);

	k.italic = 1;
	k.justify = 0;
	k.center = 1;
	inline_text(f, &in, &k, "[", 1, NULL);
	if (a != NULL)
		inline_text(f, &in, &k, a, strlen(a), NULL);
	inline_text(f, &in, &k, "]", 1, NULL);
	lines_set(f, &in, &k, parskip(f), 0, 1);
	inline_free(&in);
	f->tagcur = save;
}

/*
 * An image file as a block, centred: at its natural size (a bitmap at
 * 96 pixels per inch, as a browser shows it; never enlarged, so a small
 * picture stays sharp), scaled down to the measure and to the page's
 * text area, keeping its proportions; caption is 1 when a figcaption
 * follows, which keeps it with the picture (and room for it).
 */
void
figure_picture(struct flow *f, const struct ctx *c, xmlNodePtr n, int caption)
{
	const struct pdf_image *pi = NULL;
	const char *path = tree_get_attr(n, DATA_PK_FILE);
	const char *src = tree_get_attr(n, "src");
	struct vitem it;
	struct pdf_box *b;
	double w, h, s, maxh;
	int line, col;

	tree_pos(n, &line, &col);
	if (path != NULL)
		pi = image_get(f->img, path, f->file, line, col);
	else if (!f->quiet)
		diag(f->diag, DIAG_WARN, f->file, line, col,
		    "image '%s' is not a file of the project (a remote image "
		    "is not fetched): the PDF prints its alt text",
		    src != NULL ? src : "");
	if (pi == NULL) {
		alt_para(f, c, n);
		return;
	}
	if (!image_size(pi, &w, &h))
		h = h * c->w / w, w = c->w;
	maxh = f->bh - (caption ? 3 * f->st->smallsize * f->st->leading : 0);
	s = 1;
	if (w * s > c->w)
		s = c->w / w;
	if (h * s > maxh)
		s = maxh / h;
	w *= s;
	h *= s;
	b = centred(f, c, &it, BOX_IMAGE, w, h, caption);
	b->text = xstrdup(path);
	/* no alt text: decoration, as in HTML (a11y.c warned) */
	as_figure(f, n, b, layout_squash(tree_get_attr(n, "alt") != NULL ?
	    xstrdup(tree_get_attr(n, "alt")) : NULL));
	layout_push(f, &it);
}

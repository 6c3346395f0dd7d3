/*
 * inline.c: the runs of a paragraph.  In: the inline nodes of a block
 * (text, em, strong, code, a, br, an image's alt text, a box to tick);
 * out: fragments, each a piece of text in one face, size, colour and link
 * that the fonts can draw (draw_split), for lines.c to break into lines.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

static void hyperlink(struct flow *, struct inl *, const struct ctx *,
    xmlNodePtr, const char *);

void
inline_free(struct inl *in)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		free(in->fr[i].text);
		free(in->fr[i].field);
		free(in->fr[i].label);
		free(in->fr[i].state);
	}
	free(in->fr);
	memset(in, 0, sizeof(*in));
}

struct frag *
inline_frag(struct inl *in)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 16;
		in->fr = xrealloc(in->fr, in->cap * sizeof(*in->fr));
	}
	memset(&in->fr[in->n], 0, sizeof(in->fr[0]));
	return &in->fr[in->n++];
}

static int
ctxfont(const struct ctx *c)
{
	return c->family + (c->bold ? PF_BOLD : 0) +
	    (c->italic ? PF_ITALIC : 0);
}

static void
warn_char(void *arg, long cp, int fellback, int font)
{
	struct flow *f = arg;
	int i;

	if (f->quiet)
		return;
	for (i = 0; i < f->nwarned; i++)
		if (f->warned[i] == cp)
			return;
	if (f->nwarned < 32)
		f->warned[f->nwarned++] = cp;
	if (cp < 0)
		diag(f->diag, DIAG_WARN, f->file, 0, 0,
		    "invalid UTF-8 in the text: printed as '?'");
	else if (fellback)
		diag(f->diag, DIAG_WARN, f->file, 0, 0,
		    "character U+%04lX is not in the font %s: printed with the "
		    "fallback font", cp,
		    f->st->font[font] ? f->st->font[font] : "");
	else
		diag(f->diag, DIAG_WARN, f->file, 0, 0,
		    "character U+%04lX is in no PDF font: printed as '?'", cp);
}

/* ---- dates: one word for the line breaker ------------------------------ */

static const char *const months[] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* How many digits (at most max) start s[0..n). */
static size_t
digits(const char *s, size_t n, size_t max)
{
	size_t i = 0;

	while (i < n && i < max && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/* The length of a month name starting s[0..n), 0 if none. */
static size_t
month(const char *s, size_t n)
{
	size_t i, m;

	if (n < 3 || !isalpha((unsigned char)s[0]))
		return 0;       /* most words: not a month */
	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++) {
		if (months[i][0] != s[0])
			continue;
		m = strlen(months[i]);
		if (m <= n && memcmp(s, months[i], m) == 0 &&
		    (m == n || !isalpha((unsigned char)s[m])))
			return m;
	}
	return 0;
}

/* The length of a date starting s[0..n) ("10 mars 2027", "1er mai
 * 2027", "10 March 2027", "March 10, 2027"), 0 if none; sp[] gets the
 * offsets of its spaces (two). */
static size_t
date_at(const char *s, size_t n, size_t sp[2])
{
	size_t i, d, m;

	if ((d = digits(s, n, 2)) > 0) {
		i = d;
		if (i + 1 < n && s[i] == 'e' && s[i + 1] == 'r')
			i += 2;
		if (i >= n || s[i] != ' ' || (m = month(s + i + 1,
		    n - i - 1)) == 0)
			return 0;
		sp[0] = i;
		i += 1 + m;
		if (i >= n || s[i] != ' ' || digits(s + i + 1, n - i - 1, 4) !=
		    4 || digits(s + i + 1, n - i - 1, 5) != 4)
			return 0;
		sp[1] = i;
		return i + 5;
	}
	if ((m = month(s, n)) == 0 || m >= n || s[m] != ' ')
		return 0;
	sp[0] = m;
	i = m + 1;
	if ((d = digits(s + i, n - i, 2)) == 0 || i + d + 1 >= n ||
	    s[i + d] != ',' || s[i + d + 1] != ' ')
		return 0;
	i += d + 1;
	sp[1] = i;
	if (digits(s + i + 1, n - i - 1, 4) != 4 ||
	    digits(s + i + 1, n - i - 1, 5) != 4)
		return 0;
	return i + 5;
}

/* s with the spaces inside each date made no-break (U+00A0), so that a
 * date never breaks over two lines and counts as one word in a table
 * column's width; NULL when s holds no date. */
char *
inline_dates(const char *s, size_t len, size_t *outlen)
{
	struct buf b = { 0 };
	size_t i = 0, done = 0, sp[2], dl;

	while (i < len) {
		if ((i == 0 || !isalnum((unsigned char)s[i - 1])) &&
		    (dl = date_at(s + i, len - i, sp)) > 0) {
			buf_put(&b, s + done, i + sp[0] - done);
			buf_puts(&b, "\xc2\xa0");
			buf_put(&b, s + i + sp[0] + 1, sp[1] - sp[0] - 1);
			buf_puts(&b, "\xc2\xa0");
			done = i + sp[1] + 1;
			i += dl;
			continue;
		}
		i++;
	}
	if (b.data == NULL)
		return NULL;
	buf_put(&b, s + done, len - done);
	*outlen = b.len;
	return buf_detach(&b);
}

/* Adds text in the style of c, split into runs the fonts can draw. */
void
inline_text(struct flow *f, struct inl *in, const struct ctx *c,
    const char *s, size_t len, const char *href)
{
	struct run *r;
	struct frag *fr;
	size_t n, i;
	int font = ctxfont(c);
	char *nb;

	if (len == 0)
		return;
	if ((nb = inline_dates(s, len, &len)) != NULL)
		s = nb;
	n = draw_split(f->d, font, s, len, &r, warn_char, f);
	free(nb);
	for (i = 0; i < n; i++) {
		fr = inline_frag(in);
		fr->font = r[i].font;
		fr->size = c->size;
		fr->color = href != NULL ? f->st->link : c->color;
		fr->text = r[i].text;
		fr->len = r[i].len;
		fr->href = href;
		fr->nohyph = c->nohyph || c->family == PF_MONO;
		fr->tag = tag_content(f);
		r[i].text = NULL;
	}
	draw_runs_free(r, n);
}

int
inline_is(xmlNodePtr n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
	    n->type == XML_ENTITY_REF_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE || tree_is_svg(n))
		return 0;
	if (elem_flags((const char *)n->name) & ELEM_PDF_INLINE)
		return 1;
	if (tree_is(n, "input")) {
		const char *t = tree_get_attr(n, "type");

		return t != NULL && (strcmp(t, "checkbox") == 0 ||
		    strcmp(t, "radio") == 0);
	}
	return 0;
}

/*
 * A link: its words, then what paper needs to follow it (xref.c): the
 * page it leads to in this PDF, or the address it leads to outside; a
 * link that leads nowhere a reader can go prints as plain text.
 */
static void
hyperlink(struct flow *f, struct inl *in, const struct ctx *c, xmlNodePtr n,
    const char *href)
{
	size_t first = in->n, i;
	struct buf t = { 0 };
	char *after;
	int plain = 0, save, link;
	struct tag_elem *e;

	/* a Link element: its words and their annotations; what paper
	 * adds after it is text of the paragraph */
	save = tag_enter(f, "Link", n);
	link = save != f->tagcur ? f->tagcur : -1;
	if ((e = tag_get(f->tags, link)) != NULL)
		e->alt = layout_squash(tree_text_content(n));
	inline_walk(f, in, c, n, href);
	f->tagcur = save;
	if (f->xref == NULL)
		return;
	for (i = first; i < in->n; i++)
		if (in->fr[i].text != NULL)
			buf_put(&t, in->fr[i].text, in->fr[i].len);
	after = xref_print(f->xref, href, f->src, t.data, &plain);
	buf_free(&t);
	if (plain) {
		for (i = first; i < in->n; i++) {
			in->fr[i].href = NULL;
			in->fr[i].color = c->color;
		}
		if ((e = tag_get(f->tags, link)) != NULL)
			e->type = "Span";       /* no annotation: words */
	}
	if (after != NULL) {
		struct ctx k = *c;

		k.nohyph = 1;
		inline_text(f, in, &k, after, strlen(after), NULL);
		free(after);
	}
}

void
inline_node(struct flow *f, struct inl *in, const struct ctx *c,
    xmlNodePtr n, const char *href)
{
	struct ctx k = *c;
	const char *a;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			inline_text(f, in, c, (const char *)n->content,
			    strlen((const char *)n->content), href);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	/* a label for screen readers only (the column header says it in
	 * print); its field still carries it as its tooltip */
	if (tree_has_class(n, "pk-visually-hidden"))
		return;
	if ((a = tree_get_attr(n, "id")) != NULL)
		layout_anchor(f, a, 0, NULL);
	if (tree_is(n, "em") || tree_is(n, "i") || tree_is(n, "cite") ||
	    tree_is(n, "dfn") ||
	    tree_is(n, "var"))
		k.italic = !k.italic;
	else if (tree_is(n, "strong") || tree_is(n, "b"))
		k.bold = 1;
	else if (tree_is(n, "code") || tree_is(n, "kbd") ||
	    tree_is(n, "samp")) {
		k.family = PF_MONO;
		k.size = c->size * 0.9;
		k.nohyph = 1;
	} else if (tree_is(n, "a")) {
		a = tree_get_attr(n, "href");
		if (a != NULL && *a != '\0' && href == NULL) {
			hyperlink(f, in, &k, n, a);
			return;
		}
	} else if (tree_is(n, "br")) {
		inline_frag(in)->text = NULL;
		return;
	} else if (tree_is(n, "img")) {
		int line, col;

		/* in a line of text: its alt text (an image alone in its
		 * paragraph is printed, see picture()) */
		a = tree_get_attr(n, "alt");
		tree_pos(n, &line, &col);
		if (!f->quiet)
			diag(f->diag, DIAG_WARN, f->file, line, col,
			    "image '%s' inside a line of text: the PDF prints "
			    "its alt text (an image alone in its paragraph is "
			    "printed)",
			    tree_get_attr(n, "src") ? tree_get_attr(n, "src") :
			    "");
		k.italic = 1;
		inline_text(f, in, &k, "[", 1, href);
		if (a != NULL)
			inline_text(f, in, &k, a, strlen(a), href);
		inline_text(f, in, &k, "]", 1, href);
		return;
	} else if (tree_is(n, "input") && inline_is(n)) {
		/* a box to tick, drawn as a glyph (fallback font), with a
		 * check box field over it */
		struct frag *fr;

		/* a clear gap from the text before (a choice's label) */
		if (in->n > 0 && in->fr[in->n - 1].text != NULL &&
		    in->fr[in->n - 1].len > 0 && !is_space((unsigned char)
		    in->fr[in->n - 1].text[in->fr[in->n - 1].len - 1]))
			inline_text(f, in, &k, " \xc2\xa0\xc2\xa0", 5, NULL);
		if (!draw_has(f->d, PF_FALLBACK, 0x2610)) {
			inline_text(f, in, &k, "[ ]\xc2\xa0", 5, NULL);
			return;
		}
		fr = inline_frag(in);
		fr->font = PF_FALLBACK;
		fr->size = c->size;
		fr->color = c->color;
		fr->text = xstrdup("\xe2\x98\x90");
		fr->len = strlen(fr->text);
		fr->nohyph = 1;
		fr->checked = tree_get_attr(n, "checked") != NULL;
		/* its field, named and described (form.c); the glyph is an
		 * artifact: the widget stands for it */
		form_box(f, n, fr);
		/* and a small one to its own label, on the same line */
		inline_text(f, in, &k, "\xc2\xa0", 2, NULL);
		return;
	} else if (tree_is(n, "q")) {
		inline_walk(f, in, &k, n, href);
		return;
	} else if ((tree_is(n, "label") && inline_choice(n)) ||
	    tree_is(n, "time")) {
		/* a choice's label stays whole, on the line of its box; a
		 * date stays whole */
		xmlNodePtr m;

		k.nohyph = 1;
		for (m = n->children; m != NULL; m = m->next) {
			char *t, *p;

			if (m->type != XML_TEXT_NODE || m->content == NULL) {
				inline_node(f, in, &k, m, href);
				continue;
			}
			t = inline_nobreak((const char *)m->content);
			for (p = t; *p != '\0'; p++)
				;
			inline_text(f, in, &k, t, (size_t)(p - t), href);
			free(t);
		}
		return;
	}
	if (tag_lang_differs(f, n)) {
		/* text in another language: a Span with its /Lang */
		int save = tag_enter(f, "Span", n);

		inline_walk(f, in, &k, n, href);
		f->tagcur = save;
		return;
	}
	inline_walk(f, in, &k, n, href);
}

/* 1 when label n follows a box to tick: a choice, printed whole. */
int
inline_choice(xmlNodePtr n)
{
	xmlNodePtr m;
	const char *t;

	for (m = n->prev; m != NULL && m->type != XML_ELEMENT_NODE; m = m->prev)
		;
	return m != NULL && tree_is(m, "input") &&
	    (t = tree_get_attr(m, "type")) != NULL &&
	    (strcmp(t, "checkbox") == 0 || strcmp(t, "radio") == 0);
}

/* s with its spaces as no-break spaces (white space runs to one, none
 * at the ends); caller frees. */
char *
inline_nobreak(const char *s)
{
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;

	while (is_space((unsigned char)*s))
		s++;
	while (*s != '\0') {
		if (is_space((unsigned char)*s)) {
			while (is_space((unsigned char)*s))
				s++;
			if (*s != '\0') {
				*o++ = '\xc2';
				*o++ = '\xa0';
			}
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

void
inline_walk(struct flow *f, struct inl *in, const struct ctx *c,
    xmlNodePtr parent, const char *href)
{
	xmlNodePtr n;

	for (n = parent->children; n != NULL; n = n->next)
		inline_node(f, in, c, n, href);
}

/*
 * pdf_layout.c: the PDF writer's typesetter.  In: document trees
 * (<article>, XHTML namespace); out: a vertical list of items (lines,
 * rows, drawings, fields) cut into pages, as boxes in top-left points.
 * Paragraphs are broken by a Knuth-Plass-style optimal fit over words,
 * glue and libhyphen break points; every word is placed here, since
 * libharu's word spacing does nothing with UTF-8 fonts.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "pdf/internal.h"
#include "tree/tree.h"

#define INF_PEN    10000        /* penalty meaning "never break here" */
#define FORCE_PEN  (-10000)     /* penalty meaning "always break here" */
#define ASC        0.905        /* ascent, as a fraction of the size */
#define DESC       0.212        /* descent */
#define EPS        0.01

/* ---- boxes and the result --------------------------------------------- */

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
		if (b->text != NULL) {
			fputc(' ', fp);
			for (p = b->text; *p != '\0'; p++)
				fputc(*p == '\n' ? ' ' : *p, fp);
		}
		fputc('\n', fp);
	}
}

/* ---- the vertical list ------------------------------------------------ */

/* What an item is, for keep_intros(): a heading's line, a line of a
 * plain paragraph, or the first item of a drawing, figure, image or
 * table. */
enum { R_NONE, R_HEAD, R_PARA, R_VISUAL };

struct vitem {
	double	 h;                 /* height */
	double	 before;            /* space above, dropped at a page top */
	double	 base;              /* first baseline, from the item top */
	int	 keep;              /* 1: no page break after this item */
	int	 brk;               /* 1: new page before; 2: right-hand page */
	int	 table;             /* table number, 0: none */
	int	 thead;             /* 1: the header row of its table */
	int	 role;              /* R_*: what the keeps of intros read */
	struct pdf_box *box;        /* y relative to the item top */
	size_t	 nbox, capbox;
	int	*anc;               /* anchors placed at this item's top */
	size_t	 nanc;
};

struct deco {
	double	 x;                 /* a vertical bar left of a quote */
	unsigned color;
	double	 lw;
};

/* A group of radio buttons: one field, a widget per button. */
struct radiogrp {
	int	 src;               /* the page it is in (trees come and go) */
	xmlNodePtr form;            /* the form it belongs to (or NULL) */
	char	*html;              /* its name in the page */
	char	*name;              /* its field name in the PDF */
	char	**states;           /* its buttons' on states */
	size_t	 nstates;
};

struct flow {
	struct diag *diag;          /* where warnings go */
	struct drawer *d;
	struct images *img;         /* the document's image files */
	const struct pdf_style *st;
	const char *lang;
	double	 pw, ph;            /* page size */
	double	 bx, by, bw, bh;    /* body area */
	struct vitem *v;
	size_t	 nv, capv;
	struct pdf_layout anchors;  /* only the anchor half is used */
	int	*pend;              /* anchors waiting for the next item */
	size_t	 npend;
	struct deco deco[16];
	int	 ndeco;
	double	 forcebefore;       /* >= 0: the next item's space above */
	int	 src;               /* page of the article being laid out */
	const char *file;           /* its source, for messages */
	xmlNodePtr article;
	long	 warned[32];        /* code points warned about (per page) */
	int	 nwarned;
	int	 ntable;
	char	**fieldnames;       /* per document, to keep them unique */
	size_t	 nfieldnames;
	struct radiogrp *radio;     /* radio groups met, per document */
	size_t	 nradio;
	int	 labelend;          /* nv just after a label paragraph */
	int	 labelstart;        /* and its first item */
	int	 compactfirst;      /* the first item of a pk-compact block */
	int	 nextbrk;           /* brk for the next item */
	int	 quiet;             /* 1: no warnings (said once already) */
	int	 npara;             /* paragraphs numbered for the dump */
	int	 nest;              /* block nesting, bounded */
};

/* The inline style in force. */
struct ctx {
	double	 x, w;              /* measure */
	int	 family;            /* PF_SERIF, PF_SANS, PF_MONO */
	int	 bold, italic;
	double	 size;
	unsigned color;
	int	 justify;           /* 1: justified, 0: ragged right */
	int	 center;            /* 1: centred lines */
	int	 depth;             /* list nesting */
	int	 nohyph;
	double	 leading;
	int	 compact;           /* fields: label on the line's left */
};

static HyphenDict *hydict[2];
static char hylang[2][8];

/* libhyphen's answers by word and dictionary: a book repeats its words,
 * and asking costs more than looking up. */
struct hyword {
	const HyphenDict *hd;       /* NULL: a free slot */
	char	*word;              /* lowercased */
	char	*hy;                /* its vector; NULL: no usable answer */
};
static struct hyword *hywords;
static size_t hycap, hyn;

static void
hywords_free(void)
{
	size_t i;

	for (i = 0; i < hycap; i++) {
		free(hywords[i].word);
		free(hywords[i].hy);
	}
	free(hywords);
	hywords = NULL;
	hycap = hyn = 0;
}

/* The slot of (hd, word): its entry, or the free slot for it. */
static struct hyword *
hyslot(const HyphenDict *hd, const char *word)
{
	size_t h = (size_t)14695981039346656037ULL, i;
	const unsigned char *p;

	for (p = (const unsigned char *)word; *p != '\0'; p++)
		h = (h ^ *p) * (size_t)1099511628211ULL;
	h ^= (size_t)(uintptr_t)hd;
	for (i = h & (hycap - 1);; i = (i + 1) & (hycap - 1))
		if (hywords[i].hd == NULL || (hywords[i].hd == hd &&
		    strcmp(hywords[i].word, word) == 0))
			return &hywords[i];
}

/* Remembers hy (n bytes, or NULL) for (hd, word). */
static void
hyremember(const HyphenDict *hd, const char *word, const char *hy, size_t n)
{
	struct hyword *w;

	if (2 * (hyn + 1) > hycap) {
		struct hyword *old = hywords;
		size_t oldcap = hycap, i;

		hycap = hycap ? hycap * 2 : 1024;
		hywords = xcalloc(hycap, sizeof(*hywords));
		for (i = 0; i < oldcap; i++)
			if (old[i].hd != NULL)
				*hyslot(old[i].hd, old[i].word) = old[i];
		free(old);
	}
	w = hyslot(hd, word);
	w->hd = hd;
	w->word = xstrdup(word);
	w->hy = NULL;
	if (hy != NULL) {
		w->hy = xmalloc(n);
		memcpy(w->hy, hy, n);
	}
	hyn++;
}

void
layout_cleanup(void)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (hydict[i] != NULL)
			hnj_hyphen_free(hydict[i]);
		hydict[i] = NULL;
		hylang[i][0] = '\0';
	}
	hywords_free();
}

struct patline {
	char	*line;              /* in the file's text */
	char	*key;               /* the letters, digits left out */
	size_t	 idx;               /* line number */
	int	 level;             /* NEXTLEVEL count before it */
	int	 drop;
};

static int
patcmp(const void *a, const void *b)
{
	const struct patline *x = a, *y = b;
	int c;

	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
idxcmp(const void *a, const void *b)
{
	const struct patline *x = a, *y = b;

	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * Loads a hyphenation dictionary with duplicate patterns removed.  Two
 * patterns with the same letters ("-8ar3dent-", "-ar3dent-" in hyph_fr)
 * make libhyphen 2.8.8 overwrite the first and lose its memory, which
 * LeakSanitizer reports; the later one wins, so keeping only the later
 * one changes nothing else.
 */
static HyphenDict *
hyphen_load(const char *path)
{
	struct patline *pl = NULL;
	struct buf out = { 0 };
	size_t len, n = 0, cap = 0, i, j;
	char *text, *p, *e, *k, *q;
	int level = 0;
	HyphenDict *hd = NULL;
	FILE *fp;

	if ((text = file_read(path, &len)) == NULL)
		return NULL;
	for (p = text; p < text + len; p = e + 1) {
		e = memchr(p, '\n', (size_t)(text + len - p));
		if (e == NULL)
			e = text + len;
		*e = '\0';
		if (n == cap) {
			/* doubling: 11 000 lines in hyph_en_US */
			cap = cap ? cap * 2 : 1024;
			pl = xrealloc(pl, cap * sizeof(*pl));
		}
		pl[n].line = p;
		pl[n].idx = n;
		pl[n].drop = 0;
		if (strncmp(p, "NEXTLEVEL", 9) == 0)
			level++;
		pl[n].level = level;
		/* the first line (charset), directives and comments are
		 * never duplicates: a key of their own */
		if (n == 0 || *p == '%' || isupper((unsigned char)*p))
			k = xasprintf("\x01%zu", n);
		else {
			k = xstrdup(p);
			for (q = k, j = 0; k[j] != '\0'; j++)
				if (!isdigit((unsigned char)k[j]) &&
				    !isspace((unsigned char)k[j]))
					*q++ = k[j];
			*q = '\0';
		}
		pl[n].key = k;
		n++;
		if (e >= text + len)
			break;
	}
	qsort(pl, n, sizeof(*pl), patcmp);
	for (i = 0; i + 1 < n; i++)
		if (pl[i].level == pl[i + 1].level &&
		    strcmp(pl[i].key, pl[i + 1].key) == 0 && pl[i].key[0] != '\0')
			pl[i].drop = 1;
	qsort(pl, n, sizeof(*pl), idxcmp);
	for (i = 0; i < n; i++) {
		if (!pl[i].drop) {
			buf_puts(&out, pl[i].line);
			buf_putc(&out, '\n');
		}
		free(pl[i].key);
	}
	free(pl);
	if (out.len > 0 && (fp = fmemopen(out.data, out.len, "r")) != NULL) {
		hd = hnj_hyphen_load_file(fp);
		fclose(fp);
	}
	buf_free(&out);
	free(text);
	return hd;
}

static HyphenDict *
hyphendict(struct diag *dg, const char *lang)
{
	char path[256];
	int i;

	for (i = 0; i < 2; i++)
		if (strcmp(hylang[i], lang) == 0)
			return hydict[i];
	i = hylang[0][0] == '\0' ? 0 : 1;
	if (hydict[i] != NULL)
		hnj_hyphen_free(hydict[i]);
	snprintf(hylang[i], sizeof(hylang[i]), "%s", lang);
	if (strcmp(lang, "en") == 0)
		snprintf(path, sizeof(path), "/usr/share/hyphen/hyph_en_US.dic");
	else
		snprintf(path, sizeof(path), "/usr/share/hyphen/hyph_%s.dic",
		    lang);
	hydict[i] = file_isfile(path) ? hyphen_load(path) : NULL;
	if (hydict[i] == NULL)
		diag(dg, DIAG_NOTE, path, 0, 0, "no hyphenation patterns for "
		    "'%s': PDF text is not hyphenated", lang);
	return hydict[i];
}

struct flow *
layout_new(struct diag *dg, struct drawer *d, struct images *img,
    const struct pdf_style *st, const char *lang, double pw, double ph)
{
	struct flow *f = xcalloc(1, sizeof(*f));

	f->diag = dg;
	f->d = d;
	f->img = img;
	f->st = st;
	f->lang = lang;
	f->pw = pw;
	f->ph = ph;
	f->bx = st->margin[3];
	f->by = st->margin[0];
	f->bw = pw - st->margin[1] - st->margin[3];
	f->bh = ph - st->margin[0] - st->margin[2];
	f->forcebefore = -1;
	f->labelend = -1;
	return f;
}

static void
vitem_release(struct vitem *it)
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
		vitem_release(&f->v[i]);
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

static struct pdf_box *
ibox(struct vitem *it, enum box_kind k)
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
static size_t
vpush(struct flow *f, struct vitem *it)
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
	for (i = 0; i < f->ndeco; i++) {
		b = ibox(it, BOX_RULE);
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
static void
anchor_add(struct flow *f, const char *id, int level, const char *title)
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

/* ---- text: inline fragments ------------------------------------------- */

struct frag {
	int	 font;
	double	 size;
	unsigned color;
	char	*text;              /* owned; NULL: a forced line break */
	size_t	 len;
	const char *href;           /* borrowed from the tree */
	int	 nohyph;
	char	*field;             /* a checkbox's field name (owned) */
	char	*label;             /* and its label text (owned) */
	int	 checked;
	char	*state;             /* a radio button's on state (owned) */
};

struct inl {
	struct frag *fr;
	size_t	 n, cap;
};

static void
inl_free(struct inl *in)
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

static struct frag *
frag_new(struct inl *in)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 16;
		in->fr = xrealloc(in->fr, in->cap * sizeof(*in->fr));
	}
	memset(&in->fr[in->n], 0, sizeof(in->fr[0]));
	return &in->fr[in->n++];
}

static char *field_name(struct flow *, xmlNodePtr);
static char *field_label(xmlNodePtr, const char *);
static int radio_button(struct flow *, xmlNodePtr, struct frag *);

/* White space runs to one space, none at the ends (in place). */
static char *
squash(char *t)
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
		diag(f->diag, DIAG_WARN, f->file, 0, 0, "character U+%04lX is not in "
		    "the font %s: printed with the fallback font", cp,
		    f->st->font[font] ? f->st->font[font] : "");
	else
		diag(f->diag, DIAG_WARN, f->file, 0, 0, "character U+%04lX is in no "
		    "PDF font: printed as '?'", cp);
}

/* Adds text in the style of c, split into runs the fonts can draw. */
static void
inl_text(struct flow *f, struct inl *in, const struct ctx *c,
    const char *s, size_t len, const char *href)
{
	struct run *r;
	struct frag *fr;
	size_t n, i;
	int font = ctxfont(c);

	if (len == 0)
		return;
	n = draw_split(f->d, font, s, len, &r, warn_char, f);
	for (i = 0; i < n; i++) {
		fr = frag_new(in);
		fr->font = r[i].font;
		fr->size = c->size;
		fr->color = href != NULL ? f->st->link : c->color;
		fr->text = r[i].text;
		fr->len = r[i].len;
		fr->href = href;
		fr->nohyph = c->nohyph || c->family == PF_MONO;
		r[i].text = NULL;
	}
	draw_runs_free(r, n);
}

static int
is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

static int is_space(unsigned char);

/* Has n the class cls (a whole word of its class attribute)? */
static int
has_class(xmlNodePtr n, const char *cls)
{
	const char *a = tree_get_attr(n, "class"), *p;
	size_t len = strlen(cls);

	for (p = a; p != NULL && (p = strstr(p, cls)) != NULL; p += len)
		if ((p == a || p[-1] == ' ') && (p[len] == '\0' ||
		    p[len] == ' '))
			return 1;
	return 0;
}

static int
is_svg(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrcmp(n->ns->href, (const xmlChar *)SVG_NS) == 0;
}

static const char *const inline_names[] = {
	"a", "em", "strong", "b", "i", "code", "span", "br", "small", "sub",
	"sup", "abbr", "kbd", "samp", "var", "q", "mark", "s", "u", "del",
	"ins", "time", "label", "cite", "dfn", "data", "wbr", "img", NULL,
};

static int
is_inline(xmlNodePtr n)
{
	int i;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
	    n->type == XML_ENTITY_REF_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE || is_svg(n))
		return 0;
	for (i = 0; inline_names[i] != NULL; i++)
		if (is(n, inline_names[i]))
			return 1;
	if (is(n, "input")) {
		const char *t = tree_get_attr(n, "type");

		return t != NULL && (strcmp(t, "checkbox") == 0 ||
		    strcmp(t, "radio") == 0);
	}
	return 0;
}

static void inline_walk(struct flow *, struct inl *, const struct ctx *,
    xmlNodePtr, const char *);

static void
inline_node(struct flow *f, struct inl *in, const struct ctx *c,
    xmlNodePtr n, const char *href)
{
	struct ctx k = *c;
	const char *a;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			inl_text(f, in, c, (const char *)n->content,
			    strlen((const char *)n->content), href);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	/* a label for screen readers only (the column header says it in
	 * print); its field still carries it as its tooltip */
	if (has_class(n, "pk-visually-hidden"))
		return;
	if ((a = tree_get_attr(n, "id")) != NULL)
		anchor_add(f, a, 0, NULL);
	if (is(n, "em") || is(n, "i") || is(n, "cite") || is(n, "dfn") ||
	    is(n, "var"))
		k.italic = !k.italic;
	else if (is(n, "strong") || is(n, "b"))
		k.bold = 1;
	else if (is(n, "code") || is(n, "kbd") || is(n, "samp")) {
		k.family = PF_MONO;
		k.size = c->size * 0.9;
		k.nohyph = 1;
	} else if (is(n, "a")) {
		a = tree_get_attr(n, "href");
		if (a != NULL && *a != '\0')
			href = a;
	} else if (is(n, "br")) {
		frag_new(in)->text = NULL;
		return;
	} else if (is(n, "img")) {
		int line, col;

		/* in a line of text: its alt text (an image alone in its
		 * paragraph is printed, see picture()) */
		a = tree_get_attr(n, "alt");
		tree_pos(n, &line, &col);
		if (!f->quiet)
			diag(f->diag, DIAG_WARN, f->file, line, col, "image '%s' inside "
			    "a line of text: the PDF prints its alt text (an "
			    "image alone in its paragraph is printed)",
			    tree_get_attr(n, "src") ? tree_get_attr(n, "src") :
			    "");
		k.italic = 1;
		inl_text(f, in, &k, "[", 1, href);
		if (a != NULL)
			inl_text(f, in, &k, a, strlen(a), href);
		inl_text(f, in, &k, "]", 1, href);
		return;
	} else if (is(n, "input") && is_inline(n)) {
		/* a box to tick, drawn as a glyph (fallback font), with a
		 * check box field over it */
		struct frag *fr;
		char *lab;

		/* a clear gap from the text before (a choice's label) */
		if (in->n > 0 && in->fr[in->n - 1].text != NULL &&
		    in->fr[in->n - 1].len > 0 && !is_space((unsigned char)
		    in->fr[in->n - 1].text[in->fr[in->n - 1].len - 1]))
			inl_text(f, in, &k, " \xc2\xa0\xc2\xa0", 5, NULL);
		if (!draw_has(f->d, PF_FALLBACK, 0x2610)) {
			inl_text(f, in, &k, "[ ]\xc2\xa0", 5, NULL);
			return;
		}
		fr = frag_new(in);
		fr->font = PF_FALLBACK;
		fr->size = c->size;
		fr->color = c->color;
		fr->text = xstrdup("\xe2\x98\x90");
		fr->len = strlen(fr->text);
		fr->nohyph = 1;
		fr->checked = tree_get_attr(n, "checked") != NULL;
		if (radio_button(f, n, fr))
			;
		else {
			fr->field = field_name(f, n);
			lab = field_label(f->article,
			    tree_get_attr(n, "id"));
			if (lab == NULL && n->parent != NULL &&
			    is(n->parent, "label"))
				lab = tree_text_content(n->parent);
			fr->label = squash(lab);
		}
		/* and a small one to its own label, on the same line */
		inl_text(f, in, &k, "\xc2\xa0", 2, NULL);
		return;
	} else if (is(n, "q")) {
		inline_walk(f, in, &k, n, href);
		return;
	}
	inline_walk(f, in, &k, n, href);
}

static void
inline_walk(struct flow *f, struct inl *in, const struct ctx *c,
    xmlNodePtr parent, const char *href)
{
	xmlNodePtr n;

	for (n = parent->children; n != NULL; n = n->next)
		inline_node(f, in, c, n, href);
}

/* ---- line breaking ---------------------------------------------------- */

enum { IT_BOX, IT_GLUE, IT_PEN };

struct kp {
	int	 type;
	double	 w, st, sh;         /* width, stretch, shrink */
	int	 pen, flag;         /* penalty; 1: a hyphen break */
	int	 fr;                /* fragment of a box or hyphen penalty */
	size_t	 off, len;          /* box text inside the fragment */
};

struct kplist {
	struct kp *it;
	size_t	 n, cap;
};

static struct kp *
kp_add(struct kplist *l, int type)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->it = xrealloc(l->it, l->cap * sizeof(*l->it));
	}
	memset(&l->it[l->n], 0, sizeof(l->it[0]));
	l->it[l->n].type = type;
	return &l->it[l->n++];
}

static int
is_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* A letter for hyphenation: ASCII letters and code points from U+00C0
 * up to the general punctuation block, × and ÷ excepted. */
static int
is_letter(long cp)
{
	if (cp < 0x80)
		return isalpha((int)cp);
	return cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7;
}

/* Lowercases UTF-8 in place where the byte length stays the same
 * (ASCII, Latin-1, Latin Extended-A pairs, Œ). */
static void
lower_utf8(char *s, size_t len)
{
	unsigned char *p = (unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		if (p[i] < 0x80) {
			p[i] = (unsigned char)tolower(p[i]);
			i++;
		} else if (p[i] == 0xC3 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9E && p[i + 1] != 0x97) {
			p[i + 1] += 0x20;
			i += 2;
		} else if ((p[i] == 0xC4 || p[i] == 0xC5) && i + 1 < len &&
		    !(p[i + 1] & 1) && !(p[i] == 0xC4 && p[i + 1] == 0xB0)) {
			/* U+0100..U+017F: even = capital, odd = small
			 * (true for the letters French and English use) */
			p[i + 1] |= 1;
			i += 2;
		} else
			i++;
	}
}

/* 1 when s holds "://" (an address). */
static int
has_scheme(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 2 < len; i++)
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
			return 1;
	return 0;
}

/* Adds the boxes of word s[off..off+len) of fragment fi, with hyphen
 * penalties where libhyphen allows a break. */
static void
word_items(struct flow *f, struct kplist *l, const struct inl *in, int fi,
    size_t off, size_t len, HyphenDict *hd)
{
	const struct frag *fr = &in->fr[fi];
	const char *s = fr->text + off;
	unsigned char brk[256];
	size_t i, j, start;
	struct kp *k;
	long cp;

	memset(brk, 0, sizeof(brk));
	if (len < sizeof(brk) - 8 && (has_scheme(s, len) ||
	    (len > 4 && memcmp(s, "www.", 4) == 0))) {
		/* an address: no hyphens, a break after each / */
		for (i = 1; i + 1 < len; i++)
			if (s[i] == '/' && s[i + 1] != '/' && s[i - 1] != '/')
				brk[i + 1] = 3;
	} else if (hd != NULL && !fr->nohyph && len < sizeof(brk) - 8) {
		/* each run of letters (with inner apostrophes) */
		i = 0;
		while (i < len) {
			size_t ws = i, we, nl = 0;

			cp = utf8_next(s, len, &i);
			if (!is_letter(cp))
				continue;
			we = i;
			nl = 1;
			while (i < len) {
				size_t save = i;

				cp = utf8_next(s, len, &i);
				if (is_letter(cp)) {
					we = i;
					nl++;
				} else if (cp != '\'' && cp != 0x2019) {
					i = save;
					break;
				}
			}
			if (nl >= 5 && we - ws < 100) {
				char word[128], hy[128];
				char **rep = NULL;
				int *pos = NULL, *cut = NULL, ok;
				struct hyword *known;

				memcpy(word, s + ws, we - ws);
				word[we - ws] = '\0';
				lower_utf8(word, we - ws);
				memset(hy, 0, sizeof(hy));
				known = hycap > 0 ? hyslot(hd, word) : NULL;
				if (known != NULL && known->hd != NULL) {
					ok = known->hy != NULL;
					if (ok)
						memcpy(hy, known->hy, we - ws + 1);
				} else {
					ok = hnj_hyphen_hyphenate3(hd, word,
					    (int)(we - ws), hy, NULL, &rep, &pos,
					    &cut, 2, 3, 2, 2) == 0 && rep == NULL;
					hyremember(hd, word, ok ? hy : NULL,
					    we - ws + 1);
				}
				if (ok) {
					/* with UTF-8 patterns the vector is
					 * indexed by character, not byte */
					size_t bi = 0, ci = 0, nx;

					while (bi < we - ws) {
						nx = bi;
						utf8_next(word, we - ws, &nx);
						if (nx <= bi)
							break;
						if ((hy[ci] & 1) && nx < we - ws &&
						    word[bi] != '\'' &&
						    word[nx] != '\'')
							brk[ws + nx] = 1;
						bi = nx;
						ci++;
					}
				}
				if (rep != NULL) {
					for (j = 0; j < we - ws; j++)
						free(rep[j]);
					free(rep);
				}
				free(pos);
				free(cut);
			}
		}
		/* after an explicit hyphen between letters */
		for (i = 1; i + 1 < len; i++)
			if (s[i] == '-' && isalpha((unsigned char)s[i - 1]) &&
			    isalpha((unsigned char)s[i + 1]))
				brk[i + 1] = 2;
	}
	start = 0;
	for (i = 1; i <= len; i++) {
		if (i < len && !brk[i])
			continue;
		k = kp_add(l, IT_BOX);
		k->fr = fi;
		k->off = off + start;
		k->len = i - start;
		k->w = draw_width(f->d, fr->font, fr->size, fr->text + k->off,
		    k->len);
		if (i < len) {
			k = kp_add(l, IT_PEN);
			k->fr = fi;
			k->flag = brk[i] != 3;
			k->pen = brk[i] == 3 ? 20 : 50;
			if (brk[i] == 1)
				k->w = draw_width(f->d, fr->font, fr->size,
				    "-", 1);
		}
		start = i;
	}
}

/* Splits any box wider than w into pieces that fit, with a break
 * allowed between them: a word longer than the line (a URL, say). */
static void
chop_long(struct flow *f, struct kplist *l, const struct inl *in, double w)
{
	struct kplist out = { 0 };
	size_t i, j, start, warned = 0;
	struct kp *k;

	for (i = 0; i < l->n; i++) {
		const struct kp *o = &l->it[i];
		const struct frag *fr;

		if (o->type == IT_BOX && out.n > 0 &&
		    out.it[out.n - 1].type == IT_BOX) {
			/* a break of last resort between styled pieces */
			k = kp_add(&out, IT_PEN);
			k->pen = 900;
		}
		if (o->type != IT_BOX || o->w <= w) {
			*kp_add(&out, o->type) = *o;
			continue;
		}
		fr = &in->fr[o->fr];
		if (!warned++)
			diag(f->diag, DIAG_NOTE, f->file, 0, 0, "a word is wider than "
			    "the line and was cut: '%.*s'", (int)o->len,
			    fr->text + o->off);
		start = o->off;
		j = o->off;
		while (j < o->off + o->len) {
			size_t save = j;

			utf8_next(fr->text, o->off + o->len, &j);
			if (j > start + 0 && draw_width(f->d, fr->font,
			    fr->size, fr->text + start, j - start) > w &&
			    save > start) {
				k = kp_add(&out, IT_BOX);
				*k = *o;
				k->off = start;
				k->len = save - start;
				k->w = draw_width(f->d, fr->font, fr->size,
				    fr->text + start, k->len);
				k = kp_add(&out, IT_PEN);
				k->pen = 0;
				start = save;
			}
		}
		k = kp_add(&out, IT_BOX);
		*k = *o;
		k->off = start;
		k->len = o->off + o->len - start;
		k->w = draw_width(f->d, fr->font, fr->size, fr->text + start,
		    k->len);
	}
	free(l->it);
	*l = out;
}

/* Turns fragments into Knuth-Plass items for measure w. */
static void
build_items(struct flow *f, struct kplist *l, const struct inl *in,
    double w, int justify)
{
	HyphenDict *hd = f->st->hyphenate ? hyphendict(f->diag, f->lang) : NULL;
	size_t fi, i, ws;
	struct kp *k;
	int pendglue = 0, pgfr = 0;

	for (fi = 0; fi < in->n; fi++) {
		const struct frag *fr = &in->fr[fi];

		if (fr->text == NULL) {
			/* <br>: end the line here */
			k = kp_add(l, IT_GLUE);
			k->st = 1e6;
			k = kp_add(l, IT_PEN);
			k->pen = FORCE_PEN;
			pendglue = 0;
			continue;
		}
		i = 0;
		while (i < fr->len) {
			if (is_space((unsigned char)fr->text[i])) {
				if (l->n > 0 && l->it[l->n - 1].type != IT_PEN)
					pendglue = 1, pgfr = (int)fi;
				else if (l->n > 0 &&
				    l->it[l->n - 1].pen != FORCE_PEN)
					pendglue = 1, pgfr = (int)fi;
				i++;
				continue;
			}
			ws = i;
			while (i < fr->len && !is_space((unsigned char)fr->text[i]))
				i++;
			if (pendglue) {
				const struct frag *g = &in->fr[pgfr];
				double sp = draw_width(f->d, g->font, g->size,
				    " ", 1);

				k = kp_add(l, IT_GLUE);
				k->w = sp;
				k->fr = pgfr;
				k->st = justify ? sp * 0.6 : 0;
				k->sh = justify ? sp * 0.35 : 0;
				pendglue = 0;
			}
			word_items(f, l, in, (int)fi, ws, i - ws, hd);
		}
	}
	chop_long(f, l, in, w);
	/* the end: a filler and a forced break */
	while (l->n > 0 && (l->it[l->n - 1].type == IT_GLUE ||
	    (l->it[l->n - 1].type == IT_PEN &&
	    l->it[l->n - 1].pen == FORCE_PEN)))
		l->n--;
	k = kp_add(l, IT_GLUE);
	k->st = 1e6;
	k = kp_add(l, IT_PEN);
	k->pen = FORCE_PEN;
}

/*
 * Optimal fit: the breaks minimising the sum of squared demerits, as in
 * Knuth and Plass (1981), without their active-list pruning (paragraphs
 * here are short).  Ragged lines get a notional stretch so that the cost
 * still favours even lines and rare hyphens.  Returns the break indices
 * (items where lines end) in *out.
 */
static size_t
break_lines(const struct kplist *l, double w, int justify, int **out)
{
	size_t n = l->n, i, a, nb = 0;
	double *W = xcalloc(n + 1, sizeof(double));
	double *S = xcalloc(n + 1, sizeof(double));
	double *K = xcalloc(n + 1, sizeof(double));
	double *best = xcalloc(n + 1, sizeof(double));
	long *prev = xcalloc(n + 1, sizeof(long));
	int *isbp = xcalloc(n + 1, sizeof(int));
	/* the starts worth trying, ascending: a (break at a - 1) with a
	 * cost, and the forced breaks, which nothing passes over */
	size_t *act = xcalloc(n + 2, sizeof(size_t)), nact, ai;
	double tol[3] = { 2.0, 8.0, 1e9 };
	int pass, *res;

	for (i = 0; i < n; i++) {
		const struct kp *k = &l->it[i];

		W[i + 1] = W[i] + (k->type == IT_PEN ? 0 : k->w);
		S[i + 1] = S[i] + (k->type == IT_GLUE ? k->st : 0);
		K[i + 1] = K[i] + (k->type == IT_GLUE ? k->sh : 0);
		if (k->type == IT_GLUE && i > 0 &&
		    l->it[i - 1].type == IT_BOX)
			isbp[i] = 1;
		else if (k->type == IT_PEN && k->pen < INF_PEN)
			isbp[i] = 1;
	}
	for (pass = 0; pass < 3; pass++) {
		/* best[i + 1]: cost of a paragraph start ending at break i;
		 * best[0] is the start */
		best[0] = 0;
		act[0] = 0;
		nact = 1;
		for (i = 0; i < n; i++) {
			best[i + 1] = -1;
			if (!isbp[i])
				continue;
			for (ai = nact; ai-- > 0;) {
				size_t s;
				double L, Y, Z, r, bad, dem;
				const struct kp *kb = &l->it[i];
				int last;

				/* a == 0 is the start; else break at a-1 */
				a = act[ai];
				if (a > 0 && best[a] < 0)
					break;  /* a forced break with no way there */
				s = a;
				while (s < i && l->it[s].type != IT_BOX)
					s++;
				last = kb->type == IT_PEN && kb->pen == FORCE_PEN;
				if (s >= i && !last) {
					if (a > 0 && l->it[a - 1].type == IT_PEN &&
					    l->it[a - 1].pen == FORCE_PEN)
						break;
					continue;
				}
				L = W[i] - W[s] + (kb->type == IT_PEN ? kb->w : 0);
				Y = S[i] - S[s];
				Z = K[i] - K[s];
				if (L - Z > w + EPS)
					break;  /* overfull; earlier starts too */
				if (L <= w) {
					if (last || Y >= 1e5)
						r = 0;
					else if (!justify)
						r = (w - L) / (w * 0.35);
					else
						r = Y > 0 ? (w - L) / Y : 1e9;
				} else
					r = Z > 0 ? (w - L) / Z : -1e9;
				if (r < -1 - EPS || (r > tol[pass] && s < i))
					continue;
				bad = r < -1 ? 1e6 : 100 * fabs(r * r * r);
				if (bad > 1e6)
					bad = 1e6;
				dem = (10 + bad) * (10 + bad);
				if (kb->type == IT_PEN && kb->pen > 0)
					dem += (double)kb->pen * kb->pen;
				if (kb->type == IT_PEN && kb->flag && a > 0 &&
				    l->it[a - 1].type == IT_PEN &&
				    l->it[a - 1].flag)
					dem += 3000;
				/* a hyphen ending the second last line */
				if (last && a > 0 && l->it[a - 1].flag)
					dem += 3000;
				dem += best[a];
				if (best[i + 1] < 0 || dem < best[i + 1]) {
					best[i + 1] = dem;
					prev[i + 1] = (long)a;
				}
				if (a > 0 && l->it[a - 1].type == IT_PEN &&
				    l->it[a - 1].pen == FORCE_PEN)
					break;
			}
			if (best[i + 1] >= 0 || (l->it[i].type == IT_PEN &&
			    l->it[i].pen == FORCE_PEN))
				act[nact++] = i + 1;
			/* nothing may pass over a forced break */
			if (l->it[i].type == IT_PEN &&
			    l->it[i].pen == FORCE_PEN && best[i + 1] < 0)
				break;
		}
		if (n > 0 && best[n] >= 0)
			break;
	}
	res = NULL;
	if (n > 0 && best[n] >= 0) {
		long at = (long)n;

		while (at > 0) {
			res = xrealloc(res, (nb + 1) * sizeof(int));
			res[nb++] = (int)at - 1;
			at = prev[at];
		}
		for (i = 0; i < nb / 2; i++) {
			int t = res[i];

			res[i] = res[nb - 1 - i];
			res[nb - 1 - i] = t;
		}
	} else {
		/* cannot happen (every box fits); break everywhere */
		for (i = 0; i < n; i++)
			if (isbp[i]) {
				res = xrealloc(res, (nb + 1) * sizeof(int));
				res[nb++] = (int)i;
			}
	}
	free(W);
	free(S);
	free(K);
	free(best);
	free(prev);
	free(isbp);
	free(act);
	*out = res;
	return nb;
}

/* ---- paragraphs into line items --------------------------------------- */

/* Lays out fragments as lines of measure (c->x, c->w); each line is one
 * item.  keepall: no page break inside (headings).  Returns how many
 * lines were made. */
static size_t
set_lines(struct flow *f, struct inl *in, const struct ctx *c,
    double before, int keepall, int widows)
{
	struct kplist l = { 0 };
	int *br = NULL;
	size_t nb, li, i, first = f->nv, s;
	double lead = c->leading > 0 ? c->leading : f->st->leading;

	if (in->n == 0)
		return 0;
	build_items(f, &l, in, c->w, c->justify);
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
				struct pdf_box *wb = ibox(&it, BOX_WORD);

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
				struct pdf_box *cb = ibox(&it, BOX_FIELD);

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
					struct pdf_box *lk = ibox(&it, BOX_LINK);

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
		b = ibox(&it, BOX_LINE);
		b->x = left < 0 ? c->x : left;
		b->w = left < 0 ? 0 : right - left;
		b->y = 0;
		b->h = h;
		b->measure = c->w;
		while (text.len > 0 && text.data[text.len - 1] == ' ')
			text.data[--text.len] = '\0';
		b->text = text.data != NULL ? buf_detach(&text) : xstrdup("");
		it.keep = keepall;
		vpush(f, &it);
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

/* ---- blocks ----------------------------------------------------------- */

static void container(struct flow *, const struct ctx *, xmlNodePtr);
static void block(struct flow *, const struct ctx *, xmlNodePtr);
static void block_inner(struct flow *, const struct ctx *, struct ctx *,
    xmlNodePtr);
static void block_plain(struct flow *, const struct ctx *, struct ctx *,
    xmlNodePtr);

static double
parskip(const struct flow *f)
{
	return f->st->parskip;
}

/* A paragraph from the inline children of n (or the run first..stop). */
static void
para_run(struct flow *f, const struct ctx *c, xmlNodePtr first,
    xmlNodePtr stop, double before)
{
	struct inl in = { 0 };
	xmlNodePtr n;
	int label = 1;

	for (n = first; n != stop; n = n->next) {
		inline_node(f, &in, c, n, NULL);
		if (n->type == XML_ELEMENT_NODE && !is(n, "label"))
			label = 0;
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			const char *p;

			for (p = (const char *)n->content; *p; p++)
				if (!is_space((unsigned char)*p))
					label = 0;
		}
	}
	f->labelstart = (int)f->nv;
	set_lines(f, &in, c, before, 0, 1);
	if (label)
		f->labelend = (int)f->nv;
	inl_free(&in);
}

static void
para(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct ctx k = *c;
	const char *cls = tree_get_attr(n, "class");

	if (cls != NULL && strstr(cls, "pk-meta") != NULL) {
		k.size = f->st->smallsize;
		k.color = f->st->muted;
		k.justify = 0;
	}
	/* a p may hold fields, which are blocks in print */
	container(f, &k, n);
}

static void
heading(struct flow *f, const struct ctx *c, xmlNodePtr n, int level)
{
	struct ctx k = *c;
	struct inl in = { 0 };
	/* the outline wants one line of plain text */
	char *title = squash(tree_text_content(n));
	size_t nl, i;

	anchor_add(f, tree_get_attr(n, "id"), level, title);
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
	nl = set_lines(f, &in, &k, level <= 2 ? k.size * 1.0 : k.size * 0.9,
	    1, 0);
	inl_free(&in);
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
	b = ibox(&it, BOX_RULE);
	b->x = c->x + c->w * 0.25;
	b->y = it.h / 2;
	b->w = c->w * 0.5;
	b->h = 0;
	b->lw = 0.6;
	b->color = f->st->rule;
	vpush(f, &it);
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

		if (!is(li, "li"))
			continue;
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
		f->forcebefore = -1;
		if (f->nv == first) {
			struct vitem it;

			memset(&it, 0, sizeof(it));
			it.h = k.size * f->st->leading;
			it.base = it.h * 0.75;
			vpush(f, &it);
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
			struct pdf_box *b = ibox(&f->v[first], BOX_WORD);

			b->font = r[i].font;
			b->size = k.size;
			b->color = c->color;
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
}

static void
quote(struct flow *f, const struct ctx *c, xmlNodePtr n, unsigned color,
    double lw)
{
	struct ctx k = *c;

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
			inl_text(f, &in, &k, line.data + ls, cut - ls, NULL);
			memset(&it, 0, sizeof(it));
			it.h = lh;
			it.base = (lh - (ASC + DESC) * size) / 2 + ASC * size;
			it.before = f->nv == first ? parskip(f) : 0;
			b = ibox(&it, BOX_RECT);
			b->x = c->x;
			b->w = c->w;
			b->h = lh;
			b->hasfill = 1;
			b->fill = f->st->shade;
			for (i = 0; i < in.n; i++) {
				b = ibox(&it, BOX_WORD);
				b->font = in.fr[i].font;
				b->size = size;
				b->color = c->color;
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
			b = ibox(&it, BOX_LINE);
			b->x = c->x + pad;
			b->w = x - (c->x + pad);
			b->h = lh;
			b->measure = w;
			b->text = xstrndup(line.data + ls, cut - ls);
			inl_free(&in);
			vpush(f, &it);
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
}

/* ---- drawings --------------------------------------------------------- */

static void
drawing(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct vitem it;
	struct pdf_box *b;
	double vw, vh, w, h;

	if (!svg_size(f->diag, n, f->file, &vw, &vh))
		return;
	w = c->w;
	h = vh * w / vw;
	if (h > f->bh * 0.8) {
		h = f->bh * 0.8;
		w = vw * h / vh;
	}
	memset(&it, 0, sizeof(it));
	it.before = parskip(f);
	it.h = h;
	it.role = R_VISUAL;
	b = ibox(&it, BOX_SVG);
	b->x = c->x + (c->w - w) / 2;
	b->w = w;
	b->h = h;
	b->node = n;
	vpush(f, &it);
}

/* ---- images ----------------------------------------------------------- */

/* The alt text of image n, in brackets, as a centred paragraph. */
static void
alt_para(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct ctx k = *c;
	struct inl in = { 0 };
	const char *a = tree_get_attr(n, "alt");

	k.italic = 1;
	k.justify = 0;
	k.center = 1;
	inl_text(f, &in, &k, "[", 1, NULL);
	if (a != NULL)
		inl_text(f, &in, &k, a, strlen(a), NULL);
	inl_text(f, &in, &k, "]", 1, NULL);
	set_lines(f, &in, &k, parskip(f), 0, 1);
	inl_free(&in);
}

/*
 * An image file as a block, centred: at its natural size (a bitmap at
 * 96 pixels per inch, as a browser shows it; never enlarged, so a small
 * picture stays sharp), scaled down to the measure and to the page's
 * text area, keeping its proportions; caption is 1 when a figcaption
 * follows, which keeps it with the picture (and room for it).
 */
static void
picture(struct flow *f, const struct ctx *c, xmlNodePtr n, int caption)
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
		diag(f->diag, DIAG_WARN, f->file, line, col, "image '%s' is not a file "
		    "of the project (a remote image is not fetched): the PDF "
		    "prints its alt text", src != NULL ? src : "");
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
	memset(&it, 0, sizeof(it));
	it.before = parskip(f);
	it.h = h;
	it.keep = caption;
	it.role = R_VISUAL;
	b = ibox(&it, BOX_IMAGE);
	b->x = c->x + (c->w - w) / 2;
	b->w = w;
	b->h = h;
	b->text = xstrdup(path);
	vpush(f, &it);
}

/* A run of inline content: a paragraph, or, when it holds images alone
 * (spaces and line breaks between them), those images as pictures. */
static void
inline_run(struct flow *f, const struct ctx *c, xmlNodePtr first,
    xmlNodePtr stop)
{
	xmlNodePtr m, next;
	int n = 0;

	for (m = first; m != stop; m = m->next) {
		const char *p;

		if (is(m, "img")) {
			n++;
			continue;
		}
		if (is(m, "br"))
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
		para_run(f, c, first, stop, parskip(f));
		return;
	}
	/* the element after the run: a figure's caption? */
	for (next = stop; next != NULL && next->type != XML_ELEMENT_NODE;
	    next = next->next)
		;
	for (m = first; m != stop; m = m->next)
		if (is(m, "img"))
			picture(f, c, m, --n == 0 && is(next, "figcaption"));
}


/* s (or dflt when s is empty) with letters, digits, - and _ only. */
static char *
flat_name(const char *s, const char *dflt)
{
	char *name = xstrdup(s != NULL && *s != '\0' ? s : dflt), *p;

	for (p = name; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			*p = '_';
	return name;
}

/* ---- form fields ------------------------------------------------------ */

static char *
field_name(struct flow *f, xmlNodePtr n)
{
	const char *a = tree_get_attr(n, "name");
	char *base, *name;
	size_t i;
	int k;

	if (a == NULL || *a == '\0')
		a = tree_get_attr(n, "id");
	/* a dot separates levels in field names: keep names flat */
	base = flat_name(a, "field");
	name = xstrdup(base);
	for (k = 2;; k++) {
		for (i = 0; i < f->nfieldnames; i++)
			if (strcmp(f->fieldnames[i], name) == 0)
				break;
		if (i == f->nfieldnames)
			break;
		free(name);
		name = xasprintf("%s_%d", base, k);
	}
	free(base);
	f->fieldnames = xrealloc(f->fieldnames, (f->nfieldnames + 1) *
	    sizeof(char *));
	f->fieldnames[f->nfieldnames++] = xstrdup(name);
	return name;
}

/*
 * A radio button n (<input type=radio name=...>): the buttons of one
 * name in one form are one PDF field, a radio group, with a widget per
 * button; each button's on state is its value, made a PDF name (unique
 * in the group, never Off).  Sets fr's field (the group's field name),
 * label (the question: the legend of the fieldset around, else the
 * button's own label) and state; 0 when n is no named radio button.
 */
static int
radio_button(struct flow *f, xmlNodePtr n, struct frag *fr)
{
	const char *t = tree_get_attr(n, "type"), *html, *v;
	xmlNodePtr form, m;
	struct radiogrp *g = NULL;
	char *st, *base, *lab = NULL;
	size_t i, k;
	int dup;

	html = tree_get_attr(n, "name");
	if (t == NULL || strcmp(t, "radio") != 0 || html == NULL ||
	    *html == '\0')
		return 0;
	for (form = n->parent; form != NULL && !is(form, "form");
	    form = form->parent)
		;
	for (i = 0; i < f->nradio; i++)
		if (f->radio[i].src == f->src && f->radio[i].form == form &&
		    strcmp(f->radio[i].html, html) == 0)
			g = &f->radio[i];
	if (g == NULL) {
		f->radio = xrealloc(f->radio, (f->nradio + 1) *
		    sizeof(*f->radio));
		g = &f->radio[f->nradio++];
		memset(g, 0, sizeof(*g));
		g->src = f->src;
		g->form = form;
		g->html = xstrdup(html);
		g->name = field_name(f, n);
	}
	/* the on state: the value, letters, digits, - and _ only */
	v = tree_get_attr(n, "value");
	base = flat_name(v, "on");
	st = xstrdup(base);
	for (k = 2;; k++) {
		dup = strcmp(st, "Off") == 0;
		for (i = 0; i < g->nstates && !dup; i++)
			dup = strcmp(g->states[i], st) == 0;
		if (!dup)
			break;
		free(st);
		st = xasprintf("%s_%zu", base, k);
	}
	free(base);
	g->states = xrealloc(g->states, (g->nstates + 1) * sizeof(char *));
	g->states[g->nstates++] = xstrdup(st);
	fr->state = st;
	fr->field = xstrdup(g->name);
	/* the question: the legend of the fieldset around it */
	for (m = n->parent; m != NULL && lab == NULL; m = m->parent)
		if (is(m, "fieldset")) {
			xmlNodePtr c;

			for (c = m->children; c != NULL; c = c->next)
				if (is(c, "legend")) {
					lab = tree_text_content(c);
					break;
				}
			break;
		}
	if (lab == NULL)
		lab = field_label(f->article, tree_get_attr(n, "id"));
	fr->label = lab != NULL ? squash(lab) : NULL;
	return 1;
}

/* The text of the <label for=id> of field n, or NULL; caller frees. */
static char *
field_label(xmlNodePtr root, const char *id)
{
	xmlNodePtr n = root;
	const char *a;

	if (id == NULL)
		return NULL;
	while (n != NULL) {
		if (is(n, "label") && (a = tree_get_attr(n, "for")) != NULL &&
		    strcmp(a, id) == 0)
			return squash(tree_text_content(n));
		if (n->children != NULL && n->type == XML_ELEMENT_NODE)
			n = n->children;
		else {
			while (n != NULL && n->next == NULL && n != root)
				n = n->parent;
			if (n == NULL || n == root)
				break;
			n = n->next;
		}
	}
	return NULL;
}

/*
 * Compact forms (class pk-compact): a one-line label just laid out goes
 * to the left of its field, on the first writing line, instead of above
 * it.  Takes the label's item off the flow into *lab (its anchors wait
 * for the field's item) and returns where the field starts, from the
 * measure's left; 0 (and the label left alone) when the label is wider
 * than the label column.
 */
#define LABELCOL 0.3
static double
label_left(struct flow *f, const struct ctx *c, struct vitem *lab)
{
	const struct vitem *it = &f->v[f->nv - 1];
	double col = c->w * LABELCOL;
	size_t k;
	int *pend;

	for (k = 0; k < it->nbox; k++)
		if (it->box[k].kind == BOX_LINE &&
		    it->box[k].x + it->box[k].w > c->x + col - 8)
			return 0;
	*lab = f->v[--f->nv];
	/* its anchors first, then any waiting for the field */
	if (lab->nanc > 0) {
		pend = xcalloc(lab->nanc + f->npend + 1, sizeof(int));
		memcpy(pend, lab->anc, lab->nanc * sizeof(int));
		if (f->npend > 0)
			memcpy(pend + lab->nanc, f->pend, f->npend *
			    sizeof(int));
		free(f->pend);
		free(lab->anc);
		lab->anc = NULL;
		f->npend += lab->nanc;
		lab->nanc = 0;
		f->pend = pend;
	}
	return col;
}

static void
field(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct vitem it;
	struct pdf_box *b;
	const char *a;
	char *value = NULL;
	int multi = is(n, "textarea"), lines, i;
	double wl = f->st->writeline, pad = 2, lx = 0;
	struct vitem lab;

	if ((a = tree_get_attr(n, "data-pk-lines")) != NULL)
		lines = atoi(a);
	else if (multi && (a = tree_get_attr(n, "rows")) != NULL)
		lines = atoi(a);
	else
		lines = multi ? 3 : 1;
	if (lines < 1)
		lines = 1;
	if (lines * wl + 2 * pad > f->bh * 0.9) {
		int max = (int)((f->bh * 0.9 - 2 * pad) / wl);

		diag(f->diag, DIAG_WARN, f->file, 0, 0, "a form field asks for %d "
		    "lines; a page holds %d", lines, max);
		lines = max;
	}
	if (multi)
		value = tree_text_content(n);
	else if ((a = tree_get_attr(n, "value")) != NULL)
		value = xstrdup(a);
	if (value != NULL && value[strspn(value, " \t\r\n")] == '\0') {
		free(value);
		value = NULL;
	}
	memset(&lab, 0, sizeof(lab));
	if (c->compact && f->labelend >= 0 && (size_t)f->labelend == f->nv &&
	    f->labelstart + 1 == f->labelend)
		lx = label_left(f, c, &lab);
	if ((a = tree_get_attr(n, "id")) != NULL)
		anchor_add(f, a, 0, NULL);
	/* the label above stays with its field */
	if (lx == 0 && f->labelend >= 0 && (size_t)f->labelend == f->nv &&
	    f->nv > 0)
		f->v[f->nv - 1].keep = 1;
	memset(&it, 0, sizeof(it));
	it.before = f->labelend >= 0 && (size_t)f->labelend == f->nv ? 2 :
	    parskip(f);
	it.h = lines * wl + 2 * pad;
	if (lx > 0) {
		/* the label's words on the first writing line, at the left */
		size_t k;
		double dy = -1;

		/* the writing lines are room enough between fields */
		it.before = f->labelstart > 0 && f->labelstart ==
		    f->compactfirst ? lab.before : 4;
		it.brk = lab.brk;
		for (k = 0; k < lab.nbox; k++) {
			struct pdf_box *lb = &lab.box[k];

			if (lb->stretch)
				continue;
			if (dy < 0 && lb->kind == BOX_WORD)
				dy = pad + wl - 3 - lb->base;
		}
		if (dy < 0)
			dy = 0;
		for (k = 0; k < lab.nbox; k++) {
			struct pdf_box *lb = &lab.box[k];

			if (lb->stretch)
				continue;
			b = ibox(&it, lb->kind);
			*b = *lb;
			memset(lb, 0, sizeof(*lb));
			b->y += dy;
			b->base += dy;
		}
		vitem_release(&lab);
	}
	if (multi) {
		b = ibox(&it, BOX_RECT);
		b->x = c->x + lx;
		b->y = 0;
		b->w = c->w - lx;
		b->h = it.h;
		b->lw = 0.6;
		b->color = f->st->rule;
	}
	for (i = 1; i <= lines; i++) {
		/* a writing line, the last one solid */
		b = ibox(&it, BOX_RULE);
		b->x = c->x + lx + (multi ? 6 : 0);
		b->w = c->w - lx - (multi ? 12 : 0);
		b->y = pad + i * wl - (multi && i == lines ? wl * 0.25 : 0);
		b->h = 0;
		b->lw = 0.5;
		b->color = f->st->rule;
		b->dash = multi && i < lines;
		if (multi && i == lines)
			b->dash = 1;
	}
	/* a value is the field's own (/V): viewers print it in the field,
	 * and it stays editable; printing it here too would double it */
	b = ibox(&it, BOX_FIELD);
	b->x = c->x + lx;
	b->y = 0;
	b->w = c->w - lx;
	b->h = it.h;
	b->multiline = multi;
	b->text = field_name(f, n);
	b->label = field_label(f->article, tree_get_attr(n, "id"));
	b->value = value;
	b->size = f->st->size;
	vpush(f, &it);
	f->labelend = -1;
}

/* ---- tables ----------------------------------------------------------- */

struct cell {
	xmlNodePtr node;
	int	 th;
	int	 row, col;          /* grid position */
	int	 rs, cs;            /* row and column spans */
};

/* A table as a grid of cells, spans resolved as HTML does. */
struct grid {
	struct cell *cell;          /* in document order */
	int	 ncell;
	int	 nrows, ncols;
	int	 nhead;             /* rows 0..nhead-1: the header */
};

#define MAXCOLS 256

static int
span(xmlNodePtr n, const char *name)
{
	const char *a = tree_get_attr(n, name);
	long v = a != NULL ? strtol(a, NULL, 10) : 1;

	return v < 1 ? 1 : v > MAXCOLS ? MAXCOLS : (int)v;
}

static void
grid_build(xmlNodePtr t, struct grid *g)
{
	xmlNodePtr n, tr, m;
	unsigned char *occ;
	int ntr = 0, r = 0, c, i, k, allth;

	memset(g, 0, sizeof(*g));
	for (n = t->children; n != NULL; n = n->next)
		if (is(n, "tr"))
			ntr++;
		else if (is(n, "thead") || is(n, "tbody") || is(n, "tfoot"))
			for (tr = n->children; tr != NULL; tr = tr->next)
				ntr += is(tr, "tr");
	if (ntr == 0)
		return;
	occ = xcalloc((size_t)ntr, MAXCOLS);
	for (n = t->children; n != NULL; n = n->next) {
		int head = is(n, "thead");

		if (!is(n, "tr") && !is(n, "thead") && !is(n, "tbody") &&
		    !is(n, "tfoot"))
			continue;
		for (tr = is(n, "tr") ? n : n->children; tr != NULL;
		    tr = is(n, "tr") ? NULL : tr->next) {
			if (!is(tr, "tr"))
				continue;
			c = 0;
			allth = 1;
			for (m = tr->children; m != NULL; m = m->next) {
				struct cell *ce;

				if (!is(m, "td") && !is(m, "th"))
					continue;
				while (c < MAXCOLS && occ[r * MAXCOLS + c])
					c++;
				if (c >= MAXCOLS)
					break;
				g->cell = xrealloc(g->cell, (size_t)(g->ncell + 1) *
				    sizeof(*g->cell));
				ce = &g->cell[g->ncell++];
				ce->node = m;
				ce->th = is(m, "th");
				ce->row = r;
				ce->col = c;
				ce->cs = span(m, "colspan");
				ce->rs = span(m, "rowspan");
				if (ce->cs > MAXCOLS - c)
					ce->cs = MAXCOLS - c;
				if (ce->rs > ntr - r)
					ce->rs = ntr - r;
				for (i = r; i < r + ce->rs; i++)
					for (k = c; k < c + ce->cs; k++)
						occ[i * MAXCOLS + k] = 1;
				if (c + ce->cs > g->ncols)
					g->ncols = c + ce->cs;
				if (!ce->th)
					allth = 0;
				c += ce->cs;
			}
			if (head && g->nhead == r)
				g->nhead = r + 1;
			else if (r == 0 && allth && c > 0)
				g->nhead = 1;
			r++;
		}
	}
	g->nrows = r;
	free(occ);
}

/* The widths of the longest word and of the whole text of cell n. */
static void
cell_widths(struct flow *f, xmlNodePtr n, int font, double size,
    double *minw, double *maxw)
{
	char *t = tree_text_content(n);
	const char *p = t, *q;
	double sp = draw_width(f->d, font, size, " ", 1), w, line = 0;

	*minw = 0;
	*maxw = 0;
	while (*p != '\0') {
		while (is_space((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		q = p;
		while (*q != '\0' && !is_space((unsigned char)*q))
			q++;
		w = draw_width(f->d, font, size, p, (size_t)(q - p));
		if (w > *minw)
			*minw = w;
		line += (line > 0 ? sp : 0) + w;
		p = q;
	}
	*maxw = line;
	free(t);
}

/* Lays cell content out on its own and returns its items. */
static struct vitem *
sublayout(struct flow *f, const struct ctx *c, xmlNodePtr n, size_t *nitems,
    double *height)
{
	struct vitem *sv = f->v, *out;
	size_t snv = f->nv, scap = f->capv, i;
	int sdeco = f->ndeco, slabel = f->labelend;
	double y = 0;

	f->v = NULL;
	f->nv = f->capv = 0;
	f->ndeco = 0;
	f->forcebefore = 0;
	container(f, c, n);
	f->forcebefore = -1;
	out = f->v;
	*nitems = f->nv;
	for (i = 0; i < f->nv; i++)
		y += (i > 0 ? out[i].before : 0) + out[i].h;
	*height = y;
	f->v = sv;
	f->nv = snv;
	f->capv = scap;
	f->ndeco = sdeco;
	f->labelend = slabel;
	return out;
}

/* Moves the boxes of items (stacked from y0) into it; frees items. */
static void
absorb(struct vitem *it, struct vitem *items, size_t n, double y0,
    int **anc, size_t *nanc)
{
	size_t i, j;
	double y = y0;

	for (i = 0; i < n; i++) {
		if (i > 0)
			y += items[i].before;
		for (j = 0; j < items[i].nbox; j++) {
			struct pdf_box *b = ibox(it, items[i].box[j].kind);

			*b = items[i].box[j];
			b->y += y;
			b->base += y;
			b->stretch = 0;
			items[i].box[j].text = NULL;
			items[i].box[j].value = NULL;
			items[i].box[j].label = NULL;
		}
		for (j = 0; j < items[i].nanc; j++) {
			*anc = xrealloc(*anc, (*nanc + 1) * sizeof(int));
			(*anc)[(*nanc)++] = items[i].anc[j];
		}
		y += items[i].h;
		vitem_release(&items[i]);
	}
	free(items);
}

/* The header cell above column col, or NULL. */
static const struct cell *
head_of(const struct grid *g, int col)
{
	int i;

	for (i = 0; i < g->ncell && g->cell[i].row == 0; i++)
		if (g->nhead > 0 && g->cell[i].col <= col &&
		    col < g->cell[i].col + g->cell[i].cs)
			return &g->cell[i];
	return NULL;
}

/* Rows r0..r1-1 of a table too wide (or too tall) for the page: each
 * row as a record, "header" in bold above each value. */
static void
table_stacked(struct flow *f, const struct ctx *c, const struct grid *g,
    int r0, int r1)
{
	int i, first;

	for (i = 0; i < g->ncell; i++) {
		const struct cell *ce = &g->cell[i];
		const struct cell *hd;
		struct ctx k = *c;
		struct inl in = { 0 };

		if (ce->row < r0 || ce->row >= r1 || ce->row < g->nhead)
			continue;
		first = i == 0 || g->cell[i - 1].row != ce->row;
		hd = head_of(g, ce->col);
		if (hd != NULL) {
			k.bold = 1;
			k.family = PF_SANS;
			inline_walk(f, &in, &k, hd->node, NULL);
			set_lines(f, &in, &k, first ? parskip(f) * 1.5 :
			    parskip(f) * 0.5, 1, 0);
			inl_free(&in);
			k = *c;
			k.x += f->st->indent;
			k.w -= f->st->indent;
		}
		f->forcebefore = hd != NULL ? 0 : first ? parskip(f) * 1.5 : -1;
		if (ce->th) {
			k.bold = 1;
			k.family = PF_SANS;
		}
		container(f, &k, ce->node);
		f->forcebefore = -1;
	}
}

/* The width a cell holding a text field would like: its size (or cols)
 * attribute in characters, else 40 for a text area, 14 for a line. */
static double
field_wish(xmlNodePtr n, double size)
{
	xmlNodePtr m;
	const char *a, *t;
	double w = 0, v;

	for (m = n->children; m != NULL; m = m->next) {
		if (m->type != XML_ELEMENT_NODE)
			continue;
		if (is(m, "textarea") || (is(m, "input") && ((t =
		    tree_get_attr(m, "type")) == NULL ||
		    strcmp(t, "text") == 0 || strcmp(t, "date") == 0))) {
			a = tree_get_attr(m, is(m, "textarea") ? "cols" : "size");
			if (a == NULL)
				a = tree_get_attr(m, "size");
			v = a != NULL ? strtod(a, NULL) : is(m, "textarea") ? 40 :
			    14;
			if (v > 80)
				v = 80;
			if (v * size * 0.5 > w)
				w = v * size * 0.5;
		} else if ((v = field_wish(m, size)) > w)
			w = v;
	}
	return w;
}

/* Widths of the columns for measure avail at size; 0 if they cannot
 * fit. */
static int
table_widths(struct flow *f, const struct grid *g, double size, double pad,
    double avail, double *cw)
{
	double *minw = xcalloc((size_t)g->ncols, sizeof(double));
	double *maxw = xcalloc((size_t)g->ncols, sizeof(double));
	double summin = 0, summax = 0, a, b, have;
	int i, j, pass, ok = 1;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < g->ncell; i++) {
			const struct cell *ce = &g->cell[i];

			if ((pass == 0) != (ce->cs == 1))
				continue;
			cell_widths(f, ce->node, ce->th ? PF_SANS_B : PF_SERIF,
			    size, &a, &b);
			/* a cell to write in wishes room for the writing */
			if (b < field_wish(ce->node, size))
				b = field_wish(ce->node, size);
			/* very long words get cut, not honoured */
			if (a > 90)
				a = 90;
			a += 2 * pad + 1;
			b += 2 * pad + 1;
			if (ce->cs == 1) {
				if (a > minw[ce->col])
					minw[ce->col] = a;
				if (b > maxw[ce->col])
					maxw[ce->col] = b;
				continue;
			}
			/* a spanning cell widens its columns only if its
			 * longest word does not fit them */
			for (have = 0, j = ce->col; j < ce->col + ce->cs; j++)
				have += minw[j];
			if (have < a)
				for (j = ce->col; j < ce->col + ce->cs; j++) {
					minw[j] += (a - have) / ce->cs;
					if (maxw[j] < minw[j])
						maxw[j] = minw[j];
				}
		}
	for (j = 0; j < g->ncols; j++) {
		if (minw[j] < 2 * pad + 1)
			minw[j] = maxw[j] = 2 * pad + 1;
		summin += minw[j];
		summax += maxw[j];
	}
	if (summin > avail + EPS)
		ok = 0;
	else if (summax <= avail) {
		for (j = 0; j < g->ncols; j++)
			cw[j] = maxw[j] + (avail - summax) * maxw[j] / summax;
	} else {
		/* narrow columns get all they ask for first, the rest
		 * shares what is left in proportion to its wish */
		double rem = avail - summin, need = 0;
		int *done = xcalloc((size_t)g->ncols, sizeof(int));
		int left = g->ncols, changed = 1;

		for (j = 0; j < g->ncols; j++)
			cw[j] = minw[j];
		while (changed && left > 0) {
			changed = 0;
			for (j = 0; j < g->ncols; j++)
				if (!done[j] && maxw[j] - minw[j] <= rem / left) {
					cw[j] = maxw[j];
					rem -= maxw[j] - minw[j];
					done[j] = 1;
					left--;
					changed = 1;
				}
		}
		for (j = 0; j < g->ncols; j++)
			if (!done[j])
				need += maxw[j] - minw[j];
		for (j = 0; j < g->ncols; j++)
			if (!done[j] && need > 0)
				cw[j] += rem * (maxw[j] - minw[j]) / need;
		free(done);
	}
	free(minw);
	free(maxw);
	return ok;
}

/* One item for rows r0..r1-1 (no span crosses its edges); 0 if it is
 * taller than a page. */
static int
table_group(struct flow *f, const struct ctx *c, const struct grid *g,
    int r0, int r1, const double *cw, double size, double pad, int tid)
{
	struct vitem it;
	struct pdf_box *b;
	double *rh = xcalloc((size_t)(r1 - r0 + 1), sizeof(double));
	double *top = xcalloc((size_t)(r1 - r0 + 1), sizeof(double));
	struct vitem **items = xcalloc((size_t)g->ncell + 1, sizeof(void *));
	size_t *nitems = xcalloc((size_t)g->ncell + 1, sizeof(size_t));
	double *ch = xcalloc((size_t)g->ncell + 1, sizeof(double));
	double *cx = xcalloc((size_t)g->ncell + 1, sizeof(double));
	double *cwid = xcalloc((size_t)g->ncell + 1, sizeof(double));
	double total = c->w;
	int i, j, r, pass, ok = 1, head = r0 < g->nhead;

	memset(&it, 0, sizeof(it));
	for (j = 0, total = 0; j < g->ncols; j++)
		total += cw[j];
	for (i = 0; i < g->ncell; i++) {
		const struct cell *ce = &g->cell[i];
		struct ctx k = *c;

		if (ce->row < r0 || ce->row >= r1)
			continue;
		for (cx[i] = c->x, j = 0; j < ce->col; j++)
			cx[i] += cw[j];
		for (cwid[i] = 0, j = ce->col; j < ce->col + ce->cs; j++)
			cwid[i] += cw[j];
		k.x = cx[i] + pad;
		k.w = cwid[i] - 2 * pad;
		k.size = size;
		k.justify = 0;
		k.depth = 0;
		k.leading = 1.25;
		if (ce->th) {
			k.family = PF_SANS;
			k.bold = 1;
		}
		items[i] = sublayout(f, &k, ce->node, &nitems[i], &ch[i]);
		if (has_class(ce->node, "pk-num")) {
			/* a number: each line flush right */
			size_t m, q;

			for (m = 0; m < nitems[i]; m++) {
				struct vitem *v = &items[i][m];
				double right = -1e9;

				for (q = 0; q < v->nbox; q++)
					if (v->box[q].kind == BOX_WORD &&
					    v->box[q].x + v->box[q].w > right)
						right = v->box[q].x + v->box[q].w;
				if (right <= -1e9 || right > k.x + k.w)
					continue;
				for (q = 0; q < v->nbox; q++)
					v->box[q].x += k.x + k.w - right;
			}
		}
	}
	/* row heights: single rows first, then what spans need */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < g->ncell; i++) {
			const struct cell *ce = &g->cell[i];
			double need = ch[i] + 2 * pad, have = 0;

			if (ce->row < r0 || ce->row >= r1 ||
			    (pass == 0) != (ce->rs == 1))
				continue;
			for (r = ce->row; r < ce->row + ce->rs && r < r1; r++)
				have += rh[r - r0];
			if (need > have)
				rh[(ce->row + ce->rs <= r1 ? ce->row + ce->rs :
				    r1) - 1 - r0] += need - have;
		}
	for (r = r0; r < r1; r++) {
		if (rh[r - r0] < 2 * pad + size)
			rh[r - r0] = 2 * pad + size;
		top[r - r0 + 1] = top[r - r0] + rh[r - r0];
	}
	it.h = top[r1 - r0];
	if (it.h > f->bh * 0.9)
		ok = 0;
	if (ok && head) {
		b = ibox(&it, BOX_RECT);
		b->x = c->x;
		b->w = total;
		b->h = it.h;
		b->hasfill = 1;
		b->fill = f->st->shade;
	}
	for (i = 0; i < g->ncell; i++) {
		const struct cell *ce = &g->cell[i];
		int end;

		if (ce->row < r0 || ce->row >= r1)
			continue;
		if (!ok) {
			absorb(&it, items[i], nitems[i], 0, &it.anc, &it.nanc);
			continue;
		}
		absorb(&it, items[i], nitems[i], top[ce->row - r0] + pad,
		    &it.anc, &it.nanc);
		/* each cell ruled below, so spans read right */
		end = ce->row + ce->rs < r1 ? ce->row + ce->rs : r1;
		b = ibox(&it, BOX_RULE);
		b->x = cx[i];
		b->y = top[end - r0];
		b->w = cwid[i];
		b->lw = head ? 0.8 : 0.4;
		b->color = f->st->rule;
	}
	if (ok && r0 == 0) {
		b = ibox(&it, BOX_RULE);
		b->x = c->x;
		b->w = total;
		b->lw = 0.8;
		b->color = f->st->rule;
	}
	it.before = r0 == 0 ? parskip(f) : 0;
	it.table = tid;
	it.thead = head;
	/* the header with the first two rows: no row alone under a
	 * caption at the foot of a page */
	it.keep = head || r0 < g->nhead + 1;
	it.base = pad + size;
	if (ok)
		vpush(f, &it);
	else
		vitem_release(&it);
	free(rh);
	free(top);
	free(items);
	free(nitems);
	free(ch);
	free(cx);
	free(cwid);
	return ok;
}

static void
table(struct flow *f, const struct ctx *c, xmlNodePtr t)
{
	struct grid g;
	xmlNodePtr n;
	double *cw, size = f->st->tablesize, pad = 3;
	int r0, r1, i, tid;

	for (n = t->children; n != NULL; n = n->next)
		if (is(n, "caption")) {
			struct ctx k = *c;

			k.family = PF_SANS;
			k.bold = 1;
			k.size = f->st->smallsize + 0.5;
			k.justify = 0;
			para_run(f, &k, n->children, NULL, parskip(f));
			if (f->nv > 0)
				f->v[f->nv - 1].keep = 1;
		}
	grid_build(t, &g);
	if (g.ncell == 0) {
		free(g.cell);
		return;
	}
	cw = xcalloc((size_t)g.ncols, sizeof(double));
	if (!table_widths(f, &g, size, pad, c->w, cw)) {
		/* too wide: a smaller size first, down to 7 pt */
		size = size * 0.8 < 7 ? 7 : size * 0.8;
		if (!table_widths(f, &g, size, pad, c->w, cw)) {
			diag(f->diag, DIAG_WARN, f->file, 0, 0, "a table of %d columns "
			    "is too wide for the page: printed as one record "
			    "per row", g.ncols);
			table_stacked(f, c, &g, 0, g.nrows);
			goto out;
		}
	}
	tid = ++f->ntable;
	for (r0 = 0; r0 < g.nrows; r0 = r1) {
		/* the header rows together, else the rows spans tie */
		r1 = r0 < g.nhead ? g.nhead : r0 + 1;
		for (i = 0; i < g.ncell; i++)
			if (g.cell[i].row >= r0 && g.cell[i].row < r1 &&
			    g.cell[i].row + g.cell[i].rs > r1) {
				r1 = g.cell[i].row + g.cell[i].rs;
				i = -1;         /* again, with the new end */
			}
		if (!table_group(f, c, &g, r0, r1, cw, size, pad, tid)) {
			diag(f->diag, DIAG_WARN, f->file, 0, 0, "a table row is taller "
			    "than a page: printed as a record");
			table_stacked(f, c, &g, r0, r1);
		}
	}
out:
	free(cw);
	free(g.cell);
}

/* ---- the block walk --------------------------------------------------- */

static void
deflist(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = n->children; m != NULL; m = m->next) {
		if (is(m, "dt")) {
			struct ctx k = *c;
			struct inl in = { 0 };

			k.bold = 1;
			k.justify = 0;
			inline_walk(f, &in, &k, m, NULL);
			set_lines(f, &in, &k, parskip(f), 1, 0);
			inl_free(&in);
			f->forcebefore = 1;
		} else if (is(m, "dd") && has_class(m, "pk-sign-line") &&
		    m->children == NULL) {
			/* room to sign on: a ruled line about 10 mm below
			 * its label, or a box for a seal */
			struct vitem it;
			struct pdf_box *b;
			double w = c->w - f->st->indent;
			int seal = has_class(m, "pk-sign-seal");

			memset(&it, 0, sizeof(it));
			it.before = 1;
			it.h = seal ? 72 : 30;          /* 25 mm, 10.5 mm */
			b = ibox(&it, seal ? BOX_RECT : BOX_RULE);
			b->x = c->x + f->st->indent;
			b->w = seal ? (w < 144 ? w : 144) : (w < 250 ? w : 250);
			b->y = seal ? 2 : it.h - 2;
			b->h = seal ? it.h - 4 : 0;
			b->lw = 0.6;
			b->color = f->st->rule;
			vpush(f, &it);
			f->forcebefore = -1;
		} else if (is(m, "dd")) {
			struct ctx k = *c;

			k.x += f->st->indent;
			k.w -= f->st->indent;
			container(f, &k, m);
			f->forcebefore = -1;
		}
	}
}

static void
block(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	struct ctx k = *c;

	if (n->type != XML_ELEMENT_NODE || has_class(n, "pk-visually-hidden"))
		return;
	if (f->nest >= 48) {
		/* absurdly deep nesting: the text, as one paragraph */
		char *t = tree_text_content(n);
		struct inl in = { 0 };

		if (f->nest++ == 48)
			diag(f->diag, DIAG_WARN, f->file, 0, 0, "blocks nested more "
			    "than 48 deep: the rest printed as plain text");
		inl_text(f, &in, c, t, strlen(t), NULL);
		set_lines(f, &in, c, parskip(f), 0, 1);
		inl_free(&in);
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

	if (is(n, "p")) {
		para(f, c, n);
		mark_para(f, first);
	} else if (is(n, "ul") || is(n, "ol"))
		list(f, c, n, is(n, "ol"));
	else if (is(n, "blockquote"))
		quote(f, c, n, f->st->rule, 1.5);
	else if (is(n, "aside")) {
		k.size = f->st->smallsize + 0.5;
		k.family = PF_SANS;
		k.justify = 0;
		quote(f, &k, n, f->st->link, 2.5);
	} else if (is(n, "pre"))
		code(f, c, n);
	else if (is(n, "hr"))
		hrule(f, c);
	else if (is(n, "table")) {
		table(f, c, n);
		if (f->nv > first)
			f->v[first].role = R_VISUAL;
	}
	else if (is(n, "dl"))
		deflist(f, c, n);
	else if (is(n, "input") || is(n, "textarea") || is(n, "select"))
		field(f, c, n);
	else if (is(n, "figcaption") || is(n, "legend") || is(n, "caption") ||
	    is(n, "summary")) {
		k.family = PF_SANS;
		k.bold = !is(n, "figcaption");
		k.size = f->st->smallsize + 0.5;
		k.justify = 0;
		para_run(f, &k, n->children, NULL, parskip(f));
		/* with what follows, but a figcaption only when something
		 * of its figure follows it */
		if (f->nv > 0 && !is(n, "figcaption"))
			f->v[f->nv - 1].keep = 1;
		else if (f->nv > 0) {
			xmlNodePtr m;

			for (m = n->next; m != NULL; m = m->next)
				if (m->type == XML_ELEMENT_NODE)
					break;
			if (m != NULL)
				f->v[f->nv - 1].keep = 1;
		}
	} else if (is(n, "script") || is(n, "style") || is(n, "template") ||
	    is(n, "button") || is(n, "nav"))
		return;
	else {
		container(f, c, n);
		if (is(n, "figure") && f->nv > first)
			f->v[first].role = R_VISUAL;
	}
}

static void
block_inner(struct flow *f, const struct ctx *c, struct ctx *kp,
    xmlNodePtr n)
{
	struct ctx k = *kp, cc;
	const char *id;

	if (has_class(n, "pk-compact")) {
		/* its fields with their labels at the left (label_left) */
		cc = *c;
		cc.compact = 1;
		c = &cc;
		k.compact = 1;
		/* a little more room above a block of fields */
		if (f->forcebefore < 0 && f->nv > 0)
			f->forcebefore = 2 * parskip(f);
		f->compactfirst = (int)f->nv;
	}
	if (is_svg(n)) {
		if (is(n, "svg"))
			drawing(f, c, n);
		return;
	}
	if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	    n->name[2] == '\0') {
		heading(f, c, n, n->name[1] - '0');
		return;
	}
	if ((id = tree_get_attr(n, "id")) != NULL)
		anchor_add(f, id, 0, NULL);
	if (has_class(n, "pk-form-title") || has_class(n, "pk-plan-title") ||
	    has_class(n, "pk-note")) {
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
	if (has_class(n, "pk-keep") || has_class(n, "pk-signature")) {
		/* a small block kept on one page (a signature, a candidate) */
		size_t first = f->nv, i;
		double h = 0;

		container(f, c, n);
		for (i = first; i < f->nv; i++)
			h += (i > first ? f->v[i].before : 0) + f->v[i].h;
		if (h <= f->bh)
			for (i = first; i + 1 < f->nv; i++)
				f->v[i].keep = 1;
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
		if (is_inline(m)) {
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

static void
base_ctx(const struct flow *f, struct ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->x = f->bx;
	c->w = f->bw;
	c->family = PF_SERIF;
	c->size = f->st->size;
	c->color = f->st->text;
	c->justify = f->st->justify;
	c->leading = f->st->leading;
}

static int
has_h1(xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = n->children; m != NULL; m = m->next)
		if (is(m, "h1") || (m->type == XML_ELEMENT_NODE &&
		    !is_svg(m) && has_h1(m)))
			return 1;
	return 0;
}

void
layout_article(struct flow *f, xmlNodePtr article, int src,
    const char *file, const char *title, int recto)
{
	struct ctx c;
	size_t first = f->nv;

	f->src = src;
	f->file = file;
	f->article = article;
	f->nest = 0;
	f->nwarned = 0;
	f->labelend = -1;
	base_ctx(f, &c);
	/* where links to the page itself land */
	anchor_add(f, NULL, 0, NULL);
	f->nextbrk = recto ? 2 : 1;
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
	if (f->nv > first)
		f->v[first].before = 0;
	else {
		struct vitem it;

		memset(&it, 0, sizeof(it));
		vpush(f, &it);
	}
}

/* ---- cover and contents ----------------------------------------------- */

static void
cover_text(struct flow *f, const char *s, int font, double size,
    unsigned color, double before)
{
	struct ctx c;
	struct inl in = { 0 };

	if (s == NULL || *s == '\0')
		return;
	base_ctx(f, &c);
	c.family = font & ~(PF_BOLD | PF_ITALIC);
	c.bold = (font & PF_BOLD) != 0;
	c.italic = (font & PF_ITALIC) != 0;
	c.size = size;
	c.color = color;
	c.justify = 0;
	c.center = 1;
	c.leading = 1.25;
	c.nohyph = 1;
	inl_text(f, &in, &c, s, strlen(s), NULL);
	set_lines(f, &in, &c, before, 1, 0);
	inl_free(&in);
}

void
layout_cover(struct flow *f, const char *title, const char *subtitle,
    const char *site, const char *author, const char *date)
{
	struct vitem it;
	struct pdf_box *b;

	f->file = NULL;
	memset(&it, 0, sizeof(it));
	it.h = f->bh * 0.28;
	it.keep = 1;
	vpush(f, &it);
	cover_text(f, title, PF_SANS_B, 26, f->st->heading, 0);
	memset(&it, 0, sizeof(it));
	it.h = 14;
	it.keep = 1;
	b = ibox(&it, BOX_RULE);
	b->x = f->bx + f->bw * 0.35;
	b->w = f->bw * 0.3;
	b->y = 7;
	b->lw = 1.2;
	b->color = f->st->link;
	vpush(f, &it);
	cover_text(f, subtitle, PF_SANS, 15, f->st->muted, 6);
	memset(&it, 0, sizeof(it));
	it.h = f->bh * 0.2;
	it.keep = 1;
	vpush(f, &it);
	cover_text(f, site, PF_SANS_B, 13, f->st->text, 0);
	cover_text(f, author, PF_SANS, 11, f->st->text, 4);
	cover_text(f, date, PF_SANS, 11, f->st->muted, 4);
	if (f->nv > 0)
		f->v[f->nv - 1].keep = 0;
}

void
layout_toc(struct flow *f, const char *heading_text,
    const struct pdf_layout *content, int maxlevel, int pageoff)
{
	struct ctx c;
	struct inl in = { 0 };
	size_t i, first, j;
	double numw;

	f->file = NULL;
	f->quiet = 1;
	base_ctx(f, &c);
	c.family = PF_SANS;
	c.bold = 1;
	c.size = f->st->hsize[0];
	c.color = f->st->heading;
	c.justify = 0;
	c.leading = 1.2;
	inl_text(f, &in, &c, heading_text, strlen(heading_text), NULL);
	set_lines(f, &in, &c, 0, 1, 0);
	inl_free(&in);
	if (f->nv > 0)
		f->v[f->nv - 1].h += 10;
	numw = draw_width(f->d, PF_SERIF, f->st->size, "0000", 4);
	for (i = 0; i < content->nanchor; i++) {
		const struct pdf_anchor *a = &content->anchor[i];
		struct pdf_box *b;
		char num[16];
		struct vitem *last;

		if (a->level < 1 || a->level > maxlevel || a->title == NULL)
			continue;
		base_ctx(f, &c);
		c.justify = 0;
		c.nohyph = 1;
		c.x = f->bx + (a->level - 1) * f->st->indent;
		c.w = f->bw - (a->level - 1) * f->st->indent - numw - 12;
		if (a->level == 1) {
			c.family = PF_SANS;
			c.bold = 1;
		}
		inl_text(f, &in, &c, a->title, strlen(a->title), NULL);
		first = f->nv;
		set_lines(f, &in, &c, a->level == 1 ? 6 : 1.5, 1, 0);
		inl_free(&in);
		if (f->nv == first)
			continue;
		f->v[f->nv - 1].keep = 0;
		/* the page number, right-aligned on the last line */
		last = &f->v[f->nv - 1];
		snprintf(num, sizeof(num), "%d", a->page + pageoff + 1);
		b = ibox(last, BOX_WORD);
		b->font = c.family + (c.bold ? PF_BOLD : 0);
		b->size = c.size;
		b->color = c.color;
		b->text = xstrdup(num);
		b->w = draw_width(f->d, b->font, c.size, num, strlen(num));
		b->x = f->bx + f->bw - b->w;
		b->base = last->base;
		b->y = b->base - ASC * c.size;
		b->h = (ASC + DESC) * c.size;
		b = ibox(last, BOX_LINE);
		b->x = f->bx + f->bw - numw;
		b->w = numw;
		b->h = last->h;
		b->measure = numw;
		b->text = xstrdup(num);
		/* each line is a link to the heading */
		for (j = first; j < f->nv; j++) {
			b = ibox(&f->v[j], BOX_LINK);
			b->x = c.x;
			b->w = f->bx + f->bw - c.x;
			b->h = f->v[j].h;
			b->src = -1;
			b->text = xasprintf("#pk-anchor-%zu", i);
		}
	}
}

/* ---- pagination ------------------------------------------------------- */

struct place {
	int	 page;
	double	 y;                 /* item top, from the body top */
	int	 item;              /* index into the flow's items */
};

static void
emit(struct flow *f, struct pdf_layout *out, const struct vitem *it,
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
		/* a repeated header row is not its paragraphs again */
		if (copy)
			b->para = 0;
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
		if (h > f->bh + EPS)
			continue;
		for (k = i + 1; k < j; k++)
			f->v[k].keep = 1;
	}
}

void
layout_paginate(struct flow *f, int pageoff, struct pdf_layout *out)
{
	struct place *pl = xcalloc(f->nv + 1, sizeof(*pl));
	struct place *rep = NULL;       /* repeated table headers */
	size_t nrep = 0, i, s = 0, j, k;
	int page = 0, *lasthead;
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

		if (it->brk && !empty) {
			page++;
			y = 0;
			empty = 1;
			s = i;
			continue;
		}
		if (it->brk == 2 && empty && (page + pageoff) % 2 == 1) {
			/* recto: leave a blank left-hand page */
			page++;
		}
		/* after a repeated header the row goes in whatever its size,
		 * or the header would be repeated for ever */
		if (empty || afterhead || y + sp + it->h <= f->bh + EPS) {
			pl[i].page = page;
			pl[i].y = y + sp;
			pl[i].item = (int)i;
			y += sp + it->h;
			empty = 0;
			afterhead = 0;
			i++;
			continue;
		}
		/* it does not fit: break at the last allowed point */
		j = i;
		while (j > s && f->v[j - 1].keep)
			j--;
		if (j == s)
			j = i;          /* a chain of keeps longer than a page */
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
		}
	}
	out->npages = page + 1;
	for (i = 0; i < f->nv; i++) {
		const struct vitem *it = &f->v[i];

		emit(f, out, it, pl[i].page, pl[i].y, pl[i].y <= 0, 0);
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

		emit(f, out, hd, rep[i].page, rep[i].y, 1, 1);
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

/*
 * kpcache.c: the line breaks of a paragraph, kept for the rest of one
 * PDF.  In: a paragraph's fragments and measure; out: its Knuth-Plass
 * items and breaks as break.c made them the first time.  The passes
 * that print page numbers after links ("voir p. 27") lay every page out
 * again; only the paragraphs whose text changed are broken anew.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

struct kpentry {
	struct kplist	 l;         /* the items */
	int		*br;        /* the breaks */
	size_t		 nb;
};

struct kpcache {
	struct strmap	 map;       /* key -> entry */
	struct kpentry	**all;      /* every entry, to free */
	size_t		 n;
};

struct kpcache *
kpcache_new(void)
{
	return xcalloc(1, sizeof(struct kpcache));
}

void
kpcache_free(struct kpcache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->all[i]->l.it);
		free(c->all[i]->br);
		free(c->all[i]);
	}
	free(c->all);
	strmap_free(&c->map);
	free(c);
}

/* n in hex and a space (printf's doubles cost more than the breaks). */
static void
putnum(struct buf *b, long long n)
{
	char t[24];
	int k = (int)sizeof(t);
	unsigned long long u = n < 0 ? 0 - (unsigned long long)n :
	    (unsigned long long)n;

	t[--k] = ' ';
	do {
		t[--k] = "0123456789abcdef"[u & 15];
		u >>= 4;
	} while (u != 0);
	if (n < 0)
		t[--k] = '-';
	buf_put(b, t + k, sizeof(t) - (size_t)k);
}

/* Everything break.c reads: the measure, justification, the language
 * and whether in a table's cell (hyphenation), then each fragment's
 * text, after its font, size and hyphenation where they change. */
char *
kpcache_key(const struct flow *f, const struct inl *in, double w,
    int justify)
{
	struct buf b = { 0 };
	size_t i;

	putnum(&b, llround(w * 1e4));
	putnum(&b, justify);
	putnum(&b, f->insub > 0);
	putnum(&b, f->st->hyphenate);
	putnum(&b, (long long)in->n);
	buf_puts(&b, f->lang != NULL ? f->lang : "");
	buf_putc(&b, '|');
	for (i = 0; i < in->n; i++) {
		const struct frag *fr = &in->fr[i];

		if (fr->text == NULL) {
			buf_putc(&b, '\x03');      /* <br> */
			continue;
		}
		if (i == 0 || fr->font != in->fr[i - 1].font ||
		    fr->size != in->fr[i - 1].size ||
		    fr->nohyph != in->fr[i - 1].nohyph)
		{
			buf_putc(&b, '\x01');
			putnum(&b, fr->font);
			putnum(&b, llround(fr->size * 1e4));
			putnum(&b, fr->nohyph);
		}
		/* a fragment's text has no control byte: \x02 ends it */
		buf_put(&b, fr->text, fr->len);
		buf_putc(&b, '\x02');
	}
	return buf_detach(&b);
}

int
kpcache_get(const struct kpcache *c, const char *key, struct kplist *l,
    int **br, size_t *nb)
{
	const struct kpentry *e = strmap_get(&c->map, key);

	if (e == NULL)
		return 0;
	l->n = l->cap = e->l.n;
	l->it = xcalloc(e->l.n + 1, sizeof(*l->it));
	memcpy(l->it, e->l.it, e->l.n * sizeof(*l->it));
	*nb = e->nb;
	*br = xcalloc(e->nb + 1, sizeof(int));
	if (e->nb > 0)
		memcpy(*br, e->br, e->nb * sizeof(int));
	return 1;
}

void
kpcache_put(struct kpcache *c, const char *key, const struct kplist *l,
    const int *br, size_t nb)
{
	struct kpentry *e = xcalloc(1, sizeof(*e));

	e->l.n = e->l.cap = l->n;
	e->l.it = xcalloc(l->n + 1, sizeof(*l->it));
	memcpy(e->l.it, l->it, l->n * sizeof(*l->it));
	e->nb = nb;
	e->br = xcalloc(nb + 1, sizeof(int));
	if (nb > 0)
		memcpy(e->br, br, nb * sizeof(int));
	c->all = xrealloc(c->all, (c->n + 1) * sizeof(*c->all));
	c->all[c->n++] = e;
	strmap_put(&c->map, key, e);
}

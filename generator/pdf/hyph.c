/*
 * hyph.c: hyphenation for the PDF, the only code that knows libhyphen.
 * In: a language and a lowercased word; out: where it may break.  The
 * dictionaries (Debian's hyph_fr, hyph_en_US) load on first use, two at a
 * time, and libhyphen's answers are remembered by word: a book repeats
 * its words, and asking costs more than looking up.  Made by the PDF
 * writer for one run (pdf.c), freed at its end.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

/* libhyphen's answer for a word of a dictionary. */
struct hyword {
	const HyphenDict *hd;       /* NULL: a free slot */
	char	*word;              /* lowercased */
	char	*hy;                /* its vector; NULL: no usable answer */
};

struct hyph {
	struct diag	*diag;      /* where a missing dictionary is said */
	HyphenDict	*dict[2];   /* loaded, by slot */
	char		 lang[2][8]; /* their languages */
	struct hyword	*words;     /* answers, open addressing */
	size_t		 cap, n;
};

struct hyph *
hyph_new(struct diag *dg)
{
	struct hyph *h = xcalloc(1, sizeof(*h));

	h->diag = dg;
	return h;
}

void
hyph_free(struct hyph *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < 2; i++)
		if (h->dict[i] != NULL)
			hnj_hyphen_free(h->dict[i]);
	for (i = 0; i < h->cap; i++) {
		free(h->words[i].word);
		free(h->words[i].hy);
	}
	free(h->words);
	free(h);
}

/* The slot of (hd, word): its entry, or the free slot for it. */
static struct hyword *
slot(struct hyph *h, const HyphenDict *hd, const char *word)
{
	size_t k = (size_t)14695981039346656037ULL, i;
	const unsigned char *p;

	for (p = (const unsigned char *)word; *p != '\0'; p++)
		k = (k ^ *p) * (size_t)1099511628211ULL;
	k ^= (size_t)(uintptr_t)hd;
	for (i = k & (h->cap - 1);; i = (i + 1) & (h->cap - 1))
		if (h->words[i].hd == NULL || (h->words[i].hd == hd &&
		    strcmp(h->words[i].word, word) == 0))
			return &h->words[i];
}

/* Remembers hy (n bytes, or NULL) for (hd, word). */
static void
remember(struct hyph *h, const HyphenDict *hd, const char *word,
    const char *hy, size_t n)
{
	struct hyword *w;

	if (2 * (h->n + 1) > h->cap) {
		struct hyword *old = h->words;
		size_t oldcap = h->cap, i;

		h->cap = h->cap ? h->cap * 2 : 1024;
		h->words = xcalloc(h->cap, sizeof(*h->words));
		for (i = 0; i < oldcap; i++)
			if (old[i].hd != NULL)
				*slot(h, old[i].hd, old[i].word) = old[i];
		free(old);
	}
	w = slot(h, hd, word);
	w->hd = hd;
	w->word = xstrdup(word);
	w->hy = NULL;
	if (hy != NULL) {
		w->hy = xmalloc(n);
		memcpy(w->hy, hy, n);
	}
	h->n++;
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

int
hyph_dict(struct hyph *h, const char *lang)
{
	char path[256];
	int i;

	for (i = 0; i < 2; i++)
		if (strcmp(h->lang[i], lang) == 0)
			return h->dict[i] != NULL ? i : -1;
	i = h->lang[0][0] == '\0' ? 0 : 1;
	if (h->dict[i] != NULL)
		hnj_hyphen_free(h->dict[i]);
	snprintf(h->lang[i], sizeof(h->lang[i]), "%s", lang);
	if (strcmp(lang, "en") == 0)
		snprintf(path, sizeof(path), "/usr/share/hyphen/hyph_en_US.dic");
	else
		snprintf(path, sizeof(path), "/usr/share/hyphen/hyph_%s.dic",
		    lang);
	h->dict[i] = file_isfile(path) ? hyphen_load(path) : NULL;
	if (h->dict[i] == NULL)
		diag(h->diag, DIAG_NOTE, path, 0, 0, "no hyphenation patterns "
		    "for '%s': PDF text is not hyphenated", lang);
	return h->dict[i] != NULL ? i : -1;
}

int
hyph_word(struct hyph *h, int dict, const char *word, size_t n, char *hy)
{
	const HyphenDict *hd = h->dict[dict];
	struct hyword *known;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL, ok;
	size_t j;

	known = h->cap > 0 ? slot(h, hd, word) : NULL;
	if (known != NULL && known->hd != NULL) {
		ok = known->hy != NULL;
		if (ok)
			memcpy(hy, known->hy, n + 1);
		return ok;
	}
	ok = hnj_hyphen_hyphenate3(h->dict[dict], word, (int)n, hy, NULL,
	    &rep, &pos, &cut, 2, 3, 2, 2) == 0 && rep == NULL;
	remember(h, hd, word, ok ? hy : NULL, n + 1);
	if (rep != NULL) {
		for (j = 0; j < n; j++)
			free(rep[j]);
		free(rep);
	}
	free(pos);
	free(cut);
	return ok;
}

/*
 * break.c: line breaking.  In: a paragraph's fragments (inline.c); out:
 * Knuth-Plass items (boxes for words and their pieces, glue for spaces,
 * penalties where libhyphen allows a hyphen or a URL a break) and the
 * breaks of the optimal fit.  Every word is measured here, since
 * libharu's word spacing does nothing with UTF-8 fonts.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

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

/* 1 when s holds "://", or is a host and path ("example.org/fr/", as
 * print shows an address): an address, to break after its slashes (not
 * a test of a URL's scheme, as url_has_scheme is). */
static int
has_address(const char *s, size_t len)
{
	size_t i;
	int dot = 0;

	for (i = 0; i + 2 < len; i++)
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
			return 1;
	for (i = 0; i < len && s[i] != '/'; i++)
		if (s[i] == '.' && i > 0 && i + 1 < len && s[i + 1] != '/')
			dot = 1;
	return dot && i + 1 < len;
}

static int
has_digit(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/* Adds the boxes of word s[off..off+len) of fragment fi, with hyphen
 * penalties where libhyphen allows a break. */
static void
word_items(struct flow *f, struct kplist *l, const struct inl *in, int fi,
    size_t off, size_t len, int hd, double w)
{
	const struct frag *fr = &in->fr[fi];
	const char *s = fr->text + off;
	unsigned char sbrk[256], *brk;   /* brk[i]: a break before s[i] */
	size_t i, start;
	struct kp *k;
	long cp;

	if (len < sizeof(sbrk)) {
		memset(sbrk, 0, sizeof(sbrk));
		brk = sbrk;
	} else
		brk = xcalloc(len + 1, 1);
	if ((has_address(s, len) ||
	    (len > 4 && memcmp(s, "www.", 4) == 0))) {
		/* an address: no hyphens, a break after each / */
		for (i = 1; i + 1 < len; i++)
			if (s[i] == '/' && s[i + 1] != '/' && s[i - 1] != '/')
				brk[i + 1] = 3;
	} else if (hd >= 0 && !fr->nohyph && len < sizeof(sbrk) - 8 &&
	    !has_digit(s, len) && (f->insub == 0 ||
	    draw_width(f->d, fr->font, fr->size, s, len) > w)) {
		/* (a word with a digit is a date, a number, a reference:
		 * never hyphenated; in a table's narrow column, only a
		 * word wider than the column is) */
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

				memcpy(word, s + ws, we - ws);
				word[we - ws] = '\0';
				lower_utf8(word, we - ws);
				memset(hy, 0, sizeof(hy));
				if (hyph_word(f->hyph, hd, word, we - ws, hy)) {
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
	if (brk != sbrk)
		free(brk);
}

/* Splits any box wider than w into pieces that fit, with a break
 * allowed between them: a word longer than the line (a URL, say).  A
 * piece ends before its last hyphen, which begins the next line (where
 * no one takes it for a word broken in two, as the Chicago Manual has
 * it for addresses); with no hyphen to break at, the word is cut where
 * the line ends, and the build says so once per paragraph. */
static void
chop_long(struct flow *f, struct kplist *l, const struct inl *in, double w)
{
	struct kplist out = { 0 };
	size_t i, j, start, hy, warned = 0;
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
		start = j = o->off;
		hy = 0;                 /* the last hyphen after start */
		while (j < o->off + o->len) {
			size_t save = j;

			if (fr->text[save] == '-' && save > start)
				hy = save;      /* a break before it */
			utf8_next(fr->text, o->off + o->len, &j);
			if (draw_width(f->d, fr->font, fr->size,
			    fr->text + start, j - start) > w && save > start) {
				if (hy > start)
					save = hy;
				else if (!warned++)
					diag(f->diag, DIAG_NOTE, f->file, 0, 0,
					    "a word is wider than the line "
					    "and was cut: '%.*s'", (int)o->len,
					    fr->text + o->off);
				k = kp_add(&out, IT_BOX);
				*k = *o;
				k->off = start;
				k->len = save - start;
				k->w = draw_width(f->d, fr->font, fr->size,
				    fr->text + start, k->len);
				k = kp_add(&out, IT_PEN);
				k->pen = 0;
				start = save;
				hy = 0;
				j = save;
				utf8_next(fr->text, o->off + o->len, &j);
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
void
break_items(struct flow *f, struct kplist *l, const struct inl *in,
    double w, int justify)
{
	int hd = f->st->hyphenate ? hyph_dict(f->hyph, f->lang) : -1;
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
			word_items(f, l, in, (int)fi, ws, i - ws, hd, w);
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
 * still favours even lines and rare hyphens.  Two rules are hard, not
 * costs: at most two hyphenated lines in a row, and no hyphen on the
 * line before the last (its tail alone, or nearly, on the last line).
 * So a break is a state (the item, and how many hyphenated lines end
 * there in a row: 0, 1 or 2); when no set of breaks keeps the rules (a
 * word longer than three lines), the rules are dropped for that
 * paragraph.  Returns the break indices (items where lines end) in *out.
 * Long (~150 lines) by reason: the dynamic programme's arrays (widths,
 * stretch, shrink, best cost, its break) are shared by every step; the
 * steps read as the paper's.
 */
#define NH 3                    /* hyphenated lines in a row: 0, 1, 2 */
size_t
break_lines(const struct kplist *l, double w, int justify, int **out)
{
	size_t n = l->n, i, a, nb = 0;
	double *W = xcalloc(n + 1, sizeof(double));
	double *S = xcalloc(n + 1, sizeof(double));
	double *K = xcalloc(n + 1, sizeof(double));
	/* best[(i + 1) * NH + h]: the cost of a paragraph start ending at
	 * break i with h hyphenated lines in a row; best[0] the start */
	double *best = xcalloc((n + 1) * NH, sizeof(double));
	long *prev = xcalloc((n + 1) * NH, sizeof(long));
	int *isbp = xcalloc(n + 1, sizeof(int));
	/* the starts worth trying, ascending: a (break at a - 1) with a
	 * cost, and the forced breaks, which nothing passes over */
	size_t *act = xcalloc(n + 2, sizeof(size_t)), nact, ai;
	double tol[4] = { 2.0, 8.0, 1e9, 1e9 };
	int pass, *res, ha, hb, strict, end = -1;

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
	for (pass = 0; pass < 4 && end < 0; pass++) {
		strict = pass < 3;
		for (i = 0; i < (n + 1) * NH; i++)
			best[i] = -1;
		best[0] = 0;
		act[0] = 0;
		nact = 1;
		for (i = 0; i < n; i++) {
			int reach = 0;

			if (!isbp[i])
				continue;
			for (ai = nact; ai-- > 0;) {
				size_t s;
				double L, Y, Z, r, bad, dem, base;
				const struct kp *kb = &l->it[i];
				int last, any = 0;

				/* a == 0 is the start; else break at a-1 */
				a = act[ai];
				for (ha = 0; ha < NH; ha++)
					if (best[a * NH + ha] >= 0)
						any = 1;
				if (a > 0 && !any)
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
				for (ha = 0; ha < NH; ha++) {
					base = best[a * NH + ha];
					if (base < 0)
						continue;
					hb = kb->type == IT_PEN && kb->flag ?
					    ha + 1 : 0;
					/* three hyphens in a row, or one
					 * before the last line */
					if (strict && (hb >= NH ||
					    (last && ha > 0)))
						continue;
					if (hb >= NH)
						hb = NH - 1;
					/* two in a row, a hyphen before the
					 * last line: costly in any case */
					base += dem + (hb > 1 ? 3000 : 0) +
					    (last && ha > 0 ? 3000 : 0);
					if (best[(i + 1) * NH + hb] < 0 ||
					    base < best[(i + 1) * NH + hb]) {
						best[(i + 1) * NH + hb] = base;
						prev[(i + 1) * NH + hb] =
						    (long)(a * NH + ha);
					}
					reach = 1;
				}
				if (a > 0 && l->it[a - 1].type == IT_PEN &&
				    l->it[a - 1].pen == FORCE_PEN)
					break;
			}
			if (reach || (l->it[i].type == IT_PEN &&
			    l->it[i].pen == FORCE_PEN))
				act[nact++] = i + 1;
			/* nothing may pass over a forced break */
			if (l->it[i].type == IT_PEN &&
			    l->it[i].pen == FORCE_PEN && !reach)
				break;
		}
		for (hb = 0; n > 0 && hb < NH; hb++)
			if (best[n * NH + hb] >= 0 && (end < 0 ||
			    best[n * NH + hb] < best[end]))
				end = (int)(n * NH + hb);
	}
	res = NULL;
	if (end >= 0) {
		long at = end;

		while (at >= NH) {
			res = xrealloc(res, (nb + 1) * sizeof(int));
			res[nb++] = (int)(at / NH) - 1;
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

/*
 * typo.c: typography of the page's language on the document tree's text
 * nodes, before either writer runs.  French: narrow no-break space
 * (U+202F) before ; ! ? and inside « », no-break space (U+00A0) before :,
 * straight quotes to « », apostrophes to ’, U+202F between digit groups.
 * English: straight quotes to “ ” ‘ ’.  Never inside code, URLs or
 * times such as 10:55.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

#define NBSP  0xA0
#define NNBSP 0x202F

struct typo {
	int	 fr;            /* French rules */
	long	 prev;          /* last code point written (0 at a block start) */
	long	 prev2;         /* the one before */
	int	 dq;            /* inside a straight double quote */
};

static void
put_cp(struct buf *b, long cp)
{
	char u[4];

	if (cp < 0x80)
		buf_putc(b, (int)cp);
	else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, u, 4);
	}
}

static int
space_cp(long c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == NBSP || c == NNBSP;
}

static int
is_digit(long c)
{
	return c >= '0' && c <= '9';
}

static int
is_wordch(long c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    is_digit(c) || (c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
	    c < 0x2000);
}

/* Whether an opening quote may stand after c. */
static int
opens_after(long c)
{
	return c == 0 || space_cp(c) || c == '(' || c == '[' || c == '{' ||
	    c == 0x2014 || c == 0x2013 || c == '/';
}

/* Drops a space just written (it is replaced by a no-break one). */
static void
drop_space(struct buf *b, struct typo *t)
{
	if (t->prev == ' ' && b->len > 0 && b->data[b->len - 1] == ' ') {
		b->len--;
		b->data[b->len] = '\0';
	}
}

static void
emit(struct buf *b, struct typo *t, long cp)
{
	put_cp(b, cp);
	t->prev2 = t->prev;
	t->prev = cp;
}

/* Length of a URL-like token starting at s[i], or 0. */
static size_t
url_len(const char *s, size_t len, size_t i)
{
	size_t j;

	if (i > 0 && !space_cp((unsigned char)s[i - 1]) && s[i - 1] != '(' &&
	    s[i - 1] != '<')
		return 0;
	if (!((len - i > 7 && strncmp(s + i, "http://", 7) == 0) ||
	    (len - i > 8 && strncmp(s + i, "https://", 8) == 0) ||
	    (len - i > 4 && strncmp(s + i, "www.", 4) == 0) ||
	    (len - i > 7 && strncmp(s + i, "mailto:", 7) == 0)))
		return 0;
	for (j = i; j < len && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' &&
	    s[j] != ')' && s[j] != '>'; j++)
		continue;
	while (j > i && strchr(".,;:!?", s[j - 1]) != NULL)
		j--;            /* trailing punctuation is the sentence's */
	return j - i;
}

/* The last code point of b, or 0. */
static long
last_cp(const struct buf *b)
{
	size_t k, i;
	long c;

	if (b->len == 0)
		return 0;
	k = b->len - 1;
	while (k > 0 && ((unsigned char)b->data[k] & 0xC0) == 0x80)
		k--;
	i = k;
	c = utf8_next(b->data, b->len, &i);
	return c < 0 ? 'x' : c;
}

/* Whether the byte at s[i] may need work: everything else is copied as
 * it is, in runs (most text has nothing to change). */
static inline int
trigger(const char *s, size_t i, size_t len, const struct typo *t)
{
	/* the bytes that may need work, for a first test by table */
	static const unsigned char cand[256] = {
		[' '] = 1, ['!'] = 1, ['"'] = 1, ['\''] = 1, [':'] = 1,
		[';'] = 1, ['?'] = 1, ['h'] = 1, ['m'] = 1, ['w'] = 1,
		[0xC2] = 1, [0xE2] = 1,
	};
	unsigned char c = (unsigned char)s[i];

	if (!cand[c])
		return 0;
	switch (c) {
	case '\'':
	case '"':
		return 1;
	case ':':
	case ';':
	case '!':
	case '?':
	case 0xC2:              /* « » and no-break space */
		return t->fr;
	case 0xE2:              /* ’, and the U+2000 block */
		return 1;
	case ' ':
		return t->fr && i > 0 && i + 1 < len &&
		    s[i - 1] >= '0' && s[i - 1] <= '9' &&
		    s[i + 1] >= '0' && s[i + 1] <= '9';
	case 'h':
	case 'w':
	case 'm':               /* a URL may start here */
		return url_len(s, len, i) > 0;
	default:
		return 0;
	}
}

/*
 * The typographic pass over one text node: quotes, dashes, ellipses, the
 * spaces of French punctuation and of long numbers, URLs and code left
 * alone.  Long (~150 lines) by reason: one switch over the character
 * at i, each case reading the bytes around it and the state in t; cut
 * apart, the cases would pass i, u, start and t back and forth.
 */
static void
pass_text(struct buf *b, const char *s, size_t len, struct typo *t)
{
	size_t i = 0, u, start = 0;

	while (i < len) {
		size_t at, j;
		long c, next;

		if (!trigger(s, i, len, t)) {
			i++;
			continue;
		}
		if (i > start) {
			buf_put(b, s + start, i - start);
			t->prev = last_cp(b);
		}
		at = i;
		c = utf8_next(s, len, &i);
		j = i;

		if (c < 0) {            /* not UTF-8: copy the byte as is */
			buf_putc(b, s[at]);
			i = at + 1;
			goto next;
		}
		if ((u = url_len(s, len, at)) > 0) {
			buf_put(b, s + at, u);
			t->prev = 'x';
			i = at + u;
			goto next;
		}
		next = j < len ? utf8_next(s, len, &j) : 0;
		if (next < 0)
			next = 0;
		if (c == '\'' || c == 0x2019) {
			if (is_wordch(t->prev) || t->prev == '.')
				emit(b, t, 0x2019);
			else if (!t->fr && opens_after(t->prev) &&
			    is_wordch(next) && !is_digit(next))
				emit(b, t, 0x2018);
			else
				emit(b, t, 0x2019);
			goto next;
		}
		if (c == '"') {
			int open = opens_after(t->prev) && !space_cp(next) &&
			    next != 0;

			if (!open && !t->dq && !space_cp(next) && next != 0)
				open = 1;
			if (open) {
				t->dq = 1;
				if (t->fr) {
					emit(b, t, 0xAB);
					emit(b, t, NNBSP);
					if (next == ' ')
						i = j;   /* « x: the space is ours */
				} else
					emit(b, t, 0x201C);
			} else {
				t->dq = 0;
				if (t->fr) {
					drop_space(b, t);
					if (t->prev != NNBSP && t->prev != NBSP)
						emit(b, t, NNBSP);
					emit(b, t, 0xBB);
				} else
					emit(b, t, 0x201D);
			}
			goto next;
		}
		if (!t->fr) {
			emit(b, t, c);
			goto next;
		}
		switch (c) {
		case 0xAB:              /* « */
			emit(b, t, c);
			if (next == ' ' || next == NBSP) {
				i = j;
				emit(b, t, NNBSP);
			} else if (next != NNBSP && next != 0)
				emit(b, t, NNBSP);
			goto next;
		case 0xBB:              /* » */
			if (t->prev == ' ' || t->prev == NBSP) {
				drop_space(b, t);
				if (t->prev == NBSP) {
					b->len -= 2;
					b->data[b->len] = '\0';
				}
				emit(b, t, NNBSP);
			} else if (t->prev != NNBSP && t->prev != 0)
				emit(b, t, NNBSP);
			emit(b, t, c);
			goto next;
		case ';':
		case '!':
		case '?':
		case ':':
			/* 10:55, a:b, "?!" and "::" stay as they are */
			if ((c == ':' && (is_digit(t->prev) && is_digit(next))) ||
			    (c == ':' && next == '/') ||
			    (!space_cp(next) && next != 0 && next != 0xBB &&
			    next != ')' && next != '!' && next != '?' &&
			    next != '"' && next != '.') ||
			    t->prev == 0 || t->prev == '!' || t->prev == '?' ||
			    t->prev == '(' || t->prev == c) {
				emit(b, t, c);
				goto next;
			}
			/* the author's space becomes a no-break one; none is
			 * added where there was none, so an English title
			 * quoted in French ("Exercise 12: …") stays as it is */
			if (t->prev == ' ') {
				drop_space(b, t);
				emit(b, t, c == ':' ? NBSP : NNBSP);
			}
			emit(b, t, c);
			goto next;
		case ' ':
			/* 1 250 000: groups of three digits */
			if (is_digit(t->prev) && is_digit(next)) {
				size_t k = at + 1, nd = 0;

				while (k < len && is_digit((unsigned char)s[k]))
					k++, nd++;
				if (nd == 3 && (k == len ||
				    !is_wordch((unsigned char)s[k]))) {
					emit(b, t, NNBSP);
					goto next;
				}
			}
			emit(b, t, c);
			goto next;
		default:
			emit(b, t, c);
		}
next:
		start = i;
	}
	if (i > start) {
		buf_put(b, s + start, i - start);
		t->prev = last_cp(b);
	}
}

void
typo_text(struct buf *out, const char *text, const char *lang)
{
	struct typo t = { 0 };

	t.fr = lang != NULL && strncmp(lang, "fr", 2) == 0;
	pass_text(out, text, strlen(text), &t);
}

/* Whether pass_text() may change s: else it is left as it is. */
static int
quiet_text(const char *s, size_t len, const struct typo *t)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (trigger(s, i, len, t))
			return 0;
	return 1;
}

static void
walk(xmlNodePtr n, struct typo *t, const char *lang, struct buf *b)
{
	xmlNodePtr c;
	int cls;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			const char *s = (const char *)c->content;
			size_t len = strlen(s);

			if (len > 0 && quiet_text(s, len, t)) {
				struct buf tail;
				size_t k = len - 1;

				while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
					k--;
				tail.data = (char *)s + k;
				tail.len = len - k;
				tail.cap = 0;
				t->prev = last_cp(&tail);
				continue;
			}
			buf_reset(b);
			pass_text(b, s, len, t);
			if (b->data != NULL && strcmp(b->data, s) != 0)
				xmlNodeSetContent(c, (const xmlChar *)b->data);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		cls = elem_flags((const char *)c->name);
		if (cls & ELEM_TYPO_SKIP) {
			t->prev = 'x';
			continue;
		}
		{
			const char *l = tree_get_attr(c, "lang");
			struct typo inner = *t;

			if (cls & ELEM_TYPO_BLOCK)
				inner.prev = inner.prev2 = 0, inner.dq = 0;
			if (l != NULL)
				inner.fr = strncmp(l, "fr", 2) == 0;
			walk(c, &inner, l != NULL ? l : lang, b);
			if (!(cls & ELEM_TYPO_BLOCK)) {
				t->prev = inner.prev;
				t->prev2 = inner.prev2;
				t->dq = inner.dq;
			} else
				t->prev = 0;
		}
	}
}

void
typo_pass(xmlNodePtr root, const char *lang)
{
	struct typo t = { 0 };
	struct buf b = { 0 };

	t.fr = lang != NULL && strncmp(lang, "fr", 2) == 0;
	walk(root, &t, lang, &b);
	buf_free(&b);
}

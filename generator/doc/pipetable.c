/*
 * pipetable.c: GitHub-style pipe tables, read from the source lines of
 * a paragraph that cmark has already parsed.  In: the paragraph's lines
 * as written (container prefixes off).  Out: where the table starts,
 * its columns' alignment and each cell's text with escaped pipes undone
 * ("\|" is "|" even inside code, as GFM has it) and a map back to the
 * source, so that markdown.c parses each cell's inlines with cmark and
 * keeps their file:line:col.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "doc/doc.h"

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

/* Splits one row (len bytes of s) into cells: an unescaped '|' ends a
 * cell, a leading and a trailing one are optional, "\|" is a '|' of the
 * cell; each cell is trimmed.  Returns the cells (free with
 * pipetable_free_row) or NULL for a line with nothing on it. */
static struct ptcell *
split_row(const char *s, size_t len, size_t *ncells)
{
	struct ptcell *cells = NULL;
	size_t i = 0, n = 0, start, end, k;

	*ncells = 0;
	while (i < len && is_blank(s[i]))
		i++;
	while (len > i && is_blank(s[len - 1]))
		len--;
	if (i == len)
		return NULL;
	if (s[i] == '|')
		i++;
	for (;;) {
		struct buf text = { 0 };
		size_t *src = NULL, nsrc = 0;

		start = i;
		while (i < len && s[i] != '|') {
			if (s[i] == '\\' && i + 1 < len)
				i++;    /* an escaped character, '|' or other */
			i++;
		}
		end = i;
		/* trimmed, with "\|" made "|"; src[k]: where byte k was */
		while (start < end && is_blank(s[start]))
			start++;
		while (end > start && is_blank(s[end - 1]))
			end--;
		src = xcalloc(end - start + 1, sizeof(*src));
		for (k = start; k < end; k++) {
			if (s[k] == '\\' && k + 1 < end && s[k + 1] == '|')
				k++;
			buf_putc(&text, s[k]);
			src[nsrc++] = k;
		}
		src[nsrc] = end;
		cells = xrealloc(cells, (n + 1) * sizeof(*cells));
		cells[n].text = text.data != NULL ? buf_detach(&text) :
		    xstrdup("");
		cells[n].len = nsrc;
		cells[n].src = src;
		n++;
		if (i >= len)
			break;
		i++;                    /* the '|' */
		if (i >= len)
			break;          /* a trailing '|' ends the row */
	}
	*ncells = n;
	return cells;
}

void
pipetable_free_row(struct ptcell *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(cells[i].text);
		free(cells[i].src);
	}
	free(cells);
}

/* The delimiter row: cells of '-' with an optional ':' at either end;
 * fills align[] (ncols of them). */
static int
delimiter_row(const char *s, size_t len, size_t ncols, enum ptalign *align)
{
	struct ptcell *cells;
	size_t n, i, k, dashes;
	int ok, pipe;

	pipe = memchr(s, '|', len) != NULL;
	if ((cells = split_row(s, len, &n)) == NULL)
		return 0;
	ok = n == ncols;
	for (i = 0; ok && i < n; i++) {
		const char *t = cells[i].text;
		size_t tl = cells[i].len;
		int left = tl > 0 && t[0] == ':', right = tl > 1 &&
		    t[tl - 1] == ':';

		for (k = left, dashes = 0; k < tl - (size_t)right; k++) {
			if (t[k] != '-')
				break;
			dashes++;
		}
		if (k != tl - (size_t)right || dashes == 0) {
			ok = 0;
			break;
		}
		if (align != NULL)
			align[i] = left && right ? PT_CENTER : right ?
			    PT_RIGHT : left ? PT_LEFT : PT_NONE;
	}
	/* "---" alone is a thematic break or a setext underline, never a
	 * one-column table: it needs a pipe or a colon */
	if (ok && !pipe && memchr(s, ':', len) == NULL)
		ok = 0;
	pipetable_free_row(cells, n);
	return ok;
}

int
pipetable_find(const struct ptline *lines, size_t n, size_t from,
    struct pipetable *t)
{
	size_t h, i, nh;
	struct ptcell *head;

	memset(t, 0, sizeof(*t));
	for (h = from; h + 1 < n; h++) {
		if (memchr(lines[h].s, '|', lines[h].len) == NULL &&
		    memchr(lines[h + 1].s, '|', lines[h + 1].len) == NULL)
			continue;       /* no pipe in either: not a table */
		if ((head = split_row(lines[h].s, lines[h].len, &nh)) == NULL)
			continue;
		if (!delimiter_row(lines[h + 1].s, lines[h + 1].len, nh, NULL)) {
			pipetable_free_row(head, nh);
			continue;
		}
		t->first = h;
		t->ncols = nh;
		t->align = xcalloc(nh, sizeof(*t->align));
		delimiter_row(lines[h + 1].s, lines[h + 1].len, nh, t->align);
		t->nrows = n - h - 1;   /* the header, then the body rows */
		t->row = xcalloc(t->nrows, sizeof(*t->row));
		t->line = xcalloc(t->nrows, sizeof(*t->line));
		t->row[0] = head;
		t->line[0] = h;
		for (i = h + 2; i < n; i++) {
			struct ptcell *r;
			size_t nr, k;

			r = split_row(lines[i].s, lines[i].len, &nr);
			/* as many cells as the header: more are dropped,
			 * fewer filled with empty ones */
			for (k = nh; k < nr; k++) {
				free(r[k].text);
				free(r[k].src);
			}
			r = xrealloc(r, nh * sizeof(*r));
			for (k = nr; k < nh; k++) {
				r[k].text = xstrdup("");
				r[k].len = 0;
				r[k].src = xcalloc(1, sizeof(size_t));
				r[k].src[0] = lines[i].len;
			}
			t->row[i - h - 1] = r;
			t->line[i - h - 1] = i;
		}
		return 1;
	}
	return 0;
}

void
pipetable_free(struct pipetable *t)
{
	size_t i;

	for (i = 0; i < t->nrows; i++)
		pipetable_free_row(t->row[i], t->ncols);
	free(t->row);
	free(t->line);
	free(t->align);
	memset(t, 0, sizeof(*t));
}

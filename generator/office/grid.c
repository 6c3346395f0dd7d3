/*
 * grid.c: tables into the model: a table of the tree on its grid of
 * cells (spans cover slots, column widths from what the cells hold),
 * and a block of label / control pairs as a two-column form table.  A
 * cell's blocks come back from the converter through struct conv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "office/internal.h"

static int
span_of(xmlNodePtr n, const char *attr)
{
	const char *v = tree_get_attr(n, attr);
	int s = v != NULL ? atoi(v) : 1;

	return s < 1 ? 1 : s > 100 ? 100 : s;
}

static void
rows_of(xmlNodePtr t, xmlNodePtr *rows, size_t *n, size_t max, int *head,
    size_t *nhead)
{
	xmlNodePtr k, r;

	for (k = t->children; k != NULL; k = k->next) {
		if (tree_is(k, "tr")) {
			if (*n < max)
				rows[(*n)++] = k;
		} else if (tree_is(k, "thead") || tree_is(k, "tbody") ||
		    tree_is(k, "tfoot"))
			for (r = k->children; r != NULL; r = r->next)
				if (tree_is(r, "tr") && *n < max) {
					if (tree_is(k, "thead") &&
					    *nhead == *n) {
						(*nhead)++;
						*head = 1;
					}
					rows[(*n)++] = r;
				}
	}
}


/* The style of a cell's text: a header or a body cell, aligned as its
 * class says (pk-num, and a Markdown table's pk-center, pk-right). */
static enum ostyle
cell_style(xmlNodePtr k, int header)
{
	if (tree_has_class(k, "pk-center"))
		return header ? OS_CELLHEADCENTER : OS_CELLCENTER;
	if (tree_has_class(k, "pk-right"))
		return header ? OS_CELLHEADRIGHT : OS_CELLRIGHT;
	if (header)
		return OS_CELLHEAD;
	return tree_has_class(k, "pk-num") ? OS_CELLNUM : OS_CELL;
}
/* The width a cell's content needs without breaking a word (*min; a
 * short text is kept whole) and on one line (*max), in characters. */
static void
cell_want(xmlNodePtr cell, double *min, double *max)
{
	char *t = tree_text_content(cell);
	size_t chars = 0, word = 0, longest = 0;
	const unsigned char *s;
	xmlNodePtr k;

	for (s = (const unsigned char *)t; *s != '\0'; s++) {
		if ((*s & 0xC0) == 0x80)
			continue;
		chars++;
		if (*s == ' ' || *s == '\n') {
			word = 0;
			continue;
		}
		if (++word > longest)
			longest = word;
	}
	free(t);
	*min = chars <= 16 ? (double)chars : (double)longest;
	*max = chars > 60 ? 60 : (double)chars;    /* a column's measure */
	for (k = cell->children; k != NULL; k = k->next)
		if (tree_is(k, "input") || tree_is(k, "textarea")) {
			const char *v = tree_get_attr(k, tree_is(k, "input") ?
			    "size" : "cols");
			double want = v != NULL && atof(v) > 0 ? atof(v) : 12;

			if (want > *max)
				*max = want;
		}
	if (*min < 2)
		*min = 2;
	if (*max < *min)
		*max = *min;
}

/* Column shares: each its minimum, the room left shared in proportion
 * to what each would take more on one line. */
static void
widths(double *width, const double *min, const double *max, size_t n,
    double avail)
{
	double smin = 0, smax = 0, extra;
	size_t i;

	for (i = 0; i < n; i++) {
		smin += min[i];
		smax += max[i];
	}
	if (smax <= avail) {
		for (i = 0; i < n; i++)
			width[i] = max[i] / smax;
		return;
	}
	if (smin >= avail) {
		/* too narrow anyway: long texts get more than short ones */
		double sum = 0;

		for (i = 0; i < n; i++)
			sum += min[i] + (max[i] - min[i]) / 2;
		for (i = 0; i < n; i++)
			width[i] = (min[i] + (max[i] - min[i]) / 2) / sum;
		return;
	}
	extra = (avail - smin) / (smax - smin);
	for (i = 0; i < n; i++)
		width[i] = (min[i] + (max[i] - min[i]) * extra) / avail;
}

void
grid_table(struct conv *c, struct oblocks *out, xmlNodePtr t)
{
	xmlNodePtr rows[4096], k;
	size_t nrows = 0, nhead = 0, r, col, ncols = 0, i;
	int head = 0;
	struct otable *tb;
	struct oblock *b;
	double *want;

	for (k = t->children; k != NULL; k = k->next)
		if (tree_is(k, "caption"))
			text_para(c, out, k, OS_CAPTION)->keep = 1;
	rows_of(t, rows, &nrows, sizeof(rows) / sizeof(rows[0]), &head,
	    &nhead);
	if (nrows == 0)
		return;
	/* the grid: spans take slots in later rows */
	{
		size_t *busy = NULL, nbusy = 0;

		for (r = 0; r < nrows; r++) {
			col = 0;
			for (k = rows[r]->children; k != NULL; k = k->next) {
				if (!tree_is(k, "td") && !tree_is(k, "th"))
					continue;
				while (col < nbusy && busy[col] > r)
					col++;
				{
					size_t cs = (size_t)span_of(k,
					    "colspan");
					size_t rs = (size_t)span_of(k,
					    "rowspan");

					if (col + cs > nbusy) {
						busy = xrealloc(busy,
						    (col + cs) *
						    sizeof(*busy));
						for (i = nbusy; i < col + cs; i++)
							busy[i] = 0;
						nbusy = col + cs;
					}
					for (i = col; i < col + cs; i++)
						busy[i] = r + rs;
					col += cs;
				}
			}
			if (col > ncols)
				ncols = col;
		}
		if (nbusy > ncols)
			ncols = nbusy;
		free(busy);
	}
	if (ncols == 0)
		return;
	b = model_block(out, OB_TABLE, OS_BODY);
	tb = b->table = xcalloc(1, sizeof(*tb));
	tb->kind = OT_DATA;
	tb->nrows = nrows;
	tb->ncols = ncols;
	tb->headrows = nhead;
	tb->cell = xcalloc(nrows * ncols, sizeof(*tb->cell));
	tb->width = xcalloc(ncols, sizeof(double));
	want = xcalloc(2 * ncols, sizeof(double));
	for (r = 0; r < nrows; r++) {
		col = 0;
		for (k = rows[r]->children; k != NULL; k = k->next) {
			struct ocell *ce;
			size_t cs, rs, rr, cc;
			enum ostyle st;
			double wa, wb;

			if (!tree_is(k, "td") && !tree_is(k, "th"))
				continue;
			while (col < ncols && tb->cell[r * ncols + col].covered)
				col++;
			if (col >= ncols)
				break;
			cs = (size_t)span_of(k, "colspan");
			rs = (size_t)span_of(k, "rowspan");
			if (col + cs > ncols)
				cs = ncols - col;
			if (r + rs > nrows)
				rs = nrows - r;
			ce = &tb->cell[r * ncols + col];
			ce->header = tree_is(k, "th");
			ce->colspan = (int)cs;
			ce->rowspan = (int)rs;
			for (rr = r; rr < r + rs; rr++)
				for (cc = col; cc < col + cs; cc++)
					if (rr != r || cc != col)
						tb->cell[rr * ncols + cc].covered = 1;
			st = cell_style(k, ce->header);
			c->blocks(c, k, &ce->body, st);
			if (ce->body.n == 0)
				model_block(&ce->body, OB_PARA, st);
			cell_want(k, &wa, &wb);
			for (cc = col; cc < col + cs; cc++) {
				if (wa / (double)cs > want[cc])
					want[cc] = wa / (double)cs;
				if (wb / (double)cs > want[ncols + cc])
					want[ncols + cc] = wb / (double)cs;
			}
			col += cs;
		}
	}
	/* about 5 characters of 10 pt text a centimetre, less padding */
	widths(tb->width, want, want + ncols, ncols,
	    model_textwidth(c->d) * 5.2 - 1.2 * (double)ncols);
	free(want);
}

/* A block of label / control pairs (class pk-compact, a signature) as a
 * two-column form table: label | writing line. */
void
grid_form(struct conv *c, struct oblocks *out, xmlNodePtr n)
{
	struct otable *tb = NULL;
	struct oblock *b = NULL;
	xmlNodePtr k, ctl;
	size_t r;

	for (k = n->children; k != NULL; k = k->next) {
		struct ocell *lc, *fc;
		const char *id;
		int line = 0;

		if (text_blank(k) || tree_is(k, "legend"))
			continue;
		ctl = NULL;
		if (tree_is(k, "label") &&
		    !tree_has_class(k, "pk-visually-hidden") &&
		    (id = tree_get_attr(k, "for")) != NULL) {
			for (ctl = k->next; ctl != NULL &&
			    ctl->type != XML_ELEMENT_NODE; ctl = ctl->next)
				;
			if (ctl == NULL || text_is_box(ctl) ||
			    tree_get_attr(ctl, "id") == NULL ||
			    strcmp(tree_get_attr(ctl, "id"), id) != 0)
				ctl = NULL;
		}
		if (tree_is(k, "dt")) {
			for (ctl = k->next; ctl != NULL &&
			    ctl->type != XML_ELEMENT_NODE; ctl = ctl->next)
				;
			if (!tree_is(ctl, "dd"))
				ctl = NULL;
			else
				line = 1;
		}
		if (ctl == NULL) {
			tb = NULL;      /* anything else breaks the table */
			if (tree_is(k, "dl"))
				grid_form(c, out, k);
			else if (!(tree_is(k, "p") &&
			    tree_has_class(n, "pk-signature")))
				c->block1(c, n, k, out, OS_BODY);
			continue;
		}
		if (tb == NULL) {
			b = model_block(out, OB_TABLE, OS_BODY);
			tb = b->table = xcalloc(1, sizeof(*tb));
			tb->kind = OT_FORM;
			tb->ncols = 2;
			tb->width = xcalloc(2, sizeof(double));
			tb->width[0] = 0.3;
			tb->width[1] = 0.7;
			tb->keep = tree_has_class(n, "pk-keep") ||
			    tree_has_class(n, "pk-signature");
		}
		r = tb->nrows++;
		tb->cell = xrealloc(tb->cell,
		    tb->nrows * 2 * sizeof(*tb->cell));
		memset(&tb->cell[r * 2], 0, 2 * sizeof(*tb->cell));
		lc = &tb->cell[r * 2];
		fc = &tb->cell[r * 2 + 1];
		lc->colspan = lc->rowspan = fc->colspan = fc->rowspan = 1;
		text_para(c, &lc->body, k, OS_LABEL);
		if (line && tree_has_class(ctl, "pk-sign-line"))
			model_block(&fc->body, OB_PARA, OS_SIGN);
		else if (line) {
			c->blocks(c, ctl, &fc->body, OS_FILL);
			if (fc->body.n == 0)
				model_block(&fc->body, OB_PARA, OS_FILL);
		} else
			text_field_block(c, &fc->body, ctl, OS_FILL);
		/* a label sits on its one line, or on the first of many */
		lc->top = fc->top = fc->body.n > 1;
		k = ctl;
	}
}

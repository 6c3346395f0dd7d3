/*
 * table.c: tables.  In: a table element (thead, tbody, tfoot, tr, th,
 * td, spans resolved as HTML does); out: one item per group of rows that
 * spans tie, columns sized to their content, header rows repeated after a
 * page break; a table too wide even at 7 pt, or a row taller than a
 * page, as one record per row.  A cell's blocks are laid out by the
 * block walk (f->blocks).
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "pdf/internal.h"

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
		if (tree_is(n, "tr"))
			ntr++;
		else if (tree_is(n, "thead") || tree_is(n, "tbody") ||
		    tree_is(n, "tfoot"))
			for (tr = n->children; tr != NULL; tr = tr->next)
				ntr += tree_is(tr, "tr");
	if (ntr == 0)
		return;
	occ = xcalloc((size_t)ntr, MAXCOLS);
	for (n = t->children; n != NULL; n = n->next) {
		int head = tree_is(n, "thead");

		if (!tree_is(n, "tr") && !tree_is(n, "thead") &&
		    !tree_is(n, "tbody") &&
		    !tree_is(n, "tfoot"))
			continue;
		for (tr = tree_is(n, "tr") ? n : n->children; tr != NULL;
		    tr = tree_is(n, "tr") ? NULL : tr->next) {
			if (!tree_is(tr, "tr"))
				continue;
			c = 0;
			allth = 1;
			for (m = tr->children; m != NULL; m = m->next) {
				struct cell *ce;

				if (!tree_is(m, "td") && !tree_is(m, "th"))
					continue;
				while (c < MAXCOLS && occ[r * MAXCOLS + c])
					c++;
				if (c >= MAXCOLS)
					break;
				g->cell = xrealloc(g->cell, (size_t)(g->ncell + 1) *
				    sizeof(*g->cell));
				ce = &g->cell[g->ncell++];
				ce->node = m;
				ce->th = tree_is(m, "th");
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
	f->insub++;
	f->blocks(f, c, n);
	f->insub--;
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
			struct pdf_box *b = layout_ibox(it,
			    items[i].box[j].kind);

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
		layout_release(&items[i]);
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
			lines_set(f, &in, &k, first ? parskip(f) * 1.5 :
			    parskip(f) * 0.5, 1, 0);
			inline_free(&in);
			k = *c;
			k.x += f->st->indent;
			k.w -= f->st->indent;
		}
		f->forcebefore = hd != NULL ? 0 : first ? parskip(f) * 1.5 : -1;
		if (ce->th) {
			k.bold = 1;
			k.family = PF_SANS;
		}
		f->blocks(f, &k, ce->node);
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
		if (tree_is(m, "textarea") || (tree_is(m, "input") && ((t =
		    tree_get_attr(m, "type")) == NULL ||
		    strcmp(t, "text") == 0 || strcmp(t, "date") == 0))) {
			a = tree_get_attr(m,
			    tree_is(m, "textarea") ? "cols" : "size");
			if (a == NULL)
				a = tree_get_attr(m, "size");
			v = a != NULL ? strtod(a, NULL) : tree_is(m,
			    "textarea") ? 40 :
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
 * taller than a page.  Long (~140 lines) by reason: the cells' boxes,
 * the row heights and the rules are built on one item in one pass over
 * the grid, each step needing the heights the one before computed. */
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
		if (tree_has_class(ce->node, "pk-num")) {
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
		b = layout_ibox(&it, BOX_RECT);
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
		b = layout_ibox(&it, BOX_RULE);
		b->x = cx[i];
		b->y = top[end - r0];
		b->w = cwid[i];
		b->lw = head ? 0.8 : 0.4;
		b->color = f->st->rule;
	}
	if (ok && r0 == 0) {
		b = layout_ibox(&it, BOX_RULE);
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
		layout_push(f, &it);
	else
		layout_release(&it);
	free(rh);
	free(top);
	free(items);
	free(nitems);
	free(ch);
	free(cx);
	free(cwid);
	return ok;
}

void
table_layout(struct flow *f, const struct ctx *c, xmlNodePtr t)
{
	struct grid g;
	xmlNodePtr n;
	double *cw, size = f->st->tablesize, pad = 3;
	int r0, r1, i, tid;

	for (n = t->children; n != NULL; n = n->next)
		if (tree_is(n, "caption")) {
			struct ctx k = *c;

			k.family = PF_SANS;
			k.bold = 1;
			k.size = f->st->smallsize + 0.5;
			k.justify = 0;
			lines_para(f, &k, n->children, NULL, parskip(f));
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
			diag(f->diag, DIAG_WARN, f->file, 0, 0,
			    "a table of %d columns is too wide for the page: "
			    "printed as one record per row", g.ncols);
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
			diag(f->diag, DIAG_WARN, f->file, 0, 0,
			    "a table row is taller than a page: printed as a "
			    "record");
			table_stacked(f, c, &g, r0, r1);
		}
	}
out:
	free(cw);
	free(g.cell);
}

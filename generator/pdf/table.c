/*
 * table.c: tables.  In: a table element (thead, tbody, tfoot, tr, th,
 * td, spans resolved as HTML does); out: one item per group of rows that
 * spans tie, columns sized to their content, header rows repeated after a
 * page break; a table too wide even at 7 pt, or a row taller than a
 * page, as one record per row.  A cell's blocks are laid out by the
 * block walk (f->blocks).  Tagged as one Table (Caption, THead, TBody,
 * TR, TH with its /Scope, TD) however many pages it spans.  Also blocks
 * two by two side by side (table_pairs), laid out and tagged as blocks.
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

/* Where the table's structure elements stand. */
struct ttag {
	int	 table;             /* the Table, -1: not tagged */
	int	 head, body;        /* its THead and TBody, -1: not yet */
	int	 tr;                /* the row being filled */
	int	 row;               /* its grid row, -1: none yet */
};

/* A TR for grid row `row` (in the THead for a header row, unless the
 * table is printed as records), made when the row changes. */
static void
row_tag(struct flow *f, struct ttag *tt, const struct grid *g, int row,
    int records)
{
	int head = row < g->nhead && !records, *sec;
	struct tag_elem *e;

	if (tt->table < 0 || row == tt->row)
		return;
	sec = head ? &tt->head : &tt->body;
	if (*sec < 0)
		*sec = tag_open(f->tags, tt->table, head ? "THead" : "TBody");
	tt->tr = tag_open(f->tags, *sec, "TR");
	if ((e = tag_get(f->tags, tt->tr)) != NULL)
		e->keep = 1;
	tt->row = row;
}

/* A TH or TD in the current row: its scope and spans; an empty cell
 * stays, so that rows keep their width.  Returns it (or the flow's
 * current element when not tagged). */
static int
cell_tag(struct flow *f, struct ttag *tt, const struct grid *g,
    const struct cell *ce, int th, int scope)
{
	const char *a = tree_get_attr(ce->node, "scope");
	struct tag_elem *e;
	int el;

	if (tt->table < 0)
		return f->tagcur;
	el = tag_open(f->tags, tt->tr, th ? "TH" : "TD");
	if ((e = tag_get(f->tags, el)) == NULL)
		return f->tagcur;
	e->keep = 1;
	tag_lang(f, el, ce->node);
	if (scope < 0) {
		e->rowspan = ce->rs;
		e->colspan = ce->cs;
	}
	if (!th)
		return el;
	if (scope >= 0)
		e->scope = scope;
	else if (a != NULL && strncmp(a, "col", 3) == 0)
		e->scope = TAG_COLUMN;
	else if (a != NULL && strncmp(a, "row", 3) == 0)
		e->scope = TAG_ROW;
	else
		e->scope = ce->row < g->nhead ? TAG_COLUMN : TAG_ROW;
	return el;
}

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

/* The text of n as it prints, into b: labels for screen readers left
 * out, a box to tick and its label one word, a date one word (no-break
 * spaces). */
static void
cell_text(xmlNodePtr n, struct buf *b, int nobreak)
{
	xmlNodePtr m;
	const char *t;

	for (m = n->children; m != NULL; m = m->next) {
		if (m->type == XML_TEXT_NODE && m->content != NULL) {
			char *s = nobreak ? inline_nobreak((const char *)
			    m->content) : NULL;

			buf_puts(b, s != NULL ? s : (const char *)m->content);
			free(s);
		} else if (m->type != XML_ELEMENT_NODE || tree_is_svg(m) ||
		    tree_has_class(m, "pk-visually-hidden"))
			continue;
		else if (tree_is(m, "input") && (t = tree_get_attr(m,
		    "type")) != NULL && (strcmp(t, "checkbox") == 0 ||
		    strcmp(t, "radio") == 0))
			buf_puts(b, " \xe2\x98\x90\xc2\xa0");
		else {
			if (!inline_is(m))
				buf_putc(b, ' ');
			cell_text(m, b, nobreak || tree_is(m, "time") ||
			    (tree_is(m, "label") && inline_choice(m)));
		}
	}
}

/* Width of s[0..len) at size, in the faces that draw it. */
static double
text_width(struct flow *f, int font, double size, const char *s, size_t len)
{
	struct run *r;
	size_t nr, i;
	double w = 0;

	nr = draw_split(f->d, font, s, len, &r, NULL, NULL);
	for (i = 0; i < nr; i++)
		w += draw_width(f->d, r[i].font, size, r[i].text, r[i].len);
	draw_runs_free(r, nr);
	return w;
}

/* The widths of the longest word and of the whole text of cell n. */
static void
cell_widths(struct flow *f, xmlNodePtr n, int font, double size,
    double *minw, double *maxw)
{
	struct buf b = { 0 };
	char *nb;
	const char *p, *q;
	size_t len;
	double sp = draw_width(f->d, font, size, " ", 1), w, line = 0;
	int nbox;

	cell_text(n, &b, 0);
	/* a date is one word: it never breaks */
	if (b.data != NULL && (nb = inline_dates(b.data, b.len, &len)) !=
	    NULL) {
		buf_reset(&b);
		buf_puts(&b, nb);
		free(nb);
	}
	*minw = 0;
	*maxw = 0;
	p = b.data != NULL ? b.data : "";
	while (*p != '\0') {
		while (is_space((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		q = p;
		while (*q != '\0' && !is_space((unsigned char)*q))
			q++;
		w = text_width(f, font, size, p, (size_t)(q - p));
		if (w > *minw)
			*minw = w;
		line += (line > 0 ? sp : 0) + w;
		p = q;
	}
	*maxw = line;
	/* three choices or more: two to a line are enough */
	for (p = b.data, nbox = 0; p != NULL && (p = strstr(p,
	    "\xe2\x98\x90")) != NULL; p += 3)
		nbox++;
	if (nbox >= 3 && line / 2 > *minw)
		*maxw = line / 2;
	buf_free(&b);
}

/* Lays cell content (or, whole, the block n) out on its own and returns
 * its items. */
static struct vitem *
sublayout(struct flow *f, const struct ctx *c, xmlNodePtr n, size_t *nitems,
    double *height, int whole)
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
	if (whole)
		f->block(f, c, n);
	else
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
    int r0, int r1, struct ttag *tt)
{
	int i, first, save = f->tagcur;

	for (i = 0; i < g->ncell; i++) {
		const struct cell *ce = &g->cell[i];
		const struct cell *hd;
		struct ctx k = *c;
		struct inl in = { 0 };

		if (ce->row < r0 || ce->row >= r1 || ce->row < g->nhead)
			continue;
		first = i == 0 || g->cell[i - 1].row != ce->row;
		hd = head_of(g, ce->col);
		/* a record: a row whose cells are each said after their
		 * column's name (a TH for its row's next cell) */
		row_tag(f, tt, g, ce->row, 1);
		if (hd != NULL) {
			k.bold = 1;
			k.family = PF_SANS;
			f->tagcur = cell_tag(f, tt, g, hd, 1, TAG_ROW);
			inline_walk(f, &in, &k, hd->node, NULL);
			lines_set(f, &in, &k, first ? parskip(f) * 1.5 :
			    parskip(f) * 0.5, 1, 0);
			inline_free(&in);
			f->tagcur = save;
			k = *c;
			k.x += f->st->indent;
			k.w -= f->st->indent;
		}
		f->forcebefore = hd != NULL ? 0 : first ? parskip(f) * 1.5 : -1;
		if (ce->th) {
			k.bold = 1;
			k.family = PF_SANS;
		}
		f->tagcur = cell_tag(f, tt, g, ce, ce->th, hd != NULL ?
		    TAG_ROW : -1);
		f->blocks(f, &k, ce->node);
		f->tagcur = save;
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

/* 1 when n holds a field to fill in (input, textarea, select). */
static int
has_field(xmlNodePtr n)
{
	xmlNodePtr m;

	for (m = n->children; m != NULL; m = m->next)
		if (m->type == XML_ELEMENT_NODE && (tree_is(m, "input") ||
		    tree_is(m, "textarea") || tree_is(m, "select") ||
		    has_field(m)))
			return 1;
	return 0;
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
	char *blank = xcalloc((size_t)g->ncols, 1);

	/* a column of fields: the fields say how wide it wishes to be, its
	 * header little more than its longest word (a short one whole) */
	for (i = 0; i < g->ncell; i++)
		if (g->cell[i].row >= g->nhead && g->cell[i].cs == 1 &&
		    has_field(g->cell[i].node))
			blank[g->cell[i].col] = 1;
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
			if (ce->row < g->nhead && ce->cs == 1 && blank[ce->col] &&
			    b > a * 1.6)
				b = a * 1.6;
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
	free(blank);
	return ok;
}

/* One item for rows r0..r1-1 (no span crosses its edges); 0 if it is
 * taller than a page.  Long (~140 lines) by reason: the cells' boxes,
 * the row heights and the rules are built on one item in one pass over
 * the grid, each step needing the heights the one before computed. */
static int
table_group(struct flow *f, const struct ctx *c, const struct grid *g,
    int r0, int r1, const double *cw, double size, double pad, int tid,
    struct ttag *tt)
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
	int i, j, r, pass, ok = 1, head = r0 < g->nhead, save = f->tagcur;
	struct tag_mark mark;
	struct ttag tsave = *tt;

	tag_mark(f->tags, &mark);
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
		k.right = k.x + k.w;
		k.size = size;
		k.justify = 0;
		k.depth = 0;
		k.leading = 1.25;
		if (ce->th) {
			k.family = PF_SANS;
			k.bold = 1;
		}
		row_tag(f, tt, g, ce->row, 0);
		f->tagcur = cell_tag(f, tt, g, ce, ce->th, -1);
		items[i] = sublayout(f, &k, ce->node, &nitems[i], &ch[i], 0);
		f->tagcur = save;
		if (tree_has_class(ce->node, "pk-num") ||
		    tree_has_class(ce->node, "pk-right") ||
		    tree_has_class(ce->node, "pk-center")) {
			/* a number, or a column aligned right or centred (a
			 * Markdown table's): each line moved to its place */
			double share = tree_has_class(ce->node, "pk-center") ?
			    0.5 : 1;
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
					v->box[q].x += (k.x + k.w - right) *
					    share;
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
	else {
		/* printed as records instead: its cells tagged again */
		layout_release(&it);
		tag_rollback(f->tags, &mark);
		*tt = tsave;
	}
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
	double *cw, size = f->st->tablesize, pad = CELLPAD, th;
	int r0, r1, i, tid, save = tag_enter(f, "Table", t);
	size_t first = f->nv, q;
	struct ttag tt;

	tt.table = save != f->tagcur ? f->tagcur : -1;
	tt.head = tt.body = tt.tr = tt.row = -1;
	for (n = t->children; n != NULL; n = n->next)
		if (tree_is(n, "caption")) {
			struct ctx k = *c;
			int tsave = tag_enter(f, "Caption", n);

			k.family = PF_SANS;
			k.bold = 1;
			k.size = f->st->smallsize + 0.5;
			k.justify = 0;
			lines_para(f, &k, n->children, NULL, parskip(f));
			f->tagcur = tsave;
			if (f->nv > 0)
				f->v[f->nv - 1].keep = 1;
		}
	grid_build(t, &g);
	if (g.ncell == 0) {
		free(g.cell);
		f->tagcur = save;
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
			table_stacked(f, c, &g, 0, g.nrows, &tt);
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
		if (!table_group(f, c, &g, r0, r1, cw, size, pad, tid, &tt)) {
			diag(f->diag, DIAG_WARN, f->file, 0, 0,
			    "a table row is taller than a page: printed as a "
			    "record");
			table_stacked(f, c, &g, r0, r1, &tt);
		}
	}
	/* a blank table (a worksheet to fill in) that fits on a page is
	 * not split: its rows on one page, to hand out or copy whole (a
	 * landscape block's have their pages) */
	for (n = t; n != NULL && n->type == XML_ELEMENT_NODE &&
	    !tree_has_class(n, "pk-landscape"); n = n->parent)
		;
	if (tree_has_class(t, "pk-blank") &&
	    (n == NULL || n->type != XML_ELEMENT_NODE)) {
		for (q = first, th = 0; q < f->nv; q++)
			th += f->v[q].h + (q > first ? f->v[q].before : 0);
		if (th < f->bh * 0.95)
			for (q = first; q + 1 < f->nv; q++)
				if (!f->v[q].keep) {
					/* gives way rather than leave a
					 * page under a third full */
					f->v[q].keep = 1;
					f->v[q].kb = 1;
				}
	}
out:
	free(cw);
	free(g.cell);
	f->tagcur = save;
}

/* The element children of n two by two side by side, a gap between, each
 * pair one item (a pair taller than a page: its blocks one below the
 * other). */
void
table_pairs(struct flow *f, const struct ctx *c, xmlNodePtr n)
{
	xmlNodePtr m, pair[2];
	double gap = f->st->indent, w = (c->w - gap) / 2, h[2];
	struct vitem *items[2];
	size_t nitems[2];
	int np, i;
	struct tag_mark mark;

	m = n->children;
	for (;;) {
		struct vitem it;

		for (np = 0; m != NULL && np < 2; m = m->next)
			if (m->type == XML_ELEMENT_NODE &&
			    !tree_has_class(m, "pk-visually-hidden"))
				pair[np++] = m;
		if (np == 0)
			break;
		memset(&it, 0, sizeof(it));
		tag_mark(f->tags, &mark);
		for (i = 0; i < np; i++) {
			struct ctx k = *c;

			k.x = c->x + i * (w + gap);
			k.w = w;
			items[i] = sublayout(f, &k, pair[i], &nitems[i], &h[i], 1);
			if (h[i] > it.h)
				it.h = h[i];
		}
		if (it.h > f->bh * 0.9) {
			/* laid out again: the tags made for the pair go */
			tag_rollback(f->tags, &mark);
			for (i = 0; i < np; i++) {
				size_t j;

				for (j = 0; j < nitems[i]; j++)
					layout_release(&items[i][j]);
				free(items[i]);
				f->block(f, c, pair[i]);
			}
			continue;
		}
		/* a shorter block lines up with the other below its first
		 * item (its heading): a "For: ..." of one line beside one of
		 * two */
		if (np == 2 && h[0] != h[1]) {
			i = h[0] < h[1] ? 0 : 1;
			if (nitems[i] > 1)
				items[i][1].before += it.h - h[i];
		}
		for (i = 0; i < np; i++) {
			it.base = i == 0 && nitems[0] > 0 ? items[0][0].base :
			    it.base;
			absorb(&it, items[i], nitems[i], 0, &it.anc, &it.nanc);
		}
		it.before = 2 * parskip(f);
		layout_push(f, &it);
	}
}

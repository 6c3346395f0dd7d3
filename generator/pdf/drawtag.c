/*
 * drawtag.c: the tagged PDF, through libharu's object layer.  In: the
 * structure tree the layout built (tag.c) and, while the boxes are drawn,
 * the slot of each one; out: marked content (BDC with an MCID, or an
 * Artifact) around everything drawn, then the StructTreeRoot with its
 * elements, ParentTree, OBJRs to links and widgets, MarkInfo and /Tabs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "base/pactkit.h"
#include "pdf/internal.h"
#include "pdf/drawer.h"

#define LEAF_KEYS 4000          /* keys per ParentTree leaf (libharu
				     * caps an array at 32,767 items) */

/* The marked content of one slot, in drawing order. */
struct slotmc {
	int	*page, *mcid;
	size_t	 n, cap;
};

/* An annotation tied to an element. */
struct tagannot {
	HPDF_Dict annot;
	int	 page;
	int	 elem;
};

/* What a dictionary written by elem_write or ptree_write is: an
 * element, a ParentTree leaf, or (SIZE_MAX) the ParentTree's root. */
struct tagw {
	struct drawtag *dt;
	size_t	 i;
};

struct drawtag {
	struct drawer *d;
	struct tags *tags;          /* the layout's tree (borrowed) */
	int	 on;                /* 0: untagged, marks are no-ops */
	int	 page;              /* the page selected, -1: none */
	int	 open;              /* 0 none, 1 content, 2 artifact */
	int	 oslot, oart;       /* what is open */
	struct slotmc *slot;        /* [nslot + 1] */
	int	**pslot;            /* per page: the slot of each MCID */
	int	*nmcid, *capmcid;   /* per page */
	int	 npages;
	struct tagannot *annot;
	size_t	 nannot, capannot;
	double	(*bbox)[4];         /* per element: a Figure's box */
	int	*bbpage;            /* its page + 1, 0: none */
	/* the tree, from drawtag_finish until libharu has written it */
	HPDF_Dict str;              /* the StructTreeRoot */
	HPDF_Dict *obj;             /* per element: NULL when not written */
	HPDF_Dict *extra;           /* per element: its attributes, or NULL */
	int	*pg;                /* per element: its /Pg, -1: none */
	size_t	*afirst, *anext;    /* each element's annotations, in order */
	struct tagw *welem, wroot, *wleaf;
	int	*key;               /* the ParentTree's keys, in order */
	size_t	 nkey;
	HPDF_Dict *leaf;            /* its leaves (none: one /Nums) */
	size_t	 nleaf;
	struct buf wb;              /* an object's bytes, being written */
};

struct drawtag *
drawtag_new(struct drawer *d, struct tags *t, int npages)
{
	struct drawtag *dt = xcalloc(1, sizeof(*dt));

	dt->d = d;
	dt->tags = t;
	dt->on = t != NULL && t->on;
	dt->page = -1;
	dt->npages = npages;
	if (!dt->on)
		return dt;
	dt->slot = xcalloc(t->nslot + 1, sizeof(*dt->slot));
	dt->pslot = xcalloc((size_t)npages + 1, sizeof(*dt->pslot));
	dt->nmcid = xcalloc((size_t)npages + 1, sizeof(int));
	dt->capmcid = xcalloc((size_t)npages + 1, sizeof(int));
	dt->bbox = xcalloc(t->ne + 1, sizeof(*dt->bbox));
	dt->bbpage = xcalloc(t->ne + 1, sizeof(int));
	return dt;
}

void
drawtag_free(struct drawtag *dt)
{
	size_t i;

	if (dt == NULL)
		return;
	if (dt->on) {
		for (i = 0; i <= dt->tags->nslot; i++) {
			free(dt->slot[i].page);
			free(dt->slot[i].mcid);
		}
		for (i = 0; i < (size_t)dt->npages; i++)
			free(dt->pslot[i]);
		for (i = 0; dt->extra != NULL && i < dt->tags->ne; i++)
			if (dt->extra[i] != NULL)
				HPDF_Dict_Free(dt->extra[i]);
	}
	free(dt->obj);
	free(dt->extra);
	free(dt->pg);
	free(dt->afirst);
	free(dt->anext);
	free(dt->welem);
	free(dt->wleaf);
	free(dt->key);
	free(dt->leaf);
	buf_free(&dt->wb);
	free(dt->slot);
	free(dt->pslot);
	free(dt->nmcid);
	free(dt->capmcid);
	free(dt->annot);
	free(dt->bbox);
	free(dt->bbpage);
	free(dt);
}

static void
put(struct drawer *d, const char *s)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)d->page->attr;

	if (HPDF_Stream_WriteStr(attr->stream, s) != HPDF_OK)
		HPDF_CheckError(d->page->error);
}

void
drawtag_close(struct drawtag *dt)
{
	struct drawer *d = dt->d;

	if (!dt->open || d->page == NULL)
		return;
	/* between graphics objects only: the path painted, BT..ET closed */
	if (d->inpath)
		draw_paint(d);
	draw_endtext(d);
	put(d, "EMC\n");
	dt->open = 0;
}

void
drawtag_page(struct drawtag *dt, int page)
{
	if (page == dt->page)
		return;
	drawtag_close(dt);
	draw_select(dt->d, page);
	dt->page = page;
}

/* A new MCID on the current page for slot. */
static int
new_mcid(struct drawtag *dt, int slot)
{
	int p = dt->page, m;
	struct slotmc *s = &dt->slot[slot];

	if (dt->nmcid[p] == dt->capmcid[p]) {
		dt->capmcid[p] = dt->capmcid[p] ? dt->capmcid[p] * 2 : 64;
		dt->pslot[p] = xrealloc(dt->pslot[p], (size_t)dt->capmcid[p] *
		    sizeof(int));
	}
	m = dt->nmcid[p]++;
	dt->pslot[p][m] = slot;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->page = xrealloc(s->page, s->cap * sizeof(int));
		s->mcid = xrealloc(s->mcid, s->cap * sizeof(int));
	}
	s->page[s->n] = p;
	s->mcid[s->n++] = m;
	return m;
}

/* n in decimal, as libharu's HPDF_IToA writes it. */
static void
put_int(struct buf *b, long n)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		*--p = '-';
	buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
drawtag_mark(struct drawtag *dt, int slot, int art)
{
	struct drawer *d = dt->d;
	int e;

	if (!dt->on || d->page == NULL || dt->page < 0)
		return;
	if (slot < 0 || (size_t)slot > dt->tags->nslot)
		slot = 0;
	if (art == ART_COPY)
		art = ART_PLAIN;
	if ((slot > 0 && dt->open == 1 && dt->oslot == slot) ||
	    (slot == 0 && dt->open == 2 && dt->oart == art))
		return;
	drawtag_close(dt);
	if (d->inpath)
		draw_paint(d);
	draw_endtext(d);
	if (slot == 0) {
		put(d, art == ART_HEADER ? "/Artifact <</Type /Pagination "
		    "/Subtype /Header>> BDC\n" : art == ART_FOOTER ?
		    "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n" :
		    "/Artifact BMC\n");
		dt->open = 2;
		dt->oart = art;
		return;
	}
	e = tag_elem_of(dt->tags, slot);
	/* "/%s <</MCID %d>> BDC\n", without snprintf's cost */
	buf_reset(&dt->wb);
	buf_putc(&dt->wb, '/');
	buf_puts(&dt->wb, dt->tags->e[e].type);
	buf_puts(&dt->wb, " <</MCID ");
	put_int(&dt->wb, new_mcid(dt, slot));
	buf_puts(&dt->wb, ">> BDC\n");
	put(d, dt->wb.data);
	dt->open = 1;
	dt->oslot = slot;
}

void
drawtag_bbox(struct drawtag *dt, int slot, double x, double y, double w,
    double h)
{
	int e;

	if (!dt->on || slot <= 0 || (e = tag_elem_of(dt->tags, slot)) < 0 ||
	    dt->bbpage[e] != 0)
		return;
	dt->bbox[e][0] = x;
	dt->bbox[e][1] = dt->d->pageh - y - h;
	dt->bbox[e][2] = x + w;
	dt->bbox[e][3] = dt->d->pageh - y;
	dt->bbpage[e] = dt->page + 1;
}

void
drawtag_annot(struct drawtag *dt, int slot, void *annot)
{
	struct tag_elem *el;
	struct tagannot *a;
	int e;

	if (!dt->on || annot == NULL || slot <= 0 ||
	    (e = tag_elem_of(dt->tags, slot)) < 0)
		return;
	el = &dt->tags->e[e];
	/* what a reader says for a link, or a widget of a group */
	if (el->alt != NULL && *el->alt != '\0')
		HPDF_Dict_Add(annot, "Contents", drawdoc_text(dt->d, el->alt));
	if (dt->nannot == dt->capannot) {
		dt->capannot = dt->capannot ? dt->capannot * 2 : 64;
		dt->annot = xrealloc(dt->annot, dt->capannot *
		    sizeof(*dt->annot));
	}
	a = &dt->annot[dt->nannot++];
	a->annot = annot;
	a->page = dt->page;
	a->elem = e;
}

/* ---- the tree ------------------------------------------------------------ */

/*
 * The elements and the ParentTree are written by the functions below,
 * which libharu calls while it saves (write_fn): one object each, with
 * no libharu object for their arrays, references, MCRs and OBJRs.  The
 * bytes are those libharu's own writer makes ("<<\n/Key value\n...>>",
 * arrays as "[ a b ]"); a tenth of a tagged PDF's time went into making,
 * writing and freeing those small objects one by one.
 */

/* Which elements are written: reached from the root, and holding
 * something (marked content, an annotation, a kept cell). */
static unsigned char *
live_elements(const struct drawtag *dt)
{
	const struct tags *t = dt->tags;
	unsigned char *used = xcalloc(t->ne + 1, 1);
	unsigned char *reach = xcalloc(t->ne + 1, 1);
	size_t i, k;
	long e;

	for (i = 0; i < dt->nannot; i++)
		used[dt->annot[i].elem] = 1;
	/* kids come after their parent: from the last one up */
	for (e = (long)t->ne - 1; e >= 0; e--) {
		const struct tag_elem *el = &t->e[e];

		if (el->keep)
			used[e] = 1;
		for (k = 0; k < el->nkid && !used[e]; k++) {
			int kid = el->kid[k];

			if (kid >= 0 ? used[kid] : dt->slot[-kid].n > 0)
				used[e] = 1;
		}
	}
	if (t->root >= 0)
		reach[t->root] = 1;
	for (i = 0; i < t->ne; i++)
		for (k = 0; k < t->e[i].nkid; k++)
			if (t->e[i].kid[k] >= 0 && reach[i])
				reach[t->e[i].kid[k]] = 1;
	for (i = 0; i < t->ne; i++)
		used[i] = used[i] && reach[i];
	free(reach);
	return used;
}

/* The page an element's marked content starts on, or -1. */
static int
elem_page(const struct drawtag *dt, int e)
{
	const struct tag_elem *el = &dt->tags->e[e];
	size_t k;

	for (k = 0; k < el->nkid; k++)
		if (el->kid[k] < 0 && dt->slot[-el->kid[k]].n > 0)
			return dt->slot[-el->kid[k]].page[0];
	if (dt->bbpage[e] > 0)
		return dt->bbpage[e] - 1;
	return -1;
}

static int
is_cell(const struct tag_elem *el)
{
	return strcmp(el->type, "TH") == 0 || strcmp(el->type, "TD") == 0;
}

/* 1 when element e has attributes (elem_attrs writes some). */
static int
has_attrs(const struct drawtag *dt, int e)
{
	const struct tag_elem *el = &dt->tags->e[e];

	if (el->lang != NULL || el->id != NULL)
		return 1;
	if ((el->scope || el->rowspan > 1 || el->colspan > 1) && is_cell(el))
		return 1;
	return strcmp(el->type, "Figure") == 0 && (el->alt != NULL ||
	    dt->bbpage[e] > 0);
}

/* Its attributes into s, in this order: /Alt, /A for table cells and
 * figures, /Lang, /ID. */
static void
elem_attrs(struct drawtag *dt, HPDF_Dict s, int e)
{
	struct drawer *d = dt->d;
	const struct tag_elem *el = &dt->tags->e[e];
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict a = NULL;
	int k;

	if (is_cell(el) && (el->scope || el->rowspan > 1 || el->colspan > 1)) {
		a = HPDF_Dict_New(mm);
		HPDF_Dict_AddName(a, "O", "Table");
		if (el->scope)
			HPDF_Dict_AddName(a, "Scope", el->scope == TAG_ROW ?
			    "Row" : el->scope == TAG_COLUMN ? "Column" :
			    "Both");
		if (el->rowspan > 1)
			HPDF_Dict_AddNumber(a, "RowSpan", el->rowspan);
		if (el->colspan > 1)
			HPDF_Dict_AddNumber(a, "ColSpan", el->colspan);
	}
	if (strcmp(el->type, "Figure") == 0) {
		if (el->alt != NULL)
			HPDF_Dict_Add(s, "Alt", drawdoc_text(d, el->alt));
		if (dt->bbpage[e] > 0) {
			HPDF_Array bb = HPDF_Array_New(mm);

			a = HPDF_Dict_New(mm);
			HPDF_Dict_AddName(a, "O", "Layout");
			for (k = 0; k < 4; k++)
				HPDF_Array_AddReal(bb, (HPDF_REAL)dt->bbox[e][k]);
			HPDF_Dict_Add(a, "BBox", bb);
		}
	}
	if (a != NULL)
		HPDF_Dict_Add(s, "A", a);
	if (el->lang != NULL)
		HPDF_Dict_Add(s, "Lang", HPDF_String_New(mm, el->lang, NULL));
	if (el->id != NULL)
		HPDF_Dict_Add(s, "ID", HPDF_String_New(mm, el->id, NULL));
}

/* A reference to libharu's object o ("12 0 R"). */
static void
put_ref(struct buf *b, void *o)
{
	const HPDF_Obj_Header *h = o;

	put_int(b, (long)(h->obj_id & 0x00FFFFFF));
	buf_putc(b, ' ');
	put_int(b, (long)h->gen_no);
	buf_puts(b, " R");
}

/* The bytes in b into libharu's stream; b emptied. */
static HPDF_STATUS
put_out(struct buf *b, HPDF_Stream out)
{
	HPDF_STATUS rc = HPDF_OK;

	if (b->len > 0)
		rc = HPDF_Stream_Write(out, (const HPDF_BYTE *)b->data,
		    (HPDF_UINT)b->len);
	buf_reset(b);
	return rc;
}

/* What libharu writes inside a structure element's << >>: /Type, /S,
 * /P, its attributes, /Pg, then /K: its kids in reading order (MCIDs on
 * its page, MCRs on others), then OBJRs to its annotations. */
static HPDF_STATUS
elem_write(HPDF_Dict o, HPDF_Stream out)
{
	const struct tagw *w = o->attr;
	struct drawtag *dt = w->dt;
	const struct tag_elem *el = &dt->tags->e[w->i];
	struct drawer *d = dt->d;
	struct buf *b = &dt->wb;
	HPDF_Dict x = dt->extra[w->i];
	HPDF_STATUS rc;
	int pg = dt->pg[w->i];
	size_t i, j;

	buf_reset(b);
	buf_puts(b, "/Type /StructElem\n/S /");
	buf_puts(b, el->type);
	buf_puts(b, "\n/P ");
	put_ref(b, el->parent >= 0 ? dt->obj[el->parent] : dt->str);
	buf_putc(b, '\n');
	if (x != NULL) {
		/* as libharu's HPDF_Dict_Write does its entries */
		if ((rc = put_out(b, out)) != HPDF_OK)
			return rc;
		for (i = 0; i < x->list->count; i++) {
			HPDF_DictElement de = HPDF_List_ItemAt(x->list,
			    (HPDF_UINT)i);

			if ((rc = HPDF_Stream_WriteEscapeName(out, de->key)) !=
			    HPDF_OK ||
			    (rc = HPDF_Stream_WriteChar(out, ' ')) != HPDF_OK ||
			    (rc = HPDF_Obj_Write(de->value, out, NULL)) !=
			    HPDF_OK ||
			    (rc = HPDF_Stream_WriteStr(out, "\012")) != HPDF_OK)
				return rc;
		}
	}
	if (pg >= 0) {
		buf_puts(b, "/Pg ");
		put_ref(b, d->pages[pg]);
		buf_putc(b, '\n');
	}
	buf_puts(b, "/K [ ");
	for (i = 0; i < el->nkid; i++) {
		int kid = el->kid[i];
		const struct slotmc *s;

		if (kid >= 0) {
			if (dt->obj[kid] != NULL) {
				put_ref(b, dt->obj[kid]);
				buf_putc(b, ' ');
			}
			continue;
		}
		s = &dt->slot[-kid];
		for (j = 0; j < s->n; j++) {
			if (s->page[j] != pg) {
				buf_puts(b, "<<\n/Type /MCR\n/Pg ");
				put_ref(b, d->pages[s->page[j]]);
				buf_puts(b, "\n/MCID ");
				put_int(b, s->mcid[j]);
				buf_puts(b, "\n>> ");
			} else {
				put_int(b, s->mcid[j]);
				buf_putc(b, ' ');
			}
		}
	}
	for (i = dt->afirst[w->i]; i != (size_t)-1; i = dt->anext[i]) {
		buf_puts(b, "<<\n/Type /OBJR\n/Obj ");
		put_ref(b, dt->annot[i].annot);
		buf_puts(b, "\n/Pg ");
		put_ref(b, d->pages[dt->annot[i].page]);
		buf_puts(b, "\n>> ");
	}
	buf_puts(b, "]\n");
	return put_out(b, out);
}

/* The value of ParentTree key k: the elements of a page's MCIDs, in
 * MCID order (null for one not written), or an annotation's element. */
static void
put_parent(struct drawtag *dt, struct buf *b, int key)
{
	int m;

	if (key < dt->npages) {
		buf_puts(b, "[ ");
		for (m = 0; m < dt->nmcid[key]; m++) {
			HPDF_Dict o = dt->obj[tag_elem_of(dt->tags,
			    dt->pslot[key][m])];

			if (o != NULL)
				put_ref(b, o);
			else
				buf_puts(b, "null");
			buf_putc(b, ' ');
		}
		buf_putc(b, ']');
	} else
		put_ref(b, dt->obj[dt->annot[key - dt->npages].elem]);
}

/* The ParentTree (w->i: SIZE_MAX) or one of its leaves: /Nums with its
 * keys, /Limits for a leaf; /Kids for a root with leaves. */
static HPDF_STATUS
ptree_write(HPDF_Dict o, HPDF_Stream out)
{
	const struct tagw *w = o->attr;
	struct drawtag *dt = w->dt;
	struct buf *b = &dt->wb;
	size_t i, first, last;

	buf_reset(b);
	if (w->i == SIZE_MAX && dt->nleaf > 0) {
		buf_puts(b, "/Kids [ ");
		for (i = 0; i < dt->nleaf; i++) {
			put_ref(b, dt->leaf[i]);
			buf_putc(b, ' ');
		}
		buf_puts(b, "]\n");
		return put_out(b, out);
	}
	first = w->i == SIZE_MAX ? 0 : w->i * LEAF_KEYS;
	last = w->i == SIZE_MAX ? dt->nkey : first + LEAF_KEYS;
	if (last > dt->nkey)
		last = dt->nkey;
	buf_puts(b, "/Nums [ ");
	for (i = first; i < last; i++) {
		put_int(b, dt->key[i]);
		buf_putc(b, ' ');
		put_parent(dt, b, dt->key[i]);
		buf_putc(b, ' ');
		if (b->len > 65536 && put_out(b, out) != HPDF_OK)
			return HPDF_Error_GetCode(o->error);
	}
	buf_puts(b, "]\n");
	if (w->i != SIZE_MAX && last > first) {
		buf_puts(b, "/Limits [ ");
		put_int(b, dt->key[first]);
		buf_putc(b, ' ');
		put_int(b, dt->key[last - 1]);
		buf_puts(b, " ]\n");
	}
	return put_out(b, out);
}

/* A dictionary libharu writes through fn, which w tells what it is. */
static HPDF_Dict
written_by(struct drawtag *dt, HPDF_Dict_OnWriteFunc fn, struct tagw *w,
    size_t i)
{
	HPDF_Dict o = HPDF_Dict_New(dt->d->pdf->mmgr);

	if (o == NULL)
		return NULL;
	w->dt = dt;
	w->i = i;
	o->attr = w;
	o->write_fn = fn;
	return o;
}

/* The ParentTree: a number tree from each page's StructParents (its
 * MCIDs' elements) and each annotation's StructParent (its element);
 * leaves of LEAF_KEYS keys under /Kids when larger. */
static HPDF_Dict
parent_tree(struct drawtag *dt, int *nextkey)
{
	struct drawer *d = dt->d;
	HPDF_Dict root;
	size_t i;
	int key;

	dt->key = xcalloc((size_t)dt->npages + dt->nannot + 1, sizeof(int));
	for (key = 0; key < dt->npages + (int)dt->nannot; key++) {
		if (key < dt->npages) {
			if (dt->nmcid[key] == 0)
				continue;
			HPDF_Dict_AddNumber(d->pages[key], "StructParents",
			    key);
		} else {
			i = (size_t)(key - dt->npages);
			if (dt->obj[dt->annot[i].elem] == NULL)
				continue;
			HPDF_Dict_AddNumber(dt->annot[i].annot, "StructParent",
			    key);
		}
		dt->key[dt->nkey++] = key;
	}
	root = written_by(dt, ptree_write, &dt->wroot, SIZE_MAX);
	if (dt->nkey > LEAF_KEYS) {
		dt->nleaf = (dt->nkey + LEAF_KEYS - 1) / LEAF_KEYS;
		dt->leaf = xcalloc(dt->nleaf, sizeof(*dt->leaf));
		dt->wleaf = xcalloc(dt->nleaf, sizeof(*dt->wleaf));
		for (i = 0; i < dt->nleaf; i++) {
			dt->leaf[i] = written_by(dt, ptree_write,
			    &dt->wleaf[i], i);
			HPDF_Xref_Add(d->pdf->xref, dt->leaf[i]);
		}
	}
	*nextkey = dt->npages + (int)dt->nannot;
	return root;
}

int
drawtag_finish(struct drawtag *dt)
{
	struct drawer *d = dt->d;
	struct tags *t = dt->tags;
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict mark;
	unsigned char *live;
	size_t *alast, i;
	int nextkey, p;

	drawtag_close(dt);
	if (!dt->on || t->root < 0)
		return 1;
	live = live_elements(dt);
	live[t->root] = 1;
	dt->obj = xcalloc(t->ne + 1, sizeof(*dt->obj));
	dt->extra = xcalloc(t->ne + 1, sizeof(*dt->extra));
	dt->pg = xcalloc(t->ne + 1, sizeof(int));
	dt->welem = xcalloc(t->ne + 1, sizeof(*dt->welem));
	/* each element's annotations, in order (linked lists) */
	dt->afirst = xmalloc((t->ne + 1) * sizeof(size_t));
	alast = xmalloc((t->ne + 1) * sizeof(size_t));
	dt->anext = xmalloc((dt->nannot + 1) * sizeof(size_t));
	memset(dt->afirst, 0xff, (t->ne + 1) * sizeof(size_t));
	for (i = 0; i < dt->nannot; i++) {
		int e = dt->annot[i].elem;

		dt->anext[i] = (size_t)-1;
		if (dt->afirst[e] == (size_t)-1)
			dt->afirst[e] = i;
		else
			dt->anext[alast[e]] = i;
		alast[e] = i;
	}
	free(alast);
	dt->str = HPDF_Dict_New(mm);
	HPDF_Xref_Add(d->pdf->xref, dt->str);
	HPDF_Dict_AddName(dt->str, "Type", "StructTreeRoot");
	for (i = 0; i < t->ne; i++) {
		if (!live[i])
			continue;
		dt->obj[i] = written_by(dt, elem_write, &dt->welem[i], i);
		HPDF_Xref_Add(d->pdf->xref, dt->obj[i]);
	}
	free(live);
	for (i = 0; i < t->ne; i++)
		if (dt->obj[i] != NULL) {
			dt->pg[i] = elem_page(dt, (int)i);
			if (has_attrs(dt, (int)i)) {
				dt->extra[i] = HPDF_Dict_New(mm);
				elem_attrs(dt, dt->extra[i], (int)i);
			}
		}
	HPDF_Dict_Add(dt->str, "K", dt->obj[t->root]);
	HPDF_Dict_Add(dt->str, "ParentTree", parent_tree(dt, &nextkey));
	HPDF_Dict_AddNumber(dt->str, "ParentTreeNextKey", nextkey);
	HPDF_Dict_Add(d->pdf->catalog, "StructTreeRoot", dt->str);
	mark = HPDF_Dict_New(mm);
	HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(d->pdf->catalog, "MarkInfo", mark);
	/* tab order = structure order, on every page with annotations */
	for (p = 0; p < d->npages; p++)
		if (HPDF_Dict_GetItem(d->pages[p], "Annots",
		    HPDF_OCLASS_ARRAY) != NULL)
			HPDF_Dict_AddName(d->pages[p], "Tabs", "S");
	return d->errors == 0;
}

/*
 * drawtag.c: the tagged PDF, through libharu's object layer.  In: the
 * structure tree the layout built (tag.c) and, while the boxes are drawn,
 * the slot of each one; out: marked content (BDC with an MCID, or an
 * Artifact) around everything drawn, then the StructTreeRoot with its
 * elements, ParentTree, OBJRs to links and widgets, MarkInfo and /Tabs.
 */
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
	}
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

void
drawtag_mark(struct drawtag *dt, int slot, int art)
{
	struct drawer *d = dt->d;
	char op[96];
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
	snprintf(op, sizeof(op), "/%s <</MCID %d>> BDC\n",
	    dt->tags->e[e].type, new_mcid(dt, slot));
	put(d, op);
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

/* Its attributes: /A for table cells and figures, /Alt, /Lang, /ID. */
static void
elem_attrs(struct drawtag *dt, HPDF_Dict s, int e)
{
	struct drawer *d = dt->d;
	const struct tag_elem *el = &dt->tags->e[e];
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict a = NULL;
	int cell = strcmp(el->type, "TH") == 0 || strcmp(el->type, "TD") == 0;
	int k;

	if (cell && (el->scope || el->rowspan > 1 || el->colspan > 1)) {
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

/* The /K of element e: its kids in reading order, then its OBJRs. */
static void
elem_kids(struct drawtag *dt, HPDF_Dict *obj, const unsigned char *live,
    int e, const size_t *afirst, const size_t *anext)
{
	struct drawer *d = dt->d;
	const struct tag_elem *el = &dt->tags->e[e];
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Array k = HPDF_Array_New(mm);
	int pg = elem_page(dt, e);
	size_t i, j;

	if (pg >= 0)
		HPDF_Dict_Add(obj[e], "Pg", d->pages[pg]);
	for (i = 0; i < el->nkid; i++) {
		int kid = el->kid[i];
		const struct slotmc *s;

		if (kid >= 0) {
			if (live[kid])
				HPDF_Array_Add(k, obj[kid]);
			continue;
		}
		s = &dt->slot[-kid];
		for (j = 0; j < s->n; j++) {
			HPDF_Dict mcr;

			if (s->page[j] == pg) {
				HPDF_Array_AddNumber(k, s->mcid[j]);
				continue;
			}
			mcr = HPDF_Dict_New(mm);
			HPDF_Dict_AddName(mcr, "Type", "MCR");
			HPDF_Dict_Add(mcr, "Pg", d->pages[s->page[j]]);
			HPDF_Dict_AddNumber(mcr, "MCID", s->mcid[j]);
			HPDF_Array_Add(k, mcr);
		}
	}
	for (i = afirst[e]; i != (size_t)-1; i = anext[i]) {
		HPDF_Dict objr = HPDF_Dict_New(mm);

		HPDF_Dict_AddName(objr, "Type", "OBJR");
		HPDF_Dict_Add(objr, "Obj", dt->annot[i].annot);
		HPDF_Dict_Add(objr, "Pg", d->pages[dt->annot[i].page]);
		HPDF_Array_Add(k, objr);
	}
	HPDF_Dict_Add(obj[e], "K", k);
}

/* The ParentTree: a number tree from each page's StructParents (its
 * MCIDs' elements, in MCID order) and each annotation's StructParent
 * (its element); leaves of LEAF_KEYS keys under /Kids when larger. */
static HPDF_Dict
parent_tree(struct drawtag *dt, HPDF_Dict *obj, int *nextkey)
{
	struct drawer *d = dt->d;
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict root = HPDF_Dict_New(mm), leaf = NULL;
	HPDF_Array kids = NULL, nums = NULL;
	int key, nkeys = 0, inleaf = 0, first = 0, last = 0, p, m;
	size_t i;

	for (p = 0; p < dt->npages; p++)
		nkeys += dt->nmcid[p] > 0;
	nkeys += (int)dt->nannot;
	if (nkeys > LEAF_KEYS) {
		kids = HPDF_Array_New(mm);
		HPDF_Dict_Add(root, "Kids", kids);
	} else {
		nums = HPDF_Array_New(mm);
		HPDF_Dict_Add(root, "Nums", nums);
	}
	for (key = 0; key < dt->npages + (int)dt->nannot; key++) {
		void *v;

		if (key < dt->npages) {
			HPDF_Array a;

			if ((p = key, dt->nmcid[p]) == 0)
				continue;
			a = HPDF_Array_New(mm);
			for (m = 0; m < dt->nmcid[p]; m++) {
				HPDF_Dict o = obj[tag_elem_of(dt->tags,
				    dt->pslot[p][m])];

				if (o != NULL)
					HPDF_Array_Add(a, o);
				else
					HPDF_Array_Add(a, HPDF_Null_New(mm));
			}
			HPDF_Dict_AddNumber(d->pages[p], "StructParents", p);
			v = a;
		} else {
			i = (size_t)(key - dt->npages);
			if ((v = obj[dt->annot[i].elem]) == NULL)
				continue;
			HPDF_Dict_AddNumber(dt->annot[i].annot, "StructParent",
			    key);
		}
		if (kids != NULL && inleaf == 0) {
			leaf = HPDF_Dict_New(mm);
			HPDF_Xref_Add(d->pdf->xref, leaf);
			nums = HPDF_Array_New(mm);
			HPDF_Dict_Add(leaf, "Nums", nums);
			HPDF_Array_Add(kids, leaf);
			first = key;
		}
		HPDF_Array_AddNumber(nums, key);
		HPDF_Array_Add(nums, v);
		last = key;
		if (kids != NULL && ++inleaf == LEAF_KEYS) {
			HPDF_Array lim = HPDF_Array_New(mm);

			HPDF_Array_AddNumber(lim, first);
			HPDF_Array_AddNumber(lim, last);
			HPDF_Dict_Add(leaf, "Limits", lim);
			inleaf = 0;
		}
	}
	if (kids != NULL && inleaf > 0) {
		HPDF_Array lim = HPDF_Array_New(mm);

		HPDF_Array_AddNumber(lim, first);
		HPDF_Array_AddNumber(lim, last);
		HPDF_Dict_Add(leaf, "Limits", lim);
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
	HPDF_Dict str, mark, *obj;
	unsigned char *live;
	size_t *afirst, *anext, *alast, i;
	int nextkey, p;

	drawtag_close(dt);
	if (!dt->on || t->root < 0)
		return 1;
	live = live_elements(dt);
	live[t->root] = 1;
	obj = xcalloc(t->ne + 1, sizeof(*obj));
	/* each element's annotations, in order (linked lists) */
	afirst = xmalloc((t->ne + 1) * sizeof(size_t));
	alast = xmalloc((t->ne + 1) * sizeof(size_t));
	anext = xmalloc((dt->nannot + 1) * sizeof(size_t));
	memset(afirst, 0xff, (t->ne + 1) * sizeof(size_t));
	for (i = 0; i < dt->nannot; i++) {
		int e = dt->annot[i].elem;

		anext[i] = (size_t)-1;
		if (afirst[e] == (size_t)-1)
			afirst[e] = i;
		else
			anext[alast[e]] = i;
		alast[e] = i;
	}
	str = HPDF_Dict_New(mm);
	HPDF_Xref_Add(d->pdf->xref, str);
	HPDF_Dict_AddName(str, "Type", "StructTreeRoot");
	for (i = 0; i < t->ne; i++) {
		if (!live[i])
			continue;
		obj[i] = HPDF_Dict_New(mm);
		HPDF_Xref_Add(d->pdf->xref, obj[i]);
		HPDF_Dict_AddName(obj[i], "Type", "StructElem");
		HPDF_Dict_AddName(obj[i], "S", t->e[i].type);
		HPDF_Dict_Add(obj[i], "P", t->e[i].parent >= 0 ?
		    obj[t->e[i].parent] : str);
	}
	for (i = 0; i < t->ne; i++)
		if (live[i]) {
			elem_attrs(dt, obj[i], (int)i);
			elem_kids(dt, obj, live, (int)i, afirst, anext);
		}
	HPDF_Dict_Add(str, "K", obj[t->root]);
	HPDF_Dict_Add(str, "ParentTree", parent_tree(dt, obj, &nextkey));
	HPDF_Dict_AddNumber(str, "ParentTreeNextKey", nextkey);
	HPDF_Dict_Add(d->pdf->catalog, "StructTreeRoot", str);
	mark = HPDF_Dict_New(mm);
	HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(d->pdf->catalog, "MarkInfo", mark);
	/* tab order = structure order, on every page with annotations */
	for (p = 0; p < d->npages; p++)
		if (HPDF_Dict_GetItem(d->pages[p], "Annots",
		    HPDF_OCLASS_ARRAY) != NULL)
			HPDF_Dict_AddName(d->pages[p], "Tabs", "S");
	free(live);
	free(obj);
	free(afirst);
	free(alast);
	free(anext);
	return d->errors == 0;
}

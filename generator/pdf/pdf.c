/*
 * pdf.c: the PDF writer's documents.  In: the project's pages (document
 * trees) and site.lua's documents; out: output/pdf/<lang>/<id>.pdf, each
 * with a cover, a table of contents, the pages, running header, "page X
 * of Y" footer, bookmarks, links and form fields; tagged (PDF/UA-1) and
 * archival (PDF/A-2) unless site.lua's pdf_standard says otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pdf/internal.h"
#include "output/out.h"
#include "doc/doc.h"
#include "pdf/pdf.h"

/* The sRGB profile PDF/A's output intent embeds (icc-profiles-free). */
#ifndef PK_ICC
#define PK_ICC "/usr/share/color/icc/sRGB.icc"
#endif

/* One page of a document. */
struct dpage {
	xmlNodePtr root;            /* its <article> */
	const char *file;           /* for messages */
	const char *url;            /* site-relative, "fr/guide/mou/" */
	const char *title;
	size_t	 part;              /* its part: the entry of site.lua's pages
				     * list that brought it in */
};

/* Everything one PDF needs. */
struct job {
	struct diag *diag;          /* where errors go */
	struct out *out;            /* where the file goes */
	struct hyph *hyph;          /* hyphenation of the writer's run */
	const struct pdf_style *st;
	const char *lang;
	const char *paper;
	const char *title;
	const char *subtitle;
	const char *author;
	const char *base_url;
	const char *pageof;         /* "page %d of %d" */
	const char *tocname;
	const char *seefmt;         /* "voir p. %d" */
	int	 cover;             /* 1: a cover */
	int	 toc;               /* DOC_TOC_* */
	int	 duplex;            /* 1: parts on right-hand pages */
	int	 colophon;          /* 1: the colophon after the last page */
	int	 back;              /* 1: a back cover, when long enough */
	int	 booklet;           /* 1: half-sheet pages, imposed two-up */
	enum pdf_standard std;      /* what the PDF claims to be */
	struct pdf_matter m;        /* what the matter says */
	struct dpage *pages;
	size_t	 npages;
	const char *path;           /* output/pdf/<lang>/<id>.pdf */
	const char *dump;
	int	*total;             /* gets the pages written, or NULL */
};

/* Contents, and a back cover, from this many pages on. */
#define LONGDOC 12

static void
paper_size(struct diag *dg, const char *paper, const char *where, double *w,
    double *h)
{
	if (paper != NULL && (strcasecmp(paper, "Letter") == 0 ||
	    strcasecmp(paper, "US-Letter") == 0)) {
		*w = 612;
		*h = 792;
		return;
	}
	if (paper != NULL && strcasecmp(paper, "A4") != 0)
		diag(dg, DIAG_WARN, where, 0, 0, "paper '%s' unknown (A4 or "
		    "Letter): using A4", paper);
	*w = 595.276;
	*h = 841.89;
}

/* "page %d of %d" with X and Y put in; only %d and %% are honoured, so
 * a translation cannot inject a format. */
static char *
page_of(const char *fmt, int x, int y)
{
	struct buf b = { 0 };
	const char *p;
	int nd = 0;

	for (p = fmt; *p != '\0'; p++) {
		if (*p == '%' && p[1] == 'd' && nd < 2) {
			buf_printf(&b, "%d", nd++ == 0 ? x : y);
			p++;
		} else if (*p == '%' && p[1] == '%') {
			buf_putc(&b, '%');
			p++;
		} else
			buf_putc(&b, *p);
	}
	if (nd < 2) {
		buf_free(&b);
		buf_printf(&b, "%d / %d", x, y);
	}
	return buf_detach(&b);
}

/* Text of s that fits w in face f at size, cut with "…" if needed. */
static char *
fit(struct drawer *d, int f, double size, const char *s, double w)
{
	size_t len = strlen(s), i;
	char *t;

	if (draw_width(d, f, size, s, len) <= w)
		return xstrdup(s);
	for (i = len; i > 0; i--) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		t = xasprintf("%.*s\xe2\x80\xa6", (int)i, s);
		if (draw_width(d, f, size, t, strlen(t)) <= w)
			return t;
		free(t);
	}
	return xstrdup("");
}

/* A header or footer line (run split for coverage). */
static void
running(struct drawer *d, struct pdf_layout *l, enum box_kind k, int page,
    const char *s, double x, double base, double w, int center,
    const struct pdf_style *st)
{
	struct run *r;
	size_t nr, i;
	double size = st->smallsize, tw = 0;
	char *t = fit(d, PF_SANS, size, s, w);
	struct pdf_box *b;

	nr = draw_split(d, PF_SANS, t, strlen(t), &r, NULL, NULL);
	for (i = 0; i < nr; i++)
		tw += draw_width(d, r[i].font, size, r[i].text, r[i].len);
	if (center)
		x += (w - tw) / 2;
	for (i = 0; i < nr; i++) {
		b = layout_addbox(l, BOX_WORD);
		b->page = page;
		b->font = r[i].font;
		b->size = size;
		b->color = st->muted;
		b->text = r[i].text;
		b->art = k == BOX_HEADER ? ART_HEADER : ART_FOOTER;
		r[i].text = NULL;
		b->x = x;
		b->w = draw_width(d, b->font, size, b->text, strlen(b->text));
		b->base = base;
		b->y = base - 0.905 * size;
		b->h = 1.117 * size;
		x += b->w;
	}
	b = layout_addbox(l, k);
	b->page = page;
	b->x = x - tw;
	b->w = tw;
	b->y = base - 0.905 * size;
	b->h = 1.117 * size;
	b->text = t;
	draw_runs_free(r, nr);
}

/* A one-line field's widget: the band just above its first writing line,
 * as high as lets a viewer that draws a typed value again (/DA size 0,
 * auto, sized from the widget's height) draw it at the form's text size;
 * over the whole room to write, it came out half as large again, and a
 * value typed in a cell of several lines sat on the row's rule. */
static void
field_band(const struct pdf_box *b, double *y, double *h)
{
	double band = b->size * 1.35 + 3, foot = b->line1 + 2;

	if (foot > b->h)
		foot = b->h;
	if (foot > band) {
		*y = b->y + foot - band;
		*h = band;
	}
}

/* The boxes of layout l on pages from off, each in the marked content
 * of its structure element (or as an artifact), links and fields tied to
 * theirs (dt); print (a booklet): no fields, no links. */
static void
draw_layout(struct drawer *d, struct drawtag *dt, struct images *img,
    const struct job *j, const struct xref *x, struct pdf_layout *l,
    const struct pdf_layout *content, int off, int coff, int print)
{
	size_t i;
	int pg;
	double y;
	void *a;

	for (i = 0; i < l->nbox; i++) {
		struct pdf_box *b = &l->box[i];

		/* a print file (a booklet) has no fields, no links */
		if (print && (b->kind == BOX_FIELD || b->kind == BOX_LINK))
			continue;
		drawtag_page(dt, b->page + off);
		switch (b->kind) {
		case BOX_WORD:
			drawtag_mark(dt, b->tag, b->art);
			draw_text(d, b->font, b->size, b->color, b->x, b->base,
			    b->text);
			break;
		case BOX_RULE:
			drawtag_mark(dt, b->tag, b->art);
			draw_rule(d, b->x, b->y, b->x + b->w, b->y + b->h,
			    b->lw, b->color, b->dash);
			break;
		case BOX_RECT:
			drawtag_mark(dt, b->tag, b->art);
			draw_rect(d, b->x, b->y, b->w, b->h, b->hasfill,
			    b->fill, b->lw, b->color);
			break;
		case BOX_SVG:
			drawtag_mark(dt, b->tag, b->art);
			drawtag_bbox(dt, b->tag, b->x, b->y, b->w, b->h);
			svg_draw(d, b->node, b->x, b->y, b->w, b->h);
			break;
		case BOX_IMAGE:
			drawtag_mark(dt, b->tag, b->art);
			drawtag_bbox(dt, b->tag, b->x, b->y, b->w, b->h);
			image_draw(img, b->text, b->x, b->y, b->w, b->h);
			break;
		case BOX_FIELD:
			if (b->multiline == 3)
				a = drawdoc_radio(d, b->x, b->y, b->w, b->h,
				    b->text, b->label, b->value, b->checked);
			else {
				double fy = b->y, fh = b->h;

				if (b->multiline == 0)
					field_band(b, &fy, &fh);
				a = drawdoc_field(d, b->x, fy, b->w, fh,
				    b->text, b->label, b->value, b->multiline,
				    b->size);
			}
			drawtag_annot(dt, b->tag, a);
			break;
		case BOX_LINK:
			/* a repeated table header's links: once, where the
			 * table began (where their Link elements are) */
			if (b->art == ART_COPY && j->std != PDFSTD_NONE &&
			    j->std != PDFSTD_A2B)
				break;
			a = NULL;
			if (xref_dest(x, content, b->text, b->src, &pg, &y))
				a = drawdoc_link_dest(d, b->x, b->y, b->w,
				    b->h, pg + coff, y);
			else {
				char *u = xref_url(x, b->text, b->src);

				if (u != NULL)
					a = drawdoc_link_uri(d, b->x, b->y,
					    b->w, b->h, u);
				free(u);
			}
			drawtag_annot(dt, b->tag, a);
			break;
		default:
			break;
		}
	}
	drawtag_close(dt);
}

/* Bookmarks: one per heading, nested by level. */
static void
outline(struct drawer *d, const struct pdf_layout *c, int off,
    const char *tocname, int tocpage)
{
	void *stack[7] = { 0 };
	int level[7] = { 0 }, top = 0;
	size_t i;

	if (tocname != NULL)
		drawdoc_outline(d, NULL, tocname, tocpage, 0);
	for (i = 0; i < c->nanchor; i++) {
		const struct pdf_anchor *a = &c->anchor[i];
		void *o;

		if (a->level < 1 || a->title == NULL || *a->title == '\0')
			continue;
		while (top > 0 && level[top - 1] >= a->level)
			top--;
		o = drawdoc_outline(d, top > 0 ? stack[top - 1] : NULL,
		    a->title, a->page + off, a->y);
		if (top < 7 && o != NULL) {
			stack[top] = o;
			level[top] = a->level;
			top++;
		}
	}
}

/* PACTKIT_TIMING=1: the time since the last call, for the PDF stages. */
static void
stage(const char *name)
{
	static struct timespec last;
	struct timespec t;

	if (getenv("PACTKIT_TIMING") == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	if (name != NULL)
		fprintf(stderr, "pactkit:   pdf %-9s %.3f s\n", name,
		    (double)(t.tv_sec - last.tv_sec) +
		    (double)(t.tv_nsec - last.tv_nsec) / 1e9);
	last = t;
}

/* One PDF being made: its drawer and images, and its layouts. */
struct pdfdoc {
	struct pdf_env	 env;       /* what its layouts share */
	struct drawer	*d;
	struct images	*img;       /* its image files, loaded once */
	struct flow	*fc;        /* the pages */
	struct flow	*ft;        /* the contents */
	struct flow	*fv;        /* the cover */
	struct flow	*fb;        /* the back cover */
	struct pdf_layout cl, tl, vl, bl; /* the same, cut into pages */
	struct pdf_layout rl;       /* running headers and footers */
	struct tags	*tags;      /* the structure tree, while laid out */
	struct drawtag	*dt;        /* and while drawn */
	double		 pw, ph;    /* the paper, points */
	int		 toc;       /* 1: contents */
	int		 front;     /* pages before the contents */
	int		 ntoc;      /* pages of contents */
	int		 back;      /* the back cover's page, 0-based; -1 */
	int		 pad;       /* blank pages making a booklet's four */
	int		 total;     /* pages in all */
	double		 sw, sh;    /* a booklet's sheet, landscape */
};

/* The pages and the contents, paginated until the contents' length is
 * known (it does not depend on the numbers in it). */
static void
contents(const struct job *j, struct pdfdoc *r)
{
	int tries, off = r->front;

	for (tries = 0; tries < 3; tries++) {
		struct pdf_layout probe = { 0 };

		/* page numbers are added when drawing: only right-hand
		 * starts depend on the offset */
		if (tries > 0 && j->duplex) {
			/* (the first: plan()'s, at the same offset) */
			layout_free(&r->cl);
			pages_paginate(r->fc, off + r->ntoc, &r->cl);
		}
		if (!r->toc)
			break;
		layout_flow_free(r->ft);
		r->ft = layout_new(&r->env);
		pages_toc(r->ft, j->tocname, &r->cl, 2, off + r->ntoc);
		pages_paginate(r->ft, off, &probe);
		if (probe.npages == r->ntoc) {
			r->tl = probe;
			break;
		}
		r->ntoc = probe.npages;
		if (tries == 2) {
			/* cannot happen: the length depends on the entries
			 * only; keep what we have rather than loop */
			r->tl = probe;
			break;
		}
		layout_free(&probe);
	}
}

/* 1 when page p (0-based, in the whole document) is a landscape one. */
static int
page_land(const struct pdfdoc *r, int p)
{
	int c = p - r->front - r->ntoc;

	return r->cl.land != NULL && c >= 0 && c < r->cl.npages &&
	    r->cl.land[c];
}

/* Running header and footer on every page but the covers and the pages
 * left blank for a right-hand start. */
static void
headers(const struct job *j, struct pdfdoc *r)
{
	const struct pdf_style *st = j->st;
	double w, ph;
	char *used = xcalloc((size_t)r->total + 1, 1), *s;
	struct pdf_box *b;
	size_t i;
	int p;

	for (i = 0; i < r->cl.nbox; i++)
		if (r->cl.box[i].page >= 0 && r->cl.box[i].page < r->cl.npages)
			used[r->cl.box[i].page + r->front + r->ntoc] = 1;
	for (p = r->front; p < r->front + r->ntoc; p++)
		used[p] = 1;
	r->rl.npages = r->total;
	r->rl.land = xcalloc((size_t)r->total + 1, 1);
	for (p = 0; p < r->total; p++)
		r->rl.land[p] = (unsigned char)page_land(r, p);
	for (p = j->cover; p < r->total; p++) {
		if (!used[p] || p == r->back)
			continue;
		w = (page_land(r, p) ? r->ph : r->pw) - st->margin[1] -
		    st->margin[3];
		ph = page_land(r, p) ? r->pw : r->ph;
		s = page_of(j->pageof, p + 1, r->total);
		running(r->d, &r->rl, BOX_HEADER, p, j->title, st->margin[3],
		    st->margin[0] * 0.55, w, 0, st);
		b = layout_addbox(&r->rl, BOX_RULE);
		b->page = p;
		b->x = st->margin[3];
		b->w = w;
		b->y = st->margin[0] * 0.55 + st->smallsize * 0.5;
		b->lw = 0.4;
		b->color = st->rule;
		b->text = xstrdup("header");
		b->art = ART_HEADER;
		running(r->d, &r->rl, BOX_FOOTER, p, s, st->margin[3],
		    ph - st->margin[2] * 0.45, w, 1, st);
		free(s);
	}
	free(used);
}

/* --dump-layout: the document's pages and parts, then every box of its
 * layouts, as text. */
static void
dump(const struct job *j, const struct pdfdoc *r)
{
	FILE *fp = fopen(j->dump, "w");
	size_t i;
	int nmark = 0;

	if (fp == NULL) {
		diag_sys(j->diag, j->dump);
		return;
	}
	fprintf(fp, "# pages %d\n", r->total);
	fprintf(fp, "# measure %.2f\n", layout_measure(r->fc));
	if (j->booklet)
		fprintf(fp, "# booklet %.2f %.2f\n", r->sw, r->sh);
	if (j->duplex)
		fprintf(fp, "# duplex\n");
	if (r->ntoc > 0)
		fprintf(fp, "# toc %d\n", r->front + 1);
	/* where parts start: the cover, the contents, each entry of the
	 * document's pages, the back cover */
	if (j->cover)
		fprintf(fp, "# part 1\n");
	if (r->ntoc > 0)
		fprintf(fp, "# part %d\n", r->front + 1);
	for (i = 0; i < r->cl.npart; i++)
		fprintf(fp, "# part %d\n", r->cl.part[i] + r->front +
		    r->ntoc + 1);
	if (r->back >= 0)
		fprintf(fp, "# part %d\n", r->back + 1);
	for (i = 0; i < (size_t)r->pad; i++)
		fprintf(fp, "# pad %d\n", (r->back >= 0 ? r->back : r->total) -
		    r->pad + (int)i + 1);
	layout_dump(&r->vl, fp, r->pw, r->ph, j->st, 0);
	layout_dump(&r->tl, fp, r->pw, r->ph, j->st, r->front);
	layout_dump(&r->cl, fp, r->pw, r->ph, j->st, r->front + r->ntoc);
	/* where the drawings' texts, markers and lines are */
	for (i = 0; i < r->cl.nbox; i++) {
		const struct pdf_box *b = &r->cl.box[i];

		if (b->kind == BOX_SVG && b->node != NULL)
			svg_geometry(r->d, b->node, b->x, b->y, b->w, b->h, fp,
			    b->page + r->front + r->ntoc + 1, &nmark);
	}
	if (r->back >= 0)
		layout_dump(&r->bl, fp, r->pw, r->ph, j->st, r->back);
	layout_dump(&r->rl, fp, r->pw, r->ph, j->st, 0);
	fclose(fp);
}

/*
 * A booklet's sheets: pages in fours, each sheet two pages wide on each
 * side, folded and stapled in the middle (saddle-stitched), printed on
 * both sides flipped on the short edge.  For n pages, sheet i (from 0)
 * has pages n - 2i and 2i + 1 on its front, 2i + 2 and n - 2i - 1 on
 * its back (numbered from 1, left then right).
 */
static void
impose(struct pdfdoc *r)
{
	int n = r->total, i, *phys = xcalloc((size_t)n + 1, sizeof(int));
	double *dx = xcalloc((size_t)n + 1, sizeof(double));

	draw_pages(r->d, n / 2, r->sw, r->sh);
	for (i = 0; i < n / 4; i++) {
		phys[n - 1 - 2 * i] = 2 * i;            /* front, left */
		phys[2 * i] = 2 * i;                    /* front, right */
		dx[2 * i] = r->pw;
		phys[2 * i + 1] = 2 * i + 1;            /* back, left */
		phys[n - 2 - 2 * i] = 2 * i + 1;        /* back, right */
		dx[n - 2 - 2 * i] = r->pw;
	}
	draw_impose(r->d, n, phys, dx);
	free(phys);
	free(dx);
}

/* The finished PDF into its file; 1 ok, 0 (printed). */
static int
save(const struct job *j, struct pdfdoc *r)
{
	const char *slash = strrchr(j->path, '/');
	size_t len;
	char *pdf, *shown;
	int ok;

	/* the structure tree, then what the PDF says it is */
	if (!drawtag_finish(r->dt) ||
	    !drawpdfa_finish(r->d, j->std, j->title, j->author, j->subtitle,
	    j->lang, format_epoch(), PK_ICC))
		return 0;
	if (slash != NULL) {
		char *dir = xstrndup(j->path, (size_t)(slash - j->path));

		ok = *dir == '\0' || file_mkdirs(j->diag, dir);
		free(dir);
		if (!ok)
			return 0;
	}
	stage("draw");
	/* its errors name the file under output/, not the temporary one */
	shown = out_shown(j->out, j->path);
	pdf = draw_finish(r->d, shown, &len);
	free(shown);
	if (pdf == NULL)
		return 0;
	ok = out_write(j->out, j->path, pdf, len);
	free(pdf);
	return ok;
}

/* The pages laid out: each part on a new page (a right-hand one with
 * duplex), each page of a part on a new page unless the one before is
 * less than half full, then the colophon. */
static int
flow_pages(const struct job *j, struct pdfdoc *r)
{
	size_t i;
	int brk;

	r->fc = layout_new(&r->env);
	for (i = 0; i < j->npages; i++) {
		if (stop_asked() != 0)
			return 0;       /* interrupted */
		brk = i > 0 && j->pages[i].part == j->pages[i - 1].part ?
		    BRK_SOFT : j->duplex ? BRK_RECTO : BRK_PAGE;
		block_article(r->fc, j->pages[i].root, (int)i, j->pages[i].file,
		    j->pages[i].title, brk);
	}
	if (j->colophon)
		matter_colophon(r->fc, &j->m);
	return 1;
}

/* What the document holds besides its pages: contents when asked, or
 * (auto) from LONGDOC pages on; a back cover as well then. */
static void
plan(const struct job *j, struct pdfdoc *r)
{
	int n;

	/* the cover's back is left blank with duplex: parts start on
	 * right-hand pages */
	r->front = j->cover ? (j->duplex ? 2 : 1) : 0;
	pages_paginate(r->fc, r->front, &r->cl);
	n = r->front + r->cl.npages;
	r->toc = j->toc == DOC_TOC_ON || (j->toc == DOC_TOC_AUTO &&
	    n >= LONGDOC);
	r->back = j->back && n >= LONGDOC ? 0 : -1;
	/* r->cl stays: the pages without contents, as contents() starts */
}

/*
 * The pages laid out and paginated, again while a page number printed
 * after a link ("voir p. 27") is not where the link lands (the numbers
 * of the pass before are printed; three passes at most).  Passes after
 * the first say nothing: the first said it all.
 */
static int
lay_out(const struct job *j, struct pdfdoc *r, struct xref *x)
{
	struct diag silent;
	struct tag_mark tm;
	int pass;

	tag_mark(r->tags, &tm);
	memset(&silent, 0, sizeof(silent));
	silent.json = 1;                /* collected, never printed */
	for (pass = 0; pass < 3; pass++) {
		if (pass > 0) {
			/* the numbers of this pagination, printed anew */
			struct pdf_layout prev = r->cl;

			memset(&r->cl, 0, sizeof(r->cl));
			x->prev = &prev;
			x->off = r->front + r->ntoc;
			xref_reset(x);
			layout_flow_free(r->fc);
			layout_flow_free(r->ft);
			layout_free(&r->tl);
			r->fc = r->ft = NULL;
			r->ntoc = 0;
			r->env.diag = &silent;
			tag_rollback(r->tags, &tm);     /* tagged anew */
			if (!flow_pages(j, r)) {
				layout_free(&prev);
				break;
			}
			x->prev = NULL;
			layout_free(&prev);
		} else if (!flow_pages(j, r))
			break;
		plan(j, r);
		contents(j, r);
		if (x->nrefs == 0 || xref_settled(x, &r->cl, r->front +
		    r->ntoc))
			break;
	}
	r->env.diag = j->diag;
	diag_free(&silent);
	return r->fc != NULL && stop_asked() == 0;
}

static int
render(const struct job *j)
{
	struct pdfdoc r;
	struct xref x;
	size_t i;
	int off, ok = 0;
	const char **urls = xcalloc(j->npages + 1, sizeof(char *));

	memset(&r, 0, sizeof(r));
	memset(&x, 0, sizeof(x));
	r.back = -1;
	for (i = 0; i < j->npages; i++)
		urls[i] = j->pages[i].url;
	x.base_url = j->base_url;
	x.urls = urls;
	x.npages = j->npages;
	x.seefmt = j->seefmt != NULL ? j->seefmt : "p. %d";
	stage(NULL);
	paper_size(j->diag, j->paper, j->path, &r.pw, &r.ph);
	if (j->booklet) {
		/* the sheet turned landscape, a page on each half */
		r.sw = r.ph;
		r.sh = r.pw;
		r.pw = r.sw / 2;
		r.ph = r.sh;
	}
	if ((r.d = draw_new(j->diag, j->st)) == NULL)
		goto out;
	r.img = image_new(j->diag, r.d);
	r.env.diag = j->diag;
	r.env.d = r.d;
	r.env.img = r.img;
	r.env.hyph = j->hyph;
	r.env.st = j->st;
	r.env.lang = j->lang;
	r.env.pw = r.pw;
	r.env.ph = r.ph;
	r.env.xref = &x;
	r.env.portrait = j->booklet;
	/* tagged for PDF/UA-1 and PDF/A-2a (a booklet never is): the cover
	 * and the contents first in reading order, then a section per
	 * page, the colophon, the back cover */
	r.tags = tag_new(j->std != PDFSTD_NONE && j->std != PDFSTD_A2B);
	if (j->cover)
		r.tags->cover = tag_open(r.tags, r.tags->root, "Sect");
	r.tags->toc = tag_open(r.tags, r.tags->root, "Sect");
	r.env.tags = r.tags;
	r.env.kpc = kpcache_new();
	if (!lay_out(j, &r, &x))
		goto out;
	stage("layout");
	r.env.xref = NULL;      /* the covers' links are their own */
	r.total = r.front + r.ntoc + r.cl.npages;
	if (r.back >= 0) {
		/* the back cover on a left-hand page with duplex */
		if (j->duplex && r.total % 2 == 0)
			r.total++;
		r.back = r.total++;
	}
	if (j->booklet) {
		/* four pages a sheet: blank pages at the end, before the
		 * back cover, which stays the booklet's outside */
		r.pad = (4 - r.total % 4) % 4;
		r.total += r.pad;
		if (r.back >= 0)
			r.back += r.pad;
	}
	if (r.back >= 0) {
		r.tags->back = tag_open(r.tags, r.tags->root, "Sect");
		r.fb = layout_new(&r.env);
		matter_back(r.fb, &j->m);
		pages_paginate(r.fb, 0, &r.bl);
	}
	if (j->cover) {
		r.fv = layout_new(&r.env);
		matter_cover(r.fv, &j->m);
		pages_paginate(r.fv, 0, &r.vl);
	}
	headers(j, &r);
	stage("paginate");
	if (stop_asked() != 0)
		goto out;
	if (j->booklet)
		impose(&r);
	else
		for (i = 0; i < (size_t)r.total; i++)
			if (page_land(&r, (int)i))
				draw_pages(r.d, 1, r.ph, r.pw);
			else
				draw_pages(r.d, 1, r.pw, r.ph);
	off = r.front + r.ntoc;
	r.dt = drawtag_new(r.d, r.tags, r.total);
	if (j->cover)
		draw_layout(r.d, r.dt, r.img, j, &x, &r.vl, &r.cl, 0, off,
		    j->booklet);
	if (r.toc)
		draw_layout(r.d, r.dt, r.img, j, &x, &r.tl, &r.cl, r.front,
		    off, j->booklet);
	draw_layout(r.d, r.dt, r.img, j, &x, &r.cl, &r.cl, off, off,
	    j->booklet);
	if (r.back >= 0)
		draw_layout(r.d, r.dt, r.img, j, &x, &r.bl, &r.cl, r.back,
		    off, j->booklet);
	draw_layout(r.d, r.dt, r.img, j, &x, &r.rl, &r.cl, 0, off,
	    j->booklet);
	if (!j->booklet)
		outline(r.d, &r.cl, off, r.toc ? j->tocname : NULL, r.front);
	drawdoc_info(r.d, j->title, j->author, j->subtitle, j->lang,
	    format_epoch());
	if (j->dump != NULL)
		dump(j, &r);
	ok = save(j, &r);
	stage("save");
	if (ok && j->total != NULL)
		*j->total = r.total;    /* the site's download panels say it */
out:
	layout_free(&r.cl);
	layout_free(&r.tl);
	layout_free(&r.vl);
	layout_free(&r.bl);
	layout_free(&r.rl);
	layout_flow_free(r.fc);
	layout_flow_free(r.ft);
	layout_flow_free(r.fv);
	layout_flow_free(r.fb);
	image_free(r.img);
	drawtag_free(r.dt);
	tag_free(r.tags);
	draw_free(r.d);
	kpcache_free(r.env.kpc);
	xref_reset(&x);
	free(urls);
	return ok;
}

static const char *
builtin_pageof(const char *lang)
{
	return strcmp(lang, "fr") == 0 ? "page %d sur %d" : "page %d of %d";
}

static const char *
builtin_toc(const char *lang)
{
	return strcmp(lang, "fr") == 0 ? "Table des matières" : "Contents";
}

int
pdf_render_tree(struct build *b, xmlNodePtr article, const char *lang,
    const char *paper, const char *title, const char *outpath,
    const char *dump)
{
	struct pdf_style st;
	struct job j;
	struct dpage pg;
	int ok;

	pdfstyle_defaults(&st);
	memset(&j, 0, sizeof(j));
	memset(&pg, 0, sizeof(pg));
	pg.root = article;
	pg.file = outpath;
	pg.url = "";
	pg.title = title;
	j.diag = b->diag;
	j.out = b->out;
	j.st = &st;
	j.lang = lang != NULL ? lang : "en";
	j.paper = paper;
	j.title = title != NULL ? title : "";
	j.m.title = j.title;
	j.m.accent = st.heading;
	j.pageof = builtin_pageof(j.lang);
	j.tocname = builtin_toc(j.lang);
	j.seefmt = strcmp(j.lang, "fr") == 0 ? "voir\xc2\xa0p.\xc2\xa0%d" :
	    "see\xc2\xa0p.\xc2\xa0%d";
	/* one page to look at: its cover and contents, nothing more */
	j.cover = 1;
	j.toc = DOC_TOC_ON;
	j.pages = &pg;
	j.npages = 1;
	j.path = outpath;
	j.dump = dump;
	j.hyph = hyph_new(b->diag);
	ok = render(&j);
	hyph_free(j.hyph);
	pdfstyle_free(&st);
	return ok;
}

/* An interface string of the PDF writer: the project's or built-in
 * one, else dflt. */
static const char *
ui(const struct site *s, size_t li, const char *key, const char *dflt)
{
	const char *v = lstr_ui(s, li, key);

	return strcmp(v, key) != 0 ? v : dflt;
}

/* "#rrggbb" as 0xRRGGBB, or dflt. */
static unsigned
colour(const char *s, unsigned dflt)
{
	return s != NULL && s[0] == '#' && strlen(s) == 7 ?
	    (unsigned)strtoul(s + 1, NULL, 16) : dflt;
}

/* What the matter of document ds in language li says, from site.lua's
 * identity; the date is the latest `updated` of its pages (never the
 * build's), written out into *date (free it). */
static void
matter(const struct site *s, const struct docspec *ds, size_t li,
    struct page **pages, size_t np, const struct pdf_style *st,
    struct pdf_matter *m, char **date, char **url)
{
	const struct identity *id = &s->id;
	const char *latest = NULL, *fmt;
	struct buf d = { 0 };
	size_t i;

	memset(m, 0, sizeof(*m));
	m->title = lstr_get(&ds->title, li);
	m->subtitle = lstr_get(&ds->subtitle, li);
	m->site = lstr_get(&s->title, li);
	m->description = lstr_get(&s->description, li);
	m->publisher = lstr_get(&id->publisher, li);
	m->publisher_url = id->publisher_url;
	m->logo = id->logo_file;
	m->edition = lstr_get(&id->edition, li);
	m->licence = lstr_get(&id->licence, li);
	m->licence_url = id->licence_url;
	m->cite = lstr_get(&id->cite, li);
	m->email = id->contact_email;
	m->contact_url = id->contact_url;
	m->address = lstr_get(&id->contact_address, li);
	m->disclaimer = lstr_get(&id->disclaimer, li);
	m->accent = colour(id->theme_color, st->heading);
	for (i = 0; i < np; i++)
		if (pages[i]->updated != NULL && (latest == NULL ||
		    strcmp(pages[i]->updated, latest) > 0))
			latest = pages[i]->updated;
	*date = NULL;
	if (latest != NULL && format_date(&d, s->langs[li], latest)) {
		fmt = ui(s, li, "pdf.updated", strcmp(s->langs[li], "fr") == 0 ?
		    "Contenu \xc3\xa0 jour au %s" : "Content as of %s");
		/* only one %s is honoured: a translation cannot inject */
		if (strstr(fmt, "%s") != NULL && strchr(strstr(fmt, "%s") + 1,
		    '%') == NULL)
			*date = xasprintf(fmt, d.data);
		else
			*date = xstrdup(d.data);
	}
	buf_free(&d);
	m->date = *date;
	*url = s->base_url != NULL && *s->base_url != '\0' ?
	    xasprintf("%s%s/", s->base_url, s->langs[li]) : NULL;
	m->site_url = *url;
	m->l_about = ui(s, li, "pdf.about", "About this document");
	m->l_published = ui(s, li, "pdf.published_by", "Published by");
	m->l_licence = ui(s, li, "pdf.licence", "Licence:");
	m->l_cite = ui(s, li, "pdf.cite", "How to cite:");
	m->l_contact = ui(s, li, "pdf.contact", "Contact:");
	m->l_online = ui(s, li, "pdf.online", "Online:");
}

/*
 * The same document as a booklet, <id>-booklet.pdf: pages half the
 * sheet (A5 on A4, half-letter on Letter), laid out for that size with
 * margins two thirds as wide, imposed two-up (impose()).  A print file:
 * no fields, no links, no bookmarks, no landscape pages.
 */
static int
booklet(const struct job *full, const struct docspec *ds, const char *dumpdir,
    int *total)
{
	struct job j = *full;
	struct pdf_style st = *full->st;
	struct dpage *dp;
	xmlDocPtr *docs;
	char *path, *dump = NULL;
	size_t i;
	int k, ok;

	for (k = 0; k < 4; k++)
		st.margin[k] *= 2.0 / 3;
	j.st = &st;
	/* for reading: its blank worksheets left out (print them from the
	 * document itself or a worksheets document) */
	dp = xcalloc(j.npages, sizeof(*dp));
	docs = xcalloc(j.npages + 1, sizeof(*docs));
	for (i = 0; i < j.npages; i++) {
		dp[i] = full->pages[i];
		if ((docs[i] = parts_reading(dp[i].root)) != NULL)
			dp[i].root = xmlDocGetRootElement(docs[i]);
	}
	j.pages = dp;
	j.booklet = 1;
	j.duplex = 0;
	/* sheets to print, not to read on screen: archival (PDF/A-2b)
	 * when the document is, never tagged */
	j.std = full->std == PDFSTD_NONE || full->std == PDFSTD_UA1 ?
	    PDFSTD_NONE : PDFSTD_A2B;
	path = xasprintf("%.*s-booklet.pdf", (int)(strlen(full->path) - 4),
	    full->path);
	j.path = path;
	j.dump = NULL;
	j.total = total;            /* its pages are not the document's */
	if (dumpdir != NULL) {
		dump = xasprintf("%s/%s-booklet.layout", dumpdir, ds->id);
		j.dump = dump;
	}
	ok = render(&j);
	parts_free(docs, j.npages);
	free(dp);
	free(path);
	free(dump);
	return ok;
}

/* Document di of site.lua in language li: its pages, through render(). */
static int
document(struct project *p, const struct pdf_style *st, struct hyph *hyph,
    size_t li, size_t di, const char *outdir)
{
	struct site *s = &p->site;
	const struct docspec *ds = &s->docs[di];
	struct page **pages;
	xmlDocPtr *kept;
	struct dpage *dp;
	struct job j;
	struct pdf_style own = *st;     /* the site's colour for headings */
	const char *v;
	size_t i, np;
	char *path, *dumpdir = NULL, *dump = NULL, *date, *url;
	int ok;

	pages = project_doc_pages(p, ds, li, &np);
	if (np == 0) {
		free(pages);            /* said by project_check_docs */
		return 1;
	}
	dp = xcalloc(np, sizeof(*dp));
	/* a document that leaves parts of its pages out lays copies out */
	kept = parts_copy(ds, pages, np);
	for (i = 0; i < np; i++) {
		xmlDocPtr doc = kept != NULL && kept[i] != NULL ? kept[i] :
		    pages[i]->doc;

		dp[i].root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
		dp[i].file = pages[i]->src;
		dp[i].url = pages[i]->url;
		dp[i].title = pages[i]->title;
		dp[i].part = project_doc_part(ds, pages[i]);
	}
	memset(&j, 0, sizeof(j));
	j.diag = p->build->diag;
	j.out = p->build->out;
	j.hyph = hyph;
	j.st = st;
	j.lang = s->langs[li];
	j.paper = ds->paper[li] != NULL ? ds->paper[li] : s->paper[li];
	j.title = lstr_get(&ds->title, li);
	j.subtitle = lstr_get(&ds->subtitle, li);
	j.author = lstr_get(&s->id.publisher, li);
	if (*j.author == '\0')
		j.author = lstr_get(&s->author, li);
	j.base_url = s->base_url;
	v = lstr_ui(s, li, "page_of");
	j.pageof = strcmp(v, "page_of") != 0 ? v : builtin_pageof(j.lang);
	v = lstr_ui(s, li, "toc");
	j.tocname = strcmp(v, "toc") != 0 ? v : builtin_toc(j.lang);
	j.seefmt = ui(s, li, "pdf.see_page", strcmp(j.lang, "fr") == 0 ?
	    "voir\xc2\xa0p.\xc2\xa0%d" : "see\xc2\xa0p.\xc2\xa0%d");
	j.cover = ds->cover;
	j.toc = ds->toc;
	j.duplex = ds->duplex;
	j.colophon = 1;
	j.back = ds->cover;
	j.std = s->pdfstd;
	matter(s, ds, li, pages, np, st, &j.m, &date, &url);
	own.heading = j.m.accent;
	j.st = &own;
	j.pages = dp;
	j.npages = np;
	path = xasprintf("%s/pdf/%s/%s.pdf", outdir, j.lang, ds->id);
	j.path = path;
	j.total = &s->docs[di].pdfpages[li];
	if (p->build->dump_layout != NULL) {
		dumpdir = xasprintf("%s/%s", p->build->dump_layout, j.lang);
		if (!file_mkdirs(j.diag, dumpdir)) {
			free(dumpdir);
			parts_free(kept, np);
			free(dp);
			free(pages);
			free(path);
			free(date);
			free(url);
			return 0;
		}
		dump = xasprintf("%s/%s.layout", dumpdir, ds->id);
		j.dump = dump;
	}
	ok = render(&j);
	if (ok && ds->booklet)
		ok = booklet(&j, ds, dumpdir,
		    &s->docs[di].bookletpages[li]);
	parts_free(kept, np);
	free(dumpdir);
	free(dump);
	free(date);
	free(url);
	free(dp);
	free(pages);
	free(path);
	return ok;
}

int
pdf_write_all(struct project *p, const char *outdir)
{
	struct site *s = &p->site;
	struct pdf_style st;
	struct hyph *hyph;
	size_t li, di;
	int ok = 1;

	if (s->ndocs == 0)
		return 1;
	if (s->pdfstd != PDFSTD_NONE && s->pdfstd != PDFSTD_UA1 &&
	    !file_isfile(PK_ICC)) {
		/* as a missing font: said once, before any PDF is begun */
		diag(p->build->diag, DIAG_ERROR, PK_ICC, 0, 0, "the sRGB "
		    "colour profile PDF/A needs is missing (Debian package "
		    "icc-profiles-free; pdf_standard = \"none\" in %s makes "
		    "PDFs without it)", s->file);
		return 0;
	}
	pdfstyle_defaults(&st);
	if (!pdfstyle_load(p, &st)) {
		pdfstyle_free(&st);
		return 0;
	}
	hyph = hyph_new(p->build->diag);
	for (li = 0; li < s->nlangs; li++)
		for (di = 0; di < s->ndocs; di++) {
			if (stop_asked() != 0) {
				ok = 0;         /* interrupted */
				break;
			}
			/* a forked writer has its language's; a document
			 * in ODT or DOCX only is office/'s */
			if ((p->lang_only < 0 || li == (size_t)p->lang_only) &&
			    (s->docs[di].formats & DOC_PDF))
				ok &= document(p, &st, hyph, li, di, outdir);
		}
	hyph_free(hyph);
	pdfstyle_free(&st);
	return ok && diag_errors(p->build->diag) == 0;
}

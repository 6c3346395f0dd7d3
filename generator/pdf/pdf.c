/*
 * pdf.c: the PDF writer's documents.  In: the project's pages (document
 * trees) and site.lua's documents; out: output/pdf/<lang>/<id>.pdf, each
 * with a cover, a table of contents, the pages, running header, "page X
 * of Y" footer, bookmarks, links and form fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf/internal.h"
#include "output/out.h"
#include "doc/doc.h"
#include "pdf/pdf.h"

/* One page of a document. */
struct dpage {
	xmlNodePtr root;            /* its <article> */
	const char *file;           /* for messages */
	const char *url;            /* site-relative, "fr/guide/mou/" */
	const char *title;
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
	const char *site;
	const char *author;
	const char *base_url;
	const char *pageof;         /* "page %d of %d" */
	const char *tocname;
	int	 cover, toc, recto;
	struct dpage *pages;
	size_t	 npages;
	const char *path;           /* output/pdf/<lang>/<id>.pdf */
	const char *dump;
};

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

/* The destination of href from page src: *page, *y; 0 if external. */
static int
href_dest(const struct job *j, const struct pdf_layout *c, const char *href,
    int src, int *page, double *y)
{
	const char *hash = strchr(href, '#');
	char *path, *target = NULL, *q;
	size_t i, plen;
	int tsrc = -1;

	if (strncmp(href, "#pk-anchor-", 11) == 0) {
		i = (size_t)strtoul(href + 11, NULL, 10);
		if (i >= c->nanchor)
			return 0;
		*page = c->anchor[i].page;
		*y = c->anchor[i].y;
		return 1;
	}
	if (strchr(href, ':') != NULL && (hash == NULL ||
	    strchr(href, ':') < hash))
		return 0;       /* a scheme: external */
	plen = hash != NULL ? (size_t)(hash - href) : strlen(href);
	if (src < 0 || (size_t)src >= j->npages)
		return 0;
	if (plen == 0)
		tsrc = src;
	else {
		/* resolve against the page's URL, then normalise */
		struct buf b = { 0 };
		char *parts[128];
		int np = 0, k;
		char *save, *tok;

		path = xstrndup(href, plen);
		if (path[0] == '/')
			buf_puts(&b, path + 1);
		else {
			buf_puts(&b, j->pages[src].url != NULL ?
			    j->pages[src].url : "");
			if (b.len > 0 && b.data[b.len - 1] != '/') {
				q = strrchr(b.data, '/');
				b.len = q != NULL ?
				    (size_t)(q - b.data) + 1 : 0;
				b.data[b.len] = '\0';
			}
			buf_puts(&b, path);
		}
		free(path);
		for (tok = strtok_r(b.data, "/", &save); tok != NULL;
		    tok = strtok_r(NULL, "/", &save)) {
			if (strcmp(tok, ".") == 0 ||
			    strcmp(tok, "index.html") == 0)
				continue;
			if (strcmp(tok, "..") == 0) {
				if (np > 0)
					np--;
				continue;
			}
			if (np < 128)
				parts[np++] = tok;
		}
		{
			struct buf t = { 0 };

			for (k = 0; k < np; k++) {
				buf_puts(&t, parts[k]);
				buf_putc(&t, '/');
			}
			target = t.data != NULL ? buf_detach(&t) : xstrdup("");
		}
		buf_free(&b);
		for (i = 0; i < j->npages; i++) {
			const char *u = j->pages[i].url ? j->pages[i].url : "";
			size_t ul = strlen(u);

			while (ul > 0 && u[ul - 1] == '/')
				ul--;
			if (strncmp(u, target, ul) == 0 &&
			    (target[ul] == '\0' ||
			    strcmp(target + ul, "/") == 0)) {
				tsrc = (int)i;
				break;
			}
		}
		free(target);
	}
	if (tsrc < 0)
		return 0;
	for (i = 0; i < c->nanchor; i++) {
		const struct pdf_anchor *a = &c->anchor[i];

		if (a->src != tsrc)
			continue;
		if (hash != NULL && hash[1] != '\0') {
			if (a->id != NULL && strcmp(a->id, hash + 1) == 0) {
				*page = a->page;
				*y = a->y;
				return 1;
			}
		} else {
			*page = a->page;
			*y = a->y;
			return 1;
		}
	}
	/* the id is not there: the page itself */
	for (i = 0; i < c->nanchor; i++)
		if (c->anchor[i].src == tsrc) {
			*page = c->anchor[i].page;
			*y = c->anchor[i].y;
			return 1;
		}
	return 0;
}

/* A site-relative link that is not in this PDF: the absolute URL. */
static char *
external(const struct job *j, const char *href, int src)
{
	struct buf b = { 0 };
	const char *base;
	char *q;

	if (strchr(href, ':') != NULL)
		return xstrdup(href);
	if (j->base_url == NULL || *j->base_url == '\0' || src < 0 ||
	    href[0] == '#')
		return NULL;
	buf_puts(&b, j->base_url);
	if (href[0] == '/') {
		while (b.len > 0 && b.data[b.len - 1] == '/')
			b.data[--b.len] = '\0';
		buf_puts(&b, href);
		return buf_detach(&b);
	}
	base = j->pages[src].url ? j->pages[src].url : "";
	buf_puts(&b, base);
	if ((q = strrchr(b.data, '/')) != NULL) {
		b.len = (size_t)(q - b.data) + 1;
		b.data[b.len] = '\0';
	}
	buf_puts(&b, href);
	return buf_detach(&b);      /* readers resolve the ../ */
}

static void
draw_layout(struct drawer *d, struct images *img, const struct job *j,
    struct pdf_layout *l, const struct pdf_layout *content, int off,
    int coff)
{
	size_t i;
	int pg;
	double y;

	for (i = 0; i < l->nbox; i++) {
		struct pdf_box *b = &l->box[i];

		draw_select(d, b->page + off);
		switch (b->kind) {
		case BOX_WORD:
			draw_text(d, b->font, b->size, b->color, b->x, b->base,
			    b->text);
			break;
		case BOX_RULE:
			draw_rule(d, b->x, b->y, b->x + b->w, b->y + b->h,
			    b->lw, b->color, b->dash);
			break;
		case BOX_RECT:
			draw_rect(d, b->x, b->y, b->w, b->h, b->hasfill,
			    b->fill, b->lw, b->color);
			break;
		case BOX_SVG:
			svg_draw(d, b->node, b->x, b->y, b->w, b->h);
			break;
		case BOX_IMAGE:
			image_draw(img, b->text, b->x, b->y, b->w, b->h);
			break;
		case BOX_FIELD:
			if (b->multiline == 3)
				drawdoc_radio(d, b->x, b->y, b->w, b->h,
				    b->text, b->label, b->value, b->checked);
			else
				drawdoc_field(d, b->x, b->y, b->w, b->h,
				    b->text, b->label, b->value, b->multiline,
				    b->size);
			break;
		case BOX_LINK:
			if (href_dest(j, content, b->text, b->src, &pg, &y))
				drawdoc_link_dest(d, b->x, b->y, b->w, b->h,
				    pg + coff, y);
			else {
				char *u = external(j, b->text, b->src);

				if (u != NULL)
					drawdoc_link_uri(d, b->x, b->y, b->w,
					    b->h, u);
				free(u);
			}
			break;
		default:
			break;
		}
	}
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

static void
iso_today(char *s, size_t n)
{
	time_t t = (time_t)format_epoch();
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(s, n, "%Y-%m-%d", &tm);
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

/* One PDF being made: its drawer and images, and its four layouts. */
struct pdfdoc {
	struct pdf_env	 env;       /* what its layouts share */
	struct drawer	*d;
	struct images	*img;       /* its image files, loaded once */
	struct flow	*fc;        /* the pages */
	struct flow	*ft;        /* the contents */
	struct flow	*fv;        /* the cover */
	struct pdf_layout cl, tl, vl; /* the same, cut into pages */
	struct pdf_layout rl;       /* running headers and footers */
	double		 pw, ph;    /* the paper, points */
	int		 front;     /* pages before the contents */
	int		 ntoc;      /* pages of contents */
	int		 total;     /* pages in all */
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
		if (tries == 0 || j->recto) {
			layout_free(&r->cl);
			pages_paginate(r->fc, off + r->ntoc, &r->cl);
		}
		if (!j->toc)
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

static void
cover(const struct job *j, struct pdfdoc *r)
{
	struct buf date = { 0 };
	char iso[16];

	iso_today(iso, sizeof(iso));
	if (!format_date(&date, j->lang, iso))
		buf_puts(&date, iso);
	r->fv = layout_new(&r->env);
	pages_cover(r->fv, j->title, j->subtitle, j->site, j->author,
	    date.data);
	pages_paginate(r->fv, 0, &r->vl);
	buf_free(&date);
}

/* 1 when page p (0-based, in the whole document) is a landscape one. */
static int
page_land(const struct pdfdoc *r, int p)
{
	int c = p - r->front - r->ntoc;

	return r->cl.land != NULL && c >= 0 && c < r->cl.npages &&
	    r->cl.land[c];
}

/* Running header and footer on every page but the cover and the pages
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
		if (!used[p])
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
		running(r->d, &r->rl, BOX_FOOTER, p, s, st->margin[3],
		    ph - st->margin[2] * 0.45, w, 1, st);
		free(s);
	}
	free(used);
}

/* --dump-layout: every box of the four layouts, as text. */
static void
dump(const struct job *j, const struct pdfdoc *r)
{
	FILE *fp = fopen(j->dump, "w");

	if (fp == NULL) {
		diag_sys(j->diag, j->dump);
		return;
	}
	fprintf(fp, "# pages %d\n", r->total);
	layout_dump(&r->vl, fp, r->pw, r->ph, j->st, 0);
	layout_dump(&r->tl, fp, r->pw, r->ph, j->st, r->front);
	layout_dump(&r->cl, fp, r->pw, r->ph, j->st, r->front + r->ntoc);
	layout_dump(&r->rl, fp, r->pw, r->ph, j->st, 0);
	fclose(fp);
}

/* The finished PDF into its file; 1 ok, 0 (printed). */
static int
save(const struct job *j, struct pdfdoc *r)
{
	const char *slash = strrchr(j->path, '/');
	size_t len;
	char *pdf;
	int ok;

	if (slash != NULL) {
		char *dir = xstrndup(j->path, (size_t)(slash - j->path));

		ok = *dir == '\0' || file_mkdirs(j->diag, dir);
		free(dir);
		if (!ok)
			return 0;
	}
	stage("draw");
	if ((pdf = draw_finish(r->d, j->path, &len)) == NULL)
		return 0;
	ok = out_write(j->out, j->path, pdf, len);
	free(pdf);
	return ok;
}

static int
render(const struct job *j)
{
	struct pdfdoc r;
	size_t i;
	int off, ok = 0;

	memset(&r, 0, sizeof(r));
	/* with right-hand starts, the contents too begin on one */
	r.front = j->cover + (j->recto && j->cover && j->toc ? 1 : 0);
	stage(NULL);
	paper_size(j->diag, j->paper, j->path, &r.pw, &r.ph);
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
	r.fc = layout_new(&r.env);
	for (i = 0; i < j->npages; i++) {
		if (stop_asked() != 0)
			goto out;       /* interrupted */
		block_article(r.fc, j->pages[i].root, (int)i, j->pages[i].file,
		    j->pages[i].title, j->recto);
	}
	stage("layout");
	contents(j, &r);
	r.total = r.front + r.ntoc + r.cl.npages;
	if (j->cover)
		cover(j, &r);
	headers(j, &r);
	stage("paginate");
	if (stop_asked() != 0)
		goto out;
	for (i = 0; i < (size_t)r.total; i++)
		if (page_land(&r, (int)i))
			draw_pages(r.d, 1, r.ph, r.pw);
		else
			draw_pages(r.d, 1, r.pw, r.ph);
	off = r.front + r.ntoc;
	if (j->cover)
		draw_layout(r.d, r.img, j, &r.vl, &r.cl, 0, off);
	if (j->toc)
		draw_layout(r.d, r.img, j, &r.tl, &r.cl, r.front, off);
	draw_layout(r.d, r.img, j, &r.cl, &r.cl, off, off);
	draw_layout(r.d, r.img, j, &r.rl, &r.cl, 0, off);
	outline(r.d, &r.cl, off, j->toc ? j->tocname : NULL, r.front);
	drawdoc_info(r.d, j->title, j->author, j->subtitle, j->lang,
	    format_epoch());
	if (j->dump != NULL)
		dump(j, &r);
	ok = save(j, &r);
	stage("save");
out:
	layout_free(&r.cl);
	layout_free(&r.tl);
	layout_free(&r.vl);
	layout_free(&r.rl);
	layout_flow_free(r.fc);
	layout_flow_free(r.ft);
	layout_flow_free(r.fv);
	image_free(r.img);
	draw_free(r.d);
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
	j.site = "";
	j.pageof = builtin_pageof(j.lang);
	j.tocname = builtin_toc(j.lang);
	j.cover = j.toc = 1;
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

/* Document di of site.lua in language li: its pages, through render(). */
static int
document(struct project *p, const struct pdf_style *st, struct hyph *hyph,
    size_t li, size_t di, const char *outdir)
{
	const struct site *s = &p->site;
	const struct docspec *ds = &s->docs[di];
	struct page **pages;
	xmlDocPtr *kept;
	struct dpage *dp;
	struct job j;
	const char *v;
	size_t i, np;
	char *path, *dumpdir = NULL, *dump = NULL;
	int ok;

	pages = project_doc_pages(p, ds, li, &np);
	if (np == 0) {
		diag(p->build->diag, DIAG_WARN, s->file, ds->line, 0,
		    "document '%s' has no pages in '%s': no PDF", ds->id,
		    s->langs[li]);
		free(pages);
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
	j.site = lstr_get(&s->title, li);
	j.author = lstr_get(&s->author, li);
	j.base_url = s->base_url;
	v = lstr_ui(s, li, "page_of");
	j.pageof = strcmp(v, "page_of") != 0 ? v : builtin_pageof(j.lang);
	v = lstr_ui(s, li, "toc");
	j.tocname = strcmp(v, "toc") != 0 ? v : builtin_toc(j.lang);
	j.cover = ds->cover;
	j.toc = ds->toc;
	j.recto = ds->recto;
	j.pages = dp;
	j.npages = np;
	path = xasprintf("%s/pdf/%s/%s.pdf", outdir, j.lang, ds->id);
	j.path = path;
	if (p->build->dump_layout != NULL) {
		dumpdir = xasprintf("%s/%s", p->build->dump_layout, j.lang);
		if (!file_mkdirs(j.diag, dumpdir)) {
			free(dumpdir);
			parts_free(kept, np);
			free(dp);
			free(pages);
			free(path);
			return 0;
		}
		dump = xasprintf("%s/%s.layout", dumpdir, ds->id);
		j.dump = dump;
	}
	ok = render(&j);
	parts_free(kept, np);
	free(dumpdir);
	free(dump);
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

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

#include "pdf.h"

/* One page of a document. */
struct dpage {
	xmlNodePtr root;            /* its <article> */
	const char *file;           /* for messages */
	const char *url;            /* site-relative, "fr/guide/mou/" */
	const char *title;
};

/* Everything one PDF needs. */
struct job {
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
	const char *out;
	const char *dump;
};

static void
paper_size(const char *paper, const char *where, double *w, double *h)
{
	if (paper != NULL && (strcasecmp(paper, "Letter") == 0 ||
	    strcasecmp(paper, "US-Letter") == 0)) {
		*w = 612;
		*h = 792;
		return;
	}
	if (paper != NULL && strcasecmp(paper, "A4") != 0)
		diag(DIAG_WARN, where, 0, 0, "paper '%s' unknown (A4 or "
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
resolve(const struct job *j, const struct pdf_layout *c, const char *href,
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
			buf_puts(&b, j->pages[src].url ? j->pages[src].url : "");
			if (b.len > 0 && b.data[b.len - 1] != '/') {
				q = strrchr(b.data, '/');
				b.len = q != NULL ? (size_t)(q - b.data) + 1 : 0;
				b.data[b.len] = '\0';
			}
			buf_puts(&b, path);
		}
		free(path);
		for (tok = strtok_r(b.data, "/", &save); tok != NULL;
		    tok = strtok_r(NULL, "/", &save)) {
			if (strcmp(tok, ".") == 0 || strcmp(tok, "index.html") == 0)
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
			    (target[ul] == '\0' || strcmp(target + ul, "/") == 0)) {
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
draw_layout(struct drawer *d, const struct job *j, struct pdf_layout *l,
    const struct pdf_layout *content, int off, int coff)
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
			image_draw(d, b->text, b->x, b->y, b->w, b->h);
			break;
		case BOX_FIELD:
			if (b->multiline == 3)
				draw_radio(d, b->x, b->y, b->w, b->h, b->text,
				    b->label, b->value, b->checked);
			else
				draw_field(d, b->x, b->y, b->w, b->h, b->text,
				    b->label, b->value, b->multiline,
				    b->size);
			break;
		case BOX_LINK:
			if (resolve(j, content, b->text, b->src, &pg, &y))
				draw_link_dest(d, b->x, b->y, b->w, b->h,
				    pg + coff, y);
			else {
				char *u = external(j, b->text, b->src);

				if (u != NULL)
					draw_link_uri(d, b->x, b->y, b->w,
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
		draw_outline(d, NULL, tocname, tocpage, 0);
	for (i = 0; i < c->nanchor; i++) {
		const struct pdf_anchor *a = &c->anchor[i];
		void *o;

		if (a->level < 1 || a->title == NULL || *a->title == '\0')
			continue;
		while (top > 0 && level[top - 1] >= a->level)
			top--;
		o = draw_outline(d, top > 0 ? stack[top - 1] : NULL, a->title,
		    a->page + off, a->y);
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
	time_t t = (time_t)util_epoch();
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

static int
render(const struct job *j)
{
	struct drawer *d = NULL;
	struct flow *fc = NULL, *ft = NULL, *fv = NULL;
	struct pdf_layout cl = { 0 }, tl = { 0 }, vl = { 0 }, rl = { 0 };
	double pw, ph;
	int ntoc = 0, off, total, p, ok = 0, tries, front;
	size_t i;
	char iso[16], *used = NULL;
	struct buf date = { 0 };

	/* with right-hand starts, the contents too begin on one */
	front = j->cover + (j->recto && j->cover && j->toc ? 1 : 0);
	stage(NULL);
	paper_size(j->paper, j->out, &pw, &ph);
	if ((d = draw_new(j->st)) == NULL)
		goto out;
	/* the pages themselves */
	fc = layout_new(d, j->st, j->lang, pw, ph);
	for (i = 0; i < j->npages; i++) {
		if (util_stop != 0)
			goto out;       /* interrupted */
		layout_article(fc, j->pages[i].root, (int)i, j->pages[i].file,
		    j->pages[i].title, j->recto);
	}
	stage("layout");
	/* the contents' length does not depend on the numbers in it */
	off = front;
	for (tries = 0; tries < 3; tries++) {
		struct pdf_layout probe = { 0 };

		/* page numbers are added when drawing: only right-hand
		 * starts depend on the offset */
		if (tries == 0 || j->recto) {
			layout_free(&cl);
			layout_paginate(fc, off + ntoc, &cl);
		}
		if (!j->toc)
			break;
		layout_flow_free(ft);
		ft = layout_new(d, j->st, j->lang, pw, ph);
		layout_toc(ft, j->tocname, &cl, 2, off + ntoc);
		layout_paginate(ft, off, &probe);
		if (probe.npages == ntoc) {
			tl = probe;
			break;
		}
		ntoc = probe.npages;
		if (tries == 2) {
			/* cannot happen: the length depends on the entries
			 * only; keep what we have rather than loop */
			tl = probe;
			break;
		}
		layout_free(&probe);
	}
	total = front + ntoc + cl.npages;
	if (j->cover) {
		iso_today(iso, sizeof(iso));
		if (!format_date(&date, j->lang, iso))
			buf_puts(&date, iso);
		fv = layout_new(d, j->st, j->lang, pw, ph);
		layout_cover(fv, j->title, j->subtitle, j->site, j->author,
		    date.data);
		layout_paginate(fv, 0, &vl);
	}
	/* running header and footer on every page but the cover and the
	 * pages left blank for a right-hand start */
	used = xcalloc((size_t)total + 1, 1);
	for (i = 0; i < cl.nbox; i++)
		if (cl.box[i].page >= 0 && cl.box[i].page < cl.npages)
			used[cl.box[i].page + front + ntoc] = 1;
	for (p = front; p < front + ntoc; p++)
		used[p] = 1;
	for (p = j->cover; p < total; p++) {
		char *s;
		double top = j->st->margin[0], bot = j->st->margin[2];
		struct pdf_box *b;

		if (!used[p])
			continue;
		s = page_of(j->pageof, p + 1, total);

		running(d, &rl, BOX_HEADER, p, j->title, j->st->margin[3],
		    top * 0.55, pw - j->st->margin[1] - j->st->margin[3], 0,
		    j->st);
		b = layout_addbox(&rl, BOX_RULE);
		b->page = p;
		b->x = j->st->margin[3];
		b->w = pw - j->st->margin[1] - j->st->margin[3];
		b->y = top * 0.55 + j->st->smallsize * 0.5;
		b->lw = 0.4;
		b->color = j->st->rule;
		b->text = xstrdup("header");
		running(d, &rl, BOX_FOOTER, p, s, j->st->margin[3],
		    ph - bot * 0.45, pw - j->st->margin[1] - j->st->margin[3],
		    1, j->st);
		free(s);
	}
	stage("paginate");
	if (util_stop != 0)
		goto out;
	draw_pages(d, total, pw, ph);
	off = front + ntoc;
	if (j->cover)
		draw_layout(d, j, &vl, &cl, 0, off);
	if (j->toc)
		draw_layout(d, j, &tl, &cl, front, off);
	draw_layout(d, j, &cl, &cl, off, off);
	draw_layout(d, j, &rl, &cl, 0, off);
	outline(d, &cl, front + ntoc, j->toc ? j->tocname : NULL,
	    front);
	draw_info(d, j->title, j->author, j->subtitle, j->lang,
	    util_epoch());
	if (j->dump != NULL) {
		FILE *fp = fopen(j->dump, "w");

		if (fp == NULL)
			diag_sys(j->dump);
		else {
			layout_dump(&vl, fp, pw, ph, j->st, 0);
			layout_dump(&tl, fp, pw, ph, j->st, front);
			layout_dump(&cl, fp, pw, ph, j->st, front + ntoc);
			layout_dump(&rl, fp, pw, ph, j->st, 0);
			fclose(fp);
		}
	}
	{
		char *slash = strrchr(j->out, '/');

		if (slash != NULL) {
			char *dir = xstrndup(j->out, (size_t)(slash - j->out));

			if (*dir != '\0' && !util_mkdirs(dir)) {
				free(dir);
				goto out;
			}
			free(dir);
		}
	}
	stage("draw");
	ok = draw_save(d, j->out);
	stage("save");
out:
	free(used);
	buf_free(&date);
	layout_free(&cl);
	layout_free(&tl);
	layout_free(&vl);
	layout_free(&rl);
	layout_flow_free(fc);
	layout_flow_free(ft);
	layout_flow_free(fv);
	draw_free(d);
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
pdf_render_tree(xmlNodePtr article, const char *lang, const char *paper,
    const char *title, const char *outpath, const char *dump)
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
	j.out = outpath;
	j.dump = dump;
	ok = render(&j);
	layout_cleanup();
	pdfstyle_free(&st);
	return ok;
}

int
pdf_write_all(struct project *p, const char *outdir)
{
	struct site *s = &p->site;
	struct pdf_style st;
	size_t li, di, i, np;
	int ok = 1;

	if (s->ndocs == 0)
		return 1;
	pdfstyle_defaults(&st);
	if (!pdfstyle_load(p, &st)) {
		pdfstyle_free(&st);
		return 0;
	}
	for (li = 0; li < s->nlangs; li++)
		for (di = 0; di < s->ndocs; di++) {
			if (p->lang_only >= 0 && li != (size_t)p->lang_only)
				continue;       /* another process writes it */
			if (util_stop != 0) {
				ok = 0;         /* interrupted */
				break;
			}
			const struct docspec *ds = &s->docs[di];
			struct page **pages;
			struct dpage *dp;
			struct job j;
			const char *v;
			char *out;

			if (!(ds->formats & DOC_PDF))
				continue;       /* ODT or DOCX only: office.c */
			pages = project_doc_pages(p, ds, li, &np);
			if (np == 0) {
				diag(DIAG_WARN, s->file, ds->line, 0,
				    "document '%s' has no pages in '%s': no "
				    "PDF", ds->id, s->langs[li]);
				free(pages);
				continue;
			}
			dp = xcalloc(np, sizeof(*dp));
			for (i = 0; i < np; i++) {
				dp[i].root = pages[i]->doc != NULL ?
				    xmlDocGetRootElement(pages[i]->doc) : NULL;
				dp[i].file = pages[i]->src;
				dp[i].url = pages[i]->url;
				dp[i].title = pages[i]->title;
			}
			memset(&j, 0, sizeof(j));
			j.st = &st;
			j.lang = s->langs[li];
			j.paper = s->paper[li];
			j.title = lstr_get(&ds->title, li);
			j.subtitle = lstr_get(&ds->subtitle, li);
			j.site = lstr_get(&s->title, li);
			j.author = lstr_get(&s->author, li);
			j.base_url = s->base_url;
			v = site_str(s, li, "page_of");
			j.pageof = strcmp(v, "page_of") != 0 ? v :
			    builtin_pageof(j.lang);
			v = site_str(s, li, "toc");
			j.tocname = strcmp(v, "toc") != 0 ? v :
			    builtin_toc(j.lang);
			j.cover = ds->cover;
			j.toc = ds->toc;
			j.recto = ds->recto;
			j.pages = dp;
			j.npages = np;
			out = xasprintf("%s/pdf/%s/%s.pdf", outdir, j.lang,
			    ds->id);
			j.out = out;
			if (!render(&j))
				ok = 0;
			free(dp);
			free(pages);
			free(out);
		}
	layout_cleanup();
	pdfstyle_free(&st);
	return ok && diag_errors() == 0;
}

/*
 * xref.c: links in print.  In: a link of one of the document's pages;
 * out: where it lands in this PDF (a page and a height, for a GoTo link
 * and the words "voir p. 27" printed after it), or its address outside
 * the PDF (base_url and the site path, ../ resolved, for a URI link and
 * the address printed after it), or nothing: without base_url a link to
 * a page the PDF does not hold prints as plain text, never a made-up
 * address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "pdf/internal.h"

/* 1 when href starts with a scheme ("https:", "mailto:"). */
static int
has_scheme(const char *href)
{
	const char *c = strchr(href, ':'), *h = strchr(href, '#'),
	    *sl = strchr(href, '/');

	return c != NULL && (h == NULL || c < h) && (sl == NULL || c < sl);
}

/* The site path href names from page src, normalised ("fr/guide/roles/"),
 * without its "#id" (*hash gets it, or NULL); NULL for an address with
 * a scheme. */
static char *
site_path(const struct xref *x, const char *href, int src, const char **hash)
{
	struct buf b = { 0 }, t = { 0 };
	char *parts[128], *save, *tok, *q;
	const char *base;
	size_t plen;
	int np = 0, k;

	*hash = strchr(href, '#');
	if (has_scheme(href))
		return NULL;
	plen = *hash != NULL ? (size_t)(*hash - href) : strlen(href);
	base = src >= 0 && (size_t)src < x->npages && x->urls[src] != NULL ?
	    x->urls[src] : "";
	if (plen == 0)
		buf_puts(&b, base);
	else if (href[0] == '/')
		buf_put(&b, href + 1, plen - 1);
	else {
		/* relative to the page's folder */
		buf_puts(&b, base);
		if (b.len > 0 && b.data[b.len - 1] != '/') {
			q = strrchr(b.data, '/');
			b.len = q != NULL ? (size_t)(q - b.data) + 1 : 0;
		}
		buf_put(&b, href, plen);
	}
	buf_putc(&b, '\0');
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
	for (k = 0; k < np; k++) {
		buf_puts(&t, parts[k]);
		/* a file keeps its name; a page is a folder */
		if (k + 1 < np || strchr(parts[k], '.') == NULL)
			buf_putc(&t, '/');
	}
	buf_free(&b);
	return t.data != NULL ? buf_detach(&t) : xstrdup("");
}

int
xref_target(const struct xref *x, const char *href, int src,
    const char **hash)
{
	char *path = site_path(x, href, src, hash);
	size_t i, ul;
	int found = -1;

	if (path == NULL)
		return -1;
	for (i = 0; i < x->npages && found < 0; i++) {
		const char *u = x->urls[i] != NULL ? x->urls[i] : "";

		ul = strlen(u);
		while (ul > 0 && u[ul - 1] == '/')
			ul--;
		if (strncmp(u, path, ul) == 0 && (path[ul] == '\0' ||
		    strcmp(path + ul, "/") == 0))
			found = (int)i;
	}
	free(path);
	return found;
}

int
xref_dest(const struct xref *x, const struct pdf_layout *c, const char *href,
    int src, int *page, double *y)
{
	const char *hash;
	size_t i;
	int tsrc;

	if (strncmp(href, "#pk-anchor-", 11) == 0) {
		i = (size_t)strtoul(href + 11, NULL, 10);
		if (i >= c->nanchor)
			return 0;
		*page = c->anchor[i].page;
		*y = c->anchor[i].y;
		return 1;
	}
	if ((tsrc = xref_target(x, href, src, &hash)) < 0)
		return 0;
	/* the element with the id, else the page itself */
	for (i = 0; hash != NULL && hash[1] != '\0' && i < c->nanchor; i++)
		if (c->anchor[i].src == tsrc && c->anchor[i].id != NULL &&
		    strcmp(c->anchor[i].id, hash + 1) == 0) {
			*page = c->anchor[i].page;
			*y = c->anchor[i].y;
			return 1;
		}
	for (i = 0; i < c->nanchor; i++)
		if (c->anchor[i].src == tsrc) {
			*page = c->anchor[i].page;
			*y = c->anchor[i].y;
			return 1;
		}
	return 0;
}

char *
xref_url(const struct xref *x, const char *href, int src)
{
	const char *hash;
	char *path, *u;

	if (has_scheme(href))
		return xstrdup(href);
	if (x->base_url == NULL || *x->base_url == '\0' || src < 0)
		return NULL;
	if ((path = site_path(x, href, src, &hash)) == NULL)
		return NULL;
	u = xasprintf("%s%s%s", x->base_url, path, hash != NULL ? hash : "");
	free(path);
	return u;
}

/* fmt with n put in, only %d and %% honoured (a translation cannot
 * inject a format). */
static char *
see(const char *fmt, int n)
{
	struct buf b = { 0 };
	const char *p;
	int done = 0;

	for (p = fmt; *p != '\0'; p++)
		if (*p == '%' && p[1] == 'd' && !done) {
			buf_printf(&b, "%d", n);
			done = 1;
			p++;
		} else if (*p == '%' && p[1] == '%') {
			buf_putc(&b, '%');
			p++;
		} else
			buf_putc(&b, *p);
	if (!done)
		buf_printf(&b, " %d", n);
	return buf_detach(&b);
}

char *
xref_print(void *arg, const char *href, int src, const char *text,
    int *plain)
{
	struct xref *x = arg;
	const char *hash, *shown;
	char *key, *u, *s;
	int tsrc, page, n;
	double y;

	*plain = 0;
	if (href == NULL || strncmp(href, "#pk-anchor-", 11) == 0)
		return NULL;
	if ((tsrc = xref_target(x, href, src, &hash)) >= 0) {
		/* in this PDF: its page, once per place a page links to,
		 * and not for a place of the page itself */
		if (tsrc == src)
			return NULL;
		key = xasprintf("%d %d%s", src, tsrc, hash != NULL ? hash : "");
		if (!strset_add(&x->seen, key)) {
			free(key);
			return NULL;
		}
		free(key);
		n = 99;         /* the first pass: room for two digits */
		if (x->prev != NULL && xref_dest(x, x->prev, href, src, &page,
		    &y))
			n = page + x->off + 1;
		x->refs = xrealloc(x->refs, (x->nrefs + 1) * sizeof(*x->refs));
		x->refs[x->nrefs].href = xstrdup(href);
		x->refs[x->nrefs].src = src;
		x->refs[x->nrefs].page = n;
		x->nrefs++;
		u = see(x->seefmt, n);
		s = xasprintf(" (%s)", u);
		free(u);
		return s;
	}
	if ((u = xref_url(x, href, src)) == NULL) {
		*plain = 1;     /* nowhere a reader could go */
		return NULL;
	}
	/* out of the PDF: its address, unless the text says it */
	shown = u;
	if (strncmp(shown, "https://", 8) == 0)
		shown += 8;
	else if (strncmp(shown, "http://", 7) == 0)
		shown += 7;
	else if (strncmp(shown, "mailto:", 7) == 0)
		shown += 7;
	if (text != NULL && (strstr(text, shown) != NULL ||
	    strcmp(text, u) == 0)) {
		free(u);
		return NULL;
	}
	s = xasprintf(" (%s)", shown);
	free(u);
	return s;
}

int
xref_settled(const struct xref *x, const struct pdf_layout *c, int off)
{
	size_t i;
	int page;
	double y;

	for (i = 0; i < x->nrefs; i++)
		if (!xref_dest(x, c, x->refs[i].href, x->refs[i].src, &page,
		    &y) || page + off + 1 != x->refs[i].page)
			return 0;
	return 1;
}

void
xref_reset(struct xref *x)
{
	size_t i;

	for (i = 0; i < x->nrefs; i++)
		free(x->refs[i].href);
	free(x->refs);
	x->refs = NULL;
	x->nrefs = 0;
	strset_free(&x->seen);
	memset(&x->seen, 0, sizeof(x->seen));
}

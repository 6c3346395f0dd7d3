/*
 * conv.c: what the conversion of one document keeps (struct conv): its
 * messages at a node of the page being converted, the language tags of
 * the word processors, bookmarks and where a page's links lead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "office/internal.h"

static const char *
file_of(const struct conv *c)
{
	return c->pages[c->cur]->src;
}

void
conv_err(struct conv *c, xmlNodePtr n, const char *fmt, const char *arg)
{
	int line, col;

	tree_pos(n, &line, &col);
	diag(c->p->build->diag, DIAG_ERROR, file_of(c), line, col, fmt, arg);
	c->ok = 0;
}

void
conv_warn(struct conv *c, xmlNodePtr n, const char *fmt, const char *arg)
{
	int line, col;

	tree_pos(n, &line, &col);
	diag(c->p->build->diag, DIAG_WARN, file_of(c), line, col, fmt, arg);
}

/* The language tag of code: "fr" -> fr-FR; "en" -> en-US on Letter
 * paper, else en-GB; a tag with a region as it is. */
char *
conv_langtag(const struct site *s, const char *code)
{
	size_t i;

	if (strchr(code, '-') != NULL)
		return xstrdup(code);
	if (strcmp(code, "fr") == 0)
		return xstrdup("fr-FR");
	if (strcmp(code, "en") == 0) {
		for (i = 0; i < s->nlangs; i++)
			if (strcmp(s->langs[i], "en") == 0 &&
			    s->paper[i] != NULL &&
			    strcasecmp(s->paper[i], "Letter") == 0)
				return xstrdup("en-US");
		return xstrdup("en-GB");
	}
	return xstrdup(code);
}

const char *
conv_mark(struct conv *c, size_t page, const char *id)
{
	char *key = xasprintf("%zu#%s", page, id != NULL ? id : "");
	char *name = strmap_get(&c->marks, key);

	if (name == NULL) {
		name = xasprintf("_pk%d", ++c->nmarks);
		strmap_put(&c->marks, key, name);
	}
	free(key);
	return name;
}

static const char *
mark_find(struct conv *c, size_t page, const char *id)
{
	char *key = xasprintf("%zu#%s", page, id != NULL ? id : "");
	const char *name = strmap_get(&c->marks, key);

	free(key);
	return name;
}

/* A link of the current page as the documents keep it: "#bookmark" for a
 * page of this document, an absolute URL for the rest of the site (with
 * base_url), the URL itself when it has a scheme; NULL: none. */
char *
conv_link(struct conv *c, const char *href)
{
	const char *hash = strchr(href, '#'), *m, *base;
	const char *url = c->pages[c->cur]->url ? c->pages[c->cur]->url : "";
	struct buf b = { 0 };
	size_t i, plen;
	char *path;

	if (url_has_scheme(href))
		return xstrdup(href);
	plen = hash != NULL ? (size_t)(hash - href) : strlen(href);
	if (plen == 0) {
		m = mark_find(c, c->cur, hash[1] ? hash + 1 : NULL);
		if (m == NULL)
			m = mark_find(c, c->cur, NULL);
		return m != NULL ? xasprintf("#%s", m) : NULL;
	}
	if (href[0] != '/') {
		const char *slash = strrchr(url, '/');

		if (slash != NULL)
			buf_put(&b, url, (size_t)(slash - url) + 1);
	}
	buf_put(&b, href[0] == '/' ? href + 1 : href,
	    href[0] == '/' ? plen - 1 : plen);
	path = buf_detach(&b);
	if (!url_normalise(path)) {
		free(path);
		return NULL;
	}
	{
		size_t l = strlen(path);

		if (l >= 10 && strcmp(path + l - 10, "index.html") == 0)
			path[l - 10] = '\0';
	}
	for (i = 0; i < c->npages; i++) {
		const char *u = c->pages[i]->url ? c->pages[i]->url : "";
		size_t ul = strlen(u), pl = strlen(path);

		while (ul > 0 && u[ul - 1] == '/')
			ul--;
		while (pl > 0 && path[pl - 1] == '/')
			pl--;
		if (ul == pl && strncmp(u, path, ul) == 0) {
			m = hash != NULL && hash[1] ?
			    mark_find(c, i, hash + 1) : NULL;
			if (m == NULL)
				m = mark_find(c, i, NULL);
			free(path);
			return m != NULL ? xasprintf("#%s", m) : NULL;
		}
	}
	base = c->p->site.base_url;
	if (base == NULL || *base == '\0') {
		free(path);
		return NULL;
	}
	m = xasprintf("%s%s%s", base, path, hash != NULL ? hash : "");
	free(path);
	return (char *)m;
}

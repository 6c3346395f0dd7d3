/*
 * links.c: links between pages.  A link written to a Markdown file
 * ("mou.md", "../outils/carte.md#grille") or to a site path ("/fr/outils/")
 * is checked against the project's pages and rewritten to a relative URL
 * of the built site; one that points nowhere is an error with file:line:col.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"

/* Whether URL u starts with a scheme ("https:", "mailto:"). */
int
links_has_scheme(const char *u)
{
	const char *p;

	for (p = u; *p != '\0' && *p != '/' && *p != '?' && *p != '#'; p++)
		if (*p == ':')
			return 1;
	return 0;
}

/* Normalises "a/b/../c/./d" in place; 0 if it climbs above the root. */
static int
normalise(char *path)
{
	char **seg = NULL, *s, *save = NULL;
	size_t n = 0, i;
	struct buf b = { 0 };
	int ok = 1;

	for (s = strtok_r(path, "/", &save); s != NULL;
	    s = strtok_r(NULL, "/", &save)) {
		if (strcmp(s, ".") == 0)
			continue;
		if (strcmp(s, "..") == 0) {
			if (n == 0)
				ok = 0;
			else
				n--;
			continue;
		}
		seg = xrealloc(seg, (n + 1) * sizeof(char *));
		seg[n++] = s;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, '/');
		buf_puts(&b, seg[i]);
	}
	strcpy(path, b.data != NULL ? b.data : "");
	buf_free(&b);
	free(seg);
	return ok;
}

int
links_normalise(char *path)
{
	return normalise(path);
}

static int index_html;          /* folder links name their index.html */

void
links_index_html(int on)
{
	index_html = on;
}

/* The URL of `to` relative to the page at URL `from` (both site paths). */
char *
links_relative(const char *from, const char *to)
{
	struct buf b = { 0 };
	size_t common = 0, i;
	const char *p;

	/* the longest common prefix that ends at a '/' */
	for (i = 0; from[i] != '\0' && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	for (p = from + common; *p != '\0'; p++)
		if (*p == '/')
			buf_puts(&b, "../");
	buf_puts(&b, to + common);
	if (index_html && (b.len == 0 || b.data[b.len - 1] == '/'))
		buf_puts(&b, "index.html");
	else if (b.len == 0)
		buf_puts(&b, "./");
	return buf_detach(&b);
}

static struct page *
by_url(const struct project *p, const char *url)
{
	return strmap_get(&p->byurl, url);
}

static struct page *
by_rel(const struct project *p, size_t lang, const char *rel)
{
	char *k = xasprintf("%s/%s", p->site.langs[lang], rel);
	struct page *pg = strmap_get(&p->byrel, k);

	free(k);
	return pg;
}

/* A link to "page#id" whose page is not built yet: checked at the end,
 * against the ids that page then has (links_finish). */
struct later {
	struct page	*from, *to;
	char		*href, *frag;
	int		 line, col;
};

static struct later *laters;
static size_t nlaters;

static int
fail(const struct page *pg, xmlNodePtr a, const char *href, const char *why)
{
	int line, col;

	tree_pos(a, &line, &col);
	diag(DIAG_ERROR, pg->src, line, col, "link target '%s' %s", href, why);
	return 0;
}

static int
resolve(struct project *p, struct page *pg, xmlNodePtr a)
{
	const char *href = tree_get_attr(a, "href");
	char *path, *frag, *rel;
	struct page *to = NULL;
	size_t n;
	int ok = 1;

	if (href == NULL || *href == '\0' || links_has_scheme(href) ||
	    strncmp(href, "//", 2) == 0)
		return 1;
	path = xstrdup(href);
	if ((frag = strchr(path, '#')) != NULL)
		*frag++ = '\0';
	if (*path == '\0') {            /* "#id" in this page */
		if (frag != NULL && *frag != '\0' &&
		    !strset_has(&pg->ids, frag))
			ok = fail(pg, a, href, "not found: no heading or element "
			    "with this id on the page");
		free(path);
		return ok;
	}
	n = strlen(path);
	if (n > 3 && strcmp(path + n - 3, ".md") == 0) {
		const char *slash = strrchr(pg->rel, '/');

		path[n - 3] = '\0';
		if (path[0] == '/')
			rel = xstrdup(path + 1);
		else if (slash != NULL)
			rel = xasprintf("%.*s/%s", (int)(slash - pg->rel),
			    pg->rel, path);
		else
			rel = xstrdup(path);
		if (normalise(rel))
			to = by_rel(p, pg->lang, rel);
		if (to == NULL) {
			char *want = xasprintf("content/%s/%s.md",
			    p->site.langs[pg->lang], rel);

			ok = fail(pg, a, href, "not found");
			diag(DIAG_NOTE, pg->src, 0, 0, "expected the file %s",
			    want);
			free(want);
		}
		free(rel);
	} else if (path[0] == '/') {
		rel = xstrdup(path + 1);
		if (normalise(rel)) {
			char *u = xasprintf("%s/", rel);

			to = by_url(p, *rel ? u : "");
			free(u);
			if (to == NULL && (strncmp(rel, "assets/", 7) == 0 ||
			    strncmp(rel, "pdf/", 4) == 0)) {
				char *r = links_relative(pg->url, rel);

				tree_attr(a, "href", r);
				free(r);
				free(rel);
				free(path);
				return 1;
			}
		}
		if (to == NULL && (ok = assets_resolve(p, pg, a, "href")) >= 0) {
			/* a file beside the pages (assets.c) */
			free(rel);
			free(path);
			return ok;
		}
		ok = 1;
		if (to == NULL)
			ok = fail(pg, a, href, "not found: no page has this "
			    "path in the built site");
		free(rel);
	} else {
		/* a file beside the page (assets.c), else left to the author */
		free(path);
		return assets_resolve(p, pg, a, "href") != 0;
	}
	if (to != NULL) {
		char *r = links_relative(pg->url, to->url);

		if (frag != NULL && *frag != '\0') {
			char *full;

			if (!to->done) {
				struct later *l;

				laters = xrealloc(laters, (nlaters + 1) *
				    sizeof(*laters));
				l = &laters[nlaters++];
				l->from = pg;
				l->to = to;
				l->href = xstrdup(href);
				l->frag = xstrdup(frag);
				tree_pos(a, &l->line, &l->col);
			} else if (!strset_has(&to->ids, frag))
				ok = fail(pg, a, href, "not found: the page has "
				    "no heading with this id");
			full = xasprintf("%s#%s", r, frag);
			free(r);
			r = full;
		}
		tree_attr(a, "href", r);
		free(r);
	}
	free(path);
	return ok;
}

static int
walk(struct project *p, struct page *pg, xmlNodePtr n)
{
	xmlNodePtr c;
	int ok = 1;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(c->name, (const xmlChar *)"a") == 0) {
			assets_forget(c);
			ok &= resolve(p, pg, c);
		} else if (xmlStrcmp(c->name, (const xmlChar *)"img") == 0) {
			assets_forget(c);
			ok &= assets_resolve(p, pg, c, "src") != 0;
		}
		ok &= walk(p, pg, c);
	}
	return ok;
}

int
links_resolve(struct project *p, struct page *pg)
{
	if (pg->doc == NULL)
		return 1;
	return walk(p, pg, xmlDocGetRootElement(pg->doc));
}

int
links_finish(void)
{
	size_t i;
	int ok = 1;

	for (i = 0; i < nlaters; i++) {
		struct later *l = &laters[i];

		/* a page that failed to build has said so already */
		if (l->to->done && !strset_has(&l->to->ids, l->frag)) {
			diag(DIAG_ERROR, l->from->src, l->line, l->col,
			    "link target '%s' not found: the page has no "
			    "heading with this id", l->href);
			ok = 0;
		}
		free(l->href);
		free(l->frag);
	}
	free(laters);
	laters = NULL;
	nlaters = 0;
	return ok;
}

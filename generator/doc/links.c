/*
 * links.c: links between pages.  A link written to a Markdown file
 * ("mou.md", "../outils/carte.md#grille") or to a site path ("/fr/outils/")
 * is checked against the project's pages and rewritten to a relative URL
 * of the built site; one that points nowhere is an error with file:line:col.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

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


static int
fail(const struct project *p, const struct page *pg, xmlNodePtr a,
    const char *href, const char *why)
{
	int line, col;

	tree_pos(a, &line, &col);
	diag(p->build->diag, DIAG_ERROR, pg->src, line, col,
	    "link target '%s' %s", href, why);
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

	if (href == NULL || *href == '\0' || url_has_scheme(href) ||
	    strncmp(href, "//", 2) == 0)
		return 1;
	path = xstrdup(href);
	if ((frag = strchr(path, '#')) != NULL)
		*frag++ = '\0';
	if (*path == '\0') {            /* "#id" in this page */
		if (frag != NULL && *frag != '\0' &&
		    !strset_has(&pg->ids, frag))
			ok = fail(p, pg, a, href,
			    "not found: no heading or element with this id on "
			    "the page");
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
		if (url_normalise(rel))
			to = by_rel(p, pg->lang, rel);
		if (to == NULL && project_is_draft(p, pg->lang, rel))
			ok = fail(p, pg, a, href, "is a draft (draft = true), "
			    "left out of this build: `pactkit build --drafts` "
			    "includes it");
		else if (to == NULL) {
			char *want = xasprintf("content/%s/%s.md",
			    p->site.langs[pg->lang], rel);

			ok = fail(p, pg, a, href, "not found");
			diag(p->build->diag, DIAG_NOTE, pg->src, 0, 0,
			    "expected the file %s",
			    want);
			free(want);
		}
		free(rel);
	} else if (path[0] == '/') {
		rel = xstrdup(path + 1);
		if (url_normalise(rel)) {
			char *u = xasprintf("%s/", rel);

			to = by_url(p, *rel ? u : "");
			free(u);
			if (to == NULL && (strncmp(rel, "assets/", 7) == 0 ||
			    strncmp(rel, "pdf/", 4) == 0)) {
				char *r = url_relative(pg->url, rel,
				    p->site.index_links);

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
		if (to == NULL) {
			char *u = xasprintf("%s/", rel);

			if (project_is_draft(p, pg->lang, u))
				ok = fail(p, pg, a, href, "is a draft (draft = "
				    "true), left out of this build: `pactkit "
				    "build --drafts` includes it");
			else
				ok = fail(p, pg, a, href, "not found: no page "
				    "has this path in the built site");
			free(u);
		}
		free(rel);
	} else {
		/* a file beside the page (assets.c), else left to the author */
		free(path);
		return assets_resolve(p, pg, a, "href") != 0;
	}
	if (to != NULL) {
		char *r = url_relative(pg->url, to->url, p->site.index_links);

		if (frag != NULL && *frag != '\0') {
			char *full;

			if (!to->done) {
				struct later *l;

				struct links *lk = p->build->links;

				lk->later = xrealloc(lk->later, (lk->n + 1) *
				    sizeof(*lk->later));
				l = &lk->later[lk->n++];
				l->from = pg;
				l->to = to;
				l->href = xstrdup(href);
				l->frag = xstrdup(frag);
				tree_pos(a, &l->line, &l->col);
			} else if (!strset_has(&to->ids, frag))
				ok = fail(p, pg, a, href,
				    "not found: the page has no heading with "
				    "this id");
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
			statements_saw(p, pg, c);
		} else if (xmlStrcmp(c->name, (const xmlChar *)"form") == 0)
			statements_saw(p, pg, c);
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
links_finish(struct project *p)
{
	struct links *lk = p->build->links;
	size_t i;
	int ok = 1;

	for (i = 0; i < lk->n; i++) {
		struct later *l = &lk->later[i];

		/* a page that failed to build has said so already */
		if (l->to->done && !strset_has(&l->to->ids, l->frag)) {
			diag(p->build->diag, DIAG_ERROR, l->from->src, l->line,
			    l->col,
			    "link target '%s' not found: the page has no "
			    "heading with this id", l->href);
			ok = 0;
		}
		free(l->href);
		free(l->frag);
	}
	free(lk->later);
	lk->later = NULL;
	lk->n = 0;
	return ok;
}

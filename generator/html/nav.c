/*
 * nav.c: the site's navigation slot: the home page and its sections,
 * open on the way to the current page, a window of a long section with a
 * link to all of it.  Items that read the same on every page of a folder
 * are built and serialised once (the nav cache), linked into each page's
 * nav and out again.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/internal.h"

/* Whether pg is cur or one of its ancestors. */
static int
is_ancestor(const struct page *pg, const struct page *cur)
{
	for (; cur != NULL; cur = cur->parent)
		if (cur == pg)
			return 1;
	return 0;
}

#define NAV_MAX 30         /* a longer section shows a window of it */

/* An interface string with its "%d" replaced by n (never a printf format:
 * the string comes from the project). */
static char *
count_str(const char *tmpl, size_t n)
{
	const char *at = strstr(tmpl, "%d");

	if (at == NULL)
		return xasprintf("%s (%zu)", tmpl, n);
	return xasprintf("%.*s%zu%s", (int)(at - tmpl), tmpl, n, at + 2);
}

/* Takes the cached items out of the page that used them. */
void
nav_unlink(struct site_out *c)
{
	while (c->nnavused > 0)
		xmlUnlinkNode(c->navused[--c->nnavused]);
}

/* Forgets the cached items (another folder's).  With all, the table
 * too. */
void
nav_drop(struct site_out *c, int all)
{
	nav_unlink(c);
	while (c->nnavset > 0) {
		size_t i = c->navset[--c->nnavset];

		html_unfreeze(c->navli[i]);
		xmlFreeNode(c->navli[i]);
		c->navli[i] = NULL;
	}
	free(c->navdir);
	c->navdir = NULL;
	if (all) {
		free(c->navli);
		free(c->navset);
		free(c->navused);
	}
}

/* The item for page k in the nav of view v, when it reads the same on
 * every page of v's folder; NULL to build it for this page alone. */
static xmlNodePtr
nav_cached(struct site_out *c, const struct view *v, xmlNodePtr ul,
    struct page *k)
{
	size_t dl;
	xmlNodePtr li;

	/* relative links: the same from every page of one folder, except
	 * to the page itself and below it */
	if (c->navfresh || v->abs != NULL || v->pg == NULL || k == v->pg ||
	    strncmp(k->url, v->url, strlen(v->url)) == 0 ||
	    (k->nkids > 0 && is_ancestor(k, v->pg)))
		return NULL;
	/* the folder: the URL up to its last segment ("fr/a/b/" -> "fr/a/"),
	 * after the language (the homes "fr/" and "en/" have none) */
	dl = strlen(v->url);
	if (dl > 0 && v->url[dl - 1] == '/')
		dl--;
	while (dl > 0 && v->url[dl - 1] != '/')
		dl--;
	if (c->navli == NULL) {
		c->navli = xcalloc(c->p->npages + 1, sizeof(*c->navli));
		c->navset = xcalloc(c->p->npages + 1, sizeof(*c->navset));
	}
	if (c->navdir == NULL || c->navlang != v->lang ||
	    strncmp(c->navdir, v->url, dl) != 0 || c->navdir[dl] != '\0') {
		nav_drop(c, 0);
		c->navdir = xstrndup(v->url, dl);
		c->navlang = v->lang;
	}
	if ((li = c->navli[k->idx]) != NULL && li->parent != NULL)
		return NULL;    /* a second nav on the page */
	if ((li = c->navli[k->idx]) == NULL) {
		li = xmlNewDocNode(ul->doc, ul->ns, (const xmlChar *)"li", NULL);
		view_link(li, v, k->url, k->title);
		html_freeze(li);
		c->navli[k->idx] = li;
		c->navset[c->nnavset++] = k->idx;
	}
	if (c->nnavused == c->navcap) {
		c->navcap = c->navcap ? c->navcap * 2 : 64;
		c->navused = xrealloc(c->navused, c->navcap *
		    sizeof(*c->navused));
	}
	c->navused[c->nnavused++] = li;
	xmlAddChild(ul, li);
	return li;
}

static void
nav_list(struct site_out *c, const struct view *v, xmlNodePtr parent,
    struct page **kids, size_t n)
{
	xmlNodePtr ul = tree_el(parent, "ul"), li, a;
	size_t i, from = 0, to = n, cur = n;

	if (n > NAV_MAX) {
		/* the pages around the current one; the section page lists
		 * them all, so each page's nav stays small (linear builds) */
		for (i = 0; i < n; i++)
			if (is_ancestor(kids[i], v->pg))
				cur = i;
		from = cur == n ? 0 : cur > NAV_MAX / 2 ? cur - NAV_MAX / 2 : 0;
		to = from + NAV_MAX < n ? from + NAV_MAX : n;
		if (to == n && n > NAV_MAX)
			from = n - NAV_MAX;
	}
	for (i = from; i < to; i++) {
		struct page *k = kids[i];

		if (nav_cached(c, v, ul, k) != NULL)
			continue;
		li = tree_el(ul, "li");
		a = view_link(li, v, k->url, k->title);
		if (k == v->pg)
			tree_attr(a, "aria-current", "page");
		/* open the sections on the way to the current page only */
		if (k->nkids > 0 && is_ancestor(k, v->pg))
			nav_list(c, v, li, k->kids, k->nkids);
	}
	if (to - from < n && kids[0]->parent != NULL) {
		char *more = count_str(view_str(c, v->lang, "nav_all"), n);

		li = tree_el(ul, "li");
		a = view_link(li, v, kids[0]->parent->url, more);
		tree_attr(a, "class", "pk-nav-all");
		free(more);
	}
}

void
nav_fill(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	struct page *home = c->p->home[v->lang];
	xmlNodePtr ul, li, a;

	view_clear(slot);
	if (home == NULL)
		return;
	ul = tree_el(slot, "ul");
	li = tree_el(ul, "li");
	a = view_link(li, v, home->url, home->title);
	if (home == v->pg)
		tree_attr(a, "aria-current", "page");
	if (home->nkids > 0)
		nav_list(c, v, li, home->kids, home->nkids);
}

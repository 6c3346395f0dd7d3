/*
 * view.c: what the site writer's parts share about the page being
 * written (a view): URLs relative to it, a link, a slot's text set or
 * cleared, and the interface strings of its language.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/internal.h"

/* The URL of site path `to` from view v: relative, or (404 pages, which a
 * server shows at any depth) absolute from base_url's path. */
char *
view_href(const struct view *v, const char *to)
{
	if (v->abs != NULL)
		return xasprintf("%s%s", v->abs, to);
	return url_relative(v->url, to, v->index_html);
}

const char *
view_str(const struct site_out *c, size_t lang, const char *key)
{
	return lstr_ui(&c->p->site, lang, key);
}

xmlNodePtr
view_link(xmlNodePtr parent, const struct view *v, const char *to,
    const char *text)
{
	xmlNodePtr a = tree_el(parent, "a");
	char *r = view_href(v, to);

	tree_attr(a, "href", r);
	tree_text(a, text);
	free(r);
	return a;
}

void
view_text(xmlNodePtr n, const char *text)
{
	xmlNodePtr c;

	while ((c = n->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	tree_text(n, text);
}

void
view_clear(xmlNodePtr n)
{
	xmlNodePtr c;

	while ((c = n->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/* Leaves a slot out of this page (the template is reused). */
void
view_drop(xmlNodePtr n)
{
	view_clear(n);
	html_skip(n);
}

/*
 * template.c: the theme's page.xhtml.  Read once and checked (its slots,
 * nested slots), prepared once per language (its interface strings set,
 * its static parts serialised once), then filled page by page (merge):
 * the slots by slots.c, the page's own head elements added.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/internal.h"

int
template_load(struct site_out *c)
{
	const struct site *s = &c->p->site;
	char *local = xasprintf("%s/themes/%s", s->dir, s->theme);
	char *shared = xasprintf("%s/themes/%s", s->sharedir, s->theme);
	const xmlError *e;

	c->themedir = file_isdir(local) ? local : shared;
	free(c->themedir == local ? shared : local);
	c->tmplfile = xasprintf("%s/page.xhtml", c->themedir);
	if (!file_isfile(c->tmplfile)) {
		diag(c->p->build->diag, DIAG_ERROR, c->tmplfile, 0, 0,
		    "not found: expected the theme's page template (theme '%s' "
		    "in lua/site.lua)",
		    s->theme);
		return 0;
	}
	c->tmpl = xmlReadFile(c->tmplfile, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (c->tmpl == NULL) {
		e = xmlGetLastError();
		diag(c->p->build->diag, DIAG_ERROR, c->tmplfile,
		    e ? e->line : 0, e ? e->int2 : 0,
		    "template is not well-formed XHTML: %s",
		    e && e->message ? e->message : "parse error");
		return 0;
	}
	return 1;
}

/* Collects the elements carrying data-pk* attributes, in document order. */
static void
collect(xmlNodePtr n, xmlNodePtr **list, size_t *len, size_t *cap)
{
	xmlNodePtr k;
	xmlAttrPtr a;

	for (k = n; k != NULL; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		for (a = k->properties; a != NULL; a = a->next)
			if (xmlStrncmp(a->name, (const xmlChar *)"data-pk", 7) == 0)
				break;
		if (a != NULL) {
			if (*len == *cap) {
				*cap = *cap ? *cap * 2 : 32;
				*list = xrealloc(*list, *cap * sizeof(**list));
			}
			(*list)[(*len)++] = k;
		}
		collect(k->children, list, len, cap);
	}
}

static xmlNodePtr
head_of(xmlNodePtr html)
{
	xmlNodePtr head;

	for (head = html->children; head != NULL; head = head->next)
		if (head->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(head->name, (const xmlChar *)"head") == 0)
			break;
	return head;
}

/* The page's own head elements, removed again after it is written. */
static void
add_head(struct site_out *c, const struct view *v, xmlNodePtr html)
{
	const struct site *s = &c->p->site;
	xmlNodePtr head = head_of(html), e;
	size_t l;

	if (head == NULL)
		return;
	if (v->pg != NULL && v->pg->description != NULL) {
		e = c->added[c->nadded++] = tree_el(head, "meta");
		tree_attr(e, "name", "description");
		tree_attr(e, "content", v->pg->description);
	}
	if (v->pg == NULL)
		return;
	for (l = 0; l < s->nlangs; l++) {
		struct page *t = v->pg->trans[l];
		char *r;

		if (t == NULL)
			continue;
		e = c->added[c->nadded++] = tree_el(head, "link");
		tree_attr(e, "rel", "alternate");
		tree_attr(e, "hreflang", s->langs[l]);
		r = view_href(v, t->url);
		tree_attr(e, "href", r);
		free(r);
	}
}

/* Whether e is filled page by page (its text slots are filled once). */
static int
dynamic(xmlNodePtr e)
{
	return tree_get_attr(e, "data-pk") != NULL ||
	    tree_get_attr(e, "data-pk-href") != NULL ||
	    tree_get_attr(e, "data-pk-src") != NULL;
}

/* Whether e lies inside a slot whose content is replaced page by page
 * (all but "search", which only gets an attribute). */
static int
inside_slot(xmlNodePtr e)
{
	for (e = e->parent; e != NULL && e->type == XML_ELEMENT_NODE;
	    e = e->parent) {
		const char *slot = tree_get_attr(e, "data-pk");

		if (slot != NULL && strcmp(slot, "search") != 0)
			return 1;
	}
	return 0;
}

/* Serialises once each element of the prepared template with nothing
 * filled per page inside it; returns whether n holds such an element. */
static int
freeze(xmlNodePtr n)
{
	xmlNodePtr k;
	int dyn = 0;

	/* a slot's children are replaced page by page: left as they are */
	if (n->type == XML_ELEMENT_NODE && tree_get_attr(n, "data-pk") != NULL)
		return 1;
	for (k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE && freeze(k))
			dyn = 1;
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	dyn |= dynamic(n) || xmlStrcmp(n->name, (const xmlChar *)"head") == 0;
	if (!dyn && n->parent != NULL && n->parent->type == XML_ELEMENT_NODE)
		html_freeze(n);
	return dyn;
}

/* The template for one language: a copy with its language, its
 * interface strings and its static parts set once. */
void
template_prepare(struct site_out *c, size_t lang)
{
	const struct site *s = &c->p->site;
	xmlDocPtr doc = xmlCopyDoc(c->tmpl, 1);
	xmlNodePtr root = xmlDocGetRootElement(doc), *list = NULL;
	size_t n = 0, cap = 0, i, nd = 0;

	tree_attr(root, "lang", s->langs[lang]);
	tree_attr(root, "dir", "ltr");
	xmlUnsetProp(root, (const xmlChar *)"xml:lang");
	collect(root, &list, &n, &cap);
	for (i = 0; i < n; i++) {
		const char *key = tree_get_attr(list[i], "data-pk-text");
		const char *slot = tree_get_attr(list[i], "data-pk");

		if (key != NULL)
			view_text(list[i], view_str(c, lang, key));
		if (dynamic(list[i]) && inside_slot(list[i])) {
			if (c->p->lang_only <= 0 && lang == 0)
				diag(c->p->build->diag, DIAG_WARN, c->tmplfile,
				    (int)xmlGetLineNo(list[i]), 0, "a data-pk "
				    "slot or link inside another slot is left "
				    "as it is (the outer slot's content "
				    "replaces it)");
			continue;
		}
		if (dynamic(list[i]))
			list[nd++] = list[i];
		if (slot != NULL && c->p->lang_only <= 0 && lang == 0 &&
		    !slots_known(slot))
			diag(c->p->build->diag, DIAG_WARN, c->tmplfile,
			    (int)xmlGetLineNo(list[i]),
			    0, "unknown slot data-pk=\"%s\" left empty", slot);
	}
	freeze(root);
	c->prep[lang] = doc;
	c->dyn[lang] = list;
	c->ndyn[lang] = nd;
}

/* Fills the prepared template of v's language with view v; returns it. */
xmlDocPtr
template_merge(struct site_out *c, const struct view *v)
{
	xmlNodePtr root;
	size_t i;

	if (c->prep[v->lang] == NULL)
		template_prepare(c, v->lang);
	root = xmlDocGetRootElement(c->prep[v->lang]);
	/* the shared nav items leave the page before: a second nav slot
	 * must find those of the first in place (and build its own) */
	nav_unlink(c);
	add_head(c, v, root);
	for (i = 0; i < c->ndyn[v->lang]; i++) {
		xmlNodePtr e = c->dyn[v->lang][i];
		const char *slot = tree_get_attr(e, "data-pk");
		const char *href = tree_get_attr(e, "data-pk-href");
		const char *src = tree_get_attr(e, "data-pk-src");

		html_unskip(e);
		if (href != NULL || src != NULL) {
			char *asset = xasprintf("assets/%s", href ? href : src);
			char *r = view_href(v, asset);

			tree_attr(e, href ? "href" : "src", r);
			free(r);
			free(asset);
		}
		if (slot == NULL)
			continue;
		slots_fill(c, v, e, slot);
	}
	return c->prep[v->lang];
}

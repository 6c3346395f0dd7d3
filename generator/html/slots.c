/*
 * slots.c: what fills each slot of a theme's template (data-pk="NAME"):
 * the titles, the page's content, the language switch, the navigation
 * (nav.c), the breadcrumb, the contents of a long page, its dates and
 * translations, its PDFs, previous and next, the search box.  One table
 * names them: the template's check and the merge read the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/internal.h"

static void
fill_lang_switch(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	xmlNodePtr ul, li, a;
	size_t l;

	view_clear(slot);
	ul = tree_el(slot, "ul");
	tree_attr(ul, "class", "pk-lang-switch");
	for (l = 0; l < s->nlangs; l++) {
		const char *name = view_str(c, l, "language_name");
		struct page *to = v->pg != NULL ? v->pg->trans[l] : NULL;

		li = tree_el(ul, "li");
		if (l == v->lang) {
			xmlNodePtr sp = tree_el_text(li, "span", name);

			tree_attr(sp, "aria-current", "true");
			tree_attr(sp, "lang", s->langs[l]);
			continue;
		}
		if (to != NULL || v->pg == NULL) {
			char *u = to != NULL ? xstrdup(to->url) :
			    xasprintf("%s/", s->langs[l]);

			a = view_link(li, v, u, name);
			free(u);
		} else {
			char *u = xasprintf("%s/", s->langs[l]);

			a = view_link(li, v, u, name);
			tree_attr(a, "class", "pk-untranslated");
			free(u);
			tree_text(a, " ");
			xmlNodePtr note = tree_el_text(a, "span", "");

			tree_attr(note, "class", "pk-untranslated-note");
			{
				struct buf b = { 0 };

				buf_printf(&b, "(%s)",
				    view_str(c, l, "not_translated"));
				view_text(note, b.data);
				buf_free(&b);
			}
		}
		tree_attr(a, "hreflang", s->langs[l]);
		tree_attr(a, "lang", s->langs[l]);
	}
}

static void
fill_breadcrumb(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	struct page *chain[64];
	size_t n = 0, i;
	struct page *q;
	xmlNodePtr ol, li;

	if (v->pg == NULL || v->pg->parent == NULL) {
		view_drop(slot);
		return;
	}
	for (q = v->pg; q != NULL && n < 64; q = q->parent)
		chain[n++] = q;
	view_clear(slot);
	ol = tree_el(slot, "ol");
	for (i = n; i-- > 0;) {
		li = tree_el(ol, "li");
		if (i == 0) {
			xmlNodePtr sp = tree_el_text(li, "span", chain[i]->title);

			tree_attr(sp, "aria-current", "page");
		} else
			/* the home page is "Home": its title is the site's,
			 * in the header already, and long on a phone */
			view_link(li, v, chain[i]->url, chain[i]->parent ==
			    NULL ? view_str(c, v->lang, "home") :
			    chain[i]->title);
	}
}

static void
toc_collect(xmlNodePtr n, xmlNodePtr *hs, size_t *nh, size_t max)
{
	xmlNodePtr k;

	for (k = n->children; k != NULL && *nh < max; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if ((xmlStrcmp(k->name, (const xmlChar *)"h2") == 0 ||
		    xmlStrcmp(k->name, (const xmlChar *)"h3") == 0) &&
		    tree_get_attr(k, "id") != NULL)
			hs[(*nh)++] = k;
		else if (xmlStrcmp(k->name, (const xmlChar *)"section") == 0 ||
		    xmlStrcmp(k->name, (const xmlChar *)"div") == 0)
			toc_collect(k, hs, nh, max);
	}
}

/* The number a heading's text starts with ("12. Budget": 12, and the
 * text after it in *rest), or 0. */
static long
heading_number(const char *t, const char **rest)
{
	const char *p = t;
	long n;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p == t || p - t > 6 || p[0] != '.' || p[1] != ' ')
		return 0;
	n = strtol(t, NULL, 10);
	*rest = p + 2;
	return n;
}

/* A list of the contents whose headings all carry their number (a MoU's
 * articles, "1. Parties"): the list gives each item that number, and
 * the links the text after it, so the number is shown once. */
static void
toc_numbers(xmlNodePtr ol)
{
	xmlNodePtr li, a, sub;
	const char *rest;
	int all = ol->children != NULL;

	for (li = ol->children; li != NULL; li = li->next) {
		char *t;

		if ((a = li->children) == NULL)
			continue;
		t = tree_text_content(a);
		all &= heading_number(t, &rest) > 0;
		free(t);
		for (sub = a->next; sub != NULL; sub = sub->next)
			if (sub->type == XML_ELEMENT_NODE)
				toc_numbers(sub);
	}
	if (!all)
		return;
	for (li = ol->children; li != NULL; li = li->next) {
		char *t = tree_text_content(li->children), num[24], *keep;
		long n = heading_number(t, &rest);

		keep = xstrdup(rest);
		snprintf(num, sizeof(num), "%ld", n);
		tree_attr(li, "value", num);
		xmlNodeSetContent(li->children, NULL);
		tree_text(li->children, keep);
		free(keep);
		free(t);
	}
}

static void
fill_toc(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	xmlNodePtr hs[512], ol, sub = NULL, li = NULL, a, h, fold;
	size_t nh = 0, i;

	if (v->pg != NULL && v->pg->doc != NULL)
		toc_collect(xmlDocGetRootElement(v->pg->doc), hs, &nh, 512);
	if (nh < 2) {
		view_drop(slot);
		return;
	}
	view_clear(slot);
	/* a title on wide screens, a button that folds the list on small
	 * ones (pactkit.css shows one or the other) */
	h = tree_el_text(slot, "h2", view_str(c, v->lang, "contents"));
	tree_attr(h, "class", "pk-toc-title");
	fold = tree_el(slot, "details");
	tree_attr(fold, "class", "pk-toc-fold");
	tree_el_text(fold, "summary", view_str(c, v->lang, "contents"));
	ol = tree_el(fold, "ol");
	for (i = 0; i < nh; i++) {
		char *text = tree_text_content(hs[i]);
		char *href = xasprintf("#%s", tree_get_attr(hs[i], "id"));
		xmlNodePtr into;

		if (hs[i]->name[1] == '3' && li != NULL) {
			if (sub == NULL)
				sub = tree_el(li, "ol");
			into = sub;
		} else {
			into = ol;
			sub = NULL;
		}
		{
			xmlNodePtr item = tree_el(into, "li");

			if (into == ol)
				li = item;
			a = tree_el_text(item, "a", text);
			tree_attr(a, "href", href);
		}
		free(href);
		free(text);
	}
	toc_numbers(ol);
}

static void
fill_meta(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	struct buf b = { 0 };
	xmlNodePtr para;
	size_t l, nalso = 0;

	view_clear(slot);
	if (v->pg == NULL) {
		view_drop(slot);
		return;
	}
	if (v->pg->updated != NULL &&
	    format_date(&b, s->langs[v->lang], v->pg->updated)) {
		char *d = buf_detach(&b);
		xmlNodePtr t;

		para = tree_el(slot, "p");
		tree_attr(para, "class", "pk-updated");
		tree_text(para, view_str(c, v->lang, "updated"));
		tree_text(para, " ");
		t = tree_el_text(para, "time", d);
		tree_attr(t, "datetime", v->pg->updated);
		free(d);
	}
	for (l = 0; l < s->nlangs; l++)
		nalso += l != v->lang && v->pg->trans[l] != NULL;
	if (nalso > 0) {
		para = tree_el(slot, "p");
		tree_attr(para, "class", "pk-also");
		buf_reset(&b);
		typo_text(&b, view_str(c, v->lang, "also_available"),
		    s->langs[v->lang]);
		tree_text(para, b.data);
		buf_reset(&b);
		typo_text(&b, " :", s->langs[v->lang]);
		tree_text(para, strncmp(s->langs[v->lang], "fr", 2) == 0 ?
		    b.data : ":");
		for (l = 0; l < s->nlangs; l++) {
			xmlNodePtr a;

			if (l == v->lang || v->pg->trans[l] == NULL)
				continue;
			tree_text(para, " ");
			a = view_link(para, v, v->pg->trans[l]->url,
			    view_str(c, l, "language_name"));
			tree_attr(a, "hreflang", s->langs[l]);
			tree_attr(a, "lang", s->langs[l]);
		}
	}
	buf_free(&b);
	if (slot->children == NULL)
		view_drop(slot);
}

/* ": " before a title; French puts a no-break space before the colon. */
static const char *
colon(const char *lang)
{
	return strncmp(lang, "fr", 2) == 0 && (lang[2] == '\0' ||
	    lang[2] == '-') ? "\xc2\xa0: " : ": ";
}

static void
fill_prevnext(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	struct page *pr = v->pg ? v->pg->prev : NULL;
	struct page *nx = v->pg ? v->pg->next : NULL;
	xmlNodePtr a;
	char *t;

	if (pr == NULL && nx == NULL) {
		view_drop(slot);
		return;
	}
	view_clear(slot);
	if (pr != NULL) {
		t = xasprintf("← %s%s%s", view_str(c, v->lang, "previous"),
		    colon(c->p->site.langs[v->lang]), pr->title);
		a = view_link(slot, v, pr->url, "");
		{
			struct buf b = { 0 };

			typo_text(&b, t, c->p->site.langs[v->lang]);
			view_text(a,
			    strncmp(c->p->site.langs[v->lang], "fr", 2) ?
			    t + 0 : b.data);
			buf_free(&b);
		}
		tree_attr(a, "rel", "prev");
		tree_attr(a, "class", "pk-prev");
		free(t);
	}
	if (nx != NULL) {
		t = xasprintf("%s%s%s →", view_str(c, v->lang, "next"),
		    colon(c->p->site.langs[v->lang]), nx->title);
		a = view_link(slot, v, nx->url, "");
		{
			struct buf b = { 0 };

			typo_text(&b, t, c->p->site.langs[v->lang]);
			view_text(a, b.data);
			buf_free(&b);
		}
		tree_attr(a, "rel", "next");
		tree_attr(a, "class", "pk-next");
		free(t);
	}
}

/* A section page lists its pages after its own text. */
static void
append_children(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	xmlNodePtr nav, h, ul;
	size_t i;

	if (v->pg == NULL || v->pg->nkids == 0)
		return;
	nav = tree_el(slot, "nav");
	tree_attr(nav, "class", "pk-section-pages");
	tree_attr(nav, "aria-labelledby", "pk-section-pages");
	h = tree_el_text(nav, "h2", view_str(c, v->lang, "in_this_section"));
	tree_attr(h, "id", "pk-section-pages");
	ul = tree_el(nav, "ul");
	tree_attr(ul, "class", "pk-children");
	for (i = 0; i < v->pg->nkids; i++) {
		struct page *k = v->pg->kids[i];
		xmlNodePtr li = tree_el(ul, "li");

		view_link(li, v, k->url, k->title);
		if (k->description != NULL) {
			tree_text(li, " – ");
			tree_text(li, k->description);
		}
	}
}

static void
fill_content(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	view_clear(slot);
	c->slot = slot;         /* serialised from the page, not copied */
	c->body = v->body;
	append_children(c, v, slot);
}

static void
fill_title(struct site_out *c, const struct view *v, xmlNodePtr e)
{
	const struct site *s = &c->p->site;
	char *t = v->pg != NULL && v->pg->parent != NULL ?
	    xasprintf("%s – %s", v->title, lstr_get(&s->title, v->lang)) :
	    xstrdup(v->title);

	view_text(e, t);
	free(t);
}

static void
fill_page_title(struct site_out *c, const struct view *v, xmlNodePtr e)
{
	(void)c;
	view_text(e, v->title);
}

static void
fill_site_title(struct site_out *c, const struct view *v, xmlNodePtr e)
{
	const struct site *s = &c->p->site;
	char *home = xasprintf("%s/", s->langs[v->lang]);
	char *r = view_href(v, home);

	view_text(e, lstr_get(&s->title, v->lang));
	if (xmlStrcmp(e->name, (const xmlChar *)"a") == 0)
		tree_attr(e, "href", r);
	free(r);
	free(home);
}

/* search: only an attribute, the index's URL (the slot keeps its
 * content) */
static void
fill_search(struct site_out *c, const struct view *v, xmlNodePtr e)
{
	char *idx = xasprintf("%s/search-index.json",
	    c->p->site.langs[v->lang]);
	char *r = view_href(v, idx);

	tree_attr(e, "data-pk-index", r);
	free(r);
	free(idx);
}

/* The slots a theme's template may hold (data-pk="NAME"). */
static const struct slotdef {
	const char	*name;
	void		(*fill)(struct site_out *, const struct view *,
			    xmlNodePtr);
} slots[] = {
	{ "title", fill_title },
	{ "page-title", fill_page_title },
	{ "site-title", fill_site_title },
	{ "content", fill_content },
	{ "lang-switch", fill_lang_switch },
	{ "nav", nav_fill },
	{ "breadcrumb", fill_breadcrumb },
	{ "toc", fill_toc },
	{ "meta", fill_meta },
	{ "downloads", downloads_part_of },
	{ "logo", identity_logo },
	{ "identity", identity_fill },
	{ "statements", identity_statements },
	{ "print-info", identity_print },
	{ "prevnext", fill_prevnext },
	{ "search", fill_search },
};

int
slots_known(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (strcmp(slots[i].name, name) == 0)
			return 1;
	return 0;
}

void
slots_fill(struct site_out *c, const struct view *v, xmlNodePtr e,
    const char *slot)
{
	size_t i;

	for (i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (strcmp(slots[i].name, slot) == 0) {
			slots[i].fill(c, v, e);
			return;
		}
	view_clear(e);               /* an unknown slot: left empty */
}

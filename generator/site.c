/*
 * site.c: the HTML writer's site.  Each page's document tree is merged
 * into the theme's XHTML template by walking the libxml2 DOM (data-pk-*
 * slots), then serialised by html.c.  Also writes the language choice
 * page, a 404 page and a search index per language, sitemap.xml, and
 * copies the theme's assets.
 */
#include <sys/wait.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "pactkit.h"

struct site_out {
	struct project	*p;
	xmlDocPtr	 tmpl;      /* the parsed page.xhtml */
	char		*tmplfile;  /* its path, for messages */
	char		*themedir;  /* folder holding page.xhtml and assets/ */
	const char	*out;       /* output root (temporary folder) */
	xmlNodePtr	 slot;      /* the content slot of the merged doc */
	xmlNodePtr	 body;      /* whose children go into it */
	unsigned long long *docs;   /* per page index: bit i = in site.docs[i] */
	char		*inpdf;     /* per page index: in some PDF document */
	/* The template prepared once per language (its text slots filled,
	 * its static parts serialised once), then filled page by page. */
	xmlDocPtr	 prep[PK_MAXLANG];
	xmlNodePtr	*dyn[PK_MAXLANG];   /* its elements filled per page */
	size_t		 ndyn[PK_MAXLANG];
	xmlNodePtr	 added[PK_MAXLANG + 2]; /* head nodes of this page */
	size_t		 nadded;
	/* Pages written as they are built (site_page), each tree freed
	 * once written unless a PDF needs it; else all at the end, by two
	 * processes (write_pages). */
	int		 stream;
	struct strmap	 files;     /* files beside pages copied already */
	struct buf	 search[PK_MAXLANG]; /* each language's search index */
	struct buf	 html;      /* the page being written */
	/* Navigation items that read the same on every page of one folder
	 * (a link to a page that is neither this one, nor below it, nor on
	 * its way): built once, serialised once (html_freeze), linked into
	 * each page's nav and out again. */
	xmlNodePtr	*navli;     /* per page index, or NULL */
	size_t		*navset;    /* the indexes set in navli */
	size_t		 nnavset;
	char		*navdir;    /* the folder (and language) they are for */
	size_t		 navlang;
	int		 navfresh;  /* PACTKIT_NAV_FRESH: no cache (tests) */
	xmlNodePtr	*navused;   /* linked into the current page */
	size_t		 nnavused, navcap;
};

/* What one output page is: a project page, or a generated one. */
struct view {
	struct page	*pg;        /* NULL for the language choice and 404 */
	size_t		 lang;
	const char	*url;       /* site path of this output page */
	const char	*title;
	int		 is404;
	const char	*abs;       /* site root as an absolute path, or NULL */
};

/* The URL of site path `to` from view v: relative, or (404 pages, which a
 * server shows at any depth) absolute from base_url's path. */
static char *
view_href(const struct view *v, const char *to)
{
	if (v->abs != NULL)
		return xasprintf("%s%s", v->abs, to);
	return links_relative(v->url, to);
}

static int
load_template(struct site_out *c)
{
	const struct site *s = &c->p->site;
	char *local = xasprintf("%s/themes/%s", s->dir, s->theme);
	char *shared = xasprintf("%s/themes/%s", s->sharedir, s->theme);
	const xmlError *e;

	c->themedir = util_isdir(local) ? local : shared;
	free(c->themedir == local ? shared : local);
	c->tmplfile = xasprintf("%s/page.xhtml", c->themedir);
	if (!util_isfile(c->tmplfile)) {
		diag(DIAG_ERROR, c->tmplfile, 0, 0, "not found: expected the "
		    "theme's page template (theme '%s' in lua/site.lua)",
		    s->theme);
		return 0;
	}
	c->tmpl = xmlReadFile(c->tmplfile, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (c->tmpl == NULL) {
		e = xmlGetLastError();
		diag(DIAG_ERROR, c->tmplfile, e ? e->line : 0, e ? e->int2 : 0,
		    "template is not well-formed XHTML: %s",
		    e && e->message ? e->message : "parse error");
		return 0;
	}
	return 1;
}

static const char *
str(const struct site_out *c, size_t lang, const char *key)
{
	return site_str(&c->p->site, lang, key);
}

static xmlNodePtr
link_to(xmlNodePtr parent, const struct view *v, const char *to,
    const char *text)
{
	xmlNodePtr a = tree_el(parent, "a");
	char *r = view_href(v, to);

	tree_attr(a, "href", r);
	tree_text(a, text);
	free(r);
	return a;
}

static void
set_text(xmlNodePtr n, const char *text)
{
	xmlNodePtr c;

	while ((c = n->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	tree_text(n, text);
}

static void
clear(xmlNodePtr n)
{
	xmlNodePtr c;

	while ((c = n->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/* Leaves a slot out of this page (the template is reused). */
static void
drop(xmlNodePtr n)
{
	clear(n);
	html_skip(n);
}

static void
fill_lang_switch(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	xmlNodePtr ul, li, a;
	size_t l;

	clear(slot);
	ul = tree_el(slot, "ul");
	tree_attr(ul, "class", "pk-lang-switch");
	for (l = 0; l < s->nlangs; l++) {
		const char *name = str(c, l, "language_name");
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

			a = link_to(li, v, u, name);
			free(u);
		} else {
			char *u = xasprintf("%s/", s->langs[l]);

			a = link_to(li, v, u, name);
			tree_attr(a, "class", "pk-untranslated");
			free(u);
			tree_text(a, " ");
			xmlNodePtr note = tree_el_text(a, "span", "");

			tree_attr(note, "class", "pk-untranslated-note");
			{
				struct buf b = { 0 };

				buf_printf(&b, "(%s)",
				    str(c, l, "not_translated"));
				set_text(note, b.data);
				buf_free(&b);
			}
		}
		tree_attr(a, "hreflang", s->langs[l]);
		tree_attr(a, "lang", s->langs[l]);
	}
}

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
static void
nav_unlink(struct site_out *c)
{
	while (c->nnavused > 0)
		xmlUnlinkNode(c->navused[--c->nnavused]);
}

/* Forgets the cached items (another folder's).  With all, the table
 * too. */
static void
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
		link_to(li, v, k->url, k->title);
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
		a = link_to(li, v, k->url, k->title);
		if (k == v->pg)
			tree_attr(a, "aria-current", "page");
		/* open the sections on the way to the current page only */
		if (k->nkids > 0 && is_ancestor(k, v->pg))
			nav_list(c, v, li, k->kids, k->nkids);
	}
	if (to - from < n && kids[0]->parent != NULL) {
		char *more = count_str(str(c, v->lang, "nav_all"), n);

		li = tree_el(ul, "li");
		a = link_to(li, v, kids[0]->parent->url, more);
		tree_attr(a, "class", "pk-nav-all");
		free(more);
	}
}

static void
fill_nav(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	struct page *home = c->p->home[v->lang];
	xmlNodePtr ul, li, a;

	clear(slot);
	if (home == NULL)
		return;
	ul = tree_el(slot, "ul");
	li = tree_el(ul, "li");
	a = link_to(li, v, home->url, home->title);
	if (home == v->pg)
		tree_attr(a, "aria-current", "page");
	if (home->nkids > 0)
		nav_list(c, v, li, home->kids, home->nkids);
}

static void
fill_breadcrumb(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	struct page *chain[64];
	size_t n = 0, i;
	struct page *q;
	xmlNodePtr ol, li;

	if (v->pg == NULL || v->pg->parent == NULL) {
		drop(slot);
		return;
	}
	for (q = v->pg; q != NULL && n < 64; q = q->parent)
		chain[n++] = q;
	clear(slot);
	ol = tree_el(slot, "ol");
	for (i = n; i-- > 0;) {
		li = tree_el(ol, "li");
		if (i == 0) {
			xmlNodePtr sp = tree_el_text(li, "span", chain[i]->title);

			tree_attr(sp, "aria-current", "page");
		} else
			link_to(li, v, chain[i]->url, chain[i]->title);
	}
	(void)c;
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

static void
fill_toc(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	xmlNodePtr hs[512], ol, sub = NULL, li = NULL, a;
	size_t nh = 0, i;

	if (v->pg != NULL && v->pg->doc != NULL)
		toc_collect(xmlDocGetRootElement(v->pg->doc), hs, &nh, 512);
	if (nh < 2) {
		drop(slot);
		return;
	}
	clear(slot);
	tree_el_text(slot, "h2", str(c, v->lang, "contents"));
	ol = tree_el(slot, "ol");
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
}

static void
fill_meta(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	struct buf b = { 0 };
	xmlNodePtr para;
	size_t l, nalso = 0;

	clear(slot);
	if (v->pg == NULL) {
		drop(slot);
		return;
	}
	if (v->pg->updated != NULL &&
	    format_date(&b, s->langs[v->lang], v->pg->updated)) {
		char *d = buf_detach(&b);
		xmlNodePtr t;

		para = tree_el(slot, "p");
		tree_attr(para, "class", "pk-updated");
		tree_text(para, str(c, v->lang, "updated"));
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
		typo_text(&b, str(c, v->lang, "also_available"),
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
			a = link_to(para, v, v->pg->trans[l]->url,
			    str(c, l, "language_name"));
			tree_attr(a, "hreflang", s->langs[l]);
			tree_attr(a, "lang", s->langs[l]);
		}
	}
	buf_free(&b);
	if (slot->children == NULL)
		drop(slot);
}

static void
fill_downloads(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	unsigned long long mask;
	xmlNodePtr ul = NULL;
	size_t i;

	if (v->pg == NULL || c->docs == NULL ||
	    (mask = c->docs[v->pg->idx]) == 0) {
		drop(slot);
		return;
	}
	clear(slot);
	for (i = 0; i < s->ndocs && i < 64; i++) {
		char *u, *label;
		xmlNodePtr li, a;

		if (!(mask & (1ULL << i)) || !(s->docs[i].formats & DOC_PDF))
			continue;
		if (ul == NULL) {
			ul = tree_el(slot, "ul");
			tree_attr(ul, "class", "pk-downloads");
		}
		li = tree_el(ul, "li");
		u = xasprintf("pdf/%s/%s.pdf", s->langs[v->lang], s->docs[i].id);
		label = xasprintf("%s – %s", str(c, v->lang,
		    "download_pdf"), lstr_get(&s->docs[i].title, v->lang));
		a = link_to(li, v, u, label);
		tree_attr(a, "type", "application/pdf");
		free(label);
		free(u);
	}
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
		drop(slot);
		return;
	}
	clear(slot);
	if (pr != NULL) {
		t = xasprintf("← %s%s%s", str(c, v->lang, "previous"),
		    colon(c->p->site.langs[v->lang]), pr->title);
		a = link_to(slot, v, pr->url, "");
		{
			struct buf b = { 0 };

			typo_text(&b, t, c->p->site.langs[v->lang]);
			set_text(a, strncmp(c->p->site.langs[v->lang], "fr", 2) ?
			    t + 0 : b.data);
			buf_free(&b);
		}
		tree_attr(a, "rel", "prev");
		tree_attr(a, "class", "pk-prev");
		free(t);
	}
	if (nx != NULL) {
		t = xasprintf("%s%s%s →", str(c, v->lang, "next"),
		    colon(c->p->site.langs[v->lang]), nx->title);
		a = link_to(slot, v, nx->url, "");
		{
			struct buf b = { 0 };

			typo_text(&b, t, c->p->site.langs[v->lang]);
			set_text(a, b.data);
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
	h = tree_el_text(nav, "h2", str(c, v->lang, "in_this_section"));
	tree_attr(h, "id", "pk-section-pages");
	ul = tree_el(nav, "ul");
	tree_attr(ul, "class", "pk-children");
	for (i = 0; i < v->pg->nkids; i++) {
		struct page *k = v->pg->kids[i];
		xmlNodePtr li = tree_el(ul, "li");

		link_to(li, v, k->url, k->title);
		if (k->description != NULL) {
			tree_text(li, " – ");
			tree_text(li, k->description);
		}
	}
}

static void
fill_content(struct site_out *c, const struct view *v, xmlNodePtr slot,
    xmlNodePtr body)
{
	clear(slot);
	c->slot = slot;         /* serialised from body, not copied */
	c->body = body;
	append_children(c, v, slot);
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
static void
prepare(struct site_out *c, size_t lang)
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
			set_text(list[i], str(c, lang, key));
		if (dynamic(list[i]) && inside_slot(list[i])) {
			if (c->p->lang_only <= 0 && lang == 0)
				diag(DIAG_WARN, c->tmplfile,
				    (int)xmlGetLineNo(list[i]), 0, "a data-pk "
				    "slot or link inside another slot is left "
				    "as it is (the outer slot's content "
				    "replaces it)");
			continue;
		}
		if (dynamic(list[i]))
			list[nd++] = list[i];
		if (slot != NULL && c->p->lang_only <= 0 && lang == 0 &&
		    strcmp(slot, "title") != 0 &&
		    strcmp(slot, "page-title") != 0 &&
		    strcmp(slot, "site-title") != 0 &&
		    strcmp(slot, "content") != 0 &&
		    strcmp(slot, "lang-switch") != 0 &&
		    strcmp(slot, "nav") != 0 &&
		    strcmp(slot, "breadcrumb") != 0 &&
		    strcmp(slot, "toc") != 0 && strcmp(slot, "meta") != 0 &&
		    strcmp(slot, "downloads") != 0 &&
		    strcmp(slot, "prevnext") != 0 &&
		    strcmp(slot, "search") != 0)
			diag(DIAG_WARN, c->tmplfile, (int)xmlGetLineNo(list[i]),
			    0, "unknown slot data-pk=\"%s\" left empty", slot);
	}
	freeze(root);
	c->prep[lang] = doc;
	c->dyn[lang] = list;
	c->ndyn[lang] = nd;
}

/* Fills the prepared template of v's language with view v; returns it. */
static xmlDocPtr
merge(struct site_out *c, const struct view *v, xmlNodePtr body)
{
	const struct site *s = &c->p->site;
	xmlNodePtr root;
	size_t i;

	if (c->prep[v->lang] == NULL)
		prepare(c, v->lang);
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
		if (strcmp(slot, "title") == 0) {
			char *t = v->pg != NULL && v->pg->parent != NULL ?
			    xasprintf("%s – %s", v->title,
			    lstr_get(&s->title, v->lang)) : xstrdup(v->title);

			set_text(e, t);
			free(t);
		} else if (strcmp(slot, "page-title") == 0)
			set_text(e, v->title);
		else if (strcmp(slot, "site-title") == 0) {
			char *home = xasprintf("%s/", s->langs[v->lang]);
			char *r = view_href(v, home);

			set_text(e, lstr_get(&s->title, v->lang));
			if (xmlStrcmp(e->name, (const xmlChar *)"a") == 0)
				tree_attr(e, "href", r);
			free(r);
			free(home);
		} else if (strcmp(slot, "content") == 0)
			fill_content(c, v, e, body);
		else if (strcmp(slot, "lang-switch") == 0)
			fill_lang_switch(c, v, e);
		else if (strcmp(slot, "nav") == 0)
			fill_nav(c, v, e);
		else if (strcmp(slot, "breadcrumb") == 0)
			fill_breadcrumb(c, v, e);
		else if (strcmp(slot, "toc") == 0)
			fill_toc(c, v, e);
		else if (strcmp(slot, "meta") == 0)
			fill_meta(c, v, e);
		else if (strcmp(slot, "downloads") == 0)
			fill_downloads(c, v, e);
		else if (strcmp(slot, "prevnext") == 0)
			fill_prevnext(c, v, e);
		else if (strcmp(slot, "search") == 0) {
			char *idx = xasprintf("%s/search-index.json",
			    s->langs[v->lang]);
			char *r = view_href(v, idx);

			tree_attr(e, "data-pk-index", r);
			free(r);
			free(idx);
		} else
			clear(e);
	}
	return c->prep[v->lang];
}

static int
write_doc(struct site_out *c, xmlDocPtr doc, const char *url, const char *name)
{
	struct buf *b = &c->html;     /* one buffer, reused page after page */
	char *path = xasprintf("%s/site/%s%s", c->out, url, name);
	int ok;

	buf_puts(b, "<!DOCTYPE html>\n");
	html_node_slot(b, xmlDocGetRootElement(doc), c->slot, c->body);
	c->slot = c->body = NULL;
	while (c->nadded > 0) {
		xmlNodePtr e = c->added[--c->nadded];

		xmlUnlinkNode(e);
		xmlFreeNode(e);
	}
	ok = util_writefile(path, b->data, b->len);
	free(path);
	buf_reset(b);
	return ok;
}

/* Text as the inside of a JSON string (no quotes). */
static void
json_run(struct buf *b, const char *s, size_t len)
{
	const char *run = s, *end = s + len;

	for (; s < end; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != '<')
			continue;       /* copied with its run */
		buf_put(b, run, (size_t)(s - run));
		run = s + 1;
		if (ch == '"' || ch == '\\')
			buf_printf(b, "\\%c", ch);
		else if (ch == '\n' || ch == '\t' || ch == '\r')
			buf_putc(b, ' ');
		else if (ch == '<')
			buf_puts(b, "\\u003c");
		else
			buf_printf(b, "\\u%04x", ch);
	}
	buf_put(b, run, (size_t)(s - run));
}

static void
json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	json_run(b, s, strlen(s));
	buf_putc(b, '"');
}

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* The high bit of each byte of x that is below n (n <= 128), and maybe
 * of some bytes after such a one: never fewer. */
static uint64_t
below(uint64_t x, unsigned n)
{
	return (x - ONES * n) & ~x & HIGH;
}

/* Whether the 8 bytes at s are copied to the search text as they are:
 * no control byte, '"', '\\' or '<', no two spaces in a row, and no
 * space last (what follows it decides). */
static int
plain8(const char *s)
{
	uint64_t w, sp;

	memcpy(&w, s, 8);
	if (below(w, 0x20) | below(w ^ (ONES * '"'), 1) |
	    below(w ^ (ONES * '\\'), 1) | below(w ^ (ONES * '<'), 1))
		return 0;
	sp = below(w ^ (ONES * ' '), 1);
	return (sp & (sp << 8)) == 0 && s[7] != ' ';
}

/* The text of n for the search index, as the inside of a JSON string,
 * whitespace collapsed, in one pass; *sp: 0 before the first word, 1 a
 * space owed before the next, 2 inside a word. */
static void
plain(struct buf *b, xmlNodePtr n, int *sp)
{
	/* 0 copied, 1 whitespace, 2 escaped, 3 the end */
	static const unsigned char cls[256] = {
		[0] = 3, [1] = 2, [2] = 2, [3] = 2, [4] = 2, [5] = 2, [6] = 2,
		[7] = 2, [8] = 2, ['\t'] = 1, ['\n'] = 1, [11] = 2, [12] = 2,
		['\r'] = 1, [14] = 2, [15] = 2, [16] = 2, [17] = 2, [18] = 2,
		[19] = 2, [20] = 2, [21] = 2, [22] = 2, [23] = 2, [24] = 2,
		[25] = 2, [26] = 2, [27] = 2, [28] = 2, [29] = 2, [30] = 2,
		[31] = 2, [' '] = 1, ['"'] = 2, ['\\'] = 2, ['<'] = 2,
	};
	xmlNodePtr k;

	for (k = n->children; k != NULL; k = k->next) {
		const char *t, *run, *end;

		if (k->type == XML_ELEMENT_NODE) {
			/* blocks are apart even with no space between them */
			int inl = tree_is_inline(k);

			if (!inl)
				*sp = *sp != 0;
			plain(b, k, sp);
			if (!inl)
				*sp = *sp != 0;
			continue;
		}
		if (k->type != XML_TEXT_NODE && k->type != XML_CDATA_SECTION_NODE)
			continue;
		end = (const char *)k->content + strlen((const char *)k->content);
		for (t = (const char *)k->content;;) {
			unsigned char kind = cls[(unsigned char)*t];

			if (kind == 1) {                /* whitespace */
				do
					t++;
				while (cls[(unsigned char)*t] == 1);
				*sp = *sp != 0;
				continue;
			}
			if (kind == 3)                  /* the end */
				break;
			if (*sp == 1)
				buf_putc(b, ' ');
			*sp = 2;
			if (kind == 2) {                /* escaped */
				unsigned char ch = (unsigned char)*t++;

				if (ch == '"' || ch == '\\')
					buf_printf(b, "\\%c", ch);
				else if (ch == '<')
					buf_puts(b, "\\u003c");
				else
					buf_printf(b, "\\u%04x", ch);
				continue;
			}
			/* a word, and the words after it with one space
			 * between (nothing to collapse there) */
			for (run = t;;) {
				if (end - t >= 8 && plain8(t))
					t += 8;
				else if (cls[(unsigned char)*t] == 0 ||
				    (*t == ' ' && cls[(unsigned char)t[1]] == 0))
					t++;
				else
					break;
			}
			buf_put(b, run, (size_t)(t - run));
		}
	}
}

/* Page pg's entry in its language's search index. */
static void
search_entry(struct site_out *c, struct page *pg)
{
	struct buf *b = &c->search[pg->lang];
	char *home = xasprintf("%s/", c->p->site.langs[pg->lang]), *u;
	int sp = 0;

	buf_puts(b, b->len == 0 ? "[\n" : ",\n");
	buf_puts(b, "{\"t\":");
	json_str(b, pg->title);
	u = links_relative(home, pg->url);
	buf_puts(b, ",\"u\":");
	json_str(b, u);
	free(u);
	free(home);
	buf_puts(b, ",\"s\":");
	json_str(b, pg->parent != NULL && pg->parent->parent != NULL ?
	    pg->parent->title : "");
	buf_puts(b, ",\"x\":\"");
	plain(b, xmlDocGetRootElement(pg->doc), &sp);
	buf_puts(b, "\"}");
}

static int
write_search(struct site_out *c, size_t lang)
{
	struct buf *b = &c->search[lang];
	char *path;
	size_t i;
	int ok;

	if (!c->stream)
		for (i = 0; i < c->p->npages; i++)
			if (c->p->pages[i]->lang == lang &&
			    c->p->pages[i]->doc != NULL)
				search_entry(c, c->p->pages[i]);
	buf_puts(b, b->len == 0 ? "[\n]\n" : "\n]\n");
	path = xasprintf("%s/site/%s/search-index.json", c->out,
	    c->p->site.langs[lang]);
	ok = util_writefile(path, b->data, b->len);
	free(path);
	buf_free(b);
	return ok;
}

static int
write_sitemap(struct site_out *c)
{
	const struct site *s = &c->p->site;
	const char *base = s->base_url != NULL ? s->base_url : "";
	struct buf b = { 0 };
	char *path;
	size_t i, l;
	int ok;

	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
	    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	for (i = 0; i < c->p->npages; i++) {
		struct page *pg = c->p->pages[i];
		xmlChar *e;

		e = xmlEncodeSpecialChars(NULL, (const xmlChar *)pg->url);
		buf_printf(&b, "<url><loc>%s%s</loc>", base, (const char *)e);
		xmlFree(e);
		for (l = 0; l < s->nlangs; l++) {
			if (pg->trans[l] == NULL)
				continue;
			e = xmlEncodeSpecialChars(NULL,
			    (const xmlChar *)pg->trans[l]->url);
			buf_printf(&b, "<xhtml:link rel=\"alternate\" "
			    "hreflang=\"%s\" href=\"%s%s\"/>", s->langs[l],
			    base, (const char *)e);
			xmlFree(e);
		}
		buf_puts(&b, "</url>\n");
	}
	buf_puts(&b, "</urlset>\n");
	path = xasprintf("%s/site/sitemap.xml", c->out);
	ok = util_writefile(path, b.data, b.len);
	free(path);
	buf_free(&b);
	return ok;
}

/* The site's root: a choice of language that works without JavaScript. */
static int
write_choice(struct site_out *c)
{
	const struct site *s = &c->p->site;
	struct view v = { 0 };
	xmlDocPtr doc, tmp;
	xmlNodePtr body, ul, li, a, ns;
	size_t l;
	int ok;

	tmp = xmlNewDoc((const xmlChar *)"1.0");
	body = xmlNewNode(NULL, (const xmlChar *)"article");
	ns = (xmlNodePtr)xmlNewNs(body, (const xmlChar *)XHTML_NS, NULL);
	xmlSetNs(body, (xmlNsPtr)ns);
	xmlDocSetRootElement(tmp, body);
	v.lang = 0;
	v.url = "";
	v.title = lstr_get(&s->title, 0);
	ul = tree_el(body, "ul");
	tree_attr(ul, "class", "pk-choose-language");
	for (l = 0; l < s->nlangs; l++) {
		char *u = xasprintf("%s/", s->langs[l]);
		struct buf t = { 0 };

		buf_printf(&t, "%s – %s", str(c, l, "language_name"),
		    lstr_get(&s->title, l));
		li = tree_el(ul, "li");
		tree_attr(li, "lang", s->langs[l]);
		a = link_to(li, &v, u, t.data);
		tree_attr(a, "hreflang", s->langs[l]);
		buf_free(&t);
		free(u);
	}
	doc = merge(c, &v, body);
	ok = write_doc(c, doc, "", "index.html");
	xmlFreeDoc(tmp);
	return ok;
}

static int
write_404(struct site_out *c, size_t lang)
{
	const struct site *s = &c->p->site;
	struct view v = { 0 };
	xmlDocPtr doc, tmp;
	xmlNodePtr body, para;
	xmlNsPtr ns;
	char *url = xasprintf("%s/", s->langs[lang]);
	int ok;

	tmp = xmlNewDoc((const xmlChar *)"1.0");
	body = xmlNewNode(NULL, (const xmlChar *)"article");
	ns = xmlNewNs(body, (const xmlChar *)XHTML_NS, NULL);
	xmlSetNs(body, ns);
	xmlDocSetRootElement(tmp, body);
	v.lang = lang;
	v.url = url;            /* 404.html sits in the language folder */
	if (s->base_url != NULL) {
		const char *p = strstr(s->base_url, "://");

		p = p != NULL ? strchr(p + 3, '/') : NULL;
		v.abs = p != NULL ? p : "/";
	}
	v.title = str(c, lang, "not_found_title");
	v.is404 = 1;
	para = tree_el(body, "p");
	tree_text(para, str(c, lang, "not_found_text"));
	tree_text(para, " ");
	link_to(para, &v, url, str(c, lang, "home"));
	doc = merge(c, &v, body);
	ok = write_doc(c, doc, url, "404.html");
	xmlFreeDoc(tmp);
	free(url);
	return ok;
}

/* Writes page pg; with index, its entry in the search index too. */
static int
write_page(struct site_out *c, struct page *pg, int index)
{
	struct view v = { 0 };
	xmlDocPtr doc;

	v.pg = pg;
	v.lang = pg->lang;
	v.url = pg->url;
	v.title = pg->title;
	doc = merge(c, &v, xmlDocGetRootElement(pg->doc));
	if (!write_doc(c, doc, pg->url, "index.html"))
		return 0;
	if (index)
		search_entry(c, pg);
	return 1;
}

/* Pages i with i % n == k. */
static int
write_some(struct site_out *c, size_t k, size_t n)
{
	size_t i;
	int ok = 1;

	for (i = k; i < c->p->npages && ok; i += n) {
		struct page *pg = c->p->pages[i];

		if (util_stop != 0)
			return 0;       /* interrupted */
		if (c->p->lang_only >= 0 && pg->lang != (size_t)c->p->lang_only)
			continue;
		ok = write_page(c, pg, 0);
	}
	return ok;
}

/* Whether the pages are written at the end by two processes: a large
 * site that no other process shares with this one. */
static int
halves(const struct site_out *c)
{
	return c->p->npages >= 400 && getenv("PACTKIT_JOBS") == NULL &&
	    c->p->lang_only < 0;
}

/* Large sites are written by two processes, one page in two each: the
 * tree is read-only by now, and a fork shares it for free. */
static int
write_pages(struct site_out *c)
{
	pid_t pid;
	int st, ok;

	if (!halves(c) || (pid = fork()) == -1)
		return write_some(c, 0, 1);
	if (pid == 0) {
		/* its files go into a list of its own (outfiles.c) */
		outfiles_forget();
		_exit(write_some(c, 1, 2) && outfiles_save("all-half") ?
		    0 : 1);
	}
	ok = write_some(c, 0, 2);
	if (util_stop != 0)
		kill(pid, SIGKILL);     /* interrupted: no need to finish */
	if (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		ok = 0;
	return ok;
}

struct site_out *
site_open(struct project *p, const char *outdir)
{
	struct site_out *c = xcalloc(1, sizeof(*c));
	size_t l, d;

	c->p = p;
	c->out = outdir;
	if (!load_template(c)) {
		site_close(c, 0);
		return NULL;
	}
	c->docs = xcalloc(p->npages + 1, sizeof(*c->docs));
	c->inpdf = xcalloc(p->npages + 1, 1);
	for (d = 0; d < p->site.ndocs; d++)
		for (l = 0; l < p->site.nlangs; l++) {
			size_t n, k;
			struct page **pages = project_doc_pages(p,
			    &p->site.docs[d], l, &n);

			for (k = 0; k < n; k++) {
				if (d < 64)
					c->docs[pages[k]->idx] |= 1ULL << d;
				c->inpdf[pages[k]->idx] = 1;
			}
			free(pages);
		}
	c->stream = !halves(c);
	c->navfresh = getenv("PACTKIT_NAV_FRESH") != NULL;
	/* room for each search index at once: about the pages' text */
	{
		size_t want[PK_MAXLANG] = { 0 }, i;

		for (i = 0; i < p->npages; i++)
			if (p->lang_only < 0 ||
			    p->pages[i]->lang == (size_t)p->lang_only)
				want[p->pages[i]->lang] += p->pages[i]->bodylen +
				    256;
		for (l = 0; l < p->site.nlangs; l++)
			if (want[l] > 0)
				buf_grow(&c->search[l], want[l]);
	}
	return c;
}

int
site_page(struct site_out *c, struct page *pg)
{
	int ok;

	if (!c->stream)
		return 1;               /* site_close writes them */
	ok = write_page(c, pg, 1) &&
	    assets_page(c->p, pg, c->out, &c->files);
	/* the tree is done with, unless a PDF lays it out; the page's
	 * memory is reused by the next one */
	if (!c->inpdf[pg->idx]) {
		xmlFreeDoc(pg->doc);
		pg->doc = NULL;
	}
	return ok;
}

int
site_close(struct site_out *c, int ok)
{
	struct project *p = c->p;
	const char *outdir = c->out;
	size_t l;

	if (!ok)
		goto out;
	if (!c->stream) {
		size_t i;

		ok = write_pages(c);
		for (i = 0; i < p->npages && ok; i++)
			if (p->lang_only < 0 ||
			    p->pages[i]->lang == (size_t)p->lang_only)
				ok = assets_page(p, p->pages[i], outdir,
				    &c->files);
	}
	for (l = 0; l < p->site.nlangs && ok; l++)
		if (p->lang_only < 0 || l == (size_t)p->lang_only)
			ok = write_search(c, l) && write_404(c, l);
	if (p->lang_only > 0)           /* the shared files are the parent's */
		goto out;
	if (ok)
		ok = write_choice(c) && write_sitemap(c);
	if (ok) {
		char *from = xasprintf("%s/assets", c->themedir);
		char *to = xasprintf("%s/site/assets", outdir);

		if (util_isdir(from))
			ok = util_copytree(from, to);
		free(from);
		free(to);
	}
out:
	nav_drop(c, 1);
	for (l = 0; l < PK_MAXLANG; l++)
		if (c->prep[l] != NULL) {
			html_unfreeze(xmlDocGetRootElement(c->prep[l]));
			xmlFreeDoc(c->prep[l]);
			free(c->dyn[l]);
		}
	if (c->tmpl != NULL)
		xmlFreeDoc(c->tmpl);
	free(c->tmplfile);
	free(c->themedir);
	free(c->docs);
	free(c->inpdf);
	strmap_free(&c->files);
	for (l = 0; l < PK_MAXLANG; l++)
		buf_free(&c->search[l]);
	buf_free(&c->html);
	free(c);
	return ok;
}

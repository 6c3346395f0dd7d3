/*
 * site.c: the HTML writer's site.  Each page's document tree is merged
 * into the theme's XHTML template by walking the libxml2 DOM (data-pk-*
 * slots), then serialised by html.c.  Also writes the language choice
 * page, a 404 page and a search index per language, sitemap.xml (with a
 * base_url), and copies the theme's assets.  A page that shows the
 * figures of a document (downloads.c) is written once the documents are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "output/out.h"
#include "doc/doc.h"
#include "html/html.h"
#include "html/internal.h"

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
	ok = out_write(c->p->build->out, path, b->data, b->len);
	free(path);
	buf_reset(b);
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
	v.index_html = s->index_links;
	v.url = "";
	v.title = lstr_get(&s->title, 0);
	ul = tree_el(body, "ul");
	tree_attr(ul, "class", "pk-choose-language");
	for (l = 0; l < s->nlangs; l++) {
		char *u = xasprintf("%s/", s->langs[l]);
		struct buf t = { 0 };

		buf_printf(&t, "%s – %s", view_str(c, l, "language_name"),
		    lstr_get(&s->title, l));
		li = tree_el(ul, "li");
		tree_attr(li, "lang", s->langs[l]);
		a = view_link(li, &v, u, t.data);
		tree_attr(a, "hreflang", s->langs[l]);
		buf_free(&t);
		free(u);
	}
	v.body = body;
	doc = template_merge(c, &v);
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
	v.index_html = s->index_links;
	v.url = url;            /* 404.html sits in the language folder */
	if (s->base_url != NULL) {
		const char *p = strstr(s->base_url, "://");

		p = p != NULL ? strchr(p + 3, '/') : NULL;
		v.abs = p != NULL ? p : "/";
	}
	v.title = view_str(c, lang, "not_found_title");
	v.is404 = 1;
	para = tree_el(body, "p");
	tree_text(para, view_str(c, lang, "not_found_text"));
	tree_text(para, " ");
	view_link(para, &v, url, view_str(c, lang, "home"));
	v.body = body;
	doc = template_merge(c, &v);
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
	xmlNodePtr panel;
	int ok;

	v.pg = pg;
	v.lang = pg->lang;
	v.index_html = c->p->site.index_links;
	v.url = pg->url;
	v.title = pg->title;
	v.body = xmlDocGetRootElement(pg->doc);
	panel = downloads_panel(c, &v);
	doc = template_merge(c, &v);
	ok = write_doc(c, doc, pg->url, "index.html");
	if (panel != NULL) {            /* the page's own text, for the index */
		xmlUnlinkNode(panel);
		xmlFreeNode(panel);
	}
	if (ok && index)
		search_entry(c, pg);
	return ok;
}

/* Whether pg waits for the documents: it shows their figures. */
static int
deferred(const struct site_out *c, const struct page *pg)
{
	return c->inpdf[pg->idx] || pg->downloads;
}

/* Pages i with i % n == k. */
static int
write_some(struct site_out *c, size_t k, size_t n)
{
	size_t i;
	int ok = 1;

	for (i = k; i < c->p->npages && ok; i += n) {
		struct page *pg = c->p->pages[i];

		if (stop_asked() != 0)
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

static int
write_odd(void *arg)
{
	return write_some(arg, 1, 2);
}

/* Large sites are written by two processes, one page in two each: the
 * tree is read-only by now, and a fork shares it for free.  The template
 * of each language is prepared first, once: its warnings are said once,
 * and what the other writer says is relayed (out_fork). */
static int
write_pages(struct site_out *c)
{
	struct out_kid kid;
	size_t l;
	int ok;

	if (!halves(c))
		return write_some(c, 0, 1);
	for (l = 0; l < c->p->site.nlangs; l++)
		if (c->prep[l] == NULL)
			template_prepare(c, l);
	if (!out_fork(c->p->build->out, "all-half", write_odd, c, &kid))
		return write_some(c, 0, 1);
	ok = write_some(c, 0, 2);
	return out_wait(c->p->build->out, &kid) && ok;
}

/* ---- files beside pages (doc/assets.c) -------------------------------- */

static int
copy_walk(const struct project *p, xmlNodePtr n, const char *prefix,
    const char *outdir, struct strmap *done)
{
	xmlNodePtr c;
	int ok = 1;

	for (c = n->children; c != NULL; c = c->next) {
		const char *f;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((f = tree_get_attr(c, DATA_PK_FILE)) != NULL &&
		    strncmp(f, prefix, strlen(prefix)) == 0 &&
		    strmap_put(done, f, NULL)) {
			/* "<dir>/content/fr/guide/img/a.png" ->
			 * "<out>/site/fr/guide/img/a.png" */
			char *to = xasprintf("%s/site/%s", outdir,
			    f + strlen(prefix));

			ok &= out_copy(p->build->out, f, to);
			free(to);
		}
		ok &= copy_walk(p, c, prefix, outdir, done);
	}
	return ok;
}

/*
 * Only the files some page references are copied, not every file under
 * content/<lang>/: a folder of pages also collects drafts, notes and
 * originals (a worksheet filled in, a photo with faces) that nobody
 * meant to publish, and the site of this toolkit must not leak them.
 */
static int
copy_files(struct project *p, struct page *pg, const char *outdir,
    struct strmap *done)
{
	char *prefix;
	int ok;

	if (pg->doc == NULL)
		return 1;
	prefix = xasprintf("%s/content/", p->site.dir);
	ok = copy_walk(p, xmlDocGetRootElement(pg->doc), prefix, outdir, done);
	free(prefix);
	return ok;
}

struct site_out *
site_open(struct project *p, const char *outdir)
{
	struct site_out *c = xcalloc(1, sizeof(*c));
	size_t l, d;

	c->p = p;
	c->out = outdir;
	if (!template_load(c)) {
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

	if (!c->stream || deferred(c, pg))
		return 1;               /* site_close writes them */
	ok = write_page(c, pg, 1) &&
	    copy_files(c->p, pg, c->out, &c->files);
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
				ok = copy_files(p, p->pages[i], outdir,
				    &c->files);
	} else {
		size_t i;

		/* the pages that waited for the documents' figures */
		for (i = 0; i < p->npages && ok; i++) {
			struct page *pg = p->pages[i];

			if (stop_asked() != 0)
				ok = 0;
			else if ((p->lang_only < 0 ||
			    pg->lang == (size_t)p->lang_only) &&
			    pg->doc != NULL && deferred(c, pg))
				ok = write_page(c, pg, 1) &&
				    copy_files(p, pg, outdir, &c->files);
		}
	}
	for (l = 0; l < p->site.nlangs && ok; l++)
		if (p->lang_only < 0 || l == (size_t)p->lang_only)
			ok = search_write(c, l) && write_404(c, l);
	if (p->lang_only > 0)           /* the shared files are the parent's */
		goto out;
	if (ok)
		ok = write_choice(c) && (p->site.base_url == NULL ||
		    search_sitemap(c));
	if (ok) {
		char *from = xasprintf("%s/assets", c->themedir);
		char *to = xasprintf("%s/site/assets", outdir);

		if (file_isdir(from))
			ok = out_copytree(c->p->build->out, from, to);
		free(from);
		free(to);
		ok = ok && identity_files(c);
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
	free(c->figs);
	strmap_free(&c->files);
	for (l = 0; l < PK_MAXLANG; l++)
		buf_free(&c->search[l]);
	buf_free(&c->html);
	free(c);
	return ok;
}

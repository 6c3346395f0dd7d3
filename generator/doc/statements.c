/*
 * statements.c: the pages pactkit writes for every site, in each of its
 * languages and paired as translations: the accessibility statement (on
 * the French RGAA model), the privacy note and the legal notice.  Their
 * text comes from the interface strings, the settings of lua/site.lua and
 * what the build saw (the worksheets that keep answers in the browser,
 * images from other sites).  A page of content/ with the same key
 * (accessibility, privacy, legal) replaces one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

static const struct kind {
	const char	*key;       /* the page's key: a project page replaces it */
	const char	*pre;       /* its interface strings: "a11y.title" */
} kinds[] = {
	{ NULL, NULL },
	{ "accessibility", "a11y" },
	{ "privacy", "privacy" },
	{ "legal", "legal" },
};

/* What one statement is being written with. */
struct st {
	struct project	*p;
	struct page	*pg;
	size_t		 lang;
	xmlNodePtr	 art;       /* the page's <article> */
};

static const char *
S(const struct st *b, const char *key)
{
	return lstr_ui(&b->p->site, b->lang, key);
}

/* Whether interface string key is set (to something other than ""). */
static int
has(const struct st *b, const char *key)
{
	const char *v = S(b, key);

	return *v != '\0' && strcmp(v, key) != 0;
}

/* Appends fmt to parent, each "%s" replaced by the next of args (a text
 * node or element, moved in), "%%" by "%".  The strings come from a
 * project's files: they are never a printf format. */
static void
put(xmlNodePtr parent, const char *fmt, xmlNodePtr *args, size_t nargs)
{
	struct buf t = { 0 };
	size_t used = 0;
	const char *s;

	for (s = fmt; *s != '\0'; s++) {
		if (s[0] == '%' && s[1] == '%') {
			buf_putc(&t, '%');
			s++;
		} else if (s[0] == '%' && s[1] == 's' && used < nargs) {
			if (t.len > 0)
				tree_text(parent, t.data);
			buf_reset(&t);
			if (args[used] != NULL) {
				if (args[used]->type == XML_ELEMENT_NODE)
					args[used]->ns = parent->ns;
				xmlAddChild(parent, args[used]);
			}
			used++;
			s++;
		} else
			buf_putc(&t, *s);
	}
	if (t.len > 0)
		tree_text(parent, t.data);
	buf_free(&t);
	while (used < nargs)            /* a string with fewer %s */
		xmlFreeNode(args[used++]);
}

static xmlNodePtr
txt(const char *s)
{
	return xmlNewText((const xmlChar *)(s != NULL ? s : ""));
}

/* A loose <a href> (put() links it in). */
static xmlNodePtr
link(const char *href, const char *text)
{
	xmlNodePtr a = xmlNewNode(NULL, (const xmlChar *)"a");

	tree_attr(a, "href", href);
	tree_text(a, text);
	return a;
}

static xmlNodePtr
para(const struct st *b, xmlNodePtr parent, const char *key)
{
	xmlNodePtr e = tree_el(parent, "p");

	tree_text(e, S(b, key));
	return e;
}

static void
heading(const struct st *b, const char *tag, const char *key)
{
	tree_el_text(b->art, tag, S(b, key));
}

/* One text of a setting in the page's language ("" when not set). */
static const char *
L(const struct st *b, const struct lstr *l)
{
	return lstr_get(l, b->lang);
}

static void
date_text(const struct st *b, struct buf *o, const char *iso)
{
	if (!format_date(o, b->p->site.langs[b->lang], iso))
		buf_puts(o, iso);
}

/* The build's date, "YYYY-MM-DD" (SOURCE_DATE_EPOCH when set). */
static void
today(char *s, size_t n)
{
	time_t t = (time_t)format_epoch();
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(s, n, "%Y-%m-%d", &tm);
}

/* ": " in English, " : " (a no-break space first) in French. */
static const char *
colon(const struct st *b)
{
	return strncmp(b->p->site.langs[b->lang], "fr", 2) == 0 ?
	    "\xc2\xa0: " : ": ";
}

/* "/fr/mentions-legales/": a site path that links.c makes relative. */
static xmlNodePtr
page_link(const struct st *b, int k)
{
	struct page *to = statements_page(b->p, b->lang, k);
	char *href;
	xmlNodePtr a;

	if (to == NULL)
		return NULL;
	href = xasprintf("/%s", to->url);
	a = link(href, to->title);
	free(href);
	return a;
}

/* The contact lines (e-mail, page, postal address) as a list; 0 when
 * none is known. */
static int
contact_list(const struct st *b, const char *email, const char *url,
    const struct lstr *address)
{
	xmlNodePtr ul, li, arg[1];
	char *href;

	if (email == NULL && url == NULL && *L(b, address) == '\0')
		return 0;
	ul = tree_el(b->art, "ul");
	if (email != NULL) {
		li = tree_el(ul, "li");
		tree_text(li, S(b, "a11y.email"));
		tree_text(li, colon(b));
		href = xasprintf("mailto:%s", email);
		arg[0] = link(href, email);
		put(li, "%s", arg, 1);
		free(href);
	}
	if (url != NULL) {
		li = tree_el(ul, "li");
		arg[0] = link(url, S(b, "a11y.form"));
		put(li, "%s", arg, 1);
	}
	if (*L(b, address) != '\0') {
		li = tree_el(ul, "li");
		tree_text(li, S(b, "a11y.address"));
		tree_text(li, colon(b));
		tree_text(li, L(b, address));
	}
	return 1;
}

/* Who publishes the site, for a sentence: the publisher, else the site. */
static const char *
publisher(const struct st *b)
{
	const char *s = L(b, &b->p->site.id.publisher);

	return *s != '\0' ? s : L(b, &b->p->site.title);
}

static int
default_theme(const struct st *b)
{
	return strcmp(b->p->site.theme, "default") == 0;
}

/* ---- the accessibility statement ------------------------------------ */

enum a11y_status
statements_status(const struct a11y *a)
{
	if (a->audit_date == NULL || (a->rate >= 0 && a->rate < 50))
		return A11Y_NONE;
	if (a->status == A11Y_FULL && a->rate >= 0 && a->rate < 100)
		return A11Y_PARTIAL;
	return a->status;
}

static void
a11y_status(const struct st *b)
{
	static const char *const keys[] = { "a11y.status_none",
	    "a11y.status_partial", "a11y.status_full" };
	const struct a11y *a = &b->p->site.a11y;
	const char *std = a->standard != NULL ? a->standard : "RGAA 4.1.2";
	const char *key = keys[statements_status(a)];
	xmlNodePtr arg[1];

	if (a->audit_date != NULL && a->rate >= 0 && a->rate < 50)
		key = "a11y.status_low";
	heading(b, "h2", "a11y.status");
	arg[0] = txt(std);
	put(tree_el(b->art, "p"), S(b, key), arg, 1);
}

static void
a11y_results(const struct st *b)
{
	const struct a11y *a = &b->p->site.a11y;
	const char *std = a->standard != NULL ? a->standard : "RGAA 4.1.2";
	struct buf d = { 0 }, r = { 0 };
	xmlNodePtr arg[4];

	heading(b, "h2", "a11y.results");
	if (a->audit_date == NULL) {
		para(b, b->art, "a11y.no_audit");
		return;
	}
	date_text(b, &d, a->audit_date);
	arg[0] = txt(d.data);
	arg[1] = txt(L(b, &a->audit_by));
	if (a->rate >= 0) {
		format_number(&r, b->p->site.langs[b->lang], a->rate,
		    a->rate == (double)(long long)a->rate ? 0 : 1);
		buf_puts(&r, strncmp(b->p->site.langs[b->lang], "fr", 2) == 0 ?
		    "\xe2\x80\xaf%" : "%");
		arg[2] = txt(r.data);
		arg[3] = txt(std);
		put(tree_el(b->art, "p"), S(b, "a11y.audit"), arg, 4);
	} else
		put(tree_el(b->art, "p"), S(b, "a11y.audit_norate"), arg, 2);
	buf_free(&d);
	buf_free(&r);
}

/* What pactkit itself ensures on every page of this build. */
static void
a11y_ensured(const struct st *b)
{
	static const char *const always[] = { "a11y.e_lang", "a11y.e_struct",
	    "a11y.e_skip", "a11y.e_nojs", NULL };
	const struct project *p = b->p;
	xmlNodePtr ul, arg[1];
	size_t i, d;
	int docs = 0;

	heading(b, "h2", "a11y.ensured");
	para(b, b->art, "a11y.ensured_intro");
	ul = tree_el(b->art, "ul");
	for (i = 0; always[i] != NULL; i++)
		tree_el_text(ul, "li", S(b, always[i]));
	if (p->forms[b->lang].n > 0)
		tree_el_text(ul, "li", S(b, "a11y.e_forms"));
	if (default_theme(b))
		tree_el_text(ul, "li", S(b, "a11y.e_theme"));
	for (d = 0; d < p->site.ndocs; d++)
		docs |= p->site.docs[d].npages > 0;
	if (docs)
		tree_el_text(ul, "li", S(b, "a11y.e_docs"));
	if (!default_theme(b)) {
		arg[0] = txt(p->site.theme);
		put(tree_el(b->art, "p"), S(b, "a11y.e_custom_theme"), arg, 1);
	}
	heading(b, "h2", "a11y.tech");
	para(b, b->art, "a11y.tech_list");
}

static void
a11y_content(const struct st *b)
{
	const struct a11y *a = &b->p->site.a11y;
	xmlNodePtr ul;
	size_t i;

	heading(b, "h2", "a11y.content");
	heading(b, "h3", "a11y.issues");
	if (a->nissues > 0) {
		ul = tree_el(b->art, "ul");
		for (i = 0; i < a->nissues; i++)
			tree_el_text(ul, "li", L(b, &a->issues[i]));
	} else
		para(b, b->art, a->audit_date != NULL ? "a11y.issues_none" :
		    "a11y.issues_unknown");
	heading(b, "h3", "a11y.derogations");
	if (a->nderogations > 0) {
		ul = tree_el(b->art, "ul");
		for (i = 0; i < a->nderogations; i++)
			tree_el_text(ul, "li", L(b, &a->derogations[i]));
	} else
		para(b, b->art, "a11y.derogations_none");
}

static void
a11y_feedback(const struct st *b)
{
	const struct a11y *a = &b->p->site.a11y;
	const struct identity *id = &b->p->site.id;
	xmlNodePtr ul, li, arg[1];
	struct buf d = { 0 };
	char day[16];
	int own = a->email != NULL || a->url != NULL ||
	    *L(b, &a->address) != '\0';

	heading(b, "h2", "a11y.made");
	if (a->date != NULL)
		date_text(b, &d, a->date);
	else if (a->audit_date != NULL)
		date_text(b, &d, a->audit_date);
	else {
		today(day, sizeof(day));
		date_text(b, &d, day);
	}
	arg[0] = txt(d.data);
	put(tree_el(b->art, "p"), S(b, "a11y.made_on"), arg, 1);
	para(b, b->art, "a11y.made_how");
	buf_free(&d);

	heading(b, "h2", "a11y.feedback");
	para(b, b->art, "a11y.feedback_text");
	if (!(own ? contact_list(b, a->email, a->url, &a->address) :
	    contact_list(b, id->contact_email, id->contact_url,
	    &id->contact_address))) {
		arg[0] = page_link(b, STMT_LEGAL);
		put(tree_el(b->art, "p"), S(b, "a11y.feedback_none"), arg, 1);
	}

	heading(b, "h2", "a11y.recourse");
	if (*L(b, &a->recourse) != '\0') {
		tree_el_text(b->art, "p", L(b, &a->recourse));
		return;
	}
	para(b, b->art, "a11y.recourse_text");
	if (!has(b, "a11y.recourse_form_url"))
		return;
	ul = tree_el(b->art, "ul");
	li = tree_el(ul, "li");
	arg[0] = link(S(b, "a11y.recourse_form_url"), S(b, "a11y.recourse_form"));
	put(li, "%s", arg, 1);
	if (has(b, "a11y.recourse_delegate_url")) {
		li = tree_el(ul, "li");
		arg[0] = link(S(b, "a11y.recourse_delegate_url"),
		    S(b, "a11y.recourse_delegate"));
		put(li, "%s", arg, 1);
	}
	if (has(b, "a11y.recourse_mail"))
		tree_el_text(ul, "li", S(b, "a11y.recourse_mail"));
}

static void
a11y_body(const struct st *b)
{
	const struct a11y *a = &b->p->site.a11y;
	const char *base = b->p->site.base_url;
	xmlNodePtr e = tree_el(b->art, "p"), arg[2];
	struct buf t = { 0 };

	arg[0] = txt(publisher(b));
	if (*L(b, &a->law) != '\0')
		arg[1] = txt(L(b, &a->law));
	else
		arg[1] = has(b, "a11y.law") ? txt(S(b, "a11y.law")) : NULL;
	put(e, S(b, arg[1] != NULL ? "a11y.commit_law" : "a11y.commit"), arg,
	    2);
	arg[0] = txt(L(b, &b->p->site.title));
	if (base != NULL) {
		buf_printf(&t, "%s%s/", base, b->p->site.langs[b->lang]);
		arg[1] = link(t.data, t.data);
		put(tree_el(b->art, "p"), S(b, "a11y.scope_url"), arg, 2);
	} else
		put(tree_el(b->art, "p"), S(b, "a11y.scope"), arg, 1);
	buf_free(&t);
	a11y_status(b);
	a11y_results(b);
	a11y_ensured(b);
	a11y_content(b);
	a11y_feedback(b);
}

/* ---- the privacy note ------------------------------------------------ */

static int
keycmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The keys of map m, sorted (the map's own order is its hash's); free
 * the array, not the keys. */
static char **
sorted_keys(const struct strmap *m, size_t *n)
{
	char **k = xcalloc(m->n + 1, sizeof(*k));
	size_t i;

	*n = 0;
	for (i = 0; i < m->cap; i++)
		if (m->keys[i] != NULL)
			k[(*n)++] = m->keys[i];
	qsort(k, *n, sizeof(*k), keycmp);
	return k;
}

static void
privacy_requests(const struct st *b)
{
	const struct strmap *r = &b->p->remote[b->lang];
	xmlNodePtr ul, li, arg[1];
	char **k, *href;
	size_t n, i;

	heading(b, "h2", "privacy.requests");
	if (r->n == 0)
		para(b, b->art, "privacy.no_requests");
	else {
		para(b, b->art, "privacy.remote");
		ul = tree_el(b->art, "ul");
		k = sorted_keys(r, &n);
		for (i = 0; i < n; i++) {
			struct page *pg = strmap_get(r, k[i]);

			li = tree_el(ul, "li");
			tree_el_text(li, "code", k[i]);
			tree_text(li, " – ");
			href = xasprintf("/%s", pg->url);
			arg[0] = link(href, pg->title);
			put(li, "%s", arg, 1);
			free(href);
		}
		free(k);
	}
	if (!default_theme(b)) {
		arg[0] = txt(b->p->site.theme);
		put(tree_el(b->art, "p"), S(b, "privacy.custom_theme"), arg, 1);
	}
}

static void
privacy_storage(const struct st *b)
{
	const struct strmap *f = &b->p->forms[b->lang];
	xmlNodePtr ul, li, e, arg[1];
	char **k, *href, *key;
	size_t n, i;

	heading(b, "h2", "privacy.storage");
	if (f->n == 0) {
		para(b, b->art, "privacy.no_forms");
		return;
	}
	para(b, b->art, "privacy.storage_text");
	e = tree_el(b->art, "p");
	arg[0] = xmlNewNode(NULL, (const xmlChar *)"code");
	tree_text(arg[0], S(b, "privacy.key_form"));
	put(e, S(b, "privacy.keys"), arg, 1);
	ul = tree_el(b->art, "ul");
	k = sorted_keys(f, &n);
	for (i = 0; i < n; i++) {
		struct page *pg = strmap_get(f, k[i]);

		li = tree_el(ul, "li");
		key = xasprintf("pactkit:%s:…", k[i]);
		tree_el_text(li, "code", key);
		free(key);
		tree_text(li, " – ");
		href = xasprintf("/%s", pg->url);
		arg[0] = link(href, pg->title);
		put(li, "%s", arg, 1);
		free(href);
	}
	free(k);
	para(b, b->art, "privacy.shared");

	heading(b, "h2", "privacy.clear");
	para(b, b->art, "privacy.clear_text");
	/* pactkit.js shows the button and says what it did; without
	 * JavaScript nothing was kept, as the other paragraph says */
	e = tree_el(b->art, "p");
	tree_attr(e, "class", "pk-clear-all");
	tree_attr(e, "hidden", "hidden");
	e = tree_el_text(e, "button", S(b, "privacy.clear_button"));
	tree_attr(e, "type", "button");
	tree_attr(e, "class", "pk-button");
	e = tree_el(b->art, "p");
	tree_attr(e, "class", "pk-clear-status");
	tree_attr(e, "role", "status");
	e = para(b, b->art, "privacy.nojs");
	tree_attr(e, "class", "pk-nojs");
}

static void
privacy_body(const struct st *b)
{
	const struct identity *id = &b->p->site.id;
	xmlNodePtr arg[1];
	char *href;

	para(b, b->art, "privacy.intro");
	privacy_requests(b);
	privacy_storage(b);
	heading(b, "h2", "privacy.search");
	para(b, b->art, "privacy.search_text");
	heading(b, "h2", "privacy.logs");
	arg[0] = page_link(b, STMT_LEGAL);
	put(tree_el(b->art, "p"), S(b, "privacy.logs_text"), arg, 1);
	if (id->contact_email != NULL || id->contact_url != NULL) {
		href = id->contact_email != NULL ?
		    xasprintf("mailto:%s", id->contact_email) :
		    xstrdup(id->contact_url);
		arg[0] = link(href, id->contact_email != NULL ?
		    id->contact_email : S(b, "a11y.form"));
		put(tree_el(b->art, "p"), S(b, "privacy.contact"), arg, 1);
		free(href);
	}
}

/* ---- the legal notice ------------------------------------------------- */

static void
legal_body(const struct st *b)
{
	const struct identity *id = &b->p->site.id;
	xmlNodePtr e, arg[2];

	heading(b, "h2", "legal.publisher");
	if (*L(b, &id->publisher) != '\0') {
		e = tree_el(b->art, "p");
		if (id->publisher_url != NULL) {
			arg[0] = link(id->publisher_url, L(b, &id->publisher));
			put(e, "%s", arg, 1);
		} else
			tree_text(e, L(b, &id->publisher));
		contact_list(b, id->contact_email, id->contact_url,
		    &id->contact_address);
	} else if (!contact_list(b, id->contact_email, id->contact_url,
	    &id->contact_address))
		para(b, b->art, "legal.none");
	if (*L(b, &id->director) != '\0') {
		heading(b, "h2", "legal.director");
		tree_el_text(b->art, "p", L(b, &id->director));
	}
	if (*L(b, &id->host) != '\0') {
		heading(b, "h2", "legal.host");
		e = tree_el(b->art, "p");
		if (id->host_url != NULL) {
			arg[0] = link(id->host_url, L(b, &id->host));
			put(e, "%s", arg, 1);
		} else
			tree_text(e, L(b, &id->host));
		if (*L(b, &id->host_address) != '\0')
			tree_el_text(b->art, "p", L(b, &id->host_address));
	}
	if (*L(b, &id->licence) != '\0') {
		heading(b, "h2", "legal.licence");
		arg[0] = id->licence_url != NULL ?
		    link(id->licence_url, L(b, &id->licence)) :
		    txt(L(b, &id->licence));
		put(tree_el(b->art, "p"), S(b, "legal.licence_text"), arg, 1);
	}
	if (*L(b, &id->cite) != '\0') {
		heading(b, "h2", "legal.cite");
		tree_el_text(b->art, "p", L(b, &id->cite));
	}
	if (*L(b, &id->disclaimer) != '\0') {
		heading(b, "h2", "legal.disclaimer");
		tree_el_text(b->art, "p", L(b, &id->disclaimer));
	}
	if (*L(b, &id->edition) != '\0') {
		heading(b, "h2", "legal.edition");
		tree_el_text(b->art, "p", L(b, &id->edition));
	}
	heading(b, "h2", "legal.made");
	para(b, b->art, "legal.made_text");
	e = tree_el(b->art, "p");
	arg[0] = page_link(b, STMT_A11Y);
	arg[1] = page_link(b, STMT_PRIVACY);
	put(e, S(b, "legal.see_also"), arg, 2);
}

/* ---- the pages -------------------------------------------------------- */

struct page *
statements_page(const struct project *p, size_t lang, int kind)
{
	char *k;
	struct page *pg;

	if (kind <= STMT_NONE || kind > STMT_LEGAL || lang >= p->site.nlangs)
		return NULL;
	k = xasprintf("%s/%s", p->site.langs[lang], kinds[kind].key);
	pg = strmap_get(&p->bykey, k);
	free(k);
	return pg;
}

/* A slug from the interface strings, else the key. */
static char *
slug(const struct project *p, size_t lang, int kind)
{
	char *key = xasprintf("%s.slug", kinds[kind].pre);
	const char *s = lstr_ui(&p->site, lang, key), *c;

	for (c = s; *c != '\0' && ((*c >= 'a' && *c <= 'z') ||
	    (*c >= '0' && *c <= '9') || *c == '-'); c++)
		continue;
	if (*c != '\0' || *s == '\0' || strcmp(s, key) == 0)
		s = kinds[kind].key;
	free(key);
	return xstrdup(s);
}

int
statements_add(struct project *p)
{
	size_t l, i;
	int k, ok = 1;

	for (k = STMT_A11Y; k <= STMT_LEGAL; k++) {
		for (l = 0; l < p->site.nlangs; l++) {
			struct page *pg, *taken;
			char *rel, *url, *title;

			if (statements_page(p, l, k) != NULL)
				continue;       /* the project's own */
			rel = slug(p, l, k);
			url = xasprintf("%s/%s/", p->site.langs[l], rel);
			if ((taken = strmap_get(&p->byurl, url)) != NULL) {
				diag(p->build->diag, DIAG_ERROR, taken->src, 1,
				    1, "this page's address %s is the %s "
				    "pactkit writes: give the page key = \"%s\" "
				    "to replace it, or another name", url,
				    k == STMT_A11Y ? "accessibility statement" :
				    k == STMT_PRIVACY ? "privacy note" :
				    "legal notice", kinds[k].key);
				ok = 0;
				free(rel);
				free(url);
				continue;
			}
			title = xasprintf("%s.title", kinds[k].pre);
			pg = xcalloc(1, sizeof(*pg));
			pg->lang = l;
			pg->gen = k;
			pg->rel = rel;
			pg->url = url;
			pg->key = xstrdup(kinds[k].key);
			pg->title = xstrdup(lstr_ui(&p->site, l, title));
			pg->src = xasprintf("%s (written by pactkit)", url);
			pg->parent = p->home[l];  /* a breadcrumb, not a nav item */
			free(title);
			pg->idx = p->npages;
			p->pages = xrealloc(p->pages,
			    (p->npages + 1) * sizeof(*p->pages));
			p->pages[p->npages++] = pg;
			{
				char *kk = xasprintf("%s/%s", p->site.langs[l],
				    pg->key);
				char *kr = xasprintf("%s/%s", p->site.langs[l],
				    pg->rel);

				strmap_put(&p->bykey, kk, pg);
				strmap_put(&p->byrel, kr, pg);
				strmap_put(&p->byurl, pg->url, pg);
				free(kk);
				free(kr);
			}
		}
		/* paired with each other, and with a project page that
		 * replaces one of them in another language */
		for (l = 0; l < p->site.nlangs; l++) {
			struct page *a = statements_page(p, l, k);

			for (i = 0; a != NULL && i < p->site.nlangs; i++)
				a->trans[i] = statements_page(p, i, k);
		}
	}
	return ok;
}

void
statements_saw(struct project *p, struct page *pg, xmlNodePtr el)
{
	const char *v;

	if (pg->gen)
		return;
	if (tree_is(el, "form") &&
	    (v = tree_get_attr(el, "data-pk-form")) != NULL)
		strmap_put(&p->forms[pg->lang], v, pg);
	else if (tree_is(el, "img") && (v = tree_get_attr(el, "src")) != NULL &&
	    (strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0 ||
	    strncmp(v, "//", 2) == 0)) {
		char host[256];
		size_t n = 0;

		v = strstr(v, "//") + 2;
		while (n + 1 < sizeof(host) && v[n] != '\0' && v[n] != '/' &&
		    v[n] != '?' && v[n] != '#')
			n++;
		memcpy(host, v, n);
		host[n] = '\0';
		strmap_put(&p->remote[pg->lang], host, pg);
	}
}

int
statements_body(struct project *p, struct page *pg)
{
	struct st b;
	xmlNsPtr ns;

	memset(&b, 0, sizeof(b));
	b.p = p;
	b.pg = pg;
	b.lang = pg->lang;
	pg->doc = xmlNewDoc((const xmlChar *)"1.0");
	b.art = xmlNewNode(NULL, (const xmlChar *)"article");
	ns = xmlNewNs(b.art, (const xmlChar *)XHTML_NS, NULL);
	xmlSetNs(b.art, ns);
	xmlDocSetRootElement(pg->doc, b.art);
	if (pg->gen == STMT_A11Y)
		a11y_body(&b);
	else if (pg->gen == STMT_PRIVACY)
		privacy_body(&b);
	else
		legal_body(&b);
	return 1;
}

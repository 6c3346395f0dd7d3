/*
 * project.c: a toolkit project on disk -> struct project.  Reads
 * lua/site.lua through the sandbox, walks content/<lang>/ for Markdown
 * pages, reads their front matter, pairs translations by key, and puts
 * each language's pages in reading order (sections by weight).
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "tree/tree.h"
#include "doc/doc.h"

static void page_free(struct page *);

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects "*.md" under base/sub, sorted by name, into list. */
static int
walk(struct diag *dg, const char *base, const char *sub, char ***list,
    size_t *n)
{
	char *dir = *sub ? xasprintf("%s/%s", base, sub) : xstrdup(base);
	char **names = NULL;
	size_t nn = 0, i;
	struct dirent *de;
	DIR *d;
	int ok = 1;

	if ((d = opendir(dir)) == NULL) {
		diag_sys(dg, dir);
		free(dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		/* the type byte after the name: 'd' a folder, 'f' a page,
		 * '?' to be asked (a link, or a file system that does not
		 * tell), anything else left out */
		names = xrealloc(names, (nn + 1) * sizeof(char *));
		names[nn] = xmalloc(l + 2);
		memcpy(names[nn], de->d_name, l + 1);
		names[nn][l + 1] = de->d_type == DT_DIR ? 'd' :
		    de->d_type == DT_REG ? 'f' : de->d_type == DT_LNK ||
		    de->d_type == DT_UNKNOWN ? '?' : '-';
		nn++;
	}
	closedir(d);
	qsort(names, nn, sizeof(char *), cmp_names);
	for (i = 0; i < nn; i++) {
		char *rel = *sub ? xasprintf("%s/%s", sub, names[i]) :
		    xstrdup(names[i]);
		char *full = xasprintf("%s/%s", base, rel);
		size_t l = strlen(names[i]);
		char type = names[i][l + 1];

		if (type == '?')
			type = file_isdir(full) ? 'd' : 'f';
		if (type == 'd')
			ok &= walk(dg, base, rel, list, n);
		else if (type == 'f' && l > 3 &&
		    strcmp(names[i] + l - 3, ".md") == 0) {
			*list = xrealloc(*list, (*n + 1) * sizeof(char *));
			(*list)[(*n)++] = rel;
			rel = NULL;
		}
		free(rel);
		free(full);
		free(names[i]);
	}
	free(names);
	free(dir);
	return ok;
}

static int
is_index_name(const char *base)
{
	return strcmp(base, "index") == 0 || strcmp(base, "_index") == 0;
}

/* "guide/index" -> "guide", "guide/mou" -> "guide/mou", "index" -> "". */
static char *
url_path(const char *rel)
{
	const char *slash = strrchr(rel, '/');
	const char *base = slash ? slash + 1 : rel;

	if (is_index_name(base))
		return slash ? xstrndup(rel, (size_t)(slash - rel)) : xstrdup("");
	return xstrdup(rel);
}

/* A path segment must not leave output/: no "..", no odd characters. */
static int
safe_rel(const char *rel)
{
	const char *p;

	if (strstr(rel, "..") != NULL || rel[0] == '/')
		return 0;
	for (p = rel; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\' || *p == '"' ||
		    *p == '<' || *p == '>' || *p == '?' || *p == '#' || *p == '%')
			return 0;
	return 1;
}

static int
page_cmp(const void *a, const void *b)
{
	const struct page *x = *(struct page *const *)a;
	const struct page *y = *(struct page *const *)b;
	int c;

	if (x->weight != y->weight)
		return x->weight < y->weight ? -1 : 1;
	if ((c = strcmp(x->title ? x->title : "", y->title ? y->title : "")))
		return c;
	return strcmp(x->rel, y->rel);
}

/* The section page of pg: the nearest folder index above it; idx maps
 * "lang/path" of every index page. */
static struct page *
find_parent(const struct project *p, const struct strmap *idx,
    struct page *pg)
{
	char *up = url_path(pg->rel), *slash, *k;
	struct page *par = NULL;

	if (*up == '\0') {
		free(up);
		return NULL;
	}
	do {
		if ((slash = strrchr(up, '/')) != NULL)
			*slash = '\0';
		else
			*up = '\0';
		k = xasprintf("%s/%s", p->site.langs[pg->lang], up);
		par = strmap_get(idx, k);
		free(k);
	} while ((par == NULL || par == pg) && *up != '\0');
	free(up);
	return par == pg ? NULL : par;
}

/* Depth-first reading order of one language, from its roots. */
static void
order(struct page *pg, struct page ***out, size_t *n)
{
	size_t i;

	(*out)[(*n)++] = pg;
	for (i = 0; i < pg->nkids; i++)
		order(pg->kids[i], out, n);
}

/* Front matter `slug` names the page's last URL segment instead of the
 * file name; it may not leave its folder. */
static int
apply_slug(struct project *p, struct page *pg)
{
	const char *c, *slash;
	char *up;

	for (c = pg->slug; *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    *c == '-' || *c == '_'))
			break;
	if (*c != '\0' || *pg->slug == '\0') {
		diag(p->build->diag, DIAG_ERROR, pg->src, 2, 1,
		    "slug \"%s\": expected lowercase letters, digits, '-' and "
		    "'_' only (a slug names one page, inside its own folder)",
		    pg->slug);
		return 0;
	}
	if (pg->is_index)
		return 1;       /* a section keeps its folder's name */
	up = url_path(pg->rel);
	slash = strrchr(up, '/');
	free(pg->url);
	pg->url = slash != NULL ? xasprintf("%s/%.*s/%s/",
	    p->site.langs[pg->lang], (int)(slash - up), up, pg->slug) :
	    xasprintf("%s/%s/", p->site.langs[pg->lang], pg->slug);
	free(up);
	return 1;
}

/* The files of a language's pages are read by two threads: this one
 * from the first page on, taking each page's front matter as it goes
 * (the one Lua state is this thread's), and a helper from the last page
 * back, until they meet.  The system calls of thousands of small files
 * are most of a load. */
struct reader {
	struct page	**pages;
	int		 *err;          /* errno of a page that could not be read */
	size_t		  lo, hi;       /* pages [lo, hi) are not taken yet */
	pthread_mutex_t	  mu;
};

static int
take(struct reader *r, int back, size_t *i)
{
	int any;

	pthread_mutex_lock(&r->mu);
	if ((any = r->lo < r->hi))
		*i = back ? --r->hi : r->lo++;
	pthread_mutex_unlock(&r->mu);
	return any;
}

static void
read_one(struct reader *r, size_t i)
{
	struct page *pg = r->pages[i];

	if ((pg->text = file_read(pg->path, &pg->textlen)) == NULL)
		r->err[i] = errno;
	else
		utf8_dropbom(pg->text, &pg->textlen);   /* front matter first */
}

static void *
read_back(void *arg)
{
	struct reader *r = arg;
	size_t i;

	while (take(r, 1, &i))
		read_one(r, i);
	return NULL;
}

/* The rest of page pg's loading, in this thread, page after page in
 * order (err: errno of its read). */
static int
load_page(struct project *p, struct page *pg, const char *rel, int err)
{
	if (!safe_rel(rel)) {
		diag(p->build->diag, DIAG_ERROR, pg->src, 0, 0,
		    "file name not usable in a URL: expected letters, digits, "
		    "'-', '_' and '.'");
		return 0;
	}
	if (pg->text == NULL) {
		errno = err;
		diag_sys(p->build->diag, pg->src);
		return 0;
	}
	if (!markdown_frontmatter(p, pg))
		return 0;
	if (pg->slug != NULL && !apply_slug(p, pg))
		return 0;
	if (pg->key == NULL) {
		char *k = url_path(pg->rel);

		pg->key = *k ? k : xstrdup("home");
		if (!*k)
			free(k);
	}
	if (pg->title == NULL) {
		const char *s = strrchr(pg->rel, '/');

		pg->title = xstrdup(s ? s + 1 : pg->rel);
	}
	return 1;
}

static int
load_lang(struct project *p, size_t lang)
{
	const char *code = p->site.langs[lang];
	char *base = xasprintf("%s/content/%s", p->site.dir, code);
	char **rels = NULL;
	size_t n = 0, i, first = p->npages;
	int ok = 1, *err;

	if (!file_isdir(base)) {
		diag(p->build->diag, DIAG_WARN, NULL, 0, 0,
		    "content/%s/: no pages in language '%s' (expected a folder "
		    "content/%s/ with index.md)",
		    code, code, code);
		free(base);
		return 1;
	}
	ok = walk(p->build->diag, base, "", &rels, &n);
	p->pages = xrealloc(p->pages, (p->npages + n) * sizeof(*p->pages));
	for (i = 0; i < n; i++) {
		struct page *pg = xcalloc(1, sizeof(*pg));
		const char *slash;
		char *up;

		pg->lang = lang;
		pg->src = xasprintf("content/%s/%s", code, rels[i]);
		pg->path = xasprintf("%s/%s", base, rels[i]);
		pg->rel = xstrndup(rels[i], strlen(rels[i]) - 3);
		slash = strrchr(pg->rel, '/');
		pg->is_index = is_index_name(slash ? slash + 1 : pg->rel);
		up = url_path(pg->rel);
		pg->url = *up ? xasprintf("%s/%s/", code, up) :
		    xasprintf("%s/", code);
		free(up);
		p->pages[p->npages++] = pg;
	}
	{
		struct reader r = { p->pages + first, NULL, 0, n,
		    PTHREAD_MUTEX_INITIALIZER };
		pthread_t th;
		int helper;

		r.err = err = xcalloc(n + 1, sizeof(*err));
		helper = n >= 64 &&
		    pthread_create(&th, NULL, read_back, &r) == 0;
		for (i = 0; take(&r, 0, &i); ) {
			read_one(&r, i);
			ok &= load_page(p, p->pages[first + i], rels[i], err[i]);
		}
		if (helper)
			pthread_join(th, NULL);
		for (i = r.lo; i < n; i++)
			ok &= load_page(p, p->pages[first + i], rels[i], err[i]);
	}
	for (i = 0; i < n; i++)
		free(rels[i]);
	free(rels);
	free(err);
	free(base);
	return ok;
}

/* Draft pages (draft = true) are left out of the build, unless it asks
 * for them (--drafts, serve); what they were is kept, so that a link to
 * one, or a document that lists one, says why it is missing. */
static void
drop_drafts(struct project *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i];
		char *k;

		if (!pg->draft || p->build->drafts) {
			p->pages[n++] = pg;
			continue;
		}
		k = xasprintf("%s/%s", p->site.langs[pg->lang], pg->rel);
		strset_add(&p->drafts, k);
		free(k);
		k = xasprintf("%s/%s", p->site.langs[pg->lang], pg->key);
		strset_add(&p->drafts, k);
		free(k);
		strset_add(&p->drafts, pg->url);
		page_free(pg);
	}
	p->npages = n;
}

int
project_is_draft(const struct project *p, size_t lang, const char *s)
{
	char *k = xasprintf("%s/%s", p->site.langs[lang], s);
	int is = strset_has(&p->drafts, k) || strset_has(&p->drafts, s);

	free(k);
	return is;
}

/* Pairs translations by key; reports duplicate keys in one language. */
static int
pair(struct project *p)
{
	size_t i, l;
	int ok = 1;

	for (i = 0; i < p->npages; i++) {
		struct page *a = p->pages[i], *b;
		char *k;

		if (a->key == NULL)
			continue;
		k = xasprintf("%s/%s", p->site.langs[a->lang], a->key);
		if (!strmap_put(&p->bykey, k, a)) {
			b = strmap_get(&p->bykey, k);
			diag(p->build->diag, DIAG_ERROR, a->src, 1, 1,
			    "duplicate key '%s': %s has it too (expected one "
			    "page per key and language)", a->key, b->src);
			ok = 0;
		}
		free(k);
	}
	for (i = 0; i < p->npages; i++) {
		struct page *a = p->pages[i];

		if (a->key == NULL)
			continue;
		for (l = 0; l < p->site.nlangs; l++) {
			char *k = xasprintf("%s/%s", p->site.langs[l], a->key);

			a->trans[l] = strmap_get(&p->bykey, k);
			free(k);
		}
		a->trans[a->lang] = a;
	}
	return ok;
}

static void
structure(struct project *p)
{
	struct page **sorted = xcalloc(p->npages + 1, sizeof(*sorted));
	struct page **roots = xcalloc(p->npages + 1, sizeof(*roots));
	size_t i, n = 0, lang;

	struct strmap idx = { 0 };

	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i];
		char *up = url_path(pg->rel), *k;

		if (*up == '\0' && pg->is_index)
			p->home[pg->lang] = pg;
		if (pg->is_index) {
			k = xasprintf("%s/%s", p->site.langs[pg->lang], up);
			strmap_put(&idx, k, pg);
			free(k);
		}
		free(up);
	}
	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i], *par;

		if (pg == p->home[pg->lang])
			continue;
		par = find_parent(p, &idx, pg);
		if (par == NULL)
			par = p->home[pg->lang];
		pg->parent = par;
		if (par != NULL) {
			par->kids = xrealloc(par->kids,
			    (par->nkids + 1) * sizeof(*par->kids));
			par->kids[par->nkids++] = pg;
		}
	}
	for (i = 0; i < p->npages; i++)
		if (p->pages[i]->nkids > 1)
			qsort(p->pages[i]->kids, p->pages[i]->nkids,
			    sizeof(struct page *), page_cmp);
	for (lang = 0; lang < p->site.nlangs; lang++) {
		size_t nroots = 0, start = n;

		for (i = 0; i < p->npages; i++)
			if (p->pages[i]->lang == lang &&
			    p->pages[i]->parent == NULL)
				roots[nroots++] = p->pages[i];
		qsort(roots, nroots, sizeof(*roots), page_cmp);
		/* the home page first */
		for (i = 0; i < nroots; i++)
			if (roots[i] == p->home[lang]) {
				memmove(roots + 1, roots, i * sizeof(*roots));
				roots[0] = p->home[lang];
			}
		for (i = 0; i < nroots; i++)
			order(roots[i], &sorted, &n);
		for (i = start; i < n; i++) {
			sorted[i]->prev = i > start ? sorted[i - 1] : NULL;
			sorted[i]->next = i + 1 < n ? sorted[i + 1] : NULL;
		}
	}
	free(p->pages);
	p->pages = sorted;
	p->npages = n;
	for (i = 0; i < n; i++) {
		char *k = xasprintf("%s/%s", p->site.langs[sorted[i]->lang],
		    sorted[i]->rel);

		sorted[i]->idx = i;
		strmap_put(&p->byrel, k, sorted[i]);
		strmap_put(&p->byurl, sorted[i]->url, sorted[i]);
		free(k);
	}
	strmap_free(&idx);
	free(roots);
}

int
project_load(struct project *p, struct build *b, const char *dir,
    const char *share)
{
	size_t lang;
	char *sitefile;
	int ok = 1;

	memset(p, 0, sizeof(*p));
	p->build = b;
	p->lang_only = -1;
	p->site.dir = xstrdup(dir);
	p->site.sharedir = xstrdup(share);
	p->site.file = xstrdup("lua/site.lua");
	p->lua = init_sandbox(&p->site, b->diag);
	sitefile = xasprintf("%s/lua/site.lua", dir);
	if (!file_isfile(sitefile)) {
		diag(p->build->diag, DIAG_ERROR, "lua/site.lua", 0, 0,
		    "not found in %s (expected a toolkit project: see `pactkit "
		    "new`)", dir);
		free(sitefile);
		return 0;
	}
	if (!settings_site(p->lua, sitefile, &p->site)) {
		free(sitefile);
		return 0;
	}
	free(sitefile);
	if (!settings_i18n(p->lua, &p->site))
		return 0;
	if (!vocab_load(p->lua))
		return 0;
	for (lang = 0; lang < p->site.nlangs; lang++)
		ok &= load_lang(p, lang);
	if (!ok)
		return 0;
	drop_drafts(p);
	if (!pair(p))
		return 0;
	structure(p);
	return statements_add(p);
}

static void
page_free(struct page *pg)
{
	if (pg == NULL)
		return;
	free(pg->src);
	free(pg->path);
	free(pg->rel);
	free(pg->url);
	free(pg->key);
	free(pg->title);
	free(pg->updated);
	free(pg->description);
	free(pg->slug);
	free(pg->text);
	free(pg->kids);
	if (pg->doc != NULL)
		xmlFreeDoc(pg->doc);
	strset_free(&pg->ids);
	free(pg);
}

void
project_free(struct project *p)
{
	size_t i, j;

	if (p == NULL)
		return;
	for (i = 0; i < p->npages; i++)
		page_free(p->pages[i]);
	free(p->pages);
	sandbox_free(p->lua);
	lstr_free(&p->site.title);
	lstr_free(&p->site.description);
	lstr_free(&p->site.author);
	settings_identity_free(&p->site.id);
	settings_a11y_free(&p->site.a11y);
	for (i = 0; i < PK_MAXLANG; i++) {
		free(p->site.langs[i]);
		free(p->site.paper[i]);
		for (j = 0; j < p->site.ni18n[i]; j++) {
			free(p->site.i18n[i][j].k);
			free(p->site.i18n[i][j].v);
		}
		free(p->site.i18n[i]);
	}
	for (i = 0; i < p->site.ndocs; i++) {
		struct docspec *d = &p->site.docs[i];

		free(d->id);
		lstr_free(&d->title);
		lstr_free(&d->subtitle);
		for (j = 0; j < d->npages; j++)
			free(d->pages[j]);
		free(d->pages);
		free(d->pline);
		free(d->pcol);
		for (j = 0; j < PK_MAXLANG; j++)
			free(d->paper[j]);
	}
	free(p->site.docs);
	free(p->site.base_url);
	free(p->site.theme);
	free(p->site.dir);
	free(p->site.sharedir);
	free(p->site.file);
	strmap_free(&p->byrel);
	strmap_free(&p->bykey);
	strmap_free(&p->byurl);
	strset_free(&p->drafts);
	for (i = 0; i < PK_MAXLANG; i++) {
		strmap_free(&p->forms[i]);
		strmap_free(&p->remote[i]);
	}
	memset(p, 0, sizeof(*p));
}

struct page *
project_find(const struct project *p, size_t lang, const char *s)
{
	char *k = xasprintf("%s/%s", p->site.langs[lang], s);
	struct page *pg = strmap_get(&p->bykey, k);

	if (pg == NULL)
		pg = strmap_get(&p->byrel, k);
	free(k);
	return pg;
}

/* Whether rel (or key) matches a docspec pattern: exact, or "dir/ *". */
static int
pattern_match(const char *pat, const struct page *pg)
{
	size_t n = strlen(pat);

	if (n >= 2 && strcmp(pat + n - 2, "/*") == 0) {
		char *up = url_path(pg->rel);
		int m = strncmp(up, pat, n - 2) == 0 &&
		    (up[n - 2] == '/' || up[n - 2] == '\0');

		free(up);
		return m;
	}
	if (strcmp(pat, "*") == 0)
		return 1;
	return (pg->key != NULL && strcmp(pg->key, pat) == 0) ||
	    strcmp(pg->rel, pat) == 0;
}

struct page **
project_doc_pages(const struct project *p, const struct docspec *d,
    size_t lang, size_t *np)
{
	struct page **out = xcalloc(p->npages + 1, sizeof(*out));
	size_t i, j, k, n = 0;

	for (j = 0; j < d->npages; j++)
		for (i = 0; i < p->npages; i++) {
			struct page *pg = p->pages[i];

			/* the statements are the site's, never a document's */
			if (pg->lang != lang || pg->gen ||
			    !pattern_match(d->pages[j], pg))
				continue;
			for (k = 0; k < n && out[k] != pg; k++)
				continue;
			if (k == n)
				out[n++] = pg;
		}
	*np = n;
	return out;
}

/* Says, for each document and language, a pattern of its pages that
 * matches none (a key misspelt, a draft, a page not translated) and a
 * document left with no pages at all, whose files are then not made:
 * what check and build both say, before anything is written. */
void
project_check_docs(const struct project *p)
{
	const struct site *s = &p->site;
	struct diag *dg = p->build->diag;
	size_t di, li, j, i, n, np;

	for (di = 0; di < s->ndocs; di++) {
		const struct docspec *d = &s->docs[di];

		for (li = 0; li < s->nlangs; li++) {
			struct page **all = project_doc_pages(p, d, li, &np);

			free(all);
			for (j = 0; j < d->npages; j++) {
				for (i = n = 0; i < p->npages && n == 0; i++)
					n = p->pages[i]->lang == li &&
					    pattern_match(d->pages[j],
					    p->pages[i]);
				if (n > 0)
					continue;
				if (project_is_draft(p, li, d->pages[j]))
					diag(dg, DIAG_WARN, s->file, d->pline[j],
					    d->pcol[j], "document '%s': page "
					    "'%s' is a draft in '%s' (draft = "
					    "true): left out; build --drafts "
					    "includes it", d->id, d->pages[j],
					    s->langs[li]);
				else
					diag(dg, DIAG_WARN, s->file, d->pline[j],
					    d->pcol[j], "document '%s': no page "
					    "in '%s' matches '%s' (expected a "
					    "page key, a path under content/%s/, "
					    "or a folder such as \"guide/*\")",
					    d->id, s->langs[li], d->pages[j],
					    s->langs[li]);
			}
			if (np == 0)
				diag(dg, DIAG_WARN, s->file, d->line, d->col,
				    "document '%s' has no pages in '%s': its "
				    "files are not made", d->id, s->langs[li]);
		}
	}
}

size_t
project_doc_part(const struct docspec *d, const struct page *pg)
{
	size_t j;

	for (j = 0; j < d->npages; j++)
		if (pattern_match(d->pages[j], pg))
			break;
	return j;
}

/*
 * assets.c: files beside pages.  An image (img src) or a link to a file
 * that is not a page ("img/map.png", "forms/sheet.docx") is resolved
 * from its page's folder under content/<lang>/, checked, rewritten to its
 * relative URL in the built site (where the site writer copies it:
 * content/fr/guide/img/a.png is site/fr/guide/img/a.png, whatever the
 * page's clean URL).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

/* The same characters as page file names (project.c): nothing that
 * needs escaping in a URL or could leave the folder. */
static int
safe_name(const char *rel)
{
	const char *p;

	if (*rel == '\0' || rel[0] == '/')
		return 0;
	for (p = rel; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\' || *p == '"' ||
		    *p == '<' || *p == '>' || *p == '?' || *p == '#' ||
		    *p == '%')
			return 0;
	return 1;
}

/* The extension of the last segment of path, or NULL. */
static const char *
extension(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot;

	dot = strrchr(slash != NULL ? slash + 1 : path, '.');
	return dot != NULL && dot[1] != '\0' ? dot : NULL;
}

static int
fail(const struct project *p, const struct page *pg, xmlNodePtr el,
    const char *what, const char *value, const char *why)
{
	int line, col;

	tree_pos(el, &line, &col);
	diag(p->build->diag, DIAG_ERROR, pg->src, line, col, "%s '%s' %s",
	    what, value, why);
	return 0;
}

/* Whether real (a resolved path) lies inside the folder realdir. */
static int
inside(const char *real, const char *realdir)
{
	size_t n = strlen(realdir);

	return strncmp(real, realdir, n) == 0 && real[n] == '/';
}

/* Whether rel (the file's path under the language folder, normalised
 * here) may be published; 0 when not (said, at el). */
static int
publishable(const struct project *p, const struct page *pg, xmlNodePtr el,
    const char *what, const char *v, char *rel)
{
	const char *ext, *base;

	if (!url_normalise(rel) || *rel == '\0') {
		fail(p, pg, el, what, v, "leaves the language folder");
		diag(p->build->diag, DIAG_NOTE, pg->src, 0, 0,
		    "files beside pages must be under content/%s/",
		    p->site.langs[pg->lang]);
		return 0;
	}
	if (!safe_name(rel))
		return fail(p, pg, el, what, v, "has a name not usable in a "
		    "URL: expected letters, digits, '-', '_' and '.'");
	ext = extension(rel);
	base = strrchr(rel, '/');
	base = base != NULL ? base + 1 : rel;
	if (ext != NULL && strcmp(ext, ".md") == 0)
		return fail(p, pg, el, what, v, "is a page's source, not a "
		    "file to publish");
	/* the writers' own files in the language folder */
	if (strcmp(base, "index.html") == 0 || strcmp(rel, "404.html") == 0 ||
	    strcmp(rel, "search-index.json") == 0)
		return fail(p, pg, el, what, v, "has the name of a file the "
		    "site writer makes");
	return 1;
}

int
assets_resolve(struct project *p, struct page *pg, xmlNodePtr el,
    const char *attr)
{
	const char *v = tree_get_attr(el, attr), *lang = p->site.langs[pg->lang];
	const char *what = strcmp(attr, "src") == 0 ? "image" : "link target";
	const char *ext;
	char *path = NULL, *rel = NULL, *full = NULL, *dir = NULL, *url;
	char *suffix, realf[PATH_MAX], reald[PATH_MAX];
	int ok = 0;

	if (v == NULL || *v == '\0' || url_has_scheme(v) || strncmp(v, "//", 2) == 0)
		return -1;              /* http(s), mailto... left as written */
	path = xstrdup(v);
	suffix = path + strcspn(path, "?#");
	suffix = xstrdup(suffix);   /* "?v=2", "#part": kept on the URL */
	path[strcspn(path, "?#")] = '\0';
	ext = extension(path);
	/* a link with no extension or to .html is a site path the author
	 * answers for (as before); an image is always a file */
	if (*path == '\0' || (strcmp(attr, "href") == 0 && (ext == NULL ||
	    strcmp(ext, ".html") == 0 || strcmp(ext, ".htm") == 0 ||
	    path[strlen(path) - 1] == '/'))) {
		ok = -1;
		goto out;
	}
	if (path[0] == '/') {
		size_t n = strlen(lang);

		if (strncmp(path, "/assets/", 8) == 0 ||
		    strncmp(path, "/pdf/", 5) == 0) {
			/* the theme's files and the PDFs, as links.c does */
			url = url_relative(pg->url, path + 1,
			    p->site.index_links);
			rel = xasprintf("%s%s", url, suffix);
			tree_attr(el, attr, rel);
			free(url);
			ok = 1;
			goto out;
		}
		if (strncmp(path + 1, lang, n) != 0 || path[n + 1] != '/') {
			ok = fail(p, pg, el, what, v,
			    "not found: a site path to a file starts with the "
			    "page's language folder");
			diag(p->build->diag, DIAG_NOTE, pg->src, 0, 0,
			    "expected '/%s/...', the file being under "
			    "content/%s/", lang, lang);
			goto out;
		}
		rel = xstrdup(path + n + 2);
	} else {
		const char *slash = strrchr(pg->rel, '/');

		/* from the folder of the page's source file: a page's clean
		 * URL is one folder deeper, which the URL rewrite makes up */
		rel = slash != NULL ? xasprintf("%.*s/%s",
		    (int)(slash - pg->rel), pg->rel, path) : xstrdup(path);
	}
	if (!publishable(p, pg, el, what, v, rel))
		goto out;
	dir = xasprintf("%s/content/%s", p->site.dir, lang);
	full = xasprintf("%s/%s", dir, rel);
	if (!file_isfile(full)) {
		ok = fail(p, pg, el, what, v, "not found");
		diag(p->build->diag, DIAG_NOTE, pg->src, 0, 0,
		    "expected the file content/%s/%s",
		    lang, rel);
		goto out;
	}
	/* a symbolic link must not publish what lies outside content/ */
	if (realpath(full, realf) == NULL || realpath(dir, reald) == NULL ||
	    !inside(realf, reald)) {
		ok = fail(p, pg, el, what, v, "leaves the language folder "
		    "(symbolic link)");
		goto out;
	}
	{
		char *site = xasprintf("%s/%s", lang, rel);

		url = url_relative(pg->url, site, p->site.index_links);
		free(site);
	}
	{
		char *u = xasprintf("%s%s", url, suffix);

		tree_attr(el, attr, u);
		free(u);
	}
	free(url);
	tree_attr(el, DATA_PK_FILE, full);
	ok = 1;
out:
	free(path);
	free(suffix);
	free(rel);
	free(full);
	free(dir);
	return ok;
}

void
assets_forget(xmlNodePtr el)
{
	xmlUnsetProp(el, (const xmlChar *)DATA_PK_FILE);
}

void
assets_fragment(xmlNodePtr n, const char *dir)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		const char *src;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(c->name, (const xmlChar *)"img") == 0) {
			assets_forget(c);
			src = tree_get_attr(c, "src");
			if (src != NULL && *src != '\0' &&
			    !url_has_scheme(src) &&
			    src[0] != '/') {
				char *f = xasprintf("%s/%.*s", dir,
				    (int)strcspn(src, "?#"), src);

				tree_attr(c, DATA_PK_FILE, f);
				free(f);
			}
		}
		assets_fragment(c, dir);
	}
}

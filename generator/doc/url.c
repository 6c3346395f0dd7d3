/*
 * url.c: site paths and URLs, for the links between pages (links.c), the
 * files beside them (assets.c) and the site writer: a relative URL from
 * one page to another, "a/../b" normalised, a scheme recognised.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"

/* Whether URL u starts with a scheme ("https:", "mailto:"). */
int
url_has_scheme(const char *u)
{
	const char *p;

	for (p = u; *p != '\0' && *p != '/' && *p != '?' && *p != '#'; p++)
		if (*p == ':')
			return 1;
	return 0;
}

/* Normalises "a/b/../c/./d" in place; 0 if it climbs above the root. */
int
url_normalise(char *path)
{
	char **seg = NULL, *s, *save = NULL;
	size_t n = 0, i;
	struct buf b = { 0 };
	int ok = 1;

	for (s = strtok_r(path, "/", &save); s != NULL;
	    s = strtok_r(NULL, "/", &save)) {
		if (strcmp(s, ".") == 0)
			continue;
		if (strcmp(s, "..") == 0) {
			if (n == 0)
				ok = 0;
			else
				n--;
			continue;
		}
		seg = xrealloc(seg, (n + 1) * sizeof(char *));
		seg[n++] = s;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, '/');
		buf_puts(&b, seg[i]);
	}
	strcpy(path, b.data != NULL ? b.data : "");
	buf_free(&b);
	free(seg);
	return ok;
}

/* The URL of `to` relative to the page at URL `from` (both site paths);
 * with index_html, a folder's URL names its index.html. */
char *
url_relative(const char *from, const char *to, int index_html)
{
	struct buf b = { 0 };
	size_t common = 0, i;
	const char *p;

	/* the longest common prefix that ends at a '/' */
	for (i = 0; from[i] != '\0' && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	for (p = from + common; *p != '\0'; p++)
		if (*p == '/')
			buf_puts(&b, "../");
	buf_puts(&b, to + common);
	if (index_html && (b.len == 0 || b.data[b.len - 1] == '/'))
		buf_puts(&b, "index.html");
	else if (b.len == 0)
		buf_puts(&b, "./");
	return buf_detach(&b);
}

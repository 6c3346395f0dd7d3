/*
 * html/html.h: the site writer as the rest of pactkit sees it: the whole
 * site into outdir/site/, and one fragment's HTML (pactkit render).
 */
#ifndef HTML_HTML_H
#define HTML_HTML_H

#include "base/pactkit.h"

/* site.c: site_open loads the theme (NULL: printed); site_page takes
 * each page once built (written then, or by site_close with the rest of
 * the site). */
struct site_out;
struct site_out *site_open(struct project *, const char *outdir);
int	 site_page(struct site_out *, struct page *);
/* With ok, writes what is left; frees o either way.  1 ok, 0 (printed). */
int	 site_close(struct site_out *, int ok);
/* html.c: the HTML of one node's children; caller frees. */
char	*html_fragment(xmlNodePtr parent);

#endif /* !HTML_HTML_H */

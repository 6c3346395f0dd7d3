/*
 * html/internal.h: what the files of html/ share: the site being written
 * (struct site_out), the page being written (struct view), and each
 * part's functions.  The rest of pactkit sees html/html.h.
 */
#ifndef HTML_INTERNAL_H
#define HTML_INTERNAL_H

#include "base/pactkit.h"

/* One document in one language as this build wrote it (downloads.c). */
struct docfig {
	int		 read;      /* the files were looked at */
	int		 pages[4];  /* the PDFs' pages (document, booklet) */
	long long	 size[4];   /* bytes of the PDF, ODT, DOCX, booklet
	                             * PDF; -1: none */
};

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
	struct docfig	*figs;      /* [doc * nlangs + lang], read on first use */
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
	int		 index_html; /* links name a folder's index.html */
	xmlNodePtr	 body;      /* what goes into the content slot */
};

/* ---- html.c: the serialiser ------------------------------------------- */

/* Serialises n and its descendants as HTML5 into b. */
void	 html_node(struct buf *, xmlNodePtr);
/* The same, writing the children of src at the start of element slot
 * (a page's content in its template) without copying them. */
void	 html_node_slot(struct buf *, xmlNodePtr, xmlNodePtr slot,
	    xmlNodePtr src);
/* An element of a reused template: left out of this page (skip), or
 * serialised once and kept (freeze). */
void	 html_skip(xmlNodePtr);
void	 html_unskip(xmlNodePtr);
void	 html_freeze(xmlNodePtr);
void	 html_unfreeze(xmlNodePtr);

/* ---- view.c ------------------------------------------------------------- */

/* The URL of site path `to` from view v: relative, or (404 pages, which
 * a server shows at any depth) absolute from base_url's path. */
char	*view_href(const struct view *, const char *to);
/* Interface string key in lang (borrowed). */
const char *view_str(const struct site_out *, size_t lang, const char *key);
/* An <a> to site path `to` with text, appended to parent. */
xmlNodePtr view_link(xmlNodePtr parent, const struct view *, const char *to,
	    const char *text);
void	 view_text(xmlNodePtr, const char *text);  /* its children: text */
void	 view_clear(xmlNodePtr);                   /* no children */
/* Leaves a slot out of this page (the template is reused). */
void	 view_drop(xmlNodePtr);

/* ---- nav.c -------------------------------------------------------------- */

void	 nav_fill(struct site_out *, const struct view *, xmlNodePtr slot);
/* Takes the cached items out of the page that used them. */
void	 nav_unlink(struct site_out *);
/* Forgets the cached items (another folder's); with all, the table too. */
void	 nav_drop(struct site_out *, int all);

/* ---- slots.c ------------------------------------------------------------ */

/* Whether a template may hold slot data-pk="name". */
int	 slots_known(const char *name);
/* Fills slot e (data-pk="slot") for view v; an unknown one is left
 * empty. */
void	 slots_fill(struct site_out *, const struct view *, xmlNodePtr e,
	    const char *slot);

/* ---- downloads.c, identity.c: slots of their own ------------------------ */

/* "This page is part of: …" (slot "downloads"). */
void	 downloads_part_of(struct site_out *, const struct view *, xmlNodePtr);
/* The download panel of a page with downloads = true, linked into its
 * tree before its first h2 (the caller unlinks and frees it once the page
 * is written), or NULL. */
xmlNodePtr downloads_panel(struct site_out *, const struct view *);
void	 identity_logo(struct site_out *, const struct view *, xmlNodePtr);
void	 identity_fill(struct site_out *, const struct view *, xmlNodePtr);
void	 identity_statements(struct site_out *, const struct view *,
	    xmlNodePtr);
void	 identity_print(struct site_out *, const struct view *, xmlNodePtr);
/* The logo and assets/identity.css into the site; 1 ok, 0 (printed). */
int	 identity_files(struct site_out *);

/* ---- template.c --------------------------------------------------------- */

/* Reads the theme's page.xhtml; 1 ok, 0 (printed). */
int	 template_load(struct site_out *);
/* The template for one language: its language, its interface strings
 * and its static parts set once. */
void	 template_prepare(struct site_out *, size_t lang);
/* Fills the prepared template of v's language with view v; returns it. */
xmlDocPtr template_merge(struct site_out *, const struct view *);

/* ---- search.c ----------------------------------------------------------- */

/* Page pg's entry in its language's search index. */
void	 search_entry(struct site_out *, struct page *);
int	 search_write(struct site_out *, size_t lang);
int	 search_sitemap(struct site_out *);

#endif /* !HTML_INTERNAL_H */

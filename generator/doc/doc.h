/*
 * doc/doc.h: the project read into document trees: the pages found and
 * paired (project.c), Markdown into trees (markdown.c), typography,
 * links and the files beside pages checked, personal data flagged.  What
 * the writers and the commands call.
 */
#ifndef DOC_DOC_H
#define DOC_DOC_H

#include "base/pactkit.h"

/* project.c: reads lua/site.lua and walks content/<lang>/; pairs pages. */
/* Loads the project in dir for build b (which it keeps, borrowed); share
 * is the built-in lua/ and themes/.  1 ok, 0 (printed). */
int	 project_load(struct project *, struct build *, const char *dir,
	    const char *share);
void	 project_free(struct project *);
struct page *project_find(const struct project *, size_t lang,
	    const char *rel_or_key);
/* Warns about the pages of site.lua's documents that match nothing, and
 * documents with no pages (check and build alike). */
void	 project_check_docs(const struct project *);
/* Whether s ("rel" or "key", or a URL) names a draft page left out. */
int	 project_is_draft(const struct project *, size_t lang, const char *s);
/* The pages of document d in lang, in document order (patterns: a key,
 * a path under content/<lang>/ without .md, or "dir/\*"); free the array. */
struct page **project_doc_pages(const struct project *,
	    const struct docspec *, size_t lang, size_t *np);
/* The part of document d page pg belongs to: the index of the first of
 * d's patterns it matches (d->npages when none). */
size_t	 project_doc_part(const struct docspec *, const struct page *);

/* parts.c: the trees of pages[0..np) as document d keeps them: copies
 * without the worksheets' filled examples (examples = false), or with
 * only each page's title and blank worksheets (worksheets_only); NULL
 * when d keeps its pages whole, and an entry NULL for a page to take
 * whole.  Free with parts_free. */
xmlDocPtr *parts_copy(const struct docspec *d, struct page **pages,
	    size_t np);
void	 parts_free(xmlDocPtr *, size_t np);
/* A copy of the page tree at root for reading in a booklet: without its
 * blank worksheets (on half sheets their columns are too narrow to write
 * in), each with its section when that holds nothing else; NULL on
 * failure.  Free with xmlFreeDoc. */
xmlDocPtr parts_reading(xmlNodePtr root);

/* statements.c: the accessibility statement, privacy note and legal
 * notice pactkit writes in each language (struct page gen). */
enum stmt_kind {
	STMT_NONE,
	STMT_A11Y,                  /* key "accessibility" */
	STMT_PRIVACY,               /* key "privacy" */
	STMT_LEGAL,                 /* key "legal" */
};
/* Adds the statements a project has no page for (a page of content/ with
 * the key replaces one), paired; 1 ok, 0 (printed: a page at the
 * address of one). */
int	 statements_add(struct project *);
/* The page of statement kind in lang (the project's or pactkit's). */
struct page *statements_page(const struct project *, size_t lang, int kind);
/* Notes what a statement tells of element el of page pg: a worksheet
 * (form data-pk-form), an image from another site. */
void	 statements_saw(struct project *, struct page *, xmlNodePtr el);
/* The status the statement may claim (RGAA): none without a valid audit
 * or under 50 % of the criteria met, partial under 100 %. */
enum a11y_status statements_status(const struct a11y *);
/* The tree of a statement page pactkit writes; 1 ok. */
int	 statements_body(struct project *, struct page *);

/* lint.c: warns on e-mail addresses, phone numbers, ID-like numbers and
 * survivor-named fields in content/ and lua/data/ (errors with --strict). */
void	 lint_page(const struct project *, const struct page *);
void	 lint_data(const struct project *);

/* a11y.c: warns on an image without alt text, a heading level skipped
 * and a table without header cells (errors with --strict). */
void	 a11y_page(const struct project *, const struct page *);
/* The same for one tree (pactkit render), file naming it in messages. */
void	 a11y_tree(struct diag *, const char *file, xmlNodePtr root);

/* markdown.c: the front matter of page->text (title, key, weight...). */
int	 markdown_frontmatter(struct project *, struct page *);
/* The body (after markdown_frontmatter) into page->doc. */
int	 markdown_body(struct project *, struct page *);
/* One Markdown text into a new doc (pactkit render). */
xmlDocPtr markdown_fragment(struct diag *, struct project *, const char *file,
	    const char *text, size_t len, int fm_lines, size_t lang,
	    int raw_html);

/* pipetable.c: GitHub-style pipe tables in a paragraph's source lines. */
struct ptline {
	const char *s;              /* the line as written, container prefix
	                             * (quote markers, indent) off, no '\n' */
	size_t	 len;
	int	 line;              /* its line in the file */
	size_t	 off;               /* s's byte offset in its line */
};
enum ptalign { PT_NONE, PT_LEFT, PT_CENTER, PT_RIGHT };
struct ptcell {
	char	*text;              /* trimmed, "\|" made "|" */
	size_t	 len;
	size_t	*src;               /* len + 1 offsets: byte k of text was
	                             * byte src[k] of the line's s */
};
struct pipetable {
	size_t	 first;             /* the header's line (index in lines) */
	size_t	 ncols;
	enum ptalign *align;        /* each column's, from the delimiter row */
	struct ptcell **row;        /* nrows rows of ncols cells; [0] header */
	size_t	*line;              /* each row's index in lines */
	size_t	 nrows;
};
/* Finds the first table in lines[from..n): a header row, a delimiter row
 * with as many cells, then every line after it as a row (the lines of
 * one paragraph: it ends where the paragraph ends).  1 and *t filled
 * (free with pipetable_free), or 0. */
int	 pipetable_find(const struct ptline *, size_t n, size_t from,
	    struct pipetable *);
void	 pipetable_free(struct pipetable *);
void	 pipetable_free_row(struct ptcell *, size_t);

/* typo.c: French / English typography on text nodes, outside code. */
void	 typo_pass(xmlNodePtr root, const char *lang);
void	 typo_text(struct buf *out, const char *text, const char *lang);

/* links.c: .md links and site paths resolved to URLs; 1 ok, 0 (printed). */
int	 links_resolve(struct project *, struct page *);
/* The links to an id of a page built after theirs, checked now that all
 * are built; 1 ok, 0 (printed). */
int	 links_finish(struct project *);
/* url.c: the URL of site path `to` relative to the page at site path
 * `from`; with index_html, a folder's URL names its index.html.  Caller
 * frees. */
char	*url_relative(const char *from, const char *to, int index_html);
/* Normalises "a/b/../c/./d" in place; 0 if it climbs above the root. */
int	 url_normalise(char *path);
/* Whether URL u starts with a scheme ("https:", "mailto:"). */
int	 url_has_scheme(const char *u);

/* assets.c: files beside pages (images, downloads) under content/<lang>/.
 * Resolves attribute attr ("src" of an img, "href" of an a) of el in pg:
 * a relative path from the page's source folder, or "/<lang>/...";
 * checks the file, rewrites attr to its relative URL in the site and
 * notes the file on el as data-pk-file.  -1: not a file (a URL with a
 * scheme, a link with no extension), 1 ok, 0 an error (printed). */
int	 assets_resolve(struct project *, struct page *, xmlNodePtr el,
	    const char *attr);
/* Drops a data-pk-file that el carries (only assets.c may set it). */
void	 assets_forget(xmlNodePtr el);
/* pactkit render: notes on each img its file, src taken from dir. */
void	 assets_fragment(xmlNodePtr root, const char *dir);

#endif /* !DOC_DOC_H */

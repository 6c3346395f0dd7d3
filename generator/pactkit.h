/*
 * pactkit.h: the types every stage shares (project, site settings, pages,
 * documents) and the prototypes of each stage's entry points.  Each
 * library's own header is included only by the stage that uses it; the
 * document tree is a libxml2 xmlDoc, so libxml2's tree.h is shared.
 */
#ifndef PACTKIT_H
#define PACTKIT_H

#include <signal.h>
#include <stddef.h>
#include <stdarg.h>
#include <libxml/tree.h>

#define PK_VERSION "0.1.0"
#define PK_MAXLANG 8            /* languages a project may declare */
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define SVG_NS "http://www.w3.org/2000/svg"

/* ---- buf.c, util.c ---------------------------------------------------- */

struct buf {
	char	*data;          /* NUL-terminated once anything is written */
	size_t	 len;           /* bytes used, NUL excluded */
	size_t	 cap;           /* bytes allocated */
};

void	 buf_grow(struct buf *, size_t);
void	 buf_put(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *);
char	*buf_detach(struct buf *);          /* caller frees; buf is empty */
void	 buf_free(struct buf *);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Reads a whole file; returns a new NUL-terminated buffer (free it) or
 * NULL with errno set.  *len gets the size. */
char	*util_readfile(const char *, size_t *);
/* Writes len bytes to path, creating parent folders; 1 ok, 0 (printed). */
int	 util_writefile(const char *, const void *, size_t);
int	 util_mkdirs(const char *);         /* mkdir -p; 1 ok, 0 (printed) */
int	 util_rmtree(const char *);         /* rm -rf; 1 ok, 0 failed */
int	 util_isdir(const char *);
/* the signal that asked the running build to stop, 0 when none: set by
 * build.c's handler, polled by the long loops (pages, documents, the Lua
 * count hook), which then fail the build */
extern volatile sig_atomic_t util_stop;
int	 util_isfile(const char *);
int	 util_copyfile(const char *from, const char *to);
int	 util_copytree(const char *, const char *); /* cp -r; 1 ok, 0 (printed) */
/* Returns 1 when s is valid UTF-8 (no overlongs, no surrogates); else 0
 * and *bad gets the offset of the first bad byte. */
int	 util_utf8_valid(const char *, size_t, size_t *bad);
/* Next code point of UTF-8 s at *i (advanced); -1 on a bad sequence. */
long	 util_utf8_next(const char *, size_t, size_t *i);
/* Column (1-based, in characters) of byte offset off in line start. */
int	 util_utf8_col(const char *line, size_t off);
/* SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
long long util_epoch(void);

/* outfiles.c: the lists of the files each build wrote (in
 * OUT/.pactkit/), so that the next build but one, which reuses that
 * folder, keeps unchanged files without reading them and removes stale
 * ones without walking the tree. */
void	 outfiles_begin(const char *root, int fresh);
int	 outfiles_have_lists(void);
/* Whether the folder was empty when the build began (begin's fresh):
 * nothing there to keep, compare or remove. */
int	 outfiles_fresh(void);
int	 outfiles_unchanged(const char *path, const void *data, size_t len);
void	 outfiles_wrote(const char *path, int fd, const void *data,
	    size_t len);
/* Saves this writer's list as .pactkit/files-WRITER.new; 0 on error. */
int	 outfiles_save(const char *writer);
/* Drops the lines of this process (a forked writer starts afresh). */
void	 outfiles_forget(void);
/* Removes what the old lists name and no new list does: under prefix
 * (inside = 1), or elsewhere (0). */
void	 outfiles_prune(const char *prefix, int inside);
void	 outfiles_commit(void);
void	 outfiles_end(void);

/* A map from strings (copied) to borrowed pointers. */
struct strmap {
	char	**keys;         /* NULL or an owned key */
	void	**vals;         /* the value of keys[i] */
	size_t	  cap;          /* slots, a power of two */
	size_t	  n;            /* keys held */
};

void	*strmap_get(const struct strmap *, const char *);
/* Adds k -> v; returns 0 (and changes nothing) when k is there already. */
int	 strmap_put(struct strmap *, const char *, void *);
void	 strmap_free(struct strmap *);

/* A set of strings (copied; open addressing). */
struct strset {
	char	**slot;         /* NULL or an owned string */
	size_t	  cap;          /* a power of two */
	size_t	  n;            /* strings held */
};

/* Adds s; returns 0 when it was already there. */
int	 strset_add(struct strset *, const char *);
int	 strset_has(const struct strset *, const char *);
void	 strset_free(struct strset *);

/* ---- diag.c: the only code that prints diagnostics ------------------- */

enum diag_level {
	DIAG_NOTE,
	DIAG_WARN,
	DIAG_ERROR,
};

/* Prints "file:line:col: error: msg" (line/col 0 are left out). */
void	 diag(enum diag_level, const char *file, int line, int col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	 vdiag(enum diag_level, const char *, int, int, const char *,
	    va_list);
void	 diag_sys(const char *path);        /* "path: strerror(errno)" */
size_t	 diag_errors(void);                 /* errors printed so far */
size_t	 diag_warnings(void);
void	 diag_set_strict(int);              /* warnings count as errors */
void	 diag_set_quiet(int);               /* hide notes and warnings */
void	 diag_set_json(int);                /* collect, print as JSON at end */
void	 diag_flush_json(void);
void	 diag_reset(void);                  /* counts back to zero */
/* A forked writer: begin relaying (child, after fork), send what it
 * said since to the parent (child, at the end), which takes it in as
 * its own (counts, serve's overlay, JSON).  1 ok, 0 failed. */
void	 diag_relay_begin(void);
int	 diag_relay_send(int fd);
int	 diag_relay_receive(int fd);
void	 diag_capture(struct buf *);        /* also copy lines into b (NULL: stop) */

/* ---- the project: lua/site.lua and content/ --------------------------- */

/* A string in every language of the site; NULL where not given. */
struct lstr {
	char	*s[PK_MAXLANG];
};

struct kv {
	char	*k;                 /* key */
	char	*v;                 /* value */
};

/* The files a document is written as (site.lua formats = { ... }). */
#define DOC_PDF  1u             /* output/pdf/<lang>/<id>.pdf */
#define DOC_ODT  2u             /* output/pdf/<lang>/<id>.odt */
#define DOC_DOCX 4u             /* output/pdf/<lang>/<id>.docx */

/* One PDF named in site.lua documents = { ... }. */
struct docspec {
	char	*id;                /* file name: output/pdf/<lang>/<id>.pdf */
	struct lstr title;          /* document title (cover, header, info) */
	struct lstr subtitle;       /* cover subtitle, may be empty */
	char	**pages;            /* page keys or paths, '*' globs allowed */
	size_t	 npages;
	int	 cover;             /* 1: draw a cover page (default) */
	int	 toc;               /* 1: table of contents (default) */
	int	 recto;             /* 1: each part starts on a right-hand page (default 0) */
	unsigned formats;           /* DOC_PDF | DOC_ODT | DOC_DOCX (default DOC_PDF) */
	int	 line;              /* line of this entry in site.lua */
};

struct site {
	char	*dir;               /* project folder, as given */
	char	*sharedir;          /* built-in lua/ and themes/ */
	char	*file;              /* "lua/site.lua" path for messages */
	struct lstr title;          /* site title */
	struct lstr description;    /* one-line description, may be empty */
	struct lstr author;         /* PDF author, footer */
	char	*langs[PK_MAXLANG]; /* language codes; [0] is the default */
	size_t	 nlangs;
	char	*base_url;          /* absolute URL ending in '/', for sitemap */
	char	*theme;             /* theme name: themes/<name>/ */
	char	*paper[PK_MAXLANG]; /* "A4" or "Letter" per language */
	int	 raw_html;          /* 1: keep raw HTML and any URL scheme */
	int	 index_links;       /* 1: links end in index.html (file://) */
	struct docspec *docs;       /* the PDFs to build */
	size_t	 ndocs;
	struct kv *i18n[PK_MAXLANG]; /* interface strings per language */
	size_t	 ni18n[PK_MAXLANG];
};

struct page {
	char	*src;               /* "content/fr/guide/mou.md" (for messages) */
	char	*path;              /* the file on disk */
	size_t	 lang;              /* index into site->langs */
	char	*rel;               /* path under content/<lang>/ without .md */
	char	*url;               /* site-relative, "fr/guide/mou/" ("fr/" home) */
	char	*key;               /* translation key (front matter or rel) */
	char	*title;             /* front matter title, else the first h1 */
	char	*updated;           /* "YYYY-MM-DD" or NULL */
	char	*description;       /* may be NULL */
	int	 weight;            /* order among siblings (default 0) */
	char	*slug;              /* front matter slug, or NULL */
	int	 is_index;          /* index.md or _index.md: a section page */
	int	 fm_lines;          /* lines before the body (front matter) */
	char	*text;              /* the whole file, NUL-terminated */
	size_t	 textlen;
	const char *body;           /* Markdown body inside text */
	size_t	 bodylen;
	xmlDocPtr doc;              /* document tree: <article> root (XHTML ns);
	                             * NULL once written, unless a PDF needs it */
	struct strset ids;          /* every id of doc (links to #id) */
	int	 done;              /* doc built, ids known */
	struct page *trans[PK_MAXLANG]; /* translations, self included */
	struct page *parent;        /* section page, NULL for the home page */
	struct page **kids;         /* pages of this section, sorted */
	size_t	 nkids;
	struct page *prev, *next;   /* reading order in this language */
	size_t	 idx;               /* index in project->pages */
};

struct project {
	struct site site;           /* settings from lua/site.lua */
	struct page **pages;        /* every page, sorted by lang then order */
	size_t	 npages;
	struct page *home[PK_MAXLANG]; /* content/<lang>/index.md, or NULL */
	struct sandbox *lua;        /* the one Lua sandbox of this build */
	struct strmap byrel;        /* "lang/rel" -> page */
	struct strmap bykey;        /* "lang/key" -> page */
	struct strmap byurl;        /* url -> page */
	int	 lang_only;         /* -1: every language; else a forked writer's */
};

/* Interface string `key` in language `lang`: the project's lua/i18n, else
 * the built-in table, else the key itself.  Borrowed. */
const char *site_str(const struct site *, size_t lang, const char *key);
/* The lstr in lang, else in the default language, else "". Borrowed. */
const char *lstr_get(const struct lstr *, size_t lang);
void	 lstr_free(struct lstr *);

/* project.c: reads lua/site.lua and walks content/<lang>/; pairs pages. */
int	 project_load(struct project *, const char *dir, const char *share);
void	 project_free(struct project *);
struct page *project_find(const struct project *, size_t lang,
	    const char *rel_or_key);
/* The pages of document d in lang, in document order (patterns: a key,
 * a path under content/<lang>/ without .md, or "dir/\*"); free the array. */
struct page **project_doc_pages(const struct project *,
	    const struct docspec *, size_t lang, size_t *np);

/* lint.c: warns on e-mail addresses, phone numbers, ID-like numbers and
 * survivor-named fields in content/ and lua/data/ (errors with --strict). */
void	 lint_page(const struct page *);
void	 lint_data(const struct project *);

/* ---- lua_*.c: the sandbox (lua.h is included by lua_*.c only) ---------- */

struct sandbox;

/* A new sandboxed state for one build; free with sandbox_free(). */
struct sandbox *sandbox_new(const struct site *);
void	 sandbox_free(struct sandbox *);
/* Reads path (lua/site.lua) into site; 1 ok, 0 (printed). */
int	 data_site(struct sandbox *, const char *path, struct site *);
/* Loads lua/i18n/<lang>.lua over the built-in tables into site->i18n. */
int	 data_i18n(struct sandbox *, struct site *);
/* Runs front matter text (len bytes, first line `line` of file) and fills
 * title, key, updated, weight, description of page; 1 ok, 0 (printed). */
/* A name of a data file, theme, document or slug: a-z, 0-9, '-', '_'. */
int	 data_goodname(const char *);
int	 data_frontmatter(struct sandbox *, const char *file, int line,
	    const char *text, size_t len, struct page *);
/* Calls component `name` with the Lua fields in body (len bytes, starting
 * at line `line` of file) for language lang; appends the nodes it returns
 * to parent.  1 ok, 0 (printed). */
int	 component_call(struct sandbox *, const struct site *, size_t lang,
	    const char *name, const char *body, size_t len,
	    const char *file, int line, xmlNodePtr parent);
/* Runs a project Lua file (path on disk) in the sandbox, with `pk`, and
 * leaves nresults values on the stack of sandbox_state(); 1 ok, 0
 * (printed). */
int	 sandbox_runfile(struct sandbox *, const char *path, int nresults);
struct lua_State *sandbox_state(struct sandbox *);
/* The page being built: pk.lang, pk.id numbering, warnings' position. */
void	 sandbox_set_page(struct sandbox *, const char *file, size_t lang);

/* format.c: numbers, money and dates in the page's language. */
void	 format_number(struct buf *, const char *lang, double, int decimals);
void	 format_money(struct buf *, const char *lang, double,
	    const char *currency);
/* "2026-11-21" -> "21 novembre 2026" / "November 21, 2026"; 0 if invalid */
int	 format_date(struct buf *, const char *lang, const char *iso);
/* 1 when iso is a valid "YYYY-MM-DD" date; fills y, m, d (may be NULL). */
int	 format_isodate(const char *iso, int *y, int *m, int *d);

/* build.c: a whole build (check = 0) or check (1) of the project in dir
 * into outdir (NULL: dir/output).  Returns the exit status, 0 or 1. */
extern int build_once;
int	 build_run(const char *dir, const char *outdir, int check, int verbose,
	    int quiet);
/* The folder of the built-in lua/ and themes/ (PACTKIT_SHARE, beside the
 * binary, or the installed one); caller frees. */
char	*build_share(void);
/* serve.c: builds dir, serves it on 127.0.0.1:port, rebuilds on change. */
int	 serve_run(const char *dir, int port);

/* ---- the document tree ------------------------------------------------ */

/* markdown.c: the front matter of page->text (title, key, weight...). */
int	 markdown_frontmatter(struct project *, struct page *);
/* The body (after markdown_frontmatter) into page->doc. */
int	 markdown_body(struct project *, struct page *);
/* One Markdown text into a new doc (pactkit render). */
xmlDocPtr markdown_fragment(struct project *, const char *file,
	    const char *text, size_t len, int fm_lines, size_t lang,
	    int raw_html);

/* tree.c: constructors and walks over the document tree. */
xmlNodePtr tree_el(xmlNodePtr parent, const char *name);
xmlNodePtr tree_el_text(xmlNodePtr parent, const char *name, const char *text);
void	 tree_text(xmlNodePtr parent, const char *text);
void	 tree_attr(xmlNodePtr, const char *name, const char *value);
const char *tree_get_attr(xmlNodePtr, const char *name); /* borrowed */
/* Source position kept on a node as data-pk-pos="line:col". */
void	 tree_set_pos(xmlNodePtr, int line, int col);
int	 tree_is_inline(xmlNodePtr);
int	 tree_pos(xmlNodePtr, int *line, int *col);
/* All text below node, concatenated; caller frees. */
char	*tree_text_content(xmlNodePtr);
/* A slug for heading ids: lowercase ASCII, accents folded, '-' between. */
char	*tree_slug(const char *);
/* Gives every heading a unique id (slug of its text); with ids, leaves
 * there every id of the tree (caller frees). */
void	 tree_ids(xmlNodePtr root, struct strset *ids);
int	 tree_is_safe_url(const char *url); /* no javascript:, vbscript:, data: */

/* typo.c: French / English typography on text nodes, outside code. */
void	 typo_pass(xmlNodePtr root, const char *lang);
void	 typo_text(struct buf *out, const char *text, const char *lang);

/* links.c: .md links and site paths resolved to URLs; 1 ok, 0 (printed). */
int	 links_resolve(struct project *, struct page *);
/* The links to an id of a page built after theirs, checked now that all
 * are built; 1 ok, 0 (printed). */
int	 links_finish(void);
/* The URL of site path `to` relative to the page at site path `from`;
 * with links_index_html(1), a folder's URL names its index.html. */
char	*links_relative(const char *from, const char *to);
void	 links_index_html(int);
/* Normalises "a/b/../c/./d" in place; 0 if it climbs above the root. */
int	 links_normalise(char *path);
/* Whether URL u starts with a scheme ("https:", "mailto:"). */
int	 links_has_scheme(const char *u);

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
/* Copies the files page pg references into outdir/site/<lang>/
 * (unchanged ones kept; done: the files copied already); 1 ok, 0
 * (printed). */
int	 assets_page(struct project *, struct page *, const char *outdir,
	    struct strmap *done);
/* pactkit render: notes on each img its file, src taken from dir. */
void	 assets_fragment(xmlNodePtr root, const char *dir);

/* ---- writers ---------------------------------------------------------- */

/* html.c + site.c: the whole site into outdir/site/.  site_open loads the
 * theme (NULL: printed); site_page takes each page once built (written
 * then, or by site_close with the rest of the site). */
struct site_out;
struct site_out *site_open(struct project *, const char *outdir);
int	 site_page(struct site_out *, struct page *);
/* With ok, writes what is left; frees o either way.  1 ok, 0 (printed). */
int	 site_close(struct site_out *, int ok);
/* The HTML of one node's children (pactkit render); caller frees. */
char	*html_fragment(xmlNodePtr parent);
/* Serialises n and its descendants as HTML5 into b. */
void	 html_node(struct buf *, xmlNodePtr);
void	 html_skip(xmlNodePtr);
void	 html_unskip(xmlNodePtr);
void	 html_freeze(xmlNodePtr);
void	 html_unfreeze(xmlNodePtr);
/* The same, writing the children of src at the start of element slot
 * (a page's content in its template) without copying them. */
void	 html_node_slot(struct buf *, xmlNodePtr, xmlNodePtr slot,
	    xmlNodePtr src);

/* pdf.c: the documents of site.lua into outdir/pdf/<lang>/<id>.pdf. */
int	 pdf_write_all(struct project *, const char *outdir);
/* One document tree (root <article>) into a PDF at outpath, with cover
 * and contents, in lang on paper ("A4"/"Letter"); when dump is not NULL,
 * the layout (one line per box) goes there.  1 ok, 0 (printed). */
int	 pdf_render_tree(xmlNodePtr article, const char *lang,
	    const char *paper, const char *title, const char *outpath,
	    const char *dump);

/* office.c: the documents of site.lua whose formats hold "odt" or
 * "docx" into outdir/pdf/<lang>/<id>.odt and .docx.  1 ok, 0 (printed). */
int	 office_write_all(struct project *, const char *outdir);

#endif /* !PACTKIT_H */

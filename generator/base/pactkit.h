/*
 * base/pactkit.h: the types every stage shares (the build, project, site
 * settings, pages, documents) and what base/ gives them (memory, buffers,
 * maps, diagnostics, files, UTF-8, formats).  Each stage's own functions
 * are in its folder's header (generator/README.md); each library's header
 * is included only by the stage that uses it; the document tree is a
 * libxml2 xmlDoc, so libxml2's tree.h is shared.
 */
#ifndef PACTKIT_H
#define PACTKIT_H

#include <stddef.h>
#include <stdarg.h>
#include <libxml/tree.h>

#define PK_VERSION "0.1.0"
#define PK_MAXLANG 8            /* languages a project may declare */
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define SVG_NS "http://www.w3.org/2000/svg"
/* On an img or a, the file beside the pages it names (set by doc/assets.c
 * only): its path on disk, for the site writer to copy and the PDF to
 * print.  Not written out. */
#define DATA_PK_FILE "data-pk-file"

struct diag;

/* ---- buf.c, xalloc.c --------------------------------------------------- */

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

/* ---- file.c, utf8.c --------------------------------------------------- */

/* Reads a whole file; returns a new NUL-terminated buffer (free it) or
 * NULL with errno set.  *len gets the size. */
char	*file_read(const char *, size_t *);
int	 file_mkdirs(struct diag *, const char *); /* mkdir -p; 1 ok, 0 (printed) */
int	 file_rmtree(const char *);         /* rm -rf; 1 ok, 0 failed */
int	 file_isdir(const char *);
int	 file_isfile(const char *);
long long file_size(const char *);          /* bytes of a file; -1: none */
/* The names in dir ending in ext ("*.lua"), ext cut off, dot files left
 * out, sorted; returns how many in *names (free each, then the array). */
size_t	 file_names(const char *dir, const char *ext, char ***names);
/* Returns 1 when s is valid UTF-8 (no overlongs, no surrogates); else 0
 * and *bad gets the offset of the first bad byte. */
int	 utf8_valid(const char *, size_t, size_t *bad);
/* Returns 1 when s is UTF-8 text that XML 1.0, and so every writer,
 * can carry: valid, with no control character but tab, line feed and
 * carriage return, no U+FFFE or U+FFFF.  Else 0: *bad gets the offset
 * of the first bad byte, *cp its character (-1: not UTF-8). */
int	 utf8_text(const char *, size_t, size_t *bad, long *cp);
/* Next code point of UTF-8 s at *i (advanced); -1 on a bad sequence. */
long	 utf8_next(const char *, size_t, size_t *i);
/* Drops a UTF-8 byte order mark (what Windows editors put at the start
 * of a file) from s, a NUL-terminated text of *len bytes, in place. */
void	 utf8_dropbom(char *, size_t *len);
/* Column (1-based, in characters) of byte offset off in line start. */
int	 utf8_col(const char *line, size_t off);

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

/* ---- suggest.c --------------------------------------------------------- */

/* Levenshtein distance, and the nearest of n words (NULL when none is
 * near enough to suggest). */
size_t	 suggest_distance(const char *, const char *);
const char *suggest_nearest(const char *, const char *const *, size_t);

/* ---- font.c ----------------------------------------------------------- */

/* The advance width of an ASCII character c (32 to 126) in Liberation
 * Sans, in 1/1000 em. */
int	 font_ascii_width(int c);
/* The advance of code point cp in Liberation Sans, per mille of the
 * size (accented Latin letters as their base letter, others 556). */
int	 font_width(long cp);

/* ---- json.c ----------------------------------------------------------- */

enum {
	JSON_FLAT = 1,              /* tab, CR and LF as one space */
	JSON_HTML = 2,              /* '<' escaped: safe inside a page */
};

/* s (len bytes) as the inside of a JSON string (no quotes). */
void	 json_run(struct buf *, const char *, size_t, int flags);
/* s as a JSON string, quoted. */
void	 json_str(struct buf *, const char *, int flags);

/* ---- stop.c: an interrupted build ------------------------------------- */

void	 stop_ask(int sig);                 /* the handler: async-signal-safe */
int	 stop_asked(void);                  /* the signal, or 0: go on */
void	 stop_clear(void);

/* ---- diag.c: the only code that prints diagnostics ------------------- */

enum diag_level {
	DIAG_NOTE,
	DIAG_WARN,
	DIAG_ERROR,
};

/* Where a build's messages go, and what it counts: made by whoever runs
 * the build (main, serve), zeroed, then options set; free with
 * diag_free.  Every stage reaches it through its build. */
struct diag {
	size_t	 nerrors;           /* errors said so far */
	size_t	 nwarnings;         /* warnings said so far */
	int	 strict;            /* warnings count as errors (--strict) */
	int	 quiet;             /* notes and warnings not printed (-q) */
	int	 shown;             /* the last error or warning was printed: its notes are */
	int	 json;              /* collected, printed at the end (--format json) */
	struct buf jbuf;            /* the JSON items, comma-separated */
	struct buf *capture;        /* also collect the printed lines here */
	struct strset said;         /* what was said: each message once */
	int	 dropping;          /* the last message was a repeat: its notes go too */
	int	 relaying;          /* a forked writer: records for the parent */
	struct buf relay;           /*   the records said since the fork */
};

/* Prints "file:line:col: error: msg" (line/col 0 are left out). */
void	 diag(struct diag *, enum diag_level, const char *file, int line,
	    int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
void	 diag_va(struct diag *, enum diag_level, const char *, int, int,
	    const char *, va_list);
void	 diag_sys(struct diag *, const char *path); /* "path: strerror(errno)" */
size_t	 diag_errors(const struct diag *);  /* errors said so far */
size_t	 diag_warnings(const struct diag *);
/* "2 errors, 1 warning" (what was said so far) into buf. */
void	 diag_counts(const struct diag *, struct buf *);
void	 diag_flush_json(struct diag *);    /* --format json: all of it */
void	 diag_free(struct diag *);
/* A forked writer: begin relaying (child, after fork: nothing is
 * printed), send what it said since to the parent (child, at the end),
 * which says it as its own (once, counted, printed or in the JSON, in
 * serve's capture).  1 ok, 0 failed. */
void	 diag_relay_begin(struct diag *);
int	 diag_relay_send(struct diag *, int fd);
int	 diag_relay_receive(struct diag *, int fd);

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

/* A document's contents: never, always, or from 12 pages on. */
enum { DOC_TOC_OFF, DOC_TOC_ON, DOC_TOC_AUTO };

/* One PDF named in site.lua documents = { ... }. */
struct docspec {
	char	*id;                /* file name: output/pdf/<lang>/<id>.pdf */
	struct lstr title;          /* document title (cover, header, info) */
	struct lstr subtitle;       /* cover subtitle, may be empty */
	char	**pages;            /* page keys or paths, '*' globs allowed */
	int	*pline;             /* where each is in site.lua: line, */
	int	*pcol;              /*   column (0: not known) */
	size_t	 npages;
	int	 cover;             /* 1: draw a cover page (default) */
	int	 toc;               /* DOC_TOC_*: contents (default: auto) */
	int	 duplex;            /* 1: each part starts on a right-hand page
				     * (default 0; `recto` is its old name) */
	int	 booklet;           /* 1: also <id>-booklet.pdf, A5 two-up */
	int	 examples;          /* 0: the worksheets' filled examples left out (default 1) */
	int	 worksheets_only;   /* 1: each page's title and blank worksheets only */
	unsigned formats;           /* DOC_PDF | DOC_ODT | DOC_DOCX (default DOC_PDF) */
	char	*paper[PK_MAXLANG]; /* "A4" or "Letter" per language (the
				     * site's unless the document says) */
	int	 line;              /* line of this entry in site.lua */
	int	 col;               /*   and its column (0: not known) */
	int	 pdfpages[PK_MAXLANG]; /* pages of the PDF this build wrote, per
	                             * language (pdf/pdf.c); 0: none written */
	int	 bookletpages[PK_MAXLANG]; /* pages of <id>-booklet.pdf (sheet
	                             * sides), per language; 0: none */
};

/* Who publishes a toolkit (lua/site.lua, every field optional): the PDFs'
 * covers and colophons and the site's footer and statements show it. */
struct identity {
	struct lstr publisher;      /* "Ministère de …", may be empty */
	char	*publisher_url;     /* http(s) URL, or NULL */
	char	*logo;              /* as written in site.lua: "assets/logo.svg" */
	char	*logo_file;         /* that file on disk (PNG or SVG), or NULL */
	struct lstr edition;        /* "Première édition, mars 2027" */
	struct lstr licence;        /* "CC BY 4.0" */
	char	*licence_url;       /* http(s) URL, or NULL */
	struct lstr cite;           /* how to cite the toolkit */
	char	*contact_email;     /* an office's address, never a person's */
	char	*contact_url;       /* a contact page: http(s) URL, or NULL */
	struct lstr contact_address; /* a postal address */
	struct lstr disclaimer;     /* what the publisher does not vouch for */
	char	*theme_color;       /* "#rrggbb", or NULL: the theme's own */
	struct lstr director;       /* the director of publication (legal notice) */
	struct lstr host;           /* who hosts the site (legal notice) */
	struct lstr host_address;
	char	*host_url;          /* http(s) URL, or NULL */
};

/* The accessibility statement's settings (lua/site.lua accessibility =
 * { … }, all optional): what the publisher declares; the statement adds
 * what pactkit itself ensures (doc/statements.c). */
enum a11y_status {
	A11Y_NONE,                  /* no valid audit, or under 50 %: "non conforme" */
	A11Y_PARTIAL,               /* audited, at least 50 % of the criteria met */
	A11Y_FULL,                  /* audited, every criterion met */
};

struct a11y {
	enum a11y_status status;    /* default A11Y_NONE */
	char	*standard;          /* "RGAA 4.1.2" (the default) */
	char	*audit_date;        /* "YYYY-MM-DD", or NULL: not audited */
	struct lstr audit_by;       /* who audited */
	double	 rate;              /* % of the criteria met; < 0: not given */
	struct lstr *issues;        /* content found not accessible */
	size_t	 nissues;
	struct lstr *derogations;   /* disproportionate burden, with reasons */
	size_t	 nderogations;
	char	*email;             /* feedback contact; default the site's */
	char	*url;
	struct lstr address;
	struct lstr recourse;       /* empty: the built-in text of the language */
	struct lstr law;            /* the obligation; empty: the built-in text */
	char	*date;              /* "YYYY-MM-DD" the statement was made, or NULL */
};

/* What a PDF claims to be (site.lua pdf_standard): PDF/UA-1 and PDF/A-2a,
 * tagged (the default); one of the two; PDF/A-2b, untagged (print
 * sheets); or nothing of the kind. */
enum pdf_standard {
	PDFSTD_UA1_A2A,
	PDFSTD_UA1,
	PDFSTD_A2A,
	PDFSTD_A2B,
	PDFSTD_NONE,
};

struct site {
	char	*dir;               /* project folder, as given */
	char	*sharedir;          /* built-in lua/ and themes/ */
	char	*file;              /* "lua/site.lua" path for messages */
	struct lstr title;          /* site title */
	struct lstr description;    /* one-line description, may be empty */
	struct lstr author;         /* PDF author, footer */
	struct identity id;         /* publisher, logo, licence, contact... */
	struct a11y a11y;           /* the accessibility statement's settings */
	char	*langs[PK_MAXLANG]; /* language codes; [0] is the default */
	size_t	 nlangs;
	char	*base_url;          /* absolute URL ending in '/', for sitemap */
	char	*theme;             /* theme name: themes/<name>/ */
	char	*paper[PK_MAXLANG]; /* "A4" or "Letter" per language (A4) */
	int	 raw_html;          /* 1: keep raw HTML and any URL scheme */
	int	 index_links;       /* 1: links end in index.html (file://) */
	enum pdf_standard pdfstd;   /* what the PDFs claim (pdf_standard) */
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
	int	 downloads;         /* front matter downloads = true: the panel */
	int	 gen;               /* a statement pactkit writes (enum stmt_kind,
	                             * doc/doc.h); 0: a page of content/ */
	char	*slug;              /* front matter slug, or NULL */
	int	 is_index;          /* index.md or _index.md: a section page */
	int	 draft;             /* front matter draft = true */
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

/* The links of a build to an id of a page not built yet (doc/links.c):
 * checked once every page is built. */
struct links {
	struct later	*later;     /* href, position, pages from and to */
	size_t		 n;
};

/* One build (or check, or render): what it owns, made afresh each time
 * (so that serve's next build starts clean), reached by every stage
 * through its project. */
struct build {
	struct diag	*diag;      /* where its messages go, counted */
	struct out	*out;       /* the output (output/); NULL: nothing written */
	struct links	*links;     /* links waiting for pages (doc/links.c) */
	int		 verbose;   /* -v: each page as it is read */
	int		 quiet;     /* -q: errors only */
	int		 drafts;    /* --drafts: draft pages built, marked */
	const char	*dump_layout; /* --dump-layout DIR: each PDF's layout
				     * as DIR/<lang>/<id>.layout, or NULL */
};

struct project {
	struct build *build;        /* the build it is loaded for */
	struct site site;           /* settings from lua/site.lua */
	struct page **pages;        /* every page, sorted by lang then order */
	size_t	 npages;
	struct page *home[PK_MAXLANG]; /* content/<lang>/index.md, or NULL */
	struct sandbox *lua;        /* the one Lua sandbox of this build */
	struct strmap byrel;        /* "lang/rel" -> page */
	struct strmap bykey;        /* "lang/key" -> page */
	struct strmap byurl;        /* url -> page */
	struct strset drafts;       /* "lang/rel", "lang/key", url of each draft
	                             * left out of the build */
	struct strmap forms[PK_MAXLANG]; /* worksheet name (data-pk-form) -> the
	                             * first page showing it, per language */
	struct strmap remote[PK_MAXLANG]; /* host of an image from another
	                             * site -> the first page showing it */
	int	 lang_only;         /* -1: every language; else a forked writer's */
};

/* lstr.c: the lstr in lang, else in the default language, else "".
 * Borrowed. */
const char *lstr_get(const struct lstr *, size_t lang);
void	 lstr_free(struct lstr *);
/* Interface string `key` in language `lang`: the project's lua/i18n, else
 * the built-in table, else the key itself.  Borrowed. */
const char *lstr_ui(const struct site *, size_t lang, const char *key);
/* Sorts a language's interface strings for lstr_ui. */
void	 lstr_ui_sort(struct kv *, size_t);

/* ---- the PDF style ---------------------------------------------------- */

/* The faces a document may use; fonts load on first use. */
enum pdf_font {
	PF_SERIF,
	PF_SERIF_B,
	PF_SERIF_I,
	PF_SERIF_BI,
	PF_SANS,
	PF_SANS_B,
	PF_SANS_I,
	PF_SANS_BI,
	PF_MONO,
	PF_MONO_B,
	PF_MONO_I,
	PF_MONO_BI,
	PF_FALLBACK,            /* glyphs the others lack (☐ ✓) */
	PF__MAX
};

/* Bits of a face: PF_SERIF + PF_BOLD + PF_ITALIC is PF_SERIF_BI. */
#define PF_BOLD   1
#define PF_ITALIC 2

/* The PDF style: themes/<theme>/pdf.lua (read by lua/pdfstyle.c), or
 * the built-in defaults; used by the PDF writer. */
struct pdf_style {
	char	*font[PF__MAX];     /* TTF paths, one per face */
	char	*file;              /* pdf.lua path for messages, or NULL */
	double	 size;              /* body text size, pt */
	double	 measure;           /* running text's width at most, pt
				     * (0: the frame's) */
	double	 leading;           /* line height as a multiple of size */
	double	 hsize[6];          /* h1..h6 sizes, pt */
	double	 codesize;          /* code blocks and inline code, pt */
	double	 smallsize;         /* header, footer, captions, notes, pt */
	double	 tablesize;         /* table text, pt */
	double	 margin[4];         /* top, right, bottom, left, pt */
	double	 parskip;           /* space between blocks, pt */
	double	 indent;            /* list and quote indent, pt */
	double	 writeline;         /* handwriting line spacing, pt (~8 mm) */
	int	 justify;           /* 1: justify body paragraphs */
	int	 hyphenate;         /* 1: hyphenate with libhyphen */
	unsigned text, heading, link, rule, shade, muted; /* 0xRRGGBB */
};

/* format.c: numbers, money and dates in the page's language. */
void	 format_number(struct buf *, const char *lang, double, int decimals);
void	 format_money(struct buf *, const char *lang, double,
	    const char *currency);
/* SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
long long format_epoch(void);
/* "2026-11-21" -> "21 novembre 2026" / "November 21, 2026"; 0 if invalid */
int	 format_date(struct buf *, const char *lang, const char *iso);
/* 1 when iso is a valid "YYYY-MM-DD" date; fills y, m, d (may be NULL). */
int	 format_isodate(const char *iso, int *y, int *m, int *d);

#endif /* !PACTKIT_H */

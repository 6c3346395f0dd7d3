/*
 * lua/internal.h: what the files of lua/ share and nothing else includes
 * (lua.h stays inside lua/).  The sandbox state and its protected
 * runner (sandbox.c), the safe libraries (safe.c), the line maps
 * (linemap.c), the readers of settings fields (field.c, publisher.c), and
 * the functions each library adds to the pk table.
 * The rest of pactkit sees lua/sandbox.h only.
 */
#ifndef LUA_INTERNAL_H
#define LUA_INTERNAL_H

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"

#define SB_MEMMAX	((size_t)64 << 20)  /* bytes the state may hold */
#define SB_STEPS	50000000LL          /* instructions per chunk run */
#define SB_HOOKCOUNT	1000                /* instructions between hooks */
#define SB_MAXDEPTH	100                 /* nesting for C walks */
#define SB_MAXPATH	512                 /* a field's path: ".a[2].b" */
#define SB_REG_BASE	"pk.base"           /* registry: the safe globals */
#define SB_REG_PK	"pk.pk"             /* registry: the pk table */

enum sb_abort {
	SB_OK = 0,
	SB_ABORT_STEPS,             /* instruction budget exceeded */
	SB_ABORT_MEM,               /* memory budget exceeded */
	SB_ABORT_STOP,              /* the build was interrupted (stop.c) */
};

struct sandbox {
	lua_State *L;               /* the state; its extra space points back */
	struct diag *diag;          /* where errors go (the build's) */
	const struct site *site;    /* borrowed; languages read at call time */
	size_t	 mem;               /* bytes allocated now */
	size_t	 memmax;            /* budget for mem */
	long long steps;            /* instructions used by this run */
	long long budget;           /* allowed per run */
	int	 depth;             /* nested sandbox_call()s (pk.data inside a call) */
	enum sb_abort aborted;      /* set once a budget is exceeded */
	char	 abortfile[256];    /* where the budget ran out */
	int	 abortline;
	char	 memfile[256];      /* where an allocation last failed */
	int	 memline;
	int	 memfailed;         /* an allocation was refused this run */
	char	 lastfile[256];     /* file of the last error reported */
	char	**chunks;           /* chunk names loaded, to undo "..." cuts */
	size_t	 nchunks;
	struct strmap chunkset;     /* the same names, to test membership */
	char	*page;              /* source file of the page being built */
	size_t	 lang;              /* its language index */
	int	 callline;          /* line of the current component call */
	const char *component;      /* its name, or NULL */
	unsigned idseq;             /* pk.id counter within the page */
	size_t	 nconv;             /* nodes converted for this call */
};

/* ---- sandbox.c ---------------------------------------------------------- */

/* A new state with its budgets, no library yet (init_sandbox opens them);
 * free with sandbox_free. */
struct sandbox *sandbox_new(const struct site *, struct diag *);
/* The sandbox's state. */
lua_State *sandbox_state(struct sandbox *);
/* The sandbox of a state (kept in its extra space). */
struct sandbox *sandbox_get(lua_State *);
/* Loads text as chunk "@name" (text mode), sets a fresh environment
 * (with `pk` when withpk), pushes the function.  1 ok; 0 with the error
 * printed (or, when raise, raised as a Lua error). */
int	 sandbox_load(struct sandbox *, const char *name, const char *text,
	    size_t len, int withpk, int raise);
/* Remembers a chunk name, to restore it when Lua shortens it. */
void	 sandbox_notechunk(struct sandbox *, const char *name);
/* Pushes a fresh environment: an empty table whose lookups fall back on
 * a fresh copy of the safe globals. */
void	 sandbox_env(lua_State *, int withpk);
/* Calls the function below nargs arguments in protected mode with a new
 * budget; leaves nres results.  1 ok; 0 with the error printed (and a
 * note naming the call site when callfile is given). */
int	 sandbox_call(struct sandbox *, int nargs, int nres,
	    const char *callfile, int callline);
/* The message handler of sandbox_call: a position for a message that
 * has none (error(msg, 0), error({})). */
int	 sandbox_msgh(lua_State *);
/* Raises an error that sandbox_call does not report: its cause was said
 * already (a data file that failed, said once). */
void	 sandbox_silent(lua_State *);
/* Charges cost instructions to the run; raises once over budget. */
void	 sandbox_charge(lua_State *, long long cost);
/* After a script's own protected call: a budget exceeded inside raises
 * again (pcall cannot swallow it). */
void	 sandbox_after_pcall(lua_State *, int status);
/* Prints a Lua error message "chunk:line: msg" through diag(). */
void	 sandbox_report(struct sandbox *, enum diag_level, const char *msg);
/* Sorts the list keys[1..n] of table keys: numbers, then strings, in
 * order (merge sort, charged to the budget). */
void	 sandbox_sort(lua_State *, int keys, lua_Integer n);
/* Pushes a list of the keys of table t, sorted (the same order every
 * run, unlike next()). */
void	 sandbox_sortedkeys(lua_State *, int t);
/* Pushes registry table name, creating it (weak-keyed when weak). */
void	 sandbox_regtable(lua_State *, const char *name, int weak);
/* 1 the first time key is seen in this build (a warning said once). */
int	 sandbox_once(lua_State *, const char *key);
/* Where a message about the running code goes: the component call when
 * there is one, else the Lua line running (file in buf). */
void	 sandbox_callsite(lua_State *, const char **file, int *line,
	    char *buf, size_t sz);
/* The page being built: pk.lang, pk.id numbering, warnings' position. */
void	 sandbox_set_page(struct sandbox *, const char *file, size_t lang);
/* path relative to the project folder when inside it (borrowed). */
const char *sandbox_relpath(const struct site *, const char *path);

/* ---- safe.c: the safe base, string, table, math and utf8 libraries ------ */
void	 safe_open(lua_State *);

/* ---- linemap.c ---------------------------------------------------------- */

/* Records, for the table constructors and fields of src, their paths
 * (".parties[2].name") and lines into the registry map of file. */
void	 linemap_read(lua_State *, const char *file, const char *src,
	    size_t len);
/* Registers the tables below value idx as coming from file at path. */
void	 linemap_register(lua_State *, int idx, const char *file,
	    const char *path);
/* Where the table at idx came from: 1 and *file, *path (borrowed from the
 * registry, valid while the table lives) or 0. */
int	 linemap_where(lua_State *, int idx, const char **file,
	    const char **path);
/* Line of path in file's map, going up to the enclosing table; 0 none. */
int	 linemap_line(lua_State *, const char *file, const char *path);
/* The same, and the column of that field's first token in *col (0 when
 * not known; col may be NULL). */
int	 linemap_pos(lua_State *, const char *file, const char *path, int *col);
/* Appends the path component of the key at idx to path (SB_MAXPATH
 * bytes, plen used); 0 when it does not fit. */
int	 linemap_addkey(lua_State *, int idx, char *path, size_t plen);

/* ---- fmyaml.c: YAML front matter -------------------------------------- */

/* A top-level field of a page's front matter and its place. */
struct fmkey {
	char	 name[32];          /* the field's name */
	int	 line;              /* its line in the file */
	int	 col;               /* and column */
};

/* Pushes the table of YAML front matter text (len bytes, its first line
 * the file's line line0), the places of its first maxkeys fields in keys
 * (*nkeys of them); raises "file:line:col: …" when it is not YAML fields. */
int	 fmyaml_read(lua_State *, const char *file, int line0,
	    const char *text, size_t len, struct fmkey *keys, int *nkeys,
	    int maxkeys);

/* ---- field.c: one field of a settings file ---------------------------- */

/* The settings file being read, for the field readers. */
struct sitectx {
	struct sandbox *sb;         /* the sandbox running it */
	struct site *site;          /* what it is read into */
	const char *name;           /* chunk name for messages */
	const char *text;           /* its text, len bytes */
	size_t	 len;
	int	 ok;                /* 0 once an error is said */
};

/* Says fmt at the line of the field path (".a.b") of c's file; an error
 * clears c->ok. */
void	 field_err(lua_State *, struct sitectx *c, enum diag_level,
	    const char *path, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* Warns about the fields of table t not in known (NULL-terminated). */
void	 field_unknown(lua_State *, struct sitectx *, int t,
	    const char *path, const char *const *known, const char *what);
/* Whether the string at v is text every writer can carry; if not (invalid
 * UTF-8, a control character), an error naming fpath. */
int	 field_text_ok(lua_State *, struct sitectx *, int v,
	    const char *fpath);
/* Reads the loc field key of table t into out. */
void	 field_lstr(lua_State *, struct sitectx *, int t, const char *key,
	    const char *path, struct lstr *out, int required);
/* Reads an optional string field; *out replaced when present. */
int	 field_str(lua_State *, struct sitectx *, int t, const char *key,
	    const char *path, char **out);
/* Warns when address v of setting path (".contact.email") is on a
 * placeholder domain (example.org, .test, …). */
void	 field_placeholder(lua_State *, struct sitectx *, const char *path,
	    const char *v);

/* ---- publisher.c: the publisher's identity and accessibility statement - */

/* publisher, edition, licence, cite, contact, disclaimer, theme_color and
 * host of the settings table t into c->site->id. */
void	 publisher_identity(lua_State *, struct sitectx *c, int t);
void	 publisher_identity_free(struct identity *);
/* accessibility = { … } of t into c->site->a11y. */
void	 publisher_a11y(lua_State *, struct sitectx *c, int t);
void	 publisher_a11y_free(struct a11y *);

/* ---- the pk table: each library adds its functions to the table on top */

/* pklib.c: pk.loc, pk.t, pk.number, pk.money, pk.date, pk.warn, pk.split,
 * pk.trim */
void	 pklib_open(lua_State *);
/* loc.c: the code of language i ("" past the last); the string of loc
 * value idx for lang (fallback + warning), NULL when the value is nil,
 * *used getting the language index used. */
const char *loc_lang(const struct site *, size_t i);
const char *loc_text(lua_State *, int idx, size_t lang, size_t *used);
/* data.c: pk.data */
void	 data_open(lua_State *);
/* A name of a data file, theme, document or slug: a-z, 0-9, '-', '_'. */
int	 data_goodname(const char *);
/* Runs a project Lua file (path on disk) in the sandbox, with `pk`, and
 * leaves nresults values on the stack; 1 ok, 0 (printed). */
int	 data_runfile(struct sandbox *, const char *path, int nresults);
/* Pushes the value of lua/data/NAME.lua, loading it the first time. */
void	 data_load(lua_State *, const char *name);
/* Ids unique in each list of the value at idx (a data file's, file and
 * its name for messages): each repeat an error naming both places. */
void	 data_dup_ids(lua_State *, int idx, const char *file, const char *name);
/* vocab.c: pk.vocab, pk.label */
void	 vocab_open(lua_State *);
/* pk.t's fallback: pushes the vocabulary's text for an interface string
 * of the topic that moved to the vocabularies ("sector.police",
 * "note.confidential"), in the page's language; 0 when key is not one. */
int	 vocab_t(lua_State *, const char *key);
/* The vocabulary that now holds an interface string of the topic
 * ("sector.other" -> "sectors"), or NULL. */
const char *vocab_moved(const char *key);
/* schema.c: pk.check */
void	 schema_open(lua_State *);
/* "string \"high\"", "number 6", "a table", ... into buf. */
void	 schema_describe(lua_State *, int idx, char *buf, size_t sz);
/* ltree.c: pk.h, pk.text, pk.id, pk.textwidth and the node userdata */
void	 ltree_open(lua_State *);
/* Converts the value at idx (node, string, list) into children of
 * parent; raises a Lua error on a bad value. */
void	 ltree_append(lua_State *, int idx, xmlNodePtr parent);

#endif /* !LUA_INTERNAL_H */

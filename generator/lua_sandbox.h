/*
 * lua_sandbox.h: what the lua_*.c files share and nothing else includes
 * (lua.h stays inside the Lua stage).  The sandbox state, the protected
 * runner, the line maps of data files, and the pk.* functions each file
 * adds to the `pk` table.
 */
#ifndef LUA_SANDBOX_H
#define LUA_SANDBOX_H

#include <lua.h>
#include <lauxlib.h>

#include "pactkit.h"

#define SB_MEMMAX	((size_t)64 << 20)  /* bytes the state may hold */
#define SB_STEPS	50000000LL          /* instructions per chunk run */
#define SB_HOOKCOUNT	1000                /* instructions between hooks */
#define SB_MAXDEPTH	100                 /* nesting for C walks */

enum sb_abort {
	SB_OK = 0,
	SB_ABORT_STEPS,             /* instruction budget exceeded */
	SB_ABORT_MEM,               /* memory budget exceeded */
	SB_ABORT_STOP,              /* the build was interrupted (util_stop) */
};

struct sandbox {
	lua_State *L;
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
	unsigned idseq;             /* pk.id counter within the page */
	size_t	 nconv;             /* nodes converted for this call */
};

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
/* Charges cost instructions to the run; raises once over budget. */
void	 sandbox_charge(lua_State *, long long cost);
/* Prints a Lua error message "chunk:line: msg" through diag(). */
void	 sandbox_report(struct sandbox *, enum diag_level, const char *msg);

/* Pushes a list of the keys of table t: numbers, then strings, in
 * order (the same order every run, unlike next()). */
void	 sandbox_sortedkeys(lua_State *, int t);
/* path relative to the project folder when inside it (borrowed). */
const char *sandbox_relpath(const struct site *, const char *path);
/* The "*.lua" file stems of dir, sorted; returns how many (free them). */
size_t	 sandbox_dirnames(const char *dir, char ***names);

/* Levenshtein distance, and the nearest of n words (NULL when none is
 * near enough to suggest). */
size_t	 sandbox_distance(const char *, const char *);
const char *sandbox_nearest(const char *, const char *const *, size_t);

/* lua_data.c: line maps and pk.data, pk.check, pk.loc. */
/* Records, for the table constructors and fields of src, their paths
 * (".parties[2].name") and lines into the registry map of file. */
void	 data_linemap(lua_State *, const char *file, const char *src, size_t len);
/* Registers the tables below value idx as coming from file at path. */
void	 data_register(lua_State *, int idx, const char *file, const char *path);
/* Where the table at idx came from: 1 and *file, *path (borrowed from the
 * registry, valid while the table lives) or 0. */
int	 data_where(lua_State *, int idx, const char **file, const char **path);
/* Line of path in file's map, going up to the enclosing table; 0 none. */
int	 data_line(lua_State *, const char *file, const char *path);
/* The string of loc value idx for lang (fallback + warning); NULL when
 * the value is nil.  *fallback gets the language index used. */
const char *data_loc(lua_State *, int idx, size_t lang, size_t *used);
void	 data_open(lua_State *);     /* pk.data, pk.check, pk.loc, pk.t ... */

/* lua_tree.c: the node userdata and pk.h / pk.text. */
void	 ltree_open(lua_State *);     /* pk.h, pk.text, pk.id, pk.textwidth */
/* Converts the value at idx (node, string, list) into children of
 * parent; raises a Lua error on a bad value. */
void	 ltree_append(lua_State *, int idx, xmlNodePtr parent);
/* 1 when the value at idx is one element node; *tag gets its name. */
int	 ltree_single(lua_State *, int idx, const char **tag);

#endif /* !LUA_SANDBOX_H */

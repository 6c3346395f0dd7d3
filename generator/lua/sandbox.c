/*
 * sandbox.c: the one lua_State of a build.  In: nothing but the site
 * settings.  Out: a state with a memory budget (lua_Alloc) and an
 * instruction budget (count hook), fresh environments for each chunk,
 * and a protected runner that turns Lua errors into diag() messages
 * naming the file and line.  Its libraries are opened by init.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

#define REG_WARNED "pk.warned"  /* warnings already printed */

struct sandbox *
sandbox_get(lua_State *L)
{
	return *(struct sandbox **)lua_getextraspace(L);
}

/* Copies the position of the innermost Lua function into file/line. */
static void
where(lua_State *L, char *file, size_t sz, int *line)
{
	lua_Debug ar;
	int lvl;

	file[0] = '\0';
	*line = 0;
	for (lvl = 0; lua_getstack(L, lvl, &ar); lvl++) {
		if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0)
			continue;
		snprintf(file, sz, "%s",
		    ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
		*line = ar.currentline;
		return;
	}
}

/*
 * The allocator: counts every byte against the budget.  A refused
 * allocation notes where the running script was, since Lua reports a
 * memory error without a position.
 */
static void *
sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct sandbox *sb = ud;
	void *p;

	if (ptr == NULL)
		osize = 0;
	if (nsize == 0) {
		free(ptr);
		sb->mem -= osize;
		return NULL;
	}
	if (nsize > osize && sb->mem + (nsize - osize) > sb->memmax) {
		char file[sizeof(sb->memfile)];
		int line;

		/* the first allocation refused names the place: those the
		 * unwinding makes fail too, in the callers */
		if (sb->L != NULL && !sb->memfailed) {
			where(sb->L, file, sizeof(file), &line);
			if (line > 0) {
				memcpy(sb->memfile, file, sizeof(file));
				sb->memline = line;
			}
		}
		sb->memfailed = 1;
		return NULL;
	}
	if ((p = realloc(ptr, nsize)) == NULL)
		return NULL;
	sb->mem = sb->mem - osize + nsize;
	return p;
}

/* Raises the error of an exceeded budget (again, if already raised). */
static int
raise_abort(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);

	if (sb->aborted == SB_ABORT_MEM)
		lua_pushfstring(L, "%s:%d: memory limit exceeded",
		    sb->memfile, sb->memline);
	else if (sb->aborted == SB_ABORT_STOP)
		lua_pushstring(L, "interrupted");
	else
		lua_pushfstring(L, "%s:%d: instruction limit exceeded",
		    sb->abortfile, sb->abortline);
	return lua_error(L);
}

static void
abort_steps(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);

	if (sb->aborted == SB_OK) {
		sb->aborted = SB_ABORT_STEPS;
		where(L, sb->abortfile, sizeof(sb->abortfile),
		    &sb->abortline);
	}
	raise_abort(L);
}

/* The count hook: the instruction budget, an interrupted build (a
 * running script stops), and no code runs after an abort (a script's
 * own pcall cannot swallow it). */
static void
hook(lua_State *L, lua_Debug *ar)
{
	struct sandbox *sb = sandbox_get(L);

	(void)ar;
	if (stop_asked() != 0 && sb->aborted == SB_OK) {
		sb->aborted = SB_ABORT_STOP;
		raise_abort(L);
	}
	sb->steps += SB_HOOKCOUNT;
	if (sb->steps > sb->budget || sb->aborted != SB_OK)
		abort_steps(L);
}

void
sandbox_charge(lua_State *L, long long cost)
{
	struct sandbox *sb = sandbox_get(L);

	if (cost > 0)
		sb->steps += cost;
	if (sb->steps > sb->budget || sb->aborted != SB_OK)
		abort_steps(L);
}

/* ---- protected calls -------------------------------------------------- */

/* 1 when a protected call failed for want of memory: LUA_ERRMEM, or
 * lauxlib's buffers, which raise a plain error "not enough memory". */
static int
is_memerr(lua_State *L, int status)
{
	struct sandbox *sb = sandbox_get(L);

	return status == LUA_ERRMEM || (status == LUA_ERRRUN &&
	    sb->memfailed && lua_type(L, -1) == LUA_TSTRING &&
	    strcmp(lua_tostring(L, -1), "not enough memory") == 0);
}

/* After a protected call: budgets exceeded inside cannot be caught. */
void
sandbox_after_pcall(lua_State *L, int status)
{
	struct sandbox *sb = sandbox_get(L);

	if (is_memerr(L, status) && sb->aborted == SB_OK)
		sb->aborted = SB_ABORT_MEM;
	if (sb->aborted != SB_OK)
		raise_abort(L);
}

/* Orders keys for pairs(): numbers, then strings, then booleans. */
static int
keyrank(lua_State *L, int i)
{
	switch (lua_type(L, i)) {
	case LUA_TNUMBER:
		return 0;
	case LUA_TSTRING:
		return 1;
	case LUA_TBOOLEAN:
		return 2;
	default:
		return 3;
	}
}

static int
keyless(lua_State *L, int a, int b)
{
	int ra = keyrank(L, a), rb = keyrank(L, b);
	size_t la, lb, n;
	const char *sa, *sb;
	int c;

	if (ra != rb)
		return ra < rb;
	switch (ra) {
	case 0:
		return lua_compare(L, a, b, LUA_OPLT);
	case 1:
		sa = lua_tolstring(L, a, &la);
		sb = lua_tolstring(L, b, &lb);
		n = la < lb ? la : lb;
		c = memcmp(sa, sb, n);
		return c < 0 || (c == 0 && la < lb);
	case 2:
		return !lua_toboolean(L, a) && lua_toboolean(L, b);
	default:
		return 0;
	}
}

/* Insertion sort of keys[1..n] would be quadratic; merge sort in place
 * through a scratch table keeps it n log n with only Lua tables. */
void
sandbox_sort(lua_State *L, int keys, lua_Integer n)
{
	lua_Integer width, lo, mid, hi, a, b, k;
	int tmp, src, dst, swap;

	lua_createtable(L, (int)n, 0);
	tmp = lua_gettop(L);
	src = keys;
	dst = tmp;
	for (width = 1; width < n; width *= 2) {
		sandbox_charge(L, n);
		for (lo = 1; lo <= n; lo += 2 * width) {
			mid = lo + width < n + 1 ? lo + width : n + 1;
			hi = lo + 2 * width < n + 1 ? lo + 2 * width : n + 1;
			a = lo;
			b = mid;
			for (k = lo; k < hi; k++) {
				int takeb = 0;

				if (a < mid && b < hi) {
					lua_rawgeti(L, src, b);
					lua_rawgeti(L, src, a);
					takeb = keyless(L, -2, -1);
					lua_pop(L, 2);
				} else
					takeb = a >= mid;
				lua_rawgeti(L, src, takeb ? b++ : a++);
				lua_rawseti(L, dst, k);
			}
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	if (src != keys)
		for (k = 1; k <= n; k++) {
			lua_rawgeti(L, src, k);
			lua_rawseti(L, keys, k);
		}
	lua_pop(L, 1);
}

void
sandbox_sortedkeys(lua_State *L, int t)
{
	lua_Integer n = 0;

	t = lua_absindex(L, t);
	lua_newtable(L);
	lua_pushnil(L);
	while (lua_next(L, t)) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_rawseti(L, -3, ++n);
	}
	sandbox_sort(L, lua_gettop(L), n);
}

/* __index of a chunk's globals: the first use of a name copies it from
 * the base globals (a library table is copied shallowly, so one chunk
 * cannot change string.rep for the next), then it is a plain field.
 * Front matter that touches no library costs no copy at all. */
static int
lazy_global(lua_State *L)
{
	lua_settop(L, 2);                       /* globals, key */
	lua_getfield(L, LUA_REGISTRYINDEX, SB_REG_BASE);
	lua_pushvalue(L, 2);
	lua_rawget(L, 3);                       /* the base value */
	if (lua_type(L, -1) == LUA_TTABLE) {
		int lib = lua_gettop(L);

		lua_newtable(L);
		lua_pushnil(L);
		while (lua_next(L, lib)) {
			lua_pushvalue(L, -2);
			lua_insert(L, -2);
			lua_rawset(L, lib + 1);
		}
		lua_remove(L, lib);
	}
	if (!lua_isnil(L, -1)) {
		lua_pushvalue(L, 2);
		lua_pushvalue(L, -2);
		lua_rawset(L, 1);
	}
	return 1;
}

void
sandbox_env(lua_State *L, int withpk)
{
	int copy;

	lua_newtable(L);                        /* env */
	lua_createtable(L, 0, 2);               /* its metatable */
	lua_createtable(L, 0, 4);               /* the globals it sees */
	copy = lua_gettop(L);
	lua_createtable(L, 0, 2);               /* filled on first use */
	lua_pushcfunction(L, lazy_global);
	lua_setfield(L, -2, "__index");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, copy);
	if (withpk) {
		lua_getfield(L, LUA_REGISTRYINDEX, SB_REG_PK);
		lua_setfield(L, copy, "pk");
	}
	lua_setfield(L, -2, "__index");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
}

/* ---- loading and running ----------------------------------------------- */

void
sandbox_notechunk(struct sandbox *sb, const char *name)
{
	if (!strmap_put(&sb->chunkset, name, NULL))
		return;         /* known already */
	sb->chunks = xrealloc(sb->chunks,
	    (sb->nchunks + 1) * sizeof(*sb->chunks));
	sb->chunks[sb->nchunks++] = xstrdup(name);
}

int
sandbox_load(struct sandbox *sb, const char *name, const char *text,
    size_t len, int withpk, int raise)
{
	lua_State *L = sb->L;
	char *chunk;
	size_t bad;
	int rc;

	sandbox_notechunk(sb, name);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;              /* a UTF-8 byte order mark */
		len -= 3;
	}
	if (!utf8_valid(text, len, &bad)) {
		/* strings in data reach pages and PDFs: refuse bad bytes here,
		 * where the file and line are known */
		size_t k, ls = 0;
		int line = 1;

		for (k = 0; k < bad; k++)
			if (text[k] == '\n') {
				line++;
				ls = k + 1;
			}
		char msg[160];

		snprintf(msg, sizeof(msg), ":%d: invalid UTF-8 (byte 0x%02X at "
		    "column %d): expected UTF-8 text", line,
		    (unsigned char)text[bad], utf8_col(text + ls, bad - ls));
		lua_pushstring(L, name);
		lua_pushstring(L, msg);
		lua_concat(L, 2);
		rc = LUA_ERRSYNTAX;
	} else {
		chunk = xasprintf("@%s", name);
		rc = luaL_loadbufferx(L, text, len, chunk, "t");
		free(chunk);
	}
	if (rc != LUA_OK) {
		if (rc == LUA_ERRMEM)
			sb->aborted = SB_ABORT_MEM;
		else if (strncmp(lua_tostring(L, -1), name, strlen(name)) != 0) {
			/* "attempt to load a binary chunk" has no position */
			lua_pushfstring(L, "%s:1: %s", name, lua_tostring(L, -1));
			lua_remove(L, -2);
		}
		if (raise)
			lua_error(L);
		sandbox_report(sb, DIAG_ERROR, lua_tostring(L, -1));
		lua_pop(L, 1);
		sb->aborted = SB_OK;
		return 0;
	}
	sandbox_env(L, withpk);
	lua_setupvalue(L, -2, 1);
	return 1;
}

/* The error value of sandbox_silent. */
static const char silent = 0;

void
sandbox_silent(lua_State *L)
{
	lua_pushlightuserdata(L, (void *)&silent);
	lua_error(L);
}

/* 1 when msg starts "chunk:LINE: ". */
static int
has_position(const char *msg)
{
	const char *p, *q;

	for (p = msg; (p = strchr(p, ':')) != NULL; p++) {
		for (q = p + 1; *q >= '0' && *q <= '9'; q++)
			continue;
		if (q > p + 1 && q[0] == ':' && (q[1] == ' ' ||
		    (q[1] >= '0' && q[1] <= '9')))
			return 1;
	}
	return 0;
}

/* Message handler: gives a position to messages that have none
 * (error(msg, 0), error({})): the innermost Lua line running. */
int
sandbox_msgh(lua_State *L)
{
	char file[256];
	int line;

	if (lua_touserdata(L, 1) == &silent)
		return 1;               /* said already (sandbox_silent) */
	if (lua_type(L, 1) == LUA_TSTRING &&
	    has_position(lua_tostring(L, 1)))
		return 1;
	where(L, file, sizeof(file), &line);
	if (lua_type(L, 1) == LUA_TSTRING)
		lua_pushstring(L, lua_tostring(L, 1));
	else
		lua_pushfstring(L, "error raised with a %s value, not a "
		    "message", luaL_typename(L, 1));
	if (line > 0)
		lua_pushfstring(L, "%s:%d: %s", file, line,
		    lua_tostring(L, -1));
	return 1;
}

int
sandbox_call(struct sandbox *sb, int nargs, int nres,
    const char *callfile, int callline)
{
	lua_State *L = sb->L;
	int base = lua_gettop(L) - nargs, status;

	if (sb->depth == 0) {
		sb->steps = 0;
		sb->aborted = SB_OK;
		sb->memfile[0] = '\0';
		sb->memline = 0;
		sb->memfailed = 0;
	}
	lua_pushcfunction(L, sandbox_msgh);
	lua_insert(L, base);
	sb->depth++;
	status = lua_pcall(L, nargs, nres, base);
	sb->depth--;
	if (status != LUA_OK && is_memerr(L, status) && sb->aborted == SB_OK)
		sb->aborted = SB_ABORT_MEM;
	if (status == LUA_OK) {
		lua_remove(L, base);
		return 1;
	}
	sb->lastfile[0] = '\0';
	if (sb->aborted == SB_ABORT_STOP ||
	    lua_touserdata(L, -1) == &silent) {
		/* run/build.c says "interrupted" once; a silent error's cause
		 * was said where it happened */
		lua_settop(L, base - 1);
		if (sb->depth == 0)
			sb->aborted = SB_OK;
		return 0;
	}
	if (sb->aborted == SB_ABORT_MEM)
		diag(sb->diag, DIAG_ERROR,
		    sb->memfile[0] != '\0' ? sb->memfile : NULL,
		    sb->memline, 0, "memory limit exceeded (%zu MiB)",
		    sb->memmax >> 20);
	else if (sb->aborted == SB_ABORT_STEPS)
		diag(sb->diag, DIAG_ERROR,
		    sb->abortfile[0] != '\0' ? sb->abortfile :
		    NULL, sb->abortline, 0, "instruction limit exceeded "
		    "(%lld million instructions): is there an endless loop?",
		    sb->budget / 1000000);
	else
		sandbox_report(sb, DIAG_ERROR, lua_tostring(L, -1));
	if (sb->aborted == SB_ABORT_MEM)
		snprintf(sb->lastfile, sizeof(sb->lastfile), "%s", sb->memfile);
	else if (sb->aborted == SB_ABORT_STEPS)
		snprintf(sb->lastfile, sizeof(sb->lastfile), "%s",
		    sb->abortfile);
	/* where the call is, unless the message already points there */
	if (callfile != NULL && strcmp(sb->lastfile, callfile) != 0)
		diag(sb->diag, DIAG_NOTE, callfile, callline, 1,
		    "called from here");
	lua_settop(L, base - 1);
	if (sb->depth == 0 && sb->aborted != SB_OK) {
		sb->aborted = SB_OK;
		lua_gc(L, LUA_GCCOLLECT, 0);
	}
	return 0;
}

/* A hint for names the sandbox leaves out on purpose. */
static const char *
hint(const char *msg)
{
	static const char *const gone[] = { "io", "os", "require", "load",
	    "loadfile", "dofile", "debug", "getmetatable", "setmetatable",
	    "collectgarbage", "rawset", "print", "package", "coroutine",
	    "loadstring", "module", "dump", NULL };
	static const char *const pats[] = { "match", "gmatch", "gsub", NULL };
	const char *const *p;
	char q[64];

	for (p = gone; *p != NULL; p++) {
		snprintf(q, sizeof(q), "global '%s')", *p);
		if (strstr(msg, q) != NULL)
			return " (not available in pactkit's Lua sandbox)";
		snprintf(q, sizeof(q), "field '%s')", *p);
		if (strstr(msg, q) != NULL)
			return " (not available in pactkit's Lua sandbox)";
	}
	for (p = pats; *p != NULL; p++) {
		snprintf(q, sizeof(q), "'%s')", *p);
		if (strstr(msg, q) != NULL)
			return " (string patterns are not available in the "
			    "sandbox: use string.find with plain = true, "
			    "s:find(text, 1, true), or pk.split)";
	}
	if (strstr(msg, "near '#'") != NULL)
		return " (this is Lua: comments start with --)";
	if (strstr(msg, "unexpected symbol near '['") != NULL)
		return " (this is Lua: a list is written { \"a\", \"b\" })";
	if (strstr(msg, "global 'pk'") != NULL)
		return " (pk is available to data files and components only)";
	return "";
}

/* The token a Lua message names ("near 'level'", "(local 'x')") into
 * tok; 0 when it names none. */
static int
named_token(const char *msg, char *tok, size_t sz, int *word)
{
	static const char *const kinds[] = { "(local '", "(global '",
	    "(field '", "(upvalue '", "(method '", "(constant '", NULL };
	const char *p = NULL, *e;
	size_t i;

	*word = 1;
	for (i = 0; kinds[i] != NULL && p == NULL; i++)
		if ((p = strstr(msg, kinds[i])) != NULL)
			p += strlen(kinds[i]);
	if (p == NULL && (p = strstr(msg, " near '")) != NULL) {
		p += 7;
		*word = 0;
	}
	if (p == NULL || (e = strrchr(p, '\'')) == NULL || e == p ||
	    (size_t)(e - p) >= sz)
		return 0;
	memcpy(tok, p, (size_t)(e - p));
	tok[e - p] = '\0';
	return 1;
}

/* The part of a Lua message after "chunk:LINE: ", or NULL. */
static const char *
msg_body(const char *msg, int line)
{
	char pat[32];
	const char *p;

	snprintf(pat, sizeof(pat), ":%d: ", line);
	return (p = strstr(msg, pat)) != NULL ? p + strlen(pat) : NULL;
}

/* A syntax error (msg, after its "chunk:LINE: ") names the token the
 * parser stopped at ("near 'id'"), which may stand more than once on its
 * line: the one it is, is the first whose text, cut just after it, gives
 * the same message. 1 when `at` is that one. */
static int
syntax_here(const char *text, const char *at, size_t tl, int line,
    const char *msg)
{
	lua_State *L;
	const char *got;
	int same = 0;

	if ((L = luaL_newstate()) == NULL)
		return 0;
	if (luaL_loadbuffer(L, text, (size_t)(at - text) + tl, "=x") != LUA_OK &&
	    (got = msg_body(lua_tostring(L, -1), line)) != NULL)
		same = strcmp(got, msg) == 0;
	lua_close(L);
	return same;
}

/* The column of the token msg names on line `line` of file (a path in
 * the project, or an absolute one); 0 when it cannot be found. */
static int
token_col(const struct site *site, const char *file, int line,
    const char *msg)
{
	char tok[128], *path, *text;
	const char *p, *eol, *at;
	size_t len, tl;
	int word, col = 0, l;

	if (file == NULL || line <= 0 || !named_token(msg, tok, sizeof(tok),
	    &word))
		return 0;
	path = file[0] == '/' || site->dir == NULL ? xstrdup(file) :
	    xasprintf("%s/%s", site->dir, file);
	text = file_read(path, &len);
	free(path);
	if (text == NULL)
		return 0;
	for (p = text, l = 1; l < line && p != NULL; l++)
		if ((p = memchr(p, '\n', len - (size_t)(p - text))) != NULL)
			p++;
	if (p != NULL) {
		eol = memchr(p, '\n', len - (size_t)(p - text));
		if (eol == NULL)
			eol = text + len;
		tl = strlen(tok);
		for (at = p; (size_t)(eol - at) >= tl; at++) {
			if (memcmp(at, tok, tl) != 0)
				continue;
			/* a name: not inside a longer one */
			if (word && ((at > p && (isalnum((unsigned char)at[-1]) ||
			    at[-1] == '_')) || (at + tl < eol &&
			    (isalnum((unsigned char)at[tl]) || at[tl] == '_'))))
				continue;
			if (col == 0)   /* the first, unless a later one is it */
				col = utf8_col(p, (size_t)(at - p));
			if (word || syntax_here(text, at, tl, line, msg)) {
				col = utf8_col(p, (size_t)(at - p));
				break;
			}
		}
	}
	free(text);
	return col;
}

void
sandbox_report(struct sandbox *sb, enum diag_level lvl, const char *msg)
{
	const char *p, *q, *file = NULL;
	char *fbuf = NULL;
	size_t i, flen;
	int line = 0, col = 0;

	if (msg == NULL)
		msg = "error with no message";
	/* "chunk:LINE: message", or "chunk:LINE:COL: message" */
	for (p = msg; (p = strchr(p, ':')) != NULL; p++) {
		for (q = p + 1; *q >= '0' && *q <= '9'; q++)
			continue;
		if (q > p + 1 && q[0] == ':' && q[1] >= '0' && q[1] <= '9') {
			const char *r;

			for (r = q + 1; *r >= '0' && *r <= '9'; r++)
				continue;
			if (r[0] == ':' && r[1] == ' ') {
				fbuf = xstrndup(msg, (size_t)(p - msg));
				line = atoi(p + 1);
				col = atoi(q + 1);
				msg = r + 2;
				break;
			}
		}
		if (q > p + 1 && q[0] == ':' && q[1] == ' ') {
			fbuf = xstrndup(msg, (size_t)(p - msg));
			line = atoi(p + 1);
			msg = q + 2;
			break;
		}
	}
	if (fbuf != NULL && strncmp(fbuf, "...", 3) == 0) {
		/* Lua cuts long chunk names to "...tail" */
		flen = strlen(fbuf + 3);
		for (i = sb->nchunks; i-- > 0; ) {
			size_t n = strlen(sb->chunks[i]);

			if (n >= flen && strcmp(sb->chunks[i] + n - flen,
			    fbuf + 3) == 0) {
				free(fbuf);
				fbuf = xstrdup(sb->chunks[i]);
				break;
			}
		}
	}
	file = fbuf;
	snprintf(sb->lastfile, sizeof(sb->lastfile), "%s",
	    file != NULL ? file : "");
	diag(sb->diag, lvl, file, line, col > 0 ? col :
	    token_col(sb->site, file, line, msg), "%s%s", msg, hint(msg));
	free(fbuf);
}

/* ---- the registry, warnings once, positions ----------------------------- */

/* Pushes registry table name, creating it (weak-keyed when weak). */
void
sandbox_regtable(lua_State *L, const char *name, int weak)
{
	if (lua_getfield(L, LUA_REGISTRYINDEX, name) == LUA_TTABLE)
		return;
	lua_pop(L, 1);
	lua_newtable(L);
	if (weak) {
		lua_createtable(L, 0, 1);
		lua_pushliteral(L, "k");
		lua_setfield(L, -2, "__mode");
		lua_setmetatable(L, -2);
	}
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, name);
}

/* 1 the first time key is seen in this build. */
int
sandbox_once(lua_State *L, const char *key)
{
	int seen;

	sandbox_regtable(L, REG_WARNED, 0);
	seen = lua_getfield(L, -1, key) != LUA_TNIL;
	lua_pop(L, 1);
	if (!seen) {
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, key);
	}
	lua_pop(L, 1);
	return !seen;
}

/* Where a message about the running code goes: the component call when
 * there is one, else the Lua line running. */
void
sandbox_callsite(lua_State *L, const char **file, int *line, char *buf,
    size_t sz)
{
	struct sandbox *sb = sandbox_get(L);
	lua_Debug ar;
	int lvl;

	if (sb->page != NULL && sb->callline > 0) {
		*file = sb->page;
		*line = sb->callline;
		return;
	}
	*file = NULL;
	*line = 0;
	for (lvl = 1; lua_getstack(L, lvl, &ar); lvl++)
		if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
			snprintf(buf, sz, "%s", ar.source[0] == '@' ?
			    ar.source + 1 : ar.short_src);
			*file = buf;
			*line = ar.currentline;
			return;
		}
}

/* ---- the sandbox object ------------------------------------------------ */

static int
panic(lua_State *L)
{
	fprintf(stderr, "pactkit: Lua: %s\n", lua_tostring(L, -1));
	abort();
}

struct sandbox *
sandbox_new(const struct site *site, struct diag *dg)
{
	struct sandbox *sb = xcalloc(1, sizeof(*sb));
	lua_State *L;

	sb->site = site;
	sb->diag = dg;
	sb->memmax = SB_MEMMAX;
	sb->budget = SB_STEPS;
	if ((L = lua_newstate(sb_alloc, sb)) == NULL) {
		fprintf(stderr, "pactkit: cannot create the Lua state\n");
		exit(1);
	}
	*(struct sandbox **)lua_getextraspace(L) = sb;
	lua_atpanic(L, panic);
	sb->L = L;
	lua_sethook(L, hook, LUA_MASKCOUNT, SB_HOOKCOUNT);
	return sb;
}

void
sandbox_free(struct sandbox *sb)
{
	size_t i;

	if (sb == NULL)
		return;
	lua_close(sb->L);
	for (i = 0; i < sb->nchunks; i++)
		free(sb->chunks[i]);
	free(sb->chunks);
	strmap_free(&sb->chunkset);
	free(sb->page);
	free(sb);
}

lua_State *
sandbox_state(struct sandbox *sb)
{
	return sb->L;
}

void
sandbox_set_page(struct sandbox *sb, const char *file, size_t lang)
{
	const struct site *site = sb->site;
	lua_State *L = sb->L;
	size_t i;

	if (file != NULL && (sb->page == NULL || strcmp(sb->page, file))) {
		free(sb->page);
		sb->page = xstrdup(file);
		sb->idseq = 0;
		sandbox_notechunk(sb, file);
	}
	sb->lang = lang;
	lua_getfield(L, LUA_REGISTRYINDEX, SB_REG_PK);
	if (lang < site->nlangs)
		lua_pushstring(L, site->langs[lang]);
	else
		lua_pushnil(L);
	lua_setfield(L, -2, "lang");
	lua_createtable(L, (int)site->nlangs, 0);
	for (i = 0; i < site->nlangs; i++) {
		lua_pushstring(L, site->langs[i]);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "langs");
	lua_pop(L, 1);
}

const char *
sandbox_relpath(const struct site *site, const char *path)
{
	size_t n;

	if (site->dir == NULL)
		return path;
	n = strlen(site->dir);
	if (strncmp(path, site->dir, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

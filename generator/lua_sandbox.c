/*
 * lua_sandbox.c: the one lua_State of a build.  In: nothing but the site
 * settings.  Out: a state with a memory budget (lua_Alloc), an instruction
 * budget (count hook), only base/string/table/math/utf8 and only their
 * safe parts, and a protected runner that turns Lua errors into
 * diag() messages naming the file and line.
 */
#define _GNU_SOURCE             /* memmem(): linear-time plain find */
#include <assert.h>
#include <dirent.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "pactkit.h"
#include "lua_sandbox.h"

#define REG_BASE "pk.base"      /* registry: the safe globals */
#define REG_PK "pk.pk"          /* registry: the pk table */

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

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

		if (sb->L != NULL) {
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
	if (util_stop != 0 && sb->aborted == SB_OK) {
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

/* ---- the safe base functions ------------------------------------------ */

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
static void
after_pcall(lua_State *L, int status)
{
	struct sandbox *sb = sandbox_get(L);

	if (is_memerr(L, status) && sb->aborted == SB_OK)
		sb->aborted = SB_ABORT_MEM;
	if (sb->aborted != SB_OK)
		raise_abort(L);
}

static int
sb_pcall(lua_State *L)
{
	int status;

	luaL_checkany(L, 1);
	status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	after_pcall(L, status);
	lua_pushboolean(L, status == LUA_OK);
	lua_insert(L, 1);
	return lua_gettop(L);
}

/*
 * The message handler of xpcall runs the script's handler, except after
 * an abort: Lua calls the handler from inside the count hook, where hooks
 * are off, so a looping handler could never be stopped.
 */
static int
xpcall_handler(lua_State *L)
{
	if (sandbox_get(L)->aborted != SB_OK)
		return 1;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int
sb_xpcall(lua_State *L)
{
	int n = lua_gettop(L), status;

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, xpcall_handler, 1);
	lua_replace(L, 2);
	lua_pushboolean(L, 1);          /* first result on success */
	lua_pushvalue(L, 1);            /* function */
	lua_rotate(L, 3, 2);            /* move them below the arguments */
	status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
	after_pcall(L, status);
	if (status != LUA_OK) {
		lua_pushboolean(L, 0);
		lua_pushvalue(L, -2);
		return 2;
	}
	return lua_gettop(L) - 2;
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
static void
sortkeys(lua_State *L, int keys, lua_Integer n)
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
	sortkeys(L, lua_gettop(L), n);
}

size_t
sandbox_dirnames(const char *dir, char ***names)
{
	DIR *d;
	struct dirent *e;
	size_t n = 0, len;

	*names = NULL;
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len <= 4 || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - 4, ".lua") != 0)
			continue;
		*names = xrealloc(*names, (n + 1) * sizeof(**names));
		(*names)[n++] = xstrndup(e->d_name, len - 4);
	}
	closedir(d);
	qsort(*names, n, sizeof(**names), cmpstr);
	return n;
}

/* Iterator of pairs(): upvalues table, keys, position. */
static int
pairs_next(lua_State *L)
{
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));

	for (;;) {
		i++;
		if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL)
			return 0;
		lua_pushvalue(L, -1);
		if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
			break;
		lua_pop(L, 2);          /* removed since: skip */
	}
	lua_pushinteger(L, i);
	lua_replace(L, lua_upvalueindex(3));
	return 2;
}

/*
 * pairs() in a reproducible order: Lua hashes strings with a seed drawn
 * from the clock and addresses, so next() order changes from run to run
 * and would make output differ between two builds.
 */
static int
sb_pairs(lua_State *L)
{
	lua_Integer n = 0;

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	lua_newtable(L);
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_rawseti(L, 2, ++n);
	}
	sandbox_charge(L, n);
	sortkeys(L, 2, n);
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, pairs_next, 3);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/* string.find, always plain, in linear time (glibc memmem). */
static int
s_find(lua_State *L)
{
	size_t ls, lp;
	const char *s = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	lua_Integer init = luaL_optinteger(L, 3, 1);
	const char *hit;

	if (init < 0)
		init = (lua_Integer)ls + init + 1 < 1 ? 1 :
		    (lua_Integer)ls + init + 1;
	else if (init == 0)
		init = 1;
	if (init > (lua_Integer)ls + 1) {
		luaL_pushfail(L);
		return 1;
	}
	hit = lp == 0 ? s + init - 1 :
	    memmem(s + init - 1, ls - (size_t)(init - 1), p, lp);
	if (hit == NULL) {
		luaL_pushfail(L);
		return 1;
	}
	lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
	lua_pushinteger(L, (lua_Integer)(hit - s + (ptrdiff_t)lp));
	return 2;
}

/* string.rep: the stock one loops n times even for an empty result. */
static int
s_rep(lua_State *L)
{
	size_t l, lsep = 0;
	lua_Integer n;

	luaL_checklstring(L, 1, &l);
	n = luaL_checkinteger(L, 2);
	luaL_optlstring(L, 3, "", &lsep);
	if (n <= 0 || l + lsep == 0) {
		lua_pushliteral(L, "");
		return 1;
	}
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

enum charge { CHARGE_LEN, CHARGE_SORT, CHARGE_RANGE };

/* table functions whose C loops the hook cannot see: charge their work
 * to the instruction budget first, then call the stock function. */
static int
charged(lua_State *L)
{
	lua_Integer n = 0, f, e;

	switch (lua_tointeger(L, lua_upvalueindex(2))) {
	case CHARGE_LEN:
		if (lua_type(L, 1) == LUA_TTABLE)
			n = (lua_Integer)lua_rawlen(L, 1);
		break;
	case CHARGE_SORT:
		if (lua_type(L, 1) == LUA_TTABLE)
			n = (lua_Integer)lua_rawlen(L, 1);
		n = n * (lua_Integer)(log2((double)n + 1) + 1);
		break;
	case CHARGE_RANGE:
		f = luaL_optinteger(L, 2, 1);
		e = luaL_optinteger(L, 3,
		    lua_type(L, 1) == LUA_TTABLE ?
		    (lua_Integer)lua_rawlen(L, 1) : 0);
		if (e >= f)
			n = e - f < LLONG_MAX / 2 ? e - f + 1 : LLONG_MAX / 2;
		break;
	}
	sandbox_charge(L, n);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

static void
wrap(lua_State *L, int lib, const char *name, enum charge how)
{
	lua_getfield(L, lib, name);
	lua_pushinteger(L, how);
	lua_pushcclosure(L, charged, 2);
	lua_setfield(L, lib, name);
}

static void
unset(lua_State *L, int t, const char *const *names)
{
	t = lua_absindex(L, t);
	for (; *names != NULL; names++) {
		lua_pushnil(L);
		lua_setfield(L, t, *names);
	}
}

/* Opens the libraries and builds the registry's table of safe globals. */
static void
open_libs(lua_State *L)
{
	static const char *const base_keep[] = { "assert", "error",
	    "ipairs", "next", "select", "tonumber", "tostring", "type",
	    "rawequal", "rawlen", "rawget", "_VERSION", NULL };
	static const char *const str_drop[] = { "dump", "match", "gmatch",
	    "gsub", "pack", "packsize", "unpack", NULL };
	static const char *const g_drop[] = { "load", "loadfile", "dofile",
	    "require", "collectgarbage", "getmetatable", "setmetatable",
	    "rawset", "print", "pcall", "xpcall", "_G", NULL };
	static const char *const math_drop[] = { "randomseed", NULL };
	const char *const *k;
	int g, base;

	luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
	lua_pop(L, 1);
	luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
	lua_pop(L, 1);

	lua_pushglobaltable(L);
	g = lua_gettop(L);

	/* The real string table is the strings' __index: edit it in place
	 * so ("x"):dump() and ("x"):match() are gone too. */
	lua_getfield(L, g, LUA_STRLIBNAME);
	unset(L, -1, str_drop);
	lua_pushcfunction(L, s_find);
	lua_setfield(L, -2, "find");
	lua_getfield(L, -1, "rep");
	lua_pushcclosure(L, s_rep, 1);
	lua_setfield(L, -2, "rep");
	lua_pop(L, 1);
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);

	lua_getfield(L, g, LUA_TABLIBNAME);
	wrap(L, lua_gettop(L), "insert", CHARGE_LEN);
	wrap(L, lua_gettop(L), "remove", CHARGE_LEN);
	wrap(L, lua_gettop(L), "sort", CHARGE_SORT);
	wrap(L, lua_gettop(L), "move", CHARGE_RANGE);
	wrap(L, lua_gettop(L), "concat", CHARGE_LEN);
	lua_pop(L, 1);

	/* A fixed seed: the same input gives the same output. */
	lua_getfield(L, g, LUA_MATHLIBNAME);
	lua_getfield(L, -1, "randomseed");
	lua_pushinteger(L, 20270215);
	lua_call(L, 1, 0);
	unset(L, -1, math_drop);
	lua_pop(L, 1);

	lua_newtable(L);
	base = lua_gettop(L);
	for (k = base_keep; *k != NULL; k++) {
		lua_getfield(L, g, *k);
		lua_setfield(L, base, *k);
	}
	lua_pushcfunction(L, sb_pcall);
	lua_setfield(L, base, "pcall");
	lua_pushcfunction(L, sb_xpcall);
	lua_setfield(L, base, "xpcall");
	lua_pushcfunction(L, sb_pairs);
	lua_setfield(L, base, "pairs");
	lua_getfield(L, g, LUA_STRLIBNAME);
	lua_setfield(L, base, LUA_STRLIBNAME);
	lua_getfield(L, g, LUA_TABLIBNAME);
	lua_setfield(L, base, LUA_TABLIBNAME);
	lua_getfield(L, g, LUA_MATHLIBNAME);
	lua_setfield(L, base, LUA_MATHLIBNAME);
	lua_getfield(L, g, LUA_UTF8LIBNAME);
	lua_setfield(L, base, LUA_UTF8LIBNAME);
	lua_setfield(L, LUA_REGISTRYINDEX, REG_BASE);

	/* Nothing runs with the real globals, but leave no door there. */
	unset(L, g, g_drop);
	lua_pop(L, 1);
}

/* __index of a chunk's globals: the first use of a name copies it from
 * the base globals (a library table is copied shallowly, so one chunk
 * cannot change string.rep for the next), then it is a plain field.
 * Front matter that touches no library costs no copy at all. */
static int
lazy_global(lua_State *L)
{
	lua_settop(L, 2);                       /* globals, key */
	lua_getfield(L, LUA_REGISTRYINDEX, REG_BASE);
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
		lua_getfield(L, LUA_REGISTRYINDEX, REG_PK);
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
	if (!util_utf8_valid(text, len, &bad)) {
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
		    (unsigned char)text[bad], util_utf8_col(text + ls, bad - ls));
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

/* 1 when msg starts "chunk:LINE: ". */
static int
has_position(const char *msg)
{
	const char *p, *q;

	for (p = msg; (p = strchr(p, ':')) != NULL; p++) {
		for (q = p + 1; *q >= '0' && *q <= '9'; q++)
			continue;
		if (q > p + 1 && q[0] == ':' && q[1] == ' ')
			return 1;
	}
	return 0;
}

/* Message handler: gives a position to messages that have none
 * (error(msg, 0), error({})): the innermost Lua line running. */
static int
msgh(lua_State *L)
{
	char file[256];
	int line;

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
	lua_pushcfunction(L, msgh);
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
	if (sb->aborted == SB_ABORT_STOP) {
		/* build.c says "interrupted" once */
		lua_settop(L, base - 1);
		if (sb->depth == 0)
			sb->aborted = SB_OK;
		return 0;
	}
	if (sb->aborted == SB_ABORT_MEM)
		diag(DIAG_ERROR, sb->memfile[0] != '\0' ? sb->memfile : NULL,
		    sb->memline, 0, "memory limit exceeded (%zu MiB)",
		    sb->memmax >> 20);
	else if (sb->aborted == SB_ABORT_STEPS)
		diag(DIAG_ERROR, sb->abortfile[0] != '\0' ? sb->abortfile :
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
		diag(DIAG_NOTE, callfile, callline, 1, "called from here");
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
			    "sandbox: use string.find, which is plain, or "
			    "pk.split)";
	}
	if (strstr(msg, "near '#'") != NULL)
		return " (this is Lua: comments start with --)";
	if (strstr(msg, "unexpected symbol near '['") != NULL)
		return " (this is Lua: a list is written { \"a\", \"b\" })";
	if (strstr(msg, "global 'pk'") != NULL)
		return " (pk is available to data files and components only)";
	return "";
}

void
sandbox_report(struct sandbox *sb, enum diag_level lvl, const char *msg)
{
	const char *p, *q, *file = NULL;
	char *fbuf = NULL;
	size_t i, flen;
	int line = 0;

	if (msg == NULL)
		msg = "error with no message";
	/* "chunk:LINE: message" */
	for (p = msg; (p = strchr(p, ':')) != NULL; p++) {
		for (q = p + 1; *q >= '0' && *q <= '9'; q++)
			continue;
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
	diag(lvl, file, line, 0, "%s%s", msg, hint(msg));
	free(fbuf);
}

/* ---- suggestions ------------------------------------------------------- */

size_t
sandbox_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, d;

	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			d = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			prev = tmp;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

const char *
sandbox_nearest(const char *w, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t i, d, bestd = (size_t)-1, max;

	max = strlen(w) / 3;
	if (max < 2)
		max = 2;
	for (i = 0; i < n; i++) {
		if (cands[i] == NULL)
			continue;
		d = sandbox_distance(w, cands[i]);
		if (d < bestd || (d == bestd && strcmp(cands[i], best) < 0)) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= max && bestd > 0 ? best : NULL;
}

/* ---- the sandbox object ------------------------------------------------ */

static int
panic(lua_State *L)
{
	fprintf(stderr, "pactkit: Lua: %s\n", lua_tostring(L, -1));
	abort();
}

struct sandbox *
sandbox_new(const struct site *site)
{
	struct sandbox *sb = xcalloc(1, sizeof(*sb));
	lua_State *L;

	sb->site = site;
	sb->memmax = SB_MEMMAX;
	sb->budget = SB_STEPS;
	if ((L = lua_newstate(sb_alloc, sb)) == NULL) {
		fprintf(stderr, "pactkit: cannot create the Lua state\n");
		exit(1);
	}
	*(struct sandbox **)lua_getextraspace(L) = sb;
	lua_atpanic(L, panic);
	open_libs(L);
	lua_newtable(L);
	data_open(L);
	ltree_open(L);
	lua_setfield(L, LUA_REGISTRYINDEX, REG_PK);
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

struct lua_State *
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
	lua_getfield(L, LUA_REGISTRYINDEX, REG_PK);
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

int
sandbox_runfile(struct sandbox *sb, const char *path, int nresults)
{
	const char *name = sandbox_relpath(sb->site, path);
	size_t len;
	char *text;
	int ok;

	if ((text = util_readfile(path, &len)) == NULL) {
		diag_sys(path);
		return 0;
	}
	sandbox_set_page(sb, NULL, sb->lang);
	if (!sandbox_load(sb, name, text, len, 1, 0)) {
		free(text);
		return 0;
	}
	data_linemap(sb->L, name, text, len);
	free(text);
	ok = sandbox_call(sb, 0, nresults, NULL, 0);
	if (ok && nresults > 0 && lua_type(sb->L, -nresults) == LUA_TTABLE)
		data_register(sb->L, -nresults, name, "");
	return ok;
}

/*
 * schema.c: pk.check(value, schema, what), the data checker.  A schema is
 * a table { type = ... } (docs/contract.md §2); each part of a value
 * that does not fit is said, "FILE:LINE:COL: what.path: expected ...,
 * got ...", at the field at fault (linemap.c), with the nearest known
 * name for a misspelt field, enum value or id; then pk.check raises.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "lua/internal.h"

struct ck {
	const char *file;           /* data file of the value, or NULL */
	const char *base;           /* path of the value in it */
	const char *what;           /* label for messages */
	char	 path[SB_MAXPATH];     /* path below the value */
	size_t	 plen;
	int	 nerr;              /* mismatches said so far */
};

/* The error value of a mismatch already said: the list or record that
 * checks the part at fault goes on with the next part. */
static const char mismatch = 0;

/* "string \"high\"", "number 6", "a table", ... into buf. */
void
schema_describe(lua_State *L, int idx, char *buf, size_t sz)
{
	const char *s;
	size_t len, n;

	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		snprintf(buf, sz, "nothing");
		break;
	case LUA_TBOOLEAN:
		snprintf(buf, sz, "%s", lua_toboolean(L, idx) ? "true" :
		    "false");
		break;
	case LUA_TNUMBER:
		if (lua_isinteger(L, idx))
			snprintf(buf, sz, "number %lld",
			    (long long)lua_tointeger(L, idx));
		else
			snprintf(buf, sz, "number %.14g",
			    (double)lua_tonumber(L, idx));
		break;
	case LUA_TSTRING:
		s = lua_tolstring(L, idx, &len);
		n = len > 40 ? 40 : len;
		while (n < len && n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;            /* do not cut a UTF-8 sequence */
		snprintf(buf, sz, "string \"%.*s%s\"", (int)n, s,
		    n < len ? "…" : "");
		break;
	case LUA_TTABLE:
		snprintf(buf, sz, "%s", lua_rawlen(L, idx) > 0 ? "a list" :
		    "a table");
		break;
	case LUA_TUSERDATA:
		snprintf(buf, sz, "a document node");
		break;
	default:
		snprintf(buf, sz, "a %s", luaL_typename(L, idx));
		break;
	}
}

/* Says "FILE:LINE:COL: what.path: message" at the field of path (or of
 * the enclosing table); shown is the first show bytes of path.  Returns
 * when it was said; a value with no known place raises the message. */
static void
ckreport(lua_State *L, struct ck *ck, size_t show, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
ckvreport(lua_State *L, struct ck *ck, size_t show, const char *fmt,
    va_list ap)
{
	char msg[1024], full[SB_MAXPATH * 2], where[256],
	    label[SB_MAXPATH + 128];
	struct sandbox *sb = sandbox_get(L);
	const char *file;
	int line, col = 0;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	snprintf(label, sizeof(label), "%s%.*s", ck->what, (int)show,
	    ck->path);
	if (label[0] == '.')
		memmove(label, label + 1, strlen(label));
	if (ck->file != NULL) {
		snprintf(full, sizeof(full), "%s%s", ck->base, ck->path);
		file = ck->file;
		line = linemap_pos(L, ck->file, full, &col);
	} else
		sandbox_callsite(L, &file, &line, where, sizeof(where));
	if (file == NULL)
		luaL_error(L, "%s: %s", label, msg);
	if (line == 0 && sb->page != NULL && sb->callline > 0 &&
	    strcmp(file, sb->page) == 0) {
		line = sb->callline;    /* a call's own arguments */
		col = 1;
	}
	if (label[0] == '\0')
		diag(sb->diag, DIAG_ERROR, file, line, col, "%s", msg);
	else
		diag(sb->diag, DIAG_ERROR, file, line, col, "%s: %s", label,
		    msg);
	ck->nerr++;
}

static void
ckreport(lua_State *L, struct ck *ck, size_t show, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ckvreport(L, ck, show, fmt, ap);
	va_end(ap);
}

/* Says the message as ckreport does, then gives up on this part of the
 * value: its list or record goes on with the next part. */
static void
ckfail(lua_State *L, struct ck *ck, size_t show, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));

static void
ckfail(lua_State *L, struct ck *ck, size_t show, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ckvreport(L, ck, show, fmt, ap);
	va_end(ap);
	lua_pushlightuserdata(L, (void *)&mismatch);
	lua_error(L);
	abort();                /* not reached: lua_error does not return */
}

static void check(lua_State *, struct ck *, int, int, int);

/* Protected: check() on the part (2) of a value with its schema (3). */
static int
check_k(lua_State *L)
{
	struct ck *ck = lua_touserdata(L, 1);

	check(L, ck, 2, 3, (int)lua_tointeger(L, 4));
	return 0;
}

/* check() on value v with schema s, going on after a mismatch (said
 * already): the rest of the value is checked too.  Any other error (a
 * budget exceeded, a data file that failed, a bad schema) goes up. */
static void
check_part(lua_State *L, struct ck *ck, int v, int s, int depth)
{
	size_t save = ck->plen;
	int status;

	lua_pushcfunction(L, check_k);
	lua_pushlightuserdata(L, ck);
	lua_pushvalue(L, v);
	lua_pushvalue(L, s);
	lua_pushinteger(L, depth);
	status = lua_pcall(L, 4, 0, 0);
	ck->path[save] = '\0';
	ck->plen = save;
	if (status == LUA_OK)
		return;
	sandbox_after_pcall(L, status);
	if (lua_touserdata(L, -1) != &mismatch)
		lua_error(L);
	lua_pop(L, 1);
}

static double
optnum(lua_State *L, int s, const char *k, int *has)
{
	double v = 0;

	*has = lua_getfield(L, s, k) == LUA_TNUMBER;
	if (*has)
		v = lua_tonumber(L, -1);
	lua_pop(L, 1);
	return v;
}

static void
range_text(char *buf, size_t sz, const char *a, double lo, int hasmin,
    double hi, int hasmax)
{
	if (hasmin && hasmax)
		snprintf(buf, sz, "%s from %g to %g", a, lo, hi);
	else if (hasmin)
		snprintf(buf, sz, "%s of at least %g", a, lo);
	else if (hasmax)
		snprintf(buf, sz, "%s of at most %g", a, hi);
	else
		snprintf(buf, sz, "%s", a);
}

/* Collects up to max string values of list t into out; returns count. */
static size_t
strlist(lua_State *L, int t, const char **out, size_t max)
{
	size_t n = 0;
	lua_Integer i;

	for (i = 1; n < max; i++) {
		if (lua_rawgeti(L, t, i) == LUA_TNIL) {
			lua_pop(L, 1);
			break;
		}
		if (lua_type(L, -1) == LUA_TSTRING)
			out[n++] = lua_tostring(L, -1); /* held by t */
		lua_pop(L, 1);
	}
	return n;
}

static void
joinlist(char *buf, size_t sz, const char *const *w, size_t n)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && i < 12 && len + 1 < sz; i++) {
		snprintf(buf + len, sz - len, "%s%s", i > 0 ? ", " : "", w[i]);
		len = strlen(buf);
	}
	if (n > 12 && len + 1 < sz)
		snprintf(buf + len, sz - len, ", …");
}

static void
check_ref(lua_State *L, struct ck *ck, int v, int s)
{
	const char *ids[256], *near, *to = "the list", *val;
	char got[128], list[512];
	size_t n = 0, i;
	lua_Integer k;
	int top = lua_gettop(L), d;

	if (lua_type(L, v) != LUA_TSTRING) {
		schema_describe(L, v, got, sizeof(got));
		ckfail(L, ck, ck->plen, "expected an id (a string), got %s",
		    got);
	}
	val = lua_tostring(L, v);
	if (lua_getfield(L, s, "to") == LUA_TSTRING) {
		to = lua_tostring(L, -1);
		data_load(L, to);
	} else if (lua_type(L, -1) != LUA_TTABLE)
		luaL_error(L, "pk.check: a ref schema needs to = \"data file "
		    "name\" or a list of ids");
	d = lua_gettop(L);
	if (lua_type(L, d) == LUA_TTABLE && lua_rawlen(L, d) > 0) {
		for (k = 1; n < 256; k++) {
			int ty = lua_rawgeti(L, d, k);

			if (ty == LUA_TNIL) {
				lua_pop(L, 1);
				break;
			}
			if (ty == LUA_TSTRING)
				ids[n++] = lua_tostring(L, -1);
			else if (ty == LUA_TTABLE) {
				if (lua_getfield(L, -1, "id") == LUA_TSTRING)
					ids[n++] = lua_tostring(L, -1);
				lua_pop(L, 1);
			}
			lua_pop(L, 1);  /* each string stays in its table */
		}
	} else if (lua_type(L, d) == LUA_TTABLE) {
		sandbox_sortedkeys(L, d);
		for (k = 1; n < 256 && lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
			if (lua_type(L, -1) == LUA_TSTRING)
				ids[n++] = lua_tostring(L, -1);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	for (i = 0; i < n; i++)
		if (strcmp(ids[i], val) == 0) {
			lua_settop(L, top);
			return;
		}
	near = suggest_nearest(val, ids, n);
	joinlist(list, sizeof(list), ids, n);
	schema_describe(L, v, got, sizeof(got));
	if (near != NULL)
		ckfail(L, ck, ck->plen, "unknown id \"%s\" in %s; did you mean "
		    "\"%s\"? (known ids: %s)", val, to, near, list);
	ckfail(L, ck, ck->plen, "unknown id \"%s\" in %s (known ids: %s)",
	    val, to, n > 0 ? list : "none");
}

static void
check_loc(lua_State *L, struct ck *ck, int v)
{
	struct sandbox *sb = sandbox_get(L);
	const struct site *site = sb->site;
	char got[128], key[SB_MAXPATH * 2 + 64], full[SB_MAXPATH * 2];
	size_t i, save = ck->plen;
	int has[PK_MAXLANG] = { 0 }, found, line, col, any = 0;
	lua_Integer k;

	if (lua_type(L, v) == LUA_TSTRING)
		return;
	if (lua_type(L, v) != LUA_TTABLE || lua_rawlen(L, v) > 0) {
		schema_describe(L, v, got, sizeof(got));
		ckfail(L, ck, ck->plen, "expected a string or a table "
		    "{ fr = \"…\", en = \"…\" }, got %s", got);
	}
	sandbox_sortedkeys(L, v);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		found = -1;
		if (lua_type(L, -1) == LUA_TSTRING)
			for (i = 0; i < site->nlangs; i++)
				if (strcmp(site->langs[i],
				    lua_tostring(L, -1)) == 0)
					found = (int)i;
		if (found < 0) {
			linemap_addkey(L, -1, ck->path, ck->plen);
			ck->plen = strlen(ck->path);
			if (lua_type(L, -1) == LUA_TSTRING)
				snprintf(got, sizeof(got), "\"%.60s\"",
				    lua_tostring(L, -1));
			else
				schema_describe(L, -1, got, sizeof(got));
			ckfail(L, ck, save, "unknown language %s (the site's "
			    "languages are %s%s%s)", got, site->nlangs > 0 ?
			    site->langs[0] : "", site->nlangs > 1 ? ", " : "",
			    site->nlangs > 1 ? site->langs[1] : "");
		}
		lua_pushvalue(L, -1);
		if (lua_rawget(L, v) != LUA_TSTRING) {
			linemap_addkey(L, -2, ck->path, ck->plen);
			ck->plen = strlen(ck->path);
			schema_describe(L, -1, got, sizeof(got));
			ckfail(L, ck, ck->plen, "expected a string, got %s",
			    got);
		}
		has[found] = 1;
		any = 1;
		lua_pop(L, 2);
	}
	lua_pop(L, 2);
	if (!any)
		ckfail(L, ck, ck->plen, "expected a string or a table "
		    "{ fr = \"…\", en = \"…\" }, got an empty table");
	/* a missing language is a warning: pactkit check lists them all */
	for (i = 0; i < site->nlangs; i++) {
		if (has[i] || ck->file == NULL)
			continue;
		snprintf(full, sizeof(full), "%s%s", ck->base, ck->path);
		line = linemap_pos(L, ck->file, full, &col);
		snprintf(key, sizeof(key), "%s:%d:%s:%s", ck->file, line, full,
		    site->langs[i]);
		if (sandbox_once(L, key))
			diag(sb->diag, DIAG_WARN, ck->file, line, col,
			    "%s%s: no '%s' text; the '%s' text will be used",
			    ck->what,
			    ck->what[0] == '\0' && ck->path[0] == '.' ?
			    ck->path + 1 : ck->path, site->langs[i],
			    site->langs[i == 0 ? 1 : 0]);
	}
}

static void
check_record(lua_State *L, struct ck *ck, int v, int s, int depth)
{
	const char *names[128], *req[128], *meant[128], *near;
	char got[128];
	size_t nn = 0, nreq = 0, nmeant = 0, i, save = ck->plen;
	int fields, keys, hasreq, isreq, top = lua_gettop(L);
	lua_Integer k;

	luaL_checkstack(L, 10, "nested too deeply");
	if (lua_type(L, v) != LUA_TTABLE) {
		schema_describe(L, v, got, sizeof(got));
		ckfail(L, ck, ck->plen, "expected a table of fields, got %s",
		    got);
	}
	if (lua_getfield(L, s, "fields") != LUA_TTABLE)
		luaL_error(L, "pk.check: a record schema needs fields = { … }");
	fields = lua_gettop(L);
	sandbox_sortedkeys(L, fields);
	for (k = 1; nn < 128 && lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		if (lua_type(L, -1) == LUA_TSTRING)
			names[nn++] = lua_tostring(L, -1);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	hasreq = lua_getfield(L, s, "required") == LUA_TTABLE;
	if (hasreq)
		nreq = strlist(L, lua_gettop(L), req, 128);

	/* unknown fields first: a misspelt name also looks like a missing
	 * one, and the spelling is the useful message (the missing one is
	 * then not said) */
	sandbox_sortedkeys(L, v);
	keys = lua_gettop(L);
	for (k = 1; lua_rawgeti(L, keys, k) != LUA_TNIL; k++) {
		if (lua_type(L, -1) != LUA_TSTRING) {
			linemap_addkey(L, -1, ck->path, save);
			ck->plen = strlen(ck->path);
			ckreport(L, ck, save, "unexpected list item %s; "
			    "expected named fields", ck->path + save);
			ck->path[save] = '\0';
			ck->plen = save;
			lua_pop(L, 1);
			continue;
		}
		lua_pushvalue(L, -1);
		if (lua_rawget(L, fields) == LUA_TNIL) {
			const char *key = lua_tostring(L, -2);

			linemap_addkey(L, -2, ck->path, save);
			ck->plen = strlen(ck->path);
			near = suggest_nearest(key, names, nn);
			if (near != NULL) {
				ckreport(L, ck, save, "unknown field '%s'; did "
				    "you mean '%s'?", key, near);
				if (nmeant < 128)
					meant[nmeant++] = near;
			} else {
				joinlist(got, sizeof(got), names, nn);
				ckreport(L, ck, save, "unknown field '%s' "
				    "(known fields: %s)", key, got);
			}
			ck->path[save] = '\0';
			ck->plen = save;
		}
		lua_pop(L, 2);
	}
	lua_pop(L, 1);

	for (i = 0; i < nn; i++) {
		size_t j;

		lua_getfield(L, fields, names[i]);
		isreq = 0;
		if (hasreq) {
			for (j = 0; j < nreq; j++)
				if (strcmp(req[j], names[i]) == 0)
					isreq = 1;
		} else if (lua_type(L, -1) == LUA_TTABLE) {
			isreq = lua_getfield(L, -1, "optional") == LUA_TNIL ||
			    !lua_toboolean(L, -1);
			lua_pop(L, 1);
		}
		if (lua_getfield(L, v, names[i]) == LUA_TNIL) {
			for (j = 0; j < nmeant && meant[j] != names[i]; j++)
				continue;
			if (isreq && j == nmeant)
				ckreport(L, ck, save, "missing field '%s'",
				    names[i]);
		} else {
			snprintf(ck->path + save, SB_MAXPATH - save, ".%s",
			    names[i]);
			ck->plen = strlen(ck->path);
			check_part(L, ck, lua_gettop(L), lua_gettop(L) - 1,
			    depth + 1);
			ck->path[save] = '\0';
			ck->plen = save;
		}
		lua_pop(L, 2);
	}
	lua_settop(L, top);
}

/* An integer or number within the schema's min and max. */
static void
check_number(lua_State *L, struct ck *ck, int v, int s, int isint,
    const char *got)
{
	char exp[160];
	double lo, hi, x;
	int hasmin, hasmax;

	lo = optnum(L, s, "min", &hasmin);
	hi = optnum(L, s, "max", &hasmax);
	range_text(exp, sizeof(exp), isint ? "an integer" :
	    "a number", lo, hasmin, hi, hasmax);
	if (lua_type(L, v) != LUA_TNUMBER)
		ckfail(L, ck, ck->plen, "expected %s, got %s", exp, got);
	x = lua_tonumber(L, v);
	if ((isint && (x != floor(x) || isinf(x))) || isnan(x) ||
	    (hasmin && x < lo) || (hasmax && x > hi))
		ckfail(L, ck, ck->plen, "expected %s, got %s", exp, got);
}

/* One of the schema's values, or the nearest one suggested. */
static void
check_enum(lua_State *L, struct ck *ck, int v, int s, const char *got)
{
	const char *vals[128], *near;
	char list[512];
	size_t n, i;

	if (lua_getfield(L, s, "values") != LUA_TTABLE)
		luaL_error(L, "pk.check: an enum schema needs values "
		    "= { … }");
	n = strlist(L, lua_gettop(L), vals, 128);
	if (lua_type(L, v) == LUA_TSTRING)
		for (i = 0; i < n; i++)
			if (strcmp(vals[i], lua_tostring(L, v)) == 0)
				return;
	joinlist(list, sizeof(list), vals, n);
	near = lua_type(L, v) == LUA_TSTRING ?
	    suggest_nearest(lua_tostring(L, v), vals, n) : NULL;
	if (near != NULL)
		ckfail(L, ck, ck->plen, "expected one of %s, got %s; "
		    "did you mean \"%s\"?", list, got, near);
	ckfail(L, ck, ck->plen, "expected one of %s, got %s", list,
	    got);
}

/* A list without holes, of min to max items, each as the schema's
 * "of" says. */
static void
check_list(lua_State *L, struct ck *ck, int v, int s, int depth,
    const char *got)
{
	size_t save = ck->plen;
	double lo, hi;
	int hasmin, hasmax;
	lua_Integer k, len;

	if (lua_type(L, v) != LUA_TTABLE)
		ckfail(L, ck, ck->plen, "expected a list { … }, got %s",
		    got);
	len = (lua_Integer)lua_rawlen(L, v);
	sandbox_sortedkeys(L, v);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 ||
		    lua_tointeger(L, -1) > len) {
			const char *key = lua_type(L, -1) == LUA_TSTRING ?
			    lua_tostring(L, -1) : NULL;

			linemap_addkey(L, -1, ck->path, save);
			ck->plen = strlen(ck->path);
			if (key != NULL)
				ckfail(L, ck, save, "expected a list "
				    "{ … }, got a table with a field "
				    "'%s'", key);
			ckfail(L, ck, save, "expected a list without "
			    "holes, got an item at %s", ck->path + save);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 2);
	lo = optnum(L, s, "min", &hasmin);
	if (hasmin && (double)len < lo)
		ckfail(L, ck, ck->plen, "expected at least %g item%s, "
		    "got %lld", lo, lo == 1 ? "" : "s", (long long)len);
	hi = optnum(L, s, "max", &hasmax);
	if (hasmax && (double)len > hi)
		ckfail(L, ck, ck->plen, "expected at most %g item%s, "
		    "got %lld", hi, hi == 1 ? "" : "s", (long long)len);
	if (lua_getfield(L, s, "of") == LUA_TTABLE)
		for (k = 1; k <= len; k++) {
			sandbox_charge(L, 1);
			lua_rawgeti(L, v, k);
			snprintf(ck->path + save, SB_MAXPATH - save,
			    "[%lld]", (long long)k);
			ck->plen = strlen(ck->path);
			check_part(L, ck, lua_gettop(L), lua_gettop(L) - 1,
			    depth + 1);
			ck->path[save] = '\0';
			ck->plen = save;
			lua_pop(L, 1);
		}
}

static void
check(lua_State *L, struct ck *ck, int v, int s, int depth)
{
	const char *type;
	char got[128];
	int top = lua_gettop(L);

	luaL_checkstack(L, 10, "nested too deeply");
	if (depth > SB_MAXDEPTH)
		ckfail(L, ck, ck->plen, "nested too deeply");
	if (lua_type(L, s) != LUA_TTABLE)
		luaL_error(L, "pk.check: a schema is a table { type = … }, "
		    "got %s", luaL_typename(L, s));
	if (lua_getfield(L, s, "type") != LUA_TSTRING)
		luaL_error(L, "pk.check: schema without a type");
	type = lua_tostring(L, -1);
	lua_pop(L, 1);                  /* still held by the schema */
	if (lua_isnil(L, v)) {
		if (lua_getfield(L, s, "optional") != LUA_TNIL &&
		    lua_toboolean(L, -1)) {
			lua_settop(L, top);
			return;
		}
		lua_pop(L, 1);
	}
	schema_describe(L, v, got, sizeof(got));

	if (strcmp(type, "string") == 0) {
		if (lua_type(L, v) != LUA_TSTRING)
			ckfail(L, ck, ck->plen, "expected a string, got %s",
			    got);
		if (lua_getfield(L, s, "nonempty") != LUA_TNIL &&
		    lua_toboolean(L, -1) && lua_rawlen(L, v) == 0)
			ckfail(L, ck, ck->plen, "expected a non-empty string, "
			    "got an empty one");
	} else if (strcmp(type, "loc") == 0)
		check_loc(L, ck, v);
	else if (strcmp(type, "integer") == 0 || strcmp(type, "number") == 0)
		check_number(L, ck, v, s, type[0] == 'i', got);
	else if (strcmp(type, "boolean") == 0) {
		if (lua_type(L, v) != LUA_TBOOLEAN)
			ckfail(L, ck, ck->plen, "expected true or false, got %s",
			    got);
	} else if (strcmp(type, "date") == 0) {
		if (lua_type(L, v) != LUA_TSTRING ||
		    !format_isodate(lua_tostring(L, v), NULL, NULL, NULL))
			ckfail(L, ck, ck->plen, "expected a date \"YYYY-MM-DD\", "
			    "got %s", got);
	} else if (strcmp(type, "enum") == 0)
		check_enum(L, ck, v, s, got);
	else if (strcmp(type, "ref") == 0)
		check_ref(L, ck, v, s);
	else if (strcmp(type, "list") == 0)
		check_list(L, ck, v, s, depth, got);
	else if (strcmp(type, "record") == 0)
		check_record(L, ck, v, s, depth);
	else
		luaL_error(L, "pk.check: unknown schema type '%s' (string, "
		    "loc, integer, number, boolean, date, enum, ref, list, "
		    "record)", type);
	lua_settop(L, top);
}

/*
 * PACTKIT_SCHEMAS=FILE: each schema pk.check is given is written to FILE
 * as the fields it asks for, one line each: component, what (the data
 * file, "args" for a call's arguments), path, required or optional, type.
 * tests/t_docs.sh holds docs/components.md to the built-in components'
 * schemas with it.
 */
static void
dump(lua_State *L, FILE *fp, const char *comp, const char *what, int s,
    const char *path, int depth)
{
	int fields, req = 0, top = lua_gettop(L);
	const char *type;
	lua_Integer k;

	if (depth > SB_MAXDEPTH || lua_type(L, s) != LUA_TTABLE ||
	    lua_getfield(L, s, "type") != LUA_TSTRING)
		goto out;
	type = lua_tostring(L, -1);
	if (strcmp(type, "list") == 0) {
		char *sub = xasprintf("%s[]", path);

		if (lua_getfield(L, s, "of") == LUA_TTABLE)
			dump(L, fp, comp, what, lua_gettop(L), sub, depth + 1);
		free(sub);
		goto out;
	}
	if (strcmp(type, "record") != 0 ||
	    lua_getfield(L, s, "fields") != LUA_TTABLE)
		goto out;
	fields = lua_gettop(L);
	if (lua_getfield(L, s, "required") == LUA_TTABLE)
		req = lua_gettop(L);
	sandbox_sortedkeys(L, fields);
	for (k = 1; lua_rawgeti(L, -1, k) == LUA_TSTRING; k++) {
		const char *name = lua_tostring(L, -1);
		char *sub = xasprintf("%s%s%s", path, *path ? "." : "", name);
		int fs, isreq = 0;
		lua_Integer r;

		lua_getfield(L, fields, name);
		fs = lua_gettop(L);
		/* as check_record reads it */
		if (req) {
			for (r = 1; lua_rawgeti(L, req, r) != LUA_TNIL; r++) {
				isreq |= lua_type(L, -1) == LUA_TSTRING &&
				    strcmp(lua_tostring(L, -1), name) == 0;
				lua_pop(L, 1);
			}
			lua_pop(L, 1);
		} else if (lua_type(L, fs) == LUA_TTABLE) {
			isreq = lua_getfield(L, fs, "optional") == LUA_TNIL ||
			    !lua_toboolean(L, -1);
			lua_pop(L, 1);
		}
		lua_getfield(L, fs, "type");
		fprintf(fp, "%s\t%s\t%s\t%s\t%s\n", comp, what, sub,
		    isreq ? "required" : "optional", lua_type(L, -1) ==
		    LUA_TSTRING ? lua_tostring(L, -1) : "?");
		lua_pop(L, 1);
		dump(L, fp, comp, what, fs, sub, depth + 1);
		free(sub);
		lua_pop(L, 2);
	}
out:
	lua_settop(L, top);
}

/* Protected: the whole check (the ck of light userdata 1, the value 2,
 * the schema 3). */
static int
check_all(lua_State *L)
{
	check(L, lua_touserdata(L, 1), 2, 3, 0);
	return 0;
}

/* pk.check(value, schema, what): the value, when it fits; else each
 * mismatch is said, with a note at the component call, and it raises. */
static int
pk_check(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	struct ck ck;
	const char *file, *path;
	int status;

	luaL_checktype(L, 2, LUA_TTABLE);
	memset(&ck, 0, sizeof(ck));
	ck.what = luaL_optstring(L, 3, "");
	lua_settop(L, 3);
	if (linemap_where(L, 1, &file, &path)) {
		ck.file = file;
		ck.base = path;
	} else
		ck.base = "";
	if (getenv("PACTKIT_SCHEMAS") != NULL) {
		FILE *fp = fopen(getenv("PACTKIT_SCHEMAS"), "a");

		if (fp != NULL) {
			dump(L, fp, sb->component != NULL ? sb->component : "",
			    *ck.what != '\0' ? ck.what : "args", 2, "", 0);
			fclose(fp);
		}
	}
	lua_pushcfunction(L, check_all);
	lua_pushlightuserdata(L, &ck);
	lua_pushvalue(L, 1);
	lua_pushvalue(L, 2);
	status = lua_pcall(L, 3, 0, 0);
	if (status != LUA_OK) {
		sandbox_after_pcall(L, status);
		if (lua_touserdata(L, -1) != &mismatch)
			lua_error(L);
		lua_pop(L, 1);
	}
	if (ck.nerr > 0) {
		/* said already: where the call is, then a silent error */
		if (sb->page != NULL && sb->callline > 0 && (ck.file == NULL ||
		    strcmp(ck.file, sb->page) != 0))
			diag(sb->diag, DIAG_NOTE, sb->page, sb->callline, 1,
			    "called from here");
		sandbox_silent(L);
	}
	lua_pushvalue(L, 1);
	return 1;
}

void
schema_open(lua_State *L)
{
	lua_pushcfunction(L, pk_check);
	lua_setfield(L, -2, "check");
}

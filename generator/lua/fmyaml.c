/*
 * fmyaml.c: front matter written in YAML between "---" lines (Hugo,
 * Jekyll, Quarto and Obsidian pages), read with libyaml into the same
 * Lua table that "+++" front matter gives, each top-level field's line
 * and column kept for messages.  Scalars follow YAML 1.2's core schema
 * (true/false, null, integers, floats; dates stay strings); a document
 * that is not a mapping, an alias or an error of the YAML is an error
 * naming file:line:col.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <yaml.h>

#include "base/pactkit.h"
#include "lua/internal.h"

struct yctx {
	yaml_parser_t	 parser;
	const char	*file;      /* for messages */
	int		 line0;     /* the file's line of the YAML's first line */
	struct fmkey	*keys;      /* the top-level fields' places */
	int		*nkeys;
	int		 maxkeys;
	char		 err[512];  /* the first error, "file:line:col: ..." */
};

/* The file's line and column of a libyaml mark. */
static void
at(const struct yctx *y, const yaml_mark_t *m, int *line, int *col)
{
	*line = y->line0 + (int)m->line;
	*col = (int)m->column + 1;
}

static int
fail(struct yctx *y, const yaml_mark_t *m, const char *what)
{
	int line, col;

	if (y->err[0] != '\0')
		return 0;
	at(y, m, &line, &col);
	snprintf(y->err, sizeof(y->err), "%s:%d:%d: %s", y->file, line, col,
	    what);
	return 0;
}

/* libyaml's own error: its problem, and where the construct began. */
static int
bad_yaml(struct yctx *y)
{
	char what[400];
	int line, col;

	if (y->parser.context != NULL) {
		at(y, &y->parser.context_mark, &line, &col);
		snprintf(what, sizeof(what), "front matter between '---' lines "
		    "is not YAML: %s (%s at line %d)", y->parser.problem !=
		    NULL ? y->parser.problem : "an error", y->parser.context,
		    line);
	} else
		snprintf(what, sizeof(what), "front matter between '---' lines "
		    "is not YAML: %s", y->parser.problem != NULL ?
		    y->parser.problem : "an error");
	return fail(y, &y->parser.problem_mark, what);
}

/* Pushes a plain scalar as YAML 1.2's core schema reads it. */
static void
push_plain(lua_State *L, const char *s, size_t len)
{
	char *end;
	double d;
	long long n;

	if (len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0) {
		lua_pushnil(L);
		return;
	}
	if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 ||
	    strcmp(s, "TRUE") == 0) {
		lua_pushboolean(L, 1);
		return;
	}
	if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 ||
	    strcmp(s, "FALSE") == 0) {
		lua_pushboolean(L, 0);
		return;
	}
	if (isdigit((unsigned char)s[s[0] == '-' || s[0] == '+']) ||
	    s[0] == '.') {
		errno = 0;
		n = strtoll(s, &end, 10);
		if (*end == '\0' && errno == 0) {
			lua_pushinteger(L, (lua_Integer)n);
			return;
		}
		d = strtod(s, &end);
		if (*end == '\0' && strchr(s, 'x') == NULL &&
		    strchr(s, 'X') == NULL && isfinite(d)) {
			lua_pushnumber(L, d);
			return;
		}
	}
	lua_pushlstring(L, s, len);
}

static int value(lua_State *, struct yctx *, yaml_event_t *, int);

/* The events of a mapping (its start event taken) into a new table. */
static int
mapping(lua_State *L, struct yctx *y, int depth)
{
	yaml_event_t k, v;
	int line, col;

	lua_newtable(L);
	for (;;) {
		if (!yaml_parser_parse(&y->parser, &k))
			return bad_yaml(y);
		if (k.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&k);
			return 1;
		}
		if (k.type != YAML_SCALAR_EVENT) {
			fail(y, &k.start_mark, "a field's name must be a plain "
			    "word, such as title:");
			yaml_event_delete(&k);
			return 0;
		}
		lua_pushlstring(L, (const char *)k.data.scalar.value,
		    k.data.scalar.length);
		if (depth == 0 && *y->nkeys < y->maxkeys &&
		    k.data.scalar.length < sizeof(y->keys[0].name)) {
			struct fmkey *fk = &y->keys[(*y->nkeys)++];

			memcpy(fk->name, k.data.scalar.value,
			    k.data.scalar.length + 1);
			at(y, &k.start_mark, &line, &col);
			fk->line = line;
			fk->col = col;
		}
		lua_pushvalue(L, -1);
		if (lua_rawget(L, -3) != LUA_TNIL) {
			lua_pop(L, 1);
			fail(y, &k.start_mark, "this field is given twice");
			yaml_event_delete(&k);
			return 0;
		}
		lua_pop(L, 1);
		yaml_event_delete(&k);
		if (!yaml_parser_parse(&y->parser, &v))
			return bad_yaml(y);
		if (!value(L, y, &v, depth + 1))
			return 0;
		lua_rawset(L, -3);
	}
}

static int
sequence(lua_State *L, struct yctx *y, int depth)
{
	yaml_event_t e;
	lua_Integer i = 0;

	lua_newtable(L);
	for (;;) {
		if (!yaml_parser_parse(&y->parser, &e))
			return bad_yaml(y);
		if (e.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&e);
			return 1;
		}
		if (!value(L, y, &e, depth + 1))
			return 0;
		if (lua_isnil(L, -1))
			lua_pop(L, 1);  /* a null item: a hole Lua cannot hold */
		else
			lua_rawseti(L, -2, ++i);
	}
}

/* Pushes the value that event e starts (and deletes e). */
static int
value(lua_State *L, struct yctx *y, yaml_event_t *e, int depth)
{
	int ok = 1;

	luaL_checkstack(L, 8, "front matter nested too deeply");
	if (depth > SB_MAXDEPTH) {
		fail(y, &e->start_mark, "nested too deeply");
		yaml_event_delete(e);
		return 0;
	}
	switch (e->type) {
	case YAML_SCALAR_EVENT:
		if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			push_plain(L, (const char *)e->data.scalar.value,
			    e->data.scalar.length);
		else
			lua_pushlstring(L, (const char *)e->data.scalar.value,
			    e->data.scalar.length);
		break;
	case YAML_SEQUENCE_START_EVENT:
		ok = sequence(L, y, depth);
		break;
	case YAML_MAPPING_START_EVENT:
		ok = mapping(L, y, depth);
		break;
	case YAML_ALIAS_EVENT:
		ok = fail(y, &e->start_mark, "an alias (*name) is not read in "
		    "front matter: write the value itself");
		break;
	default:
		ok = fail(y, &e->start_mark, "expected a value");
		break;
	}
	yaml_event_delete(e);
	return ok;
}

/* Protected: the table of YAML text (light userdata 1: the context,
 * 2: the text). */
static int
read_k(lua_State *L)
{
	struct yctx *y = lua_touserdata(L, 1);
	yaml_event_t e;
	size_t len;
	const char *text = lua_tolstring(L, 2, &len);
	int ok, done = 0, have = 0;

	yaml_parser_set_input_string(&y->parser,
	    (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&y->parser, &e)) {
			bad_yaml(y);
			return 0;
		}
		switch (e.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&e);
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&e);
			done = 1;
			break;
		case YAML_MAPPING_START_EVENT:
			if (have) {
				fail(y, &e.start_mark, "one mapping of fields "
				    "only");
				yaml_event_delete(&e);
				return 0;
			}
			yaml_event_delete(&e);
			if (!mapping(L, y, 0))
				return 0;
			have = 1;
			break;
		case YAML_SCALAR_EVENT:
			if (!have && e.data.scalar.length == 0 &&
			    e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
				yaml_event_delete(&e);
				break;          /* an empty document */
			}
			/* FALLTHROUGH */
		default:
			ok = e.type == YAML_SEQUENCE_START_EVENT;
			fail(y, &e.start_mark, ok ? "expected YAML fields "
			    "(title: …, one per line), got a list" :
			    "expected YAML fields (title: …, one per line), got "
			    "a text");
			yaml_event_delete(&e);
			return 0;
		}
	}
	if (!have)
		lua_newtable(L);
	return 1;
}

int
fmyaml_read(lua_State *L, const char *file, int line0, const char *text,
    size_t len, struct fmkey *keys, int *nkeys, int maxkeys)
{
	struct yctx y;
	int status;

	memset(&y, 0, sizeof(y));
	y.file = file;
	y.line0 = line0;
	y.keys = keys;
	y.nkeys = nkeys;
	y.maxkeys = maxkeys;
	*nkeys = 0;
	if (!yaml_parser_initialize(&y.parser))
		luaL_error(L, "%s:%d: cannot read YAML (out of memory)", file,
		    line0);
	lua_pushcfunction(L, read_k);
	lua_pushlightuserdata(L, &y);
	lua_pushlstring(L, text, len);
	/* the parser is freed whatever happens inside */
	status = lua_pcall(L, 2, 1, 0);
	yaml_parser_delete(&y.parser);
	if (status != LUA_OK) {
		sandbox_after_pcall(L, status);
		lua_error(L);
	}
	if (lua_type(L, -1) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_pushstring(L, y.err[0] != '\0' ? y.err : "not YAML");
		lua_error(L);
	}
	return 1;
}

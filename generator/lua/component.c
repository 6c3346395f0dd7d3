/*
 * component.c: ```{name}``` blocks -> the component's Lua function.
 * In: the block's body (Lua fields, run in the sandbox so that Lua's line
 * numbers are the Markdown file's), the component's file (the project's
 * lua/components/NAME.lua, else the built-in one).  Out: the nodes it
 * returns, appended to the page's tree inside one
 * <section class="pk-component pk-NAME">.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "lua/sandbox.h"
#include "lua/internal.h"

#define REG_COMPONENTS "pk.components"  /* path -> function */

struct callctx {
	struct sandbox *sb;
	const char *name;           /* component name */
	const char *path;           /* its file on disk */
	const char *chunk;          /* its chunk name for messages */
	const char *body;
	size_t	 len;
	const char *file;           /* the Markdown file */
	int	 line;              /* first line of the body */
	xmlNodePtr parent;
	int	 blank;             /* args.blank was true */
};

/* A component name: a data-file name that starts with a letter or digit. */
static int
goodname(const char *s)
{
	return (islower((unsigned char)*s) || isdigit((unsigned char)*s)) &&
	    data_goodname(s);
}

/* Pushes the component's function, loading its file the first time. */
static void
pushcomponent(lua_State *L, struct callctx *c)
{
	struct sandbox *sb = c->sb;
	const char *src;
	char *text;
	size_t len;

	luaL_getsubtable(L, LUA_REGISTRYINDEX, REG_COMPONENTS);
	if (lua_getfield(L, -1, c->path) == LUA_TFUNCTION) {
		lua_remove(L, -2);
		return;
	}
	lua_pop(L, 1);
	if ((text = file_read(c->path, &len)) == NULL)
		luaL_error(L, "%s: cannot read the component", c->chunk);
	lua_pushlstring(L, text, len);
	free(text);
	src = lua_tolstring(L, -1, &len);
	sandbox_load(sb, c->chunk, src, len, 1, 1);
	lua_call(L, 0, 1);
	if (lua_type(L, -1) != LUA_TFUNCTION)
		luaL_error(L, "%s:1: a component file must return a function "
		    "(args) that returns document nodes; it returns %s",
		    c->chunk, luaL_typename(L, -1));
	lua_pushvalue(L, -1);
	lua_setfield(L, -4, c->path);
	lua_replace(L, -3);             /* function over the cache table */
	lua_pop(L, 1);                  /* source text */
}

/* Pushes the args table of the block's body: fields as assignments
 * (`source = "mou"` one per line), or as a table constructor's fields
 * (`source = "mou", id = "x"`). */
static void
pushargs(lua_State *L, struct callctx *c)
{
	struct buf b = { 0 };
	const char *src, *src2;
	size_t len, len2;
	int i, env, rc;
	char *chunk;

	for (i = 1; i < c->line; i++)
		buf_putc(&b, '\n');
	buf_put(&b, c->body, c->len);
	lua_pushlstring(L, b.data != NULL ? b.data : "", b.len);
	buf_reset(&b);
	for (i = 2; i < c->line; i++)
		buf_putc(&b, '\n');
	buf_puts(&b, c->line >= 2 ? "return {\n" : "return { ");
	buf_put(&b, c->body, c->len);
	buf_puts(&b, "\n}");
	lua_pushlstring(L, b.data, b.len);
	buf_free(&b);
	src = lua_tolstring(L, -2, &len);
	src2 = lua_tolstring(L, -1, &len2);

	chunk = xasprintf("@%s", c->file);
	rc = luaL_loadbufferx(L, src, len, chunk, "t");
	if (rc == LUA_OK) {
		free(chunk);
		sandbox_env(L, 1);
		lua_pushvalue(L, -1);
		lua_setupvalue(L, -3, 1);
		env = lua_gettop(L);
		lua_pushvalue(L, env - 1);
		lua_call(L, 0, 0);
		/* a plain table of the fields set (not the globals behind) */
		lua_newtable(L);
		lua_pushnil(L);
		while (lua_next(L, env)) {
			lua_pushvalue(L, -2);
			lua_insert(L, -2);
			lua_rawset(L, -4);
		}
		linemap_read(L, c->file, src, len);
		lua_replace(L, env - 1);
		lua_settop(L, env - 1);
	} else {
		/* not statements: maybe `a = 1, b = 2` table fields */
		if (rc != LUA_ERRSYNTAX) {
			free(chunk);
			lua_error(L);
		}
		if (luaL_loadbufferx(L, src2, len2, chunk, "t") != LUA_OK) {
			free(chunk);
			lua_pop(L, 1);          /* keep the first error */
			lua_error(L);
		}
		free(chunk);
		sandbox_env(L, 1);
		lua_setupvalue(L, -2, 1);
		lua_call(L, 0, 1);
		linemap_read(L, c->file, src2, len2);
		lua_remove(L, -2);              /* the first error */
	}
	/* stack: src, src2, args */
	lua_replace(L, -3);
	lua_pop(L, 1);
	linemap_register(L, -1, c->file, "");
}

/* Protected: runs the component (light userdata 1). */
static int
component_k(lua_State *L)
{
	struct callctx *c = lua_touserdata(L, 1);
	int args;

	pushcomponent(L, c);
	pushargs(L, c);
	args = lua_gettop(L);
	switch (lua_getfield(L, args, "blank")) {
	case LUA_TNIL:
		lua_pushboolean(L, 0);
		lua_setfield(L, args, "blank");
		break;
	case LUA_TBOOLEAN:
		c->blank = lua_toboolean(L, -1);
		break;
	default:
		luaL_error(L, "%s:%d: blank: expected true or false, got %s",
		    c->file, linemap_line(L, c->file, ".blank"),
		    luaL_typename(L, -1));
	}
	lua_pop(L, 1);
	lua_call(L, 1, 1);
	if (lua_isnil(L, -1))
		diag(c->sb->diag, DIAG_WARN, c->file, c->sb->callline, 1,
		    "component '%s' returned nothing", c->name);
	else
		ltree_append(L, -1, c->parent);
	return 0;
}

/* Adds the words of add missing from the class attribute of n. */
static void
addclass(xmlNodePtr n, const char *add)
{
	xmlChar *old = xmlGetProp(n, BAD_CAST "class");
	struct buf b = { 0 };
	const char *p, *e;
	size_t wl;
	int have;

	for (p = add; *p != '\0'; p = e) {
		while (*p == ' ')
			p++;
		for (e = p; *e != '\0' && *e != ' '; e++)
			continue;
		if ((wl = (size_t)(e - p)) == 0)
			break;
		have = 0;
		if (old != NULL) {
			const char *q = (const char *)old, *qe;

			for (; *q != '\0'; q = qe) {
				while (*q == ' ')
					q++;
				for (qe = q; *qe != '\0' && *qe != ' '; qe++)
					continue;
				if ((size_t)(qe - q) == wl &&
				    strncmp(q, p, wl) == 0)
					have = 1;
			}
		}
		if (!have) {
			if (b.len > 0)
				buf_putc(&b, ' ');
			buf_put(&b, p, wl);
		}
	}
	if (old != NULL && *old != '\0') {
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, (const char *)old);
	}
	if (b.data != NULL)
		xmlSetProp(n, BAD_CAST "class", BAD_CAST b.data);
	xmlFree(old);
	buf_free(&b);
}

static int
is_element(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Finds the component's file; 0 with the error printed when unknown. */
static int
findcomponent(struct diag *dg, const struct site *site, const char *name,
    const char *file,
    int line, char **path, char **chunk)
{
	char *dir[2], **names, **all = NULL;
	const char *near;
	size_t n, nall = 0, i, k;
	int found = 0;

	dir[0] = xasprintf("%s/lua/components",
	    site->dir != NULL ? site->dir : ".");
	dir[1] = site->sharedir != NULL ?
	    xasprintf("%s/lua/builtin/components", site->sharedir) : NULL;
	for (k = 0; k < 2 && !found && goodname(name); k++) {
		if (dir[k] == NULL)
			continue;
		*path = xasprintf("%s/%s.lua", dir[k], name);
		if (file_isfile(*path)) {
			found = 1;
			*chunk = k == 0 ? xasprintf("lua/components/%s.lua",
			    name) : xstrdup(*path);
		} else {
			free(*path);
			*path = NULL;
		}
	}
	if (!found) {
		for (k = 0; k < 2; k++) {
			if (dir[k] == NULL)
				continue;
			n = file_names(dir[k], ".lua", &names);
			all = xrealloc(all, (nall + n + 1) * sizeof(*all));
			for (i = 0; i < n; i++)
				all[nall++] = names[i];
			free(names);
		}
		near = suggest_nearest(name, (const char *const *)all, nall);
		if (near != NULL)
			diag(dg, DIAG_ERROR, file, line, 1,
			    "unknown component '%s'; did you mean '%s'?", name,
			    near);
		else
			diag(dg, DIAG_ERROR, file, line, 1,
			    "unknown component '%s'",
			    name);
		for (i = 0; i < nall; i++)
			free(all[i]);
		free(all);
	}
	free(dir[0]);
	free(dir[1]);
	return found;
}

int
component_call(struct sandbox *sb, const struct site *site, size_t lang,
    const char *name, const char *body, size_t len, const char *file,
    int line, xmlNodePtr parent)
{
	struct callctx c;
	xmlNodePtr before = parent->last, n, next, first, wrap;
	char *path = NULL, *chunk = NULL, *cls;
	int fence = line > 1 ? line - 1 : 1, ok, count = 0;

	if (!findcomponent(sb->diag, site, name, file, fence, &path, &chunk))
		return 0;
	memset(&c, 0, sizeof(c));
	c.sb = sb;
	c.name = name;
	c.path = path;
	c.chunk = chunk;
	c.body = body;
	c.len = len;
	c.file = file;
	c.line = line < 1 ? 1 : line;
	c.parent = parent;
	sandbox_set_page(sb, file, lang);
	sb->callline = fence;
	sb->component = name;
	lua_pushcfunction(sb->L, component_k);
	lua_pushlightuserdata(sb->L, &c);
	ok = sandbox_call(sb, 1, 0, file, fence);
	sb->callline = 0;
	sb->component = NULL;
	free(path);
	free(chunk);

	first = before != NULL ? before->next : parent->children;
	if (!ok) {
		/* nothing half-built stays in the page */
		for (n = first; n != NULL; n = next) {
			next = n->next;
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		return 0;
	}
	if (first == NULL)
		return 1;
	for (n = first; n != NULL; n = n->next)
		count++;
	cls = xasprintf("pk-component pk-%s", name);
	if (count == 1 && (is_element(first, "section") ||
	    is_element(first, "figure")))
		wrap = first;
	else {
		wrap = xmlNewDocNode(parent->doc, xmlSearchNsByHref(parent->doc,
		    parent, BAD_CAST XHTML_NS), BAD_CAST "section", NULL);
		for (n = first; n != NULL; n = next) {
			next = n->next;
			xmlUnlinkNode(n);
			xmlAddChild(wrap, n);
		}
		xmlAddChild(parent, wrap);
	}
	addclass(wrap, cls);
	free(cls);
	if (c.blank)
		xmlSetProp(wrap, BAD_CAST "data-pk-blank", BAD_CAST "1");
	tree_set_pos(wrap, fence, 1);
	return 1;
}

/*
 * ltree.c: document nodes for Lua.  In: pk.h(tag, attrs, ...) calls
 * from components.  Out: "pk.node" userdata (one metatable, liolib.c
 * shape), checked when built (known element, safe attributes, SVG only
 * inside svg), then turned into libxml2 nodes by ltree_append().  Text
 * and attribute values are only ever set through libxml2, which escapes
 * them: no markup is built from strings.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lua.h>
#include <lauxlib.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "lua/internal.h"

#define NODE_MT "pk.node"
#define LTREE_MAXNODES 200000   /* nodes one component call may make */

/* A node: an element of tree/elem.c that pk.h may build, or a text. */
struct lnode {
	const struct elem *el;      /* its element; NULL: a text node */
};

static int
issvg(const struct elem *el)
{
	return el != NULL && (el->lua == ELEM_SVG || el->lua == ELEM_SVGTEXT);
}

/* The element pk.h may build, or NULL. */
static const struct elem *
findtag(const char *name)
{
	const struct elem *e = elem_get(name);

	return e != NULL && e->lua != ELEM_NOLUA ? e : NULL;
}

static struct lnode *
tonode(lua_State *L, int idx)
{
	return luaL_testudata(L, idx, NODE_MT);
}

/* ---- attributes --------------------------------------------------------- */

/* No javascript:, vbscript:, data: or other scheme than the web's. */
static int
safe_url(const char *u)
{
	static const char *const ok[] = { "http", "https", "mailto", "tel",
	    NULL };
	char scheme[16];
	size_t n = 0;
	const char *const *p;

	/* browsers skip these inside a scheme ("java\tscript:") */
	for (; *u != '\0'; u++) {
		unsigned char c = (unsigned char)*u;

		if (c <= 0x20 || c == 0x7f)
			continue;
		if (c == ':')
			break;
		if (c == '/' || c == '?' || c == '#')
			return 1;       /* relative: no scheme */
		if (!isalnum(c) && c != '+' && c != '-' && c != '.')
			return 1;
		if (n + 1 >= sizeof(scheme))
			return 0;
		scheme[n++] = (char)c;
	}
	if (*u != ':')
		return 1;
	scheme[n] = '\0';
	for (p = ok; *p != NULL; p++)
		if (strcasecmp(*p, scheme) == 0)
			return 1;
	return 0;
}

/* Numbers in attributes: at most 2 decimals, "." whatever the locale. */
static void
numstr(lua_State *L, int idx, char *buf, size_t sz)
{
	double x;
	long long v;
	size_t n;

	if (lua_isinteger(L, idx)) {
		snprintf(buf, sz, "%lld", (long long)lua_tointeger(L, idx));
		return;
	}
	x = lua_tonumber(L, idx);
	if (!isfinite(x) || fabs(x) >= 1e15)
		luaL_error(L, "pk.h: number %f cannot be written in a "
		    "document", x);
	v = llround(fabs(x) * 100);
	snprintf(buf, sz, "%s%lld.%02lld", x < 0 && v != 0 ? "-" : "",
	    v / 100, v % 100);
	n = strlen(buf);
	while (buf[n - 1] == '0')
		buf[--n] = '\0';
	if (buf[n - 1] == '.')
		buf[--n] = '\0';
}

static int
goodattr(const char *s)
{
	if (!isalpha((unsigned char)*s))
		return 0;
	for (s++; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
			return 0;
	return 1;
}

/* translate(x,y) / translate(x y) / translate(x) */
static int
good_transform(const char *s)
{
	char *end;
	int n = 0;

	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "translate(", 10) != 0)
		return 0;
	s += 10;
	for (;;) {
		while (isspace((unsigned char)*s) || (n > 0 && *s == ','))
			s++;
		if (*s == ')')
			break;
		strtod(s, &end);
		if (end == s || ++n > 2)
			return 0;
		s = end;
	}
	for (s++; isspace((unsigned char)*s); s++)
		continue;
	return n > 0 && *s == '\0';
}

static int
good_path(const char *s)
{
	for (; *s != '\0'; s++)
		if (strchr("MmLlHhVvZz0123456789.,-+eE \t\r\n", *s) == NULL)
			return 0;
	return 1;
}

/* Checks attribute name (key at -2) = value (at -1) for element el, and
 * sets
 * it in the attribute table at a (false removes it). */
static void
setattr(lua_State *L, const struct elem *el, int a)
{
	static const char *const banned[] = { "style", "srcdoc", "srcset",
	    "formaction", "action", "xmlns", "http-equiv", NULL };
	static const char *const urls[] = { "href", "src", "cite", "poster",
	    "data", NULL };
	const char *name, *v, *const *p;
	char num[64];
	luaL_Buffer b;
	lua_Integer i;

	if (lua_type(L, -2) != LUA_TSTRING)
		luaL_error(L, "pk.h: attribute names are strings, got %s",
		    luaL_typename(L, -2));
	name = lua_tostring(L, -2);
	if (!goodattr(name))
		luaL_error(L, "pk.h: bad attribute name '%s'", name);
	if (strncasecmp(name, "on", 2) == 0)
		luaL_error(L, "pk.h: event handler attributes such as '%s' "
		    "are not allowed (pages carry no scripts)", name);
	for (p = banned; *p != NULL; p++)
		if (strcasecmp(name, *p) == 0)
			luaL_error(L, "pk.h: attribute '%s' is not allowed%s",
			    name, strcmp(*p, "style") == 0 ? " (use a class "
			    "and the theme's CSS)" : "");
	switch (lua_type(L, -1)) {
	case LUA_TSTRING:
		lua_pushvalue(L, -1);
		break;
	case LUA_TNUMBER:
		numstr(L, -1, num, sizeof(num));
		lua_pushstring(L, num);
		break;
	case LUA_TBOOLEAN:
		if (lua_toboolean(L, -1))
			lua_pushliteral(L, "");
		else
			lua_pushnil(L); /* false: left out */
		break;
	case LUA_TTABLE:
		if (strcmp(name, "class") != 0)
			luaL_error(L, "pk.h: attribute '%s' must be a string, "
			    "number or boolean, got a table", name);
		/* class = { "a", "b" } */
		{
			int t = lua_absindex(L, -1);

			luaL_buffinit(L, &b);
			for (i = 1; lua_rawgeti(L, t, i) != LUA_TNIL; i++) {
				if (lua_type(L, -1) != LUA_TSTRING)
					luaL_error(L, "pk.h: class list items "
					    "must be strings");
				if (i > 1)
					luaL_addchar(&b, ' ');
				luaL_addvalue(&b);
			}
			lua_pop(L, 1);
		}
		luaL_pushresult(&b);
		break;
	default:
		luaL_error(L, "pk.h: attribute '%s' must be a "
		    "string, number or boolean, got %s", name,
		    luaL_typename(L, -1));
	}
	/* stack: name, value, checked value */
	if (lua_type(L, -1) == LUA_TSTRING) {
		size_t vlen, bad;
		long cp;

		v = lua_tolstring(L, -1, &vlen);
		if (!utf8_text(v, vlen, &bad, &cp))
			luaL_error(L, "pk.h: attribute '%s': %s", name, cp < 0 ?
			    "invalid UTF-8" : "a control character or a "
			    "noncharacter (expected text)");
		for (p = urls; *p != NULL; p++)
			if (strcasecmp(name, *p) == 0 && !safe_url(v))
				luaL_error(L, "pk.h: unsafe URL in %s=\"%s\" "
				    "(only http, https, mailto, tel and "
				    "relative links)", name, v);
		if (strcmp(name, "transform") == 0 &&
		    (el == NULL || strcmp(el->name, "g") != 0 ||
		    !good_transform(v)))
			luaL_error(L, "pk.h: transform: only "
			    "transform=\"translate(x,y)\" on g is supported");
		if (strcmp(name, "d") == 0 && el != NULL &&
		    strcmp(el->name, "path") == 0 && !good_path(v))
			luaL_error(L, "pk.h: path d: only the M, L, H, V and Z "
			    "commands are supported");
	}
	lua_pushvalue(L, -3);
	lua_insert(L, -2);
	lua_rawset(L, a);
}

/* ---- nodes -------------------------------------------------------------- */

/* Pushes a new node for element el (NULL: text) with its uservalue
 * table. */
static struct lnode *
newnode(lua_State *L, const struct elem *el)
{
	struct lnode *n = lua_newuserdatauv(L, sizeof(*n), 1);

	n->el = el;
	luaL_setmetatable(L, NODE_MT);
	lua_createtable(L, 2, 1);
	if (el != NULL) {
		lua_newtable(L);
		lua_setfield(L, -2, "a");
	}
	lua_setiuservalue(L, -2, 1);
	return n;
}

/* 1 when table idx is a localised string { fr = …, en = … }. */
static int
isloc(lua_State *L, int idx)
{
	const struct site *site = sandbox_get(L)->site;
	size_t i;
	int any = 0;

	if (lua_rawlen(L, idx) > 0)
		return 0;
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		lua_pop(L, 1);
		if (lua_type(L, -1) != LUA_TSTRING) {
			lua_pop(L, 1);
			return 0;
		}
		for (i = 0; i < site->nlangs; i++)
			if (strcmp(site->langs[i], lua_tostring(L, -1)) == 0)
				break;
		if (i == site->nlangs) {
			lua_pop(L, 1);
			return 0;
		}
		any = 1;
	}
	return any;
}

/* Pushes a text node for the loc value or string at idx. */
static void
pushtext(lua_State *L, int idx)
{
	struct sandbox *sb = sandbox_get(L);
	size_t used;
	const char *s = loc_text(L, idx, sb->lang, &used);

	newnode(L, NULL);
	lua_getiuservalue(L, -1, 1);
	lua_pushstring(L, s != NULL ? s : "");
	lua_rawseti(L, -2, 1);
	if (used != sb->lang) {
		/* the other language: marked, so it is read right */
		lua_pushstring(L, sb->site->langs[used]);
		lua_setfield(L, -2, "lang");
	}
	lua_pop(L, 1);
}

static const char *
tagname(const struct elem *el)
{
	return el == NULL ? "text" : el->name;
}

/* Appends the value at idx (string, node, loc, list of these) to the
 * children table c of a node of element el. */
static void
addchild(lua_State *L, const struct elem *el, int c, int idx, int depth)
{
	struct lnode *n;
	lua_Integer i;
	int kind = el->lua, textonly;

	luaL_checkstack(L, 10, "nested too deeply");
	idx = lua_absindex(L, idx);
	textonly = kind == ELEM_TEXTONLY || kind == ELEM_SVGTEXT;
	if (depth > SB_MAXDEPTH)
		luaL_error(L, "pk.h: lists nested too deeply");
	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		return;
	case LUA_TNUMBER: {
		char num[64];

		numstr(L, idx, num, sizeof(num));
		lua_pushstring(L, num);
		break;
	}
	case LUA_TSTRING:
		if (kind == ELEM_VOID)
			luaL_error(L, "pk.h: '%s' cannot hold text",
			    el->name);
		if ((kind == ELEM_SVG || kind == ELEM_SVGROOT) &&
		    lua_rawlen(L, idx) > 0)
			luaL_error(L, "pk.h: text inside '%s' must be in a "
			    "'text' element", el->name);
		lua_pushvalue(L, idx);
		break;
	case LUA_TTABLE:
		if (isloc(L, idx)) {
			pushtext(L, idx);
			addchild(L, el, c, -1, depth);
			lua_pop(L, 1);
			return;
		}
		for (i = 1; lua_rawgeti(L, idx, i) != LUA_TNIL; i++) {
			sandbox_charge(L, 1);
			addchild(L, el, c, -1, depth + 1);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
		return;
	case LUA_TUSERDATA:
		if ((n = tonode(L, idx)) == NULL)
			luaL_error(L, "pk.h: not a document node");
		if (n->el == NULL) {
			if ((kind == ELEM_SVG || kind == ELEM_SVGROOT))
				luaL_error(L, "pk.h: text inside '%s' must be in "
				    "a 'text' element", el->name);
			if (kind == ELEM_VOID)
				luaL_error(L, "pk.h: '%s' cannot hold text",
				    el->name);
		} else if (kind == ELEM_VOID)
			luaL_error(L, "pk.h: '%s' cannot have children",
			    el->name);
		else if (textonly)
			luaL_error(L, "pk.h: '%s' can hold only text, not '%s'",
			    el->name, tagname(n->el));
		else if ((kind == ELEM_SVG || kind == ELEM_SVGROOT) &&
		    !issvg(n->el))
			luaL_error(L, "pk.h: '%s' cannot go inside an SVG "
			    "drawing ('%s')", tagname(n->el), el->name);
		else if (kind == ELEM_HTML && issvg(n->el))
			luaL_error(L, "pk.h: '%s' must be inside 'svg'",
			    tagname(n->el));
		lua_pushvalue(L, idx);
		break;
	default:
		luaL_error(L, "pk.h: a child must be a string, a node or a "
		    "list of them, got %s", luaL_typename(L, idx));
	}
	lua_rawseti(L, c, (lua_Integer)lua_rawlen(L, c) + 1);
}

/* Appends arguments first..top to the node at idx. */
static void
addargs(lua_State *L, int node, int first)
{
	struct lnode *n = tonode(L, node);
	int top = lua_gettop(L), i, c;

	lua_getiuservalue(L, node, 1);
	c = lua_gettop(L);
	for (i = first; i <= top; i++)
		addchild(L, n->el, c, i, 0);
	lua_pop(L, 1);
}

static void
setattrs(lua_State *L, int node, int attrs)
{
	struct lnode *n = tonode(L, node);
	lua_Integer k;
	int a;

	lua_getiuservalue(L, node, 1);
	lua_getfield(L, -1, "a");
	a = lua_gettop(L);
	sandbox_sortedkeys(L, attrs);
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		lua_pushvalue(L, -1);
		lua_rawget(L, attrs);
		setattr(L, n->el, a);
		lua_pop(L, 2);
	}
	lua_pop(L, 4);
}

/* pk.h(tag, attrs, ...) */
static int
pk_h(lua_State *L)
{
	static const char *const refused[] = { "script", "style", "iframe",
	    "object", "embed", "link", "meta", "base", "frame", "frameset",
	    "template", "noscript", "html", "head", "body", "foreignObject",
	    "image", "use", NULL };
	const char *name = luaL_checkstring(L, 1), *near, *const *p;
	const char *names[128];
	const struct elem *el;
	int first = 4, node;

	if ((el = findtag(name)) == NULL) {
		for (p = refused; *p != NULL; p++)
			if (strcasecmp(*p, name) == 0)
				return luaL_error(L, "pk.h: element '%s' is not "
				    "allowed in a document", name);
		near = suggest_nearest(name, names, elem_lua_names(names, 128));
		if (near != NULL)
			return luaL_error(L, "pk.h: unknown element '%s'; did "
			    "you mean '%s'?", name, near);
		return luaL_error(L, "pk.h: unknown element '%s'", name);
	}
	if (lua_gettop(L) < 2)
		lua_settop(L, 2);
	newnode(L, el);
	lua_insert(L, 2);               /* name, node, attrs, children... */
	node = 2;
	if (lua_type(L, 3) == LUA_TTABLE && lua_rawlen(L, 3) == 0 &&
	    !isloc(L, 3))
		setattrs(L, node, 3);
	else if (lua_type(L, 3) != LUA_TNIL)
		first = 3;              /* pk.h("p", "text"): no attributes */
	addargs(L, node, first == 3 ? 3 : 4);
	lua_settop(L, node);
	return 1;
}

/* pk.text(v): a text node; the other language wrapped in a span lang. */
static int
pk_text(lua_State *L)
{
	if (lua_isnoneornil(L, 1)) {
		lua_pushnil(L);
		return 1;
	}
	if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER &&
	    lua_type(L, 1) != LUA_TTABLE)
		return luaL_argerror(L, 1, "expected a string or a table "
		    "{ fr = …, en = … }");
	pushtext(L, 1);
	return 1;
}

/* pk.id(prefix): an id unique within the page. */
static int
pk_id(lua_State *L)
{
	struct sandbox *sb = sandbox_get(L);
	const char *prefix = luaL_optstring(L, 1, ""), *p;

	for (p = prefix; *p != '\0'; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p)
		    && *p != '-')
			return luaL_argerror(L, 1, "use a-z, 0-9 and '-'");
	sb->idseq++;
	if (*prefix != '\0')
		lua_pushfstring(L, "pk-%s-%d", prefix, (int)sb->idseq);
	else
		lua_pushfstring(L, "pk-%d", (int)sb->idseq);
	return 1;
}

static int
pk_textwidth(lua_State *L)
{
	size_t len, i = 0;
	const char *s = luaL_checklstring(L, 1, &len);
	double size = luaL_optnumber(L, 2, 10), w = 0;
	long cp;

	sandbox_charge(L, (long long)len / 16);
	while (i < len) {
		if ((cp = utf8_next(s, len, &i)) < 0)
			cp = 0xfffd;
		w += font_width(cp);
	}
	lua_pushnumber(L, w * size / 1000.0);
	return 1;
}

/* ---- node methods ------------------------------------------------------- */

static int
node_append(lua_State *L)
{
	struct lnode *n = luaL_checkudata(L, 1, NODE_MT);

	if (n->el == NULL)
		return luaL_error(L, "a text node has no children");
	addargs(L, 1, 2);
	lua_settop(L, 1);
	return 1;
}

static int
node_attr(lua_State *L)
{
	struct lnode *n = luaL_checkudata(L, 1, NODE_MT);

	if (n->el == NULL)
		return luaL_error(L, "a text node has no attributes");
	luaL_checkstring(L, 2);
	lua_settop(L, 3);
	lua_getiuservalue(L, 1, 1);
	lua_getfield(L, -1, "a");
	lua_pushvalue(L, 2);
	lua_pushvalue(L, 3);
	setattr(L, n->el, 5);
	lua_settop(L, 1);
	return 1;
}

static int
node_index(lua_State *L)
{
	struct lnode *n = luaL_checkudata(L, 1, NODE_MT);
	const char *k = luaL_checkstring(L, 2);

	if (strcmp(k, "tag") == 0)
		lua_pushstring(L, tagname(n->el));
	else if (strcmp(k, "append") == 0)
		lua_pushcfunction(L, node_append);
	else if (strcmp(k, "attr") == 0)
		lua_pushcfunction(L, node_attr);
	else
		lua_pushnil(L);
	return 1;
}

static int
node_tostring(lua_State *L)
{
	struct lnode *n = luaL_checkudata(L, 1, NODE_MT);

	lua_pushfstring(L, "<%s>", tagname(n->el));
	return 1;
}

void
ltree_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "h", pk_h },
		{ "text", pk_text },
		{ "id", pk_id },
		{ "textwidth", pk_textwidth },
		{ NULL, NULL },
	};
	static const luaL_Reg meta[] = {
		{ "__index", node_index },
		{ "__tostring", node_tostring },
		{ NULL, NULL },
	};

	luaL_setfuncs(L, fns, 0);
	luaL_newmetatable(L, NODE_MT);
	luaL_setfuncs(L, meta, 0);
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 1);
}

/* ---- to libxml2 --------------------------------------------------------- */

static void
convfail(lua_State *L, const char *msg)
{
	struct sandbox *sb = sandbox_get(L);

	if (sb->page != NULL)
		lua_pushfstring(L, "%s:%d: %s", sb->page, sb->callline, msg);
	else
		lua_pushstring(L, msg);
	lua_error(L);
}

static void
addtext(lua_State *L, xmlNodePtr parent, const char *s, size_t len)
{
	size_t bad;
	long cp;

	if (!utf8_text(s, len, &bad, &cp))
		convfail(L, cp < 0 ? "the component returned text that is "
		    "not valid UTF-8" : cp < 0x20 ? "the component returned "
		    "text with a control character" : "the component returned "
		    "text with a noncharacter (U+FFFE or U+FFFF)");
	xmlAddChild(parent, xmlNewDocTextLen(parent->doc, BAD_CAST s,
	    (int)len));
}

static void
toxml(lua_State *L, int idx, xmlNodePtr parent, xmlNsPtr ns, int insvg,
    int depth)
{
	struct lnode *n;
	xmlNodePtr el, span;
	const char *s;
	size_t len;
	lua_Integer k;
	int uv, a;

	luaL_checkstack(L, 10, "nested too deeply");
	idx = lua_absindex(L, idx);
	if (depth > SB_MAXDEPTH)
		convfail(L, "document nodes nested too deeply (does a node "
		    "contain itself?)");
	sandbox_charge(L, 1);
	/* shared nodes can make a small Lua value a huge document */
	if (++sandbox_get(L)->nconv > LTREE_MAXNODES)
		convfail(L, "the component returned more than 200000 document "
		    "nodes");
	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		return;
	case LUA_TSTRING:
	case LUA_TNUMBER:
		if (lua_type(L, idx) == LUA_TNUMBER) {
			char num[64];

			numstr(L, idx, num, sizeof(num));
			addtext(L, parent, num, strlen(num));
			return;
		}
		s = lua_tolstring(L, idx, &len);
		addtext(L, parent, s, len);
		return;
	case LUA_TTABLE:
		if (isloc(L, idx)) {
			pushtext(L, idx);
			toxml(L, -1, parent, ns, insvg, depth + 1);
			lua_pop(L, 1);
			return;
		}
		for (k = 1; lua_rawgeti(L, idx, k) != LUA_TNIL; k++) {
			toxml(L, -1, parent, ns, insvg, depth + 1);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
		return;
	case LUA_TUSERDATA:
		if ((n = tonode(L, idx)) != NULL)
			break;
		/* FALLTHROUGH */
	default:
		convfail(L, lua_pushfstring(L, "a component must return "
		    "document nodes (pk.h), strings or a list of them, not "
		    "%s", luaL_typename(L, idx)));
		return;
	}
	lua_getiuservalue(L, idx, 1);
	uv = lua_gettop(L);
	if (n->el == NULL) {
		lua_rawgeti(L, uv, 1);
		s = lua_tolstring(L, -1, &len);
		if (lua_getfield(L, uv, "lang") == LUA_TSTRING && !insvg) {
			span = xmlNewDocNode(parent->doc, ns, BAD_CAST "span",
			    NULL);
			xmlAddChild(parent, span);
			xmlSetProp(span, BAD_CAST "lang",
			    BAD_CAST lua_tostring(L, -1));
			addtext(L, span, s, len);
		} else
			addtext(L, parent, s, len);
		lua_settop(L, uv - 1);
		return;
	}
	if (!insvg && issvg(n->el))
		convfail(L, lua_pushfstring(L, "'%s' must be inside 'svg'",
		    n->el->name));
	el = xmlNewDocNode(parent->doc, NULL, BAD_CAST n->el->name,
	    NULL);
	xmlAddChild(parent, el);        /* linked at once: the doc owns it */
	if (n->el->lua == ELEM_SVGROOT) {
		ns = xmlNewNs(el, BAD_CAST SVG_NS, NULL);
		insvg = 1;
	}
	xmlSetNs(el, ns);
	lua_getfield(L, uv, "a");
	a = lua_gettop(L);
	sandbox_sortedkeys(L, a);       /* attributes in a stable order */
	for (k = 1; lua_rawgeti(L, -1, k) != LUA_TNIL; k++) {
		lua_pushvalue(L, -1);
		lua_rawget(L, a);
		xmlSetProp(el, BAD_CAST lua_tostring(L, -2),
		    BAD_CAST lua_tostring(L, -1));
		lua_pop(L, 2);
	}
	lua_pop(L, 2);
	for (k = 1; lua_rawgeti(L, uv, k) != LUA_TNIL; k++) {
		toxml(L, -1, el, ns, insvg, depth + 1);
		lua_pop(L, 1);
	}
	lua_settop(L, uv - 1);
}

void
ltree_append(lua_State *L, int idx, xmlNodePtr parent)
{
	xmlNsPtr ns = xmlSearchNsByHref(parent->doc, parent,
	    BAD_CAST XHTML_NS);

	sandbox_get(L)->nconv = 0;
	toxml(L, idx, parent, ns, 0, 0);
}

/*
 * tree.c: the document tree shared by every stage.  Constructors for
 * XHTML elements (libxml2 nodes, linked at once into their parent),
 * source positions, heading ids and the URL safety rule.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"

xmlNodePtr
tree_el(xmlNodePtr parent, const char *name)
{
	/* in a doc with a dictionary, the name is interned, not copied */
	xmlNodePtr n = xmlNewDocNode(parent != NULL ? parent->doc : NULL, NULL,
	    (const xmlChar *)name, NULL);

	if (parent != NULL) {
		n->ns = parent->ns;
		if (n->ns != NULL && strcmp(name, "foreignObject") == 0 &&
		    xmlStrcmp(n->ns->href, (const xmlChar *)SVG_NS) == 0)
			n->ns = NULL;
		xmlAddChild(parent, n);
	}
	return n;
}

xmlNodePtr
tree_el_text(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = tree_el(parent, name);

	if (text != NULL)
		tree_text(n, text);
	return n;
}

void
tree_text(xmlNodePtr parent, const char *text)
{
	xmlNodePtr t = xmlNewDocText(parent->doc, (const xmlChar *)text);

	/* xmlAddChild merges adjacent text nodes: keep that, it is harmless */
	xmlAddChild(parent, t);
}

void
tree_attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

const char *
tree_get_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (xmlStrcmp(a->name, (const xmlChar *)name) == 0 &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
		else if (xmlStrcmp(a->name, (const xmlChar *)name) == 0)
			return "";
	return NULL;
}

void
tree_set_pos(xmlNodePtr n, int line, int col)
{
	/* kept in the node's psvi pointer (unused without XML Schema):
	 * an attribute per element cost a formatted string each */
	if (line <= 0)
		return;
	n->psvi = (void *)(uintptr_t)(((uint64_t)(unsigned)line << 24) |
	    (unsigned)(col > 0 && col < (1 << 24) ? col : 1));
}

int
tree_pos(xmlNodePtr n, int *line, int *col)
{
	for (; n != NULL; n = n->parent) {
		const char *p;

		if (n->type == XML_ELEMENT_NODE && n->psvi != NULL) {
			uint64_t v = (uint64_t)(uintptr_t)n->psvi;

			*line = (int)(v >> 24);
			*col = (int)(v & 0xFFFFFF);
			return 1;
		}
		p = n->type == XML_ELEMENT_NODE ?
		    tree_get_attr(n, "data-pk-pos") : NULL;
		if (p != NULL && sscanf(p, "%d:%d", line, col) == 2)
			return 1;
	}
	*line = *col = 0;
	return 0;
}

static void
text_walk(struct buf *b, xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			buf_puts(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			text_walk(b, c);
}

char *
tree_text_content(xmlNodePtr n)
{
	/* our own walk: libxml2 2.9's xmlNodeGetContent grows its buffer
	 * by small steps, which is quadratic on a large page */
	struct buf b = { 0 };

	if (n->type == XML_TEXT_NODE)
		buf_puts(&b, (const char *)n->content);
	else
		text_walk(&b, n);
	return buf_detach(&b);
}

/* Folds the Latin letters with diacritics our languages use to ASCII. */
static const char *
fold(long cp)
{
	static const struct { long cp; const char *s; } map[] = {
		{ 0xE0, "a" }, { 0xE1, "a" }, { 0xE2, "a" }, { 0xE3, "a" },
		{ 0xE4, "a" }, { 0xE5, "a" }, { 0xE6, "ae" }, { 0xE7, "c" },
		{ 0xE8, "e" }, { 0xE9, "e" }, { 0xEA, "e" }, { 0xEB, "e" },
		{ 0xEC, "i" }, { 0xED, "i" }, { 0xEE, "i" }, { 0xEF, "i" },
		{ 0xF1, "n" }, { 0xF2, "o" }, { 0xF3, "o" }, { 0xF4, "o" },
		{ 0xF5, "o" }, { 0xF6, "o" }, { 0xF8, "o" }, { 0xF9, "u" },
		{ 0xFA, "u" }, { 0xFB, "u" }, { 0xFC, "u" }, { 0xFD, "y" },
		{ 0xFF, "y" }, { 0x153, "oe" }, { 0xDF, "ss" },
	};
	size_t i;

	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		cp += 0x20;
	if (cp == 0x152)
		cp = 0x153;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].cp == cp)
			return map[i].s;
	return NULL;
}

char *
tree_slug(const char *s)
{
	struct buf b = { 0 };
	size_t i = 0, len = strlen(s);
	int dash = 0;
	long cp;

	while (i < len) {
		size_t at = i;
		const char *f;

		if ((cp = utf8_next(s, len, &i)) < 0) {
			i = at + 1;
			continue;
		}
		if (cp < 0x80 && isalnum((int)cp)) {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			dash = 0;
			buf_putc(&b, tolower((int)cp));
		} else if ((f = fold(cp)) != NULL) {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			dash = 0;
			buf_puts(&b, f);
		} else
			dash = 1;
	}
	if (b.len == 0)
		buf_puts(&b, "section");
	return buf_detach(&b);
}

static int
is_heading(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->name[0] == 'h' &&
	    n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0';
}

static void
ids_collect(xmlNodePtr n, struct strset *set)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		const char *v;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((v = tree_get_attr(c, "id")) != NULL)
			strset_add(set, v);
		ids_collect(c, set);
	}
}

static void
ids_walk(xmlNodePtr n, struct strset *set)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_heading(c) && tree_get_attr(c, "id") == NULL) {
			char *text = tree_text_content(c);
			char *slug = tree_slug(text), *id = xstrdup(slug);
			int k = 1;

			while (!strset_add(set, id)) {
				free(id);
				id = xasprintf("%s-%d", slug, ++k);
			}
			tree_attr(c, "id", id);
			free(id);
			free(slug);
			free(text);
		}
		ids_walk(c, set);
	}
}

void
tree_ids(xmlNodePtr root, struct strset *ids)
{
	struct strset set = { 0 };

	ids_collect(root, &set);
	ids_walk(root, &set);
	if (ids != NULL) {
		strset_free(ids);
		*ids = set;
	} else
		strset_free(&set);
}

int
tree_is_safe_url(const char *url)
{
	const char *p;
	char scheme[16];
	size_t n = 0;

	/* a scheme is letters before ':' with no '/', '?' or '#' first */
	for (p = url; *p != '\0' && *p != ':' && *p != '/' && *p != '?' &&
	    *p != '#'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= 0x20)
			continue;       /* browsers skip these inside schemes */
		if (n + 1 < sizeof(scheme))
			scheme[n++] = (char)tolower(c);
	}
	if (*p != ':')
		return 1;
	scheme[n] = '\0';
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	    strcmp(scheme, "mailto") == 0 || strcmp(scheme, "tel") == 0;
}

int
tree_is_inline(xmlNodePtr n)
{
	return (elem_flags((const char *)n->name) & ELEM_PHRASING) != 0;
}

int
tree_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

int
tree_has_class(xmlNodePtr n, const char *cls)
{
	const char *a = tree_get_attr(n, "class"), *p;
	size_t len = strlen(cls);

	for (p = a; p != NULL && (p = strstr(p, cls)) != NULL; p += len)
		if ((p == a || p[-1] == ' ') && (p[len] == '\0' ||
		    p[len] == ' '))
			return 1;
	return 0;
}

int
tree_is_svg(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrcmp(n->ns->href, (const xmlChar *)SVG_NS) == 0;
}

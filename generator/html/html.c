/*
 * html.c: the HTML writer's serialiser.  Walks a libxml2 tree and writes
 * HTML5 in UTF-8: void elements without end tags, text and attributes
 * escaped, URLs percent-encoded, SVG children self-closed, our own
 * data-pk-* working attributes left out.  No string from data or pages
 * reaches the output without going through here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/html.h"
#include "html/internal.h"

/* A slot whose content is written from another tree, not copied. */
struct slot {
	xmlNodePtr	 el;        /* the template element, or NULL */
	xmlNodePtr	 src;       /* whose children stand in it */
};

static void node(struct buf *, xmlNodePtr, const struct slot *);

static void
esc_text(struct buf *b, const char *s)
{
	/* the bytes that end a run: the four escaped, and NUL */
	static const unsigned char stop[256] = {
		[0] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1,
	};
	const char *p, *run = s;

	for (p = s; ; p++) {
		const char *rep;

		while (!stop[(unsigned char)*p])
			p++;
		switch (*p) {
		case '\0':
			buf_put(b, run, (size_t)(p - run));
			return;
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		default:
			continue;
		}
		buf_put(b, run, (size_t)(p - run));
		buf_puts(b, rep);
		run = p + 1;
	}
}

/* Percent-encodes what may not stand in a URL, as cmark's HTML writer. */
static void
esc_url(struct buf *b, const char *s)
{
	static const char safe[] = "-_.+!*(),%#@?=;:/,+$~";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(safe, *p) != NULL)
			buf_putc(b, *p);
		else if (*p == '&')
			buf_puts(b, "&amp;");
		else if (*p == '\'')
			buf_puts(b, "&#x27;");
		else
			buf_printf(b, "%%%02X", *p);
	}
}

static int
keep_attr(const char *name)
{
	if (strncmp(name, "data-pk", 7) != 0)
		return 1;
	return strcmp(name, "data-pk-form") == 0 ||
	    strcmp(name, "data-pk-index") == 0 ||
	    strcmp(name, "data-pk-blank") == 0 ||
	    strcmp(name, "data-pk-clear") == 0;
}

/* A reused template marks its elements through _private: left out of
 * this page, or serialised once (the text is kept there). */
static char skip_mark;

void
html_skip(xmlNodePtr n)
{
	n->_private = &skip_mark;
}

void
html_unskip(xmlNodePtr n)
{
	if (n->_private == &skip_mark)
		n->_private = NULL;
}

void
html_freeze(xmlNodePtr n)
{
	struct buf b = { 0 };

	html_unfreeze(n);
	node(&b, n, NULL);
	n->_private = buf_detach(&b);
	if (n->_private == NULL)
		n->_private = xstrdup("");
}

void
html_unfreeze(xmlNodePtr n)
{
	xmlNodePtr k;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (n->_private != NULL && n->_private != &skip_mark) {
		free(n->_private);
		n->_private = NULL;
		return;
	}
	for (k = n->children; k != NULL; k = k->next)
		html_unfreeze(k);
}

static void
node(struct buf *b, xmlNodePtr n, const struct slot *slot)
{
	const char *name;
	xmlAttrPtr a;
	xmlNodePtr c;
	int flags, svg;

	if (n->_private != NULL && n->type == XML_ELEMENT_NODE) {
		if (n->_private != &skip_mark)
			buf_puts(b, n->_private);
		return;
	}
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->parent != NULL && n->parent->name != NULL &&
		    n->parent->name[0] == 's' &&
		    (xmlStrcmp(n->parent->name, (const xmlChar *)"script") == 0 ||
		    xmlStrcmp(n->parent->name, (const xmlChar *)"style") == 0))
			buf_puts(b, (const char *)n->content);
		else
			esc_text(b, (const char *)n->content);
		return;
	case XML_ELEMENT_NODE:
		break;
	default:
		return;         /* comments, PIs: nothing of ours */
	}
	name = (const char *)n->name;
	if (name[0] == 'p' && name[1] == 'k' && strcmp(name, "pk-raw") == 0) {
		xmlChar *t = xmlNodeGetContent(n);

		buf_puts(b, t != NULL ? (const char *)t : "");
		xmlFree(t);
		return;
	}
	svg = tree_is_svg(n);
	buf_putc(b, '<');
	buf_puts(b, name);
	for (a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;
		xmlChar *v, *own = NULL;

		if (an[0] == 'd' && !keep_attr(an))
			continue;
		/* one text child: its content as it is, no copy */
		if (a->children != NULL && a->children->next == NULL &&
		    a->children->type == XML_TEXT_NODE)
			v = a->children->content;
		else
			v = own = xmlNodeListGetString(n->doc, a->children, 1);
		buf_putc(b, ' ');
		if (a->ns != NULL && a->ns->prefix != NULL) {
			buf_puts(b, (const char *)a->ns->prefix);
			buf_putc(b, ':');
		}
		buf_puts(b, an);
		buf_puts(b, "=\"");
		if (!svg && (strcmp(an, "href") == 0 ||
		    strcmp(an, "src") == 0))
			esc_url(b, v != NULL ? (const char *)v : "");
		else
			esc_text(b, v != NULL ? (const char *)v : "");
		buf_putc(b, '"');
		xmlFree(own);
	}
	flags = svg ? (strcmp(name, "svg") == 0 ?
	    ELEM_H_BLOCK | ELEM_H_NLSTART : 0) : elem_flags(name);
	if (flags & ELEM_H_VOID) {
		buf_putc(b, '>');
		if (flags & ELEM_H_BLOCK)
			buf_putc(b, '\n');
		return;
	}
	if (svg && n->children == NULL && strcmp(name, "svg") != 0) {
		buf_puts(b, " />");
		return;
	}
	buf_putc(b, '>');
	if (flags & ELEM_H_NLSTART)
		buf_putc(b, '\n');
	if (slot != NULL && n == slot->el && slot->src != NULL)
		for (c = slot->src->children; c != NULL; c = c->next)
			node(b, c, slot);
	for (c = n->children; c != NULL; c = c->next)
		node(b, c, slot);
	if ((flags & ELEM_H_NLSTART) && b->len > 0 &&
	    b->data[b->len - 1] != '\n')
		buf_putc(b, '\n');
	buf_puts(b, "</");
	buf_puts(b, name);
	buf_putc(b, '>');
	if ((flags & ELEM_H_BLOCK) && !svg)
		buf_putc(b, '\n');
}

/* Serialises n and its descendants into b. */
void
html_node(struct buf *b, xmlNodePtr n)
{
	node(b, n, NULL);
}

void
html_node_slot(struct buf *b, xmlNodePtr n, xmlNodePtr el, xmlNodePtr src)
{
	struct slot slot;

	slot.el = el;
	slot.src = src;
	node(b, n, &slot);
}

char *
html_fragment(xmlNodePtr parent)
{
	struct buf b = { 0 };
	xmlNodePtr c;

	for (c = parent->children; c != NULL; c = c->next)
		node(&b, c, NULL);
	return buf_detach(&b);
}

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

enum {
	EL_VOID = 1,            /* no end tag */
	EL_BLOCK = 2,           /* a newline after the end tag */
	EL_NLSTART = 4,         /* a newline after the start tag (cmark's way) */
};

/* Element classes, sorted by name for bsearch. */
static const struct elclass {
	const char	*name;
	int		 flags;
} classes[] = {
	{ "address", EL_BLOCK }, { "area", EL_VOID },
	{ "article", EL_BLOCK }, { "aside", EL_BLOCK }, { "base", EL_VOID },
	{ "blockquote", EL_BLOCK | EL_NLSTART },
	{ "body", EL_BLOCK | EL_NLSTART }, { "br", EL_VOID },
	{ "caption", EL_BLOCK }, { "col", EL_VOID }, { "dd", EL_BLOCK },
	{ "details", EL_BLOCK }, { "div", EL_BLOCK },
	{ "dl", EL_BLOCK | EL_NLSTART }, { "dt", EL_BLOCK },
	{ "embed", EL_VOID }, { "fieldset", EL_BLOCK | EL_NLSTART },
	{ "figcaption", EL_BLOCK }, { "figure", EL_BLOCK | EL_NLSTART },
	{ "footer", EL_BLOCK | EL_NLSTART }, { "form", EL_BLOCK | EL_NLSTART },
	{ "h1", EL_BLOCK }, { "h2", EL_BLOCK }, { "h3", EL_BLOCK },
	{ "h4", EL_BLOCK }, { "h5", EL_BLOCK }, { "h6", EL_BLOCK },
	{ "head", EL_BLOCK | EL_NLSTART },
	{ "header", EL_BLOCK | EL_NLSTART }, { "hr", EL_VOID | EL_BLOCK },
	{ "html", EL_BLOCK | EL_NLSTART }, { "img", EL_VOID },
	{ "input", EL_VOID }, { "legend", EL_BLOCK }, { "li", EL_BLOCK },
	{ "link", EL_VOID | EL_BLOCK }, { "main", EL_BLOCK | EL_NLSTART },
	{ "meta", EL_VOID | EL_BLOCK }, { "nav", EL_BLOCK | EL_NLSTART },
	{ "ol", EL_BLOCK | EL_NLSTART }, { "p", EL_BLOCK },
	{ "pre", EL_BLOCK }, { "script", EL_BLOCK },
	{ "section", EL_BLOCK | EL_NLSTART }, { "source", EL_VOID },
	{ "summary", EL_BLOCK }, { "svg", EL_BLOCK | EL_NLSTART },
	{ "table", EL_BLOCK | EL_NLSTART },
	{ "tbody", EL_BLOCK | EL_NLSTART }, { "td", EL_BLOCK },
	{ "tfoot", EL_BLOCK | EL_NLSTART }, { "th", EL_BLOCK },
	{ "thead", EL_BLOCK | EL_NLSTART }, { "title", EL_BLOCK },
	{ "tr", EL_BLOCK | EL_NLSTART }, { "track", EL_VOID },
	{ "ul", EL_BLOCK | EL_NLSTART }, { "wbr", EL_VOID },
};

static int
cmp_class(const void *k, const void *e)
{
	return strcmp(k, ((const struct elclass *)e)->name);
}

static int
el_flags(const char *name)
{
	/* names are mostly interned (one pointer per name): remembered
	 * by pointer in a small table, looked up by name otherwise */
	static struct {
		const char	*name;
		char		 copy[12];      /* a freed name's slot may be reused */
		int		 flags;
	} seen[1024];
	size_t h = (size_t)(((uint64_t)(uintptr_t)name *
	    0x9E3779B97F4A7C15ULL) >> 54);
	const struct elclass *c;

	if (seen[h].name == name && strcmp(seen[h].copy, name) == 0)
		return seen[h].flags;
	c = bsearch(name, classes, sizeof(classes) / sizeof(classes[0]),
	    sizeof(classes[0]), cmp_class);
	if (strlen(name) < sizeof(seen[h].copy)) {
		seen[h].name = name;
		memcpy(seen[h].copy, name, strlen(name) + 1);
		seen[h].flags = c != NULL ? c->flags : 0;
	}
	return c != NULL ? c->flags : 0;
}

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

static int
is_svg(xmlNodePtr n)
{
	return n->ns != NULL && xmlStrcmp(n->ns->href,
	    (const xmlChar *)SVG_NS) == 0;
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
	svg = is_svg(n);
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
	    EL_BLOCK | EL_NLSTART : 0) : el_flags(name);
	if (flags & EL_VOID) {
		buf_putc(b, '>');
		if (flags & EL_BLOCK)
			buf_putc(b, '\n');
		return;
	}
	if (svg && n->children == NULL && strcmp(name, "svg") != 0) {
		buf_puts(b, " />");
		return;
	}
	buf_putc(b, '>');
	if (flags & EL_NLSTART)
		buf_putc(b, '\n');
	if (slot != NULL && n == slot->el && slot->src != NULL)
		for (c = slot->src->children; c != NULL; c = c->next)
			node(b, c, slot);
	for (c = n->children; c != NULL; c = c->next)
		node(b, c, slot);
	if ((flags & EL_NLSTART) && b->len > 0 && b->data[b->len - 1] != '\n')
		buf_putc(b, '\n');
	buf_puts(b, "</");
	buf_puts(b, name);
	buf_putc(b, '>');
	if ((flags & EL_BLOCK) && !svg)
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

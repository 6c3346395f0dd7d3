/*
 * html.c: the HTML writer's serialiser.  Walks a libxml2 tree and writes
 * HTML5 in UTF-8: void elements without end tags, text and attributes
 * escaped, URLs percent-encoded, SVG children self-closed, our own
 * data-pk-* working attributes left out.  No string from data or pages
 * reaches the output without going through here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pactkit.h"

static int
is_void(const char *name)
{
	static const char *const v[] = { "area", "base", "br", "col",
	    "embed", "hr", "img", "input", "link", "meta", "source", "track",
	    "wbr", NULL };
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		if (strcmp(name, v[i]) == 0)
			return 1;
	return 0;
}

/* Block-level elements get a newline after their end tag. */
static int
is_block(const char *name)
{
	static const char *const v[] = { "address", "article", "aside",
	    "blockquote", "body", "dd", "details", "div", "dl", "dt",
	    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
	    "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li",
	    "link", "main", "meta", "nav", "ol", "p", "pre", "section",
	    "summary", "table", "tbody", "td", "tfoot", "th", "thead",
	    "title", "tr", "ul", "caption", "script", "legend", "svg", NULL };
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		if (strcmp(name, v[i]) == 0)
			return 1;
	return 0;
}

/* Containers whose start tag is followed by a newline, as cmark does. */
static int
nl_after_start(const char *name)
{
	return strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 ||
	    strcmp(name, "blockquote") == 0 || strcmp(name, "table") == 0 ||
	    strcmp(name, "thead") == 0 || strcmp(name, "tbody") == 0 ||
	    strcmp(name, "tr") == 0 || strcmp(name, "html") == 0 ||
	    strcmp(name, "head") == 0 || strcmp(name, "body") == 0 ||
	    strcmp(name, "dl") == 0 || strcmp(name, "nav") == 0 ||
	    strcmp(name, "section") == 0 || strcmp(name, "figure") == 0 ||
	    strcmp(name, "form") == 0 || strcmp(name, "fieldset") == 0 ||
	    strcmp(name, "header") == 0 || strcmp(name, "footer") == 0 ||
	    strcmp(name, "main") == 0 || strcmp(name, "svg") == 0;
}

static void
esc_text(struct buf *b, const char *s, int attr)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		switch (*p) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			(void)attr;
			buf_putc(b, *p);
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

static void
node(struct buf *b, xmlNodePtr n)
{
	const char *name;
	xmlAttrPtr a;
	xmlNodePtr c;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->parent != NULL && n->parent->name != NULL &&
		    (xmlStrcmp(n->parent->name, (const xmlChar *)"script") == 0 ||
		    xmlStrcmp(n->parent->name, (const xmlChar *)"style") == 0))
			buf_puts(b, (const char *)n->content);
		else
			esc_text(b, (const char *)n->content, 0);
		return;
	case XML_ELEMENT_NODE:
		break;
	default:
		return;         /* comments, PIs: nothing of ours */
	}
	name = (const char *)n->name;
	if (strcmp(name, "pk-raw") == 0) {
		xmlChar *t = xmlNodeGetContent(n);

		buf_puts(b, t != NULL ? (const char *)t : "");
		xmlFree(t);
		return;
	}
	buf_putc(b, '<');
	buf_puts(b, name);
	for (a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;
		xmlChar *v;

		if (!keep_attr(an))
			continue;
		v = xmlNodeListGetString(n->doc, a->children, 1);
		buf_putc(b, ' ');
		if (a->ns != NULL && a->ns->prefix != NULL) {
			buf_puts(b, (const char *)a->ns->prefix);
			buf_putc(b, ':');
		}
		buf_puts(b, an);
		buf_puts(b, "=\"");
		if (!is_svg(n) && (strcmp(an, "href") == 0 ||
		    strcmp(an, "src") == 0))
			esc_url(b, v != NULL ? (const char *)v : "");
		else
			esc_text(b, v != NULL ? (const char *)v : "", 1);
		buf_putc(b, '"');
		xmlFree(v);
	}
	if (is_void(name) && !is_svg(n)) {
		buf_puts(b, " />");
		if (is_block(name))
			buf_putc(b, '\n');
		return;
	}
	if (is_svg(n) && n->children == NULL && strcmp(name, "svg") != 0) {
		buf_puts(b, " />");
		return;
	}
	buf_putc(b, '>');
	if (nl_after_start(name))
		buf_putc(b, '\n');
	for (c = n->children; c != NULL; c = c->next)
		node(b, c);
	if (nl_after_start(name) && b->len > 0 && b->data[b->len - 1] != '\n')
		buf_putc(b, '\n');
	buf_puts(b, "</");
	buf_puts(b, name);
	buf_putc(b, '>');
	if (is_block(name) && !is_svg(n))
		buf_putc(b, '\n');
}

/* Serialises n and its descendants into b. */
void
html_node(struct buf *b, xmlNodePtr n)
{
	node(b, n);
}

char *
html_fragment(xmlNodePtr parent)
{
	struct buf b = { 0 };
	xmlNodePtr c;

	for (c = parent->children; c != NULL; c = c->next)
		node(&b, c);
	return buf_detach(&b);
}

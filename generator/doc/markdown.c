/*
 * markdown.c: a page's text -> front matter + document tree.  The front
 * matter (Lua between "+++" lines) goes to the sandbox; the body goes
 * through cmark, and one ENTER/EXIT walk over cmark's tree builds the
 * XHTML document tree, keeping source positions.  Raw HTML and unsafe
 * URLs stay in cmark's tree, so they are filtered here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "lua/sandbox.h"
#include "doc/doc.h"

struct conv {
	struct diag	*diag;      /* where errors go */
	struct project	*proj;      /* for components, NULL in bare render */
	const char	*file;      /* for messages */
	const char	*text;      /* the Markdown body */
	size_t		 len;
	size_t		*lines;     /* byte offset of each body line start */
	size_t		 nlines;
	int		 fm_lines;  /* lines before the body */
	size_t		 lang;
	int		 raw_html;  /* keep raw HTML and any URL */
	int		 ok;        /* 0 once an error was printed */
};

/* Splits the "+++" front matter off text; sets fm, fmlen and the body. */
static int
split_frontmatter(struct diag *dg, const char *file, const char *text,
    size_t len,
    const char **fm, size_t *fmlen, int *fm_lines, const char **body,
    size_t *bodylen)
{
	const char *p, *end = text + len;
	int line = 1;

	*fm = NULL;
	*fmlen = 0;
	*fm_lines = 0;
	*body = text;
	*bodylen = len;
	if (len < 3 || strncmp(text, "+++", 3) != 0)
		return 1;
	p = text + 3;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == '\r')
		p++;
	if (p < end && *p != '\n')
		return 1;       /* "+++x" is not a fence */
	p++;
	*fm = p;
	line = 2;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p + 3;

		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - p) >= 3 && strncmp(p, "+++", 3) == 0) {
			while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
				q++;
			if (q == eol) {
				*fmlen = (size_t)(p - *fm);
				*fm_lines = line;
				*body = eol < end ? eol + 1 : end;
				*bodylen = (size_t)(end - *body);
				return 1;
			}
		}
		p = eol < end ? eol + 1 : end;
		line++;
	}
	diag(dg, DIAG_ERROR, file, 1, 1,
	    "front matter opened with '+++' is not closed: expected a line "
	    "with '+++' after the Lua fields");
	return 0;
}

/* Whether text opens front matter with "+++" and never closes it. */
static int
has_unclosed_frontmatter(const char *text, size_t len)
{
	const char *p, *end = text + len;

	if (len < 3 || strncmp(text, "+++", 3) != 0)
		return 0;
	for (p = text + 3; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;
	    p++)
		if ((size_t)(end - p) > 3 && strncmp(p + 1, "+++", 3) == 0)
			return 0;
	return 1;
}

static void
index_lines(struct conv *c)
{
	const char *s = c->text, *end = c->text + c->len, *nl;
	size_t n = 1;

	/* memchr finds the line ends many bytes at a time */
	for (nl = s; (nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL; nl++)
		n++;
	c->lines = xcalloc(n, sizeof(size_t));
	c->nlines = 0;
	c->lines[c->nlines++] = 0;
	for (nl = s; c->nlines < n &&
	    (nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL; nl++)
		c->lines[c->nlines++] = (size_t)(nl - s) + 1;
}

/* File line and character column of a cmark node. */
static void
node_pos(const struct conv *c, cmark_node *n, int *line, int *col)
{
	int l = cmark_node_get_start_line(n);
	int bcol = cmark_node_get_start_column(n);

	*line = l > 0 ? l + c->fm_lines : 0;
	*col = 1;
	if (l > 0 && (size_t)l <= c->nlines && bcol > 0) {
		size_t start = c->lines[l - 1];
		size_t off = (size_t)bcol - 1;

		if (start + off <= c->len)
			*col = utf8_col(c->text + start, off);
	}
}

static xmlNodePtr
el_at(struct conv *c, xmlNodePtr parent, const char *name, cmark_node *n)
{
	xmlNodePtr e = tree_el(parent, name);
	int line, col;

	if (n != NULL) {
		node_pos(c, n, &line, &col);
		tree_set_pos(e, line, col);
	}
	return e;
}

/* Raw HTML is kept verbatim in a <pk-raw> element the HTML writer copies. */
static void
raw(struct conv *c, xmlNodePtr parent, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	int line, col;

	if (!c->raw_html) {
		node_pos(c, n, &line, &col);
		diag(c->diag, DIAG_NOTE, c->file, line, col, "raw HTML dropped "
		    "(set raw_html = true in lua/site.lua to keep it)");
		return;
	}
	if (lit != NULL)
		tree_el_text(parent, "pk-raw", lit);
}

/* A fenced block whose info string is "{name}" calls a component. */
static int
component_name(const char *info, char *name, size_t sz)
{
	size_t n;

	if (info == NULL)
		return 0;
	while (*info == ' ')
		info++;
	if (*info != '{')
		return 0;
	n = strcspn(info + 1, "}");
	if (info[1 + n] != '}' || n == 0 || n >= sz)
		return 0;
	memcpy(name, info + 1, n);
	name[n] = '\0';
	return 1;
}

static void
code_block(struct conv *c, xmlNodePtr parent, cmark_node *n)
{
	const char *info = cmark_node_get_fence_info(n);
	const char *lit = cmark_node_get_literal(n);
	char name[128];
	xmlNodePtr pre, code;
	int line, col;

	node_pos(c, n, &line, &col);
	if (component_name(info, name, sizeof(name))) {
		if (c->proj == NULL || c->proj->lua == NULL) {
			diag(c->diag, DIAG_ERROR, c->file, line, col,
			    "component '%s' needs a project (pactkit render "
			    "--project DIR)", name);
			c->ok = 0;
			return;
		}
		if (!component_call(c->proj->lua, &c->proj->site, c->lang, name,
		    lit != NULL ? lit : "", lit != NULL ? strlen(lit) : 0,
		    c->file, line + 1, parent))
			c->ok = 0;
		return;
	}
	pre = el_at(c, parent, "pre", n);
	code = tree_el(pre, "code");
	if (info != NULL && *info != '\0') {
		size_t k = strcspn(info, " \t");
		char *lang = xstrndup(info, k);
		char *cls = xasprintf("language-%s", lang);

		tree_attr(code, "class", cls);
		free(cls);
		free(lang);
	}
	tree_text(code, lit != NULL ? lit : "");
}

static void
link_attrs(struct conv *c, xmlNodePtr e, cmark_node *n, const char *attr)
{
	const char *url = cmark_node_get_url(n);
	const char *title = cmark_node_get_title(n);
	int line, col;

	if (url != NULL) {
		if (c->raw_html || tree_is_safe_url(url))
			tree_attr(e, attr, url);
		else {
			node_pos(c, n, &line, &col);
			diag(c->diag, DIAG_WARN, c->file, line, col,
			    "unsafe URL '%s' dropped (only http, https, "
			    "mailto, tel and relative URLs are kept)", url);
			tree_attr(e, attr, "");
		}
	}
	if (title != NULL && *title != '\0')
		tree_attr(e, "title", title);
}

/* The alt text of an image: its children's text, markup dropped. */
static void
alt_text(cmark_node *n, struct buf *b)
{
	cmark_node *ch;

	for (ch = cmark_node_first_child(n); ch != NULL;
	    ch = cmark_node_next(ch)) {
		switch (cmark_node_get_type(ch)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			buf_puts(b, cmark_node_get_literal(ch));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, ' ');
			break;
		default:
			alt_text(ch, b);
		}
	}
}

static int
in_tight_list(cmark_node *n)
{
	cmark_node *item = cmark_node_parent(n), *list;

	if (item == NULL || cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return 0;
	list = cmark_node_parent(item);
	return list != NULL && cmark_node_get_list_tight(list);
}

/* The one walk: cmark events in, document nodes out.  Long (~140 lines)
 * by reason: one switch over cmark's node types, one short case each,
 * around the enter/exit state of the walk. */
static void
convert(struct conv *c, cmark_node *doc, xmlNodePtr root)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	xmlNodePtr cur = root, e;
	struct buf run = { 0 };         /* text to come, in one node */
	char tag[3];

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		cmark_node_type type = cmark_node_get_type(n);

		/* cmark splits text at each character it looked at, and at
		 * line ends: one text node per run, not one per piece */
		if (type == CMARK_NODE_TEXT) {
			buf_puts(&run, cmark_node_get_literal(n));
			continue;
		}
		if (type == CMARK_NODE_SOFTBREAK) {
			buf_putc(&run, '\n');
			continue;
		}
		if (run.len > 0) {
			tree_text(cur, run.data);
			buf_reset(&run);
		}
		switch (type) {
		case CMARK_NODE_DOCUMENT:
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (enter)
				cur = el_at(c, cur, "blockquote", n);
			else
				cur = cur->parent;
			break;
		case CMARK_NODE_LIST:
			if (enter) {
				int ordered = cmark_node_get_list_type(n) ==
				    CMARK_ORDERED_LIST;
				int start = cmark_node_get_list_start(n);

				cur = el_at(c, cur, ordered ? "ol" : "ul", n);
				if (ordered && start != 1) {
					char num[24];

					snprintf(num, sizeof(num), "%d", start);
					tree_attr(cur, "start", num);
				}
			} else
				cur = cur->parent;
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				cur = el_at(c, cur, "li", n);
			else
				cur = cur->parent;
			break;
		case CMARK_NODE_HEADING:
			if (enter) {
				snprintf(tag, sizeof(tag), "h%d",
				    cmark_node_get_heading_level(n));
				cur = el_at(c, cur, tag, n);
			} else
				cur = cur->parent;
			break;
		case CMARK_NODE_PARAGRAPH:
			if (in_tight_list(n))
				break;
			if (enter)
				cur = el_at(c, cur, "p", n);
			else
				cur = cur->parent;
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			el_at(c, cur, "hr", n);
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(c, cur, n);
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			raw(c, cur, n);
			break;
		case CMARK_NODE_CUSTOM_BLOCK:
		case CMARK_NODE_CUSTOM_INLINE:
			break;
		case CMARK_NODE_LINEBREAK:
			tree_el(cur, "br");
			tree_text(cur, "\n");
			break;
		case CMARK_NODE_CODE:
			tree_el_text(cur, "code", cmark_node_get_literal(n));
			break;
		case CMARK_NODE_EMPH:
			if (enter)
				cur = tree_el(cur, "em");
			else
				cur = cur->parent;
			break;
		case CMARK_NODE_STRONG:
			if (enter)
				cur = tree_el(cur, "strong");
			else
				cur = cur->parent;
			break;
		case CMARK_NODE_LINK:
			if (enter) {
				cur = el_at(c, cur, "a", n);
				link_attrs(c, cur, n, "href");
			} else
				cur = cur->parent;
			break;
		case CMARK_NODE_IMAGE:
			if (enter) {
				struct buf alt = { 0 };

				e = el_at(c, cur, "img", n);
				link_attrs(c, e, n, "src");
				alt_text(n, &alt);
				tree_attr(e, "alt", alt.data != NULL ? alt.data : "");
				/* keep attribute order src, alt, title */
				if (tree_get_attr(e, "title") != NULL) {
					char *t = xstrdup(tree_get_attr(e, "title"));

					xmlUnsetProp(e, (const xmlChar *)"title");
					tree_attr(e, "title", t);
					free(t);
				}
				buf_free(&alt);
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			}
			break;
		default:
			break;
		}
	}
	if (run.len > 0)
		tree_text(cur, run.data);
	buf_free(&run);
	cmark_iter_free(it);
}

/* Checks text is UTF-8 that every writer can carry (utf8_text: no NUL,
 * no other control character but tab and line ends, no U+FFFE/U+FFFF,
 * which would make an ODT or a DOCX that no word processor opens);
 * prints file:line:col otherwise. */
static int
check_utf8(struct diag *dg, const char *file, const char *text, size_t len,
    int line0)
{
	size_t bad, i, ls = 0;
	int line = line0, col;
	long cp;

	if (utf8_text(text, len, &bad, &cp))
		return 1;
	for (i = 0; i < bad; i++)
		if (text[i] == '\n') {
			line++;
			ls = i + 1;
		}
	col = utf8_col(text + ls, bad - ls);
	if (cp < 0 || cp == 0)
		diag(dg, DIAG_ERROR, file, line, col,
		    "invalid UTF-8 (byte 0x%02x): expected UTF-8 text",
		    (unsigned char)text[bad]);
	else
		diag(dg, DIAG_ERROR, file, line, col,
		    "%s U+%04lX: expected text (no writer can carry it: an "
		    "ODT or DOCX with it would not open; tab and line ends "
		    "are the only control characters a page may hold)",
		    cp < 0x20 ? "control character" : "noncharacter", cp);
	return 0;
}

static xmlDocPtr
new_doc(xmlNodePtr *root)
{
	/* element and attribute names interned, not copied: one dictionary
	 * for every page, so a name is one pointer in all of them */
	static xmlDictPtr names;
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNsPtr ns;

	if (names == NULL)
		names = xmlDictCreate();
	xmlDictReference(names);
	doc->dict = names;
	*root = xmlNewDocNode(doc, NULL, (const xmlChar *)"article", NULL);
	ns = xmlNewNs(*root, (const xmlChar *)XHTML_NS, NULL);
	xmlSetNs(*root, ns);
	xmlDocSetRootElement(doc, *root);
	return doc;
}

/* Markdown text (len bytes, after fm_lines lines of front matter) into
 * a new document tree; NULL when a component or link failed (printed). */
static xmlDocPtr
body_to_doc(struct diag *dg, struct project *p, const char *file,
    const char *text,
    size_t len, int fm_lines, size_t lang, int raw_html)
{
	struct conv c;
	cmark_node *md;
	xmlNodePtr root;
	xmlDocPtr doc = new_doc(&root);

	memset(&c, 0, sizeof(c));
	c.diag = dg;
	c.proj = p;
	c.file = file;
	c.text = text;
	c.len = len;
	c.fm_lines = fm_lines;
	c.lang = lang;
	c.raw_html = raw_html;
	c.ok = 1;
	index_lines(&c);
	md = cmark_parse_document(c.text, c.len, CMARK_OPT_DEFAULT);
	convert(&c, md, root);
	cmark_node_free(md);
	free(c.lines);
	if (!c.ok) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Reads only the front matter of a page (title, key, weight...). */
int
markdown_frontmatter(struct project *p, struct page *pg)
{
	const char *fm;
	size_t fmlen;

	if (!check_utf8(p->build->diag, pg->src, pg->text, pg->textlen, 1))
		return 0;
	if (!split_frontmatter(p->build->diag, pg->src, pg->text, pg->textlen,
	    &fm, &fmlen,
	    &pg->fm_lines, &pg->body, &pg->bodylen))
		return 0;
	if (fm != NULL && !frontmatter_read(p->lua, pg->src, 2, fm, fmlen, pg))
		return 0;
	return 1;
}

/* The body alone (front matter already read) into pg->doc. */
int
markdown_body(struct project *p, struct page *pg)
{
	pg->doc = body_to_doc(p->build->diag, p, pg->src, pg->body, pg->bodylen,
	    pg->fm_lines,
	    pg->lang, p->site.raw_html);
	return pg->doc != NULL;
}

xmlDocPtr
markdown_fragment(struct diag *dg, struct project *p, const char *file,
    const char *text,
    size_t len, int fm_lines, size_t lang, int raw_html)
{
	const char *fm, *body;
	size_t fmlen, bodylen;
	int fml = fm_lines;

	if (!check_utf8(dg, file, text, len, 1))
		return NULL;
	if (p == NULL && has_unclosed_frontmatter(text, len)) {
		/* a bare file: "+++" with no closing line is just text */
		body = text;
		bodylen = len;
		fml = 0;
	} else if (!split_frontmatter(dg, file, text, len, &fm, &fmlen, &fml,
	    &body, &bodylen))
		return NULL;
	return body_to_doc(dg, p, file, body, bodylen, fml, lang, raw_html);
}

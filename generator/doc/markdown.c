/*
 * markdown.c: a page's text -> front matter + document tree.  The front
 * matter (Lua between "+++" lines) goes to the sandbox; the body goes
 * through cmark, and one ENTER/EXIT walk over cmark's tree builds the
 * XHTML document tree, keeping source positions.  Raw HTML and unsafe
 * URLs stay in cmark's tree, so they are filtered here.  A paragraph
 * whose lines hold a pipe table (pipetable.c) becomes a table, its
 * cells' inlines parsed by cmark in a second document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "lua/sandbox.h"
#include "doc/doc.h"

/* Where the lines of a second document (table cells, one a line, each
 * after a blank line) came from: cell k is its line 2k + 1. */
struct cellmap {
	const struct ptline *line;  /* the cell's source line */
	const struct ptcell *cell;  /* its text and offsets */
};

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
	const struct cellmap *cells; /* a cells' document: positions map back */
	size_t		 ncells;
};

/* Whether the line at p (before end) is fence ("+++", "---", "..."),
 * spaces after it allowed; *next gets the next line. */
static int
fence_line(const char *p, const char *end, const char *fence,
    const char **next)
{
	const char *eol = memchr(p, '\n', (size_t)(end - p)), *q = p + 3;

	if (eol == NULL)
		eol = end;
	*next = eol < end ? eol + 1 : end;
	if ((size_t)(eol - p) < 3 || strncmp(p, fence, 3) != 0)
		return 0;
	while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
		q++;
	return q == eol;
}

/* Splits the front matter off text: Lua between "+++" lines, or, when
 * yaml_ok, YAML between "---" lines (closed by "---" or "..."); sets fm,
 * fmlen, *yaml and the body.  A fence never closed is an error. */
static int
split_frontmatter(struct diag *dg, const char *file, const char *text,
    size_t len, int yaml_ok,
    const char **fm, size_t *fmlen, int *fm_lines, const char **body,
    size_t *bodylen, int *yaml)
{
	const char *p, *next, *end = text + len;
	int line = 2;

	*fm = NULL;
	*fmlen = 0;
	*fm_lines = 0;
	*body = text;
	*bodylen = len;
	*yaml = 0;
	if (fence_line(text, end, "---", &next) && yaml_ok)
		*yaml = 1;
	else if (!fence_line(text, end, "+++", &next))
		return 1;       /* no front matter ("+++x" is not a fence) */
	*fm = p = next;
	while (p < end) {
		if (fence_line(p, end, *yaml ? "---" : "+++", &next) ||
		    (*yaml && fence_line(p, end, "...", &next))) {
			*fmlen = (size_t)(p - *fm);
			*fm_lines = line;
			*body = next;
			*bodylen = (size_t)(end - next);
			return 1;
		}
		p = next;
		line++;
	}
	if (*yaml)
		diag(dg, DIAG_ERROR, file, 1, 1,
		    "front matter opened with '---' is not closed: expected a "
		    "line with '---' after the YAML fields");
	else
		diag(dg, DIAG_ERROR, file, 1, 1,
		    "front matter opened with '+++' is not closed: expected a "
		    "line with '+++' after the Lua fields");
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

	if (c->cells != NULL) {
		/* a cell's inline: back to the cell's place in the page */
		size_t k = l > 0 ? (size_t)(l - 1) / 2 : 0, off;
		const struct cellmap *m;

		if (k >= c->ncells)
			k = c->ncells - 1;
		m = &c->cells[k];
		off = bcol > 3 ? (size_t)bcol - 3 : 0;    /* after "\\&" */
		if (off > m->cell->len)
			off = m->cell->len;
		*line = m->line->line + c->fm_lines;
		off = m->line->off + m->cell->src[off];
		*col = utf8_col(c->text + c->lines[m->line->line - 1], off);
		return;
	}
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

/* ---- pipe tables -------------------------------------------------------- */

static void convert(struct conv *, cmark_node *, xmlNodePtr);

/* Line l (1-based) of the body: its start and length, '\r' off. */
static const char *
body_line(const struct conv *c, int l, size_t *len)
{
	size_t s = c->lines[l - 1];
	size_t e = (size_t)l < c->nlines ? c->lines[l] - 1 : c->len;

	if (e > 0 && e > s && c->text[e - 1] == '\r')
		e--;
	*len = e - s;
	return c->text + s;
}

/* The source lines of block n from line `from` to `to`: the first from
 * the block's column, the others after their container prefix (quote
 * markers and indent: a paragraph's line never starts with '>'). */
static size_t
block_lines(const struct conv *c, cmark_node *n, int from, int to,
    struct ptline *out)
{
	size_t k = 0, len, i;
	const char *s;
	int l;

	for (l = from; l <= to && l > 0 && (size_t)l <= c->nlines; l++) {
		s = body_line(c, l, &len);
		i = 0;
		if (l == cmark_node_get_start_line(n))
			i = (size_t)cmark_node_get_start_column(n) - 1;
		else
			while (i < len && (s[i] == ' ' || s[i] == '\t' ||
			    s[i] == '>'))
				i++;
		if (i > len)
			i = len;
		out[k].s = s + i;
		out[k].len = len - i;
		out[k].line = l;
		out[k].off = i;
		k++;
	}
	return k;
}

/* How many line breaks (soft or hard) the inlines of n hold. */
static size_t
breaks(cmark_node *n)
{
	cmark_node *ch;
	size_t k = 0;

	for (ch = cmark_node_first_child(n); ch != NULL;
	    ch = cmark_node_next(ch)) {
		cmark_node_type t = cmark_node_get_type(ch);

		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			k++;
		else
			k += breaks(ch);
	}
	return k;
}

/* The underline of a setext heading n: its line and character, or 0. */
static int
underline(const struct conv *c, cmark_node *n, char *ch)
{
	int l, first = cmark_node_get_start_line(n);
	size_t len, i;
	const char *s;

	for (l = cmark_node_get_end_line(n); l > first; l--) {
		if ((size_t)l > c->nlines)
			continue;
		s = body_line(c, l, &len);
		for (i = 0; i < len && (s[i] == ' ' || s[i] == '>'); i++)
			continue;
		if (i < len && (s[i] == '=' || s[i] == '-')) {
			*ch = s[i];
			return l;
		}
	}
	return 0;
}

/* The inlines of n before its k-th line break, as a paragraph of their
 * own into cur (the text that comes before a table). */
static void
lead_paragraph(struct conv *c, cmark_node *n, size_t k, xmlNodePtr cur)
{
	cmark_node *tmp = cmark_node_new(CMARK_NODE_PARAGRAPH), *ch, *next;
	size_t seen = 0;
	int line, col;

	for (ch = cmark_node_first_child(n); ch != NULL; ch = next) {
		cmark_node_type t = cmark_node_get_type(ch);

		next = cmark_node_next(ch);
		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
			if (++seen == k)
				break;
		} else
			seen += breaks(ch);
		cmark_node_unlink(ch);
		cmark_node_append_child(tmp, ch);
	}
	convert(c, tmp, cur);
	cmark_node_free(tmp);
	node_pos(c, n, &line, &col);
	if (cur->last != NULL)
		tree_set_pos(cur->last, line, col);
}

/* One cell's inlines (paragraph para of the cells' document) into el:
 * the paragraph's children without the "&" that kept the cell from
 * opening a block (see table_cells). */
static void
cell_inlines(struct conv *sub, cmark_node *para, xmlNodePtr el)
{
	xmlNodePtr p, ch, next;

	convert(sub, para, el);
	if ((p = el->last) == NULL)
		return;
	for (ch = p->children; ch != NULL; ch = next) {
		next = ch->next;
		xmlUnlinkNode(ch);
		xmlAddChild(el, ch);
	}
	xmlUnlinkNode(p);
	xmlFreeNode(p);
	if ((ch = el->children) != NULL && ch->type == XML_TEXT_NODE &&
	    ch->content != NULL && ch->content[0] == '&') {
		if (ch->content[1] == '\0') {
			xmlUnlinkNode(ch);
			xmlFreeNode(ch);
		} else {
			/* copied first: the node's text is freed on setting */
			char *rest = xstrdup((const char *)ch->content + 1);

			xmlNodeSetContent(ch, (const xmlChar *)rest);
			free(rest);
		}
	}
}

static const char *const align_class[] = { NULL, "pk-left", "pk-center",
    "pk-right" };

/*
 * The cells of t into the rows of table el.  Their inlines are parsed by
 * cmark in a document of their own: each cell a line after a blank one,
 * opened by "\&" (an escaped '&', taken off after) so that no cell can
 * open a block ("# x", "- x", "1. x" stay text, as in a table), then the
 * page's own text, whose link reference definitions the cells may use.
 */
static void
table_cells(struct conv *c, const struct ptline *lines,
    const struct pipetable *t, xmlNodePtr table)
{
	struct buf doc = { 0 };
	struct cellmap *map = xcalloc(t->nrows * t->ncols, sizeof(*map));
	struct conv sub = *c;
	xmlNodePtr sect = NULL, tr = NULL, el;
	cmark_node *md, *para;
	size_t r, j, k = 0;
	int refs = 0, line, col;

	for (r = 0; r < t->nrows; r++)
		for (j = 0; j < t->ncols; j++) {
			const struct ptcell *ce = &t->row[r][j];

			buf_puts(&doc, "\\&");
			buf_put(&doc, ce->text, ce->len);
			buf_puts(&doc, "\n\n");
			refs |= memchr(ce->text, '[', ce->len) != NULL;
			map[k].line = &lines[t->line[r]];
			map[k].cell = ce;
			k++;
		}
	if (refs)
		buf_put(&doc, c->text, c->len);
	md = cmark_parse_document(doc.data, doc.len, CMARK_OPT_DEFAULT);
	sub.cells = map;
	sub.ncells = k;
	para = cmark_node_first_child(md);
	for (r = 0, k = 0; r < t->nrows; r++) {
		if (r <= 1) {
			sect = tree_el(table, r == 0 ? "thead" : "tbody");
			tree_set_pos(sect, lines[t->line[r]].line + c->fm_lines,
			    1);
		}
		tr = tree_el(sect, "tr");
		line = lines[t->line[r]].line + c->fm_lines;
		col = utf8_col(c->text + c->lines[lines[t->line[r]].line - 1],
		    lines[t->line[r]].off);
		tree_set_pos(tr, line, col);
		for (j = 0; j < t->ncols; j++, k++) {
			el = tree_el(tr, r == 0 ? "th" : "td");
			if (r == 0)
				tree_attr(el, "scope", "col");
			if (align_class[t->align[j]] != NULL)
				tree_attr(el, "class", align_class[t->align[j]]);
			line = map[k].line->line + c->fm_lines;
			col = utf8_col(c->text + c->lines[map[k].line->line - 1],
			    map[k].line->off + map[k].cell->src[0]);
			tree_set_pos(el, line, col);
			if (para != NULL &&
			    cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH)
				cell_inlines(&sub, para, el);
			if (para != NULL)
				para = cmark_node_next(para);
		}
	}
	c->ok &= sub.ok;
	cmark_node_free(md);
	buf_free(&doc);
	free(map);
}

/* Block n (a paragraph, or a setext heading) when its lines hold a pipe
 * table: what comes before the table as a paragraph, the table, and a
 * rule for a "---" under it, into cur.  1 done, 0 not a table. */
static int
table_block(struct conv *c, cmark_node *n, xmlNodePtr cur)
{
	int first = cmark_node_get_start_line(n), last, ul = 0;
	size_t nl, k, skip;
	struct pipetable t;
	struct ptline *lines;
	xmlNodePtr table;
	char uch = 0;

	if (first <= 0)
		return 0;
	last = cmark_node_get_end_line(n);
	if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
		if (last <= first || (ul = underline(c, n, &uch)) == 0)
			return 0;       /* an ATX heading: one line */
		last = ul - 1;
	}
	if (last < first)
		return 0;
	lines = xcalloc((size_t)(last - first) + 2, sizeof(*lines));
	nl = block_lines(c, n, first, last, lines);
	/* lines cmark took as link reference definitions come first */
	k = breaks(n) + 1;
	skip = nl > k ? nl - k : 0;
	if (uch == '=' || (uch == '-' && ul > 0)) {
		/* "===" is a row of the table; "---" a rule under it, "--"
		 * a row (as GFM reads them) */
		size_t len, i, dashes = 0;
		const char *s = body_line(c, ul, &len);

		for (i = 0; i < len; i++)
			dashes += s[i] == '-';
		if (uch == '=' || dashes < 3)
			nl += block_lines(c, n, ul, ul, lines + nl);
		else
			uch = 'r';
	}
	if (!pipetable_find(lines, nl, skip, &t)) {
		free(lines);
		return 0;
	}
	if (t.first > skip)
		lead_paragraph(c, n, t.first - skip, cur);
	table = tree_el(cur, "table");
	tree_attr(table, "class", "pk-table");
	tree_set_pos(table, lines[t.first].line + c->fm_lines,
	    utf8_col(c->text + c->lines[lines[t.first].line - 1],
	    lines[t.first].off));
	table_cells(c, lines, &t, table);
	if (uch == 'r')
		tree_set_pos(tree_el(cur, "hr"), ul + c->fm_lines, 1);
	pipetable_free(&t);
	free(lines);
	return 1;
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
			if (enter && c->cells == NULL && table_block(c, n, cur)) {
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
				break;
			}
			if (enter) {
				snprintf(tag, sizeof(tag), "h%d",
				    cmark_node_get_heading_level(n));
				cur = el_at(c, cur, tag, n);
			} else
				cur = cur->parent;
			break;
		case CMARK_NODE_PARAGRAPH:
			if (enter && c->cells == NULL && table_block(c, n, cur)) {
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
				break;
			}
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
	int yaml;

	if (!check_utf8(p->build->diag, pg->src, pg->text, pg->textlen, 1))
		return 0;
	if (!split_frontmatter(p->build->diag, pg->src, pg->text, pg->textlen,
	    1, &fm, &fmlen, &pg->fm_lines, &pg->body, &pg->bodylen, &yaml))
		return 0;
	if (fm != NULL && !frontmatter_read_as(p->lua, pg->src, 2, fm, fmlen,
	    pg, yaml))
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
	int fml = fm_lines, yaml;

	if (!check_utf8(dg, file, text, len, 1))
		return NULL;
	if (p == NULL && has_unclosed_frontmatter(text, len)) {
		/* a bare file: "+++" with no closing line is just text */
		body = text;
		bodylen = len;
		fml = 0;
	} else if (!split_frontmatter(dg, file, text, len, p != NULL, &fm,
	    &fmlen, &fml, &body, &bodylen, &yaml))
		return NULL;   /* bare: "---" is CommonMark's, not YAML */
	return body_to_doc(dg, p, file, body, bodylen, fml, lang, raw_html);
}

/*
 * office.c: the editable documents (site.lua formats "odt", "docx").  In:
 * the page trees of each document that asks for them; out: a model of
 * styled paragraphs, lists, tables, fill-in places and pictures (office.h)
 * that odf.c and docx.c write beside the PDF, output/pdf/<lang>/<id>.*.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "office.h"

/* The state of one document's conversion. */
struct conv {
	const struct project *p;    /* the project */
	struct odoc *d;             /* what is built */
	struct page **pages;        /* the document's pages */
	size_t	 npages;
	size_t	 cur;               /* the page being converted */
	struct strmap marks;        /* "page#id" -> bookmark name (owned) */
	struct strmap labels;       /* a control id -> its label text (owned) */
	struct strmap controls;     /* a control id -> its type ("checkbox"...) */
	struct strset hidden;       /* controls whose label only screen readers get */
	int	 nmarks;            /* bookmarks named */
	int	 ok;                /* 0 once an error is printed */
};

static void blocks(struct conv *, xmlNodePtr, struct oblocks *,
    enum ostyle);
static void blocks_free(struct oblocks *);
static void block1(struct conv *, xmlNodePtr, xmlNodePtr, struct oblocks *,
    enum ostyle);
static void runs_free(struct oblock *);

/* ---- small helpers ------------------------------------------------------ */

static int
is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Whether n's class attribute holds word w. */
static int
hasclass(xmlNodePtr n, const char *w)
{
	const char *c = n != NULL && n->type == XML_ELEMENT_NODE ?
	    tree_get_attr(n, "class") : NULL;
	size_t l = strlen(w);

	while (c != NULL && *c != '\0') {
		while (*c == ' ')
			c++;
		if (strncmp(c, w, l) == 0 && (c[l] == ' ' || c[l] == '\0'))
			return 1;
		c = strchr(c, ' ');
	}
	return 0;
}

static int
svgel(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, SVG_NS) == 0;
}

static const char *
file_of(const struct conv *c)
{
	return c->pages[c->cur]->src;
}

static void
err_at(struct conv *c, xmlNodePtr n, const char *fmt, const char *arg)
{
	int line, col;

	tree_pos(n, &line, &col);
	diag(DIAG_ERROR, file_of(c), line, col, fmt, arg);
	c->ok = 0;
}

static void
warn_at(struct conv *c, xmlNodePtr n, const char *fmt, const char *arg)
{
	int line, col;

	tree_pos(n, &line, &col);
	diag(DIAG_WARN, file_of(c), line, col, fmt, arg);
}

/* The language tag of code: "fr" -> fr-FR; "en" -> en-US on Letter
 * paper, else en-GB; a tag with a region as it is. */
static char *
langtag(const struct site *s, const char *code)
{
	size_t i;

	if (strchr(code, '-') != NULL)
		return xstrdup(code);
	if (strcmp(code, "fr") == 0)
		return xstrdup("fr-FR");
	if (strcmp(code, "en") == 0) {
		for (i = 0; i < s->nlangs; i++)
			if (strcmp(s->langs[i], "en") == 0 &&
			    s->paper[i] != NULL &&
			    strcasecmp(s->paper[i], "Letter") == 0)
				return xstrdup("en-US");
		return xstrdup("en-GB");
	}
	return xstrdup(code);
}

static struct oblock *
newblock(struct oblocks *bs, enum oblock_kind k, enum ostyle st)
{
	struct oblock *b;

	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 8;
		bs->v = xrealloc(bs->v, bs->cap * sizeof(*bs->v));
	}
	b = &bs->v[bs->n++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	b->style = st;
	return b;
}

static struct orun *
newrun(struct oblock *b, enum orun_kind k)
{
	struct orun *r;

	if (b->nrun == b->caprun) {
		b->caprun = b->caprun ? b->caprun * 2 : 4;
		b->run = xrealloc(b->run, b->caprun * sizeof(*b->run));
	}
	r = &b->run[b->nrun++];
	memset(r, 0, sizeof(*r));
	r->kind = k;
	return r;
}

/* The inline state a run inherits. */
struct ictx {
	unsigned flags;             /* OR_* */
	const char *href;           /* the link */
	const char *lang;           /* a language tag, NULL: the document's */
	int	 pre;               /* keep spaces and newlines */
};

/* Whether the paragraph's text so far ends with a space (or is empty):
 * a space there is dropped, as HTML collapses it. */
static int
ends_space(const struct oblock *b)
{
	const struct orun *r;
	size_t l;

	if (b->nrun == 0)
		return 1;
	r = &b->run[b->nrun - 1];
	if (r->kind == ORUN_BREAK)
		return 1;
	if (r->kind != ORUN_TEXT)
		return 0;
	l = strlen(r->text);
	return l == 0 || r->text[l - 1] == ' ';
}

static void
addtext(struct oblock *b, const char *s, size_t len, const struct ictx *x)
{
	struct buf t = { 0 };
	struct orun *r;
	size_t i;
	int sp = ends_space(b);

	for (i = 0; i < len; i++) {
		char ch = s[i];

		if (x->pre) {
			if (ch == '\n') {
				if (t.len > 0) {
					r = newrun(b, ORUN_TEXT);
					r->text = buf_detach(&t);
					r->flags = x->flags;
					r->href = x->href ? xstrdup(x->href) : NULL;
					r->lang = x->lang ? xstrdup(x->lang) : NULL;
				}
				newrun(b, ORUN_BREAK);
				continue;
			}
			buf_putc(&t, ch == '\t' ? ' ' : ch);
			continue;
		}
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			if (!sp)
				buf_putc(&t, ' ');
			sp = 1;
			continue;
		}
		buf_putc(&t, ch);
		sp = 0;
	}
	if (t.len == 0) {
		buf_free(&t);
		return;
	}
	/* one run with the last one when nothing differs */
	if (b->nrun > 0) {
		r = &b->run[b->nrun - 1];
		if (r->kind == ORUN_TEXT && r->flags == x->flags &&
		    ((r->href == NULL && x->href == NULL) || (r->href &&
		    x->href && strcmp(r->href, x->href) == 0)) &&
		    ((r->lang == NULL && x->lang == NULL) || (r->lang &&
		    x->lang && strcmp(r->lang, x->lang) == 0))) {
			char *j = xasprintf("%s%s", r->text, t.data);

			free(r->text);
			r->text = j;
			buf_free(&t);
			return;
		}
	}
	r = newrun(b, ORUN_TEXT);
	r->text = buf_detach(&t);
	r->flags = x->flags;
	r->href = x->href ? xstrdup(x->href) : NULL;
	r->lang = x->lang ? xstrdup(x->lang) : NULL;
}

/* Drops a paragraph's trailing space. */
static void
trim_para(struct oblock *b)
{
	struct orun *r;
	size_t l;

	while (b->nrun > 0) {
		r = &b->run[b->nrun - 1];
		if (r->kind != ORUN_TEXT)
			return;
		l = strlen(r->text);
		while (l > 0 && r->text[l - 1] == ' ')
			r->text[--l] = '\0';
		if (l > 0)
			return;
		free(r->text);
		free(r->href);
		free(r->lang);
		b->nrun--;
	}
}

/* Ends the paragraph inline nodes went to; drops it when empty. */
static void
end_run(struct oblocks *out, size_t *run)
{
	if (*run == (size_t)-1)
		return;
	trim_para(&out->v[*run]);
	if (out->v[*run].nrun == 0 && *run == out->n - 1) {
		runs_free(&out->v[*run]);
		out->n--;
	}
	*run = (size_t)-1;
}

/* ---- links and bookmarks ------------------------------------------------ */

static const char *
mark(struct conv *c, size_t page, const char *id)
{
	char *key = xasprintf("%zu#%s", page, id != NULL ? id : "");
	char *name = strmap_get(&c->marks, key);

	if (name == NULL) {
		name = xasprintf("_pk%d", ++c->nmarks);
		strmap_put(&c->marks, key, name);
	}
	free(key);
	return name;
}

static const char *
mark_find(struct conv *c, size_t page, const char *id)
{
	char *key = xasprintf("%zu#%s", page, id != NULL ? id : "");
	const char *name = strmap_get(&c->marks, key);

	free(key);
	return name;
}

/* A link of the current page as the documents keep it: "#bookmark" for a
 * page of this document, an absolute URL for the rest of the site (with
 * base_url), the URL itself when it has a scheme; NULL: none. */
static char *
link_target(struct conv *c, const char *href)
{
	const char *hash = strchr(href, '#'), *m, *base;
	const char *url = c->pages[c->cur]->url ? c->pages[c->cur]->url : "";
	struct buf b = { 0 };
	size_t i, plen;
	char *path;

	if (links_has_scheme(href))
		return xstrdup(href);
	plen = hash != NULL ? (size_t)(hash - href) : strlen(href);
	if (plen == 0) {
		m = mark_find(c, c->cur, hash[1] ? hash + 1 : NULL);
		if (m == NULL)
			m = mark_find(c, c->cur, NULL);
		return m != NULL ? xasprintf("#%s", m) : NULL;
	}
	if (href[0] != '/') {
		const char *slash = strrchr(url, '/');

		if (slash != NULL)
			buf_put(&b, url, (size_t)(slash - url) + 1);
	}
	buf_put(&b, href[0] == '/' ? href + 1 : href,
	    href[0] == '/' ? plen - 1 : plen);
	path = buf_detach(&b);
	if (!links_normalise(path)) {
		free(path);
		return NULL;
	}
	{
		size_t l = strlen(path);

		if (l >= 10 && strcmp(path + l - 10, "index.html") == 0)
			path[l - 10] = '\0';
	}
	for (i = 0; i < c->npages; i++) {
		const char *u = c->pages[i]->url ? c->pages[i]->url : "";
		size_t ul = strlen(u), pl = strlen(path);

		while (ul > 0 && u[ul - 1] == '/')
			ul--;
		while (pl > 0 && path[pl - 1] == '/')
			pl--;
		if (ul == pl && strncmp(u, path, ul) == 0) {
			m = hash != NULL && hash[1] ? mark_find(c, i, hash + 1) :
			    NULL;
			if (m == NULL)
				m = mark_find(c, i, NULL);
			free(path);
			return m != NULL ? xasprintf("#%s", m) : NULL;
		}
	}
	base = c->p->site.base_url;
	if (base == NULL || *base == '\0') {
		free(path);
		return NULL;
	}
	m = xasprintf("%s%s%s", base, path, hash != NULL ? hash : "");
	free(path);
	return (char *)m;
}

/* ---- pictures ----------------------------------------------------------- */

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* A PNG's size, its chunks walked to IEND; 0 when damaged. */
static int
png_size(const unsigned char *p, size_t len, unsigned long *w,
    unsigned long *h)
{
	size_t off = 8;

	if (len < 33 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0 ||
	    memcmp(p + 12, "IHDR", 4) != 0)
		return 0;
	*w = be32(p + 16);
	*h = be32(p + 20);
	while (off + 12 <= len) {
		unsigned long n = be32(p + off);

		if (n > len - off - 12)
			return 0;
		if (memcmp(p + off + 4, "IEND", 4) == 0)
			return *w > 0 && *h > 0;
		off += 12 + n;
	}
	return 0;
}

/* A JPEG's size from its frame header; 0 when damaged. */
static int
jpeg_size(const unsigned char *p, size_t len, unsigned long *w,
    unsigned long *h)
{
	size_t off = 2;

	if (len < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return 0;
	while (off + 4 <= len) {
		unsigned m, n;

		if (p[off] != 0xFF)
			return 0;
		m = p[off + 1];
		if (m == 0xFF) {
			off++;
			continue;
		}
		if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
			off += 2;
			continue;
		}
		n = (unsigned)p[off + 2] << 8 | p[off + 3];
		if (n < 2 || off + 2 + n > len)
			return 0;
		if ((m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {
			if (n < 7)
				return 0;
			*h = (unsigned long)p[off + 5] << 8 | p[off + 6];
			*w = (unsigned long)p[off + 7] << 8 | p[off + 8];
			return *w > 0 && *h > 0 && len >= 4 &&
			    p[len - 2] == 0xFF && p[len - 1] == 0xD9;
		}
		off += 2 + n;
	}
	return 0;
}

/* A length of an SVG root attribute in px (96 per inch); 0: none. */
static double
svglen(const char *v)
{
	char *end;
	double x;

	if (v == NULL)
		return 0;
	x = strtod(v, &end);
	if (end == v || x <= 0)
		return 0;
	while (*end == ' ')
		end++;
	if (*end == '\0' || strcmp(end, "px") == 0)
		return x;
	if (strcmp(end, "pt") == 0)
		return x * 96 / 72;
	if (strcmp(end, "mm") == 0)
		return x * 96 / 25.4;
	if (strcmp(end, "cm") == 0)
		return x * 96 / 2.54;
	if (strcmp(end, "in") == 0)
		return x * 96;
	return 0;
}

/* An SVG's size in px: width/height, else its viewBox; 0 when it is
 * not an SVG document. */
static int
svg_size(xmlNodePtr root, double *w, double *h)
{
	const char *vb;
	double x, y;

	if (root == NULL || !is(root, "svg"))
		return 0;
	*w = svglen((const char *)xmlHasProp(root, BAD_CAST "width") ?
	    tree_get_attr(root, "width") : NULL);
	*h = svglen((const char *)xmlHasProp(root, BAD_CAST "height") ?
	    tree_get_attr(root, "height") : NULL);
	if ((*w == 0 || *h == 0) && (vb = tree_get_attr(root, "viewBox")) &&
	    sscanf(vb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &x, &y, w, h) != 4)
		*w = *h = 0;
	if (*w <= 0 || *h <= 0) {
		*w = 300;       /* as a browser does */
		*h = 150;
	}
	return 1;
}

/* Scales w x h px (96 per inch) to the text width and a page's height,
 * never enlarged. */
static void
fit_cm(const struct odoc *d, double wpx, double hpx, double *w, double *h)
{
	double cw = office_textwidth(d), ch = d->pageh - 2 * d->margin - 4;
	double s = 2.54 / 96;

	if (wpx * s > cw)
		s = cw / wpx;
	if (hpx * s > ch)
		s = ch / hpx;
	*w = wpx * s;
	*h = hpx * s;
}

static size_t
addimage(struct odoc *d, char *data, size_t len, const char *ext,
    const char *mime, double wpx, double hpx, const char *alt)
{
	struct oimage *im;

	d->images = xrealloc(d->images, (d->nimages + 1) * sizeof(*im));
	im = &d->images[d->nimages];
	memset(im, 0, sizeof(*im));
	im->part = xasprintf("image%zu.%s", d->nimages + 1, ext);
	im->mime = xstrdup(mime);
	im->data = data;
	im->len = len;
	im->svg = strcmp(ext, "svg") == 0;
	im->alt = xstrdup(alt != NULL ? alt : "");
	fit_cm(d, wpx, hpx, &im->wcm, &im->hcm);
	return d->nimages++;
}

/* The picture an img names through data-pk-file: its index, or -1 (its
 * alt text stands for it; warned). */
static long
image_file(struct conv *c, xmlNodePtr img)
{
	const char *file = tree_get_attr(img, "data-pk-file");
	const char *alt = tree_get_attr(img, "alt");
	const char *dot;
	unsigned long w = 0, h = 0;
	size_t len;
	char *data;

	if (file == NULL) {
		warn_at(c, img, "image '%s' is not a file beside the page: "
		    "its alt text stands for it in the document",
		    tree_get_attr(img, "src") ? tree_get_attr(img, "src") : "");
		return -1;
	}
	if ((data = util_readfile(file, &len)) == NULL) {
		err_at(c, img, "image '%s' cannot be read", file);
		return -1;
	}
	dot = strrchr(file, '.');
	if (len >= 8 && memcmp(data, "\x89PNG", 4) == 0) {
		if (!png_size((unsigned char *)data, len, &w, &h)) {
			err_at(c, img, "image '%s' is not a valid PNG "
			    "(damaged?)", file);
			free(data);
			return -1;
		}
		return (long)addimage(c->d, data, len, "png", "image/png",
		    (double)w, (double)h, alt);
	}
	if (len >= 2 && (unsigned char)data[0] == 0xFF &&
	    (unsigned char)data[1] == 0xD8) {
		if (!jpeg_size((unsigned char *)data, len, &w, &h)) {
			err_at(c, img, "image '%s' is not a valid JPEG "
			    "(damaged?)", file);
			free(data);
			return -1;
		}
		return (long)addimage(c->d, data, len, "jpg", "image/jpeg",
		    (double)w, (double)h, alt);
	}
	if (dot != NULL && strcasecmp(dot, ".svg") == 0) {
		xmlDocPtr sd = xmlReadMemory(data, (int)len, file, NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		double sw, sh;
		long i = -1;

		if (sd != NULL && svg_size(xmlDocGetRootElement(sd), &sw, &sh))
			i = (long)addimage(c->d, data, len, "svg",
			    "image/svg+xml", sw, sh, alt);
		else {
			err_at(c, img, "image '%s' is not a valid SVG "
			    "document", file);
			free(data);
		}
		xmlFreeDoc(sd);
		return i;
	}
	if (dot != NULL && (strcasecmp(dot, ".png") == 0 ||
	    strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0)) {
		err_at(c, img, "image '%s' is damaged: its content is not the "
		    "picture its name says", file);
		free(data);
		return -1;
	}
	free(data);
	warn_at(c, img, "image '%s': only PNG, JPEG and SVG go into ODT and "
	    "DOCX; its alt text stands for it", file);
	return -1;
}

/* Strips the data-pk-* attributes (and ids) from a copied SVG. */
static void
svg_clean(xmlNodePtr n)
{
	xmlAttrPtr a, next;
	xmlNodePtr k;

	for (a = n->properties; a != NULL; a = next) {
		next = a->next;
		if (strncmp((const char *)a->name, "data-pk-", 8) == 0)
			xmlRemoveProp(a);
	}
	for (k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			svg_clean(k);
}

/* An inline drawing as a standalone SVG file: its index. */
static long
image_svg(struct conv *c, xmlNodePtr svg)
{
	xmlDocPtr sd = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlDocCopyNode(svg, sd, 1), t;
	xmlChar *mem = NULL;
	int len = 0;
	double w, h;
	char *alt = NULL, *data, wbuf[32], hbuf[32];
	long i;

	xmlDocSetRootElement(sd, root);
	xmlReconciliateNs(sd, root);
	svg_clean(root);
	svg_size(root, &w, &h);
	snprintf(wbuf, sizeof(wbuf), "%g", w);
	snprintf(hbuf, sizeof(hbuf), "%g", h);
	if (!xmlHasProp(root, BAD_CAST "width"))
		xmlSetProp(root, BAD_CAST "width", BAD_CAST wbuf);
	if (!xmlHasProp(root, BAD_CAST "height"))
		xmlSetProp(root, BAD_CAST "height", BAD_CAST hbuf);
	if (!xmlHasProp(root, BAD_CAST "font-family"))
		xmlSetProp(root, BAD_CAST "font-family",
		    BAD_CAST "Liberation Sans, Arial, sans-serif");
	for (t = svg->children; t != NULL; t = t->next)
		if (is(t, "title") || is(t, "desc")) {
			char *s = tree_text_content(t);

			if (alt == NULL)
				alt = s;
			else {
				char *j = xasprintf("%s. %s", alt, s);

				free(alt);
				free(s);
				alt = j;
			}
		}
	xmlDocDumpMemoryEnc(sd, &mem, &len, "UTF-8");
	data = xstrndup((const char *)mem, (size_t)len);
	xmlFree(mem);
	xmlFreeDoc(sd);
	i = (long)addimage(c->d, data, (size_t)len, "svg", "image/svg+xml",
	    w, h, alt);
	c->d->images[i].subset = 1;
	free(alt);
	return i;
}

/* ---- inline content ---------------------------------------------------- */

static void field_run(struct conv *, struct oblock *, xmlNodePtr);

static void
inl(struct conv *c, xmlNodePtr n, struct oblock *b, const struct ictx *x)
{
	struct ictx y = *x;
	const char *name, *v;
	xmlNodePtr k;
	char *h = NULL, *lt = NULL;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			addtext(b, (const char *)n->content,
			    strlen((const char *)n->content), x);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (svgel(n)) {
		long i = is(n, "svg") ? image_svg(c, n) : -1;

		if (i >= 0)
			newrun(b, ORUN_IMAGE)->image = (size_t)i;
		return;
	}
	name = (const char *)n->name;
	if ((v = tree_get_attr(n, "lang")) != NULL && *v != '\0')
		y.lang = lt = langtag(&c->p->site, v);
	if (strcmp(name, "strong") == 0 || strcmp(name, "b") == 0)
		y.flags |= OR_BOLD;
	else if (strcmp(name, "em") == 0 || strcmp(name, "i") == 0 ||
	    strcmp(name, "cite") == 0 || strcmp(name, "dfn") == 0 ||
	    strcmp(name, "var") == 0)
		y.flags |= OR_ITALIC;
	else if (strcmp(name, "code") == 0 || strcmp(name, "kbd") == 0 ||
	    strcmp(name, "samp") == 0)
		y.flags |= OR_CODE;
	else if (strcmp(name, "sup") == 0)
		y.flags |= OR_SUP;
	else if (strcmp(name, "sub") == 0)
		y.flags |= OR_SUB;
	else if (strcmp(name, "br") == 0) {
		newrun(b, ORUN_BREAK);
		goto out;
	} else if (strcmp(name, "img") == 0) {
		long i = image_file(c, n);

		if (i >= 0)
			newrun(b, ORUN_IMAGE)->image = (size_t)i;
		else if ((v = tree_get_attr(n, "alt")) != NULL)
			addtext(b, v, strlen(v), &y);
		goto out;
	} else if (strcmp(name, "a") == 0 &&
	    (v = tree_get_attr(n, "href")) != NULL)
		y.href = h = link_target(c, v);
	else if (strcmp(name, "input") == 0 || strcmp(name, "textarea") == 0 ||
	    strcmp(name, "select") == 0) {
		field_run(c, b, n);
		goto out;
	} else if (strcmp(name, "label") == 0) {
		v = tree_get_attr(n, "for");
		if (hasclass(n, "pk-visually-hidden") || (v != NULL &&
		    strmap_get(&c->controls, v) != NULL &&
		    strcmp(strmap_get(&c->controls, v), "box") == 0))
			goto out;       /* the field or box shows it */
	} else if (strcmp(name, "pk-raw") == 0 || strcmp(name, "col") == 0 ||
	    strcmp(name, "colgroup") == 0 || strcmp(name, "option") == 0 ||
	    strcmp(name, "optgroup") == 0)
		goto out;
	for (k = n->children; k != NULL; k = k->next)
		inl(c, k, b, &y);
out:
	free(h);
	free(lt);
}

/* Whether n is an element of running text (or text). */
static int
inline_node(xmlNodePtr n)
{
	static const char *const names[] = { "a", "abbr", "b", "br", "cite",
	    "code", "del", "dfn", "em", "i", "img", "ins", "kbd", "mark",
	    "q", "s", "samp", "small", "span", "strong", "sub", "sup",
	    "time", "u", "var", "output", "meter", "progress", "button",
	    NULL };
	size_t i;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE || svgel(n))
		return 0;
	for (i = 0; names[i] != NULL; i++)
		if (strcmp((const char *)n->name, names[i]) == 0)
			return 1;
	return 0;
}

static int
blank_text(xmlNodePtr n)
{
	const char *s;

	if (n->type != XML_TEXT_NODE)
		return 0;
	for (s = (const char *)n->content; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* A paragraph of style st holding n's children. */
static struct oblock *
para(struct conv *c, struct oblocks *out, xmlNodePtr n, enum ostyle st)
{
	struct oblock *b = newblock(out, OB_PARA, st);
	struct ictx x = { 0, NULL, NULL, 0 };
	xmlNodePtr k;

	for (k = n->children; k != NULL; k = k->next)
		inl(c, k, &out->v[out->n - 1], &x);
	b = &out->v[out->n - 1];
	trim_para(b);
	return b;
}

/* ---- fill-in places ----------------------------------------------------- */

static int
lines_of(xmlNodePtr n)
{
	const char *v = tree_get_attr(n, "data-pk-lines");
	int l = 0;

	if (v != NULL)
		l = atoi(v);
	else if (is(n, "textarea") && (v = tree_get_attr(n, "rows")) != NULL)
		l = atoi(v);
	if (l < 1)
		l = 1;
	if (l > 40)
		l = 40;
	return l;
}

static int
is_box(xmlNodePtr n)
{
	const char *t = is(n, "input") ? tree_get_attr(n, "type") : NULL;

	return t != NULL && (strcmp(t, "checkbox") == 0 ||
	    strcmp(t, "radio") == 0);
}

static const char *
label_of(struct conv *c, xmlNodePtr ctl)
{
	const char *id = tree_get_attr(ctl, "id"), *l;

	l = id != NULL ? strmap_get(&c->labels, id) : NULL;
	if (l == NULL)
		l = tree_get_attr(ctl, "placeholder");
	if (l == NULL)
		l = tree_get_attr(ctl, "name");
	return l != NULL ? l : "…";
}

/* A fill-in place (or a box and its label) inside a paragraph. */
static void
field_run(struct conv *c, struct oblock *b, xmlNodePtr n)
{
	struct orun *r;
	const char *nm = tree_get_attr(n, "name");

	if (is(n, "input") && tree_get_attr(n, "type") != NULL &&
	    (strcmp(tree_get_attr(n, "type"), "hidden") == 0 ||
	    strcmp(tree_get_attr(n, "type"), "submit") == 0))
		return;
	if (is_box(n)) {
		r = newrun(b, ORUN_BOX);
		r->radio = strcmp(tree_get_attr(n, "type"), "radio") == 0;
		r->text = xstrdup(label_of(c, n));
		r->name = xstrdup(nm != NULL ? nm : "");
		c->d->nfields++;
		return;
	}
	if (b->nrun > 0 && !ends_space(b)) {
		struct ictx x = { 0, NULL, NULL, 0 };

		addtext(b, " ", 1, &x);
	}
	r = newrun(b, ORUN_FIELD);
	r->text = xstrdup(label_of(c, n));
	r->name = xstrdup(nm != NULL ? nm : "");
	r->multiline = is(n, "textarea");
	c->d->nfields++;
}

/* A control and the room to write around it: its lines, the first
 * holding the fill-in place. */
static void
field_block(struct conv *c, struct oblocks *out, xmlNodePtr n,
    enum ostyle st)
{
	int lines = lines_of(n), i;
	enum ostyle fill = st == OS_CELL || st == OS_CELLHEAD ||
	    st == OS_CELLNUM ? st : OS_FILL;
	struct oblock *b;
	const char *nm = tree_get_attr(n, "name");

	if (is_box(n)) {
		const char *id = tree_get_attr(n, "id");

		b = newblock(out, OB_PARA, st);
		field_run(c, b, n);
		if (id != NULL && strset_has(&c->hidden, id))
			return;         /* the column header says it */
		b = &out->v[out->n - 1];
		addtext(b, " ", 1, &(struct ictx){ 0, NULL, NULL, 0 });
		addtext(b, label_of(c, n), strlen(label_of(c, n)),
		    &(struct ictx){ 0, NULL, NULL, 0 });
		return;
	}
	if (nm != NULL && (strstr(nm, "signature") != NULL ||
	    strstr(nm, "seal") != NULL) && fill == OS_FILL) {
		/* a place to sign or stamp: ruled room, no text to type */
		newblock(out, OB_PARA, OS_SIGN);
		return;
	}
	b = newblock(out, OB_PARA, fill);
	field_run(c, b, n);
	for (i = 1; i < lines; i++)
		newblock(out, OB_PARA, fill);
}

/* ---- tables ------------------------------------------------------------- */

static int
span_of(xmlNodePtr n, const char *attr)
{
	const char *v = tree_get_attr(n, attr);
	int s = v != NULL ? atoi(v) : 1;

	return s < 1 ? 1 : s > 100 ? 100 : s;
}

static void
rows_of(xmlNodePtr t, xmlNodePtr *rows, size_t *n, size_t max, int *head,
    size_t *nhead)
{
	xmlNodePtr k, r;

	for (k = t->children; k != NULL; k = k->next) {
		if (is(k, "tr")) {
			if (*n < max)
				rows[(*n)++] = k;
		} else if (is(k, "thead") || is(k, "tbody") || is(k, "tfoot"))
			for (r = k->children; r != NULL; r = r->next)
				if (is(r, "tr") && *n < max) {
					if (is(k, "thead") && *nhead == *n) {
						(*nhead)++;
						*head = 1;
					}
					rows[(*n)++] = r;
				}
	}
}

/* The width a cell's content needs without breaking a word (*min; a
 * short text is kept whole) and on one line (*max), in characters. */
static void
cell_want(xmlNodePtr cell, double *min, double *max)
{
	char *t = tree_text_content(cell);
	size_t chars = 0, word = 0, longest = 0;
	const unsigned char *s;
	xmlNodePtr k;

	for (s = (const unsigned char *)t; *s != '\0'; s++) {
		if ((*s & 0xC0) == 0x80)
			continue;
		chars++;
		if (*s == ' ' || *s == '\n') {
			word = 0;
			continue;
		}
		if (++word > longest)
			longest = word;
	}
	free(t);
	*min = chars <= 16 ? (double)chars : (double)longest;
	*max = chars > 60 ? 60 : (double)chars;    /* a column's measure */
	for (k = cell->children; k != NULL; k = k->next)
		if (is(k, "input") || is(k, "textarea")) {
			const char *v = tree_get_attr(k, is(k, "input") ?
			    "size" : "cols");
			double want = v != NULL && atof(v) > 0 ? atof(v) : 12;

			if (want > *max)
				*max = want;
		}
	if (*min < 2)
		*min = 2;
	if (*max < *min)
		*max = *min;
}

/* Column shares: each its minimum, the room left shared in proportion
 * to what each would take more on one line. */
static void
widths(double *width, const double *min, const double *max, size_t n,
    double avail)
{
	double smin = 0, smax = 0, extra;
	size_t i;

	for (i = 0; i < n; i++) {
		smin += min[i];
		smax += max[i];
	}
	if (smax <= avail) {
		for (i = 0; i < n; i++)
			width[i] = max[i] / smax;
		return;
	}
	if (smin >= avail) {
		/* too narrow anyway: long texts get more than short ones */
		double sum = 0;

		for (i = 0; i < n; i++)
			sum += min[i] + (max[i] - min[i]) / 2;
		for (i = 0; i < n; i++)
			width[i] = (min[i] + (max[i] - min[i]) / 2) / sum;
		return;
	}
	extra = (avail - smin) / (smax - smin);
	for (i = 0; i < n; i++)
		width[i] = (min[i] + (max[i] - min[i]) * extra) / avail;
}

static void
table(struct conv *c, struct oblocks *out, xmlNodePtr t)
{
	xmlNodePtr rows[4096], k;
	size_t nrows = 0, nhead = 0, r, col, ncols = 0, i;
	int head = 0;
	struct otable *tb;
	struct oblock *b;
	double *want;

	for (k = t->children; k != NULL; k = k->next)
		if (is(k, "caption"))
			para(c, out, k, OS_CAPTION)->keep = 1;
	rows_of(t, rows, &nrows, sizeof(rows) / sizeof(rows[0]), &head,
	    &nhead);
	if (nrows == 0)
		return;
	/* the grid: spans take slots in later rows */
	{
		size_t *busy = NULL, nbusy = 0;

		for (r = 0; r < nrows; r++) {
			col = 0;
			for (k = rows[r]->children; k != NULL; k = k->next) {
				if (!is(k, "td") && !is(k, "th"))
					continue;
				while (col < nbusy && busy[col] > r)
					col++;
				{
					size_t cs = (size_t)span_of(k, "colspan");
					size_t rs = (size_t)span_of(k, "rowspan");

					if (col + cs > nbusy) {
						busy = xrealloc(busy, (col + cs) *
						    sizeof(*busy));
						for (i = nbusy; i < col + cs; i++)
							busy[i] = 0;
						nbusy = col + cs;
					}
					for (i = col; i < col + cs; i++)
						busy[i] = r + rs;
					col += cs;
				}
			}
			if (col > ncols)
				ncols = col;
		}
		if (nbusy > ncols)
			ncols = nbusy;
		free(busy);
	}
	if (ncols == 0)
		return;
	b = newblock(out, OB_TABLE, OS_BODY);
	tb = b->table = xcalloc(1, sizeof(*tb));
	tb->kind = OT_DATA;
	tb->nrows = nrows;
	tb->ncols = ncols;
	tb->headrows = nhead;
	tb->cell = xcalloc(nrows * ncols, sizeof(*tb->cell));
	tb->width = xcalloc(ncols, sizeof(double));
	want = xcalloc(2 * ncols, sizeof(double));
	for (r = 0; r < nrows; r++) {
		col = 0;
		for (k = rows[r]->children; k != NULL; k = k->next) {
			struct ocell *ce;
			size_t cs, rs, rr, cc;
			enum ostyle st;
			double wa, wb;

			if (!is(k, "td") && !is(k, "th"))
				continue;
			while (col < ncols && tb->cell[r * ncols + col].covered)
				col++;
			if (col >= ncols)
				break;
			cs = (size_t)span_of(k, "colspan");
			rs = (size_t)span_of(k, "rowspan");
			if (col + cs > ncols)
				cs = ncols - col;
			if (r + rs > nrows)
				rs = nrows - r;
			ce = &tb->cell[r * ncols + col];
			ce->header = is(k, "th");
			ce->colspan = (int)cs;
			ce->rowspan = (int)rs;
			for (rr = r; rr < r + rs; rr++)
				for (cc = col; cc < col + cs; cc++)
					if (rr != r || cc != col)
						tb->cell[rr * ncols + cc].covered = 1;
			st = ce->header ? OS_CELLHEAD : hasclass(k, "pk-num") ?
			    OS_CELLNUM : OS_CELL;
			blocks(c, k, &ce->body, st);
			if (ce->body.n == 0)
				newblock(&ce->body, OB_PARA, st);
			cell_want(k, &wa, &wb);
			for (cc = col; cc < col + cs; cc++) {
				if (wa / (double)cs > want[cc])
					want[cc] = wa / (double)cs;
				if (wb / (double)cs > want[ncols + cc])
					want[ncols + cc] = wb / (double)cs;
			}
			col += cs;
		}
	}
	/* about 5 characters of 10 pt text a centimetre, less padding */
	widths(tb->width, want, want + ncols, ncols,
	    office_textwidth(c->d) * 5.2 - 1.2 * (double)ncols);
	free(want);
}

/* A block of label / control pairs (class pk-compact, a signature) as a
 * two-column form table: label | writing line. */
static void
form_table(struct conv *c, struct oblocks *out, xmlNodePtr n)
{
	struct otable *tb = NULL;
	struct oblock *b = NULL;
	xmlNodePtr k, ctl;
	size_t r;

	for (k = n->children; k != NULL; k = k->next) {
		struct ocell *lc, *fc;
		const char *id;
		int line = 0;

		if (blank_text(k) || is(k, "legend"))
			continue;
		ctl = NULL;
		if (is(k, "label") && !hasclass(k, "pk-visually-hidden") &&
		    (id = tree_get_attr(k, "for")) != NULL) {
			for (ctl = k->next; ctl != NULL &&
			    ctl->type != XML_ELEMENT_NODE; ctl = ctl->next)
				;
			if (ctl == NULL || is_box(ctl) ||
			    tree_get_attr(ctl, "id") == NULL ||
			    strcmp(tree_get_attr(ctl, "id"), id) != 0)
				ctl = NULL;
		}
		if (is(k, "dt")) {
			for (ctl = k->next; ctl != NULL &&
			    ctl->type != XML_ELEMENT_NODE; ctl = ctl->next)
				;
			if (!is(ctl, "dd"))
				ctl = NULL;
			else
				line = 1;
		}
		if (ctl == NULL) {
			tb = NULL;      /* anything else breaks the table */
			if (is(k, "dl"))
				form_table(c, out, k);
			else if (!(is(k, "p") && hasclass(n, "pk-signature")))
				block1(c, n, k, out, OS_BODY);
			continue;
		}
		if (tb == NULL) {
			b = newblock(out, OB_TABLE, OS_BODY);
			tb = b->table = xcalloc(1, sizeof(*tb));
			tb->kind = OT_FORM;
			tb->ncols = 2;
			tb->width = xcalloc(2, sizeof(double));
			tb->width[0] = 0.3;
			tb->width[1] = 0.7;
			tb->keep = hasclass(n, "pk-keep") ||
			    hasclass(n, "pk-signature");
		}
		r = tb->nrows++;
		tb->cell = xrealloc(tb->cell, tb->nrows * 2 * sizeof(*tb->cell));
		memset(&tb->cell[r * 2], 0, 2 * sizeof(*tb->cell));
		lc = &tb->cell[r * 2];
		fc = &tb->cell[r * 2 + 1];
		lc->colspan = lc->rowspan = fc->colspan = fc->rowspan = 1;
		para(c, &lc->body, k, OS_LABEL);
		if (line && hasclass(ctl, "pk-sign-line"))
			newblock(&fc->body, OB_PARA, OS_SIGN);
		else if (line) {
			blocks(c, ctl, &fc->body, OS_FILL);
			if (fc->body.n == 0)
				newblock(&fc->body, OB_PARA, OS_FILL);
		} else
			field_block(c, &fc->body, ctl, OS_FILL);
		/* a label sits on its one line, or on the first of many */
		lc->top = fc->top = fc->body.n > 1;
		k = ctl;
	}
}

/* ---- blocks ------------------------------------------------------------- */

/* A MoU article heading "12. Budget": the text after the number, which
 * the word processor's numbering puts back. */
static int
article_heading(xmlNodePtr h)
{
	xmlNodePtr s = h->parent;
	const char *t;

	if (!is(h, "h3") || !hasclass(s, "pk-article"))
		return 0;
	for (s = s->parent; s != NULL; s = s->parent)
		if (hasclass(s, "pk-mou"))
			break;
	if (s == NULL || h->children == NULL ||
	    h->children->type != XML_TEXT_NODE)
		return 0;
	t = (const char *)h->children->content;
	while (*t >= '0' && *t <= '9')
		t++;
	return t != (const char *)h->children->content && t[0] == '.' &&
	    t[1] == ' ';
}

static void
heading(struct conv *c, struct oblocks *out, xmlNodePtr h, int level)
{
	struct oblock *b;
	const char *id = tree_get_attr(h, "id");

	if (article_heading(h)) {
		xmlChar *keep = xmlStrdup(h->children->content);
		const char *t = strchr((const char *)keep, '.') + 2;

		xmlNodeSetContent(h->children, BAD_CAST t);
		b = para(c, out, h, OS_ARTICLE);
		b->number = atoi((const char *)keep);
		xmlNodeSetContent(h->children, keep);
		xmlFree(keep);
	} else
		b = para(c, out, h, (enum ostyle)(OS_H1 + level - 1));
	b->keep = 1;
	if (id != NULL)
		b->bookmark = xstrdup(mark(c, c->cur, id));
}

static void
list(struct conv *c, struct oblocks *out, xmlNodePtr l)
{
	struct oblock *b = newblock(out, OB_LIST, OS_LIST);
	struct olist *ls = b->list = xcalloc(1, sizeof(*ls));
	const char *v;
	xmlNodePtr k;

	ls->ordered = is(l, "ol");
	ls->start = (v = tree_get_attr(l, "start")) != NULL ? atoi(v) : 1;
	ls->id = ++c->d->nlists;
	for (k = l->children; k != NULL; k = k->next) {
		if (!is(k, "li"))
			continue;
		ls->item = xrealloc(ls->item, (ls->nitem + 1) *
		    sizeof(*ls->item));
		memset(&ls->item[ls->nitem], 0, sizeof(*ls->item));
		blocks(c, k, &ls->item[ls->nitem].body, OS_LIST);
		if (ls->item[ls->nitem].body.n == 0)
			newblock(&ls->item[ls->nitem].body, OB_PARA, OS_LIST);
		ls->nitem++;
	}
}

/* A group of boxes to tick (fieldset.pk-choices): its legend, then the
 * choices on one line. */
static void
choices(struct conv *c, struct oblocks *out, xmlNodePtr fs, enum ostyle st)
{
	struct oblock *b = NULL;
	struct ictx x = { 0, NULL, NULL, 0 };
	int cell = st == OS_CELL || st == OS_CELLHEAD || st == OS_CELLNUM;
	xmlNodePtr k;

	for (k = fs->children; k != NULL; k = k->next) {
		if (is(k, "legend")) {
			if (cell)
				continue;       /* the column header says it */
			para(c, out, k, OS_LABEL)->keep = 1;
		} else if (is_box(k)) {
			const char *l = label_of(c, k);

			if (b == NULL)
				b = newblock(out, OB_PARA, cell ? st : OS_BODY);
			else
				addtext(b, "   ", 3, &(struct ictx){ 0, NULL,
				    NULL, 1 });
			field_run(c, b, k);
			addtext(b, " ", 1, &(struct ictx){ 0, NULL, NULL, 1 });
			addtext(b, l, strlen(l), &x);
		}
	}
}

/* One child k of parent into out; *run: the index of the paragraph
 * inline nodes go to (SIZE_MAX: none yet). */
static void
node_block(struct conv *c, xmlNodePtr parent, xmlNodePtr k,
    struct oblocks *out, enum ostyle st, size_t *run)
{
	struct ictx x = { 0, NULL, NULL, 0 };
	enum ostyle inner;
	const char *name;
	int level;

	if (k->type != XML_ELEMENT_NODE && k->type != XML_TEXT_NODE &&
	    k->type != XML_CDATA_SECTION_NODE)
		return;
	if (inline_node(k)) {
		if (*run == (size_t)-1) {
			if (blank_text(k))
				return;
			newblock(out, OB_PARA, st);
			*run = out->n - 1;
		}
		inl(c, k, &out->v[*run], &x);
		return;
	}
	end_run(out, run);
	if (svgel(k)) {
		if (is(k, "svg")) {
			long i = image_svg(c, k);

			newblock(out, OB_PARA, OS_FIGURE);
			newrun(&out->v[out->n - 1], ORUN_IMAGE)->image =
			    (size_t)i;
		}
		return;
	}
	name = (const char *)k->name;
	level = 0;
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	    name[2] == '\0') {
		level = name[1] - '0';
		heading(c, out, k, level);
	} else if (strcmp(name, "p") == 0) {
		enum ostyle ps = st;
		xmlNodePtr e, only = NULL;
		int n = 0, text = 0;

		if (hasclass(k, "pk-meta"))
			ps = OS_META;
		else if (hasclass(k, "pk-form-title"))
			ps = OS_FORMTITLE;
		for (e = k->children; e != NULL; e = e->next)
			if (e->type == XML_ELEMENT_NODE) {
				n++;
				only = e;
			} else if (!blank_text(e))
				text = 1;
		if (n == 1 && !text && is(only, "img") && st == OS_BODY)
			ps = OS_FIGURE;
		para(c, out, k, ps)->keep = ps == OS_FORMTITLE;
	} else if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
		list(c, out, k);
	else if (strcmp(name, "blockquote") == 0)
		blocks(c, k, out, OS_QUOTE);
	else if (strcmp(name, "pre") == 0) {
		struct oblock *b = newblock(out, OB_PARA, OS_CODE);
		struct ictx px = { OR_CODE, NULL, NULL, 1 };
		char *t = tree_text_content(k);
		size_t l = strlen(t);

		while (l > 0 && t[l - 1] == '\n')
			t[--l] = '\0';
		addtext(b, t, l, &px);
		free(t);
	} else if (strcmp(name, "hr") == 0)
		newblock(out, OB_PARA, OS_RULE);
	else if (strcmp(name, "table") == 0)
		table(c, out, k);
	else if (strcmp(name, "caption") == 0 ||
	    strcmp(name, "figcaption") == 0)
		para(c, out, k, OS_CAPTION)->keep = 1;
	else if (strcmp(name, "dl") == 0) {
		xmlNodePtr e;

		if (hasclass(k, "pk-compact") ||
		    hasclass(parent, "pk-signature")) {
			form_table(c, out, k);
			return;
		}
		for (e = k->children; e != NULL; e = e->next) {
			if (is(e, "dt"))
				para(c, out, e, OS_TERM)->keep = 1;
			else if (is(e, "dd") && hasclass(e, "pk-sign-line"))
				newblock(out, OB_PARA, OS_SIGN);
			else if (is(e, "dd"))
				blocks(c, e, out, OS_DEF);
		}
	} else if (strcmp(name, "aside") == 0)
		blocks(c, k, out, OS_NOTE);
	else if (strcmp(name, "fieldset") == 0) {
		xmlNodePtr e;

		if (hasclass(k, "pk-choices")) {
			choices(c, out, k, st);
			return;
		}
		for (e = k->children; e != NULL; e = e->next)
			if (is(e, "legend"))
				para(c, out, e, OS_LEGEND)->keep = 1;
		if (hasclass(k, "pk-compact") || hasclass(k, "pk-signature"))
			form_table(c, out, k);
		else
			blocks(c, k, out, st);
	} else if (strcmp(name, "legend") == 0)
		return;         /* the fieldset put it first */
	else if (strcmp(name, "label") == 0) {
		const char *f = tree_get_attr(k, "for");
		const char *ty = f ? strmap_get(&c->controls, f) : NULL;

		if (hasclass(k, "pk-visually-hidden") ||
		    (ty != NULL && strcmp(ty, "box") == 0))
			return;         /* its control shows it */
		inner = st == OS_CELL || st == OS_CELLHEAD ||
		    st == OS_CELLNUM ? st : OS_LABEL;
		para(c, out, k, inner)->keep = 1;
	} else if (strcmp(name, "input") == 0 ||
	    strcmp(name, "textarea") == 0 || strcmp(name, "select") == 0)
		field_block(c, out, k, st);
	else if (hasclass(k, "pk-compact") || hasclass(k, "pk-signature")) {
		xmlNodePtr e;

		/* a signature block: its heading, then label | line */
		for (e = k->children; e != NULL; e = e->next)
			if (is(e, "p") || is(e, "legend"))
				para(c, out, e, OS_LEGEND)->keep = 1;
		form_table(c, out, k);
	} else if (strcmp(name, "section") == 0 ||
	    strcmp(name, "div") == 0 || strcmp(name, "form") == 0 ||
	    strcmp(name, "figure") == 0 || strcmp(name, "article") == 0 ||
	    strcmp(name, "header") == 0 || strcmp(name, "footer") == 0 ||
	    strcmp(name, "nav") == 0 || strcmp(name, "details") == 0 ||
	    strcmp(name, "li") == 0 || strcmp(name, "dd") == 0 ||
	    strcmp(name, "dt") == 0 || strcmp(name, "tr") == 0 ||
	    strcmp(name, "td") == 0 || strcmp(name, "th") == 0 ||
	    strcmp(name, "thead") == 0 || strcmp(name, "tbody") == 0 ||
	    strcmp(name, "tfoot") == 0)
		blocks(c, k, out, st);
	else if (strcmp(name, "summary") == 0)
		para(c, out, k, OS_LEGEND);
	else if (strcmp(name, "pk-raw") == 0 || strcmp(name, "col") == 0 ||
	    strcmp(name, "colgroup") == 0)
		return;         /* left out, as in the PDF */
	else
		err_at(c, k, "element <%s> cannot go into an ODT or DOCX "
		    "document (docs/contract.md §1 lists what can)", name);
}

static void
blocks(struct conv *c, xmlNodePtr parent, struct oblocks *out,
    enum ostyle st)
{
	size_t run = (size_t)-1;
	xmlNodePtr k;

	for (k = parent->children; k != NULL; k = k->next)
		node_block(c, parent, k, out, st, &run);
	end_run(out, &run);
}

/* k alone, as blocks() would put it. */
static void
block1(struct conv *c, xmlNodePtr parent, xmlNodePtr k,
    struct oblocks *out, enum ostyle st)
{
	size_t run = (size_t)-1;

	node_block(c, parent, k, out, st, &run);
	end_run(out, &run);
}

/* ---- the document ------------------------------------------------------- */

/* Pass 1 over a page: its labels, its controls, its headings' ids. */
static void
scan(struct conv *c, xmlNodePtr n)
{
	xmlNodePtr k;
	const char *v;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (is(n, "label") && (v = tree_get_attr(n, "for")) != NULL &&
	    hasclass(n, "pk-visually-hidden"))
		strset_add(&c->hidden, v);
	if (is(n, "label") && (v = tree_get_attr(n, "for")) != NULL &&
	    strmap_get(&c->labels, v) == NULL) {
		char *t = tree_text_content(n);
		struct oblock tmp;
		struct ictx x = { 0, NULL, NULL, 0 };

		memset(&tmp, 0, sizeof(tmp));
		addtext(&tmp, t, strlen(t), &x);
		trim_para(&tmp);
		strmap_put(&c->labels, v, xstrdup(tmp.nrun > 0 ?
		    tmp.run[0].text : ""));
		if (tmp.nrun > 0)
			free(tmp.run[0].text);
		free(tmp.run);
		free(t);
	}
	if ((is(n, "input") || is(n, "textarea") || is(n, "select")) &&
	    (v = tree_get_attr(n, "id")) != NULL)
		strmap_put(&c->controls, v, (char *)(is_box(n) ? "box" :
		    "field"));
	if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	    n->name[2] == '\0' && (v = tree_get_attr(n, "id")) != NULL)
		mark(c, c->cur, v);
	for (k = n->children; k != NULL; k = k->next)
		scan(c, k);
}

static void
strmap_free_vals(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->keys != NULL && m->keys[i] != NULL)
			free(m->vals[i]);
	strmap_free(m);
}

static int
convert(struct conv *c)
{
	struct odoc *d = c->d;
	struct oblock *b;
	size_t i;
	char iso[16];

	b = newblock(&d->body, OB_PARA, OS_TITLE);
	addtext(b, d->title, strlen(d->title),
	    &(struct ictx){ 0, NULL, NULL, 0 });
	if (d->subtitle != NULL && *d->subtitle != '\0') {
		b = newblock(&d->body, OB_PARA, OS_SUBTITLE);
		addtext(b, d->subtitle, strlen(d->subtitle),
		    &(struct ictx){ 0, NULL, NULL, 0 });
	}
	(void)iso;
	for (i = 0; i < c->npages; i++) {
		c->cur = i;
		mark(c, i, NULL);
		scan(c, xmlDocGetRootElement(c->pages[i]->doc));
	}
	for (i = 0; i < c->npages; i++) {
		size_t first = d->body.n;
		const char *t = c->pages[i]->title;

		c->cur = i;
		if (t != NULL && (c->npages > 1 || strcmp(t, d->title) != 0)) {
			b = newblock(&d->body, OB_PARA, OS_H1);
			addtext(b, t, strlen(t), &(struct ictx){ 0, NULL,
			    NULL, 0 });
			b->keep = 1;
			b->pagebreak = i > 0;
		}
		blocks(c, xmlDocGetRootElement(c->pages[i]->doc), &d->body,
		    OS_BODY);
		if (d->body.n > first) {
			d->body.v[first].bookmark = xstrdup(mark(c, i, NULL));
			if (i > 0)
				d->body.v[first].pagebreak = 1;
		}
	}
	return c->ok;
}

double
office_textwidth(const struct odoc *d)
{
	return d->pagew - 2 * d->margin;
}

int
office_pageof(const char *fmt, char **pre, char **mid, char **post)
{
	const char *a = strstr(fmt, "%d"), *b;

	if (a == NULL || (b = strstr(a + 2, "%d")) == NULL ||
	    strchr(b + 2, '%') != NULL)
		return 0;
	*pre = xstrndup(fmt, (size_t)(a - fmt));
	*mid = xstrndup(a + 2, (size_t)(b - a - 2));
	*post = xstrdup(b + 2);
	return 1;
}

static void
runs_free(struct oblock *b)
{
	size_t i;

	for (i = 0; i < b->nrun; i++) {
		free(b->run[i].text);
		free(b->run[i].href);
		free(b->run[i].lang);
		free(b->run[i].name);
	}
	free(b->run);
}

static void
blocks_free(struct oblocks *bs)
{
	size_t i, j;

	for (i = 0; i < bs->n; i++) {
		struct oblock *b = &bs->v[i];

		runs_free(b);
		free(b->bookmark);
		if (b->table != NULL) {
			for (j = 0; j < b->table->nrows * b->table->ncols; j++)
				blocks_free(&b->table->cell[j].body);
			free(b->table->cell);
			free(b->table->width);
			free(b->table);
		}
		if (b->list != NULL) {
			for (j = 0; j < b->list->nitem; j++)
				blocks_free(&b->list->item[j].body);
			free(b->list->item);
			free(b->list);
		}
	}
	free(bs->v);
	bs->v = NULL;
	bs->n = bs->cap = 0;
}

void
office_free(struct odoc *d)
{
	size_t i;

	if (d == NULL)
		return;
	blocks_free(&d->body);
	for (i = 0; i < d->nimages; i++) {
		free(d->images[i].part);
		free(d->images[i].mime);
		free(d->images[i].data);
		free(d->images[i].alt);
	}
	free(d->images);
	free(d->langtag);
}

int
office_write_all(struct project *p, const char *outdir)
{
	struct site *s = &p->site;
	size_t li, di, np;
	int ok = 1;

	for (li = 0; li < s->nlangs; li++)
		for (di = 0; di < s->ndocs; di++) {
			const struct docspec *ds = &s->docs[di];
			struct conv c;
			struct odoc d;
			const char *v;
			char *out;

			if (p->lang_only >= 0 && li != (size_t)p->lang_only)
				continue;       /* another process writes it */
			if (util_stop != 0)
				return 0;       /* interrupted */
			if (!(ds->formats & (DOC_ODT | DOC_DOCX)))
				continue;
			memset(&c, 0, sizeof(c));
			memset(&d, 0, sizeof(d));
			c.pages = project_doc_pages(p, ds, li, &np);
			c.npages = np;
			if (np == 0) {
				if (!(ds->formats & DOC_PDF))
					diag(DIAG_WARN, s->file, ds->line, 0,
					    "document '%s' has no pages in "
					    "'%s': no ODT or DOCX", ds->id,
					    s->langs[li]);
				free(c.pages);
				continue;
			}
			c.p = p;
			c.d = &d;
			c.ok = 1;
			d.lang = s->langs[li];
			d.langtag = langtag(s, d.lang);
			d.title = lstr_get(&ds->title, li);
			d.subtitle = lstr_get(&ds->subtitle, li);
			d.site = lstr_get(&s->title, li);
			d.author = lstr_get(&s->author, li);
			v = site_str(s, li, "page_of");
			d.pageof = strcmp(v, "page_of") != 0 ? v :
			    strcmp(d.lang, "fr") == 0 ? "page %d sur %d" :
			    "page %d of %d";
			if (s->paper[li] != NULL &&
			    strcasecmp(s->paper[li], "Letter") == 0) {
				d.pagew = 21.59;
				d.pageh = 27.94;
				d.margin = 2.54;
			} else {
				d.pagew = 21.0;
				d.pageh = 29.7;
				d.margin = 2.0;
			}
			d.epoch = util_epoch();
			if (convert(&c)) {
				if (ds->formats & DOC_ODT) {
					out = xasprintf("%s/pdf/%s/%s.odt",
					    outdir, d.lang, ds->id);
					ok &= odf_write(&d, out);
					free(out);
				}
				if (ds->formats & DOC_DOCX) {
					out = xasprintf("%s/pdf/%s/%s.docx",
					    outdir, d.lang, ds->id);
					ok &= docx_write(&d, out);
					free(out);
				}
			} else
				ok = 0;
			strmap_free_vals(&c.marks);
			strmap_free_vals(&c.labels);
			strmap_free(&c.controls);
			strset_free(&c.hidden);
			free(c.pages);
			office_free(&d);
		}
	return ok && diag_errors() == 0;
}

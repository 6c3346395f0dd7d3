/*
 * search.c: the site's search index, one JSON file per language (each
 * page's title, URL, section and text, whitespace collapsed, escaped to
 * stand in a page), and sitemap.xml with each page's translations.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/out.h"
#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/internal.h"

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* The high bit of each byte of x that is below n (n <= 128), and maybe
 * of some bytes after such a one: never fewer. */
static uint64_t
below(uint64_t x, unsigned n)
{
	return (x - ONES * n) & ~x & HIGH;
}

/* Whether the 8 bytes at s are copied to the search text as they are:
 * no control byte, '"', '\\' or '<', no two spaces in a row, and no
 * space last (what follows it decides). */
static int
plain8(const char *s)
{
	uint64_t w, sp;

	memcpy(&w, s, 8);
	if (below(w, 0x20) | below(w ^ (ONES * '"'), 1) |
	    below(w ^ (ONES * '\\'), 1) | below(w ^ (ONES * '<'), 1))
		return 0;
	sp = below(w ^ (ONES * ' '), 1);
	return (sp & (sp << 8)) == 0 && s[7] != ' ';
}

/* The text of n for the search index, as the inside of a JSON string,
 * whitespace collapsed, in one pass; *sp: 0 before the first word, 1 a
 * space owed before the next, 2 inside a word. */
static void
plain(struct buf *b, xmlNodePtr n, int *sp)
{
	/* 0 copied, 1 whitespace, 2 escaped, 3 the end */
	static const unsigned char cls[256] = {
		[0] = 3, [1] = 2, [2] = 2, [3] = 2, [4] = 2, [5] = 2, [6] = 2,
		[7] = 2, [8] = 2, ['\t'] = 1, ['\n'] = 1, [11] = 2, [12] = 2,
		['\r'] = 1, [14] = 2, [15] = 2, [16] = 2, [17] = 2, [18] = 2,
		[19] = 2, [20] = 2, [21] = 2, [22] = 2, [23] = 2, [24] = 2,
		[25] = 2, [26] = 2, [27] = 2, [28] = 2, [29] = 2, [30] = 2,
		[31] = 2, [' '] = 1, ['"'] = 2, ['\\'] = 2, ['<'] = 2,
	};
	xmlNodePtr k;

	for (k = n->children; k != NULL; k = k->next) {
		const char *t, *run, *end;

		if (k->type == XML_ELEMENT_NODE) {
			/* blocks are apart even with no space between them */
			int inl = tree_is_inline(k);

			if (!inl)
				*sp = *sp != 0;
			plain(b, k, sp);
			if (!inl)
				*sp = *sp != 0;
			continue;
		}
		if (k->type != XML_TEXT_NODE && k->type != XML_CDATA_SECTION_NODE)
			continue;
		end = (const char *)k->content + strlen((const char *)k->content);
		for (t = (const char *)k->content;;) {
			unsigned char kind = cls[(unsigned char)*t];

			if (kind == 1) {                /* whitespace */
				do
					t++;
				while (cls[(unsigned char)*t] == 1);
				*sp = *sp != 0;
				continue;
			}
			if (kind == 3)                  /* the end */
				break;
			if (*sp == 1)
				buf_putc(b, ' ');
			*sp = 2;
			if (kind == 2) {                /* escaped */
				json_run(b, t++, 1, JSON_FLAT | JSON_HTML);
				continue;
			}
			/* a word, and the words after it with one space
			 * between (nothing to collapse there) */
			for (run = t;;) {
				if (end - t >= 8 && plain8(t))
					t += 8;
				else if (cls[(unsigned char)*t] == 0 ||
				    (*t == ' ' && cls[(unsigned char)t[1]] == 0))
					t++;
				else
					break;
			}
			buf_put(b, run, (size_t)(t - run));
		}
	}
}

/* Page pg's entry in its language's search index. */
void
search_entry(struct site_out *c, struct page *pg)
{
	struct buf *b = &c->search[pg->lang];
	char *home = xasprintf("%s/", c->p->site.langs[pg->lang]), *u;
	struct page *top;
	int sp = 0;

	buf_puts(b, b->len == 0 ? "[\n" : ",\n");
	buf_puts(b, "{\"t\":");
	json_str(b, pg->title, JSON_FLAT | JSON_HTML);
	u = url_relative(home, pg->url, c->p->site.index_links);
	buf_puts(b, ",\"u\":");
	json_str(b, u, JSON_FLAT | JSON_HTML);
	free(u);
	free(home);
	/* the section a result is grouped under: the top one below the
	 * home page (a section page is in its own); "" for the others */
	for (top = pg; top->parent != NULL && top->parent->parent != NULL;
	    top = top->parent)
		continue;
	buf_puts(b, ",\"s\":");
	json_str(b, top->parent != NULL && (top != pg || pg->nkids > 0) ?
	    top->title : "", JSON_FLAT | JSON_HTML);
	buf_puts(b, ",\"x\":\"");
	plain(b, xmlDocGetRootElement(pg->doc), &sp);
	buf_puts(b, "\"}");
}

int
search_write(struct site_out *c, size_t lang)
{
	struct buf *b = &c->search[lang];
	char *path;
	size_t i;
	int ok;

	if (!c->stream)
		for (i = 0; i < c->p->npages; i++)
			if (c->p->pages[i]->lang == lang &&
			    c->p->pages[i]->doc != NULL)
				search_entry(c, c->p->pages[i]);
	buf_puts(b, b->len == 0 ? "[\n]\n" : "\n]\n");
	path = xasprintf("%s/site/%s/search-index.json", c->out,
	    c->p->site.langs[lang]);
	ok = out_write(c->p->build->out, path, b->data, b->len);
	free(path);
	buf_free(b);
	return ok;
}

int
search_sitemap(struct site_out *c)
{
	const struct site *s = &c->p->site;
	const char *base = s->base_url != NULL ? s->base_url : "";
	struct buf b = { 0 };
	char *path;
	size_t i, l;
	int ok;

	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
	    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	for (i = 0; i < c->p->npages; i++) {
		struct page *pg = c->p->pages[i];
		xmlChar *e;

		e = xmlEncodeSpecialChars(NULL, (const xmlChar *)pg->url);
		buf_printf(&b, "<url><loc>%s%s</loc>", base, (const char *)e);
		xmlFree(e);
		for (l = 0; l < s->nlangs; l++) {
			if (pg->trans[l] == NULL)
				continue;
			e = xmlEncodeSpecialChars(NULL,
			    (const xmlChar *)pg->trans[l]->url);
			buf_printf(&b, "<xhtml:link rel=\"alternate\" "
			    "hreflang=\"%s\" href=\"%s%s\"/>", s->langs[l],
			    base, (const char *)e);
			xmlFree(e);
		}
		buf_puts(&b, "</url>\n");
	}
	buf_puts(&b, "</urlset>\n");
	path = xasprintf("%s/site/sitemap.xml", c->out);
	ok = out_write(c->p->build->out, path, b.data, b.len);
	free(path);
	buf_free(&b);
	return ok;
}

/*
 * downloads.c: the documents of site.lua as a page shows them, with the
 * figures of the files this build wrote (the PDF's page count, each
 * file's size): the line "This page is part of: Workshop pack — PDF,
 * 58 p., 1.2 MB" at the top of a page a document holds (slot
 * data-pk="downloads"), and the download panel of a page whose front
 * matter says downloads = true, put before its first h2.  Such pages are
 * written once the documents are (site.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/internal.h"

/* The files of a document; the booklet (booklet = true) is a second
 * PDF, <id>-booklet.pdf, the document on half sheets imposed two-up. */
#define BOOKLET 3
static const struct format {
	unsigned	 bit;
	const char	*ext;       /* "-booklet.pdf": after the id */
	const char	*name;
	const char	*type;
} formats[] = {
	{ DOC_PDF, ".pdf", "PDF", "application/pdf" },
	{ DOC_ODT, ".odt", "ODT", "application/vnd.oasis.opendocument.text" },
	{ DOC_DOCX, ".docx", "DOCX", "application/vnd.openxmlformats-"
	    "officedocument.wordprocessingml.document" },
	{ DOC_PDF, "-booklet.pdf", "PDF", "application/pdf" },
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* The figures of document d in lang: read from the files once. */
static const struct docfig *
fig(struct site_out *c, size_t d, size_t lang)
{
	const struct site *s = &c->p->site;
	struct docfig *f;
	size_t i;

	if (c->figs == NULL)
		c->figs = xcalloc(s->ndocs * s->nlangs + 1, sizeof(*c->figs));
	f = &c->figs[d * s->nlangs + lang];
	if (!f->read) {
		for (i = 0; i < NFORMATS; i++) {
			char *path = xasprintf("%s/pdf/%s/%s%s", c->out,
			    s->langs[lang], s->docs[d].id, formats[i].ext);

			f->size[i] = s->docs[d].formats & formats[i].bit &&
			    (i != BOOKLET || s->docs[d].booklet) ?
			    file_size(path) : -1;
			free(path);
		}
		f->pages[0] = s->docs[d].pdfpages[lang];
		f->pages[BOOKLET] = s->docs[d].bookletpages[lang];
		f->read = 1;
	}
	return f;
}

/* "%s" of interface string key replaced by arg (never a printf format:
 * a project's strings are its own). */
static void
sub(struct buf *b, const char *fmt, const char *arg)
{
	const char *at = strstr(fmt, "%s");

	if (at == NULL) {
		buf_puts(b, fmt);
		return;
	}
	buf_put(b, fmt, (size_t)(at - fmt));
	buf_puts(b, arg);
	buf_puts(b, at + 2);
}

/* "412 KB", "1.4 MB" in the language's number format (1 KB = 1000 bytes,
 * as the SI and French "Ko" count). */
static void
size_text(struct site_out *c, size_t lang, struct buf *b, long long bytes)
{
	const char *code = c->p->site.langs[lang];
	struct buf n = { 0 };

	if (bytes < 999500) {
		format_number(&n, code, bytes < 1000 ? 1 :
		    (double)llround((double)bytes / 1000.0), 0);
		sub(b, view_str(c, lang, "dl.kb"), n.data);
	} else {
		format_number(&n, code, (double)bytes / 1e6, 1);
		sub(b, view_str(c, lang, "dl.mb"), n.data);
	}
	buf_free(&n);
}

static void
pages_text(struct site_out *c, size_t lang, struct buf *b, int pages)
{
	char n[32];

	snprintf(n, sizeof(n), "%d", pages);
	sub(b, view_str(c, lang, "dl.pages"), n);
}

/* The site path of document d's file in format i. */
static char *
file_url(const struct site *s, size_t d, size_t lang, size_t i)
{
	return xasprintf("pdf/%s/%s%s", s->langs[lang], s->docs[d].id,
	    formats[i].ext);
}

static xmlNodePtr
file_link(struct site_out *c, const struct view *v, xmlNodePtr parent,
    size_t d, size_t i, const char *text)
{
	char *u = file_url(&c->p->site, d, v->lang, i);
	xmlNodePtr a = view_link(parent, v, u, text);

	tree_attr(a, "type", formats[i].type);
	free(u);
	return a;
}

/* ---- "This page is part of: …" ------------------------------------- */

/* One document on the line: its title linked to its first file, the
 * figures of that file, the other formats linked after. */
static void
part_of(struct site_out *c, const struct view *v, xmlNodePtr p, size_t d)
{
	const struct site *s = &c->p->site;
	const struct docfig *f = fig(c, d, v->lang);
	struct buf t = { 0 };
	size_t i, first = NFORMATS, nother = 0;

	for (i = 0; i < BOOKLET; i++)   /* the booklet: in the panel only */
		if (f->size[i] >= 0 && first == NFORMATS)
			first = i;
		else if (f->size[i] >= 0)
			nother++;
	if (first == NFORMATS)
		return;                 /* not written (no page in it) */
	file_link(c, v, p, d, first, lstr_get(&s->docs[d].title, v->lang));
	buf_printf(&t, " — %s, ", formats[first].name);
	if (formats[first].bit == DOC_PDF && f->pages[first] > 0) {
		pages_text(c, v->lang, &t, f->pages[first]);
		buf_puts(&t, ", ");
	}
	size_text(c, v->lang, &t, f->size[first]);
	tree_text(p, t.data);
	if (nother > 0) {
		buf_reset(&t);
		buf_printf(&t, " (%s ", view_str(c, v->lang, "dl.also"));
		tree_text(p, t.data);
		for (i = first + 1; i < BOOKLET; i++)
			if (f->size[i] >= 0) {
				file_link(c, v, p, d, i, formats[i].name);
				if (--nother > 0)
					tree_text(p, ", ");
			}
		tree_text(p, ")");
	}
	buf_free(&t);
}

void
downloads_part_of(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	const char *fr = strncmp(s->langs[v->lang], "fr", 2) == 0 ?
	    "\xc2\xa0" : "";
	unsigned long long mask;
	xmlNodePtr p;
	size_t d, n = 0;
	struct buf t = { 0 };

	if (v->pg == NULL || c->docs == NULL ||
	    (mask = c->docs[v->pg->idx]) == 0) {
		view_drop(slot);
		return;
	}
	view_clear(slot);
	p = tree_el(slot, "p");
	tree_attr(p, "class", "pk-part-of");
	buf_printf(&t, "%s%s: ", view_str(c, v->lang, "dl.part_of"), fr);
	tree_text(p, t.data);
	for (d = 0; d < s->ndocs && d < 64; d++) {
		xmlNodePtr last = p->last;

		if (!(mask & (1ULL << d)))
			continue;
		if (n > 0)
			tree_text(p, *fr ? "\xe2\x80\xaf; " : "; ");
		part_of(c, v, p, d);
		if (p->last != last)
			n++;
	}
	buf_free(&t);
	if (n == 0)
		view_drop(slot);
	else
		tree_text(p, ".");
}

/* ---- the panel -------------------------------------------------------- */

/* The figures of one file: "PDF · A4 · 24 p. · 412 KB". */
static void
file_item(struct site_out *c, const struct view *v, xmlNodePtr ul, size_t d,
    size_t i)
{
	const struct site *s = &c->p->site;
	const struct docfig *f = fig(c, d, v->lang);
	const char *paper = s->docs[d].paper[v->lang] != NULL ?
	    s->docs[d].paper[v->lang] : s->paper[v->lang];
	int letter = paper != NULL && (strcasecmp(paper, "Letter") == 0 ||
	    strcasecmp(paper, "US-Letter") == 0);
	struct buf t = { 0 };
	xmlNodePtr li, a, h;

	li = tree_el(ul, "li");
	a = file_link(c, v, li, d, i, "");
	view_clear(a);
	/* the link says which document out of its list, too */
	buf_printf(&t, "%s, ", lstr_get(&s->docs[d].title, v->lang));
	h = tree_el_text(a, "span", t.data);
	tree_attr(h, "class", "pk-visually-hidden");
	buf_reset(&t);
	buf_printf(&t, "%s · %s · ", formats[i].name, i == BOOKLET ?
	    view_str(c, v->lang, letter ? "dl.booklet_letter" : "dl.booklet") :
	    letter ? view_str(c, v->lang, "dl.letter") : "A4");
	if (i == BOOKLET && f->pages[i] > 0) {
		char n[32];

		/* what one prints on: sheets, four pages on each */
		snprintf(n, sizeof(n), "%d", (f->pages[i] + 3) / 4);
		sub(&t, view_str(c, v->lang, "dl.sheets"), n);
		buf_puts(&t, " · ");
	} else if (formats[i].bit == DOC_PDF && f->pages[i] > 0) {
		pages_text(c, v->lang, &t, f->pages[i]);
		buf_puts(&t, " · ");
	}
	size_text(c, v->lang, &t, f->size[i]);
	tree_text(a, t.data);
	buf_free(&t);
}

xmlNodePtr
downloads_panel(struct site_out *c, const struct view *v)
{
	const struct site *s = &c->p->site;
	xmlNodePtr root, sec, ul, li, files, at, k;
	size_t d, i, nfiles = 0;
	int editable = 0;

	if (v->pg == NULL || !v->pg->downloads || v->pg->doc == NULL ||
	    s->ndocs == 0)
		return NULL;
	root = xmlDocGetRootElement(v->pg->doc);
	sec = tree_el(root, "section");
	tree_attr(sec, "class", "pk-dl");
	tree_attr(sec, "aria-labelledby", "pk-dl-title");
	k = tree_el_text(sec, "h2", view_str(c, v->lang, "dl.title"));
	tree_attr(k, "id", "pk-dl-title");
	ul = tree_el(sec, "ul");
	tree_attr(ul, "class", "pk-dl-list");
	for (d = 0; d < s->ndocs; d++) {
		const struct docfig *f = fig(c, d, v->lang);

		for (i = 0; i < NFORMATS && f->size[i] < 0; i++)
			continue;
		if (i == NFORMATS)
			continue;       /* nothing written in this language */
		li = tree_el(ul, "li");
		k = tree_el_text(li, "p", lstr_get(&s->docs[d].title, v->lang));
		tree_attr(k, "class", "pk-dl-name");
		files = tree_el(li, "ul");
		tree_attr(files, "class", "pk-dl-files");
		for (; i < NFORMATS; i++)
			if (f->size[i] >= 0) {
				file_item(c, v, files, d, i);
				editable |= formats[i].bit != DOC_PDF;
				nfiles++;
			}
	}
	if (nfiles == 0) {
		xmlUnlinkNode(sec);
		xmlFreeNode(sec);
		return NULL;
	}
	if (editable) {
		k = xmlNewDocNode(root->doc, NULL, (const xmlChar *)"p", NULL);
		k->ns = sec->ns;
		tree_text(k, view_str(c, v->lang, "dl.intro"));
		tree_attr(k, "class", "pk-dl-intro");
		xmlAddNextSibling(sec->children, k);
	}
	/* after the page's opening, before its first section */
	for (at = root->children; at != NULL; at = at->next)
		if (at != sec && tree_is(at, "h2"))
			break;
	if (at != NULL) {
		xmlUnlinkNode(sec);
		xmlAddPrevSibling(at, sec);
	}
	return sec;
}

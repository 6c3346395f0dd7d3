/*
 * identity.c: who publishes the site, as each page shows it: the logo in
 * the header (slot data-pk="logo"), the footer's publisher, edition,
 * licence and contact (data-pk="identity") and its links to the
 * statements (data-pk="statements"), the line a printed page carries
 * (data-pk="print-info"); and the files they need: the logo and
 * assets/identity.css (the theme colour).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "output/out.h"
#include "doc/doc.h"
#include "html/internal.h"

/* The logo's file name in the site: assets/publisher-logo.svg or .png. */
static char *
logo_path(const struct identity *id)
{
	size_t n = strlen(id->logo_file);

	return xasprintf("assets/publisher-logo.%s",
	    strcmp(id->logo_file + n - 4, ".png") == 0 ||
	    strcmp(id->logo_file + n - 4, ".PNG") == 0 ? "png" : "svg");
}

static const char *
colon(const struct site_out *c, size_t lang)
{
	return strncmp(c->p->site.langs[lang], "fr", 2) == 0 ? "\xc2\xa0: " :
	    ": ";
}

void
identity_logo(struct site_out *c, const struct view *v, xmlNodePtr e)
{
	const struct identity *id = &c->p->site.id;
	char *path, *r;

	if (id->logo_file == NULL) {
		view_drop(e);
		return;
	}
	path = logo_path(id);
	r = view_href(v, path);
	tree_attr(e, "src", r);
	/* the publisher's name, which the title beside it does not say */
	tree_attr(e, "alt", lstr_get(&id->publisher, v->lang));
	free(r);
	free(path);
}

/* Text, or a link when url is set. */
static void
maybe_link(xmlNodePtr p, const char *url, const char *text)
{
	if (url != NULL) {
		xmlNodePtr a = tree_el_text(p, "a", text);

		tree_attr(a, "href", url);
	} else
		tree_text(p, text);
}

void
identity_fill(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	const struct identity *id = &s->id;
	const char *pub = lstr_get(&id->publisher, v->lang);
	xmlNodePtr p;
	char *href;

	view_clear(slot);
	p = tree_el(slot, "p");
	tree_attr(p, "class", "pk-publisher");
	if (id->logo_file != NULL) {
		char *path = logo_path(id), *r = view_href(v, path);
		xmlNodePtr img = tree_el(p, "img");

		tree_attr(img, "src", r);
		tree_attr(img, "alt", "");     /* the name follows */
		tree_attr(img, "class", "pk-logo");
		free(r);
		free(path);
	}
	maybe_link(p, id->publisher_url, *pub != '\0' ? pub :
	    lstr_get(&s->title, v->lang));
	if (*lstr_get(&id->edition, v->lang) != '\0') {
		p = tree_el_text(slot, "p", lstr_get(&id->edition, v->lang));
		tree_attr(p, "class", "pk-edition");
	}
	if (*lstr_get(&id->licence, v->lang) != '\0') {
		p = tree_el(slot, "p");
		tree_attr(p, "class", "pk-licence");
		tree_text(p, view_str(c, v->lang, "footer.licence"));
		tree_text(p, colon(c, v->lang));
		maybe_link(p, id->licence_url, lstr_get(&id->licence, v->lang));
	}
	if (id->contact_email != NULL || id->contact_url != NULL) {
		p = tree_el(slot, "p");
		tree_attr(p, "class", "pk-contact");
		tree_text(p, view_str(c, v->lang, "footer.contact"));
		tree_text(p, colon(c, v->lang));
		if (id->contact_email != NULL) {
			href = xasprintf("mailto:%s", id->contact_email);
			maybe_link(p, href, id->contact_email);
			free(href);
		}
		if (id->contact_email != NULL && id->contact_url != NULL)
			tree_text(p, " · ");
		if (id->contact_url != NULL)
			maybe_link(p, id->contact_url,
			    view_str(c, v->lang, "a11y.form"));
	}
}

void
identity_statements(struct site_out *c, const struct view *v,
    xmlNodePtr slot)
{
	static const char *const status[] = { "a11y.footer_none",
	    "a11y.footer_partial", "a11y.footer_full" };
	const struct a11y *a = &c->p->site.a11y;
	xmlNodePtr li, link;
	int k;

	view_clear(slot);
	for (k = STMT_A11Y; k <= STMT_LEGAL; k++) {
		struct page *to = statements_page(c->p, v->lang, k);

		if (to == NULL)
			continue;
		li = tree_el(slot, "li");
		/* RGAA: every page says the status, in the link */
		link = view_link(li, v, to->url, k == STMT_A11Y ?
		    view_str(c, v->lang, status[statements_status(a)]) :
		    to->title);
		if (v->pg == to)
			tree_attr(link, "aria-current", "page");
	}
	li = tree_el_text(slot, "li", view_str(c, v->lang, "footer.made"));
	tree_attr(li, "class", "pk-made");
}

/* "Address of this page: https://…/fr/outils/ — version of 5 December
 * 2026": printed only; pactkit.js puts the address the page was read at
 * and the day it is printed. */
void
identity_print(struct site_out *c, const struct view *v, xmlNodePtr slot)
{
	const struct site *s = &c->p->site;
	struct buf t = { 0 }, d = { 0 };
	xmlNodePtr e;
	char day[16];

	view_clear(slot);
	buf_printf(&t, "%s%s", view_str(c, v->lang, "print.address"),
	    colon(c, v->lang));
	tree_text(slot, t.data);
	e = tree_el(slot, "span");
	tree_attr(e, "class", "pk-print-url");
	if (s->base_url != NULL) {
		buf_reset(&t);
		buf_printf(&t, "%s%s", s->base_url, v->url);
		tree_text(e, t.data);
	}
	if (v->pg != NULL && v->pg->updated != NULL)
		snprintf(day, sizeof(day), "%s", v->pg->updated);
	else {
		time_t now = (time_t)format_epoch();
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	}
	format_date(&d, s->langs[v->lang], day);
	buf_reset(&t);
	buf_printf(&t, " — %s ", view_str(c, v->lang, "print.version"));
	e = tree_el(slot, "span");
	tree_attr(e, "class", "pk-print-date");
	tree_text(e, t.data);
	e = tree_el_text(e, "time", d.data);
	tree_attr(e, "datetime", day);
	buf_free(&t);
	buf_free(&d);
}

/* The logo, and assets/identity.css: the theme colour over the theme's
 * (written after the theme's assets, so that it wins). */
int
identity_files(struct site_out *c)
{
	const struct identity *id = &c->p->site.id;
	struct buf css = { 0 };
	char *path;
	int ok = 1;

	if (id->logo_file != NULL) {
		char *rel = logo_path(id);

		path = xasprintf("%s/site/%s", c->out, rel);
		ok = out_copy(c->p->build->out, id->logo_file, path);
		free(path);
		free(rel);
	}
	buf_puts(&css, "/* identity.css: the site's own colour (theme_color), "
	    "written by pactkit */\n");
	if (id->theme_color != NULL)
		buf_printf(&css, ":root { --pk-accent: %s; }\n", id->theme_color);
	path = xasprintf("%s/site/assets/identity.css", c->out);
	ok = ok && out_write(c->p->build->out, path, css.data, css.len);
	free(path);
	buf_free(&css);
	return ok;
}

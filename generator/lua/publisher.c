/*
 * publisher.c: who publishes the toolkit and what it states, read from
 * lua/site.lua for settings.c.  In: the publisher, edition, licence,
 * cite, contact, disclaimer, theme_color, host and accessibility fields;
 * out: struct identity and struct a11y (the accessibility statement).
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lua.h>

#include "base/pactkit.h"
#include "lua/internal.h"

/* Reads an optional http(s) URL field of table t into *out. */
static void
get_url(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, char **out)
{
	char fpath[SB_MAXPATH];

	if (!field_str(L, c, t, key, path, out) || *out == NULL)
		return;
	if (strncmp(*out, "https://", 8) != 0 &&
	    strncmp(*out, "http://", 7) != 0) {
		snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected an address "
		    "starting with https:// or http://, got \"%s\"", fpath + 1,
		    *out);
		free(*out);
		*out = NULL;
	}
}

/* Opens the optional table field key of t (pushed; 0 when absent or
 * not a table, nothing pushed).  A string or a localised table stands for
 * its `name` (publisher = "Ministère …"): then *name is read from it. */
static int
get_record(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *what, struct lstr *name)
{
	char fpath[SB_MAXPATH], got[128];
	int type = lua_getfield(L, t, key), named;

	snprintf(fpath, sizeof(fpath), ".%s", key);
	if (type == LUA_TTABLE) {
		named = lua_getfield(L, -1, "name") != LUA_TNIL;
		lua_pop(L, 1);
		if (named || name == NULL)
			return 1;
	}
	lua_pop(L, 1);
	if (type == LUA_TNIL)
		return 0;
	if (name != NULL && (type == LUA_TSTRING || type == LUA_TTABLE)) {
		field_lstr(L, c, t, key, "", name, 0);
		return 0;
	}
	lua_getfield(L, t, key);
	schema_describe(L, -1, got, sizeof(got));
	lua_pop(L, 1);
	field_err(L, c, DIAG_ERROR, fpath, "%s: expected %s, got %s", key, what,
	    got);
	return 0;
}

/* The relative luminance of "#rrggbb" (WCAG 2.1). */
static double
luminance(const char *hex)
{
	double rgb[3], v;
	unsigned x;
	int i;

	x = (unsigned)strtoul(hex + 1, NULL, 16);
	for (i = 0; i < 3; i++) {
		v = (double)((x >> (16 - 8 * i)) & 0xff) / 255.0;
		rgb[i] = v <= 0.04045 ? v / 12.92 :
		    pow((v + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* The logo: a PNG or SVG file inside the project, named from its folder. */
static void
identity_logo(lua_State *L, struct sitectx *c, struct identity *id)
{
	const char *l = id->logo;
	size_t n = strlen(l);
	char *full, realf[PATH_MAX], reald[PATH_MAX];

	if (l[0] == '/' || strstr(l, "..") != NULL || strchr(l, '\\') != NULL ||
	    n < 5 || (strcasecmp(l + n - 4, ".png") != 0 &&
	    strcasecmp(l + n - 4, ".svg") != 0)) {
		field_err(L, c, DIAG_ERROR, ".publisher.logo",
		    "publisher.logo: expected a PNG or SVG file inside the "
		    "project, named from its folder (\"assets/logo.svg\"), got "
		    "\"%s\"", l);
		return;
	}
	full = xasprintf("%s/%s", c->site->dir, l);
	if (!file_isfile(full)) {
		field_err(L, c, DIAG_ERROR, ".publisher.logo",
		    "publisher.logo: file '%s' not found in the project", l);
		free(full);
		return;
	}
	/* a symbolic link must not put a file from outside on the covers */
	if (realpath(full, realf) == NULL ||
	    realpath(c->site->dir, reald) == NULL ||
	    strncmp(realf, reald, strlen(reald)) != 0 ||
	    realf[strlen(reald)] != '/') {
		field_err(L, c, DIAG_ERROR, ".publisher.logo",
		    "publisher.logo: '%s' leaves the project (symbolic link)",
		    l);
		free(full);
		return;
	}
	id->logo_file = full;
}

/* host = { name = …, address = …, url = … } (or host = "…"), for the
 * legal notice. */
static void
site_host(lua_State *L, struct sitectx *c, int t)
{
	static const char *const known[] = { "name", "address", "url", NULL };
	struct identity *id = &c->site->id;
	int r;

	if (!get_record(L, c, t, "host", "a name, or a table { name = …, "
	    "address = …, url = … }", &id->host))
		return;
	r = lua_gettop(L);
	field_unknown(L, c, r, ".host", known, "host");
	field_lstr(L, c, r, "name", ".host", &id->host, 1);
	field_lstr(L, c, r, "address", ".host", &id->host_address, 0);
	get_url(L, c, r, "url", ".host", &id->host_url);
	field_placeholder(L, c, ".host.url", id->host_url);
	lua_pop(L, 1);
}

/* A list of localised texts, field key of table t: { "…", { fr = … } }. */
static void
get_loclist(lua_State *L, struct sitectx *c, int t, const char *key,
    const char *path, struct lstr **out, size_t *n)
{
	char fpath[SB_MAXPATH], got[128];
	lua_Integer k, len;
	int l;

	snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
	if (lua_getfield(L, t, key) == LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	l = lua_gettop(L);
	if (lua_type(L, l) == LUA_TSTRING) {    /* one text: a list of one */
		lua_createtable(L, 1, 0);
		lua_pushvalue(L, l);
		lua_rawseti(L, -2, 1);
		lua_replace(L, l);
	}
	if (lua_type(L, l) != LUA_TTABLE) {
		schema_describe(L, l, got, sizeof(got));
		field_err(L, c, DIAG_ERROR, fpath, "%s: expected a list of "
		    "texts { \"…\", { fr = \"…\", en = \"…\" } }, got %s",
		    fpath + 1, got);
		lua_pop(L, 1);
		return;
	}
	len = (lua_Integer)lua_rawlen(L, l);
	*out = xcalloc((size_t)len + 1, sizeof(**out));
	for (k = 1; k <= len; k++) {
		char item[32];

		snprintf(item, sizeof(item), "%lld", (long long)k);
		/* field_lstr reads a field: the list item is field "k" of a
		 * table holding it */
		lua_createtable(L, 0, 1);
		lua_rawgeti(L, l, k);
		lua_setfield(L, -2, item);
		snprintf(fpath, sizeof(fpath), "%s.%s", path, key);
		field_lstr(L, c, lua_gettop(L), item, fpath, &(*out)[(*n)++],
		    1);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

/* accessibility = { status, standard, audit = { date, by, rate },
 * issues, derogations, contact = { email, url, address }, recourse,
 * law, date }: the accessibility statement. */
void
publisher_a11y(lua_State *L, struct sitectx *c, int t)
{
	static const char *const known[] = { "status", "standard", "audit",
	    "issues", "derogations", "contact", "recourse", "law", "date",
	    NULL };
	static const char *const aud_known[] = { "date", "by", "rate", NULL };
	static const char *const con_known[] = { "email", "url", "address",
	    NULL };
	static const char *const status[] = { "none", "partial", "full" };
	struct a11y *a = &c->site->a11y;
	const char *v;
	char got[128];
	int r, q;
	size_t i;

	a->rate = -1;
	if (!get_record(L, c, t, "accessibility", "a table { status = …, "
	    "audit = { … }, … }", NULL))
		return;
	r = lua_gettop(L);
	field_unknown(L, c, r, ".accessibility", known, "accessibility");
	if (field_str(L, c, r, "status", ".accessibility", &a->standard) &&
	    a->standard != NULL) {
		for (i = 0; i < 3 && strcmp(a->standard, status[i]); i++)
			continue;
		if (i == 3)
			field_err(L, c, DIAG_ERROR, ".accessibility.status",
			    "accessibility.status: expected \"none\", "
			    "\"partial\" or \"full\", got \"%s\"", a->standard);
		else
			a->status = (enum a11y_status)i;
		free(a->standard);
		a->standard = NULL;
	}
	field_str(L, c, r, "standard", ".accessibility", &a->standard);
	if (field_str(L, c, r, "date", ".accessibility", &a->date) &&
	    a->date != NULL && !format_isodate(a->date, NULL, NULL, NULL))
		field_err(L, c, DIAG_ERROR, ".accessibility.date",
		    "accessibility.date: expected a date \"YYYY-MM-DD\", got "
		    "\"%s\"", a->date);
	if (get_record(L, c, r, "audit", "a table { date = …, by = …, "
	    "rate = … }", NULL)) {
		q = lua_gettop(L);
		field_unknown(L, c, q, ".accessibility.audit", aud_known,
		    "audit");
		if (field_str(L, c, q, "date", ".accessibility.audit",
		    &a->audit_date) && (a->audit_date == NULL ||
		    !format_isodate(a->audit_date, NULL, NULL, NULL)))
			field_err(L, c, DIAG_ERROR, ".accessibility.audit",
			    "accessibility.audit.date: expected a date "
			    "\"YYYY-MM-DD\", got %s", a->audit_date != NULL ?
			    a->audit_date : "nothing");
		field_lstr(L, c, q, "by", ".accessibility.audit", &a->audit_by,
		    1);
		switch (lua_getfield(L, q, "rate")) {
		case LUA_TNIL:
			break;
		case LUA_TNUMBER:
			a->rate = lua_tonumber(L, -1);
			if (a->rate >= 0 && a->rate <= 100)
				break;
			/* FALLTHROUGH */
		default:
			schema_describe(L, -1, got, sizeof(got));
			field_err(L, c, DIAG_ERROR, ".accessibility.audit.rate",
			    "accessibility.audit.rate: expected the share of "
			    "criteria met, a number from 0 to 100, got %s",
			    got);
			a->rate = -1;
		}
		lua_pop(L, 2);
	}
	get_loclist(L, c, r, "issues", ".accessibility", &a->issues,
	    &a->nissues);
	get_loclist(L, c, r, "derogations", ".accessibility",
	    &a->derogations, &a->nderogations);
	if (get_record(L, c, r, "contact", "a table { email = …, url = …, "
	    "address = … }", NULL)) {
		q = lua_gettop(L);
		field_unknown(L, c, q, ".accessibility.contact", con_known,
		    "contact");
		field_str(L, c, q, "email", ".accessibility.contact",
		    &a->email);
		if ((v = a->email) != NULL && (strchr(v, '@') == NULL ||
		    strpbrk(v, " <>\"") != NULL))
			field_err(L, c, DIAG_ERROR,
			    ".accessibility.contact.email",
			    "accessibility.contact.email: expected an address "
			    "such as \"accessibility@ministry.gov\", got "
			    "\"%s\"", v);
		get_url(L, c, q, "url", ".accessibility.contact", &a->url);
		field_lstr(L, c, q, "address", ".accessibility.contact",
		    &a->address, 0);
		field_placeholder(L, c, ".accessibility.contact.email",
		    a->email);
		field_placeholder(L, c, ".accessibility.contact.url", a->url);
		lua_pop(L, 1);
	}
	field_lstr(L, c, r, "recourse", ".accessibility", &a->recourse, 0);
	field_lstr(L, c, r, "law", ".accessibility", &a->law, 0);
	lua_pop(L, 1);
	/* what RGAA allows each status to claim */
	if (a->status != A11Y_NONE && a->audit_date == NULL)
		field_err(L, c, DIAG_WARN, ".accessibility.status",
		    "accessibility.status: \"%s\" needs an audit (audit = { "
		    "date = …, by = …, rate = … }); without one the statement "
		    "says \"not compliant\"", status[a->status]);
	else if (a->status == A11Y_FULL && a->rate >= 0 && a->rate < 100)
		field_err(L, c, DIAG_WARN, ".accessibility.status",
		    "accessibility.status: \"full\" needs every criterion met; "
		    "the audit gives %g %%", a->rate);
	else if (a->status == A11Y_PARTIAL && a->rate >= 0 && a->rate < 50)
		field_err(L, c, DIAG_WARN, ".accessibility.status",
		    "accessibility.status: \"partial\" needs at least 50 %% of "
		    "the criteria met; the audit gives %g %%", a->rate);
}

void
publisher_a11y_free(struct a11y *a)
{
	size_t i;

	free(a->standard);
	free(a->audit_date);
	lstr_free(&a->audit_by);
	for (i = 0; i < a->nissues; i++)
		lstr_free(&a->issues[i]);
	free(a->issues);
	for (i = 0; i < a->nderogations; i++)
		lstr_free(&a->derogations[i]);
	free(a->derogations);
	free(a->email);
	free(a->url);
	lstr_free(&a->address);
	lstr_free(&a->recourse);
	lstr_free(&a->law);
	free(a->date);
	memset(a, 0, sizeof(*a));
}

/* publisher, edition, licence, cite, contact, disclaimer, theme_color. */
void
publisher_identity(lua_State *L, struct sitectx *c, int t)
{
	static const char *const pub_known[] = { "name", "url", "logo",
	    "director", NULL };
	static const char *const lic_known[] = { "name", "url", NULL };
	static const char *const con_known[] = { "email", "url", "address",
	    NULL };
	struct identity *id = &c->site->id;
	const char *s;
	int r;

	if (get_record(L, c, t, "publisher", "a name, or a table { name = …, "
	    "url = …, logo = … }", &id->publisher)) {
		r = lua_gettop(L);
		field_unknown(L, c, r, ".publisher", pub_known, "publisher");
		field_lstr(L, c, r, "name", ".publisher", &id->publisher, 0);
		get_url(L, c, r, "url", ".publisher", &id->publisher_url);
		field_placeholder(L, c, ".publisher.url", id->publisher_url);
		field_lstr(L, c, r, "director", ".publisher", &id->director, 0);
		if (field_str(L, c, r, "logo", ".publisher", &id->logo) &&
		    id->logo != NULL)
			identity_logo(L, c, id);
		lua_pop(L, 1);
	}
	field_lstr(L, c, t, "edition", "", &id->edition, 0);
	if (get_record(L, c, t, "licence", "a name, or a table { name = "
	    "\"CC BY 4.0\", url = … }", &id->licence)) {
		r = lua_gettop(L);
		field_unknown(L, c, r, ".licence", lic_known, "licence");
		field_lstr(L, c, r, "name", ".licence", &id->licence, 1);
		get_url(L, c, r, "url", ".licence", &id->licence_url);
		lua_pop(L, 1);
	}
	field_lstr(L, c, t, "cite", "", &id->cite, 0);
	if (get_record(L, c, t, "contact", "a table { email = …, url = …, "
	    "address = … }", NULL)) {
		r = lua_gettop(L);
		field_unknown(L, c, r, ".contact", con_known, "contact");
		if (field_str(L, c, r, "email", ".contact",
		    &id->contact_email) && id->contact_email != NULL &&
		    ((s = strchr(id->contact_email, '@')) == NULL ||
		    s == id->contact_email || strchr(s, '.') == NULL ||
		    strpbrk(id->contact_email, " <>\"") != NULL))
			field_err(L, c, DIAG_ERROR, ".contact.email",
			    "contact.email: expected an address such as "
			    "\"partnerships@ministry.example\", got \"%s\"",
			    id->contact_email);
		get_url(L, c, r, "url", ".contact", &id->contact_url);
		field_placeholder(L, c, ".contact.email", id->contact_email);
		field_placeholder(L, c, ".contact.url", id->contact_url);
		field_lstr(L, c, r, "address", ".contact", &id->contact_address,
		    0);
		lua_pop(L, 1);
	}
	field_lstr(L, c, t, "disclaimer", "", &id->disclaimer, 0);
	if (field_str(L, c, t, "theme_color", "", &id->theme_color) &&
	    id->theme_color != NULL) {
		size_t i;

		s = id->theme_color;
		for (i = 1; i < 7 && isxdigit((unsigned char)s[i]); i++)
			continue;
		if (s[0] != '#' || i != 7 || s[7] != '\0')
			field_err(L, c, DIAG_ERROR, ".theme_color",
			    "theme_color: expected a colour \"#rrggbb\", got "
			    "\"%s\"", s);
		else if (1.05 / (luminance(s) + 0.05) < 4.5)
			/* the default theme sets white text on it, and uses
			 * it for text and borders on white */
			field_err(L, c, DIAG_WARN, ".theme_color",
			    "theme_color: \"%s\" has a contrast of %.1f:1 with "
			    "white; expected at least 4.5:1 (WCAG 2.1 AA): the "
			    "theme writes white text on it and text in it on "
			    "white", s, 1.05 / (luminance(s) + 0.05));
	}
	site_host(L, c, t);
}

void
publisher_identity_free(struct identity *id)
{
	lstr_free(&id->publisher);
	free(id->publisher_url);
	free(id->logo);
	free(id->logo_file);
	lstr_free(&id->edition);
	lstr_free(&id->licence);
	free(id->licence_url);
	lstr_free(&id->cite);
	free(id->contact_email);
	free(id->contact_url);
	lstr_free(&id->contact_address);
	lstr_free(&id->disclaimer);
	free(id->theme_color);
	lstr_free(&id->director);
	lstr_free(&id->host);
	lstr_free(&id->host_address);
	free(id->host_url);
	memset(id, 0, sizeof(*id));
}

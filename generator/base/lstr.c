/*
 * lstr.c: text in the languages of the site.  A struct lstr holds one
 * string per language (site.lua's titles, documents' titles); the
 * interface strings (lua/i18n, read by lua/settings.c) are looked up by
 * key in the page's language.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"

const char *
lstr_get(const struct lstr *l, size_t lang)
{
	if (lang < PK_MAXLANG && l->s[lang] != NULL)
		return l->s[lang];
	if (l->s[0] != NULL)
		return l->s[0];
	for (lang = 1; lang < PK_MAXLANG; lang++)
		if (l->s[lang] != NULL)
			return l->s[lang];
	return "";
}

static int
kvcmp(const void *a, const void *b)
{
	return strcmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

const char *
lstr_ui(const struct site *site, size_t lang, const char *key)
{
	struct kv k, *hit;

	if (lang >= PK_MAXLANG || site->i18n[lang] == NULL)
		return key;
	k.k = (char *)key;
	hit = bsearch(&k, site->i18n[lang], site->ni18n[lang],
	    sizeof(struct kv), kvcmp);
	return hit != NULL ? hit->v : key;
}

void
lstr_free(struct lstr *l)
{
	size_t i;

	for (i = 0; i < PK_MAXLANG; i++) {
		free(l->s[i]);
		l->s[i] = NULL;
	}
}

void
lstr_ui_sort(struct kv *kv, size_t n)
{
	qsort(kv, n, sizeof(*kv), kvcmp);
}

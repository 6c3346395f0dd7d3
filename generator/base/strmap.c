/*
 * strmap.c: a map from strings (copied) to borrowed pointers, open
 * addressing with FNV-1a: the project's page indexes, the files copied,
 * the build's file lists.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"

static size_t
strmap_hash(const char *s)
{
	size_t h = 14695981039346656037ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

void *
strmap_get(const struct strmap *m, const char *k)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = strmap_hash(k) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0)
			return m->vals[i];
	return NULL;
}

int
strmap_put(struct strmap *m, const char *k, void *v)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap big = { 0 };

		big.cap = m->cap ? m->cap * 2 : 64;
		big.keys = xcalloc(big.cap, sizeof(char *));
		big.vals = xcalloc(big.cap, sizeof(void *));
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL) {
				size_t j = strmap_hash(m->keys[i]) & (big.cap - 1);

				while (big.keys[j] != NULL)
					j = (j + 1) & (big.cap - 1);
				big.keys[j] = m->keys[i];
				big.vals[j] = m->vals[i];
			}
		big.n = m->n;
		free(m->keys);
		free(m->vals);
		*m = big;
	}
	for (i = strmap_hash(k) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0)
			return 0;
	m->keys[i] = xstrdup(k);
	m->vals[i] = v;
	m->n++;
	return 1;
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

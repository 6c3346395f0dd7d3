/*
 * strset.c: a set of strings (copied; open addressing, djb2): the ids of
 * a page, for links to #id.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"

static size_t
strhash(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

int
strset_has(const struct strset *set, const char *s)
{
	size_t i;

	if (set->cap == 0)
		return 0;
	for (i = strhash(s) & (set->cap - 1); set->slot[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->slot[i], s) == 0)
			return 1;
	return 0;
}

int
strset_add(struct strset *set, const char *s)
{
	size_t i;

	if (set->n * 2 >= set->cap) {
		struct strset big = { 0 };

		big.cap = set->cap ? set->cap * 2 : 64;
		big.slot = xcalloc(big.cap, sizeof(char *));
		for (i = 0; i < set->cap; i++)
			if (set->slot[i] != NULL) {
				size_t j = strhash(set->slot[i]) & (big.cap - 1);

				while (big.slot[j] != NULL)
					j = (j + 1) & (big.cap - 1);
				big.slot[j] = set->slot[i];
				big.n++;
			}
		free(set->slot);
		*set = big;
	}
	for (i = strhash(s) & (set->cap - 1); set->slot[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->slot[i], s) == 0)
			return 0;
	set->slot[i] = xstrdup(s);
	set->n++;
	return 1;
}

void
strset_free(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	memset(set, 0, sizeof(*set));
}

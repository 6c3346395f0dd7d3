/*
 * suggest.c: "did you mean": the Levenshtein distance between two words,
 * and the nearest of a list, for unknown fields, components, data files,
 * elements and interface strings.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"

size_t
suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, d;

	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			d = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			prev = tmp;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

const char *
suggest_nearest(const char *w, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t i, d, bestd = (size_t)-1, max;

	max = strlen(w) / 3;
	if (max < 2)
		max = 2;
	for (i = 0; i < n; i++) {
		if (cands[i] == NULL)
			continue;
		d = suggest_distance(w, cands[i]);
		if (d < bestd || (d == bestd && strcmp(cands[i], best) < 0)) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= max && bestd > 0 ? best : NULL;
}

/*
 * suggest.c: "did you mean": the edit distance between two words,
 * and the nearest of a list, for unknown fields, components, data files,
 * elements and interface strings.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"

/* The edit distance with adjacent transpositions ("titel" is one edit
 * from "title", as people mistype), three rows of the matrix at once. */
size_t
suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d;
	size_t *pp = xcalloc(lb + 1, sizeof(size_t));      /* row i - 2 */
	size_t *p = xcalloc(lb + 1, sizeof(size_t));       /* row i - 1 */
	size_t *r = xcalloc(lb + 1, sizeof(size_t)), *t;

	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		r[0] = i;
		for (j = 1; j <= lb; j++) {
			d = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < d)
				d = p[j] + 1;
			if (r[j - 1] + 1 < d)
				d = r[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d)
				d = pp[j - 2] + 1;
			r[j] = d;
		}
		t = pp;
		pp = p;
		p = r;
		r = t;
	}
	d = p[lb];
	free(pp);
	free(p);
	free(r);
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

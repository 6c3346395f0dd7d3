/*
 * suggest.c: "did you mean": the Levenshtein distance between two words,
 * and the nearest of a list, for unknown fields, components, data files,
 * elements and interface strings.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"

/* The optimal string alignment distance: Levenshtein's edits plus the
 * swap of two neighbours ("titel" is one edit from "title", as a typist
 * sees it, not two, which would tie it with "cite"). */
size_t
suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d;
	size_t *rows, *pp, *p, *r, *t;

	rows = xcalloc(3 * (lb + 1), sizeof(*rows));
	pp = rows;              /* row i-2; p: row i-1; r: row i */
	p = pp + lb + 1;
	r = p + lb + 1;
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
	free(rows);
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

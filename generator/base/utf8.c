/*
 * utf8.c: UTF-8 for every stage: the next code point, validity (no
 * overlongs, no surrogates, eight ASCII bytes at a time), text that XML
 * can carry, and columns in characters for file:line:col.
 */
#include <stdint.h>
#include <string.h>

#include "base/pactkit.h"

long
utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i, n, k;
	long cp, min;

	if (left == 0)
		return -1;
	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	} else if ((p[0] & 0xE0) == 0xC0) {
		n = 2, cp = p[0] & 0x1F, min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3, cp = p[0] & 0x0F, min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4, cp = p[0] & 0x07, min = 0x10000;
	} else
		return -1;
	if (left < n)
		return -1;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*i += n;
	return cp;
}

void
utf8_dropbom(char *s, size_t *len)
{
	if (*len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		memmove(s, s + 3, *len - 3 + 1);    /* with the NUL */
		*len -= 3;
	}
}

int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;

	while (i < len) {
		uint64_t w;

		/* ASCII eight bytes at a time */
		while (len - i >= 8 && (memcpy(&w, s + i, 8),
		    (w & 0x8080808080808080ULL) == 0))
			i += 8;
		if (i < len && (unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (i < len && utf8_next(s, len, &i) < 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
	}
	return 1;
}

int
utf8_text(const char *s, size_t len, size_t *bad, long *badcp)
{
	size_t i = 0, at;
	long cp;

	while (i < len) {
		at = i;
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		cp = utf8_next(s, len, &i);
		if (cp < 0 || (cp < 0x20 && cp != '\t' && cp != '\n' &&
		    cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
			*bad = at;
			*badcp = cp;
			return 0;
		}
	}
	return 1;
}

int
utf8_col(const char *line, size_t off)
{
	size_t i;
	int col = 1;

	for (i = 0; i < off; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}

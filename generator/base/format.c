/*
 * format.c: numbers, sums of money and dates written the way each
 * language writes them.  In: a double or an ISO date.  Out: text in a
 * struct buf.  French groups thousands with U+202F NARROW NO-BREAK SPACE
 * and uses a decimal comma; English uses "1,250,000.5".  No locale is
 * consulted, so the output is the same on every machine.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/pactkit.h"

#define NNBSP "\xe2\x80\xaf"    /* U+202F, French thousands separator */
#define NBSP "\xc2\xa0"         /* U+00A0, between amount and currency */

static const char *const months_fr[] = { "janvier", "février", "mars",
    "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre" };
static const char *const months_en[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

static int
is_fr(const char *lang)
{
	return lang != NULL && strncmp(lang, "fr", 2) == 0 &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/*
 * Writes x with `decimals` digits after the separator; decimals < 0
 * means "as needed, at most 2" (trailing zeros dropped).  Rounding is
 * done on integers, half away from zero, so 2.675 gives 2.68 whatever
 * printf would do with the binary value.
 */
void
format_number(struct buf *b, const char *lang, double x, int decimals)
{
	const char *group = is_fr(lang) ? NNBSP : ",";
	const char *point = is_fr(lang) ? "," : ".";
	char digits[320], frac[32];     /* DBL_MAX has 309 digits */
	unsigned long long scale = 1, v, ip, fp;
	int d, i, n, auto_dec = decimals < 0;

	if (isnan(x) || isinf(x)) {
		buf_puts(b, isnan(x) ? "NaN" : x < 0 ? "-∞" : "∞");
		return;
	}
	d = auto_dec ? 2 : decimals > 6 ? 6 : decimals;
	for (i = 0; i < d; i++)
		scale *= 10;
	frac[0] = '\0';
	if (fabs(x) * (double)scale >= 9007199254740992.0) {
		/* past 2^53 the scaled product is not exact: the digits of
		 * x itself, correctly rounded by printf */
		char *dot;

		snprintf(digits, sizeof(digits), "%.*f", d, fabs(x));
		if ((dot = strchr(digits, '.')) != NULL) {
			snprintf(frac, sizeof(frac), "%s", dot + 1);
			*dot = '\0';
		} else
			d = 0;
		fp = 0;
	} else {
		v = (unsigned long long)llround(fabs(x) * (double)scale);
		ip = v / scale;
		fp = v % scale;
		snprintf(digits, sizeof(digits), "%llu", ip);
		if (x < 0 && v == 0)
			x = 0;          /* no "-0" */
	}
	if (x < 0)
		buf_putc(b, '-');
	n = (int)strlen(digits);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_puts(b, group);
		buf_putc(b, digits[i]);
	}
	if (d == 0)
		return;
	if (frac[0] == '\0')
		snprintf(frac, sizeof(frac), "%0*llu", d, fp);
	if (auto_dec) {
		for (n = d; n > 0 && frac[n - 1] == '0'; n--)
			frac[n - 1] = '\0';
		if (n == 0)
			return;
	}
	buf_puts(b, point);
	buf_puts(b, frac);
}

/* "1 250 000 XOF" (fr), "XOF 1,250,000" (en); cents only when needed. */
void
format_money(struct buf *b, const char *lang, double x,
    const char *currency)
{
	int dec = x != floor(x) ? 2 : 0;

	if (currency == NULL || *currency == '\0') {
		format_number(b, lang, x, dec);
		return;
	}
	if (is_fr(lang)) {
		format_number(b, lang, x, dec);
		buf_puts(b, NBSP);
		buf_puts(b, currency);
	} else {
		buf_puts(b, currency);
		buf_puts(b, NBSP);
		format_number(b, lang, x, dec);
	}
}

int
format_isodate(const char *iso, int *yp, int *mp, int *dp)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, i, leap;

	if (iso == NULL || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
			return 0;
	y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 +
	    (iso[2] - '0') * 10 + (iso[3] - '0');
	m = (iso[5] - '0') * 10 + (iso[6] - '0');
	d = (iso[8] - '0') * 10 + (iso[9] - '0');
	if (m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[m - 1] + (m == 2 && leap))
		return 0;
	if (yp != NULL)
		*yp = y;
	if (mp != NULL)
		*mp = m;
	if (dp != NULL)
		*dp = d;
	return 1;
}

/* "15 février 2027", "1er mars 2027" / "February 15, 2027". */
int
format_date(struct buf *b, const char *lang, const char *iso)
{
	int y, m, d;

	if (!format_isodate(iso, &y, &m, &d))
		return 0;
	if (is_fr(lang))
		buf_printf(b, "%d%s %s %d", d, d == 1 ? "er" : "",
		    months_fr[m - 1], y);
	else
		buf_printf(b, "%s %d, %d", months_en[m - 1], d, y);
	return 1;
}

/* SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
long long
format_epoch(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (e == NULL || *e == '\0')
		return (long long)time(NULL);
	v = strtoll(e, &end, 10);
	if (*end != '\0' || v < 0)
		return (long long)time(NULL);
	return v;
}

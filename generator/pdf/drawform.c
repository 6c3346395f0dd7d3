/*
 * drawform.c: what a text field shows, drawn by pactkit rather than left
 * to each viewer.  In: a field's box and value; out: its appearance
 * stream (/AP /N) and default appearance (/DA) in the form font, the
 * sans face embedded as a WinAnsi TrueType font (draw_formfont): one
 * line shrunk to fit, several wrapped on the writing lines.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "base/pactkit.h"
#include "pdf/internal.h"
#include "pdf/drawer.h"

#define MINSIZE 4.0             /* a long value shrinks down to this */

/* Code points 0x80..0x9F of Windows-1252 (WinAnsiEncoding). */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* UTF-8 s as WinAnsi bytes: what has no code prints as '?', a narrow
 * no-break space as a no-break space, line breaks as spaces unless
 * keep (multi-line: '\n' stays). */
static char *
winansi(const char *s, int keep)
{
	size_t len = strlen(s), i = 0;
	struct buf b = { 0 };
	long cp;
	int k;

	buf_puts(&b, "");
	while (i < len) {
		cp = utf8_next(s, len, &i);
		if (cp == '\n' && keep) {
			buf_putc(&b, '\n');
			continue;
		}
		if (cp == '\r' || cp == '\t' || cp == '\n')
			cp = ' ';
		if (cp == 0x202F || cp == 0x2007)
			cp = 0xA0;
		if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) {
			buf_putc(&b, (int)cp);
			continue;
		}
		for (k = 0; k < 32 && cp1252[k] != cp; k++)
			;
		buf_putc(&b, k < 32 && cp > 0 ? 0x80 + k : '?');
	}
	return buf_detach(&b);
}

/* Width of n WinAnsi bytes at size. */
static double
width(HPDF_Font font, const char *s, size_t n, double size)
{
	HPDF_TextWidth tw;

	if (n == 0)
		return 0;
	tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)n);
	return tw.width * size / 1000.0;
}

/* One line of the appearance: x y Td (bytes) Tj, octal past ASCII. */
static void
put_line(struct buf *b, double x, double y, const char *s, size_t n)
{
	size_t i;

	buf_printf(b, "1 0 0 1 %.2f %.2f Tm (", x, y);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '(' || c == ')' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c >= 0x7F)
			buf_printf(b, "\\%03o", c);
		else
			buf_putc(b, c);
	}
	buf_puts(b, ") Tj\n");
}

/* The lines of s wrapped at w (breaks at spaces and at '\n'); their
 * starts and lengths in *at and *len, how many returned. */
static size_t
wrap(HPDF_Font font, const char *s, double size, double w, size_t **at,
    size_t **len)
{
	size_t n = 0, cap = 0, start = 0, end, sp, i, total = strlen(s);

	*at = *len = NULL;
	while (start <= total) {
		/* the longest run from start that fits, ending at a space */
		end = start;
		sp = (size_t)-1;
		for (i = start; i < total && s[i] != '\n'; i++) {
			if (s[i] == ' ')
				sp = i;
			if (width(font, s + start, i - start + 1, size) > w &&
			    i > start) {
				end = sp != (size_t)-1 && sp > start ? sp : i;
				break;
			}
			end = i + 1;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			*at = xrealloc(*at, cap * sizeof(size_t));
			*len = xrealloc(*len, cap * sizeof(size_t));
		}
		(*at)[n] = start;
		(*len)[n++] = end - start;
		if (end >= total)
			break;
		start = end;
		if (s[start] == ' ' || s[start] == '\n')
			start++;
	}
	return n;
}

/* A form XObject of w x h holding ops, in the form font as /FW. */
static HPDF_Dict
xobject(struct drawer *d, double w, double h, const char *ops)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict s = HPDF_DictStream_New(mm, d->pdf->xref), res, fonts;
	HPDF_Array bbox;
	HPDF_Font font = draw_formfont(d);

	if (s == NULL)
		return NULL;
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_AddName(s, "Type", "XObject");
	HPDF_Dict_AddName(s, "Subtype", "Form");
	bbox = HPDF_Array_New(mm);
	HPDF_Array_AddReal(bbox, 0);
	HPDF_Array_AddReal(bbox, 0);
	HPDF_Array_AddReal(bbox, (HPDF_REAL)w);
	HPDF_Array_AddReal(bbox, (HPDF_REAL)h);
	HPDF_Dict_Add(s, "BBox", bbox);
	res = HPDF_Dict_New(mm);
	if (font != NULL) {
		fonts = HPDF_Dict_New(mm);
		HPDF_Dict_Add(fonts, "FW", font);
		HPDF_Dict_Add(res, "Font", fonts);
	}
	HPDF_Dict_Add(s, "Resources", res);
	HPDF_Stream_WriteStr(s->stream, ops);
	return s;
}

void
drawform_text(struct drawer *d, HPDF_Dict field, double w, double h,
    const char *value, int multiline, double size)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Font font = draw_formfont(d);
	struct buf ops = { 0 }, da = { 0 };
	double wl = d->st->writeline, s = size, lead, y, inner;
	char *t = NULL;
	size_t *at = NULL, *len = NULL, n = 0, i, room;
	HPDF_Dict ap;

	/* one line: the size a viewer picks to fit (0, auto); several:
	 * the text's size, on the writing lines */
	buf_printf(&da, "/FW %d Tf 0 g", multiline ? (int)lround(size) : 0);
	HPDF_Dict_Add(field, "DA", HPDF_String_New(mm, da.data, NULL));
	buf_puts(&ops, "/Tx BMC\n");
	if (value != NULL && *value != '\0' && font != NULL) {
		t = winansi(value, multiline);
		buf_puts(&ops, "q 1 1 ");
		buf_printf(&ops, "%.2f %.2f re W n BT 0 g\n", w - 2, h - 2);
		if (!multiline) {
			inner = w - 6;
			if (width(font, t, strlen(t), s) > inner)
				s = s * inner / width(font, t, strlen(t), s);
			if (s < MINSIZE)
				s = MINSIZE;
			buf_printf(&ops, "/FW %.2f Tf\n", s);
			/* on the writing line, 2 pt above the box's foot */
			put_line(&ops, 3, 2 + 3, t, strlen(t));
		} else {
			/* on the writing lines while they hold it, else
			 * closer lines, smaller */
			room = (size_t)((h - 4) / wl);
			n = wrap(font, t, s, w - 14, &at, &len);
			lead = wl;
			while (n > room && s > MINSIZE) {
				s *= 0.9;
				lead = s * 1.2;
				room = (size_t)((h - 4) / lead);
				free(at);
				free(len);
				n = wrap(font, t, s, w - 14, &at, &len);
			}
			buf_printf(&ops, "/FW %.2f Tf\n", s);
			for (i = 0; i < n && i < room + 1; i++) {
				y = lead == wl ? h - 2 - (double)(i + 1) * wl + 3 :
				    h - 2 - (double)(i + 1) * lead + s * 0.25;
				if (y < 0)
					break;
				put_line(&ops, 7, y, t + at[i], len[i]);
			}
		}
		buf_puts(&ops, "ET Q\n");
	}
	buf_puts(&ops, "EMC\n");
	ap = HPDF_Dict_New(mm);
	HPDF_Dict_Add(ap, "N", xobject(d, w, h, ops.data));
	HPDF_Dict_Add(field, "AP", ap);
	free(t);
	free(at);
	free(len);
	buf_free(&ops);
	buf_free(&da);
}

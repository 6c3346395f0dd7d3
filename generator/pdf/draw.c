/*
 * draw.c: the PDF writer's contact with libharu (with drawdoc.c).  In:
 * boxes in top-left points from pdf.c; out: an HPDF document with
 * embedded TTF faces (UTF-8, ToUnicode patched), text, vectors and images,
 * its pages' contents compressed, and its bytes (draw_finish).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_pages.h>            /* HPDF_Page_GetLocalFontName */
#include <hpdf_utils.h>            /* HPDF_FToA: its number format */
#include <zlib.h>

#include "pdf/internal.h"
#include "pdf/drawer.h"


static void
on_error(HPDF_STATUS no, HPDF_STATUS detail, void *arg)
{
	struct drawer *d = arg;

	/* errors are sticky: report the first, the save then fails */
	if (d->errors++ == 0)
		diag(d->diag, DIAG_ERROR, NULL, 0, 0,
		    "PDF library error 0x%04X (detail %u)",
		    (unsigned)no, (unsigned)detail);
}

struct drawer *
draw_new(struct diag *dg, const struct pdf_style *st)
{
	struct drawer *d;
	int i, ok = 1;

	for (i = 0; i < PF__MAX; i++) {
		if (st->font[i] != NULL && file_isfile(st->font[i]))
			continue;
		if (i == PF_FALLBACK) {
			diag(dg, DIAG_WARN, st->file, 0, 0,
			    "fallback font '%s' not found: characters missing "
			    "from the text fonts print as '?'",
			    st->font[i] ? st->font[i] : "(none)");
			continue;
		}
		diag(dg, DIAG_ERROR, st->file, 0, 0, "font file '%s' not found",
		    st->font[i] ? st->font[i] : "(none)");
		ok = 0;
	}
	if (!ok)
		return NULL;
	d = xcalloc(1, sizeof(*d));
	d->diag = dg;
	d->st = st;
	d->pdf = HPDF_New(on_error, d);
	if (d->pdf == NULL) {
		free(d);
		return NULL;
	}
	HPDF_UseUTFEncodings(d->pdf);
	HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL);
	HPDF_SetCurrentEncoder(d->pdf, "UTF-8");
	for (i = 0; i < PF__MAX; i++)
		if (i == PF_FALLBACK && (st->font[i] == NULL ||
		    !file_isfile(st->font[i])))
			d->broken[i] = 1;
	return d;
}

void
draw_free(struct drawer *d)
{
	int i;

	if (d == NULL)
		return;
	HPDF_Free(d->pdf);
	free(d->pages);
	free(d->phys);
	free(d->dx);
	for (i = 0; i < PF__MAX; i++) {
		free(d->wcache[i]);
		free(d->hcache[i]);
		free(d->drawn[i]);
	}
	buf_free(&d->tj);
	for (i = 0; i < (int)d->nradio; i++)
		free(d->radio[i].name);
	free(d->radio);
	free(d);
}

/* The font definition of face f (metrics and coverage, not embedded). */
static HPDF_FontDef
fontdef(struct drawer *d, int f)
{
	if (d->def[f] != NULL || d->broken[f])
		return d->def[f];
	d->fontname[f] = HPDF_LoadTTFontFromFile(d->pdf, d->st->font[f],
	    HPDF_TRUE);
	if (d->fontname[f] == NULL) {
		diag(d->diag, DIAG_ERROR, d->st->file, 0, 0,
		    "%s: not a usable TrueType font", d->st->font[f]);
		d->broken[f] = 1;
		HPDF_ResetError(d->pdf);
		d->errors = 0;
		return NULL;
	}
	d->def[f] = HPDF_GetFontDef(d->pdf, d->fontname[f]);
	return d->def[f];
}

/*
 * libharu 2.3.0 writes an identity *CID* CMap as /ToUnicode, which
 * poppler rejects ("Invalid 'begincidrange'").  Codes are Unicode code
 * points here, so a bfrange identity over the BMP (surrogates left out)
 * is the right map.
 */
static void
fix_tounicode(struct drawer *d, HPDF_Font font)
{
	HPDF_Dict s;
	char line[64];
	int hi, n = 0, inblock = 0;

	s = HPDF_DictStream_New(d->pdf->mmgr, d->pdf->xref);
	if (s == NULL)
		return;
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_WriteStr(s->stream,
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (hi = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		if (!inblock) {
			int left = 0, k;

			for (k = hi; k < 256 && left < 100; k++)
				if (k < 0xD8 || k > 0xDF)
					left++;
			snprintf(line, sizeof(line), "%d beginbfrange\n", left);
			HPDF_Stream_WriteStr(s->stream, line);
			inblock = 1;
			n = left;
		}
		snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n",
		    hi, hi, hi);
		HPDF_Stream_WriteStr(s->stream, line);
		if (--n == 0) {
			HPDF_Stream_WriteStr(s->stream, "endbfrange\n");
			inblock = 0;
		}
	}
	HPDF_Stream_WriteStr(s->stream,
	    "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
	HPDF_Dict_Add(font, "ToUnicode", s);
}

/*
 * HPDF_GetFont with the UTF-8 encoder looks up all 65,536 code points
 * in the face's cmap (a linear search each) to write a CIDToGIDMap and
 * a /W array for the whole BMP.  Here it sees an empty cmap instead, so
 * both come out blank, and draw_save() writes them for the code points
 * the pages use (fix_widths()).
 */
static HPDF_Font
embed(struct drawer *d, int f)
{
	static HPDF_UINT16 end[1] = { 0xFFFF }, start[1] = { 0xFFFF };
	static HPDF_UINT16 rangeoff[1] = { 0 };
	static HPDF_INT16 delta[1] = { 1 };
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)d->def[f]->attr;
	HPDF_TTF_CmapRange keep = a->cmap;
	HPDF_Font font;

	if (a->cmap.format != 4)
		return HPDF_GetFont(d->pdf, d->fontname[f], "UTF-8");
	a->cmap.seg_count_x2 = 2;
	a->cmap.end_count = end;
	a->cmap.start_count = start;
	a->cmap.id_delta = delta;
	a->cmap.id_range_offset = rangeoff;
	font = HPDF_GetFont(d->pdf, d->fontname[f], "UTF-8");
	a->cmap = keep;
	return font;
}

/* Face f, embedded; falls back to the regular serif if it cannot load. */
static HPDF_Font
getfont(struct drawer *d, int f)
{
	if (d->font[f] != NULL)
		return d->font[f];
	if (fontdef(d, f) == NULL)
		return f == PF_SERIF ? NULL : getfont(d, PF_SERIF);
	d->font[f] = embed(d, f);
	if (d->font[f] != NULL)
		fix_tounicode(d, d->font[f]);
	return d->font[f];
}

/* A ToUnicode map for a WinAnsi font: not needed by a reader that knows
 * the encoding, given for every other one (and for pdffonts). */
static void
winansi_tounicode(struct drawer *d, HPDF_Font font)
{
	static const unsigned short hi[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
	};
	HPDF_Dict s = HPDF_DictStream_New(d->pdf->mmgr, d->pdf->xref);
	char line[64];
	int c, n = 0;

	if (s == NULL)
		return;
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_WriteStr(s->stream,
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-WinAnsi-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
	    "2 beginbfrange\n<20> <7E> <0020>\n<A0> <FF> <00A0>\n"
	    "endbfrange\n");
	for (c = 0; c < 32; c++)
		n += hi[c] != 0;
	snprintf(line, sizeof(line), "%d beginbfchar\n", n);
	HPDF_Stream_WriteStr(s->stream, line);
	for (c = 0; c < 32; c++)
		if (hi[c] != 0) {
			snprintf(line, sizeof(line), "<%02X> <%04X>\n",
			    0x80 + c, hi[c]);
			HPDF_Stream_WriteStr(s->stream, line);
		}
	HPDF_Stream_WriteStr(s->stream, "endbfchar\nendcmap\n"
	    "CMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Dict_Add(font, "ToUnicode", s);
}

HPDF_Font
draw_formfont(struct drawer *d)
{
	HPDF_BYTE all[224];
	int c, n = 0;

	if (d->formfont != NULL || fontdef(d, PF_SANS) == NULL)
		return d->formfont;
	d->formfont = HPDF_GetFont(d->pdf, d->fontname[PF_SANS],
	    "WinAnsiEncoding");
	if (d->formfont == NULL)
		return NULL;
	/* libharu writes a width, and embeds a glyph, only for the codes
	 * it measured: all of them, so that any value typed shows */
	for (c = 32; c < 256; c++)
		if (c != 127 && c != 0x81 && c != 0x8D && c != 0x8F &&
		    c != 0x90 && c != 0x9D)
			all[n++] = (HPDF_BYTE)c;
	HPDF_Font_TextWidth(d->formfont, all, (HPDF_UINT)n);
	winansi_tounicode(d, d->formfont);
	return d->formfont;
}

/* The CIDToGIDMap and /W of face f's font, for the code points drawn
 * (CID = code point; the map ends after the last one). */
static void
fix_widths(struct drawer *d, int f)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)d->font[f]->attr;
	HPDF_FontDef fd = d->def[f];
	HPDF_Array w, run = NULL;
	unsigned char *map;
	long cp, last = 0, prev = -2;
	int gid, adv;

	if (fa->map_stream == NULL || fa->descendant_font == NULL ||
	    (w = HPDF_Dict_GetItem(fa->descendant_font, "W",
	    HPDF_OCLASS_ARRAY)) == NULL)
		return;     /* the whole map as libharu made it */
	if (d->drawn[f] == NULL)
		d->drawn[f] = xcalloc(65536 / 8, 1);
	for (cp = 0; cp <= 0xFFFF; cp++)
		if (d->drawn[f][cp >> 3] & (1 << (cp & 7)))
			last = cp;
	map = xcalloc((size_t)last + 1, 2);
	HPDF_Array_Clear(w);
	for (cp = 0; cp <= last; cp++) {
		if (!(d->drawn[f][cp >> 3] & (1 << (cp & 7))))
			continue;
		gid = HPDF_TTFontDef_GetGlyphid(fd, (HPDF_UINT16)cp);
		map[2 * cp] = (unsigned char)(gid >> 8);
		map[2 * cp + 1] = (unsigned char)gid;
		adv = HPDF_TTFontDef_GetGidWidth(fd, (HPDF_UINT16)gid);
		if (adv == fd->missing_width)
			continue;       /* /DW */
		if (run == NULL || cp != prev + 1) {
			HPDF_Array_AddNumber(w, (HPDF_INT32)cp);
			run = HPDF_Array_New(d->pdf->mmgr);
			HPDF_Array_Add(w, run);
		}
		HPDF_Array_AddNumber(run, adv);
		prev = cp;
	}
	HPDF_MemStream_FreeData(fa->map_stream->stream);
	HPDF_Stream_Write(fa->map_stream->stream, map,
	    (HPDF_UINT)(2 * (last + 1)));
	free(map);
}

int
draw_has(struct drawer *d, int f, long cp)
{
	HPDF_FontDef fd;

	if (cp < 0 || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp == ' ')
		return 1;
	/* libharu searches the cmap on every call: ask once per code point */
	if (d->hcache[f] == NULL) {
		d->hcache[f] = xmalloc(65536);
		memset(d->hcache[f], -1, 65536);
	}
	if (d->hcache[f][cp] >= 0)
		return d->hcache[f][cp];
	if ((fd = fontdef(d, f)) == NULL)
		return 0;
	d->hcache[f][cp] = HPDF_TTFontDef_GetGlyphid(fd, (HPDF_UINT16)cp) != 0;
	return d->hcache[f][cp];
}

double
draw_width(struct drawer *d, int f, double size, const char *s, size_t len)
{
	/* the metrics alone: a face is embedded when drawn, not measured */
	HPDF_FontDef fd = fontdef(d, f);
	size_t i = 0;
	long cp, w = 0;

	if (fd == NULL && f != PF_SERIF)
		fd = fontdef(d, PF_SERIF);
	if (fd == NULL)
		return 0;
	if (d->wcache[f] == NULL) {
		size_t k;

		d->wcache[f] = xmalloc(65536 * sizeof(short));
		for (k = 0; k < 65536; k++)
			d->wcache[f][k] = WNONE;
	}
	while (i < len) {
		cp = utf8_next(s, len, &i);
		if (cp < 0)
			break;
		if (cp > 0xFFFF) {
			w += HPDF_TTFontDef_GetCharWidth(fd, (HPDF_UINT16)cp);
			continue;
		}
		if (d->wcache[f][cp] == WNONE)
			d->wcache[f][cp] = HPDF_TTFontDef_GetCharWidth(fd,
			    (HPDF_UINT16)cp);
		w += d->wcache[f][cp];
	}
	return (double)w * size / 1000.0;
}

static void
run_add(struct run **out, size_t *n, size_t *cap, int f, const char *s,
    size_t len)
{
	struct run *r;

	if (*n > 0 && (*out)[*n - 1].font == f) {
		r = &(*out)[*n - 1];
		r->text = xrealloc(r->text, r->len + len + 1);
		memcpy(r->text + r->len, s, len);
		r->len += len;
		r->text[r->len] = '\0';
		return;
	}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		*out = xrealloc(*out, *cap * sizeof(**out));
	}
	r = &(*out)[(*n)++];
	r->font = f;
	r->text = xstrndup(s, len);
	r->len = len;
}

size_t
draw_split(struct drawer *d, int f, const char *s, size_t len,
    struct run **out, void (*warn)(void *, long, int, int), void *arg)
{
	size_t i = 0, start, n = 0, cap = 0;
	long cp;

	*out = NULL;
	while (i < len) {
		start = i;
		/* a span the face has, at once (not a realloc a character) */
		while (i < len && (unsigned char)s[i] < 0x80 &&
		    (draw_has(d, f, (unsigned char)s[i]) || s[i] == '\t' ||
		    s[i] == '\n'))
			i++;
		if (i > start) {
			run_add(out, &n, &cap, f, s + start, i - start);
			continue;
		}
		cp = utf8_next(s, len, &i);
		if (cp < 0) {
			/* a bad byte: skip it alone */
			i = start + 1;
			if (warn != NULL)
				warn(arg, -1, 0, f);
			run_add(out, &n, &cap, f, "?", 1);
			continue;
		}
		if (draw_has(d, f, cp) || cp == '\t' || cp == '\n') {
			run_add(out, &n, &cap, f, s + start, i - start);
			continue;
		}
		if (!d->broken[PF_FALLBACK] && draw_has(d, PF_FALLBACK, cp)) {
			if (warn != NULL)
				warn(arg, cp, 1, f);
			run_add(out, &n, &cap, PF_FALLBACK, s + start,
			    i - start);
		} else {
			if (warn != NULL)
				warn(arg, cp, 0, f);
			run_add(out, &n, &cap, f, "?", 1);
		}
	}
	return n;
}

void
draw_runs_free(struct run *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(r[i].text);
	free(r);
}

void
draw_pages(struct drawer *d, int n, double w, double h)
{
	int i;

	d->pages = xrealloc(d->pages, (size_t)(d->npages + n) *
	    sizeof(*d->pages));
	for (i = 0; i < n; i++) {
		HPDF_Page p = HPDF_AddPage(d->pdf);

		HPDF_Page_SetWidth(p, (HPDF_REAL)w);
		HPDF_Page_SetHeight(p, (HPDF_REAL)h);
		d->pages[d->npages++] = p;
	}
	d->pageh = h;
}

/*
 * Text goes into the page as one TJ array per run of pieces on one
 * baseline in one face, size and colour: a word is a string, the space
 * before the next word a displacement.  libharu would write a Td and a
 * Tj per word (and has no TJ); Tw cannot be used, as it does not apply
 * to two-byte codes.  The array is written straight into the page's
 * content stream, inside a BT that libharu opened.
 */

/* q / 10^nd as a PDF number, trailing zeros dropped; not printf's %f,
 * which follows the locale. */
static void
putfixed(struct buf *b, long long q, int nd)
{
	static const long long scale[] = { 1, 10, 100, 1000, 10000, 100000 };
	char tmp[32];
	int n = 0;
	long long ip, fp;

	if (q < 0) {
		buf_putc(b, '-');
		q = -q;
	}
	ip = q / scale[nd];
	fp = q % scale[nd];
	do {
		tmp[n++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	while (n > 0)
		buf_putc(b, tmp[--n]);
	if (fp == 0)
		return;
	while (fp % 10 == 0) {
		fp /= 10;
		nd--;
	}
	buf_putc(b, '.');
	for (n = 0; n < nd; n++) {
		tmp[n] = (char)('0' + fp % 10);
		fp /= 10;
	}
	while (n > 0)
		buf_putc(b, tmp[--n]);
}

/* v with at most nd (<= 4) decimals. */
static void
putnum(struct buf *b, double v, int nd)
{
	static const double scale[] = { 1, 10, 100, 1000, 10000 };
	long long q = llround(fabs(v) * scale[nd]);

	putfixed(b, v < 0 ? -q : q, nd);
}

/* s as a string of two-byte codes (code point = CID, as libharu's UTF-8
 * encoder has it), marking each in bits.  A literal string, not hex as
 * libharu writes: half the bytes to write and to compress. */
static void
putcodes(struct buf *b, unsigned char *bits, const char *s)
{
	size_t i = 0, len = strlen(s);
	char *o;
	long cp;

	buf_grow(b, 4 * len + 2);   /* an escaped byte pair at most */
	o = b->data + b->len;
	*o++ = '(';
	while (i < len) {
		size_t at = i;
		int k, c;

		cp = utf8_next(s, len, &i);
		if (i <= at)
			i = at + 1;
		if (cp < 0)
			cp = '?';
		else if (cp > 0xFFFF)
			cp = ' ';       /* what libharu writes */
		bits[cp >> 3] |= (unsigned char)(1 << (cp & 7));
		for (k = 0; k < 2; k++) {
			c = k == 0 ? (int)(cp >> 8) : (int)(cp & 0xFF);
			if (c == '(' || c == ')' || c == '\\') {
				*o++ = '\\';
				*o++ = (char)c;
			} else if (c == '\r' || c == '\n') {
				*o++ = '\\';
				*o++ = c == '\r' ? 'r' : 'n';
			} else
				*o++ = (char)c;
		}
	}
	*o++ = ')';
	b->len = (size_t)(o - b->data);
	b->data[b->len] = '\0';
}

/* A number in HPDF_FToA's format, in units of 1e-5. */
static long long
ftoa_units(float v)
{
	char num[32], *p = num;
	long long u = 0;
	int neg = 0, nd = -1;

	if (v == 0)
		return 0;       /* FToA's "0" (most words: no move up or down) */
	*HPDF_FToA(num, v, num + 30) = '\0';
	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p != '\0'; p++) {
		if (*p == '.') {
			nd = 0;
			continue;
		}
		u = u * 10 + (*p - '0');
		if (nd >= 0)
			nd++;
	}
	for (nd = nd < 0 ? 0 : nd; nd < 5; nd++)
		u *= 10;
	return neg ? -u : u;
}

/* u (in 1e-5) as a PDF number. */
static void
putunits(struct buf *b, long long u)
{
	putfixed(b, u, 5);
}

/* Closes the open TJ array, if any, into the page. */
static void
flush_tj(struct drawer *d)
{
	HPDF_PageAttr attr;

	if (d->tj.len == 0)
		return;
	buf_puts(&d->tj, "] TJ\n");
	attr = (HPDF_PageAttr)d->page->attr;
	if (HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)d->tj.data,
	    (HPDF_UINT)d->tj.len) != HPDF_OK)
		HPDF_CheckError(d->page->error);
	buf_reset(&d->tj);
}

void
draw_endtext(struct drawer *d)
{
	flush_tj(d);
	if (d->intext) {
		HPDF_Page_EndText(d->page);
		d->intext = 0;
	}
}

void
draw_select(struct drawer *d, int page)
{
	if (d->nlogical > 0) {
		/* imposed: the sheet side, translated to the page's half */
		if (page < 0 || page >= d->nlogical || page == d->cur)
			return;
		if (d->page != NULL)
			draw_endtext(d);
		if (d->moved)
			HPDF_Page_GRestore(d->page);
		d->cur = page;
		d->page = d->pages[d->phys[page]];
		d->pageh = HPDF_Page_GetHeight(d->page);
		HPDF_Page_GSave(d->page);
		HPDF_Page_Concat(d->page, 1, 0, 0, 1, (HPDF_REAL)d->dx[page],
		    0);
		d->moved = 1;
		return;
	}
	if (page < 0 || page >= d->npages || d->page == d->pages[page])
		return;
	if (d->page != NULL)
		draw_endtext(d);
	d->page = d->pages[page];
	d->pageh = HPDF_Page_GetHeight(d->page);
}

void
draw_impose(struct drawer *d, int n, const int *phys, const double *dx)
{
	d->phys = xcalloc((size_t)n + 1, sizeof(int));
	d->dx = xcalloc((size_t)n + 1, sizeof(double));
	memcpy(d->phys, phys, (size_t)n * sizeof(int));
	memcpy(d->dx, dx, (size_t)n * sizeof(double));
	d->nlogical = n;
	d->cur = -1;
}

void
draw_rgb(unsigned c, double *r, double *g, double *b)
{
	*r = ((c >> 16) & 0xff) / 255.0;
	*g = ((c >> 8) & 0xff) / 255.0;
	*b = (c & 0xff) / 255.0;
}

/*
 * In a text object: what HPDF_Page_SetFontAndSize and _SetRGBFill write
 * and record, the same bytes, without the 512-byte buffer each of them
 * clears a byte at a time: two thirds of their time, and a tagged PDF
 * calls them thousands of times (each marked content's BT sets the font
 * and colour anew).  Anything unusual goes to libharu's own.
 */
static void
text_font(struct drawer *d, HPDF_Font font, HPDF_REAL size)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)d->page->attr;
	const char *name = NULL;
	char num[64], *p;

	if (size > 0 && size <= HPDF_MAX_FONTSIZE && font != NULL &&
	    font->mmgr == d->page->mmgr)
		name = HPDF_Page_GetLocalFontName(d->page, font);
	if (name == NULL) {
		HPDF_Page_SetFontAndSize(d->page, font, size);
		return;
	}
	num[0] = ' ';
	p = HPDF_FToA(num + 1, size, num + 40);
	memcpy(p, " Tf\012", 5);
	if (HPDF_Stream_WriteEscapeName(attr->stream, name) != HPDF_OK ||
	    HPDF_Stream_WriteStr(attr->stream, num) != HPDF_OK) {
		HPDF_CheckError(d->page->error);
		return;
	}
	attr->gstate->font = font;
	attr->gstate->font_size = size;
	attr->gstate->writing_mode = ((HPDF_FontAttr)font->attr)->writing_mode;
}

static void
text_fill(struct drawer *d, HPDF_REAL r, HPDF_REAL g, HPDF_REAL b)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)d->page->attr;
	char num[96], *p;

	if (r < 0 || r > 1 || g < 0 || g > 1 || b < 0 || b > 1) {
		HPDF_Page_SetRGBFill(d->page, r, g, b);
		return;
	}
	p = HPDF_FToA(num, r, num + 30);
	*p++ = ' ';
	p = HPDF_FToA(p, g, p + 30);
	*p++ = ' ';
	p = HPDF_FToA(p, b, p + 30);
	memcpy(p, " rg\012", 5);
	if (HPDF_Stream_WriteStr(attr->stream, num) != HPDF_OK) {
		HPDF_CheckError(d->page->error);
		return;
	}
	attr->gstate->rgb_fill.r = r;
	attr->gstate->rgb_fill.g = g;
	attr->gstate->rgb_fill.b = b;
	attr->gstate->cs_fill = HPDF_CS_DEVICE_RGB;
}

void
draw_text(struct drawer *d, int f, double size, unsigned color, double x,
    double base, const char *s)
{
	HPDF_Font font = getfont(d, f);
	double r, g, b, w, y, adj, target;
	float dx, dy;
	long long ux, uy;
	int own;

	if (font == NULL || d->page == NULL || *s == '\0')
		return;
	if (!d->intext) {
		HPDF_Page_BeginText(d->page);
		d->intext = 1;
		d->tfont = -1;
		d->tcolor = 0x1000000;
		d->hx = d->hy = 0;
		d->ox = d->oy = d->qx = d->qy = 0;
	}
	/*
	 * Where libharu's TextOut put it: its position moved by single-
	 * precision differences printed by HPDF_FToA.  Text extraction
	 * orders table cells by differences as small as that rounding, so
	 * each line starts exactly there (and a word in a TJ within
	 * 1e-4 pt of it).
	 */
	y = d->pageh - base;
	dx = (float)x - d->hx;
	dy = (float)y - d->hy;
	d->hx += dx;
	d->hy += dy;
	ux = ftoa_units(dx);
	uy = ftoa_units(dy);
	d->ox += ux;
	d->oy += uy;
	/* its Tj drew nothing for text of no width (after the move) */
	if ((w = draw_width(d, f, size, s, strlen(s))) == 0)
		return;
	if (d->tfont != f || d->tsize != size) {
		flush_tj(d);
		text_font(d, font, (HPDF_REAL)size);
		d->tfont = f;
		d->tsize = size;
	}
	if (d->tcolor != color) {
		flush_tj(d);
		draw_rgb(color, &r, &g, &b);
		text_fill(d, (HPDF_REAL)r, (HPDF_REAL)g, (HPDF_REAL)b);
		d->tcolor = color;
	}
	target = (double)d->ox / 1e5;
	if (d->tj.len > 0 && uy == 0 && target - d->pen > -0.001) {
		/* the same line: move by the gap, in 1/1000 of the size */
		adj = round((d->pen - target) * 1e5 / size) / 1e2;
		if (adj != 0) {
			buf_putc(&d->tj, ' ');
			putnum(&d->tj, adj, 2);
			buf_putc(&d->tj, ' ');
			d->pen -= adj * size / 1000.0;
		}
	} else {
		/* a new line origin, relative to the last one */
		flush_tj(d);
		putunits(&d->tj, d->ox - d->qx);
		buf_putc(&d->tj, ' ');
		putunits(&d->tj, d->oy - d->qy);
		buf_puts(&d->tj, " Td [");
		d->qx = d->ox;
		d->qy = d->oy;
		d->pen = target;
	}
	/* the glyphs fix_widths() maps, in the font actually used */
	own = d->font[f] == font ? f : PF_SERIF;
	if (d->drawn[own] == NULL)
		d->drawn[own] = xcalloc(65536 / 8, 1);
	putcodes(&d->tj, d->drawn[own], s);
	d->pen += w;
}

void
draw_rule(struct drawer *d, double x1, double y1, double x2, double y2,
    double lw, unsigned color, int dash)
{
	static const HPDF_UINT16 pat[] = { 3, 2 };
	double r, g, b;

	if (d->page == NULL)
		return;
	draw_endtext(d);
	HPDF_Page_GSave(d->page);
	draw_rgb(color, &r, &g, &b);
	HPDF_Page_SetRGBStroke(d->page, (HPDF_REAL)r, (HPDF_REAL)g,
	    (HPDF_REAL)b);
	HPDF_Page_SetLineWidth(d->page, (HPDF_REAL)lw);
	if (dash)
		HPDF_Page_SetDash(d->page, pat, 2, 0);
	HPDF_Page_MoveTo(d->page, (HPDF_REAL)x1, (HPDF_REAL)(d->pageh - y1));
	HPDF_Page_LineTo(d->page, (HPDF_REAL)x2, (HPDF_REAL)(d->pageh - y2));
	HPDF_Page_Stroke(d->page);
	HPDF_Page_GRestore(d->page);
}

void
draw_rect(struct drawer *d, double x, double y, double w, double h,
    int hasfill, unsigned fill, double lw, unsigned stroke)
{
	double r, g, b;

	if (d->page == NULL || (!hasfill && lw <= 0))
		return;
	draw_endtext(d);
	HPDF_Page_GSave(d->page);
	if (hasfill) {
		draw_rgb(fill, &r, &g, &b);
		HPDF_Page_SetRGBFill(d->page, (HPDF_REAL)r, (HPDF_REAL)g,
		    (HPDF_REAL)b);
	}
	if (lw > 0) {
		draw_rgb(stroke, &r, &g, &b);
		HPDF_Page_SetRGBStroke(d->page, (HPDF_REAL)r, (HPDF_REAL)g,
		    (HPDF_REAL)b);
		HPDF_Page_SetLineWidth(d->page, (HPDF_REAL)lw);
	}
	HPDF_Page_Rectangle(d->page, (HPDF_REAL)x,
	    (HPDF_REAL)(d->pageh - y - h), (HPDF_REAL)w, (HPDF_REAL)h);
	if (hasfill && lw > 0)
		HPDF_Page_FillStroke(d->page);
	else if (hasfill)
		HPDF_Page_Fill(d->page);
	else
		HPDF_Page_Stroke(d->page);
	HPDF_Page_GRestore(d->page);
}

/* Paths: draw_style (GSave, paint set), points, then draw_paint. */

void
draw_moveto(struct drawer *d, double x, double y)
{
	if (d->page == NULL || !d->inpath)
		return;
	HPDF_Page_MoveTo(d->page, (HPDF_REAL)x, (HPDF_REAL)(d->pageh - y));
	d->pathops++;
}

void
draw_lineto(struct drawer *d, double x, double y)
{
	if (d->page == NULL || !d->inpath || d->pathops == 0)
		return;
	HPDF_Page_LineTo(d->page, (HPDF_REAL)x, (HPDF_REAL)(d->pageh - y));
}

void
draw_closepath(struct drawer *d)
{
	if (d->page == NULL || !d->inpath || d->pathops == 0)
		return;
	HPDF_Page_ClosePath(d->page);
}

void
draw_circle(struct drawer *d, double x, double y, double r)
{
	if (d->page == NULL || r <= 0 || !d->inpath)
		return;
	HPDF_Page_Circle(d->page, (HPDF_REAL)x, (HPDF_REAL)(d->pageh - y),
	    (HPDF_REAL)r);
	d->pathops++;
}

void
draw_clip(struct drawer *d, double x, double y, double w, double h)
{
	if (d->page == NULL)
		return;
	draw_endtext(d);
	HPDF_Page_GSave(d->page);
	HPDF_Page_Rectangle(d->page, (HPDF_REAL)x,
	    (HPDF_REAL)(d->pageh - y - h), (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Clip(d->page);
	HPDF_Page_EndPath(d->page);
}

void
draw_unclip(struct drawer *d)
{
	if (d->page == NULL)
		return;
	if (d->inpath)
		draw_paint(d);
	draw_endtext(d);
	HPDF_Page_GRestore(d->page);
}

/* An ExtGState for these opacities (made once per pair). */
static HPDF_ExtGState
gstate(struct drawer *d, double fo, double so)
{
	int i;

	for (i = 0; i < d->ngs; i++)
		if (d->gsf[i] == fo && d->gss[i] == so)
			return d->gs[i];
	if (d->ngs == NGS)
		return d->gs[NGS - 1];
	d->gs[d->ngs] = HPDF_CreateExtGState(d->pdf);
	HPDF_ExtGState_SetAlphaFill(d->gs[d->ngs], (HPDF_REAL)fo);
	HPDF_ExtGState_SetAlphaStroke(d->gs[d->ngs], (HPDF_REAL)so);
	d->gsf[d->ngs] = fo;
	d->gss[d->ngs] = so;
	return d->gs[d->ngs++];
}

void
draw_style(struct drawer *d, int hasfill, unsigned fill, int hasstroke,
    unsigned stroke, double lw, const double *dash, int ndash,
    double fillop, double strokeop)
{
	HPDF_UINT16 pat[8];
	double r, g, b;
	int i, n = 0;

	if (d->page == NULL)
		return;
	if (d->inpath)
		draw_paint(d);
	draw_endtext(d);
	HPDF_Page_GSave(d->page);
	d->inpath = 1;
	d->pathops = 0;
	d->pfill = hasfill;
	d->pstroke = hasstroke;
	if (fillop < 0.999 || strokeop < 0.999)
		HPDF_Page_SetExtGState(d->page, gstate(d, fillop, strokeop));
	if (hasfill) {
		draw_rgb(fill, &r, &g, &b);
		HPDF_Page_SetRGBFill(d->page, (HPDF_REAL)r, (HPDF_REAL)g,
		    (HPDF_REAL)b);
	}
	if (hasstroke) {
		draw_rgb(stroke, &r, &g, &b);
		HPDF_Page_SetRGBStroke(d->page, (HPDF_REAL)r, (HPDF_REAL)g,
		    (HPDF_REAL)b);
		HPDF_Page_SetLineWidth(d->page, (HPDF_REAL)(lw > 0 ? lw : 1));
		for (i = 0; i < ndash && n < 8; i++)
			if (dash[i] >= 0.5 && dash[i] < 65535)
				pat[n++] = (HPDF_UINT16)lround(dash[i]);
		if (n > 0 && n == ndash)
			HPDF_Page_SetDash(d->page, pat, (HPDF_UINT)n, 0);
	}
}

void
draw_paint(struct drawer *d)
{
	if (d->page == NULL || !d->inpath)
		return;
	if (d->pathops > 0) {
		if (d->pfill && d->pstroke)
			HPDF_Page_FillStroke(d->page);
		else if (d->pfill)
			HPDF_Page_Fill(d->page);
		else if (d->pstroke)
			HPDF_Page_Stroke(d->page);
		else
			HPDF_Page_EndPath(d->page);
	}
	HPDF_Page_GRestore(d->page);
	d->inpath = 0;
}

void *
draw_image_raw(struct drawer *d, const unsigned char *px, unsigned w,
    unsigned h, int gray, const unsigned char *alpha)
{
	HPDF_Image im, mask;

	im = HPDF_LoadRawImageFromMem(d->pdf, px, w, h, gray ?
	    HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
	if (im != NULL && alpha != NULL) {
		mask = HPDF_LoadRawImageFromMem(d->pdf, alpha, w, h,
		    HPDF_CS_DEVICE_GRAY, 8);
		if (mask == NULL || HPDF_Dict_Add(im, "SMask", mask) != HPDF_OK)
			im = NULL;
	}
	if (im == NULL)
		HPDF_ResetError(d->pdf);
	return im;
}

void *
draw_image_jpeg(struct drawer *d, const unsigned char *data, size_t len)
{
	HPDF_Image im = HPDF_LoadJpegImageFromMem(d->pdf, data,
	    (HPDF_UINT)len);

	if (im == NULL)
		HPDF_ResetError(d->pdf);
	return im;
}

void
draw_image(struct drawer *d, void *image, double x, double y, double w,
    double h)
{
	if (d->page == NULL || image == NULL)
		return;
	draw_endtext(d);
	HPDF_Page_DrawImage(d->page, (HPDF_Image)image, (HPDF_REAL)x,
	    (HPDF_REAL)(d->pageh - y - h), (HPDF_REAL)w, (HPDF_REAL)h);
}

static HPDF_STATUS
flate_name(HPDF_Dict obj, HPDF_Stream out)
{
	(void)obj;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* The flate of a stream of libharu's (in memory, not yet written) at
 * PAGE_ZLEVEL; then libharu writes its bytes as they are and
 * flate_name() names the filter.  1 done, 0 left to libharu. */
static int
deflate_stream(HPDF_Dict obj, struct buf *z, int level)
{
	HPDF_Stream st = obj->stream;
	z_stream zs;
	HPDF_UINT k, n, len;
	int rc = Z_OK;

	if (st == NULL || st->type != HPDF_STREAM_MEMORY ||
	    !(obj->filter & HPDF_STREAM_FILTER_FLATE_DECODE) ||
	    obj->write_fn != NULL)
		return 0;
	memset(&zs, 0, sizeof(zs));
	if (deflateInit(&zs, level) != Z_OK)
		return 0;
	buf_reset(z);
	buf_grow(z, deflateBound(&zs, st->size));
	zs.next_out = (Bytef *)z->data;
	zs.avail_out = (uInt)(z->cap - 1);
	n = HPDF_MemStream_GetBufCount(st);
	for (k = 0; k < n && rc == Z_OK; k++) {
		zs.next_in = HPDF_MemStream_GetBufPtr(st, k, &len);
		zs.avail_in = len;
		rc = deflate(&zs, k + 1 == n ? Z_FINISH : Z_NO_FLUSH);
	}
	if (n == 0)
		rc = deflate(&zs, Z_FINISH);
	deflateEnd(&zs);
	if (rc != Z_STREAM_END)
		return 0;
	HPDF_MemStream_FreeData(st);
	HPDF_Stream_Write(st, (HPDF_BYTE *)z->data, (HPDF_UINT)zs.total_out);
	obj->filter = HPDF_STREAM_FILTER_NONE;
	obj->write_fn = flate_name;
	return 1;
}

/*
 * The pages' content streams, compressed here at PAGE_ZLEVEL: libharu's
 * zlib level 6 took twice the time for 4 % less on our text.  libharu
 * then writes the bytes as they are, and flate_name() names the filter
 * (with no filter of its own, libharu removes a /Filter entry).
 */
static void
deflate_pages(struct drawer *d)
{
	struct buf z = { 0 };
	int i;

	for (i = 0; i < d->npages; i++) {
		HPDF_PageAttr pa = (HPDF_PageAttr)d->pages[i]->attr;

		if (pa->contents != NULL)
			deflate_stream(pa->contents, &z, PAGE_ZLEVEL);
	}
	buf_free(&z);
}

/*
 * The embedded fonts, compressed at FONT_ZLEVEL: libharu makes a font's
 * file (the glyphs used) just before it writes the font's dictionary,
 * and the file after, so that step is wrapped: libharu's own, then the
 * file's flate.  Level 6 took two and a half times as long for 2 % fewer
 * bytes: a third of a build's time.  Level 1 against 4, on the bench's
 * 30-page book: 3 % more font bytes (+6.7 KB, 0.6 % of the file) for
 * 16M fewer instructions (2 % of the build); pages stay at 4 (level 1:
 * 13 % more bytes).
 */
static HPDF_Dict_BeforeWriteFunc font_before;   /* libharu's, one for all */

static HPDF_STATUS
font_written(HPDF_Dict obj)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)obj->attr;
	HPDF_STATUS rc = font_before(obj);
	HPDF_Dict file;
	struct buf z = { 0 };

	if (rc != HPDF_OK || fa == NULL || fa->fontdef == NULL ||
	    fa->fontdef->descriptor == NULL)
		return rc;
	file = HPDF_Dict_GetItem(fa->fontdef->descriptor, "FontFile2",
	    HPDF_OCLASS_DICT);
	if (file != NULL)
		deflate_stream(file, &z, FONT_ZLEVEL);
	buf_free(&z);
	return HPDF_OK;
}

static void
deflate_fonts(struct drawer *d)
{
	int f;

	for (f = 0; f < PF__MAX; f++) {
		HPDF_Dict font = d->font[f];
		HPDF_FontAttr fa;

		if (font == NULL)
			continue;
		fa = (HPDF_FontAttr)font->attr;
		if (fa == NULL || fa->type != HPDF_FONT_TYPE0_TT ||
		    fa->fontdef == NULL || fa->fontdef->descriptor != NULL ||
		    font->before_write_fn == NULL ||
		    font->before_write_fn == font_written)
			continue;
		if (font_before == NULL)
			font_before = font->before_write_fn;
		if (font->before_write_fn == font_before)
			font->before_write_fn = font_written;
	}
}

void
draw_close_pages(struct drawer *d)
{
	if (d->page != NULL)
		draw_endtext(d);
	if (d->moved) {
		HPDF_Page_GRestore(d->page);
		d->moved = 0;
	}
	if (d->errors == 0)
		deflate_pages(d);
}

char *
draw_finish(struct drawer *d, const char *path, size_t *len)
{
	HPDF_UINT32 size, got;
	HPDF_STATUS st;
	HPDF_BYTE *buf;
	int f;

	draw_close_pages(d);
	if (d->errors > 0) {
		diag(d->diag, DIAG_ERROR, path, 0, 0, "not written: the PDF "
		    "library reported %d error(s)", d->errors);
		return NULL;
	}
	for (f = 0; f < PF__MAX; f++)
		if (d->font[f] != NULL)
			fix_widths(d, f);
	deflate_fonts(d);
	/* through memory, then out_write like every output file: an
	 * unchanged PDF is kept, and the build's file lists name it */
	if (HPDF_SaveToStream(d->pdf) != HPDF_OK) {
		diag(d->diag, DIAG_ERROR, path, 0, 0, "cannot write the PDF");
		return NULL;
	}
	size = HPDF_GetStreamSize(d->pdf);
	buf = xmalloc(size > 0 ? size : 1);
	got = 0;
	if (d->pdf->stream != NULL &&
	    d->pdf->stream->type == HPDF_STREAM_MEMORY) {
		/* its buffers as they are: libharu's read copies byte by
		 * byte (a tenth of a build's time) */
		HPDF_UINT k, n = HPDF_MemStream_GetBufCount(d->pdf->stream),
		    bl;
		HPDF_BYTE *p;

		for (k = 0; k < n; k++) {
			p = HPDF_MemStream_GetBufPtr(d->pdf->stream, k, &bl);
			if (p == NULL || bl > size - got)
				break;
			memcpy(buf + got, p, bl);
			got += bl;
		}
		st = HPDF_OK;
	} else {
		got = size;
		st = HPDF_ReadFromStream(d->pdf, buf, &got);
	}
	if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) {
		diag(d->diag, DIAG_ERROR, path, 0, 0, "cannot write the PDF");
		free(buf);
		return NULL;
	}
	*len = size;
	return (char *)buf;
}

/*
 * libharu's own memory helpers, replaced: its calls to them go through
 * the PLT, so these definitions in the program stand in for the library's
 * (ELF interposition, as a malloc replacement does).  libharu's copy and
 * fill a byte at a time; every byte of every stream it holds goes
 * through HPDF_MemCpy at least twice, and each operator it writes
 * clears a 512-byte buffer with HPDF_MemSet: a tenth of a PDF's time.
 * The same results, returns included (the end of what was written);
 * HPDF_StrLen as well (a byte at a time, for every string written).
 */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n == 0)
		return out;
	memmove(out, in, n);
	return out + n;
}

void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n == 0)
		return s;
	memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

HPDF_UINT
HPDF_StrLen(const char *s, HPDF_INT maxlen)
{
	if (s == NULL)
		return 0;
	return (HPDF_UINT)(maxlen < 0 ? strlen(s) : strnlen(s, (size_t)maxlen));
}

/*
 * drawpdfa.c: what makes a PDF archival and says what it is.  In: the
 * finished pages and the standard claimed (PDF/UA-1, PDF/A-2a or -2b);
 * out: PDF 1.7, the XMP metadata (xmp.c), the sRGB output intent (the
 * ICC profile of icc-profiles-free), /DisplayDocTitle and a trailer /ID
 * derived from the content, so that the same input gives the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>

#include "base/pactkit.h"
#include "pdf/internal.h"
#include "pdf/drawer.h"

/* The ID: MD5 of what the document is (its pages' compressed content,
 * title, language, date), the same 16 bytes twice as a first version
 * has.  Compressed: a fifth of the bytes to hash (the uncompressed
 * pages' MD5 was a twelfth of a tagged PDF's time). */
static void
trailer_id(struct drawer *d, const char *title, const char *lang,
    long long epoch)
{
	HPDF_MD5_CTX md5;
	HPDF_BYTE digest[16];
	HPDF_Array id;
	char num[32];
	int i;

	draw_close_pages(d);
	HPDF_MD5Init(&md5);
	for (i = 0; i < d->npages; i++) {
		HPDF_PageAttr pa = (HPDF_PageAttr)d->pages[i]->attr;
		HPDF_Stream st = pa->contents != NULL ? pa->contents->stream :
		    NULL;
		HPDF_UINT k, n, len;

		if (st == NULL || st->type != HPDF_STREAM_MEMORY)
			continue;
		n = HPDF_MemStream_GetBufCount(st);
		for (k = 0; k < n; k++) {
			HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(st, k, &len);

			if (p != NULL)
				HPDF_MD5Update(&md5, p, len);
		}
	}
	if (title != NULL)
		HPDF_MD5Update(&md5, (const HPDF_BYTE *)title,
		    (HPDF_UINT32)strlen(title));
	if (lang != NULL)
		HPDF_MD5Update(&md5, (const HPDF_BYTE *)lang,
		    (HPDF_UINT32)strlen(lang));
	snprintf(num, sizeof(num), "%lld", epoch);
	HPDF_MD5Update(&md5, (const HPDF_BYTE *)num, (HPDF_UINT32)strlen(num));
	HPDF_MD5Final(digest, &md5);
	id = HPDF_Array_New(d->pdf->mmgr);
	HPDF_Array_Add(id, HPDF_Binary_New(d->pdf->mmgr, digest, 16));
	HPDF_Array_Add(id, HPDF_Binary_New(d->pdf->mmgr, digest, 16));
	HPDF_Dict_Add(d->pdf->trailer, "ID", id);
}

/* The sRGB output intent; 0 when the profile cannot be read (printed). */
static int
output_intent(struct drawer *d, const char *icc)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict oi, prof;
	HPDF_Array ois;

	prof = HPDF_LoadIccProfileFromFile(d->pdf, icc, 3);
	if (prof == NULL) {
		HPDF_ResetError(d->pdf);
		d->errors = 0;
		diag(d->diag, DIAG_ERROR, icc, 0, 0, "cannot read the sRGB "
		    "colour profile PDF/A needs (Debian package "
		    "icc-profiles-free)");
		return 0;
	}
	prof->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	oi = HPDF_Dict_New(mm);
	HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	HPDF_Dict_Add(oi, "OutputConditionIdentifier",
	    HPDF_String_New(mm, "sRGB", NULL));
	HPDF_Dict_Add(oi, "Info",
	    HPDF_String_New(mm, "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(oi, "DestOutputProfile", prof);
	ois = HPDF_Array_New(mm);
	HPDF_Array_Add(ois, oi);
	HPDF_Dict_Add(d->pdf->catalog, "OutputIntents", ois);
	return 1;
}

int
drawpdfa_finish(struct drawer *d, enum pdf_standard std, const char *title,
    const char *author, const char *subject, const char *lang,
    long long epoch, const char *icc)
{
	HPDF_MMgr mm = d->pdf->mmgr;
	HPDF_Dict vp, md;
	struct xmp x;
	char date[32];
	char *packet;
	struct tm tm;
	time_t t = (time_t)epoch;

	if (std == PDFSTD_NONE)
		return 1;
	d->pdf->pdf_version = HPDF_VER_17;
	/* the title in the window, not the file name */
	vp = HPDF_Dict_New(mm);
	HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
	HPDF_Dict_Add(d->pdf->catalog, "ViewerPreferences", vp);
	memset(&x, 0, sizeof(x));
	x.title = title;
	x.author = author;
	x.subject = subject;
	x.lang = lang;
	gmtime_r(&t, &tm);
	/* as drawdoc_info wrote the Info dates: UTC */
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S+00:00", &tm);
	x.date = date;
	x.creator = HPDF_GetInfoAttr(d->pdf, HPDF_INFO_CREATOR);
	x.producer = HPDF_GetInfoAttr(d->pdf, HPDF_INFO_PRODUCER);
	x.pdfa = std == PDFSTD_UA1 ? 0 : 2;
	x.conformance = std == PDFSTD_A2B ? 'B' : 'A';
	x.ua = std == PDFSTD_UA1_A2A || std == PDFSTD_UA1;
	packet = xmp_packet(&x);
	/* uncompressed, as XMP readers expect */
	md = HPDF_DictStream_New(mm, d->pdf->xref);
	if (md != NULL) {
		HPDF_Dict_AddName(md, "Type", "Metadata");
		HPDF_Dict_AddName(md, "Subtype", "XML");
		HPDF_Stream_Write(md->stream, (const HPDF_BYTE *)packet,
		    (HPDF_UINT)strlen(packet));
		HPDF_Dict_Add(d->pdf->catalog, "Metadata", md);
	}
	free(packet);
	if (x.pdfa && !output_intent(d, icc))
		return 0;
	trailer_id(d, title, lang, epoch);
	return d->errors == 0;
}

/*
 * docx_emf.c: a drawing of docs/contract.md §1's SVG subset as an EMF
 * (Windows enhanced metafile), the picture every DOCX reader shows.
 */
#include "office.h"

char *
docx_emf(const char *svg, size_t len, double wcm, double hcm,
    size_t *outlen)
{
	(void)svg; (void)len; (void)wcm; (void)hcm; (void)outlen;
	return NULL;
}

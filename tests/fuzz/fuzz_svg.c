/*
 * fuzz_svg.c: libFuzzer harness for the SVG subset renderer: the input is
 * the inside of an <svg> element, laid out into a PDF.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/pactkit.h"
#include "output/out.h"
#include "pdf/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* what the code under test says: quietly, counted */
static struct diag dg = { .quiet = 1 };
static struct out out = { .diag = &dg };       /* plain files */
static struct build build = { .diag = &dg, .out = &out, .quiet = 1 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char head[] = "<article xmlns=\"" XHTML_NS "\"><figure>"
	    "<svg xmlns=\"" SVG_NS "\" viewBox=\"0 0 720 520\">";
	static const char tail[] = "</svg></figure></article>";
	struct buf b = { 0 };
	xmlDocPtr doc;

	/* each input a build of its own: what diag keeps is cleared */
	strset_free(&dg.said);
	if (size > 20000)
		return 0;
	buf_puts(&b, head);
	buf_put(&b, (const char *)data, size);
	buf_puts(&b, tail);
	doc = xmlReadMemory(b.data, (int)b.len, "fuzz.svg", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc != NULL) {
		pdf_render_tree(&build,
		    xmlDocGetRootElement(doc), "en", "A4", "Fuzz",
		    "/dev/null", NULL);
		xmlFreeDoc(doc);
	}
	buf_free(&b);
	return 0;
}

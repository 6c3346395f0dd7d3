/*
 * fuzz_pdf.c: libFuzzer harness for Markdown -> tree -> PDF layout (the
 * French typography pass, line breaking, hyphenation, pagination).
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/pactkit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xmlDocPtr doc;

	diag_set_quiet(1);
	if (size > 20000)
		return 0;       /* a page, not a book: keep runs short */
	doc = markdown_fragment(NULL, "fuzz.md", (const char *)data, size, 0,
	    0, 0);
	if (doc != NULL) {
		xmlNodePtr root = xmlDocGetRootElement(doc);

		typo_pass(root, "fr");
		tree_ids(root, NULL);
		pdf_render_tree(root, "fr", size > 0 && (data[0] & 1) ? "Letter" :
		    "A4", "Fuzz", "/dev/null", NULL);
		xmlFreeDoc(doc);
	}
	return 0;
}

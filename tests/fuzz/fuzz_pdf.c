/*
 * fuzz_pdf.c: libFuzzer harness for Markdown -> tree -> PDF layout (the
 * French typography pass, line breaking, hyphenation, pagination).
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "output/out.h"
#include "doc/doc.h"
#include "pdf/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* what the code under test says: quietly, counted */
static struct diag dg = { .quiet = 1 };
static struct out out = { .diag = &dg };       /* plain files */
static struct build build = { .diag = &dg, .out = &out, .quiet = 1 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xmlDocPtr doc;

	/* each input a build of its own: what diag keeps is cleared */
	strset_free(&dg.said);
	if (size > 20000)
		return 0;       /* a page, not a book: keep runs short */
	doc = markdown_fragment(&dg, NULL, "fuzz.md", (const char *)data, size, 0,
	    0, 0);
	if (doc != NULL) {
		xmlNodePtr root = xmlDocGetRootElement(doc);

		typo_pass(root, "fr");
		tree_ids(root, NULL);
		pdf_render_tree(&build, root, "fr", size > 0 && (data[0] & 1) ? "Letter" :
		    "A4", "Fuzz", "/dev/null", NULL);
		xmlFreeDoc(doc);
	}
	return 0;
}

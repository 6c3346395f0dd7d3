/*
 * fuzz_markdown.c: libFuzzer harness for Markdown -> document tree ->
 * typography -> HTML, with raw HTML on and off.
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* what the code under test says: quietly, counted */
static struct diag dg = { .quiet = 1 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xmlDocPtr doc;

	/* each input a build of its own: what diag keeps is cleared */
	strset_free(&dg.said);
	doc = markdown_fragment(&dg, NULL, "fuzz.md", (const char *)data, size, 0,
	    0, size > 0 && (data[0] & 1));
	if (doc != NULL) {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		char *html;

		typo_pass(root, size > 1 && (data[1] & 1) ? "fr" : "en");
		tree_ids(root, NULL);
		html = html_fragment(root);
		free(html);
		xmlFreeDoc(doc);
	}
	return 0;
}

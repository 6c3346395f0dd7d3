/*
 * driver.c: renders one XHTML fixture (root <article>) through
 * pdf_render_tree, as the PDF tests need before and besides a project:
 *   driver IN.xhtml OUT.pdf [LANG [PAPER [DUMP]]]
 */
#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "base/pactkit.h"
#include "output/out.h"
#include "pdf/pdf.h"

int
main(int argc, char *argv[])
{
	struct diag dg = { 0 };
	struct out out = { .diag = &dg };
	struct build b = { .diag = &dg, .out = &out };
	xmlDocPtr doc;
	xmlNodePtr root;
	char *title;
	int ok;

	if (argc < 3) {
		fprintf(stderr, "usage: driver in.xhtml out.pdf [lang [paper "
		    "[dump]]]\n");
		return 2;
	}
	doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
	if (doc == NULL)
		return 1;
	root = xmlDocGetRootElement(doc);
	title = (char *)xmlGetProp(root, (const xmlChar *)"title");
	ok = pdf_render_tree(&b, root, argc > 3 ? argv[3] : "fr",
	    argc > 4 ? argv[4] : "A4", title != NULL ? title : "Document",
	    argv[2], argc > 5 ? argv[5] : NULL);
	xmlFree(title);
	xmlFreeDoc(doc);
	diag_free(&dg);
	return ok ? 0 : 1;
}

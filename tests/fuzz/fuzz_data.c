/*
 * fuzz_data.c: libFuzzer harness for a data file read by the built-in
 * components (lua/data/stakeholders.lua through pk.data and the schemas
 * of stakeholder-map and data-table).  The project lives in a temporary
 * folder made once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"
#include "output/out.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* what the code under test says: quietly, counted */
static struct diag dg = { .quiet = 1 };
static struct out out = { .diag = &dg };       /* plain files */

static struct site site;
static char dir[] = "/tmp/pkfuzz-data-XXXXXX";

static void
setup(void)
{
	char *p;

	if (mkdtemp(dir) == NULL)
		abort();
	p = xasprintf("%s/lua/data/x", dir);
	file_mkdirs(&dg, p);
	rmdir(p);
	free(p);
	site.dir = xstrdup(dir);
	site.sharedir = xstrdup(getenv("PACTKIT_SHARE") ? getenv("PACTKIT_SHARE") : ".");
	site.langs[0] = xstrdup("fr");
	site.langs[1] = xstrdup("en");
	site.nlangs = 2;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const calls[][2] = {
		{ "stakeholder-map", "source = \"stakeholders\"" },
		{ "data-table", "source = \"stakeholders\"" },
	};
	struct sandbox *sb;
	char *path;
	size_t i;

	/* each input a build of its own: what diag keeps is cleared */
	strset_free(&dg.said);
	if (site.nlangs == 0)
		setup();
	path = xasprintf("%s/lua/data/stakeholders.lua", dir);
	out_write(&out, path, data, size);
	free(path);
	for (i = 0; i < 2; i++) {
		xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
		xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"article");

		xmlDocSetRootElement(doc, root);
		sb = init_sandbox(&site, &dg);
		settings_i18n(sb, &site);
		component_call(sb, &site, i, calls[i][0], calls[i][1],
		    strlen(calls[i][1]), "content/fr/fuzz.md", 2, root);
		sandbox_free(sb);
		xmlFreeDoc(doc);
	}
	return 0;
}

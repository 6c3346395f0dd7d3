/*
 * fuzz_frontmatter.c: libFuzzer harness for front matter (Lua in the
 * sandbox, or YAML after a first '-', then the page fields).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "lua/sandbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* what the code under test says: quietly, counted */
static struct diag dg = { .quiet = 1 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct site site;
	struct sandbox *sb;
	struct page pg;

	/* each input a build of its own: what diag keeps is cleared */
	strset_free(&dg.said);
	if (site.nlangs == 0) {
		site.dir = xstrdup("/nonexistent");
		site.sharedir = xstrdup(".");
		site.langs[0] = xstrdup("fr");
		site.langs[1] = xstrdup("en");
		site.nlangs = 2;
	}
	memset(&pg, 0, sizeof(pg));
	sb = init_sandbox(&site, &dg);
	if (size > 0 && data[0] == '-')   /* the rest as YAML */
		frontmatter_read_as(sb, "content/fr/fuzz.md", 2,
		    (const char *)data + 1, size - 1, &pg, 1);
	else
		frontmatter_read(sb, "content/fr/fuzz.md", 2,
		    (const char *)data, size, &pg);
	sandbox_free(sb);
	free(pg.title);
	free(pg.key);
	free(pg.updated);
	free(pg.description);
	free(pg.slug);
	return 0;
}

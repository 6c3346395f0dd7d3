/*
 * fuzz_frontmatter.c: libFuzzer harness for front matter (Lua in the
 * sandbox, then the page fields).
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

	if (site.nlangs == 0) {
		site.dir = xstrdup("/nonexistent");
		site.sharedir = xstrdup(".");
		site.langs[0] = xstrdup("fr");
		site.langs[1] = xstrdup("en");
		site.nlangs = 2;
	}
	memset(&pg, 0, sizeof(pg));
	sb = init_sandbox(&site, &dg);
	frontmatter_read(sb, "content/fr/fuzz.md", 2, (const char *)data, size,
	    &pg);
	sandbox_free(sb);
	free(pg.title);
	free(pg.key);
	free(pg.updated);
	free(pg.description);
	free(pg.slug);
	return 0;
}

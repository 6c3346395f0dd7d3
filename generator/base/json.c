/*
 * json.c: text as a JSON string, for the two writers of JSON: the
 * diagnostics of --format json (diag.c) and the site's search index
 * (html/search.c), which also keeps the index safe inside a page.
 */
#include <string.h>

#include "base/pactkit.h"

void
json_run(struct buf *b, const char *s, size_t len, int flags)
{
	const char *run = s, *end = s + len;

	for (; s < end; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch >= 0x20 && ch != '"' && ch != '\\' &&
		    !(ch == '<' && (flags & JSON_HTML)))
			continue;       /* copied with its run */
		buf_put(b, run, (size_t)(s - run));
		run = s + 1;
		if (ch == '"' || ch == '\\')
			buf_printf(b, "\\%c", ch);
		else if ((flags & JSON_FLAT) &&
		    (ch == '\n' || ch == '\t' || ch == '\r'))
			buf_putc(b, ' ');
		else if (ch == '\n')
			buf_puts(b, "\\n");
		else if (ch == '<')
			buf_puts(b, "\\u003c");
		else
			buf_printf(b, "\\u%04x", ch);
	}
	buf_put(b, run, (size_t)(s - run));
}

void
json_str(struct buf *b, const char *s, int flags)
{
	buf_putc(b, '"');
	json_run(b, s, strlen(s), flags);
	buf_putc(b, '"');
}

/*
 * diag.c: the only code that prints diagnostics for the user, in the
 * "file:line:col: error: message" form that compilers and editors use.
 * With --format json the messages are collected and printed at the end.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pactkit.h"

static size_t nerrors;		/* errors printed so far */
static size_t nwarnings;	/* warnings printed so far */
static int strict;		/* warnings count as errors */
static int quiet;		/* notes and warnings not printed */
static int json;		/* collect into jbuf instead of printing */
static struct buf jbuf;		/* JSON array items, comma-separated */
static struct buf *capture;	/* also collect printed lines here */

static void
json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, c);
	}
	buf_putc(b, '"');
}

void
vdiag(enum diag_level lvl, const char *file, int line, int col,
    const char *fmt, va_list ap)
{
	static const char *const names[] = { "note", "warning", "error" };
	struct buf msg = { 0 };
	va_list cp;
	int n;

	if (lvl == DIAG_WARN && strict)
		lvl = DIAG_ERROR;
	if (lvl == DIAG_ERROR)
		nerrors++;
	else if (lvl == DIAG_WARN)
		nwarnings++;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n >= 0) {
		buf_grow(&msg, (size_t)n);
		vsnprintf(msg.data, (size_t)n + 1, fmt, ap);
		msg.len = (size_t)n;
	}
	if (json) {
		if (jbuf.len > 0)
			buf_puts(&jbuf, ",\n");
		buf_puts(&jbuf, "  {\"level\": ");
		json_str(&jbuf, names[lvl]);
		buf_puts(&jbuf, ", \"file\": ");
		json_str(&jbuf, file != NULL ? file : "");
		buf_printf(&jbuf, ", \"line\": %d, \"column\": %d, \"message\": ",
		    line, col);
		json_str(&jbuf, msg.data != NULL ? msg.data : "");
		buf_putc(&jbuf, '}');
	} else if (lvl == DIAG_ERROR || !quiet) {
		struct buf line_b = { 0 };

		if (file != NULL && line > 0 && col > 0)
			buf_printf(&line_b, "%s:%d:%d: ", file, line, col);
		else if (file != NULL && line > 0)
			buf_printf(&line_b, "%s:%d: ", file, line);
		else if (file != NULL)
			buf_printf(&line_b, "%s: ", file);
		else
			buf_puts(&line_b, "pactkit: ");
		buf_printf(&line_b, "%s: %s\n", names[lvl],
		    msg.data != NULL ? msg.data : "");
		fputs(line_b.data, stderr);
		if (capture != NULL && lvl != DIAG_NOTE)
			buf_puts(capture, line_b.data);
		buf_free(&line_b);
	}
	buf_free(&msg);
}

void
diag(enum diag_level lvl, const char *file, int line, int col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(lvl, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_sys(const char *path)
{
	diag(DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
}

size_t
diag_errors(void)
{
	return nerrors;
}

size_t
diag_warnings(void)
{
	return nwarnings;
}

/* Counts a diagnostic printed elsewhere (by a forked writer). */
void
diag_count(enum diag_level lvl)
{
	if (lvl == DIAG_ERROR)
		nerrors++;
	else if (lvl == DIAG_WARN)
		nwarnings++;
}

void
diag_reset(void)
{
	nerrors = nwarnings = 0;
}

void
diag_capture(struct buf *b)
{
	capture = b;
}

void
diag_set_strict(int on)
{
	strict = on;
}

void
diag_set_quiet(int on)
{
	quiet = on;
}

void
diag_set_json(int on)
{
	json = on;
}

void
diag_flush_json(void)
{
	if (!json)
		return;
	printf("{\"errors\": %zu, \"warnings\": %zu, \"diagnostics\": [\n%s\n]}\n",
	    nerrors, nwarnings, jbuf.data != NULL ? jbuf.data : "");
	buf_free(&jbuf);
}

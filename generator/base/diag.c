/*
 * diag.c: the only code that prints diagnostics for the user, in the
 * "file:line:col: error: message" form that compilers and editors use.
 * With --format json the messages are collected and printed at the end.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/pactkit.h"

static size_t nerrors;		/* errors printed so far */
static size_t nwarnings;	/* warnings printed so far */
static int strict;		/* warnings count as errors */
static int quiet;		/* notes and warnings not printed */
static int json;		/* collect into jbuf instead of printing */
static struct buf jbuf;		/* JSON array items, comma-separated */
static struct buf *capture;	/* also collect printed lines here */

void
diag_va(enum diag_level lvl, const char *file, int line, int col,
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
		json_str(&jbuf, names[lvl], 0);
		buf_puts(&jbuf, ", \"file\": ");
		json_str(&jbuf, file != NULL ? file : "", 0);
		buf_printf(&jbuf, ", \"line\": %d, \"column\": %d, \"message\": ",
		    line, col);
		json_str(&jbuf, msg.data != NULL ? msg.data : "", 0);
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
	diag_va(lvl, file, line, col, fmt, ap);
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

/*
 * A forked writer prints its diagnostics as they come, and relays them
 * to its parent at the end: the counts, the lines for serve's overlay,
 * the items for --format json.
 */
static size_t relay_err, relay_warn, relay_json;
static struct buf relay;

void
diag_relay_begin(void)
{
	relay_err = nerrors;
	relay_warn = nwarnings;
	relay_json = jbuf.len;
	buf_reset(&relay);
	capture = &relay;
}

int
diag_relay_send(int fd)
{
	struct buf b = { 0 };
	const char *items = jbuf.data != NULL ? jbuf.data + relay_json : "";
	const char *p;
	size_t left;
	int ok = 1;

	if (relay_json > 0 && strncmp(items, ",\n", 2) == 0)
		items += 2;
	buf_printf(&b, "%zu %zu %zu\n", nerrors - relay_err,
	    nwarnings - relay_warn, relay.len);
	buf_put(&b, relay.data != NULL ? relay.data : "", relay.len);
	buf_puts(&b, items);
	for (p = b.data, left = b.len; left > 0 && ok; ) {
		ssize_t n = write(fd, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			ok = 0;
		else {
			p += n;
			left -= (size_t)n;
		}
	}
	buf_free(&b);
	return ok;
}

int
diag_relay_receive(int fd)
{
	struct buf b = { 0 };
	char chunk[4096], *body;
	size_t e, w, caplen;
	ssize_t n;
	int ok = 0;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_put(&b, chunk, (size_t)n);
	}
	if (b.data != NULL && sscanf(b.data, "%zu %zu %zu", &e, &w,
	    &caplen) == 3 && (body = strchr(b.data, '\n')) != NULL &&
	    (size_t)(b.data + b.len - ++body) >= caplen) {
		nerrors += e;
		nwarnings += w;
		if (capture != NULL)
			buf_put(capture, body, caplen);
		body += caplen;
		if (*body != '\0') {
			if (jbuf.len > 0)
				buf_puts(&jbuf, ",\n");
			buf_puts(&jbuf, body);
		}
		ok = 1;
	}
	buf_free(&b);
	return ok;
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

/*
 * diag.c: the only code that prints diagnostics for the user, in the
 * "file:line:col: error: message" form that compilers and editors use.
 * Each build (or check, or render) has its own struct diag, which counts
 * what was said; with --format json the messages are collected there and
 * printed at the end.  A forked writer relays what it said to its parent.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/pactkit.h"

void
diag_va(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, va_list ap)
{
	static const char *const names[] = { "note", "warning", "error" };
	struct buf msg = { 0 };
	va_list cp;
	int n;

	if (lvl == DIAG_WARN && d->strict)
		lvl = DIAG_ERROR;
	if (lvl == DIAG_ERROR)
		d->nerrors++;
	else if (lvl == DIAG_WARN)
		d->nwarnings++;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n >= 0) {
		buf_grow(&msg, (size_t)n);
		vsnprintf(msg.data, (size_t)n + 1, fmt, ap);
		msg.len = (size_t)n;
	}
	if (d->json) {
		if (d->jbuf.len > 0)
			buf_puts(&d->jbuf, ",\n");
		buf_puts(&d->jbuf, "  {\"level\": ");
		json_str(&d->jbuf, names[lvl], 0);
		buf_puts(&d->jbuf, ", \"file\": ");
		json_str(&d->jbuf, file != NULL ? file : "", 0);
		buf_printf(&d->jbuf,
		    ", \"line\": %d, \"column\": %d, \"message\": ",
		    line, col);
		json_str(&d->jbuf, msg.data != NULL ? msg.data : "", 0);
		buf_putc(&d->jbuf, '}');
	} else if (lvl == DIAG_ERROR || !d->quiet ||
	    (lvl == DIAG_NOTE && d->shown)) {
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
		if (d->capture != NULL && lvl != DIAG_NOTE)
			buf_puts(d->capture, line_b.data);
		buf_free(&line_b);
	}
	/* a note ("called from here") goes with the message before it,
	 * printed with an error under -q */
	if (lvl != DIAG_NOTE)
		d->shown = lvl == DIAG_ERROR || !d->quiet;
	buf_free(&msg);
}

void
diag(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_va(d, lvl, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_sys(struct diag *d, const char *path)
{
	diag(d, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
}

size_t
diag_errors(const struct diag *d)
{
	return d->nerrors;
}

size_t
diag_warnings(const struct diag *d)
{
	return d->nwarnings;
}

/*
 * A forked writer prints its diagnostics as they come, and relays them
 * to its parent at the end: the counts, the lines for serve's overlay,
 * the items for --format json.
 */
void
diag_relay_begin(struct diag *d)
{
	d->relay_err = d->nerrors;
	d->relay_warn = d->nwarnings;
	d->relay_json = d->jbuf.len;
	buf_reset(&d->relay);
	d->capture = &d->relay;
}

int
diag_relay_send(struct diag *d, int fd)
{
	struct buf b = { 0 };
	const char *items = d->jbuf.data != NULL ? d->jbuf.data +
	    d->relay_json : "";
	const char *p;
	size_t left;
	int ok = 1;

	if (d->relay_json > 0 && strncmp(items, ",\n", 2) == 0)
		items += 2;
	buf_printf(&b, "%zu %zu %zu\n", d->nerrors - d->relay_err,
	    d->nwarnings - d->relay_warn, d->relay.len);
	buf_put(&b, d->relay.data != NULL ? d->relay.data : "", d->relay.len);
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
diag_relay_receive(struct diag *d, int fd)
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
		d->nerrors += e;
		d->nwarnings += w;
		if (d->capture != NULL)
			buf_put(d->capture, body, caplen);
		body += caplen;
		if (*body != '\0') {
			if (d->jbuf.len > 0)
				buf_puts(&d->jbuf, ",\n");
			buf_puts(&d->jbuf, body);
		}
		ok = 1;
	}
	buf_free(&b);
	return ok;
}

void
diag_flush_json(struct diag *d)
{
	if (!d->json)
		return;
	printf("{\"errors\": %zu, \"warnings\": %zu, \"diagnostics\": [\n%s\n]}\n",
	    d->nerrors, d->nwarnings, d->jbuf.data != NULL ? d->jbuf.data : "");
	buf_free(&d->jbuf);
}

void
diag_free(struct diag *d)
{
	buf_free(&d->jbuf);
	buf_free(&d->relay);
}

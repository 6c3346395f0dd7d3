/*
 * diag.c: the only code that prints diagnostics for the user, in the
 * "file:line:col: error: message" form that compilers and editors use.
 * Each build (or check, or render) has its own struct diag, which counts
 * what was said and says each message once (the notes under a repeated
 * one go with it); with --format json the messages are collected there
 * and printed at the end.  A forked writer hands what it says to its
 * parent, which says it as its own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/pactkit.h"

static const char *const names[] = { "note", "warning", "error" };

/* Says one message (counted, printed or collected); msg is the text. */
static void
say(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *msg)
{
	struct buf key = { 0 };
	int fresh;

	/* the same message at the same place is said once: a data file
	 * checked by the pages of each language, a forked writer's repeat */
	buf_printf(&key, "%d:%s:%d:%d:%s", (int)lvl, file != NULL ? file : "",
	    line, col, msg);
	fresh = strset_add(&d->said, key.data);
	buf_free(&key);
	if (lvl != DIAG_NOTE)
		d->dropping = !fresh;
	if (!fresh || (lvl == DIAG_NOTE && d->dropping))
		return;
	if (lvl == DIAG_ERROR)
		d->nerrors++;
	else if (lvl == DIAG_WARN)
		d->nwarnings++;
	/* a note ("called from here") goes with the message before it,
	 * printed with an error under -q */
	if (lvl != DIAG_NOTE)
		d->shown = lvl == DIAG_ERROR || !d->quiet;
	if (d->relaying) {
		/* a forked writer: its parent says it (one record each) */
		buf_printf(&d->relay, "%d %d %d %zu %zu\n", (int)lvl, line, col,
		    file != NULL ? strlen(file) : (size_t)-1, strlen(msg));
		if (file != NULL)
			buf_puts(&d->relay, file);
		buf_puts(&d->relay, msg);
		return;
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
		json_str(&d->jbuf, msg, 0);
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
		buf_printf(&line_b, "%s: %s\n", names[lvl], msg);
		fputs(line_b.data, stderr);
		if (d->capture != NULL && lvl != DIAG_NOTE)
			buf_puts(d->capture, line_b.data);
		buf_free(&line_b);
	}
}

void
diag_va(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, va_list ap)
{
	struct buf msg = { 0 };
	va_list cp;
	int n;

	if (lvl == DIAG_WARN && d->strict)
		lvl = DIAG_ERROR;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n >= 0) {
		buf_grow(&msg, (size_t)n);
		vsnprintf(msg.data, (size_t)n + 1, fmt, ap);
		msg.len = (size_t)n;
	}
	say(d, lvl, file, line, col, msg.data != NULL ? msg.data : "");
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

void
diag_counts(const struct diag *d, struct buf *b)
{
	buf_printf(b, "%zu error%s, %zu warning%s", d->nerrors,
	    d->nerrors == 1 ? "" : "s", d->nwarnings,
	    d->nwarnings == 1 ? "" : "s");
}

/*
 * A forked writer says nothing itself: from diag_relay_begin on, each
 * message it would say is a record for its parent ("level line col
 * filelen msglen\n" then the file and the message), sent at the end;
 * the parent says each one as its own, so that a message both say, or
 * two writers say, is said once, and counted once.  What the parent said
 * before the fork the writer knows already, and does not repeat.
 */
void
diag_relay_begin(struct diag *d)
{
	d->relaying = 1;
	buf_reset(&d->relay);
}

int
diag_relay_send(struct diag *d, int fd)
{
	const char *p = d->relay.data != NULL ? d->relay.data : "";
	size_t left = d->relay.len;
	int ok = 1;

	while (left > 0 && ok) {
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
	return ok;
}

int
diag_relay_receive(struct diag *d, int fd)
{
	struct buf b = { 0 };
	char chunk[4096], *p, *end, *nl;
	ssize_t n;
	int ok = 1;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ok = 0;
			break;
		}
		buf_put(&b, chunk, (size_t)n);
	}
	p = b.data;
	end = b.data != NULL ? b.data + b.len : NULL;
	while (ok && p != NULL && p < end) {
		int lvl, line, col;
		size_t flen, mlen;
		char *file, *msg;

		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
		    sscanf(p, "%d %d %d %zu %zu", &lvl, &line, &col, &flen,
		    &mlen) != 5 || lvl < DIAG_NOTE || lvl > DIAG_ERROR) {
			ok = 0;
			break;
		}
		p = nl + 1;
		if (flen != (size_t)-1 && flen > (size_t)(end - p)) {
			ok = 0;
			break;
		}
		file = flen == (size_t)-1 ? NULL : xstrndup(p, flen);
		p += flen == (size_t)-1 ? 0 : flen;
		if (mlen > (size_t)(end - p)) {
			free(file);
			ok = 0;
			break;
		}
		msg = xstrndup(p, mlen);
		p += mlen;
		say(d, (enum diag_level)lvl, file, line, col, msg);
		free(file);
		free(msg);
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
	strset_free(&d->said);
}

/*
 * serve.c: `pactkit serve`, a preview on 127.0.0.1.  Builds the project,
 * serves output/site with libmicrohttpd, watches the project with
 * inotify and rebuilds on change.  Each HTML page gets a small script
 * that reloads it after a rebuild, and the last build's errors are shown
 * at the top of every page (without JavaScript too) and in the terminal.
 */
#include <sys/inotify.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "doc/doc.h"
#include "html/html.h"
#include "pdf/pdf.h"
#include "run/run.h"

struct serve {
	const char	*dir;       /* the project */
	char		*site;      /* dir/output/site */
	atomic_int	 version;   /* bumped after each build */
	char		*errors;    /* the last build's messages, or NULL */
	int		 failed;    /* the last build failed */
};

static volatile sig_atomic_t stop;

static void
on_stop(int sig)
{
	(void)sig;
	stop = 1;
}

static const char reload_js[] =
"<script>(function(){var v=null;function t(){fetch('/__pactkit/version')"
".then(function(r){return r.text()}).then(function(x){if(v!==null&&x!==v)"
"location.reload();v=x;setTimeout(t,700)}).catch(function(){setTimeout(t,"
"1500)})}t()})();</script>";

static const char *
mime(const char *path)
{
	static const struct { const char *ext, *type; } t[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".xml", "application/xml" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".pdf", "application/pdf" },
	};
	const char *dot = strrchr(path, '.');
	size_t i;

	for (i = 0; dot != NULL && i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(dot, t[i].ext) == 0)
			return t[i].type;
	return "application/octet-stream";
}

static enum MHD_Result
reply(struct MHD_Connection *con, unsigned code, const char *type,
    char *body, size_t len)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, body,
	    MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ret;

	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	ret = MHD_queue_response(con, code, r);
	MHD_destroy_response(r);
	return ret;
}

/* An HTML page with the reload script and the errors panel added. */
static char *
decorate(struct serve *s, const char *html, size_t len, size_t *outlen)
{
	struct buf b = { 0 };
	const char *body = strstr(html, "<body");
	const char *end = body != NULL ? strchr(body, '>') : NULL;
	const char *close = strstr(html, "</body>");

	if (end == NULL || close == NULL) {
		buf_put(&b, html, len);
		*outlen = b.len;
		return buf_detach(&b);
	}
	buf_put(&b, html, (size_t)(end + 1 - html));
	if (s->failed && s->errors != NULL) {
		const char *p;

		buf_puts(&b, "<pre role=\"alert\" style=\"background:#fde8e8;"
		    "color:#7a0000;border:3px solid #b00;padding:1em;margin:0;"
		    "white-space:pre-wrap\">pactkit: the last build failed; "
		    "this is the previous output.\n\n");
		for (p = s->errors; *p != '\0'; p++)
			if (*p == '<')
				buf_puts(&b, "&lt;");
			else if (*p == '&')
				buf_puts(&b, "&amp;");
			else
				buf_putc(&b, *p);
		buf_puts(&b, "</pre>");
	}
	buf_put(&b, end + 1, (size_t)(close - end - 1));
	buf_puts(&b, reload_js);
	buf_puts(&b, close);
	*outlen = b.len;
	return buf_detach(&b);
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *con, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	struct serve *s = cls;
	char *path, *data, *full;
	size_t len;

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)state;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return reply(con, 405, "text/plain", xstrdup("method"), 6);
	if (strcmp(url, "/__pactkit/version") == 0) {
		char *v = xasprintf("%d", atomic_load(&s->version));

		return reply(con, 200, "text/plain", v, strlen(v));
	}
	if (strstr(url, "..") != NULL || url[0] != '/')
		return reply(con, 403, "text/plain", xstrdup("forbidden"), 9);
	path = xasprintf("%s%s", s->site, url);
	if (file_isdir(path) && url[strlen(url) - 1] != '/') {
		/* a folder's address is its own with a final slash, as a web
		 * server says it: the page's relative links are relative to
		 * that folder */
		struct MHD_Response *r = MHD_create_response_from_buffer(0,
		    NULL, MHD_RESPMEM_PERSISTENT);
		char *to = xasprintf("%s/", url);
		enum MHD_Result ret;

		MHD_add_response_header(r, "Location", to);
		MHD_add_response_header(r, "Cache-Control", "no-store");
		ret = MHD_queue_response(con, MHD_HTTP_MOVED_PERMANENTLY, r);
		MHD_destroy_response(r);
		free(to);
		free(path);
		return ret;
	}
	if (file_isdir(path)) {
		char *idx = xasprintf("%sindex.html", path);

		free(path);
		path = idx;
	}
	if ((data = file_read(path, &len)) == NULL) {
		free(path);
		path = xasprintf("%s/%.2s/404.html", s->site, url + 1);
		data = file_read(path, &len);
		if (data == NULL) {
			free(path);
			return reply(con, 404, "text/plain",
			    xstrdup("not found"), 9);
		}
		full = decorate(s, data, len, &len);
		free(data);
		free(path);
		return reply(con, 404, "text/html; charset=utf-8", full, len);
	}
	if (strcmp(mime(path), "text/html; charset=utf-8") == 0) {
		full = decorate(s, data, len, &len);
		free(data);
		data = full;
	}
	{
		enum MHD_Result r = reply(con, 200, mime(path), data, len);

		free(path);
		return r;
	}
}

/* Watches dir and every folder below it (but output/ and dot folders);
 * returns dir's watch.  Watching a folder again keeps its watch. */
static int
watch_tree(int fd, const char *dir)
{
	struct dirent *de;
	DIR *d;
	int wd;

	wd = inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_CREATE |
	    IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO);
	if ((d = opendir(dir)) == NULL)
		return wd;
	while ((de = readdir(d)) != NULL) {
		char *sub;

		if (de->d_name[0] == '.' || strcmp(de->d_name, "output") == 0 ||
		    strncmp(de->d_name, "output.", 7) == 0)
			continue;
		sub = xasprintf("%s/%s", dir, de->d_name);
		if (file_isdir(sub))
			watch_tree(fd, sub);
		free(sub);
	}
	closedir(d);
	return wd;
}

/* 1 when the n bytes of events in buf say the project changed: not the
 * build's own folders in its root (watched as root: output/, output.tmp-*,
 * output.old-*), nor a dot file (an editor's swap or lock file). */
static int
changed(const char *buf, ssize_t n, int root)
{
	const struct inotify_event *ev;
	ssize_t i;

	for (i = 0; i + (ssize_t)sizeof(*ev) <= n; i += sizeof(*ev) + ev->len) {
		ev = (const struct inotify_event *)(buf + i);
		if (ev->len > 0 && (ev->name[0] == '.' || (ev->wd == root &&
		    (strcmp(ev->name, "output") == 0 ||
		    strncmp(ev->name, "output.", 7) == 0))))
			continue;
		return 1;
	}
	return 0;
}

/* A build of its own each time: its messages, counted afresh, are kept
 * for the pages' error panel. */
static void
rebuild(struct serve *s)
{
	struct diag dg = { 0 };
	struct build_opts opt = { 0 };
	struct buf msgs = { 0 };
	int rc;

	dg.capture = &msgs;
	opt.dir = s->dir;
	opt.drafts = 1;         /* a preview shows drafts, marked */
	rc = build_run(&dg, &opt);
	diag_free(&dg);
	free(s->errors);
	s->errors = buf_detach(&msgs);
	s->failed = rc != 0;
	atomic_fetch_add(&s->version, 1);
}

int
serve_run(struct diag *dg, const char *dir, int port)
{
	struct serve s;
	struct MHD_Daemon *d;
	_Alignas(struct inotify_event) char evbuf[8192];
	int fd, root, seen;
	ssize_t n;

	if (!file_isdir(dir)) {
		diag(dg, DIAG_ERROR, dir, 0, 0, "no such folder: expected a "
		    "toolkit project's folder (see `pactkit new`)");
		return 2;
	}
	memset(&s, 0, sizeof(s));
	s.dir = dir;
	s.site = xasprintf("%s/output/site", dir);
	rebuild(&s);
	{
		/* bind to 127.0.0.1 only: a preview is not a public server */
		struct sockaddr_in sa;

		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_port = htons((uint16_t)port);
		sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
		    MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL, handle, &s,
		    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		    MHD_OPTION_END);
	}
	if (d == NULL) {
		diag(dg, DIAG_ERROR, NULL, 0, 0,
		    "cannot listen on 127.0.0.1:%d (is the port in use? try "
		    "--port)", port);
		free(s.site);
		return 1;
	}
	fprintf(stderr, "pactkit: serving %s on http://127.0.0.1:%d/ "
	    "(Ctrl-C to stop)\n", dir, port);
	if ((fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		diag_sys(dg, "inotify");
		MHD_stop_daemon(d);
		free(s.site);
		return 1;
	}
	root = watch_tree(fd, dir);
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	while (!stop) {
		struct pollfd pfd = { fd, POLLIN, 0 };

		if (poll(&pfd, 1, 500) <= 0)
			continue;
		/* let a burst of saves settle, then rebuild once */
		seen = 0;
		do {
			while ((n = read(fd, evbuf, sizeof(evbuf))) > 0)
				seen |= changed(evbuf, n, root);
		} while (poll(&pfd, 1, 150) > 0);
		if (!seen)
			continue;
		fprintf(stderr, "pactkit: change seen, rebuilding\n");
		rebuild(&s);
		/* the same watches go on: a save made while the build ran
		 * is an event waiting, and rebuilds again (a new watch
		 * set up after the build lost it); new folders are added */
		watch_tree(fd, dir);
	}
	close(fd);
	MHD_stop_daemon(d);
	free(s.errors);
	free(s.site);
	return 0;
}

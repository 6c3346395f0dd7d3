/*
 * util.c: allocation that aborts on exhaustion, whole-file I/O, folder
 * walks, and UTF-8 checks.  Used by every stage.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pactkit.h"

volatile sig_atomic_t util_stop;

static void
oom(void)
{
	fputs("pactkit: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

char *
util_readfile(const char *path, size_t *len)
{
	struct buf b = { 0 };
	struct stat st;
	size_t size;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	/* the whole file in one read when its size is known; a file that
	 * grows meanwhile (or says 0, as /proc does) is read on to its end */
	size = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 ?
	    (size_t)st.st_size : 0;
	buf_grow(&b, size > 0 ? size + 1 : 4096);
	for (;;) {
		if (b.len + 1 >= b.cap)
			buf_grow(&b, 65536);
		n = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (n > 0)
			b.len += (size_t)n;
		else if (n == 0 || errno != EINTR)
			break;
		if (size > 0 && b.len == size)
			break;          /* all of it: no read to see the end */
	}
	if (n < 0) {
		int e = errno;

		close(fd);
		buf_free(&b);
		errno = e;
		return NULL;
	}
	close(fd);
	b.data[b.len] = '\0';
	if (len != NULL)
		*len = b.len;
	return buf_detach(&b);
}

int
util_mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			diag_sys(p);
			free(p);
			return 0;
		}
		*s = '/';
	}
	if (mkdir(p, 0755) == -1 && errno != EEXIST) {
		diag_sys(p);
		free(p);
		return 0;
	}
	free(p);
	return 1;
}

/* Whether the file open on fd holds exactly data: then it is kept as it
 * is, its time touched for prune() in build.c. */
static int
same_content(int fd, const void *data, size_t len)
{
	char stackbuf[65536], *got;
	struct stat st;
	size_t off = 0;
	int same;

	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size != len)
		return 0;
	got = len <= sizeof(stackbuf) ? stackbuf : xmalloc(len);
	while (off < len) {
		ssize_t n = read(fd, got + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	same = off == len && memcmp(got, data, len) == 0;
	if (got != stackbuf)
		free(got);
	return same && futimens(fd, NULL) == 0;
}

/* data into the device or pipe at path, which is left in place. */
static int
write_through(const char *path, const char *p, size_t len)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);

	if (fd == -1) {
		diag_sys(path);
		return 0;
	}
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) == -1 || len > 0) {
		diag_sys(path);
		return 0;
	}
	return 1;
}

int
util_writefile(const char *path, const void *data, size_t len)
{
	const char *slash = strrchr(path, '/'), *p = data;
	struct stat st;
	int fd;

	/* A file left by an earlier build is kept when unchanged, else
	 * replaced by a new one: truncating in place makes ext4 flush it
	 * to disk on close, which costs more than writing.  The build's
	 * file lists (outfiles.c) tell without reading it; without them the
	 * contents are compared. */
	if (outfiles_fresh()) {
		/* a new folder: nothing to keep; a page's own folder is not
		 * there yet */
		if (slash != NULL && slash != path) {
			char *dir = xstrndup(path, (size_t)(slash - path));
			int ok = mkdir(dir, 0755) == 0 || errno == EEXIST ||
			    util_mkdirs(dir);

			free(dir);
			if (!ok)
				return 0;
		}
	} else if (outfiles_unchanged(path, data, len))
		return 1;
	else if (outfiles_have_lists())
		unlink(path);
	else if (lstat(path, &st) == 0) {
		if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
			/* render --pdf /dev/stdout: written through, and a
			 * device is never removed (as root it could be) */
			return write_through(path, data, len);
		if (S_ISLNK(st.st_mode))
			unlink(path);   /* replaced, never written through */
		else if (!S_ISREG(st.st_mode)) {
			diag(DIAG_ERROR, path, 0, 0, "exists and is not a "
			    "regular file: pactkit replaces only files");
			return 0;
		} else if ((fd = open(path, O_RDONLY | O_CLOEXEC |
		    O_NOFOLLOW)) != -1) {
			int same = same_content(fd, data, len);

			if (same)
				outfiles_wrote(path, fd, data, len);
			close(fd);
			if (same)
				return 1;
			unlink(path);
		}
	}
	/* the folder usually exists: try first, make it on ENOENT */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1 && errno == ENOENT && slash != NULL && slash != path) {
		char *dir = xstrndup(path, (size_t)(slash - path));
		int ok = mkdir(dir, 0755) == 0 || util_mkdirs(dir);

		free(dir);
		if (!ok)
			return 0;
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	}
	if (fd == -1) {
		diag_sys(path);
		return 0;
	}
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			diag_sys(path);
			close(fd);
			return 0;
		}
		p += n;
		len -= (size_t)n;
	}
	outfiles_wrote(path, fd, data, (size_t)(p - (const char *)data));
	if (close(fd) == -1) {
		diag_sys(path);
		return 0;
	}
	return 1;
}

int
util_isdir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
util_isfile(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
util_rmtree(const char *path)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	int ok = 1;

	if (lstat(path, &st) == -1)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0;
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		char *sub;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		sub = xasprintf("%s/%s", path, de->d_name);
		ok &= util_rmtree(sub);
		free(sub);
	}
	closedir(d);
	return ok && rmdir(path) == 0;
}

int
util_copyfile(const char *from, const char *to)
{
	size_t len;
	char *data = util_readfile(from, &len);
	int ok;

	if (data == NULL) {
		diag_sys(from);
		return 0;
	}
	ok = util_writefile(to, data, len);
	free(data);
	return ok;
}

int
util_copytree(const char *from, const char *to)
{
	struct dirent *de;
	DIR *d;
	int ok = 1;

	if (util_isfile(from))
		return util_copyfile(from, to);
	if ((d = opendir(from)) == NULL) {
		diag_sys(from);
		return 0;
	}
	if (!util_mkdirs(to)) {
		closedir(d);
		return 0;
	}
	while (ok && (de = readdir(d)) != NULL) {
		char *a, *b;

		if (de->d_name[0] == '.')
			continue;
		a = xasprintf("%s/%s", from, de->d_name);
		b = xasprintf("%s/%s", to, de->d_name);
		ok = util_copytree(a, b);
		free(a);
		free(b);
	}
	closedir(d);
	return ok;
}

long
util_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i, n, k;
	long cp, min;

	if (left == 0)
		return -1;
	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	} else if ((p[0] & 0xE0) == 0xC0) {
		n = 2, cp = p[0] & 0x1F, min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3, cp = p[0] & 0x0F, min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4, cp = p[0] & 0x07, min = 0x10000;
	} else
		return -1;
	if (left < n)
		return -1;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*i += n;
	return cp;
}

int
util_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;

	while (i < len) {
		uint64_t w;

		/* ASCII eight bytes at a time */
		while (len - i >= 8 && (memcpy(&w, s + i, 8),
		    (w & 0x8080808080808080ULL) == 0))
			i += 8;
		if (i < len && (unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (i < len && util_utf8_next(s, len, &i) < 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
	}
	return 1;
}

int
util_utf8_col(const char *line, size_t off)
{
	size_t i;
	int col = 1;

	for (i = 0; i < off; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}

long long
util_epoch(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (e == NULL || *e == '\0')
		return (long long)time(NULL);
	v = strtoll(e, &end, 10);
	if (*end != '\0' || v < 0)
		return (long long)time(NULL);
	return v;
}

/* ---- strmap: string -> pointer, open addressing ---------------------- */

static size_t
strmap_hash(const char *s)
{
	size_t h = 14695981039346656037ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

void *
strmap_get(const struct strmap *m, const char *k)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = strmap_hash(k) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0)
			return m->vals[i];
	return NULL;
}

int
strmap_put(struct strmap *m, const char *k, void *v)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap big = { 0 };

		big.cap = m->cap ? m->cap * 2 : 64;
		big.keys = xcalloc(big.cap, sizeof(char *));
		big.vals = xcalloc(big.cap, sizeof(void *));
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL) {
				size_t j = strmap_hash(m->keys[i]) & (big.cap - 1);

				while (big.keys[j] != NULL)
					j = (j + 1) & (big.cap - 1);
				big.keys[j] = m->keys[i];
				big.vals[j] = m->vals[i];
			}
		big.n = m->n;
		free(m->keys);
		free(m->vals);
		*m = big;
	}
	for (i = strmap_hash(k) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0)
			return 0;
	m->keys[i] = xstrdup(k);
	m->vals[i] = v;
	m->n++;
	return 1;
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

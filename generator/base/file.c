/*
 * file.c: files and folders for every stage: a whole file read at once,
 * mkdir -p, rm -rf, and the names in a folder.  Writing output files is
 * the output layer's (output/out.c), which keeps unchanged files.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/pactkit.h"

char *
file_read(const char *path, size_t *len)
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
file_mkdirs(struct diag *d, const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			diag_sys(d, p);
			free(p);
			return 0;
		}
		*s = '/';
	}
	if (mkdir(p, 0755) == -1 && errno != EEXIST) {
		diag_sys(d, p);
		free(p);
		return 0;
	}
	free(p);
	return 1;
}

int
file_isdir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
file_isfile(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

long long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) ?
	    (long long)st.st_size : -1;
}

int
file_rmtree(const char *path)
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
		ok &= file_rmtree(sub);
		free(sub);
	}
	closedir(d);
	return ok && rmdir(path) == 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
file_names(const char *dir, const char *ext, char ***names)
{
	DIR *d;
	struct dirent *e;
	size_t n = 0, len, el = strlen(ext);

	*names = NULL;
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len <= el || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - el, ext) != 0)
			continue;
		*names = xrealloc(*names, (n + 1) * sizeof(**names));
		(*names)[n++] = xstrndup(e->d_name, len - el);
	}
	closedir(d);
	if (n > 1)      /* none: *names is NULL, which qsort must not get */
		qsort(*names, n, sizeof(**names), cmpstr);
	return n;
}

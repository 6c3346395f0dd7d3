/*
 * out.c: the output layer's writes.  In: the bytes of a page, a PDF or a
 * copied file; out: that file under the output folder, kept as it is
 * when unchanged (the build's file lists, outfiles.c, tell without
 * reading it), written through when it is a device or a pipe.
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
out_write(const char *path, const void *data, size_t len)
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
			    file_mkdirs(dir);

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
		int ok = mkdir(dir, 0755) == 0 || file_mkdirs(dir);

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
out_copy(const char *from, const char *to)
{
	size_t len;
	char *data = file_read(from, &len);
	int ok;

	if (data == NULL) {
		diag_sys(from);
		return 0;
	}
	ok = out_write(to, data, len);
	free(data);
	return ok;
}

int
out_copytree(const char *from, const char *to)
{
	struct dirent *de;
	DIR *d;
	int ok = 1;

	if (file_isfile(from))
		return out_copy(from, to);
	if ((d = opendir(from)) == NULL) {
		diag_sys(from);
		return 0;
	}
	if (!file_mkdirs(to)) {
		closedir(d);
		return 0;
	}
	while (ok && (de = readdir(d)) != NULL) {
		char *a, *b;

		if (de->d_name[0] == '.')
			continue;
		a = xasprintf("%s/%s", from, de->d_name);
		b = xasprintf("%s/%s", to, de->d_name);
		ok = out_copytree(a, b);
		free(a);
		free(b);
	}
	closedir(d);
	return ok;
}

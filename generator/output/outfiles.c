/*
 * outfiles.c: the list of files a build wrote, kept in the output as
 * .pactkit/files-<writer> (size, time, hash and path of each).  The next
 * build but one reuses that folder: a file whose content hashes the same
 * and which is still there as it was written is left alone (no read, no
 * write), and the files the old lists name that no writer wrote this
 * time are removed, without walking the tree.  Without such lists (a
 * folder from an older pactkit) out_write compares contents and
 * out_prune (out.c) removes by time, as before.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/pactkit.h"
#include "output/outfiles.h"

#define LISTDIR ".pactkit"

struct entry {
	uint64_t	 size;
	uint64_t	 hash;
	long long	 sec;
	long		 nsec;
};

static char	**list_names(const char *, size_t *);
static int	  read_lists(const char *, char **, size_t, int,
		    struct strmap *, int);


/* One lane's step: a word mixed in. */
static uint64_t
mix(uint64_t h, const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 32);
}

/* A 64-bit hash of the content: four lanes of eight bytes, which the
 * processor works on side by side, then the tail. */
static uint64_t
hash(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, w;
	uint64_t l[4] = { h, h ^ 1, h ^ 2, h ^ 3 };
	size_t i;

	for (; len >= 32; p += 32, len -= 32)
		for (i = 0; i < 4; i++)
			l[i] = mix(l[i], p + 8 * i);
	for (i = 0; i < 4; i++)
		h = (h ^ l[i]) * 0xC4CEB9FE1A85EC53ULL, h ^= h >> 29;
	for (; len >= 8; p += 8, len -= 8)
		h = mix(h, p);
	w = 0;
	memcpy(&w, p, len);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 29);
}

/* A path a list may name: relative, inside the folder, printable (a
 * list is read back, and a bad one must not remove files elsewhere). */
static int
good_path(const char *p)
{
	const char *s;

	if (*p == '\0' || *p == '/')
		return 0;
	for (s = p; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return 0;
	for (s = p; s != NULL; s = strchr(s, '/'), s = s ? s + 1 : NULL)
		if (strncmp(s, "..", 2) == 0 && (s[2] == '/' || s[2] == '\0'))
			return 0;
	return 1;
}

void
outfiles_begin(struct outfiles *o, struct diag *dg, const char *root,
    int fresh)
{
	char *dir, **names;
	size_t i, n;

	outfiles_end(o);
	o->diag = dg;
	o->root = xstrdup(root);
	o->rootlen = strlen(root);
	o->fresh = fresh;
	dir = xasprintf("%s/" LISTDIR, o->root);
	names = list_names(dir, &n);
	o->have_old = read_lists(dir, names, n, 0, &o->old, 1);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
}

int
outfiles_have_lists(const struct outfiles *o)
{
	return o->root != NULL && o->have_old;
}

int
outfiles_fresh(const struct outfiles *o)
{
	return o->root != NULL && o->fresh;
}

/* The path of a file under the folder being written, relative to it. */
static const char *
rel(const struct outfiles *o, const char *path)
{
	if (o->root == NULL || strncmp(path, o->root, o->rootlen) != 0 ||
	    path[o->rootlen] != '/')
		return NULL;
	return path + o->rootlen + 1;
}

static void
note(struct outfiles *o, const char *r, uint64_t size, uint64_t h,
    const struct stat *st)
{
	buf_printf(&o->mine, "%" PRIu64 " %lld.%09ld %016" PRIx64 " %s\n",
	    size, (long long)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec,
	    h, r);
}

int
outfiles_unchanged(struct outfiles *o, const char *path, const void *data,
    size_t len)
{
	const char *r = rel(o, path);
	struct entry *e;
	struct stat st;
	uint64_t h;

	if (r == NULL || !o->have_old ||
	    (e = strmap_get(&o->old, r)) == NULL || e->size != len)
		return 0;
	h = hash(data, len);
	if (e->hash != h || lstat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size != len || st.st_mtim.tv_sec != e->sec ||
	    st.st_mtim.tv_nsec != e->nsec)
		return 0;
	note(o, r, len, h, &st);
	return 1;
}

void
outfiles_wrote(struct outfiles *o, const char *path, int fd, const void *data,
    size_t len)
{
	const char *r = rel(o, path);
	struct stat st;

	if (r != NULL && fstat(fd, &st) == 0)
		note(o, r, len, hash(data, len), &st);
}

void
outfiles_forget(struct outfiles *o)
{
	buf_reset(&o->mine);
}

int
outfiles_save(struct outfiles *o, const char *writer)
{
	char *dir, *path;
	size_t off = 0;
	int fd, ok;

	if (o->root == NULL)
		return 1;
	dir = xasprintf("%s/" LISTDIR, o->root);
	path = xasprintf("%s/files-%s.new", dir, writer);
	/* not through out_write: the list does not list itself.  A
	 * list cut short would have the next build remove what this one
	 * wrote: the build fails instead */
	if ((mkdir(dir, 0755) == -1 && errno != EEXIST) ||
	    (fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1) {
		diag_sys(o->diag, path);
		free(path);
		free(dir);
		return 0;
	}
	while (off < o->mine.len) {
		ssize_t n = write(fd, o->mine.data + off, o->mine.len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	ok = off == o->mine.len;
	if (close(fd) == -1)
		ok = 0;
	if (!ok)
		diag_sys(o->diag, path);
	free(path);
	free(dir);
	return ok;
}

/* Removes file r and the folders it leaves empty (up to the root). */
static void
remove_stale(const struct outfiles *o, const char *r)
{
	char *path = xasprintf("%s/%s", o->root, r), *slash;

	if (unlink(path) == 0)
		while ((slash = strrchr(path, '/')) != NULL &&
		    (size_t)(slash - path) > o->rootlen) {
			*slash = '\0';
			if (rmdir(path) == -1)
				break;
		}
	free(path);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in the list folder, sorted. */
static char **
list_names(const char *dir, size_t *n)
{
	struct dirent *de;
	char **names = NULL;
	DIR *d;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, "files-", 6) == 0) {
			names = xrealloc(names, (*n + 1) * sizeof(*names));
			names[(*n)++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (*n > 0)
		qsort(names, *n, sizeof(*names), by_name);
	return names;
}

static int
is_new(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".new") == 0;
}

/* Whether name has a new list (name.new) that will replace it. */
static int
names_has_new(char **names, size_t n, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < n; i++)
		if (strncmp(names[i], name, len) == 0 &&
		    strcmp(names[i] + len, ".new") == 0)
			return 1;
	return 0;
}

/* Reads the new lists (what this build made) into now. */
/* Reads the lists in dir, the new ones (name.new) or the old ones, into
 * map: path -> its entry (or, without entries, a mark).  Returns whether
 * there was any. */
static int
read_lists(const char *dir, char **names, size_t n, int new,
    struct strmap *map, int entries)
{
	size_t i, len;
	int found = 0;

	for (i = 0; i < n; i++) {
		char *path, *text, *line, *next;

		if (is_new(names[i]) != new ||
		    (!new && strchr(names[i], '.') != NULL))
			continue;
		path = xasprintf("%s/%s", dir, names[i]);
		text = file_read(path, &len);
		free(path);
		if (text == NULL)
			continue;
		found = 1;
		for (line = text; (next = strchr(line, '\n')) != NULL;
		    line = next) {
			struct entry e, *ep;
			int off = 0;

			*next++ = '\0';
			if (sscanf(line, "%" SCNu64 " %lld.%ld %" SCNx64 " %n",
			    &e.size, &e.sec, &e.nsec, &e.hash, &off) != 4 ||
			    off == 0 || !good_path(line + off))
				continue;
			if (!entries) {
				strmap_put(map, line + off, map);
				continue;
			}
			ep = xmalloc(sizeof(*ep));
			*ep = e;
			if (!strmap_put(map, line + off, ep))
				free(ep);
		}
		free(text);
	}
	return found;
}

void
outfiles_prune(struct outfiles *o, const char *prefix, int inside)
{
	struct strmap now = { 0 };
	size_t i, n, plen = strlen(prefix);
	char *dir, **names;

	if (o->root == NULL || !o->have_old)
		return;
	dir = xasprintf("%s/" LISTDIR, o->root);
	names = list_names(dir, &n);
	read_lists(dir, names, n, 1, &now, 0);
	/* what the old lists named and no writer made this time */
	for (i = 0; i < o->old.cap; i++)
		if (o->old.keys[i] != NULL &&
		    (strncmp(o->old.keys[i], prefix, plen) == 0) == inside &&
		    strmap_get(&now, o->old.keys[i]) == NULL)
			remove_stale(o, o->old.keys[i]);
	strmap_free(&now);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
}

void
outfiles_commit(struct outfiles *o)
{
	char *dir, **names;
	size_t i, n;

	if (o->root == NULL)
		return;
	dir = xasprintf("%s/" LISTDIR, o->root);
	names = list_names(dir, &n);
	/* the new lists replace the old ones */
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);

		if (is_new(names[i])) {
			char *to = xstrndup(path, strlen(path) - 4);

			rename(path, to);
			free(to);
		} else if (!names_has_new(names, n, names[i]))
			unlink(path);
		free(path);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
}

void
outfiles_end(struct outfiles *o)
{
	size_t i;

	for (i = 0; i < o->old.cap; i++)
		free(o->old.vals[i]);
	strmap_free(&o->old);
	buf_free(&o->mine);
	free(o->root);
	o->root = NULL;
	o->rootlen = 0;
	o->have_old = o->fresh = 0;
}

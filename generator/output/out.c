/*
 * out.c: the output transaction.  A build writes into a temporary folder
 * beside output/ (reusing output.prev's files), each file through
 * out_write, which keeps it as it is when unchanged (the file lists,
 * outfiles.c, tell without reading it); forked writers write their share
 * and relay what they said; the folder is swapped in place of output/
 * only when everything succeeded.  An interruption removes it.
 */
#define _GNU_SOURCE /* renameat2 */
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/pactkit.h"
#include "output/out.h"

/* Whether the file open on fd holds exactly data: then it is kept as it
 * is, its time touched for prune() below. */
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

/* len bytes of p into fd (again when a signal cut a write short): 1
 * when all were written, 0 with errno set. */
static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		p += n;
		len -= (size_t)n;
	}
	return 1;
}

/* data into the device or pipe at path, which is left in place. */
static int
write_through(struct out *o, const char *path, const char *p, size_t len)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY), ok;

	if (fd == -1) {
		diag_sys(o->diag, path);
		return 0;
	}
	ok = write_all(fd, p, len);
	if (close(fd) == -1 || !ok) {
		diag_sys(o->diag, path);
		return 0;
	}
	return 1;
}

int
out_write(struct out *o, const char *path, const void *data, size_t len)
{
	const char *slash = strrchr(path, '/'), *p = data;
	struct stat st;
	int fd;

	/* A file left by an earlier build is kept when unchanged, else
	 * replaced by a new one: truncating in place makes ext4 flush it
	 * to disk on close, which costs more than writing.  The build's
	 * file lists (outfiles.c) tell without reading it; without them the
	 * contents are compared. */
	if (outfiles_fresh(&o->files)) {
		/* a new folder: nothing to keep; a page's own folder is not
		 * there yet */
		if (slash != NULL && slash != path) {
			char *dir = xstrndup(path, (size_t)(slash - path));
			int ok = mkdir(dir, 0755) == 0 || errno == EEXIST ||
			    file_mkdirs(o->diag, dir);

			free(dir);
			if (!ok)
				return 0;
		}
	} else if (outfiles_unchanged(&o->files, path, data, len))
		return 1;
	else if (outfiles_have_lists(&o->files))
		unlink(path);
	else if (lstat(path, &st) == 0) {
		if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
			/* render --pdf /dev/stdout: written through, and a
			 * device is never removed (as root it could be) */
			return write_through(o, path, data, len);
		if (S_ISLNK(st.st_mode))
			unlink(path);   /* replaced, never written through */
		else if (!S_ISREG(st.st_mode)) {
			diag(o->diag, DIAG_ERROR, path, 0, 0,
			    "exists and is not a regular file: pactkit "
			    "replaces only files");
			return 0;
		} else if ((fd = open(path, O_RDONLY | O_CLOEXEC |
		    O_NOFOLLOW)) != -1) {
			int same = same_content(fd, data, len);

			if (same)
				outfiles_wrote(&o->files, path, fd, data, len);
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
		int ok = mkdir(dir, 0755) == 0 || file_mkdirs(o->diag, dir);

		free(dir);
		if (!ok)
			return 0;
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	}
	if (fd == -1) {
		diag_sys(o->diag, path);
		return 0;
	}
	if (!write_all(fd, p, len)) {
		diag_sys(o->diag, path);
		close(fd);
		return 0;
	}
	outfiles_wrote(&o->files, path, fd, data, len);
	if (close(fd) == -1) {
		diag_sys(o->diag, path);
		return 0;
	}
	return 1;
}

int
out_copy(struct out *o, const char *from, const char *to)
{
	size_t len;
	char *data = file_read(from, &len);
	int ok;

	if (data == NULL) {
		diag_sys(o->diag, from);
		return 0;
	}
	ok = out_write(o, to, data, len);
	free(data);
	return ok;
}

int
out_copytree(struct out *o, const char *from, const char *to)
{
	struct dirent *de;
	DIR *d;
	int ok = 1;

	if (file_isfile(from))
		return out_copy(o, from, to);
	if ((d = opendir(from)) == NULL) {
		diag_sys(o->diag, from);
		return 0;
	}
	if (!file_mkdirs(o->diag, to)) {
		closedir(d);
		return 0;
	}
	while (ok && (de = readdir(d)) != NULL) {
		char *a, *b;

		if (de->d_name[0] == '.')
			continue;
		a = xasprintf("%s/%s", from, de->d_name);
		b = xasprintf("%s/%s", to, de->d_name);
		ok = out_copytree(o, a, b);
		free(a);
		free(b);
	}
	closedir(d);
	return ok;
}

char *
out_shown(const struct out *o, const char *path)
{
	size_t n = o->tmp != NULL ? strlen(o->tmp) : 0;

	if (n > 0 && o->dir != NULL && strncmp(path, o->tmp, n) == 0 &&
	    path[n] == '/')
		return xasprintf("%s%s", o->dir, path + n);
	return xstrdup(path);
}

/* ---- the transaction: a temporary folder swapped in ------------------- */

/*
 * What the signal handlers may touch, set before they are installed:
 * flags and fixed buffers only (one build runs at a time in a process).
 * The handlers do only what is async-signal-safe.  SIGINT or SIGTERM
 * sets stop_ask(), which the long loops poll: the build then fails
 * through its usual path (the temporary folder removed, output/ as it
 * was) and build_run raises the signal again.  The forked writers are
 * killed at once (out_wait reaps them), and an alarm stands by: if the
 * main flow has not stopped 3 s later (stuck where nothing polls),
 * on_alarm renames the temporary folder to a name the next build removes
 * and ends the process by the signal.  A second signal does the same at
 * once.
 */
static volatile sig_atomic_t tmp_live;  /* tmp_path exists and is ours */
static char tmp_path[PATH_MAX];         /* the temporary output folder */
static char stale_path[PATH_MAX];       /* a name leftovers() removes */
static volatile pid_t kids[OUT_MAXKIDS]; /* forked writers (0: none) */

static void
give_up(void)
{
	int sig = stop_asked();
	sigset_t set;

	if (tmp_live)
		rename(tmp_path, stale_path);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);   /* blocked while its own handler runs */
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

static void
on_alarm(int unused)
{
	(void)unused;
	give_up();
}

static void
on_signal(int sig)
{
	int e = errno;
	size_t i;

	if (stop_asked() != 0)
		give_up();
	stop_ask(sig);
	for (i = 0; i < OUT_MAXKIDS; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGKILL);
	signal(SIGALRM, on_alarm);
	alarm(3);
	errno = e;
}

/* Whether path may become or be replaced by an output folder: nothing
 * there, an empty folder, or a folder a build made (it holds .pactkit/,
 * the file lists every build writes).  Anything else (a file, a device,
 * a symbolic link, someone's folder) is never removed nor replaced:
 * an error naming it, before anything is written. */
static int
claimable(struct diag *dg, const char *path)
{
	struct stat st;
	const char *what = NULL;
	char *lists;
	DIR *d;

	if (lstat(path, &st) == -1)
		return 1;       /* absent (a bad parent fails later) */
	if (S_ISLNK(st.st_mode))
		what = "a symbolic link";
	else if (!S_ISDIR(st.st_mode))
		what = S_ISREG(st.st_mode) ? "a file" : "not a folder (a device, "
		    "pipe or socket)";
	else {
		lists = xasprintf("%s/.pactkit", path);
		if (lstat(lists, &st) == 0 && S_ISDIR(st.st_mode)) {
			free(lists);
			return 1;
		}
		free(lists);
		if ((d = opendir(path)) != NULL) {
			struct dirent *de;
			int empty = 1;

			while (empty && (de = readdir(d)) != NULL)
				empty = strcmp(de->d_name, ".") == 0 ||
				    strcmp(de->d_name, "..") == 0;
			closedir(d);
			if (empty)
				return 1;
		}
		what = "a folder pactkit did not make (no .pactkit/ inside)";
	}
	diag(dg, DIAG_ERROR, path, 0, 0,
	    "is %s: pactkit writes its output only where nothing is, into an "
	    "empty folder or over its own output; name another folder with -o, "
	    "or move this one away", what);
	return 0;
}

/* Whether path, a folder, is empty or holds .pactkit/ (every output
 * does): what an older build's leftovers hold. */
static int
ours(const char *path)
{
	char *lists = xasprintf("%s/.pactkit", path);
	struct stat st;
	struct dirent *de;
	DIR *d;
	int yes = lstat(lists, &st) == 0 && S_ISDIR(st.st_mode);

	free(lists);
	if (!yes && (d = opendir(path)) != NULL) {
		yes = 1;
		while (yes && (de = readdir(d)) != NULL)
			yes = strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0;
		closedir(d);
	}
	return yes;
}

/* Whether f (out.tmp-REST or out.old-REST, REST at f + prefix) is what a
 * build left, and that build is not running: REST is PID-XXXXXX (the
 * names out_begin gives, the same six characters for both), or, from
 * builds before those names, XXXXXX for a temporary folder with the
 * contents of an output (never out.old-NUMBER: a backup, as likely as
 * an older build's).  A live process's names
 * are its own; this process runs one build at a time (serve), so its own
 * names are leftovers. */
static int
leftover(const char *f, size_t prefix, int tmp)
{
	const char *rest = f + prefix, *p;
	char *end;
	long pid = strtol(rest, &end, 10);
	size_t n;

	if (end != rest && *end == '-' && pid > 0) {
		for (p = end + 1, n = 0; isalnum((unsigned char)p[n]); n++)
			;
		if (n != 6 || p[n] != '\0')
			return 0;
	} else {
		for (n = 0; tmp && isalnum((unsigned char)rest[n]); n++)
			;
		return tmp && n == 6 && rest[n] == '\0' && ours(f);
	}
	return pid == (long)getpid() || (kill((pid_t)pid, 0) == -1 &&
	    errno == ESRCH);
}

/* Removes what a killed build left beside out (out.tmp-*, out.old-*):
 * folders with the names builds give (leftover), never what a symbolic
 * link points to, never someone's folder (a backup named output.old-2023
 * stays), never the folder of a build still running beside this one (a
 * build in another terminal, or serve's). */
static void
leftovers(const char *out)
{
	static const char *const pats[] = { "%s.tmp-*", "%s.old-*" };
	size_t i, k, n = strlen(out);
	glob_t g;

	for (i = 0; i < 2; i++) {
		char *pat = xasprintf(pats[i], out);

		if (glob(pat, 0, NULL, &g) == 0) {
			for (k = 0; k < g.gl_pathc; k++) {
				const char *f = g.gl_pathv[k];
				struct stat st;

				if (lstat(f, &st) == 0 && S_ISDIR(st.st_mode) &&
				    leftover(f, n + 5, i == 0))
					file_rmtree(f);
			}
			globfree(&g);
		}
		free(pat);
	}
}

/* Swaps the finished folder tmp into out.  The previous output is kept
 * as out.prev: the next build writes over it in place, which is much
 * cheaper than making thousands of new files and folders. */
static int
swap(struct diag *dg, const char *tmp, const char *out)
{
	char *prev = xasprintf("%s.prev", out);
	int ok = 1;

	if (!file_isdir(out)) {
		if (rename(tmp, out) == -1) {
			diag_sys(dg, out);
			ok = 0;
		}
	} else if (renameat2(AT_FDCWD, tmp, AT_FDCWD, out,
	    RENAME_EXCHANGE) == 0) {
		/* tmp now holds the old output */
		file_rmtree(prev);
		if (rename(tmp, prev) == -1)
			file_rmtree(tmp);
	} else {
		/* no exchange on this file system: out aside, tmp in */
		file_rmtree(prev);
		if (rename(out, prev) == -1) {
			diag_sys(dg, out);
			ok = 0;
		} else if (rename(tmp, out) == -1) {
			diag_sys(dg, out);
			rename(prev, out);
			ok = 0;
		}
	}
	if (!ok)
		file_rmtree(tmp);       /* a failed build leaves nothing */
	free(prev);
	return ok;
}

/* Removes the files under dir older than the build (before o->mark),
 * and the folders left empty: what an earlier build wrote and this one
 * did not.  Leaves the folders named in skip at depth 1. */
static void
prune(const struct out *o, const char *dir, char *const *skip,
    size_t nskip, int depth)
{
	const struct timespec *t0 = &o->mark;

	struct dirent *de;
	struct stat st;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *sub;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (depth == 1) {
			size_t l;

			for (l = 0; l < nskip; l++)
				if (strcmp(de->d_name, skip[l]) == 0)
					break;
			if (l < nskip)
				continue;
		}
		sub = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(sub, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				prune(o, sub, skip, nskip, depth + 1);
				rmdir(sub);     /* fails unless empty: fine */
			} else if (st.st_mtim.tv_sec < t0->tv_sec ||
			    (st.st_mtim.tv_sec == t0->tv_sec &&
			    st.st_mtim.tv_nsec < t0->tv_nsec))
				unlink(sub);
		}
		free(sub);
	}
	closedir(d);
}

/* Takes the previous generation's folder as the one to write into: the
 * next build writes over it in place, much cheaper than making thousands
 * of new files and folders.  1 ok, 0 (printed). */
static int
adopt(struct out *o, const char *tmp)
{
	char *prev = xasprintf("%s.prev", o->dir);
	char *mark = xasprintf("%s/.pactkit-build", tmp);
	struct stat mst;
	int fresh = 1, ok;

	if (file_isdir(prev) && rmdir(tmp) == 0) {
		if (rename(prev, tmp) == 0)
			fresh = 0;
		else
			mkdir(tmp, 0700);
	}
	ok = out_write(o, mark, "", 0) && stat(mark, &mst) == 0;
	unlink(mark);
	o->mark = mst.st_mtim;
	outfiles_begin(&o->files, o->diag, tmp, fresh);
	free(mark);
	free(prev);
	return ok;
}

int
out_begin(struct out *o, const char *dir)
{
	char *prev = xasprintf("%s.prev", dir), *tmp, *slash;
	int ok;

	ok = claimable(o->diag, dir) && claimable(o->diag, prev);
	free(prev);
	if (!ok)
		return 0;
	o->dir = xstrdup(dir);
	leftovers(dir);
	tmp = xasprintf("%s.tmp-%ld-XXXXXX", dir, (long)getpid());
	if ((slash = strrchr(dir, '/')) != NULL) {
		char *parent = xstrndup(dir, (size_t)(slash - dir));

		if (*parent != '\0' && !file_mkdirs(o->diag, parent))
			ok = 0;
		free(parent);
	}
	/* from here an interruption fails the build */
	stop_clear();
	tmp_live = 0;
	if (snprintf(stale_path, sizeof(stale_path), "%s.old-%ld-XXXXXX", dir,
	    (long)getpid()) >= (int)sizeof(stale_path) ||
	    snprintf(tmp_path, sizeof(tmp_path), "%s", tmp) >=
	    (int)sizeof(tmp_path))
		stale_path[0] = tmp_path[0] = '\0';
	o->oldint = signal(SIGINT, on_signal);
	o->oldterm = signal(SIGTERM, on_signal);
	o->handlers = 1;
	if (ok && mkdtemp(tmp) == NULL) {
		diag_sys(o->diag, dir);
		ok = 0;
	} else if (ok) {
		if (stale_path[0] != '\0') {
			size_t n = strlen(tmp);

			/* the same six characters: out.tmp-PID-XXXXXX is set
			 * aside as out.old-PID-XXXXXX */
			memcpy(tmp_path, tmp, n);
			memcpy(stale_path + n - 6, tmp + n - 6, 6);
			tmp_live = 1;
		}
		o->tmp = xstrdup(tmp);
		ok = adopt(o, tmp);
	}
	if (ok)
		chmod(tmp, 0755);
	else
		out_end(o, 0);
	free(tmp);
	return ok;
}

void
out_prune(struct out *o, const char *sub, char *const *skip, size_t nskip)
{
	char *dir;

	if (o->tmp == NULL)
		return;
	dir = *sub != '\0' ? xasprintf("%s/%s", o->tmp, sub) :
	    xstrdup(o->tmp);
	prune(o, dir, skip, nskip, 0);
	free(dir);
}

int
out_end(struct out *o, int ok)
{
	outfiles_end(&o->files);
	if (ok && o->tmp != NULL && stop_asked() == 0) {
		/* no signal handler in the middle of the swap: a signal
		 * now waits, and the build is done */
		sigset_t set, old;

		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGALRM);
		sigprocmask(SIG_BLOCK, &set, &old);
		ok = swap(o->diag, o->tmp, o->dir);
		tmp_live = 0;
		sigprocmask(SIG_SETMASK, &old, NULL);
	} else {
		ok = 0;
		if (o->tmp != NULL)
			file_rmtree(o->tmp);    /* made, but the build failed */
	}
	tmp_live = 0;
	if (o->handlers) {
		/* serve keeps its own handlers between builds; otherwise the
		 * signal that stopped the build ends the process (exit 130
		 * for SIGINT in a shell), even where a shell had it ignored */
		if (o->oldint == SIG_ERR || o->oldint == SIG_IGN)
			o->oldint = SIG_DFL;
		if (o->oldterm == SIG_ERR || o->oldterm == SIG_IGN)
			o->oldterm = SIG_DFL;
		signal(SIGINT, o->oldint);
		signal(SIGTERM, o->oldterm);
		alarm(0);
		signal(SIGALRM, SIG_DFL);
		o->handlers = 0;
	}
	free(o->tmp);
	free(o->dir);
	o->tmp = o->dir = NULL;
	return ok;
}

/* ---- forked writers ----------------------------------------------------- */

int
out_fork(struct out *o, const char *list, int (*work)(void *), void *arg,
    struct out_kid *kid)
{
	pid_t parent = getpid();
	int fd[2], rc;
	size_t i;

	kid->pid = -1;
	kid->fd = -1;
	fflush(stderr);
	if (pipe(fd) == -1)
		return 0;
	if ((kid->pid = fork()) == -1) {
		close(fd[0]);
		close(fd[1]);
		return 0;
	}
	if (kid->pid == 0) {
		/* the parent cleans up: a signal just ends us, and a parent
		 * killed outright (SIGKILL) takes us along, so that no
		 * orphan writes on into its folder */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		tmp_live = 0;
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(fd[0]);
		/* its files in a list of its own; only what it says is
		 * relayed: the parent counted what came before the fork */
		outfiles_forget(&o->files);
		diag_relay_begin(o->diag);
		rc = work(arg) && outfiles_save(&o->files, list);
		if (!diag_relay_send(o->diag, fd[1]))
			rc = 0;
		_exit(rc ? 0 : 1);
	}
	close(fd[1]);
	kid->fd = fd[0];
	for (i = 0; i < OUT_MAXKIDS; i++)
		if (kids[i] <= 0) {
			kids[i] = kid->pid;
			break;
		}
	return 1;
}

static void
forget_kid(const struct out_kid *kid)
{
	size_t i;

	for (i = 0; i < OUT_MAXKIDS; i++)
		if (kids[i] == kid->pid)
			kids[i] = 0;
}

int
out_wait(struct out *o, struct out_kid *kid)
{
	int st, ok;

	if (stop_asked() != 0)
		kill(kid->pid, SIGKILL);        /* interrupted: no need to finish */
	ok = diag_relay_receive(o->diag, kid->fd);
	close(kid->fd);
	if (waitpid(kid->pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		ok = 0;
	forget_kid(kid);
	return ok;
}

void
out_kill(struct out_kid *kid)
{
	kill(kid->pid, SIGKILL);
	waitpid(kid->pid, NULL, 0);
	close(kid->fd);
	forget_kid(kid);
}

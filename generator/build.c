/*
 * build.c: one whole build or check of a project: load it, take every
 * page through Markdown, typography, ids and links, then (build only)
 * write the site and the PDFs into a temporary folder and swap it in
 * place of output/ when everything succeeded.
 */
#define _GNU_SOURCE /* renameat2 */
#include <sys/prctl.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <sys/wait.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pactkit.h"

#ifndef PK_SHAREDIR
#define PK_SHAREDIR "/usr/local/share/pactkit"
#endif

/* what the signal handlers may touch: set before they are installed */
static volatile sig_atomic_t tmp_live; /* tmp_path exists and is ours */
static char tmp_path[PATH_MAX];         /* the temporary output folder */
static char stale_path[PATH_MAX];       /* a name remove_stale removes */
static volatile pid_t kids[PK_MAXLANG]; /* forked writers */

int build_once;                 /* set by main: one build, then exit */
struct project build_kept;      /* what such a build leaves to exit() */

static struct timespec build_mark; /* files older than this are stale */

static void prune(const char *, const struct project *, int);

/*
 * The handlers do only what is async-signal-safe.  SIGINT or SIGTERM
 * sets util_stop, which the long loops poll: the build then fails
 * through its usual path (the temporary folder removed, output/ as it
 * was) and build_run raises the signal again.  The forked writers are
 * killed at once (the main flow reaps them), and an alarm stands by:
 * if the main flow has not stopped 3 s later (stuck where nothing
 * polls), on_alarm renames the temporary folder to a name the next
 * build removes and ends the process by the signal.  A second signal
 * does the same at once.
 */
static void
give_up(void)
{
	int sig = util_stop;
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

	if (util_stop != 0)
		give_up();
	util_stop = sig;
	for (i = 0; i < PK_MAXLANG; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGKILL);
	signal(SIGALRM, on_alarm);
	alarm(3);
	errno = e;
}

/* The folder with lua/builtin and themes/: beside the binary when run
 * from a source tree, else the installed one. */
char *
build_share(void)
{
	const char *env = getenv("PACTKIT_SHARE");
	char exe[PATH_MAX], *slash, *probe;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		probe = xasprintf("%s/lua/builtin/i18n", exe);
		if (util_isdir(probe)) {
			free(probe);
			return xstrdup(exe);
		}
		free(probe);
	}
	return xstrdup(PK_SHAREDIR);
}

/* Page titles through the typography of their language. */
static void
titles(struct project *p)
{
	size_t i;

	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i];
		struct buf t = { 0 };

		if (pg->title == NULL)
			continue;
		typo_text(&t, pg->title, p->site.langs[pg->lang]);
		free(pg->title);
		pg->title = buf_detach(&t);
	}
}

/* Whether this process handles pg (p->lang_only: a forked writer). */
static int
mine(const struct project *p, const struct page *pg)
{
	return p->lang_only < 0 || pg->lang == (size_t)p->lang_only;
}

/* The pages of this process through markdown, typography, ids, links;
 * each then to the site writer so, when there is one (a build). */
static int
process(struct project *p, struct site_out *so, int verbose, int quiet)
{
	size_t i, l, n = 0;
	int ok = 1, progress = !quiet && !verbose && isatty(2) &&
	    p->npages >= 200 && p->lang_only <= 0;

	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i];

		if (!mine(p, pg))
			continue;
		if (util_stop != 0) {
			ok = 0;         /* interrupted */
			break;
		}
		n++;
		if (verbose)
			diag(DIAG_NOTE, pg->src, 0, 0, "reading");
		else if (progress && (n % 50 == 0 || i + 1 == p->npages))
			fprintf(stderr, "\rpactkit: %zu/%zu pages", n,
			    p->lang_only < 0 ? p->npages :
			    p->npages / p->site.nlangs);
		lint_page(pg);
		if (!markdown_body(p, pg)) {
			ok = 0;
			continue;
		}
		typo_pass(xmlDocGetRootElement(pg->doc),
		    p->site.langs[pg->lang]);
		tree_ids(xmlDocGetRootElement(pg->doc), &pg->ids);
		pg->done = 1;
		/* a link to an id of a page not built yet waits for it */
		ok &= links_resolve(p, pg);
		if (ok && so != NULL)
			ok = site_page(so, pg);
	}
	if (progress)
		fputs("\r\033[K", stderr);
	ok &= links_finish();
	if (!ok)
		return 0;
	for (i = 0; i < p->npages; i++)
		for (l = 0; l < p->site.nlangs && mine(p, p->pages[i]); l++)
			if (p->pages[i]->trans[l] == NULL)
				diag(DIAG_WARN, p->pages[i]->src, 0, 0,
				    "page '%s' has no translation in '%s' "
				    "(built in '%s' only)", p->pages[i]->key,
				    p->site.langs[l],
				    p->site.langs[p->pages[i]->lang]);
	return ok;
}

/* One process's share of a build: its pages, their site and PDFs. */
static int
write_share(struct project *p, const char *tmp, int verbose, int quiet)
{
	struct site_out *so = site_open(p, tmp);
	int ok = process(p, so, verbose, quiet) && so != NULL;

	ok = (so == NULL || site_close(so, ok)) && ok &&
	    pdf_write_all(p, tmp) && office_write_all(p, tmp) &&
	    diag_errors() == 0;

	if (ok && p->lang_only >= 0 && !outfiles_have_lists() &&
	    !outfiles_fresh()) {
		/* each writer drops its own language's stale files (the
		 * file lists, when there are some, do it at the end) */
		const char *lang = p->site.langs[p->lang_only];
		char *site = xasprintf("%s/site/%s", tmp, lang);
		char *pdf = xasprintf("%s/pdf/%s", tmp, lang);

		prune(site, NULL, 0);
		prune(pdf, NULL, 0);
		free(site);
		free(pdf);
	}
	return ok;
}

/* Builds into tmp.  A site in several languages is built by one process
 * per language (fork: the loaded project is shared for free); each child
 * reports its errors and warnings through a pipe. */
static int
write_all(struct project *p, const char *tmp, int verbose, int quiet,
    int *forked)
{
	pid_t pids[PK_MAXLANG], parent = getpid();
	int fds[PK_MAXLANG], ok = 1;
	size_t l, k, n = p->site.nlangs;

	*forked = 0;
	if (n < 2 || p->npages < 100 || getenv("PACTKIT_JOBS") != NULL)
		return write_share(p, tmp, verbose, quiet);
	*forked = 1;
	for (l = 1; l < n; l++) {
		int fd[2];

		pids[l] = -1;
		fflush(stderr);
		if (pipe(fd) == -1 || (pids[l] = fork()) == -1) {
			diag_sys("fork");
			/* the writers already started must not write on
			 * into a folder about to be removed */
			for (k = 1; k < l; k++) {
				kill(pids[k], SIGKILL);
				waitpid(pids[k], NULL, 0);
				close(fds[k]);
				kids[k] = 0;
			}
			return 0;
		}
		if (pids[l] == 0) {
			int rc;

			/* the parent cleans up: a signal just ends us, and
			 * a parent killed outright (SIGKILL) takes us along,
			 * so that no orphan writes on into its folder */
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			if (getppid() != parent)
				_exit(1);
			tmp_live = 0;
			signal(SIGINT, SIG_DFL);
			signal(SIGTERM, SIG_DFL);
			close(fd[0]);
			p->lang_only = (int)l;
			outfiles_forget();
			/* only what this child says: the parent counted
			 * what came before the fork */
			diag_relay_begin();
			rc = write_share(p, tmp, verbose, quiet) &&
			    outfiles_save(p->site.langs[l]);
			if (!diag_relay_send(fd[1]))
				rc = 0;
			_exit(rc ? 0 : 1);
		}
		close(fd[1]);
		fds[l] = fd[0];
		kids[l] = pids[l];
	}
	p->lang_only = 0;
	ok = write_share(p, tmp, verbose, quiet);
	for (l = 1; l < n; l++) {
		int st;

		if (util_stop != 0)
			kill(pids[l], SIGKILL); /* interrupted: no need to finish */
		if (!diag_relay_receive(fds[l]))
			ok = 0;
		close(fds[l]);
		if (waitpid(pids[l], &st, 0) == -1 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			ok = 0;
		kids[l] = 0;
	}
	p->lang_only = -1;
	return ok;
}

/* Swaps the finished folder tmp into out.  The previous output is kept
 * as out.prev: the next build writes over it in place, which is much
 * cheaper than making thousands of new files and folders. */
static int
swap_output(const char *tmp, const char *out)
{
	char *prev = xasprintf("%s.prev", out);
	int ok = 1;

	if (!util_isdir(out)) {
		if (rename(tmp, out) == -1) {
			diag_sys(out);
			ok = 0;
		}
	} else if (renameat2(AT_FDCWD, tmp, AT_FDCWD, out,
	    RENAME_EXCHANGE) == 0) {
		/* tmp now holds the old output */
		util_rmtree(prev);
		if (rename(tmp, prev) == -1)
			util_rmtree(tmp);
	} else {
		/* no exchange on this file system: out aside, tmp in */
		util_rmtree(prev);
		if (rename(out, prev) == -1) {
			diag_sys(out);
			ok = 0;
		} else if (rename(tmp, out) == -1) {
			diag_sys(out);
			rename(prev, out);
			ok = 0;
		}
	}
	if (!ok)
		util_rmtree(tmp);       /* a failed build leaves nothing */
	free(prev);
	return ok;
}

/* Removes the files under dir older than the build (before build_mark),
 * and the folders left empty: what an earlier build wrote and this one
 * did not.  With skip, leaves the language folders of site/ and pdf/
 * (depth 1), which their writers pruned. */
static void
prune(const char *dir, const struct project *skip, int depth)
{
	const struct timespec *t0 = &build_mark;

	struct dirent *de;
	struct stat st;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *sub;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (skip != NULL && depth == 1) {
			size_t l;

			for (l = 0; l < skip->site.nlangs; l++)
				if (strcmp(de->d_name, skip->site.langs[l]) == 0)
					break;
			if (l < skip->site.nlangs)
				continue;
		}
		sub = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(sub, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				prune(sub, skip, depth + 1);
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

/* PACTKIT_TIMING=1 prints the time each phase took. */
static void
phase(const char *name, const struct timespec *t0)
{
	static double last;
	struct timespec t;
	double now;

	if (getenv("PACTKIT_TIMING") == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	now = (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
	fprintf(stderr, "pactkit: %-6s %.3f s\n", name, now - last);
	last = now;
}

/* Whether path may become or be replaced by an output folder: nothing
 * there, an empty folder, or a folder a build made (it holds .pactkit/,
 * the file lists every build writes).  Anything else (a file, a device,
 * a symbolic link, someone's folder) is never removed nor replaced:
 * an error naming it, before anything is written. */
static int
claimable(const char *path)
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
	diag(DIAG_ERROR, path, 0, 0, "is %s: pactkit writes its output only "
	    "where nothing is, into an empty folder or over its own output; "
	    "name another folder with -o, or move this one away", what);
	return 0;
}

/* Removes what a killed build left beside out (output.tmp-*, .old-*):
 * folders only, never what a symbolic link points to. */
static void
remove_stale(const char *out)
{
	static const char *const pats[] = { "%s.tmp-??????", "%s.old-*" };
	size_t i, k;
	glob_t g;

	for (i = 0; i < 2; i++) {
		char *pat = xasprintf(pats[i], out);

		if (glob(pat, 0, NULL, &g) == 0) {
			for (k = 0; k < g.gl_pathc; k++) {
				struct stat st;

				if (lstat(g.gl_pathv[k], &st) == 0 &&
				    S_ISDIR(st.st_mode))
					util_rmtree(g.gl_pathv[k]);
			}
			globfree(&g);
		}
		free(pat);
	}
}

int
build_run(const char *dir, const char *outdir, int check, int verbose,
    int quiet)
{
	struct project p;
	char *share = build_share(), *out, *tmp = NULL;
	struct stat mst;
	int forked = 0, made = 0;
	void (*old_int)(int) = SIG_DFL, (*old_term)(int) = SIG_DFL;
	struct timespec t0, t1;
	size_t i, l;
	int ok;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok = project_load(&p, dir, share);
	free(share);
	phase("load", &t0);
	if (ok) {
		titles(&p);
		lint_data(&p);
	}
	if (check || !ok) {
		ok = ok && process(&p, NULL, verbose, quiet);
		phase("pages", &t0);
		if (ok && diag_errors() == 0 && !quiet)
			fprintf(stderr, "pactkit: %zu pages checked, %zu "
			    "warnings, no errors\n", p.npages, diag_warnings());
		if (build_once)
			build_kept = p; /* as below */
		else
			project_free(&p);
		return ok && diag_errors() == 0 ? 0 : 1;
	}
	out = outdir != NULL ? xstrdup(outdir) : xasprintf("%s/output", dir);
	for (l = strlen(out); l > 1 && out[l - 1] == '/'; l--)
		out[l - 1] = '\0';     /* "-o site/" is the folder site */
	{
		char *prev = xasprintf("%s.prev", out);

		ok = claimable(out) && claimable(prev);
		free(prev);
	}
	if (!ok) {
		fprintf(stderr, "pactkit: build failed; %s left as it was\n",
		    out);
		free(out);
		if (build_once)
			build_kept = p;
		else
			project_free(&p);
		return 1;
	}
	remove_stale(out);
	tmp = xasprintf("%s.tmp-XXXXXX", out);
	{
		char *slash = strrchr(out, '/');

		if (slash != NULL) {
			char *parent = xstrndup(out, (size_t)(slash - out));

			if (*parent != '\0' && !util_mkdirs(parent))
				ok = 0;
			free(parent);
		}
	}
	/* from here an interruption fails the build */
	util_stop = 0;
	tmp_live = 0;
	if (snprintf(stale_path, sizeof(stale_path), "%s.old-%ld", out,
	    (long)getpid()) >= (int)sizeof(stale_path) ||
	    snprintf(tmp_path, sizeof(tmp_path), "%s", tmp) >=
	    (int)sizeof(tmp_path))
		stale_path[0] = tmp_path[0] = '\0';
	old_int = signal(SIGINT, on_signal);
	old_term = signal(SIGTERM, on_signal);
	if (ok && mkdtemp(tmp) == NULL) {
		diag_sys(out);
		ok = 0;
	}
	if (ok) {
		made = 1;
		if (stale_path[0] != '\0') {
			memcpy(tmp_path, tmp, strlen(tmp));  /* the XXXXXX */
			tmp_live = 1;
		}
	}
	if (ok) {
		/* reuse the previous generation's files, then drop the stale */
		char *prev = xasprintf("%s.prev", out);
		char *mark = xasprintf("%s/.pactkit-build", tmp);

		int fresh = 1;

		if (util_isdir(prev) && rmdir(tmp) == 0) {
			if (rename(prev, tmp) == 0)
				fresh = 0;
			else
				mkdir(tmp, 0700);
		}
		ok = util_writefile(mark, "", 0) && stat(mark, &mst) == 0;
		unlink(mark);
		build_mark = mst.st_mtim;
		outfiles_begin(tmp, fresh);
		free(mark);
		free(prev);
	}
	if (ok) {
		chmod(tmp, 0755);
		ok = write_all(&p, tmp, verbose, quiet, &forked);
		phase("write", &t0);
		/* stale files go first, so that only this build's PDFs are
		 * copied into the site (which links them); then the copies
		 * that are stale in their turn */
		if (ok)
			ok = outfiles_save(forked ? p.site.langs[0] : "all");
		if (ok) {
			if (outfiles_have_lists())
				outfiles_prune("site/pdf/", 0);
			else if (!outfiles_fresh())
				prune(tmp, forked ? &p : NULL, 0);
		}
		if (ok) {
			char *from = xasprintf("%s/pdf", tmp);
			char *to = xasprintf("%s/site/pdf", tmp);

			if (util_isdir(from))
				ok = util_copytree(from, to);
			free(from);
			free(to);
		}
		if (ok)
			ok = outfiles_save(forked ? p.site.langs[0] : "all");
		if (ok) {
			outfiles_prune("site/pdf/", 1);
			outfiles_commit();
		}
		outfiles_end();
		phase("prune", &t0);
	}
	if (ok && util_stop == 0) {
		/* no signal handler in the middle of the swap: a signal
		 * now waits, and the build is done */
		sigset_t set, old;

		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGALRM);
		sigprocmask(SIG_BLOCK, &set, &old);
		ok = swap_output(tmp, out);
		tmp_live = 0;
		sigprocmask(SIG_SETMASK, &old, NULL);
	} else {
		ok = 0;
		if (made)
			util_rmtree(tmp);
	}
	tmp_live = 0;
	/* serve keeps its own handlers between builds; otherwise the
	 * signal that stopped the build ends the process (exit 130 for
	 * SIGINT in a shell), even where a shell had it ignored */
	if (old_int == SIG_ERR || old_int == SIG_IGN)
		old_int = SIG_DFL;
	if (old_term == SIG_ERR || old_term == SIG_IGN)
		old_term = SIG_DFL;
	signal(SIGINT, old_int);
	signal(SIGTERM, old_term);
	alarm(0);
	signal(SIGALRM, SIG_DFL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (ok && !quiet) {
		fprintf(stderr, "pactkit: built %s in %.2f s:", out,
		    (double)(t1.tv_sec - t0.tv_sec) +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
		for (l = 0; l < p.site.nlangs; l++) {
			size_t np = 0;

			for (i = 0; i < p.npages; i++)
				np += p.pages[i]->lang == l;
			fprintf(stderr, "%s %s: %zu pages, %zu PDFs",
			    l ? ";" : "", p.site.langs[l], np, p.site.ndocs);
		}
		fprintf(stderr, "; %zu warnings\n", diag_warnings());
	} else if (!ok && util_stop != 0)
		fprintf(stderr, "pactkit: interrupted; %s left as it was\n",
		    out);
	else if (!ok)
		fprintf(stderr, "pactkit: build failed; %s left as it was\n",
		    out);
	free(tmp);
	free(out);
	if (build_once)
		/* the process ends now: the operating system takes the
		 * pages back faster than freeing them node by node; kept
		 * reachable for leak checkers */
		build_kept = p;
	else
		project_free(&p);
	if (util_stop != 0)
		raise(util_stop);       /* the handler restored above acts */
	return ok ? 0 : 1;
}


/*
 * build.c: one whole build or check of a project: load it, take every
 * page through Markdown, typography, ids and links, then (build only)
 * write the site and the PDFs into a temporary folder and swap it in
 * place of output/ when everything succeeded.
 */
#define _GNU_SOURCE /* renameat2 */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
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

static char *tmp_out;           /* temporary output folder, removed on SIGINT */

static void
on_signal(int sig)
{
	if (tmp_out != NULL)
		util_rmtree(tmp_out);
	signal(sig, SIG_DFL);
	raise(sig);
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

/* Every page through markdown, typography, ids and links. */
static int
process(struct project *p, int verbose, int quiet)
{
	size_t i, l;
	int ok = 1, progress = !quiet && !verbose && isatty(2) &&
	    p->npages >= 200;

	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i];

		if (verbose)
			diag(DIAG_NOTE, pg->src, 0, 0, "reading");
		else if (progress && (i % 50 == 0 || i + 1 == p->npages))
			fprintf(stderr, "\rpactkit: %zu/%zu pages", i + 1,
			    p->npages);
		if (!markdown_body(p, pg)) {
			ok = 0;
			continue;
		}
		typo_pass(xmlDocGetRootElement(pg->doc),
		    p->site.langs[pg->lang]);
		if (pg->title != NULL) {
			struct buf t = { 0 };

			typo_text(&t, pg->title, p->site.langs[pg->lang]);
			free(pg->title);
			pg->title = buf_detach(&t);
		}
		tree_ids(xmlDocGetRootElement(pg->doc));
	}
	if (progress)
		fputs("\r\033[K", stderr);
	if (!ok)
		return 0;
	for (i = 0; i < p->npages; i++)
		ok &= links_resolve(p, p->pages[i]);
	for (i = 0; i < p->npages; i++)
		for (l = 0; l < p->site.nlangs; l++)
			if (p->pages[i]->trans[l] == NULL)
				diag(DIAG_WARN, p->pages[i]->src, 0, 0,
				    "page '%s' has no translation in '%s' "
				    "(built in '%s' only)", p->pages[i]->key,
				    p->site.langs[l],
				    p->site.langs[p->pages[i]->lang]);
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
	} else if (rename(out, prev) == -1 || rename(tmp, out) == -1) {
		diag_sys(out);
		rename(prev, out);
		ok = 0;
	}
	free(prev);
	return ok;
}

/* Removes the files under dir older than the build (mtime before t0),
 * and the folders left empty: what an earlier build wrote and this one
 * did not. */
static void
prune(const char *dir, const struct timespec *t0)
{
	struct dirent *de;
	struct stat st;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *sub;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		sub = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(sub, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				prune(sub, t0);
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

/* Removes what a killed build left beside out (output.tmp-*, .old-*). */
static void
remove_stale(const char *out)
{
	static const char *const pats[] = { "%s.tmp-??????", "%s.old-*" };
	size_t i, k;
	glob_t g;

	for (i = 0; i < 2; i++) {
		char *pat = xasprintf(pats[i], out);

		if (glob(pat, 0, NULL, &g) == 0) {
			for (k = 0; k < g.gl_pathc; k++)
				util_rmtree(g.gl_pathv[k]);
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
	struct timespec t0, t1;
	size_t i, l;
	int ok;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok = project_load(&p, dir, share);
	phase("load", &t0);
	ok = ok && process(&p, verbose, quiet);
	phase("pages", &t0);
	free(share);
	if (ok)
		lint_project(&p);
	phase("lint", &t0);
	if (check || !ok) {
		if (ok && diag_errors() == 0 && !quiet)
			fprintf(stderr, "pactkit: %zu pages checked, %zu "
			    "warnings, no errors\n", p.npages, diag_warnings());
		project_free(&p);
		return ok && diag_errors() == 0 ? 0 : 1;
	}
	out = outdir != NULL ? xstrdup(outdir) : xasprintf("%s/output", dir);
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
	if (ok && mkdtemp(tmp) == NULL) {
		diag_sys(out);
		ok = 0;
	}
	if (ok) {
		/* reuse the previous generation's files, then drop the stale */
		char *prev = xasprintf("%s.prev", out);
		char *mark = xasprintf("%s/.pactkit-build", tmp);

		if (util_isdir(prev) && rmdir(tmp) == 0 && rename(prev, tmp) == -1)
			mkdir(tmp, 0700);
		ok = util_writefile(mark, "", 0) && stat(mark, &mst) == 0;
		unlink(mark);
		free(mark);
		free(prev);
	}
	if (ok) {
		chmod(tmp, 0755);
		tmp_out = tmp;
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		ok = site_write(&p, tmp);
		phase("site", &t0);
		ok = ok && pdf_write_all(&p, tmp) && diag_errors() == 0;
		phase("pdf", &t0);
		if (ok)
			prune(tmp, &mst.st_mtim);
		if (ok) {
			/* the site links its PDFs: keep them inside it too */
			char *from = xasprintf("%s/pdf", tmp);
			char *to = xasprintf("%s/site/pdf", tmp);

			if (util_isdir(from))
				ok = util_copytree(from, to);
			free(from);
			free(to);
		}
		if (ok)
			ok = swap_output(tmp, out);
		else
			util_rmtree(tmp);
		tmp_out = NULL;
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
	}
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
	} else if (!ok)
		fprintf(stderr, "pactkit: build failed; %s left as it was\n",
		    out);
	free(tmp);
	free(out);
	project_free(&p);
	return ok ? 0 : 1;
}


/*
 * build.c: one whole build or check of a project: load it, take every
 * page through Markdown, typography, ids and links, then (build only)
 * write the site and the PDFs into a temporary folder and swap it in
 * place of output/ when everything succeeded.
 */
#include <sys/stat.h>

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

/* Swaps the finished folder tmp into out; the old output is removed
 * only after the new one is in place. */
static int
swap_output(const char *tmp, const char *out)
{
	char *old;

	if (!util_isdir(out)) {
		if (rename(tmp, out) == -1) {
			diag_sys(out);
			return 0;
		}
		return 1;
	}
	old = xasprintf("%s.old-%ld", out, (long)getpid());
	if (rename(out, old) == -1) {
		diag_sys(out);
		free(old);
		return 0;
	}
	if (rename(tmp, out) == -1) {
		diag_sys(out);
		rename(old, out);
		free(old);
		return 0;
	}
	util_rmtree(old);
	free(old);
	return 1;
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
	struct timespec t0, t1;
	size_t i, l;
	int ok;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok = project_load(&p, dir, share) && process(&p, verbose, quiet);
	free(share);
	if (ok)
		lint_project(&p);
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
		chmod(tmp, 0755);
		tmp_out = tmp;
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		ok = site_write(&p, tmp) && pdf_write_all(&p, tmp) &&
		    diag_errors() == 0;
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


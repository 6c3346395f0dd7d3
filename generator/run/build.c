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

#include "base/pactkit.h"
#include "tree/tree.h"
#include "output/out.h"
#include "doc/doc.h"
#include "html/html.h"
#include "pdf/pdf.h"
#include "office/office.h"
#include "run/run.h"

#ifndef PK_SHAREDIR
#define PK_SHAREDIR "/usr/local/share/pactkit"
#endif

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
		if (file_isdir(probe)) {
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

/* A draft built on demand (--drafts, serve) says so at its top. */
static void
mark_draft(struct project *p, struct page *pg)
{
	xmlNodePtr root = xmlDocGetRootElement(pg->doc), aside, para;

	aside = tree_el(root, "aside");
	tree_attr(aside, "class", "pk-note pk-draft");
	para = tree_el(aside, "p");
	tree_text(para, lstr_ui(&p->site, pg->lang, "draft"));
	xmlUnlinkNode(aside);
	if (root->children != NULL)
		xmlAddPrevSibling(root->children, aside);
	else
		xmlAddChild(root, aside);
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
process(struct project *p, struct site_out *so)
{
	struct diag *dg = p->build->diag;
	int verbose = p->build->verbose;
	size_t i, l, n = 0;
	int ok = 1, progress = !p->build->quiet && !verbose && isatty(2) &&
	    p->npages >= 200 && p->lang_only <= 0;

	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i];

		if (!mine(p, pg))
			continue;
		if (stop_asked() != 0) {
			ok = 0;         /* interrupted */
			break;
		}
		n++;
		if (verbose)
			diag(dg, DIAG_NOTE, pg->src, 0, 0, "reading");
		else if (progress && (n % 50 == 0 || i + 1 == p->npages))
			fprintf(stderr, "\rpactkit: %zu/%zu pages", n,
			    p->lang_only < 0 ? p->npages :
			    p->npages / p->site.nlangs);
		if (pg->gen) {
			/* a statement: last of its language, so that it
			 * knows the worksheets of the others */
			if (!statements_body(p, pg)) {
				ok = 0;
				continue;
			}
		} else {
			lint_page(p, pg);
			if (!markdown_body(p, pg)) {
				ok = 0;
				continue;
			}
		}
		if (pg->draft)
			mark_draft(p, pg);
		typo_pass(xmlDocGetRootElement(pg->doc),
		    p->site.langs[pg->lang]);
		tree_ids(xmlDocGetRootElement(pg->doc), &pg->ids);
		a11y_page(p, pg);
		pg->done = 1;
		/* a link to an id of a page not built yet waits for it */
		ok &= links_resolve(p, pg);
		if (ok && so != NULL)
			ok = site_page(so, pg);
	}
	if (progress)
		fputs("\r\033[K", stderr);
	ok &= links_finish(p);
	if (!ok)
		return 0;
	for (i = 0; i < p->npages; i++)
		for (l = 0; l < p->site.nlangs && mine(p, p->pages[i]); l++)
			if (p->pages[i]->trans[l] == NULL)
				diag(dg, DIAG_WARN, p->pages[i]->src, 0, 0,
				    "page '%s' has no translation in '%s' "
				    "(built in '%s' only)", p->pages[i]->key,
				    p->site.langs[l],
				    p->site.langs[p->pages[i]->lang]);
	return ok;
}

/* One process's share of a build: its pages, their site and PDFs. */
static int
write_share(struct project *p, const char *tmp)
{
	struct out *o = p->build->out;
	struct site_out *so = site_open(p, tmp);
	int ok = process(p, so) && so != NULL;

	/* the pages that show a document's page count and size wait for
	 * it: the site is closed (those pages written) once the documents
	 * are */
	ok = ok && pdf_write_all(p, tmp) && office_write_all(p, tmp);
	ok = (so == NULL || site_close(so, ok)) && ok &&
	    diag_errors(p->build->diag) == 0;

	if (ok && p->lang_only >= 0 && !outfiles_have_lists(&o->files) &&
	    !outfiles_fresh(&o->files)) {
		/* each writer drops its own language's stale files (the
		 * file lists, when there are some, do it at the end) */
		const char *lang = p->site.langs[p->lang_only];
		char *site = xasprintf("site/%s", lang);
		char *pdf = xasprintf("pdf/%s", lang);

		out_prune(o, site, NULL, 0);
		out_prune(o, pdf, NULL, 0);
		free(site);
		free(pdf);
	}
	return ok;
}

/* A forked writer: one language's share. */
struct share {
	struct project	*p;
	const char	*tmp;
	size_t		 lang;
};

static int
write_lang(void *arg)
{
	struct share *s = arg;

	s->p->lang_only = (int)s->lang;
	return write_share(s->p, s->tmp);
}

/* Builds into tmp.  A site in several languages is built by one process
 * per language (out_fork: the loaded project is shared for free, and
 * each child relays what it said). */
static int
write_all(struct project *p, const char *tmp, int *forked)
{
	struct out *o = p->build->out;
	struct out_kid kids[PK_MAXLANG];
	struct share sh[PK_MAXLANG];
	size_t l, k, n = p->site.nlangs;
	int ok;

	*forked = 0;
	if (n < 2 || p->npages < 100 || getenv("PACTKIT_JOBS") != NULL)
		return write_share(p, tmp);
	*forked = 1;
	for (l = 1; l < n; l++) {
		sh[l].p = p;
		sh[l].tmp = tmp;
		sh[l].lang = l;
		if (!out_fork(o, p->site.langs[l], write_lang, &sh[l],
		    &kids[l])) {
			diag_sys(p->build->diag, "fork");
			/* the writers already started must not write on
			 * into a folder about to be removed */
			for (k = 1; k < l; k++)
				out_kill(&kids[k]);
			return 0;
		}
	}
	p->lang_only = 0;
	ok = write_share(p, tmp);
	for (l = 1; l < n; l++)
		ok &= out_wait(o, &kids[l]);
	p->lang_only = -1;
	return ok;
}

/* PACTKIT_TIMING=1 prints the time each phase of a build took. */
struct clock {
	struct timespec	 t0;        /* the build's start */
	double		 last;      /* seconds from t0 to the last phase */
};

static void
phase(const char *name, struct clock *c)
{
	struct timespec t;
	double now;

	if (getenv("PACTKIT_TIMING") == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	now = (double)(t.tv_sec - c->t0.tv_sec) +
	    (double)(t.tv_nsec - c->t0.tv_nsec) / 1e9;
	fprintf(stderr, "pactkit: %-6s %.3f s\n", name, now - c->last);
	c->last = now;
}

/* The end of a build's writing: the stale files out (by the file lists,
 * else by time), the PDFs copied into the site that links them, the lists
 * saved for the next build.  1 ok, 0 (printed). */
static int
finish(struct project *p, int forked)
{
	struct out *o = p->build->out;
	const char *list = forked ? p->site.langs[0] : "all";
	int ok;

	/* stale files go first, so that only this build's PDFs are copied
	 * into the site; then the copies that are stale in their turn */
	ok = outfiles_save(&o->files, list);
	if (ok) {
		if (outfiles_have_lists(&o->files))
			outfiles_prune(&o->files, "site/pdf/", 0);
		else if (!outfiles_fresh(&o->files))
			/* each forked writer pruned its own language */
			out_prune(o, "", forked ? p->site.langs : NULL,
			    forked ? p->site.nlangs : 0);
	}
	if (ok) {
		char *from = xasprintf("%s/pdf", o->tmp);
		char *to = xasprintf("%s/site/pdf", o->tmp);

		if (file_isdir(from))
			ok = out_copytree(o, from, to);
		free(from);
		free(to);
	}
	if (ok)
		ok = outfiles_save(&o->files, list);
	if (ok) {
		outfiles_prune(&o->files, "site/pdf/", 1);
		outfiles_commit(&o->files);
	}
	return ok;
}

/* How many files of documents of format fmt were made in lang, as the
 * built output holds them. */
static size_t
made(const struct project *p, const char *out, size_t lang, unsigned fmt,
    const char *ext)
{
	size_t d, n = 0;

	for (d = 0; d < p->site.ndocs; d++) {
		char *f;

		if (!(p->site.docs[d].formats & fmt))
			continue;
		f = xasprintf("%s/pdf/%s/%s.%s", out, p->site.langs[lang],
		    p->site.docs[d].id, ext);
		n += file_isfile(f);
		free(f);
	}
	return n;
}

/* "pactkit: built output in 0.74 s: fr: 19 pages, 5 PDFs, 2 ODT, 2 DOCX;
 * ...; 0 errors, 1 warning": the pages built, the files made, and
 * whether sitemap.xml was written. */
static void
summary(const struct project *p, const char *out, const struct clock *c)
{
	struct timespec t1;
	struct buf b = { 0 };
	size_t i, l, n;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	buf_printf(&b, "pactkit: built %s in %.2f s:", out,
	    (double)(t1.tv_sec - c->t0.tv_sec) +
	    (double)(t1.tv_nsec - c->t0.tv_nsec) / 1e9);
	for (l = 0; l < p->site.nlangs; l++) {
		size_t np = 0;

		for (i = 0; i < p->npages; i++)	/* content/'s, as check */
			np += p->pages[i]->lang == l && !p->pages[i]->gen;
		n = made(p, out, l, DOC_PDF, "pdf");
		buf_printf(&b, "%s %s: %zu page%s, %zu PDF%s", l ? ";" : "",
		    p->site.langs[l], np, np == 1 ? "" : "s", n,
		    n == 1 ? "" : "s");
		if ((n = made(p, out, l, DOC_ODT, "odt")) > 0)
			buf_printf(&b, ", %zu ODT", n);
		if ((n = made(p, out, l, DOC_DOCX, "docx")) > 0)
			buf_printf(&b, ", %zu DOCX", n);
	}
	if (p->site.base_url == NULL)
		buf_puts(&b, "; no sitemap.xml (no base_url in lua/site.lua)");
	buf_puts(&b, "; ");
	diag_counts(p->build->diag, &b);
	fprintf(stderr, "%s\n", b.data);
	buf_free(&b);
}

/* The last line of a check or a failed build: "pactkit: WHAT: 2 errors,
 * 1 warning".  Not in --format json (the counts are in the JSON). */
static void
closing(struct diag *dg, int quiet, const char *what)
{
	struct buf b = { 0 };

	if (dg->json || (quiet && diag_errors(dg) == 0))
		return;
	diag_counts(dg, &b);
	fprintf(stderr, "pactkit: %s: %s\n", what, b.data);
	buf_free(&b);
}

/* The pages of content/ (not the statements pactkit writes). */
static size_t
own_pages(const struct project *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->npages; i++)
		n += !p->pages[i]->gen;
	return n;
}

/* The project is done with: freed, or left in keep for exit() to take
 * back, which is faster than freeing it node by node. */
static void
done(struct project *p, struct project *keep)
{
	if (keep != NULL)
		*keep = *p;
	else
		project_free(p);
}

int
build_run(struct diag *dg, const struct build_opts *opt)
{
	struct out o = { 0 };
	struct links lk = { 0 };
	struct build b = { 0 };
	struct clock clk = { 0 };
	struct project p;
	char *share = build_share(), *out;
	int forked = 0, ok;
	size_t l;

	o.diag = dg;
	b.diag = dg;
	b.out = &o;
	b.links = &lk;
	b.verbose = opt->verbose;
	b.quiet = opt->quiet;
	b.drafts = opt->drafts;
	b.dump_layout = opt->dump_layout;
	clock_gettime(CLOCK_MONOTONIC, &clk.t0);
	ok = project_load(&p, &b, opt->dir, share);
	free(share);
	phase("load", &clk);
	if (ok) {
		titles(&p);
		lint_data(&p);
		project_check_docs(&p);
	}
	if (opt->check || !ok) {
		char *what;

		ok = ok && process(&p, NULL);
		phase("pages", &clk);
		ok = ok && diag_errors(dg) == 0;
		what = ok ? xasprintf("checked %zu page%s", own_pages(&p),
		    own_pages(&p) == 1 ? "" : "s") : xstrdup(opt->check ?
		    "check failed" : "build failed; output left as it was");
		closing(dg, opt->quiet, what);
		free(what);
		done(&p, opt->keep);
		return ok ? 0 : 1;
	}
	out = opt->outdir != NULL ? xstrdup(opt->outdir) :
	    xasprintf("%s/output", opt->dir);
	for (l = strlen(out); l > 1 && out[l - 1] == '/'; l--)
		out[l - 1] = '\0';     /* "-o site/" is the folder site */
	if ((ok = out_begin(&o, out))) {
		ok = write_all(&p, o.tmp, &forked);
		phase("write", &clk);
		ok = ok && finish(&p, forked);
		phase("prune", &clk);
		ok = out_end(&o, ok);
	}
	if (ok && !opt->quiet)
		summary(&p, out, &clk);
	else if (!ok && stop_asked() != 0)
		fprintf(stderr, "pactkit: interrupted; %s left as it was\n",
		    out);
	else if (!ok) {
		char *what = xasprintf("build failed; %s left as it was", out);

		closing(dg, 0, what);
		free(what);
	}
	free(out);
	done(&p, opt->keep);
	if (stop_asked() != 0)
		raise(stop_asked());    /* the handler restored by out_end acts */
	return ok ? 0 : 1;
}

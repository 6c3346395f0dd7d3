/*
 * main.c: the command line.  Parses the command and its options, then
 * makes one call per mode: build, check, new, render.  Exit 0 done,
 * 1 the project has errors, 2 wrong usage.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "pactkit.h"

#ifndef PK_SHAREDIR
#define PK_SHAREDIR "/usr/local/share/pactkit"
#endif

static const char usage_text[] =
"usage: pactkit build [-q|-v] [-o OUTDIR] [DIR]\n"
"       pactkit check [--strict] [--format text|json] [DIR]\n"
"       pactkit new DIR\n"
"       pactkit render [--raw-html] [--project DIR] [--lang LANG] FILE.md\n"
"       pactkit --help | --version\n";

static const char help_text[] =
"pactkit builds a bilingual guidance site and print-ready PDF toolkits\n"
"from Markdown pages and Lua partnership data.\n\n"
"Commands:\n"
"  build [DIR]    build the site and the PDFs of the project in DIR\n"
"                 (default .) into DIR/output/; the previous output stays\n"
"                 untouched unless the whole build succeeds\n"
"  check [DIR]    validate everything and write nothing: data, links,\n"
"                 components, translations, personal data\n"
"  new DIR        start a new bilingual toolkit project in DIR\n"
"  render FILE    one Markdown file through the pipeline, HTML on stdout\n\n"
"Options:\n"
"  -o, --output DIR   build: write into DIR instead of DIR/output\n"
"  -q, --quiet        print errors only\n"
"  -v, --verbose      print each page and document as it is written\n"
"  --strict           check: warnings count as errors\n"
"  --format json      check: diagnostics as JSON on stdout\n"
"  --raw-html         render: keep raw HTML and any URL scheme\n"
"  --project DIR      render: use DIR's data, components and languages\n"
"  --lang LANG        render: the page's language (typography)\n"
"  --dump-tree        render: print the document tree instead of HTML\n\n"
"Exit status: 0 done, 1 the project has errors, 2 wrong usage.\n";

static char *tmp_out;           /* temporary output folder, removed on SIGINT */

static void
on_signal(int sig)
{
	if (tmp_out != NULL)
		util_rmtree(tmp_out);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int
usage(void)
{
	fputs(usage_text, stderr);
	return 2;
}

/* The folder with lua/builtin and themes/: beside the binary when run
 * from a source tree, else the installed one. */
static char *
find_share(void)
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
process(struct project *p, int verbose)
{
	size_t i, l;
	int ok = 1;

	for (i = 0; i < p->npages; i++) {
		struct page *pg = p->pages[i];

		if (verbose)
			diag(DIAG_NOTE, pg->src, 0, 0, "reading");
		if (!markdown_body(p, pg)) {
			ok = 0;
			continue;
		}
		typo_pass(xmlDocGetRootElement(pg->doc),
		    p->site.langs[pg->lang]);
		tree_ids(xmlDocGetRootElement(pg->doc));
	}
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

static int
cmd_build(const char *dir, const char *outdir, int check, int verbose,
    int quiet)
{
	struct project p;
	char *share = find_share(), *out, *tmp = NULL;
	struct timespec t0, t1;
	size_t i, l;
	int ok;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok = project_load(&p, dir, share) && process(&p, verbose);
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

static int
cmd_render(const char *file, const char *projdir, const char *lang,
    int raw_html, int dump)
{
	struct project p;
	char *text, *html, *share = NULL;
	size_t len, li = 0;
	xmlDocPtr doc;
	int have = 0, ok = 1;

	memset(&p, 0, sizeof(p));
	if ((text = util_readfile(file, &len)) == NULL) {
		diag_sys(file);
		return 1;
	}
	if (projdir != NULL) {
		share = find_share();
		have = project_load(&p, projdir, share);
		free(share);
		if (!have) {
			free(text);
			project_free(&p);
			return 1;
		}
		if (lang == NULL) {
			size_t i;

			for (i = 0; i < p.site.nlangs; i++) {
				char *needle = xasprintf("content/%s/",
				    p.site.langs[i]);

				if (strstr(file, needle) != NULL)
					li = i;
				free(needle);
			}
		}
	}
	if (lang != NULL && have) {
		for (li = 0; li < p.site.nlangs; li++)
			if (strcmp(p.site.langs[li], lang) == 0)
				break;
		if (li == p.site.nlangs) {
			diag(DIAG_ERROR, NULL, 0, 0, "language '%s' is not one "
			    "of the project's", lang);
			free(text);
			project_free(&p);
			return 1;
		}
	}
	doc = markdown_fragment(have ? &p : NULL, file, text, len, 0, li,
	    raw_html || (have && p.site.raw_html));
	if (doc == NULL)
		ok = 0;
	else {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		const char *code = lang != NULL ? lang :
		    have ? p.site.langs[li] : NULL;

		if (code != NULL)
			typo_pass(root, code);
		if (dump)
			xmlDocFormatDump(stdout, doc, 1);
		else {
			html = html_fragment(root);
			fputs(html, stdout);
			free(html);
		}
		xmlFreeDoc(doc);
	}
	free(text);
	if (have)
		project_free(&p);
	return ok && diag_errors() == 0 ? 0 : 1;
}

static int
cmd_new(const char *dir)
{
	char *share = find_share();
	char *skel = xasprintf("%s/lua/builtin/skeleton", share);
	int ok;

	if (util_isdir(dir) || util_isfile(dir)) {
		diag(DIAG_ERROR, dir, 0, 0, "already exists (expected a new "
		    "folder name)");
		ok = 0;
	} else if (!util_isdir(skel)) {
		diag(DIAG_ERROR, skel, 0, 0, "project skeleton not found "
		    "(is pactkit installed?)");
		ok = 0;
	} else if ((ok = util_copytree(skel, dir)))
		fprintf(stderr, "pactkit: new project in %s; build it with "
		    "`pactkit build %s`\n", dir, dir);
	free(skel);
	free(share);
	return ok ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "output", required_argument, NULL, 'o' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "strict", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "raw-html", no_argument, NULL, 'r' },
		{ "project", required_argument, NULL, 'p' },
		{ "lang", required_argument, NULL, 'l' },
		{ "dump-tree", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd, *outdir = NULL, *projdir = NULL, *lang = NULL;
	int c, quiet = 0, verbose = 0, strict = 0, json = 0, raw = 0;
	int dump = 0, rc;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		fputs(usage_text, stdout);
		fputs("\n", stdout);
		fputs(help_text, stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("pactkit %s\n", PK_VERSION);
		return 0;
	}
	if (argc < 2 || argv[1][0] == '-')
		return usage();
	cmd = argv[1];
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "ho:qv", opts, NULL)) != -1)
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			fputs("\n", stdout);
			fputs(help_text, stdout);
			return 0;
		case 'V':
			printf("pactkit %s\n", PK_VERSION);
			return 0;
		case 'o':
			outdir = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 's':
			strict = 1;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") != 0)
				return usage();
			break;
		case 'r':
			raw = 1;
			break;
		case 'p':
			projdir = optarg;
			break;
		case 'l':
			lang = optarg;
			break;
		case 'd':
			dump = 1;
			break;
		default:
			return usage();
		}
	argc -= optind;
	argv += optind;
	diag_set_quiet(quiet);
	diag_set_strict(strict);
	diag_set_json(json);
	xmlInitParser();
	if (strcmp(cmd, "build") == 0 && argc <= 1)
		rc = cmd_build(argc ? argv[0] : ".", outdir, 0, verbose, quiet);
	else if (strcmp(cmd, "check") == 0 && argc <= 1)
		rc = cmd_build(argc ? argv[0] : ".", NULL, 1, verbose, quiet);
	else if (strcmp(cmd, "new") == 0 && argc == 1)
		rc = cmd_new(argv[0]);
	else if (strcmp(cmd, "render") == 0 && argc == 1)
		rc = cmd_render(argv[0], projdir, lang, raw, dump);
	else
		rc = usage();
	diag_flush_json();
	xmlCleanupParser();
	return rc;
}

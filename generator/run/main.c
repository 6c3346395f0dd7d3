/*
 * main.c: the command line.  Parses the command and its options, then
 * makes one call per mode: build, check, new, render.  Exit 0 done,
 * 1 the project has errors, 2 wrong usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "output/out.h"
#include "doc/doc.h"
#include "html/html.h"
#include "pdf/pdf.h"
#include "run/run.h"

static const char usage_text[] =
"usage: pactkit build [-q|-v] [--strict] [--drafts] [--format text|json]\n"
"                     [-o OUTDIR] [--dump-layout DIR] [DIR]\n"
"       pactkit check [-q|-v] [--strict] [--drafts] [--format text|json] [DIR]\n"
"       pactkit new DIR\n"
"       pactkit serve [--port N] [DIR]\n"
"       pactkit render [--raw-html] [--project DIR] [--lang LANG]\n"
"                      [--dump-tree | --pdf OUT [--dump-layout FILE]] FILE.md\n"
"       pactkit --help | --version\n";

/* Every command and option: docs/pactkit.1 and README.md say each of
 * them (tests/t_docs.sh holds them to this text). */
static const char help_text[] =
"pactkit builds a bilingual guidance site and print-ready PDF toolkits\n"
"from Markdown pages and Lua partnership data.\n\n"
"Commands:\n"
"  build [DIR]    build the site and the PDFs of the project in DIR\n"
"                 (default .) into DIR/output/; the previous output stays\n"
"                 untouched unless the whole build succeeds\n"
"  check [DIR]    validate everything and write nothing: data, links,\n"
"                 components, translations, documents, personal data\n"
"  new DIR        start a new bilingual toolkit project in DIR\n"
"  serve [DIR]    preview on http://127.0.0.1:8000/, rebuilt on change,\n"
"                 drafts shown (marked), errors at the top of each page\n"
"  render FILE    one Markdown file through the pipeline, HTML on stdout\n\n"
"Options:\n"
"  -o, --output DIR   build: write into DIR instead of DIR/output\n"
"  -q, --quiet        build, check: print errors only\n"
"  -v, --verbose      build, check: print each page as it is read\n"
"  --strict           build, check: warnings count as errors\n"
"  --drafts           build, check: include the pages with draft = true\n"
"  --format json      build, check: diagnostics as JSON on stdout\n"
"  --port N           serve: the port on 127.0.0.1 (default 8000)\n"
"  --raw-html         render: keep raw HTML and any URL scheme\n"
"  --project DIR      render: use DIR's data, components and languages\n"
"  --lang LANG        render: the page's language (typography)\n"
"  --dump-tree        render: print the document tree instead of HTML\n"
"  --pdf OUT          render: lay the page out as a PDF into OUT instead\n"
"  --dump-layout FILE render --pdf: every box with its position, into FILE;\n"
"                     build: each PDF's, into FILE/<lang>/<id>.layout\n"
"  -h, --help         this text (after a command: its usage first)\n"
"  --version          the version\n\n"
"Exit status: 0 done, 1 the project has errors, 2 wrong usage.\n";

/* `pactkit CMD --help`: the usage lines of CMD, then the whole help. */
static int
cmd_help(const char *cmd)
{
	const char *p = usage_text, *eol, *at;
	char want[64];
	int in = 0, first;

	snprintf(want, sizeof(want), "pactkit %s", cmd);
	for (; *p != '\0'; p = eol + 1) {
		if ((eol = strchr(p, '\n')) == NULL)
			break;
		at = strstr(p, "pactkit ");
		first = at != NULL && at < eol;
		if (first)                      /* a command's first line */
			in = strncmp(at, want, strlen(want)) == 0 &&
			    (at[strlen(want)] == ' ' || at + strlen(want) == eol);
		if (in && first)
			printf("usage: %.*s\n", (int)(eol - at), at);
		else if (in)                    /* the lines that follow it */
			printf("%.*s\n", (int)(eol - p), p);
	}
	fputs("\n", stdout);
	fputs(help_text, stdout);
	return 0;
}

static int
usage(void)
{
	fputs(usage_text, stderr);
	return 2;
}

static int
cmd_render(struct diag *dg, const char *file, const char *projdir,
    const char *lang,
    int raw_html, int dump, const char *pdf_out, const char *layout_out)
{
	struct out o = { 0 };
	struct build b = { 0 };
	struct project p;
	char *text, *html, *share = NULL;
	size_t len, li = 0;
	xmlDocPtr doc;
	int have = 0, ok = 1;

	o.diag = dg;
	b.diag = dg;
	b.out = &o;             /* the PDF, written as it is */
	memset(&p, 0, sizeof(p));
	if ((text = file_read(file, &len)) == NULL) {
		diag_sys(dg, file);
		return 1;
	}
	utf8_dropbom(text, &len);
	if (projdir != NULL) {
		share = build_share();
		have = project_load(&p, &b, projdir, share);
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
			diag(dg, DIAG_ERROR, NULL, 0, 0,
			    "language '%s' is not one of the project's", lang);
			free(text);
			project_free(&p);
			return 1;
		}
	}
	doc = markdown_fragment(dg, have ? &p : NULL, file, text, len, 0, li,
	    raw_html || (have && p.site.raw_html));
	if (doc == NULL)
		ok = 0;
	else {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		const char *code = lang != NULL ? lang :
		    have ? p.site.langs[li] : NULL;

		if (code != NULL)
			typo_pass(root, code);
		a11y_tree(dg, file, root);
		if (pdf_out != NULL) {
			const char *base = strrchr(file, '/');
			char *dir = base != NULL ? xstrndup(file,
			    (size_t)(base - file)) : xstrdup(".");

			/* images from the Markdown file's folder */
			assets_fragment(root, dir);
			free(dir);
			tree_ids(root, NULL);
			ok = pdf_render_tree(&b, root,
			    code != NULL ? code : "en",
			    have && p.site.paper[li] ? p.site.paper[li] : "A4",
			    base != NULL ? base + 1 : file, pdf_out, layout_out);
		} else if (dump)
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
	return ok && diag_errors(dg) == 0 ? 0 : 1;
}

static int
cmd_new(struct diag *dg, const char *dir)
{
	struct out o = { 0 };
	char *share = build_share();
	char *skel = xasprintf("%s/lua/builtin/skeleton", share);
	int ok;

	o.diag = dg;
	if (file_isdir(dir) || file_isfile(dir)) {
		diag(dg, DIAG_ERROR, dir, 0, 0,
		    "already exists (expected a new folder name)");
		ok = 0;
	} else if (!file_isdir(skel)) {
		diag(dg, DIAG_ERROR, skel, 0, 0, "project skeleton not found "
		    "(is pactkit installed?)");
		ok = 0;
	} else if ((ok = out_copytree(&o, skel, dir)))
		fprintf(stderr, "pactkit: new project in %s; build it with "
		    "`pactkit build %s`\n", dir, dir);
	free(skel);
	free(share);
	return ok ? 0 : 1;
}

/* What a build leaves for exit() to take back (build_opts.keep): static,
 * so that leak checkers see it reachable. */
static struct project kept;

/* Long (~125 lines) by reason: getopt's table and one short case per
 * option, then the command's call. */
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
		{ "port", required_argument, NULL, 'P' },
		{ "pdf", required_argument, NULL, 'F' },
		{ "dump-layout", required_argument, NULL, 'L' },
		{ "drafts", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	const char *help_cmd = NULL;
	const char *pdf_out = NULL, *layout_out = NULL;
	const char *cmd, *outdir = NULL, *projdir = NULL, *lang = NULL;
	int c, quiet = 0, verbose = 0, strict = 0, json = 0, raw = 0;
	int dump = 0, rc, port = 8000, li = -1;
	/* what this run says (and, with --format json, prints at the end) */
	struct diag dg = { 0 };
	struct build_opts bo = { 0 };

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
	help_cmd = cmd;
	while ((c = getopt_long(argc, argv, "ho:qv", opts, &li)) != -1) {
		/* an option's value that is itself an option ('-o --help'):
		 * a slip, never a folder or file named '--help' */
		if (optarg != NULL && optarg[0] == '-' && optarg[1] != '\0' &&
		    strchr("ofplPFL", c) != NULL) {
			diag(&dg, DIAG_ERROR, optarg, 0, 0, "an option where "
			    "%s%s expects its value", li >= 0 ? "--" : "-",
			    li >= 0 ? opts[li].name : (char[]){ (char)c, 0 });
			diag_free(&dg);
			return usage();
		}
		li = -1;
		switch (c) {
		case 'h':
			return cmd_help(help_cmd);
		case 'V':
			printf("pactkit %s\n", PK_VERSION);
			return 0;
		case 'o':
			if (*optarg == '\0')
				return usage();   /* -o "": no folder */
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
		case 'F':
			pdf_out = optarg;
			break;
		case 'L':
			layout_out = optarg;
			break;
		case 'D':
			bo.drafts = 1;
			break;
		case 'P':
			port = atoi(optarg);
			if (port <= 0 || port > 65535)
				return usage();
			break;
		default:
			return usage();
		}
	}
	argc -= optind;
	argv += optind;
	dg.quiet = quiet;
	dg.strict = strict;
	dg.json = json;
	xmlInitParser();
	bo.dir = argc ? argv[0] : ".";
	bo.outdir = outdir;
	bo.check = strcmp(cmd, "check") == 0;
	bo.verbose = verbose;
	bo.quiet = quiet;
	bo.dump_layout = layout_out;
	bo.keep = &kept;
	if ((strcmp(cmd, "build") == 0 || bo.check) && argc <= 1)
		rc = build_run(&dg, &bo);
	else if (strcmp(cmd, "new") == 0 && argc == 1)
		rc = cmd_new(&dg, argv[0]);
	else if (strcmp(cmd, "serve") == 0 && argc <= 1)
		rc = serve_run(&dg, argc ? argv[0] : ".", port);
	else if (strcmp(cmd, "render") == 0 && argc == 1)
		rc = cmd_render(&dg, argv[0], projdir, lang, raw, dump, pdf_out,
		    layout_out);
	else
		rc = usage();
	diag_flush_json(&dg);
	diag_free(&dg);
	xmlCleanupParser();
	return rc;
}

/*
 * test_lua.c: the Lua layer in-process, against the real Lua, libxml2 and
 * the pactkit objects (no mocks).
 *
 *   test_lua SHAREDIR SCRATCH [GROUP] unit tests (GROUP: format or lua);
 *                                    prints PASS/FAIL lines
 *   test_lua SHAREDIR --case DIR     runs a project's lua/site.lua, the
 *                                    front matter and the {component}
 *                                    blocks of content/<lang>/index.md,
 *                                    as `pactkit build` does; exit 1 on
 *                                    any error (messages on stderr)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>
#include <libxml/tree.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "lua/sandbox.h"
#include "lua/internal.h"
#include "output/out.h"

static int failed;
static struct diag dg;          /* what the code under test says */
static struct out tout = { .diag = &dg }; /* plain files */
static const char *scratch;
static const char *share;

#define OK(name, cond) do { if (cond) printf("PASS unit/%s\n", name); \
	else { printf("FAIL unit/%s: %s (line %d)\n", name, #cond, \
	__LINE__); failed++; } } while (0)
#define STR_EQ(name, got, want) do { const char *g_ = (got); \
	if (g_ != NULL && strcmp(g_, want) == 0) \
		printf("PASS unit/%s\n", name); \
	else { printf("FAIL unit/%s: got [%s], want [%s]\n", name, \
	    g_ != NULL ? g_ : "(null)", want); failed++; } } while (0)
#define HAS(name, got, want) do { const char *g_ = (got); \
	if (g_ != NULL && strstr(g_, want) != NULL) \
		printf("PASS unit/%s\n", name); \
	else { printf("FAIL unit/%s: [%s] lacks [%s]\n", name, \
	    g_ != NULL ? g_ : "(null)", want); failed++; } } while (0)

/* ---- stderr capture ---------------------------------------------------- */

static int saved_fd = -1;
static char capfile[512];

static void
cap_begin(void)
{
	int fd;

	fflush(stderr);
	/* each case is a build of its own: what an earlier one said is
	 * said again (diag says a message once per build) */
	strset_free(&dg.said);
	dg.dropping = 0;
	snprintf(capfile, sizeof(capfile), "%s/stderr.txt", scratch);
	fd = open(capfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	saved_fd = dup(2);
	dup2(fd, 2);
	close(fd);
}

/* Returns what was printed (caller frees). */
static char *
cap_end(void)
{
	size_t len;
	char *s;

	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	s = file_read(capfile, &len);
	return s != NULL ? s : xstrdup("");
}

static void
put(const char *dir, const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", dir, rel);

	out_write(&tout, p, text, strlen(text));
	free(p);
}

/* A project in scratch/NAME with the given lua/site.lua. */
static char *
project(const char *name, const char *site)
{
	char *d = xasprintf("%s/%s", scratch, name);

	file_rmtree(d);
	file_mkdirs(&dg, d);
	put(d, "lua/site.lua", site);
	return d;
}

static int
load(struct site *s, struct sandbox **sb, const char *dir)
{
	char *p = xasprintf("%s/lua/site.lua", dir);
	int ok;

	memset(s, 0, sizeof(*s));
	s->dir = xstrdup(dir);
	s->sharedir = xstrdup(share);
	*sb = init_sandbox(s, &dg);
	ok = settings_site(*sb, p, s) && settings_i18n(*sb, s);
	free(p);
	return ok;
}

static void
lfree(struct lstr *l)
{
	size_t i;

	for (i = 0; i < PK_MAXLANG; i++)
		free(l->s[i]);
	memset(l, 0, sizeof(*l));
}

static void
site_clear(struct site *s)
{
	size_t i, j;

	lfree(&s->title);
	lfree(&s->description);
	lfree(&s->author);
	for (i = 0; i < PK_MAXLANG; i++) {
		free(s->langs[i]);
		free(s->paper[i]);
		for (j = 0; j < s->ni18n[i]; j++) {
			free(s->i18n[i][j].k);
			free(s->i18n[i][j].v);
		}
		free(s->i18n[i]);
	}
	for (i = 0; i < s->ndocs; i++) {
		free(s->docs[i].id);
		lfree(&s->docs[i].title);
		lfree(&s->docs[i].subtitle);
		for (j = 0; j < s->docs[i].npages; j++)
			free(s->docs[i].pages[j]);
		free(s->docs[i].pages);
		for (j = 0; j < PK_MAXLANG; j++)
			free(s->docs[i].paper[j]);
	}
	free(s->docs);
	free(s->base_url);
	free(s->theme);
	free(s->dir);
	free(s->sharedir);
	free(s->file);
	memset(s, 0, sizeof(*s));
}

/* Serialises the children of node (XML form, to compare). */
static char *
dump(xmlNodePtr parent)
{
	xmlBufferPtr b = xmlBufferCreate();
	xmlNodePtr n;
	char *s;

	for (n = parent->children; n != NULL; n = n->next) {
		int line, col;

		/* the source position is kept in the node, not as markup:
		 * shown here as an attribute, to compare */
		if (n->type == XML_ELEMENT_NODE && n->psvi != NULL &&
		    tree_pos(n, &line, &col)) {
			char pos[32];

			snprintf(pos, sizeof(pos), "%d:%d", line, col);
			xmlSetProp(n, BAD_CAST "data-pk-pos", BAD_CAST pos);
		}
		xmlNodeDump(b, parent->doc, n, 0, 0);
	}
	s = xstrdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return s;
}

static xmlDocPtr
newdoc(xmlNodePtr *root)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");

	*root = xmlNewDocNode(doc, NULL, BAD_CAST "article", NULL);
	xmlDocSetRootElement(doc, *root);
	xmlSetNs(*root, xmlNewNs(*root, BAD_CAST XHTML_NS, NULL));
	return doc;
}

/* Calls component name with body in a fresh document; returns the
 * serialised result (or NULL on failure) and the messages in *err. */
static char *
call(struct sandbox *sb, struct site *s, size_t lang, const char *name,
    const char *body, char **err)
{
	xmlNodePtr root;
	xmlDocPtr doc = newdoc(&root);
	char *out = NULL;
	int ok;

	cap_begin();
	ok = component_call(sb, s, lang, name, body, strlen(body),
	    "content/fr/index.md", 10, root);
	*err = cap_end();
	if (ok)
		out = dump(root);
	xmlFreeDoc(doc);
	return out;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- the tests ----------------------------------------------------------- */

static void
test_format(void)
{
	struct buf b = { 0 };

	format_number(&b, "fr", 1250000, 0);
	STR_EQ("format_number_fr", b.data, "1\xe2\x80\xaf" "250\xe2\x80\xaf"
	    "000");
	buf_reset(&b);
	format_number(&b, "en", 1250000.5, 2);
	STR_EQ("format_number_en", b.data, "1,250,000.50");
	buf_reset(&b);
	format_number(&b, "fr", 3.14159, -1);
	STR_EQ("format_number_fr_decimal_comma", b.data, "3,14");
	buf_reset(&b);
	format_number(&b, "en", -999.999, -1);
	STR_EQ("format_number_rounds_half_away", b.data, "-1,000");
	buf_reset(&b);
	/* past 2^53 once scaled the product is not exact: the digits come
	 * from the number itself (it gave "…,000.48" and "…,987.12") */
	format_number(&b, "en", 1e15 + 0.5, -1);
	STR_EQ("format_number_large_exact", b.data, "1,000,000,000,000,000.5");
	buf_reset(&b);
	format_number(&b, "en", 1e308, 0);
	OK("format_number_all_digits", b.len == 309 + 102 &&
	    strncmp(b.data, "100,000,000,000,000,001,097,", 28) == 0);
	buf_reset(&b);
	format_money(&b, "en", 98765432109876.25, "VND");
	STR_EQ("format_money_large_cents", b.data,
	    "VND\xc2\xa0" "98,765,432,109,876.25");
	buf_reset(&b);
	format_money(&b, "fr", 1250000, "XOF");
	STR_EQ("format_money_fr", b.data, "1\xe2\x80\xaf" "250\xe2\x80\xaf"
	    "000\xc2\xa0XOF");
	buf_reset(&b);
	format_money(&b, "en", 1250000, "XOF");
	STR_EQ("format_money_en", b.data, "XOF\xc2\xa0" "1,250,000");
	buf_reset(&b);
	OK("format_date_fr", format_date(&b, "fr", "2027-02-15"));
	STR_EQ("format_date_fr_text", b.data, "15 février 2027");
	buf_reset(&b);
	format_date(&b, "fr", "2027-03-01");
	STR_EQ("format_date_fr_premier", b.data, "1er mars 2027");
	buf_reset(&b);
	format_date(&b, "en", "2027-02-15");
	STR_EQ("format_date_en", b.data, "February 15, 2027");
	buf_reset(&b);
	OK("format_date_rejects_feb_30", !format_date(&b, "en", "2027-02-30"));
	OK("format_date_leap_year", format_isodate("2028-02-29", NULL, NULL,
	    NULL) && !format_isodate("2100-02-29", NULL, NULL, NULL));
	buf_free(&b);
}

static void
test_site(void)
{
	struct site s;
	struct sandbox *sb;
	char *d, *err;
	int ok;

	d = project("site", "-- settings\nreturn {\n"
	    "  title = { fr = \"Établir des partenariats\", en = \"Building "
	    "partnerships\" },\n"
	    "  languages = { \"fr\", \"en\" },\n"
	    "  base_url = \"https://example.org/p\",\n"
	    "  documents = {\n"
	    "    { id = \"guide\", title = { fr = \"Guide\", en = \"Guide\" },"
	    " pages = { \"partnerships/*\" }, recto = false },\n"
	    "  },\n}\n");
	ok = load(&s, &sb, d);
	OK("site_loads", ok);
	OK("site_langs", s.nlangs == 2 && !strcmp(s.langs[0], "fr") &&
	    !strcmp(s.langs[1], "en"));
	STR_EQ("site_title_fr", lstr_get(&s.title, 0),
	    "Établir des partenariats");
	STR_EQ("site_title_en", lstr_get(&s.title, 1), "Building partnerships");
	STR_EQ("site_base_url_slash", s.base_url, "https://example.org/p/");
	STR_EQ("site_theme_default", s.theme, "default");
	STR_EQ("site_paper_fr_a4", s.paper[0], "A4");
	STR_EQ("site_paper_en_a4_default", s.paper[1], "A4");
	OK("site_docs", s.ndocs == 1 && !strcmp(s.docs[0].id, "guide") &&
	    s.docs[0].npages == 1 && s.docs[0].cover && !s.docs[0].duplex &&
	    s.docs[0].line == 7);
	STR_EQ("i18n_builtin_fr", lstr_ui(&s, 0, "skip"), "Aller au contenu");
	STR_EQ("i18n_builtin_en", lstr_ui(&s, 1, "map.engage"),
	    "Engage closely");
	STR_EQ("i18n_unknown_is_key", lstr_ui(&s, 1, "no.such.key"),
	    "no.such.key");
	sandbox_free(sb);
	site_clear(&s);

	/* project overrides; a key of its own (for its components) is taken
	 * without a word; a word of the topic, now a vocabulary's, is
	 * warned about and left out */
	put(d, "lua/i18n/fr.lua", "return {\n  skip = \"Passer au contenu\",\n"
	    "  serch = \"Chercher\",\n  [\"sector.other\"] = \"Éducation\",\n}\n");
	cap_begin();
	ok = load(&s, &sb, d);
	err = cap_end();
	OK("i18n_override_loads", ok);
	STR_EQ("i18n_override", lstr_ui(&s, 0, "skip"), "Passer au contenu");
	STR_EQ("i18n_override_keeps_others", lstr_ui(&s, 0, "toc"),
	    "Table des matières");
	OK("i18n_own_key_silent", strstr(err, "serch") == NULL);
	STR_EQ("i18n_own_key", lstr_ui(&s, 0, "serch"), "Chercher");
	HAS("i18n_moved_key", err, "lua/i18n/fr.lua:4:3: warning: "
	    "'sector.other' is not an interface string any more: the topic's "
	    "words are in lua/vocab.lua (sectors)");
	free(err);
	sandbox_free(sb);
	site_clear(&s);
	free(d);

	/* errors in site.lua name the line */
	d = project("site-bad", "return {\n  title = \"T\",\n"
	    "  paper = \"A5\",\n  languages = { \"fr\", \"fr\" },\n"
	    "  titel = 1,\n}\n");
	cap_begin();
	ok = load(&s, &sb, d);
	err = cap_end();
	OK("site_bad_fails", !ok);
	HAS("site_bad_paper", err, "lua/site.lua:3:3: error: paper: expected "
	    "\"A4\" or \"Letter\", got string \"A5\"");
	HAS("site_bad_duplicate_lang", err, "lua/site.lua:4:23: error: "
	    "languages[2]: \"fr\" is listed twice");
	HAS("site_unknown_field", err, "lua/site.lua:5:3: warning: unknown "
	    "settings field 'titel'; did you mean 'title'?");
	free(err);
	sandbox_free(sb);
	site_clear(&s);
	free(d);
}

static void
test_frontmatter(void)
{
	struct site s;
	struct sandbox *sb;
	struct page p;
	const char *fm = "title = \"Établir des partenariats\"\n"
	    "key = \"partnerships\" -- links translations\n"
	    "updated = \"2011-12-29\"\nweight = 10\ntitel = \"x\"\n";
	char *d, *err;
	int ok;

	d = project("fm", "return { title = \"T\" }\n");
	load(&s, &sb, d);
	memset(&p, 0, sizeof(p));
	cap_begin();
	ok = frontmatter_read(sb, "content/fr/a.md", 2, fm, strlen(fm), &p);
	err = cap_end();
	OK("fm_ok", ok);
	STR_EQ("fm_title", p.title, "Établir des partenariats");
	STR_EQ("fm_key", p.key, "partnerships");
	STR_EQ("fm_updated", p.updated, "2011-12-29");
	OK("fm_weight", p.weight == 10);
	HAS("fm_unknown_nearest", err, "content/fr/a.md:6:1: warning: unknown "
	    "front matter field 'titel'; did you mean 'title'?");
	free(err);
	free(p.title);
	free(p.key);
	free(p.updated);

	/* front matter cannot reach pk, io or the page's globals */
	fm = "title = tostring(pk)\n";
	memset(&p, 0, sizeof(p));
	cap_begin();
	ok = frontmatter_read(sb, "content/fr/b.md", 2, fm, strlen(fm), &p);
	err = cap_end();
	STR_EQ("fm_no_pk", p.title, "nil");
	free(err);
	free(p.title);

	fm = "title = \"x\"\n# a TOML comment\n";
	memset(&p, 0, sizeof(p));
	cap_begin();
	ok = frontmatter_read(sb, "content/fr/d.md", 2, fm, strlen(fm), &p);
	err = cap_end();
	HAS("fm_toml_comment_hint", err, "content/fr/d.md:3: error: "
	    "unexpected symbol near '#' (this is Lua: comments start with --)");
	free(err);
	free(p.title);

	fm = "updated = 2011-12-29\n";
	memset(&p, 0, sizeof(p));
	cap_begin();
	ok = frontmatter_read(sb, "content/fr/c.md", 2, fm, strlen(fm), &p);
	err = cap_end();
	OK("fm_unquoted_date_fails", !ok);
	HAS("fm_unquoted_date", err, "content/fr/c.md:2:1: error: updated: "
	    "write the date in quotes");
	free(err);
	sandbox_free(sb);
	site_clear(&s);
	free(d);
}

static void
test_components(void)
{
	struct site s;
	struct sandbox *sb;
	char *d, *out, *err;
	double t0;

	d = project("comp", "return { title = \"T\" }\n");
	put(d, "lua/data/parties.lua", "return {\n"
	    "  { id = \"police\", name = { fr = \"Police\", en = \"Police\" },"
	    " budget = 1250000 },\n"
	    "  { id = \"shelter\", name = { fr = \"Foyer\" }, budget = 2.5 },\n"
	    "}\n");
	put(d, "lua/components/list.lua",
	    "return function(args)\n"
	    "  local items = {}\n"
	    "  for i, p in ipairs(pk.data(args.source)) do\n"
	    "    items[#items + 1] = pk.h(\"li\", { id = pk.id(\"p\") },\n"
	    "      pk.text(p.name), \" \", pk.money(p.budget, \"XOF\"))\n"
	    "  end\n"
	    "  return pk.h(\"section\", { class = \"mine\" },\n"
	    "    pk.h(\"h2\", nil, args.title), pk.h(\"ul\", nil, items))\n"
	    "end\n");
	put(d, "lua/components/svg.lua",
	    "return function(args)\n"
	    "  return { pk.h(\"svg\", { viewBox = \"0 0 100 50\", role = "
	    "\"img\" },\n"
	    "    pk.h(\"g\", { transform = \"translate(10,5)\" },\n"
	    "      pk.h(\"rect\", { x = 1/3, y = 2, width = 10.005, height = 4,"
	    " fill = \"#c00\" }),\n"
	    "      pk.h(\"text\", { x = 0, y = 0 }, \"A & B <c>\"))),\n"
	    "    pk.h(\"p\", nil, pk.t(\"map.engage\"), \" \", "
	    "pk.date(\"2027-02-01\")) }\n"
	    "end\n");
	put(d, "lua/components/order.lua",
	    "return function(args)\n"
	    "  local keys = {}\n"
	    "  for k in pairs({ zeta = 1, alpha = 2, mid = 3, [2] = 4, [1] = 5 })"
	    " do\n"
	    "    keys[#keys + 1] = tostring(k)\n"
	    "  end\n"
	    "  return pk.h(\"p\", { [\"data-z\"] = \"1\", [\"data-a\"] = \"2\","
	    " hidden = true, title = false }, table.concat(keys, \",\"))\n"
	    "end\n");
	put(d, "lua/components/tamper.lua",
	    "string.upper = function() return \"HACKED\" end\n"
	    "return function(args)\n"
	    "  return pk.h(\"p\", nil, (\"abc\"):upper())\n"
	    "end\n");
	put(d, "lua/components/slow.lua",
	    "return function(args)\n"
	    "  local s = string.rep(\"a\", 200000)\n"
	    "  local n = 0\n"
	    "  if s:find(string.rep(\"a-\", 8) .. \"b\", 1, true) == nil then"
	    " n = n + 1 end\n"
	    "  if s:find(string.rep(\"a\", 100000) .. \"b\") == nil then"
	    " n = n + 1 end\n"
	    "  local e = string.rep(\"\", 1 << 50)\n"
	    "  return pk.h(\"p\", nil, tostring(n), \"/\", tostring(#e))\n"
	    "end\n");
	put(d, "lua/components/bomb.lua",
	    "return function(args)\n"
	    "  local a = pk.h(\"span\", nil, \"x\")\n"
	    "  for i = 1, 60 do a = pk.h(\"span\", nil, a, a) end\n"
	    "  return a\n"
	    "end\n");
	put(d, "lua/components/deep.lua",
	    "return function(args)\n"
	    "  local a = pk.h(\"span\", nil, \"x\")\n"
	    "  for i = 1, 150 do a = pk.h(\"span\", nil, a) end\n"
	    "  return a\n"
	    "end\n");
	load(&s, &sb, d);

	out = call(sb, &s, 0, "list", "title = \"Parties\"\n"
	    "source = \"parties\"\n", &err);
	STR_EQ("component_list_fr", out, "<section class=\"pk-component "
	    "pk-list mine\" data-pk-pos=\"9:1\"><h2>Parties</h2><ul>"
	    "<li id=\"pk-p-1\">Police 1\xe2\x80\xaf" "250\xe2\x80\xaf" "000"
	    "\xc2\xa0XOF</li><li id=\"pk-p-2\">Foyer 2,50\xc2\xa0XOF</li></ul>"
	    "</section>");
	free(out);
	free(err);
	/* English page: the missing 'en' name falls back, marked and warned */
	out = call(sb, &s, 1, "list", "source = \"parties\", title = "
	    "\"Parties\"\n", &err);
	HAS("component_fallback_span", out, "<li id=\"pk-p-4\"><span "
	    "lang=\"fr\">Foyer</span> XOF\xc2\xa0" "2.50</li>");
	HAS("component_fallback_warning", err, "lua/data/parties.lua:3:21: "
	    "warning: no 'en' text here; the 'fr' text is used");
	free(out);
	free(err);

	out = call(sb, &s, 0, "svg", "", &err);
	STR_EQ("component_svg", out, "<section class=\"pk-component pk-svg\" "
	    "data-pk-pos=\"9:1\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "role=\"img\" viewBox=\"0 0 100 50\"><g transform=\"translate(10,"
	    "5)\"><rect fill=\"#c00\" height=\"4\" width=\"10.01\" "
	    "x=\"0.33\" y=\"2\"/><text x=\"0\" y=\"0\">A &amp; B &lt;c&gt;"
	    "</text></g></svg><p>Associer étroitement 1er février 2027</p>"
	    "</section>");
	free(out);
	free(err);

	out = call(sb, &s, 0, "order", "blank = true\n", &err);
	STR_EQ("component_pairs_and_attrs_sorted", out, "<section "
	    "class=\"pk-component pk-order\" data-pk-blank=\"1\" "
	    "data-pk-pos=\"9:1\"><p data-a=\"2\" data-z=\"1\" hidden=\"\">"
	    "1,2,alpha,mid,zeta</p></section>");
	free(out);
	free(err);

	out = call(sb, &s, 0, "tamper", "", &err);
	free(out);
	free(err);
	out = call(sb, &s, 0, "list", "title = (\"abc\"):upper()\n"
	    "source = \"parties\"\n", &err);
	HAS("string_tamper_stays_in_chunk", out, "<h2>ABC</h2>");
	free(out);
	free(err);

	t0 = now();
	out = call(sb, &s, 0, "slow", "", &err);
	HAS("plain_find_and_empty_rep_fast", out, "<p>2/0</p>");
	OK("plain_find_under_2s", now() - t0 < 2);
	free(out);
	free(err);

	t0 = now();
	out = call(sb, &s, 0, "bomb", "", &err);
	HAS("node_bomb_refused", err, "content/fr/index.md:9: error: the "
	    "component returned more than 200000 document nodes");
	OK("node_bomb_quick", out == NULL && now() - t0 < 10);
	free(err);

	out = call(sb, &s, 0, "deep", "", &err);
	HAS("deep_nodes_refused", err, "nested too deeply");
	OK("deep_nodes_fail", out == NULL);
	free(err);

	out = call(sb, &s, 0, "lists", "", &err);
	HAS("unknown_component_suggests", err, "content/fr/index.md:9:1: "
	    "error: unknown component 'lists'; did you mean 'list'?");
	OK("unknown_component_fails", out == NULL);
	free(err);

	out = call(sb, &s, 0, "list", "title = \"x\"\nsource = \"parties\"\n"
	    "title = nil .. 1\n", &err);
	HAS("body_error_line", err, "content/fr/index.md:12: error: attempt "
	    "to concatenate a nil value");
	OK("body_error_fails", out == NULL);
	free(err);

	sandbox_free(sb);
	site_clear(&s);
	free(d);
}

/* The sandbox escapes, each through data_runfile(). */
static void
test_escape(struct sandbox *sb, const char *dir, const char *name,
    const char *code, const char *want)
{
	char *path = xasprintf("%s/lua/x.lua", dir), *err, tname[96];
	double t0;
	int ok;

	put(dir, "lua/x.lua", code);
	t0 = now();
	cap_begin();
	ok = data_runfile(sb, path, 0);
	err = cap_end();
	snprintf(tname, sizeof(tname), "sandbox_%s_fails", name);
	OK(tname, !ok);
	snprintf(tname, sizeof(tname), "sandbox_%s_message", name);
	HAS(tname, err, want);
	snprintf(tname, sizeof(tname), "sandbox_%s_quick", name);
	OK(tname, now() - t0 < 10);
	free(err);
	free(path);
}

/* A script that must run: under a budget, just. */
static void
test_runs(struct sandbox *sb, const char *dir, const char *name,
    const char *code, const char *want)
{
	char *path = xasprintf("%s/lua/x.lua", dir), *err, tname[96];
	lua_State *L = sandbox_state(sb);
	int ok;

	put(dir, "lua/x.lua", code);
	cap_begin();
	ok = data_runfile(sb, path, 1);
	err = cap_end();
	snprintf(tname, sizeof(tname), "sandbox_%s_runs", name);
	STR_EQ(tname, ok ? lua_tostring(L, -1) : err, want);
	if (ok)
		lua_pop(L, 1);
	free(err);
	free(path);
}

static void
test_sandbox(void)
{
	struct site s;
	struct sandbox *sb;
	lua_State *L;
	char *d, *path, *err;
	int ok;

	d = project("sandbox", "return { title = \"T\" }\n");
	load(&s, &sb, d);
	test_escape(sb, d, "io", "return io.open('/etc/passwd')\n",
	    "lua/x.lua:1:8: error: attempt to index a nil value (global 'io')");
	test_escape(sb, d, "loop", "\nwhile true do end\n",
	    "lua/x.lua:2: error: instruction limit exceeded");
	test_escape(sb, d, "xpcall_loop", "while true do\n"
	    "  xpcall(function() while true do end end, function(e) while "
	    "true do end end)\nend\n",
	    "lua/x.lua:2: error: instruction limit exceeded");
	test_escape(sb, d, "mem_concat", "local s = 'x'\n"
	    "while true do s = s .. s end\n",
	    "lua/x.lua:2: error: memory limit exceeded (64 MiB)");
	test_escape(sb, d, "mem_pcall", "local ok = pcall(string.rep, 'x', 1 "
	    "<< 30)\nreturn ok\n",
	    "lua/x.lua:1: error: memory limit exceeded (64 MiB)");
	test_escape(sb, d, "sort_big", "local t = {}\nfor i = 1, 3e6 do t[i] = "
	    "-i end\ntable.sort(t)\ntable.sort(t)\ntable.sort(t)\n"
	    "table.sort(t)\n", "lua/x.lua:");
	test_escape(sb, d, "gmatch", "for w in ('a b'):gmatch('%a') do end\n",
	    "string patterns are not available");
	test_escape(sb, d, "coroutine", "coroutine.wrap(print)\n",
	    "not available in pactkit's Lua sandbox");
	test_escape(sb, d, "binary_chunk", "\x1bLua", "lua/x.lua");
	test_escape(sb, d, "rawset", "rawset(_ENV, 'x', 1)\n",
	    "attempt to call a nil value (global 'rawset')");
	test_escape(sb, d, "gc_setmetatable", "setmetatable({}, { __gc = "
	    "function() while true do end end })\n",
	    "attempt to call a nil value (global 'setmetatable')");
	test_escape(sb, d, "error_table", "\nerror({ code = 1 })\n",
	    "lua/x.lua:2: error: error raised with a table value");
	test_escape(sb, d, "error_level0", "\n\nerror('no place', 0)\n",
	    "lua/x.lua:3: error: no place");
	test_escape(sb, d, "deep_check", "local t = {}\nlocal c = t\n"
	    "for i = 1, 300 do c.x = {} c = c.x end\n"
	    "local r = { type = 'record', fields = {} }\n"
	    "r.fields.x = { type = 'record', fields = r.fields, optional = true }"
	    "\npk.check(t, r, 't')\n", "nested too deeply");
	test_escape(sb, d, "long_name_kept", "\n\nerror('boom')\n",
	    "lua/x.lua:3: error: boom");

	/* the documented budgets, at their edges: 50 million instructions
	 * (a numeric for loop takes one a turn), 64 MiB (string.rep holds
	 * its result twice for a moment) */
	test_runs(sb, d, "steps_45M", "for i = 1, 45e6 do end\nreturn 'done'\n",
	    "done");
	test_escape(sb, d, "steps_55M", "\nfor i = 1, 55e6 do end\n",
	    "lua/x.lua:2: error: instruction limit exceeded (50 million "
	    "instructions)");
	test_runs(sb, d, "mem_25MiB", "local s = string.rep('x', 25 << 20)\n"
	    "return tostring(#s)\n", "26214400");
	test_escape(sb, d, "mem_70MiB", "local s = string.rep('x', 35 << 20)\n"
	    "local t = string.rep('y', 35 << 20)\nreturn #s + #t\n",
	    "error: memory limit exceeded (64 MiB)");
	/* a script's pcall cannot swallow an exceeded budget, even when
	 * only a few instructions follow it */
	test_escape(sb, d, "pcall_swallows_steps", "local ok = pcall(function"
	    "() while true do end end)\nreturn 'after ' .. tostring(ok)\n",
	    "error: instruction limit exceeded");
	test_escape(sb, d, "pcall_swallows_mem", "local ok = pcall(string.rep, "
	    "'x', 100 << 20)\nreturn 'after ' .. tostring(ok)\n",
	    "error: memory limit exceeded (64 MiB)");

	/* pk.check at its edges: a list of exactly min or max items and
	 * numbers equal to min or max pass; one item or one unit beyond
	 * fails; an integer field refuses a fraction */
	test_runs(sb, d, "check_list_at_bounds", "local s = { type = 'list', of = "
	    "{ type = 'integer', min = -2, max = 2 }, min = 3, max = 3 }\n"
	    "pk.check({ -2, 0, 2 }, s, 'x')\nreturn 'ok'\n", "ok");
	test_escape(sb, d, "check_list_over_max", "local s = { type = 'list', "
	    "max = 3 }\npk.check({ 1, 2, 3, 4 }, s, 'x')\n",
	    "x: expected at most 3 items, got 4");
	test_escape(sb, d, "check_list_under_min", "local s = { type = 'list', "
	    "min = 3 }\npk.check({ 1, 2 }, s, 'x')\n",
	    "x: expected at least 3 items, got 2");
	test_escape(sb, d, "check_below_min", "pk.check(-3, { type = 'integer', "
	    "min = -2, max = 2 }, 'x')\n", "x: expected an integer from -2 to "
	    "2, got number -3");
	test_escape(sb, d, "check_above_max", "pk.check(3, { type = 'integer', "
	    "min = -2, max = 2 }, 'x')\n", "x: expected an integer from -2 to "
	    "2, got number 3");
	test_escape(sb, d, "check_fraction", "pk.check(2.5, { type = 'integer' "
	    "}, 'x')\n", "x: expected an integer, got number 2.5");

	/* after all that the state still works, and values come back */
	path = xasprintf("%s/lua/ok.lua", d);
	put(d, "lua/ok.lua", "local t = {}\nfor k, v in pairs({ b = 2, a = 1 }) "
	    "do t[#t + 1] = k .. v end\n"
	    "return table.concat(t, ' ') .. ' ' .. pk.trim('  x  ') .. "
	    "#pk.split('a,b,,c', ',') .. ' ' .. math.floor(pk.textwidth("
	    "'Ab', 10) * 100)\n");
	cap_begin();
	ok = data_runfile(sb, path, 1);
	err = cap_end();
	L = sandbox_state(sb);
	OK("sandbox_usable_after_errors", ok);
	STR_EQ("sandbox_runfile_result", ok ? lua_tostring(L, -1) : err,
	    "a1 b2 x4 1223");
	if (ok)
		lua_pop(L, 1);
	free(err);
	free(path);

	/* a long path is not cut to "...tail" in messages */
	path = xasprintf("%s/lua/a-rather-long-folder-name/and-another-long-"
	    "one/yet-another-folder/x.lua", d);
	put(d, "lua/a-rather-long-folder-name/and-another-long-one/"
	    "yet-another-folder/x.lua", "\nerror('deep')\n");
	cap_begin();
	data_runfile(sb, path, 0);
	err = cap_end();
	HAS("sandbox_long_chunk_name", err, "lua/a-rather-long-folder-name/"
	    "and-another-long-one/yet-another-folder/x.lua:2: error: deep");
	free(err);
	free(path);
	sandbox_free(sb);
	site_clear(&s);
	free(d);
}

/* ---- --case: a project's pages, as the build runs them ----------------- */

static int
runcase(const char *dir)
{
	struct site s;
	struct sandbox *sb;
	struct page p;
	xmlNodePtr root;
	xmlDocPtr doc;
	char *path, *text, *src, *e, *line, *name, *body;
	size_t len, lang;
	int ok, ln, start;

	if (chdir(dir) != 0) {
		perror(dir);
		return 2;
	}
	memset(&s, 0, sizeof(s));
	s.dir = xstrdup(".");
	s.sharedir = xstrdup(share);
	sb = init_sandbox(&s, &dg);
	ok = settings_site(sb, "./lua/site.lua", &s) && settings_i18n(sb, &s);
	for (lang = 0; ok && lang < s.nlangs; lang++) {
		src = xasprintf("content/%s/index.md", s.langs[lang]);
		path = xasprintf("./%s", src);
		if ((text = file_read(path, &len)) == NULL) {
			free(src);
			free(path);
			continue;
		}
		memset(&p, 0, sizeof(p));
		ln = 1;
		line = text;
		doc = newdoc(&root);
		if (strncmp(text, "+++\n", 4) == 0 &&
		    (e = strstr(text + 4, "\n+++\n")) != NULL) {
			ok &= frontmatter_read(sb, src, 2, text + 4,
			    (size_t)(e + 1 - (text + 4)), &p);
			for (line = text; line < e + 5; line++)
				if (*line == '\n')
					ln++;
		}
		while (*line != '\0') {
			e = strchr(line, '\n');
			if (strncmp(line, "```{", 4) == 0) {
				name = xstrndup(line + 4,
				    strcspn(line + 4, "}\n"));
				start = ln + 1;
				body = e != NULL ? e + 1 : line + strlen(line);
				e = strstr(body - 1, "\n```");
				len = e != NULL ? (size_t)(e + 1 - body) : 0;
				ok &= component_call(sb, &s, lang, name, body, len,
				    src, start, root);
				free(name);
				for (; line < body + len; line++)
					if (*line == '\n')
						ln++;
				e = strchr(line, '\n');
			}
			if (e == NULL)
				break;
			line = e + 1;
			ln++;
		}
		free(p.title);
		free(p.key);
		free(p.updated);
		free(p.description);
		free(p.slug);
		xmlFreeDoc(doc);
		free(text);
		free(src);
		free(path);
	}
	sandbox_free(sb);
	site_clear(&s);
	return ok && diag_errors(&dg) == 0 ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	if (argc == 4 && strcmp(argv[2], "--case") == 0) {
		share = argv[1];
		return runcase(argv[3]);
	}
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: test_lua SHAREDIR SCRATCH [format|lua] "
		    "| SHAREDIR --case DIR\n");
		return 2;
	}
	/* each line out at once: a harness that dies keeps what it said */
	setvbuf(stdout, NULL, _IOLBF, 0);
	share = argv[1];
	scratch = argv[2];
	file_mkdirs(&dg, scratch);
	if (argc == 3 || strcmp(argv[3], "format") == 0)
		test_format();
	if (argc == 3 || strcmp(argv[3], "lua") == 0) {
		test_site();
		test_frontmatter();
		test_components();
		test_sandbox();
	}
	return failed > 0;
}

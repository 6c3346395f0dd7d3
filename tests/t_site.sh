#!/bin/sh
# The bilingual site of a small project (tests/golden/site-basic): clean
# URLs, language switch, hreflang, missing translations, sitemap, 404,
# search index, HTML5 output, reproducibility, and an output/ that a
# failed, killed or interrupted build never loses.
. "$ROOT/tests/lib.sh"
P=$(tmpdir site-basic)
cp -R "$ROOT/tests/golden/site-basic/." "$P/"
"$PACTKIT" build "$P" >"$OUT/site-build.out" 2>&1
rc=$?
check site/build-exit-0 test $rc -eq 0
S=$P/output/site
check site/clean-urls test -f "$S/fr/guide/protocole/index.html" -a -f "$S/en/guide/mou/index.html"
check site/root-language-choice grep -q 'href="fr/"' "$S/index.html"
check site/root-choice-english grep -q 'href="en/"' "$S/index.html"
f=$S/fr/guide/protocole/index.html
check site/doctype sh -c "head -c 16 '$f' | grep -q '<!DOCTYPE html>'"
check site/html-lang grep -q '<html lang="fr"' "$f"
check site/switch-same-page grep -q 'href="../../../en/guide/mou/"[^>]*hreflang="en"' "$f"
check site/hreflang-alternate grep -q '<link rel="alternate" hreflang="en" href="../../../en/guide/mou/"' "$f"
check site/also-available-names-language grep -q 'class="pk-also".*English' "$f"
check site/md-link-with-anchor grep -q 'href="guide/protocole/#budget"' "$S/fr/index.html"
check site/site-path-link grep -q 'href="../guide/protocole/"\|href="protocole/"' "$S/fr/guide/index.html"
check site/french-typography grep -q 'comptent :' "$S/fr/guide/index.html"
check site/french-quotes grep -q '« vraiment »' "$S/fr/guide/index.html"
check site/english-quotes grep -q '“really”' "$S/en/guide/index.html"
check site/apostrophe grep -q 'protocole d’accord' "$f"
check site/no-named-entities sh -c "! grep -rhoE '&[a-zA-Z]+;' '$S' --include=*.html | grep -vE '&(amp|lt|gt|quot);' | grep -q ."
check site/heading-ids grep -q '<h2 id="budget"' "$f"
check site/toc grep -q 'href="#duree"' "$f"
check site/updated-date-fr grep -q '21 novembre 2026' "$S/fr/index.html"
check site/updated-date-en grep -q 'November 21, 2026' "$S/en/index.html"
g=$S/fr/guide/seul/index.html
check site/untranslated-built test -f "$g"
check site/untranslated-switch-to-home grep -q 'class="pk-untranslated"' "$g"
check site/untranslated-warned grep -q "only-fr' has no translation in 'en'" "$OUT/site-build.out"
check site/no-english-orphan test ! -e "$S/en/guide/seul"
check site/sitemap-alternates grep -q 'hreflang="en" href="https://example.org/kit/en/guide/mou/"' "$S/sitemap.xml"
check site/sitemap-valid-xml xmllint --noout "$S/sitemap.xml"
check site/404-fr test -f "$S/fr/404.html"
check site/404-en test -f "$S/en/404.html"
check site/search-index grep -q '"t":"Le protocole d’accord"' "$S/fr/search-index.json"
check site/prev-next grep -q 'rel="next"' "$S/fr/guide/index.html"
check site/breadcrumb grep -q 'aria-current="page">Le protocole' "$f"
check site/download-link grep -q 'href="../../../pdf/fr/guide.pdf"' "$f"
check site/no-data-pk-left sh -c "! grep -rq 'data-pk-pos\|data-pk=\"' '$S'"
check site/check-exit-0 "$PACTKIT" check -q "$P"
check site/check-warns-missing-translation sh -c "'$PACTKIT' check '$P' 2>&1 | grep -q \"has no translation in 'en'\""
check site/check-strict-fails sh -c "! '$PACTKIT' check --strict '$P' 2>/dev/null"
check site/check-json sh -c "'$PACTKIT' check --format json '$P' | grep -q '\"level\": \"warning\"'"
# a large bilingual site has one writer per language: --format json
# lists what each of them said, as many items as it counts
B=$(tmpdir site-json-writers)
mkdir -p "$B/lua" "$B/content/fr" "$B/content/en"
printf 'return { title = { fr = "T", en = "T" }, languages = { "fr", "en" } }\n' > "$B/lua/site.lua"
for l in fr en; do
	printf '+++\ntitle = "H"\n+++\n\nx\n' > "$B/content/$l/index.md"
	for i in $(seq 60); do printf '+++\ntitle = "P%s"\n+++\n\nx\n' $i > "$B/content/$l/p$i.md"; done
done
printf '+++\ntitle = "Only"\n+++\n\nx\n' > "$B/content/en/only-en.md"
printf '+++\ntitle = "Seul"\n+++\n\nx\n' > "$B/content/fr/seul-fr.md"
"$PACTKIT" build --format json "$B" > "$B/out.json" 2>/dev/null
check site/json-both-writers python3 -c "
import json, sys
d = json.load(open('$B/out.json'))
files = sorted(x['file'] for x in d['diagnostics'])
sys.exit(0 if d['warnings'] == 2 and files == ['content/en/only-en.md', 'content/fr/seul-fr.md'] else 1)"
# the second language's writer fails (a broken link on an English page
# only): the build fails, exit 1, and output/ stays as it was
"$PACTKIT" build -q "$B" 2>/dev/null
before=$(cd "$B/output" && find . -type f | sort | xargs cat | md5sum)
printf '\n[broken](nowhere-en.md)\n' >> "$B/content/en/p7.md"
"$PACTKIT" build -q "$B" 2>"$B/en-fails.err"
check site/second-writer-fails-build test $? -eq 1
check site/second-writer-error-named grep -q "content/en/p7.md:.*link target 'nowhere-en.md' not found" "$B/en-fails.err"
check site/second-writer-fails-output-kept test "$before" = "$(cd "$B/output" && find . -type f | sort | xargs cat | md5sum)"
sed -i '$d' "$B/content/en/p7.md"

# the generation before last is reused (output.prev): a page that did not
# change is not written again by the third build (its file is older than
# a mark set after the first build); a fresh build would write it anew
"$PACTKIT" build -q "$B" 2>/dev/null
sleep 0.05; : > "$B/mark"; sleep 0.05
"$PACTKIT" build -q "$B" 2>/dev/null
check site/prev-kept test -d "$B/output.prev/.pactkit"
"$PACTKIT" build -q "$B" 2>/dev/null
check site/prev-reused-unchanged-page-not-rewritten test ! "$B/output/site/fr/p3/index.html" -nt "$B/mark"
printf '\nChanged.\n' >> "$B/content/fr/p3.md"
"$PACTKIT" build -q "$B" 2>/dev/null; "$PACTKIT" build -q "$B" 2>/dev/null
check site/prev-reused-changed-page-rewritten sh -c "test '$B/output/site/fr/p3/index.html' -nt '$B/mark' && grep -q Changed '$B/output/site/fr/p3/index.html'"
# a change that keeps the file's size (one word for another of the same
# length) is written too: the reused file is kept only when its content
# hashes the same
sed -i 's/^Changed\.$/Altered./' "$B/content/fr/p3.md"
"$PACTKIT" build -q "$B" 2>/dev/null
check site/prev-reused-same-size-change-rewritten sh -c "grep -q Altered '$B/output/site/fr/p3/index.html' && ! grep -q Changed '$B/output/site/fr/p3/index.html'"

# reproducible: a second build elsewhere, later, is byte-identical
Q=$(tmpdir site-basic-2)
cp -R "$ROOT/tests/golden/site-basic/." "$Q/"
sleep 1
"$PACTKIT" build -q "$Q" 2>/dev/null
check site/reproducible diff -r -x .pactkit "$P/output" "$Q/output"

# a build that fails leaves output/ as it was
printf '\n[broken](nowhere.md)\n' >> "$Q/content/fr/guide/index.md"
before=$(cd "$Q/output" && find . -type f | sort | xargs cat | md5sum)
"$PACTKIT" build -q "$Q" 2>/dev/null
after=$(cd "$Q/output" && find . -type f | sort | xargs cat | md5sum)
check site/failed-build-keeps-output test "$before" = "$after"
check site/failed-build-no-temp sh -c "! ls -d '$Q'/output.tmp-* 2>/dev/null"

# SIGKILL part-way: the previous output stays whole
R=$(tmpdir site-kill)
cp -R "$ROOT/tests/golden/site-basic/." "$R/"
"$PACTKIT" build -q "$R" 2>/dev/null
before=$(cd "$R/output" && find . -type f | sort | xargs cat | md5sum)
i=0; while [ $i -lt 300 ]; do printf '+++\ntitle = "P%d"\n+++\n\nTexte %d.\n' $i $i > "$R/content/fr/guide/p$i.md"; i=$((i+1)); done
# wait_writing PID: waits until the build PID has begun writing pages into
# a temporary folder of its own (not one a killed build left), so that a
# kill lands part-way; fails if it never did
wait_writing() {
	old=$(ls -d "$R"/output.tmp-* 2>/dev/null)
	n=0
	while [ $n -lt 3000 ] && kill -0 "$1" 2>/dev/null; do
		for t in "$R"/output.tmp-*; do
			case " $old " in *" $t "*) continue ;; esac
			ls "$t/site/fr/guide" 2>/dev/null | grep -q . && return 0
		done
		sleep 0.002; n=$((n+1))
	done
	return 1
}
"$PACTKIT" build -q "$R" 2>/dev/null & pid=$!
wait_writing $pid; seen=$?
kill -KILL $pid 2>/dev/null; waitfor $pid 20
after=$(cd "$R/output" && find . -type f | sort | xargs cat | md5sum)
check site/sigkill-lands-mid-write test $seen -eq 0
check site/sigkill-leaves-partial-temp sh -c "ls -d '$R'/output.tmp-* >/dev/null 2>&1"
check site/sigkill-keeps-output test "$before" = "$after"
check site/sigkill-no-new-page-in-output test ! -e "$R/output/site/fr/guide/p0"
"$PACTKIT" build -q "$R" 2>/dev/null & pid=$!
wait_writing $pid; seen=$?
kill -INT $pid 2>/dev/null; waitfor $pid $((${ASAN:+5*}20)); rc=$?
check site/sigint-lands-mid-write test $seen -eq 0
check site/sigint-ends-build test $rc -ne 124
check site/sigint-removes-temp sh -c "! ls -d '$R'/output.tmp-* 2>/dev/null"
after=$(cd "$R/output" && find . -type f | sort | xargs cat | md5sum)
check site/sigint-keeps-output test "$before" = "$after"

# index_links = true: every link names index.html, so the site works
# opened from disk (file://) as well as from a server
F=$(tmpdir site-file-links)
cp -R "$ROOT/tests/golden/site-basic/." "$F/"
sed -i 's/^return {/return {\n  index_links = true,/' "$F/lua/site.lua"
"$PACTKIT" build -q "$F" 2>/dev/null
h=$F/output/site/fr/guide/protocole/index.html
check site/index-links-switch grep -q 'href="../../../en/guide/mou/index.html"' "$h"
check site/index-links-no-folder-link sh -c "! grep -o 'href=\"[^\"#]*/\"' '$h' | grep -q ."
check site/index-links-anchor grep -q 'href="guide/protocole/index.html#budget"' "$F/output/site/fr/index.html"

# a section of 300 pages: each page's nav shows a window of it and a link
# to the section page, which lists them all (builds stay linear)
"$PACTKIT" build -q "$R" 2>/dev/null
n=$(sed -n '/class="pk-nav"/,/<\/nav>/p' "$R/output/site/fr/guide/p150/index.html" | grep -c '<li>')
check site/nav-window test "$n" -le 40 -a "$n" -ge 20
check site/nav-all-link grep -q 'class="pk-nav-all"' "$R/output/site/fr/guide/p150/index.html"
check site/section-lists-all sh -c "test \$(grep -o 'href=\"p[0-9]*/\"' '$R/output/site/fr/guide/index.html' | sort -u | wc -l) -ge 300"

# navigation items are built once per folder and reused on its pages:
# every page's nav must read as if built for it alone (PACTKIT_NAV_FRESH),
# in nested sections, long ones (a window), a page with pages below it,
# and with index_links
N=$(tmpdir site-nav-cache)
mkdir -p "$N/lua" "$N/content/fr/a/sub/deep" "$N/content/fr/b" "$N/content/en/a"
printf 'return { title = { fr = "T", en = "T" }, languages = { "fr", "en" } }\n' > "$N/lua/site.lua"
printf '+++\ntitle = "Accueil"\n+++\n\nBonjour.\n' > "$N/content/fr/index.md"
printf '+++\ntitle = "Home"\n+++\n\nHello.\n' > "$N/content/en/index.md"
printf '+++\ntitle = "A"\nweight = 1\n+++\n\nA.\n' > "$N/content/fr/a/_index.md"
printf '+++\ntitle = "A"\nkey = "a"\n+++\n\nA.\n' > "$N/content/en/a/_index.md"
printf '+++\ntitle = "B"\nweight = 2\n+++\n\nB.\n' > "$N/content/fr/b/_index.md"
printf '+++\ntitle = "Sub"\n+++\n\nS.\n' > "$N/content/fr/a/sub/_index.md"
printf '+++\ntitle = "Deep"\n+++\n\nD.\n' > "$N/content/fr/a/sub/deep/index.md"
printf '+++\ntitle = "Deeper"\n+++\n\nD.\n' > "$N/content/fr/a/sub/deep/x.md"
for i in $(seq 10 49); do
	printf '+++\ntitle = "Page %s"\n+++\n\nTexte.\n' $i > "$N/content/fr/a/p$i.md"
	printf '+++\ntitle = "S%s"\n+++\n\nTexte.\n' $i > "$N/content/fr/a/sub/s$i.md"
done
for i in 1 2 3; do
	printf '+++\ntitle = "B%s"\n+++\n\nTexte.\n' $i > "$N/content/fr/b/q$i.md"
	printf '+++\ntitle = "En %s"\n+++\n\nText.\n' $i > "$N/content/en/a/p$i.md"
done
navsame() {
	"$PACTKIT" build -q -o "$N/cached" "$N" 2>/dev/null &&
	    PACTKIT_NAV_FRESH=1 "$PACTKIT" build -q -o "$N/fresh" "$N" 2>/dev/null &&
	    diff -r "$N/cached/site" "$N/fresh/site"
}
check site/nav-cache-same-as-fresh navsame
sed -i 's/^return {/return { index_links = true,/' "$N/lua/site.lua"
check site/nav-cache-same-as-fresh-index-links navsame
h=$N/cached/site/fr/a/p20/index.html
check site/nav-cache-self-current grep -q '<a href="index.html" aria-current="page">Page 20</a>' "$h"
check site/nav-cache-sibling grep -q '<a href="../p21/index.html">Page 21</a>' "$h"
check site/nav-cache-other-section grep -q '<a href="../../b/index.html">B</a>' "$h"
# a theme may show the navigation twice: each nav gets every item
mkdir -p "$N/themes"
cp -R "$ROOT/themes/default" "$N/themes/two"
sed -i 's|<main id="main" class="pk-main">|<nav class="pk-nav-again" data-pk="nav"><ul><li>x</li></ul></nav>\n&|' "$N/themes/two/page.xhtml"
sed -i 's/^return {/return { theme = "two",/' "$N/lua/site.lua"
check site/nav-cache-two-navs-same-as-fresh navsame
check site/nav-cache-two-navs-both-full sh -c "test \$(grep -c '<a href=\"../p21/index.html\">Page 21</a>' '$h') -eq 2"

# rebuilds reuse the files of the generation before last: what a page no
# longer produces goes, what changed is rewritten, in one process (small
# site) and in one writer per language (large site)
rebuilt() {     # project, removed page's output folder, changed file, word
	"$PACTKIT" build -q "$1" 2>/dev/null && "$PACTKIT" build -q "$1" 2>/dev/null &&
	    test ! -e "$1/output/site/$2" -a ! -e "$1/output.prev/site/$2" &&
	    grep -q "$4" "$1/output/site/$3" && "$PACTKIT" build -q "$1" 2>/dev/null &&
	    test ! -e "$1/output/site/$2" && grep -q "$4" "$1/output/site/$3"
}
rm "$P/content/fr/guide/seul.md"
sed -i 's/^title = .*/title = "Titre changé"/' "$P/content/fr/guide/protocole.md"
sed -i '/documents = {/,/^  },/d' "$P/lua/site.lua"
check site/rebuild-drops-removed-page rebuilt "$P" fr/guide/seul fr/guide/protocole/index.html 'Titre changé'
nopdf() {       # three more builds, the PDF gone after each one
	for k in 1 2 3; do
		"$PACTKIT" build -q "$P" 2>/dev/null && test ! -e "$P/output/pdf/fr/guide.pdf" -a \
		    ! -e "$P/output/site/pdf/fr/guide.pdf" -a ! -e "$P/output/site/pdf/en/guide.pdf" || return 1
	done
}
check site/rebuild-drops-removed-pdf nopdf
check site/rebuild-no-download-link sh -c "! grep -q 'guide.pdf' '$P/output/site/fr/guide/protocole/index.html'"
rm "$R/content/fr/guide/p150.md"
sed -i 's/Texte 151/Un autre texte/' "$R/content/fr/guide/p151.md"
check site/rebuild-forked-drops-removed-page rebuilt "$R" fr/guide/p150 fr/guide/p151/index.html 'Un autre texte'
check site/rebuild-forked-keeps-english test -f "$R/output/site/en/guide/mou/index.html"

# the search index: valid JSON, each page's words apart across blocks,
# quotes, backslashes and markup characters kept as text
J=$(tmpdir site-search)
"$PACTKIT" new "$J/p" >/dev/null 2>&1
printf '+++\ntitle = "T"\n+++\n\nFin du bloc\n\n- Début de liste avec \\\\ et "guillemets" et `<b>`\n' > "$J/p/content/en/index.md"
"$PACTKIT" build -q "$J/p" 2>/dev/null
check site/search-index-json python3 -c "
import json, sys
d = json.load(open('$J/p/output/site/en/search-index.json'))
x = [e['x'] for e in d if e['u'] in ('', './')][0]
sys.exit(0 if x == 'Fin du bloc Début de liste avec \\\\ et “guillemets” et <b>' else 1)"
# runs of spaces, tabs and line ends at every offset come out as one
# space, whatever the alignment of the text (it is scanned 8 bytes at once)
python3 - "$J/p/content/en/index.md" <<'PY'
import sys
words = []
for i in range(1, 40):
    words.append("w" * (i % 11 + 1) + str(i))
text, sep = "", ["  ", "\t", " \t ", "\n", "   "]
for i, w in enumerate(words):
    text += w + (sep[i % 5] if i % 3 == 0 else " ")
text += '&lt;x&gt; a\\\\b end'
open(sys.argv[1], "w").write('+++\ntitle = "T"\n+++\n\n' + text + "\n")
open(sys.argv[1] + ".want", "w").write(" ".join(words) + ' <x> a\\b end')
PY
"$PACTKIT" build -q "$J/p" 2>/dev/null
check site/search-index-whitespace python3 -c "
import json, sys
d = json.load(open('$J/p/output/site/en/search-index.json'))
x = [e['x'] for e in d if e['u'] in ('', './')][0]
want = open('$J/p/content/en/index.md.want').read()
sys.exit(0 if x == want else print(repr(x), repr(want)) or 1)"

# front matter of plain fields is read without Lua: the same pages and the
# same messages as when Lua reads it (PACTKIT_FM_LUA=1 forces Lua)
F=$(tmpdir site-fm)
"$PACTKIT" new "$F/p" >/dev/null 2>&1
i=0
for fm in 'title = "Un « titre » : oui"\nweight = -3\n-- a comment\nkey = "k1"' \
    'title = "T2" -- trailing comment\ndraft = false\ntags = "x"\nweight = 007' \
    '\n\ttitle\t=\t"T3"\t\nslug = "page-trois"\nupdated = "2026-01-05"' \
    'title = "T4"\ntitle = "T4 bis"\nweight = 2' \
    'titel = "T5"\ntranslationKey = "k5"\ndate = "2025-12-24T10:00:00Z"' \
    'title = "T6"\nweight = "4"\ndescription = "d"' \
    'title = "T7"\nupdated = 20260105\nweight = 1.5' \
    'title = "T8" .. "!"\nweight = 3' \
    'title = [[T9]]\nkey = "k9" --[[ block ]]' \
    'title = "T10"\nkey = ""' \
    'title = "T11\\"q"\nweight = 99999999999999999' \
    'title = "T12" -- note\rtitle = "T12 lua"' \
    '_ENV = 1\ntitle = "T13"'; do
	i=$((i + 1))
	printf "+++\n$fm\n+++\n\nTexte $i.\n" > "$F/p/content/fr/guide/fm$i.md"
done
"$PACTKIT" build -o "$F/fast" "$F/p" >"$F/fast.err" 2>&1; echo $? >>"$F/fast.err"
PACTKIT_FM_LUA=1 "$PACTKIT" build -o "$F/lua" "$F/p" >"$F/lua.err" 2>&1; echo $? >>"$F/lua.err"
check site/frontmatter-fast-same-messages sh -c "sed 's/ in [0-9.]* s//; s|$F/[a-z]*|OUT|' '$F/fast.err' > '$F/a'; sed 's/ in [0-9.]* s//; s|$F/[a-z]*|OUT|' '$F/lua.err' > '$F/b'; diff '$F/a' '$F/b' && grep -q 'error' '$F/a'"
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13; do sed -i '/^weight = "4"$/d; /^updated = 20260105$/d; s/^weight = 1.5$/weight = 1/; /^key = ""$/d; /^weight = 99999/d; /^_ENV = 1$/d' "$F/p/content/fr/guide/fm$k.md"; done
"$PACTKIT" build -q -o "$F/fast2" "$F/p" 2>/dev/null
PACTKIT_FM_LUA=1 "$PACTKIT" build -q -o "$F/lua2" "$F/p" 2>/dev/null
check site/frontmatter-fast-same-site sh -c "test -f '$F/fast2/site/fr/guide/page-trois/index.html' && diff -r -x .pactkit '$F/fast2' '$F/lua2'"

# the build's file lists (output/.pactkit) never keep a file changed or
# removed by hand: two builds later (when that folder is reused) it is
# written again
H=$(tmpdir site-lists)
cp -R "$ROOT/tests/golden/site-basic/." "$H/"
"$PACTKIT" build -q "$H" 2>/dev/null; "$PACTKIT" build -q "$H" 2>/dev/null
check site/lists-written test -s "$H/output/.pactkit/files-all"
sed -i 's/<html lang="fr"/<html lang="xx"/' "$H/output/site/fr/guide/protocole/index.html"
rm "$H/output/site/fr/index.html" "$H/output/pdf/en/guide.pdf"
"$PACTKIT" build -q "$H" 2>/dev/null; "$PACTKIT" build -q "$H" 2>/dev/null
check site/lists-rewrite-edited grep -q '<html lang="fr"' "$H/output/site/fr/guide/protocole/index.html"
check site/lists-rewrite-removed test -f "$H/output/site/fr/index.html" -a -f "$H/output/pdf/en/guide.pdf" -a -f "$H/output/site/pdf/en/guide.pdf"

# a one-language site of 450 pages is written by two processes (one page
# in two each): both lists are kept, so a page added at the front (every
# page changes writer) or removed is right two and three builds later
G=$(tmpdir site-big-one)
mkdir -p "$G/lua" "$G/content/en"
printf 'return {\n  title = { en = "Big" },\n  languages = { "en" },\n}\n' > "$G/lua/site.lua"
printf '+++\ntitle = "Home"\n+++\n\nHome.\n' > "$G/content/en/index.md"
i=100; while [ $i -lt 550 ]; do printf '+++\ntitle = "P%d"\n+++\n\nBody %d.\n' $i $i > "$G/content/en/p$i.md"; i=$((i+1)); done
pages() { find "$G/output/site/en" -name index.html | wc -l; }
"$PACTKIT" build -q "$G" 2>/dev/null; "$PACTKIT" build -q "$G" 2>/dev/null
printf '+++\ntitle = "First"\n+++\n\nFirst.\n' > "$G/content/en/a000.md"
rm "$G/content/en/p300.md"
# 451 pages and the three statements pactkit writes
okb=1; for k in 1 2 3; do "$PACTKIT" build -q "$G" 2>/dev/null || okb=0; test "$(pages)" -eq 454 || okb=0; done
check site/two-writers-lists-pages test $okb -eq 1
check site/two-writers-lists-removed test ! -e "$G/output/site/en/p300/index.html" -a -f "$G/output/site/en/a000/index.html"

# a theme whose slot holds another slot: a warning, and the page is whole
N=$(tmpdir site-nested-slot)
cp -R "$ROOT/tests/golden/site-basic/." "$N/"
mkdir -p "$N/themes/default"
cp -R "$ROOT/themes/default/." "$N/themes/default/"
sed -i 's|<div class="pk-meta-block" data-pk="meta"></div>|<div class="pk-meta-block" data-pk="meta"><span data-pk="page-title">x</span></div>|' "$N/themes/default/page.xhtml"
"$PACTKIT" build "$N" >"$N/out.txt" 2>&1
check site/nested-slot-warned grep -q 'slot or link inside another slot' "$N/out.txt"
check site/nested-slot-pages grep -q 'class="pk-also"' "$N/output/site/fr/guide/protocole/index.html"

# "-o DIR/" names the folder DIR
"$PACTKIT" build -q -o "$N/elsewhere/" "$N" 2>/dev/null
check site/output-trailing-slash test -f "$N/elsewhere/site/fr/index.html"

# warnings counted once each, however many writers: the summary says as
# many as were printed
printf '+++\ntitle = "Q"\ntitel = "typo"\n+++\n\nQ.\n' > "$R/content/fr/guide/q.md"
"$PACTKIT" build "$R" >"$R.out" 2>&1
check site/warnings-counted-once sh -c "test \$(grep -c 'warning:' '$R.out') -eq \$(sed -n 's/.*; [0-9]* errors\{0,1\}, \([0-9]*\) warnings\{0,1\}\$/\1/p' '$R.out')"

# identity settings (README "Identity"): every field, and the short forms,
# are known settings: check --strict says nothing about them (the
# addresses are on a made-up domain: a placeholder one is warned about)
I=$(tmpdir site-identity)
mkdir -p "$I/lua" "$I/content/fr" "$I/content/en" "$I/assets"
printf '# Accueil\n\nTexte.\n' > "$I/content/fr/index.md"
printf '# Home\n\nText.\n' > "$I/content/en/index.md"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n' > "$I/assets/logo.svg"
cat > "$I/lua/site.lua" <<'LUA'
return {
  title = { fr = "T", en = "T" }, languages = { "fr", "en" },
  publisher = { name = { fr = "Ministère de l’Exemple", en = "Ministry of Example" },
                url = "https://ministry.gov.kessa/", logo = "assets/logo.svg" },
  edition = { fr = "Première édition", en = "First edition" },
  licence = { name = "CC BY 4.0", url = "https://creativecommons.org/licenses/by/4.0/" },
  cite = "Ministry of Example (2027).",
  contact = { email = "partnerships@ministry.gov.kessa", url = "https://ministry.gov.kessa/contact",
              address = { fr = "1 rue Principale", en = "1 Main Street" } },
  disclaimer = { fr = "Avertissement.", en = "Disclaimer." },
  theme_color = "#1d4f73",
}
LUA
"$PACTKIT" check --strict "$I" >"$OUT/identity.log" 2>&1
check site/identity-settings-known test $? -eq 0
cat > "$I/lua/site.lua" <<'LUA'
return {
  title = { fr = "T", en = "T" }, languages = { "fr", "en" },
  publisher = { fr = "Ministère de l’Exemple", en = "Ministry of Example" },
  licence = "CC BY 4.0",
}
LUA
"$PACTKIT" check --strict "$I" >"$OUT/identity2.log" 2>&1
check site/identity-short-forms test $? -eq 0

# issue 16: what a site shows of its publisher, and the statements pactkit
# writes (README "The statements"): the footer, the logo, the colour, the
# three statements in each language, one of them replaced by a page of the
# project; base_url empty: no sitemap.xml, and the build says so
W=$(tmpdir site-published)
mkdir -p "$W/lua" "$W/content/fr" "$W/content/en" "$W/assets"
printf '+++\ntitle = "Accueil"\nkey = "home"\n+++\n\nTexte.\n' > "$W/content/fr/index.md"
printf '+++\ntitle = "Home"\nkey = "home"\n+++\n\nText.\n' > "$W/content/en/index.md"
printf '+++\ntitle = "Notre politique de confidentialité"\nkey = "privacy"\n+++\n\nNotre texte.\n' > "$W/content/fr/confidentialite.md"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n' > "$W/assets/logo.svg"
cat > "$W/lua/site.lua" <<'LUA'
return {
  title = { fr = "Boîte", en = "Kit" }, languages = { "fr", "en" },
  base_url = "",
  publisher = { name = { fr = "Ministère de l’Exemple", en = "Ministry of Example" },
                url = "https://ministry.gov.kessa/", logo = "assets/logo.svg",
                director = "La secrétaire générale" },
  edition = { fr = "Première édition", en = "First edition" },
  licence = { name = "CC BY 4.0", url = "https://creativecommons.org/licenses/by/4.0/" },
  contact = { email = "partnerships@ministry.gov.kessa" },
  theme_color = "#1d4f73",
  host = { name = "Hébergeur d’État", address = "2 rue du Réseau", url = "https://host.gov.kessa/" },
  accessibility = { status = "partial", audit = { date = "2027-01-15", by = "Cabinet Accès", rate = 82 },
                    issues = { { fr = "La carte n’a pas de description détaillée.", en = "The map has no long description." } } },
}
LUA
"$PACTKIT" build "$W" >"$OUT/published.log" 2>&1
check site/base-url-empty-builds grep -q 'no sitemap.xml' "$OUT/published.log"
check site/no-sitemap-without-base-url test ! -e "$W/output/site/sitemap.xml"
S16=$W/output/site
NB=$(printf '\302\240')          # no-break space (before a French colon)
NN=$(printf '\342\200\257')      # narrow no-break space (before %)
check site/statements-fr sh -c "grep -q '<h1>Déclaration d’accessibilité</h1>' '$S16/fr/accessibilite/index.html' && grep -q '<h1>Mentions légales</h1>' '$S16/fr/mentions-legales/index.html'"
check site/statements-en sh -c "grep -q '<h1>Accessibility statement</h1>' '$S16/en/accessibility/index.html' && grep -q '<h1>Privacy</h1>' '$S16/en/privacy/index.html' && grep -q '<h1>Legal notice</h1>' '$S16/en/legal-notice/index.html'"
check site/statement-replaced-by-key sh -c "test ! -e '$S16/fr/donnees-personnelles/index.html' && grep -q 'href=\"confidentialite/\">Notre politique' '$S16/fr/index.html' && grep -q 'hreflang=\"fr\" href=\"../../fr/confidentialite/\"' '$S16/en/privacy/index.html'"
check site/statements-paired grep -q 'hreflang="en" href="../../en/accessibility/"' "$S16/fr/accessibilite/index.html"
check site/a11y-status-in-footer grep -q "Accessibilité$NB: partiellement conforme" "$S16/fr/index.html"
check site/a11y-audit-said sh -c "grep -q '15 janvier 2027' '$S16/fr/accessibilite/index.html' && grep -q '82$NN% des critères' '$S16/fr/accessibilite/index.html' && grep -q 'La carte n’a pas de description détaillée' '$S16/fr/accessibilite/index.html' && grep -q 'Défenseur des droits' '$S16/fr/accessibilite/index.html'"
check site/legal-notice-settings sh -c "grep -q 'Hébergeur d’État' '$S16/fr/mentions-legales/index.html' && grep -q 'La secrétaire générale' '$S16/fr/mentions-legales/index.html' && grep -q 'href=\"https://creativecommons.org/licenses/by/4.0/\"' '$S16/en/legal-notice/index.html'"
check site/footer-identity sh -c "grep -q 'class=\"pk-publisher\"' '$S16/fr/index.html' && grep -q 'Ministère de l’Exemple' '$S16/fr/index.html' && grep -q 'href=\"mailto:partnerships@ministry.gov.kessa\"' '$S16/fr/index.html' && grep -q 'Première édition' '$S16/fr/index.html' && grep -q 'Licence$NB: <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>' '$S16/fr/index.html'"
check site/logo-in-header sh -c "cmp -s '$W/assets/logo.svg' '$S16/assets/publisher-logo.svg' && grep -q '<img class=\"pk-logo\" src=\"../assets/publisher-logo.svg\" alt=\"Ministry of Example\">' '$S16/en/index.html'"
check site/theme-color-css sh -c "grep -q -- '--pk-accent: #1d4f73' '$S16/assets/identity.css' && grep -q 'href=\"../../assets/identity.css\"' '$S16/fr/accessibilite/index.html'"
check site/no-statement-in-nav sh -c "! sed -n '/class=\"pk-nav\"/,/<\/nav>/p' '$S16/fr/index.html' | grep -q accessibilite"
# the privacy note names the worksheets, with their keys
mkdir -p "$W/content/fr/outils"
printf '+++\ntitle = "Carte"\n+++\n\n```{stakeholder-map}\nblank = true\n```\n' > "$W/content/fr/outils/carte.md"
rm "$W/content/fr/confidentialite.md"
"$PACTKIT" build "$W" >"$OUT/published2.log" 2>&1
check site/privacy-names-worksheets sh -c "grep -q 'pactkit:stakeholder-map-fr:' '$S16/fr/donnees-personnelles/index.html' && grep -q 'href=\"../outils/carte/\"' '$S16/fr/donnees-personnelles/index.html' && grep -q '<button type=\"button\" class=\"pk-button\">' '$S16/fr/donnees-personnelles/index.html'"
# a colour white text cannot be read on; a claim the audit does not carry
sed -i 's/#1d4f73/#8fb3d9/; s/rate = 82/rate = 40/' "$W/lua/site.lua"
"$PACTKIT" check "$W" >"$OUT/published3.log" 2>&1
check site/theme-color-contrast grep -q 'theme_color: "#8fb3d9" has a contrast of 2.2:1 with white; expected at least 4.5:1' "$OUT/published3.log"
check site/a11y-rate-warned grep -q 'accessibility.status: "partial" needs at least 50 % of the criteria met; the audit gives 40 %' "$OUT/published3.log"
"$PACTKIT" build "$W" >/dev/null 2>&1
check site/a11y-low-rate-not-compliant grep -q "Accessibilité$NB: non conforme" "$S16/fr/index.html"
# with base_url: sitemap.xml
sed -i 's|base_url = ""|base_url = "https://kit.gov.kessa/"|' "$W/lua/site.lua"
"$PACTKIT" build "$W" >"$OUT/published4.log" 2>&1
check site/sitemap-with-base-url sh -c "grep -q '<loc>https://kit.gov.kessa/fr/accessibilite/</loc>' '$S16/sitemap.xml' && ! grep -q 'no sitemap' '$OUT/published4.log'"

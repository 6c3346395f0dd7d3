#!/bin/sh
# Hostile input that is easier to make than to commit: a 10 MB page, 10 000
# nested lists and quotes, markup in data, bad UTF-8 in data, ids that try
# to leave output/, an output folder that cannot be written, personal data.
# Each ends with a clear message (or a correct output) within seconds.
. "$ROOT/tests/lib.sh"

# base PROJECT: a minimal bilingual project
base() {
	d=$(tmpdir "trust/$1")
	mkdir -p "$d/lua/data" "$d/content/fr" "$d/content/en"
	printf 'return { title = "T", languages = { "fr", "en" } }\n' > "$d/lua/site.lua"
	printf '+++\ntitle = "Accueil"\n+++\n\nBonjour.\n' > "$d/content/fr/index.md"
	printf '+++\ntitle = "Home"\n+++\n\nHello.\n' > "$d/content/en/index.md"
	echo "$d"
}
# within SECONDS CMD...: runs CMD, fails when it takes longer (an ASan
# build, much slower, gets five times as long)
within() {
	s=$1; shift
	case $PACTKIT in *-asan) s=$((s * 5)) ;; esac
	start=$(date +%s)
	timeout 60 "$@" >"$OUT/trust.out" 2>"$OUT/trust.err"
	rc=$?
	took=$(( $(date +%s) - start ))
	[ "$took" -le "$s" ] || { echo "took ${took}s" >>"$OUT/trust.err"; return 124; }
	return $rc
}

# a 10 MB page builds, in linear time
d=$(base big)
python3 -c "
import sys
para = 'Le partenariat « local » : une idée simple ; elle marche ! ' * 20 + '\n\n'
out = ['+++\ntitle = \"Grande\"\n+++\n\n']
n = 0
while n < 10_000_000:
    out.append('## Section %d\n\n' % len(out)); out.append(para); n += len(para) + 16
open('$d/content/fr/grande.md', 'w').write(''.join(out))
"
within 30 "$PACTKIT" build -q "$d"
check trust/10mb-page-builds test $? -eq 0
check trust/10mb-page-written test -s "$d/output/site/fr/grande/index.html"

# 10 000 nested lists and quotes: linear, no crash
d=$(base nesting)
python3 -c "
open('$d/content/fr/listes.md', 'w').write('+++\ntitle = \"L\"\n+++\n\n' + ''.join('  ' * i + '- a\n' for i in range(10000)))
open('$d/content/fr/citations.md', 'w').write('+++\ntitle = \"C\"\n+++\n\n' + '> ' * 10000 + 'fin\n')
"
within 20 "$PACTKIT" build -q "$d"
rc=$?
check trust/deep-nesting-ends test $rc -ne 124 -a $rc -le 1
check trust/deep-quotes-built grep -q fin "$d/output/site/fr/citations/index.html"

# markup in data is escaped everywhere: text, attributes, SVG
d=$(base markup)
cat > "$d/lua/data/stakeholders.lua" <<'LUA'
return {
  { id = "evil", name = '<script>alert(1)</script> "quoted" & <b>bold</b>',
    sector = "police", level = "local", influence = 3, support = 1 },
  { id = "other", name = "Autre", sector = "health", level = "local", influence = 2, support = 2 },
}
LUA
printf '\n```{stakeholder-map}\nsource = "stakeholders"\n```\n\n```{data-table}\nsource = "stakeholders"\n```\n' >> "$d/content/fr/index.md"
"$PACTKIT" build -q "$d" 2>"$OUT/trust-markup.err"
h=$d/output/site/fr/index.html
check trust/markup-built test -s "$h"
check trust/markup-no-script-injected sh -c "! grep -q '<script>alert' '$h'"
check trust/markup-no-tag-injected sh -c "! grep -q '<b>bold' '$h'"
check trust/markup-escaped-in-text grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$h"
check trust/markup-escaped-in-svg sh -c "sed -n '/<svg/,/<\/svg>/p' '$h' | grep -q '&lt;script&gt;'"
# each inline SVG of the page is well-formed XML (xmllint, one by one)
svgs_wellformed() {
	python3 -c '
import re, subprocess, sys
s = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg\b.*?</svg>", s, re.S)
assert svgs, "no svg"
for x in svgs:
    subprocess.run(["xmllint", "--noout", "-"], input=x.encode(), check=True)
' "$1"
}
check trust/markup-svg-is-xml-clean svgs_wellformed "$h"
check trust/markup-no-script-end-tag sh -c "! grep -q 'alert(1)</script>' '$h'"

# markup in data reaching an attribute through a project component
d=$(base markup-attr)
mkdir -p "$d/lua/components"
printf 'return { label = [["><script>alert(3)</script><x y="]] }\n' > "$d/lua/data/evil.lua"
cat > "$d/lua/components/probe.lua" <<'LUA'
return function(args)
  local v = pk.data("evil").label
  return pk.h("p", { title = v, ["data-v"] = v }, pk.h("a", { href = "x?q=" .. v }, v))
end
LUA
printf '\n```{probe}\n```\n' >> "$d/content/fr/index.md"
"$PACTKIT" build -q "$d" 2>"$OUT/trust-attr.err"
h=$d/output/site/fr/index.html
check trust/markup-attr-built test -s "$h"
check trust/markup-attr-no-script sh -c "! grep -q '<script>alert(3)' '$h'"
check trust/markup-attr-quote-escaped grep -q 'title="&quot;&gt;&lt;script&gt;alert(3)' "$h"
check trust/markup-attr-href-escaped grep -q 'href="x?q=%22%3E%3Cscript%3E\|href="x?q=&quot;&gt;&lt;script' "$h"

# raw HTML and javascript:/data: URLs in Markdown are dropped from the site
d=$(base md-unsafe)
printf '\n[js](javascript:alert(1)) <script>alert(2)</script>\n\n<div onclick="steal()">raw</div>\n\n[v](  VBScript:msgbox) [d](data:text/html,x) [ok](https://example.org/)\n' >> "$d/content/fr/index.md"
"$PACTKIT" build "$d" >/dev/null 2>"$OUT/trust-md.err"
h=$d/output/site/fr/index.html
check trust/md-unsafe-built test -s "$h"
check trust/md-unsafe-no-script sh -c "! grep -qi '<script>alert\|onclick\|<div onclick' '$h'"
check trust/md-unsafe-no-js-url sh -c "! grep -qi 'javascript:\|vbscript:\|data:text' '$h'"
check trust/md-unsafe-safe-url-kept grep -q 'href="https://example.org/"' "$h"
check trust/md-unsafe-warned grep -q "content/fr/index.md:7:1: warning: unsafe URL 'javascript:alert(1)' dropped" "$OUT/trust-md.err"

# invalid UTF-8 in a data file: an error naming the file
d=$(base data-utf8)
printf 'return { { id = "x", name = "caf\351", sector = "police", level = "local", influence = 1, support = 0 } }\n' > "$d/lua/data/stakeholders.lua"
printf '\n```{data-table}\nsource = "stakeholders"\n```\n' >> "$d/content/fr/index.md"
within 10 "$PACTKIT" build "$d"
rc=$?
check trust/data-bad-utf8-exit-1 test $rc -eq 1
check trust/data-bad-utf8-names-file grep -q 'lua/data/stakeholders.lua' "$OUT/trust.err"

# a document id that tries to leave output/
d=$(base doc-id)
printf 'return { title = "T", languages = { "fr", "en" },\n  documents = { { id = "../../evil", title = "E", pages = { "home" } } } }\n' > "$d/lua/site.lua"
within 10 "$PACTKIT" build "$d"
check trust/doc-id-escape-exit-1 test $? -eq 1
check trust/doc-id-escape-nothing-written sh -c "! ls '$d'/../evil* '$d'/evil* >/dev/null 2>&1"
check trust/doc-id-escape-message grep -q 'lua/site.lua' "$OUT/trust.err"

# a key with ../ only pairs pages: it never becomes a path
d=$(base key-path)
printf '+++\ntitle = "P"\nkey = "../../etc/passwd"\n+++\n\nTexte.\n' > "$d/content/fr/page.md"
"$PACTKIT" build -q "$d" 2>/dev/null
check trust/key-is-not-a-path sh -c "test -f '$d/output/site/fr/page/index.html' && ! test -e '$d/etc'"

# an output folder that cannot be written (a file stands in the way)
d=$(base unwritable)
: > "$d/blocker"
within 10 "$PACTKIT" build -o "$d/blocker/out" "$d"
check trust/unwritable-output-exit-1 test $? -eq 1
check trust/unwritable-output-message grep -q 'blocker' "$OUT/trust.err"

# what pactkit did not make is never removed nor replaced: a file, a
# device (a FIFO when not root), a symbolic link to a folder and someone's
# folder given as -o (or standing as its .prev) are refused, exit 1, named,
# each left exactly as it was, nothing made beside it; an empty folder and
# a folder of an earlier build are fine
d=$(base claim)
T=$d/targets
mkdir -p "$T/theirs" "$T/linked" "$T/empty" "$T/prev-blocked"
echo "keep me" > "$T/file"
echo "their notes" > "$T/theirs/notes.txt"
echo "linked notes" > "$T/linked/notes.txt"
ln -s linked "$T/link"
echo "keep me too" > "$T/prev-blocked/out.prev"
if [ "$(id -u)" = 0 ] && mknod "$T/device" c 1 3 2>/dev/null; then dev=device; else mkfifo "$T/device"; dev=fifo; fi
snap() { (cd "$T" && find . -printf '%p %y %m %s %T@ %l\n' | sort && find . -type f -exec md5sum {} + | sort) | md5sum; }
before=$(snap)
for t in file device link theirs prev-blocked/out; do
	within 10 "$PACTKIT" build -q -o "$T/$t" "$d"
	rc=$?
	check "trust/output-refused-$t-exit-1" test $rc -eq 1
	check "trust/output-refused-$t-named" grep -q "^$T/$t\(.prev\)\?: error: is " "$OUT/trust.err"
done
check trust/output-refused-device-kind test "$dev" = fifo -o -c "$T/device"
check trust/output-refused-all-left-as-they-were test "$before" = "$(snap)"
check trust/output-refused-nothing-beside sh -c "! ls -a '$T' '$T/linked' '$T/prev-blocked' | grep -q 'tmp-\|\.old-'"
within 20 "$PACTKIT" build -q -o "$T/empty" "$d"
check trust/output-empty-folder-used test $? -eq 0 -a -f "$T/empty/site/fr/index.html"
within 20 "$PACTKIT" build -q -o "$T/empty" "$d"
check trust/output-own-folder-rebuilt test $? -eq 0 -a -d "$T/empty.prev/.pactkit"
# a stale name beside the output that is not a folder of ours stays
echo "mine" > "$T/empty.old-notes"
ln -s linked "$T/empty.tmp-abcdef"
within 20 "$PACTKIT" build -q -o "$T/empty" "$d"
check trust/output-stale-names-not-folders-kept sh -c "test -f '$T/empty.old-notes' -a -L '$T/empty.tmp-abcdef' -a -f '$T/linked/notes.txt'"
# nor a folder of someone's with such a name (a backup, even of an
# output): only the names builds give (PID-XXXXXX) of a process gone
sh -c "exit 0" & dead=$!; wait $dead
mkdir -p "$T/empty.old-backup" "$T/empty.tmp-abc123" "$T/empty.old-$dead-Xyz789" "$T/empty.tmp-$dead-Abc123" "$T/empty.old-2023/.pactkit"
echo "backup" > "$T/empty.old-backup/index.html"
echo "mine" > "$T/empty.tmp-abc123/notes.txt"
within 20 "$PACTKIT" build -q -o "$T/empty" "$d"
check trust/output-stale-names-their-folders-kept sh -c "test -f '$T/empty.old-backup/index.html' -a -f '$T/empty.tmp-abc123/notes.txt' -a -d '$T/empty.old-2023/.pactkit'"
check trust/output-stale-folders-of-builds-removed sh -c "test ! -e '$T/empty.old-$dead-Xyz789' -a ! -e '$T/empty.tmp-$dead-Abc123'"

# a file put where the output goes while the build runs: the build fails
# at the swap, keeps the file and leaves no temporary folder (the build is
# stopped once its temporary folder exists, the file put, then resumed)
d=$(base claim-late)
i=0; while [ $i -lt 300 ]; do printf '+++\ntitle = "P%d"\n+++\n\nTexte %d.\n' $i $i > "$d/content/fr/p$i.md"; i=$((i+1)); done
"$PACTKIT" build -q -o "$d/late" "$d" 2>"$OUT/trust-late.err" & pid=$!
n=0; while [ $n -lt 5000 ] && ! ls -d "$d"/late.tmp-* >/dev/null 2>&1; do sleep 0.002; n=$((n+1)); done
kill -STOP $pid 2>/dev/null
echo "keep me" > "$d/late"
kill -CONT $pid 2>/dev/null
waitfor $pid 60
check trust/output-taken-mid-build-exit-1 test $? -eq 1
check trust/output-taken-mid-build-file-kept test "$(cat "$d/late")" = "keep me"
check trust/output-taken-mid-build-no-temp sh -c "! ls -d '$d'/late.tmp-* 2>/dev/null"

# -o "" is wrong usage (exit 2), not the current folder's ".tmp-*" and
# ".old-*" names (it removed a folder ".old-x" in the working folder, then
# failed after the whole build)
d=$(base empty-o)
mkdir -p "$d/run/.old-x" && echo mine > "$d/run/.old-x/notes.txt"
(cd "$d/run" && within 20 "$PACTKIT" build -q -o "" "$d")
check trust/output-empty-name-usage test $? -eq 2
check trust/output-empty-name-nothing-removed test -f "$d/run/.old-x/notes.txt"

# two builds of one project at once (serve and a build in another
# terminal): the second leaves the first's temporary folder alone, and the
# first still puts a whole output in place (the second used to remove that
# folder as a leftover; the first then wrote on into what was left and
# swapped in a site without most of its pages, exit 0)
d=$(base concurrent)
i=0; while [ $i -lt 300 ]; do printf '+++\ntitle = "P%d"\n+++\n\nTexte %d.\n' $i $i > "$d/content/fr/p$i.md"; i=$((i+1)); done
within 60 "$PACTKIT" build -q -o "$d/ref" "$d"
want=$(cd "$d/ref" && find site pdf -type f | sort | md5sum)
"$PACTKIT" build -q "$d" 2>"$OUT/trust-first.err" & pid=$!
n=0; while [ $n -lt 5000 ] && ! ls "$d"/output.tmp-*/site/fr 2>/dev/null | grep -q p; do sleep 0.002; n=$((n+1)); done
kill -STOP $pid 2>/dev/null
within 60 "$PACTKIT" build -q "$d"
second=$?
kill -CONT $pid 2>/dev/null
waitfor $pid 60
first=$?
got=$(cd "$d/output" 2>/dev/null && find site pdf -type f | sort | md5sum)
check trust/concurrent-builds-both-succeed test $first -eq 0 -a $second -eq 0
check trust/concurrent-builds-output-whole test "$got" = "$want"

# front matter that is not fields
d=$(base fm-value)
printf '+++\nreturn 42\n+++\n\nTexte.\n' > "$d/content/fr/page.md"
within 10 "$PACTKIT" build "$d"
check trust/frontmatter-return-value-exit-1 test $? -eq 1
check trust/frontmatter-return-value-names-line grep -q 'content/fr/page.md:' "$OUT/trust.err"

# a page saved by a Windows editor, with a byte order mark (and CRLF
# line ends): its front matter is read as any other's (it was shown as
# text, the page titled after its file name and left unpaired, exit 0)
d=$(base bom)
printf '\357\273\277+++\r\ntitle = "Accueil BOM"\r\nkey = "home"\r\n+++\r\n\r\nBonjour.\r\n' > "$d/content/fr/index.md"
within 10 "$PACTKIT" build -q "$d"
check trust/bom-page-builds test $? -eq 0
check trust/bom-page-front-matter-read sh -c "grep -q '<h1[^>]*>Accueil BOM</h1>' '$d/output/site/fr/index.html' && ! grep -q '+++' '$d/output/site/fr/index.html'"

# -q prints errors only, but whole: the note that says which page
# called a component goes with its error (it pointed only into the
# built-in component's file under the install folder)
d=$(base quiet-note)
printf '+++\ntitle = "Plan"\n+++\n\n```{action-plan}\n```\n' > "$d/content/fr/plan.md"
within 10 "$PACTKIT" build -q "$d"
check trust/quiet-error-exit-1 test $? -eq 1
check trust/quiet-error-keeps-its-note grep -q 'content/fr/plan.md:5:1: note: called from here' "$OUT/trust.err"
printf '+++\ntitle = "Plan"\nwieght = 1\n+++\n\nTexte.\n' > "$d/content/fr/plan.md"
within 10 "$PACTKIT" build -q "$d"
check trust/quiet-warning-not-said sh -c "! grep -q 'wieght' '$OUT/trust.err'"

# a logo that is a symbolic link out of the project is refused, as an
# image beside a page is (it printed whatever file it pointed to on the
# PDFs' covers)
d=$(base logo-link)
mkdir -p "$d/assets"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text x="1" y="5">OUTSIDE</text></svg>\n' > "$OUT/trust-outside.svg"
ln -sf "$OUT/trust-outside.svg" "$d/assets/logo.svg"
printf 'return { title = "T", languages = { "fr", "en" }, publisher = { name = "P", logo = "assets/logo.svg" } }\n' > "$d/lua/site.lua"
within 10 "$PACTKIT" build -q "$d"
check trust/logo-link-out-exit-1 test $? -eq 1
check trust/logo-link-out-said grep -q "lua/site.lua:1:[0-9]*: error: publisher.logo: 'assets/logo.svg' leaves the project (symbolic link)" "$OUT/trust.err"

# an SVG image whose viewBox is infinite or absurd is left out of the PDF
# with a warning; drawn, it wrote a content stream no reader can parse
d=$(base svg-huge)
mkdir -p "$d/content/fr/img"
printf 'return { title = "T", languages = { "fr", "en" }, documents = { { id = "d", pages = { "index" } } } }\n' > "$d/lua/site.lua"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 inf 1e300"><rect x="0" y="0" width="10" height="10"/></svg>\n' > "$d/content/fr/img/big.svg"
printf '+++\ntitle = "Accueil"\n+++\n\n![Grand](img/big.svg)\n\nTexte.\n' > "$d/content/fr/index.md"
within 10 "$PACTKIT" build "$d"
check trust/svg-huge-viewbox-warned grep -q 'content/fr/index.md: warning: an SVG drawing has no usable size: not printed' "$OUT/trust.err"
check trust/svg-huge-viewbox-pdf-sound sh -c "qpdf --check '$d/output/pdf/fr/d.pdf' >'$OUT/trust-qpdf.txt' 2>&1 && ! grep -qi warning '$OUT/trust-qpdf.txt'"
# a text larger than a PDF font can be (600 pt) is left out of the
# drawing, the rest drawn (it failed the build with 'PDF library error
# 0x1050', naming no file, then the PDF under output.tmp-*)
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text x="1" y="5" font-size="1e308">Huge</text><text x="1" y="9" font-size="2">Small</text></svg>\n' > "$d/content/fr/img/big.svg"
within 10 "$PACTKIT" build -q "$d"
check trust/svg-huge-text-build-exit-0 test $? -eq 0
check trust/svg-huge-text-rest-drawn sh -c "pdftotext '$d/output/pdf/fr/d.pdf' - | grep -q Small"

# pk.number and pk.money give every digit of a large number (cut to 255
# bytes, a wrong number, before)
d=$(base big-number)
mkdir -p "$d/lua/components"
printf 'return function() return pk.h("p", { class = "n" }, pk.money(-1e308, "XOF")) end\n' > "$d/lua/components/big.lua"
printf '+++\ntitle = "Accueil"\n+++\n\n```{big}\n```\n' > "$d/content/fr/index.md"
within 10 "$PACTKIT" build -q "$d"
check trust/big-number-all-digits test "$(grep -o '<p class="n">[^<]*' "$d/output/site/fr/index.html" | tr -cd 0-9 | wc -c)" -eq 309

# personal data: check warns, check --strict fails, both with file:line
d=$(base pii)
printf '+++\ntitle = "P"\n+++\n\nÉcrire à jeanne.dupont@example.org ou au +221 77 123 45 67.\n\nDossier 123456789.\n' > "$d/content/fr/page.md"
printf 'return { { id = "a", name = "Contact : 06 12 34 56 78", sector = "police", level = "local", influence = 1, support = 0 } }\n' > "$d/lua/data/stakeholders.lua"
"$PACTKIT" check "$d" >/dev/null 2>"$OUT/trust-pii.err"
check trust/pii-check-warns-exit-0 test $? -eq 0
check trust/pii-email grep -q 'content/fr/page.md:5:10: warning: an e-mail address' "$OUT/trust-pii.err"
check trust/pii-phone grep -q "content/fr/page.md:5:.*a phone number '+221 77 123 45 67'" "$OUT/trust-pii.err"
check trust/pii-id-number grep -q "content/fr/page.md:7:.*an ID-like number '123456789'" "$OUT/trust-pii.err"
check trust/pii-in-data grep -q "lua/data/stakeholders.lua:1:.*a phone number" "$OUT/trust-pii.err"
"$PACTKIT" check --strict "$d" >/dev/null 2>&1
check trust/pii-strict-exit-1 test $? -eq 1
# the edges of the personal-data lint: an address that ends a sentence,
# two-letter top-level domains, a one-letter one (not an address), and
# fields named after survivors or victims in the data (not in a string)
d=$(base pii-edges)
printf '+++\ntitle = "P"\n+++\n\nWrite to jane@example.org.\nOr amina@gouv.sn, or paul@exemple.fr- or x@y.c or @team.\nCall +12 345 678 or +12 345 67, 01 23 45 67 8 or 01 23 45 67; file 12345678 or 123456789.\n' > "$d/content/en/page.md"
printf 'return {\n  { id = "a", survivor_name = "x" },\n  { id = "b", note = "victim_name = y", victim_age = 3 },\n}\n' > "$d/lua/data/cases.lua"
"$PACTKIT" check "$d" >/dev/null 2>"$OUT/trust-pii-edges.err"
e=$OUT/trust-pii-edges.err
check trust/pii-email-ends-sentence grep -q "content/en/page.md:5:10: warning: an e-mail address 'jane@example.org':" "$e"
check trust/pii-email-tld-sn grep -q "content/en/page.md:6:4: warning: an e-mail address 'amina@gouv.sn':" "$e"
check trust/pii-email-tld-fr grep -q "content/en/page.md:6:22: warning: an e-mail address 'paul@exemple.fr':" "$e"
check trust/pii-email-one-letter-tld-not-flagged test "$(grep -c 'an e-mail address' "$e")" -eq 3
# phone numbers and ID-like numbers at their smallest: "+" and 8 digits,
# 0 and 9 digits in groups, 9 digits in a row; one digit fewer is none
check trust/pii-phone-plus-8-digits grep -q "content/en/page.md:7:6: warning: a phone number '+12 345 678'" "$e"
check trust/pii-phone-0-9-digits grep -q "content/en/page.md:7:33: warning: a phone number '01 23 45 67 8'" "$e"
check trust/pii-id-9-digits grep -q "content/en/page.md:7:80: warning: an ID-like number '123456789'" "$e"
check trust/pii-numbers-one-digit-short-not-flagged test "$(grep -c 'content/en/page.md:7:' "$e")" -eq 3
check trust/pii-field-survivor grep -q "lua/data/cases.lua:2:15: warning: a field named after survivors or victims" "$e"
check trust/pii-field-victim grep -q "lua/data/cases.lua:3:41: warning: a field named after survivors or victims" "$e"
check trust/pii-field-in-string-not-flagged test "$(grep -c 'a field named after' "$e")" -eq 2

# characters outside the PDF fonts: a warning naming the page, drawn with
# the fallback font or '?', never garbage; the build still succeeds
d=$(base glyphs)
printf 'return { title = "T", languages = { "fr", "en" },\n  documents = { { id = "doc", title = "D", pages = { "home" } } } }\n' > "$d/lua/site.lua"
printf '+++\ntitle = "Accueil"\n+++\n\nCases ☐ ☑, idéogrammes 中文, emoji 😀 et « guillemets ».\n' > "$d/content/fr/index.md"
within 20 "$PACTKIT" build "$d"
check trust/glyphs-build-ok test $? -eq 0
check trust/glyphs-warn-names-page grep -q 'content/fr/index.md' "$OUT/trust.err"
check trust/glyphs-text-extracts sh -c "pdftotext '$d/output/pdf/fr/doc.pdf' - | grep -q '« guillemets »'"
check trust/glyphs-fallback-drawn sh -c "pdftotext '$d/output/pdf/fr/doc.pdf' - | grep -q '☐'"

# an SVG path with a number after Z (found by fuzz_svg: it closed the path
# again and again, without end) ends at once in the PDF
d=$(base svg-path)
mkdir -p "$d/lua/components"
printf 'return { title = "T", languages = { "fr", "en" },\n  documents = { { id = "doc", title = "D", pages = { "home" } } } }\n' > "$d/lua/site.lua"
cat > "$d/lua/components/drawing.lua" <<'LUA'
return function(args)
  return pk.h("figure", {}, pk.h("svg", { viewBox = "0 0 100 100" },
    pk.h("path", { d = "M 0 0 L 10 10 H 20 0ZZ3 ", stroke = "black" })))
end
LUA
printf '\n```{drawing}\n```\n' >> "$d/content/fr/index.md"
within 20 "$PACTKIT" build -q "$d"
check trust/svg-path-number-after-z-ends test $? -eq 0
check trust/svg-path-number-after-z-pdf test -s "$d/output/pdf/fr/doc.pdf"

# a device or a pipe named as the file to write (render --pdf /dev/stdout):
# written through and left in place, never removed and replaced by a file
# (as root, a fuzz harness writing to /dev/null once replaced it)
d=$(tmpdir trust-device)
printf '# Titre\n\nUn paragraphe.\n' > "$d/page.md"
mkfifo "$d/pipe"
(cat "$d/pipe" > "$d/from-pipe.pdf") & reader=$!
within 20 "$PACTKIT" render --lang fr --pdf "$d/pipe" "$d/page.md" >/dev/null
check trust/pdf-into-pipe-exit-0 test $? -eq 0
waitfor $reader 20 || fail trust/pdf-into-pipe-reader "the reader of the pipe never ended"
check trust/pdf-into-pipe-kept test -p "$d/pipe"
check trust/pdf-into-pipe-written sh -c "head -c 5 '$d/from-pipe.pdf' | grep -q '%PDF-'"
if [ "$(id -u)" = 0 ] && mknod "$d/null" c 1 3 2>/dev/null; then
	within 20 "$PACTKIT" render --lang fr --pdf "$d/null" "$d/page.md" >/dev/null
	check trust/pdf-into-device-exit-0 test $? -eq 0
	check trust/pdf-into-device-kept test -c "$d/null"
else
	skip trust/pdf-into-device-exit-0 "not root: no device can be made (mknod)"
	skip trust/pdf-into-device-kept "not root: no device can be made (mknod)"
fi
mkdir "$d/folder"
within 20 "$PACTKIT" render --lang fr --pdf "$d/folder" "$d/page.md" >/dev/null 2>"$d/err"
check trust/pdf-onto-folder-exit-1 test $? -eq 1
check trust/pdf-onto-folder-kept test -d "$d/folder"

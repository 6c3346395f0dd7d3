#!/bin/sh
# pdfcheck, the PDF/UA-1 and PDF/A-2 checker (tests/pdfcheck/pdfcheck.py):
# a tagged, archival PDF built with pikepdf passes (and poppler and qpdf
# read it as such); copies of it that each break one rule are flagged with
# that rule; --only keeps to one standard; unreadable input is named.  And
# the default toolkit's PDFs pass, its booklets as PDF/A-2b print files.
# Then the reading order (tests/pdfcheck/readorder.py): the text read in
# structure order is what a reader sees, on the toolkit and unseen projects.
. "$ROOT/tests/lib.sh"
T=$(tmpdir pdfcheck)
PY=/usr/bin/python3             # Debian's, with python3-pikepdf and -pdfminer
CHK="timeout -k 5 300 $PY $ROOT/tests/pdfcheck/pdfcheck.py"   # a hang is a FAIL

if ! $PY "$ROOT/tests/pdfcheck/fixtures.py" "$T/fx" >"$T/fixtures.log" 2>&1; then
	fail pdfcheck/fixtures-build "$(tail -3 "$T/fixtures.log")"
	exit 0
fi
pass pdfcheck/fixtures-build
cd "$T/fx" || exit 0

# ---- the conforming file ------------------------------------------------
$CHK good.pdf >"$T/good.txt" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q '1 passed, 0 failed' "$T/good.txt"; then
	pass pdfcheck/good-passes
else
	fail pdfcheck/good-passes "rc=$rc: $(head -3 "$T/good.txt")"
fi
# the fixture is what it claims to be, for tools other than ours
check pdfcheck/good-qpdf-check qpdf --check good.pdf
check pdfcheck/good-poppler-tagged sh -c "pdfinfo good.pdf | grep -q '^Tagged: *yes'"
pdfinfo -struct-text good.pdf >"$T/struct.txt" 2>&1
if grep -q '^  H1' "$T/struct.txt" && grep -q '"Drawn by a form XObject."' "$T/struct.txt" &&
    grep -q '/Scope /Column' "$T/struct.txt"; then
	pass pdfcheck/good-struct-text
else
	fail pdfcheck/good-struct-text "$(head -5 "$T/struct.txt")"
fi

# ---- each break names its rule ----------------------------------------------
$CHK broken-*.pdf >"$T/broken.txt" 2>&1
rc=$?
check pdfcheck/broken-exit-1 test $rc -eq 1
while read -r name rule; do
	if grep -q "^broken-$name\.pdf: page [^:]*: $rule: " "$T/broken.txt"; then
		pass "pdfcheck/flags-$name"
	else
		fail "pdfcheck/flags-$name" "no '$rule' line: $(grep "^broken-$name\.pdf:" "$T/broken.txt" | head -2)"
	fi
done <expected.txt
# one file, one fault: no break goes unflagged, none passes
n=$(ls broken-*.pdf | wc -l)
check pdfcheck/every-break-fails grep -q "$n files, 0 passed, $n failed" "$T/broken.txt"
# lines have the documented shape
check pdfcheck/line-format sh -c "grep -v '^pdfcheck\|^  ' '$T/broken.txt' |
    grep -qv '^broken-[a-z0-9-]*\.pdf: page [0-9-]*: [A-Z0-9]* [0-9.-]*: .'; test \$? -eq 1"

# ---- --only ---------------------------------------------------------------
$CHK --only pdfa broken-no-displaydoctitle.pdf >"$T/only1.txt" 2>&1
check pdfcheck/only-pdfa-ignores-ua test $? -eq 0
$CHK --only ua broken-no-displaydoctitle.pdf >"$T/only2.txt" 2>&1
check pdfcheck/only-ua-flags-ua test $? -eq 1
$CHK --only ua broken-needappearances.pdf >"$T/only3.txt" 2>&1
check pdfcheck/only-ua-ignores-pdfa test $? -eq 0
$CHK --only pdfa broken-needappearances.pdf >"$T/only4.txt" 2>&1
check pdfcheck/only-pdfa-flags-pdfa grep -q 'PDFA2 6.4.1-3' "$T/only4.txt"

# ---- bad input ----------------------------------------------------------------
printf 'not a pdf\n' >"$T/junk.pdf"
$CHK "$T/junk.pdf" good.pdf >"$T/junk.txt" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "^$T/junk.pdf: page -: PDF: not a readable PDF" "$T/junk.txt" &&
    grep -q '2 files, 1 passed, 1 failed' "$T/junk.txt"; then
	pass pdfcheck/unreadable-named
else
	fail pdfcheck/unreadable-named "rc=$rc: $(head -2 "$T/junk.txt")"
fi
$CHK "$T/missing.pdf" >"$T/missing.txt" 2>&1
check pdfcheck/missing-file-named sh -c "test $? -eq 1 && grep -q 'missing.pdf: page -: PDF: cannot read the file' '$T/missing.txt'"
$CHK --only pdf good.pdf >/dev/null 2>&1
check pdfcheck/usage-error-exit-2 test $? -eq 2

# ---- the default toolkit ------------------------------------------------------
# Every PDF of the default toolkit, both languages, passes in full; its
# booklets (<id>-booklet.pdf: sheets imposed two-up, a print file) claim
# PDF/A-2b only, without structure (docs/pdf-tagging.md), and pass that.
K=$(tmpdir pdfcheck-toolkit)
cp -R "$ROOT/lua" "$ROOT/content" "$ROOT/assets" "$K/"
[ -d "$ROOT/themes" ] && cp -R "$ROOT/themes" "$K/"
if "$PACTKIT" build -q "$K" >"$T/toolkit-build.log" 2>&1; then
	ls "$K"/output/pdf/*/*.pdf | grep -v -- '-booklet\.pdf$' >"$T/read.lst"
	ls "$K"/output/pdf/*/*-booklet.pdf >"$T/print.lst" 2>/dev/null
	n=$(wc -l <"$T/read.lst")
	$CHK $(cat "$T/read.lst") >"$OUT/pdfcheck-toolkit.txt" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ "$n" -ge 10 ] &&
	    grep -q "$n files, $n passed, 0 failed" "$OUT/pdfcheck-toolkit.txt"; then
		pass pdfcheck/toolkit-passes
	else
		fail pdfcheck/toolkit-passes "rc=$rc, $n files: $(grep -v '^  ' "$OUT/pdfcheck-toolkit.txt" | head -4)"
	fi
	nb=$(wc -l <"$T/print.lst")
	$CHK --only pdfa $(cat "$T/print.lst") >"$OUT/pdfcheck-booklets.txt" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ "$nb" -ge 2 ] &&
	    grep -q "$nb files, $nb passed, 0 failed" "$OUT/pdfcheck-booklets.txt"; then
		pass pdfcheck/toolkit-booklets-pdfa2b
	else
		fail pdfcheck/toolkit-booklets-pdfa2b "rc=$rc, $nb files: $(grep -v '^  ' "$OUT/pdfcheck-booklets.txt" | head -4)"
	fi
	# a booklet says what it is: PDF/A-2 level B, no PDF/UA claim, untagged
	b=$(head -1 "$T/print.lst")
	if pdfinfo -meta "$b" | grep -q 'pdfaid:conformance>B<\|pdfaid:conformance="B"' &&
	    ! pdfinfo -meta "$b" | grep -q pdfuaid:part &&
	    pdfinfo "$b" | grep -q '^Tagged: *no'; then
		pass pdfcheck/toolkit-booklet-is-print
	else
		fail pdfcheck/toolkit-booklet-is-print "$(pdfinfo "$b" | grep Tagged; pdfinfo -meta "$b" | grep -i pdf.aid)"
	fi
else
	fail pdfcheck/toolkit-passes "the toolkit did not build: $(head -2 "$T/toolkit-build.log")"
fi

# ---- a project it was not written for -------------------------------------------
# tests/vocab/child-protection (its own topic, components, pipe tables, forms,
# the map's SVG, links between its documents): every PDF passes too.
V=$(tmpdir pdfcheck-unseen)
cp -R "$ROOT/tests/vocab/child-protection/." "$V/"
if "$PACTKIT" build -q "$V" >"$T/unseen-build.log" 2>&1; then
	ls "$V"/output/pdf/*/*.pdf | grep -v -- '-booklet\.pdf$' >"$T/unseen.lst"
	n=$(wc -l <"$T/unseen.lst")
	$CHK $(cat "$T/unseen.lst") >"$OUT/pdfcheck-unseen.txt" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ "$n" -ge 2 ] &&
	    grep -q "$n files, $n passed, 0 failed" "$OUT/pdfcheck-unseen.txt"; then
		pass pdfcheck/unseen-project-passes
	else
		fail pdfcheck/unseen-project-passes "rc=$rc, $n files: $(grep -v '^  ' "$OUT/pdfcheck-unseen.txt" | head -4)"
	fi
else
	fail pdfcheck/unseen-project-passes "did not build: $(head -2 "$T/unseen-build.log")"
fi

# ---- bad input, tagged as well as it can be -------------------------------------
# A skipped heading level, an image without alt text, a table without a
# header row (tests/errors/a11y-warn: warnings naming file:line there): the
# PDF is still tagged, the h4 as H2, the image as decoration (no Figure
# without /Alt); only the table's missing header (UA1 7.5) is left.
A=$(tmpdir pdfcheck-a11y)
cp -R "$ROOT/tests/errors/a11y-warn/lua" "$ROOT/tests/errors/a11y-warn/content" "$A/"
if "$PACTKIT" build -q "$A" >"$T/a11y-build.log" 2>&1; then
	$CHK "$A/output/pdf/en/doc.pdf" >"$T/a11y.txt" 2>&1
	pdfinfo -struct "$A/output/pdf/en/doc.pdf" >"$T/a11y-struct.txt" 2>&1
	if grep -q 'UA1 7.5' "$T/a11y.txt" &&
	    test "$(grep -c '^[^ ].*: page [^:]*: ' "$T/a11y.txt")" -eq 1 &&
	    grep -q '^    H2' "$T/a11y-struct.txt" && ! grep -q 'H4\|Figure' "$T/a11y-struct.txt" &&
	    grep -q '^ *Table' "$T/a11y-struct.txt"; then
		pass pdfcheck/bad-input-still-tagged
	else
		fail pdfcheck/bad-input-still-tagged "$(head -3 "$T/a11y.txt"; grep -c . "$T/a11y-struct.txt")"
	fi
else
	fail pdfcheck/bad-input-still-tagged "did not build: $(head -2 "$T/a11y-build.log")"
fi

# ---- reading order: the text read in structure order is what a reader sees --------
# tests/pdfcheck/readorder.py follows the structure tree glyph by glyph on
# the pages (pdfminer): never back up a column, leftwards along a line or to
# an earlier page; nothing drawn outside the tree but artifacts, no text in
# an artifact that is read nowhere else; a table row's cells side by side.
# Copies of toolkit PDFs with the order or the tagged text broken one way
# each (tests/pdfcheck/readorder_breaks.py) are flagged with that fault.
RO="timeout -k 5 300 $PY $ROOT/tests/pdfcheck/readorder.py"
if [ -f "$K/output/pdf/en/mou-template.pdf" ] &&
    $PY "$ROOT/tests/pdfcheck/readorder_breaks.py" "$T/ro" "$K/output/pdf/en/mou-template.pdf" \
	"$K/output/pdf/en/mou.pdf" >"$T/ro-breaks.log" 2>&1; then
	$RO "$T"/ro/broken-*.pdf >"$T/ro-broken.txt" 2>&1
	check readorder/broken-exit-1 test $? -eq 1
	while read -r name what; do
		if grep -Eq "^$T/ro/broken-$name\.pdf: page [0-9]+: $what" "$T/ro-broken.txt"; then
			pass "readorder/flags-$name"
		else
			fail "readorder/flags-$name" "no '$what': $(grep "broken-$name\.pdf:" "$T/ro-broken.txt" | head -2)"
		fi
	done <"$T/ro/expected.txt"
	n=$(grep -c . "$T/ro/expected.txt")
	check readorder/every-break-fails test "$(grep -c ': [0-9]* faults$' "$T/ro-broken.txt")" -eq "$n"
else
	fail readorder/breaks-built "$(tail -2 "$T/ro-breaks.log")"
fi

# The default toolkit's PDFs, both languages; a booklet (untagged, a print
# file) is not taken for one read in order.
$RO $(cat "$T/read.lst") >"$OUT/readorder-toolkit.txt" 2>&1
rc=$?
n=$(wc -l <"$T/read.lst")
if [ $rc -eq 0 ] && [ "$n" -ge 10 ] && [ "$(grep -c ': ok (' "$OUT/readorder-toolkit.txt")" -eq "$n" ]; then
	pass readorder/toolkit
else
	fail readorder/toolkit "rc=$rc, $n files: $(grep -v ': ok (' "$OUT/readorder-toolkit.txt" | head -3)"
fi
$RO "$(head -1 "$T/print.lst")" >"$T/ro-booklet.txt" 2>&1
check readorder/untagged-named sh -c "test $? -eq 1 && grep -q 'no structure tree (untagged)' '$T/ro-booklet.txt'"

# Projects it was not written for: the child-protection toolkit, the
# skipped-heading project above, and a new project (`pactkit new`, French
# on A4, English on Letter) given a page of what moves text around: a table
# of long cells that runs over pages with its header repeated, lists within
# lists, a numbered list past 9, links inside justified lines, a quotation,
# code, headings down to h4, a picture with its alt text.
S=$(tmpdir pdfcheck-stress)
(cd "$S" && "$PACTKIT" new p >/dev/null 2>&1)
for l in en fr; do
	f="$S/p/content/$l/guide/order.md"
	printf '+++\ntitle = "%s"\nweight = 50\n+++\n\n' "$( [ $l = en ] && echo 'Who does what' || echo 'Qui fait quoi')" >"$f"
	printf '## Before the meeting\n\nRead the [referral pathway](https://example.org/pathway) and the [summary of the law](https://example.org/law) before you come, so that the time together goes to the decisions only the partners can take together, and not to reading aloud.\n\n' >>"$f"
	printf '1. Agree who chairs.\n   - Rotate the chair each quarter.\n     - Note it in the minutes.\n   - Name a deputy.\n2. Share the agenda.\n' >>"$f"
	for i in 3 4 5 6 7 8 9 10 11; do printf '%s. Step %s of the preparation, which every partner checks.\n' $i $i >>"$f"; done
	printf '\n> "Nothing about us without us" is how the shelters put it when they joined.\n\n' >>"$f"
	printf '```\nrole    = "coordinator"\ncontact = "switchboard"\n```\n\n#### A detail four levels down\n\nShort text.\n\n' >>"$f"
	printf '![A circle of five partners around a table](%s)\n\n' "map.svg" >>"$f"
	printf '| Partner | Task | Deadline |\n|:--|:--|--:|\n' >>"$f"
	for i in $(seq 1 40); do
		printf '| Partner %s, with a name long enough to take two lines in its cell | Task %s: review the cases referred during the month and report back to the group | Week %s |\n' $i $i $i >>"$f"
	done
done
cat >"$S/p/content/en/guide/map.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 60"><circle cx="50" cy="30" r="20" fill="#c8d6e5"/><text x="40" y="33">Table</text></svg>
SVG
cp "$S/p/content/en/guide/map.svg" "$S/p/content/fr/guide/map.svg"
if "$PACTKIT" build -q "$S/p" >"$T/stress-build.log" 2>&1; then
	ls "$S"/p/output/pdf/*/*.pdf | grep -v -- '-booklet\.pdf$' >"$T/stress.lst"
else
	fail readorder/stress-built "$(head -3 "$T/stress-build.log")"
	: >"$T/stress.lst"
fi
cat "$T/unseen.lst" "$T/stress.lst" >"$T/ro-unseen.lst"
[ -f "$A/output/pdf/en/doc.pdf" ] && echo "$A/output/pdf/en/doc.pdf" >>"$T/ro-unseen.lst"
$RO $(cat "$T/ro-unseen.lst") >"$OUT/readorder-unseen.txt" 2>&1
rc=$?
n=$(wc -l <"$T/ro-unseen.lst")
if [ $rc -eq 0 ] && [ "$n" -ge 5 ] && [ "$(grep -c ': ok (' "$OUT/readorder-unseen.txt")" -eq "$n" ]; then
	pass readorder/unseen-projects
else
	fail readorder/unseen-projects "rc=$rc, $n files: $(grep -v ': ok (' "$OUT/readorder-unseen.txt" | head -3)"
fi
# the long table did run over pages (else the check above proves less)
g=$(grep '/en/guide.pdf$' "$T/stress.lst")
if [ -n "$g" ] && pdftotext "$g" - | grep -c '^Partner$' | awk '{ exit !($1 >= 2) }'; then
	pass readorder/stress-table-continues
else
	fail readorder/stress-table-continues "the 40-row table's header is not on two pages of $g"
fi
# a second reading of the tree, poppler's, gives the same text in the same
# order (on the smallest PDF: poppler takes seconds a page)
small=$(ls -S $(cat "$T/stress.lst") | tail -1)
$RO --poppler "$small" >"$T/ro-poppler.txt" 2>&1
check readorder/poppler-agrees sh -c "test $? -eq 0 && grep -q ': ok (' '$T/ro-poppler.txt'"

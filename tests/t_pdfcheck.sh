#!/bin/sh
# pdfcheck, the PDF/UA-1 and PDF/A-2 checker (tests/pdfcheck/pdfcheck.py):
# a tagged, archival PDF built with pikepdf passes (and poppler and qpdf
# read it as such); copies of it that each break one rule are flagged with
# that rule; --only keeps to one standard; unreadable input is named.  And
# the default toolkit's PDFs pass, its booklets as PDF/A-2b print files.
. "$ROOT/tests/lib.sh"
T=$(tmpdir pdfcheck)
PY=/usr/bin/python3             # Debian's, with python3-pikepdf
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

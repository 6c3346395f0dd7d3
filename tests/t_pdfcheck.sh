#!/bin/sh
# pdfcheck, the PDF/UA-1 and PDF/A-2 checker (tests/pdfcheck/pdfcheck.py):
# a tagged, archival PDF built with pikepdf passes (and poppler and qpdf
# read it as such); copies of it that each break one rule are flagged with
# that rule; --only keeps to one standard; unreadable input is named.  And
# today's default-toolkit PDFs, untagged, fail: pdfcheck/toolkit-untagged-today
# documents that, until the PDF writer tags them (then flip it to pass).
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

# ---- today's toolkit ----------------------------------------------------------
# The default toolkit's PDFs are untagged: the checker must say so.  When the
# PDF writer tags them, this line fails: make it expect a pass (exit 0).
K=$(tmpdir pdfcheck-toolkit)
cp -R "$ROOT/lua" "$ROOT/content" "$ROOT/assets" "$K/"
[ -d "$ROOT/themes" ] && cp -R "$ROOT/themes" "$K/"
if "$PACTKIT" build -q "$K" >"$T/toolkit-build.log" 2>&1; then
	$CHK "$K"/output/pdf/*/*.pdf >"$OUT/pdfcheck-toolkit.txt" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -q 'UA1 7.1-11: the catalog has no /StructTreeRoot' "$OUT/pdfcheck-toolkit.txt" &&
	    grep -q 'files, 0 passed' "$OUT/pdfcheck-toolkit.txt"; then
		pass pdfcheck/toolkit-untagged-today
	else
		fail pdfcheck/toolkit-untagged-today "rc=$rc (tagged now? flip this test): $(tail -3 "$OUT/pdfcheck-toolkit.txt")"
	fi
else
	fail pdfcheck/toolkit-untagged-today "the toolkit did not build: $(head -2 "$T/toolkit-build.log")"
fi

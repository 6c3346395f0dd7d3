#!/bin/sh
# Filled PDF forms in the viewers people use: pdf.js (Firefox's viewer; its
# canvas, what prints, and its form layer, what a user types into),
# Chromium's own PDF viewer (PDFium), poppler and MuPDF
# (tests/e2e/forms.mjs).  Three filled forms (tests/formview/cases.json):
# pactkit's own values (tests/formview/project, filled from its Lua data),
# and the default toolkit's MoU template and worksheets filled with MuPDF.
# Each widget filled shows ink the empty form has not, a long one-line
# value ends inside its field (shrunk, not cut), a multi-line value wraps,
# the form layer shows the values, a value typed in pdf.js prints.
# E2E_SKIP=1 skips the group, as t_e2e.
. "$ROOT/tests/lib.sh"
if [ "${E2E_SKIP:-}" = 1 ]; then
	skip formview "E2E_SKIP=1: the browser tests did not run"
	exit 0
fi
need formview-tools node mutool pdftoppm chromium || exit 0
if ! sh "$ROOT/tests/e2e/setup.sh" > "$OUT/formview-setup.log" 2>&1 ||
   [ ! -f "$ROOT/tests/e2e/node_modules/pdfjs-dist/build/pdf.mjs" ]; then
	fail formview-setup "tests/e2e/setup.sh failed or pdfjs-dist is missing: $(tail -n 3 "$OUT/formview-setup.log" | tr '\n' ' ')"
	exit 0
fi
W=$(tmpdir formview)
F=$ROOT/tests/formview
T=$((${ASAN:+5*}120))

# the default toolkit, and the test project with its values and without
if ! timeout -k 5 $T "$PACTKIT" build -q -o "$W/toolkit" "$ROOT" > "$W/build.log" 2>&1; then
	fail formview-build "$PACTKIT build $ROOT: $(head -n 3 "$W/build.log" | tr '\n' ' ')"
	exit 0
fi
cp -R "$F/project" "$W/filled"
cp -R "$F/project" "$W/empty"
for f in "$W"/empty/content/*/*/sign*.md; do
	sed -i 's/^source = .*/&\nblank = true/' "$f"
done
for p in filled empty; do
	if ! timeout -k 5 $T "$PACTKIT" build -q "$W/$p" > "$W/$p.log" 2>&1; then
		fail formview-build "$PACTKIT build tests/formview/project ($p): $(head -n 3 "$W/$p.log" | tr '\n' ' ')"
		exit 0
	fi
done

# MuPDF fills the toolkit's forms (its own appearances, in the form's font);
# then the spec forms.mjs reads
ok=1
for c in mou-template worksheets; do
	v=$(node -e 'const c = require(process.argv[1])[process.argv[2]]; console.log(JSON.stringify(c.values))' \
	    "$F/cases.json" $c)
	if ! mutool run "$F/fill.js" "$W/toolkit/pdf/fr/$c.pdf" "$W/$c-filled.pdf" "$v" > "$W/fill-$c.log" 2>&1; then
		fail formview-fill "mutool could not fill $c.pdf: $(head -n 2 "$W/fill-$c.log" | tr '\n' ' ')"
		ok=0
	fi
done
[ $ok = 1 ] || exit 0
check formview-empty-form-has-no-value sh -c "! pdftotext '$W/empty/output/pdf/fr/signing.pdf' - | grep -q Voltaire &&
    ! qpdf --json --json-key=acroform '$W/empty/output/pdf/fr/signing.pdf' | grep -q Voltaire"
node -e '
const [cases, w] = [require(process.argv[1]), process.argv[2]];
const where = { signing: [w + "/filled/output/pdf/fr/signing.pdf", w + "/empty/output/pdf/fr/signing.pdf"],
	"mou-template": [w + "/mou-template-filled.pdf", w + "/toolkit/pdf/fr/mou-template.pdf"],
	worksheets: [w + "/worksheets-filled.pdf", w + "/toolkit/pdf/fr/worksheets.pdf"] };
console.log(JSON.stringify({ cases: Object.entries(cases).map(([name, c]) =>
	({ name, filled: where[name][0], empty: where[name][1], ...c })) }));
' "$F/cases.json" "$W" > "$W/spec.json"

node_harness formview "$OUT/formview.out" forms.mjs "$W/spec.json" "$W/png"
exit 0

#!/bin/sh
# CommonMark conformance through our own pipeline (all 652 examples of
# spec 0.30 via `pactkit render --raw-html`), and our own spec files:
# typography per language, safe mode.
. "$ROOT/tests/lib.sh"
cc -O2 -o "$OUT/runspec" "$ROOT/tests/spec/runspec.c" || { fail runspec "does not compile"; exit 0; }
"$OUT/runspec" "$PACTKIT" "$ROOT/../shared/commonmark/spec-0.30.txt" commonmark --raw-html
for f in "$ROOT"/tests/spec/*.txt; do
	name=$(basename "$f" .txt)
	# the file's first line says which options to render with
	opts=$(sed -n '1s/^options: *//p' "$f")
	"$OUT/runspec" "$PACTKIT" "$f" "$name" $opts
done

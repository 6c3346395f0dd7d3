#!/bin/sh
# CommonMark conformance through our own pipeline (all 652 examples of
# spec 0.30 via `pactkit render --raw-html`), and our own spec files:
# typography per language, safe mode.
. "$ROOT/tests/lib.sh"
cc -O2 -o "$OUT/runspec" "$ROOT/tests/spec/runspec.c" || { fail runspec "does not compile"; exit 0; }
# the spec beside the project (../shared), else npm's commonmark-spec
# 0.30.0 (the same file, byte for byte; t_e2e's setup has installed
# node and npm by now); never skipped quietly
spec=$ROOT/../shared/commonmark/spec-0.30.txt
if [ ! -f "$spec" ]; then
	spec=$ROOT/tests/spec/node_modules/commonmark-spec/spec.txt
	[ -f "$spec" ] || (cd "$ROOT/tests/spec" && { npm ci --no-audit --no-fund \
	    --loglevel=error || npm install --no-audit --no-fund --loglevel=error; }) >&2
fi
if [ -f "$spec" ] && grep -q '^version: 0\.30$' "$spec"; then
	"$OUT/runspec" "$PACTKIT" "$spec" commonmark --raw-html
else
	fail commonmark/spec-0.30 "no spec text: expected ../shared/commonmark/spec-0.30.txt or npm's commonmark-spec@0.30.0 (npm ci in tests/spec)"
fi
for f in "$ROOT"/tests/spec/*.txt; do
	name=$(basename "$f" .txt)
	# the file's first line says which options to render with
	opts=$(sed -n '1s/^options: *//p' "$f")
	"$OUT/runspec" "$PACTKIT" "$f" "$name" $opts
done

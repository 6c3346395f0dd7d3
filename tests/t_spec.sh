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
# spec NAME FILE OPTIONS...: the examples of FILE, under a timeout; a
# runner that crashed, hung or failed without a FAIL line is a FAIL
spec() {
	n=$1; shift
	timeout -k 5 $((${ASAN:+5*}300)) "$OUT/runspec" "$PACTKIT" "$@" >"$OUT/spec-$n.out" 2>"$OUT/spec-$n.err"
	rc=$?
	cat "$OUT/spec-$n.out"
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		fail "$n/runner" "timed out (a hang): last $(tail -n 1 "$OUT/spec-$n.out")"
	elif [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$OUT/spec-$n.out"; then
		fail "$n/runner" "exit $rc with no FAIL line: $(tail -c 300 "$OUT/spec-$n.err")"
	fi
}
if [ -f "$spec" ] && grep -q '^version: 0\.30$' "$spec"; then
	spec commonmark "$spec" commonmark --raw-html
else
	fail commonmark/spec-0.30 "no spec text: expected ../shared/commonmark/spec-0.30.txt or npm's commonmark-spec@0.30.0 (npm ci in tests/spec)"
fi
for f in "$ROOT"/tests/spec/*.txt; do
	name=$(basename "$f" .txt)
	# the file's first line says which options to render with
	opts=$(sed -n '1s/^options: *//p' "$f")
	spec "$name" "$f" "$name" $opts
done

# tables.txt read by GitHub's own implementation too (Debian's cmark-gfm
# with its table extension): each example gives the same table, cell
# for cell, once our classes are written as its align attributes
if need spec/tables-as-cmark-gfm cmark-gfm; then
	/usr/bin/python3 - "$ROOT/tests/spec/tables.txt" >"$OUT/tables-gfm.out" 2>&1 <<'PY'
import re, subprocess, sys
text = open(sys.argv[1]).read()
ex = re.findall(r'`{32} example\n(.*?)\n\.\n(.*?)\n`{32}', text, re.S)
def norm(h):
    h = re.sub(r' class="pk-(left|center|right)"', r' align="\1"', h)
    h = h.replace(' scope="col"', '').replace(' class="pk-table"', '')
    return re.sub(r'>\s+<', '><', h.replace(' />', '>')).strip()
bad = 0
for i, (md, html) in enumerate(ex, 1):
    md = md.replace('\u2192', '\t')
    gfm = subprocess.run(['cmark-gfm', '-e', 'table'], input=md + '\n',
                         capture_output=True, text=True).stdout
    if norm(gfm) != norm(html):
        bad += 1
        print('example %d: ours %s; cmark-gfm %s' % (i, norm(html), norm(gfm)))
print('%d examples, %d differ' % (len(ex), bad))
sys.exit(1 if bad or not ex else 0)
PY
	if [ $? -eq 0 ]; then pass spec/tables-as-cmark-gfm
	else fail spec/tables-as-cmark-gfm "$(head -c 600 "$OUT/tables-gfm.out")"; fi
fi

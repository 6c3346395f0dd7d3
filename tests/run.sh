#!/bin/sh
# The test runner: every group prints "PASS name" or "FAIL name: why" lines;
# this script counts them and ends with "N passed, N failed".
# Environment: PACTKIT (the binary under test), fixed TZ/LC_ALL/SOURCE_DATE_EPOCH.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PACTKIT=${PACTKIT:-$ROOT/pactkit}
case $PACTKIT in /*) ;; *) PACTKIT=$ROOT/$PACTKIT ;; esac
TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1795000000
OUT=${OUT:-$ROOT/tests/out}     # set OUT to run beside another run
export ROOT PACTKIT TZ LC_ALL SOURCE_DATE_EPOCH OUT
rm -rf "$OUT"; mkdir -p "$OUT"
log=$OUT/results.txt; : > "$log"
only=${1:-}

for t in "$ROOT"/tests/t_*.sh; do
	name=$(basename "$t" .sh)
	[ -n "$only" ] && case $name in *"$only"*) ;; *) continue ;; esac
	echo "== $name"
	sh "$t" 2>&1 | tee -a "$log" | grep -E '^(FAIL|PASS)' | grep -v '^PASS' || true
done
passed=$(grep -c '^PASS' "$log")
failed=$(grep -c '^FAIL' "$log")
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

#!/bin/sh
# The test runner: every group (tests/t_*.sh) prints "PASS name", "FAIL
# name: why" or "SKIP name: why" lines; this script runs each under a
# timeout and ends with "N passed, N failed" (the skipped, if any,
# on the line before).  A group fails
# (a FAIL line of its own) when it exits non-zero (a crash, a harness
# that died), times out, prints no check at all, or runs fewer checks
# than tests/counts says it did in the last full run: a check that
# vanishes is a failure, not a shorter green run.  A group that runs
# more checks than recorded passes, with a note: `make counts` records
# the new number from the last full run ($OUT/counts).
# Usage: tests/run.sh [GROUP...] (names or parts of names; none: all).
# Environment: PACTKIT (the binary under test), OUT, GROUP_TIMEOUT
# (seconds a group may take, default 900); TZ, LC_ALL and
# SOURCE_DATE_EPOCH are fixed here.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PACTKIT=${PACTKIT:-$ROOT/pactkit}
case $PACTKIT in /*) ;; *) PACTKIT=$ROOT/$PACTKIT ;; esac
TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1795000000
OUT=${OUT:-$ROOT/tests/out}     # set OUT to run beside another run
export ROOT PACTKIT TZ LC_ALL SOURCE_DATE_EPOCH OUT
limit=${GROUP_TIMEOUT:-900}
rm -rf "$OUT"; mkdir -p "$OUT/groups"
log=$OUT/results.txt; : > "$log"
counts=$OUT/counts; : > "$counts"
notes=""
if ! command -v timeout >/dev/null 2>&1; then
	echo "FAIL runner: timeout (coreutils) is missing" | tee -a "$log"
fi

for t in "$ROOT"/tests/t_*.sh; do
	name=$(basename "$t" .sh)
	if [ $# -gt 0 ]; then
		want=0
		for a; do case $name in *"$a"*) want=1 ;; esac; done
		[ $want = 1 ] || continue
	fi
	echo "== $name"
	glog=$OUT/groups/$name.log
	start=$(date +%s)
	# timeout signals the whole process group: the group and all it started
	timeout -k 10 "$limit" sh "$t" >"$glog" 2>&1 </dev/null
	rc=$?
	took=$(( $(date +%s) - start ))
	n=$(grep -cE '^(PASS|FAIL|SKIP) ' "$glog")
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		echo "FAIL $name/group: timed out after ${limit}s (a hang?)" >>"$glog"
	elif [ $rc -ne 0 ]; then
		echo "FAIL $name/group: exited with status $rc: $(grep -vE '^(PASS|FAIL|SKIP) ' "$glog" | tail -n 3 | tr '\n' ' ')" >>"$glog"
	fi
	if [ "$n" -eq 0 ]; then
		echo "FAIL $name/group: printed no PASS, FAIL or SKIP line" >>"$glog"
	fi
	want=$(awk -v g="$name" '$1 == g { print $2 }' "$ROOT/tests/counts" 2>/dev/null)
	if [ -z "$want" ]; then
		notes="$notes
note: $name is not in tests/counts ($n checks): \`make counts\` records it"
	elif [ "$n" -lt "$want" ]; then
		echo "FAIL $name/group: ran $n checks, tests/counts says $want (a check vanished, or the group stopped part-way)" >>"$glog"
	elif [ "$n" -gt "$want" ]; then
		notes="$notes
note: $name ran $n checks, tests/counts says $want: \`make counts\` records the new number"
	fi
	echo "$name $n" >>"$counts"
	grep -E '^(PASS|FAIL|SKIP) ' "$glog" >>"$log"
	grep -E '^(FAIL|SKIP) ' "$glog"
	[ "$took" -ge 60 ] && echo "   ($took s)"
done
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
skipped=$(grep -c '^SKIP ' "$log")
[ -n "$notes" ] && echo "$notes"
echo
[ "$skipped" -gt 0 ] && echo "$skipped skipped (each SKIP line above says why)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

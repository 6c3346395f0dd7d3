# Sourced by tests/t_*.sh: helpers that print PASS/FAIL/SKIP lines
# (tests/run.sh counts them, and fails a group that exits non-zero).
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }
# check NAME CONDITION-COMMAND... : PASS when the command succeeds
check() { n=$1; shift; if "$@" >/dev/null 2>&1; then pass "$n"; else fail "$n" "$*"; fi; }
# tmpproj NAME: a fresh folder under $OUT
tmpdir() { d=$OUT/$1; rm -rf "$d"; mkdir -p "$d"; echo "$d"; }
# need NAME TOOL...: each tool is on the PATH, else one FAIL naming the
# missing ones (the Makefile's DEB_TEST installs them) and status 1
need() {
	n=$1; shift; missing=""
	for t; do command -v "$t" >/dev/null 2>&1 || missing="$missing $t"; done
	[ -z "$missing" ] && return 0
	fail "$n" "missing:$missing (\`make test\` installs the Makefile's DEB_TEST)"
	return 1
}
# stop PID SECS: SIGTERM, then waits up to SECS for PID to end; SIGKILL
# and status 1 if it did not (a hang)
stop() {
	kill "$1" 2>/dev/null
	s=0
	while kill -0 "$1" 2>/dev/null && [ $s -lt $(($2 * 10)) ]; do sleep 0.1; s=$((s + 1)); done
	if kill -0 "$1" 2>/dev/null; then
		kill -KILL "$1" 2>/dev/null; wait "$1" 2>/dev/null
		return 1
	fi
	wait "$1" 2>/dev/null
	return 0
}
# waitfor PID SECS: waits up to SECS for PID to end (its status then);
# SIGKILL and 124 if it did not
waitfor() {
	s=0
	while kill -0 "$1" 2>/dev/null && [ $s -lt $(($2 * 10)) ]; do sleep 0.1; s=$((s + 1)); done
	if kill -0 "$1" 2>/dev/null; then
		kill -KILL "$1" 2>/dev/null; wait "$1" 2>/dev/null
		return 124
	fi
	wait "$1"
}
# the sanitizer build (make asan) is under test: harnesses link the
# sanitized objects, time limits grow
case $PACTKIT in *-asan) ASAN=1 ;; *) ASAN= ;; esac
ASAN_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

# node_harness NAME LOG SCRIPT ARGS...: runs a browser harness of tests/e2e
# (ten minutes at most) and relays its PASS/FAIL/SKIP lines; a hang, or a
# crash without a FAIL line, is a FAIL of NAME-node.
node_harness() {
	nh=$1 log=$2
	shift 2
	(cd "$ROOT/tests/e2e" && timeout -k 10 600 node "$@") >"$log" 2>&1
	rc=$?
	grep -E '^(PASS|FAIL|SKIP) ' "$log"
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		fail "$nh-node" "timed out after 600 s (a hang): $(tail -n 2 "$log" | tr '\n' ' ')"
	elif [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$log"; then
		fail "$nh-node" "node exited $rc with no FAIL line: $(tail -n 5 "$log" | tr '\n' ' ')"
	fi
}

# Sourced by tests/t_*.sh: helpers that print PASS/FAIL lines.
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
# check NAME CONDITION-COMMAND... : PASS when the command succeeds
check() { n=$1; shift; if "$@" >/dev/null 2>&1; then pass "$n"; else fail "$n" "$*"; fi; }
# tmpproj NAME: a fresh folder under $OUT
tmpdir() { d=$OUT/$1; rm -rf "$d"; mkdir -p "$d"; echo "$d"; }

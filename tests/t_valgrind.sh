#!/bin/sh
# The default toolkit's build (site and every PDF, one process) under
# valgrind memcheck: no invalid access, no definite or indirect leak.
. "$ROOT/tests/lib.sh"
if ! command -v valgrind >/dev/null 2>&1; then
	fail valgrind/installed "valgrind is missing (the Makefile's DEB_TEST installs it)"
	exit 0
fi
bin=$PACTKIT
case $bin in *-asan) bin=$ROOT/pactkit ;; esac   # memcheck and ASan do not mix
V=$OUT/valgrind
rm -rf "$V"
(cd "$ROOT" && PACTKIT_JOBS=1 timeout -k 5 900 valgrind --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    --error-exitcode=99 --log-file="$OUT/valgrind.log" \
    "$bin" build -q -o "$V" .)
rc=$?
check valgrind/toolkit-build-clean test $rc -eq 0
check valgrind/no-errors grep -q 'ERROR SUMMARY: 0 errors' "$OUT/valgrind.log"
check valgrind/all-freed grep -q 'All heap blocks were freed\|definitely lost: 0 bytes' "$OUT/valgrind.log"
check valgrind/pdfs-written test -s "$V/pdf/en/workshop-pack.pdf"

#!/bin/sh
# A short fuzz pass: each libFuzzer harness of tests/fuzz/ (Markdown ->
# tree -> HTML, front matter, data schemas, tree -> PDF layout, the SVG
# renderer) runs FUZZ_SECONDS (default 15) from its seed corpus under
# ASan and UBSan.  A crash, leak or timeout fails, and its input is kept
# in $OUT/fuzz/ to become a regression seed.  `make fuzz` runs longer.
. "$ROOT/tests/lib.sh"
secs=${FUZZ_SECONDS:-15}
if ! command -v clang >/dev/null 2>&1; then
	fail fuzz/clang "clang is missing (the Makefile's DEB_TEST installs it)"
	exit 0
fi
if ! timeout -k 5 900 make -s -C "$ROOT" $(cd "$ROOT" && ls tests/fuzz/fuzz_*.c | sed 's|tests/fuzz/|build/fuzz/|; s|\.c$||') \
    >"$OUT/fuzz-build.log" 2>&1; then
	fail fuzz/build "$(tail -5 "$OUT/fuzz-build.log")"
	exit 0
fi
# the data harness also starts from the toolkit's own data files
extra_seeds() { [ "$1" = data ] && echo lua/data; }
for h in "$ROOT"/tests/fuzz/fuzz_*.c; do
	n=$(basename "$h" .c); n=${n#fuzz_}
	work=$OUT/fuzz/$n
	rm -rf "$work"; mkdir -p "$work/corpus"
	(cd "$ROOT" && PACTKIT_SHARE=$ROOT ASAN_OPTIONS=detect_leaks=1 \
	    timeout -k 5 $((secs + 120)) "build/fuzz/fuzz_$n" -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix="$work/" "$work/corpus" \
	    "tests/fuzz/corpus/$n" $(extra_seeds "$n") >"$work/log" 2>&1)
	if [ $? -eq 0 ] && grep -q '^Done' "$work/log"; then
		pass "fuzz/$n ($(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$work/log") runs)"
	else
		fail "fuzz/$n" "$(grep -m3 -E 'ERROR|SUMMARY|Test unit written' "$work/log")"
	fi
done

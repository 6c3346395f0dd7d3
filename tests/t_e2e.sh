#!/bin/sh
# Browser tests of the built site (tests/e2e/e2e.mjs): Nu Html Checker,
# axe-core WCAG 2.1 A/AA, offline, 360 px, language switch, search,
# no-JavaScript navigation, worksheets, print, keyboard focus.
# Always on a fresh build of this repository's toolkit into a folder of
# its own (never output/, which may be older than the theme).  node runs
# under a timeout, and its exit status counts: a browser that cannot
# start, or a crash, is a FAIL.
# E2E_SKIP=1 skips the group: one SKIP line (tests/run.sh counts it).
. "$ROOT/tests/lib.sh"
if [ "${E2E_SKIP:-}" = 1 ]; then
	skip e2e "E2E_SKIP=1: the browser tests did not run"
	exit 0
fi
if ! sh "$ROOT/tests/e2e/setup.sh" > "$OUT/e2e-setup.log" 2>&1; then
	fail e2e-setup "tests/e2e/setup.sh failed: $(tail -n 3 "$OUT/e2e-setup.log" | tr '\n' ' ')"
	exit 0
fi
W=$(tmpdir e2e)
if ! timeout -k 5 $((${ASAN:+5*}120)) "$PACTKIT" build -o "$W/out" "$ROOT" > "$OUT/e2e-build.log" 2>&1; then
	fail e2e-build "$PACTKIT build $ROOT: $(grep -m 3 error "$OUT/e2e-build.log" | tr '\n' ' ')"
	exit 0
fi
node_harness e2e "$OUT/e2e.out" e2e.mjs "$W/out/site"
exit 0

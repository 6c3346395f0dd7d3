#!/bin/sh
# Browser tests of the built site (tests/e2e/e2e.mjs): Nu Html Checker,
# axe-core WCAG 2.1 A/AA, offline, 360 px, language switch, search,
# no-JavaScript navigation, worksheets, print, keyboard focus.
# Builds the site first when output/site is missing or older than pactkit.
# E2E_SKIP=1 skips the group (prints one PASS line saying so).
. "$ROOT/tests/lib.sh"
site=$ROOT/output/site

if [ "${E2E_SKIP:-}" = 1 ]; then
	pass "e2e-skipped (E2E_SKIP=1)"
	exit 0
fi
if ! sh "$ROOT/tests/e2e/setup.sh" > "$OUT/e2e-setup.log" 2>&1; then
	fail e2e-setup "tests/e2e/setup.sh failed: $(tail -n 3 "$OUT/e2e-setup.log" | tr '\n' ' ')"
	exit 0
fi
if [ ! -f "$site/index.html" ] || [ "$PACTKIT" -nt "$site/index.html" ]; then
	if ! "$PACTKIT" build "$ROOT" > "$OUT/e2e-build.log" 2>&1; then
		fail e2e-build "$PACTKIT build $ROOT: $(grep -m 3 error "$OUT/e2e-build.log" | tr '\n' ' ')"
		exit 0
	fi
fi
cd "$ROOT/tests/e2e" && node e2e.mjs "$site" 2>&1
exit 0

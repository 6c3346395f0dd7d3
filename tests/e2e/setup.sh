#!/bin/sh
# Checks what the browser tests need: Debian's Chromium, a Java runtime
# (for the Nu Html Checker) and pdftotext, which `make test` installs, and
# tests/e2e/node_modules from package-lock.json (playwright-core, axe-core,
# vnu-jar, pdfjs-dist), which `make test` installs too (npm ci) and this script when run
# on its own.  Playwright never
# downloads a browser here: the tests drive /usr/bin/chromium.
# Exit status 0 when everything is in place.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	# `make test` installs them (the Makefile's DEB_TEST) before any test runs
	echo "e2e setup: missing:$missing; run \`make test\` (as root it installs them)" >&2
	exit 1
fi

cd "$HERE"
# node_modules is current when npm's own record of it is newer than the lock
if [ ! -f node_modules/.package-lock.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ] ||
   [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] ||
   [ ! -f node_modules/axe-core/axe.min.js ] ||
   [ ! -f node_modules/pdfjs-dist/build/pdf.mjs ] ||
   [ ! -d node_modules/playwright-core ]; then
	echo "e2e setup: npm ci in tests/e2e" >&2
	npm ci --no-audit --no-fund --loglevel=error >&2 ||
		npm install --no-audit --no-fund --loglevel=error >&2
fi

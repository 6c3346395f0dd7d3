#!/bin/sh
# The command line as a user meets it: help, version, usage errors (exit
# 2), `pactkit new` making a project that builds at once, `make install`
# giving a binary that finds its theme and components, and `serve`.
. "$ROOT/tests/lib.sh"
check cli/help-exit-0 "$PACTKIT" --help
check cli/help-lists-commands sh -c "'$PACTKIT' --help | grep -q 'check \[DIR\]'"
for c in build check new render serve; do
	check cli/help-$c sh -c "'$PACTKIT' $c --help | grep -q 'pactkit $c'"
done
check cli/version sh -c "'$PACTKIT' --version | grep -q '^pactkit [0-9]'"
"$PACTKIT" frobnicate >/dev/null 2>&1; check cli/unknown-command-exit-2 test $? -eq 2
"$PACTKIT" build --bogus >/dev/null 2>&1; check cli/unknown-option-exit-2 test $? -eq 2
"$PACTKIT" new >/dev/null 2>&1; check cli/new-needs-dir-exit-2 test $? -eq 2

N=$OUT/cli-new
rm -rf "$N"
check cli/new-creates "$PACTKIT" new "$N"
check cli/new-has-readme test -f "$N/README.md"
check cli/new-builds "$PACTKIT" build -q "$N"
check cli/new-site-fr test -f "$N/output/site/fr/index.html"
check cli/new-site-en test -f "$N/output/site/en/index.html"
check cli/new-check-clean "$PACTKIT" check --strict -q "$N"
"$PACTKIT" new "$N" >/dev/null 2>&1; check cli/new-refuses-existing test $? -eq 1

# `build --help` in a project prints the help and builds nothing; an
# option's value that is an option ('-o --help', '--dump-layout --help')
# is a usage error, never a folder named '--help' built into
H=$OUT/cli-help
rm -rf "$H"
"$PACTKIT" new "$H" >/dev/null 2>&1
(cd "$H" && "$PACTKIT" build --help > "$OUT/build-help.out" 2>&1); rc=$?
check cli/build-help-prints-help sh -c "test $rc -eq 0 && grep -q '^usage: pactkit build' '$OUT/build-help.out'"
check cli/build-help-builds-nothing test ! -e "$H/output" -a ! -e "$H/--help"
for a in "-o --help" "--output --help" "--dump-layout --help" "--output=--help"; do
	(cd "$H" && "$PACTKIT" build $a > /dev/null 2> "$OUT/opt-value.err"); rc=$?
	check "cli/option-value-not-an-option($a)" sh -c "test $rc -eq 2 && grep -q 'error: an option where --*[a-z-]* expects its value' '$OUT/opt-value.err' && test ! -e '$H/--help' && test ! -e '$H/output'"
done

# `make install` from a copy of the source tree (with the objects already
# built, so that only what the prefix changes is compiled again): the
# binary under test is never rebuilt mid-suite
D=$OUT/cli-install
S=$OUT/cli-src
rm -rf "$D" "$S"; mkdir -p "$S/build"
cp -pR "$ROOT/Makefile" "$ROOT/generator" "$ROOT/lua" "$ROOT/themes" "$ROOT/docs" "$S/"
cp -p "$ROOT"/build/*.o "$ROOT"/build/*.d "$S/build/" 2>/dev/null
if timeout -k 5 600 make -s -C "$S" install DESTDIR="$D" PREFIX=/usr >"$OUT/install.log" 2>&1; then
	pass cli/make-install
	check cli/installed-man-page test -f "$D/usr/share/man/man1/pactkit.1"
	# the installed binary, run from elsewhere, with its share folder moved
	# under DESTDIR: PACTKIT_SHARE says where it went
	I=$OUT/cli-installed-proj
	rm -rf "$I"
	(cd /tmp && PACTKIT_SHARE="$D/usr/share/pactkit" timeout 60 "$D/usr/bin/pactkit" new "$I" >/dev/null 2>&1 &&
	 PACTKIT_SHARE="$D/usr/share/pactkit" timeout 120 "$D/usr/bin/pactkit" build -q "$I" 2>"$OUT/installed.err")
	check cli/installed-binary-builds test -f "$I/output/site/fr/index.html"
	# installed for real under a prefix, it finds its files with no help
	X=$OUT/cli-prefix
	rm -rf "$X"
	if timeout -k 5 600 make -s -C "$S" install PREFIX="$X" >>"$OUT/install.log" 2>&1; then
		(cd /tmp && env -u PACTKIT_SHARE timeout 60 "$X/bin/pactkit" new "$X/proj" >/dev/null 2>&1 &&
		 env -u PACTKIT_SHARE timeout 120 "$X/bin/pactkit" build -q "$X/proj" 2>>"$OUT/installed.err")
		check cli/installed-prefix-finds-share test -f "$X/proj/output/site/en/index.html"
	else
		fail cli/installed-prefix "$(tail -3 "$OUT/install.log")"
	fi
else
	fail cli/make-install "$(tail -3 "$OUT/install.log")"
fi

# serve: a folder that does not exist is a usage error, said, at once
timeout 10 "$PACTKIT" serve --port 1 "$OUT/no-such-folder" >/dev/null 2>"$OUT/serve-none.err"
rc=$?
check cli/serve-missing-folder-exit-2 test $rc -eq 2
check cli/serve-missing-folder-said grep -qF "no-such-folder: error: no such folder" "$OUT/serve-none.err"

# serve: a preview on 127.0.0.1 that rebuilds when a file changes
if command -v curl >/dev/null 2>&1; then
	V=$OUT/cli-serve
	rm -rf "$V"; "$PACTKIT" new "$V" >/dev/null 2>&1
	port=$((20000 + $$ % 20000))
	"$PACTKIT" serve --port $port "$V" >"$OUT/serve.log" 2>&1 & spid=$!
	i=0; while [ $i -lt 50 ] && ! curl -sf -m 5 "http://127.0.0.1:$port/fr/" >/dev/null; do sleep 0.2; i=$((i+1)); done
	check cli/serve-page sh -c "curl -sf -m 5 http://127.0.0.1:$port/fr/ | grep -q '<html lang=\"fr\"'"
	check cli/serve-reload-script sh -c "curl -sf -m 5 http://127.0.0.1:$port/fr/ | grep -q '__pactkit/version'"
	v1=$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")
	sed -i 's/Ne consignez jamais/NOUVEAU TEXTE. Ne consignez jamais/' "$V/content/fr/index.md"
	i=0; while [ $i -lt 50 ] && [ "$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")" = "$v1" ]; do sleep 0.2; i=$((i+1)); done
	check cli/serve-rebuilds sh -c "curl -sf -m 5 http://127.0.0.1:$port/fr/ | grep -q 'NOUVEAU TEXTE'"
	# drafts: shown, marked
	printf '+++\ntitle = "Brouillon"\ndraft = true\n+++\n\nEn cours.\n' > "$V/content/fr/brouillon.md"
	v3=$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")
	i=0; while [ $i -lt 50 ] && [ "$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")" = "$v3" ]; do sleep 0.2; i=$((i+1)); done
	check cli/serve-shows-drafts-marked sh -c "curl -sf -m 5 http://127.0.0.1:$port/fr/brouillon/ | grep -q 'pk-draft'"
	# a save made as soon as a rebuild ends is not lost (the watches
	# were once set up anew after each build, and missed it), and the
	# build's own output folders start no rebuild: idle, it stays idle
	printf '\nENCORE UNE LIGNE.\n' >> "$V/content/fr/index.md"
	v4=$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")
	i=0; while [ $i -lt 50 ] && [ "$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")" = "$v4" ]; do sleep 0.2; i=$((i+1)); done
	printf '\nET UNE AUTRE.\n' >> "$V/content/fr/index.md"
	i=0; while [ $i -lt 50 ] && ! curl -sf -m 5 "http://127.0.0.1:$port/fr/" | grep -q 'ET UNE AUTRE'; do sleep 0.2; i=$((i+1)); done
	check cli/serve-save-after-rebuild-seen sh -c "curl -sf -m 5 http://127.0.0.1:$port/fr/ | grep -q 'ET UNE AUTRE'"
	sleep 1
	v5=$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")
	sleep 2
	check cli/serve-idle-no-rebuild test "$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")" = "$v5"
	printf '\n[cassé](absent.md)\n' >> "$V/content/fr/index.md"
	v2=$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")
	i=0; while [ $i -lt 50 ] && [ "$(curl -sf -m 5 "http://127.0.0.1:$port/__pactkit/version")" = "$v2" ]; do sleep 0.2; i=$((i+1)); done
	check cli/serve-error-in-page sh -c "curl -sf -m 5 http://127.0.0.1:$port/fr/ | grep -q \"link target 'absent.md' not found\""
	check cli/serve-error-in-terminal grep -q "link target 'absent.md' not found" "$OUT/serve.log"
	# a folder's address without its final slash: redirected to it (the
	# page's relative links then work); a file's is served as it is
	h=$(curl -s -m 5 -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$port/fr/guide")
	check cli/serve-folder-redirect test "$h" = "301 http://127.0.0.1:$port/fr/guide/"
	check cli/serve-folder-slash sh -c "curl -sfL -m 5 http://127.0.0.1:$port/fr/guide | grep -q '<html lang=\"fr\"'"
	check cli/serve-file-no-redirect test "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/fr/index.html")" = 200
	# listening on 127.0.0.1:PORT, and on no other address
	if command -v ss >/dev/null 2>&1; then
		check cli/serve-loopback-only sh -c "ss -ltn | grep -q ' 127.0.0.1:$port ' && ! ss -ltn | grep ':$port ' | grep -qv ' 127.0.0.1:$port '"
	else
		fail cli/serve-loopback-only "ss is missing (iproute2, in the Makefile's DEB_TEST)"
	fi
	check cli/serve-stops-on-sigterm stop $spid 10
	# a large bilingual site is built by one writer per language: what
	# the English writer says reaches the page too
	for l in fr en; do
		for i in $(seq 50); do
			printf '+++\ntitle = "P%s"\n+++\n\nx\n' $i > "$V/content/$l/extra$i.md"
		done
	done
	sed -i '$d' "$V/content/fr/index.md"
	printf '\n[broken](missing-en.md)\n' >> "$V/content/en/index.md"
	port=$((port + 1))
	"$PACTKIT" serve --port $port "$V" >"$OUT/serve2.log" 2>&1 & spid=$!
	i=0; while [ $i -lt 50 ] && ! curl -sf -m 5 "http://127.0.0.1:$port/en/" >/dev/null; do sleep 0.2; i=$((i+1)); done
	check cli/serve-second-writer-error-in-page sh -c "curl -sf -m 5 http://127.0.0.1:$port/en/ | grep -q \"link target 'missing-en.md' not found\""
	check cli/serve-second-stops-on-sigterm stop $spid 10
else
	fail cli/serve "curl is missing (Makefile DEB_TEST should install it)"
fi

# a project component, as the README shows it, with its own i18n strings
C=$OUT/cli-component
rm -rf "$C"; "$PACTKIT" new "$C" >/dev/null 2>&1
mkdir -p "$C/lua/components" "$C/lua/i18n"
awk '/^-- lua\/components\/partner-count.lua/{on=1} on&&/^```/{exit} on' "$ROOT/README.md" > "$C/lua/components/partner-count.lua"
printf 'return { ["count.partners"] = "%%d partenaires, dont %%d champions" }\n' > "$C/lua/i18n/fr.lua"
printf 'return { ["count.partners"] = "%%d partners, %%d of them champions" }\n' > "$C/lua/i18n/en.lua"
for l in fr en; do printf '\n```{partner-count}\nsource = "stakeholders"\n```\n' >> "$C/content/$l/index.md"; done
"$PACTKIT" build -q "$C" 2>"$OUT/cli-component.err"
check cli/project-component-fr grep -q 'pk-meta">4 partenaires, dont 1 champions' "$C/output/site/fr/index.html"
check cli/project-component-en grep -q 'pk-meta">4 partners, 1 of them champions' "$C/output/site/en/index.html"
# its own strings are no mistake: no warning, and check --strict passes
# (each said "unknown interface string 'count.partners'")
"$PACTKIT" check --strict "$C" >/dev/null 2>"$OUT/cli-strings.err"
check cli/project-strings-check-strict test $? -eq 0
check cli/project-strings-no-warning sh -c "! grep -q 'interface string' '$OUT/cli-strings.err'"
printf 'return { ["count.partners"] = "%%d partners, %%d of them champions" }\n' > "$C/lua/i18n/en.lua"
# a project component overrides a built-in of the same name
printf 'return function(args) return pk.h("p", { class = "mine" }, "overridden") end\n' > "$C/lua/components/case-study.lua"
"$PACTKIT" build -q "$C" 2>>"$OUT/cli-component.err"
check cli/project-component-overrides grep -q '<p class="mine">overridden' "$C/output/site/fr/guide/index.html"

# render --pdf: one page laid out as a PDF, with its layout dump
"$PACTKIT" render --lang fr --pdf "$OUT/render.pdf" --dump-layout "$OUT/render.layout" "$ROOT/tests/golden/site-basic/content/fr/guide/protocole.md" 2>/dev/null
check cli/render-pdf sh -c "pdfinfo '$OUT/render.pdf' | grep -q '^Pages:'"
check cli/render-pdf-text sh -c "pdftotext '$OUT/render.pdf' - | grep -q 'Le budget total'"
check cli/render-layout grep -q ' line ' "$OUT/render.layout"

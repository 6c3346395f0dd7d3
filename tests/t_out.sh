#!/bin/sh
# The output layer (generator/output/): a large site is written by forked
# writers, which say what they say once and relay it to the build (its
# summary, --format json); a failed writer fails the build.
. "$ROOT/tests/lib.sh"
T=$(tmpdir out)

# A one-language project of 451 pages (the site is then written by two
# processes, a page in two each) with its own theme.
P=$T/big
mkdir -p "$P/lua" "$P/content/fr" "$P/themes/odd"
cat > "$P/lua/site.lua" <<'EOF'
return { title = "Grand", languages = { "fr" }, theme = "odd" }
EOF
printf '+++\ntitle = "Accueil"\n+++\n\nBienvenue.\n' > "$P/content/fr/index.md"
i=1
while [ $i -le 450 ]; do
	n=$(printf '%03d' $i)
	printf '+++\ntitle = "Page %s"\nweight = %d\n+++\n\nTexte %s.\n' "$n" $i "$n" \
	    > "$P/content/fr/p$n.md"
	i=$((i + 1))
done
cp -R "$ROOT/themes/default/." "$P/themes/odd/"
# a slot the site writer does not know: one warning
sed 's|<div class="pk-content" data-pk="content">|<div data-pk="bogus"></div>&|' \
    "$ROOT/themes/default/page.xhtml" > "$P/themes/odd/page.xhtml"

(cd "$P" && "$PACTKIT" build . >"$T/big.out" 2>"$T/big.err")
rc=$?
if [ $rc -ne 0 ]; then
	fail out/large-site-builds "exit $rc: $(head -c 300 "$T/big.err")"
else
	pass out/large-site-builds
	n=$(grep -c 'unknown slot data-pk="bogus"' "$T/big.err")
	if [ "$n" -eq 1 ]; then
		pass out/forked-writers-warn-once
	else
		fail out/forked-writers-warn-once "the theme's warning printed $n times: $(grep -F bogus "$T/big.err" | head -3)"
	fi
	check out/summary-counts-what-was-printed grep -q '; 0 errors, 1 warning$' "$T/big.err"
fi

# A page the second writer (odd pages) cannot write: a folder stands
# where its file goes, in the folder the build reuses.  Its error is the
# build's: in --format json, counted and listed, and the build fails.
(cd "$P" && "$PACTKIT" build -q . && "$PACTKIT" build -q .) >/dev/null 2>&1
f=$P/output.prev/site/fr/p001/index.html
if [ ! -f "$f" ]; then
	fail out/setup-reused-output "no $f after two builds"
else
	rm -f "$f" && mkdir "$f"
	(cd "$P" && "$PACTKIT" build --format json . >"$T/json.out" 2>"$T/json.err")
	rc=$?
	check out/writer-failure-fails-build test $rc -eq 1
	if grep -q '"errors": 0,' "$T/json.out" || ! grep -q 'p001/index.html' "$T/json.out"; then
		fail out/writer-errors-relayed "the second writer's error is not in the JSON: $(head -c 300 "$T/json.out")"
	else
		pass out/writer-errors-relayed
	fi
	check out/failed-build-leaves-output test -f "$P/output/site/fr/p001/index.html"
fi

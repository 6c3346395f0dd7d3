#!/bin/sh
# The default toolkit (this repository's own content): it builds, every
# page exists in both languages, check --strict is clean (no personal
# data, no missing translation), the documents of lua/site.lua are all
# there, and two builds (other folders, other times) are byte-identical.
. "$ROOT/tests/lib.sh"
A=$(tmpdir toolkit-a)
B=$(tmpdir toolkit-b)
for d in "$A" "$B"; do
	cp -R "$ROOT/lua" "$ROOT/content" "$d/"
	[ -d "$ROOT/themes" ] && cp -R "$ROOT/themes" "$d/"
done
"$PACTKIT" build "$A" >"$OUT/toolkit-a.log" 2>&1
check toolkit/builds test $? -eq 0
sleep 1
"$PACTKIT" build -q "$B" 2>/dev/null
check toolkit/reproducible diff -r "$A/output" "$B/output"
check toolkit/check-strict "$PACTKIT" check --strict -q "$A"
for l in fr en; do
	check toolkit/home-$l test -f "$A/output/site/$l/index.html"
	n=$(find "$A/content/$l" -name '*.md' | wc -l)
	check toolkit/pages-$l test "$n" -ge 12
done
nfr=$(find "$A/content/fr" -name '*.md' | wc -l)
nen=$(find "$A/content/en" -name '*.md' | wc -l)
check toolkit/same-page-count test "$nfr" -eq "$nen"
check toolkit/no-missing-translation sh -c "! grep -q 'has no translation' '$OUT/toolkit-a.log'"
for id in guide mou mou-template worksheets workshop-pack; do
	for l in fr en; do
		check toolkit/pdf-$l-$id test -s "$A/output/pdf/$l/$id.pdf"
	done
done
check toolkit/no-survivor-fields sh -c "! grep -rniE '(victim|survivor|survivant|victime)[a-z_]* *=' '$ROOT/lua/data'"

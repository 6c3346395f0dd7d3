#!/bin/sh
# The default toolkit (this repository's own content): it builds, every
# page exists in both languages, check --strict is clean (no personal
# data, no missing translation), the documents of lua/site.lua are all
# there, and two builds (other folders, other times) are byte-identical.
# Then its guidance (tests/toolkit_content.lua): both languages in step and
# in their own words, the sources' facts, a glossary paired across
# languages, the workshop's timings, the checklists, the information-sharing
# protocol in the MoU documents, and public pages free of editorial notes
# and implementation file names.
. "$ROOT/tests/lib.sh"
A=$(tmpdir toolkit-a)
B=$(tmpdir toolkit-b)
for d in "$A" "$B"; do
	cp -R "$ROOT/lua" "$ROOT/content" "$ROOT/assets" "$d/"
	[ -d "$ROOT/themes" ] && cp -R "$ROOT/themes" "$d/"
done
rm -rf "$OUT/toolkit-dump"
"$PACTKIT" build --dump-layout "$OUT/toolkit-dump" "$A" >"$OUT/toolkit-a.log" 2>&1
check toolkit/builds test $? -eq 0
sleep 1
"$PACTKIT" build -q "$B" 2>/dev/null
check toolkit/reproducible diff -r -x .pactkit "$A/output" "$B/output"
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
# the personal-data lint (pactkit check) finds no field named after
# survivors in the toolkit's data; the same data with one such field
# added is warned about, at its line (the lint reads these files)
"$PACTKIT" check "$A" >/dev/null 2>"$OUT/toolkit-lint.err"
rc=$?
check toolkit/no-survivor-fields sh -c "test $rc -eq 0 && ! grep -q 'a field named after survivors' '$OUT/toolkit-lint.err'"
C=$(tmpdir toolkit-lint)
cp -R "$A/lua" "$A/content" "$A/assets" "$C/"
f=$(ls "$C"/lua/data/*.lua | head -n 1)
{ echo 'local survivor_name = "x"'; cat "$f"; } > "$C/first.lua" && mv "$C/first.lua" "$f"
"$PACTKIT" check "$C" >/dev/null 2>"$OUT/toolkit-lint2.err"
check toolkit/lint-reads-toolkit-data grep -q "lua/data/$(basename "$f"):1:7: warning: a field named after survivors" "$OUT/toolkit-lint2.err"

# The print audit of the worksheets (tests/print/worksheets.py, from the
# layout dumps) on every PDF of the default toolkit, booklets too: no
# map label over another label, a marker, a quadrant line or a text, no
# marker on a quadrant line; every blank field with room to write by hand
# (lines 8 mm apart, 15 mm wide, three lines in a table cell); the blank
# map's plot at least 230 x 150 mm on A4.  Each only when the dumps showed
# what it audits (the maps' labels, the fields' lines, the blank plots).
# And the audit finds each fault in a dump made to have them.
WS="/usr/bin/python3 $ROOT/tests/print/worksheets.py"
W=$OUT/toolkit-worksheets.txt
$WS "$OUT"/toolkit-dump/*/*.layout >"$W" 2>&1
audited() {     # audited KIND SEEN MIN: no fault of KIND, SEEN >= MIN
	grep -qx "check $1 0" "$W" &&
	    awk -v k="$2" -v n="$3" '$1 == "seen" { for (i = 2; i < NF; i += 2)
	        if ($i == k) ok = $(i + 1) >= n } END { exit !ok }' "$W"
}
check toolkit/print-labels audited labels labels 40
check toolkit/print-fields audited fields fields 500
check toolkit/print-grid audited grid blank 8
$WS "$ROOT/tests/print/faulty.layout" >"$OUT/toolkit-faulty.txt" 2>&1
rc=$?
check toolkit/print-audit-finds sh -c "test $rc -eq 1 && grep -qx 'check labels 3' '$OUT/toolkit-faulty.txt' &&
    grep -qx 'check fields 3' '$OUT/toolkit-faulty.txt' && grep -qx 'check grid 1' '$OUT/toolkit-faulty.txt'"

# A blank table that fits on a page is not split: the blank stakeholder
# table's seven rows on one page in every document that has it (in fr
# the eighth row went alone onto a page of its own)
check toolkit/blank-table-whole awk '
    $2 == "field" && $NF ~ /^row[0-9]+-name$/ && FILENAME !~ /booklet/ {
	if (!(FILENAME in pg)) { pg[FILENAME] = $1; docs++ }
	else if (pg[FILENAME] != $1) bad = 1; n++ }
    END { exit bad || docs < 8 || n < 56 }' "$OUT"/toolkit-dump/*/*.layout

# A booklet is for reading: its blank worksheets are left out (on A5
# their columns are too narrow to write in), the A4 document keeps them
for l in fr en; do
	check toolkit/booklet-no-worksheets-$l sh -c "
	    ! pdftotext '$A/output/pdf/$l/participant-pack-booklet.pdf' - | grep -q '☐' &&
	    pdftotext '$A/output/pdf/$l/participant-pack.pdf' - | grep -q '☐'"
done

# The blank MoU: each party's block compact and whole on a page, three
# to a page, its labels beside the writing lines, each field with real
# room to write by hand (8 mm a line at least), fillable.
D=$OUT/toolkit-mou-template.dump
(cd "$A" && "$PACTKIT" render --project . --lang en --pdf "$OUT/toolkit-mou-template.pdf" \
    --dump-layout "$D" content/en/tools/mou-template.md) >/dev/null 2>&1
check toolkit/mou-template-renders test -s "$D"
check toolkit/mou-template-parties-compact awk '
    /^#/ { ml = $9; m = $3 - $7 - $9 }
    $2 == "line" { n++; LP[n] = $1; LX[n] = $3; LY[n] = $4; LW[n] = $5; LH[n] = $6 }
    $2 == "field" && $NF ~ /^party[0-9]+-/ {
	p = $NF; sub(/^party/, "", p); sub(/-.*/, "", p)
	if ((p in pg) && pg[p] != $1) bad = 1          # a block split
	pg[p] = $1; nf++
	lines = ($NF ~ /address/) ? 2 : 1
	if ($6 < lines * 22.68) bad = 1                 # under 8 mm a line
	if ($3 < ml + m / 4) bad = 1                    # no label beside
	F[nf] = $1 " " $3 " " $4 " " $6 }
    END {
	for (i = 1; i <= nf; i++) {                      # its label on its left
	    split(F[i], f, " "); ok = 0
	    for (j = 1; j <= n; j++)
		if (LP[j] == f[1] && LX[j] + LW[j] <= f[2] && LY[j] >= f[3] && LY[j] + LH[j] <= f[3] + f[4] + 1) ok = 1
	    if (!ok) bad = 1 }
	for (p in pg) c[pg[p]]++
	for (k in c) if (c[k] > most) most = c[k]
	exit bad || nf < 15 || most < 3 }' "$D"
qpdf --json --json-key=acroform "$A/output/pdf/en/mou-template.pdf" >"$OUT/toolkit-mou-template.json" 2>/dev/null
check toolkit/mou-template-fields-fillable sh -c "grep -q '\"fullname\": \"party4-focal-point\"' '$OUT/toolkit-mou-template.json' &&
    grep -q '\"fullname\": \"sign4-date\"' '$OUT/toolkit-mou-template.json'"

# One-answer questions of the blank worksheets: one radio group field
# per question (its buttons are its widgets), not a field per button.
qpdf --json --json-key=acroform "$A/output/pdf/en/worksheets.pdf" >"$OUT/toolkit-worksheets.json" 2>/dev/null
check toolkit/worksheet-radio-groups python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["acroform"]["fields"]
g = [x for x in f if x["fullname"] == "c1-trusted"]
assert len(g) >= 3 and all(x["isradiobutton"] and x["fieldflags"] & 32768 for x in g)
assert len({x["parent"] for x in g}) == 1
assert not any(x["fullname"].startswith("c1-trusted_") for x in f)
' "$OUT/toolkit-worksheets.json"

# Print-ready worksheets (pdftotext of the built PDFs, page by page).
# pages FILE: "PAGE<TAB>text of the page on one line", one line per page
pages() {
	n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	i=1
	while [ "$i" -le "${n:-0}" ]; do
		printf '%s\t' "$i"
		pdftotext -enc UTF-8 -f "$i" -l "$i" "$1" - 2>/dev/null | tr '\n' ' '
		echo
		i=$((i + 1))
	done
}
if need toolkit/pdf-tools pdftotext pdfinfo; then
	for l in fr en; do
		P=$A/output/pdf/$l
		pages "$P/mou.pdf" > "$OUT/toolkit-$l-mou.txt"
		pages "$P/workshop-pack.pdf" > "$OUT/toolkit-$l-pack.txt"
		if [ $l = fr ]; then for_='Pour[^[:alpha:]]+:'; seal=Cachet; else for_=For:; seal=Seal; fi
		# each party's signature block whole on one page: as many
		# "For: …" as seal boxes on every page, and one per party
		check toolkit/signature-blocks-whole-$l awk -F '\t' -v f="$for_" -v s="$seal" '
		    { a = gsub(f, "&", $2); b = gsub(s, "&", $2); if (a != b) bad = 1; n += a }
		    END { exit bad || n < 2 }' "$OUT/toolkit-$l-mou.txt"
		# blank table cells print no (visually hidden) label
		check toolkit/blank-cells-no-labels-$l sh -c "! grep -qE '(Name|Nom|Sector|Secteur|Influence|Support|Soutien|Champion|By when|Who|Qui) [1-9]' '$OUT/toolkit-$l-pack.txt'"
		# list markers in table cells do not touch their text; a box
		# to tick stands apart from the label before it
		check toolkit/no-glued-bullets-$l sh -c "! grep -q '•[[:alpha:]]' '$OUT/toolkit-$l-pack.txt'"
		check toolkit/choices-spaced-$l sh -c "! grep -q '[[:alpha:]]☐' '$OUT/toolkit-$l-pack.txt'"
		# the case study says country and year once
		check toolkit/case-study-no-repeat-$l sh -c "! grep -qE '(Country|Pays) (Albania|Albanie)|— (As of|Situation en)' '$OUT/toolkit-$l-pack.txt'"
	done
	# amounts right-aligned: every amount of the budget ends at one x
	# (en "XOF 1,250,000": the number; fr "1 250 000 XOF": the currency)
	for l in fr en; do
		check toolkit/amounts-right-aligned-$l sh -c "pdftotext -bbox '$A/output/pdf/$l/mou.pdf' - |
		    awk -F'\"' '/<word/ { w = \$0; sub(/.*\">/, \"\", w); sub(/<.*/, \"\", w)
		        if ((\"$l\" == \"en\" && prev == \"XOF\" && w ~ /^[0-9]/) || (\"$l\" == \"fr\" && w == \"XOF\")) { x[sprintf(\"%.0f\", \$6)]++; n++ }
		        prev = w }
		        END { for (k in x) d++; exit !(n >= 4 && d == 1) }'"
	done
	# a caption on the page of what it captions
	check toolkit/map-caption-with-grid awk -F '\t' '
	    index($2, "Stakeholder map of your area") && !index($2, "Influence") && !index($2, "Trusted by survivors") { bad = 1 }
	    END { exit bad }' "$OUT/toolkit-en-pack.txt"
	# a heading and its intro on the page of the drawing they introduce
	# (the blank map's legend: the grid is a landscape page of its own)
	check toolkit/map-intro-with-grid awk -F '\t' '
	    index($2, "Place each stakeholder on the grid") && !index($2, "Trusted by survivors") { bad = 1 }
	    END { exit bad }' "$OUT/toolkit-en-pack.txt"
	check toolkit/log-caption-with-table awk -F '\t' '
	    index($2, "Four meetings from the first months") && !index($2, "Participating") { bad = 1 }
	    END { exit bad }' "$OUT/toolkit-en-pack.txt"
fi

# ---- The guidance itself (tests/toolkit_content.lua) ----------------------
# Both languages say the same things in their own words, with the facts of
# the sources; the public pages are written for readers, not for editors.
C=$ROOT/tests/toolkit_content.lua
content() {	# content NAME CHECK ARGS...: PASS, or FAIL with the checker's reason
	n=$1; shift
	if r=$(lua5.4 "$C" "$@" 2>&1); then pass "$n"; else fail "$n" "$(printf '%s' "$r" | head -c 600)"; fi
}
S=$A/output/site
# pages paired by key: same headings, components and links, similar length
content toolkit/content-parity parity $(find "$ROOT/content" -name '*.md' | sort)
# own words: under 3 % of the French pages' 8-word runs are the source's
content toolkit/content-own-words ownwords "$ROOT/tests/toolkit-source-runs.txt" \
    $(find "$ROOT/content/fr" -name '*.md' | sort)
# the workshop programmes: times that follow on and add up, and for each
# working session its materials and a note for the facilitators
content toolkit/agenda-timings-en agenda "$ROOT/content/en/workshop.md"
content toolkit/agenda-timings-fr agenda "$ROOT/content/fr/atelier.md"
# the glossary: the same entries in both languages, each beside the other
# language's term (marked with its language), and linked from the guide
content toolkit/glossary-pairs glossary "$S/fr/guide/glossaire/index.html" "$S/en/guide/glossary/index.html"
for l in fr en; do
	g=glossary; [ $l = fr ] && g=glossaire
	n=$(cat "$ROOT"/content/$l/guide/*.md | grep -o "$g\.md#[a-z0-9-]*" | sort -u | wc -l)
	check toolkit/glossary-linked-$l test "$n" -ge 30
done
# practical checklists in the chapters on why partnerships matter and on risks
content toolkit/checklist-first-meeting-en checklist "$ROOT/content/en/guide/why.md" "Checklist: preparing a first meeting" 8
content toolkit/checklist-first-meeting-fr checklist "$ROOT/content/fr/guide/pourquoi.md" "Liste de contrôle : préparer une première réunion" 8
content toolkit/checklist-warning-signs-en checklist "$ROOT/content/en/guide/risks.md" "Warning signs in a prospective partner" 8
content toolkit/checklist-warning-signs-fr checklist "$ROOT/content/fr/guide/risques.md" "Signaux d’alerte chez un partenaire pressenti" 8
content toolkit/checklist-leak-en checklist "$ROOT/content/en/guide/risks.md" "When a partner leaks information" 6
content toolkit/checklist-leak-fr checklist "$ROOT/content/fr/guide/risques.md" "Quand un partenaire laisse fuir des informations" 6

# Every public page as a reader gets it: the site's HTML and the PDFs' text.
for l in fr en; do
	for f in "$A"/output/pdf/$l/*.pdf; do
		pdftotext -enc UTF-8 "$f" "$OUT/toolkit-text-$l-$(basename "$f" .pdf).txt" 2>/dev/null
	done
done
pub() {	# pub LANG: the files of a language's public pages and documents
	find "$S/$1" -name index.html ! -path '*/adapting/*' ! -path '*/adapter/*'
	ls "$OUT"/toolkit-text-$1-*.txt
}
# implementation files are named on one page only, written for adapters
# (tools/data printed lua/data/stakeholders.lua; "fichiers de données")
check toolkit/no-implementation-files sh -c "! grep -ilE 'lua/|\\.lua\\b|fichiers? de donn|data files?\\b' \$( (find '$S' -name index.html ! -path '*/adapting/*' ! -path '*/adapter/*'; ls '$OUT'/toolkit-text-*.txt) )"
check toolkit/adapters-page-names-files sh -c "grep -q 'lua/data/stakeholders.lua' '$S/en/adapting/index.html' && grep -q 'lua/data/stakeholders.lua' '$S/fr/adapter/index.html'"
# editorial notes stay with the editors (comments in lua/data/examples.lua)
check toolkit/no-editorial-notes sh -c "! grep -ilE 'not confirmed by another public source|non confirm[ée]+s? par une autre source|pas pu .tre confirm' \$( (find '$S' -name index.html; ls '$OUT'/toolkit-text-*.txt) )"
# French: no anglicism "champion" outside the one place that explains the
# French term (the chapter on choosing partners) and the glossary
# (the pages' text, not their markup: form fields keep the data's names)
for f in $(find "$S/fr" -name index.html ! -path '*/choisir-partenaires/*' ! -path '*/glossaire/*'); do
	sed 's/<[^>]*>/ /g' "$f"
done >"$OUT/toolkit-text-fr-pages.txt"
check toolkit/fr-no-champion sh -c "! grep -il 'champion' '$OUT/toolkit-text-fr-pages.txt' '$OUT/toolkit-text-fr-worksheets.txt' '$OUT/toolkit-text-fr-mou.txt' '$OUT/toolkit-text-fr-mou-template.txt'"
# the information-sharing protocol the MoU annexes: filled in the MoU,
# blank (fillable, with the confidentiality notice) in the template
for l in fr en; do
	if [ $l = fr ]; then isp='Protocole d’échange d’informations'; conf='Confidentiel'; never='jamais partagé'; breach='fuite ou de violation'
	else isp='Information-sharing protocol'; conf='Confidential'; never='never shared'; breach='leak or breach'; fi
	check toolkit/isp-in-mou-$l sh -c "grep -q '$isp' '$OUT/toolkit-text-$l-mou.txt' && grep -q '$never' '$OUT/toolkit-text-$l-mou.txt' && grep -q '$breach' '$OUT/toolkit-text-$l-mou.txt'"
	check toolkit/isp-in-template-$l sh -c "grep -q '$isp' '$OUT/toolkit-text-$l-mou-template.txt' && grep -q '$conf' '$OUT/toolkit-text-$l-mou-template.txt' && grep -q '$breach' '$OUT/toolkit-text-$l-mou-template.txt'"
done
qpdf --json --json-key=acroform "$A/output/pdf/fr/mou-template.pdf" >"$OUT/toolkit-mou-template-fr.json" 2>/dev/null
check toolkit/isp-template-fillable sh -c "grep -q '\"fullname\": \"flow5-form\"' '$OUT/toolkit-mou-template-fr.json' && grep -q '\"fullname\": \"breach-hours\"' '$OUT/toolkit-mou-template-fr.json'"
# the facts of the sources, in both languages; every case study the guide
# refers to (the MARAC) is there, each with its "as of" year
for l in fr en; do
	if [ $l = fr ]; then e=$S/fr/guide/exemples/index.html; r=$S/fr/guide/ressources/index.html; asof='situation en'
		dates='11 mai 2011|1er août 2014|26 avril 2010|29 décembre 2011'
	else e=$S/en/guide/examples/index.html; r=$S/en/guide/resources/index.html; asof='as of'
		dates='11 May 2011|1 August 2014|26 April 2010|29 December 2011'; fi
	check toolkit/facts-examples-$l sh -c "for f in 2008 9669 2009 '>41<' 2010 2003 '>288<' '>16<'; do grep -q \"\$f\" '$e' || exit 1; done"
	check toolkit/facts-references-$l sh -c "tr '\n' ' ' < '$r' | sed 's/[  ]/ /g' > '$OUT/toolkit-ref-$l.txt'; IFS='|'; for f in \$(echo '$dates'); do grep -q \"\$f\" '$OUT/toolkit-ref-$l.txt' || exit 1; done; grep -q '131' '$OUT/toolkit-ref-$l.txt' && grep -q '2015' '$OUT/toolkit-ref-$l.txt'"
	check toolkit/case-studies-$l sh -c "[ \$(grep -c 'pk-case-study' '$e') -ge 4 ] && [ \$(grep -c '$asof' '$e') -ge 4 ] && grep -qi 'MARAC' '$e'"
done

#!/bin/sh
# Vocabularies belong to the project (lua/vocab.lua): a toolkit on another
# topic (tests/vocab/child-protection/: schools and health services for
# child protection, French and English, every component, a component of
# its own, three documents) builds with none of the default topic's words
# in anything it makes, and a safety notice, in its own words, on every
# worksheet; the schemas, labels, legend and markers use its lists; its
# mistakes in lua/vocab.lua name their file:line:col.
. "$ROOT/tests/lib.sh"
T=$(tmpdir vocab)
need vocab/tools pdftotext unzip || exit 0
P=$T/cp
cp -R "$ROOT/tests/vocab/child-protection" "$P"

# words of the default topic (its vocabularies, its interface strings):
# the child-protection toolkit never writes them
WORDS='surviv|violen|police|women|femme|shelter|gender|perpetrator|victim|hébergement'

# everything a build makes, as text: pages, search index, sitemap, the
# PDFs' text, the ODT and DOCX parts
alltext() {
	find "$1/site" \( -name '*.html' -o -name '*.json' -o -name '*.xml' \) -exec cat {} +
	for f in "$1"/pdf/*/*.pdf; do pdftotext "$f" - 2>/dev/null; done
	for f in "$1"/pdf/*/*.odt; do unzip -p "$f" content.xml styles.xml; done
	for f in "$1"/pdf/*/*.docx; do unzip -p "$f" word/document.xml word/styles.xml; done
}

(cd "$P" && "$PACTKIT" check --strict . >"$T/check.out" 2>"$T/check.err")
check vocab/project-checks-strict test $? -eq 0
(cd "$P" && "$PACTKIT" build . >"$T/build.out" 2>"$T/build.err")
check vocab/project-builds test $? -eq 0

# the search below finds the words where they are: in the default toolkit
(cd "$T" && mkdir -p default && cp -R "$ROOT/content" "$ROOT/lua" "$ROOT/assets" default/)
(cd "$T/default" && "$PACTKIT" build -q . >/dev/null 2>&1)
n=$(alltext "$T/default/output" | grep -ciE "$WORDS")
if [ "$n" -gt 0 ]; then pass vocab/default-topic-words-found-in-default-toolkit
else fail vocab/default-topic-words-found-in-default-toolkit "the search finds nothing even there"; fi

alltext "$P/output" > "$T/all.txt"
if grep -qiE "$WORDS" "$T/all.txt"; then
	fail vocab/no-default-topic-words "$(grep -ioE ".{0,40}($WORDS).{0,40}" "$T/all.txt" | sort | uniq -c | head -8)"
else
	pass vocab/no-default-topic-words
fi
# and the project's own words are there instead
for w in "Services sociaux" "Social services" "Trusted by families" "A la confiance des familles" \
    "Has a child safeguarding policy?" "Keep informed" "Network meeting" "Circonscription" \
    "What practical difficulty do you see in referring a child" \
    "overall figures, from which no child can be recognised"; do
	grep -qF "$w" "$T/all.txt" || { fail vocab/project-words "no [$w]"; w=; break; }
done
[ -n "$w" ] && pass vocab/project-words

# ---- a notice in the project's words on every worksheet ------------------
ok=1; forms=0
for f in $(grep -l 'class="pk-form"' $(find "$P/output/site" -name index.html)); do
	nf=$(grep -o '<form class="pk-form"' "$f" | wc -l)
	nn=$(grep -o 'aucun nom d’enfant\|write no child’s name' "$f" | wc -l)
	forms=$((forms + nf))
	if [ "$nn" -lt "$nf" ]; then ok=0; fail vocab/notice-on-every-worksheet "$f: $nf forms, $nn notices"; break; fi
done
if [ $ok = 1 ] && [ "$forms" -eq 14 ]; then pass vocab/notice-on-every-worksheet
elif [ $ok = 1 ]; then fail vocab/notice-on-every-worksheet "$forms forms, expected 14 (7 a language)"; fi
n=$(pdftotext "$P/output/pdf/en/fiches.pdf" - | grep -c "write no child’s name")
check vocab/notice-in-worksheets-pdf test "$n" -eq 6
n=$(pdftotext "$P/output/pdf/fr/convention.pdf" - | grep -c "aucun nom d’enfant")
check vocab/notice-in-blank-agreement-pdf test "$n" -ge 1

# ---- the map: the project's sectors, each its own marker -----------------
M=$P/output/site/en/tools/map/index.html
if /usr/bin/python3 - "$M" <<'PY'
import re, sys
h = open(sys.argv[1]).read()
svg = h[h.index('<svg'):h.index('</svg>')]
marks = re.findall(r'class="pk-marker"[^>]*>(.*?)</g>', svg, re.S)
# each drawn marker: its title (the stakeholder), its shape and colour
shapes = {}
for m in marks:
    t = re.search(r'<title>(.*?)</title>', m).group(1)
    s = re.findall(r'<(circle|rect|path)[^>]*fill="(#[0-9a-f]{6})"', m)
    shapes[t] = s[-1]
sector = {'North secondary school': 'school', 'Central primary school': 'school',
          'Neighbourhood health centre': 'health', 'Child health service': 'health',
          'Area social services': 'social-services', 'Child protection unit': 'child-protection',
          'Town hall': 'local-government', 'North parents’ association': 'parents',
          'Homework club': 'ngo'}
by = {}
for t, s in shapes.items():
    by.setdefault(sector[t], set()).add(s)
# one look per sector, a different one for each
assert all(len(v) == 1 for v in by.values()), by
looks = [list(v)[0] for v in by.values()]
assert len(set(looks)) == len(looks), by
assert len(set(l[0] + (l[0] == 'path' and '' or '') for l in looks)) >= 2
assert by['school'] == {('rect', '#0b4f9c')}, by['school']
for label in ('School', 'Health', 'Social services', 'Child protection', 'Local government',
              'Parents’ association', 'Non-profit', 'Trusted by families'):
    assert '>' + label + '<' in svg or label in svg, label
PY
then pass vocab/map-markers-and-legend; else fail vocab/map-markers-and-legend "see $M"; fi

# ---- the schemas use the project's lists -----------------------------------
Q=$T/wrong
cp -R "$ROOT/tests/vocab/child-protection" "$Q"
sed -i 's/sector = "ngo"/sector = "police"/' "$Q/lua/data/stakeholders.lua"
sed -i 's/kind = "network"/kind = "joint-committee"/' "$Q/lua/data/consultations.lua"
sed -i 's/decision = "inform"/decision = "avoid"/' "$Q/lua/data/screening.lua"
(cd "$Q" && "$PACTKIT" check . >/dev/null 2>"$T/wrong.err")
check vocab/schema-sector-from-vocab grep -qF 'stakeholders[9].sector: expected one of school, health, social-services, child-protection, local-government, parents, ngo, got string "police"' "$T/wrong.err"
check vocab/schema-kind-from-vocab grep -qF 'consultations[2].kind: expected one of bilateral, network, training, got string "joint-committee"' "$T/wrong.err"
check vocab/schema-decision-from-vocab grep -qF 'screening[3].decision: expected one of partner, involve, inform, got string "avoid"' "$T/wrong.err"
# a screening file with the default questions' fields: unknown here
sed -i 's/families = "yes"/trusted = "yes"/' "$Q/lua/data/screening.lua"
(cd "$Q" && "$PACTKIT" check . >/dev/null 2>"$T/wrong2.err")
check vocab/schema-questions-from-vocab grep -qF "screening[1]: unknown field 'trusted'" "$T/wrong2.err"

# ---- mistakes in lua/vocab.lua, at their place ---------------------------
V=$T/bad
cp -R "$ROOT/tests/vocab/child-protection" "$V"
sed -i 's/marker = { shape = "plus", colour = "#0f6e43" }/marker = { shape = "square", colour = "#0f6e4" }/' "$V/lua/vocab.lua"
sed -i 's/{ id = "network", label/{ id = "bilateral", label/' "$V/lua/vocab.lua"
sed -i 's/{ id = "refers", label/{ id = "who", label/' "$V/lua/vocab.lua"
(cd "$V" && "$PACTKIT" check . >/dev/null 2>"$T/bad.err")
check vocab/error-fails test $? -eq 1
check vocab/error-shape-twice grep -qF 'lua/vocab.lua:8:18: error: sectors[2].marker.shape: "square" is the shape of sector '"'school'"' too (line 6)' "$T/bad.err"
check vocab/error-colour grep -qF 'lua/vocab.lua:8:36: error: sectors[2].marker.colour: expected a colour "#rrggbb", got "#0f6e4"' "$T/bad.err"
check vocab/error-duplicate-id grep -qF 'lua/vocab.lua:28:7: error: meeting_kinds[2].id: duplicate id "bilateral": meeting_kinds[1].id has it too (line 27:7)' "$T/bad.err"
check vocab/error-question-named-as-a-field grep -qF 'lua/vocab.lua:40:7: error: screening_questions[4].id: "who" is a field of screening.lua already' "$T/bad.err"
V=$T/twelve
cp -R "$ROOT/tests/vocab/child-protection" "$V"
i=1
while [ $i -le 5 ]; do
	sed -i "s/^  sectors = {$/  sectors = {\n    { id = \"extra$i\", label = \"Extra $i\" },/" "$V/lua/vocab.lua"
	i=$((i + 1))
done
(cd "$V" && "$PACTKIT" check . >/dev/null 2>"$T/twelve.err")
check vocab/error-twelfth-sector grep -qF 'error: sectors[12]: no marker shape left: the stakeholder map tells sectors apart by 11 shapes' "$T/twelve.err"
V=$T/nonotice
cp -R "$ROOT/tests/vocab/child-protection" "$V"
sed -i 's/^  notice = .*$/  notice = { fr = " ",/' "$V/lua/vocab.lua"
(cd "$V" && "$PACTKIT" check . >/dev/null 2>"$T/nonotice.err")
check vocab/error-empty-notice grep -qF 'error: notice: every worksheet carries a safety notice: expected its words, got an empty text' "$T/nonotice.err"
# an interface string of the old topic keys, in the project's i18n: said
V=$T/oldkey
cp -R "$ROOT/tests/vocab/child-protection" "$V"
sed -i 's/^return {$/return {\n  ["sector.other"] = "Autre",/' "$V/lua/i18n/fr.lua"
(cd "$V" && "$PACTKIT" check . >/dev/null 2>"$T/oldkey.err")
check vocab/old-i18n-key-warned grep -qF "lua/i18n/fr.lua:2:3: warning: 'sector.other' is not an interface string any more: the topic's words are in lua/vocab.lua (sectors)" "$T/oldkey.err"

# ---- the project's own interface strings: used, never warned about -------
check vocab/own-i18n-keys-used grep -q 'This year’s referrals' "$P/output/site/en/tools/index.html"
check vocab/own-i18n-keys-no-warning sh -c "! grep -q 'interface string' '$T/check.err' '$T/build.err'"

# ---- the agreement's contents number each article once ------------------
if /usr/bin/python3 - "$P/output/site/en/tools/agreement/index.html" <<'PY'
import re, sys
h = open(sys.argv[1]).read()
toc = h[h.index('class="pk-toc"'):]
toc = toc[:toc.index('</nav>')]
items = re.findall(r'<li( value="(\d+)")?><a href="#[^"]*">([^<]*)</a>', toc)
arts = [(v, t) for _, v, t in items if v]
assert len(arts) >= 10, items
assert all(not re.match(r'\d+\. ', t) for _, _, t in items), items
assert [int(v) for v, _ in arts] == list(range(1, len(arts) + 1)), arts
assert arts[0][1] == 'Parties', arts[0]
PY
then pass vocab/contents-number-articles-once; else fail vocab/contents-number-articles-once "see the toc of $P/output/site/en/tools/agreement/index.html"; fi

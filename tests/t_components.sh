#!/bin/sh
# The seven built-in components (lua/builtin/components/*.lua), through
# `pactkit render --project tests/golden/components`:
#  - golden: each component, filled and blank, in French and English,
#    compared with tests/golden/components/expected/<lang>-<name>.html
#    (`make golden` rewrites them, never a test run; review with git diff);
#  - what a user would notice: one marker per stakeholder, no two texts of
#    the map on top of each other, answers in words, every MoU section in
#    both languages, budget totals, every form field labelled, room to
#    write, data errors at the data file's line.
. "$ROOT/tests/lib.sh"
G=$ROOT/tests/golden/components
W=$(tmpdir components)
NAMES="stakeholder-map partner-screening mou action-plan consultation-log case-study data-table"

render() {      # render LANG NAME [extra options]: HTML in $W/LANG-NAME.html
	lang=$1 name=$2; shift 2
	(cd "$G" && "$PACTKIT" render --project . "$@" "content/$lang/$name.md") \
	    >"$W/$lang-$name.html" 2>"$W/$lang-$name.err"
}

# ---- golden ---------------------------------------------------------------

for lang in fr en; do
	for name in $NAMES; do
		t=components/golden/$lang-$name
		if ! render $lang $name; then
			fail $t "render failed: $(head -c 400 "$W/$lang-$name.err")"
			continue
		fi
		if [ ! -f "$G/expected/$lang-$name.html" ]; then
			fail $t "no expected/$lang-$name.html (\`make golden\` writes it)"
		elif diff -u "$G/expected/$lang-$name.html" "$W/$lang-$name.html" >"$W/$lang-$name.diff"; then
			pass $t
		else
			fail $t "differs from expected: $(head -c 600 "$W/$lang-$name.diff")"
		fi
		# an interface string missing from lua/builtin/i18n shows as its key
		if grep -q 'unknown interface string' "$W/$lang-$name.err"; then
			fail components/i18n/$lang-$name "$(grep 'unknown interface string' "$W/$lang-$name.err" | sed 's/.*string //' | sort -u | tr '\n' ' ')"
		else
			pass components/i18n/$lang-$name
		fi
	done
done

# ---- checks over the HTML (lua5.4: Lua patterns, no HTML library) ---------

cat >"$W/check.lua" <<'EOF'
-- lua5.4 check.lua WHAT FILE [ARGS]: prints "ok" or the reason it fails.
local what, file = arg[1], arg[2]
local f = assert(io.open(file)); local html = f:read("a"); f:close()

local function attr(tag, name)
  return tag:match('%s' .. name .. '="([^"]*)"')
end
local function unescape(s)
  return (s:gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&quot;", '"'):gsub("&#39;", "'"):gsub("&amp;", "&"))
end
-- no-break spaces (the typography puts them in French) as plain ones
local function plain(s)
  return (s:gsub("\u{a0}", " "):gsub("\u{202f}", " "))
end

-- Liberation Sans advance widths (1/1000 em), ASCII 32..126; other
-- characters: the accented letters as their base, else 556.
local W = { 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,
  278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
  584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
  667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
  278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 }
local function width(s, size)
  local w = 0
  for _, cp in utf8.codes(s) do
    if cp >= 32 and cp < 127 then w = w + W[cp - 31]
    elseif cp == 0x2019 or cp == 0x2018 then w = w + 222
    elseif cp == 0x202f then w = w + 200
    elseif cp == 0xa0 then w = w + 278
    elseif cp == 0xee or cp == 0xef or cp == 0xec or cp == 0xed then w = w + 278
    else w = w + 556 end
  end
  return w * size / 1000
end

local function svgs()
  local out = {}
  for s in html:gmatch("<svg.-</svg>") do out[#out + 1] = s end
  return out
end

local function texts(svg)
  local out = {}
  for tag, body in svg:gmatch("<text(.-)>(.-)</text>") do
    local x, y = tonumber(attr(tag, "x")), tonumber(attr(tag, "y"))
    local fs = tonumber(attr(tag, "font%-size")) or 16
    local anchor = attr(tag, "text%-anchor") or "start"
    local s = unescape(body)
    local w = width(s, fs)
    local x0 = anchor == "end" and x - w or anchor == "middle" and x - w / 2 or x
    out[#out + 1] = { s = s, x0 = x0, x1 = x0 + w, y0 = y - 0.75 * fs, y1 = y + 0.2 * fs,
      label = attr(tag, "class") == "pk-label" }
  end
  return out
end

local function markers(svg)
  local out = {}
  for tag in svg:gmatch("<g([^>]*)>") do
    if attr(tag, "class") == "pk-marker" then
      local x, y = attr(tag, "transform"):match("translate%(([-%d.]+),([-%d.]+)%)")
      out[#out + 1] = { x = tonumber(x), y = tonumber(y) }
    end
  end
  return out
end

local function fail(msg) print(msg); os.exit(0) end

if what == "markers" then            -- markers FILE N: N markers in the first map
  local m = markers(svgs()[1] or "")
  if #m ~= tonumber(arg[3]) then fail(#m .. " markers for " .. arg[3] .. " stakeholders") end
  for i = 1, #m do for j = i + 1, #m do
    local d = math.sqrt((m[i].x - m[j].x) ^ 2 + (m[i].y - m[j].y) ^ 2)
    if d < 14 then fail(("markers %d and %d are %.1f apart: one hides the other"):format(i, j, d)) end
  end end
elseif what == "overlap" then        -- no two texts of a drawing overlap
  for _, svg in ipairs(svgs()) do
    local t = texts(svg)
    for i = 1, #t do for j = i + 1, #t do
      local a, b = t[i], t[j]
      if a.x1 > b.x0 + 0.5 and b.x1 > a.x0 + 0.5 and a.y1 > b.y0 + 0.5 and b.y1 > a.y0 + 0.5 then
        fail(("'%s' overlaps '%s'"):format(a.s, b.s))
      end
    end end
    -- and no label covers a marker
    for _, m in ipairs(markers(svg)) do
      for _, a in ipairs(t) do
        if a.label and a.x1 > m.x - 6 and a.x0 < m.x + 6 and a.y1 > m.y - 6 and a.y0 < m.y + 6 then
          fail(("label '%s' covers the marker at %s,%s"):format(a.s, m.x, m.y))
        end
      end
    end
  end
elseif what == "svg-a11y" then       -- role=img, aria-labelledby -> title and desc
  for _, svg in ipairs(svgs()) do
    local tag = svg:match("^<svg([^>]*)>")
    if attr(tag, "role") ~= "img" then fail("svg without role=img") end
    if not attr(tag, "viewBox") then fail("svg without viewBox") end
    local ids = attr(tag, "aria%-labelledby") or ""
    local t, d = ids:match("^(%S+) (%S+)$")
    if not t then fail("aria-labelledby must name the title and the desc: " .. ids) end
    local function esc(x) return (x:gsub("%p", "%%%0")) end
    if not svg:find('<title id="' .. esc(t) .. '">[^<]+</title>') then fail("no title " .. t) end
    if not svg:find('<desc id="' .. esc(d) .. '">[^<]+</desc>') then fail("no desc " .. d) end
  end
elseif what == "labels" then         -- every field has a label for= its id; ids unique
  local ids, fors, n = {}, {}, 0
  for tag in html:gmatch("<label([^>]*)>") do fors[attr(tag, "for") or ""] = true end
  for el, tag in html:gmatch("<(%a+)([^>]*)>") do
    local id = attr(tag, "id")
    if id then
      if ids[id] then fail("id " .. id .. " used twice") end
      ids[id] = true
    end
    if el == "input" or el == "textarea" then
      n = n + 1
      if not id then fail(el .. " without id") end
      if not fors[id] then fail(el .. " " .. id .. " has no label") end
      if not attr(tag, "name") then fail(el .. " " .. id .. " has no name") end
    end
  end
  if n == 0 then fail("no form fields") end
  for tag in html:gmatch("<form([^>]*)>") do
    if attr(tag, "class") ~= "pk-form" or not attr(tag, "data%-pk%-form") then
      fail("a form without class pk-form and data-pk-form")
    end
  end
elseif what == "lines" then          -- (on --dump-tree) room to write
  local n = 0
  for el, tag in html:gmatch("<(%a+)([^>]*)>") do
    if el == "textarea" then
      n = n + 1
      local l = tonumber(attr(tag, "data%-pk%-lines"))
      if not l or l < 2 then fail("textarea " .. (attr(tag, "name") or "?") .. " with data-pk-lines " .. tostring(l)) end
    elseif el == "input" and attr(tag, "type") == "text" then
      if not attr(tag, "data%-pk%-lines") then fail("input " .. (attr(tag, "name") or "?") .. " without data-pk-lines") end
    end
  end
  if n == 0 then fail("no textarea") end
elseif what == "headings" then       -- headings FILE "A|B|C": the h3 texts, in order
  local want, got = arg[3], {}
  for t in html:gmatch("<h3[^>]*>(.-)</h3>") do got[#got + 1] = plain(unescape(t)) end
  local n = select(2, want:gsub("|", "")) + 1
  local first = table.concat(got, "|", 1, math.min(#got, n))
  if first ~= want then fail("headings: " .. first) end
elseif what == "count" then          -- count FILE PATTERN N
  local n = select(2, html:gsub(arg[3], ""))
  if n ~= tonumber(arg[4]) then fail(("%d × %s, expected %s"):format(n, arg[3], arg[4])) end
elseif what == "has" then            -- has FILE TEXT: TEXT is in FILE (any kind of space)
  if not plain(html):find(arg[3], 1, true) then fail("no [" .. arg[3] .. "]") end
elseif what == "answers" then        -- answers FILE "Oui|En partie|Non|Inconnu"
  local ok = {}
  for w in arg[3]:gmatch("[^|]+") do ok[w] = true end
  local n = 0
  for body in html:gmatch('<td class="pk%-answer[^"]*">(.-)</td>') do
    n = n + 1
    if not ok[body] then fail("answer not in words: " .. body) end
  end
  if n == 0 then fail("no answers") end
end
print("ok")
EOF

# check NAME WHAT FILE [ARGS]: PASS when check.lua says ok
lcheck() {
	n=$1; shift
	r=$(lua5.4 "$W/check.lua" "$@" 2>&1)
	if [ "$r" = ok ]; then pass "$n"; else fail "$n" "$r"; fi
}

NSTAKE=$(grep -c '^  { id = ' "$G/lua/data/stakeholders.lua")
for lang in fr en; do
	h=$W/$lang-stakeholder-map.html
	lcheck components/map/$lang-one-marker-each markers "$h" "$NSTAKE"
	lcheck components/map/$lang-no-overlap overlap "$h"
	lcheck components/map/$lang-svg-accessible svg-a11y "$h"
	# the table after the figure: one row per stakeholder (+ 3 blank rows)
	lcheck components/map/$lang-table-rows count "$h" '<th scope="row">' $((NSTAKE + 3))
	lcheck components/map/$lang-blank-labelled labels "$h"
	if grep -q 'no free room' "$W/$lang-stakeholder-map.err"; then
		fail components/map/$lang-labels-placed "$(cat "$W/$lang-stakeholder-map.err")"
	else
		pass components/map/$lang-labels-placed
	fi
done

# The repository's own, more crowded, stakeholder data.
for lang in fr en; do
	d=$W/real/content/$lang; mkdir -p "$d"
	printf '+++\ntitle = "map"\n+++\n\n```{stakeholder-map}\n```\n' >"$d/map.md"
	if "$PACTKIT" render --project "$ROOT" "$d/map.md" >"$W/real-$lang.html" 2>"$W/real-$lang.err"; then
		n=$(grep -c '^ *{ *id = ' "$ROOT/lua/data/stakeholders.lua")
		lcheck components/map/real-$lang-one-marker-each markers "$W/real-$lang.html" "$n"
		lcheck components/map/real-$lang-no-overlap overlap "$W/real-$lang.html"
	else
		fail components/map/real-$lang "render failed: $(head -c 400 "$W/real-$lang.err")"
	fi
done

# The map's labels against everything else of the drawing, from the SVG
# geometry and from the PDF as printed (tests/map/mapcheck.py): the test
# maps, then crowded fictional data, a dozen actors on four cells (the
# middle values, the corners under the quadrant names, all in one cell,
# twenty-five spread out).
MAPCHECK="/usr/bin/python3 $ROOT/tests/map/mapcheck.py"
pcheck() {      # pcheck NAME ARGS...: PASS when mapcheck.py says ok
	n=$1; shift
	if r=$($MAPCHECK "$@" 2>&1); then pass "$n"; else fail "$n" "$(echo "$r" | head -5 | tr '\n' ';')"; fi
}
for lang in fr en; do
	pcheck components/map/$lang-labels-clear svg "$W/$lang-stakeholder-map.html"
	lcheck components/map/$lang-middle-values has "$W/$lang-stakeholder-map.html" \
	    "$(lua5.4 -e "print(dofile('$ROOT/lua/builtin/i18n/$lang.lua')['map.middle'])" | sed 's/[:;]/\n/' | head -1)"
done
C=$ROOT/tests/map/crowded
for lang in fr en; do
	for set in a b c d e; do
		n=components/map/crowded-$lang-$set
		if ! (cd "$C" && "$PACTKIT" render --project . "content/$lang/crowd-$set.md") \
		    >"$W/crowd-$lang-$set.html" 2>"$W/crowd-$lang-$set.err"; then
			fail $n "render failed: $(head -c 300 "$W/crowd-$lang-$set.err")"
			continue
		fi
		pcheck $n-svg svg "$W/crowd-$lang-$set.html"
		(cd "$C" && "$PACTKIT" render --project . --pdf "$W/crowd-$lang-$set.pdf" \
		    --dump-layout "$W/crowd-$lang-$set.dump" "content/$lang/crowd-$set.md") 2>/dev/null
		pcheck $n-pdf pdf "$W/crowd-$lang-$set.pdf" "$W/crowd-$lang-$set.dump" \
		    "$W/crowd-$lang-$set.html"
	done
	# a dozen on four cells: every name on the map, none in the legend
	for set in a b c; do
		lcheck components/map/crowded-$lang-$set-named count "$W/crowd-$lang-$set.html" \
		    'class="pk%-marker"' 12
		check components/map/crowded-$lang-$set-no-warning test ! -s "$W/crowd-$lang-$set.err"
	done
done

lcheck components/screening/fr-answers-in-words answers "$W/fr-partner-screening.html" "Oui|En partie|Non|Inconnu"
lcheck components/screening/en-answers-in-words answers "$W/en-partner-screening.html" "Yes|Partly|No|Unknown"
check components/screening/fr-why grep -q 'Seul lieu d’hébergement sûr.' "$W/fr-partner-screening.html"
check components/screening/en-decision grep -q '<td class="pk-decision">Monitor</td>' "$W/en-partner-screening.html"

FR_MOU="1. Parties|2. Préambule|3. Objet|4. Champ d’application|5. Principes directeurs|6. Rôles et responsabilités|7. Coordination|8. Plan de travail conjoint et calendrier|9. Communication et gestion des risques|10. Confidentialité et protection des données|11. Code de conduite|12. Budget|13. Suivi, évaluation et révision|14. Durée|15. Règlement des différends|16. Résiliation|17. Signatures|18. Annexes"
EN_MOU="1. Parties|2. Preamble|3. Purpose|4. Scope|5. Guiding principles|6. Roles and responsibilities|7. Coordination|8. Joint work plan and timeline|9. Communication and risk mitigation|10. Confidentiality and data protection|11. Code of conduct|12. Budget|13. Monitoring, evaluation and review|14. Duration|15. Dispute resolution|16. Termination|17. Signatures|18. Annexes"
lcheck components/mou/fr-sections headings "$W/fr-mou.html" "$FR_MOU"
lcheck components/mou/en-sections headings "$W/en-mou.html" "$EN_MOU"
# budget: a total per party and overall, in the page's number format
lcheck components/mou/fr-budget-totals has "$W/fr-mou.html" '1 750 000 XOF'
lcheck components/mou/fr-budget-total has "$W/fr-mou.html" '5 350 000 XOF'
lcheck components/mou/en-budget-totals has "$W/en-mou.html" 'XOF 1,750,000'
lcheck components/mou/en-budget-total has "$W/en-mou.html" 'XOF 5,350,000'
# 24 months from March 1, 2027: the last day is February 28, 2029
lcheck components/mou/en-end-date has "$W/en-mou.html" 'February 28, 2029'
lcheck components/mou/fr-dates has "$W/fr-mou.html" '15 février 2027'
# the minimal MoU has no confidentiality clause: the article is there anyway
sed -n '/<h2 class="pk-mou-title">MoU</,/<form/p' "$W/en-mou.html" >"$W/en-mou-min.html"
check components/mou/confidentiality-always grep -q '<h3>.*Confidentiality and data protection</h3>' "$W/en-mou-min.html"
# the blank MoU: 3 party blocks, 3 signature blocks, labelled fields
for lang in fr en; do
	sed -n '/<form/,/<\/form>/p' "$W/$lang-mou.html" >"$W/$lang-mou-blank.html"
	lcheck components/mou/$lang-blank-labelled labels "$W/$lang-mou-blank.html"
	lcheck components/mou/$lang-blank-parties count "$W/$lang-mou-blank.html" 'name="party%d%-name"' 3
	lcheck components/mou/$lang-blank-signatures count "$W/$lang-mou-blank.html" '<fieldset class="pk%-signature[ "]' 3
	check components/mou/$lang-blank-warning grep -q 'class="pk-note"' "$W/$lang-mou-blank.html"
done
(cd "$G" && "$PACTKIT" render --project . --dump-tree content/fr/mou.md) >"$W/fr-mou.tree" 2>/dev/null
sed -n '/<form/,/<\/form>/p' "$W/fr-mou.tree" >"$W/fr-mou-blank.tree"
lcheck components/mou/blank-room-to-write lines "$W/fr-mou-blank.tree"

for lang in fr en; do
	h=$W/$lang-action-plan.html
	lcheck components/plan/$lang-blank-labelled labels "$h"
	# rows = 3: 3 rows of 4 fields and 4 boxes to tick (the level)
	lcheck components/plan/$lang-blank-rows count "$h" 'name="action%d%-' 24
	lcheck components/plan/$lang-blank-level count "$h" 'name="action%d%-level" type="radio"' 12
done
lcheck components/plan/fr-steps headings "$W/fr-action-plan.html" "Étape 1 : analyse du problème|Étape 2 : vision du changement|Étape 3 : le plan|Étape 4 : suivi"
lcheck components/plan/en-steps headings "$W/en-action-plan.html" "Step 1: problem analysis|Step 2: vision of the change|Step 3: the plan|Step 4: monitoring"
check components/plan/en-level grep -q '<td>Regional</td>' "$W/en-action-plan.html"
check components/plan/en-who grep -q 'Green Valley police unit, Green Valley women’s collective' "$W/en-action-plan.html"

for lang in fr en; do
	h=$W/$lang-consultation-log.html
	lcheck components/log/$lang-blank-labelled labels "$h"
	lcheck components/log/$lang-blank-meetings count "$h" 'name="m%d%-date"' 2
	lcheck components/log/$lang-blank-kind count "$h" 'name="m%d%-kind" type="radio"' 6
	check components/log/$lang-blank-warning grep -q 'class="pk-note"' "$h"
	lcheck components/log/$lang-rows count "$h" '<th scope="row"><time' 2
done
check components/log/en-follow-up grep -q 'Draft procedure (Green Valley women’s collective, <time datetime="2027-04-07">April 7, 2027</time>)' "$W/en-consultation-log.html"

for lang in fr en; do
	h=$W/$lang-case-study.html
	check components/case/$lang-figure grep -q '<figure class="pk-component pk-case-study">' "$h"
	check components/case/$lang-meta grep -q '<p class="pk-meta">' "$h"
	lcheck components/case/$lang-blank-labelled labels "$h"
done
check components/case/en-as-of grep -q 'as of 2010' "$W/en-case-study.html"

check components/table/fr-header grep -q '<th scope="col">Organisation</th>' "$W/fr-data-table.html"
check components/table/fr-sector grep -q '<td>Hébergement</td>' "$W/fr-data-table.html"
check components/table/en-boolean grep -q '<td>No</td>' "$W/en-data-table.html"
check components/table/fr-boolean grep -q '<td>Oui</td>' "$W/fr-data-table.html"
# default columns: every scalar field of the first record, sorted
lcheck components/table/default-columns count "$W/en-data-table.html" '<th scope="col">' $((4 + 7 + 2))
lcheck components/table/blank-labelled labels "$W/en-data-table.html"

# years are not quantities: a data file's year column reads 2026, never
# "2,026" or "2 026"; other numbers keep the page's grouping
p=$W/table-years; rm -rf "$p"; cp -R "$G" "$p"
printf 'return {\n  { year = 2026, as_of = 2025, reports_year = 2024, pupils = 1250 },\n}\n' > "$p/lua/data/terms.lua"
for lang in fr en; do
	printf '```{data-table}\nsource = "terms"\ncolumns = { "year", "as_of", "reports_year", "pupils" }\n```\n' > "$p/content/$lang/terms.md"
	(cd "$p" && "$PACTKIT" render --project . "content/$lang/terms.md") >"$p/$lang.html" 2>"$p/$lang.err"
	check components/table/$lang-years-as-written sh -c "grep -q '<th scope=\"row\">2026</th>' '$p/$lang.html' && grep -q '<td class=\"pk-num\">2025</td>' '$p/$lang.html' && grep -q '<td class=\"pk-num\">2024</td>' '$p/$lang.html'"
done
check components/table/en-quantity-grouped grep -q '<td class="pk-num">1,250</td>' "$p/en.html"

# ---- errors a user would make ----------------------------------------------

# expect NAME FILE-TO-EDIT SED-SCRIPT PAGE STDERR-FIXED-STRING
expect_error() {
	n=$1 file=$2 script=$3 page=$4 want=$5
	p=$W/err-$(echo "$n" | tr / -)
	rm -rf "$p"; cp -R "$G" "$p"
	sed -i "$script" "$p/$file"
	(cd "$p" && "$PACTKIT" render --project . "$page") >"$p.out" 2>"$p.err"
	rc=$?
	if [ $rc -ne 1 ]; then
		fail "$n" "exit $rc, expected 1; stderr: $(head -c 300 "$p.err")"
	elif ! grep -qF -- "$want" "$p.err"; then
		fail "$n" "stderr lacks [$want]; got: $(head -c 400 "$p.err")"
	else
		pass "$n"
	fi
}
line=$(grep -n 'id = "court"' "$G/lua/data/stakeholders.lua" | cut -d: -f1)
expect_error components/error/influence-range lua/data/stakeholders.lua \
    's/influence = 5, support = -1/influence = 7, support = -1/' content/fr/stakeholder-map.md \
    "lua/data/stakeholders.lua:$((line + 1)):45: error: stakeholders[6].influence: expected an integer from 1 to 5, got number 7"
expect_error components/error/no-survivor-field lua/data/stakeholders.lua \
    's/sector = "media",/sector = "media", survivor_name = "X",/' content/en/stakeholder-map.md \
    "unknown field 'survivor_name'"
expect_error components/error/screening-answer lua/data/screening.lua \
    's/trusted = "yes"/trusted = "maybe"/' content/en/partner-screening.md \
    'screening[2].trusted: expected one of yes, partly, no, unknown, got string "maybe"'
expect_error components/error/mou-party-ref lua/data/mou.lua \
    's/{ who = "shelter", items/{ who = "shelterr", items/' content/en/mou.md \
    'unknown id "shelterr"'
expect_error components/error/case-unknown-id content/en/case-study.md \
    's/id = "sierra-leone"/id = "sierra"/' content/en/case-study.md \
    'content/en/case-study.md:6:1: error: id: expected one of albania, sierra-leone, got string "sierra"'
expect_error components/error/unknown-argument content/en/mou.md \
    's/source = "mou_min"/sourse = "mou_min"/' content/en/mou.md \
    "unknown field 'sourse'; did you mean 'source'?"
expect_error components/error/plan-level lua/data/action_plan.lua \
    's/level = "regional"/level = "district"/' content/fr/action-plan.md \
    'expected one of local, regional, provincial, national, got string "district"'

#!/bin/sh
# What a user reads: each mistake said once (not once per language, not
# once per forked writer), with file:line:col; every mismatch of a data
# file, not only the first; no cascade after a data file that fails; a
# closing line with the counts for check and build; duplicate ids and
# fields given twice; a document's missing pages said by check too;
# the build summary counting the files it made; drafts left out.
. "$ROOT/tests/lib.sh"
T=$(tmpdir messages)

# proj DIR: a bilingual project whose pages (one per language) show the
# stakeholder map of lua/data/stakeholders.lua
proj() {
	mkdir -p "$1/lua/data" "$1/content/fr" "$1/content/en"
	cat > "$1/lua/site.lua" <<'EOF'
return { title = { fr = "Essai", en = "Trial" }, languages = { "fr", "en" },
  documents = { { id = "carte", pages = { "home" } } } }
EOF
	for l in fr en; do
		printf '+++\ntitle = "Carte"\n+++\n\n```{stakeholder-map}\n```\n' > "$1/content/$l/index.md"
	done
	cat > "$1/lua/data/stakeholders.lua" <<'EOF'
return {
  { id = "a", name = "A", sector = "health", level = "local",
    influence = 4, support = 1 },
  { id = "b", name = "B", sector = "health", level = "local",
    influence = 2, support = 2 },
}
EOF
}

# ---- one mistake, one error: in text and in --format json ----------------
P=$T/once
proj "$P"
sed -i 's/influence = 4/influence = 9/' "$P/lua/data/stakeholders.lua"
(cd "$P" && "$PACTKIT" check . >"$T/once.out" 2>"$T/once.err")
check messages/data-error-fails-check test $? -eq 1
n=$(grep -c 'error:' "$T/once.err")
if [ "$n" -eq 1 ]; then pass messages/data-error-said-once
else fail messages/data-error-said-once "said $n times for two languages: $(head -c 400 "$T/once.err")"; fi
check messages/data-error-column grep -qF 'lua/data/stakeholders.lua:3:5: error: stakeholders[1].influence: expected an integer from 1 to 5, got number 9' "$T/once.err"
(cd "$P" && "$PACTKIT" check --format json . >"$T/once.json" 2>/dev/null)
if /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
e=[x for x in d['diagnostics'] if x['level']=='error']; \
sys.exit(0 if d['errors']==1 and len(e)==1 and e[0]['column']==5 else 1)" "$T/once.json"; then
	pass messages/json-counts-one-error
else
	fail messages/json-counts-one-error "$(head -c 400 "$T/once.json")"
fi

# ---- a closing line: check and build, failed or not ----------------------
check messages/check-failed-summary grep -qx 'pactkit: check failed: 1 error, 0 warnings' "$T/once.err"
(cd "$P" && "$PACTKIT" build . >/dev/null 2>"$T/once-build.err")
check messages/build-failed-summary grep -qx 'pactkit: build failed; ./output left as it was: 1 error, 0 warnings' "$T/once-build.err"
P=$T/fine
proj "$P"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/fine.err")
check messages/check-ok-summary grep -qx 'pactkit: checked 2 pages: 0 errors, 0 warnings' "$T/fine.err"
(cd "$P" && "$PACTKIT" build . >/dev/null 2>"$T/fine-build.err")
check messages/build-ok-summary grep -q '^pactkit: built ./output in .*: fr: 1 page, 1 PDF; en: 1 page, 1 PDF; no sitemap.xml (no base_url in lua/site.lua); 0 errors, 0 warnings$' "$T/fine-build.err"

# ---- every mismatch of a data file, each at its field --------------------
P=$T/all
proj "$P"
cat > "$P/lua/data/stakeholders.lua" <<'EOF'
return {
  { id = "a", name = "A", sector = "helth", level = "local",
    influence = 4, support = 1 },
  { id = "b", name = "B", sector = "health", level = "locale",
    influence = 2, support = 7, nmae = "x" },
}
EOF
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/all.err")
ok=1
for want in \
    'lua/data/stakeholders.lua:2:27: error: stakeholders[1].sector: expected one of' \
    'lua/data/stakeholders.lua:4:46: error: stakeholders[2].level: expected one of' \
    'lua/data/stakeholders.lua:5:33: error: stakeholders[2]: unknown field '"'"'nmae'"'" \
    'lua/data/stakeholders.lua:5:20: error: stakeholders[2].support: expected an integer from -2 to 2, got number 7'; do
	grep -qF "$want" "$T/all.err" || { ok=0; fail messages/every-mismatch-said "lacks [$want]: $(head -c 600 "$T/all.err")"; break; }
done
[ $ok = 1 ] && pass messages/every-mismatch-said
check messages/every-mismatch-counted grep -qx 'pactkit: check failed: 4 errors, 0 warnings' "$T/all.err"

# ---- a Lua syntax error: said with its column, and nothing after it ------
P=$T/syntax
proj "$P"
sed -i 's/sector = "health", level = "local",$/sector = "health" level = "local",/' "$P/lua/data/stakeholders.lua"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/syntax.err")
check messages/syntax-error-column grep -qF "lua/data/stakeholders.lua:2:45: error: '}' expected near 'level'" "$T/syntax.err"
n=$(grep -c 'error:' "$T/syntax.err")
if [ "$n" -eq 1 ] && ! grep -q 'builtin' "$T/syntax.err"; then pass messages/no-cascade-after-failed-data
else fail messages/no-cascade-after-failed-data "$n errors: $(head -c 600 "$T/syntax.err")"; fi

# ---- front matter: the column of the field ------------------------------
P=$T/fm
proj "$P"
printf '+++\ntitle = "Carte"\n  weight = "un"\n+++\n\nTexte.\n' > "$P/content/fr/index.md"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/fm.err")
check messages/frontmatter-column grep -qF 'content/fr/index.md:3:3: error: weight: expected an integer, got string "un"' "$T/fm.err"

# ---- duplicate ids, fields given twice -----------------------------------
P=$T/dup
proj "$P"
sed -i 's/id = "b"/id = "a"/' "$P/lua/data/stakeholders.lua"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/dup.err")
check messages/duplicate-id-fails test $? -eq 1
check messages/duplicate-id-both-lines grep -qF 'lua/data/stakeholders.lua:4:5: error: stakeholders[2].id: duplicate id "a": stakeholders[1].id has it too (line 2:5)' "$T/dup.err"
P=$T/twice
proj "$P"
cat > "$P/lua/data/examples.lua" <<'EOF'
return {
  ["pays-a"] = { country = "A" },
  ["pays-a"] = { country = "B" },
}
EOF
printf '\n```{data-table}\nsource = "examples"\n```\n' >> "$P/content/fr/index.md"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/twice.err")
check messages/field-given-twice grep -qF "lua/data/examples.lua:3:3: error: '[\"pays-a\"]' is given twice in one table (first at line 2:3)" "$T/twice.err"

# ---- many pages: forked writers say a data error once --------------------
P=$T/big
proj "$P"
sed -i 's/influence = 4/influence = 9/' "$P/lua/data/stakeholders.lua"
for l in fr en; do
	i=1
	while [ $i -le 60 ]; do
		printf '+++\ntitle = "P%s"\n+++\n\n```{stakeholder-map}\n```\n' $i > "$P/content/$l/p$i.md"
		i=$((i + 1))
	done
done
(cd "$P" && "$PACTKIT" build --format json . >"$T/big.json" 2>/dev/null)
if /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
sys.exit(0 if d['errors']==1 else 1)" "$T/big.json"; then
	pass messages/forked-writers-say-once
else
	fail messages/forked-writers-say-once "$(head -c 300 "$T/big.json")"
fi

# ---- a document's missing pages: check says what build says --------------
P=$T/docs
proj "$P"
sed -i 's/pages = { "home" }/pages = { "home" } }, { id = "vide", pages = { "nulle-part" }/' "$P/lua/site.lua"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/docs-check.err")
check messages/check-says-missing-doc-page grep -qF "lua/site.lua:2:80: warning: document 'vide': no page in 'fr' matches 'nulle-part'" "$T/docs-check.err"
(cd "$P" && "$PACTKIT" build . >/dev/null 2>"$T/docs-build.err")
check messages/build-says-missing-doc-page grep -qF "document 'vide': no page in 'fr' matches 'nulle-part'" "$T/docs-build.err"
check messages/summary-counts-files-made grep -q 'fr: 1 page, 1 PDF; en: 1 page, 1 PDF; no sitemap.xml (no base_url in lua/site.lua); 0 errors, 4 warnings$' "$T/docs-build.err"
check messages/no-file-for-empty-document test ! -e "$P/output/pdf/fr/vide.pdf"

# ---- drafts: out of the site and the PDFs unless --drafts ----------------
P=$T/drafts
proj "$P"
printf '+++\ntitle = "Brouillon"\nkey = "wip"\ndraft = true\n+++\n\nEn cours.\n' > "$P/content/fr/wip.md"
sed -i 's/pages = { "home" }/pages = { "home", "wip" }/' "$P/lua/site.lua"
(cd "$P" && "$PACTKIT" build . >/dev/null 2>"$T/drafts.err")
check messages/draft-builds test $? -eq 0
check messages/draft-left-out-of-site test ! -e "$P/output/site/fr/wip/index.html"
check messages/draft-left-out-of-pdf sh -c "! pdftotext '$P/output/pdf/fr/carte.pdf' - | grep -q 'En cours'"
check messages/draft-said grep -qF "page 'wip' is a draft in 'fr' (draft = true): left out" "$T/drafts.err"
(cd "$P" && "$PACTKIT" build --drafts . >/dev/null 2>&1)
check messages/drafts-built-on-demand grep -q 'pk-draft' "$P/output/site/fr/wip/index.html"
check messages/drafts-in-pdf-on-demand sh -c "pdftotext '$P/output/pdf/fr/carte.pdf' - | grep -q 'En cours'"
printf '+++\ntitle = "Carte"\n+++\n\n[le brouillon](wip.md)\n' > "$P/content/fr/index.md"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/draft-link.err")
check messages/link-to-draft-says-draft grep -qF "content/fr/index.md:5:1: error: link target 'wip.md' is a draft (draft = true)" "$T/draft-link.err"

# ---- YAML front matter: the same fields as "+++", never a heading --------
P=$T/yaml
proj "$P"
printf -- '---\ntitle: "Pourquoi s’associer"\nkey: why\nweight: 20\nupdated: 2026-11-21\ntags: [guide, partners]\n---\n\nTexte.\n' > "$P/content/fr/pourquoi.md"
printf '+++\ntitle = "Why partner"\nkey = "why"\n+++\n\nText.\n' > "$P/content/en/why.md"
(cd "$P" && "$PACTKIT" build . >/dev/null 2>"$T/yaml.err")
check messages/yaml-builds test $? -eq 0
f=$P/output/site/fr/pourquoi/index.html
check messages/yaml-title grep -q '<title>Pourquoi s’associer' "$f"
check messages/yaml-not-a-heading sh -c "! grep -q 'key: why' '$f'"
check messages/yaml-key-pairs grep -q 'hreflang="en"[^>]*href="../../en/why/"\|href="../../en/why/"[^>]*hreflang="en"' "$f"
check messages/yaml-updated grep -q '21 novembre 2026' "$f"

#!/bin/sh
# PDF writer: fixtures in tests/pdf/ rendered through pdf_render_tree (a
# small driver linked against build/*.o), then a project built with
# pactkit; checked with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm),
# qpdf, and the layout dump (tests/pdf/checklayout.awk).
. "$ROOT/tests/lib.sh"
T=$(tmpdir pdf)
FX=$ROOT/tests/pdf

need pdf-tools pdftotext pdfinfo pdffonts pdftoppm qpdf mutool python3

# ---- the driver -----------------------------------------------------------
# linked against the objects of the binary under test (the sanitized
# ones, build/asan/, under `make asan`): every object of a source that
# is there (not one a removed file left)
objs=$(cd "$ROOT/generator" && for c in */*.c; do
	[ "$c" = run/main.c ] || echo "$ROOT/build/${ASAN:+asan/}${c%.c}.o"; done)
if [ -z "$objs" ] || ! cc -std=c11 -D_DEFAULT_SOURCE ${ASAN:+$ASAN_CFLAGS} \
    $(pkg-config --cflags libxml-2.0) -I"$ROOT/generator" \
    -o "$T/driver" "$FX/driver.c" $objs \
    $(pkg-config --libs libcmark libxml-2.0 lua5.4 libmicrohttpd libzip yaml-0.1 2>/dev/null) \
    -lhpdf -lpng -ljpeg -lhyphen -lz -lm 2>"$T/cc.err"; then
	fail pdf-driver-builds "$(head -3 "$T/cc.err")"
	exit 0
fi
pass pdf-driver-builds

G=$T/guide.pdf
if "$T/driver" "$FX/guide.xhtml" "$G" fr A4 "$T/guide.dump" 2>"$T/guide.err"; then
	pass pdf-renders-guide
else
	fail pdf-renders-guide "$(head -3 "$T/guide.err")"
	exit 0
fi
pdftotext -enc UTF-8 "$G" "$T/guide.txt" 2>"$T/pdftotext.err"
# NBSP and NNBSP as plain spaces, for comparing what tools print.
sp() { sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'; }

# Text extracts exactly (poppler turns NNBSP into a space on the way out).
check pdf-text-extracts-french-quotes grep -q '« Mémorandum d’accord »' "$T/guide.txt"
check pdf-text-extracts-apostrophe-words grep -q 'l’accueil des survivantes' "$T/guide.txt"
# ... while the PDF itself keeps U+202F (NNBSP) and U+00A0.
qpdf --qdf --object-streams=disable "$G" "$T/guide.qdf" 2>/dev/null
check pdf-keeps-nnbsp grep -aqi '202f' "$T/guide.qdf"
# The ToUnicode CMap is a bfrange one: no poppler complaint about it.
if grep -qi 'cmap\|syntax' "$T/pdftotext.err"; then
	fail pdf-tounicode-clean "$(head -2 "$T/pdftotext.err")"
else
	pass pdf-tounicode-clean
fi
check pdf-tounicode-bfrange grep -aq 'beginbfrange' "$T/guide.qdf"

# Fonts: embedded, four serif faces (Charis SIL), sans (Lato), mono.
pdffonts "$G" > "$T/fonts.txt" 2>&1
if awk 'NR > 2 && $0 !~ / yes +yes +yes / { bad = 1 } END { exit bad }' "$T/fonts.txt"; then
	pass pdf-fonts-all-embedded
else
	fail pdf-fonts-all-embedded "$(cat "$T/fonts.txt")"
fi
ok=1
for face in 'CharisSIL ' 'CharisSIL-Bold' 'CharisSIL-Italic' \
    'CharisSIL-BoldItalic' 'Lato' 'LiberationMono'; do
	grep -q "+$face" "$T/fonts.txt" || ok=0
done
[ $ok = 1 ] && pass pdf-fonts-regular-bold-italic-mono ||
	fail pdf-fonts-regular-bold-italic-mono "$(cat "$T/fonts.txt")"

check pdf-qpdf-check qpdf --check "$G"
pages=$(pdfinfo "$G" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 5 ] && pass pdf-pages-count || fail pdf-pages-count "pages=$pages"
if pdfinfo "$G" | sp | grep -q '^Title: *Guide des partenariats : « Mémorandum d’accord »'; then
	pass pdf-info-title
else
	fail pdf-info-title "$(pdfinfo "$G" | grep Title)"
fi
check pdf-info-a4 sh -c "pdfinfo '$G' | grep -q 'Page size: *595.276 x 841.89'"
check pdf-lang-in-catalog grep -aq '/Lang (fr)' "$T/guide.qdf"
# a trailer /ID (PDF/A), derived from the content: see pdf-reproducible
check pdf-trailer-id sh -c "tail -c 700 '$G' | grep -aq '^/ID \\[ <[0-9A-F]\{32\}> <'"

# Bookmarks: one per heading, nested (UTF-16 titles).
qpdf --json --json-key=outlines "$G" > "$T/outlines.json" 2>/dev/null
if sp < "$T/outlines.json" | grep -q '"title": "« Mémorandum d’accord »"'; then
	pass pdf-bookmarks-present
else
	fail pdf-bookmarks-present "no bookmark for the h1"
fi
check pdf-bookmarks-nested grep -q '"title": "Tableau des partenaires"' "$T/outlines.json"

# Links: the external one as a URI (percent-encoded), internal ones as GoTo.
check pdf-uri-link sh -c "pdfinfo -url '$G' | grep -q 'https://example.org/guide?x=1&y=%C3%A9'"
ndest=$(grep -ac '/Dest ' "$T/guide.qdf")
[ "$ndest" -ge 6 ] && pass pdf-internal-links || fail pdf-internal-links "$ndest /Dest"

# Page X of Y, localised.
check pdf-footer-page-x-sur-y grep -q "page 3 sur $pages" "$T/guide.txt"
# Contents: a page number per heading that matches where it is.
tp=$(pdftotext -f 2 -l 2 "$G" - | grep -A3 'Tableau des partenaires' | grep -E '^[0-9]+$' | head -1)
if [ -n "$tp" ] && pdftotext -f "$tp" -l "$tp" "$G" - | grep -q '^Tableau des partenaires'; then
	pass pdf-toc-page-numbers
else
	fail pdf-toc-page-numbers "TOC says '$tp'"
fi

# A table longer than a page: the header row on every page it spans.
p40=$(for i in $(seq 1 "$pages"); do
	pdftotext -f "$i" -l "$i" "$G" - | grep -q 'Partenaire 40' && echo "$i"; done | head -1)
p1=$(for i in $(seq 1 "$pages"); do
	pdftotext -f "$i" -l "$i" "$G" - | grep -q 'Partenaire 1$' && echo "$i"; done | head -1)
if [ -n "$p40" ] && [ "$p40" != "$p1" ] &&
    pdftotext -f "$p40" -l "$p40" "$G" - | grep -q 'Échéance'; then
	pass pdf-table-header-repeated
else
	fail pdf-table-header-repeated "row 40 on page '$p40', row 1 on '$p1'"
fi

# Hyphenation: some lines end in a hyphen (poppler joins them back, so
# read the dump), never inside the French words at a wrong place.
check pdf-hyphenates sh -c "awk '\$2 == \"line\"' '$T/guide.dump' | grep -q '[a-zé]-\$'"
check pdf-hyphen-points-right sh -c "! grep -q '[Mm]émora-\$\|[Mm]émor-\$' '$T/guide.dump'"
# NBSP/NNBSP never break: no line starts with : ; ! ? » or ends with «.
if grep -E '^ ?[:;!?»]' "$T/guide.txt" | grep -v '^$' | grep -q . ||
    grep -q '«$' "$T/guide.txt"; then
	fail pdf-nbsp-no-break "$(grep -E '^ ?[:;!?»]|«$' "$T/guide.txt" | head -2)"
else
	pass pdf-nbsp-no-break
fi

# The layout dump: no line wider than its measure, nothing outside the
# margins, no overlapping boxes.
if awk -f "$FX/checklayout.awk" "$T/guide.dump" > "$T/check.txt"; then
	pass pdf-layout-lines-fit-margins-no-overlap
else
	fail pdf-layout-lines-fit-margins-no-overlap "$(head -3 "$T/check.txt")"
fi
# Justified: most body lines fill the measure exactly.
full=$(awk '/^# measure / { m = $3 } $2 == "line" && $7 == "m=" m && $5 > m - 0.1 { n++ } END { print n + 0 }' "$T/guide.dump")
[ "$full" -ge 30 ] && pass pdf-justified-lines || fail pdf-justified-lines "$full full lines"
# Widows and orphans: a paragraph split across pages leaves two lines
# at least on each page (p=PARA:LINE/LINES in the dump).
if awk '$2 == "line" && $8 ~ /^p=/ { split(substr($8, 3), a, ":"); n[a[1] SUBSEP $1]++; pg[a[1]] = pg[a[1]] " " $1 }
    END { for (k in n) if (n[k] < 2) { split(k, b, SUBSEP); if (pg[b[1]] ~ / [0-9]+ .*[0-9]/) { split(pg[b[1]], q, " "); for (i in q) if (q[i] != b[2]) { bad = 1 } } } exit bad }' "$T/guide.dump"; then
	pass pdf-no-widows-orphans
else
	fail pdf-no-widows-orphans "a paragraph leaves one line on a page"
fi
split=$(awk '$2 == "line" && $8 ~ /^p=/ { split(substr($8, 3), a, ":"); if (!(a[1] in first)) first[a[1]] = $1; if ($1 != first[a[1]]) s[a[1]] = 1 } END { print length(s) }' "$T/guide.dump")
[ "$split" -ge 1 ] && pass pdf-paragraphs-split-across-pages || fail pdf-paragraphs-split-across-pages "no paragraph crosses a page"

# Headings are never the last thing on a page.
lastlines=$(for i in $(seq 3 "$pages"); do
	pdftotext -f "$i" -l "$i" "$G" - | grep -v '^$' | grep -v '^page [0-9]' | tail -1; done)
if echo "$lastlines" | grep -qx 'Listes imbriquées\|Bloc de code\|Tableau des partenaires\|Carte des parties prenantes\|Fiche de travail'; then
	fail pdf-headings-kept-with-next "$(echo "$lastlines" | tr '\n' '|')"
else
	pass pdf-headings-kept-with-next
fi

# Keeps: a heading, its short intro and the drawing or table they
# introduce start on one page, wherever the page break falls (filler
# paragraphs move them down the page); a chain too tall for a page
# still prints everything, once.
kp() {  # kp N VISUAL: an article, N filler paragraphs, then the chain
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<article xmlns="http://www.w3.org/1999/xhtml" title="Keeps">\n<h1>Keeps</h1>\n'
	i=0
	while [ "$i" -lt "$1" ]; do
		echo "<p>Paragraphe de remplissage numéro $i, sur une ligne.</p>"
		i=$((i + 1))
	done
	echo '<h2>Carte des acteurs</h2>'
	echo '<p>Placez chaque acteur sur la grille selon son influence et son soutien.</p>'
	case $2 in
	svg) echo '<figure><figcaption>Grille influence et soutien</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect x="0" y="0" width="400" height="300" fill="#eeeeee"/><text x="10" y="20">Grille</text></svg></figure>' ;;
	table) echo '<table class="pk-table"><caption>Liste des acteurs</caption><thead><tr><th>Acteur</th><th>Rôle</th></tr></thead><tbody>'
		for i in 1 2 3 4 5 6; do echo "<tr><td>Acteur $i</td><td>Rôle $i</td></tr>"; done
		echo '</tbody></table>' ;;
	tall) i=0; echo '<p>Un deuxième paragraphe d’introduction, plus long, qui prend plusieurs lignes sur la page pour que la chaîne du titre, de l’introduction, de la légende et du dessin soit plus haute qu’une page entière. Il continue encore un peu, et encore un peu, avec des mots de remplissage pour occuper trois lignes au moins.</p>'
		printf '<figure><figcaption>'
		while [ $i -lt 12 ]; do printf 'Une légende très longue, ligne %s. ' $i; i=$((i + 1)); done
		echo '</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 200"><rect x="0" y="0" width="100" height="200" fill="#eeeeee"/><text x="10" y="20">Haut</text></svg></figure>' ;;
	esac
	echo '<p>La suite du texte.</p></article>'
}
bad=
for v in svg table; do
	for n in 14 17 20 23 26 29 32 35 38 41; do
		kp "$n" "$v" > "$T/keep.xhtml"
		"$T/driver" "$T/keep.xhtml" "$T/keep.pdf" fr A4 "$T/keep.dump" 2>/dev/null || { bad="$bad $v$n:rc"; continue; }
		awk -v v="$v" '$2 == "line" && /Carte des acteurs$/ { h = $1 }
		    $2 == "line" && /Placez chaque acteur/ { p = $1 }
		    (v == "svg" && $2 == "svg") || (v == "table" && $2 == "line" && /Liste des acteurs$/) { s = $1 }
		    END { exit !(h != "" && h == p && p == s) }' "$T/keep.dump" || bad="$bad $v$n"
		awk -f "$FX/checklayout.awk" "$T/keep.dump" >/dev/null || bad="$bad $v$n:layout"
	done
done
[ -z "$bad" ] && pass pdf-heading-intro-kept-with-drawing-or-table ||
	fail pdf-heading-intro-kept-with-drawing-or-table "split at:$bad"
kp 30 tall > "$T/keep.xhtml"
if "$T/driver" "$T/keep.xhtml" "$T/keep.pdf" fr A4 "$T/keep.dump" 2>/dev/null &&
    [ "$(grep -c ' svg ' "$T/keep.dump")" -eq 1 ] &&
    pdftotext "$T/keep.pdf" - | tr '\n' ' ' | grep -q 'Carte des acteurs.*ligne 11\..*La suite du texte' &&
    awk -f "$FX/checklayout.awk" "$T/keep.dump" >/dev/null; then
	pass pdf-keep-chain-taller-than-page-printed
else
	fail pdf-keep-chain-taller-than-page-printed "$(grep -c ' svg ' "$T/keep.dump") svg"
fi

# Forms: fillable fields, names unique, textarea multiline, value kept.
qpdf --json --json-key=acroform "$G" > "$T/acroform.json" 2>/dev/null
check pdf-form-fields-listed grep -q '"fullname": "org"' "$T/acroform.json"
check pdf-form-field-names-unique grep -q '"fullname": "org_2"' "$T/acroform.json"
check pdf-form-textarea-multiline sh -c "grep -B8 -A8 '\"fullname\": \"obj\"' '$T/acroform.json' | grep -q '\"fieldflags\": 4096'"
check pdf-form-value-printed grep -q 'Mme Dupont, directrice' "$T/guide.txt"
check pdf-form-checkbox-field sh -c "grep -A12 '\"fullname\": \"c1\"' '$T/acroform.json' | grep -q '\"ischeckbox\": true'"
check pdf-form-is-acroform sh -c "pdfinfo '$G' | grep -q 'Form: *AcroForm'"
nlines=$(awk '$2 == "rule" && $5 > 400 && $6 == "0.00" { n++ } END { print n + 0 }' "$T/guide.dump")
[ "$nlines" -ge 8 ] && pass pdf-form-writing-lines || fail pdf-form-writing-lines "$nlines rules"
# The drawing: a vector figure, its labels as real text.
check pdf-svg-text-drawn grep -q 'Impliquer étroitement' "$T/guide.txt"
check pdf-svg-box grep -q ' svg ' "$T/guide.dump"

# Pages render (poppler), and the same input gives the same bytes.
if pdftoppm -png -r 30 "$G" "$T/page" 2>"$T/ppm.err" && [ ! -s "$T/ppm.err" ]; then
	pass pdf-pages-render
else
	fail pdf-pages-render "$(head -2 "$T/ppm.err")"
fi
"$T/driver" "$FX/guide.xhtml" "$T/guide2.pdf" fr A4 2>/dev/null
check pdf-reproducible cmp "$G" "$T/guide2.pdf"

# ---- landscape pages (class pk-landscape) mixed with portrait -------------------
# The worksheet starts on a landscape page of the same paper and keeps
# landscape pages until it ends (its heading and intro with it); portrait
# resumes after; running heads, page numbers, the contents and the dump
# follow each page's size.
LP=$T/land.pdf
if "$T/driver" "$FX/landscape.xhtml" "$LP" fr A4 "$T/land.dump" 2>"$T/land.err"; then
	pdfinfo -f 1 -l 99 "$LP" | awk '/^Page +[0-9]+ size:/ { print $2, $4, $6 }' > "$T/land.sizes"
	lpages=$(awk '$2 == "841.89" && $3 == "595.276" { printf "%s%s", s, $1; s = " " }' "$T/land.sizes")
	ppages=$(awk '$2 == "595.276" && $3 == "841.89" { printf "%s ", $1 }' "$T/land.sizes")
	lfirst=${lpages%% *}
	# portrait pages (cover, contents, the page before), then two
	# landscape ones, then portrait again
	if [ "$(echo $lpages | wc -w)" -eq 2 ] && [ "$(awk '{ print $1 }' "$T/land.sizes" | tail -1)" -gt "${lpages##* }" ] &&
	    echo " $ppages" | grep -q " $((lfirst - 1)) " &&
	    awk -v l="$lpages" 'BEGIN { n = split(l, a, " "); for (i = 1; i < n; i++) if (a[i + 1] != a[i] + 1) exit 1 }'; then
		pass pdf-landscape-pages-mixed
	else
		fail pdf-landscape-pages-mixed "landscape: $lpages; portrait: $ppages"
	fi
	lpage() { pdftotext -layout -f "$1" -l "$1" "$LP" - 2>/dev/null; }
	# (the page's title and short intro too: alone, they would leave a
	# portrait page nearly empty)
	if lpage "$lfirst" | grep -q 'Plan d’action vierge' && lpage "$lfirst" | grep -q 'Action numéro 1 ' &&
	    lpage "${lpages##* }" | grep -q 'Action numéro 40' &&
	    lpage "$lfirst" | grep -q 'Un paragraphe en portrait' &&
	    ! lpage "${lpages##* }" | grep -q 'Après la fiche' &&
	    lpage $((${lpages##* } + 1)) | grep -q 'Après la fiche'; then
		pass pdf-landscape-holds-the-block
	else
		fail pdf-landscape-holds-the-block "first landscape page $lfirst: $(lpage "$lfirst" | head -5 | tr '\n' '|')"
	fi
	total=$(awk 'END { print $1 }' "$T/land.sizes")
	bad=
	for p in $lpages; do
		lpage "$p" | grep -q "page $p sur $total" || bad="$bad $p:footer"
		lpage "$p" | grep -q 'Pages mixtes' || bad="$bad $p:header"
	done
	# a line of the table runs wider than a portrait page's measure
	awk -v p="$lfirst" '$1 == p && $2 == "rect" && $5 > 600 { f = 1 } END { exit !f }' "$T/land.dump" || bad="$bad measure"
	[ -z "$bad" ] && pass pdf-landscape-heads-and-numbers || fail pdf-landscape-heads-and-numbers "$bad"
	# the dump says each landscape page's size, and the checker reads it
	dsizes=$(awk '/^# size / && $4 == "841.89" { print $3 }' "$T/land.dump" | sort -un | paste -sd ' ')
	if [ "$dsizes" = "$lpages" ] && awk -f "$FX/checklayout.awk" "$T/land.dump" > "$T/land.check"; then
		pass pdf-landscape-dump
	else
		fail pdf-landscape-dump "sizes '$dsizes' vs '$lpages'; $(head -2 "$T/land.check")"
	fi
	# the contents and the outline point at the landscape page
	tocp=$(pdftotext -layout -f 2 -l 2 "$LP" - | awk '/Plan d’action vierge/ { print $NF }')
	[ "$tocp" = "$lfirst" ] && pass pdf-landscape-contents || fail pdf-landscape-contents "contents say '$tocp', page $lfirst"
else
	fail pdf-landscape-pages-mixed "$(head -3 "$T/land.err")"
fi

# ---- bad input: clear warnings and fallbacks, never garbage ------------------
B=$T/bad.pdf
if "$T/driver" "$FX/bad.xhtml" "$B" en Letter "$T/bad.dump" 2>"$T/bad.err"; then
	pass pdf-bad-input-renders
else
	fail pdf-bad-input-renders "$(head -3 "$T/bad.err")"
fi
check pdf-letter-size sh -c "pdfinfo '$B' | grep -q 'Page size: *612 x 792'"
check pdf-footer-page-x-of-y sh -c "pdftotext '$B' - | grep -q 'page 3 of '"
check pdf-missing-glyph-warns grep -q 'U+4E2D' "$T/bad.err"
check pdf-missing-glyph-question-mark sh -c "pdftotext -enc UTF-8 '$B' - | grep -q 'han ? emoji ? end'"
check pdf-fallback-font-glyphs sh -c "pdftotext -enc UTF-8 '$B' - | grep -q 'ballot ☐ check ✓'"
check pdf-fallback-font-embedded sh -c "pdffonts '$B' | grep -q DejaVuSans"
check pdf-wide-table-warns grep -q 'too wide' "$T/bad.err"
check pdf-wide-table-printed sh -c "pdftotext '$B' - | grep -q 'value29'"
check pdf-svg-outside-subset-warns grep -q '<ellipse>' "$T/bad.err"
check pdf-svg-each-unknown-element-warns grep -q '<foreignObject>' "$T/bad.err"
check pdf-image-warns grep -q "image 'photo.png'" "$T/bad.err"
if awk -f "$FX/checklayout.awk" "$T/bad.dump" > "$T/badcheck.txt"; then
	pass pdf-bad-input-stays-on-page
else
	fail pdf-bad-input-stays-on-page "$(head -3 "$T/badcheck.txt")"
fi
check pdf-bad-qpdf-check qpdf --check "$B"
if pdftotext "$B" - | tr -d '\n' | grep -q 'https://example.org/a/very/long'; then
	pass pdf-long-word-kept
else
	fail pdf-long-word-kept "the URL is not in the text"
fi

# ---- a project: pactkit build writes output/pdf/<lang>/<id>.pdf ------------
P=$T/proj
cp -R "$ROOT/lua/builtin/skeleton" "$P"
if (cd "$P" && PACTKIT_SHARE=$ROOT "$PACTKIT" build . >"$T/build.out" 2>&1); then
	pass pdf-build-project
else
	fail pdf-build-project "$(tail -3 "$T/build.out")"
fi
for f in fr/guide fr/worksheets en/guide en/worksheets; do
	[ -f "$P/output/pdf/$f.pdf" ] || { fail pdf-build-writes-all "$f.pdf missing"; break; }
done
[ -f "$P/output/pdf/en/worksheets.pdf" ] && pass pdf-build-writes-all
check pdf-build-paper-per-language sh -c "pdfinfo '$P/output/pdf/en/guide.pdf' | grep -q 'Page size: *612 x 792' &&
    pdfinfo '$P/output/pdf/fr/guide.pdf' | grep -q 'Page size: *595.276 x 841.89'"
check pdf-build-qpdf-check qpdf --check "$P/output/pdf/fr/worksheets.pdf"
# paper per document: the worksheets on Letter in French only, the rest
# as the language says; A4 for a language the settings leave out
cp -R "$P" "$T/paper"
sed -i 's|pages = { "tools" } },|pages = { "tools" }, paper = { fr = "Letter" } },|; /^  paper = /d' "$T/paper/lua/site.lua"
if (cd "$T/paper" && PACTKIT_SHARE=$ROOT "$PACTKIT" build . >"$T/paper.out" 2>&1); then
	sz() { pdfinfo "$T/paper/output/pdf/$1.pdf" | awk '/^Page size/ { print $3 "x" $5 }'; }
	got="$(sz fr/worksheets) $(sz en/worksheets) $(sz fr/guide) $(sz en/guide)"
	[ "$got" = "612x792 595.276x841.89 595.276x841.89 595.276x841.89" ] &&
	    pass pdf-build-paper-per-document || fail pdf-build-paper-per-document "$got"
else
	fail pdf-build-paper-per-document "$(tail -3 "$T/paper.out")"
fi
check pdf-build-date-from-epoch sh -c "pdfinfo -isodates '$P/output/pdf/fr/guide.pdf' | grep -q 'CreationDate: *2026-11-18T'"
cp "$P/output/pdf/fr/worksheets.pdf" "$T/ws1.pdf"
(cd "$P" && PACTKIT_SHARE=$ROOT "$PACTKIT" build . >/dev/null 2>&1)
check pdf-build-reproducible cmp "$T/ws1.pdf" "$P/output/pdf/fr/worksheets.pdf"
# A theme's pdf.lua naming a font that is not there: a clear error.
mkdir -p "$P/themes"
cp -R "$ROOT/themes/default" "$P/themes/default"
sed -i 's|CharisSIL-Bold.ttf|NoSuchSerif-Bold.ttf|' "$P/themes/default/pdf.lua"
if (cd "$P" && PACTKIT_SHARE=$ROOT "$PACTKIT" build . >"$T/badfont.out" 2>&1); then
	fail pdf-missing-font-error "build succeeded"
elif grep -q "pdf.lua: error: fonts.serif.bold: font file '.*NoSuchSerif-Bold.ttf' not found" "$T/badfont.out"; then
	pass pdf-missing-font-error
else
	fail pdf-missing-font-error "$(head -2 "$T/badfont.out")"
fi

# mupdf reads the form too, and can fill it (qpdf reads the value back).
if command -v mutool >/dev/null 2>&1; then
	cat > "$T/fill.js" <<'JS'
var doc = new PDFDocument(scriptArgs[0]);
for (var i = 0; i < doc.countPages(); i++) {
  var w = doc.loadPage(i).getWidgets();
  for (var k = 0; k < w.length; k++)
    if (w[k].getLabel() == "Parties\u00a0: nom de l’organisation") {
      w[k].setTextValue("Association « Élan » — cœur"); w[k].update();
    }
}
doc.save(scriptArgs[1]);
JS
	mutool run "$T/fill.js" "$G" "$T/filled.pdf" >/dev/null 2>&1
	if qpdf --json --json-key=acroform "$T/filled.pdf" 2>/dev/null |
	    grep -q '"value": "u:Association « Élan » — cœur"'; then
		pass pdf-form-filled-by-mupdf
	else
		fail pdf-form-filled-by-mupdf "mutool could not fill field org"
	fi
else
	fail pdf-form-filled-by-mupdf "mutool is missing (mupdf-tools, in the Makefile's DEB_TEST)"
fi

# Radio buttons: one answer per question is one field, a radio group
# (/FT /Btn, Radio and NoToggleToOff flags) whose /Kids are the
# buttons' widgets, each with its own on state and /Off, /V and /AS in
# step; the same name in another form is another group.
cat > "$T/radio.xhtml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://www.w3.org/1999/xhtml" title="Radio">
<h1>Questions</h1>
<form><fieldset><legend>Digne de confiance ?</legend>
<input type="radio" id="r1" name="q1" value="oui"/><label for="r1">Oui</label>
<input type="radio" id="r2" name="q1" value="en partie" checked="checked"/><label for="r2">En partie</label>
<input type="radio" id="r3" name="q1" value="non"/><label for="r3">Non</label>
</fieldset></form>
<form><fieldset><legend>Autre question</legend>
<input type="radio" id="s1" name="q1" value="oui"/><label for="s1">Oui</label>
<input type="radio" id="s2" name="q1" value="non"/><label for="s2">Non</label>
</fieldset></form>
</article>
X
radiocheck() {  # radiocheck PDF NAME N VALUE: the group NAME is right
	qpdf --json=2 --json-key=qpdf "$1" 2>/dev/null | python3 -c '
import json, sys
name, n, want = sys.argv[1], int(sys.argv[2]), sys.argv[3]
o = {k[4:]: v.get("value") for k, v in json.load(sys.stdin)["qpdf"][1].items()}
cat = [v for v in o.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog"][0]
fields = o[cat["/AcroForm"]]["/Fields"]
mine = [r for r in fields if o[r].get("/T") in ("u:" + name, name)]
assert len(mine) == 1, "%d fields named %s" % (len(mine), name)
f = o[mine[0]]
assert f["/FT"] == "/Btn" and f["/Ff"] & 32768 and f["/Ff"] & 16384, f
kids = f["/Kids"]
assert len(kids) == n, "%d kids" % len(kids)
annots = set()
for v in o.values():
    if isinstance(v, dict) and v.get("/Type") == "/Page":
        a = v.get("/Annots", [])
        annots.update(o[a] if isinstance(a, str) else a)
states, on = set(), []
for k in kids:
    w = o[k]
    assert w["/Subtype"] == "/Widget" and w["/Parent"] == mine[0] and k in annots, w
    ap = w["/AP"]["/N"]
    keys = set(ap)
    assert len(keys) == 2 and "/Off" in keys, keys
    s = (keys - {"/Off"}).pop()
    assert s not in states, s
    states.add(s)
    assert w["/AS"] in ("/Off", s), w["/AS"]
    if w["/AS"] != "/Off":
        on.append(w["/AS"])
assert f["/V"] == want, (f["/V"], want)
assert on == ([] if want == "/Off" else [want]), on
' "$2" "$3" "$4"
}
# every widget (text field, box, radio button) prints: flag Print (4) set,
# Invisible (1), Hidden (2) and NoView (32) clear; at least MIN widgets
widgetflags() {  # widgetflags PDF MIN
	qpdf --json=2 --json-key=qpdf "$1" 2>/dev/null | python3 -c '
import json, sys
o = json.load(sys.stdin)["qpdf"][1].values()
w = [v.get("value") for v in o if isinstance(v.get("value"), dict) and v["value"].get("/Subtype") == "/Widget"]
bad = [x.get("/F") for x in w if not isinstance(x.get("/F"), int) or x["/F"] & 4 == 0 or x["/F"] & 35]
assert len(w) >= int(sys.argv[1]) and not bad, (len(w), bad)
' "$2"
}
check pdf-form-widgets-print widgetflags "$G" 3
if "$T/driver" "$T/radio.xhtml" "$T/radio.pdf" fr A4 2>"$T/radio.err"; then
	check pdf-radio-widgets-print widgetflags "$T/radio.pdf" 5
	check pdf-radio-group-one-field radiocheck "$T/radio.pdf" q1 3 /en_partie
	check pdf-radio-same-name-other-form radiocheck "$T/radio.pdf" q1_2 2 /Off
	check pdf-radio-qpdf-check qpdf --check "$T/radio.pdf"
	check pdf-radio-boxes-printed sh -c "pdftotext '$T/radio.pdf' - | tr '\\n' ' ' | grep -q '☐ Oui.*☐ Non' &&
	    [ \$(pdftotext '$T/radio.pdf' - | grep -o '☐' | wc -l) -ge 5 ]"
else
	fail pdf-radio-group-one-field "$(head -3 "$T/radio.err")"
fi
# mupdf fills it as a radio group: choosing another answer turns the
# first off (qpdf reads the group back).
if command -v mutool >/dev/null 2>&1; then
	cat > "$T/radio.js" <<'JS'
var doc = new PDFDocument(scriptArgs[0]);
var n = 0;
for (var i = 0; i < doc.countPages(); i++) {
  var w = doc.loadPage(i).getWidgets();
  for (var k = 0; k < w.length; k++)
    if (w[k].getFieldType() == "radiobutton" && w[k].getLabel() == "Questions\u00a0: digne de confiance ?" && ++n == 3) {
      w[k].toggle(); w[k].update();
    }
}
doc.save(scriptArgs[1]);
JS
	mutool run "$T/radio.js" "$T/radio.pdf" "$T/radio-filled.pdf" >/dev/null 2>&1
	check pdf-radio-filled-by-mupdf radiocheck "$T/radio-filled.pdf" q1 3 /non
else
	fail pdf-radio-filled-by-mupdf "mutool is missing (mupdf-tools, in the Makefile's DEB_TEST)"
fi

# Links between pages of one PDF become GoTo links (page and heading).
L=$T/links
cp -R "$ROOT/lua/builtin/skeleton" "$L"
cat > "$L/content/fr/guide/etapes.md" <<'MD'
+++
title = "Étapes"
weight = 20
+++

# Étapes

Voir [pourquoi s’associer](index.md#pourquoi-s-associer) et [l’accueil](../index.md).

## Première étape

Du texte.
MD
printf '\nSuite : [les étapes](etapes.md) et [la première](etapes.md#premiere-etape).\n' \
    >> "$L/content/fr/guide/index.md"
# the guide with right-hand starts (duplex is off by default; recto is
# its old name, still read, with a note) and contents, which a document
# this short has only when asked
sed -i 's/pages = { "home", "guide\/\*" } }/pages = { "home", "guide\/*" }, recto = true, toc = true }/' "$L/lua/site.lua"
# a link out of the PDF goes to the published site: base_url set (the
# skeleton leaves it empty)
sed -i 's|^  base_url = "",|  base_url = "https://kit.gov.kessa/",|' "$L/lua/site.lua"
if (cd "$L" && PACTKIT_SHARE=$ROOT "$PACTKIT" build . >"$T/links.out" 2>&1); then
	qpdf --qdf --object-streams=disable "$L/output/pdf/fr/guide.pdf" "$T/links.qdf"
	nlink=$(grep -ac '/Subtype /Link' "$T/links.qdf")
	nuri=$(grep -ac '/S /URI' "$T/links.qdf")
	# the contents: page 3 (page 2 is left blank: right-hand starts)
	check pdf-recto-contents-on-right sh -c "pdftotext -f 3 -l 3 '$L/output/pdf/fr/guide.pdf' - | grep -q 'Table des matières'"
	check pdf-recto-is-duplex grep -q 'recto: now called duplex' "$T/links.out"
	ntoc=$(pdftotext -f 3 -l 3 "$L/output/pdf/fr/guide.pdf" - | grep -cE '^[0-9]+$')
	if [ $((nlink - nuri)) -ge $((ntoc + 4)) ]; then
		pass pdf-links-between-pages
	else
		fail pdf-links-between-pages "$nlink links, $nuri URI, $ntoc in contents"
	fi
	check pdf-link-outside-pdf-absolute grep -aq '/URI (https://kit.gov.kessa/fr/outils/)' "$T/links.qdf"
else
	fail pdf-links-between-pages "$(tail -3 "$T/links.out")"
fi

#!/bin/sh
# The print audit: what a trainer printing the packs would notice.  The
# default toolkit is built on A4 (as it ships) and on Letter, and a new
# project (`pactkit new`) as it comes, each with --dump-layout; the dumps
# go through tests/print/audit.py (blank pages, pages under a third full
# but a part's last, lone hyphen fragments, hyphen runs, hyphens at a
# page's end, broken dates, contents in a short document); its figures
# are printed as comments.  Then what the dump cannot show, on the PDFs:
# the booklet's page order (text of each half of each sheet), the page
# numbers printed after links (xrefs.py), addresses out of the PDF with
# and without base_url, the cover's date, the colophon and back cover.
. "$ROOT/tests/lib.sh"
T=$(tmpdir print)
need print-tools pdftotext pdfinfo qpdf python3 || exit 0
export SOURCE_DATE_EPOCH=1893456000     # 2030-01-01: never on a cover

toolkit() {  # toolkit DIR: a copy of the default toolkit
	mkdir -p "$1" && cp -R "$ROOT/content" "$ROOT/lua" "$ROOT/assets" "$1/"
}
build() {  # build DIR DUMPDIR: 0 when built
	(cd "$1" && PACTKIT_SHARE=$ROOT "$PACTKIT" build --dump-layout "$2" . \
	    >"$1.out" 2>&1)
}

toolkit "$T/a4"
# published at an address, as a ministry's would be (the default toolkit
# leaves base_url empty): the colophon and the links out print it
sed -i 's|^  base_url = "",|  base_url = "https://partenariats.gouv.fr/kit/",|' "$T/a4/lua/site.lua"
grep -q '^  base_url = "https://' "$T/a4/lua/site.lua" || fail print-base-url-set "lua/site.lua's base_url line moved"
toolkit "$T/letter"
sed -i 's/^  paper = .*/  paper = "Letter",/' "$T/letter/lua/site.lua"
(cd "$T" && "$PACTKIT" new skel >/dev/null 2>&1)
ok=1
for v in a4 letter skel; do
	build "$T/$v" "$T/dump-$v" || { fail "print-builds-$v" "$(tail -3 "$T/$v.out")"; ok=0; }
done
[ $ok = 1 ] && pass print-builds || exit 0
check print-letter-is-letter sh -c "pdfinfo '$T/letter/output/pdf/en/guide.pdf' | grep -q 'Page size: *612 x 792'"
check print-a4-in-english sh -c "pdfinfo '$ROOT/output/pdf/en/guide.pdf' 2>/dev/null | grep -q 'A4' ||
    pdfinfo '$T/a4/output/pdf/en/guide.pdf' | grep -q 'Page size: *595.276 x 841.89'"

# an address printed after a link breaks after its slashes: only a part
# of it longer than a line is ever cut
bad=$(grep -o "was cut: '[^']*/[^']" "$T/a4.out" | head -2 | tr '\n' ' ')
[ -z "$bad" ] && pass print-address-breaks || fail print-address-breaks "$bad"
# a part of an address longer than a line breaks before one of its
# hyphens, which begins the next line (no one takes it for a word broken
# in two); only a part without a hyphen is cut, and the build says so
# once.  The toolkit's long addresses all have hyphens: no note.
check print-toolkit-no-cut sh -c "! grep -q 'was cut' '$T/a4.out'"
(cd "$T" && "$PACTKIT" new cut >/dev/null 2>&1)
long=$(printf 'a%.0s' $(seq 1 90))
printf '\nSee https://example.org/guidance/%s/ and https://example.org/%s/ for more.\n' \
    "step-6-develop-procedures-information-management-and-confidentiality-between-the-police-and-other-agencies" \
    "$long" >>"$T/cut/content/en/guide/index.md"
# and an address part of 300 characters or more (longer than any word
# the line breaker used to keep break marks for)
segs=$(seq 0 59 | sed 's/^/seg/' | paste -sd- -)
printf '\nAnd https://example.org/%s/ too.\n' "$segs" >>"$T/cut/content/en/guide/index.md"
if (cd "$T/cut" && "$PACTKIT" build . >"$T/cut.out" 2>&1); then
	pdftotext "$T/cut/output/pdf/en/guide.pdf" "$T/cut.txt"
	if grep -q '^-[a-z]' "$T/cut.txt" &&
	    ! grep -q '[a-z]-$' "$T/cut.txt" &&
	    tr -d '\n' <"$T/cut.txt" | grep -q 'develop-procedures-information-management-and-confidentiality-between-the-police-and-other-agencies/' &&
	    test "$(grep -c "was cut: 'aaaa" "$T/cut.out")" -eq 1 &&
	    ! grep -q "was cut: '[^']*develop" "$T/cut.out" &&
	    ! grep -q "was cut: '[^']*seg" "$T/cut.out" &&
	    tr -d '\n' <"$T/cut.txt" | grep -q "$segs/" &&
	    ! grep 'seg[0-9]' "$T/cut.txt" | grep -Evq '^(And https://example.org/)?-?seg[0-9]+(-seg[0-9]+)*/?( too\.)?$'; then
		pass print-address-breaks-before-hyphen
	else
		fail print-address-breaks-before-hyphen "$(grep -n 'example\|^-\|-$' "$T/cut.txt" | head -4 | tr '\n' '|') $(grep 'was cut' "$T/cut.out" | cut -c1-80)"
	fi
else
	fail print-address-breaks-before-hyphen "did not build: $(tail -2 "$T/cut.out")"
fi

# ---- the audit, from the dumps -------------------------------------------
: > "$T/audit.txt"
for v in a4 letter skel; do
	python3 "$ROOT/tests/print/audit.py" "$T/dump-$v" "$v" >> "$T/audit.txt" 2>&1
	# a one-line field's widget on its first writing line (bands.py)
	for f in "$T/dump-$v"/*/*.layout; do
		l=$(basename "$(dirname "$f")") id=$(basename "$f" .layout)
		case $id in *-booklet) continue ;; esac
		grep -q ' field .* l=' "$f" || continue
		/usr/bin/python3 "$ROOT/tests/print/bands.py" "$f" "$T/$v/output/pdf/$l/$id.pdf" >> "$T/audit.txt" 2>&1 ||
		    echo "check bands 1 ($v $l/$id: no field read)" >> "$T/audit.txt"
	done
done
sed -n 's/^\([a-z]\)/# \1/p' "$T/audit.txt" | grep -v '^# check '
for k in blank underfull fragment hyphens pageend date toc labels fields grid bands; do
	n=$(awk -v k="$k" '$1 == "check" && $2 == k { s += $3 } END { print s + 0 }' "$T/audit.txt")
	if [ "$n" -eq 0 ]; then
		pass "print-$k"
	else
		fail "print-$k" "$n: $(grep " $k p" "$T/audit.txt" | head -3 | tr '\n' '|')"
	fi
done
# running text at 60 to 75 characters a line, in every document with
# running text (chars/line 0: none)
bad=$(awk '/ chars\/line / { n = $NF; if (n > 0 && (n < 60 || n > 75)) print $2 ":" n }' "$T/audit.txt" | tr '\n' ' ')
[ -z "$bad" ] && pass print-measure || fail print-measure "$bad"
# the same rules on Letter: no document more than a page in ten longer
bad=$(awk '$1 == "a4" { a[$2] = $4 } $1 == "letter" { l[$2] = $4 }
    END { for (d in a) if (l[d] > a[d] * 1.1 + 1) print d ":" a[d] "/" l[d] }' "$T/audit.txt" | tr '\n' ' ')
[ -z "$bad" ] && pass print-letter-pages || fail print-letter-pages "A4/Letter $bad"

# ---- the booklet: pages in saddle-stitch order -----------------------------
# Each sheet side holds two pages; its halves are read apart.  For n
# pages, side 2i+1 holds n-2i (left) and 2i+1 (right), side 2i+2 holds
# 2i+2 (left) and n-2i-1 (right); a page is known by its footer
# ("page X sur N"), the cover by its title, the back cover by the
# toolkit's description; padding pages are blank.
booklet() {  # booklet PDF LANG
	python3 - "$1" "$2" <<'PY'
import re, subprocess, sys
pdf, lang = sys.argv[1], sys.argv[2]
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
sides = int(re.search(r"Pages:\s+(\d+)", info).group(1))
w, h = [float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()]
assert w > h, "sheets are not landscape: %s x %s" % (w, h)
n = sides * 2
assert n % 4 == 0
word = "sur" if lang == "fr" else "of"
def half(s, right):
    return subprocess.run(["pdftotext", "-f", str(s), "-l", str(s), "-x",
        str(int(w / 2) if right else 0), "-y", "0", "-W", str(int(w / 2)),
        "-H", str(int(h)), pdf, "-"], capture_output=True, text=True).stdout
seen = {}
for s in range(1, sides + 1):
    i = (s - 1) // 2
    want = (n - 2 * i, 2 * i + 1) if s % 2 else (2 * i + 2, n - 2 * i - 1)
    for right in (0, 1):
        t = half(s, right)
        m = re.findall(r"page (\d+) %s (\d+)" % word, t)
        if m:
            got, total = int(m[-1][0]), int(m[-1][1])
            assert total == n, "side %d: 'of %d' in a booklet of %d" % (s, total, n)
            assert got == want[right], "side %d %s: page %d, expected %d" % (
                s, "right" if right else "left", got, want[right])
            seen[got] = 1
        elif want[right] == 1:
            assert "Guide" in t, "side %d: no cover on the right" % s
        elif want[right] == n:
            assert t.strip(), "side %d: no back cover on the left" % s
numbered = [p for p in range(2, n) if p in seen]
assert len(numbered) >= n - 6, "only %d pages found of %d" % (len(numbered), n)
print("%d pages on %d sheets" % (n, sides // 2))
PY
}
for l in fr en; do
	for v in a4 letter; do
		B=$T/$v/output/pdf/$l/guide-booklet.pdf
		if [ -f "$B" ] && booklet "$B" "$l" > "$T/booklet-$l-$v.txt" 2>&1; then
			pass "print-booklet-order-$l-$v"
		else
			fail "print-booklet-order-$l-$v" "$(tail -2 "$T/booklet-$l-$v.txt" 2>/dev/null)"
		fi
	done
done
# the pages are laid out for the half sheet (A5), not scaled: the dump's
# pages are A5, with the frame and the text measure of A5
check print-booklet-a5-layout sh -c "grep -q '^# booklet 841.89 595.28' '$T/dump-a4/fr/guide-booklet.layout' &&
    grep -q '^# page 420.94 595.28 ' '$T/dump-a4/fr/guide-booklet.layout'"
# a print file: no fields, no links
check print-booklet-no-annotations sh -c "qpdf --qdf --object-streams=disable '$T/a4/output/pdf/fr/guide-booklet.pdf' '$T/bk.qdf' &&
    ! grep -aq '/Annots' '$T/bk.qdf'"

# ---- links in print ------------------------------------------------------
# every "(voir p. N)" goes to page N
for d in fr/workshop-pack en/guide; do
	if python3 "$ROOT/tests/print/xrefs.py" "$T/a4/output/pdf/$d.pdf" > "$T/xref.txt" 2>&1; then
		pass "print-xref-pages-$(echo $d | tr / -)"
	else
		fail "print-xref-pages-$(echo $d | tr / -)" "$(head -3 "$T/xref.txt" | tr '\n' '|')"
	fi
done
# a page out of the PDF: base_url's address, ../ resolved, printed after
# the link; without base_url, no address at all, made up or relative
pdftotext "$T/a4/output/pdf/fr/workshop-pack.pdf" "$T/wp.txt"
qpdf --qdf --object-streams=disable "$T/a4/output/pdf/fr/workshop-pack.pdf" "$T/wp.qdf"
base=$(sed -n 's/^  base_url = "\(.*\)",.*/\1/p' "$T/a4/lua/site.lua")
if [ -n "$base" ]; then
	host=${base#https://}
	if ! grep -aq '/URI ([^)]*\.\./' "$T/wp.qdf" && grep -aq "/URI (${base}fr/" "$T/wp.qdf" &&
	    tr '\n' ' ' < "$T/wp.txt" | grep -q "(${host}fr/[a-z/-]*)"; then
		pass print-links-out-address
	else
		fail print-links-out-address "$(grep -ao '/URI ([^)]*)' "$T/wp.qdf" | head -3 | tr '\n' ' ')"
	fi
else
	fail print-links-out-address "no base_url in the copy's lua/site.lua"
fi
toolkit "$T/nobase"
sed -i '/^  base_url = /d' "$T/nobase/lua/site.lua"
if build "$T/nobase" "$T/dump-nobase"; then
	pdftotext "$T/nobase/output/pdf/fr/workshop-pack.pdf" "$T/nb.txt"
	qpdf --qdf --object-streams=disable "$T/nobase/output/pdf/fr/workshop-pack.pdf" "$T/nb.qdf"
	if ! grep -aq '/URI ([^h]\|/URI (https://example' "$T/nb.qdf" && ! grep -q 'example\.org\|\.\./' "$T/nb.txt"; then
		pass print-links-out-no-base
	else
		fail print-links-out-no-base "$(grep -ao '/URI ([^)]*)' "$T/nb.qdf" | head -3 | tr '\n' ' ')"
	fi
else
	fail print-links-out-no-base "$(tail -3 "$T/nobase.out")"
fi

# the contents list pages and their sections, not a glossary's letters
toc=$(awk '/^# toc / { print $3 }' "$T/dump-a4/fr/guide.layout")
part=$(awk -v t="$toc" '/^# part / && $3 > t { print $3; exit }' "$T/dump-a4/fr/guide.layout")
n=$(pdftotext -layout -f "$toc" -l $((part - 1)) "$T/a4/output/pdf/fr/guide.pdf" - | grep -cE '^ *[A-Z] +[0-9]+ *$')
[ -n "$toc" ] && [ "$n" -eq 0 ] && pass print-toc-no-letters || fail print-toc-no-letters "toc at ${toc:-none}: $n one-letter entries"

# ---- cover, colophon, back cover ----------------------------------------
# the cover's date is the latest `updated` of the pages the document
# holds, written out, never the build's (2030 here)
latest=$(sed -n 's/^updated = "\(.*\)"/\1/p' "$T/a4/content/fr/"*.md "$T/a4/content/fr/"*/*.md | sort | tail -1)
want=$(python3 -c 'import sys; y, m, d = sys.argv[1].split("-"); print("%d %s %s" % (int(d), ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"][int(m) - 1], y))' "$latest")
cover=$(pdftotext -f 1 -l 1 "$T/a4/output/pdf/fr/workshop-pack.pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g')
case $cover in
*"Contenu à jour au $want"*2030*|*2030*"Contenu à jour au $want"*) fail print-cover-date "the build's date: $cover" ;;
*"Contenu à jour au $want"*) pass print-cover-date ;;
*) fail print-cover-date "no '$want' on the cover: $cover" ;;
esac
case $cover in
*"Dossier d’atelier"*"Projet pactkit"*) pass print-cover-title-publisher ;;
*) fail print-cover-title-publisher "$cover" ;;
esac
n=$(pdfinfo "$T/a4/output/pdf/fr/workshop-pack.pdf" | awk '/^Pages:/ { print $2 }')
tail=$(pdftotext -f $((n - 2)) -l "$n" "$T/a4/output/pdf/fr/workshop-pack.pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g')
ok=1
for s in 'À propos de ce document' 'Licence : CC BY 4.0' 'Pour citer ce document : Projet pactkit (2026)' \
    'Édition de démonstration' 'sont fictives' ${base:+"En ligne : $base"}; do
	case $tail in *"$s"*) ;; *) ok=0; miss=$s ;; esac
done
# without base_url, no address of the site at all
[ -z "$base" ] && case $tail in *"En ligne"*) ok=0; miss="no 'En ligne' without base_url" ;; esac
[ $ok = 1 ] && pass print-colophon || fail print-colophon "lacks '$miss'"
back=$(pdftotext -f "$n" -l "$n" "$T/a4/output/pdf/fr/workshop-pack.pdf" - | tr '\n' ' ')
case $back in
*"page $n sur"*) fail print-back-cover "a running footer on the back cover" ;;
*"Un guide et des outils"*) pass print-back-cover ;;
*) fail print-back-cover "$back" ;;
esac
# a document under 12 pages has no back cover, and no contents
sn=$(pdfinfo "$T/skel/output/pdf/fr/guide.pdf" | awk '/^Pages:/ { print $2 }')
if [ "$sn" -lt 12 ] && ! pdftotext "$T/skel/output/pdf/fr/guide.pdf" - | grep -q 'Table des matières' &&
    pdftotext -f "$sn" -l "$sn" "$T/skel/output/pdf/fr/guide.pdf" - | grep -q "page $sn sur"; then
	pass print-short-no-toc-no-back
else
	fail print-short-no-toc-no-back "$sn pages"
fi

#!/bin/sh
# Images and other files beside pages: copied into the site where the
# rewritten src/href points (clean URLs), printed in the PDF (PNG, JPEG,
# SVG) scaled to the measure and the page; missing, escaping and damaged
# files refused with file:line:col; checked with poppler (pdfimages,
# pdftoppm, pdftotext) and the layout dump.
. "$ROOT/tests/lib.sh"
T=$(tmpdir images)
P=$T/proj
FX=$ROOT/tests/images

# png FILE W H [alpha]: left half red, right half blue (alpha: a green
# square on a transparent ground), written with zlib only (no PIL here)
png() {
	python3 - "$@" <<'EOF'
import struct, sys, zlib
path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
alpha = len(sys.argv) > 4
rows = []
for y in range(h):
    row = bytearray(b'\0')
    for x in range(w):
        if alpha:
            inside = w // 4 <= x < 3 * w // 4 and h // 4 <= y < 3 * h // 4
            row += bytes((30, 160, 60, 255)) if inside else bytes((0, 0, 0, 0))
        else:
            row += bytes((208, 32, 32)) if x < w // 2 else bytes((32, 64, 208))
    rows.append(bytes(row))
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
ihdr = struct.pack('>IIBBBBB', w, h, 8, 6 if alpha else 2, 0, 0, 0)
open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) +
    chunk(b'IDAT', zlib.compress(b''.join(rows))) + chunk(b'IEND', b''))
EOF
}

mkdir -p "$P/lua" "$P/content/fr/guide/img" "$P/content/fr/docs" \
    "$P/content/en/guide/img"
cat > "$P/lua/site.lua" <<'EOF'
return {
  title = { fr = "Images", en = "Images" },
  languages = { "fr", "en" },
  base_url = "https://example.org/img/",
  documents = {
    { id = "guide", title = { fr = "Le guide", en = "The guide" },
      pages = { "guide/*" } },
  },
}
EOF
cat > "$P/content/fr/index.md" <<'EOF'
+++
title = "Accueil"
key = "home"
+++

Le plan : ![le plan](guide/img/carte.png) et [la fiche](docs/fiche.csv).
EOF
cat > "$P/content/en/index.md" <<'EOF'
+++
title = "Home"
key = "home"
+++

Home.
EOF
cat > "$P/content/fr/guide/index.md" <<'EOF'
+++
title = "Le guide"
key = "guide"
+++

![Logo](img/logo.svg)
EOF
cat > "$P/content/fr/guide/carte.md" <<'EOF'
+++
title = "La carte"
key = "map"
+++

Avant la carte.

![Carte du district](img/carte.png)

![Photo](img/photo.jpg "Une photo")

![Icône](img/petit.png)

![Transparente](img/alpha.png)

![Distante](https://example.org/x.png)

Après.
EOF
cat > "$P/content/fr/guide/large.md" <<'EOF'
+++
title = "Grandes"
key = "large"
+++

![Bandeau](img/large.png)

![Haute](img/haute.png)

![Ellipse](img/ellipse.svg)
EOF
cat > "$P/content/en/guide/index.md" <<'EOF'
+++
title = "Guide"
key = "guide"
+++

![Logo](img/logo.svg)
EOF
png "$P/content/fr/guide/img/carte.png" 480 240
png "$P/content/fr/guide/img/petit.png" 40 20
png "$P/content/fr/guide/img/alpha.png" 120 120 alpha
png "$P/content/fr/guide/img/large.png" 2000 500
png "$P/content/fr/guide/img/haute.png" 300 3000
cp "$FX/photo.jpg" "$P/content/fr/guide/img/photo.jpg"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect width="120" height="60" fill="#336699"/><circle cx="60" cy="30" r="20" fill="#ffcc00"/></svg>\n' \
    > "$P/content/fr/guide/img/logo.svg"
cp "$P/content/fr/guide/img/logo.svg" "$P/content/en/guide/img/logo.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><ellipse cx="5" cy="5" rx="4" ry="2"/></svg>\n' \
    > "$P/content/fr/guide/img/ellipse.svg"
printf 'organisation,role\n' > "$P/content/fr/docs/fiche.csv"
printf 'private notes\n' > "$P/content/fr/guide/img/notes.txt"

"$PACTKIT" build "$P" >"$T/build.out" 2>&1
rc=$?
check images/build-exit-0 test $rc -eq 0
[ $rc -eq 0 ] || sed 's/^/    /' "$T/build.out" | head -5
S=$P/output/site

# Every img src and file link of a page, resolved from the folder of its
# HTML file, is a file of the site, identical to the one beside the page.
srcs() { grep -o "$2=\"[^\"]*\"" "$1" | sed "s/^$2=\"//; s/\"\$//"; }
resolves() {    # resolves HTML SRC SOURCE
	[ -f "$(dirname "$1")/$2" ] && cmp -s "$(dirname "$1")/$2" "$3"
}
h=$S/fr/guide/carte/index.html
check images/src-rewritten-for-clean-url grep -q 'src="../img/carte.png"' "$h"
check images/png-at-its-src resolves "$h" ../img/carte.png "$P/content/fr/guide/img/carte.png"
check images/jpeg-at-its-src resolves "$h" ../img/photo.jpg "$P/content/fr/guide/img/photo.jpg"
ok=1
for s in $(srcs "$h" src); do
	case $s in http*) continue ;; esac
	[ -f "$(dirname "$h")/$s" ] || { ok=0; echo "    missing: $s"; }
done
[ $ok = 1 ] && pass images/every-src-resolves || fail images/every-src-resolves "see above"
check images/section-page-src grep -q 'src="img/logo.svg"' "$S/fr/guide/index.html"
check images/svg-at-its-src resolves "$S/fr/guide/index.html" img/logo.svg "$P/content/fr/guide/img/logo.svg"
check images/home-page-src resolves "$S/fr/index.html" guide/img/carte.png "$P/content/fr/guide/img/carte.png"
check images/download-link resolves "$S/fr/index.html" docs/fiche.csv "$P/content/fr/docs/fiche.csv"
check images/each-language-its-own resolves "$S/en/guide/index.html" img/logo.svg "$P/content/en/guide/img/logo.svg"
check images/remote-left-as-is grep -q 'src="https://example.org/x.png"' "$h"
check images/unreferenced-not-published test ! -e "$S/fr/guide/img/notes.txt"
check images/no-working-attribute sh -c "! grep -rq 'data-pk-file' '$S'"

# ---- PDF ---------------------------------------------------------------------
G=$P/output/pdf/fr/guide.pdf
pdfimages -list "$G" > "$T/images.txt" 2>&1
# "page num type width height color comp bpc enc ..."
has_image() { awk -v w="$1" -v h="$2" -v e="$3" -v t="${4:-image}" \
    'NR > 2 && $3 == t && $4 == w && $5 == h && $9 == e { f = 1 } END { exit !f }' "$T/images.txt"; }
check images/pdf-png-xobject has_image 480 240 image
check images/pdf-jpeg-xobject-kept-as-jpeg has_image 160 80 jpeg
check images/pdf-alpha-as-smask has_image 120 120 image smask
check images/pdf-large-png-xobject has_image 2000 500 image
n=$(awk 'NR > 2 && $3 == "image" && $4 == 480' "$T/images.txt" | wc -l)
check images/pdf-same-image-embedded-once test "$n" -eq 1
check images/pdf-remote-alt-text sh -c "pdftotext '$G' - | grep -q '\[Distante\]'"
check images/pdf-svg-outside-subset-alt-text sh -c "pdftotext '$G' - | grep -q '\[Ellipse\]'"
check images/svg-outside-subset-warned grep -q "large.md:10:1: warning: image '.*ellipse.svg' uses the element <ellipse>" "$T/build.out"
check images/pdf-qpdf-check qpdf --check "$G"

# The layout: one page through pactkit render, its dump checked for
# margins and overlaps, the sizes the rules give.
D=$T/render.dump
"$PACTKIT" render --pdf "$T/render.pdf" --dump-layout "$D" \
    "$P/content/fr/guide/carte.md" 2>"$T/render.err"
check images/render-pdf-exit-0 test $? -eq 0
check images/layout-has-images test "$(grep -c ' image ' "$D")" -eq 4
check images/layout-margins-no-overlap awk -f "$ROOT/tests/pdf/checklayout.awk" "$D"
# 480 x 240 px at 96 dpi: 360 x 180 pt, centred in the measure
ml=$(awk '/^# page / { print $9; exit }' "$D"); mr=$(awk '/^# page / { print $7; exit }' "$D")
pw=$(awk '/^# page / { print $3; exit }' "$D")
box=$(awk '$2 == "image" && /carte.png/ { print $3, $4, $5, $6 }' "$D")
check images/natural-size-96dpi sh -c "echo '$box' | awk '{ exit !(\$3 == 360 && \$4 == 180) }'"
check images/centred sh -c "echo '$box' | awk -v l=$ml -v r=$mr -v p=$pw '{ d = (\$1 - l) - (p - r - \$1 - \$3); exit !(d < 0.05 && d > -0.05) }'"
check images/small-not-enlarged grep -q ' image [0-9.]* [0-9.]* 30.00 15.00 .*petit.png' "$D"
# The picture is where the dump says: render at 72 dpi (1 px = 1 pt) and
# look at the pixels a quarter and three quarters across the box.
pdftoppm -r 72 -f 3 -l 3 "$T/render.pdf" "$T/page" 2>/dev/null
ppm=$(ls "$T"/page*.ppm 2>/dev/null | head -1)
px() {  # px X Y: "R G B" of the pixel at (X, Y) of the rendered page
	python3 - "$ppm" "$1" "$2" <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
parts = d.split(maxsplit=4)
w = int(parts[1]); x = int(float(sys.argv[2])); y = int(float(sys.argv[3]))
o = len(d) - w * int(parts[2]) * 3 + (y * w + x) * 3
print(d[o], d[o + 1], d[o + 2])
EOF
}
set -- $box
if [ -n "$ppm" ] && [ $# -eq 4 ]; then
	calc() { awk "BEGIN { print $1 }"; }
	left=$(px "$(calc "$1 + $3 / 4")" "$(calc "$2 + $4 / 2")")
	right=$(px "$(calc "$1 + 3 * $3 / 4")" "$(calc "$2 + $4 / 2")")
	above=$(px "$(calc "$1 + $3 / 4")" "$(calc "$2 - 4")")
	echo "$left" | awk '{ exit !($1 > 180 && $3 < 80) }' &&
	    echo "$right" | awk '{ exit !($3 > 180 && $1 < 80) }' &&
	    echo "$above" | awk '{ exit !($1 > 240 && $2 > 240 && $3 > 240) }' &&
	    pass images/pdf-picture-where-placed ||
	    fail images/pdf-picture-where-placed "left=$left right=$right above=$above"
else
	fail images/pdf-picture-where-placed "no render or no box ($box)"
fi

# Too wide: the measure; too tall: the page's text area; shape kept.
"$PACTKIT" render --pdf "$T/large.pdf" --dump-layout "$T/large.dump" \
    "$P/content/fr/guide/large.md" 2>/dev/null
awk '/^# page / { pw = $3; ph = $4; t = $6; r = $7; b = $8; l = $9 }
    $2 == "image" && /large.png/ { m = pw - l - r
	if (($5 - m) > 0.05 || ($5 - m) < -0.05 || ($6 - $5 / 4) > 0.05 || ($5 / 4 - $6) > 0.05) bad = 1; n++ }
    $2 == "image" && /haute.png/ { if ($6 > ph - t - b + 0.05 || ($5 - $6 / 10) > 0.05 || ($6 / 10 - $5) > 0.05) bad = 1; n++ }
    END { exit bad || n != 2 }' "$T/large.dump"
check images/scaled-to-measure-and-page test $? -eq 0
check images/large-layout-clean awk -f "$ROOT/tests/pdf/checklayout.awk" "$T/large.dump"

# ---- errors ------------------------------------------------------------------
sum() { (cd "$P/output" && find . -type f | sort | xargs cat | md5sum); }
before=$(sum)
M=$P/content/fr/guide/carte.md
cp "$M" "$T/carte.md.orig"
printf '\n![Absente](img/absente.png)\n' >> "$M"
line=$(wc -l < "$M")
"$PACTKIT" build "$P" >"$T/missing.out" 2>&1
rc=$?
check images/missing-exit-1 test $rc -eq 1
check images/missing-file-line-col grep -q "^content/fr/guide/carte.md:$line:1: error: image 'img/absente.png' not found" "$T/missing.out"
check images/missing-output-unchanged test "$(sum)" = "$before"
check images/missing-found-by-check sh -c "! '$PACTKIT' check -q '$P'"
cp "$T/carte.md.orig" "$M"

printf '\n![Fuite](../../../etc/passwd)\n' >> "$M"
"$PACTKIT" build "$P" >"$T/escape.out" 2>&1
rc=$?
check images/escape-exit-1 test $rc -eq 1
check images/escape-refused grep -q "carte.md:[0-9]*:1: error: image '../../../etc/passwd' leaves the language folder" "$T/escape.out"
check images/escape-not-copied sh -c "! grep -rqs 'root:' '$P/output'"
cp "$T/carte.md.orig" "$M"

ln -s /etc/passwd "$P/content/fr/guide/img/lien.png"
printf '\n[lien](img/lien.png)\n' >> "$M"
"$PACTKIT" build "$P" >"$T/symlink.out" 2>&1
check images/symlink-escape-refused grep -q "error: link target 'img/lien.png' leaves the language folder" "$T/symlink.out"
rm -f "$P/content/fr/guide/img/lien.png"
cp "$T/carte.md.orig" "$M"

printf '\n[Le formulaire](docs/absent.pdf)\n' >> "$M"
"$PACTKIT" build "$P" >"$T/link.out" 2>&1
check images/missing-download-refused grep -q "error: link target 'docs/absent.pdf' not found" "$T/link.out"
cp "$T/carte.md.orig" "$M"

# Damaged files: an error naming the page and the file, never a crash.
head -c 300 "$P/content/fr/guide/img/carte.png" > "$P/content/fr/guide/img/cassee.png"
head -c 300 "$FX/photo.jpg" > "$P/content/fr/guide/img/cassee.jpg"
printf '\n![Cassée](img/cassee.png)\n\n![Cassée aussi](img/cassee.jpg)\n' >> "$M"
"$PACTKIT" build "$P" >"$T/damaged.out" 2>&1
rc=$?
check images/damaged-exit-1-not-crash test $rc -eq 1
check images/damaged-png-named grep -q "carte.md:[0-9]*:1: error: image '.*cassee.png' cannot be printed" "$T/damaged.out"
check images/damaged-jpeg-named grep -q "carte.md:[0-9]*:1: error: image '.*cassee.jpg' is a damaged JPEG file" "$T/damaged.out"
check images/damaged-output-unchanged test "$(sum)" = "$before"
cp "$T/carte.md.orig" "$M"
rm -f "$P/content/fr/guide/img/cassee.png" "$P/content/fr/guide/img/cassee.jpg"

# An image no page references any more leaves the site.
sed -i 's/!\[Icône\](img\/petit.png)//' "$M"
"$PACTKIT" build -q "$P" 2>/dev/null
check images/unreferenced-pruned test ! -e "$S/fr/guide/img/petit.png"
check images/still-referenced-kept test -f "$S/fr/guide/img/carte.png"
cp "$T/carte.md.orig" "$M"

#!/bin/sh
# Editable documents (site.lua formats "odt", "docx"): the default toolkit's
# MoU and blank MoU in both languages, opened by LibreOffice (headless, a
# private profile) and converted to text and PDF; the text checked against
# the HTML of the same pages; each DOCX read by python3-docx; each package's
# parts, manifest and ZIP entries checked; two builds byte-identical.
. "$ROOT/tests/lib.sh"
T=$(tmpdir office)
PY=/usr/bin/python3
DOCS="fr/mou fr/mou-template en/mou en/mou-template"

cp -R "$ROOT/content" "$ROOT/lua" "$ROOT/assets" "$ROOT/themes" "$T/" 2>/dev/null
mkdir -p "$T/a" && cp -R "$ROOT/content" "$ROOT/lua" "$ROOT/assets" "$ROOT/themes" "$T/a/"
if ! (cd "$T/a" && "$PACTKIT" build -q . >"$T/a.log" 2>&1); then
	fail office-build "$(head -5 "$T/a.log")"
	exit 0
fi
O=$T/a/output
ok=1
for d in $DOCS; do
	for x in odt docx; do
		[ -s "$O/pdf/$d.$x" ] && [ -s "$O/pdf/$d.pdf" ] || { ok=0; miss="$d.$x"; }
		[ -s "$O/site/pdf/$d.$x" ] || { ok=0; miss="site/pdf/$d.$x"; }
	done
done
[ $ok = 1 ] && pass office-files-beside-the-pdfs || fail office-files-beside-the-pdfs "missing $miss"
# documents without the field stay PDF only
[ ! -e "$O/pdf/en/guide.odt" ] && [ ! -e "$O/pdf/en/guide.docx" ] &&
	pass office-default-pdf-only || fail office-default-pdf-only "guide.odt written"

# ---- reproducible: another folder, another time zone, another day
mkdir -p "$T/elsewhere/b" && cp -R "$ROOT/content" "$ROOT/lua" "$ROOT/assets" "$ROOT/themes" "$T/elsewhere/b/"
(cd "$T/elsewhere/b" && TZ=America/New_York "$PACTKIT" build -q . >"$T/b.log" 2>&1)
ok=1
for d in $DOCS; do
	for x in odt docx; do
		cmp -s "$O/pdf/$d.$x" "$T/elsewhere/b/output/pdf/$d.$x" || { ok=0; diff="$d.$x"; }
	done
done
[ $ok = 1 ] && pass office-reproducible || fail office-reproducible "$diff differs"

# ---- LibreOffice: every file to text and to PDF (two soffice runs)
L=$T/lo
mkdir -p "$L/in" "$L/txt" "$L/pdf"
for d in $DOCS; do
	for x in odt docx; do
		cp "$O/pdf/$d.$x" "$L/in/$(echo "$d" | tr / -)-$x.$x"
	done
done
lo() {
	timeout 300 soffice -env:UserInstallation=file://$L/profile --headless \
	    --norestore --convert-to "$1" --outdir "$2" "$L"/in/* >"$L/$3.log" 2>&1
}
if ! command -v soffice >/dev/null; then
	fail office-libreoffice "soffice not installed (libreoffice-writer-nogui)"
else
	lo "txt:Text (encoded):UTF8" "$L/txt" txt
	lo pdf "$L/pdf" pdf
	ok=1
	for f in "$L"/in/*; do
		b=$(basename "$f"); b=${b%.*}
		if [ ! -s "$L/txt/$b.txt" ] || [ ! -s "$L/pdf/$b.pdf" ] ||
		    ! pdfinfo "$L/pdf/$b.pdf" >/dev/null 2>&1; then
			ok=0; bad=$b
		fi
	done
	if grep -qi 'error\|repair\|corrupt' "$L/txt.log" "$L/pdf.log"; then
		ok=0; bad="$(grep -i 'error\|repair\|corrupt' "$L"/*.log | head -2)"
	fi
	[ $ok = 1 ] && pass office-libreoffice-opens-and-converts ||
		fail office-libreoffice-opens-and-converts "$bad"
	# a blank MoU prints its writing lines: several pages, not a stub
	n=$(pdfinfo "$L/pdf/en-mou-template-docx.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }')
	[ "${n:-0}" -ge 5 ] && pass office-blank-mou-prints-room-to-write ||
		fail office-blank-mou-prints-room-to-write "$n pages"
fi

# ---- the packages, python3-docx, and the text against the HTML
if ! $PY -c 'import docx' 2>/dev/null; then
	fail office-python-docx "python3-docx not installed"
else
	$PY "$ROOT/tests/office/check.py" "$O" "$L/txt" $DOCS 2>"$T/check.err" ||
		fail office-check-runs "$(tail -3 "$T/check.err")"
fi

# ---- well-formed parts through xmllint, one by one
ok=1
for d in $DOCS; do
	x=$T/x/$(echo "$d" | tr / -)
	mkdir -p "$x"
	$PY -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
	    "$O/pdf/$d.odt" "$x"
	xmllint --noout "$x/content.xml" "$x/styles.xml" "$x/meta.xml" \
	    "$x/META-INF/manifest.xml" 2>"$T/xmllint.err" || { ok=0; bad=$d; }
done
[ $ok = 1 ] && pass office-odt-xmllint-well-formed || fail office-odt-xmllint-well-formed "$bad: $(head -2 "$T/xmllint.err")"

# ---- the worksheets: the map as a drawing, boxes, a photo beside a page
W=$T/w
mkdir -p "$W" && cp -R "$ROOT/content" "$ROOT/lua" "$ROOT/assets" "$ROOT/themes" "$W/"
sed -i 's/pages = { "tool-map", "tool-screening", "tool-plan", "tool-log" } }/pages = { "tool-map", "tool-screening", "tool-plan", "tool-log" }, formats = { "odt", "docx" } }/' "$W/lua/site.lua"
cp "$ROOT/tests/images/photo.jpg" "$W/content/en/tools/photo.jpg"
printf '\n![A workshop photo](photo.jpg)\n' >> "$W/content/en/tools/map.md"
if (cd "$W" && "$PACTKIT" build -q . >"$T/w.log" 2>&1); then
	$PY - "$W/output/pdf/en/worksheets" <<'PY'
import sys, zipfile
import docx
from docx.oxml.ns import qn
base = sys.argv[1]
def res(n, ok, why=""):
    print("PASS %s" % n if ok else "FAIL %s: %s" % (n, why))
o = zipfile.ZipFile(base + ".odt").namelist()
d = zipfile.ZipFile(base + ".docx").namelist()
res("office-odt-map-is-svg", any(n.startswith("Pictures/") and n.endswith(".svg") for n in o), o)
res("office-odt-photo-embedded", any(n.endswith(".jpg") for n in o), o)
res("office-docx-map-is-emf-and-svg", any(n.endswith(".emf") for n in d) and any(n.endswith(".svg") for n in d), d)
res("office-docx-photo-embedded", any(n.endswith(".jpg") for n in d), d)
doc = docx.Document(base + ".docx")
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"
boxes = [s for s in doc.element.body.iter(qn("w:sdt")) if s.find(qn("w:sdtPr") + "/" + W14) is not None]
res("office-docx-boxes-are-checkbox-controls", len(boxes) >= 20, "%d" % len(boxes))
res("office-docx-map-drawing-inline", len(doc.inline_shapes) >= 3, "%d" % len(doc.inline_shapes))
notices = sum(1 for p in doc.paragraphs if p.style.name == "Note" and "survivor" in p.text)
res("office-confidentiality-notice-on-every-worksheet", notices >= 4, "%d notices" % notices)
PY
	mkdir -p "$W/lo"
	timeout 300 soffice -env:UserInstallation=file://$L/profile --headless --norestore \
	    --convert-to pdf --outdir "$W/lo" "$W/output/pdf/en/worksheets.odt" >"$W/lo.log" 2>&1
	n=$(pdfinfo "$W/lo/worksheets.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }')
	[ "${n:-0}" -ge 10 ] && pass office-worksheets-convert || fail office-worksheets-convert "$n pages; $(head -2 "$W/lo.log")"
else
	fail office-worksheets-build "$(head -3 "$T/w.log")"
fi

# ---- drawings with sizes or coordinates no document can hold: an SVG whose
# width is "nan" or "inf" takes its viewBox's size (as a browser does), a
# path at "nan" or 1e308 is left out of the DOCX's EMF with a warning naming
# the DOCX under output/, never an extent of -9223372036854775808 or a
# "nancm" that a word processor refuses
S=$T/sizes
mkdir -p "$S/lua" "$S/content/en" "$S/content/fr"
cat > "$S/lua/site.lua" <<'LUA'
return { title = { fr = "T", en = "T" }, languages = { "fr", "en" },
  documents = { { id = "d", title = "D", pages = { "index" }, formats = { "pdf", "odt", "docx" } } } }
LUA
for l in en fr; do
	printf '<svg xmlns="http://www.w3.org/2000/svg" width="nan" height="inf" viewBox="0 0 40 20"><rect width="5" height="5"/></svg>' > "$S/content/$l/nan.svg"
	printf '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><path d="M nan nan L 1e308 -1e308 Z"/></svg>' > "$S/content/$l/far.svg"
	printf '+++\ntitle = "D"\n+++\n\n![nan](nan.svg)\n\n![far](far.svg)\n' > "$S/content/$l/index.md"
done
if (cd "$S" && "$PACTKIT" build . >"$T/sizes.log" 2>&1); then
	$PY - "$S/output/pdf/en/d" <<'PY'
import re, sys, zipfile
base = sys.argv[1]
def res(n, ok, why=""):
    print("PASS %s" % n if ok else "FAIL %s: %s" % (n, why))
c = zipfile.ZipFile(base + ".odt").read("content.xml").decode()
sizes = re.findall(r'svg:(?:width|height)="([^"]*)"', c)
good = [s for s in sizes if re.fullmatch(r"[0-9]+(\.[0-9]+)?cm", s) and 0 < float(s[:-2]) < 100]
res("office-odt-drawing-sizes-finite", sizes and len(good) == len(sizes), sizes)
d = zipfile.ZipFile(base + ".docx").read("word/document.xml").decode()
ext = [(int(a), int(b)) for a, b in re.findall(r'<wp:extent cx="(-?[0-9]+)" cy="(-?[0-9]+)"', d)]
res("office-docx-drawing-extents-in-range", ext and all(0 < a < 36000000 and 0 < b < 36000000 for a, b in ext), ext)
PY
	grep -q "output/pdf/en/d.docx: warning: drawing 'far' leaves the SVG subset" "$T/sizes.log" &&
	    ! grep -q "output.tmp-" "$T/sizes.log" &&
		pass office-docx-far-drawing-left-out-and-said ||
		fail office-docx-far-drawing-left-out-and-said "$(grep -i drawing "$T/sizes.log" | head -2)"
else
	fail office-drawing-sizes-build "$(head -3 "$T/sizes.log")"
fi

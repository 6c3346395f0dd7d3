#!/bin/sh
# Markdown pipe tables in the three writers: the site's HTML (thead,
# th scope=col, alignment classes), the PDF (cells placed as their column
# is aligned, from --dump-layout; the text from poppler) and the ODT and
# DOCX files (python3-docx and LibreOffice read the table); a mistake in
# a cell names its file:line:col.  The Markdown itself: tests/spec/tables.txt.
. "$ROOT/tests/lib.sh"
T=$(tmpdir tables)
need tables/tools pdftotext soffice /usr/bin/python3 || exit 0

P=$T/proj
mkdir -p "$P/lua" "$P/content/en"
cat > "$P/lua/site.lua" <<'EOF'
return { title = "Tables", languages = { "en" },
  documents = { { id = "t", pages = { "home" }, formats = { "pdf", "odt", "docx" } } } }
EOF
cat > "$P/content/en/index.md" <<'EOF'
+++
title = "Tables"
+++

The partners and their share:

| Partner | Role | Share | Note |
|:--------|:----:|------:|------|
| District school | host | 1 250 | `a \| b` |
| Health centre | care | 3 | **c \| d** |
EOF
(cd "$P" && "$PACTKIT" build . >"$T/build.out" 2>"$T/build.err")
check tables/build test $? -eq 0

# ---- HTML -----------------------------------------------------------------
if /usr/bin/python3 - "$P/output/site/en/index.html" <<'PY'
import sys, xml.dom.minidom as m
html = open(sys.argv[1]).read()
start = html.index('<table'); end = html.index('</table>') + 8
t = m.parseString(html[start:end]).documentElement
assert t.getAttribute('class') == 'pk-table', 'class'
ths = t.getElementsByTagName('thead')[0].getElementsByTagName('th')
assert [h.getAttribute('scope') for h in ths] == ['col'] * 4, 'scope'
assert [h.getAttribute('class') for h in ths] == ['pk-left', 'pk-center', 'pk-right', ''], 'th align'
rows = t.getElementsByTagName('tbody')[0].getElementsByTagName('tr')
assert len(rows) == 2, 'rows'
tds = rows[0].getElementsByTagName('td')
assert [d.getAttribute('class') for d in tds] == ['pk-left', 'pk-center', 'pk-right', ''], 'td align'
assert tds[3].getElementsByTagName('code')[0].firstChild.data == 'a | b', 'escaped pipe'
assert rows[1].getElementsByTagName('strong')[0].firstChild.data == 'c | d', 'pipe in strong'
PY
then pass tables/html-shape; else fail tables/html-shape "$(grep -o '<table.*' "$P/output/site/en/index.html" | head -c 300)"; fi

# ---- PDF --------------------------------------------------------------------
check tables/pdf-text sh -c "pdftotext -layout '$P/output/pdf/en/t.pdf' - | grep -q 'District school .*host .*1 250 .*a | b'"
(cd "$P" && "$PACTKIT" render --pdf "$T/t.pdf" --dump-layout "$T/t.layout" content/en/index.md >/dev/null 2>&1)
# the header cell and the body cells of a column: right edges equal when
# the column is aligned right, centres equal when it is centred
if awk '
	$2 == "line" { w[$NF] = $3 + $5; c[$NF] = $3 + $5 / 2 }
	END {
		d1 = w["Share"] - w["3"]; d2 = c["Role"] - c["care"]; d3 = c["Role"] - c["host"]
		if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2; if (d3 < 0) d3 = -d3
		exit !(d1 < 0.5 && d2 < 0.5 && d3 < 0.5 && w["Share"] > 0)
	}' "$T/t.layout"; then
	pass tables/pdf-aligned
else
	fail tables/pdf-aligned "$(grep -E 'Share|Role| 3$|care|host' "$T/t.layout" | head -8)"
fi

# ---- DOCX and ODT -----------------------------------------------------------
if /usr/bin/python3 - "$P/output/pdf/en/t.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
t = d.tables[0]
cells = [[c.text for c in r.cells] for r in t.rows]
assert cells[0] == ['Partner', 'Role', 'Share', 'Note'], cells[0]
assert cells[1] == ['District school', 'host', '1 250', 'a | b'], cells[1]
styles = [c.paragraphs[0].style.name for c in t.rows[1].cells]
assert styles == ['Table Contents', 'Table Contents Centred', 'Table Contents Right', 'Table Contents'], styles
assert t.rows[0].cells[2].paragraphs[0].style.name == 'Table Heading Right'
PY
then pass tables/docx-table; else fail tables/docx-table "python3-docx read another table"; fi
rm -rf "$T/lo"; mkdir -p "$T/lo"
HOME=$T/lo timeout 120 soffice --headless -env:UserInstallation=file://$T/lo/profile \
    --convert-to html --outdir "$T/lo" "$P/output/pdf/en/t.odt" >/dev/null 2>&1
if /usr/bin/python3 - "$T/lo/t.html" <<'PY'
import sys, re
h = open(sys.argv[1], errors='replace').read()
rows = re.findall(r'<tr.*?</tr>', h, re.S)
text = [re.sub(r'<[^>]+>', '', r) for r in rows]
text = [re.sub(r'\s+', ' ', x).strip() for x in text]
assert any('Partner Role Share Note' in x for x in text), text
assert any('District school host 1 250 a | b' in x for x in text), text
PY
then pass tables/odt-table; else fail tables/odt-table "LibreOffice read another table: $(head -c 300 "$T/lo/t.html" 2>/dev/null)"; fi

# ---- a mistake in a cell: its place ----------------------------------------
printf '\n| a | b |\n| - | - |\n| x \\| y | [gone](nowhere.md) |\n' >> "$P/content/en/index.md"
(cd "$P" && "$PACTKIT" check . >/dev/null 2>"$T/cell.err")
check tables/cell-error-position grep -qF "content/en/index.md:14:12: error: link target 'nowhere.md' not found" "$T/cell.err"

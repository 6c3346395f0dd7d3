#!/usr/bin/python3
# Checks the ODT and DOCX files of one build (tests/t_office.sh runs it with
# Debian's python3 and python3-docx).  Prints PASS/FAIL lines.
#   check.py OUT TXTDIR DOC... : OUT the build's output folder, TXTDIR the
#   LibreOffice text conversions (NAME-odt.txt, NAME-docx.txt), DOC "lang/id"
import html.parser
import re
import sys
import zipfile
import xml.dom.minidom

import docx
from docx.oxml.ns import qn

OUT, TXT, DOCS = sys.argv[1], sys.argv[2], sys.argv[3:]
BLANK = {"mou-template"}


def result(name, ok, why=""):
    print("PASS %s" % name if ok else "FAIL %s: %s" % (name, why))


def norm(s):
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2610", " ")
    return re.sub(r"\s+", " ", s).strip()


class Blocks(html.parser.HTMLParser):
    """The text blocks of a page's content (div.pk-content), in order: what
    a reader sees, without the labels only screen readers get."""
    BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt",
             "dd", "legend", "label", "figcaption", "caption"}

    def __init__(self):
        super().__init__()
        self.depth = 0          # inside the content div
        self.skip = 0           # inside svg or a hidden label
        self.stack = []
        self.blocks = []        # (tag, text)
        self.cur = None
        self.tags = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth == 0:
            if tag == "div" and "pk-content" in (a.get("class") or "").split():
                self.depth = 1
            return
        if tag not in ("br", "img", "input", "hr", "meta", "link", "col"):
            self.depth += 1
            self.stack.append(tag)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if ((tag == "input" and a.get("type") in ("text", None)) or tag == "textarea") \
                and not re.search("signature|seal", a.get("name") or ""):
            self.tags["field"] = self.tags.get("field", 0) + 1
        if tag in ("svg", "script", "style") or (
                tag in ("label", "legend") and "pk-visually-hidden" in (a.get("class") or "")):
            self.skip += 1
            self.stack[-1] = "#skip"
            return
        if tag in self.BLOCK and not self.skip:
            self.flush()
            self.cur = [tag, ""]

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in ("br", "img", "input", "hr"):
            return
        self.depth -= 1
        t = self.stack.pop() if self.stack else None
        if t == "#skip":
            self.skip -= 1
        if tag in self.BLOCK:
            self.flush()

    def handle_data(self, data):
        if self.depth > 0 and not self.skip:
            if self.cur is None:
                self.cur = ["text", ""]
            self.cur[1] += data

    def flush(self):
        if self.cur is not None and norm(self.cur[1]):
            self.blocks.append((self.cur[0], norm(self.cur[1])))
        self.cur = None


def page_blocks(lang, doc_id):
    """The HTML pages of a document, from their line "This page is part
    of: …" (a page with the download panel links every document)."""
    import glob
    import re
    out = []                    # one list of blocks per page
    tags = {}
    pages = []
    for f in sorted(glob.glob("%s/site/%s/**/index.html" % (OUT, lang), recursive=True)):
        h = open(f, encoding="utf-8").read()
        part = re.search(r'<p class="pk-part-of">.*?</p>', h, re.S)
        if part and ("pdf/%s/%s.pdf" % (lang, doc_id)) in part.group(0):
            pages.append(f)
    for f in pages:
        p = Blocks()
        p.feed(open(f, encoding="utf-8").read())
        p.flush()
        out.append(p.blocks)
        for k, v in p.tags.items():
            tags[k] = tags.get(k, 0) + v
    return pages, out, tags


def zip_checks(path, name, kind):
    z = zipfile.ZipFile(path)
    infos = z.infolist()
    names = [i.filename for i in infos]
    ok = len(set(i.date_time for i in infos)) == 1
    result("%s-%s-zip-one-time" % (name, kind), ok, str(set(i.date_time for i in infos)))
    ok = all(i.extra == b"" for i in infos)
    result("%s-%s-zip-no-extra-fields" % (name, kind), ok,
           [i.filename for i in infos if i.extra])
    bad = []
    for n in names:
        if n.endswith(".xml") or n.endswith(".rels"):
            try:
                xml.dom.minidom.parseString(z.read(n))
            except Exception as e:  # noqa
                bad.append("%s: %s" % (n, e))
    result("%s-%s-parts-well-formed" % (name, kind), not bad, bad)
    if kind == "odt":
        first = infos[0]
        result("%s-odt-mimetype-first-stored" % name,
               first.filename == "mimetype" and first.compress_type == 0
               and first.extra == b"" and
               z.read("mimetype") == b"application/vnd.oasis.opendocument.text",
               "%s %s %r" % (first.filename, first.compress_type, first.extra))
        man = xml.dom.minidom.parseString(z.read("META-INF/manifest.xml"))
        listed = {e.getAttribute("manifest:full-path")
                  for e in man.getElementsByTagName("manifest:file-entry")}
        want = set(names) - {"mimetype", "META-INF/manifest.xml"}
        result("%s-odt-manifest-lists-every-part" % name,
               want <= listed and "/" in listed and listed - {"/"} <= set(names),
               "parts %s, listed %s" % (sorted(want), sorted(listed)))
    return z


def doc_order(perpage, text):
    """The pages' blocks in the document's order (site.lua's, not the
    pages' paths): each page placed where its first block is in text."""
    def first(bl):
        i = text.find(bl[0][1]) if bl else -1
        return i if i >= 0 else len(text)
    return [b for bl in sorted(perpage, key=first) for b in bl]


def in_order(blocks, text, what):
    """Each HTML block found in text, in order; the first missing one."""
    pos = 0
    for tag, b in blocks:
        cand = [b]
        m = re.match(r"^\d+\. (.*)$", b)
        if m and tag in ("h3",):
            cand.append(m.group(1))     # an article: the number may differ
        found = -1
        for c in cand:
            found = text.find(c, pos)
            if found >= 0:
                pos = found + len(c)
                break
        if found < 0:
            near = text[pos:pos + 160]
            return "%s block <%s> '%s' not found after: '%s'" % (what, tag, b[:80], near)
    return None


for d in DOCS:
    lang, doc_id = d.split("/")
    name = "%s-%s" % (lang, doc_id)
    pages, blocks, tags = page_blocks(lang, doc_id)
    if not pages:
        result("%s-html-pages" % name, False, "no HTML page lists the document")
        continue
    # ---- ODT
    zo = zip_checks("%s/pdf/%s/%s.odt" % (OUT, lang, doc_id), name, "odt")
    content = zo.read("content.xml").decode()
    styles = zo.read("styles.xml").decode()
    # English is en-US on Letter paper, en-GB on A4 (the toolkit's default)
    letter = 'fo:page-width="21.590cm"' in styles
    want_tag = {"fr": "fr-FR", "en": "en-US" if letter else "en-GB"}[lang]
    result("%s-odt-headings-outlined" % name,
           len(re.findall(r'<text:h [^>]*text:outline-level="\d"', content)) >=
           sum(tags.get(h, 0) for h in ("h2", "h3", "h4")),
           "too few text:h")
    result("%s-odt-language" % name,
           ('fo:language="%s" fo:country="%s"' % tuple(want_tag.split("-"))) in styles,
           "default style lacks %s" % want_tag)
    result("%s-odt-tables" % name,
           content.count("<table:table ") >= tags.get("table", 0),
           "%d table:table for %d HTML tables" % (content.count("<table:table "),
                                                 tags.get("table", 0)))
    if doc_id in BLANK:
        n = content.count("<text:placeholder ")
        result("%s-odt-placeholders" % name, n >= tags.get("field", 0) > 0,
               "%d placeholders, %d text fields in the HTML" % (n, tags.get("field", 0)))
    # ---- DOCX
    path = "%s/pdf/%s/%s.docx" % (OUT, lang, doc_id)
    zip_checks(path, name, "docx")
    doc = docx.Document(path)
    def heading_style(p):
        st = p.style
        while st is not None and not st.name.startswith("Heading"):
            st = st.base_style
        return st is not None
    heads = {norm(p.text) for p in doc.paragraphs if heading_style(p)}
    missing = []
    for tag, b in (b for bl in blocks for b in bl):
        if tag not in ("h2", "h3", "h4", "h5", "h6"):
            continue
        m = re.match(r"^\d+\. (.*)$", b)
        if b not in heads and not (m and m.group(1) in heads):
            missing.append(b)
    result("%s-docx-headings-have-heading-styles" % name, not missing, missing[:3])
    ntab = len(doc.tables)
    result("%s-docx-tables-are-tables" % name, ntab >= tags.get("table", 0) > 0 or
           tags.get("table", 0) == 0, "%d tables for %d" % (ntab, tags.get("table", 0)))
    if doc_id == "mou":
        heads = [[norm(c.text) for c in t.rows[0].cells] for t in doc.tables]
        budget = [t for t, h in zip(doc.tables, heads) if len(h) == 4 and
                  h[3] in ("Amount", "Montant")]
        ok = bool(budget) and any("11,000,000" in norm(c.text) or
                                  "11 000 000" in norm(c.text)
                                  for c in budget[0].rows[-1].cells)
        result("%s-docx-budget-table-total" % name, ok, "no budget table with its total")
    body = doc.element.body
    sdts = body.findall(".//" + qn("w:sdt"))
    if doc_id in BLANK:
        texts = [s for s in sdts if s.find(qn("w:sdtPr") + "/" + qn("w:text")) is not None]
        ok = len(texts) >= tags.get("field", 0) > 0 and all(
            s.find(qn("w:sdtPr") + "/" + qn("w:showingPlcHdr")) is not None and
            s.find(qn("w:sdtPr") + "/" + qn("w:alias")) is not None for s in texts)
        result("%s-docx-content-controls" % name, ok,
               "%d text controls, %d text fields in the HTML" % (len(texts), tags.get("field", 0)))
    dl = doc.styles.element.find(qn("w:docDefaults") + "//" + qn("w:lang"))
    result("%s-docx-language" % name,
           dl is not None and dl.get(qn("w:val")) == want_tag,
           "docDefaults lang %s" % (dl.get(qn("w:val")) if dl is not None else None))
    # ---- the text LibreOffice reads, against the HTML
    for kind in ("odt", "docx"):
        try:
            text = norm(open("%s/%s-%s.txt" % (TXT, name, kind), encoding="utf-8-sig").read())
        except OSError as e:
            result("%s-%s-text-matches-html" % (name, kind), False, str(e))
            continue
        why = in_order(doc_order(blocks, text), text, kind)
        result("%s-%s-text-matches-html" % (name, kind), why is None, why)

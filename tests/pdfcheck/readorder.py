#!/usr/bin/python3
"""readorder.py: is the text read in structure order the text a reader sees?

    /usr/bin/python3 tests/pdfcheck/readorder.py [-v] FILE.pdf...

For each tagged PDF, two texts:
  - the structure's: `pdfinfo -struct-text` (poppler), every marked-content
    string in the order of the structure tree, Figures left out (a reader
    hears their /Alt, not their labels);
  - the page's: `pdftotext` (poppler's reading order) of a copy from which
    artifacts (running heads, page numbers, a hyphen added at a line break,
    boxes to tick, repeated table headers), Figure content and annotations
    (field values) are taken out with pikepdf.
They are compared with white space and hyphens removed (poppler joins a
word cut at a line end its own way), character by character, except
within one table or table of contents, whose characters may come in any
order: pdftotext reads a table by columns, or the lines of neighbouring
cells across a row, and puts a contents entry's right-aligned page number
where it likes; a reader (and the structure), row by row and cell by
cell, entry by entry.  One line per file,
"FILE: ok" or "FILE: differs at character N: structure «…» page «…»";
exit 1 when one differs, 2 on a usage error.
"""
import os
import re
import subprocess
import sys
import tempfile

import pikepdf


def struct_text(path):
    """The text of the structure tree, Figures left out, as segments
    (text, table): table is True for the text of one Table or TOC."""
    out = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True,
                         text=True, check=True).stdout
    segs, skip, row = [["", False]], None, None
    for line in out.splitlines():
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if skip is not None:
            if depth > skip:
                continue
            skip = None
        if row is not None and depth <= row:
            row = None
            segs.append(["", False])
        if body.startswith("Figure"):
            skip = depth
            continue
        if row is None and re.match(r"(Table|TOC)\b", body):
            row = depth
            segs.append(["", True])
            continue
        if body.startswith('"') and body.endswith('"') and len(body) >= 2:
            segs[-1][0] += body[1:-1]
    return [(squash(t), r) for t, r in segs if squash(t)]


def strip_copy(path, dst):
    """A copy without artifacts, Figure content and annotations."""
    pdf = pikepdf.open(path)
    for page in pdf.pages:
        ops = pikepdf.parse_content_stream(page)
        keep, stack = [], []
        for operands, op in ops:
            o = str(op)
            if o in ("BMC", "BDC"):
                tag = str(operands[0])
                hide = (stack and stack[-1]) or tag in ("/Artifact", "/Figure")
                stack.append(hide)
                if hide:
                    continue
            elif o == "EMC":
                hide = stack.pop() if stack else False
                if hide:
                    continue
            elif stack and stack[-1]:
                continue
            keep.append((operands, op))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(keep))
        if "/Annots" in page.obj:
            del page.obj["/Annots"]
    pdf.save(dst)


def page_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                          capture_output=True, text=True, check=True).stdout


def squash(s):
    """White space out (poppler joins lines one way or the other), and
    hyphens (pdftotext takes out a hyphen that ends a line, even one of
    the text: "multi-agences" cut after "multi-")."""
    return re.sub(r"[\s\u00a0\u202f\u2007\f-]+", "", s)


def compare(segs, p):
    """None when page text p reads as the segments: in order, except that
    the characters of one table may come in any order (poppler reads a
    table's columns, or its cells' lines side by side; a reader, row by
    row); else the offset where they part and what each has there."""
    pos = 0
    for t, row in segs:
        got = p[pos:pos + len(t)]
        if got != t and not (row and sorted(got) == sorted(t)):
            i = next((k for k in range(min(len(t), len(got))) if t[k] != got[k]),
                     min(len(t), len(got)))
            return pos + i, t[max(0, i - 30):i + 50], p[max(0, pos + i - 30):pos + i + 50]
        pos += len(t)
    if pos != len(p):
        return pos, "", p[pos:pos + 80]
    return None


def main(argv):
    verbose = "-v" in argv
    files = [a for a in argv if a != "-v"]
    if not files:
        sys.stderr.write("usage: readorder.py [-v] FILE.pdf...\n")
        return 2
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            try:
                segs = struct_text(f)
                copy = os.path.join(tmp, "copy.pdf")
                strip_copy(f, copy)
                p = squash(page_text(copy))
            except Exception as e:          # unreadable: a failure, named
                print("%s: cannot read: %s" % (f, e))
                bad += 1
                continue
            n = sum(len(t) for t, _ in segs)
            if not segs:
                print("%s: no structure text (untagged?)" % f)
                bad += 1
                continue
            diff = compare(segs, p)
            if diff is None:
                print("%s: ok (%d characters, %d tables)"
                      % (f, n, sum(1 for _, r in segs if r)))
                continue
            print("%s: differs at character %d of %d/%d: structure «%s» page «%s»"
                  % (f, diff[0], n, len(p), diff[1], diff[2]))
            bad += 1
            if verbose:
                print("--- structure\n%s\n--- page\n%s"
                      % ("".join(t for t, _ in segs), p))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

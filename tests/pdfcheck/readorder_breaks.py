#!/usr/bin/python3
"""Copies of a tagged PDF pactkit wrote, each with its reading order or
its tagged text broken one way, for readorder.py's own tests.

    readorder_breaks.py OUTDIR SOURCE.pdf...

writes OUTDIR/broken-NAME.pdf for each break, made from the first SOURCE
that has what it breaks, and OUTDIR/expected.txt, one line per break:
"NAME RULE: WHAT", WHAT a regular expression that the fault line
readorder.py prints for that copy must match.  A break that finds
nothing to break in any SOURCE is an error (exit 1): the tests would
otherwise pass on nothing.
"""
import os
import sys

import pikepdf
from pikepdf import Name, Operator

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import readorder                        # noqa: E402 (beside this file)


def elements(pdf):
    """Every structure element with the array holding it and its index."""
    out, seen = [], set()

    def visit(e, parent):
        if isinstance(e, pikepdf.Array):
            for i, k in enumerate(e):
                if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                    if k.objgen in seen:
                        continue
                    seen.add(k.objgen)
                    out.append((k, e, i))
                    visit(k.get("/K"), k)
        elif isinstance(e, pikepdf.Dictionary) and "/S" in e:
            visit(pikepdf.Array([e]) if e.objgen not in seen else None, parent)

    k = pdf.Root.StructTreeRoot.K
    visit(k if isinstance(k, pikepdf.Array) else pikepdf.Array([k]), None)
    return out


def kids(e):
    k = e.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def mcids(e):
    """(page object, mcid) of e's own marked content."""
    out = []
    for k in kids(e):
        if isinstance(k, int):
            out.append((e.get("/Pg"), int(k)))
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
            out.append((k.get("/Pg", e.get("/Pg")), int(k.MCID)))
    return out


def shown(pdf, page, mcid):
    """How many bytes of text one marked content shows (Tj/TJ strings)."""
    n, inside = 0, 0
    for operands, op in pikepdf.parse_content_stream(page):
        o = str(op)
        if o == "BDC" and inside == 0 and isinstance(operands[1], pikepdf.Dictionary) \
                and operands[1].get("/MCID") == mcid:
            inside = 1
        elif inside and o in ("BDC", "BMC"):
            inside += 1
        elif inside and o == "EMC":
            inside -= 1
        elif inside and o == "Tj":
            n += len(bytes(operands[0]))
        elif inside and o == "TJ":
            n += sum(len(bytes(s)) for s in operands[0] if isinstance(s, pikepdf.String))
    return n


def remark(pdf, page, mcid, new):
    """Replaces the BDC that opens marked content mcid on page by new
    (operands, operator)."""
    ops = pikepdf.parse_content_stream(page)
    done = False
    for i, (operands, op) in enumerate(ops):
        if str(op) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                and operands[1].get("/MCID") == mcid:
            ops[i] = new
            done = True
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
    return done


def has_text(e):
    """e or an element under it has marked content."""
    return bool(mcids(e)) or any(isinstance(k, pikepdf.Dictionary) and "/S" in k
                                 and has_text(k) for k in kids(e))


def paragraph(pdf, els):
    """A P with one marked content of some length on its page (long
    enough to be said nowhere else, as a cover line may be)."""
    for e, arr, i in els:
        m = mcids(e)
        if e.S == "/P" and len(m) == 1 and m[0][0] is not None:
            pg = pikepdf.Page(m[0][0])
            if shown(pdf, pg, m[0][1]) > 200:
                return e, arr, i, pg, m[0][1]
    return None


BREAKS = {}


def brk(name, expect):
    def reg(fn):
        BREAKS[name] = (fn, expect)
        return fn
    return reg


@brk("paragraphs-swapped", "order: back up the page")
def _(pdf, els):
    """Two paragraphs side by side in their section, on one page, read
    the second first."""
    for e, arr, i in els:
        if i + 1 < len(arr) and e.S == "/P" and arr[i + 1].get("/S") == "/P":
            a, b = mcids(e), mcids(arr[i + 1])
            if a and b and a[0][0] is not None and b[0][0] is not None \
                    and a[0][0].objgen == b[0][0].objgen:
                arr[i], arr[i + 1] = arr[i + 1], e
                return True
    return False


@brk("row-reversed", "order: (leftwards along a line|back up the page)")
def _(pdf, els):
    """A table row with three cells or more read from right to left."""
    for e, arr, i in els:
        cells = kids(e)
        if e.S == "/TR" and len(cells) >= 3 and all(
                isinstance(c, pikepdf.Dictionary) and mcids(c) for c in cells):
            e.K = pikepdf.Array(list(reversed(cells)))
            return True
    return False


@brk("sections-swapped", "order: back to an earlier page")
def _(pdf, els):
    """Two sections on different pages, the later one read first."""
    for e, arr, i in els:
        if i + 1 < len(arr) and e.S == "/Sect" and arr[i + 1].get("/S") == "/Sect":
            arr[i], arr[i + 1] = arr[i + 1], e
            return True
    return False


@brk("text-as-artifact", "text: an artifact holds text read nowhere else")
def _(pdf, els):
    """A paragraph's text drawn as an artifact: seen, never read."""
    hit = paragraph(pdf, els)
    return hit is not None and remark(pdf, hit[3], hit[4],
                                      ([Name.Artifact], Operator("BMC")))


@brk("text-unmarked", "text: drawn outside marked content")
def _(pdf, els):
    """A paragraph's text in marked content without an MCID."""
    hit = paragraph(pdf, els)
    return hit is not None and remark(pdf, hit[3], hit[4],
                                      ([Name.Span], Operator("BMC")))


@brk("element-dropped", "text: marked content [0-9]+ is in no structure element")
def _(pdf, els):
    """A paragraph taken out of the tree, its text left on the page."""
    hit = paragraph(pdf, els)
    if hit is None:
        return False
    del hit[1][hit[2]]
    return True


@brk("table-transposed", "order: a table row's cells are not side by side")
def _(pdf, els):
    """Two rows of a table read as two columns: the first cells of both
    rows, then their second cells (the glyph order alone allows it: down,
    then up to a column further right)."""
    rows = [e for e, arr, i in els if e.S == "/TR" and len(kids(e)) >= 2 and all(
        isinstance(c, pikepdf.Dictionary) and has_text(c) for c in kids(e))]
    for r0, r1 in zip(rows, rows[1:]):
        a, b = kids(r0), kids(r1)
        if r0.get("/P") is not None and r1.get("/P") is not None \
                and r0.P.objgen == r1.P.objgen:
            r0.K = pikepdf.Array([a[0], b[0]] + a[2:])
            r1.K = pikepdf.Array([a[1], b[1]] + b[2:])
            return True
    return False


@brk("number-as-artifact", "text: an artifact holds text read nowhere else")
def _(pdf, els):
    """A numbered list's number drawn as an artifact: "2." is said
    elsewhere, but not here."""
    src = pdf.filename
    glyphs = None
    for e, arr, i in els:
        m = mcids(e)
        if e.S == "/Lbl" and len(m) == 1 and m[0][0] is not None:
            if glyphs is None:
                glyphs = readorder.page_glyphs(src)
            pg = pikepdf.Page(m[0][0])
            n = next(k for k, p in enumerate(pdf.pages) if p.objgen == pg.objgen)
            text = "".join(g.t for g in glyphs[n][0].get(m[0][1], []))
            if any(c.isdigit() for c in text):
                return remark(pdf, pg, m[0][1], ([Name.Artifact], Operator("BMC")))
    return False


@brk("fields-swapped", "order: back up the page")
def _(pdf, els):
    """The first and the last form field of a page swapped in the tree:
    tabbing (/Tabs /S, structure order) jumps to the foot of the page and
    back up."""
    objrs = {}
    for e, arr, i in els:
        for k in kids(e):
            if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR" \
                    and k.Obj.get("/Subtype") == "/Widget":
                pg = k.get("/Pg", e.get("/Pg"))
                objrs.setdefault(pg.objgen if pg is not None else None, []).append(k)
    for pg, ks in objrs.items():
        if pg is not None and len(ks) >= 3:
            ks[0].Obj, ks[-1].Obj = ks[-1].Obj, ks[0].Obj
            return True
    return False


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: readorder_breaks.py OUTDIR SOURCE.pdf...")
    out, srcs = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    lines = []
    for name, (fn, expect) in BREAKS.items():
        for src in srcs:
            pdf = pikepdf.open(src)
            if fn(pdf, elements(pdf)):
                pdf.save(os.path.join(out, "broken-%s.pdf" % name))
                lines.append("%s %s" % (name, expect))
                break
        else:
            sys.exit("readorder_breaks.py: nothing to break for %s in %s"
                     % (name, " ".join(srcs)))
    with open(os.path.join(out, "expected.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

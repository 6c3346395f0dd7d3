#!/usr/bin/python3
"""readorder.py: is the text read in structure order the text a reader sees?

    /usr/bin/python3 tests/pdfcheck/readorder.py [--poppler] FILE.pdf...

A screen reader reads a tagged PDF in the order of its structure tree: the
marked content (MCID) each element points to, element after element.  A
sighted reader reads the page: top to bottom, left to right, a column or a
table cell to the right after the one before it.  For each tagged PDF this
checks that the two agree, on what pdfminer (python3-pdfminer) finds drawn
on each page, glyph by glyph, with its position and the marked content it
is drawn in:

  order    every glyph read after the one before it in structure order is
           where a reader's eye goes next: further right on the same line,
           on a line below, or at the top of a column or cell further right;
           never back up a column, nor leftwards along a line, nor to an
           earlier page.  A Note (a footnote, read where it is called) is
           read as a flow of its own, and the text goes on after it from
           where it left; a Figure's content is left out (a reader hears its
           /Alt);
  tables   a table row's cells (TH, TD) begin side by side on one line,
           left to right, and each row begins under the row before;
  text     every glyph on a page is in marked content the tree reaches, or
           in an artifact; an artifact holds nothing a reader would miss:
           it is a running head or foot (/Type /Pagination), or its text is
           punctuation or symbols, or the whole text of a header row or
           header cell of a table (repeated on the next page);
  poppler  with --poppler: the structure's text as poppler reads it
           (`pdfinfo -struct-text`, a second reading of the tree by other
           code) is the text found here, in the same order.  Poppler takes
           seconds a page on a large file, hence an option.

One line per fault, "FILE: page N: RULE: what, «the text there»", then one
line per file, "FILE: ok (…)" or "FILE: N faults"; exit 1 when a file has a
fault or cannot be read, 2 on a usage error.
"""
import re
import subprocess
import sys
import unicodedata

import pikepdf
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psparser import PSLiteral

TOL = 1.0           # points: glyph boxes touch or kern a little
MAXFAULTS = 8       # per file and rule: the first few say enough


class Glyph:
    __slots__ = ("t", "x0", "y0", "x1", "y1", "page", "field")

    def __init__(self, t, box, page, field=False):
        self.t = t
        self.field = field              # a form field's box, not a glyph
        self.x0, self.y0, self.x1, self.y1 = box
        self.page = page


class Marks(PDFPageAggregator):
    """A pdfminer device that keeps each glyph with the marked content it
    is drawn in: (mcid or None, inside an artifact)."""

    def __init__(self, rsrc):
        super().__init__(rsrc, laparams=None)
        self.stack = []
        self.glyphs = []            # (Glyph, mcid, artifact, artifact run)
        self.run = 0
        self.pagination = False     # the artifact is a running head or foot

    def begin_tag(self, tag, props=None):
        name = tag.name if isinstance(tag, PSLiteral) else str(tag)
        mcid = props.get("MCID") if isinstance(props, dict) else None
        if name == "Artifact" and not any(n == "Artifact" for n, _ in self.stack):
            self.run += 1
            kind = props.get("Type") if isinstance(props, dict) else None
            self.pagination = isinstance(kind, PSLiteral) and kind.name == "Pagination"
        self.stack.append((name, mcid))

    def end_tag(self):
        if self.stack:
            self.stack.pop()

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, gs):
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, gs)
        ch = self.cur_item._objs[-1]
        art = any(n == "Artifact" for n, _ in self.stack)
        if art and self.pagination:
            art = "pagination"
        mcid = next((m for n, m in reversed(self.stack) if m is not None), None)
        self.glyphs.append((Glyph(ch.get_text(), (ch.x0, ch.y0, ch.x1, ch.y1), self.page),
                            mcid, art, self.run))
        return adv


def page_glyphs(path):
    """Per page: {mcid: [glyphs in drawing order]}, untagged glyphs,
    artifact runs' texts."""
    pages = []
    with open(path, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        rsrc = PDFResourceManager()
        dev = Marks(rsrc)
        interp = PDFPageInterpreter(rsrc, dev)
        for i, page in enumerate(PDFPage.create_pages(doc)):
            dev.glyphs, dev.stack, dev.page = [], [], i
            interp.process_page(page)
            marked, loose, arts = {}, [], {}
            for g, mcid, art, run in dev.glyphs:
                if art == "pagination":
                    continue
                if art:
                    arts[run] = arts.get(run, "") + g.t
                elif mcid is None:
                    loose.append(g)
                else:
                    marked.setdefault(mcid, []).append(g)
            pages.append((marked, loose, list(arts.values())))
    return pages


class Elem:
    __slots__ = ("s", "keys", "parent")

    def __init__(self, s, parent):
        self.s, self.keys, self.parent = s, [], parent


def walk(pdf):
    """The structure tree in order: the main flow, the flows of Notes, the
    (page, mcid) pairs Figures hold, and every element with the keys under
    it (a key is (page, mcid), or (page, widget) for a form field)."""
    index = {p.objgen: i for i, p in enumerate(pdf.pages)}
    flows, figures, seen, elems, open_ = [[]], set(), set(), [], []

    def pg_of(d, pg):
        return index.get(d.Pg.objgen, pg) if "/Pg" in d else pg

    def add(key, flow, fig):
        (figures.add(key) if fig else flow.append(key))
        for el in open_:
            el.keys.append(key)

    def visit(e, pg, flow, fig):
        if isinstance(e, pikepdf.Array):
            for k in e:
                visit(k, pg, flow, fig)
            return
        if isinstance(e, int):
            add((pg, int(e)), flow, fig)
            return
        if not isinstance(e, pikepdf.Dictionary):
            return
        if e.objgen != (0, 0):
            if e.objgen in seen:
                return
            seen.add(e.objgen)
        if e.get("/Type") == "/OBJR":
            # a form field: tabbed to in structure order (/Tabs /S), so
            # its box must come where the eye goes next too
            a = e.get("/Obj")
            if not fig and a is not None and a.get("/Subtype") == "/Widget" \
                    and "/Rect" in a:
                add((pg_of(e, pg), a), flow, fig)
            return
        if e.get("/Type") == "/MCR":
            add((pg_of(e, pg), int(e.MCID)), flow, fig)
            return
        s = str(e.get("/S", ""))
        pg = pg_of(e, pg)
        if s == "/Note" and not fig:
            flow = []
            flows.append(flow)
        el = Elem(s, open_[-1] if open_ else None)
        elems.append(el)
        open_.append(el)
        if "/K" in e:
            visit(e.K, pg, flow, fig or s == "/Figure")
        open_.pop()

    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/K" not in root:
        return None, None, None
    visit(root.K, None, flows[0], False)
    return flows, figures, elems


def line_of(a, b):
    """a and b share a line: their boxes overlap by half the smaller."""
    h = min(a.y1 - a.y0, b.y1 - b.y0)
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * h


def step(a, b):
    """None when b is where the eye goes after a, else why not."""
    if b.page < a.page:
        return "back to an earlier page (%d after %d)" % (b.page + 1, a.page + 1)
    if b.page > a.page:
        return None
    if line_of(a, b):
        return None if b.x0 >= a.x0 - TOL else "leftwards along a line"
    mid = (b.y0 + b.y1) / 2
    if mid < a.y0:                      # a line further down
        return None
    if mid > a.y1:                      # back up: only to a column to the right
        return None if b.x0 >= a.x1 - TOL else "back up the page"
    return None                         # a superscript, a rise


def squash(s):
    return re.sub(r"\s+", "", s)


def ctx(gs, i):
    return squash("".join(g.t for g in gs[max(0, i - 25):i])) + " ‖ " + \
        squash("".join(g.t for g in gs[i:i + 25]))


def furniture(s):
    """Punctuation, rules, symbols (a box to tick, a hyphen added at a line
    break): nothing to read.  Not digits: a number hidden is a fact lost
    (page numbers are in pagination artifacts, which are not asked)."""
    return all(unicodedata.category(c)[0] in "PSZ" or c.isspace() for c in s)


def poppler_text(path):
    out = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True,
                         text=True, check=True).stdout
    return "".join(l.strip()[1:-1] for l in out.splitlines()
                   if l.strip().startswith('"') and l.strip().endswith('"')
                   and len(l.strip()) >= 2)


def check(path, poppler):
    faults = []

    def fault(page, rule, what):
        if sum(1 for f in faults if f[1] == rule) < MAXFAULTS:
            faults.append((page, rule, what))
        else:
            faults.append((None, rule, None))

    pdf = pikepdf.open(path)
    flows, figures, elems = walk(pdf)
    if flows is None:
        return [("-", "structure", "no structure tree (untagged)")], 0
    pages = page_glyphs(path)

    def glyphs(keys):
        """The glyphs of keys, in order; a form field is one glyph, its box."""
        out = []
        for pg, mcid in keys:
            if pg is None or pg >= len(pages):
                continue
            if isinstance(mcid, pikepdf.Dictionary):        # a widget
                r = [float(v) for v in mcid.Rect]
                name = "[%s]" % mcid.get("/TU", mcid.get("/T", "field"))
                out.append(Glyph(name, (min(r[0], r[2]), min(r[1], r[3]),
                                        max(r[0], r[2]), max(r[1], r[3])), pg, True))
            else:
                out += [g for g in pages[pg][0].get(mcid, []) if not g.t.isspace()]
        return out

    reached = set(figures)
    for flow in flows:
        reached.update(k for k in flow if isinstance(k[1], int))
    for k in [k for fl in flows for k in fl if isinstance(k[1], int)] + sorted(figures, key=str):
        if k[0] is None or k[0] >= len(pages):
            fault("-", "structure", "marked content %s on no page" % (k,))
    # order: flow by flow, glyph by glyph
    nglyphs = 0
    for flow in flows:
        gs = glyphs(flow)
        nglyphs += len(gs)
        for i in range(1, len(gs)):
            why = step(gs[i - 1], gs[i])
            if why:
                fault(gs[i].page + 1, "order", "%s, «%s»" % (why, ctx(gs, i)))
    # tables: a row's cells side by side, its rows one under the other
    # (a table read by columns goes down and back up to a column to the
    # right, which the glyph order alone allows)
    last = {}                           # table -> first glyph of its last row
    for el in elems:
        if el.s != "/TR":
            continue
        firsts = [gs[0] for gs in (glyphs(c.keys) for c in elems
                                   if c.parent is el and c.s in ("/TH", "/TD")) if gs]
        for a, b in zip(firsts, firsts[1:]):
            # (a field fills its cell's writing room: only beside)
            beside = a.field or b.field or line_of(a, b)
            if a.page != b.page or not beside or b.x0 < a.x0:
                fault(b.page + 1, "order", "a table row's cells are not side by side: "
                      "«%s» then «%s»" % (a.t, b.t))
                break
        table = el.parent
        while table is not None and table.s != "/Table":
            table = table.parent
        firsts = [g for g in firsts if not g.field]
        if firsts and table is not None:
            a, b = last.get(id(table)), firsts[0]
            if a is not None and b.page == a.page and (b.y0 + b.y1) / 2 >= a.y0:
                fault(b.page + 1, "order", "a table row is not under the one before: "
                      "«%s» after «%s»" % (b.t, a.t))
            last[id(table)] = b
    # text: nothing drawn outside the tree or artifacts; an artifact holds
    # furniture, or the whole text of a table's header row or header cell
    # (repeated on the next page)
    whole = set()
    for el in elems:
        if el.s == "/TH" or (el.s == "/TR" and el.parent is not None
                             and el.parent.s == "/THead"):
            t = squash("".join(g.t for g in glyphs([k for k in el.keys
                                                    if isinstance(k[1], int)])))
            if t:
                whole.add(t)
    for i, (marked, loose, arts) in enumerate(pages):
        if loose:
            fault(i + 1, "text", "drawn outside marked content: «%s»"
                  % squash("".join(g.t for g in loose))[:60])
        for mcid, gs in marked.items():
            if (i, mcid) not in reached:
                fault(i + 1, "text", "marked content %d is in no structure element: «%s»"
                      % (mcid, squash("".join(g.t for g in gs))[:60]))
        for a in arts:
            t = squash(a)
            if t and not furniture(t) and t not in whole:
                fault(i + 1, "text", "an artifact holds text read nowhere else: «%s»" % t[:60])
    if not poppler:
        return faults, nglyphs
    # poppler: the structure's text as other code reads the tree
    pop = squash(poppler_text(path))
    # every key in plain tree order, Notes and Figures in place: the keys
    # under the elements at the root
    order = [k for el in elems if el.parent is None for k in el.keys
             if isinstance(k[1], int)]
    mine = squash("".join(g.t for g in glyphs(order)))
    if pop != mine:
        i = next((k for k in range(min(len(pop), len(mine))) if pop[k] != mine[k]),
                 min(len(pop), len(mine)))
        fault("-", "poppler", "pdfinfo -struct-text reads «%s» where the pages have «%s»"
              % (pop[max(0, i - 20):i + 40], mine[max(0, i - 20):i + 40]))
    return faults, nglyphs


def main(argv):
    poppler = "--poppler" in argv
    files = [a for a in argv if a != "--poppler"]
    if not files or any(f.startswith("-") for f in files):
        sys.stderr.write("usage: readorder.py [--poppler] FILE.pdf...\n")
        return 2
    bad = 0
    for f in files:
        try:
            faults, n = check(f, poppler)
        except Exception as e:          # unreadable: a failure, named
            print("%s: page -: read: cannot read: %s" % (f, e))
            bad += 1
            continue
        shown = [x for x in faults if x[0] is not None]
        for page, rule, what in shown:
            print("%s: page %s: %s: %s" % (f, page, rule, what))
        more = len(faults) - len(shown)
        if more:
            print("%s: and %d more" % (f, more))
        if faults:
            print("%s: %d faults" % (f, len(faults)))
            bad += 1
        else:
            print("%s: ok (%d glyphs in reading order)" % (f, n))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

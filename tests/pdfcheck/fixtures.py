#!/usr/bin/python3
"""Fixtures for pdfcheck's own tests: one tagged PDF that meets PDF/UA-1
and PDF/A-2a (built here with pikepdf, an embedded subset of Liberation
Sans and Debian's sRGB profile), and copies of it that each break one rule.

    fixtures.py OUTDIR

writes OUTDIR/good.pdf, OUTDIR/broken-NAME.pdf for each break, and
OUTDIR/expected.txt: one line per break, "NAME RULE" (the rule pdfcheck
must name for it) and "NAME !RULE --only FAMILY" for a family that must
stay silent.
"""

import io
import logging
import os
import re
import subprocess
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from fontTools import subset
from fontTools.ttLib import TTFont

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
ICC = "/usr/share/color/icc/sRGB.icc"          # icc-profiles-free, zlib licence
TITLE = "Fixture: an accessible form"
CHARS = "".join(chr(c) for c in range(32, 127)) + "éèàçÉœ«»’—•…"


class Font:
    """Liberation Sans, subset with its glyph ids kept: CID = glyph id."""

    def __init__(self):
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        opts = subset.Options()
        opts.retain_gids = True
        opts.notdef_outline = True
        opts.name_IDs = ["*"]
        opts.layout_features = []
        opts.drop_tables += ["GPOS", "GSUB", "GDEF"]
        tt = TTFont(FONT)
        sub = subset.Subsetter(opts)
        sub.populate(text=CHARS)
        sub.subset(tt)
        path = os.path.join(OUT, ".font.ttf")
        tt.save(path)
        with open(path, "rb") as f:
            self.data = f.read()
        os.unlink(path)
        tt = TTFont(io.BytesIO(self.data))
        self.cmap = tt.getBestCmap()
        self.gid = {c: tt.getGlyphID(self.cmap[ord(c)]) for c in CHARS}
        upem = tt["head"].unitsPerEm
        self.adv = lambda g: round(tt["hmtx"][tt.getGlyphName(g)][0] * 1000 / upem)
        self.width = {g: self.adv(g) for g in self.gid.values()}
        # the simple font's widths, code by code through WinAnsiEncoding
        self.ansi = []
        for code in range(32, 256):
            try:
                ch = bytes([code]).decode("cp1252")
            except UnicodeDecodeError:
                ch = None
            g = tt.getGlyphID(self.cmap[ord(ch)]) if ch and ord(ch) in self.cmap else 0
            self.ansi.append(self.adv(g) if g else 0)

    def enc(self, s):
        return "<" + "".join("%04X" % self.gid[c] for c in s) + ">"

    def descriptor(self, pdf):
        if getattr(self, "ff", None) is None or self.ff_pdf is not pdf:
            self.ff = pdf.make_stream(self.data)
            self.ff.Length1 = len(self.data)
            self.ff_pdf = pdf
        return pdf.make_indirect(Dictionary(
            Type=Name.FontDescriptor, FontName=Name("/LiberationSans"), Flags=32,
            FontBBox=[-544, -303, 1302, 980], ItalicAngle=0, Ascent=905,
            Descent=-212, CapHeight=688, StemV=80, FontFile2=self.ff))

    def simple(self, pdf):
        """The same program as a simple TrueType font in WinAnsiEncoding:
        the form fields' font (/DA, /DR and appearance streams), one that
        viewers can also write a typed value with."""
        return pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name("/LiberationSans"),
            Encoding=Name.WinAnsiEncoding, FirstChar=32, LastChar=255,
            Widths=Array(self.ansi), FontDescriptor=self.descriptor(pdf)))

    def ansi_enc(self, s):
        return "(" + "".join("\\%03o" % b for b in s.encode("cp1252")) + ")"

    def dict(self, pdf):
        desc = self.descriptor(pdf)
        w = Array()
        for g in sorted(self.width):
            w.append(g)
            w.append(Array([self.width[g]]))
        cmap = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
                "%d beginbfchar" % len(self.gid)]
        for c, g in sorted(self.gid.items(), key=lambda x: x[1]):
            cmap.append("<%04X> <%s>" % (g, c.encode("utf-16-be").hex().upper()))
        cmap += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop",
                 "end", "end"]
        cid = pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/LiberationSans"),
            CIDSystemInfo=Dictionary(Registry=String("Adobe"), Ordering=String("Identity"),
                                     Supplement=0),
            FontDescriptor=desc, W=w, DW=1000, CIDToGIDMap=Name.Identity))
        return pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/LiberationSans"),
            Encoding=Name("/Identity-H"), DescendantFonts=[cid],
            ToUnicode=pdf.make_stream("\n".join(cmap).encode())))


def xmp(title=TITLE, part="2", conformance="A", ua="1", extension=True, header=None,
        extra=""):
    ext = """
   <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
       xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
       xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
     <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
     <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
     <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
     <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
      <pdfaProperty:name>part</pdfaProperty:name>
      <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
      <pdfaProperty:category>internal</pdfaProperty:category>
      <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
     </rdf:li></rdf:Seq></pdfaSchema:property>
    </rdf:li></rdf:Bag></pdfaExtension:schemas>
   </rdf:Description>""" if extension else ""
    ids = ""
    if part is not None:
        ids += "\n    <pdfaid:part>%s</pdfaid:part>" % part
    if conformance is not None:
        ids += "\n    <pdfaid:conformance>%s</pdfaid:conformance>" % conformance
    uaid = "\n    <pdfuaid:part>%s</pdfuaid:part>" % ua if ua is not None else ""
    titlex = ("\n    <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>"
              "</rdf:Alt></dc:title>" % title) if title is not None else ""
    head = header or '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    return (head + """
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
   <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
       xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
       xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
       xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">%s
    <dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
    <xmp:CreatorTool>pdfcheck fixtures</xmp:CreatorTool>
    <xmp:CreateDate>2026-11-18T08:00:00Z</xmp:CreateDate>%s%s%s
   </rdf:Description>%s
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""" % (titlex, ids, uaid, extra, ext)).encode("utf-8")


class Good:
    """The conforming document.  Every break starts from a new one."""

    def __init__(self, font):
        self.font = font
        pdf = self.pdf = pikepdf.new()
        f = self.f = font.dict(pdf)
        self.st = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array()))
        self.doc = self.elem("Document", self.st)
        self.p1 = self.newpage()
        self.p2 = self.newpage()
        self.pt1 = pdf.make_indirect(Array())
        self.pt2 = pdf.make_indirect(Array())
        c1 = []
        # page 1: a running head (artifact), content, a page number
        c1.append("/Artifact <</Type /Pagination /Subtype /Header>> BDC 0.4 g BT /F1 9 Tf "
                  "56 800 Td %s Tj ET 0.5 w 56 795 m 539 795 l S EMC" % font.enc("Fixture"))
        self.h1 = self.mc(c1, "H1", self.doc, self.p1, self.pt1,
                          "0 0 0.5 rg BT /F1 20 Tf 56 760 Td %s Tj ET", "Accessible form")
        para = self.mc(c1, "Para", self.doc, self.p1, self.pt1,
                       "0 g BT /F1 11 Tf 56 730 Td %s Tj ET", "Read the guide first:")
        self.link = self.elem("Link", para)
        self.mc(c1, None, self.link, self.p1, self.pt1,
                "0 0 1 rg BT /F1 11 Tf 170 730 Td %s Tj ET", "example.org", elem=self.link)
        self.linkannot = self.annot(self.p1, Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=[168, 726, 236, 742], Border=[0, 0, 0],
            F=4, Contents=String("Guide on example.org"),
            A=Dictionary(S=Name.URI, URI=String("https://example.org/guide"))),
            self.link, 2)
        # a list
        lst = self.elem("L", self.doc)
        li = self.elem("LI", lst)
        self.mc(c1, "Lbl", li, self.p1, self.pt1, "0 g BT /F1 11 Tf 56 705 Td %s Tj ET", "•")
        self.mc(c1, "LBody", li, self.p1, self.pt1, "BT /F1 11 Tf 68 705 Td %s Tj ET",
                "One party signs for each organisation.")
        # a table
        self.table = self.elem("Table", self.doc)
        thead = self.elem("THead", self.table)
        tr = self.elem("TR", thead)
        self.th = []
        for x, t in ((56, "Party"), (200, "Role")):
            th = self.mc(c1, "TH", tr, self.p1, self.pt1, "BT /F1 11 Tf %d 675 Td %%s Tj ET" % x, t)
            th.A = Dictionary(O=Name.Table, Scope=Name.Column)
            self.th.append(th)
        tbody = self.elem("TBody", self.table)
        tr = self.elem("TR", tbody)
        for x, t in ((56, "Police"), (200, "Chair")):
            self.mc(c1, "TD", tr, self.p1, self.pt1, "BT /F1 11 Tf %d 655 Td %%s Tj ET" % x, t)
        c1.append("/Artifact BMC 0.6 G 0.5 w 56 670 m 300 670 l S EMC")
        # a figure: an image
        self.im = pdf.make_stream(bytes([255, 0, 0, 0, 128, 0, 0, 0, 255, 255, 255, 0]),
                                  Type=Name.XObject, Subtype=Name.Image, Width=2, Height=2,
                                  ColorSpace=Name.DeviceRGB, BitsPerComponent=8)
        self.fig = self.mc(c1, "Figure", self.doc, self.p1, self.pt1,
                           "q 60 0 0 40 56 590 cm /Im1 Do Q", None)
        self.fig.Alt = String("Four squares: red, green, blue and yellow")
        self.fig.A = Dictionary(O=Name.Layout, BBox=[56, 590, 116, 630])
        # a form: a label, a text field, a check box
        self.h2 = self.mc(c1, "H2", self.doc, self.p1, self.pt1,
                          "0 0 0.5 rg BT /F1 14 Tf 56 560 Td %s Tj ET", "Sign up")
        self.mc(c1, "P", self.doc, self.p1, self.pt1, "0 g BT /F1 11 Tf 56 535 Td %s Tj ET",
                "Name of the organisation:")
        c1.append("/Artifact BMC 0.6 G 0.5 w 56 505 m 300 505 l S EMC")
        self.form1 = self.elem("Form", self.doc)
        self.f2 = font.simple(pdf)
        tx = self.appearance(244, 20, "/Tx BMC q 1 1 242 18 re W n BT /F2 11 Tf 0 g 2 6 Td "
                             "%s Tj ET Q EMC" % font.ansi_enc("Élan — cœur"), fonts=True)
        self.text = self.annot(self.p1, Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=String("org"),
            TU=String("Party 1: name of the organisation"), V=String("Élan — cœur"),
            DA=String("/F2 11 Tf 0 g"), F=4, Rect=[56, 506, 300, 526],
            AP=Dictionary(N=tx)), self.form1, 3)
        self.form2 = self.elem("Form", self.doc)
        yes = self.appearance(12, 12, "q 0 G 1 w 2 6 m 5 3 l 10 10 l S Q")
        off = self.appearance(12, 12, "")
        self.box = self.annot(self.p1, Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Btn, T=String("agree"),
            TU=String("Party 1: agrees to the memorandum"), V=Name.Yes, AS=Name.Yes,
            F=4, Rect=[56, 480, 68, 492], AP=Dictionary(N=Dictionary(Yes=yes, Off=off))),
            self.form2, 4)
        self.mc(c1, "P", self.doc, self.p1, self.pt1, "BT /F1 11 Tf 74 482 Td %s Tj ET",
                "We agree.")
        c1.append("/Artifact <</Type /Pagination /Subtype /Footer>> BDC 0.4 g BT /F1 9 Tf "
                  "290 40 Td %s Tj ET EMC" % font.enc("1"))
        self.c1 = c1
        # page 2: a heading, and a paragraph drawn by a form XObject of its own
        c2 = []
        self.h2b = self.mc(c2, "H2", self.doc, self.p2, self.pt2,
                           "0 0 0.5 rg BT /F1 14 Tf 56 760 Td %s Tj ET", "Second page")
        self.xp = self.elem("P", self.doc)
        self.fx = pdf.make_stream(
            ("/P <</MCID 0>> BDC 0 g BT /F1 11 Tf 0 0 Td %s Tj ET EMC"
             % font.enc("Drawn by a form XObject.")).encode(),
            Type=Name.XObject, Subtype=Name.Form, BBox=[0, -5, 300, 15], StructParents=5,
            Resources=Dictionary(Font=Dictionary(F1=f)))
        self.xp.K = Array([Dictionary(Type=Name.MCR, Pg=self.p2.obj, Stm=self.fx, MCID=0)])
        c2.append("q 1 0 0 1 56 730 cm /Fx1 Do Q")
        c2.append("/Artifact <</Type /Pagination /Subtype /Footer>> BDC 0.4 g BT /F1 9 Tf "
                  "290 40 Td %s Tj ET EMC" % font.enc("2"))
        self.c2 = c2
        # the catalog
        self.p1.obj.Resources = Dictionary(Font=Dictionary(F1=f),
                                           XObject=Dictionary(Im1=self.im))
        self.p2.obj.Resources = Dictionary(Font=Dictionary(F1=f),
                                           XObject=Dictionary(Fx1=self.fx))
        self.p1.obj.StructParents = 0
        self.p2.obj.StructParents = 1
        self.p1.obj.Tabs = Name.S
        self.st.RoleMap = Dictionary(Para=Name.P)
        self.parenttree = Array([0, self.pt1, 1, self.pt2, 2, self.link, 3, self.form1,
                                 4, self.form2, 5, Array([self.xp])])
        self.st.ParentTree = pdf.make_indirect(Dictionary(Nums=self.parenttree))
        self.st.ParentTreeNextKey = 6
        root = pdf.Root
        root.StructTreeRoot = self.st
        root.MarkInfo = Dictionary(Marked=True)
        root.Lang = String("en-GB")
        root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        root.AcroForm = Dictionary(Fields=[self.text, self.box],
                                   DR=Dictionary(Font=Dictionary(F2=self.f2)),
                                   DA=String("/F2 0 Tf 0 g"))
        with open(ICC, "rb") as fh:
            icc = pdf.make_stream(fh.read(), N=3)
        root.OutputIntents = [Dictionary(
            Type=Name.OutputIntent, S=Name.GTS_PDFA1, DestOutputProfile=icc,
            OutputConditionIdentifier=String("sRGB"), Info=String("sRGB IEC61966-2.1"))]
        self.set_xmp(xmp())
        pdf.trailer.Info = pdf.make_indirect(Dictionary(Title=String(TITLE)))

    def set_xmp(self, data):
        self.pdf.Root.Metadata = self.pdf.make_stream(data, Type=Name.Metadata,
                                                      Subtype=Name.XML)

    def newpage(self):
        self.pdf.add_blank_page(page_size=(595, 842))
        return self.pdf.pages[-1]

    def elem(self, s, parent, k=None):
        e = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + s),
                                              P=parent, K=Array() if k is None else k))
        parent.K.append(e)
        return e

    def mc(self, content, s, parent, page, pt, ops, txt, elem=None):
        """Marked content of a new element s (or elem) under parent."""
        e = elem if elem is not None else self.elem(s, parent)
        e.Pg = page.obj
        mcid = len(pt)
        pt.append(e)
        e.K.append(mcid)
        tag = s or str(e.S)[1:]
        content.append("/%s <</MCID %d>> BDC %s EMC" % (
            tag, mcid, ops % self.font.enc(txt) if txt is not None else ops))
        return e

    def annot(self, page, a, elem, sp):
        a.P = page.obj
        a.StructParent = sp
        a = self.pdf.make_indirect(a)
        elem.K.append(Dictionary(Type=Name.OBJR, Obj=a, Pg=page.obj))
        elem.Pg = page.obj
        if "/Annots" not in page.obj:
            page.obj.Annots = Array()
        page.obj.Annots.append(a)
        return a

    def appearance(self, w, h, ops, fonts=False):
        res = Dictionary(Font=Dictionary(F2=self.f2)) if fonts else Dictionary()
        return self.pdf.make_stream(ops.encode(), Type=Name.XObject, Subtype=Name.Form,
                                    BBox=[0, 0, w, h], Resources=res)

    def save(self, path, **kw):
        self.p1.obj.Contents = self.pdf.make_stream("\n".join(self.c1).encode())
        self.p2.obj.Contents = self.pdf.make_stream("\n".join(self.c2).encode())
        kw.setdefault("static_id", True)
        kw.setdefault("fix_metadata_version", False)
        self.pdf.save(path, **kw)


# ---- the breaks: name -> (function, expected lines) -----------------------

def strip_id(path):
    """Removes the trailer /ID through qpdf's QDF form and fix-qdf."""
    qdf = path + ".qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, qdf], check=True)
    with open(qdf, "rb") as f:
        data = f.read()
    data, n = re.subn(rb"\n  /ID \[[^\]]*\]", b"", data)
    assert n == 1, "no /ID in the QDF trailer"
    fixed = subprocess.run(["fix-qdf"], input=data, stdout=subprocess.PIPE, check=True)
    with open(path, "wb") as f:
        f.write(fixed.stdout)
    os.unlink(qdf)


BREAKS = {}


def brk(name, *expect):
    def reg(fn):
        BREAKS[name] = (fn, expect)
        return fn
    return reg


@brk("no-markinfo", "UA1 6.2-1", "PDFA2 6.7.2.2-1")
def _(g):
    del g.pdf.Root.MarkInfo


@brk("suspects", "UA1 7.1-4")
def _(g):
    g.pdf.Root.MarkInfo.Suspects = True


@brk("no-structtree", "UA1 7.1-11", "PDFA2 6.7.3.3-1")
def _(g):
    del g.pdf.Root.StructTreeRoot


@brk("untagged-text", "UA1 7.1-3")
def _(g):
    g.c1.append("0 g BT /F1 11 Tf 56 420 Td %s Tj ET" % g.font.enc("Lost text"))


@brk("untagged-path", "UA1 7.1-3")
def _(g):
    g.c1.append("0 G 56 400 m 300 400 l S")


@brk("untagged-image", "UA1 7.1-3")
def _(g):
    g.c1.append("q 20 0 0 20 56 360 cm /Im1 Do Q")


@brk("untagged-form-xobject", "UA1 7.1-3")
def _(g):
    g.c2[0:0] = ["/Span BMC q 1 0 0 1 56 700 cm /Fx2 Do Q EMC"]
    g.p2.obj.Resources.XObject.Fx2 = g.pdf.make_stream(
        ("0 g BT /F1 11 Tf 0 0 Td %s Tj ET" % g.font.enc("Untagged form")).encode(),
        Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 200, 20],
        Resources=Dictionary(Font=Dictionary(F1=g.f)))


@brk("mcid-not-in-tree", "UA1 7.1-3")
def _(g):
    g.c1.append("/P <</MCID 40>> BDC 0 g BT /F1 11 Tf 56 420 Td %s Tj ET EMC"
                % g.font.enc("Orphan"))


@brk("tree-mcid-missing", "ISO32000 14.7.4.2")
def _(g):
    g.h1.K.append(41)


@brk("parenttree-wrong", "ISO32000 14.7.4.4")
def _(g):
    g.pt1[1] = g.h1


@brk("artifact-in-tagged", "UA1 7.1-1")
def _(g):
    g.c1.append("/P <</MCID %d>> BDC /Artifact BMC 0 G 56 400 m 300 400 l S EMC EMC"
                % len(g.pt1))
    e = g.elem("P", g.doc)
    e.Pg = g.p1.obj
    e.K.append(len(g.pt1))
    g.pt1.append(e)


@brk("tagged-in-artifact", "UA1 7.1-2")
def _(g):
    g.c1.append("/Artifact BMC /P <</MCID %d>> BDC 0 g BT /F1 11 Tf 56 420 Td %s Tj ET "
                "EMC EMC" % (len(g.pt1), g.font.enc("Hidden")))
    e = g.elem("P", g.doc)
    e.Pg = g.p1.obj
    e.K.append(len(g.pt1))
    g.pt1.append(e)


@brk("unbalanced-emc", "ISO32000 14.6")
def _(g):
    g.c1.append("EMC")


@brk("no-parent-key", "UA1 7.1-12")
def _(g):
    del g.h2.P


@brk("nonstandard-unmapped", "UA1 7.1-5", "PDFA2 6.7.3.4-1")
def _(g):
    g.h2b.S = Name("/Heading")


@brk("circular-rolemap", "UA1 7.1-6")
def _(g):
    g.st.RoleMap.Heading = Name("/Title")
    g.st.RoleMap.Title = Name("/Heading")
    g.h2b.S = Name("/Heading")


@brk("standard-remapped", "UA1 7.1-7", "PDFA2 6.7.3.4-3")
def _(g):
    g.st.RoleMap.Span = Name.P


@brk("heading-skip", "UA1 7.4.2-1")
def _(g):
    g.h2.S = Name.H3


@brk("first-heading-not-h1", "UA1 7.4.2-1")
def _(g):
    g.h1.S = Name.H2


@brk("h-and-hn", "UA1 7.4.4-2")
def _(g):
    g.h2b.S = Name.H


@brk("th-no-scope", "UA1 7.5-1")
def _(g):
    del g.th[0].A


@brk("table-no-th", "UA1 7.5")
def _(g):
    for th in g.th:
        th.S = Name.TD


@brk("td-outside-tr", "UA1 7.2-9", "UA1 7.2-3")
def _(g):
    td = g.elem("TD", g.table)
    td.K = Array()


@brk("ragged-table", "UA1 7.2-42")
def _(g):
    tr = g.table.K[1].K[0]
    extra = g.elem("TD", tr)
    extra.K = Array()


@brk("li-outside-l", "UA1 7.2-17")
def _(g):
    g.elem("LI", g.doc)


@brk("figure-no-alt", "UA1 7.3-1")
def _(g):
    del g.fig.Alt


@brk("no-lang", "UA1 7.2-34")
def _(g):
    del g.pdf.Root.Lang


@brk("bad-lang", "UA1 7.2-29", "PDFA2 6.7.4-1")
def _(g):
    g.pdf.Root.Lang = String("en_GB")


@brk("note-no-id", "UA1 7.9-1")
def _(g):
    g.elem("Note", g.doc)


@brk("no-metadata", "UA1 7.1-8", "PDFA2 6.6.2.1-1")
def _(g):
    del g.pdf.Root.Metadata


@brk("xmp-no-title", "UA1 7.1-9")
def _(g):
    g.set_xmp(xmp(title=None))


@brk("xmp-no-pdfuaid", "UA1 5-1")
def _(g):
    g.set_xmp(xmp(ua=None, extension=False))


@brk("xmp-pdfuaid-2", "UA1 5-2")
def _(g):
    g.set_xmp(xmp(ua="2"))


@brk("no-displaydoctitle", "UA1 7.1-10")
def _(g):
    g.pdf.Root.ViewerPreferences.DisplayDocTitle = False


@brk("no-tabs", "UA1 7.18.3-1")
def _(g):
    del g.p1.obj.Tabs


@brk("widget-not-in-form", "UA1 7.18.4-1")
def _(g):
    g.form1.S = Name.Div


@brk("form-two-kids", "UA1 7.18.4-2")
def _(g):
    g.form2.K.append(Dictionary(Type=Name.OBJR, Obj=g.text, Pg=g.p1.obj))


@brk("widget-no-tu", "UA1 7.18.1-3")
def _(g):
    del g.text.TU


@brk("link-not-in-link", "UA1 7.18.5-1")
def _(g):
    g.link.S = Name.Span


@brk("link-no-contents", "UA1 7.18.5-2")
def _(g):
    del g.linkannot.Contents


@brk("annot-no-objr", "ISO32000 14.7.4.3")
def _(g):
    g.link.K = Array([k for k in g.link.K if not isinstance(k, Dictionary)])


@brk("annot-no-structparent", "ISO32000 14.7.4.4", "UA1 7.18.4-1")
def _(g):
    del g.box.StructParent


@brk("form-xobject-twice", "UA1 7.20-2")
def _(g):
    g.c2.append("q 1 0 0 1 56 600 cm /Fx1 Do Q")


@brk("font-not-embedded", "UA1 7.21.4.1-1", "PDFA2 6.2.11.4.1-1")
def _(g):
    del g.f.DescendantFonts[0].FontDescriptor.FontFile2


@brk("no-tounicode", "UA1 7.21.7-1", "PDFA2 6.2.11.7.2-1")
def _(g):
    del g.f.ToUnicode


@brk("tounicode-gap", "UA1 7.21.7-1")
def _(g):
    data = g.f.ToUnicode.read_bytes()
    gid = g.font.gid["c"]
    data = re.sub(rb"<%04X> <[0-9A-F]+>\n" % gid, b"", data)
    data = data.replace(b"%d beginbfchar" % len(g.font.gid),
                        b"%d beginbfchar" % (len(g.font.gid) - 1))
    g.f.ToUnicode = g.pdf.make_stream(data)


@brk("notdef", "UA1 7.21.8-1", "PDFA2 6.2.11.8-1")
def _(g):
    g.c1.append("/P <</MCID %d>> BDC 0 g BT /F1 11 Tf 56 420 Td <0000> Tj ET EMC" % len(g.pt1))
    e = g.elem("P", g.doc)
    e.Pg = g.p1.obj
    e.K.append(len(g.pt1))
    g.pt1.append(e)


@brk("widths-wrong", "UA1 7.21.5-1", "PDFA2 6.2.11.5-1")
def _(g):
    w = g.f.DescendantFonts[0].W
    gid = g.font.gid["A"]
    for i in range(0, len(w), 2):
        if int(w[i]) == gid:
            w[i + 1] = Array([int(w[i + 1][0]) + 200])


@brk("simple-widths-zero", "UA1 7.21.5-1", "PDFA2 6.2.11.5-1")
def _(g):
    g.f2.Widths = Array([0] * 224)


@brk("glyph-missing", "UA1 7.21.4.1-2", "PDFA2 6.2.11.4.1-2")
def _(g):
    # U+0416, kept out of the subset: its glyph id has no outline
    tt = TTFont(FONT)
    gid = tt.getGlyphID(tt.getBestCmap()[0x416])
    g.c1.append("/P <</MCID %d>> BDC 0 g BT /F1 11 Tf 56 420 Td <%04X> Tj ET EMC"
                % (len(g.pt1), gid))
    e = g.elem("P", g.doc)
    e.Pg = g.p1.obj
    e.K.append(len(g.pt1))
    g.pt1.append(e)


@brk("xmp-no-pdfaid", "PDFA2 6.6.4-1")
def _(g):
    g.set_xmp(xmp(part=None, conformance=None))


@brk("xmp-pdfaid-1", "PDFA2 6.6.4-2")
def _(g):
    g.set_xmp(xmp(part="1"))


@brk("xmp-conformance-x", "PDFA2 6.6.4-3")
def _(g):
    g.set_xmp(xmp(conformance="X"))


@brk("xmp-no-extension", "PDFA2 6.6.2.3.1-1")
def _(g):
    g.set_xmp(xmp(extension=False))


@brk("xmp-encoding-attr", "PDFA2 6.6.2.1-3")
def _(g):
    g.set_xmp(xmp(header='<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d" '
                         'encoding="UTF-8"?>'))


@brk("xmp-malformed", "PDFA2 6.6.2.1-4")
def _(g):
    g.set_xmp(xmp(title="Fish & chips"))


@brk("no-outputintent", "PDFA2 6.2.4.3-2")
def _(g):
    del g.pdf.Root.OutputIntents


@brk("outputintent-no-profile", "PDFA2 6.2.3-1")
def _(g):
    del g.pdf.Root.OutputIntents[0].DestOutputProfile


@brk("cmyk-with-rgb-intent", "PDFA2 6.2.4.3-3")
def _(g):
    g.c1.append("/Artifact BMC 0 0 0 1 K 56 400 m 300 400 l S EMC")


@brk("encrypted", "PDFA2 6.1.3-2")
def _(g):
    g.save_kw = dict(encryption=pikepdf.Encryption(owner="owner", user="", R=4),
                     static_id=False)


@brk("no-id", "PDFA2 6.1.3-1")
def _(g):
    g.post = strip_id


@brk("data-after-eof", "PDFA2 6.1.3-3")
def _(g):
    def post(path):
        with open(path, "ab") as f:
            f.write(b"\n%% trailing garbage\n")
    g.post = post


@brk("needappearances", "PDFA2 6.4.1-3")
def _(g):
    g.pdf.Root.AcroForm.NeedAppearances = True


@brk("widget-no-ap", "PDFA2 6.3.3-1")
def _(g):
    del g.text.AP


@brk("ap-with-d", "PDFA2 6.3.3-2")
def _(g):
    g.text.AP.D = g.text.AP.N


@brk("button-ap-stream", "PDFA2 6.3.3-3")
def _(g):
    g.box.AP.N = g.box.AP.N.Yes


@brk("annot-no-print", "PDFA2 6.3.2-2")
def _(g):
    g.linkannot.F = 0


@brk("annot-no-f", "PDFA2 6.3.2-1")
def _(g):
    del g.linkannot.F


@brk("link-javascript", "PDFA2 6.5.1-1")
def _(g):
    g.linkannot.A = Dictionary(S=Name.JavaScript, JS=String("app.alert(1)"))


@brk("named-action", "PDFA2 6.5.1-2")
def _(g):
    g.linkannot.A = Dictionary(S=Name.Named, N=Name.Print)


@brk("widget-aa", "PDFA2 6.4.1-1")
def _(g):
    g.text.AA = Dictionary(K=Dictionary(S=Name.JavaScript, JS=String("1")))


@brk("catalog-aa", "PDFA2 6.5.2-1")
def _(g):
    g.pdf.Root.AA = Dictionary(WC=Dictionary(S=Name.JavaScript, JS=String("1")))


@brk("info-title-differs", "PDFA1 6.7.3-2")
def _(g):
    g.pdf.trailer.Info.Title = String("Another title")


@brk("blend-mode", "PDFA2 6.2.10-1")
def _(g):
    g.p1.obj.Resources.ExtGState = Dictionary(GS1=Dictionary(Type=Name.ExtGState,
                                                            BM=Name.Dodgy))
    g.c1.append("/Artifact BMC /GS1 gs EMC")


@brk("transparency-no-intent", "PDFA2 6.2.10-2")
def _(g):
    del g.pdf.Root.OutputIntents
    g.p1.obj.Resources.ExtGState = Dictionary(GS1=Dictionary(Type=Name.ExtGState, ca=0.5))
    g.c1.append("/Artifact BMC q /GS1 gs 0 g 56 400 100 20 re f Q EMC")


@brk("tr-in-extgstate", "PDFA2 6.2.5-1")
def _(g):
    g.p1.obj.Resources.ExtGState = Dictionary(GS1=Dictionary(Type=Name.ExtGState,
                                                            TR=Name.Identity))
    g.c1.append("/Artifact BMC /GS1 gs EMC")


@brk("interpolate", "PDFA2 6.2.8-3")
def _(g):
    g.im.Interpolate = True


@brk("lzw", "PDFA2 6.1.7.2-1")
def _(g):
    # "-----A---B" in LZW, the example of ISO 32000-1, 7.4.4.2
    s = g.pdf.make_stream(b"")
    s.write(b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01", filter=Name.LZWDecode)
    g.pdf.Root.PieceInfo = Dictionary(Fixture=Dictionary(Private=s,
                                                         LastModified=String("D:2026")))
    g.save_kw = dict(stream_decode_level=pikepdf.StreamDecodeLevel.none,
                     compress_streams=False)


@brk("page-aa", "PDFA2 6.5.2-2")
def _(g):
    g.p2.obj.AA = Dictionary(O=Dictionary(S=Name.JavaScript, JS=String("1")))


def main():
    global OUT
    if len(sys.argv) != 2:
        sys.exit("usage: fixtures.py OUTDIR")
    OUT = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    font = Font()
    Good(font).save(os.path.join(OUT, "good.pdf"))
    lines = []
    for nm, (fn, expect) in BREAKS.items():
        g = Good(font)
        g.save_kw, g.post = {}, None
        fn(g)
        path = os.path.join(OUT, "broken-%s.pdf" % nm)
        g.save(path, **g.save_kw)
        if g.post:
            g.post(path)
        for rule in expect:
            lines.append("%s %s" % (nm, rule))
    with open(os.path.join(OUT, "expected.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

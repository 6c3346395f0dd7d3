#!/usr/bin/python3
"""pdfcheck: the machine-checkable rules of PDF/UA-1 and PDF/A-2 (level A).

Reads PDFs with pikepdf (Debian's python3-pikepdf) and prints one line per broken rule and page:

    file.pdf: page N: RULE: message

A rule broken many times on one page is one line with a count.  RULE names
the veraPDF validation-profile rule it follows ("UA1 7.1-3" is ISO 14289-1
clause 7.1, test 3; "PDFA2 6.2.11.4.1-1" is ISO 19005-2), an ISO 32000-1
clause for the structure tree's own consistency ("ISO32000 14.7.4.4"), or
"PDFA1 6.7.3-n" for the Info/XMP agreement that PDF/A-1 requires (veraPDF's
PDF/A-2 profile no longer checks it; pactkit keeps the two equal anyway).
veraPDF itself (Java, neither in Debian nor in npm) stays the reference:
this checker covers what pactkit writes, not every rule (see --rules).

Exit: 0 when every file passes, 1 when a rule fails or a file cannot be
read, 2 on a usage error.
"""

import argparse
import bisect
import datetime
import re
import struct
import sys
import xml.parsers.expat
from collections import defaultdict

try:
    import pikepdf
    from pikepdf import Array, Dictionary, Name, Stream, String
except ImportError:                                     # pragma: no cover
    sys.exit("pdfcheck: needs python3-pikepdf (apt-get install python3-pikepdf)"
             " and Debian's /usr/bin/python3")

# ---- the rules checked, for --rules and the README -----------------------

RULES = """\
UA1 5-1..5-3      XMP: pdfuaid:part present, = 1, prefix pdfuaid
UA1 6.1-1         header %PDF-1.0 .. %PDF-1.7
UA1 6.2-1         /MarkInfo << /Marked true >>
UA1 7.1-1, 7.1-2  no Artifact inside tagged content, no tagged content inside an Artifact
UA1 7.1-3         every text, path and image (page and form XObject streams) inside
                  marked content whose MCID reaches a structure element, or an Artifact
UA1 7.1-4         /MarkInfo /Suspects not true
UA1 7.1-5..7.1-7  non-standard types role-mapped, no circular map, standard types not remapped
UA1 7.1-8, 7.1-9  catalog /Metadata (Type Metadata, Subtype XML) with dc:title
UA1 7.1-10        /ViewerPreferences << /DisplayDocTitle true >>
UA1 7.1-11        /StructTreeRoot
UA1 7.1-12        every structure element has /P
UA1 7.2-2..7.2-40 language of outlines, Alt, ActualText, E, Contents, TU and text determined;
                  /Lang well formed; Table, TR, TH, TD, THead, TBody, TFoot, L, LI, Lbl,
                  LBody, TOC, TOCI and Caption nesting; rows with the same number of columns
UA1 7.3-1         Figure with /Alt or /ActualText
UA1 7.4.2-1       headings: H1 first, no level skipped going down
UA1 7.4.4-1..3    H and Hn not mixed, at most one H child
UA1 7.5           a Table has TH cells (pactkit's rule: the Matterhorn check is human)
UA1 7.5-1         TH with /Scope unless the TDs name their /Headers
UA1 7.7-1         Formula with /Alt or /ActualText
UA1 7.9-1, 7.9-2  Note with a unique /ID
UA1 7.10-1, 7.10-2 optional content configurations named, no /AS
UA1 7.16-1        encrypted: /P allows text extraction for accessibility (bit 10)
UA1 7.18.1-1..3   annotations in Annot elements with /Contents; widgets' fields with /TU
UA1 7.18.2-1      no TrapNet annotation
UA1 7.18.3-1      /Tabs /S on every page with annotations
UA1 7.18.4-1, -2  widgets in Form elements (through /StructParent); a Form without a Role
                  holds one OBJR to its widget
UA1 7.18.5-1, -2  links in Link elements, with /Contents
UA1 7.18.8-1      PrinterMark annotations not in the structure
UA1 7.20-1, 7.20-2 no reference XObject; a tagged form XObject painted once
UA1 7.21.3.1-1 .. 7.21.3.3-1  CIDSystemInfo, CIDToGIDMap, CMaps embedded
UA1 7.21.4.1-1, -2 fonts embedded, glyphs present in the font program
UA1 7.21.5-1      glyph widths: /W or /Widths agree with the TrueType font program
UA1 7.21.7-1, -2  ToUnicode maps every code used; no U+0000, U+FEFF, U+FFFE
UA1 7.21.8-1      no .notdef glyph drawn
ISO32000 14.6     BMC/BDC and EMC balanced in each content stream
ISO32000 14.7.2   a structure element has one parent; its /P is that parent; MCIDs have a page
ISO32000 14.7.3   ParentTreeNextKey greater than every key
ISO32000 14.7.4.2 every MCID of the tree is in its page's (or form's) content, once
ISO32000 14.7.4.3 an annotation with /StructParent is in its element's /K as an OBJR
ISO32000 14.7.4.4 ParentTree entries name the element that holds the MCID or OBJR
PDFA2 6.1.2-1, -2 header at byte 0, binary comment line
PDFA2 6.1.3-1..3  trailer /ID, no /Encrypt, nothing after %%EOF
PDFA2 6.1.7.1-3, 6.1.7.2-1, 6.1.10-1  no external streams, no LZW, no Crypt, known filters
PDFA2 6.1.13-8, -11 q nesting at most 28; page boxes 3 .. 14400 units
PDFA2 6.2.2-2     a form XObject that uses resources has its own /Resources
PDFA2 6.2.3-1, -2 OutputIntent GTS_PDFA1 with an embedded ICC profile (prtr or mntr;
                  RGB, CMYK or GRAY; version < 5); one profile for all entries
PDFA2 6.2.4.3-2..4 DeviceRGB, DeviceCMYK, DeviceGray only with a matching output intent
PDFA2 6.2.5-1..3  ExtGState without TR, TR2 (other than Default), HTP
PDFA2 6.2.6-1     rendering intents are the four standard ones
PDFA2 6.2.8-1..5  images: no Alternates, OPI, Interpolate true; BitsPerComponent
PDFA2 6.2.9-1..3  form XObjects: no OPI, PS, Ref; no PostScript XObject
PDFA2 6.2.10-1, -2 standard blend modes; transparency needs an output intent or a group CS
PDFA2 6.2.11.2-1..7, 6.2.11.3.1-1 .. 6.2.11.3.3-1  font dictionaries well formed
PDFA2 6.2.11.4.1-1, -2, 6.2.11.5-1  fonts embedded, glyphs present, widths consistent
PDFA2 6.2.11.7.2-1, -2, 6.2.11.7.3-1 (level A) ToUnicode for every code; PUA needs ActualText
PDFA2 6.2.11.8-1  no .notdef glyph drawn
PDFA2 6.3.1-1 .. 6.3.3-4  annotation types; /F print, not hidden; appearance streams
                  (only /N; a dictionary of states for check boxes and radio buttons)
PDFA2 6.4.1-1..3, 6.4.2-1, -2  no A/AA on widgets or fields, no NeedAppearances true,
                  no XFA, no NeedsRendering
PDFA2 6.5.1-1, -2, 6.5.2-1, -2  no JavaScript, Launch, ... actions; named actions
                  limited to page moves; no AA on the catalog or pages
PDFA2 6.6.2.1-1..5 catalog XMP: Type/Subtype, no bytes/encoding in the xpacket header,
                  well-formed XML, UTF-8
PDFA2 6.6.2.3.1-1 XMP properties from predefined schemas or a PDF/A extension schema
                  (pdfuaid needs one in a PDF/A-2 file)
PDFA2 6.6.4-1..5  pdfaid:part 2, pdfaid:conformance A, B or U, prefix pdfaid
PDFA2 6.7.2.2-1, 6.7.3.3-1, 6.7.3.4-1..3, 6.7.4-1 (level A) Marked, StructTreeRoot,
                  role map, /Lang well formed
PDFA2 6.9-1..4, 6.10-1, 6.10-2, 6.11-1  optional content names; no alternate
                  presentations, PresSteps, Requirements
PDFA1 6.7.3-1..8  Info entries equal to their XMP properties
Not checked: Type 1 and CFF font programs (glyphs, widths), CharSet/CIDSet, JPEG2000,
halftones, embedded files, digital signatures, the human checks of the Matterhorn
Protocol (reading order, alt text quality, colour contrast)."""

STANDARD_TYPES = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody
TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
Figure Formula Form""".split())

PREDEFINED_CMAPS = set("""Identity-H Identity-V GB-EUC-H GB-EUC-V GBpc-EUC-H GBpc-EUC-V
GBK-EUC-H GBK-EUC-V GBKp-EUC-H GBKp-EUC-V GBK2K-H GBK2K-V UniGB-UCS2-H UniGB-UCS2-V
UniGB-UTF16-H UniGB-UTF16-V B5pc-H B5pc-V HKscs-B5-H HKscs-B5-V ETen-B5-H ETen-B5-V
ETenms-B5-H ETenms-B5-V CNS-EUC-H CNS-EUC-V UniCNS-UCS2-H UniCNS-UCS2-V UniCNS-UTF16-H
UniCNS-UTF16-V 83pv-RKSJ-H 90ms-RKSJ-H 90ms-RKSJ-V 90msp-RKSJ-H 90msp-RKSJ-V
90pv-RKSJ-H Add-RKSJ-H Add-RKSJ-V EUC-H EUC-V Ext-RKSJ-H Ext-RKSJ-V H V UniJIS-UCS2-H
UniJIS-UCS2-V UniJIS-UCS2-HW-H UniJIS-UCS2-HW-V UniJIS-UTF16-H UniJIS-UTF16-V KSC-EUC-H
KSC-EUC-V KSCms-UHC-H KSCms-UHC-V KSCms-UHC-HW-H KSCms-UHC-HW-V KSCpc-EUC-H
UniKS-UCS2-H UniKS-UCS2-V UniKS-UTF16-H UniKS-UTF16-V""".split())

STANDARD14 = set("""Times-Roman Times-Bold Times-Italic Times-BoldItalic Helvetica
Helvetica-Bold Helvetica-Oblique Helvetica-BoldOblique Courier Courier-Bold
Courier-Oblique Courier-BoldOblique Symbol ZapfDingbats""".split())

ANNOT_TYPES = set("""Text Link FreeText Line Square Circle Polygon PolyLine Highlight
Underline Squiggly StrikeOut Stamp Caret Ink Popup FileAttachment Widget PrinterMark
TrapNet Watermark Redact""".split())

ALLOWED_ACTIONS = {"GoTo", "GoToR", "GoToE", "Thread", "URI", "Named", "SubmitForm"}
ALLOWED_NAMED = {"NextPage", "PrevPage", "FirstPage", "LastPage"}
BLEND_MODES = set("""Normal Compatible Multiply Screen Overlay Darken Lighten ColorDodge
ColorBurn HardLight SoftLight Difference Exclusion Hue Saturation Color
Luminosity""".split())
INTENTS = {"RelativeColorimetric", "AbsoluteColorimetric", "Perceptual", "Saturation"}
FILTERS = {"ASCIIHexDecode", "ASCII85Decode", "FlateDecode", "RunLengthDecode",
           "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode"}
INLINE_FILTERS = FILTERS | {"AHx", "A85", "Fl", "RL", "CCF", "DCT"}

NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS_XML = "http://www.w3.org/XML/1998/namespace"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_XMP = "http://ns.adobe.com/xap/1.0/"
NS_PDF = "http://ns.adobe.com/pdf/1.3/"
NS_PDFAID = "http://www.aiim.org/pdfa/ns/id/"
NS_PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
NS_EXT = "http://www.aiim.org/pdfa/ns/extension/"
NS_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
NS_PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
# XMP 2005's own schemas and PDF/A's: usable without an extension schema
PREDEFINED_NS = {
    NS_DC, NS_XMP, NS_PDF, NS_PDFAID, NS_EXT,
    "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/photoshop/1.0/",
    "http://ns.adobe.com/camera-raw-settings/1.0/", "http://ns.adobe.com/tiff/1.0/",
    "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
    "http://ns.adobe.com/xmp/Identifier/qual/1.0/",
}

LANG_RE = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
PAINT_PATH = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
TEXT_SHOW = {"Tj", "TJ", "'", '"'}


# ---- small helpers --------------------------------------------------------

def name(o):
    """'Foo' for the name /Foo, else None."""
    return str(o)[1:] if isinstance(o, Name) else None


def dvalues(d):
    return [d[k] for k in d.keys()]


def isdict(o):
    return isinstance(o, (Dictionary, Stream))


def key(o):
    """A stable key for an object: its object number, else None (direct)."""
    try:
        og = o.objgen
    except Exception:
        return None
    return og if og != (0, 0) else None


def text(o, limit=40):
    try:
        s = str(o)
    except Exception:
        s = repr(o)
    return s if len(s) <= limit else s[:limit - 1] + "…"


def as_list(o):
    if o is None:
        return []
    if isinstance(o, Array):
        return list(o)
    return [o]


def number(o, default=None):
    try:
        return float(o)
    except Exception:
        return default


def inherited(page, k):
    seen = 0
    while page is not None and seen < 64:
        v = page.get(k)
        if v is not None:
            return v
        page = page.get("/Parent")
        seen += 1
    return None


def number_tree(node, out, depth=0):
    """Flattens a number tree into out {int: value}."""
    if not isdict(node) or depth > 32:
        return
    nums = node.get("/Nums")
    if isinstance(nums, Array):
        items = list(nums)
        for i in range(0, len(items) - 1, 2):
            try:
                out[int(items[i])] = items[i + 1]
            except Exception:
                pass
    for kid in as_list(node.get("/Kids")):
        number_tree(kid, out, depth + 1)


def name_tree_values(node, depth=0):
    if not isdict(node) or depth > 32:
        return
    items = as_list(node.get("/Names"))
    for i in range(1, len(items), 2):
        yield items[i]
    for kid in as_list(node.get("/Kids")):
        yield from name_tree_values(kid, depth + 1)


def pdf_date(s):
    """D:YYYYMMDDHHmmSSOHH'mm' -> aware datetime, or None."""
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
                 r"(?:([Zz+\-])(\d{2})?'?(\d{2})?'?)?", s or "")
    if not m:
        return None
    y, mo, d, h, mi, se = (int(m.group(i) or dflt) for i, dflt in
                           zip(range(1, 7), (0, 1, 1, 0, 0, 0)))
    off = 0
    if m.group(7) in ("+", "-"):
        off = int(m.group(8) or 0) * 60 + int(m.group(9) or 0)
        if m.group(7) == "-":
            off = -off
    try:
        return datetime.datetime(y, mo, d, h, mi, se, tzinfo=datetime.timezone(
            datetime.timedelta(minutes=off)))
    except ValueError:
        return None


def xmp_date(s):
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})"
                 r"(?:\.\d+)?)?(Z|[+\-]\d{2}:\d{2})?)?)?)?$", (s or "").strip())
    if not m:
        return None
    y, mo, d, h, mi, se = (int(m.group(i) or dflt) for i, dflt in
                           zip(range(1, 7), (0, 1, 1, 0, 0, 0)))
    off = 0
    tz = m.group(7)
    if tz and tz != "Z":
        off = (int(tz[1:3]) * 60 + int(tz[4:6])) * (1 if tz[0] == "+" else -1)
    try:
        return datetime.datetime(y, mo, d, h, mi, se, tzinfo=datetime.timezone(
            datetime.timedelta(minutes=off)))
    except ValueError:
        return None


class TrueType:
    """What pdfcheck reads of a TrueType font program: unitsPerEm, the glyph
    count, advances, which glyphs have outlines, and the (3,1) and (3,0)
    cmaps."""

    def __init__(self, data):
        self.data = data
        ntables = struct.unpack(">H", data[4:6])[0]
        t = {}
        for i in range(ntables):
            tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
            t[tag] = (off, length)
        self.t = t
        head, maxp, hhea = (t[x][0] for x in (b"head", b"maxp", b"hhea"))
        self.upem = struct.unpack(">H", data[head + 18:head + 20])[0]
        self.longloca = struct.unpack(">h", data[head + 50:head + 52])[0] == 1
        self.nglyphs = struct.unpack(">H", data[maxp + 4:maxp + 6])[0]
        self.nmetrics = struct.unpack(">H", data[hhea + 34:hhea + 36])[0]
        self.hmtx = t[b"hmtx"][0]
        self._cmaps = None

    def advance(self, g):
        i = min(g, self.nmetrics - 1)
        return struct.unpack(">H", self.data[self.hmtx + 4 * i:self.hmtx + 4 * i + 2])[0]

    def has_outline(self, g):
        """False when glyph g has no data (a subset that left it out)."""
        if b"loca" not in self.t or b"glyf" not in self.t or g >= self.nglyphs:
            return g < self.nglyphs
        loca = self.t[b"loca"][0]
        if self.longloca:
            a, b = struct.unpack(">II", self.data[loca + 4 * g:loca + 4 * g + 8])
        else:
            a, b = (2 * x for x in struct.unpack(">HH", self.data[loca + 2 * g:loca + 2 * g + 4]))
        return b > a

    def cmap(self, platform, encoding):
        """{code: gid} of a format 4 subtable, or None."""
        if self._cmaps is None:
            self._cmaps = {}
            if b"cmap" in self.t:
                base = self.t[b"cmap"][0]
                d = self.data
                n = struct.unpack(">H", d[base + 2:base + 4])[0]
                for i in range(n):
                    pid, eid, off = struct.unpack(">HHI", d[base + 4 + 8 * i:base + 12 + 8 * i])
                    sub = base + off
                    if struct.unpack(">H", d[sub:sub + 2])[0] != 4:
                        continue
                    segx2 = struct.unpack(">H", d[sub + 6:sub + 8])[0]
                    ends = struct.unpack(">%dH" % (segx2 // 2), d[sub + 14:sub + 14 + segx2])
                    p = sub + 16 + segx2
                    starts = struct.unpack(">%dH" % (segx2 // 2), d[p:p + segx2])
                    deltas = struct.unpack(">%dh" % (segx2 // 2), d[p + segx2:p + 2 * segx2])
                    roff_at = p + 2 * segx2
                    roffs = struct.unpack(">%dH" % (segx2 // 2), d[roff_at:roff_at + segx2])
                    m = {}
                    for k in range(segx2 // 2):
                        for c in range(starts[k], min(ends[k], 0xFFFE) + 1):
                            if roffs[k] == 0:
                                g = (c + deltas[k]) & 0xFFFF
                            else:
                                at = roff_at + 2 * k + roffs[k] + 2 * (c - starts[k])
                                g = struct.unpack(">H", d[at:at + 2])[0]
                                if g:
                                    g = (g + deltas[k]) & 0xFFFF
                            if g:
                                m[c] = g
                    self._cmaps[(pid, eid)] = m
        return self._cmaps.get((platform, encoding))


# ---- XMP ------------------------------------------------------------------

class XNode:
    __slots__ = ("uri", "local", "prefix", "attrs", "kids", "text", "parent")

    def __init__(self, uri, local, prefix, parent):
        self.uri, self.local, self.prefix, self.parent = uri, local, prefix, parent
        self.attrs, self.kids, self.text = [], [], ""

    def iter(self):
        yield self
        for k in self.kids:
            yield from k.iter()

    def alltext(self):
        return self.text + "".join(k.alltext() for k in self.kids)


def split_name(n):
    parts = n.split(" ")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return parts[0], parts[1], None
    return "", parts[0], None


def parse_xml(data):
    """An XNode tree (namespace prefixes kept), or raises ExpatError."""
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    p.namespace_prefixes = True
    root = XNode("", "", None, None)
    cur = [root]

    def start(n, attrs):
        node = XNode(*split_name(n), cur[-1])
        node.attrs = [(split_name(k), v) for k, v in attrs.items()]
        cur[-1].kids.append(node)
        cur.append(node)

    def end(n):
        cur.pop()

    def chars(s):
        cur[-1].text += s

    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    p.Parse(data, True)
    return root


class Xmp:
    """The top-level properties of an XMP packet: (uri, local) -> (prefix,
    value), value a string or a list of (text, lang)."""

    def __init__(self, root):
        self.props = {}
        self.order = []
        self.ext = defaultdict(set)      # extension schema ns -> property names
        for node in root.iter():
            if node.uri == NS_RDF and node.local == "Description" and \
                    self._top(node):
                for (uri, local, prefix), v in node.attrs:
                    if uri in (NS_RDF, NS_XML, "") or uri.startswith("http://www.w3.org/2000/xmlns"):
                        continue
                    self._add(uri, local, prefix, v)
                for k in node.kids:
                    self._add(k.uri, k.local, k.prefix, self._value(k))
            if node.uri == NS_SCHEMA and node.local == "namespaceURI":
                holder = node.parent
                names = {n.alltext().strip() for n in holder.iter()
                         if n.uri == NS_PROPERTY and n.local == "name"}
                self.ext[node.alltext().strip()] |= names

    @staticmethod
    def _top(node):
        p = node.parent
        return p is not None and p.uri == NS_RDF and p.local == "RDF"

    def _add(self, uri, local, prefix, value):
        self.props[(uri, local)] = (prefix, value)
        self.order.append((uri, local, prefix))

    @staticmethod
    def _value(k):
        for c in k.kids:
            if c.uri == NS_RDF and c.local in ("Alt", "Seq", "Bag"):
                out = []
                for li in c.kids:
                    lang = None
                    for (u, l, _), v in li.attrs:
                        if u == NS_XML and l == "lang":
                            lang = v
                    out.append((li.alltext().strip(), lang))
                return out
        for (u, l, _), v in k.attrs:
            if u == NS_RDF and l == "resource":
                return v
        return k.alltext().strip()

    def get(self, uri, local):
        return self.props.get((uri, local), (None, None))

    def first(self, uri, local):
        """The x-default (or first) text of a property."""
        _, v = self.get(uri, local)
        if isinstance(v, list):
            for t, lang in v:
                if lang == "x-default":
                    return t
            return v[0][0] if v else None
        return v


# ---- ToUnicode CMaps ------------------------------------------------------

class ToUnicode:
    """bfchar and bfrange entries of a ToUnicode CMap."""

    TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]|([A-Za-z]+)|(-?\d+)")

    def __init__(self, data):
        self.chars = {}
        self.ranges = []          # (lo, hi, first value or list)
        self.cidrange = False
        self.starts = None
        mode = None
        buf = []
        arr = None
        for m in self.TOKEN.finditer(data):
            tok = m.group(0)
            if m.group(2):
                word = m.group(2)
                if word in (b"beginbfchar", b"beginbfrange"):
                    mode, buf = word, []
                elif word in (b"endbfchar", b"endbfrange"):
                    mode = None
                elif word == b"begincidrange":
                    self.cidrange = True
                continue
            if mode is None:
                continue
            if tok == b"[":
                arr = []
                continue
            if tok == b"]":
                buf.append(arr)
                arr = None
            elif m.group(1) is not None:
                h = re.sub(rb"\s", b"", m.group(1))
                v = bytes.fromhex(h.decode()) if len(h) % 2 == 0 else b""
                if arr is not None:
                    arr.append(v)
                    continue
                buf.append(v)
            else:
                continue
            if mode == b"beginbfchar" and len(buf) == 2:
                self.chars[int.from_bytes(buf[0], "big")] = buf[1]
                buf = []
            elif mode == b"beginbfrange" and len(buf) == 3:
                lo = int.from_bytes(buf[0], "big")
                hi = int.from_bytes(buf[1], "big")
                self.ranges.append((lo, hi, buf[2]))
                buf = []

    def lookup(self, code):
        """The Unicode text of a code, or None."""
        v = self.chars.get(code)
        if v is None:
            if self.starts is None:
                self.ranges.sort(key=lambda r: r[0])
                self.starts = [r[0] for r in self.ranges]
            i = bisect.bisect_right(self.starts, code) - 1
            for lo, hi, dst in self.ranges[max(i, 0):i + 1]:
                if lo <= code <= hi:
                    if isinstance(dst, list):
                        i = code - lo
                        v = dst[i] if i < len(dst) else None
                    elif dst:
                        n = int.from_bytes(dst, "big") + code - lo
                        v = n.to_bytes(len(dst), "big")
                    break
        if v is None:
            return None
        try:
            return v.decode("utf-16-be")
        except UnicodeDecodeError:
            return v.decode("latin-1")


# ---- the report -----------------------------------------------------------

class Report:
    def __init__(self, path):
        self.path = path
        self.items = {}           # (page, rule, group) -> [count, detail]
        self.order = []

    def add(self, rule, page, group, detail=None):
        k = (page, rule, group)
        if k in self.items:
            self.items[k][0] += 1
            return
        self.items[k] = [1, detail]
        self.order.append(k)

    def lines(self):
        def sortkey(k):
            return (k[0] if k[0] is not None else 0, self.order.index(k))
        for k in sorted(self.order, key=sortkey):
            page, rule, group = k
            n, detail = self.items[k]
            msg = group
            if n > 1:
                msg += " (%d times%s)" % (n, ", first: " + detail if detail else "")
            elif detail:
                msg += ": " + detail
            yield "%s: page %s: %s: %s" % (self.path, page if page else "-", rule, msg)

    def count(self):
        return sum(v[0] for v in self.items.values())

    def rules(self):
        out = defaultdict(int)
        for (page, rule, group), (n, _) in self.items.items():
            out[rule] += n
        return out


# ---- the checker ----------------------------------------------------------

class Font:
    """A font met through Tf, and what the content did with it."""

    def tounicode(self):
        if self.cmap is False:
            self.cmap = None
            tu = self.d.get("/ToUnicode")
            if isinstance(tu, Stream):
                try:
                    self.cmap = ToUnicode(tu.read_bytes())
                except Exception:
                    self.cmap = None
        return self.cmap

    def __init__(self, d, page):
        self.d = d
        self.page = page              # first page it is used on
        self.codes = {}               # code -> first page
        self.noactual = set()         # codes drawn outside an ActualText
        self.rendered = False         # drawn in a mode other than 3
        self.codelen = 1
        self.bad = False              # codes undecidable
        self.cmap = False             # ToUnicode, parsed on first use
        sub = name(d.get("/Subtype"))
        if sub == "Type0":
            enc = d.get("/Encoding")
            if name(enc) in ("Identity-H", "Identity-V") or \
                    (name(enc) or "").startswith(("Uni", )) and "UCS2" in name(enc):
                self.codelen = 2
            elif isinstance(enc, Stream):
                self.codelen = 2          # embedded CMaps: assume 2 bytes
            else:
                self.bad = True


class Checker:
    def __init__(self, path, only):
        self.path = path
        self.r = Report(path)
        self.ua = only in (None, "ua")
        self.pa = only in (None, "pdfa")
        self.levela = True

    # -- reporting: a rule of one family, or the same fault in both --
    def u(self, rule, page, group, detail=None):
        if self.ua:
            self.r.add("UA1 " + rule, page, group, detail)

    def iso(self, rule, page, group, detail=None):
        if self.ua:
            self.r.add("ISO32000 " + rule, page, group, detail)

    def a(self, rule, page, group, detail=None):
        if self.pa:
            self.r.add("PDFA2 " + rule, page, group, detail)

    def a_levela(self, rule, page, group, detail=None):
        if self.pa and self.levela:
            self.r.add("PDFA2 " + rule, page, group, detail)

    def run(self):
        try:
            with open(self.path, "rb") as f:
                self.raw = f.read()
        except OSError as e:
            self.r.add("PDF", None, "cannot read the file", e.strerror)
            return self.r
        try:
            self.pdf = pikepdf.open(self.path)
        except pikepdf.PasswordError:
            self.r.add("PDF", None, "encrypted with a user password: cannot check")
            return self.r
        except Exception as e:
            self.r.add("PDF", None, "not a readable PDF", text(e, 120))
            return self.r
        with self.pdf:
            try:
                self.checks()
            except Exception as e:                       # a bug here, or a
                import traceback                           # file too broken
                tb = traceback.extract_tb(e.__traceback__)[-1]
                self.r.add("PDF", None, "the checker stopped", "%s at line %d: %s"
                           % (type(e).__name__, tb.lineno, text(e, 80)))
        return self.r

    def checks(self):
        if True:
            self.root = self.pdf.Root
            self.pages = list(self.pdf.pages)
            self.pageno = {}
            for i, p in enumerate(self.pages):
                k = key(p.obj)
                if k:
                    self.pageno[k] = i + 1
            self.catalog_lang = None
            self.fonts = {}
            self.devspaces = {}        # 'RGB'/'CMYK'/'Gray' -> first page
            self.checked_xobj = set()
            self.checked_gs = set()
            self.form_calls = defaultdict(int)
            self.form_scanned = set()
            self.content_mcids = {}    # (owner, mcid) -> page
            self.transparency = set()  # pages
            self.bytes_checks()
            self.trailer()
            self.metadata()
            self.catalog()
            self.output_intents()
            self.structure()
            for i, p in enumerate(self.pages):
                self.page(i + 1, p.obj)
            self.mcid_consistency()
            self.colours()
            self.font_checks()
            self.actions()
            self.streams()

    # -- bytes, trailer ------------------------------------------------
    def bytes_checks(self):
        head = self.raw[:32]
        m = re.match(rb"%PDF-1\.([0-9])(\r\n|\r|\n)", head)
        if not m or m.group(1) > b"7":
            self.u("6.1-1", None, "the header is not %PDF-1.n (n 0..7) on its own line",
                   text(head[:10]))
            self.a("6.1.2-1", None, "the header is not %PDF-1.n at byte 0",
                   text(head[:10]))
        else:
            rest = self.raw[m.end():m.end() + 6]
            if not (rest[:1] == b"%" and len(rest) >= 5 and all(b > 127 for b in rest[1:5])):
                self.a("6.1.2-2", None, "the header is not followed by a comment "
                       "of four bytes above 127")
        i = self.raw.rfind(b"%%EOF")
        if i < 0:
            self.a("6.1.3-3", None, "no %%EOF marker")
        else:
            tail = self.raw[i + 5:]
            if tail not in (b"", b"\n", b"\r\n", b"\r"):
                self.a("6.1.3-3", None, "%d bytes follow the last %%%%EOF" % len(tail))

    def trailer(self):
        t = self.pdf.trailer
        ids = t.get("/ID")
        if not isinstance(ids, Array) or len(ids) != 2 or \
                not all(isinstance(x, String) and len(bytes(x)) > 0 for x in ids):
            self.a("6.1.3-1", None, "the trailer has no /ID with two file identifiers")
        if self.pdf.is_encrypted:
            self.a("6.1.3-2", None, "the file is encrypted (/Encrypt in the trailer)")
            try:
                p = int(self.pdf.encryption.P)
            except Exception:
                p = None
            if p is None or not (p & 512):
                self.u("7.16-1", None, "encrypted without permission bit 10 "
                       "(text extraction for accessibility)")

    # -- XMP ---------------------------------------------------------------
    def metadata(self):
        self.xmp = None
        m = self.root.get("/Metadata")
        if not isinstance(m, Stream):
            self.u("7.1-8", None, "the catalog has no /Metadata stream")
            self.a("6.6.2.1-1", None, "the catalog has no /Metadata stream")
            self.xmp_ids(None)
            return
        if name(m.get("/Type")) != "Metadata" or name(m.get("/Subtype")) != "XML":
            what = "/Type %s /Subtype %s" % (m.get("/Type"), m.get("/Subtype"))
            self.u("7.1-8", None, "the metadata stream is not /Type /Metadata "
                   "/Subtype /XML", what)
            self.a("6.6.2.1-1", None, "the metadata stream is not /Type /Metadata "
                   "/Subtype /XML", what)
        try:
            data = m.read_bytes()
        except Exception as e:
            self.a("6.6.2.1-4", None, "the metadata stream cannot be decoded", text(e))
            self.xmp_ids(None)
            return
        pi = re.search(rb"<\?xpacket\s+begin=([^?]*)\?>", data)
        if pi:
            if re.search(rb"\sbytes\s*=", pi.group(0)):
                self.a("6.6.2.1-2", None, "the xpacket header has a bytes attribute")
            if re.search(rb"\sencoding\s*=", pi.group(0)):
                self.a("6.6.2.1-3", None, "the xpacket header has an encoding attribute")
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        if body.startswith((b"\xfe\xff", b"\xff\xfe")) or b"\x00" in body[:64]:
            self.a("6.6.2.1-5", None, "the XMP packet is not UTF-8")
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            self.a("6.6.2.1-5", None, "the XMP packet is not valid UTF-8")
        try:
            tree = parse_xml(data)
        except xml.parsers.expat.ExpatError as e:
            self.a("6.6.2.1-4", None, "the XMP packet is not well-formed XML", str(e))
            self.u("7.1-9", None, "the XMP packet cannot be read, so has no dc:title")
            self.xmp_ids(None)
            return
        self.xmp = Xmp(tree)
        self.xmp_ids(self.xmp)
        title = self.xmp.first(NS_DC, "title")
        if not title:
            self.u("7.1-9", None, "the XMP metadata has no dc:title")
        # schemas (6.6.2.3.1-1)
        for uri, local, prefix in self.xmp.order:
            if uri in PREDEFINED_NS:
                continue
            if uri in self.xmp.ext and (local in self.xmp.ext[uri]):
                continue
            self.a("6.6.2.3.1-1", None, "an XMP property has no predefined schema and "
                   "no PDF/A extension schema", "%s:%s (%s)" % (prefix, local, uri))
        self.info_vs_xmp()

    def xmp_ids(self, x):
        if x is None:
            self.u("5-1", None, "no PDF/UA identification (pdfuaid:part) in the XMP")
            self.a("6.6.4-1", None, "no PDF/A identification (pdfaid:part) in the XMP")
            return
        prefix, part = x.get(NS_PDFUAID, "part")
        if part is None:
            self.u("5-1", None, "no PDF/UA identification (pdfuaid:part) in the XMP")
        else:
            if str(part).strip() != "1":
                self.u("5-2", None, "pdfuaid:part is not 1", text(part))
            if prefix not in (None, "pdfuaid"):
                self.u("5-3", None, "the pdfuaid:part property uses the prefix " + prefix)
        prefix, part = x.get(NS_PDFAID, "part")
        cprefix, conf = x.get(NS_PDFAID, "conformance")
        if part is None:
            self.a("6.6.4-1", None, "no PDF/A identification (pdfaid:part) in the XMP")
        else:
            if str(part).strip() != "2":
                self.a("6.6.4-2", None, "pdfaid:part is not 2", text(part))
            if conf is None or str(conf).strip() not in ("A", "B", "U"):
                self.a("6.6.4-3", None, "pdfaid:conformance is not A, B or U", text(conf))
            if prefix not in (None, "pdfaid"):
                self.a("6.6.4-4", None, "pdfaid:part uses the prefix " + prefix)
            if cprefix not in (None, "pdfaid"):
                self.a("6.6.4-5", None, "pdfaid:conformance uses the prefix " + cprefix)
            if conf is not None and str(conf).strip() == "B":
                self.levela = False

    def info_vs_xmp(self):
        info = self.pdf.trailer.get("/Info")
        if not isdict(info) or not self.pa:
            return
        pairs = [("/Title", "6.7.3-2", NS_DC, "title", "dc:title"),
                 ("/Author", "6.7.3-3", NS_DC, "creator", "dc:creator"),
                 ("/Subject", "6.7.3-4", NS_DC, "description", "dc:description"),
                 ("/Keywords", "6.7.3-5", NS_PDF, "Keywords", "pdf:Keywords"),
                 ("/Creator", "6.7.3-6", NS_XMP, "CreatorTool", "xmp:CreatorTool"),
                 ("/Producer", "6.7.3-7", NS_PDF, "Producer", "pdf:Producer")]
        for k, rule, uri, local, label in pairs:
            v = info.get(k)
            if v is None:
                continue
            x = self.xmp.first(uri, local)
            if x is None or str(v) != x:
                self.r.add("PDFA1 " + rule, None, "Info %s differs from XMP %s" % (k, label),
                           "%r / %r" % (text(v), text(x) if x is not None else None))
        for k, rule, local in (("/CreationDate", "6.7.3-1", "CreateDate"),
                               ("/ModDate", "6.7.3-8", "ModifyDate")):
            v = info.get(k)
            if v is None:
                continue
            x = self.xmp.first(NS_XMP, local)
            if x is None or pdf_date(str(v)) is None or pdf_date(str(v)) != xmp_date(x):
                self.r.add("PDFA1 " + rule, None, "Info %s differs from XMP xmp:%s"
                           % (k, local), "%s / %s" % (text(v), x))

    # -- catalog -----------------------------------------------------------
    def catalog(self):
        root = self.root
        mi = root.get("/MarkInfo")
        marked = isdict(mi) and mi.get("/Marked") is not None and bool(mi.get("/Marked"))
        if not marked:
            self.u("6.2-1", None, "the catalog has no /MarkInfo << /Marked true >>")
            self.a_levela("6.7.2.2-1", None, "the catalog has no /MarkInfo << /Marked true >>")
        if isdict(mi) and mi.get("/Suspects") is not None and bool(mi.get("/Suspects")):
            self.u("7.1-4", None, "/MarkInfo /Suspects is true")
        lang = root.get("/Lang")
        if lang is not None:
            s = str(lang)
            if s and not LANG_RE.match(s):
                self.u("7.2-29", None, "the catalog /Lang is not a language tag", repr(s))
                self.a_levela("6.7.4-1", None, "the catalog /Lang is not a language tag", repr(s))
            if s:
                self.catalog_lang = s
        if self.catalog_lang is None and isdict(root.get("/Outlines")) and \
                root.Outlines.get("/First") is not None:
            self.u("7.2-2", None, "outline entries but no catalog /Lang")
        vp = root.get("/ViewerPreferences")
        if not (isdict(vp) and vp.get("/DisplayDocTitle") is not None and
                bool(vp.get("/DisplayDocTitle"))):
            self.u("7.1-10", None, "no /ViewerPreferences << /DisplayDocTitle true >>")
        if root.get("/NeedsRendering") is not None and bool(root.NeedsRendering):
            self.a("6.4.2-2", None, "the catalog has /NeedsRendering true")
        if root.get("/AA") is not None:
            self.a("6.5.2-1", None, "the catalog has an /AA (additional actions) entry")
        if root.get("/Requirements") is not None:
            self.a("6.11-1", None, "the catalog has a /Requirements entry")
        names = root.get("/Names")
        if isdict(names) and names.get("/AlternatePresentations") is not None:
            self.a("6.10-1", None, "the name dictionary has /AlternatePresentations")
        ocp = root.get("/OCProperties")
        if isdict(ocp):
            seen = set()
            for cfg in [ocp.get("/D")] + as_list(ocp.get("/Configs")):
                if not isdict(cfg):
                    continue
                n = cfg.get("/Name")
                if n is None or str(n) == "":
                    self.u("7.10-1", None, "an optional content configuration has no /Name")
                    self.a("6.9-1", None, "an optional content configuration has no /Name")
                elif str(n) in seen:
                    self.a("6.9-2", None, "two optional content configurations named "
                           + repr(str(n)))
                else:
                    seen.add(str(n))
                if cfg.get("/AS") is not None:
                    self.u("7.10-2", None, "an optional content configuration has /AS")
                    self.a("6.9-4", None, "an optional content configuration has /AS")
        af = root.get("/AcroForm")
        if isdict(af):
            if af.get("/NeedAppearances") is not None and bool(af.NeedAppearances):
                self.a("6.4.1-3", None, "the AcroForm has /NeedAppearances true")
            if af.get("/XFA") is not None:
                self.a("6.4.2-1", None, "the AcroForm has /XFA")
            self.fields(af)

    def fields(self, af):
        seen = set()
        stack = list(as_list(af.get("/Fields")))
        while stack:
            f = stack.pop()
            if not isdict(f) or key(f) in seen:
                continue
            if key(f):
                seen.add(key(f))
            if f.get("/AA") is not None:
                self.a("6.4.1-2", self.annot_page(f), "a form field has an /AA entry",
                       text(f.get("/T")))
            stack.extend(as_list(f.get("/Kids")))

    def annot_page(self, a):
        p = a.get("/P")
        return self.pageno.get(key(p)) if p is not None else None

    # -- output intents ----------------------------------------------------
    def output_intents(self):
        self.output_cs = None
        profiles = set()
        for oi in as_list(self.root.get("/OutputIntents")):
            if not isdict(oi) or name(oi.get("/S")) != "GTS_PDFA1":
                if isdict(oi) and name(oi.get("/S")) == "GTS_PDFX" and \
                        oi.get("/DestOutputProfileRef") is not None:
                    self.a("6.2.3-3", None, "a PDF/X output intent has /DestOutputProfileRef")
                continue
            prof = oi.get("/DestOutputProfile")
            if not isinstance(prof, Stream):
                self.a("6.2.3-1", None, "the GTS_PDFA1 output intent has no "
                       "embedded ICC profile (/DestOutputProfile)")
                continue
            profiles.add(key(prof))
            try:
                icc = prof.read_bytes()
            except Exception:
                icc = b""
            if len(icc) < 128:
                self.a("6.2.3-1", None, "the output intent's ICC profile is too short "
                       "(%d bytes)" % len(icc))
                continue
            cls, cs, ver = icc[12:16], icc[16:20], icc[8]
            if cls not in (b"prtr", b"mntr") or cs not in (b"RGB ", b"CMYK", b"GRAY") \
                    or ver >= 5:
                self.a("6.2.3-1", None, "the output intent's ICC profile is not an "
                       "output or monitor profile in RGB, CMYK or GRAY (version < 5)",
                       "class %r, space %r, version %d" % (cls.decode("latin-1"),
                                                          cs.decode("latin-1"), ver))
                continue
            n = prof.get("/N")
            want = {b"RGB ": 3, b"CMYK": 4, b"GRAY": 1}[cs]
            if n is not None and int(n) != want:
                self.a("6.2.3-1", None, "the ICC profile stream's /N %d does not match "
                       "its colour space" % int(n), cs.decode())
            self.output_cs = {b"RGB ": "RGB", b"CMYK": "CMYK", b"GRAY": "Gray"}[cs]
        if len(profiles) > 1:
            self.a("6.2.3-2", None, "output intents with different destination profiles")

    # -- structure tree ----------------------------------------------------
    def stdtype(self, s, rolemap):
        """The standard type s maps to, 'circular', or None."""
        seen = set()
        while s is not None and s not in STANDARD_TYPES:
            if s in seen:
                return "circular"
            seen.add(s)
            s = name(rolemap.get("/" + s)) if rolemap is not None else None
        return s

    def structure(self):
        self.elems = {}           # key -> info dict (only indirect elements)
        self.tree_mcids = {}      # (owner, mcid) -> elem key
        self.tree_objr = {}       # obj key -> elem key
        self.pt_mcid = {}         # (owner, mcid) -> elem key or None
        self.pt_obj = {}          # StructParent key -> elem key
        self.pt_keys = {}
        st = self.root.get("/StructTreeRoot")
        if not isdict(st):
            self.u("7.1-11", None, "the catalog has no /StructTreeRoot")
            self.a_levela("6.7.3.3-1", None, "the catalog has no /StructTreeRoot")
            return
        rolemap = st.get("/RoleMap")
        if not isdict(rolemap):
            rolemap = None
        else:
            for k in rolemap.keys():
                if k[1:] in STANDARD_TYPES:
                    self.u("7.1-7", None, "the RoleMap remaps a standard type",
                           "%s -> %s" % (k, rolemap[k]))
                    self.a_levela("6.7.3.4-3", None, "the RoleMap remaps a standard type",
                                  "%s -> %s" % (k, rolemap[k]))
        self.rolemap = rolemap
        pt = st.get("/ParentTree")
        pt_map = {}
        if isdict(pt):
            number_tree(pt, pt_map)
        self.pt_keys = pt_map
        nk = st.get("/ParentTreeNextKey")
        if nk is not None and pt_map and int(nk) <= max(pt_map):
            self.iso("14.7.3", None, "ParentTreeNextKey %d is not above the largest "
                     "ParentTree key %d" % (int(nk), max(pt_map)))
        # walk the tree, depth first, in document order
        headings = []
        uses_h = uses_hn = False
        note_ids = defaultdict(int)
        stack = [(kid, st, None, 0) for kid in reversed(as_list(st.get("/K")))]
        while stack:
            e, parent, parent_info, depth = stack.pop()
            if not isdict(e) or name(e.get("/Type")) in ("MCR", "OBJR") or \
                    isinstance(e, Stream):
                continue
            k = key(e)
            if k is not None and k in self.elems:
                self.iso("14.7.2", None, "a structure element has two parents",
                         "<%s> object %d" % (name(e.get("/S")), k[0]))
                continue
            s = name(e.get("/S"))
            std = self.stdtype(s, rolemap)
            pg = e.get("/Pg")
            page = self.pageno.get(key(pg)) if pg is not None else None
            label = "<%s>" % s
            if std == "circular":
                self.u("7.1-6", page, "a circular role mapping", s)
                self.a_levela("6.7.3.4-2", page, "a circular role mapping", s)
                std = None
            elif std is None:
                self.u("7.1-5", page, "a non-standard structure type not role-mapped "
                       "to a standard one", label)
                self.a_levela("6.7.3.4-1", page, "a non-standard structure type not "
                              "role-mapped to a standard one", label)
            info = {"e": e, "std": std, "s": s, "page": page, "parent": parent_info,
                    "kids": [], "lang": None}
            if parent_info is not None:
                parent_info["kids"].append(info)
            else:
                self.toplevel = getattr(self, "toplevel", [])
                self.toplevel.append(info)
            if k is not None:
                self.elems[k] = info
            # P
            p = e.get("/P")
            if p is None:
                self.u("7.1-12", page, "a structure element has no /P", label)
            elif key(p) is not None and key(parent) is not None and key(p) != key(parent):
                self.iso("14.7.2", page, "a structure element's /P is not its parent", label)
            # language
            lang = e.get("/Lang")
            if lang is not None:
                if str(lang) and not LANG_RE.match(str(lang)):
                    self.u("7.2-29", page, "a /Lang that is not a language tag",
                           "%s %r" % (label, str(lang)))
                    self.a_levela("6.7.4-1", page, "a /Lang that is not a language tag",
                                  "%s %r" % (label, str(lang)))
                info["lang"] = str(lang)
            if self.catalog_lang is None and self.elem_lang(info) is None:
                for attr, rule in (("/Alt", "7.2-22"), ("/ActualText", "7.2-21"),
                                   ("/E", "7.2-23")):
                    if e.get(attr) is not None:
                        self.u(rule, page, "the language of an element's %s is not "
                               "determined (no /Lang on it, its parents or the "
                               "catalog)" % attr, label)
            # standard-type rules
            if std == "Figure" or std == "Formula":
                alt = e.get("/Alt")
                if (alt is None or str(alt) == "") and e.get("/ActualText") is None:
                    self.u("7.3-1" if std == "Figure" else "7.7-1", page,
                           "a %s without /Alt or /ActualText" % std, label)
            if std == "Note":
                nid = e.get("/ID")
                if nid is None or str(nid) == "":
                    self.u("7.9-1", page, "a Note without /ID")
                else:
                    note_ids[str(nid)] += 1
                    if note_ids[str(nid)] == 2:
                        self.u("7.9-2", page, "two Notes with the /ID " + repr(str(nid)))
            if std == "H":
                uses_h = True
            if std and re.match(r"^H[1-6]$", std):
                uses_hn = True
                headings.append((int(std[1]), page, label))
            # kids
            kids = as_list(e.get("/K"))
            for kid in kids:
                if isinstance(kid, int) or (not isdict(kid) and number(kid) is not None):
                    self.tree_mcid(int(kid), None, pg, info, page, label)
                elif isdict(kid) and name(kid.get("/Type")) == "MCR":
                    mpg = kid.get("/Pg") if kid.get("/Pg") is not None else pg
                    self.tree_mcid(int(kid.get("/MCID", -1)), kid.get("/Stm"), mpg, info,
                                   page, label)
                elif isdict(kid) and name(kid.get("/Type")) == "OBJR":
                    obj = kid.get("/Obj")
                    info.setdefault("objrs", []).append(obj)
                    if key(obj) is not None and k is not None:
                        self.tree_objr[key(obj)] = k
            for kid in reversed(kids):
                if isdict(kid) and name(kid.get("/Type")) not in ("MCR", "OBJR") and \
                        not isinstance(kid, Stream):
                    stack.append((kid, e, info, depth + 1))
        self.headings(headings, uses_h, uses_hn)
        for info in self.elems.values():
            self.nesting(info)
        # the parent tree, resolved per page and per form
        for i, p in enumerate(self.pages):
            sp = p.obj.get("/StructParents")
            if sp is None:
                continue
            arr = pt_map.get(int(sp))
            owner = ("page", key(p.obj))
            if not isinstance(arr, Array):
                self.iso("14.7.4.4", i + 1, "the page's /StructParents %d has no array "
                         "in the ParentTree" % int(sp))
                continue
            for mcid, v in enumerate(arr):
                self.pt_mcid[(owner, mcid)] = key(v) if isdict(v) else None
        for k, v in pt_map.items():
            if isdict(v):
                self.pt_obj[k] = key(v)

    def elem_lang(self, info):
        while info is not None:
            if info.get("lang"):
                return info["lang"]
            info = info["parent"]
        return None

    def tree_mcid(self, mcid, stm, pg, info, page, label):
        if stm is not None:
            owner = ("form", key(stm))
        elif pg is not None:
            owner = ("page", key(pg))
        else:
            self.iso("14.7.2", page, "an MCID kid with no page (/Pg)", "%s MCID %d"
                     % (label, mcid))
            return
        k = key(info["e"])
        prev = self.tree_mcids.get((owner, mcid))
        if prev is not None and prev != k:
            self.iso("14.7.4.2", self.pageno.get(owner[1]), "an MCID is a kid of two "
                     "structure elements", "MCID %d" % mcid)
        self.tree_mcids[(owner, mcid)] = k
        info.setdefault("mcids", []).append((owner, mcid))

    def headings(self, headings, uses_h, uses_hn):
        if uses_h and uses_hn:
            self.u("7.4.4-2", None, "both H and H1-H6 headings are used")
            self.u("7.4.4-3", None, "both H and H1-H6 headings are used")
        prev = 0
        for level, page, label in headings:
            if level > prev + 1:
                if prev == 0:
                    self.u("7.4.2-1", page, "the first heading is not H1", label)
                else:
                    self.u("7.4.2-1", page, "a heading level is skipped",
                           "H%d after H%d" % (level, prev))
            prev = level

    def nesting(self, info):
        std = info["std"]
        kids = [k["std"] for k in info["kids"]]
        parent = info["parent"]["std"] if info["parent"] is not None else None
        page, label = info["page"], "<%s>" % info["s"]

        def only(allowed, rule):
            bad = [k for k in kids if k not in allowed]
            if bad:
                self.u(rule, page, "a %s holds %s" % (std, ", ".join(sorted(set(map(str, bad))))))

        def inside(allowed, rule):
            if parent not in allowed:
                self.u(rule, page, "a %s inside %s" % (std, parent or "the root"), label)

        if std == "Table":
            only({"TR", "THead", "TBody", "TFoot", "Caption"}, "7.2-3")
            if kids.count("THead") > 1:
                self.u("7.2-11", page, "a Table with more than one THead")
            if kids.count("TFoot") > 1:
                self.u("7.2-12", page, "a Table with more than one TFoot")
            if "TFoot" in kids and "TBody" not in kids:
                self.u("7.2-13", page, "a Table with a TFoot and no TBody")
            if "THead" in kids and "TBody" not in kids:
                self.u("7.2-14", page, "a Table with a THead and no TBody")
            if "Caption" in kids[1:-1]:
                self.u("7.2-16", page, "a Table's Caption is neither its first nor last kid")
            if kids.count("Caption") > 1:
                self.u("7.2-39", page, "a Table with more than one Caption")
            self.table(info)
        elif std == "TR":
            inside({"Table", "THead", "TBody", "TFoot"}, "7.2-4")
            only({"TH", "TD"}, "7.2-10")
        elif std in ("THead", "TBody", "TFoot"):
            inside({"Table"}, {"THead": "7.2-5", "TBody": "7.2-6", "TFoot": "7.2-7"}[std])
            only({"TR"}, {"THead": "7.2-36", "TBody": "7.2-37", "TFoot": "7.2-38"}[std])
        elif std == "TH":
            inside({"TR"}, "7.2-8")
        elif std == "TD":
            inside({"TR"}, "7.2-9")
        elif std == "LI":
            inside({"L"}, "7.2-17")
            only({"Lbl", "LBody"}, "7.2-20")
        elif std == "LBody":
            inside({"LI"}, "7.2-18")
        elif std == "L":
            only({"L", "LI", "Caption"}, "7.2-19")
            if "Caption" in kids[1:]:
                self.u("7.2-40", page, "an L's Caption is not its first kid")
        elif std == "TOCI":
            inside({"TOC"}, "7.2-26")
        elif std == "TOC":
            only({"TOC", "TOCI", "Caption"}, "7.2-27")
            if "Caption" in kids[1:]:
                self.u("7.2-28", page, "a TOC's Caption is not its first kid")
        if len([k for k in kids if k == "H"]) > 1:
            self.u("7.4.4-1", page, "an element with more than one H kid", label)
        if std == "Form":
            objrs = info.get("objrs", [])
            if not self.has_role(info["e"]) and \
                    (len(objrs) != 1 or info["kids"] or info.get("mcids") or
                     not isdict(objrs[0]) or name(objrs[0].get("/Subtype")) != "Widget"):
                self.u("7.18.4-2", page, "a Form element without a Role attribute does "
                       "not hold exactly one OBJR to a widget")

    @staticmethod
    def attrs(e):
        out = []
        for a in as_list(e.get("/A")):
            if isdict(a):
                out.append(a)
        return out

    def has_role(self, e):
        return any(a.get("/Role") is not None for a in self.attrs(e))

    def cell_attr(self, e, k):
        for a in self.attrs(e):
            if a.get(k) is not None:
                return a.get(k)
        return None

    def table(self, info):
        rows = []
        for k in info["kids"]:
            if k["std"] == "TR":
                rows.append(k)
            elif k["std"] in ("THead", "TBody", "TFoot"):
                rows.extend(r for r in k["kids"] if r["std"] == "TR")
        cells = [c for r in rows for c in r["kids"] if c["std"] in ("TH", "TD")]
        ths = [c for c in cells if c["std"] == "TH"]
        page = info["page"]
        if cells and not ths:
            self.u("7.5", page, "a Table has no TH header cell")
        headers_used = any(c["e"].get("/Headers") is not None or
                           self.cell_attr(c["e"], "/Headers") is not None
                           for c in cells if c["std"] == "TD")
        if not headers_used:
            for c in ths:
                if self.cell_attr(c["e"], "/Scope") is None:
                    self.u("7.5-1", c["page"] or page, "a TH without /Scope (and no "
                           "/Headers on the data cells)", text(self.elem_text(c)))
        # rows with the same width, spans counted
        taken = defaultdict(set)
        widths = []
        for ri, r in enumerate(rows):
            col = 0
            for c in r["kids"]:
                if c["std"] not in ("TH", "TD"):
                    continue
                while col in taken[ri]:
                    col += 1
                rs = int(number(self.cell_attr(c["e"], "/RowSpan"), 1) or 1)
                cs = int(number(self.cell_attr(c["e"], "/ColSpan"), 1) or 1)
                for dr in range(max(rs, 1)):
                    for dc in range(max(cs, 1)):
                        taken[ri + dr].add(col + dc)
                col += max(cs, 1)
            widths.append(max(taken[ri]) + 1 if taken[ri] else 0)
        if len(set(widths)) > 1:
            self.u("7.2-42", page, "a Table's rows have different numbers of columns",
                   "/".join(map(str, widths)))

    def elem_text(self, info):
        alt = info["e"].get("/ActualText")
        if alt is None:
            alt = info["e"].get("/Alt")
        return str(alt) if alt is not None else "<%s>" % info["s"]

    # -- pages, content, annotations -----------------------------------------
    def page(self, n, p):
        for box in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"):
            b = inherited(p, box) if box in ("/MediaBox", "/CropBox") else p.get(box)
            if isinstance(b, Array) and len(b) == 4:
                w = abs(number(b[2], 0) - number(b[0], 0))
                h = abs(number(b[3], 0) - number(b[1], 0))
                if not (3 <= w <= 14400 and 3 <= h <= 14400):
                    self.a("6.1.13-11", n, "a page box is not 3 to 14400 units a side",
                           "%s %gx%g" % (box, w, h))
        if p.get("/AA") is not None:
            self.a("6.5.2-2", n, "the page has an /AA (additional actions) entry")
        if p.get("/PresSteps") is not None:
            self.a("6.10-2", n, "the page has /PresSteps")
        grp = p.get("/Group")
        self.page_group_cs = isdict(grp) and grp.get("/CS") is not None
        res = inherited(p, "/Resources")
        self.cur_page = n
        self.scan(p, res, n, ("page", key(p)), None, marked=True)
        if n in self.transparency and self.output_cs is None and not self.page_group_cs:
            self.a("6.2.10-2", n, "transparency on a page with no output intent and "
                   "no /Group with /CS")
        self.annotations(n, p)

    def resolve_cs(self, cs, res, n, depth=0):
        """Records the device colour spaces a colour space uses."""
        if depth > 8 or cs is None:
            return
        nm = name(cs)
        if nm is not None:
            if nm in ("DeviceRGB", "RGB", "DeviceCMYK", "CMYK", "DeviceGray", "G"):
                space = {"DeviceRGB": "RGB", "RGB": "RGB", "DeviceCMYK": "CMYK",
                         "CMYK": "CMYK", "DeviceGray": "Gray", "G": "Gray"}[nm]
                csres = res.get("/ColorSpace") if isdict(res) else None
                default = "/Default" + ("Gray" if space == "Gray" else space)
                if isdict(csres) and csres.get(default) is not None:
                    return
                self.devspaces.setdefault(space, n)
                return
            if nm == "Pattern":
                return
            csres = res.get("/ColorSpace") if isdict(res) else None
            if isdict(csres) and csres.get("/" + nm) is not None:
                self.resolve_cs(csres.get("/" + nm), res, n, depth + 1)
            return
        if isinstance(cs, Array) and len(cs) > 0:
            fam = name(cs[0])
            if fam == "Indexed" and len(cs) > 1:
                self.resolve_cs(cs[1], res, n, depth + 1)
            elif fam in ("Separation", "DeviceN") and len(cs) > 2:
                self.resolve_cs(cs[2], res, n, depth + 1)
            elif fam == "Pattern" and len(cs) > 1:
                self.resolve_cs(cs[1], res, n, depth + 1)

    def extgstate(self, gs, n):
        k = key(gs)
        if k is not None and k in self.checked_gs:
            return
        if k is not None:
            self.checked_gs.add(k)
        if gs.get("/TR") is not None:
            self.a("6.2.5-1", n, "an ExtGState has /TR")
        tr2 = gs.get("/TR2")
        if tr2 is not None and name(tr2) != "Default":
            self.a("6.2.5-2", n, "an ExtGState has /TR2 other than /Default")
        if gs.get("/HTP") is not None:
            self.a("6.2.5-3", n, "an ExtGState has /HTP")
        ri = gs.get("/RI")
        if ri is not None and name(ri) not in INTENTS:
            self.a("6.2.6-1", n, "an unknown rendering intent", str(ri))
        for bm in as_list(gs.get("/BM")):
            if name(bm) not in BLEND_MODES:
                self.a("6.2.10-1", n, "an unknown blend mode", str(bm))

    def gs_transparent(self, gs):
        sm = gs.get("/SMask")
        if sm is not None and name(sm) != "None":
            return True
        for k in ("/CA", "/ca"):
            v = number(gs.get(k))
            if v is not None and v < 1:
                return True
        return any(name(b) not in ("Normal", "Compatible") for b in as_list(gs.get("/BM")))

    def image(self, im, res, n):
        k = key(im)
        if k is None or k not in self.checked_xobj:
            if k is not None:
                self.checked_xobj.add(k)
            if im.get("/Alternates") is not None:
                self.a("6.2.8-1", n, "an image has /Alternates")
            if im.get("/OPI") is not None:
                self.a("6.2.8-2", n, "an image has /OPI")
            if im.get("/Interpolate") is not None and bool(im.Interpolate):
                self.a("6.2.8-3", n, "an image has /Interpolate true")
            bpc = im.get("/BitsPerComponent")
            mask = im.get("/ImageMask") is not None and bool(im.ImageMask)
            if bpc is not None:
                if mask and int(bpc) != 1:
                    self.a("6.2.8-5", n, "an image mask with BitsPerComponent %d" % int(bpc))
                elif not mask and int(bpc) not in (1, 2, 4, 8, 16):
                    self.a("6.2.8-4", n, "an image with BitsPerComponent %d" % int(bpc))
            intent = im.get("/Intent")
            if intent is not None and name(intent) not in INTENTS:
                self.a("6.2.6-1", n, "an unknown rendering intent", str(intent))
        if not (im.get("/ImageMask") is not None and bool(im.ImageMask)):
            self.resolve_cs(im.get("/ColorSpace"), res, n)
        sm = im.get("/SMask")
        if sm is not None or im.get("/SMaskInData") is not None:
            self.transparency.add(n)

    def form_dict(self, f, n):
        k = key(f)
        if k is not None and k in self.checked_xobj:
            return
        if k is not None:
            self.checked_xobj.add(k)
        if f.get("/OPI") is not None or f.get("/PS") is not None or \
                name(f.get("/Subtype2")) == "PS":
            self.a("6.2.9-1", n, "a form XObject has /OPI, /PS or /Subtype2 /PS")
        if f.get("/Ref") is not None:
            self.a("6.2.9-2", n, "a reference XObject (/Ref)")
            self.u("7.20-1", n, "a reference XObject (/Ref)")
        g = f.get("/Group")
        if isdict(g) and name(g.get("/S")) == "Transparency":
            self.transparency.add(n)

    def scan(self, obj, res, n, owner, ctx, marked, depth=0, own_res=True):
        """Walks one content stream.  owner: ('page'|'form', key) for MCIDs;
        ctx: None, 'tagged' or 'artifact' around it; marked: apply the
        marked-content rules (false for appearance streams)."""
        if depth > 12:
            return
        try:
            ops = pikepdf.parse_content_stream(obj)
        except Exception as e:
            self.r.add("PDF", n, "a content stream cannot be parsed", text(e, 80))
            return
        if not isdict(res):
            res = Dictionary()
        fonts = res.get("/Font") if isdict(res.get("/Font")) else Dictionary()
        xobjs = res.get("/XObject") if isdict(res.get("/XObject")) else Dictionary()
        gstates = res.get("/ExtGState") if isdict(res.get("/ExtGState")) else Dictionary()
        props = res.get("/Properties") if isdict(res.get("/Properties")) else Dictionary()
        stack = []               # (tag, mcid, lang, actualtext)
        gstack = []
        font = None              # Font record
        tr = 0
        qdepth = 0
        used_names = False
        uchk = marked and self.ua
        # counts per kind of untagged content
        for inst in ops:
            op = str(inst.operator)
            if op == "INLINE IMAGE":
                self.inline_image(inst, res, n)
                if uchk:
                    self.content_item("image", stack, ctx, n, None, owner)
                continue
            if op in TEXT_SHOW:
                operands = inst.operands
                if op == "TJ":
                    strs = [x for x in (operands[0] if len(operands) else []) if
                            isinstance(x, String)]
                else:
                    strs = [operands[-1]] if len(operands) and \
                        isinstance(operands[-1], String) else []
                if font is not None:
                    if tr != 3:
                        font.rendered = True
                    at = any(s[3] for s in stack)
                    for s in strs:
                        self.codes(font, bytes(s), n, at)
                if uchk:
                    items = list(operands[0]) if op == "TJ" and len(operands) else strs
                    self.content_item("text", stack, ctx, n, (font, items), owner)
                continue
            if op in PAINT_PATH or op == "sh":
                if uchk:
                    self.content_item("path" if op != "sh" else "shading", stack, ctx, n, None, owner)
                if op == "sh" and len(inst.operands):
                    shd = res.get("/Shading")
                    sh = shd.get("/" + name(inst.operands[0])) if isdict(shd) and \
                        name(inst.operands[0]) else None
                    if isdict(sh):
                        self.resolve_cs(sh.get("/ColorSpace"), res, n)
                continue
            if op == "BDC" or op == "BMC":
                tag = name(inst.operands[0]) if len(inst.operands) else None
                mcid = None
                lang = None
                at = False
                if op == "BDC" and len(inst.operands) > 1:
                    pr = inst.operands[1]
                    if isinstance(pr, Name):
                        pr = props.get(str(pr))
                    if isdict(pr):
                        if pr.get("/MCID") is not None:
                            mcid = int(pr.MCID)
                        if pr.get("/Lang") is not None:
                            lang = str(pr.Lang)
                            if lang and not LANG_RE.match(lang):
                                self.u("7.2-29", n, "a marked-content /Lang that is not a "
                                       "language tag", repr(lang))
                                self.a_levela("6.7.4-1", n, "a marked-content /Lang that is "
                                              "not a language tag", repr(lang))
                        at = pr.get("/ActualText") is not None
                if uchk:
                    in_art = ctx == "artifact" or any(s[0] == "Artifact" for s in stack)
                    in_tag = ctx == "tagged" or any(s[1] is not None for s in stack)
                    if tag == "Artifact" and in_tag:
                        self.u("7.1-1", n, "an Artifact inside tagged content")
                    if mcid is not None and in_art:
                        self.u("7.1-2", n, "tagged content (an MCID) inside an Artifact",
                               "MCID %d" % mcid)
                if mcid is not None and marked:
                    self.content_mcid(owner, mcid, n)
                stack.append((tag, mcid, lang, at))
                continue
            if op == "EMC":
                if stack:
                    stack.pop()
                elif marked:
                    self.iso("14.6", n, "an EMC without its BMC or BDC")
                continue
            if op == "q":
                gstack.append((font, tr))
                qdepth += 1
                if qdepth == 29:
                    self.a("6.1.13-8", n, "q nested more than 28 deep")
                continue
            if op == "Q":
                if gstack:
                    font, tr = gstack.pop()
                qdepth = max(0, qdepth - 1)
                continue
            if op == "Tf" and len(inst.operands) >= 1:
                used_names = True
                fn = name(inst.operands[0])
                fd = fonts.get("/" + fn) if fn else None
                if isdict(fd):
                    k = key(fd) or ("direct", id(fd))
                    font = self.fonts.get(k)
                    if font is None:
                        font = self.fonts[k] = Font(fd, n)
                else:
                    font = None
                    self.r.add("PDF", n, "Tf names a font missing from the resources", fn)
                continue
            if op == "Tr" and len(inst.operands):
                tr = int(number(inst.operands[0], 0))
                continue
            if op in ("rg", "RG"):
                self.devspaces.setdefault("RGB", n) if not self.has_default(res, "RGB") else None
                continue
            if op in ("k", "K"):
                self.devspaces.setdefault("CMYK", n) if not self.has_default(res, "CMYK") else None
                continue
            if op in ("g", "G"):
                self.devspaces.setdefault("Gray", n) if not self.has_default(res, "Gray") else None
                continue
            if op in ("cs", "CS") and len(inst.operands):
                used_names = True
                self.resolve_cs(inst.operands[0], res, n)
                continue
            if op == "ri" and len(inst.operands):
                if name(inst.operands[0]) not in INTENTS:
                    self.a("6.2.6-1", n, "an unknown rendering intent", str(inst.operands[0]))
                continue
            if op == "gs" and len(inst.operands):
                used_names = True
                g = gstates.get("/" + (name(inst.operands[0]) or ""))
                if isdict(g):
                    self.extgstate(g, n)
                    if self.gs_transparent(g):
                        self.transparency.add(n)
                continue
            if op == "Do" and len(inst.operands):
                used_names = True
                xn = name(inst.operands[0])
                x = xobjs.get("/" + xn) if xn else None
                if not isinstance(x, Stream):
                    self.r.add("PDF", n, "Do names an XObject missing from the resources", xn)
                    continue
                sub = name(x.get("/Subtype"))
                if sub == "Image":
                    self.image(x, res, n)
                    if uchk:
                        self.content_item("image", stack, ctx, n, None, owner)
                elif sub == "Form":
                    self.form_dict(x, n)
                    self.form(x, res, n, stack, ctx, marked, depth)
                elif sub == "PS":
                    self.a("6.2.9-3", n, "a PostScript XObject")
                continue
        if stack and marked:
            self.iso("14.6", n, "a BMC or BDC without its EMC at the end of a content "
                     "stream", stack[-1][0])
        if used_names and not own_res:
            self.a("6.2.2-2", n, "a form XObject uses resources but has no /Resources "
                   "of its own")

    def has_default(self, res, space):
        csres = res.get("/ColorSpace") if isdict(res) else None
        return isdict(csres) and csres.get("/Default" + space) is not None

    def inline_image(self, inst, res, n):
        try:
            items = list(inst.iimage._image_object)
        except Exception:
            return
        d = {}
        for i in range(0, len(items) - 1, 2):
            d[name(items[i])] = items[i + 1]
        interp = d.get("I", d.get("Interpolate"))
        if interp is not None and bool(interp):
            self.a("6.2.8-3", n, "an inline image has /I (Interpolate) true")
        for f in as_list(d.get("F", d.get("Filter"))):
            if name(f) not in INLINE_FILTERS:
                self.a("6.1.10-1", n, "an inline image uses the filter " + str(f))
        mask = d.get("IM", d.get("ImageMask"))
        if not (mask is not None and bool(mask)):
            self.resolve_cs(d.get("CS", d.get("ColorSpace")), res, n)

    def form(self, x, res, n, stack, ctx, marked, depth):
        """A form XObject painted: its content, in the context around the Do."""
        k = key(x)
        if marked and self.ua:
            in_art = ctx == "artifact" or any(s[0] == "Artifact" for s in stack)
            in_tag = ctx == "tagged" or any(s[1] is not None for s in stack)
            sub_ctx = "artifact" if in_art else ("tagged" if in_tag else None)
        else:
            sub_ctx = None
        if x.get("/StructParents") is not None and marked:
            self.form_calls[k] += 1
            if self.form_calls[k] == 2:
                self.u("7.20-2", n, "a form XObject with tagged content (/StructParents) "
                       "is painted more than once")
        ck = (k, sub_ctx, marked)
        if k is not None and ck in self.form_scanned:
            return
        if k is not None:
            self.form_scanned.add(ck)
        own = x.get("/Resources")
        if x.get("/StructParents") is not None and marked:
            sp = int(x.StructParents)
            arr = self.pt_keys.get(sp)
            owner = ("form", k)
            if isinstance(arr, Array):
                for mcid, v in enumerate(arr):
                    self.pt_mcid[(owner, mcid)] = key(v) if isdict(v) else None
            else:
                self.iso("14.7.4.4", n, "a form XObject's /StructParents %d has no array "
                         "in the ParentTree" % sp)
        else:
            owner = ("form", k)
        self.scan(x, own if isdict(own) else res, n, owner, sub_ctx, marked, depth + 1,
                  own_res=isdict(own))

    def content_mcid(self, owner, mcid, n):
        k = (owner, mcid)
        if k in self.content_mcids:
            self.iso("14.7.4.2", n, "an MCID is used twice in one content stream",
                     "MCID %d" % mcid)
            return
        self.content_mcids[k] = n
        ek = self.pt_mcid.get(k)
        if ek is None or ek not in self.elems:
            self.u("7.1-3", n, "marked content whose MCID reaches no structure element "
                   "through the ParentTree", "MCID %d" % mcid)

    def content_item(self, kind, stack, ctx, n, strs, owner):
        for tag, mcid, lang, at in stack:
            if tag == "Artifact":
                return
        if ctx == "artifact":
            return
        tagged = ctx == "tagged" or any(s[1] is not None for s in stack)
        if not tagged:
            sample = None
            group = "%s outside marked content and not an Artifact" % {
                "text": "text", "path": "a path", "image": "an image",
                "shading": "a shading"}[kind]
            if strs and (n, "UA1 7.1-3", group) not in self.r.items:
                sample = repr(self.sample(*strs))
            self.u("7.1-3", n, group, sample)
            return
        if kind == "text" and self.catalog_lang is None:
            if any(s[2] for s in stack):
                return
            for tag, mcid, lang, at in reversed(stack):
                if mcid is not None:
                    info = self.elems.get(self.pt_mcid.get((owner, mcid)))
                    if info is not None and self.elem_lang(info):
                        return
                    break
            self.u("7.2-34", n, "the language of text is not determined (no catalog "
                   "/Lang and none on its marked content or structure element)")

    def sample(self, font, strs, limit=30):
        """Up to limit characters of the text drawn, through ToUnicode."""
        out = []
        cmap = font.tounicode() if font is not None and not font.bad else None
        for s in strs:
            if not isinstance(s, String):
                if number(s, 0) < -150:       # a TJ gap as wide as a space
                    out.append(" ")
                continue
            raw = bytes(s)
            if font is None or font.bad:
                out.append(raw.decode("latin-1"))
                continue
            step = font.codelen
            for i in range(0, len(raw) - step + 1, step):
                c = int.from_bytes(raw[i:i + step], "big")
                u = cmap.lookup(c) if cmap is not None else None
                out.append(u if u is not None else ("<%0*X>" % (2 * step, c)))
            if len(out) > limit:
                break
        return "".join(out)[:limit]

    def codes(self, font, data, n, actual):
        if font.bad:
            return
        step = font.codelen
        for i in range(0, len(data) - step + 1, step):
            c = int.from_bytes(data[i:i + step], "big")
            if c not in font.codes:
                font.codes[c] = n
            if not actual:
                font.noactual.add(c)

    def annotations(self, n, p):
        annots = [a for a in as_list(p.get("/Annots")) if isdict(a)]
        if annots and name(p.get("/Tabs")) != "S":
            self.u("7.18.3-1", n, "a page with annotations has no /Tabs /S",
                   "/Tabs %s" % p.get("/Tabs"))
        crop = inherited(p, "/CropBox")
        if crop is None:
            crop = inherited(p, "/MediaBox")
        for a in annots:
            sub = name(a.get("/Subtype"))
            f = int(number(a.get("/F"), 0) or 0)
            t = a.get("/T") if a.get("/T") is not None else a.get("/Contents")
            label = "/%s %s" % (sub, text(t if t is not None else "", 30))
            if sub not in ANNOT_TYPES:
                self.a("6.3.1-1", n, "an annotation type PDF/A-2 forbids", "/" + str(sub))
            if sub != "Popup" and a.get("/F") is None:
                self.a("6.3.2-1", n, "an annotation without /F", label)
            elif a.get("/F") is not None and (not (f & 4) or f & (1 | 2 | 32 | 256)):
                self.a("6.3.2-2", n, "an annotation's /F lacks Print or sets Invisible, "
                       "Hidden, NoView or ToggleNoView", "%s F=%d" % (label, f))
            self.appearance(a, sub, n, label)
            if sub == "Widget":
                if a.get("/A") is not None or a.get("/AA") is not None:
                    self.a("6.4.1-1", n, "a widget with an /A or /AA action", label)
            for act in (a.get("/A"),):
                if isdict(act):
                    self.action(act, n)
            if isdict(a.get("/AA")):
                for v in dvalues(a.AA):
                    if isdict(v):
                        self.action(v, n)
            if self.ua:
                self.annot_ua(a, sub, f, n, label, crop)

    def appearance(self, a, sub, n, label):
        ap = a.get("/AP")
        rect = a.get("/Rect")
        zero = False
        if isinstance(rect, Array) and len(rect) == 4:
            zero = number(rect[0]) == number(rect[2]) and number(rect[1]) == number(rect[3])
        if ap is None:
            if not zero and sub not in ("Popup", "Link"):
                self.a("6.3.3-1", n, "an annotation without an appearance stream (/AP)",
                       label)
            return
        if not isdict(ap):
            return
        extra = [k for k in ap.keys() if k != "/N"]
        if extra:
            self.a("6.3.3-2", n, "an appearance dictionary with more than /N",
                   "%s %s" % (label, " ".join(extra)))
        nap = ap.get("/N")
        ft = self.field_type(a)
        if sub == "Widget" and ft == "Btn":
            if isinstance(nap, Stream) or not isdict(nap) or not any(
                    isinstance(v, Stream) for v in dvalues(nap)):
                self.a("6.3.3-3", n, "a button widget's /AP /N is not a dictionary of "
                       "appearance streams", label)
            else:
                for v in dvalues(nap):
                    if isinstance(v, Stream):
                        self.appearance_stream(v, n)
        else:
            if not isinstance(nap, Stream):
                self.a("6.3.3-4", n, "an annotation's /AP /N is not a stream", label)
            else:
                self.appearance_stream(nap, n)

    def appearance_stream(self, s, n):
        k = key(s)
        ck = (k, None, False)
        if k is not None and ck in self.form_scanned:
            return
        if k is not None:
            self.form_scanned.add(ck)
        self.form_dict(s, n)
        own = s.get("/Resources")
        self.scan(s, own, n, ("form", k), None, marked=False, own_res=isdict(own))

    @staticmethod
    def field_type(a):
        d, i = a, 0
        while isdict(d) and i < 32:
            if d.get("/FT") is not None:
                return name(d.FT)
            d = d.get("/Parent")
            i += 1
        return None

    def annot_ua(self, a, sub, f, n, label, crop):
        hidden = bool(f & 2)
        outside = False
        rect = a.get("/Rect")
        if isinstance(rect, Array) and len(rect) == 4 and isinstance(crop, Array) and \
                len(crop) == 4:
            r = [number(x, 0) for x in rect]
            c = [number(x, 0) for x in crop]
            outside = min(r[2], r[0]) >= max(c[2], c[0]) or max(r[2], r[0]) <= min(c[2], c[0]) \
                or min(r[3], r[1]) >= max(c[3], c[1]) or max(r[3], r[1]) <= min(c[3], c[1])
        exempt = hidden or outside
        sp = a.get("/StructParent")
        ak = key(a)
        elem = None
        if sp is not None:
            ek = self.pt_obj.get(int(sp))
            elem = self.elems.get(ek) if ek is not None else None
            if elem is None:
                self.iso("14.7.4.4", n, "an annotation's /StructParent has no structure "
                         "element in the ParentTree", label)
            elif ak is not None and self.tree_objr.get(ak) != ek:
                self.iso("14.7.4.3", n, "an annotation's structure element has no OBJR "
                         "to it", label)
        elif ak is not None and ak in self.tree_objr:
            self.iso("14.7.4.4", n, "an annotation in the structure (OBJR) has no "
                     "/StructParent", label)
        std = elem["std"] if elem is not None else None
        if sub == "TrapNet" and not exempt:
            self.u("7.18.2-1", n, "a TrapNet annotation")
        if sub == "PrinterMark":
            if sp is not None and not exempt:
                self.u("7.18.8-1", n, "a PrinterMark annotation in the structure tree")
            return
        contents = a.get("/Contents")
        has_contents = contents is not None and str(contents) != ""
        alt = elem["e"].get("/Alt") if elem is not None else None
        has_alt = alt is not None and str(alt) != ""
        if sub == "Widget":
            if not exempt and std != "Form":
                self.u("7.18.4-1", n, "a widget is not in a Form structure element",
                       "%s in %s" % (label, "<%s>" % elem["s"] if elem else "nothing"))
            fld = a if a.get("/T") is not None or a.get("/Parent") is None else a.Parent
            tu = fld.get("/TU") if isdict(fld) else None
            if not exempt and (tu is None or str(tu) == "") and not has_alt:
                self.u("7.18.1-3", n, "a form field without /TU (and its widget's "
                       "element has no /Alt)", label)
            if tu is not None and self.catalog_lang is None and a.get("/Lang") is None:
                self.u("7.2-25", n, "the language of a field's /TU is not determined", label)
        elif sub == "Link":
            if not exempt and std != "Link":
                self.u("7.18.5-1", n, "a link annotation is not in a Link structure element",
                       "in %s" % ("<%s>" % elem["s"] if elem else "nothing"))
            if not exempt and not has_contents:
                self.u("7.18.5-2", n, "a link annotation without /Contents")
        else:
            if not exempt and std != "Annot":
                self.u("7.18.1-1", n, "an annotation is not in an Annot structure element",
                       label)
            if not exempt and not has_contents and not has_alt:
                self.u("7.18.1-2", n, "an annotation without /Contents or /Alt", label)
        if contents is not None and self.catalog_lang is None and a.get("/Lang") is None:
            self.u("7.2-24", n, "the language of an annotation's /Contents is not "
                   "determined", label)

    # -- after the content: MCIDs of the tree ---------------------------------
    def mcid_consistency(self):
        if not self.ua:
            return
        for (owner, mcid), ek in self.tree_mcids.items():
            info = self.elems.get(ek)
            page = info["page"] if info else None
            if owner[0] == "page":
                page = self.pageno.get(owner[1], page)
            if (owner, mcid) not in self.content_mcids:
                self.iso("14.7.4.2", page, "a structure element's MCID is not in the "
                         "content", "<%s> MCID %d" % (info["s"] if info else "?", mcid))
                continue
            pk = self.pt_mcid.get((owner, mcid))
            if pk != ek:
                self.iso("14.7.4.4", page, "the ParentTree entry of an MCID is not the "
                         "element that holds it", "MCID %d" % mcid)
        for (owner, mcid), page in self.content_mcids.items():
            ek = self.pt_mcid.get((owner, mcid))
            if ek is not None and ek in self.elems and (owner, mcid) not in self.tree_mcids:
                self.iso("14.7.4.4", page, "the ParentTree names an element for an MCID "
                         "that the element does not hold", "MCID %d" % mcid)

    def colours(self):
        if not self.pa:
            return
        for space, rule in (("RGB", "6.2.4.3-2"), ("CMYK", "6.2.4.3-3"),
                            ("Gray", "6.2.4.3-4")):
            if space not in self.devspaces:
                continue
            ok = self.output_cs is not None and (space == "Gray" or self.output_cs == space)
            if not ok:
                self.a(rule, self.devspaces[space], "Device%s used without a matching "
                       "output intent" % space, "intent: %s" % (self.output_cs or "none"))

    # -- fonts ---------------------------------------------------------------
    def font_checks(self):
        for font in self.fonts.values():
            self.font(font)

    def font(self, font):
        d = font.d
        n = font.page
        sub = name(d.get("/Subtype"))
        base = name(d.get("/BaseFont")) or "?"
        label = "%s (%s)" % (base, sub)
        if name(d.get("/Type")) != "Font":
            self.a("6.2.11.2-1", n, "a font dictionary without /Type /Font", label)
        if sub not in ("Type1", "MMType1", "TrueType", "Type3", "Type0"):
            self.a("6.2.11.2-2", n, "a font with an unknown /Subtype", label)
        if sub != "Type3" and d.get("/BaseFont") is None:
            self.a("6.2.11.2-3", n, "a font without /BaseFont", label)
        desc = d
        cid = None
        if sub == "Type0":
            dfs = as_list(d.get("/DescendantFonts"))
            cid = dfs[0] if dfs and isdict(dfs[0]) else None
            desc = cid if cid is not None else Dictionary()
            enc = d.get("/Encoding")
            en = name(enc)
            if en is not None and en not in PREDEFINED_CMAPS:
                self.u("7.21.3.3-1", n, "a CMap that is neither predefined nor embedded",
                       "%s %s" % (label, en))
                self.a("6.2.11.3.3-1", n, "a CMap that is neither predefined nor embedded",
                       "%s %s" % (label, en))
            if isinstance(enc, Stream) and cid is not None:
                a, b = enc.get("/CIDSystemInfo"), cid.get("/CIDSystemInfo")
                if isdict(a) and isdict(b) and (str(a.get("/Registry")) != str(b.get("/Registry"))
                                                or str(a.get("/Ordering")) != str(b.get("/Ordering"))):
                    self.u("7.21.3.1-1", n, "the CMap's and CIDFont's CIDSystemInfo differ", label)
                    self.a("6.2.11.3.1-1", n, "the CMap's and CIDFont's CIDSystemInfo differ",
                           label)
        fd = desc.get("/FontDescriptor") if isdict(desc) else None
        ff = None
        if isdict(fd):
            for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                if isinstance(fd.get(k), Stream):
                    ff = (k, fd.get(k))
        embedded = ff is not None
        standard = sub in ("Type1", "TrueType") and base.split("+")[-1] in STANDARD14 \
            and not embedded
        if sub in ("Type1", "MMType1", "TrueType") and not standard:
            fc, lc, w = d.get("/FirstChar"), d.get("/LastChar"), d.get("/Widths")
            if fc is None:
                self.a("6.2.11.2-4", n, "a simple font without /FirstChar", label)
            if lc is None:
                self.a("6.2.11.2-5", n, "a simple font without /LastChar", label)
            if fc is not None and lc is not None and (not isinstance(w, Array) or
                                                      len(w) != int(lc) - int(fc) + 1):
                self.a("6.2.11.2-6", n, "a simple font's /Widths does not have "
                       "LastChar - FirstChar + 1 entries", label)
        if ff is not None and ff[0] == "/FontFile3":
            st = name(ff[1].get("/Subtype"))
            if st not in (None, "Type1C", "CIDFontType0C", "OpenType"):
                self.a("6.2.11.2-7", n, "a FontFile3 with the subtype " + str(st), label)
        if sub != "Type3" and not embedded and font.rendered:
            self.u("7.21.4.1-1", n, "a font is not embedded", label)
            self.a("6.2.11.4.1-1", n, "a font is not embedded", label)
        c2g = None
        if cid is not None and name(cid.get("/Subtype")) == "CIDFontType2" and embedded:
            c2g = cid.get("/CIDToGIDMap")
            if c2g is None:
                self.u("7.21.3.2-1", n, "an embedded CIDFontType2 without /CIDToGIDMap", label)
                self.a("6.2.11.3.2-1", n, "an embedded CIDFontType2 without /CIDToGIDMap",
                       label)
        # ToUnicode
        tu = d.get("/ToUnicode")
        cmap = font.tounicode()
        need = True
        if sub in ("Type1", "MMType1", "TrueType"):
            flags = int(number(fd.get("/Flags"), 0) or 0) if isdict(fd) else 0
            enc = d.get("/Encoding")
            std_enc = name(enc) in ("WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding") \
                or (isdict(enc) and name(enc.get("/BaseEncoding")) in (
                    "WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding"))
            if std_enc and not (flags & 4):
                need = False
        elif sub == "Type3":
            need = tu is not None
        elif sub == "Type0" and cid is not None:
            csi = cid.get("/CIDSystemInfo")
            if isdict(csi) and str(csi.get("/Registry")) == "Adobe" and \
                    str(csi.get("/Ordering")) in ("GB1", "CNS1", "Japan1", "Korea1") and \
                    name(d.get("/Encoding")) in PREDEFINED_CMAPS - {"Identity-H", "Identity-V"}:
                need = False
        if need and cmap is None:
            self.u("7.21.7-1", n, "a font without a ToUnicode CMap", label)
            self.a_levela("6.2.11.7.2-1", n, "a font without a ToUnicode CMap", label)
        elif cmap is not None and not font.bad:
            missing = bad = pua = 0
            first = None
            for c in sorted(font.codes):
                u = cmap.lookup(c)
                if u is None:
                    if need:
                        missing += 1
                        first = first if first is not None else c
                    continue
                if u == "" or "\u0000" in u or "\ufeff" in u or "\ufffe" in u:
                    bad += 1
                if any(0xE000 <= ord(ch) <= 0xF8FF for ch in u) and c in font.noactual:
                    pua += 1
            if missing:
                why = " (the CMap uses cidrange, not bfrange/bfchar)" if cmap.cidrange else ""
                self.u("7.21.7-1", n, "codes drawn that the ToUnicode CMap does not map" + why,
                       "%s: %d codes, first <%0*X>" % (label, missing, 2 * font.codelen, first))
                self.a_levela("6.2.11.7.2-1", n, "codes drawn that the ToUnicode CMap does "
                              "not map" + why, "%s: %d codes" % (label, missing))
            if bad:
                self.u("7.21.7-2", n, "the ToUnicode CMap maps codes to U+0000, U+FEFF or "
                       "U+FFFE", "%s: %d codes" % (label, bad))
                self.a_levela("6.2.11.7.2-2", n, "the ToUnicode CMap maps codes to U+0000, "
                              "U+FEFF or U+FFFE", "%s: %d codes" % (label, bad))
            if pua:
                self.a_levela("6.2.11.7.3-1", n, "Private Use Area characters without "
                              "ActualText", "%s: %d codes" % (label, pua))
        # glyphs: .notdef, presence, widths (TrueType programs)
        if cid is not None and not font.bad:
            self.cid_glyphs(font, cid, c2g, ff, label, n)
        elif sub == "TrueType" and not font.bad:
            self.simple_glyphs(font, d, fd, ff, label, n)
        if cid is None and sub in ("Type1", "TrueType") and isdict(d.get("/Encoding")):
            diffs = as_list(d.Encoding.get("/Differences"))
            code = None
            notdef = set()
            for x in diffs:
                if isinstance(x, Name):
                    if code is not None and name(x) == ".notdef":
                        notdef.add(code)
                    code = code + 1 if code is not None else None
                else:
                    code = int(x)
            if notdef & set(font.codes):
                self.u("7.21.8-1", n, "text draws the .notdef glyph", label)
                self.a("6.2.11.8-1", n, "text draws the .notdef glyph", label)

    def cid_glyphs(self, font, cid, c2g, ff, label, n):
        gmap = None
        if isinstance(c2g, Stream):
            try:
                gmap = c2g.read_bytes()
            except Exception:
                gmap = None

        def gid(c):
            if gmap is None:
                return c
            i = 2 * c
            return (gmap[i] << 8 | gmap[i + 1]) if i + 1 < len(gmap) else 0
        notdef = [c for c in font.codes if gid(c) == 0]
        if notdef:
            self.u("7.21.8-1", font.codes[notdef[0]], "text draws the .notdef glyph",
                   "%s: %d codes, first <%04X>" % (label, len(notdef), notdef[0]))
            self.a("6.2.11.8-1", font.codes[notdef[0]], "text draws the .notdef glyph",
                   "%s: %d codes" % (label, len(notdef)))
        if ff is None or ff[0] != "/FontFile2" or not font.codes:
            return
        widths = {}
        w = as_list(cid.get("/W"))
        i = 0
        while i + 1 < len(w):
            first = int(w[i])
            if isinstance(w[i + 1], Array):
                for j, x in enumerate(w[i + 1]):
                    widths[first + j] = number(x, 0)
                i += 2
            elif i + 2 < len(w):
                for c in range(first, int(w[i + 1]) + 1):
                    widths[c] = number(w[i + 2], 0)
                i += 3
            else:
                break
        dw = number(cid.get("/DW"), 1000)
        self.glyphs(font, ff[1], label, n, gid, lambda c: widths.get(c, dw), None, 4)

    def simple_glyphs(self, font, d, fd, ff, label, n):
        """A simple TrueType font: its codes through its encoding and the
        font's cmap to glyphs, their /Widths against the program."""
        if ff is None or ff[0] != "/FontFile2" or not font.codes:
            return
        enc = d.get("/Encoding")
        base = name(enc) if name(enc) else (name(enc.get("/BaseEncoding"))
                                            if isdict(enc) else None)
        diffs = set()
        if isdict(enc):
            code = None
            for x in as_list(enc.get("/Differences")):
                if isinstance(x, Name):
                    if code is not None:
                        diffs.add(code)
                        code += 1
                else:
                    code = int(x)
        try:
            tt = self.truetype(ff[1])
        except Exception:
            return
        flags = int(number(fd.get("/Flags"), 0) or 0) if isdict(fd) else 0
        uni = tt.cmap(3, 1)
        sym = tt.cmap(3, 0)
        codec = {"WinAnsiEncoding": "cp1252", "MacRomanEncoding": "mac_roman"}.get(base)

        def gid(c):
            if c in diffs:
                return None
            if not (flags & 4) and uni is not None and codec is not None:
                try:
                    return uni.get(ord(bytes([c]).decode(codec)), 0)
                except UnicodeDecodeError:
                    return None
            if sym is not None:
                return sym.get(0xF000 + c, sym.get(c, 0))
            return None
        fc = int(number(d.get("/FirstChar"), 0) or 0)
        ws = as_list(d.get("/Widths"))
        mw = number(fd.get("/MissingWidth"), 0) if isdict(fd) else 0

        def width(c):
            i = c - fc
            return number(ws[i], 0) if 0 <= i < len(ws) else mw
        def char(c):
            try:
                return bytes([c]).decode(codec) if codec else None
            except UnicodeDecodeError:
                return None
        self.glyphs(font, ff[1], label, n, gid, width, char, 2)

    def truetype(self, stream):
        k = key(stream)
        cache = self.__dict__.setdefault("_tt", {})
        if k is not None and k in cache:
            return cache[k]
        tt = TrueType(stream.read_bytes())
        if k is not None:
            cache[k] = tt
        return tt

    def glyphs(self, font, stream, label, n, gid, width, char, digits):
        """Glyphs drawn: present in the program (with an outline unless
        the code is a space), widths equal to the program's."""
        try:
            tt = self.truetype(stream)
        except Exception as e:
            self.r.add("PDF", n, "an embedded TrueType font cannot be read",
                       "%s: %s" % (label, text(e, 60)))
            return
        cmap = font.tounicode()
        absent = wrong = 0
        first_absent = first_wrong = None
        for c in sorted(font.codes):
            g = gid(c)
            if g is None or g == 0:
                continue
            u = cmap.lookup(c) if cmap is not None else None
            if u is None and char is not None:
                u = char(c)
            # a glyph without outline is missing unless it is a space (or,
            # its character unknown, it has an advance as spaces do)
            if u is not None:
                blank = u.strip() == "" or not u.isprintable()
            else:
                blank = g < tt.nglyphs and tt.advance(g) > 0
            if g >= tt.nglyphs or (not blank and not tt.has_outline(g)):
                absent += 1
                first_absent = first_absent if first_absent is not None else c
                continue
            adv = tt.advance(g) * 1000.0 / tt.upem
            have = width(c)
            if abs(adv - have) > 1:
                wrong += 1
                if first_wrong is None:
                    first_wrong = (c, have, adv)
        if absent:
            detail = "%s: %d codes, first <%0*X>" % (label, absent, digits, first_absent)
            self.u("7.21.4.1-2", n, "text draws glyphs the embedded font lacks", detail)
            self.a("6.2.11.4.1-2", n, "text draws glyphs the embedded font lacks", detail)
        if wrong:
            c, have, adv = first_wrong
            detail = "%s: %d codes, first <%0*X> width %g, font %g" % (
                label, wrong, digits, c, have, adv)
            self.u("7.21.5-1", n, "glyph widths in the font dictionary differ from the "
                   "font program", detail)
            self.a("6.2.11.5-1", n, "glyph widths in the font dictionary differ from the "
                   "font program", detail)

    # -- actions -------------------------------------------------------------
    def actions(self):
        if not self.pa:
            return
        oa = self.root.get("/OpenAction")
        if isdict(oa):
            self.action(oa, None)
        out = self.root.get("/Outlines")
        seen = set()
        stack = [out.get("/First")] if isdict(out) else []
        while stack:
            o = stack.pop()
            if not isdict(o) or key(o) in seen or len(seen) > 100000:
                continue
            seen.add(key(o))
            if isdict(o.get("/A")):
                self.action(o.A, None)
            stack.extend([o.get("/Next"), o.get("/First")])
        names = self.root.get("/Names")
        if isdict(names) and isdict(names.get("/JavaScript")):
            for v in name_tree_values(names.JavaScript):
                self.a("6.5.1-1", None, "a document-level JavaScript action")
        if isdict(self.root.get("/AA")):
            for v in dvalues(self.root.AA):
                if isdict(v):
                    self.action(v, None)

    def action(self, act, n, depth=0):
        if depth > 32 or not isdict(act):
            return
        s = name(act.get("/S"))
        if s not in ALLOWED_ACTIONS:
            self.a("6.5.1-1", n, "an action PDF/A forbids", "/S /%s" % s)
        elif s == "Named" and name(act.get("/N")) not in ALLOWED_NAMED:
            self.a("6.5.1-2", n, "a named action other than a page move",
                   str(act.get("/N")))
        for nxt in as_list(act.get("/Next")):
            self.action(nxt, n, depth + 1)

    # -- every stream --------------------------------------------------------
    def streams(self):
        if not self.pa:
            return
        for o in self.pdf.objects:
            if not isinstance(o, Stream):
                continue
            if o.get("/F") is not None or o.get("/FFilter") is not None or \
                    o.get("/FDecodeParms") is not None:
                self.a("6.1.7.1-3", None, "a stream with /F, /FFilter or /FDecodeParms",
                       "object %d" % o.objgen[0])
            filters = as_list(o.get("/Filter"))
            parms = as_list(o.get("/DecodeParms"))
            for i, f in enumerate(filters):
                fn = name(f)
                if fn in FILTERS:
                    continue
                if fn == "Crypt":
                    p = parms[i] if i < len(parms) else None
                    if isdict(p) and name(p.get("/Name")) == "Identity":
                        continue
                self.a("6.1.7.2-1", None, "a stream uses a filter PDF/A-2 forbids",
                       "/%s (object %d)" % (fn, o.objgen[0]))


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="pdfcheck",
        description="Checks PDFs against the machine-checkable rules of PDF/UA-1 and "
                    "PDF/A-2 (level A; level B when the file says so).")
    ap.add_argument("files", nargs="*", metavar="file.pdf")
    ap.add_argument("--only", choices=("ua", "pdfa"), help="check one standard only")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="print the summary only")
    ap.add_argument("--rules", action="store_true", help="list the rules checked")
    args = ap.parse_args(argv)
    if args.rules:
        print(RULES)
        return 0
    if not args.files:
        ap.error("no file given")
    failed = 0
    total = defaultdict(int)
    files_per_rule = defaultdict(int)
    nviol = 0
    for path in args.files:
        rep = Checker(path, args.only).run()
        if not args.quiet:
            for line in rep.lines():
                print(line)
        if rep.items:
            failed += 1
        for rule, cnt in rep.rules().items():
            total[rule] += cnt
            files_per_rule[rule] += 1
        nviol += rep.count()
    what = {"ua": "PDF/UA-1", "pdfa": "PDF/A-2"}.get(args.only, "PDF/UA-1 and PDF/A-2")
    print("pdfcheck (%s): %d files, %d passed, %d failed; %d violations of %d rules" % (
        what, len(args.files), len(args.files) - failed, failed, nviol, len(total)))

    def rulekey(r):
        fam, _, num = r.partition(" ")
        return (fam, [int(x) if x.isdigit() else 0 for x in re.split(r"[.\-]", num)])
    for rule in sorted(total, key=rulekey):
        print("  %-22s %6d in %d file%s" % (rule, total[rule], files_per_rule[rule],
                                           "" if files_per_rule[rule] == 1 else "s"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

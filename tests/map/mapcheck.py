#!/usr/bin/python3
# mapcheck.py: does any label of a stakeholder map touch what it must not?
#
#   mapcheck.py svg PAGE.html
#       the map drawings of the page, from their SVG geometry, text widths
#       from the Liberation Sans font files (the faces the theme asks for);
#   mapcheck.py pdf DOC.pdf LAYOUT.dump PAGE.html
#       the same drawings as the PDF prints them: each label line where
#       pdftotext finds its words, the rest of the drawing placed by the
#       drawing's box in the layout dump.
#
# A label (text.pk-label) may not overlap another label, a marker
# (g.pk-marker: its shape, champion ring and check mark), a quadrant line
# (line.pk-divider), the frame (rect.pk-frame), a quadrant name
# (text.pk-quadrant), any other text of the drawing, or another label's
# leader line (line.pk-leader); no marker may touch a quadrant line or
# another marker.  Prints "ok" and each drawing's counts, or what
# collides, and exits 1.
import html.parser
import re
import subprocess
import sys
from fontTools.ttLib import TTFont

FONTS = "/usr/share/fonts/truetype/liberation2/LiberationSans-%s.ttf"
_faces = {}


def face(bold):
    k = "Bold" if bold else "Regular"
    if k not in _faces:
        f = TTFont(FONTS % k)
        _faces[k] = (f.getBestCmap(), f["hmtx"].metrics, f["head"].unitsPerEm)
    return _faces[k]


def width(s, size, bold=False):
    cmap, hmtx, upm = face(bold)
    w = 0
    for ch in s:
        g = cmap.get(ord(ch)) or cmap.get(0x20)
        w += hmtx[g][0]
    return w * size / upm


class SVGs(html.parser.HTMLParser):
    """The <svg> elements of a page as nested (tag, attrs, children, text)."""

    def __init__(self):
        super().__init__()
        self.svgs, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        node = [tag, dict(attrs), [], ""]
        if tag == "svg":
            self.svgs.append(node)
            self.stack = [node]
        elif self.stack:
            self.stack[-1][2].append(node)
            if tag not in ("line", "rect", "circle", "path", "polyline"):
                self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        if self.stack:
            self.stack[-1][2].append([tag, dict(attrs), [], ""])

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][3] += data


def num(a, k, d=0.0):
    try:
        return float(a.get(k, d))
    except ValueError:
        return d


def points(s):
    v = [float(x) for x in re.findall(r"-?[\d.]+", s or "")]
    return list(zip(v[0::2], v[1::2]))


def extent(node, dx, dy, out):
    """Adds the bounding box of a marker's parts (shape, ring, check)."""
    tag, a = node[0], node[1]
    sw = num(a, "stroke-width", 1) / 2
    if tag == "circle":
        r = num(a, "r") + sw
        cx, cy = num(a, "cx") + dx, num(a, "cy") + dy
        out.append((cx - r, cy - r, cx + r, cy + r))
    elif tag == "rect":
        x, y = num(a, "x") + dx, num(a, "y") + dy
        out.append((x - sw, y - sw, x + num(a, "width") + sw, y + num(a, "height") + sw))
    elif tag in ("path", "polyline"):
        pts = points(a.get("d") if tag == "path" else a.get("points"))
        if pts:
            xs = [p[0] + dx for p in pts]
            ys = [p[1] + dy for p in pts]
            out.append((min(xs) - sw, min(ys) - sw, max(xs) + sw, max(ys) + sw))
    for c in node[2]:
        if c[0] != "title":
            extent(c, dx, dy, out)


def text_box(a, s):
    size = num(a, "font-size", 16)
    w = width(s, size, a.get("font-weight") == "bold")
    x, y = num(a, "x"), num(a, "y")
    anchor = a.get("text-anchor", "start")
    x0 = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
    # the glyphs' height: cap height above, descenders below
    return (x0, y - 0.72 * size, x0 + w, y + 0.21 * size)


def drawing(svg):
    """What the checks need of one drawing, in its own units."""
    d = {"labels": [], "texts": [], "markers": [], "dividers": [], "frame": [],
         "leaders": [], "names": []}

    def walk(node, dx, dy):
        for c in node[2]:
            tag, a = c[0], c[1]
            cls = (a.get("class") or "").split()
            # (drawings made before these classes: the same parts by
            # their paint, so that the check reads old maps too)
            if tag == "line" and not cls and a.get("stroke-width") == "1.5":
                cls = ["pk-divider"]
            elif tag == "rect" and not cls and a.get("fill") == "none":
                cls = ["pk-frame"]
            elif tag == "text" and not cls and a.get("font-size") == "12" and \
                    a.get("font-weight") == "bold" and a.get("fill") == "#1a1a1a" and \
                    num(a, "y") > 40:
                cls = ["pk-quadrant"]
            elif tag == "line" and not cls and a.get("stroke-width") == "0.75":
                cls = ["pk-leader"]
            if tag == "g":
                m = re.match(r"translate\(([-\d.]+),([-\d.]+)\)", a.get("transform", ""))
                gx, gy = (float(m.group(1)), float(m.group(2))) if m else (0, 0)
                if "pk-marker" in cls:
                    parts = []
                    extent(c, dx + gx, dy + gy, parts)
                    box = (min(p[0] for p in parts), min(p[1] for p in parts),
                           max(p[2] for p in parts), max(p[3] for p in parts))
                    d["markers"].append({"x": dx + gx, "y": dy + gy, "box": box,
                                         "parts": parts})
                else:
                    walk(c, dx + gx, dy + gy)
            elif tag == "text":
                s = " ".join(c[3].split())
                box = text_box(a, s)
                box = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
                t = {"s": s, "box": box, "x": num(a, "x") + dx, "y": num(a, "y") + dy,
                     "size": num(a, "font-size", 16), "anchor": a.get("text-anchor", "start"),
                     "bold": a.get("font-weight") == "bold"}
                if "pk-label" in cls:
                    d["labels"].append(t)
                elif "pk-quadrant" in cls:
                    d["names"].append(t)
                else:
                    d["texts"].append(t)
            elif tag == "line":
                seg = (num(a, "x1") + dx, num(a, "y1") + dy, num(a, "x2") + dx, num(a, "y2") + dy)
                if "pk-divider" in cls:
                    d["dividers"].append(seg)
                elif "pk-leader" in cls:
                    d["leaders"].append(seg)
            elif tag == "rect" and "pk-frame" in cls:
                x, y, w, h = num(a, "x") + dx, num(a, "y") + dy, num(a, "width"), num(a, "height")
                d["frame"] += [(x, y, x + w, y), (x + w, y, x + w, y + h),
                               (x, y + h, x + w, y + h), (x, y, x, y + h)]
    walk(svg, 0, 0)
    vb = [float(v) for v in svg[1].get("viewbox", svg[1].get("viewBox", "0 0 1 1")).split()]
    d["viewbox"] = vb
    return d


def overlap(a, b, tol=0.0):
    return a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol and b[1] < a[3] - tol


def crosses(seg, b, pad=0.0):
    """Does segment seg come within pad of box b?  (Liang-Barsky)"""
    x0, y0, x1, y1 = seg
    b = (b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad)
    t0, t1, dx, dy = 0.0, 1.0, x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - b[0]), (dx, b[2] - x0), (-dy, y0 - b[1]), (dy, b[3] - y0)):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def check(d, labels, scale=1.0):
    """Collisions of the boxes in labels (one per label line) with the
    rest of drawing d; scale: units of d per unit of the boxes (1: the
    SVG itself).  Returns a list of messages."""
    bad = []
    tol = 0.25 * scale

    def near_end(seg, box):
        return any(abs(px - min(max(px, box[0]), box[2])) < 0.6 and
                   abs(py - min(max(py, box[1]), box[3])) < 0.6
                   for px, py in ((seg[0], seg[1]), (seg[2], seg[3])))
    for i, (s, b) in enumerate(labels):
        for j, (s2, b2) in enumerate(labels):
            # lines of one label sit under each other: only a real overlap
            if j > i and overlap(b, b2, tol):
                bad.append("label '%s' overlaps label '%s'" % (s, s2))
        for m in d["markers"]:
            for p in m["parts"]:
                if overlap(b, p, tol):
                    bad.append("label '%s' overlaps the marker at %.0f,%.0f" % (s, m["x"], m["y"]))
                    break
        for seg in d["dividers"]:
            if crosses(seg, b, -tol):
                bad.append("label '%s' crosses a quadrant line" % s)
        for seg in d["frame"]:
            if crosses(seg, b, -tol):
                bad.append("label '%s' crosses the frame" % s)
        for t in d["names"] + d["texts"]:
            if overlap(b, t["box"], tol):
                bad.append("label '%s' overlaps '%s'" % (s, t["s"]))
        for seg in d["leaders"]:
            if crosses(seg, b, -tol) and not near_end(seg, b):
                bad.append("label '%s' is crossed by a leader line" % s)
    for i, m in enumerate(d["markers"]):
        r = max(m["box"][2] - m["x"], m["x"] - m["box"][0])
        for seg in d["dividers"]:
            if seg[0] == seg[2] and abs(m["x"] - seg[0]) < r or \
                    seg[1] == seg[3] and abs(m["y"] - seg[1]) < r:
                bad.append("the marker at %.0f,%.0f touches a quadrant line" % (m["x"], m["y"]))
        for n in d["names"]:
            if overlap(m["box"], n["box"]):
                bad.append("the marker at %.0f,%.0f overlaps '%s'" % (m["x"], m["y"], n["s"]))
        for m2 in d["markers"][i + 1:]:
            if abs(m["x"] - m2["x"]) < 14 and abs(m["y"] - m2["y"]) < 14:
                bad.append("markers at %.0f,%.0f and %.0f,%.0f hide each other"
                           % (m["x"], m["y"], m2["x"], m2["y"]))
    return bad


def maps(page):
    p = SVGs()
    p.feed(open(page, encoding="utf-8").read())
    return [drawing(s) for s in p.svgs]


def mode_svg(page):
    bad, n = [], 0
    for d in maps(page):
        if not d["dividers"]:
            continue
        n += 1
        bad += check(d, [(t["s"], t["box"]) for t in d["labels"]])
        # the quadrant names, the axes and the legend keep clear of each
        # other too
        texts = d["names"] + d["texts"]
        for i, t in enumerate(texts):
            for t2 in texts[i + 1:]:
                if overlap(t["box"], t2["box"], 0.25):
                    bad.append("'%s' overlaps '%s'" % (t["s"], t2["s"]))
    return bad, n


def pdf_words(pdf, page):
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', out):
        words.append((float(m.group(1)), float(m.group(2)), float(m.group(3)),
                      float(m.group(4)), html.unescape(m.group(5))))
    return words


def mode_pdf(pdf, dump, page):
    # the drawings' boxes, in the order of the page's drawings
    boxes = []
    for line in open(dump, encoding="utf-8"):
        f = line.split()
        if len(f) >= 6 and f[1] == "svg":
            boxes.append((int(f[0]), [float(v) for v in f[2:6]]))
    ds = maps(page)
    if len(boxes) != len(ds):
        return ["%d drawings in the page, %d in the layout" % (len(ds), len(boxes))], 0
    bad, n = [], 0
    for d, (pg, (bx, by, bw, bh)) in zip(ds, boxes):
        if not d["dividers"]:
            continue
        n += 1
        vx, vy, vw, vh = d["viewbox"]
        s = min(bw / vw, bh / vh)
        ox, oy = bx + (bw - vw * s) / 2, by + (bh - vh * s) / 2
        words = pdf_words(pdf, pg)
        labels = []
        for t in d["labels"]:
            # the words printed on this label line's baseline, inside a
            # generous box around where the SVG puts it
            x0, y0, x1, y1 = t["box"]
            px0, px1 = ox + (x0 - vx) * s, ox + (x1 - vx) * s
            base = oy + (t["y"] - vy) * s
            got = [w for w in words if abs((w[1] + w[3]) / 2 - (base - 0.25 * t["size"] * s))
                   < 0.4 * t["size"] * s and w[0] > px0 - 3 * t["size"] * s
                   and w[2] < px1 + 3 * t["size"] * s and w[4] in t["s"]]
            if not got:
                bad.append("label '%s' not found in the PDF" % t["s"])
                continue
            # back into the drawing's units, with the same vertical
            # extent as the SVG check (pdftotext's is the font's)
            gx0 = (min(w[0] for w in got) - ox) / s + vx
            gx1 = (max(w[2] for w in got) - ox) / s + vx
            labels.append((t["s"], (gx0, y0, gx1, y1)))
        bad += check(d, labels, 1 / s)
    return bad, n


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "svg":
        bad, n = mode_svg(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "pdf":
        bad, n = mode_pdf(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit("usage: mapcheck.py svg PAGE.html | pdf DOC.pdf LAYOUT.dump PAGE.html")
    if n == 0:
        bad.append("no map in the page")
    if bad:
        for b in sorted(set(bad)):
            print(b)
        sys.exit(1)
    print("ok: %d maps" % n)


main()

# worksheets.py: the print audit's checks of the worksheets (audit.py
# calls audit(d) on each layout dump it reads).  From the dump's lines
#   PAGE field X Y W H l=LINES:SPACING[:cell] NAME   a field to write in
#   PAGE svg-text X0 Y0 X1 Y1 CLASS TEXT           a drawing's text
#   PAGE svg-mark X0 Y0 X1 Y1 N                    a part of marker N
#   PAGE svg-line X1 Y1 X2 Y2 CLASS                a quadrant or leader line
#   PAGE svg-frame X0 Y0 X1 Y1                     a map's plot
# it finds:
#   labels  a map's label (svg-text pk-label) over another label, a
#           marker, a quadrant line, the plot's frame, another text of the
#           drawing, or a leader line not its own; a marker on a
#           quadrant line
#   fields  a field whose writing lines are closer than 8 mm, narrower
#           than 15 mm, or, in a table cell, fewer than three
#   grid    a blank map (a plot without markers) smaller than 230 x 150 mm
#           on A4
import re

KINDS = ["labels", "fields", "grid"]
MM = 72 / 25.4
MIN_SPACING = 8 * MM - 0.1      # a handwriting line
MIN_WIDTH = 15 * MM
MIN_CELL_LINES = 3
GRID = (230 * MM - 0.5, 150 * MM - 0.5)
A4 = {(595, 842), (842, 595)}


def geometry(path):
    """The worksheet lines of a dump, by page."""
    pages = {}
    for raw in open(path, encoding="utf-8"):
        f = raw.rstrip("\n").split(" ")
        if f[0] == "#" or len(f) < 6:
            continue
        kind = f[1]
        if kind not in ("field", "svg-text", "svg-mark", "svg-line", "svg-frame"):
            continue
        g = pages.setdefault(int(f[0]), {"fields": [], "texts": [], "marks": {},
                                         "lines": [], "frames": []})
        v = [float(x) for x in f[2:6]]
        if kind == "field":
            m = re.match(r"^l=(\d+):([\d.]+)(:cell)?$", f[6] if len(f) > 6 else "")
            if m:
                g["fields"].append({"box": v, "lines": int(m.group(1)),
                                    "spacing": float(m.group(2)), "cell": bool(m.group(3)),
                                    "name": " ".join(f[7:])})
        elif kind == "svg-text":
            g["texts"].append({"box": v, "cls": f[6].split(), "s": " ".join(f[7:])})
        elif kind == "svg-mark":
            g["marks"].setdefault(int(f[6]), []).append(v)
        elif kind == "svg-line":
            g["lines"].append({"seg": v, "cls": f[6].split()})
        else:
            g["frames"].append(v)
    return pages


def overlap(a, b, tol=0.1):
    return a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol and b[1] < a[3] - tol


def crosses(seg, b, tol=0.1):
    """Does segment seg run through box b (shrunk by tol)?  (Liang-Barsky)"""
    x0, y0, x1, y1 = seg
    b = (b[0] + tol, b[1] + tol, b[2] - tol, b[3] - tol)
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


def ends_at(seg, b):
    return any(b[0] - 0.6 <= x <= b[2] + 0.6 and b[1] - 0.6 <= y <= b[3] + 0.6
               for x, y in ((seg[0], seg[1]), (seg[2], seg[3])))


def labels(p, g):
    out = []
    labs = [t for t in g["texts"] if "pk-label" in t["cls"]]
    others = [t for t in g["texts"] if "pk-label" not in t["cls"]]
    divs = [l["seg"] for l in g["lines"] if "pk-divider" in l["cls"]]
    leaders = [l["seg"] for l in g["lines"] if "pk-leader" in l["cls"]]
    edges = []
    for x0, y0, x1, y1 in g["frames"]:
        edges += [(x0, y0, x1, y0), (x1, y0, x1, y1), (x0, y1, x1, y1), (x0, y0, x0, y1)]
    for i, a in enumerate(labs):
        why = None
        if any(overlap(a["box"], b["box"]) for b in labs[i + 1:]):
            why = "over another label"
        elif any(overlap(a["box"], part) for parts in g["marks"].values() for part in parts):
            why = "over a marker"
        elif any(crosses(s, a["box"]) for s in divs):
            why = "across a quadrant line"
        elif any(crosses(s, a["box"]) for s in edges):
            why = "across the frame"
        elif any(overlap(a["box"], b["box"]) for b in others):
            why = "over '%s'" % next(b["s"] for b in others if overlap(a["box"], b["box"]))
        elif any(crosses(s, a["box"]) and not ends_at(s, a["box"]) for s in leaders):
            why = "crossed by a leader line"
        if why:
            out.append(("labels", p, "'%s' %s" % (a["s"], why)))
    for n, parts in g["marks"].items():
        box = (min(b[0] for b in parts), min(b[1] for b in parts),
               max(b[2] for b in parts), max(b[3] for b in parts))
        if any(crosses(s, box) for s in divs):
            out.append(("labels", p, "marker %d on a quadrant line" % n))
    return out


def fields(p, g):
    out = []
    for f in g["fields"]:
        x, y, w, h = f["box"]
        if f["spacing"] < MIN_SPACING:
            out.append(("fields", p, "%s: lines %.1f mm apart" % (f["name"], f["spacing"] / MM)))
        elif w < MIN_WIDTH:
            out.append(("fields", p, "%s: %.1f mm wide" % (f["name"], w / MM)))
        elif f["cell"] and f["lines"] < MIN_CELL_LINES:
            out.append(("fields", p, "%s: %d line%s in a table" % (
                f["name"], f["lines"], "" if f["lines"] == 1 else "s")))
    return out


def grid(p, g, size):
    out = []
    if g["marks"] or any("pk-label" in t["cls"] for t in g["texts"]):
        return out
    if (round(size[0]), round(size[1])) not in A4:
        return out
    for x0, y0, x1, y1 in g["frames"]:
        if x1 - x0 < GRID[0] or y1 - y0 < GRID[1]:
            out.append(("grid", p, "blank map %.0f x %.0f mm" % ((x1 - x0) / MM, (y1 - y0) / MM)))
    return out


def audit(d, path):
    """The faults of the worksheets of dump d (audit.read's), read again
    from path for the lines read() does not keep."""
    out = []
    for p, g in sorted(geometry(path).items()):
        size = d["size"].get(p, (d.get("pw", 0), d.get("ph", 0)))
        out += labels(p, g) + fields(p, g) + grid(p, g, size)
    return out


def main(argv):
    """worksheets.py DUMP...: the worksheet faults of each layout dump,
    then "check KIND N" per kind and "seen labels N fields N frames N
    blank N" (what the dumps showed of the worksheets: map labels, fields
    to write in, map plots, blank ones); exit 1 on any fault."""
    total = {k: 0 for k in KINDS}
    seen = {"labels": 0, "fields": 0, "frames": 0, "blank": 0}
    for path in argv:
        d = audit_read(path)
        geo = geometry(path)
        for g in geo.values():
            seen["labels"] += sum(1 for t in g["texts"] if "pk-label" in t["cls"])
            seen["fields"] += len(g["fields"])
            seen["frames"] += len(g["frames"])
            if not g["marks"]:
                seen["blank"] += len(g["frames"])
        for k, p, why in audit(d, path):
            total[k] += 1
            print("%s %s p%d: %s" % (path, k, p, why))
    for k in KINDS:
        print("check %s %d" % (k, total[k]))
    print("seen labels %d fields %d frames %d blank %d" % (
        seen["labels"], seen["fields"], seen["frames"], seen["blank"]))
    return 1 if any(total.values()) else 0


def audit_read(path):
    """The dump as audit.py reads it (its page sizes)."""
    import audit as a  # beside this file, as it imports this one
    return a.read(path)


if __name__ == "__main__":
    import os
    import sys
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:]))

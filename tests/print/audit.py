#!/usr/bin/env python3
# audit.py: the print audit, from layout dumps (`pactkit build
# --dump-layout DIR`).  For each DIR/<lang>/<id>.layout it counts what a
# trainer printing the pack would notice, prints one figure line per
# document, and one line per fault:
#
#   blank     a page with nothing on it but a running head, unless the
#             document asks for right-hand starts (# duplex) and the page
#             is the one before a part's first page (a left-hand one, or
#             the one before the back cover), or it pads a booklet to a
#             multiple of four pages (# pad P)
#   underfull a page filled less than a third (from the body's top to the
#             lowest thing on it, over the body's height), unless it is
#             the last page of a part (# part P lines: where parts start;
#             the cover, the contents and the back matter are parts too)
#             or the last before the paper turns (a landscape worksheet
#             starts or ends there)
#   fragment  a paragraph's last line that holds the tail of a word
#             hyphenated at the end of the line before
#   hyphens   more than two hyphenated lines in a row in a paragraph
#   pageend   a hyphen on the last line of a page (the word goes on over
#             the page)
#   date      a date broken over two lines ("10 mars" / "2027")
#   toc       a table of contents in a document under 12 pages
#   labels, fields, grid   the worksheets: a map's label over something,
#             a field with too little room to write, a blank map too
#             small (tests/print/worksheets.py)
#
# usage: audit.py [-q] DUMPDIR [LABEL]; exit 1 when any fault is found.
# The per-check counts go to stdout as "check NAME N" lines for t_print.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import worksheets  # noqa: E402  (beside this file)

MONTHS_FR = ("janvier février mars avril mai juin juillet août septembre "
             "octobre novembre décembre").split()
MONTHS_EN = ("January February March April May June July August September "
             "October November December").split()
SP = "[ \u00a0\u202f]"
DATE = re.compile(
    r"\b\d{1,2}(?:er)?" + SP + "(?:" + "|".join(MONTHS_FR + MONTHS_EN) + ")" +
    SP + r"\d{4}\b|\b(?:" + "|".join(MONTHS_EN) + ")" + SP + r"\d{1,2}," +
    SP + r"\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
HYPHENATED = re.compile(r"[^\W\d_]-$")
CONTENT = {"line", "rule", "rect", "svg", "field", "image"}


def read(path):
    d = {"pages": 0, "size": {}, "parts": set(), "duplex": False,
         "toc": 0, "boxes": [], "pad": set()}
    for raw in open(path, encoding="utf-8"):
        f = raw.rstrip("\n").split(" ")
        if f[0] == "#":
            if f[1] == "pages":
                d["pages"] = int(f[2])
            elif f[1] == "page":
                d["pw"], d["ph"] = float(f[2]), float(f[3])
                d["margins"] = [float(x) for x in f[5:9]]
            elif f[1] == "size":
                d["size"][int(f[2])] = (float(f[3]), float(f[4]))
            elif f[1] == "part":
                d["parts"].add(int(f[2]))
            elif f[1] == "duplex":
                d["duplex"] = True
            elif f[1] == "pad":
                d["pad"].add(int(f[2]))
            elif f[1] == "measure":
                d["measure"] = "m=" + f[2]
            elif f[1] == "toc":
                d["toc"] = int(f[2])
            continue
        box = {"page": int(f[0]), "kind": f[1], "x": float(f[2]),
               "y": float(f[3]), "w": float(f[4]), "h": float(f[5]),
               "para": None, "text": ""}
        rest = f[6:]
        box["m"] = None
        if rest and rest[0].startswith("m="):
            box["m"] = rest[0]
            rest = rest[1:]
        if rest and re.match(r"^p=\d+:\d+/\d+$", rest[0]):
            a, b = rest[0][2:].split(":")
            k, n = b.split("/")
            box["para"] = (int(a), int(k), int(n))
            rest = rest[1:]
        box["text"] = " ".join(rest)
        d["boxes"].append(box)
    if d["pages"] == 0 and d["boxes"]:
        d["pages"] = max(b["page"] for b in d["boxes"])
    return d


def audit(d):
    faults = []
    mt, mr, mb, ml = d["margins"]
    used, low = {}, {}
    for b in d["boxes"]:
        if b["kind"] not in CONTENT or (b["kind"] == "rule" and
                                        b["text"] == "header"):
            continue
        used[b["page"]] = True
        low[b["page"]] = max(low.get(b["page"], 0), b["y"] + b["h"])
    parts = sorted(d["parts"]) or [1]
    lastofpart = {p - 1 for p in parts if p > 1} | {d["pages"]}
    # a booklet's last page before its padding ends its part
    lastofpart |= {p - 1 for p in d["pad"]}
    # so does the last page before the paper turns (a landscape
    # worksheet starts or ends: the flow cannot go on across the turn)
    turn = lambda p: d["size"].get(p, (d["pw"], d["ph"]))
    lastofpart |= {p for p in range(1, d["pages"])
                   if (turn(p)[0] > turn(p)[1]) != (turn(p + 1)[0] > turn(p + 1)[1])}
    fills = {}
    for p in range(1, d["pages"] + 1):
        pw, ph = d["size"].get(p, (d["pw"], d["ph"]))
        bh = ph - mt - mb
        fills[p] = max(0.0, (low.get(p, mt) - mt) / bh)
        if not used.get(p):
            if p not in d["pad"] and not (
                    d["duplex"] and p + 1 in d["parts"] and
                    (p % 2 == 0 or p + 1 == d["pages"])):
                faults.append(("blank", p, "nothing on it"))
            continue
        if fills[p] < 1 / 3 and p not in lastofpart:
            faults.append(("underfull", p, "%d %% full" % round(100 * fills[p])))
    # paragraphs: their lines in order
    paras = {}
    for b in d["boxes"]:
        if b["kind"] == "line" and b["para"] is not None:
            paras.setdefault(b["para"][0], {})[b["para"][1]] = b
    for pid, lines in paras.items():
        n = max(lines)
        seq = [lines.get(k) for k in range(1, n + 1)]
        if any(x is None for x in seq):
            continue
        hy = [bool(HYPHENATED.search(x["text"])) for x in seq]
        if n >= 2 and hy[n - 2]:
            faults.append(("fragment", seq[-1]["page"], "'%s' / '%s'" % (
                seq[n - 2]["text"][-30:], seq[-1]["text"][:40])))
        run = 0
        for k in range(n):
            run = run + 1 if hy[k] else 0
            if run == 3:
                faults.append(("hyphens", seq[k]["page"], "'%s'" %
                               seq[k]["text"][-40:]))
        for k in range(n - 1):
            if hy[k] and seq[k + 1]["page"] != seq[k]["page"]:
                faults.append(("pageend", seq[k]["page"], "'%s'" %
                               seq[k]["text"][-40:]))
            # a date over the break: in the two lines joined, not in
            # either alone
            a, b = seq[k]["text"], seq[k + 1]["text"]
            joined = a[:-1] + b if hy[k] else a + " " + b
            for m in DATE.finditer(joined):
                if m.start() < len(a) - (1 if hy[k] else 0) and m.end() > len(a) + (0 if hy[k] else 1):
                    faults.append(("date", seq[k]["page"], "'%s'" % m.group(0)))
    if d["toc"] > 0 and d["pages"] < 12:
        faults.append(("toc", d["toc"], "contents in %d pages" % d["pages"]))
    # characters a line of running text: the full lines (not a
    # paragraph's last) at the measure most lines have
    meas = {}
    for b in d["boxes"]:
        if b["kind"] == "line" and b["para"] and b["para"][2] >= 3:
            meas[b["m"]] = meas.get(b["m"], 0) + 1
    body = d.get("measure") or (max(meas, key=meas.get) if meas else None)
    n = sorted(len(b["text"]) for b in d["boxes"]
               if b["kind"] == "line" and b["para"] and b["m"] == body and
               b["para"][2] >= 3 and b["para"][1] < b["para"][2])
    d["cpl"] = n[len(n) // 2] if n else 0
    return faults, fills


def main():
    args = [a for a in sys.argv[1:] if a != "-q"]
    quiet = "-q" in sys.argv
    root = args[0]
    label = args[1] if len(args) > 1 else ""
    kinds = ["blank", "underfull", "fragment", "hyphens", "pageend", "date",
             "toc"] + worksheets.KINDS
    total = {k: 0 for k in kinds}
    for lang in sorted(os.listdir(root)):
        ldir = os.path.join(root, lang)
        if not os.path.isdir(ldir):
            continue
        for name in sorted(os.listdir(ldir)):
            if not name.endswith(".layout"):
                continue
            d = read(os.path.join(ldir, name))
            faults, fills = audit(d)
            faults += worksheets.audit(d, os.path.join(ldir, name))
            count = {k: sum(1 for f in faults if f[0] == k) for k in kinds}
            for k in kinds:
                total[k] += count[k]
            doc = "%s/%s" % (lang, name[:-7])
            print("%-8s %-26s pages %3d  blank %2d  underfull %2d  "
                  "fragments %2d  hyphen-runs %2d  page-end %2d  dates %2d"
                  "  toc %d  labels %d  fields %d  grid %d  chars/line %d" % (
                      label, doc, d["pages"], count["blank"],
                      count["underfull"], count["fragment"],
                      count["hyphens"], count["pageend"], count["date"],
                      d["toc"], count["labels"], count["fields"],
                      count["grid"], d["cpl"]))
            if not quiet:
                for k, p, why in faults:
                    print("  %s %s p%d: %s" % (doc, k, p, why))
    for k in kinds:
        print("check %s %d" % (k, total[k]))
    return 1 if any(total.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

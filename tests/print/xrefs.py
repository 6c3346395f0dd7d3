#!/usr/bin/env python3
# xrefs.py PDF: every "(voir p. N)" / "(see p. N)" printed after a link
# says the page the link goes to.  Reads the link annotations (their
# rectangle and destination page) from qpdf's JSON and the words with
# their boxes from `pdftotext -bbox`; checks the words just right of
# each link on its line.  Prints "checked N" and one line per mismatch;
# exit 1 on a mismatch or when nothing was checked.
import html
import json
import re
import subprocess
import sys

pdf = sys.argv[1]
q = json.loads(subprocess.run(["qpdf", "--json=2", pdf], capture_output=True,
                              text=True).stdout)
objs = {k[4:]: v.get("value") for k, v in q["qpdf"][1].items()}
pages = [p["object"] for p in q["pages"]]
index = {ref: i for i, ref in enumerate(pages)}

# words per page: (xMin, yMin, xMax, yMax, text), top-left origin
bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                      text=True).stdout
words, heights = [], []
for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>',
                     bbox, re.S):
    heights.append(float(m.group(2)))
    words.append([(float(a), float(b), float(c), float(d), html.unescape(t))
                  for a, b, c, d, t in re.findall(
                      r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"'
                      r' yMax="([\d.]+)">(.*?)</word>', m.group(3))])

SEE = re.compile(r"^\((?:voir|see) p\.\s*(\d+)\)")
checked, bad = 0, []
for pi, ref in enumerate(pages):
    annots = objs[ref].get("/Annots", [])
    if isinstance(annots, str):
        annots = objs[annots]
    for a in annots:
        an = objs[a] if isinstance(a, str) else a
        if an.get("/Subtype") != "/Link" or "/Dest" not in an:
            continue
        dest = an["/Dest"]
        if isinstance(dest, str):
            dest = objs[dest]
        target = index.get(dest[0])
        x0, y0, x1, y1 = an["/Rect"]
        top, bottom = heights[pi] - y1, heights[pi] - y0
        # the words after the link on its line
        after = sorted((w for w in words[pi] if w[0] >= x1 - 1 and
                        top < (w[1] + w[3]) / 2 < bottom),
                       key=lambda w: w[0])
        text = " ".join(w[4] for w in after[:3]).replace("\u00a0", " ")
        m = SEE.match(text)
        if not m:
            if "-v" in sys.argv:
                print("skip page %d: %s" % (pi + 1, text))
            continue
        checked += 1
        if target is None or int(m.group(1)) != target + 1:
            bad.append("page %d: '%s' goes to page %s" % (
                pi + 1, text, None if target is None else target + 1))
print("checked %d" % checked)
for b in bad:
    print(b)
sys.exit(1 if bad or checked == 0 else 0)

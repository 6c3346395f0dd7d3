#!/usr/bin/python3
"""bands.py: a one-line field's widget is on its first writing line.

    /usr/bin/python3 tests/print/bands.py LAYOUT PDF

A one-line text field's widget is the band just above its first writing
line (pdf/pdf.c, field_band): where a viewer draws a value typed in it,
as a hand would write it.  LAYOUT (--dump-layout) gives each field's box,
its writing lines and their spacing ("l=LINES:SPACING"); PDF the widgets.
For each one-line text field, the widget's foot must lie at the first
writing line: between SPACING - 3 and SPACING + 6 points below the box's
top (the line is SPACING - 3 down in a table cell, SPACING + 2 outside;
a band at the foot of a cell of three lines lies 62 points down, one at
the top of the box 18).  Prints "check bands N" (N fields off their line, each named
after), exit 0; 2 on a usage error.
"""
import sys

import pikepdf


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: bands.py LAYOUT PDF\n")
        return 2
    boxes = {}
    with open(argv[0]) as f:
        for line in f:
            p = line.split()
            if len(p) >= 8 and p[1] == "field" and p[6].startswith("l="):
                spacing = float(p[6][2:].split(":")[1])
                boxes[(int(p[0]), p[7])] = (float(p[3]), spacing)
    pdf = pikepdf.open(argv[1])
    bad, n = [], 0
    for i, page in enumerate(pdf.pages, 1):
        h = float(page.MediaBox[3])
        for a in page.get("/Annots", []):
            if a.get("/FT") != "/Tx" or int(a.get("/Ff", 0)) & 4096:
                continue
            key = (i, str(a.T))
            if key not in boxes:
                continue
            top, spacing = boxes[key]
            foot = h - float(min(a.Rect[1], a.Rect[3])) - top
            n += 1
            if not spacing - 3 <= foot <= spacing + 6:
                bad.append("bands p%d %s: its foot %.1f pt below the box's top, the first "
                           "line at about %.1f" % (i, key[1], foot, spacing))
    print("check bands %d (%d one-line fields)" % (len(bad), n))
    for b in bad:
        print("  " + b)
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

/*
 * font.c: the advance widths of Liberation Sans (metric-compatible with
 * Arial and Helvetica) for printable ASCII, for the stages that estimate
 * how wide a text is without a font file: pk.textwidth (lua/ltree.c),
 * the EMF drawings of DOCX (office/emf.c), and the PDF's drawings, whose
 * text keeps the width the drawing was measured with (pdf/svg.c).
 */
#include "base/pactkit.h"

static const short ascii_w[95] = {
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,
	278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
	584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
	500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
	667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
	278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
	278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
};

int
font_ascii_width(int c)
{
	return ascii_w[c - 32];
}

/* U+00C0..U+00FF: the letter each accented one is as wide as. */
static const char latin1_base[] = "AAAAAA\001CEEEEIIII\002NOOOOO\003OUUUUY\004"
    "\005aaaaaa\006ceeeeiiii\007nooooo\010ouuuuy\011y";

int
font_width(long cp)
{
	static const int special[] = { 1000, 722, 584, 667, 611, 889, 556,
	    584, 556 };         /* Æ Ð × Þ ß æ ð ÷ þ */
	int c;

	if (cp >= 32 && cp < 127)
		return font_ascii_width((int)cp);
	if (cp >= 0xc0 && cp <= 0xff) {
		c = latin1_base[cp - 0xc0];
		return c < 32 ? special[c - 1] :
		    c == 'I' || c == 'i' ? 278 : font_ascii_width(c);
	}
	switch (cp) {
	case 0xa0: return 278;          /* no-break space */
	case 0x202f: return 200;        /* narrow no-break space */
	case 0xab: case 0xbb: return 556;
	case 0x152: return 1000;        /* Œ */
	case 0x153: return 944;         /* œ */
	case 0x2018: case 0x2019: return 222;
	case 0x201c: case 0x201d: return 333;
	case 0x2013: return 556;
	case 0x2014: case 0x2026: return 1000;
	case 0x20ac: return 556;
	case 0xb0: return 400;
	default: return 556;
	}
}

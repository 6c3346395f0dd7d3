/*
 * pdf/pdf.h: the PDF writer as the rest of pactkit sees it.
 */
#ifndef PDF_PDF_H
#define PDF_PDF_H

#include "base/pactkit.h"

/* pdf.c: the documents of site.lua into outdir/pdf/<lang>/<id>.pdf. */
int	 pdf_write_all(struct project *, const char *outdir);
/* One document tree (root <article>) into a PDF at outpath, with cover
 * and contents, in lang on paper ("A4"/"Letter"); when dump is not NULL,
 * the layout (one line per box) goes there.  1 ok, 0 (printed). */
int	 pdf_render_tree(struct build *, xmlNodePtr article,
	    const char *lang, const char *paper, const char *title,
	    const char *outpath, const char *dump);

#endif /* !PDF_PDF_H */

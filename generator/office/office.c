/*
 * office.c: the editable documents (site.lua formats "odt", "docx").  In:
 * the page trees of each document that asks for them; convert.c makes
 * them a model of styled paragraphs, lists, tables, fill-in places and
 * pictures (internal.h) that odf.c and docx.c write beside the PDF,
 * output/pdf/<lang>/<id>.*.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/pactkit.h"
#include "doc/doc.h"
#include "office/office.h"
#include "office/internal.h"

int
office_write_all(struct project *p, const char *outdir)
{
	struct site *s = &p->site;
	size_t li, di, np, i;
	struct page *shallow = NULL;
	xmlDocPtr *kept;
	int ok = 1;

	for (li = 0; li < s->nlangs; li++)
		for (di = 0; di < s->ndocs; di++) {
			const struct docspec *ds = &s->docs[di];
			struct page **pages;
			struct odoc d;
			const char *v;
			char *out;

			if (p->lang_only >= 0 && li != (size_t)p->lang_only)
				continue;       /* another process writes it */
			if (stop_asked() != 0)
				return 0;       /* interrupted */
			if (!(ds->formats & (DOC_ODT | DOC_DOCX)))
				continue;
			memset(&d, 0, sizeof(d));
			pages = project_doc_pages(p, ds, li, &np);
			if (np == 0) {
				free(pages);    /* said by project_check_docs */
				continue;
			}
			d.lang = s->langs[li];
			d.langtag = conv_langtag(s, d.lang);
			d.title = lstr_get(&ds->title, li);
			d.subtitle = lstr_get(&ds->subtitle, li);
			d.site = lstr_get(&s->title, li);
			d.author = lstr_get(&s->author, li);
			v = lstr_ui(s, li, "page_of");
			d.pageof = strcmp(v, "page_of") != 0 ? v :
			    strcmp(d.lang, "fr") == 0 ? "page %d sur %d" :
			    "page %d of %d";
			v = ds->paper[li] != NULL ? ds->paper[li] :
			    s->paper[li];
			if (v != NULL && strcasecmp(v, "Letter") == 0) {
				d.pagew = 21.59;
				d.pageh = 27.94;
				d.margin = 2.54;
			} else {
				d.pagew = 21.0;
				d.pageh = 29.7;
				d.margin = 2.0;
			}
			d.epoch = format_epoch();
			/* a document that leaves parts of its pages out
			 * converts copies (the same pages, other trees) */
			kept = parts_copy(ds, pages, np);
			if (kept != NULL) {
				shallow = xcalloc(np, sizeof(*shallow));
				for (i = 0; i < np; i++) {
					shallow[i] = *pages[i];
					if (kept[i] != NULL)
						shallow[i].doc = kept[i];
					pages[i] = &shallow[i];
				}
			}
			if (convert_doc(p, pages, np, &d)) {
				if (ds->formats & DOC_ODT) {
					out = xasprintf("%s/pdf/%s/%s.odt",
					    outdir, d.lang, ds->id);
					ok &= odf_write(p->build->out, &d, out);
					free(out);
				}
				if (ds->formats & DOC_DOCX) {
					out = xasprintf("%s/pdf/%s/%s.docx",
					    outdir, d.lang, ds->id);
					ok &= docx_write(p->build->out, &d,
					    out);
					free(out);
				}
			} else
				ok = 0;
			parts_free(kept, np);
			free(shallow);
			shallow = NULL;
			free(pages);
			model_free(&d);
		}
	return ok && diag_errors(p->build->diag) == 0;
}

/*
 * office/office.h: the editable-document writer as the rest of pactkit
 * sees it.
 */
#ifndef OFFICE_OFFICE_H
#define OFFICE_OFFICE_H

#include "base/pactkit.h"

/* office.c: the documents of site.lua whose formats hold "odt" or
 * "docx" into outdir/pdf/<lang>/<id>.odt and .docx.  1 ok, 0 (printed). */
int	 office_write_all(struct project *, const char *outdir);

#endif /* !OFFICE_OFFICE_H */

/*
 * package.c: the ZIP packages of the editable documents (ODT, DOCX),
 * built in memory with libzip, the only file that knows it, and written
 * with out_write, so that an unchanged file is kept.  Reproducible:
 * entries in the order added, one fixed time (SOURCE_DATE_EPOCH), no
 * extra fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "base/pactkit.h"
#include "output/out.h"
#include "office/internal.h"

struct package {
	struct out *out;            /* where it is written; its diag */
	char	*shown;             /* its path, as messages name it */
	zip_source_t *src;          /* the archive, in memory */
	zip_t	*za;                /* open on src */
	time_t	 mtime;             /* every entry's time */
	int	 ok;                /* 0 once a step failed */
};

/* The time libzip turns back into epoch's UTC date and time: it writes
 * DOS times in local time, so the build's time zone must not show. */
static time_t
dos_time(long long epoch)
{
	struct tm tm;
	time_t t = (time_t)epoch;

	if (epoch < 315532800LL)        /* DOS times start in 1980 */
		t = 315532800;
	gmtime_r(&t, &tm);
	tm.tm_isdst = -1;
	return mktime(&tm);
}

struct package *
package_new(struct out *o, const char *path, long long epoch)
{
	struct package *z = xcalloc(1, sizeof(*z));
	zip_error_t e;

	zip_error_init(&e);
	z->out = o;
	z->shown = out_shown(o, path);
	z->mtime = dos_time(epoch);
	z->ok = 1;
	if ((z->src = zip_source_buffer_create(NULL, 0, 0, &e)) == NULL ||
	    (zip_source_keep(z->src),
	    z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &e)) == NULL) {
		diag(z->out->diag, DIAG_ERROR, NULL, 0, 0, "zip: %s",
		    zip_error_strerror(&e));
		z->ok = 0;
	}
	zip_error_fini(&e);
	return z;
}

int
package_add(struct package *z, const char *name, const void *data,
    size_t len, int store)
{
	zip_source_t *s;
	zip_int64_t i;
	void *copy;

	if (!z->ok || z->za == NULL)
		return 0;
	copy = xmalloc(len > 0 ? len : 1);
	memcpy(copy, data, len);
	if ((s = zip_source_buffer(z->za, copy, len, 1)) == NULL) {
		free(copy);
		goto bad;
	}
	if ((i = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		goto bad;
	}
	if (zip_set_file_compression(z->za, (zip_uint64_t)i,
	    store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 9) < 0 ||
	    zip_file_set_mtime(z->za, (zip_uint64_t)i, z->mtime, 0) < 0 ||
	    zip_file_set_external_attributes(z->za, (zip_uint64_t)i, 0,
	    ZIP_OPSYS_UNIX, 0100644u << 16) < 0)
		goto bad;
	return 1;
bad:
	diag(z->out->diag, DIAG_ERROR, name, 0, 0, "zip: %s",
	    zip_strerror(z->za));
	z->ok = 0;
	return 0;
}

int
package_xml(struct package *z, const char *name, xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int len = 0, ok;
	size_t bad;
	long cp;

	xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
	if (mem == NULL) {
		diag(z->out->diag, DIAG_ERROR, name, 0, 0,
		    "cannot serialise the XML part");
		z->ok = 0;
		return 0;
	}
	if (!utf8_text((const char *)mem, (size_t)len, &bad, &cp)) {
		/* the readers' checks keep such text out of the trees: should
		 * some still come, a word processor would refuse the file */
		diag(z->out->diag, DIAG_ERROR, z->shown, 0, 0, "%s: %s "
		    "U+%04lX in the text: no word processor would open the "
		    "document", name, cp < 0 ? "invalid UTF-8 near" :
		    cp < 0x20 ? "control character" : "noncharacter",
		    cp < 0 ? (long)(unsigned char)mem[bad] : cp);
		z->ok = 0;
		xmlFree(mem);
		return 0;
	}
	ok = package_add(z, name, mem, (size_t)len, 0);
	xmlFree(mem);
	return ok;
}

int
package_write(struct package *z, const char *path)
{
	zip_stat_t st;
	char *data = NULL;
	int ok = 0;

	if (!z->ok)
		goto out;
	if (zip_close(z->za) < 0) {
		diag(z->out->diag, DIAG_ERROR, path, 0, 0, "zip: %s",
		    zip_strerror(z->za));
		zip_discard(z->za);
		z->za = NULL;
		goto out;
	}
	z->za = NULL;
	zip_stat_init(&st);
	if (zip_source_stat(z->src, &st) < 0 || zip_source_open(z->src) < 0) {
		diag(z->out->diag, DIAG_ERROR, path, 0, 0,
		    "zip: cannot read the package "
		    "back");
		goto out;
	}
	data = xmalloc(st.size > 0 ? (size_t)st.size : 1);
	if (zip_source_read(z->src, data, st.size) != (zip_int64_t)st.size) {
		zip_source_close(z->src);
		diag(z->out->diag, DIAG_ERROR, path, 0, 0, "zip: short read");
		goto out;
	}
	zip_source_close(z->src);
	ok = out_write(z->out, path, data, (size_t)st.size);
out:
	free(data);
	package_free(z);
	return ok;
}

void
package_free(struct package *z)
{
	if (z == NULL)
		return;
	free(z->shown);
	if (z->za != NULL)
		zip_discard(z->za);
	if (z->src != NULL)
		zip_source_free(z->src);
	free(z);
}

/*
 * image.c: image files for the PDF writer.  In: the file an <img>
 * names (data-pk-file, set by assets.c); out: its natural size for the
 * layout, then the picture on the page.  PNG and JPEG are decoded in
 * full with libpng and libjpeg first, because libharu aborts the whole
 * process on a damaged PNG and embeds a damaged JPEG as it is (garbage
 * in the viewer): only a file that decodes cleanly reaches libharu,
 * through draw.c.  An SVG file is parsed with libxml2 and drawn by svg.c
 * when it keeps to the subset it draws.  The images of one PDF are loaded
 * into it once: struct images is that cache, made with the drawer.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jpeglib.h>
#include <png.h>

#include "pdf/internal.h"
#include "tree/tree.h"

#define MAXPIXELS (64L * 1024 * 1024) /* decoded size bound: 256 MB RGBA */
#define PX        0.75                 /* points per CSS pixel (96 dpi) */

struct pdf_image {
	char	*path;              /* the file */
	int	 ok;                /* 0: not printable (said once) */
	double	 w, h;              /* natural size, points */
	int	 sized;             /* 0: w, h give the proportions only */
	void	*im;                /* PNG, JPEG: its image in the PDF */
	xmlDocPtr svg;              /* SVG file, drawn by svg_draw */
	struct pdf_image *next;
};

/* The images of one PDF. */
struct images {
	struct diag *diag;          /* where errors go */
	struct drawer *d;           /* the PDF they are loaded into */
	struct pdf_image *list;     /* newest first */
};

/* ---- PNG -------------------------------------------------------------- */

/*
 * libharu's own PNG reader draws 16-bit files as garbage, refuses
 * interlaced palette files and aborts on a damaged one (measured with
 * libharu 2.3.0), so libpng decodes every PNG to 8-bit samples here and
 * libharu embeds them raw (Flate-compressed), transparency as an SMask.
 */
static void *
png_load(struct drawer *d, const char *data, size_t len, double *w,
    double *h, char *why, size_t whylen)
{
	png_image pi;
	unsigned char *px = NULL, *col = NULL, *alpha = NULL;
	void *im = NULL;
	size_t i, n;
	int gray, hasalpha, nc;

	memset(&pi, 0, sizeof(pi));
	pi.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&pi, data, len)) {
		snprintf(why, whylen, "%s", pi.message);
		return NULL;
	}
	*w = pi.width;
	*h = pi.height;
	if ((long)pi.width * (long)pi.height > MAXPIXELS) {
		snprintf(why, whylen, "%ux%u pixels is too large",
		    pi.width, pi.height);
		png_image_free(&pi);
		return NULL;
	}
	gray = (pi.format & PNG_FORMAT_FLAG_COLOR) == 0;
	hasalpha = (pi.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	pi.format = (gray ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB) |
	    (hasalpha ? PNG_FORMAT_FLAG_ALPHA : 0);
	px = xmalloc(PNG_IMAGE_SIZE(pi));
	/* decoding all of it is also the check: CRCs, zlib data, length */
	if (!png_image_finish_read(&pi, NULL, px, 0, NULL)) {
		snprintf(why, whylen, "%s", pi.message);
		goto out;
	}
	n = (size_t)pi.width * pi.height;
	nc = gray ? 1 : 3;
	if (hasalpha) {
		/* colour and alpha apart: PDF keeps alpha in its own image */
		col = xmalloc(n * (size_t)nc);
		alpha = xmalloc(n);
		for (i = 0; i < n; i++) {
			memcpy(col + i * (size_t)nc, px + i * (size_t)(nc + 1),
			    (size_t)nc);
			alpha[i] = px[i * (size_t)(nc + 1) + (size_t)nc];
		}
	}
	im = draw_image_raw(d, hasalpha ? col : px, pi.width, pi.height,
	    gray, alpha);
	if (im == NULL)
		snprintf(why, whylen, "the PDF library could not embed it");
out:
	free(px);
	free(col);
	free(alpha);
	png_image_free(&pi);
	return im;
}

/* ---- JPEG ------------------------------------------------------------- */

struct jerr {
	struct jpeg_error_mgr mgr;
	jmp_buf	 jb;
	char	 msg[JMSG_LENGTH_MAX];
	int	 warned;            /* corrupt data: libjpeg only warns */
};

static void
jpeg_fatal(j_common_ptr c)
{
	struct jerr *e = (struct jerr *)c->err;

	(*c->err->format_message)(c, e->msg);
	longjmp(e->jb, 1);
}

static void
jpeg_note(j_common_ptr c, int level)
{
	struct jerr *e = (struct jerr *)c->err;

	/* -1 is a warning: a truncated or damaged file, which libjpeg
	 * would fill with grey */
	if (level < 0 && !e->warned) {
		(*c->err->format_message)(c, e->msg);
		e->warned = 1;
	}
}

static int
jpeg_check(const char *data, size_t len, double *w, double *h, char *why,
    size_t whylen)
{
	struct jpeg_decompress_struct ci;
	struct jerr e;
	JSAMPARRAY row;

	memset(&e, 0, sizeof(e));
	ci.err = jpeg_std_error(&e.mgr);
	e.mgr.error_exit = jpeg_fatal;
	e.mgr.emit_message = jpeg_note;
	if (setjmp(e.jb)) {
		snprintf(why, whylen, "%s", e.msg);
		jpeg_destroy_decompress(&ci);
		return 0;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, (const unsigned char *)data, (unsigned long)len);
	jpeg_read_header(&ci, TRUE);
	*w = ci.image_width;
	*h = ci.image_height;
	if ((long)ci.image_width * (long)ci.image_height > MAXPIXELS) {
		snprintf(why, whylen, "%ux%u pixels is too large",
		    ci.image_width, ci.image_height);
		jpeg_destroy_decompress(&ci);
		return 0;
	}
	jpeg_start_decompress(&ci);
	row = (*ci.mem->alloc_sarray)((j_common_ptr)&ci, JPOOL_IMAGE,
	    ci.output_width * (JDIMENSION)ci.output_components, 1);
	while (ci.output_scanline < ci.output_height && !e.warned)
		jpeg_read_scanlines(&ci, row, 1);
	if (!e.warned)
		jpeg_finish_decompress(&ci);
	if (e.warned)
		snprintf(why, whylen, "%s", e.msg);
	jpeg_destroy_decompress(&ci);
	return !e.warned;
}

/* ---- SVG -------------------------------------------------------------- */

static const char *const drawn[] = {
	"svg", "g", "rect", "circle", "line", "polyline", "polygon", "path",
	"text", "tspan", "title", "desc", "metadata", NULL,
};

/* The first thing in the drawing svg.c would not draw as a browser
 * does, into why; 1 when there is none. */
static int
svg_subset(xmlNodePtr n, char *why, size_t whylen, int depth)
{
	xmlNodePtr m;
	const char *a;
	int i;

	if (depth > 32) {
		snprintf(why, whylen, "elements nested too deep");
		return 0;
	}
	for (m = n->children; m != NULL; m = m->next) {
		if (m->type != XML_ELEMENT_NODE)
			continue;
		/* an editor's own namespace (Inkscape, sodipodi) is not
		 * drawn by anybody */
		if (m->ns == NULL || xmlStrcmp(m->ns->href,
		    (const xmlChar *)SVG_NS) != 0)
			continue;
		for (i = 0; drawn[i] != NULL; i++)
			if (xmlStrcmp(m->name, (const xmlChar *)drawn[i]) == 0)
				break;
		if (drawn[i] == NULL) {
			snprintf(why, whylen, "the element <%s>", m->name);
			return 0;
		}
		if (tree_get_attr(m, "style") != NULL ||
		    tree_get_attr(m, "class") != NULL) {
			snprintf(why, whylen, "CSS (a style or class on <%s>)",
			    m->name);
			return 0;
		}
		if ((a = tree_get_attr(m, "transform")) != NULL &&
		    strncmp(a, "translate(", 10) != 0) {
			snprintf(why, whylen, "the transform '%s'", a);
			return 0;
		}
		if (xmlStrcmp(m->name, (const xmlChar *)"path") == 0 &&
		    (a = tree_get_attr(m, "d")) != NULL &&
		    strpbrk(a, "CcSsQqTtAa") != NULL) {
			snprintf(why, whylen, "curves or arcs in a <path>");
			return 0;
		}
		if (((a = tree_get_attr(m, "fill")) != NULL &&
		    strncmp(a, "url(", 4) == 0) ||
		    ((a = tree_get_attr(m, "stroke")) != NULL &&
		    strncmp(a, "url(", 4) == 0)) {
			snprintf(why, whylen, "a gradient or pattern paint");
			return 0;
		}
		if (!svg_subset(m, why, whylen, depth + 1))
			return 0;
	}
	return 1;
}

/* A width or height attribute in points: px (or none), pt, mm, cm, in;
 * 0 when absent or relative (%, em). */
static double
length(xmlNodePtr n, const char *name)
{
	const char *a = tree_get_attr(n, name);
	char *end;
	double v;

	if (a == NULL)
		return 0;
	v = strtod(a, &end);
	if (!(v > 0 && v < 1e5))
		return 0;
	if (*end == '\0' || strcmp(end, "px") == 0)
		return v * PX;
	if (strcmp(end, "pt") == 0)
		return v;
	if (strcmp(end, "mm") == 0)
		return v * 72 / 25.4;
	if (strcmp(end, "cm") == 0)
		return v * 72 / 2.54;
	if (strcmp(end, "in") == 0)
		return v * 72;
	return 0;
}

/* ---- loading ---------------------------------------------------------- */

static int
has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);

	return n > e && strcasecmp(path + n - e, ext) == 0;
}

static void
load(struct images *im, struct pdf_image *pi, const char *file, int line,
    int col)
{
	const char *name = strncmp(pi->path, "./", 2) == 0 ? pi->path + 2 :
	    pi->path;                   /* for messages */
	char why[JMSG_LENGTH_MAX + 64] = "";
	const unsigned char *u;
	size_t len;
	char *data;
	double pw, ph;

	if ((data = file_read(pi->path, &len)) == NULL) {
		diag(im->diag, DIAG_ERROR, file, line, col,
		    "image '%s' cannot be read: %s", name, strerror(errno));
		return;
	}
	u = (const unsigned char *)data;
	if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) {
		if ((pi->im = png_load(im->d, data, len, &pw, &ph, why,
		    sizeof(why))) == NULL)
			diag(im->diag, DIAG_ERROR, file, line, col,
			    "image '%s' cannot be printed: %s", name, why);
		else
			pi->ok = 1;
	} else if (len >= 3 && memcmp(data, "\xff\xd8\xff", 3) == 0) {
		if (!jpeg_check(data, len, &pw, &ph, why, sizeof(why)))
			diag(im->diag, DIAG_ERROR, file, line, col,
			    "image '%s' is a damaged JPEG file: %s", name, why);
		else if ((pi->im = draw_image_jpeg(im->d, u, len)) == NULL)
			diag(im->diag, DIAG_ERROR, file, line, col,
			    "image '%s': the PDF library could not embed this "
			    "JPEG file (a kind it does not read, such as "
			    "12-bit)", name);
		else
			pi->ok = 1;
	} else if (has_ext(pi->path, ".svg")) {
		xmlNodePtr root;

		pi->svg = xmlReadMemory(data, (int)len, pi->path, NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		root = pi->svg != NULL ? xmlDocGetRootElement(pi->svg) : NULL;
		if (root == NULL || root->ns == NULL ||
		    xmlStrcmp(root->name, (const xmlChar *)"svg") != 0 ||
		    xmlStrcmp(root->ns->href, (const xmlChar *)SVG_NS) != 0)
			diag(im->diag, DIAG_WARN, file, line, col,
			    "image '%s' is not a well-formed SVG drawing: its "
			    "alt text is printed instead", name);
		else if (!svg_subset(root, why, sizeof(why), 0))
			diag(im->diag, DIAG_WARN, file, line, col,
			    "image '%s' uses %s, which the PDF does not draw: "
			    "its alt text is printed instead", name, why);
		else if (svg_size(im->diag, root, file, &pw, &ph)) {
			double lw = length(root, "width");
			double lh = length(root, "height");

			/* its own size when it gives one, else only its
			 * proportions: the layout gives it the measure */
			pi->sized = lw > 0;
			if (lw > 0 && lh > 0)
				pw = lw, ph = lh;
			else if (lw > 0)
				ph = ph * lw / pw, pw = lw;
			pi->w = pw;
			pi->h = ph;
			pi->ok = 1;
		}
		free(data);
		return;
	} else if ((len >= 4 && memcmp(data, "GIF8", 4) == 0) ||
	    (len >= 12 && memcmp(data, "RIFF", 4) == 0 &&
	    memcmp(data + 8, "WEBP", 4) == 0))
		diag(im->diag, DIAG_WARN, file, line, col,
		    "image '%s': GIF and WebP are not printed in the PDF (PNG, "
		    "JPEG and SVG are): its alt text is printed instead", name);
	else
		diag(im->diag, DIAG_ERROR, file, line, col,
		    "image '%s' is not a PNG, JPEG or SVG file", name);
	if (pi->ok) {
		/* bitmaps at 96 pixels per inch, as a browser shows them */
		pi->sized = 1;
		pi->w = pw * PX;
		pi->h = ph * PX;
	}
	free(data);
}

struct images *
image_new(struct diag *dg, struct drawer *d)
{
	struct images *im = xcalloc(1, sizeof(*im));

	im->diag = dg;
	im->d = d;
	return im;
}

void
image_free(struct images *im)
{
	struct pdf_image *pi, *next;

	if (im == NULL)
		return;
	for (pi = im->list; pi != NULL; pi = next) {
		next = pi->next;
		xmlFreeDoc(pi->svg);    /* a PNG or JPEG goes with the PDF */
		free(pi->path);
		free(pi);
	}
	free(im);
}

static struct pdf_image *
find(const struct images *im, const char *path)
{
	struct pdf_image *pi;

	for (pi = im->list; pi != NULL; pi = pi->next)
		if (strcmp(pi->path, path) == 0)
			return pi;
	return NULL;
}

const struct pdf_image *
image_get(struct images *im, const char *path, const char *file, int line,
    int col)
{
	struct pdf_image *pi;

	if ((pi = find(im, path)) != NULL)
		return pi->ok ? pi : NULL;
	pi = xcalloc(1, sizeof(*pi));
	pi->path = xstrdup(path);
	pi->next = im->list;
	im->list = pi;
	load(im, pi, file, line, col);
	return pi->ok ? pi : NULL;
}

int
image_size(const struct pdf_image *pi, double *w, double *h)
{
	*w = pi->w;
	*h = pi->h;
	return pi->sized;
}

void
image_draw(struct images *im, const char *path, double x, double y,
    double w, double h)
{
	struct pdf_image *pi = find(im, path);

	if (pi == NULL || !pi->ok)
		return;
	if (pi->svg != NULL)
		svg_draw(im->d, xmlDocGetRootElement(pi->svg), x, y, w, h);
	else
		draw_image(im->d, pi->im, x, y, w, h);
}

/*
 * picture.c: the pictures of a document: a PNG, JPEG or SVG file beside
 * the page (its size read from the file), or an inline drawing copied
 * out as a standalone SVG; each added to the model with its text
 * alternative.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "base/pactkit.h"
#include "tree/tree.h"
#include "office/internal.h"

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* A PNG's size, its chunks walked to IEND; 0 when damaged. */
static int
png_size(const unsigned char *p, size_t len, unsigned long *w,
    unsigned long *h)
{
	size_t off = 8;

	if (len < 33 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0 ||
	    memcmp(p + 12, "IHDR", 4) != 0)
		return 0;
	*w = be32(p + 16);
	*h = be32(p + 20);
	while (off + 12 <= len) {
		unsigned long n = be32(p + off);

		if (n > len - off - 12)
			return 0;
		if (memcmp(p + off + 4, "IEND", 4) == 0)
			return *w > 0 && *h > 0;
		off += 12 + n;
	}
	return 0;
}

/* A JPEG's size from its frame header; 0 when damaged. */
static int
jpeg_size(const unsigned char *p, size_t len, unsigned long *w,
    unsigned long *h)
{
	size_t off = 2;

	if (len < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return 0;
	while (off + 4 <= len) {
		unsigned m, n;

		if (p[off] != 0xFF)
			return 0;
		m = p[off + 1];
		if (m == 0xFF) {
			off++;
			continue;
		}
		if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
			off += 2;
			continue;
		}
		n = (unsigned)p[off + 2] << 8 | p[off + 3];
		if (n < 2 || off + 2 + n > len)
			return 0;
		if ((m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {
			if (n < 7)
				return 0;
			*h = (unsigned long)p[off + 5] << 8 | p[off + 6];
			*w = (unsigned long)p[off + 7] << 8 | p[off + 8];
			return *w > 0 && *h > 0 && len >= 4 &&
			    p[len - 2] == 0xFF && p[len - 1] == 0xD9;
		}
		off += 2 + n;
	}
	return 0;
}

/* A length of an SVG root attribute in px (96 per inch); 0: none. */
static double
svglen(const char *v)
{
	char *end;
	double x;

	if (v == NULL)
		return 0;
	x = strtod(v, &end);
	if (end == v || !(x > 0 && x < 1e6))
		return 0;       /* "nan", "inf", "1e300": as if absent */
	while (*end == ' ')
		end++;
	if (*end == '\0' || strcmp(end, "px") == 0)
		return x;
	if (strcmp(end, "pt") == 0)
		return x * 96 / 72;
	if (strcmp(end, "mm") == 0)
		return x * 96 / 25.4;
	if (strcmp(end, "cm") == 0)
		return x * 96 / 2.54;
	if (strcmp(end, "in") == 0)
		return x * 96;
	return 0;
}

/* An SVG's size in px: width/height, else its viewBox; 0 when it is
 * not an SVG document. */
static int
svg_px(xmlNodePtr root, double *w, double *h)
{
	const char *vb;
	double x, y;

	if (root == NULL || !tree_is(root, "svg"))
		return 0;
	*w = svglen((const char *)xmlHasProp(root, BAD_CAST "width") ?
	    tree_get_attr(root, "width") : NULL);
	*h = svglen((const char *)xmlHasProp(root, BAD_CAST "height") ?
	    tree_get_attr(root, "height") : NULL);
	if ((*w == 0 || *h == 0) && (vb = tree_get_attr(root, "viewBox")) &&
	    sscanf(vb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &x, &y, w, h) != 4)
		*w = *h = 0;
	if (!(*w > 0 && *w < 1e6 && *h > 0 && *h < 1e6)) {
		*w = 300;       /* as a browser does */
		*h = 150;
	}
	return 1;
}

/* The picture an img names through data-pk-file: its index, or -1 (its
 * alt text stands for it; warned). */
long
picture_file(struct conv *c, xmlNodePtr img)
{
	const char *file = tree_get_attr(img, "data-pk-file");
	const char *alt = tree_get_attr(img, "alt");
	const char *dot;
	unsigned long w = 0, h = 0;
	size_t len;
	char *data;

	if (file == NULL) {
		conv_warn(c, img, "image '%s' is not a file beside the page: "
		    "its alt text stands for it in the document",
		    tree_get_attr(img, "src") ? tree_get_attr(img, "src") : "");
		return -1;
	}
	if ((data = file_read(file, &len)) == NULL) {
		conv_err(c, img, "image '%s' cannot be read", file);
		return -1;
	}
	dot = strrchr(file, '.');
	if (len >= 8 && memcmp(data, "\x89PNG", 4) == 0) {
		if (!png_size((unsigned char *)data, len, &w, &h)) {
			conv_err(c, img, "image '%s' is not a valid PNG "
			    "(damaged?)", file);
			free(data);
			return -1;
		}
		return (long)model_image(c->d, data, len, "png", "image/png",
		    (double)w, (double)h, alt);
	}
	if (len >= 2 && (unsigned char)data[0] == 0xFF &&
	    (unsigned char)data[1] == 0xD8) {
		if (!jpeg_size((unsigned char *)data, len, &w, &h)) {
			conv_err(c, img, "image '%s' is not a valid JPEG "
			    "(damaged?)", file);
			free(data);
			return -1;
		}
		return (long)model_image(c->d, data, len, "jpg", "image/jpeg",
		    (double)w, (double)h, alt);
	}
	if (dot != NULL && strcasecmp(dot, ".svg") == 0) {
		xmlDocPtr sd = xmlReadMemory(data, (int)len, file, NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		double sw, sh;
		long i = -1;

		if (sd != NULL && svg_px(xmlDocGetRootElement(sd), &sw, &sh))
			i = (long)model_image(c->d, data, len, "svg",
			    "image/svg+xml", sw, sh, alt);
		else {
			conv_err(c, img, "image '%s' is not a valid SVG "
			    "document", file);
			free(data);
		}
		xmlFreeDoc(sd);
		return i;
	}
	if (dot != NULL && (strcasecmp(dot, ".png") == 0 ||
	    strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0)) {
		conv_err(c, img,
		    "image '%s' is damaged: its content is not the "
		    "picture its name says", file);
		free(data);
		return -1;
	}
	free(data);
	conv_warn(c, img, "image '%s': only PNG, JPEG and SVG go into ODT and "
	    "DOCX; its alt text stands for it", file);
	return -1;
}

/* Strips the data-pk-* attributes (and ids) from a copied SVG. */
static void
svg_clean(xmlNodePtr n)
{
	xmlAttrPtr a, next;
	xmlNodePtr k;

	for (a = n->properties; a != NULL; a = next) {
		next = a->next;
		if (strncmp((const char *)a->name, "data-pk-", 8) == 0)
			xmlRemoveProp(a);
	}
	for (k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			svg_clean(k);
}

/* An inline drawing as a standalone SVG file: its index. */
long
picture_svg(struct conv *c, xmlNodePtr svg)
{
	xmlDocPtr sd = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlDocCopyNode(svg, sd, 1), t;
	xmlChar *mem = NULL;
	int len = 0;
	double w, h;
	char *alt = NULL, *data, wbuf[32], hbuf[32];
	long i;

	xmlDocSetRootElement(sd, root);
	xmlReconciliateNs(sd, root);
	svg_clean(root);
	svg_px(root, &w, &h);
	snprintf(wbuf, sizeof(wbuf), "%g", w);
	snprintf(hbuf, sizeof(hbuf), "%g", h);
	if (!xmlHasProp(root, BAD_CAST "width"))
		xmlSetProp(root, BAD_CAST "width", BAD_CAST wbuf);
	if (!xmlHasProp(root, BAD_CAST "height"))
		xmlSetProp(root, BAD_CAST "height", BAD_CAST hbuf);
	if (!xmlHasProp(root, BAD_CAST "font-family"))
		xmlSetProp(root, BAD_CAST "font-family",
		    BAD_CAST "Liberation Sans, Arial, sans-serif");
	for (t = svg->children; t != NULL; t = t->next)
		if (tree_is(t, "title") || tree_is(t, "desc")) {
			char *s = tree_text_content(t);

			if (alt == NULL)
				alt = s;
			else {
				char *j = xasprintf("%s. %s", alt, s);

				free(alt);
				free(s);
				alt = j;
			}
		}
	xmlDocDumpMemoryEnc(sd, &mem, &len, "UTF-8");
	data = xstrndup((const char *)mem, (size_t)len);
	xmlFree(mem);
	xmlFreeDoc(sd);
	i = (long)model_image(c->d, data, (size_t)len, "svg", "image/svg+xml",
	    w, h, alt);
	c->d->images[i].subset = 1;
	free(alt);
	return i;
}

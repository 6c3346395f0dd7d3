/*
 * xmp.c: a PDF's XMP metadata packet.  In: the document's title, author,
 * subject, language, dates, producer and the standards it claims; out:
 * the packet text (dc:, xmp:, pdf:, pdfaid:, pdfuaid: and, for PDF/A,
 * the extension schema that declares pdfuaid), its values equal to the
 * Info dictionary's, as PDF/A asks.
 */
#include <stdlib.h>
#include <string.h>

#include "base/pactkit.h"
#include "pdf/internal.h"

/* s escaped for XML text. */
static void
esc(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		default:
			/* control characters are not XML */
			if ((unsigned char)*s < 0x20 && *s != '\t' &&
			    *s != '\n')
				buf_putc(b, ' ');
			else
				buf_putc(b, *s);
		}
}

/* <tag><rdf:Alt><rdf:li xml:lang="x-default">s</rdf:li>... */
static void
alt(struct buf *b, const char *tag, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	buf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
	esc(b, s);
	buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", tag);
}

static void
prop(struct buf *b, const char *tag, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	buf_printf(b, "   <%s>", tag);
	esc(b, s);
	buf_printf(b, "</%s>\n", tag);
}

char *
xmp_packet(const struct xmp *x)
{
	struct buf b = { 0 };

	/* no bytes= nor encoding= in the header (PDF/A-2 6.6.2.1) */
	buf_puts(&b, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
	    "22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
	if (x->pdfa)
		buf_puts(&b, "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/"
		    "ns/id/\"");
	if (x->ua)
		buf_puts(&b, "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/"
		    "ns/id/\"");
	buf_puts(&b, ">\n");
	alt(&b, "dc:title", x->title);
	if (x->author != NULL && *x->author != '\0') {
		buf_puts(&b, "   <dc:creator><rdf:Seq><rdf:li>");
		esc(&b, x->author);
		buf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	alt(&b, "dc:description", x->subject);
	if (x->lang != NULL && *x->lang != '\0') {
		buf_puts(&b, "   <dc:language><rdf:Bag><rdf:li>");
		esc(&b, x->lang);
		buf_puts(&b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	buf_puts(&b, "   <dc:format>application/pdf</dc:format>\n");
	prop(&b, "xmp:CreateDate", x->date);
	prop(&b, "xmp:ModifyDate", x->date);
	prop(&b, "xmp:MetadataDate", x->date);
	prop(&b, "xmp:CreatorTool", x->creator);
	prop(&b, "pdf:Producer", x->producer);
	if (x->pdfa)
		buf_printf(&b, "   <pdfaid:part>%d</pdfaid:part>\n"
		    "   <pdfaid:conformance>%c</pdfaid:conformance>\n",
		    x->pdfa, x->conformance);
	if (x->ua)
		buf_printf(&b, "   <pdfuaid:part>%d</pdfuaid:part>\n", x->ua);
	buf_puts(&b, "  </rdf:Description>\n");
	if (x->pdfa && x->ua)
		/* pdfuaid is no schema PDF/A-2 knows: declared here */
		buf_puts(&b, "  <rdf:Description rdf:about=\"\"\n"
		    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/"
		    "extension/\"\n"
		    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/"
		    "schema#\"\n"
		    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/"
		    "property#\">\n"
		    "   <pdfaExtension:schemas><rdf:Bag>"
		    "<rdf:li rdf:parseType=\"Resource\">\n"
		    "    <pdfaSchema:schema>PDF/UA Universal Accessibility "
		    "Schema</pdfaSchema:schema>\n"
		    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/"
		    "ns/id/</pdfaSchema:namespaceURI>\n"
		    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
		    "    <pdfaSchema:property><rdf:Seq>"
		    "<rdf:li rdf:parseType=\"Resource\">\n"
		    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
		    "     <pdfaProperty:valueType>Integer"
		    "</pdfaProperty:valueType>\n"
		    "     <pdfaProperty:category>internal"
		    "</pdfaProperty:category>\n"
		    "     <pdfaProperty:description>Part of ISO 14289 the file "
		    "conforms to</pdfaProperty:description>\n"
		    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
		    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
		    "  </rdf:Description>\n");
	buf_puts(&b, " </rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
	return buf_detach(&b);
}

#ifndef DIPLOWATCH_CLIBXML2_SHIM_H
#define DIPLOWATCH_CLIBXML2_SHIM_H

/* Debian's libxml2 headers pull in system ICU, which clashes with the ICU bundled in
   Foundation on clean builds. Nothing here needs ICU: turn it off before anything else. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

/* libxml2 prints some errors (encoding conversion, I/O) to stderr through its generic error
   handler even with the NOERROR options; the handler is per thread, so each parse calls this.
   Swift cannot define a variadic C function, hence the no-op lives here. */
static void dw_xml_discard(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void dw_xml_silence(void) {
    xmlThrDefSetGenericErrorFunc(NULL, dw_xml_discard);
    xmlSetGenericErrorFunc(NULL, dw_xml_discard);
}

/* xmlFree is a global function pointer, which Swift 6 treats as shared mutable state. */
static inline void dw_xml_free(void *p) { xmlFree(p); }

#endif

/* xml.c - libxml2 initialisation and silence; see xml.h. */
#include "ingest/xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_parser(void)
{
	xmlInitParser();
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

void cr_xml_init(void)
{
	pthread_once(&once, init_parser);
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

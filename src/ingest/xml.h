/*
 * xml.h - the one place libxml2 is set up.
 *
 * libxml2 keeps global state: its parser must be initialised once, and by
 * default it prints parse errors to stderr. crossread's library never
 * prints (errors go through cr_diag), so every reader of HTML or XML calls
 * cr_xml_init() first.
 */
#ifndef CR_INGEST_XML_H
#define CR_INGEST_XML_H

/* Initialises libxml2 once per process and silences its error output for
 * the calling thread (libxml2 keeps error handlers per thread). Safe to
 * call often. */
void cr_xml_init(void);

#endif

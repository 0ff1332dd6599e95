/*
 * ingest.h - reading articles from files, directories and stdin.
 *
 * A path is a file, a directory (read recursively, in name order, hidden
 * entries skipped) or "-" for stdin. A file's format is recognised from
 * its content, then its name: a WARC archive, plain or gzip ("WARC/1."
 * first, streamed record by record: warc.h), an RSS or Atom feed (<rss,
 * <feed, <rdf:RDF: feed.h), an HTML page (<!doctype html, <html, <head:
 * html.h), JSON lines (first non-blank byte '{', or .jsonl / .ndjson),
 * and plain text otherwise. Each article read
 * is handed to the sink, which takes ownership. Rejected input (an
 * unreadable file, a binary file, an empty file, a malformed line) is
 * reported through the diag as "file:line: reason" and skipped; the rest
 * goes on.
 */
#ifndef CR_INGEST_INGEST_H
#define CR_INGEST_INGEST_H

#include <stddef.h>

#include "base/diag.h"
#include "crossread/article.h"
#include "crossread/err.h"

/* Limits on what one input may make us read. */
/* One file or stdin read whole; a longer JSON lines file is read a chunk
 * at a time (cr_jsonl_read_fd), a WARC archive is always streamed. */
#define CR_MAX_FILE_BYTES ((size_t)256 << 20)
#define CR_MAX_LINE_BYTES ((size_t)64 << 20) /* one JSON line */
#define CR_MAX_TEXT_BYTES ((size_t)16 << 20) /* one article's text */
#define CR_MAX_DIR_DEPTH  32                 /* directory recursion */
#define CR_MAX_JSON_DEPTH 64

/* Receives an article; owns it from then on. A non-OK return stops the
 * ingest and is passed back to the caller. */
typedef cr_err (*cr_article_sink)(void *ud, cr_article *a);

/* Reads every article under path. Returns CR_OK when the walk ran (even
 * with rejected inputs: see d->n_rejected), or the sink's error. */
cr_err cr_ingest_path(const char *path, cr_article_sink sink, void *ud,
                      cr_diag *d);

/* Reads articles from an in-memory buffer; name is used for ids and
 * diagnostics ("-" for stdin). Same rules as for a file. */
cr_err cr_ingest_buffer(const char *name, const char *data, size_t n,
                        cr_article_sink sink, void *ud, cr_diag *d);

#endif

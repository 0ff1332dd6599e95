/*
 * jsonl.h - JSON lines, one article per line (jansson).
 *
 * Fields: id, source, url, title, text, published, lang; only text is
 * required. published is an ISO 8601 date or date-time ("2024-11-20",
 * "2024-11-20T10:00:00Z", "+01:00" offsets) or a number of seconds since
 * the epoch. A line that is not a JSON object, lacks text or has a field
 * of the wrong type is reported as file:line: reason and skipped. Blank
 * lines are skipped silently. A missing id becomes "<file id>-<line>".
 */
#ifndef CR_INGEST_JSONL_H
#define CR_INGEST_JSONL_H

#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "ingest/ingest.h"

cr_err cr_jsonl_read(const char *name, const char *data, size_t n,
                     cr_article_sink sink, void *ud, cr_diag *d);

/* Bytes read at a time by cr_jsonl_read_fd(). */
#define CR_JSONL_CHUNK_BYTES ((size_t)16 << 20)

/* cr_jsonl_read() on an open file, read CR_JSONL_CHUNK_BYTES at a time:
 * memory is one chunk (or the longest line, at most CR_MAX_LINE_BYTES)
 * however long the file, so JSON lines files past CR_MAX_FILE_BYTES are
 * read too. A longer line is reported and skipped; a read error is
 * reported with the offset it happened at, and ends the file. */
cr_err cr_jsonl_read_fd(const char *name, int fd, cr_article_sink sink,
                        void *ud, cr_diag *d);

/* cr_jsonl_read_fd() reading chunk bytes at a time (at least 8): the
 * tests and the fuzz harness use small chunks, so that lines cross chunk
 * boundaries and outgrow the buffer. */
cr_err cr_jsonl_read_fd_chunk(const char *name, int fd, size_t chunk,
                              cr_article_sink sink, void *ud, cr_diag *d);

/* Parses an ISO 8601 date or date-time into seconds since the epoch
 * (UTC). Returns 1 on success. */
int cr_parse_iso8601(const char *s, int64_t *out);

#endif

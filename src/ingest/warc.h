/*
 * warc.h - WARC 1.0 and 1.1 archives, plain or gzip (one member per
 * record), streamed with constant memory.
 *
 * Each response record whose HTTP payload is an HTML page (status 2xx,
 * Content-Type text/html or application/xhtml+xml) becomes an article:
 * the page is extracted by cr_html_extract(), the url is the record's
 * WARC-Target-URI, and the published time comes from the page, else from
 * WARC-Date. The id is "<file id>-<n>", n counting the archive's records
 * from 1. Other records (warcinfo, request, metadata, revisit, non-HTML
 * responses) are skipped silently; pages the extractor says are not
 * articles are skipped with a warning.
 *
 * A damaged record (a bad header, a Content-Length that is missing, lies
 * or exceeds CR_MAX_WARC_RECORD, a corrupt or truncated gzip member,
 * garbage between records) is reported as "offset N: reason", N being
 * the byte offset in the file (of the gzip member, for gzip archives),
 * and skipped; reading resumes at the next line that starts with
 * "WARC/1." (plain) or at the next gzip member, so the rest comes
 * through.
 *
 * Memory: one record window (at most CR_MAX_WARC_RECORD plus the header
 * cap, grown only as big records require) and one input buffer, however
 * long the archive.
 */
#ifndef CR_INGEST_WARC_H
#define CR_INGEST_WARC_H

#include <stddef.h>

#include "base/diag.h"
#include "ingest/ingest.h"

/* Largest record block (decompressed), and so the largest page. */
#define CR_MAX_WARC_RECORD ((size_t)32 << 20)
/* Largest WARC header block, and largest HTTP header block. */
#define CR_MAX_WARC_HEADER ((size_t)64 << 10)
/* Bytes cr_warc_sniff() wants to see to recognise a gzip archive. */
#define CR_WARC_SNIFF_BYTES 512

/* 1 when the bytes start a WARC archive: "WARC/1.0" or "WARC/1.1", or a
 * gzip member whose first inflated bytes are "WARC/". */
int cr_warc_sniff(const char *data, size_t n);

/* Streams the archive from fd (read to its end, not closed) and hands
 * each article to the sink (which owns it). Damaged records are reported
 * through d and skipped. Returns CR_OK, CR_ENOMEM or the sink's error;
 * a read error is reported and ends the archive. */
cr_err cr_warc_read_fd(const char *name, int fd, cr_article_sink sink, void *ud,
                       cr_diag *d);

/* Same, for an archive already in memory. */
cr_err cr_warc_read_buffer(const char *name, const char *data, size_t n,
                           cr_article_sink sink, void *ud, cr_diag *d);

#endif

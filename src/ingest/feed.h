/*
 * feed.h - RSS 2.0, RSS 1.0 (RDF) and Atom feeds, one article per item
 * (libxml2).
 *
 * Each item becomes an article: id from guid / atom:id, else the link,
 * else "<file id>-<n>" (n counts items from 1); source from the channel
 * or feed title; url from the link; title; published from pubDate
 * (RFC 822), dc:date or Atom published / updated (ISO 8601), in UTC; and
 * as text the full content (content:encoded, atom:content) when the item
 * carries it, else the description / summary. HTML in the text is turned
 * into paragraphs of plain text. The title comes from metadata, so raw is
 * the body only (title_given = 1).
 *
 * The XML parser runs without network access, without loading a DTD or
 * external entities, and without substituting entities; a reference to
 * a declared entity is kept as "&name;" text and never expanded, so a
 * billion-laughs feed costs no more than its own bytes. libxml2's own
 * nesting limit (256) applies: XML_PARSE_HUGE is never set.
 */
#ifndef CR_INGEST_FEED_H
#define CR_INGEST_FEED_H

#include <stddef.h>

#include "base/diag.h"
#include "ingest/ingest.h"

/* Most items read from one feed; the rest are reported and skipped. */
#define CR_MAX_FEED_ITEMS 20000u
/* Longest title, link, id or outlet name kept (longer ones are cut at a
 * character boundary). */
#define CR_MAX_FEED_FIELD_BYTES ((size_t)8 << 10)
/* Largest feed parsed; a bigger one is rejected before parsing. */
#define CR_MAX_FEED_BYTES ((size_t)64 << 20)

/* 1 when the bytes look like a feed: after an optional BOM, white space,
 * XML declaration, comments and processing instructions, the first
 * element is <rss, <feed or <rdf:RDF. */
int cr_feed_sniff(const char *data, size_t n);

/* Reads every item of the feed in data and hands each article to the
 * sink (which owns it). A feed that does not parse, or whose root is not
 * rss / feed / RDF, is reported through d as a whole and gives CR_OK; an
 * item without any text is reported and skipped. Returns CR_OK, CR_ENOMEM
 * or the sink's error. */
cr_err cr_feed_read(const char *name, const char *data, size_t n,
                    cr_article_sink sink, void *ud, cr_diag *d);

/* Parses an RFC 822 / RFC 1123 date ("Tue, 10 Jun 2003 04:00:00 GMT",
 * "+0200", two-digit years, missing seconds or weekday) into seconds
 * since the epoch, UTC. Returns 1 on success. */
int cr_parse_rfc822(const char *s, int64_t *out);

#endif

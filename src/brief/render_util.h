/*
 * render_util.h - what the three renderers share (internal to src/brief).
 *
 * Labels for articles, dates as text and the names of enum values, so
 * JSON, Markdown and HTML say the same thing in the same words. Nothing
 * here escapes: each renderer escapes for its own format.
 */
#ifndef CR_BRIEF_RENDER_UTIL_H
#define CR_BRIEF_RENDER_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "crossread/briefing.h"

/* Markdown and HTML list at most this many outlets after a claim and then
 * say how many more there are; a story of hundreds of articles would
 * otherwise bury the claim. JSON always lists every article. */
#define CR_RENDER_MAX_LISTED 12

/* Room for "YYYY-MM-DDTHH:MM:SSZ" and for "YYYY-MM-DD", with a NUL. */
#define CR_RENDER_TIME_BUF 32

/* The article of index i of b, or NULL when i is out of range (the
 * renderers skip such indices rather than read out of bounds). */
const cr_article *cr_render_art(const cr_briefing *b, uint32_t i);

/* How a reader names an article: its outlet, else its id, else
 * "unknown outlet". Never NULL; borrowed from the article. */
const char *cr_render_label(const cr_article *a);

/* Writes t (seconds since the epoch) as ISO 8601 UTC,
 * "2024-11-20T10:00:00Z". Returns 0 when t is CR_TIME_NONE or outside
 * years 1..9999, 1 when buf holds the text. */
int cr_render_iso_time(int64_t t, char buf[CR_RENDER_TIME_BUF]);

/* The date of a timeline entry as "YYYY-MM-DD", "YYYY-MM" or "YYYY" by
 * what is known. Returns 0 when there is no usable date. */
int cr_render_event_date(const cr_bevent *e, char buf[CR_RENDER_TIME_BUF]);

/* Calls fn for each distinct outlet label of set, in set order, for the
 * first CR_RENDER_MAX_LISTED distinct labels (an outlet with several
 * articles is named once). Returns how many articles were left out, not
 * counting those whose label was already named; 0 when all were named. */
uint32_t cr_render_each_label(const cr_briefing *b, const cr_artset *set,
                              void (*fn)(void *ud, const char *label,
                                         const cr_article *a),
                              void *ud);

/* Names of enum values as the JSON contract spells them. Out-of-range
 * values give "one", "other" and "contradiction". */
const char *cr_render_agreement(uint8_t agreement);
const char *cr_render_entity_type(uint8_t type);
const char *cr_render_conflict_kind(uint8_t kind);

#endif

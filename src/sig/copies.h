/*
 * copies.h - finding copies (wire syndication, re-sends) and rewrites.
 *
 * Each analysed article gets a 64-bit SimHash over its word 3-shingles
 * (xxh3) and a MinHash sketch with LSH bands over the same shingles, so a
 * lookup costs the same however many articles came before. An article
 * whose body shares most shingles with an earlier one (Jaccard >= 0.8 on
 * the shorter, allowing truncation and different boilerplate) is a copy;
 * its copy_of names the earliest original (an original's own copy_of is
 * followed). Rewrites (the same article reworded: lower shingle overlap
 * but high stem-set overlap in the same order) are recorded but are not
 * copies: they count as independent.
 */
#ifndef CR_SIG_COPIES_H
#define CR_SIG_COPIES_H

#include <stdint.h>

#include "crossread/article.h"

typedef struct cr_copies cr_copies;

typedef enum cr_copy_kind {
	CR_ORIGINAL,
	CR_COPY,
	CR_REWRITE,
} cr_copy_kind;

/* Most articles the index remembers; past it the oldest is forgotten,
 * so memory stays bounded on an endless stream. */
#define CR_COPIES_MAX 32768u

/* NULL when out of memory. */
cr_copies *cr_copies_new(void);

/* Same, remembering at most max articles (1..CR_COPIES_MAX; 0 means
 * CR_COPIES_MAX). For tests and small embedded uses. */
cr_copies *cr_copies_new_max(uint32_t max);

/* Articles the index remembers now (at most its bound). */
uint32_t cr_copies_size(const cr_copies *c);

void cr_copies_free(cr_copies *c); /* accepts NULL */

/* Fingerprints a (analysed), compares it with earlier articles and
 * records it. For a copy, sets a->copy_of to the original's id (a string
 * in a's arena). *of_id, when not NULL, receives the matched article's
 * id for copies and rewrites (borrowed from the index, valid until the
 * next call). */
cr_copy_kind cr_copies_add(cr_copies *c, cr_article *a, const char **of_id);

/* 64-bit SimHash of an analysed article's content-word shingles. */
uint64_t cr_simhash(const cr_article *a);

#endif

/*
 * align.h - deciding whether two sentences state the same fact.
 *
 * A score in [0, 1] from content-stem overlap (IDF-weighted within the
 * story), shared entities, numbers and dates, with penalties for
 * mismatched negation. Used for facts, summary attribution and conflicts.
 */
#ifndef CR_BRIEF_ALIGN_H
#define CR_BRIEF_ALIGN_H

#include <stdint.h>

#include "crossread/article.h"

typedef struct cr_align cr_align;

/* Prepares alignment over the sentences of a story's articles. NULL when
 * out of memory. */
cr_align *cr_align_new(const cr_article *const *arts, uint32_t n);
void cr_align_free(cr_align *al);

/* Similarity of sentence sa of article a and sentence sb of article b
 * (indices into the arts given to cr_align_new). */
double cr_align_score(const cr_align *al, uint32_t a, uint32_t sa,
                      uint32_t b, uint32_t sb);

#endif

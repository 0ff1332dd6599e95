/*
 * sentence.h - sentence boundaries.
 *
 * Rules, not a model: a sentence ends at . ! ? (and a closing quote or
 * bracket after it) followed by space and an upper-case letter, a digit
 * or an opening quote; or at a newline (paragraph end). It does not end
 * after abbreviations (Mr. Dr. Gen. Sen. U.S. U.K. Jan. No. St. etc. vs.),
 * initials (J. K. Rowling), inside decimals (3.5) or inside a quotation
 * that continues the sentence ("Go." he said).
 */
#ifndef CR_TEXT_SENTENCE_H
#define CR_TEXT_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "crossread/article.h"
#include "crossread/err.h"

#define CR_MAX_SENTENCES 65535u

/* Splits text[0..len) into sentences, as an arena array of spans (offsets
 * into text, trimmed of surrounding white space, never empty), and for
 * each its paragraph index (paragraphs are separated by '\n'). paras may
 * be NULL. Stops at CR_MAX_SENTENCES and returns CR_ETOOBIG. */
cr_err cr_sentence_split(cr_arena *a, const char *text, size_t len,
                         cr_span **spans, uint32_t **paras, uint32_t *n);

#endif

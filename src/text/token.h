/*
 * token.h - splitting text into word, number and punctuation tokens.
 *
 * utf8proc has no word breaking, so tokens are cut here on its character
 * categories: letters and marks make words (an inner ' or - or . between
 * letters stays inside: don't, US-made, U.S.), digits make numbers (with
 * inner , . and a trailing unit or ordinal suffix: 1,000 3.5 170mm 1001st),
 * every other non-space code point is a punctuation token of its own.
 */
#ifndef CR_TEXT_TOKEN_H
#define CR_TEXT_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "crossread/article.h"
#include "crossread/err.h"

/* Most tokens one article may have: a bound on hostile input. */
#define CR_MAX_TOKENS (4u * 1024 * 1024)

/* Tokenises text[0..len), appending to the arena array *toks (with *n
 * used and *cap allocated; start with NULL, 0, 0). Spans are offsets of
 * text plus base (so text may be a slice of a body at offset base).
 * Fills span, norm (cr_utf8_fold) and flags except CR_TOK_STOP and
 * CR_TOK_SENT0; stem is set equal to norm. sent is set to sent_index. */
cr_err cr_tokenize(cr_arena *a, const char *text, size_t len, uint32_t base,
                   uint16_t sent_index, cr_token **toks, uint32_t *n,
                   uint32_t *cap);

#endif

/*
 * stem.h - Snowball stemming (libstemmer) and stopwords.
 *
 * A cr_stemmer wraps one sb_stemmer: not thread-safe, one per worker.
 */
#ifndef CR_TEXT_STEM_H
#define CR_TEXT_STEM_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

typedef struct cr_stemmer cr_stemmer;

/* Creates a stemmer for an ISO 639-1 language or Snowball name ("en",
 * "english"); NULL if libstemmer has none. Free with cr_stemmer_free. */
cr_stemmer *cr_stemmer_new(const char *lang);

/* Accepts NULL. */
void cr_stemmer_free(cr_stemmer *s);

/* The stem of a case-folded word, copied into the arena (libstemmer's
 * own buffer is overwritten by the next call). NULL when out of memory. */
const char *cr_stem(cr_stemmer *s, cr_arena *a, const char *norm, size_t n);

/* cr_stem() and cr_is_stopword() in one look-up, without the copy: the
 * stem's *stem_len bytes (not NUL-terminated) are borrowed from s (or
 * are norm itself) and stay valid until the next call on s. *stop gets 1
 * for a stopword. NULL when out of memory. */
const char *cr_stem_peek(cr_stemmer *s, const char *norm, size_t n,
                         size_t *stem_len, int *stop);

/* cr_stem_peek() that also gives XXH3_64bits(norm, n) in *norm_hash: the
 * stem cache hashes the word anyway. */
const char *cr_stem_peek_hashed(cr_stemmer *s, const char *norm, size_t n,
                                size_t *stem_len, int *stop,
                                uint64_t *norm_hash);

/* 1 when the case-folded word is an English stopword. */
int cr_is_stopword(const char *norm, size_t n);

#endif

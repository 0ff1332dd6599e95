/*
 * utf8.h - UTF-8 validation and repair, case folding, code point decoding.
 *
 * Text is validated and repaired once, on ingest; every later stage may
 * assume valid UTF-8.
 */
#ifndef CR_TEXT_UTF8_H
#define CR_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "crossread/err.h"

/* Copies n bytes of in into the arena as valid UTF-8: each invalid or
 * overlong sequence, surrogate or truncated tail becomes U+FFFD; NUL and
 * C0 controls other than \n and \t are dropped; \r\n and lone \r become
 * \n; a leading BOM is dropped. *n_bad counts the sequences replaced and
 * *first_bad the byte offset (in in) of the first one (SIZE_MAX if none).
 * Result is NUL-terminated. */
cr_err cr_utf8_repair(cr_arena *a, const char *in, size_t n, char **out,
                      size_t *out_len, size_t *n_bad, size_t *first_bad);

/* 1 when the bytes look like a binary file rather than text: a NUL byte,
 * or more than 10% of the first 8 KiB being control bytes other than
 * \n \r \t \f. */
int cr_utf8_looks_binary(const char *s, size_t n);

/* Decodes one code point at s (n bytes left); sets *adv to the bytes
 * used (>= 1). Returns -1 for an invalid sequence (then *adv == 1). */
int32_t cr_utf8_decode(const char *s, size_t n, size_t *adv);

/* NFKC case folding (utf8proc) of n bytes of valid UTF-8 into the arena;
 * also maps typographic apostrophes and quotes ’ ‘ to ' and dashes to '-'.
 * Returns NULL when out of memory. */
char *cr_utf8_fold(cr_arena *a, const char *s, size_t n, size_t *out_len);

#endif

/*
 * scan.h - a read-only cursor over the tokens of one sentence.
 *
 * The pattern matchers (number.c, date.c) look a few tokens around a
 * position and must not read past their sentence, so every accessor that
 * takes an index outside [b, e) answers as if nothing were there. An index
 * below b may be a wrapped-around i - 1 (UINT32_MAX): it is outside too.
 * Assumes b <= e <= a->n_toks, which the caller checks when it builds the
 * cursor from a->sents. cr_scan_tok() alone does not check its index.
 */
#ifndef CR_TEXT_SCAN_H
#define CR_TEXT_SCAN_H

#include <stdint.h>

#include "crossread/article.h"

/* A sentence being scanned: tokens [b, e) of a. */
typedef struct cr_scan {
	const cr_article *a;
	uint32_t b, e;
} cr_scan;

/* Token i of the article; i must be a valid token index (not checked). */
static inline const cr_token *cr_scan_tok(const cr_scan *s, uint32_t i)
{
	return &s->a->toks[i];
}

/* The norm of token i, or "" outside the sentence. */
static inline const char *cr_scan_norm(const cr_scan *s, uint32_t i)
{
	if (i < s->b || i >= s->e)
		return "";
	return s->a->toks[i].norm;
}

/* The flags of token i (CR_TOK_*), or 0 outside the sentence. */
static inline int cr_scan_flags(const cr_scan *s, uint32_t i)
{
	if (i < s->b || i >= s->e)
		return 0;
	return s->a->toks[i].flags;
}

/* 1 when token i is a word token of the sentence. */
static inline int cr_scan_is_word(const cr_scan *s, uint32_t i)
{
	return (cr_scan_flags(s, i) & CR_TOK_WORD) != 0;
}

/* 1 when tokens i and i+1 are both in the sentence and touch (no space
 * between them: "170" "mm", "2024" "-"). */
static inline int cr_scan_adjacent(const cr_scan *s, uint32_t i)
{
	if (i < s->b || i >= s->e || i + 1 >= s->e)
		return 0; /* i >= e first: i + 1 must not wrap to 0 */
	const cr_token *t = cr_scan_tok(s, i);
	return t->span.off + t->span.len == cr_scan_tok(s, i + 1)->span.off;
}

#endif

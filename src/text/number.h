/*
 * number.h - numbers with their units and what they count.
 *
 * Reads the tokens of an analysed article and finds: digits (1,000 3.5
 * 56), number words (six, thousand, a dozen), ordinals (1,000th, 1001st,
 * third), "N out of M", units glued or spaced (170mm, 240 mm, 5 km, 20%,
 * $5m, 3 billion), approximations (about, nearly, more than, thousands
 * of), and the counted noun: the head noun of the phrase that follows,
 * skipping modifiers ("six US-supplied Army Tactical Missile Systems" ->
 * "system"; "122 Russian drones" -> "drone"; "the 1,000th day" -> "day").
 * Years (1900..2100 next to a month or after in/since/of) are flagged
 * is_year, and date parts (November 20) are left to date.c.
 */
#ifndef CR_TEXT_NUMBER_H
#define CR_TEXT_NUMBER_H

#include "crossread/article.h"
#include "crossread/err.h"

/* Fills a->nums from a->toks and a->sents (stems must be set). */
cr_err cr_numbers_find(cr_article *a);

/* Parses a number word or numeral ("six", "1,000", "3.5", "1001st",
 * "third", "thousand") of n bytes of case-folded text. Returns 1 and sets
 * *value and *ordinal when it is one. */
int cr_number_parse(const char *norm, size_t n, double *value, int *ordinal);

#endif

/*
 * date.h - date expressions and their resolution against an anchor date.
 *
 * Finds: full dates (November 20, 2024; 20 November 2024; Nov. 20;
 * 2024-11-20), months (in January; February 2022), years (in 2022),
 * weekdays (on Tuesday), relative days (today, yesterday, tomorrow, last
 * week, three days after/later/earlier/ago), holidays (New Year,
 * Christmas, independence day) and vague times (earlier this year, in
 * recent months). Resolution follows news usage: a bare weekday means the
 * most recent such day on or before the anchor (or after it with "next"
 * or future tense cues like "will"); a month without a year means the
 * nearest such month to the anchor (future months with "in January"
 * after a future cue, else the past or current one).
 */
#ifndef CR_TEXT_DATE_H
#define CR_TEXT_DATE_H

#include <stdint.h>

#include "crossread/article.h"
#include "crossread/err.h"

/* Fills a->dates from a->toks and a->sents; resolves each against
 * a->published when it is known.
 *
 * How the written fields are used beyond article.h's comments: for
 * WEEKDAY, MONTH and HOLIDAY dates, offset_unit is 0 and offset_days
 * gives the direction from the anchor: 0 the most recent one on or
 * before it, -1 ("last Tuesday") strictly before, +1 ("next Tuesday",
 * "will ... in January") after it; a MONTH with offset_unit 'y' lies in
 * the anchor's year plus offset_days ("this September", "July last
 * year"). A RELATIVE date counted from another
 * event ("three days after", "a week later") keeps its offset but has
 * granularity 'e' and is never resolved: the text does not say from
 * when. VAGUE dates carry offset_unit 'y' or 'm' with offset_days 0 when
 * they name the anchor's year or month ("earlier this year"). */
cr_err cr_dates_find(cr_article *a);

/* How date.c reads the number token a->toks[i]: 0 not part of a date,
 * 1 a day or month number inside a date ("November 20", "2024-11-20"),
 * 2 a year of a date or after a date cue ("November 20, 2024",
 * "February 2022", "in 2022"). number.c skips 1 and flags 2 as a year.
 * Needs only a->toks and a->sents. */
int cr_date_number_role(const cr_article *a, uint32_t i);

/* Resolves d against the anchor date (y, m, day); sets d->resolved,
 * d->granularity and d->r_*. A date that cannot be placed stays
 * unresolved. Idempotent. */
void cr_date_resolve(cr_date *d, int y, int m, int day);

/* Infers the date an undated article was written from its own text: an
 * explicit day and month ("November 20", year absent or present) that the
 * text also calls by a weekday it names near it or in the same article
 * ("on Wednesday"), with the year, when absent, taken as the first year
 * not before the latest year the text mentions in which that day falls on
 * that weekday. Returns 1 and sets *y, *m, *d when it can; 0 otherwise.
 * Needs a->dates (call after cr_dates_find). */
int cr_dates_infer_anchor(const cr_article *a, int *y, int *m, int *d);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t cr_days_from_civil(int y, int m, int d);
void cr_civil_from_days(int64_t z, int *y, int *m, int *d);

/* 0 = Sunday .. 6 = Saturday. */
int cr_weekday(int y, int m, int d);

#endif

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
 * a->published when it is known. */
cr_err cr_dates_find(cr_article *a);

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

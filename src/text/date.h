/*
 * date.h - date expressions and their resolution against an anchor date.
 *
 * Finds: full dates (November 20, 2024; 20 November 2024; Nov. 20;
 * 2024-11-20), months (in January; February 2022), years (in 2022;
 * spelled out in transcripts: nineteen ninety-six),
 * weekdays (on Tuesday), relative days (today, yesterday, tomorrow, last
 * week, three days after/later/earlier/ago), holidays (New Year,
 * Christmas, independence day), vague times (earlier this year, in
 * recent months), durations (three years, two-year, the past two weeks),
 * references to the present, past or future (now, the near future),
 * quarters (the third quarter, Q3) and recurrences (every week,
 * annually), seasons (last fall, this summer), decades and centuries
 * (the late 1970s, the 20th century). Resolution follows news usage, in
 * the direction of the clause's tense as HeidelTime does: a bare weekday
 * means the most recent such day on or before the anchor (or after it
 * with "next", a deadline "by"/"until" in a clause not in the past, or a
 * future cue like "will" or "expected" before it); a month without a
 * year likewise means the latest one begun, or the next one under those
 * cues; a day and month without a year the nearest such day.
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
 * year"); a MONTH with offset_unit 0 and offset_days 2 was written in
 * a clause with no tense ("the summit in April"): the coming one when
 * it begins within three months of the anchor's, else the last one. A
 * HOLIDAY with a weekday (0..6) falls on the first such weekday on or
 * after its month and day (Thanksgiving: the Thursday from November
 * 22). A RELATIVE date counted from another
 * event ("three days after", "a week later") keeps its offset but has
 * granularity 'e' and is never resolved: the text does not say from
 * when. VAGUE dates carry offset_unit 'y' or 'm' with offset_days 0 when
 * they name the anchor's year or month ("earlier this year"). */
cr_err cr_dates_find(cr_article *a);

/* The index of the words a date may begin with, built from date.c's
 * tables once so that no article pays for it: one per analyzer,
 * read-only once made, so threads may share it. */
typedef struct cr_date_index cr_date_index;

/* NULL when out of memory (or when the tables are broken, which
 * cr_dates_tables_ok() reports). Free with cr_date_index_free(). */
cr_date_index *cr_date_index_new(void);
void cr_date_index_free(cr_date_index *x); /* accepts NULL */

/* Does what cr_dates_find() does, with the index x from
 * cr_date_index_new(), or NULL to build one for this call alone (as
 * cr_dates_find() does). */
cr_err cr_dates_find_with(cr_article *a, const cr_date_index *x);

/* Expressions of time with no single calendar date are CR_DATE_VAGUE
 * (article.h has no kind for them) and are told apart by granularity,
 * which cr_date_resolve() keeps and never resolves:
 * - CR_DATE_G_DURATION, a duration ("three years", "two-year", "24
 *   hours", "the past two weeks"): offset_days is the count (0 when the
 *   text gives none: "several years", "for weeks") and offset_unit the
 *   unit: 'S' 'n' 'h' seconds, minutes, hours; 'd' 'w' 'm' 'y'; 'E'
 *   decades; 'C' centuries.
 * - CR_DATE_G_REF, the present ("now", "currently"; offset_days 0), the
 *   past ("the past", "recently", "in recent months"; -1) or the future
 *   ("the future", "in the coming weeks"; +1).
 * - CR_DATE_G_SET, a recurrence ("every week", "twice a year",
 *   "annually"): offset_days 1, offset_unit as for a duration.
 * A quarter ("the third quarter", "Q3", "third-quarter") is a VAGUE date
 * with offset_unit 'q', month its first month (1 4 7 10) and year as
 * written or 0; it resolves to its year at granularity 'y' (the latest
 * such quarter begun by the anchor's month when no year is written).
 * "The quarter" or "the latest quarter" (month and year 0) is the last
 * quarter ended by the anchor: its year, with r_month its first month;
 * offset_days then counts quarters from that one ("the year-ago
 * quarter" -4, "the current quarter" +1).
 * A quarter with a month and no year ("the year-earlier third quarter")
 * moves offset_days years from the latest such quarter begun; one with
 * a year and no month ("the 1988 quarter", "the 1988 period") is the
 * number of the last quarter ended by the anchor, in that year. In an
 * article that has named a quarter, "a year ago", "a year earlier" and
 * a bare "year-earlier" are that quarter a year before; without one,
 * they are the year before (a RELATIVE date).
 * A season ("last fall", "the summer of 1994") is a VAGUE date with
 * offset_unit 's', month its first month (3 6 9 12), year as written or
 * 0, and offset_days the years from the anchor's ("last" -1, "next" +1,
 * "this past" -2: the latest one begun); it resolves to its year at
 * granularity 'y', with r_month its first month. */
#define CR_DATE_G_DURATION 'p'
#define CR_DATE_G_REF      'r'
#define CR_DATE_G_SET      's'
/* A decade ("the 1970s", "the late '80s") or a century ("the 20th
 * century"): VAGUE, year its first year (1970, 1900); undatable, since a
 * timeline of news has no place for it. */
#define CR_DATE_G_DECADE  'E'
#define CR_DATE_G_CENTURY 'C'

/* 1 when d is a duration, a present/past/future reference, a
 * recurrence, a decade or a century: it has no calendar date to place on
 * a timeline. */
int cr_date_undatable(const cr_date *d);

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

/* 1 when date.c's word tables are consistent: the hash index of the
 * words a date may begin with builds (no word repeated or too long) and
 * finds each of them with its own bits, and the words it marks as units
 * are exactly those the duration patterns read. 0 when an edit to one
 * table was not carried to the other. */
int cr_dates_tables_ok(void);

#endif

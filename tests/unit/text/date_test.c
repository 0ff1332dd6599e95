/* date_test.c - tests of src/text/date.c: date expressions in news
 * sentences, their resolution against a publication date, inference of
 * an undated article's date, and the calendar arithmetic. */
#include "test_util.h"

#include "text/date.h"
#include "text/number.h"

/* 2024-11-20T12:00:00Z, a Wednesday. */
#define PUB_2024_11_20 ((int64_t)20047 * 86400 + 12 * 3600)

static void dump(const cr_article *a)
{
	for (uint32_t i = 0; i < a->n_dates; i++) {
		const cr_date *d = &a->dates[i];
		fprintf(stderr,
		        "  [%.*s] kind %d y %d m %d d %d wd %d off %d%c -> "
		        "%d %04d-%02d-%02d %c\n",
		        (int)d->span.len, cr_span_ptr(a, d->span), d->kind,
		        d->year, d->month, d->day, d->weekday, d->offset_days,
		        d->offset_unit ? d->offset_unit : '-', d->resolved,
		        d->r_year, d->r_month, d->r_day,
		        d->granularity ? d->granularity : '-');
	}
}

/* The date written exactly as w, or a failed test. */
static const cr_date *written(const cr_article *a, const char *w)
{
	size_t n = strlen(w);
	for (uint32_t i = 0; i < a->n_dates; i++) {
		const cr_date *d = &a->dates[i];
		if (d->span.len == n &&
		    memcmp(cr_span_ptr(a, d->span), w, n) == 0)
			return d;
	}
	fprintf(stderr, "no date written \"%s\"; found:\n", w);
	dump(a);
	fail();
	return NULL;
}

static void assert_resolved(const cr_date *d, int y, int m, int day, char gran)
{
	assert_int_equal(d->resolved, 1);
	assert_int_equal(d->granularity, gran);
	assert_int_equal(d->r_year, y);
	assert_int_equal(d->r_month, m);
	assert_int_equal(d->r_day, day);
}

static void test_civil_round_trip(void **state)
{
	(void)state;
	assert_int_equal(cr_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(cr_days_from_civil(2024, 11, 20), 20047);
	assert_int_equal(cr_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(cr_days_from_civil(1900, 1, 1), -25567);
	assert_int_equal(cr_days_from_civil(1, 1, 1), -719162);
	assert_int_equal(cr_days_from_civil(1600, 2, 29), -135081);
	int64_t prev = cr_days_from_civil(1599, 12, 31);
	for (int y = 1600; y <= 2400; y++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= 31; d++) {
				int64_t z = cr_days_from_civil(y, m, d);
				int yy, mm, dd;
				cr_civil_from_days(z, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					break; /* past the month's end */
				/* Consecutive days are consecutive numbers. */
				assert_int_equal(z, prev + 1);
				prev = z;
			}
		}
	}
	for (int64_t z = -800000; z < 800000; z += 997) {
		int y, m, d;
		cr_civil_from_days(z, &y, &m, &d);
		assert_int_equal(cr_days_from_civil(y, m, d), z);
	}
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(cr_weekday(2024, 11, 20), 3); /* Wednesday */
	assert_int_equal(cr_weekday(1970, 1, 1), 4);   /* Thursday */
	assert_int_equal(cr_weekday(2000, 2, 29), 2);  /* Tuesday */
	assert_int_equal(cr_weekday(1900, 1, 1), 1);   /* Monday */
	assert_int_equal(cr_weekday(2100, 12, 31), 5); /* Friday */
	assert_int_equal(cr_weekday(1969, 12, 28), 0); /* Sunday */
	/* Each day is one weekday after the one before. */
	for (int64_t z = -30000; z < 30000; z += 13) {
		int y, m, d, y2, m2, d2;
		cr_civil_from_days(z, &y, &m, &d);
		cr_civil_from_days(z + 1, &y2, &m2, &d2);
		assert_int_equal(cr_weekday(y2, m2, d2),
		                 (cr_weekday(y, m, d) + 1) % 7);
	}
}

static void test_absolute_forms(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The summit opened on November 20. It closed on 22 November "
	        "2024. Talks resumed Nov. 25, 2024, in Geneva. The order is "
	        "dated 2024-11-27. Monday, December 2 was quiet.",
	        CR_TIME_NONE);
	const cr_date *d = written(a, "November 20");
	assert_int_equal(d->kind, CR_DATE_ABSOLUTE);
	assert_int_equal(d->year, 0);
	assert_int_equal(d->month, 11);
	assert_int_equal(d->day, 20);
	assert_int_equal(d->weekday, -1);
	assert_int_equal(d->resolved, 0);
	assert_int_equal(d->sent, 0);
	d = written(a, "22 November 2024");
	assert_int_equal(d->kind, CR_DATE_ABSOLUTE);
	assert_int_equal(d->year, 2024);
	assert_int_equal(d->day, 22);
	d = written(a, "Nov. 25, 2024");
	assert_int_equal(d->month, 11);
	assert_int_equal(d->day, 25);
	assert_int_equal(d->year, 2024);
	d = written(a, "2024-11-27");
	assert_int_equal(d->kind, CR_DATE_ABSOLUTE);
	assert_int_equal(d->day, 27);
	d = written(a, "Monday, December 2");
	assert_int_equal(d->kind, CR_DATE_ABSOLUTE);
	assert_int_equal(d->weekday, 1);
	assert_int_equal(d->month, 12);
	assert_int_equal(d->day, 2);
	assert_int_equal(a->n_dates, 5);
	cr_article_destroy(a);
}

static void test_months_years_weekdays(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The invasion began in February 2022. Sanctions followed in "
	        "2023, and on Tuesday the envoy left. Elections are due in "
	        "May.",
	        CR_TIME_NONE);
	const cr_date *d = written(a, "February 2022");
	assert_int_equal(d->kind, CR_DATE_MONTH);
	assert_int_equal(d->month, 2);
	assert_int_equal(d->year, 2022);
	d = written(a, "2023");
	assert_int_equal(d->kind, CR_DATE_YEAR);
	assert_int_equal(d->year, 2023);
	d = written(a, "Tuesday");
	assert_int_equal(d->kind, CR_DATE_WEEKDAY);
	assert_int_equal(d->weekday, 2);
	d = written(a, "May");
	assert_int_equal(d->kind, CR_DATE_MONTH);
	assert_int_equal(d->month, 5);
	assert_int_equal(a->n_dates, 4);
	cr_article_destroy(a);
}

static void test_may_and_march_need_a_cue(void **state)
{
	(void)state;
	static const char *const texts[] = {
	        "May I ask what the minister meant, she said.",
	        "Theresa May said protesters will march on the capital.",
	        "The president signed a decree. One of the embassies closed.",
	        "It is one of the oldest embassies, and the guards may leave.",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		cr_article *a = cr_test_analyzed("t", texts[i], PUB_2024_11_20);
		if (a->n_dates)
			dump(a);
		assert_int_equal(a->n_dates, 0);
		cr_article_destroy(a);
	}
	cr_article *a = cr_test_analyzed("t",
	                                 "Fighting eased on May 9 and again in "
	                                 "March.",
	                                 CR_TIME_NONE);
	assert_int_equal(written(a, "May 9")->day, 9);
	assert_int_equal(written(a, "March")->month, 3);
	cr_article_destroy(a);
}

static void test_relative(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The embassy closed today after sirens yesterday. It may "
	        "reopen tomorrow. Drones struck last week, three days ago. "
	        "The alert came three days after the decision, and a week "
	        "later the talks failed.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "today");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_int_equal(d->offset_days, 0);
	assert_resolved(d, 2024, 11, 20, 'd');
	d = written(a, "yesterday");
	assert_int_equal(d->offset_days, -1);
	assert_int_equal(d->offset_unit, 'd');
	assert_resolved(d, 2024, 11, 19, 'd');
	assert_resolved(written(a, "tomorrow"), 2024, 11, 21, 'd');
	d = written(a, "last week");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_int_equal(d->offset_days, -1);
	assert_int_equal(d->offset_unit, 'w');
	assert_int_equal(d->resolved, 0);
	d = written(a, "three days ago");
	assert_int_equal(d->offset_days, -3);
	assert_int_equal(d->offset_unit, 'd');
	assert_resolved(d, 2024, 11, 17, 'd');
	/* Counted from another event: kept, but not placed. */
	d = written(a, "three days after");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_int_equal(d->offset_days, 3);
	assert_int_equal(d->offset_unit, 'd');
	assert_int_equal(d->resolved, 0);
	assert_int_equal(d->granularity, 'e');
	d = written(a, "a week later");
	assert_int_equal(d->offset_days, 1);
	assert_int_equal(d->offset_unit, 'w');
	assert_int_equal(d->resolved, 0);
	cr_article_destroy(a);
}

static void test_holidays(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The embassy warned of strikes before, on New Year and "
	        "around Ukraine's independence day. Shops close at Christmas, "
	        "and parades mark independence day.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "New Year");
	assert_int_equal(d->kind, CR_DATE_HOLIDAY);
	assert_int_equal(d->month, 1);
	assert_int_equal(d->day, 1);
	assert_resolved(d, 2024, 1, 1, 'd');
	d = written(a, "independence day");
	assert_int_equal(d->kind, CR_DATE_HOLIDAY);
	assert_int_equal(d->month, 8);
	assert_int_equal(d->day, 24);
	assert_resolved(d, 2024, 8, 24, 'd');
	d = written(a, "Christmas");
	assert_int_equal(d->month, 12);
	assert_int_equal(d->day, 25);
	assert_resolved(d, 2023, 12, 25, 'd');
	/* A country's day the text does not name stays unplaced. */
	d = &a->dates[a->n_dates - 1];
	assert_int_equal(d->kind, CR_DATE_HOLIDAY);
	assert_int_equal(d->month, 0);
	assert_int_equal(d->resolved, 0);
	assert_int_equal(a->n_dates, 4);
	cr_article_destroy(a);
}

static void test_vague(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Troops crossed the border earlier this year. Russia has "
	        "intensified its attacks in recent months, and talks this "
	        "week went nowhere. Prices rose last month.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "earlier this year");
	assert_int_equal(d->kind, CR_DATE_VAGUE);
	assert_resolved(d, 2024, 0, 0, 'y');
	d = written(a, "recent months");
	assert_int_equal(d->kind, CR_DATE_VAGUE);
	assert_int_equal(d->resolved, 0);
	d = written(a, "this week");
	assert_int_equal(d->kind, CR_DATE_VAGUE);
	assert_int_equal(d->resolved, 0);
	d = written(a, "last month");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_resolved(d, 2024, 10, 0, 'm');
	cr_article_destroy(a);
}

static void test_resolution_against_anchor(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Ukraine fired the missiles on Tuesday. The embassy shut on "
	        "Wednesday. Trump returns to the White House in January. "
	        "Snow fell heavily in January. Leaders will meet next Friday "
	        "and met last Wednesday. The attack was planned for "
	        "November 20. Sanctions began in February 2022.",
	        PUB_2024_11_20);
	assert_resolved(written(a, "Tuesday"), 2024, 11, 19, 'd');
	assert_resolved(written(a, "Wednesday"), 2024, 11, 20, 'd');
	assert_resolved(&a->dates[2], 2025, 1, 0, 'm');
	assert_int_equal(a->dates[2].offset_days, 1);
	assert_resolved(&a->dates[3], 2024, 1, 0, 'm');
	assert_resolved(written(a, "next Friday"), 2024, 11, 22, 'd');
	assert_resolved(written(a, "last Wednesday"), 2024, 11, 13, 'd');
	assert_resolved(written(a, "November 20"), 2024, 11, 20, 'd');
	assert_resolved(written(a, "February 2022"), 2022, 2, 0, 'm');
	cr_article_destroy(a);

	/* A month tied to a year by words, not digits. */
	a = cr_test_analyzed(
	        "t",
	        "Voting ends this December, a year after the July last "
	        "year deadline. Aid stalled last summer and recently.",
	        PUB_2024_11_20);
	assert_resolved(written(a, "this December"), 2024, 12, 0, 'm');
	assert_resolved(written(a, "July last year"), 2023, 7, 0, 'm');
	assert_int_equal(written(a, "last summer")->kind, CR_DATE_VAGUE);
	assert_int_equal(written(a, "recently")->resolved, 0);
	cr_article_destroy(a);

	/* "will ... on Friday" looks forward; a comma ends the cue. */
	a = cr_test_analyzed(
	        "t",
	        "The minister will fly to Kyiv on Friday. The embassy "
	        "will stay closed, officials said on Monday.",
	        PUB_2024_11_20);
	assert_resolved(written(a, "Friday"), 2024, 11, 22, 'd');
	assert_resolved(written(a, "Monday"), 2024, 11, 18, 'd');
	cr_article_destroy(a);
}

static void test_resolve_direct(void **state)
{
	(void)state;
	/* A month-day without a year is the nearest one to the anchor. */
	cr_date d;
	memset(&d, 0, sizeof d);
	d.kind = CR_DATE_ABSOLUTE;
	d.weekday = -1;
	d.month = 12;
	d.day = 30;
	cr_date_resolve(&d, 2025, 1, 2);
	assert_resolved(&d, 2024, 12, 30, 'd');
	cr_date_resolve(&d, 2025, 1, 2); /* idempotent */
	assert_resolved(&d, 2024, 12, 30, 'd');
	d.month = 1;
	d.day = 3;
	cr_date_resolve(&d, 2024, 12, 28);
	assert_resolved(&d, 2025, 1, 3, 'd');
	/* Feb 29 skips years that lack it. */
	d.month = 2;
	d.day = 29;
	cr_date_resolve(&d, 2025, 1, 10);
	assert_resolved(&d, 2024, 2, 29, 'd');
	/* An impossible date stays unresolved. */
	d.month = 2;
	d.day = 31;
	cr_date_resolve(&d, 2024, 11, 20);
	assert_int_equal(d.resolved, 0);
	/* A weekday on the anchor's own weekday is the anchor. */
	memset(&d, 0, sizeof d);
	d.kind = CR_DATE_WEEKDAY;
	d.weekday = 3;
	cr_date_resolve(&d, 2024, 11, 20);
	assert_resolved(&d, 2024, 11, 20, 'd');
	d.offset_days = 1;
	cr_date_resolve(&d, 2024, 11, 20);
	assert_resolved(&d, 2024, 11, 27, 'd');
	/* No valid anchor: nothing resolved. */
	cr_date_resolve(&d, 2024, 13, 1);
	assert_int_equal(d.resolved, 0);
}

static void test_infer_anchor(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The embassy warned of a possible air attack on November 20.\n"
	        "It shut its doors on Wednesday and told staff to shelter.\n"
	        "Such warnings have been rare since the invasion in February "
	        "2022.",
	        CR_TIME_NONE);
	int y = 0, m = 0, d = 0;
	assert_int_equal(cr_dates_infer_anchor(a, &y, &m, &d), 1);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 11);
	assert_int_equal(d, 20);
	/* Resolving against the inferred anchor places the weekday. */
	cr_date w = *written(a, "Wednesday");
	cr_date_resolve(&w, y, m, d);
	assert_resolved(&w, 2024, 11, 20, 'd');
	cr_article_destroy(a);

	/* The weekday written with the date wins over others. */
	a = cr_test_analyzed(
	        "t",
	        "Shelling resumed on Tuesday. On Thursday, March 6 the "
	        "talks opened, a year after the 2024 accord.",
	        CR_TIME_NONE);
	assert_int_equal(cr_dates_infer_anchor(a, &y, &m, &d), 1);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 3);
	assert_int_equal(d, 6);
	cr_article_destroy(a);

	/* No year in the text, or no weekday: nothing to infer from. */
	a = cr_test_analyzed(
	        "t", "The attack came on November 20. It began on Wednesday.",
	        CR_TIME_NONE);
	assert_int_equal(cr_dates_infer_anchor(a, &y, &m, &d), 0);
	cr_article_destroy(a);
	a = cr_test_analyzed("t",
	                     "The attack came on November 20, long after 2022.",
	                     CR_TIME_NONE);
	assert_int_equal(cr_dates_infer_anchor(a, &y, &m, &d), 0);
	cr_article_destroy(a);
}

static void test_number_roles(void **state)
{
	(void)state;
	cr_article *a =
	        cr_test_analyzed("t",
	                         "On November 20, 2024, 56 drones flew; in "
	                         "2022 there were 12.",
	                         CR_TIME_NONE);
	int seen = 0;
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const char *w = a->toks[i].norm;
		int role = cr_date_number_role(a, i);
		if (!strcmp(w, "20")) {
			assert_int_equal(role, 1);
			seen++;
		} else if (!strcmp(w, "2024") || !strcmp(w, "2022")) {
			assert_int_equal(role, 2);
			seen++;
		} else if (!strcmp(w, "56") || !strcmp(w, "12") ||
		           !strcmp(w, "november")) {
			assert_int_equal(role, 0);
			seen++;
		}
	}
	assert_int_equal(seen, 6);
	cr_article_destroy(a);
}

/* The role of a number inside a date that opens with a word: a month
 * ("November 20"), a hyphenated month ("mid-November 2023") and a
 * quarter ("the first quarter 1998"), where the number alone reads as no
 * date. cr_date_number_role() tries its patterns only where one of them
 * may begin. */
static void test_number_roles_after_words(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The plant shut in mid-November 2023 and sales fell 12 "
	        "percent in the first quarter 1998, the company said on "
	        "November 20.",
	        CR_TIME_NONE);
	int seen = 0;
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const char *w = a->toks[i].norm;
		int role = cr_date_number_role(a, i);
		if (!strcmp(w, "2023") || !strcmp(w, "1998")) {
			assert_int_equal(role, 2);
			seen++;
		} else if (!strcmp(w, "20")) {
			assert_int_equal(role, 1);
			seen++;
		} else if (!strcmp(w, "12")) {
			assert_int_equal(role, 0);
			seen++;
		}
	}
	assert_int_equal(seen, 4);
	cr_article_destroy(a);
}

static void test_nothing_in_plain_sentences(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The spokesman said a decree was signed and that one of the "
	        "ministers would resign. Markets reacted calmly.",
	        PUB_2024_11_20);
	if (a->n_dates)
		dump(a);
	assert_int_equal(a->n_dates, 0);
	cr_article_destroy(a);
}

/* The seed story's third report names "November 20", "Wednesday" and
 * "February 2022": its date is inferable. Reads ../shared/data only. */
static void test_seed_inference(void **state)
{
	(void)state;
	const char *dir = cr_test_shared_data("date seed inference");
	if (!dir) {
		skip();
		return;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/seeds/002_0aef50a3d59df950.txt", dir);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "SKIP: %s is absent\n", path);
		skip();
		return;
	}
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	cr_article *a = cr_test_analyzed("t", buf, CR_TIME_NONE);
	int y, m, d;
	assert_int_equal(cr_dates_infer_anchor(a, &y, &m, &d), 1);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 11);
	assert_int_equal(d, 20);
	cr_article_destroy(a);
}

/* A duration, recurrence or reference: kind VAGUE, the marker granularity,
 * never resolved. */
static void assert_span(const cr_date *d, char g, int count, char unit)
{
	assert_int_equal(d->kind, CR_DATE_VAGUE);
	assert_int_equal(d->granularity, g);
	assert_int_equal(d->resolved, 0);
	assert_int_equal(d->offset_days, count);
	assert_int_equal(d->offset_unit, unit);
	assert_true(cr_date_undatable(d));
}

static void test_durations_refs_sets(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The mill stood idle for nearly three months after a two-year "
	        "dispute that lasted a decade in all.\n"
	        "Rescuers searched the hills for 24 hours over the past two "
	        "weeks, and several years of records were lost.\n"
	        "The council now meets every week and currently reviews the "
	        "budget annually, as it did in the past.\n"
	        "Planners hope to add a ferry in the near future.",
	        PUB_2024_11_20);
	assert_span(written(a, "nearly three months"), CR_DATE_G_DURATION, 3,
	            'm');
	assert_span(written(a, "two-year"), CR_DATE_G_DURATION, 2, 'y');
	assert_span(written(a, "a decade"), CR_DATE_G_DURATION, 1, 'E');
	assert_span(written(a, "24 hours"), CR_DATE_G_DURATION, 24, 'h');
	assert_span(written(a, "the past two weeks"), CR_DATE_G_DURATION, 2,
	            'w');
	assert_span(written(a, "several years"), CR_DATE_G_DURATION, 0, 'y');
	assert_span(written(a, "now"), CR_DATE_G_REF, 0, 0);
	assert_span(written(a, "currently"), CR_DATE_G_REF, 0, 0);
	assert_span(written(a, "the past"), CR_DATE_G_REF, -1, 0);
	assert_span(written(a, "the near future"), CR_DATE_G_REF, 1, 0);
	assert_span(written(a, "every week"), CR_DATE_G_SET, 1, 'w');
	assert_span(written(a, "annually"), CR_DATE_G_SET, 1, 'y');
	/* the counts are still numbers, not date parts */
	for (uint32_t i = 0; i < a->n_toks; i++)
		assert_int_equal(cr_date_number_role(a, i), 0);
	cr_article_destroy(a);
}

static void test_quarters(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Profit rose in the third quarter, and fourth-quarter sales "
	        "should follow.\n"
	        "The miner lost money in Q1 2023 and in fiscal 2022.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "the third quarter");
	assert_int_equal(d->offset_unit, 'q');
	assert_int_equal(d->month, 7);
	assert_resolved(d, 2024, 0, 0, 'y');
	/* the fourth quarter has begun by November 20 */
	d = written(a, "fourth-quarter");
	assert_int_equal(d->month, 10);
	assert_resolved(d, 2024, 0, 0, 'y');
	d = written(a, "Q1 2023");
	assert_int_equal(d->month, 1);
	assert_resolved(d, 2023, 0, 0, 'y');
	assert_resolved(written(a, "fiscal 2022"), 2022, 0, 0, 'y');
	cr_article_destroy(a);
	/* in February, "the fourth quarter" is last year's */
	a = cr_test_analyzed("t", "Losses grew in the fourth quarter.",
	                     (int64_t)20125 * 86400);
	assert_resolved(written(a, "the fourth quarter"), 2024, 0, 0, 'y');
	cr_article_destroy(a);
	/* "the latest quarter" is the last one ended: July to September */
	a = cr_test_analyzed("t",
	                     "Bookings fell in the latest quarter, and the "
	                     "airline now reports them daily.",
	                     PUB_2024_11_20);
	const cr_date *lq = written(a, "the latest quarter");
	assert_int_equal(lq->offset_unit, 'q');
	assert_int_equal(lq->month, 0);
	assert_int_equal(lq->resolved, 1);
	assert_int_equal(lq->r_year, 2024);
	assert_int_equal(lq->r_month, 7);
	assert_span(written(a, "daily"), CR_DATE_G_SET, 1, 'd');
	cr_article_destroy(a);
}

/* The tense of the clause chooses between the last and the next such
 * month or weekday, as HeidelTime does with part-of-speech tags. */
static void test_tense_sets_direction(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The merger is expected to close in January. Ferry traffic "
	        "slumped in February. The ministry must publish its audit "
	        "by March. The court ruled on Friday. Delegates will "
	        "contest Friday's vote in the assembly.",
	        PUB_2024_11_20);
	assert_resolved(written(a, "January"), 2025, 1, 0, 'm');
	assert_resolved(written(a, "February"), 2024, 2, 0, 'm');
	/* a deadline lies ahead unless the clause is in the past */
	assert_resolved(written(a, "March"), 2025, 3, 0, 'm');
	assert_resolved(written(a, "Friday"), 2024, 11, 15, 'd');
	/* "Friday's vote" has been held, whatever "will" says */
	assert_resolved(written(a, "Friday's"), 2024, 11, 15, 'd');
	cr_article_destroy(a);
	a = cr_test_analyzed("t",
	                     "The three ministers had signed the accord by "
	                     "Monday, and the harbour board met in March.",
	                     PUB_2024_11_20);
	assert_resolved(written(a, "Monday"), 2024, 11, 18, 'd');
	assert_resolved(written(a, "March"), 2024, 3, 0, 'm');
	cr_article_destroy(a);
}

/* Seasons resolve to a year, with r_month the season's first month. */
static void test_seasons(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Rents climbed last fall and again this summer. Prices may "
	        "fall next spring, after a harsh winter. Grain stocks were "
	        "low this past winter and in the summer of 1994.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "last fall");
	assert_int_equal(d->kind, CR_DATE_VAGUE);
	assert_int_equal(d->offset_unit, 's');
	assert_resolved(d, 2023, 9, 0, 'y');
	assert_resolved(written(a, "this summer"), 2024, 6, 0, 'y');
	assert_resolved(written(a, "next spring"), 2025, 3, 0, 'y');
	/* winter begins in December: the latest begun is 2023's */
	assert_resolved(written(a, "this past winter"), 2023, 12, 0, 'y');
	assert_resolved(written(a, "the summer of 1994"), 1994, 6, 0, 'y');
	/* "fall" the verb and a bare "winter" are no dates */
	for (uint32_t i = 0; i < a->n_dates; i++) {
		const cr_date *x = &a->dates[i];
		assert_false(x->span.len == 4 &&
		             !memcmp(cr_span_ptr(a, x->span), "fall", 4));
		assert_false(x->span.len == 6 &&
		             !memcmp(cr_span_ptr(a, x->span), "winter", 6));
	}
	cr_article_destroy(a);
}

/* Decades and centuries are named, not placed on a timeline. */
static void test_decades_and_centuries(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The mill closed in the late 1970s, reopened in the '80s and "
	        "boomed in the mid-1990s, a revival unseen since the 19th "
	        "century.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "the late 1970s");
	assert_int_equal(d->granularity, CR_DATE_G_DECADE);
	assert_int_equal(d->year, 1970);
	assert_true(cr_date_undatable(d));
	assert_int_equal(d->resolved, 0);
	assert_int_equal(written(a, "the '80s")->year, 1980);
	assert_int_equal(written(a, "the mid-1990s")->year, 1990);
	d = written(a, "the 19th century");
	assert_int_equal(d->granularity, CR_DATE_G_CENTURY);
	assert_int_equal(d->year, 1800);
	assert_true(cr_date_undatable(d));
	cr_article_destroy(a);
}

/* Reporting periods counted from the last quarter ended, and years
 * used as adjectives. */
static void test_periods_and_adjective_years(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Net income fell from the year-ago quarter, and the "
	        "year-earlier period had a one-time gain. The brewer expects "
	        "a loss in the current quarter.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "the year-ago quarter");
	assert_int_equal(d->offset_unit, 'q');
	assert_int_equal(d->offset_days, -4);
	assert_int_equal(d->r_year, 2023);
	assert_int_equal(d->r_month, 7);
	d = written(a, "the year-earlier period");
	assert_int_equal(d->r_year, 2023);
	assert_int_equal(d->r_month, 7);
	d = written(a, "the current quarter");
	assert_int_equal(d->r_year, 2024);
	assert_int_equal(d->r_month, 10);
	cr_article_destroy(a);
	a = cr_test_analyzed("t",
	                     "The sanctions followed its 1990 invasion, and "
	                     "the 2000 delegates set goals for 1998.",
	                     PUB_2024_11_20);
	d = written(a, "1990");
	assert_int_equal(d->kind, CR_DATE_YEAR);
	assert_resolved(d, 1990, 0, 0, 'y');
	assert_resolved(written(a, "1998"), 1998, 0, 0, 'y');
	/* a count of people is no year */
	for (uint32_t i = 0; i < a->n_dates; i++)
		assert_int_not_equal(a->dates[i].year, 2000);
	cr_article_destroy(a);
}

/* 2024-11-20 is in the fourth quarter; the last one reported is Q3. */
static void test_year_ago_means_the_quarter(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Harlow Mills said third-quarter profit rose 12% to $40 "
	        "million from $35.7 million a year ago. Sales climbed to $900 "
	        "million from $850 million a year earlier, and year-earlier "
	        "margins were thinner.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "a year ago");
	assert_int_equal(d->kind, CR_DATE_VAGUE);
	assert_int_equal(d->offset_unit, 'q');
	assert_int_equal(d->r_year, 2023);
	assert_int_equal(d->month, 7);
	d = written(a, "a year earlier");
	assert_int_equal(d->offset_unit, 'q');
	assert_int_equal(d->r_year, 2023);
	d = written(a, "year-earlier");
	assert_int_equal(d->offset_unit, 'q');
	assert_int_equal(d->r_year, 2023);
	assert_int_equal(d->month, 7);
	cr_article_destroy(a);
	/* "The quarter" names the last one reported: a year before it. */
	a = cr_test_analyzed("t",
	                     "Earnings in the quarter doubled from a year "
	                     "ago.",
	                     PUB_2024_11_20);
	d = written(a, "a year ago");
	assert_int_equal(d->offset_unit, 'q');
	assert_int_equal(d->r_year, 2023);
	assert_int_equal(d->r_month, 7);
	cr_article_destroy(a);
	/* With no quarter named, a year ago is the year before. */
	a = cr_test_analyzed("t",
	                     "The village flooded a year ago, and year-ago "
	                     "repairs still stand.",
	                     PUB_2024_11_20);
	d = written(a, "a year ago");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_resolved(d, 2023, 0, 0, 'y');
	d = written(a, "year-ago");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_resolved(d, 2023, 0, 0, 'y');
	cr_article_destroy(a);
}

static void test_quarters_with_years(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Revenue beat the 2022 third quarter and the 2021 period. "
	        "The chain expects this year's fourth quarter to be weak and "
	        "next year's first quarter to recover. Costs were lower than "
	        "in the year-earlier second quarter.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "the 2022 third quarter");
	assert_int_equal(d->year, 2022);
	assert_int_equal(d->month, 7);
	assert_int_equal(d->r_year, 2022);
	/* The period reported last (Q3), in 2021. */
	d = written(a, "the 2021 period");
	assert_int_equal(d->r_year, 2021);
	assert_int_equal(d->r_month, 7);
	d = written(a, "this year's fourth quarter");
	assert_int_equal(d->month, 10);
	assert_int_equal(d->r_year, 2024);
	d = written(a, "next year's first quarter");
	assert_int_equal(d->month, 1);
	assert_int_equal(d->r_year, 2025);
	d = written(a, "the year-earlier second quarter");
	assert_int_equal(d->month, 4);
	assert_int_equal(d->r_year, 2023);
	cr_article_destroy(a);
}

static void test_tense_cues(void **state)
{
	(void)state;
	/* Anchor Wednesday 2024-11-20. */
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Two guards were hurt in the blast next to the ministry on "
	        "Monday. The tender had been due to close Friday. Ms. Okafor "
	        "will be named envoy for the talks in February. The convoy "
	        "could leave as soon as Saturday. The minister said the "
	        "delegation would arrive Thursday.",
	        PUB_2024_11_20);
	/* "next to" is a place, not a coming Monday. */
	assert_resolved(written(a, "Monday"), 2024, 11, 18, 'd');
	/* A plan in the past perfect is past. */
	assert_resolved(written(a, "Friday"), 2024, 11, 15, 'd');
	/* "be named": the tense is the "will" before it. */
	assert_resolved(written(a, "February"), 2025, 2, 0, 'm');
	assert_resolved(written(a, "Saturday"), 2024, 11, 23, 'd');
	assert_resolved(written(a, "Thursday"), 2024, 11, 21, 'd');
	cr_article_destroy(a);
}

static void test_untensed_month_is_the_nearest(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Ministers plan for a summit in January. Turnout figures for "
	        "the vote in June are in the annex.",
	        PUB_2024_11_20);
	/* Two months ahead: the coming January. */
	assert_resolved(written(a, "January"), 2025, 1, 0, 'm');
	/* Seven months ahead or five back: the last June. */
	assert_resolved(written(a, "June"), 2024, 6, 0, 'm');
	cr_article_destroy(a);
}

static void test_counts_ago(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The mine closed nearly four years ago. Its owners sold it "
	        "several years ago, and shares hit a five year low.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "nearly four years ago");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_resolved(d, 2020, 0, 0, 'y');
	d = written(a, "several years ago");
	assert_int_equal(d->granularity, CR_DATE_G_REF);
	assert_int_equal(d->offset_days, -1);
	d = written(a, "five year");
	assert_int_equal(d->granularity, CR_DATE_G_DURATION);
	assert_int_equal(d->offset_days, 5);
	assert_int_equal(d->offset_unit, 'y');
	cr_article_destroy(a);
}

static void test_holidays_on_weekdays(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Polls closed on Election Day. Stores will open late on "
	        "Thanksgiving Day, as they did after Labor Day.",
	        PUB_2024_11_20);
	/* Tuesday 2024-11-05; Thursday 2024-11-28; Monday 2024-09-02. */
	assert_resolved(written(a, "Election Day"), 2024, 11, 5, 'd');
	assert_resolved(written(a, "Thanksgiving Day"), 2024, 11, 28, 'd');
	assert_resolved(written(a, "Labor Day"), 2024, 9, 2, 'd');
	cr_article_destroy(a);
}

static void test_spelled_years(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Atlanta, nineteen ninety-six. A bomb went off in the park. "
	        "January nineteen ninety-seven brought a second blast, and by "
	        "the winter of nineteen ninety-eight the search had moved "
	        "north. Planners now look to the year two thousand.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "nineteen ninety-six");
	assert_int_equal(d->kind, CR_DATE_YEAR);
	assert_resolved(d, 1996, 0, 0, 'y');
	assert_resolved(written(a, "January nineteen ninety-seven"), 1997, 1, 0,
	                'm');
	d = written(a, "the winter of nineteen ninety-eight");
	assert_int_equal(d->r_year, 1998);
	assert_int_equal(d->r_month, 12);
	assert_resolved(written(a, "the year two thousand"), 2000, 0, 0, 'y');
	cr_article_destroy(a);
	/* Nineteen people are no year. */
	a = cr_test_analyzed("t", "Nineteen people were hurt.", PUB_2024_11_20);
	assert_int_equal(a->n_dates, 0);
	cr_article_destroy(a);
}

static void test_current(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Analysts blamed the current weakness on rates. The "
	        "current account deficit widened. The firm cut its forecast "
	        "for the current fiscal year.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "current");
	assert_int_equal(d->granularity, CR_DATE_G_REF);
	assert_int_equal(d->offset_days, 0);
	d = written(a, "the current fiscal year");
	assert_resolved(d, 2024, 0, 0, 'y');
	/* "current account" is money: two dates in all. */
	assert_int_equal(a->n_dates, 2);
	cr_article_destroy(a);
}

/* The word index is whole, and dates opening with the longest and
 * rarest start words are still found. */
static void test_tables_consistent(void **state)
{
	(void)state;
	assert_int_equal(cr_dates_tables_ok(), 1);
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The ministry said on Thanksgiving that the port reopened "
	        "and that the strike was settled yesterday.",
	        PUB_2024_11_20);
	written(a, "Thanksgiving");
	written(a, "yesterday");
	cr_article_destroy(a);
}

/* cr_dates_find() tries its patterns only at tokens its filter lets
 * through; each way a date may open passes it: a number, a start word,
 * an abbreviation, a possessive, a hyphenated word, a word before "Day",
 * "the" before a quarter, season, era or reference, and a count, a
 * count word or a unit word when a unit is near. */
static void test_filter_lets_every_opening_through(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The rail strike began Sept. 5 and ended in mid-January, "
	        "after a three-month walkout.\n"
	        "Tuesday's vote was the first since Labor Day, and "
	        "yesterday's count took 20 hours.\n"
	        "Ticket sales fell in the third quarter and will rise in the "
	        "foreseeable future, the union said.\n"
	        "Wages have lagged since the mid-1990s and were higher in "
	        "the '70s and '80s.\n"
	        "Repairs are planned for the summer, the engineers said.\n"
	        "The line closed for years, reopened three days ago and now "
	        "runs weekly.\n"
	        "Inspectors return every month, roughly twice a year, and "
	        "stay for about two weeks.\n"
	        "Traffic doubled in the latest quarter and rose for five "
	        "months.",
	        PUB_2024_11_20);
	const cr_date *d = written(a, "Sept. 5");
	assert_int_equal(d->month, 9);
	assert_int_equal(d->day, 5);
	assert_int_equal(written(a, "mid-January")->month, 1);
	assert_span(written(a, "three-month"), CR_DATE_G_DURATION, 3, 'm');
	assert_int_equal(written(a, "Tuesday's")->weekday, 2);
	d = written(a, "Labor Day");
	assert_int_equal(d->kind, CR_DATE_HOLIDAY);
	assert_int_equal(d->month, 9);
	d = written(a, "yesterday's");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_int_equal(d->offset_days, -1);
	assert_span(written(a, "20 hours"), CR_DATE_G_DURATION, 20, 'h');
	d = written(a, "the third quarter");
	assert_int_equal(d->offset_unit, 'q');
	assert_int_equal(d->month, 7);
	assert_span(written(a, "the foreseeable future"), CR_DATE_G_REF, 1, 0);
	assert_int_equal(written(a, "the mid-1990s")->year, 1990);
	assert_int_equal(written(a, "the '70s")->year, 1970);
	assert_int_equal(written(a, "'80s")->year, 1980);
	d = written(a, "the summer");
	assert_int_equal(d->offset_unit, 's');
	assert_int_equal(d->month, 6);
	assert_span(written(a, "years"), CR_DATE_G_DURATION, 0, 'y');
	d = written(a, "three days ago");
	assert_int_equal(d->kind, CR_DATE_RELATIVE);
	assert_int_equal(d->offset_days, -3);
	assert_span(written(a, "weekly"), CR_DATE_G_SET, 1, 'w');
	assert_span(written(a, "every month"), CR_DATE_G_SET, 1, 'm');
	assert_span(written(a, "a year"), CR_DATE_G_SET, 1, 'y');
	assert_span(written(a, "about two weeks"), CR_DATE_G_DURATION, 2, 'w');
	assert_int_equal(written(a, "the latest quarter")->offset_unit, 'q');
	assert_span(written(a, "five months"), CR_DATE_G_DURATION, 5, 'm');
	cr_article_destroy(a);
}

/* 1 when dates a and b hold the same fields. */
static int same_date(const cr_date *a, const cr_date *b)
{
	return a->span.off == b->span.off && a->span.len == b->span.len &&
	       a->sent == b->sent && a->kind == b->kind && a->year == b->year &&
	       a->month == b->month && a->day == b->day &&
	       a->weekday == b->weekday && a->offset_days == b->offset_days &&
	       a->offset_unit == b->offset_unit && a->resolved == b->resolved &&
	       a->granularity == b->granularity && a->r_year == b->r_year &&
	       a->r_month == b->r_month && a->r_day == b->r_day;
}

/* An index made once (cr_date_index_new(), as the analyzer keeps one)
 * finds what cr_dates_find() finds with the index it builds per call,
 * for every kind of opening word, and NULL stands for that per-call
 * index. */
static void test_index_made_once(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The rail strike began Sept. 5, 2024 and ended in "
	        "mid-January, after a three-month walkout.\n"
	        "Tuesday's vote was the first since Labor Day, and "
	        "yesterday's count took 20 hours, the union said on "
	        "Thanksgiving.\n"
	        "Ticket sales fell in the third quarter of 1998 and will rise "
	        "next year, in the foreseeable future and every month.\n"
	        "Wages lagged in the '80s, three days ago and in recent "
	        "weeks; nineteen ninety-six was worse.",
	        PUB_2024_11_20);
	uint32_t n = a->n_dates;
	assert_true(n >= 14);
	cr_date *first = malloc(n * sizeof *first);
	assert_non_null(first);
	memcpy(first, a->dates, n * sizeof *first);

	cr_date_index *x = cr_date_index_new();
	assert_non_null(x);
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(cr_dates_find_with(a, pass ? NULL : x), CR_OK);
		assert_int_equal(a->n_dates, n);
		for (uint32_t i = 0; i < n; i++)
			assert_true(same_date(&a->dates[i], &first[i]));
	}
	/* One index serves article after article. */
	cr_article *b = cr_test_analyzed(
	        "u", "The talks resume on Friday, and ended last week.",
	        PUB_2024_11_20);
	assert_int_equal(cr_dates_find_with(b, x), CR_OK);
	assert_int_equal(written(b, "Friday")->weekday, 5);
	assert_int_equal(written(b, "last week")->offset_days, -1);
	assert_int_equal(b->n_dates, 2);

	assert_int_equal(cr_dates_find_with(NULL, x), CR_EINVAL);
	cr_date_index_free(x);
	cr_date_index_free(NULL);
	free(first);
	cr_article_destroy(b);
	cr_article_destroy(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_civil_round_trip),
	        cmocka_unit_test(test_weekday),
	        cmocka_unit_test(test_absolute_forms),
	        cmocka_unit_test(test_months_years_weekdays),
	        cmocka_unit_test(test_may_and_march_need_a_cue),
	        cmocka_unit_test(test_relative),
	        cmocka_unit_test(test_holidays),
	        cmocka_unit_test(test_vague),
	        cmocka_unit_test(test_resolution_against_anchor),
	        cmocka_unit_test(test_resolve_direct),
	        cmocka_unit_test(test_infer_anchor),
	        cmocka_unit_test(test_number_roles),
	        cmocka_unit_test(test_number_roles_after_words),
	        cmocka_unit_test(test_nothing_in_plain_sentences),
	        cmocka_unit_test(test_seed_inference),
	        cmocka_unit_test(test_durations_refs_sets),
	        cmocka_unit_test(test_quarters),
	        cmocka_unit_test(test_tense_sets_direction),
	        cmocka_unit_test(test_seasons),
	        cmocka_unit_test(test_decades_and_centuries),
	        cmocka_unit_test(test_periods_and_adjective_years),
	        cmocka_unit_test(test_year_ago_means_the_quarter),
	        cmocka_unit_test(test_quarters_with_years),
	        cmocka_unit_test(test_tense_cues),
	        cmocka_unit_test(test_untensed_month_is_the_nearest),
	        cmocka_unit_test(test_counts_ago),
	        cmocka_unit_test(test_holidays_on_weekdays),
	        cmocka_unit_test(test_spelled_years),
	        cmocka_unit_test(test_current),
	        cmocka_unit_test(test_tables_consistent),
	        cmocka_unit_test(test_filter_lets_every_opening_through),
	        cmocka_unit_test(test_index_made_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

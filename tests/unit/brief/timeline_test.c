/*
 * timeline_test.c - the story's events on one calendar
 * (src/brief/timeline.c).
 *
 * Stories written for the test around a storm at the invented port of
 * Saltmere in March 2025 (March 12, 2025 was a Wednesday). Articles are
 * cleaned and analysed by the real pipeline and briefed with
 * cr_brief_story.
 */
#include "brief_fixture.h"

#include "brief/briefing.h"
#include "crossread/crossread.h"
#include "text/date.h"

/* The timeline entry whose date is written as "as_written" and whose
 * event holds key; fails when there is not exactly one. */
static const cr_bevent *event(const cr_briefing *b, const char *as_written,
                              const char *key)
{
	const cr_bevent *e = NULL;
	uint32_t n = 0;
	for (uint32_t i = 0; i < b->n_timeline; i++)
		if (!strcmp(b->timeline[i].as_written, as_written) &&
		    strstr(b->timeline[i].event, key)) {
			e = &b->timeline[i];
			n++;
		}
	if (n != 1)
		fail_msg("%u timeline entries \"%s\" / \"%s\", want 1", n,
		         as_written, key);
	return e;
}

static void assert_date(const cr_bevent *e, int y, int m, int d, int inferred)
{
	if (!e->has_date || e->year != y || e->month != m || e->day != d ||
	    e->inferred != inferred)
		fail_msg("\"%s\" (%s): %d %04d-%02d-%02d inferred %d, want "
		         "%04d-%02d-%02d inferred %d",
		         e->as_written, e->event, e->has_date, e->year,
		         e->month, e->day, e->inferred, y, m, d, inferred);
}

/* Sort key of an entry: dated ones by date, undated after all. */
static long key_of(const cr_bevent *e)
{
	return e->has_date ? e->year * 10000L + e->month * 100 + e->day
	                   : 99999999L;
}

static void test_ordered_by_date_undated_last(void **state)
{
	(void)state;
	fx *f = fx_new();
	/* written out of order on purpose */
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Crews will return to the damaged piers three days after the "
	    "storm has passed.\n"
	    "The ferry terminal closed on Monday as the winds rose.\n"
	    "The harbour master had first warned of the storm on March 3.\n"
	    "Fishing crews held a meeting with the council on Tuesday "
	    "evening.");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_int_equal(b->n_timeline, 4);
	assert_date(event(b, "March 3", "first warned"), 2025, 3, 3, 0);
	assert_date(event(b, "Monday", "terminal closed"), 2025, 3, 10, 0);
	assert_date(event(b, "Tuesday", "meeting"), 2025, 3, 11, 0);
	const cr_bevent *later = event(b, "three days after", "piers");
	assert_false(later->has_date);
	assert_ptr_equal(later, &b->timeline[b->n_timeline - 1]);
	for (uint32_t i = 1; i < b->n_timeline; i++)
		assert_true(key_of(&b->timeline[i - 1]) <=
		            key_of(&b->timeline[i]));
	fx_free(f);
}

/* An article without a publication date that writes "Wednesday, March
 * 12" takes that day as its anchor (2025 is the first year after 2023,
 * the one it names, in which March 12 is a Wednesday); its other dates
 * resolve from it and are marked inferred. */
static void test_undated_article_infers_its_anchor(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", CR_TIME_NONE,
	    "The Saltmere ferry terminal reopened on Wednesday, March 12, "
	    "after two days of repairs to the piers.\n"
	    "Engineers had found cracks in the oldest pier on Monday.\n"
	    "The terminal was last rebuilt in 2023 after a fire.");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_date(event(b, "Monday", "cracks"), 2025, 3, 10, 1);
	/* the written date is the anchor itself: a full date with its
	 * weekday, not a bare weekday */
	const cr_bevent *re = event(b, "Wednesday, March 12", "reopened");
	assert_true(re->has_date);
	assert_int_equal(re->year, 2025);
	assert_int_equal(re->day, 12);
	fx_free(f);
}

/* An undated article whose text allows no date borrows the anchor of
 * the story's dated reports, marked inferred; theirs are not. */
static void test_undated_article_takes_the_story_anchor(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The ferry terminal closed on Monday as the winds rose.\n"
	    "Volunteers filled sandbags outside the fire station.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 10),
	    "Power was cut to about four hundred homes in the old town.\n"
	    "Insurers said claims for flood damage had tripled.");
	add(f, "c", "Bay Times", CR_TIME_NONE,
	    "The lifeboat crew rescued two walkers from the cliff path on "
	    "Tuesday.\n"
	    "Road crews cleared fallen trees from the coastal highway.");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_date(event(b, "Tuesday", "walkers"), 2025, 3, 11, 1);
	assert_date(event(b, "Monday", "terminal"), 2025, 3, 10, 0);
	fx_free(f);
}

/* "SALTMERE, Wednesday, March 12, 2025 —" dates the report, not an
 * event; the same date later in the text is an event. */
static void test_dateline_is_not_an_event(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "SALTMERE, Wednesday, March 12, 2025 \xe2\x80\x94 The ferry "
	    "terminal stayed shut for a second day as engineers checked the "
	    "piers.\n"
	    "The terminal had closed on Monday as the winds rose.");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	for (uint32_t i = 0; i < b->n_timeline; i++)
		if (strstr(b->timeline[i].as_written, "March 12") ||
		    strstr(b->timeline[i].as_written, "Wednesday"))
			fail_msg("dateline listed as an event: %s",
			         b->timeline[i].as_written);
	assert_int_equal(b->n_timeline, 1);
	assert_date(event(b, "Monday", "closed"), 2025, 3, 10, 0);
	fx_free(f);
}

/* Two outlets that date the same statement to the same day make one
 * entry with both; other statements of that day stay apart. */
static void test_same_date_same_statement_is_one_event(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The coast guard moved six fishing boats into the inner basin on "
	    "Monday.\n"
	    "Volunteers filled sandbags outside the fire station on Monday.\n"
	    "Forecasters expect the river to fall by the weekend.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "On Monday six fishing boats were taken into the inner basin by "
	    "the coast guard.\n"
	    "Power was cut to about four hundred homes in the old town.\n"
	    "Insurers said claims for flood damage had tripled.");
	add(f, "c", "Bay Times", utc(2025, 3, 12, 10),
	    "Road crews cleared fallen trees from the coastal highway on "
	    "Monday.\n"
	    "The lifeboat crew rescued two walkers from the cliff path.");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	const cr_bevent *boats = event(b, "Monday", "fishing boats");
	assert_date(boats, 2025, 3, 10, 0);
	assert_int_equal(boats->arts.n, 2);
	assert_int_equal(boats->arts.idx[0], 0);
	assert_int_equal(boats->arts.idx[1], 1);
	const cr_bevent *bags = event(b, "Monday", "sandbags");
	assert_int_equal(bags->arts.n, 1);
	assert_int_equal(bags->arts.idx[0], 0);
	const cr_bevent *trees = event(b, "Monday", "fallen trees");
	assert_int_equal(trees->arts.n, 1);
	assert_int_equal(trees->arts.idx[0], 2);
	assert_int_equal(b->n_timeline, 3);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_ordered_by_date_undated_last),
	        cmocka_unit_test(test_undated_article_infers_its_anchor),
	        cmocka_unit_test(test_undated_article_takes_the_story_anchor),
	        cmocka_unit_test(test_dateline_is_not_an_event),
	        cmocka_unit_test(test_same_date_same_statement_is_one_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

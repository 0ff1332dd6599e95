/*
 * conflicts_test.c - where outlets disagree (src/brief/conflicts.c).
 *
 * Each test writes a short story of two or three outlets in which one
 * thing is told differently (a status, a count, a toll), cleaned and
 * analysed by the real pipeline and briefed with cr_brief_story. The
 * stories carry a few unrelated details so that the story's weights are
 * those of a real report, not of two lone sentences.
 */
#include "brief_fixture.h"

#include "brief/briefing.h"
#include "crossread/crossread.h"
#include "text/date.h"

/* Details no other outlet repeats: they give the story its weights. */
#define FILLER_A                                                               \
	"Volunteers filled sandbags outside the fire station.\n"               \
	"Forecasters expect the river to fall by the weekend.\n"
#define FILLER_B                                                               \
	"Power was cut to about four hundred homes in the old town.\n"         \
	"Insurers said claims for flood damage had tripled since Monday.\n"

/* The conflicts whose "about" holds key; *out receives the last. */
static uint32_t conflicts_about(const cr_briefing *b, const char *key,
                                const cr_bconflict **out)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < b->n_conflicts; i++)
		if (strstr(b->conflicts[i].about, key)) {
			n++;
			if (out)
				*out = &b->conflicts[i];
		}
	return n;
}

/* The one conflict about key, which must have two sides: value v0 from
 * article a0 alone and v1 from a1 alone (in either order). */
static const cr_bconflict *two_sides(const cr_briefing *b, const char *key,
                                     const char *v0, uint32_t a0,
                                     const char *v1, uint32_t a1)
{
	const cr_bconflict *c = NULL;
	uint32_t n = conflicts_about(b, key, &c);
	if (n != 1)
		fail_msg("%u conflicts about \"%s\", want 1", n, key);
	assert_int_equal(c->n_claims, 2);
	const cr_bclaim *x = &c->claims[0], *y = &c->claims[1];
	if (strcmp(x->value, v0))
		x = &c->claims[1], y = &c->claims[0];
	assert_string_equal(x->value, v0);
	assert_string_equal(y->value, v1);
	assert_int_equal(x->arts.n, 1);
	assert_int_equal(x->arts.idx[0], a0);
	assert_int_equal(y->arts.n, 1);
	assert_int_equal(y->arts.idx[0], a1);
	assert_non_null(x->text);
	assert_non_null(y->text);
	return c;
}

/* ---- status ------------------------------------------------------------ */

static void test_bridge_closed_vs_reopened(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The Harlan Street Bridge was closed to traffic on Wednesday after "
	    "the river rose overnight.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "The Harlan Street Bridge reopened to traffic on Wednesday as the "
	    "river fell.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c = NULL;
	assert_true(conflicts_about(f->b, "Harlan Street Bridge", &c) >= 1);
	assert_int_equal(c->kind, CR_CONFLICT_CONTRADICTION);
	assert_int_equal(c->n_claims, 2);
	/* the state as written, each with its outlet */
	two_sides(f->b, "Harlan Street Bridge", "closed", 0, "reopened", 1);
	assert_non_null(strstr(c->claims[0].text, "Harlan Street Bridge"));
	fx_free(f);
}

/* The bridge named in full is also claimed as "the bridge", to meet an
 * outlet that writes only that; when both sides name it in full, the
 * disagreement is still listed once. */
static void test_one_disagreement_is_one_conflict(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The Harlan Street Bridge was closed to traffic on Wednesday after "
	    "the river rose overnight.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "The Harlan Street Bridge reopened to traffic on Wednesday as the "
	    "river fell.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	assert_int_equal(f->b->n_conflicts, 1);
	fx_free(f);
}

/* A common-noun subject: schools closed in one report, opened in the
 * other. */
static void test_schools_closed_vs_opened(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Schools in Brennick closed on Wednesday as a "
	    "precaution.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "Schools in Brennick opened on Wednesday despite the "
	    "warnings.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c =
	        two_sides(f->b, "schools", "closed", 0, "open", 1);
	assert_int_equal(c->kind, CR_CONFLICT_CONTRADICTION);
	fx_free(f);
}

/* "did not close" is the state open, against "closed". */
static void test_negation_flips_the_state(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The town museum did not close during the storm, its director "
	    "said.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "The town museum closed during the storm, a spokeswoman "
	    "said.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	two_sides(f->b, "museum", "open", 0, "closed", 1);
	fx_free(f);
}

/* Two outlets that agree make no conflict. */
static void test_agreeing_states_are_no_conflict(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The town museum closed during the storm, its director "
	    "said.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "The town museum was shut during the storm, a spokeswoman "
	    "said.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	assert_int_equal(f->b->n_conflicts, 0);
	fx_free(f);
}

/* ---- numbers ----------------------------------------------------------- */

/* The same statement an hour apart with 12 and 14 injured: the reports
 * disagree about one moment. */
static void test_injured_12_vs_14_is_a_contradiction(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The explosion at the Saltmere fertiliser plant on Wednesday "
	    "injured 12 workers, the fire service said.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "The explosion at the Saltmere fertiliser plant on Wednesday "
	    "injured 14 workers, the fire service said.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c = two_sides(f->b, "worker", "12", 0, "14", 1);
	assert_int_equal(c->kind, CR_CONFLICT_CONTRADICTION);
	fx_free(f);
}

/* A toll of three, then five in a report ten hours later: an update. */
static void test_toll_3_then_5_is_an_update(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Police said three people were killed in the blast at the "
	    "fertiliser plant.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 18),
	    "The death toll from the plant blast rose to five, police said "
	    "on Wednesday evening.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c = two_sides(f->b, "dead", "three", 0, "five", 1);
	assert_int_equal(c->kind, CR_CONFLICT_UPDATE);
	fx_free(f);
}

/* The same figures an hour apart are a contradiction, not an update. */
static void test_toll_an_hour_apart_is_a_contradiction(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Police said three people were killed in the blast at the "
	    "fertiliser plant.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "The death toll from the plant blast rose to five, police said "
	    "on Wednesday morning.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c = two_sides(f->b, "dead", "three", 0, "five", 1);
	assert_int_equal(c->kind, CR_CONFLICT_CONTRADICTION);
	fx_free(f);
}

/* Three tolls of the plant blast: three at 08:00, five at 18:00, and
 * seven from a third outlet at hour `seventh` (UTC) on `day` of March;
 * the one conflict about the dead must have the three sides and `kind`. */
static void three_tolls(int day, int seventh, const char *when, int kind)
{
	char third[256];
	snprintf(third, sizeof third,
	         "The death toll from the plant blast rose to seven, police "
	         "said on %s.\nSchools near the plant stayed open.\n",
	         when);
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Police said three people were killed in the blast at the "
	    "fertiliser plant.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 18),
	    "The death toll from the plant blast rose to five, police said "
	    "on Wednesday evening.\n" FILLER_B);
	add(f, "c", "Bay Times", utc(2025, 3, day, seventh), third);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c = NULL;
	assert_int_equal(conflicts_about(f->b, "dead", &c), 1);
	assert_int_equal(c->n_claims, 3);
	assert_int_equal(c->kind, kind);
	fx_free(f);
}

/* Each toll reported hours after the last: the figure was revised twice,
 * which is an update however many sides there are. */
static void test_three_successive_tolls_are_an_update(void **state)
{
	(void)state;
	three_tolls(13, 9, "Thursday", CR_CONFLICT_UPDATE);
}

/* The same tolls, but the last two an hour apart: those two reports
 * disagree at one time, so the conflict is a contradiction. */
static void test_overlapping_tolls_are_a_contradiction(void **state)
{
	(void)state;
	three_tolls(12, 19, "Wednesday", CR_CONFLICT_CONTRADICTION);
}

/* "The death toll from the blast at the fertiliser plant rose to five":
 * the toll is found by the words of its clause, not by a byte window. */
static void test_toll_far_from_its_number_is_still_a_toll(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Police said three people were killed in the blast at the "
	    "fertiliser plant.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 18),
	    "The death toll from the blast at the fertiliser plant rose to "
	    "five, police said on Wednesday evening.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c = two_sides(f->b, "dead", "three", 0, "five", 1);
	assert_int_equal(c->kind, CR_CONFLICT_UPDATE);
	fx_free(f);
}

/* "a margin of 41 votes instead of 63" writes both values: it takes no
 * side against "63 votes". Without "instead of 63" it does. */
static void test_statement_with_both_values_takes_no_side(void **state)
{
	(void)state;
	static const char *const a_text[] = {
	        "The council approved the new harbour budget by a margin of 41 "
	        "votes instead of 63 as first announced.\n" FILLER_A,
	        "The council approved the new harbour budget by a margin of 41 "
	        "votes at its evening session.\n" FILLER_A,
	};
	for (int k = 0; k < 2; k++) {
		fx *f = fx_new();
		add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8), a_text[k]);
		add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
		    "The council approved the new harbour budget by a margin "
		    "of "
		    "63 votes.\n" FILLER_B);
		fx_brief(f, 0, NULL);
		if (k == 0)
			assert_int_equal(conflicts_about(f->b, "vote", NULL),
			                 0);
		else
			two_sides(f->b, "vote", "41", 0, "63", 1);
		fx_free(f);
	}
}

/* "three days after the storm" and "a thousand days" count days of
 * statements that say different things: nothing to compare. */
static void test_unaligned_numbers_do_not_meet(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Crews returned to the damaged piers three days after the "
	    "storm.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "The old lighthouse on the point has now been dark for a thousand "
	    "days.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	assert_int_equal(conflicts_about(f->b, "day", NULL), 0);
	assert_int_equal(f->b->n_conflicts, 0);
	fx_free(f);
}

/* Figures are often approximate ("some 350 million", "about 320
 * million"): they are claims too, and two such figures that differ are a
 * conflict. */
static void test_approximate_figures_conflict(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Health officials said Veldoria has some 350 million smokers, "
	    "the most in the region.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "Health officials said Veldoria has about 320 million smokers, "
	    "the most in the region.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	/* the value is the figure as written, without its "some" */
	two_sides(f->b, "smoker", "350 million", 0, "320 million", 1);
	fx_free(f);
}

/* "about 200 volunteers" and "198 volunteers" agree within the slack of
 * an approximate figure; "thousands of residents" says no figure, so it
 * does not dispute "2,400 residents". */
static void test_approximate_agreement_is_no_conflict(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "About 200 volunteers cleared debris from the harbour front on "
	    "Thursday.\nThousands of residents were moved out of the low "
	    "streets near the river.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "Some 198 volunteers cleared debris from the harbour front on "
	    "Thursday.\nOfficials said 2,400 residents were moved out of the "
	    "low streets near the river.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	assert_int_equal(conflicts_about(f->b, "volunteer", NULL), 0);
	assert_int_equal(conflicts_about(f->b, "resident", NULL), 0);
	fx_free(f);
}

/* "116 sailors" and "118 men" trapped aboard one submarine count one
 * crew: the statements align once the differing figure is left out. */
static void test_sailors_and_men_are_one_crew(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "Divers tried again to reach the 116 sailors trapped inside the "
	    "sunken submarine Orlan.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	    "Divers tried again to reach the 118 men trapped inside the "
	    "sunken submarine Orlan.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	const cr_bconflict *c = two_sides(f->b, "sailor", "116", 0, "118", 1);
	assert_int_equal(c->kind, CR_CONFLICT_CONTRADICTION);
	fx_free(f);
}

/* Two figures of one subject in one statement are matched in order:
 * 25 against 28 countries and six against 10, never 25 against 10. */
static void test_figures_of_one_statement_pair_in_order(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	    "The ministry said Veldoria has signed legal aid treaties with 25 "
	    "countries and extradition treaties with six "
	    "countries.\n" FILLER_A);
	add(f, "b", "Coastal Wire", utc(2025, 3, 20, 8),
	    "The ministry said Veldoria has signed legal aid treaties with 28 "
	    "countries and extradition treaties with 10 countries.\n" FILLER_B);
	fx_brief(f, 0, NULL);
	uint32_t n = 0;
	for (uint32_t i = 0; i < f->b->n_conflicts; i++) {
		const cr_bconflict *c = &f->b->conflicts[i];
		if (!strstr(c->about, "countr"))
			continue;
		n++;
		assert_int_equal(c->n_claims, 2);
		const char *x = c->claims[0].value, *y = c->claims[1].value;
		int first = (!strcmp(x, "25") && !strcmp(y, "28")) ||
		            (!strcmp(x, "28") && !strcmp(y, "25"));
		int second = (!strcmp(x, "six") && !strcmp(y, "10")) ||
		             (!strcmp(x, "10") && !strcmp(y, "six"));
		if (!first && !second)
			fail_msg("conflict %s / %s pairs figures out of order",
			         x, y);
		/* a week apart: the later report revises the figures */
		assert_int_equal(c->kind, CR_CONFLICT_UPDATE);
	}
	assert_int_equal(n, 2);
	fx_free(f);
}

/* A reprint repeats its original word for word, including a toll that
 * rose within the report: nothing is disputed. */
static void test_a_story_of_copies_has_no_conflicts(void **state)
{
	(void)state;
	static const char text[] =
	        "Police first put the toll at three; by the evening the death "
	        "toll from the blast had risen to five.\n"
	        "The explosion at the Saltmere fertiliser plant on Wednesday "
	        "injured 12 workers, the fire service said.\n"
	        "The Harlan Street Bridge was closed to traffic on Wednesday "
	        "after the blast.\n"
	        "Volunteers filled sandbags outside the fire station.";
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 12, 8), text);
	add(f, "b", "Coastal Wire", utc(2025, 3, 12, 20), text);
	add(f, "c", "Bay Times", utc(2025, 3, 13, 8), text);
	fx_brief(f, 0, NULL);
	assert_non_null(f->b->arts[1]->copy_of);
	assert_non_null(f->b->arts[2]->copy_of);
	assert_int_equal(f->b->n_conflicts, 0);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_bridge_closed_vs_reopened),
	        cmocka_unit_test(test_one_disagreement_is_one_conflict),
	        cmocka_unit_test(test_schools_closed_vs_opened),
	        cmocka_unit_test(test_negation_flips_the_state),
	        cmocka_unit_test(test_agreeing_states_are_no_conflict),
	        cmocka_unit_test(test_injured_12_vs_14_is_a_contradiction),
	        cmocka_unit_test(test_toll_3_then_5_is_an_update),
	        cmocka_unit_test(test_toll_an_hour_apart_is_a_contradiction),
	        cmocka_unit_test(test_toll_far_from_its_number_is_still_a_toll),
	        cmocka_unit_test(test_three_successive_tolls_are_an_update),
	        cmocka_unit_test(test_overlapping_tolls_are_a_contradiction),
	        cmocka_unit_test(test_statement_with_both_values_takes_no_side),
	        cmocka_unit_test(test_unaligned_numbers_do_not_meet),
	        cmocka_unit_test(test_a_story_of_copies_has_no_conflicts),
	        cmocka_unit_test(test_approximate_figures_conflict),
	        cmocka_unit_test(test_approximate_agreement_is_no_conflict),
	        cmocka_unit_test(test_sailors_and_men_are_one_crew),
	        cmocka_unit_test(test_figures_of_one_statement_pair_in_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

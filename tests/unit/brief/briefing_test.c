/*
 * briefing_test.c - the parts of a briefing built in src/brief/briefing.c:
 * quotes grouped across articles, entities merged, the headline, and the
 * counts of sources.
 *
 * The stories are written for the test (a storm at the invented port of
 * Saltmere); articles are cleaned and analysed by the real pipeline and
 * briefed with cr_brief_story.
 */
#include "brief_fixture.h"

#include <strings.h>

#include "brief/briefing.h"
#include "crossread/crossread.h"
#include "text/date.h"

/* Articles here carry no title unless a test gives one. */
static void add_plain(fx *f, const char *id, const char *source,
                      int64_t published, const char *text)
{
	add_titled(f, id, source, NULL, published, text);
}

#define FILLER_C                                                               \
	"Volunteers filled sandbags outside the fire station.\n"               \
	"Insurers said claims for flood damage had tripled since Monday.\n"

/* The quote entry whose text is exactly text. */
static const cr_bquote *quote(const cr_briefing *b, const char *text)
{
	const cr_bquote *q = NULL;
	uint32_t n = 0;
	for (uint32_t i = 0; i < b->n_quotes; i++)
		if (!strcmp(b->quotes[i].text, text)) {
			q = &b->quotes[i];
			n++;
		}
	if (n != 1)
		fail_msg("%u quote entries \"%s\", want 1", n, text);
	return q;
}

/* The entity entry named name (case-insensitive); NULL when absent. */
static const cr_bentity *entity(const cr_briefing *b, const char *name)
{
	const cr_bentity *e = NULL;
	for (uint32_t i = 0; i < b->n_entities; i++)
		if (!strcasecmp(b->entities[i].name, name)) {
			if (e)
				fail_msg("entity %s listed twice", name);
			e = &b->entities[i];
		}
	return e;
}

static int set_is(cr_artset s, uint32_t n, const uint32_t *want)
{
	if (s.n != n)
		return 0;
	for (uint32_t i = 0; i < n; i++)
		if (s.idx[i] != want[i])
			return 0;
	return 1;
}

#define SET_IS(s, ...)                                                         \
	set_is((s), sizeof((uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t),      \
	       (uint32_t[]){__VA_ARGS__})

#define FULL_QUOTE                                                             \
	"We will not reopen the piers until every beam has been checked"
#define PART_QUOTE "until every beam has been checked"

/* ---- quotes ------------------------------------------------------------ */

/* The same words from the same speaker in two outlets are one entry
 * with both; the part of it a third outlet quotes is its own entry,
 * listing every article that carries those words. */
static void test_quotes_grouped_across_articles(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	          "Mayor Elena Voss said the ferry terminal would stay shut "
	          "until "
	          "engineers had inspected the piers.\n"
	          "\"" FULL_QUOTE ",\" Voss told reporters on Tuesday.\n");
	add_plain(
	        f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	        "The ferry terminal will stay shut until engineers inspect the "
	        "piers, Voss said.\n"
	        "\"" FULL_QUOTE
	        ",\" said Elena Voss, the mayor of Saltmere.\n");
	add_plain(f, "c", "Bay Times", utc(2025, 3, 12, 10),
	          "Mayor Elena Voss said crews would stay away \"" PART_QUOTE
	          "\" by "
	          "engineers.\n" FILLER_C);
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_int_equal(b->n_quotes, 2);
	const cr_bquote *full = quote(b, FULL_QUOTE);
	assert_non_null(full->speaker);
	assert_string_equal(full->speaker, "Elena Voss");
	assert_true(SET_IS(full->arts, 0, 1));
	const cr_bquote *part = quote(b, PART_QUOTE);
	assert_true(SET_IS(part->arts, 0, 1, 2));
	fx_free(f);
}

/* An outlet that words a quote a little differently is flagged: one
 * entry, the wording most outlets carry as its text, the other wording
 * listed with the outlet that uses it. */
static void test_differing_wording_is_flagged(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	          "\"" FULL_QUOTE
	          ",\" Mayor Elena Voss said on Tuesday.\n" FILLER_C);
	add_plain(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	          "\"" FULL_QUOTE ",\" said Elena Voss, the mayor.\n"
	          "Power was cut to about four hundred homes in the old "
	          "town.\n");
	add_plain(f, "c", "Bay Times", utc(2025, 3, 12, 10),
	          "\"We won't reopen the piers until every single beam has "
	          "been checked,\" Mayor Elena Voss said.\n"
	          "The ferry company offered refunds to stranded "
	          "passengers.\n");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_int_equal(b->n_quotes, 1);
	const cr_bquote *q = quote(b, FULL_QUOTE);
	assert_true(SET_IS(q->arts, 0, 1, 2));
	assert_int_equal(q->n_variants, 1);
	assert_non_null(strstr(q->variants[0].text, "every single beam"));
	assert_true(SET_IS(q->variants[0].arts, 2));
	fx_free(f);
}

/* Reported speech is grouped across outlets too, with its speaker and
 * cue; a statement with no named speaker is not listed. */
static void test_reported_statements(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	          "Mayor Elena Voss said the ferry terminal would stay shut "
	          "until engineers had inspected the piers.\n" FILLER_C);
	add_plain(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	          "Mayor Elena Voss said the ferry terminal would stay shut "
	          "until engineers had inspected the piers.\n"
	          "Power was cut to about four hundred homes in the old "
	          "town.\n");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	const cr_bquote *r = NULL;
	for (uint32_t i = 0; i < b->n_reported; i++) {
		assert_non_null(b->reported[i].speaker);
		if (strstr(b->reported[i].text, "ferry terminal would stay"))
			r = &b->reported[i];
	}
	assert_non_null(r);
	assert_string_equal(r->speaker, "Elena Voss");
	assert_non_null(r->cue);
	assert_string_equal(r->cue, "said");
	assert_true(SET_IS(r->arts, 0, 1));
	fx_free(f);
}

/* The same words from different speakers are two entries. */
static void test_same_words_other_speaker_apart(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	          "\"The piers are safe for now,\" Mayor Elena Voss said on "
	          "Tuesday.\n" FILLER_C);
	add_plain(
	        f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	        "\"The piers are safe for now,\" harbour master Tomas Brink "
	        "said "
	        "on Tuesday.\n"
	        "Power was cut to about four hundred homes in the old town.\n");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_int_equal(b->n_quotes, 2);
	for (uint32_t i = 0; i < b->n_quotes; i++) {
		assert_int_equal(b->quotes[i].arts.n, 1);
		assert_non_null(b->quotes[i].speaker);
		assert_int_equal(b->quotes[i].arts.idx[0],
		                 strstr(b->quotes[i].speaker, "Voss") ? 0 : 1);
	}
	fx_free(f);
}

/* A partial quote credited to "Voss" (the article names her only by
 * surname) meets the longer quote of "Elena Voss" in another article:
 * speakers match as entities do, a surname with its full name. */
static void test_partial_quote_by_surname_lists_both(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	          "Mayor Elena Voss said the ferry terminal would stay shut "
	          "until "
	          "engineers had inspected the piers.\n"
	          "\"" FULL_QUOTE ",\" Voss told reporters on Tuesday.\n");
	add_plain(f, "c", "Bay Times", utc(2025, 3, 12, 10),
	          "Voss said crews would stay away \"" PART_QUOTE "\" by "
	          "engineers.\n" FILLER_C);
	fx_brief(f, 0, NULL);
	const cr_bquote *part = quote(f->b, PART_QUOTE);
	assert_true(SET_IS(part->arts, 0, 1));
	fx_free(f);
}

/* ---- entities ---------------------------------------------------------- */

static void test_entities_merged(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	          "Mayor Elena Voss said the ferry terminal would stay shut.\n"
	          "A Spanish survey ship waiting outside the harbour was "
	          "allowed to "
	          "dock on Tuesday evening.\n"
	          "The port authority asked NATO for help with divers.\n");
	add_plain(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	          "The ferry terminal will stay shut, Voss told reporters in "
	          "Saltmere.\n"
	          "The survey ship from Spain docked on Tuesday evening.\n"
	          "The port authority has asked Nato to send divers.\n");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	/* the surname joins the one full name */
	const cr_bentity *voss = entity(b, "Elena Voss");
	assert_non_null(voss);
	assert_int_equal(voss->type, CR_ENT_PERSON);
	assert_true(SET_IS(voss->arts, 0, 1));
	assert_null(entity(b, "Voss"));
	/* the demonym joins its country */
	const cr_bentity *spain = entity(b, "Spain");
	assert_non_null(spain);
	assert_int_equal(spain->type, CR_ENT_PLACE);
	assert_true(SET_IS(spain->arts, 0, 1));
	assert_null(entity(b, "Spanish"));
	/* one organisation whatever the case, shown in capitals */
	const cr_bentity *nato = entity(b, "NATO");
	assert_non_null(nato);
	assert_string_equal(nato->name, "NATO");
	assert_true(SET_IS(nato->arts, 0, 1));
	/* most widely reported first */
	for (uint32_t i = 1; i < b->n_entities; i++)
		assert_true(b->entities[i - 1].arts.n >= b->entities[i].arts.n);
	fx_free(f);
}

/* Two people of one surname: the surname alone joins neither. */
static void test_ambiguous_surname_not_merged(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "a", "Harbour Herald", utc(2025, 3, 12, 8),
	          "Mayor Elena Voss said the ferry terminal would stay shut.\n"
	          "Her brother Mark Voss runs the ferry company.\n");
	add_plain(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	          "The ferry terminal will stay shut, Voss told reporters in "
	          "Saltmere.\n");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	const cr_bentity *elena = entity(b, "Elena Voss");
	const cr_bentity *mark = entity(b, "Mark Voss");
	assert_non_null(elena);
	assert_non_null(mark);
	assert_true(SET_IS(elena->arts, 0));
	assert_true(SET_IS(mark->arts, 0));
	fx_free(f);
}

/* ---- headline and sources ---------------------------------------------- */

#define SHARED_1                                                               \
	"A winter storm closed the Saltmere ferry terminal on Tuesday.\n"
#define SHARED_2                                                               \
	"The coast guard moved six fishing boats into the inner basin "        \
	"before the winds peaked.\n"

/* The headline is the title of the report the others confirm most, not
 * of the first one or of the outlet with its own angle. */
static void test_headline_speaks_for_the_story(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_titled(f, "a", "Harbour Herald",
	           "Blankets and sandbags in Saltmere", utc(2025, 3, 12, 8),
	           "Volunteers handed out blankets at the community hall near "
	           "the church.\n"
	           "Shopkeepers on the seafront boarded up their windows with "
	           "plywood.\n"
	           "The town museum postponed its spring exhibition by a "
	           "fortnight.\n"
	           "A winter storm shut the Saltmere ferry terminal on "
	           "Tuesday.\n");
	add_titled(f, "b", "Coastal Wire",
	           "Storm closes Saltmere ferry terminal", utc(2025, 3, 12, 9),
	           SHARED_1 SHARED_2);
	add_titled(
	        f, "c", "Bay Times", "Saltmere terminal shut, boats moved",
	        utc(2025, 3, 12, 10),
	        "The ferry terminal at Saltmere was closed on Tuesday as a "
	        "winter storm reached the coast.\n"
	        "Six fishing boats were taken into the inner basin by the "
	        "coast guard.\n"
	        "Power was cut to about four hundred homes in the old town.\n");
	fx_brief(f, 0, NULL);
	assert_non_null(f->b->headline);
	assert_string_equal(f->b->headline,
	                    "Storm closes Saltmere ferry terminal");
	fx_free(f);
}

/* With no title anywhere, the first summary sentence stands in. */
static void test_headline_without_titles(void **state)
{
	(void)state;
	fx *f = fx_new();
	add_plain(f, "b", "Coastal Wire", utc(2025, 3, 12, 9),
	          SHARED_1 SHARED_2);
	fx_brief(f, 0, NULL);
	assert_true(f->b->n_summary > 0);
	assert_non_null(f->b->headline);
	assert_string_equal(f->b->headline, f->b->summary[0].text);
	fx_free(f);
}

/* Sources count outlets; independent sources count a reprint with its
 * original and two reports of one outlet once. */
static void test_sources_and_independent_sources(void **state)
{
	(void)state;
	static const char wire[] = SHARED_1 SHARED_2
	        "Mayor Elena Voss said the terminal would stay shut until "
	        "engineers had inspected the piers.\n"
	        "Shopkeepers on the seafront boarded up their windows with "
	        "plywood.\n";
	fx *f = fx_new();
	add_plain(f, "wire", "Coastal Wire", utc(2025, 3, 12, 8), wire);
	add_plain(f, "reprint", "Bay Times", utc(2025, 3, 12, 9), wire);
	add_plain(
	        f, "own", "Harbour Herald", utc(2025, 3, 12, 10),
	        "The ferry terminal at Saltmere was closed on Tuesday as a "
	        "winter "
	        "storm reached the coast.\n"
	        "Power was cut to about four hundred homes in the old town.\n");
	add_plain(
	        f, "own-later", "Harbour Herald", utc(2025, 3, 12, 18),
	        "Insurers said claims for flood damage had tripled since "
	        "Monday.\n"
	        "The lifeboat crew rescued two walkers from the cliff path.\n");
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_int_equal(b->n_arts, 4);
	assert_non_null(b->arts[1]->copy_of);
	assert_string_equal(b->arts[1]->copy_of, "wire");
	assert_null(b->arts[3]->copy_of);
	assert_int_equal(b->sources, 3);
	assert_int_equal(b->independent_sources, 2);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_quotes_grouped_across_articles),
	        cmocka_unit_test(test_same_words_other_speaker_apart),
	        cmocka_unit_test(test_partial_quote_by_surname_lists_both),
	        cmocka_unit_test(test_differing_wording_is_flagged),
	        cmocka_unit_test(test_reported_statements),
	        cmocka_unit_test(test_entities_merged),
	        cmocka_unit_test(test_ambiguous_surname_not_merged),
	        cmocka_unit_test(test_headline_speaks_for_the_story),
	        cmocka_unit_test(test_headline_without_titles),
	        cmocka_unit_test(test_sources_and_independent_sources),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * summary_test.c - what the summary shows of a sentence (src/brief/
 * summary.c): the framing a sentence can lose (a dateline, an opening
 * linker, an attribution at either end, a short parenthesis) and the end
 * of a word budget spent on a sentence that fits whole.
 *
 * A three-outlet story written for the test: a rail bridge falls into a
 * river. Articles are cleaned and analysed by the real pipeline and
 * briefed with cr_brief_story, so clustering plays no part here.
 */
#include "brief_fixture.h"

#include "brief/briefing.h"
#include "crossread/crossread.h"
#include "text/date.h"

#define A_TEXT                                                                 \
	"The old rail bridge over the Tarn River collapsed on Sunday night, "  \
	"the county council said.\n"                                           \
	"Police said on Monday that two freight wagons had fallen into the "   \
	"river below the bridge.\n"                                            \
	"Engineers from the state transport agency (STA) will inspect the "    \
	"remaining piers of the bridge this week.\n"                           \
	"A bakery near the station gave coffee to the rescue crews, its "      \
	"owner said.\n"

#define B_TEXT                                                                 \
	"HALBURY (Reuters) - The old rail bridge over the Tarn River "         \
	"collapsed late on Sunday night.\n"                                    \
	"Two freight wagons fell into the river below the bridge, police "     \
	"said on Monday.\n"                                                    \
	"But engineers from the state transport agency will inspect the "      \
	"remaining piers of the bridge this week.\n"                           \
	"Commuters face long detours while the line stays closed.\n"

#define C_TEXT                                                                 \
	"The old rail bridge over the Tarn River collapsed on Sunday night "   \
	"after days of heavy rain.\n"                                          \
	"According to the police, two freight wagons fell into the river "     \
	"below the bridge.\n"                                                  \
	"\"We heard a roar and then the bridge was gone,\" a fisherman said "  \
	"on the bank.\n"                                                       \
	"PORT HALBURY (Courier) _ The line carried timber and grain to the "   \
	"port at Halbury.\n"                                                   \
	"The mayor said that she would ask the state for money to rebuild "    \
	"the bridge.\n"

static fx *bridge(void)
{
	fx *f = fx_new();
	add(f, "a", "Valley Post", utc(2025, 4, 7, 8), A_TEXT);
	add(f, "b", "Wire Service", utc(2025, 4, 7, 9), B_TEXT);
	add(f, "c", "Halbury Courier", utc(2025, 4, 7, 10), C_TEXT);
	return f;
}

/* The summary sentence whose text holds key; the test fails when none
 * does. */
static const cr_bsentence *summary_with(const cr_briefing *b, const char *key)
{
	for (uint32_t i = 0; i < b->n_summary; i++)
		if (strstr(b->summary[i].text, key))
			return &b->summary[i];
	fail_msg("no summary sentence holds \"%s\"", key);
	return NULL;
}

/* Whitespace-separated words, as ROUGE's -l counts them. */
static uint32_t ws_words(const char *s)
{
	uint32_t n = 0;
	for (const char *p = s; *p; p++)
		n += *p != ' ' && (p == s || p[-1] == ' ');
	return n;
}

/* 1 when s ends in an ellipsis: a sentence cut to fit the budget. */
static int cut_short(const char *s)
{
	size_t n = strlen(s);
	return n >= 3 && !strcmp(s + n - 3, "\xe2\x80\xa6");
}

/* An opening "Police said on Monday that" and an opening "According to
 * the police," frame the statement: the summary shows the statement,
 * opening with a capital, and still lists every outlet that states it.
 * The fact keeps the outlet's wording. */
static void test_summary_drops_an_opening_attribution(void **state)
{
	(void)state;
	fx *f = bridge();
	fx_brief_words(f, 8, 200);
	const cr_briefing *b = f->b;
	const cr_bsentence *s = summary_with(b, "freight wagons");
	assert_string_equal(s->text, "Two freight wagons had fallen into the "
	                             "river below the bridge.");
	assert_int_equal(s->arts.n, 3);
	int kept = 0;
	for (uint32_t i = 0; i < b->n_facts; i++)
		kept |= !strncmp(b->facts[i].text, "Police said on Monday", 21);
	assert_true(kept);
	fx_free(f);
}

/* A statement that opens with a pronoun needs its speaker: "The mayor
 * said that she would ask" does not become "She would ask". */
static void test_summary_keeps_the_speaker_of_a_pronoun(void **state)
{
	(void)state;
	fx *f = bridge();
	fx_brief_words(f, 8, 200);
	const cr_bsentence *s = summary_with(f->b, "rebuild");
	assert_string_equal(s->text, "The mayor said that she would ask the "
	                             "state for money to rebuild the "
	                             "bridge.");
	fx_free(f);
}

/* A closing ", its owner said." goes, and the sentence still ends with a
 * full stop; a sentence holding a quotation keeps its speaker, as the
 * words are his. */
static void test_summary_drops_a_closing_attribution(void **state)
{
	(void)state;
	fx *f = bridge();
	fx_brief_words(f, 8, 200);
	const cr_briefing *b = f->b;
	const cr_bsentence *s = summary_with(b, "bakery");
	assert_string_equal(s->text, "A bakery near the station gave coffee "
	                             "to the rescue crews.");
	assert_int_equal(s->arts.n, 1);
	s = summary_with(b, "roar");
	assert_non_null(strstr(s->text, "a fisherman said"));
	fx_free(f);
}

/* A dateline, an opening "But" and a short parenthesis are framing too:
 * the summary shows the sentence without them. */
static void test_summary_drops_dateline_linker_and_aside(void **state)
{
	(void)state;
	fx *f = bridge();
	fx_brief_words(f, 8, 200);
	const cr_briefing *b = f->b;
	const cr_bsentence *s = summary_with(b, "timber");
	assert_string_equal(s->text, "The line carried timber and grain to "
	                             "the port at Halbury.");
	s = summary_with(b, "remaining piers");
	assert_string_equal(s->text,
	                    "Engineers from the state transport agency will "
	                    "inspect the remaining piers of the bridge this "
	                    "week.");
	assert_int_equal(s->arts.n, 2);
	fx_free(f);
}

/* The end of a word budget goes to the best sentence that fits whole,
 * not to the start of a longer one cut short. */
static void test_summary_fills_the_budget_whole(void **state)
{
	(void)state;
	fx *f = bridge();
	fx_brief_words(f, 8, 0);
	const cr_briefing *b = f->b;
	assert_true(b->n_summary >= 3);
	uint32_t w0 = ws_words(b->summary[0].text);
	uint32_t w1 = ws_words(b->summary[1].text);
	/* without a budget the third sentence is longer than what is left */
	assert_true(ws_words(b->summary[2].text) > 10);
	fx_brief_words(f, 8, w0 + w1 + 10);
	b = f->b;
	assert_true(b->n_summary >= 3);
	assert_false(cut_short(b->summary[2].text));
	assert_true(ws_words(b->summary[2].text) <= 10);
	fx_free(f);
}

/* A named source keeps its attribution, at either end: the claim is
 * that party's ("Tarn Railways said the line would reopen"), where an
 * anonymous "officials said" is only the outlet's way of reporting. */
static void test_summary_keeps_a_named_source(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Valley Post", utc(2025, 4, 7, 8),
	    "Tarn Railways said on Monday that the line would reopen within "
	    "a month.\n"
	    "The old rail bridge over the Tarn River collapsed on Sunday "
	    "night, officials said.\n");
	add(f, "b", "Wire Service", utc(2025, 4, 7, 9),
	    "The line would reopen within a month, Tarn Railways said.\n"
	    "The old rail bridge over the Tarn River collapsed on Sunday "
	    "night, officials said.\n");
	fx_brief_words(f, 8, 200);
	const cr_bsentence *s = summary_with(f->b, "reopen");
	assert_non_null(strstr(s->text, "Tarn Railways said"));
	s = summary_with(f->b, "collapsed");
	assert_null(strstr(s->text, "officials"));
	fx_free(f);
}

/* A named source's attribution is kept short: what lies between the
 * verb and the statement ("on Monday that") goes, and so does an
 * apposition after the name at the end; the name and the verb stay. */
static void test_summary_shortens_a_named_source(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Valley Post", utc(2025, 4, 7, 8),
	    "Tarn Railways said on Monday that the line would reopen within "
	    "a month.\n"
	    "The old rail bridge over the Tarn River collapsed on Sunday "
	    "night, said Anna Berg, a spokeswoman for the county council.\n");
	add(f, "b", "Wire Service", utc(2025, 4, 7, 9),
	    "Tarn Railways said on Tuesday that the line would reopen within "
	    "a month.\n"
	    "The old rail bridge over the Tarn River collapsed on Sunday "
	    "night, said Anna Berg, a spokeswoman for the county council.\n");
	fx_brief_words(f, 8, 200);
	const cr_bsentence *s = summary_with(f->b, "reopen");
	assert_string_equal(s->text, "Tarn Railways said the line would "
	                             "reopen within a month.");
	s = summary_with(f->b, "collapsed");
	assert_string_equal(s->text, "The old rail bridge over the Tarn River "
	                             "collapsed on Sunday night, said Anna "
	                             "Berg.");
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_summary_drops_an_opening_attribution),
	        cmocka_unit_test(test_summary_keeps_the_speaker_of_a_pronoun),
	        cmocka_unit_test(test_summary_drops_a_closing_attribution),
	        cmocka_unit_test(test_summary_drops_dateline_linker_and_aside),
	        cmocka_unit_test(test_summary_fills_the_budget_whole),
	        cmocka_unit_test(test_summary_keeps_a_named_source),
	        cmocka_unit_test(test_summary_shortens_a_named_source),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

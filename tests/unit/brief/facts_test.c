/*
 * facts_test.c - facts, agreement and the summary (src/brief/facts.c).
 *
 * A three-outlet story written for the test: a storm closes a ferry
 * terminal. All three report the closure, two the boats moved by the
 * coast guard and the mayor's words, each some details of its own.
 * Articles are cleaned and analysed by the real pipeline and briefed
 * with cr_brief_story, so clustering plays no part here.
 */
#include "brief_fixture.h"

#include "brief/briefing.h"
#include "crossread/crossread.h"
#include "text/date.h"

#define A_TEXT                                                                 \
	"A winter storm closed the Saltmere ferry terminal on Tuesday, "       \
	"stranding about two hundred passengers on the quay.\n"                \
	"The coast guard moved six fishing boats into the inner basin "        \
	"before the winds peaked.\n"                                           \
	"Mayor Elena Voss said the terminal would stay shut until "            \
	"engineers had inspected the piers.\n"                                 \
	"Shopkeepers on the seafront boarded up their windows with "           \
	"plywood.\n"                                                           \
	"The town museum postponed its spring exhibition by a fortnight."

#define B_TEXT                                                                 \
	"The ferry terminal at Saltmere was closed on Tuesday as a winter "    \
	"storm reached the coast.\n"                                           \
	"Six fishing boats were taken into the inner basin by the coast "      \
	"guard.\n"                                                             \
	"Voss said the terminal would remain shut until engineers inspect "    \
	"the piers.\n"                                                         \
	"Power was cut to about four hundred homes in the old town.\n"         \
	"Insurers said claims for roof damage had tripled since Monday."

#define C_TEXT                                                                 \
	"Saltmere's ferry terminal closed on Tuesday because of the winter "   \
	"storm.\n"                                                             \
	"A lifeboat crew rescued two walkers stranded on the cliff path "      \
	"near the lighthouse.\n"                                               \
	"Volunteers handed out blankets at the community hall near the "       \
	"church.\n"                                                            \
	"Road crews cleared fallen trees from the coastal highway."

static fx *storm(void)
{
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8), A_TEXT);
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9), B_TEXT);
	add(f, "c", "Bay Times", utc(2025, 3, 11, 10), C_TEXT);
	return f;
}

/* The facts whose text holds key; *only receives the last. */
static uint32_t facts_with(const cr_briefing *b, const char *key,
                           const cr_bfact **only)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < b->n_facts; i++)
		if (strstr(b->facts[i].text, key)) {
			n++;
			if (only)
				*only = &b->facts[i];
		}
	return n;
}

/* The one fact of the statement told by key (any of the outlets' words:
 * keys are alternatives separated by '|'). */
static const cr_bfact *fact(const cr_briefing *b, const char *keys)
{
	const cr_bfact *found = NULL;
	uint32_t n = 0;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", keys);
	for (char *save = NULL, *k = strtok_r(buf, "|", &save); k;
	     k = strtok_r(NULL, "|", &save))
		n += facts_with(b, k, &found);
	if (n != 1)
		fail_msg("%u facts tell \"%s\", want 1", n, keys);
	return found;
}

/* "0,2" style list of a set. */
static const char *set_str(cr_artset s, char *buf, size_t n)
{
	buf[0] = '\0';
	for (uint32_t i = 0; i < s.n; i++)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%u",
		         i ? "," : "", s.idx[i]);
	return buf;
}

static void assert_fact(const cr_briefing *b, const char *keys,
                        const char *arts, cr_agreement ag, uint32_t indep)
{
	const cr_bfact *f = fact(b, keys);
	char buf[64];
	if (strcmp(set_str(f->arts, buf, sizeof buf), arts))
		fail_msg("fact \"%s\": articles %s, want %s", f->text, buf,
		         arts);
	if (f->agreement != ag || f->independent != indep)
		fail_msg("fact \"%s\": agreement %d independent %u, want %d %u",
		         f->text, f->agreement, f->independent, ag, indep);
}

/* ---- agreement --------------------------------------------------------- */

static void test_agreement_all_some_one(void **state)
{
	(void)state;
	fx *f = storm();
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_int_equal(b->independent_sources, 3);
	assert_fact(b,
	            "ferry terminal on Tuesday|terminal at Saltmere|"
	            "terminal closed on Tuesday",
	            "0,1,2", CR_AGREE_ALL, 3);
	assert_fact(b, "six fishing boats|Six fishing boats", "0,1",
	            CR_AGREE_SOME, 2);
	assert_fact(b, "until engineers", "0,1", CR_AGREE_SOME, 2);
	assert_fact(b, "lifeboat crew", "2", CR_AGREE_ONE, 1);
	assert_fact(b, "Insurers", "1", CR_AGREE_ONE, 1);
	assert_fact(b, "museum", "0", CR_AGREE_ONE, 1);
	/* all first, then some, then one */
	for (uint32_t i = 1; i < b->n_facts; i++)
		assert_true(b->facts[i - 1].agreement <= b->facts[i].agreement);
	fx_free(f);
}

/* Every statement is one fact: three reports of the closure, two of the
 * boats and two of the mayor's words are three facts, and the seven
 * single-outlet details seven more. */
static void test_no_fact_listed_twice(void **state)
{
	(void)state;
	fx *f = storm();
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	static const char *const keys[] = {
	        "ferry terminal", "fishing boats", "engineers", "Shopkeepers",
	        "museum",         "Power was cut", "Insurers",  "lifeboat",
	        "Volunteers",     "Road crews",
	};
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
		uint32_t n = facts_with(b, keys[k], NULL);
		if (n != 1)
			fail_msg("%u facts hold \"%s\", want 1", n, keys[k]);
	}
	assert_int_equal(b->n_facts, sizeof keys / sizeof *keys);
	fx_free(f);
}

/* A wire story and its reprint are one outlet: a fact only they state is
 * a single outlet's, and the fact every outlet states is "all". */
static void test_agreement_counts_a_copy_with_its_original(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8), A_TEXT);
	add(f, "a-reprint", "Bay Times", utc(2025, 3, 11, 9), A_TEXT);
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 10), B_TEXT);
	fx_brief(f, 0, NULL);
	const cr_briefing *b = f->b;
	assert_non_null(b->arts[1]->copy_of);
	assert_int_equal(b->independent_sources, 2);
	assert_fact(b, "ferry terminal on Tuesday|terminal at Saltmere",
	            "0,1,2", CR_AGREE_ALL, 2);
	assert_fact(b, "museum", "0,1", CR_AGREE_ONE, 1);
	assert_fact(b, "Insurers", "2", CR_AGREE_ONE, 1);
	fx_free(f);
}

/* ---- summary ----------------------------------------------------------- */

/* The summary facts a sentence of it tells, as a bit per key. */
static unsigned summary_keys(const cr_bsentence *s, const char *const *keys,
                             size_t n)
{
	unsigned m = 0;
	for (size_t k = 0; k < n; k++)
		if (strstr(s->text, keys[k]))
			m |= 1u << k;
	return m;
}

static void test_summary_length_and_no_repeats(void **state)
{
	(void)state;
	static const char *const keys[] = {"ferry terminal", "fishing boats",
	                                   "engineers"};
	fx *f = storm();
	for (uint32_t max = 1; max <= 20; max += 2) {
		fx_brief(f, max, NULL);
		const cr_briefing *b = f->b;
		assert_true(b->n_summary >= 1);
		assert_true(b->n_summary <= max);
		assert_true(b->n_summary <= b->n_facts);
		/* No two sentences tell the same fact. */
		unsigned told = 0;
		for (uint32_t i = 0; i < b->n_summary; i++) {
			unsigned m = summary_keys(&b->summary[i], keys, 3);
			if (told & m)
				fail_msg("summary of %u repeats a fact: %s",
				         max, b->summary[i].text);
			told |= m;
			for (uint32_t j = 0; j < i; j++)
				assert_string_not_equal(b->summary[i].text,
				                        b->summary[j].text);
		}
	}
	/* The first sentence tells what every outlet says, and lists them. */
	fx_brief(f, 3, NULL);
	assert_non_null(strstr(f->b->summary[0].text, "ferry terminal"));
	assert_int_equal(f->b->summary[0].arts.n, 3);
	/* 0 means the default of five */
	fx_brief(f, 0, NULL);
	assert_int_equal(f->b->n_summary, 5);
	fx_free(f);
}

/* --focus brings a single-outlet sentence into the summary: without it
 * the fourth pick is another detail, with it the one that matches. */
static void test_focus_moves_a_sentence_into_the_summary(void **state)
{
	(void)state;
	fx *f = storm();
	fx_brief(f, 4, NULL);
	assert_int_equal(f->b->n_summary, 4);
	for (uint32_t i = 0; i < f->b->n_summary; i++)
		assert_null(strstr(f->b->summary[i].text, "Insurers"));
	fx_brief(f, 4, "insurance claims for roof damage");
	assert_int_equal(f->b->n_summary, 4);
	int found = 0;
	for (uint32_t i = 0; i < f->b->n_summary; i++)
		if (strstr(f->b->summary[i].text, "Insurers")) {
			found = 1;
			assert_int_equal(f->b->summary[i].arts.n, 1);
			assert_int_equal(f->b->summary[i].arts.idx[0], 1);
		}
	assert_true(found);
	/* The facts themselves do not depend on the focus. */
	assert_int_equal(f->b->n_facts, 10);
	fx_free(f);
}

/* Whitespace-separated words, as ROUGE's -l counts them. */
static uint32_t ws_words(const char *s)
{
	uint32_t n = 0;
	for (const char *p = s; *p; p++)
		n += *p != ' ' && (p == s || p[-1] == ' ');
	return n;
}

/* A word budget ends the summary: the same sentences as without it, up to
 * the one that reaches the budget, which is cut to fit exactly and ends
 * in an ellipsis. A budget the summary does not reach changes nothing. */
static void test_summary_word_budget(void **state)
{
	(void)state;
	fx *f = storm();
	fx_brief_words(f, 20, 0);
	uint32_t n_full = f->b->n_summary, total = 0;
	char full[20][512];
	uint32_t words[20], n_arts[20];
	assert_true(n_full >= 3);
	for (uint32_t i = 0; i < n_full; i++) {
		snprintf(full[i], sizeof full[i], "%s", f->b->summary[i].text);
		words[i] = ws_words(full[i]);
		n_arts[i] = f->b->summary[i].arts.n;
		total += words[i];
	}
	/* a budget that falls inside the third sentence */
	uint32_t budget = words[0] + words[1] + 3;
	fx_brief_words(f, 20, budget);
	const cr_briefing *b = f->b;
	assert_int_equal(b->n_summary, 3);
	assert_string_equal(b->summary[0].text, full[0]);
	assert_string_equal(b->summary[1].text, full[1]);
	const char *last = b->summary[2].text;
	assert_int_equal(ws_words(last), 3);
	size_t len = strlen(last);
	assert_true(len > 3 && !strcmp(last + len - 3, "\xe2\x80\xa6"));
	assert_memory_equal(last, full[2], len - 3);
	/* the sources of a cut sentence are those of the whole one */
	assert_int_equal(b->summary[2].arts.n, n_arts[2]);
	/* a budget met exactly by two sentences cuts nothing */
	fx_brief_words(f, 20, words[0] + words[1]);
	assert_int_equal(f->b->n_summary, 2);
	assert_string_equal(f->b->summary[1].text, full[1]);
	/* a budget the summary does not reach leaves it whole */
	fx_brief_words(f, 20, total + 50);
	assert_int_equal(f->b->n_summary, n_full);
	assert_string_equal(f->b->summary[n_full - 1].text, full[n_full - 1]);
	/* the sentence limit still holds */
	fx_brief_words(f, 1, total);
	assert_int_equal(f->b->n_summary, 1);
	fx_free(f);
}

/* A word that links a sentence to the one before it ("But", "And") means
 * nothing out of that context: the summary drops it and capitalises the
 * next word, the fact keeps the outlet's wording. */
static void test_summary_drops_an_opening_linker(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "But a winter storm closed the Saltmere ferry terminal on "
	    "Tuesday, stranding passengers on the quay.\n"
	    "The town museum postponed its spring exhibition by a "
	    "fortnight.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9),
	    "And the ferry terminal at Saltmere was closed on Tuesday as a "
	    "winter storm reached the coast.\n"
	    "Power was cut to about four hundred homes in the old town.");
	add(f, "c", "Bay Times", utc(2025, 3, 11, 10),
	    "But Saltmere's ferry terminal closed on Tuesday because of the "
	    "winter storm that reached the coast.\n"
	    "Road crews cleared fallen trees from the coastal highway "
	    "overnight.");
	fx_brief(f, 3, NULL);
	const cr_briefing *b = f->b;
	int closure = 0;
	for (uint32_t i = 0; i < b->n_summary; i++) {
		const char *t = b->summary[i].text;
		assert_true(strncmp(t, "But ", 4) && strncmp(t, "And ", 4));
		if (strstr(t, "erry terminal")) {
			closure = 1;
			assert_true(t[0] == 'A' || t[0] == 'T' || t[0] == 'S');
			assert_int_equal(b->summary[i].arts.n, 3);
		}
	}
	assert_true(closure);
	const cr_bfact *fc = fact(b, "ferry terminal");
	assert_true(!strncmp(fc->text, "But ", 4) ||
	            !strncmp(fc->text, "And ", 4));
	fx_free(f);
}

/* A sentence of more than three dozen words spends a fixed budget on one
 * statement: the summary leaves it out even when all outlets tell it, and
 * takes the shorter sentences that two of them share. */
static void test_summary_skips_a_rambling_sentence(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "A winter storm that had been building over the western approaches "
	    "for most of the weekend finally closed the Saltmere ferry "
	    "terminal on Tuesday morning, stranding about two hundred "
	    "passengers, several lorry drivers and a school party on the "
	    "quay while harbour staff waited for the wind to drop.\n"
	    "The coast guard moved six fishing boats into the inner basin "
	    "before the winds peaked.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9),
	    "The ferry terminal at Saltmere was closed on Tuesday morning as a "
	    "winter storm that had been building over the western approaches "
	    "all weekend reached the coast, leaving about two hundred "
	    "passengers, several lorry drivers and a school party stranded "
	    "on the quay for hours.\n"
	    "Six fishing boats were moved into the inner basin by the coast "
	    "guard before the winds peaked.");
	add(f, "c", "Bay Times", utc(2025, 3, 11, 10),
	    "Saltmere's ferry terminal closed on Tuesday morning because of a "
	    "winter storm that had been building over the western approaches "
	    "all weekend, and about two hundred passengers, several lorry "
	    "drivers and a school party were left stranded on the quay for "
	    "most of the day.\n"
	    "Road crews cleared fallen trees from the coastal highway "
	    "overnight.");
	fx_brief(f, 3, NULL);
	const cr_briefing *b = f->b;
	assert_int_equal(fact(b, "erry terminal")->arts.n, 3);
	int boats = 0;
	for (uint32_t i = 0; i < b->n_summary; i++) {
		const char *t = b->summary[i].text;
		if (strstr(t, "erry terminal"))
			fail_msg("summary holds the long sentence: %s", t);
		boats += strstr(t, "fishing boats") != NULL;
	}
	assert_int_equal(boats, 1);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_agreement_all_some_one),
	        cmocka_unit_test(test_no_fact_listed_twice),
	        cmocka_unit_test(
	                test_agreement_counts_a_copy_with_its_original),
	        cmocka_unit_test(test_summary_length_and_no_repeats),
	        cmocka_unit_test(test_focus_moves_a_sentence_into_the_summary),
	        cmocka_unit_test(test_summary_word_budget),
	        cmocka_unit_test(test_summary_drops_an_opening_linker),
	        cmocka_unit_test(test_summary_skips_a_rambling_sentence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * align_test.c - units of a story and who states what (src/brief/align.c).
 *
 * Articles are invented news text, cleaned and analysed by the real
 * pipeline; the story is then built by hand as briefing.c builds it
 * (roots from copy_of, cr_story_units, cr_story_support), so the tests
 * see the units, their coverage and their support directly.
 */
#include "test_util.h"

#include "brief/story.h"
#include "crossread/crossread.h"
#include "text/date.h"

#define MAX_ARTS 8

typedef struct fx {
	cr_pipeline *p;
	cr_diag d;
	cr_arena *ar;
	cr_story st;
	const cr_article *arts[MAX_ARTS];
} fx;

/* Seconds since the epoch of a UTC date and hour. */
static int64_t utc(int y, int m, int d, int h)
{
	return cr_days_from_civil(y, m, d) * 86400 + (int64_t)h * 3600;
}

/* Adds an article with its title from metadata and raw text as given. */
static void add(fx *f, const char *id, const char *source, int64_t published,
                const char *text)
{
	cr_article *a = cr_article_create();
	assert_non_null(a);
	a->id = cr_arena_strdup(a->arena, id);
	a->source = source ? cr_arena_strdup(a->arena, source) : NULL;
	a->title = cr_arena_printf(a->arena, "Report %s", id);
	a->title_given = 1;
	a->published = published;
	size_t n = strlen(text);
	a->raw = cr_arena_strndup(a->arena, text, n);
	a->raw_len = (uint32_t)n;
	assert_int_equal(cr_pipeline_add_article(f->p, a), CR_OK);
}

static fx *fx_new(void)
{
	fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->p = cr_pipeline_new(&f->d);
	assert_non_null(f->p);
	return f;
}

/* Builds the story of every article added, as briefing.c does. */
static void fx_story(fx *f)
{
	uint32_t n = (uint32_t)cr_pipeline_count(f->p);
	assert_true(n > 0 && n <= MAX_ARTS);
	assert_int_equal(f->d.n_rejected, 0);
	for (uint32_t i = 0; i < n; i++)
		f->arts[i] = cr_pipeline_article(f->p, i);
	f->ar = cr_arena_create();
	assert_non_null(f->ar);
	f->st = (cr_story){.arena = f->ar, .arts = f->arts, .n_arts = n};
	f->st.root = cr_arena_alloc(f->ar, n * sizeof *f->st.root);
	assert_non_null(f->st.root);
	for (uint32_t i = 0; i < n; i++) {
		f->st.root[i] = i;
		for (uint32_t j = 0; j < n && f->arts[i]->copy_of; j++)
			if (j != i &&
			    !strcmp(f->arts[j]->id, f->arts[i]->copy_of))
				f->st.root[i] = j;
	}
	assert_int_equal(cr_story_units(&f->st), CR_OK);
	assert_int_equal(cr_story_support(&f->st), CR_OK);
}

static void fx_free(fx *f)
{
	cr_arena_destroy(f->ar);
	cr_pipeline_free(f->p);
	free(f);
}

/* The text of unit u (not NUL-terminated), for messages. */
#define UTEXT(f, u)                                                            \
	(int)(f)->st.units[u].span.len,                                        \
	        (f)->arts[(f)->st.units[u].art]->body +                        \
	                (f)->st.units[u].span.off

/* The first unit of article art that begins with prefix and is a clause
 * (clause 1) or a whole sentence (clause 0); fails when there is none. */
static uint32_t unit_at(const fx *f, uint32_t art, const char *prefix,
                        int clause)
{
	size_t n = strlen(prefix);
	for (uint32_t u = f->st.ubeg[art]; u < f->st.uend[art]; u++) {
		const cr_unit *un = &f->st.units[u];
		const char *t = f->arts[art]->body + un->span.off;
		if (un->clause == clause && un->span.len >= n &&
		    !strncmp(t, prefix, n))
			return u;
	}
	fail_msg("no %s of article %u starts with \"%s\"",
	         clause ? "clause" : "sentence", art, prefix);
	return UINT32_MAX;
}

/* The clauses of the sentence whose whole unit is u. */
static uint32_t clauses_of(const fx *f, uint32_t u)
{
	uint32_t n = 0;
	for (uint32_t c = u + 1; c < f->st.n_units && f->st.units[c].clause &&
	                         f->st.units[c].parent == u;
	     c++)
		n++;
	return n;
}

/* 1 when the unit's text, trimmed of a trailing period, ends with s. */
static int unit_ends_with(const fx *f, uint32_t u, const char *s)
{
	const cr_unit *un = &f->st.units[u];
	const char *t = f->arts[un->art]->body + un->span.off;
	size_t n = un->span.len, k = strlen(s);
	while (n && (t[n - 1] == '.' || t[n - 1] == ' '))
		n--;
	return n >= k && !strncmp(t + n - k, s, k);
}

/* ---- clause cutting ---------------------------------------------------- */

static void test_while_cuts_a_sentence_into_clauses(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "Officials in Saltmere shut the main ferry terminal on Tuesday "
	    "morning, while the coast guard moved six fishing boats into the "
	    "inner basin.\n"
	    "The regional rail line kept running on a reduced timetable "
	    "through the afternoon.");
	fx_story(f);
	uint32_t s = unit_at(f, 0, "Officials in Saltmere", 0);
	assert_int_equal(clauses_of(f, s), 2);
	uint32_t c1 = s + 1, c2 = s + 2;
	assert_true(unit_ends_with(f, c1, "on Tuesday morning"));
	assert_true(unit_ends_with(f, c2, "into the inner basin"));
	/* The comma is in neither clause; the opener leads the second and
	 * is dropped from its display text. */
	const char *t2 = cr_story_text(&f->st, 0, f->st.units[c2].span);
	assert_non_null(strstr(t2, "the coast guard moved six fishing boats"));
	assert_null(strstr(t2, "while"));
	assert_int_equal(f->st.units[c1].parent, s);
	assert_int_equal(f->st.units[c2].sent, f->st.units[s].sent);
	/* A plain sentence stays one unit. */
	assert_int_equal(clauses_of(f, unit_at(f, 0, "The regional rail", 0)),
	                 0);
	fx_free(f);
}

/* "three days after" dates an event; "after Governor ..." opens a
 * clause with its own subject. The two sentences differ only there. */
static void test_days_after_does_not_cut(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "The council voted to reopen the northern ferry terminal three "
	    "days after Governor Amos Hale lifted the storm warning.\n"
	    "The council voted to reopen the southern ferry terminal after "
	    "Governor Amos Hale lifted the storm warning.");
	fx_story(f);
	uint32_t days =
	        unit_at(f, 0, "The council voted to reopen the northern", 0);
	uint32_t plain =
	        unit_at(f, 0, "The council voted to reopen the southern", 0);
	assert_int_equal(clauses_of(f, days), 0);
	assert_int_equal(clauses_of(f, plain), 2);
	assert_true(
	        unit_ends_with(f, plain + 1, "the southern ferry terminal"));
	assert_true(unit_ends_with(f, plain + 2, "lifted the storm warning"));
	fx_free(f);
}

/* ", while" inside quotation marks belongs to the speaker's sentence. */
static void test_quotes_are_not_cut(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "\"The piers are unsafe tonight, while the winds keep rising we "
	    "cannot send a single crew out there,\" the harbour master said.\n"
	    "The piers were declared unsafe on Monday evening, while the "
	    "winds kept rising across the whole bay.");
	fx_story(f);
	assert_int_equal(clauses_of(f, unit_at(f, 0, "\"The piers", 0)), 0);
	assert_int_equal(clauses_of(f, unit_at(f, 0, "The piers were", 0)), 2);
	fx_free(f);
}

/* A clause is cut only when both sides keep four words. */
static void test_short_side_is_not_cut(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "Ferries stopped, while the storm raged along the northern coast.\n"
	    "Ferries stopped running from Saltmere, while the storm raged "
	    "along the northern coast.");
	fx_story(f);
	assert_int_equal(clauses_of(f, unit_at(f, 0, "Ferries stopped,", 0)),
	                 0);
	assert_int_equal(
	        clauses_of(f, unit_at(f, 0, "Ferries stopped running", 0)), 2);
	fx_free(f);
}

/* ---- terms: synonyms and negation -------------------------------------- */

/* "shut" and "closed" are one act: the two statements cover each other
 * whole, while "sealed" leaves a term uncovered. */
static void test_shut_and_closed_are_one_term(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "The council shut the Harlan ferry terminal on Friday.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9),
	    "The council closed the Harlan ferry terminal on Friday.");
	add(f, "c", "Bay Times", utc(2025, 3, 11, 10),
	    "The council sealed the Harlan ferry terminal on Friday.");
	fx_story(f);
	uint32_t ua = unit_at(f, 0, "The council", 0);
	uint32_t ub = unit_at(f, 1, "The council", 0);
	uint32_t uc = unit_at(f, 2, "The council", 0);
	assert_float_equal(cr_unit_coverage(&f->st, ua, ub), 1.0, 1e-6);
	assert_float_equal(cr_unit_coverage(&f->st, ub, ua), 1.0, 1e-6);
	assert_float_equal(cr_unit_similarity(&f->st, ua, ub), 1.0, 1e-6);
	assert_true(cr_unit_coverage(&f->st, ua, uc) < 0.99);
	assert_true(cr_unit_similarity(&f->st, ua, uc) < 0.99);
	fx_free(f);
}

/* "decided not to close" is read as open: it shares that term with
 * "remains open", which "decided to close" does not. */
static void test_negated_close_meets_open(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "The council decided not to close the primary school in Brennick.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9),
	    "The primary school in Brennick remains open.");
	add(f, "c", "Bay Times", utc(2025, 3, 11, 10),
	    "The council decided to close the primary school in Brennick.");
	fx_story(f);
	uint32_t neg = unit_at(f, 0, "The council", 0);
	uint32_t open = unit_at(f, 1, "The primary", 0);
	uint32_t close = unit_at(f, 2, "The council", 0);
	double with_neg = cr_unit_coverage(&f->st, open, neg);
	double with_close = cr_unit_coverage(&f->st, open, close);
	assert_true(with_neg > with_close + 0.05);
	/* "decided to close" and "decided not to close" differ in that
	 * term, so neither covers the other whole. */
	assert_true(cr_unit_coverage(&f->st, neg, close) < 0.99);
	assert_true(cr_unit_coverage(&f->st, close, neg) < 0.99);
	fx_free(f);
}

/* ---- support ----------------------------------------------------------- */

/* Two outlets telling the same thing in other words state each other's
 * sentence; sentences that share only the topic (Saltmere harbour) do
 * not. */
static void test_mutual_support(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "The coast guard moved six fishing boats into the inner basin of "
	    "Saltmere harbour.\n"
	    "The storm damaged two wooden piers at Saltmere harbour late on "
	    "Monday night.\n"
	    "The regional rail line kept running on a reduced timetable "
	    "through the afternoon.\n"
	    "Shopkeepers on the seafront boarded up their windows with "
	    "plywood.\n"
	    "Forecasters expect the wind to ease by the weekend.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9),
	    "Six fishing boats were taken into the inner basin by the coast "
	    "guard before the winds peaked.\n"
	    "Saltmere harbour reopened to cargo ships on Thursday morning.\n"
	    "A spokesman for the rail operator declined to comment on "
	    "delays.\n"
	    "Volunteers handed out blankets at the community hall near the "
	    "church.\n"
	    "Power was cut to about four hundred homes in the old town.");
	fx_story(f);
	uint32_t boats_a = unit_at(f, 0, "The coast guard", 0);
	uint32_t boats_b = unit_at(f, 1, "Six fishing", 0);
	uint32_t piers = unit_at(f, 0, "The storm damaged", 0);
	uint32_t reopened = unit_at(f, 1, "Saltmere harbour reopened", 0);
	const uint8_t *r = cr_unit_support(&f->st, boats_a);
	assert_true(r[0] && r[1]);
	r = cr_unit_support(&f->st, boats_b);
	assert_true(r[0] && r[1]);
	uint32_t best;
	assert_true(cr_unit_supported_by(&f->st, boats_a, 1, &best));
	assert_int_equal(best, boats_b);
	/* A shared topic word is not a shared statement. */
	r = cr_unit_support(&f->st, piers);
	if (r[1])
		fail_msg("topic match: '%.*s' said to be stated by b",
		         UTEXT(f, piers));
	r = cr_unit_support(&f->st, reopened);
	assert_true(r[1]);
	if (r[0])
		fail_msg("topic match: '%.*s' said to be stated by a",
		         UTEXT(f, reopened));
	fx_free(f);
}

/* A topic sentence ("the storm battered Saltmere harbour") shares its
 * words with another outlet's statement, but that statement is what a
 * different sentence of the first article tells: the match is not
 * mutual, so the topic sentence is not stated by the other outlet. */
static void test_topic_sentence_is_not_supported(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "The winter storm battered Saltmere harbour overnight.\n"
	    "The harbour reopened to cargo ships on Thursday morning once "
	    "divers had checked the quay.\n"
	    "The regional rail line kept running on a reduced timetable "
	    "through the afternoon.\n"
	    "Shopkeepers on the seafront boarded up their windows with "
	    "plywood.\n"
	    "Forecasters expect the wind to ease by the weekend.\n"
	    "A lifeboat crew rescued two walkers stranded on the cliff path.\n"
	    "Schools in the district told parents to keep children at home.\n"
	    "The town museum postponed its spring exhibition by a fortnight.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9),
	    "Saltmere harbour reopened to cargo ships on Thursday morning "
	    "after the winter storm.\n"
	    "A spokesman for the rail operator declined to comment on "
	    "delays.\n"
	    "Volunteers handed out blankets at the community hall near the "
	    "church.\n"
	    "Power was cut to about four hundred homes in the old town.\n"
	    "Insurers said claims for roof damage had tripled since Monday.\n"
	    "The bakery on Quay Lane gave away bread that would otherwise "
	    "spoil.\n"
	    "Road crews cleared fallen trees from the coastal highway.");
	fx_story(f);
	uint32_t topic = unit_at(f, 0, "The winter storm", 0);
	uint32_t reopen_a = unit_at(f, 0, "The harbour reopened", 0);
	uint32_t reopen_b = unit_at(f, 1, "Saltmere harbour reopened", 0);
	/* b's sentence is alike as a whole to the topic sentence (the
	 * winter storm, Saltmere harbour: weighted Dice above 0.22)... */
	assert_true(cr_unit_similarity(&f->st, topic, reopen_b) >= 0.22);
	uint32_t best = UINT32_MAX;
	int sup = cr_unit_supported_by(&f->st, topic, 1, &best);
	assert_int_equal(best, reopen_b);
	/* ...but it answers a's other sentence, so it does not state it. */
	assert_false(sup);
	assert_false(cr_unit_support(&f->st, topic)[1]);
	assert_true(cr_unit_support(&f->st, reopen_a)[1]);
	assert_true(cr_unit_support(&f->st, reopen_b)[0]);
	fx_free(f);
}

/* ---- independence ------------------------------------------------------ */

#define STORM_REPORT                                                           \
	"A winter storm closed the Saltmere ferry terminal on Tuesday, "       \
	"stranding about two hundred passengers on the quay.\n"                \
	"The coast guard moved six fishing boats into the inner basin "        \
	"before the winds peaked in the afternoon.\n"                          \
	"Mayor Elena Voss said crews would inspect the damaged piers once "    \
	"the sea had calmed, and the terminal would stay shut until then.\n"

/* An article whose copy_of names another article of the story is the
 * same outlet's text: it counts once with its original. */
static void test_independent_counts_copies_once(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "orig", "Coastal Wire", utc(2025, 3, 11, 8), STORM_REPORT);
	add(f, "copy", "Bay Times", utc(2025, 3, 11, 9), STORM_REPORT);
	add(f, "own", "Harbour Herald", utc(2025, 3, 11, 10),
	    "Saltmere's ferry terminal was shut by the storm on Tuesday and "
	    "will stay closed until the piers are checked.");
	fx_story(f);
	/* the pipeline's copy detection found the copy */
	assert_non_null(f->arts[1]->copy_of);
	assert_string_equal(f->arts[1]->copy_of, "orig");
	assert_int_equal(f->st.root[1], 0);
	uint8_t all[3] = {1, 1, 1}, pair[3] = {1, 1, 0}, two[3] = {0, 1, 1};
	uint8_t one[3] = {0, 0, 1};
	assert_int_equal(cr_story_independent(&f->st, all), 2);
	assert_int_equal(cr_story_independent(&f->st, pair), 1);
	assert_int_equal(cr_story_independent(&f->st, two), 2);
	assert_int_equal(cr_story_independent(&f->st, one), 1);
	fx_free(f);
}

/* Two articles of one outlet are one source, even when neither copies
 * the other; articles without an outlet are told apart by id. */
static void test_independent_counts_an_outlet_once(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a1", "Coastal Wire", utc(2025, 3, 11, 8),
	    "A winter storm closed the Saltmere ferry terminal on Tuesday.");
	add(f, "a2", "Coastal Wire", utc(2025, 3, 11, 15),
	    "The Saltmere ferry terminal stayed shut into Tuesday evening as "
	    "crews checked the piers.");
	add(f, "n1", NULL, utc(2025, 3, 11, 9),
	    "Ferries to Saltmere were cancelled on Tuesday because of the "
	    "storm.");
	add(f, "n2", NULL, utc(2025, 3, 11, 10),
	    "Passengers waited on the Saltmere quay for news of the ferries.");
	fx_story(f);
	assert_null(f->arts[1]->copy_of);
	uint8_t all[4] = {1, 1, 1, 1}, same[4] = {1, 1, 0, 0};
	uint8_t anon[4] = {0, 0, 1, 1};
	assert_int_equal(cr_story_independent(&f->st, same), 1);
	assert_int_equal(cr_story_independent(&f->st, anon), 2);
	assert_int_equal(cr_story_independent(&f->st, all), 3);
	fx_free(f);
}

/* cr_artset_from_mask keeps ascending indices. */
static void test_artset_from_mask(void **state)
{
	(void)state;
	cr_arena *ar = cr_arena_create();
	assert_non_null(ar);
	uint8_t m[5] = {0, 1, 0, 1, 1};
	cr_artset s = cr_artset_from_mask(ar, m, 5);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.idx[0], 1);
	assert_int_equal(s.idx[1], 3);
	assert_int_equal(s.idx[2], 4);
	uint8_t z[2] = {0, 0};
	s = cr_artset_from_mask(ar, z, 2);
	assert_int_equal(s.n, 0);
	cr_arena_destroy(ar);
}

/* ---- the alignment model ----------------------------------------------- */

/* A story of two one-sentence reports: every shared word is in both
 * sentences, so idf weights say little and the hand-set rule's floor of
 * shared weight is never reached. The learnt model still sees a
 * restatement (same words, same order, same length) and tells it from a
 * sentence on another matter. */
static void test_two_sentence_story_aligns(void **state)
{
	(void)state;
	static const struct {
		const char *b;
		int same;
	} cases[] = {
	        {"The Saltmere council approved a new budget for the harbour "
	         "repairs on Tuesday evening.",
	         1},
	        {"Forecasters expect strong winds to return to the northern "
	         "coast by the weekend.",
	         0},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		fx *f = fx_new();
		add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
		    "The Saltmere council approved the new budget for harbour "
		    "repairs on Tuesday evening.");
		add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9), cases[k].b);
		fx_story(f);
		uint32_t u = f->st.ubeg[0], v = f->st.ubeg[1];
		int both = cr_unit_support(&f->st, u)[1] &&
		           cr_unit_support(&f->st, v)[0];
		if (both != cases[k].same)
			fail_msg("'%.*s': stated both ways %d, want %d",
			         UTEXT(f, v), both, cases[k].same);
		fx_free(f);
	}
}

/* The model's inputs: word order, negation and leftover words. */
static void test_features(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Harbour Herald", utc(2025, 3, 11, 8),
	    "The harbour board approved the pier repairs on Tuesday.\n"
	    "Fishing crews said the catch had fallen sharply this winter.");
	add(f, "b", "Coastal Wire", utc(2025, 3, 11, 9),
	    "On Tuesday the pier repairs were approved by the harbour board.\n"
	    "The harbour board did not approve the pier repairs on Tuesday.");
	fx_story(f);
	uint32_t a = unit_at(f, 0, "The harbour board", 0);
	uint32_t b = unit_at(f, 1, "On Tuesday", 0);
	uint32_t neg = unit_at(f, 1, "The harbour board did not", 0);
	double fb[CR_AF_COUNT], fn[CR_AF_COUNT], fs[CR_AF_COUNT];
	cr_unit_features(&f->st, a, b, fb);
	cr_unit_features(&f->st, a, neg, fn);
	cr_unit_features(&f->st, a, a, fs);
	/* the same sentence: everything shared, in order */
	assert_true(fs[CR_AF_DICE_COUNT] > 0.999);
	assert_true(fs[CR_AF_ORDER] > 0.999);
	assert_true(fs[CR_AF_LEFT_MAX] == 0);
	/* the same words reordered: all shared, order and bigrams lower */
	assert_true(fb[CR_AF_DICE_COUNT] > 0.999);
	assert_true(fb[CR_AF_ORDER] < 0.9);
	assert_true(fb[CR_AF_BIGRAMS] < fs[CR_AF_BIGRAMS]);
	assert_true(fb[CR_AF_NEGATION] == 0);
	/* "did not approve" against "approved" */
	assert_true(fn[CR_AF_NEGATION] == 1);
	fx_free(f);
}

/* The MT-style features: n-gram matches with stopwords kept, word edit
 * distance, numbers both sides write, and names one side lacks. */
static void test_mt_features(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Valley Post", utc(2025, 6, 2, 8),
	    "The council of Brandmoor sold 40 acres to a builder last year.");
	add(f, "b", "River Daily", utc(2025, 6, 2, 9),
	    "The council of Brandmoor sold 40 acres to a builder last year.\n"
	    "Last year a builder bought 40 acres from the Brandmoor council.\n"
	    "The council of Brandmoor sold 65 acres to Ostrava Homes last "
	    "year.");
	fx_story(f);
	uint32_t a = unit_at(f, 0, "The council", 0);
	uint32_t same = unit_at(f, 1, "The council of Brandmoor sold 40", 0);
	uint32_t re = unit_at(f, 1, "Last year", 0);
	uint32_t diff = unit_at(f, 1, "The council of Brandmoor sold 65", 0);
	double fs[CR_AF_COUNT], fr[CR_AF_COUNT], fd[CR_AF_COUNT];
	cr_unit_features(&f->st, a, same, fs);
	cr_unit_features(&f->st, a, re, fr);
	cr_unit_features(&f->st, a, diff, fd);
	/* the same words in the same order match at every length */
	assert_true(fs[CR_AF_WORD1] > 0.999 && fs[CR_AF_WORD4] > 0.999);
	assert_true(fs[CR_AF_EDIT] == 0);
	assert_true(fs[CR_AF_NUM_SAME] == 1 && fs[CR_AF_NUM_DIFF] == 0);
	/* reworded: words shared, few of their 4-grams, many edits */
	assert_true(fr[CR_AF_WORD1] > 0.5);
	assert_true(fr[CR_AF_WORD4] < 0.2);
	assert_true(fr[CR_AF_EDIT] > 0.5);
	assert_true(fr[CR_AF_NUM_SAME] == 1);
	/* another figure and a buyer the first does not name */
	assert_true(fd[CR_AF_NUM_DIFF] == 1 && fd[CR_AF_NUM_SAME] == 0);
	assert_true(fd[CR_AF_CAP_LEFT] > 0);
	assert_true(fs[CR_AF_CAP_LEFT] == 0);
	assert_true(fd[CR_AF_WORD2] < fs[CR_AF_WORD2]);
	fx_free(f);
}

/* The features of what one report adds: character n-grams, precision
 * both ways, a clause at the end and its connective, reporting words,
 * and counts that stop at 1.5 however long the sentences. */
static void test_added_clause_features(void **state)
{
	(void)state;
	fx *f = fx_new();
	add(f, "a", "Valley Post", utc(2025, 6, 2, 8),
	    "The council of Brandmoor sold the old mill to a builder.");
	add(f, "b", "River Daily", utc(2025, 6, 2, 9),
	    "The council of Brandmoor sold the old mill to a builder, a "
	    "spokesman said.\n"
	    "The council of Brandmoor sold the old mill to a builder and "
	    "voted to close the eastern ferry landing next spring.\n"
	    "Ferries from Ostrava, Kessing, Marl, Dunmore, Pell, Arden, "
	    "Holt, Varna, Lisk, Orme, Tarrow, Fenwick, Brack, Corran, Dill, "
	    "Ember and Gask will stop calling there in May.");
	fx_story(f);
	uint32_t a = unit_at(f, 0, "The council", 0);
	uint32_t said = unit_at(f, 1,
	                        "The council of Brandmoor sold the old "
	                        "mill to a builder, a",
	                        0);
	uint32_t more = unit_at(f, 1,
	                        "The council of Brandmoor sold the old "
	                        "mill to a builder and",
	                        0);
	uint32_t far = unit_at(f, 1, "Ferries", 0);
	double fa[CR_AF_COUNT], fs[CR_AF_COUNT], fm[CR_AF_COUNT],
	        ff[CR_AF_COUNT];
	cr_unit_features(&f->st, a, a, fa);
	cr_unit_features(&f->st, a, said, fs);
	cr_unit_features(&f->st, a, more, fm);
	cr_unit_features(&f->st, a, far, ff);
	/* the same sentence: every n-gram and word shared */
	assert_true(fa[CR_AF_CHAR3] > 0.999 && fa[CR_AF_CHAR5] > 0.999);
	assert_true(fa[CR_AF_PREC_MIN] > 0.999);
	assert_true(fa[CR_AF_TAIL_LEFT] == 0 && fa[CR_AF_RUN_LEFT] == 0);
	/* "a spokesman said": reporting words, not a clause */
	assert_true(fs[CR_AF_SAY_LEFT] > 0 && fs[CR_AF_SAID] == 1);
	assert_true(fs[CR_AF_LINK_LEFT] == 0);
	assert_true(fs[CR_AF_PREC_MAX] > 0.999 && fs[CR_AF_PREC_MIN] < 1);
	/* "and voted to close ...": a connective and a clause at the end */
	assert_true(fm[CR_AF_LINK_LEFT] > 0 && fm[CR_AF_SAY_LEFT] == 0);
	assert_true(fm[CR_AF_TAIL_LEFT] > fs[CR_AF_TAIL_LEFT]);
	assert_true(fm[CR_AF_RUN_LEFT] > 0);
	assert_true(fm[CR_AF_CHAR3] < fs[CR_AF_CHAR3]);
	/* a long list of names: the counts stop at 1.5 */
	assert_true(ff[CR_AF_CAP_LEFT] == 1.5 && ff[CR_AF_LEN_MAX] <= 1.5);
	assert_true(ff[CR_AF_LEFT_MAX] == 1.5);
	fx_free(f);
}

/* The word tables align.c searches by halves are in order: out of
 * order, a synonym or a pinning word would silently go unfolded. */
static void test_tables_are_sorted(void **state)
{
	(void)state;
	assert_true(cr_align_tables_ok());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_tables_are_sorted),
	        cmocka_unit_test(test_while_cuts_a_sentence_into_clauses),
	        cmocka_unit_test(test_days_after_does_not_cut),
	        cmocka_unit_test(test_quotes_are_not_cut),
	        cmocka_unit_test(test_short_side_is_not_cut),
	        cmocka_unit_test(test_shut_and_closed_are_one_term),
	        cmocka_unit_test(test_negated_close_meets_open),
	        cmocka_unit_test(test_mutual_support),
	        cmocka_unit_test(test_topic_sentence_is_not_supported),
	        cmocka_unit_test(test_independent_counts_copies_once),
	        cmocka_unit_test(test_independent_counts_an_outlet_once),
	        cmocka_unit_test(test_artset_from_mask),
	        cmocka_unit_test(test_two_sentence_story_aligns),
	        cmocka_unit_test(test_features),
	        cmocka_unit_test(test_mt_features),
	        cmocka_unit_test(test_added_clause_features),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

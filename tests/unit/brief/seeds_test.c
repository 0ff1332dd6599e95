/*
 * seeds_test.c - the expected briefing of the seed story, from a careful
 * reading of the three articles in ../shared/data/seeds/.
 *
 * Article 0 (no outlet named), article 1 (Global News) and article 2 (no
 * outlet named) report the closure of the US and other embassies in Kyiv
 * on 20 November 2024. Each expected fact is named in our own words, and
 * found in the briefing by short key phrases: one per article that can
 * be the fact's wording. The test asserts the articles listed beside each
 * fact, each conflict and each quote; it never asserts the briefing's
 * wording beyond the key phrases.
 */
#include "test_util.h"

#include "crossread/crossread.h"

#define A0 "000_330ab2233b7fa36d"
#define A1 "001_bca26eab98564e8c"
#define A2 "002_0aef50a3d59df950"

typedef struct seeds {
	cr_pipeline *p;
	cr_briefing **b;
	size_t n;
	cr_diag d;
} seeds;

static int setup(void **state)
{
	const char *data = cr_test_shared_data("the seeds briefing");
	if (!data) {
		*state = NULL;
		return 0;
	}
	seeds *s = calloc(1, sizeof *s);
	char path[4096];
	snprintf(path, sizeof path, "%s/seeds", data);
	s->p = cr_pipeline_new(&s->d);
	if (!s->p || cr_pipeline_add_path(s->p, path) != CR_OK ||
	    cr_pipeline_brief(s->p, NULL, &s->b, &s->n) != CR_OK)
		return -1;
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	seeds *s = *state;
	if (!s)
		return 0;
	cr_pipeline_free_briefings(s->b, s->n);
	cr_pipeline_free(s->p);
	free(s);
	return 0;
}

#define NEED_DATA(s)                                                           \
	do {                                                                   \
		if (!(s)) {                                                    \
			skip();                                                \
			return;                                                \
		}                                                              \
	} while (0)

/* "A0,A2" style list of the ids of a set, sorted as the briefing keeps
 * them (article order). */
static void ids_of(const cr_briefing *b, cr_artset s, char *out, size_t n)
{
	out[0] = '\0';
	for (uint32_t i = 0; i < s.n; i++) {
		const char *id = b->arts[s.idx[i]]->id;
		const char *tag = !strcmp(id, A0)   ? "A0"
		                  : !strcmp(id, A1) ? "A1"
		                  : !strcmp(id, A2) ? "A2"
		                                    : id;
		if (i)
			strncat(out, ",", n - strlen(out) - 1);
		strncat(out, tag, n - strlen(out) - 1);
	}
}

static int has_any(const char *text, const char *const *keys)
{
	for (; *keys; keys++)
		if (strstr(text, *keys))
			return 1;
	return 0;
}

static void test_one_story_of_three(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	assert_int_equal(s->n, 1);
	assert_int_equal(s->b[0]->n_arts, 3);
	assert_int_equal(s->b[0]->independent_sources, 3);
	assert_int_equal(s->d.n_rejected, 0);
	for (uint32_t i = 0; i < 3; i++)
		assert_null(s->b[0]->arts[i]->copy_of);
}

/* Every line that is not the article is removed, with its reason. */
static void test_removed_lines(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	static const struct {
		const char *article, *key, *reason;
	} expect[] = {
	        {A0, "Today", "stray"},
	        {A1, "Global News", "site-name"},
	        {A1, "can be followed here", "teaser"},
	        {A1, "Further information can be found", "teaser"},
	        {A2, "newsletter for free", "promo"},
	        {A2, "Your guide to", "tagline"},
	        {A2, "Additional reporting by", "credit"},
	};
	const cr_briefing *b = s->b[0];
	uint32_t total = 0;
	for (uint32_t i = 0; i < b->n_arts; i++)
		total += b->arts[i]->n_removed;
	assert_int_equal(total, sizeof expect / sizeof *expect);
	for (size_t k = 0; k < sizeof expect / sizeof *expect; k++) {
		int found = 0;
		for (uint32_t i = 0; i < b->n_arts; i++) {
			const cr_article *a = b->arts[i];
			if (strcmp(a->id, expect[k].article))
				continue;
			for (uint32_t r = 0; r < a->n_removed; r++)
				if (strstr(a->removed[r].text, expect[k].key) &&
				    !strcmp(a->removed[r].reason,
				            expect[k].reason))
					found = 1;
			/* ...and the body no longer holds it. */
			if (strcmp(expect[k].key, "Global News"))
				assert_null(strstr(a->body, expect[k].key));
		}
		if (!found)
			fail_msg("not removed: %s (%s)", expect[k].key,
			         expect[k].reason);
	}
	/* The site name left the title and became the outlet. */
	for (uint32_t i = 0; i < b->n_arts; i++) {
		const cr_article *a = b->arts[i];
		if (!strcmp(a->id, A1)) {
			assert_string_equal(a->source, "Global News");
			assert_null(strstr(a->title, "|"));
		}
		if (!strcmp(a->id, A2))
			assert_null(a->title); /* its first lines are promos */
	}
}

/* No sentence is lost: every line of each file that was not removed is
 * in the body, and the body has each article's closing sentence. */
static void test_no_sentence_lost(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	const cr_briefing *b = s->b[0];
	for (uint32_t i = 0; i < b->n_arts; i++) {
		const cr_article *a = b->arts[i];
		const char *p = a->raw;
		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			char line[8192];
			snprintf(line, sizeof line, "%.*s", (int)len, p);
			int removed = 0;
			for (uint32_t r = 0; r < a->n_removed; r++)
				if (strstr(line, a->removed[r].text))
					removed = 1;
			/* a line that lost a teaser sentence keeps the rest */
			if (len && !removed &&
			    !(a->title && !strcmp(line, a->title)) &&
			    !(a->title && strstr(line, a->title) == line))
				if (!strstr(a->body, line))
					fail_msg("%s lost a line: %.60s", a->id,
					         line);
			p += len + (nl ? 1 : 0);
		}
	}
	/* A sentence that shares its line with a teaser is kept. */
	for (uint32_t i = 0; i < b->n_arts; i++)
		if (!strcmp(b->arts[i]->id, A1))
			assert_non_null(strstr(b->arts[i]->body,
			                       "embassy remains open"));
}

/* No removed line appears anywhere else in the briefing. */
static void test_no_boilerplate_in_briefing(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	const cr_briefing *b = s->b[0];
	static const char *const bad[] = {
	        "newsletter",           "Your guide to",
	        "followed here",        "Further information",
	        "Additional reporting", "Today",
	        "| Global News",        NULL};
	for (uint32_t i = 0; i < b->n_facts; i++)
		assert_false(has_any(b->facts[i].text, bad));
	for (uint32_t i = 0; i < b->n_summary; i++)
		assert_false(has_any(b->summary[i].text, bad));
	for (uint32_t i = 0; i < b->n_quotes; i++)
		assert_false(has_any(b->quotes[i].text, bad));
	for (uint32_t i = 0; i < b->n_timeline; i++)
		assert_false(has_any(b->timeline[i].event, bad));
	for (uint32_t i = 0; i < b->n_entities; i++) {
		assert_string_not_equal(b->entities[i].name,
		                        "Eleni Varvitsioti");
		assert_string_not_equal(b->entities[i].name, "Barney Jopson");
	}
}

typedef struct fact_expect {
	const char *what;     /* in our words */
	const char *keys[5];  /* phrases that can word it */
	const char *articles; /* who states it */
} fact_expect;

/* On shelter, a careful reading gives two facts, not one: A0 and A1 say
 * US citizens should be prepared to shelter (A1: if an alert is
 * announced); A2 says the embassy urged them to seek shelter, a different
 * instruction given among others (monitor local media, follow the
 * authorities). */
static const fact_expect facts[] = {
        {"US citizens told to be prepared to shelter",
         {"prepared to shelter"},
         "A0,A1"},
        {"US citizens in Ukraine urged to seek shelter",
         {"urged US citizens"},
         "A2"},
        {"the US embassy closed over an air attack threat",
         {"temporarily shuttered", "delegation closed its embassy",
          "closed their doors", "closure of the US"},
         "A0,A1,A2"},
        {"Italy and Greece closed their embassies too",
         {"Italy, Spain and Greece", "Greek embassies have closed",
          "embassies of Italy and Greece"},
         "A0,A1,A2"},
        {"the UK embassy stays open",
         {"remains open", "decided not to close"},
         "A1,A2"},
        {"Germany's embassy works in a limited way",
         {"limited capacity"},
         "A1"},
        {"Ukraine fired ATACMS at Russia on Tuesday",
         {"six US-supplied", "six US-made", "first strike on Russian soil"},
         "A0,A1,A2"},
        {"Russia lowered its nuclear threshold",
         {"lowered its threshold", "decreased the threshold",
          "signed a decree"},
         "A0,A1,A2"},
        {"Moscow calls the missile decision an escalation",
         {"serious escalation", "criticized by Moscow"},
         "A0,A1"},
        {"the US allows Ukraine anti-personnel landmines",
         {"antipersonnel landmines", "anti-personnel landmines"},
         "A0,A1"},
        {"North Korean troops fight for Russia",
         {"North Korean soldiers", "North Korean troops"},
         "A0,A1"},
        {"Trump takes office in January",
         {"Donald Trump returns", "Donald Trump takes office"},
         "A0,A2"},
        {"Ukraine downed 56 of 122 drones", {"56 out of 122"}, "A2"},
        {"North Korea sent 170mm guns", {"170mm"}, "A0"},
        {"power cuts: keep water, food and medication",
         {"loss of electricity"},
         "A2"},
};

/* Each expected fact is in the briefing once, with exactly its
 * articles, and its agreement mark follows from them. */
static void test_facts(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	const cr_briefing *b = s->b[0];
	int bad = 0;
	for (size_t k = 0; k < sizeof facts / sizeof *facts; k++) {
		const fact_expect *fx = &facts[k];
		int found = 0;
		for (uint32_t i = 0; i < b->n_facts; i++) {
			if (!has_any(b->facts[i].text, fx->keys))
				continue;
			char ids[64];
			ids_of(b, b->facts[i].arts, ids, sizeof ids);
			if (!strcmp(ids, fx->articles)) {
				found++;
				/* no copies among the seeds: outlets = articles
				 */
				uint8_t want = b->facts[i].arts.n == 3
				                       ? CR_AGREE_ALL
				               : b->facts[i].arts.n == 1
				                       ? CR_AGREE_ONE
				                       : CR_AGREE_SOME;
				assert_int_equal(b->facts[i].independent,
				                 b->facts[i].arts.n);
				assert_int_equal(b->facts[i].agreement, want);
			} else {
				print_message("fact '%s': listed %s, expected "
				              "%s: %s\n",
				              fx->what, ids, fx->articles,
				              b->facts[i].text);
				bad++;
			}
		}
		if (found != 1) {
			print_message("fact '%s' found %d times with %s\n",
			              fx->what, found, fx->articles);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* The summary's attributions: each sentence lists every article that
 * states it; the summary spans outlets and has at most five sentences. */
static void test_summary(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	const cr_briefing *b = s->b[0];
	assert_true(b->n_summary >= 3 && b->n_summary <= 5);
	uint8_t from[3] = {0};
	for (uint32_t i = 0; i < b->n_summary; i++) {
		const cr_bsentence *sm = &b->summary[i];
		/* the same sentence as a fact carries the same articles */
		for (size_t k = 0; k < sizeof facts / sizeof *facts; k++) {
			if (!has_any(sm->text, facts[k].keys))
				continue;
			char ids[64];
			ids_of(b, sm->arts, ids, sizeof ids);
			if (strcmp(ids, facts[k].articles))
				fail_msg("summary '%s' lists %s, expected %s",
				         sm->text, ids, facts[k].articles);
		}
		for (uint32_t j = 0; j < sm->arts.n; j++)
			from[sm->arts.idx[j]] = 1;
	}
	assert_true(from[0] && from[1] && from[2]);
}

static const cr_bconflict *find_conflict(const cr_briefing *b,
                                         const char *value)
{
	for (uint32_t i = 0; i < b->n_conflicts; i++)
		for (uint32_t k = 0; k < b->conflicts[i].n_claims; k++)
			if (!strcmp(b->conflicts[i].claims[k].value, value))
				return &b->conflicts[i];
	return NULL;
}

static void claim_is(const cr_briefing *b, const cr_bconflict *c,
                     const char *value, const char *articles)
{
	for (uint32_t k = 0; k < c->n_claims; k++) {
		if (strcmp(c->claims[k].value, value))
			continue;
		char ids[64];
		ids_of(b, c->claims[k].arts, ids, sizeof ids);
		assert_string_equal(ids, articles);
		return;
	}
	fail_msg("conflict '%s' has no claim '%s'", c->about, value);
}

/* Exactly two real disagreements: whether Spain's embassy closed or sent
 * its staff home, and which day of the war it is (1,000th or 1001st). */
static void test_conflicts(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	const cr_briefing *b = s->b[0];
	for (uint32_t i = 0; i < b->n_conflicts; i++)
		print_message("conflict: %s\n", b->conflicts[i].about);
	assert_int_equal(b->n_conflicts, 2);
	const cr_bconflict *spain = find_conflict(b, "working from home");
	assert_non_null(spain);
	assert_non_null(strstr(spain->about, "Spain"));
	assert_int_equal(spain->n_claims, 2);
	claim_is(b, spain, "closed", "A0,A1");
	claim_is(b, spain, "working from home", "A2");
	assert_int_equal(spain->kind, CR_CONFLICT_CONTRADICTION);

	const cr_bconflict *day = find_conflict(b, "1001st");
	assert_non_null(day);
	assert_int_equal(day->n_claims, 2);
	claim_is(b, day, "1001st", "A0");
	claim_is(b, day, "1,000th", "A1");
}

typedef struct quote_expect {
	const char *key;
	const char *speaker;
	const char *articles;
} quote_expect;

/* Every direct quote with its speaker and the articles that carry it. */
static void test_quotes(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	static const quote_expect qs[] = {
	        {"abundance of caution", "US embassy", "A0"},
	        {"constant contact with partners", "Ukrainian Foreign Ministry",
	         "A0"},
	        {"1001st day", "Ukrainian Foreign Ministry", "A0"},
	        {"adding fuel to the fire", "Dmitry Peskov", "A0"},
	        {"received specific information", "US embassy", "A2"},
	        {"shelter in place", "US embassy", "A0,A2"},
	        {"combined missile and drone attack", "US embassy official",
	         "A2"},
	        {"temporary change in posture", "US embassy official", "A2"},
	        {"a definite risk", "Yuriy Ignat", "A2"},
	        {"shoot down as much as possible", "Yuriy Ignat", "A2"},
	        {"large-scale strikes on Ukraine", "Andriy Kovalenko", "A2"},
	        {"remain vigilant", "Andriy Kovalenko", "A2"},
	};
	const cr_briefing *b = s->b[0];
	int bad = 0;
	for (size_t k = 0; k < sizeof qs / sizeof *qs; k++) {
		const cr_bquote *q = NULL;
		for (uint32_t i = 0; i < b->n_quotes && !q; i++)
			if (strstr(b->quotes[i].text, qs[k].key) &&
			    (!strcmp(qs[k].key, "shelter in place")
			             ? strlen(b->quotes[i].text) < 24
			             : 1))
				q = &b->quotes[i];
		if (!q) {
			print_message("missing quote: %s\n", qs[k].key);
			bad++;
			continue;
		}
		char ids[64];
		ids_of(b, q->arts, ids, sizeof ids);
		if (!q->speaker || strcmp(q->speaker, qs[k].speaker) ||
		    strcmp(ids, qs[k].articles)) {
			print_message("quote '%s': %s [%s], expected %s [%s]\n",
			              qs[k].key,
			              q->speaker ? q->speaker : "(none)", ids,
			              qs[k].speaker, qs[k].articles);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* Each person, place and organisation is listed once. */
static void test_entities_unique(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	const cr_briefing *b = s->b[0];
	for (uint32_t i = 0; i < b->n_entities; i++)
		for (uint32_t j = i + 1; j < b->n_entities; j++) {
			const char *x = b->entities[i].name,
			           *y = b->entities[j].name;
			if (!strcasecmp(x, y))
				fail_msg("entity listed twice: %s", x);
		}
	static const char *const people[] = {
	        "Joe Biden",    "Vladimir Putin", "Dmitry Peskov",
	        "Donald Trump", "Yuriy Ignat",    "Andriy Kovalenko"};
	for (size_t k = 0; k < sizeof people / sizeof *people; k++) {
		int found = 0;
		for (uint32_t i = 0; i < b->n_entities; i++)
			if (!strcmp(b->entities[i].name, people[k])) {
				found = 1;
				assert_int_equal(b->entities[i].type,
				                 CR_ENT_PERSON);
			}
		if (!found)
			fail_msg("person missing: %s", people[k]);
	}
	/* surnames alone were merged into the full names */
	for (uint32_t i = 0; i < b->n_entities; i++) {
		assert_string_not_equal(b->entities[i].name, "Biden");
		assert_string_not_equal(b->entities[i].name, "Putin");
		assert_string_not_equal(b->entities[i].name, "Ignat");
	}
}

static const cr_bevent *event_with(const cr_briefing *b, const char *key)
{
	for (uint32_t i = 0; i < b->n_timeline; i++)
		if (strstr(b->timeline[i].event, key))
			return &b->timeline[i];
	return NULL;
}

/* The strike on Russia (Tuesday) comes before the closures (Wednesday,
 * November 20); with no publication date, the year comes from the texts
 * (a weekday that agrees with "November 20", after "February 2022"). */
static void test_timeline(void **state)
{
	seeds *s = *state;
	NEED_DATA(s);
	const cr_briefing *b = s->b[0];
	/* the strike, in whichever outlet's words, told by all three */
	const cr_bevent *strike = event_with(b, "first strike on Russian soil");
	if (!strike)
		strike = event_with(b, "six US-made");
	if (!strike)
		strike = event_with(b, "six US-supplied");
	assert_non_null(strike);
	char ids[64];
	ids_of(b, strike->arts, ids, sizeof ids);
	assert_string_equal(ids, "A0,A1,A2");
	/* the closure, in whichever outlet's words */
	const cr_bevent *shut = event_with(b, "shut on Wednesday");
	if (!shut)
		shut = event_with(b, "delegation closed its embassy");
	assert_non_null(strike);
	assert_non_null(shut);
	assert_true(strike->has_date && shut->has_date);
	assert_int_equal(strike->year, 2024);
	assert_int_equal(strike->month, 11);
	assert_int_equal(strike->day, 19);
	assert_int_equal(shut->year, 2024);
	assert_int_equal(shut->month, 11);
	assert_int_equal(shut->day, 20);
	assert_true(strike < shut); /* ordered by date */
	for (uint32_t i = 1; i < b->n_timeline; i++) {
		const cr_bevent *p = &b->timeline[i - 1], *c = &b->timeline[i];
		if (p->has_date && c->has_date)
			assert_true(p->year * 10000 + p->month * 100 + p->day <=
			            c->year * 10000 + c->month * 100 + c->day);
		else
			assert_true(p->has_date || !c->has_date);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_one_story_of_three),
	        cmocka_unit_test(test_removed_lines),
	        cmocka_unit_test(test_no_sentence_lost),
	        cmocka_unit_test(test_no_boilerplate_in_briefing),
	        cmocka_unit_test(test_facts),
	        cmocka_unit_test(test_summary),
	        cmocka_unit_test(test_conflicts),
	        cmocka_unit_test(test_quotes),
	        cmocka_unit_test(test_entities_unique),
	        cmocka_unit_test(test_timeline),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

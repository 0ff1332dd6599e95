/*
 * clean_test.c - tests of src/ingest/clean.c: the boilerplate of the
 * seed outlets (in our own words), false removals on ordinary news
 * sentences, titles and site names, and a check against the DUC 2006
 * articles in ../shared/data (skipped visibly when absent).
 */
#include "test_util.h"

#include <jansson.h>

#include "ingest/clean.h"
#include "ingest/ingest.h"

/* An article whose raw text is text, as ingest would make it. */
static cr_article *raw_article(const char *text)
{
	cr_article *a = cr_article_create();
	assert_non_null(a);
	size_t n = strlen(text);
	a->raw = cr_arena_strndup(a->arena, text, n);
	a->raw_len = (uint32_t)n;
	a->id = "t";
	return a;
}

static cr_article *cleaned(const char *text)
{
	cr_article *a = raw_article(text);
	assert_int_equal(cr_clean(a), CR_OK);
	assert_non_null(a->body);
	assert_int_equal(strlen(a->body), a->body_len);
	return a;
}

/* The reason text was removed for, or NULL when it was not. */
static const char *removed_for(const cr_article *a, const char *text)
{
	for (uint32_t i = 0; i < a->n_removed; i++)
		if (strcmp(a->removed[i].text, text) == 0)
			return a->removed[i].reason;
	return NULL;
}

static void test_newsletter_promo_and_tagline(void **state)
{
	(void)state;
	cr_article *a = cleaned(
	        "Unlock the Capitol Briefing newsletter for free\n"
	        "Your guide to what the next budget means for families and "
	        "firms\n"
	        "Two Baltic ports closed their terminals on Monday after a "
	        "storm "
	        "damaged the cranes that load container ships bound for the "
	        "North Sea, harbour officials in both cities said in a joint "
	        "statement.\n"
	        "The ports expect to reopen on Thursday.\n");
	assert_int_equal(a->n_removed, 2);
	assert_string_equal(removed_for(a, "Unlock the Capitol Briefing "
	                                   "newsletter for free"),
	                    "promo");
	assert_string_equal(removed_for(a, "Your guide to what the next "
	                                   "budget means for families and "
	                                   "firms"),
	                    "tagline");
	/* The first kept line is a long sentence: body, not title. */
	assert_null(a->title);
	assert_true(strncmp(a->body, "Two Baltic ports closed", 23) == 0);
	assert_non_null(strstr(a->body, "\nThe ports expect to reopen on "
	                                "Thursday."));
	cr_article_destroy(a);
}

static void test_teaser_sentence_inside_paragraph(void **state)
{
	(void)state;
	cr_article *a = cleaned(
	        "Storm closes Baltic ports\n"
	        "Cranes were damaged overnight.\n"
	        "Updates on the storm can be followed here. The harbour master "
	        "said repairs would take three days. Ferries are running.\n"
	        "Officials gave no estimate of the cost.");
	assert_string_equal(a->title, "Storm closes Baltic ports");
	assert_string_equal(removed_for(a, "Updates on the storm can be "
	                                   "followed here."),
	                    "teaser");
	assert_int_equal(a->n_removed, 1);
	assert_string_equal(a->body,
	                    "Cranes were damaged overnight.\n"
	                    "The harbour master said repairs would take "
	                    "three days. Ferries are running.\n"
	                    "Officials gave no estimate of the cost.");
	cr_article_destroy(a);
}

static void test_further_information_stray_and_credit(void **state)
{
	(void)state;
	cr_article *a = cleaned(
	        "Ports shut after storm | Harbour Daily\n"
	        "Two ports shut on Monday after a storm.\n"
	        "Further information can be found by reading Why the Baltic "
	        "matters and \xE2\x80\x98"
	        "A season of storms\xE2\x80\x99.\n"
	        "Advertisement\n"
	        "The ports expect to reopen on Thursday.\n"
	        "Additional reporting by Ana Lind in Riga and Tom Berg in "
	        "Tallinn\n"
	        "Today");
	assert_string_equal(a->title, "Ports shut after storm");
	assert_string_equal(a->source, "Harbour Daily");
	assert_string_equal(removed_for(a, "Harbour Daily"), "site-name");
	assert_string_equal(removed_for(a, "Advertisement"), "stray");
	assert_string_equal(removed_for(a, "Today"), "stray");
	assert_string_equal(removed_for(a, "Additional reporting by Ana Lind "
	                                   "in Riga and Tom Berg in Tallinn"),
	                    "credit");
	assert_int_equal(a->n_removed, 5);
	assert_string_equal(a->body, "Two ports shut on Monday after a storm.\n"
	                             "The ports expect to reopen on Thursday.");
	cr_article_destroy(a);
}

static void test_site_name_does_not_replace_source(void **state)
{
	(void)state;
	cr_article *a = raw_article("Embassy closes - BBC News\nThe embassy "
	                            "closed on Wednesday.");
	a->source = "Given Outlet";
	assert_int_equal(cr_clean(a), CR_OK);
	assert_string_equal(a->title, "Embassy closes");
	assert_string_equal(a->source, "Given Outlet");
	assert_string_equal(removed_for(a, "BBC News"), "site-name");
	cr_article_destroy(a);
}

static void test_title_dash_is_not_a_site(void **state)
{
	(void)state;
	/* A dash inside a headline is not a site name unless the part after
	 * it reads like an outlet. */
	cr_article *a = cleaned("Kyiv embassies close - and reopen a day "
	                        "later\nThe embassies reopened on Thursday.");
	assert_string_equal(a->title,
	                    "Kyiv embassies close - and reopen a day later");
	assert_null(a->source);
	assert_int_equal(a->n_removed, 0);
	cr_article_destroy(a);
	a = cleaned("Budget talks: Minister Smith - Live Updates\nTalks "
	            "continue.");
	assert_string_equal(a->title,
	                    "Budget talks: Minister Smith - Live Updates");
	cr_article_destroy(a);
	a = cleaned("Opinion | Why the ports matter more than ever to the "
	            "region\nPorts matter.");
	assert_string_equal(a->title, "Opinion | Why the ports matter more "
	                              "than ever to the region");
	cr_article_destroy(a);
}

static void test_promos_shares_teasers(void **state)
{
	(void)state;
	static const struct {
		const char *line, *why;
	} cases[] = {
	        {"Sign up for our free morning newsletter", "promo"},
	        {"Subscribe to our daily briefing", "promo"},
	        {"Download our app for the latest news", "promo"},
	        {"Get the app", "promo"},
	        {"Support our journalism", "promo"},
	        {"Become a member today", "promo"},
	        {"Share this article", "share"},
	        {"Share on Facebook", "share"},
	        {"Click to share on X (Opens in new window)", "share"},
	        {"Copy link", "share"},
	        {"Follow us on Instagram", "share"},
	        {"Read more: How the ports were built", "teaser"},
	        {"Read next", "teaser"},
	        {"Related: Storms of the decade", "teaser"},
	        {"See also: the ferry timetable", "teaser"},
	        {"Watch: Waves hit the harbour wall", "teaser"},
	        {"More on this story", "teaser"},
	        {"Follow live updates here", "teaser"},
	        {"You can follow our coverage of the storm here", "teaser"},
	        {"Reporting by Jan Novak; Editing by Mary Jones", "credit"},
	        {"(Reporting by Jan Novak in Prague; Writing by Ann Lee)",
	         "credit"},
	        {"Menu", "stray"},
	        {"Skip to content", "stray"},
	        {"Loading...", "stray"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[512];
		snprintf(text, sizeof text,
		         "Ports shut after storm\nThe ports shut on "
		         "Monday.\n%s\nThey reopen on Thursday.",
		         cases[i].line);
		cr_article *a = cleaned(text);
		const char *why = removed_for(a, cases[i].line);
		if (!why || strcmp(why, cases[i].why) != 0)
			fail_msg("\"%s\": removed for %s, expected %s",
			         cases[i].line, why ? why : "nothing",
			         cases[i].why);
		assert_string_equal(a->body, "The ports shut on Monday.\n"
		                             "They reopen on Thursday.");
		cr_article_destroy(a);
	}
}

static void test_real_sentences_stay(void **state)
{
	(void)state;
	/* Sentences with the words the rules look for, used as news. */
	static const char *const keep[] = {
	        "The minister said she would read the report before deciding.",
	        "Investors who follow the central bank closely expect a cut.",
	        "The company's newsletter, sent to 40,000 readers, first "
	        "reported the leak.",
	        "Read more widely, the ruling limits what police may search.",
	        "Subscribers to the service will pay 5 per cent more from "
	        "January.",
	        "Follow-up talks are due in Geneva next week.",
	        "Reporting by the local paper revealed the scheme in 2019.",
	        "Share prices fell 3 per cent in early trading.",
	        "Sign up rates for the programme doubled, officials said.",
	        "Updates to the software will be followed by a full review.",
	        "Related charges were dropped on Friday.",
	        "Watch officials said the levels were safe.",
	        "The latest figures show inflation at 2.4 per cent.",
	        "Today, the court will hear the appeal.",
	        "Download speeds in rural areas remain low.",
	        "Yes.",
	        "\xE2\x80\x9CNever.\xE2\x80\x9D",
	        "More than 200 people were evacuated from the coast.",
	        "She said readers could find the full report on the ministry's "
	        "website.",
	        "Share this information, please?",
	        "Download the maps to your phone before you travel, the guide "
	        "advises, as the app needs a signal.",
	};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		char text[512];
		snprintf(text, sizeof text,
		         "Ports shut after storm\nThe ports shut on "
		         "Monday. %s\n%s\nThey reopen on Thursday.",
		         keep[i], keep[i]);
		cr_article *a = cleaned(text);
		if (a->n_removed != 0)
			fail_msg("\"%s\" removed for %s", keep[i],
			         a->removed[0].reason);
		char want[1024];
		snprintf(want, sizeof want,
		         "The ports shut on Monday. %s\n%s\nThey reopen on "
		         "Thursday.",
		         keep[i], keep[i]);
		assert_string_equal(a->body, want);
		cr_article_destroy(a);
	}
}

static void test_several_sentences_judged_one_by_one(void **state)
{
	(void)state;
	cr_article *a = cleaned(
	        "Ports shut\nThe ports shut on Monday.\n"
	        "Sign up for our newsletter here. The storm hit at dawn.\n"
	        "Ferries resumed at noon. Reporting by Jan Novak");
	assert_string_equal(removed_for(a, "Sign up for our newsletter "
	                                   "here."),
	                    "promo");
	assert_string_equal(removed_for(a, "Reporting by Jan Novak"), "credit");
	assert_string_equal(a->body, "The ports shut on Monday.\n"
	                             "The storm hit at dawn.\n"
	                             "Ferries resumed at noon.");
	cr_article_destroy(a);
}

static void test_tagline_only_before_body(void **state)
{
	(void)state;
	/* A tagline-shaped line after the body started is kept. */
	cr_article *a = cleaned("Ports shut\nThe ports shut on Monday.\n"
	                        "Your guide to the harbour reopening\n");
	assert_int_equal(a->n_removed, 0);
	cr_article_destroy(a);
	/* "The latest ..." as the very first line is a headline. */
	a = cleaned("The latest storm to hit the Baltic coast\nThe ports "
	            "shut on Monday.");
	assert_string_equal(a->title,
	                    "The latest storm to hit the Baltic coast");
	assert_int_equal(a->n_removed, 0);
	cr_article_destroy(a);
	/* After the title, before the body, it is a tagline. */
	a = cleaned("Ports shut\nThe latest from the Baltic\nThe ports shut "
	            "on Monday.");
	assert_string_equal(removed_for(a, "The latest from the Baltic"),
	                    "tagline");
	cr_article_destroy(a);
}

static void test_one_word_lines(void **state)
{
	(void)state;
	/* A subheading inside the body and the items of a list stay; a
	 * separator goes, and so does a lone word at the end. */
	cr_article *a = cleaned(
	        "Panic attacks explained\n"
	        "Doctors describe the symptoms in a new leaflet for patients.\n"
	        "Symptoms\n"
	        "The leaflet lists what patients most often report to "
	        "doctors.\n"
	        "Sweating\nDizziness\nShortness of breath\n"
	        "------\n"
	        "The leaflet is free at pharmacies across the country.\n"
	        "Menu\n"
	        "Trending");
	assert_int_equal(a->n_removed, 3);
	assert_string_equal(removed_for(a, "------"), "stray");
	assert_string_equal(removed_for(a, "Menu"), "stray");
	assert_string_equal(removed_for(a, "Trending"), "stray");
	assert_non_null(strstr(a->body, "\nSymptoms\n"));
	assert_non_null(strstr(a->body, "\nSweating\nDizziness\n"));
	cr_article_destroy(a);
	/* Code lines are not separators. */
	a = cleaned("Async in Python\nThe loop runs every task until done.\n"
	            "}\nprint\nThe output follows below in the listing.");
	assert_int_equal(a->n_removed, 0);
	cr_article_destroy(a);
}

static void test_title_given(void **state)
{
	(void)state;
	cr_article *a = raw_article("Advertisement\nThe ports shut on "
	                            "Monday.\nThey reopen on Thursday.");
	a->title_given = 1;
	a->title = "Given title";
	assert_int_equal(cr_clean(a), CR_OK);
	assert_string_equal(a->title, "Given title");
	assert_string_equal(a->body, "The ports shut on Monday.\nThey reopen "
	                             "on Thursday.");
	assert_int_equal(a->n_removed, 1);
	cr_article_destroy(a);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	cr_article *a = cleaned("");
	assert_int_equal(a->body_len, 0);
	assert_null(a->title);
	cr_article_destroy(a);
	a = cleaned("\n\n  \t\n");
	assert_int_equal(a->body_len, 0);
	assert_null(a->title);
	cr_article_destroy(a);
	a = cleaned("Only a title");
	assert_string_equal(a->title, "Only a title");
	assert_int_equal(a->body_len, 0);
	cr_article_destroy(a);
}

static cr_err keep_one(void *ud, cr_article *a)
{
	cr_article **slot = ud;
	assert_null(*slot);
	*slot = a;
	return CR_OK;
}

/* The three seed files: what must go and what must stay. */
static void test_seed_files(void **state)
{
	(void)state;
	const char *data = cr_test_shared_data("clean seeds");
	if (!data)
		skip();
	static const struct {
		const char *file;
		unsigned removed;
		int has_title;
	} seeds[] = {{"000_330ab2233b7fa36d.txt", 1, 1},
	             {"001_bca26eab98564e8c.txt", 3, 1},
	             {"002_0aef50a3d59df950.txt", 3, 0}};
	for (size_t i = 0; i < 3; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/seeds/%s", data, seeds[i].file);
		cr_article *a = NULL;
		cr_diag d = {0};
		assert_int_equal(cr_ingest_path(path, keep_one, &a, &d), CR_OK);
		assert_non_null(a);
		assert_int_equal(cr_clean(a), CR_OK);
		printf("# %s: title %s, source %s\n", seeds[i].file,
		       a->title ? a->title : "(none)",
		       a->source ? a->source : "(none)");
		for (uint32_t r = 0; r < a->n_removed; r++)
			printf("#   removed (%s): %s\n", a->removed[r].reason,
			       a->removed[r].text);
		/* site-name counts as a removal too */
		assert_int_equal(a->n_removed, seeds[i].removed);
		assert_int_equal(a->title != NULL, seeds[i].has_title);
		assert_null(strstr(a->body, "newsletter for free"));
		assert_null(strstr(a->body, "can be followed here"));
		assert_null(strstr(a->body, "Further information"));
		assert_null(strstr(a->body, "Additional reporting"));
		size_t bl = a->body_len;
		assert_false(bl >= 6 &&
		             strcmp(a->body + bl - 6, "\nToday") == 0);
		cr_article_destroy(a);
	}
}

/* Counts lines of text (non-blank). */
static size_t count_lines(const char *s)
{
	size_t n = 0;
	int blank = 1;
	for (; *s; s++) {
		if (*s == '\n') {
			n += !blank;
			blank = 1;
		} else if (*s != ' ' && *s != '\t') {
			blank = 0;
		}
	}
	return n + !blank;
}

static unsigned words_of(const char *s)
{
	unsigned w = 0;
	int in = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t')
			in = 0;
		else if (!in && ++w)
			in = 1;
	}
	return w;
}

/* Cleans one DUC document made of raw; adds to the counters. */
static void clean_duc(const char *title, const char *raw, size_t *lines,
                      size_t *removed, const char *doc_id)
{
	cr_article *a = raw_article(raw);
	a->title_given = 1;
	a->title = title;
	assert_int_equal(cr_clean(a), CR_OK);
	*lines += count_lines(raw);
	*removed += a->n_removed;
	for (uint32_t r = 0; r < a->n_removed; r++) {
		printf("# %s removed (%s): %s\n", doc_id, a->removed[r].reason,
		       a->removed[r].text);
		if (words_of(a->removed[r].text) > 20)
			fail_msg("%s: removed a long line: %s", doc_id,
			         a->removed[r].text);
	}
	cr_article_destroy(a);
}

/* Real news text with no web boilerplate: the cleaner must leave it
 * almost untouched. Uses documents[].text (one line per article) and,
 * as a second view, documents[].paragraphs joined by '\n'. */
static void test_duc2006_false_removals(void **state)
{
	(void)state;
	const char *data = cr_test_shared_data("clean on DUC 2006");
	if (!data)
		skip();
	char path[4096];
	snprintf(path, sizeof path, "%s/duc2006/duc2006.jsonl", data);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t docs = 0, lines = 0, removed = 0, plines = 0, premoved = 0;
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, f) > 0) {
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		assert_non_null(o);
		json_t *ds = json_object_get(o, "documents");
		size_t i;
		json_t *doc;
		json_array_foreach(ds, i, doc)
		{
			const char *id = json_string_value(
			        json_object_get(doc, "doc_id"));
			const char *title = json_string_value(
			        json_object_get(doc, "title"));
			const char *text =
			        json_string_value(json_object_get(doc, "text"));
			assert_non_null(text);
			clean_duc(title, text, &lines, &removed, id);
			docs++;
			/* Paragraph view: one line per paragraph. */
			json_t *ps = json_object_get(doc, "paragraphs");
			size_t len = 1, j;
			json_t *p;
			json_array_foreach(ps, j, p) len +=
			        json_string_length(p) + 1;
			char *joined = malloc(len);
			assert_non_null(joined);
			size_t at = 0;
			json_array_foreach(ps, j, p)
			{
				size_t m = json_string_length(p);
				memcpy(joined + at, json_string_value(p), m);
				at += m;
				joined[at++] = '\n';
			}
			joined[at] = '\0';
			size_t before = premoved;
			char pid[128];
			snprintf(pid, sizeof pid, "%s(paragraphs)", id);
			clean_duc(title, joined, &plines, &premoved, pid);
			(void)before;
			free(joined);
		}
		json_decref(o);
	}
	free(line);
	fclose(f);
	printf("# DUC 2006 text: %zu documents, %zu lines, %zu removed\n", docs,
	       lines, removed);
	printf("# DUC 2006 paragraphs: %zu lines, %zu removed\n", plines,
	       premoved);
	assert_int_equal(docs, 1250);
	/* No web boilerplate in wire copy: at most a handful. */
	assert_true(removed <= 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_newsletter_promo_and_tagline),
	        cmocka_unit_test(test_teaser_sentence_inside_paragraph),
	        cmocka_unit_test(test_further_information_stray_and_credit),
	        cmocka_unit_test(test_site_name_does_not_replace_source),
	        cmocka_unit_test(test_title_dash_is_not_a_site),
	        cmocka_unit_test(test_promos_shares_teasers),
	        cmocka_unit_test(test_real_sentences_stay),
	        cmocka_unit_test(test_several_sentences_judged_one_by_one),
	        cmocka_unit_test(test_tagline_only_before_body),
	        cmocka_unit_test(test_one_word_lines),
	        cmocka_unit_test(test_title_given),
	        cmocka_unit_test(test_empty_and_blank),
	        cmocka_unit_test(test_seed_files),
	        cmocka_unit_test(test_duc2006_false_removals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

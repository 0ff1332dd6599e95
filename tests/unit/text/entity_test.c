/*
 * entity_test.c - tests of src/text/entity.c on invented news sentences.
 *
 * Each test analyses a short article with cr_analyze() and then runs the
 * rules, cr_entities_find(), again (the analyzer uses the learnt model
 * when it has one), and checks the mentions: names, types and demonyms.
 * cr_entities_from_tags(), which names what the model tags, is tested on
 * hand-written tags, with and without the gazetteer set.
 */
#include "test_util.h"

#include <dirent.h>

#include "text/analyze.h"
#include "text/entity.h"

/* An analysed article whose mentions are the rules' own. */
static cr_article *rules_analyzed(const char *id, const char *text)
{
	cr_article *a = cr_test_analyzed(id, text, CR_TIME_NONE);
	assert_int_equal(cr_entities_find(a), CR_OK);
	return a;
}

static const cr_mention *find(const cr_article *a, const char *name)
{
	for (uint32_t i = 0; i < a->n_ments; i++)
		if (!strcmp(a->ments[i].name, name))
			return &a->ments[i];
	return NULL;
}

static void test_titles_and_possessives(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "Canadian Prime Minister Justin Trudeau met President Joe "
	        "Biden on Monday. Joe Biden’s aides said the talks went well. "
	        "Later, Biden flew home to Washington.");
	assert_int_equal(cr_test_mentions(a, "Justin Trudeau", CR_ENT_PERSON),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Joe Biden", CR_ENT_PERSON), 2);
	assert_int_equal(cr_test_mentions(a, "Biden", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Washington", CR_ENT_PLACE), 1);
	const cr_mention *m = find(a, "Canada");
	assert_non_null(m);
	assert_int_equal(m->type, CR_ENT_PLACE);
	assert_int_equal(m->demonym, 1);
	assert_int_equal(cr_test_mentions(a, "Monday", -1), 0);
	assert_int_equal(cr_test_mentions(a, "Later", -1), 0);
	assert_int_equal(cr_test_mentions(a, "President Joe Biden", -1), 0);
	/* The span of a possessive stops before the apostrophe. */
	for (uint32_t i = 0; i < a->n_ments; i++)
		assert_null(memchr(cr_span_ptr(a, a->ments[i].span), '\'',
		                   a->ments[i].span.len));
	cr_article_destroy(a);
}

static void test_possessive_title_person(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "Turkey’s President Recep Erdogan spoke to reporters. "
	        "Recep Erdogan's spokesman Omar Celik later denied the claim.");
	assert_int_equal(cr_test_mentions(a, "Turkey", CR_ENT_PLACE), 1);
	assert_int_equal(find(a, "Turkey")->demonym, 0);
	assert_int_equal(cr_test_mentions(a, "Recep Erdogan", CR_ENT_PERSON),
	                 2);
	assert_int_equal(cr_test_mentions(a, "Omar Celik", CR_ENT_PERSON), 1);
	cr_article_destroy(a);
}

static void test_demonyms_and_embassies(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t", "The Dutch embassy in Vilnius closed on Friday, while the "
	             "Irish embassy stayed open. Polish officials met Greek "
	             "diplomats and North Korean engineers.");
	const cr_mention *m = find(a, "Netherlands embassy");
	assert_non_null(m);
	assert_int_equal(m->type, CR_ENT_ORG);
	assert_int_equal(cr_test_mentions(a, "Ireland embassy", CR_ENT_ORG), 1);
	m = find(a, "Netherlands");
	assert_non_null(m);
	assert_int_equal(m->type, CR_ENT_PLACE);
	assert_int_equal(m->demonym, 1);
	assert_int_equal(cr_test_mentions(a, "Vilnius", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Poland", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Greece", CR_ENT_PLACE), 1);
	m = find(a, "North Korea");
	assert_non_null(m);
	assert_int_equal(m->demonym, 1);
	assert_int_equal(cr_test_mentions(a, "Friday", -1), 0);
	cr_article_destroy(a);
}

static void test_country_aliases(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "Engineers sent US-built HIMARS launchers, and American "
	        "advisers flew from the United States and the U.S. base in "
	        "the UK. British and French crews waited in Paris.");
	assert_int_equal(cr_test_mentions(a, "US", CR_ENT_PLACE), 4);
	assert_int_equal(cr_test_mentions(a, "HIMARS", CR_ENT_OTHER), 1);
	assert_int_equal(cr_test_mentions(a, "UK", CR_ENT_PLACE), 2);
	assert_int_equal(cr_test_mentions(a, "France", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Paris", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Engineers", -1), 0);
	cr_article_destroy(a);
}

static void test_organisations(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "The Polish Interior Ministry and the Kremlin traded "
	        "accusations, the Financial Times reported, citing the Center "
	        "for Strategic Studies and a Nato memo. The Russian "
	        "agriculture ministry did not comment, nor did NATO or the "
	        "White House.");
	assert_int_equal(
	        cr_test_mentions(a, "Polish Interior Ministry", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Kremlin", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Financial Times", CR_ENT_ORG), 1);
	assert_int_equal(
	        cr_test_mentions(a, "Center for Strategic Studies", CR_ENT_ORG),
	        1);
	assert_int_equal(cr_test_mentions(a, "Nato", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "NATO", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "White House", CR_ENT_ORG), 1);
	assert_int_equal(
	        cr_test_mentions(a, "Russian agriculture ministry", CR_ENT_ORG),
	        1);
	assert_int_equal(cr_test_mentions(a, "Russia", CR_ENT_PLACE), 1);
	cr_article_destroy(a);
}

static void test_regions_and_places(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "Shelling hit the Belgorod region and the Zhytomyr region, "
	        "and drones flew over Kharkiv, Moscow and parts of Eastern "
	        "Europe.");
	assert_int_equal(cr_test_mentions(a, "Belgorod region", CR_ENT_PLACE),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Zhytomyr region", CR_ENT_PLACE),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Kharkiv", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Moscow", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Eastern Europe", CR_ENT_PLACE),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Shelling", -1), 0);
	cr_article_destroy(a);
}

static void test_no_entities_from_sentence_starts(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "On Friday, the army withdrew. In March the talks resumed. "
	        "Additional troops arrived on Tuesday. Earlier, the bridge "
	        "was closed. Other towns stayed calm. Further details were "
	        "not released. Heavy rain fell, and the heavy lorries "
	        "stopped.");
	for (uint32_t i = 0; i < a->n_ments; i++)
		print_error("unexpected mention %s\n", a->ments[i].name);
	assert_int_equal(a->n_ments, 0);
	cr_article_destroy(a);
}

static void test_weapons_are_other(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t", "The army fired Storm Shadow missiles and Guided Multiple "
	             "Launch Rocket Systems, known as GMLRS, at the depot.");
	assert_int_equal(cr_test_mentions(a, "Storm Shadow", CR_ENT_OTHER), 1);
	assert_int_equal(
	        cr_test_mentions(a, "Guided Multiple Launch Rocket Systems",
	                         CR_ENT_OTHER),
	        1);
	assert_int_equal(cr_test_mentions(a, "GMLRS", CR_ENT_OTHER), 1);
	cr_article_destroy(a);
}

static void test_surname_needs_full_name(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "Yuliana Petrenko, a spokesperson for the fire brigade, "
	        "spoke at noon. Petrenko said the blaze was out. Reporters "
	        "heard Barney Holt in Athens.");
	assert_int_equal(cr_test_mentions(a, "Yuliana Petrenko", CR_ENT_PERSON),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Petrenko", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Barney Holt", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Athens", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Reporters", -1), 0);
	cr_article_destroy(a);
}

/* Names no gazetteer knows, typed by their shape and neighbours. */
static void test_unknown_names_by_shape(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed(
	        "t",
	        "CORBY, Monday - Crews reopened the Harlan Street Bridge over "
	        "the Tessel River after Storm Ilse.\n"
	        "Councillor Ruth Ivers visited the village of Westmoor, where "
	        "Brannock Industries runs a plant. Ivers said Brannock would "
	        "pay for the repairs. HALDEN ROAD stayed shut.");
	assert_int_equal(cr_test_mentions(a, "Corby", CR_ENT_PLACE), 1);
	assert_int_equal(
	        cr_test_mentions(a, "Harlan Street Bridge", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Tessel River", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Storm Ilse", CR_ENT_OTHER), 1);
	assert_int_equal(cr_test_mentions(a, "Ruth Ivers", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Ivers", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Westmoor", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Brannock Industries", CR_ENT_ORG),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Brannock", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Halden Road", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Crews", -1), 0);
	assert_int_equal(cr_test_mentions(a, "Monday", -1), 0);
	cr_article_destroy(a);
}

static void test_country_of(void **state)
{
	(void)state;
	assert_string_equal(cr_country_of("italian", 7), "Italy");
	assert_string_equal(cr_country_of("u.s.", 4), "US");
	assert_string_equal(cr_country_of("american", 8), "US");
	assert_string_equal(cr_country_of("british", 7), "UK");
	assert_string_equal(cr_country_of("united states", 13), "US");
	assert_string_equal(cr_country_of("ukrainians", 10), "Ukraine");
	assert_string_equal(cr_country_of("spain's", 7), "Spain");
	/* Only the first n bytes count. */
	assert_string_equal(cr_country_of("greekness", 5), "Greece");
	assert_null(cr_country_of("kyiv", 4));
	assert_null(cr_country_of("table", 5));
	assert_null(cr_country_of("", 0));
	assert_null(cr_country_of(NULL, 3));
}

static void test_empty_and_invalid(void **state)
{
	(void)state;
	cr_article *a = rules_analyzed("t", "");
	assert_int_equal(a->n_ments, 0);
	cr_article_destroy(a);
	assert_int_equal(cr_entities_find(NULL), CR_EINVAL);
}

/* The seed story: the people, places and organisations it names come
 * out with the right type. */
static void test_seed_story_entities(void **state)
{
	(void)state;
	const char *dir = cr_test_shared_data("entity seed story test");
	if (!dir)
		skip();
	static const struct {
		const char *name;
		int type;
	} want[] = {
	        {"Joe Biden", CR_ENT_PERSON},
	        {"Biden", CR_ENT_PERSON},
	        {"Vladimir Putin", CR_ENT_PERSON},
	        {"Dmitry Peskov", CR_ENT_PERSON},
	        {"Donald Trump", CR_ENT_PERSON},
	        {"Yuriy Ignat", CR_ENT_PERSON},
	        {"Andriy Kovalenko", CR_ENT_PERSON},
	        {"Kyiv", CR_ENT_PLACE},
	        {"Ukraine", CR_ENT_PLACE},
	        {"Russia", CR_ENT_PLACE},
	        {"US", CR_ENT_PLACE},
	        {"Washington", CR_ENT_PLACE},
	        {"Italy", CR_ENT_PLACE},
	        {"Spain", CR_ENT_PLACE},
	        {"Greece", CR_ENT_PLACE},
	        {"Germany", CR_ENT_PLACE},
	        {"UK", CR_ENT_PLACE},
	        {"France", CR_ENT_PLACE},
	        {"Bryansk region", CR_ENT_PLACE},
	        {"Kursk region", CR_ENT_PLACE},
	        {"North Korea", CR_ENT_PLACE},
	        {"South Korea", CR_ENT_PLACE},
	        {"Moscow", CR_ENT_PLACE},
	        {"Eastern Europe", CR_ENT_PLACE},
	        {"Ukrainian Foreign Ministry", CR_ENT_ORG},
	        {"Kremlin", CR_ENT_ORG},
	        {"White House", CR_ENT_ORG},
	        {"Financial Times", CR_ENT_ORG},
	        {"Center for Countering Disinformation", CR_ENT_ORG},
	        {"Nato", CR_ENT_ORG},
	        {"Russian defense ministry", CR_ENT_ORG},
	        {"US embassy", CR_ENT_ORG},
	        {"ATACMS", CR_ENT_OTHER},
	        {"Atacms", CR_ENT_OTHER},
	        {"Army Tactical Missile Systems", CR_ENT_OTHER},
	};
	static const char *const never[] = {
	        "The",     "In",      "On",        "Additional", "Other",
	        "Earlier", "Tuesday", "Wednesday", "January",    "November",
	};
	int found[sizeof want / sizeof want[0]] = {0};
	char path[4096];
	snprintf(path, sizeof path, "%s/seeds", dir);
	DIR *d = opendir(path);
	if (!d)
		skip();
	cr_analyzer *an = cr_analyzer_new();
	assert_non_null(an);
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/seeds/%s", dir, de->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		static char buf[1 << 20];
		size_t len = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[len] = '\0';
		cr_article *a = cr_test_body("seed", buf);
		assert_int_equal(cr_analyze(an, a), CR_OK);
		assert_int_equal(cr_entities_find(a), CR_OK);
		for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
			found[k] |= cr_test_mentions(a, want[k].name,
			                             want[k].type) > 0;
		for (size_t k = 0; k < sizeof never / sizeof never[0]; k++)
			assert_int_equal(cr_test_mentions(a, never[k], -1), 0);
		cr_article_destroy(a);
	}
	closedir(d);
	cr_analyzer_free(an);
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		if (!found[k])
			print_error("entity %s not found\n", want[k].name);
		assert_true(found[k]);
	}
}

/* Tags as the model gives them: 1 + 2k begins and 2 + 2k goes on. */
static void tag_word(cr_article *a, uint8_t *tags, const char *norm,
                     uint8_t tag)
{
	for (uint32_t i = 0; i < a->n_toks; i++)
		if (!strcmp(a->toks[i].norm, norm))
			tags[i] = tag;
}

/* The model's names get the rules' normal form: titles cut, demonyms
 * mapped, "US-made" and "Spanish embassy" named, "region" taken in. */
static void test_names_from_tags(void **state)
{
	(void)state;
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = cr_test_body(
	        "t", "Mayor Lena Brook's aides met Spanish embassy staff "
	             "after US-made drones hit the Kursk region. Western "
	             "envoys and Brook left for Lyon.");
	assert_int_equal(cr_analyze_tokens(an, a), CR_OK);
	uint8_t tags[64] = {0};
	assert_true(a->n_toks <= 64);
	tag_word(a, tags, "mayor", 1);
	tag_word(a, tags, "lena", 2);
	tag_word(a, tags, "brook's", 2);
	tag_word(a, tags, "spanish", 7);
	tag_word(a, tags, "us-made", 7);
	tag_word(a, tags, "kursk", 3);
	tag_word(a, tags, "western", 7);
	tag_word(a, tags, "brook", 5); /* a surname typed wrongly */
	tag_word(a, tags, "lyon", 3);
	assert_int_equal(cr_entities_from_tags(a, tags), CR_OK);
	assert_int_equal(cr_test_mentions(a, "Lena Brook", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Mayor Lena Brook", -1), 0);
	assert_int_equal(cr_test_mentions(a, "Brook", CR_ENT_PERSON), 1);
	const cr_mention *m = find(a, "Spain");
	assert_non_null(m);
	assert_int_equal(m->type, CR_ENT_PLACE);
	assert_int_equal(m->demonym, 1);
	assert_int_equal(cr_test_mentions(a, "Spain embassy", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "US", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Kursk region", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Lyon", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Western", -1), 0);
	for (uint32_t i = 0; i < a->n_ments; i++)
		assert_null(memchr(cr_span_ptr(a, a->ments[i].span), '\'',
		                   a->ments[i].span.len));
	cr_article_destroy(a);
	cr_analyzer_free(an);
}

/* One name keeps the type most of its mentions have, ties going to the
 * first mention's: "Corvane" tagged an organisation twice and a person
 * once is an organisation each time, while "Ostrava Steel" and "Ostrava"
 * are different names and keep their own types. */
static void test_one_type_per_name(void **state)
{
	(void)state;
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = cr_test_body(
	        "t", "Corvane cut jobs in Ostrava. Ostrava Steel said Corvane "
	             "had warned staff. Unions blamed Corvane for the cuts.");
	assert_int_equal(cr_analyze_tokens(an, a), CR_OK);
	uint8_t tags[64] = {0};
	assert_true(a->n_toks <= 64);
	uint8_t corvane[] = {5, 1, 5}; /* org, person, org */
	int seen = 0;
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const char *w = a->toks[i].norm;
		if (!strcmp(w, "corvane"))
			tags[i] = corvane[seen++];
		else if (!strcmp(w, "ostrava"))
			tags[i] = !strcmp(a->toks[i + 1].norm, "steel") ? 5 : 3;
		else if (!strcmp(w, "steel"))
			tags[i] = 6;
	}
	assert_int_equal(seen, 3);
	assert_int_equal(cr_entities_from_tags(a, tags), CR_OK);
	assert_int_equal(cr_test_mentions(a, "Corvane", CR_ENT_ORG), 3);
	assert_int_equal(cr_test_mentions(a, "Corvane", CR_ENT_PERSON), 0);
	assert_int_equal(cr_test_mentions(a, "Ostrava Steel", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Ostrava", CR_ENT_PLACE), 1);
	cr_article_destroy(a);

	/* A tie (one person, one organisation) goes to the first. */
	a = cr_test_body("t", "Halden Marr spoke first. Later Marr left, "
	                      "and Marr Holdings said Marr would return.");
	assert_int_equal(cr_analyze_tokens(an, a), CR_OK);
	memset(tags, 0, sizeof tags);
	assert_true(a->n_toks <= 64);
	seen = 0;
	for (uint32_t i = 0; i < a->n_toks; i++)
		if (!strcmp(a->toks[i].norm, "marr") && i > 0 &&
		    strcmp(a->toks[i - 1].norm, "halden") &&
		    strcmp(a->toks[i + 1].norm, "holdings"))
			tags[i] = seen++ ? 5 : 1; /* person, then org */
	assert_int_equal(seen, 2);
	assert_int_equal(cr_entities_from_tags(a, tags), CR_OK);
	assert_int_equal(cr_test_mentions(a, "Marr", CR_ENT_PERSON), 2);
	cr_article_destroy(a);
	cr_analyzer_free(an);
}

/* The gazetteer set answers as cr_entity_gazetteer() does, for words of
 * the tables, words of none, and a word read inside a longer text. */
static void test_gazetteer_set(void **state)
{
	(void)state;
	cr_gazetteer *g = cr_gazetteer_new();
	assert_non_null(g);
	static const char *const words[] = {
	        "italy",    "italian", "brussels", "president", "ministry",
	        "nato",     "said",    "river",    "u.s.",      "new york",
	        "minister", "mary",    "harbour",  "pledged",   "the",
	        "strike",   "",        "italys",   "ital",      "bank",
	};
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		assert_int_equal(
		        cr_gazetteer_bits(g, words[k], strlen(words[k])),
		        cr_entity_gazetteer(words[k]));
	assert_int_equal(cr_gazetteer_bits(g, "italy", 5), CR_GAZ_COUNTRY);
	assert_true(cr_gazetteer_bits(g, "said", 4) & CR_GAZ_SPEECH);
	assert_true(cr_gazetteer_bits(g, "president", 9) & CR_GAZ_TITLE);
	assert_int_equal(cr_gazetteer_bits(g, "strike", 6), 0);
	/* "said" at the start of "said the minister": only len bytes. */
	const char *text = "said the minister";
	assert_int_equal(cr_gazetteer_bits(g, text, 4),
	                 cr_entity_gazetteer("said"));
	assert_int_equal(cr_gazetteer_bits(g, text + 9, 8),
	                 cr_entity_gazetteer("minister"));
	assert_int_equal(cr_gazetteer_bits(g, text, 3), 0); /* "sai" */
	assert_int_equal(cr_gazetteer_bits(NULL, "italy", 5), 0);
	assert_int_equal(cr_gazetteer_bits(g, NULL, 0), 0);
	cr_gazetteer_free(g);
	cr_gazetteer_free(NULL);
}

/* "Port of Saltmarsh" tagged as one organisation also names the place
 * Saltmarsh, so that a report of "dock workers in Saltmarsh" shares it;
 * "Ministry of Labour" names no place "Labour". */
static void test_organisation_of_place(void **state)
{
	(void)state;
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = cr_test_body(
	        "t", "The Port of Brackmoor will reopen after the Ministry "
	             "of Labour brokered a deal with the Bank of Italy.");
	assert_int_equal(cr_analyze_tokens(an, a), CR_OK);
	uint8_t tags[64] = {0};
	assert_true(a->n_toks <= 64);
	/* B-ORG then I-ORG (5, 6) over each whole name. */
	static const char *const org[] = {"port",   "brackmoor", "ministry",
	                                  "labour", "bank",      "italy"};
	for (size_t k = 0; k < sizeof org / sizeof *org; k++)
		tag_word(a, tags, org[k], k % 2 ? 6 : 5);
	for (uint32_t i = 1; i < a->n_toks; i++)
		if (!strcmp(a->toks[i].norm, "of"))
			tags[i] = 6;
	assert_int_equal(cr_entities_from_tags(a, tags), CR_OK);
	assert_int_equal(cr_test_mentions(a, "Port of Brackmoor", CR_ENT_ORG),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Brackmoor", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Ministry of Labour", CR_ENT_ORG),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Labour", -1), 0);
	assert_int_equal(cr_test_mentions(a, "Bank of Italy", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Italy", CR_ENT_PLACE), 1);
	cr_article_destroy(a);
	cr_analyzer_free(an);
}

/* Naming tags through the gazetteer set finds places, titles, joined
 * names and dropped words as the tables do: the same mentions as
 * cr_entities_from_tags(), with "United States" as the US, the title
 * cut, "Ministry" "of" "Labour" tagged apart joined, "Western" dropped
 * and the Port of Brackmoor naming its place. */
static void test_tags_named_through_gazetteer(void **state)
{
	(void)state;
	cr_analyzer *an = cr_analyzer_new();
	cr_gazetteer *g = cr_gazetteer_new();
	assert_non_null(g);
	cr_article *a = cr_test_body(
	        "t", "Foreign Minister Arno Vessel of the United States met "
	             "NATO envoys and the Ministry of Labour in the Kursk "
	             "region. Western officials said the Port of Brackmoor "
	             "would stay shut, and Italian dockers agreed.");
	assert_int_equal(cr_analyze_tokens(an, a), CR_OK);
	uint8_t tags[64] = {0};
	assert_true(a->n_toks <= 64);
	tag_word(a, tags, "foreign", 1);
	tag_word(a, tags, "minister", 2);
	tag_word(a, tags, "arno", 2);
	tag_word(a, tags, "vessel", 2);
	tag_word(a, tags, "united", 3);
	tag_word(a, tags, "states", 4);
	tag_word(a, tags, "nato", 5);
	tag_word(a, tags, "ministry", 5);
	tag_word(a, tags, "labour", 5); /* apart from "Ministry" */
	tag_word(a, tags, "kursk", 3);
	tag_word(a, tags, "western", 7);
	tag_word(a, tags, "port", 5);
	tag_word(a, tags, "brackmoor", 6);
	tag_word(a, tags, "italian", 7);
	for (uint32_t i = 1; i < a->n_toks; i++)
		if (!strcmp(a->toks[i].norm, "of") &&
		    !strcmp(a->toks[i - 1].norm, "port"))
			tags[i] = 6;
	assert_int_equal(cr_entities_from_tags(a, tags), CR_OK);
	uint32_t n = a->n_ments;
	cr_mention *want = malloc(n * sizeof *want);
	assert_non_null(want);
	memcpy(want, a->ments, n * sizeof *want);
	assert_int_equal(cr_entities_from_tags_with(a, tags, g), CR_OK);
	cr_test_same_mentions(a, want, n);
	assert_int_equal(cr_test_mentions(a, "Arno Vessel", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "US", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "NATO", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Ministry of Labour", CR_ENT_ORG),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Kursk region", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Western", -1), 0);
	assert_int_equal(cr_test_mentions(a, "Port of Brackmoor", CR_ENT_ORG),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Brackmoor", CR_ENT_PLACE), 1);
	const cr_mention *m = find(a, "Italy");
	assert_non_null(m);
	assert_int_equal(m->demonym, 1);
	free(want);
	cr_article_destroy(a);
	cr_gazetteer_free(g);
	cr_analyzer_free(an);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_titles_and_possessives),
	        cmocka_unit_test(test_names_from_tags),
	        cmocka_unit_test(test_organisation_of_place),
	        cmocka_unit_test(test_possessive_title_person),
	        cmocka_unit_test(test_demonyms_and_embassies),
	        cmocka_unit_test(test_country_aliases),
	        cmocka_unit_test(test_organisations),
	        cmocka_unit_test(test_regions_and_places),
	        cmocka_unit_test(test_no_entities_from_sentence_starts),
	        cmocka_unit_test(test_weapons_are_other),
	        cmocka_unit_test(test_surname_needs_full_name),
	        cmocka_unit_test(test_unknown_names_by_shape),
	        cmocka_unit_test(test_country_of),
	        cmocka_unit_test(test_empty_and_invalid),
	        cmocka_unit_test(test_seed_story_entities),
	        cmocka_unit_test(test_one_type_per_name),
	        cmocka_unit_test(test_gazetteer_set),
	        cmocka_unit_test(test_tags_named_through_gazetteer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

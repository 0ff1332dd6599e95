/*
 * quote_test.c - tests of src/text/quote.c on invented news sentences.
 *
 * Each test analyses a short article with cr_analyze() (entities first,
 * as the pipeline runs them) and checks the quotes: text, speaker, cue
 * and whether the quote is only part of its sentence.
 */
#include "test_util.h"

#include <dirent.h>

#include "text/analyze.h"
#include "text/quote.h"

/* The quote whose text starts with prefix; fails the test when none. */
static const cr_quote *quote_at(const cr_article *a, const char *prefix)
{
	size_t n = strlen(prefix);
	for (uint32_t i = 0; i < a->n_quotes; i++) {
		const cr_quote *q = &a->quotes[i];
		if (q->text.len >= n &&
		    !memcmp(cr_span_ptr(a, q->text), prefix, n))
			return q;
	}
	for (uint32_t i = 0; i < a->n_quotes; i++)
		print_error("quote %u: %.*s\n", i, (int)a->quotes[i].text.len,
		            cr_span_ptr(a, a->quotes[i].text));
	fail_msg("no quote starts with \"%s\"", prefix);
	return NULL;
}

static void expect(const cr_quote *q, const char *speaker, const char *cue,
                   int partial)
{
	if (speaker) {
		assert_non_null(q->speaker);
		assert_string_equal(q->speaker, speaker);
	} else {
		assert_null(q->speaker);
	}
	if (cue) {
		assert_non_null(q->cue);
		assert_string_equal(q->cue, cue);
	} else {
		assert_null(q->cue);
	}
	assert_int_equal(q->partial, partial);
}

static void test_statement_of_sentence_subject(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The Riverton fire brigade has closed two stations over a "
	        "“serious structural fault”, according to a statement "
	        "published on its website.\n"
	        "“Crews will move to the northern depot until the repairs "
	        "end,” the statement said, adding that residents should call "
	        "the main number.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 2);
	const cr_quote *q = quote_at(a, "serious structural fault");
	expect(q, "Riverton fire brigade", "according to", 1);
	assert_int_equal(q->text.len, strlen("serious structural fault"));
	q = quote_at(a, "Crews will move");
	expect(q, "Riverton fire brigade", "said", 0);
	/* The trailing comma inside the marks is not part of the quote. */
	assert_int_equal(cr_span_ptr(a, q->text)[q->text.len - 1], 'd');
	assert_int_equal(q->sent, 1);
	cr_article_destroy(a);
}

static void test_pronoun_takes_previous_speaker(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The Norwegian Health Ministry said hospitals were under "
	        "“severe but manageable pressure”. They also added that “no "
	        "patient has been turned away so far”.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 2);
	expect(quote_at(a, "severe but"), "Norwegian Health Ministry", "said",
	       1);
	expect(quote_at(a, "no patient"), "Norwegian Health Ministry", "added",
	       1);
	cr_article_destroy(a);
}

static void test_appositive_name_after_role(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "On the budget vote, Lisa Hart's chief of staff Daniel Brenner "
	        "said the council was “playing games with the numbers”.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 1);
	const cr_quote *q = quote_at(a, "playing games");
	expect(q, "Daniel Brenner", "said", 1);
	/* The span is the whole subject phrase that names the speaker. */
	const char *np = "Lisa Hart's chief of staff Daniel Brenner";
	assert_int_equal(q->speaker_span.len, strlen(np));
	assert_memory_equal(cr_span_ptr(a, q->speaker_span), np,
	                    q->speaker_span.len);
	cr_article_destroy(a);
}

static void test_embassy_told_and_they(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "In an unusual move, the Canadian embassy said it “had "
	        "credible reports of unrest near the border”, urging its "
	        "citizens to “stay indoors”.\n"
	        "A Canadian embassy official told the Daily Courier the "
	        "warning was about “a planned march past the ministry”, "
	        "adding that the embassy would reopen soon.\n"
	        "“This is a precaution and we expect to reopen on Friday,” "
	        "they said.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 4);
	expect(quote_at(a, "had credible"), "Canadian embassy", "said", 1);
	expect(quote_at(a, "stay indoors"), "Canadian embassy", "said", 1);
	expect(quote_at(a, "a planned march"), "Canadian embassy official",
	       "told", 1);
	expect(quote_at(a, "This is a precaution"), "Canadian embassy official",
	       "said", 0);
	cr_article_destroy(a);
}

static void test_said_after_quote_and_carry_over(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Engineers believe the levee will hold, but there is “a real "
	        "chance of flooding”, said Marta Kowalczyk, a hydrologist at "
	        "the regional water authority.\n"
	        "Kowalczyk said there was little more that crews could do "
	        "before nightfall. “We can only watch the river and wait.”",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 2);
	expect(quote_at(a, "a real chance"), "Marta Kowalczyk", "said", 1);
	const cr_quote *q = quote_at(a, "We can only watch");
	expect(q, "Marta Kowalczyk", NULL, 0);
	assert_int_equal(q->sent, 2);
	cr_article_destroy(a);
}

static void test_name_before_of_and_he_she(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Oksana Melnyk of the Institute for Energy Security, an "
	        "independent research group, said on Monday that prices had "
	        "risen “far beyond what families can bear”. She further warned "
	        "people “to expect more outages this winter”.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 2);
	expect(quote_at(a, "far beyond"), "Oksana Melnyk", "said", 1);
	expect(quote_at(a, "to expect more"), "Oksana Melnyk", "warned", 1);
	cr_article_destroy(a);
}

static void test_scare_quotes_and_reports(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Mayor warns of 'serious' delays\n"
	        "The drones were “cheap decoys”, according to reports. The "
	        "region received “fresh warnings” about the storm. The roads "
	        "were “closed to all but emergency traffic”, according to "
	        "reports.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 1);
	expect(quote_at(a, "closed to all"), NULL, "according to", 1);
	cr_article_destroy(a);
}

static void test_straight_and_single_marks(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "\"We will rebuild the bridge by spring,\" Mayor Ana Ruiz told "
	        "reporters on the riverbank.\n"
	        "'We don't give up in this town,' said Ruiz.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 2);
	expect(quote_at(a, "We will rebuild"), "Ana Ruiz", "told", 0);
	const cr_quote *q = quote_at(a, "We don't give up");
	expect(q, "Ana Ruiz", "said", 0);
	assert_int_equal(q->text.len, strlen("We don't give up in this town"));
	cr_article_destroy(a);
}

static void test_quote_of_two_sentences(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "“The water is still rising. We have moved everyone to higher "
	        "ground,” the fire chief said on Sunday.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 1);
	const cr_quote *q = quote_at(a, "The water is still rising.");
	expect(q, "fire chief", "said", 0);
	assert_int_equal(q->sent, 0);
	assert_non_null(memmem(cr_span_ptr(a, q->text), q->text.len,
	                       "higher ground", 13));
	cr_article_destroy(a);
}

static void test_colon_and_role_noun(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The Ministry of Labour defended the reform on Tuesday.\n"
	        "The ministry said: “Nobody will lose a single cent of their "
	        "pension.”",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 1);
	expect(quote_at(a, "Nobody will lose"), "Ministry of Labour", "said",
	       0);
	cr_article_destroy(a);
}

/* "she" is the person named last; a title's dot stays in the name; a
 * name after a role in the quote-first order is the speaker. */
static void test_she_titles_and_role_then_name(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Mayor Ruth Ivers toured the plant with the engineers. The "
	        "engineers said the frame was sound.\n"
	        "“It is bent, but it will hold,” she said.\n"
	        "“We lost three days to the flood,” said Dr. Amara Kell, the "
	        "county's health officer.\n"
	        "“Everyone did their job,” said the harbour master, Lena "
	        "Brokk.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 3);
	expect(quote_at(a, "It is bent"), "Ruth Ivers", "said", 0);
	expect(quote_at(a, "We lost three"), "Amara Kell", "said", 0);
	expect(quote_at(a, "Everyone did"), "Lena Brokk", "said", 0);
	cr_article_destroy(a);
}

static void test_no_quotes(void **state)
{
	(void)state;
	cr_article *a =
	        cr_test_analyzed("t",
	                         "The council met on Monday and said nothing. "
	                         "The Smiths' shop stayed shut.",
	                         CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 0);
	cr_article_destroy(a);
	assert_int_equal(cr_quotes_find(NULL), CR_EINVAL);
}

/* Reads a file into a new article's body; NULL when unreadable. */
static cr_article *read_article(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return cr_test_body("seed", buf);
}

static int has_speaker(const cr_article *a, const char *who)
{
	for (uint32_t i = 0; i < a->n_quotes; i++)
		if (a->quotes[i].speaker && !strcmp(a->quotes[i].speaker, who))
			return 1;
	return 0;
}

/* The seed story: every speaker it names is found, and nothing else
 * (not the newspaper a source talked to, not "reports"). */
static void test_seed_story_speakers(void **state)
{
	(void)state;
	const char *dir = cr_test_shared_data("quote seed story test");
	if (!dir)
		skip();
	static const char *const want[] = {
	        "US embassy",    "Ukrainian Foreign Ministry",
	        "Dmitry Peskov", "US embassy official",
	        "Yuriy Ignat",   "Andriy Kovalenko",
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
	int files = 0;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/seeds/%s", dir, de->d_name);
		cr_article *a = read_article(path);
		assert_non_null(a);
		assert_int_equal(cr_analyze(an, a), CR_OK);
		files++;
		for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
			found[k] |= has_speaker(a, want[k]);
		for (uint32_t i = 0; i < a->n_quotes; i++) {
			const char *s = a->quotes[i].speaker;
			int known = !s;
			for (size_t k = 0;
			     s && k < sizeof want / sizeof want[0]; k++)
				known |= !strcmp(s, want[k]);
			if (!known)
				print_error("unexpected speaker %s\n", s);
			assert_true(known);
		}
		cr_article_destroy(a);
	}
	closedir(d);
	cr_analyzer_free(an);
	assert_true(files >= 3);
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		if (!found[k])
			print_error("speaker %s not found\n", want[k]);
		assert_true(found[k]);
	}
}

static void test_doubled_marks_of_wire_text(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "``The levee held because we worked all night,'' said Mayor "
	        "Ana Ruiz.\n"
	        "''We don't want Biden's 'experts' here,'' she told reporters.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 2);
	const cr_quote *q = quote_at(a, "The levee held");
	expect(q, "Ana Ruiz", "said", 0);
	assert_int_equal(q->text.len,
	                 strlen("The levee held because we worked all night"));
	q = quote_at(a, "We don't want Biden's 'experts' here");
	expect(q, "Ana Ruiz", "told", 0);
	assert_int_equal(q->text.len,
	                 strlen("We don't want Biden's 'experts' here"));
	cr_article_destroy(a);
}

/* The reported speech of a, or fails the test when the search fails. */
static cr_quote *reported(cr_article *a, uint32_t *n)
{
	cr_quote *r = NULL;
	assert_int_equal(cr_quotes_find_reported(a, &r, n), CR_OK);
	for (uint32_t i = 0; i < *n; i++)
		print_message("reported %u: [%s] %.*s\n", i,
		              r[i].speaker ? r[i].speaker : "-",
		              (int)r[i].text.len, cr_span_ptr(a, r[i].text));
	return r;
}

/* The reported content whose text is exactly want; fails when none. */
static const cr_quote *reported_is(const cr_article *a, const cr_quote *r,
                                   uint32_t n, const char *want)
{
	size_t len = strlen(want);
	for (uint32_t i = 0; i < n; i++)
		if (r[i].text.len == len &&
		    !memcmp(cr_span_ptr(a, r[i].text), want, len))
			return &r[i];
	fail_msg("no reported content \"%s\"", want);
	return NULL;
}

static void test_reported_said_that(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Mayor Lena Ostrova said on Tuesday that the new bridge would "
	        "open in May. The council meets again in June.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	assert_int_equal(n, 1);
	const cr_quote *q =
	        reported_is(a, r, n, "that the new bridge would open in May");
	assert_string_equal(q->cue, "said");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Ostrova"));
	assert_int_equal(q->sent, 0);
	assert_int_equal(q->partial, 1);
	/* Reported speech stays out of a->quotes: those are in marks. */
	assert_int_equal(a->n_quotes, 0);
	cr_article_destroy(a);
}

static void test_reported_before_the_cue(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The strike at the port will go ahead on Monday, union leader "
	        "Piet Varga told reporters.\n"
	        "Freight prices rose sharply in the spring, said Ilse Borg, an "
	        "economist at Nordbank.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	assert_int_equal(n, 2);
	const cr_quote *q = reported_is(
	        a, r, n, "The strike at the port will go ahead on Monday");
	assert_string_equal(q->cue, "told");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Varga"));
	q = reported_is(a, r, n, "Freight prices rose sharply in the spring");
	assert_string_equal(q->cue, "said");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Borg"));
	cr_article_destroy(a);
}

static void test_reported_according_to(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "According to the regional fire service, the blaze started in "
	        "a kitchen on the third floor.\n"
	        "The paper mill will close next year, according to two people "
	        "familiar with the plan.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	assert_int_equal(n, 2);
	const cr_quote *q = reported_is(
	        a, r, n, "the blaze started in a kitchen on the third floor");
	assert_string_equal(q->cue, "according to");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "fire service"));
	q = reported_is(a, r, n, "The paper mill will close next year");
	assert_string_equal(q->cue, "according to");
	cr_article_destroy(a);
}

static void test_reported_leaves_direct_quotes_alone(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "“We are ready for the vote tomorrow,” the minister said.\n"
	        "The minister said: “Nobody will be left behind.”\n"
	        "The river rose two metres overnight and flooded the old "
	        "town.",
	        CR_TIME_NONE);
	uint32_t before = a->n_quotes;
	assert_int_equal(before, 2);
	uint32_t n;
	reported(a, &n);
	assert_int_equal(n, 0);
	assert_int_equal(a->n_quotes, before);
	cr_article_destroy(a);
}

static void test_reported_mixed_and_participle(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Senator Ruth Calloway said the tax plan was “a gift to the "
	        "few” and would not pass.\n"
	        "The central bank raised its growth forecast, adding that "
	        "exports had recovered faster than expected.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	assert_int_equal(n, 2);
	/* The content holds the quoted words; the marks are found too. */
	const cr_quote *q = reported_is(
	        a, r, n,
	        "the tax plan was “a gift to the few” and would not pass");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Calloway"));
	assert_non_null(quote_at(a, "a gift to the few"));
	q = reported_is(a, r, n,
	                "that exports had recovered faster than expected");
	assert_string_equal(q->cue, "adding");
	cr_article_destroy(a);
}

static void test_reported_thought_and_pronoun(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Dana Whitfield chairs the housing committee.\n"
	        "She said the vote would be delayed by a week.\n"
	        "Most economists believe that rates will stay high until "
	        "autumn.\n"
	        "The survey found that most renters had moved at least once.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	assert_int_equal(n, 3);
	const cr_quote *q =
	        reported_is(a, r, n, "the vote would be delayed by a week");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Dana Whitfield");
	q = reported_is(a, r, n, "that rates will stay high until autumn");
	assert_string_equal(q->cue, "believe");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "economists");
	reported_is(a, r, n, "that most renters had moved at least once");
	assert_int_equal(cr_quotes_find_reported(NULL, &r, &n), CR_EINVAL);
	cr_article_destroy(a);
}

static void test_reported_split_and_headline(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Governor Alma Reyes visited the flooded valley on Friday.\n"
	        "The real problem, she said, is that the dams were never "
	        "repaired.\n"
	        "Port workers warned of delays through the whole winter.\n"
	        "Reyes: Valley farms will get emergency loans",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	assert_int_equal(n, 4);
	/* The cue splits the content: both parts are found. */
	const cr_quote *q =
	        reported_is(a, r, n, "is that the dams were never repaired");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Alma Reyes");
	q = reported_is(a, r, n, "The real problem");
	assert_string_equal(q->cue, "said");
	/* "warned of": the object is what was said, without "of". */
	q = reported_is(a, r, n, "delays through the whole winter");
	assert_string_equal(q->cue, "warned");
	q = reported_is(a, r, n, "Valley farms will get emergency loans");
	assert_string_equal(q->cue, ":");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Reyes"));
	cr_article_destroy(a);
}

static void test_speaker_span_is_where_the_quote_names_it(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Mayor Ana Ruiz opened the rebuilt bridge on Saturday.\n"
	        "“It is safe for every truck in the valley,” she said.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 1);
	const cr_quote *q = quote_at(a, "It is safe");
	/* The name comes from the first sentence, the span is "she": an
	 * attribution's source is where the attribution writes it. */
	expect(q, "Ana Ruiz", "said", 0);
	assert_int_equal(q->speaker_span.len, 3);
	assert_memory_equal(cr_span_ptr(a, q->speaker_span), "she", 3);
	cr_article_destroy(a);
}

static void test_reported_listener_occasion_and_inverted(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The bridge will reopen in May, Ana Ruiz told the Valley "
	        "Herald.\n"
	        "Ruiz said in an interview on Monday that the repairs were on "
	        "budget.\n"
	        "Ruiz spoke at a rally in Harwick after the vote.\n"
	        "“We are ready for the first ships,” said Piet Varga, a "
	        "spokesman for the port union.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* "told the Valley Herald" names the listener, so the content is
	 * what came before the comma. */
	const cr_quote *q =
	        reported_is(a, r, n, "The bridge will reopen in May");
	assert_string_equal(q->cue, "told");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Ruiz"));
	/* "in an interview on Monday" is the occasion; "that" opens the
	 * content. */
	q = reported_is(a, r, n, "that the repairs were on budget");
	assert_string_equal(q->cue, "said");
	/* Neither the rally nor the speaker after a closing mark is
	 * something said. */
	assert_int_equal(n, 2);
	cr_article_destroy(a);
}

static void test_reported_raising_cue_and_relative_that(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The new ferry timetable seems to confuse most commuters.\n"
	        "The survey lists the towns that have lost their mills.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* "seems": PolNeAR takes the subject as the content, judged by
	 * nobody named. */
	const cr_quote *q = reported_is(a, r, n, "The new ferry timetable");
	assert_string_equal(q->cue, "seems");
	assert_null(q->speaker);
	/* "towns that have lost": a relative clause, not a "that" of
	 * reported speech. */
	for (uint32_t i = 0; i < n; i++)
		assert_false(
		        r[i].text.len >= 9 &&
		        !memcmp(cr_span_ptr(a, r[i].text), "that have", 9));
	cr_article_destroy(a);
}

/* The reported content starting with prefix, or NULL. */
static const cr_quote *reported_from(const cr_article *a, const cr_quote *r,
                                     uint32_t n, const char *prefix)
{
	size_t len = strlen(prefix);
	for (uint32_t i = 0; i < n; i++)
		if (r[i].text.len >= len &&
		    !memcmp(cr_span_ptr(a, r[i].text), prefix, len))
			return &r[i];
	return NULL;
}

static void test_reported_after_quote_split_according_and_nouns(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "\"We will not give up the harbour,\" he said later this "
	        "week.\n"
	        "\"The deal protects our workers,\" the union chief said, "
	        "adding that Rosa Amaral, the treasurer, had signed it.\n"
	        "Only two ferries sailed last winter, according to the port "
	        "office, and the rest stayed in dock.\n"
	        "Councillor Ivo Marsh renewed his call for a public inquiry.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* After a quote, "said later this week" gives the time alone. */
	assert_null(reported_from(a, r, n, "this week"));
	/* A participle's "that" clause is content, not a speaker after
	 * the cue, even with an apposition inside. */
	const cr_quote *q = reported_is(
	        a, r, n, "that Rosa Amaral, the treasurer, had signed it");
	assert_string_equal(q->cue, "adding");
	/* "according to" in mid-sentence: the part before it counts. */
	q = reported_is(a, r, n, "Only two ferries sailed last winter");
	assert_string_equal(q->cue, "according to");
	/* A stance named by a noun: "his call for an inquiry". */
	q = reported_is(a, r, n, "a public inquiry");
	assert_string_equal(q->cue, "call");
	cr_article_destroy(a);
}

static void test_quote_after_quote_of_sentences_keeps_speaker(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "“We will rebuild the pier,” harbour master Tomas Reyl said. "
	        "“The old one is rotten. It has to go before the storms.”\n"
	        "“Nobody will lose a mooring,” he said.",
	        CR_TIME_NONE);
	/* The second quote has no cue of its own and runs over two
	 * sentences: it continues the speaker of the sentence before it
	 * opened, not of its own first sentence. */
	const cr_quote *q = quote_at(a, "The old one is rotten");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Reyl"));
	assert_null(q->cue);
	cr_article_destroy(a);
}

static void test_stance_cues_and_coordinated_said(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Councillor Mira Osei pledged to keep “every fire station open "
	        "through the winter”.\n"
	        "Osei toured the depot on Monday and said “the trains will run "
	        "again by Friday”.\n"
	        "The network revived “Tales From the Crypt” this autumn.",
	        CR_TIME_NONE);
	/* "pledged" is no verb of speech, but a stance whose content the
	 * quote is, and its subject the speaker. */
	const cr_quote *q = quote_at(a, "every fire station");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Osei"));
	assert_string_equal(q->cue, "pledged");
	/* "toured ... and said": the verbs share the sentence subject. */
	q = quote_at(a, "the trains will run");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Osei"));
	assert_string_equal(q->cue, "said");
	/* A title in marks, with no speaker, is no quote. */
	assert_int_equal(a->n_quotes, 2);
	cr_article_destroy(a);
}

static void test_reported_passive_subject_and_agent(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The new toll scheme was sharply criticized by Mayor Ines "
	        "Varela.\n"
	        "The ferry timetable has been widely mocked on local radio.\n"
	        "The senator was asked about the toll at a town hall.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* A passive's subject is content and its agent the source; what
	 * follows "by" is not content. */
	const cr_quote *q = reported_is(a, r, n, "The new toll scheme");
	assert_string_equal(q->cue, "criticized");
	assert_non_null(q->speaker);
	assert_non_null(strstr(q->speaker, "Varela"));
	assert_null(reported_from(a, r, n, "by Mayor"));
	assert_null(reported_from(a, r, n, "Mayor Ines"));
	/* "has been widely": the auxiliaries and adverb are skipped. */
	q = reported_is(a, r, n, "The ferry timetable");
	assert_string_equal(q->cue, "mocked");
	assert_null(q->speaker);
	/* The subject of "was asked" is the listener, not content. */
	assert_null(reported_from(a, r, n, "The senator"));
	cr_article_destroy(a);
}

static void test_reported_colon_heads_and_that_subject(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Additional reporting: Ana Lind and Tomas Berg in Lisbon.\n"
	        "Varela: Bridge will reopen in May.\n"
	        "Still, Republican strategists concede that the toll could "
	        "hurt them.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* A colon heads a statement when a speaker is named before it. */
	assert_null(reported_from(a, r, n, "Ana Lind"));
	const cr_quote *q = reported_is(a, r, n, "Bridge will reopen in May");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Varela");
	/* The source of a "that" clause is the verb's subject, past the
	 * sentence adverb. */
	q = reported_is(a, r, n, "that the toll could hurt them");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Republican strategists");
	cr_article_destroy(a);
}

static void test_reported_labels_appearances_and_tallies(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Editor's note: The toll figures in this story were corrected "
	        "on Friday.\n"
	        "Contributing: Ana Lind in Lisbon.\n"
	        "Mayor Varela appeared on a morning radio show to defend the "
	        "budget.\n"
	        "The ferry plan appeared to stall in committee.\n"
	        "The strike added to the pressure on the harbour board.\n"
	        "Varela won 62 percent of the vote and carried every coastal "
	        "district.\n"
	        "Lutz missed most of the bills voted on in the regional "
	        "assembly last year.\n"
	        "Ferry use fell by a third, according to Ana Lind, who runs "
	        "the port authority.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* A label before a colon is neither a speaker nor a cue. */
	assert_null(reported_from(a, r, n, "The toll figures"));
	assert_null(reported_from(a, r, n, "Ana Lind in"));
	/* "appeared on" a show is showing up, not a judgement; "appeared
	 * to" still is one. */
	assert_null(reported_from(a, r, n, "Mayor Varela"));
	assert_null(reported_from(a, r, n, "a morning radio show"));
	const cr_quote *q = reported_is(a, r, n, "The ferry plan");
	assert_string_equal(q->cue, "appeared");
	/* Adding to a tally and a share of the vote report nothing. */
	assert_null(reported_from(a, r, n, "to the pressure"));
	assert_null(reported_from(a, r, n, "and carried"));
	/* A stranded preposition leaves a place, not content. */
	assert_null(reported_from(a, r, n, "in the regional"));
	/* After "according to X," an apposition describes the source. */
	q = reported_is(a, r, n, "Ferry use fell by a third");
	assert_string_equal(q->cue, "according to");
	assert_null(reported_from(a, r, n, "who runs"));
	cr_article_destroy(a);
}

static void test_reported_intro_phrase_and_backers(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "In recent weeks, Varela has sided with the harbour "
	        "workers.\n"
	        "The ferry fares will rise in March, Varela said.\n"
	        "Lutz has the backing of most harbour workers.\n"
	        "The union staged a show of strength outside the town hall.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* The phrase of occasion before a cue that goes on is no content;
	 * a sentence before a closing cue still is. */
	assert_null(reported_from(a, r, n, "In recent weeks"));
	const cr_quote *q =
	        reported_is(a, r, n, "The ferry fares will rise in March");
	assert_string_equal(q->cue, "said");
	/* "the backing of" names backers, "a show of" a display. */
	assert_null(reported_from(a, r, n, "most harbour workers"));
	assert_null(reported_from(a, r, n, "strength outside"));
	cr_article_destroy(a);
}

/* The text of span sp of a, for comparing with a literal. */
static int span_is(const cr_article *a, cr_span sp, const char *want)
{
	return sp.len == strlen(want) &&
	       !memcmp(cr_span_ptr(a, sp), want, sp.len);
}

static void test_reported_polls_and_as_reported_by(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "In a Harbour Ledger poll released Sunday, Lutz leads Brun "
	        "by six points among ferry workers.\n"
	        "As reported by the Harbour Ledger, the old ferry will stop "
	        "running in May.\n"
	        "The Harbour Ledger reported at least six boats sank in the "
	        "storm.\n"
	        "A new Harbour Ledger poll shows that Lutz leads by six "
	        "points.\n"
	        "The night ferry will stop in June, according to a report by "
	        "the port authority.",
	        CR_TIME_NONE);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* The poll that opens the sentence is the source of the rest. */
	const cr_quote *q = reported_is(
	        a, r, n, "Lutz leads Brun by six points among ferry workers");
	assert_string_equal(q->speaker, "Harbour Ledger poll released Sunday");
	assert_null(reported_from(a, r, n, "Sunday"));
	/* "As reported by X," works as "according to X,". */
	q = reported_is(a, r, n, "the old ferry will stop running in May");
	assert_string_equal(q->speaker, "Harbour Ledger");
	assert_string_equal(q->cue, "reported");
	/* "at least" bounds a number: no place, and it stays in. */
	q = reported_is(a, r, n, "at least six boats sank in the storm");
	assert_string_equal(q->speaker, "Harbour Ledger");
	/* A poll or a report is the source of reported speech, though it
	 * is no speaker of quotes. */
	q = reported_is(a, r, n, "that Lutz leads by six points");
	assert_string_equal(q->speaker, "new Harbour Ledger poll");
	q = reported_is(a, r, n, "The night ferry will stop in June");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "report");
	cr_article_destroy(a);
}

static void test_scare_quote_stays_in_reported_content(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t", "The harbour master called it \u201creckless.\u201d",
	        CR_TIME_NONE);
	/* One quoted word is no direct quote, so the content the cue
	 * governs is kept as reported speech. */
	assert_int_equal(a->n_quotes, 0);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	const cr_quote *q = reported_from(a, r, n, "it \u201creckless");
	assert_non_null(q);
	assert_string_equal(q->speaker, "harbour master");
	cr_article_destroy(a);
}

static void test_relative_who_speaks_for_its_antecedent(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The council thanked Ann Lutz, who said: \u201cWe will keep "
	        "every crossing open this winter.\u201d\n"
	        "The ferry board named Ben Ortiz, who said the crossings "
	        "would stay open.\n"
	        "The mayor welcomed Rui Sousa, who spoke at length.\n"
	        "Voters backed Eva Moll, who is expected to win the seat.\n"
	        "The union named Ida Berg, who was criticized by the council.\n"
	        "Moll calls herself a \u201cproud harbour woman\u201d who "
	        "wants "
	        "to keep the crossings open.",
	        CR_TIME_NONE);
	const cr_quote *q = quote_at(a, "We will keep every crossing");
	expect(q, "Ann Lutz", "said", 0);
	assert_true(span_is(a, q->speaker_span, "who"));
	uint32_t n;
	cr_quote *r = reported(a, &n);
	q = reported_is(a, r, n, "the crossings would stay open");
	assert_string_equal(q->speaker, "Ben Ortiz");
	/* The source is written where the cue is: "who". */
	assert_true(span_is(a, q->speaker_span, "who"));
	/* What stands before "who" is its antecedent, not content, and
	 * "who" is no subject judged by a raising cue or a passive. */
	assert_null(reported_from(a, r, n, "The mayor welcomed"));
	assert_null(reported_from(a, r, n, "who"));
	/* A cue right after a quote reports that quote, but not when
	 * "who" stands between them. */
	reported_is(a, r, n, "to keep the crossings open");
	cr_article_destroy(a);
}

static void test_titles_and_talk_shows(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Ann Lutz, the mayor, said on \u201cMorning Harbour\u201d that "
	        "the bridge would hold.\n"
	        "Ben Ortiz wrote \u201cHarbour Nights\u201d in one summer.\n"
	        "The talk show host praised the new ferry timetable on "
	        "Monday.",
	        CR_TIME_NONE);
	/* A title in marks right after "on" or "wrote" is no quote, even
	 * with a speaker at hand. */
	assert_int_equal(a->n_quotes, 0);
	uint32_t n;
	cr_quote *r = reported(a, &n);
	/* "talk show" is a programme, not a showing that. */
	for (uint32_t i = 0; i < n; i++)
		assert_true(!r[i].cue || strcmp(r[i].cue, "show") != 0);
	cr_article_destroy(a);
}

/* Fails unless the n quotes of x and y are the same, field by field. */
static void same_quotes(const cr_quote *x, uint32_t nx, const cr_quote *y,
                        uint32_t ny)
{
	assert_int_equal(nx, ny);
	for (uint32_t i = 0; i < nx; i++) {
		assert_int_equal(x[i].text.off, y[i].text.off);
		assert_int_equal(x[i].text.len, y[i].text.len);
		assert_int_equal(x[i].sent, y[i].sent);
		assert_int_equal(x[i].partial, y[i].partial);
		assert_int_equal(x[i].speaker_span.off, y[i].speaker_span.off);
		assert_int_equal(x[i].speaker_span.len, y[i].speaker_span.len);
		assert_int_equal(!x[i].speaker, !y[i].speaker);
		if (x[i].speaker)
			assert_string_equal(x[i].speaker, y[i].speaker);
		assert_int_equal(!x[i].cue, !y[i].cue);
		if (x[i].cue)
			assert_string_equal(x[i].cue, y[i].cue);
	}
}

/* The analyzer finds quotes and reported speech in one walk, with word
 * filters made once (cr_quotes_find_all); that must give what the two
 * searches give one at a time, on an article with both kinds and with
 * words of many of the search's tables (pronouns, role nouns,
 * weekdays, listeners, "according to"). */
static void test_one_walk_gives_what_two_give(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Harbour master Tomas Lind said on Monday that the east pier "
	        "would stay shut until the storm passed.\n"
	        "“We cannot risk another collapse,” Lind told reporters. "
	        "“The ferries will sail from the north quay instead.”\n"
	        "The port authority said in a statement that repairs could "
	        "take months. According to the ministry, the cost has not "
	        "been set. She added that fishing boats were exempt.",
	        CR_TIME_NONE);
	/* What the analyzer's single walk found. */
	uint32_t nq = a->n_quotes, nr = a->n_reported;
	cr_quote *q = a->quotes, *r = a->reported;
	assert_int_equal(nq, 2);
	expect(quote_at(a, "We cannot risk"), "Tomas Lind", "told", 0);
	expect(quote_at(a, "The ferries will sail"), "Tomas Lind", NULL, 0);
	assert_true(nr >= 3);
	const cr_quote *c =
	        reported_is(a, r, nr,
	                    "that the east pier would stay shut until the "
	                    "storm passed");
	assert_string_equal(c->cue, "said");
	reported_is(a, r, nr, "that repairs could take months");

	/* The two searches, each on its own, find the same. */
	uint32_t n2;
	cr_quote *r2 = reported(a, &n2);
	same_quotes(r, nr, r2, n2);
	assert_int_equal(a->n_quotes, nq); /* left alone */
	assert_int_equal(cr_quotes_find(a), CR_OK);
	same_quotes(q, nq, a->quotes, a->n_quotes);

	/* And so does one walk with filters made for the call, or with
	 * filters made apart and shared. */
	cr_quote *r3 = NULL;
	uint32_t n3 = 0;
	assert_int_equal(cr_quotes_find_all(a, NULL, &r3, &n3), CR_OK);
	same_quotes(q, nq, a->quotes, a->n_quotes);
	same_quotes(r, nr, r3, n3);
	cr_quote_lex *lx = cr_quote_lex_new();
	assert_non_null(lx);
	assert_int_equal(cr_quotes_find_all(a, lx, &r3, &n3), CR_OK);
	same_quotes(q, nq, a->quotes, a->n_quotes);
	same_quotes(r, nr, r3, n3);
	cr_quote_lex_free(lx);
	cr_quote_lex_free(NULL);

	assert_int_equal(cr_quotes_find_all(NULL, NULL, &r3, &n3), CR_EINVAL);
	assert_int_equal(cr_quotes_find_all(a, NULL, NULL, &n3), CR_EINVAL);
	cr_article_destroy(a);
}

/* The speakers come from the person mentions, which the quote search
 * seeks by where they are written when a->ments is in text order, as
 * the analyzer leaves it: the full name of a surname ("Lind" -> "Tomas
 * Lind"), the person inside a phrase (past a possessive) and the person
 * "he" stands for. With the mentions out of order it looks at them all,
 * and here finds the same. */
static void test_speakers_from_mentions_in_any_order(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Harbour master Tomas Lind inspected the east pier on "
	        "Monday.\n"
	        "“We cannot risk another collapse,” Lind said.\n"
	        "“The ferries will sail from the north quay,” he said.\n"
	        "“Nobody was hurt,” Putin's press secretary Dmitry "
	        "Peskov said.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_quotes, 3);
	expect(quote_at(a, "We cannot risk"), "Tomas Lind", "said", 0);
	expect(quote_at(a, "The ferries will sail"), "Tomas Lind", "said", 0);
	expect(quote_at(a, "Nobody was hurt"), "Dmitry Peskov", "said", 0);
	cr_quote *q = a->quotes, *r = a->reported;
	uint32_t nq = a->n_quotes, nr = a->n_reported;
	/* The same with the mentions reversed. */
	assert_true(a->n_ments >= 3);
	for (uint32_t i = 0, j = a->n_ments - 1; i < j; i++, j--) {
		cr_mention t = a->ments[i];
		a->ments[i] = a->ments[j];
		a->ments[j] = t;
	}
	cr_quote *r2 = NULL;
	uint32_t n2 = 0;
	assert_int_equal(cr_quotes_find_all(a, NULL, &r2, &n2), CR_OK);
	same_quotes(q, nq, a->quotes, a->n_quotes);
	same_quotes(r, nr, r2, n2);
	cr_article_destroy(a);
}

/* Every word table is searched by halves, so each must be in strcmp
 * order: "which" after "whose" was once never found. */
static void test_tables_sorted(void **state)
{
	(void)state;
	assert_int_equal(cr_quotes_tables_ok(), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_tables_sorted),
	        cmocka_unit_test(test_statement_of_sentence_subject),
	        cmocka_unit_test(test_pronoun_takes_previous_speaker),
	        cmocka_unit_test(test_appositive_name_after_role),
	        cmocka_unit_test(test_embassy_told_and_they),
	        cmocka_unit_test(test_said_after_quote_and_carry_over),
	        cmocka_unit_test(test_name_before_of_and_he_she),
	        cmocka_unit_test(test_scare_quotes_and_reports),
	        cmocka_unit_test(test_straight_and_single_marks),
	        cmocka_unit_test(test_doubled_marks_of_wire_text),
	        cmocka_unit_test(test_quote_of_two_sentences),
	        cmocka_unit_test(test_colon_and_role_noun),
	        cmocka_unit_test(test_she_titles_and_role_then_name),
	        cmocka_unit_test(test_no_quotes),
	        cmocka_unit_test(test_seed_story_speakers),
	        cmocka_unit_test(test_reported_said_that),
	        cmocka_unit_test(test_reported_before_the_cue),
	        cmocka_unit_test(test_reported_according_to),
	        cmocka_unit_test(test_reported_leaves_direct_quotes_alone),
	        cmocka_unit_test(test_reported_mixed_and_participle),
	        cmocka_unit_test(test_reported_thought_and_pronoun),
	        cmocka_unit_test(test_reported_split_and_headline),
	        cmocka_unit_test(test_speaker_span_is_where_the_quote_names_it),
	        cmocka_unit_test(test_reported_listener_occasion_and_inverted),
	        cmocka_unit_test(test_reported_raising_cue_and_relative_that),
	        cmocka_unit_test(
	                test_reported_after_quote_split_according_and_nouns),
	        cmocka_unit_test(
	                test_quote_after_quote_of_sentences_keeps_speaker),
	        cmocka_unit_test(test_stance_cues_and_coordinated_said),
	        cmocka_unit_test(test_reported_passive_subject_and_agent),
	        cmocka_unit_test(test_reported_colon_heads_and_that_subject),
	        cmocka_unit_test(test_reported_labels_appearances_and_tallies),
	        cmocka_unit_test(test_reported_intro_phrase_and_backers),
	        cmocka_unit_test(test_reported_polls_and_as_reported_by),
	        cmocka_unit_test(test_scare_quote_stays_in_reported_content),
	        cmocka_unit_test(test_relative_who_speaks_for_its_antecedent),
	        cmocka_unit_test(test_titles_and_talk_shows),
	        cmocka_unit_test(test_one_walk_gives_what_two_give),
	        cmocka_unit_test(test_speakers_from_mentions_in_any_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

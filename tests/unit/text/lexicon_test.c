/*
 * lexicon_test.c - tests of src/text/lexicon.c (word tables: binary search,
 * counted words, order check, linear lists) and of the sentence cursor in
 * src/text/scan.h, on an analysed news sentence.
 */
#include "test_util.h"

#include "text/lexicon.h"
#include "text/scan.h"

/* Speech verbs as a news sentence uses them, sorted by strcmp. */
static const char *const VERBS[] = {
        "added", "announced", "said", "says", "told", "warned",
};

/* Mixed case: strcmp puts every capital before every lower-case letter. */
static const char *const TITLES[] = {
        "Dr", "Gen", "Mr", "Mrs", "Ms", "St", "col", "vs",
};

static void test_has_every_entry(void **state)
{
	(void)state;
	for (size_t i = 0; i < CR_COUNT(VERBS); i++)
		assert_true(CR_LEXICON_HAS(VERBS, VERBS[i]));
	for (size_t i = 0; i < CR_COUNT(TITLES); i++)
		assert_true(CR_LEXICON_HAS(TITLES, TITLES[i]));
	/* First and last entries, the two ends of the search. */
	assert_true(cr_lexicon_has(VERBS, CR_COUNT(VERBS), "added"));
	assert_true(cr_lexicon_has(VERBS, CR_COUNT(VERBS), "warned"));
	/* A one-word table. */
	assert_true(cr_lexicon_has(VERBS + 2, 1, "said"));
	assert_false(cr_lexicon_has(VERBS + 2, 1, "told"));
}

static void test_has_rejects_others(void **state)
{
	(void)state;
	/* Before the first, between entries, after the last. */
	assert_false(CR_LEXICON_HAS(VERBS, "admitted"));
	assert_false(CR_LEXICON_HAS(VERBS, "replied"));
	assert_false(CR_LEXICON_HAS(VERBS, "wrote"));
	assert_false(CR_LEXICON_HAS(VERBS, "a"));
	/* Prefixes of an entry and words an entry is a prefix of. */
	assert_false(CR_LEXICON_HAS(VERBS, "sai"));
	assert_false(CR_LEXICON_HAS(VERBS, "saying"));
	assert_false(CR_LEXICON_HAS(VERBS, "warn"));
	/* Case matters: the tables hold case-folded norms. */
	assert_false(CR_LEXICON_HAS(VERBS, "Said"));
	assert_false(CR_LEXICON_HAS(TITLES, "dr"));
	assert_false(CR_LEXICON_HAS(TITLES, "Col"));
	assert_false(CR_LEXICON_HAS(VERBS, ""));
	assert_false(CR_LEXICON_HAS(VERBS, NULL));
}

static void test_empty_table(void **state)
{
	(void)state;
	assert_false(cr_lexicon_has(VERBS, 0, "added"));
	assert_false(cr_lexicon_has(NULL, 0, "added"));
	assert_false(cr_lexicon_has_n(VERBS, 0, "added", 5));
	assert_false(cr_word_in("added", VERBS, 0));
	assert_false(cr_word_in("added", NULL, 0));
	assert_true(cr_lexicon_sorted(NULL, 0));
	assert_true(cr_lexicon_sorted(VERBS, 1));
}

/* The counted form reads a word in place inside a longer text, as
 * sentence.c does with the word before a period. */
static void test_has_n_inside_text(void **state)
{
	(void)state;
	const char *text = "Mrs Okafor said the talks had ended.";
	assert_true(cr_lexicon_has_n(TITLES, CR_COUNT(TITLES), text, 3));
	/* Read as two bytes, the same place holds "Mr", an entry too. */
	assert_true(cr_lexicon_has_n(TITLES, CR_COUNT(TITLES), text, 2));
	assert_false(cr_lexicon_has_n(TITLES, CR_COUNT(TITLES), text, 1));
	assert_false(cr_lexicon_has_n(TITLES, CR_COUNT(TITLES), text, 4));
	const char *said = strstr(text, "said");
	assert_true(cr_lexicon_has_n(VERBS, CR_COUNT(VERBS), said, 4));
	/* "sai" is a proper prefix of "said": no match. */
	assert_false(cr_lexicon_has_n(VERBS, CR_COUNT(VERBS), said, 3));
	/* "said " runs past the entry. */
	assert_false(cr_lexicon_has_n(VERBS, CR_COUNT(VERBS), said, 5));
	assert_false(cr_lexicon_has_n(VERBS, CR_COUNT(VERBS), said, 0));
	assert_false(cr_lexicon_has_n(VERBS, CR_COUNT(VERBS), NULL, 4));
	/* A NUL inside the counted bytes matches nothing. */
	const char nul[] = {'s', 'a', 'i', 'd', '\0', 'x'};
	assert_false(cr_lexicon_has_n(VERBS, CR_COUNT(VERBS), nul, 6));
	assert_true(cr_lexicon_has_n(VERBS, CR_COUNT(VERBS), nul, 4));
}

/* Both forms agree with a linear scan on every entry and on each of its
 * prefixes and extensions. */
static void test_forms_agree(void **state)
{
	(void)state;
	char buf[32];
	for (size_t i = 0; i < CR_COUNT(TITLES); i++) {
		const char *t = TITLES[i];
		size_t n = strlen(t);
		for (size_t k = 0; k <= n; k++) {
			memcpy(buf, t, k);
			buf[k] = '\0';
			int want = cr_word_in(buf, TITLES, CR_COUNT(TITLES));
			assert_int_equal(CR_LEXICON_HAS(TITLES, buf), want);
			assert_int_equal(cr_lexicon_has_n(TITLES,
			                                  CR_COUNT(TITLES), t,
			                                  k),
			                 want);
		}
		snprintf(buf, sizeof buf, "%ss", t);
		assert_int_equal(CR_LEXICON_HAS(TITLES, buf),
		                 cr_word_in(buf, TITLES, CR_COUNT(TITLES)));
	}
}

static void test_sorted(void **state)
{
	(void)state;
	assert_true(cr_lexicon_sorted(VERBS, CR_COUNT(VERBS)));
	assert_true(cr_lexicon_sorted(TITLES, CR_COUNT(TITLES)));
	static const char *const dup[] = {"said", "said", "told"};
	assert_false(cr_lexicon_sorted(dup, CR_COUNT(dup)));
	static const char *const lower_first[] = {"dr", "Gen"};
	assert_false(cr_lexicon_sorted(lower_first, CR_COUNT(lower_first)));
}

/* An unsorted table is the caller's bug: the binary search does not see
 * it and misses words that are there, which is why entity.c checks its
 * tables in debug builds. A linear list has no such need. */
static void test_unsorted_is_callers_bug(void **state)
{
	(void)state;
	static const char *const shuffled[] = {"warned", "added", "said",
	                                       "told"};
	assert_false(cr_lexicon_sorted(shuffled, CR_COUNT(shuffled)));
	assert_false(CR_LEXICON_HAS(shuffled, "warned"));
	assert_true(CR_WORD_IN("warned", shuffled));
}

static void test_word_in(void **state)
{
	(void)state;
	/* Unsorted, with a duplicate, as date.c's time cues are. */
	static const char *const cues[] = {"in", "since", "until",
	                                   "on", "until", "by"};
	assert_true(CR_WORD_IN("in", cues));
	assert_true(CR_WORD_IN("by", cues));
	assert_true(CR_WORD_IN("until", cues));
	assert_false(CR_WORD_IN("i", cues));
	assert_false(CR_WORD_IN("sinc", cues));
	assert_false(CR_WORD_IN("In", cues));
	assert_false(CR_WORD_IN("", cues));
	assert_false(CR_WORD_IN(NULL, cues));
	/* The count bounds the scan: "by" is past the first five. */
	assert_false(cr_word_in("by", cues, 5));
}

/* The token of a whose norm is w, or a failed test. */
static uint32_t tok_of(const cr_article *a, const char *w)
{
	for (uint32_t i = 0; i < a->n_toks; i++)
		if (a->toks[i].norm && !strcmp(a->toks[i].norm, w))
			return i;
	fail_msg("no token %s", w);
	return 0;
}

static void test_scan_cursor(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Rain fell in Lviv. On 2024-11-20 the 170mm shells hit a "
	        "depot, officials said.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_sents, 2);
	cr_scan s = {a, a->sents[1].tok_begin, a->sents[1].tok_end};
	assert_true(s.b > 0 && s.e <= a->n_toks);
	/* Inside the sentence the accessors read the token. */
	assert_string_equal(cr_scan_norm(&s, s.b), "on");
	assert_true(cr_scan_is_word(&s, s.b));
	uint32_t hit = tok_of(a, "hit");
	assert_ptr_equal(cr_scan_tok(&s, hit), &a->toks[hit]);
	assert_int_equal(cr_scan_flags(&s, hit), a->toks[hit].flags);
	/* Outside it (the previous sentence, past the end, a wrapped
	 * i - 1) they answer as if nothing were there. */
	uint32_t lviv = tok_of(a, "lviv");
	assert_true(lviv < s.b);
	assert_string_equal(cr_scan_norm(&s, lviv), "");
	assert_int_equal(cr_scan_flags(&s, lviv), 0);
	assert_false(cr_scan_is_word(&s, lviv));
	assert_string_equal(cr_scan_norm(&s, s.e), "");
	assert_string_equal(cr_scan_norm(&s, UINT32_MAX), "");
	assert_false(cr_scan_adjacent(&s, UINT32_MAX));
	/* "2024-11-20" is five touching tokens; "the" follows a space. */
	uint32_t y = tok_of(a, "2024");
	for (uint32_t k = y; k < y + 4; k++)
		assert_true(cr_scan_adjacent(&s, k));
	assert_false(cr_scan_adjacent(&s, y + 4));
	/* The last token touches nothing after the sentence's end. */
	assert_false(cr_scan_adjacent(&s, s.e - 1));
	assert_false(cr_scan_adjacent(&s, s.b - 1));
	cr_article_destroy(a);
}

/* Place names with bytes above 0x7F: strcmp compares them as unsigned,
 * so "Zürich" sorts after "Zurich", and the search must agree. */
static const char *const PLACES[] = {
        "Kyiv", "Lviv", "Zagreb", "Zurich", "Z\xc3\xbcrich", "\xc3\x89vora",
};

static void test_bytes_above_ascii(void **state)
{
	(void)state;
	assert_true(cr_lexicon_sorted(PLACES, CR_COUNT(PLACES)));
	for (size_t i = 0; i < CR_COUNT(PLACES); i++) {
		assert_true(CR_LEXICON_HAS(PLACES, PLACES[i]));
		assert_true(cr_lexicon_has_n(PLACES, CR_COUNT(PLACES),
		                             PLACES[i], strlen(PLACES[i])));
	}
	assert_false(CR_LEXICON_HAS(PLACES, "Z\xc3\xbcric"));
	assert_false(CR_LEXICON_HAS(PLACES, "\xc3\x89vorah"));
	const char *text = "Officials in \xc3\x89vora said";
	assert_true(cr_lexicon_has_n(PLACES, CR_COUNT(PLACES), text + 13, 6));
	/* A NUL where an entry ends does not end the counted word. */
	const char lviv[] = {'L', 'v', 'i', 'v', '\0'};
	assert_false(cr_lexicon_has_n(PLACES, CR_COUNT(PLACES), lviv, 5));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_has_every_entry),
	        cmocka_unit_test(test_has_rejects_others),
	        cmocka_unit_test(test_empty_table),
	        cmocka_unit_test(test_has_n_inside_text),
	        cmocka_unit_test(test_forms_agree),
	        cmocka_unit_test(test_sorted),
	        cmocka_unit_test(test_unsorted_is_callers_bug),
	        cmocka_unit_test(test_word_in),
	        cmocka_unit_test(test_scan_cursor),
	        cmocka_unit_test(test_bytes_above_ascii),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

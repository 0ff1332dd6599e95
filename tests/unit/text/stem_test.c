/* stem_test.c - tests of src/text/stem.c: Snowball stems and stopwords. */
#include "test_util.h"

#include "text/lexicon.h"
#include "text/stem.h"

static const char *stem(cr_stemmer *s, cr_arena *a, const char *w)
{
	const char *r = cr_stem(s, a, w, strlen(w));
	assert_non_null(r);
	return r;
}

static void test_english_stems(void **state)
{
	(void)state;
	cr_stemmer *s = cr_stemmer_new("en");
	assert_non_null(s);
	cr_arena *a = cr_arena_create();
	const char *strikes = stem(s, a, "strikes");
	const char *embassies = stem(s, a, "embassies");
	const char *closed = stem(s, a, "closed");
	/* Each stem is a copy: later calls do not overwrite earlier ones. */
	assert_string_equal(strikes, "strike");
	assert_string_equal(embassies, "embassi");
	assert_string_equal(closed, "close");
	assert_string_equal(stem(s, a, "missiles"), "missil");
	assert_string_equal(stem(s, a, "shuttered"), "shutter");
	assert_string_equal(stem(s, a, "biden's"), "biden");
	assert_string_equal(stem(s, a, "us-supplied"), "us-suppli");
	/* Only n bytes are read. */
	assert_string_equal(cr_stem(s, a, "attacks on", 7), "attack");
	assert_string_equal(cr_stem(s, a, "", 0), "");
	cr_stemmer_free(s);
	cr_arena_destroy(a);
}

static void test_languages(void **state)
{
	(void)state;
	cr_stemmer *s = cr_stemmer_new("english");
	assert_non_null(s);
	cr_stemmer_free(s);
	s = cr_stemmer_new("de");
	assert_non_null(s);
	cr_arena *a = cr_arena_create();
	assert_string_equal(stem(s, a, "botschaften"), "botschaft");
	cr_stemmer_free(s);
	cr_arena_destroy(a);
	assert_null(cr_stemmer_new("klingon"));
	assert_null(cr_stemmer_new(NULL));
	cr_stemmer_free(NULL);
}

static void test_overlong_word_not_stemmed(void **state)
{
	(void)state;
	cr_stemmer *s = cr_stemmer_new("en");
	cr_arena *a = cr_arena_create();
	char w[400];
	memset(w, 'a', sizeof w);
	memcpy(w + sizeof w - 3, "ing", 3);
	const char *r = cr_stem(s, a, w, sizeof w);
	assert_int_equal(strlen(r), sizeof w);
	assert_memory_equal(r, w, sizeof w);
	cr_stemmer_free(s);
	cr_arena_destroy(a);
}

static int stop(const char *w)
{
	return cr_is_stopword(w, strlen(w));
}

static void test_stopwords(void **state)
{
	(void)state;
	static const char *const yes[] = {
	        "a",     "an",   "the",   "and",        "but",   "or",
	        "of",    "in",   "on",    "at",         "from",  "into",
	        "he",    "she",  "they",  "them",       "their", "its",
	        "is",    "was",  "were",  "has",        "had",   "would",
	        "could", "will", "not",   "that",       "which", "who",
	        "don't", "it's", "we're", "yourselves", "whom",  "also",
	};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!stop(yes[i]))
			fail_msg("'%s' should be a stopword", yes[i]);
	static const char *const no[] = {
	        "said",   "says",  "embassy", "kyiv", "attack", "president",
	        "th",     "thee",  "thes",    "zzz",  "aa",     "ukraine",
	        "closed", "biden", "1,000",   "'",    "-",      "within-",
	};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (stop(no[i]))
			fail_msg("'%s' should not be a stopword", no[i]);
	/* Case-folded input only; length bounded; prefix of input. */
	assert_false(stop("The"));
	assert_false(cr_is_stopword("", 0));
	assert_false(cr_is_stopword(NULL, 3));
	assert_true(cr_is_stopword("there's", 5));
	assert_false(cr_is_stopword("themselvesthemselves", 20));
}

/* cr_stem_peek() answers like cr_stem() and cr_is_stopword(), from its
 * cache as well as from Snowball: words seen again (and words pushed out
 * of their slot by others in between) get the same stem and flag. */
static void test_peek_and_cache(void **state)
{
	(void)state;
	static const char *const words[] = {
	        "officials",      "said",      "the",         "evacuated",
	        "residents",      "flooding",  "they're",     "bridges",
	        "engineers",      "inspected", "foundations", "internationally",
	        "councillors",    "warned",    "would",       "hospitals",
	        "reconstruction", "on",        "emergencies", "rainfall",
	};
	cr_stemmer *s = cr_stemmer_new("en");
	cr_arena *a = cr_arena_create();
	const char *first[CR_COUNT(words)];
	for (size_t i = 0; i < CR_COUNT(words); i++)
		first[i] = stem(s, a, words[i]);
	assert_string_equal(first[0], "offici");
	assert_string_equal(first[3], "evacu");
	assert_string_equal(first[16], "reconstruct");
	/* Fill the cache with thousands of other words, then ask again
	 * in the other order. */
	char w[32];
	for (int k = 0; k < 20000; k++) {
		snprintf(w, sizeof w, "reported%dings", k);
		assert_non_null(stem(s, a, w));
	}
	for (size_t r = 0; r < 2; r++)
		for (size_t i = CR_COUNT(words); i-- > 0;) {
			size_t n = strlen(words[i]), len;
			int is_stop = -1;
			const char *p =
			        cr_stem_peek(s, words[i], n, &len, &is_stop);
			assert_non_null(p);
			assert_int_equal(len, strlen(first[i]));
			assert_memory_equal(p, first[i], len);
			assert_int_equal(is_stop, cr_is_stopword(words[i], n));
		}
	size_t len;
	int is_stop;
	assert_non_null(cr_stem_peek(s, "the", 3, &len, &is_stop));
	assert_true(is_stop);
	/* Only n bytes count: "attacks" inside a longer text. */
	const char *p = cr_stem_peek(s, "attacks on", 7, &len, &is_stop);
	assert_int_equal(len, 6);
	assert_memory_equal(p, "attack", 6);
	assert_false(is_stop);
	/* Without a stemmer the word is its own stem. */
	p = cr_stem_peek(NULL, "floods", 6, &len, &is_stop);
	assert_int_equal(len, 6);
	assert_false(is_stop);
	cr_stemmer_free(s);
	cr_arena_destroy(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_english_stems),
	        cmocka_unit_test(test_languages),
	        cmocka_unit_test(test_overlong_word_not_stemmed),
	        cmocka_unit_test(test_stopwords),
	        cmocka_unit_test(test_peek_and_cache),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

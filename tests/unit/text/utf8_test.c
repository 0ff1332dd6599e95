/* utf8_test.c - tests of src/text/utf8.c: repair, decoding, folding. */
#include "test_util.h"

#include "text/utf8.h"

#define FFFD "\xEF\xBF\xBD"

/* Repairs n bytes of in and checks the text, the count of replaced
 * sequences and the offset of the first. */
static void repair(const char *in, size_t n, const char *want, size_t want_bad,
                   size_t want_first)
{
	cr_arena *a = cr_arena_create();
	char *out = NULL;
	size_t len = 99, bad = 99, first = 99;
	assert_int_equal(cr_utf8_repair(a, in, n, &out, &len, &bad, &first),
	                 CR_OK);
	assert_non_null(out);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(out, want, len);
	assert_int_equal(out[len], '\0');
	assert_int_equal(bad, want_bad);
	assert_int_equal(first, want_first);
	cr_arena_destroy(a);
}

#define REPAIR(lit, want, bad, first)                                          \
	repair(lit, sizeof(lit) - 1, want, bad, first)

static void test_valid_text_unchanged(void **state)
{
	(void)state;
	const char *s = "Kyiv \xE2\x80\x94 Ukraine\xE2\x80\x99s capital, "
	                "Stra\xC3\x9F"
	                "e, \xF0\x9F\x93\xB0 news\n\tend";
	repair(s, strlen(s), s, 0, SIZE_MAX);
	REPAIR("", "", 0, SIZE_MAX);
}

static void test_invalid_sequences(void **state)
{
	(void)state;
	/* A stray continuation byte and bytes that never start one. */
	REPAIR("a\x80z", "a" FFFD "z", 1, 1);
	REPAIR("\xFF\xFE ok", FFFD FFFD " ok", 2, 0);
	/* Overlong encodings of '/' and NUL: each byte is replaced. */
	REPAIR("x\xC0\xAF", "x" FFFD FFFD, 2, 1);
	REPAIR("\xE0\x80\xAF!", FFFD FFFD FFFD "!", 3, 0);
	REPAIR("\xC1\xBF", FFFD FFFD, 2, 0);
	/* A UTF-16 surrogate (U+D800) and a code point past U+10FFFF. */
	REPAIR("s\xED\xA0\x80", "s" FFFD FFFD FFFD, 3, 1);
	REPAIR("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4, 0);
	/* A truncated sequence is one replacement, mid-text or at the end. */
	REPAIR("caf\xC3 ok", "caf" FFFD " ok", 1, 3);
	REPAIR("dash \xE2\x80", "dash " FFFD, 1, 5);
	REPAIR("\xF0\x9F\x93", FFFD, 1, 0);
	REPAIR("\xF0\x9F\x93"
	       "A\xE2\x80\x94",
	       FFFD "A\xE2\x80\x94", 1, 0);
}

static void test_controls_newlines_bom(void **state)
{
	(void)state;
	/* NUL and C0 controls go; \n and \t stay. */
	REPAIR("a\0b\x01"
	       "c\td\x1B\x7F\n",
	       "abc\td\x7F\n", 0, SIZE_MAX);
	/* \r\n and a lone \r both become \n. */
	REPAIR("one\r\ntwo\rthree\n\r\n", "one\ntwo\nthree\n\n", 0, SIZE_MAX);
	/* A leading BOM is dropped; one inside the text is kept. */
	REPAIR("\xEF\xBB\xBFHi \xEF\xBB\xBF", "Hi \xEF\xBB\xBF", 0, SIZE_MAX);
	REPAIR("\xEF\xBB", FFFD, 1, 0);
	/* Dropped controls before a BOM leave it leading: it goes too, so
	 * repairing twice changes nothing. */
	REPAIR("\x01\xEF\xBB\xBF\xEF\xBB\xBFX", "X", 0, SIZE_MAX);
}

static void test_repair_optional_counts(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_create();
	char *out;
	size_t len;
	assert_int_equal(cr_utf8_repair(a, "x\xFF", 2, &out, &len, NULL, NULL),
	                 CR_OK);
	assert_string_equal(out, "x" FFFD);
	cr_arena_destroy(a);
}

static void test_looks_binary(void **state)
{
	(void)state;
	const char *text = "The embassy closed.\r\n\tStaff\fleft.\n";
	assert_false(cr_utf8_looks_binary(text, strlen(text)));
	assert_true(cr_utf8_looks_binary("GIF89a\0\0", 8));
	char buf[100];
	memset(buf, 'a', sizeof buf);
	for (int i = 0; i < 11; i++)
		buf[i * 9] = '\x02';
	assert_true(cr_utf8_looks_binary(buf, sizeof buf));
	for (int i = 1; i < 11; i++)
		buf[i * 9] = 'a';
	assert_false(cr_utf8_looks_binary(buf, sizeof buf));
	assert_false(cr_utf8_looks_binary("", 0));
}

static void test_decode(void **state)
{
	(void)state;
	size_t adv = 0;
	assert_int_equal(cr_utf8_decode("A", 1, &adv), 'A');
	assert_int_equal(adv, 1);
	assert_int_equal(cr_utf8_decode("\xC3\x84x", 3, &adv), 0xC4);
	assert_int_equal(adv, 2);
	assert_int_equal(cr_utf8_decode("\xE2\x80\x99", 3, &adv), 0x2019);
	assert_int_equal(adv, 3);
	assert_int_equal(cr_utf8_decode("\xF0\x9F\x93\xB0", 4, &adv), 0x1F4F0);
	assert_int_equal(adv, 4);
	/* Invalid: always one byte consumed. */
	assert_int_equal(cr_utf8_decode("\xE2\x80\x99", 2, &adv), -1);
	assert_int_equal(adv, 1);
	assert_int_equal(cr_utf8_decode("\xC0\x80", 2, &adv), -1);
	assert_int_equal(adv, 1);
	assert_int_equal(cr_utf8_decode("\xED\xB0\x80", 3, &adv), -1);
	assert_int_equal(adv, 1);
	assert_int_equal(cr_utf8_decode("\x9F", 1, &adv), -1);
	assert_int_equal(adv, 1);
	assert_int_equal(cr_utf8_decode("", 0, &adv), -1);
	assert_int_equal(adv, 1);
}

/* Folds s and checks the result and its length. */
static void fold(const char *s, const char *want)
{
	cr_arena *a = cr_arena_create();
	size_t len = 0;
	char *r = cr_utf8_fold(a, s, strlen(s), &len);
	assert_non_null(r);
	assert_string_equal(r, want);
	assert_int_equal(len, strlen(want));
	cr_arena_destroy(a);
}

static void test_fold(void **state)
{
	(void)state;
	fold("US Embassy in KYIV", "us embassy in kyiv");
	fold("don't 1,000th", "don't 1,000th");
	fold("\xC3\x84rzte", "\xC3\xA4rzte"); /* Ärzte */
	fold("Stra\xC3\x9F"
	     "e",
	     "strasse");                        /* Straße */
	fold("\xEF\xAC\x81nal", "final");       /* ﬁ ligature */
	fold("\xEF\xBC\xA1\xEF\xBC\xA2", "ab"); /* fullwidth AB */
	/* A decomposed é (e + U+0301) folds to the composed one. */
	fold("Cafe\xCC\x81", "caf\xC3\xA9");
	fold("\xCE\xA3\xCE\x9F\xCE\xA3", "\xCF\x83\xCE\xBF\xCF\x83"); /* ΣΟΣ */
	/* Typographic apostrophes and dashes become ASCII. */
	fold("Biden\xE2\x80\x99s \xE2\x80\x98plan\xE2\x80\x99",
	     "biden's 'plan'");
	fold("Mykola\xCA\xBCs", "mykola's");
	fold("2022\xE2\x80\x93"
	     "24 \xE2\x80\x94 now \xE2\x88\x92"
	     "5",
	     "2022-24 - now -5");
	/* Other quotation marks are left alone. */
	fold("\xE2\x80\x9CYes\xE2\x80\x9D", "\xE2\x80\x9Cyes\xE2\x80\x9D");
	cr_arena *a = cr_arena_create();
	char *r = cr_utf8_fold(a, "ABCdef", 3, NULL);
	assert_string_equal(r, "abc");
	r = cr_utf8_fold(a, "\xC3\x89t\xC3\xA9", 3, NULL);
	assert_string_equal(r, "\xC3\xA9t");
	cr_arena_destroy(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_valid_text_unchanged),
	        cmocka_unit_test(test_invalid_sequences),
	        cmocka_unit_test(test_controls_newlines_bom),
	        cmocka_unit_test(test_repair_optional_counts),
	        cmocka_unit_test(test_looks_binary),
	        cmocka_unit_test(test_decode),
	        cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* number_test.c - tests of src/text/number.c: numbers, units, counted
 * nouns, approximations and years, read from analysed news sentences. */
#include "test_util.h"

#include <math.h>

#include "text/number.h"

/* The number written exactly as w, or a failed test. */
static const cr_number *written(const cr_article *a, const char *w)
{
	size_t n = strlen(w);
	for (uint32_t i = 0; i < a->n_nums; i++) {
		const cr_number *x = &a->nums[i];
		if (x->span.len == n &&
		    memcmp(cr_span_ptr(a, x->span), w, n) == 0)
			return x;
	}
	fprintf(stderr, "no number written \"%s\"; found:", w);
	for (uint32_t i = 0; i < a->n_nums; i++)
		fprintf(stderr, " [%.*s]", (int)a->nums[i].span.len,
		        cr_span_ptr(a, a->nums[i].span));
	fprintf(stderr, "\n");
	fail();
	return NULL;
}

static void assert_counts(const cr_number *x, const char *stem)
{
	if (!stem) {
		assert_null(x->counts);
		return;
	}
	assert_non_null(x->counts);
	assert_string_equal(x->counts, stem);
}

static void test_parse(void **state)
{
	(void)state;
	double v;
	int ord;
	static const struct {
		const char *w;
		double v;
		int ord;
	} ok[] = {
	        {"six", 6, 0},
	        {"1,000", 1000, 0},
	        {"3.5", 3.5, 0},
	        {"56", 56, 0},
	        {"1001st", 1001, 1},
	        {"1,000th", 1000, 1},
	        {"22nd", 22, 1},
	        {"third", 3, 1},
	        {"thousand", 1000, 0},
	        {"twenty-five", 25, 0},
	        {"twenty-first", 21, 1},
	        {"dozen", 12, 0},
	        {"nineteen", 19, 0},
	        {"0.75", 0.75, 0},
	        {"12,500.5", 12500.5, 0},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		v = -1;
		ord = -1;
		assert_int_equal(
		        cr_number_parse(ok[i].w, strlen(ok[i].w), &v, &ord), 1);
		assert_true(v == ok[i].v);
		assert_int_equal(ord, ok[i].ord);
	}
	static const char *const bad[] = {"170mm", "day",    "twenty-day",
	                                  "",      "sixth-", "one-third",
	                                  "4x4",   "a"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(
		        cr_number_parse(bad[i], strlen(bad[i]), &v, &ord), 0);
	/* Only n bytes are read. */
	assert_int_equal(cr_number_parse("seven days", 5, &v, &ord), 1);
	assert_true(v == 7);
}

static void test_counted_noun_skips_modifiers(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "On Monday the navy fired six French-built Storm Shadow "
	        "Cruise Missiles, officials said. Rebels then launched four "
	        "UK-made long-range STORM missiles at the port.",
	        CR_TIME_NONE);
	const cr_number *x = written(a, "six");
	assert_true(x->value == 6);
	assert_counts(x, "missil");
	assert_false(x->ordinal);
	assert_false(x->approx);
	assert_false(x->is_year);
	x = written(a, "four");
	assert_true(x->value == 4);
	assert_counts(x, "missil");
	assert_int_equal(a->n_nums, 2);
	assert_int_equal(x->sent, 1);
	cr_article_destroy(a);
}

static void test_out_of_total(void **state)
{
	(void)state;
	cr_article *a =
	        cr_test_analyzed("t",
	                         "Air defence units said they shot down 41 "
	                         "out of 87 Iranian-made drones overnight.",
	                         CR_TIME_NONE);
	assert_int_equal(a->n_nums, 1);
	const cr_number *x = written(a, "41");
	assert_true(x->value == 41);
	assert_true(x->total == 87);
	assert_counts(x, "drone");
	cr_article_destroy(a);

	a = cr_test_analyzed(
	        "t", "Only three of the five frigates returned to port.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_nums, 1);
	x = written(a, "three");
	assert_true(x->value == 3);
	assert_true(x->total == 5);
	assert_counts(x, "frigat");
	cr_article_destroy(a);
}

static void test_units(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The brigade received 155mm towed howitzers and 122 mm "
	        "multiple rocket launch systems from its allies.",
	        CR_TIME_NONE);
	const cr_number *x = written(a, "155mm");
	assert_true(x->value == 155);
	assert_string_equal(x->unit, "mm");
	assert_counts(x, "howitz");
	x = written(a, "122 mm");
	assert_true(x->value == 122);
	assert_string_equal(x->unit, "mm");
	assert_counts(x, "system");
	cr_article_destroy(a);

	a = cr_test_analyzed(
	        "t",
	        "Food prices rose 20% in a year, while fuel rose 7 per "
	        "cent. The convoy travelled 35 kilometres.",
	        CR_TIME_NONE);
	x = written(a, "20%");
	assert_true(x->value == 20);
	assert_string_equal(x->unit, "%");
	x = written(a, "7 per cent");
	assert_string_equal(x->unit, "%");
	x = written(a, "35 kilometres");
	assert_true(x->value == 35);
	assert_string_equal(x->unit, "km");
	cr_article_destroy(a);
}

static void test_money_and_scales(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The donors pledged $5 million in aid and a further "
	        "2.5 billion euros in loans. The agency wants €9.6bn more.",
	        CR_TIME_NONE);
	const cr_number *x = written(a, "$5 million");
	assert_true(x->value == 5e6);
	assert_string_equal(x->unit, "usd");
	x = written(a, "2.5 billion euros");
	assert_true(x->value == 2.5e9);
	assert_string_equal(x->unit, "eur");
	x = written(a, "€9.6bn");
	assert_true(fabs(x->value - 9.6e9) < 1);
	assert_string_equal(x->unit, "eur");
	cr_article_destroy(a);

	a = cr_test_analyzed(
	        "t",
	        "A dozen drones hit the city, and two hundred and fifty "
	        "people fled.",
	        CR_TIME_NONE);
	x = written(a, "A dozen");
	assert_true(x->value == 12);
	assert_counts(x, "drone");
	x = written(a, "two hundred and fifty");
	assert_true(x->value == 250);
	assert_counts(x, "peopl");
	cr_article_destroy(a);
}

static void test_ordinals(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Residents marked the 500th day of the siege. The conflict, "
	        "now in its 1,000th day, goes on. Allies should act on the "
	        "1001st day as they did in the previous thousand days. It "
	        "was the third attack this month.",
	        CR_TIME_NONE);
	const cr_number *x = written(a, "500th");
	assert_true(x->value == 500);
	assert_true(x->ordinal);
	assert_counts(x, "day");
	x = written(a, "1,000th");
	assert_true(x->value == 1000);
	assert_true(x->ordinal);
	assert_counts(x, "day");
	x = written(a, "1001st");
	assert_true(x->value == 1001);
	assert_counts(x, "day");
	x = written(a, "thousand");
	assert_true(x->value == 1000);
	assert_false(x->ordinal);
	assert_counts(x, "day");
	x = written(a, "third");
	assert_true(x->value == 3);
	assert_true(x->ordinal);
	assert_counts(x, "attack");
	cr_article_destroy(a);

	/* "for the first time" is no quantity. */
	a = cr_test_analyzed(
	        "t", "The rebels struck the capital for the first time.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_nums, 0);
	cr_article_destroy(a);
}

static void test_approximations(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "Officials confirmed thousands of Chilean volunteers are now "
	        "in the region. About 300 soldiers and more than 40 tanks "
	        "crossed, with tens of thousands of refugees behind them.",
	        CR_TIME_NONE);
	const cr_number *x = written(a, "thousands");
	assert_true(x->value == 1000);
	assert_true(x->approx);
	assert_counts(x, "volunt");
	x = written(a, "300");
	assert_true(x->approx);
	assert_counts(x, "soldier");
	x = written(a, "40");
	assert_true(x->approx);
	assert_counts(x, "tank");
	x = written(a, "tens of thousands");
	assert_true(x->value == 10000);
	assert_true(x->approx);
	assert_counts(x, "refuge");
	cr_article_destroy(a);

	/* "more than" before a verb is no number. */
	a = cr_test_analyzed(
	        "t", "Drone launches were more than quadrupling each month.",
	        CR_TIME_NONE);
	assert_int_equal(a->n_nums, 0);
	cr_article_destroy(a);
}

static void test_counts_days(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed("t",
	                                 "The alert came three days after the "
	                                 "restrictions were lifted.",
	                                 CR_TIME_NONE);
	assert_int_equal(a->n_nums, 1);
	const cr_number *x = written(a, "three");
	assert_true(x->value == 3);
	assert_counts(x, "day");
	cr_article_destroy(a);
}

static void test_years(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The war began in February 2022 and the fighting has gone on "
	        "since 2014. Voters look to the 2024 US election, while 2000 "
	        "troops and 2,000 tanks wait.",
	        CR_TIME_NONE);
	const cr_number *x = written(a, "2022");
	assert_true(x->is_year);
	assert_null(x->counts);
	x = written(a, "2014");
	assert_true(x->is_year);
	x = written(a, "2024");
	assert_true(x->is_year);
	x = written(a, "2000");
	assert_false(x->is_year);
	assert_counts(x, "troop");
	x = written(a, "2,000");
	assert_false(x->is_year);
	assert_counts(x, "tank");
	cr_article_destroy(a);
}

static void test_date_parts_and_times_skipped(void **state)
{
	(void)state;
	cr_article *a = cr_test_analyzed(
	        "t",
	        "The strike came on November 20 and again on 3 December, "
	        "and the order is dated 2024-11-20. Sirens sounded at 10:30 "
	        "and again at 4pm.",
	        CR_TIME_NONE);
	for (uint32_t i = 0; i < a->n_nums; i++)
		fprintf(stderr, "unexpected number [%.*s]\n",
		        (int)a->nums[i].span.len,
		        cr_span_ptr(a, a->nums[i].span));
	assert_int_equal(a->n_nums, 0);
	cr_article_destroy(a);

	/* The year of a full date is a year, not a quantity. */
	a = cr_test_analyzed("t", "Talks resumed on Nov. 20, 2024, in Geneva.",
	                     CR_TIME_NONE);
	assert_int_equal(a->n_nums, 1);
	assert_true(written(a, "2024")->is_year);
	cr_article_destroy(a);
}

static void test_no_false_positives(void **state)
{
	(void)state;
	static const char *const texts[] = {
	        "It is one of the oldest embassies in the capital.",
	        "The president signed a decree on the matter.",
	        "May I ask what the minister meant, she said.",
	        "No one was hurt, and the one who called has left.",
	        "The envoys blamed one another for the collapse.",
	        "The F-16 and the Su-34 jets flew over the G7 summit.",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		cr_article *a = cr_test_analyzed("t", texts[i], CR_TIME_NONE);
		if (a->n_nums)
			fprintf(stderr, "in \"%s\": [%.*s]\n", texts[i],
			        (int)a->nums[0].span.len,
			        cr_span_ptr(a, a->nums[0].span));
		assert_int_equal(a->n_nums, 0);
		cr_article_destroy(a);
	}
}

static void test_one_counts(void **state)
{
	(void)state;
	cr_article *a =
	        cr_test_analyzed("t",
	                         "One soldier was wounded and one civilian "
	                         "died.",
	                         CR_TIME_NONE);
	assert_int_equal(a->n_nums, 2);
	assert_true(a->nums[0].value == 1);
	assert_counts(&a->nums[0], "soldier");
	assert_counts(&a->nums[1], "civilian");
	cr_article_destroy(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_parse),
	        cmocka_unit_test(test_counted_noun_skips_modifiers),
	        cmocka_unit_test(test_out_of_total),
	        cmocka_unit_test(test_units),
	        cmocka_unit_test(test_money_and_scales),
	        cmocka_unit_test(test_ordinals),
	        cmocka_unit_test(test_approximations),
	        cmocka_unit_test(test_counts_days),
	        cmocka_unit_test(test_years),
	        cmocka_unit_test(test_date_parts_and_times_skipped),
	        cmocka_unit_test(test_no_false_positives),
	        cmocka_unit_test(test_one_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

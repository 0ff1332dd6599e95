/*
 * sketch_test.c - tests of src/sig/sketch.h: full and low-bit counts of
 * agreeing sketch slots, against a slot-by-slot count.
 */
#include "test_util.h"

#include "sig/sketch.h"

/* xorshift64*, so the sketches are the same on every run. */
static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

/* Pairs of sketches that agree in a random share of slots; where they
 * differ, half the time only above the low 4 bits. Both counts must
 * match a slot-by-slot count, and the low-bit count is never below the
 * full one (the bound copy detection relies on). */
static void test_counts_match_slot_by_slot(void **state)
{
	(void)state;
	uint64_t seed = 0x9E3779B97F4A7C15ULL;
	uint32_t above = 0;
	for (int pair = 0; pair < 2000; pair++) {
		uint32_t x[CR_SKETCH_K], y[CR_SKETCH_K];
		uint32_t agree = (uint32_t)(next_rand(&seed) % 101);
		for (int j = 0; j < CR_SKETCH_K; j++) {
			x[j] = (uint32_t)next_rand(&seed);
			uint64_t r = next_rand(&seed);
			if (r % 100 < agree)
				y[j] = x[j];
			else if (r >> 32 & 1)
				y[j] = x[j] ^ ((uint32_t)(r >> 40) | 16u) << 4;
			else
				y[j] = (uint32_t)next_rand(&seed);
		}
		uint32_t same = 0, same_low = 0;
		for (int j = 0; j < CR_SKETCH_K; j++) {
			same += x[j] == y[j];
			same_low += (x[j] & 15) == (y[j] & 15);
		}
		uint64_t px[CR_SKETCH_K4], py[CR_SKETCH_K4];
		cr_sketch_pack4(x, px);
		cr_sketch_pack4(y, py);
		assert_int_equal(cr_sketch_same(x, y), same);
		assert_int_equal(cr_sketch_same4(px, py), same_low);
		assert_true(cr_sketch_same4(px, py) >= cr_sketch_same(x, y));
		above += same_low > same;
	}
	/* The low bits do agree by chance, so the bound is not tight. */
	assert_true(above > 1000);
}

/* The extremes: a sketch against itself agrees in every slot, and two
 * whose every slot differs in the low bits agree in none. */
static void test_all_and_none(void **state)
{
	(void)state;
	uint32_t x[CR_SKETCH_K], y[CR_SKETCH_K];
	for (int j = 0; j < CR_SKETCH_K; j++) {
		x[j] = 0x01234567u * (uint32_t)(j + 1);
		y[j] = x[j] ^ (uint32_t)(1 + j % 15);
	}
	uint64_t px[CR_SKETCH_K4], py[CR_SKETCH_K4];
	cr_sketch_pack4(x, px);
	cr_sketch_pack4(y, py);
	assert_int_equal(cr_sketch_same(x, x), CR_SKETCH_K);
	assert_int_equal(cr_sketch_same4(px, px), CR_SKETCH_K);
	assert_int_equal(cr_sketch_same(x, y), 0);
	assert_int_equal(cr_sketch_same4(px, py), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_counts_match_slot_by_slot),
	        cmocka_unit_test(test_all_and_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

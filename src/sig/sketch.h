/*
 * sketch.h - comparing MinHash sketches of CR_SKETCH_K 32-bit slots.
 *
 * Copy detection compares an article's sketches with every candidate's.
 * The full comparison reads 4 cache lines per sketch; the low 4 bits of
 * each slot, packed into CR_SKETCH_K4 words, fit two sketches in one
 * line. Slots that agree in full agree in their low bits, so
 * cr_sketch_same4() never counts fewer agreements than cr_sketch_same():
 * a candidate ruled out by the first is ruled out by the second.
 *
 * Header-only (static inline): these run for every candidate of every
 * article, and the tests check them directly.
 */
#ifndef CR_SIG_SKETCH_H
#define CR_SIG_SKETCH_H

#include <stdint.h>
#include <string.h>

#define CR_SKETCH_K  64                 /* slots per sketch */
#define CR_SKETCH_K4 (CR_SKETCH_K / 16) /* words of packed low bits */

/* Four slots at a time (GCC and Clang vector extensions, SSE2 on
 * x86-64). */
typedef uint32_t cr_slots4 __attribute__((vector_size(16)));

static inline cr_slots4 cr_sketch_load4(const uint32_t *p)
{
	cr_slots4 v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* Slots of x and y that agree. */
static inline uint32_t cr_sketch_same(const uint32_t *x, const uint32_t *y)
{
	/* Agreeing lanes are all ones; four sums, so the loop is not one
	 * long chain. */
	cr_slots4 m0 = {0}, m1 = {0}, m2 = {0}, m3 = {0};
	for (int j = 0; j < CR_SKETCH_K; j += 16) {
		m0 -= (cr_slots4)(cr_sketch_load4(x + j) ==
		                  cr_sketch_load4(y + j));
		m1 -= (cr_slots4)(cr_sketch_load4(x + j + 4) ==
		                  cr_sketch_load4(y + j + 4));
		m2 -= (cr_slots4)(cr_sketch_load4(x + j + 8) ==
		                  cr_sketch_load4(y + j + 8));
		m3 -= (cr_slots4)(cr_sketch_load4(x + j + 12) ==
		                  cr_sketch_load4(y + j + 12));
	}
	cr_slots4 t = m0 + m1 + m2 + m3;
	return t[0] + t[1] + t[2] + t[3];
}

/* The low 4 bits of each slot of v: slot j in bits 4 (j % 16) of word
 * j / 16 of out. */
static inline void cr_sketch_pack4(const uint32_t *v, uint64_t *out)
{
	for (int w = 0; w < CR_SKETCH_K4; w++) {
		uint64_t x = 0;
		for (int j = 0; j < 16; j++)
			x |= (uint64_t)(v[w * 16 + j] & 15) << (4 * j);
		out[w] = x;
	}
}

/* Slots of two packed sketches whose low 4 bits agree. */
static inline uint32_t cr_sketch_same4(const uint64_t *x, const uint64_t *y)
{
	uint32_t differ = 0;
	for (int w = 0; w < CR_SKETCH_K4; w++) {
		uint64_t d = x[w] ^ y[w];
		/* One bit per differing slot, then their sum: pairs into
		 * bytes, bytes by a multiply (no popcount instruction in
		 * the x86-64 baseline). */
		d = (d | d >> 1 | d >> 2 | d >> 3) & 0x1111111111111111ULL;
		d = (d + (d >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
		differ += (uint32_t)((d * 0x0101010101010101ULL) >> 56);
	}
	return CR_SKETCH_K - differ;
}

#endif

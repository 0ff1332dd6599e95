/*
 * lexicon.c - membership tests against small static word tables.
 *
 * A binary search with the comparison written inline: every stage looks
 * up most tokens in some table, and a call to strcmp or strncmp per probe
 * cost more than the probe. The NUL-terminated and the counted form of a
 * word compare in the same order (strcmp's), so both find the same
 * entries. Tables are the callers' static arrays, sorted by strcmp;
 * see lexicon.h.
 */
#include "text/lexicon.h"

#include <string.h>

/* What cmp_counted() returns when w holds a NUL: no entry can match. */
#define HAS_NUL 2

/* Compares the len bytes at w with the entry t as strcmp would compare w
 * as a string of its own: <0, 0 or >0, or HAS_NUL when a NUL in w is
 * reached (it could only equal t's terminator, and no entry holds a NUL
 * before its end). Inline byte by byte: tables are searched for every
 * token, and most probes differ in their first byte, so a call to
 * strncmp costs more than the comparison itself. */
static inline int cmp_counted(const char *w, size_t len, const char *t)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char x = (unsigned char)w[i], y = (unsigned char)t[i];
		if (x != y)
			return x < y ? -1 : 1; /* t ended first: y is 0 < x */
		if (x == 0)
			return HAS_NUL;
	}
	return t[len] != '\0' ? -1 : 0; /* w is a proper prefix of t */
}

int cr_lexicon_has_n(const char *const *sorted, size_t n, const char *w,
                     size_t len)
{
	if (!w || !sorted)
		return 0;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_counted(w, len, sorted[mid]);
		if (c == 0)
			return 1;
		if (c == HAS_NUL)
			return 0;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* strcmp, inline for the reason cmp_counted() is. */
static inline int cmp_str(const char *w, const char *t)
{
	size_t i = 0;
	while (w[i] == t[i] && w[i])
		i++;
	return (unsigned char)w[i] - (unsigned char)t[i];
}

int cr_lexicon_has(const char *const *sorted, size_t n, const char *w)
{
	if (!w || !sorted || !n)
		return 0;
	/* The last entry not above w, found by halving with no early exit:
	 * the step is a conditional move rather than a branch the CPU
	 * cannot predict, which costs more than the probes saved. */
	const char *const *base = sorted;
	while (n > 1) {
		size_t half = n / 2;
		base = cmp_str(w, base[half]) >= 0 ? base + half : base;
		n -= half;
	}
	return cmp_str(w, *base) == 0;
}

int cr_lexicon_sorted(const char *const *sorted, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (strcmp(sorted[i - 1], sorted[i]) >= 0)
			return 0;
	return 1;
}

int cr_word_in(const char *w, const char *const *list, size_t n)
{
	if (!w)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

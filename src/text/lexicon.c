/*
 * lexicon.c - membership tests against small static word tables.
 *
 * One binary search serves both the NUL-terminated and the counted form
 * of a word, so every table is searched the same way whichever form the
 * caller holds. Tables are the callers' static arrays, sorted by strcmp;
 * see lexicon.h.
 */
#include "text/lexicon.h"

#include <string.h>

/* Compares the len bytes at w (no NUL among them) with the entry t as
 * strcmp would compare w as a string of its own: <0, 0 or >0. */
static int cmp_counted(const char *w, size_t len, const char *t)
{
	int c = strncmp(w, t, len);
	if (c == 0 && t[len] != '\0')
		c = -1; /* w is a proper prefix of t */
	return c;
}

int cr_lexicon_has_n(const char *const *sorted, size_t n, const char *w,
                     size_t len)
{
	if (!w || !sorted || memchr(w, '\0', len))
		return 0;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_counted(w, len, sorted[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

int cr_lexicon_has(const char *const *sorted, size_t n, const char *w)
{
	return w && cr_lexicon_has_n(sorted, n, w, strlen(w));
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

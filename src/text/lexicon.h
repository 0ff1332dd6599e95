/*
 * lexicon.h - membership tests against small static word tables.
 *
 * The text stages keep their word lists as static const arrays of
 * NUL-terminated strings. A table searched with cr_lexicon_has*() must be
 * sorted by strcmp (byte order, upper case before lower case) and hold no
 * duplicates: the search does not check this, and on an unsorted table it
 * silently misses words (cr_lexicon_sorted() lets a debug build or a test
 * check the order). Short or unsorted lists are searched linearly with
 * cr_word_in(). Nothing here allocates or keeps state.
 */
#ifndef CR_TEXT_LEXICON_H
#define CR_TEXT_LEXICON_H

#include <stddef.h>

/* Entries in a static array (not a pointer). */
#define CR_COUNT(t) (sizeof(t) / sizeof((t)[0]))

/* 1 when the NUL-terminated w is one of the n words of sorted (a binary
 * search by strcmp), 0 when not or when w is NULL. */
int cr_lexicon_has(const char *const *sorted, size_t n, const char *w);

/* 1 when the len bytes at w (not NUL-terminated: a word inside a longer
 * text) are exactly one of the n words of sorted. A proper prefix of an
 * entry does not match ("cap" is not "capt"), nor does a longer word
 * that starts with an entry. 0 when len is 0 and no entry is empty, when
 * w is NULL, or when a NUL lies within the len bytes. */
int cr_lexicon_has_n(const char *const *sorted, size_t n, const char *w,
                     size_t len);

/* 1 when the n words of sorted are in strictly increasing strcmp order
 * (so sorted and free of duplicates), which cr_lexicon_has*() needs. */
int cr_lexicon_sorted(const char *const *sorted, size_t n);

/* 1 when the NUL-terminated w equals one of the n words of list, in any
 * order (a linear scan: for lists of a few dozen words). 0 when not or
 * when w is NULL. */
int cr_word_in(const char *w, const char *const *list, size_t n);

/* cr_word_in() and cr_lexicon_has() over a whole static array. */
#define CR_WORD_IN(w, list)    cr_word_in((w), (list), CR_COUNT(list))
#define CR_LEXICON_HAS(set, w) cr_lexicon_has((set), CR_COUNT(set), (w))

#endif

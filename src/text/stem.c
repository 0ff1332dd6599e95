/*
 * stem.c - Snowball stemming (libstemmer) and English stopwords.
 *
 * Words reach here case-folded (cr_utf8_fold), so ’ is already '. A
 * cr_stemmer wraps one sb_stemmer, whose result buffer is overwritten by
 * each call: the stem is copied into the caller's arena at once, and a
 * stemmer must not be shared between threads.
 *
 * News repeats its words, so each stemmer keeps a direct-mapped cache of
 * recent words with their stem and stopword flag: a hit costs one hash
 * and one compare instead of a Snowball run and a table search. A slot
 * is overwritten by the next word hashed to it, so the cache is bounded
 * and needs no eviction policy; it never changes a result.
 */
#include "text/stem.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>
#include <xxhash.h>

#include "text/lexicon.h"

/* Words longer than this are not stemmed (returned as they are): no real
 * word is this long, and it bounds the stemmer's work per call. */
#define STEM_MAX_BYTES 256
/* Longer than the longest stopword: no need to search. */
#define STOP_MAX_BYTES 16

/* Cache slots (a power of two) and the longest word or stem cached:
 * one slot fills one 32-byte half of a cache line, and the rare longer
 * words are stemmed every time. 32768 slots (1 MB) hold the words a
 * news collection keeps using: with 8192 the tokens stage of
 * bench/text-speed ran about a tenth slower, stemming again words that
 * had been pushed out. */
#define STEM_CACHE_SLOTS 32768u
#define STEM_CACHE_BYTES 14

typedef struct stem_slot {
	uint8_t word_len; /* 0: empty (the empty word is never cached) */
	uint8_t stem_len;
	uint8_t stop;
	uint8_t unused;
	char word[STEM_CACHE_BYTES];
	char stem[STEM_CACHE_BYTES];
} stem_slot;

struct cr_stemmer {
	struct sb_stemmer *sb;
	stem_slot *cache; /* STEM_CACHE_SLOTS */
};

/* ISO 639-1 codes and the Snowball names they stand for. */
static const struct {
	const char *iso;
	const char *snowball;
} LANGS[] = {
        {"da", "danish"},    {"de", "german"},     {"en", "english"},
        {"es", "spanish"},   {"fi", "finnish"},    {"fr", "french"},
        {"hu", "hungarian"}, {"it", "italian"},    {"nl", "dutch"},
        {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
        {"ru", "russian"},   {"sv", "swedish"},    {"tr", "turkish"},
};

/* Common English function words: articles, pronouns, auxiliaries,
 * prepositions, conjunctions and their contractions. Reporting verbs
 * ("said") are content here: quotes and facts hinge on them. Sorted by
 * strcmp for cr_lexicon_has_n(). */
static const char *const STOPWORDS[] = {
        "a",         "about",      "above",    "across",     "after",
        "again",     "against",    "all",      "along",      "also",
        "although",  "am",         "amid",     "among",      "an",
        "and",       "any",        "are",      "aren't",     "around",
        "as",        "at",         "be",       "because",    "been",
        "before",    "being",      "below",    "between",    "both",
        "but",       "by",         "can",      "can't",      "could",
        "couldn't",  "despite",    "did",      "didn't",     "do",
        "does",      "doesn't",    "doing",    "don't",      "down",
        "during",    "each",       "few",      "for",        "from",
        "further",   "had",        "hadn't",   "has",        "hasn't",
        "have",      "haven't",    "having",   "he",         "he's",
        "her",       "here",       "hers",     "herself",    "him",
        "himself",   "his",        "how",      "i",          "i'd",
        "i'll",      "i'm",        "i've",     "if",         "in",
        "into",      "is",         "isn't",    "it",         "it's",
        "its",       "itself",     "just",     "let's",      "may",
        "me",        "might",      "more",     "most",       "must",
        "my",        "myself",     "no",       "nor",        "not",
        "of",        "off",        "on",       "once",       "only",
        "onto",      "or",         "other",    "our",        "ours",
        "ourselves", "out",        "over",     "own",        "per",
        "same",      "shall",      "she",      "she's",      "should",
        "shouldn't", "so",         "some",     "such",       "than",
        "that",      "that's",     "the",      "their",      "theirs",
        "them",      "themselves", "then",     "there",      "there's",
        "these",     "they",       "they're",  "they've",    "this",
        "those",     "through",    "to",       "too",        "toward",
        "towards",   "under",      "until",    "up",         "upon",
        "us",        "very",       "via",      "was",        "wasn't",
        "we",        "we're",      "we've",    "were",       "weren't",
        "what",      "when",       "where",    "whether",    "which",
        "while",     "who",        "whom",     "whose",      "why",
        "will",      "with",       "within",   "without",    "won't",
        "would",     "wouldn't",   "you",      "you're",     "you've",
        "your",      "yours",      "yourself", "yourselves",
};

cr_stemmer *cr_stemmer_new(const char *lang)
{
	if (!lang)
		return NULL;
	const char *name = lang;
	for (size_t i = 0; i < CR_COUNT(LANGS); i++)
		if (!strcmp(lang, LANGS[i].iso))
			name = LANGS[i].snowball;
	struct sb_stemmer *sb = sb_stemmer_new(name, "UTF_8");
	if (!sb)
		return NULL;
	cr_stemmer *s = malloc(sizeof *s);
	/* Aligned so that no slot straddles two cache lines. */
	stem_slot *cache = aligned_alloc(64, STEM_CACHE_SLOTS * sizeof *cache);
	if (!s || !cache) {
		free(s);
		free(cache);
		sb_stemmer_delete(sb);
		return NULL;
	}
	memset(cache, 0, STEM_CACHE_SLOTS * sizeof *cache);
	s->sb = sb;
	s->cache = cache;
	return s;
}

void cr_stemmer_free(cr_stemmer *s)
{
	if (!s)
		return;
	sb_stemmer_delete(s->sb);
	free(s->cache);
	free(s);
}

const char *cr_stem_peek_hashed(cr_stemmer *s, const char *norm, size_t n,
                                size_t *stem_len, int *stop,
                                uint64_t *norm_hash)
{
	*norm_hash = XXH3_64bits(norm, n);
	if (!s || n == 0 || n > STEM_MAX_BYTES) {
		*stem_len = n;
		*stop = cr_is_stopword(norm, n);
		return norm;
	}
	stem_slot *slot = NULL;
	if (n <= STEM_CACHE_BYTES) {
		slot = &s->cache[*norm_hash & (STEM_CACHE_SLOTS - 1)];
		if (slot->word_len == n && !memcmp(slot->word, norm, n)) {
			*stem_len = slot->stem_len;
			*stop = slot->stop;
			return slot->stem;
		}
	}
	const sb_symbol *r =
	        sb_stemmer_stem(s->sb, (const sb_symbol *)norm, (int)n);
	if (!r)
		return NULL;
	int len = sb_stemmer_length(s->sb);
	*stem_len = len > 0 ? (size_t)len : 0;
	*stop = cr_is_stopword(norm, n);
	if (slot && *stem_len <= STEM_CACHE_BYTES) {
		slot->word_len = (uint8_t)n;
		slot->stem_len = (uint8_t)*stem_len;
		slot->stop = (uint8_t)*stop;
		memcpy(slot->word, norm, n);
		memcpy(slot->stem, r, *stem_len);
	}
	return (const char *)r;
}

const char *cr_stem_peek(cr_stemmer *s, const char *norm, size_t n,
                         size_t *stem_len, int *stop)
{
	uint64_t hash;
	return cr_stem_peek_hashed(s, norm, n, stem_len, stop, &hash);
}

const char *cr_stem(cr_stemmer *s, cr_arena *a, const char *norm, size_t n)
{
	size_t len;
	int stop;
	const char *r = cr_stem_peek(s, norm, n, &len, &stop);
	return r ? cr_arena_strndup(a, r, len) : NULL;
}

int cr_is_stopword(const char *norm, size_t n)
{
	if (!norm || n == 0 || n > STOP_MAX_BYTES)
		return 0;
	return cr_lexicon_has_n(STOPWORDS, CR_COUNT(STOPWORDS), norm, n);
}

/*
 * story.h - what the briefing stages share about one story (internal to
 * src/brief).
 *
 * The briefing is built from "units": every sentence of every article,
 * and, where a sentence joins several statements, each of its clauses.
 * A unit carries its weighted content terms (stems, numbers, entity
 * names, with synonyms mapped to one term) so that alignment is a merge
 * of two sorted arrays. All memory comes from the briefing's arena.
 */
#ifndef CR_BRIEF_STORY_H
#define CR_BRIEF_STORY_H

#include <stdint.h>

#include "base/arena.h"
#include "crossread/briefing.h"
#include "crossread/err.h"
#include "text/date.h"

/* Caps that bound one briefing's work: units beyond these are ignored. */
#define CR_BRIEF_MAX_UNITS 20000u
#define CR_BRIEF_MAX_TERMS 96u /* per unit */
#ifndef CR_BRIEF_MAX_PAIRS     /* units x articles in the match table */
#define CR_BRIEF_MAX_PAIRS (4u << 20)
#endif

typedef struct cr_term {
	uint64_t id;    /* xxh3 of the term string */
	float w;        /* idf weight within the story, times boost */
	uint8_t boost;  /* 2 for numbers and dates: they pin a statement */
	uint8_t person; /* the surname of a person named */
} cr_term;

typedef struct cr_unit {
	uint32_t art;          /* index into the story's articles */
	uint32_t sent;         /* sentence index in the article */
	cr_span span;          /* text of the unit in the article body */
	uint8_t clause;        /* 1 when a clause of a longer sentence */
	uint8_t is_quote_only; /* the sentence is a bare quotation */
	uint32_t parent; /* for a clause: the unit of its whole sentence */
	cr_term *terms;  /* sorted by id, unique */
	uint32_t n_terms;
	float weight; /* sum of term weights */
	/* Word sequences for the alignment features, built once with the
	 * units (text order, at most 64 each): the folded content stems and
	 * numbers; the words as written, stopwords kept; their folded stems;
	 * and a flag per word for a capitalised word not opening the
	 * sentence. */
	const uint64_t *content, *words, *stems;
	const uint8_t *caps;
	uint8_t n_content, n_words, n_neg; /* n_neg: negators in the unit */
	/* Per word: the first five letters' id and a stopword flag; the
	 * sorted hashes of the unit's character 3- and 5-grams; quotation
	 * marks and attribution verbs ("said") in the unit; which of
	 * align.c's connectives and reporting words it writes. */
	const uint64_t *prefixes;
	const uint8_t *stops;
	const uint32_t *grams;
	uint16_t n_grams, n_grams3; /* n_grams3: the 3-grams, sorted first */
	/* The start positions of the unit's n-grams, each kind sorted (kind
	 * k at ng + k * n_words; align.c's NG_* kinds), so two units' shared
	 * n-grams are counted by a merge, not by comparing every pair of
	 * positions. */
	const uint8_t *ng;
	uint8_t n_quotes, n_said;
	uint32_t links, says; /* bits: which connectives, reporting words */
} cr_unit;

typedef struct cr_story {
	cr_arena *arena; /* the briefing's */
	const cr_article *const *arts;
	uint32_t n_arts;
	uint32_t *root; /* per article: index of its original
	                   (itself unless a copy) */
	cr_unit *units;
	uint32_t n_units;
	uint32_t *ubeg, *uend; /* per article: its units [ubeg, uend) */
	uint8_t *support;      /* n_units x n_arts: article states unit */
	/* n_units x n_arts, when that fits CR_BRIEF_MAX_PAIRS: the unit of
	 * each article that best states each unit, and its score; NULL for
	 * larger stories, which compute matches on demand */
	uint32_t *bestv;
	double *bests;
	/* anchor date per article (the publication date, else inferred from
	 * the story's text); 0 year = none */
	int16_t *anchor_y;
	int8_t *anchor_m, *anchor_d;
	uint8_t *anchor_inferred;
} cr_story;

/* Builds units and their weighted terms for the story's articles. */
cr_err cr_story_units(cr_story *st);

/* How much of unit u's content unit v states: weight of shared terms over
 * u's weight, in [0, 1]. */
double cr_unit_coverage(const cr_story *st, uint32_t u, uint32_t v);

/* Symmetric similarity (weighted Dice) of two units, in [0, 1]. */
double cr_unit_similarity(const cr_story *st, uint32_t u, uint32_t v);

/* 1 when article j states unit u: some unit of j covers u enough. Sets
 * *best to that unit when not NULL. */
int cr_unit_supported_by(const cr_story *st, uint32_t u, uint32_t j,
                         uint32_t *best);

/* Features of "unit v states unit u", the inputs of the alignment model
 * (see align.c): indices into the array cr_unit_features fills. */
enum {
	CR_AF_DICE,       /* weighted Dice of the term sets */
	CR_AF_COVERAGE,   /* share of u's weight that v holds */
	CR_AF_COVERED,    /* share of v's weight that u holds */
	CR_AF_DICE_IDF,   /* Dice with idf (not squared) weights */
	CR_AF_DICE_COUNT, /* Dice of term counts, unweighted */
	CR_AF_ORDER,      /* longest common subsequence / shorter unit */
	CR_AF_BIGRAMS,    /* Dice of adjacent content-word pairs */
	CR_AF_LENGTH,     /* shorter / longer, in content words */
	CR_AF_PINS,       /* numbers and dates one has, the other lacks */
	CR_AF_NEGATION,   /* one is negated, the other not */
	CR_AF_PERSON,     /* one names a person the other does not */
	CR_AF_LEFT_MIN,   /* terms the other lacks, fewer side, / 10 */
	CR_AF_LEFT_MAX,   /* terms the other lacks, more side, / 10 */
	CR_AF_WORD1,      /* F of clipped word matches, stopwords kept */
	CR_AF_WORD2,      /* the same for word bigrams */
	CR_AF_WORD3,      /* the same for word trigrams */
	CR_AF_WORD4,      /* the same for word 4-grams */
	CR_AF_STEM1,      /* F of clipped stem matches, stopwords kept */
	CR_AF_EDIT,       /* word edit distance / longer unit's words */
	CR_AF_LEN_DIFF,   /* difference in words, / 10 */
	CR_AF_NUM_SAME,   /* both write numbers, and the same ones */
	CR_AF_NUM_DIFF,   /* both write numbers, and not the same ones */
	CR_AF_CAP_LEFT,   /* capitalised words the other lacks, / 5 */
	CR_AF_PREC_MIN,   /* clipped word precision, lower direction */
	CR_AF_PREC_MAX,   /* and higher direction */
	CR_AF_PREFIX1,    /* F of clipped five-letter prefix matches */
	CR_AF_CHAR3,      /* Dice of character 3-grams */
	CR_AF_CHAR5,      /* Dice of character 5-grams */
	CR_AF_LEN_MIN,    /* shorter unit's words, / 20 */
	CR_AF_LEN_MAX,    /* longer unit's words, / 20 */
	CR_AF_RUN_LEFT,   /* longest run of unmatched content words, / 10 */
	CR_AF_STOP_F,     /* F of clipped stopword matches */
	CR_AF_QUOTE,      /* one quotes, the other not */
	CR_AF_SAID,       /* one attributes ("said"), the other not */
	CR_AF_LINK_LEFT,  /* connectives ("but", "when") one side lacks, / 3 */
	CR_AF_SAY_LEFT,   /* reporting words one side lacks, / 3 */
	CR_AF_TAIL_LEFT,  /* last words the other lacks, more side, / 10 */
	CR_AF_HEAD_LEFT,  /* first words the other lacks, more side, / 10 */
	CR_AF_IDF_LEFT,   /* idf of terms the other lacks, more side, / 40 */
	CR_AF_COUNT
};

/* Fills f[CR_AF_COUNT] with the features of "v states u". */
void cr_unit_features(const cr_story *st, uint32_t u, uint32_t v, double *f);

/* Fills st->support: for each unit, which articles state it (its own
 * always does). */
cr_err cr_story_support(cr_story *st);

/* The support row of unit u: n_arts bytes, 1 where the article states u. */
static inline const uint8_t *cr_unit_support(const cr_story *st, uint32_t u)
{
	return st->support + (size_t)u * st->n_arts;
}

/* An article set from a bitmap of story articles, into the arena. */
cr_artset cr_artset_from_mask(cr_arena *a, const uint8_t *mask, uint32_t n);

/* 1 when x and y hold the same articles (sets are kept in story order). */
static inline int cr_artset_equal(cr_artset x, cr_artset y)
{
	if (x.n != y.n)
		return 0;
	for (uint32_t i = 0; i < x.n; i++)
		if (x.idx[i] != y.idx[i])
			return 0;
	return 1;
}

/* Independent outlets among the articles of mask: copies count once. */
uint32_t cr_story_independent(const cr_story *st, const uint8_t *mask);

/* The text of a span as an arena string, trimmed and with a leading
 * conjunction of a clause ("while", "with", "and") cut. */
const char *cr_story_text(cr_story *st, uint32_t art, cr_span span);

/* Sets each article's anchor date: its publication date (UTC), else the
 * date its own text allows (cr_dates_infer_anchor), else the anchor most
 * articles of the story share, marked inferred. */
cr_err cr_story_anchors(cr_story *st);

/* Resolves d, a copy of one of article ai's dates, against the article's
 * anchor. Leaves d unresolved when the article has none. */
void cr_date_resolve_story(cr_date *d, const cr_story *st, uint32_t ai);

/* 1 when d is the dateline that opens the article ("CARROW FALLS,
 * Wednesday, March 12, 2025 —"): the date of the report, not of an
 * event. */
int cr_date_is_dateline(const cr_article *a, const cr_date *d);

/* Stages, each filling its part of b. */
/* Facts and summary. The summary has at most max_summary sentences and,
 * when max_words is not 0, at most max_words words (whitespace-separated,
 * as ROUGE's -l counts them): the sentence that reaches the budget is cut
 * to fit and ends in an ellipsis. focus may be NULL. */
cr_err cr_brief_facts(cr_story *st, cr_briefing *b, uint32_t max_summary,
                      uint32_t max_words, const char *focus);
cr_err cr_brief_conflicts(cr_story *st, cr_briefing *b);
cr_err cr_brief_timeline(cr_story *st, cr_briefing *b);
cr_err cr_brief_quotes(cr_story *st, cr_briefing *b);
cr_err cr_brief_entities(cr_story *st, cr_briefing *b);

/* 1 when align.c's word tables that are searched by halves are in
 * order (a test checks; out of order, words would silently be missed). */
int cr_align_tables_ok(void);

#endif

/*
 * stories.h - online clustering of articles into stories.
 *
 * Each article is a TF-IDF vector over title and body stems (title terms
 * weighted up) plus entity names; document frequencies are counted online.
 * Candidates come from an inverted index from term to the stories that
 * hold it, walking only the article's top terms, so the cost per article
 * does not grow with the number of stories. The best candidate by cosine
 * against the story centroid (times an optional time decay when both
 * have dates) joins it when the score passes the threshold, which is
 * lower for short articles (headlines, snippets); otherwise the article
 * opens a new story. The active window is bounded twice: stories idle
 * for longer than window_days leave, and when max_active stories are
 * active the least recently joined one leaves; a story that leaves frees
 * its memory.
 */
#ifndef CR_CLUSTER_STORIES_H
#define CR_CLUSTER_STORIES_H

#include <stdint.h>

#include "crossread/article.h"

typedef struct cr_stories cr_stories;

/* A field that is 0 (or negative) takes its default in cr_stories_new. */
typedef struct cr_story_params {
	double threshold;     /* min similarity to join; default 0.15 */
	double window_days;   /* idle time before a story leaves; 3650 */
	uint32_t top_terms;   /* terms of an article used for lookup; 32 */
	double title_weight;  /* weight of a title use of a term; 2 */
	double entity_weight; /* weight of an entity mention; 1.5 */
	/* Added for issue 4 (stream scale). */
	double short_threshold; /* threshold of the shortest texts; 0.10 */
	uint32_t short_terms;   /* terms from which threshold applies; 64 */
	double decay_days;      /* score *= exp(-gap / decay_days); 0 = off */
	uint32_t max_active;    /* stories active at once; 8192 */
	/* Candidates scored in full, chosen by the part of the score the
	 * top terms make; 8, at most 256 (every candidate). */
	uint32_t shortlist;
} cr_story_params;

/* Defaults as documented above; the only place they are set. */
cr_story_params cr_story_params_default(void);

typedef struct cr_story_decision {
	uint32_t story; /* the story chosen */
	int opened;     /* 1 when a new story was opened */
	double score;   /* similarity to the chosen story */
	/* Second-best story of the shortlist (see shortlist), -1 if none. */
	int64_t runner_up;
	double runner_score;
	const char *shared[5]; /* top shared terms (borrowed), NULL-ended */
} cr_story_decision;

cr_stories *cr_stories_new(const cr_story_params *p); /* NULL = defaults */
void cr_stories_free(cr_stories *s);                  /* accepts NULL */

/* Places an analysed article in a story, sets a->story, and fills why
 * (may be NULL). */
void cr_stories_add(cr_stories *s, cr_article *a, cr_story_decision *why);

/* Number of stories opened so far. */
uint32_t cr_stories_count(const cr_stories *s);

/* Number of stories active now (in the window, in memory). */
uint32_t cr_stories_active(const cr_stories *s);

#endif

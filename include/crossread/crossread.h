/*
 * crossread.h - the public API of libcrossread.
 *
 * A cr_pipeline takes articles (from paths or one by one), cleans and
 * analyses each as it arrives, finds copies, places it in a story, and on
 * request writes the briefing of every story. It is a thin driver over
 * the stages in src/; the CLI and (later) the server are thin shells
 * over it.
 *
 *   cr_diag d = {0};
 *   cr_pipeline *p = cr_pipeline_new(&d);
 *   cr_pipeline_add_path(p, "articles/");
 *   cr_briefing **b; size_t n;
 *   cr_pipeline_brief(p, NULL, &b, &n);
 *   ... cr_render_json(stdout, b, n) ...
 *   cr_pipeline_free_briefings(b, n);
 *   cr_pipeline_free(p);
 */
#ifndef CROSSREAD_H
#define CROSSREAD_H

#include <stddef.h>
#include <stdint.h>

#include "crossread/article.h"
#include "crossread/briefing.h"
#include "crossread/diag.h"
#include "crossread/err.h"

typedef struct cr_pipeline cr_pipeline;

/* d receives rejections and may be NULL. NULL when out of memory. */
cr_pipeline *cr_pipeline_new(cr_diag *d);

/* Story clustering settings for cr_pipeline_new_with(). A field left 0
 * takes the library's default (src/cluster/stories.h documents them). */
typedef struct cr_cluster_opts {
	double threshold;     /* min similarity to join a story */
	double window_days;   /* how long an idle story stays active */
	uint32_t top_terms;   /* terms of an article used to find candidates */
	double title_weight;  /* weight of a title use of a term (>= 0.5) */
	double entity_weight; /* weight of an entity mention (>= 0.5) */
	double short_threshold; /* threshold of a text with no terms */
	uint32_t short_terms;   /* terms from which threshold applies */
} cr_cluster_opts;

/* As cr_pipeline_new, with clustering settings o (NULL = defaults). */
cr_pipeline *cr_pipeline_new_with(cr_diag *d, const cr_cluster_opts *o);

/* Frees the pipeline and every article it holds. Accepts NULL. */
void cr_pipeline_free(cr_pipeline *p);

/* Reads every article under path (file, directory or "-"). Rejected
 * input is reported through the diag and skipped. */
cr_err cr_pipeline_add_path(cr_pipeline *p, const char *path);

/* Adds one article with raw text set (takes ownership, even on error):
 * cleans, analyses, fingerprints and clusters it. */
cr_err cr_pipeline_add_article(cr_pipeline *p, cr_article *a);

/* Articles accepted so far. */
size_t cr_pipeline_count(const cr_pipeline *p);

/* The i-th accepted article (borrowed), in arrival order. */
const cr_article *cr_pipeline_article(const cr_pipeline *p, size_t i);

/* Shared terms a placement reports at most. */
#define CR_PLACEMENT_TERMS 4

/* Why an article went to its story: a small value type, filled by
 * cr_pipeline_placement(). Story numbers are cr_article.story: they
 * count from 0 in the order the stories were opened, so they are fixed
 * the moment an article is placed and deterministic for a given input
 * order. Story number N is named "story-<N+1>" everywhere: briefings and
 * `crossread cluster` print the same id for the same story. */
typedef struct cr_placement {
	uint32_t story;      /* the article's story */
	int opened;          /* 1 when this article opened the story */
	double score;        /* similarity to the story joined; 0 if opened */
	int64_t runner_up;   /* next-best story, -1 if none; when the article
	                        opened a story, the nearest one refused */
	double runner_score; /* its similarity */
	/* Heaviest terms the article shares with its story (or, when it
	 * opened one, with the runner-up): stems, "E:"-prefixed entity
	 * names. Borrowed from the pipeline, valid until it is freed;
	 * NULL past the last one. */
	const char *shared[CR_PLACEMENT_TERMS];
} cr_placement;

/* Fills out with the placement of the i-th accepted article (arrival
 * order). Returns 0, or -1 (out untouched) when i is out of range. */
int cr_pipeline_placement(const cr_pipeline *p, size_t i, cr_placement *out);

/* Called by a streaming pipeline with each article the moment it is
 * placed, in arrival order; both are valid only during the call. A
 * result other than CR_OK stops the input: cr_pipeline_add_path() and
 * cr_pipeline_add_article() return it. */
typedef cr_err (*cr_placed_fn)(void *ctx, const cr_article *a,
                               const cr_placement *pl);

/* Makes p a streaming pipeline; call it before adding articles. Each
 * article goes to fn as soon as it is placed and is then freed, so
 * memory stays bounded by the clustering state (the active stories and
 * the copy index) however long the input, and analysis runs only the
 * stages clustering reads (tokens and entities). cr_pipeline_count()
 * counts the articles placed; cr_pipeline_article() and
 * cr_pipeline_placement() find none, and cr_pipeline_brief() has
 * nothing to brief. */
void cr_pipeline_stream(cr_pipeline *p, cr_placed_fn fn, void *ctx);

/* Builds the briefing of every story, largest first (ties: the story
 * opened first); a briefing's id is "story-<N+1>" for its story number N,
 * so it does not change as stories grow. The array
 * and the briefings are owned by the caller: free with
 * cr_pipeline_free_briefings(). The briefings borrow the pipeline's
 * articles, so free them before the pipeline. */
cr_err cr_pipeline_brief(cr_pipeline *p, const cr_brief_opts *opts,
                         cr_briefing ***out, size_t *n);

void cr_pipeline_free_briefings(cr_briefing **b, size_t n);

#endif

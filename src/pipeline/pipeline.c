/*
 * pipeline.c - the driver: ingest -> clean -> analyze -> sign -> cluster
 * -> brief.
 *
 * Data moves forward only. Articles are kept in arrival order; briefing
 * groups them by story. Articles that arrive with a publication time are
 * clustered in the order they arrive (the caller feeds a stream); the
 * briefing itself sorts nothing it does not need to.
 *
 * Each article's story decision is kept beside it (cr_placement), so
 * `crossread cluster --explain` can say why it went where it did. Its
 * shared terms are borrowed from the clustering vocabulary, which lives
 * as long as the pipeline. Story numbers count in opening order;
 * briefings are named by size rank instead (see crossread.h).
 */
#include "crossread/crossread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "brief/briefing.h"
#include "cluster/stories.h"
#include "ingest/clean.h"
#include "ingest/ingest.h"
#include "sig/copies.h"
#include "text/analyze.h"
#include "text/ner.h"

/* Most articles one pipeline holds in memory for briefing. */
#define CR_MAX_ARTICLES (1u << 24)

struct cr_pipeline {
	cr_diag *diag;
	cr_analyzer *analyzer;
	cr_copies *copies;
	cr_stories *stories;
	cr_article **arts;
	cr_story_decision *why; /* beside arts, same count */
	size_t n, cap;
	size_t placed;          /* articles placed (== n unless streaming) */
	cr_placed_fn placed_fn; /* streaming: where each placed article goes */
	void *placed_ctx;
};

cr_pipeline *cr_pipeline_new(cr_diag *d)
{
	return cr_pipeline_new_with(d, NULL);
}

cr_pipeline *cr_pipeline_new_with(cr_diag *d, const cr_cluster_opts *o)
{
	cr_pipeline *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->diag = d;
	p->analyzer = cr_analyzer_new();
	p->copies = cr_copies_new();
	/* Zero fields keep the defaults of cr_story_params_default(). */
	cr_story_params sp = {0};
	if (o) {
		sp.threshold = o->threshold;
		sp.window_days = o->window_days;
		sp.top_terms = o->top_terms;
		sp.title_weight = o->title_weight;
		sp.entity_weight = o->entity_weight;
		sp.short_threshold = o->short_threshold;
		sp.short_terms = o->short_terms;
	}
	p->stories = cr_stories_new(o ? &sp : NULL);
	if (!p->analyzer || !p->copies || !p->stories) {
		cr_pipeline_free(p);
		return NULL;
	}
	/* Once per pipeline: without the model every entity is guessed by
	 * rule, which a user should know. */
	if (!cr_analyzer_has_model(p->analyzer))
		cr_diag_warn(d, CR_NER_MODEL_FILE, 0, CR_EIO,
		             "no named-entity model in CR_MODEL_DIR or the "
		             "model folders; entities are found by rules");
	return p;
}

void cr_pipeline_free(cr_pipeline *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		cr_article_destroy(p->arts[i]);
	free(p->arts);
	free(p->why);
	cr_stories_free(p->stories);
	cr_copies_free(p->copies);
	cr_analyzer_free(p->analyzer);
	free(p);
}

void cr_pipeline_stream(cr_pipeline *p, cr_placed_fn fn, void *ctx)
{
	p->placed_fn = fn;
	p->placed_ctx = ctx;
}

static cr_placement placement_of(const cr_story_decision *d)
{
	cr_placement pl = {
	        .story = d->story,
	        .opened = d->opened,
	        .score = d->score,
	        .runner_up = d->runner_up,
	        .runner_score = d->runner_score,
	};
	for (size_t k = 0; k < CR_PLACEMENT_TERMS && d->shared[k]; k++)
		pl.shared[k] = d->shared[k];
	return pl;
}

/* Makes room for one more kept article; CR_ENOMEM or CR_ETOOBIG. */
static cr_err reserve(cr_pipeline *p)
{
	if (p->n == CR_MAX_ARTICLES)
		return CR_ETOOBIG;
	if (p->n < p->cap)
		return CR_OK;
	size_t nc = p->cap ? p->cap * 2 : 64;
	cr_article **na = realloc(p->arts, nc * sizeof *na);
	if (!na)
		return CR_ENOMEM;
	p->arts = na;
	cr_story_decision *nw = realloc(p->why, nc * sizeof *nw);
	if (!nw)
		return CR_ENOMEM;
	p->why = nw;
	p->cap = nc;
	return CR_OK;
}

cr_err cr_pipeline_add_article(cr_pipeline *p, cr_article *a)
{
	cr_err e = CR_OK;
	/* A streaming pipeline keeps nothing, and analyses only what
	 * clustering reads. */
	int streaming = p->placed_fn != NULL;
	if (!streaming && (e = reserve(p)) != CR_OK)
		goto reject;
	if ((e = cr_clean(a)) != CR_OK)
		goto reject;
	if (a->body_len == 0 && !a->title) {
		e = CR_EEMPTY;
		goto reject;
	}
	e = streaming ? cr_analyze_for_clustering(p->analyzer, a)
	              : cr_analyze(p->analyzer, a);
	if (e != CR_OK)
		goto reject;
	a->seq = (uint32_t)p->placed++;
	cr_copies_add(p->copies, a, NULL);
	if (streaming) {
		cr_story_decision d;
		cr_stories_add(p->stories, a, &d);
		cr_placement pl = placement_of(&d);
		e = p->placed_fn(p->placed_ctx, a, &pl);
		cr_article_destroy(a);
		return e;
	}
	cr_stories_add(p->stories, a, &p->why[p->n]);
	p->arts[p->n++] = a;
	return CR_OK;
reject:
	cr_diag_reject(p->diag, a->origin ? a->origin : a->id, a->origin_line,
	               e, "article %s: %s", a->id ? a->id : "?",
	               cr_strerror(e));
	cr_article_destroy(a);
	/* A rejected article is reported, not fatal; only memory is. */
	return e == CR_ENOMEM ? e : CR_OK;
}

static cr_err sink(void *ud, cr_article *a)
{
	return cr_pipeline_add_article(ud, a);
}

cr_err cr_pipeline_add_path(cr_pipeline *p, const char *path)
{
	return cr_ingest_path(path, sink, p, p->diag);
}

size_t cr_pipeline_count(const cr_pipeline *p)
{
	return p->placed;
}

const cr_article *cr_pipeline_article(const cr_pipeline *p, size_t i)
{
	return i < p->n ? p->arts[i] : NULL;
}

int cr_pipeline_placement(const cr_pipeline *p, size_t i, cr_placement *out)
{
	if (i >= p->n)
		return -1;
	*out = placement_of(&p->why[i]);
	return 0;
}

typedef struct story_ref {
	uint32_t story;
	uint32_t n;
	uint32_t first; /* arrival of its first article */
} story_ref;

static int by_size(const void *x, const void *y)
{
	const story_ref *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

cr_err cr_pipeline_brief(cr_pipeline *p, const cr_brief_opts *opts,
                         cr_briefing ***out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	uint32_t ns = cr_stories_count(p->stories);
	if (p->n == 0 || ns == 0)
		return CR_OK;
	story_ref *refs = calloc(ns, sizeof *refs);
	const cr_article **members = malloc(p->n * sizeof *members);
	cr_briefing **bs = calloc(ns, sizeof *bs);
	cr_err e = CR_ENOMEM;
	if (!refs || !members || !bs)
		goto out;
	for (uint32_t s = 0; s < ns; s++) {
		refs[s].story = s;
		refs[s].first = UINT32_MAX;
	}
	for (size_t i = 0; i < p->n; i++) {
		story_ref *r = &refs[p->arts[i]->story];
		if (r->n++ == 0)
			r->first = (uint32_t)i;
	}
	qsort(refs, ns, sizeof *refs, by_size);
	size_t nb = 0;
	e = CR_OK;
	for (uint32_t s = 0; s < ns && refs[s].n; s++) {
		uint32_t m = 0;
		for (size_t i = refs[s].first; i < p->n; i++)
			if (p->arts[i]->story == refs[s].story)
				members[m++] = p->arts[i];
		char id[32];
		/* named by opening order, so a story keeps its id as it
		 * grows and `crossread cluster` prints the same one */
		snprintf(id, sizeof id, "story-%u",
		         (unsigned)refs[s].story + 1);
		e = cr_brief_story(members, m, id, opts, &bs[nb]);
		if (e != CR_OK)
			break;
		nb++;
	}
	if (e != CR_OK) {
		cr_pipeline_free_briefings(bs, nb);
		bs = NULL;
		goto out;
	}
	*out = bs;
	*n_out = nb;
	bs = NULL;
out:
	free(bs);
	free(members);
	free(refs);
	return e;
}

void cr_pipeline_free_briefings(cr_briefing **b, size_t n)
{
	if (!b)
		return;
	for (size_t i = 0; i < n; i++)
		cr_briefing_free(b[i]);
	free(b);
}

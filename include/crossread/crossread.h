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

#include "crossread/article.h"
#include "crossread/briefing.h"
#include "crossread/diag.h"
#include "crossread/err.h"

typedef struct cr_pipeline cr_pipeline;

/* d receives rejections and may be NULL. NULL when out of memory. */
cr_pipeline *cr_pipeline_new(cr_diag *d);

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

/* Builds the briefing of every story, largest first. The array and the
 * briefings are owned by the caller: free with
 * cr_pipeline_free_briefings(). The briefings borrow the pipeline's
 * articles, so free them before the pipeline. */
cr_err cr_pipeline_brief(cr_pipeline *p, const cr_brief_opts *opts,
                         cr_briefing ***out, size_t *n);

void cr_pipeline_free_briefings(cr_briefing **b, size_t n);

#endif

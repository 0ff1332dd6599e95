/*
 * analyze.h - runs every text stage on a cleaned article.
 *
 * Sentences, tokens, stems and stopwords, numbers, dates, entities and
 * quotes, in that order. One cr_analyzer per thread (it owns a stemmer
 * and the named-entity model; without a model file it falls back to
 * rules, silently: callers check cr_analyzer_has_model()).
 */
#ifndef CR_TEXT_ANALYZE_H
#define CR_TEXT_ANALYZE_H

#include "crossread/article.h"
#include "crossread/err.h"

typedef struct cr_analyzer cr_analyzer;

/* NULL when out of memory or no English stemmer. */
cr_analyzer *cr_analyzer_new(void);
void cr_analyzer_free(cr_analyzer *an); /* accepts NULL */

/* The first stage alone: sentences, tokens, stems and stopword flags.
 * cr_analyze() runs it, then numbers, dates, entities and quotes in that
 * order (cr_numbers_find, cr_dates_find, cr_analyze_entities,
 * cr_analyze_quotes); a benchmark that times each stage calls them one
 * by one. */
cr_err cr_analyze_tokens(cr_analyzer *an, cr_article *a);

/* The entity stage alone: the learnt tagger when the analyzer has its
 * model, else the rules (cr_entities_find). */
cr_err cr_analyze_entities(cr_analyzer *an, cr_article *a);

/* The date stage alone: cr_dates_find() with the analyzer's index of
 * date words, built once instead of per article. */
cr_err cr_analyze_dates(cr_analyzer *an, cr_article *a);

/* The quote stage alone: a->quotes and a->reported (text in quotation
 * marks and reported speech, as cr_quotes_find() and
 * cr_quotes_find_reported() give them), in one walk, with the word
 * filters the analyzer built once. Needs the entities. */
cr_err cr_analyze_quotes(cr_analyzer *an, cr_article *a);

/* Only the stages copy detection and clustering read: tokens, then
 * entities (neither reads numbers, dates or quotes). */
cr_err cr_analyze_for_clustering(cr_analyzer *an, cr_article *a);

/* 1 when the analyzer found and loaded the named-entity model. */
int cr_analyzer_has_model(const cr_analyzer *an);

/* Fills the analysis fields of a (which must be cleaned: body set). */
cr_err cr_analyze(cr_analyzer *an, cr_article *a);

#endif

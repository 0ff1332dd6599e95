/*
 * entity.h - named entities: people, places, organisations.
 *
 * Rules with small gazetteers (countries, capitals and demonyms, first
 * names, person titles, organisation head words); the CoNLL-trained model
 * of a later issue replaces the guessing, not this interface. A mention
 * is a run of capitalised tokens (allowing inner "of", "for", "the", "de"
 * and hyphens) that is not a sentence-initial common word; "'s" is cut.
 * Titles (President, Mr, Gen., Foreign Minister) are stripped from the
 * name and make it a person. Demonyms ("Italian", "Spanish") map to their
 * country as a place with demonym = 1 ("US", "American" -> "US"; "UK",
 * "British" -> "UK").
 */
#ifndef CR_TEXT_ENTITY_H
#define CR_TEXT_ENTITY_H

#include <stddef.h>

#include "crossread/article.h"
#include "crossread/err.h"

/* Fills a->ments from a->toks and a->sents. */
cr_err cr_entities_find(cr_article *a);

/* The country a case-folded demonym or country alias names ("italian" ->
 * "Italy", "american" -> "US", "u.s." -> "US"); NULL when none. */
const char *cr_country_of(const char *norm, size_t n);

#endif

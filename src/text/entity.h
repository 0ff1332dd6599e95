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
#include <stdint.h>

#include "crossread/article.h"
#include "crossread/err.h"

/* Fills a->ments from a->toks and a->sents. */
cr_err cr_entities_find(cr_article *a);

/* The country a case-folded demonym or country alias names ("italian" ->
 * "Italy", "american" -> "US", "u.s." -> "US"); NULL when none. */
const char *cr_country_of(const char *norm, size_t n);

/* Gazetteer bits of a bare case-folded word, for the learnt tagger's
 * features (text/ner.c): which of this module's tables hold it. */
enum {
	CR_GAZ_COUNTRY = 1 << 0,    /* a country or alias: "italy" "u.s." */
	CR_GAZ_DEMONYM = 1 << 1,    /* "italian" */
	CR_GAZ_PLACE = 1 << 2,      /* a city or region: "brussels" */
	CR_GAZ_FIRST = 1 << 3,      /* a first name */
	CR_GAZ_TITLE = 1 << 4,      /* "president" "mr" */
	CR_GAZ_ORG_HEAD = 1 << 5,   /* "ministry" "bank" "party" */
	CR_GAZ_ORG = 1 << 6,        /* a known organisation: "nato" */
	CR_GAZ_OTHER = 1 << 7,      /* a head or first word of other names */
	CR_GAZ_SPEECH = 1 << 8,     /* a speech verb: "said" */
	CR_GAZ_PLACE_HEAD = 1 << 9, /* "river" "street" "island" */
};
unsigned cr_entity_gazetteer(const char *norm);

/* The same bits from a hash set of every word the tables hold, built
 * once (for the tagger: one probe per word instead of a binary search per
 * table). cr_gazetteer_new() returns an owned set, NULL when out of
 * memory; free it with cr_gazetteer_free(). cr_gazetteer_bits() gives
 * cr_entity_gazetteer() of the len bytes at w (no NUL needed), 0 for a
 * NULL set or word. */
typedef struct cr_gazetteer cr_gazetteer;
cr_gazetteer *cr_gazetteer_new(void);
unsigned cr_gazetteer_bits(const cr_gazetteer *g, const char *w, size_t len);
/* cr_gazetteer_bits() of a word whose XXH3_64bits() the caller has
 * already (the tagger hashes every word once), and a hint to fetch the
 * slot of such a word ahead of asking for it. */
unsigned cr_gazetteer_bits_hashed(const cr_gazetteer *g, const char *w,
                                  size_t len, uint64_t hash);
void cr_gazetteer_prefetch(const cr_gazetteer *g, uint64_t hash);
void cr_gazetteer_free(cr_gazetteer *g);

/* Fills a->ments from BIO tags, one per token of a (0 = outside; 1 + 2k
 * begins and 2 + 2k continues a name of cr_entity_type k), as the learnt
 * tagger gives them. Names are normalised as cr_entities_find() does:
 * the possessive is cut, a country or demonym maps to its country (a
 * demonym is a place with demonym = 1), and "Spanish embassy" or
 * "Russian defense ministry" after a country adds the organisation. An
 * inside tag with no name open starts one. */
cr_err cr_entities_from_tags(cr_article *a, const uint8_t *tags);

/* cr_entities_from_tags() that finds places through the gazetteer set g
 * (cr_gazetteer_new(); NULL: through the tables), with the same names. */
cr_err cr_entities_from_tags_with(cr_article *a, const uint8_t *tags,
                                  const cr_gazetteer *g);

#endif

/*
 * ner.h - named entities by a learnt tagger: a greedy averaged perceptron
 * over BILOU tags, trained on CoNLL-2003 by tools/ner-train.
 *
 * Features are hashed into 2^bits rows of CR_NER_N_TAGS weights, so the
 * learner's model is one flat array; the file stores the rows training
 * set, quantised to 16 bits and deflated, with the word clusters
 * (tools/ner-clusters) whose prefixes are features and the lexicon bits
 * (WordNet's names, tools/train-ner) of words. Tagging reads tokens,
 * sentences and flags from the tokenizer, plus document evidence (how a word is
 * written elsewhere in the article, and what it was tagged before), and leaves
 * the names to cr_entities_from_tags() (text/entity.h), which normalises them
 * as the rules do.
 */
#ifndef CR_TEXT_NER_H
#define CR_TEXT_NER_H

#include <stddef.h>
#include <stdint.h>

#include "crossread/article.h"
#include "crossread/err.h"

/* Weights per feature row: the model's tags are BILOU (outside, then
 * begin, inside, last and unit of person, place, organisation, other in
 * the order of cr_entity_type). Tags in and out of cr_ner_tag() are BIO:
 * 0 outside, 1 + 2k begins a name of type k, 2 + 2k goes on. */
#define CR_NER_N_TAGS 17
/* Most features one token has. */
#define CR_NER_MAX_FEATS 96
/* Hash bits a model may have: bounds what a file can make us allocate. */
#define CR_NER_MIN_BITS 10
#define CR_NER_MAX_BITS 24
/* Largest model file read. */
#define CR_NER_MAX_FILE_BYTES ((size_t)64 << 20)
/* The model's file name inside a model folder. */
#define CR_NER_MODEL_FILE "ner.model"

typedef struct cr_ner_model cr_ner_model;

/* Loads a model file into *out (owned by the caller; free with
 * cr_ner_model_free). CR_EIO when unreadable, CR_EFORMAT when it is not a
 * model, CR_ENOMEM. */
cr_err cr_ner_model_load(const char *path, cr_ner_model **out);
void cr_ner_model_free(cr_ner_model *m); /* accepts NULL */

/* Fills a->ments (from a->toks and a->sents) with the model's names. */
cr_err cr_ner_find(const cr_ner_model *m, cr_article *a);

/* The tagger's per-article tables (token values, the article's words
 * and forms), kept from one article to the next by one thread, so that
 * each article reuses warm memory instead of asking malloc for seven
 * fresh blocks. Buffers above CR_NER_SCRATCH_KEEP bytes are given back
 * after their article, so a huge article leaves no huge scratch. */
typedef struct cr_ner_scratch cr_ner_scratch;
#define CR_NER_SCRATCH_KEEP ((size_t)1 << 20)

cr_ner_scratch *cr_ner_scratch_new(void);    /* NULL when out of memory */
void cr_ner_scratch_free(cr_ner_scratch *s); /* accepts NULL */

/* cr_ner_find() with the tables in s (NULL: fresh ones). */
cr_err cr_ner_find_with(const cr_ner_model *m, cr_ner_scratch *s,
                        cr_article *a);

/* The BIO tags (see cr_ner_tag()) that cr_ner_find() names, one per
 * token of a, into tags[0..a->n_toks): the loaded model's, as
 * cr_ner_tag() gives them from the weights the model was saved from. */
cr_err cr_ner_tag_model(const cr_ner_model *m, const cr_article *a,
                        uint8_t *tags);

/* Training and saving, for tools/ner-train. */

/* Weights as the tagger reads them: w (float) or q (16-bit, times
 * scale) with 2^bits rows of CR_NER_N_TAGS; exactly one is set. */
typedef struct cr_ner_weights {
	const float *w;
	const int16_t *q;
	uint32_t bits;
} cr_ner_weights;

/* Called on every token while training: feats are its feature rows,
 * gold its true model (BILOU) tag, pred what the weights chose. The learner may
 * change the weights the tagger reads. */
typedef void (*cr_ner_update_fn)(void *ud, const uint32_t *feats, uint32_t n,
                                 int gold, int pred);

/* Tags a->toks left to right into BIO tags[0..a->n_toks). With gold (a
 * BIO tag per token) and update set, update is called at each token and the
 * history features see the predicted tags, as at run time. Without update,
 * tokens that cannot be in a name (no capital letter in them or their
 * neighbours, not opening a clause, no name open) are outside unscored. */
cr_err cr_ner_tag(const cr_ner_weights *w, const cr_article *a, uint8_t *tags,
                  const uint8_t *gold, cr_ner_update_fn update, void *ud);

/* Writes float weights w (2^bits rows) as a model file, with weights
 * whose magnitude is under prune (relative to the largest) set to 0. */
cr_err cr_ner_model_save(const char *path, const float *w, uint32_t bits,
                         float prune);

/* Word clusters (tools/ner-clusters): a bit-string path per word, whose
 * prefixes become features of the word and its neighbours. A model
 * saved with clusters carries them in its file. */
typedef struct cr_ner_clusters cr_ner_clusters;

/* Reads "PATH\tWORD\tCOUNT" lines (PATH of 0s and 1s, WORD a token's
 * case-folded norm) into *out (free with cr_ner_clusters_free). CR_EIO,
 * CR_EFORMAT, CR_ETOOBIG, CR_ENOMEM. */
cr_err cr_ner_clusters_read(const char *path, cr_ner_clusters **out);
void cr_ner_clusters_free(cr_ner_clusters *c); /* accepts NULL */

/* Adds "BITS\tWORD" lines (WORD a case-folded norm, BITS a decimal
 * number: 4 bits, unit, begin, inside and last, for each of up to 8
 * kinds of name a lexicon holds the word in) to the words of c, whose
 * bits become features of the word and its neighbours. CR_EIO,
 * CR_EFORMAT, CR_ETOOBIG, CR_ENOMEM (c is unchanged on error). */
cr_err cr_ner_clusters_add_lexicon(cr_ner_clusters *c, const char *path);

/* cr_ner_tag() with cluster features from c (NULL: none). */
cr_err cr_ner_tag_with(const cr_ner_weights *w, const cr_ner_clusters *c,
                       const cr_article *a, uint8_t *tags, const uint8_t *gold,
                       cr_ner_update_fn update, void *ud);

/* cr_ner_model_save() that also stores the clusters c (NULL: none). */
cr_err cr_ner_model_save_with(const char *path, const float *w, uint32_t bits,
                              float prune, const cr_ner_clusters *c);

#endif

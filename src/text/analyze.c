/*
 * analyze.c - runs the text stages over one cleaned article.
 *
 * Order matters: sentences first (every later stage works per sentence),
 * then tokens with stems and stopword flags, then numbers and dates
 * (which read stems), entities, and quotes (which read entities to name
 * speakers).
 *
 * Entities come from the learnt tagger (text/ner.c) when its model file
 * is found, else from the rules of text/entity.c. The model is looked
 * for in $CR_MODEL_DIR when that is set, else in the source tree's
 * models/ (CR_SOURCE_MODEL_DIR, so an uninstalled build finds it), else
 * in the install data folder (CR_INSTALL_MODEL_DIR).
 */
#include "text/analyze.h"

#include <stdio.h> /* snprintf */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "text/date.h"
#include "text/entity.h"
#include "text/ner.h"
#include "text/number.h"
#include "text/quote.h"
#include "text/sentence.h"
#include "text/stem.h"
#include "text/token.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

/* Longest model path built. */
#define AN_PATH_BYTES 4096

struct cr_analyzer {
	cr_stemmer *stemmer;
	cr_ner_model *ner;           /* NULL: the rules find entities */
	cr_ner_scratch *ner_scratch; /* the tagger's tables, reused */
	cr_quote_lex *qlex;  /* the quote search's word filters, made once */
	cr_date_index *didx; /* the date words' index, made once */
};

/* Loads the model from the first folder that applies (see the top of
 * this file); the model stays NULL when there is none. */
static void load_model(cr_analyzer *an)
{
	const char *dir = getenv("CR_MODEL_DIR");
#ifdef CR_SOURCE_MODEL_DIR
	const char *dirs[] = {
		CR_SOURCE_MODEL_DIR,
#else
	const char *dirs[] = {
#endif
#ifdef CR_INSTALL_MODEL_DIR
		CR_INSTALL_MODEL_DIR,
#endif
		NULL
	};
	char path[AN_PATH_BYTES];
	cr_err e = CR_EIO;
	if (dir && *dir) {
		snprintf(path, sizeof path, "%s/%s", dir, CR_NER_MODEL_FILE);
		e = cr_ner_model_load(path, &an->ner);
	} else {
		for (size_t k = 0; dirs[k] && e != CR_OK; k++) {
			snprintf(path, sizeof path, "%s/%s", dirs[k],
			         CR_NER_MODEL_FILE);
			e = cr_ner_model_load(path, &an->ner);
		}
	}
	/* The library never prints: the caller asks cr_analyzer_has_model()
	 * and reports a missing model its own way. */
	(void)e;
}

cr_analyzer *cr_analyzer_new(void)
{
	cr_analyzer *an = calloc(1, sizeof *an);
	if (!an)
		return NULL;
	an->stemmer = cr_stemmer_new("english");
	an->qlex = cr_quote_lex_new();
	an->ner_scratch = cr_ner_scratch_new();
	an->didx = cr_date_index_new();
	if (!an->stemmer || !an->qlex || !an->ner_scratch || !an->didx) {
		cr_analyzer_free(an);
		return NULL;
	}
	load_model(an);
	return an;
}

int cr_analyzer_has_model(const cr_analyzer *an)
{
	return an && an->ner;
}

cr_err cr_analyze_entities(cr_analyzer *an, cr_article *a)
{
	if (!an || !a)
		return CR_EINVAL;
	return an->ner ? cr_ner_find_with(an->ner, an->ner_scratch, a)
	               : cr_entities_find(a);
}

cr_err cr_analyze_dates(cr_analyzer *an, cr_article *a)
{
	if (!an || !a)
		return CR_EINVAL;
	return cr_dates_find_with(a, an->didx);
}

cr_err cr_analyze_quotes(cr_analyzer *an, cr_article *a)
{
	if (!an || !a)
		return CR_EINVAL;
	return cr_quotes_find_all(a, an->qlex, &a->reported, &a->n_reported);
}

void cr_analyzer_free(cr_analyzer *an)
{
	if (!an)
		return;
	cr_stemmer_free(an->stemmer);
	cr_quote_lex_free(an->qlex);
	cr_ner_scratch_free(an->ner_scratch);
	cr_date_index_free(an->didx);
	cr_ner_model_free(an->ner);
	free(an);
}

cr_err cr_analyze_tokens(cr_analyzer *an, cr_article *a)
{
	cr_span *spans = NULL;
	uint32_t *paras = NULL;
	uint32_t n = 0;
	cr_err e = cr_sentence_split(a->arena, a->body, a->body_len, &spans,
	                             &paras, &n);
	if (e != CR_OK && e != CR_ETOOBIG)
		return e;
	a->sents = cr_arena_alloc(a->arena, (n ? n : 1) * sizeof *a->sents);
	if (!a->sents)
		return CR_ENOMEM;
	a->n_sents = n;

	/* One token per four bytes is what news prose averages; sizing the
	 * array once spares the doubling copies (an arena never frees). */
	uint32_t cap = a->body_len / 4 + 16;
	if (cap > (1u << 20))
		cap = 1u << 20;
	a->toks = cr_arena_alloc(a->arena, (size_t)cap * sizeof *a->toks);
	if (!a->toks)
		return CR_ENOMEM;
	for (uint32_t i = 0; i < n; i++) {
		cr_sentence *s = &a->sents[i];
		s->span = spans[i];
		s->para = paras ? paras[i] : 0;
		s->tok_begin = a->n_toks;
		e = cr_tokenize(a->arena, a->body + s->span.off, s->span.len,
		                s->span.off, (uint16_t)(i < 65535 ? i : 65535),
		                &a->toks, &a->n_toks, &cap);
		if (e != CR_OK)
			return e;
		s->tok_end = a->n_toks;
		if (s->tok_end > s->tok_begin)
			a->toks[s->tok_begin].flags |= CR_TOK_SENT0;
	}
	for (uint32_t i = 0; i < a->n_toks; i++) {
		cr_token *t = &a->toks[i];
		if (t->flags & CR_TOK_NUM) {
			/* Numbers are their own stem. */
			t->norm_hash = t->stem_hash =
			        XXH3_64bits(t->norm, strlen(t->norm));
			t->flags |= CR_TOK_HASHED;
			continue;
		}
		if (!(t->flags & CR_TOK_WORD))
			continue;
		size_t len = strlen(t->norm), sl;
		int stop;
		const char *st = cr_stem_peek_hashed(an->stemmer, t->norm, len,
		                                     &sl, &stop, &t->norm_hash);
		if (!st)
			return CR_ENOMEM;
		if (stop)
			t->flags |= CR_TOK_STOP;
		t->flags |= CR_TOK_HASHED;
		/* Where the stem is the word itself ("said", "attack"), the
		 * norm, which t->stem already points to, serves as the stem
		 * and nothing is copied. */
		if (sl != len || memcmp(st, t->norm, len)) {
			t->stem_hash = XXH3_64bits(st, sl);
			st = cr_arena_strndup(a->arena, st, sl);
			if (!st)
				return CR_ENOMEM;
			t->stem = st;
		} else {
			t->stem_hash = t->norm_hash;
		}
	}
	return CR_OK;
}

cr_err cr_analyze_for_clustering(cr_analyzer *an, cr_article *a)
{
	if (!an || !a || !a->body)
		return CR_EINVAL;
	cr_err e = cr_analyze_tokens(an, a);
	return e == CR_OK ? cr_analyze_entities(an, a) : e;
}

cr_err cr_analyze(cr_analyzer *an, cr_article *a)
{
	if (!an || !a || !a->body)
		return CR_EINVAL;
	cr_err e = cr_analyze_tokens(an, a);
	if (e == CR_OK)
		e = cr_numbers_find(a);
	if (e == CR_OK)
		e = cr_analyze_dates(an, a);
	if (e == CR_OK)
		e = cr_analyze_entities(an, a);
	if (e == CR_OK)
		e = cr_analyze_quotes(an, a);
	return e;
}

/*
 * analyze.c - runs the text stages over one cleaned article.
 *
 * Order matters: sentences first (every later stage works per sentence),
 * then tokens with stems and stopword flags, then numbers and dates
 * (which read stems), entities, and quotes (which read entities to name
 * speakers).
 */
#include "text/analyze.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "text/date.h"
#include "text/entity.h"
#include "text/number.h"
#include "text/quote.h"
#include "text/sentence.h"
#include "text/stem.h"
#include "text/token.h"

struct cr_analyzer {
	cr_stemmer *stemmer;
};

cr_analyzer *cr_analyzer_new(void)
{
	cr_analyzer *an = calloc(1, sizeof *an);
	if (!an)
		return NULL;
	an->stemmer = cr_stemmer_new("english");
	if (!an->stemmer) {
		free(an);
		return NULL;
	}
	return an;
}

void cr_analyzer_free(cr_analyzer *an)
{
	if (!an)
		return;
	cr_stemmer_free(an->stemmer);
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
		if (!(t->flags & CR_TOK_WORD))
			continue;
		size_t len = strlen(t->norm);
		if (cr_is_stopword(t->norm, len))
			t->flags |= CR_TOK_STOP;
		const char *st = cr_stem(an->stemmer, a->arena, t->norm, len);
		if (!st)
			return CR_ENOMEM;
		t->stem = st;
	}
	return CR_OK;
}

cr_err cr_analyze(cr_analyzer *an, cr_article *a)
{
	if (!an || !a || !a->body)
		return CR_EINVAL;
	cr_err e = cr_analyze_tokens(an, a);
	if (e == CR_OK)
		e = cr_numbers_find(a);
	if (e == CR_OK)
		e = cr_dates_find(a);
	if (e == CR_OK)
		e = cr_entities_find(a);
	if (e == CR_OK)
		e = cr_quotes_find(a);
	if (e == CR_OK)
		e = cr_quotes_find_reported(a, &a->reported, &a->n_reported);
	return e;
}

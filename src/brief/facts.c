/*
 * facts.c - the story's facts, their agreement, and the summary.
 *
 * Facts are chosen greedily from atomic units (a sentence, or the clauses
 * of a sentence that joins statements): the unit stated by the most
 * independent outlets first, then every unit that states the same thing
 * is covered by it, until every unit is covered. A fact's articles are
 * exactly the articles that state its unit (cr_story_support), so the
 * list beside a fact is never "the article it was taken from" alone.
 *
 * The summary (summary.c) is then chosen from whole sentences, each
 * telling a fact not yet told and listing every article that states it.
 */
#include "brief/story.h"
#include "brief/summary.h"

#include <stdlib.h>
#include <string.h>

#define SAME_FACT_COVERAGE 0.50 /* v restates u */
#define MIN_FACT_WORDS     4

static uint32_t words_in(const cr_story *st, uint32_t u)
{
	const cr_unit *un = &st->units[u];
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	uint32_t n = 0;
	for (uint32_t i = s->tok_begin; i < s->tok_end; i++) {
		const cr_token *t = &a->toks[i];
		if (t->span.off >= un->span.off &&
		    t->span.off + t->span.len <= un->span.off + un->span.len &&
		    (t->flags & (CR_TOK_WORD | CR_TOK_NUM)))
			n++;
	}
	return n;
}

static uint32_t count_mask(const uint8_t *m, uint32_t n)
{
	uint32_t k = 0;
	for (uint32_t i = 0; i < n; i++)
		k += m[i] != 0;
	return k;
}

/* ", according to the fire department" says who said it, not what: a
 * clause that only attributes is no fact of its own. */
static int is_attribution(const cr_story *st, uint32_t u)
{
	const cr_unit *un = &st->units[u];
	if (!un->clause)
		return 0;
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	for (uint32_t i = s->tok_begin; i < s->tok_end; i++)
		if (a->toks[i].span.off >= un->span.off)
			return !strcmp(a->toks[i].norm, "according");
	return 0;
}

/* A unit is atomic when it is a clause, or a sentence that was not cut
 * into clauses. */
static int is_atomic(const cr_story *st, uint32_t u)
{
	const cr_unit *un = &st->units[u];
	if (un->clause)
		return 1;
	return !(u + 1 < st->n_units && st->units[u + 1].clause &&
	         st->units[u + 1].parent == u);
}

typedef struct cand {
	uint32_t unit;
	uint32_t independent;
	uint32_t n_arts;
	double score;
} cand;

static int by_support(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->independent != b->independent)
		return a->independent > b->independent ? -1 : 1;
	if (a->n_arts != b->n_arts)
		return a->n_arts > b->n_arts ? -1 : 1;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}

static int by_agreement_then_order(const void *x, const void *y)
{
	const cr_bfact *a = x, *b = y;
	if (a->agreement != b->agreement)
		return a->agreement < b->agreement ? -1 : 1;
	if (a->independent != b->independent)
		return a->independent > b->independent ? -1 : 1;
	return 0;
}

/* Covers unit v and, when v is a whole sentence, its clauses; when v is
 * a clause that makes up most of its sentence, the sentence too. */
static void cover_unit(const cr_story *st, int32_t *fact_of, uint32_t v,
                       int32_t f)
{
	if (fact_of[v] < 0)
		fact_of[v] = f;
	for (uint32_t c = v + 1;
	     c < st->n_units && st->units[c].clause && st->units[c].parent == v;
	     c++)
		if (fact_of[c] < 0)
			fact_of[c] = f;
}

/* Chooses the facts; fact_of[u] receives the fact that covers unit u
 * (-1 for none), and own[u] is set to 1 when a fact is unit u's text. */
static cr_err pick_facts(cr_story *st, cr_briefing *b, int32_t *fact_of,
                         uint8_t *own)
{
	cr_err e = CR_ENOMEM;
	cand *cs = malloc((st->n_units ? st->n_units : 1) * sizeof *cs);
	if (!cs)
		goto out;
	for (uint32_t u = 0; u < st->n_units; u++)
		fact_of[u] = -1;
	uint32_t nc = 0;
	for (uint32_t u = 0; u < st->n_units; u++) {
		const cr_unit *un = &st->units[u];
		if (!is_atomic(st, u) || un->is_quote_only ||
		    words_in(st, u) < MIN_FACT_WORDS || un->weight <= 0 ||
		    is_attribution(st, u))
			continue;
		const uint8_t *row = cr_unit_support(st, u);
		cs[nc++] = (cand){u, cr_story_independent(st, row),
		                  count_mask(row, st->n_arts), un->weight};
	}
	qsort(cs, nc, sizeof *cs, by_support);

	b->facts = cr_arena_alloc(st->arena, (nc ? nc : 1) * sizeof *b->facts);
	if (!b->facts)
		goto out;
	for (uint32_t i = 0; i < nc; i++) {
		uint32_t u = cs[i].unit;
		if (fact_of[u] >= 0)
			continue;
		const uint8_t *row = cr_unit_support(st, u);
		int32_t fi = (int32_t)b->n_facts;
		cr_bfact *f = &b->facts[b->n_facts++];
		f->text =
		        cr_story_text(st, st->units[u].art, st->units[u].span);
		f->arts = cr_artset_from_mask(st->arena, row, st->n_arts);
		f->independent = cs[i].independent;
		/* Agreement is among outlets: copies of one wire story count
		 * once, and so do two reports of one outlet. */
		f->agreement = f->independent == b->independent_sources &&
		                               f->independent > 1
		                       ? CR_AGREE_ALL
		               : f->independent > 1 ? CR_AGREE_SOME
		                                    : CR_AGREE_ONE;
		if (!f->text || !f->arts.idx)
			goto out;
		/* Everything that restates this fact is now covered. */
		fact_of[u] = fi;
		own[u] = 1;
		for (uint32_t j = 0; j < st->n_arts; j++) {
			uint32_t v;
			if (j == st->units[u].art || !row[j])
				continue;
			/* the statement that made j a supporter... */
			if (cr_unit_supported_by(st, u, j, &v) &&
			    v != UINT32_MAX)
				cover_unit(st, fact_of, v, fi);
		}
		for (uint32_t v = 0; v < st->n_units; v++) {
			/* ...and any other that says the same as u */
			if (fact_of[v] < 0 &&
			    st->units[v].art != st->units[u].art &&
			    row[st->units[v].art] &&
			    cr_unit_coverage(st, v, u) >= SAME_FACT_COVERAGE)
				cover_unit(st, fact_of, v, fi);
		}
	}
	e = CR_OK;
out:
	free(cs);
	return e;
}

/* All first, then some, then one; a stable sort keeps the order of
 * support within a class. */
static void order_facts(cr_briefing *b)
{
	for (uint32_t i = 1; i < b->n_facts; i++) {
		cr_bfact f = b->facts[i];
		uint32_t j = i;
		while (j > 0 &&
		       by_agreement_then_order(&b->facts[j - 1], &f) > 0) {
			b->facts[j] = b->facts[j - 1];
			j--;
		}
		b->facts[j] = f;
	}
}

cr_err cr_brief_facts(cr_story *st, cr_briefing *b, uint32_t max_summary,
                      uint32_t max_words, const char *focus)
{
	int32_t *fact_of =
	        malloc((st->n_units ? st->n_units : 1) * sizeof *fact_of);
	uint8_t *own = calloc(st->n_units ? st->n_units : 1, 1);
	cr_err e = CR_ENOMEM;
	if (fact_of && own)
		e = pick_facts(st, b, fact_of, own);
	if (e == CR_OK)
		e = cr_brief_summary(st, b, fact_of, own, max_summary,
		                     max_words, focus);
	if (e == CR_OK)
		order_facts(b);
	free(own);
	free(fact_of);
	return e;
}

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
 * The summary picks whole sentences by coverage across outlets and
 * non-redundancy (a sentence that restates a chosen one is skipped), up
 * to the requested length in sentences and, when asked, in words (the
 * sentence that reaches the word budget is cut to fit, as ROUGE's -l
 * cuts); each lists every article that states it.
 */
#include "brief/story.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/stem.h"

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

/* Words of a request ("discuss", "include", "describe") say what to do,
 * not what about: they are no content of a query. */
static int is_request_word(const char *w)
{
	static const char *const req[] = {
	        "discuss", "describe", "include",     "including", "identify",
	        "explain", "provide",  "information", "specify",   "give",
	        "detail",  "details",  "report",      "reports",   "list",
	        "mention", "note",     "regarding",   "concerning"};
	for (size_t i = 0; i < sizeof req / sizeof *req; i++)
		if (!strcmp(w, req[i]))
			return 1;
	return 0;
}

/* Focus: the share of the query's content words that the unit's tokens
 * start with (a cheap stem match: "closures" meets "closure"). */
static double focus_match(const cr_story *st, uint32_t u, const char *focus)
{
	if (!focus || !*focus)
		return 0;
	const cr_unit *un = &st->units[u];
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	char word[64];
	uint32_t n_words = 0, n_hit = 0;
	const char *p = focus;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		size_t k = 0;
		while (*p && isalnum((unsigned char)*p)) {
			if (k + 1 < sizeof word)
				word[k++] = (char)tolower((unsigned char)*p);
			p++;
		}
		word[k] = '\0';
		if (k < 3 || cr_is_stopword(word, k) || is_request_word(word))
			continue;
		size_t pre = k > 5 ? 5 : k;
		n_words++;
		for (uint32_t i = s->tok_begin; i < s->tok_end; i++)
			if (!strncmp(a->toks[i].norm, word, pre)) {
				n_hit++;
				break;
			}
	}
	return n_words ? (double)n_hit / n_words : 0;
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
 * (-1 for none). */
static cr_err pick_facts(cr_story *st, cr_briefing *b, int32_t *fact_of)
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

/* The facts a whole sentence states: its own and its clauses'. */
static uint32_t facts_of_sentence(const cr_story *st, const int32_t *fact_of,
                                  uint32_t u, int32_t *out, uint32_t max)
{
	uint32_t n = 0;
	for (uint32_t c = u; c < st->n_units && n < max; c++) {
		if (c != u &&
		    !(st->units[c].clause && st->units[c].parent == u))
			break;
		int32_t f = fact_of[c];
		int seen = f < 0;
		for (uint32_t k = 0; k < n && !seen; k++)
			seen = out[k] == f;
		if (!seen)
			out[n++] = f;
	}
	return n;
}

/* Whitespace-separated words of s, as ROUGE's -l counts them. */
static uint32_t text_words(const char *s)
{
	uint32_t n = 0;
	for (const char *p = s; *p; p++)
		n += !isspace((unsigned char)*p) &&
		     (p == s || isspace((unsigned char)p[-1]));
	return n;
}

/* s cut after its first keep words, with an ellipsis: the arena copy, or
 * s itself when it has no more than keep words. */
static const char *cut_words(cr_arena *ar, const char *s, uint32_t keep)
{
	uint32_t n = 0;
	for (const char *p = s; *p; p++) {
		if (isspace((unsigned char)*p) ||
		    (p != s && !isspace((unsigned char)p[-1])))
			continue;
		if (n++ == keep) {
			size_t len = (size_t)(p - s);
			while (len && isspace((unsigned char)s[len - 1]))
				len--;
			return cr_arena_printf(ar, "%.*s\xe2\x80\xa6", (int)len,
			                       s);
		}
	}
	return s;
}

static int same_set(cr_artset x, cr_artset y)
{
	if (x.n != y.n)
		return 0;
	for (uint32_t i = 0; i < x.n; i++)
		if (x.idx[i] != y.idx[i])
			return 0;
	return 1;
}

/* The summary: greedy coverage of the facts. Each pick is the sentence
 * that adds the most not-yet-told facts, weighted by how many independent
 * outlets state them, so the summary tells the most-confirmed facts once
 * each. A sentence that mixes facts with different sources is worth less:
 * its attribution would be true of only part of it. */
static cr_err pick_summary(cr_story *st, cr_briefing *b, const int32_t *fact_of,
                           uint32_t max, uint32_t max_words, const char *focus)
{
	cr_err e = CR_ENOMEM;
	uint8_t *told = calloc(b->n_facts ? b->n_facts : 1, 1);
	uint8_t *taken = calloc(st->n_units ? st->n_units : 1, 1);
	b->summary =
	        cr_arena_alloc(st->arena, (max ? max : 1) * sizeof *b->summary);
	if (!told || !taken || !b->summary)
		goto out;
	uint32_t words = 0;
	while (b->n_summary < max && (!max_words || words < max_words)) {
		double best = 0;
		uint32_t best_u = UINT32_MAX;
		int32_t fs[16];
		for (uint32_t u = 0; u < st->n_units; u++) {
			const cr_unit *un = &st->units[u];
			if (un->clause || un->is_quote_only || taken[u] ||
			    words_in(st, u) < 6)
				continue;
			uint32_t nf = facts_of_sentence(st, fact_of, u, fs, 16);
			double gain = 0;
			int mixed = 0;
			for (uint32_t k = 0; k < nf; k++) {
				const cr_bfact *f = &b->facts[fs[k]];
				/* the square favours what most outlets say */
				if (!told[fs[k]])
					gain += f->independent > 1
					                ? (double)f->independent *
					                          f->independent
					                : 0.5;
				if (k &&
				    !same_set(f->arts, b->facts[fs[0]].arts))
					mixed = 1;
			}
			if (gain <= 0)
				continue;
			const cr_article *a = st->arts[un->art];
			double lead =
			        a->n_sents ? 1.0 - (double)un->sent / a->n_sents
			                   : 0;
			/* focus multiplies, so it can outrank support */
			double score =
			        (gain * (mixed ? 0.25 : 1.0) + 1.5 * lead) *
			        (1.0 + 4.0 * focus_match(st, u, focus));
			if (score > best) {
				best = score;
				best_u = u;
			}
		}
		if (best_u == UINT32_MAX)
			break;
		taken[best_u] = 1;
		uint32_t nf = facts_of_sentence(st, fact_of, best_u, fs, 16);
		for (uint32_t k = 0; k < nf; k++)
			told[fs[k]] = 1;
		const cr_unit *un = &st->units[best_u];
		cr_bsentence *sm = &b->summary[b->n_summary++];
		sm->text = cr_story_text(st, un->art, un->span);
		/* A sentence of one fact carries that fact's articles; one of
		 * several carries those that state it whole. */
		if (nf == 1)
			sm->arts = b->facts[fs[0]].arts;
		else
			sm->arts = cr_artset_from_mask(
			        st->arena, cr_unit_support(st, best_u),
			        st->n_arts);
		if (!sm->text || !sm->arts.idx)
			goto out;
		if (max_words) {
			uint32_t n = text_words(sm->text);
			if (words + n > max_words &&
			    !(sm->text = cut_words(st->arena, sm->text,
			                           max_words - words)))
				goto out;
			words += n;
		}
	}
	e = CR_OK;
out:
	free(taken);
	free(told);
	return e;
}

cr_err cr_brief_facts(cr_story *st, cr_briefing *b, uint32_t max_summary,
                      uint32_t max_words, const char *focus)
{
	int32_t *fact_of =
	        malloc((st->n_units ? st->n_units : 1) * sizeof *fact_of);
	if (!fact_of)
		return CR_ENOMEM;
	cr_err e = pick_facts(st, b, fact_of);
	if (e == CR_OK)
		e = pick_summary(st, b, fact_of, max_summary, max_words, focus);
	if (e == CR_OK)
		order_facts(b);
	free(fact_of);
	return e;
}

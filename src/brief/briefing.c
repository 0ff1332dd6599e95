/*
 * briefing.c - builds the briefing of one story from its articles.
 *
 * The order of the work: units and their weights (align.c), which
 * articles state each unit, anchors for dates, then facts and summary
 * (facts.c), conflicts (conflicts.c), timeline (timeline.c), and here the
 * headline, sources, quotes and entities. Nothing here opens files or
 * parses markup: the articles come analysed.
 */
#include "brief/briefing.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "brief/story.h"
#include "text/entity.h"

#define DEFAULT_SUMMARY 5
#define MAX_SUMMARY     20

/* ---- articles, copies, sources ---------------------------------------- */

static const char *outlet(const cr_article *a)
{
	return a->source ? a->source : a->id;
}

static void find_roots(cr_story *st)
{
	for (uint32_t i = 0; i < st->n_arts; i++) {
		st->root[i] = i;
		const char *of = st->arts[i]->copy_of;
		if (!of)
			continue;
		for (uint32_t j = 0; j < st->n_arts; j++)
			if (j != i && st->arts[j]->id &&
			    !strcmp(st->arts[j]->id, of)) {
				st->root[i] = j;
				break;
			}
	}
}

static uint32_t distinct_outlets(const cr_story *st)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		int seen = 0;
		for (uint32_t j = 0; j < i && !seen; j++)
			seen = !strcmp(outlet(st->arts[i]),
			               outlet(st->arts[j]));
		n += !seen;
	}
	return n;
}

/* The headline: the title of the article whose statements the others
 * state most often, so it speaks for the story rather than for one
 * outlet's angle; ties go to the earlier article. */
static const char *pick_headline(const cr_story *st)
{
	double best = -1;
	const char *h = NULL;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		if (!st->arts[i]->title)
			continue;
		double sum = 0;
		uint32_t k = 0;
		for (uint32_t u = st->ubeg[i]; u < st->uend[i]; u++, k++) {
			const uint8_t *row = cr_unit_support(st, u);
			for (uint32_t j = 0; j < st->n_arts; j++)
				sum += row[j];
		}
		double score = k ? sum / k : 0;
		if (score > best + 1e-9) {
			best = score;
			h = st->arts[i]->title;
		}
	}
	return h;
}

/* ---- quotes ------------------------------------------------------------ */

/* Lower-case letters and digits of s, one space between words. */
static char *quote_key(cr_arena *ar, const char *s, size_t n)
{
	char *k = cr_arena_alloc(ar, n + 1);
	if (!k)
		return NULL;
	size_t j = 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c) || c >= 0x80) {
			if (space && j)
				k[j++] = ' ';
			space = 0;
			k[j++] = (char)tolower(c);
		} else {
			space = 1;
		}
	}
	k[j] = '\0';
	return k;
}

/* Two speakers are one when their names match, or when one is the
 * surname the other ends with ("Voss" and "Elena Voss"), as entities are
 * merged. A quote with no speaker goes with any. */
static int same_speaker(const char *a, const char *b)
{
	if (!a || !b || !strcasecmp(a, b))
		return 1;
	const char *sa = strrchr(a, ' '), *sb = strrchr(b, ' ');
	if (!sa && sb)
		return !strcasecmp(a, sb + 1);
	if (sa && !sb)
		return !strcasecmp(sa + 1, b);
	return 0;
}

typedef struct qitem {
	const char *speaker;
	const char *text;
	const char *key;
	uint32_t art;
	int group;
} qitem;

cr_err cr_brief_quotes(cr_story *st, cr_briefing *b)
{
	uint32_t total = 0;
	for (uint32_t i = 0; i < st->n_arts; i++)
		total += st->arts[i]->n_quotes;
	qitem *q = calloc(total ? total : 1, sizeof *q);
	uint8_t *mask = malloc(st->n_arts ? st->n_arts : 1);
	cr_err e = CR_ENOMEM;
	if (!q || !mask)
		goto out;
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		const cr_article *a = st->arts[i];
		for (uint32_t k = 0; k < a->n_quotes; k++) {
			const cr_quote *cq = &a->quotes[k];
			if (!cq->text.len)
				continue;
			q[n].speaker = cq->speaker;
			q[n].text = cr_arena_strndup(st->arena,
			                             a->body + cq->text.off,
			                             cq->text.len);
			q[n].key = quote_key(st->arena, a->body + cq->text.off,
			                     cq->text.len);
			q[n].art = i;
			q[n].group = -1;
			if (!q[n].text || !q[n].key)
				goto out;
			n++;
		}
	}
	b->quotes = cr_arena_alloc(st->arena, (n ? n : 1) * sizeof *b->quotes);
	if (!b->quotes)
		goto out;
	/* One entry per distinct wording and speaker. Its articles are those
	 * that carry the same words from the same speaker, whole or inside a
	 * longer quote: "shelter in place" is in the article that quotes the
	 * whole statement too. */
	for (uint32_t i = 0; i < n; i++) {
		if (q[i].group >= 0 || !q[i].key[0])
			continue;
		memset(mask, 0, st->n_arts);
		mask[q[i].art] = 1;
		q[i].group = (int)b->n_quotes;
		const char *speaker = q[i].speaker;
		for (uint32_t j = 0; j < n; j++) {
			if (j == i || !same_speaker(q[i].speaker, q[j].speaker))
				continue;
			if (!strcmp(q[i].key, q[j].key)) {
				if (q[j].group < 0)
					q[j].group = q[i].group;
				mask[q[j].art] = 1;
				if (!speaker ||
				    (q[j].speaker &&
				     strlen(q[j].speaker) > strlen(speaker)))
					speaker = q[j].speaker;
			} else if (strstr(q[j].key, q[i].key)) {
				mask[q[j].art] = 1;
			}
		}
		cr_bquote *bq = &b->quotes[b->n_quotes++];
		bq->speaker = speaker;
		bq->text = q[i].text;
		bq->arts = cr_artset_from_mask(st->arena, mask, st->n_arts);
		if (!bq->arts.idx)
			goto out;
	}
	e = CR_OK;
out:
	free(mask);
	free(q);
	return e;
}

/* ---- entities ---------------------------------------------------------- */

typedef struct ent {
	const char *name;
	uint32_t votes[4]; /* per cr_entity_type */
	uint8_t *mask;
	int merged_into;
} ent;

static const char *last_word(const char *s)
{
	const char *sp = strrchr(s, ' ');
	return sp ? sp + 1 : s;
}

static int n_words(const char *s)
{
	int n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

cr_err cr_brief_entities(cr_story *st, cr_briefing *b)
{
	uint32_t total = 0;
	for (uint32_t i = 0; i < st->n_arts; i++)
		total += st->arts[i]->n_ments;
	ent *es = calloc(total ? total : 1, sizeof *es);
	cr_err e = CR_ENOMEM;
	if (!es)
		goto out;
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		const cr_article *a = st->arts[i];
		for (uint32_t k = 0; k < a->n_ments; k++) {
			const cr_mention *m = &a->ments[k];
			if (!m->name || !m->name[0])
				continue;
			const char *c = cr_country_of(m->name, strlen(m->name));
			const char *name = c ? c : m->name;
			uint32_t f = 0;
			while (f < n && strcasecmp(es[f].name, name))
				f++;
			if (f == n) {
				es[n].name = name;
				es[n].mask =
				        cr_arena_alloc(st->arena, st->n_arts);
				es[n].merged_into = -1;
				if (!es[n].mask)
					goto out;
				n++;
			} else if (strcmp(es[f].name, name) &&
			           (unsigned char)name[1] < 'a') {
				/* Prefer the spelling with more capitals (NATO
				 * over Nato) as the display form. */
				es[f].name = name;
			}
			es[f].votes[m->type < 4 ? m->type : CR_ENT_OTHER]++;
			es[f].mask[i] = 1;
		}
	}
	/* A surname alone joins the one full name of the story that ends
	 * with it: "Biden" is "Joe Biden" when no other Biden is named. */
	for (uint32_t i = 0; i < n; i++) {
		if (n_words(es[i].name) != 1)
			continue;
		int target = -1, count = 0;
		for (uint32_t j = 0; j < n; j++) {
			if (j == i || n_words(es[j].name) < 2 ||
			    es[j].votes[CR_ENT_PERSON] == 0)
				continue;
			if (!strcmp(last_word(es[j].name), es[i].name)) {
				target = (int)j;
				count++;
			}
		}
		if (count == 1) {
			es[i].merged_into = target;
			for (uint32_t k = 0; k < st->n_arts; k++)
				es[target].mask[k] |= es[i].mask[k];
			for (int t = 0; t < 4; t++)
				es[target].votes[t] += es[i].votes[t];
		}
	}
	b->entities =
	        cr_arena_alloc(st->arena, (n ? n : 1) * sizeof *b->entities);
	if (!b->entities)
		goto out;
	for (uint32_t i = 0; i < n; i++) {
		if (es[i].merged_into >= 0)
			continue;
		cr_bentity *be = &b->entities[b->n_entities++];
		be->name = es[i].name;
		uint8_t type = CR_ENT_OTHER;
		uint32_t best = 0;
		for (uint8_t t = 0; t < 4; t++)
			if (es[i].votes[t] > best) {
				best = es[i].votes[t];
				type = t;
			}
		be->type = type;
		be->arts =
		        cr_artset_from_mask(st->arena, es[i].mask, st->n_arts);
		if (!be->arts.idx)
			goto out;
	}
	/* Most widely reported first; by name within a count. */
	for (uint32_t i = 1; i < b->n_entities; i++) {
		cr_bentity x = b->entities[i];
		uint32_t j = i;
		while (j > 0 &&
		       (b->entities[j - 1].arts.n < x.arts.n ||
		        (b->entities[j - 1].arts.n == x.arts.n &&
		         strcmp(b->entities[j - 1].name, x.name) > 0))) {
			b->entities[j] = b->entities[j - 1];
			j--;
		}
		b->entities[j] = x;
	}
	e = CR_OK;
out:
	free(es);
	return e;
}

/* ---- the whole briefing ------------------------------------------------ */

cr_err cr_brief_story(const cr_article *const *arts, uint32_t n,
                      const char *story_id, const cr_brief_opts *opts,
                      cr_briefing **out)
{
	*out = NULL;
	cr_arena *ar = cr_arena_create();
	if (!ar)
		return CR_ENOMEM;
	cr_err e = CR_ENOMEM;
	cr_briefing *b = cr_arena_alloc(ar, sizeof *b);
	const cr_article **copy =
	        cr_arena_alloc(ar, (n ? n : 1) * sizeof *copy);
	cr_story st = {.arena = ar, .n_arts = n};
	st.root = cr_arena_alloc(ar, (n ? n : 1) * sizeof *st.root);
	if (!b || !copy || !st.root)
		goto fail;
	if (n)
		memcpy(copy, arts, n * sizeof *copy);
	st.arts = copy;
	b->arena = ar;
	b->id = cr_arena_strdup(ar, story_id ? story_id : "story");
	b->arts = copy;
	b->n_arts = n;

	uint32_t max_summary = opts && opts->summary_sentences
	                               ? opts->summary_sentences
	                               : DEFAULT_SUMMARY;
	if (max_summary > MAX_SUMMARY)
		max_summary = MAX_SUMMARY;
	const char *focus = opts ? opts->focus : NULL;
	uint32_t max_words = opts ? opts->summary_words : 0;

	find_roots(&st);
	b->sources = distinct_outlets(&st);
	uint8_t *all = cr_arena_alloc(ar, n ? n : 1);
	if (!all)
		goto fail;
	memset(all, 1, n);
	b->independent_sources = cr_story_independent(&st, all);

	if ((e = cr_story_units(&st)) != CR_OK ||
	    (e = cr_story_support(&st)) != CR_OK ||
	    (e = cr_story_anchors(&st)) != CR_OK ||
	    (e = cr_brief_facts(&st, b, max_summary, max_words, focus)) !=
	            CR_OK ||
	    (e = cr_brief_conflicts(&st, b)) != CR_OK ||
	    (e = cr_brief_timeline(&st, b)) != CR_OK ||
	    (e = cr_brief_quotes(&st, b)) != CR_OK ||
	    (e = cr_brief_entities(&st, b)) != CR_OK)
		goto fail;
	b->headline = pick_headline(&st);
	if (!b->headline && b->n_summary)
		b->headline = b->summary[0].text;
	*out = b;
	return CR_OK;
fail:
	cr_arena_destroy(ar);
	return e;
}

void cr_briefing_free(cr_briefing *b)
{
	if (b)
		cr_arena_destroy(b->arena);
}

/*
 * stories.c - online clustering of articles into stories.
 *
 * An article becomes a sparse TF-IDF vector: stems of content words of
 * the body (weight 1 per use) and title (title_weight per use), and
 * entity names as terms of their own ("E:Kyiv", entity_weight per
 * mention). Term frequencies are damped (1 + ln tf) and multiplied by
 * an IDF from document frequencies counted online; the vector keeps its
 * ART_TERMS heaviest terms and is L2-normalised. A story's centroid is
 * the sum of its members' vectors, cut to its CENTROID_TERMS heaviest
 * terms. Uses of a term are summed through a per-term stamp and
 * position, without sorting the article's words.
 *
 * An inverted index maps a term to the active stories whose centroid
 * holds it. A new article finds candidates in the postings of its top
 * terms only, among each term's POSTING_MAX most recent stories, scores
 * them by cosine against the centroid (times exp(-gap / decay_days) when
 * decay is on and both have times), and joins the best if it reaches the
 * join threshold, which is lower for short articles. The cosines are
 * summed term by term: the postings of every article term add to
 * per-story accumulators, each product read from the story's own term
 * table, in the same order as a merge of the two vectors, so scores are
 * exact. The active window is bounded by activity: stories whose newest
 * article is older than the window (by the newest publication time seen)
 * leave, and so does the least recently joined story when max_active
 * stories are active; a least-recently-joined list and a free-slot stack
 * make both O(1) per story, and a story that leaves frees its memory.
 * Everything is deterministic: the same articles in the same order give
 * the same stories.
 *
 * The default window is long (ten years) and decay is off because on
 * the dev halves (even DUC 2006 topics, in time order) any decay or a
 * short window split topics that run for years; the activity cap is what
 * bounds memory in a stream.
 *
 * Assumes analysed articles (stems, stop flags, entity names). Titles are
 * tokenised and stemmed here, with this object's own stemmer.
 */
#include "cluster/stories.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "base/arena.h"
#include "text/stem.h"
#include "text/token.h"

#define ART_TERMS      128        /* terms kept per article vector */
#define CENTROID_TERMS 400        /* terms kept per story centroid */
#define POSTING_MAX    256        /* stories kept per term in the index */
#define MAX_ACTIVE     (1u << 20) /* highest max_active accepted */
/* Distinct terms counted; terms first seen after that are ignored. */
#define MAX_TERMS       (1u << 20)
#define MAX_TERM_BYTES  64         /* longer terms are cut */
#define MAX_DOC_TERMS   (1u << 20) /* term uses read per article */
#define SHARED_TERMS    4          /* + the NULL that ends why->shared[5] */
#define SECONDS_PER_DAY 86400.0
/* Slots of a story's term table: a power of two over twice
 * CENTROID_TERMS, so probes stay short. */
#define STORY_TABLE 1024
_Static_assert(STORY_TABLE == 1u << 10, "story_hash makes 10 bits");

#define NONE UINT32_MAX

typedef struct term {
	char *text; /* in the object's arena */
	uint64_t hash;
	uint32_t df;
	uint32_t len; /* bytes of text */
} term;

/* Every active story whose centroid holds a term, oldest first. The
 * last `recent` entries (at most POSTING_MAX) are the ones candidates
 * are looked up in: a story added when that many were there already
 * pushes the oldest out of them, and removals keep them a suffix. */
typedef struct posting {
	uint32_t n, cap, recent;
	uint32_t *slot;
} posting;

/* One term of a sparse vector. */
typedef struct tw {
	uint32_t t;
	double w;
} tw;

typedef struct story {
	uint32_t number;
	uint32_t n; /* centroid terms, sorted by term id */
	tw c[CENTROID_TERMS];
	/* Open addressing from term id to 1 + its index in c (0 = empty),
	 * so scoring probes the article's terms instead of walking the
	 * whole centroid. */
	uint16_t at[STORY_TABLE];
	double norm;
	/* 1 once a posting could not take this story (out of memory):
	 * scoring through postings would miss that term, so the story is
	 * scored term by term instead. */
	int partial;
	int64_t first, last; /* publication times, CR_TIME_NONE if none */
	uint64_t touched;    /* arrival number of its newest article */
} story;

struct cr_stories {
	cr_story_params p;
	cr_stemmer *stemmer;
	cr_arena *strings; /* term texts */

	term *terms;
	uint32_t n_terms, cap_terms;
	uint32_t *table; /* open addressing: term id or NONE */
	uint32_t mask;
	posting *post; /* per term id, cap_terms long */
	uint64_t docs; /* articles seen */
	/* Per term id, cap_terms long: the last article (by doc_stamp) that
	 * used the term and where in that article's bag it is, so uses are
	 * summed without sorting. */
	uint32_t *used_by, *bag_pos;
	uint32_t doc_stamp;

	story **slots; /* active stories; NULL = free */
	uint32_t n_slots, cap_slots, active;
	uint32_t *stamp; /* per slot: last lookup that saw it */
	/* Per slot: the dot product summed for the current article, and
	 * the candidates of the current article. */
	double *acc;
	uint32_t *cand;
	uint32_t stamp_now;
	/* Active slots from least to most recently joined, as a doubly
	 * linked list over slot numbers, and a stack of free slots; both
	 * make eviction and reuse O(1). */
	uint32_t *prev, *next, lru_head, lru_tail;
	uint32_t *free_stack, n_free;

	uint32_t count; /* stories opened */
	uint64_t seq;   /* arrivals */
	int64_t now;    /* newest publication time seen */
};

cr_story_params cr_story_params_default(void)
{
	cr_story_params p = {.threshold = 0.15,
	                     .window_days = 3650,
	                     .top_terms = 32,
	                     .title_weight = 2.0,
	                     .entity_weight = 1.5,
	                     .short_threshold = 0.10,
	                     .short_terms = 64,
	                     .decay_days = 0,
	                     .max_active = 8192};
	return p;
}

cr_stories *cr_stories_new(const cr_story_params *p)
{
	cr_stories *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->p = cr_story_params_default();
	if (p) {
		if (p->threshold > 0)
			s->p.threshold = p->threshold;
		if (p->window_days > 0)
			s->p.window_days = p->window_days;
		if (p->top_terms > 0)
			s->p.top_terms = p->top_terms;
		if (p->title_weight > 0)
			s->p.title_weight = p->title_weight;
		if (p->entity_weight > 0)
			s->p.entity_weight = p->entity_weight;
		if (p->short_threshold > 0)
			s->p.short_threshold = p->short_threshold;
		if (p->short_terms > 0)
			s->p.short_terms = p->short_terms;
		if (p->decay_days > 0)
			s->p.decay_days = p->decay_days;
		if (p->max_active > 0)
			s->p.max_active = p->max_active;
	}
	if (s->p.top_terms > ART_TERMS)
		s->p.top_terms = ART_TERMS;
	if (s->p.max_active > MAX_ACTIVE)
		s->p.max_active = MAX_ACTIVE;
	s->stemmer = cr_stemmer_new("english");
	s->strings = cr_arena_create();
	s->now = CR_TIME_NONE;
	s->lru_head = s->lru_tail = NONE;
	if (!s->stemmer || !s->strings) {
		cr_stories_free(s);
		return NULL;
	}
	return s;
}

void cr_stories_free(cr_stories *s)
{
	if (!s)
		return;
	for (uint32_t i = 0; i < s->n_slots; i++)
		free(s->slots[i]);
	free(s->slots);
	free(s->stamp);
	free(s->acc);
	free(s->cand);
	free(s->prev);
	free(s->next);
	free(s->free_stack);
	for (uint32_t i = 0; i < s->n_terms; i++)
		free(s->post[i].slot);
	free(s->post);
	free(s->used_by);
	free(s->bag_pos);
	free(s->terms);
	free(s->table);
	cr_arena_destroy(s->strings);
	cr_stemmer_free(s->stemmer);
	free(s);
}

uint32_t cr_stories_count(const cr_stories *s)
{
	return s ? s->count : 0;
}

uint32_t cr_stories_active(const cr_stories *s)
{
	return s ? s->active : 0;
}

/* --- vocabulary ------------------------------------------------------ */

static int grow_terms(cr_stories *s)
{
	uint32_t nc = s->cap_terms ? s->cap_terms * 2 : 1024;
	term *nt = realloc(s->terms, nc * sizeof *nt);
	if (!nt)
		return -1;
	s->terms = nt;
	posting *np = realloc(s->post, nc * sizeof *np);
	if (!np)
		return -1;
	s->post = np;
	memset(&np[s->cap_terms], 0, (nc - s->cap_terms) * sizeof *np);
	uint32_t *nu = realloc(s->used_by, nc * sizeof *nu);
	if (!nu)
		return -1;
	s->used_by = nu;
	memset(&nu[s->cap_terms], 0, (nc - s->cap_terms) * sizeof *nu);
	uint32_t *nb = realloc(s->bag_pos, nc * sizeof *nb);
	if (!nb)
		return -1;
	s->bag_pos = nb;
	/* The table stays at most half full. */
	uint32_t nh = nc * 2;
	uint32_t *table = malloc(nh * sizeof *table);
	if (!table)
		return -1;
	memset(table, 0xff, nh * sizeof *table);
	for (uint32_t i = 0; i < s->n_terms; i++) {
		uint32_t h = (uint32_t)s->terms[i].hash & (nh - 1);
		while (table[h] != NONE)
			h = (h + 1) & (nh - 1);
		table[h] = i;
	}
	free(s->table);
	s->table = table;
	s->mask = nh - 1;
	s->cap_terms = nc;
	return 0;
}

/* The id of the term prefix+text[0..n), added when absent and add is
 * set; NONE when absent (or the vocabulary is full, or out of memory). */
static uint32_t term_id(cr_stories *s, const char *prefix, const char *text,
                        size_t n)
{
	char buf[MAX_TERM_BYTES + 3];
	size_t pl = strlen(prefix);
	if (n > MAX_TERM_BYTES)
		n = MAX_TERM_BYTES;
	memcpy(buf, prefix, pl);
	memcpy(buf + pl, text, n);
	n += pl;
	buf[n] = '\0';
	uint64_t hash = XXH3_64bits(buf, n);
	if (s->table) {
		uint32_t h = (uint32_t)hash & s->mask;
		for (; s->table[h] != NONE; h = (h + 1) & s->mask) {
			const term *t = &s->terms[s->table[h]];
			if (t->hash == hash && t->len == n &&
			    !memcmp(t->text, buf, n))
				return s->table[h];
		}
	}
	if (s->n_terms == MAX_TERMS)
		return NONE;
	if (s->n_terms == s->cap_terms && grow_terms(s) != 0)
		return NONE;
	char *copy = cr_arena_strndup(s->strings, buf, n);
	if (!copy)
		return NONE;
	uint32_t id = s->n_terms++;
	s->terms[id] = (term){copy, hash, 0, (uint32_t)n};
	uint32_t h = (uint32_t)hash & s->mask;
	while (s->table[h] != NONE)
		h = (h + 1) & s->mask;
	s->table[h] = id;
	return id;
}

/* --- article vectors ------------------------------------------------- */

/* The distinct terms of one article with their summed weights. */
typedef struct bag {
	tw *v;
	uint32_t n, cap, uses;
} bag;

/* Adds a use of term t with weight w to the article's bag. */
static void bag_put(cr_stories *s, bag *b, uint32_t t, double w)
{
	if (t == NONE || b->uses == MAX_DOC_TERMS)
		return;
	b->uses++;
	if (s->used_by[t] == s->doc_stamp) {
		b->v[s->bag_pos[t]].w += w;
		return;
	}
	if (b->n == b->cap) {
		uint32_t nc = b->cap ? b->cap * 2 : 256;
		tw *nv = realloc(b->v, nc * sizeof *nv);
		if (!nv)
			return;
		b->v = nv;
		b->cap = nc;
	}
	s->used_by[t] = s->doc_stamp;
	s->bag_pos[t] = b->n;
	b->v[b->n++] = (tw){t, w};
}

static int by_term(const void *x, const void *y)
{
	const tw *a = x, *b = y;
	return (a->t > b->t) - (a->t < b->t);
}

/* Heaviest first; equal weights by term id, so order is deterministic. */
static int by_weight(const void *x, const void *y)
{
	const tw *a = x, *b = y;
	if (a->w != b->w)
		return a->w < b->w ? 1 : -1;
	return (a->t > b->t) - (a->t < b->t);
}

/* Whether x comes before y in by_weight's order. */
static int heavier(const tw *x, const tw *y)
{
	return x->w != y->w ? x->w > y->w : x->t < y->t;
}

static void swap_tw(tw *x, tw *y)
{
	tw z = *x;
	*x = *y;
	*y = z;
}

/* Reorders v[0..n) so that its k heaviest terms (by by_weight's order,
 * a total order) are v[0..k) and v[k - 1] is the k-th heaviest; needs
 * 0 < k <= n. A quickselect: linear on average, where a full sort of
 * every distinct term of a long article was the largest cost. */
static void select_top(tw *v, uint32_t n, uint32_t k)
{
	uint32_t lo = 0, hi = n - 1, want = k - 1;
	while (lo < hi) {
		/* Median of three as pivot, moved to hi. */
		uint32_t mid = lo + (hi - lo) / 2;
		if (heavier(&v[mid], &v[lo]))
			swap_tw(&v[mid], &v[lo]);
		if (heavier(&v[hi], &v[lo]))
			swap_tw(&v[hi], &v[lo]);
		if (heavier(&v[mid], &v[hi]))
			swap_tw(&v[mid], &v[hi]);
		tw pivot = v[hi];
		uint32_t store = lo;
		for (uint32_t i = lo; i < hi; i++)
			if (heavier(&v[i], &pivot))
				swap_tw(&v[i], &v[store++]);
		swap_tw(&v[store], &v[hi]);
		if (store == want)
			return;
		if (store > want)
			hi = store - 1;
		else
			lo = store + 1;
	}
}

static int is_content_word(const cr_token *t)
{
	return (t->flags & CR_TOK_WORD) && !(t->flags & CR_TOK_STOP) &&
	       t->stem && t->stem[0] && t->stem[1];
}

/* Adds the title's content-word stems. The title is tokenised into the
 * article's arena, which owns everything about the article. */
static void title_terms(cr_stories *s, const cr_article *a, bag *b)
{
	if (!a->title || !a->title[0])
		return;
	cr_token *toks = NULL;
	uint32_t n = 0, cap = 0;
	size_t len = strnlen(a->title, 4096);
	if (cr_tokenize(a->arena, a->title, len, 0, 0, &toks, &n, &cap) !=
	    CR_OK)
		return;
	for (uint32_t i = 0; i < n; i++) {
		cr_token *t = &toks[i];
		if (!(t->flags & CR_TOK_WORD) || !t->norm)
			continue;
		size_t nl = strlen(t->norm);
		if (cr_is_stopword(t->norm, nl))
			continue;
		const char *st = cr_stem(s->stemmer, a->arena, t->norm, nl);
		if (!st || !st[0] || !st[1])
			continue;
		bag_put(s, b, term_id(s, "", st, strlen(st)),
		        s->p.title_weight);
	}
}

/* Builds the article's vector into v (sorted by term id, unit length,
 * at most ART_TERMS terms) and counts its terms' document frequencies.
 * top receives the term ids by falling weight. Returns the term count. */
static uint32_t vectorize(cr_stories *s, const cr_article *a, tw *v,
                          uint32_t *top)
{
	bag b = {0};
	if (++s->doc_stamp == 0) {
		/* The stamp wrapped: forget every old use. */
		if (s->used_by)
			memset(s->used_by, 0,
			       s->cap_terms * sizeof *s->used_by);
		s->doc_stamp = 1;
	}
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const cr_token *t = &a->toks[i];
		if (is_content_word(t))
			bag_put(s, &b, term_id(s, "", t->stem, strlen(t->stem)),
			        1.0);
	}
	title_terms(s, a, &b);
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const char *name = a->ments[i].name;
		if (name && name[0])
			bag_put(s, &b, term_id(s, "E:", name, strlen(name)),
			        s->p.entity_weight);
	}
	uint32_t m = b.n;
	s->docs++;
	for (uint32_t i = 0; i < m; i++)
		s->terms[b.v[i].t].df++;
	for (uint32_t i = 0; i < m; i++) {
		double df = s->terms[b.v[i].t].df;
		double idf = log((1.0 + (double)s->docs) / (1.0 + df)) + 1.0;
		b.v[i].w = (1.0 + log(b.v[i].w)) * idf;
	}
	/* Only the heaviest ART_TERMS are kept; they are sorted (the
	 * norm sums them heaviest first, as it always has). */
	if (m > ART_TERMS) {
		select_top(b.v, m, ART_TERMS);
		m = ART_TERMS;
	}
	if (m)
		qsort(b.v, m, sizeof *b.v, by_weight);
	double norm = 0;
	for (uint32_t i = 0; i < m; i++)
		norm += b.v[i].w * b.v[i].w;
	norm = sqrt(norm);
	for (uint32_t i = 0; i < m; i++) {
		v[i] = (tw){b.v[i].t, b.v[i].w / norm};
		top[i] = b.v[i].t;
	}
	free(b.v);
	if (m)
		qsort(v, m, sizeof *v, by_term);
	return m;
}

/* --- inverted index -------------------------------------------------- */

/* Records that story slot holds term t. When the recent part is full
 * its oldest entry leaves it: that story is still scored through t,
 * only not found as a candidate through t. Out of memory, the story is
 * marked partial. */
static void post_add(cr_stories *s, uint32_t t, uint32_t slot)
{
	posting *p = &s->post[t];
	if (p->n == p->cap) {
		uint32_t nc = p->cap ? p->cap * 2 : 4;
		uint32_t *ns = realloc(p->slot, nc * sizeof *ns);
		if (!ns) {
			s->slots[slot]->partial = 1;
			return;
		}
		p->slot = ns;
		p->cap = nc;
	}
	p->slot[p->n++] = slot;
	if (p->recent < POSTING_MAX)
		p->recent++;
}

/* Removes story slot from term t's posting. Newer entries are more
 * likely to leave (centroid cuts), so the search runs from the end. */
static void post_remove(cr_stories *s, uint32_t t, uint32_t slot)
{
	posting *p = &s->post[t];
	for (uint32_t i = p->n; i-- > 0;)
		if (p->slot[i] == slot) {
			if (i >= p->n - p->recent)
				p->recent--;
			memmove(p->slot + i, p->slot + i + 1,
			        (p->n - i - 1) * sizeof *p->slot);
			p->n--;
			return;
		}
}

static void lru_unlink(cr_stories *s, uint32_t slot)
{
	uint32_t p = s->prev[slot], n = s->next[slot];
	if (p != NONE)
		s->next[p] = n;
	else
		s->lru_head = n;
	if (n != NONE)
		s->prev[n] = p;
	else
		s->lru_tail = p;
}

/* Makes slot the most recently joined story. */
static void lru_append(cr_stories *s, uint32_t slot)
{
	s->prev[slot] = s->lru_tail;
	s->next[slot] = NONE;
	if (s->lru_tail != NONE)
		s->next[s->lru_tail] = slot;
	else
		s->lru_head = slot;
	s->lru_tail = slot;
}

/* Removes a story from the index and frees its memory. */
static void drop_story(cr_stories *s, uint32_t slot)
{
	story *st = s->slots[slot];
	for (uint32_t i = 0; i < st->n; i++)
		post_remove(s, st->c[i].t, slot);
	free(st);
	s->slots[slot] = NULL;
	s->active--;
	lru_unlink(s, slot);
	s->free_stack[s->n_free++] = slot;
}

/* Whether a story whose newest article is from last has been idle for
 * longer than the window at time now. */
static int past_window(const cr_stories *s, int64_t last, int64_t now)
{
	return last != CR_TIME_NONE && now != CR_TIME_NONE &&
	       (double)(now - last) > s->p.window_days * SECONDS_PER_DAY;
}

/* Drops stories idle for longer than the window. The least recently
 * joined stories are looked at first and the walk stops at the first
 * story still inside, so the cost is that of the stories dropped (in a
 * stream in time order, join order and time order agree; scoring skips
 * any expired story the walk did not reach). */
static void expire(cr_stories *s)
{
	while (s->lru_head != NONE) {
		uint32_t slot = s->lru_head;
		if (!past_window(s, s->slots[slot]->last, s->now))
			break;
		drop_story(s, slot);
	}
}

/* Resizes *a to n entries; -1 (with *a unchanged) when out of memory. */
static int grow_u32(uint32_t **a, uint32_t n)
{
	uint32_t *na = realloc(*a, n * sizeof *na);
	if (!na)
		return -1;
	*a = na;
	return 0;
}

/* A free slot for a new story, dropping the least recently joined story
 * when max_active are active. NONE when out of memory. */
static uint32_t free_slot(cr_stories *s)
{
	if (s->active >= s->p.max_active)
		drop_story(s, s->lru_head);
	if (s->n_free)
		return s->free_stack[--s->n_free];
	if (s->n_slots == s->cap_slots) {
		uint32_t nc = s->cap_slots ? s->cap_slots * 2 : 64;
		story **ns = realloc(s->slots, nc * sizeof *ns);
		if (!ns)
			return NONE;
		s->slots = ns;
		if (grow_u32(&s->stamp, nc) || grow_u32(&s->prev, nc) ||
		    grow_u32(&s->next, nc) || grow_u32(&s->free_stack, nc) ||
		    grow_u32(&s->cand, nc))
			return NONE;
		double *na = realloc(s->acc, nc * sizeof *na);
		if (!na)
			return NONE;
		s->acc = na;
		memset(&s->stamp[s->cap_slots], 0,
		       (nc - s->cap_slots) * sizeof *s->stamp);
		s->cap_slots = nc;
	}
	s->slots[s->n_slots] = NULL;
	return s->n_slots++;
}

/* --- scoring --------------------------------------------------------- */

/* The first probe of term t in a story's term table. */
static uint32_t story_hash(uint32_t t)
{
	return (t * 0x9E3779B1u) >> 22; /* 10 bits: STORY_TABLE slots */
}

/* Refills the story's term table from its centroid. */
static void index_story(story *st)
{
	memset(st->at, 0, sizeof st->at);
	for (uint32_t j = 0; j < st->n; j++) {
		uint32_t h = story_hash(st->c[j].t);
		while (st->at[h])
			h = (h + 1) & (STORY_TABLE - 1);
		st->at[h] = (uint16_t)(j + 1);
	}
}

/* The centroid weight of term t in the story, 0 when it has none. */
static double story_weight(const story *st, uint32_t t)
{
	for (uint32_t h = story_hash(t); st->at[h];
	     h = (h + 1) & (STORY_TABLE - 1)) {
		const tw *c = &st->c[st->at[h] - 1];
		if (c->t == t)
			return c->w;
	}
	return 0;
}

/* Cosine of the unit article vector v against the story's centroid.
 * The article's terms are probed in term id order, so the products are
 * summed in the same order as a merge of the two sorted vectors would
 * sum them, and the score is the same to the last bit. */
static double cosine(const tw *v, uint32_t n, const story *st)
{
	double dot = 0;
	for (uint32_t i = 0; i < n; i++) {
		double w = story_weight(st, v[i].t);
		if (w != 0)
			dot += v[i].w * w;
	}
	return st->norm > 0 ? dot / st->norm : 0;
}

/* The time factor: 0 when the story has left the window by the
 * article's time, else exp(-dt / decay_days) with dt the distance from
 * the story's time span, or 1 without decay or without times. */
static double decay(const cr_stories *s, const cr_article *a, const story *st)
{
	if (a->published == CR_TIME_NONE || st->first == CR_TIME_NONE)
		return 1;
	if (past_window(s, st->last, a->published))
		return 0;
	if (s->p.decay_days <= 0)
		return 1;
	double dt = 0;
	if (a->published < st->first)
		dt = (double)(st->first - a->published);
	else if (a->published > st->last)
		dt = (double)(a->published - st->last);
	return exp(-dt / (s->p.decay_days * SECONDS_PER_DAY));
}

/* The terms the article shares with a story, heaviest products first. */
static void shared_terms(const cr_stories *s, const tw *v, uint32_t n,
                         const story *st, const char **out)
{
	tw best[SHARED_TERMS];
	uint32_t nb = 0, i = 0, j = 0;
	while (i < n && j < st->n) {
		if (v[i].t < st->c[j].t) {
			i++;
		} else if (v[i].t > st->c[j].t) {
			j++;
		} else {
			tw x = {v[i].t, v[i].w * st->c[j].w};
			i++, j++;
			uint32_t k = nb < SHARED_TERMS ? nb++ : SHARED_TERMS;
			if (k == SHARED_TERMS) {
				if (by_weight(&x, &best[k - 1]) >= 0)
					continue;
				k--;
			}
			while (k > 0 && by_weight(&x, &best[k - 1]) < 0) {
				best[k] = best[k - 1];
				k--;
			}
			best[k] = x;
		}
	}
	for (uint32_t k = 0; k < nb; k++)
		out[k] = s->terms[best[k].t].text;
	out[nb] = NULL;
}

/* Adds v to the story's centroid, keeps the CENTROID_TERMS heaviest
 * terms and keeps the postings in step with the terms kept. */
static void merge(cr_stories *s, uint32_t slot, const tw *v, uint32_t n)
{
	story *st = s->slots[slot];
	tw sum[CENTROID_TERMS + ART_TERMS];
	uint8_t fresh[CENTROID_TERMS + ART_TERMS];
	uint32_t m = 0, i = 0, j = 0;
	while (i < n || j < st->n) {
		if (j == st->n || (i < n && v[i].t < st->c[j].t)) {
			fresh[m] = 1;
			sum[m++] = v[i++];
		} else if (i == n || v[i].t > st->c[j].t) {
			fresh[m] = 0;
			sum[m++] = st->c[j++];
		} else {
			fresh[m] = 0;
			sum[m++] = (tw){v[i].t, v[i].w + st->c[j].w};
			i++, j++;
		}
	}
	if (m > CENTROID_TERMS) {
		/* Find the weight cut; terms under it leave the centroid. */
		tw heavy[CENTROID_TERMS + ART_TERMS];
		memcpy(heavy, sum, m * sizeof *sum);
		select_top(heavy, m, CENTROID_TERMS);
		const tw *cut = &heavy[CENTROID_TERMS - 1];
		uint32_t k = 0;
		for (uint32_t x = 0; x < m; x++) {
			if (by_weight(&sum[x], cut) <= 0) {
				fresh[k] = fresh[x];
				sum[k++] = sum[x];
			} else if (!fresh[x]) {
				post_remove(s, sum[x].t, slot);
			}
		}
		m = k;
	}
	double norm = 0;
	for (uint32_t x = 0; x < m; x++) {
		st->c[x] = sum[x];
		norm += sum[x].w * sum[x].w;
		if (fresh[x])
			post_add(s, sum[x].t, slot);
	}
	st->n = m;
	st->norm = sqrt(norm);
	index_story(st);
}

static void touch_times(story *st, int64_t t)
{
	if (t == CR_TIME_NONE)
		return;
	if (st->first == CR_TIME_NONE || t < st->first)
		st->first = t;
	if (st->last == CR_TIME_NONE || t > st->last)
		st->last = t;
}

/* The score an article of n terms needs to join a story. Short texts
 * (headlines, snippets) share fewer terms with a story's centroid than
 * full articles of the same story do, so their threshold goes linearly
 * from short_threshold (no terms) to threshold at short_terms terms. */
static double join_threshold(const cr_stories *s, uint32_t n)
{
	double hi = s->p.threshold, lo = s->p.short_threshold;
	if (n >= s->p.short_terms || lo >= hi)
		return hi;
	return lo + (hi - lo) * n / s->p.short_terms;
}

/* Better candidate: higher score, then the older story. */
static int better(double sc, uint32_t num, double best_sc, uint32_t best_num)
{
	return sc > best_sc || (sc == best_sc && num < best_num);
}

void cr_stories_add(cr_stories *s, cr_article *a, cr_story_decision *why)
{
	cr_story_decision d = {0};
	d.runner_up = -1;
	if (!s || !a) {
		if (why)
			*why = d;
		return;
	}
	if (a->published != CR_TIME_NONE &&
	    (s->now == CR_TIME_NONE || a->published > s->now))
		s->now = a->published;
	expire(s);

	tw v[ART_TERMS];
	uint32_t top[ART_TERMS];
	uint32_t n = vectorize(s, a, v, top);

	/* Candidates: stories found through the article's top terms. */
	if (++s->stamp_now == 0) {
		if (s->stamp)
			memset(s->stamp, 0, s->cap_slots * sizeof *s->stamp);
		s->stamp_now = 1;
	}
	uint32_t best = NONE, second = NONE;
	double best_sc = 0, second_sc = 0;
	uint32_t lookups = n < s->p.top_terms ? n : s->p.top_terms;
	uint32_t n_cand = 0;
	for (uint32_t k = 0; k < lookups; k++) {
		const posting *p = &s->post[top[k]];
		for (uint32_t x = p->n; x-- > p->n - p->recent;) {
			uint32_t slot = p->slot[x];
			if (s->stamp[slot] == s->stamp_now)
				continue;
			s->stamp[slot] = s->stamp_now;
			s->acc[slot] = 0;
			s->cand[n_cand++] = slot;
		}
	}
	/* Dot products term by term: the postings of every article term,
	 * in term id order, so each candidate's products are summed in the
	 * order cosine() sums them and the scores are the same to the last
	 * bit. A partial story is missing from some postings and is scored
	 * by cosine() instead. */
	if (n_cand) {
		for (uint32_t i = 0; i < n; i++) {
			const posting *p = &s->post[v[i].t];
			for (uint32_t x = 0; x < p->n; x++) {
				uint32_t slot = p->slot[x];
				if (s->stamp[slot] != s->stamp_now)
					continue;
				const story *st = s->slots[slot];
				if (!st->partial)
					s->acc[slot] +=
					        v[i].w *
					        story_weight(st, v[i].t);
			}
		}
	}
	for (uint32_t c = 0; c < n_cand; c++) {
		uint32_t slot = s->cand[c];
		const story *st = s->slots[slot];
		double cos = st->partial    ? cosine(v, n, st)
		             : st->norm > 0 ? s->acc[slot] / st->norm
		                            : 0;
		double sc = cos * decay(s, a, st);
		if (sc <= 0)
			continue;
		if (best == NONE ||
		    better(sc, st->number, best_sc, s->slots[best]->number)) {
			second = best;
			second_sc = best_sc;
			best = slot;
			best_sc = sc;
		} else if (second == NONE || better(sc, st->number, second_sc,
		                                    s->slots[second]->number)) {
			second = slot;
			second_sc = sc;
		}
	}

	uint32_t slot = NONE;
	double thr = join_threshold(s, n);
	if (best != NONE && best_sc >= thr) {
		slot = best;
		story *st = s->slots[slot];
		shared_terms(s, v, n, st, d.shared);
		merge(s, slot, v, n);
		d.story = st->number;
		d.score = best_sc;
		if (second != NONE) {
			d.runner_up = s->slots[second]->number;
			d.runner_score = second_sc;
		}
	} else {
		/* The nearest story that was not good enough is the
		 * runner-up, so the decision says what came closest. */
		if (best != NONE) {
			shared_terms(s, v, n, s->slots[best], d.shared);
			d.runner_up = s->slots[best]->number;
			d.runner_score = best_sc;
		}
		slot = free_slot(s);
		story *st = slot != NONE ? calloc(1, sizeof *st) : NULL;
		d.story = s->count++;
		d.opened = 1;
		d.score = 0;
		if (st) {
			st->number = d.story;
			st->first = st->last = CR_TIME_NONE;
			s->slots[slot] = st;
			s->active++;
			merge(s, slot, v, n);
		} else {
			slot = NONE;
		}
	}
	if (slot != NONE) {
		story *st = s->slots[slot];
		touch_times(st, a->published);
		st->touched = s->seq;
		if (!d.opened)
			lru_unlink(s, slot);
		lru_append(s, slot);
	}
	s->seq++;
	a->story = d.story;
	if (why)
		*why = d;
}

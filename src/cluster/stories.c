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
 * terms; a term keeps its place in the centroid while it stays, so a
 * join adds weights in place. Uses of a term are summed through a
 * per-term stamp and position, without sorting the article's words, and
 * the term ids of recent titles are remembered (re-sent and syndicated
 * articles repeat them). A term is known by its 64-bit XXH3 and length
 * (body stems come hashed by analysis), so a look-up reads no text.
 *
 * An inverted index maps a term to the active stories whose centroid
 * holds it. A new article finds candidates in the postings of its top
 * terms only, among each term's POSTING_MAX most recent stories and at
 * most WALK_MAX entries in all, heaviest term first; the same walk sums
 * each candidate's rough score, the part of its cosine those terms make
 * (the posting says where the story keeps the term's weight). The
 * shortlist, the few candidates with the best rough scores, is scored in
 * full: cosine against the centroid (times exp(-gap / decay_days) when
 * decay is on and both have times), every article term probed in the
 * story's term table in term id order, so a score is exact and the same
 * to the last bit however it is reached. The article joins the best if
 * it reaches the join threshold, which is lower for short articles.
 * Scoring every candidate in full walked the postings of every article
 * term, common ones included, so its cost grew with the active stories;
 * now the walk is bounded, and so is the shortlist's cost. The active
 * window is bounded by activity: stories whose newest article is older
 * than the window (by the newest publication time seen) leave, and so
 * does the least recently joined story when max_active stories are
 * active; a least-recently-joined list and a free-slot stack make both
 * O(1) per story, and a story that leaves frees its memory.
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
/* Inlined: one hash per word of every article. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "base/arena.h"
#include "text/stem.h"
#include "text/token.h"

#define ART_TERMS      128        /* terms kept per article vector */
#define CENTROID_TERMS 400        /* terms kept per story centroid */
#define POSTING_MAX    256        /* stories kept per term in the index */
#define MAX_ACTIVE     (1u << 20) /* highest max_active accepted */
/* Posting entries read per article to find candidates, at most: the
 * top terms' postings are read heaviest term first, each newest story
 * first, until this many are read. Without it the entries read grew
 * with the active stories (373 to 776 per article over the 1M stream,
 * as they grew from 291 to 499), and so did the time per article; with
 * it, BCubed F1 on GoogleNews, UCI and DUC 2006 moves by 0.001 at most. */
#define WALK_MAX 256
/* Highest shortlist accepted: no article has more candidates than the
 * entries it reads, so a shortlist this long is every candidate. */
#define SHORTLIST_MAX WALK_MAX
/* Distinct terms counted; terms first seen after that are ignored. */
#define MAX_TERMS       (1u << 20)
#define MAX_TERM_BYTES  64         /* longer terms are cut */
#define MAX_DOC_TERMS   (1u << 20) /* term uses read per article */
#define SHARED_TERMS    4          /* + the NULL that ends why->shared[5] */
#define SECONDS_PER_DAY 86400.0
#define IDF_CACHE       256 /* document frequencies whose IDF is kept */
/* Titles whose terms are kept (direct mapped by hash): syndicated and
 * re-sent articles repeat titles, and tokenising and stemming a title
 * cost as much as a tenth of placing an article. */
#define TITLE_CACHE     4096
#define MAX_TITLE_BYTES 4096 /* title bytes read */
#define MAX_TITLE_TERMS 256  /* terms of a title that is kept */
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

/* Active stories whose centroid holds a term, oldest first. The last
 * `recent` entries (at most POSTING_MAX) are the ones candidates are
 * looked up in: a story added when that many were there already pushes
 * the oldest out of them, and removals keep them a suffix. Entries
 * before them are never read, and post_add drops them in bulk. */
typedef struct posting {
	uint32_t n, cap, recent;
	/* Each story and the place of the term in its centroid, which
	 * stays while the term does: scoring reads the weight there. */
	struct post_ent {
		uint32_t slot, pos;
	} * ent;
} posting;

/* One term of a sparse vector. */
typedef struct tw {
	uint32_t t;
	double w;
} tw;

typedef struct story {
	uint32_t number;
	uint32_t n; /* centroid terms */
	/* The centroid: term ids ct and their weights cw, apart, since
	 * scoring reads only weights (eight to a cache line, where a
	 * term-weight pair put four: stories 5-10% faster). A term keeps its
	 * place while it stays in the centroid, so a merge updates weights
	 * where they are instead of rebuilding the arrays and the table;
	 * ord lists the places by term id, for the sums that must run in
	 * term id order. */
	uint32_t ct[CENTROID_TERMS];
	double cw[CENTROID_TERMS];
	uint16_t ord[CENTROID_TERMS];
	/* Open addressing from term id to 1 + its place (0 = empty),
	 * so scoring probes the article's terms instead of walking the
	 * whole centroid. */
	uint16_t at[STORY_TABLE];
	double norm;
	int64_t first, last; /* publication times, CR_TIME_NONE if none */
	uint64_t touched;    /* arrival number of its newest article */
} story;

struct cr_stories {
	cr_story_params p;
	cr_stemmer *stemmer;
	cr_arena *strings; /* term texts */

	term *terms;
	uint32_t n_terms, cap_terms;
	/* Open addressing by hash: a term's hash, length and id (NONE =
	 * empty cell). A term is known by its 64-bit XXH3 and length alone,
	 * without reading its text: among a million terms two collide with
	 * probability below 1e-7, and a lookup then reads one cell rather
	 * than the cell, the term and its text. */
	struct term_cell {
		uint64_t hash;
		uint32_t len, id;
	} * table;
	uint32_t mask;
	posting *post; /* per term id, cap_terms long */
	uint64_t docs; /* articles seen */
	/* Per term id, cap_terms long: the last article (by doc_stamp) that
	 * used the term and where in that article's bag it is, so uses are
	 * summed without sorting. */
	uint32_t *used_by, *bag_pos;
	uint32_t doc_stamp;
	/* IDF by document frequency for the current s->docs: idf_for[d]
	 * holds the docs count its idf[d] was computed at. Terms of one
	 * article share few frequencies, and log is dear. */
	double idf[IDF_CACHE];
	uint64_t idf_for[IDF_CACHE];
	/* Recent titles and their term ids, in order of use. */
	struct title_terms {
		uint64_t hash;
		char *text; /* own copy, len bytes; NULL = empty */
		uint32_t len, n;
		uint32_t *ids;
	} * titles; /* TITLE_CACHE long, allocated on first use */
	/* The bag's array, kept from one article to the next. */
	tw *bag_v;
	uint32_t bag_cap;

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
	                     .max_active = 8192,
	                     .shortlist = 8};
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
		if (p->shortlist > 0)
			s->p.shortlist = p->shortlist;
	}
	if (s->p.top_terms > ART_TERMS)
		s->p.top_terms = ART_TERMS;
	if (s->p.max_active > MAX_ACTIVE)
		s->p.max_active = MAX_ACTIVE;
	if (s->p.shortlist > SHORTLIST_MAX)
		s->p.shortlist = SHORTLIST_MAX;
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
		free(s->post[i].ent);
	free(s->post);
	free(s->used_by);
	free(s->bag_pos);
	free(s->bag_v);
	if (s->titles)
		for (uint32_t i = 0; i < TITLE_CACHE; i++) {
			free(s->titles[i].text);
			free(s->titles[i].ids);
		}
	free(s->titles);
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
	struct term_cell *table = malloc(nh * sizeof *table);
	if (!table)
		return -1;
	for (uint32_t h = 0; h < nh; h++)
		table[h].id = NONE;
	for (uint32_t i = 0; i < s->n_terms; i++) {
		uint32_t h = (uint32_t)s->terms[i].hash & (nh - 1);
		while (table[h].id != NONE)
			h = (h + 1) & (nh - 1);
		table[h] = (struct term_cell){s->terms[i].hash, s->terms[i].len,
		                              i};
	}
	free(s->table);
	s->table = table;
	s->mask = nh - 1;
	s->cap_terms = nc;
	return 0;
}

static uint32_t term_lookup(cr_stories *s, uint64_t hash, const char *key,
                            size_t n);

/* The id of the term prefix+text[0..n), added when absent; NONE when
 * the vocabulary is full or out of memory. Without a prefix the text is
 * hashed where it is, not copied first. */
static uint32_t term_id(cr_stories *s, const char *prefix, const char *text,
                        size_t n)
{
	char buf[MAX_TERM_BYTES + 3];
	size_t pl = strlen(prefix);
	if (n > MAX_TERM_BYTES)
		n = MAX_TERM_BYTES;
	const char *key = text;
	if (pl) {
		memcpy(buf, prefix, pl);
		memcpy(buf + pl, text, n);
		n += pl;
		buf[n] = '\0';
		key = buf;
	}
	return term_lookup(s, XXH3_64bits(key, n), key, n);
}

/* The id of the term key[0..n) (n <= MAX_TERM_BYTES) whose XXH3 is
 * hash, added when absent; NONE when the vocabulary is full or out of
 * memory. */
static uint32_t term_lookup(cr_stories *s, uint64_t hash, const char *key,
                            size_t n)
{
	if (s->table) {
		uint32_t h = (uint32_t)hash & s->mask;
		for (; s->table[h].id != NONE; h = (h + 1) & s->mask)
			if (s->table[h].hash == hash && s->table[h].len == n)
				return s->table[h].id;
	}
	if (s->n_terms == MAX_TERMS)
		return NONE;
	if (s->n_terms == s->cap_terms && grow_terms(s) != 0)
		return NONE;
	char *copy = cr_arena_strndup(s->strings, key, n);
	if (!copy)
		return NONE;
	uint32_t id = s->n_terms++;
	s->terms[id] = (term){copy, hash, 0, (uint32_t)n};
	uint32_t h = (uint32_t)hash & s->mask;
	while (s->table[h].id != NONE)
		h = (h + 1) & s->mask;
	s->table[h] = (struct term_cell){hash, (uint32_t)n, id};
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

/* Defines name(), which sorts v[0..n) of type (n <= ART_TERMS) so that
 * before(&x, &y) holds of every x put before y: insertion sorts of runs
 * of 8, then merges. The comparison is inlined, where qsort's indirect
 * calls were most of the cost of sorting an article's terms; both
 * orders used are total, so the result is the one qsort gave. */
#define STORIES_SORT(name, type, before)                                       \
	static void name(type *v, uint32_t n)                                  \
	{                                                                      \
		type tmp[ART_TERMS];                                           \
		for (uint32_t lo = 0; lo < n; lo += 8) {                       \
			uint32_t hi = lo + 8 < n ? lo + 8 : n;                 \
			for (uint32_t i = lo + 1; i < hi; i++) {               \
				type x = v[i];                                 \
				uint32_t j = i;                                \
				for (; j > lo && before(&x, &v[j - 1]); j--)   \
					v[j] = v[j - 1];                       \
				v[j] = x;                                      \
			}                                                      \
		}                                                              \
		for (uint32_t w = 8; w < n; w *= 2)                            \
			for (uint32_t lo = 0; lo + w < n; lo += 2 * w) {       \
				uint32_t mid = lo + w,                         \
				         hi = lo + 2 * w < n ? lo + 2 * w : n; \
				uint32_t i = lo, j = mid, k = 0;               \
				while (i < mid && j < hi)                      \
					tmp[k++] = before(&v[j], &v[i])        \
					                   ? v[j++]            \
					                   : v[i++];           \
				while (i < mid)                                \
					tmp[k++] = v[i++];                     \
				/* What is left of the second run is in        \
				 * place. */                                   \
				memcpy(v + lo, tmp, k * sizeof *tmp);          \
			}                                                      \
	}

/* sort_by_weight(): in by_weight's order. */
STORIES_SORT(sort_by_weight, tw, heavier)

/* Sorts the keys v[0..n) (n <= ART_TERMS) of vectorize(), a term id
 * times ART_TERMS plus a place, by term id: the ids of one article are
 * distinct, so the place bits need no pass. Least significant digit
 * first, RADIX_BITS at a time, a pass skipped when every key has the
 * same digit there. No comparison to mispredict, where a merge sort's
 * were most of its cost. Digits of 7 bits over the 20 bits of an id
 * make three passes of 128 counters, where bytes over the whole key made
 * four of 256: with at most 128 keys, the counters cost more than the
 * keys. */
#define RADIX_BITS 7
#define PLACE_BITS 7  /* log2(ART_TERMS) */
#define ID_BITS    20 /* log2(MAX_TERMS) */
_Static_assert(1u << PLACE_BITS == ART_TERMS, "a place is PLACE_BITS bits");
_Static_assert(1u << ID_BITS == MAX_TERMS, "a term id is ID_BITS bits");
static void radix_sort(uint32_t *v, uint32_t n)
{
	uint32_t tmp[ART_TERMS], *src = v, *dst = tmp;
	for (uint32_t shift = PLACE_BITS; shift < PLACE_BITS + ID_BITS && n > 1;
	     shift += RADIX_BITS) {
		const uint32_t mask = (1u << RADIX_BITS) - 1;
		uint32_t count[1u << RADIX_BITS] = {0};
		for (uint32_t i = 0; i < n; i++)
			count[src[i] >> shift & mask]++;
		if (count[src[0] >> shift & mask] == n)
			continue;
		for (uint32_t d = 0, sum = 0; d <= mask; d++) {
			uint32_t c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (uint32_t i = 0; i < n; i++)
			dst[count[src[i] >> shift & mask]++] = src[i];
		uint32_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
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

/* Remembers the term ids of a title (ids[0..n), none NONE) in its
 * cache entry; out of memory it is simply not remembered. */
static void remember_title(cr_stories *s, uint64_t hash, const char *title,
                           uint32_t len, const uint32_t *ids, uint32_t n)
{
	if (!s->titles) {
		s->titles = calloc(TITLE_CACHE, sizeof *s->titles);
		if (!s->titles)
			return;
	}
	struct title_terms *e = &s->titles[hash & (TITLE_CACHE - 1)];
	char *text = malloc(len ? len : 1);
	uint32_t *copy = malloc((n ? n : 1) * sizeof *copy);
	if (!text || !copy) {
		free(text);
		free(copy);
		return;
	}
	memcpy(text, title, len);
	memcpy(copy, ids, n * sizeof *copy);
	free(e->text);
	free(e->ids);
	*e = (struct title_terms){hash, text, len, n, copy};
}

/* Adds the title's content-word stems. The title is tokenised into the
 * article's arena, which owns everything about the article; its stems
 * are only looked at (cr_stem_peek), not copied. A title seen recently
 * gives the term ids it gave then (a term's id never changes), so it is
 * not tokenised again. */
static void title_terms(cr_stories *s, const cr_article *a, bag *b)
{
	if (!a->title || !a->title[0])
		return;
	size_t len = strnlen(a->title, MAX_TITLE_BYTES);
	uint64_t hash = XXH3_64bits(a->title, len);
	const struct title_terms *e =
	        s->titles ? &s->titles[hash & (TITLE_CACHE - 1)] : NULL;
	if (e && e->text && e->hash == hash && e->len == len &&
	    !memcmp(e->text, a->title, len)) {
		for (uint32_t i = 0; i < e->n; i++)
			bag_put(s, b, e->ids[i], s->p.title_weight);
		return;
	}
	cr_token *toks = NULL;
	uint32_t n = 0, cap = 0;
	if (cr_tokenize(a->arena, a->title, len, 0, 0, &toks, &n, &cap) !=
	    CR_OK)
		return;
	uint32_t ids[MAX_TITLE_TERMS], n_ids = 0;
	int keep = 1; /* a title with an unknown term is not kept */
	for (uint32_t i = 0; i < n; i++) {
		cr_token *t = &toks[i];
		if (!(t->flags & CR_TOK_WORD) || !t->norm)
			continue;
		size_t nl = strlen(t->norm), sl;
		int stop;
		const char *st =
		        cr_stem_peek(s->stemmer, t->norm, nl, &sl, &stop);
		if (!st)
			keep = 0; /* out of memory: another time may differ */
		if (!st || stop || sl < 2)
			continue;
		uint32_t id = term_id(s, "", st, sl);
		bag_put(s, b, id, s->p.title_weight);
		if (id == NONE || n_ids == MAX_TITLE_TERMS)
			keep = 0;
		else
			ids[n_ids++] = id;
	}
	if (keep)
		remember_title(s, hash, a->title, (uint32_t)len, ids, n_ids);
}

/* The IDF of a term in df of the s->docs documents seen. */
static double idf_of(cr_stories *s, uint32_t df)
{
	double idf;
	if (df < IDF_CACHE && s->idf_for[df] == s->docs)
		return s->idf[df];
	idf = log((1.0 + (double)s->docs) / (1.0 + (double)df)) + 1.0;
	if (df < IDF_CACHE) {
		s->idf[df] = idf;
		s->idf_for[df] = s->docs;
	}
	return idf;
}

/* Builds the article's vector into v (sorted by term id, unit length,
 * at most ART_TERMS terms, its norm summed in term id order) and counts
 * its terms' document frequencies. top receives its k heaviest terms,
 * heaviest first, with their unit weights. Returns the term count. */
static uint32_t vectorize(cr_stories *s, const cr_article *a, tw *v, tw *top,
                          uint32_t k)
{
	bag b = {s->bag_v, 0, s->bag_cap, 0};
	if (++s->doc_stamp == 0) {
		/* The stamp wrapped: forget every old use. */
		if (s->used_by)
			memset(s->used_by, 0,
			       s->cap_terms * sizeof *s->used_by);
		s->doc_stamp = 1;
	}
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const cr_token *t = &a->toks[i];
		if (!is_content_word(t))
			continue;
		size_t len = strlen(t->stem);
		/* Analysis hashed the stem already (a longer stem is cut
		 * before it is hashed). */
		uint32_t id =
		        (t->flags & CR_TOK_HASHED) && len <= MAX_TERM_BYTES
		                ? term_lookup(s, t->stem_hash, t->stem, len)
		                : term_id(s, "", t->stem, len);
		bag_put(s, &b, id, 1.0);
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
		double idf = idf_of(s, s->terms[b.v[i].t].df);
		double tf = b.v[i].w;
		/* log(1) is 0 exactly, and most terms are used once. */
		b.v[i].w = (tf == 1.0 ? 1.0 : 1.0 + log(tf)) * idf;
	}
	/* Only the heaviest ART_TERMS are kept. */
	if (m > ART_TERMS) {
		select_top(b.v, m, ART_TERMS);
		m = ART_TERMS;
	}
	/* Term id order: a radix sort of integer keys (id, place). */
	_Static_assert((uint64_t)MAX_TERMS * ART_TERMS <= UINT32_MAX,
	               "a term id and a place make one 32-bit key");
	uint32_t key[ART_TERMS];
	tw by_t[ART_TERMS];
	for (uint32_t i = 0; i < m; i++)
		key[i] = b.v[i].t * ART_TERMS + i;
	radix_sort(key, m);
	double norm = 0;
	for (uint32_t i = 0; i < m; i++) {
		by_t[i] = b.v[key[i] % ART_TERMS];
		norm += by_t[i].w * by_t[i].w;
	}
	norm = sqrt(norm);
	/* Candidates are looked up through the k heaviest only: those are
	 * selected, then sorted. */
	if (k > m)
		k = m;
	if (k) {
		memcpy(b.v, by_t, m * sizeof *by_t);
		select_top(b.v, m, k);
		sort_by_weight(b.v, k);
	}
	for (uint32_t i = 0; i < m; i++)
		v[i] = (tw){by_t[i].t, by_t[i].w / norm};
	for (uint32_t i = 0; i < k; i++)
		top[i] = (tw){b.v[i].t, b.v[i].w / norm};
	s->bag_v = b.v;
	s->bag_cap = b.cap;
	return m;
}

/* --- inverted index -------------------------------------------------- */

/* Records that story slot holds term t, at place pos of its centroid.
 * When the recent part is full its oldest entry leaves it, and that
 * story is no longer found through t (nor given t's share of its rough
 * score; its full score still counts t). Entries that left the recent
 * part are never read again: they are dropped once there are as many
 * of them as the recent part holds, so a posting holds at most
 * 2 * POSTING_MAX entries. Out of memory, the story is missing from the
 * posting, as if it had left the recent part. */
static void post_add(cr_stories *s, uint32_t t, uint32_t slot, uint32_t pos)
{
	posting *p = &s->post[t];
	if (p->n - p->recent >= POSTING_MAX) {
		memmove(p->ent, p->ent + (p->n - p->recent),
		        p->recent * sizeof *p->ent);
		p->n = p->recent;
	}
	if (p->n == p->cap) {
		uint32_t nc = p->cap ? p->cap * 2 : 4;
		struct post_ent *ne = realloc(p->ent, nc * sizeof *ne);
		if (!ne)
			return;
		p->ent = ne;
		p->cap = nc;
	}
	p->ent[p->n++] = (struct post_ent){slot, pos};
	if (p->recent < POSTING_MAX)
		p->recent++;
}

/* Removes story slot from term t's posting. Newer entries are more
 * likely to leave (centroid cuts), so the search runs from the end. */
static void post_remove(cr_stories *s, uint32_t t, uint32_t slot)
{
	posting *p = &s->post[t];
	for (uint32_t i = p->n; i-- > 0;)
		if (p->ent[i].slot == slot) {
			if (i >= p->n - p->recent)
				p->recent--;
			memmove(p->ent + i, p->ent + i + 1,
			        (p->n - i - 1) * sizeof *p->ent);
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
		post_remove(s, st->ct[i], slot);
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

/* The cell of term t in the story's term table: the one holding it,
 * else the empty cell where it would go. */
static uint32_t story_cell(const story *st, uint32_t t)
{
	uint32_t h = story_hash(t);
	while (st->at[h] && st->ct[st->at[h] - 1] != t)
		h = (h + 1) & (STORY_TABLE - 1);
	return h;
}

/* Empties cell h of the story's term table, moving later entries of its
 * probe run back (deletion from linear probing without tombstones, so
 * probes stay as short as a fresh table's). */
static void story_unlink(story *st, uint32_t h)
{
	uint32_t mask = STORY_TABLE - 1;
	for (uint32_t j = (h + 1) & mask; st->at[j]; j = (j + 1) & mask) {
		uint32_t home = story_hash(st->ct[st->at[j] - 1]);
		/* The entry at j may move to h unless its home lies
		 * cyclically in (h, j]. */
		if (((j - home) & mask) >= ((j - h) & mask)) {
			st->at[h] = st->at[j];
			h = j;
		}
	}
	st->at[h] = 0;
}

/* The centroid weight of term t in the story, 0 when it has none. */
static double story_weight(const story *st, uint32_t t)
{
	for (uint32_t h = story_hash(t); st->at[h];
	     h = (h + 1) & (STORY_TABLE - 1)) {
		uint32_t x = st->at[h] - 1u;
		if (st->ct[x] == t)
			return st->cw[x];
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

/* exp(-dt / decay_days), dt the distance of the article's time from the
 * story's time span. */
static double decay_exp(const cr_stories *s, const cr_article *a,
                        const story *st)
{
	double dt = 0;
	if (a->published < st->first)
		dt = (double)(st->first - a->published);
	else if (a->published > st->last)
		dt = (double)(a->published - st->last);
	return exp(-dt / (s->p.decay_days * SECONDS_PER_DAY));
}

/* The time factor: 0 when the story has left the window by the
 * article's time, else decay_exp(), or 1 without decay or without
 * times. Inline but for the exponential: it runs for every candidate,
 * and with decay off (the default) it is a comparison or two. */
static inline double decay(const cr_stories *s, const cr_article *a,
                           const story *st)
{
	if (a->published == CR_TIME_NONE || st->first == CR_TIME_NONE)
		return 1;
	if (past_window(s, st->last, a->published))
		return 0;
	if (s->p.decay_days <= 0)
		return 1;
	return decay_exp(s, a, st);
}

/* The terms the article shares with a story, heaviest products first. */
static void shared_terms(const cr_stories *s, const tw *v, uint32_t n,
                         const story *st, const char **out)
{
	tw best[SHARED_TERMS];
	uint32_t nb = 0, i = 0, j = 0;
	while (i < n && j < st->n) {
		const tw cj = {st->ct[st->ord[j]], st->cw[st->ord[j]]};
		const tw *c = &cj;
		if (v[i].t < c->t) {
			i++;
		} else if (v[i].t > c->t) {
			j++;
		} else {
			tw x = {v[i].t, v[i].w * c->w};
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

/* The centroid's norm, its squares summed in term id order. */
static void set_norm(story *st)
{
	double norm = 0;
	for (uint32_t x = 0; x < st->n; x++) {
		double w = st->cw[st->ord[x]];
		norm += w * w;
	}
	st->norm = sqrt(norm);
}

/* Keeps the r lightest of the k terms seen so far (by by_weight's
 * order) in heap[0..r), a heap with the heaviest of them on top; x is
 * the term's place (index into terms). */
static void lightest_push(const tw *terms, uint16_t *heap, uint32_t r,
                          uint32_t k, uint16_t x)
{
	uint32_t i;
	if (k < r) {
		/* Filling: sift up. */
		for (i = k;
		     i > 0 && heavier(&terms[x], &terms[heap[(i - 1) / 2]]);
		     i = (i - 1) / 2)
			heap[i] = heap[(i - 1) / 2];
		heap[i] = x;
		return;
	}
	if (!heavier(&terms[heap[0]], &terms[x]))
		return; /* no lighter than the heaviest kept */
	/* Replace the top and sift down. */
	for (i = 0;;) {
		uint32_t l = 2 * i + 1, big = i;
		const tw *bx = &terms[x];
		if (l < r && heavier(&terms[heap[l]], bx)) {
			big = l;
			bx = &terms[heap[l]];
		}
		if (l + 1 < r && heavier(&terms[heap[l + 1]], bx))
			big = l + 1;
		if (big == i)
			break;
		heap[i] = heap[big];
		i = big;
	}
	heap[i] = x;
}

/* Adds v (sorted by term id) to the story's centroid, keeps the
 * CENTROID_TERMS heaviest terms and keeps the postings in step with the
 * terms kept. A term already there is summed in place; a term that
 * leaves frees its place for a new one. The terms kept, their weights
 * and the norm (summed in term id order) are those of a merge of the two
 * sorted vectors followed by a cut at the CENTROID_TERMS-th heaviest. */
static void merge(cr_stories *s, uint32_t slot, const tw *v, uint32_t n)
{
	story *st = s->slots[slot];
	/* all[0..st->n) are the centroid's terms at their places, then
	 * the article's new terms in term id order. */
	tw all[CENTROID_TERMS + ART_TERMS];
	uint32_t old = st->n, f = 0;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t h = story_cell(st, v[i].t);
		if (st->at[h])
			st->cw[st->at[h] - 1] += v[i].w;
		else
			all[old + f++] = v[i];
	}
	uint32_t m = old + f;
	if (m <= CENTROID_TERMS) {
		/* Nothing leaves: new terms go at the end, and ord takes
		 * them in a merge from the back (new terms tend to have the
		 * newest ids, so little of ord moves). */
		uint32_t i = old, o = m;
		for (uint32_t k = f; k-- > 0;) {
			uint32_t at = old + k;
			st->ct[at] = all[at].t;
			st->cw[at] = all[at].w;
			st->at[story_cell(st, all[at].t)] = (uint16_t)(at + 1);
			while (i > 0 && st->ct[st->ord[i - 1]] > all[at].t)
				st->ord[--o] = st->ord[--i];
			st->ord[--o] = (uint16_t)at;
		}
		for (uint32_t k = 0; k < f; k++)
			post_add(s, all[old + k].t, slot, old + k);
		st->n = m;
		set_norm(st);
		return;
	}
	/* The m - CENTROID_TERMS lightest leave (never more than f). */
	uint8_t gone[CENTROID_TERMS + ART_TERMS];
	memset(gone, 0, m);
	{
		uint32_t r = m - CENTROID_TERMS;
		uint16_t heap[ART_TERMS];
		for (uint32_t k = 0; k < old; k++)
			all[k] = (tw){st->ct[k], st->cw[k]};
		for (uint32_t k = 0; k < m; k++)
			/* Most terms are heavier than every one kept. */
			if (k < r || all[k].w <= all[heap[0]].w)
				lightest_push(all, heap, r, k, (uint16_t)k);
		for (uint32_t k = 0; k < r; k++)
			gone[heap[k]] = 1;
	}
	/* The places that stay, in term id order, before new terms are
	 * written over the places freed. */
	uint16_t kept[CENTROID_TERMS];
	uint32_t nk = 0;
	for (uint32_t j = 0; j < old; j++) {
		uint16_t x = st->ord[j];
		if (!gone[x])
			kept[nk++] = x;
	}
	uint16_t hole[ART_TERMS];
	uint32_t nh = 0;
	for (uint32_t x = 0; x < old; x++)
		if (gone[x]) {
			post_remove(s, st->ct[x], slot);
			story_unlink(st, story_cell(st, st->ct[x]));
			hole[nh++] = (uint16_t)x;
		}
	/* New terms fill the holes first, then go at the end; there are
	 * at least as many new terms kept as holes. */
	uint16_t placed[ART_TERMS];
	uint32_t np = 0, end = old;
	for (uint32_t k = 0; k < f; k++) {
		if (gone[old + k])
			continue;
		const tw *x = &all[old + k];
		uint16_t at = (uint16_t)(np < nh ? hole[np] : end++);
		st->ct[at] = x->t;
		st->cw[at] = x->w;
		st->at[story_cell(st, x->t)] = (uint16_t)(at + 1);
		placed[np++] = at;
		post_add(s, x->t, slot, at);
	}
	st->n = end;
	/* Both lists are in term id order: merge them into ord. */
	uint32_t i = 0, j = 0, o = 0;
	while (i < nk || j < np)
		st->ord[o++] = j == np || (i < nk &&
		                           st->ct[kept[i]] < st->ct[placed[j]])
		                       ? kept[i++]
		                       : placed[j++];
	set_norm(st);
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

	tw v[ART_TERMS], top[ART_TERMS];
	uint32_t n = vectorize(s, a, v, top, s->p.top_terms);

	/* Candidates: stories found through the article's top terms, each
	 * with a rough score, the part of its dot product those terms make
	 * (the posting says where the story keeps the term's weight). */
	if (++s->stamp_now == 0) {
		if (s->stamp)
			memset(s->stamp, 0, s->cap_slots * sizeof *s->stamp);
		s->stamp_now = 1;
	}
	uint32_t lookups = n < s->p.top_terms ? n : s->p.top_terms;
	uint32_t n_cand = 0;
	{
		uint32_t *stamp = s->stamp;
		const uint32_t now = s->stamp_now;
		story *const *slots = s->slots;
		double *acc = s->acc;
		uint32_t *cand = s->cand;
		uint32_t left = WALK_MAX;
		for (uint32_t k = 0; k < lookups && left; k++) {
			const posting *p = &s->post[top[k].t];
			const double w = top[k].w;
			uint32_t read = p->recent < left ? p->recent : left;
			left -= read;
			for (uint32_t x = p->n; x-- > p->n - read;) {
				uint32_t slot = p->ent[x].slot;
				if (stamp[slot] != now) {
					stamp[slot] = now;
					acc[slot] = 0;
					cand[n_cand++] = slot;
				}
				acc[slot] += w * slots[slot]->cw[p->ent[x].pos];
			}
		}
	}
	/* The shortlist: the s->p.shortlist candidates with the best rough
	 * scores (times the time factor), best first. */
	struct listed {
		uint32_t slot, number;
		double rough, time; /* rough score x time, time factor */
	} sl[SHORTLIST_MAX];
	uint32_t n_sl = 0;
	const uint32_t want = s->p.shortlist;
	for (uint32_t c = 0; c < n_cand; c++) {
		uint32_t slot = s->cand[c];
		const story *st = s->slots[slot];
		double rough = st->norm > 0 ? s->acc[slot] / st->norm : 0;
		if (rough <= 0)
			continue;
		double time = decay(s, a, st);
		if ((rough *= time) <= 0)
			continue;
		if (n_sl == want &&
		    !better(rough, st->number, sl[n_sl - 1].rough,
		            sl[n_sl - 1].number))
			continue;
		uint32_t i = n_sl < want ? n_sl++ : n_sl - 1;
		for (; i > 0 && better(rough, st->number, sl[i - 1].rough,
		                       sl[i - 1].number);
		     i--)
			sl[i] = sl[i - 1];
		sl[i] = (struct listed){slot, st->number, rough, time};
	}
	/* The shortlist in full: every article term probed in each story's
	 * term table, in term id order, so a score is the same to the last
	 * bit whichever way it is reached. */
	uint32_t best = NONE, second = NONE;
	double best_sc = 0, second_sc = 0;
	for (uint32_t c = 0; c < n_sl; c++) {
		uint32_t slot = sl[c].slot;
		const story *st = s->slots[slot];
		double sc = cosine(v, n, st) * sl[c].time;
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
		if (why)
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
			if (why)
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

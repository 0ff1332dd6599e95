/*
 * copies.c - copies (syndication, re-sends, truncations) and rewrites.
 *
 * An article's content tokens (non-stop words and numbers, by norm) make
 * word 3-shingles, hashed with XXH3. Each article keeps two MinHash
 * sketches of K values: one over its distinct shingles (for copies) and
 * one over its distinct content-word stems (for rewrites). They are
 * one-permutation sketches with densification, so each shingle and stem
 * is hashed once (K hash functions per value cost most of the time per
 * article, and on DUC 2006 the copies found were as good). Candidates
 * come from LSH buckets: 16 bands x 4 rows of the shingle sketch, 16
 * bands x 2 rows of the stem sketch (a rewrite shares far fewer values,
 * so its bands must be narrower), a key on the first shingles in order
 * (so a short truncation is still found) and a key on the whole content
 * sequence (so short identical texts are found; for texts too short to
 * shingle, the title is part of that key). Bucket walks are capped,
 * so a lookup costs the same however large the index is. Each chain
 * node holds its bucket key, so a walk reads no entry it does not judge.
 *
 * A candidate is first judged by a filter of 72 bytes: the low 4
 * bits of each slot of its two sketches (sig/sketch.h) and its sizes.
 * These bound the agreements of the full sketches from above, so only a
 * candidate that might be a copy or a rewrite is read in full (8 cache
 * lines), and the decisions are those of reading every candidate in full.
 *
 * Fingerprinting allocates nothing per article: the hashes of its
 * tokens, stems and shingles go to scratch the index keeps, and distinct
 * values are counted with a hash set rather than a sort.
 *
 * Assumes tokens are analysed (norm, stem, flags). The index keeps its
 * own copies of ids: articles may be freed while the index lives. It
 * holds at most max entries in a ring; the oldest is evicted first.
 */
#include "sig/copies.h"
#include "sig/sketch.h"

#include "base/arena.h"

#include <stdlib.h>
#include <string.h>
/* Inlined: a call per token and per shingle was a good part of the cost
 * of fingerprinting, and the hashes are the same. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#define K        CR_SKETCH_K /* MinHash values per sketch */
#define SH_BANDS 16          /* shingle sketch: 16 bands x 4 rows */
#define SH_ROWS  4
/* Stem sketch: 16 bands x 2 rows, the first half of the sketch (a pair
 * at the rewrite Jaccard of 0.5 shares a band with probability
 * 1 - 0.75^16 = 0.99; all 64 values still estimate the Jaccard). */
#define ST_BANDS 16
#define ST_ROWS  2
/* Bucket keys per article: the bands, a prefix key and an exact key. */
#define NB (SH_BANDS + ST_BANDS + 2)
/* Shingles, in order, that make the prefix key. */
#define PREFIX_SHINGLES 16
#define BUCKET_WALK     32 /* nodes visited per bucket at most */
/* Stem buckets fill with every article of a busy story; a rewrite shares
 * several of the 32 stem bands, so a short walk in each still finds it. */
#define ST_BUCKET_WALK 8
/* Texts with fewer shingles are copies only when identical. */
#define MIN_SHINGLES     20
#define MIN_STEMS        20 /* shorter texts are never called rewrites */
#define MIN_MATCHES      3  /* sketch slots that must agree for a copy */
#define COPY_CONTAINMENT 0.8
#define REWRITE_JACCARD  0.5
#define MAX_SHINGLES     (1u << 20) /* content tokens read per article */
#define MAX_ID_BYTES     1024       /* longer ids are cut */
#define MAX_TITLE_BYTES  4096       /* title bytes read for short texts */
#define INITIAL_SLOTS    64
/* Densification probes tried per empty bin before a linear scan. */
#define DENSIFY_PROBES 256

#define NONE UINT32_MAX

typedef struct entry {
	char *id;          /* own copy */
	char *root;        /* id of the earliest original when a copy; NULL */
	uint64_t seq;      /* arrival number */
	uint64_t root_seq; /* arrival number of root (== seq for originals) */
	uint64_t exact;    /* hash of the whole content sequence; 0 = empty */
	uint32_t n_sh;     /* distinct shingles */
	uint32_t n_st;     /* distinct stems */
	uint32_t sh[K];
	uint32_t st[K];
	uint8_t live;
} entry;

/* What judge() needs to rule a candidate out, in 72 bytes: the
 * low 4 bits of each sketch slot and the distinct counts. Two slots
 * that agree agree in their low bits too, so the agreements counted
 * here bound those of the full sketches from above; a candidate these
 * rule out would be ruled out by the full sketches (8 cache lines) as
 * well, and the decisions are the same. On the stream most candidates
 * share only a topic and are ruled out here. */
typedef struct filter {
	uint64_t sh4[CR_SKETCH_K4]; /* packed by cr_sketch_pack4() */
	uint64_t st4[CR_SKETCH_K4];
	uint32_t n_sh, n_st;
} filter;

/* An LSH bucket chain node. Node i belongs to slot i / NB, band i % NB,
 * so nodes need no allocation of their own. */
typedef struct node {
	uint32_t next; /* node index or NONE */
	uint32_t prev; /* node index or NONE (then it is the chain head) */
	uint64_t key;  /* its bucket key, so a walk need not read the entry */
} node;

struct cr_copies {
	uint32_t max;  /* bound on live entries */
	uint32_t cap;  /* slots allocated (grows by doubling to max) */
	uint32_t used; /* slots ever filled, <= cap */
	uint32_t live; /* live entries */
	uint32_t next; /* ring position of the next slot once full */
	uint64_t seq;  /* arrivals so far */
	entry *ents;
	filter *filt;    /* cap, one per entry */
	node *nodes;     /* cap * NB */
	uint32_t *heads; /* hash table of chain heads, NONE = empty */
	uint32_t mask;   /* heads size - 1 */
	uint32_t *stamp; /* per slot: last lookup that saw it */
	uint32_t stamp_now;
	char last_of[MAX_ID_BYTES + 1]; /* the id *of_id points to */
	/* Scratch of one article, kept between calls so a lookup allocates
	 * nothing: its token, stem and shingle hashes (scratch_cap each)
	 * and the set that counts distinct values (set_cap). */
	uint64_t *th, *sth, *sh, *set;
	uint32_t scratch_cap, set_cap;
	/* probe[j][t - 1]: the bin a densification probe t of empty bin j
	 * looks at (see minhash), computed once, not per article. */
	uint8_t probe[K][DENSIFY_PROBES];
};

/* The per-article features, computed in scratch memory. */
typedef struct features {
	uint32_t n_sh, n_st;
	uint64_t exact, prefix;
	uint32_t sh[K], st[K];
	filter flt; /* its own filter, as the index will keep it */
} features;

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int is_content(const cr_token *t)
{
	if (!t->norm)
		return 0;
	if (t->flags & CR_TOK_NUM)
		return 1;
	return (t->flags & CR_TOK_WORD) && !(t->flags & CR_TOK_STOP);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

/* Sorts v[0..n) and drops repeats; returns the distinct count. */
static uint32_t sort_unique(uint64_t *v, uint32_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_u64);
	uint32_t m = 1;
	for (uint32_t i = 1; i < n; i++)
		if (v[i] != v[m - 1])
			v[m++] = v[i];
	return m;
}

/* Grows the per-article scratch to hold n token hashes; 0 on success,
 * -1 when out of memory. */
static int scratch_reserve(cr_copies *c, uint32_t n)
{
	if (n <= c->scratch_cap)
		return 0;
	uint32_t nc = c->scratch_cap ? c->scratch_cap : 1024;
	while (nc < n)
		nc *= 2;
	uint64_t **bufs[] = {&c->th, &c->sth, &c->sh};
	for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) {
		uint64_t *nb = realloc(*bufs[i], (size_t)nc * sizeof **bufs[i]);
		if (!nb)
			return -1;
		*bufs[i] = nb;
	}
	c->scratch_cap = nc;
	return 0;
}

/* Moves the distinct values of v[0..n) to its front (in first-seen
 * order) and returns their count. A hash set, not a sort: only the
 * count and the values matter to the sketch, not their order. */
static uint32_t distinct(cr_copies *c, uint64_t *v, uint32_t n)
{
	uint32_t size = 64;
	while (size < 2 * n)
		size *= 2;
	if (size > c->set_cap) {
		uint64_t *ns = realloc(c->set, (size_t)size * sizeof *ns);
		if (!ns)
			return sort_unique(v, n); /* same count, sorted */
		c->set = ns;
		c->set_cap = size;
	}
	/* 0 marks an empty cell, so the value 0 is tracked apart. */
	memset(c->set, 0, (size_t)size * sizeof *c->set);
	uint32_t mask = size - 1, m = 0;
	int zero = 0;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t x = v[i];
		if (x == 0) {
			if (!zero)
				v[m++] = x;
			zero = 1;
			continue;
		}
		uint32_t h = (uint32_t)(x >> 32) & mask;
		while (c->set[h] && c->set[h] != x)
			h = (h + 1) & mask;
		if (!c->set[h]) {
			c->set[h] = x;
			v[m++] = x;
		}
	}
	return m;
}

/* A one-permutation MinHash sketch of the distinct XXH3 values v[0..n):
 * the top 6 bits of a value pick one of K = 64 bins and its low 32 bits
 * compete for that bin's minimum, so each value is hashed once rather
 * than K times. A bin no value fell in borrows the minimum of another
 * bin, found by a probe sequence that depends on the bin alone (optimal
 * densification, Shrivastava 2017), so two similar sets borrow alike
 * and a slot still agrees with probability close to their Jaccard. An
 * empty set gives all-ones (never compared). The probe sequences come
 * from c->probe. */
static void minhash(const cr_copies *c, const uint64_t *v, uint32_t n,
                    uint32_t *out)
{
	_Static_assert(K == 64, "the bin is the top 6 bits of a value");
	uint64_t filled = 0;
	for (int j = 0; j < K; j++)
		out[j] = UINT32_MAX;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t bin = (uint32_t)(v[i] >> 58), h = (uint32_t)v[i];
		filled |= (uint64_t)1 << bin;
		if (h < out[bin])
			out[bin] = h;
	}
	if (filled == 0 || filled == UINT64_MAX)
		return;
	uint32_t own[K];
	memcpy(own, out, sizeof own);
	for (uint32_t j = 0; j < K; j++) {
		if (filled >> j & 1)
			continue;
		uint32_t from = NONE;
		for (uint32_t t = 0; t < DENSIFY_PROBES && from == NONE; t++) {
			uint32_t k = c->probe[j][t];
			if (filled >> k & 1)
				from = k;
		}
		for (uint32_t k = (j + 1) % K; from == NONE; k = (k + 1) % K)
			if (filled >> k & 1)
				from = k;
		out[j] = own[from];
	}
}

/* Fills the probe sequences of minhash(): probe t (from 1) of bin j
 * looks at bin mix64(j << 32 | t) mod K. */
static void fill_probes(cr_copies *c)
{
	for (uint32_t j = 0; j < K; j++)
		for (uint64_t t = 1; t <= DENSIFY_PROBES; t++)
			c->probe[j][t - 1] =
			        (uint8_t)(mix64(((uint64_t)j << 32) | t) &
			                  (K - 1));
}

/* Collects the content-token hashes (th) and stem hashes (sth) of a, in
 * order, into th[0..lim) and sth[0..lim) (lim: a's tokens, capped at
 * MAX_SHINGLES). Returns the content token count; *n_st gets the stem
 * count. */
static uint32_t token_hashes(const cr_article *a, uint64_t *th, uint64_t *sth,
                             uint32_t *n_st)
{
	uint32_t n = 0, m = 0, lim = a->n_toks;
	if (lim > MAX_SHINGLES)
		lim = MAX_SHINGLES;
	for (uint32_t i = 0; i < lim; i++) {
		const cr_token *t = &a->toks[i];
		if (!is_content(t))
			continue;
		if (t->flags & CR_TOK_HASHED) {
			th[n++] = t->norm_hash;
			if (t->flags & CR_TOK_WORD)
				sth[m++] = t->stem_hash;
			continue;
		}
		uint64_t h = XXH3_64bits(t->norm, strlen(t->norm));
		th[n++] = h;
		/* Most stems are the norm itself (the same pointer). */
		if ((t->flags & CR_TOK_WORD) && t->stem)
			sth[m++] =
			        t->stem == t->norm
			                ? h
			                : XXH3_64bits(t->stem, strlen(t->stem));
	}
	*n_st = m;
	return n;
}

/* Writes the shingle hashes of th[0..n) to sh (n - 2 of them, none
 * when n < 3) and returns their count; *prefix gets the key of the
 * first PREFIX_SHINGLES in order (0 when fewer). */
static uint32_t shingles(const uint64_t *th, uint32_t n, uint64_t *sh,
                         uint64_t *prefix)
{
	uint32_t m = n >= 3 ? n - 2 : 0;
	for (uint32_t i = 0; i < m; i++)
		sh[i] = XXH3_64bits(&th[i], 3 * sizeof *th);
	*prefix = m >= PREFIX_SHINGLES
	                  ? XXH3_64bits(sh, PREFIX_SHINGLES * sizeof *sh) | 1
	                  : 0;
	return m;
}

/* Computes an article's features in c's scratch; 0 on success, -1 when
 * out of memory. */
static int features_of(cr_copies *c, const cr_article *a, features *f)
{
	uint32_t lim = a->n_toks < MAX_SHINGLES ? a->n_toks : MAX_SHINGLES;
	if (scratch_reserve(c, lim ? lim : 1) != 0)
		return -1;
	uint32_t n_st;
	uint32_t n = token_hashes(a, c->th, c->sth, &n_st);
	uint32_t n_sh = shingles(c->th, n, c->sh, &f->prefix);
	f->exact = n ? XXH3_64bits(c->th, (size_t)n * sizeof *c->th) | 1 : 0;
	f->n_sh = distinct(c, c->sh, n_sh);
	/* A short body says too little to tell two articles apart (a credit
	 * line, a caption), so for those the title must match as well. */
	if (f->exact && f->n_sh < MIN_SHINGLES && a->title)
		f->exact =
		        mix64(f->exact ^
		              XXH3_64bits(a->title,
		                          strnlen(a->title, MAX_TITLE_BYTES))) |
		        1;
	minhash(c, c->sh, f->n_sh, f->sh);
	f->n_st = distinct(c, c->sth, n_st);
	minhash(c, c->sth, f->n_st, f->st);
	cr_sketch_pack4(f->sh, f->flt.sh4);
	cr_sketch_pack4(f->st, f->flt.st4);
	f->flt.n_sh = f->n_sh;
	f->flt.n_st = f->n_st;
	return 0;
}

/* The bucket keys of a feature set; 0 marks a band left out. */
static void band_keys(const features *f, uint64_t *keys)
{
	for (int b = 0; b < SH_BANDS; b++)
		keys[b] = f->n_sh ? XXH3_64bits_withSeed(
		                            &f->sh[b * SH_ROWS],
		                            SH_ROWS * sizeof(uint32_t),
		                            (uint64_t)b) |
		                            1
		                  : 0;
	for (int b = 0; b < ST_BANDS; b++)
		keys[SH_BANDS + b] =
		        f->n_st ? XXH3_64bits_withSeed(
		                          &f->st[b * ST_ROWS],
		                          ST_ROWS * sizeof(uint32_t),
		                          (uint64_t)(SH_BANDS + b)) |
		                          1
		                : 0;
	keys[NB - 2] = f->prefix ? mix64(f->prefix ^ 0x1111) | 1 : 0;
	keys[NB - 1] = f->exact ? mix64(f->exact ^ 0x2222) | 1 : 0;
}

cr_copies *cr_copies_new_max(uint32_t max)
{
	if (max == 0 || max > CR_COPIES_MAX)
		max = CR_COPIES_MAX;
	cr_copies *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->max = max;
	fill_probes(c);
	return c;
}

cr_copies *cr_copies_new(void)
{
	return cr_copies_new_max(CR_COPIES_MAX);
}

void cr_copies_free(cr_copies *c)
{
	if (!c)
		return;
	for (uint32_t i = 0; i < c->used; i++) {
		free(c->ents[i].id);
		free(c->ents[i].root);
	}
	free(c->ents);
	free(c->filt);
	free(c->nodes);
	free(c->heads);
	free(c->stamp);
	free(c->th);
	free(c->sth);
	free(c->sh);
	free(c->set);
	free(c);
}

uint32_t cr_copies_size(const cr_copies *c)
{
	return c ? c->live : 0;
}

static void link_node(cr_copies *c, uint32_t ni, uint64_t key)
{
	uint32_t *h = &c->heads[key & c->mask];
	c->nodes[ni].key = key;
	c->nodes[ni].prev = NONE;
	c->nodes[ni].next = *h;
	if (*h != NONE)
		c->nodes[*h].prev = ni;
	*h = ni;
}

static void unlink_node(cr_copies *c, uint32_t ni, uint64_t key)
{
	node *n = &c->nodes[ni];
	if (n->prev != NONE)
		c->nodes[n->prev].next = n->next;
	else
		c->heads[key & c->mask] = n->next;
	if (n->next != NONE)
		c->nodes[n->next].prev = n->prev;
}

/* Grows the slot arrays (doubling, up to max) and rebuilds the bucket
 * table for the new size. 0 on success, -1 when out of memory. */
static int grow(cr_copies *c)
{
	uint32_t nc = c->cap ? c->cap * 2 : INITIAL_SLOTS;
	if (nc > c->max)
		nc = c->max;
	size_t nh = 1;
	while (nh < (size_t)nc * NB)
		nh <<= 1;
	entry *ne = realloc(c->ents, nc * sizeof *ne);
	if (!ne)
		return -1;
	c->ents = ne;
	filter *nf = realloc(c->filt, nc * sizeof *nf);
	if (!nf)
		return -1;
	c->filt = nf;
	node *nn = realloc(c->nodes, (size_t)nc * NB * sizeof *nn);
	if (!nn)
		return -1;
	c->nodes = nn;
	uint32_t *ns = realloc(c->stamp, nc * sizeof *ns);
	if (!ns)
		return -1;
	c->stamp = ns;
	uint32_t *heads = malloc(nh * sizeof *heads);
	if (!heads)
		return -1;
	memset(&c->stamp[c->cap], 0, (nc - c->cap) * sizeof *ns);
	memset(heads, 0xff, nh * sizeof *heads);
	free(c->heads);
	c->heads = heads;
	c->mask = (uint32_t)(nh - 1);
	c->cap = nc;
	/* Growth happens before the ring wraps, so slot order is arrival
	 * order: relinking in it keeps every chain newest first. */
	for (uint32_t i = 0; i < c->used; i++) {
		const entry *e = &c->ents[i];
		if (!e->live)
			continue;
		for (uint32_t b = 0; b < NB; b++) {
			uint64_t key = c->nodes[i * NB + b].key;
			if (key)
				link_node(c, i * NB + b, key);
		}
	}
	return 0;
}

static void evict(cr_copies *c, uint32_t slot)
{
	entry *e = &c->ents[slot];
	if (!e->live)
		return;
	for (uint32_t b = 0; b < NB; b++)
		if (c->nodes[slot * NB + b].key)
			unlink_node(c, slot * NB + b,
			            c->nodes[slot * NB + b].key);
	free(e->id);
	free(e->root);
	e->id = e->root = NULL;
	e->live = 0;
	c->live--;
}

/* Containment as containment() computes it from m agreeing slots. */
static double containment_of(uint32_t m, uint32_t a, uint32_t b)
{
	if (!a || !b || !m)
		return 0;
	double j = (double)m / K;
	double inter = j * ((double)a + b) / (1 + j);
	double r = inter / (a < b ? a : b);
	return r > 1 ? 1 : r;
}

/* 0 when judge() would keep neither a copy nor a rewrite from the
 * candidate with filter x for the article with filter f, whatever their
 * full sketches hold. An identical text has the same sketch, so all K
 * slots agree. */
static int may_match(const filter *f, const filter *x)
{
	uint32_t m = cr_sketch_same4(f->sh4, x->sh4);
	uint32_t shorter = f->n_sh < x->n_sh ? f->n_sh : x->n_sh;
	if (m == K || (m >= MIN_MATCHES && shorter >= MIN_SHINGLES &&
	               containment_of(m, f->n_sh, x->n_sh) >= COPY_CONTAINMENT))
		return 1;
	if (f->n_st < MIN_STEMS || x->n_st < MIN_STEMS)
		return 0;
	return (double)cr_sketch_same4(f->st4, x->st4) / K >= REWRITE_JACCARD;
}

/* Shingle containment of the shorter in the longer, estimated from the
 * MinHash Jaccard: |A n B| = J (|A| + |B|) / (1 + J). */
static double containment(const features *f, const entry *e, uint32_t *m)
{
	*m = cr_sketch_same(f->sh, e->sh);
	return containment_of(*m, f->n_sh, e->n_sh);
}

typedef struct match {
	uint32_t slot;
	double score;
} match;

/* Judges one candidate and keeps the best copy and the best rewrite:
 * copies prefer the earliest root, then the highest containment;
 * rewrites prefer the highest stem Jaccard, then the earliest. */
static void judge(const cr_copies *c, const features *f, uint32_t slot,
                  match *copy, match *rewrite)
{
	const entry *e = &c->ents[slot];
	uint32_t m;
	double cont = containment(f, e, &m);
	uint32_t shorter = f->n_sh < e->n_sh ? f->n_sh : e->n_sh;
	int identical = f->exact && f->exact == e->exact;
	if (identical || (cont >= COPY_CONTAINMENT && m >= MIN_MATCHES &&
	                  shorter >= MIN_SHINGLES)) {
		double score = identical ? 1.0 : cont;
		if (copy->slot == NONE) {
			*copy = (match){slot, score};
			return;
		}
		const entry *b = &c->ents[copy->slot];
		if (e->root_seq < b->root_seq ||
		    (e->root_seq == b->root_seq &&
		     (score > copy->score ||
		      (score == copy->score && e->seq < b->seq))))
			*copy = (match){slot, score};
		return;
	}
	if (f->n_st < MIN_STEMS || e->n_st < MIN_STEMS)
		return;
	double js = (double)cr_sketch_same(f->st, e->st) / K;
	if (js < REWRITE_JACCARD)
		return;
	if (rewrite->slot == NONE || js > rewrite->score ||
	    (js == rewrite->score && e->seq < c->ents[rewrite->slot].seq))
		*rewrite = (match){slot, js};
}

/* Most candidates one lookup can gather: every band's walk in full. */
#define MAX_CANDIDATES                                                         \
	(SH_BANDS * BUCKET_WALK + ST_BANDS * ST_BUCKET_WALK + 2 * BUCKET_WALK)

/* Walks the buckets of keys and judges each live entry found once. The
 * walks advance together, one node of every chain per round, and each
 * next node and each candidate's entry is prefetched before it is read:
 * a node is a cache miss, and the misses of 34 chains then overlap
 * instead of queueing one after another. The candidates are the first
 * nodes of each chain up to its walk cap, and judge() keeps the best by
 * a total order, so the order of the walks does not change the result. */
static void lookup(cr_copies *c, const features *f, const uint64_t *keys,
                   match *copy, match *rewrite)
{
	if (!c->heads)
		return;
	if (++c->stamp_now == 0) {
		memset(c->stamp, 0, c->cap * sizeof *c->stamp);
		c->stamp_now = 1;
	}
	uint32_t cur[NB], left[NB], band[NB], n_active = 0;
	for (uint32_t b = 0; b < NB; b++) {
		if (!keys[b])
			continue;
		uint32_t ni = c->heads[keys[b] & c->mask];
		if (ni == NONE)
			continue;
		__builtin_prefetch(&c->nodes[ni]);
		cur[n_active] = ni;
		band[n_active] = b;
		left[n_active] = b >= SH_BANDS && b < SH_BANDS + ST_BANDS
		                         ? ST_BUCKET_WALK
		                         : BUCKET_WALK;
		n_active++;
	}
	uint32_t cand[MAX_CANDIDATES], n_cand = 0;
	while (n_active) {
		uint32_t kept = 0;
		for (uint32_t w = 0; w < n_active; w++) {
			uint32_t ni = cur[w], b = band[w];
			const node *nd = &c->nodes[ni];
			uint32_t slot = ni / NB;
			if (nd->key == keys[b] && ni % NB == b &&
			    c->stamp[slot] != c->stamp_now) {
				c->stamp[slot] = c->stamp_now;
				/* may_match() reads the filter: at
				 * most 2 cache lines. */
				const char *fl = (const char *)&c->filt[slot];
				__builtin_prefetch(fl);
				__builtin_prefetch(fl + sizeof(filter) - 1);
				cand[n_cand++] = slot;
			}
			if (--left[w] == 0 || nd->next == NONE)
				continue;
			__builtin_prefetch(&c->nodes[nd->next]);
			cur[kept] = nd->next;
			band[kept] = b;
			left[kept] = left[w];
			kept++;
		}
		n_active = kept;
	}
	for (uint32_t i = 0; i < n_cand; i++)
		if (may_match(&f->flt, &c->filt[cand[i]]))
			judge(c, f, cand[i], copy, rewrite);
}

static char *dup_id(const char *s)
{
	if (!s)
		s = "";
	size_t n = strnlen(s, MAX_ID_BYTES);
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* Stores the article in the next slot (evicting the oldest when full).
 * root_id is copied before any eviction, since it may belong to the
 * evicted entry. Out of memory leaves the article unrecorded; that only
 * costs recall. */
static void record(cr_copies *c, const cr_article *a, const features *f,
                   const uint64_t *keys, const char *root_id, uint64_t root_seq)
{
	char *id = dup_id(a->id);
	char *root = root_id ? dup_id(root_id) : NULL;
	if (!id || (root_id && !root))
		goto fail;
	uint32_t slot;
	if (c->used < c->max) {
		if (c->used == c->cap && grow(c) != 0)
			goto fail;
		slot = c->used++;
	} else {
		slot = c->next;
		c->next = (c->next + 1) % c->max;
		evict(c, slot);
	}
	entry *e = &c->ents[slot];
	memset(e, 0, sizeof *e);
	e->id = id;
	e->root = root;
	e->seq = c->seq;
	e->root_seq = root_id ? root_seq : c->seq;
	e->exact = f->exact;
	e->n_sh = f->n_sh;
	e->n_st = f->n_st;
	memcpy(e->sh, f->sh, sizeof e->sh);
	memcpy(e->st, f->st, sizeof e->st);
	c->filt[slot] = f->flt;
	e->live = 1;
	c->live++;
	for (int b = 0; b < NB; b++) {
		c->nodes[slot * NB + (uint32_t)b].key = 0;
		if (keys[b])
			link_node(c, slot * NB + (uint32_t)b, keys[b]);
	}
	return;
fail:
	free(id);
	free(root);
}

cr_copy_kind cr_copies_add(cr_copies *c, cr_article *a, const char **of_id)
{
	if (of_id)
		*of_id = NULL;
	if (!c || !a)
		return CR_ORIGINAL;
	a->copy_of = NULL;
	features f;
	if (features_of(c, a, &f) != 0)
		return CR_ORIGINAL;
	uint64_t keys[NB];
	band_keys(&f, keys);
	match copy = {NONE, 0}, rewrite = {NONE, 0};
	lookup(c, &f, keys, &copy, &rewrite);

	cr_copy_kind kind = CR_ORIGINAL;
	const char *root_id = NULL;
	uint64_t root_seq = 0;
	uint32_t matched = NONE;
	if (copy.slot != NONE) {
		const entry *e = &c->ents[copy.slot];
		root_id = e->root ? e->root : e->id;
		root_seq = e->root_seq;
		a->copy_of = cr_arena_strdup(a->arena, root_id);
		if (a->copy_of) {
			kind = CR_COPY;
			matched = copy.slot;
		} else {
			root_id = NULL;
		}
	} else if (rewrite.slot != NONE) {
		kind = CR_REWRITE;
		matched = rewrite.slot;
	}
	/* The matched entry may be evicted by this very record, so the id
	 * handed out is a copy that lives until the next call. */
	if (matched != NONE) {
		size_t n = strnlen(c->ents[matched].id, MAX_ID_BYTES);
		memcpy(c->last_of, c->ents[matched].id, n);
		c->last_of[n] = '\0';
		if (of_id)
			*of_id = c->last_of;
	}
	record(c, a, &f, keys, root_id, root_seq);
	c->seq++;
	return kind;
}

uint64_t cr_simhash(const cr_article *a)
{
	uint32_t lim = a->n_toks < MAX_SHINGLES ? a->n_toks : MAX_SHINGLES;
	size_t cap = lim ? lim : 1;
	uint64_t *th = malloc(cap * sizeof *th);
	uint64_t *sth = malloc(cap * sizeof *sth);
	uint64_t *sh = malloc(cap * sizeof *sh);
	uint64_t h = 0, prefix;
	if (!th || !sth || !sh)
		goto out;
	uint32_t n_st;
	uint32_t n = token_hashes(a, th, sth, &n_st);
	uint32_t n_sh = sort_unique(sh, shingles(th, n, sh, &prefix));
	int32_t votes[64] = {0};
	for (uint32_t i = 0; i < n_sh; i++)
		for (int b = 0; b < 64; b++)
			votes[b] += (sh[i] >> b) & 1 ? 1 : -1;
	for (int b = 0; b < 64; b++)
		if (votes[b] > 0)
			h |= (uint64_t)1 << b;
out:
	free(th);
	free(sth);
	free(sh);
	return h;
}

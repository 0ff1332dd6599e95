/*
 * ner-clusters - learns word clusters for the named-entity tagger.
 *
 * Usage: ner-clusters [-m MINCOUNT] [-c CONTEXTS] [-d DEPTH] OUT FILE...
 *
 * Each FILE is JSON lines of unlabelled news: an object's "text", the
 * "text" of each of its "documents", or its "sentences" (arrays of
 * tokens, joined by spaces) are read. Texts are cut into tokens by
 * crossread itself, so a word is keyed as the tagger keys it: its
 * case-folded norm with "'s" cut. Every word seen MINCOUNT times
 * (default 3) gets a vector of the words just before and just after it
 * (the CONTEXTS most frequent words, default 600, and "other"), as
 * square roots of counts scaled to unit length; the words are then split
 * in two by spherical 2-means, and each half again, DEPTH times (default
 * 20). A word's cluster is its path of left (0) and right (1) turns, a
 * bit string whose prefixes are coarser clusters, as Brown clusters are
 * used (Ratinov & Roth 2009). OUT gets one "PATH\tWORD\tCOUNT" line per
 * word. The run is deterministic: fixed initial centroids, input order.
 * Assumes the texts fit in memory (tens of MB).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "crossread/article.h"
#include "text/analyze.h"

/* Most distinct words, tokens kept, bytes of one text, and the deepest
 * path. */
#define MAX_WORDS  (1u << 21)
#define MAX_TOKENS (1u << 27)
#define MAX_TEXT   (1u << 24)
#define MAX_DEPTH  30
/* 2-means rounds per split. */
#define ROUNDS 10
/* Marks a sentence break in the token stream. */
#define BREAK 0xFFFFFFFFu

typedef struct words {
	char **s;        /* by id */
	uint32_t *count; /* by id */
	uint32_t n;
	uint32_t *slot; /* 1 + id, 0 = empty; MAX_WORDS * 2 slots */
	uint32_t *toks; /* ids and BREAKs, in reading order */
	size_t nt, tcap;
} words;

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/* The id of the n bytes at s, added when new; BREAK when full. */
static uint32_t word_id(words *w, const char *s, size_t n)
{
	uint32_t mask = 2 * MAX_WORDS - 1;
	for (uint32_t h = (uint32_t)fnv(s, n) & mask;; h = (h + 1) & mask) {
		uint32_t k = w->slot[h];
		if (!k) {
			if (w->n == MAX_WORDS)
				return BREAK;
			char *c = malloc(n + 1);
			if (!c)
				return BREAK;
			memcpy(c, s, n);
			c[n] = '\0';
			w->s[w->n] = c;
			w->count[w->n] = 0;
			w->slot[h] = ++w->n;
			return w->n - 1;
		}
		if (strlen(w->s[k - 1]) == n && !memcmp(w->s[k - 1], s, n))
			return k - 1;
	}
}

static int push(words *w, uint32_t id)
{
	if (w->nt == w->tcap) {
		if (w->tcap >= MAX_TOKENS)
			return -1;
		size_t nc = w->tcap ? w->tcap * 2 : 1 << 20;
		uint32_t *p = realloc(w->toks, nc * sizeof *p);
		if (!p)
			return -1;
		w->toks = p;
		w->tcap = nc;
	}
	w->toks[w->nt++] = id;
	return 0;
}

/* Tokenises one text and appends its words, a BREAK after each
 * sentence. */
static int add_text(cr_analyzer *an, words *w, const char *text, size_t len)
{
	if (len > MAX_TEXT)
		len = MAX_TEXT;
	cr_article *a = cr_article_create();
	if (!a)
		return -1;
	a->body = cr_arena_strndup(a->arena, text, len);
	a->body_len = (uint32_t)len;
	int rc = 0;
	if (!a->body || cr_analyze_tokens(an, a) != CR_OK)
		rc = -1;
	for (uint32_t i = 0; rc == 0 && i < a->n_toks; i++) {
		const char *n = a->toks[i].norm ? a->toks[i].norm : "";
		size_t m = strlen(n);
		if (m > 2 && n[m - 2] == '\'' && n[m - 1] == 's')
			m -= 2;
		if (i && a->toks[i].sent != a->toks[i - 1].sent)
			rc = push(w, BREAK);
		uint32_t id = word_id(w, n, m);
		if (id != BREAK)
			w->count[id]++;
		if (rc == 0)
			rc = push(w, id);
	}
	if (rc == 0)
		rc = push(w, BREAK);
	cr_article_destroy(a);
	return rc;
}

/* Reads every text of one JSON lines file. */
static int read_file(cr_analyzer *an, words *w, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "ner-clusters: cannot read %s\n", path);
		return -1;
	}
	char *line = NULL, *buf = NULL;
	size_t cap = 0, bcap = 0;
	int rc = 0;
	while (rc == 0 && getline(&line, &cap, f) > 1) {
		json_t *o = json_loads(line, 0, NULL);
		json_t *t = json_object_get(o, "text");
		json_t *docs = json_object_get(o, "documents");
		json_t *sents = json_object_get(o, "sentences");
		if (json_is_string(t))
			rc = add_text(an, w, json_string_value(t),
			              json_string_length(t));
		size_t i;
		json_t *v;
		json_array_foreach(docs, i, v)
		{
			json_t *dt = json_object_get(v, "text");
			if (rc == 0 && json_is_string(dt))
				rc = add_text(an, w, json_string_value(dt),
				              json_string_length(dt));
		}
		/* Sentences of tokens: one per line, tokens spaced. */
		size_t blen = 0;
		json_array_foreach(sents, i, v)
		{
			size_t j;
			json_t *tok;
			json_array_foreach(v, j, tok)
			{
				const char *s = json_string_value(tok);
				size_t n = s ? strlen(s) : 0;
				if (blen + n + 2 > bcap) {
					size_t nc = bcap ? bcap * 2 : 1 << 16;
					while (nc < blen + n + 2)
						nc *= 2;
					char *nb = realloc(buf, nc);
					if (!nb) {
						rc = -1;
						break;
					}
					buf = nb;
					bcap = nc;
				}
				memcpy(buf + blen, s ? s : "", n);
				blen += n;
				buf[blen++] =
				        j + 1 < json_array_size(v) ? ' ' : '\n';
			}
		}
		if (rc == 0 && blen)
			rc = add_text(an, w, buf, blen);
		json_decref(o);
	}
	free(line);
	free(buf);
	fclose(f);
	return rc;
}

/* Sparse rows of the clustered words: columns and values of row r are
 * [off[r], off[r + 1]). */
typedef struct rows {
	uint32_t *off, *col;
	float *val;
	uint32_t n, dims;
} rows;

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* Builds the context rows of the n words vocab[0..n) (row r is word
 * vocab[r]); ctx maps a word id to its context column, C = other. */
static int build_rows(const words *w, const uint32_t *row_of,
                      const uint32_t *ctx, uint32_t C, uint32_t n, rows *r)
{
	size_t np = 0;
	uint64_t *p = malloc(2 * w->nt * sizeof *p + 1);
	if (!p)
		return -1;
	uint64_t D = 2 * (uint64_t)C + 2;
	for (size_t i = 0; i < w->nt; i++) {
		uint32_t id = w->toks[i];
		if (id == BREAK || row_of[id] == BREAK)
			continue;
		uint32_t l = i ? w->toks[i - 1] : BREAK;
		uint32_t rr = i + 1 < w->nt ? w->toks[i + 1] : BREAK;
		uint64_t lc = l == BREAK ? C : ctx[l];
		uint64_t rc = rr == BREAK ? C : ctx[rr];
		p[np++] = row_of[id] * D + lc;
		p[np++] = row_of[id] * D + C + 1 + rc;
	}
	qsort(p, np, sizeof *p, cmp_u64);
	r->n = n;
	r->dims = (uint32_t)D;
	r->off = calloc(n + 1, sizeof *r->off);
	r->col = malloc((np + 1) * sizeof *r->col);
	r->val = malloc((np + 1) * sizeof *r->val);
	if (!r->off || !r->col || !r->val) {
		free(p);
		return -1;
	}
	size_t m = 0;
	for (size_t i = 0; i < np;) {
		size_t j = i;
		while (j < np && p[j] == p[i])
			j++;
		uint32_t row = (uint32_t)(p[i] / D);
		r->col[m] = (uint32_t)(p[i] % D);
		r->val[m] = sqrtf((float)(j - i));
		r->off[row + 1] = (uint32_t)m + 1;
		m++;
		i = j;
	}
	for (uint32_t k = 1; k <= n; k++)
		if (r->off[k] < r->off[k - 1])
			r->off[k] = r->off[k - 1];
	for (uint32_t k = 0; k < n; k++) {
		double s = 0;
		for (uint32_t j = r->off[k]; j < r->off[k + 1]; j++)
			s += (double)r->val[j] * r->val[j];
		float inv = s > 0 ? (float)(1 / sqrt(s)) : 0;
		for (uint32_t j = r->off[k]; j < r->off[k + 1]; j++)
			r->val[j] *= inv;
	}
	free(p);
	return 0;
}

static double dot(const rows *r, uint32_t k, const float *c)
{
	double s = 0;
	for (uint32_t j = r->off[k]; j < r->off[k + 1]; j++)
		s += (double)r->val[j] * c[r->col[j]];
	return s;
}

static void add_row(const rows *r, uint32_t k, float *c)
{
	for (uint32_t j = r->off[k]; j < r->off[k + 1]; j++)
		c[r->col[j]] += r->val[j];
}

static void unit(float *c, uint32_t dims)
{
	double s = 0;
	for (uint32_t k = 0; k < dims; k++)
		s += (double)c[k] * c[k];
	float inv = s > 0 ? (float)(1 / sqrt(s)) : 0;
	for (uint32_t k = 0; k < dims; k++)
		c[k] *= inv;
}

/* The unit centroids c0 and c1 of the items on each side. Unit, else
 * the bigger half's longer sum draws every word to it. */
static void centroids(const rows *r, const uint32_t *items, uint32_t n,
                      const uint8_t *side, float *c0, float *c1)
{
	memset(c0, 0, r->dims * sizeof *c0);
	memset(c1, 0, r->dims * sizeof *c1);
	for (uint32_t k = 0; k < n; k++)
		add_row(r, items[k], side[k] ? c1 : c0);
	unit(c0, r->dims);
	unit(c1, r->dims);
}

/* Splits items[0..n) (rows, most frequent first) in two, recursively,
 * writing each row's path and depth. c0, c1 and side are scratch for
 * r->dims floats and n bytes. */
static void split(const rows *r, uint32_t *items, uint32_t n, uint32_t path,
                  uint32_t depth, uint32_t max_depth, uint32_t *paths,
                  uint8_t *depths, float *c0, float *c1, uint8_t *side,
                  uint32_t *tmp)
{
	if (n < 2 || depth == max_depth) {
		for (uint32_t k = 0; k < n; k++) {
			paths[items[k]] = path;
			depths[items[k]] = (uint8_t)depth;
		}
		return;
	}
	size_t bytes = r->dims * sizeof(float);
	memset(c0, 0, bytes);
	memset(c1, 0, bytes);
	/* Start from the sign of each word on the set's main axis (a few
	 * power iterations from the most frequent word, around the mean):
	 * seeding with two words gave lopsided splits. c0 holds the mean,
	 * c1 the axis. */
	for (uint32_t k = 0; k < n; k++)
		add_row(r, items[k], c0);
	for (uint32_t d = 0; d < r->dims; d++)
		c0[d] /= (float)n;
	float *v = c1, *u = malloc(bytes);
	if (!u)
		return;
	add_row(r, items[0], v);
	for (int it = 0; it < 6; it++) {
		memset(u, 0, bytes);
		double mv = 0;
		for (uint32_t d = 0; d < r->dims; d++)
			mv += (double)c0[d] * v[d];
		for (uint32_t k = 0; k < n; k++) {
			float x = (float)(dot(r, items[k], v) - mv);
			for (uint32_t j = r->off[items[k]];
			     j < r->off[items[k] + 1]; j++)
				u[r->col[j]] += x * r->val[j];
		}
		double su = 0;
		for (uint32_t k = 0; k < n; k++)
			su += dot(r, items[k], v) - mv;
		for (uint32_t d = 0; d < r->dims; d++)
			u[d] -= (float)su * c0[d];
		unit(u, r->dims);
		memcpy(v, u, bytes);
	}
	free(u);
	double mv = 0;
	for (uint32_t d = 0; d < r->dims; d++)
		mv += (double)c0[d] * v[d];
	for (uint32_t k = 0; k < n; k++)
		side[k] = dot(r, items[k], v) > mv;
	centroids(r, items, n, side, c0, c1);
	for (int round = 0; round < ROUNDS; round++) {
		int moved = 0;
		for (uint32_t k = 0; k < n; k++) {
			uint8_t s = dot(r, items[k], c1) > dot(r, items[k], c0);
			moved |= s != side[k];
			side[k] = s;
		}
		if (!moved)
			break;
		centroids(r, items, n, side, c0, c1);
	}
	uint32_t nl = 0;
	for (uint32_t k = 0; k < n; k++)
		nl += !side[k];
	if (nl == 0 || nl == n) {
		/* No split found: cut by count so the path goes on. */
		nl = n / 2;
		for (uint32_t k = 0; k < n; k++)
			side[k] = k >= nl;
	}
	uint32_t a = 0, b = nl;
	for (uint32_t k = 0; k < n; k++)
		tmp[side[k] ? b++ : a++] = items[k];
	memcpy(items, tmp, n * sizeof *items);
	split(r, items, nl, path << 1, depth + 1, max_depth, paths, depths, c0,
	      c1, side, tmp);
	split(r, items + nl, n - nl, path << 1 | 1, depth + 1, max_depth, paths,
	      depths, c0, c1, side, tmp);
}

int main(int argc, char **argv)
{
	uint32_t minc = 3, C = 600, depth = 20;
	int i = 1;
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "-m"))
			minc = (uint32_t)atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-c"))
			C = (uint32_t)atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-d"))
			depth = (uint32_t)atoi(argv[i + 1]);
		else
			break;
	}
	if (argc - i < 2 || minc < 1 || C < 1 || C > 100000 || depth < 1 ||
	    depth > MAX_DEPTH) {
		fprintf(stderr, "usage: ner-clusters [-m MINCOUNT] "
		                "[-c CONTEXTS] [-d DEPTH] OUT FILE...\n");
		return 2;
	}
	const char *out = argv[i++];
	words w = {0};
	w.s = malloc(MAX_WORDS * sizeof *w.s);
	w.count = malloc(MAX_WORDS * sizeof *w.count);
	w.slot = calloc(2 * (size_t)MAX_WORDS, sizeof *w.slot);
	cr_analyzer *an = cr_analyzer_new();
	int rc = 1;
	uint32_t *order = NULL, *row_of = NULL, *ctx = NULL, *paths = NULL;
	uint32_t *tmp = NULL;
	uint8_t *depths = NULL, *side = NULL;
	float *c0 = NULL, *c1 = NULL;
	rows r = {0};
	if (!w.s || !w.count || !w.slot || !an)
		goto done;
	for (; i < argc; i++)
		if (read_file(an, &w, argv[i]))
			goto done;
	order = malloc((w.n + 1) * sizeof *order);
	row_of = malloc((w.n + 1) * sizeof *row_of);
	ctx = malloc((w.n + 1) * sizeof *ctx);
	if (!order || !row_of || !ctx)
		goto done;
	/* Words by falling count, ties by id (first seen first). */
	uint64_t *keys = malloc((w.n + 1) * sizeof *keys);
	if (!keys)
		goto done;
	for (uint32_t k = 0; k < w.n; k++)
		keys[k] = (uint64_t)(UINT32_MAX - w.count[k]) << 32 | k;
	qsort(keys, w.n, sizeof *keys, cmp_u64);
	for (uint32_t k = 0; k < w.n; k++)
		order[k] = (uint32_t)keys[k];
	free(keys);
	uint32_t n = 0;
	for (uint32_t k = 0; k < w.n; k++) {
		uint32_t id = order[k];
		ctx[id] = k < C ? k : C;
		row_of[id] = w.count[id] >= minc ? n++ : BREAK;
	}
	fprintf(stderr, "ner-clusters: %zu tokens, %u words, %u clustered\n",
	        w.nt, w.n, n);
	if (build_rows(&w, row_of, ctx, C, n, &r))
		goto done;
	paths = calloc(n + 1, sizeof *paths);
	depths = calloc(n + 1, 1);
	tmp = malloc((n + 1) * sizeof *tmp);
	side = malloc(n + 1);
	c0 = malloc(r.dims * sizeof *c0);
	c1 = malloc(r.dims * sizeof *c1);
	uint32_t *items = malloc((n + 1) * sizeof *items);
	if (!paths || !depths || !tmp || !side || !c0 || !c1 || !items) {
		free(items);
		goto done;
	}
	/* Rows are numbered by falling count, so items start sorted so. */
	for (uint32_t k = 0; k < n; k++)
		items[k] = k;
	split(&r, items, n, 0, 0, depth, paths, depths, c0, c1, side, tmp);
	free(items);
	FILE *f = fopen(out, "w");
	if (!f)
		goto done;
	for (uint32_t k = 0; k < w.n; k++) {
		uint32_t id = order[k];
		uint32_t row = row_of[id];
		if (row == BREAK)
			continue;
		char bits[MAX_DEPTH + 1];
		for (uint32_t b = 0; b < depths[row]; b++)
			bits[b] = (char)('0' + ((paths[row] >>
			                         (depths[row] - 1 - b)) &
			                        1));
		bits[depths[row]] = '\0';
		fprintf(f, "%s\t%s\t%u\n", depths[row] ? bits : "-", w.s[id],
		        w.count[id]);
	}
	rc = fclose(f) ? 1 : 0;
done:
	for (uint32_t k = 0; k < w.n; k++)
		free(w.s[k]);
	free(w.s);
	free(w.count);
	free(w.slot);
	free(w.toks);
	free(order);
	free(row_of);
	free(ctx);
	free(paths);
	free(depths);
	free(tmp);
	free(side);
	free(c0);
	free(c1);
	free(r.off);
	free(r.col);
	free(r.val);
	cr_analyzer_free(an);
	if (rc)
		fprintf(stderr, "ner-clusters: failed\n");
	return rc;
}

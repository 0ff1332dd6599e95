/*
 * cr-align - crossread's cross-source alignment on sentence pairs, for
 * bench/align-eval (MRPC, STS-B).
 *
 * Reads one JSON object per line on stdin: {"id", "s1", "s2"}. Each pair
 * becomes a story of two one-sentence articles from two outlets, cleaned
 * and analysed by the real pipeline, and briefed as far as alignment
 * (cr_story_units, cr_story_support). For each pair it prints one JSON
 * line with, per direction, the support score (>= 1: the other article
 * states the sentence, before the mutual check) and whether the article
 * is a supporter, and the weighted Dice and coverages of the two
 * sentences.
 *
 * The briefing weighs a term by its idf over the story's own sentences.
 * In a story of two sentences every shared term weighs log(3/2)^2 and the
 * shared weight can never reach the support floor, so the tool prints
 * each feature twice: "story" with the weights as the briefing computes
 * them, and "corpus" with the same terms weighed by idf over every
 * sentence of the input (a first pass over stdin counts them), as a story
 * of many articles would weigh them. Support is then computed by
 * crossread's own code on those weights.
 *
 * With --cv FOLDS and a "label" on each line it also cross-validates,
 * on contiguous folds in input order, logistic models richer than the
 * one align.c ships (see the latent model below), and adds each pair's
 * held-out probability under each to its line. Nothing it learns is
 * shipped: it measures what the richer models would gain.
 *
 * Assumes a sentence is one line of plain text; a pair whose articles
 * are rejected is printed with "error".
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "brief/story.h"
#include "ingest/clean.h"
#include "text/analyze.h"
#include "crossread/crossread.h"

#define MAX_PAIRS    100000u     /* pairs read from stdin */
#define MAX_SENT_LEN (64u << 10) /* bytes of one sentence */

typedef struct pair {
	char *id, *s1, *s2;
	int label; /* 0 or 1; -1 when the input gives none */
} pair;

/* Document frequency of a term id over the input's sentences. */
typedef struct df_entry {
	uint64_t id;
	uint32_t df;
} df_entry;

typedef struct df_table {
	df_entry *e;
	size_t n, cap;
	uint32_t n_sents;
} df_table;

static int cmp_df(const void *x, const void *y)
{
	const df_entry *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* One pair's story: the two articles (owned) and the story. */
typedef struct pstory {
	cr_article *own[2];
	cr_arena *ar;
	const cr_article *arts[2];
	uint32_t root[2];
	cr_story st;
} pstory;

static cr_article *make_article(const char *id, const char *source,
                                const char *text)
{
	cr_article *a = cr_article_create();
	if (!a)
		return NULL;
	size_t n = strlen(text);
	a->id = cr_arena_strdup(a->arena, id);
	a->source = cr_arena_strdup(a->arena, source);
	a->title = cr_arena_strdup(a->arena, "");
	a->title_given = 1;
	a->raw = cr_arena_strndup(a->arena, text, n);
	a->raw_len = (uint32_t)n;
	return a;
}

/* Builds the story of pair pr up to its units, each article cleaned and
 * analysed as the pipeline does it (one analyzer for the whole run: it
 * loads the named-entity model once); 0 on success. */
static int story_open(pstory *ps, const pair *pr, cr_analyzer *an)
{
	memset(ps, 0, sizeof *ps);
	ps->ar = cr_arena_create();
	if (!ps->ar)
		return -1;
	const char *texts[2] = {pr->s1, pr->s2};
	const char *srcs[2] = {"outlet-1", "outlet-2"};
	for (uint32_t i = 0; i < 2; i++) {
		cr_article *a = make_article(pr->id, srcs[i], texts[i]);
		ps->own[i] = a;
		if (!a || cr_clean(a) != CR_OK || a->body_len == 0 ||
		    cr_analyze(an, a) != CR_OK || a->n_sents == 0)
			return -1;
		a->seq = i;
		ps->arts[i] = a;
		ps->root[i] = i; /* two outlets: neither is the other's copy */
	}
	ps->st = (cr_story){.arena = ps->ar,
	                    .arts = ps->arts,
	                    .n_arts = 2,
	                    .root = ps->root};
	if (cr_story_units(&ps->st) != CR_OK)
		return -1;
	return 0;
}

static void story_close(pstory *ps)
{
	cr_arena_destroy(ps->ar);
	cr_article_destroy(ps->own[0]);
	cr_article_destroy(ps->own[1]);
}

/* Adds the terms of every whole sentence of the story to the df table. */
static int df_add(df_table *t, const cr_story *st)
{
	for (uint32_t u = 0; u < st->n_units; u++) {
		const cr_unit *un = &st->units[u];
		if (un->clause)
			continue;
		t->n_sents++;
		for (uint32_t k = 0; k < un->n_terms; k++) {
			if (t->n == t->cap) {
				size_t nc = t->cap ? t->cap * 2 : 4096;
				df_entry *ne = realloc(t->e, nc * sizeof *ne);
				if (!ne)
					return -1;
				t->e = ne;
				t->cap = nc;
			}
			t->e[t->n++] = (df_entry){un->terms[k].id, 1};
		}
	}
	return 0;
}

/* Sorts the table and merges equal ids into counts. */
static void df_finish(df_table *t)
{
	qsort(t->e, t->n, sizeof *t->e, cmp_df);
	size_t m = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (m && t->e[m - 1].id == t->e[i].id)
			t->e[m - 1].df++;
		else
			t->e[m++] = t->e[i];
	}
	t->n = m;
}

/* Reweighs every unit's terms as cr_story_units does (idf squared, times
 * the term's boost), with the idf taken over the whole input. */
static void reweigh(cr_story *st, const df_table *t)
{
	double N = t->n_sents ? t->n_sents : 1;
	for (uint32_t u = 0; u < st->n_units; u++) {
		cr_unit *un = &st->units[u];
		un->weight = 0;
		for (uint32_t k = 0; k < un->n_terms; k++) {
			df_entry key = {un->terms[k].id, 0};
			df_entry *hit =
			        bsearch(&key, t->e, t->n, sizeof *t->e, cmp_df);
			double d = hit ? hit->df : 1;
			double idf = log((N + 1.0) / d);
			un->terms[k].w =
			        (float)(idf * idf * un->terms[k].boost);
			un->weight += un->terms[k].w;
		}
	}
}

/* The first whole-sentence unit of article j. */
static uint32_t first_sentence(const cr_story *st, uint32_t j)
{
	return st->ubeg[j];
}

/* Support, similarity and coverage of the pair under the story's current
 * weights, as a JSON object. */
static json_t *features(cr_story *st)
{
	if (cr_story_support(st) != CR_OK)
		return NULL;
	uint32_t u0 = first_sentence(st, 0), u1 = first_sentence(st, 1);
	/* The score is the best any unit of the other article reaches on the
	 * sentence; with the table it is what cr_unit_supported_by reads. */
	double s01 = st->bestv && st->bestv[(size_t)u0 * 2 + 1] != UINT32_MAX
	                     ? st->bests[(size_t)u0 * 2 + 1]
	                     : 0;
	double s10 = st->bestv && st->bestv[(size_t)u1 * 2 + 0] != UINT32_MAX
	                     ? st->bests[(size_t)u1 * 2 + 0]
	                     : 0;
	double fv[CR_AF_COUNT];
	cr_unit_features(st, u0, u1, fv);
	json_t *fa = json_array();
	for (int k = 0; k < CR_AF_COUNT; k++)
		json_array_append_new(fa, json_real(fv[k]));
	return json_pack("{s:f, s:f, s:b, s:b, s:f, s:f, s:f, s:f, s:f, s:o}",
	                 "score12", s01, "score21", s10, "states12",
	                 cr_unit_support(st, u0)[1] != 0, "states21",
	                 cr_unit_support(st, u1)[0] != 0, "dice",
	                 cr_unit_similarity(st, u0, u1), "cov12",
	                 cr_unit_coverage(st, u0, u1), "cov21",
	                 cr_unit_coverage(st, u1, u0), "w1",
	                 (double)st->units[u0].weight, "w2",
	                 (double)st->units[u1].weight, "features", fa);
}

static int read_pairs(FILE *in, pair **out, size_t *n_out)
{
	pair *ps = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	while ((len = getline(&line, &lcap, in)) >= 0) {
		lineno++;
		if (len <= 1)
			continue;
		if (n == MAX_PAIRS) {
			fprintf(stderr, "cr-align: more than %u pairs\n",
			        MAX_PAIRS);
			break;
		}
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		const char *id = NULL, *s1 = NULL, *s2 = NULL;
		if (!o ||
		    json_unpack(o, "{s:s, s:s, s:s}", "id", &id, "s1", &s1,
		                "s2", &s2) ||
		    strlen(s1) > MAX_SENT_LEN || strlen(s2) > MAX_SENT_LEN) {
			fprintf(stderr, "cr-align: line %lu: need id, s1, s2\n",
			        lineno);
			json_decref(o);
			continue;
		}
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 1024;
			pair *np = realloc(ps, nc * sizeof *np);
			if (!np) {
				json_decref(o);
				break;
			}
			ps = np;
			cap = nc;
		}
		json_t *lab = json_object_get(o, "label");
		ps[n].label = json_is_integer(lab)
		                      ? (json_integer_value(lab) != 0)
		                      : -1;
		ps[n].id = strdup(id);
		ps[n].s1 = strdup(s1);
		ps[n].s2 = strdup(s2);
		json_decref(o);
		if (!ps[n].id || !ps[n].s1 || !ps[n].s2)
			break;
		n++;
	}
	free(line);
	*out = ps;
	*n_out = n;
	return 0;
}

/* ---- The richer models (after Ji and Eisenstein 2013), learnt inside
 * the folds.
 *
 * Each sentence is a bag of unigrams and bigrams of its folded stems
 * (stopwords kept). A feature's TF-KLD weight is the KL divergence
 * between its "in both sentences / in one" distribution over the
 * paraphrase pairs and over the others (training folds only; a training
 * pair's own counts are left out of its weights, else a feature seen in
 * that pair alone would carry its label). The TF-KLD cosine compares two
 * sentences so weighted. The latent model is a truncated SVD (randomized,
 * Halko et al.) of the weighted sentence-feature matrix of the basis
 * sentences: each sentence's projection is its latent vector, and a
 * pair's cosine, element-wise sum and absolute difference join the
 * features. The logistic regression is align-eval's (a ridge on
 * standardised features, Newton's method), here with a ridge of
 * ALIGN_L2 and the products of each two features as well. */

#define LAT_MAX_NGRAMS 512u /* unigrams + bigrams of one article */
#define LAT_MAX_RANK   400u /* latent dimensions */
#define LAT_OVERSAMPLE 10u  /* extra columns of the randomized SVD */
#define LAT_POWER      2u   /* power iterations of the randomized SVD */
#define LAT_KLD_PRIOR  0.05 /* pseudo-count of "both" and "one" */
#define LR_MAX_ITERS   30u  /* Newton steps of the logistic regression */
#define ALIGN_L2       10.0 /* ridge of the model, on standardised features */

/* One sentence's features: vocabulary indices (sorted) and counts. */
typedef struct sfeat {
	uint32_t off, n;
} sfeat;

typedef struct latent_data {
	uint32_t n_pairs;
	uint32_t n_basis; /* sentences of the basis corpus, after the pairs' */
	uint32_t *idx;    /* all sentences' feature indices */
	float *tf;        /* and counts */
	sfeat *sent;      /* 2 per pair */
	uint32_t n_vocab;
	double *base;  /* n_pairs x CR_AF_COUNT corpus features */
	int8_t *label; /* -1: rejected */
} latent_data;

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* The unigram and bigram ids of article j's whole sentences, unsorted, at
 * most LAT_MAX_NGRAMS; their number. */
static uint32_t article_ngrams(const cr_story *st, uint32_t j, uint64_t *out)
{
	uint32_t n = 0;
	for (uint32_t u = st->ubeg[j]; u < st->uend[j]; u++) {
		const cr_unit *un = &st->units[u];
		if (un->clause)
			continue;
		for (uint32_t i = 0; i < un->n_words && n < LAT_MAX_NGRAMS;
		     i++) {
			out[n++] = un->stems[i];
			if (i + 1 < un->n_words && n < LAT_MAX_NGRAMS)
				out[n++] = mix64(un->stems[i] * 31u +
				                 un->stems[i + 1]);
		}
	}
	return n;
}

/* Applies the plane rotation (c, s) to the n pairs m[k * step + po] and
 * m[k * step + qo]: a Jacobi step on two columns (step n) or two rows
 * (step 1). */
static void rotate(double *m, uint32_t n, size_t step, size_t po, size_t qo,
                   double c, double s)
{
	for (uint32_t k = 0; k < n; k++) {
		double x = m[k * step + po], y = m[k * step + qo];
		m[k * step + po] = c * x - s * y;
		m[k * step + qo] = s * x + c * y;
	}
}

/* Symmetric eigen-decomposition of a (n x n, row-major, destroyed) by
 * cyclic Jacobi rotations: eigenvalues in val, eigenvectors in the
 * columns of vec, sorted by falling eigenvalue. */
static void jacobi_eigen(double *a, uint32_t n, double *val, double *vec)
{
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t j = 0; j < n; j++)
			vec[(size_t)i * n + j] = i == j;
	for (int sweep = 0; sweep < 50; sweep++) {
		double off = 0, diag = 0;
		for (uint32_t i = 0; i < n; i++) {
			diag += a[(size_t)i * n + i] * a[(size_t)i * n + i];
			for (uint32_t j = i + 1; j < n; j++)
				off += a[(size_t)i * n + j] *
				       a[(size_t)i * n + j];
		}
		if (off <= 1e-22 * diag || off == 0)
			break;
		for (uint32_t p = 0; p < n; p++)
			for (uint32_t q = p + 1; q < n; q++) {
				double apq = a[(size_t)p * n + q];
				if (fabs(apq) < 1e-300)
					continue;
				double app = a[(size_t)p * n + p],
				       aqq = a[(size_t)q * n + q];
				double th = (aqq - app) / (2 * apq);
				double t = (th >= 0 ? 1 : -1) /
				           (fabs(th) + sqrt(th * th + 1));
				double c = 1 / sqrt(t * t + 1), s = t * c;
				/* Columns p, q of a, then rows p, q, then the
				 * eigenvector columns. */
				rotate(a, n, n, p, q, c, s);
				rotate(a, n, 1, (size_t)p * n, (size_t)q * n, c,
				       s);
				rotate(vec, n, n, p, q, c, s);
			}
	}
	for (uint32_t i = 0; i < n; i++)
		val[i] = a[(size_t)i * n + i];
	/* Selection sort of the columns by falling eigenvalue. */
	for (uint32_t i = 0; i < n; i++) {
		uint32_t m = i;
		for (uint32_t j = i + 1; j < n; j++)
			if (val[j] > val[m])
				m = j;
		if (m == i)
			continue;
		double t = val[i];
		val[i] = val[m];
		val[m] = t;
		for (uint32_t k = 0; k < n; k++) {
			t = vec[(size_t)k * n + i];
			vec[(size_t)k * n + i] = vec[(size_t)k * n + m];
			vec[(size_t)k * n + m] = t;
		}
	}
}

/* Gram matrix g = a^T a of a (rows x l, row-major). */
static void gram(const double *a, size_t rows, uint32_t l, double *g)
{
	memset(g, 0, (size_t)l * l * sizeof *g);
	for (size_t r = 0; r < rows; r++) {
		const double *x = a + r * l;
		for (uint32_t i = 0; i < l; i++) {
			double xi = x[i];
			if (xi == 0)
				continue;
			double *gi = g + (size_t)i * l;
			for (uint32_t j = i; j < l; j++)
				gi[j] += xi * x[j];
		}
	}
	for (uint32_t i = 0; i < l; i++)
		for (uint32_t j = 0; j < i; j++)
			g[(size_t)i * l + j] = g[(size_t)j * l + i];
}

/* out (rows x l) = a (rows x l) times w (l x l); out may not alias a. */
static void mul_small(const double *a, size_t rows, uint32_t l, const double *w,
                      double *out)
{
	memset(out, 0, rows * l * sizeof *out);
	for (size_t r = 0; r < rows; r++)
		for (uint32_t k = 0; k < l; k++) {
			double x = a[r * l + k];
			if (x == 0)
				continue;
			const double *wk = w + (size_t)k * l;
			double *o = out + r * l;
			for (uint32_t j = 0; j < l; j++)
				o[j] += x * wk[j];
		}
}

/* Orthonormalises the columns of a (rows x l) in place through the
 * eigenvectors of its Gram matrix; columns of a null direction become 0.
 * tmp holds rows x l, g and w l x l, val l. */
static void orthonormalise(double *a, size_t rows, uint32_t l, double *tmp,
                           double *g, double *w, double *val)
{
	gram(a, rows, l, g);
	jacobi_eigen(g, l, val, w);
	double top = val[0] > 0 ? val[0] : 1;
	for (uint32_t j = 0; j < l; j++) {
		double s = val[j] > 1e-12 * top ? 1 / sqrt(val[j]) : 0;
		for (uint32_t k = 0; k < l; k++)
			w[(size_t)k * l + j] *= s;
	}
	mul_small(a, rows, l, w, tmp);
	memcpy(a, tmp, rows * l * sizeof *a);
}

/* The sparse training matrix: row r is sentence rows[r]; column of
 * vocabulary entry v is col[v] (UINT32_MAX: not a column), its value the
 * count times wt[v]. */
typedef struct smat {
	const latent_data *d;
	const uint32_t *rows;
	size_t n_rows;
	const uint32_t *col;
	const double *wt;
	uint32_t n_cols;
} smat;

/* y (n_rows x l) = M x (n_cols x l). */
static void smat_mul(const smat *m, const double *x, uint32_t l, double *y)
{
	memset(y, 0, m->n_rows * l * sizeof *y);
	for (size_t r = 0; r < m->n_rows; r++) {
		const sfeat *s = &m->d->sent[m->rows[r]];
		double *yr = y + r * l;
		for (uint32_t k = 0; k < s->n; k++) {
			uint32_t v = m->d->idx[s->off + k], c = m->col[v];
			if (c == UINT32_MAX)
				continue;
			double x0 = m->d->tf[s->off + k] * m->wt[v];
			const double *xc = x + (size_t)c * l;
			for (uint32_t j = 0; j < l; j++)
				yr[j] += x0 * xc[j];
		}
	}
}

/* z (n_cols x l) = M^T y (n_rows x l). */
static void smat_tmul(const smat *m, const double *y, uint32_t l, double *z)
{
	memset(z, 0, (size_t)m->n_cols * l * sizeof *z);
	for (size_t r = 0; r < m->n_rows; r++) {
		const sfeat *s = &m->d->sent[m->rows[r]];
		const double *yr = y + r * l;
		for (uint32_t k = 0; k < s->n; k++) {
			uint32_t v = m->d->idx[s->off + k], c = m->col[v];
			if (c == UINT32_MAX)
				continue;
			double x0 = m->d->tf[s->off + k] * m->wt[v];
			double *zc = z + (size_t)c * l;
			for (uint32_t j = 0; j < l; j++)
				zc[j] += x0 * yr[j];
		}
	}
}

/* The top right singular vectors of M by randomized SVD (Halko et al.):
 * vt gets n_cols x l, column j the j-th vector (by falling singular
 * value, in sv); 0 on success. */
static int randomized_svd(const smat *m, uint32_t l, uint64_t seed, double *vt,
                          double *sv)
{
	size_t big = (m->n_rows > m->n_cols ? m->n_rows : m->n_cols) * l;
	double *y = malloc(m->n_rows * l * sizeof *y);
	double *z = malloc((size_t)m->n_cols * l * sizeof *z);
	double *tmp = malloc(big * sizeof *tmp);
	double *g = malloc((size_t)l * l * sizeof *g);
	double *w = malloc((size_t)l * l * sizeof *w);
	double *val = malloc(l * sizeof *val);
	int rc = -1;
	if (!y || !z || !tmp || !g || !w || !val)
		goto out;
	uint64_t s = seed;
	for (size_t i = 0; i < (size_t)m->n_cols * l; i++) {
		/* A uniform draw in [-1, 1] serves as well as a Gaussian. */
		s = mix64(s + 0x9e3779b97f4a7c15ull);
		z[i] = (double)(s >> 11) / (double)(1ull << 52) - 1.0;
	}
	smat_mul(m, z, l, y);
	orthonormalise(y, m->n_rows, l, tmp, g, w, val);
	for (uint32_t it = 0; it < LAT_POWER; it++) {
		smat_tmul(m, y, l, z);
		orthonormalise(z, m->n_cols, l, tmp, g, w, val);
		smat_mul(m, z, l, y);
		orthonormalise(y, m->n_rows, l, tmp, g, w, val);
	}
	/* B^T = M^T Q; B B^T = W L W^T; V = B^T W L^-1/2. */
	smat_tmul(m, y, l, z);
	gram(z, m->n_cols, l, g);
	jacobi_eigen(g, l, val, w);
	for (uint32_t j = 0; j < l; j++) {
		sv[j] = val[j] > 0 ? sqrt(val[j]) : 0;
		double inv = sv[j] > 1e-12 ? 1 / sv[j] : 0;
		for (uint32_t k = 0; k < l; k++)
			w[(size_t)k * l + j] *= inv;
	}
	mul_small(z, m->n_cols, l, w, vt);
	rc = 0;
out:
	free(y);
	free(z);
	free(tmp);
	free(g);
	free(w);
	free(val);
	return rc;
}

/* The KL divergence of a feature's "in both / in one" distribution over
 * the paraphrases from that over the others, from its counts c (both and
 * one among paraphrases, both and one among the others), each smoothed
 * by prior. */
static double kld(const double *c, double prior)
{
	double p = (c[0] + prior) / (c[0] + c[1] + 2 * prior);
	double q = (c[2] + prior) / (c[2] + c[3] + 2 * prior);
	return p * log(p / q) + (1 - p) * log((1 - p) / (1 - q));
}

/* Counts of each feature over the training pairs (train[i] != 0), four
 * per feature as kld() reads them, into c; df gets each feature's count
 * of training pairs. */
static void kld_counts(const latent_data *d, const uint8_t *train, double *c,
                       uint32_t *df)
{
	uint32_t nv = d->n_vocab;
	memset(c, 0, (size_t)nv * 4 * sizeof *c);
	memset(df, 0, nv * sizeof *df);
	for (uint32_t i = 0; i < d->n_pairs; i++) {
		if (!train[i])
			continue;
		int y = d->label[i];
		const sfeat *a = &d->sent[2 * i], *b = &d->sent[2 * i + 1];
		uint32_t x = 0, z = 0;
		while (x < a->n || z < b->n) {
			uint32_t va =
			        x < a->n ? d->idx[a->off + x] : UINT32_MAX;
			uint32_t vb =
			        z < b->n ? d->idx[b->off + z] : UINT32_MAX;
			uint32_t v = va < vb ? va : vb;
			c[(size_t)v * 4 + (y ? 0 : 2) + (va == vb ? 0 : 1)] +=
			        1;
			df[v]++;
			if (va == v)
				x++;
			if (vb == v)
				z++;
		}
	}
}

/* Solves h x = g in place (h d x d, symmetric positive definite, by
 * Cholesky; destroyed); x replaces g. */
static void cholesky_solve(double *h, double *g, uint32_t d)
{
	for (uint32_t j = 0; j < d; j++) {
		double s = h[(size_t)j * d + j];
		for (uint32_t k = 0; k < j; k++)
			s -= h[(size_t)j * d + k] * h[(size_t)j * d + k];
		double ljj = sqrt(s > 1e-12 ? s : 1e-12);
		h[(size_t)j * d + j] = ljj;
		for (uint32_t i = j + 1; i < d; i++) {
			double t = h[(size_t)i * d + j];
			for (uint32_t k = 0; k < j; k++)
				t -= h[(size_t)i * d + k] *
				     h[(size_t)j * d + k];
			h[(size_t)i * d + j] = t / ljj;
		}
	}
	for (uint32_t i = 0; i < d; i++) {
		double t = g[i];
		for (uint32_t k = 0; k < i; k++)
			t -= h[(size_t)i * d + k] * g[k];
		g[i] = t / h[(size_t)i * d + i];
	}
	for (uint32_t i = d; i-- > 0;) {
		double t = g[i];
		for (uint32_t k = i + 1; k < d; k++)
			t -= h[(size_t)k * d + i] * g[k];
		g[i] = t / h[(size_t)i * d + i];
	}
}

/* The penalised negative log-likelihood of weights w (m + 1, bias last)
 * on rows x (n x m). */
static double logistic_loss(const double *x, const int8_t *y, size_t n,
                            uint32_t m, double lam, const double *w)
{
	double loss = 0;
	for (uint32_t j = 0; j < m; j++)
		loss += 0.5 * lam * w[j] * w[j];
	for (size_t r = 0; r < n; r++) {
		double z = w[m];
		for (uint32_t j = 0; j < m; j++)
			z += w[j] * x[r * m + j];
		/* log(1 + e^-z) for y = 1, log(1 + e^z) for y = 0, stably. */
		double t = y[r] ? -z : z;
		loss += t > 0 ? t + log1p(exp(-t)) : log1p(exp(t));
	}
	return loss;
}

/* L2-regularised logistic regression (lam on the weights, not the bias)
 * on standardised rows x (n x m) by Newton's method, each step halved
 * until the loss falls: w gets m + 1 weights, the bias last. */
static int fit_logistic(const double *x, const int8_t *y, size_t n, uint32_t m,
                        double lam, double *w)
{
	uint32_t d = m + 1;
	double *h = malloc((size_t)d * d * sizeof *h);
	double *g = malloc(d * sizeof *g);
	double *w2 = malloc(d * sizeof *w2);
	if (!h || !g || !w2) {
		free(h);
		free(g);
		free(w2);
		return -1;
	}
	memset(w, 0, d * sizeof *w);
	double loss = logistic_loss(x, y, n, m, lam, w);
	for (uint32_t it = 0; it < LR_MAX_ITERS; it++) {
		memset(h, 0, (size_t)d * d * sizeof *h);
		for (uint32_t j = 0; j < m; j++) {
			g[j] = lam * w[j];
			h[(size_t)j * d + j] = lam;
		}
		g[m] = 0;
		for (size_t r = 0; r < n; r++) {
			const double *xr = x + r * m;
			double z = w[m];
			for (uint32_t j = 0; j < m; j++)
				z += w[j] * xr[j];
			z = z > 30 ? 30 : z < -30 ? -30 : z;
			double p = 1 / (1 + exp(-z)), e = p - y[r],
			       v = p * (1 - p);
			for (uint32_t i = 0; i < d; i++) {
				double xi = i < m ? xr[i] : 1;
				g[i] += e * xi;
				double vi = v * xi;
				double *hi = h + (size_t)i * d;
				for (uint32_t j = i; j < m; j++)
					hi[j] += vi * xr[j];
				hi[m] += vi;
			}
		}
		for (uint32_t i = 0; i < d; i++)
			for (uint32_t j = 0; j < i; j++)
				h[(size_t)i * d + j] = h[(size_t)j * d + i];
		cholesky_solve(h, g, d);
		double t = 1, nl = loss;
		for (int half = 0; half < 30; half++, t /= 2) {
			for (uint32_t j = 0; j < d; j++)
				w2[j] = w[j] - t * g[j];
			nl = logistic_loss(x, y, n, m, lam, w2);
			if (nl <= loss)
				break;
		}
		if (!(nl <= loss))
			break;
		memcpy(w, w2, d * sizeof *w);
		double drop = loss - nl;
		loss = nl;
		if (drop < 1e-9 * (1 + loss))
			break;
	}
	free(h);
	free(g);
	free(w2);
	return 0;
}

/* 1 when the sentence f holds vocabulary entry v. */
static int bsearch_idx(const sfeat *f, const latent_data *d, uint32_t v)
{
	uint32_t lo = 0, hi = f->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uint32_t x = d->idx[f->off + mid];
		if (x == v)
			return 1;
		if (x < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* What the logistic model reads of a pair: the alignment features, the
 * TF-KLD cosine (kld), the latent cosine and the latent vectors' sum and
 * difference (latent: their rank; 0 none), and the products of each two
 * of the first two groups (quad), as the shipped model in align.c does. */
typedef struct model_opts {
	uint32_t folds, latent, min_df;
	double lam, prior, latent_scale;
	int kld, quad;
} model_opts;

#define N_LIN_MAX (CR_AF_COUNT + 1)
#define N_COLS_MAX                                                             \
	(N_LIN_MAX + 1 + 2 * LAT_MAX_RANK + N_LIN_MAX * (N_LIN_MAX + 1) / 2)

static uint32_t n_linear(const model_opts *o)
{
	return CR_AF_COUNT + (o->kld ? 1 : 0);
}

static uint32_t n_columns(const model_opts *o)
{
	uint32_t nl = n_linear(o);
	return nl + (o->latent ? 1 + 2 * o->latent : 0) +
	       (o->quad ? nl * (nl + 1) / 2 : 0);
}

/* What one fold learnt of the sentences: TF-KLD counts (four per
 * vocabulary entry, as kld() reads them), the columns kept (col,
 * UINT32_MAX: dropped) and the latent basis (vt, n_cols x l). */
typedef struct fold_model {
	const double *cnt;
	const uint32_t *col;
	const double *vt;
	uint32_t l;
} fold_model;

/* Sentence s (0 or 1) of pair i as a latent vector z (o->latent values):
 * its TF-KLD weighted counts projected on the basis. */
static void latent_vector(const latent_data *d, uint32_t i, int s,
                          const model_opts *o, const fold_model *fm, int own,
                          double *z)
{
	const sfeat *f = &d->sent[2 * i + s], *g = &d->sent[2 * i + !s];
	memset(z, 0, o->latent * sizeof *z);
	for (uint32_t k = 0; k < f->n; k++) {
		uint32_t v = d->idx[f->off + k], c = fm->col[v];
		if (c == UINT32_MAX)
			continue;
		double c4[4];
		memcpy(c4, fm->cnt + (size_t)v * 4, sizeof c4);
		if (own)
			c4[(d->label[i] ? 0 : 2) +
			   (bsearch_idx(g, d, v) ? 0 : 1)] -= 1;
		double x = d->tf[f->off + k] * kld(c4, o->prior);
		const double *vc = fm->vt + (size_t)c * fm->l;
		for (uint32_t j = 0; j < o->latent; j++)
			z[j] += x * vc[j];
	}
}

/* The cosine of pair i's sentences as TF-KLD weighted counts. A training
 * pair's own counts leave the weights (own): else a feature seen in no
 * other pair would carry the pair's label into its feature. */
static double kld_cosine(const latent_data *d, uint32_t i, const model_opts *o,
                         const fold_model *fm, int own)
{
	const sfeat *fa = &d->sent[2 * i], *fb = &d->sent[2 * i + 1];
	double ra = 0, rb = 0, rd = 0;
	uint32_t x = 0, z = 0;
	while (x < fa->n || z < fb->n) {
		uint32_t va = x < fa->n ? d->idx[fa->off + x] : UINT32_MAX;
		uint32_t vb = z < fb->n ? d->idx[fb->off + z] : UINT32_MAX;
		uint32_t v = va < vb ? va : vb;
		double ta = va == v ? d->tf[fa->off + x++] : 0;
		double tb = vb == v ? d->tf[fb->off + z++] : 0;
		if (fm->col[v] == UINT32_MAX)
			continue;
		double c4[4];
		memcpy(c4, fm->cnt + (size_t)v * 4, sizeof c4);
		if (own)
			c4[(d->label[i] ? 0 : 2) +
			   (ta > 0 && tb > 0 ? 0 : 1)] -= 1;
		double w = kld(c4, o->prior);
		ra += ta * ta * w * w;
		rb += tb * tb * w * w;
		rd += ta * tb * w * w;
	}
	return ra > 0 && rb > 0 ? rd / sqrt(ra * rb) : 0;
}

/* Fills row (n_columns(o) values) with pair i's features under the fold's
 * model; own: i is one of the fold's training pairs. */
static void pair_row(const latent_data *d, uint32_t i, const model_opts *o,
                     const fold_model *fm, int own, double *row)
{
	uint32_t nl = n_linear(o), q = nl;
	memcpy(row, d->base + (size_t)i * CR_AF_COUNT,
	       CR_AF_COUNT * sizeof *row);
	if (o->kld)
		row[CR_AF_COUNT] = kld_cosine(d, i, o, fm, own);
	if (o->latent) {
		double z0[LAT_MAX_RANK], z1[LAT_MAX_RANK];
		latent_vector(d, i, 0, o, fm, own, z0);
		latent_vector(d, i, 1, o, fm, own, z1);
		double dot = 0, n0 = 0, n1 = 0;
		for (uint32_t j = 0; j < o->latent; j++) {
			dot += z0[j] * z1[j];
			n0 += z0[j] * z0[j];
			n1 += z1[j] * z1[j];
			row[q + 1 + j] = z0[j] + z1[j];
			row[q + 1 + o->latent + j] = fabs(z0[j] - z1[j]);
		}
		row[q] = n0 > 0 && n1 > 0 ? dot / sqrt(n0 * n1) : 0;
		q += 1 + 2 * o->latent;
	}
	if (o->quad)
		for (uint32_t a = 0; a < nl; a++)
			for (uint32_t b = a; b < nl; b++)
				row[q++] = row[a] * row[b];
}

/* Learns the model on the pairs with train[i] set: the fold's sentence
 * model into fm (its arrays allocated here, freed by the caller) and the
 * logistic weights w (n_columns + 1) on the features standardised by
 * mean and sd; 0 on success. */
static int fit_fold(const latent_data *d, const model_opts *o,
                    const uint8_t *train, fold_model *fm, double *mean,
                    double *sd, double *w)
{
	uint32_t n = d->n_pairs, nv = d->n_vocab, m = n_columns(o);
	double *cnt = calloc((size_t)nv * 4 + 1, sizeof *cnt);
	uint32_t *col = malloc(((size_t)nv + 1) * sizeof *col);
	uint32_t *df = malloc(((size_t)nv + 1) * sizeof *df);
	uint32_t *rows =
	        malloc(((size_t)2 * n + d->n_basis + 1) * sizeof *rows);
	double *wt = malloc(((size_t)nv + 1) * sizeof *wt);
	double *x = malloc(((size_t)n * m + 1) * sizeof *x);
	int8_t *y = malloc((size_t)n + 1);
	double *sv = NULL;
	int rc = -1;
	fm->cnt = cnt;
	fm->col = col;
	fm->vt = NULL;
	if (!cnt || !col || !df || !rows || !wt || !x || !y)
		goto out;
	kld_counts(d, train, cnt, df);
	uint32_t nc = 0;
	for (uint32_t v = 0; v < nv; v++)
		col[v] = df[v] >= o->min_df ? nc++ : UINT32_MAX;
	if (o->latent) {
		/* The basis: the training sentences, or, when a basis corpus
		 * is given, its sentences alone, so that training and
		 * held-out sentences alike are projected out of sample. */
		size_t nr = 0;
		for (uint32_t i = 0; i < n && !d->n_basis; i++)
			if (train[i]) {
				rows[nr++] = 2 * i;
				rows[nr++] = 2 * i + 1;
			}
		for (uint32_t b = 0; b < d->n_basis; b++)
			rows[nr++] = 2 * n + b;
		for (uint32_t v = 0; v < nv; v++)
			wt[v] = kld(cnt + (size_t)v * 4, o->prior);
		fm->l = o->latent + LAT_OVERSAMPLE;
		double *vt = malloc(((size_t)nc * fm->l + 1) * sizeof *vt);
		sv = malloc(fm->l * sizeof *sv);
		fm->vt = vt;
		smat sm = {d, rows, nr, col, wt, nc};
		if (!vt || !sv || randomized_svd(&sm, fm->l, 0x5eed, vt, sv))
			goto out;
	}
	size_t nt = 0;
	for (uint32_t i = 0; i < n; i++)
		if (train[i]) {
			pair_row(d, i, o, fm, 1, x + nt * m);
			y[nt++] = d->label[i];
		}
	for (uint32_t j = 0; j < m; j++) {
		double s = 0, s2 = 0;
		for (size_t r = 0; r < nt; r++)
			s += x[r * m + j];
		mean[j] = nt ? s / (double)nt : 0;
		for (size_t r = 0; r < nt; r++)
			s2 += (x[r * m + j] - mean[j]) *
			      (x[r * m + j] - mean[j]);
		sd[j] = nt ? sqrt(s2 / (double)nt) : 0;
		if (sd[j] <= 0)
			sd[j] = 1;
		/* The latent vectors are many and each weak: a smaller scale
		 * is a stronger ridge on them alone. */
		if (o->latent && j > n_linear(o) &&
		    j <= n_linear(o) + 2 * o->latent)
			sd[j] /= o->latent_scale;
		for (size_t r = 0; r < nt; r++)
			x[r * m + j] = (x[r * m + j] - mean[j]) / sd[j];
	}
	rc = fit_logistic(x, y, nt, m, o->lam, w);
out:
	free(df);
	free(rows);
	free(wt);
	free(x);
	free(y);
	free(sv);
	return rc;
}

static void fold_free(fold_model *fm)
{
	free((void *)fm->cnt);
	free((void *)fm->col);
	free((void *)fm->vt);
}

/* Held-out probability of each pair (contiguous folds in input order, as
 * bench/align-eval cuts them) under the model learnt on the other folds;
 * -1 for a rejected pair. 0 on success. */
static int cross_validate(const latent_data *d, const model_opts *o,
                          double *prob)
{
	uint32_t n = d->n_pairs, m = n_columns(o);
	uint8_t *train = malloc((size_t)n + 1);
	double *mean = malloc(m * sizeof *mean), *sd = malloc(m * sizeof *sd);
	double *w = malloc((m + 1) * sizeof *w);
	int rc = -1;
	if (!train || !mean || !sd || !w)
		goto out;
	for (uint32_t i = 0; i < n; i++)
		prob[i] = -1;
	for (uint32_t k = 0; k < o->folds; k++) {
		uint32_t lo = (uint32_t)((uint64_t)n * k / o->folds),
		         hi = (uint32_t)((uint64_t)n * (k + 1) / o->folds);
		for (uint32_t i = 0; i < n; i++)
			train[i] = (i < lo || i >= hi) && d->label[i] >= 0;
		fold_model fm;
		if (fit_fold(d, o, train, &fm, mean, sd, w) != 0) {
			fold_free(&fm);
			goto out;
		}
		for (uint32_t i = lo; i < hi; i++) {
			if (d->label[i] == -2)
				continue;
			double row[N_COLS_MAX];
			pair_row(d, i, o, &fm, 0, row);
			double z = w[m];
			for (uint32_t j = 0; j < m; j++)
				z += w[j] * (row[j] - mean[j]) / sd[j];
			z = z > 30 ? 30 : z < -30 ? -30 : z;
			prob[i] = 1 / (1 + exp(-z));
		}
		fold_free(&fm);
	}
	rc = 0;
out:
	free(train);
	free(mean);
	free(sd);
	free(w);
	return rc;
}

/* Grows a buffer of elem-byte items to hold need; 0 on success. */
static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 4096;
	while (nc < need)
		nc *= 2;
	void *q = realloc(*p, nc * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = nc;
	return 0;
}

/* Adds article j's features (sorted unique n-gram ids and their counts)
 * to the raw table; 0 on success. */
static int add_sentence(const cr_story *st, uint32_t j, uint64_t **ids,
                        float **tf, size_t *n, size_t *cap, sfeat *out)
{
	uint64_t g[LAT_MAX_NGRAMS];
	uint32_t ng = st ? article_ngrams(st, j, g) : 0;
	qsort(g, ng, sizeof *g, cmp_u64);
	size_t cap_f = *cap;
	if (grow((void **)ids, cap, *n + ng, sizeof **ids) != 0 ||
	    grow((void **)tf, &cap_f, *cap, sizeof **tf) != 0)
		return -1;
	out->off = (uint32_t)*n;
	out->n = 0;
	for (uint32_t k = 0; k < ng; k++) {
		if (out->n && (*ids)[*n - 1] == g[k]) {
			(*tf)[*n - 1] += 1;
			continue;
		}
		(*ids)[*n] = g[k];
		(*tf)[*n] = 1;
		(*n)++;
		out->n++;
	}
	return 0;
}

/* Turns the raw n-gram ids into vocabulary indices (each sentence's stay
 * sorted, as the vocabulary is); 0 on success. */
static int build_vocab(latent_data *d, const uint64_t *ids, size_t n)
{
	uint64_t *v = malloc((n ? n : 1) * sizeof *v);
	d->idx = malloc((n ? n : 1) * sizeof *d->idx);
	if (!v || !d->idx) {
		free(v);
		return -1;
	}
	memcpy(v, ids, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_u64);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!m || v[m - 1] != v[i])
			v[m++] = v[i];
	for (size_t i = 0; i < n; i++) {
		const uint64_t *hit =
		        bsearch(&ids[i], v, m, sizeof *v, cmp_u64);
		d->idx[i] = (uint32_t)(hit - v);
	}
	d->n_vocab = (uint32_t)m;
	free(v);
	return 0;
}

static int usage(void)
{
	fputs("usage: cr-align [--cv FOLDS [--min-df N] [--l2 X] [--prior X] "
	      "[--latent K [--latent-scale X] [--basis FILE]]] < pairs.jsonl\n"
	      "each line {\"id\", \"s1\", \"s2\"[, \"label\"]}; prints one "
	      "JSON line of alignment features per pair. With --cv, each "
	      "line also has the held-out probability of the features and "
	      "their products (\"quad\"), of those and the TF-KLD cosine "
	      "(\"tfkld\") and, with --latent, of those and the latent model "
	      "of rank K (\"latent\"), whose basis is the training folds' "
	      "sentences or FILE's (pairs, as on stdin)\n",
	      stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *basis_path = NULL;
	model_opts mo = {.folds = 0,
	                 .min_df = 2,
	                 .lam = ALIGN_L2,
	                 .prior = LAT_KLD_PRIOR,
	                 .latent_scale = 1,
	                 .quad = 1};
	for (int i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			return usage();
		const char *v = argv[++i];
		if (!strcmp(argv[i - 1], "--cv"))
			mo.folds = (uint32_t)strtoul(v, NULL, 10);
		else if (!strcmp(argv[i - 1], "--latent"))
			mo.latent = (uint32_t)strtoul(v, NULL, 10);
		else if (!strcmp(argv[i - 1], "--basis"))
			basis_path = v;
		else if (!strcmp(argv[i - 1], "--min-df"))
			mo.min_df = (uint32_t)strtoul(v, NULL, 10);
		else if (!strcmp(argv[i - 1], "--latent-scale"))
			mo.latent_scale = strtod(v, NULL);
		else if (!strcmp(argv[i - 1], "--prior"))
			mo.prior = strtod(v, NULL);
		else if (!strcmp(argv[i - 1], "--l2"))
			mo.lam = strtod(v, NULL);
		else
			return usage();
	}
	if (mo.folds == 1 || mo.folds > 100 || mo.latent > LAT_MAX_RANK ||
	    !(mo.prior > 0) || !(mo.lam > 0))
		return usage();
	pair *prs = NULL, *bps = NULL;
	size_t n = 0, nb = 0;
	read_pairs(stdin, &prs, &n);
	if (basis_path) {
		FILE *f = fopen(basis_path, "r");
		if (!f) {
			perror(basis_path);
			return 1;
		}
		read_pairs(f, &bps, &nb);
		fclose(f);
	}
	df_table df = {0};
	cr_analyzer *an = cr_analyzer_new();
	if (!an) {
		fputs("cr-align: no analyzer\n", stderr);
		return 1;
	}
	/* First pass: the corpus's document frequencies. */
	for (size_t i = 0; i < n; i++) {
		pstory ps;
		if (story_open(&ps, &prs[i], an) == 0 &&
		    df_add(&df, &ps.st) != 0) {
			story_close(&ps);
			fputs("cr-align: out of memory\n", stderr);
			return 1;
		}
		story_close(&ps);
	}
	df_finish(&df);
	int status = 0;
	latent_data ld = {.n_pairs = (uint32_t)n};
	json_t **out = calloc(n ? n : 1, sizeof *out);
	ld.sent = calloc(2 * (n + nb) + 1, sizeof *ld.sent);
	ld.base = calloc(n * CR_AF_COUNT + 1, sizeof *ld.base);
	ld.label = calloc(n + 1, 1);
	uint64_t *ids = NULL;
	size_t n_ids = 0, cap_ids = 0;
	if (!out || !ld.sent || !ld.base || !ld.label) {
		fputs("cr-align: out of memory\n", stderr);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		pstory ps;
		json_t *row = json_pack("{s:s}", "id", prs[i].id);
		int ok = story_open(&ps, &prs[i], an) == 0;
		if (!ok) {
			json_object_set_new(row, "error",
			                    json_string("article rejected"));
		} else {
			json_object_set_new(row, "sents1",
			                    json_integer(ps.arts[0]->n_sents));
			json_object_set_new(row, "sents2",
			                    json_integer(ps.arts[1]->n_sents));
			json_t *f = features(&ps.st);
			reweigh(&ps.st, &df);
			json_t *g = features(&ps.st);
			if (!f || !g)
				status = 1;
			json_object_set_new(row, "story", f ? f : json_null());
			json_object_set_new(row, "corpus", g ? g : json_null());
			ok = g != NULL;
			if (ok)
				cr_unit_features(&ps.st, ps.st.ubeg[0],
				                 ps.st.ubeg[1],
				                 ld.base + i * CR_AF_COUNT);
		}
		ld.label[i] = (int8_t)(ok ? prs[i].label : -2);
		for (uint32_t j = 0; j < 2; j++)
			if (mo.folds &&
			    add_sentence(ok ? &ps.st : NULL, j, &ids, &ld.tf,
			                 &n_ids, &cap_ids,
			                 &ld.sent[2 * i + j]) != 0) {
				fputs("cr-align: out of memory\n", stderr);
				return 1;
			}
		out[i] = row;
		story_close(&ps);
	}
	/* The basis corpus's sentences, when given, after the pairs'. */
	for (size_t i = 0; i < nb && mo.folds && mo.latent; i++) {
		pstory ps;
		int ok = story_open(&ps, &bps[i], an) == 0;
		for (uint32_t j = 0; j < 2; j++)
			if (add_sentence(ok ? &ps.st : NULL, j, &ids, &ld.tf,
			                 &n_ids, &cap_ids,
			                 &ld.sent[2 * n + ld.n_basis++]) != 0) {
				fputs("cr-align: out of memory\n", stderr);
				return 1;
			}
		story_close(&ps);
	}
	if (mo.folds) {
		double *prob = malloc((n ? n : 1) * sizeof *prob);
		if (!prob || build_vocab(&ld, ids, n_ids) != 0) {
			fputs("cr-align: out of memory\n", stderr);
			return 1;
		}
		static const char *const name[3] = {"quad", "tfkld", "latent"};
		for (int v = 0; v < (mo.latent ? 3 : 2); v++) {
			model_opts o = mo;
			o.kld = v >= 1;
			o.latent = v == 2 ? mo.latent : 0;
			if (cross_validate(&ld, &o, prob) != 0) {
				fputs("cr-align: out of memory\n", stderr);
				return 1;
			}
			for (size_t i = 0; i < n; i++)
				if (prob[i] >= 0)
					json_object_set_new(out[i], name[v],
					                    json_real(prob[i]));
		}
		free(prob);
	}
	for (size_t i = 0; i < n; i++) {
		char *s = json_dumps(out[i], JSON_COMPACT);
		if (s)
			puts(s);
		free(s);
		json_decref(out[i]);
	}
	for (size_t i = 0; i < n; i++) {
		free(prs[i].id);
		free(prs[i].s1);
		free(prs[i].s2);
	}
	for (size_t i = 0; i < nb; i++) {
		free(bps[i].id);
		free(bps[i].s1);
		free(bps[i].s2);
	}
	free(bps);
	free(prs);
	free(df.e);
	free(out);
	free(ids);
	free(ld.idx);
	free(ld.tf);
	free(ld.sent);
	free(ld.base);
	free(ld.label);
	cr_analyzer_free(an);
	return status;
}

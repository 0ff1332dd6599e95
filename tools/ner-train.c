/*
 * ner-train - trains the named-entity tagger of src/text/ner.c.
 *
 * Usage: ner-train [-e EPOCHS] [-b BITS] [-p PRUNE] [-k K]
 *                  [-c CLUSTERS [-w LEXICON]] [-n 1] [-f EPOCHS] TRAIN OUT
 *
 * TRAIN is CoNLL-2003 train in the sentence-per-line JSON lines form
 * ({"doc", "tokens", "ner"} with BIO tags), the form bench/ner-eval
 * scores. Each document's text is rebuilt from its tokens exactly as
 * bench/ner-eval rebuilds it (one sentence per line, tokens joined by
 * spaces except before closing punctuation and clitics), then cut into
 * sentences and tokens by crossread itself, so the tagger learns on the
 * tokens it sees at run time. A crossread token takes the tag of the
 * first CoNLL token it overlaps.
 *
 * Training is the averaged perceptron, greedy, with the document order
 * shuffled each epoch by a fixed seed (the run is deterministic). The
 * epoch count is chosen on a slice of train (every K-th document,
 * default 10, held out; entity F1 over crossread tokens), never on dev,
 * so that bench/ner-eval's dev figure is not tuned on; then the model is
 * trained again on all of train for that many epochs and written to OUT.
 * With -c, the word clusters of tools/ner-clusters give features and
 * are stored in OUT; with -w as well, so do the words of a lexicon
 * (cr_ner_clusters_add_lexicon(): tools/train-ner lists WordNet's). With
 * -n 1 the model is trained on all but the held-out slice (and its F1
 * there printed), so that bench/ner-eval can show its misses on that
 * slice; -f trains exactly EPOCHS epochs, choosing none. Assumes the
 * file fits in memory (CoNLL-2003 train is 3 MB).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "crossread/article.h"
#include "text/analyze.h"
#include "text/ner.h"

/* Longest input line and most documents read. */
#define MAX_LINE (1u << 20)
#define MAX_DOCS 100000u
/* Most epochs run. */
#define MAX_EPOCHS 100
/* The seed of the document shuffling. */
#define SEED 0x2003u

typedef struct ndoc {
	cr_article *a;
	uint8_t *gold; /* one tag per crossread token */
} ndoc;

typedef struct corpus {
	ndoc *d;
	size_t n, cap;
} corpus;

typedef struct learner {
	float *w, *u;
	size_t c; /* tokens seen: the averaging clock */
} learner;

static const char *const NO_SPACE_BEFORE[] = {
        ",",   ".",  ";",   ":",   ")",   "?",   "!",  "%", "'s",
        "n't", "'S", "N'T", "'re", "'ve", "'ll", "'d", "'m"};

static int no_space_before(const char *t)
{
	for (size_t i = 0; i < sizeof NO_SPACE_BEFORE / sizeof *NO_SPACE_BEFORE;
	     i++)
		if (!strcmp(t, NO_SPACE_BEFORE[i]))
			return 1;
	return 0;
}

static int tag_id(const char *t)
{
	static const char *const names[] = {"O",     "B-PER",  "I-PER",
	                                    "B-LOC", "I-LOC",  "B-ORG",
	                                    "I-ORG", "B-MISC", "I-MISC"};
	for (int k = 0; k < (int)(sizeof names / sizeof *names); k++)
		if (!strcmp(t, names[k]))
			return k;
	return 0;
}

/* A document being read: its text and each CoNLL token's byte range and
 * tag. */
typedef struct rawdoc {
	char *text;
	size_t len, cap;
	uint32_t *beg, *end;
	uint8_t *tag;
	size_t nt, tcap;
} rawdoc;

static int push_text(rawdoc *r, const char *s, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		size_t nc = r->cap ? r->cap : 4096;
		while (nc < r->len + n + 1)
			nc *= 2;
		char *p = realloc(r->text, nc);
		if (!p)
			return -1;
		r->text = p;
		r->cap = nc;
	}
	memcpy(r->text + r->len, s, n);
	r->len += n;
	r->text[r->len] = '\0';
	return 0;
}

static int push_tok(rawdoc *r, uint32_t b, uint32_t e, uint8_t t)
{
	if (r->nt == r->tcap) {
		size_t nc = r->tcap ? r->tcap * 2 : 1024;
		uint32_t *nb = realloc(r->beg, nc * sizeof *nb);
		if (nb)
			r->beg = nb;
		uint32_t *ne = realloc(r->end, nc * sizeof *ne);
		if (ne)
			r->end = ne;
		uint8_t *ng = realloc(r->tag, nc);
		if (ng)
			r->tag = ng;
		if (!nb || !ne || !ng)
			return -1;
		r->tcap = nc;
	}
	r->beg[r->nt] = b;
	r->end[r->nt] = e;
	r->tag[r->nt++] = t;
	return 0;
}

/* Appends one sentence's tokens and tags to r. */
static int add_sentence(rawdoc *r, json_t *toks, json_t *tags)
{
	if (r->len && push_text(r, "\n", 1))
		return -1;
	const char *prev = NULL;
	size_t i;
	json_t *v;
	json_array_foreach(toks, i, v)
	{
		const char *t = json_string_value(v);
		const char *g = json_string_value(json_array_get(tags, i));
		if (!t || !g)
			return -1;
		if (prev && !no_space_before(t) && strcmp(prev, "(") &&
		    strcmp(prev, "$") && push_text(r, " ", 1))
			return -1;
		uint32_t b = (uint32_t)r->len;
		if (push_text(r, t, strlen(t)) ||
		    push_tok(r, b, (uint32_t)r->len, (uint8_t)tag_id(g)))
			return -1;
		prev = t;
	}
	return 0;
}

/* Turns a read document into an analysed article with gold tags on its
 * crossread tokens. */
static int finish_doc(cr_analyzer *an, rawdoc *r, corpus *c)
{
	if (!r->nt)
		return 0;
	if (c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 256;
		ndoc *nd = realloc(c->d, nc * sizeof *nd);
		if (!nd || nc > MAX_DOCS)
			return -1;
		c->d = nd;
		c->cap = nc;
	}
	cr_article *a = cr_article_create();
	if (!a)
		return -1;
	a->body = cr_arena_strndup(a->arena, r->text, r->len);
	a->body_len = (uint32_t)r->len;
	if (!a->body || cr_analyze_tokens(an, a) != CR_OK) {
		cr_article_destroy(a);
		return -1;
	}
	uint8_t *gold = calloc(a->n_toks ? a->n_toks : 1, 1);
	if (!gold) {
		cr_article_destroy(a);
		return -1;
	}
	size_t k = 0;
	for (uint32_t i = 0; i < a->n_toks; i++) {
		uint32_t b = a->toks[i].span.off;
		uint32_t e = b + a->toks[i].span.len;
		while (k < r->nt && r->end[k] <= b)
			k++;
		if (k == r->nt || r->beg[k] >= e)
			continue;
		uint8_t t = r->tag[k];
		int same = i > 0 && a->toks[i - 1].sent == a->toks[i].sent &&
		           gold[i - 1] && (gold[i - 1] - 1) / 2 == (t - 1) / 2;
		/* The second piece of one CoNLL token ("P" "." of "P.") goes
		 * on with its name; an inside tag with no name open (the
		 * token before was cut differently) begins one. */
		if (t && t % 2 == 1 && same && i > 0 &&
		    a->toks[i - 1].span.off + a->toks[i - 1].span.len >
		            r->beg[k])
			t++;
		else if (t && t % 2 == 0 && !same)
			t--;
		gold[i] = t;
	}
	c->d[c->n++] = (ndoc){a, gold};
	r->len = 0;
	r->nt = 0;
	if (r->text)
		r->text[0] = '\0';
	return 0;
}

static int load(cr_analyzer *an, const char *path, corpus *c)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "ner-train: cannot read %s\n", path);
		return -1;
	}
	rawdoc r = {0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long doc = -1;
	int rc = 0;
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		if ((size_t)n > MAX_LINE || n <= 1)
			continue;
		json_t *o = json_loads(line, 0, NULL);
		json_t *toks = json_object_get(o, "tokens");
		json_t *tags = json_object_get(o, "ner");
		long d = (long)json_integer_value(json_object_get(o, "doc"));
		if (!json_is_array(toks) || !json_is_array(tags)) {
			json_decref(o);
			continue;
		}
		if (d != doc && finish_doc(an, &r, c))
			rc = -1;
		doc = d;
		if (rc == 0 && add_sentence(&r, toks, tags))
			rc = -1;
		json_decref(o);
	}
	if (rc == 0 && finish_doc(an, &r, c))
		rc = -1;
	free(line);
	free(r.text);
	free(r.beg);
	free(r.end);
	free(r.tag);
	fclose(f);
	if (rc)
		fprintf(stderr, "ner-train: failed reading %s\n", path);
	return rc;
}

static void update(void *ud, const uint32_t *feats, uint32_t n, int gold,
                   int pred)
{
	learner *l = ud;
	l->c++;
	if (gold == pred)
		return;
	float c = (float)l->c;
	for (uint32_t k = 0; k < n; k++) {
		size_t r = (size_t)feats[k] * CR_NER_N_TAGS;
		l->w[r + gold] += 1;
		l->u[r + gold] += c;
		l->w[r + pred] -= 1;
		l->u[r + pred] -= c;
	}
}

/* Chunks of one tag sequence as (start, end, type) triples. */
static size_t chunks(const uint8_t *t, uint32_t n, const cr_article *a,
                     uint32_t *out)
{
	size_t m = 0;
	for (uint32_t i = 0; i < n;) {
		if (!t[i]) {
			i++;
			continue;
		}
		int type = (t[i] - 1) / 2;
		uint32_t j = i + 1;
		while (j < n && t[j] == 2 + 2 * type &&
		       a->toks[j].sent == a->toks[i].sent)
			j++;
		out[3 * m] = i;
		out[3 * m + 1] = j;
		out[3 * m + 2] = (uint32_t)type;
		m++;
		i = j;
	}
	return m;
}

/* Entity F1 of weights w (with clusters cl) on the corpus. */
static double evaluate(const cr_ner_weights *w, const cr_ner_clusters *cl,
                       const corpus *c)
{
	size_t tp = 0, ng = 0, ns = 0;
	for (size_t d = 0; d < c->n; d++) {
		const cr_article *a = c->d[d].a;
		uint32_t n = a->n_toks;
		uint8_t *t = malloc(n ? n : 1);
		uint32_t *cg = malloc(3 * sizeof(uint32_t) * (n + 1));
		uint32_t *cs = malloc(3 * sizeof(uint32_t) * (n + 1));
		if (!t || !cg || !cs ||
		    cr_ner_tag_with(w, cl, a, t, NULL, NULL, NULL)) {
			free(t);
			free(cg);
			free(cs);
			return 0;
		}
		size_t mg = chunks(c->d[d].gold, n, a, cg);
		size_t ms = chunks(t, n, a, cs);
		ng += mg;
		ns += ms;
		for (size_t i = 0, j = 0; i < mg && j < ms;) {
			if (cg[3 * i] < cs[3 * j])
				i++;
			else if (cg[3 * i] > cs[3 * j])
				j++;
			else {
				tp += !memcmp(cg + 3 * i, cs + 3 * j,
				              3 * sizeof(uint32_t));
				i++;
				j++;
			}
		}
		free(t);
		free(cg);
		free(cs);
	}
	double p = ns ? (double)tp / ns : 0, r = ng ? (double)tp / ng : 0;
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void free_corpus(corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		cr_article_destroy(c->d[i].a);
		free(c->d[i].gold);
	}
	free(c->d);
}

/* Runs epochs over the documents of tr whose index is not a multiple of
 * k (all of them when k is 0), in an order shuffled by seed, into
 * l; after each epoch the averaged weights go to avg and, when sel is
 * set, are scored on sel, and the best are copied to best (*best_e is
 * their epoch). Without sel the last epoch's average is kept. Returns 0,
 * or 1 when out of memory. */
static int train(const corpus *tr, size_t k, const corpus *sel, int epochs,
                 uint64_t seed, uint32_t bits, const cr_ner_clusters *cl,
                 learner *l, float *avg, float *best, int *best_e)
{
	size_t n = ((size_t)1 << bits) * CR_NER_N_TAGS;
	size_t *order = malloc((tr->n ? tr->n : 1) * sizeof *order);
	if (!order)
		return 1;
	size_t m = 0;
	for (size_t j = 0; j < tr->n; j++)
		if (!k || j % k)
			order[m++] = j;
	memset(l->w, 0, n * sizeof(float));
	memset(l->u, 0, n * sizeof(float));
	l->c = 0;
	double best_f = -1;
	for (int e = 1; e <= epochs; e++) {
		for (size_t j = m; j > 1; j--) {
			seed = seed * 6364136223846793005ull +
			       1442695040888963407ull;
			size_t r = (size_t)(seed >> 33) % j;
			size_t t = order[j - 1];
			order[j - 1] = order[r];
			order[r] = t;
		}
		cr_ner_weights w = {.w = l->w, .bits = bits};
		for (size_t j = 0; j < m; j++) {
			ndoc *d = &tr->d[order[j]];
			uint8_t *t = malloc(d->a->n_toks ? d->a->n_toks : 1);
			if (!t || cr_ner_tag_with(&w, cl, d->a, t, d->gold,
			                          update, l)) {
				free(t);
				free(order);
				return 1;
			}
			free(t);
		}
		float c = (float)(l->c + 1);
		for (size_t j = 0; j < n; j++)
			avg[j] = l->w[j] - l->u[j] / c;
		if (!sel) {
			memcpy(best, avg, n * sizeof(float));
			*best_e = e;
			continue;
		}
		cr_ner_weights wa = {.w = avg, .bits = bits};
		double f = evaluate(&wa, cl, sel);
		fprintf(stderr, "epoch %d: held-out token-chunk F1 %.4f\n", e,
		        f);
		if (f > best_f) {
			best_f = f;
			*best_e = e;
			memcpy(best, avg, n * sizeof(float));
		}
	}
	free(order);
	return 0;
}

int main(int argc, char **argv)
{
	int epochs = 12;
	uint32_t bits = 20;
	float prune = 0;
	long k = 10;
	const char *cpath = NULL, *wpath = NULL;
	int held_only = 0;
	int fixed = 0;
	int i = 1;
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "-e"))
			epochs = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-b"))
			bits = (uint32_t)atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-p"))
			prune = (float)atof(argv[i + 1]);
		else if (!strcmp(argv[i], "-k"))
			k = atol(argv[i + 1]);
		else if (!strcmp(argv[i], "-c"))
			cpath = argv[i + 1];
		else if (!strcmp(argv[i], "-n"))
			held_only = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-w"))
			wpath = argv[i + 1];
		else if (!strcmp(argv[i], "-f"))
			fixed = atoi(argv[i + 1]);
		else
			break;
	}
	if (argc - i != 2 || epochs < 1 || epochs > MAX_EPOCHS || k < 2 ||
	    (wpath && !cpath) || fixed < 0 || fixed > MAX_EPOCHS ||
	    bits < CR_NER_MIN_BITS || bits > CR_NER_MAX_BITS) {
		fprintf(stderr, "usage: ner-train [-e EPOCHS] [-b BITS] "
		                "[-p PRUNE] [-k K] [-c CLUSTERS [-w LEXICON]] "
		                "[-n 1] [-f EPOCHS] "
		                "TRAIN OUT\n");
		return 2;
	}
	cr_analyzer *an = cr_analyzer_new();
	corpus tr = {0}, held = {0};
	size_t n = ((size_t)1 << bits) * CR_NER_N_TAGS;
	learner l = {calloc(n, sizeof(float)), calloc(n, sizeof(float)), 0};
	float *avg = malloc(n * sizeof(float));
	float *best = malloc(n * sizeof(float));
	int rc = 1;
	cr_ner_clusters *cl = NULL;
	if (cpath && cr_ner_clusters_read(cpath, &cl) != CR_OK) {
		fprintf(stderr, "ner-train: cannot read clusters %s\n", cpath);
		goto out;
	}
	if (wpath && cr_ner_clusters_add_lexicon(cl, wpath) != CR_OK) {
		fprintf(stderr, "ner-train: cannot read lexicon %s\n", wpath);
		goto out;
	}
	if (!an || !l.w || !l.u || !avg || !best || load(an, argv[i], &tr))
		goto out;
	/* The held-out slice borrows the documents of tr (free_corpus is
	 * not called on it). */
	held.d = malloc((tr.n / (size_t)k + 1) * sizeof *held.d);
	if (!held.d)
		goto out;
	for (size_t j = 0; j < tr.n; j += (size_t)k)
		held.d[held.n++] = tr.d[j];
	fprintf(stderr, "ner-train: %zu train documents, %zu held out\n",
	        tr.n - held.n, held.n);
	int best_e = fixed, last = 0;
	if (!fixed && train(&tr, (size_t)k, &held, epochs, SEED, bits, cl, &l,
	                    avg, best, &best_e))
		goto out;
	fprintf(stderr, "ner-train: %s epoch %d; training on %s\n",
	        fixed ? "fixed" : "best", best_e,
	        held_only ? "all but the held-out slice" : "all");
	if (train(&tr, held_only ? (size_t)k : 0, NULL, best_e, SEED, bits, cl,
	          &l, avg, best, &last))
		goto out;
	if (held_only) {
		cr_ner_weights wb = {.w = best, .bits = bits};
		fprintf(stderr, "ner-train: held-out F1 %.4f\n",
		        evaluate(&wb, cl, &held));
	}
	if (cr_ner_model_save_with(argv[i + 1], best, bits, prune, cl) !=
	    CR_OK) {
		fprintf(stderr, "ner-train: cannot write %s\n", argv[i + 1]);
		goto out;
	}
	rc = 0;
out:
	free(held.d);
	cr_ner_clusters_free(cl);
	free(l.w);
	free(l.u);
	free(avg);
	free(best);
	free_corpus(&tr);
	cr_analyzer_free(an);
	return rc;
}

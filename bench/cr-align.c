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

static int read_pairs(pair **out, size_t *n_out)
{
	pair *ps = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	while ((len = getline(&line, &lcap, stdin)) >= 0) {
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

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fputs("usage: cr-align < pairs.jsonl\n"
		      "each line {\"id\", \"s1\", \"s2\"}; prints one JSON "
		      "line "
		      "of alignment features per pair\n",
		      stderr);
		return 2;
	}
	pair *prs = NULL;
	size_t n = 0;
	read_pairs(&prs, &n);
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
	for (size_t i = 0; i < n; i++) {
		pstory ps;
		json_t *row = json_pack("{s:s}", "id", prs[i].id);
		if (story_open(&ps, &prs[i], an) != 0) {
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
		}
		char *s = json_dumps(row, JSON_COMPACT);
		if (s)
			puts(s);
		free(s);
		json_decref(row);
		story_close(&ps);
	}
	for (size_t i = 0; i < n; i++) {
		free(prs[i].id);
		free(prs[i].s1);
		free(prs[i].s2);
	}
	free(prs);
	free(df.e);
	cr_analyzer_free(an);
	return status;
}

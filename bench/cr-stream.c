/*
 * cr-stream - the stream-scale driver of bench/stream-speed: reads a
 * JSON lines stream (bench/stream-gen), puts every article through
 * ingest, cleaning, analysis, copy detection and story clustering (no
 * briefing), and times each stage.
 *
 * usage: cr-stream [-n N] [-b BATCH] [--window-days D] [--all-stages]
 *                  FILE
 *
 * The stream is read in batches of BATCH lines (default 4096): a batch is
 * ingested (cr_ingest_buffer), cleaned and analysed first, then each of
 * its articles goes through cr_copies_add and cr_stories_add in arrival
 * order, then the batch is freed. So the clustering-only time (copies +
 * stories) is measured on already analysed articles, and memory holds
 * one batch of articles plus the copy index and the stories. Prints
 * "key: value" lines: totals, each tenth of the stream (articles/s from
 * raw text and for clustering alone, RSS at its end), peak RSS, and how
 * the copies found compare with the copies the generator injected (its
 * "gen_copy_of" field, read here outside the timed sections), and a
 * digest of every article's story and copy_of (FNV-1a), so two builds
 * can be shown to place a stream alike.
 *
 * The batch size moves the two rates apart. With -b 256 the rate from
 * raw text is about 10% higher (4,096 analysed articles are about 200
 * MB, whose pages the next batch faults in again; the pipeline places
 * each article as soon as it is analysed and never holds them) and the
 * clustering rate about 5% lower (analysis between batches evicts the
 * index and the stories more often). The default keeps the figures
 * comparable with earlier runs.
 *
 * --window-days D sets the stories' window (cr_story_params); each tenth
 * also prints the active stories at its end.
 *
 * Analysis runs the stages copies and stories read (tokens, then
 * entities: cr_analyze_for_clustering), as `crossread cluster` does;
 * --all-stages runs all of cr_analyze(), as a pipeline that briefs
 * does (numbers, dates and quotes too).
 *
 * Assumes the ids in FILE are distinct. Not installed.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "cluster/stories.h"
#include "crossread/article.h"
#include "ingest/clean.h"
#include "ingest/ingest.h"
#include "sig/copies.h"
#include "text/analyze.h"

#define MAX_LINE      ((size_t)1 << 24) /* longer lines are skipped */
#define MAX_BATCH     65536u            /* lines per batch at most */
#define DEFAULT_BATCH 4096u
#define TENTHS        10
#define MAX_ID        64 /* bytes of an id kept for the copy check */

typedef struct batch {
	cr_article **arts;
	size_t n, cap;
} batch;

/* What the generator says of one line. */
typedef struct gen {
	char id[MAX_ID];
	char copy_of[MAX_ID]; /* "" when an original */
} gen;

typedef struct tenth {
	size_t n;
	double raw_s;     /* ingest + clean + analyse + copies + stories */
	double cluster_s; /* copies + stories */
	double copies_s;
	long rss_kib;    /* largest RSS seen in it */
	uint32_t active; /* active stories at its end */
} tenth;

/* CPU time of this thread: on a shared machine, time spent waiting for
 * the core is not ours. The wall time of the whole run is printed too. */
static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A field of /proc/self/status in KiB ("VmRSS", "VmHWM"); -1 if absent. */
static long status_kib(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long v = -1;
	size_t kl = strlen(key);
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, key, kl) && line[kl] == ':') {
			v = strtol(line + kl + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static cr_err sink(void *ud, cr_article *a)
{
	batch *b = ud;
	if (b->n == b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 256;
		cr_article **na = realloc(b->arts, nc * sizeof *na);
		if (!na) {
			cr_article_destroy(a);
			return CR_ENOMEM;
		}
		b->arts = na;
		b->cap = nc;
	}
	b->arts[b->n++] = a;
	return CR_OK;
}

/* Reads the generator's fields of one line; leaves them empty when the
 * line has none. */
static void read_gen(const char *line, size_t len, gen *g)
{
	g->id[0] = g->copy_of[0] = '\0';
	json_t *o = json_loadb(line, len, 0, NULL);
	if (!o)
		return;
	const char *id = json_string_value(json_object_get(o, "id"));
	const char *of = json_string_value(json_object_get(o, "gen_copy_of"));
	if (id)
		snprintf(g->id, sizeof g->id, "%s", id);
	if (of)
		snprintf(g->copy_of, sizeof g->copy_of, "%s", of);
	json_decref(o);
}

typedef struct totals {
	size_t n, rejected, batches;
	double ingest_s, analyse_s, copies_s, stories_s;
	size_t found, injected, found_injected, same_root;
	uint64_t digest; /* FNV-1a over each article's story and copy_of */
} totals;

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

/* Whether to run only the analysis stages clustering reads. */
static int all_stages;

/* The analysis cr-stream times: what copies and stories read, or with
 * --all-stages all of cr_analyze(). */
static cr_err analyse(cr_analyzer *an, cr_article *a)
{
	return all_stages ? cr_analyze(an, a)
	                  : cr_analyze_for_clustering(an, a);
}

/* Runs one batch (buf holds its lines, g their generator fields) and
 * adds its figures to t and to the tenth. */
static int run_batch(const char *buf, size_t len, const gen *g, size_t n_lines,
                     cr_analyzer *an, cr_copies *cp, cr_stories *st, totals *t,
                     tenth *te)
{
	batch b = {0};
	cr_diag d = {0};
	double t0 = now_s();
	cr_err e = cr_ingest_buffer("stream.jsonl", buf, len, sink, &b, &d);
	double t1 = now_s();
	if (e != CR_OK) {
		fprintf(stderr, "cr-stream: ingest failed: %s\n",
		        cr_strerror(e));
		return -1;
	}
	/* Clean and analyse the whole batch, dropping what the pipeline
	 * would reject, keeping arrival order. */
	size_t kept = 0;
	for (size_t i = 0; i < b.n; i++) {
		cr_article *a = b.arts[i];
		if (cr_clean(a) != CR_OK || (a->body_len == 0 && !a->title) ||
		    analyse(an, a) != CR_OK) {
			cr_article_destroy(a);
			continue;
		}
		b.arts[kept++] = a;
	}
	double t2 = now_s();
	/* Copies and stories keep separate state (stories never read
	 * copy_of), so running each over the whole batch gives the same
	 * results as the pipeline's article-by-article order, and the clock
	 * is read per batch, not per article. */
	for (size_t i = 0; i < kept; i++) {
		b.arts[i]->seq = (uint32_t)(t->n + i);
		cr_copies_add(cp, b.arts[i], NULL);
	}
	double t3 = now_s();
	for (size_t i = 0; i < kept; i++)
		cr_stories_add(st, b.arts[i], NULL);
	double t4 = now_s();
	double c_s = t3 - t2, s_s = t4 - t3;
	size_t gi = 0;
	for (size_t i = 0; i < kept; i++) {
		const cr_article *a = b.arts[i];
		/* The generator's line of this article (rejected lines were
		 * skipped, so walk forward to the id). */
		while (gi < n_lines && a->id && strcmp(g[gi].id, a->id))
			gi++;
		t->digest = fnv1a(t->digest, &a->story, sizeof a->story);
		const char *of = a->copy_of ? a->copy_of : "";
		t->digest = fnv1a(t->digest, of, strlen(of) + 1);
		int injected = gi < n_lines && g[gi].copy_of[0];
		t->injected += injected;
		if (a->copy_of) {
			t->found++;
			if (injected) {
				t->found_injected++;
				t->same_root +=
				        !strcmp(a->copy_of, g[gi].copy_of);
			}
		}
	}
	long rss = status_kib("VmRSS");
	for (size_t i = 0; i < kept; i++)
		cr_article_destroy(b.arts[i]);
	free(b.arts);
	t->rejected += (n_lines - kept);
	t->n += kept;
	t->batches++;
	t->ingest_s += t1 - t0;
	t->analyse_s += t2 - t1;
	t->copies_s += c_s;
	t->stories_s += s_s;
	te->n += kept;
	te->raw_s += (t2 - t0) + c_s + s_s;
	te->cluster_s += c_s + s_s;
	te->copies_s += c_s;
	if (rss > te->rss_kib)
		te->rss_kib = rss;
	te->active = cr_stories_active(st);
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: cr-stream [-n N] [-b BATCH] [--window-days D] "
	                "[--all-stages] FILE\n");
	exit(2);
}

static double per_s(size_t n, double s)
{
	return s > 0 ? (double)n / s : 0;
}

int main(int argc, char **argv)
{
	size_t limit = SIZE_MAX, bsize = DEFAULT_BATCH;
	const char *path = NULL;
	cr_story_params sp = cr_story_params_default();
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			limit = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-b") && i + 1 < argc)
			bsize = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--window-days") && i + 1 < argc)
			sp.window_days = strtod(argv[++i], NULL);
		else if (!strcmp(argv[i], "--all-stages"))
			all_stages = 1;
		else if (argv[i][0] == '-' || path)
			usage();
		else
			path = argv[i];
	}
	if (!path || bsize == 0 || bsize > MAX_BATCH)
		usage();
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return 2;
	}
	/* The tenths need the stream's length first. */
	size_t total = 0;
	{
		char *line = NULL;
		size_t cap = 0;
		while (total < limit && getline(&line, &cap, f) >= 0)
			total++;
		free(line);
		rewind(f);
	}
	cr_analyzer *an = cr_analyzer_new();
	cr_copies *cp = cr_copies_new();
	cr_stories *st = cr_stories_new(&sp);
	char *buf = malloc(MAX_LINE);
	gen *g = malloc(bsize * sizeof *g);
	if (!an || !cp || !st || !buf || !g) {
		fprintf(stderr, "cr-stream: out of memory\n");
		return 2;
	}
	size_t bufcap = MAX_LINE, blen = 0, n_lines = 0, read_lines = 0,
	       cur = 0;
	totals t = {.digest = 0xcbf29ce484222325ULL};
	tenth te[TENTHS] = {0};
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	int status = 0;
	struct timespec w0, w1;
	clock_gettime(CLOCK_MONOTONIC, &w0);
	for (;;) {
		int more = read_lines < total &&
		           (len = getline(&line, &lcap, f)) >= 0;
		if (more) {
			read_lines++;
			if ((size_t)len >= MAX_LINE) {
				t.rejected++;
				continue;
			}
			/* A batch never spans two tenths, so each tenth's
			 * figures are its own articles'. */
			size_t k = (read_lines - 1) * TENTHS / total;
			if (n_lines && (blen + (size_t)len > bufcap ||
			                n_lines == bsize || k != cur)) {
				if (run_batch(buf, blen, g, n_lines, an, cp, st,
				              &t, &te[cur]) != 0) {
					status = 1;
					break;
				}
				blen = n_lines = 0;
			}
			cur = k;
			read_gen(line, (size_t)len, &g[n_lines++]);
			memcpy(buf + blen, line, (size_t)len);
			blen += (size_t)len;
			continue;
		}
		if (n_lines && run_batch(buf, blen, g, n_lines, an, cp, st, &t,
		                         &te[cur]) != 0)
			status = 1;
		break;
	}
	clock_gettime(CLOCK_MONOTONIC, &w1);
	double wall = (double)(w1.tv_sec - w0.tv_sec) +
	              (w1.tv_nsec - w0.tv_nsec) * 1e-9;
	free(line);
	fclose(f);

	double cluster_s = t.copies_s + t.stories_s;
	double raw_s = t.ingest_s + t.analyse_s + cluster_s;
	printf("articles: %zu\n", t.n);
	printf("rejected: %zu\n", t.rejected);
	printf("batch: %zu\n", bsize);
	printf("analysis: %s\n",
	       all_stages ? "all stages" : "tokens, entities");
	printf("seconds-ingest: %.3f\n", t.ingest_s);
	printf("seconds-clean-analyse: %.3f\n", t.analyse_s);
	printf("seconds-copies: %.3f\n", t.copies_s);
	printf("seconds-stories: %.3f\n", t.stories_s);
	printf("seconds-wall: %.3f\n", wall);
	printf("seconds-cpu: %.3f\n", raw_s);
	for (int k = 0; k < TENTHS; k++)
		printf("tenth %d: articles %zu raw-per-s %.0f "
		       "cluster-per-s %.0f copies-per-s %.0f stories-per-s "
		       "%.0f "
		       "rss-mib %.1f active %u\n",
		       k + 1, te[k].n, per_s(te[k].n, te[k].raw_s),
		       per_s(te[k].n, te[k].cluster_s),
		       per_s(te[k].n, te[k].copies_s),
		       per_s(te[k].n, te[k].cluster_s - te[k].copies_s),
		       te[k].rss_kib / 1024.0, te[k].active);
	printf("stories: %u\n", cr_stories_count(st));
	printf("copies-index: %u\n", cr_copies_size(cp));
	printf("copies-found: %zu\n", t.found);
	printf("copies-injected: %zu\n", t.injected);
	printf("copies-found-injected: %zu\n", t.found_injected);
	printf("copies-same-original: %zu\n", t.same_root);
	printf("placement-digest: %016llx\n", (unsigned long long)t.digest);
	printf("peak-rss-mib: %.1f\n", status_kib("VmHWM") / 1024.0);
	printf("copies-per-s: %.0f\n", per_s(t.n, t.copies_s));
	printf("stories-per-s: %.0f\n", per_s(t.n, t.stories_s));
	printf("raw-articles-per-s: %.0f\n", per_s(t.n, raw_s));
	printf("cluster-articles-per-s: %.0f\n", per_s(t.n, cluster_s));
	free(buf);
	free(g);
	cr_stories_free(st);
	cr_copies_free(cp);
	cr_analyzer_free(an);
	return status;
}

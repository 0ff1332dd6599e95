/*
 * stories_test.c - tests of src/cluster/stories.c: invented stories stay
 * apart and together, decisions explain themselves, the time window and
 * determinism hold, and on real data the three seed reports form one
 * story, DUC 2006 clusters above a measured BCubed floor, and a long
 * stream keeps its active stories under the cap at a flat cost.
 *
 * The short articles are invented for these tests; the shared data is
 * only read from ../shared/data, never copied.
 */
#include "test_util.h"

#include <dirent.h>
#include <jansson.h>
#include <time.h>

#include "cluster/stories.h"
#include "ingest/clean.h"
#include "ingest/textfile.h"
#include "text/analyze.h"

static cr_analyzer *an;

static int setup(void **state)
{
	(void)state;
	an = cr_analyzer_new();
	return an ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	cr_analyzer_free(an);
	return 0;
}

static cr_article *make(const char *id, const char *title, int64_t when,
                        const char *text)
{
	cr_article *a = cr_test_body(id, text);
	a->title = title ? cr_arena_strdup(a->arena, title) : NULL;
	a->published = when;
	assert_int_equal(cr_analyze(an, a), CR_OK);
	return a;
}

#define DAY 86400
#define T0  1732060800 /* 2024-11-20 00:00 UTC */

typedef struct doc {
	const char *id, *title;
	int64_t when;
	const char *text;
} doc;

/* Two invented stories of three reports each, interleaved. */
static const doc two_stories[] = {
        {"quake-1", "Strong earthquake shakes northern Veloria", T0 + 3600,
         "A magnitude 6.4 earthquake struck the mountains of northern "
         "Veloria on Wednesday morning, damaging houses in several "
         "villages and cutting power to the town of Arnsfeld. The "
         "national seismic institute said the quake was centred 12 "
         "kilometres below the surface. Rescue teams were searching "
         "collapsed buildings for survivors."},
        {"strike-1", "Port workers in Calder walk out over pay", T0 + 5400,
         "Dock workers at the port of Calder began a 48-hour strike on "
         "Wednesday after talks with the harbour authority over wages "
         "broke down. The union said its members had been offered a "
         "raise of 3 percent, well below inflation. Dozens of container "
         "ships were waiting at anchor outside the harbour."},
        {"quake-2", "Veloria earthquake: rescuers search rubble", T0 + 9000,
         "Rescuers in northern Veloria dug through the rubble of "
         "collapsed houses after the earthquake, which the seismic "
         "institute put at magnitude 6.4. Officials in Arnsfeld said at "
         "least nine people were killed and power had not yet been "
         "restored to the villages around the town."},
        {"strike-2", "Calder dock strike leaves ships stranded", T0 + 12600,
         "Container ships queued outside the port of Calder as the dock "
         "strike entered its second day. The harbour authority said the "
         "union's demand for a larger wage raise could not be met, while "
         "union leaders accused it of refusing to negotiate."},
        {"quake-3", "Aftershocks rattle Veloria as death toll rises", T0 + DAY,
         "Aftershocks shook northern Veloria on Thursday as the death "
         "toll from the earthquake rose to fourteen. The seismic "
         "institute warned villagers around Arnsfeld to stay out of "
         "damaged houses, and rescue teams continued to search the "
         "rubble."},
        {"strike-3", "Calder port strike ends with wage deal", T0 + DAY + 3600,
         "The strike at the port of Calder ended on Thursday when the "
         "union and the harbour authority agreed a wage raise of 5 "
         "percent. Dock workers returned to the harbour and the first "
         "container ships began to unload."},
};

static void test_two_stories(void **state)
{
	(void)state;
	cr_stories *s = cr_stories_new(NULL);
	assert_non_null(s);
	uint32_t story[6];
	for (int i = 0; i < 6; i++) {
		const doc *d = &two_stories[i];
		cr_article *a = make(d->id, d->title, d->when, d->text);
		cr_story_decision why;
		cr_stories_add(s, a, &why);
		story[i] = a->story;
		assert_int_equal(why.story, a->story);
		cr_article_destroy(a);
	}
	assert_int_equal(cr_stories_count(s), 2);
	assert_int_not_equal(story[0], story[1]);
	for (int i = 2; i < 6; i++)
		assert_int_equal(story[i], story[i % 2]);
	cr_stories_free(s);
}

/* An invented word for story i (below 1000), part j (below 10): four
 * syllables and a fixed ending, so each stems to itself and differs. */
static void made_up_word(char *out, size_t size, unsigned i, unsigned j)
{
	static const char *const syl[10] = {"ba", "ke", "lo", "mi", "nu",
	                                    "ra", "si", "to", "vu", "ze"};
	snprintf(out, size, "%s%s%s%ston", syl[i % 10], syl[i / 10 % 10],
	         syl[i / 100 % 10], syl[j]);
}

/* A short notice about story i: the shared word "council" and ten
 * words of its own. */
static cr_article *council_notice(unsigned i, int64_t when)
{
	char text[512], w[10][32], id[32];
	for (unsigned j = 0; j < 10; j++)
		made_up_word(w[j], sizeof w[j], i, j);
	snprintf(text, sizeof text, "Council: %s %s %s %s %s; %s %s %s %s %s.",
	         w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9]);
	snprintf(id, sizeof id, "notice-%u", i);
	return make(id, NULL, when, text);
}

/* More stories than a posting's recent part holds share one term, and
 * each stays apart; the oldest has left that term's recent part but is
 * still found through its own terms, so a repeat of its notice joins
 * it. */
#define CROWD 300 /* above POSTING_MAX in stories.c */
static void test_crowded_term(void **state)
{
	(void)state;
	cr_stories *s = cr_stories_new(NULL);
	assert_non_null(s);
	uint32_t first = 0;
	for (unsigned i = 0; i < CROWD; i++) {
		cr_article *a = council_notice(i, T0 + i * 60);
		cr_story_decision why;
		cr_stories_add(s, a, &why);
		assert_int_equal(why.opened, 1);
		if (i == 0)
			first = a->story;
		cr_article_destroy(a);
	}
	assert_int_equal(cr_stories_count(s), CROWD);

	cr_article *again = council_notice(0, T0 + CROWD * 60);
	cr_story_decision why;
	cr_stories_add(s, again, &why);
	assert_int_equal(why.opened, 0);
	assert_int_equal(again->story, first);
	assert_true(why.score > 0.9);
	/* The runner-up shares only "council" with it. */
	assert_true(why.runner_up < 0 || why.runner_score < 0.1);
	cr_article_destroy(again);
	assert_int_equal(cr_stories_count(s), CROWD);
	cr_stories_free(s);
}

static void test_decision(void **state)
{
	(void)state;
	cr_stories *s = cr_stories_new(NULL);
	cr_story_decision why;
	cr_article *a = make(two_stories[0].id, two_stories[0].title,
	                     two_stories[0].when, two_stories[0].text);
	cr_stories_add(s, a, &why);
	assert_int_equal(why.opened, 1);
	assert_int_equal(why.story, 0);
	assert_int_equal(why.runner_up, -1);
	assert_null(why.shared[0]);
	cr_article_destroy(a);

	a = make(two_stories[1].id, two_stories[1].title, two_stories[1].when,
	         two_stories[1].text);
	cr_stories_add(s, a, &why);
	assert_int_equal(why.opened, 1);
	assert_int_equal(why.story, 1);
	cr_article_destroy(a);

	a = make(two_stories[2].id, two_stories[2].title, two_stories[2].when,
	         two_stories[2].text);
	cr_stories_add(s, a, &why);
	assert_int_equal(why.opened, 0);
	assert_int_equal(why.story, 0);
	/* A 40-word report is short: its threshold lies between the short
	 * one and the full one. */
	assert_true(why.score >= cr_story_params_default().short_threshold);
	assert_true(why.score <= 1.0 + 1e-9);
	/* The quake report shares its key terms with the quake story. */
	assert_non_null(why.shared[0]);
	int found = 0;
	for (int i = 0; i < 4 && why.shared[i]; i++)
		found |= !strcmp(why.shared[i], "earthquak") ||
		         !strcmp(why.shared[i], "veloria") ||
		         !strcmp(why.shared[i], "arnsfeld") ||
		         !strcmp(why.shared[i], "E:Veloria") ||
		         !strcmp(why.shared[i], "E:Arnsfeld");
	assert_true(found);
	if (why.runner_up >= 0)
		assert_true(why.runner_score <= why.score);
	cr_article_destroy(a);
	cr_stories_free(s);
}

static void test_window(void **state)
{
	(void)state;
	cr_story_params p = cr_story_params_default();
	p.window_days = 7;
	cr_stories *s = cr_stories_new(&p);
	const doc *q = &two_stories[0], *r = &two_stories[2];
	cr_article *a = make(q->id, q->title, q->when, q->text);
	cr_stories_add(s, a, NULL);
	cr_article_destroy(a);
	/* A month later the story has left the window. */
	a = make(r->id, r->title, q->when + 30 * DAY, r->text);
	cr_story_decision why;
	cr_stories_add(s, a, &why);
	assert_int_equal(why.opened, 1);
	assert_int_equal(a->story, 1);
	cr_article_destroy(a);
	/* Without a time the window does not apply: it joins the newest
	 * story. */
	a = make("undated", NULL, CR_TIME_NONE, r->text);
	cr_stories_add(s, a, &why);
	assert_int_equal(why.opened, 0);
	assert_int_equal(a->story, 1);
	cr_article_destroy(a);
	assert_int_equal(cr_stories_count(s), 2);
	cr_stories_free(s);
}

static void test_deterministic(void **state)
{
	(void)state;
	cr_story_params p = cr_story_params_default();
	p.threshold = 0.12; /* low enough that choices get close */
	uint32_t got[2][6];
	double score[2][6];
	for (int run = 0; run < 2; run++) {
		cr_stories *s = cr_stories_new(&p);
		for (int i = 0; i < 6; i++) {
			const doc *d = &two_stories[i];
			cr_article *a = make(d->id, d->title, d->when, d->text);
			cr_story_decision why;
			cr_stories_add(s, a, &why);
			got[run][i] = a->story;
			score[run][i] = why.score;
			cr_article_destroy(a);
		}
		cr_stories_free(s);
	}
	for (int i = 0; i < 6; i++) {
		assert_int_equal(got[0][i], got[1][i]);
		assert_true(score[0][i] == score[1][i]);
	}
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += r;
		if (len + 1 == cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf) {
		buf[len] = '\0';
		*n = len;
	}
	return buf;
}

/* Reads a text article the way the pipeline does when ingest and
 * cleaning are in place; else the raw text is the body. */
static cr_article *read_text_article(const char *path, const char *name)
{
	size_t n = 0;
	char *data = slurp(path, &n);
	assert_non_null(data);
	cr_article *a = NULL;
	if (cr_textfile_read(name, data, n, &a, NULL) != CR_OK || !a ||
	    cr_clean(a) != CR_OK || !a->body) {
		cr_article_destroy(a);
		a = cr_test_body(name, data);
	}
	free(data);
	assert_int_equal(cr_analyze(an, a), CR_OK);
	return a;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static void test_seeds_one_story(void **state)
{
	(void)state;
	const char *data = cr_test_shared_data("stories seed test");
	if (!data) {
		skip();
		return;
	}
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/seeds", data);
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	char *names[16];
	int n = 0;
	struct dirent *de;
	while ((de = readdir(dp)) && n < 16) {
		size_t l = strlen(de->d_name);
		if (l > 4 && !strcmp(de->d_name + l - 4, ".txt"))
			names[n++] = strdup(de->d_name);
	}
	closedir(dp);
	assert_int_equal(n, 3);
	qsort(names, (size_t)n, sizeof *names, cmp_str);

	cr_stories *s = cr_stories_new(NULL);
	for (int i = 0; i < n; i++) {
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		cr_article *a = read_text_article(path, names[i]);
		cr_story_decision why;
		cr_stories_add(s, a, &why);
		printf("seed %s: story %u score %.3f shared %s %s %s\n",
		       names[i], a->story, why.score,
		       why.shared[0] ? why.shared[0] : "-",
		       why.shared[0] && why.shared[1] ? why.shared[1] : "-",
		       why.shared[0] && why.shared[1] && why.shared[2]
		               ? why.shared[2]
		               : "-");
		assert_int_equal(a->story, 0);
		cr_article_destroy(a);
		free(names[i]);
	}
	assert_int_equal(cr_stories_count(s), 1);
	cr_stories_free(s);
}

/* --- DUC 2006 as a clustering stream ------------------------------------ */

typedef struct duc_doc {
	int64_t when;
	uint32_t order; /* position in the file, to break time ties */
	uint32_t topic;
	char *title, *text, *id;
} duc_doc;

static int by_time(const void *x, const void *y)
{
	const duc_doc *a = x, *b = y;
	if (a->when != b->when)
		return a->when < b->when ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

/* "YYYY-MM-DD[ HH:MM:SS]" as UTC seconds; CR_TIME_NONE when it is not
 * that shape (some DUC datetimes are day-first or US-style). */
static int64_t parse_datetime(const char *s)
{
	struct tm tm = {0};
	if (!s ||
	    sscanf(s, "%4d-%2d-%2d %d:%d:%d", &tm.tm_year, &tm.tm_mon,
	           &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3 ||
	    tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31)
		return CR_TIME_NONE;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm);
}

static char *dup_field(json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	return strdup(v ? v : "");
}

/* Loads every document of duc2006.jsonl; returns the count. */
static uint32_t load_duc(const char *path, duc_doc **out)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	uint32_t n = 0, cap = 2048, topic = 0;
	duc_doc *d = calloc(cap, sizeof *d);
	assert_non_null(d);
	char *line = NULL;
	size_t lcap = 0;
	while (getline(&line, &lcap, f) > 0) {
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		assert_non_null(o);
		json_t *docs = json_object_get(o, "documents");
		size_t i;
		json_t *x;
		json_array_foreach(docs, i, x)
		{
			assert_true(n < cap);
			/* The datetime where it is well-formed, else the
			 * (always well-formed) date. */
			d[n].when = parse_datetime(json_string_value(
			        json_object_get(x, "datetime")));
			if (d[n].when == CR_TIME_NONE)
				d[n].when = parse_datetime(json_string_value(
				        json_object_get(x, "date")));
			d[n].order = n;
			d[n].topic = topic;
			d[n].title = dup_field(x, "title");
			d[n].text = dup_field(x, "text");
			d[n].id = dup_field(x, "doc_id");
			n++;
		}
		json_decref(o);
		topic++;
	}
	free(line);
	fclose(f);
	*out = d;
	return n;
}

typedef struct bcubed {
	double p, r, f1;
	uint32_t clusters;
} bcubed;

static bcubed score_bcubed(const uint32_t *pred, const uint32_t *gold,
                           uint32_t n, uint32_t n_pred, uint32_t n_gold)
{
	uint32_t *both = calloc((size_t)n_pred * n_gold, sizeof *both);
	uint32_t *ps = calloc(n_pred, sizeof *ps);
	uint32_t *gs = calloc(n_gold, sizeof *gs);
	assert_true(both && ps && gs);
	for (uint32_t i = 0; i < n; i++) {
		both[(size_t)pred[i] * n_gold + gold[i]]++;
		ps[pred[i]]++;
		gs[gold[i]]++;
	}
	bcubed b = {0};
	for (uint32_t i = 0; i < n; i++) {
		double c = both[(size_t)pred[i] * n_gold + gold[i]];
		b.p += c / ps[pred[i]];
		b.r += c / gs[gold[i]];
	}
	b.p /= n;
	b.r /= n;
	b.f1 = 2 * b.p * b.r / (b.p + b.r);
	for (uint32_t k = 0; k < n_pred; k++)
		b.clusters += ps[k] > 0;
	free(both);
	free(ps);
	free(gs);
	return b;
}

static bcubed cluster_duc(duc_doc *d, uint32_t n, const cr_story_params *p)
{
	cr_stories *s = cr_stories_new(p);
	assert_non_null(s);
	uint32_t *pred = calloc(n, sizeof *pred),
	         *gold = calloc(n, sizeof *gold);
	assert_true(pred && gold);
	uint32_t n_gold = 0;
	for (uint32_t i = 0; i < n; i++) {
		cr_article *a = make(d[i].id, d[i].title, d[i].when, d[i].text);
		cr_stories_add(s, a, NULL);
		pred[i] = a->story;
		gold[i] = d[i].topic;
		if (gold[i] + 1 > n_gold)
			n_gold = gold[i] + 1;
		cr_article_destroy(a);
	}
	bcubed b = score_bcubed(pred, gold, n, cr_stories_count(s), n_gold);
	free(pred);
	free(gold);
	cr_stories_free(s);
	return b;
}

/* DUC topics are themes followed for months or years, not stories of a
 * few days: with a 7-day window most of a topic is split by time and
 * recall is low; the default window (ten years, eviction by activity)
 * measures the text similarity alone. Measured 2026-11-22 (threshold
 * 0.15, short threshold 0.10, centroids of 400 terms): window 3650 days
 * BCubed P 0.881 R 0.751 F1 0.811 in 163 clusters; window 7 days P 0.975
 * R 0.130 F1 0.230 in 847 (gold: 50 topics). The floors leave room for
 * upstream changes. */
#define DUC_LONG_P_FLOOR  0.85
#define DUC_LONG_F1_FLOOR 0.75
#define DUC_WEEK_P_FLOOR  0.95
#define DUC_WEEK_F1_FLOOR 0.15

/* The 1,250 DUC 2006 articles of the data folder, sorted by time, into
 * *d; fails the test when they are not all there. Without the data
 * folder it skips the test (a visible SKIP naming what) and returns 0. */
static uint32_t load_duc_in_time_order(const char *what, duc_doc **d)
{
	const char *data = cr_test_shared_data(what);
	if (!data) {
		skip();
		return 0;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/duc2006/duc2006.jsonl", data);
	uint32_t n = load_duc(path, d);
	assert_int_equal(n, 1250);
	qsort(*d, n, sizeof **d, by_time);
	return n;
}

static void free_duc(duc_doc *d, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		free(d[i].title);
		free(d[i].text);
		free(d[i].id);
	}
	free(d);
}

static void test_duc2006_bcubed(void **state)
{
	(void)state;
	duc_doc *d = NULL;
	uint32_t n = load_duc_in_time_order("stories DUC 2006 test", &d);
	if (!n)
		return;

	cr_story_params p = cr_story_params_default();
	bcubed b = cluster_duc(d, n, &p);
	printf("DUC 2006, window %.0f days, threshold %.2f: BCubed P %.3f "
	       "R %.3f F1 %.3f, %u clusters (gold 50)\n",
	       p.window_days, p.threshold, b.p, b.r, b.f1, b.clusters);
	assert_true(b.p >= DUC_LONG_P_FLOOR);
	assert_true(b.f1 >= DUC_LONG_F1_FLOOR);

	p.window_days = 7;
	b = cluster_duc(d, n, &p);
	printf("DUC 2006, window %.0f days, threshold %.2f: BCubed P %.3f "
	       "R %.3f F1 %.3f, %u clusters (gold 50)\n",
	       p.window_days, p.threshold, b.p, b.r, b.f1, b.clusters);
	assert_true(b.p >= DUC_WEEK_P_FLOOR);
	assert_true(b.f1 >= DUC_WEEK_F1_FLOOR);

	free_duc(d, n);
}

/* Only the shortlist (the candidates whose top terms score best) is
 * scored in full. On DUC 2006 in time order, where a story has up to
 * 163 rivals, it must place every article as scoring every candidate in
 * full does, with the same score; and a shortlist of one must not (else
 * the full scores would decide nothing). The runner-up may be a story
 * the shortlist left out: measured 2026-11-23, the default shortlist of
 * 8 names another runner-up for 56 of the 1,250 articles (16: 19; 32:
 * 3), so at most a tenth may differ. */
#define SHORTLIST_RUNNER_DIFF_MAX 125
static void test_shortlist_as_all(void **state)
{
	(void)state;
	duc_doc *d = NULL;
	uint32_t n = load_duc_in_time_order("stories shortlist test", &d);
	if (!n)
		return;
	cr_story_params p[3] = {cr_story_params_default(),
	                        cr_story_params_default(),
	                        cr_story_params_default()};
	p[1].shortlist = 256; /* every candidate, always */
	p[2].shortlist = 1;
	cr_stories *s[3];
	for (int k = 0; k < 3; k++)
		assert_non_null(s[k] = cr_stories_new(&p[k]));
	uint32_t differ_one = 0, runner_diff = 0;
	for (uint32_t i = 0; i < n; i++) {
		cr_story_decision why[3];
		for (int k = 0; k < 3; k++) {
			cr_article *a =
			        make(d[i].id, d[i].title, d[i].when, d[i].text);
			cr_stories_add(s[k], a, &why[k]);
			cr_article_destroy(a);
		}
		assert_int_equal(why[0].story, why[1].story);
		assert_int_equal(why[0].opened, why[1].opened);
		assert_true(why[0].score == why[1].score);
		runner_diff += why[0].runner_up != why[1].runner_up;
		differ_one += why[2].opened != why[1].opened;
	}
	printf("DUC 2006: shortlist 8 places all %u articles as scoring "
	       "every candidate, %u with another runner-up; shortlist 1 "
	       "opens a story where it did not for %u\n",
	       n, runner_diff, differ_one);
	assert_true(runner_diff <= SHORTLIST_RUNNER_DIFF_MAX);
	assert_true(differ_one > 0);
	for (int k = 0; k < 3; k++)
		cr_stories_free(s[k]);
	free_duc(d, n);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Passes of the DUC articles in the stream test. */
#define STREAM_PASSES 8
/* Each pass is moved this far in time, past the window of the last. */
#define PASS_SHIFT ((int64_t)40 * 366 * DAY)
/* A small cap on active stories, so eviction by activity is exercised. */
#define STREAM_ACTIVE 100

/* The add loop alone on a long stream: the 1,250 DUC articles, analysed
 * once, fed STREAM_PASSES times, each pass decades after the last so the
 * stories of a pass leave by time, with at most STREAM_ACTIVE stories
 * active so the least recently joined ones leave too. The number of
 * active stories must stay under the cap, every pass must open stories
 * again (the old ones left), and the last pass must not be much slower
 * than the first (cost per article flat). Prints the articles/s. */
static void test_stream_scale(void **state)
{
	(void)state;
	duc_doc *d = NULL;
	uint32_t n = load_duc_in_time_order("stories stream test", &d);
	if (!n)
		return;
	cr_article **arts = calloc(n, sizeof *arts);
	assert_non_null(arts);
	for (uint32_t i = 0; i < n; i++)
		arts[i] = make(d[i].id, d[i].title, d[i].when, d[i].text);

	cr_story_params p = cr_story_params_default();
	p.max_active = STREAM_ACTIVE;
	cr_stories *s = cr_stories_new(&p);
	assert_non_null(s);
	double secs[STREAM_PASSES];
	uint32_t opened[STREAM_PASSES];
	for (int k = 0; k < STREAM_PASSES; k++) {
		uint32_t before = cr_stories_count(s);
		double t0 = now_seconds();
		for (uint32_t i = 0; i < n; i++) {
			arts[i]->published = d[i].when + k * PASS_SHIFT;
			cr_stories_add(s, arts[i], NULL);
			assert_true(cr_stories_active(s) <= STREAM_ACTIVE);
		}
		secs[k] = now_seconds() - t0;
		opened[k] = cr_stories_count(s) - before;
	}
	double total = 0;
	for (int k = 0; k < STREAM_PASSES; k++)
		total += secs[k];
	printf("stream: %u articles in %.3f s (%.0f articles/s); first pass "
	       "%.3f s, last %.3f s; %u then %u stories opened; %u active\n",
	       n * STREAM_PASSES, total, n * STREAM_PASSES / total, secs[0],
	       secs[STREAM_PASSES - 1], opened[0], opened[STREAM_PASSES - 1],
	       cr_stories_active(s));
	for (int k = 1; k < STREAM_PASSES; k++)
		assert_true(opened[k] >= opened[0] / 2);
	/* Loose, as the machine is shared: a cost that grew with the
	 * stream would be 8 times slower by the last pass. */
	assert_true(secs[STREAM_PASSES - 1] <= 3 * secs[0] + 0.05);
	cr_stories_free(s);
	for (uint32_t i = 0; i < n; i++)
		cr_article_destroy(arts[i]);
	free(arts);
	free_duc(d, n);
}

/* Asking why changes nothing: DUC 2006 in time order (long articles,
 * so centroids fill past their cap and shed terms on most joins) is
 * placed the same with and without a decision, and twice alike to the
 * last bit of every score. */
static void test_why_changes_nothing(void **state)
{
	(void)state;
	duc_doc *d = NULL;
	uint32_t n = load_duc_in_time_order("stories why test", &d);
	if (!n)
		return;
	uint32_t *plain = calloc(n, sizeof *plain);
	uint32_t *told[2] = {calloc(n, sizeof(uint32_t)),
	                     calloc(n, sizeof(uint32_t))};
	double *score[2] = {calloc(n, sizeof(double)),
	                    calloc(n, sizeof(double))};
	assert_true(plain && told[0] && told[1] && score[0] && score[1]);
	cr_stories *s[3];
	for (int k = 0; k < 3; k++)
		assert_non_null(s[k] = cr_stories_new(NULL));
	uint32_t joined = 0;
	for (uint32_t i = 0; i < n; i++) {
		cr_article *a = make(d[i].id, d[i].title, d[i].when, d[i].text);
		cr_stories_add(s[0], a, NULL);
		plain[i] = a->story;
		for (int k = 0; k < 2; k++) {
			cr_story_decision why;
			cr_stories_add(s[1 + k], a, &why);
			told[k][i] = a->story;
			score[k][i] = why.score;
			joined += k == 0 && !why.opened;
		}
		cr_article_destroy(a);
	}
	for (uint32_t i = 0; i < n; i++) {
		assert_int_equal(plain[i], told[0][i]);
		assert_int_equal(told[0][i], told[1][i]);
		assert_true(score[0][i] == score[1][i]);
	}
	/* Most articles join a story, so the joins were exercised. */
	assert_true(joined > n / 2);
	for (int k = 0; k < 3; k++)
		cr_stories_free(s[k]);
	free(plain);
	for (int k = 0; k < 2; k++) {
		free(told[k]);
		free(score[k]);
	}
	free_duc(d, n);
}

/* A title seen before gives the same terms again: headlines alone (no
 * body) that repeat join the story of their first telling on their
 * title terms, and an unrelated headline between them does not. */
static void test_repeated_titles(void **state)
{
	(void)state;
	static const char *titles[] = {
	        "Varna river barriers give way as floods force evacuations",
	        "Central bank raises interest rates to curb inflation",
	        "Varna river barriers give way as floods force evacuations",
	        "Central bank raises interest rates to curb inflation",
	        "Varna river barriers give way as floods force evacuations",
	};
	cr_stories *s = cr_stories_new(NULL);
	assert_non_null(s);
	uint32_t story[5];
	for (int i = 0; i < 5; i++) {
		char id[16];
		snprintf(id, sizeof id, "h%d", i);
		cr_article *a = make(id, titles[i], T0 + i * 600, "");
		cr_story_decision why;
		cr_stories_add(s, a, &why);
		story[i] = a->story;
		if (i >= 2) {
			assert_false(why.opened);
			assert_non_null(why.shared[0]);
		}
		cr_article_destroy(a);
	}
	assert_int_not_equal(story[0], story[1]);
	assert_int_equal(story[2], story[0]);
	assert_int_equal(story[4], story[0]);
	assert_int_equal(story[3], story[1]);
	cr_stories_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_two_stories),
	        cmocka_unit_test(test_decision),
	        cmocka_unit_test(test_crowded_term),
	        cmocka_unit_test(test_window),
	        cmocka_unit_test(test_deterministic),
	        cmocka_unit_test(test_seeds_one_story),
	        cmocka_unit_test(test_duc2006_bcubed),
	        cmocka_unit_test(test_shortlist_as_all),
	        cmocka_unit_test(test_stream_scale),
	        cmocka_unit_test(test_why_changes_nothing),
	        cmocka_unit_test(test_repeated_titles),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

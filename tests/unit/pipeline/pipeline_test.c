/*
 * pipeline_test.c - the driver (src/pipeline/pipeline.c): articles added
 * one by one with raw text are cleaned, analysed, checked for copies and
 * placed in stories; rejected ones are reported, not kept; every story
 * gets a briefing, largest first.
 *
 * The articles are invented: a storm at the port of Saltmere (three
 * reports) and a football club's new stadium (two reports).
 */
#include "test_util.h"

#include "crossread/crossread.h"
#include "text/date.h"

static int64_t utc(int y, int m, int d, int h)
{
	return cr_days_from_civil(y, m, d) * 86400 + (int64_t)h * 3600;
}

/* An article as ingest hands it over: raw text whose first line is the
 * title (title_given 0), or body only with a title from metadata. */
static cr_article *raw_article(const char *id, const char *source,
                               const char *title, int64_t published,
                               const char *raw)
{
	cr_article *a = cr_article_create();
	assert_non_null(a);
	a->id = cr_arena_strdup(a->arena, id);
	a->source = source ? cr_arena_strdup(a->arena, source) : NULL;
	if (title) {
		a->title = cr_arena_strdup(a->arena, title);
		a->title_given = 1;
	}
	a->published = published;
	size_t n = strlen(raw);
	a->raw = cr_arena_strndup(a->arena, raw, n);
	a->raw_len = (uint32_t)n;
	return a;
}

/* What the diag sink saw. */
typedef struct seen {
	int calls;
	char file[64];
	cr_err code;
} seen;

static void record(void *ud, const char *file, uint64_t line, cr_err code,
                   const char *reason)
{
	seen *s = ud;
	(void)line;
	(void)reason;
	s->calls++;
	snprintf(s->file, sizeof s->file, "%s", file ? file : "");
	s->code = code;
}

#define STORM_A                                                                \
	"Storm closes Saltmere ferry terminal\n"                               \
	"A winter storm closed the Saltmere ferry terminal on Tuesday, "       \
	"stranding about two hundred passengers on the quay.\n"                \
	"The coast guard moved six fishing boats into the inner basin "        \
	"before the winds peaked.\n"                                           \
	"Mayor Elena Voss said the terminal would stay shut until "            \
	"engineers had inspected the piers.\n"
#define STORM_B                                                                \
	"The ferry terminal at Saltmere was closed on Tuesday as a winter "    \
	"storm reached the coast.\n"                                           \
	"Six fishing boats were taken into the inner basin by the coast "      \
	"guard.\n"                                                             \
	"Voss said the terminal would remain shut until engineers inspect "    \
	"the piers.\n"
#define STORM_C                                                                \
	"Saltmere's ferry terminal closed on Tuesday because of the winter "   \
	"storm, and the coast guard moved fishing boats to safety.\n"          \
	"Mayor Elena Voss said the ferry terminal piers would be "             \
	"inspected by engineers.\n"
#define STADIUM_A                                                              \
	"Brennick Rovers unveil plans for new stadium\n"                       \
	"Brennick Rovers football club unveiled plans for a 30,000-seat "      \
	"stadium on the old railway yards.\n"                                  \
	"The club chairman said construction of the stadium could begin "      \
	"next spring if the planning committee approves the design.\n"         \
	"Supporters' groups welcomed the plans but asked for cheaper "         \
	"season tickets.\n"
#define STADIUM_B                                                              \
	"The planning committee will review the Brennick Rovers stadium "      \
	"design in June, the football club said.\n"                            \
	"The 30,000-seat stadium would replace the club's ground on Mill "     \
	"Road, which it has used since 1921.\n"

static void test_add_article_with_raw_text(void **state)
{
	(void)state;
	cr_diag d = {0};
	cr_pipeline *p = cr_pipeline_new(&d);
	assert_non_null(p);
	assert_int_equal(cr_pipeline_count(p), 0);
	assert_null(cr_pipeline_article(p, 0));
	assert_int_equal(cr_pipeline_add_article(
	                         p, raw_article("a", "Harbour Herald", NULL,
	                                        utc(2025, 3, 11, 8), STORM_A)),
	                 CR_OK);
	assert_int_equal(cr_pipeline_count(p), 1);
	const cr_article *a = cr_pipeline_article(p, 0);
	assert_non_null(a);
	assert_null(cr_pipeline_article(p, 1));
	/* cleaned: the first line is the title, the rest the body */
	assert_non_null(a->title);
	assert_string_equal(a->title, "Storm closes Saltmere ferry terminal");
	assert_null(strstr(a->body, "Storm closes"));
	assert_non_null(strstr(a->body, "six fishing boats"));
	/* analysed */
	assert_int_equal(a->n_sents, 3);
	assert_true(a->n_toks > 30);
	assert_true(a->n_nums >= 1);
	assert_true(a->n_ments >= 1);
	assert_int_equal(a->seq, 0);
	assert_int_equal(d.n_rejected, 0);
	cr_pipeline_free(p);
}

/* The storm and stadium reports in arrival order (t4 reprints t1). */
static const struct {
	const char *id, *source, *title, *text;
	int hour;
} TWO_STORIES[] = {
        {"s1", "Brennick Echo", NULL, STADIUM_A, 7},
        {"t1", "Harbour Herald", NULL, STORM_A, 8},
        {"t2", "Coastal Wire", "Saltmere ferries halted by storm", STORM_B, 9},
        {"s2", "Sports Desk", "Rovers stadium plan goes to committee",
         STADIUM_B, 10},
        {"t3", "Bay Times", "Saltmere terminal shut", STORM_C, 11},
        {"t4", "Valley Post", NULL, STORM_A, 12},
};

#define N_TWO_STORIES (sizeof TWO_STORIES / sizeof *TWO_STORIES)

/* Article i of TWO_STORIES, as ingest hands it over. */
static cr_article *two_stories_article(size_t i)
{
	return raw_article(
	        TWO_STORIES[i].id, TWO_STORIES[i].source, TWO_STORIES[i].title,
	        utc(2025, 3, 11, TWO_STORIES[i].hour), TWO_STORIES[i].text);
}

/* Two unrelated stories: the storm (three reports) after the stadium
 * (two, the first of which arrived first): the larger story is briefed
 * first. A reprint is marked as a copy of its original. */
static void test_two_stories_largest_first(void **state)
{
	(void)state;
	cr_diag d = {0};
	cr_pipeline *p = cr_pipeline_new(&d);
	assert_non_null(p);
	for (size_t i = 0; i < N_TWO_STORIES; i++)
		assert_int_equal(
		        cr_pipeline_add_article(p, two_stories_article(i)),
		        CR_OK);
	assert_int_equal(cr_pipeline_count(p), 6);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(cr_pipeline_article(p, i)->seq, i);
	/* t4 reprints t1 */
	assert_non_null(cr_pipeline_article(p, 5)->copy_of);
	assert_string_equal(cr_pipeline_article(p, 5)->copy_of, "t1");
	assert_null(cr_pipeline_article(p, 2)->copy_of);

	cr_briefing **b = NULL;
	size_t n = 0;
	assert_int_equal(cr_pipeline_brief(p, NULL, &b, &n), CR_OK);
	assert_int_equal(n, 2);
	assert_int_equal(b[0]->n_arts, 4);
	assert_int_equal(b[1]->n_arts, 2);
	/* ids follow opening order (the stadium story opened first), so a
	 * story keeps its id while the list is ordered by size */
	assert_string_equal(b[0]->id, "story-2");
	assert_string_equal(b[1]->id, "story-1");
	/* members in arrival order, each story's own */
	static const char *const storm_ids[] = {"t1", "t2", "t3", "t4"};
	for (uint32_t i = 0; i < 4; i++)
		assert_string_equal(b[0]->arts[i]->id, storm_ids[i]);
	assert_string_equal(b[1]->arts[0]->id, "s1");
	assert_string_equal(b[1]->arts[1]->id, "s2");

	/* placements: who opened a story, who joined which, and why */
	cr_placement pl;
	assert_int_equal(cr_pipeline_placement(p, 0, &pl), 0); /* s1 */
	assert_int_equal(pl.story, 0);
	assert_int_equal(pl.opened, 1);
	assert_int_equal(cr_pipeline_placement(p, 1, &pl), 0); /* t1 */
	assert_int_equal(pl.story, 1);
	assert_int_equal(pl.opened, 1);
	assert_int_equal(cr_pipeline_placement(p, 2, &pl), 0); /* t2 */
	assert_int_equal(pl.story, 1);
	assert_int_equal(pl.opened, 0);
	assert_true(pl.score > 0);
	assert_non_null(pl.shared[0]);
	assert_int_equal(cr_pipeline_placement(p, 3, &pl), 0); /* s2 */
	assert_int_equal(pl.story, 0);
	assert_int_equal(pl.opened, 0);
	assert_true(pl.runner_up == -1 || pl.runner_score <= pl.score);
	assert_int_equal(cr_pipeline_placement(p, 6, &pl), -1);
	assert_int_equal(b[0]->sources, 4);
	assert_int_equal(b[0]->independent_sources, 3);
	assert_non_null(strstr(b[0]->headline, "Saltmere"));
	assert_non_null(strstr(b[1]->headline, "stadium"));
	assert_true(b[0]->n_facts > 0 && b[1]->n_facts > 0);
	cr_pipeline_free_briefings(b, n);
	cr_pipeline_free(p);
}

/* What a streaming pipeline's callback saw of one article. */
typedef struct placed_one {
	char id[16], copy_of[16];
	cr_placement pl;
} placed_one;

typedef struct placed_log {
	placed_one s[8];
	size_t n;
	int fail_at; /* the call that fails (CR_EIO), -1 for none */
} placed_log;

static cr_err log_placed(void *ctx, const cr_article *a, const cr_placement *pl)
{
	placed_log *l = ctx;
	assert_true(l->n < 8);
	placed_one *x = &l->s[l->n];
	snprintf(x->id, sizeof x->id, "%s", a->id);
	snprintf(x->copy_of, sizeof x->copy_of, "%s",
	         a->copy_of ? a->copy_of : "");
	x->pl = *pl;
	/* The article is whole while it is handed over: analysed, placed. */
	assert_true(a->n_toks > 0);
	assert_int_equal(a->story, pl->story);
	return (int)l->n++ == l->fail_at ? CR_EIO : CR_OK;
}

/* A streaming pipeline places the articles exactly as one that keeps
 * them (story, copy_of, scores, runner-up, shared terms), hands each on
 * at once and keeps none: nothing to look up or brief afterwards. A
 * callback's error stops the input and comes back from add. */
static void test_streaming_places_alike_and_keeps_nothing(void **state)
{
	(void)state;
	size_t n_in = N_TWO_STORIES;
	cr_diag d = {0};
	cr_pipeline *keep = cr_pipeline_new(&d);
	cr_pipeline *stream = cr_pipeline_new(&d);
	assert_non_null(keep);
	assert_non_null(stream);
	placed_log log = {.fail_at = -1};
	cr_pipeline_stream(stream, log_placed, &log);
	for (size_t i = 0; i < n_in; i++) {
		for (int k = 0; k < 2; k++)
			assert_int_equal(
			        cr_pipeline_add_article(k ? stream : keep,
			                                two_stories_article(i)),
			        CR_OK);
		/* handed on the moment it is placed */
		assert_int_equal(log.n, i + 1);
	}
	assert_int_equal(cr_pipeline_count(stream), n_in);
	assert_null(cr_pipeline_article(stream, 0));
	cr_placement none;
	assert_int_equal(cr_pipeline_placement(stream, 0, &none), -1);
	for (size_t i = 0; i < n_in; i++) {
		const cr_article *a = cr_pipeline_article(keep, i);
		cr_placement pl;
		assert_int_equal(cr_pipeline_placement(keep, i, &pl), 0);
		assert_string_equal(log.s[i].id, a->id);
		assert_string_equal(log.s[i].copy_of,
		                    a->copy_of ? a->copy_of : "");
		assert_int_equal(log.s[i].pl.story, pl.story);
		assert_int_equal(log.s[i].pl.opened, pl.opened);
		assert_true(log.s[i].pl.score == pl.score);
		assert_int_equal(log.s[i].pl.runner_up, pl.runner_up);
		assert_true(log.s[i].pl.runner_score == pl.runner_score);
		for (int k = 0; k < CR_PLACEMENT_TERMS; k++) {
			if (!pl.shared[k]) {
				assert_null(log.s[i].pl.shared[k]);
				break;
			}
			assert_string_equal(log.s[i].pl.shared[k],
			                    pl.shared[k]);
		}
	}
	assert_string_equal(log.s[5].copy_of, "t1");
	cr_briefing **b = NULL;
	size_t nb = 0;
	assert_int_equal(cr_pipeline_brief(stream, NULL, &b, &nb), CR_OK);
	assert_int_equal(nb, 0);
	cr_pipeline_free(stream);

	/* A failing callback: add returns its error. */
	stream = cr_pipeline_new(&d);
	assert_non_null(stream);
	placed_log fail = {.fail_at = 1};
	cr_pipeline_stream(stream, log_placed, &fail);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(
		        cr_pipeline_add_article(stream, two_stories_article(i)),
		        i == 1 ? CR_EIO : CR_OK);
	assert_int_equal(d.n_rejected, 0);
	cr_pipeline_free(stream);
	cr_pipeline_free(keep);
}

/* An article with nothing in it is rejected through the diag, with its
 * id, and not kept; the pipeline goes on. */
static void test_empty_article_is_reported_not_kept(void **state)
{
	(void)state;
	seen s = {0};
	cr_diag d = {.fn = record, .ud = &s};
	cr_pipeline *p = cr_pipeline_new(&d);
	assert_non_null(p);
	assert_int_equal(
	        cr_pipeline_add_article(
	                p, raw_article("blank", "Harbour Herald", NULL,
	                               utc(2025, 3, 11, 8), " \n\n  \n")),
	        CR_OK);
	assert_int_equal(cr_pipeline_count(p), 0);
	assert_int_equal(d.n_rejected, 1);
	assert_int_equal(s.calls, 1);
	assert_string_equal(s.file, "blank");
	assert_int_equal(s.code, CR_EEMPTY);
	assert_int_equal(cr_pipeline_add_article(
	                         p, raw_article("a", "Harbour Herald", NULL,
	                                        utc(2025, 3, 11, 8), STORM_A)),
	                 CR_OK);
	assert_int_equal(cr_pipeline_count(p), 1);
	assert_string_equal(cr_pipeline_article(p, 0)->id, "a");
	assert_int_equal(cr_pipeline_article(p, 0)->seq, 0);
	assert_int_equal(d.n_rejected, 1);
	cr_briefing **b = NULL;
	size_t n = 0;
	assert_int_equal(cr_pipeline_brief(p, NULL, &b, &n), CR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(b[0]->n_arts, 1);
	cr_pipeline_free_briefings(b, n);
	cr_pipeline_free(p);
}

/* No articles: no briefings, and nothing to free; a NULL diag is
 * allowed. */
static void test_empty_pipeline(void **state)
{
	(void)state;
	cr_pipeline *p = cr_pipeline_new(NULL);
	assert_non_null(p);
	cr_briefing **b = (cr_briefing **)p;
	size_t n = 7;
	assert_int_equal(cr_pipeline_brief(p, NULL, &b, &n), CR_OK);
	assert_null(b);
	assert_int_equal(n, 0);
	assert_int_equal(
	        cr_pipeline_add_article(
	                p, raw_article("e", NULL, NULL, CR_TIME_NONE, "")),
	        CR_OK);
	assert_int_equal(cr_pipeline_count(p), 0);
	cr_pipeline_free_briefings(NULL, 0);
	cr_pipeline_free(p);
	cr_pipeline_free(NULL);
}

/* Options reach the briefing: a summary of at most one sentence. */
static void test_brief_options(void **state)
{
	(void)state;
	cr_pipeline *p = cr_pipeline_new(NULL);
	assert_non_null(p);
	assert_int_equal(cr_pipeline_add_article(
	                         p, raw_article("a", "Harbour Herald", NULL,
	                                        utc(2025, 3, 11, 8), STORM_A)),
	                 CR_OK);
	cr_brief_opts o = {.summary_sentences = 1};
	cr_briefing **b = NULL;
	size_t n = 0;
	assert_int_equal(cr_pipeline_brief(p, &o, &b, &n), CR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(b[0]->n_summary, 1);
	cr_pipeline_free_briefings(b, n);
	cr_pipeline_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_add_article_with_raw_text),
	        cmocka_unit_test(test_two_stories_largest_first),
	        cmocka_unit_test(test_streaming_places_alike_and_keeps_nothing),
	        cmocka_unit_test(test_empty_article_is_reported_not_kept),
	        cmocka_unit_test(test_empty_pipeline),
	        cmocka_unit_test(test_brief_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

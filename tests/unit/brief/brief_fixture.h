/*
 * brief_fixture.h - a story for the briefing tests: articles added through
 * the real pipeline (cleaned and analysed), then briefed together as one
 * story with cr_brief_story, bypassing clustering.
 */
#ifndef CR_TEST_BRIEF_FIXTURE_H
#define CR_TEST_BRIEF_FIXTURE_H

#include "test_util.h"

#include "brief/briefing.h"
#include "crossread/crossread.h"
#include "text/date.h"

#define MAX_ARTS 8

typedef struct fx {
	cr_pipeline *p;
	cr_diag d;
	cr_briefing *b;
} fx;

static inline int64_t utc(int y, int m, int d, int h)
{
	return cr_days_from_civil(y, m, d) * 86400 + (int64_t)h * 3600;
}

/* Adds an article with the title given (NULL: none) and raw text. */
static inline void add_titled(fx *f, const char *id, const char *source,
                              const char *title, int64_t published,
                              const char *text)
{
	cr_article *a = cr_article_create();
	assert_non_null(a);
	a->id = cr_arena_strdup(a->arena, id);
	a->source = source ? cr_arena_strdup(a->arena, source) : NULL;
	a->title = title ? cr_arena_strdup(a->arena, title) : NULL;
	a->title_given = 1;
	a->published = published;
	size_t n = strlen(text);
	a->raw = cr_arena_strndup(a->arena, text, n);
	a->raw_len = (uint32_t)n;
	assert_int_equal(cr_pipeline_add_article(f->p, a), CR_OK);
}

/* Adds an article titled "Report <id>". */
static inline void add(fx *f, const char *id, const char *source,
                       int64_t published, const char *text)
{
	char title[64];
	snprintf(title, sizeof title, "Report %s", id);
	add_titled(f, id, source, title, published, text);
}

static inline fx *fx_new(void)
{
	fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->p = cr_pipeline_new(&f->d);
	assert_non_null(f->p);
	return f;
}

/* Briefs every article added as one story, with options o. */
static inline void fx_brief_opts(fx *f, const cr_brief_opts *o)
{
	const cr_article *arts[MAX_ARTS];
	uint32_t n = (uint32_t)cr_pipeline_count(f->p);
	assert_true(n > 0 && n <= MAX_ARTS);
	for (uint32_t i = 0; i < n; i++)
		arts[i] = cr_pipeline_article(f->p, i);
	cr_briefing_free(f->b);
	f->b = NULL;
	assert_int_equal(cr_brief_story(arts, n, "t", o, &f->b), CR_OK);
}

/* Briefs every article added as one story. */
static inline void fx_brief(fx *f, uint32_t summary, const char *focus)
{
	cr_brief_opts o = {.summary_sentences = summary, .focus = focus};
	fx_brief_opts(f, &o);
}

/* As fx_brief, with a word budget for the summary. */
static inline void fx_brief_words(fx *f, uint32_t summary, uint32_t words)
{
	cr_brief_opts o = {.summary_sentences = summary,
	                   .summary_words = words};
	fx_brief_opts(f, &o);
}

static inline void fx_free(fx *f)
{
	cr_briefing_free(f->b);
	cr_pipeline_free(f->p);
	free(f);
}

#endif

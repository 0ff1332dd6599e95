/*
 * test_util.h - helpers shared by the unit tests.
 *
 * cr_test_body() builds an article from a body; cr_test_analyzed() also
 * runs every text stage on it, so a test of one stage can feed it real
 * text. cr_test_shared_data() finds ../shared/data, or prints a visible
 * SKIP and returns NULL. Every test binary links the whole library.
 */
#ifndef CR_TEST_UTIL_H
#define CR_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "crossread/article.h"
#include "base/arena.h"
#include "text/analyze.h"

/* The shared data folder (CR_SHARED_DATA), or NULL after printing
 * "SKIP: <what> needs ../shared/data" to stderr. */
static inline const char *cr_test_shared_data(const char *what)
{
	const char *p = getenv("CR_SHARED_DATA");
	FILE *f = NULL;
	if (p) {
		char probe[4096];
		snprintf(probe, sizeof probe, "%s/README.md", p);
		f = fopen(probe, "r");
	}
	if (!f) {
		fprintf(stderr,
		        "SKIP: %s needs ../shared/data, which is absent\n",
		        what);
		return NULL;
	}
	fclose(f);
	return p;
}

/* Makes an article whose body (and raw) is text, not yet analysed. */
static inline cr_article *cr_test_body(const char *id, const char *text)
{
	cr_article *a = cr_article_create();
	assert_non_null(a);
	a->id = cr_arena_strdup(a->arena, id);
	size_t n = strlen(text);
	a->body = cr_arena_strndup(a->arena, text, n);
	a->body_len = (uint32_t)n;
	a->raw = a->body;
	a->raw_len = a->body_len;
	return a;
}

/* Makes an article whose body is text, published at published (seconds
 * since the epoch, or CR_TIME_NONE), and analyses it with a fresh
 * cr_analyzer; fails the test when that does not succeed. */
static inline cr_article *cr_test_analyzed(const char *id, const char *text,
                                           int64_t published)
{
	cr_analyzer *an = cr_analyzer_new();
	assert_non_null(an);
	cr_article *a = cr_test_body(id, text);
	a->published = published;
	assert_int_equal(cr_analyze(an, a), CR_OK);
	cr_analyzer_free(an);
	return a;
}

/* How many of a's mentions have this name and type (-1: any type). */
static inline int cr_test_mentions(const cr_article *a, const char *name,
                                   int type)
{
	int n = 0;
	for (uint32_t i = 0; i < a->n_ments; i++)
		if (!strcmp(a->ments[i].name, name) &&
		    (type < 0 || a->ments[i].type == type))
			n++;
	return n;
}

/* Asserts that a's mentions are the n of want: places, types, demonym
 * marks and names. */
static inline void cr_test_same_mentions(const cr_article *a,
                                         const cr_mention *want, uint32_t n)
{
	assert_int_equal(a->n_ments, n);
	for (uint32_t k = 0; k < n; k++) {
		assert_int_equal(a->ments[k].span.off, want[k].span.off);
		assert_int_equal(a->ments[k].span.len, want[k].span.len);
		assert_int_equal(a->ments[k].type, want[k].type);
		assert_int_equal(a->ments[k].demonym, want[k].demonym);
		assert_string_equal(a->ments[k].name, want[k].name);
	}
}

#endif

/*
 * test_util.h - helpers shared by the unit tests.
 *
 * cr_test_article() builds an analysed article from a body so a test of
 * one stage can feed it real text. cr_test_shared_data() finds
 * ../shared/data, or prints a visible SKIP and returns NULL.
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
		fprintf(stderr, "SKIP: %s needs ../shared/data, which is absent\n", what);
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

#endif

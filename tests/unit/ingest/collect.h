/*
 * collect.h - a sink for the ingest tests: keeps the articles a reader
 * hands over (at most CR_TEST_MAX_GOT; the rest are freed at once), so a
 * test can inspect them and free them in one call.
 */
#ifndef CR_TEST_COLLECT_H
#define CR_TEST_COLLECT_H

#include "crossread/article.h"
#include "crossread/err.h"

#define CR_TEST_MAX_GOT 16

typedef struct got {
	cr_article *a[CR_TEST_MAX_GOT];
	size_t n;
} got;

/* A reader's article callback: keeps a in ud (a got). */
static inline cr_err keep(void *ud, cr_article *a)
{
	got *g = ud;
	if (g->n == CR_TEST_MAX_GOT) {
		cr_article_destroy(a);
		return CR_OK;
	}
	g->a[g->n++] = a;
	return CR_OK;
}

static inline void got_free(got *g)
{
	for (size_t i = 0; i < g->n; i++)
		cr_article_destroy(g->a[i]);
	g->n = 0;
}

#endif

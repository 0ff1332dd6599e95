/*
 * fuzz_common.h - what every ingest fuzz harness does with an input: read
 * it through cr_ingest_buffer() under a given name, clean and analyse
 * each article, and free everything. Shared by textfile.c and jsonl.c;
 * static so each harness stays one translation unit.
 */
#ifndef CR_FUZZ_COMMON_H
#define CR_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "crossread/article.h"
#include "ingest/clean.h"
#include "ingest/ingest.h"
#include "text/analyze.h"

/* Cleans and analyses one article, then frees it. */
static cr_err fuzz_sink(void *ud, cr_article *a)
{
	cr_analyzer *an = ud;
	if (cr_clean(a) == CR_OK)
		(void)cr_analyze(an, a);
	cr_article_destroy(a);
	return CR_OK;
}

/* One analyzer for the whole run. Building one loads the entity model,
 * which was most of each input's time (libFuzzer ran about six inputs a
 * second); the analyzer keeps only per-article scratch and caches, so
 * one input's results do not depend on the inputs before it. It stays
 * reachable, so the leak checker does not count it. */
static cr_analyzer *fuzz_analyzer(void)
{
	static cr_analyzer *an;
	if (!an)
		an = cr_analyzer_new();
	return an;
}

/* Runs one input through the whole ingest path. */
static int fuzz_ingest(const char *name, const uint8_t *data, size_t n)
{
	cr_analyzer *an = fuzz_analyzer();
	if (!an)
		return 0;
	cr_diag d = {0};
	(void)cr_ingest_buffer(name, (const char *)data, n, fuzz_sink, an, &d);
	return 0;
}

#endif

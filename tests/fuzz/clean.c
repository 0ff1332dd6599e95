/*
 * clean.c - fuzz harness for the cleaner: arbitrary bytes, repaired to
 * UTF-8 as ingest would, become an article's raw text; cr_clean() and
 * cr_analyze() run on it. The first byte chooses whether the title came
 * from metadata, so both title paths are explored.
 */
#include <string.h>

#include "base/arena.h"
#include "crossread/article.h"
#include "ingest/clean.h"
#include "ingest/ingest.h"
#include "text/analyze.h"
#include "text/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One analyzer for the whole run, as in fuzz_common.h: building one
 * loads the entity model. */
static cr_analyzer *fuzz_analyzer(void)
{
	static cr_analyzer *an;
	if (!an)
		an = cr_analyzer_new();
	return an;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > CR_MAX_TEXT_BYTES)
		return 0;
	int title_given = size > 0 && (data[0] & 1);
	cr_article *a = cr_article_create();
	cr_analyzer *an = fuzz_analyzer();
	char *raw = NULL;
	size_t raw_len = 0, n_bad = 0, first_bad = 0;
	if (!a || !an)
		goto out;
	if (cr_utf8_repair(a->arena, (const char *)data, size, &raw, &raw_len,
	                   &n_bad, &first_bad) != CR_OK)
		goto out;
	a->raw = raw;
	a->raw_len = (uint32_t)raw_len;
	a->id = "fuzz";
	if (title_given) {
		a->title_given = 1;
		a->title = "Fuzzed title";
	}
	if (cr_clean(a) == CR_OK) {
		/* The cleaner's contract: a NUL-terminated body. */
		if (a->body[a->body_len] != '\0' ||
		    strlen(a->body) != a->body_len)
			__builtin_trap();
		(void)cr_analyze(an, a);
	}
out:
	cr_article_destroy(a);
	return 0;
}

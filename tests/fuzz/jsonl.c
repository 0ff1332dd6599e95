/*
 * jsonl.c - fuzz harness: arbitrary bytes as a JSON-lines file (the name
 * forces the format), through ingest, cleaning and analysis; then the
 * same bytes read from a file in small chunks (cr_jsonl_read_fd_chunk)
 * must give what the whole buffer gave: the same articles in the same
 * order and the same reports at the same lines, or the harness aborts.
 */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/jsonl.h"

/* What one reading gave: a running hash of every article and report. */
typedef struct digest {
	uint64_t h;
	size_t n;
} digest;

static void mix(digest *g, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		g->h = (g->h ^ b[i]) * 1099511628211u;
}

static cr_err digest_sink(void *ud, cr_article *a)
{
	digest *g = ud;
	g->n++;
	mix(g, a->id, strlen(a->id) + 1);
	mix(g, &a->raw_len, sizeof a->raw_len);
	mix(g, a->raw, a->raw_len);
	mix(g, &a->published, sizeof a->published);
	cr_article_destroy(a);
	return CR_OK;
}

static void digest_report(void *ud, const char *file, uint64_t line,
                          cr_err code, const char *reason)
{
	(void)file;
	digest *g = ud;
	mix(g, &line, sizeof line);
	mix(g, &code, sizeof code);
	mix(g, reason, strlen(reason) + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ingest("fuzz/input.jsonl", data, size);
	digest whole = {14695981039346656037u, 0}, chunks = whole;
	cr_diag d = {.fn = digest_report, .ud = &whole};
	(void)cr_jsonl_read("in.jsonl", (const char *)data, size, digest_sink,
	                    &whole, &d);
	FILE *f = tmpfile();
	if (!f)
		return 0;
	if (size && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return 0;
	}
	fflush(f);
	int fd = fileno(f);
	if (lseek(fd, 0, SEEK_SET) != 0) {
		fclose(f);
		return 0;
	}
	d = (cr_diag){.fn = digest_report, .ud = &chunks};
	(void)cr_jsonl_read_fd_chunk("in.jsonl", fd, 8 + size % 29, digest_sink,
	                             &chunks, &d);
	fclose(f);
	if (whole.h != chunks.h || whole.n != chunks.n)
		abort();
	return 0;
}

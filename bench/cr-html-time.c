/*
 * cr-html-time - where crossread's HTML extraction spends its time, for
 * bench/extract-speed.
 *
 *     cr-html-time [--repeat N] FILE...
 *
 * For each page it times libxml2's parse alone (htmlReadMemory with the
 * options and charset cr_html_extract uses) and the whole cr_html_extract
 * (charset detection, parse, walk, scoring, output), each the best of N
 * runs (default 5) so that one page's figure is not a cache miss or a
 * preemption. The tree's free (xmlFreeDoc) is timed apart: cr_html_extract
 * pays it too. Prints one line per page, "page NAME BYTES PARSE_NS
 * FREE_NS EXTRACT_NS", then a "total" line with the sums; extraction
 * beyond the parser is EXTRACT - PARSE - FREE.
 *
 * Assumes the pages fit in memory one at a time and are at most
 * CR_HTML_MAX_BYTES (larger ones are skipped with a message, as the
 * extractor rejects them). The parse is given the charset the extractor
 * chose for the page, so both decode the same way.
 */
#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crossread/article.h"
#include "ingest/html.h"
#include "ingest/xml.h"

/* Most runs of one page; more adds time, not precision. */
#define MAX_REPEAT 1000

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Reads a whole file into a new buffer (the caller frees it); NULL when
 * it cannot be read or is larger than CR_HTML_MAX_BYTES. */
static char *read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long len = ftell(f);
		if (len >= 0 && (size_t)len <= CR_HTML_MAX_BYTES &&
		    fseek(f, 0, SEEK_SET) == 0) {
			buf = malloc((size_t)len + 1);
			if (buf &&
			    fread(buf, 1, (size_t)len, f) != (size_t)len) {
				free(buf);
				buf = NULL;
			}
			*n = (size_t)len;
		}
	}
	fclose(f);
	return buf;
}

/* Times one page: best parse, free and extract times of repeat runs.
 * Returns 0, or -1 when the extractor rejects the page (then nothing is
 * timed, as crossread would skip it). */
static int time_page(const char *name, const char *data, size_t n, int repeat,
                     int64_t best[3])
{
	char enc[64] = "";
	best[0] = best[1] = best[2] = INT64_MAX;
	for (int r = 0; r < repeat; r++) {
		cr_article *a = NULL;
		cr_html_info info;
		int64_t t0 = now_ns();
		cr_err e =
		        cr_html_extract(name, data, n, NULL, &a, &info, NULL);
		int64_t t1 = now_ns();
		if (e != CR_OK)
			return -1;
		if (t1 - t0 < best[2])
			best[2] = t1 - t0;
		if (r == 0 && info.charset)
			snprintf(enc, sizeof enc, "%s", info.charset);
		cr_article_destroy(a);
	}
	cr_xml_init();
	for (int r = 0; r < repeat; r++) {
		int64_t t0 = now_ns();
		htmlDocPtr doc = htmlReadMemory(
		        data, (int)n, NULL, enc[0] ? enc : NULL,
		        HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		                HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
		int64_t t1 = now_ns();
		if (doc)
			xmlFreeDoc(doc);
		int64_t t2 = now_ns();
		if (t1 - t0 < best[0])
			best[0] = t1 - t0;
		if (t2 - t1 < best[1])
			best[1] = t2 - t1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int repeat = 5, first = 1;
	if (argc > 2 && strcmp(argv[1], "--repeat") == 0) {
		repeat = atoi(argv[2]);
		first = 3;
	}
	if (repeat < 1 || repeat > MAX_REPEAT || first >= argc) {
		fprintf(stderr,
		        "usage: cr-html-time [--repeat N (1..%d)] "
		        "FILE...\n",
		        MAX_REPEAT);
		return 2;
	}
	int64_t sum[3] = {0, 0, 0};
	size_t pages = 0, bytes = 0, skipped = 0;
	for (int i = first; i < argc; i++) {
		size_t n = 0;
		char *data = read_file(argv[i], &n);
		int64_t best[3];
		if (!data || n > (size_t)INT32_MAX ||
		    time_page(argv[i], data, n, repeat, best) != 0) {
			fprintf(stderr,
			        "cr-html-time: %s: skipped (unreadable "
			        "or rejected)\n",
			        argv[i]);
			skipped++;
			free(data);
			continue;
		}
		printf("page %s %zu %lld %lld %lld\n", argv[i], n,
		       (long long)best[0], (long long)best[1],
		       (long long)best[2]);
		for (int k = 0; k < 3; k++)
			sum[k] += best[k];
		pages++;
		bytes += n;
		free(data);
	}
	printf("total %zu %zu %lld %lld %lld skipped %zu\n", pages, bytes,
	       (long long)sum[0], (long long)sum[1], (long long)sum[2],
	       skipped);
	return pages ? 0 : 1;
}

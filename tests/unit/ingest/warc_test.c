/*
 * warc_test.c - tests of src/ingest/warc.c: gzip and plain archives built
 * here from invented pages, damaged records (a 2 GB Content-Length, a
 * lying length, garbage, truncated gzip) reported by offset and skipped,
 * streaming from a file, and the acceptance test: a gzip WARC of
 * HTML pages briefed by the pipeline, every page found.
 */
#include "test_util.h"

#include "collect.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include "crossread/crossread.h"
#include "ingest/ingest.h"
#include "ingest/warc.h"

#define MAX_DIAGS 16

/* Every diagnostic, in order. */
typedef struct diags {
	char reason[MAX_DIAGS][512];
	size_t n;
} diags;

static void record(void *ud, const char *file, uint64_t line, cr_err code,
                   const char *reason)
{
	(void)file;
	(void)line;
	(void)code;
	diags *l = ud;
	if (l->n < MAX_DIAGS)
		snprintf(l->reason[l->n++], sizeof l->reason[0], "%s", reason);
}

/* A growable byte buffer for building archives. */
typedef struct buf {
	unsigned char *p;
	size_t n, cap;
} buf;

static void put(buf *b, const void *s, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void puts_(buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Appends one record; content_length < 0 means the true length. */
static void record_to(buf *b, const char *type, const char *uri,
                      const char *block, long long content_length)
{
	char h[1024];
	size_t bn = strlen(block);
	snprintf(h, sizeof h,
	         "WARC/1.1\r\nWARC-Type: %s\r\n"
	         "WARC-Record-ID: "
	         "<urn:uuid:%08zx-0000-4000-8000-000000000000>\r\n"
	         "WARC-Date: 2024-04-02T07:45:00Z\r\n"
	         "%s%s%s"
	         "Content-Length: %lld\r\n\r\n",
	         type, b->n, uri ? "WARC-Target-URI: " : "", uri ? uri : "",
	         uri ? "\r\n" : "",
	         content_length < 0 ? (long long)bn : content_length);
	puts_(b, h);
	put(b, block, bn);
	puts_(b, "\r\n\r\n");
}

/* Appends src as one gzip member. */
static void gzip_member(buf *out, const buf *src)
{
	z_stream z = {0};
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
	                              Z_DEFAULT_STRATEGY),
	                 Z_OK);
	size_t cap = deflateBound(&z, (uLong)src->n);
	unsigned char *tmp = malloc(cap);
	assert_non_null(tmp);
	z.next_in = src->p;
	z.avail_in = (uInt)src->n;
	z.next_out = tmp;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	put(out, tmp, cap - z.avail_out);
	deflateEnd(&z);
	free(tmp);
}

static const char *const titles[3] = {
        "Tramline to Eastfield opens after four years of work",
        "Drought forces water limits across the Corran valley",
        "Museum returns carved masks to island council",
};

static const char *const paras[3][3] = {
        {"The new tramline between the central station and Eastfield opened "
         "on Monday morning, four years after building work began.",
         "City transport chief Ingrid Solberg said the line would carry about "
         "30,000 passengers a day once all 14 stops were in use.",
         "Residents of Eastfield had waited decades for a rail link, and "
         "several hundred of them rode the first tram at 6 a.m."},
        {"Water companies in the Corran valley will limit garden watering "
         "from Friday after the driest spring in forty years.",
         "The regional water board said reservoirs stood at 41 percent of "
         "capacity, well below the usual level for April.",
         "Farmers warned that a long dry summer would cut the harvest, and "
         "asked the board to spare irrigation for crops."},
        {"The Hallam Museum handed twelve carved masks back to the council of "
         "Tavu island on Wednesday in a ceremony at the harbour.",
         "The masks were taken to Europe in 1911 by a trading company and had "
         "been in the museum's stores since the 1950s.",
         "Council elder Mere Tane said the masks would be shown in a new "
         "cultural centre that the island plans to open next year."},
};

/* The HTTP response block of page i. */
static void http_page(buf *b, int i)
{
	char html[4096];
	int k = snprintf(html, sizeof html,
	                 "<!DOCTYPE html><html lang=\"en\"><head><meta "
	                 "charset=\"utf-8\"><title>%s</title></head><body>"
	                 "<nav><a href=\"/\">Home</a> <a href=\"/news\">News"
	                 "</a></nav><article><h1>%s</h1><p>%s</p><p>%s</p>"
	                 "<p>%s</p></article><footer>Copyright the Gazette"
	                 "</footer></body></html>",
	                 titles[i], titles[i], paras[i][0], paras[i][1],
	                 paras[i][2]);
	char head[256];
	snprintf(head, sizeof head,
	         "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
	         "Content-Length: %d\r\n\r\n",
	         k);
	puts_(b, head);
	puts_(b, html);
}

/* The records of the test archive, each in its own buffer: warcinfo,
 * then request + response for each page, and a non-HTML response. */
#define N_RECS 8
static void build_records(buf recs[N_RECS])
{
	memset(recs, 0, sizeof(buf) * N_RECS);
	record_to(
	        &recs[0], "warcinfo", NULL,
	        "software: crossread-test\r\nformat: WARC File Format 1.1\r\n",
	        -1);
	for (int i = 0; i < 3; i++) {
		char uri[128], req[256];
		snprintf(uri, sizeof uri, "https://gazette.example/news/%d", i);
		snprintf(req, sizeof req,
		         "GET /news/%d HTTP/1.1\r\nHost: "
		         "gazette.example\r\n\r\n",
		         i);
		record_to(&recs[1 + 2 * i], "request", uri, req, -1);
		buf page = {0};
		http_page(&page, i);
		put(&page, "", 1); /* NUL for record_to */
		record_to(&recs[2 + 2 * i], "response", uri, (char *)page.p,
		          -1);
		free(page.p);
	}
	record_to(&recs[7], "response", "https://gazette.example/logo.png",
	          "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG", -1);
}

static void free_records(buf recs[N_RECS])
{
	for (int i = 0; i < N_RECS; i++)
		free(recs[i].p);
}

/* Checks that g holds pages first..last in order. */
static void expect_pages(const got *g, int first, int last)
{
	assert_int_equal(g->n, (size_t)(last - first + 1));
	for (int i = first; i <= last; i++) {
		const cr_article *a = g->a[i - first];
		char uri[128];
		snprintf(uri, sizeof uri, "https://gazette.example/news/%d", i);
		assert_string_equal(a->url, uri);
		assert_non_null(a->title);
		assert_non_null(strstr(a->title, titles[i]));
		assert_non_null(strstr(a->raw, paras[i][1]));
		assert_null(strstr(a->raw, "Copyright the Gazette"));
		assert_int_equal(a->published, 1712043900);
	}
}

static void test_gzip_three_pages(void **state)
{
	(void)state;
	buf recs[N_RECS], gz = {0};
	build_records(recs);
	for (int i = 0; i < N_RECS; i++)
		gzip_member(&gz, &recs[i]);
	assert_true(cr_warc_sniff((char *)gz.p, gz.n));
	got g = {0};
	diags l = {0};
	cr_diag d = {.fn = record, .ud = &l};
	assert_int_equal(cr_warc_read_buffer("crawl/cc.warc.gz", (char *)gz.p,
	                                     gz.n, keep, &g, &d),
	                 CR_OK);
	assert_int_equal(d.n_rejected, 0);
	expect_pages(&g, 0, 2);
	/* Ids count records: the responses are records 3, 5 and 7. */
	assert_string_equal(g.a[0]->id, "cc-3");
	assert_string_equal(g.a[2]->id, "cc-7");
	assert_string_equal(g.a[0]->origin, "crawl/cc.warc.gz");
	got_free(&g);
	free_records(recs);
	free(gz.p);
}

static void test_plain(void **state)
{
	(void)state;
	buf recs[N_RECS], w = {0};
	build_records(recs);
	for (int i = 0; i < N_RECS; i++)
		put(&w, recs[i].p, recs[i].n);
	assert_true(cr_warc_sniff((char *)w.p, w.n));
	got g = {0};
	cr_diag d = {0};
	assert_int_equal(
	        cr_warc_read_buffer("cc.warc", (char *)w.p, w.n, keep, &g, &d),
	        CR_OK);
	assert_int_equal(d.n_rejected, 0);
	expect_pages(&g, 0, 2);
	got_free(&g);
	free_records(recs);
	free(w.p);
}

/* A record claiming 2 GB, plain and gzip: reported at its offset, the
 * rest read. */
static void test_two_gigabytes(void **state)
{
	(void)state;
	buf recs[N_RECS], w = {0}, gz = {0}, bad = {0};
	build_records(recs);
	record_to(&bad, "response", "https://gazette.example/huge",
	          "HTTP/1.1 200 OK\r\n\r\n<p>tiny</p>", 2147483648LL);
	size_t bad_off = 0, bad_gz_off = 0;
	for (int i = 0; i < N_RECS; i++) {
		if (i == 4) {
			bad_off = w.n;
			bad_gz_off = gz.n;
			put(&w, bad.p, bad.n);
			gzip_member(&gz, &bad);
		}
		put(&w, recs[i].p, recs[i].n);
		gzip_member(&gz, &recs[i]);
	}
	for (int pass = 0; pass < 2; pass++) {
		got g = {0};
		diags l = {0};
		cr_diag d = {.fn = record, .ud = &l};
		const buf *in = pass ? &gz : &w;
		assert_int_equal(cr_warc_read_buffer("big.warc", (char *)in->p,
		                                     in->n, keep, &g, &d),
		                 CR_OK);
		expect_pages(&g, 0, 2);
		assert_int_equal(d.n_rejected, 1);
		char want[64];
		snprintf(want, sizeof want,
		         "offset %zu: ", pass ? bad_gz_off : bad_off);
		assert_non_null(strstr(l.reason[0], want));
		assert_non_null(strstr(l.reason[0], "claims 2147483648 bytes"));
		got_free(&g);
	}
	free_records(recs);
	free(w.p);
	free(gz.p);
	free(bad.p);
}

/* Content-Length shorter than the block: the record is reported, the
 * reader resyncs at the next "WARC/1." line. */
static void test_lying_length(void **state)
{
	(void)state;
	buf recs[N_RECS], w = {0}, bad = {0};
	build_records(recs);
	buf page = {0};
	http_page(&page, 1);
	put(&page, "", 1);
	record_to(&bad, "response", "https://gazette.example/news/1",
	          (char *)page.p, 300);
	free(page.p);
	size_t bad_off = 0;
	for (int i = 0; i < N_RECS; i++) {
		if (i == 4) { /* replaces page 1's response */
			bad_off = w.n;
			put(&w, bad.p, bad.n);
			continue;
		}
		put(&w, recs[i].p, recs[i].n);
	}
	got g = {0};
	diags l = {0};
	cr_diag d = {.fn = record, .ud = &l};
	assert_int_equal(
	        cr_warc_read_buffer("lie.warc", (char *)w.p, w.n, keep, &g, &d),
	        CR_OK);
	assert_int_equal(d.n_rejected, 1);
	char want[64];
	snprintf(want, sizeof want, "offset %zu: ", bad_off);
	assert_non_null(strstr(l.reason[0], want));
	assert_non_null(strstr(l.reason[0], "does not match"));
	assert_int_equal(g.n, 2);
	assert_string_equal(g.a[0]->url, "https://gazette.example/news/0");
	assert_string_equal(g.a[1]->url, "https://gazette.example/news/2");
	got_free(&g);
	free_records(recs);
	free(w.p);
	free(bad.p);
}

/* The archive ends inside the last page's gzip member. */
static void test_truncated_gzip(void **state)
{
	(void)state;
	buf recs[N_RECS], gz = {0};
	build_records(recs);
	size_t last_off = 0;
	for (int i = 0; i < 7; i++) {
		if (i == 6)
			last_off = gz.n;
		gzip_member(&gz, &recs[i]);
	}
	size_t cut = last_off + (gz.n - last_off) / 2;
	got g = {0};
	diags l = {0};
	cr_diag d = {.fn = record, .ud = &l};
	assert_int_equal(cr_warc_read_buffer("cut.warc.gz", (char *)gz.p, cut,
	                                     keep, &g, &d),
	                 CR_OK);
	expect_pages(&g, 0, 1);
	assert_int_equal(d.n_rejected, 1);
	char want[64];
	snprintf(want, sizeof want, "offset %zu: gzip member truncated",
	         last_off);
	assert_non_null(strstr(l.reason[0], want));
	got_free(&g);
	free_records(recs);
	free(gz.p);
}

/* Junk between records, plain and gzip: one report each, every page
 * read. */
static void test_garbage_between(void **state)
{
	(void)state;
	buf recs[N_RECS], w = {0}, gz = {0};
	build_records(recs);
	const char junk[] = "<<< this is not a record >>>\nWARC/2 nonsense\n";
	size_t junk_off = 0, junk_gz_off = 0;
	for (int i = 0; i < N_RECS; i++) {
		if (i == 3) {
			junk_off = w.n;
			junk_gz_off = gz.n;
			puts_(&w, junk);
			puts_(&gz, junk);
		}
		put(&w, recs[i].p, recs[i].n);
		gzip_member(&gz, &recs[i]);
	}
	for (int pass = 0; pass < 2; pass++) {
		got g = {0};
		diags l = {0};
		cr_diag d = {.fn = record, .ud = &l};
		const buf *in = pass ? &gz : &w;
		assert_int_equal(cr_warc_read_buffer("junk.warc", (char *)in->p,
		                                     in->n, keep, &g, &d),
		                 CR_OK);
		expect_pages(&g, 0, 2);
		assert_int_equal(d.n_rejected, 1);
		char want[64];
		snprintf(want, sizeof want,
		         "offset %zu: ", pass ? junk_gz_off : junk_off);
		assert_non_null(strstr(l.reason[0], want));
		got_free(&g);
	}
	free_records(recs);
	free(w.p);
	free(gz.p);
}

/* Writes b to dir/name; returns the path in out. */
static void write_file(const char *dir, const char *name, const buf *b,
                       char *out, size_t out_n)
{
	snprintf(out, out_n, "%s/%s", dir, name);
	int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b->p, b->n), (ssize_t)b->n);
	close(fd);
}

/* A file is streamed through ingest, recognised by its content under a
 * neutral name. */
static void test_ingest_streams_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/cr_warc_XXXXXX";
	assert_non_null(mkdtemp(dir));
	buf recs[N_RECS], gz = {0};
	build_records(recs);
	for (int i = 0; i < N_RECS; i++)
		gzip_member(&gz, &recs[i]);
	char path[256];
	write_file(dir, "crawl-0001.dat", &gz, path, sizeof path);
	got g = {0};
	cr_diag d = {0};
	assert_int_equal(cr_ingest_path(path, keep, &g, &d), CR_OK);
	assert_int_equal(d.n_rejected, 0);
	expect_pages(&g, 0, 2);
	assert_string_equal(g.a[1]->id, "crawl-0001-5");
	got_free(&g);
	unlink(path);
	rmdir(dir);
	free_records(recs);
	free(gz.p);
}

/* The acceptance test of issue 3: a gzip WARC built from HTML pages is
 * briefed, and every page is found in the briefings. */
static void test_brief_gzip_warc(void **state)
{
	(void)state;
	char dir[] = "/tmp/cr_warc_XXXXXX";
	assert_non_null(mkdtemp(dir));
	buf recs[N_RECS], gz = {0};
	build_records(recs);
	for (int i = 0; i < N_RECS; i++)
		gzip_member(&gz, &recs[i]);
	char path[256];
	write_file(dir, "news.warc.gz", &gz, path, sizeof path);

	cr_diag d = {0};
	cr_pipeline *p = cr_pipeline_new(&d);
	assert_non_null(p);
	assert_int_equal(cr_pipeline_add_path(p, dir), CR_OK);
	assert_int_equal(d.n_rejected, 0);
	assert_int_equal(cr_pipeline_count(p), 3);
	cr_briefing **b = NULL;
	size_t nb = 0;
	assert_int_equal(cr_pipeline_brief(p, NULL, &b, &nb), CR_OK);
	assert_int_equal(nb, 3); /* three unrelated stories */
	int found[3] = {0};
	for (size_t i = 0; i < nb; i++) {
		assert_true(b[i]->n_summary > 0);
		for (uint32_t k = 0; k < b[i]->n_arts; k++) {
			const cr_article *a = b[i]->arts[k];
			for (int j = 0; j < 3; j++) {
				char uri[128];
				snprintf(uri, sizeof uri,
				         "https://gazette.example/news/%d", j);
				if (a->url && !strcmp(a->url, uri))
					found[j]++;
			}
		}
	}
	for (int j = 0; j < 3; j++)
		assert_int_equal(found[j], 1);
	cr_pipeline_free_briefings(b, nb);
	cr_pipeline_free(p);
	unlink(path);
	rmdir(dir);
	free_records(recs);
	free(gz.p);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_true(cr_warc_sniff("WARC/1.0\r\n", 10));
	assert_true(cr_warc_sniff("WARC/1.1\r\n", 10));
	assert_false(cr_warc_sniff("WARC/2.0\r\n", 10));
	buf txt = {0}, gz = {0};
	puts_(&txt, "Just a gzip'd news story, not an archive.");
	gzip_member(&gz, &txt);
	assert_false(cr_warc_sniff((char *)gz.p, gz.n));
	assert_false(cr_warc_sniff((char *)gz.p, 2));
	free(txt.p);
	free(gz.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_gzip_three_pages),
	        cmocka_unit_test(test_plain),
	        cmocka_unit_test(test_two_gigabytes),
	        cmocka_unit_test(test_lying_length),
	        cmocka_unit_test(test_truncated_gzip),
	        cmocka_unit_test(test_garbage_between),
	        cmocka_unit_test(test_ingest_streams_file),
	        cmocka_unit_test(test_brief_gzip_warc),
	        cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

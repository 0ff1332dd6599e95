/*
 * jsonl_test.c - tests of src/ingest/jsonl.c: fields, ids, dates, and
 * lines that must be reported and skipped while the rest comes through.
 */
#include "test_util.h"

#include <unistd.h>

#include "ingest/jsonl.h"

#define MAX_SEEN 16

/* What a test run received: articles and diag reports. */
typedef struct seen {
	cr_article *arts[MAX_SEEN];
	size_t n;
	struct {
		char file[64];
		uint64_t line;
		cr_err code;
		char reason[256];
	} rep[MAX_SEEN];
	size_t n_rep;
} seen;

static cr_err sink(void *ud, cr_article *a)
{
	seen *s = ud;
	assert_true(s->n < MAX_SEEN);
	s->arts[s->n++] = a;
	return CR_OK;
}

static void record(void *ud, const char *file, uint64_t line, cr_err code,
                   const char *reason)
{
	seen *s = ud;
	assert_true(s->n_rep < MAX_SEEN);
	snprintf(s->rep[s->n_rep].file, sizeof s->rep[0].file, "%s", file);
	s->rep[s->n_rep].line = line;
	s->rep[s->n_rep].code = code;
	snprintf(s->rep[s->n_rep].reason, sizeof s->rep[0].reason, "%s",
	         reason);
	s->n_rep++;
}

static void run(seen *s, cr_diag *d, const char *name, const char *text)
{
	memset(s, 0, sizeof *s);
	*d = (cr_diag){.fn = record, .ud = s};
	assert_int_equal(cr_jsonl_read(name, text, strlen(text), sink, s, d),
	                 CR_OK);
}

static void done(seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		cr_article_destroy(s->arts[i]);
}

static void test_fields(void **state)
{
	(void)state;
	seen s;
	cr_diag d;
	run(&s, &d, "feeds/wire.jsonl",
	    "{\"id\":\"a1\",\"source\":\"Harbour Daily\",\"url\":\"https://"
	    "example.org/a1\",\"title\":\"Ports shut\",\"text\":\"The ports "
	    "shut.\\r\\nThey reopen Thursday.\",\"published\":\"2024-11-20T"
	    "10:00:00Z\",\"lang\":\"en\",\"extra\":[1,2]}\n");
	assert_int_equal(s.n, 1);
	assert_int_equal(d.n_rejected, 0);
	cr_article *a = s.arts[0];
	assert_string_equal(a->id, "a1");
	assert_string_equal(a->source, "Harbour Daily");
	assert_string_equal(a->url, "https://example.org/a1");
	assert_string_equal(a->title, "Ports shut");
	assert_int_equal(a->title_given, 1);
	assert_string_equal(a->lang, "en");
	assert_string_equal(a->raw, "The ports shut.\nThey reopen Thursday.");
	assert_int_equal(a->raw_len, strlen(a->raw));
	assert_int_equal(a->published, 1732096800);
	assert_string_equal(a->origin, "feeds/wire.jsonl");
	assert_int_equal(a->origin_line, 1);
	done(&s);
}

static void test_missing_id_and_title(void **state)
{
	(void)state;
	seen s;
	cr_diag d;
	run(&s, &d, "dir/batch.ndjson",
	    "\n  \n{\"text\":\"Ports shut\\nThe ports shut on Monday.\"}\n"
	    "{\"id\":42,\"text\":\"x\",\"published\":1732096800}\n");
	assert_int_equal(s.n, 2);
	assert_int_equal(d.n_rejected, 0);
	assert_string_equal(s.arts[0]->id, "batch-3");
	assert_int_equal(s.arts[0]->origin_line, 3);
	assert_null(s.arts[0]->title);
	assert_int_equal(s.arts[0]->title_given, 0);
	assert_int_equal(s.arts[0]->published, CR_TIME_NONE);
	assert_string_equal(s.arts[1]->id, "42");
	assert_int_equal(s.arts[1]->published, 1732096800);
	done(&s);
}

static void test_bad_lines_reported(void **state)
{
	(void)state;
	seen s;
	cr_diag d;
	run(&s, &d, "in.jsonl",
	    "{\"id\":\"ok1\",\"text\":\"Good one.\"}\n"
	    "{\"id\":\"bad\",\"text\":\"unterminated}\n"
	    "[1,2,3]\n"
	    "{\"id\":\"nt\"}\n"
	    "{\"id\":\"dup\",\"text\":\"a\",\"text\":\"b\"}\n"
	    "{\"id\":\"ty\",\"text\":\"a\",\"title\":7}\n"
	    "{\"id\":\"ok2\",\"text\":\"Good two.\"}");
	assert_int_equal(s.n, 2);
	assert_string_equal(s.arts[0]->id, "ok1");
	assert_string_equal(s.arts[1]->id, "ok2");
	assert_int_equal(s.arts[1]->origin_line, 7);
	assert_int_equal(d.n_rejected, 5);
	assert_int_equal(s.n_rep, 5);
	static const struct {
		uint64_t line;
		cr_err code;
		const char *in_reason;
	} want[] = {{2, CR_EJSON, "(column "},
	            {3, CR_EFIELD, "not a JSON object"},
	            {4, CR_EFIELD, "missing field \"text\""},
	            {5, CR_EJSON, "duplicate"},
	            {6, CR_EFIELD, "field \"title\" is not a string"}};
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(s.rep[i].file, "in.jsonl");
		assert_int_equal(s.rep[i].line, want[i].line);
		assert_int_equal(s.rep[i].code, want[i].code);
		if (!strstr(s.rep[i].reason, want[i].in_reason))
			fail_msg("line %llu: \"%s\" lacks \"%s\"",
			         (unsigned long long)want[i].line,
			         s.rep[i].reason, want[i].in_reason);
	}
	done(&s);
}

static void test_deep_nesting(void **state)
{
	(void)state;
	char deep[512] = "{\"text\":\"a\",\"x\":";
	size_t n = strlen(deep);
	for (int i = 0; i < 100; i++)
		deep[n++] = '[';
	for (int i = 0; i < 100; i++)
		deep[n++] = ']';
	deep[n++] = '}';
	deep[n++] = '\n';
	/* Brackets inside a string do not count. */
	strcpy(deep + n, "{\"text\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
	                 "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\"}");
	seen s;
	cr_diag d;
	run(&s, &d, "deep.jsonl", deep);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.n_rep, 1);
	assert_int_equal(s.rep[0].line, 1);
	assert_int_equal(s.rep[0].code, CR_ETOODEEP);
	assert_int_equal(s.arts[0]->origin_line, 2);
	done(&s);
}

static void test_published(void **state)
{
	(void)state;
	seen s;
	cr_diag d;
	run(&s, &d, "p.jsonl",
	    "{\"text\":\"a\",\"published\":\"20 Nov 2024\"}\n"
	    "{\"text\":\"b\",\"published\":1e300}\n"
	    "{\"text\":\"c\",\"published\":true}\n"
	    "{\"text\":\"d\",\"published\":\"2024-11-20T12:00:00+02:00\"}\n");
	/* Unparseable dates are warnings; a wrong type rejects. */
	assert_int_equal(s.n, 3);
	assert_int_equal(d.n_warnings, 2);
	assert_int_equal(d.n_rejected, 1);
	assert_int_equal(s.arts[0]->published, CR_TIME_NONE);
	assert_int_equal(s.arts[1]->published, CR_TIME_NONE);
	assert_int_equal(s.arts[2]->published, 1732096800);
	assert_int_equal(s.rep[2].line, 3);
	done(&s);
}

static void test_iso8601(void **state)
{
	(void)state;
	int64_t t = 0;
	assert_true(cr_parse_iso8601("1970-01-01", &t));
	assert_int_equal(t, 0);
	assert_true(cr_parse_iso8601("2024-11-20", &t));
	assert_int_equal(t, 1732060800);
	assert_true(cr_parse_iso8601("2024-11-20T10:00:00Z", &t));
	assert_int_equal(t, 1732096800);
	assert_true(cr_parse_iso8601("2024-11-20T10:00Z", &t));
	assert_int_equal(t, 1732096800);
	assert_true(cr_parse_iso8601("2024-11-20T11:00:00+01:00", &t));
	assert_int_equal(t, 1732096800);
	assert_true(cr_parse_iso8601("2024-11-20T05:30:00-0430", &t));
	assert_int_equal(t, 1732096800);
	assert_true(cr_parse_iso8601("2024-11-20T10:00:00.250Z", &t));
	assert_int_equal(t, 1732096800);
	assert_true(cr_parse_iso8601("1999-07-07 08:30:27", &t));
	assert_int_equal(t, 931336227);
	assert_true(cr_parse_iso8601("2024-02-29", &t));
	assert_true(cr_parse_iso8601("1960-03-01", &t));
	assert_int_equal(t, -310435200);
	assert_false(cr_parse_iso8601("2023-02-29", &t));
	assert_false(cr_parse_iso8601("2024-13-01", &t));
	assert_false(cr_parse_iso8601("2024-11-20T25:00Z", &t));
	assert_false(cr_parse_iso8601("2024-11-20junk", &t));
	assert_false(cr_parse_iso8601("2024-1-2", &t));
	assert_false(cr_parse_iso8601("", &t));
	assert_false(cr_parse_iso8601(NULL, &t));
}

/* What a long run received, without keeping the articles. */
typedef struct tally {
	size_t n, text_bytes;
	uint64_t id_hash; /* of the ids in order */
	uint64_t rep_lines[4];
	size_t n_rep;
} tally;

static cr_err tally_sink(void *ud, cr_article *a)
{
	tally *t = ud;
	t->n++;
	t->text_bytes += a->raw_len;
	for (const char *p = a->id; *p; p++)
		t->id_hash = (t->id_hash ^ (unsigned char)*p) * 1099511628211u;
	cr_article_destroy(a);
	return CR_OK;
}

static void tally_record(void *ud, const char *file, uint64_t line, cr_err code,
                         const char *reason)
{
	(void)file, (void)code, (void)reason;
	tally *t = ud;
	if (t->n_rep < 4)
		t->rep_lines[t->n_rep] = line;
	t->n_rep++;
}

/* A file read a chunk at a time gives what the whole buffer gives:
 * the same articles in the same order, and the same line numbers for a
 * bad line. The lines are long enough that the file spans two chunks,
 * one of them straddles the boundary with a bad one after it, and the
 * file opens with a byte order mark. */
static void test_read_fd_in_chunks(void **state)
{
	(void)state;
	size_t line_text = 100000, n_lines = CR_JSONL_CHUNK_BYTES / 100000 + 20;
	size_t cap = n_lines * (line_text + 64) + 16;
	char *data = malloc(cap), *fill = malloc(line_text + 1);
	assert_non_null(data);
	assert_non_null(fill);
	for (size_t k = 0; k < line_text; k++)
		fill[k] = "abcdefgh "[k % 9];
	fill[line_text] = '\0';
	size_t n = 0;
	memcpy(data, "\xEF\xBB\xBF", 3);
	n = 3;
	uint64_t bad_line = 0, straddle = 0;
	for (size_t i = 0; i < n_lines; i++) {
		/* The line that holds the chunk boundary is whole; the one
		 * after it is broken JSON. */
		int bad = straddle && !bad_line;
		if (bad)
			bad_line = i + 1;
		if (!straddle && n + line_text + 64 > CR_JSONL_CHUNK_BYTES)
			straddle = i + 1;
		n += (size_t)snprintf(data + n, cap - n,
		                      "{\"id\": \"l%zu\", \"text\": \"%s\"%s\n",
		                      i, fill, bad ? "" : "}");
	}
	assert_true(n > CR_JSONL_CHUNK_BYTES);
	assert_true(bad_line > 0 && straddle > 0);

	tally whole = {0}, chunks = {0};
	cr_diag d = {.fn = tally_record, .ud = &whole};
	assert_int_equal(
	        cr_jsonl_read("big.jsonl", data, n, tally_sink, &whole, &d),
	        CR_OK);
	char path[] = "/tmp/crossread-jsonl-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	d = (cr_diag){.fn = tally_record, .ud = &chunks};
	assert_int_equal(
	        cr_jsonl_read_fd("big.jsonl", fd, tally_sink, &chunks, &d),
	        CR_OK);
	close(fd);
	unlink(path);

	assert_int_equal(whole.n, n_lines - 1);
	assert_int_equal(chunks.n, whole.n);
	assert_int_equal(chunks.text_bytes, whole.text_bytes);
	assert_int_equal(whole.text_bytes, (n_lines - 1) * line_text);
	assert_true(chunks.id_hash == whole.id_hash);
	assert_int_equal(whole.n_rep, 1);
	assert_int_equal(chunks.n_rep, 1);
	assert_int_equal(whole.rep_lines[0], bad_line);
	assert_int_equal(chunks.rep_lines[0], bad_line);
	free(fill);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_fields),
	        cmocka_unit_test(test_missing_id_and_title),
	        cmocka_unit_test(test_bad_lines_reported),
	        cmocka_unit_test(test_deep_nesting),
	        cmocka_unit_test(test_published),
	        cmocka_unit_test(test_iso8601),
	        cmocka_unit_test(test_read_fd_in_chunks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

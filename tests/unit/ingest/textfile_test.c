/*
 * textfile_test.c - tests of src/ingest/textfile.c: ids from paths, raw
 * text repaired to UTF-8, and the size limit of one article.
 */
#include "test_util.h"

#include "ingest/ingest.h"
#include "ingest/textfile.h"

typedef struct rec {
	size_t n;
	uint64_t line;
	cr_err code;
	char reason[256];
} rec;

static void record(void *ud, const char *file, uint64_t line, cr_err code,
                   const char *reason)
{
	(void)file;
	rec *r = ud;
	r->n++;
	r->line = line;
	r->code = code;
	snprintf(r->reason, sizeof r->reason, "%s", reason);
}

static void test_id_from_path(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_create();
	assert_string_equal(cr_id_from_path(a, "dir/000_abc.txt"), "000_abc");
	assert_string_equal(cr_id_from_path(a, "000_abc.txt"), "000_abc");
	assert_string_equal(cr_id_from_path(a, "/a/b.c/story"), "story");
	assert_string_equal(cr_id_from_path(a, "a/feed.tar.gz"), "feed.tar");
	assert_string_equal(cr_id_from_path(a, "a/.hidden"), ".hidden");
	assert_string_equal(cr_id_from_path(a, "dir/sub/"), "sub");
	assert_string_equal(cr_id_from_path(a, "-"), "stdin");
	cr_arena_destroy(a);
}

static void test_read(void **state)
{
	(void)state;
	const char *text = "Ports shut after storm\r\nThe ports shut on "
	                   "Monday.\r\n";
	cr_article *a = NULL;
	rec r = {0};
	cr_diag d = {.fn = record, .ud = &r};
	assert_int_equal(cr_textfile_read("in/0001_ports.txt", text,
	                                  strlen(text), &a, &d),
	                 CR_OK);
	assert_non_null(a);
	assert_int_equal(r.n, 0);
	assert_string_equal(a->id, "0001_ports");
	assert_string_equal(a->origin, "in/0001_ports.txt");
	assert_int_equal(a->origin_line, 0);
	assert_string_equal(a->raw, "Ports shut after storm\nThe ports shut "
	                            "on Monday.\n");
	assert_int_equal(a->raw_len, strlen(a->raw));
	assert_null(a->title);
	assert_int_equal(a->title_given, 0);
	assert_int_equal(a->published, CR_TIME_NONE);
	cr_article_destroy(a);
}

static void test_invalid_utf8_repaired(void **state)
{
	(void)state;
	/* A Latin-1 byte (0xE9) on the second line, at offset 15. */
	const char text[] = "Ports shut\nCaf\xC3\xA9 and caf\xE9 closed.\n";
	cr_article *a = NULL;
	rec r = {0};
	cr_diag d = {.fn = record, .ud = &r};
	assert_int_equal(
	        cr_textfile_read("x.txt", text, sizeof text - 1, &a, &d),
	        CR_OK);
	assert_int_equal(d.n_warnings, 1);
	assert_int_equal(d.n_rejected, 0);
	assert_int_equal(r.code, CR_EUTF8);
	assert_int_equal(r.line, 2);
	assert_string_equal(
	        r.reason, "invalid UTF-8 at line 2, byte offset 24, repaired");
	assert_string_equal(a->raw, "Ports shut\nCaf\xC3\xA9 and "
	                            "caf\xEF\xBF\xBD closed.\n");
	cr_article_destroy(a);
}

static void test_too_big(void **state)
{
	(void)state;
	size_t n = CR_MAX_TEXT_BYTES + 1;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	cr_article *a = (cr_article *)1;
	rec r = {0};
	cr_diag d = {.fn = record, .ud = &r};
	assert_int_equal(cr_textfile_read("big.txt", big, n, &a, &d),
	                 CR_ETOOBIG);
	assert_null(a);
	assert_int_equal(d.n_rejected, 1);
	assert_int_equal(r.code, CR_ETOOBIG);
	assert_int_equal(r.line, 0);
	/* Exactly at the limit is fine. */
	a = NULL;
	assert_int_equal(cr_textfile_read("big.txt", big, n - 1, &a, &d),
	                 CR_OK);
	assert_int_equal(a->raw_len, n - 1);
	cr_article_destroy(a);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_id_from_path),
	        cmocka_unit_test(test_read),
	        cmocka_unit_test(test_invalid_utf8_repaired),
	        cmocka_unit_test(test_too_big),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

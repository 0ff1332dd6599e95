/*
 * bad_input_test.c - hostile and broken input through cr_ingest_path:
 * each bad file is reported exactly (file, line, code, reason) and the
 * good articles around it still arrive. Files are written under a
 * mkdtemp() folder, removed afterwards.
 */
#include "test_util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ingest/ingest.h"

#define MAX_SEEN 32

typedef struct seen {
	char ids[MAX_SEEN][64];
	size_t n;
	struct {
		char file[512];
		uint64_t line;
		cr_err code;
		char reason[256];
		int warn;
	} rep[MAX_SEEN];
	size_t n_rep;
	size_t last_rejected, last_warnings;
	cr_diag *d;
} seen;

static cr_err sink(void *ud, cr_article *a)
{
	seen *s = ud;
	assert_true(s->n < MAX_SEEN);
	snprintf(s->ids[s->n++], sizeof s->ids[0], "%s", a->id);
	cr_article_destroy(a);
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
	/* A warning moved n_warnings, a rejection n_rejected. */
	s->rep[s->n_rep].warn = s->d->n_warnings != s->last_warnings;
	s->last_warnings = s->d->n_warnings;
	s->last_rejected = s->d->n_rejected;
	s->n_rep++;
}

typedef struct fixture {
	char dir[256];
} fixture;

static void write_file(const char *dir, const char *name, const void *data,
                       size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	if (n)
		assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/cr_bad_input_XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	int rc = system(cmd);
	free(fx);
	return rc == 0 ? 0 : -1;
}

static void ingest(seen *s, cr_diag *d, const char *path)
{
	memset(s, 0, sizeof *s);
	*d = (cr_diag){.fn = record, .ud = s};
	s->d = d;
	assert_int_equal(cr_ingest_path(path, sink, s, d), CR_OK);
}

/* Asserts report i: file (relative to dir, or absolute when dir is
 * NULL), line, code, exact reason. */
static void expect(const seen *s, size_t i, const char *dir, const char *file,
                   uint64_t line, cr_err code, const char *reason)
{
	char want[512];
	if (dir)
		snprintf(want, sizeof want, "%s/%s", dir, file);
	else
		snprintf(want, sizeof want, "%s", file);
	assert_true(i < s->n_rep);
	assert_string_equal(s->rep[i].file, want);
	assert_int_equal(s->rep[i].line, line);
	assert_int_equal(s->rep[i].code, code);
	assert_string_equal(s->rep[i].reason, reason);
}

static const char good[] = "Ports shut after storm\nThe ports shut on "
                           "Monday.\n";

static void test_empty_file(void **state)
{
	fixture *fx = *state;
	write_file(fx->dir, "a_empty.txt", "", 0);
	write_file(fx->dir, "b_blank.txt", " \n\t\n", 4);
	write_file(fx->dir, "c_good.txt", good, sizeof good - 1);
	seen s;
	cr_diag d;
	ingest(&s, &d, fx->dir);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.ids[0], "c_good");
	assert_int_equal(d.n_rejected, 2);
	expect(&s, 0, fx->dir, "a_empty.txt", 0, CR_EEMPTY, "empty file");
	expect(&s, 1, fx->dir, "b_blank.txt", 0, CR_EEMPTY,
	       "empty file (only white space)");
}

static void test_binary_file(void **state)
{
	fixture *fx = *state;
	static const unsigned char png[] = {0x89, 'P',  'N',  'G',  '\r',
	                                    0x00, 0x1a, 0x0a, 0xff, 0x10};
	write_file(fx->dir, "logo.png", png, sizeof png);
	write_file(fx->dir, "story.txt", good, sizeof good - 1);
	seen s;
	cr_diag d;
	ingest(&s, &d, fx->dir);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.ids[0], "story");
	assert_int_equal(d.n_rejected, 1);
	expect(&s, 0, fx->dir, "logo.png", 0, CR_EBINARY,
	       "binary file (NUL byte at offset 5)");
}

static void test_invalid_utf8(void **state)
{
	fixture *fx = *state;
	const char latin1[] = "Caf\xE9 owners protest\nThe caf\xE9s shut "
	                      "on Monday.\n";
	write_file(fx->dir, "latin1.txt", latin1, sizeof latin1 - 1);
	const char jl[] = "{\"id\":\"j1\",\"text\":\"ok\"}\n"
	                  "{\"id\":\"j2\",\"text\":\"caf\xE9\"}\n";
	write_file(fx->dir, "lines.jsonl", jl, sizeof jl - 1);
	seen s;
	cr_diag d;
	ingest(&s, &d, fx->dir);
	/* Both files come through, repaired, with warnings. */
	assert_int_equal(s.n, 3);
	assert_string_equal(s.ids[0], "latin1");
	assert_string_equal(s.ids[1], "j1");
	assert_string_equal(s.ids[2], "j2");
	assert_int_equal(d.n_rejected, 0);
	assert_int_equal(d.n_warnings, 2);
	expect(&s, 0, fx->dir, "latin1.txt", 1, CR_EUTF8,
	       "invalid UTF-8 at line 1, byte offset 3, repaired");
	expect(&s, 1, fx->dir, "lines.jsonl", 2, CR_EUTF8,
	       "invalid UTF-8 at line 2, byte offset 46, repaired");
	assert_true(s.rep[0].warn && s.rep[1].warn);
}

static void test_huge_line(void **state)
{
	fixture *fx = *state;
	size_t n = (size_t)50 << 20;
	char *line = malloc(n + 1);
	assert_non_null(line);
	memset(line, 'x', n);
	line[n] = '\n';
	write_file(fx->dir, "a_huge.txt", line, n + 1);
	free(line);
	write_file(fx->dir, "b_good.txt", good, sizeof good - 1);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	seen s;
	cr_diag d;
	ingest(&s, &d, fx->dir);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) +
	              (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("# 50 MB line rejected in %.3f s\n", secs);
	assert_true(secs < 10.0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.ids[0], "b_good");
	assert_int_equal(d.n_rejected, 1);
	char want[128];
	snprintf(want, sizeof want, "text larger than %zu bytes (one article)",
	         CR_MAX_TEXT_BYTES);
	expect(&s, 0, fx->dir, "a_huge.txt", 0, CR_ETOOBIG, want);
}

static void test_malformed_json_line(void **state)
{
	fixture *fx = *state;
	const char jl[] = "{\"id\":\"g1\",\"text\":\"The ports shut.\"}\n"
	                  "{\"id\":\"g2\",\"text\":\"They reopen.\"\n"
	                  "\n"
	                  "{\"id\":\"g3\",\"text\":\"Ferries run.\"}\n";
	write_file(fx->dir, "feed.jsonl", jl, sizeof jl - 1);
	seen s;
	cr_diag d;
	char path[512];
	snprintf(path, sizeof path, "%s/feed.jsonl", fx->dir);
	ingest(&s, &d, path);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.ids[0], "g1");
	assert_string_equal(s.ids[1], "g3");
	assert_int_equal(d.n_rejected, 1);
	expect(&s, 0, fx->dir, "feed.jsonl", 2, CR_EJSON,
	       "'}' expected near end of file (column 32)");
}

static void test_unreadable_entry(void **state)
{
	fixture *fx = *state;
	char sub[512], link[600];
	snprintf(sub, sizeof sub, "%s/dir", fx->dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	write_file(sub, "a.txt", good, sizeof good - 1);
	snprintf(link, sizeof link, "%s/b_gone.txt", sub);
	assert_int_equal(symlink("/nonexistent/cr_nowhere.txt", link), 0);
	write_file(sub, "c.txt", good, sizeof good - 1);
	seen s;
	cr_diag d;
	ingest(&s, &d, sub);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.ids[0], "a");
	assert_string_equal(s.ids[1], "c");
	assert_int_equal(d.n_rejected, 1);
	expect(&s, 0, sub, "b_gone.txt", 0, CR_EIO,
	       "No such file or directory");
}

static void test_missing_path(void **state)
{
	fixture *fx = *state;
	char path[512];
	snprintf(path, sizeof path, "%s/not-there.txt", fx->dir);
	seen s;
	cr_diag d;
	ingest(&s, &d, path);
	assert_int_equal(s.n, 0);
	assert_int_equal(d.n_rejected, 1);
	expect(&s, 0, NULL, path, 0, CR_EIO, "No such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_empty_file, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_binary_file, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_invalid_utf8, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_huge_line, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_malformed_json_line, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_unreadable_entry, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_missing_path, setup,
	                                        teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

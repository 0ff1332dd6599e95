/*
 * ingest_test.c - tests of src/ingest/ingest.c: directory walks (order,
 * hidden entries, nesting, link loops), format sniffing, stdin, a sink
 * that stops the walk, and the HTML size cap applied while reading.
 */
#include "test_util.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ingest/html.h"
#include "ingest/ingest.h"

#define MAX_SEEN 32

typedef struct seen {
	char ids[MAX_SEEN][64];
	uint64_t lines[MAX_SEEN];
	char origins[MAX_SEEN][512];
	size_t n;
	size_t stop_after; /* 0: never stop */
	char reasons[MAX_SEEN][256];
	size_t n_rep;
} seen;

static cr_err sink(void *ud, cr_article *a)
{
	seen *s = ud;
	assert_true(s->n < MAX_SEEN);
	snprintf(s->ids[s->n], sizeof s->ids[0], "%s", a->id);
	snprintf(s->origins[s->n], sizeof s->origins[0], "%s", a->origin);
	s->lines[s->n] = a->origin_line;
	s->n++;
	cr_article_destroy(a);
	return s->stop_after && s->n == s->stop_after ? CR_ENOMEM : CR_OK;
}

static void record(void *ud, const char *file, uint64_t line, cr_err code,
                   const char *reason)
{
	(void)file;
	(void)line;
	(void)code;
	seen *s = ud;
	assert_true(s->n_rep < MAX_SEEN);
	snprintf(s->reasons[s->n_rep++], sizeof s->reasons[0], "%s", reason);
}

static char root[256];

static void put(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void dir(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/cr_ingest_XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void walk(seen *s, cr_diag *d, const char *path, cr_err want)
{
	size_t stop = s->stop_after;
	memset(s, 0, sizeof *s);
	s->stop_after = stop;
	*d = (cr_diag){.fn = record, .ud = s};
	assert_int_equal(cr_ingest_path(path, sink, s, d), want);
}

static void test_directory_order_and_hidden(void **state)
{
	(void)state;
	dir("b_sub");
	dir(".git");
	put("c.txt", "Third\nThe third story.\n");
	put("a.txt", "First\nThe first story.\n");
	put(".hidden.txt", "Hidden\nNot read.\n");
	put(".git/HEAD", "ref: refs/heads/main\n");
	put("b_sub/x.txt", "Nested\nThe nested story.\n");
	put("b_sub/feed.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
	seen s = {0};
	cr_diag d;
	walk(&s, &d, root, CR_OK);
	assert_int_equal(d.n_rejected, 0);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.ids[0], "a");
	assert_string_equal(s.ids[1], "feed-1");
	assert_string_equal(s.ids[2], "feed-2");
	assert_int_equal(s.lines[2], 2);
	assert_string_equal(s.ids[3], "x");
	assert_string_equal(s.ids[4], "c");
	char want[512];
	snprintf(want, sizeof want, "%s/b_sub/x.txt", root);
	assert_string_equal(s.origins[3], want);
	assert_int_equal(s.lines[3], 0);
}

/* A corpus folder's README and notes are not articles; named on the
 * command line, such a file is read. */
static void test_documentation_skipped(void **state)
{
	(void)state;
	put("README.md", "# About this corpus\nIt holds two stories.\n");
	put("LICENSE", "Permission is granted to read.\n");
	put("notes.md", "Some notes\nabout sources.\n");
	put("story.txt", "A title\nA body sentence.\n");
	seen s = {0};
	cr_diag d;
	walk(&s, &d, root, CR_OK);
	assert_int_equal(d.n_rejected, 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.ids[0], "story");
	char path[512];
	snprintf(path, sizeof path, "%s/notes.md", root);
	walk(&s, &d, path, CR_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.ids[0], "notes");
}

static void test_sniffing(void **state)
{
	(void)state;
	seen s = {0};
	cr_diag d = {.fn = record, .ud = &s};
	/* '{' first (after white space) means JSON lines, whatever the
	 * name. */
	const char *jl = "\n  {\"id\":\"k\",\"text\":\"Body.\"}\n";
	assert_int_equal(
	        cr_ingest_buffer("notes.txt", jl, strlen(jl), sink, &s, &d),
	        CR_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.ids[0], "k");
	assert_int_equal(s.lines[0], 2);
	/* A .jsonl name means JSON lines even when the text is not. */
	const char *txt = "Title\nBody.\n";
	assert_int_equal(
	        cr_ingest_buffer("x.jsonl", txt, strlen(txt), sink, &s, &d),
	        CR_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(d.n_rejected, 2);
	/* Text otherwise; a BOM does not hide a '{'. */
	assert_int_equal(
	        cr_ingest_buffer("t.txt", txt, strlen(txt), sink, &s, &d),
	        CR_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.ids[1], "t");
	const char *bom = "\xEF\xBB\xBF{\"text\":\"b\"}";
	assert_int_equal(
	        cr_ingest_buffer("bom", bom, strlen(bom), sink, &s, &d), CR_OK);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.ids[2], "bom-1");
}

static void test_symlink_loop_and_depth(void **state)
{
	(void)state;
	dir("d");
	put("d/a.txt", "A\nThe story.\n");
	char link[512];
	snprintf(link, sizeof link, "%s/d/loop", root);
	assert_int_equal(symlink("..", link), 0);
	seen s = {0};
	cr_diag d;
	char path[512];
	snprintf(path, sizeof path, "%s/d", root);
	walk(&s, &d, path, CR_OK);
	/* d/a.txt, then loop -> root -> d (a loop, skipped). */
	assert_int_equal(s.n, 1);
	assert_int_equal(d.n_rejected, 1);
	assert_string_equal(s.reasons[0],
	                    "directory loop (already being read), skipped");

	/* A chain deeper than CR_MAX_DIR_DEPTH is cut there. */
	char p[4096];
	int k = snprintf(p, sizeof p, "%s/deep", root);
	assert_int_equal(mkdir(p, 0755), 0);
	for (int i = 0; i < CR_MAX_DIR_DEPTH + 3; i++) {
		k += snprintf(p + k, sizeof p - (size_t)k, "/s");
		assert_int_equal(mkdir(p, 0755), 0);
		char f[4200];
		snprintf(f, sizeof f, "%s/t.txt", p);
		FILE *fp = fopen(f, "w");
		assert_non_null(fp);
		fputs("T\nA story.\n", fp);
		fclose(fp);
	}
	snprintf(path, sizeof path, "%s/deep", root);
	walk(&s, &d, path, CR_OK);
	assert_int_equal(d.n_rejected, 1);
	assert_int_equal(s.n, CR_MAX_DIR_DEPTH);
	char want[128];
	snprintf(want, sizeof want,
	         "directory nested deeper than %d levels, skipped",
	         CR_MAX_DIR_DEPTH);
	assert_string_equal(s.reasons[0], want);
}

static void test_stdin(void **state)
{
	(void)state;
	put("in.txt", "From stdin\nThe piped story.\n");
	char path[512];
	snprintf(path, sizeof path, "%s/in.txt", root);
	int saved = dup(0);
	int fd = open(path, O_RDONLY);
	assert_true(saved >= 0 && fd >= 0);
	assert_int_equal(dup2(fd, 0), 0);
	close(fd);
	seen s = {0};
	cr_diag d;
	walk(&s, &d, "-", CR_OK);
	assert_int_equal(dup2(saved, 0), 0);
	close(saved);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.ids[0], "stdin");
	assert_string_equal(s.origins[0], "-");
}

static void test_sink_error_stops(void **state)
{
	(void)state;
	put("a.txt", "A\nOne.\n");
	put("b.txt", "B\nTwo.\n");
	put("c.jsonl", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n");
	seen s = {.stop_after = 1};
	cr_diag d;
	walk(&s, &d, root, CR_ENOMEM);
	assert_int_equal(s.n, 1);
	s.stop_after = 4;
	walk(&s, &d, root, CR_ENOMEM);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.ids[3], "c-2");
}

/* An HTML page over CR_HTML_MAX_BYTES is refused from its size alone,
 * whether known by its name or by its first bytes, with the file and
 * the limit named; a text file of the same size is not refused. */
static void test_html_cap_from_size(void **state)
{
	(void)state;
	const char *head = "<!DOCTYPE html><html><head><title>Storm "
	                   "warning</title></head><body><p>";
	const char *names[] = {"big.html", "big_page.dat", "big.txt"};
	for (int i = 0; i < 3; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", root, names[i]);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		assert_true(fd >= 0);
		/* The third is text that only starts like prose. */
		const char *h = i == 2 ? "Storm warning\nRain.\n" : head;
		assert_int_equal(write(fd, h, strlen(h)), (ssize_t)strlen(h));
		/* Sparse: no disk and no memory for the 33 MB. */
		assert_int_equal(ftruncate(fd, (off_t)CR_HTML_MAX_BYTES + 1),
		                 0);
		close(fd);
		seen s = {0};
		cr_diag d;
		walk(&s, &d, path, CR_OK);
		if (i < 2) {
			char want[256];
			snprintf(want, sizeof want,
			         "HTML page larger than the limit of %zu bytes "
			         "(%zu MB); not read",
			         CR_HTML_MAX_BYTES, CR_HTML_MAX_BYTES >> 20);
			assert_int_equal(d.n_rejected, 1);
			assert_int_equal(s.n_rep, 1);
			assert_string_equal(s.reasons[0], want);
			assert_int_equal(s.n, 0);
		} else {
			/* Text with NUL bytes past the head: rejected as
			 * binary, not for its size. */
			assert_int_equal(s.n_rep, 1);
			assert_null(strstr(s.reasons[0], "HTML page larger"));
		}
		unlink(path);
	}
}

/* A page streamed through a FIFO, whose size is unknown until read, is
 * cut at the HTML cap: the reader stops and closes, so the writer gets
 * EPIPE long before it has written all it meant to. */
static void test_html_cap_while_reading(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof path, "%s/stream.html", root);
	assert_int_equal(mkfifo(path, 0600), 0);
	const size_t total = CR_HTML_MAX_BYTES * 2;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGPIPE, SIG_IGN);
		int fd = open(path, O_WRONLY);
		if (fd < 0)
			_exit(3);
		static char chunk[65536];
		memset(chunk, 'x', sizeof chunk);
		memcpy(chunk, "<html><body><p>", 15);
		size_t done = 0;
		while (done < total) {
			ssize_t w = write(fd, chunk, sizeof chunk);
			if (w < 0)
				_exit(done <= CR_HTML_MAX_BYTES + (1u << 20)
				              ? 0
				              : 2);
			done += (size_t)w;
		}
		_exit(1); /* everything was read: no cap applied */
	}
	seen s = {0};
	cr_diag d;
	walk(&s, &d, path, CR_OK);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(d.n_rejected, 1);
	assert_non_null(strstr(s.reasons[0], "HTML page larger than the "
	                                     "limit"));
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_directory_order_and_hidden,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_sniffing, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_documentation_skipped,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_symlink_loop_and_depth,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_stdin, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_sink_error_stops, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_html_cap_from_size, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_html_cap_while_reading,
	                                        setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

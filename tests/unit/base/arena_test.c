/* arena_test.c - tests of src/base/arena.c and article.c. */
#include "test_util.h"

#include "base/arena.h"
#include "base/diag.h"
#include "crossread/err.h"

static void test_alloc_zeroed_aligned(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_create();
	assert_non_null(a);
	for (int i = 1; i < 2000; i += 37) {
		unsigned char *p = cr_arena_alloc(a, (size_t)i);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		for (int j = 0; j < i; j++)
			assert_int_equal(p[j], 0);
		memset(p, 0xab, (size_t)i);
	}
	cr_arena_destroy(a);
}

static void test_big_block_and_strings(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_create();
	char *small = cr_arena_strdup(a, "before");
	char *big = cr_arena_alloc(a, 1 << 20);
	assert_non_null(big);
	big[(1 << 20) - 1] = 'x';
	char *after = cr_arena_strndup(a, "after-and-more", 5);
	assert_string_equal(small, "before");
	assert_string_equal(after, "after");
	assert_string_equal(cr_arena_printf(a, "%d-%s", 42, "x"), "42-x");
	assert_true(cr_arena_used(a) >= (1u << 20));
	assert_null(cr_arena_strdup(a, NULL));
	cr_arena_destroy(a);
	cr_arena_destroy(NULL);
}

static void test_grow_keeps_prefix(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_create();
	int *v = NULL;
	size_t cap = 0;
	for (int i = 0; i < 1000; i++) {
		if ((size_t)i == cap) {
			size_t nc = cap ? cap * 2 : 4;
			v = cr_arena_grow(a, v, cap, nc, sizeof *v);
			assert_non_null(v);
			cap = nc;
		}
		v[i] = i * 3;
	}
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v[i], i * 3);
	cr_arena_destroy(a);
}

static void test_alloc_raw_and_grow_clears_tail(void **state)
{
	(void)state;
	/* The blocks of a freed arena are likely handed out again, dirty:
	 * what must be cleared then shows it. */
	cr_arena *d = cr_arena_create();
	assert_non_null(d);
	unsigned char *dirty = cr_arena_alloc_raw(d, 8000);
	assert_non_null(dirty);
	memset(dirty, 0x5a, 8000);
	cr_arena_destroy(d);
	cr_arena *a = cr_arena_create();
	assert_non_null(a);
	/* A raw block is aligned, writable, and apart from the next one,
	 * which is still cleared. */
	size_t before = cr_arena_used(a);
	unsigned char *raw = cr_arena_alloc_raw(a, 100);
	assert_non_null(raw);
	assert_int_equal((uintptr_t)raw % 16, 0);
	assert_true(cr_arena_used(a) >= before + 100);
	memset(raw, 0xab, 100);
	unsigned char *z = cr_arena_alloc(a, 100);
	assert_non_null(z);
	assert_true(z >= raw + 100 || z + 100 <= raw);
	for (int j = 0; j < 100; j++)
		assert_int_equal(z[j], 0);
	for (int j = 0; j < 100; j++)
		assert_int_equal(raw[j], 0xab);
	/* A big raw request gets its own block and keeps the small ones
	 * serving from the current block. */
	unsigned char *big = cr_arena_alloc_raw(a, 1 << 20);
	assert_non_null(big);
	memset(big, 0xcd, 1 << 20);
	char *s = cr_arena_strdup(a, "port strike");
	assert_string_equal(s, "port strike");
	assert_null(cr_arena_alloc_raw(a, CR_ARENA_MAX_BYTES + 1));
	assert_null(cr_arena_alloc_raw(NULL, 8));
	/* grow keeps the old elements and clears the new ones. */
	int *v = cr_arena_grow(a, NULL, 0, 4, sizeof *v);
	assert_non_null(v);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(v[i], 0);
		v[i] = -1;
	}
	int *w = cr_arena_grow(a, v, 4, 9, sizeof *w);
	assert_non_null(w);
	for (int i = 0; i < 4; i++)
		assert_int_equal(w[i], -1);
	for (int i = 4; i < 9; i++)
		assert_int_equal(w[i], 0);
	/* Shrinking copies only what fits. */
	int *u = cr_arena_grow(a, w, 9, 2, sizeof *u);
	assert_non_null(u);
	assert_int_equal(u[0], -1);
	assert_int_equal(u[1], -1);
	cr_arena_destroy(a);
}

static void test_limit_refuses(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_create();
	assert_null(cr_arena_alloc(a, CR_ARENA_MAX_BYTES + 1));
	assert_null(cr_arena_grow(a, NULL, 0, SIZE_MAX / 2, 8));
	cr_arena_destroy(a);
}

static int n_seen;
static void sink(void *ud, const char *file, uint64_t line, cr_err code,
                 const char *reason)
{
	(void)ud;
	n_seen++;
	assert_string_equal(file, "x.jsonl");
	assert_int_equal(line, 7);
	assert_int_equal(code, CR_EJSON);
	assert_string_equal(reason, "bad 3");
}

static void test_diag_and_err(void **state)
{
	(void)state;
	cr_diag d = {.fn = sink};
	cr_diag_reject(&d, "x.jsonl", 7, CR_EJSON, "bad %d", 3);
	assert_int_equal(d.n_rejected, 1);
	assert_int_equal(n_seen, 1);
	cr_diag_reject(NULL, "x", 1, CR_EIO, "ignored");
	assert_string_equal(cr_strerror(CR_OK), "success");
	assert_string_equal(cr_strerror(CR_EJSON), "malformed JSON");
	assert_string_equal(cr_strerror((cr_err)999), "unknown error");
}

static void test_article_lifecycle(void **state)
{
	(void)state;
	cr_article *a = cr_article_create();
	assert_non_null(a);
	assert_true(a->published == CR_TIME_NONE);
	assert_null(a->body);
	cr_article_destroy(a);
	cr_article_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_alloc_zeroed_aligned),
	        cmocka_unit_test(test_big_block_and_strings),
	        cmocka_unit_test(test_grow_keeps_prefix),
	        cmocka_unit_test(test_limit_refuses),
	        cmocka_unit_test(test_alloc_raw_and_grow_clears_tail),
	        cmocka_unit_test(test_diag_and_err),
	        cmocka_unit_test(test_article_lifecycle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

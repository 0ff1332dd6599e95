/*
 * textfile.c - one plain-text article per file; see textfile.h.
 *
 * The bytes are repaired to valid UTF-8 once, here, straight into the
 * article's arena; that copy is article->raw. Title and body are left to
 * cleaning (clean.h). Assumes the caller (ingest.c) has already rejected
 * empty and binary files.
 *
 * A text longer than CR_MAX_TEXT_BYTES (for instance a single 50 MB line)
 * is rejected as too big for one article, not truncated: a cut article
 * would silently lose its end, and a file that big is almost never one
 * news article. The check comes before any copy, so it costs nothing.
 */
#include "ingest/textfile.h"

#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "ingest/ingest.h"
#include "text/utf8.h"

char *cr_id_from_path(cr_arena *a, const char *path)
{
	if (!path)
		return NULL;
	if (strcmp(path, "-") == 0)
		return cr_arena_strdup(a, "stdin");
	size_t n = strlen(path);
	/* Ignore trailing slashes, then take the last component. */
	while (n > 1 && path[n - 1] == '/')
		n--;
	size_t b = n;
	while (b > 0 && path[b - 1] != '/')
		b--;
	const char *base = path + b;
	size_t len = n - b;
	/* Drop the extension, but keep a leading dot ("." files). */
	for (size_t i = len; i > 1; i--) {
		if (base[i - 1] == '.') {
			len = i - 1;
			break;
		}
	}
	return cr_arena_strndup(a, base, len);
}

/* 1-based line of byte offset off in data. */
static uint64_t line_of(const char *data, size_t off)
{
	uint64_t line = 1;
	const char *p = data, *end = data + off;
	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

cr_err cr_textfile_read(const char *name, const char *data, size_t n,
                        cr_article **out, cr_diag *d)
{
	*out = NULL;
	if (n > CR_MAX_TEXT_BYTES) {
		cr_diag_reject(d, name, 0, CR_ETOOBIG,
		               "text larger than %zu bytes (one article)",
		               CR_MAX_TEXT_BYTES);
		return CR_ETOOBIG;
	}
	cr_article *a = cr_article_create();
	if (!a)
		return CR_ENOMEM;
	char *raw = NULL;
	size_t raw_len = 0, n_bad = 0, first_bad = SIZE_MAX;
	cr_err e = cr_utf8_repair(a->arena, data, n, &raw, &raw_len, &n_bad,
	                          &first_bad);
	if (e != CR_OK)
		goto fail;
	if (raw_len > CR_MAX_TEXT_BYTES) {
		/* Repair can grow the text (U+FFFD is three bytes). */
		cr_diag_reject(d, name, 0, CR_ETOOBIG,
		               "text larger than %zu bytes (one article)",
		               CR_MAX_TEXT_BYTES);
		e = CR_ETOOBIG;
		goto fail;
	}
	if (n_bad > 0) {
		uint64_t line = first_bad < n ? line_of(data, first_bad) : 0;
		cr_diag_warn(d, name, line, CR_EUTF8,
		             "invalid UTF-8 at line %llu, byte offset %zu, "
		             "repaired",
		             (unsigned long long)line, first_bad);
	}
	a->raw = raw;
	a->raw_len = (uint32_t)raw_len;
	a->id = cr_id_from_path(a->arena, name);
	a->origin = cr_arena_strdup(a->arena, name ? name : "-");
	a->origin_line = 0;
	if (!a->id || !a->origin) {
		e = CR_ENOMEM;
		goto fail;
	}
	*out = a;
	return CR_OK;
fail:
	cr_article_destroy(a);
	return e;
}

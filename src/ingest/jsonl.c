/*
 * jsonl.c - JSON lines, one article per line; see jsonl.h.
 *
 * Each line is parsed on its own with jansson (duplicate keys rejected),
 * so one bad line costs only itself. Before jansson sees a line we check
 * its length (CR_MAX_LINE_BYTES), its nesting (CR_MAX_JSON_DEPTH) and its
 * UTF-8; a line with invalid UTF-8 is repaired, reported as a warning and
 * kept. The text field is copied into the article's arena through
 * cr_utf8_repair, which also turns \r\n into \n and drops control
 * characters that escapes may have produced.
 */
#include "ingest/jsonl.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "ingest/textfile.h"
#include "text/utf8.h"

/* Latest epoch second we accept: 9999-12-31T23:59:59Z. */
#define CR_MAX_EPOCH 253402300799.0

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 ? 28 + leap : dm[m - 1];
}

/* Reads exactly n digits at *p into *v and advances. */
static int digits(const char **p, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return 0;
		x = x * 10 + (c - '0');
	}
	*p += n;
	*v = x;
	return 1;
}

int cr_parse_iso8601(const char *s, int64_t *out)
{
	if (!s)
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) ||
	    *s++ != '-' || !digits(&s, 2, &d))
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return 0;
	int64_t offset = 0;
	if ((*s == 'T' || *s == 't' || *s == ' ') && s[1] >= '0' &&
	    s[1] <= '9') {
		s++;
		if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
			return 0;
		if (*s == ':') {
			s++;
			if (!digits(&s, 2, &sec))
				return 0;
			if (*s == '.' || *s == ',') {
				s++;
				if (*s < '0' || *s > '9')
					return 0;
				while (*s >= '0' && *s <= '9')
					s++;
			}
		}
		if (h > 24 || mi > 59 || sec > 60 || (h == 24 && (mi || sec)))
			return 0;
		if (*s == 'Z' || *s == 'z') {
			s++;
		} else if (*s == '+' || *s == '-') {
			int sign = *s++ == '-' ? -1 : 1, oh, om = 0;
			if (!digits(&s, 2, &oh))
				return 0;
			if (*s == ':')
				s++;
			if (*s >= '0' && *s <= '9' && !digits(&s, 2, &om))
				return 0;
			if (oh > 23 || om > 59)
				return 0;
			offset = sign * (oh * 3600 + om * 60);
		}
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s)
		return 0;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	       offset;
	return 1;
}

/* Nesting depth of a JSON text, counting brackets outside strings. Stops
 * counting once past limit. */
static int json_depth(const char *s, size_t n, int limit)
{
	int depth = 0, max = 0, in_str = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == '{' || c == '[') {
			if (++depth > max && (max = depth) > limit)
				return max;
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return max;
}

/* 1 when n bytes at s are valid UTF-8 (ASCII fast path). */
static int valid_utf8(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t adv = 1;
		if (cr_utf8_decode(s + i, n - i, &adv) < 0)
			return 0;
		i += adv;
	}
	return 1;
}

/* Blank within a line: space, tab, CR, FF, VT (not NUL). */
static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

typedef struct line_ctx {
	const char *name;
	uint64_t line;
	size_t line_off; /* byte offset of the line in the file */
	cr_diag *d;
	const char *file_id;
} line_ctx;

/* An optional string field: *out NULL when absent or null. Returns 0
 * (after reporting) when the field has another type. */
static int opt_string(line_ctx *c, json_t *obj, const char *key,
                      const char **out)
{
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return 1;
	if (!json_is_string(v)) {
		cr_diag_reject(c->d, c->name, c->line, CR_EFIELD,
		               "field \"%s\" is not a string", key);
		return 0;
	}
	*out = json_string_value(v);
	return 1;
}

/* Copies a metadata string into the arena, trimmed; NULL when empty.
 * Sets *oom on allocation failure. */
static const char *meta(cr_arena *a, const char *s, int *oom)
{
	if (!s)
		return NULL;
	while (is_blank(*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	if (n == 0)
		return NULL;
	char *r = cr_arena_strndup(a, s, n);
	if (!r)
		*oom = 1;
	return r;
}

/* Builds an article from one parsed line. Returns CR_OK with *out set,
 * or the error (reported unless CR_ENOMEM). */
static cr_err article_of(line_ctx *c, json_t *obj, cr_article **out)
{
	*out = NULL;
	if (!json_is_object(obj)) {
		cr_diag_reject(c->d, c->name, c->line, CR_EFIELD,
		               "not a JSON object");
		return CR_EFIELD;
	}
	json_t *text = json_object_get(obj, "text");
	if (!text || json_is_null(text)) {
		cr_diag_reject(c->d, c->name, c->line, CR_EFIELD,
		               "missing field \"text\"");
		return CR_EFIELD;
	}
	if (!json_is_string(text)) {
		cr_diag_reject(c->d, c->name, c->line, CR_EFIELD,
		               "field \"text\" is not a string");
		return CR_EFIELD;
	}
	size_t text_len = json_string_length(text);
	if (text_len > CR_MAX_TEXT_BYTES) {
		cr_diag_reject(c->d, c->name, c->line, CR_ETOOBIG,
		               "text larger than %zu bytes", CR_MAX_TEXT_BYTES);
		return CR_ETOOBIG;
	}
	const char *source, *url, *title, *lang, *id_s = NULL;
	if (!opt_string(c, obj, "source", &source) ||
	    !opt_string(c, obj, "url", &url) ||
	    !opt_string(c, obj, "title", &title) ||
	    !opt_string(c, obj, "lang", &lang))
		return CR_EFIELD;
	json_t *id = json_object_get(obj, "id");
	char id_buf[32];
	if (json_is_integer(id)) {
		snprintf(id_buf, sizeof id_buf, "%lld",
		         (long long)json_integer_value(id));
		id_s = id_buf;
	} else if (id && !json_is_null(id)) {
		if (!json_is_string(id)) {
			cr_diag_reject(c->d, c->name, c->line, CR_EFIELD,
			               "field \"id\" is not a string");
			return CR_EFIELD;
		}
		id_s = json_string_value(id);
	}
	int64_t published = CR_TIME_NONE;
	json_t *pub = json_object_get(obj, "published");
	if (json_is_string(pub)) {
		if (!cr_parse_iso8601(json_string_value(pub), &published)) {
			published = CR_TIME_NONE;
			cr_diag_warn(c->d, c->name, c->line, CR_EFIELD,
			             "field \"published\" is not an ISO 8601 "
			             "date, ignored");
		}
	} else if (json_is_number(pub)) {
		double v = json_number_value(pub);
		if (isfinite(v) && fabs(v) <= CR_MAX_EPOCH)
			published = json_is_integer(pub)
			                    ? (int64_t)json_integer_value(pub)
			                    : (int64_t)floor(v);
		else
			cr_diag_warn(c->d, c->name, c->line, CR_EFIELD,
			             "field \"published\" is out of range, "
			             "ignored");
	} else if (pub && !json_is_null(pub)) {
		cr_diag_reject(c->d, c->name, c->line, CR_EFIELD,
		               "field \"published\" is not a date or a number");
		return CR_EFIELD;
	}

	cr_article *a = cr_article_create();
	if (!a)
		return CR_ENOMEM;
	char *raw = NULL;
	size_t raw_len = 0, n_bad = 0, first_bad = 0;
	cr_err e = cr_utf8_repair(a->arena, json_string_value(text), text_len,
	                          &raw, &raw_len, &n_bad, &first_bad);
	if (e != CR_OK)
		goto fail;
	if (raw_len > CR_MAX_TEXT_BYTES) {
		cr_diag_reject(c->d, c->name, c->line, CR_ETOOBIG,
		               "text larger than %zu bytes", CR_MAX_TEXT_BYTES);
		e = CR_ETOOBIG;
		goto fail;
	}
	int oom = 0;
	a->raw = raw;
	a->raw_len = (uint32_t)raw_len;
	a->source = meta(a->arena, source, &oom);
	a->url = meta(a->arena, url, &oom);
	a->lang = meta(a->arena, lang, &oom);
	if (title) {
		/* A title field, even empty, means text is the body only. */
		a->title_given = 1;
		a->title = meta(a->arena, title, &oom);
	}
	a->published = published;
	a->id = meta(a->arena, id_s, &oom);
	if (!a->id)
		a->id = cr_arena_printf(a->arena, "%s-%llu", c->file_id,
		                        (unsigned long long)c->line);
	a->origin = cr_arena_strdup(a->arena, c->name);
	a->origin_line = c->line;
	if (oom || !a->id || !a->origin) {
		e = CR_ENOMEM;
		goto fail;
	}
	*out = a;
	return CR_OK;
fail:
	cr_article_destroy(a);
	return e;
}

/* Parses one non-blank line and passes its article to the sink. Only the
 * sink's error and CR_ENOMEM are returned; the rest is reported. */
static cr_err read_line(line_ctx *c, const char *s, size_t n,
                        cr_article_sink sink, void *ud)
{
	if (n > CR_MAX_LINE_BYTES) {
		cr_diag_reject(c->d, c->name, c->line, CR_ETOOBIG,
		               "line longer than %zu bytes", CR_MAX_LINE_BYTES);
		return CR_OK;
	}
	if (json_depth(s, n, CR_MAX_JSON_DEPTH) > CR_MAX_JSON_DEPTH) {
		cr_diag_reject(c->d, c->name, c->line, CR_ETOODEEP,
		               "JSON nested deeper than %d levels",
		               CR_MAX_JSON_DEPTH);
		return CR_OK;
	}
	cr_arena *scratch = NULL;
	cr_err e = CR_OK;
	if (!valid_utf8(s, n)) {
		char *fixed = NULL;
		size_t fixed_n = 0, n_bad = 0, first_bad = 0;
		if (!(scratch = cr_arena_create()))
			return CR_ENOMEM;
		e = cr_utf8_repair(scratch, s, n, &fixed, &fixed_n, &n_bad,
		                   &first_bad);
		if (e != CR_OK)
			goto out;
		cr_diag_warn(c->d, c->name, c->line, CR_EUTF8,
		             "invalid UTF-8 at line %llu, byte offset %zu, "
		             "repaired",
		             (unsigned long long)c->line,
		             c->line_off + first_bad);
		s = fixed;
		n = fixed_n;
	}
	json_error_t err;
	json_t *root = json_loadb(s, n, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		cr_diag_reject(c->d, c->name, c->line, CR_EJSON,
		               "%s (column %d)", err.text, err.column);
		goto out;
	}
	cr_article *a = NULL;
	e = article_of(c, root, &a);
	json_decref(root);
	if (e == CR_OK)
		e = sink(ud, a);
	else if (e != CR_ENOMEM)
		e = CR_OK; /* reported */
out:
	cr_arena_destroy(scratch);
	return e;
}

/* Reads the lines of data[0..n), whose first byte is at file offset
 * base. Without final, the bytes after the last newline are a line still
 * being read: they are left, and *used says where they start. */
static cr_err read_lines(line_ctx *c, const char *data, size_t n, size_t base,
                         int final, size_t *used, cr_article_sink sink,
                         void *ud)
{
	cr_err e = CR_OK;
	size_t i = 0;
	while (i < n && e == CR_OK) {
		const char *nl = memchr(data + i, '\n', n - i);
		if (!nl && !final)
			break;
		size_t end = nl ? (size_t)(nl - data) : n;
		c->line++;
		size_t b = i, k = end;
		while (b < k && is_blank(data[b]))
			b++;
		while (k > b && is_blank(data[k - 1]))
			k--;
		c->line_off = base + b;
		if (k > b)
			e = read_line(c, data + b, k - b, sink, ud);
		i = end + 1;
	}
	*used = i < n ? i : n;
	return e;
}

cr_err cr_jsonl_read(const char *name, const char *data, size_t n,
                     cr_article_sink sink, void *ud, cr_diag *d)
{
	if (!name)
		name = "-";
	cr_arena *ids = cr_arena_create();
	if (!ids)
		return CR_ENOMEM;
	line_ctx c = {
	        .name = name, .d = d, .file_id = cr_id_from_path(ids, name)};
	cr_err e = c.file_id ? CR_OK : CR_ENOMEM;
	size_t i = 0, used;
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (e == CR_OK)
		e = read_lines(&c, data + i, n - i, i, 1, &used, sink, ud);
	cr_arena_destroy(ids);
	return e;
}

cr_err cr_jsonl_read_fd(const char *name, int fd, cr_article_sink sink,
                        void *ud, cr_diag *d)
{
	return cr_jsonl_read_fd_chunk(name, fd, CR_JSONL_CHUNK_BYTES, sink, ud,
	                              d);
}

cr_err cr_jsonl_read_fd_chunk(const char *name, int fd, size_t chunk,
                              cr_article_sink sink, void *ud, cr_diag *d)
{
	if (!name)
		name = "-";
	if (chunk < 8)
		chunk = 8;
	cr_arena *ids = cr_arena_create();
	/* A chunk; it grows while one line fills it, up to the line cap. */
	size_t cap = chunk;
	char *buf = malloc(cap);
	line_ctx c = {.name = name, .d = d};
	cr_err e = CR_ENOMEM;
	if (!ids || !buf || !(c.file_id = cr_id_from_path(ids, name)))
		goto out;
	e = CR_OK;
	size_t len = 0;   /* bytes in buf */
	size_t base = 0;  /* file offset of buf[0] */
	int skipping = 0; /* inside a line too long to keep */
	int first = 1, eof = 0;
	while (e == CR_OK && !eof) {
		if (len == cap) {
			/* One line fills the buffer: grow to the line cap,
			 * past it drop the line up to its newline. */
			if (cap <= CR_MAX_LINE_BYTES) {
				size_t nc = cap * 2 > CR_MAX_LINE_BYTES + 1
				                    ? CR_MAX_LINE_BYTES + 1
				                    : cap * 2;
				char *nb = realloc(buf, nc);
				if (!nb) {
					e = CR_ENOMEM;
					break;
				}
				buf = nb;
				cap = nc;
			} else {
				if (!skipping) {
					c.line++;
					cr_diag_reject(d, name, c.line,
					               CR_ETOOBIG,
					               "line longer than %zu "
					               "bytes",
					               CR_MAX_LINE_BYTES);
				}
				skipping = 1;
				base += len;
				len = 0;
			}
		}
		ssize_t r = read(fd, buf + len, cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			cr_diag_reject(d, name, c.line, CR_EIO,
			               "read error after byte %zu: %s",
			               base + len, strerror(errno));
			break;
		}
		eof = r == 0;
		len += (size_t)r;
		size_t i = 0;
		if (first && len >= 3) {
			first = 0;
			if (memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
				i = 3;
		}
		if (skipping) {
			const char *nl = memchr(buf, '\n', len);
			if (!nl) {
				base += len;
				len = 0;
				continue;
			}
			i = (size_t)(nl - buf) + 1;
			skipping = 0;
		}
		size_t used;
		e = read_lines(&c, buf + i, len - i, base + i, eof, &used, sink,
		               ud);
		used += i;
		memmove(buf, buf + used, len - used);
		base += used;
		len -= used;
	}
out:
	free(buf);
	cr_arena_destroy(ids);
	return e;
}

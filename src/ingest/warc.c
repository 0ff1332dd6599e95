/*
 * warc.c - streaming WARC reader; see warc.h.
 *
 * Two layers. The gzip layer inflates one member at a time into the
 * record window (zlib, windowBits 16 + 15 so only gzip is accepted) and
 * hands each whole member to the record layer; a plain archive is read
 * into the same window in big chunks instead. The record layer parses
 * the records in the window: a header block ending in a blank line, a
 * block of Content-Length bytes, then CRLF CRLF. It works on what the
 * window holds and says how much it consumed, so the window is compacted
 * and refilled and never holds more than one record (plus the tail of
 * the next). Resync after damage looks for "WARC/1." at the start of a
 * line (plain) or for the next gzip magic 1f 8b 08 (gzip); while
 * looking, no further reports are made, so one damage gives one report.
 *
 * Assumes what the WARC spec says and Common Crawl does: one record per
 * gzip member. A member that holds several records works as long as it
 * inflates to less than the window; a whole archive gzipped as one
 * stream of that size is reported as too big.
 */
#include "ingest/warc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "base/arena.h"
#include "ingest/html.h"
#include "ingest/jsonl.h"
#include "ingest/textfile.h"
#include "text/utf8.h"

/* Compressed (or plain) bytes read from the file at a time. */
#define CR_WARC_IN_BYTES ((size_t)64 << 10)
/* The window's first size; it doubles as records need, up to WIN_MAX. */
#define CR_WARC_WINDOW0 ((size_t)256 << 10)
/* The window holds a whole record: header, block and trailer. */
#define WIN_MAX (CR_MAX_WARC_RECORD + CR_MAX_WARC_HEADER + 8)

typedef struct rd {
	const char *name;
	cr_diag *d;
	cr_article_sink sink;
	void *ud;
	char *file_id; /* malloc'd */

	/* the source: a file descriptor or a memory buffer */
	int fd;
	const unsigned char *mem;
	size_t mem_n, mem_pos;
	int eof;

	/* input buffer: in[in_pos, in_end) not yet used; in_off is the file
	 * offset of in[0] */
	unsigned char *in;
	size_t in_pos, in_end;
	uint64_t in_off;

	/* the record window */
	unsigned char *w;
	size_t w_cap, w_n;

	int skipping;       /* looking for the next record; reports muted */
	uint64_t n_records; /* records seen, for ids */
	cr_err err;         /* CR_ENOMEM or the sink's error: stops reading */
} rd;

/* Reports damage at a position: the file offset (plain), or the gzip
 * member's file offset plus, past the member's first record, where in
 * the inflated member. */
static void report(rd *r, uint64_t base, size_t pos, int gz, cr_err code,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void report(rd *r, uint64_t base, size_t pos, int gz, cr_err code,
                   const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (gz && pos > 0)
		cr_diag_reject(r->d, r->name, 0, code,
		               "offset %llu (+%zu inflated): %s",
		               (unsigned long long)base, pos, msg);
	else
		cr_diag_reject(r->d, r->name, 0, code, "offset %llu: %s",
		               (unsigned long long)(base + (gz ? 0 : pos)),
		               msg);
}

/* Reads up to n bytes from the source; 0 at the end or on a read error
 * (reported once). */
static size_t src_read(rd *r, unsigned char *dst, size_t n)
{
	if (r->eof || n == 0)
		return 0;
	if (r->mem) {
		size_t k = r->mem_n - r->mem_pos;
		if (k > n)
			k = n;
		memcpy(dst, r->mem + r->mem_pos, k);
		r->mem_pos += k;
		if (k == 0)
			r->eof = 1;
		return k;
	}
	for (;;) {
		ssize_t k = read(r->fd, dst, n);
		if (k > 0)
			return (size_t)k;
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			cr_diag_reject(r->d, r->name, 0, CR_EIO,
			               "read error: %s; the rest is lost",
			               strerror(errno));
		r->eof = 1;
		return 0;
	}
}

/* Moves unused input to the front and reads more; returns the bytes
 * available. */
static size_t refill(rd *r)
{
	if (r->in_pos > 0) {
		memmove(r->in, r->in + r->in_pos, r->in_end - r->in_pos);
		r->in_off += r->in_pos;
		r->in_end -= r->in_pos;
		r->in_pos = 0;
	}
	while (r->in_end < CR_WARC_IN_BYTES && !r->eof) {
		size_t k = src_read(r, r->in + r->in_end,
		                    CR_WARC_IN_BYTES - r->in_end);
		r->in_end += k;
		if (k == 0)
			break;
	}
	return r->in_end - r->in_pos;
}

/* Grows the window to at least want bytes (at most WIN_MAX). */
static int grow_window(rd *r, size_t want)
{
	if (want <= r->w_cap)
		return 1;
	size_t nc = r->w_cap ? r->w_cap : CR_WARC_WINDOW0;
	while (nc < want)
		nc *= 2;
	if (nc > WIN_MAX)
		nc = WIN_MAX;
	unsigned char *nw = realloc(r->w, nc);
	if (!nw) {
		r->err = CR_ENOMEM;
		return 0;
	}
	r->w = nw;
	r->w_cap = nc;
	return 1;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 1 when s (n bytes) equals the ASCII word w, ignoring case. */
static int eq_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	if (n != m)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

/* 1 when s (n bytes) starts with w, ignoring case. */
static int starts_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	return n >= m && eq_ci(s, m, w);
}

/* A header value: a slice of the window. */
typedef struct slice {
	const char *p;
	size_t n;
} slice;

/* Index just past the blank line ending a header block that starts at
 * b[0], searching at most lim bytes; 0 when not found. Accepts CRLF and
 * bare LF line ends. */
static size_t header_end(const unsigned char *b, size_t lim)
{
	for (size_t i = 0; i + 1 < lim; i++) {
		const unsigned char *nl = memchr(b + i, '\n', lim - i - 1);
		if (!nl)
			return 0;
		i = (size_t)(nl - b);
		if (b[i + 1] == '\n')
			return i + 2;
		if (b[i + 1] == '\r' && i + 2 < lim && b[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* Calls fn for each "Name: value" line of a header block after its first
 * line; values are trimmed. Stops at the blank line. */
typedef void (*field_fn)(void *ud, slice name, slice value);
static void each_field(const char *h, size_t n, field_fn fn, void *ud)
{
	const char *p = memchr(h, '\n', n);
	const char *end = h + n;
	while (p && ++p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		const char *colon = memchr(p, ':', (size_t)(e - p));
		if (colon) {
			slice nm = {p, (size_t)(colon - p)};
			const char *v = colon + 1, *ve = e;
			while (v < ve && (*v == ' ' || *v == '\t'))
				v++;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' ||
			                  ve[-1] == '\t'))
				ve--;
			while (nm.n && (nm.p[nm.n - 1] == ' ' ||
			                nm.p[nm.n - 1] == '\t'))
				nm.n--;
			fn(ud, nm, (slice){v, (size_t)(ve - v)});
		}
		p = e;
	}
}

typedef struct warc_fields {
	slice type, length, uri, date;
} warc_fields;

static void warc_field(void *ud, slice nm, slice v)
{
	warc_fields *f = ud;
	if (eq_ci(nm.p, nm.n, "warc-type"))
		f->type = v;
	else if (eq_ci(nm.p, nm.n, "content-length"))
		f->length = v;
	else if (eq_ci(nm.p, nm.n, "warc-target-uri"))
		f->uri = v;
	else if (eq_ci(nm.p, nm.n, "warc-date"))
		f->date = v;
}

typedef struct http_fields {
	slice ctype, cenc, tenc;
} http_fields;

static void http_field(void *ud, slice nm, slice v)
{
	http_fields *f = ud;
	if (eq_ci(nm.p, nm.n, "content-type"))
		f->ctype = v;
	else if (eq_ci(nm.p, nm.n, "content-encoding"))
		f->cenc = v;
	else if (eq_ci(nm.p, nm.n, "transfer-encoding"))
		f->tenc = v;
}

/* Decodes a chunked body in place; returns its new length, or SIZE_MAX
 * when the chunking is malformed. */
static size_t dechunk(char *b, size_t n)
{
	size_t i = 0, o = 0;
	for (;;) {
		size_t len = 0;
		int digits = 0;
		while (i < n) {
			int c = lower((unsigned char)b[i]);
			int v = c >= '0' && c <= '9'   ? c - '0'
			        : c >= 'a' && c <= 'f' ? c - 'a' + 10
			                               : -1;
			if (v < 0)
				break;
			if (len > (SIZE_MAX >> 4))
				return SIZE_MAX;
			len = len * 16 + (size_t)v;
			digits++;
			i++;
		}
		const char *nl = i < n ? memchr(b + i, '\n', n - i) : NULL;
		if (!digits || !nl)
			return SIZE_MAX;
		i = (size_t)(nl - b) + 1;
		if (len == 0)
			return o;
		if (len > n - i)
			return SIZE_MAX;
		memmove(b + o, b + i, len);
		o += len;
		i += len;
		if (i < n && b[i] == '\r')
			i++;
		if (i < n && b[i] == '\n')
			i++;
	}
}

/* Makes an article of one response record's block, if it carries an
 * HTML page, and passes it to the sink. Problems are reported; only
 * CR_ENOMEM and the sink's error are kept in r->err. */
static void response(rd *r, const warc_fields *f, char *block, size_t n,
                     uint64_t base, size_t pos, int gz)
{
	if (n < 5 || memcmp(block, "HTTP/", 5) != 0)
		return; /* not an HTTP response: nothing for us */
	size_t lim = n < CR_MAX_WARC_HEADER ? n : CR_MAX_WARC_HEADER;
	size_t he = header_end((const unsigned char *)block, lim);
	if (!he) {
		report(r, base, pos, gz, CR_EFORMAT,
		       "HTTP header of %.*s not terminated within %zu bytes, "
		       "skipped",
		       (int)(f->uri.n < 200 ? f->uri.n : 200), f->uri.p, lim);
		return;
	}
	const char *sp = memchr(block, ' ', he);
	int status = 0;
	for (const char *q = sp ? sp + 1 : block + he;
	     q < block + he && *q >= '0' && *q <= '9' && status < 1000; q++)
		status = status * 10 + (*q - '0');
	if (status < 200 || status > 299)
		return; /* redirects and errors carry no article */
	http_fields h = {0};
	each_field(block, he, http_field, &h);
	if (!(starts_ci(h.ctype.p, h.ctype.n, "text/html") ||
	      starts_ci(h.ctype.p, h.ctype.n, "application/xhtml+xml")))
		return;
	char *payload = block + he;
	size_t pn = n - he;
	if (h.cenc.n && !eq_ci(h.cenc.p, h.cenc.n, "identity")) {
		report(r, base, pos, gz, CR_EFORMAT,
		       "%.*s: HTTP payload is %.*s-encoded, skipped",
		       (int)(f->uri.n < 200 ? f->uri.n : 200), f->uri.p,
		       (int)(h.cenc.n < 40 ? h.cenc.n : 40), h.cenc.p);
		return;
	}
	if (h.tenc.n && starts_ci(h.tenc.p, h.tenc.n, "chunked")) {
		pn = dechunk(payload, pn);
		if (pn == SIZE_MAX) {
			report(r, base, pos, gz, CR_EFORMAT,
			       "%.*s: malformed chunked HTTP payload, skipped",
			       (int)(f->uri.n < 200 ? f->uri.n : 200),
			       f->uri.p);
			return;
		}
	}
	/* The extractor names the record by its offset in its reports. */
	char where[600], ctype[256];
	unsigned long long off = (unsigned long long)base + (gz ? 0 : pos);
	snprintf(where, sizeof where, "%s: offset %llu", r->name, off);
	snprintf(ctype, sizeof ctype, "%.*s",
	         (int)(h.ctype.n < 255 ? h.ctype.n : 255), h.ctype.p);
	cr_article *a = NULL;
	cr_html_info info;
	cr_err e = cr_html_extract(where, payload, pn, ctype, &a, &info, r->d);
	if (e == CR_ENOMEM) {
		r->err = e;
		return;
	}
	if (e != CR_OK)
		return; /* reported by the extractor */
	if (!info.is_article) {
		cr_diag_warn(r->d, where, 0, CR_EFORMAT,
		             "%.*s: not an article (%s), skipped",
		             (int)(f->uri.n < 200 ? f->uri.n : 200), f->uri.p,
		             info.page_why ? info.page_why : "no article text");
		cr_article_destroy(a);
		return;
	}
	a->id = cr_arena_printf(a->arena, "%s-%llu", r->file_id,
	                        (unsigned long long)r->n_records);
	a->origin = cr_arena_strdup(a->arena, r->name);
	a->origin_line = 0;
	if (f->uri.n)
		a->url = cr_arena_strndup(a->arena, f->uri.p, f->uri.n);
	if (a->published == CR_TIME_NONE && f->date.n && f->date.n < 64) {
		char ds[64];
		memcpy(ds, f->date.p, f->date.n);
		ds[f->date.n] = '\0';
		int64_t t;
		if (cr_parse_iso8601(ds, &t))
			a->published = t;
	}
	if (!a->id || !a->origin || (f->uri.n && !a->url)) {
		cr_article_destroy(a);
		r->err = CR_ENOMEM;
		return;
	}
	e = r->sink(r->ud, a);
	if (e != CR_OK)
		r->err = e;
}

/* Index of the next "WARC/1." at the start of a line in b[from, n), or
 * SIZE_MAX. Position 0 counts as a line start. */
static size_t next_record(const unsigned char *b, size_t from, size_t n)
{
	while (from < n) {
		const unsigned char *m =
		        memmem(b + from, n - from, "WARC/1.", 7);
		if (!m)
			return SIZE_MAX;
		size_t i = (size_t)(m - b);
		if (i == 0 || b[i - 1] == '\n')
			return i;
		from = i + 1;
	}
	return SIZE_MAX;
}

/* Parses the records in b[0, n). final says no more bytes follow (end of
 * a gzip member or of the file). Returns the bytes consumed; when a
 * record is incomplete and more may come, stops before it and sets *need
 * to the bytes the window must hold from there. base and gz say how to
 * report positions (see report()). */
static size_t parse_records(rd *r, unsigned char *b, size_t n, int final,
                            uint64_t base, int gz, size_t *need)
{
	size_t pos = 0;
	*need = 0;
	while (pos < n && r->err == CR_OK) {
		if (r->skipping || memcmp(b + pos, "WARC/1.",
		                          n - pos < 7 ? n - pos : 7) != 0) {
			/* Blank lines between records are fine. */
			if (!r->skipping &&
			    (b[pos] == '\r' || b[pos] == '\n')) {
				pos++;
				continue;
			}
			size_t nx =
			        next_record(b, pos + (r->skipping ? 0 : 1), n);
			if (!r->skipping)
				report(r, base, pos, gz, CR_EFORMAT,
				       "not a WARC record header, skipped to "
				       "the next record");
			if (nx == SIZE_MAX) {
				r->skipping = 1;
				if (final)
					return n;
				/* Keep a tail that may hold a split "WARC/1.".
				 */
				return n - pos > 8 ? n - 8 : pos;
			}
			r->skipping = 0;
			pos = nx;
			continue;
		}
		if (n - pos < 8) {
			if (!final)
				return pos;
			report(r, base, pos, gz, CR_EFORMAT,
			       "truncated record header at the end");
			return n;
		}
		size_t left = n - pos;
		size_t lim =
		        left < CR_MAX_WARC_HEADER ? left : CR_MAX_WARC_HEADER;
		size_t he = header_end(b + pos, lim);
		if (!he) {
			if (!final && left < CR_MAX_WARC_HEADER) {
				*need = CR_MAX_WARC_HEADER;
				return pos;
			}
			report(r, base, pos, gz, CR_EFORMAT,
			       "WARC header not terminated within %zu bytes, "
			       "skipped",
			       lim);
			r->skipping = 1;
			pos++;
			continue;
		}
		uint64_t rec_no = ++r->n_records;
		warc_fields f = {0};
		each_field((const char *)b + pos, he, warc_field, &f);
		unsigned long long clen = 0;
		int ok = f.length.n > 0 && f.length.n <= 19;
		for (size_t i = 0; ok && i < f.length.n; i++) {
			char c = f.length.p[i];
			ok = c >= '0' && c <= '9';
			clen = clen * 10 + (unsigned long long)(c - '0');
		}
		if (!ok) {
			report(r, base, pos, gz, CR_EFORMAT,
			       "record %llu has no valid Content-Length, "
			       "skipped",
			       (unsigned long long)rec_no);
			r->skipping = 1;
			pos += he;
			continue;
		}
		if (clen > CR_MAX_WARC_RECORD) {
			report(r, base, pos, gz, CR_ETOOBIG,
			       "record %llu claims %llu bytes, more than the "
			       "%zu-byte limit, skipped",
			       (unsigned long long)rec_no, clen,
			       CR_MAX_WARC_RECORD);
			r->skipping = 1;
			pos += he;
			continue;
		}
		size_t total = he + (size_t)clen;
		if (left < total + 4 && !final) {
			*need = total + 4;
			r->n_records--; /* seen again once complete */
			return pos;
		}
		if (left < total) {
			report(r, base, pos, gz, CR_EFORMAT,
			       "record %llu is truncated (Content-Length %llu, "
			       "%zu bytes left)",
			       (unsigned long long)rec_no, clen, left - he);
			r->skipping = 1;
			pos += he;
			continue;
		}
		/* The block must be followed by CRLF CRLF (or LF LF, or the
		 * end): otherwise Content-Length lies. */
		size_t t = total, k = 0;
		while (t < n && k < 4 &&
		       (b[pos + t] == '\r' || b[pos + t] == '\n'))
			t++, k++;
		int tail_ok = (k == 4 && b[pos + total] == '\r') ||
		              (k >= 2 && b[pos + total] == '\n') ||
		              pos + t == n;
		if (!tail_ok) {
			report(r, base, pos, gz, CR_EFORMAT,
			       "record %llu: Content-Length %llu does not "
			       "match "
			       "the record, skipped",
			       (unsigned long long)rec_no, clen);
			r->skipping = 1;
			pos += he;
			continue;
		}
		if (eq_ci(f.type.p, f.type.n, "response"))
			response(r, &f, (char *)b + pos + he, (size_t)clen,
			         base, pos, gz);
		pos += t;
	}
	return pos;
}

/* Reads a plain archive through the window. */
static void read_plain(rd *r)
{
	uint64_t w_off = 0; /* file offset of w[0] */
	size_t need = 0;
	/* Bytes already in the input buffer (sniffed) come first. */
	if (!grow_window(r, CR_WARC_WINDOW0))
		return;
	size_t pre = r->in_end - r->in_pos;
	memcpy(r->w, r->in + r->in_pos, pre);
	r->w_n = pre;
	r->in_pos = r->in_end;
	while (r->err == CR_OK) {
		if (need > r->w_cap && !grow_window(r, need))
			return;
		while (r->w_n < r->w_cap && !r->eof) {
			size_t k =
			        src_read(r, r->w + r->w_n, r->w_cap - r->w_n);
			r->w_n += k;
		}
		size_t used =
		        parse_records(r, r->w, r->w_n, r->eof, w_off, 0, &need);
		if (r->eof || r->err != CR_OK)
			return;
		memmove(r->w, r->w + used, r->w_n - used);
		r->w_n -= used;
		w_off += used;
		if (used == 0 && need <= r->w_cap) {
			/* Cannot happen: a full window always holds a whole
			 * record or a header past its cap. Guard the loop. */
			need = r->w_cap * 2;
			if (r->w_cap >= WIN_MAX) {
				report(r, w_off, 0, 0, CR_ETOOBIG,
				       "record does not fit the window, "
				       "skipped");
				r->skipping = 1;
				r->w_n = 0;
			}
		}
	}
}

/* Reads a gzip archive, member by member. */
static void read_gzip(rd *r)
{
	z_stream z = {0};
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		r->err = CR_ENOMEM;
		return;
	}
	int quiet = 0; /* after a reported bad member, skip silently */
	while (r->err == CR_OK) {
		if (r->in_end - r->in_pos < 3)
			refill(r);
		size_t avail = r->in_end - r->in_pos;
		if (avail == 0)
			break;
		const unsigned char *p = r->in + r->in_pos;
		if (avail < 3 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 8) {
			uint64_t g0 = r->in_off + r->in_pos;
			size_t i = 1; /* in[in_pos] is not a magic */
			for (;;) {
				const unsigned char *s = r->in + r->in_pos;
				size_t m = r->in_end - r->in_pos;
				while (i + 2 < m &&
				       !(s[i] == 0x1f && s[i + 1] == 0x8b &&
				         s[i + 2] == 8))
					i++;
				if (i + 2 < m) {
					r->in_pos += i;
					break;
				}
				if (r->eof) {
					r->in_pos = r->in_end;
					break;
				}
				/* Keep two bytes that may begin the magic. */
				if (m > 2) {
					r->in_pos = r->in_end - 2;
					i = 0;
				}
				refill(r);
			}
			if (!quiet)
				report(r, g0, 0, 1, CR_EFORMAT,
				       "%llu bytes that are not a gzip member, "
				       "skipped",
				       (unsigned long long)(r->in_off +
				                            r->in_pos - g0));
			quiet = 0;
			continue;
		}
		uint64_t member = r->in_off + r->in_pos;
		inflateReset2(&z, 16 + MAX_WBITS);
		r->w_n = 0;
		int zr = Z_OK;
		enum { GOOD, TRUNCATED, TOOBIG, CORRUPT } st = GOOD;
		for (;;) {
			if (r->in_pos == r->in_end && refill(r) == 0) {
				st = TRUNCATED;
				break;
			}
			if (r->w_n == r->w_cap) {
				if (r->w_cap >= WIN_MAX) {
					st = TOOBIG;
					break;
				}
				if (!grow_window(r, r->w_cap + 1))
					goto out;
			}
			z.next_in = r->in + r->in_pos;
			z.avail_in = (uInt)(r->in_end - r->in_pos);
			z.next_out = r->w + r->w_n;
			z.avail_out = (uInt)(r->w_cap - r->w_n);
			zr = inflate(&z, Z_NO_FLUSH);
			r->in_pos = r->in_end - z.avail_in;
			r->w_n = r->w_cap - z.avail_out;
			if (zr == Z_STREAM_END)
				break;
			if (zr != Z_OK && zr != Z_BUF_ERROR) {
				st = CORRUPT;
				break;
			}
		}
		if (st == TRUNCATED) {
			report(r, member, 0, 1, CR_EFORMAT,
			       "gzip member truncated (the archive ends inside "
			       "it), skipped");
			break;
		}
		if (st == TOOBIG) {
			report(r, member, 0, 1, CR_ETOOBIG,
			       "gzip member inflates past %zu bytes, skipped",
			       (size_t)WIN_MAX);
			quiet = 1;
			continue;
		}
		if (st == CORRUPT) {
			report(r, member, 0, 1, CR_EFORMAT,
			       "corrupt gzip member (%s), skipped",
			       z.msg ? z.msg : "data error");
			quiet = 1;
			continue;
		}
		quiet = 0;
		r->skipping = 0;
		size_t need = 0;
		parse_records(r, r->w, r->w_n, 1, member, 1, &need);
	}
out:
	inflateEnd(&z);
}

int cr_warc_sniff(const char *data, size_t n)
{
	if (n >= 8 && (memcmp(data, "WARC/1.0", 8) == 0 ||
	               memcmp(data, "WARC/1.1", 8) == 0))
		return 1;
	if (n < 3 || (unsigned char)data[0] != 0x1f ||
	    (unsigned char)data[1] != 0x8b || data[2] != 8)
		return 0;
	z_stream z = {0};
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 0;
	unsigned char out[5];
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)(n < CR_WARC_SNIFF_BYTES ? n : CR_WARC_SNIFF_BYTES);
	z.next_out = out;
	z.avail_out = sizeof out;
	int zr = inflate(&z, Z_NO_FLUSH);
	size_t got = sizeof out - z.avail_out;
	inflateEnd(&z);
	return (zr == Z_OK || zr == Z_STREAM_END || zr == Z_BUF_ERROR) &&
	       got == 5 && memcmp(out, "WARC/", 5) == 0;
}

/* Runs the reader over an initialised source. */
static cr_err read_archive(rd *r)
{
	cr_arena *tmp = cr_arena_create();
	char *fid = tmp ? cr_id_from_path(tmp, r->name) : NULL;
	/* "cc.warc.gz" gives "cc", like "cc.warc". */
	size_t fl = fid ? strlen(fid) : 0;
	if (fl > 5 && strcmp(fid + fl - 5, ".warc") == 0)
		fid[fl - 5] = '\0';
	r->file_id = fid ? strdup(fid) : NULL;
	cr_arena_destroy(tmp);
	r->in = malloc(CR_WARC_IN_BYTES);
	if (!r->file_id || !r->in) {
		r->err = CR_ENOMEM;
		goto out;
	}
	refill(r);
	if (r->in_end == 0) {
		cr_diag_reject(r->d, r->name, 0, CR_EEMPTY, "empty file");
		goto out;
	}
	if (r->in_end >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b)
		read_gzip(r);
	else
		read_plain(r);
out:
	free(r->w);
	free(r->in);
	free(r->file_id);
	return r->err;
}

cr_err cr_warc_read_fd(const char *name, int fd, cr_article_sink sink, void *ud,
                       cr_diag *d)
{
	rd r = {.name = name ? name : "-",
	        .d = d,
	        .sink = sink,
	        .ud = ud,
	        .fd = fd};
	return read_archive(&r);
}

cr_err cr_warc_read_buffer(const char *name, const char *data, size_t n,
                           cr_article_sink sink, void *ud, cr_diag *d)
{
	rd r = {.name = name ? name : "-",
	        .d = d,
	        .sink = sink,
	        .ud = ud,
	        .mem = (const unsigned char *)data,
	        .mem_n = n};
	return read_archive(&r);
}

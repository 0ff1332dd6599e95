/*
 * utf8.c - UTF-8 validation and repair, decoding and case folding.
 *
 * Ingest runs every text through cr_utf8_repair() once, so later stages
 * may assume valid UTF-8 with '\n' line ends. Decoding is strict
 * (RFC 3629): overlongs, surrogates and code points past U+10FFFF are
 * invalid. Folding is NFKC case folding by utf8proc, plus a few
 * typographic marks that news text uses interchangeably with ASCII.
 */
#include "text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Bytes of the binary sniff window, and the share of control bytes in
 * it (in tenths) above which input is called binary. */
#define SNIFF_BYTES       8192
#define SNIFF_CTRL_TENTHS 1

static const char REPLACEMENT[3] = {'\xEF', '\xBF', '\xBD'};

/* Length of a sequence by its lead byte (0: never a lead byte). */
static int lead_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* The valid range of the second byte after lead byte c: the narrower
 * ranges after E0, ED, F0 and F4 exclude overlongs, surrogates and code
 * points past U+10FFFF (Unicode table 3-7). */
static int second_ok(unsigned char lead, unsigned char b)
{
	switch (lead) {
	case 0xE0:
		return b >= 0xA0 && b <= 0xBF;
	case 0xED:
		return b >= 0x80 && b <= 0x9F;
	case 0xF0:
		return b >= 0x90 && b <= 0xBF;
	case 0xF4:
		return b >= 0x80 && b <= 0x8F;
	default:
		return b >= 0x80 && b <= 0xBF;
	}
}

/* Decodes the sequence at s. On success returns the code point and sets
 * *adv to its length. On failure returns -1 and sets *bad to the length
 * of the maximal invalid subpart (>= 1): the lead byte and the
 * continuation bytes that were still plausible, so a truncated
 * sequence is replaced by one U+FFFD, as Unicode recommends. */
static int32_t decode(const unsigned char *s, size_t n, size_t *adv,
                      size_t *bad)
{
	unsigned char c = s[0];
	int len = lead_len(c);
	*adv = 1;
	*bad = 1;
	if (len == 1)
		return c;
	if (len == 0)
		return -1;
	int32_t cp = c & (0x7F >> len);
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		unsigned char b = s[i];
		int ok = i == 1 ? second_ok(c, b) : (b >= 0x80 && b <= 0xBF);
		if (!ok)
			return -1;
		cp = (cp << 6) | (b & 0x3F);
		*bad = (size_t)i + 1;
	}
	*adv = (size_t)len;
	return cp;
}

int32_t cr_utf8_decode(const char *s, size_t n, size_t *adv)
{
	size_t bad;
	if (n == 0) {
		*adv = 1;
		return -1;
	}
	int32_t cp = decode((const unsigned char *)s, n, adv, &bad);
	if (cp < 0)
		*adv = 1;
	return cp;
}

/* One pass of the repair. With out == NULL it only measures, so the
 * caller can allocate exactly; the two passes make the same decisions. */
static size_t repair_pass(const unsigned char *in, size_t n, char *out,
                          size_t *n_bad, size_t *first_bad)
{
	size_t i = 0, o = 0;
	*n_bad = 0;
	*first_bad = SIZE_MAX;
	while (i < n) {
		unsigned char c = in[i];
		if (c < 0x80) {
			if (c == '\r') {
				/* \r\n and a lone \r both end one line. */
				if (out)
					out[o] = '\n';
				o++;
				i += (i + 1 < n && in[i + 1] == '\n') ? 2 : 1;
				continue;
			}
			if (c >= 0x20 || c == '\n' || c == '\t') {
				if (out)
					out[o] = (char)c;
				o++;
			}
			i++;
			continue;
		}
		size_t adv, bad;
		int32_t cp = decode(in + i, n - i, &adv, &bad);
		if (cp == 0xFEFF && o == 0) {
			/* A BOM that would lead the output, even after
			 * dropped controls: dropping it there makes the
			 * repair idempotent. */
			i += adv;
			continue;
		}
		if (cp < 0) {
			if (*first_bad == SIZE_MAX)
				*first_bad = i;
			(*n_bad)++;
			if (out)
				memcpy(out + o, REPLACEMENT, 3);
			o += 3;
			i += bad;
			continue;
		}
		if (out)
			memcpy(out + o, in + i, adv);
		o += adv;
		i += adv;
	}
	return o;
}

cr_err cr_utf8_repair(cr_arena *a, const char *in, size_t n, char **out,
                      size_t *out_len, size_t *n_bad, size_t *first_bad)
{
	size_t bad, first;
	*out = NULL;
	*out_len = 0;
	if (n > CR_ARENA_MAX_BYTES / 3)
		return CR_ETOOBIG;
	const unsigned char *u = (const unsigned char *)in;
	size_t len = repair_pass(u, n, NULL, &bad, &first);
	char *buf = cr_arena_alloc(a, len + 1);
	if (!buf)
		return CR_ENOMEM;
	repair_pass(u, n, buf, &bad, &first);
	buf[len] = '\0';
	*out = buf;
	*out_len = len;
	if (n_bad)
		*n_bad = bad;
	if (first_bad)
		*first_bad = first;
	return CR_OK;
}

int cr_utf8_looks_binary(const char *s, size_t n)
{
	if (memchr(s, 0, n))
		return 1;
	size_t m = n < SNIFF_BYTES ? n : SNIFF_BYTES;
	size_t ctrl = 0;
	for (size_t i = 0; i < m; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' &&
		     c != '\f') ||
		    c == 0x7F)
			ctrl++;
	}
	return ctrl * 10 > m * SNIFF_CTRL_TENTHS;
}

/* Replaces typographic apostrophes by ' and dashes by '-' in place (the
 * replacements are shorter, so the string only shrinks). Returns the new
 * length. */
static size_t map_typography(char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
			unsigned char d = (unsigned char)s[i + 2];
			/* U+2018 ‘ U+2019 ’ U+201B ‛ */
			if (d == 0x98 || d == 0x99 || d == 0x9B) {
				s[o++] = '\'';
				i += 3;
				continue;
			}
			/* U+2010 ‐ to U+2015 ― */
			if (d >= 0x90 && d <= 0x95) {
				s[o++] = '-';
				i += 3;
				continue;
			}
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x88 &&
		    (unsigned char)s[i + 2] == 0x92) { /* U+2212 minus */
			s[o++] = '-';
			i += 3;
			continue;
		}
		if (c == 0xCA && i + 1 < n && (unsigned char)s[i + 1] == 0xBC) {
			s[o++] = '\''; /* U+02BC ʼ */
			i += 2;
			continue;
		}
		s[o++] = s[i++];
	}
	s[o] = '\0';
	return o;
}

char *cr_utf8_fold(cr_arena *a, const char *s, size_t n, size_t *out_len)
{
	size_t i = 0;
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n) {
		/* Pure ASCII: lower-casing is all NFKC case folding does. */
		char *r = cr_arena_alloc(a, n + 1);
		if (!r)
			return NULL;
		for (size_t k = 0; k < n; k++) {
			char c = s[k];
			r[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		}
		if (out_len)
			*out_len = n;
		return r;
	}
	/* COMPAT takes effect only with COMPOSE: together they make NFKC,
	 * so fullwidth and decomposed forms fold like their plain forms.
	 * IGNORE drops invisible soft hyphens and joiners inside words. */
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t len = utf8proc_map(
	        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	                UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
	char *r;
	if (len < 0) {
		/* Not valid UTF-8 after all: keep the bytes rather than fail,
		 * since callers treat NULL as out of memory. */
		if (len == UTF8PROC_ERROR_NOMEM)
			return NULL;
		r = cr_arena_strndup(a, s, n);
		len = (utf8proc_ssize_t)n;
	} else {
		r = cr_arena_strndup(a, (const char *)m, (size_t)len);
		free(m);
	}
	if (!r)
		return NULL;
	size_t nl = map_typography(r, (size_t)len);
	if (out_len)
		*out_len = nl;
	return r;
}

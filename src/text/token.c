/*
 * token.c - splits a sentence into word, number and punctuation tokens.
 *
 * utf8proc has no word breaking, so tokens are cut on its character
 * categories. Assumes valid UTF-8 (repaired on ingest); a stray invalid
 * byte is skipped like white space. Words keep inner apostrophes and
 * hyphens ("don't", "Biden’s", "US-supplied"), dotted abbreviations of
 * single letters ("U.S.", "a.m.") and dots between lower-case letters
 * ("bbc.co.uk"). Numbers keep inner , and . between digits and a glued
 * suffix ("1,000", "3.5", "170mm", "1001st"). A doubled apostrophe or
 * backquote ('' ``) is one quote token: older wire and treebank texts
 * write double quotation marks that way. Every other visible code point
 * is a token of its own.
 */
#include "text/token.h"

#include <stdint.h>
#include <utf8proc.h>

#include "text/utf8.h"

/* What a code point is to the tokenizer. */
enum cp_class { C_SPACE, C_LETTER, C_DIGIT, C_OTHER };

/* Tokens the array starts with, before doubling. */
#define TOK_INITIAL_CAP 64

static enum cp_class classify(int32_t cp)
{
	if (cp < 0)
		return C_SPACE;
	if (cp < 0x80) {
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return C_LETTER;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if (cp <= 0x20 || cp == 0x7F)
			return C_SPACE;
		return C_OTHER;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_NL:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	default:
		return C_OTHER;
	}
}

static int is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_quote_mark(int32_t cp)
{
	switch (cp) {
	case '"':
	case '\'':
	case '`':
	case 0x00AB: /* « */
	case 0x00BB: /* » */
	case 0x2018: /* ‘ */
	case 0x2019: /* ’ */
	case 0x201A: /* ‚ */
	case 0x201B: /* ‛ */
	case 0x201C: /* “ */
	case 0x201D: /* ” */
	case 0x201E: /* „ */
	case 0x201F: /* ‟ */
	case 0x2039: /* ‹ */
	case 0x203A: /* › */
		return 1;
	default:
		return 0;
	}
}

static int is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static int is_format(int32_t cp)
{
	return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

static int is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* A cursor over text[0..len): the code point at pos, and its length. */
typedef struct cursor {
	const char *text;
	size_t len;
} cursor;

static inline int32_t cp_at(const cursor *c, size_t pos, size_t *adv)
{
	if (pos >= c->len) {
		*adv = 0;
		return -1;
	}
	/* News text is mostly ASCII: decode it here, without a call. */
	unsigned char b = (unsigned char)c->text[pos];
	if (b < 0x80) {
		*adv = 1;
		return b;
	}
	return cr_utf8_decode(c->text + pos, c->len - pos, adv);
}

/* Matches a dotted abbreviation of single letters at pos ("U.S.", "a.m.",
 * "U.N.") with at least two letters and nothing word-like after the last
 * dot. Returns its end, or 0 when there is none. */
static size_t match_dotted(const cursor *c, size_t pos)
{
	size_t p = pos, adv;
	int letters = 0;
	for (;;) {
		int32_t cp = cp_at(c, p, &adv);
		if (classify(cp) != C_LETTER)
			break;
		size_t q = p + adv;
		if (cp_at(c, q, &adv) != '.')
			break;
		letters++;
		p = q + 1;
	}
	if (letters < 2)
		return 0;
	int32_t next = cp_at(c, p, &adv);
	enum cp_class k = classify(next);
	if (k == C_LETTER || k == C_DIGIT)
		return 0;
	return p;
}

/* The end of the word that starts at pos (a letter). */
static size_t scan_word(const cursor *c, size_t pos)
{
	size_t p = pos, adv, adv2;
	size_t dotted = match_dotted(c, pos);
	if (dotted)
		return dotted;
	for (;;) {
		int32_t cp = cp_at(c, p, &adv);
		enum cp_class k = classify(cp);
		if (k == C_LETTER || k == C_DIGIT) {
			p += adv;
			continue;
		}
		if (p == pos || adv == 0)
			break;
		int32_t next = cp_at(c, p + adv, &adv2);
		enum cp_class nk = classify(next);
		/* The character before p is a letter or digit here. */
		if (is_apostrophe(cp) && nk == C_LETTER) {
			p += adv;
			continue;
		}
		/* A soft hyphen or zero-width joiner inside a word is
		 * invisible to the reader; the norm drops it. */
		if (is_format(cp) && (nk == C_LETTER || nk == C_DIGIT)) {
			p += adv;
			continue;
		}
		if (is_hyphen(cp) && (nk == C_LETTER || nk == C_DIGIT)) {
			p += adv;
			continue;
		}
		/* A dot before a lower-case letter is inside a name such as
		 * "bbc.co.uk"; before a capital it is a missing space. */
		if (cp == '.' && is_lower(next)) {
			p += adv;
			continue;
		}
		break;
	}
	return p;
}

/* The end of the number that starts at pos (a digit). */
static size_t scan_number(const cursor *c, size_t pos)
{
	size_t p = pos, adv, adv2;
	for (;;) {
		int32_t cp = cp_at(c, p, &adv);
		enum cp_class k = classify(cp);
		if (k == C_DIGIT) {
			p += adv;
			continue;
		}
		if ((cp == ',' || cp == '.') &&
		    classify(cp_at(c, p + adv, &adv2)) == C_DIGIT) {
			p += adv;
			continue;
		}
		break;
	}
	/* A glued unit or ordinal suffix: 170mm, 1001st, 1990s, 4x4. */
	int32_t cp = cp_at(c, p, &adv);
	if (classify(cp) == C_LETTER) {
		for (;;) {
			cp = cp_at(c, p, &adv);
			enum cp_class k = classify(cp);
			if (k != C_LETTER && k != C_DIGIT)
				break;
			p += adv;
		}
	}
	return p;
}

/* Case flags of a word: CR_TOK_CAP when its first letter is upper case,
 * CR_TOK_UPPER when it has at least two upper-case letters and no
 * lower-case one. */
static uint16_t case_flags(const cursor *c, size_t b, size_t e)
{
	size_t adv;
	int first = 1, n_up = 0, n_low = 0;
	uint16_t f = 0;
	for (size_t p = b; p < e; p += adv) {
		int32_t cp = cp_at(c, p, &adv);
		if (adv == 0)
			break;
		if (classify(cp) != C_LETTER)
			continue;
		if (is_upper(cp)) {
			n_up++;
			if (first)
				f |= CR_TOK_CAP;
		} else if (is_lower(cp)) {
			n_low++;
		}
		first = 0;
	}
	if (n_up >= 2 && n_low == 0)
		f |= CR_TOK_UPPER;
	return f;
}

/* Appends one token, growing the array by doubling. */
static cr_err push(cr_arena *a, const cursor *c, size_t b, size_t e,
                   uint32_t base, uint16_t flags, uint16_t sent,
                   cr_token **toks, uint32_t *n, uint32_t *cap)
{
	if (*n >= CR_MAX_TOKENS)
		return CR_ETOOBIG;
	if (*n == *cap) {
		uint32_t nc = *cap ? *cap * 2 : TOK_INITIAL_CAP;
		if (nc > CR_MAX_TOKENS)
			nc = CR_MAX_TOKENS;
		cr_token *t = cr_arena_grow(a, *toks, *n, nc, sizeof *t);
		if (!t)
			return CR_ENOMEM;
		*toks = t;
		*cap = nc;
	}
	const char *norm = cr_utf8_fold(a, c->text + b, e - b, NULL);
	if (!norm)
		return CR_ENOMEM;
	cr_token *t = &(*toks)[(*n)++];
	t->span.off = base + (uint32_t)b;
	t->span.len = (uint32_t)(e - b);
	t->norm = norm;
	t->stem = norm;
	t->norm_hash = t->stem_hash = 0; /* analysis sets them */
	t->flags = flags;
	t->sent = sent;
	return CR_OK;
}

cr_err cr_tokenize(cr_arena *a, const char *text, size_t len, uint32_t base,
                   uint16_t sent_index, cr_token **toks, uint32_t *n,
                   uint32_t *cap)
{
	if (!a || (!text && len) || !toks || !n || !cap)
		return CR_EINVAL;
	if (len > UINT32_MAX - base)
		return CR_ETOOBIG;
	cursor c = {text, len};
	size_t p = 0, adv;
	while (p < len) {
		int32_t cp = cp_at(&c, p, &adv);
		enum cp_class k = classify(cp);
		size_t e;
		uint16_t flags;
		switch (k) {
		case C_SPACE:
			p += adv;
			continue;
		case C_LETTER:
			e = scan_word(&c, p);
			flags = CR_TOK_WORD | case_flags(&c, p, e);
			break;
		case C_DIGIT:
			e = scan_number(&c, p);
			flags = CR_TOK_NUM;
			break;
		default:
			e = p + adv;
			flags = CR_TOK_PUNCT;
			if (is_quote_mark(cp))
				flags |= CR_TOK_QUOTE;
			/* '' and `` stand for one double quotation mark. */
			if ((cp == '\'' || cp == '`') && e < len &&
			    text[e] == (char)cp)
				e++;
			break;
		}
		cr_err err = push(a, &c, p, e, base, flags, sent_index, toks, n,
		                  cap);
		if (err != CR_OK)
			return err;
		p = e;
	}
	return CR_OK;
}

/*
 * sentence.c - sentence boundaries by rule.
 *
 * Assumes valid UTF-8 with '\n' line ends (repaired on ingest). Every
 * line is a paragraph and ends a sentence. Inside a line a sentence ends
 * at . ! ? or … (with any closing quotes and brackets glued after it)
 * when white space and then a capital, a digit or an opening quote
 * (perhaps after an opening bracket) follow, unless the period belongs
 * to an abbreviation, an initial or a quotation that the sentence
 * continues ("Stop." Ms Reyes said). Dotted abbreviations (U.S.),
 * initials and sentence-final abbreviations (Inc.) end a sentence only
 * before a common sentence opener (The, But, He...), because news uses
 * them mid-sentence far more often than at the end.
 */
#include "text/sentence.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "text/lexicon.h"
#include "text/utf8.h"

/* Spans the array starts with, before doubling. */
#define SENT_INITIAL_CAP 32
/* Longest abbreviation or opener word compared against the tables. */
#define WORD_MAX 16
/* Capitalised words a speaker's name may have before a speech verb. */
#define SPEAKER_WORDS_MAX 4

/* Abbreviations after which a sentence never ends: titles and the like
 * ("Gen. Smith", "St. Petersburg", "vs. Chelsea"). Sorted by strcmp
 * for cr_lexicon_has_n(). */
static const char *const NEVER_END[] = {
        "Adm",    "Brig",   "Capt", "Cmdr", "Col", "Cpl",  "Det",  "Dr",
        "Fig",    "Ft",     "Gen",  "Gov",  "Hon", "Insp", "Lt",   "Maj",
        "Messrs", "Mr",     "Mrs",  "Ms",   "Mt",  "Pres", "Prof", "Pvt",
        "Rep",    "Reps",   "Rev",  "Rt",   "Sen", "Sens", "Sgt",  "St",
        "Supt",   "approx", "cf",   "vs",
};

/* Abbreviations that do not end a sentence before a number ("No. 10",
 * "Jan. 6") and otherwise follow the opener rule. */
static const char *const BEFORE_NUMBER[] = {
        "Apr", "Art", "Aug", "Dec", "Feb", "Jan",  "Jul", "Jun", "Mar",
        "No",  "Nos", "Nov", "Oct", "Sep", "Sept", "no",  "pp",
};

/* Abbreviations that often end a sentence, company suffixes and US
 * states in the AP style ("Sacramento, Calif."): the opener rule
 * decides. */
static const char *const MAY_END[] = {
        "Ala",  "Ariz", "Ark",  "Ave",  "Blvd", "Bros", "Calif", "Co",   "Colo",
        "Conn", "Corp", "Dept", "Fla",  "Ga",   "Ill",  "Inc",   "Ind",  "Jr",
        "Kan",  "Ky",   "Ltd",  "Mass", "Md",   "Mich", "Minn",  "Miss", "Mo",
        "Mont", "Neb",  "Nev",  "Okla", "Ore",  "Pa",   "Rd",    "Sr",   "Tenn",
        "Tex",  "Univ", "Va",   "Vt",   "Wash", "Wis",  "Wyo",   "etc",
};

/* Capitalised words that commonly open a sentence. After "U.S." or an
 * initial, a sentence ends only before one of these. Sorted. */
static const char *const OPENERS[] = {
        "A",       "According", "After",   "Although", "An",        "And",
        "As",      "At",        "Because", "Before",   "But",       "By",
        "Despite", "During",    "Earlier", "For",      "He",        "Her",
        "His",     "However",   "I",       "If",       "In",        "It",
        "Its",     "Last",      "Later",   "Many",     "Meanwhile", "Most",
        "No",      "Now",       "On",      "One",      "Our",       "Since",
        "So",      "Some",      "Still",   "That",     "The",       "Their",
        "Then",    "There",     "These",   "They",     "This",      "Those",
        "Though",  "Under",     "We",      "What",     "When",      "While",
        "With",    "Yet",
};

/* Speech verbs after which a quotation ending in a period goes on:
 * "Go home." Mayor Klitschko said. Sorted. */
static const char *const SPEECH_VERBS[] = {
        "added",     "admitted",  "announced", "argued",    "asked",
        "confirmed", "continued", "declared",  "explained", "insisted",
        "noted",     "replied",   "reported",  "said",      "says",
        "stated",    "told",      "warned",    "wrote",
};

static inline int32_t cp_at(const char *text, size_t len, size_t pos,
                            size_t *adv)
{
	if (pos >= len) {
		*adv = 0;
		return -1;
	}
	/* News text is mostly ASCII: decode it here, without a call. */
	unsigned char b = (unsigned char)text[pos];
	if (b < 0x80) {
		*adv = 1;
		return b;
	}
	return cr_utf8_decode(text + pos, len - pos, adv);
}

/* White space inside a line: ASCII blanks, Unicode spaces, and the
 * invisible zero-width space and BOM that pasted text carries. */
static int is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
		       cp == '\v';
	if (cp == 0x200B || cp == 0xFEFF)
		return 1;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static int is_terminator(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static int is_closer(int32_t cp)
{
	switch (cp) {
	case '"':
	case '\'':
	case ')':
	case ']':
	case 0x00BB: /* » */
	case 0x2019: /* ’ */
	case 0x201D: /* ” */
	case 0x203A: /* › */
		return 1;
	default:
		return 0;
	}
}

static int is_closing_quote(int32_t cp)
{
	return is_closer(cp) && cp != ')' && cp != ']';
}

/* Opening quotes, including the `` of older wire text. */
static int is_opening_quote(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '`' || cp == 0x00AB ||
	       cp == 0x2018 || cp == 0x201C || cp == 0x201E || cp == 0x2039;
}

static int is_upper_start(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	/* Letters without case (Arabic, CJK) may open a sentence too. */
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT ||
	       c == UTF8PROC_CATEGORY_LO;
}

/* What may open a sentence: a capital, a digit or an opening quote,
 * after any opening brackets ("(Reuters) ..." or "[Updated ...]"). */
static int starts_sentence(const char *text, size_t len, size_t pos)
{
	size_t adv;
	int32_t cp = cp_at(text, len, pos, &adv);
	for (int i = 0; i < 2 && (cp == '(' || cp == '['); i++) {
		pos += adv;
		cp = cp_at(text, len, pos, &adv);
	}
	return is_upper_start(cp) || (cp >= '0' && cp <= '9') ||
	       is_opening_quote(cp);
}

static int is_word_char(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
		       (cp >= '0' && cp <= '9');
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       c == UTF8PROC_CATEGORY_ND;
}

static int is_ascii_alpha(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Length of the ASCII letter run at pos (0 when there is none), counted
 * no further than WORD_MAX + 1: longer words match no table. */
static size_t ascii_word(const char *text, size_t len, size_t pos)
{
	size_t e = pos;
	while (e < len && e - pos <= WORD_MAX && is_ascii_alpha(text[e]))
		e++;
	return e - pos;
}

/* 1 when the word at pos is a sentence opener: in OPENERS and not itself
 * an initial ("A." in "J. A. Smith"). */
static int opener_at(const char *text, size_t len, size_t pos)
{
	size_t n = ascii_word(text, len, pos), adv;
	if (n == 0 || n > WORD_MAX)
		return 0;
	if (pos + n < len) {
		int32_t after = cp_at(text, len, pos + n, &adv);
		if (after == '.' || is_word_char(after))
			return 0;
	}
	return cr_lexicon_has_n(OPENERS, CR_COUNT(OPENERS), text + pos, n);
}

/* 1 when a quotation ending at the terminator continues into an
 * attribution: up to SPEAKER_WORDS_MAX capitalised words that are not a
 * sentence opener, then a speech verb ("Stop." Ms Reyes said). */
static int attribution_at(const char *text, size_t len, size_t pos)
{
	if (opener_at(text, len, pos))
		return 0;
	size_t p = pos;
	for (int w = 0; w <= SPEAKER_WORDS_MAX; w++) {
		size_t n = ascii_word(text, len, p);
		if (n == 0)
			return 0;
		if (w > 0 &&
		    cr_lexicon_has_n(SPEECH_VERBS, CR_COUNT(SPEECH_VERBS),
		                     text + p, n))
			return 1;
		if (!(text[p] >= 'A' && text[p] <= 'Z'))
			return 0;
		p += n;
		if (p < len && text[p] == '.')
			p++; /* "Gen." */
		while (p < len && text[p] == ' ')
			p++;
	}
	return 0;
}

/* Decides whether a lone period at dot, followed by white space and the
 * next sentence's first character at next, ends the sentence: it does
 * not when the period closes an abbreviation or an initial, unless an
 * opener follows where the abbreviation allows it. line_b is where the
 * line starts. */
static int period_ends(const char *text, size_t len, size_t line_b, size_t dot,
                       size_t next)
{
	size_t w = dot;
	while (w > line_b && dot - w <= WORD_MAX &&
	       (is_ascii_alpha(text[w - 1]) || text[w - 1] == '.'))
		w--;
	size_t n = dot - w;
	if (n == 0 || n > WORD_MAX)
		return 1;
	if (w > line_b) {
		/* The word must start here: "Café." or "B2." is no
		 * abbreviation. */
		size_t q = w - 1;
		while (q > line_b && ((unsigned char)text[q] & 0xC0) == 0x80)
			q--;
		size_t adv;
		if (is_word_char(cp_at(text, len, q, &adv)))
			return 1;
	}
	const char *word = text + w;
	size_t adv;
	int32_t nc = cp_at(text, len, next, &adv);
	int next_digit = nc >= '0' && nc <= '9';
	int opener = opener_at(text, len, next) || is_opening_quote(nc);

	if (memchr(word, '.', n)) {
		/* Dotted: U.S, U.K, a.m, e.g (the final dot is at dot). */
		if ((n == 3 &&
		     (!memcmp(word, "e.g", 3) || !memcmp(word, "i.e", 3))))
			return 0;
		return opener;
	}
	if (n == 1 && word[0] >= 'A' && word[0] <= 'Z')
		return opener; /* an initial: J. K. Rowling */
	if (cr_lexicon_has_n(NEVER_END, CR_COUNT(NEVER_END), word, n))
		return 0;
	if (cr_lexicon_has_n(BEFORE_NUMBER, CR_COUNT(BEFORE_NUMBER), word, n))
		return next_digit ? 0 : opener;
	if (cr_lexicon_has_n(MAY_END, CR_COUNT(MAY_END), word, n))
		return opener;
	return 1;
}

/* The output under construction. */
typedef struct out {
	cr_arena *a;
	cr_span *spans;
	uint32_t *paras;
	uint32_t n, cap;
	int want_paras;
} out;

/* Appends [b, e) of text trimmed of white space, if anything is left. */
static cr_err emit(out *o, const char *text, size_t len, size_t b, size_t e,
                   uint32_t para)
{
	size_t adv;
	while (b < e && is_space(cp_at(text, len, b, &adv)))
		b += adv;
	while (e > b) {
		size_t q = e - 1;
		while (q > b && ((unsigned char)text[q] & 0xC0) == 0x80)
			q--;
		if (!is_space(cp_at(text, len, q, &adv)))
			break;
		e = q;
	}
	if (b == e)
		return CR_OK;
	if (o->n >= CR_MAX_SENTENCES)
		return CR_ETOOBIG;
	if (o->n == o->cap) {
		uint32_t nc = o->cap ? o->cap * 2 : SENT_INITIAL_CAP;
		if (nc > CR_MAX_SENTENCES)
			nc = CR_MAX_SENTENCES;
		cr_span *s = cr_arena_grow(o->a, o->spans, o->n, nc, sizeof *s);
		if (!s)
			return CR_ENOMEM;
		o->spans = s;
		if (o->want_paras) {
			uint32_t *p = cr_arena_grow(o->a, o->paras, o->n, nc,
			                            sizeof *p);
			if (!p)
				return CR_ENOMEM;
			o->paras = p;
		}
		o->cap = nc;
	}
	o->spans[o->n].off = (uint32_t)b;
	o->spans[o->n].len = (uint32_t)(e - b);
	if (o->want_paras)
		o->paras[o->n] = para;
	o->n++;
	return CR_OK;
}

/* Splits one line [b, e) into sentences of paragraph para. */
static cr_err split_line(out *o, const char *text, size_t len, size_t b,
                         size_t e, uint32_t para)
{
	size_t start = b, i = b, adv;
	while (i < e) {
		int32_t cp = cp_at(text, e, i, &adv);
		if (!is_terminator(cp)) {
			i += adv;
			continue;
		}
		size_t run_b = i, j = i + adv;
		int lone_period = cp == '.';
		while (j < e && is_terminator(cp = cp_at(text, e, j, &adv))) {
			lone_period = 0;
			j += adv;
		}
		size_t k = j;
		int quoted = 0;
		while (k < e && is_closer(cp = cp_at(text, e, k, &adv))) {
			quoted |= is_closing_quote(cp);
			k += adv;
		}
		if (k >= e)
			break;
		size_t m = k;
		while (m < e && is_space(cp = cp_at(text, e, m, &adv)))
			m += adv;
		if (m == k || m >= e) {
			i = m > k ? m : k;
			continue;
		}
		int ends = starts_sentence(text, e, m);
		if (ends && lone_period && !quoted)
			ends = period_ends(text, e, b, run_b, m);
		if (ends && quoted && attribution_at(text, e, m))
			ends = 0;
		if (ends) {
			cr_err err = emit(o, text, len, start, k, para);
			if (err != CR_OK)
				return err;
			start = m;
		}
		i = m;
	}
	return emit(o, text, len, start, e, para);
}

cr_err cr_sentence_split(cr_arena *a, const char *text, size_t len,
                         cr_span **spans, uint32_t **paras, uint32_t *n)
{
	if (!a || (!text && len) || !spans || !n)
		return CR_EINVAL;
	out o = {.a = a, .want_paras = paras != NULL};
	*spans = NULL;
	if (paras)
		*paras = NULL;
	*n = 0;
	if (len > UINT32_MAX)
		return CR_ETOOBIG;
	uint32_t para = 0;
	cr_err err = CR_OK;
	size_t b = 0;
	while (b < len && err == CR_OK) {
		const char *nl = memchr(text + b, '\n', len - b);
		size_t e = nl ? (size_t)(nl - text) : len;
		uint32_t before = o.n;
		err = split_line(&o, text, len, b, e, para);
		if (o.n > before)
			para++;
		b = e + 1;
	}
	*spans = o.spans;
	if (paras)
		*paras = o.paras;
	*n = o.n;
	return err;
}

/*
 * number.c - numbers in news text, their units and what they count.
 *
 * Reads the tokens of an analysed article (norm, stem and flags as
 * analyze.c leaves them) one sentence at a time and appends a cr_number
 * for each quantity: numerals and number words, ordinals, "N out of M",
 * glued or spaced units, currencies, approximations and the counted noun.
 * It assumes the tokenizer's contract: a numeral with its glued unit or
 * ordinal suffix is one CR_TOK_NUM token ("1,000", "170mm", "1001st"),
 * "%", "$" and "-" between digits are punctuation tokens of their own,
 * and hyphenated words are one word token ("US-supplied"). Numbers that
 * are parts of dates are left to date.c (see cr_date_number_role()).
 */
#include "text/number.h"

#include <math.h>
#include <string.h>

#include "base/arena.h"
#include "text/date.h"
#include "text/lexicon.h"
#include "text/scan.h"

/* Most numbers kept for one article: a bound on hostile input. */
#define CR_MAX_NUMBERS 65536u
/* Words looked at after a number for the noun it counts. */
#define HEAD_WALK 6
/* Number words one number may span ("two hundred and fifty thousand"). */
#define NUM_WORDS_MAX 8
/* Most digits in a numeral: more than a double holds exactly are not a
 * news quantity (phone numbers, ids). */
#define NUMERAL_DIGITS_MAX 15
/* Values beyond this are not news quantities (and would lose digits). */
#define VALUE_MAX 1e15

typedef struct word_value {
	const char *w;
	double v;
} word_value;

static const word_value cardinals[] = {
        {"zero", 0},     {"one", 1},        {"two", 2},       {"three", 3},
        {"four", 4},     {"five", 5},       {"six", 6},       {"seven", 7},
        {"eight", 8},    {"nine", 9},       {"ten", 10},      {"eleven", 11},
        {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},
        {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
        {"twenty", 20},  {"thirty", 30},    {"forty", 40},    {"fifty", 50},
        {"sixty", 60},   {"seventy", 70},   {"eighty", 80},   {"ninety", 90},
};

/* Multipliers; "dozen" multiplies like "hundred" ("two dozen" = 24). */
static const word_value scales[] = {
        {"dozen", 12},    {"hundred", 100}, {"thousand", 1e3},
        {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
};

/* Plural scales: "thousands of", "dozens of" -- approximate. */
static const word_value plural_scales[] = {
        {"dozens", 12},    {"hundreds", 100}, {"thousands", 1e3},
        {"millions", 1e6}, {"billions", 1e9}, {"tens", 10},
};

static const word_value ordinals[] = {
        {"first", 1},       {"second", 2},       {"third", 3},
        {"fourth", 4},      {"fifth", 5},        {"sixth", 6},
        {"seventh", 7},     {"eighth", 8},       {"ninth", 9},
        {"tenth", 10},      {"eleventh", 11},    {"twelfth", 12},
        {"thirteenth", 13}, {"fourteenth", 14},  {"fifteenth", 15},
        {"sixteenth", 16},  {"seventeenth", 17}, {"eighteenth", 18},
        {"nineteenth", 19}, {"twentieth", 20},   {"thirtieth", 30},
        {"fortieth", 40},   {"fiftieth", 50},    {"sixtieth", 60},
        {"seventieth", 70}, {"eightieth", 80},   {"ninetieth", 90},
        {"hundredth", 100}, {"thousandth", 1e3}, {"millionth", 1e6},
};

/* Units written after a number, glued or spaced, and their normal form. */
static const struct {
	const char *w;
	const char *unit;
} units[] = {
        {"mm", "mm"},
        {"cm", "cm"},
        {"km", "km"},
        {"m", "m"},
        {"kg", "kg"},
        {"mph", "mph"},
        {"kph", "km/h"},
        {"kmh", "km/h"},
        {"ft", "ft"},
        {"mw", "mw"},
        {"gw", "gw"},
        {"kw", "kw"},
        {"kwh", "kwh"},
        {"mwh", "mwh"},
        {"pc", "%"},
        {"percent", "%"},
        {"%", "%"},
        {"kilometres", "km"},
        {"kilometers", "km"},
        {"kilometre", "km"},
        {"kilometer", "km"},
        {"miles", "mi"},
        {"mile", "mi"},
        {"metres", "m"},
        {"meters", "m"},
        {"metre", "m"},
        {"meter", "m"},
        {"kilograms", "kg"},
        {"kilogram", "kg"},
        {"kilos", "kg"},
        {"tonnes", "t"},
        {"tonne", "t"},
        {"tons", "t"},
        {"ton", "t"},
        {"feet", "ft"},
        {"foot", "ft"},
        {"hectares", "ha"},
        {"acres", "acre"},
        {"millimetres", "mm"},
        {"millimeters", "mm"},
        {"centimetres", "cm"},
        {"centimeters", "cm"},
        {"dollars", "usd"},
        {"dollar", "usd"},
        {"euros", "eur"},
        {"euro", "eur"},
        {"pounds", "gbp"},
        {"roubles", "rub"},
        {"rubles", "rub"},
        {"hryvnias", "uah"},
        {"hryvnia", "uah"},
        {"yuan", "cny"},
        {"yen", "jpy"},
};

/* Glued multipliers: "$5m", "9.6bn", "30k". "m" is a million only after
 * a currency sign; otherwise it is metres. */
static const word_value glued_scales[] = {
        {"bn", 1e9}, {"b", 1e9}, {"tn", 1e12}, {"trn", 1e12}, {"k", 1e3},
};

static const struct {
	const char *w;
	const char *unit;
} currency_signs[] = {
        {"$", "usd"}, {"€", "eur"}, {"£", "gbp"},
        {"¥", "jpy"}, {"₴", "uah"}, {"₽", "rub"},
};

/* Words that modify a counted noun without being it: "six more
 * soldiers", "the 1,000th consecutive day". Checked before stopwords,
 * since "more" and "other" are stopwords. */
static const char *const modifiers[] = {
        "more",      "other",      "additional", "new",
        "further",   "extra",      "previous",   "last",
        "next",      "past",       "first",      "consecutive",
        "straight",  "successive", "separate",   "different",
        "major",     "large",      "small",      "big",
        "key",       "main",       "multiple",   "several",
        "few",       "many",       "such",       "same",
        "own",       "recent",     "daily",      "total",
        "entire",    "whole",      "full",       "remaining",
        "armed",     "military",   "nuclear",    "foreign",
        "senior",    "top",        "heavy",      "advanced",
        "modern",    "old",        "young",      "long",
        "short",     "only",       "separate",   "unmanned",
        "ballistic", "cruise",     "guided",     "self-propelled",
        "ever",
};

/* Words before a number that make it approximate. */
static const char *const approx_words[] = {
        "about",         "around", "nearly",     "almost", "roughly",
        "approximately", "some",   "over",       "under",  "circa",
        "estimated",     "approx", "reportedly",
};

/* Plural nouns without a final s. */
static const char *const irregular_plurals[] = {
        "people",    "children", "men",       "women",   "police",
        "personnel", "staff",    "aircraft",  "cattle",  "feet",
        "media",     "crew",     "livestock", "militia",
};

/* Words after "the" or "of" that introduce the noun phrase counted:
 * "56 of the 122 drones", "three of its ships". */
static const char *const determiners[] = {
        "the", "its",   "their", "his", "her",
        "our", "these", "those", "my",  "your",
};

/* strcmp() == 0, with the first bytes compared inline: the matchers
 * compare most tokens with a word they are not, and a first byte that
 * differs spares the call. */
static inline int streq(const char *a, const char *b)
{
	return a[0] == b[0] && (a[0] == '\0' || strcmp(a + 1, b + 1) == 0);
}

/* 1 when n bytes of s equal the NUL-terminated w. Byte by byte, with no
 * strlen of w: the tables are scanned linearly for many tokens, and most
 * entries differ in their first byte. */
static int eqn(const char *s, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] != s[i] || w[i] == '\0')
			return 0;
	return w[n] == '\0';
}

static int lookup(const word_value *t, size_t n, const char *s, size_t len,
                  double *v)
{
	for (size_t i = 0; i < n; i++)
		if (eqn(s, len, t[i].w)) {
			*v = t[i].v;
			return 1;
		}
	return 0;
}

/* Parses the numeral prefix of s[0..n): digits with "," thousands groups
 * and one decimal point. Returns the bytes used (0 when s does not start
 * with a digit, or has more digits than a double holds exactly) and sets
 * *value. Digits are read as one integer divided by a power of ten, so
 * the result is correctly rounded and does not depend on the locale. */
static size_t parse_numeral(const char *s, size_t n, double *value)
{
	size_t p = 0;
	int digits = 0, frac = 0;
	double mant = 0;
	if (n == 0 || s[0] < '0' || s[0] > '9')
		return 0;
	while (p < n) {
		if (s[p] >= '0' && s[p] <= '9') {
			mant = mant * 10 + (s[p++] - '0');
			digits++;
		} else if (s[p] == ',' && p + 1 < n && s[p + 1] >= '0' &&
		           s[p + 1] <= '9') {
			p++;
		} else {
			break;
		}
	}
	if (p + 1 < n && s[p] == '.' && s[p + 1] >= '0' && s[p + 1] <= '9') {
		p++;
		while (p < n && s[p] >= '0' && s[p] <= '9') {
			mant = mant * 10 + (s[p++] - '0');
			digits++;
			frac++;
		}
	}
	if (digits > NUMERAL_DIGITS_MAX)
		return 0;
	*value = frac ? mant / pow(10, frac) : mant;
	return p;
}

/* A single number word: cardinal, scale, ordinal, or a hyphenated
 * compound ("twenty-five", "twenty-first"). */
/* 1 when a word starting with letter c may be a number word: every
 * word of cardinals, scales, plural_scales and ordinals starts with one
 * of "bdefhmnostz". A test that spares most words the table look-ups. */
static int number_initial(char c)
{
	static const uint32_t mask =
	        1u << ('b' - 'a') | 1u << ('d' - 'a') | 1u << ('e' - 'a') |
	        1u << ('f' - 'a') | 1u << ('h' - 'a') | 1u << ('m' - 'a') |
	        1u << ('n' - 'a') | 1u << ('o' - 'a') | 1u << ('s' - 'a') |
	        1u << ('t' - 'a') | 1u << ('z' - 'a');
	return c >= 'a' && c <= 'z' && (mask >> (c - 'a') & 1u);
}

static int parse_word(const char *s, size_t n, double *value, int *ordinal)
{
	*ordinal = 0;
	if (n == 0 || !number_initial(s[0]))
		return 0;
	if (lookup(cardinals, CR_COUNT(cardinals), s, n, value) ||
	    lookup(scales, CR_COUNT(scales), s, n, value))
		return 1;
	if (lookup(ordinals, CR_COUNT(ordinals), s, n, value)) {
		*ordinal = 1;
		return 1;
	}
	const char *dash = memchr(s, '-', n);
	if (!dash)
		return 0;
	size_t head = (size_t)(dash - s);
	double tens, unit;
	if (!lookup(cardinals, CR_COUNT(cardinals), s, head, &tens) ||
	    tens < 20 || (int)tens % 10 != 0)
		return 0;
	const char *rest = dash + 1;
	size_t rn = n - head - 1;
	if (lookup(cardinals, CR_COUNT(cardinals), rest, rn, &unit) &&
	    unit >= 1 && unit <= 9) {
		*value = tens + unit;
		return 1;
	}
	if (lookup(ordinals, CR_COUNT(ordinals), rest, rn, &unit) &&
	    unit >= 1 && unit <= 9) {
		*value = tens + unit;
		*ordinal = 1;
		return 1;
	}
	return 0;
}

int cr_number_parse(const char *norm, size_t n, double *value, int *ordinal)
{
	if (!norm || n == 0 || !value || !ordinal)
		return 0;
	double v;
	size_t k = parse_numeral(norm, n, &v);
	if (k > 0) {
		const char *suf = norm + k;
		size_t sn = n - k;
		if (sn == 0) {
			*value = v;
			*ordinal = 0;
			return 1;
		}
		if ((eqn(suf, sn, "st") || eqn(suf, sn, "nd") ||
		     eqn(suf, sn, "rd") || eqn(suf, sn, "th")) &&
		    v == floor(v)) {
			*value = v;
			*ordinal = 1;
			return 1;
		}
		return 0;
	}
	int ord;
	if (!parse_word(norm, n, &v, &ord))
		return 0;
	*value = v;
	*ordinal = ord;
	return 1;
}

static const char *unit_of(const char *w)
{
	for (size_t i = 0; i < CR_COUNT(units); i++)
		if (streq(w, units[i].w))
			return units[i].unit;
	return NULL;
}

static const char *currency_sign(const char *w)
{
	for (size_t i = 0; i < CR_COUNT(currency_signs); i++)
		if (streq(w, currency_signs[i].w))
			return currency_signs[i].unit;
	return NULL;
}

/* 1 when the word looks plural: "drones", "systems", "people". */
static int looks_plural(const char *w)
{
	size_t n = strlen(w);
	if (CR_WORD_IN(w, irregular_plurals))
		return 1;
	if (n < 3 || w[n - 1] != 's')
		return 0;
	char c = w[n - 2];
	return c != 's' && c != 'u' && c != 'i' && c != '\'';
}

/* A content word that can be (part of) a counted noun phrase. Capitalised
 * words count even when they are stopwords ("US"). */
static int content_word(const cr_scan *s, uint32_t i)
{
	int f = cr_scan_flags(s, i);
	if (!(f & CR_TOK_WORD))
		return 0;
	if (CR_WORD_IN(cr_scan_norm(s, i), modifiers))
		return 1;
	if ((f & CR_TOK_STOP) && !(f & (CR_TOK_CAP | CR_TOK_UPPER)))
		return 0;
	double v;
	int ord;
	const char *w = cr_scan_norm(s, i);
	return !parse_word(w, strlen(w), &v, &ord);
}

/* A word that modifies the noun after it: hyphenated, in the modifier
 * list, or capitalised with another content word after it ("North
 * Korean soldiers"). */
static int modifier_at(const cr_scan *s, uint32_t i)
{
	const char *w = cr_scan_norm(s, i);
	if (CR_WORD_IN(w, modifiers) || strchr(w, '-'))
		return content_word(s, i + 1);
	if (cr_scan_flags(s, i) & (CR_TOK_CAP | CR_TOK_UPPER))
		return content_word(s, i + 1);
	return 0;
}

/* The stem of the noun counted by a number whose phrase starts at token
 * i. plural: the number is more than one, so the head is the first
 * plural-looking word not followed by another ("ATACMS missiles",
 * "rocket launch systems"); otherwise it is the first word that is no
 * modifier ("the 1,000th consecutive day"). NULL when there is none. */
static const char *counted_noun(const cr_scan *s, uint32_t i, int plural)
{
	for (uint32_t k = i, n = 0; k < s->e && n < HEAD_WALK; k++, n++) {
		if (!content_word(s, k))
			break;
		const char *w = cr_scan_norm(s, k);
		if (plural) {
			int up = cr_scan_flags(s, k) & CR_TOK_UPPER;
			if (looks_plural(w) && !up &&
			    !(content_word(s, k + 1) &&
			      looks_plural(cr_scan_norm(s, k + 1))))
				return cr_scan_tok(s, k)->stem;
			/* An acronym at the end of the phrase is the noun:
			 * "six ATACMS at". */
			if (up && !content_word(s, k + 1))
				return cr_scan_tok(s, k)->stem;
			continue;
		}
		if (!modifier_at(s, k))
			return cr_scan_tok(s, k)->stem;
	}
	return NULL;
}

/* The approximation cue ending just before token i, if any. */
static int approx_before(const cr_scan *s, uint32_t i)
{
	const char *p1 = cr_scan_norm(s, i - 1);
	const char *p2 = i >= s->b + 2 ? cr_scan_norm(s, i - 2) : "";
	const char *p3 = i >= s->b + 3 ? cr_scan_norm(s, i - 3) : "";
	if (i <= s->b)
		return 0;
	if (CR_WORD_IN(p1, approx_words))
		return 1;
	if (streq(p1, "than") &&
	    (streq(p2, "more") || streq(p2, "less") || streq(p2, "fewer")))
		return 1;
	if ((streq(p1, "least") || streq(p1, "most")) && streq(p2, "at"))
		return 1;
	if (streq(p1, "to") && (streq(p2, "up") || streq(p2, "close")))
		return 1;
	if (streq(p1, "of") && (streq(p2, "upwards") || streq(p2, "excess")))
		return 1;
	if (streq(p1, "as") && (streq(p2, "many") || streq(p2, "much")) &&
	    streq(p3, "as"))
		return 1;
	return 0;
}

/* A run of number words from token i: "two hundred and fifty", "a
 * dozen", "twenty-first", "tens of thousands". Sets *value, *ordinal,
 * *approx and *last (the last token of the run). */
static int word_run(const cr_scan *s, uint32_t i, double *value, int *ordinal,
                    int *approx, uint32_t *last)
{
	const char *w = cr_scan_norm(s, i);
	double v;
	int ord;
	*approx = 0;
	*ordinal = 0;
	if (!number_initial(w[0]) && !(w[0] == 'a' && w[1] == '\0'))
		return 0;
	/* Two letters rule out most of the rest: "the", "to", "said". */
	if (w[0] == 't' && w[1] != 'w' && w[1] != 'h' && w[1] != 'e' &&
	    w[1] != 'r')
		return 0;
	if (w[0] == 's' && w[1] != 'i' && w[1] != 'e')
		return 0;
	if (lookup(plural_scales, CR_COUNT(plural_scales), w, strlen(w), &v)) {
		/* "tens of thousands", "hundreds of thousands" */
		double v2;
		const char *w2 = cr_scan_norm(s, i + 2);
		if (streq(cr_scan_norm(s, i + 1), "of") &&
		    lookup(plural_scales, CR_COUNT(plural_scales), w2,
		           strlen(w2), &v2) &&
		    v2 > v) {
			*value = v * v2;
			*last = i + 2;
		} else if (v == 10) {
			return 0; /* "tens" alone is no number */
		} else {
			*value = v;
			*last = i;
		}
		*approx = 1;
		return 1;
	}
	uint32_t k = i;
	double total = 0, cur = 0;
	int any = 0;
	if (streq(w, "a")) {
		const char *w1 = cr_scan_norm(s, i + 1);
		if (!lookup(scales, CR_COUNT(scales), w1, strlen(w1), &v))
			return 0;
		cur = 1;
		k = i + 1;
	}
	for (int n = 0; k < s->e && n < NUM_WORDS_MAX; n++) {
		w = cr_scan_norm(s, k);
		if (!(cr_scan_flags(s, k) & CR_TOK_WORD))
			break;
		if (streq(w, "and") && any) {
			/* "hundred and fifty": only between a scale and a
			 * smaller number word. */
			const char *nx = cr_scan_norm(s, k + 1);
			double nv;
			int no;
			if (!parse_word(nx, strlen(nx), &nv, &no) || nv >= 100)
				break;
			k++;
			continue;
		}
		if (!parse_word(w, strlen(w), &v, &ord))
			break;
		int is_scale =
		        lookup(scales, CR_COUNT(scales), w, strlen(w), &v);
		if (ord && any && v >= 100) {
			/* "two hundredth"; rare, keep it simple. */
			cur = (cur ? cur : 1) * v;
			*ordinal = 1;
			*last = k;
			*value = total + cur;
			return 1;
		}
		if (ord) {
			if (any && cur >= 20 && (int)cur % 10 == 0 && v < 10)
				cur += v;
			else if (any)
				break;
			else
				cur = v;
			*ordinal = 1;
			*last = k;
			*value = total + cur;
			return 1;
		}
		if (is_scale) {
			if (cur == 0)
				cur = 1;
			if (v < 1000) {
				cur *= v;
			} else {
				total += cur * v;
				cur = 0;
			}
		} else {
			/* "six seven" is two numbers, not 13. */
			if (any && cur != 0 && fmod(cur, 100) != 0 &&
			    !(cur >= 20 && (int)cur % 10 == 0 && v < 10))
				break;
			cur += v;
		}
		any = 1;
		*last = k;
		k++;
	}
	if (!any)
		return 0;
	*value = total + cur;
	return 1;
}

/* 1 when the number at token i is part of a time ("10:30", "3pm"). */
static int is_time(const cr_scan *s, uint32_t i, const char *suffix)
{
	if (streq(suffix, "am") || streq(suffix, "pm") || streq(suffix, "h"))
		return 1;
	if (cr_scan_adjacent(s, i) && streq(cr_scan_norm(s, i + 1), ":") &&
	    (cr_scan_flags(s, i + 2) & CR_TOK_NUM))
		return 1;
	if (i >= s->b + 2 && cr_scan_adjacent(s, i - 1) &&
	    streq(cr_scan_norm(s, i - 1), ":") &&
	    (cr_scan_flags(s, i - 2) & CR_TOK_NUM))
		return 1;
	const char *nx = cr_scan_norm(s, i + 1);
	return streq(nx, "am") || streq(nx, "pm") || streq(nx, "a.m.") ||
	       streq(nx, "p.m.") || streq(nx, "gmt") || streq(nx, "utc");
}

/* 1 when a four-digit number reads as a year. News style writes counts
 * of thousands with a comma ("2,000 troops"), so a plain 1900..2100 is a
 * year ("the 2024 US election") unless an approximation precedes it or a
 * plural noun follows it at once ("2000 troops"). */
static int reads_as_year(const cr_scan *s, uint32_t i, double v, int approx)
{
	const char *w = cr_scan_norm(s, i);
	if (strlen(w) != 4 || v < 1900 || v > 2100 || approx)
		return 0;
	return !(content_word(s, i + 1) &&
	         looks_plural(cr_scan_norm(s, i + 1)));
}

/* Appends n to a->nums, doubling the array when full. */
static cr_err push(cr_article *a, uint32_t *cap, const cr_number *n)
{
	if (a->n_nums >= CR_MAX_NUMBERS)
		return CR_ETOOBIG;
	if (a->n_nums == *cap) {
		uint32_t nc = *cap ? *cap * 2 : 16;
		cr_number *g =
		        cr_arena_grow(a->arena, a->nums, *cap, nc, sizeof *g);
		if (!g)
			return CR_ENOMEM;
		a->nums = g;
		*cap = nc;
	}
	a->nums[a->n_nums++] = *n;
	return CR_OK;
}

/* The number (if any) starting at token i. Fills *out and sets *next to
 * the token after everything it consumed ("56 out of 122" consumes 122).
 * Returns 0 when token i starts no number. */
static int match_number(const cr_scan *s, uint32_t i, cr_number *out,
                        uint32_t *next)
{
	const cr_token *t = cr_scan_tok(s, i);
	double v = 0;
	int ord = 0, approx = 0, is_year = 0, numeric = 0;
	const char *unit = NULL;
	uint32_t first = i, last = i;
	*next = i + 1;

	if (t->flags & CR_TOK_NUM) {
		int role = cr_date_number_role(s->a, i);
		if (role == 1)
			return 0;
		size_t n = strlen(t->norm);
		size_t k = parse_numeral(t->norm, n, &v);
		if (k == 0)
			return 0;
		const char *suf = t->norm + k;
		if (is_time(s, i, suf))
			return 0;
		numeric = 1;
		if (i > s->b && cr_scan_adjacent(s, i - 1)) {
			const char *cur = currency_sign(cr_scan_norm(s, i - 1));
			if (cur) {
				unit = cur;
				first = i - 1;
				if (first > s->b &&
				    cr_scan_adjacent(s, first - 1) &&
				    (cr_scan_flags(s, first - 1) & CR_TOK_WORD))
					first--; /* "US$5" */
			} else if (streq(cr_scan_norm(s, i - 1), "-") &&
			           i >= s->b + 2 &&
			           cr_scan_adjacent(s, i - 2) &&
			           (cr_scan_flags(s, i - 2) & CR_TOK_WORD)) {
				return 0; /* a model name: "Su-34" */
			}
		}
		double mult;
		if (*suf == '\0') {
			/* plain */
		} else if ((streq(suf, "st") || streq(suf, "nd") ||
		            streq(suf, "rd") || streq(suf, "th")) &&
		           v == floor(v)) {
			ord = 1;
		} else if (unit && streq(suf, "m")) {
			v *= 1e6;
		} else if (lookup(glued_scales, CR_COUNT(glued_scales), suf,
		                  strlen(suf), &mult)) {
			v *= mult;
		} else if (streq(suf, "s") && v >= 1000 && v <= 2100 &&
		           fmod(v, 10) == 0) {
			is_year = 1; /* a decade: "the 1990s" */
		} else if ((unit == NULL) && unit_of(suf) && !streq(suf, "%")) {
			unit = unit_of(suf);
		} else {
			return 0; /* "4x4", "5g": not a quantity we know */
		}
		if (role == 2)
			is_year = 1;
	} else if (t->flags & CR_TOK_WORD) {
		if (!word_run(s, i, &v, &ord, &approx, &last))
			return 0;
		const char *w = t->norm;
		const char *nx = cr_scan_norm(s, last + 1);
		if (streq(w, "one") && last == i) {
			/* "one of the", "the one that", "no one": not a
			 * count. */
			const char *pv = cr_scan_norm(s, i - 1);
			if (streq(nx, "of") || streq(nx, "another") ||
			    !content_word(s, i + 1) || streq(pv, "the") ||
			    streq(pv, "no") || streq(pv, "any") ||
			    streq(pv, "every") || streq(pv, "each") ||
			    streq(pv, "this") || streq(pv, "that") ||
			    streq(pv, "which"))
				return 0;
		}
		if (streq(w, "second") && last == i &&
		    (streq(nx, ",") || !content_word(s, i + 1)))
			return 0;
	} else {
		return 0;
	}

	/* "2.5 billion", "5 million": scale words after a numeral. */
	if (numeric && !ord && !is_year) {
		for (int n = 0; n < 3; n++) {
			const char *w = cr_scan_norm(s, last + 1);
			double mult;
			if (!lookup(scales, CR_COUNT(scales), w, strlen(w),
			            &mult))
				break;
			v *= mult;
			last++;
		}
	}
	if (v > VALUE_MAX)
		return 0;

	if (!approx)
		approx = approx_before(s, first);

	if (numeric && !ord && !unit && !is_year && v == floor(v) &&
	    last == i && reads_as_year(s, i, v, approx))
		is_year = 1;

	/* A spaced unit: "20 %", "240 mm", "5 million dollars", "per cent". */
	if (!ord && !is_year) {
		const char *w = cr_scan_norm(s, last + 1);
		if (streq(w, "-") && cr_scan_adjacent(s, last) &&
		    cr_scan_adjacent(s, last + 1) &&
		    unit_of(cr_scan_norm(s, last + 2)) && !unit) {
			unit = unit_of(cr_scan_norm(s, last + 2));
			last += 2;
		} else if (streq(w, "per") &&
		           streq(cr_scan_norm(s, last + 2), "cent")) {
			unit = "%";
			last += 2;
		} else if (unit_of(w) && !unit &&
		           (!(cr_scan_flags(s, last + 1) & CR_TOK_WORD) ||
		            !(cr_scan_flags(s, last + 1) & CR_TOK_CAP))) {
			unit = unit_of(w);
			last++;
		}
	}

	cr_number num;
	memset(&num, 0, sizeof num);
	num.value = v;
	num.unit = unit;
	num.ordinal = (uint8_t)ord;
	num.approx = (uint8_t)approx;
	num.is_year = (uint8_t)is_year;
	*next = last + 1;

	if (!is_year) {
		uint32_t k = last + 1;
		int plural = !ord && v != 1;
		int after_of = 0;
		double tv;
		int to, ta;
		uint32_t tl;
		/* A hyphen-joined word is what the number measures: "a
		 * 30-day truce" counts days. */
		if (streq(cr_scan_norm(s, k), "-") &&
		    cr_scan_adjacent(s, last) && cr_scan_adjacent(s, k) &&
		    (cr_scan_flags(s, k + 1) & CR_TOK_WORD)) {
			num.counts = cr_scan_tok(s, k + 1)->stem;
			k = s->e;
		}
		if (streq(cr_scan_norm(s, k), "out") &&
		    streq(cr_scan_norm(s, k + 1), "of"))
			k += 2;
		else if (streq(cr_scan_norm(s, k), "of")) {
			k++;
			after_of = 1;
		}
		if (k > last + 1 && k < s->e) {
			if (CR_WORD_IN(cr_scan_norm(s, k), determiners))
				k++;
			/* A total: "56 out of 122 drones", "three of the
			 * five ships". */
			double pv;
			size_t pk = 0;
			const char *pw = cr_scan_norm(s, k);
			size_t pl = strlen(pw);
			if (cr_scan_flags(s, k) & CR_TOK_NUM)
				pk = parse_numeral(pw, pl, &pv);
			if (pk && pk == pl &&
			    cr_date_number_role(s->a, k) == 0) {
				num.total = pv;
				*next = k + 1;
				k++;
				after_of = 0;
			} else if ((cr_scan_flags(s, k) & CR_TOK_WORD) &&
			           word_run(s, k, &tv, &to, &ta, &tl) && !to &&
			           !ta) {
				num.total = tv;
				*next = tl + 1;
				k = tl + 1;
				after_of = 0;
			}
		}
		if (!num.counts && k < s->e)
			num.counts = counted_noun(s, k, plural && !after_of);
	}

	/* Ordinal words without a noun ("came second") and "the first
	 * time" are not facts about quantities. */
	if (ord && !numeric && (!num.counts || streq(num.counts, "time")))
		return 0;

	const cr_token *f = cr_scan_tok(s, first), *l = cr_scan_tok(s, last);
	num.span.off = f->span.off;
	num.span.len = l->span.off + l->span.len - f->span.off;
	*out = num;
	return 1;
}

cr_err cr_numbers_find(cr_article *a)
{
	if (!a)
		return CR_EINVAL;
	a->nums = NULL;
	a->n_nums = 0;
	uint32_t cap = 0;
	for (uint32_t si = 0; si < a->n_sents; si++) {
		cr_scan s = {a, a->sents[si].tok_begin, a->sents[si].tok_end};
		if (s.e > a->n_toks || s.b > s.e)
			continue;
		for (uint32_t i = s.b; i < s.e;) {
			cr_number n;
			uint32_t next;
			if (!match_number(&s, i, &n, &next)) {
				i++;
				continue;
			}
			n.sent = si;
			cr_err e = push(a, &cap, &n);
			if (e != CR_OK)
				return e;
			i = next > i ? next : i + 1;
		}
	}
	return CR_OK;
}

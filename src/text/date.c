/*
 * date.c - date expressions in news text and their calendar dates.
 *
 * Reads the tokens of an analysed article (norm and flags, as token.c
 * and analyze.c leave them) one sentence at a time and appends a cr_date
 * for each expression of time it recognises: full dates, months, years,
 * weekdays, relative days, holidays and vague times. Matching is by
 * small local patterns over a few tokens, so each token is looked at a
 * bounded number of times; a first pass over each sentence classes its
 * words by one hash probe each, so that the patterns are tried only at
 * the few tokens where a date may begin. It assumes the tokenizer's contract:
 * norms are case-folded with typographic apostrophes mapped to ', a trailing
 * "." is a punctuation token of its own ("Nov." is "nov" "."), numerals with an
 * ordinal suffix are one token ("20th"), and "-" between digits is a
 * punctuation token ("2024-11-20" is five tokens).
 *
 * Resolution places a date on the calendar against an anchor (the day
 * the article was published) the way news readers do: a bare weekday is
 * the most recent one, a month-day without a year the nearest one.
 */
#include "text/date.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "text/lexicon.h"
#include "text/number.h"
#include "text/scan.h"

/* offset_days of a MONTH with no tense to go by: the next one when it
 * begins within NEAREST_AHEAD months, else the last one. */
#define NEAREST_MONTH 2
/* Months ahead of the anchor an untensed month may lie. */
#define NEAREST_AHEAD 3
/* Most dates kept for one article: a bound on hostile input. */
#define CR_MAX_DATES 65536u
/* Tokens looked back over, then ahead, for the tense that sets the
 * direction of a weekday or month ("will ... in January"). */
#define TENSE_LOOKBACK  12
#define TENSE_LOOKAHEAD 6
/* Tokens before a number that a date containing it may start at. */
#define ROLE_LOOKBACK 5
/* Years a plain year or an inferred year may take. */
#define YEAR_MIN 1900
#define YEAR_MAX 2100
/* Years searched forward for a day-month falling on a weekday: the
 * Gregorian weekday cycle repeats within 28 years except on Feb 29. */
#define INFER_YEARS 40

#define NO_TOK UINT32_MAX

/* One match: the date and the tokens it covers. day_tok and year_tok
 * name the numbers that are a day or a year of it (NO_TOK when none);
 * all_parts marks a numeric date whose every number is a date part. */
typedef struct dmatch {
	cr_date d;
	uint32_t first, last;
	uint32_t day_tok, year_tok;
	int all_parts;
} dmatch;

static const char *const month_names[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};

static const struct {
	const char *w;
	int m;
} month_abbrs[] = {
        {"jan", 1},  {"feb", 2},  {"mar", 3},  {"apr", 4},
        {"jun", 6},  {"jul", 7},  {"aug", 8},  {"sep", 9},
        {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
};

static const char *const weekday_names[7] = {"sunday",    "monday",   "tuesday",
                                             "wednesday", "thursday", "friday",
                                             "saturday"};

/* Words after which a month or year names a time, not a person or a verb:
 * "in May", "since 2014". */
static const char *const time_cues[] = {
        "in",      "on",     "since", "until",     "till",   "of",
        "early",   "late",   "mid",   "by",        "from",   "through",
        "during",  "before", "after", "last",      "next",   "this",
        "between", "end",    "start", "beginning", "middle", "throughout",
        "until",   "around", "to",    "and",       "for",    "into",
        "due",
};

/* Words that make a following weekday, month or holiday lie after the
 * anchor: "will meet on Friday", "before Trump takes office in January". */
static const char *const future_cues[] = {
        "will",   "shall",     "next",     "coming",  "upcoming",
        "due",    "scheduled", "planned",  "returns", "takes",
        "begins", "starts",    "won't",    "resumes", "expires",
        "opens",  "expected",  "supposed", "expects", "would",
};

/* strcmp() == 0, with the first bytes compared inline: the matchers
 * compare most tokens with a word they are not, and a first byte that
 * differs spares the call. */
static inline int streq(const char *a, const char *b)
{
	return a[0] == b[0] && (a[0] == '\0' || strcmp(a + 1, b + 1) == 0);
}

/* 1 when w is one of the n words of list: cr_word_in() with streq(),
 * so that most words are told apart by their first byte, inline. */
static inline int word_in(const char *w, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (streq(w, list[k]))
			return 1;
	return 0;
}

#define WORD_IN(w, list) word_in((w), (list), CR_COUNT(list))

static int is_cap(const cr_scan *s, uint32_t i)
{
	return cr_scan_is_word(s, i) &&
	       (cr_scan_tok(s, i)->flags & (CR_TOK_CAP | CR_TOK_UPPER));
}

/* Copies the norm of a word into buf without a possessive "'s", so that
 * "tuesday's" and "year's" read as their words. */
static const char *base_word(const char *norm, char *buf, size_t cap)
{
	if (!strchr(norm, '\''))
		return norm; /* nothing to strip: no copy */
	size_t n = strlen(norm);
	if (n + 1 > cap)
		return norm;
	memcpy(buf, norm, n + 1);
	if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
		buf[n - 2] = '\0';
	else if (n > 1 && buf[n - 1] == '\'')
		buf[n - 1] = '\0';
	return buf;
}

/* The month (1..12) a word names, full or abbreviated; 0 when none.
 * *abbr is set for abbreviations. */
static int month_of(const char *w, int *abbr)
{
	*abbr = 0;
	for (int m = 0; m < 12; m++)
		if (streq(w, month_names[m]))
			return m + 1;
	for (size_t i = 0; i < CR_COUNT(month_abbrs); i++)
		if (streq(w, month_abbrs[i].w)) {
			*abbr = 1;
			return month_abbrs[i].m;
		}
	return 0;
}

static int weekday_of(const char *w)
{
	for (int d = 0; d < 7; d++)
		if (streq(w, weekday_names[d]))
			return d;
	return -1;
}

/* Value of a plain digit string with an optional ordinal suffix, or -1:
 * "20" "20th" -> 20. Commas, points and other suffixes are not days. */
static long digits_value(const char *w, int *ndigits)
{
	long v = 0;
	int n = 0;
	while (w[n] >= '0' && w[n] <= '9' && n < 6)
		v = v * 10 + (w[n++] - '0');
	*ndigits = n;
	if (n == 0)
		return -1;
	const char *suf = w + n;
	if (*suf == '\0' || streq(suf, "st") || streq(suf, "nd") ||
	    streq(suf, "rd") || streq(suf, "th"))
		return v;
	return -1;
}

/* The day (1..31) number token i writes, or 0. */
static int day_at(const cr_scan *s, uint32_t i)
{
	if (i < s->b || i >= s->e || !(cr_scan_tok(s, i)->flags & CR_TOK_NUM))
		return 0;
	int nd;
	long v = digits_value(cr_scan_tok(s, i)->norm, &nd);
	return (nd <= 2 && v >= 1 && v <= 31) ? (int)v : 0;
}

/* The year (1000..2999, four plain digits) token i writes, or 0. */
static int year_at(const cr_scan *s, uint32_t i)
{
	if (i < s->b || i >= s->e || !(cr_scan_tok(s, i)->flags & CR_TOK_NUM))
		return 0;
	const char *w = cr_scan_tok(s, i)->norm;
	int nd;
	long v = digits_value(w, &nd);
	if (nd != 4 || w[4] != '\0' || v < 1000 || v > 2999)
		return 0;
	return (int)v;
}

/* The value of a spelled number word below 100 ("six", "ninety",
 * "ninety-six"), or -1. */
static int spelled_below_100(const char *w)
{
	static const char *const units[] = {
	        "zero",    "one",     "two",       "three",    "four",
	        "five",    "six",     "seven",     "eight",    "nine",
	        "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
	        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
	static const char *const tens[] = {"twenty", "thirty", "forty",
	                                   "fifty",  "sixty",  "seventy",
	                                   "eighty", "ninety"};
	const char *dash = strchr(w, '-');
	size_t n = dash ? (size_t)(dash - w) : strlen(w);
	for (int k = 0; k < 8; k++)
		if (strlen(tens[k]) == n && !strncmp(w, tens[k], n)) {
			if (!dash)
				return 20 + 10 * k;
			for (int u = 1; u < 10; u++)
				if (streq(dash + 1, units[u]))
					return 20 + 10 * k + u;
			return -1;
		}
	for (int u = 0; u < 20 && !dash; u++)
		if (streq(w, units[u]))
			return u;
	return -1;
}

/* A year spelled out as broadcast transcripts write it: "nineteen
 * ninety-six", "nineteen oh five", and after "year" "two thousand" or
 * "two thousand one". Returns the year and sets *last to its last
 * token; 0 when token i starts no such year. */
static int spelled_year(const cr_scan *s, uint32_t i, uint32_t *last)
{
	const char *w = cr_scan_norm(s, i);
	const char *w1 = cr_scan_norm(s, i + 1);
	if (streq(w, "nineteen") || streq(w, "eighteen")) {
		int c = streq(w, "nineteen") ? 1900 : 1800;
		if (streq(w1, "oh")) {
			int u = spelled_below_100(cr_scan_norm(s, i + 2));
			if (u < 1 || u > 9)
				return 0;
			*last = i + 2;
			return c + u;
		}
		int v = spelled_below_100(w1);
		if (v < 20)
			return 0;
		*last = i + 1;
		return c + v;
	}
	if (streq(w, "two") && streq(w1, "thousand") && i > s->b &&
	    streq(cr_scan_norm(s, i - 1), "year")) {
		int u = spelled_below_100(cr_scan_norm(s, i + 2));
		*last = u > 0 ? i + 2 : i + 1;
		return 2000 + (u > 0 ? u : 0);
	}
	return 0;
}

/* The month named at token i, capitalised as news writes months; sets
 * *abbr and, when a "." follows an abbreviation, *next past it. 0 when
 * token i is no month. */
static int month_at(const cr_scan *s, uint32_t i, int *abbr, uint32_t *next)
{
	if (!is_cap(s, i))
		return 0;
	char buf[32];
	int m = month_of(base_word(cr_scan_tok(s, i)->norm, buf, sizeof buf),
	                 abbr);
	if (!m)
		return 0;
	*next = i + 1;
	if (*abbr && *next < s->e && streq(cr_scan_norm(s, *next), ".") &&
	    cr_scan_adjacent(s, i))
		(*next)++;
	return m;
}

/* 1 when a word just before token i makes a time reading likely. */
static int time_cue_before(const cr_scan *s, uint32_t i)
{
	return i > s->b && WORD_IN(cr_scan_norm(s, i - 1), time_cues);
}

/* Past-tense verbs that do not end in "-ed". */
static const char *const past_verbs[] = {
        "was",   "were",    "had",    "did",  "said",   "told",  "came",
        "went",  "took",    "made",   "fell", "rose",   "began", "gave",
        "got",   "left",    "met",    "held", "won",    "lost",  "saw",
        "found", "sold",    "bought", "paid", "struck", "led",   "became",
        "knew",  "brought", "spent",  "kept", "sent",   "wrote", "spoke",
        "ago",   "earlier",
};

/* Words ending in "-ed" that are no past tense. */
static const char *const not_past[] = {
        "need", "indeed", "speed", "hundred", "red",     "bed",    "shed",
        "feed", "seed",   "breed", "proceed", "succeed", "exceed", "embed",
};

/* The tense token i lends a date near it: +1 future ("will", "'ll",
 * "expected"), -1 past ("said", "was", a lower-case "-ed" word), 0
 * none. An approximation of a part-of-speech tag, enough to choose
 * between the last and the next such day. */
static int tense_of(const cr_scan *s, uint32_t i)
{
	const cr_token *t = cr_scan_tok(s, i);
	if (!(t->flags & CR_TOK_WORD))
		return 0;
	const char *w = t->norm;
	size_t n = strlen(w);
	const char *prev = i > s->b ? cr_scan_norm(s, i - 1) : "";
	if (WORD_IN(w, future_cues) || (n > 3 && streq(w + n - 3, "'ll"))) {
		/* "next to" is a place; "had been due" a past plan. */
		if (streq(w, "next") && streq(cr_scan_norm(s, i + 1), "to"))
			return 0;
		if (streq(prev, "had") ||
		    (streq(prev, "been") && i > s->b + 1 &&
		     streq(cr_scan_norm(s, i - 2), "had")))
			return -1;
		return 1;
	}
	if ((t->flags & (CR_TOK_CAP | CR_TOK_UPPER)) && i != s->b)
		return 0;
	if (WORD_IN(w, past_verbs))
		return -1;
	if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd' &&
	    !WORD_IN(w, not_past)) {
		/* A participle after "be" ("will be named") takes its tense
		 * from the verb before it. */
		if (streq(prev, "be") || streq(prev, "been") ||
		    streq(prev, "being"))
			return 0;
		return -1;
	}
	return 0;
}

/* The tense of the sentence around token i: the nearest tensed word
 * before it within TENSE_LOOKBACK tokens, else the nearest one after it
 * within TENSE_LOOKAHEAD (HeidelTime reads the tense of the verb
 * governing a date the same way, from part-of-speech tags). */
static int sentence_tense(const cr_scan *s, uint32_t i)
{
	for (uint32_t k = i, n = 0; k > s->b && n < TENSE_LOOKBACK; k--, n++) {
		const cr_token *p = cr_scan_tok(s, k - 1);
		if ((p->flags & CR_TOK_QUOTE) ||
		    ((p->flags & CR_TOK_PUNCT) && strchr(",;:()", p->norm[0])))
			break;
		int t = tense_of(s, k - 1);
		if (t)
			return t;
	}
	for (uint32_t k = i + 1, n = 0; k < s->e && n < TENSE_LOOKAHEAD;
	     k++, n++) {
		int t = tense_of(s, k);
		if (t)
			return t;
	}
	return 0;
}

/* The direction a weekday, month or holiday at [first..] is meant in:
 * -1 after "last" or "past", +1 after "next" or "coming", else the
 * tense of its sentence (sentence_tense()). *first moves back over a
 * "next"/"last"/"this" that belongs to the expression. */
static int direction_before(const cr_scan *s, uint32_t *first)
{
	uint32_t i = *first;
	if (i > s->b) {
		const char *p = cr_scan_norm(s, i - 1);
		if (streq(p, "last") || streq(p, "past")) {
			*first = i - 1;
			return -1;
		}
		if (streq(p, "next") || streq(p, "coming")) {
			*first = i - 1;
			if (*first > s->b &&
			    streq(cr_scan_norm(s, *first - 1), "this"))
				(*first)--;
			return 1;
		}
		if (streq(p, "this")) {
			*first = i - 1;
			return 0;
		}
	}
	/* "as soon as Tuesday", "as early as May": a time yet to come. */
	if (i >= s->b + 3 && streq(cr_scan_norm(s, i - 1), "as") &&
	    streq(cr_scan_norm(s, i - 3), "as") &&
	    (streq(cr_scan_norm(s, i - 2), "soon") ||
	     streq(cr_scan_norm(s, i - 2), "early")))
		return 1;
	/* "by May", "until Friday": a deadline lies ahead. */
	if (i > s->b) {
		const char *p = cr_scan_norm(s, i - 1);
		if (streq(p, "by") || streq(p, "until") || streq(p, "till") ||
		    streq(p, "through"))
			return sentence_tense(s, i) >= 0;
	}
	/* A past tense means the most recent such day, as no cue does. */
	return sentence_tense(s, i) > 0;
}

/* The direction of a month without a year at [first..]: as
 * direction_before(), except that a month in a clause with no tense is
 * the nearest such month (NEAREST_MONTH), before or after the anchor. */
static int month_direction(const cr_scan *s, uint32_t *first)
{
	uint32_t i = *first;
	int dir = direction_before(s, first);
	if (dir == 0 && *first == i && sentence_tense(s, i) == 0)
		return NEAREST_MONTH;
	return dir;
}

static void match_init(dmatch *m, uint32_t first, uint8_t kind)
{
	memset(m, 0, sizeof *m);
	m->d.kind = kind;
	m->d.weekday = -1;
	m->first = first;
	m->last = first;
	m->day_tok = NO_TOK;
	m->year_tok = NO_TOK;
}

/* An optional ", YYYY" or " YYYY" after token j - 1; sets the year. */
static uint32_t take_year(const cr_scan *s, uint32_t j, dmatch *m)
{
	uint32_t k = j;
	if (k < s->e && streq(cr_scan_norm(s, k), ","))
		k++;
	int y = year_at(s, k);
	if (!y)
		return j;
	m->d.year = (int16_t)y;
	m->year_tok = k;
	m->last = k;
	return k + 1;
}

/* "2024-11-20", as five tokens or (if the tokenizer keeps it) one. */
static int match_iso(const cr_scan *s, uint32_t i, dmatch *m)
{
	if (i >= s->e || !(cr_scan_tok(s, i)->flags & CR_TOK_NUM))
		return 0;
	const char *w = cr_scan_tok(s, i)->norm;
	int y, mo, d;
	uint32_t last;
	if (strlen(w) == 10 && w[4] == '-' && w[7] == '-') {
		char buf[11];
		memcpy(buf, w, 11);
		buf[4] = buf[7] = '\0';
		int n1, n2, n3;
		y = (int)digits_value(buf, &n1);
		mo = (int)digits_value(buf + 5, &n2);
		d = (int)digits_value(buf + 8, &n3);
		if (n1 != 4 || n2 != 2 || n3 != 2)
			return 0;
		last = i;
	} else {
		if (i + 4 >= s->e || !cr_scan_adjacent(s, i) ||
		    !cr_scan_adjacent(s, i + 1) ||
		    !cr_scan_adjacent(s, i + 2) ||
		    !cr_scan_adjacent(s, i + 3) ||
		    !streq(cr_scan_norm(s, i + 1), "-") ||
		    !streq(cr_scan_norm(s, i + 3), "-"))
			return 0;
		int nd;
		y = year_at(s, i);
		mo = (int)digits_value(cr_scan_norm(s, i + 2), &nd);
		if (nd != 2 || !(cr_scan_tok(s, i + 2)->flags & CR_TOK_NUM))
			return 0;
		d = (int)digits_value(cr_scan_norm(s, i + 4), &nd);
		if (nd != 2 || !(cr_scan_tok(s, i + 4)->flags & CR_TOK_NUM))
			return 0;
		last = i + 4;
		/* "2024-11-20-5" is something else. */
		if (cr_scan_adjacent(s, last) &&
		    !streq(cr_scan_norm(s, last + 1), ".") &&
		    !streq(cr_scan_norm(s, last + 1), ","))
			return 0;
	}
	if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	match_init(m, i, CR_DATE_ABSOLUTE);
	m->d.year = (int16_t)y;
	m->d.month = (int8_t)mo;
	m->d.day = (int8_t)d;
	m->last = last;
	m->all_parts = 1;
	return 1;
}

/* Month first: "November 20", "Nov. 20, 2024", "February 2022",
 * "in January". */
static int match_month(const cr_scan *s, uint32_t i, dmatch *m)
{
	int abbr;
	uint32_t j;
	int mo = month_at(s, i, &abbr, &j);
	if (!mo) {
		/* "mid-November", "early-March" are one word token. */
		if (!cr_scan_is_word(s, i))
			return 0;
		const char *w = cr_scan_norm(s, i);
		const char *dash = strchr(w, '-');
		if (!dash)
			return 0;
		size_t pre = (size_t)(dash - w);
		if (!((pre == 3 && !strncmp(w, "mid", 3)) ||
		      (pre == 5 && !strncmp(w, "early", 5)) ||
		      (pre == 4 && !strncmp(w, "late", 4))))
			return 0;
		mo = month_of(dash + 1, &abbr);
		if (!mo || abbr)
			return 0;
		match_init(m, i, CR_DATE_MONTH);
		m->d.month = (int8_t)mo;
		m->d.offset_days = month_direction(s, &m->first);
		take_year(s, i + 1, m);
		return 1;
	}
	int day = day_at(s, j);
	if (day) {
		match_init(m, i, CR_DATE_ABSOLUTE);
		m->d.month = (int8_t)mo;
		m->d.day = (int8_t)day;
		m->day_tok = j;
		m->last = j;
		take_year(s, j + 1, m);
		return 1;
	}
	uint32_t ylast = j;
	int y = year_at(s, j);
	if (!y && (y = spelled_year(s, j, &ylast)) != 0 && y >= YEAR_MIN) {
		match_init(m, i, CR_DATE_MONTH);
		m->d.month = (int8_t)mo;
		m->d.year = (int16_t)y;
		m->last = ylast;
		return 1;
	}
	if (y) {
		match_init(m, i, CR_DATE_MONTH);
		m->d.month = (int8_t)mo;
		m->d.year = (int16_t)y;
		m->year_tok = j;
		m->last = j;
		return 1;
	}
	/* A bare month: abbreviations never, and "May" or "March" only
	 * after a time cue ("in May"), since they are also common words. */
	if (abbr)
		return 0;
	if ((mo == 3 || mo == 5) && !time_cue_before(s, i))
		return 0;
	match_init(m, i, CR_DATE_MONTH);
	m->d.month = (int8_t)mo;
	m->d.offset_days = month_direction(s, &m->first);
	/* "this September" is in the anchor's year; "July last year" in the
	 * one before: a year offset, not a direction. */
	const char *n1 = cr_scan_norm(s, i + 1), *n2 = cr_scan_norm(s, i + 2);
	if ((streq(n1, "last") || streq(n1, "next") || streq(n1, "this")) &&
	    (streq(n2, "year") || streq(n2, "year's"))) {
		m->d.offset_days = streq(n1, "last") ? -1 : streq(n1, "next");
		m->d.offset_unit = 'y';
		m->last = i + 2;
	} else if (m->first < i && streq(cr_scan_norm(s, m->first), "this")) {
		m->d.offset_days = 0;
		m->d.offset_unit = 'y';
	}
	return 1;
}

/* Day first: "20 November 2024", "the 20th of November". */
static int match_day_first(const cr_scan *s, uint32_t i, dmatch *m)
{
	int day = day_at(s, i);
	if (!day)
		return 0;
	uint32_t j = i + 1;
	if (streq(cr_scan_norm(s, j), "of"))
		j++;
	int abbr;
	uint32_t k;
	int mo = month_at(s, j, &abbr, &k);
	if (!mo)
		return 0;
	match_init(m, i, CR_DATE_ABSOLUTE);
	m->d.month = (int8_t)mo;
	m->d.day = (int8_t)day;
	m->day_tok = i;
	m->last = k - 1;
	take_year(s, k, m);
	return 1;
}

/* A weekday, alone ("on Tuesday") or heading a full date ("Wednesday,
 * November 20"). */
static int match_weekday(const cr_scan *s, uint32_t i, dmatch *m)
{
	if (!is_cap(s, i))
		return 0;
	char buf[32];
	int wd =
	        weekday_of(base_word(cr_scan_tok(s, i)->norm, buf, sizeof buf));
	if (wd < 0)
		return 0;
	uint32_t j = i + 1;
	if (streq(cr_scan_norm(s, j), ","))
		j++;
	dmatch full;
	if (match_month(s, j, &full) && full.d.kind == CR_DATE_ABSOLUTE) {
		*m = full;
	} else if (match_day_first(s, j, &full)) {
		*m = full;
	} else {
		match_init(m, i, CR_DATE_WEEKDAY);
		m->d.weekday = (int8_t)wd;
		m->d.offset_days = direction_before(s, &m->first);
		/* "Wednesday's ruling" has happened, whatever comes next. */
		if (m->d.offset_days > 0 && m->first == i &&
		    strchr(cr_scan_tok(s, i)->norm, '\''))
			m->d.offset_days = 0;
		return 1;
	}
	m->first = i;
	m->d.weekday = (int8_t)wd;
	return 1;
}

/* 1 when token i is a plural-looking content word ("cases"), which
 * makes a four-digit number before it a count, not a year. */
static int plural_word_at(const cr_scan *s, uint32_t i)
{
	if (!cr_scan_is_word(s, i) || (cr_scan_tok(s, i)->flags & CR_TOK_STOP))
		return 0;
	const char *w = cr_scan_norm(s, i);
	size_t n = strlen(w);
	return n > 3 && w[n - 1] == 's' && w[n - 2] != 's' &&
	       w[n - 2] != '\'' && w[n - 2] != 'u' && w[n - 2] != 'i';
}

/* Words before a year used as an adjective: "its 1990 invasion". */
static const char *const year_determiners[] = {
        "the", "its", "his", "her", "their", "that", "this", "our", "whose",
};

/* A year after a cue: "in 2022", "since 2014", "between 2019 and 2022". */
static int match_year(const cr_scan *s, uint32_t i, dmatch *m)
{
	uint32_t last;
	int sy = spelled_year(s, i, &last);
	if (sy) {
		match_init(m, i, CR_DATE_YEAR);
		m->d.year = (int16_t)sy;
		m->last = last;
		/* "the year two thousand" */
		if (i >= s->b + 2 && streq(cr_scan_norm(s, i - 1), "year") &&
		    streq(cr_scan_norm(s, i - 2), "the"))
			m->first = i - 2;
		return 1;
	}
	int y = year_at(s, i);
	if (!y || y < YEAR_MIN || y > YEAR_MAX || i == s->b)
		return 0;
	const char *p = cr_scan_norm(s, i - 1);
	int ok = 0;
	if (streq(p, "and") || streq(p, "to") || streq(p, "or") ||
	    streq(p, "-"))
		ok = i >= s->b + 2 && year_at(s, i - 2);
	else if (streq(p, "on") || streq(p, "around"))
		ok = 0;
	else if (WORD_IN(p, year_determiners) ||
	         (strlen(p) > 2 && streq(p + strlen(p) - 2, "'s")))
		/* "its 1990 invasion", "the 1988 period": a year used as an
		 * adjective; a plural after it makes it a count ("the 1500
		 * workers"). */
		ok = cr_scan_is_word(s, i + 1);
	else
		ok = time_cue_before(s, i) || streq(p, "year") ||
		     streq(p, "summer") || streq(p, "spring") ||
		     streq(p, "autumn") || streq(p, "winter") ||
		     streq(p, "fall") || streq(p, "fiscal");
	if (!ok || plural_word_at(s, i + 1))
		return 0;
	match_init(m, i, CR_DATE_YEAR);
	m->d.year = (int16_t)y;
	m->year_tok = i;
	if (streq(p, "fiscal"))
		m->first = i - 1;
	return 1;
}

/* Sets a holiday's day and its direction. */
static void holiday(const cr_scan *s, dmatch *m, uint32_t first, uint32_t last,
                    int mo, int day)
{
	match_init(m, first, CR_DATE_HOLIDAY);
	m->last = last;
	m->d.month = (int8_t)mo;
	m->d.day = (int8_t)day;
	m->d.offset_days = direction_before(s, &m->first);
}

/* The fixed day of a country's independence day, from the word before
 * it ("Ukraine's independence day"); 0 when not known. */
static int independence_day(const cr_scan *s, uint32_t i, int *day)
{
	if (i == s->b)
		return 0;
	char buf[32];
	const char *p = base_word(cr_scan_norm(s, i - 1), buf, sizeof buf);
	if (streq(p, "ukraine") || streq(p, "ukrainian")) {
		*day = 24;
		return 8;
	}
	if (streq(p, "us") || streq(p, "u.s") || streq(p, "america") ||
	    streq(p, "american")) {
		*day = 4;
		return 7;
	}
	if (streq(p, "india") || streq(p, "indian")) {
		*day = 15;
		return 8;
	}
	return 0;
}

/* New Year, Christmas, independence day and a few fixed holidays. */
static int match_holiday(const cr_scan *s, uint32_t i, dmatch *m)
{
	if (!cr_scan_is_word(s, i))
		return 0;
	char b0[32], b1[32], b2[32];
	const char *w = base_word(cr_scan_norm(s, i), b0, sizeof b0);
	const char *w1 = base_word(cr_scan_norm(s, i + 1), b1, sizeof b1);
	const char *w2 = base_word(cr_scan_norm(s, i + 2), b2, sizeof b2);
	if (streq(w, "new") && streq(w1, "year") && is_cap(s, i) &&
	    is_cap(s, i + 1)) {
		if (streq(w2, "eve")) {
			holiday(s, m, i, i + 2, 12, 31);
			return 1;
		}
		holiday(s, m, i, streq(w2, "day") ? i + 2 : i + 1, 1, 1);
		return 1;
	}
	if (streq(w, "christmas") && is_cap(s, i)) {
		int orth =
		        i > s->b && streq(cr_scan_norm(s, i - 1), "orthodox");
		if (streq(w1, "eve"))
			holiday(s, m, i, i + 1, orth ? 1 : 12, orth ? 6 : 24);
		else
			holiday(s, m, i, streq(w1, "day") ? i + 1 : i,
			        orth ? 1 : 12, orth ? 7 : 25);
		if (orth)
			m->first--;
		return 1;
	}
	if (streq(w, "halloween") && is_cap(s, i)) {
		holiday(s, m, i, i, 10, 31);
		return 1;
	}
	/* A holiday on a weekday: the first such weekday on or after the
	 * day given (US Thanksgiving: the Thursday from November 22). */
	if (streq(w, "thanksgiving") && is_cap(s, i)) {
		holiday(s, m, i, streq(w1, "day") ? i + 1 : i, 11, 22);
		m->d.weekday = 4;
		return 1;
	}
	if (!streq(w1, "day"))
		return 0;
	static const struct {
		const char *w;
		int m, d, wd;
	} floating[] = {
	        {"election", 11, 2, 2}, /* Tuesday after the first Monday */
	        {"labor", 9, 1, 1},
	        {"memorial", 5, 25, 1},
	};
	for (size_t k = 0; k < CR_COUNT(floating); k++)
		if (streq(w, floating[k].w) && is_cap(s, i) &&
		    is_cap(s, i + 1)) {
			holiday(s, m, i, i + 1, floating[k].m, floating[k].d);
			m->d.weekday = (int8_t)floating[k].wd;
			return 1;
		}
	static const struct {
		const char *w;
		int m, d;
	} named[] = {
	        {"valentine", 2, 14},    {"boxing", 12, 26},
	        {"victory", 5, 9},       {"armistice", 11, 11},
	        {"remembrance", 11, 11},
	};
	for (size_t k = 0; k < CR_COUNT(named); k++)
		if (streq(w, named[k].w) && is_cap(s, i)) {
			holiday(s, m, i, i + 1, named[k].m, named[k].d);
			return 1;
		}
	if (streq(w, "independence")) {
		int day = 0;
		int mo = independence_day(s, i, &day);
		holiday(s, m, i, i + 1, mo, day);
		return 1;
	}
	return 0;
}

/* The unit ('d' 'w' 'm' 'y') of a time word, singular or plural. */
static int time_unit(const char *w)
{
	if (streq(w, "day") || streq(w, "days"))
		return 'd';
	if (streq(w, "week") || streq(w, "weeks"))
		return 'w';
	if (streq(w, "month") || streq(w, "months"))
		return 'm';
	if (streq(w, "year") || streq(w, "years"))
		return 'y';
	return 0;
}

static void relative(dmatch *m, uint32_t first, uint32_t last, int off,
                     int unit)
{
	match_init(m, first, CR_DATE_RELATIVE);
	m->last = last;
	m->d.offset_days = off;
	m->d.offset_unit = (int8_t)unit;
}

static void vague(dmatch *m, uint32_t first, uint32_t last, int unit)
{
	match_init(m, first, CR_DATE_VAGUE);
	m->last = last;
	m->d.offset_unit = (int8_t)unit;
}

/* The first month of a season word (3 spring, 6 summer, 9 autumn, 12
 * winter), or 0. */
static int season_of(const char *w)
{
	if (streq(w, "spring"))
		return 3;
	if (streq(w, "summer"))
		return 6;
	if (streq(w, "autumn") || streq(w, "fall"))
		return 9;
	if (streq(w, "winter"))
		return 12;
	return 0;
}

/* A season: "this summer", "last fall", "next spring", "this past
 * winter", "the summer of 1994", "in the summer", "early summer". A
 * VAGUE date with offset_unit 's', month its first month, year as
 * written, offset_days the years from the anchor's ("last" -1). Bare
 * "fall" and "spring" are verbs and nouns too: they need a cue. */
static int match_season(const cr_scan *s, uint32_t i, dmatch *m)
{
	const char *w = cr_scan_norm(s, i);
	uint32_t j = i;
	int off = 0, cue = 0;
	if (streq(w, "this") && streq(cr_scan_norm(s, i + 1), "past")) {
		j = i + 2;
		off = -2; /* the latest one begun: settled below */
	} else if (streq(w, "this") || streq(w, "last") || streq(w, "next") ||
	           streq(w, "early") || streq(w, "late")) {
		j = i + 1;
		off = streq(w, "last") ? -1 : streq(w, "next");
		cue = 1;
	} else if (streq(w, "the")) {
		j = i + 1;
		if (streq(cr_scan_norm(s, j), "early") ||
		    streq(cr_scan_norm(s, j), "late"))
			j++;
	}
	/* A season word alone needs a word before it (j == i). */
	int mo = season_of(cr_scan_norm(s, j));
	if (!mo || j == i)
		return 0;
	/* After "the", the cue is looked for last: most words after "the"
	 * are no season. */
	if (streq(w, "the"))
		cue = time_cue_before(s, i);
	match_init(m, i, CR_DATE_VAGUE);
	m->last = j;
	m->d.offset_unit = 's';
	m->d.month = (int8_t)mo;
	m->d.offset_days = off;
	uint32_t k = j + 1;
	if (streq(cr_scan_norm(s, k), "of"))
		k++;
	uint32_t ylast = k;
	int y = year_at(s, k);
	if (y) {
		m->d.year = (int16_t)y;
		m->year_tok = k;
		m->last = k;
	} else if ((y = spelled_year(s, k, &ylast)) != 0) {
		m->d.year = (int16_t)y;
		m->last = ylast;
	} else if (off == 0 && !cue && j == i + 1 && !time_cue_before(s, i)) {
		return 0; /* "the summer" wants a cue: "in the summer" */
	}
	return 1;
}

/* "N days ago", "a week later", "three days after": a count of time
 * units and the word that says from when. */
static int match_count_ago(const cr_scan *s, uint32_t i, dmatch *m)
{
	const cr_token *t = cr_scan_tok(s, i);
	double v = 0;
	int ord = 0;
	/* The unit first: it is cheaper to test than the count. */
	int unit = time_unit(cr_scan_norm(s, i + 1));
	if (!unit)
		return 0;
	if (streq(t->norm, "a") || streq(t->norm, "one"))
		v = 1;
	else if (!(t->flags & (CR_TOK_NUM | CR_TOK_WORD)) ||
	         !cr_number_parse(t->norm, strlen(t->norm), &v, &ord) || ord)
		return 0;
	if (v < 1 || v > 10000 || v != (double)(long)v)
		return 0;
	const char *w = cr_scan_norm(s, i + 2);
	int sign, event = 1;
	uint32_t last = i + 2;
	if (streq(w, "ago")) {
		sign = -1;
		event = 0;
	} else if (streq(w, "from") && streq(cr_scan_norm(s, i + 3), "now")) {
		sign = 1;
		event = 0;
		last = i + 3;
	} else if (streq(w, "later") || streq(w, "after")) {
		sign = 1;
	} else if (streq(w, "earlier") || streq(w, "before") ||
	           streq(w, "prior")) {
		sign = -1;
	} else {
		return 0;
	}
	relative(m, i, last, sign * (int)v, unit);
	if (event)
		m->d.granularity = 'e';
	return 1;
}

/* today, yesterday, last week, this year, in recent months, ... */
static int match_relative(const cr_scan *s, uint32_t i, dmatch *m)
{
	if (!cr_scan_is_word(s, i))
		return match_count_ago(s, i, m);
	char b0[32], b1[32], b2[32];
	const char *w = base_word(cr_scan_norm(s, i), b0, sizeof b0);
	const char *w1 = base_word(cr_scan_norm(s, i + 1), b1, sizeof b1);
	const char *w2 = base_word(cr_scan_norm(s, i + 2), b2, sizeof b2);
	if (streq(w, "today") || streq(w, "tonight")) {
		relative(m, i, i, 0, 'd');
		return 1;
	}
	if (streq(w, "yesterday")) {
		relative(m, i, i, -1, 'd');
		return 1;
	}
	if (streq(w, "tomorrow")) {
		relative(m, i, i, 1, 'd');
		return 1;
	}
	if (streq(w, "this") &&
	    (streq(w1, "morning") || streq(w1, "afternoon") ||
	     streq(w1, "evening"))) {
		relative(m, i, i + 1, 0, 'd');
		return 1;
	}
	int unit;
	if ((streq(w, "earlier") || streq(w, "later")) && streq(w1, "this") &&
	    (unit = time_unit(w2)) != 0) {
		vague(m, i, i + 2, unit);
		return 1;
	}
	if ((streq(w, "earlier") || streq(w, "later")) && streq(w1, "today")) {
		relative(m, i, i + 1, 0, 'd');
		return 1;
	}
	if (streq(w, "this") && (unit = time_unit(w1)) != 0) {
		vague(m, i, i + 1, unit);
		return 1;
	}
	if (streq(w, "last") && streq(w1, "night")) {
		relative(m, i, i + 1, -1, 'd');
		return 1;
	}
	if ((streq(w, "last") || streq(w, "next")) &&
	    (unit = time_unit(w1)) != 0 && w1[strlen(w1) - 1] != 's') {
		relative(m, i, i + 1, streq(w, "last") ? -1 : 1, unit);
		if (unit == 'd') /* "the next day" follows an event */
			m->d.granularity = 'e';
		return 1;
	}
	if (streq(w, "following") && streq(w1, "day")) {
		relative(m, i, i + 1, 1, 'd');
		m->d.granularity = 'e';
		return 1;
	}
	if ((streq(w, "recent") || streq(w, "coming")) &&
	    (unit = time_unit(w1)) != 0 && w1[strlen(w1) - 1] == 's') {
		/* "in recent months": TimeBank's span, and the timeline's,
		 * is the phrase without its preposition. */
		vague(m, i, i + 1, 0);
		m->d.offset_days = streq(w, "recent") ? -1 : 1;
		m->d.granularity = CR_DATE_G_REF;
		return 1;
	}
	if (match_season(s, i, m))
		return 1;
	if ((streq(w, "this") || streq(w, "last") || streq(w, "next")) &&
	    streq(w1, "weekend")) {
		vague(m, i, i + 1, 0);
		return 1;
	}
	if (streq(w, "recently")) {
		vague(m, i, i, 0);
		m->d.offset_days = -1;
		m->d.granularity = CR_DATE_G_REF;
		return 1;
	}
	return match_count_ago(s, i, m);
}

/* Words before a count of time units that belong to the expression:
 * "nearly three years", "about a decade". */
static const char *const approx_words[] = {
        "about",  "almost", "approximately", "around",
        "barely", "nearly", "roughly",       "some",
};

/* Words that make a following count of units a span back or ahead of
 * now: "the past two weeks", "the next three years". */
static const char *const span_leads[] = {
        "coming", "first", "last", "next", "past", "previous",
};

/* Words that stand for an unknown count: "several years". */
static const char *const some_counts[] = {
        "few",
        "many",
        "several",
};

/* The duration unit a time word names, singular or plural: 'S' 'n' 'h'
 * seconds, minutes, hours; 'd' 'w' 'm' 'y'; 'E' decades; 'C'
 * centuries. Sets *plural. 0 when it is no such word. */
static int span_unit(const char *w, int *plural)
{
	static const struct {
		const char *one, *many;
		int unit;
	} units[] = {
	        {"century", "centuries", 'C'}, {"day", "days", 'd'},
	        {"decade", "decades", 'E'},    {"hour", "hours", 'h'},
	        {"minute", "minutes", 'n'},    {"month", "months", 'm'},
	        {"second", "seconds", 'S'},    {"week", "weeks", 'w'},
	        {"year", "years", 'y'},
	};
	/* A look at the first two letters rejects most words at once. */
	for (size_t k = 0; k < CR_COUNT(units); k++) {
		if (w[0] != units[k].one[0] || w[1] != units[k].one[1])
			continue;
		if (streq(w, units[k].one) || streq(w, units[k].many)) {
			*plural = streq(w, units[k].many);
			return units[k].unit;
		}
	}
	return 0;
}

/* The whole count a token writes ("three", "24", "a"), or -1. */
static long count_at(const cr_scan *s, uint32_t i)
{
	if (i >= s->e)
		return -1;
	const cr_token *t = cr_scan_tok(s, i);
	if (streq(t->norm, "a") || streq(t->norm, "an") ||
	    streq(t->norm, "one"))
		return 1;
	double v = 0;
	int ord = 0;
	if (!(t->flags & (CR_TOK_NUM | CR_TOK_WORD)) ||
	    !cr_number_parse(t->norm, strlen(t->norm), &v, &ord) || ord)
		return -1;
	if (v < 1 || v > 10000 || v != (double)(long)v)
		return -1;
	return (long)v;
}

static void span_of(dmatch *m, uint32_t first, uint32_t last, uint8_t g,
                    int count, int unit)
{
	match_init(m, first, CR_DATE_VAGUE);
	m->last = last;
	m->d.granularity = g;
	m->d.offset_days = count;
	m->d.offset_unit = (int8_t)unit;
}

/* "two-year", "three-month": a count and a unit in one hyphenated word.
 * Sets *count and *unit. */
static int hyphen_span(const cr_scan *s, uint32_t i, long *count, int *unit)
{
	if (!cr_scan_is_word(s, i))
		return 0;
	const char *w = cr_scan_norm(s, i);
	const char *dash = strchr(w, '-');
	if (!dash)
		return 0;
	dash = strrchr(w, '-');
	if (!dash || dash == w || strchr(w, '-') != dash)
		return 0;
	int plural;
	*unit = span_unit(dash + 1, &plural);
	if (!*unit || plural)
		return 0;
	double v = 0;
	int ord = 0;
	if (!cr_number_parse(w, (size_t)(dash - w), &v, &ord) || ord || v < 1 ||
	    v > 10000 || v != (double)(long)v)
		return 0;
	*count = (long)v;
	return 1;
}

/* A duration: "three years", "nearly three months", "a decade", "the
 * past two weeks", "24 hours", "two-year", "24-hour", "several years",
 * "for weeks". near is near_unit()'s answer for i when the caller has
 * it, else -1. */
static int match_duration(const cr_scan *s, uint32_t i, dmatch *m, int near)
{
	/* Every form has a unit word within five tokens or is a hyphenated
	 * word within three: a cheap test that rejects most tokens. */
	for (uint32_t k = i; near < 0 && k < s->e && k < i + 5; k++) {
		const char *n = cr_scan_norm(s, k);
		int pl;
		if (span_unit(n, &pl) || (k < i + 3 && strchr(n, '-')))
			near = 1;
	}
	if (near <= 0)
		return 0;
	uint32_t j = i;
	const char *w = cr_scan_norm(s, j);
	int plural;
	/* A bare plural after "for" or "in": "for years". */
	if (span_unit(w, &plural) && plural && i > s->b &&
	    (streq(cr_scan_norm(s, i - 1), "for") ||
	     streq(cr_scan_norm(s, i - 1), "within") ||
	     streq(cr_scan_norm(s, i - 1), "in"))) {
		span_of(m, i, i, CR_DATE_G_DURATION, 0, span_unit(w, &plural));
		return 1;
	}
	if (streq(w, "the") && WORD_IN(cr_scan_norm(s, j + 1), span_leads))
		j += 2;
	else if (WORD_IN(w, approx_words))
		j++;
	else if ((streq(w, "more") || streq(w, "less")) &&
	         streq(cr_scan_norm(s, j + 1), "than"))
		j += 2;
	long count;
	int unit;
	if (hyphen_span(s, j, &count, &unit)) {
		span_of(m, i, j, CR_DATE_G_DURATION, (int)count, unit);
		return 1;
	}
	if (streq(cr_scan_norm(s, j), "a") &&
	    WORD_IN(cr_scan_norm(s, j + 1), some_counts))
		j++;
	if (j > i + 1 && streq(cr_scan_norm(s, i), "the") &&
	    (unit = span_unit(cr_scan_norm(s, j), &plural)) != 0 && !plural) {
		/* "the past week" */
		span_of(m, i, j, CR_DATE_G_DURATION, 1, unit);
		return 1;
	}
	uint32_t k = j + 1;
	/* "24-hour" is three tokens. */
	if (k < s->e && streq(cr_scan_norm(s, k), "-") &&
	    cr_scan_adjacent(s, j) && cr_scan_adjacent(s, k))
		k++;
	/* The unit first: it is cheaper to test than the count. */
	if (k >= s->e || !(unit = span_unit(cr_scan_norm(s, k), &plural)))
		return 0;
	if (WORD_IN(cr_scan_norm(s, j), some_counts))
		count = 0;
	else if ((count = count_at(s, j)) < 0)
		return 0;
	/* "a years" and "three year" are not counts of units; a hyphen
	 * makes the singular right ("24-hour"). */
	if ((count == 1 && plural) || (count == 0 && !plural && k == j + 1))
		return 0;
	/* "nearly four years ago" is a date, "several years ago" the
	 * past. */
	if (streq(cr_scan_norm(s, k + 1), "ago") && strchr("dwmy", unit)) {
		if (count > 0)
			relative(m, i, k + 1, -(int)count, unit);
		else
			span_of(m, i, k + 1, CR_DATE_G_REF, -1, 0);
		return 1;
	}
	span_of(m, i, k, CR_DATE_G_DURATION, (int)count, unit);
	return 1;
}

/* "now", "currently", "the past", "the (near) future". */
static int match_ref(const cr_scan *s, uint32_t i, dmatch *m)
{
	const char *w = cr_scan_norm(s, i);
	const char *w1 = cr_scan_norm(s, i + 1);
	if ((streq(w, "now") && !streq(w1, "that")) || streq(w, "currently")) {
		span_of(m, i, i, CR_DATE_G_REF, 0, 0);
		return 1;
	}
	/* "the current weakness": the present as a modifier. "Current"
	 * before "account" is money, and a capital ("Current Affairs") a
	 * name. ("Recent" and "soon" alone were tried: TimeBank marks
	 * fewer than half of them.) */
	if (streq(w, "current") && !is_cap(s, i) && cr_scan_is_word(s, i + 1) &&
	    !is_cap(s, i + 1) && strncmp(w1, "account", 7) != 0) {
		span_of(m, i, i, CR_DATE_G_REF, 0, 0);
		return 1;
	}
	if (!streq(w, "the"))
		return 0;
	/* "the current (fiscal) year" is this year. */
	if (streq(w1, "current")) {
		uint32_t k = i + 2;
		if (streq(cr_scan_norm(s, k), "fiscal"))
			k++;
		if (streq(cr_scan_norm(s, k), "year")) {
			relative(m, i, k, 0, 'y');
			return 1;
		}
	}
	if (streq(w1, "past")) {
		span_of(m, i, i + 1, CR_DATE_G_REF, -1, 0);
		return 1;
	}
	uint32_t k = i + 1;
	if (streq(w1, "near") || streq(w1, "distant") ||
	    streq(w1, "foreseeable"))
		k++;
	if (streq(cr_scan_norm(s, k), "future")) {
		span_of(m, i, k, CR_DATE_G_REF, 1, 0);
		return 1;
	}
	return 0;
}

/* The quarter (1..4) an ordinal word names, or 0. */
static int quarter_ordinal(const char *w, size_t n)
{
	static const char *const ords[4][2] = {{"first", "1st"},
	                                       {"second", "2nd"},
	                                       {"third", "3rd"},
	                                       {"fourth", "4th"}};
	for (int q = 0; q < 4; q++)
		for (int k = 0; k < 2; k++)
			if (strlen(ords[q][k]) == n &&
			    !strncmp(w, ords[q][k], n))
				return q + 1;
	return 0;
}

/* A quarter: "the third quarter", "third-quarter", "Q3", "the fiscal
 * first quarter of 1998". */
static int match_quarter(const cr_scan *s, uint32_t i, dmatch *m)
{
	uint32_t j = i;
	if (streq(cr_scan_norm(s, j), "the"))
		j++;
	if (streq(cr_scan_norm(s, j), "fiscal"))
		j++;
	/* "the 1988 third quarter", "this year's third quarter". */
	int qyear = 0, back = 0, rel = 0;
	if (j > i && (qyear = year_at(s, j)) != 0) {
		j++;
	} else if (streq(cr_scan_norm(s, j + 1), "year's") &&
	           ((rel = streq(cr_scan_norm(s, j), "this")) ||
	            (rel = streq(cr_scan_norm(s, j), "next") ? 2 : 0) ||
	            (rel = streq(cr_scan_norm(s, j), "last") ? -1 : 0))) {
		back = rel == 2 ? 1 : rel < 0 ? -1 : 0;
		j += 2;
	}
	if (j >= s->e || !cr_scan_is_word(s, j))
		return 0;
	const char *w = cr_scan_norm(s, j);
	if ((qyear || rel) &&
	    (streq(w, "quarter") || (qyear && streq(w, "period")))) {
		/* "the 1988 quarter": the last one reported, in 1988. */
		span_of(m, i, j, 0, rel ? 4 * back : 0, 'q');
		m->d.year = (int16_t)qyear;
		return 1;
	}
	/* "the year-earlier third quarter": that quarter a year before. */
	if ((streq(w, "year-ago") || streq(w, "year-earlier")) &&
	    (quarter_ordinal(cr_scan_norm(s, j + 1),
	                     strlen(cr_scan_norm(s, j + 1))) ||
	     streq(cr_scan_norm(s, j + 1), "fiscal"))) {
		back = -1;
		j++;
		if (streq(cr_scan_norm(s, j), "fiscal"))
			j++;
		w = cr_scan_norm(s, j);
	} else if ((streq(w, "year-ago") || streq(w, "year-earlier")) &&
	           j == i) {
		/* A bare "year-earlier" ("year-earlier profit") is the
		 * year-ago quarter; cr_dates_find() makes it the year
		 * before when the article names no quarter. */
		span_of(m, i, i, 0, -4, 'q');
		return 1;
	}
	int q = 0;
	uint32_t last = j;
	if (w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && !w[2] && j == i &&
	    is_cap(s, j)) {
		q = w[1] - '0';
	} else if (strlen(w) > 8 && !strcmp(w + strlen(w) - 8, "-quarter")) {
		q = quarter_ordinal(w, strlen(w) - 8);
	} else if (streq(cr_scan_norm(s, j + 1), "quarter")) {
		q = quarter_ordinal(w, strlen(w));
		last = j + 1;
	}
	if (!q && streq(cr_scan_norm(s, i), "the")) {
		/* "the quarter", "the latest quarter": the one last reported;
		 * "the year-ago quarter" the same one a year before; "the
		 * current quarter" the one under way. offset_days counts
		 * quarters from the last one reported. */
		int off = 0, period = 0;
		if (streq(w, "latest") || streq(w, "last") ||
		    streq(w, "previous")) {
			j++;
			period = streq(w, "latest");
		} else if (streq(w, "year-ago") || streq(w, "year-earlier")) {
			j++;
			off = -4;
			period = 1;
		} else if (streq(w, "current")) {
			j++;
			off = 1;
		}
		const char *u = cr_scan_norm(s, j);
		if (streq(u, "quarter") || (period && streq(u, "period"))) {
			span_of(m, i, j, 0, off, 'q');
			return 1;
		}
		return 0;
	}
	if (!q)
		return 0;
	span_of(m, i, last, 0, back, 'q');
	m->d.month = (int8_t)(3 * q - 2);
	if (qyear) {
		m->d.year = (int16_t)qyear;
		return 1;
	}
	uint32_t k = last + 1;
	if (streq(cr_scan_norm(s, k), "of") || streq(cr_scan_norm(s, k), ","))
		k++;
	int y = year_at(s, k);
	if (y) {
		m->d.year = (int16_t)y;
		m->year_tok = k;
		m->last = k;
	}
	return 1;
}

/* A recurrence: "every week", "each year", "twice a month", "annually". */
static int match_set(const cr_scan *s, uint32_t i, dmatch *m)
{
	static const struct {
		const char *w;
		int unit;
	} adverbs[] = {
	        {"annually", 'y'}, {"daily", 'd'},  {"hourly", 'h'},
	        {"nightly", 'd'},  {"weekly", 'w'}, {"monthly", 'm'},
	        {"yearly", 'y'},
	};
	const char *w = cr_scan_norm(s, i);
	size_t n = strlen(w);
	if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y') {
		for (size_t k = 0; k < CR_COUNT(adverbs); k++)
			if (streq(w, adverbs[k].w)) {
				span_of(m, i, i, CR_DATE_G_SET, 1,
				        adverbs[k].unit);
				return 1;
			}
		return 0;
	}
	int plural, unit;
	const char *p = i > s->b ? cr_scan_norm(s, i - 1) : "";
	if ((streq(w, "every") || streq(w, "each") ||
	     ((streq(w, "a") || streq(w, "per")) &&
	      (streq(p, "once") || streq(p, "twice") || streq(p, "times")))) &&
	    (unit = span_unit(cr_scan_norm(s, i + 1), &plural)) != 0 &&
	    !plural) {
		span_of(m, i, i + 1, CR_DATE_G_SET, 1, unit);
		return 1;
	}
	return 0;
}

/* The first year of a decade a token writes ("1970s" 1970, "80s" 1980
 * after an apostrophe), or 0. */
static int decade_at(const cr_scan *s, uint32_t i)
{
	if (i < s->b || i >= s->e)
		return 0;
	const char *w = cr_scan_norm(s, i);
	size_t n = strlen(w);
	/* "mid-1990s" is one word token */
	const char *dash = strchr(w, '-');
	if (dash && ((dash - w == 3 && !strncmp(w, "mid", 3)) ||
	             (dash - w == 4 && !strncmp(w, "late", 4)) ||
	             (dash - w == 5 && !strncmp(w, "early", 5)))) {
		w = dash + 1;
		n = strlen(w);
	}
	if (n == 5 && w[4] == 's' && w[3] == '0' &&
	    (w[0] == '1' || w[0] == '2')) {
		int nd;
		char buf[5];
		memcpy(buf, w, 4);
		buf[4] = '\0';
		long v = digits_value(buf, &nd);
		return nd == 4 ? (int)v : 0;
	}
	if (n == 3 && w[2] == 's' && w[1] == '0' && w[0] >= '0' &&
	    w[0] <= '9' && i > s->b && cr_scan_adjacent(s, i - 1) &&
	    streq(cr_scan_norm(s, i - 1), "'"))
		return 1900 + (w[0] - '0') * 10;
	return 0;
}

/* A decade or a century: "the 1970s", "the late 1970s", "the mid-1990s",
 * "the '80s", "the 20th century". granularity CR_DATE_G_DECADE or
 * CR_DATE_G_CENTURY, year its first year (1970, 1900). */
static int match_era(const cr_scan *s, uint32_t i, dmatch *m)
{
	uint32_t j = i;
	if (streq(cr_scan_norm(s, j), "the"))
		j++;
	const char *w = cr_scan_norm(s, j);
	if (streq(w, "early") || streq(w, "late") || streq(w, "mid")) {
		j++;
		if (streq(cr_scan_norm(s, j), "-") &&
		    cr_scan_adjacent(s, j - 1))
			j++;
	}
	/* "the '80s": the apostrophe is one token, the decade the next */
	if (streq(cr_scan_norm(s, j), "'") && cr_scan_adjacent(s, j))
		j++;
	int y;
	if ((y = decade_at(s, j)) != 0) {
		span_of(m, i, j, CR_DATE_G_DECADE, 0, 0);
		m->d.year = (int16_t)y;
		m->year_tok = j;
		return 1;
	}
	if (j < s->e && j + 1 < s->e && (w = cr_scan_norm(s, j))[0] >= '1' &&
	    w[0] <= '9' && streq(cr_scan_norm(s, j + 1), "century")) {
		int nd;
		long c = digits_value(w, &nd);
		if (c < 1 || c > 21 || nd < 1 || nd > 2 || !strchr(w, 'h'))
			return 0; /* "20th", "21st" are ordinals */
		span_of(m, i, j + 1, CR_DATE_G_CENTURY, 0, 0);
		m->d.year = (int16_t)((c - 1) * 100);
		return 1;
	}
	return 0;
}

/* Durations, references to the present, past or future, and
 * recurrences: expressions of time with no single calendar day. */
static int match_span(const cr_scan *s, uint32_t i, dmatch *m, int near)
{
	return match_set(s, i, m) || match_era(s, i, m) ||
	       match_duration(s, i, m, near) || match_ref(s, i, m);
}

/* Tries every pattern at token i; the first that matches wins. near is
 * near_unit()'s answer for i when the caller has it, else -1. */
static int match_near(const cr_scan *s, uint32_t i, dmatch *m, int near)
{
	return match_iso(s, i, m) || match_weekday(s, i, m) ||
	       match_month(s, i, m) || match_day_first(s, i, m) ||
	       match_quarter(s, i, m) || match_year(s, i, m) ||
	       match_holiday(s, i, m) || match_relative(s, i, m) ||
	       match_span(s, i, m, near);
}

/* match_near() without the caller's answer to near_unit(). */
static int match_at(const cr_scan *s, uint32_t i, dmatch *m)
{
	return match_near(s, i, m, -1);
}

/* The sentence holding token i. */
static cr_scan sentence_of(const cr_article *a, uint32_t i)
{
	cr_scan s = {a, 0, a->n_toks};
	uint32_t si = a->toks[i].sent;
	if (si < a->n_sents && a->sents[si].tok_begin <= i &&
	    i < a->sents[si].tok_end) {
		s.b = a->sents[si].tok_begin;
		s.e = a->sents[si].tok_end;
	}
	return s;
}

/* Lower-case words that may begin a match with a day or year token in
 * it: a quarter ("the first quarter 1998"), a season ("last summer
 * 1994") or an era ("the late 1970s"). */
static const char *const role_words[] = {
        "the",  "fiscal", "this",  "last",   "next",  "early",
        "late", "mid",    "first", "second", "third", "fourth",
};

/* 0 when no pattern that gives a number a role (a day, a year or a part
 * of a numeric date: match_iso(), match_month(), match_day_first(),
 * match_weekday(), match_year(), match_quarter(), match_season(),
 * match_era()) can begin at token k; 1 when one may. At a token where
 * none can, whatever matches gives no role, so cr_date_number_role()
 * need not try the patterns there. */
static int role_may_start(const cr_scan *s, uint32_t k)
{
	int f = cr_scan_flags(s, k);
	const char *w = cr_scan_norm(s, k);
	/* Numbers; months, weekdays and "Q3", which are capitalised. */
	if (f & (CR_TOK_NUM | CR_TOK_CAP | CR_TOK_UPPER))
		return 1;
	if (!(f & CR_TOK_WORD))
		return w[0] == '\'' && w[1] == '\0'; /* "the '80s" */
	/* "mid-November", "third-quarter", "mid-1990s". */
	return strchr(w, '-') || WORD_IN(w, role_words);
}

int cr_date_number_role(const cr_article *a, uint32_t i)
{
	if (!a || i >= a->n_toks || !(a->toks[i].flags & CR_TOK_NUM))
		return 0;
	cr_scan s = sentence_of(a, i);
	uint32_t k = i > s.b + ROLE_LOOKBACK ? i - ROLE_LOOKBACK : s.b;
	for (; k <= i; k++) {
		dmatch m;
		if (!role_may_start(&s, k) || !match_at(&s, k, &m) ||
		    m.first > i || m.last < i)
			continue;
		if (m.day_tok == i || m.all_parts)
			return 1;
		if (m.year_tok == i)
			return 2;
	}
	return 0;
}

/* What a word may be to the matchers, for the filter that spares most
 * tokens the patterns (word_class()). */
enum {
	/* Begins a date whatever follows: "today", "Tuesday", "mid". */
	W_START = 1,
	/* Begins one only before a unit word ("a week", "every year",
	 * "nearly three months"): duration and count words. */
	W_NEAR = 2,
	/* A unit word ("days", "year"), as span_unit() reads them. */
	W_UNIT = 4,
	/* May follow "the" in a date with no unit near ("the third
	 * quarter", "the near future", "in the summer"): "the" alone is
	 * too common a word to try every pattern on. Numbers, "'" and
	 * words with "-" may follow it too. */
	W_AFTER_THE = 8,
	/* "the" itself. */
	W_THE = 16,
};

/* Every first word the matchers above accept, with its W_* bits.
 * Numbers, words with "-", possessives of these words ("Tuesday's"), a
 * word before "day" ("Labor Day") and number words before a unit ("three
 * years": cr_number_parse()) are let through apart. */
static const struct date_word {
	const char *w;
	uint8_t bits;
} date_words[] = {
        /* months, weekdays, holidays and spelled years */
        {"jan", W_START},
        {"january", W_START},
        {"feb", W_START},
        {"february", W_START},
        {"mar", W_START},
        {"march", W_START},
        {"apr", W_START},
        {"april", W_START},
        {"may", W_START},
        {"jun", W_START},
        {"june", W_START},
        {"jul", W_START},
        {"july", W_START},
        {"aug", W_START},
        {"august", W_START},
        {"sep", W_START},
        {"sept", W_START},
        {"september", W_START},
        {"oct", W_START},
        {"october", W_START},
        {"nov", W_START},
        {"november", W_START},
        {"dec", W_START},
        {"december", W_START},
        {"sunday", W_START},
        {"monday", W_START},
        {"tuesday", W_START},
        {"wednesday", W_START},
        {"thursday", W_START},
        {"friday", W_START},
        {"saturday", W_START},
        {"christmas", W_START},
        {"halloween", W_START},
        {"thanksgiving", W_START},
        {"new", W_START},
        {"eighteen", W_START},
        {"nineteen", W_START},
        {"two", W_START},
        /* relative days, seasons, references, quarters and eras */
        {"today", W_START},
        {"tonight", W_START},
        {"tomorrow", W_START},
        {"yesterday", W_START},
        {"this", W_START | W_AFTER_THE},
        {"last", W_START | W_AFTER_THE},
        {"next", W_START | W_AFTER_THE},
        {"coming", W_START},
        {"following", W_START},
        {"earlier", W_START},
        {"later", W_START},
        {"early", W_START | W_AFTER_THE},
        {"late", W_START | W_AFTER_THE},
        {"mid", W_START | W_AFTER_THE},
        {"recent", W_START},
        {"recently", W_START},
        {"now", W_START},
        {"current", W_START | W_AFTER_THE},
        {"currently", W_START},
        {"the", W_THE | W_NEAR},
        {"fiscal", W_START | W_AFTER_THE},
        {"first", W_START | W_AFTER_THE},
        {"second", W_START | W_NEAR | W_UNIT | W_AFTER_THE},
        {"third", W_START | W_AFTER_THE},
        {"fourth", W_START | W_AFTER_THE},
        {"q1", W_START},
        {"q2", W_START},
        {"q3", W_START},
        {"q4", W_START},
        /* after "the" only: "the latest quarter", "the past", "in the
         * summer" */
        {"latest", W_AFTER_THE},
        {"previous", W_AFTER_THE},
        {"quarter", W_AFTER_THE},
        {"past", W_AFTER_THE},
        {"near", W_AFTER_THE},
        {"distant", W_AFTER_THE},
        {"foreseeable", W_AFTER_THE},
        {"future", W_AFTER_THE},
        {"spring", W_AFTER_THE},
        {"summer", W_AFTER_THE},
        {"autumn", W_AFTER_THE},
        {"fall", W_AFTER_THE},
        {"winter", W_AFTER_THE},
        /* recurrences */
        {"annually", W_START},
        {"daily", W_START},
        {"hourly", W_START},
        {"nightly", W_START},
        {"weekly", W_START},
        {"monthly", W_START},
        {"yearly", W_START},
        {"every", W_NEAR},
        {"each", W_NEAR},
        {"per", W_NEAR},
        /* counts and the words before them */
        {"a", W_NEAR},
        {"an", W_NEAR},
        {"one", W_NEAR},
        {"few", W_NEAR},
        {"many", W_NEAR},
        {"several", W_NEAR},
        {"some", W_NEAR},
        {"about", W_NEAR},
        {"almost", W_NEAR},
        {"approximately", W_NEAR},
        {"around", W_NEAR},
        {"barely", W_NEAR},
        {"nearly", W_NEAR},
        {"roughly", W_NEAR},
        {"more", W_NEAR},
        {"less", W_NEAR},
        /* units */
        {"century", W_NEAR | W_UNIT},
        {"centuries", W_NEAR | W_UNIT},
        {"day", W_NEAR | W_UNIT},
        {"days", W_NEAR | W_UNIT},
        {"decade", W_NEAR | W_UNIT},
        {"decades", W_NEAR | W_UNIT},
        {"hour", W_NEAR | W_UNIT},
        {"hours", W_NEAR | W_UNIT},
        {"minute", W_NEAR | W_UNIT},
        {"minutes", W_NEAR | W_UNIT},
        {"month", W_NEAR | W_UNIT},
        {"months", W_NEAR | W_UNIT},
        {"seconds", W_NEAR | W_UNIT},
        {"week", W_NEAR | W_UNIT},
        {"weeks", W_NEAR | W_UNIT},
        {"year", W_NEAR | W_UNIT},
        {"years", W_NEAR | W_UNIT},
};

/* Longest word in date_words, and the slots of its hash index: a power
 * of two, so many more than the words that almost every other word
 * meets a free slot at once, a branch the CPU learns to predict (at 512
 * slots a third of words met a taken one, and the stage ran 10% slower). */
#define DATE_WORD_MAX 15
#define WORD_SLOTS    4096u

/* date_words by hash: slot[h] is 1 + the index of a word, 0 when free.
 * Built once per analyzer (cr_date_index_new()), or per call on the
 * stack when cr_dates_find() is given none: a hash probe instead of a
 * binary search for each of the article's words. */
typedef struct word_index {
	uint8_t slot[WORD_SLOTS];
	uint8_t len[CR_COUNT(date_words)];   /* strlen of each word */
	uint32_t hash[CR_COUNT(date_words)]; /* word_hash() of each word */
} word_index;

/* A hash of the n-byte word w from its length and its first two and
 * last two bytes: no loop over the word, whose length word_class() has
 * already counted, and enough to spread the words of date_words (the
 * index compares the words themselves). */
static inline uint32_t word_hash(const char *w, size_t n)
{
	const unsigned char *u = (const unsigned char *)w;
	if (n == 0)
		return 0;
	uint32_t h = (uint32_t)n * 131u + u[0];
	if (n > 1)
		h = ((h * 31u + u[1]) * 31u + u[n - 2]) * 31u + u[n - 1];
	return h; /* slot_of() mixes it */
}

static uint32_t slot_of(uint32_t h)
{
	return (h * 2654435761u) >> 20; /* the top 12 bits: WORD_SLOTS */
}

/* Fills x from date_words; 0 when a word is too long or repeated, which
 * cr_dates_tables_ok() reports. */
static int word_index_build(word_index *x)
{
	memset(x, 0, sizeof *x);
	for (size_t k = 0; k < CR_COUNT(date_words); k++) {
		const char *w = date_words[k].w;
		size_t n = strlen(w);
		if (n == 0 || n > DATE_WORD_MAX)
			return 0;
		uint32_t h = slot_of(word_hash(w, n));
		while (x->slot[h]) {
			if (streq(date_words[x->slot[h] - 1].w, w))
				return 0;
			h = (h + 1) % WORD_SLOTS;
		}
		x->slot[h] = (uint8_t)(k + 1);
		x->len[k] = (uint8_t)n;
		x->hash[k] = word_hash(w, n);
	}
	return 1;
}

/* The W_* bits of the n-byte word w (no NUL needed) whose word_hash()
 * is h; 0 when it is no word of date_words. */
static inline unsigned word_bits(const word_index *x, const char *w, size_t n,
                                 uint32_t h)
{
	if (n == 0 || n > DATE_WORD_MAX)
		return 0;
	/* Most words find a free slot at once; the hash kept per word
	 * spares memcmp() the words that only share a slot. */
	for (uint32_t k = slot_of(h); x->slot[k]; k = (k + 1) % WORD_SLOTS) {
		uint32_t d = x->slot[k] - 1u;
		if (x->hash[d] == h && x->len[d] == n &&
		    !memcmp(date_words[d].w, w, n))
			return date_words[d].bits;
	}
	return 0;
}

int cr_dates_tables_ok(void)
{
	_Static_assert(CR_COUNT(date_words) < 256, "slot holds a byte");
	_Static_assert(CR_COUNT(date_words) * 2 < WORD_SLOTS, "index load");
	word_index x;
	if (!word_index_build(&x))
		return 0;
	for (size_t k = 0; k < CR_COUNT(date_words); k++) {
		const char *w = date_words[k].w;
		size_t n = strlen(w);
		int pl;
		/* W_UNIT must be exactly span_unit()'s words: near_unit()
		 * stands in for match_duration()'s own look for them. */
		if (word_bits(&x, w, n, word_hash(w, n)) !=
		            date_words[k].bits ||
		    !(date_words[k].bits & W_UNIT) != !span_unit(w, &pl))
			return 0;
	}
	return 1;
}

/* Token classes for the filter, one byte per token of the article. */
enum {
	/* Token may begin a date whatever follows. */
	C_MAY = 1,
	/* Token may begin one before a unit word (W_NEAR). */
	C_NEAR = 2,
	/* A unit word ("days"). */
	C_UNIT = 4,
	/* A hyphenated word ending in a unit ("two-year"), as
	 * hyphen_span() needs. */
	C_HYPHEN_UNIT = 8,
	/* "the", which begins a date only before a unit or before a
	 * C_MAY or C_AFTER_THE token. */
	C_THE = 16,
	/* W_AFTER_THE. */
	C_AFTER_THE = 32,
	/* A word token (CR_TOK_WORD). */
	C_WORD = 64,
};

/* Classes tokens [s->b, s->e) into cls (indexed by token), each word
 * hashed once: what may_start() and near_unit() then read. */
static void word_class(const cr_scan *s, const word_index *x, uint8_t *cls)
{
	for (uint32_t k = s->b; k < s->e; k++) {
		const cr_token *t = cr_scan_tok(s, k);
		const char *w = t->norm;
		cls[k] = 0;
		if (!(t->flags & CR_TOK_WORD)) {
			/* Numbers, and the apostrophe of "the '80s". */
			if ((w[0] >= '0' && w[0] <= '9') ||
			    (w[0] == '\'' && w[1] == '\0'))
				cls[k] = C_MAY;
			continue;
		}
		cls[k] = C_WORD;
		/* The library's searches, not a loop over the bytes: such a
		 * loop ends at a length the CPU cannot predict, and that
		 * cost more than the rest of the class (a word of fixed
		 * blocks tried instead was slower still). Where the last "-"
		 * is, is looked for only in the few words with one. */
		size_t n = strlen(w);
		const char *dash = memchr(w, '-', n) ? strrchr(w, '-') : NULL;
		int apos = memchr(w, '\'', n) != NULL;
		/* "Labor Day", "Valentine's Day": the word before may begin
		 * a holiday. */
		if (w[0] == 'd' && w[1] == 'a' && w[2] == 'y' &&
		    (w[3] == '\0' || w[3] == '\'') && k > s->b)
			cls[k - 1] |= C_MAY;
		if (dash) {
			/* "mid-January", "two-year", "third-quarter". */
			size_t tail = n - (size_t)(dash + 1 - w);
			cls[k] |= C_MAY;
			if (word_bits(x, dash + 1, tail,
			              word_hash(dash + 1, tail)) &
			    W_UNIT)
				cls[k] |= C_HYPHEN_UNIT;
			continue;
		}
		if (apos) {
			/* The matchers read "Tuesday's" and "Christmas'" as
			 * their words; no other word with "'" begins a
			 * date. */
			char buf[32];
			const char *b = base_word(w, buf, sizeof buf);
			size_t bn = strlen(b);
			if (b != w &&
			    (word_bits(x, b, bn, word_hash(b, bn)) & W_START))
				cls[k] |= C_MAY;
			continue;
		}
		unsigned bits = word_bits(x, w, n, word_hash(w, n));
		cls[k] |= (uint8_t)((bits & W_START ? C_MAY : 0) |
		                    (bits & W_NEAR ? C_NEAR : 0) |
		                    (bits & W_UNIT ? C_UNIT : 0) |
		                    (bits & W_THE ? C_THE : 0) |
		                    (bits & W_AFTER_THE ? C_AFTER_THE : 0));
	}
}

/* Lists in cand the tokens of [s->b, s->e) that may_start() may let
 * through, from cls (word_class()) alone: a start word, "the" before a
 * start word, a count word, or a word with a unit one or two tokens on.
 * Returns how many. The list grows with no branch on the classes, which
 * the CPU cannot predict; may_start() then decides at these alone.
 * cls must have two bytes after s->e, which are set to 0. */
static uint32_t candidates(const cr_scan *s, uint8_t *cls, uint32_t *cand)
{
	uint32_t n = 0;
	cls[s->e] = cls[s->e + 1] = 0;
	for (uint32_t i = s->b; i < s->e; i++) {
		unsigned c0 = cls[i], c1 = cls[i + 1], c2 = cls[i + 2];
		unsigned word = (c0 & C_WORD) != 0;
		unsigned the = ((c0 & C_THE) != 0) &
		               ((c1 & (C_MAY | C_AFTER_THE)) != 0);
		unsigned count =
		        ((c0 & C_NEAR) != 0) | (((c1 | c2) & C_UNIT) != 0);
		cand[n] = i;
		n += ((c0 & C_MAY) != 0) | (word & (the | count));
	}
	return n;
}

/* Where the next unit word ("days", "year") and the next hyphenated
 * word ending in one ("two-year") are, at or after the last token asked
 * about: a cursor that only moves forward, so a sentence's tokens are
 * each read a bounded number of times. Zero-initialise it per sentence. */
typedef struct near_cursor {
	uint32_t unit, hyphen;
	int valid;
} near_cursor;

/* 1 when a unit word lies in [i, i + 5) or a hyphenated one in [i, i +
 * 3) (cls from word_class()): a narrower form of the test
 * match_duration() starts with, which every duration passes. i must not
 * decrease between calls with one cursor. */
static int near_unit(const cr_scan *s, const uint8_t *cls, near_cursor *c,
                     uint32_t i)
{
	if (!c->valid || c->unit < i) {
		uint32_t k = i;
		while (k < s->e && !(cls[k] & C_UNIT))
			k++;
		c->unit = k;
	}
	if (!c->valid || c->hyphen < i) {
		uint32_t k = i;
		while (k < s->e && !(cls[k] & C_HYPHEN_UNIT))
			k++;
		c->hyphen = k;
	}
	c->valid = 1;
	/* s->e stands for none: near the sentence's end is not near one. */
	return (c->unit < s->e && c->unit < i + 5) ||
	       (c->hyphen < s->e && c->hyphen < i + 3);
}

/* 0 when no pattern of match_at() can start at token i, told cheaply
 * from cls (word_class()); 1 when it may. Exact on the side that
 * matters: every match_at() hit passes this test. Sets *near to
 * near_unit()'s answer, which spares match_duration() asking again. */
static int may_start(const cr_scan *s, const uint8_t *cls, near_cursor *c,
                     uint32_t i, int *near)
{
	const cr_token *t = cr_scan_tok(s, i);
	*near = 0;
	/* near_unit() is asked only where the answer may be 1: most words
	 * are turned away by their class alone. */
	if (cls[i] & C_MAY) {
		*near = near_unit(s, cls, c, i);
		return 1;
	}
	if (!(t->flags & CR_TOK_WORD))
		return 0;
	/* "the quarter", "the 1970s", "the mid-1990s", "the '80s". */
	if ((cls[i] & C_THE) && i + 1 < s->e &&
	    (cls[i + 1] & (C_MAY | C_AFTER_THE))) {
		*near = near_unit(s, cls, c, i);
		return 1;
	}
	if (cls[i] & C_NEAR) {
		*near = near_unit(s, cls, c, i);
		return *near;
	}
	/* Any other word begins a duration only as its count, right before
	 * the unit or before "-" and the unit: "three years". A unit there
	 * is near, as near_unit() would say. */
	uint32_t u = i + 1;
	if (u >= s->e)
		return 0;
	/* The classes first: most words are followed by no unit, and the
	 * next token's text need not be read. */
	if (!(cls[u] & C_UNIT) && (u + 1 >= s->e || !(cls[u + 1] & C_UNIT) ||
	                           !streq(cr_scan_norm(s, u), "-")))
		return 0;
	*near = near_unit(s, cls, c, i);
	double v;
	int ord;
	return *near && cr_number_parse(t->norm, strlen(t->norm), &v, &ord) &&
	       !ord;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* 1 when token i is the word w. */
static int tok_is(const cr_article *a, uint32_t i, const char *w)
{
	return i < a->n_toks && streq(a->toks[i].norm, w);
}

/* Reads d, matched as m, in the light of the quarter the article last
 * named (q, or NULL): business news compares a quarter's results with
 * "a year ago", meaning the same quarter a year before, and a bare
 * "year-earlier" means that quarter too; with no quarter named both mean
 * the year before. */
static void quarter_context(const cr_article *a, const dmatch *m, cr_date *d,
                            const cr_date *q)
{
	int bare = m->first == m->last && d->kind == CR_DATE_VAGUE &&
	           d->offset_unit == 'q' && d->offset_days == -4 &&
	           (tok_is(a, m->first, "year-ago") ||
	            tok_is(a, m->first, "year-earlier"));
	int ago = d->kind == CR_DATE_RELATIVE && d->offset_unit == 'y' &&
	          d->offset_days == -1 && m->last > m->first &&
	          (tok_is(a, m->last, "ago") || tok_is(a, m->last, "earlier"));
	if (!bare && !ago)
		return;
	if (!q) {
		if (bare) {
			d->kind = CR_DATE_RELATIVE;
			d->offset_unit = 'y';
			d->offset_days = -1;
		}
		return;
	}
	d->kind = CR_DATE_VAGUE;
	d->offset_unit = 'q';
	d->granularity = 0;
	d->month = q->month;
	d->year = q->year ? (int16_t)(q->year - 1) : 0;
	d->offset_days = q->month ? (q->year ? 0 : q->offset_days - 1)
	                          : q->offset_days - 4;
}

struct cr_date_index {
	word_index words;
};

cr_date_index *cr_date_index_new(void)
{
	cr_date_index *x = malloc(sizeof *x);
	if (x && !word_index_build(&x->words)) {
		free(x); /* date_words is broken: see the tests */
		x = NULL;
	}
	return x;
}

void cr_date_index_free(cr_date_index *x)
{
	free(x);
}

cr_err cr_dates_find(cr_article *a)
{
	if (!a)
		return CR_EINVAL;
	cr_date_index x;
	if (!word_index_build(&x.words))
		return CR_EINVAL; /* date_words is broken: see the tests */
	return cr_dates_find_with(a, &x);
}

cr_err cr_dates_find_with(cr_article *a, const cr_date_index *idx)
{
	if (!a)
		return CR_EINVAL;
	if (!idx)
		return cr_dates_find(a);
	const word_index *x = &idx->words;
	a->dates = NULL;
	a->n_dates = 0;
	uint32_t cap = 0;
	/* The latest quarter named, by index: a->dates moves as it grows. */
	uint32_t lastq = NO_TOK;
	if (!a->n_toks)
		return CR_OK; /* no tokens, no dates */
	/* One class byte per token (word_class()) and two more
	 * (candidates()), and the candidates of a sentence, in the
	 * article's arena; each is written before it is read. */
	uint8_t *cls = cr_arena_alloc_raw(a->arena, (size_t)a->n_toks + 2);
	uint32_t *cand = cr_arena_alloc_raw(a->arena, ((size_t)a->n_toks + 1) *
	                                                      sizeof *cand);
	if (!cls || !cand)
		return CR_ENOMEM;
	for (uint32_t si = 0; si < a->n_sents; si++) {
		cr_scan s = {a, a->sents[si].tok_begin, a->sents[si].tok_end};
		if (s.e > a->n_toks || s.b > s.e)
			continue;
		word_class(&s, x, cls);
		uint32_t n_cand = candidates(&s, cls, cand);
		near_cursor nc = {0, 0, 0};
		/* The tokens after a date's last are tried next. */
		uint32_t next = s.b;
		for (uint32_t ci = 0; ci < n_cand; ci++) {
			uint32_t i = cand[ci];
			dmatch m;
			int near;
			if (i < next || !may_start(&s, cls, &nc, i, &near) ||
			    !match_near(&s, i, &m, near))
				continue;
			if (a->n_dates == CR_MAX_DATES)
				return CR_ETOOBIG;
			if (a->n_dates == cap) {
				uint32_t nc = cap ? cap * 2 : 16;
				cr_date *g = cr_arena_grow(a->arena, a->dates,
				                           cap, nc, sizeof *g);
				if (!g)
					return CR_ENOMEM;
				a->dates = g;
				cap = nc;
			}
			cr_date *d = &a->dates[a->n_dates++];
			*d = m.d;
			const cr_token *f = &a->toks[m.first];
			const cr_token *l = &a->toks[m.last];
			d->span.off = f->span.off;
			d->span.len = l->span.off + l->span.len - f->span.off;
			d->sent = si;
			quarter_context(a, &m, d,
			                lastq == NO_TOK ? NULL
			                                : &a->dates[lastq]);
			/* A quarter a year back is no new reporting period. */
			if (m.d.kind == CR_DATE_VAGUE &&
			    m.d.offset_unit == 'q' && m.d.offset_days >= 0)
				lastq = a->n_dates - 1;
			next = m.last + 1;
		}
	}
	if (a->published != CR_TIME_NONE) {
		int y, mo, day;
		cr_civil_from_days(floor_div(a->published, 86400), &y, &mo,
		                   &day);
		for (uint32_t k = 0; k < a->n_dates; k++)
			cr_date_resolve(&a->dates[k], y, mo, day);
	}
	return CR_OK;
}

/* Calendar arithmetic (Howard Hinnant's days_from_civil algorithm). */
int64_t cr_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t mp = (m + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cr_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = mm;
	*d = dd;
}

int cr_weekday(int y, int m, int d)
{
	int64_t z = cr_days_from_civil(y, m, d);
	return (int)(((z % 7) + 7 + 4) % 7);
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : dm[m - 1];
}

static int valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days_in_month(y, m);
}

static void set_day(cr_date *d, int64_t z)
{
	int y, m, day;
	cr_civil_from_days(z, &y, &m, &day);
	if (y < 1 || y > 9999)
		return;
	d->resolved = 1;
	d->granularity = 'd';
	d->r_year = (int16_t)y;
	d->r_month = (int8_t)m;
	d->r_day = (int8_t)day;
}

static void set_month(cr_date *d, int y, int m)
{
	if (y < 1 || y > 9999)
		return;
	d->resolved = 1;
	d->granularity = 'm';
	d->r_year = (int16_t)y;
	d->r_month = (int8_t)m;
}

static void set_year(cr_date *d, int y)
{
	if (y < 1 || y > 9999)
		return;
	d->resolved = 1;
	d->granularity = 'y';
	d->r_year = (int16_t)y;
}

/* The month m of the year around (ay, am) in direction dir: 0 the most
 * recent on or before, -1 strictly before, +1 on or after. */
static int month_year(int ay, int am, int m, int dir)
{
	if (dir > 0)
		return m >= am ? ay : ay + 1;
	if (dir < 0)
		return m < am ? ay : ay - 1;
	return m <= am ? ay : ay - 1;
}

/* The direction in which month mo lies nearest to anchor month am: news
 * names an untensed coming month only when it is close, so a month is
 * ahead when it begins within NEAREST_AHEAD months, else behind. */
static int nearest_month_dir(int am, int mo)
{
	int ahead = (mo - am + 12) % 12;
	if (ahead == 0)
		return 0;
	return ahead <= NEAREST_AHEAD ? 1 : -1;
}

int cr_date_undatable(const cr_date *d)
{
	return d->granularity == CR_DATE_G_DURATION ||
	       d->granularity == CR_DATE_G_REF ||
	       d->granularity == CR_DATE_G_SET ||
	       d->granularity == CR_DATE_G_DECADE ||
	       d->granularity == CR_DATE_G_CENTURY;
}

void cr_date_resolve(cr_date *d, int y, int m, int day)
{
	if (!d)
		return;
	int event = d->kind == CR_DATE_RELATIVE && d->granularity == 'e';
	int span = cr_date_undatable(d);
	uint8_t g = d->granularity;
	d->resolved = 0;
	d->granularity = event || span ? g : 0;
	d->r_year = 0;
	d->r_month = 0;
	d->r_day = 0;
	if (event || span || !valid_ymd(y, m, day))
		return;
	int64_t anchor = cr_days_from_civil(y, m, day);
	int dir = d->offset_days > 0 ? 1 : d->offset_days < 0 ? -1 : 0;
	switch (d->kind) {
	case CR_DATE_ABSOLUTE:
		if (d->month < 1 || d->month > 12 || d->day < 1)
			return;
		if (d->year) {
			if (valid_ymd(d->year, d->month, d->day))
				set_day(d, cr_days_from_civil(d->year, d->month,
				                              d->day));
			return;
		} else {
			/* The nearest such day to the anchor, on the side
			 * the tense of the sentence asks for. */
			int64_t best = 0, best_gap = INT64_MAX;
			for (int yy = y - 1; yy <= y + 1; yy++) {
				if (!valid_ymd(yy, d->month, d->day))
					continue;
				int64_t z = cr_days_from_civil(yy, d->month,
				                               d->day);
				if ((dir > 0 && z < anchor) ||
				    (dir < 0 && z > anchor))
					continue;
				int64_t gap =
				        z > anchor ? z - anchor : anchor - z;
				if (gap < best_gap) {
					best_gap = gap;
					best = z;
				}
			}
			if (best_gap != INT64_MAX)
				set_day(d, best);
		}
		return;
	case CR_DATE_MONTH:
		if (d->month < 1 || d->month > 12)
			return;
		if (d->year)
			set_month(d, d->year, d->month);
		else if (d->offset_unit == 'y')
			set_month(d, y + d->offset_days, d->month);
		else if (d->offset_days == NEAREST_MONTH)
			set_month(d,
			          month_year(y, m, d->month,
			                     nearest_month_dir(m, d->month)),
			          d->month);
		else
			set_month(d, month_year(y, m, d->month, dir), d->month);
		return;
	case CR_DATE_YEAR:
		if (d->year)
			set_year(d, d->year);
		return;
	case CR_DATE_WEEKDAY: {
		if (d->weekday < 0 || d->weekday > 6)
			return;
		int back = (cr_weekday(y, m, day) - d->weekday + 7) % 7;
		if (dir > 0)
			set_day(d, anchor + (back == 0 ? 7 : 7 - back));
		else if (dir < 0)
			set_day(d, anchor - (back == 0 ? 7 : back));
		else
			set_day(d, anchor - back);
		return;
	}
	case CR_DATE_HOLIDAY: {
		if (d->month < 1 || d->month > 12 || d->day < 1)
			return;
		/* Try the years around the anchor in the wanted direction. */
		int64_t pick = INT64_MIN;
		for (int yy = y - 1; yy <= y + 1; yy++) {
			if (!valid_ymd(yy, d->month, d->day))
				continue;
			int64_t z = cr_days_from_civil(yy, d->month, d->day);
			if (d->weekday >= 0 && d->weekday <= 6)
				z += (d->weekday -
				      cr_weekday(yy, d->month, d->day) + 7) %
				     7;
			if (dir > 0 && z >= anchor) {
				pick = z;
				break;
			}
			if (dir < 0 && z < anchor)
				pick = z;
			if (dir == 0 && z <= anchor)
				pick = z;
		}
		if (pick != INT64_MIN)
			set_day(d, pick);
		return;
	}
	case CR_DATE_RELATIVE:
	case CR_DATE_VAGUE: {
		int32_t n = d->offset_days;
		if (d->offset_unit == 'q') {
			/* "the quarter" is the last one ended by the anchor;
			 * r_month holds its first month. */
			if (d->month == 0 && d->year) {
				/* "the 1988 quarter": the number of the last
				 * one ended by the anchor, in that year. */
				int qn = ((m - 1) / 3 + 3) % 4;
				set_year(d, d->year);
				d->r_month = (int8_t)(qn * 3 + 1);
				return;
			}
			if (d->month == 0) {
				if (n < -400 || n > 400)
					return;
				int64_t qi =
				        (int64_t)y * 4 + (m - 1) / 3 - 1 + n;
				set_year(d, (int)floor_div(qi, 4));
				d->r_month =
				        (int8_t)((qi - floor_div(qi, 4) * 4) *
				                         3 +
				                 1);
				return;
			}
			/* A quarter without a year is the latest one begun
			 * by the anchor's month, moved offset_days years
			 * ("the year-ago third quarter" -1). */
			if (d->month < 1 || d->month > 12)
				return;
			if (n < -100 || n > 100)
				return;
			set_year(d, d->year        ? d->year
			            : d->month > m ? y - 1 + n
			                           : y + n);
			return;
		}
		if (d->offset_unit == 's') {
			/* A season: its year, with r_month its first month. */
			if (d->month < 1 || d->month > 12)
				return;
			if (d->year)
				set_year(d, d->year);
			else if (n == -2) /* "this past": the latest begun */
				set_year(d, d->month <= m ? y : y - 1);
			else
				set_year(d, y + n);
			d->r_month = d->month;
			return;
		}
		if (n < -100000 || n > 100000)
			return;
		switch (d->offset_unit) {
		case 'd':
			set_day(d, anchor + n);
			return;
		case 'm': {
			int64_t mi = (int64_t)y * 12 + (m - 1) + n;
			set_month(d, (int)floor_div(mi, 12),
			          (int)(mi - floor_div(mi, 12) * 12) + 1);
			return;
		}
		case 'y':
			set_year(d, y + n);
			return;
		default: /* weeks and vague spans have no calendar date */
			return;
		}
	}
	default:
		return;
	}
}

/* The weekday that goes with an explicit day-month: one written with it,
 * else one in its sentence, else the one named nearest to it in the
 * article (by sentence). -1 when the article names none. */
static int weekday_for(const cr_article *a, const cr_date *d)
{
	if (d->weekday >= 0)
		return d->weekday;
	int best = -1;
	uint32_t best_gap = UINT32_MAX;
	for (uint32_t k = 0; k < a->n_dates; k++) {
		const cr_date *w = &a->dates[k];
		if (w->kind != CR_DATE_WEEKDAY || w->weekday < 0 ||
		    w->offset_days != 0)
			continue;
		uint32_t gap = w->sent > d->sent ? w->sent - d->sent
		                                 : d->sent - w->sent;
		if (gap < best_gap) {
			best_gap = gap;
			best = w->weekday;
		}
	}
	return best;
}

int cr_dates_infer_anchor(const cr_article *a, int *y, int *m, int *d)
{
	if (!a || !y || !m || !d)
		return 0;
	int latest = 0;
	for (uint32_t k = 0; k < a->n_dates; k++) {
		const cr_date *x = &a->dates[k];
		if (x->year >= YEAR_MIN && x->year <= YEAR_MAX &&
		    x->year > latest && x->kind != CR_DATE_RELATIVE)
			latest = x->year;
	}
	for (uint32_t k = 0; k < a->n_nums; k++) {
		const cr_number *n = &a->nums[k];
		if (n->is_year && n->value >= YEAR_MIN &&
		    n->value <= YEAR_MAX && (int)n->value > latest)
			latest = (int)n->value;
	}
	for (uint32_t k = 0; k < a->n_dates; k++) {
		const cr_date *x = &a->dates[k];
		if (x->kind != CR_DATE_ABSOLUTE || x->month < 1 ||
		    x->month > 12 || x->day < 1)
			continue;
		int wd = weekday_for(a, x);
		if (wd < 0)
			continue;
		if (x->year) {
			if (valid_ymd(x->year, x->month, x->day) &&
			    cr_weekday(x->year, x->month, x->day) == wd) {
				*y = x->year;
				*m = x->month;
				*d = x->day;
				return 1;
			}
			continue;
		}
		if (!latest)
			continue;
		for (int yy = latest; yy < latest + INFER_YEARS; yy++) {
			if (valid_ymd(yy, x->month, x->day) &&
			    cr_weekday(yy, x->month, x->day) == wd) {
				*y = yy;
				*m = x->month;
				*d = x->day;
				return 1;
			}
		}
	}
	return 0;
}

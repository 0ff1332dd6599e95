/*
 * article.h - the article and what analysis finds in it.
 *
 * An article is a plain data record (a value type, like uv_buf_t): its
 * fields are public so every stage can read them. Everything it points to
 * is owned by its arena and goes with cr_article_destroy().
 *
 * Text positions are cr_span slices (byte offset, length) into
 * article->body, which is valid UTF-8, NUL-terminated, with paragraphs
 * separated by a single '\n'. Analysis never copies the body; it records
 * spans and, where a normalised form is needed, an arena string.
 *
 * Who fills what:
 *   ingest  (src/ingest)  id, source, url, title, published, lang, origin,
 *                         raw text, then cleaning: body, removed lines
 *   analyze (src/text)    sents, toks, nums, dates, ments, quotes
 *   sig     (src/sig)     copy_of
 *   cluster (src/cluster) story
 */
#ifndef CROSSREAD_ARTICLE_H
#define CROSSREAD_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct cr_arena cr_arena;

/* "Unknown time" for cr_article.published. */
#define CR_TIME_NONE INT64_MIN

/* A byte range of article->body. */
typedef struct cr_span {
	uint32_t off;
	uint32_t len;
} cr_span;

/* Token flags. */
enum {
	CR_TOK_WORD = 1 << 0,  /* letters (may hold ' or - inside) */
	CR_TOK_NUM = 1 << 1,   /* starts with a digit: 1,000 3.5 170mm 1001st */
	CR_TOK_PUNCT = 1 << 2, /* punctuation or symbol, one code point */
	CR_TOK_CAP = 1 << 3,   /* first letter is upper case */
	CR_TOK_UPPER = 1 << 4, /* all letters upper case, length >= 2 */
	CR_TOK_STOP = 1 << 5,  /* a stopword */
	CR_TOK_QUOTE = 1 << 6, /* a quotation mark: " “ ” ‘ ’ ' « » */
	CR_TOK_SENT0 = 1 << 7, /* first token of its sentence */
	CR_TOK_HASHED = 1 << 8, /* norm_hash and stem_hash are set */
};

typedef struct cr_token {
	cr_span span;
	const char *norm; /* NFKC case-folded form, arena, NUL-terminated */
	const char *stem; /* Snowball stem of norm; == norm for non-words */
	/* XXH3_64bits of norm and of stem (without the NUL), set by analysis
	 * (CR_TOK_HASHED): copy detection and clustering key on them, and
	 * analysis has the norm's hash at hand already (the stem cache). */
	uint64_t norm_hash, stem_hash;
	uint16_t flags;
	uint16_t sent; /* index of its sentence (capped at 65535) */
} cr_token;

typedef struct cr_sentence {
	cr_span span;
	uint32_t para;      /* index of its paragraph */
	uint32_t tok_begin; /* tokens [tok_begin, tok_end) of article->toks */
	uint32_t tok_end;
} cr_sentence;

/* A number with what it measures: "six missiles" (value 6, counts
 * "missile"), "56 out of 122 drones" (56, total 122, counts "drone"),
 * "170mm" (170, unit "mm"), "the 1,000th day" (1000, ordinal, "day"). */
typedef struct cr_number {
	cr_span span; /* the number as written, with its unit */
	uint32_t sent;
	double value;
	double total;       /* "out of N"; 0 when absent */
	const char *unit;   /* normalised: "mm" "km" "%" "usd" "kg"...; NULL */
	const char *counts; /* stem of the counted noun ("missil"); NULL */
	uint8_t ordinal;    /* 1000th */
	uint8_t approx;     /* about, nearly, thousands of, more than */
	uint8_t is_year;    /* 2022 used as a year: not a quantity */
} cr_number;

typedef enum cr_date_kind {
	CR_DATE_ABSOLUTE, /* November 20, 2024; 20 Nov; 2024-11-20 */
	CR_DATE_MONTH,    /* in January; February 2022 */
	CR_DATE_YEAR,     /* in 2022 */
	CR_DATE_WEEKDAY,  /* on Tuesday */
	CR_DATE_RELATIVE, /* yesterday, three days after, last week */
	CR_DATE_HOLIDAY,  /* New Year, Christmas, independence day */
	CR_DATE_VAGUE,    /* earlier this year, recent months */
} cr_date_kind;

/* A date expression. The "written" fields hold what the text says
 * (0 = not said); the resolved fields hold the calendar date after
 * cr_date_resolve() against an anchor (the publication date). */
typedef struct cr_date {
	cr_span span;
	uint32_t sent;
	uint8_t kind;        /* cr_date_kind */
	int16_t year;        /* as written, 0 = absent */
	int8_t month;        /* 1..12, 0 = absent */
	int8_t day;          /* 1..31, 0 = absent */
	int8_t weekday;      /* 0 = Sunday .. 6, -1 = none */
	int32_t offset_days; /* relative: yesterday -1, "three days after" +3 */
	int8_t offset_unit;  /* 'd' 'w' 'm' 'y' for offsets; 0 none */
	/* resolved */
	uint8_t resolved;    /* 1 when y/m/d below hold a date */
	uint8_t granularity; /* 'd' day, 'm' month, 'y' year */
	int16_t r_year;
	int8_t r_month;
	int8_t r_day;
} cr_date;

typedef enum cr_entity_type {
	CR_ENT_PERSON,
	CR_ENT_PLACE,
	CR_ENT_ORG,
	CR_ENT_OTHER,
} cr_entity_type;

/* A mention of a named entity. name is its canonical surface form in this
 * article: titles ("President"), possessives ("'s") and determiners
 * stripped; demonyms map to places ("Italian" -> "Italy") only where
 * the mention is a demonym. */
typedef struct cr_mention {
	cr_span span;
	uint32_t sent;
	uint8_t type;     /* cr_entity_type */
	uint8_t demonym;  /* written as an adjective: "Spanish embassy" */
	const char *name; /* arena */
} cr_mention;

/* A quote: text is the span inside the quotation marks. speaker is the
 * resolved name ("Yuriy Ignat", "US embassy"), or NULL when the text does
 * not tell. */
typedef struct cr_quote {
	cr_span text;
	uint32_t sent;
	/* The attribution's own words for the speaker ("she", "a spokesman");
	 * {0,0} if none. */
	cr_span speaker_span;
	const char *speaker; /* arena; NULL when unknown */
	const char *cue; /* "said" "told" "according to" "warned"...; NULL */
	uint8_t partial; /* quote is part of a sentence, not all of it */
} cr_quote;

typedef struct cr_removed_line {
	const char *text;   /* the line (or sentence) as it was, arena */
	const char *reason; /* "promo" "tagline" "teaser" "share" "stray"
	                       "credit" "site-name" */
} cr_removed_line;

typedef struct cr_article {
	cr_arena *arena;

	/* identity, from ingest; NULL when unknown */
	const char *id;     /* file name without extension, or JSON "id" */
	const char *source; /* outlet name */
	const char *url;
	const char *title;
	const char *lang;     /* ISO 639-1, e.g. "en" */
	int64_t published;    /* seconds since epoch UTC, or CR_TIME_NONE */
	const char *origin;   /* file the article came from */
	uint64_t origin_line; /* 1-based line for JSON lines, else 0 */

	/* raw text as read, before cleaning (valid UTF-8, NUL-terminated) */
	const char *raw;
	uint32_t raw_len;
	uint8_t title_given; /* title came from metadata: raw is body only */

	/* after cleaning */
	char *body;
	uint32_t body_len;
	cr_removed_line *removed;
	uint32_t n_removed;

	/* after analysis */
	cr_sentence *sents;
	uint32_t n_sents;
	cr_token *toks;
	uint32_t n_toks;
	cr_number *nums;
	uint32_t n_nums;
	cr_date *dates;
	uint32_t n_dates;
	cr_mention *ments;
	uint32_t n_ments;
	cr_quote *quotes; /* text inside quotation marks */
	uint32_t n_quotes;
	cr_quote *reported; /* reported speech, without marks */
	uint32_t n_reported;

	/* after signatures and clustering */
	const char *copy_of; /* id of the earliest article this copies */
	uint32_t story;      /* story number, from 0 */
	uint32_t seq;        /* arrival order, from 0 */
} cr_article;

/* Creates an empty article with its own arena; NULL when out of memory.
 * published starts as CR_TIME_NONE. */
cr_article *cr_article_create(void);

/* Frees the article and everything in its arena. Accepts NULL. */
void cr_article_destroy(cr_article *a);

/* The body text of a span (not NUL-terminated). */
static inline const char *cr_span_ptr(const cr_article *a, cr_span s)
{
	return a->body + s.off;
}

#endif

/*
 * briefing.h - the cross-source briefing of one story.
 *
 * A briefing is computed from a story's articles and is a plain record
 * owned by its arena. Every claim in it points back to the articles that
 * support it through a cr_artset: indices into briefing->arts, ascending.
 * Renderers (src/brief/render_*.c) turn it into JSON (the contract in
 * docs/json-contract.md), Markdown or HTML.
 */
#ifndef CROSSREAD_BRIEFING_H
#define CROSSREAD_BRIEFING_H

#include <stddef.h>
#include <stdint.h>

#include "crossread/article.h"

/* A set of articles of the briefing, as ascending indices into arts. */
typedef struct cr_artset {
	uint32_t *idx;
	uint32_t n;
} cr_artset;

typedef enum cr_agreement {
	CR_AGREE_ALL,  /* every article of the story states it */
	CR_AGREE_SOME, /* two or more, not all */
	CR_AGREE_ONE,  /* a single article */
} cr_agreement;

typedef struct cr_bsentence { /* a summary sentence */
	const char *text;
	cr_artset arts;
} cr_bsentence;

typedef struct cr_bfact {
	const char *text;
	cr_artset arts;
	uint8_t agreement;    /* cr_agreement */
	uint32_t independent; /* outlets, copies counted once */
} cr_bfact;

typedef struct cr_bclaim { /* one side of a conflict */
	const char *text;  /* the statement, as one outlet words it */
	const char *value; /* the value it gives: "closed", "1,000th" */
	cr_artset arts;
} cr_bclaim;

typedef enum cr_conflict_kind {
	CR_CONFLICT_CONTRADICTION, /* reports of the same time disagree */
	CR_CONFLICT_UPDATE,        /* a later report revises a figure */
} cr_conflict_kind;

typedef struct cr_bconflict {
	const char *about; /* what the claims disagree on */
	uint8_t kind;      /* cr_conflict_kind */
	cr_bclaim *claims;
	uint32_t n_claims;
} cr_bconflict;

/* One outlet's wording of a quote that others word differently. */
typedef struct cr_bwording {
	const char *text;
	cr_artset arts; /* the articles that word it so */
} cr_bwording;

/* A quote, or a reported statement, grouped across outlets: the same
 * speaker saying nearly the same words. text is the wording most articles
 * carry; each other wording is listed in variants, so a reader sees which
 * outlet quotes differently. */
typedef struct cr_bquote {
	const char *speaker; /* NULL when unknown */
	const char *text;
	cr_artset arts;  /* every article carrying the quote in any wording */
	const char *cue; /* "said", "told", "according to"...; NULL */
	cr_bwording *variants;
	uint32_t n_variants;
} cr_bquote;

typedef struct cr_bentity {
	const char *name;
	uint8_t type; /* cr_entity_type */
	cr_artset arts;
} cr_bentity;

typedef struct cr_bevent { /* a timeline entry */
	uint8_t has_date;
	int16_t year;     /* resolved date; has_date == 0: unknown */
	int8_t month;     /* 0 when only the year is known */
	int8_t day;       /* 0 when only the month is known */
	uint8_t inferred; /* the anchor date was inferred, not published */
	const char *as_written;
	const char *event;
	cr_artset arts;
} cr_bevent;

typedef struct cr_briefing {
	cr_arena *arena;
	const char *id; /* story id */
	const char *headline;
	const cr_article **arts; /* borrowed: the story's articles */
	uint32_t n_arts;
	uint32_t sources;             /* distinct outlets */
	uint32_t independent_sources; /* outlets, copies counted once */

	cr_bsentence *summary;
	uint32_t n_summary;
	cr_bfact *facts;
	uint32_t n_facts;
	cr_bconflict *conflicts;
	uint32_t n_conflicts;
	cr_bquote *quotes; /* direct: words inside quotation marks */
	uint32_t n_quotes;
	cr_bquote *reported; /* reported speech with a named speaker */
	uint32_t n_reported;
	cr_bentity *entities;
	uint32_t n_entities;
	cr_bevent *timeline;
	uint32_t n_timeline;
} cr_briefing;

/* Options for building briefings. Zero means the default. */
typedef struct cr_brief_opts {
	uint32_t summary_sentences; /* at most; default 5 */
	const char *focus;          /* query to bias the summary; NULL */
	uint32_t summary_words;     /* at most, the last sentence cut to
	                               fit; 0: no word limit */
} cr_brief_opts;

#endif

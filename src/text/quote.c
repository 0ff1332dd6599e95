/*
 * quote.c - direct quotes and who said them.
 *
 * Quotation marks are paired within a paragraph (“ ” « » and " by
 * position; ‘ ’ and ' likewise, ' only where it stands apart from a
 * word; `` and '' of older wire text as double marks, ` as a single
 * opening one). Each quote then looks for a cue in the sentences it touches,
 * outside every quote: a reporting verb ("said", "told", "warned"), a
 * participle that shares the clause subject ("adding"), or "according
 * to". The speaker is the noun phrase before a finite verb ("the US
 * embassy said"), after it when the quote comes first ("..., said Yuriy
 * Ignat"), or after "according to"; a verb after "and" shares the
 * sentence's subject ("Lutz toured the site and said"). A quote with
 * no such cue takes a word of stance before it ("Lutz pledged to keep
 * "..."", "Lutz: "...""), or else continues the speaker of the sentence
 * before it opened. A title in marks with no speaker ("Tales From the
 * Crypt") is no quote. A person named inside the speaker's phrase
 * wins ("Putin's press secretary Dmitry Peskov" -> "Dmitry Peskov");
 * pronouns and role nouns ("they", "the statement") resolve to earlier
 * speakers; a lone surname resolves to the full name in the article.
 * The speaker's span is the phrase in the attribution ("she", "the
 * mayor"), as PolNeAR and PARC mark a source, even when its name comes
 * from earlier text.
 *
 * Reported speech is the clause a cue governs, outside quotes: after the
 * cue ("X said (that) ...", "according to X, ..."), before it when the
 * cue closes the sentence ("..., X said"), on both sides when the cue
 * splits it ("The problem, she said, is ..."), after "that" for verbs of
 * thought ("polls show that ..."), and after a headline's colon. The cue
 * words follow PolNeAR's broad notion of attribution (beliefs, plans and
 * stances as well as speech: "believes", "endorsed", "warned of"); a
 * reader that wants speech alone can filter on the cue. The clause ends
 * at the sentence's end or at a comma before another cue (", adding").
 * What follows a cue is not content when it is the listener ("told
 * reporters"), an occasion ("said at a rally", unless "that" follows)
 * or the speaker after a quote ("..." said X, a spokesman), and after a
 * cue that follows a direct quote nothing is, unless "that" follows
 * ('"...," he said this week'). Nouns of stance count as cues too
 * ("his call for an inquiry"), as PolNeAR annotates them; the subject
 * of "seems" or "is expected" is content with no speaker, and so is the
 * subject of a passive ("the plan was criticized"), whose source is the
 * agent after "by" (never content itself). A headline's colon heads a
 * statement only after a named speaker or a lone capitalised word
 * ("Lutz: ...", not "Additional reporting: ..." or a label such as
 * "Editor's note: ..."). Some cue words report nothing where they stand
 * ("appeared on MSNBC", "adding to her lead", "percent of the vote",
 * "the backing of", "a talk show"), and a short opening phrase of time or
 * place ("In recent weeks, ...") is no content. A poll that opens its
 * sentence ("In a CNN poll released Sunday, ...") and the agent of "As
 * reported by X, ..." are sources of what follows the comma; a poll or a
 * report is a source of reported speech, though never a quote's speaker.
 * "Lutz, who said ..." speaks through "who" (the source's span) for its
 * antecedent (the name). A scare quote of one or two words inside a
 * cue's content ("called it "reckless"") leaves the content reported; a
 * short title in marks after "on", "wrote" or "book" ("said on "Meet
 * the Press"") is no quote even with a speaker near. The cue lexicon
 * was widened from the cue words of PolNeAR's train split;
 * bench/quote-eval --passives counts the passives.
 *
 * Speed: most tokens are asked about many times (each quote's cue search,
 * each noun phrase walk), so run() hashes each word once for the word
 * filters, lists the words that may be cues, and keeps every table
 * answer per token (tok_in()), knowing at once the tables a word's
 * filter bits rule out. The filters are made once per analyzer
 * (cr_quote_lex), and one walk finds the quotes in marks and the
 * reported speech together (cr_quotes_find_all()). None of this
 * changes a result.
 *
 * Assumes text/token.h's contract (quote marks are CR_TOK_PUNCT |
 * CR_TOK_QUOTE tokens; an apostrophe inside a word is part of the word)
 * and that cr_entities_find() has filled a->ments.
 */
#include "text/quote.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "text/lexicon.h"

/* Most quotes kept for one article. */
#define QUOTE_MAX (1u << 16)
/* Most tokens between an opening and a closing mark. */
#define QUOTE_MAX_TOKENS 1000u
/* Most tokens in a speaker's noun phrase. */
#define QUOTE_MAX_NP 10u
/* Earlier speakers that role nouns ("the embassy") may refer to. */
#define QUOTE_RECENT 8
/* Tokens into a sentence an introductory phrase may run before its
 * comma ("In a rare warning, the embassy said"). */
#define QUOTE_MAX_INTRO 12u
/* Words a quote with no known speaker needs to count as a quote. */
#define QUOTE_MIN_WORDS_ANON 3u
/* How many sentences back "he" or "she" may find its person. */
#define QUOTE_PERSON_SENTS 3u

/* The word tables below are sorted by strcmp: cr_lexicon_has() searches
 * them. */
static const char *const CUE_VERBS[] = {
        "acknowledged", "added",     "adds",      "admitted",   "announced",
        "announces",    "argued",    "argues",    "asked",      "cautioned",
        "claimed",      "claims",    "commented", "concluded",  "confirmed",
        "continued",    "declared",  "declares",  "explained",  "explains",
        "insisted",     "insists",   "noted",     "notes",      "posted",
        "predicted",    "promised",  "recalled",  "remarked",   "replied",
        "said",         "say",       "says",      "stated",     "stressed",
        "stresses",     "suggested", "tells",     "threatened", "told",
        "tweeted",      "urged",     "urges",     "vowed",      "warned",
        "warns",        "writes",    "wrote",
};

static const char *const PARTICIPLES[] = {
        "adding", "arguing",   "claiming", "explaining", "insisting", "noting",
        "saying", "stressing", "telling",  "urging",     "warning",
};

static const char *const SKIP_BEFORE[] = {
        "again",    "already",      "also",       "are",        "be",
        "been",     "being",        "did",        "earlier",    "further",
        "had",      "has",          "have",       "is",         "just",
        "later",    "not",          "now",        "once",       "previously",
        "publicly", "recently",     "repeatedly", "reportedly", "separately",
        "since",    "subsequently", "then",       "was",        "were",
        "will",     "would",
};

static const char *const PRONOUNS[] = {
        "he", "i", "it", "she", "they", "we",
};

static const char *const DETERMINERS[] = {
        "a",    "an",  "her",   "his",   "its",  "our",
        "that", "the", "their", "these", "this", "those",
};

static const char *const ROLE_NOUNS[] = {
        "agency",      "ambassador", "army",       "authorities",
        "authority",   "brigade",    "chief",      "commander",
        "committee",   "company",    "council",    "court",
        "department",  "embassy",    "government", "governor",
        "mayor",       "military",   "minister",   "ministry",
        "office",      "official",   "officials",  "police",
        "president",   "prosecutor", "secretary",  "service",
        "source",      "sources",    "spokesman",  "spokesperson",
        "spokeswoman", "statement",
};

static const char *const NON_SPEAKERS[] = {
        "analysis", "data",    "documents", "estimates", "figures",
        "media",    "poll",    "polls",     "report",    "reporting",
        "reports",  "studies", "study",
};

static const char *const INTRO_WORDS[] = {
        "according", "after",  "amid",      "as",    "at",   "before", "by",
        "despite",   "during", "following", "for",   "from", "in",     "on",
        "since",     "under",  "when",      "while", "with",
};
/* Title abbreviations whose dot stays inside a name: "Dr. Castell". */
static const char *const ABBREVS[] = {
        "capt", "col", "dr",   "gen", "gov", "lt",  "mr",
        "mrs",  "ms",  "prof", "rep", "sen", "sgt", "st",
};

/* Prepositions after a cue verb that make it not report speech. */
static const char *const NOT_SPEECH[] = {
        "about",
        "against",
        "of",
        "over",
};

/* Verbs whose clausal complement is reported speech or thought ("the
 * mayor believes the bridge will hold"), beyond the cue verbs above. */
static const char *const REPORT_VERBS[] = {
        "accusations",   "accuse",       "accused",      "accuses",
        "acknowledge",   "acknowledged", "acknowledges", "added",
        "addressed",     "adds",         "admits",       "admitted",
        "advocate",      "advocated",    "agree",        "agreed",
        "agrees",        "aimed",        "aims",         "allegations",
        "alleged",       "alleges",      "angered",      "announce",
        "announced",     "answered",     "apologized",   "appeared",
        "appears",       "applauded",    "approved",     "argue",
        "argued",        "argues",       "argument",     "articulated",
        "ask",           "asked",        "asks",         "assailed",
        "asserted",      "assertion",    "assume",       "assumed",
        "assure",        "assured",      "attack",       "attacked",
        "attacks",       "attempted",    "attributed",   "authorized",
        "backed",        "backs",        "believe",      "believed",
        "believes",      "bemoaned",     "blame",        "blamed",
        "blames",        "blast",        "blasted",      "blasts",
        "boasted",       "boasts",       "bragged",      "call",
        "called",        "calls",        "cautioned",    "celebrated",
        "challenged",    "championed",   "chanted",      "characterized",
        "charge",        "charged",      "cheered",      "chided",
        "cite",          "cited",        "cites",        "claim",
        "claimed",       "claims",       "clarified",    "coined",
        "comment",       "comments",     "complained",   "complaints",
        "conceded",      "concern",      "concerns",     "conclude",
        "concluded",     "concludes",    "condemned",    "confirmed",
        "congratulated", "considered",   "considers",    "contemplate",
        "contended",     "contends",     "continued",    "contradicted",
        "convinced",     "credited",     "criticism",    "criticize",
        "criticized",    "criticizes",   "debated",      "decided",
        "decision",      "declare",      "declared",     "declined",
        "decried",       "deemed",       "defended",     "defends",
        "delivered",     "demand",       "demanded",     "demands",
        "denied",        "denies",       "denounced",    "derided",
        "describe",      "described",    "describes",    "disagree",
        "disavowed",     "disclose",     "disclosed",    "discuss",
        "discussed",     "dislike",      "disliked",     "dismissed",
        "dismisses",     "dispute",      "disputed",     "doubt",
        "doubted",       "doubts",       "downplayed",   "dubbed",
        "echoed",        "elaborated",   "emailed",      "embraced",
        "emphasize",     "emphasized",   "encourage",    "encouraged",
        "endorse",       "endorsed",     "endorsement",  "endorses",
        "enjoyed",       "enjoys",       "envisioned",   "estimated",
        "expect",        "expected",     "expects",      "explain",
        "explained",     "explains",     "express",      "expressed",
        "favor",         "favored",      "fear",         "feared",
        "fears",         "feel",         "feels",        "felt",
        "filed",         "finds",        "focused",      "focuses",
        "found",         "framed",       "guess",        "hailed",
        "highlighted",   "hinted",       "hints",        "hope",
        "hoped",         "hopes",        "identified",   "ignore",
        "ignored",       "imagine",      "implied",      "indicate",
        "indicated",     "indicates",    "informed",     "insist",
        "insisted",      "insists",      "intended",     "interjected",
        "interpreted",   "introduced",   "invoked",      "issued",
        "joked",         "knew",         "know",         "known",
        "knows",         "labeled",      "lambasted",    "lamented",
        "laments",       "learned",      "likened",      "listed",
        "maintained",    "mention",      "mentioned",    "mentions",
        "message",       "mocked",       "mused",        "named",
        "note",          "noted",        "notes",        "noticed",
        "observed",      "offer",        "offered",      "offers",
        "opined",        "oppose",       "opposed",      "opposes",
        "opposition",    "ordered",      "outlined",     "persuade",
        "plan",          "plans",        "pleaded",      "pledge",
        "pledged",       "pledges",      "pointed",      "portray",
        "portrayed",     "posted",       "praise",       "praised",
        "praises",       "predict",      "predicted",    "predicts",
        "prefer",        "preferred",    "prefers",      "presented",
        "pressed",       "proclaimed",   "projected",    "promise",
        "promised",      "promises",     "promote",      "promotes",
        "pronounced",    "proposed",     "proposes",     "published",
        "pushed",        "question",     "questioned",   "questions",
        "quoted",        "railed",       "reacted",      "reads",
        "reaffirmed",    "rebuffed",     "rebuked",      "recalled",
        "recognizes",    "recommend",    "recommended",  "recommends",
        "recounted",     "referenced",   "referred",     "refers",
        "refuse",        "refused",      "refuses",      "reiterated",
        "rejected",      "released",     "remark",       "remarked",
        "remarks",       "remembered",   "remembers",    "reminded",
        "repeated",      "replied",      "reported",     "requested",
        "respond",       "responded",    "responds",     "retweeted",
        "revealed",      "reveals",      "said",         "saw",
        "say",           "says",         "see",          "seeks",
        "seem",          "seemed",       "seems",        "sees",
        "shouted",       "show",         "showed",       "shown",
        "shows",         "sided",        "signaled",     "signed",
        "slammed",       "slams",        "sought",       "sounded",
        "speaks",        "speculate",    "speculated",   "spoke",
        "stated",        "stressed",     "suggest",      "suggested",
        "suggestion",    "suggests",     "support",      "supported",
        "supports",      "suspect",      "suspected",    "suspects",
        "talk",          "talked",       "talks",        "tell",
        "tells",         "testified",    "thanked",      "think",
        "thinks",        "thought",      "told",         "touted",
        "touts",         "tweeted",      "underscored",  "underscores",
        "unveiled",      "urged",        "uttered",      "view",
        "viewed",        "voiced",       "vote",         "voted",
        "vowed",         "vows",         "want",         "wanted",
        "wants",         "warn",         "warned",       "warns",
        "weighed",       "welcomed",     "wondered",     "worried",
        "worries",       "worry",        "writes",       "wrote",
};

/* Participles whose complement is reported speech: ", adding that". */
static const char *const REPORT_PARTICIPLES[] = {
        "accepting",   "accusing",       "acknowledging", "adding",
        "admitting",   "advising",       "alleging",      "alluding",
        "announcing",  "arguing",        "asking",        "asserting",
        "attacking",   "attempting",     "backing",       "believing",
        "blaming",     "blasting",       "calling",       "challenging",
        "chanting",    "chiding",        "citing",        "claiming",
        "commenting",  "comparing",      "conceding",     "condemning",
        "confirming",  "congratulating", "considering",   "crediting",
        "criticizing", "declaring",      "decrying",      "defending",
        "demanding",   "denouncing",     "describing",    "detailing",
        "discussing",  "dismissing",     "echoing",       "embracing",
        "emphasizing", "endorsing",      "expecting",     "explaining",
        "expressing",  "fearing",        "focusing",      "highlighting",
        "hoping",      "implying",       "insisting",     "lamenting",
        "mentioning",  "mocking",        "noting",        "offering",
        "outlining",   "planning",       "pledging",      "pointing",
        "portraying",  "praising",       "predicting",    "promising",
        "promoting",   "proposing",      "pushing",       "questioning",
        "quoting",     "recalling",      "recognizing",   "referencing",
        "referring",   "refusing",       "rejecting",     "remarking",
        "reminding",   "repeating",      "saying",        "seeking",
        "showing",     "slamming",       "stating",       "stressing",
        "suggesting",  "supporting",     "talking",       "telling",
        "thanking",    "touting",        "trumpeting",    "tweeting",
        "urging",      "vowing",         "warning",       "wondering",
};

/* Words between a cue and its content that belong to neither: "said
 * later", "said on Tuesday", "said in a statement". */
static const char *const CONTENT_SKIP[] = {
        ":",        "also", "earlier", "later",     "publicly",
        "recently", "then", "today",   "yesterday",
};

/* What "in a ..." after a cue may name: "said in a statement". */
static const char *const CONTENT_MEDIUM[] = {
        "email", "interview", "letter", "post", "speech", "statement", "tweet",
};

/* Words that open a phrase of place, time or occasion after a cue
 * ("said in an interview", "said during a rally"), not its content. */
static const char *const OCCASION_WORDS[] = {
        "after", "amid",   "as",      "at",      "before", "during", "from",
        "in",    "inside", "outside", "through", "when",   "while",  "with",
};

/* Words after "appeared" that make it a showing up ("appeared on
 * MSNBC", "appeared with Sanders"), not a judgement: no cue. */
static const char *const APPEAR_PLACES[] = {
        "alongside", "as", "at", "before", "in", "on", "with",
};

/* Cues whose subject is what is judged ("the plan seems to work"):
 * PolNeAR's content is that subject. */
static const char *const RAISING_CUES[] = {
        "appear", "appeared", "appears", "expected", "reportedly",
        "seem",   "seemed",   "seems",   "seen",
};

/* Prepositions that open a cue's object ("talked about", "called
 * for"); PolNeAR's content is the object without them. */
static const char *const OBJECT_PREPS[] = {
        "about", "against", "at", "for", "of", "on", "over", "upon",
};

/* Cues whose object is the listener, before the content. */
static const char *const LISTENER_CUES[] = {
        "telling",
        "tells",
        "told",
};

/* Words before a colon that label the line rather than name a speaker
 * or cue a statement: "Editor's note: ...", "Contributing: ...",
 * "Revealed: ...". */
static const char *const COLON_LABELS[] = {
        "contributing", "correction", "note", "revealed", "update",
};

/* Forms of "add", which before "to" adds to a tally ("adding to her
 * lead"), not to what was said. */
static const char *const ADD_FORMS[] = {
        "add",
        "added",
        "adding",
        "adds",
};

/* Lower-case words that open an apposition to a source rather than a
 * clause: "according to Ann Lutz, who ...", "..., the mayor of ...". */
static const char *const APPOSITION_OPENERS[] = {
        "a", "an", "the", "which", "who", "whose",
};

/* Nouns whose "of" names a backer or a display, not a content: "the
 * backing of many Democrats", "a show of force". */
static const char *const OF_NOT_CONTENT[] = {
        "backing",
        "show",
};

/* Words before "show" that make it a programme: "a talk show". */
static const char *const SHOW_KINDS[] = {
        "award", "cable",   "game", "hit",        "morning", "news",
        "radio", "reality", "talk", "television", "tv",      "variety",
};

/* Weekdays, as "said on Tuesday" names them. */
static const char *const WEEKDAYS[] = {
        "friday",   "monday",  "saturday",  "sunday",
        "thursday", "tuesday", "wednesday",
};

/* Most tokens a reported content may hold. */
#define REPORT_MAX_TOKENS 200u
/* Fewest words of a reported content. */
#define REPORT_MIN_WORDS 2

/* Mark families: a quote closes with a mark of the family it opened. */
enum { FAM_NONE, FAM_DOUBLE, FAM_SINGLE };
/* Which way a mark faces. */
enum { DIR_OPEN = 1, DIR_CLOSE = 2 };

/* A speaker found for a quote or a sentence. */
typedef struct who {
	const char *name; /* arena; NULL when unknown */
	cr_span span;     /* where it is named */
} who;

/* One bit per word table that TOK_IN() asks about, for the per-token
 * memo of its answers (qctx.wcls). The same list fills cr_quote_lex's
 * word index, so no table can be left out of it. */
#define W_TABLES(X)                                                            \
	X(ABBREVS)                                                             \
	X(ADD_FORMS)                                                           \
	X(APPEAR_PLACES)                                                       \
	X(APPOSITION_OPENERS)                                                  \
	X(BE_FORMS)                                                            \
	X(COLON_LABELS)                                                        \
	X(CONTENT_MEDIUM)                                                      \
	X(CONTENT_SKIP)                                                        \
	X(CUE_VERBS)                                                           \
	X(DETERMINERS)                                                         \
	X(INTRO_WORDS)                                                         \
	X(LISTENER_CUES)                                                       \
	X(NON_SPEAKERS)                                                        \
	X(NOT_SPEECH)                                                          \
	X(OBJECT_PREPS)                                                        \
	X(OCCASION_WORDS)                                                      \
	X(OF_NOT_CONTENT)                                                      \
	X(PARTICIPLES)                                                         \
	X(PASSIVE_NOT)                                                         \
	X(POLL_WORDS)                                                          \
	X(PRONOUNS)                                                            \
	X(RAISING_CUES)                                                        \
	X(RELATIVE_VERBS)                                                      \
	X(REPORT_PARTICIPLES)                                                  \
	X(REPORT_VERBS)                                                        \
	X(ROLE_NOUNS)                                                          \
	X(SHOW_KINDS)                                                          \
	X(SKIP_BEFORE)                                                         \
	X(TITLE_BEFORE)                                                        \
	X(THAT_VERBS)                                                          \
	X(WEEKDAYS)

#define W_ENUM(t) W_##t,
enum wclass { W_TABLES(W_ENUM) };
#undef W_ENUM
/* How many tables W_TABLES lists. */
#define W_ONE(t) +1
enum { W_COUNT = 0 W_TABLES(W_ONE) };
#undef W_ONE
_Static_assert(W_COUNT <= 32, "wclass bits fit lex_word.cls");

/* Bits of a word filter: a word's first two and last two bytes and its
 * length hash to two bits; a word with either bit clear is in none of
 * the tables the filter was filled from, which saves a search for
 * most words. Two bits in 8192 let through fewer of the words no
 * table holds than one bit in 4096 did, against the 600 report words. */
#define QUOTE_FILTER_BITS 8192u

/* Most distinct words of all the tables together, and the slots of
 * their index: a power of two, four times the words, so that a word no
 * table holds mostly meets a free slot at once. */
#define QUOTE_WORDS_MAX  1024u
#define QUOTE_WORD_SLOTS 4096u

/* One word of the tables, with the W_TABLES classes that hold it. */
typedef struct lex_word {
	const char *w;
	uint32_t h;   /* filter_hash(w) */
	uint32_t cls; /* bit k: cr_lexicon_has() finds w in table k */
} lex_word;

struct cr_quote_lex {
	uint64_t cue_bits[QUOTE_FILTER_BITS / 64];    /* find_cue's verbs */
	uint64_t report_bits[QUOTE_FILTER_BITS / 64]; /* reported speech */
	/* Every word of the tables, with the classes that hold it, and
	 * by filter_hash() in slot (1 + its index in words, 0 when free):
	 * one probe answers tok_in() for all the tables at once, where a
	 * binary search answered for one. The slots are kept small (8 KB)
	 * so that the probes of most words stay in the cache; an index of
	 * 32 KB by filter bit, read for every word, missed it. */
	uint16_t slot[QUOTE_WORD_SLOTS];
	lex_word words[QUOTE_WORDS_MAX];
	uint32_t n_words;
	/* filter_hash() of "according" and of "that", which may open
	 * reported speech though no filter holds them. */
	uint32_t h_according, h_that;
};

typedef struct qctx {
	cr_article *a;
	const cr_quote_lex *lx; /* the word filters */
	uint32_t *inq; /* per token: 1 + index of the quote holding it, or 0 */
	const struct span_q *qs; /* the quotes inq counts */
	uint32_t *fhash;         /* per token: filter_hash() of its word */
	/* Words outside quotes that cue_bits lets through, in text order:
	 * find_cue() looks at these alone. */
	uint32_t *cue_at;
	uint32_t n_cue;
	/* The tokens but a sentence's first where find_reported() may find
	 * something (may_report()), in text order, and the first of them
	 * not yet passed. */
	uint32_t *rep_at;
	uint32_t n_rep, rep_i;
	uint64_t *wcls; /* per token: tok_in()'s answers (see there) */
	/* The person mentions of a->ments, in its order, with the lengths
	 * of their names: the speaker searches look at these alone. */
	const cr_mention **pers;
	uint32_t *pers_len;
	/* Per person: 0 not known yet, 1 named inside a quote, 2 not. */
	uint8_t *pers_inq;
	uint32_t n_pers;
	int pers_sorted;          /* 1 when pers rises by span.off */
	who recent[QUOTE_RECENT]; /* most recent first */
	who issuer;               /* who issued "the statement" */
	who *said;    /* per sentence: the speaker its cue or quotes name */
	uint32_t cap; /* slots allocated in a->quotes */
} qctx;

typedef struct cue {
	const char *cue; /* NULL when none */
	who speaker;
	uint32_t at; /* token of the cue */
} cue;

/* The hash a word filter uses, of the n-byte word w: both bits come
 * from it. */
static inline uint32_t filter_hash_n(const char *w, size_t n)
{
	if (!n)
		return 0;
	const unsigned char *u = (const unsigned char *)w;
	uint32_t h = u[0] * 31u + u[n - 1];
	/* The second and next-to-last letters tell apart the many cue
	 * words that share their first and last ("said", "sued"). A word
	 * of one letter takes its NUL and its letter, with no branch on
	 * its length. */
	h = (h * 31u + u[1]) * 31u + u[n - 1 - (n > 1)];
	return (h * 7u + (uint32_t)n) * 0x9E3779B1u;
}

static uint32_t filter_hash(const char *w)
{
	return filter_hash_n(w, strlen(w));
}

/* The two bits of hash h: from different parts of it, so that words
 * that share one bit seldom share the other. */
#define FILTER_BIT1(h) (((h) >> 19) % QUOTE_FILTER_BITS)
#define FILTER_BIT2(h) (((h) >> 3) % QUOTE_FILTER_BITS)

/* 1 when both bits of hash h are set in bits. */
static inline int filter_bits(const uint64_t *bits, uint32_t h)
{
	uint32_t b1 = FILTER_BIT1(h), b2 = FILTER_BIT2(h);
	return (bits[b1 / 64] >> (b1 % 64)) & (bits[b2 / 64] >> (b2 % 64)) & 1;
}

static void filter_add(uint64_t *bits, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t h = filter_hash(set[i]);
		uint32_t b1 = FILTER_BIT1(h), b2 = FILTER_BIT2(h);
		bits[b1 / 64] |= (uint64_t)1 << (b1 % 64);
		bits[b2 / 64] |= (uint64_t)1 << (b2 % 64);
	}
}

static const cr_token *tok(const qctx *c, uint32_t i)
{
	return &c->a->toks[i];
}

static const char *norm(const qctx *c, uint32_t i)
{
	return c->a->toks[i].norm ? c->a->toks[i].norm : "";
}

/* 0 when token i's word is in none of the tables bits was filled from.
 * run() hashes each word outside quotes once into c->fhash (the other
 * tokens keep 0, which may pass: only a search decides): a token meets
 * several filters, often many times over. */
static inline int filter_may(const qctx *c, const uint64_t *bits, uint32_t i)
{
	return filter_bits(bits, c->fhash[i]);
}

static int is_word(const qctx *c, uint32_t i)
{
	return (tok(c, i)->flags & CR_TOK_WORD) != 0;
}

/* 1 when token i is the word w. The first bytes are compared inline:
 * most tokens asked about are not w, and differ at once. */
static int tok_is(const qctx *c, uint32_t i, const char *w)
{
	const char *n = norm(c, i);
	return n[0] == w[0] && !strcmp(n, w);
}

/* The slot of hash h in the word index. */
static inline uint32_t word_slot(uint32_t h)
{
	return (h * 0x85EBCA6Bu) >> 20; /* the top 12 bits: QUOTE_WORD_SLOTS */
}

/* The W_TABLES classes that hold w, whose filter_hash() is h: bit k for
 * table k; 0 when no table holds it. */
static uint32_t lex_classes(const cr_quote_lex *lx, const char *w, uint32_t h)
{
	for (uint32_t k = word_slot(h); lx->slot[k];
	     k = (k + 1) % QUOTE_WORD_SLOTS) {
		const lex_word *x = &lx->words[lx->slot[k] - 1];
		if (x->h == h && !strcmp(x->w, w))
			return x->cls;
	}
	return 0;
}

/* The bit of c->wcls that says a token's classes are known. */
#define CLS_KNOWN ((uint64_t)1 << 63)

/* 1 when token i's word is in the table of class cls (as
 * cr_lexicon_has() says: the table's words, found by binary search).
 * The stages ask about the same token again and again (a cue's
 * neighbours, each noun phrase walk), so the answers are kept in
 * c->wcls, found for every table at once when first asked: bit cls
 * what it is, CLS_KNOWN that they are known. */
static inline int tok_in(const qctx *c, uint32_t i, unsigned cls)
{
	uint64_t m = c->wcls[i];
	if (!m) {
		/* fhash is the word's hash, or 0 for a token no filter
		 * meets, whose hash is found here. */
		const char *w = norm(c, i);
		uint32_t h = c->fhash[i] ? c->fhash[i] : filter_hash(w);
		m = CLS_KNOWN | lex_classes(c->lx, w, h);
		c->wcls[i] = m;
	}
	return (int)((m >> cls) & 1);
}

#define TOK_IN(c, i, set) tok_in(c, i, W_##set)

static uint32_t para_of(const qctx *c, uint32_t i)
{
	return c->a->sents[tok(c, i)->sent].para;
}

/* The family and facing of quote mark token i, from the mark and the
 * bytes around it. */
static int mark_kind(const qctx *c, uint32_t i, int *dir)
{
	const cr_token *t = tok(c, i);
	const unsigned char *b = (const unsigned char *)c->a->body;
	const unsigned char *p = b + t->span.off;
	uint32_t n = t->span.len;
	*dir = 0;
	if (n == 3 && p[0] == 0xE2 && p[1] == 0x80) {
		switch (p[2]) {
		case 0x9C: /* “ */
		case 0x9E: /* „ */
			*dir = DIR_OPEN;
			return FAM_DOUBLE;
		case 0x9D: /* ” */
			*dir = DIR_CLOSE;
			return FAM_DOUBLE;
		case 0x98: /* ‘ */
			*dir = DIR_OPEN;
			return FAM_SINGLE;
		case 0x99: /* ’ */
			*dir = DIR_CLOSE;
			return FAM_SINGLE;
		}
		return FAM_NONE;
	}
	if (n == 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB)) {
		*dir = p[1] == 0xAB ? DIR_OPEN : DIR_CLOSE;
		return FAM_DOUBLE;
	}
	/* `` opens a double quote and ` a single one, in older wire and
	 * treebank text. */
	if (p[0] == '`' && (n == 1 || (n == 2 && p[1] == '`'))) {
		*dir = DIR_OPEN;
		return n == 2 ? FAM_DOUBLE : FAM_SINGLE;
	}
	int twice = n == 2 && p[0] == '\'' && p[1] == '\'';
	if (!twice && (n != 1 || (p[0] != '"' && p[0] != '\'')))
		return FAM_NONE;
	/* A straight mark faces the text it touches; '' is a double one. */
	uint32_t off = t->span.off;
	unsigned char before = off ? b[off - 1] : ' ';
	unsigned char after = off + n < c->a->body_len ? b[off + n] : ' ';
	int space_before = before == ' ' || before == '\n' || before == '\t' ||
	                   before == '(' || before == '[' || before == '-';
	int space_after =
	        after == ' ' || after == '\n' || after == '\t' || after == '\0';
	if (space_before && !space_after)
		*dir = DIR_OPEN;
	else if (!space_before)
		*dir = DIR_CLOSE;
	return p[0] == '"' || twice ? FAM_DOUBLE : FAM_SINGLE;
}

/* The closing mark for the opening mark at i, or UINT32_MAX. */
static uint32_t find_close(const qctx *c, uint32_t i, int fam)
{
	uint32_t para = para_of(c, i);
	uint32_t end = c->a->n_toks;
	if (end - i > QUOTE_MAX_TOKENS)
		end = i + QUOTE_MAX_TOKENS;
	for (uint32_t j = i + 1; j < end; j++) {
		if (para_of(c, j) != para)
			break;
		if (!(tok(c, j)->flags & CR_TOK_QUOTE))
			continue;
		int dir;
		if (mark_kind(c, j, &dir) != fam)
			continue;
		if (dir == DIR_CLOSE)
			return j;
		/* A second opening mark of the family: this one was stray. */
		if (dir == DIR_OPEN && fam == FAM_DOUBLE)
			break;
	}
	return UINT32_MAX;
}

static int count_words(const qctx *c, uint32_t b, uint32_t e)
{
	int n = 0;
	for (uint32_t i = b; i < e; i++)
		n += (tok(c, i)->flags & (CR_TOK_WORD | CR_TOK_NUM)) != 0;
	return n;
}

/* A person's name without a leading title: "Dr. Amara Kell" -> "Amara
 * Kell", so that outlets that write the title and those that do not
 * name one speaker. Points into name; no copy. */
static const char *untitled(const char *name)
{
	if (!name)
		return name;
	const char *sp = strchr(name, ' ');
	if (!sp || !sp[1])
		return name;
	size_t n = (size_t)(sp - name);
	if (n > 1 && name[n - 1] == '.')
		n--;
	char low[8];
	if (n == 0 || n >= sizeof low)
		return name;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32
		                                                 : name[i]);
	low[n] = '\0';
	return cr_lexicon_has(ABBREVS, CR_COUNT(ABBREVS), low) ? sp + 1 : name;
}

/* The full name of a person whose last word is name ("Ignat" -> "Yuriy
 * Ignat"), or name itself. */
static const char *full_name(const qctx *c, const char *name)
{
	if (!name || strchr(name, ' '))
		return name;
	size_t n = strlen(name);
	for (uint32_t i = 0; i < c->n_pers; i++) {
		const char *pn = c->pers[i]->name;
		size_t mn = c->pers_len[i];
		if (mn > n + 1 && pn[mn - n - 1] == ' ' &&
		    !strcmp(pn + mn - n, name))
			return pn;
	}
	return name;
}

/* The first person mention inside the token range [b, e) that is not a
 * possessive ("Putin's press secretary Dmitry Peskov" -> Peskov). */
static const cr_mention *person_in(const qctx *c, uint32_t b, uint32_t e)
{
	uint32_t lo = tok(c, b)->span.off;
	uint32_t hi = tok(c, e - 1)->span.off + tok(c, e - 1)->span.len;
	uint32_t i = 0;
	if (c->pers_sorted) {
		/* The mentions before lo are a prefix, and none from past
		 * hi fits: a search and a stop spare the walk of them all. */
		uint32_t n = c->n_pers;
		while (i < n) {
			uint32_t mid = i + (n - i) / 2;
			if (c->pers[mid]->span.off < lo)
				i = mid + 1;
			else
				n = mid;
		}
	}
	for (; i < c->n_pers; i++) {
		const cr_mention *m = c->pers[i];
		if (c->pers_sorted && m->span.off > hi)
			break;
		if (m->span.off < lo || m->span.off + m->span.len > hi)
			continue;
		uint32_t end = m->span.off + m->span.len;
		const char *p = c->a->body + end;
		int poss = end < hi &&
		           (p[0] == '\'' || ((unsigned char)p[0] == 0xE2 &&
		                             (unsigned char)p[1] == 0x80 &&
		                             (unsigned char)p[2] == 0x99));
		if (!poss)
			return m;
	}
	return NULL;
}

/* 1 when a person or an organisation is named inside tokens [b, e), or
 * they are one capitalised word: "Mayor Lutz: ..." heads a statement,
 * "Additional reporting: ..." or "South Carolina: ..." does not. A lone
 * word is let through as a surname; find_reported() turns away labels
 * such as "Correction: ...". */
static int speaker_named_in(const qctx *c, uint32_t b, uint32_t e)
{
	/* A lone surname the tagger missed ("Brooks:"), but no "Q:" or
	 * "BYLINE:". */
	const cr_token *t = tok(c, b);
	if (e == b + 1 && (t->flags & CR_TOK_CAP) &&
	    !(t->flags & CR_TOK_UPPER) && t->span.len > 1)
		return 1;
	uint32_t lo = tok(c, b)->span.off;
	uint32_t hi = tok(c, e - 1)->span.off + tok(c, e - 1)->span.len;
	for (uint32_t i = 0; i < c->a->n_ments; i++) {
		const cr_mention *m = &c->a->ments[i];
		if (m->span.off >= hi)
			break;
		if ((m->type == CR_ENT_PERSON || m->type == CR_ENT_ORG) &&
		    m->span.off >= lo && m->span.off + m->span.len <= hi)
			return 1;
	}
	return 0;
}

/* The token that starts at or holds body offset off (the last token
 * starting at or before it). */
static uint32_t tok_at(const qctx *c, uint32_t off)
{
	uint32_t lo = 0, hi = c->a->n_toks;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (tok(c, mid)->span.off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The last person mention that ends before body offset off, within
 * QUOTE_PERSON_SENTS sentences. A person named inside a quote is whom
 * the speaker talks about, not the speaker, so it is passed over. */
static const cr_mention *last_person(const qctx *c, uint32_t off)
{
	const cr_mention *best = NULL;
	/* The persons run in the order of the mentions, so the next one
	 * is met by a cursor; whether each is named in a quote is found
	 * once, when first asked. */
	uint32_t p = 0;
	for (uint32_t i = 0; i < c->a->n_ments; i++) {
		const cr_mention *m = &c->a->ments[i];
		if (m->span.off + m->span.len > off)
			break;
		if (m->type != CR_ENT_PERSON)
			continue;
		while (c->pers[p] != m)
			p++;
		if (!c->pers_inq[p])
			c->pers_inq[p] = c->inq[tok_at(c, m->span.off)] ? 1 : 2;
		if (c->pers_inq[p] == 2)
			best = m;
	}
	if (best && off < c->a->body_len) {
		uint32_t here = 0;
		for (uint32_t s = 0; s < c->a->n_sents; s++)
			if (c->a->sents[s].span.off <= off)
				here = s;
		if (here - best->sent > QUOTE_PERSON_SENTS)
			return NULL;
	}
	return best;
}

/* 1 when token i is the dot of a title abbreviation ("Dr."). */
static int abbrev_dot(const qctx *c, uint32_t i)
{
	return i > 0 && tok_is(c, i, ".") && !c->inq[i] &&
	       TOK_IN(c, i - 1, ABBREVS);
}

/* A word that may sit in a speaker's noun phrase. */
static int np_word(const qctx *c, uint32_t i)
{
	const cr_token *t = tok(c, i);
	if (!(t->flags & CR_TOK_WORD) || c->inq[i])
		return 0;
	if ((t->flags & CR_TOK_STOP) && !(t->flags & CR_TOK_UPPER))
		return 0;
	/* cue_bits holds both tables: most words need no search. */
	return !filter_may(c, c->lx->cue_bits, i) ||
	       (!TOK_IN(c, i, CUE_VERBS) && !TOK_IN(c, i, PARTICIPLES));
}

static int lower_verbish(const qctx *c, uint32_t i)
{
	const cr_token *t = tok(c, i);
	if (t->flags & CR_TOK_CAP)
		return 0;
	const char *n = norm(c, i);
	size_t len = strlen(n);
	if (TOK_IN(c, i, ROLE_NOUNS))
		return 0;
	return len > 3 &&
	       (!strcmp(n + len - 2, "ed") || !strcmp(n + len - 3, "ing") ||
	        !strcmp(n + len - 2, "ly"));
}

static int np_before(const qctx *c, uint32_t b, uint32_t k, uint32_t *nb,
                     uint32_t *ne);

/* Makes a speaker from the noun phrase [b, e): a person inside it, a
 * pronoun or role noun resolved to an earlier speaker, nobody for
 * "reports", else the phrase itself. */
static who name_np_far(qctx *c, uint32_t b, uint32_t e)
{
	who w = {NULL, {0, 0}};
	while (b < e && TOK_IN(c, b, DETERMINERS))
		b++;
	if (b >= e)
		return w;
	if (e - b == 1 && (tok_is(c, b, "he") || tok_is(c, b, "she"))) {
		/* The person named last before the pronoun. */
		const cr_mention *m = last_person(c, tok(c, b)->span.off);
		if (m) {
			w.name = untitled(full_name(c, m->name));
			w.span = m->span;
			return w;
		}
	}
	if (e - b == 1 && TOK_IN(c, b, PRONOUNS))
		return c->recent[0];
	/* "who": the noun phrase before it, past its comma. */
	if (e - b == 1 && tok_is(c, b, "who")) {
		uint32_t sb = c->a->sents[tok(c, b)->sent].tok_begin;
		uint32_t at = b > sb && tok_is(c, b - 1, ",") ? b - 1 : b;
		uint32_t ab, ae;
		if (at > sb && np_before(c, sb, at, &ab, &ae) &&
		    !tok_is(c, ae - 1, "who"))
			return name_np_far(c, ab, ae);
		return w;
	}
	if (TOK_IN(c, e - 1, NON_SPEAKERS) &&
	    !(tok(c, e - 1)->flags & CR_TOK_CAP))
		return w;
	const cr_mention *m = person_in(c, b, e);
	if (m) {
		w.name = untitled(full_name(c, m->name));
		w.span = m->span;
		return w;
	}
	if (e - b == 1 && TOK_IN(c, b, ROLE_NOUNS) &&
	    !(tok(c, b)->flags & CR_TOK_CAP)) {
		const char *role = norm(c, b);
		if (!strcmp(role, "statement"))
			return c->issuer.name ? c->issuer : c->recent[0];
		for (int k = 0; k < QUOTE_RECENT; k++)
			if (c->recent[k].name &&
			    strcasestr(c->recent[k].name, role))
				return c->recent[k];
		/* An organisation named earlier: "the embassy". */
		for (uint32_t i = c->a->n_ments; i-- > 0;) {
			const cr_mention *o = &c->a->ments[i];
			if (o->type == CR_ENT_ORG &&
			    o->span.off < tok(c, b)->span.off &&
			    strcasestr(o->name, role)) {
				w.name = o->name;
				w.span = o->span;
				return w;
			}
		}
	}
	uint32_t off = tok(c, b)->span.off;
	uint32_t end = tok(c, e - 1)->span.off + tok(c, e - 1)->span.len;
	w.span = (cr_span){off, end - off};
	w.name = cr_arena_strndup(c->a->arena, c->a->body + off, end - off);
	if (w.name && !strchr(w.name, ' '))
		w.name = full_name(c, w.name);
	w.name = untitled(w.name);
	return w;
}

/* name_np_far()'s speaker, with its span moved to the phrase [b, e)
 * itself (the pronoun "he", not the earlier "Yuriy Ignat" it stands
 * for). */
static who name_np(qctx *c, uint32_t b, uint32_t e)
{
	who w = name_np_far(c, b, e);
	/* The span is the phrase itself, even when its name comes from
	 * earlier text: the attribution's source is where it is written. */
	if (w.name && b < e) {
		uint32_t off = tok(c, b)->span.off;
		w.span = (cr_span){off, tok(c, e - 1)->span.off +
		                                tok(c, e - 1)->span.len - off};
	}
	return w;
}

/* 1 when token i is a lower-case adverb in -ly ("effectively"). */
static int adverb(const qctx *c, uint32_t i)
{
	const char *n = norm(c, i);
	size_t len = strlen(n);
	return len > 4 && !(tok(c, i)->flags & CR_TOK_CAP) &&
	       !strcmp(n + len - 2, "ly");
}

/* The noun phrase ending just before token k, within [b, k); as a token
 * range in *nb, *ne. Returns 0 when none. */
static int np_before(const qctx *c, uint32_t b, uint32_t k, uint32_t *nb,
                     uint32_t *ne)
{
	uint32_t j = k;
	/* "has also said", "repeatedly warned", "is expected". */
	while (j > b && !c->inq[j - 1] &&
	       (TOK_IN(c, j - 1, SKIP_BEFORE) || adverb(c, j - 1)))
		j--;
	if (j == b)
		return 0;
	/* "X, a spokesperson for Y, said": skip the apposition. */
	if (tok_is(c, j - 1, ",") && j - 1 > b && !c->inq[j - 2] &&
	    is_word(c, j - 2)) {
		uint32_t p = j - 2;
		while (p > b && !tok_is(c, p, ",") && !c->inq[p] &&
		       !TOK_IN(c, p, CUE_VERBS))
			p--;
		if (p > b && tok_is(c, p, ",") && p + 1 < j - 1 &&
		    (TOK_IN(c, p + 1, DETERMINERS) ||
		     !(tok(c, p + 1)->flags & CR_TOK_CAP)))
			j = p;
		else
			return 0;
	}
	/* "Lutz, who said ...": the relative pronoun stands for its
	 * antecedent, which name_np_far() finds. */
	if (j > b && !c->inq[j - 1] &&
	    (TOK_IN(c, j - 1, PRONOUNS) || tok_is(c, j - 1, "who"))) {
		*nb = j - 1;
		*ne = j;
		return 1;
	}
	uint32_t e = j;
	while (j > b && e - j < QUOTE_MAX_NP) {
		if (np_word(c, j - 1) || (j < e && abbrev_dot(c, j - 1))) {
			j--;
			continue;
		}
		/* "of the", "for": inside a name when words stand on both
		 * sides ("Kovalenko of the Center for ..."). */
		uint32_t q = j - 1;
		if (q > b && tok_is(c, q, "the"))
			q--;
		if (q > b && j < e &&
		    (tok_is(c, q, "of") || tok_is(c, q, "for")) &&
		    np_word(c, q - 1)) {
			j = q;
			continue;
		}
		break;
	}
	if (j == e)
		return 0;
	while (j > b && TOK_IN(c, j - 1, DETERMINERS) && !c->inq[j - 1])
		j--;
	*nb = j;
	*ne = e;
	return 1;
}

/* The noun phrase starting at token k, within [k, e): determiners, then
 * words, trimmed of trailing verb forms ("a statement published"). */
static int np_after(const qctx *c, uint32_t k, uint32_t e, uint32_t *nb,
                    uint32_t *ne)
{
	uint32_t j = k;
	while (j < e && TOK_IN(c, j, DETERMINERS) && !c->inq[j])
		j++;
	uint32_t s = j;
	if (j < e && TOK_IN(c, j, PRONOUNS) && !c->inq[j]) {
		*nb = j;
		*ne = j + 1;
		return 1;
	}
	while (j < e && j - s < QUOTE_MAX_NP) {
		if (np_word(c, j) || (j > s && abbrev_dot(c, j))) {
			j++;
			continue;
		}
		uint32_t q = j;
		if ((tok_is(c, q, "of") || tok_is(c, q, "for")) && q + 1 < e) {
			q++;
			if (q + 1 < e && tok_is(c, q, "the"))
				q++;
			if (np_word(c, q) && (tok(c, q)->flags & CR_TOK_CAP)) {
				j = q;
				continue;
			}
		}
		break;
	}
	while (j > s && lower_verbish(c, j - 1))
		j--;
	if (j == s)
		return 0;
	*nb = k;
	*ne = j;
	return 1;
}

/* The subject of the sentence holding tokens [b, e): the noun phrase
 * at its start, after an introductory phrase and its comma. */
static who subject_of(qctx *c, uint32_t b, uint32_t e)
{
	who none = {NULL, {0, 0}};
	uint32_t s = b;
	while (s < e && c->inq[s])
		s++;
	if (s < e && TOK_IN(c, s, INTRO_WORDS)) {
		for (uint32_t k = s; k < e && k < s + QUOTE_MAX_INTRO; k++)
			if (tok_is(c, k, ",") && !c->inq[k]) {
				s = k + 1;
				break;
			}
	}
	uint32_t nb, ne;
	if (!np_after(c, s, e, &nb, &ne))
		return none;
	return name_np(c, nb, ne);
}

/* The speaker a cue at token k (within [b, e)) gives. */
static who cue_speaker(qctx *c, uint32_t b, uint32_t e, uint32_t k,
                       int according)
{
	who none = {NULL, {0, 0}};
	uint32_t nb, ne;
	if (according) {
		if (!np_after(c, k + 2, e, &nb, &ne))
			return none;
		who w = name_np(c, nb, ne);
		if (w.name || !tok_is(c, ne - 1, "statement"))
			return w;
		return none;
	}
	if (TOK_IN(c, k, PARTICIPLES))
		return subject_of(c, b, e);
	/* "Lutz toured the site and said ...": the verbs share the
	 * sentence's subject. */
	if (k > b && (tok_is(c, k - 1, "and") || tok_is(c, k - 1, "but")))
		return subject_of(c, b, k);
	if (np_before(c, b, k, &nb, &ne))
		return name_np(c, nb, ne);
	/* Quote first: "..., said Yuriy Ignat". Not after "told", whose
	 * object is the listener. */
	if (!tok_is(c, k, "told") && !tok_is(c, k, "tells") &&
	    np_after(c, k + 1, e, &nb, &ne)) {
		/* "said Westhaven's mayor, Edda Brun": the name that
		 * follows the role. */
		uint32_t ab, ae;
		if (ne + 1 < e && tok_is(c, ne, ",") &&
		    (tok(c, ne + 1)->flags & CR_TOK_CAP) &&
		    np_after(c, ne + 1, e, &ab, &ae) && person_in(c, ab, ae) &&
		    !person_in(c, nb, ne))
			return name_np(c, ab, ae);
		return name_np(c, nb, ne);
	}
	return none;
}

/* The cue for the quote held by tokens [qb, qe], searched in [b, e)
 * outside quotes. */
static cue find_cue(qctx *c, uint32_t b, uint32_t e, uint32_t qb, uint32_t qe)
{
	cue best = {NULL, {NULL, {0, 0}}, 0};
	uint32_t best_d = UINT32_MAX;
	int best_has = 0;
	/* The words that may be cues, from the first at or after b. */
	uint32_t lo = 0, hi = c->n_cue;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (c->cue_at[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (uint32_t ci = lo; ci < c->n_cue && c->cue_at[ci] < e; ci++) {
		uint32_t k = c->cue_at[ci];
		int according = tok_is(c, k, "according") && k + 1 < e &&
		                tok_is(c, k + 1, "to");
		if (!according && !TOK_IN(c, k, CUE_VERBS) &&
		    !TOK_IN(c, k, PARTICIPLES))
			continue;
		/* "warned of strikes", "told about": not reporting words. */
		if (!according && k + 1 < e && TOK_IN(c, k + 1, NOT_SPEECH))
			continue;
		who w = cue_speaker(c, b, e, k, according);
		/* "according to a statement": the statement's issuer is the
		 * sentence subject ("its website"). */
		if (according && !w.name && k + 3 < e &&
		    (tok_is(c, k + 3, "statement") ||
		     tok_is(c, k + 2, "statement"))) {
			w = subject_of(c, b, e);
			if (w.name)
				c->issuer = w;
		}
		uint32_t d = k < qb ? qb - k : k - qe;
		/* "according to" speaks for the whole sentence; then a
		 * speaker, then a finite verb over "adding", then nearness. */
		int has = according ? 8
		                    : (w.name != NULL) * 4 +
		                              !TOK_IN(c, k, PARTICIPLES) * 2;
		if (has > best_has || (has == best_has && d < best_d)) {
			best.cue = according ? "according to" : norm(c, k);
			best.speaker = w;
			best.at = k;
			best_d = d;
			best_has = has;
		}
	}
	return best;
}

static void remember(qctx *c, who w)
{
	if (!w.name)
		return;
	if (c->recent[0].name && !strcmp(c->recent[0].name, w.name))
		return;
	memmove(&c->recent[1], &c->recent[0],
	        (QUOTE_RECENT - 1) * sizeof c->recent[0]);
	c->recent[0] = w;
}

static cr_err push(qctx *c, const cr_quote *q)
{
	cr_article *a = c->a;
	if (a->n_quotes >= QUOTE_MAX)
		return CR_OK;
	if (a->n_quotes == c->cap) {
		uint32_t ncap = c->cap ? c->cap * 2 : 16;
		cr_quote *p = cr_arena_grow(a->arena, a->quotes, c->cap, ncap,
		                            sizeof *p);
		if (!p)
			return CR_ENOMEM;
		a->quotes = p;
		c->cap = ncap;
	}
	a->quotes[a->n_quotes++] = *q;
	return CR_OK;
}

/* A found pair of marks: tokens open and close (close may be one past
 * the paragraph's last token when the quote runs to its end). */
typedef struct span_q {
	uint32_t open, close;
} span_q;

/* Pairs the quotation marks of the article; returns them in *out. */
static cr_err pair_marks(qctx *c, span_q **out, uint32_t *n)
{
	cr_article *a = c->a;
	uint32_t cap = 0;
	*out = NULL;
	*n = 0;
	for (uint32_t i = 0; i < a->n_toks; i++) {
		if (!(tok(c, i)->flags & CR_TOK_QUOTE))
			continue;
		int dir;
		int fam = mark_kind(c, i, &dir);
		if (fam == FAM_NONE || dir != DIR_OPEN)
			continue;
		uint32_t j = find_close(c, i, fam);
		if (j == UINT32_MAX) {
			/* A paragraph that opens a quote and never closes
			 * it continues into the next: keep it to its end. */
			const cr_sentence *st = &a->sents[tok(c, i)->sent];
			if (fam != FAM_DOUBLE || i != st->tok_begin)
				continue;
			uint32_t para = st->para;
			j = i + 1;
			while (j < a->n_toks && para_of(c, j) == para &&
			       j - i < QUOTE_MAX_TOKENS)
				j++;
		}
		if (j <= i + 1)
			continue;
		if (*n == cap) {
			uint32_t ncap = cap ? cap * 2 : 16;
			span_q *p = cr_arena_grow(a->arena, *out, cap, ncap,
			                          sizeof *p);
			if (!p)
				return CR_ENOMEM;
			*out = p;
			cap = ncap;
		}
		(*out)[(*n)++] = (span_q){i, j};
		uint32_t stop = j < a->n_toks ? j : a->n_toks - 1;
		for (uint32_t k = i; k <= stop; k++)
			c->inq[k] = *n;
		if (*n >= QUOTE_MAX)
			break;
		i = stop;
	}
	return CR_OK;
}

/* The text inside marks open and close, trimmed of space and of a
 * trailing comma. */
static cr_span inner_text(const qctx *c, span_q q)
{
	const cr_article *a = c->a;
	uint32_t b = tok(c, q.open)->span.off + tok(c, q.open)->span.len;
	uint32_t e = q.close < a->n_toks
	                     ? tok(c, q.close)->span.off
	                     : tok(c, q.close - 1)->span.off +
	                               tok(c, q.close - 1)->span.len;
	while (b < e && (a->body[b] == ' ' || a->body[b] == '\n'))
		b++;
	while (e > b && (a->body[e - 1] == ' ' || a->body[e - 1] == ',' ||
	                 a->body[e - 1] == '\n'))
		e--;
	return (cr_span){b, e - b};
}

/* 1 when every word between marks open and close is capitalised or a
 * lower-case stop word, with two or more capitalised: the name of a
 * show, a book or a campaign ("Tales From the Crypt"), not speech. */
static int title_case(const qctx *c, uint32_t open, uint32_t close)
{
	int caps = 0;
	for (uint32_t i = open + 1; i < close; i++) {
		uint32_t f = tok(c, i)->flags;
		if (!(f & CR_TOK_WORD))
			continue;
		if (f & CR_TOK_CAP)
			caps++;
		else if (!(f & CR_TOK_STOP))
			return 0;
	}
	return caps >= 2;
}

/* Words right before a title in marks: "said on "Meet the Press"",
 * "his book, "An American Son"", "wrote "Peter Pan"". Not "titled":
 * PolNeAR takes the title after it as content. */
static const char *const TITLE_BEFORE[] = {
        "book", "film", "memoir", "movie", "novel",
        "of",   "on",   "series", "show",  "wrote",
};

/* Most words of a title that named_title() tells from a quote. */
#define QUOTE_TITLE_WORDS 6

/* 1 when the marks open..close hold a title in title case of a few
 * words right after a word that names or cites a work (a comma may sit
 * between them): a title, even where a speaker is near. */
static int named_title(const qctx *c, uint32_t open, uint32_t close)
{
	if (count_words(c, open + 1, close) > QUOTE_TITLE_WORDS ||
	    !title_case(c, open, close))
		return 0;
	uint32_t p = open;
	if (p > 0 && tok_is(c, p - 1, ",") && !c->inq[p - 1])
		p--;
	return p > 0 && !c->inq[p - 1] && TOK_IN(c, p - 1, TITLE_BEFORE);
}

/* 1 when the quote is only part of its sentence: it does not open the
 * sentence (nor follow "X said:"), or it starts in lower case. */
static int is_partial(const qctx *c, span_q q)
{
	const cr_sentence *st = &c->a->sents[tok(c, q.open)->sent];
	uint32_t first = q.open + 1;
	if (first < c->a->n_toks && is_word(c, first) &&
	    !(tok(c, first)->flags & CR_TOK_CAP))
		return 1;
	if (q.open == st->tok_begin)
		return 0;
	return !tok_is(c, q.open - 1, ":");
}

/* A list of quotes in the arena. */
typedef struct qlist {
	cr_quote *v;
	uint32_t n, cap;
} qlist;

static cr_err list_push(cr_arena *arena, qlist *l, const cr_quote *q)
{
	if (l->n >= QUOTE_MAX)
		return CR_OK;
	if (l->n == l->cap) {
		uint32_t ncap = l->cap ? l->cap * 2 : 16;
		cr_quote *p =
		        cr_arena_grow(arena, l->v, l->cap, ncap, sizeof *p);
		if (!p)
			return CR_ENOMEM;
		l->v = p;
		l->cap = ncap;
	}
	l->v[l->n++] = *q;
	return CR_OK;
}

/* Auxiliaries: right after "that" they make it a relative pronoun,
 * right after a cue word they make that word a noun subject. */
static const char *const RELATIVE_VERBS[] = {
        "are",  "can",    "could", "did",  "do",   "does",
        "had",  "has",    "have",  "is",   "may",  "might",
        "must", "should", "was",   "were", "will", "would",
};

/* 1 when cue word i reports nothing where it stands: a label, a tally
 * or a share. Checked after the lexicon, on cue words alone, to keep
 * report_cue() cheap for the other words. */
static int not_a_cue(const qctx *c, uint32_t i)
{
	/* "Editor's note:", "Revealed:": a label heads what follows. */
	if (i + 1 < c->a->n_toks && tok_is(c, i + 1, ":") &&
	    TOK_IN(c, i, COLON_LABELS))
		return 1;
	/* "adding to her lead". */
	if (i + 1 < c->a->n_toks && tok_is(c, i + 1, "to") &&
	    TOK_IN(c, i, ADD_FORMS))
		return 1;
	/* "the backing of many Democrats", "a show of force". */
	if (i + 1 < c->a->n_toks && tok_is(c, i + 1, "of") &&
	    TOK_IN(c, i, OF_NOT_CONTENT))
		return 1;
	/* "a reality TV show": a programme, not a showing that. */
	if ((tok_is(c, i, "show") || tok_is(c, i, "shows")) && i > 0 &&
	    !c->inq[i - 1] && TOK_IN(c, i - 1, SHOW_KINDS))
		return 1;
	/* "69 percent of the (black) vote": a share, not a stance. */
	if (i > 1 && (tok_is(c, i, "vote") || tok_is(c, i, "votes")) &&
	    (tok_is(c, i - 1, "the") ? tok_is(c, i - 2, "of")
	                             : i > 2 && tok_is(c, i - 2, "the") &&
	                                       tok_is(c, i - 3, "of")))
		return 1;
	return 0;
}

/* 1 when token i, outside quotes, is a word of REPORT_VERBS or
 * REPORT_PARTICIPLES. Unlike a direct quote's cue, "warned of" and
 * "talked about" count: their object is what was said. */
static inline int report_cue(const qctx *c, uint32_t i)
{
	if (c->inq[i] || !is_word(c, i) ||
	    !filter_may(c, c->lx->report_bits, i))
		return 0;
	/* A word between a determiner and an auxiliary is a noun, the
	 * subject of its clause: "the vote would be delayed". */
	if (i > 0 && i + 1 < c->a->n_toks && TOK_IN(c, i - 1, DETERMINERS) &&
	    TOK_IN(c, i + 1, RELATIVE_VERBS))
		return 0;
	return (TOK_IN(c, i, REPORT_VERBS) ||
	        TOK_IN(c, i, REPORT_PARTICIPLES)) &&
	       !not_a_cue(c, i);
}

/* The cue for a quote that find_cue() found none for, held by tokens
 * [qb, ...) in a sentence starting at b: the nearest word of stance
 * before it with a subject ("Mr. Lutz pledged to keep "every station
 * open"", "Lutz gloated: "..."") or a headline's "Lutz: "..."". PolNeAR
 * counts these stances as attributions, and the quote is their
 * content. */
static cue stance_cue(qctx *c, uint32_t b, uint32_t qb)
{
	cue none = {NULL, {NULL, {0, 0}}, 0};
	/* A quote that opens its sentence has nothing before it. */
	if (qb <= b || c->inq[qb - 1])
		return none;
	for (uint32_t k = qb; k-- > b;) {
		if (c->inq[k])
			break;
		uint32_t nb, ne;
		int colon = tok_is(c, k, ":");
		if (!colon && !report_cue(c, k))
			continue;
		if (colon && k > b && !c->inq[k - 1] &&
		    !(tok(c, k - 1)->flags & CR_TOK_WORD))
			continue;
		/* "Lutz gloated:": the verb before the colon is the cue. */
		uint32_t at = k;
		if (colon && k > b + 1 && is_word(c, k - 1) &&
		    !(tok(c, k - 1)->flags & CR_TOK_CAP))
			at = k - 1;
		cue r = {colon && at == k ? ":" : norm(c, at),
		         {NULL, {0, 0}},
		         at};
		/* ", offering "a deep apology"": the clause's subject. */
		if (TOK_IN(c, at, REPORT_PARTICIPLES))
			r.speaker = subject_of(c, b, at);
		else if (np_before(c, b, at, &nb, &ne) &&
		         (!colon || at != k || nb == b))
			r.speaker = name_np(c, nb, ne);
		return r.speaker.name ? r : none;
	}
	return none;
}

/* The end (exclusive) of the clause a content starting at token b runs
 * in, within [b, e): the sentence's end, or a comma before another cue
 * (", adding that", ", according to"). Trailing punctuation and marks are
 * left out. */
static uint32_t clause_end(const qctx *c, uint32_t b, uint32_t e)
{
	uint32_t j = b;
	for (; j < e && j - b < REPORT_MAX_TOKENS; j++) {
		if (!tok_is(c, j, ",") || c->inq[j] || j + 1 >= e)
			continue;
		if (TOK_IN(c, j + 1, REPORT_PARTICIPLES) ||
		    tok_is(c, j + 1, "according"))
			break;
	}
	while (j > b && (tok(c, j - 1)->flags & CR_TOK_PUNCT) && !c->inq[j - 1])
		j--;
	return j;
}

/* 1 when at least half the words of tokens [b, e) lie in a direct
 * quote: the marks already give that content. A scare quote of one or
 * two words ("called the plan "reckless"") is no direct quote of its
 * own, so its words count as unquoted. */
static int mostly_quoted(const qctx *c, uint32_t b, uint32_t e)
{
	uint32_t in = 0, all = 0;
	for (uint32_t i = b; i < e;) {
		uint32_t id = c->inq[i];
		if (!id) {
			all += is_word(c, i);
			i++;
			continue;
		}
		/* The quote's tokens in [b, e), its words counted once. */
		span_q q = c->qs[id - 1];
		int real = count_words(c, q.open + 1, q.close) >=
		           (int)QUOTE_MIN_WORDS_ANON;
		for (; i < e && c->inq[i] == id; i++) {
			all += is_word(c, i);
			in += real && is_word(c, i);
		}
	}
	return all == 0 || in * 2 >= all;
}

/* Where a reported content's speaker is, found only once the content
 * is kept (naming a speaker allocates and scans the mentions). */
typedef struct spk {
	enum { SPK_CUE, SPK_NP, SPK_SUBJECT, SPK_PHRASE } kind;
	/* the sentence, or the noun phrase for SPK_NP and SPK_PHRASE */
	uint32_t b, e;
	uint32_t k; /* the cue; the subject is sought before it */
	int according;
} spk;

/* The phrase [b, e) as it is written, without its determiners, as the
 * speaker: a source such as "the latest CNN poll" that name_np() would
 * turn away as no speaker of quotes. */
static who phrase_speaker(qctx *c, uint32_t b, uint32_t e)
{
	who w = {NULL, {0, 0}};
	while (b < e && TOK_IN(c, b, DETERMINERS))
		b++;
	if (b >= e)
		return w;
	uint32_t off = tok(c, b)->span.off;
	uint32_t end = tok(c, e - 1)->span.off + tok(c, e - 1)->span.len;
	w.span = (cr_span){off, end - off};
	w.name = cr_arena_strndup(c->a->arena, c->a->body + off, end - off);
	return w;
}

static who resolve(qctx *c, const spk *p)
{
	switch (p->kind) {
	case SPK_NP: {
		/* "A new poll shows ...": PolNeAR takes the poll or the
		 * report as the source of reported speech, though it is no
		 * speaker of quotes. */
		who w = name_np(c, p->b, p->e);
		if (!w.name && p->e > p->b && TOK_IN(c, p->e - 1, NON_SPEAKERS))
			w = phrase_speaker(c, p->b, p->e);
		return w;
	}
	case SPK_SUBJECT:
		return subject_of(c, p->b, p->k);
	case SPK_PHRASE:
		return phrase_speaker(c, p->b, p->e);
	default: {
		who w = cue_speaker(c, p->b, p->e, p->k, p->according);
		/* "according to a report by the inspector general". */
		uint32_t nb, ne;
		if (!w.name && p->according &&
		    np_after(c, p->k + 2, p->e, &nb, &ne) &&
		    TOK_IN(c, ne - 1, NON_SPEAKERS))
			w = phrase_speaker(c, nb, ne);
		return w;
	}
	}
}

/* 1 when token s opens "at least" or "at most" (within [s, e)): a
 * bound on a number ("reported at least six planes"), not a place. */
static int at_least(const qctx *c, uint32_t s, uint32_t e)
{
	return s + 1 < e && tok_is(c, s, "at") &&
	       (tok_is(c, s + 1, "least") || tok_is(c, s + 1, "most"));
}

/* Adds the reported content of tokens [b, e) with cue k and the speaker
 * p tells, when it is long enough and not a direct quote already. */
static cr_err add_reported(qctx *c, qlist *out, uint32_t b, uint32_t e,
                           uint32_t k, int according, const spk *p)
{
	while (b < e && (tok(c, b)->flags & CR_TOK_PUNCT) && !c->inq[b])
		b++;
	/* The first part of a content the cue splits ("This campaign, he
	 * says, is different") may be one word. */
	int min =
	        e < k && k > 1 && tok_is(c, k + 1, ",") ? 1 : REPORT_MIN_WORDS;
	if (b >= e || count_words(c, b, e) < min || mostly_quoted(c, b, e))
		return CR_OK;
	/* "talked about the plan", "called for a vote": the content is
	 * the object, without its preposition. */
	if (b + 1 < e && b > k && TOK_IN(c, b, OBJECT_PREPS) &&
	    !at_least(c, b, e))
		b++;
	/* "the bills voted on in the Senate": a preposition left without
	 * its object, so what follows is the place or the time. */
	if (b > k + 1 && TOK_IN(c, b - 1, OBJECT_PREPS) &&
	    TOK_IN(c, b, OCCASION_WORDS))
		return CR_OK;
	cr_quote q = {0};
	uint32_t off = tok(c, b)->span.off;
	q.text = (cr_span){off, tok(c, e - 1)->span.off +
	                                tok(c, e - 1)->span.len - off};
	q.sent = tok(c, b)->sent;
	q.cue = according ? "according to" : norm(c, k);
	who w = resolve(c, p);
	q.speaker = w.name;
	q.speaker_span = w.name ? w.span : (cr_span){0, 0};
	q.partial = 1;
	return list_push(c->a->arena, out, &q);
}

/* Adds the subject [b, e) of a raising cue or passive k ("seems", "was
 * criticized") as a content, with the speaker p tells or none when p is
 * NULL; a lone pronoun is left out. */
static cr_err add_subject(qctx *c, qlist *out, uint32_t b, uint32_t e,
                          uint32_t k, const spk *p)
{
	if (b >= e || (e - b == 1 && TOK_IN(c, b, PRONOUNS)) ||
	    mostly_quoted(c, b, e))
		return CR_OK;
	cr_quote q = {0};
	uint32_t off = tok(c, b)->span.off;
	q.text = (cr_span){off, tok(c, e - 1)->span.off +
	                                tok(c, e - 1)->span.len - off};
	q.sent = tok(c, b)->sent;
	q.cue = norm(c, k);
	if (p) {
		who w = resolve(c, p);
		q.speaker = w.name;
		q.speaker_span = w.name ? w.span : (cr_span){0, 0};
	}
	q.partial = 1;
	return list_push(c->a->arena, out, &q);
}

/* 1 when token k is a lower-case word in -ed ("opposed"). */
static int ends_ed(const qctx *c, uint32_t k)
{
	const char *n = norm(c, k);
	size_t len = strlen(n);
	return len > 3 && !(tok(c, k)->flags & CR_TOK_CAP) &&
	       !strcmp(n + len - 2, "ed");
}

/* Passives whose subject PolNeAR seldom takes as content (under a
 * third of the time in its train split): the subject of "was asked" is
 * the listener, and "was aimed", "issued" or "authorized" report acts,
 * not speech. */
static const char *const PASSIVE_NOT[] = {
        "aimed", "asked", "authorized", "issued", "pressed", "published",
};

/* Forms of "be" that make the participle after them passive. */
static const char *const BE_FORMS[] = {
        "are", "be", "been", "being", "is", "was", "were",
};

/* 1 when cue k is a passive participle ("was widely criticized", "is
 * not expected"): a form of "be" before it, past adverbs and "not".
 * PolNeAR takes the passive's subject as content, and the agent after
 * "by" as its source. */
static int passive_at(const qctx *c, uint32_t b, uint32_t k)
{
	const char *n = norm(c, k);
	size_t len = strlen(n);
	if (len < 4 || (tok(c, k)->flags & CR_TOK_CAP))
		return 0;
	int part = !strcmp(n + len - 2, "ed") || !strcmp(n + len - 2, "wn") ||
	           !strcmp(n + len - 2, "en") || !strcmp(n, "said") ||
	           !strcmp(n, "told") || !strcmp(n, "thought");
	if (!part)
		return 0;
	uint32_t j = k;
	while (j > b && !c->inq[j - 1] &&
	       (adverb(c, j - 1) || tok_is(c, j - 1, "not")))
		j--;
	return j > b && !c->inq[j - 1] && TOK_IN(c, j - 1, BE_FORMS);
}

/* The first token of the content after a cue whose next token is s,
 * within [s, e): past "later", "on Tuesday", "in a statement". */
static uint32_t skip_to_content(const qctx *c, uint32_t s, uint32_t e)
{
	while (s < e && !c->inq[s]) {
		/* A comma, unless another cue follows: ", adding that". */
		if (tok_is(c, s, ",") && s + 1 < e &&
		    !TOK_IN(c, s + 1, REPORT_PARTICIPLES) &&
		    !tok_is(c, s + 1, "according"))
			s++;
		else if (TOK_IN(c, s, CONTENT_SKIP))
			s++;
		else if (s + 1 < e && tok_is(c, s, "on") &&
		         TOK_IN(c, s + 1, WEEKDAYS))
			s += 2;
		else if (s + 2 < e && tok_is(c, s, "in") &&
		         TOK_IN(c, s + 1, DETERMINERS) &&
		         TOK_IN(c, s + 2, CONTENT_MEDIUM))
			s += 3;
		else
			break;
	}
	return s;
}

/* Verbs that take a "that" clause of thought or speech without being
 * cues of their own ("she felt that", "polls show that"). */
static const char *const THAT_VERBS[] = {
        "argue",   "believe",    "claim",    "concede",   "contend",
        "ensure",  "fear",       "feel",     "felt",      "find",
        "found",   "hope",       "insist",   "knew",      "know",
        "learned", "realize",    "realized", "recognize", "recognized",
        "say",     "see",        "show",     "shown",     "suggest",
        "think",   "understand", "warn",     "worried",   "worry",
};

/* 1 when token k is a "that" opening the complement clause of a verb
 * of thought or speech ("she felt that", "believes that"), not one
 * after "so" or "now". */
static int complement_that(const qctx *c, uint32_t b, uint32_t k)
{
	if (k <= b || c->inq[k] || !tok_is(c, k, "that") || c->inq[k - 1] ||
	    !is_word(c, k - 1) || (tok(c, k - 1)->flags & CR_TOK_CAP))
		return 0;
	if (TOK_IN(c, k - 1, REPORT_VERBS) ||
	    TOK_IN(c, k - 1, REPORT_PARTICIPLES))
		return 0;
	/* "states that have", "the ads that ran": a relative clause,
	 * whose verb follows "that" at once. */
	if (k + 1 < c->a->n_toks && TOK_IN(c, k + 1, RELATIVE_VERBS))
		return 0;
	if (TOK_IN(c, k - 1, THAT_VERBS))
		return 1;
	/* Any other verb in -s or -ed: "shows that", "decided that". */
	const char *n = norm(c, k - 1);
	size_t len = strlen(n);
	return len > 4 && (!strcmp(n + len - 2, "ed") ||
	                   (n[len - 1] == 's' && n[len - 2] != 's'));
}

/* 1 when the noun phrase [nb, ne) that np_before() found is the
 * relative pronoun "who" alone. */
static int relative_who(const qctx *c, uint32_t nb, uint32_t ne)
{
	return ne == nb + 1 && tok_is(c, nb, "who");
}

/* Nouns of a survey, whose findings PolNeAR attributes to it. */
static const char *const POLL_WORDS[] = {
        "poll",
        "polls",
        "survey",
        "surveys",
};

/* 1 when the sentence [b, e) opens with "In" and a phrase naming a poll
 * up to its first comma ("In a CNN poll released Sunday,"), whose token
 * goes to *comma; within QUOTE_MAX_INTRO tokens. */
static int poll_opening(const qctx *c, uint32_t b, uint32_t e, uint32_t *comma)
{
	if (c->inq[b] || !tok_is(c, b, "in"))
		return 0;
	int poll = 0;
	for (uint32_t j = b + 1; j < e && j - b <= QUOTE_MAX_INTRO; j++) {
		if (c->inq[j])
			return 0;
		if (tok_is(c, j, ",")) {
			*comma = j;
			return poll && j + 1 < e;
		}
		poll |= TOK_IN(c, j, POLL_WORDS);
	}
	return 0;
}

/* 0 when a word outside quotes, not its sentence's first, can start
 * none of find_reported()'s cases, which all need a word the report
 * filter lets through, "according", a colon, "that", or the sentence's
 * first token. w is its text and h its filter_hash(). run() asks this
 * once per token in its first walk of them, which reads the text
 * already, and lists the tokens that pass (a colon among the tokens
 * that are no word), so that find_reported() goes from one to the next
 * (next_report()). No branch hangs on the filter's answer, which the
 * CPU cannot predict. */
static inline int may_report(const qctx *c, const char *w, uint32_t h)
{
	const cr_quote_lex *lx = c->lx;
	return filter_bits(lx->report_bits, h) |
	       (h == lx->h_according && !strcmp(w, "according")) |
	       (h == lx->h_that && !strcmp(w, "that"));
}

/* The first token after k that may_report() lets through, or
 * UINT32_MAX: k only grows, sentence after sentence, so a cursor
 * serves. */
static inline uint32_t next_report(qctx *c, uint32_t k)
{
	while (c->rep_i < c->n_rep && c->rep_at[c->rep_i] <= k)
		c->rep_i++;
	return c->rep_i < c->n_rep ? c->rep_at[c->rep_i] : UINT32_MAX;
}

/* Finds the reported speech of the sentence holding tokens [b, e): for
 * each cue outside quotes, the clause after it ("X said (that) ...",
 * "according to X, ...") or, when the cue ends the sentence, the part
 * before the comma ("..., X said"; "..., according to X"). */
static cr_err find_reported(qctx *c, qlist *out, uint32_t b, uint32_t e)
{
	cr_err err = CR_OK;
	/* The sentence's first token, then those that may_report() lets
	 * through. */
	for (uint32_t k = b; k < e && err == CR_OK; k = next_report(c, k)) {
		int according = tok_is(c, k, "according") && !c->inq[k] &&
		                k + 1 < e && tok_is(c, k + 1, "to");
		/* A headline's "Mayor Lutz: Bridge will open in May". */
		uint32_t hb, he;
		if (!according && k > b && tok_is(c, k, ":") && !c->inq[k] &&
		    np_before(c, b, k, &hb, &he) && hb == b &&
		    !TOK_IN(c, he - 1, COLON_LABELS) &&
		    speaker_named_in(c, hb, he)) {
			spk p = {SPK_NP, hb, he, k, 0};
			err = add_reported(c, out, k + 1,
			                   clause_end(c, k + 1, e), k, 0, &p);
			continue;
		}
		/* "In the latest Post-ABC poll, Lutz leads by six points":
		 * the poll is the source of what follows its comma. */
		uint32_t pe;
		if (k == b && poll_opening(c, b, e, &pe)) {
			spk p = {SPK_PHRASE, b + 1, pe, k, 0};
			err = add_reported(c, out, pe + 1,
			                   clause_end(c, pe + 1, e), k, 0, &p);
			k = pe;
			continue;
		}
		if (!according && complement_that(c, b, k)) {
			/* The subject of the verb before "that", or of the
			 * sentence: "Still, Republican strategists concede
			 * that ...". */
			uint32_t vb, ve;
			spk p = {SPK_SUBJECT, b, e, k - 1, 0};
			if (np_before(c, b, k - 1, &vb, &ve))
				p = (spk){SPK_NP, vb, ve, k - 1, 0};
			err = add_reported(c, out, k, clause_end(c, k + 1, e),
			                   k, 0, &p);
			continue;
		}
		uint32_t nb = 0, ne = 0;
		int raising = !according && !c->inq[k] &&
		              filter_may(c, c->lx->report_bits, k) &&
		              TOK_IN(c, k, RAISING_CUES);
		if (raising && k + 1 < e && !strncmp(norm(c, k), "appear", 6) &&
		    TOK_IN(c, k + 1, APPEAR_PLACES))
			continue;
		/* "The plan seems to work", "Lutz is expected to win":
		 * PolNeAR takes the subject as what is judged, by nobody
		 * named. */
		if (raising && np_before(c, b, k, &nb, &ne) &&
		    !relative_who(c, nb, ne))
			err = add_subject(c, out, nb, ne, k, NULL);
		if (!according && !report_cue(c, k))
			continue;
		/* "The plan was criticized by the mayor": the subject is
		 * content, the agent its source. */
		int passive = !according && passive_at(c, b, k);
		uint32_t ab = 0, ae = 0;
		int agent = passive && k + 2 < e && tok_is(c, k + 1, "by") &&
		            np_after(c, k + 2, e, &ab, &ae);
		if (passive && !TOK_IN(c, k, RAISING_CUES) &&
		    !TOK_IN(c, k, PASSIVE_NOT) &&
		    np_before(c, b, k, &nb, &ne) && !relative_who(c, nb, ne)) {
			spk ag = {SPK_NP, ab, ae, k, 0};
			err = add_subject(c, out, nb, ne, k,
			                  agent ? &ag : NULL);
			if (err != CR_OK)
				break;
		}
		/* "As reported by the Daily Ledger, the mill will close":
		 * the agent is the source, and what follows its comma the
		 * content, as after "according to". */
		if (k == b + 1 && tok_is(c, b, "as") && k + 2 < e &&
		    tok_is(c, k + 1, "by") && ends_ed(c, k)) {
			uint32_t j = k + 2;
			while (j < e && j - k <= QUOTE_MAX_INTRO &&
			       !(tok_is(c, j, ",") && !c->inq[j]))
				j++;
			if (j + 1 < e && j - k <= QUOTE_MAX_INTRO) {
				spk by = {SPK_NP, k + 2, j, k, 0};
				err = add_reported(c, out, j + 1,
				                   clause_end(c, j + 1, e), k,
				                   0, &by);
				k = j;
				continue;
			}
		}
		/* What follows "by" is the agent, not content, after a
		 * passive or a bare participle ("the bill, opposed by"). */
		if (k + 1 < e && tok_is(c, k + 1, "by") &&
		    (passive || ends_ed(c, k)))
			continue;
		spk w = {SPK_CUE, b, e, k, according};
		if (according) {
			/* The source runs to the next comma. */
			uint32_t j = k + 2;
			while (j < e && !(tok_is(c, j, ",") && !c->inq[j]))
				j++;
			/* "Lutz leads, according to Ann Lee, who runs the
			 * poll": with the content before the source, what
			 * follows it describes the source. */
			int before = k > b + 1 && tok_is(c, k - 1, ",");
			if (j + 1 < e &&
			    !(before && !(tok(c, j + 1)->flags & CR_TOK_CAP) &&
			      TOK_IN(c, j + 1, APPOSITION_OPENERS)))
				err = add_reported(c, out, j + 1,
				                   clause_end(c, j + 1, e), k,
				                   1, &w);
			/* "..., according to X, ...": the part before the
			 * comma is content too, whatever follows. */
			if (err == CR_OK && before)
				err = add_reported(c, out, b, k - 1, k, 1, &w);
			k = j;
			continue;
		}
		int participle = TOK_IN(c, k, REPORT_PARTICIPLES);
		int subject = participle || np_before(c, b, k, &nb, &ne);
		/* "Lutz, who said ...": what comes before "who" is its
		 * antecedent, never the first part of a content. */
		int rel = !participle && subject && relative_who(c, nb, ne);
		/* After the cue: skip "that", the time, "in a statement". */
		uint32_t s = skip_to_content(c, k + 1, e);
		uint32_t s_end = clause_end(c, s, e);
		/* "..., said Senator Ann Lutz.": what follows is the
		 * speaker, and the content came before. */
		uint32_t xb, xe;
		int inverted = !participle && !tok_is(c, k + 1, "that") &&
		               k > b + 1 &&
		               (tok_is(c, k - 1, ",") || c->inq[k - 1]) &&
		               np_after(c, k + 1, e, &xb, &xe) &&
		               (xe >= s_end || tok_is(c, xe, ","));
		/* "told reporters (that) ...": the listener comes first. */
		uint32_t lb, le;
		if (!inverted && s < s_end && TOK_IN(c, k, LISTENER_CUES) &&
		    np_after(c, s, s_end, &lb, &le))
			s = skip_to_content(c, le, s_end);
		/* "said in an interview", "said at a rally on Monday": a
		 * place or an occasion, not what was said, unless a "that"
		 * follows it. */
		if (!inverted && s < s_end && TOK_IN(c, s, OCCASION_WORDS) &&
		    !at_least(c, s, s_end)) {
			uint32_t t = s;
			while (t < s_end &&
			       !(tok_is(c, t, "that") && !c->inq[t]))
				t++;
			/* With no "that", the content is what came before
			 * the cue, if a comma shows it ("..., X said at a
			 * rally."), or nothing. */
			s = t;
		}
		/* '"...," he said later this week': a cue right after a
		 * direct quote reports that quote, so what follows it is
		 * the time or the occasion, unless a "that" opens a new
		 * content. */
		uint32_t sb = subject && !participle && !rel ? nb : k;
		if (sb > b && tok_is(c, sb - 1, ",") && !c->inq[sb - 1])
			sb--;
		if (sb > b && c->inq[sb - 1] && s < s_end &&
		    !tok_is(c, k + 1, "that"))
			s = s_end;
		if (!inverted && s < s_end &&
		    count_words(c, s, s_end) >= REPORT_MIN_WORDS) {
			/* What follows the cue is the content, so the speaker
			 * comes before it: "Trump, who ..., said the plan". */
			if (!participle)
				w = subject ? (spk){SPK_NP, nb, ne, k, 0}
				            : (spk){SPK_SUBJECT, b, e, k, 0};

			err = add_reported(c, out, s, s_end, k, 0, &w);
			/* "The problem, she said, is that ...": the cue
			 * splits the content, whose first part comes
			 * before the speaker. */
			if (err == CR_OK && subject && !participle && !rel &&
			    nb > b + 1 && tok_is(c, nb - 1, ",") &&
			    tok_is(c, k + 1, ","))
				err = add_reported(c, out, b, nb - 1, k, 0, &w);
			continue;
		}
		/* The cue closes the sentence: "..., X said." or "..., said
		 * X." The content runs from the start to that comma. */
		uint32_t comma = UINT32_MAX;
		if (subject && !participle && !rel && nb > b + 1 &&
		    tok_is(c, nb - 1, ","))
			comma = nb - 1;
		else if (!subject && k > b + 1 && tok_is(c, k - 1, ","))
			comma = k - 1;
		/* "In a speech last July, he said: ...": a short phrase of
		 * time or occasion before a cue that goes on is no content. */
		int intro = comma != UINT32_MAX &&
		            comma - b <= QUOTE_MAX_INTRO &&
		            TOK_IN(c, b, OCCASION_WORDS) &&
		            count_words(c, k + 1, e) > 0;
		if (comma != UINT32_MAX && !c->inq[comma] && !intro)
			err = add_reported(c, out, b, comma, k, 0, &w);
	}
	return err;
}

/* Runs the search with the filters of lx: with direct set, the direct
 * quotes go to a->quotes (else a->quotes is left alone); with reported
 * set, the reported speech goes to *reported. Both walks keep the same
 * speakers in mind and neither reads what the other wrote, so one run
 * that does both gives what two runs, one for each, would. */
static cr_err run(cr_article *a, const cr_quote_lex *lx, int direct,
                  qlist *reported)
{
	qctx c = {.a = a, .lx = lx};
	c.inq = cr_arena_alloc(a->arena, (size_t)a->n_toks * sizeof *c.inq);
	c.said = cr_arena_alloc(a->arena,
	                        ((size_t)a->n_sents + 1) * sizeof *c.said);
	/* fhash and wcls are written for every token below. */
	c.fhash = cr_arena_alloc_raw(a->arena,
	                             (size_t)a->n_toks * sizeof *c.fhash);
	c.wcls = cr_arena_alloc_raw(a->arena,
	                            (size_t)a->n_toks * sizeof *c.wcls);
	size_t np = a->n_ments ? a->n_ments : 1;
	c.pers = cr_arena_alloc_raw(a->arena, np * sizeof *c.pers);
	c.pers_len = cr_arena_alloc_raw(a->arena, np * sizeof *c.pers_len);
	c.pers_inq = cr_arena_alloc(a->arena, np * sizeof *c.pers_inq);
	if (!c.inq || !c.said || !c.fhash || !c.wcls || !c.pers ||
	    !c.pers_len || !c.pers_inq)
		return CR_ENOMEM;
	c.pers_sorted = 1;
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		if (m->type != CR_ENT_PERSON)
			continue;
		if (c.n_pers && m->span.off < c.pers[c.n_pers - 1]->span.off)
			c.pers_sorted = 0;
		c.pers_len[c.n_pers] = m->name ? (uint32_t)strlen(m->name) : 0;
		c.pers[c.n_pers++] = m;
	}
	span_q *qs;
	uint32_t nq;
	cr_err err = pair_marks(&c, &qs, &nq);
	if (err != CR_OK)
		return err;
	c.qs = qs;
	/* Only words outside quotes meet a filter; the others keep hash 0,
	 * which a filter may let through, so no answer changes. cue_at and
	 * rep_at are read up to n_cue and n_rep alone. */
	c.cue_at = cr_arena_alloc_raw(a->arena,
	                              (size_t)a->n_toks * sizeof *c.cue_at);
	c.rep_at = cr_arena_alloc_raw(a->arena,
	                              (size_t)a->n_toks * sizeof *c.rep_at);
	if (!c.cue_at || !c.rep_at)
		return CR_ENOMEM;
	/* The lists grow with no branch on the filters' answers. */
	for (uint32_t i = 0; i < a->n_toks; i++) {
		c.wcls[i] = 0; /* tok_in() finds them when asked */
		c.fhash[i] = 0;
		if (c.inq[i])
			continue;
		const char *w = norm(&c, i);
		c.rep_at[c.n_rep] = i;
		if (!is_word(&c, i)) {
			/* No filter meets it (hash 0), so its text is
			 * compared whole. */
			c.n_rep +=
			        (uint32_t)(filter_bits(lx->report_bits, 0) ||
			                   (w[0] == ':' && !w[1]) ||
			                   (w[0] == 'a' &&
			                    !strcmp(w, "according")) ||
			                   (w[0] == 't' && !strcmp(w, "that")));
			continue;
		}
		uint32_t h = filter_hash_n(w, strlen(w));
		c.fhash[i] = h;
		c.n_rep += (uint32_t)may_report(&c, w, h);
		c.cue_at[c.n_cue] = i;
		c.n_cue += (uint32_t)filter_bits(lx->cue_bits, h);
	}

	uint32_t qi = 0;
	for (uint32_t si = 0; si < a->n_sents && err == CR_OK; si++) {
		const cr_sentence *st = &a->sents[si];
		who said = {NULL, {0, 0}};
		int any_cue = 0;
		/* Quotes are handled in the sentence they end in, so a cue
		 * after a quote of several sentences is seen. */
		while (qi < nq && err == CR_OK) {
			span_q q = qs[qi];
			uint32_t last =
			        q.close < a->n_toks ? q.close : q.close - 1;
			if (tok(&c, last)->sent > si)
				break;
			qi++;
			uint32_t b = a->sents[tok(&c, q.open)->sent].tok_begin;
			cue k = find_cue(&c, b, st->tok_end, q.open, last);
			/* Short scare quotes keep to the cues of speech, so
			 * that "called the plan "reckless"" stays no quote. */
			if (!k.cue && count_words(&c, q.open + 1, last) >=
			                      (int)QUOTE_MIN_WORDS_ANON)
				k = stance_cue(&c, b, q.open);
			cr_quote out = {0};
			out.text = inner_text(&c, q);
			out.sent = tok(&c, q.open)->sent;
			out.partial = (uint8_t)is_partial(&c, q);
			out.cue = k.cue;
			who w = k.speaker;
			/* A quote with no cue of its own continues the
			 * speaker of the sentence before it opened, not of
			 * the sentence before it ended: '"...," she said.
			 * "First. Second."' */
			uint32_t os = tok(&c, q.open)->sent;
			if (!k.cue && !out.partial && os > 0)
				w = c.said[os - 1];
			out.speaker = w.name;
			out.speaker_span = w.name ? w.span : (cr_span){0, 0};
			if (k.cue)
				any_cue = 1;
			if (w.name)
				said = w;
			if (!w.name && (count_words(&c, q.open + 1, last) <
			                        (int)QUOTE_MIN_WORDS_ANON ||
			                title_case(&c, q.open, last)))
				continue;
			if (named_title(&c, q.open, last))
				continue;
			if (out.text.len == 0 || !direct)
				continue;
			err = push(&c, &out);
		}
		if (reported && err == CR_OK)
			err = find_reported(&c, reported, st->tok_begin,
			                    st->tok_end);
		/* A sentence with a cue and no quote still names a speaker
		 * ("Ignat said there was nothing ..."). */
		if (!said.name && !any_cue) {
			cue k = find_cue(&c, st->tok_begin, st->tok_end,
			                 st->tok_begin, st->tok_begin);
			said = k.speaker;
		}
		c.said[si] = said;
		remember(&c, said);
	}
	return err;
}

/* Fills lx's filters from the tables. */
static void lex_fill(cr_quote_lex *lx)
{
	static const char *const according[] = {"according"};
	static const struct {
		const char *const *set;
		size_t n;
	} tables[W_COUNT] = {
#define W_ENTRY(t) [W_##t] = {t, CR_COUNT(t)},
	        W_TABLES(W_ENTRY)
#undef W_ENTRY
	};
	/* How many words the tables hold together, repeats counted: the
	 * word index holds them all, and keeps free slots. */
#define W_SIZE(t) +CR_COUNT(t)
	enum { W_WORDS = 0 W_TABLES(W_SIZE) };
#undef W_SIZE
	_Static_assert(W_WORDS <= QUOTE_WORDS_MAX, "word index size");
	memset(lx, 0, sizeof *lx);
	filter_add(lx->cue_bits, CUE_VERBS, CR_COUNT(CUE_VERBS));
	filter_add(lx->cue_bits, PARTICIPLES, CR_COUNT(PARTICIPLES));
	filter_add(lx->cue_bits, according, 1);
	filter_add(lx->report_bits, REPORT_VERBS, CR_COUNT(REPORT_VERBS));
	filter_add(lx->report_bits, REPORT_PARTICIPLES,
	           CR_COUNT(REPORT_PARTICIPLES));
	filter_add(lx->report_bits, RAISING_CUES, CR_COUNT(RAISING_CUES));
	lx->h_according = filter_hash("according");
	lx->h_that = filter_hash("that");
	for (size_t k = 0; k < W_COUNT; k++) {
		for (size_t j = 0; j < tables[k].n; j++) {
			const char *w = tables[k].set[j];
			uint32_t h = filter_hash(w);
			/* The class as the binary search answers it, so that
			 * a table out of order gives what it always gave. */
			if (!cr_lexicon_has(tables[k].set, tables[k].n, w))
				continue;
			uint32_t at = word_slot(h);
			while (lx->slot[at] &&
			       strcmp(lx->words[lx->slot[at] - 1].w, w))
				at = (at + 1) % QUOTE_WORD_SLOTS;
			if (!lx->slot[at]) {
				lx->words[lx->n_words] = (lex_word){w, h, 0};
				lx->slot[at] = (uint16_t)++lx->n_words;
			}
			lx->words[lx->slot[at] - 1].cls |= (uint32_t)1 << k;
		}
	}
}

/* Filters for one call, filled in a's arena (some 26 KB: too much for
 * the stack); NULL when out of memory. */
static const cr_quote_lex *lex_for_call(cr_article *a)
{
	cr_quote_lex *lx = cr_arena_alloc_raw(a->arena, sizeof *lx);
	if (lx)
		lex_fill(lx);
	return lx;
}

int cr_quotes_tables_ok(void)
{
#define W_SORTED(t) &&cr_lexicon_sorted(t, CR_COUNT(t))
	return 1 W_TABLES(W_SORTED);
#undef W_SORTED
}

cr_quote_lex *cr_quote_lex_new(void)
{
	cr_quote_lex *lx = malloc(sizeof *lx);
	if (lx)
		lex_fill(lx);
	return lx;
}

void cr_quote_lex_free(cr_quote_lex *lx)
{
	free(lx);
}

cr_err cr_quotes_find(cr_article *a)
{
	if (!a || (a->n_toks && (!a->toks || !a->sents)))
		return CR_EINVAL;
	a->quotes = NULL;
	a->n_quotes = 0;
	if (!a->n_toks)
		return CR_OK;
	const cr_quote_lex *lx = lex_for_call(a);
	return lx ? run(a, lx, 1, NULL) : CR_ENOMEM;
}

/* Checks the arguments of the reported-speech search and runs it with
 * lx (NULL: filters filled for this call), with the direct quotes into
 * a->quotes as well when direct is set. */
static cr_err find_with_reported(cr_article *a, const cr_quote_lex *lx,
                                 int direct, cr_quote **out, uint32_t *n)
{
	if (!a || !out || !n || (a->n_toks && (!a->toks || !a->sents)))
		return CR_EINVAL;
	*out = NULL;
	*n = 0;
	if (direct) {
		a->quotes = NULL;
		a->n_quotes = 0;
	}
	if (!a->n_toks)
		return CR_OK;
	if (!lx && !(lx = lex_for_call(a)))
		return CR_ENOMEM;
	qlist l = {0};
	cr_err err = run(a, lx, direct, &l);
	if (err == CR_OK) {
		*out = l.v;
		*n = l.n;
	}
	return err;
}

cr_err cr_quotes_find_reported(cr_article *a, cr_quote **out, uint32_t *n)
{
	return find_with_reported(a, NULL, 0, out, n);
}

cr_err cr_quotes_find_all(cr_article *a, const cr_quote_lex *lx, cr_quote **out,
                          uint32_t *n)
{
	return find_with_reported(a, lx, 1, out, n);
}

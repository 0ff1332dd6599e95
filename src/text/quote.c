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
 * Ignat"), or after "according to". A person named inside that phrase
 * wins ("Putin's press secretary Dmitry Peskov" -> "Dmitry Peskov");
 * pronouns and role nouns ("they", "the statement") resolve to earlier
 * speakers; a lone surname resolves to the full name in the article.
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
        "again",    "already",      "also",       "did",        "earlier",
        "further",  "had",          "has",        "have",       "is",
        "just",     "later",        "now",        "once",       "previously",
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

/* Mark families: a quote closes with a mark of the family it opened. */
enum { FAM_NONE, FAM_DOUBLE, FAM_SINGLE };
/* Which way a mark faces. */
enum { DIR_OPEN = 1, DIR_CLOSE = 2 };

/* A speaker found for a quote or a sentence. */
typedef struct who {
	const char *name; /* arena; NULL when unknown */
	cr_span span;     /* where it is named */
} who;

typedef struct qctx {
	cr_article *a;
	uint32_t *inq; /* per token: 1 + index of the quote holding it, or 0 */
	who recent[QUOTE_RECENT]; /* most recent first */
	who issuer;               /* who issued "the statement" */
	who prev_subj; /* speaker named by the previous sentence's cue */
	uint32_t cap;  /* slots allocated in a->quotes */
} qctx;

typedef struct cue {
	const char *cue; /* NULL when none */
	who speaker;
	uint32_t at; /* token of the cue */
} cue;

static const cr_token *tok(const qctx *c, uint32_t i)
{
	return &c->a->toks[i];
}

static const char *norm(const qctx *c, uint32_t i)
{
	return c->a->toks[i].norm ? c->a->toks[i].norm : "";
}

static int is_word(const qctx *c, uint32_t i)
{
	return (tok(c, i)->flags & CR_TOK_WORD) != 0;
}

static int tok_is(const qctx *c, uint32_t i, const char *w)
{
	return !strcmp(norm(c, i), w);
}

static int tok_in(const qctx *c, uint32_t i, const char *const *set, size_t n)
{
	return cr_lexicon_has(set, n, norm(c, i));
}

#define TOK_IN(c, i, set) tok_in(c, i, set, CR_COUNT(set))

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

/* The full name of a person whose last word is name ("Ignat" -> "Yuriy
 * Ignat"), or name itself. */
static const char *full_name(const qctx *c, const char *name)
{
	if (!name || strchr(name, ' '))
		return name;
	size_t n = strlen(name);
	for (uint32_t i = 0; i < c->a->n_ments; i++) {
		const cr_mention *m = &c->a->ments[i];
		if (m->type != CR_ENT_PERSON)
			continue;
		size_t mn = strlen(m->name);
		if (mn > n + 1 && m->name[mn - n - 1] == ' ' &&
		    !strcmp(m->name + mn - n, name))
			return m->name;
	}
	return name;
}

/* The first person mention inside the token range [b, e) that is not a
 * possessive ("Putin's press secretary Dmitry Peskov" -> Peskov). */
static const cr_mention *person_in(const qctx *c, uint32_t b, uint32_t e)
{
	uint32_t lo = tok(c, b)->span.off;
	uint32_t hi = tok(c, e - 1)->span.off + tok(c, e - 1)->span.len;
	for (uint32_t i = 0; i < c->a->n_ments; i++) {
		const cr_mention *m = &c->a->ments[i];
		if (m->type != CR_ENT_PERSON || m->span.off < lo ||
		    m->span.off + m->span.len > hi)
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

/* The last person mention that ends before body offset off, within
 * QUOTE_PERSON_SENTS sentences. */
static const cr_mention *last_person(const qctx *c, uint32_t off)
{
	const cr_mention *best = NULL;
	for (uint32_t i = 0; i < c->a->n_ments; i++) {
		const cr_mention *m = &c->a->ments[i];
		if (m->span.off + m->span.len > off)
			break;
		if (m->type == CR_ENT_PERSON)
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
	return !TOK_IN(c, i, CUE_VERBS) && !TOK_IN(c, i, PARTICIPLES);
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

/* Makes a speaker from the noun phrase [b, e): a person inside it, a
 * pronoun or role noun resolved to an earlier speaker, nobody for
 * "reports", else the phrase itself. */
static who name_np(qctx *c, uint32_t b, uint32_t e)
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
			w.name = full_name(c, m->name);
			w.span = m->span;
			return w;
		}
	}
	if (e - b == 1 && TOK_IN(c, b, PRONOUNS))
		return c->recent[0];
	if (TOK_IN(c, e - 1, NON_SPEAKERS) &&
	    !(tok(c, e - 1)->flags & CR_TOK_CAP))
		return w;
	const cr_mention *m = person_in(c, b, e);
	if (m) {
		w.name = full_name(c, m->name);
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
	return w;
}

/* The noun phrase ending just before token k, within [b, k); as a token
 * range in *nb, *ne. Returns 0 when none. */
static int np_before(const qctx *c, uint32_t b, uint32_t k, uint32_t *nb,
                     uint32_t *ne)
{
	uint32_t j = k;
	while (j > b && TOK_IN(c, j - 1, SKIP_BEFORE) && !c->inq[j - 1])
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
	if (j > b && TOK_IN(c, j - 1, PRONOUNS) && !c->inq[j - 1]) {
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
	for (uint32_t k = b; k < e; k++) {
		if (c->inq[k] || !is_word(c, k))
			continue;
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

cr_err cr_quotes_find(cr_article *a)
{
	if (!a || (a->n_toks && (!a->toks || !a->sents)))
		return CR_EINVAL;
	a->quotes = NULL;
	a->n_quotes = 0;
	if (!a->n_toks)
		return CR_OK;
	qctx c = {.a = a};
	c.inq = cr_arena_alloc(a->arena, (size_t)a->n_toks * sizeof *c.inq);
	if (!c.inq)
		return CR_ENOMEM;
	span_q *qs;
	uint32_t nq;
	cr_err err = pair_marks(&c, &qs, &nq);
	if (err != CR_OK)
		return err;

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
			cr_quote out = {0};
			out.text = inner_text(&c, q);
			out.sent = tok(&c, q.open)->sent;
			out.partial = (uint8_t)is_partial(&c, q);
			out.cue = k.cue;
			who w = k.speaker;
			if (!k.cue && !out.partial)
				w = c.prev_subj;
			out.speaker = w.name;
			out.speaker_span = w.name ? w.span : (cr_span){0, 0};
			if (k.cue)
				any_cue = 1;
			if (w.name)
				said = w;
			if (!w.name && count_words(&c, q.open + 1, last) <
			                       (int)QUOTE_MIN_WORDS_ANON)
				continue;
			if (out.text.len == 0)
				continue;
			err = push(&c, &out);
		}
		/* A sentence with a cue and no quote still names a speaker
		 * ("Ignat said there was nothing ..."). */
		if (!said.name && !any_cue) {
			cue k = find_cue(&c, st->tok_begin, st->tok_end,
			                 st->tok_begin, st->tok_begin);
			said = k.speaker;
		}
		c.prev_subj = said;
		remember(&c, said);
	}
	return err;
}

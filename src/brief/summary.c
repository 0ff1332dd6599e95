/*
 * summary.c - the summary of a story: the sentences that tell most of
 * what its outlets share, each once, biased by a focus when one is given.
 *
 * What a story is about is what several outlets say in the same words.
 * So the unit of content is a "concept", a pair of adjacent stemmed words
 * (not two stopwords) or, at a lower weight, one stemmed content word,
 * weighted by how many independent articles use it,
 * as the best systems of DUC and TAC did (Gillick & Favre 2009). A pick is
 * the sentence whose concepts not yet told weigh most for its length, with
 * a prior for sentences near the top of their article and, under a focus,
 * for sentences and concepts that hold the focus's words (stemmed).
 * Concepts already told count no more, so the summary does not repeat.
 *
 * The summary stays built from facts (facts.c): a sentence is a candidate
 * only while it, or a clause of it, is the statement of a fact not yet
 * told, and it lists the articles that state it. For a story of a few short
 * articles, where few concepts recur, the facts' support decides.
 *
 * A summary sentence shows its source sentence without the framing around
 * the statement (a dateline, an opening linker, an anonymous attribution
 * at either end such as "officials said", short parentheses; see trim),
 * so a word budget buys content; the facts keep the outlets' whole
 * wording. An attribution that names a person, organisation or place
 * stays: "Moscow said the drones were downed" is Moscow's claim, and
 * shown without it the outlets would seem to state it themselves. It is
 * kept short: "X said on Monday that S" shows "X said S", and ", said X, a
 * spokesman for Y" ends at the name. Under a word budget, a
 * pick is the best sentence that fits whole while one does. Assumes the story's
 * units come article by article, sentences before their clauses, and
 * tokens carry stems.
 */
#include "brief/summary.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "text/stem.h"

/* Sentences shorter than this say too little to stand alone, and longer
 * ones spend the budget on one statement (words and numbers shown, once
 * trimmed). Both bounds are tuned on the dev half of DUC 2006: 60 lost
 * 0.0025 SU4 against 36 under a 250-word budget, as long sentences carry
 * clauses few outlets share; 9 gained 0.0006 SU4 over 8 once sentences
 * were trimmed. */
#define MIN_SUMMARY_WORDS 9
#define MAX_SUMMARY_WORDS 36
/* Concepts kept per sentence; a longer sentence keeps its first ones. */
#define MAX_SENT_CONCEPTS 128
/* Facts one sentence can tell (its own and its clauses'). */
#define MAX_SENT_FACTS 16
/* Weights of the score, tuned on the even-numbered DUC 2006 topics (the
 * dev half of bench/summary-eval): a concept needs this many independent
 * articles to count; a concept holding a focus word weighs this much
 * more, a single stemmed word this share of a pair; a fact adds its
 * outlets' count squared times FACT_WEIGHT; the focus and the lead
 * raise the score by up to these factors; a sentence holding a quotation
 * counts at QUOTED (a quote is one voice, not the story's facts); a
 * sentence that mixes facts of different sources at MIXED. Once
 * sentences were trimmed, the lead's weight was tuned again: 1.5 gave
 * SU4 0.1552 on dev, 0.25 gives 0.1583 (0 gives 0.1573), as a trimmed
 * sentence from further down an article now costs fewer words. With no
 * focus the lead is the one sign of what matters, and LEAD_GENERIC
 * stays at what the generic summaries were tuned to. */
#define MIN_CONCEPT_ARTICLES 2
#define FOCUS_CONCEPT        1.0
#define WORD_CONCEPT         0.3
#define FACT_WEIGHT          1.0
#define FOCUS_WEIGHT         4.0
#define LEAD_WEIGHT          0.25
#define LEAD_GENERIC         1.5
#define QUOTED               0.5
#define MIXED                0.25

/* What a summary sentence may leave out of its source sentence, so the
 * budget buys content (see trim below): at most MAX_ASIDES parentheses
 * of up to MAX_ASIDE_TOKENS tokens, an attribution of up to
 * MAX_ATTRIB_TOKENS tokens at either end (with at most MAX_AFTER_SAY
 * tokens of time after its verb), and a dateline of up to
 * MAX_DATELINE_TOKENS tokens. */
#define MAX_ASIDES          4
#define MAX_ASIDE_TOKENS    8
#define MAX_ATTRIB_TOKENS   16
#define MAX_AFTER_SAY       3
#define MAX_DATELINE_TOKENS 12

/* Words of a focus kept, and the bytes of one word. */
#define MAX_FOCUS_WORDS 64
#define MAX_FOCUS_WORD  48

/* ---- focus -------------------------------------------------------------- */

/* Words of a request ("discuss", "include", "describe") say what to do,
 * not what about: they are no content of a query. */
static int is_request_word(const char *w)
{
	static const char *const req[] = {
	        "discuss", "describe", "include",     "including", "identify",
	        "explain", "provide",  "information", "specify",   "give",
	        "detail",  "details",  "report",      "reports",   "list",
	        "mention", "note",     "regarding",   "concerning"};
	for (size_t i = 0; i < sizeof req / sizeof *req; i++)
		if (!strcmp(w, req[i]))
			return 1;
	return 0;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

static uint64_t hash_str(const char *s)
{
	return XXH3_64bits(s, strlen(s));
}

/* The hashes of the focus's content stems, sorted and unique, into q
 * (room for MAX_FOCUS_WORDS); returns their count. */
static uint32_t focus_stems(cr_arena *ar, const char *focus, uint64_t *q)
{
	if (!focus || !*focus)
		return 0;
	cr_stemmer *sm = cr_stemmer_new("english");
	if (!sm)
		return 0;
	uint32_t n = 0;
	char word[MAX_FOCUS_WORD];
	for (const char *p = focus; *p && n < MAX_FOCUS_WORDS;) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		size_t k = 0;
		while (*p && isalnum((unsigned char)*p)) {
			if (k + 1 < sizeof word)
				word[k++] = (char)tolower((unsigned char)*p);
			p++;
		}
		word[k] = '\0';
		if (k < 3 || cr_is_stopword(word, k) || is_request_word(word))
			continue;
		const char *stem = cr_stem(sm, ar, word, k);
		if (stem)
			q[n++] = hash_str(stem);
	}
	cr_stemmer_free(sm);
	qsort(q, n, sizeof *q, cmp_u64);
	uint32_t m = 0;
	for (uint32_t i = 0; i < n; i++)
		if (!m || q[m - 1] != q[i])
			q[m++] = q[i];
	return m;
}

/* ---- trimming ----------------------------------------------------------- */

/* The part of a sentence the summary shows: tokens [b, e) of its article
 * without the asides [aside_b[i], aside_e[i]). What is left out is what
 * frames the statement rather than states it: a dateline ("LISBON (AP)
 * _"), an opening linker ("But", "However,"), an attribution at either
 * end ("Officials said Tuesday that", ", the ministry said."), and short
 * parentheses ("(STA)"). The sentence still reads as the outlet wrote
 * it, and it still lists the articles that state it. */
typedef struct trim {
	uint32_t b, e;
	uint32_t n_asides;
	uint32_t aside_b[MAX_ASIDES], aside_e[MAX_ASIDES];
	uint8_t head_cut; /* the sentence no longer opens at its start */
	uint8_t tail_cut; /* it ends before its end: close it with a stop */
} trim;

/* 1 when token t is the one-character punctuation c. */
static int is_punct(const cr_token *t, char c)
{
	return (t->flags & CR_TOK_PUNCT) && t->norm && t->norm[0] == c &&
	       !t->norm[1];
}

/* 1 when token t is a dash that ends a dateline: "_", "-", an en or em
 * dash. */
static int is_dash(const cr_token *t)
{
	return is_punct(t, '_') || is_punct(t, '-') ||
	       ((t->flags & CR_TOK_PUNCT) && t->norm &&
	        (!strcmp(t->norm, "\xe2\x80\x94") ||
	         !strcmp(t->norm, "\xe2\x80\x93")));
}

static int is_word(const cr_token *t, const char *w)
{
	return (t->flags & CR_TOK_WORD) && t->norm && !strcmp(t->norm, w);
}

/* Verbs that attribute a statement to its source. */
static int is_say(const cr_token *t)
{
	static const char *const say[] = {"said",  "says",      "say",
	                                  "told",  "reported",  "announced",
	                                  "added", "according", "stated"};
	for (size_t i = 0; i < sizeof say / sizeof *say; i++)
		if (is_word(t, say[i]))
			return 1;
	return 0;
}

/* Words that open a sentence only to link it to the one before ("But
 * the dam held" reads "The dam held"); "In addition" is the one of two
 * words. They go only before a word in lower case, so a name stays. */
static int is_linker(const cr_token *t)
{
	static const char *const link[] = {
	        "and",   "but", "however",  "also",         "meanwhile",
	        "still", "yet", "moreover", "nevertheless", "furthermore"};
	for (size_t i = 0; i < sizeof link / sizeof *link; i++)
		if (is_word(t, link[i]))
			return 1;
	return 0;
}

/* The tokens after a dateline that opens tokens [b, e), or b: a dateline
 * is words in capitals, place names, dates and a news agency in
 * parentheses, up to a dash ("HALBURY, Wash. (AP) --"). */
static uint32_t skip_dateline(const cr_token *tok, uint32_t b, uint32_t e)
{
	if (b >= e || !(tok[b].flags & CR_TOK_UPPER))
		return b;
	for (uint32_t i = b + 1; i < e && i - b < MAX_DATELINE_TOKENS; i++) {
		const cr_token *t = &tok[i];
		if (is_dash(t)) {
			while (i < e && is_dash(&tok[i]))
				i++;
			return i;
		}
		int ok =
		        (t->flags & CR_TOK_NUM) ||
		        ((t->flags & CR_TOK_WORD) && (t->flags & CR_TOK_CAP)) ||
		        is_punct(t, ',') || is_punct(t, '.') ||
		        is_punct(t, '(') || is_punct(t, ')');
		if (!ok)
			return b;
	}
	return b;
}

/* Words that point back to something named before them: a statement
 * opening with one needs the words before it ("Smith said he would
 * resign" must not become "He would resign"). */
static int is_pronoun(const cr_token *t)
{
	static const char *const pron[] = {
	        "he",   "she",  "it",    "they",  "we",    "i",
	        "you",  "his",  "her",   "its",   "their", "our",
	        "this", "that", "these", "those", "him",   "them"};
	for (size_t i = 0; i < sizeof pron / sizeof *pron; i++)
		if (is_word(t, pron[i]))
			return 1;
	return 0;
}

/* The start of tokens [b, e) after an opening attribution, or b: "X said
 * (Tuesday) that S" and "According to X, S" both open at S, unless S
 * opens with a pronoun. The speaker is plain words, so a sentence whose
 * opening holds punctuation keeps it. */
static uint32_t skip_lead_attribution(const cr_token *tok, uint32_t b,
                                      uint32_t e)
{
	uint32_t at = b;
	if (e - b > 1 && is_word(&tok[b], "according") &&
	    is_word(&tok[b + 1], "to")) {
		for (uint32_t i = b + 2; i < e && i - b < MAX_ATTRIB_TOKENS;
		     i++) {
			if (is_punct(&tok[i], ',')) {
				at = i + 1;
				break;
			}
			if (!(tok[i].flags & (CR_TOK_WORD | CR_TOK_NUM)))
				return b;
		}
	} else {
		uint32_t say = UINT32_MAX;
		for (uint32_t i = b; i < e && i - b < MAX_ATTRIB_TOKENS; i++) {
			const cr_token *t = &tok[i];
			if (!(t->flags & (CR_TOK_WORD | CR_TOK_NUM)))
				return b;
			if (say == UINT32_MAX && i > b && is_say(t)) {
				say = i;
			} else if (say != UINT32_MAX && is_word(t, "that")) {
				at = i + 1;
				break;
			} else if (say != UINT32_MAX &&
			           i - say > MAX_AFTER_SAY) {
				return b;
			}
		}
	}
	if (at == b || at >= e || is_pronoun(&tok[at]))
		return b;
	return at;
}

/* The end of tokens [b, e) before a closing attribution (", officials
 * said", ", said John Smith, a spokesman", ", the agency said on
 * Friday"), or e. The attribution follows a comma and holds a verb of
 * saying, either first or followed only by a few words of time, so a
 * clause that merely mentions a statement is kept. */
static uint32_t cut_tail_attribution(const cr_token *tok, uint32_t b,
                                     uint32_t e)
{
	uint32_t end = e;
	while (end > b && (tok[end - 1].flags & CR_TOK_PUNCT) &&
	       !is_punct(&tok[end - 1], ')'))
		end--;
	if (end == b || (end < e && !is_punct(&tok[end], '.')))
		return e; /* a question or exclamation keeps its voice */
	for (uint32_t c = end; c-- > b && end - c <= MAX_ATTRIB_TOKENS;) {
		const cr_token *t = &tok[c];
		if (!is_punct(t, ','))
			continue;
		uint32_t say = UINT32_MAX, commas = 0;
		int ok = 1;
		for (uint32_t i = c + 1; i < end && ok; i++) {
			const cr_token *w = &tok[i];
			if (is_punct(w, ','))
				commas++;
			else if (!(w->flags & (CR_TOK_WORD | CR_TOK_NUM)) &&
			         !is_punct(w, '(') && !is_punct(w, ')'))
				ok = 0;
			if (say == UINT32_MAX && is_say(w))
				say = i;
			else if (say != UINT32_MAX && is_word(w, "that"))
				ok = 0;
		}
		if (!ok || say == UINT32_MAX)
			continue;
		/* the verb opens it, or only a time phrase follows it */
		if (say == c + 1 || (!commas && end - say - 1 <= MAX_AFTER_SAY))
			return c;
	}
	return e;
}

/* 1 when tokens [b, e) of a name a person, organisation or place: a claim
 * a named party makes is that party's, so its attribution stays ("Moscow
 * said the drones were downed"); an anonymous one ("officials said") is
 * the outlet's way of reporting and goes. */
static int names_a_source(const cr_article *a, uint32_t b, uint32_t e)
{
	if (b >= e)
		return 0;
	size_t lo = a->toks[b].span.off;
	size_t hi = a->toks[e - 1].span.off + a->toks[e - 1].span.len;
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		if (m->type != CR_ENT_PERSON && m->type != CR_ENT_ORG &&
		    m->type != CR_ENT_PLACE)
			continue;
		if (m->span.off >= lo && m->span.off < hi)
			return 1;
	}
	return 0;
}

/* The token after the verb of an opening attribution [b, at) that a
 * named source keeps ("Tarn Railways said on Monday that S"), so what
 * lies between it and S, a time and "that", can go: "Tarn Railways said
 * S". 0 when there is no such verb. */
static uint32_t lead_say_end(const cr_token *tok, uint32_t b, uint32_t at)
{
	for (uint32_t i = b + 1; i < at; i++)
		if (is_say(&tok[i]))
			return i + 1 < at ? i + 1 : 0;
	return 0;
}

/* The end of a closing attribution [c, e) that names its source, kept
 * as short as it stays true: ", said Anna Berg, a spokeswoman for the
 * line" ends after the name (the name alone says whose claim it is), and
 * ", Tarn Railways said on Monday" after the verb. e when neither fits. */
static uint32_t short_tail(const cr_article *a, uint32_t c, uint32_t e)
{
	const cr_token *tok = a->toks;
	if (c + 2 >= e)
		return e;
	if (is_say(&tok[c + 1])) {
		for (uint32_t k = c + 3; k < e; k++)
			if (is_punct(&tok[k], ','))
				return names_a_source(a, c + 2, k) ? k : e;
		return e;
	}
	for (uint32_t i = c + 2; i < e; i++) {
		if (!(is_word(&tok[i], "said") || is_word(&tok[i], "says") ||
		      is_word(&tok[i], "added")))
			continue;
		uint32_t k = i + 1;
		while (k < e && (tok[k].flags & (CR_TOK_WORD | CR_TOK_NUM)))
			k++;
		/* only a few words of time follow it, then the stop */
		if (k > i + 1 && k - i - 1 <= MAX_AFTER_SAY &&
		    names_a_source(a, c + 1, i))
			return i + 1;
		return e;
	}
	return e;
}

/* The trim of sentence s of article a: what the summary shows of it. A
 * sentence holding a quotation keeps its attribution, as the words are
 * someone's. */
static void trim_sentence(const cr_article *a, const cr_sentence *s, trim *tr)
{
	const cr_token *tok = a->toks;
	uint32_t b = s->tok_begin, e = s->tok_end;
	memset(tr, 0, sizeof *tr);
	int quoted = 0;
	for (uint32_t i = b; i < e; i++)
		quoted |= (tok[i].flags & CR_TOK_QUOTE) != 0;
	b = skip_dateline(tok, b, e);
	uint32_t link = b + 1 < e && is_word(&tok[b], "in") &&
	                                is_word(&tok[b + 1], "addition")
	                        ? 2
	                : b < e && is_linker(&tok[b]) ? 1
	                                              : 0;
	if (link) {
		uint32_t n = b + link;
		if (n < e && is_punct(&tok[n], ','))
			n++;
		if (n < e && (tok[n].flags & CR_TOK_WORD) &&
		    !(tok[n].flags & CR_TOK_CAP))
			b = n;
	}
	uint32_t say_b = 0, say_e = 0; /* a named speaker's "on Monday that" */
	if (!quoted) {
		uint32_t nb = skip_lead_attribution(tok, b, e);
		if (!names_a_source(a, nb > b ? b : 0, nb)) {
			b = nb;
		} else {
			say_b = lead_say_end(tok, b, nb);
			say_e = say_b ? nb : 0;
		}
		uint32_t ne = cut_tail_attribution(tok, b, e);
		if (!names_a_source(a, ne, ne < e ? e : 0))
			e = ne;
		else if (ne < e)
			e = short_tail(a, ne, e);
	}
	if (b >= e) { /* all framing: show it whole */
		b = s->tok_begin;
		e = s->tok_end;
		say_b = say_e = 0;
	}
	tr->b = b;
	tr->e = e;
	tr->head_cut = b != s->tok_begin;
	tr->tail_cut = e != s->tok_end;
	if (say_b < say_e) {
		tr->aside_b[0] = say_b;
		tr->aside_e[0] = say_e;
		tr->n_asides = 1;
	}
	for (uint32_t i = b + 1; i < e && tr->n_asides < MAX_ASIDES; i++) {
		if (!is_punct(&tok[i], '('))
			continue;
		uint32_t k = i + 1;
		while (k < e && k - i <= MAX_ASIDE_TOKENS + 1 &&
		       !is_punct(&tok[k], ')') && !is_punct(&tok[k], '(') &&
		       !(tok[k].flags & CR_TOK_QUOTE))
			k++;
		if (k < e && is_punct(&tok[k], ')') && k > i + 1 &&
		    k - i <= MAX_ASIDE_TOKENS + 1) {
			tr->aside_b[tr->n_asides] = i;
			tr->aside_e[tr->n_asides++] = k + 1;
			i = k;
		}
	}
}

/* 1 when token i is shown by trim tr. */
static int trim_keeps(const trim *tr, uint32_t i)
{
	if (i < tr->b || i >= tr->e)
		return 0;
	for (uint32_t k = 0; k < tr->n_asides; k++)
		if (i >= tr->aside_b[k] && i < tr->aside_e[k])
			return 0;
	return 1;
}

/* The text trim tr shows of sentence unit u, an arena string; NULL when
 * out of memory. Kept pieces are joined as written; a sentence that no
 * longer opens at its start opens with a capital, and one cut before its
 * end closes with a full stop. */
static const char *trim_text(cr_story *st, uint32_t u, const trim *tr)
{
	const cr_unit *un = &st->units[u];
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	if (!tr->head_cut && !tr->tail_cut && !tr->n_asides)
		return cr_story_text(st, un->art, un->span);
	const cr_token *tok = a->toks;
	const char *body = a->body;
	uint32_t end =
	        tr->tail_cut ? tok[tr->e - 1].span.off + tok[tr->e - 1].span.len
	                     : s->span.off + s->span.len;
	size_t cap = (size_t)(end - tok[tr->b].span.off) + 8;
	char *out = cr_arena_alloc(st->arena, cap);
	if (!out)
		return NULL;
	size_t n = 0;
	uint32_t pos = tok[tr->b].span.off;
	for (uint32_t k = 0; k <= tr->n_asides; k++) {
		uint32_t stop =
		        k < tr->n_asides ? tok[tr->aside_b[k]].span.off : end;
		memcpy(out + n, body + pos, stop - pos);
		n += stop - pos;
		if (k < tr->n_asides) {
			while (n && out[n - 1] == ' ')
				n--;
			const cr_token *close = &tok[tr->aside_e[k] - 1];
			pos = close->span.off + close->span.len;
		}
	}
	while (n &&
	       (out[n - 1] == ' ' || out[n - 1] == ',' || out[n - 1] == '\n'))
		n--;
	if (tr->tail_cut)
		out[n++] = '.';
	out[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (out[i] == '\n')
			out[i] = ' ';
	if (tr->head_cut && islower((unsigned char)out[0]))
		out[0] = (char)toupper((unsigned char)out[0]);
	return out;
}

/* ---- concepts ----------------------------------------------------------- */

/* Marks of a concept. */
#define IN_FOCUS 1 /* holds a focus word */
#define ONE_WORD 2 /* a single word, not a pair */

/* Open addressing from a concept's hash to its index. */
typedef struct concepts {
	uint64_t *key; /* 0 = empty slot */
	uint32_t *idx;
	uint32_t cap; /* a power of two */
	uint32_t n;
	double *w;        /* per concept: weight */
	uint32_t *last;   /* per concept: last article counted + 1 */
	uint32_t *in;     /* per concept: last sentence unit holding it + 1 */
	uint8_t *focused; /* per concept: IN_FOCUS, ONE_WORD */
} concepts;

/* The index of concept h, added when new; UINT32_MAX when the table is
 * full (it is sized for every pair of the story, so only on a bug). */
static uint32_t concept_of(concepts *c, uint64_t h)
{
	h |= 1; /* never the empty key */
	uint32_t mask = c->cap - 1;
	for (uint32_t i = (uint32_t)h & mask, k = 0; k < c->cap;
	     i = (i + 1) & mask, k++) {
		if (c->key[i] == h)
			return c->idx[i];
		if (!c->key[i]) {
			c->key[i] = h;
			c->idx[i] = c->n;
			c->w[c->n] = 0;
			c->last[c->n] = 0;
			c->in[c->n] = 0;
			c->focused[c->n] = 0;
			return c->n++;
		}
	}
	return UINT32_MAX;
}

/* A candidate sentence of the summary. */
typedef struct cand {
	uint32_t unit;
	uint32_t words;   /* content words */
	uint32_t c_begin; /* its concepts: [c_begin, c_end) of the pool */
	uint32_t c_end;
	double focus;   /* share of the focus's stems it holds */
	uint8_t quoted; /* holds a quotation mark */
	trim tr;        /* what of it the summary shows */
} cand;

/* The facts a whole sentence states: its own and its clauses'. */
static uint32_t facts_of_sentence(const cr_story *st, const int32_t *fact_of,
                                  uint32_t u, int32_t *out, uint32_t max)
{
	uint32_t n = 0;
	for (uint32_t c = u; c < st->n_units && n < max; c++) {
		if (c != u &&
		    !(st->units[c].clause && st->units[c].parent == u))
			break;
		int32_t f = fact_of[c];
		int seen = f < 0;
		for (uint32_t k = 0; k < n && !seen; k++)
			seen = out[k] == f;
		if (!seen)
			out[n++] = f;
	}
	return n;
}

/* 1 when sentence unit u, or a clause of it, is the statement of a fact
 * not yet told. */
static int tells_own(const cr_story *st, const int32_t *fact_of,
                     const uint8_t *own, const uint8_t *told, uint32_t u)
{
	for (uint32_t c = u; c < st->n_units; c++) {
		if (c != u &&
		    !(st->units[c].clause && st->units[c].parent == u))
			break;
		if (own[c] && fact_of[c] >= 0 && !told[fact_of[c]])
			return 1;
	}
	return 0;
}

/* Whitespace-separated words of s, as ROUGE's -l counts them. */
static uint32_t text_words(const char *s)
{
	uint32_t n = 0;
	for (const char *p = s; *p; p++)
		n += !isspace((unsigned char)*p) &&
		     (p == s || isspace((unsigned char)p[-1]));
	return n;
}

/* s cut after its first keep words, with an ellipsis: the arena copy, or
 * s itself when it has no more than keep words. */
static const char *cut_words(cr_arena *ar, const char *s, uint32_t keep)
{
	uint32_t n = 0;
	for (const char *p = s; *p; p++) {
		if (isspace((unsigned char)*p) ||
		    (p != s && !isspace((unsigned char)p[-1])))
			continue;
		if (n++ == keep) {
			size_t len = (size_t)(p - s);
			while (len && isspace((unsigned char)s[len - 1]))
				len--;
			return cr_arena_printf(ar, "%.*s\xe2\x80\xa6", (int)len,
			                       s);
		}
	}
	return s;
}

/* Adds concept key to sentence unit unit, whose concepts start at
 * pool[begin] (once), marking it with marks; the article art, when it counts,
 * is one more that uses it. */
static void add_concept(concepts *cc, uint32_t *pool, uint32_t *n_pool,
                        uint32_t begin, uint64_t key, uint32_t unit,
                        uint32_t art, int counts, uint8_t marks)
{
	if (*n_pool - begin >= MAX_SENT_CONCEPTS)
		return;
	uint32_t c = concept_of(cc, key);
	if (c == UINT32_MAX)
		return;
	if (cc->in[c] == unit + 1)
		return;
	cc->in[c] = unit + 1;
	pool[(*n_pool)++] = c;
	if (counts && cc->last[c] != art + 1) {
		cc->last[c] = art + 1;
		cc->w[c] += 1;
	}
	cc->focused[c] |= marks;
}

/* Reads sentence unit u into *cd: its length, its concepts (appended to
 * pool at *n_pool) and the share of the focus's nq stems q it holds
 * (qseen is scratch of nq bytes); counts each concept's articles. */
static void read_sentence(const cr_story *st, uint32_t u, concepts *cc,
                          uint32_t *pool, uint32_t *n_pool, const uint64_t *q,
                          uint32_t nq, uint8_t *qseen, cand *cd)
{
	const cr_unit *un = &st->units[u];
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	/* a copy adds no article to a concept: its original counts */
	int counts = st->root[un->art] == un->art;
	uint64_t prev = 0;
	int prev_stop = 1, prev_focus = 0, have_prev = 0;
	uint32_t words = 0, hits = 0, quoted = 0;
	cd->unit = u;
	cd->c_begin = *n_pool;
	memset(qseen, 0, nq ? nq : 1);
	trim_sentence(a, s, &cd->tr);
	for (uint32_t i = s->tok_begin; i < s->tok_end; i++) {
		const cr_token *t = &a->toks[i];
		if (t->flags & CR_TOK_QUOTE)
			quoted = 1;
		if (!(t->flags & (CR_TOK_WORD | CR_TOK_NUM)) || !t->stem ||
		    !trim_keeps(&cd->tr, i))
			continue;
		words++;
		uint64_t h = hash_str(t->stem);
		int stop = (t->flags & CR_TOK_STOP) != 0;
		int focused = 0;
		if (nq && !stop) {
			const uint64_t *at =
			        bsearch(&h, q, nq, sizeof *q, cmp_u64);
			if (at) {
				focused = IN_FOCUS;
				hits += !qseen[at - q];
				qseen[at - q] = 1;
			}
		}
		/* a content word alone, and a pair that is not two
		 * stopwords; the keys differ so a word is no pair */
		if (!stop)
			add_concept(cc, pool, n_pool, cd->c_begin,
			            h * 0x9e3779b97f4a7c15ull + 7, u, un->art,
			            counts, (uint8_t)(ONE_WORD | focused));
		if (have_prev && !(stop && prev_stop))
			add_concept(cc, pool, n_pool, cd->c_begin,
			            prev * 31 + h, u, un->art, counts,
			            (uint8_t)(focused | prev_focus));
		prev = h;
		prev_stop = stop;
		prev_focus = focused;
		have_prev = 1;
	}
	cd->c_end = *n_pool;
	cd->words = words;
	cd->quoted = (uint8_t)quoted;
	cd->focus = nq ? (double)hits / nq : 0;
}

/* The summary: greedy coverage. Each pick is the candidate with the best
 * score: the weight of its concepts not yet told (and of its facts not yet
 * told, weighted by how many independent outlets state them) per word,
 * raised by the focus and by a lead position. A sentence that mixes facts
 * with different sources is worth less: its attribution would be true of
 * only part of it. */
cr_err cr_brief_summary(cr_story *st, cr_briefing *b, const int32_t *fact_of,
                        const uint8_t *own, uint32_t max, uint32_t max_words,
                        const char *focus)
{
	cr_err e = CR_ENOMEM;
	uint32_t nu = st->n_units;
	size_t pairs = 0;
	for (uint32_t u = 0; u < nu; u++)
		if (!st->units[u].clause) {
			const cr_unit *un = &st->units[u];
			const cr_sentence *s =
			        &st->arts[un->art]->sents[un->sent];
			pairs += 2 * (size_t)(s->tok_end - s->tok_begin);
		}
	uint32_t cap = 64;
	while (cap < 2 * pairs + 2)
		cap <<= 1;
	concepts cc = {.cap = cap};
	cc.key = calloc(cap, sizeof *cc.key);
	cc.idx = malloc(cap * sizeof *cc.idx);
	cc.w = malloc((pairs + 1) * sizeof *cc.w);
	cc.last = malloc((pairs + 1) * sizeof *cc.last);
	cc.in = malloc((pairs + 1) * sizeof *cc.in);
	cc.focused = malloc(pairs + 1);
	uint32_t *pool = malloc((pairs + 1) * sizeof *pool);
	cand *cs = malloc((nu ? nu : 1) * sizeof *cs);
	uint8_t *told_c = NULL;
	uint8_t *told = calloc(b->n_facts ? b->n_facts : 1, 1);
	uint8_t *taken = calloc(nu ? nu : 1, 1);
	uint64_t q[MAX_FOCUS_WORDS];
	uint8_t qseen[MAX_FOCUS_WORDS];
	b->summary =
	        cr_arena_alloc(st->arena, (max ? max : 1) * sizeof *b->summary);
	if (!cc.key || !cc.idx || !cc.w || !cc.last || !cc.in || !cc.focused ||
	    !pool || !cs || !told || !taken || !b->summary)
		goto out;
	uint32_t nq = focus_stems(st->arena, focus, q);
	double lead_weight = nq ? LEAD_WEIGHT : LEAD_GENERIC;

	uint32_t n_cand = 0, n_pool = 0;
	for (uint32_t u = 0; u < nu; u++) {
		const cr_unit *un = &st->units[u];
		if (un->clause || un->is_quote_only)
			continue;
		read_sentence(st, u, &cc, pool, &n_pool, q, nq, qseen,
		              &cs[n_cand]);
		if (cs[n_cand].words >= MIN_SUMMARY_WORDS &&
		    cs[n_cand].words <= MAX_SUMMARY_WORDS)
			n_cand++;
	}
	/* A concept one article uses is no shared content. */
	for (uint32_t c = 0; c < cc.n; c++) {
		if (cc.w[c] < MIN_CONCEPT_ARTICLES)
			cc.w[c] = 0;
		else if (cc.focused[c] & IN_FOCUS)
			cc.w[c] *= 1.0 + FOCUS_CONCEPT;
		if (cc.focused[c] & ONE_WORD)
			cc.w[c] *= WORD_CONCEPT;
	}
	told_c = calloc(cc.n ? cc.n : 1, 1);
	if (!told_c)
		goto out;

	uint32_t words = 0;
	int32_t fs[MAX_SENT_FACTS];
	while (b->n_summary < max && (!max_words || words < max_words)) {
		double best = 0, best_fit = 0;
		uint32_t best_k = UINT32_MAX, fit_k = UINT32_MAX;
		for (uint32_t k = 0; k < n_cand; k++) {
			const cand *cd = &cs[k];
			uint32_t u = cd->unit;
			if (taken[u])
				continue;
			uint32_t nf = facts_of_sentence(st, fact_of, u, fs,
			                                MAX_SENT_FACTS);
			double fgain = 0;
			int mixed = 0;
			for (uint32_t i = 0; i < nf; i++) {
				const cr_bfact *f = &b->facts[fs[i]];
				/* the square favours what most outlets say */
				if (!told[fs[i]])
					fgain +=
					        f->independent > 1
					                ? (double)f->independent *
					                          f->independent
					                : 0.5;
				if (i && !cr_artset_equal(f->arts,
				                          b->facts[fs[0]].arts))
					mixed = 1;
			}
			/* it must tell a fact of its own: a restatement
			 * would carry the sources of another wording */
			if (fgain <= 0 || !tells_own(st, fact_of, own, told, u))
				continue;
			double cgain = 0;
			for (uint32_t i = cd->c_begin; i < cd->c_end; i++)
				if (!told_c[pool[i]])
					cgain += cc.w[pool[i]];
			const cr_unit *un = &st->units[u];
			const cr_article *a = st->arts[un->art];
			double lead =
			        a->n_sents ? 1.0 - (double)un->sent / a->n_sents
			                   : 0;
			double gain = (cgain + FACT_WEIGHT * fgain) *
			              (mixed ? MIXED : 1.0);
			double score = gain / cd->words *
			               (1.0 + lead_weight * lead) *
			               (1.0 + FOCUS_WEIGHT * cd->focus) *
			               (cd->quoted ? QUOTED : 1.0);
			if (score > best) {
				best = score;
				best_k = k;
			}
			if (score > best_fit &&
			    (!max_words || words + cd->words <= max_words)) {
				best_fit = score;
				fit_k = k;
			}
		}
		/* The end of the budget goes to the best sentence that fits
		 * whole rather than to the start of one cut short. */
		if (fit_k != UINT32_MAX)
			best_k = fit_k;
		if (best_k == UINT32_MAX)
			break;
		const cand *cd = &cs[best_k];
		uint32_t bu = cd->unit;
		taken[bu] = 1;
		for (uint32_t i = cd->c_begin; i < cd->c_end; i++)
			told_c[pool[i]] = 1;
		uint32_t nf =
		        facts_of_sentence(st, fact_of, bu, fs, MAX_SENT_FACTS);
		for (uint32_t k = 0; k < nf; k++)
			told[fs[k]] = 1;
		cr_bsentence *sm = &b->summary[b->n_summary++];
		sm->text = trim_text(st, bu, &cd->tr);
		/* A sentence of one fact carries that fact's articles; one of
		 * several carries those that state it whole. */
		if (nf == 1)
			sm->arts = b->facts[fs[0]].arts;
		else
			sm->arts = cr_artset_from_mask(
			        st->arena, cr_unit_support(st, bu), st->n_arts);
		if (!sm->text || !sm->arts.idx)
			goto out;
		if (max_words) {
			uint32_t n = text_words(sm->text);
			if (words + n > max_words &&
			    !(sm->text = cut_words(st->arena, sm->text,
			                           max_words - words)))
				goto out;
			words += n;
		}
	}
	e = CR_OK;
out:
	free(taken);
	free(told);
	free(told_c);
	free(cs);
	free(pool);
	free(cc.focused);
	free(cc.in);
	free(cc.last);
	free(cc.w);
	free(cc.idx);
	free(cc.key);
	return e;
}

/*
 * align.c - units of a story and how much one states of another.
 *
 * A unit is a sentence or, where a sentence joins statements ("..., while
 * the Greek embassy closed", "..., marking a shift before ..."), a clause
 * of it. Its terms are the content words' stems, numbers and entity
 * names; a small table folds the synonyms news copy uses for the same
 * act (shut, shutter and close; allow, permit, authorise and approve),
 * and demonyms fold into their country, so "the Spanish embassy" and
 * "the embassy of Spain" share terms. Terms are weighted by inverse
 * document frequency over the story's own sentences: the words every
 * article repeats (the story's topic) weigh little, the words that carry
 * a particular statement weigh much.
 *
 * Whether one unit states another is decided on features of the pair
 * (cr_unit_features: weighted, idf and count Dice, coverages, word order
 * as a longest common subsequence, adjacent pairs, length ratio, numbers
 * and dates one side lacks, negation, a person one side lacks, words left
 * over, and the machine-translation metrics' view of the words as
 * written: BLEU-style n-gram matches and precisions, character n-grams,
 * edit distance, numbers and names one side lacks, and what one side
 * adds: a clause at either end, connectives, reporting words) combined
 * by a logistic regression learnt on MRPC train with bench/align-eval; the
 * hand-set rule of weighted Dice or coverage over idf^2 weights still decides
 * where it is surer, as it suits stories of many articles, and the model lets
 * stories of two or three short reports align, where idf says little. The
 * hand-written synonym table is small; no synonyms are learnt yet. See
 * docs/briefing.md.
 */
#include "brief/story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "text/entity.h"
#include "text/lexicon.h"

/* Clause breaks: a comma or semicolon followed by one of these words
 * starts a new statement. */
static const char *const clause_openers[] = {
        "while",      "whereas",   "with",  "adding",   "marking",
        "prompting",  "meaning",   "but",   "although", "though",
        "the latest", "according", "where",
};

/* Synonyms, by Snowball stem: each maps to the first of its group.
 * Sorted by from (strcmp order; cr_align_tables_ok() checks), since every
 * word of every unit is looked up. */
static const struct {
	const char *from, *to;
} synonyms[] = {
        {"anti-personnel", "antipersonnel"},
        {"approv", "allow"},
        {"approval", "allow"},
        {"arsenal", "weapon"},
        {"atacm", "atacms"},
        {"authoris", "allow"},
        {"authoriz", "allow"},
        {"closur", "close"},
        {"conflict", "war"},
        {"decreas", "lower"},
        {"deleg", "embassi"},
        {"employe", "staff"},
        {"green-light", "allow"},
        {"green-lit", "allow"},
        {"instruct", "advis"},
        {"kiev", "kyiv"},
        {"kremlin", "moscow"},
        {"landmin", "mine"},
        {"permit", "allow"},
        {"reduc", "lower"},
        {"reopen", "open"},
        {"shut", "close"},
        {"shutter", "close"},
        {"threat", "threat"},
        {"told", "advis"},
        {"troop", "soldier"},
        {"u.s", "us"},
        {"u.s.", "us"},
        {"urg", "advis"},
        {"us-mad", "us-made"},
        {"us-suppli", "us-made"},
        {"util", "use"},
        {"utilis", "use"},
        {"utiliz", "use"},
        {"warn", "warn"},
};

/* Words that negate a status word a few tokens on ("decided not to
 * close"): the pair is read as the opposite state, so "did not close"
 * and "remains open" share a term. */
static const char *const negators[] = {"not", "no", "never", "n't"};

static const char *fold_synonym(const char *stem)
{
	size_t lo = 0, hi = sizeof synonyms / sizeof *synonyms;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(stem, synonyms[mid].from);
		if (c == 0)
			return synonyms[mid].to;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return stem;
}

/* The words of pins_statement(), sorted (strcmp order) for
 * cr_lexicon_has(). */
static const char *const pin_words[] = {
        "april",    "august",  "billion",  "december", "dozen",     "eight",
        "february", "five",    "four",     "friday",   "hundred",   "january",
        "july",     "june",    "march",    "million",  "monday",    "nine",
        "november", "october", "one",      "saturday", "september", "seven",
        "six",      "sunday",  "ten",      "thousand", "three",     "thursday",
        "tuesday",  "two",     "wednesday"};
;

/* Numbers, weekdays and months pin a statement to one event: two reports
 * that share "six" and "Tuesday" are likely telling the same thing. */
static int pins_statement(const cr_token *t)
{
	if (t->flags & CR_TOK_NUM)
		return 1;
	return cr_lexicon_has(pin_words, CR_COUNT(pin_words), t->norm);
}

int cr_align_tables_ok(void)
{
	for (size_t i = 1; i < CR_COUNT(synonyms); i++)
		if (strcmp(synonyms[i - 1].from, synonyms[i].from) >= 0)
			return 0;
	return cr_lexicon_sorted(pin_words, CR_COUNT(pin_words));
}

static uint64_t term_id(const char *s, size_t n)
{
	return XXH3_64bits(s, n);
}

static int cmp_term(const void *x, const void *y)
{
	const cr_term *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Collects the term ids of tokens [tb, te) of article a into out (at most
 * CR_BRIEF_MAX_TERMS), sorted and unique; returns the count. */
static uint32_t collect_terms(const cr_article *a, uint32_t tb, uint32_t te,
                              cr_span span, cr_term *out)
{
	uint32_t n = 0;
	for (uint32_t i = tb; i < te && n < CR_BRIEF_MAX_TERMS; i++) {
		const cr_token *t = &a->toks[i];
		if (t->span.off < span.off ||
		    t->span.off + t->span.len > span.off + span.len)
			continue;
		const char *s = NULL;
		if (t->flags & CR_TOK_NUM) {
			s = t->norm;
		} else if (t->flags & CR_TOK_WORD) {
			/* "US" is a country, not the pronoun. */
			if ((t->flags & CR_TOK_STOP) &&
			    !(t->flags & CR_TOK_UPPER))
				continue;
			size_t len = strlen(t->norm);
			const char *country = cr_country_of(t->norm, len);
			if (country) {
				out[n].boost = 1;
				out[n].person = 0;
				out[n++].id =
				        term_id(country, strlen(country)) ^ 1;
				continue;
			}
			if (len < 2)
				continue;
			s = fold_synonym(t->stem);
			if (!strcmp(s, "close") || !strcmp(s, "open")) {
				int neg = 0;
				for (uint32_t k = i > tb + 3 ? i - 3 : tb;
				     k < i; k++)
					for (size_t m = 0;
					     m <
					     sizeof negators / sizeof *negators;
					     m++)
						neg |= !strcmp(a->toks[k].norm,
						               negators[m]);
				if (neg)
					s = !strcmp(s, "close") ? "open"
					                        : "close";
			}
		}
		if (s) {
			out[n].boost = pins_statement(t) ? 2 : 1;
			out[n].person = 0;
			out[n++].id = term_id(s, strlen(s));
		}
	}
	/* Entity names add a term of their own: "Joe Biden" and "Biden" share
	 * the surname term already; this marks the whole name. */
	for (uint32_t i = 0; i < a->n_ments && n < CR_BRIEF_MAX_TERMS; i++) {
		const cr_mention *m = &a->ments[i];
		if (m->span.off < span.off ||
		    m->span.off + m->span.len > span.off + span.len || !m->name)
			continue;
		const char *country = cr_country_of(m->name, strlen(m->name));
		const char *nm = country ? country : m->name;
		out[n].boost = 1;
		out[n].person = 0;
		if (m->type == CR_ENT_PERSON && !country) {
			/* A person is named by the surname: "Biden" and "Joe
			 * Biden" are one term. */
			const char *sp = strrchr(nm, ' ');
			nm = sp ? sp + 1 : nm;
			out[n].person = 1;
			out[n++].id = term_id(nm, strlen(nm)) ^ 3;
			continue;
		}
		out[n++].id = term_id(nm, strlen(nm)) ^ 1;
	}
	qsort(out, n, sizeof *out, cmp_term);
	uint32_t k = 0;
	for (uint32_t i = 0; i < n; i++)
		if (k == 0 || out[k - 1].id != out[i].id)
			out[k++] = out[i];
	return k;
}

/* A lower-case word that looks like a verb in the past tense. Without a
 * part-of-speech tagger this is a guess, used only after "and". */
static int is_past_verb(const cr_token *t)
{
	size_t n = strlen(t->norm);
	return (t->flags & CR_TOK_WORD) && !(t->flags & CR_TOK_CAP) && n > 4 &&
	       !strcmp(t->norm + n - 2, "ed");
}

/* "after" or "following" that opens a clause with its own subject: a
 * name or a determiner follows ("... closed their doors after Washington
 * received ..."), not a bare noun ("following months of hesitation"). */
static int is_subordinator(const cr_article *a, uint32_t ti, uint32_t te)
{
	const char *w = a->toks[ti].norm;
	if (strcmp(w, "after") && strcmp(w, "following"))
		return 0;
	if (ti + 1 >= te)
		return 0;
	/* "three days after" dates an event; it opens no clause */
	if (ti > 0) {
		const char *prev = a->toks[ti - 1].stem;
		if (!strcmp(prev, "day") || !strcmp(prev, "week") ||
		    !strcmp(prev, "month") || !strcmp(prev, "year") ||
		    !strcmp(prev, "hour") || !strcmp(prev, "shortly") ||
		    !strcmp(prev, "soon") || !strcmp(prev, "just"))
			return 0;
	}
	const cr_token *next = &a->toks[ti + 1];
	if ((next->flags & CR_TOK_CAP) && (next->flags & CR_TOK_WORD))
		return 1;
	return !strcmp(next->norm, "the") && ti + 2 < te &&
	       (a->toks[ti + 2].flags & CR_TOK_CAP);
}

static int is_opener(const cr_article *a, uint32_t ti, uint32_t te)
{
	const char *w = a->toks[ti].norm;
	for (size_t i = 0; i < sizeof clause_openers / sizeof *clause_openers;
	     i++) {
		const char *o = clause_openers[i];
		const char *sp = strchr(o, ' ');
		if (!sp) {
			if (!strcmp(w, o))
				return 1;
		} else if (ti + 1 < te && !strncmp(w, o, (size_t)(sp - o)) &&
		           w[sp - o] == '\0' &&
		           !strcmp(a->toks[ti + 1].norm, sp + 1)) {
			return 1;
		}
	}
	return 0;
}

/* Words in tokens [b, e) of a. */
static uint32_t count_words(const cr_article *a, uint32_t b, uint32_t e)
{
	uint32_t n = 0;
	for (uint32_t i = b; i < e; i++)
		n += (a->toks[i].flags & (CR_TOK_WORD | CR_TOK_NUM)) != 0;
	return n;
}

static int quote_depth_at(const cr_article *a, uint32_t tb, uint32_t ti)
{
	int depth = 0;
	for (uint32_t i = tb; i < ti; i++)
		if (a->toks[i].flags & CR_TOK_QUOTE)
			depth ^= 1;
	return depth;
}

static cr_err push_unit(cr_story *st, uint32_t *cap, cr_unit u)
{
	if (st->n_units >= CR_BRIEF_MAX_UNITS)
		return CR_OK;
	if (st->n_units == *cap) {
		uint32_t nc = *cap ? *cap * 2 : 256;
		cr_unit *nu = cr_arena_grow(st->arena, st->units, *cap, nc,
		                            sizeof *nu);
		if (!nu)
			return CR_ENOMEM;
		st->units = nu;
		*cap = nc;
	}
	st->units[st->n_units++] = u;
	return CR_OK;
}

static cr_err add_sentence_units(cr_story *st, uint32_t ai, uint32_t si,
                                 uint32_t *cap, cr_term *scratch)
{
	const cr_article *a = st->arts[ai];
	const cr_sentence *s = &a->sents[si];
	cr_unit whole = {.art = ai, .sent = si, .span = s->span};
	whole.parent = st->n_units;
	/* A sentence that is only a quotation belongs to the quotes. */
	uint32_t tb = s->tok_begin, te = s->tok_end;
	if (te > tb && (a->toks[tb].flags & CR_TOK_QUOTE)) {
		uint32_t last = te - 1;
		while (last > tb && (a->toks[last].flags & CR_TOK_PUNCT) &&
		       !(a->toks[last].flags & CR_TOK_QUOTE))
			last--;
		if (last > tb && (a->toks[last].flags & CR_TOK_QUOTE))
			whole.is_quote_only = 1;
	}
	uint32_t n = collect_terms(a, tb, te, s->span, scratch);
	whole.terms = cr_arena_alloc(st->arena, (n ? n : 1) * sizeof(cr_term));
	if (!whole.terms)
		return CR_ENOMEM;
	memcpy(whole.terms, scratch, n * sizeof(cr_term));
	whole.n_terms = n;
	uint32_t parent = st->n_units;
	cr_err e = push_unit(st, cap, whole);
	if (e != CR_OK)
		return e;

	/* Clauses: cut at ", <opener>" or ";" outside quotation marks, or
	 * before a subordinator that opens a clause, when both sides keep at
	 * least four words (six before a subordinator). cut[k] is the end of
	 * clause k (exclusive); skip[k] the tokens dropped after it (the
	 * comma, or nothing before a subordinator). */
	uint32_t start = tb;
	uint32_t cut[16], skip[16], n_cuts = 0;
	for (uint32_t i = tb + 1; i + 1 < te && n_cuts < 15; i++) {
		const char *w = a->toks[i].norm;
		uint32_t sk = 1;
		int is_cut = 0;
		if (!strcmp(w, ";")) {
			is_cut = 1;
		} else if (!strcmp(w, ",") && is_opener(a, i + 1, te)) {
			is_cut = 1;
		} else if (is_subordinator(a, i, te) &&
		           count_words(a, start, i) >= 6) {
			is_cut = 1;
			sk = 0;
		} else if (!strcmp(w, "and") && is_past_verb(&a->toks[i + 1]) &&
		           count_words(a, start, i) >= 5) {
			/* "... instructed staff to stay and urged citizens ..."
			 * joins two acts of one subject */
			is_cut = 1;
		}
		if (!is_cut || quote_depth_at(a, tb, i))
			continue;
		if (count_words(a, start, i) < 4 ||
		    count_words(a, i + sk, te) < 4)
			continue;
		cut[n_cuts] = i;
		skip[n_cuts++] = sk;
		start = i + sk;
	}
	if (n_cuts == 0)
		return CR_OK;
	cut[n_cuts] = te;
	skip[n_cuts] = 0;
	start = tb;
	for (uint32_t c = 0; c <= n_cuts; c++) {
		uint32_t b = start, end = cut[c];
		start = end + skip[c];
		if (b >= end)
			continue;
		const cr_token *first = &a->toks[b], *lastt = &a->toks[end - 1];
		cr_span sp = {first->span.off, lastt->span.off +
		                                       lastt->span.len -
		                                       first->span.off};
		cr_unit cl = {.art = ai,
		              .sent = si,
		              .span = sp,
		              .clause = 1,
		              .parent = parent};
		uint32_t k = collect_terms(a, b, end, sp, scratch);
		cl.terms = cr_arena_alloc(st->arena,
		                          (k ? k : 1) * sizeof(cr_term));
		if (!cl.terms)
			return CR_ENOMEM;
		memcpy(cl.terms, scratch, k * sizeof(cr_term));
		cl.n_terms = k;
		if ((e = push_unit(st, cap, cl)) != CR_OK)
			return e;
	}
	return CR_OK;
}

typedef struct df_entry {
	uint64_t id;
	uint32_t df;
} df_entry;

static int cmp_df(const void *x, const void *y)
{
	const df_entry *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

static cr_err unit_sequences(cr_story *st);

cr_err cr_story_units(cr_story *st)
{
	cr_term scratch[CR_BRIEF_MAX_TERMS + 16];
	uint32_t cap = 0;
	uint32_t n_sents = 0;
	for (uint32_t ai = 0; ai < st->n_arts; ai++) {
		const cr_article *a = st->arts[ai];
		for (uint32_t si = 0; si < a->n_sents; si++) {
			cr_err e =
			        add_sentence_units(st, ai, si, &cap, scratch);
			if (e != CR_OK)
				return e;
			n_sents++;
		}
	}
	/* Document frequency over whole sentences. */
	size_t total = 0;
	for (uint32_t u = 0; u < st->n_units; u++)
		if (!st->units[u].clause)
			total += st->units[u].n_terms;
	df_entry *df = malloc((total ? total : 1) * sizeof *df);
	if (!df)
		return CR_ENOMEM;
	size_t k = 0;
	for (uint32_t u = 0; u < st->n_units; u++) {
		if (st->units[u].clause)
			continue;
		for (uint32_t t = 0; t < st->units[u].n_terms; t++)
			df[k++] = (df_entry){st->units[u].terms[t].id, 1};
	}
	qsort(df, k, sizeof *df, cmp_df);
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		if (m && df[m - 1].id == df[i].id)
			df[m - 1].df++;
		else
			df[m++] = df[i];
	}
	double N = n_sents ? n_sents : 1;
	for (uint32_t u = 0; u < st->n_units; u++) {
		cr_unit *un = &st->units[u];
		un->weight = 0;
		for (uint32_t t = 0; t < un->n_terms; t++) {
			df_entry key = {un->terms[t].id, 0};
			df_entry *hit =
			        bsearch(&key, df, m, sizeof *df, cmp_df);
			double d = hit ? hit->df : 1;
			double idf = log((N + 1.0) / d);
			un->terms[t].w =
			        (float)(idf * idf * un->terms[t].boost);
			un->weight += un->terms[t].w;
		}
	}
	free(df);

	st->ubeg =
	        cr_arena_alloc(st->arena, (st->n_arts + 1) * sizeof *st->ubeg);
	st->uend =
	        cr_arena_alloc(st->arena, (st->n_arts + 1) * sizeof *st->uend);
	if (!st->ubeg || !st->uend)
		return CR_ENOMEM;
	for (uint32_t u = st->n_units; u-- > 0;)
		st->ubeg[st->units[u].art] = u;
	for (uint32_t u = 0; u < st->n_units; u++)
		st->uend[st->units[u].art] = u + 1;
	return unit_sequences(st);
}

static double shared_weight(const cr_unit *a, const cr_unit *b)
{
	double s = 0;
	uint32_t i = 0, j = 0;
	while (i < a->n_terms && j < b->n_terms) {
		if (a->terms[i].id == b->terms[j].id) {
			s += a->terms[i].w;
			i++;
			j++;
		} else if (a->terms[i].id < b->terms[j].id) {
			i++;
		} else {
			j++;
		}
	}
	return s;
}

double cr_unit_coverage(const cr_story *st, uint32_t u, uint32_t v)
{
	const cr_unit *a = &st->units[u], *b = &st->units[v];
	if (a->weight <= 0)
		return 0;
	return shared_weight(a, b) / a->weight;
}

double cr_unit_similarity(const cr_story *st, uint32_t u, uint32_t v)
{
	const cr_unit *a = &st->units[u], *b = &st->units[v];
	double den = a->weight + b->weight;
	return den > 0 ? 2 * shared_weight(a, b) / den : 0;
}

/* 1 when a names a person b does not. */
static int missing_person(const cr_unit *a, const cr_unit *b)
{
	for (uint32_t i = 0; i < a->n_terms; i++) {
		if (!a->terms[i].person)
			continue;
		int found = 0;
		for (uint32_t j = 0; j < b->n_terms && !found; j++)
			found = b->terms[j].id == a->terms[i].id;
		if (!found)
			return 1;
	}
	return 0;
}

static int in_span(cr_span outer, cr_span x)
{
	return x.off >= outer.off && x.off + x.len <= outer.off + outer.len;
}

/* 1 when unit u of article a writes the value v (as a number or a
 * total). */
static int writes_value(const cr_article *a, cr_span u, double v)
{
	for (uint32_t i = 0; i < a->n_nums; i++)
		if (in_span(u, a->nums[i].span) &&
		    (a->nums[i].value == v || a->nums[i].total == v))
			return 1;
	return 0;
}

static int has_term(const cr_unit *u, uint64_t id)
{
	for (uint32_t i = 0; i < u->n_terms; i++)
		if (u->terms[i].id == id)
			return 1;
	return 0;
}

/* 1 when one statement has a thing open and the other closed (after
 * negation: "did not close" is open). Such statements disagree. */
static int states_disagree(const cr_unit *x, const cr_unit *y)
{
	uint64_t open = term_id("open", 4), close = term_id("close", 5);
	int xo = has_term(x, open), xc = has_term(x, close);
	int yo = has_term(y, open), yc = has_term(y, close);
	return (xo && !xc && yc && !yo) || (xc && !xo && yo && !yc);
}

/* 1 when the two statements give different values for the same counted
 * thing ("injuring 12 people" and "injuring 14 people"): they disagree,
 * so neither supports the other; the conflict says so instead. */
static int numbers_disagree(const cr_story *st, const cr_unit *x,
                            const cr_unit *y)
{
	const cr_article *a = st->arts[x->art], *b = st->arts[y->art];
	for (uint32_t i = 0; i < a->n_nums; i++) {
		const cr_number *na = &a->nums[i];
		if (!in_span(x->span, na->span) || na->is_year || na->approx)
			continue;
		const char *ka = na->counts ? na->counts : na->unit;
		if (!ka)
			continue;
		for (uint32_t j = 0; j < b->n_nums; j++) {
			const cr_number *nb = &b->nums[j];
			if (!in_span(y->span, nb->span) || nb->is_year ||
			    nb->approx || nb->value == na->value)
				continue;
			const char *kb = nb->counts ? nb->counts : nb->unit;
			if (!kb || strcmp(ka, kb))
				continue;
			if (!writes_value(b, y->span, na->value) &&
			    !writes_value(a, x->span, nb->value))
				return 1;
		}
	}
	return 0;
}

/* Content stems of a unit in text order, for word order: the folded stems
 * of its content words and its numbers, at most MAX_SEQ. */
#define MAX_SEQ  64u
#define MAX_TEXT 512u /* bytes of a unit's text for character n-grams */

static uint32_t content_seq(const cr_story *st, const cr_unit *un,
                            uint64_t *out, uint32_t *n_neg)
{
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	uint32_t n = 0;
	*n_neg = 0;
	for (uint32_t i = s->tok_begin; i < s->tok_end && n < MAX_SEQ; i++) {
		const cr_token *t = &a->toks[i];
		if (!in_span(un->span, t->span))
			continue;
		for (size_t m = 0; m < sizeof negators / sizeof *negators; m++)
			*n_neg += !strcmp(t->norm, negators[m]);
		if (t->flags & CR_TOK_NUM) {
			out[n++] = term_id(t->norm, strlen(t->norm));
		} else if ((t->flags & CR_TOK_WORD) &&
		           !(t->flags & CR_TOK_STOP)) {
			const char *f = fold_synonym(t->stem);
			out[n++] = term_id(f, strlen(f));
		}
	}
	return n;
}

/* The words of a unit as written, in text order: ids of the lower-case
 * forms (stopwords kept, punctuation dropped), of their stems, and a
 * flag for a capitalised word that does not open the sentence (a name,
 * most likely); at most MAX_SEQ. The MT-style features compare these,
 * as BLEU and TER compare a hypothesis with its reference. */
typedef struct surface {
	uint64_t word[MAX_SEQ], stem[MAX_SEQ], prefix[MAX_SEQ];
	uint8_t cap[MAX_SEQ], stop[MAX_SEQ];
	uint32_t n, n_quotes, n_said;
	uint32_t links, says; /* as in cr_unit */
	/* the words' folded forms joined by single spaces, for the
	 * character n-grams */
	char text[MAX_TEXT];
	uint32_t text_len;
} surface;

/* Words that join a clause to a statement: one report that adds a
 * clause the other lacks says more than it. */
static const char *const connectives[] = {
        "and",   "but",      "if",     "when",  "because", "then",
        "while", "although", "though", "after", "before",  "until",
        "so",    "whether",  "which",  "who",   "where",   "unless",
};

/* Words of reporting, not of the report: who said it and when it was
 * said differ between outlets that state the same thing. */
static const char *const reporting[] = {
        "said",      "says",      "told",        "according", "added",
        "statement", "spokesman", "spokeswoman", "reporters", "announced",
        "yesterday", "today",     "reported",    "tuesday",   "wednesday",
        "thursday",  "monday",    "friday",      "saturday",  "sunday",
};

static uint32_t set_bits(uint32_t x)
{
	uint32_t k = 0;
	for (; x; x &= x - 1)
		k++;
	return k;
}

/* Bit i set when the word is list[i] (n of them, at most 32). */
static uint32_t list_bit(const char *norm, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (norm[0] == list[i][0] && !strcmp(norm, list[i]))
			return 1u << i;
	return 0;
}

/* Verbs that attribute a statement: one report says who said it, the
 * other states it, and MRPC's annotators often split on that. */
static int is_attribution(const cr_token *t)
{
	static const char *const said[] = {"said",  "says",      "say",
	                                   "told",  "according", "announced",
	                                   "added", "stated"};
	for (size_t i = 0; i < sizeof said / sizeof *said; i++)
		if (t->norm[0] == said[i][0] && !strcmp(t->norm, said[i]))
			return 1;
	return 0;
}

static void surface_seq(const cr_story *st, const cr_unit *un, surface *out)
{
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	out->n = out->n_quotes = out->n_said = out->text_len = 0;
	out->links = out->says = 0;
	for (uint32_t i = s->tok_begin; i < s->tok_end && out->n < MAX_SEQ;
	     i++) {
		const cr_token *t = &a->toks[i];
		if (!in_span(un->span, t->span))
			continue;
		out->n_quotes += (t->flags & CR_TOK_QUOTE) != 0;
		if (!(t->flags & (CR_TOK_WORD | CR_TOK_NUM)))
			continue;
		out->n_said += is_attribution(t);
		out->links |=
		        list_bit(t->norm, connectives,
		                 sizeof connectives / sizeof *connectives);
		out->says |= list_bit(t->norm, reporting,
		                      sizeof reporting / sizeof *reporting);
		const char *f = fold_synonym(t->stem);
		size_t len = strlen(t->norm);
		out->word[out->n] = term_id(t->norm, len);
		out->stem[out->n] = term_id(f, strlen(f));
		out->prefix[out->n] = term_id(t->norm, len < 5 ? len : 5);
		out->cap[out->n] = (t->flags & CR_TOK_CAP) &&
		                   !(t->flags & CR_TOK_SENT0) &&
		                   (t->flags & CR_TOK_WORD);
		out->stop[out->n] = (t->flags & CR_TOK_STOP) != 0;
		out->n++;
		if (out->text_len + len + 1 < MAX_TEXT) {
			if (out->text_len)
				out->text[out->text_len++] = ' ';
			memcpy(out->text + out->text_len, t->norm, len);
			out->text_len += (uint32_t)len;
		}
	}
}

/* Sorts a[0..n) through tmp (n values): least significant byte first,
 * four passes. A unit's grams are a few hundred: qsort's calls through
 * a comparator cost more than the units' other work together. */
static void radix_sort(uint32_t *a, uint32_t *tmp, uint32_t n)
{
	for (uint32_t shift = 0; shift < 32; shift += 8) {
		uint32_t count[257] = {0};
		for (uint32_t i = 0; i < n; i++)
			count[(a[i] >> shift & 0xff) + 1]++;
		for (uint32_t b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (uint32_t i = 0; i < n; i++)
			tmp[count[a[i] >> shift & 0xff]++] = a[i];
		memcpy(a, tmp, n * sizeof *a);
	}
}

/* The character 3-grams of text as their three bytes, and its 5-grams
 * hashed (the top bit set), sorted; their number. out and tmp hold
 * 2 * len values. */
static uint32_t char_grams(const unsigned char *text, uint32_t len,
                           uint32_t *out, uint32_t *tmp)
{
	uint32_t n = 0;
	/* 3-grams are below 1 << 24, so they sort before every 5-gram. */
	for (uint32_t i = 0; i + 3 <= len; i++)
		out[n++] = (uint32_t)text[i] << 16 |
		           (uint32_t)text[i + 1] << 8 | text[i + 2];
	for (uint32_t i = 0; i + 5 <= len; i++) {
		uint64_t x = 0;
		for (uint32_t k = 0; k < 5; k++)
			x = x << 8 | text[i + k];
		out[n++] =
		        (uint32_t)(x * 0x9e3779b97f4a7c15ull >> 33) | 1u << 31;
	}
	radix_sort(out, tmp, n);
	return n;
}

/* n-grams of x matched in y, each of y's used at most once (BLEU's
 * clipped counts). */
static uint32_t clipped_ngrams(const uint64_t *x, uint32_t nx,
                               const uint64_t *y, uint32_t ny, uint32_t n)
{
	uint8_t used[MAX_SEQ] = {0};
	uint32_t k = 0;
	if (nx < n || ny < n)
		return 0;
	for (uint32_t i = 0; i + n <= nx; i++)
		for (uint32_t j = 0; j + n <= ny; j++) {
			/* ids compared in line: a memcmp call per pair of
			 * positions was a sixth of the briefing's time */
			if (used[j] || x[i] != y[j])
				continue;
			uint32_t m = 1;
			while (m < n && x[i + m] == y[j + m])
				m++;
			if (m < n)
				continue;
			used[j] = 1;
			k++;
			break;
		}
	return k;
}

/* The n-gram kinds whose sorted start positions each unit keeps
 * (cr_unit.ng): the words as written, one to four at a time; their
 * stems; their five-letter prefixes. */
enum { NG_WORD1, NG_WORD2, NG_WORD3, NG_WORD4, NG_STEM1, NG_PREFIX1, NG_KINDS };
static const uint8_t NG_N[NG_KINDS] = {1, 2, 3, 4, 1, 1};

static int tuple_cmp(const uint64_t *x, const uint64_t *y, uint32_t n)
{
	for (uint32_t m = 0; m < n; m++)
		if (x[m] != y[m])
			return x[m] < y[m] ? -1 : 1;
	return 0;
}

/* Sorts the start positions of seq's n-grams (seq has ns ids, ns <=
 * MAX_SEQ) into ord; returns their number. */
static uint32_t sort_ngrams(const uint64_t *seq, uint32_t ns, uint32_t n,
                            uint8_t *ord)
{
	if (ns < n)
		return 0;
	uint32_t m = ns - n + 1;
	for (uint32_t i = 0; i < m; i++) {
		uint32_t j = i;
		for (; j > 0 && tuple_cmp(seq + ord[j - 1], seq + i, n) > 0;
		     j--)
			ord[j] = ord[j - 1];
		ord[j] = (uint8_t)i;
	}
	return m;
}

/* The sequence an n-gram kind is made of. */
static const uint64_t *ng_seq(const cr_unit *u, int kind)
{
	return kind == NG_STEM1     ? u->stems
	       : kind == NG_PREFIX1 ? u->prefixes
	                            : u->words;
}

/* clipped_ngrams() of the two units' n-grams of one kind, from their
 * sorted orders: with each of b's used at most once, the matches are the
 * size of the two multisets' intersection, which one merge counts.
 * *ma and *mb get the two n-gram counts. */
static uint32_t unit_shared_ngrams(const cr_unit *a, const cr_unit *b, int kind,
                                   uint32_t *ma, uint32_t *mb)
{
	uint32_t n = NG_N[kind];
	const uint64_t *x = ng_seq(a, kind), *y = ng_seq(b, kind);
	const uint8_t *ox = a->ng + kind * a->n_words,
	              *oy = b->ng + kind * b->n_words;
	uint32_t nx = a->n_words >= n ? a->n_words - n + 1u : 0;
	uint32_t ny = b->n_words >= n ? b->n_words - n + 1u : 0;
	uint32_t i = 0, j = 0, k = 0;
	while (i < nx && j < ny) {
		int c = tuple_cmp(x + ox[i], y + oy[j], n);
		k += c == 0;
		i += c <= 0;
		j += c >= 0;
	}
	*ma = nx;
	*mb = ny;
	return k;
}

/* ngram_f() of the two units' n-grams of one kind. */
static double unit_ngram_f(const cr_unit *a, const cr_unit *b, int kind)
{
	uint32_t nx, ny;
	uint32_t k = unit_shared_ngrams(a, b, kind, &nx, &ny);
	return nx && ny ? 2.0 * k / (double)(nx + ny) : 0;
}

/* F measure of the n-gram precisions both ways. */
static double ngram_f(const uint64_t *x, uint32_t nx, const uint64_t *y,
                      uint32_t ny, uint32_t n)
{
	if (nx < n || ny < n)
		return 0;
	uint32_t k = clipped_ngrams(x, nx, y, ny, n);
	return 2.0 * k / (double)(nx - n + 1 + ny - n + 1);
}

/* Word-level edit distance (insertions, deletions, substitutions). */
static uint32_t edit_distance(const uint64_t *x, uint32_t nx, const uint64_t *y,
                              uint32_t ny)
{
	uint32_t row[MAX_SEQ + 1];
	for (uint32_t j = 0; j <= ny; j++)
		row[j] = j;
	for (uint32_t i = 0; i < nx; i++) {
		uint32_t diag = row[0];
		row[0] = i + 1;
		for (uint32_t j = 0; j < ny; j++) {
			uint32_t up = row[j + 1];
			uint32_t best = diag + (x[i] != y[j]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			row[j + 1] = best;
			diag = up;
		}
	}
	return row[ny];
}

/* Capitalised words of x (names) that y does not write. */
static uint32_t caps_left(const cr_unit *x, const cr_unit *y)
{
	uint32_t k = 0;
	for (uint32_t i = 0; i < x->n_words; i++) {
		if (!x->caps[i])
			continue;
		int found = 0;
		for (uint32_t j = 0; j < y->n_words && !found; j++)
			found = x->words[i] == y->words[j];
		k += !found;
	}
	return k;
}

/* Builds every unit's word sequences into the arena: cr_unit_features
 * compares them for each candidate pair, so each unit's are made once,
 * not once per pair. */
static cr_err unit_sequences(cr_story *st)
{
	surface *sf = malloc(sizeof *sf);
	uint32_t *grams = malloc(4 * MAX_TEXT * sizeof *grams);
	if (!sf || !grams) {
		free(sf);
		free(grams);
		return CR_ENOMEM;
	}
	cr_err e = CR_OK;
	for (uint32_t u = 0; u < st->n_units; u++) {
		cr_unit *un = &st->units[u];
		uint64_t content[MAX_SEQ];
		uint32_t n_neg;
		uint32_t nc = content_seq(st, un, content, &n_neg);
		surface_seq(st, un, sf);
		uint32_t ng =
		        char_grams((const unsigned char *)sf->text,
		                   sf->text_len, grams, grams + 2 * MAX_TEXT);
		size_t bytes = (nc + 3 * (size_t)sf->n) * sizeof(uint64_t) +
		               ng * sizeof(uint32_t) +
		               (2 + NG_KINDS) * (size_t)sf->n;
		uint64_t *v = cr_arena_alloc(st->arena, bytes ? bytes : 1);
		if (!v) {
			e = CR_ENOMEM;
			break;
		}
		memcpy(v, content, nc * sizeof *v);
		memcpy(v + nc, sf->word, sf->n * sizeof *v);
		memcpy(v + nc + sf->n, sf->stem, sf->n * sizeof *v);
		memcpy(v + nc + 2 * sf->n, sf->prefix, sf->n * sizeof *v);
		uint32_t *g = (uint32_t *)(v + nc + 3 * sf->n);
		memcpy(g, grams, ng * sizeof *g);
		uint8_t *caps = (uint8_t *)(g + ng);
		memcpy(caps, sf->cap, sf->n);
		memcpy(caps + sf->n, sf->stop, sf->n);
		un->content = v;
		un->words = v + nc;
		un->stems = v + nc + sf->n;
		un->prefixes = v + nc + 2 * sf->n;
		un->grams = g;
		un->n_grams = (uint16_t)ng;
		uint32_t n3 = 0;
		while (n3 < ng && !(g[n3] >> 31))
			n3++;
		un->n_grams3 = (uint16_t)n3;
		uint8_t *ord = caps + 2 * sf->n;
		for (int k = 0; k < NG_KINDS; k++)
			sort_ngrams(ng_seq(un, k), sf->n, NG_N[k],
			            ord + k * sf->n);
		un->ng = ord;
		un->caps = caps;
		un->stops = caps + sf->n;
		un->n_content = (uint8_t)nc;
		un->n_words = (uint8_t)sf->n;
		un->n_neg = (uint8_t)(n_neg < 255 ? n_neg : 255);
		un->n_quotes =
		        (uint8_t)(sf->n_quotes < 255 ? sf->n_quotes : 255);
		un->n_said = (uint8_t)(sf->n_said < 255 ? sf->n_said : 255);
		un->links = sf->links;
		un->says = sf->says;
	}
	free(grams);
	free(sf);
	return e;
}

/* Numbers of unit x (as written) that unit y does not write, and how
 * many x writes. */
static uint32_t numbers_left(const cr_story *st, const cr_unit *x,
                             const cr_unit *y, uint32_t *n_x)
{
	const cr_article *a = st->arts[x->art], *b = st->arts[y->art];
	uint32_t k = 0;
	*n_x = 0;
	for (uint32_t i = 0; i < a->n_nums; i++) {
		const cr_number *na = &a->nums[i];
		if (!in_span(x->span, na->span))
			continue;
		(*n_x)++;
		k += !writes_value(b, y->span, na->value);
	}
	return k;
}

/* Longest common subsequence of two id sequences (at most MAX_SEQ). */
static uint32_t lcs(const uint64_t *x, uint32_t nx, const uint64_t *y,
                    uint32_t ny)
{
	uint32_t row[MAX_SEQ + 1] = {0};
	for (uint32_t i = 0; i < nx; i++) {
		uint32_t diag = 0;
		for (uint32_t j = 0; j < ny; j++) {
			uint32_t up = row[j + 1];
			row[j + 1] = x[i] == y[j]  ? diag + 1
			             : up > row[j] ? up
			                           : row[j];
			diag = up;
		}
	}
	return row[ny];
}

/* Pairs of adjacent ids of x also adjacent in y. */
static uint32_t shared_bigrams(const uint64_t *x, uint32_t nx,
                               const uint64_t *y, uint32_t ny)
{
	uint32_t k = 0;
	for (uint32_t i = 0; i + 1 < nx; i++)
		for (uint32_t j = 0; j + 1 < ny; j++)
			if (x[i] == y[j] && x[i + 1] == y[j + 1]) {
				k++;
				break;
			}
	return k;
}

/* Weight of a's boosted terms (numbers, dates) that b lacks, over a's
 * boosted weight. */
static double unshared_pins(const cr_unit *a, const cr_unit *b)
{
	double all = 0, miss = 0;
	for (uint32_t i = 0; i < a->n_terms; i++) {
		if (a->terms[i].boost < 2)
			continue;
		all += a->terms[i].w;
		if (!has_term(b, a->terms[i].id))
			miss += a->terms[i].w;
	}
	return all > 0 ? miss / all : 0;
}

/* Dice of the two units' character 3-grams (*d3) and 5-grams (*d5),
 * counted as multisets. */
static void gram_dice(const cr_unit *a, const cr_unit *b, double *d3,
                      double *d5)
{
	uint32_t i = 0, j = 0, k[2] = {0, 0};
	uint32_t n[2] = {a->n_grams3 + b->n_grams3,
	                 a->n_grams - a->n_grams3 + b->n_grams - b->n_grams3};
	/* Branch-free: which side moves on is a coin toss to the branch
	 * predictor, and this merge runs for every pair the model scores. */
	while (i < a->n_grams && j < b->n_grams) {
		uint32_t x = a->grams[i], y = b->grams[j];
		k[x >> 31] += x == y;
		i += x <= y;
		j += x >= y;
	}
	*d3 = n[0] ? 2.0 * k[0] / n[0] : 0;
	*d5 = n[1] ? 2.0 * k[1] / n[1] : 0;
}

/* The longest run of x's content words that y lacks: a paraphrase
 * rewords here and there, a different statement adds a clause. */
static uint32_t unmatched_run(const cr_unit *x, const cr_unit *y)
{
	uint32_t best = 0, run = 0;
	for (uint32_t i = 0; i < x->n_content; i++) {
		int found = 0;
		for (uint32_t j = 0; j < y->n_content && !found; j++)
			found = x->content[i] == y->content[j];
		run = found ? 0 : run + 1;
		if (run > best)
			best = run;
	}
	return best;
}

/* Words of x at its end (from_end) or its start that y does not write,
 * before the first word it does: a clause one report adds. */
static uint32_t edge_left(const cr_unit *x, const cr_unit *y, int from_end)
{
	uint32_t k = 0;
	for (; k < x->n_words; k++) {
		uint64_t w = x->words[from_end ? x->n_words - 1 - k : k];
		int found = 0;
		for (uint32_t j = 0; j < y->n_words && !found; j++)
			found = y->words[j] == w;
		if (found)
			break;
	}
	return k;
}

/* Idf of x's terms that y lacks (the weights' square root, without the
 * boost). */
static double idf_left(const cr_unit *x, const cr_unit *y)
{
	double s = 0;
	for (uint32_t i = 0; i < x->n_terms; i++)
		if (!has_term(y, x->terms[i].id))
			s += sqrt(x->terms[i].w / x->terms[i].boost);
	return s;
}

/* F of clipped matches of the two units' stopwords ("not", "will",
 * "has"): tense, modality and negation live in them. */
static double stop_f(const cr_unit *a, const cr_unit *b)
{
	uint64_t x[MAX_SEQ], y[MAX_SEQ];
	uint32_t nx = 0, ny = 0;
	for (uint32_t i = 0; i < a->n_words; i++)
		if (a->stops[i])
			x[nx++] = a->words[i];
	for (uint32_t i = 0; i < b->n_words; i++)
		if (b->stops[i])
			y[ny++] = b->words[i];
	return ngram_f(x, nx, y, ny, 1);
}

void cr_unit_features(const cr_story *st, uint32_t u, uint32_t v, double *f)
{
	const cr_unit *a = &st->units[u], *b = &st->units[v];
	double sw = 0, sw1 = 0, w1a = 0, w1b = 0;
	uint32_t shared = 0, i = 0, j = 0;
	for (uint32_t k = 0; k < a->n_terms; k++)
		w1a += sqrt(a->terms[k].w / a->terms[k].boost);
	for (uint32_t k = 0; k < b->n_terms; k++)
		w1b += sqrt(b->terms[k].w / b->terms[k].boost);
	while (i < a->n_terms && j < b->n_terms) {
		if (a->terms[i].id == b->terms[j].id) {
			sw += a->terms[i].w;
			sw1 += sqrt(a->terms[i].w / a->terms[i].boost);
			shared++;
			i++;
			j++;
		} else if (a->terms[i].id < b->terms[j].id) {
			i++;
		} else {
			j++;
		}
	}
	const uint64_t *xa = a->content, *xb = b->content;
	uint32_t nega = a->n_neg, negb = b->n_neg;
	uint32_t na = a->n_content, nb = b->n_content;
	uint32_t nmin = na < nb ? na : nb, nmax = na > nb ? na : nb;
	double wsum = (double)a->weight + b->weight;
	f[CR_AF_DICE] = wsum > 0 ? 2 * sw / wsum : 0;
	f[CR_AF_COVERAGE] = a->weight > 0 ? sw / a->weight : 0;
	f[CR_AF_COVERED] = b->weight > 0 ? sw / b->weight : 0;
	f[CR_AF_DICE_IDF] = w1a + w1b > 0 ? 2 * sw1 / (w1a + w1b) : 0;
	f[CR_AF_DICE_COUNT] = a->n_terms + b->n_terms
	                              ? 2.0 * shared / (a->n_terms + b->n_terms)
	                              : 0;
	f[CR_AF_ORDER] = nmin ? (double)lcs(xa, na, xb, nb) / nmin : 0;
	f[CR_AF_BIGRAMS] = na + nb > 2 ? 2.0 * shared_bigrams(xa, na, xb, nb) /
	                                         (na + nb - 2)
	                               : 0;
	f[CR_AF_LENGTH] = nmax ? (double)nmin / nmax : 0;
	double pa = unshared_pins(a, b), pb = unshared_pins(b, a);
	f[CR_AF_PINS] = pa > pb ? pa : pb;
	f[CR_AF_NEGATION] = (nega > 0) != (negb > 0);
	f[CR_AF_PERSON] = missing_person(a, b) || missing_person(b, a);
	/* Words left over: a paraphrase adds little to either side. */
	double ua = a->n_terms - shared, ub = b->n_terms - shared;
	f[CR_AF_LEFT_MIN] = (ua < ub ? ua : ub) / 10.0;
	f[CR_AF_LEFT_MAX] = (ua > ub ? ua : ub) / 10.0;

	uint32_t wa = a->n_words, wb = b->n_words;
	uint32_t m1a, m1b;
	uint32_t k1 = unit_shared_ngrams(a, b, NG_WORD1, &m1a, &m1b);
	f[CR_AF_WORD1] = wa && wb ? 2.0 * k1 / (wa + wb) : 0;
	f[CR_AF_WORD2] = unit_ngram_f(a, b, NG_WORD2);
	f[CR_AF_WORD3] = unit_ngram_f(a, b, NG_WORD3);
	f[CR_AF_WORD4] = unit_ngram_f(a, b, NG_WORD4);
	f[CR_AF_STEM1] = unit_ngram_f(a, b, NG_STEM1);
	uint32_t wmax = wa > wb ? wa : wb;
	f[CR_AF_EDIT] =
	        wmax ? (double)edit_distance(a->stems, wa, b->stems, wb) / wmax
	             : 0;
	f[CR_AF_LEN_DIFF] = (wa > wb ? wa - wb : wb - wa) / 10.0;
	uint32_t nxa, nxb;
	uint32_t la = numbers_left(st, a, b, &nxa);
	uint32_t lb = numbers_left(st, b, a, &nxb);
	f[CR_AF_NUM_SAME] = nxa && nxb && !la && !lb;
	f[CR_AF_NUM_DIFF] = nxa && nxb && (la || lb);
	uint32_t ca = caps_left(a, b), cb = caps_left(b, a);
	f[CR_AF_CAP_LEFT] = (ca > cb ? ca : cb) / 5.0;

	double pra = wa ? (double)k1 / wa : 0, prb = wb ? (double)k1 / wb : 0;
	f[CR_AF_PREC_MIN] = pra < prb ? pra : prb;
	f[CR_AF_PREC_MAX] = pra > prb ? pra : prb;
	f[CR_AF_PREFIX1] = unit_ngram_f(a, b, NG_PREFIX1);
	gram_dice(a, b, &f[CR_AF_CHAR3], &f[CR_AF_CHAR5]);
	f[CR_AF_LEN_MIN] = (wa < wb ? wa : wb) / 20.0;
	f[CR_AF_LEN_MAX] = wmax / 20.0;
	uint32_t ra = unmatched_run(a, b), rb = unmatched_run(b, a);
	f[CR_AF_RUN_LEFT] = (ra > rb ? ra : rb) / 10.0;
	f[CR_AF_STOP_F] = stop_f(a, b);
	f[CR_AF_QUOTE] = (a->n_quotes > 0) != (b->n_quotes > 0);
	f[CR_AF_SAID] = (a->n_said > 0) != (b->n_said > 0);
	uint32_t ta = edge_left(a, b, 1), tb = edge_left(b, a, 1);
	f[CR_AF_TAIL_LEFT] = (ta > tb ? ta : tb) / 10.0;
	uint32_t ha = edge_left(a, b, 0), hb = edge_left(b, a, 0);
	f[CR_AF_HEAD_LEFT] = (ha > hb ? ha : hb) / 10.0;
	double ia = idf_left(a, b), ib = idf_left(b, a);
	f[CR_AF_IDF_LEFT] = (ia > ib ? ia : ib) / 40.0;
	f[CR_AF_LINK_LEFT] = set_bits(a->links ^ b->links) / 3.0;
	f[CR_AF_SAY_LEFT] = set_bits(a->says ^ b->says) / 3.0;
	/* Counts stop at 1.5 (15 words, 30 for the lengths): MRPC's
	 * sentences seldom reach that, and the model, learnt there, must
	 * not extrapolate to the long sentences of news articles. */
	static const int counts[] = {
	        CR_AF_LEFT_MIN,  CR_AF_LEFT_MAX,  CR_AF_LEN_DIFF,
	        CR_AF_CAP_LEFT,  CR_AF_LEN_MIN,   CR_AF_LEN_MAX,
	        CR_AF_RUN_LEFT,  CR_AF_LINK_LEFT, CR_AF_SAY_LEFT,
	        CR_AF_TAIL_LEFT, CR_AF_HEAD_LEFT, CR_AF_IDF_LEFT};
	for (size_t k = 0; k < sizeof counts / sizeof *counts; k++)
		if (f[counts[k]] > 1.5)
			f[counts[k]] = 1.5;
}

/* The alignment model: a logistic regression over cr_unit_features,
 * learnt on MRPC train (4,076 news sentence pairs from different
 * outlets, corpus idf weights) by bench/align-eval, which prints these
 * constants ("model weights learnt on all of train.jsonl"); 10-fold
 * cross-validated accuracy 0.781, F1 0.845 (0.765 and 0.835 with the
 * first 23 features alone: character n-grams, precisions both ways,
 * connectives and reporting words one side lacks and the words left at
 * either end add the rest). The briefing takes the odds without
 * MRPC's prior (CR_AW_PRIOR): v states u when the model's probability
 * is at least MRPC's share of paraphrases, 0.675. */
#define CR_AW_BIAS (0.1077)

/* The log odds of a paraphrase among MRPC's pairs (2,753 of 4,076),
 * which the bias holds. MRPC's pairs were picked as likely paraphrases;
 * a story's candidate pairs are mostly not, and a fact that joins
 * statements too eagerly hides sentences from the summary. */
#define CR_AW_PRIOR 0.7328

static const double model_weights[CR_AF_COUNT] = {
        [CR_AF_DICE] = -3.8782,       [CR_AF_COVERAGE] = 1.8333,
        [CR_AF_COVERED] = 1.7053,     [CR_AF_DICE_IDF] = 2.5014,
        [CR_AF_DICE_COUNT] = -2.9700, [CR_AF_ORDER] = -0.6932,
        [CR_AF_BIGRAMS] = -1.7358,    [CR_AF_LENGTH] = 0.0939,
        [CR_AF_PINS] = -0.2841,       [CR_AF_NEGATION] = -0.7717,
        [CR_AF_PERSON] = 0.0583,      [CR_AF_LEFT_MIN] = -1.2115,
        [CR_AF_LEFT_MAX] = 2.3846,    [CR_AF_WORD1] = -4.4284,
        [CR_AF_WORD2] = 1.5995,       [CR_AF_WORD3] = -0.8788,
        [CR_AF_WORD4] = -1.3477,      [CR_AF_STEM1] = -1.6139,
        [CR_AF_EDIT] = -2.7967,       [CR_AF_LEN_DIFF] = -1.6500,
        [CR_AF_NUM_SAME] = 0.1920,    [CR_AF_NUM_DIFF] = -0.4220,
        [CR_AF_CAP_LEFT] = 0.5171,    [CR_AF_PREC_MIN] = 4.9966,
        [CR_AF_PREC_MAX] = -1.4724,   [CR_AF_PREFIX1] = 4.8497,
        [CR_AF_CHAR3] = 11.5877,      [CR_AF_CHAR5] = -5.5825,
        [CR_AF_LEN_MIN] = -1.4642,    [CR_AF_LEN_MAX] = 2.0605,
        [CR_AF_RUN_LEFT] = -1.9241,   [CR_AF_STOP_F] = -0.9288,
        [CR_AF_QUOTE] = -0.0858,      [CR_AF_SAID] = -0.0989,
        [CR_AF_LINK_LEFT] = -1.3883,  [CR_AF_SAY_LEFT] = 0.9948,
        [CR_AF_TAIL_LEFT] = -0.9469,  [CR_AF_HEAD_LEFT] = -0.4202,
        [CR_AF_IDF_LEFT] = -1.6742,
};

/* Pairs whose terms overlap less than this (Dice of counts) are not
 * scored by the model: none of MRPC train's pairs the model accepts
 * overlaps less than 0.25 (two less than 0.33 at the briefing's
 * threshold, eight at one half), and the model's word
 * order and n-gram features cost a walk over both units' tokens, which a
 * story's many unrelated pairs must not pay. */
#define CR_ALIGN_MIN_OVERLAP 0.25

/* Dice of the two units' term counts. */
static double count_overlap(const cr_unit *a, const cr_unit *b)
{
	uint32_t i = 0, j = 0, k = 0;
	while (i < a->n_terms && j < b->n_terms) {
		if (a->terms[i].id == b->terms[j].id)
			k++, i++, j++;
		else if (a->terms[i].id < b->terms[j].id)
			i++;
		else
			j++;
	}
	uint32_t n = a->n_terms + b->n_terms;
	return n ? 2.0 * k / n : 0;
}

/* The model's odds that v states u: >= 1 when it does. overlap is
 * count_overlap() of the two, when the caller has it (else < 0). */
static double model_score(const cr_story *st, uint32_t u, uint32_t v,
                          double overlap)
{
	if (overlap < 0)
		overlap = count_overlap(&st->units[u], &st->units[v]);
	if (overlap < CR_ALIGN_MIN_OVERLAP)
		return 0;
	double f[CR_AF_COUNT];
	cr_unit_features(st, u, v, f);
	double z = CR_AW_BIAS - CR_AW_PRIOR;
	for (int k = 0; k < CR_AF_COUNT; k++)
		z += model_weights[k] * f[k];
	return exp(z > 30 ? 30 : z);
}

/* Thresholds of the hand-set rule, measured on the seed story and the
 * sample corpus (docs/briefing.md): either the two statements are alike
 * as wholes (weighted Dice), or v's statement holds most of u. */
#define CR_SUPPORT_DICE       0.22
#define CR_SUPPORT_COVERAGE   0.55
#define CR_SUPPORT_MIN_WEIGHT 12.0

/* The hand-set rule's score of u by v given their shared weight: >= 1
 * when v states u. */
static double rule_score(const cr_unit *a, const cr_unit *b, double sw)
{
	if (sw < CR_SUPPORT_MIN_WEIGHT || a->weight <= 0)
		return 0;
	double dice = 2 * sw / (a->weight + b->weight);
	double cov = sw / a->weight;
	double s1 = dice / CR_SUPPORT_DICE, s2 = cov / CR_SUPPORT_COVERAGE;
	return s1 > s2 ? s1 : s2;
}

/* >= 1 means b states a (sw: their shared weight; overlap: their
 * count_overlap(), or < 0 when the caller has not counted it): the larger
 * of the model's odds and the hand-set rule's score, except that
 * statements whose numbers or open/closed states disagree never support
 * each other (the conflicts say so instead). */
static double support_score(const cr_story *st, const cr_unit *a,
                            const cr_unit *b, double sw, double overlap)
{
	double s = model_score(st, (uint32_t)(a - st->units),
	                       (uint32_t)(b - st->units), overlap);
	double r = rule_score(a, b, sw);
	if (r > 0 && missing_person(a, b))
		r *= 0.75;
	if (r > s)
		s = r;
	if (s >= 1.0 && (numbers_disagree(st, a, b) || states_disagree(a, b)))
		s = 0;
	return s;
}

/* The unit of article j that best states unit u, and its score. */
static uint32_t best_in(const cr_story *st, uint32_t u, uint32_t j,
                        double *score)
{
	const cr_unit *a = &st->units[u];
	double best_s = 0;
	uint32_t best_v = UINT32_MAX;
	for (uint32_t v = st->ubeg[j]; v < st->uend[j]; v++) {
		const cr_unit *b = &st->units[v];
		double s = support_score(st, a, b, shared_weight(a, b), -1);
		if (s > best_s) {
			best_s = s;
			best_v = v;
		}
	}
	*score = best_s;
	return best_v;
}

/* The best unit of article j for unit u: from the table when there is
 * one, else by comparing u with every unit of j. */
static uint32_t best_of(const cr_story *st, uint32_t u, uint32_t j,
                        double *score)
{
	if (st->bestv) {
		size_t k = (size_t)u * st->n_arts + j;
		*score = st->bests[k];
		return st->bestv[k];
	}
	return best_in(st, u, j, score);
}

int cr_unit_supported_by(const cr_story *st, uint32_t u, uint32_t j,
                         uint32_t *best)
{
	double s, back;
	uint32_t v = best_of(st, u, j, &s);
	if (best)
		*best = v;
	if (v == UINT32_MAX || s < 1.0)
		return 0;
	/* Mutual: u's own sentence must be what v best matches in u's
	 * article, or the match is only a shared topic. */
	uint32_t w = best_of(st, v, st->units[u].art, &back);
	return w != UINT32_MAX && st->units[w].sent == st->units[u].sent;
}

typedef struct posting {
	uint64_t id;
	uint32_t unit;
} posting;

static int cmp_posting(const void *x, const void *y)
{
	const posting *a = x, *b = y;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}

/* Fills the match table through an inverted index from term to units:
 * for each unit, the shared weight and the number of shared terms with
 * every other unit are accumulated over its terms' postings, so the cost
 * follows the overlaps, not the square of the story's units. (A unit's
 * terms are distinct, so the count is what count_overlap()'s merge of
 * the two lists finds; that merge, for every pair sharing a term, was
 * the largest cost of a briefing.) */
static cr_err fill_match_table(cr_story *st)
{
	size_t cells = (size_t)st->n_units * st->n_arts;
	size_t total = 0;
	for (uint32_t u = 0; u < st->n_units; u++)
		total += st->units[u].n_terms;
	posting *post = malloc((total ? total : 1) * sizeof *post);
	double *acc = calloc(st->n_units ? st->n_units : 1, sizeof *acc);
	uint32_t *touched =
	        malloc((st->n_units ? st->n_units : 1) * sizeof *touched);
	uint32_t *shared =
	        calloc(st->n_units ? st->n_units : 1, sizeof *shared);
	st->bestv = cr_arena_alloc(st->arena,
	                           (cells ? cells : 1) * sizeof(uint32_t));
	st->bests =
	        cr_arena_alloc(st->arena, (cells ? cells : 1) * sizeof(double));
	cr_err e = CR_ENOMEM;
	if (!post || !acc || !touched || !shared || !st->bestv || !st->bests)
		goto out;
	size_t np = 0;
	for (uint32_t u = 0; u < st->n_units; u++)
		for (uint32_t t = 0; t < st->units[u].n_terms; t++)
			post[np++] = (posting){st->units[u].terms[t].id, u};
	qsort(post, np, sizeof *post, cmp_posting);
	for (size_t k = 0; k < cells; k++) {
		st->bestv[k] = UINT32_MAX;
		st->bests[k] = 0;
	}
	for (uint32_t u = 0; u < st->n_units; u++) {
		const cr_unit *a = &st->units[u];
		uint32_t nt = 0;
		for (uint32_t t = 0; t < a->n_terms; t++) {
			/* lower bound of the term's postings */
			size_t lo = 0, hi = np;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (post[mid].id < a->terms[t].id)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t k = lo;
			     k < np && post[k].id == a->terms[t].id; k++) {
				uint32_t v = post[k].unit;
				if (st->units[v].art == a->art)
					continue;
				if (shared[v]++ == 0)
					touched[nt++] = v;
				acc[v] += a->terms[t].w;
			}
		}
		double *bs = st->bests + (size_t)u * st->n_arts;
		uint32_t *bv = st->bestv + (size_t)u * st->n_arts;
		for (uint32_t k = 0; k < nt; k++) {
			uint32_t v = touched[k];
			const cr_unit *b = &st->units[v];
			uint32_t nn = a->n_terms + b->n_terms;
			double s = support_score(st, a, b, acc[v],
			                         nn ? 2.0 * shared[v] / nn : 0);
			acc[v] = 0;
			shared[v] = 0;
			if (s <= 0 || s < bs[b->art])
				continue;
			/* ties go to the earlier unit, as in best_in */
			if (s > bs[b->art] ||
			    (s == bs[b->art] && v < bv[b->art])) {
				bs[b->art] = s;
				bv[b->art] = v;
			}
		}
	}
	e = CR_OK;
out:
	free(shared);
	free(touched);
	free(acc);
	free(post);
	return e;
}

cr_err cr_story_support(cr_story *st)
{
	size_t n = (size_t)st->n_units * st->n_arts;
	st->support = cr_arena_alloc(st->arena, n ? n : 1);
	if (!st->support)
		return CR_ENOMEM;
	if (n <= CR_BRIEF_MAX_PAIRS) {
		cr_err e = fill_match_table(st);
		if (e != CR_OK)
			return e;
	}
	for (uint32_t u = 0; u < st->n_units; u++) {
		uint8_t *row = st->support + (size_t)u * st->n_arts;
		row[st->units[u].art] = 1;
		for (uint32_t j = 0; j < st->n_arts; j++)
			if (j != st->units[u].art &&
			    cr_unit_supported_by(st, u, j, NULL))
				row[j] = 1;
	}
	return CR_OK;
}

cr_artset cr_artset_from_mask(cr_arena *a, const uint8_t *mask, uint32_t n)
{
	cr_artset s = {0};
	uint32_t k = 0;
	for (uint32_t i = 0; i < n; i++)
		k += mask[i] != 0;
	s.idx = cr_arena_alloc(a, (k ? k : 1) * sizeof *s.idx);
	if (!s.idx)
		return s;
	for (uint32_t i = 0; i < n; i++)
		if (mask[i])
			s.idx[s.n++] = i;
	return s;
}

uint32_t cr_story_independent(const cr_story *st, const uint8_t *mask)
{
	/* Count distinct roots (originals), then distinct outlets among
	 * them: two articles of one outlet are one source. */
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		if (!mask[i])
			continue;
		uint32_t r = st->root[i];
		const char *src = st->arts[r]->source ? st->arts[r]->source
		                                      : st->arts[r]->id;
		int seen = 0;
		for (uint32_t j = 0; j < i && !seen; j++) {
			if (!mask[j])
				continue;
			uint32_t rj = st->root[j];
			const char *sj = st->arts[rj]->source
			                         ? st->arts[rj]->source
			                         : st->arts[rj]->id;
			seen = rj == r || (src && sj && !strcmp(src, sj));
		}
		n += !seen;
	}
	return n;
}

/* The length of a dateline that opens the article's first sentence
 * ("SALTMERE, March 14 (NPA) — "), or 0: an all-capitals place, then a
 * dash within 80 bytes. */
static size_t dateline_len(const char *p, size_t n)
{
	size_t caps = 0;
	while (caps < n &&
	       ((p[caps] >= 'A' && p[caps] <= 'Z') || p[caps] == ' '))
		caps++;
	if (caps < 3 || caps >= n || (p[caps] != ',' && p[caps] != '('))
		return 0;
	for (size_t i = caps; i + 3 < n && i < 80; i++) {
		size_t dash = !strncmp(p + i, " \xe2\x80\x94 ", 5)   ? 5
		              : !strncmp(p + i, " \xe2\x80\x93 ", 5) ? 5
		              : !strncmp(p + i, " - ", 3)            ? 3
		              : !strncmp(p + i, " -- ", 4)           ? 4
		                                                     : 0;
		if (dash)
			return i + dash;
	}
	return 0;
}

const char *cr_story_text(cr_story *st, uint32_t art, cr_span span)
{
	const cr_article *a = st->arts[art];
	const char *p = a->body + span.off;
	size_t n = span.len;
	while (n && (*p == ' ' || *p == ',' || *p == ';'))
		p++, n--;
	/* A clause that does not open its sentence is shown as the fragment
	 * it is; the first sentence loses its dateline. */
	int fragment = 1;
	for (uint32_t i = 0; i < a->n_sents; i++)
		if (a->body + a->sents[i].span.off == p) {
			fragment = 0;
			if (i == 0) {
				size_t d = dateline_len(p, n);
				p += d;
				n -= d;
			}
			break;
		}
	static const char *const lead[] = {
	        "while ", "whereas ",   "with ",        "and ", "but ",
	        "after ", "following ", "adding that ", "that "};
	for (size_t i = 0; fragment && i < sizeof lead / sizeof *lead; i++) {
		size_t l = strlen(lead[i]);
		if (n > l && !strncmp(p, lead[i], l)) {
			p += l;
			n -= l;
			break;
		}
	}
	while (n && (p[n - 1] == ' ' || p[n - 1] == ','))
		n--;
	if (!fragment)
		return cr_arena_strndup(st->arena, p, n);
	return cr_arena_printf(st->arena, "\xe2\x80\xa6 %.*s", (int)n, p);
}

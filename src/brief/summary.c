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
 * articles, where few concepts recur, the facts' support decides. Assumes the
 * story's units come article by article, sentences before their clauses, and
 * tokens carry stems.
 */
#include "brief/summary.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "text/stem.h"

/* Sentences shorter than this say too little to stand alone, and longer
 * ones spend the budget on one statement (words and numbers). The upper
 * bound is tuned on the dev half of DUC 2006: 60 lost 0.0025 SU4 against
 * 36 under a 250-word budget, as long sentences carry clauses few
 * outlets share. */
#define MIN_SUMMARY_WORDS 8
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
 * sentence that mixes facts of different sources at MIXED. */
#define MIN_CONCEPT_ARTICLES 2
#define FOCUS_CONCEPT        1.0
#define WORD_CONCEPT         0.3
#define FACT_WEIGHT          1.0
#define FOCUS_WEIGHT         4.0
#define LEAD_WEIGHT          1.5
#define QUOTED               0.5
#define MIXED                0.25

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

/* Words that open a sentence only to link it to the one before ("But",
 * "And"): out of that context they say nothing. */
static const char *const linkers[] = {"And ",   "But ",          "However, ",
                                      "Also, ", "Meanwhile, ",   "Still, ",
                                      "Yet ",   "In addition, ", "Moreover, "};

/* s without a linking word that opens it ("But the dam held" reads "The
 * dam held"): s itself, or an arena copy; NULL when out of memory. */
static const char *drop_linker(cr_arena *ar, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof linkers / sizeof *linkers; i++) {
		size_t l = strlen(linkers[i]);
		if (n > l + 1 && !strncmp(s, linkers[i], l) &&
		    islower((unsigned char)s[l]))
			return cr_arena_printf(ar, "%c%s",
			                       toupper((unsigned char)s[l]),
			                       s + l + 1);
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
	for (uint32_t i = s->tok_begin; i < s->tok_end; i++) {
		const cr_token *t = &a->toks[i];
		if (t->flags & CR_TOK_QUOTE)
			quoted = 1;
		if (!(t->flags & (CR_TOK_WORD | CR_TOK_NUM)) || !t->stem)
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
		double best = 0;
		uint32_t best_k = UINT32_MAX;
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
			               (1.0 + LEAD_WEIGHT * lead) *
			               (1.0 + FOCUS_WEIGHT * cd->focus) *
			               (cd->quoted ? QUOTED : 1.0);
			if (score > best) {
				best = score;
				best_k = k;
			}
		}
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
		const cr_unit *un = &st->units[bu];
		cr_bsentence *sm = &b->summary[b->n_summary++];
		sm->text = cr_story_text(st, un->art, un->span);
		if (sm->text)
			sm->text = drop_linker(st->arena, sm->text);
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

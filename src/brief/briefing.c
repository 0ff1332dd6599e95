/*
 * briefing.c - builds the briefing of one story from its articles.
 *
 * The order of the work: units and their weights (align.c), which
 * articles state each unit, anchors for dates, then facts and summary
 * (facts.c), conflicts (conflicts.c), timeline (timeline.c), and here the
 * headline, sources, quotes and entities. Nothing here opens files or
 * parses markup: the articles come analysed.
 */
#include "brief/briefing.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "base/arena.h"
#include "brief/story.h"
#include "text/entity.h"
#include "text/lexicon.h"

#define DEFAULT_SUMMARY 5
#define MAX_SUMMARY     20

/* ---- articles, copies, sources ---------------------------------------- */

static const char *outlet(const cr_article *a)
{
	return a->source ? a->source : a->id;
}

static void find_roots(cr_story *st)
{
	for (uint32_t i = 0; i < st->n_arts; i++) {
		st->root[i] = i;
		const char *of = st->arts[i]->copy_of;
		if (!of)
			continue;
		for (uint32_t j = 0; j < st->n_arts; j++)
			if (j != i && st->arts[j]->id &&
			    !strcmp(st->arts[j]->id, of)) {
				st->root[i] = j;
				break;
			}
	}
}

static uint32_t distinct_outlets(const cr_story *st)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		int seen = 0;
		for (uint32_t j = 0; j < i && !seen; j++)
			seen = !strcmp(outlet(st->arts[i]),
			               outlet(st->arts[j]));
		n += !seen;
	}
	return n;
}

/* The headline: the title of the article whose statements the others
 * state most often, so it speaks for the story rather than for one
 * outlet's angle; ties go to the earlier article. */
static const char *pick_headline(const cr_story *st)
{
	double best = -1;
	const char *h = NULL;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		if (!st->arts[i]->title)
			continue;
		double sum = 0;
		uint32_t k = 0;
		for (uint32_t u = st->ubeg[i]; u < st->uend[i]; u++, k++) {
			const uint8_t *row = cr_unit_support(st, u);
			for (uint32_t j = 0; j < st->n_arts; j++)
				sum += row[j];
		}
		double score = k ? sum / k : 0;
		if (score > best + 1e-9) {
			best = score;
			h = st->arts[i]->title;
		}
	}
	return h;
}

/* ---- quotes ------------------------------------------------------------ */

/* Lower-case letters and digits of s, one space between words. */
static char *quote_key(cr_arena *ar, const char *s, size_t n)
{
	char *k = cr_arena_alloc(ar, n + 1);
	if (!k)
		return NULL;
	size_t j = 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c) || c >= 0x80) {
			if (space && j)
				k[j++] = ' ';
			space = 0;
			k[j++] = (char)tolower(c);
		} else {
			space = 1;
		}
	}
	k[j] = '\0';
	return k;
}

/* Two speakers are one when their names match, or when one is the
 * surname the other ends with ("Voss" and "Elena Voss"), as entities are
 * merged. A quote with no speaker goes with any. */
static int same_speaker(const char *a, const char *b)
{
	if (!a || !b || !strcasecmp(a, b))
		return 1;
	const char *sa = strrchr(a, ' '), *sb = strrchr(b, ' ');
	if (!sa && sb)
		return !strcasecmp(a, sb + 1);
	if (sa && !sb)
		return !strcasecmp(sa + 1, b);
	return 0;
}

/* Quotes of one kind read from a story at most; beyond it the rest are
 * left out, so a story of thousands of articles stays quadratic in a
 * bounded number. */
#define MAX_QUOTE_ITEMS 4096
/* Words of a quote compared when matching wordings. */
#define MAX_QUOTE_WORDS 64
/* Two wordings from the same speaker are one quote at this word Dice:
 * an outlet that trims, reorders or misquotes a few words. */
#define NEAR_WORDING 0.6
/* Reported statements listed per story, those most articles carry. */
#define MAX_REPORTED 30

typedef struct qitem {
	const char *speaker;
	const char *text;
	const char *key;
	const char *cue;
	uint32_t art;
	int group;       /* entry it belongs to, -1 while none */
	uint32_t *words; /* sorted distinct hashes of the key's words */
	uint32_t n_words;
} qitem;

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Fills it->words (room for MAX_QUOTE_WORDS) from the words of it->key. */
static void hash_words(qitem *it)
{
	uint32_t n = 0;
	for (const char *p = it->key; *p && n < MAX_QUOTE_WORDS;) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		it->words[n++] = XXH32(p, len, 0);
		p += len + (e != NULL);
	}
	qsort(it->words, n, sizeof *it->words, cmp_u32);
	uint32_t m = 0;
	for (uint32_t i = 0; i < n; i++)
		if (!m || it->words[m - 1] != it->words[i])
			it->words[m++] = it->words[i];
	it->n_words = m;
}

/* Dice of the two word sets. */
static double word_dice(const qitem *a, const qitem *b)
{
	if (!a->n_words || !b->n_words)
		return 0;
	uint32_t i = 0, j = 0, both = 0;
	while (i < a->n_words && j < b->n_words) {
		if (a->words[i] == b->words[j])
			both++, i++, j++;
		else if (a->words[i] < b->words[j])
			i++;
		else
			j++;
	}
	return 2.0 * both / (a->n_words + b->n_words);
}

/* Cues of speech a reader takes for "said so", sorted for
 * cr_lexicon_has. quote.c attributes more widely, as PolNeAR does (beliefs,
 * support, criticism); a briefing lists statements only. */
static const char *const speech_cues[] = {
        "according to", "acknowledged", "added",     "adding",    "admitted",
        "announced",    "announcing",   "argued",    "asserted",  "claimed",
        "confirmed",    "declared",     "denied",    "explained", "insisted",
        "maintained",   "noted",        "predicted", "said",      "say",
        "saying",       "says",         "stated",    "stressed",  "tells",
        "told",         "wrote",
};

/* Words that open a phrase, not a clause: "warned of strikes", "sirens
 * were reported in Kyiv". Content opening so is no statement. Sorted. */
static const char *const phrase_openers[] = {
        "as", "at", "by", "for", "from", "in", "of", "on", "to", "with",
};

/* Words of s, counted by the spaces between them. */
static uint32_t count_words(const char *s)
{
	uint32_t n = *s != '\0';
	for (; *s; s++)
		n += *s == ' ' && s[1] && s[1] != ' ';
	return n;
}

/* A reported statement a briefing lists: a speech cue (not "urged" or
 * "warned", which mostly take an order: "warned citizens to prepare"), a
 * speaker that reads as a name (capitalised, a few words) and content of
 * a clause, not a phrase; none inside another statement of the same
 * article. */
static int listable_report(const cr_article *a, uint32_t k)
{
	const cr_quote *q = &a->reported[k];
	if (!q->cue || !q->speaker ||
	    !cr_lexicon_has(speech_cues, CR_COUNT(speech_cues), q->cue))
		return 0;
	unsigned char c0 = (unsigned char)q->speaker[0];
	if (!(isupper(c0) || c0 >= 0x80) || count_words(q->speaker) > 6)
		return 0;
	size_t w0 = 0;
	while (w0 < q->text.len &&
	       isalpha((unsigned char)a->body[q->text.off + w0]))
		w0++;
	char first[8];
	if (w0 < sizeof first) {
		for (size_t t = 0; t < w0; t++)
			first[t] = (char)tolower(
			        (unsigned char)a->body[q->text.off + t]);
		first[w0] = '\0';
		if (cr_lexicon_has(phrase_openers, CR_COUNT(phrase_openers),
		                   first))
			return 0;
	}
	uint32_t words = 0;
	for (uint32_t t = 0; t < q->text.len; t++)
		words += a->body[q->text.off + t] == ' ';
	if (words < 3)
		return 0;
	for (uint32_t m = 0; m < a->n_reported; m++) {
		const cr_span o = a->reported[m].text;
		if (m != k && o.off <= q->text.off &&
		    o.off + o.len >= q->text.off + q->text.len &&
		    (o.len > q->text.len || m < k))
			return 0;
	}
	return 1;
}

/* Reads the story's quotes of one kind (reported or not) into q, at most
 * MAX_QUOTE_ITEMS; reported ones only when listable_report(). words is room
 * for MAX_QUOTE_WORDS hashes per item. Returns the count, or -1 when out
 * of memory. */
static long read_quotes(cr_story *st, int reported, qitem *q, uint32_t *words)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		const cr_article *a = st->arts[i];
		const cr_quote *qs = reported ? a->reported : a->quotes;
		uint32_t nq = reported ? a->n_reported : a->n_quotes;
		for (uint32_t k = 0; k < nq && n < MAX_QUOTE_ITEMS; k++) {
			const cr_quote *cq = &qs[k];
			if (!cq->text.len ||
			    (reported && !listable_report(a, k)))
				continue;
			qitem *it = &q[n];
			it->speaker = cq->speaker;
			it->cue = cq->cue;
			it->text = cr_arena_strndup(st->arena,
			                            a->body + cq->text.off,
			                            cq->text.len);
			it->key = quote_key(st->arena, a->body + cq->text.off,
			                    cq->text.len);
			if (!it->text || !it->key)
				return -1;
			it->art = i;
			it->group = -1;
			it->words = words + (size_t)n * MAX_QUOTE_WORDS;
			hash_words(it);
			n++;
		}
	}
	return n;
}

/* Builds the entry of the group opened by q[i], which joins every quote
 * from the same speaker with the same or nearly the same words; mask is
 * scratch of st->n_arts bytes. The wording most articles carry is the
 * text, the others are variants. */
static cr_err make_entry(cr_story *st, qitem *q, uint32_t n, uint32_t i, int g,
                         uint8_t *mask, cr_bquote *bq)
{
	memset(mask, 0, st->n_arts);
	q[i].group = g;
	const char *speaker = q[i].speaker;
	for (uint32_t j = 0; j < n; j++) {
		if (j == i || !same_speaker(q[i].speaker, q[j].speaker))
			continue;
		int same = !strcmp(q[i].key, q[j].key);
		if (!same && strstr(q[j].key, q[i].key)) {
			/* The same words inside a longer quote: "shelter in
			 * place" is in the article quoting the whole
			 * statement too. A part is not another wording. */
			mask[q[j].art] = 1;
			continue;
		}
		if (q[j].group >= 0 || (!same && strstr(q[i].key, q[j].key)))
			continue;
		if (same || word_dice(&q[i], &q[j]) >= NEAR_WORDING) {
			q[j].group = g;
			if (!speaker ||
			    (q[j].speaker &&
			     strlen(q[j].speaker) > strlen(speaker)))
				speaker = q[j].speaker;
		}
	}
	/* The group's distinct wordings, each with its articles. */
	uint32_t nw = 0, cap = 4;
	uint32_t *first = malloc(cap * sizeof *first);
	uint8_t *wmask = NULL;
	cr_err e = CR_ENOMEM;
	if (!first)
		goto out;
	for (uint32_t j = 0; j < n; j++) {
		if (q[j].group != g)
			continue;
		mask[q[j].art] = 1;
		uint32_t w = 0;
		while (w < nw && strcmp(q[first[w]].key, q[j].key))
			w++;
		if (w < nw)
			continue;
		if (nw == cap) {
			uint32_t *t = realloc(first, 2 * cap * sizeof *first);
			if (!t)
				goto out;
			first = t, cap *= 2;
		}
		first[nw++] = j;
	}
	wmask = calloc((size_t)nw * st->n_arts, 1);
	if (!wmask)
		goto out;
	uint32_t best = 0, best_n = 0;
	for (uint32_t w = 0; w < nw; w++) {
		uint8_t *m = wmask + (size_t)w * st->n_arts;
		uint32_t c = 0;
		for (uint32_t j = 0; j < n; j++)
			if (q[j].group == g &&
			    !strcmp(q[j].key, q[first[w]].key))
				c += !m[q[j].art], m[q[j].art] = 1;
		if (c > best_n)
			best = w, best_n = c;
	}
	bq->speaker = speaker;
	bq->text = q[first[best]].text;
	bq->cue = q[first[best]].cue;
	bq->arts = cr_artset_from_mask(st->arena, mask, st->n_arts);
	bq->n_variants = 0;
	bq->variants = NULL;
	if (!bq->arts.idx)
		goto out;
	if (nw > 1) {
		bq->variants = cr_arena_alloc(st->arena,
		                              (nw - 1) * sizeof *bq->variants);
		if (!bq->variants)
			goto out;
		for (uint32_t w = 0; w < nw; w++) {
			if (w == best)
				continue;
			cr_bwording *v = &bq->variants[bq->n_variants++];
			v->text = q[first[w]].text;
			v->arts = cr_artset_from_mask(
			        st->arena, wmask + (size_t)w * st->n_arts,
			        st->n_arts);
			if (!v->arts.idx)
				goto out;
		}
	}
	e = CR_OK;
out:
	free(wmask);
	free(first);
	return e;
}

/* Entries carried by more articles first; the order of first appearance
 * breaks ties, so the result does not depend on qsort's stability. */
typedef struct ranked {
	cr_bquote q;
	uint32_t pos;
} ranked;

static int by_reach(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	if (a->q.arts.n != b->q.arts.n)
		return a->q.arts.n > b->q.arts.n ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Groups the story's quotes of one kind into *out, *n_out: direct quotes
 * all, in order of first appearance; reported statements the MAX_REPORTED
 * that most articles carry. */
static cr_err group_quotes(cr_story *st, int reported, cr_bquote **out,
                           uint32_t *n_out)
{
	uint32_t total = 0;
	for (uint32_t i = 0; i < st->n_arts; i++)
		total += reported ? st->arts[i]->n_reported
		                  : st->arts[i]->n_quotes;
	if (total > MAX_QUOTE_ITEMS)
		total = MAX_QUOTE_ITEMS;
	qitem *q = calloc(total ? total : 1, sizeof *q);
	uint32_t *words = malloc((size_t)(total ? total : 1) * MAX_QUOTE_WORDS *
	                         sizeof *words);
	uint8_t *mask = malloc(st->n_arts ? st->n_arts : 1);
	ranked *r = NULL;
	cr_err e = CR_ENOMEM;
	*out = NULL;
	*n_out = 0;
	if (!q || !words || !mask)
		goto out;
	long n = read_quotes(st, reported, q, words);
	if (n < 0)
		goto out;
	r = malloc((size_t)(n ? n : 1) * sizeof *r);
	if (!r)
		goto out;
	uint32_t ng = 0;
	for (uint32_t i = 0; i < (uint32_t)n; i++) {
		if (q[i].group >= 0 || !q[i].key[0])
			continue;
		if ((e = make_entry(st, q, (uint32_t)n, i, (int)ng, mask,
		                    &r[ng].q)) != CR_OK)
			goto out;
		r[ng].pos = ng;
		ng++;
	}
	uint32_t keep = ng;
	if (reported) {
		qsort(r, ng, sizeof *r, by_reach);
		if (keep > MAX_REPORTED)
			keep = MAX_REPORTED;
	}
	e = CR_ENOMEM;
	*out = cr_arena_alloc(st->arena, (keep ? keep : 1) * sizeof **out);
	if (!*out)
		goto out;
	for (uint32_t i = 0; i < keep; i++)
		(*out)[i] = r[i].q;
	*n_out = keep;
	e = CR_OK;
out:
	free(r);
	free(mask);
	free(words);
	free(q);
	return e;
}

cr_err cr_brief_quotes(cr_story *st, cr_briefing *b)
{
	cr_err e = group_quotes(st, 0, &b->quotes, &b->n_quotes);
	if (e == CR_OK)
		e = group_quotes(st, 1, &b->reported, &b->n_reported);
	return e;
}

/* ---- entities ---------------------------------------------------------- */

typedef struct ent {
	const char *name;
	uint32_t votes[4]; /* per cr_entity_type */
	uint8_t *mask;
	int merged_into;
} ent;

static const char *last_word(const char *s)
{
	const char *sp = strrchr(s, ' ');
	return sp ? sp + 1 : s;
}

static int n_words(const char *s)
{
	int n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

cr_err cr_brief_entities(cr_story *st, cr_briefing *b)
{
	uint32_t total = 0;
	for (uint32_t i = 0; i < st->n_arts; i++)
		total += st->arts[i]->n_ments;
	ent *es = calloc(total ? total : 1, sizeof *es);
	cr_err e = CR_ENOMEM;
	if (!es)
		goto out;
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		const cr_article *a = st->arts[i];
		for (uint32_t k = 0; k < a->n_ments; k++) {
			const cr_mention *m = &a->ments[k];
			if (!m->name || !m->name[0])
				continue;
			const char *c = cr_country_of(m->name, strlen(m->name));
			const char *name = c ? c : m->name;
			uint32_t f = 0;
			while (f < n && strcasecmp(es[f].name, name))
				f++;
			if (f == n) {
				es[n].name = name;
				es[n].mask =
				        cr_arena_alloc(st->arena, st->n_arts);
				es[n].merged_into = -1;
				if (!es[n].mask)
					goto out;
				n++;
			} else if (strcmp(es[f].name, name) &&
			           (unsigned char)name[1] < 'a') {
				/* Prefer the spelling with more capitals (NATO
				 * over Nato) as the display form. */
				es[f].name = name;
			}
			es[f].votes[m->type < 4 ? m->type : CR_ENT_OTHER]++;
			es[f].mask[i] = 1;
		}
	}
	/* A surname alone joins the one full name of the story that ends
	 * with it: "Biden" is "Joe Biden" when no other Biden is named. */
	for (uint32_t i = 0; i < n; i++) {
		if (n_words(es[i].name) != 1)
			continue;
		int target = -1, count = 0;
		for (uint32_t j = 0; j < n; j++) {
			if (j == i || n_words(es[j].name) < 2 ||
			    es[j].votes[CR_ENT_PERSON] == 0)
				continue;
			if (!strcmp(last_word(es[j].name), es[i].name)) {
				target = (int)j;
				count++;
			}
		}
		if (count == 1) {
			es[i].merged_into = target;
			for (uint32_t k = 0; k < st->n_arts; k++)
				es[target].mask[k] |= es[i].mask[k];
			for (int t = 0; t < 4; t++)
				es[target].votes[t] += es[i].votes[t];
		}
	}
	b->entities =
	        cr_arena_alloc(st->arena, (n ? n : 1) * sizeof *b->entities);
	if (!b->entities)
		goto out;
	for (uint32_t i = 0; i < n; i++) {
		if (es[i].merged_into >= 0)
			continue;
		cr_bentity *be = &b->entities[b->n_entities++];
		be->name = es[i].name;
		uint8_t type = CR_ENT_OTHER;
		uint32_t best = 0;
		for (uint8_t t = 0; t < 4; t++)
			if (es[i].votes[t] > best) {
				best = es[i].votes[t];
				type = t;
			}
		be->type = type;
		be->arts =
		        cr_artset_from_mask(st->arena, es[i].mask, st->n_arts);
		if (!be->arts.idx)
			goto out;
	}
	/* Most widely reported first; by name within a count. */
	for (uint32_t i = 1; i < b->n_entities; i++) {
		cr_bentity x = b->entities[i];
		uint32_t j = i;
		while (j > 0 &&
		       (b->entities[j - 1].arts.n < x.arts.n ||
		        (b->entities[j - 1].arts.n == x.arts.n &&
		         strcmp(b->entities[j - 1].name, x.name) > 0))) {
			b->entities[j] = b->entities[j - 1];
			j--;
		}
		b->entities[j] = x;
	}
	e = CR_OK;
out:
	free(es);
	return e;
}

/* ---- the whole briefing ------------------------------------------------ */

cr_err cr_brief_story(const cr_article *const *arts, uint32_t n,
                      const char *story_id, const cr_brief_opts *opts,
                      cr_briefing **out)
{
	*out = NULL;
	cr_arena *ar = cr_arena_create();
	if (!ar)
		return CR_ENOMEM;
	cr_err e = CR_ENOMEM;
	cr_briefing *b = cr_arena_alloc(ar, sizeof *b);
	const cr_article **copy =
	        cr_arena_alloc(ar, (n ? n : 1) * sizeof *copy);
	cr_story st = {.arena = ar, .n_arts = n};
	st.root = cr_arena_alloc(ar, (n ? n : 1) * sizeof *st.root);
	if (!b || !copy || !st.root)
		goto fail;
	if (n)
		memcpy(copy, arts, n * sizeof *copy);
	st.arts = copy;
	b->arena = ar;
	b->id = cr_arena_strdup(ar, story_id ? story_id : "story");
	b->arts = copy;
	b->n_arts = n;

	uint32_t max_summary = opts && opts->summary_sentences
	                               ? opts->summary_sentences
	                               : DEFAULT_SUMMARY;
	if (max_summary > MAX_SUMMARY)
		max_summary = MAX_SUMMARY;
	const char *focus = opts ? opts->focus : NULL;
	uint32_t max_words = opts ? opts->summary_words : 0;

	find_roots(&st);
	b->sources = distinct_outlets(&st);
	uint8_t *all = cr_arena_alloc(ar, n ? n : 1);
	if (!all)
		goto fail;
	memset(all, 1, n);
	b->independent_sources = cr_story_independent(&st, all);

	if ((e = cr_story_units(&st)) != CR_OK ||
	    (e = cr_story_support(&st)) != CR_OK ||
	    (e = cr_story_anchors(&st)) != CR_OK ||
	    (e = cr_brief_facts(&st, b, max_summary, max_words, focus)) !=
	            CR_OK ||
	    (e = cr_brief_conflicts(&st, b)) != CR_OK ||
	    (e = cr_brief_timeline(&st, b)) != CR_OK ||
	    (e = cr_brief_quotes(&st, b)) != CR_OK ||
	    (e = cr_brief_entities(&st, b)) != CR_OK)
		goto fail;
	b->headline = pick_headline(&st);
	if (!b->headline && b->n_summary)
		b->headline = b->summary[0].text;
	*out = b;
	return CR_OK;
fail:
	cr_arena_destroy(ar);
	return e;
}

void cr_briefing_free(cr_briefing *b)
{
	if (b)
		cr_arena_destroy(b->arena);
}

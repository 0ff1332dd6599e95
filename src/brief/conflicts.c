/*
 * conflicts.c - where outlets disagree.
 *
 * Three kinds of disagreement are looked for, each between different
 * articles of the story:
 *   status   the same place, organisation or person is given different
 *            states (closed / open / limited / working from home; killed
 *            / injured; arrested / released), read from a status word and
 *            the names that are its subject in the same clause;
 *   number   aligned statements give different values for the same
 *            counted thing ("12 injured" / "14 injured"; "116 sailors" /
 *            "118 men", a few counted nouns folding into one); statements
 *            are aligned on their words other than numbers and dates, and
 *            approximate figures ("some 350 million") count, agreeing
 *            with a figure within APPROX_SLACK; ordinals of a time unit
 *            ("the 1,000th day") name the point a running event has
 *            reached and are compared across the whole story;
 *   date     aligned statements put the same event on different dates.
 * A conflict is an update, not a contradiction, when its sides follow
 * one another in time: each value first reported more than UPDATE_GAP
 * after the last report of the value before it.
 */
#include "brief/story.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/entity.h"

#define ALIGN_COVERAGE 0.45       /* statements aligned for number/date */
#define UPDATE_GAP     (6 * 3600) /* seconds between reports for an update */
#define MAX_CLAIMS     4096u
#define APPROX_SLACK   0.05 /* relative slack of an approximate figure */

/* Status words: a token norm (or two-word phrase) and its state. */
typedef struct status_word {
	const char *w1, *w2, *state;
	int negatable; /* "not to close" -> the opposite state */
	const char *opposite;
	const char *label; /* how the state is shown, when not its name */
} status_word;

static const status_word status_words[] = {
        {"close", NULL, "closed", 1, "open", NULL},
        {"closed", NULL, "closed", 1, "open", NULL},
        {"closes", NULL, "closed", 1, "open", NULL},
        {"closing", NULL, "closed", 1, "open", NULL},
        {"shut", NULL, "closed", 1, "open", NULL},
        {"shuts", NULL, "closed", 1, "open", NULL},
        {"shuttered", NULL, "closed", 1, "open", NULL},
        {"shutters", NULL, "closed", 1, "open", NULL},
        {"suspended", NULL, "closed", 1, "open", NULL},
        {"open", NULL, "open", 1, "closed", NULL},
        {"opened", NULL, "open", 1, "closed", NULL},
        {"reopen", NULL, "open", 1, "closed", "reopened"},
        {"reopened", NULL, "open", 1, "closed", "reopened"},
        {"reopens", NULL, "open", 1, "closed", "reopened"},
        {"limited", "capacity", "limited", 0, NULL, NULL},
        {"work", "from", "working from home", 0, NULL, NULL},
        {"working", "from", "working from home", 0, NULL, NULL},
        {"killed", NULL, "killed", 0, NULL, NULL},
        {"injured", NULL, "injured", 0, NULL, NULL},
        {"wounded", NULL, "injured", 0, NULL, NULL},
        {"arrested", NULL, "arrested", 0, NULL, NULL},
        {"released", NULL, "released", 0, NULL, NULL},
        {"resigned", NULL, "resigned", 0, NULL, NULL},
        {"evacuated", NULL, "evacuated", 0, NULL, NULL},
};

static const char *const negations[] = {"not", "no", "never", "n't", "without"};

/* Words that end the subject of a status word when walking back. */
static const char *const subject_stops[] = {
        "after", "before",   "because", "following", "since",
        "when",  "while",    "whereas", "with",      "as",
        "if",    "although", "though",  "but",
};

/* Reporting words: what follows them is a reported clause with a subject
 * of its own ("the UK said the embassy ..."). */
static const char *const reporting[] = {
        "said",      "says",     "told",  "that",   "announced",
        "confirmed", "reported", "added", "warned",
};

/* Words between a subject and its status word that are neither. */
static const char *const status_aux[] = {
        "remain",  "remains",     "remained", "stay",  "stays", "stayed",
        "would",   "will",        "was",      "were",  "is",    "are",
        "be",      "been",        "being",    "has",   "have",  "had",
        "to",      "temporarily", "also",     "still", "now",   "partially",
        "fully",   "completely",  "decided",  "not",   "never", "all",
        "briefly", "again",       "later",    "then",
};

/* Stems of facility nouns that end a name and may stand for it. */
static const char *const facilities[] = {
        "bridg",    "port",   "harbour", "airport", "school",
        "station",  "road",   "hospit",  "plant",   "factori",
        "border",   "tunnel", "line",    "mine",    "crossing",
        "terminal", "park",   "museum",  "librari", "court",
};

static const char *const pronouns[] = {"they", "it",    "he",  "she",
                                       "its",  "their", "his", "her"};

static int in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(w, list[i]))
			return 1;
	return 0;
}

#define IN(w, list) in_list((w), (list), sizeof(list) / sizeof *(list))

typedef struct claim {
	const char *subject; /* canonical name, or a stem */
	const char *display; /* how to name the subject to a reader */
	const char *value;   /* state as shown, or the number as written */
	const char *state;   /* status claims: the state compared */
	double num;          /* numbers: the value */
	uint8_t approx;      /* "about 300", "at least 145", "some 350" */
	uint8_t rank;        /* numbers: k-th of its subject in its unit */
	uint8_t n_rank;      /* numbers: how many of its subject there */
	const char *about;   /* what the value is of */
	uint32_t art;
	uint32_t unit;
	uint8_t kind; /* 's' status, 'n' number, 'o' ordinal, 'd' date */
} claim;

typedef struct claims {
	claim *v;
	uint32_t n, cap;
} claims;

static int push(claims *c, claim x)
{
	if (c->n == MAX_CLAIMS)
		return 1;
	if (c->n == c->cap) {
		uint32_t nc = c->cap ? c->cap * 2 : 64;
		claim *nv = realloc(c->v, nc * sizeof *nv);
		if (!nv)
			return 0;
		c->v = nv;
		c->cap = nc;
	}
	c->v[c->n++] = x;
	return 1;
}

/* The mention that covers token ti, or NULL. */
static const cr_mention *mention_at(const cr_article *a, uint32_t ti)
{
	const cr_token *t = &a->toks[ti];
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		if (t->span.off >= m->span.off &&
		    t->span.off < m->span.off + m->span.len)
			return m;
	}
	return NULL;
}

static const char *subject_name(const cr_mention *m)
{
	const char *c = cr_country_of(m->name, strlen(m->name));
	return c ? c : m->name;
}

/* Token range of unit u. */
static void unit_tokens(const cr_story *st, uint32_t u, uint32_t *b,
                        uint32_t *e)
{
	const cr_unit *un = &st->units[u];
	const cr_article *a = st->arts[un->art];
	const cr_sentence *s = &a->sents[un->sent];
	*b = s->tok_end;
	*e = s->tok_begin;
	for (uint32_t i = s->tok_begin; i < s->tok_end; i++) {
		const cr_token *t = &a->toks[i];
		if (t->span.off >= un->span.off &&
		    t->span.off + t->span.len <= un->span.off + un->span.len) {
			if (i < *b)
				*b = i;
			*e = i + 1;
		}
	}
	if (*b > *e)
		*b = *e;
}

static int atomic(const cr_story *st, uint32_t u)
{
	return st->units[u].clause ||
	       !(u + 1 < st->n_units && st->units[u + 1].clause &&
	         st->units[u + 1].parent == u);
}

static int is_loc_prep(const char *w)
{
	return !strcmp(w, "in") || !strcmp(w, "at") || !strcmp(w, "from") ||
	       !strcmp(w, "to") || !strcmp(w, "on") || !strcmp(w, "into") ||
	       !strcmp(w, "near") || !strcmp(w, "across");
}

static int push_subject(const cr_story *st, uint32_t u, const char *subject,
                        const char *display, const char *state,
                        const char *label, claims *out)
{
	claim c = {.subject = subject,
	           .display = display ? display : subject,
	           .value = label ? label : state,
	           .state = state,
	           .about = "status",
	           .art = st->units[u].art,
	           .unit = u,
	           .kind = 's'};
	return push(out, c);
}

/* Names that are the subject of the status word at ti, walking back over
 * names and the commas of a list of names to a clause boundary. Returns
 * how many were pushed (or -1 when out of memory). *head receives the
 * nearest content word before the status word (a common-noun subject:
 * "the port remained closed"), *pronoun whether the subject is a pronoun
 * or a possessive ("they decided", "its embassy"). */
static int named_subjects(const cr_story *st, uint32_t u, uint32_t tb,
                          uint32_t ti, const char *state, const char *label,
                          claims *out, const cr_token **head, int *pronoun,
                          uint32_t *boundary)
{
	const cr_article *a = st->arts[st->units[u].art];
	int n = 0;
	*boundary = tb;
	for (uint32_t k = ti; k-- > tb;) {
		const cr_token *t = &a->toks[k];
		if (IN(t->norm, subject_stops) || IN(t->norm, reporting)) {
			*boundary = k;
			break;
		}
		if (!strcmp(t->norm, ",") || !strcmp(t->norm, ";")) {
			if (k == tb || !mention_at(a, k - 1)) {
				*boundary = k;
				break;
			}
			continue;
		}
		const cr_mention *m = mention_at(a, k);
		if (!m) {
			/* "they decided", or "its" right before the head noun
			 */
			if (IN(t->norm, pronouns) &&
			    (!*head ||
			     (k + 1 < ti && &a->toks[k + 1] == *head)))
				*pronoun = 1;
			/* a preposition: what came after it was its object */
			if (is_loc_prep(t->norm) || !strcmp(t->norm, "of") ||
			    !strcmp(t->norm, "for"))
				*head = NULL;
			else if (!*head && (t->flags & CR_TOK_WORD) &&
			         !(t->flags & CR_TOK_STOP) &&
			         !IN(t->norm, status_aux) &&
			         (!(t->flags & CR_TOK_CAP) ||
			          (t->flags & CR_TOK_SENT0)))
				*head = t;
			continue;
		}
		uint32_t first = k;
		while (first > tb && mention_at(a, first - 1) == m)
			first--;
		k = first;
		if (m->type == CR_ENT_OTHER)
			continue;
		if (first > tb) {
			const char *prev = a->toks[first - 1].norm;
			/* "in Kyiv" places the subject; it is not one. */
			if (is_loc_prep(prev))
				continue;
			/* "the port of Saltmere": the port is the subject. */
			if (!strcmp(prev, "of") && first >= tb + 2) {
				const cr_token *noun = &a->toks[first - 2];
				if ((noun->flags & CR_TOK_WORD) &&
				    !(noun->flags &
				      (CR_TOK_CAP | CR_TOK_STOP)) &&
				    strcmp(noun->stem, "embassi")) {
					*head = noun;
					continue;
				}
			}
		}
		if (push_subject(st, u, subject_name(m), NULL, state, label,
		                 out) == 0)
			return -1;
		n++;
		/* "the Harlan Street Bridge reopened" is also "the bridge". */
		const cr_token *last = &a->toks[k];
		while (last + 1 < a->toks + a->n_toks &&
		       mention_at(a, (uint32_t)(last + 1 - a->toks)) == m)
			last++;
		if (IN(last->stem, facilities)) {
			if (push_subject(st, u, last->stem, last->norm, state,
			                 label, out) == 0)
				return -1;
		}
	}
	return n;
}

/* Status claims of one atomic unit. */
static int status_claims(const cr_story *st, uint32_t u, claims *out)
{
	const cr_article *a = st->arts[st->units[u].art];
	uint32_t tb, te;
	unit_tokens(st, u, &tb, &te);
	/* A reported clause can take its subject from the whole sentence. */
	uint32_t sb = a->sents[st->units[u].sent].tok_begin;
	for (uint32_t i = tb; i < te; i++) {
		const char *w = a->toks[i].norm;
		const status_word *sw = NULL;
		for (size_t k = 0;
		     k < sizeof status_words / sizeof *status_words; k++) {
			if (strcmp(w, status_words[k].w1))
				continue;
			if (status_words[k].w2 &&
			    (i + 1 >= te ||
			     strcmp(a->toks[i + 1].norm, status_words[k].w2)))
				continue;
			sw = &status_words[k];
			break;
		}
		if (!sw)
			continue;
		const char *state = sw->state, *label = sw->label;
		for (uint32_t k = i > tb + 3 ? i - 3 : tb; k < i; k++)
			if (IN(a->toks[k].norm, negations) && sw->negatable) {
				state = sw->opposite;
				label = NULL;
			}
		/* "closed the harbour": the object is what is closed. */
		if (sw->negatable && i + 2 < te &&
		    (!strcmp(a->toks[i + 1].norm, "the") ||
		     !strcmp(a->toks[i + 1].norm, "a"))) {
			const cr_token *obj = &a->toks[i + 2];
			if ((obj->flags & CR_TOK_WORD) &&
			    !(obj->flags & CR_TOK_CAP)) {
				if (!push_subject(st, u, obj->stem, obj->norm,
				                  state, label, out))
					return 0;
				continue;
			}
		}
		const cr_token *head = NULL;
		int pronoun = 0;
		uint32_t boundary;
		int n = named_subjects(st, u, tb, i, state, label, out, &head,
		                       &pronoun, &boundary);
		if (n < 0)
			return 0;
		if (n > 0)
			continue;
		/* "France and the UK said they decided not to close", "the UK
		 * confirmed that its embassy remains open": the names are
		 * before the reporting word. */
		if (pronoun && boundary > sb) {
			const cr_token *h2 = NULL;
			int p2 = 0;
			uint32_t b2;
			n = named_subjects(st, u, sb, boundary, state, label,
			                   out, &h2, &p2, &b2);
			if (n < 0)
				return 0;
			if (n > 0)
				continue;
		}
		/* A common noun: "the port remained closed", "schools opened".
		 */
		if (head && !pronoun &&
		    !push_subject(st, u, head->stem, head->norm, state, label,
		                  out))
			return 0;
	}
	return 1;
}

static int is_time_unit(const char *stem)
{
	return stem && (!strcmp(stem, "day") || !strcmp(stem, "week") ||
	                !strcmp(stem, "month") || !strcmp(stem, "year"));
}

static const char *number_text(cr_story *st, const cr_article *a,
                               const cr_number *n)
{
	return cr_arena_strndup(st->arena, a->body + n->span.off, n->span.len);
}

/* The unit (atomic) holding a span of article ai. */
static uint32_t unit_of(const cr_story *st, uint32_t ai, cr_span sp)
{
	uint32_t best = UINT32_MAX;
	for (uint32_t u = st->ubeg[ai]; u < st->uend[ai]; u++) {
		const cr_unit *un = &st->units[u];
		if (sp.off >= un->span.off &&
		    sp.off + sp.len <= un->span.off + un->span.len &&
		    atomic(st, u))
			best = u;
	}
	return best;
}

/* The surface word of the noun a number counts, for display. */
static const char *counted_word(const cr_article *a, const cr_number *n)
{
	const cr_sentence *s = &a->sents[n->sent];
	for (uint32_t i = s->tok_begin; i < s->tok_end; i++)
		if (a->toks[i].span.off >= n->span.off + n->span.len &&
		    !strcmp(a->toks[i].stem, n->counts))
			return a->toks[i].norm;
	return n->counts;
}

/* 1 when token i is within k tokens of number n. */
static int near_number(const cr_article *a, uint32_t i, const cr_number *n,
                       uint32_t k)
{
	const cr_sentence *s = &a->sents[n->sent];
	uint32_t at = s->tok_begin;
	while (at < s->tok_end && a->toks[at].span.off < n->span.off)
		at++;
	return (i > at ? i - at : at - i) <= k;
}

/* Casualty figures: "killed three people", "injuring 12 people", "the
 * death toll rose to five" count one quantity of the story, however the
 * noun is worded. Returns "dead", "injured" or NULL. */
static const char *casualty(const cr_article *a, const cr_number *n)
{
	const cr_sentence *s = &a->sents[n->sent];
	/* the number must count people, or be a toll, or be followed by
	 * the casualty word itself ("12 injured") */
	int people = n->counts && (!strcmp(n->counts, "peopl") ||
	                           !strcmp(n->counts, "person"));
	for (uint32_t i = s->tok_begin; i < s->tok_end && !people; i++) {
		const cr_token *t = &a->toks[i];
		if (t->span.off == n->span.off + n->span.len + 1 &&
		    (!strcmp(t->stem, "dead") || !strcmp(t->stem, "injur") ||
		     !strcmp(t->stem, "kill") || !strcmp(t->stem, "wound") ||
		     !strcmp(t->stem, "hurt")))
			people = 1;
		/* "the death toll from the blast ... rose to five": the toll
		 * heads the clause the number ends */
		if (!strcmp(t->stem, "toll") && t->span.off < n->span.off &&
		    !n->counts) {
			int clause = 1;
			for (uint32_t k = i + 1;
			     k < s->tok_end &&
			     a->toks[k].span.off < n->span.off;
			     k++)
				if (!strcmp(a->toks[k].norm, ",") ||
				    !strcmp(a->toks[k].norm, ";") ||
				    !strcmp(a->toks[k].norm, "and"))
					clause = 0;
			/* the toll's figure is the first number after it */
			for (uint32_t m = 0; m < a->n_nums && clause; m++)
				if (a->nums[m].span.off > t->span.off &&
				    a->nums[m].span.off < n->span.off)
					clause = 0;
			if (clause)
				return "dead";
		}
	}
	if (!people)
		return NULL;
	for (uint32_t i = s->tok_begin; i < s->tok_end; i++) {
		const cr_token *t = &a->toks[i];
		if (!near_number(a, i, n, 6))
			continue;
		if (!strcmp(t->stem, "kill") || !strcmp(t->stem, "dead") ||
		    !strcmp(t->stem, "die") || !strcmp(t->stem, "death") ||
		    !strcmp(t->stem, "toll"))
			return "dead";
		if (!strcmp(t->stem, "injur") || !strcmp(t->stem, "wound") ||
		    !strcmp(t->stem, "hurt"))
			return "injured";
	}
	return NULL;
}

/* A plural scale ("thousands of", "dozens of") says no figure. */
static int vague(const cr_article *a, const cr_number *n)
{
	static const char *const plurals[] = {
	        "hundreds", "thousands", "millions", "billions",
	        "dozens",   "scores",    "tens"};
	if (!n->approx)
		return 0;
	const char *p = a->body + n->span.off;
	for (size_t i = 0; i < sizeof plurals / sizeof *plurals; i++) {
		size_t k = strlen(plurals[i]);
		for (uint32_t j = 0; j + k <= n->span.len; j++) {
			size_t m = 0;
			while (m < k && (p[j + m] | 0x20) == plurals[i][m])
				m++;
			if (m == k)
				return 1;
		}
	}
	return 0;
}

/* Counted nouns that news copy uses for one group: a submarine's "116
 * sailors", "118 men" and "the 118-man crew"; "29 nations" and "13
 * countries". Stems map to the first of their group. */
static const struct {
	const char *from, *to;
} counted_synonyms[] = {
        {"sailor", "crew"},    {"seamen", "crew"}, {"crewmen", "crew"},
        {"crewmemb", "crew"},  {"men", "crew"},    {"man", "crew"},
        {"nation", "countri"},
};

static const char *fold_counted(const char *stem)
{
	for (size_t i = 0;
	     i < sizeof counted_synonyms / sizeof *counted_synonyms; i++)
		if (!strcmp(stem, counted_synonyms[i].from))
			return counted_synonyms[i].to;
	return stem;
}

static int number_claims(cr_story *st, claims *out)
{
	for (uint32_t ai = 0; ai < st->n_arts; ai++) {
		const cr_article *a = st->arts[ai];
		for (uint32_t i = 0; i < a->n_nums; i++) {
			const cr_number *n = &a->nums[i];
			if (n->is_year || vague(a, n))
				continue;
			const char *cas = casualty(a, n);
			if (!cas && !n->counts && !n->unit)
				continue;
			uint32_t u = unit_of(st, ai, n->span);
			if (u == UINT32_MAX)
				continue;
			claim c = {.value = number_text(st, a, n),
			           .num = n->value,
			           .approx = n->approx,
			           .art = ai,
			           .unit = u,
			           .kind = 'n'};
			if (cas) {
				c.subject = c.display = cas;
				c.kind = 'c'; /* compared across the story */
			} else if (n->ordinal && is_time_unit(n->counts)) {
				c.subject = n->counts;
				c.display = counted_word(a, n);
				c.kind = 'o';
			} else {
				c.subject = n->counts ? fold_counted(n->counts)
				                      : n->unit;
				c.display = n->counts ? counted_word(a, n)
				                      : n->unit;
			}
			c.about = c.subject;
			if (!c.value || !push(out, c))
				return 0;
		}
	}
	return 1;
}

/* Sets each number claim's rank among the claims of its subject in its
 * unit; claims [from, n) are in text order per article. */
static void rank_numbers(claims *cl, uint32_t from)
{
	for (uint32_t i = from; i < cl->n; i++) {
		claim *c = &cl->v[i];
		c->rank = 0;
		c->n_rank = 0;
		for (uint32_t j = from; j < cl->n; j++) {
			const claim *o = &cl->v[j];
			if (o->art != c->art || o->unit != c->unit ||
			    o->kind != c->kind ||
			    strcmp(o->subject, c->subject))
				continue;
			c->n_rank += c->n_rank < 255;
			c->rank += j < i && c->rank < 255;
		}
	}
}

/* 1 when unit u of article ai writes the value v anywhere (as a number
 * or as the total of one): "24 of the 47 seats" does not contradict "47
 * seats". */
static int unit_mentions(const cr_story *st, uint32_t ai, uint32_t u, double v)
{
	const cr_article *a = st->arts[ai];
	cr_span sp = st->units[u].span;
	for (uint32_t i = 0; i < a->n_nums; i++) {
		const cr_number *n = &a->nums[i];
		if (n->span.off < sp.off || n->span.off >= sp.off + sp.len)
			continue;
		if (fabs(n->value - v) < 1e-9 || fabs(n->total - v) < 1e-9)
			return 1;
	}
	return 0;
}

static int date_claims(cr_story *st, claims *out)
{
	for (uint32_t ai = 0; ai < st->n_arts; ai++) {
		const cr_article *a = st->arts[ai];
		for (uint32_t i = 0; i < a->n_dates; i++) {
			cr_date d = a->dates[i];
			if (d.kind != CR_DATE_ABSOLUTE &&
			    d.kind != CR_DATE_WEEKDAY)
				continue;
			if (cr_date_is_dateline(a, &a->dates[i]))
				continue;
			if (st->anchor_y[ai])
				cr_date_resolve_story(&d, st, ai);
			if (!d.resolved || d.granularity != 'd')
				continue;
			uint32_t u = unit_of(st, ai, d.span);
			if (u == UINT32_MAX)
				continue;
			char *v = cr_arena_printf(st->arena, "%04d-%02d-%02d",
			                          d.r_year, d.r_month, d.r_day);
			claim c = {.subject = "date",
			           .display = "date",
			           .value = v,
			           .num = d.r_year * 10000.0 + d.r_month * 100 +
			                  d.r_day,
			           .about = "date",
			           .art = ai,
			           .unit = u,
			           .kind = 'd'};
			if (!v || !push(out, c))
				return 0;
		}
	}
	return 1;
}

/* How much of unit u's content unit v states, leaving out numbers and
 * dates (the boosted terms): two statements of one figure that disagree
 * on it share everything but the figure, so the figure must not count
 * against their alignment. */
static double context_coverage(const cr_story *st, uint32_t u, uint32_t v)
{
	const cr_unit *a = &st->units[u], *b = &st->units[v];
	double all = 0, shared = 0;
	uint32_t j = 0;
	for (uint32_t i = 0; i < a->n_terms; i++) {
		if (a->terms[i].boost > 1)
			continue;
		all += a->terms[i].w;
		while (j < b->n_terms && b->terms[j].id < a->terms[i].id)
			j++;
		if (j < b->n_terms && b->terms[j].id == a->terms[i].id)
			shared += a->terms[i].w;
	}
	return all > 0 ? shared / all : 0;
}

/* Two claims are about the same thing. */
static int same_thing(const cr_story *st, const claim *x, const claim *y)
{
	if (x->kind != y->kind || x->art == y->art)
		return 0;
	if (strcmp(x->subject, y->subject))
		return 0;
	if (x->kind == 's' || x->kind == 'o' || x->kind == 'c')
		return 1;
	/* "25 countries and ... six countries" against "28 countries and
	 * ... 10 countries": figures of one subject in one statement are
	 * matched in order. */
	if (x->kind == 'n' && x->n_rank == y->n_rank && x->n_rank > 1 &&
	    x->rank != y->rank)
		return 0;
	/* Numbers and dates must sit in statements that say the same thing
	 * otherwise. */
	return context_coverage(st, x->unit, y->unit) >= ALIGN_COVERAGE ||
	       context_coverage(st, y->unit, x->unit) >= ALIGN_COVERAGE;
}

static int same_value(const claim *x, const claim *y)
{
	if (x->kind == 's')
		return !strcmp(x->state, y->state);
	/* "about 200" does not contradict "198": an approximate figure
	 * agrees with one within APPROX_SLACK of it */
	double d = fabs(x->num - y->num);
	if ((x->approx || y->approx) && x->kind != 'd')
		return d <= APPROX_SLACK * fmax(fabs(x->num), fabs(y->num));
	return d < 1e-9;
}

static const char *about_text(cr_story *st, const claim *c)
{
	switch (c->kind) {
	case 's':
		return cr_arena_printf(st->arena, "status of %s", c->display);
	case 'o':
		return cr_arena_printf(st->arena, "which %s it is", c->display);
	case 'd':
		return cr_arena_printf(
		        st->arena, "when: %s",
		        cr_story_text(st, c->art, st->units[c->unit].span));
	case 'c':
		return cr_arena_printf(st->arena, "number %s", c->display);
	default:
		return cr_arena_printf(st->arena, "number of %s", c->display);
	}
}

static int cmp_claim(const void *x, const void *y)
{
	const claim *a = x, *b = y;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	int c = strcmp(a->subject, b->subject);
	if (c)
		return c;
	return a->art < b->art ? -1 : a->art > b->art;
}

/* 1 when an earlier conflict of b has the same sides as cf: the same
 * values from the same articles. */
static int repeats_conflict(const cr_briefing *b, const cr_bconflict *cf)
{
	for (uint32_t i = 0; i < b->n_conflicts; i++) {
		const cr_bconflict *o = &b->conflicts[i];
		if (o->n_claims != cf->n_claims)
			continue;
		uint32_t same = 0;
		for (uint32_t k = 0; k < cf->n_claims; k++)
			for (uint32_t m = 0; m < o->n_claims; m++)
				if (!strcmp(o->claims[m].value,
				            cf->claims[k].value) &&
				    cr_artset_equal(o->claims[m].arts,
				                    cf->claims[k].arts)) {
					same++;
					break;
				}
		if (same == cf->n_claims)
			return 1;
	}
	return 0;
}

/* Whether claim ci (of group grp) counts as its article's side.
 * - status: an article that gives two states of one subject is not read
 *   as taking a side;
 * - number in aligned statements: a statement that also writes the other
 *   value ("41 votes instead of 63") takes no side;
 * - running figures (tolls, day counts): an article's first figure is its
 *   side; a later one restates an earlier report ("police had put the toll
 *   at three"). */
static int takes_side(const cr_story *st, const claims *cl, const uint32_t *grp,
                      uint32_t ng, uint32_t ci)
{
	const claim *c = &cl->v[ci];
	for (uint32_t h = 0; h < ng; h++) {
		const claim *o = &cl->v[grp[h]];
		if (grp[h] == ci || same_value(o, c))
			continue;
		if (c->kind == 'n' || c->kind == 'd') {
			/* the other value of the article's own statement is
			 * another figure, not the other side's */
			if (c->kind == 'n' && o->art != c->art &&
			    unit_mentions(st, c->art, c->unit, o->num))
				return 0;
			if (c->kind == 'd' && o->art == c->art &&
			    o->unit == c->unit)
				return 0;
			continue;
		}
		if (o->art != c->art)
			continue;
		if (c->kind == 's')
			return 0;
		/* first figure wins */
		if (st->units[o->unit].span.off < st->units[c->unit].span.off)
			return 0;
	}
	return 1;
}

/* An update: every side is dated, and in time order each side's first
 * report comes more than UPDATE_GAP after the previous side's last, so
 * that each value replaced the one before ("four dead", a day later
 * "seven", a week later "nine"). Sides that overlap in time contradict. */
static int successive(const int64_t *t_first, const int64_t *t_last,
                      uint32_t sides)
{
	uint32_t ord[64];
	for (uint32_t k = 0; k < sides; k++) {
		if (t_first[k] == INT64_MAX)
			return 0;
		uint32_t m = k;
		while (m > 0 && t_first[ord[m - 1]] > t_first[k]) {
			ord[m] = ord[m - 1];
			m--;
		}
		ord[m] = k;
	}
	for (uint32_t k = 1; k < sides; k++)
		if (t_first[ord[k]] - t_last[ord[k - 1]] <= UPDATE_GAP)
			return 0;
	return sides >= 2;
}

/* Groups claims into conflicts: a group is a set of claims about the same
 * thing from at least two articles that do not all give one value. */
static cr_err build_conflicts(cr_story *st, cr_briefing *b, claims *cl)
{
	if (cl->n) /* cl->v is NULL when no claim was made */
		qsort(cl->v, cl->n, sizeof *cl->v, cmp_claim);
	uint8_t *used = calloc(cl->n ? cl->n : 1, 1);
	uint32_t *grp = malloc((cl->n ? cl->n : 1) * sizeof *grp);
	uint8_t *mask = malloc(st->n_arts ? st->n_arts : 1);
	cr_err e = CR_ENOMEM;
	if (!used || !grp || !mask)
		goto out;
	b->conflicts = cr_arena_alloc(st->arena, (cl->n ? cl->n : 1) *
	                                                 sizeof *b->conflicts);
	if (!b->conflicts)
		goto out;
	for (uint32_t i = 0; i < cl->n; i++) {
		if (used[i])
			continue;
		uint32_t ng = 0;
		grp[ng++] = i;
		for (uint32_t j = i + 1; j < cl->n; j++)
			if (!used[j] &&
			    (same_thing(st, &cl->v[i], &cl->v[j]) ||
			     (cl->v[i].art == cl->v[j].art &&
			      cl->v[i].kind == cl->v[j].kind &&
			      !strcmp(cl->v[i].subject, cl->v[j].subject) &&
			      cl->v[i].kind != 'n' && cl->v[i].kind != 'd')))
				grp[ng++] = j;
		/* Distinct values, each with its articles. */
		uint32_t vals[64], nv = 0;
		for (uint32_t g = 0; g < ng && nv < 64; g++) {
			int seen = 0;
			for (uint32_t k = 0; k < nv && !seen; k++)
				seen = same_value(&cl->v[grp[g]],
				                  &cl->v[vals[k]]);
			if (!seen)
				vals[nv++] = grp[g];
		}
		for (uint32_t g = 0; g < ng; g++)
			used[grp[g]] = 1;
		if (nv < 2)
			continue;
		/* An article that gives two values of one thing is not read
		 * as taking a side; if that leaves one side, no conflict. */
		uint32_t sides = 0;
		cr_bconflict *cf = &b->conflicts[b->n_conflicts];
		cf->claims = cr_arena_alloc(st->arena, nv * sizeof *cf->claims);
		if (!cf->claims)
			goto out;
		int64_t t_first[64], t_last[64];
		for (uint32_t k = 0; k < nv; k++) {
			memset(mask, 0, st->n_arts);
			const claim *rep = &cl->v[vals[k]];
			t_first[k] = INT64_MAX;
			t_last[k] = INT64_MIN;
			for (uint32_t g = 0; g < ng; g++) {
				const claim *c = &cl->v[grp[g]];
				if (!same_value(c, rep))
					continue;
				if (!takes_side(st, cl, grp, ng, grp[g]))
					continue;
				mask[c->art] = 1;
				int64_t t = st->arts[c->art]->published;
				if (t != CR_TIME_NONE) {
					if (t < t_first[k])
						t_first[k] = t;
					if (t > t_last[k])
						t_last[k] = t;
				}
			}
			cr_artset s = cr_artset_from_mask(st->arena, mask,
			                                  st->n_arts);
			if (s.n == 0)
				continue;
			cr_bclaim *bc = &cf->claims[sides++];
			bc->value = rep->value;
			bc->arts = s;
			uint32_t art = s.idx[0];
			uint32_t unit = rep->unit;
			for (uint32_t g = 0; g < ng; g++)
				if (cl->v[grp[g]].art == art &&
				    same_value(&cl->v[grp[g]], rep))
					unit = cl->v[grp[g]].unit;
			bc->text = cr_story_text(st, art, st->units[unit].span);
			/* keep times aligned with the claim just written */
			t_first[sides - 1] = t_first[k];
			t_last[sides - 1] = t_last[k];
		}
		if (sides < 2)
			continue;
		cf->n_claims = sides;
		/* A name and the facility noun it ends with ("the Harlan Street
		 * Bridge", "the bridge") can make the same conflict twice; the
		 * first, by name, is kept. */
		if (repeats_conflict(b, cf))
			continue;
		cf->about = about_text(st, &cl->v[i]);
		cf->kind = successive(t_first, t_last, sides)
		                   ? CR_CONFLICT_UPDATE
		                   : CR_CONFLICT_CONTRADICTION;
		b->n_conflicts++;
	}
	e = CR_OK;
out:
	free(mask);
	free(grp);
	free(used);
	return e;
}

cr_err cr_brief_conflicts(cr_story *st, cr_briefing *b)
{
	claims cl = {0};
	cr_err e = CR_ENOMEM;
	for (uint32_t u = 0; u < st->n_units; u++)
		if (atomic(st, u) && !status_claims(st, u, &cl))
			goto out;
	uint32_t first_number = cl.n;
	if (!number_claims(st, &cl))
		goto out;
	rank_numbers(&cl, first_number);
	if (!date_claims(st, &cl))
		goto out;
	e = build_conflicts(st, b, &cl);
out:
	free(cl.v);
	return e;
}

/*
 * timeline.c - the story's events on one calendar.
 *
 * Every date expression of every article becomes an event: the statement
 * (clause or sentence) that holds it, with the date resolved against the
 * article's anchor. An article without a publication date borrows the
 * date its own text allows, or the one the rest of the story allows, and
 * the entry says the date was inferred. Events from different articles
 * that fall on the same date and state the same thing are one event with
 * all their articles. Entries are ordered by date; undated ones last.
 */
#include "brief/story.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/date.h"

#define SAME_EVENT_COVERAGE 0.40

cr_err cr_story_anchors(cr_story *st)
{
	uint32_t n = st->n_arts;
	st->anchor_y = cr_arena_alloc(st->arena, (n ? n : 1) * sizeof(int16_t));
	st->anchor_m = cr_arena_alloc(st->arena, n ? n : 1);
	st->anchor_d = cr_arena_alloc(st->arena, n ? n : 1);
	st->anchor_inferred = cr_arena_alloc(st->arena, n ? n : 1);
	if (!st->anchor_y || !st->anchor_m || !st->anchor_d ||
	    !st->anchor_inferred)
		return CR_ENOMEM;
	for (uint32_t i = 0; i < n; i++) {
		const cr_article *a = st->arts[i];
		int y, m, d;
		if (a->published != CR_TIME_NONE) {
			int64_t days = a->published / 86400;
			if (a->published % 86400 < 0)
				days--;
			cr_civil_from_days(days, &y, &m, &d);
		} else if (cr_dates_infer_anchor(a, &y, &m, &d)) {
			st->anchor_inferred[i] = 1;
		} else {
			continue;
		}
		st->anchor_y[i] = (int16_t)y;
		st->anchor_m[i] = (int8_t)m;
		st->anchor_d[i] = (int8_t)d;
	}
	/* Articles with no anchor take the most common inferred or published
	 * one of the story: reports of one story are written close together. */
	int best = -1, best_n = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (!st->anchor_y[i])
			continue;
		int k = 0;
		for (uint32_t j = 0; j < n; j++)
			k += st->anchor_y[j] == st->anchor_y[i] &&
			     st->anchor_m[j] == st->anchor_m[i] &&
			     st->anchor_d[j] == st->anchor_d[i];
		if (k > best_n) {
			best_n = k;
			best = (int)i;
		}
	}
	if (best < 0)
		return CR_OK;
	for (uint32_t i = 0; i < n; i++) {
		if (st->anchor_y[i])
			continue;
		st->anchor_y[i] = st->anchor_y[best];
		st->anchor_m[i] = st->anchor_m[best];
		st->anchor_d[i] = st->anchor_d[best];
		st->anchor_inferred[i] = 1;
	}
	return CR_OK;
}

void cr_date_resolve_story(cr_date *d, const cr_story *st, uint32_t ai)
{
	if (d->resolved || !st->anchor_y[ai])
		return;
	cr_date_resolve(d, st->anchor_y[ai], st->anchor_m[ai],
	                st->anchor_d[ai]);
}

int cr_date_is_dateline(const cr_article *a, const cr_date *d)
{
	if (d->sent != 0 || d->span.off > 80)
		return 0;
	/* a dash soon after the date, before any verb could come */
	const char *p = a->body + d->span.off + d->span.len;
	const char *end = a->body + a->body_len;
	for (int k = 0; k < 24 && p < end; k++, p++) {
		if (*p == '-' || !strncmp(p, "\xe2\x80\x94", 3) ||
		    !strncmp(p, "\xe2\x80\x93", 3))
			return 1;
		if (*p == '.' || *p == '\n')
			return 0;
	}
	return 0;
}

typedef struct event {
	cr_date date;
	uint32_t art;
	uint32_t unit;
	uint32_t order;
} event;

static int key_cmp(const event *a, const event *b)
{
	int ra = a->date.resolved, rb = b->date.resolved;
	if (ra != rb)
		return ra ? -1 : 1;
	if (ra) {
		long ka = a->date.r_year * 10000L + a->date.r_month * 100 +
		          a->date.r_day;
		long kb = b->date.r_year * 10000L + b->date.r_month * 100 +
		          b->date.r_day;
		if (ka != kb)
			return ka < kb ? -1 : 1;
	}
	return 0;
}

static int by_date(const void *x, const void *y)
{
	const event *a = x, *b = y;
	int c = key_cmp(a, b);
	if (c)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* 1 when unit v's sentence is what states unit u in v's article. */
static int states(const cr_story *st, uint32_t u, uint32_t v)
{
	uint32_t best;
	return cr_unit_supported_by(st, u, st->units[v].art, &best) &&
	       best != UINT32_MAX && st->units[best].sent == st->units[v].sent;
}

static uint32_t unit_holding(const cr_story *st, uint32_t ai, cr_span sp)
{
	uint32_t best = UINT32_MAX;
	for (uint32_t u = st->ubeg[ai]; u < st->uend[ai]; u++) {
		const cr_unit *un = &st->units[u];
		if (sp.off >= un->span.off &&
		    sp.off + sp.len <= un->span.off + un->span.len)
			best = u; /* a clause comes after its sentence */
	}
	return best;
}

cr_err cr_brief_timeline(cr_story *st, cr_briefing *b)
{
	uint32_t total = 0;
	for (uint32_t i = 0; i < st->n_arts; i++)
		total += st->arts[i]->n_dates;
	event *ev = malloc((total ? total : 1) * sizeof *ev);
	uint8_t *mask = malloc(st->n_arts ? st->n_arts : 1);
	uint8_t *merged = calloc(total ? total : 1, 1);
	cr_err e = CR_ENOMEM;
	if (!ev || !mask || !merged)
		goto out;
	uint32_t n = 0;
	for (uint32_t i = 0; i < st->n_arts; i++) {
		const cr_article *a = st->arts[i];
		for (uint32_t k = 0; k < a->n_dates; k++) {
			cr_date d = a->dates[k];
			/* durations, "now" and "every week" name no date */
			if (cr_date_is_dateline(a, &a->dates[k]) ||
			    cr_date_undatable(&d))
				continue;
			uint32_t u = unit_holding(st, i, d.span);
			if (u == UINT32_MAX)
				continue;
			cr_date_resolve_story(&d, st, i);
			ev[n] = (event){d, i, u, n};
			n++;
		}
	}
	qsort(ev, n, sizeof *ev, by_date);
	b->timeline =
	        cr_arena_alloc(st->arena, (n ? n : 1) * sizeof *b->timeline);
	if (!b->timeline)
		goto out;
	for (uint32_t i = 0; i < n; i++) {
		if (merged[i])
			continue;
		memset(mask, 0, st->n_arts);
		mask[ev[i].art] = 1;
		/* Same date, same statement, other articles: one event. */
		for (uint32_t j = i + 1; j < n && key_cmp(&ev[i], &ev[j]) == 0;
		     j++) {
			if (merged[j])
				continue;
			int same = ev[j].unit == ev[i].unit;
			/* the same statement: one states the other (as for
			 * facts), or they share most of their words */
			if (!same && ev[j].art != ev[i].art)
				same = states(st, ev[i].unit, ev[j].unit) ||
				       states(st, ev[j].unit, ev[i].unit) ||
				       cr_unit_coverage(st, ev[i].unit,
				                        ev[j].unit) >=
				               SAME_EVENT_COVERAGE ||
				       cr_unit_coverage(st, ev[j].unit,
				                        ev[i].unit) >=
				               SAME_EVENT_COVERAGE;
			if (same && ev[i].date.resolved) {
				merged[j] = 1;
				mask[ev[j].art] = 1;
			}
		}
		cr_bevent *be = &b->timeline[b->n_timeline++];
		const cr_date *d = &ev[i].date;
		be->has_date = d->resolved;
		if (d->resolved) {
			be->year = d->r_year;
			be->month = d->granularity == 'y' ? 0 : d->r_month;
			be->day = d->granularity == 'd' ? d->r_day : 0;
		}
		be->inferred = st->anchor_inferred[ev[i].art] && d->resolved &&
		               !(d->kind == CR_DATE_ABSOLUTE && d->year);
		const cr_article *a = st->arts[ev[i].art];
		be->as_written = cr_arena_strndup(
		        st->arena, a->body + d->span.off, d->span.len);
		be->event = cr_story_text(st, ev[i].art,
		                          st->units[ev[i].unit].span);
		be->arts = cr_artset_from_mask(st->arena, mask, st->n_arts);
		if (!be->as_written || !be->event || !be->arts.idx)
			goto out;
	}
	e = CR_OK;
out:
	free(merged);
	free(mask);
	free(ev);
	return e;
}

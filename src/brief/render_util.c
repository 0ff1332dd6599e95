/*
 * render_util.c - labels, dates and enum names shared by the renderers.
 *
 * Assumes briefings follow crossread/briefing.h; indices that fall
 * outside b->arts are ignored rather than trusted.
 */
#include "brief/render_util.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "crossread/article.h"

const cr_article *cr_render_art(const cr_briefing *b, uint32_t i)
{
	if (!b->arts || i >= b->n_arts)
		return NULL;
	return b->arts[i];
}

const char *cr_render_label(const cr_article *a)
{
	if (a && a->source && *a->source)
		return a->source;
	if (a && a->id && *a->id)
		return a->id;
	return "unknown outlet";
}

int cr_render_iso_time(int64_t t, char buf[CR_RENDER_TIME_BUF])
{
	/* 0001-01-01 and 9999-12-31T23:59:59 in seconds since the epoch:
	 * outside them the four-digit year of ISO 8601 does not hold. */
	const int64_t lo = -62135596800LL, hi = 253402300799LL;
	if (t == CR_TIME_NONE || t < lo || t > hi)
		return 0;
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm))
		return 0;
	/* The moduli cannot change the fields (the range is checked above);
	 * they tell the compiler each fits its width. */
	snprintf(buf, CR_RENDER_TIME_BUF, "%04u-%02u-%02uT%02u:%02u:%02uZ",
	         (unsigned)(tm.tm_year + 1900) % 10000u,
	         (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u,
	         (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
	         (unsigned)tm.tm_sec % 100u);
	return 1;
}

int cr_render_event_date(const cr_bevent *e, char buf[CR_RENDER_TIME_BUF])
{
	if (!e->has_date || e->year < 1 || e->year > 9999)
		return 0;
	if (e->month < 1 || e->month > 12)
		snprintf(buf, CR_RENDER_TIME_BUF, "%04d", e->year);
	else if (e->day < 1 || e->day > 31)
		snprintf(buf, CR_RENDER_TIME_BUF, "%04d-%02d", e->year,
		         e->month);
	else
		snprintf(buf, CR_RENDER_TIME_BUF, "%04d-%02d-%02d", e->year,
		         e->month, e->day);
	return 1;
}

uint32_t cr_render_each_label(const cr_briefing *b, const cr_artset *set,
                              void (*fn)(void *ud, const char *label,
                                         const cr_article *a),
                              void *ud)
{
	const char *shown[CR_RENDER_MAX_LISTED];
	uint32_t n_shown = 0, n_more = 0;
	for (uint32_t k = 0; set->idx && k < set->n; k++) {
		const cr_article *a = cr_render_art(b, set->idx[k]);
		if (!a)
			continue;
		const char *l = cr_render_label(a);
		int seen = 0;
		for (uint32_t j = 0; j < n_shown && !seen; j++)
			seen = !strcmp(shown[j], l);
		if (seen)
			continue;
		if (n_shown < CR_RENDER_MAX_LISTED) {
			shown[n_shown++] = l;
			fn(ud, l, a);
		} else {
			n_more++;
		}
	}
	return n_more;
}

const char *cr_render_agreement(uint8_t agreement)
{
	switch (agreement) {
	case CR_AGREE_ALL:
		return "all";
	case CR_AGREE_SOME:
		return "some";
	default:
		return "one";
	}
}

const char *cr_render_entity_type(uint8_t type)
{
	switch (type) {
	case CR_ENT_PERSON:
		return "person";
	case CR_ENT_PLACE:
		return "place";
	case CR_ENT_ORG:
		return "organisation";
	default:
		return "other";
	}
}

const char *cr_render_conflict_kind(uint8_t kind)
{
	return kind == CR_CONFLICT_UPDATE ? "update" : "contradiction";
}

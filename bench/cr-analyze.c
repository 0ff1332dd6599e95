/*
 * cr-analyze - runs crossread's text analysis on JSON lines, for the
 * quality and speed benchmarks in bench/.
 *
 * Reads one JSON object per line on stdin: {"id", "text", "dct"} where
 * dct (optional) is an ISO date "YYYY-MM-DD" used as the publication
 * date. For each it prints one JSON line with the entities, dates and
 * quotes that the real analyser finds, every position a byte offset
 * [start, end) into the given text. With --time it runs the stages one by
 * one, in the order src/text/analyze.c runs them, and adds each stage's
 * CPU time in nanoseconds (the thread's: on a shared machine, waiting for
 * the core is not work), as measured, with the clock's own cost per stage
 * (timer_ns, see timer_cost_ns()). With --dump it adds what the first stages
 * found too (sentences, every token's span, norm, stem and flags, and the
 * numbers), so that a speed change can be checked for byte-identical
 * output by diffing two runs.
 *
 * Assumes the text is valid UTF-8 without \r, NUL or other C0 controls
 * but \n and \t: the body is the text after cr_utf8_repair, and repair
 * would move offsets otherwise. Such a line is still analysed, and its
 * output says "repaired": true so that a scorer can tell.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/arena.h"
#include "crossread/article.h"
#include "text/analyze.h"
#include "text/date.h"
#include "text/entity.h"
#include "text/number.h"
#include "text/quote.h"
#include "text/sentence.h"
#include "text/stem.h"
#include "text/token.h"
#include "text/utf8.h"

/* The longest input line read; longer lines are reported and skipped. */
#define MAX_LINE (64u << 20)

enum { ST_TOKENS, ST_NUMBERS, ST_DATES, ST_ENTITIES, ST_QUOTES, N_STAGES };

static const char *const stage_names[N_STAGES] = {"tokens", "numbers", "dates",
                                                  "entities", "quotes"};

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* The time one stage's reading counts that is the clock's own: each
 * stage's time runs from inside one clock_gettime() to inside the next,
 * and the thread clock is a system call (about a microsecond here, not
 * the vDSO's tens of nanoseconds), so a stage of 30 us carries a few per
 * cent of clock. Measured as the median of back-to-back readings, once
 * per run; cr-analyze reports it beside the times (timer_ns), which it
 * leaves as measured, and bench/text-speed subtracts it. */
static int64_t timer_cost_ns(void)
{
	enum { N = 1001 };
	int64_t d[N];
	for (int k = 0; k < N; k++) {
		int64_t t0 = now_ns();
		d[k] = now_ns() - t0;
	}
	qsort(d, N, sizeof *d, cmp_i64);
	return d[N / 2];
}

static int64_t timer_ns; /* timer_cost_ns() of this run, with --time */

/* Runs the stages one by one, adding each one's time to ns[]; the quotes
 * stage includes reported speech, returned in *rq, *nrq. */
static cr_err analyze_timed(cr_analyzer *an, cr_article *a,
                            int64_t ns[N_STAGES], cr_quote **rq, uint32_t *nrq)
{
	int64_t t0 = now_ns();
	cr_err e = cr_analyze_tokens(an, a);
	int64_t t1 = now_ns();
	ns[ST_TOKENS] = t1 - t0;
	if (e != CR_OK)
		return e;
	/* Dates, entities and quotes are the analyzer's own stages, as
	 * cr_analyze() runs them: dates with its index of date words
	 * (cr_analyze_dates), the learnt tagger when the model is loaded,
	 * else the rules (cr_analyze_entities), quotes in marks and reported
	 * speech in one walk with its word filters (cr_analyze_quotes). */
	for (int k = 0; k < 4; k++) {
		if (k == 0) {
			e = cr_numbers_find(a);
		} else if (k == 1) {
			e = cr_analyze_dates(an, a);
		} else if (k == 2) {
			e = cr_analyze_entities(an, a);
		} else {
			e = cr_analyze_quotes(an, a);
			*rq = a->reported;
			*nrq = a->n_reported;
		}
		int64_t t2 = now_ns();
		ns[ST_NUMBERS + k] = t2 - t1;
		t1 = t2;
		if (e != CR_OK)
			return e;
	}
	return CR_OK;
}

/* Parses "YYYY-MM-DD" (anything after the tenth byte is ignored) into
 * seconds since the epoch at midnight UTC; CR_TIME_NONE when it is not
 * such a date. */
static int64_t parse_dct(const char *s)
{
	int y, m, d;
	if (!s || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return CR_TIME_NONE;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return CR_TIME_NONE;
	return cr_days_from_civil(y, m, d) * 86400;
}

static const char *type_name(uint8_t t)
{
	switch (t) {
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

static const char *kind_name(uint8_t k)
{
	static const char *const names[] = {"absolute", "month",    "year",
	                                    "weekday",  "relative", "holiday",
	                                    "vague"};
	return k < sizeof names / sizeof names[0] ? names[k] : "unknown";
}

/* The TIMEX3 type the date's fields allow: a count of units that is not
 * anchored to the publication date ("three days after") or a duration
 * (text/date.h's CR_DATE_G_DURATION) reads as a DURATION, a recurrence
 * as a SET; every other kind names a DATE. TIME is never inferred:
 * cr_date holds no clock times. */
static const char *timex_type(const cr_date *d)
{
	if ((d->kind == CR_DATE_RELATIVE && d->granularity == 'e') ||
	    d->granularity == CR_DATE_G_DURATION)
		return "DURATION";
	if (d->granularity == CR_DATE_G_SET)
		return "SET";
	return "DATE";
}

/* A duration or a recurrence as a TIMEX3 period ("P3Y", "PT24H", "PXW"),
 * or JSON null when its unit is unknown. */
static json_t *period_value(const cr_date *d)
{
	static const struct {
		char unit;
		const char *time, *name;
	} units[] = {
	        {'S', "T", "S"}, {'n', "T", "M"}, {'h', "T", "H"},
	        {'d', "", "D"},  {'w', "", "W"},  {'m', "", "M"},
	        {'y', "", "Y"},  {'E', "", "DE"}, {'C', "", "CE"},
	};
	char buf[32];
	for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
		if (units[k].unit != d->offset_unit)
			continue;
		if (d->offset_days > 0)
			snprintf(buf, sizeof buf, "P%s%d%s", units[k].time,
			         (int)d->offset_days, units[k].name);
		else
			snprintf(buf, sizeof buf, "P%sX%s", units[k].time,
			         units[k].name);
		return json_string(buf);
	}
	return json_null();
}

/* The ISO 8601 week ("2024-W47") of day z, counted from 1970-01-01. */
static json_t *iso_week(int64_t z)
{
	int64_t monday_based = ((z + 3) % 7 + 7) % 7; /* 1970-01-01: Thu */
	int64_t thursday = z - monday_based + 3;
	int y, m, d;
	cr_civil_from_days(thursday, &y, &m, &d);
	int64_t doy = thursday - cr_days_from_civil(y, 1, 1);
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-W%02d", y, (int)(doy / 7 + 1));
	return json_string(buf);
}

/* The resolved value as a TIMEX3-like string, or JSON null. A week
 * counted from the anchor ("last week", "this week"), which cr_date
 * leaves unresolved, is printed as its ISO week when published is
 * known. */
static json_t *timex_value(const cr_date *d, int64_t published)
{
	char buf[32];
	if ((d->kind == CR_DATE_RELATIVE || d->kind == CR_DATE_VAGUE) &&
	    d->offset_unit == 'w' && !d->granularity &&
	    published != CR_TIME_NONE && d->offset_days >= -520 &&
	    d->offset_days <= 520) {
		int64_t z = published / 86400 - (published % 86400 < 0);
		return iso_week(z + 7 * (int64_t)d->offset_days);
	}
	if (d->granularity == CR_DATE_G_DURATION ||
	    d->granularity == CR_DATE_G_SET)
		return period_value(d);
	if (d->granularity == CR_DATE_G_DECADE && d->year > 0) {
		snprintf(buf, sizeof buf, "%03d", d->year / 10);
		return json_string(buf);
	}
	if (d->granularity == CR_DATE_G_CENTURY && d->year >= 0) {
		snprintf(buf, sizeof buf, "%02d", d->year / 100);
		return json_string(buf);
	}
	if (d->granularity == CR_DATE_G_REF)
		return json_string(d->offset_days < 0   ? "PAST_REF"
		                   : d->offset_days > 0 ? "FUTURE_REF"
		                                        : "PRESENT_REF");
	if (!d->resolved)
		return json_null();
	if (d->kind == CR_DATE_VAGUE && d->offset_unit == 'q' &&
	    d->granularity == 'y') {
		int mo = d->month ? d->month : d->r_month;
		if (mo >= 1 && mo <= 12) {
			snprintf(buf, sizeof buf, "%04d-Q%d", d->r_year,
			         (mo + 2) / 3);
			return json_string(buf);
		}
	}
	if (d->kind == CR_DATE_VAGUE && d->offset_unit == 's' &&
	    d->granularity == 'y') {
		static const char *const seasons[4] = {"SP", "SU", "FA", "WI"};
		int mo = d->r_month;
		if (mo == 3 || mo == 6 || mo == 9 || mo == 12) {
			snprintf(buf, sizeof buf, "%04d-%s", d->r_year,
			         seasons[mo / 3 - 1]);
			return json_string(buf);
		}
	}
	switch (d->granularity) {
	case 'd':
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->r_year,
		         d->r_month, d->r_day);
		break;
	case 'm':
		snprintf(buf, sizeof buf, "%04d-%02d", d->r_year, d->r_month);
		break;
	case 'y':
		snprintf(buf, sizeof buf, "%04d", d->r_year);
		break;
	default:
		return json_null();
	}
	return json_string(buf);
}

static json_t *span_str(const cr_article *a, cr_span s)
{
	return json_stringn(a->body + s.off, s.len);
}

/* 1 when the text of span s ends with the word w. */
static int ends_with_word(const cr_article *a, cr_span s, const char *w)
{
	size_t n = strlen(w);
	if (s.len < n + 1)
		return 0;
	const char *e = a->body + s.off + s.len - n;
	return strncasecmp(e, w, n) == 0 && e[-1] == ' ';
}

/* A count of units from an unnamed event ("three days after", "a year
 * earlier") the way TimeBank writes it: "N units earlier" is a DATE
 * counted back from the publication date; "N units after/later/before"
 * is the DURATION "N units", the last word left out of the span. Sets
 * *type and *value (and may shorten d's span); -1 when d is no such
 * date. */
static int timebank_relative(const cr_article *a, cr_date *d, const char **type,
                             json_t **value)
{
	if (d->kind != CR_DATE_RELATIVE || d->granularity != 'e' ||
	    !d->offset_days)
		return -1;
	if (ends_with_word(a, d->span, "earlier")) {
		cr_date back = *d;
		back.granularity = 0;
		if (a->published != CR_TIME_NONE) {
			int y, m, day;
			int64_t z = a->published / 86400 -
			            (a->published % 86400 < 0);
			cr_civil_from_days(z, &y, &m, &day);
			cr_date_resolve(&back, y, m, day);
		}
		*type = "DATE";
		*value = timex_value(&back, a->published);
		return 0;
	}
	static const char *const tails[] = {"after", "later", "before",
	                                    "prior"};
	for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
		if (!ends_with_word(a, d->span, tails[k]))
			continue;
		d->span.len -= (uint32_t)strlen(tails[k]) + 1;
		cr_date p = *d;
		p.offset_days =
		        p.offset_days < 0 ? -p.offset_days : p.offset_days;
		*type = "DURATION";
		*value = period_value(&p);
		return 0;
	}
	return -1;
}

/* The quotes qv[0..n) as a JSON array: span, text, partial, speaker and
 * cue of each. */
static json_t *quotes_json(const cr_article *a, const cr_quote *qv, uint32_t n)
{
	json_t *quotes = json_array();
	for (uint32_t i = 0; i < n; i++) {
		const cr_quote *q = &qv[i];
		json_t *qo = json_pack(
		        "{s:I,s:I,s:o,s:b}", "start", (json_int_t)q->text.off,
		        "end", (json_int_t)(q->text.off + q->text.len), "text",
		        span_str(a, q->text), "partial", q->partial);
		if (q->speaker_span.len) {
			json_object_set_new(qo, "speaker_start",
			                    json_integer(q->speaker_span.off));
			json_object_set_new(qo, "speaker_end",
			                    json_integer(q->speaker_span.off +
			                                 q->speaker_span.len));
		} else {
			json_object_set_new(qo, "speaker_start", json_null());
			json_object_set_new(qo, "speaker_end", json_null());
		}
		json_object_set_new(qo, "speaker",
		                    q->speaker ? json_string(q->speaker)
		                               : json_null());
		json_object_set_new(qo, "cue",
		                    q->cue ? json_string(q->cue) : json_null());
		json_array_append_new(quotes, qo);
	}
	return quotes;
}

/* Builds the output object for one analysed article. */
static json_t *result_json(const cr_article *a, const char *id, int repaired,
                           const cr_quote *rq, uint32_t nrq)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", id ? json_string(id) : json_null());
	if (repaired)
		json_object_set_new(o, "repaired", json_true());
	json_t *ents = json_array();
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		json_array_append_new(
		        ents, json_pack("{s:I,s:I,s:s,s:o,s:s,s:b}", "start",
		                        (json_int_t)m->span.off, "end",
		                        (json_int_t)(m->span.off + m->span.len),
		                        "type", type_name(m->type), "text",
		                        span_str(a, m->span), "name",
		                        m->name ? m->name : "", "demonym",
		                        m->demonym));
	}
	json_object_set_new(o, "entities", ents);
	json_t *dates = json_array();
	for (uint32_t i = 0; i < a->n_dates; i++) {
		cr_date d = a->dates[i];
		const char *type = timex_type(&d);
		json_t *value;
		if (timebank_relative(a, &d, &type, &value) < 0)
			value = timex_value(&d, a->published);
		json_array_append_new(
		        dates, json_pack("{s:I,s:I,s:o,s:s,s:s,s:o}", "start",
		                         (json_int_t)d.span.off, "end",
		                         (json_int_t)(d.span.off + d.span.len),
		                         "text", span_str(a, d.span), "kind",
		                         kind_name(d.kind), "type", type,
		                         "value", value));
	}
	json_object_set_new(o, "dates", dates);
	json_object_set_new(o, "quotes",
	                    quotes_json(a, a->quotes, a->n_quotes));
	json_object_set_new(o, "reported", quotes_json(a, rq, nrq));
	return o;
}

/* Adds the sentences, tokens and numbers of a to o, for --dump. */
static void dump_json(const cr_article *a, json_t *o)
{
	json_t *sents = json_array();
	for (uint32_t i = 0; i < a->n_sents; i++) {
		const cr_sentence *s = &a->sents[i];
		json_array_append_new(sents, json_pack("[I,I,I,I,I]",
		                                       (json_int_t)s->span.off,
		                                       (json_int_t)s->span.len,
		                                       (json_int_t)s->para,
		                                       (json_int_t)s->tok_begin,
		                                       (json_int_t)s->tok_end));
	}
	json_object_set_new(o, "sentences", sents);
	json_t *toks = json_array();
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const cr_token *t = &a->toks[i];
		json_array_append_new(
		        toks,
		        json_pack("[I,I,s,s,i,i]", (json_int_t)t->span.off,
		                  (json_int_t)t->span.len, t->norm, t->stem,
		                  (int)t->flags, (int)t->sent));
	}
	json_object_set_new(o, "tokens", toks);
	json_t *nums = json_array();
	for (uint32_t i = 0; i < a->n_nums; i++) {
		const cr_number *m = &a->nums[i];
		json_array_append_new(
		        nums, json_pack("[I,I,I,f,f,s?,s?,i,i,i]",
		                        (json_int_t)m->span.off,
		                        (json_int_t)m->span.len,
		                        (json_int_t)m->sent, m->value, m->total,
		                        m->unit, m->counts, (int)m->ordinal,
		                        (int)m->approx, (int)m->is_year));
	}
	json_object_set_new(o, "numbers", nums);
}

/* Analyses one input line and prints its result; returns 0 on success,
 * 1 when the line was bad (reported on stderr) and 2 when out of memory
 * or the analyser failed. */
static int do_line(cr_analyzer *an, const char *line, int timed, int dump,
                   unsigned long lineno)
{
	json_error_t jerr;
	json_t *in = json_loads(line, 0, &jerr);
	const char *text = NULL;
	size_t text_len = 0;
	if (in && json_is_object(in)) {
		json_t *t = json_object_get(in, "text");
		if (json_is_string(t)) {
			text = json_string_value(t);
			text_len = json_string_length(t);
		}
	}
	if (!text) {
		fprintf(stderr, "cr-analyze: line %lu: no \"text\" string\n",
		        lineno);
		json_decref(in);
		return 1;
	}
	const char *id = json_string_value(json_object_get(in, "id"));
	cr_article *a = cr_article_create();
	if (!a) {
		json_decref(in);
		return 2;
	}
	int rc = 0;
	char *body = NULL;
	size_t body_len = 0, n_bad = 0, first_bad = 0;
	if (cr_utf8_repair(a->arena, text, text_len, &body, &body_len, &n_bad,
	                   &first_bad) != CR_OK ||
	    body_len > UINT32_MAX) {
		rc = 2;
		goto out;
	}
	a->body = body;
	a->body_len = (uint32_t)body_len;
	a->published = parse_dct(json_string_value(json_object_get(in, "dct")));
	int repaired = body_len != text_len || memcmp(body, text, body_len);
	int64_t ns[N_STAGES] = {0};
	cr_quote *rq = NULL;
	uint32_t nrq = 0;
	cr_err e;
	if (timed) {
		e = analyze_timed(an, a, ns, &rq, &nrq);
	} else {
		e = cr_analyze(an, a);
		rq = a->reported;
		nrq = a->n_reported;
	}
	if (e != CR_OK) {
		fprintf(stderr, "cr-analyze: line %lu: analysis failed (%d)\n",
		        lineno, (int)e);
		rc = 2;
		goto out;
	}
	json_t *o = result_json(a, id, repaired, rq, nrq);
	if (dump)
		dump_json(a, o);
	if (timed) {
		json_t *t = json_object();
		for (int k = 0; k < N_STAGES; k++)
			json_object_set_new(t, stage_names[k],
			                    json_integer(ns[k]));
		json_object_set_new(o, "time_ns", t);
		json_object_set_new(o, "timer_ns", json_integer(timer_ns));
		json_object_set_new(o, "bytes", json_integer(body_len));
		uint32_t words = 0;
		for (uint32_t i = 0; i < a->n_toks; i++)
			words += (a->toks[i].flags &
			          (CR_TOK_WORD | CR_TOK_NUM)) != 0;
		json_object_set_new(o, "words", json_integer(words));
	}
	char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(o);
	if (!s) {
		rc = 2;
		goto out;
	}
	puts(s);
	free(s);
out:
	cr_article_destroy(a);
	json_decref(in);
	return rc;
}

int main(int argc, char **argv)
{
	int timed = 0, dump = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--time")) {
			timed = 1;
		} else if (!strcmp(argv[i], "--dump")) {
			dump = 1;
		} else {
			fprintf(stderr, "usage: cr-analyze [--time] [--dump] < "
			                "in.jsonl\n");
			return 2;
		}
	}
	cr_analyzer *an = cr_analyzer_new();
	if (!an) {
		fprintf(stderr, "cr-analyze: cannot set up the analyser\n");
		return 2;
	}
	if (timed)
		timer_ns = timer_cost_ns();
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int status = 0;
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		lineno++;
		if ((size_t)n > MAX_LINE) {
			fprintf(stderr, "cr-analyze: line %lu too long\n",
			        lineno);
			status = 1;
			continue;
		}
		if (n == 0 || line[0] == '\n')
			continue;
		int rc = do_line(an, line, timed, dump, lineno);
		if (rc == 2) {
			status = 2;
			break;
		}
		if (rc)
			status = 1;
	}
	free(line);
	cr_analyzer_free(an);
	return status;
}

/*
 * render_json.c - briefings as the JSON contract, version 1.
 *
 * The output is one object {"version":1,"stories":[...]} described in
 * docs/json-contract.md. It is built as a jansson tree and dumped once, so
 * escaping and number formatting are jansson's. Articles are named by
 * their "id" everywhere a claim points back to them. Assumes article text
 * is valid UTF-8 (ingest repairs it); a string that is not is repaired
 * here with U+FFFD rather than dropped.
 */
#include "brief/render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "brief/render_util.h"

/* The contract's version: bump it only when a field changes meaning. */
#define CR_JSON_VERSION 1

/* A copy of s (n bytes) with each invalid UTF-8 sequence replaced by
 * U+FFFD, as a jansson string; NULL when out of memory. */
static json_t *repaired_string(const char *s, size_t n)
{
	/* Each bad byte becomes 3 bytes at most. */
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	char *buf = malloc(n * 3 + 1);
	if (!buf)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len =
		        utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                         (utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0) {
			memcpy(buf + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		} else {
			memcpy(buf + o, s + i, (size_t)len);
			o += (size_t)len;
			i += (size_t)len;
		}
	}
	json_t *j = json_stringn(buf, o);
	free(buf);
	return j;
}

/* A JSON string of s, or null when s is NULL. NULL only when out of
 * memory. */
static json_t *str_or_null(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	return j ? j : repaired_string(s, strlen(s));
}

/* The ids of the articles of set, in set order; out-of-range indices are
 * skipped. */
static json_t *article_ids(const cr_briefing *b, const cr_artset *set)
{
	json_t *arr = json_array();
	if (!arr)
		return NULL;
	for (uint32_t k = 0; set->idx && k < set->n; k++) {
		const cr_article *a = cr_render_art(b, set->idx[k]);
		if (!a)
			continue;
		if (json_array_append_new(arr, str_or_null(a->id))) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

/* Sets obj[key] = v (stolen); returns nonzero on failure, including a NULL
 * v, so a chain of calls reports out-of-memory once at its end. */
static int set(json_t *obj, const char *key, json_t *v)
{
	return json_object_set_new(obj, key, v) != 0;
}

static json_t *article_json(const cr_article *a)
{
	json_t *o = json_object();
	json_t *lines = json_array();
	json_t *removed = json_array();
	if (!o || !lines || !removed) {
		json_decref(o);
		json_decref(lines);
		json_decref(removed);
		return NULL;
	}
	int bad = 0;
	for (uint32_t i = 0; a->removed && i < a->n_removed; i++) {
		const cr_removed_line *r = &a->removed[i];
		json_t *ro = json_object();
		bad |= json_array_append_new(lines, str_or_null(r->text)) != 0;
		bad |= ro == NULL;
		if (ro) {
			bad |= set(ro, "text", str_or_null(r->text));
			bad |= set(ro, "reason", str_or_null(r->reason));
			bad |= json_array_append_new(removed, ro) != 0;
		}
	}
	char when[CR_RENDER_TIME_BUF];
	bad |= set(o, "id", str_or_null(a->id));
	bad |= set(o, "source", str_or_null(a->source));
	bad |= set(o, "title", str_or_null(a->title));
	bad |= set(o, "url", str_or_null(a->url));
	bad |= set(o, "published",
	           cr_render_iso_time(a->published, when) ? json_string(when)
	                                                  : json_null());
	bad |= set(o, "copy_of", str_or_null(a->copy_of));
	bad |= set(o, "removed_lines", lines);
	bad |= set(o, "removed", removed);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Appends one object per element to arr; each builder returns NULL on
 * out-of-memory. */
static int add_articles(json_t *arr, const cr_briefing *b)
{
	int bad = 0;
	for (uint32_t i = 0; b->arts && i < b->n_arts && !bad; i++)
		if (b->arts[i])
			bad |= json_array_append_new(
			               arr, article_json(b->arts[i])) != 0;
	return bad;
}

static int add_summary(json_t *arr, const cr_briefing *b)
{
	int bad = 0;
	for (uint32_t i = 0; b->summary && i < b->n_summary && !bad; i++) {
		const cr_bsentence *s = &b->summary[i];
		json_t *o = json_object();
		bad |= set(o, "text", str_or_null(s->text));
		bad |= set(o, "articles", article_ids(b, &s->arts));
		bad |= json_array_append_new(arr, o) != 0;
	}
	return bad;
}

static int add_facts(json_t *arr, const cr_briefing *b)
{
	int bad = 0;
	for (uint32_t i = 0; b->facts && i < b->n_facts && !bad; i++) {
		const cr_bfact *f = &b->facts[i];
		json_t *o = json_object();
		bad |= set(o, "text", str_or_null(f->text));
		bad |= set(o, "articles", article_ids(b, &f->arts));
		bad |= set(o, "agreement",
		           json_string(cr_render_agreement(f->agreement)));
		bad |= set(o, "independent", json_integer(f->independent));
		bad |= json_array_append_new(arr, o) != 0;
	}
	return bad;
}

static int add_conflicts(json_t *arr, const cr_briefing *b)
{
	int bad = 0;
	for (uint32_t i = 0; b->conflicts && i < b->n_conflicts && !bad; i++) {
		const cr_bconflict *c = &b->conflicts[i];
		json_t *o = json_object();
		json_t *claims = json_array();
		for (uint32_t k = 0; claims && c->claims && k < c->n_claims;
		     k++) {
			const cr_bclaim *cl = &c->claims[k];
			json_t *co = json_object();
			bad |= set(co, "text", str_or_null(cl->text));
			bad |= set(co, "value", str_or_null(cl->value));
			bad |= set(co, "articles", article_ids(b, &cl->arts));
			bad |= json_array_append_new(claims, co) != 0;
		}
		bad |= set(o, "about", str_or_null(c->about));
		bad |= set(o, "kind",
		           json_string(cr_render_conflict_kind(c->kind)));
		bad |= set(o, "claims", claims);
		bad |= json_array_append_new(arr, o) != 0;
	}
	return bad;
}

/* One quote entry: speaker, cue, text, articles, and the other
 * wordings with their articles. */
static json_t *quote_json(const cr_briefing *b, const cr_bquote *q)
{
	json_t *o = json_object();
	json_t *vars = json_array();
	int bad = !o || !vars;
	bad |= set(o, "speaker", str_or_null(q->speaker));
	bad |= set(o, "cue", str_or_null(q->cue));
	bad |= set(o, "text", str_or_null(q->text));
	bad |= set(o, "articles", article_ids(b, &q->arts));
	for (uint32_t k = 0; !bad && k < q->n_variants; k++) {
		json_t *v = json_object();
		bad |= !v;
		bad |= set(v, "text", str_or_null(q->variants[k].text));
		bad |= set(v, "articles", article_ids(b, &q->variants[k].arts));
		bad |= json_array_append_new(vars, v) != 0;
	}
	bad |= set(o, "variants", vars);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int add_quote_list(json_t *arr, const cr_briefing *b,
                          const cr_bquote *qs, uint32_t n)
{
	int bad = 0;
	for (uint32_t i = 0; qs && i < n && !bad; i++) {
		json_t *o = quote_json(b, &qs[i]);
		bad |= !o || json_array_append_new(arr, o) != 0;
	}
	return bad;
}

static int add_quotes(json_t *arr, const cr_briefing *b)
{
	return add_quote_list(arr, b, b->quotes, b->n_quotes);
}

static int add_reported(json_t *arr, const cr_briefing *b)
{
	return add_quote_list(arr, b, b->reported, b->n_reported);
}

static int add_entities(json_t *arr, const cr_briefing *b)
{
	int bad = 0;
	for (uint32_t i = 0; b->entities && i < b->n_entities && !bad; i++) {
		const cr_bentity *e = &b->entities[i];
		json_t *o = json_object();
		bad |= set(o, "name", str_or_null(e->name));
		bad |= set(o, "type",
		           json_string(cr_render_entity_type(e->type)));
		bad |= set(o, "articles", article_ids(b, &e->arts));
		bad |= json_array_append_new(arr, o) != 0;
	}
	return bad;
}

static int add_timeline(json_t *arr, const cr_briefing *b)
{
	int bad = 0;
	for (uint32_t i = 0; b->timeline && i < b->n_timeline && !bad; i++) {
		const cr_bevent *e = &b->timeline[i];
		char date[CR_RENDER_TIME_BUF];
		json_t *o = json_object();
		bad |= set(o, "date",
		           cr_render_event_date(e, date) ? json_string(date)
		                                         : json_null());
		bad |= set(o, "as_written", str_or_null(e->as_written));
		bad |= set(o, "event", str_or_null(e->event));
		bad |= set(o, "articles", article_ids(b, &e->arts));
		bad |= set(o, "date_inferred", json_boolean(e->inferred));
		bad |= json_array_append_new(arr, o) != 0;
	}
	return bad;
}

/* One story object, with its lists in the contract's order; NULL when out
 * of memory. */
static json_t *story_json(const cr_briefing *b)
{
	static const struct {
		const char *key;
		int (*add)(json_t *arr, const cr_briefing *b);
	} lists[] = {
	        {"summary", add_summary},     {"facts", add_facts},
	        {"conflicts", add_conflicts}, {"quotes", add_quotes},
	        {"reported", add_reported},   {"entities", add_entities},
	        {"timeline", add_timeline},
	};
	json_t *o = json_object();
	json_t *arts = json_array();
	int bad = !o || !arts;
	if (!bad) {
		bad |= set(o, "id", str_or_null(b->id));
		bad |= set(o, "headline", str_or_null(b->headline));
		bad |= add_articles(arts, b);
		bad |= set(o, "articles", arts);
		arts = NULL;
		bad |= set(o, "sources", json_integer(b->sources));
		bad |= set(o, "independent_sources",
		           json_integer(b->independent_sources));
	}
	for (size_t i = 0; !bad && i < sizeof lists / sizeof lists[0]; i++) {
		json_t *arr = json_array();
		bad |= arr == NULL;
		if (arr)
			bad |= lists[i].add(arr, b);
		bad |= set(o, lists[i].key, arr);
	}
	json_decref(arts);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Writes every briefing as one JSON document with a trailing newline.
 * Returns CR_ENOMEM when the tree cannot be built (nothing is written
 * then) and CR_EIO when out cannot be written. NULL entries of b are
 * skipped. */
cr_err cr_render_json(FILE *out, const cr_briefing *const *b, size_t n)
{
	if (!out || (n && !b))
		return CR_EINVAL;
	json_t *root = json_object();
	json_t *stories = json_array();
	int bad = !root || !stories;
	for (size_t i = 0; !bad && i < n; i++)
		if (b[i])
			bad |= json_array_append_new(stories,
			                             story_json(b[i])) != 0;
	if (!bad) {
		bad |= set(root, "version", json_integer(CR_JSON_VERSION));
		bad |= set(root, "stories", stories);
		stories = NULL;
	}
	json_decref(stories);
	if (bad) {
		json_decref(root);
		return CR_ENOMEM;
	}
	int w = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (w != 0 || fputc('\n', out) == EOF || ferror(out))
		return CR_EIO;
	return CR_OK;
}

/*
 * feed.c - RSS and Atom feeds to articles; see feed.h.
 *
 * The whole feed is parsed into one libxml2 tree (the feed is already a
 * bounded buffer, CR_MAX_FEED_BYTES), then each item is read into its own
 * article. Parser options: XML_PARSE_NONET (no network), no NOENT (no
 * entity substitution), no DTDLOAD / DTDATTR (no external DTD), never
 * HUGE (libxml2 keeps its depth and amplification limits), NOERROR and
 * NOWARNING (the library never prints; the first error is reported
 * through the diag instead). Text is gathered by our own walk, which
 * keeps entity references as "&name;" and never descends into them:
 * libxml2's xmlNodeGetContent() would expand them, and with them a
 * billion laughs.
 */
#include "ingest/feed.h"
#include "ingest/xml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/arena.h"
#include "ingest/html.h"
#include "ingest/jsonl.h"
#include "ingest/textfile.h"
#include "text/utf8.h"

/* How deep the text walk follows elements inside one field. */
#define CR_FEED_TEXT_DEPTH 64

/* A growable malloc'd string with a hard cap: past it, over is set and
 * further appends are dropped. */
typedef struct sbuf {
	char *p;
	size_t n, cap, max;
	int over, oom;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
	if (b->over || b->oom || n == 0)
		return;
	if (n > b->max - b->n) {
		b->over = 1;
		return;
	}
	if (b->n + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap : 256;
		while (nc < b->n + n + 1)
			nc *= 2;
		char *np = realloc(b->p, nc);
		if (!np) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = nc;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_free(sbuf *b)
{
	free(b->p);
	*b = (sbuf){0};
}

/* Case-insensitive: 1 when s (n bytes) starts with the ASCII word w. */
static int starts_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	if (n < m)
		return 0;
	for (size_t i = 0; i < m; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != w[i])
			return 0;
	}
	return 1;
}

int cr_feed_sniff(const char *data, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	/* Skip white space, the XML declaration, comments, processing
	 * instructions and a DOCTYPE (without an internal subset). Bounded
	 * by the first 4 KiB: a feed's root comes early. */
	size_t lim = n < 4096 ? n : 4096;
	while (i < lim) {
		char c = data[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		if (c != '<')
			return 0;
		const char *s = data + i;
		size_t left = n - i;
		if (starts_ci(s, left, "<?") || starts_ci(s, left, "<!--") ||
		    starts_ci(s, left, "<!doctype")) {
			const char *close =
			        starts_ci(s, left, "<!--") ? "-->" : ">";
			const char *e = memmem(s, left, close, strlen(close));
			if (!e)
				return 0;
			i = (size_t)(e - data) + strlen(close);
			continue;
		}
		return (left >= 5 && memcmp(s, "<rss", 4) == 0 &&
		        (s[4] == ' ' || s[4] == '>' || s[4] == '\n' ||
		         s[4] == '\t' || s[4] == '\r')) ||
		       (left >= 6 && memcmp(s, "<feed", 5) == 0 &&
		        (s[5] == ' ' || s[5] == '>' || s[5] == '\n' ||
		         s[5] == '\t' || s[5] == '\r')) ||
		       (left >= 8 && memcmp(s, "<rdf:RDF", 8) == 0);
	}
	return 0;
}

/* Parses "HH:MM[:SS]" at *p. */
static int hms(const char **p, int *h, int *m, int *s)
{
	const char *q = *p;
	if (q[0] < '0' || q[0] > '9')
		return 0;
	*h = 0;
	while (*q >= '0' && *q <= '9' && *h < 100)
		*h = *h * 10 + (*q++ - '0');
	if (*q++ != ':' || q[0] < '0' || q[0] > '9' || q[1] < '0' || q[1] > '9')
		return 0;
	*m = (q[0] - '0') * 10 + (q[1] - '0');
	q += 2;
	*s = 0;
	if (*q == ':' && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' &&
	    q[2] <= '9') {
		*s = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
	}
	*p = q;
	return *h <= 24 && *m <= 59 && *s <= 60;
}

int cr_parse_rfc822(const char *s, int64_t *out)
{
	static const char months[12][4] = {"jan", "feb", "mar", "apr",
	                                   "may", "jun", "jul", "aug",
	                                   "sep", "oct", "nov", "dec"};
	/* North American zones that RFC 822 names; the rest are offsets. */
	static const struct {
		const char *name;
		int hours;
	} zones[] = {{"gmt", 0},  {"ut", 0},   {"utc", 0},  {"z", 0},
	             {"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5},
	             {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
	if (!s)
		return 0;
	const char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	/* Optional weekday, with or without its comma. */
	if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			p++;
		if (*p == ',')
			p++;
		while (*p == ' ')
			p++;
	}
	int day = 0, mon = -1, year = 0, nd = 0;
	while (*p >= '0' && *p <= '9' && nd < 2) {
		day = day * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 0 || (*p != ' ' && *p != '-'))
		return 0;
	p++;
	for (int i = 0; i < 12; i++)
		if (starts_ci(p, 3, months[i]))
			mon = i;
	if (mon < 0)
		return 0;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
		p++;
	if (*p != ' ' && *p != '-')
		return 0;
	p++;
	nd = 0;
	while (*p >= '0' && *p <= '9' && nd < 4) {
		year = year * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 2)
		year += year < 50 ? 2000 : 1900;
	else if (nd != 4)
		return 0;
	while (*p == ' ')
		p++;
	int h = 0, mi = 0, sec = 0;
	if (*p && !hms(&p, &h, &mi, &sec))
		return 0;
	while (*p == ' ')
		p++;
	int64_t offset = 0;
	if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1, v = 0, k = 0;
		for (; k < 4 && p[k] >= '0' && p[k] <= '9'; k++)
			v = v * 10 + (p[k] - '0');
		if (k != 4 || v % 100 > 59 || v / 100 > 23)
			return 0;
		p += 4;
		offset = sign * ((v / 100) * 3600 + (v % 100) * 60);
	} else if (*p) {
		size_t zl = 0;
		while ((p[zl] >= 'A' && p[zl] <= 'Z') ||
		       (p[zl] >= 'a' && p[zl] <= 'z'))
			zl++;
		int found = 0;
		for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
			if (strlen(zones[i].name) == zl &&
			    starts_ci(p, zl, zones[i].name)) {
				offset = zones[i].hours * 3600;
				found = 1;
			}
		}
		/* Military letters and unknown names: treated as UTC, as
		 * RFC 2822 says of the former. */
		(void)found;
		p += zl;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p)
		return 0;
	static const int dm[] = {31, 29, 31, 30, 31, 30,
	                         31, 31, 30, 31, 30, 31};
	if (day < 1 || day > dm[mon] || year < 1900 || year > 9999)
		return 0;
	struct tm tm = {.tm_year = year - 1900,
	                .tm_mon = mon,
	                .tm_mday = day,
	                .tm_hour = h,
	                .tm_min = mi,
	                .tm_sec = sec};
	time_t t = timegm(&tm);
	if (tm.tm_mday != day) /* 29 February of a common year */
		return 0;
	*out = (int64_t)t - offset;
	return 1;
}

/* Appends the text under node's children to b: text and CDATA as they
 * are, an entity reference as "&name;" (never expanded), elements
 * walked to CR_FEED_TEXT_DEPTH. */
static void gather(sbuf *b, const xmlNode *node, int depth)
{
	for (const xmlNode *c = node->children; c; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (c->content)
				sb_put(b, (const char *)c->content,
				       strlen((const char *)c->content));
			break;
		case XML_ENTITY_REF_NODE:
			sb_put(b, "&", 1);
			sb_put(b, (const char *)c->name,
			       strlen((const char *)c->name));
			sb_put(b, ";", 1);
			break;
		case XML_ELEMENT_NODE:
			if (depth < CR_FEED_TEXT_DEPTH)
				gather(b, c, depth + 1);
			break;
		default:
			break;
		}
	}
}

/* Serialises an element's children as markup (Atom type="xhtml"). Entity
 * references are written as references, not expanded. */
static void dump_children(sbuf *b, xmlDoc *doc, const xmlNode *node)
{
	xmlBuffer *xb = xmlBufferCreate();
	if (!xb) {
		b->oom = 1;
		return;
	}
	for (xmlNode *c = node->children; c && !b->over; c = c->next) {
		xmlBufferEmpty(xb);
		if (xmlNodeDump(xb, doc, c, 0, 0) >= 0)
			sb_put(b, (const char *)xmlBufferContent(xb),
			       (size_t)xmlBufferLength(xb));
	}
	xmlBufferFree(xb);
}

/* Turns an HTML fragment into paragraphs of text in the arena, with the
 * page extractor: its paragraphs are kept whatever it thinks of the page
 * type, as a feed item is an article by definition. Sets *len; NULL only
 * when out of memory. */
static char *html_to_text(cr_arena *a, const char *name, const char *s,
                          size_t n, size_t *len)
{
	cr_article *x = NULL;
	cr_err e = cr_html_extract(name, s, n, "text/html; charset=utf-8", &x,
	                           NULL, NULL);
	if (e == CR_ENOMEM)
		return NULL;
	const char *raw = e == CR_OK && x->raw ? x->raw : "";
	size_t rn = e == CR_OK && x->raw ? x->raw_len : 0;
	char *out = cr_arena_strndup(a, raw, rn);
	cr_article_destroy(x);
	*len = rn;
	return out;
}

/* Local name of an element, or "". */
static const char *lname(const xmlNode *n)
{
	return n && n->name ? (const char *)n->name : "";
}

/* First child element with local name name, or NULL. */
static xmlNode *child(const xmlNode *parent, const char *name)
{
	for (xmlNode *c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp(lname(c), name) == 0)
			return c;
	return NULL;
}

/* The per-feed state. */
typedef struct feed_ctx {
	const char *name;
	const char *file_id; /* malloc'd */
	xmlDoc *doc;
	cr_diag *d;
	char *source; /* malloc'd feed title or NULL */
} feed_ctx;

/* Copies s (n bytes) into the arena with white space runs collapsed to
 * one space and ends trimmed, cut to CR_MAX_FEED_FIELD_BYTES at a
 * character boundary and repaired as UTF-8. NULL for empty text. */
static const char *field(cr_arena *a, const char *s, size_t n, int *oom)
{
	if (!s)
		return NULL;
	char *tmp = malloc(n + 1);
	if (!tmp) {
		*oom = 1;
		return NULL;
	}
	size_t o = 0;
	int sp = 0;
	for (size_t i = 0; i < n && o < CR_MAX_FEED_FIELD_BYTES; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = o > 0;
			continue;
		}
		if (sp && o + 1 < CR_MAX_FEED_FIELD_BYTES)
			tmp[o++] = ' ';
		sp = 0;
		tmp[o++] = c;
	}
	/* Do not end inside a UTF-8 sequence. */
	if (o == CR_MAX_FEED_FIELD_BYTES)
		while (o > 0 && ((unsigned char)tmp[o - 1] & 0xC0) == 0x80)
			o--;
	if (o > 0 && ((unsigned char)tmp[o - 1] & 0xC0) == 0xC0)
		o--;
	const char *r = NULL;
	if (o > 0) {
		char *out = NULL;
		size_t out_len = 0, nb = 0, fb = 0;
		if (cr_utf8_repair(a, tmp, o, &out, &out_len, &nb, &fb) !=
		    CR_OK)
			*oom = 1;
		r = out;
	}
	free(tmp);
	return r;
}

/* The gathered text of a child element into b (empty when absent). */
static void child_text(sbuf *b, const xmlNode *parent, const char *name)
{
	xmlNode *c = child(parent, name);
	if (c)
		gather(b, c, 0);
}

/* Reads one item or entry into an article and passes it to the sink.
 * Returns CR_OK (also when the item was reported and skipped),
 * CR_ENOMEM or the sink's error. */
static cr_err read_item(feed_ctx *c, const xmlNode *item, int atom, size_t idx,
                        cr_article_sink sink, void *ud)
{
	long ln = xmlGetLineNo(item);
	uint64_t line = ln > 0 ? (uint64_t)ln : 0;
	sbuf title = {.max = CR_MAX_FEED_FIELD_BYTES * 4};
	sbuf link = {.max = CR_MAX_FEED_FIELD_BYTES * 4};
	sbuf id = {.max = CR_MAX_FEED_FIELD_BYTES * 4};
	sbuf date = {.max = 256};
	sbuf text = {.max = CR_MAX_TEXT_BYTES};
	int text_html = 0, title_html = 0;
	cr_err e = CR_OK;
	cr_article *a = NULL;

	child_text(&title, item, "title");
	if (atom) {
		xmlNode *t = child(item, "title");
		xmlChar *ty = t ? xmlGetProp(t, BAD_CAST "type") : NULL;
		title_html = ty && (xmlStrEqual(ty, BAD_CAST "html") ||
		                    xmlStrEqual(ty, BAD_CAST "xhtml"));
		xmlFree(ty);
		child_text(&id, item, "id");
		for (xmlNode *l = item->children; l; l = l->next) {
			if (l->type != XML_ELEMENT_NODE ||
			    strcmp(lname(l), "link"))
				continue;
			xmlChar *rel = xmlGetProp(l, BAD_CAST "rel");
			xmlChar *href = xmlGetProp(l, BAD_CAST "href");
			int ok = href && (!rel || xmlStrEqual(rel, BAD_CAST
			                                      "alternate"));
			if (ok)
				sb_put(&link, (const char *)href,
				       strlen((const char *)href));
			xmlFree(rel);
			xmlFree(href);
			if (ok)
				break;
		}
		child_text(&date, item, "published");
		if (date.n == 0)
			child_text(&date, item, "updated");
		/* Full content first; out-of-line (src=) or binary content
		 * does not count. */
		xmlNode *ct = child(item, "content");
		xmlChar *ty2 = ct ? xmlGetProp(ct, BAD_CAST "type") : NULL;
		xmlChar *src = ct ? xmlGetProp(ct, BAD_CAST "src") : NULL;
		if (ct && !src) {
			const char *t2 = ty2 ? (const char *)ty2 : "text";
			if (!strcmp(t2, "xhtml")) {
				xmlNode *div = child(ct, "div");
				dump_children(&text, c->doc, div ? div : ct);
				text_html = 1;
			} else if (!strcmp(t2, "html") ||
			           !strcmp(t2, "text/html")) {
				gather(&text, ct, 0);
				text_html = 1;
			} else if (!strcmp(t2, "text") ||
			           !strncmp(t2, "text/", 5)) {
				gather(&text, ct, 0);
			}
		}
		xmlFree(ty2);
		xmlFree(src);
		if (text.n == 0 && !text.over) {
			xmlNode *su = child(item, "summary");
			xmlChar *ty3 =
			        su ? xmlGetProp(su, BAD_CAST "type") : NULL;
			if (su && ty3 && xmlStrEqual(ty3, BAD_CAST "xhtml")) {
				xmlNode *div = child(su, "div");
				dump_children(&text, c->doc, div ? div : su);
				text_html = 1;
			} else if (su) {
				gather(&text, su, 0);
				text_html = ty3 &&
				            xmlStrEqual(ty3, BAD_CAST "html");
			}
			xmlFree(ty3);
		}
	} else {
		child_text(&id, item, "guid");
		child_text(&link, item, "link");
		child_text(&date, item, "pubDate");
		if (date.n == 0)
			child_text(&date, item, "date"); /* dc:date */
		child_text(&text, item, "encoded");      /* content:encoded */
		if (text.n == 0 && !text.over)
			child_text(&text, item, "description");
		/* RSS text is HTML by the spec, though often plain. */
		text_html = 1;
	}
	if (title.oom || link.oom || id.oom || date.oom || text.oom) {
		e = CR_ENOMEM;
		goto out;
	}
	if (text.over) {
		cr_diag_reject(c->d, c->name, line, CR_ETOOBIG,
		               "item %zu: text larger than %zu bytes, skipped",
		               idx, CR_MAX_TEXT_BYTES);
		goto out;
	}

	a = cr_article_create();
	if (!a) {
		e = CR_ENOMEM;
		goto out;
	}
	int oom = 0;
	const char *body = text.p ? text.p : "";
	size_t body_n = text.n;
	if (text_html && body_n) {
		body = html_to_text(a->arena, c->name, body, body_n, &body_n);
		if (!body) {
			e = CR_ENOMEM;
			goto out;
		}
	}
	if (title_html && title.n) {
		size_t tn = 0;
		const char *t =
		        html_to_text(a->arena, c->name, title.p, title.n, &tn);
		if (!t) {
			e = CR_ENOMEM;
			goto out;
		}
		a->title = field(a->arena, t, tn, &oom);
	} else {
		a->title = field(a->arena, title.p, title.n, &oom);
	}
	char *raw = NULL;
	size_t raw_len = 0, nb = 0, fb = 0;
	if (cr_utf8_repair(a->arena, body, body_n, &raw, &raw_len, &nb, &fb) !=
	    CR_OK) {
		e = CR_ENOMEM;
		goto out;
	}
	/* Only white space left: no text to brief. */
	size_t k = 0;
	while (k < raw_len &&
	       (raw[k] == ' ' || raw[k] == '\n' || raw[k] == '\t'))
		k++;
	if (k == raw_len) {
		cr_diag_reject(c->d, c->name, line, CR_EEMPTY,
		               "item %zu has no text, skipped", idx);
		goto out;
	}
	if (raw_len > CR_MAX_TEXT_BYTES) {
		cr_diag_reject(c->d, c->name, line, CR_ETOOBIG,
		               "item %zu: text larger than %zu bytes, skipped",
		               idx, CR_MAX_TEXT_BYTES);
		goto out;
	}
	a->raw = raw;
	a->raw_len = (uint32_t)raw_len;
	a->title_given = a->title != NULL;
	a->url = field(a->arena, link.p, link.n, &oom);
	a->id = field(a->arena, id.p, id.n, &oom);
	if (!a->id)
		a->id = a->url;
	if (!a->id)
		a->id = cr_arena_printf(a->arena, "%s-%zu", c->file_id, idx);
	if (c->source)
		a->source = field(a->arena, c->source, strlen(c->source), &oom);
	if (date.n) {
		const char *ds = field(a->arena, date.p, date.n, &oom);
		int64_t t;
		if (ds && (atom ? cr_parse_iso8601(ds, &t)
		                : (cr_parse_rfc822(ds, &t) ||
		                   cr_parse_iso8601(ds, &t))))
			a->published = t;
		else if (ds)
			cr_diag_warn(c->d, c->name, line, CR_EINVAL,
			             "item %zu: date \"%.40s\" not understood, "
			             "ignored",
			             idx, ds);
	}
	a->origin = cr_arena_strdup(a->arena, c->name);
	a->origin_line = line;
	if (oom || !a->id || !a->origin) {
		e = CR_ENOMEM;
		goto out;
	}
	cr_article *give = a;
	a = NULL;
	e = sink(ud, give);
out:
	cr_article_destroy(a);
	sb_free(&title);
	sb_free(&link);
	sb_free(&id);
	sb_free(&date);
	sb_free(&text);
	return e;
}

cr_err cr_feed_read(const char *name, const char *data, size_t n,
                    cr_article_sink sink, void *ud, cr_diag *d)
{
	if (!name)
		name = "-";
	if (n > CR_MAX_FEED_BYTES || n > INT_MAX) {
		cr_diag_reject(d, name, 0, CR_ETOOBIG,
		               "feed larger than %zu bytes", CR_MAX_FEED_BYTES);
		return CR_OK;
	}
	feed_ctx c = {.name = name, .d = d};
	cr_err e = CR_OK;
	cr_xml_init();
	xmlParserCtxt *px = xmlNewParserCtxt();
	if (!px)
		return CR_ENOMEM;
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
	c.doc = xmlCtxtReadMemory(px, data, (int)n, NULL, NULL, opts);
	if (!c.doc) {
		const xmlError *err = xmlCtxtGetLastError(px);
		char msg[200] = "unknown error";
		if (err && err->message) {
			snprintf(msg, sizeof msg, "%s", err->message);
			size_t ml = strlen(msg);
			while (ml > 0 &&
			       (msg[ml - 1] == '\n' || msg[ml - 1] == ' '))
				msg[--ml] = '\0';
		}
		cr_diag_reject(
		        d, name, err && err->line > 0 ? (uint64_t)err->line : 0,
		        CR_EFORMAT, "feed is not well-formed XML: %s", msg);
		goto out;
	}
	xmlNode *root = xmlDocGetRootElement(c.doc);
	const char *rn = lname(root);
	const xmlNode *holder = NULL; /* the element whose children are items */
	const xmlNode *chan = NULL;   /* where the outlet's title is */
	const char *item_name = "item";
	int atom = 0;
	if (!strcmp(rn, "rss")) {
		holder = chan = child(root, "channel");
	} else if (!strcmp(rn, "RDF")) {
		holder = root;
		chan = child(root, "channel");
	} else if (!strcmp(rn, "feed")) {
		holder = chan = root;
		item_name = "entry";
		atom = 1;
	}
	if (!holder) {
		cr_diag_reject(d, name, 0, CR_EFORMAT,
		               "not an RSS or Atom feed (root element <%.40s>)",
		               rn);
		goto out;
	}
	{
		cr_arena *tmp = cr_arena_create();
		if (!tmp) {
			e = CR_ENOMEM;
			goto out;
		}
		char *fid = cr_id_from_path(tmp, name);
		c.file_id = fid ? strdup(fid) : NULL;
		cr_arena_destroy(tmp);
		if (!c.file_id) {
			e = CR_ENOMEM;
			goto out;
		}
	}
	if (chan) {
		sbuf st = {.max = CR_MAX_FEED_FIELD_BYTES * 4};
		child_text(&st, chan, "title");
		if (st.oom) {
			sb_free(&st);
			e = CR_ENOMEM;
			goto out;
		}
		c.source = st.p; /* NULL when absent */
	}
	size_t idx = 0;
	for (const xmlNode *it = holder->children; it && e == CR_OK;
	     it = it->next) {
		if (it->type != XML_ELEMENT_NODE ||
		    strcmp(lname(it), item_name))
			continue;
		if (idx == CR_MAX_FEED_ITEMS) {
			cr_diag_reject(d, name, (uint64_t)xmlGetLineNo(it),
			               CR_ETOOBIG,
			               "more than %u items, the rest skipped",
			               CR_MAX_FEED_ITEMS);
			break;
		}
		e = read_item(&c, it, atom, ++idx, sink, ud);
	}
	if (e == CR_OK && idx == 0)
		cr_diag_reject(d, name, 0, CR_EEMPTY, "feed has no items");
out:
	free(c.source);
	free((char *)c.file_id);
	xmlFreeDoc(c.doc);
	xmlFreeParserCtxt(px);
	return e;
}

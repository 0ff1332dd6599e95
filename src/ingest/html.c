/*
 * html.c - one web page to one article; see html.h.
 *
 * Three passes over libxml2's tree. The first walks every node once: it
 * counts nodes (CR_HTML_MAX_NODES), collects the metadata (<meta>,
 * <link>, <title>, JSON-LD, <time>, bylines) and, for every element not
 * dropped as boilerplate, the bytes of visible text, of link text and
 * the commas beneath it. The second scores paragraphs into their
 * ancestors, readability-style, and picks the best content subtree and
 * the siblings that belong with it. The third writes the paragraphs of
 * those subtrees in document order, dropping link-heavy ones, and trims
 * share prompts and contact lines off the end. Metadata falls back to
 * what the page shows: the <h1> headline, a "By ..." line or author
 * link, a written-out date; names, prompts and months are English.
 *
 * Per-element figures hang off xmlNode._private, which libxml2 leaves
 * to the application, and live in a scratch arena freed with the tree.
 * Recursion follows the tree, whose depth libxml2 caps at 256 without
 * XML_PARSE_HUGE; the walk also stops at CR_HTML_WALK_DEPTH in case a
 * later libxml2 changes that. Assumes libxml2 2.9 or later.
 */
#include "ingest/html.h"
#include "ingest/xml.h"

#include <ctype.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "ingest/ingest.h"
#include "ingest/jsonl.h"
#include "ingest/textfile.h"
#include "text/utf8.h"

/* The walk never goes deeper than this, whatever the parser allows. */
#define CR_HTML_WALK_DEPTH (CR_HTML_PARSER_DEPTH + 16)
/* Bytes of the page searched for <meta charset>. */
#define CR_HTML_PRESCAN_BYTES 4096
/* Largest JSON-LD block parsed, and how deep we look inside it. */
#define CR_HTML_MAX_LD_BYTES ((size_t)1 << 20)
#define CR_HTML_LD_DEPTH     8
/* Longest metadata string kept (titles, names, URLs). */
#define CR_HTML_MAX_META_BYTES 2048
/* A paragraph shorter than this scores nothing. */
#define CR_HTML_MIN_PARA 25
/* Ancestors a paragraph's score reaches. */
#define CR_HTML_SCORE_LEVELS 5
/* An element named like boilerplate but holding this much running text
 * (non-space bytes, under a quarter in links) is a wrapper: kept. */
#define CR_HTML_KEEP_TEXT 1500
/* The best candidate gives way to an ancestor scoring at least
 * CR_HTML_CLIMB_SCORE of it and holding CR_HTML_CLIMB_TEXT times its
 * text. */
#define CR_HTML_CLIMB_SCORE 0.4
#define CR_HTML_CLIMB_TEXT  1.5
/* Another container of best's tag and class scoring at least this share
 * of best's score is another chunk of the same story. */
#define CR_HTML_CHUNK_SCORE 0.2
/* The best candidate gives way to an unrelated one scoring at least
 * CR_HTML_RIVAL_SCORE of it with CR_HTML_RIVAL_TEXT times its text. */
#define CR_HTML_RIVAL_SCORE 0.75
#define CR_HTML_RIVAL_TEXT  4
/* An <article> with this much running text is the page's story, not a
 * teaser card. */
#define CR_HTML_MAIN_TEXT 500
/* An <article> inside the one being written with less running text
 * than this is a teaser of another story. */
#define CR_HTML_TEASER_TEXT 1000
/* An undated page whose body holds less than this share of its text,
 * or whose paragraphs are shorter than CR_HTML_MIN_MEAN_PARA bytes on
 * average, is not an article (tuned on WCXB dev). */
#define CR_HTML_BODY_SHARE    0.1
#define CR_HTML_MIN_MEAN_PARA 40
/* A container holding this much text of its own beside its blocks is
 * also a paragraph. */
#define CR_HTML_OWN_TEXT 200
/* Prompts and contact lines are dropped from the end of the body: at
 * most this many paragraphs, each at most this long. */
#define CR_HTML_TAIL_PARAS 6
#define CR_HTML_TAIL_BYTES 300
/* A photo's box with less text than this holds only its caption. */
#define CR_HTML_CAPTION 300
/* <h1> texts kept; one is the headline when it has this many words
 * and this share of them in the og:title or <title>. */
#define CR_HTML_MAX_H1     4
#define CR_HTML_H1_WORDS   3
#define CR_HTML_H1_OVERLAP 0.5
/* Longest text read for a date as the page shows it. */
#define CR_HTML_SHOWN_DATE_BYTES 80
/* Below this many bytes of running text a page is not an article. */
#define CR_HTML_MIN_ARTICLE_TEXT 150

/* Figures of one element, hung off node->_private. */
typedef struct nstat {
	uint32_t text; /* non-space bytes of visible text beneath */
	uint32_t link; /* of which inside <a> */
	uint32_t commas;
	uint32_t own;        /* of which in its own text nodes (not links) */
	uint32_t own_commas; /* commas in those */
	float score;
	uint8_t dropped;    /* boilerplate: never scored, never written */
	uint8_t inited;     /* score holds a candidate's score */
	uint8_t blocks;     /* has block-level children */
	uint8_t include;    /* written to the body */
	uint8_t holds_main; /* an article or main element is beneath */
} nstat;

/* A growable byte buffer with a hard cap. */
typedef struct buf {
	char *p;
	size_t n, cap, max;
	int full;
} buf;

typedef struct ex {
	cr_arena *scratch;
	cr_arena *ar; /* the article's */
	const char *name;
	cr_diag *d;
	size_t n_nodes;
	int too_many;
	int max_depth;

	const char *og_title, *title_tag, *h1, *ld_headline;
	const char *h1s[CR_HTML_MAX_H1]; /* the first <h1> texts */
	int n_h1;
	const char *og_site, *ld_publisher, *app_name;
	const char *canonical, *og_url;
	const char *lang, *og_type;
	const char *meta_author, *ld_author, *rel_author, *byline_el;
	const char *href_author; /* a link to an author's page */
	const char *by_text;     /* a short "By Jane Doe" line */
	int64_t pub_meta, pub_ld, pub_prop, pub_time;
	int64_t pub_shown; /* a date as the page shows it ("Oct 31, 2025") */
	int ld_article, ld_product, ld_listing;

	xmlNodePtr body;
	xmlNodePtr *paras;
	size_t n_paras, cap_paras;
	xmlNodePtr *cands;
	size_t n_cands, cap_cands;

	/* Whole-body figures for telling listings from articles. */
	uint32_t all_text, all_link;
} ex;

static void buf_free(buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

/* Appends n bytes; past b->max the buffer is marked full and stays. */
static int buf_add(buf *b, const char *s, size_t n)
{
	if (b->full || b->n + n + 1 > b->max) {
		b->full = 1;
		return 0;
	}
	if (b->n + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 1024;
		while (nc < b->n + n + 1)
			nc *= 2;
		char *np = realloc(b->p, nc);
		if (!np)
			return -1;
		b->p = np;
		b->cap = nc;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = 0;
	return 0;
}

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* ---- the charset --------------------------------------------------- */

/* Copies the charset named after "charset=" at s (up to end) into out. */
static int charset_param(const char *s, const char *end, char *out, size_t cap)
{
	size_t len = (size_t)(end - s);
	for (size_t i = 0; i + 7 <= len; i++) {
		if (strncasecmp(s + i, "charset", 7))
			continue;
		size_t j = i + 7;
		while (j < len && is_ws((unsigned char)s[j]))
			j++;
		if (j >= len || s[j] != '=')
			continue;
		j++;
		while (j < len && (is_ws((unsigned char)s[j]) || s[j] == '"' ||
		                   s[j] == '\''))
			j++;
		size_t k = 0;
		while (j < len && k + 1 < cap &&
		       (isalnum((unsigned char)s[j]) || s[j] == '-' ||
		        s[j] == '_' || s[j] == '.' || s[j] == ':'))
			out[k++] = s[j++];
		out[k] = 0;
		return k > 0;
	}
	return 0;
}

/* The charset of a <meta> in the first bytes of the page, if any. */
static int meta_charset(const char *data, size_t n, char *out, size_t cap)
{
	size_t lim = n < CR_HTML_PRESCAN_BYTES ? n : CR_HTML_PRESCAN_BYTES;
	for (size_t i = 0; i + 5 < lim; i++) {
		if (data[i] != '<' || strncasecmp(data + i + 1, "meta", 4))
			continue;
		const char *gt = memchr(data + i, '>', lim - i);
		if (!gt)
			return 0;
		if (charset_param(data + i, gt, out, cap))
			return 1;
	}
	return 0;
}

/* 1 when a charset is one of the single-byte Latin ones a page may name
 * while actually being UTF-8. */
static int is_latin(const char *cs)
{
	return !strcasecmp(cs, "iso-8859-1") || !strcasecmp(cs, "latin1") ||
	       !strcasecmp(cs, "iso8859-1") || !strcasecmp(cs, "us-ascii") ||
	       !strcasecmp(cs, "ascii") || !strcasecmp(cs, "windows-1252") ||
	       !strcasecmp(cs, "cp1252") || !strcasecmp(cs, "iso-8859-15");
}

/* Checks UTF-8 validity; *multi says whether any multi-byte sequence
 * was seen. */
static int valid_utf8(const char *s, size_t n, int *multi)
{
	*multi = 0;
	for (size_t i = 0; i < n;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t adv;
		if (cr_utf8_decode(s + i, n - i, &adv) < 0)
			return 0;
		*multi = 1;
		i += adv;
	}
	return 1;
}

/* 1 when libxml2 (or iconv behind it) can decode the charset. */
static int charset_known(const char *cs)
{
	xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(cs);
	if (!h)
		return 0;
	xmlCharEncCloseFunc(h);
	return 1;
}

/* Decides how the bytes are decoded. Sets *enc to a charset for libxml2
 * (never NULL), and *repair when the bytes must first be repaired as
 * UTF-8. Warns about unknown and lying charsets. */
static void choose_charset(ex *x, const char *data, size_t n, const char *ctype,
                           char *enc, size_t cap, int *repair)
{
	char cs[64] = "";
	const char *from = NULL;
	*repair = 0;
	if (ctype && charset_param(ctype, ctype + strlen(ctype), cs, sizeof cs))
		from = "HTTP header";
	else if (n >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		snprintf(cs, sizeof cs, "UTF-8"), from = "BOM";
	else if (n >= 2 && !memcmp(data, "\xFF\xFE", 2))
		snprintf(cs, sizeof cs, "UTF-16LE"), from = "BOM";
	else if (n >= 2 && !memcmp(data, "\xFE\xFF", 2))
		snprintf(cs, sizeof cs, "UTF-16BE"), from = "BOM";
	else if (meta_charset(data, n, cs, sizeof cs))
		from = "<meta>";
	int multi = 0;
	int utf8_ok = valid_utf8(data, n, &multi);
	if (!from || !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8")) {
		snprintf(enc, cap, "UTF-8");
		if (!utf8_ok) {
			*repair = 1;
			cr_diag_warn(x->d, x->name, 0, CR_EUTF8,
			             "page %s but is not valid UTF-8; repaired",
			             from ? "declares UTF-8"
			                  : "declares no charset");
		}
		return;
	}
	if (is_latin(cs) && utf8_ok && multi) {
		cr_diag_warn(x->d, x->name, 0, CR_EUTF8,
		             "page declares charset %s (%s) but is UTF-8; read "
		             "as UTF-8",
		             cs, from);
		snprintf(enc, cap, "UTF-8");
		return;
	}
	if (!charset_known(cs)) {
		cr_diag_warn(x->d, x->name, 0, CR_EUTF8,
		             "unknown charset '%s' (%s); read as UTF-8%s", cs,
		             from, utf8_ok ? "" : " and repaired");
		snprintf(enc, cap, "UTF-8");
		*repair = !utf8_ok;
		return;
	}
	/* Pages that say Latin-1 mean Windows-1252, as browsers know. */
	if (!strcasecmp(cs, "iso-8859-1") || !strcasecmp(cs, "latin1") ||
	    !strcasecmp(cs, "iso8859-1") || !strcasecmp(cs, "us-ascii") ||
	    !strcasecmp(cs, "ascii"))
		snprintf(enc, cap, "windows-1252");
	else
		snprintf(enc, cap, "%s", cs);
}

/* ---- small tree helpers -------------------------------------------- */

static int is(xmlNodePtr n, const char *tag)
{
	return n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, tag);
}

/* The value of attribute name, borrowed from the tree; NULL if absent. */
static const char *attr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->name && !strcasecmp((const char *)a->name, name)) {
			xmlNodePtr c = a->children;
			if (c && c->type == XML_TEXT_NODE && c->content)
				return (const char *)c->content;
			return "";
		}
	}
	return NULL;
}

/* A copy into the article's arena of s with white space collapsed and
 * trimmed, at most CR_HTML_MAX_META_BYTES; NULL when empty. */
static const char *keep(ex *x, const char *s)
{
	if (!s)
		return NULL;
	char tmp[CR_HTML_MAX_META_BYTES + 1];
	size_t k = 0;
	int space = 0;
	for (; *s && k < CR_HTML_MAX_META_BYTES; s++) {
		if (is_ws((unsigned char)*s)) {
			space = k > 0;
			continue;
		}
		if (space && k < CR_HTML_MAX_META_BYTES)
			tmp[k++] = ' ';
		space = 0;
		tmp[k++] = *s;
	}
	if (k == 0)
		return NULL;
	/* Never cut inside a UTF-8 sequence. */
	while (k > 0 && k == CR_HTML_MAX_META_BYTES &&
	       ((unsigned char)tmp[k - 1] & 0xC0) == 0x80)
		k--;
	if (k > 0 && ((unsigned char)tmp[k - 1] & 0xC0) == 0xC0)
		k--;
	char *out = NULL;
	size_t out_len, bad, first;
	if (cr_utf8_repair(x->ar, tmp, k, &out, &out_len, &bad, &first) !=
	    CR_OK)
		return NULL;
	return out_len ? out : NULL;
}

static const char *const block_tags[] = {
        "address", "article",  "aside",      "blockquote", "body",    "center",
        "dd",      "details",  "dialog",     "dir",        "div",     "dl",
        "dt",      "fieldset", "figcaption", "figure",     "footer",  "form",
        "h1",      "h2",       "h3",         "h4",         "h5",      "h6",
        "header",  "hgroup",   "hr",         "li",         "main",    "menu",
        "nav",     "ol",       "p",          "pre",        "section", "summary",
        "table",   "tbody",    "thead",      "tfoot",      "tr",      "td",
        "th",      "ul",       "caption",    "br",         "html",    NULL};

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

static int is_block(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE &&
	       in_list((const char *)n->name, block_tags);
}

/* Elements that are never article text. */
static const char *const drop_tags[] = {
        "script",  "style",  "noscript", "template", "svg",      "math",
        "iframe",  "object", "embed",    "canvas",   "nav",      "aside",
        "footer",  "button", "select",   "input",    "textarea", "dialog",
        "menu",    "head",   "header",   "figure",   "video",    "audio",
        "picture", "img",    "map",      "label",    "option",   NULL};

/* Class and id words that mark boilerplate however else the element is
 * named, and those that do so only when no content word is there. */
static const char *const comment_words[] = {"comment", "comments", "disqus",
                                            "respond", NULL};
static const char *const strong_neg[] = {
        "cookie",      "cookies",     "consent",      "gdpr",
        "newsletter",  "newsletters", "related",      "share",
        "sharing",     "social",      "promo",        "promotion",
        "outbrain",    "taboola",     "recommended",  "recommendations",
        "sidebar",     "breadcrumb",  "breadcrumbs",  "ad",
        "ads",         "advert",      "adverts",      "advertisement",
        "advertising", "adsense",     "sponsor",      "sponsored",
        "paywall",     "subscribe",   "subscription", "signup",
        "newsletter",  "recirc",      "trending",     "popular",
        NULL};
static const char *const weak_neg[] = {
        "nav",        "navbar",   "navigation", "menu",    "footer",
        "header",     "masthead", "widget",     "banner",  "tags",
        "tag",        "meta",     "byline",     "author",  "hidden",
        "pagination", "pager",    "popup",      "modal",   "toolbar",
        "skip",       "caption",  "credit",     "credits", "dateline",
        "timestamp",  "login",    "topics",     NULL};
/* Words of a photo's box: its caption and credit are dropped, unless
 * the box holds more than a caption's text. */
static const char *const media_words[] = {"photo",   "image",     "img",
                                          "gallery", "slideshow", NULL};
static const char *const positive[] = {"article", "content", "story",    "body",
                                       "text",    "post",    "entry",    "main",
                                       "blog",    "prose",   "richtext", NULL};

enum {
	HINT_POS = 1,
	HINT_STRONG = 2,
	HINT_WEAK = 4,
	HINT_COMMENT = 8,
	HINT_MEDIA = 16
};

/* Classifies the words of a class or id value: split at non-letters and
 * at lower-to-upper case changes, lower-cased. */
static int hint_words(const char *s, int *flags)
{
	char w[32];
	size_t k = 0;
	for (size_t i = 0;; i++) {
		unsigned char c = (unsigned char)s[i];
		int boundary =
		        !isalnum(c) || (k > 0 && isupper(c) &&
		                        islower((unsigned char)s[i - 1]));
		if (boundary && k > 0) {
			w[k] = 0;
			if (in_list(w, positive))
				*flags |= HINT_POS;
			else if (in_list(w, comment_words))
				*flags |= HINT_COMMENT;
			else if (in_list(w, strong_neg))
				*flags |= HINT_STRONG;
			else if (in_list(w, weak_neg))
				*flags |= HINT_WEAK;
			else if (in_list(w, media_words))
				*flags |= HINT_MEDIA;
			k = 0;
		}
		if (!c)
			break;
		if (isalnum(c) && k + 1 < sizeof w)
			w[k++] = (char)tolower(c);
	}
	return *flags;
}

static int hints(xmlNodePtr n)
{
	int f = 0;
	const char *c = attr(n, "class"), *id = attr(n, "id");
	if (c)
		hint_words(c, &f);
	if (id)
		hint_words(id, &f);
	return f;
}

/* 1 when the element is boilerplate by its tag or attributes, whatever
 * it holds. */
static int drop_tag(xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	if (in_list(tag, drop_tags))
		return 1;
	if (attr(n, "hidden"))
		return 1;
	const char *ah = attr(n, "aria-hidden");
	if (ah && !strcasecmp(ah, "true"))
		return 1;
	const char *st = attr(n, "style");
	if (st && (strstr(st, "display:none") || strstr(st, "display: none")))
		return 1;
	const char *role = attr(n, "role");
	return role && (!strcasecmp(role, "navigation") ||
	                !strcasecmp(role, "complementary") ||
	                !strcasecmp(role, "banner") ||
	                !strcasecmp(role, "contentinfo") ||
	                !strcasecmp(role, "dialog") ||
	                !strcasecmp(role, "alertdialog"));
}

/* 1 when the element's class or id marks it as boilerplate, judged once
 * its text is known: a wrapper named "page-ad-margins" or "has-sidebar"
 * that holds the whole story is kept, a comment section never is. */
static int drop_by_name(xmlNodePtr n, const nstat *st)
{
	const char *tag = (const char *)n->name;
	if (!strcmp(tag, "html") || !strcmp(tag, "body") ||
	    !strcmp(tag, "article") || !strcmp(tag, "main"))
		return 0;
	int f = hints(n);
	if (f & HINT_COMMENT)
		return 1;
	/* Whatever its name, what holds the page's article is a wrapper. */
	if (st->holds_main)
		return 0;
	if ((f & HINT_MEDIA) && !(f & HINT_POS) && st->text < CR_HTML_CAPTION)
		return 1;
	/* A form may wrap a whole page (ASP.NET does): judged like a name. */
	if (!strcmp(tag, "form"))
		f |= HINT_STRONG;
	if (!(f & HINT_STRONG) && !((f & HINT_WEAK) && !(f & HINT_POS)))
		return 0;
	/* A content word beside the boilerplate one lowers the bar. */
	uint32_t keep_at =
	        f & HINT_POS ? CR_HTML_KEEP_TEXT / 3 : CR_HTML_KEEP_TEXT;
	/* Inline links are common in a story; a content word tells us
	 * this is one. */
	int big = st->text >= keep_at &&
	          st->link * (f & HINT_POS ? 2 : 4) < st->text;
	return !big;
}

/* ---- metadata ------------------------------------------------------ */

/* Parses a date-time as cr_parse_iso8601 does, also accepting a space
 * before the zone ("2024-11-20 10:00:00 +0000") and falling back to the
 * date alone. */
static int64_t parse_time(const char *s)
{
	if (!s)
		return CR_TIME_NONE;
	while (is_ws((unsigned char)*s))
		s++;
	char tmp[64];
	size_t k = 0;
	for (; *s && k + 1 < sizeof tmp; s++) {
		/* "10:00:00 +0000": drop the space before the zone. */
		if (*s == ' ' && (s[1] == '+' || s[1] == '-' || s[1] == 'Z'))
			continue;
		tmp[k++] = *s;
	}
	while (k > 0 && is_ws((unsigned char)tmp[k - 1]))
		k--;
	tmp[k] = 0;
	int64_t t;
	if (cr_parse_iso8601(tmp, &t))
		return t;
	if (k > 10) {
		tmp[10] = 0;
		if (cr_parse_iso8601(tmp, &t))
			return t;
	}
	return CR_TIME_NONE;
}

static const char *const month_names[] = {"jan", "feb", "mar", "apr",
                                          "may", "jun", "jul", "aug",
                                          "sep", "oct", "nov", "dec"};

/* The month (1-12) a word names in English ("Oct", "October",
 * "Sept."), or 0. */
static int month_of(const char *w, size_t k)
{
	if (k < 3)
		return 0;
	for (int m = 0; m < 12; m++)
		if (!strncasecmp(w, month_names[m], 3)) {
			static const char *const full[] = {
			        "january", "february", "march",
			        "april",   "may",      "june",
			        "july",    "august",   "september",
			        "october", "november", "december"};
			if (k == 3 ||
			    (k == 4 && m == 8 && !strncasecmp(w, "sept", 4)) ||
			    (k == strlen(full[m]) &&
			     !strncasecmp(w, full[m], k)))
				return m + 1;
		}
	return 0;
}

/* A number of 1 to max_digits digits, optionally followed by an
 * ordinal suffix; -1 when the word is not one. */
static int number_of(const char *w, size_t k, size_t max_digits)
{
	size_t d = 0;
	int v = 0;
	while (d < k && isdigit((unsigned char)w[d]))
		v = v * 10 + (w[d++] - '0');
	if (d == 0 || d > max_digits)
		return -1;
	if (d < k &&
	    !(k - d == 2 &&
	      (!strncasecmp(w + d, "st", 2) || !strncasecmp(w + d, "nd", 2) ||
	       !strncasecmp(w + d, "rd", 2) || !strncasecmp(w + d, "th", 2))))
		return -1;
	return v;
}

/* The next run of letters and digits at or after *p, its length in *len;
 * *p moves past it. NULL when none is left. */
static const char *next_word(const char **p, size_t *len)
{
	const char *s = *p;
	while (*s && !isalnum((unsigned char)*s))
		s++;
	const char *e = s;
	while (isalnum((unsigned char)*e))
		e++;
	*p = e;
	*len = (size_t)(e - s);
	return e == s ? NULL : s;
}

/* The first date written out in a short text, "Oct 31, 2025" or
 * "31 October 2025", as a time at midnight UTC; CR_TIME_NONE when the
 * text is longer than CR_HTML_SHOWN_DATE_BYTES or holds none. */
static int64_t shown_date(const char *s)
{
	if (!s || strlen(s) > CR_HTML_SHOWN_DATE_BYTES)
		return CR_TIME_NONE;
	const char *w[24];
	size_t wl[24], n = 0;
	for (const char *p = s; n < 24 && (w[n] = next_word(&p, &wl[n]));)
		n++;
	for (size_t i = 0; i + 2 < n; i++) {
		int m = month_of(w[i], wl[i]),
		    d = number_of(w[i + 1], wl[i + 1], 2);
		if (!m || d < 0) {
			m = month_of(w[i + 1], wl[i + 1]);
			d = number_of(w[i], wl[i], 2);
		}
		int y = wl[i + 2] == 4 ? number_of(w[i + 2], 4, 4) : -1;
		if (!m || d < 1 || d > 31 || y < 1900 || y > 2100)
			continue;
		char iso[16];
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
		int64_t t;
		if (cr_parse_iso8601(iso, &t))
			return t;
	}
	return CR_TIME_NONE;
}

/* A date in a URL path: /2024/11/20/ or /2024-11-20. */
static int64_t url_time(const char *u)
{
	if (!u)
		return CR_TIME_NONE;
	for (const char *p = u; *p; p++) {
		if (*p != '/')
			continue;
		const char *q = p + 1;
		int ok = 1;
		for (int i = 0; i < 10 && ok; i++) {
			char c = q[i];
			if (i == 4 || i == 7)
				ok = c == '/' || c == '-';
			else
				ok = c >= '0' && c <= '9';
		}
		if (!ok || q[4] != q[7])
			continue;
		if (q[10] && q[10] != '/' && q[10] != '-' && q[10] != '_')
			continue;
		char d[11];
		memcpy(d, q, 10);
		d[4] = d[7] = '-';
		d[10] = 0;
		int64_t t;
		if ((q[0] == '1' || q[0] == '2') && cr_parse_iso8601(d, &t))
			return t;
	}
	return CR_TIME_NONE;
}

static int type_is(json_t *type, const char *const *names)
{
	if (json_is_string(type))
		return in_list(json_string_value(type), names);
	size_t i;
	json_t *v;
	json_array_foreach(
	        type, i, v) if (json_is_string(v) &&
	                        in_list(json_string_value(v), names)) return 1;
	return 0;
}

static const char *const ld_article_types[] = {"Article",
                                               "NewsArticle",
                                               "BlogPosting",
                                               "ReportageNews",
                                               "AnalysisNewsArticle",
                                               "OpinionNewsArticle",
                                               "LiveBlogPosting",
                                               "BackgroundNewsArticle",
                                               "ReviewNewsArticle",
                                               "Report",
                                               "ScholarlyArticle",
                                               "TechArticle",
                                               "SocialMediaPosting",
                                               "DiscussionForumPosting",
                                               NULL};
static const char *const ld_product_types[] = {"Product", "Offer",
                                               "AggregateOffer", NULL};
static const char *const ld_listing_types[] = {"ItemList", "CollectionPage",
                                               "SearchResultsPage", NULL};

/* The name of a JSON-LD person or organisation: a string or {name}. */
static const char *ld_name(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v)) {
		json_t *n = json_object_get(v, "name");
		if (json_is_string(n))
			return json_string_value(n);
	}
	return NULL;
}

/* Joins the authors of a JSON-LD author value with ", ". */
static const char *ld_authors(ex *x, json_t *v)
{
	char tmp[512] = "";
	size_t k = 0;
	json_t *one = v;
	size_t n = json_is_array(v) ? json_array_size(v) : 1;
	for (size_t i = 0; i < n && i < 16; i++) {
		if (json_is_array(v))
			one = json_array_get(v, i);
		const char *name = ld_name(one);
		if (!name || !*name || strstr(name, "://"))
			continue;
		int w = snprintf(tmp + k, sizeof tmp - k, "%s%s", k ? ", " : "",
		                 name);
		if (w < 0 || (size_t)w >= sizeof tmp - k)
			break;
		k += (size_t)w;
	}
	return k ? keep(x, tmp) : NULL;
}

/* Reads what we use of one JSON-LD node and of the nodes inside it. */
static void ld_walk(ex *x, json_t *v, int depth)
{
	if (depth > CR_HTML_LD_DEPTH)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) ld_walk(x, e, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	json_t *type = json_object_get(v, "@type");
	if (type_is(type, ld_article_types)) {
		x->ld_article = 1;
		json_t *h = json_object_get(v, "headline");
		if (!x->ld_headline && json_is_string(h))
			x->ld_headline = keep(x, json_string_value(h));
		json_t *dp = json_object_get(v, "datePublished");
		if (x->pub_ld == CR_TIME_NONE && json_is_string(dp))
			x->pub_ld = parse_time(json_string_value(dp));
		json_t *au = json_object_get(v, "author");
		if (!x->ld_author && au)
			x->ld_author = ld_authors(x, au);
		json_t *pu = json_object_get(v, "publisher");
		if (!x->ld_publisher && pu)
			x->ld_publisher = keep(x, ld_name(pu));
	} else if (type_is(type, ld_product_types)) {
		x->ld_product = 1;
	} else if (type_is(type, ld_listing_types)) {
		x->ld_listing = 1;
	}
	json_t *g = json_object_get(v, "@graph");
	if (g)
		ld_walk(x, g, depth + 1);
	json_t *me = json_object_get(v, "mainEntity");
	if (me)
		ld_walk(x, me, depth + 1);
}

static void ld_script(ex *x, xmlNodePtr n)
{
	const char *type = attr(n, "type");
	if (!type || strcasecmp(type, "application/ld+json"))
		return;
	xmlNodePtr c = n->children;
	if (!c || !c->content)
		return;
	const char *s = (const char *)c->content;
	size_t len = strlen(s);
	if (len > CR_HTML_MAX_LD_BYTES)
		return;
	json_t *j = json_loadb(s, len, JSON_DECODE_ANY, NULL);
	if (!j)
		return;
	ld_walk(x, j, 0);
	json_decref(j);
}

static void meta_tag(ex *x, xmlNodePtr n)
{
	const char *content = attr(n, "content");
	const char *key = attr(n, "property");
	if (!key)
		key = attr(n, "name");
	if (!key)
		key = attr(n, "itemprop");
	if (!key || !content)
		return;
	if (!strcasecmp(key, "og:title") && !x->og_title)
		x->og_title = keep(x, content);
	else if (!strcasecmp(key, "og:site_name") && !x->og_site)
		x->og_site = keep(x, content);
	else if (!strcasecmp(key, "application-name") && !x->app_name)
		x->app_name = keep(x, content);
	else if (!strcasecmp(key, "og:url") && !x->og_url)
		x->og_url = keep(x, content);
	else if (!strcasecmp(key, "og:type") && !x->og_type)
		x->og_type = keep(x, content);
	else if ((!strcasecmp(key, "author") ||
	          !strcasecmp(key, "article:author") ||
	          !strcasecmp(key, "dc.creator") ||
	          !strcasecmp(key, "parsely-author") ||
	          !strcasecmp(key, "sailthru.author")) &&
	         !x->meta_author && !strstr(content, "://"))
		x->meta_author = keep(x, content);
	else if ((!strcasecmp(key, "article:published_time") ||
	          !strcasecmp(key, "og:published_time") ||
	          !strcasecmp(key, "published_time") ||
	          !strcasecmp(key, "date") || !strcasecmp(key, "pubdate") ||
	          !strcasecmp(key, "publishdate") ||
	          !strcasecmp(key, "publish-date") ||
	          !strcasecmp(key, "dc.date") ||
	          !strcasecmp(key, "dc.date.issued") ||
	          !strcasecmp(key, "dcterms.created") ||
	          !strcasecmp(key, "sailthru.date") ||
	          !strcasecmp(key, "parsely-pub-date") ||
	          !strcasecmp(key, "datepublished")) &&
	         x->pub_meta == CR_TIME_NONE)
		x->pub_meta = parse_time(content);
	else if (!strcasecmp(key, "og:locale") && !x->lang)
		x->lang = keep(x, content);
}

/* ---- pass 1: measure ----------------------------------------------- */

static int push_node(ex *x, xmlNodePtr **arr, size_t *n, size_t *cap,
                     xmlNodePtr v)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		xmlNodePtr *na =
		        cr_arena_grow(x->scratch, *arr, *n, nc, sizeof *na);
		if (!na)
			return -1;
		*arr = na;
		*cap = nc;
	}
	(*arr)[(*n)++] = v;
	return 0;
}

static int is_para_tag(xmlNodePtr n)
{
	return is(n, "p") || is(n, "pre") || is(n, "td") ||
	       is(n, "blockquote") || is(n, "li") || is(n, "dd");
}

/* Collapsed text of a subtree into b (for short metadata elements). */
static void text_of(xmlNodePtr n, buf *b, int depth)
{
	if (depth > CR_HTML_WALK_DEPTH)
		return;
	for (xmlNodePtr c = n->children; c && !b->full; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content)
			buf_add(b, (const char *)c->content,
			        strlen((const char *)c->content));
		else if (c->type == XML_ELEMENT_NODE && !is(c, "script") &&
		         !is(c, "style"))
			text_of(c, b, depth + 1);
		if (c->type == XML_ELEMENT_NODE && is_block(c))
			buf_add(b, " ", 1);
	}
}

static const char *element_text(ex *x, xmlNodePtr n)
{
	buf b = {.max = CR_HTML_MAX_META_BYTES};
	text_of(n, &b, 0);
	const char *s = b.p ? keep(x, b.p) : NULL;
	buf_free(&b);
	return s;
}

/* Strips "By " and "Written by" from a byline. */
static const char *strip_by(const char *s)
{
	if (!s)
		return NULL;
	if (!strncasecmp(s, "written by ", 11))
		return s + 11;
	if (!strncasecmp(s, "by ", 3))
		return s + 3;
	return s;
}

/* 1 when s reads like one to four people's names: 2 to 8 words, each
 * capitalised or a joining word, no digits. */
static int looks_like_name(const char *s)
{
	size_t words = 0;
	for (const char *p = s; *p;) {
		while (is_ws((unsigned char)*p))
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && !is_ws((unsigned char)*e))
			e++;
		size_t k = (size_t)(e - p);
		int joiner = (k == 3 && !strncmp(p, "and", 3)) ||
		             (k == 1 && *p == '&');
		if (!joiner && !isupper((unsigned char)*p) &&
		    !((unsigned char)*p & 0x80))
			return 0;
		for (const char *q = p; q < e; q++)
			if (isdigit((unsigned char)*q))
				return 0;
		words++;
		p = e;
	}
	return words >= 2 && words <= 8;
}

static void metadata(ex *x, xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	if (!strcmp(tag, "meta")) {
		meta_tag(x, n);
	} else if (!strcmp(tag, "link")) {
		const char *rel = attr(n, "rel"), *href = attr(n, "href");
		if (rel && href && !strcasecmp(rel, "canonical") &&
		    !x->canonical)
			x->canonical = keep(x, href);
	} else if (!strcmp(tag, "title")) {
		if (!x->title_tag && n->parent && !is(n->parent, "svg"))
			x->title_tag = element_text(x, n);
	} else if (!strcmp(tag, "html")) {
		const char *l = attr(n, "lang");
		if (l && *l)
			x->lang = keep(x, l);
	} else if (!strcmp(tag, "script")) {
		ld_script(x, n);
	} else if (!strcmp(tag, "h1")) {
		if (x->n_h1 < CR_HTML_MAX_H1) {
			const char *t = element_text(x, n);
			if (t)
				x->h1s[x->n_h1++] = t;
			if (!x->h1)
				x->h1 = t;
		}
	} else if (!strcmp(tag, "time")) {
		const char *dt = attr(n, "datetime");
		const char *ip = attr(n, "itemprop");
		if (dt && ip && !strcasecmp(ip, "datePublished") &&
		    x->pub_prop == CR_TIME_NONE)
			x->pub_prop = parse_time(dt);
		else if (dt && x->pub_time == CR_TIME_NONE)
			x->pub_time = parse_time(dt);
		else if (!dt && x->pub_shown == CR_TIME_NONE)
			x->pub_shown = shown_date(element_text(x, n));
	}
	if (x->pub_shown == CR_TIME_NONE && strcmp(tag, "time") &&
	    strcmp(tag, "html") && strcmp(tag, "body")) {
		const char *c = attr(n, "class");
		if (c && strcasestr(c, "date"))
			x->pub_shown = shown_date(element_text(x, n));
	}
	const char *ip = attr(n, "itemprop");
	if (ip && !strcasecmp(ip, "datePublished") &&
	    x->pub_prop == CR_TIME_NONE && strcmp(tag, "time"))
		x->pub_prop = parse_time(attr(n, "content"));
	const char *rel = attr(n, "rel");
	if (rel && !strcasecmp(rel, "author") && !strcmp(tag, "a") &&
	    !x->rel_author)
		x->rel_author = element_text(x, n);
	if (!x->href_author && !strcmp(tag, "a")) {
		const char *h = attr(n, "href");
		if (h && (strstr(h, "/author/") || strstr(h, "/authors/"))) {
			const char *t = element_text(x, n);
			if (t && looks_like_name(t))
				x->href_author = t;
		}
	}
	if (!x->by_text && (!strcmp(tag, "p") || !strcmp(tag, "span") ||
	                    !strcmp(tag, "div"))) {
		/* A line reading "By Jane Doe" and nothing more. */
		xmlNodePtr c = n->children;
		if (c && c->type == XML_TEXT_NODE && c->content) {
			const char *t = (const char *)c->content;
			while (is_ws((unsigned char)*t))
				t++;
			if (!strncasecmp(t, "by ", 3) ||
			    !strncasecmp(t, "written by ", 11)) {
				const char *full = element_text(x, n);
				const char *name = strip_by(full);
				if (name && name != full &&
				    looks_like_name(name))
					x->by_text = name;
			}
		}
	}
	if (!x->byline_el && strcmp(tag, "meta") && strcmp(tag, "link") &&
	    strcmp(tag, "html") && strcmp(tag, "body")) {
		const char *c = attr(n, "class");
		int f = 0;
		char w[16] = "";
		if (c) {
			/* A class word byline or author names the byline. */
			const char *p = c;
			while (*p) {
				size_t k = 0;
				while (*p && !isalnum((unsigned char)*p))
					p++;
				while (isalnum((unsigned char)*p) ||
				       *p == '-' || *p == '_') {
					if (k + 1 < sizeof w)
						w[k++] = (char)tolower(
						        (unsigned char)*p);
					p++;
				}
				w[k] = 0;
				if (!strcmp(w, "byline") ||
				    !strcmp(w, "author") ||
				    !strcmp(w, "author-name") ||
				    !strcmp(w, "byline__name") ||
				    !strcmp(w, "byline-name"))
					f = 1;
			}
		}
		if (ip && !strcasecmp(ip, "author"))
			f = 1;
		if (f) {
			const char *t = element_text(x, n);
			if (t && strlen(t) <= 120)
				x->byline_el = strip_by(t);
		}
	}
}

/* 1 when the element is the page's main content by its markup: <main>,
 * role=main, itemprop=articleBody, or an <article> with running text (a
 * teaser card in a list has little). */
static int is_main(xmlNodePtr n, const nstat *st)
{
	if (is(n, "main"))
		return 1;
	const char *role = attr(n, "role");
	if (role && !strcasecmp(role, "main"))
		return 1;
	const char *ip = attr(n, "itemprop");
	if (ip && !strcasecmp(ip, "articleBody"))
		return 1;
	return is(n, "article") && st->text >= CR_HTML_MAIN_TEXT &&
	       st->link * 4 < st->text;
}

/* Walks the subtree of n: counts nodes, reads metadata, and sums the
 * visible text of every element into its nstat. */
static int measure(ex *x, xmlNodePtr n, int depth, int dropped, int in_link)
{
	if (depth > x->max_depth)
		x->max_depth = depth;
	nstat *st = cr_arena_alloc(x->scratch, sizeof *st);
	if (!st)
		return -1;
	n->_private = st;
	metadata(x, n);
	st->dropped = dropped || drop_tag(n);
	if (is(n, "body") && !x->body)
		x->body = n;
	int link = in_link || is(n, "a");
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (++x->n_nodes > CR_HTML_MAX_NODES) {
			x->too_many = 1;
			return 0;
		}
		if (c->type == XML_TEXT_NODE && c->content) {
			uint32_t t = 0, cm = 0;
			for (const unsigned char *p = c->content; *p; p++) {
				t += !is_ws(*p);
				cm += *p == ',';
			}
			if (x->body &&
			    !in_list((const char *)n->name,
			             (const char *const[]){"script", "style",
			                                   "noscript", NULL})) {
				x->all_text += t;
				if (link)
					x->all_link += t;
			}
			if (!st->dropped) {
				st->text += t;
				st->commas += cm;
				if (link)
					st->link += t;
				else
					st->own += t, st->own_commas += cm;
			}
		} else if (c->type == XML_ELEMENT_NODE) {
			if (depth + 1 > CR_HTML_WALK_DEPTH)
				continue;
			if (measure(x, c, depth + 1, st->dropped, link) < 0)
				return -1;
			if (x->too_many)
				return 0;
			nstat *cs = c->_private;
			if (!cs->dropped) {
				st->text += cs->text;
				st->link += cs->link;
				st->commas += cs->commas;
				st->holds_main |=
				        cs->holds_main || is_main(c, cs);
			}
			if (is_block(c))
				st->blocks = 1;
		}
	}
	if (!st->dropped && drop_by_name(n, st))
		st->dropped = 1;
	/* A container with blocks inside that also holds running text of
	 * its own (text split by <br>, beside an image) is a paragraph
	 * too, scored from that text. */
	if (!st->dropped && st->text >= CR_HTML_MIN_PARA &&
	    (is_para_tag(n) ||
	     ((is(n, "div") || is(n, "section") || is(n, "article")) &&
	      (!st->blocks || st->own >= CR_HTML_OWN_TEXT))))
		if (push_node(x, &x->paras, &x->n_paras, &x->cap_paras, n) < 0)
			return -1;
	return 0;
}

/* Marks every element under a dropped one as dropped: measure() decides
 * on names only after the children were measured. */
static void propagate(xmlNodePtr n, int dropped, int depth)
{
	if (depth > CR_HTML_WALK_DEPTH)
		return;
	nstat *st = n->_private;
	if (!st)
		return;
	if (dropped)
		st->dropped = 1;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			propagate(c, st->dropped, depth + 1);
}

/* ---- pass 2: score ------------------------------------------------- */

static float base_score(xmlNodePtr n)
{
	float s = 0;
	if (is(n, "div") || is(n, "article") || is(n, "main"))
		s = 5;
	else if (is(n, "pre") || is(n, "td") || is(n, "blockquote") ||
	         is(n, "section"))
		s = 3;
	else if (is(n, "ol") || is(n, "ul") || is(n, "dl") || is(n, "dd") ||
	         is(n, "li") || is(n, "form") || is(n, "address"))
		s = -3;
	else if (is(n, "h1") || is(n, "h2") || is(n, "h3") || is(n, "h4") ||
	         is(n, "h5") || is(n, "h6") || is(n, "th"))
		s = -5;
	if (is(n, "article") || is(n, "main"))
		s += 10;
	int f = hints(n);
	if (f & HINT_POS)
		s += 25;
	if (f & (HINT_STRONG | HINT_WEAK))
		s -= 25;
	return s;
}

static double link_density(const nstat *st)
{
	return st->text ? (double)st->link / st->text : 0;
}

/* 1 when a is b or one of b's ancestors. */
static int is_ancestor(xmlNodePtr a, xmlNodePtr b)
{
	for (; b; b = b->parent)
		if (a == b)
			return 1;
	return 0;
}

/* Scores the paragraphs into their ancestors and returns the best
 * candidate, or NULL. */
static xmlNodePtr score(ex *x)
{
	for (size_t i = 0; i < x->n_paras; i++) {
		xmlNodePtr p = x->paras[i];
		nstat *ps = p->_private;
		if (ps->dropped)
			continue;
		/* A mixed container scores its own text into itself. */
		int mixed = ps->blocks && !is_para_tag(p);
		uint32_t text = mixed ? ps->own : ps->text;
		double s = 1 + (mixed ? ps->own_commas : ps->commas) +
		           (text / 100 < 3 ? text / 100 : 3);
		xmlNodePtr a = mixed ? p : p->parent;
		for (int lv = 0; a && a->type == XML_ELEMENT_NODE &&
		                 lv < CR_HTML_SCORE_LEVELS;
		     lv++, a = a->parent) {
			nstat *as = a->_private;
			if (!as || as->dropped)
				break;
			if (!as->inited) {
				as->inited = 1;
				as->score = base_score(a);
				if (push_node(x, &x->cands, &x->n_cands,
				              &x->cap_cands, a) < 0)
					return NULL;
			}
			double div = lv == 0 ? 1 : lv == 1 ? 2 : lv * 3;
			as->score += (float)(s / div);
		}
	}
	xmlNodePtr best = NULL;
	double best_s = 0;
	for (size_t i = 0; i < x->n_cands; i++) {
		nstat *cs = x->cands[i]->_private;
		cs->score = (float)(cs->score * (1 - link_density(cs)));
		if (!best || cs->score > best_s) {
			best = x->cands[i];
			best_s = cs->score;
		}
	}
	/* A short block that scores by its name (a headline box named
	 * "content") gives way to an unrelated candidate scoring nearly as
	 * well that holds several times its text. */
	if (best) {
		nstat *bs = best->_private;
		xmlNodePtr alt = NULL;
		float alt_s = 0;
		for (size_t i = 0; i < x->n_cands; i++) {
			xmlNodePtr c = x->cands[i];
			nstat *cs = c->_private;
			if (cs->score >= bs->score * CR_HTML_RIVAL_SCORE &&
			    cs->text >= bs->text * CR_HTML_RIVAL_TEXT &&
			    cs->score > alt_s && !is_ancestor(c, best) &&
			    !is_ancestor(best, c)) {
				alt = c;
				alt_s = cs->score;
			}
		}
		if (alt)
			best = alt;
	}
	/* A story split into small blocks scores its wrapper little more
	 * than one block: an ancestor scoring nearly as well that holds
	 * much more text is the story. */
	int climbed = 1;
	while (best && climbed) {
		climbed = 0;
		nstat *bs = best->_private;
		xmlNodePtr a = best->parent;
		for (int lv = 0; a && a->type == XML_ELEMENT_NODE &&
		                 lv < CR_HTML_SCORE_LEVELS;
		     lv++, a = a->parent) {
			nstat *as = a->_private;
			if (!as || as->dropped)
				break;
			if (as->inited &&
			    as->score >= bs->score * CR_HTML_CLIMB_SCORE &&
			    as->text >= bs->text * CR_HTML_CLIMB_TEXT &&
			    link_density(as) <= 0.3) {
				best = a;
				climbed = 1;
				break;
			}
		}
	}
	return best;
}

/* Marks best and the siblings that belong with it for writing. */
static void choose(xmlNodePtr best)
{
	nstat *bs = best->_private;
	double thr = bs->score * 0.2;
	if (thr < 10)
		thr = 10;
	bs->include = 1;
	if (!best->parent || is(best, "body"))
		return;
	for (xmlNodePtr s = best->parent->children; s; s = s->next) {
		if (s == best || s->type != XML_ELEMENT_NODE)
			continue;
		nstat *ss = s->_private;
		if (!ss || ss->dropped)
			continue;
		double ld = link_density(ss);
		/* A <div> with no blocks inside is a paragraph too: a lead
		 * or summary set beside the body is often one. */
		int para = is(s, "p") ||
		           ((is(s, "div") || is(s, "section")) && !ss->blocks);
		if (ss->inited && ss->score >= thr)
			ss->include = 1;
		else if (para && ss->text > 80 && ld < 0.25)
			ss->include = 1;
		else if (is(s, "p") && ss->text > 0 && ld == 0 && s->children)
			ss->include = ss->text > 20;
	}
}

/* 1 when two class values are equal, or one is the other with more
 * classes after it: chunks of a story may carry a modifier
 * ("block-text" and "block-text block-text_initial-letter"). */
static int same_class(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na > nb) {
		const char *t = a;
		a = b;
		b = t;
		size_t tn = na;
		na = nb;
		nb = tn;
	}
	return na > 0 && !memcmp(a, b, na) &&
	       (na == nb || is_ws((unsigned char)b[na]));
}

/* Marks the other chunks of a story cut into several containers (by
 * images, ads or pull quotes) whose common ancestor is too far up to be
 * scored: candidates of best's tag and class that score well, hold
 * little in links and are not inside best or around it. */
static void chunks(ex *x, xmlNodePtr best)
{
	const char *cls = attr(best, "class");
	nstat *bs = best->_private;
	if (!cls || !*cls)
		return;
	for (size_t i = 0; i < x->n_cands; i++) {
		xmlNodePtr c = x->cands[i];
		nstat *cs = c->_private;
		if (c == best || cs->dropped || cs->include ||
		    strcmp((const char *)c->name, (const char *)best->name) ||
		    cs->score < bs->score * CR_HTML_CHUNK_SCORE ||
		    link_density(cs) > 0.3)
			continue;
		const char *cc = attr(c, "class");
		if (!cc || !same_class(cc, cls) || is_ancestor(c, best) ||
		    is_ancestor(best, c))
			continue;
		cs->include = 1;
	}
}

/* ---- pass 3: write ------------------------------------------------- */

typedef struct writer {
	ex *x;
	buf out;         /* the body: paragraphs separated by '\n' */
	buf cur;         /* the paragraph being gathered */
	size_t cur_link; /* bytes of cur inside links */
	int space;
	int in_article; /* inside an <article> being written */
	size_t n_paras;
	size_t n_text;
	const char *title;
	int oom;
} writer;

static void flush(writer *w)
{
	buf *c = &w->cur;
	while (c->n > 0 && c->p[c->n - 1] == ' ')
		c->n--;
	if (c->n == 0)
		goto reset;
	if (c->n > 0 && (double)w->cur_link / (double)c->n > 0.5)
		goto reset; /* a list of links, a "read more" */
	if (w->title && w->n_paras == 0 && c->n == strlen(w->title) &&
	    !strncasecmp(c->p, w->title, c->n))
		goto reset; /* the headline again */
	if (w->out.n && buf_add(&w->out, "\n", 1) < 0)
		w->oom = 1;
	if (buf_add(&w->out, c->p, c->n) < 0)
		w->oom = 1;
	w->n_paras++;
	w->n_text += c->n;
reset:
	c->n = 0;
	w->cur_link = 0;
	w->space = 0;
}

/* Appends a text node's content with HTML white space collapsed. */
static void put_text(writer *w, const char *s, int link)
{
	for (; *s; s++) {
		if (is_ws((unsigned char)*s)) {
			w->space = w->cur.n > 0;
			continue;
		}
		const char *e = s;
		while (*e && !is_ws((unsigned char)*e))
			e++;
		if (w->space && buf_add(&w->cur, " ", 1) < 0)
			w->oom = 1;
		if (w->space && link)
			w->cur_link++;
		w->space = 0;
		if (buf_add(&w->cur, s, (size_t)(e - s)) < 0)
			w->oom = 1;
		if (link)
			w->cur_link += (size_t)(e - s);
		s = e - 1;
	}
}

static void write_node(writer *w, xmlNodePtr n, int depth, int link)
{
	if (depth > CR_HTML_WALK_DEPTH)
		return;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			put_text(w, (const char *)c->content, link);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		nstat *cs = c->_private;
		if (!cs || cs->dropped)
			continue;
		/* A short article inside the article is a teaser of
		 * another; a long one is a part (a listicle's item). */
		int art = is(c, "article");
		if (art && w->in_article && cs->text < CR_HTML_TEASER_TEXT)
			continue;
		int block = is_block(c);
		if (block)
			flush(w);
		w->in_article += art;
		write_node(w, c, depth + 1, link || is(c, "a"));
		w->in_article -= art;
		if (block)
			flush(w);
		else if (is(c, "td") || is(c, "th"))
			w->space = 1;
	}
}

/* Writes, in document order, the subtrees marked for the body. */
static void write_included(writer *w, xmlNodePtr n, int depth)
{
	if (depth > CR_HTML_WALK_DEPTH)
		return;
	nstat *st = n->_private;
	if (!st || st->dropped)
		return;
	if (st->include) {
		int art = 0;
		for (xmlNodePtr a = n; a && !art; a = a->parent)
			art = a->type == XML_ELEMENT_NODE && is(a, "article");
		flush(w);
		w->in_article = art;
		write_node(w, n, 0, is(n, "a"));
		w->in_article = 0;
		flush(w);
		return;
	}
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			write_included(w, c, depth + 1);
}

/* Openings of the prompts that trail a story: share, follow and
 * subscribe calls, "read more" and citation boxes. Lower case. */
static const char *const tail_prompts[] = {
        "join the conversation",
        "join our",
        "sign up",
        "subscribe",
        "like this",
        "share this",
        "share on",
        "follow us",
        "follow @",
        "get the latest",
        "read more",
        "read next",
        "explore further",
        "related:",
        "related roundup",
        "tell us what you think",
        "this document is subject to copyright",
        "citation:",
        "click here to",
        "more great",
        "don't miss",
        "you may also like",
        "have a tip",
        NULL};

/* 1 when a paragraph is a prompt or an author's contact line: it opens
 * with a tail prompt, or it is short and gives an e-mail address or a
 * handle to follow. */
static int tail_boilerplate(const char *p, size_t n)
{
	if (n > CR_HTML_TAIL_BYTES)
		return 0;
	for (const char *const *t = tail_prompts; *t; t++) {
		size_t k = strlen(*t);
		if (n >= k && !strncasecmp(p, *t, k))
			return 1;
	}
	int at = 0, contact = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] == '@' && isalnum((unsigned char)p[i + 1]))
			at = 1;
		if ((p[i] == 'f' || p[i] == 'F') && i + 6 <= n &&
		    !strncasecmp(p + i, "follow", 6))
			contact = 1;
		if ((p[i] == 'e' || p[i] == 'E') && i + 5 <= n &&
		    !strncasecmp(p + i, "email", 5))
			contact = 1;
		if (i + 7 <= n && !strncasecmp(p + i, "reached", 7))
			contact = 1;
	}
	return at && contact;
}

/* Drops prompts and contact lines from the end of the body, at most
 * CR_HTML_TAIL_PARAS of them, never the only paragraph. */
static void trim_tail(writer *w)
{
	for (int k = 0; k < CR_HTML_TAIL_PARAS && w->n_paras > 1; k++) {
		buf *o = &w->out;
		size_t start = o->n;
		while (start > 0 && o->p[start - 1] != '\n')
			start--;
		if (start == 0 || !tail_boilerplate(o->p + start, o->n - start))
			return;
		w->n_text -= o->n - start;
		w->n_paras--;
		o->n = start - 1;
		o->p[o->n] = 0;
	}
}

/* ---- the page ------------------------------------------------------ */

static const char *const title_seps[] = {
        " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", NULL};

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	int in = 0;
	for (size_t i = 0; i < n; i++) {
		int sp = is_ws((unsigned char)s[i]);
		w += !sp && !in;
		in = !sp;
	}
	return w;
}

/* The <title> without a site name glued to either end. */
static const char *strip_site(ex *x, const char *t, const char *site)
{
	if (!t)
		return NULL;
	for (const char *const *sep = title_seps; *sep; sep++) {
		const char *last = NULL;
		for (const char *p = strstr(t, *sep); p;
		     p = strstr(p + 1, *sep))
			last = p;
		const char *first = strstr(t, *sep);
		if (!last)
			continue;
		size_t sl = strlen(*sep);
		const char *tail = last + sl;
		size_t head_n = (size_t)(last - t);
		/* "Title | Site": the tail is the site, or short. */
		if ((site && !strcasecmp(tail, site)) ||
		    (count_words(tail, strlen(tail)) <= 3 &&
		     count_words(t, head_n) >= 4))
			return cr_arena_strndup(x->ar, t, head_n);
		/* "Site | Title". */
		size_t lead_n = (size_t)(first - t);
		if (site && lead_n == strlen(site) &&
		    !strncasecmp(t, site, lead_n))
			return cr_arena_strdup(x->ar, first + sl);
	}
	return t;
}

/* The share of the words of h (letters and digits, compared without
 * case) that also occur in ref. */
static double word_overlap(const char *h, const char *ref)
{
	size_t n = 0, hit = 0, rn = strlen(ref), k;
	const char *p = h, *w;
	while ((w = next_word(&p, &k))) {
		n++;
		for (size_t i = 0; i + k <= rn; i++)
			if (!strncasecmp(ref + i, w, k) &&
			    (i == 0 || !isalnum((unsigned char)ref[i - 1])) &&
			    !isalnum((unsigned char)ref[i + k])) {
				hit++;
				break;
			}
	}
	return n ? (double)hit / (double)n : 0;
}

/* The headline as the page shows it: the first <h1> of at least
 * CR_HTML_H1_WORDS words that shares most of its words with the
 * og:title or <title> (so a site name in an <h1> is passed over). */
static const char *visible_headline(ex *x)
{
	const char *ref = x->og_title ? x->og_title : x->title_tag;
	if (!ref)
		ref = x->ld_headline;
	if (!ref)
		return NULL;
	for (int i = 0; i < x->n_h1; i++) {
		const char *h = x->h1s[i];
		if (count_words(h, strlen(h)) >= CR_HTML_H1_WORDS &&
		    word_overlap(h, ref) >= CR_HTML_H1_OVERLAP)
			return h;
	}
	return NULL;
}

static const char *pick_title(ex *x, const char *site)
{
	const char *h = visible_headline(x);
	if (h)
		return h;
	if (x->og_title)
		return strip_site(x, x->og_title, site);
	if (x->ld_headline)
		return x->ld_headline;
	if (x->title_tag) {
		/* The <h1> is the headline when <title> starts with it. */
		if (x->h1 && !strncasecmp(x->title_tag, x->h1, strlen(x->h1)))
			return x->h1;
		return strip_site(x, x->title_tag, site);
	}
	return x->h1;
}

/* A language tag's primary subtag, lower case ("en-GB" -> "en"). */
static const char *primary_lang(ex *x, const char *l)
{
	if (!l)
		return NULL;
	char tmp[9];
	size_t k = 0;
	while (l[k] && isalpha((unsigned char)l[k]) && k + 1 < sizeof tmp) {
		tmp[k] = (char)tolower((unsigned char)l[k]);
		k++;
	}
	if (k < 2 || k > 3)
		return NULL;
	return cr_arena_strndup(x->ar, tmp, k);
}

/* The path of a URL is just "/" (a home page). */
static int is_root_url(const char *u)
{
	if (!u)
		return 0;
	const char *p = strstr(u, "://");
	if (!p)
		return 0;
	p = strchr(p + 3, '/');
	return !p || !strcmp(p, "/") || !strncmp(p, "/?", 2) ||
	       !strncmp(p, "/index.", 7);
}

static void classify(ex *x, const writer *w, cr_html_info *info)
{
	int og_article = x->og_type && !strcasecmp(x->og_type, "article");
	int says_article = x->ld_article || og_article;
	double ld = x->all_text ? (double)x->all_link / x->all_text : 0;
	int dated = x->pub_meta != CR_TIME_NONE || x->pub_ld != CR_TIME_NONE ||
	            x->pub_prop != CR_TIME_NONE || x->pub_time != CR_TIME_NONE;
	info->page_type = CR_PAGE_ARTICLE;
	info->page_why = NULL;
	if ((x->ld_product && !x->ld_article) ||
	    (x->og_type && !strcasecmp(x->og_type, "product"))) {
		info->page_type = CR_PAGE_PRODUCT;
		info->page_why = "product page";
	} else if (x->ld_listing && !x->ld_article) {
		info->page_type = CR_PAGE_LISTING;
		info->page_why = "listing page";
	} else if (!says_article &&
	           is_root_url(x->canonical ? x->canonical : x->og_url)) {
		info->page_type = CR_PAGE_LISTING;
		info->page_why = "home page";
	} else if (!says_article && ld > 0.5 && w->n_text < 2000) {
		info->page_type = CR_PAGE_LISTING;
		info->page_why = "listing page";
	} else if (!says_article && !dated &&
	           (ld > 0.5 ||
	            (double)w->n_text < CR_HTML_BODY_SHARE * x->all_text ||
	            (w->n_paras &&
	             w->n_text / w->n_paras < CR_HTML_MIN_MEAN_PARA))) {
		/* Undated, not marked as an article, and its text mostly
		 * links, outside the body, or in short blocks: a listing,
		 * a shop or a service page. */
		info->page_type = CR_PAGE_LISTING;
		info->page_why = "mostly links or short blocks, no date";
	} else if (w->n_text < CR_HTML_MIN_ARTICLE_TEXT) {
		info->page_type = CR_PAGE_OTHER;
		info->page_why = "too little running text";
	}
	info->is_article = info->page_type == CR_PAGE_ARTICLE;
}

int cr_html_sniff(const char *data, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	for (int k = 0; k < 8; k++) {
		while (i < n && is_ws((unsigned char)data[i]))
			i++;
		if (i + 4 <= n && !memcmp(data + i, "<!--", 4)) {
			/* Skip a leading comment, as pages often start so. */
			size_t j = i + 4;
			while (j + 3 <= n && memcmp(data + j, "-->", 3) &&
			       j < i + 4096)
				j++;
			if (j + 3 > n || memcmp(data + j, "-->", 3))
				return 0;
			i = j + 3;
			continue;
		}
		break;
	}
	static const char *const starts[] = {"<!doctype html", "<html", "<head",
	                                     "<body",          "<meta", NULL};
	for (const char *const *s = starts; *s; s++) {
		size_t m = strlen(*s);
		if (i + m <= n && !strncasecmp(data + i, *s, m) &&
		    (i + m == n || !isalnum((unsigned char)data[i + m])))
			return 1;
	}
	return 0;
}

const char *cr_page_type_name(cr_page_type t)
{
	switch (t) {
	case CR_PAGE_ARTICLE:
		return "article";
	case CR_PAGE_LISTING:
		return "listing";
	case CR_PAGE_PRODUCT:
		return "product";
	default:
		return "other";
	}
}

/* Fills the article from what the walk found. */
static cr_err fill(ex *x, cr_article *a, const writer *w, cr_html_info *info)
{
	const char *site = x->og_site ? x->og_site : x->ld_publisher;
	if (!site)
		site = x->app_name;
	a->source = site;
	a->title = pick_title(x, site);
	a->title_given = a->title != NULL;
	a->url = x->canonical ? x->canonical : x->og_url;
	a->lang = primary_lang(x, x->lang);
	int64_t t = x->pub_meta;
	if (t == CR_TIME_NONE)
		t = x->pub_ld;
	if (t == CR_TIME_NONE)
		t = x->pub_prop;
	if (t == CR_TIME_NONE)
		t = x->pub_time;
	if (t == CR_TIME_NONE)
		t = url_time(a->url);
	if (t == CR_TIME_NONE)
		t = url_time(x->name);
	if (t == CR_TIME_NONE)
		t = x->pub_shown;
	a->published = t;
	const char *by = x->ld_author;
	if (!by)
		by = x->meta_author;
	if (!by)
		by = x->byline_el;
	if (!by)
		by = x->rel_author;
	if (!by)
		by = x->href_author;
	if (!by)
		by = x->by_text;
	info->byline = by;
	info->n_paragraphs = w->n_paras;
	size_t n_bad, first_bad;
	char *raw = NULL;
	size_t raw_len = 0;
	cr_err e = cr_utf8_repair(a->arena, w->out.p ? w->out.p : "", w->out.n,
	                          &raw, &raw_len, &n_bad, &first_bad);
	if (e != CR_OK)
		return e;
	a->raw = raw;
	a->raw_len = (uint32_t)raw_len;
	return CR_OK;
}

cr_err cr_html_extract(const char *name, const char *data, size_t n,
                       const char *http_content_type, cr_article **out,
                       cr_html_info *info, cr_diag *d)
{
	cr_html_info dummy;
	if (!info)
		info = &dummy;
	memset(info, 0, sizeof *info);
	*out = NULL;
	if (!name)
		name = "-";
	if (n > CR_HTML_MAX_BYTES) {
		cr_diag_reject(d, name, 0, CR_ETOOBIG,
		               "HTML page larger than %zu bytes",
		               CR_HTML_MAX_BYTES);
		return CR_ETOOBIG;
	}
	if (n == 0 || !data) {
		cr_diag_reject(d, name, 0, CR_EEMPTY, "empty HTML page");
		return CR_EEMPTY;
	}
	cr_err e = CR_OK;
	htmlDocPtr doc = NULL;
	cr_article *a = cr_article_create();
	ex x = {.name = name,
	        .d = d,
	        .pub_meta = CR_TIME_NONE,
	        .pub_ld = CR_TIME_NONE,
	        .pub_prop = CR_TIME_NONE,
	        .pub_time = CR_TIME_NONE,
	        .pub_shown = CR_TIME_NONE};
	writer w = {.x = &x,
	            .out = {.max = CR_MAX_TEXT_BYTES},
	            .cur = {.max = CR_MAX_TEXT_BYTES}};
	x.scratch = cr_arena_create();
	if (!a || !x.scratch) {
		e = CR_ENOMEM;
		goto out;
	}
	x.ar = a->arena;

	char enc[64];
	int repair = 0;
	choose_charset(&x, data, n, http_content_type, enc, sizeof enc,
	               &repair);
	info->charset = cr_arena_strdup(a->arena, enc);
	const char *bytes = data;
	size_t len = n;
	if (repair) {
		char *fixed;
		size_t fixed_n, bad, first;
		if ((e = cr_utf8_repair(x.scratch, data, n, &fixed, &fixed_n,
		                        &bad, &first)) != CR_OK)
			goto out;
		bytes = fixed;
		len = fixed_n;
	}
	if (len > (size_t)INT32_MAX) {
		e = CR_ETOOBIG;
		goto out;
	}
	cr_xml_init();
	doc = htmlReadMemory(bytes, (int)len, NULL, enc,
	                     HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                             HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		cr_diag_reject(d, name, 0, CR_EFORMAT,
		               "not an HTML page (nothing parsed)");
		e = CR_EFORMAT;
		goto out;
	}
	if (measure(&x, root, 1, 0, 0) < 0) {
		e = CR_ENOMEM;
		goto out;
	}
	info->n_nodes = x.n_nodes;
	if (x.too_many) {
		cr_diag_reject(d, name, 0, CR_ETOOBIG,
		               "HTML page has more than %u nodes",
		               CR_HTML_MAX_NODES);
		e = CR_ETOOBIG;
		goto out;
	}
	if (x.max_depth >= CR_HTML_PARSER_DEPTH) {
		info->depth_capped = 1;
		cr_diag_warn(d, name, 0, CR_ETOODEEP,
		             "HTML nested deeper than %d levels; the deeper "
		             "part was flattened or dropped",
		             CR_HTML_PARSER_DEPTH);
	}
	propagate(root, 0, 0);
	const char *site = x.og_site ? x.og_site : x.ld_publisher;
	w.title = pick_title(&x, site ? site : x.app_name);
	xmlNodePtr best = score(&x);
	if (best) {
		choose(best);
		chunks(&x, best);
		write_included(&w, root, 0);
	} else if (x.body) {
		write_node(&w, x.body, 0, 0);
	}
	flush(&w);
	trim_tail(&w);
	if (w.oom) {
		e = CR_ENOMEM;
		goto out;
	}
	if (w.out.full)
		cr_diag_warn(d, name, 0, CR_ETOOBIG,
		             "article text cut at %zu bytes",
		             CR_MAX_TEXT_BYTES);
	if (w.n_paras == 0) {
		cr_diag_reject(d, name, 0, CR_EEMPTY,
		               "no article text found in the page");
		e = CR_EEMPTY;
		goto out;
	}
	if ((e = fill(&x, a, &w, info)) != CR_OK)
		goto out;
	classify(&x, &w, info);
	a->id = cr_id_from_path(a->arena, name);
	a->origin = cr_arena_strdup(a->arena, name);
	if (!a->id || !a->origin) {
		e = CR_ENOMEM;
		goto out;
	}
	*out = a;
	a = NULL;
out:
	buf_free(&w.out);
	buf_free(&w.cur);
	if (doc)
		xmlFreeDoc(doc);
	cr_arena_destroy(x.scratch);
	cr_article_destroy(a);
	return e;
}

/*
 * html.h - one web page to one article (libxml2's HTML parser).
 *
 * The page's charset comes from the HTTP Content-Type header, a BOM or
 * <meta charset> / <meta http-equiv> (in that order), and the text is
 * converted to UTF-8. An unknown charset, or bytes that are not valid in
 * the charset they claim, never fail the page: the bytes are repaired as
 * UTF-8 and a warning names the file.
 *
 * From the page come: the title (og:title, JSON-LD headline, <title>
 * minus a site-name suffix, <h1>), the body as paragraphs (the best
 * scoring content subtree, readability-style, with navigation, related
 * links, comments, ads, cookie banners and newsletter prompts dropped),
 * the byline, the published time in UTC, the outlet, the canonical URL
 * and the language. The body goes to article->raw with title_given set,
 * so the ordinary cleaner (clean.h) still runs on its paragraphs.
 *
 * A page that is not an article (a home page, a listing, a product page)
 * is still extracted but marked is_article = 0 in the info; the ingest
 * path skips such pages with a warning.
 *
 * Bounds: CR_HTML_MAX_BYTES of input (checked before any byte is read),
 * CR_HTML_MAX_NODES elements and text nodes walked, and libxml2's own
 * nesting limit of 256 (XML_PARSE_HUGE is never set), which our walk
 * reports when reached.
 */
#ifndef CR_INGEST_HTML_H
#define CR_INGEST_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "crossread/article.h"
#include "crossread/err.h"

/* Largest page we parse: real news pages are well under 5 MB. */
#define CR_HTML_MAX_BYTES ((size_t)32 << 20)
/* Most nodes (elements and text) we walk in one page. */
#define CR_HTML_MAX_NODES 1000000u
/* The nesting at which libxml2 (without XML_PARSE_HUGE) stops nesting. */
#define CR_HTML_PARSER_DEPTH 256

typedef enum cr_page_type {
	CR_PAGE_ARTICLE,
	CR_PAGE_LISTING, /* home page, section front, search results, list */
	CR_PAGE_PRODUCT,
	CR_PAGE_OTHER, /* too little running text to tell */
} cr_page_type;

/* What the extractor found beyond the article's own fields. Strings are
 * in the article's arena (NULL when absent) and live as long as it. */
typedef struct cr_html_info {
	int is_article; /* 0 for a listing, product or empty page */
	cr_page_type page_type;
	const char *page_why; /* why it is not an article, e.g. "listing
	                         page"; NULL for an article */
	const char *byline;   /* authors as the page names them, ", "-joined */
	const char *charset;  /* the charset the text was decoded from */
	size_t n_paragraphs;  /* paragraphs in article->raw */
	size_t n_nodes;       /* nodes walked */
	int depth_capped;     /* the page nested past CR_HTML_PARSER_DEPTH */
} cr_html_info;

/* Extracts the article of an HTML page. name names the page in ids and
 * diagnostics; http_content_type is the page's Content-Type header or
 * NULL. On CR_OK *out is a new article (the caller owns it: free with
 * cr_article_destroy) with id, origin, title (title_given = 1 when
 * found), url, source, lang, published and raw set, and *info (which may
 * be NULL) is filled. A page past CR_HTML_MAX_BYTES is rejected with
 * CR_ETOOBIG before its bytes are read; a page with no text gives
 * CR_EEMPTY. Problems are reported through d (which may be NULL). */
cr_err cr_html_extract(const char *name, const char *data, size_t n,
                       const char *http_content_type, cr_article **out,
                       cr_html_info *info, cr_diag *d);

/* 1 when the bytes look like HTML: after an optional BOM and white space
 * they start with "<!doctype html", "<html", "<head", "<body", "<meta"
 * or an HTML comment followed by one of those (case-insensitive). */
int cr_html_sniff(const char *data, size_t n);

/* A name for a page type: "article", "listing", "product", "other". */
const char *cr_page_type_name(cr_page_type t);

#endif

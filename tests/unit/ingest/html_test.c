/*
 * html_test.c - tests of src/ingest/html.c: boilerplate removal,
 * metadata (JSON-LD, meta tags, <time>, URL dates), charsets (declared,
 * lying, unknown), non-article pages, hostile input (deep nesting, a
 * 200 MB page), the ingest path, and issue 3's acceptance: a directory
 * of saved pages briefs the same as the same articles given as text.
 */
#include "test_util.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/render.h"
#include "crossread/crossread.h"
#include "ingest/html.h"
#include "ingest/ingest.h"
#include "ingest/jsonl.h"

#define MAX_REPORTS 16

typedef struct reports {
	char why[MAX_REPORTS][256];
	cr_err code[MAX_REPORTS];
	size_t n;
} reports;

static void record(void *ud, const char *file, uint64_t line, cr_err code,
                   const char *reason)
{
	(void)file;
	(void)line;
	reports *r = ud;
	if (r->n < MAX_REPORTS) {
		snprintf(r->why[r->n], sizeof r->why[0], "%s", reason);
		r->code[r->n++] = code;
	}
}

/* 1 when some report contains s. */
static int reported(const reports *r, const char *s)
{
	for (size_t i = 0; i < r->n; i++)
		if (strstr(r->why[i], s))
			return 1;
	return 0;
}

static cr_article *extract(const char *html, cr_html_info *info, reports *r)
{
	cr_diag d = {.fn = record, .ud = r};
	cr_article *a = NULL;
	assert_int_equal(cr_html_extract("pages/harbour.html", html,
	                                 strlen(html), NULL, &a, info, &d),
	                 CR_OK);
	assert_non_null(a);
	return a;
}

static const char article_page[] =
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head>\n"
        "<meta charset=\"utf-8\">\n"
        "<title>Harbour bridge in Valmora to close for repairs | The "
        "Coastal Courier</title>\n"
        "<meta property=\"og:title\" content=\"Harbour bridge in Valmora to "
        "close for repairs\">\n"
        "<meta property=\"og:site_name\" content=\"The Coastal Courier\">\n"
        "<meta property=\"og:type\" content=\"article\">\n"
        "<meta property=\"article:published_time\" "
        "content=\"2024-11-20T09:15:00+01:00\">\n"
        "<meta name=\"author\" content=\"Lena Marsh\">\n"
        "<link rel=\"canonical\" href=\"https://courier.example/news/"
        "valmora-bridge\">\n"
        "<script>var tracking = 'Subscribe now to read';</script>\n"
        "</head><body>\n"
        "<div id=\"cookie-banner\">We use cookies to improve your "
        "experience. Accept all cookies or manage your settings.</div>\n"
        "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a "
        "href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
        "</ul></nav></header>\n"
        "<main><article class=\"story\">\n"
        "<h1>Harbour bridge in Valmora to close for repairs</h1>\n"
        "<p class=\"byline\">By Lena Marsh</p>\n"
        "<div class=\"story-body\">\n"
        "<p>The harbour bridge in Valmora will close for six weeks from "
        "Monday, the town council said on Tuesday, after inspectors found "
        "corrosion in two of its steel cables.</p>\n"
        "<p>Drivers will be sent along the coast road, which adds about "
        "twelve minutes to the trip into the centre, according to the "
        "council's transport office.</p>\n"
        "<div class=\"newsletter-signup\"><p>Get the Courier's morning "
        "briefing in your inbox, every day, for free.</p></div>\n"
        "<p>\"We would rather close it now, in the quiet season, than risk "
        "a longer closure in summer,\" said councillor Piet Ormond, who "
        "chairs the works committee.</p>\n"
        "<h2>Ferry service doubled</h2>\n"
        "<p>The ferry between the two quays will run every fifteen minutes "
        "during the closure, and it will be free for residents, the "
        "council added.</p>\n"
        "</div>\n"
        "<div class=\"related-articles\"><h3>Related</h3><ul>"
        "<li><a href=\"/a\">Valmora council approves new budget for "
        "roads</a></li><li><a href=\"/b\">Coast road resurfacing finished "
        "early</a></li></ul></div>\n"
        "</article></main>\n"
        "<section id=\"comments\"><p>Great news, that bridge has been a "
        "worry for years, thanks for the report.</p></section>\n"
        "<footer><p>Copyright The Coastal Courier. All rights reserved, "
        "terms and privacy.</p></footer>\n"
        "</body></html>\n";

static void test_article_without_boilerplate(void **state)
{
	(void)state;
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(article_page, &info, &r);
	assert_string_equal(a->title,
	                    "Harbour bridge in Valmora to close for repairs");
	assert_true(a->title_given);
	assert_string_equal(a->source, "The Coastal Courier");
	assert_string_equal(a->url,
	                    "https://courier.example/news/valmora-bridge");
	assert_string_equal(a->lang, "en");
	assert_string_equal(a->id, "harbour");
	/* 09:15 at +01:00 is 08:15 UTC. */
	int64_t want;
	assert_true(cr_parse_iso8601("2024-11-20T08:15:00Z", &want));
	assert_int_equal(a->published, want);
	assert_string_equal(info.byline, "Lena Marsh");
	assert_true(info.is_article);
	assert_int_equal(info.page_type, CR_PAGE_ARTICLE);

	const char *raw = a->raw;
	assert_non_null(
	        strstr(raw, "The harbour bridge in Valmora will close"));
	assert_non_null(strstr(raw, "Drivers will be sent along the coast"));
	assert_non_null(strstr(raw, "said councillor Piet Ormond"));
	assert_non_null(strstr(raw, "Ferry service doubled"));
	assert_non_null(strstr(raw, "it will be free for residents"));
	/* Paragraphs are lines, in page order. */
	assert_true(strstr(raw, "Drivers") < strstr(raw, "Ferry service"));
	assert_non_null(strstr(raw, "steel cables.\nDrivers"));
	/* Nothing of the page around the story. */
	assert_null(strstr(raw, "cookies"));
	assert_null(strstr(raw, "Sport"));
	assert_null(strstr(raw, "morning briefing"));
	assert_null(strstr(raw, "approves new budget"));
	assert_null(strstr(raw, "Great news"));
	assert_null(strstr(raw, "Copyright"));
	assert_null(strstr(raw, "Subscribe"));
	assert_null(strstr(raw, "By Lena Marsh"));
	/* The headline is the title, not the first paragraph. */
	assert_null(strstr(raw, "to close for repairs"));
	assert_int_equal(info.n_paragraphs, 5);
	assert_int_equal(r.n, 0);
	cr_article_destroy(a);
}

static void test_json_ld(void **state)
{
	(void)state;
	static const char page[] =
	        "<html><head><title>Grain ship leaves Odelport - Northern "
	        "Ledger</title>\n"
	        "<script type=\"application/ld+json\">{\"@context\":"
	        "\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
	        "\"name\":\"Northern Ledger\"},{\"@type\":\"NewsArticle\","
	        "\"headline\":\"Grain ship leaves Odelport after two-week "
	        "delay\",\"datePublished\":\"2024-11-20T08:30:00+02:00\","
	        "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},"
	        "{\"@type\":\"Person\",\"name\":\"Tom Berg\"}],\"publisher\":"
	        "{\"@type\":\"Organization\",\"name\":\"Northern Ledger\"}}]}"
	        "</script></head><body><div class=\"content\">\n"
	        "<p>A cargo ship carrying 40,000 tonnes of wheat left the port "
	        "of Odelport on Wednesday, two weeks later than planned, the "
	        "port authority said.</p>\n"
	        "<p>The delay was caused by a dispute over insurance, which "
	        "was "
	        "settled on Monday, according to the shipping company.</p>\n"
	        "</div></body></html>";
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(page, &info, &r);
	assert_string_equal(a->title,
	                    "Grain ship leaves Odelport after two-week delay");
	assert_string_equal(info.byline, "Ana Ruiz, Tom Berg");
	assert_string_equal(a->source, "Northern Ledger");
	int64_t want;
	assert_true(cr_parse_iso8601("2024-11-20T06:30:00Z", &want));
	assert_int_equal(a->published, want);
	assert_true(info.is_article);
	assert_non_null(strstr(a->raw, "40,000 tonnes of wheat"));
	cr_article_destroy(a);
}

static void test_time_and_url_dates(void **state)
{
	(void)state;
	static const char with_time[] =
	        "<html><body><article><h1>Museum reopens</h1>"
	        "<time datetime=\"2023-05-02T14:00:00Z\">2 May</time>"
	        "<p>The city museum reopened on Tuesday after a year of "
	        "building work, with a new wing for its collection of maps, "
	        "the "
	        "director said.</p><p>Entry will be free for the first month, "
	        "and the cafe on the roof opens in June, she added.</p>"
	        "</article></body></html>";
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(with_time, &info, &r);
	int64_t want;
	assert_true(cr_parse_iso8601("2023-05-02T14:00:00Z", &want));
	assert_int_equal(a->published, want);
	assert_string_equal(a->title, "Museum reopens");
	cr_article_destroy(a);

	static const char with_url[] =
	        "<html><head><link rel=\"canonical\" href=\"https://news."
	        "example/2022/03/14/tram-line-opens/\"></head><body><p>The new "
	        "tram line between the station and the university opened on "
	        "Monday, carrying 9,000 passengers on its first day, the "
	        "operator said.</p><p>A second line, to the airport, is due "
	        "to open in two years, according to the regional "
	        "government.</p></body></html>";
	a = extract(with_url, &info, &r);
	assert_true(cr_parse_iso8601("2022-03-14", &want));
	assert_int_equal(a->published, want);
	assert_null(a->title);
	assert_false(a->title_given);
	cr_article_destroy(a);
}

/* A Latin-1 page: é is 0xE9, £ is 0xA3; Windows-1252 curly quotes. */
static void test_latin1_converts(void **state)
{
	(void)state;
	static const char page[] =
	        "<html><head><meta http-equiv=\"Content-Type\" "
	        "content=\"text/html; charset=iso-8859-1\"><title>Caf\xe9 "
	        "prices rise</title></head><body><p>The price of a coffee at "
	        "the caf\xe9s of Lindau rose to \xa3"
	        "3 this year, a survey "
	        "by the chamber of commerce found, up from \xa3"
	        "2.60 last "
	        "year.</p><p>\x93It is still cheaper than in the capital,\x94 "
	        "said the owner of one caf\xe9, Jo\xe3o Pires.</p></body>"
	        "</html>";
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(page, &info, &r);
	assert_string_equal(a->title, "Café prices rise");
	assert_non_null(strstr(a->raw, "cafés of Lindau rose to £3"));
	assert_non_null(strstr(a->raw, "“It is still cheaper than in the "
	                               "capital,” said"));
	assert_non_null(strstr(a->raw, "João Pires"));
	assert_string_equal(info.charset, "windows-1252");
	assert_int_equal(r.n, 0);
	cr_article_destroy(a);

	/* The HTTP header outranks the page. */
	static const char plain[] =
	        "<html><body><p>Caf\xe9 owners in Lindau say the rise in rents "
	        "is the main reason for the higher prices this year.</p>"
	        "</body></html>";
	cr_diag d = {0};
	assert_int_equal(cr_html_extract("h", plain, strlen(plain),
	                                 "text/html; charset=ISO-8859-1", &a,
	                                 &info, &d),
	                 CR_OK);
	assert_non_null(strstr(a->raw, "Café owners"));
	assert_int_equal(d.n_warnings, 0);
	cr_article_destroy(a);
}

static void test_lying_and_unknown_charsets(void **state)
{
	(void)state;
	/* Says UTF-8, is Latin-1: repaired, with a warning. */
	static const char says_utf8[] =
	        "<html><head><meta charset=\"utf-8\"></head><body><p>The "
	        "caf\xe9 in the old town square will close at the end of the "
	        "month, its owner told the local paper on Friday.</p></body>"
	        "</html>";
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(says_utf8, &info, &r);
	assert_non_null(strstr(a->raw, "caf\xEF\xBF\xBD in the old town"));
	assert_true(reported(&r, "not valid UTF-8"));
	cr_article_destroy(a);

	/* Says Latin-1, is UTF-8: read as UTF-8, with a warning. */
	static const char says_latin1[] =
	        "<html><head><meta charset=\"iso-8859-1\"></head><body><p>The "
	        "café in the old town square will close at the end of the "
	        "month, its owner told the local paper on Friday.</p></body>"
	        "</html>";
	memset(&r, 0, sizeof r);
	a = extract(says_latin1, &info, &r);
	assert_non_null(strstr(a->raw, "The café in the old town"));
	assert_true(reported(&r, "but is UTF-8"));
	cr_article_destroy(a);

	/* A charset nobody knows. */
	static const char unknown[] =
	        "<html><head><meta charset=\"x-martian-7\"></head><body><p>The "
	        "café in the old town square will close at the end of the "
	        "month, its owner told the local paper on Friday.</p></body>"
	        "</html>";
	memset(&r, 0, sizeof r);
	a = extract(unknown, &info, &r);
	assert_non_null(strstr(a->raw, "The café in the old town"));
	assert_true(reported(&r, "unknown charset 'x-martian-7'"));
	assert_string_equal(info.charset, "UTF-8");
	cr_article_destroy(a);
}

static const char listing_page[] =
        "<html><head><title>Latest news - Valley Post</title>"
        "<meta property=\"og:type\" content=\"website\"></head><body>"
        "<h1>Latest news</h1><ul>"
        "<li><a href=\"/1\">Council votes to keep the library open on "
        "Sundays</a> <span>2 hours ago</span></li>"
        "<li><a href=\"/2\">River festival returns after three years, "
        "with boats</a> <span>3 hours ago</span></li>"
        "<li><a href=\"/3\">New school opens in the northern district of "
        "the city</a></li>"
        "<li><a href=\"/4\">Police appeal for witnesses after a crash on "
        "the ring road</a></li>"
        "<li><a href=\"/5\">Local team wins the regional cup in extra "
        "time</a></li>"
        "<li><a href=\"/6\">Bus fares to rise by five percent from "
        "January</a></li></ul>"
        "<p>Read the latest headlines from the Valley and beyond, updated "
        "all day, every day.</p></body></html>";

static void test_listing_is_not_an_article(void **state)
{
	(void)state;
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(listing_page, &info, &r);
	assert_false(info.is_article);
	assert_int_not_equal(info.page_type, CR_PAGE_ARTICLE);
	assert_non_null(info.page_why);
	cr_article_destroy(a);

	static const char product[] =
	        "<html><head><script type=\"application/ld+json\">{\"@type\":"
	        "\"Product\",\"name\":\"Trail shoe\",\"offers\":{\"@type\":"
	        "\"Offer\",\"price\":\"89.00\"}}</script></head><body><div "
	        "class=\"description\"><p>A light trail shoe with a grippy "
	        "sole, made for wet paths and long days in the hills, now in "
	        "three colours.</p><p>Free returns within thirty days, and "
	        "delivery in two working days to most addresses.</p></div>"
	        "</body></html>";
	a = extract(product, &info, &r);
	assert_false(info.is_article);
	assert_int_equal(info.page_type, CR_PAGE_PRODUCT);
	assert_string_equal(info.page_why, "product page");
	cr_article_destroy(a);
}

typedef struct got {
	size_t n;
	char title[256];
} got;

static cr_err count_sink(void *ud, cr_article *a)
{
	got *g = ud;
	g->n++;
	if (a->title)
		snprintf(g->title, sizeof g->title, "%s", a->title);
	cr_article_destroy(a);
	return CR_OK;
}

/* The ingest path recognises HTML by content and skips non-articles. */
static void test_ingest_path(void **state)
{
	(void)state;
	reports r = {0};
	cr_diag d = {.fn = record, .ud = &r};
	got g = {0};
	/* No .html name: the content says HTML. */
	assert_int_equal(cr_ingest_buffer("saved/page1", article_page,
	                                  strlen(article_page), count_sink, &g,
	                                  &d),
	                 CR_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.title,
	                    "Harbour bridge in Valmora to close for repairs");
	assert_int_equal(cr_ingest_buffer("saved/latest.html", listing_page,
	                                  strlen(listing_page), count_sink, &g,
	                                  &d),
	                 CR_OK);
	assert_int_equal(g.n, 1);
	assert_true(reported(&r, "not an article (listing page)"));
	assert_int_equal(d.n_warnings, 1);
	assert_int_equal(d.n_rejected, 0);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_true(cr_html_sniff("<!DOCTYPE html><html>", 21));
	assert_true(cr_html_sniff("\xEF\xBB\xBF  \n<HTML lang=en>", 20));
	assert_true(cr_html_sniff("<!-- saved --> <head><title>", 28));
	assert_true(cr_html_sniff("<meta charset=utf-8><p>Hi", 25));
	assert_false(cr_html_sniff("<rss version=\"2.0\">", 19));
	assert_false(cr_html_sniff("Title\n<html> is a tag", 21));
	assert_false(cr_html_sniff("<htmlx>", 7));
	assert_false(cr_html_sniff("{\"text\": \"<html>\"}", 18));
}

/* 100,000 nested <div>s: libxml2 stops nesting at 256, we say so, and
 * the text still comes out. */
static void test_deep_nesting(void **state)
{
	(void)state;
	const size_t depth = 100000;
	static const char text[] =
	        "<p>The mayor of Tessin said on Thursday that the old mill "
	        "would become a museum, with the first rooms open next "
	        "spring.</p>";
	size_t cap = depth * 11 + sizeof text + 64;
	char *page = malloc(cap);
	assert_non_null(page);
	size_t n = (size_t)sprintf(page, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		memcpy(page + n, "<div>", 5), n += 5;
	memcpy(page + n, text, sizeof text - 1);
	n += sizeof text - 1;
	for (size_t i = 0; i < depth; i++)
		memcpy(page + n, "</div>", 6), n += 6;
	reports r = {0};
	cr_diag d = {.fn = record, .ud = &r};
	cr_article *a = NULL;
	cr_html_info info;
	cr_err e = cr_html_extract("deep.html", page, n, NULL, &a, &info, &d);
	free(page);
	/* Either the text, with a warning, or a clear rejection. */
	if (e == CR_OK) {
		assert_true(info.depth_capped);
		assert_true(reported(&r, "nested deeper than 256 levels"));
		cr_article_destroy(a);
	} else {
		assert_null(a);
		assert_true(r.n > 0);
	}
}

/* A 200 MB page is refused before a byte of it is read: the file is
 * sparse and mapped, so the test allocates nothing like 200 MB either. */
static void test_huge_page_rejected(void **state)
{
	(void)state;
	char path[] = "/tmp/cr-html-huge-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const size_t size = (size_t)200 << 20;
	assert_int_equal(ftruncate(fd, (off_t)size), 0);
	char *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	assert_true(p != MAP_FAILED);
	reports r = {0};
	cr_diag d = {.fn = record, .ud = &r};
	cr_article *a = NULL;
	cr_html_info info;
	assert_int_equal(cr_html_extract(path, p, size, NULL, &a, &info, &d),
	                 CR_ETOOBIG);
	assert_null(a);
	assert_int_equal(d.n_rejected, 1);
	assert_true(reported(&r, "HTML page larger than"));
	/* Nothing of the mapping was touched: no page is resident. */
	unsigned char vec[16];
	assert_int_equal(mincore(p, 16 * 4096, vec), 0);
	for (int i = 0; i < 16; i++)
		assert_int_equal(vec[i] & 1, 0);
	munmap(p, size);
	close(fd);
	unlink(path);
}

static void test_no_text(void **state)
{
	(void)state;
	static const char page[] = "<html><head><title>Empty</title></head>"
	                           "<body><nav><a href=/>Home</a></nav>"
	                           "</body></html>";
	reports r = {0};
	cr_diag d = {.fn = record, .ud = &r};
	cr_article *a = NULL;
	assert_int_equal(cr_html_extract("e.html", page, strlen(page), NULL, &a,
	                                 NULL, &d),
	                 CR_EEMPTY);
	assert_null(a);
	assert_true(reported(&r, "no article text"));
}

/* ---- issue 3 acceptance: saved pages brief like text --------------- */

typedef struct story_article {
	const char *id, *outlet, *url, *title, *published;
	const char *paras[4];
} story_article;

static const story_article story[] = {
        {"courier",
         "The Coastal Courier",
         "https://courier.example/news/valmora-bridge",
         "Valmora harbour bridge to close for six weeks",
         "2025-03-10T08:00:00Z",
         {"The harbour bridge in Valmora will close for six weeks from "
          "Monday, the town council said on Sunday, after inspectors found "
          "corrosion in two of its steel cables.",
          "\"We would rather close it now, in the quiet season, than risk a "
          "longer closure in summer,\" said councillor Piet Ormond.",
          "The ferry between the two quays will run every fifteen minutes "
          "during the closure.",
          NULL}},
        {"ledger",
         "Northern Ledger",
         "https://ledger.example/valmora",
         "Corroded cables shut Valmora bridge",
         "2025-03-10T09:30:00Z",
         {"Valmora's harbour bridge will be shut for six weeks after "
          "inspectors found corrosion in two steel cables, the council said "
          "on Sunday.",
          "Councillor Piet Ormond said the council would rather close the "
          "bridge now than in summer.",
          "Drivers will use the coast road, which adds about twelve "
          "minutes to the trip into the centre.",
          NULL}},
        {"post",
         "Valley Post",
         "https://post.example/2025/03/10/bridge",
         "Valmora bridge closure: ferry doubled",
         "2025-03-10T11:00:00Z",
         {"The council in Valmora will close the harbour bridge for eight "
          "weeks from Monday to repair corroded cables, it said on Sunday.",
          "The ferry between the quays will run every fifteen minutes and "
          "will be free for residents during the closure.",
          NULL, NULL}},
};

/* Writes the story as saved pages into dir, with navigation, a cookie
 * banner and related links around each article. */
static void write_pages(const char *dir)
{
	for (size_t i = 0; i < sizeof story / sizeof story[0]; i++) {
		const story_article *s = &story[i];
		char path[1024];
		snprintf(path, sizeof path, "%s/%s.html", dir, s->id);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fprintf(f,
		        "<!doctype html><html lang=\"en\"><head><meta "
		        "charset=\"utf-8\"><title>%s | %s</title><meta "
		        "property=\"og:site_name\" content=\"%s\"><meta "
		        "property=\"og:type\" content=\"article\"><link "
		        "rel=\"canonical\" href=\"%s\"><meta property=\""
		        "article:published_time\" content=\"%s\"></head><body>"
		        "<div class=\"cookie-consent\">We use cookies. Accept "
		        "all?</div><nav><a href=\"/\">Home</a> <a "
		        "href=\"/local\">Local</a></nav><article><h1>%s</h1>"
		        "<div class=\"article-body\">",
		        s->title, s->outlet, s->outlet, s->url, s->published,
		        s->title);
		for (int k = 0; k < 4 && s->paras[k]; k++)
			fprintf(f, "<p>%s</p>\n", s->paras[k]);
		fprintf(f, "</div></article><aside class=\"related\"><a "
		           "href=\"/x\">Town hall repainted in blue</a></aside>"
		           "<footer>All rights reserved.</footer></body>"
		           "</html>\n");
		assert_int_equal(fclose(f), 0);
	}
}

/* Writes the same articles as JSON lines (text: paragraphs, one a line). */
static void write_jsonl(const char *path)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (size_t i = 0; i < sizeof story / sizeof story[0]; i++) {
		const story_article *s = &story[i];
		char text[2048] = "";
		for (int k = 0; k < 4 && s->paras[k]; k++) {
			if (k)
				strcat(text, "\\n");
			for (const char *p = s->paras[k]; *p; p++) {
				size_t l = strlen(text);
				if (*p == '"')
					text[l++] = '\\';
				text[l++] = *p;
				text[l] = 0;
			}
		}
		fprintf(f,
		        "{\"id\":\"%s\",\"source\":\"%s\",\"url\":\"%s\","
		        "\"title\":\"%s\",\"published\":\"%s\",\"lang\":\"en\","
		        "\"text\":\"%s\"}\n",
		        s->id, s->outlet, s->url, s->title, s->published, text);
	}
	assert_int_equal(fclose(f), 0);
}

/* The JSON briefing of everything under path, malloc'd. */
static char *brief_json(const char *path)
{
	cr_diag d = {0};
	cr_pipeline *p = cr_pipeline_new(&d);
	assert_non_null(p);
	assert_int_equal(cr_pipeline_add_path(p, path), CR_OK);
	assert_int_equal(d.n_rejected, 0);
	assert_int_equal(cr_pipeline_count(p), 3);
	cr_briefing **b = NULL;
	size_t n = 0;
	assert_int_equal(cr_pipeline_brief(p, NULL, &b, &n), CR_OK);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	assert_int_equal(cr_render_json(f, (const cr_briefing *const *)b, n),
	                 CR_OK);
	fclose(f);
	cr_pipeline_free_briefings(b, n);
	cr_pipeline_free(p);
	return out;
}

static void test_pages_brief_like_text(void **state)
{
	(void)state;
	char dir[] = "/tmp/cr-html-story-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char pages[600], text[600];
	snprintf(pages, sizeof pages, "%s/pages", dir);
	snprintf(text, sizeof text, "%s/story.jsonl", dir);
	assert_int_equal(mkdir(pages, 0700), 0);
	write_pages(pages);
	write_jsonl(text);
	char *from_pages = brief_json(pages);
	char *from_text = brief_json(text);
	assert_non_null(strstr(from_text, "Piet Ormond"));
	assert_non_null(strstr(from_text, "Valley Post"));
	assert_string_equal(from_pages, from_text);
	free(from_pages);
	free(from_text);
	for (size_t i = 0; i < sizeof story / sizeof story[0]; i++) {
		char p[1024];
		snprintf(p, sizeof p, "%s/%s.html", pages, story[i].id);
		unlink(p);
	}
	unlink(text);
	rmdir(pages);
	rmdir(dir);
}

/* A story cut into chunks (by a photo and an ad slot) in a wrapper whose
 * class names a sidebar, with inline links in its paragraphs and a short
 * teaser <article> of another story at its end: every chunk is kept, in
 * order, and the teaser is not. */
static const char chunked_page[] =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Dam inspection "
        "finds cracks in spillway</title>"
        "<meta property=\"og:type\" content=\"article\"></head><body>"
        "<div class=\"content-with-sidebar-wrap\"><article class=\"node\">"
        "<h1>Dam inspection finds cracks in spillway</h1>"
        "<div class=\"row\"><div class=\"col\"><div class=\"story-chunk\">"
        "<p>Engineers inspecting the Orlen dam found three cracks in its "
        "concrete spillway last week, the <a href=\"/w\">regional water "
        "board</a> said on Friday, and the reservoir will be lowered by "
        "two metres as a precaution.</p>"
        "<p>The board said the cracks, the longest of them about four "
        "metres, pose no immediate danger to the villages downstream, "
        "but <a href=\"/r\">repairs</a> must start before the spring "
        "floods arrive in March.</p></div></div></div>"
        "<div class=\"photo\"><img src=\"d.jpg\"></div>"
        "<div class=\"slot-ad\"><a href=\"/ad\">Advertisement</a></div>"
        "<div class=\"row\"><div class=\"col\"><div class=\"story-chunk\">"
        "<p>Residents of Kessing, the nearest village, were told at a "
        "meeting on Thursday evening that the <a href=\"/s\">sirens</a> "
        "would be tested twice a week until the work is finished.</p>"
        "<p>\"We have known about the wear for years, and now it has to "
        "be fixed properly,\" said Marta Oyelaran, who leads the board's "
        "engineering team, adding that the budget was already set.</p>"
        "</div></div></div>"
        "<article class=\"teaser\"><h3><a href=\"/x\">Flood barrier "
        "opens</a></h3><p>The new barrier at Lentz opened on Monday "
        "after a delay of two years, the port said.</p></article>"
        "</article></div>"
        "<div class=\"sidebar\"><ul><li><a href=\"/1\">Most read: "
        "weather</a></li><li><a href=\"/2\">Most read: sport</a></li>"
        "</ul></div></body></html>";

static void test_chunked_story(void **state)
{
	(void)state;
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(chunked_page, &info, &r);
	const char *raw = a->raw;
	const char *p1 = strstr(raw, "Engineers inspecting the Orlen dam");
	const char *p2 = strstr(raw, "before the spring floods");
	const char *p3 = strstr(raw, "Residents of Kessing");
	const char *p4 = strstr(raw, "said Marta Oyelaran");
	assert_non_null(p1);
	assert_non_null(p2);
	assert_non_null(p3);
	assert_non_null(p4);
	assert_true(p1 < p2 && p2 < p3 && p3 < p4);
	assert_null(strstr(raw, "Lentz"));
	assert_null(strstr(raw, "Most read"));
	assert_null(strstr(raw, "Advertisement"));
	assert_int_equal(info.n_paragraphs, 4);
	assert_true(info.is_article);
	cr_article_destroy(a);
}

/* A shop's category page: no date, not marked as an article, its text in
 * short blocks. It is a listing; the same blocks with a publication date
 * are read as an article. */
static void test_undated_short_blocks_listing(void **state)
{
	(void)state;
	char page[8192];
	size_t k = (size_t)snprintf(page, sizeof page,
	                            "<html><head><title>Garden tools</title>"
	                            "%s</head><body><div class=\"grid\">",
	                            "");
	const char *items[] = {
	        "Steel spade, ash handle",  "Hand fork, small",
	        "Pruning shears with lock", "Watering can, ten litres",
	        "Garden hose reel, green",  "Wheelbarrow, single wheel"};
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < sizeof items / sizeof *items; i++)
			k += (size_t)snprintf(
			        page + k, sizeof page - k,
			        "<div class=\"item\"><p>%s, in stock "
			        "now</p></div>",
			        items[i]);
	snprintf(page + k, sizeof page - k, "</div></body></html>");
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(page, &info, &r);
	assert_false(info.is_article);
	assert_int_equal(info.page_type, CR_PAGE_LISTING);
	assert_string_equal(info.page_why,
	                    "mostly links or short blocks, no date");
	cr_article_destroy(a);

	/* With a date the page is given the benefit of the doubt. */
	char dated[8400];
	const char *body = strstr(page, "</head>");
	snprintf(dated, sizeof dated,
	         "<html><head><title>Garden tools</title><meta "
	         "property=\"article:published_time\" "
	         "content=\"2025-03-02T08:00:00Z\">%s",
	         body);
	a = extract(dated, &info, &r);
	assert_true(info.is_article);
	cr_article_destroy(a);
}

/* A news page built the way many are: the lead sits in its own <div>
 * beside the body, the byline is a link to the author's page, a photo
 * box carries a caption, and share and contact prompts trail the story.
 * The og:title differs from the headline the page shows. */
static const char lead_page[] =
        "<html><head><title>Ferry fares rise - Northshore Post</title>"
        "<meta property=\"og:title\" content=\"Ferry fares to rise "
        "in spring\"></head><body>"
        "<div class=\"logo\"><h1>Northshore Post</h1></div>"
        "<div class=\"story\">"
        "<h1>Ferry fares on the Northshore line will rise in spring</h1>"
        "<div class=\"byline\">By <a href=\"/authors/ada-brennan\">Ada "
        "Brennan</a></div>"
        "<div class=\"lead\">Fares on the Northshore ferry line will rise "
        "by eight percent in April, the operator said on Tuesday, the "
        "first increase in four years.</div>"
        "<div class=\"photo-box\"><span>Passengers board the morning "
        "ferry at Kessing pier last winter.</span></div>"
        "<div class=\"story-body\">"
        "<p>The operator, Tideway Lines, blamed the cost of fuel and of "
        "the new crew rules, which add a second deckhand to every "
        "crossing.</p>"
        "<p>Commuters who buy a monthly pass will pay 4 more, the company "
        "said, while single tickets rise from 6.50 to 7.00.</p>"
        "<p>\"We held prices for as long as we could,\" said Oren Vale, "
        "the company's finance director, adding that a discount for "
        "students would stay.</p>"
        "<p>The council, which subsidises the route, meets next week to "
        "discuss the increase, and a petition against it has gathered "
        "2,000 names.</p>"
        "<p>Like this story? Share it with your friends!</p>"
        "<p>Email Ada Brennan at ada@post.example or follow her "
        "@adabrennan.</p>"
        "</div></div>"
        "<div class=\"when\"><span class=\"post-date\">Published on "
        "March 4, 2025</span></div>"
        "</body></html>";

static void test_lead_caption_tail_and_meta(void **state)
{
	(void)state;
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(lead_page, &info, &r);
	const char *raw = a->raw;
	const char *lead = strstr(raw, "Fares on the Northshore ferry line");
	const char *body = strstr(raw, "The operator, Tideway Lines");
	assert_non_null(lead);
	assert_non_null(body);
	assert_true(lead < body);
	assert_non_null(strstr(raw, "a petition against it has gathered"));
	assert_null(strstr(raw, "Passengers board the morning"));
	assert_null(strstr(raw, "Share it with"));
	assert_null(strstr(raw, "ada@post.example"));
	/* The headline the page shows, not the site name's <h1>. */
	assert_string_equal(a->title,
	                    "Ferry fares on the Northshore line will rise in "
	                    "spring");
	assert_string_equal(info.byline, "Ada Brennan");
	assert_int_equal(a->published, 1741046400); /* 2025-03-04 */
	cr_article_destroy(a);
}

/* An old-style page: the story is text and <br>s straight inside a
 * column <div>, beside a column of archive links. */
static void test_text_split_by_br(void **state)
{
	(void)state;
	char page[8192];
	size_t k = (size_t)snprintf(
	        page, sizeof page,
	        "<html><head><title>Clinic van broken into</title></head>"
	        "<body><div class=\"row\"><div class=\"col-3\"><ul>");
	for (int i = 0; i < 6; i++)
		k += (size_t)snprintf(page + k, sizeof page - k,
		                      "<li><a href=\"/archive/%d\">Archive, "
		                      "month %d</a> (11 stories)</li>",
		                      i + 1, i + 1);
	snprintf(page + k, sizeof page - k,
	         "</ul></div><div class=\"col-9\"><p class=\"headline\">Clinic "
	         "van broken into</p><img src=\"a.jpg\">The home-care team "
	         "of the Amizade district found two of its five vans broken "
	         "into on Friday morning, their batteries gone and their "
	         "doors dented.<br><br>A police report was filed and "
	         "officers came to look at the damage, the team said, while "
	         "the morning's patients were moved to the afternoon.<br><br>"
	         "The vans, bought last year, will be back in service on "
	         "Monday once the batteries are replaced.</div></div>"
	         "<div class=\"bottom\"><p>Vale do Norte city hall, Rua "
	         "Central 12, open Monday to Friday, phone 555 "
	         "0100.</p></div></body></html>");
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(page, &info, &r);
	const char *raw = a->raw;
	const char *p1 = strstr(raw, "The home-care team of the Amizade");
	const char *p2 = strstr(raw, "A police report was filed");
	const char *p3 = strstr(raw, "will be back in service on Monday");
	assert_non_null(p1);
	assert_non_null(p2);
	assert_non_null(p3);
	assert_true(p1 < p2 && p2 < p3);
	/* Each <br><br> ends a paragraph. */
	assert_non_null(strstr(raw, "doors dented.\nA police report"));
	assert_null(strstr(raw, "Archive, month"));
	assert_null(strstr(raw, "Rua Central"));
	cr_article_destroy(a);
}

/* A story cut into blocks whose class carries a modifier on some of
 * them ("block-text block-text_first") is one story, even when the
 * blocks are too deeply wrapped to share a scored ancestor. */
static void test_chunks_with_modifier(void **state)
{
	(void)state;
	static const char page[] =
	        "<html><head><title>Model speaks about ageing</title></head>"
	        "<body><div class=\"article\">"
	        "<div class=\"b1\"><div class=\"b2\"><div class=\"b3\">"
	        "<div class=\"block\"><div class=\"block-text "
	        "block-text_first\"><p>In the eighties the Czech model was "
	        "on the cover of nearly every fashion magazine, and later "
	        "she moved into films, working with several well-known "
	        "directors.</p><p>Now 53, she says that although she still "
	        "looks striking, growing older frightens her more than she "
	        "expected.</p></div></div></div></div></div>"
	        "<div class=\"block\"><div class=\"banner-box\"><a "
	        "href=\"/x\">Beauty news</a></div></div>"
	        "<div class=\"b1\"><div class=\"b2\"><div class=\"b3\">"
	        "<div class=\"block\"><div class=\"block-text\"><p>In a long "
	        "interview she said that, after turning fifty, she was "
	        "suddenly told she was too old for the jobs she had done for "
	        "three decades, and that it hurt.</p><p>She added that she "
	        "wants younger women to hear that ageing is normal, and that "
	        "nobody should be ashamed of it, whatever the industry "
	        "says.</p><p>Her new book, out in the autumn, tells the story "
	        "of those years, from the first shoots to the last.</p>"
	        "</div></div></div></div></div></div></body></html>";
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(page, &info, &r);
	const char *p1 = strstr(a->raw, "In the eighties the Czech model");
	const char *p2 = strstr(a->raw, "Her new book, out in the autumn");
	assert_non_null(p1);
	assert_non_null(p2);
	assert_true(p1 < p2);
	assert_null(strstr(a->raw, "Beauty news"));
	cr_article_destroy(a);
}

/* A headline box named "content" scores by its name alone; the story
 * elsewhere on the page, with several times its text, is the body. */
static void test_story_beats_named_box(void **state)
{
	(void)state;
	static const char page[] =
	        "<html><head><title>Man admits threats</title></head><body>"
	        "<div class=\"content-wrapper title\"><p>New York man admits "
	        "threatening to kill a member of Congress, court "
	        "says</p></div>"
	        "<div class=\"column\"><div class=\"wrap\"><div "
	        "class=\"field\"><div class=\"items\"><div class=\"item\">"
	        "<p>A man from upstate New York, 55, admitted on Monday that "
	        "he phoned a congresswoman's office, twice, and threatened to "
	        "kill her, prosecutors said.</p>"
	        "<p>He could face up to ten years in prison, and a fine of "
	        "up to 250,000, when he is sentenced in February, the "
	        "prosecutors' office said.</p>"
	        "<p>The case shows, the district's top prosecutor said, that "
	        "free speech does not cover threats to harm lawmakers, "
	        "however strongly one disagrees.</p>"
	        "<p>Agents found several guns at his home, a rifle, two "
	        "pistols and a shotgun, which as a felon he was not allowed "
	        "to own.</p>"
	        "<p>His lawyer, reached by phone, said his client regretted "
	        "the calls, had sought help, and would not appeal.</p>"
	        "</div></div></div></div></div></body></html>";
	reports r = {0};
	cr_html_info info;
	cr_article *a = extract(page, &info, &r);
	assert_non_null(strstr(a->raw, "A man from upstate New York"));
	assert_non_null(strstr(a->raw, "Agents found several guns"));
	cr_article_destroy(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_article_without_boilerplate),
	        cmocka_unit_test(test_json_ld),
	        cmocka_unit_test(test_time_and_url_dates),
	        cmocka_unit_test(test_latin1_converts),
	        cmocka_unit_test(test_lying_and_unknown_charsets),
	        cmocka_unit_test(test_listing_is_not_an_article),
	        cmocka_unit_test(test_ingest_path),
	        cmocka_unit_test(test_sniff),
	        cmocka_unit_test(test_deep_nesting),
	        cmocka_unit_test(test_huge_page_rejected),
	        cmocka_unit_test(test_no_text),
	        cmocka_unit_test(test_pages_brief_like_text),
	        cmocka_unit_test(test_chunked_story),
	        cmocka_unit_test(test_undated_short_blocks_listing),
	        cmocka_unit_test(test_lead_caption_tail_and_meta),
	        cmocka_unit_test(test_text_split_by_br),
	        cmocka_unit_test(test_chunks_with_modifier),
	        cmocka_unit_test(test_story_beats_named_box),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

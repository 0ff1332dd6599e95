/*
 * feed_test.c - tests of src/ingest/feed.c: RSS and Atom items to
 * articles, dates, and hostile feeds (billion laughs, external entities,
 * broken XML). The feeds are written here, with invented outlets.
 */
#include "test_util.h"

#include "collect.h"

#include <time.h>
#include <unistd.h>

#include "ingest/feed.h"
#include "ingest/ingest.h"

/* Records the last diagnostic. */
typedef struct last {
	char reason[512];
	uint64_t line;
	cr_err code;
} last;

static void record(void *ud, const char *file, uint64_t line, cr_err code,
                   const char *reason)
{
	(void)file;
	last *l = ud;
	snprintf(l->reason, sizeof l->reason, "%s", reason);
	l->line = line;
	l->code = code;
}

static cr_err read_feed(const char *name, const char *xml, got *g, cr_diag *d)
{
	return cr_feed_read(name, xml, strlen(xml), keep, g, d);
}

static const char rss_feed[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
        "<channel><title>Valley "
        "Courier</title><link>https://courier.example/</link>\n"
        "<item>\n"
        "  <title>Flood barrier holds as river peaks</title>\n"
        "  <link>https://courier.example/news/barrier</link>\n"
        "  <guid isPermaLink=\"false\">courier-1001</guid>\n"
        "  <pubDate>Tue, 05 Mar 2024 14:30:00 +0100</pubDate>\n"
        "  <description>A short teaser about the barrier.</description>\n"
        "  <content:encoded><![CDATA[<p>The new flood barrier at Millford held "
        "on Monday night as the river rose to 6.2 metres.</p>"
        "<p>Engineer Rosa Lindqvist said the gates &amp; pumps worked as "
        "designed.</p><script>track()</script>]]></content:encoded>\n"
        "</item>\n"
        "<item>\n"
        "  <title>Bakery wins regional prize</title>\n"
        "  <link>https://courier.example/news/bakery</link>\n"
        "  <pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>\n"
        "  <description>&lt;p&gt;A family bakery in Oldbridge won the regional "
        "bread prize for the third year.&lt;/p&gt;</description>\n"
        "</item>\n"
        "<item><description>An item with neither link nor guid, about a new "
        "bus line to the airport.</description></item>\n"
        "<item><title>Empty one</title><description>   </description></item>\n"
        "</channel></rss>\n";

/* Full content wins over the description; HTML becomes paragraphs. */
static void test_rss_full_content(void **state)
{
	(void)state;
	got g = {0};
	last l = {0};
	cr_diag d = {.fn = record, .ud = &l};
	assert_int_equal(read_feed("feeds/courier.xml", rss_feed, &g, &d),
	                 CR_OK);
	assert_int_equal(g.n, 3);
	cr_article *a = g.a[0];
	assert_string_equal(a->id, "courier-1001");
	assert_string_equal(a->source, "Valley Courier");
	assert_string_equal(a->url, "https://courier.example/news/barrier");
	assert_string_equal(a->title, "Flood barrier holds as river peaks");
	assert_int_equal(a->title_given, 1);
	/* 14:30 at +01:00 is 13:30 UTC. */
	assert_int_equal(a->published, 1709645400);
	assert_non_null(strstr(a->raw, "held on Monday night"));
	assert_non_null(strstr(a->raw, "gates & pumps"));
	assert_non_null(strchr(a->raw, '\n')); /* two paragraphs */
	assert_null(strstr(a->raw, "teaser"));
	assert_null(strstr(a->raw, "track()"));
	assert_null(strchr(a->raw, '<'));
	assert_string_equal(a->origin, "feeds/courier.xml");
	assert_true(a->origin_line >= 4);
	/* One empty item reported. */
	assert_int_equal(d.n_rejected, 1);
	assert_non_null(strstr(l.reason, "item 4 has no text"));
	got_free(&g);
}

/* Without full content, the (escaped HTML) description is the text; ids
 * fall back to the link, then to "<file id>-<n>". */
static void test_rss_description_only(void **state)
{
	(void)state;
	got g = {0};
	cr_diag d = {0};
	assert_int_equal(read_feed("feeds/courier.xml", rss_feed, &g, &d),
	                 CR_OK);
	assert_int_equal(g.n, 3);
	cr_article *b = g.a[1];
	assert_string_equal(b->id, "https://courier.example/news/bakery");
	assert_string_equal(b->raw, "A family bakery in Oldbridge won the "
	                            "regional bread prize for the third year.");
	assert_int_equal(b->published, 1709715600);
	cr_article *c = g.a[2];
	assert_string_equal(c->id, "courier-3");
	assert_null(c->url);
	assert_null(c->title);
	assert_int_equal(c->title_given, 0);
	assert_int_equal(c->published, CR_TIME_NONE);
	got_free(&g);
}

static const char atom_feed[] =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        "  <title>Harbour Daily</title>\n"
        "  <entry>\n"
        "    <title type=\"html\">Port strike "
        "&lt;em&gt;ends&lt;/em&gt;</title>\n"
        "    <link rel=\"self\" href=\"https://harbour.example/api/7\"/>\n"
        "    <link rel=\"alternate\" "
        "href=\"https://harbour.example/strike-ends\"/>\n"
        "    <id>tag:harbour.example,2024:7</id>\n"
        "    <updated>2024-03-07T08:00:00Z</updated>\n"
        "    <published>2024-03-06T22:15:00-05:00</published>\n"
        "    <summary>Dockers return.</summary>\n"
        "    <content type=\"xhtml\"><div "
        "xmlns=\"http://www.w3.org/1999/xhtml\">"
        "<p>Dock workers in Saltmarsh returned to work after a nine-day "
        "strike.</p>"
        "<p>The union said 412 members voted for the "
        "deal.</p></div></content>\n"
        "  </entry>\n"
        "  <entry>\n"
        "    <title>Ferry timetable changes</title>\n"
        "    <link href=\"https://harbour.example/ferry\"/>\n"
        "    <id>tag:harbour.example,2024:8</id>\n"
        "    <updated>2024-03-08T12:00:00+02:00</updated>\n"
        "    <summary type=\"html\">&lt;p&gt;The evening ferry to Greyholm "
        "will leave at 19:40 from April.&lt;/p&gt;</summary>\n"
        "  </entry>\n"
        "  <entry>\n"
        "    <title>Plain text content</title>\n"
        "    <id>tag:harbour.example,2024:9</id>\n"
        "    <content type=\"text\">Fishing quotas for cod were cut by 8 "
        "percent &lt;not a tag&gt;.</content>\n"
        "  </entry>\n"
        "</feed>\n";

static void test_atom(void **state)
{
	(void)state;
	got g = {0};
	cr_diag d = {0};
	assert_int_equal(read_feed("harbour.atom", atom_feed, &g, &d), CR_OK);
	assert_int_equal(d.n_rejected, 0);
	assert_int_equal(g.n, 3);
	cr_article *a = g.a[0];
	assert_string_equal(a->id, "tag:harbour.example,2024:7");
	assert_string_equal(a->source, "Harbour Daily");
	assert_string_equal(a->title, "Port strike ends");
	assert_string_equal(a->url, "https://harbour.example/strike-ends");
	/* published wins over updated; -05:00 goes to UTC. */
	assert_int_equal(a->published, 1709781300);
	assert_non_null(strstr(a->raw, "nine-day strike."));
	assert_non_null(strstr(a->raw, "412 members"));
	assert_null(strstr(a->raw, "Dockers return"));
	cr_article *b = g.a[1];
	assert_string_equal(b->url, "https://harbour.example/ferry");
	assert_string_equal(b->raw, "The evening ferry to Greyholm will "
	                            "leave at 19:40 from April.");
	assert_int_equal(b->published, 1709892000);
	/* type="text" is not HTML: the angle brackets are text. */
	assert_non_null(strstr(g.a[2]->raw, "<not a tag>"));
	got_free(&g);
}

/* The classic billion laughs: ten levels of ten references. */
static const char laughs[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE rss [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 "
        "\"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 "
        "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 "
        "\"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 "
        "\"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 "
        "\"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 "
        "\"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 "
        "\"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 "
        "\"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n"
        "<rss version=\"2.0\"><channel><title>Laughs</title>\n"
        "<item><title>Lol</title><description>&lol9;</description></item>\n"
        "<item><title>Next</title><description>The town library reopens on "
        "Monday.</description></item>\n"
        "</channel></rss>\n";

/* Either a clear error for the whole feed, or the entity left
 * unexpanded: never a billion laughs, and fast. */
static void test_billion_laughs(void **state)
{
	(void)state;
	got g = {0};
	last l = {0};
	cr_diag d = {.fn = record, .ud = &l};
	clock_t t0 = clock();
	assert_int_equal(read_feed("laughs.rss", laughs, &g, &d), CR_OK);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_true(secs < 2.0);
	for (size_t i = 0; i < g.n; i++)
		assert_true(g.a[i]->raw_len < 1000);
	if (g.n == 0) {
		assert_int_equal(d.n_rejected, 1);
		assert_int_equal(l.code, CR_EFORMAT);
		assert_non_null(strstr(l.reason, "not well-formed"));
	}
	got_free(&g);
}

/* An external entity is neither fetched nor read from disk. */
static void test_xxe_not_loaded(void **state)
{
	(void)state;
	char path[] = "/tmp/cr_feed_xxe_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char secret[] = "TOPSECRETCONTENT";
	assert_int_equal(write(fd, secret, sizeof secret - 1),
	                 sizeof secret - 1);
	close(fd);
	char xml[2048];
	snprintf(xml, sizeof xml,
	         "<?xml version=\"1.0\"?>\n"
	         "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file://%s\">"
	         " <!ENTITY %% remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> "
	         "%%remote; ]>\n"
	         "<rss version=\"2.0\"><channel><title>T</title>\n"
	         "<item><title>Leak</title><description>Before &xxe; after, "
	         "as the county clerk said.</description></item>\n"
	         "</channel></rss>\n",
	         path);
	got g = {0};
	cr_diag d = {0};
	assert_int_equal(read_feed("xxe.rss", xml, &g, &d), CR_OK);
	/* The item comes through with the reference left as written. */
	assert_int_equal(g.n, 1);
	assert_null(strstr(g.a[0]->raw, secret));
	assert_non_null(strstr(g.a[0]->raw, "Before &xxe; after"));
	unlink(path);
	got_free(&g);
}

static void test_not_a_feed(void **state)
{
	(void)state;
	got g = {0};
	last l = {0};
	cr_diag d = {.fn = record, .ud = &l};
	assert_int_equal(read_feed("x.xml", "<rss><channel><item>", &g, &d),
	                 CR_OK);
	assert_int_equal(g.n, 0);
	assert_non_null(strstr(l.reason, "not well-formed"));
	assert_int_equal(read_feed("x.xml", "<html><body/></html>", &g, &d),
	                 CR_OK);
	assert_non_null(strstr(l.reason, "not an RSS or Atom feed"));
	assert_int_equal(d.n_rejected, 2);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_true(cr_feed_sniff("<rss version=\"2.0\">", 19));
	const char *decl = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- hi -->\n"
	                   "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
	assert_true(cr_feed_sniff(decl, strlen(decl)));
	const char *rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">";
	assert_true(cr_feed_sniff(rdf, strlen(rdf)));
	assert_false(cr_feed_sniff("<html><body>", 12));
	assert_false(cr_feed_sniff("<feedback>", 10));
	assert_false(cr_feed_sniff("The rss feed", 12));
}

static void test_rfc822(void **state)
{
	(void)state;
	int64_t t = 0;
	assert_true(cr_parse_rfc822("Tue, 05 Mar 2024 14:30:00 +0100", &t));
	assert_int_equal(t, 1709645400);
	assert_true(cr_parse_rfc822("5 Mar 2024 08:30 EST", &t));
	assert_int_equal(t, 1709645400);
	assert_true(cr_parse_rfc822("Tue, 05 Mar 24 13:30:00 GMT", &t));
	assert_int_equal(t, 1709645400);
	assert_false(cr_parse_rfc822("Thu, 29 Feb 2023 10:00:00 GMT", &t));
	assert_false(cr_parse_rfc822("yesterday", &t));
	assert_false(cr_parse_rfc822("Tue, 05 Mar 2024 14:30:00 +01", &t));
}

/* A feed through the ingest path: recognised by content, not name. */
static void test_ingest_sniffs_feed(void **state)
{
	(void)state;
	got g = {0};
	cr_diag d = {0};
	assert_int_equal(cr_ingest_buffer("notes.txt", atom_feed,
	                                  strlen(atom_feed), keep, &g, &d),
	                 CR_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.a[0]->source, "Harbour Daily");
	got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_rss_full_content),
	        cmocka_unit_test(test_rss_description_only),
	        cmocka_unit_test(test_atom),
	        cmocka_unit_test(test_billion_laughs),
	        cmocka_unit_test(test_xxe_not_loaded),
	        cmocka_unit_test(test_not_a_feed),
	        cmocka_unit_test(test_sniff),
	        cmocka_unit_test(test_rfc822),
	        cmocka_unit_test(test_ingest_sniffs_feed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

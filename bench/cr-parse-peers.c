/*
 * cr-parse-peers - how fast the HTML parsers packaged in Debian 12 parse
 * the same pages, for bench/parse-speed.
 *
 *     cr-parse-peers [--repeat N] FILE...
 *
 * Issue 3 asks whether a faster HTML parser than libxml2's is worth its
 * cost. This measures the parsers we could take without writing one:
 *
 *   libxml2-tree  htmlReadMemory and xmlFreeDoc, as cr_html_extract uses
 *                 them (the same options, UTF-8 given);
 *   libxml2-sax   libxml2's HTML tokenizer and tree builder state machine
 *                 with no-op SAX callbacks: the floor of any extractor
 *                 that keeps libxml2 but builds its own lighter tree;
 *   gumbo         gumbo_parse and gumbo_destroy_output (libgumbo1, the
 *                 other C HTML parser in Debian 12).
 *
 * Each parser reads every page in turn; a run is one pass over all pages,
 * timed in process CPU time, and the best of N runs (default 3) is kept
 * so that a preemption does not count. Prints one line per parser,
 * "parser NAME PAGES BYTES SECONDS PAGES_PER_S MB_PER_S".
 *
 * Files may be gzip-compressed (zlib's gzread reads both). Each page is
 * at most MAX_PAGE bytes, larger ones are skipped with a message, as
 * cr_html_extract rejects them; at most MAX_PAGES pages are read. Built
 * by bench/parse-speed with pkg-config, not by meson, so that gumbo
 * stays a benchmark-only package.
 */
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

/* The extractor's own cap (CR_HTML_MAX_BYTES). */
#define MAX_PAGE   (32u << 20)
#define MAX_PAGES  100000
#define MAX_REPEAT 100

typedef struct page {
	char *bytes;
	size_t len;
} page;

static double cpu_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Reads FILE (plain or gzip) whole into *p. Returns 0, or -1 with a
 * message on stderr when it cannot be read or exceeds MAX_PAGE. */
static int read_page(const char *file, page *p)
{
	gzFile f = gzopen(file, "rb");
	size_t cap = 1u << 16, len = 0;
	char *buf = malloc(cap);
	int n;

	if (!f || !buf) {
		fprintf(stderr, "cr-parse-peers: %s: cannot read\n", file);
		if (f)
			gzclose(f);
		free(buf);
		return -1;
	}
	while ((n = gzread(f, buf + len, (unsigned)(cap - len))) > 0) {
		len += (size_t)n;
		if (len > MAX_PAGE)
			break;
		if (len == cap) {
			char *grown = realloc(buf, cap * 2);
			if (!grown)
				break;
			buf = grown;
			cap *= 2;
		}
	}
	gzclose(f);
	if (n < 0 || len > MAX_PAGE || len == cap) {
		fprintf(stderr,
		        "cr-parse-peers: %s: unreadable or over %u bytes, "
		        "skipped\n",
		        file, MAX_PAGE);
		free(buf);
		return -1;
	}
	p->bytes = buf;
	p->len = len;
	return 0;
}

static void libxml2_tree(const page *p)
{
	htmlDocPtr doc = htmlReadMemory(p->bytes, (int)p->len, NULL, "UTF-8",
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                        HTML_PARSE_NOWARNING |
	                                        HTML_PARSE_RECOVER);
	xmlFreeDoc(doc);
}

static void sax_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
	(void)ctx, (void)name, (void)attrs;
}

static void sax_end(void *ctx, const xmlChar *name)
{
	(void)ctx, (void)name;
}

static void sax_text(void *ctx, const xmlChar *s, int len)
{
	(void)ctx, (void)s, (void)len;
}

static void libxml2_sax(const page *p)
{
	htmlSAXHandler h;
	htmlParserCtxtPtr ctxt;

	memset(&h, 0, sizeof h);
	h.startElement = sax_start;
	h.endElement = sax_end;
	h.characters = sax_text;
	h.cdataBlock = sax_text;
	ctxt = htmlCreateMemoryParserCtxt(p->bytes, (int)p->len);
	if (!ctxt)
		return;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                 HTML_PARSE_NOWARNING |
	                                 HTML_PARSE_RECOVER);
	/* The context owns a default handler; lend it ours for the parse
	 * and give the default back before the context frees it. */
	{
		htmlSAXHandlerPtr own = ctxt->sax;
		ctxt->sax = &h;
		ctxt->userData = NULL;
		htmlParseDocument(ctxt);
		ctxt->sax = own;
	}
	if (ctxt->myDoc)
		xmlFreeDoc(ctxt->myDoc);
	htmlFreeParserCtxt(ctxt);
}

static void gumbo(const page *p)
{
	GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions,
	                                            p->bytes, p->len);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*parse)(const page *);
	} parsers[] = {
	        {"libxml2-tree", libxml2_tree},
	        {"libxml2-sax", libxml2_sax},
	        {"gumbo", gumbo},
	};
	int repeat = 3, first = 1;
	page *pages;
	size_t n = 0, bytes = 0;

	if (argc > 2 && strcmp(argv[1], "--repeat") == 0) {
		repeat = atoi(argv[2]);
		first = 3;
	}
	if (repeat < 1 || repeat > MAX_REPEAT || first >= argc) {
		fprintf(stderr,
		        "usage: cr-parse-peers [--repeat 1..%d] FILE...\n",
		        MAX_REPEAT);
		return 2;
	}
	pages = calloc((size_t)(argc - first), sizeof *pages);
	if (!pages)
		return 1;
	for (int i = first; i < argc && n < MAX_PAGES; i++)
		if (read_page(argv[i], &pages[n]) == 0)
			bytes += pages[n++].len;
	if (n == 0) {
		fprintf(stderr, "cr-parse-peers: no page read\n");
		free(pages);
		return 1;
	}
	xmlInitParser();
	for (size_t k = 0; k < sizeof parsers / sizeof parsers[0]; k++) {
		double best = 0;
		for (int r = 0; r < repeat; r++) {
			double t0 = cpu_seconds();
			for (size_t i = 0; i < n; i++)
				parsers[k].parse(&pages[i]);
			double t = cpu_seconds() - t0;
			if (r == 0 || t < best)
				best = t;
		}
		printf("parser %s %zu %zu %.4f %.1f %.1f\n", parsers[k].name, n,
		       bytes, best, (double)n / best,
		       (double)bytes / 1e6 / best);
	}
	for (size_t i = 0; i < n; i++)
		free(pages[i].bytes);
	free(pages);
	xmlCleanupParser();
	return 0;
}

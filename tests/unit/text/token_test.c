/* token_test.c - tests of src/text/token.c on news-like sentences. */
#include "test_util.h"

#include <dirent.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "text/analyze.h"
#include "text/sentence.h"
#include "text/token.h"
#include "text/utf8.h"

typedef struct expect {
	const char *text; /* the token's bytes in the input */
	const char *norm;
	uint16_t flags;
} expect;

#define W   CR_TOK_WORD
#define N   CR_TOK_NUM
#define P   CR_TOK_PUNCT
#define CAP CR_TOK_CAP
#define UP  CR_TOK_UPPER
#define Q   (CR_TOK_PUNCT | CR_TOK_QUOTE)

/* Tokenises s and checks every token against want[0..n_want). */
static void check(const char *s, const expect *want, size_t n_want)
{
	cr_arena *a = cr_arena_create();
	cr_token *t = NULL;
	uint32_t n = 0, cap = 0;
	assert_int_equal(cr_tokenize(a, s, strlen(s), 0, 3, &t, &n, &cap),
	                 CR_OK);
	for (uint32_t i = 0; i < n && i < n_want; i++) {
		char got[256];
		snprintf(got, sizeof got, "%.*s", (int)t[i].span.len,
		         s + t[i].span.off);
		if (strcmp(got, want[i].text) != 0)
			fail_msg("token %u: got '%s', want '%s'", i, got,
			         want[i].text);
		assert_string_equal(t[i].norm, want[i].norm);
		assert_ptr_equal(t[i].stem, t[i].norm);
		if (t[i].flags != want[i].flags)
			fail_msg("token %u '%s': flags %#x, want %#x", i, got,
			         t[i].flags, want[i].flags);
		assert_int_equal(t[i].sent, 3);
	}
	assert_int_equal(n, n_want);
	cr_arena_destroy(a);
}

#define CHECK(s, ...)                                                          \
	do {                                                                   \
		static const expect w_[] = {__VA_ARGS__};                      \
		check(s, w_, sizeof w_ / sizeof w_[0]);                        \
	} while (0)

static void test_brief_sentence(void **state)
{
	(void)state;
	CHECK("six US-supplied ATACMS, 56 out of 122 drones, 170mm guns, "
	      "the 1,000th day, Biden\u2019s decision",
	      {"six", "six", W}, {"US-supplied", "us-supplied", W | CAP},
	      {"ATACMS", "atacms", W | CAP | UP}, {",", ",", P},
	      {"56", "56", N}, {"out", "out", W}, {"of", "of", W},
	      {"122", "122", N}, {"drones", "drones", W}, {",", ",", P},
	      {"170mm", "170mm", N}, {"guns", "guns", W}, {",", ",", P},
	      {"the", "the", W}, {"1,000th", "1,000th", N}, {"day", "day", W},
	      {",", ",", P}, {"Biden\u2019s", "biden's", W | CAP},
	      {"decision", "decision", W});
}

static void test_abbreviations(void **state)
{
	(void)state;
	CHECK("Mr. Smith flew to the U.S. at 10 a.m. on Tuesday.",
	      {"Mr", "mr", W | CAP}, {".", ".", P}, {"Smith", "smith", W | CAP},
	      {"flew", "flew", W}, {"to", "to", W}, {"the", "the", W},
	      {"U.S.", "u.s.", W | CAP | UP}, {"at", "at", W}, {"10", "10", N},
	      {"a.m.", "a.m.", W}, {"on", "on", W},
	      {"Tuesday", "tuesday", W | CAP}, {".", ".", P});
	/* A dotted abbreviation glued to a hyphen keeps its dots. */
	CHECK("U.S.-led talks", {"U.S.", "u.s.", W | CAP | UP}, {"-", "-", P},
	      {"led", "led", W}, {"talks", "talks", W});
	/* A dot before a capital is a missing space, not a name. */
	CHECK("see bbc.co.uk now.Then", {"see", "see", W},
	      {"bbc.co.uk", "bbc.co.uk", W}, {"now", "now", W}, {".", ".", P},
	      {"Then", "then", W | CAP});
}

static void test_numbers(void **state)
{
	(void)state;
	CHECK("Prices rose 20% to $3.5bn in the 1990s, the 3rd rise.",
	      {"Prices", "prices", W | CAP}, {"rose", "rose", W},
	      {"20", "20", N}, {"%", "%", P}, {"to", "to", W}, {"$", "$", P},
	      {"3.5bn", "3.5bn", N}, {"in", "in", W}, {"the", "the", W},
	      {"1990s", "1990s", N}, {",", ",", P}, {"the", "the", W},
	      {"3rd", "3rd", N}, {"rise", "rise", W}, {".", ".", P});
	/* A comma or dot not followed by a digit ends the number. */
	CHECK("In 2024, 5.", {"In", "in", W | CAP}, {"2024", "2024", N},
	      {",", ",", P}, {"5", "5", N}, {".", ".", P});
	CHECK("a 12-year-old", {"a", "a", W}, {"12", "12", N}, {"-", "-", P},
	      {"year-old", "year-old", W});
}

static void test_hyphens_and_apostrophes(void **state)
{
	(void)state;
	CHECK("self-propelled, large-scale F-16s don't stop",
	      {"self-propelled", "self-propelled", W}, {",", ",", P},
	      {"large-scale", "large-scale", W}, {"F-16s", "f-16s", W | CAP},
	      {"don't", "don't", W}, {"stop", "stop", W});
	/* A trailing apostrophe or a dash between spaces stands alone. */
	CHECK("the Ukrainians\u2019 homes \u2013 and ours", {"the", "the", W},
	      {"Ukrainians", "ukrainians", W | CAP}, {"\u2019", "'", Q},
	      {"homes", "homes", W}, {"\u2013", "-", P}, {"and", "and", W},
	      {"ours", "ours", W});
}

static void test_quotes(void **state)
{
	(void)state;
	CHECK("\u201cGo home,\u201d he said. \"No\" \u00abnon\u00bb 'yes'",
	      {"\u201c", "\u201c", Q}, {"Go", "go", W | CAP},
	      {"home", "home", W}, {",", ",", P}, {"\u201d", "\u201d", Q},
	      {"he", "he", W}, {"said", "said", W}, {".", ".", P},
	      {"\"", "\"", Q}, {"No", "no", W | CAP}, {"\"", "\"", Q},
	      {"\u00ab", "\u00ab", Q}, {"non", "non", W},
	      {"\u00bb", "\u00bb", Q}, {"'", "'", Q}, {"yes", "yes", W},
	      {"'", "'", Q});
}

static void test_non_ascii(void **state)
{
	(void)state;
	/* NFKC case folding: Ä -> ä, ß -> ss, the ﬁ ligature -> fi. */
	CHECK("\u00c4RZTE in Stra\u00dfburg \ufb01nd \u041a\u0418\u0407\u0412 "
	      "Kyiv\u2019s caf\u00e9",
	      {"\u00c4RZTE", "\u00e4rzte", W | CAP | UP}, {"in", "in", W},
	      {"Stra\u00dfburg", "strassburg", W | CAP},
	      {"\ufb01nd", "find", W},
	      {"\u041a\u0418\u0407\u0412", "\u043a\u0438\u0457\u0432",
	       W | CAP | UP},
	      {"Kyiv\u2019s", "kyiv's", W | CAP},
	      {"caf\u00e9", "caf\u00e9", W});
	/* A soft hyphen stays inside its word and leaves the norm. */
	CHECK("inter\u00adnational \u00ad",
	      {"inter\u00adnational", "international", W});
	/* Non-breaking and thin spaces separate tokens. */
	CHECK("10\u00a0km\u2009away", {"10", "10", N}, {"km", "km", W},
	      {"away", "away", W});
}

static void test_spans_base_and_append(void **state)
{
	(void)state;
	cr_article *a = cr_test_body("t", "Kyiv shut. Embassies closed.");
	cr_token *t = NULL;
	uint32_t n = 0, cap = 0;
	assert_int_equal(cr_tokenize(a->arena, a->body, 10, 0, 0, &t, &n, &cap),
	                 CR_OK);
	assert_int_equal(n, 3);
	assert_int_equal(
	        cr_tokenize(a->arena, a->body + 11, 17, 11, 1, &t, &n, &cap),
	        CR_OK);
	assert_int_equal(n, 6);
	assert_true(cap >= n);
	assert_int_equal(t[3].span.off, 11);
	assert_int_equal(t[3].span.len, 9);
	assert_memory_equal(cr_span_ptr(a, t[3].span), "Embassies", 9);
	assert_string_equal(t[3].norm, "embassies");
	assert_int_equal(t[3].sent, 1);
	assert_int_equal(t[0].sent, 0);
	assert_string_equal(t[1].norm, "shut");
	/* Empty and blank input add nothing. */
	assert_int_equal(cr_tokenize(a->arena, "", 0, 0, 0, &t, &n, &cap),
	                 CR_OK);
	assert_int_equal(cr_tokenize(a->arena, " \t ", 3, 0, 0, &t, &n, &cap),
	                 CR_OK);
	assert_int_equal(n, 6);
	cr_article_destroy(a);
}

static void test_many_tokens_grow(void **state)
{
	(void)state;
	enum { WORDS = 5000 };
	char *s = malloc(WORDS * 4 + 1);
	assert_non_null(s);
	for (int i = 0; i < WORDS; i++)
		memcpy(s + 4 * i, i % 2 ? "aa, " : "Bb. ", 4);
	s[WORDS * 4] = '\0';
	cr_arena *a = cr_arena_create();
	cr_token *t = NULL;
	uint32_t n = 0, cap = 0;
	assert_int_equal(cr_tokenize(a, s, WORDS * 4, 100, 0, &t, &n, &cap),
	                 CR_OK);
	assert_int_equal(n, WORDS * 2);
	assert_int_equal(t[WORDS * 2 - 2].span.off, 100 + (WORDS - 1) * 4);
	assert_string_equal(t[WORDS * 2 - 2].norm, "aa");
	assert_int_equal(t[WORDS * 2 - 1].flags, CR_TOK_PUNCT);
	/* A span that would overflow 32-bit offsets is refused. */
	assert_int_equal(cr_tokenize(a, s, 10, UINT32_MAX - 5, 0, &t, &n, &cap),
	                 CR_ETOOBIG);
	cr_arena_destroy(a);
	free(s);
}

/* Checks that the tokens of text[0..len) cover every byte that is not
 * white space, in order and without overlap. */
static void check_tiling(cr_arena *a, const char *text, size_t len)
{
	cr_span *sp;
	uint32_t ns;
	assert_int_equal(cr_sentence_split(a, text, len, &sp, NULL, &ns),
	                 CR_OK);
	cr_token *t = NULL;
	uint32_t n = 0, cap = 0;
	for (uint32_t i = 0; i < ns; i++)
		assert_int_equal(cr_tokenize(a, text + sp[i].off, sp[i].len,
		                             sp[i].off, (uint16_t)i, &t, &n,
		                             &cap),
		                 CR_OK);
	size_t pos = 0;
	for (uint32_t i = 0; i <= n; i++) {
		size_t next = i < n ? t[i].span.off : len;
		assert_true(next >= pos);
		while (pos < next) {
			size_t adv;
			int32_t cp =
			        cr_utf8_decode(text + pos, next - pos, &adv);
			int blank =
			        cp == ' ' || cp == '\t' || cp == '\n' ||
			        (cp >= 0x80 && (utf8proc_category(cp) ==
			                                UTF8PROC_CATEGORY_ZS ||
			                        utf8proc_category(cp) ==
			                                UTF8PROC_CATEGORY_CF));
			if (!blank)
				fail_msg("byte %zu (U+%04X) is in no token",
				         pos, (unsigned)cp);
			pos += adv;
		}
		if (i < n) {
			assert_true(t[i].span.len > 0);
			assert_true(t[i].norm[0] != '\0');
			pos = t[i].span.off + t[i].span.len;
		}
	}
}

static void test_tokens_tile_text(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_create();
	const char *s = "Kyiv\u2019s mayor\u00a0said: \u201cWe\u2019re "
	                "ready\u2026\u201d\n\nUS$1.5bn (\u20ac1.4bn) \u2014 "
	                "20% of U.S.-made \u00bdkg \U0001F4F0 items.";
	check_tiling(a, s, strlen(s));
	cr_arena_destroy(a);
}

/* The same on the seed articles, after UTF-8 repair as ingest does it. */
static void test_seed_articles_tile(void **state)
{
	(void)state;
	const char *dir = cr_test_shared_data("tokens of the seed articles");
	if (!dir)
		return;
	char path[4096];
	snprintf(path, sizeof path, "%s/seeds", dir);
	DIR *d = opendir(path);
	assert_non_null(d);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d))) {
		size_t nl = strlen(e->d_name);
		if (nl < 4 || strcmp(e->d_name + nl - 4, ".txt"))
			continue;
		char fp[8192];
		snprintf(fp, sizeof fp, "%s/%s", path, e->d_name);
		FILE *f = fopen(fp, "rb");
		assert_non_null(f);
		static char buf[1 << 20];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		cr_arena *a = cr_arena_create();
		char *text;
		size_t len, bad, first;
		assert_int_equal(
		        cr_utf8_repair(a, buf, n, &text, &len, &bad, &first),
		        CR_OK);
		assert_int_equal(bad, 0);
		check_tiling(a, text, len);
		cr_arena_destroy(a);
		files++;
	}
	closedir(d);
	assert_true(files >= 3);
}

/* Analysis hashes every word and number token: norm_hash and stem_hash
 * are XXH3 of norm and stem, for stems that are the word itself and for
 * stems that are not, short words and words too long for the stem
 * cache alike; punctuation is left unhashed. Copies and clustering key on
 * these hashes, so they must be exactly the strings' hashes. */
static void test_analysis_hashes_tokens(void **state)
{
	(void)state;
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = cr_test_body(
	        "h", "Officials said 1,200 residents were evacuated from "
	             "Kyiv; internationally-coordinated relief arrived.");
	assert_int_equal(cr_analyze_tokens(an, a), CR_OK);
	uint32_t hashed = 0, differ = 0, punct = 0;
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const cr_token *t = &a->toks[i];
		if (t->flags & CR_TOK_PUNCT) {
			assert_false(t->flags & CR_TOK_HASHED);
			punct++;
			continue;
		}
		assert_true(t->flags & CR_TOK_HASHED);
		assert_true(t->norm_hash ==
		            XXH3_64bits(t->norm, strlen(t->norm)));
		assert_true(t->stem_hash ==
		            XXH3_64bits(t->stem, strlen(t->stem)));
		differ += strcmp(t->norm, t->stem) != 0;
		hashed++;
	}
	assert_int_equal(hashed, 11);
	assert_true(differ >= 3); /* officials, residents, evacuated... */
	assert_int_equal(punct, 2);
	cr_article_destroy(a);
	cr_analyzer_free(an);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_brief_sentence),
	        cmocka_unit_test(test_analysis_hashes_tokens),
	        cmocka_unit_test(test_abbreviations),
	        cmocka_unit_test(test_numbers),
	        cmocka_unit_test(test_hyphens_and_apostrophes),
	        cmocka_unit_test(test_quotes),
	        cmocka_unit_test(test_non_ascii),
	        cmocka_unit_test(test_spans_base_and_append),
	        cmocka_unit_test(test_many_tokens_grow),
	        cmocka_unit_test(test_tokens_tile_text),
	        cmocka_unit_test(test_seed_articles_tile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

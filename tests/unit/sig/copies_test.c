/*
 * copies_test.c - tests of src/sig/copies.c: wire copies, truncations,
 * rewrites, unrelated and short texts, lineage and the index bound.
 *
 * The articles are invented for these tests.
 */
#include "test_util.h"

#include "sig/copies.h"
#include "text/analyze.h"

/* A wire report long enough to have a few hundred content shingles. */
#define WIRE_P1                                                                \
	"Flood barriers along the Varna river gave way early on Sunday, "      \
	"forcing about 4,000 residents of the town of Kestrel Bay to leave "   \
	"their homes before dawn, regional officials said.\n"
#define WIRE_P2                                                                \
	"Emergency crews in boats pulled 37 people from flooded streets "      \
	"and rooftops, and two elderly men were taken to hospital with "       \
	"hypothermia, according to the regional fire service.\n"
#define WIRE_P3                                                                \
	"Governor Anselm Torvik said the barriers had been designed for a "    \
	"once-in-a-century flood but water levels rose 40 centimetres "        \
	"higher than the worst forecast after three days of heavy rain.\n"
#define WIRE_P4                                                                \
	"\"We are asking everyone in the lower districts to go to the "        \
	"shelters at the schools and the sports hall,\" Torvik told "          \
	"reporters at a briefing in the regional capital.\n"
#define WIRE_P5                                                                \
	"The national weather agency warned that another band of rain was "    \
	"expected to reach the valley on Tuesday, and that rivers upstream "   \
	"were still rising.\n"
#define WIRE_P6                                                                \
	"Railway services between Kestrel Bay and Dunmore were suspended "     \
	"and the main bridge over the river was closed to traffic while "      \
	"engineers checked its foundations.\n"
#define WIRE_P7                                                                \
	"Farmers in the valley said thousands of hectares of maize and "       \
	"wheat fields were under water, weeks before the harvest was due "     \
	"to begin."

static const char wire[] =
        WIRE_P1 WIRE_P2 WIRE_P3 WIRE_P4 WIRE_P5 WIRE_P6 WIRE_P7;

/* The same report with an outlet's promo line and a credit line. */
static const char copy_boiler[] =
        "Sign up for our morning briefing and never miss a story.\n" WIRE_P1
                WIRE_P2 WIRE_P3 WIRE_P4 WIRE_P5 WIRE_P6 WIRE_P7
        "\nAdditional reporting by the regional desk.";

/* The first four paragraphs only. */
static const char copy_trunc[] = WIRE_P1 WIRE_P2 WIRE_P3 WIRE_P4;

/* Two words changed by an editor. */
static const char copy_edit[] =
        "Flood barriers along the Varna river collapsed early on Sunday, "
        "forcing about 4,000 residents of the town of Kestrel Bay to leave "
        "their homes before dawn, regional officials said.\n" WIRE_P2 WIRE_P3
                WIRE_P4
        "The national weather agency warned that another band of rain was "
        "expected to reach the valley on Wednesday, and that rivers "
        "upstream were still rising.\n" WIRE_P6 WIRE_P7;

/* The same facts in an outlet's own words. */
static const char rewrite[] =
        "Around 4,000 residents of Kestrel Bay fled their homes before "
        "dawn on Sunday after the Varna river barriers gave way, officials "
        "in the region said.\n"
        "Rescue crews using boats took 37 people from rooftops and flooded "
        "streets; the fire service said two elderly men went to hospital "
        "suffering from hypothermia.\n"
        "The barriers were built for a once-in-a-century flood, Governor "
        "Anselm Torvik said, but after three days of heavy rain the water "
        "rose 40 centimetres above the worst forecast.\n"
        "Torvik asked residents of the lower districts to go to shelters "
        "in the schools and the sports hall.\n"
        "More rain is expected in the valley on Tuesday, the national "
        "weather agency warned, with rivers upstream still rising.\n"
        "Rail services to Dunmore were suspended and engineers closed the "
        "main bridge over the river to check its foundations.\n"
        "Thousands of hectares of maize and wheat fields in the valley are "
        "under water weeks before the harvest, farmers said.";

/* An unrelated report. */
static const char other[] =
        "The central bank of Morland raised its main interest rate by half "
        "a percentage point on Thursday, to 6.25 percent, its fourth "
        "increase this year as inflation stayed close to 9 percent.\n"
        "Governor Ilse Marchetti told a news conference that price growth "
        "in food and rents remained too high and that the bank was ready "
        "to act again in December if needed.\n"
        "The Morland crown strengthened against the euro after the "
        "decision, while shares of the country's largest lenders rose in "
        "afternoon trading.\n"
        "Economists polled before the meeting had expected a smaller "
        "increase of a quarter point, citing weak retail sales and a "
        "slowdown in factory orders over the summer months.\n"
        "Business groups warned that higher borrowing costs would hurt "
        "small firms already struggling with energy bills.";

static cr_analyzer *an;

static int setup(void **state)
{
	(void)state;
	an = cr_analyzer_new();
	return an ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	cr_analyzer_free(an);
	return 0;
}

static cr_article *make(const char *id, const char *text)
{
	cr_article *a = cr_test_body(id, text);
	assert_int_equal(cr_analyze(an, a), CR_OK);
	return a;
}

/* Adds analysed article a to c and checks its verdict; returns a. */
static cr_article *add_checked(cr_copies *c, cr_article *a, cr_copy_kind want,
                               const char *want_copy_of)
{
	cr_copy_kind k = cr_copies_add(c, a, NULL);
	if (k != want)
		fail_msg("%s: kind %d, want %d", a->id, (int)k, (int)want);
	if (want_copy_of)
		assert_string_equal(a->copy_of, want_copy_of);
	else
		assert_null(a->copy_of);
	return a;
}

/* Adds a fresh article and checks its verdict; returns it for more
 * checks (caller destroys). */
static cr_article *add(cr_copies *c, const char *id, const char *text,
                       cr_copy_kind want, const char *want_copy_of)
{
	return add_checked(c, make(id, text), want, want_copy_of);
}

static void test_wire_copies(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	assert_non_null(c);
	cr_article *a[4];
	a[0] = add(c, "wire", wire, CR_ORIGINAL, NULL);
	a[1] = add(c, "boiler", copy_boiler, CR_COPY, "wire");
	a[2] = add(c, "trunc", copy_trunc, CR_COPY, "wire");
	a[3] = add(c, "edit", copy_edit, CR_COPY, "wire");
	/* copy_of lives in the copy's own arena, not in the index. */
	assert_ptr_not_equal(a[1]->copy_of, a[0]->id);
	assert_int_equal(cr_copies_size(c), 4);
	for (int i = 0; i < 4; i++)
		cr_article_destroy(a[i]);
	cr_copies_free(c);
}

static void test_of_id_names_the_match(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *w = make("wire-a", wire);
	cr_article *e = make("edit-a", copy_edit);
	const char *of = "unset";
	assert_int_equal(cr_copies_add(c, w, &of), CR_ORIGINAL);
	assert_null(of);
	/* The original goes away; the index keeps its own copy of the id. */
	cr_article_destroy(w);
	assert_int_equal(cr_copies_add(c, e, &of), CR_COPY);
	assert_string_equal(of, "wire-a");
	assert_string_equal(e->copy_of, "wire-a");
	cr_article_destroy(e);
	cr_copies_free(c);
}

static void test_rewrite_is_not_a_copy(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *w = add(c, "wire", wire, CR_ORIGINAL, NULL);
	cr_article *r = make("rewrite", rewrite);
	const char *of = NULL;
	assert_int_equal(cr_copies_add(c, r, &of), CR_REWRITE);
	assert_null(r->copy_of);
	assert_string_equal(of, "wire");
	cr_article_destroy(w);
	cr_article_destroy(r);
	cr_copies_free(c);
}

static void test_unrelated_are_originals(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *w = add(c, "wire", wire, CR_ORIGINAL, NULL);
	cr_article *o = add(c, "bank", other, CR_ORIGINAL, NULL);
	const char *of = "unset";
	cr_article *r = make("rewrite", rewrite);
	/* The rewrite is matched to the flood report, not the bank one. */
	assert_int_equal(cr_copies_add(c, r, &of), CR_REWRITE);
	assert_string_equal(of, "wire");
	cr_article_destroy(w);
	cr_article_destroy(o);
	cr_article_destroy(r);
	cr_copies_free(c);
}

static void test_short_texts(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *a[5];
	a[0] = add(c, "s1",
	           "Police closed the main road through Dunmore on "
	           "Monday after a lorry overturned.",
	           CR_ORIGINAL, NULL);
	/* Nearly the same words, different facts: too short to call. */
	a[1] = add(c, "s2",
	           "Police closed the main road through Dunmore on "
	           "Tuesday after a bus overturned.",
	           CR_ORIGINAL, NULL);
	/* A short sentence inside a long article is not a copy of it. */
	a[2] = add(c, "s3",
	           "Railway services between Kestrel Bay and Dunmore "
	           "were suspended.",
	           CR_ORIGINAL, NULL);
	a[3] = add(c, "wire", wire, CR_ORIGINAL, NULL);
	/* An identical short text is a copy even so. */
	a[4] = add(c, "s1-again",
	           "Police closed the main road through "
	           "Dunmore on Monday after a lorry overturned.",
	           CR_COPY, "s1");
	for (int i = 0; i < 5; i++)
		cr_article_destroy(a[i]);
	cr_copies_free(c);
}

/* A brief of a few dozen shingles fills few of the 64 sketch bins, so
 * most slots are borrowed from other bins: a copy with a promo line must
 * still be found, and a different brief on the same subject must not be
 * taken for one. */
static void test_brief_copies_with_empty_bins(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *a[3];
	a[0] = add(c, "brief", WIRE_P1 WIRE_P2, CR_ORIGINAL, NULL);
	a[1] = add(c, "brief-promo",
	           "Sign up for our morning briefing.\n" WIRE_P1 WIRE_P2,
	           CR_COPY, "brief");
	a[2] = add(c, "brief-other", WIRE_P5 WIRE_P6, CR_ORIGINAL, NULL);
	for (int i = 0; i < 3; i++)
		cr_article_destroy(a[i]);
	cr_copies_free(c);
}

/* Many articles share bucket keys (every copy of one wire shares all its
 * bands): the copy that arrives last still names the earliest original,
 * and the walk of a full bucket finds it. */
static void test_many_copies_name_the_first(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *first = add(c, "wire-0", wire, CR_ORIGINAL, NULL);
	char id[32];
	for (int i = 1; i <= 40; i++) {
		snprintf(id, sizeof id, "wire-%d", i);
		cr_article *a = add(c, id, i % 2 ? copy_boiler : copy_edit,
		                    CR_COPY, "wire-0");
		cr_article_destroy(a);
	}
	cr_article *t = add(c, "trunc-late", copy_trunc, CR_COPY, "wire-0");
	assert_int_equal(cr_copies_size(c), 42);
	cr_article_destroy(first);
	cr_article_destroy(t);
	cr_copies_free(c);
}

/* Adds an article with a title. */
static cr_article *add_titled(cr_copies *c, const char *id, const char *title,
                              const char *text, cr_copy_kind want,
                              const char *want_copy_of)
{
	cr_article *a = cr_test_body(id, text);
	a->title = cr_arena_strdup(a->arena, title);
	assert_int_equal(cr_analyze(an, a), CR_OK);
	return add_checked(c, a, want, want_copy_of);
}

static void test_short_texts_need_the_title(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *a[5];
	/* Two unrelated features whose bodies are only the same credit
	 * line, as syndicated features sometimes arrive. */
	a[0] = add_titled(c, "f1", "A walk along the old canal",
	                  "(Distributed by the Northwind Features Service)",
	                  CR_ORIGINAL, NULL);
	a[1] = add_titled(c, "f2", "Ten ways to cook winter squash",
	                  "(Distributed by the Northwind Features Service)",
	                  CR_ORIGINAL, NULL);
	/* The same short brief under the same title is a copy. */
	a[2] = add_titled(c, "b1", "Dunmore road closed",
	                  "Police closed the main road through Dunmore on "
	                  "Monday after a lorry overturned.",
	                  CR_ORIGINAL, NULL);
	a[3] = add_titled(c, "b2", "Dunmore road closed",
	                  "Police closed the main road through Dunmore on "
	                  "Monday after a lorry overturned.",
	                  CR_COPY, "b1");
	/* A long text under a new headline is still a copy: its body says
	 * enough on its own. */
	a[4] = add_titled(c, "w2", "Thousands flee as river barriers fail",
	                  wire, CR_ORIGINAL, NULL);
	cr_article *w = add_titled(c, "w3", "Kestrel Bay evacuated", wire,
	                           CR_COPY, "w2");
	cr_article_destroy(w);
	for (int i = 0; i < 5; i++)
		cr_article_destroy(a[i]);
	cr_copies_free(c);
}

static void test_copy_of_copy_points_to_earliest(void **state)
{
	(void)state;
	cr_copies *c = cr_copies_new();
	cr_article *a[3];
	a[0] = add(c, "first", copy_trunc, CR_ORIGINAL, NULL);
	/* The full text arrives later and is a copy of the truncated one. */
	a[1] = add(c, "second", wire, CR_COPY, "first");
	/* An edit of the full text: matched to "second", points to "first". */
	cr_article *e = make("third", copy_edit);
	const char *of = NULL;
	assert_int_equal(cr_copies_add(c, e, &of), CR_COPY);
	assert_string_equal(e->copy_of, "first");
	a[2] = e;
	for (int i = 0; i < 3; i++)
		cr_article_destroy(a[i]);
	cr_copies_free(c);
}

static void test_index_bound(void **state)
{
	(void)state;
	enum { MAX = 8, N = 30 };
	cr_copies *c = cr_copies_new_max(MAX);
	assert_non_null(c);
	cr_article *w = add(c, "wire", wire, CR_ORIGINAL, NULL);
	cr_article_destroy(w);
	/* Distinct filler articles push the wire report out of the ring. */
	char buf[512];
	for (int i = 0; i < N; i++) {
		snprintf(
		        buf, sizeof buf,
		        "Filler report %d: the council of district %d approved "
		        "budget line %d for road repairs worth %d thousand.",
		        i, i * 7, i * 13, i * 31);
		char id[32];
		snprintf(id, sizeof id, "filler-%d", i);
		cr_article *f = add(c, id, buf, CR_ORIGINAL, NULL);
		cr_article_destroy(f);
		assert_true(cr_copies_size(c) <= MAX);
	}
	assert_int_equal(cr_copies_size(c), MAX);
	/* The wire report was forgotten: its copy is now an original... */
	cr_article *b = add(c, "boiler", copy_boiler, CR_ORIGINAL, NULL);
	/* ...while a recent article is still remembered. */
	snprintf(buf, sizeof buf,
	         "Filler report %d: the council of district %d approved "
	         "budget line %d for road repairs worth %d thousand.",
	         N - 1, (N - 1) * 7, (N - 1) * 13, (N - 1) * 31);
	char want[32];
	snprintf(want, sizeof want, "filler-%d", N - 1);
	cr_article *f = add(c, "filler-again", buf, CR_COPY, want);
	cr_article_destroy(b);
	cr_article_destroy(f);
	cr_copies_free(c);
}

static int popcount64(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Repeats count only once: a few words said over and over make few
 * distinct shingles, so a variant of them is too short to call a copy
 * (only an identical text would be), however long the repetition. */
static void test_repeated_shingles_count_once(void **state)
{
	(void)state;
	enum { TIMES = 12 };
	static const char once[] = "Storm closes harbour ferry crossings "
	                           "again tonight. ";
	char text[TIMES * sizeof once + 64];
	text[0] = '\0';
	for (int i = 0; i < TIMES; i++)
		strcat(text, once);
	char variant[sizeof text + 64];
	snprintf(variant, sizeof variant, "%sCoastguard confirms closure.",
	         text);
	cr_copies *c = cr_copies_new();
	cr_article *a = add(c, "chant", text, CR_ORIGINAL, NULL);
	cr_article *b = add(c, "chant-more", variant, CR_ORIGINAL, NULL);
	cr_article *d = add(c, "chant-again", text, CR_COPY, "chant");
	cr_article_destroy(a);
	cr_article_destroy(b);
	cr_article_destroy(d);
	cr_copies_free(c);
}

/* The index keeps its scratch from one article to the next: a long
 * article, then short ones, then a long one again must each be
 * fingerprinted whole (a copy of the long one is still found, and the
 * short ones are not taken for parts of it). */
static void test_long_then_short_then_long(void **state)
{
	(void)state;
	size_t n = 40 * (sizeof wire + 64);
	char *big = malloc(n);
	assert_non_null(big);
	big[0] = '\0';
	/* Forty reports, each with its own number, so the shingles differ. */
	for (int i = 0; i < 40; i++) {
		char head[64];
		snprintf(head, sizeof head, "Bulletin %d of the day.\n",
		         1000 + i);
		strcat(big, head);
		strcat(big, wire);
		strcat(big, "\n");
	}
	cr_copies *c = cr_copies_new();
	cr_article *a[4];
	a[0] = add(c, "long", big, CR_ORIGINAL, NULL);
	a[1] = add(c, "short",
	           "Railway services between Kestrel Bay and "
	           "Dunmore were suspended.",
	           CR_ORIGINAL, NULL);
	a[2] = add(c, "wire", wire, CR_COPY, "long");
	a[3] = add(c, "long-again", big, CR_COPY, "long");
	for (int i = 0; i < 4; i++)
		cr_article_destroy(a[i]);
	free(big);
	cr_copies_free(c);
}

static void test_simhash(void **state)
{
	(void)state;
	cr_article *w = make("wire", wire);
	cr_article *e = make("edit", copy_edit);
	cr_article *o = make("bank", other);
	uint64_t hw = cr_simhash(w), he = cr_simhash(e), ho = cr_simhash(o);
	assert_true(hw != 0);
	assert_int_equal(cr_simhash(w), hw); /* deterministic */
	int near = popcount64(hw ^ he), far = popcount64(hw ^ ho);
	if (!(near <= 12 && far >= 16))
		fail_msg("hamming near %d far %d", near, far);
	cr_article_destroy(w);
	cr_article_destroy(e);
	cr_article_destroy(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_wire_copies),
	        cmocka_unit_test(test_of_id_names_the_match),
	        cmocka_unit_test(test_rewrite_is_not_a_copy),
	        cmocka_unit_test(test_unrelated_are_originals),
	        cmocka_unit_test(test_short_texts),
	        cmocka_unit_test(test_brief_copies_with_empty_bins),
	        cmocka_unit_test(test_many_copies_name_the_first),
	        cmocka_unit_test(test_short_texts_need_the_title),
	        cmocka_unit_test(test_copy_of_copy_points_to_earliest),
	        cmocka_unit_test(test_index_bound),
	        cmocka_unit_test(test_repeated_shingles_count_once),
	        cmocka_unit_test(test_long_then_short_then_long),
	        cmocka_unit_test(test_simhash),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

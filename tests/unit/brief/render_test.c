/* render_test.c - tests of src/brief/render_{json,md,html}.c and
 * render_util.c on a briefing built by hand. */
#include "test_util.h"

#include <jansson.h>

#include "brief/render.h"
#include "brief/render_util.h"
#include "crossread/briefing.h"

/* 2024-11-20T10:00:00Z and 2024-11-20T14:30:05Z. */
#define T_MORNING   1732096800LL
#define T_AFTERNOON 1732113005LL

/* A story of three articles: a harbour crane collapse, reported by a local
 * paper, a wire service (no outlet name, so it is labelled by its id) and
 * a site that copies the wire. */
typedef struct fixture {
	cr_arena *arena;
	cr_article *arts[3];
	const cr_article *carts[3];
	cr_briefing b;
} fixture;

/* An artset of the given indices (ascending), in the fixture's arena. */
static cr_artset set_of(cr_arena *ar, uint32_t n, ...)
{
	cr_artset s = {cr_arena_alloc(ar, (n ? n : 1) * sizeof(uint32_t)), n};
	assert_non_null(s.idx);
	va_list ap;
	va_start(ap, n);
	for (uint32_t i = 0; i < n; i++)
		s.idx[i] = va_arg(ap, uint32_t);
	va_end(ap);
	return s;
}

static cr_article *make_article(const char *id, const char *source,
                                const char *title, const char *url,
                                int64_t published)
{
	cr_article *a = cr_test_body(id, "Body text is not rendered.");
	a->source = cr_arena_strdup(a->arena, source);
	a->title = cr_arena_strdup(a->arena, title);
	a->url = cr_arena_strdup(a->arena, url);
	a->published = published;
	return a;
}

static void fixture_build(fixture *f)
{
	memset(f, 0, sizeof *f);
	f->arena = cr_arena_create();
	assert_non_null(f->arena);
	cr_arena *ar = f->arena;

	f->arts[0] = make_article(
	        "001_harbour", "Coastline Herald",
	        "Ferry service halted after harbour crane collapse",
	        "https://herald.example/news/crane", T_MORNING);
	f->arts[0]->removed =
	        cr_arena_alloc(f->arts[0]->arena, 2 * sizeof(cr_removed_line));
	f->arts[0]->removed[0] = (cr_removed_line){
	        "Sign up for our morning newsletter", "promo"};
	f->arts[0]->removed[1] = (cr_removed_line){"Advertisement", "stray"};
	f->arts[0]->n_removed = 2;
	f->arts[1] =
	        make_article("002_wire", NULL, "Crane topples at Port Ellery",
	                     NULL, CR_TIME_NONE);
	f->arts[2] =
	        make_article("003_tide", "Daily Tide",
	                     "Crane topples at Port Ellery", NULL, T_AFTERNOON);
	f->arts[2]->copy_of = "002_wire";
	for (int i = 0; i < 3; i++)
		f->carts[i] = f->arts[i];

	cr_briefing *b = &f->b;
	b->arena = ar;
	b->id = "story-7";
	b->headline = "Crane collapse shuts Port Ellery harbour";
	b->arts = f->carts;
	b->n_arts = 3;
	b->sources = 3;
	b->independent_sources = 2;

	b->summary = cr_arena_alloc(ar, 2 * sizeof *b->summary);
	b->summary[0] = (cr_bsentence){
	        "A container crane fell onto the ferry pier at Port Ellery "
	        "on Wednesday morning.",
	        set_of(ar, 2, 0, 1)};
	b->summary[1] = (cr_bsentence){
	        "Ferry crossings to the islands were suspended until "
	        "inspectors clear the site.",
	        set_of(ar, 1, 2)};
	b->n_summary = 2;

	b->facts = cr_arena_alloc(ar, 3 * sizeof *b->facts);
	b->facts[0] = (cr_bfact){"The crane collapsed on Wednesday morning.",
	                         set_of(ar, 3, 0, 1, 2), CR_AGREE_ALL, 2};
	b->facts[1] = (cr_bfact){"Ferry crossings were suspended.",
	                         set_of(ar, 2, 0, 2), CR_AGREE_SOME, 2};
	b->facts[2] = (cr_bfact){"The port authority opened an inquiry.",
	                         set_of(ar, 1, 1), CR_AGREE_ONE, 1};
	b->n_facts = 3;

	b->conflicts = cr_arena_alloc(ar, sizeof *b->conflicts);
	cr_bclaim *claims = cr_arena_alloc(ar, 2 * sizeof *claims);
	claims[0] = (cr_bclaim){"Two dock workers were taken to hospital.",
	                        "two", set_of(ar, 1, 0)};
	claims[1] = (cr_bclaim){"Three workers were injured, one seriously.",
	                        "three", set_of(ar, 2, 1, 2)};
	b->conflicts[0] = (cr_bconflict){"injured workers",
	                                 CR_CONFLICT_CONTRADICTION, claims, 2};
	b->n_conflicts = 1;

	b->quotes = cr_arena_alloc(ar, 2 * sizeof *b->quotes);
	cr_bwording *var = cr_arena_alloc(ar, sizeof *var);
	*var = (cr_bwording){"We heard a crack, then the arm came down",
	                     set_of(ar, 1, 2)};
	b->quotes[0] = (cr_bquote){.speaker = "Mara Ostrowski",
	                           .text = "We heard a crack and then the "
	                                   "whole arm came down",
	                           .arts = set_of(ar, 3, 0, 1, 2),
	                           .cue = "said",
	                           .variants = var,
	                           .n_variants = 1};
	b->quotes[1] = (cr_bquote){.text = "Nobody should go near the pier",
	                           .arts = set_of(ar, 1, 2)};
	b->n_quotes = 2;
	b->reported = cr_arena_alloc(ar, sizeof *b->reported);
	b->reported[0] = (cr_bquote){.speaker = "Ellery Port Authority",
	                             .text = "the pier would stay shut until "
	                                     "engineers had checked it",
	                             .arts = set_of(ar, 2, 0, 1),
	                             .cue = "said"};
	b->n_reported = 1;

	b->entities = cr_arena_alloc(ar, 4 * sizeof *b->entities);
	b->entities[0] = (cr_bentity){"Mara Ostrowski", CR_ENT_PERSON,
	                              set_of(ar, 2, 0, 1)};
	b->entities[1] = (cr_bentity){"Port Ellery", CR_ENT_PLACE,
	                              set_of(ar, 3, 0, 1, 2)};
	b->entities[2] = (cr_bentity){"Ellery Port Authority", CR_ENT_ORG,
	                              set_of(ar, 1, 1)};
	b->entities[3] =
	        (cr_bentity){"Storm Bella", CR_ENT_OTHER, set_of(ar, 1, 2)};
	b->n_entities = 4;

	b->timeline = cr_arena_alloc(ar, 4 * sizeof *b->timeline);
	b->timeline[0] = (cr_bevent){1,
	                             2023,
	                             0,
	                             0,
	                             0,
	                             "in 2023",
	                             "The crane was last inspected.",
	                             set_of(ar, 1, 1)};
	b->timeline[1] = (cr_bevent){1,
	                             2024,
	                             10,
	                             0,
	                             0,
	                             "in October",
	                             "Workers reported a noisy winch.",
	                             set_of(ar, 1, 0)};
	b->timeline[2] = (cr_bevent){1,
	                             2024,
	                             11,
	                             20,
	                             1,
	                             "on Wednesday",
	                             "The crane collapsed.",
	                             set_of(ar, 3, 0, 1, 2)};
	b->timeline[3] = (cr_bevent){0,
	                             0,
	                             0,
	                             0,
	                             0,
	                             "soon",
	                             "Inspectors will visit the site.",
	                             set_of(ar, 1, 2)};
	b->n_timeline = 4;
}

static void fixture_free(fixture *f)
{
	for (int i = 0; i < 3; i++)
		cr_article_destroy(f->arts[i]);
	cr_arena_destroy(f->arena);
}

typedef cr_err (*render_fn)(FILE *, const cr_briefing *const *, size_t);

/* Runs a renderer into memory; the caller frees the result. */
static char *render(render_fn fn, const cr_briefing *const *b, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	assert_int_equal(fn(m, b, n), CR_OK);
	assert_int_equal(fclose(m), 0);
	assert_non_null(buf);
	assert_int_equal(strlen(buf), len);
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle))
		n++;
	return n;
}

/* Asserts arr is an array of exactly the given article ids. */
static void assert_ids(json_t *arr, size_t n, ...)
{
	assert_true(json_is_array(arr));
	assert_int_equal(json_array_size(arr), n);
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(json_string_value(json_array_get(arr, i)),
		                    va_arg(ap, const char *));
	va_end(ap);
}

static json_t *get(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v)
		fail_msg("missing key \"%s\"", key);
	return v;
}

static const char *str(json_t *o, const char *key)
{
	json_t *v = get(o, key);
	assert_true(json_is_string(v));
	return json_string_value(v);
}

static void test_json_contract(void **state)
{
	(void)state;
	fixture f;
	fixture_build(&f);
	const cr_briefing *bs[] = {&f.b};
	char *out = render(cr_render_json, bs, 1);
	assert_int_equal(out[strlen(out) - 1], '\n');
	/* Non-ASCII text stays UTF-8, not \u escapes. */
	json_error_t err;
	json_t *root = json_loads(out, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		fail_msg("JSON does not parse: %s at %d:%d", err.text, err.line,
		         err.column);
	assert_int_equal(json_integer_value(get(root, "version")), 1);
	json_t *stories = get(root, "stories");
	assert_int_equal(json_array_size(stories), 1);
	json_t *s = json_array_get(stories, 0);
	assert_string_equal(str(s, "id"), "story-7");
	assert_string_equal(str(s, "headline"),
	                    "Crane collapse shuts Port Ellery harbour");
	assert_int_equal(json_integer_value(get(s, "sources")), 3);
	assert_int_equal(json_integer_value(get(s, "independent_sources")), 2);

	json_t *arts = get(s, "articles");
	assert_int_equal(json_array_size(arts), 3);
	json_t *a0 = json_array_get(arts, 0), *a1 = json_array_get(arts, 1),
	       *a2 = json_array_get(arts, 2);
	assert_string_equal(str(a0, "id"), "001_harbour");
	assert_string_equal(str(a0, "source"), "Coastline Herald");
	assert_string_equal(str(a0, "url"),
	                    "https://herald.example/news/crane");
	assert_string_equal(str(a0, "published"), "2024-11-20T10:00:00Z");
	assert_true(json_is_null(get(a0, "copy_of")));
	assert_ids(get(a0, "removed_lines"), 2,
	           "Sign up for our morning newsletter", "Advertisement");
	json_t *rm = get(a0, "removed");
	assert_int_equal(json_array_size(rm), 2);
	assert_string_equal(str(json_array_get(rm, 0), "reason"), "promo");
	assert_string_equal(str(json_array_get(rm, 1), "text"),
	                    "Advertisement");
	assert_string_equal(str(json_array_get(rm, 1), "reason"), "stray");
	assert_true(json_is_null(get(a1, "source")));
	assert_true(json_is_null(get(a1, "url")));
	assert_true(json_is_null(get(a1, "published")));
	assert_int_equal(json_array_size(get(a1, "removed_lines")), 0);
	assert_string_equal(str(a2, "published"), "2024-11-20T14:30:05Z");
	assert_string_equal(str(a2, "copy_of"), "002_wire");
	assert_string_equal(str(a2, "title"), "Crane topples at Port Ellery");

	json_t *sum = get(s, "summary");
	assert_int_equal(json_array_size(sum), 2);
	assert_ids(get(json_array_get(sum, 0), "articles"), 2, "001_harbour",
	           "002_wire");
	assert_ids(get(json_array_get(sum, 1), "articles"), 1, "003_tide");

	json_t *facts = get(s, "facts");
	assert_int_equal(json_array_size(facts), 3);
	const char *agreement[] = {"all", "some", "one"};
	const int independent[] = {2, 2, 1};
	for (size_t i = 0; i < 3; i++) {
		json_t *fa = json_array_get(facts, i);
		assert_string_equal(str(fa, "agreement"), agreement[i]);
		assert_int_equal(json_integer_value(get(fa, "independent")),
		                 independent[i]);
	}
	assert_string_equal(str(json_array_get(facts, 2), "text"),
	                    "The port authority opened an inquiry.");
	assert_ids(get(json_array_get(facts, 0), "articles"), 3, "001_harbour",
	           "002_wire", "003_tide");
	assert_ids(get(json_array_get(facts, 1), "articles"), 2, "001_harbour",
	           "003_tide");
	assert_ids(get(json_array_get(facts, 2), "articles"), 1, "002_wire");

	json_t *c = json_array_get(get(s, "conflicts"), 0);
	assert_string_equal(str(c, "about"), "injured workers");
	assert_string_equal(str(c, "kind"), "contradiction");
	json_t *claims = get(c, "claims");
	assert_int_equal(json_array_size(claims), 2);
	assert_string_equal(str(json_array_get(claims, 0), "value"), "two");
	assert_string_equal(str(json_array_get(claims, 1), "value"), "three");
	assert_ids(get(json_array_get(claims, 1), "articles"), 2, "002_wire",
	           "003_tide");

	json_t *q = get(s, "quotes");
	assert_int_equal(json_array_size(q), 2);
	assert_string_equal(str(json_array_get(q, 0), "speaker"),
	                    "Mara Ostrowski");
	assert_string_equal(str(json_array_get(q, 0), "cue"), "said");
	json_t *vars = get(json_array_get(q, 0), "variants");
	assert_int_equal(json_array_size(vars), 1);
	assert_string_equal(str(json_array_get(vars, 0), "text"),
	                    "We heard a crack, then the arm came down");
	assert_ids(get(json_array_get(vars, 0), "articles"), 1, "003_tide");
	assert_int_equal(json_array_size(get(json_array_get(q, 1), "variants")),
	                 0);
	assert_true(json_is_null(get(json_array_get(q, 1), "cue")));
	json_t *rep = get(s, "reported");
	assert_int_equal(json_array_size(rep), 1);
	assert_string_equal(str(json_array_get(rep, 0), "speaker"),
	                    "Ellery Port Authority");
	assert_ids(get(json_array_get(rep, 0), "articles"), 2, "001_harbour",
	           "002_wire");
	assert_true(json_is_null(get(json_array_get(q, 1), "speaker")));
	assert_string_equal(str(json_array_get(q, 1), "text"),
	                    "Nobody should go near the pier");
	assert_ids(get(json_array_get(q, 1), "articles"), 1, "003_tide");

	json_t *ents = get(s, "entities");
	const char *types[] = {"person", "place", "organisation", "other"};
	assert_int_equal(json_array_size(ents), 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(str(json_array_get(ents, i), "type"),
		                    types[i]);
	assert_string_equal(str(json_array_get(ents, 2), "name"),
	                    "Ellery Port Authority");
	assert_ids(get(json_array_get(ents, 1), "articles"), 3, "001_harbour",
	           "002_wire", "003_tide");

	json_t *tl = get(s, "timeline");
	assert_int_equal(json_array_size(tl), 4);
	assert_string_equal(str(json_array_get(tl, 0), "date"), "2023");
	assert_string_equal(str(json_array_get(tl, 1), "date"), "2024-10");
	assert_string_equal(str(json_array_get(tl, 2), "date"), "2024-11-20");
	assert_true(json_is_null(get(json_array_get(tl, 3), "date")));
	assert_string_equal(str(json_array_get(tl, 2), "as_written"),
	                    "on Wednesday");
	assert_string_equal(str(json_array_get(tl, 3), "event"),
	                    "Inspectors will visit the site.");
	assert_true(json_is_true(get(json_array_get(tl, 2), "date_inferred")));
	assert_true(json_is_false(get(json_array_get(tl, 0), "date_inferred")));
	assert_ids(get(json_array_get(tl, 1), "articles"), 1, "001_harbour");

	json_decref(root);
	free(out);
	fixture_free(&f);
}

static void test_json_escapes_and_bad_indices(void **state)
{
	(void)state;
	fixture f;
	fixture_build(&f);
	/* Quotes, backslashes, control characters, non-ASCII text and a
	 * byte that is not UTF-8 must all come back as the same string (the
	 * bad byte as U+FFFD), and an index past the articles is dropped. */
	f.b.headline = "Mayor says \"no\" \\ crane\tfell \u2014 Łódź";
	f.b.summary[0].text = "Bad byte \xff here";
	f.b.summary[1].arts = set_of(f.arena, 2, 2, 9);
	const cr_briefing *bs[] = {&f.b};
	char *out = render(cr_render_json, bs, 1);
	assert_non_null(strstr(out, "\u2014 Łódź"));
	json_t *root = json_loads(out, 0, NULL);
	assert_non_null(root);
	json_t *s = json_array_get(json_object_get(root, "stories"), 0);
	assert_string_equal(str(s, "headline"),
	                    "Mayor says \"no\" \\ crane\tfell \u2014 Łódź");
	json_t *sum = get(s, "summary");
	assert_string_equal(str(json_array_get(sum, 0), "text"),
	                    "Bad byte \uFFFD here");
	assert_ids(get(json_array_get(sum, 1), "articles"), 1, "003_tide");
	json_decref(root);
	free(out);
	fixture_free(&f);
}

static void test_zero_stories(void **state)
{
	(void)state;
	char *out = render(cr_render_json, NULL, 0);
	json_t *root = json_loads(out, 0, NULL);
	assert_non_null(root);
	assert_int_equal(json_object_size(root), 2);
	assert_int_equal(json_integer_value(json_object_get(root, "version")),
	                 1);
	json_t *st = json_object_get(root, "stories");
	assert_true(json_is_array(st));
	assert_int_equal(json_array_size(st), 0);
	assert_int_equal(out[strlen(out) - 1], '\n');
	json_decref(root);
	free(out);

	out = render(cr_render_md, NULL, 0);
	assert_string_equal(out, "No stories.\n");
	free(out);
	out = render(cr_render_html, NULL, 0);
	assert_non_null(strstr(out, "<p>No stories.</p>"));
	assert_non_null(strstr(out, "</html>\n"));
	assert_null(strstr(out, "<table"));
	free(out);
}

static void test_markdown(void **state)
{
	(void)state;
	fixture f;
	fixture_build(&f);
	const cr_briefing *bs[] = {&f.b, &f.b};
	char *out = render(cr_render_md, bs, 1);
	assert_true(strncmp(out, "# Crane collapse shuts Port Ellery harbour\n",
	                    43) == 0);
	assert_non_null(
	        strstr(out, "3 articles from 3 sources, 2 independent"));
	/* The sections, in reading order. */
	const char *sections[] = {
	        "\n## Summary\n",
	        "\n## Agreed by all\n",
	        "\n## Reported by some\n",
	        "\n## Reported by one\n",
	        "\n## Conflicts\n",
	        "\n## Quotes\n",
	        "\n## People, places, organisations\n",
	        "\n## Timeline\n",
	        "\n## Articles\n",
	};
	const char *prev = out;
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		const char *p = strstr(out, sections[i]);
		if (!p || p < prev)
			fail_msg("section %s missing or out of order",
			         sections[i]);
		prev = p;
	}
	/* Outlets: the source, or the id when there is none. */
	assert_non_null(strstr(out, "on Wednesday morning. [Coastline Herald, "
	                            "002_wire]\n"));
	assert_non_null(strstr(out,
	                       "## Reported by one\n\n- The port authority "
	                       "opened an inquiry. [002_wire]\n"));
	assert_non_null(strstr(out, "- Ferry crossings were suspended. "
	                            "[Coastline Herald, Daily Tide] (2 "
	                            "independent)\n"));
	assert_non_null(strstr(out, "### injured workers (contradiction)\n"));
	assert_non_null(strstr(out, "- **three**: Three workers were injured, "
	                            "one seriously. [002_wire, Daily Tide]\n"));
	assert_non_null(strstr(out,
	                       "> \u201cWe heard a crack and then the whole "
	                       "arm came down\u201d \u2014 Mara Ostrowski "
	                       "[Coastline Herald, 002_wire, Daily Tide]\n"
	                       ">\n> *worded differently:* \u201cWe heard a "
	                       "crack, then the arm came down\u201d [Daily "
	                       "Tide]\n"));
	assert_non_null(strstr(out, "## Reported statements\n\n> the pier "
	                            "would stay shut until engineers had "
	                            "checked it \u2014 Ellery Port Authority "
	                            "(said) [Coastline Herald, 002_wire]\n"));
	assert_non_null(strstr(out, "unnamed speaker [Daily Tide]"));
	assert_non_null(strstr(out, "- **People:** Mara Ostrowski (2)\n"));
	assert_non_null(strstr(out, "- **Organisations:** Ellery Port "
	                            "Authority (1)\n"));
	assert_non_null(strstr(out, "- **2024-11-20** (date inferred) "
	                            "\u201con Wednesday\u201d: The crane "
	                            "collapsed."));
	assert_non_null(strstr(out, "- **2024-10** \u201cin October\u201d"));
	assert_non_null(strstr(out, "- **undated** \u201csoon\u201d: "
	                            "Inspectors will visit the site. "
	                            "[Daily Tide]\n"));
	assert_non_null(strstr(out, "- `003_tide` Daily Tide: Crane topples at "
	                            "Port Ellery (2024-11-20T14:30:05Z), copy "
	                            "of 002_wire\n"));
	assert_non_null(strstr(out, "<https://herald.example/news/crane>"));
	assert_non_null(strstr(out, "- `002_wire` Crane topples at Port "
	                            "Ellery\n"));
	assert_non_null(strstr(out, "  - removed (promo): Sign up for our "
	                            "morning newsletter\n"));
	assert_null(strstr(out, "\n---\n"));
	free(out);

	/* Two stories are separated by a rule; markup in text is escaped. */
	f.b.facts[2].text = "Officials said *nothing* about [the] `cause`.";
	out = render(cr_render_md, bs, 2);
	assert_int_equal(count(out, "\n---\n"), 1);
	assert_int_equal(count(out, "\n## Summary\n"), 2);
	assert_non_null(strstr(out, "Officials said \\*nothing\\* about "
	                            "\\[the\\] \\`cause\\`."));
	free(out);
	fixture_free(&f);
}

/* The hostile text put into every field; none of it may reach the page
 * unescaped. */
#define EVIL "<script>alert('x')</script> \"q\" &amp; <b>"

static void test_html_escapes_everything(void **state)
{
	(void)state;
	fixture f;
	fixture_build(&f);
	cr_briefing *b = &f.b;
	for (int i = 0; i < 3; i++) {
		cr_article *a = f.arts[i];
		a->id = a->source = a->title = a->copy_of = EVIL;
		a->url = "javascript:alert('x')";
	}
	f.arts[0]->removed[0] = (cr_removed_line){EVIL, EVIL};
	b->id = b->headline = EVIL;
	b->summary[0].text = b->facts[0].text = EVIL;
	b->conflicts[0].about = b->conflicts[0].claims[0].text = EVIL;
	b->conflicts[0].claims[1].value = EVIL;
	b->quotes[0].speaker = b->quotes[0].text = EVIL;
	b->entities[0].name = EVIL;
	b->timeline[0].as_written = b->timeline[0].event = EVIL;
	const cr_briefing *bs[] = {b};
	char *out = render(cr_render_html, bs, 1);
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "<b>"));
	assert_null(strstr(out, "'x'"));
	assert_null(strstr(out, "\"q\""));
	assert_null(strstr(out, "&amp; <"));
	assert_null(strstr(out, "javascript:"));
	const char *escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
	                      "&quot;q&quot; &amp;amp; &lt;b&gt;";
	/* Headline twice (title, h2), then story id, 3 labels per article,
	 * and so on: at least one per field set above. */
	assert_true(count(out, escaped) >= 20);
	free(out);
	fixture_free(&f);
}

/* Returns the on/off marks of the grid's rows as strings such as "101". */
static void grid_marks(const char *html, char rows[][8], size_t *n_rows,
                       size_t *n_cols)
{
	const char *t = strstr(html, "<table class=\"grid\">");
	assert_non_null(t);
	const char *end = strstr(t, "</table>");
	assert_non_null(end);
	const char *body = strstr(t, "<tbody>");
	assert_non_null(body);
	*n_cols = 0;
	for (const char *p = strstr(t, "<th scope=\"col\" class=\"outlet\">");
	     p && p < body;
	     p = strstr(p + 1, "<th scope=\"col\" class=\"outlet\">"))
		(*n_cols)++;
	*n_rows = 0;
	for (const char *r = strstr(body, "<tr class=\"fact "); r && r < end;
	     r = strstr(r + 1, "<tr class=\"fact ")) {
		const char *re = strstr(r, "</tr>");
		size_t k = 0;
		for (const char *c = strstr(r, "<td class=\""); c && c < re;
		     c = strstr(c + 1, "<td class=\"")) {
			assert_true(k < 7);
			rows[*n_rows][k++] =
			        c[11] == 'o' && c[12] == 'n' ? '1' : '0';
		}
		rows[*n_rows][k] = '\0';
		(*n_rows)++;
	}
}

static void test_html_page_and_grid(void **state)
{
	(void)state;
	fixture f;
	fixture_build(&f);
	const cr_briefing *bs[] = {&f.b};
	char *out = render(cr_render_html, bs, 1);
	assert_true(strncmp(out, "<!doctype html>\n<html lang=\"en\">", 32) ==
	            0);
	assert_non_null(strstr(out, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(out, "<meta name=\"viewport\""));
	assert_non_null(strstr(out, "prefers-color-scheme:dark"));
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "<link"));
	assert_non_null(strstr(out, "<title>Crane collapse shuts Port Ellery "
	                            "harbour \u2014 crossread</title>"));

	char rows[8][8];
	size_t n_rows, n_cols;
	grid_marks(out, rows, &n_rows, &n_cols);
	assert_int_equal(n_cols, 3);
	assert_int_equal(n_rows, 3);
	assert_string_equal(rows[0], "111");
	assert_string_equal(rows[1], "101");
	assert_string_equal(rows[2], "010");
	assert_non_null(strstr(out, "<tr class=\"fact agree-all\">"));
	assert_non_null(strstr(out, "<tr class=\"fact agree-some\">"));
	assert_non_null(strstr(out, "<tr class=\"fact agree-one\">"));
	/* Columns are labelled by outlet, the wire by its id. */
	assert_non_null(strstr(out, "class=\"outlet\">Coastline Herald<small>"
	                            "001_harbour</small></th>"));
	assert_non_null(strstr(out, "class=\"outlet\">002_wire</th>"));
	assert_non_null(strstr(out,
	                       "class=\"outlet\">Daily Tide<small>003_tide"
	                       "</small><small class=\"copy\" title=\"copy "
	                       "of 002_wire\">copy</small></th>"));

	assert_int_equal(count(out, "<div class=\"conflict\">"), 1);
	assert_non_null(strstr(out, "<span class=\"value\">three</span>"));
	assert_int_equal(count(out, "<blockquote>"), 3);
	assert_int_equal(count(out, "<h3>Reported statements</h3>"), 1);
	assert_int_equal(count(out, "<p class=\"variant\">"), 1);
	assert_non_null(strstr(out, "<h4>Organisations</h4>"));
	assert_non_null(strstr(out, "<time datetime=\"2024-10\">2024-10</time>"
	                            "<span class=\"aswritten\">"));
	assert_int_equal(count(out, "<span class=\"inferred\""), 1);
	assert_non_null(strstr(out, "<span class=\"undated\">undated</span>"));
	assert_non_null(strstr(out, "<a href=\"https://herald.example/news/"
	                            "crane\""));
	assert_non_null(strstr(out, "<details><summary>2 removed lines"
	                            "</summary>"));
	assert_non_null(
	        strstr(out, "<span class=\"reason\">promo</span>Sign up"));
	assert_non_null(strstr(out, "copy of <code>002_wire</code>"));
	assert_non_null(strstr(out, "<span class=\"chip\" title=\"002_wire\">"
	                            "002_wire</span>"));
	free(out);
	fixture_free(&f);
}

static void test_util(void **state)
{
	(void)state;
	char buf[CR_RENDER_TIME_BUF];
	assert_true(cr_render_iso_time(0, buf));
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	assert_true(cr_render_iso_time(-86400, buf));
	assert_string_equal(buf, "1969-12-31T00:00:00Z");
	assert_false(cr_render_iso_time(CR_TIME_NONE, buf));
	assert_false(cr_render_iso_time(INT64_MAX, buf));

	cr_bevent e = {.has_date = 1, .year = 2022, .month = 2, .day = 24};
	assert_true(cr_render_event_date(&e, buf));
	assert_string_equal(buf, "2022-02-24");
	e.has_date = 0;
	assert_false(cr_render_event_date(&e, buf));

	cr_article *a = cr_test_body("005_x", "Text.");
	assert_string_equal(cr_render_label(a), "005_x");
	a->source = "";
	assert_string_equal(cr_render_label(a), "005_x");
	a->source = "Harbour Radio";
	assert_string_equal(cr_render_label(a), "Harbour Radio");
	assert_string_equal(cr_render_label(NULL), "unknown outlet");
	cr_article_destroy(a);
}

static void put(void *ud, const char *label, const cr_article *a)
{
	(void)a;
	strcat(ud, label);
	strcat(ud, ";");
}

static void test_label_list_is_bounded(void **state)
{
	(void)state;
	/* Forty articles: twenty from two outlets, each named once, then
	 * twenty outlets of one article each, of which the cap leaves ten
	 * to be counted. */
	enum { N = 40 };
	cr_article *arts[N];
	const cr_article *carts[N];
	cr_arena *ar = cr_arena_create();
	cr_artset all = {cr_arena_alloc(ar, N * sizeof(uint32_t)), N};
	for (uint32_t i = 0; i < N; i++) {
		char id[16];
		snprintf(id, sizeof id, "a%02u", i);
		arts[i] = cr_test_body(id, "Text.");
		arts[i]->source = i < 20 ? (i % 2 ? "Odd Post" : "Even Times")
		                         : arts[i]->id;
		carts[i] = arts[i];
		all.idx[i] = i;
	}
	cr_briefing b = {.arts = carts, .n_arts = N};
	char got[1024] = "";
	uint32_t more = cr_render_each_label(&b, &all, put, got);
	assert_string_equal(got, "Even Times;Odd Post;a20;a21;a22;a23;a24;a25;"
	                         "a26;a27;a28;a29;");
	assert_int_equal(more, 10);
	for (uint32_t i = 0; i < N; i++)
		cr_article_destroy(arts[i]);
	cr_arena_destroy(ar);
}

static void test_write_error(void **state)
{
	(void)state;
	fixture f;
	fixture_build(&f);
	const cr_briefing *bs[] = {&f.b};
	render_fn fns[] = {cr_render_json, cr_render_md, cr_render_html};
	for (size_t i = 0; i < 3; i++) {
		/* A stream opened for reading refuses every write. */
		FILE *ro = fopen("/dev/null", "r");
		assert_non_null(ro);
		assert_int_equal(fns[i](ro, bs, 1), CR_EIO);
		fclose(ro);
	}
	fixture_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_json_contract),
	        cmocka_unit_test(test_json_escapes_and_bad_indices),
	        cmocka_unit_test(test_zero_stories),
	        cmocka_unit_test(test_markdown),
	        cmocka_unit_test(test_html_escapes_everything),
	        cmocka_unit_test(test_html_page_and_grid),
	        cmocka_unit_test(test_util),
	        cmocka_unit_test(test_label_list_is_bounded),
	        cmocka_unit_test(test_write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * ner_test.c - tests of src/text/ner.c: the learnt entity tagger.
 *
 * The shipped model (models/ner.model) is loaded the way the analyzer
 * loads it; tests that need it skip visibly when it is absent. The file
 * format is tested on a small model written here, so those tests run
 * everywhere.
 */
#include "test_util.h"

#include <unistd.h>

#include "text/analyze.h"
#include "text/entity.h"
#include "text/ner.h"

/* The shipped model, or NULL after a visible SKIP. */
static cr_ner_model *shipped_model(void)
{
	const char *root = getenv("CR_SOURCE_ROOT");
	char path[4096];
	snprintf(path, sizeof path, "%s/models/%s", root ? root : ".",
	         CR_NER_MODEL_FILE);
	cr_ner_model *m = NULL;
	if (cr_ner_model_load(path, &m) != CR_OK) {
		fprintf(stderr, "SKIP: no model at %s\n", path);
		return NULL;
	}
	return m;
}

/* Tokens of text, ready for the tagger. */
static cr_article *tokens_of(cr_analyzer *an, const char *text)
{
	cr_article *a = cr_test_body("t", text);
	assert_int_equal(cr_analyze_tokens(an, a), CR_OK);
	return a;
}

static void test_types_of_wire_names(void **state)
{
	(void)state;
	cr_ner_model *m = shipped_model();
	if (!m)
		return;
	cr_analyzer *an = cr_analyzer_new();
	assert_non_null(an);
	cr_article *a = tokens_of(
	        an,
	        "Shares in Halvorsen Shipping Corp fell 4 percent in Oslo on "
	        "Tuesday after chief executive Marit Lunde said the "
	        "European Commission would look into the deal. Lunde "
	        "told Reuters the Norwegian firm expected approval.");
	assert_int_equal(cr_ner_find(m, a), CR_OK);
	assert_int_equal(
	        cr_test_mentions(a, "Halvorsen Shipping Corp", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Oslo", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Marit Lunde", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Lunde", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "European Commission", CR_ENT_ORG),
	                 1);
	assert_int_equal(cr_test_mentions(a, "Reuters", CR_ENT_ORG), 1);
	/* A demonym is its country, as the rules name it. */
	assert_int_equal(cr_test_mentions(a, "Norway", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Tuesday", -1), 0);
	cr_article_destroy(a);
	cr_analyzer_free(an);
	cr_ner_model_free(m);
}

static void test_titles_cut_and_possessive(void **state)
{
	(void)state;
	cr_ner_model *m = shipped_model();
	if (!m)
		return;
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = tokens_of(
	        an, "Mayor Ana Ruiz said the bridge would reopen, and "
	            "President Tomas Keller of Austria praised Ruiz's "
	            "crews.");
	assert_int_equal(cr_ner_find(m, a), CR_OK);
	assert_int_equal(cr_test_mentions(a, "Ana Ruiz", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Tomas Keller", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Ruiz", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Austria", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Mayor Ana Ruiz", -1), 0);
	for (uint32_t i = 0; i < a->n_ments; i++)
		assert_null(memchr(cr_span_ptr(a, a->ments[i].span), '\'',
		                   a->ments[i].span.len));
	cr_article_destroy(a);
	cr_analyzer_free(an);
	cr_ner_model_free(m);
}

/* Whole names with one type: a name whose words the tagger sees as of
 * different kinds (a valley, then a railway) stays one name of its
 * last word's kind, and the WordNet lexicon knows a Scottish island
 * and a surname's shape from a place. */
static void test_whole_names_one_type(void **state)
{
	(void)state;
	cr_ner_model *m = shipped_model();
	if (!m)
		return;
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = tokens_of(
	        an, "The Tarrow Valley Railway reopened its line to "
	            "Penhallow on Saturday.\nVolunteers had repaired the "
	            "track.\nKowalczyk arrives in Warsaw on Monday for talks "
	            "with Polish officials.\nThe Brackwater Harbour "
	            "Authority said ferries to Islay were cancelled.");
	assert_int_equal(cr_ner_find(m, a), CR_OK);
	assert_int_equal(
	        cr_test_mentions(a, "Tarrow Valley Railway", CR_ENT_ORG), 1);
	assert_int_equal(cr_test_mentions(a, "Tarrow Valley", -1), 0);
	assert_int_equal(cr_test_mentions(a, "Penhallow", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Kowalczyk", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Warsaw", CR_ENT_PLACE), 1);
	assert_int_equal(
	        cr_test_mentions(a, "Brackwater Harbour Authority", CR_ENT_ORG),
	        1);
	assert_int_equal(cr_test_mentions(a, "Islay", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Volunteers", -1), 0);
	cr_article_destroy(a);
	cr_analyzer_free(an);
	cr_ner_model_free(m);
}

/* The analyzer finds the shipped model and uses it in cr_analyze(). */
static void test_analyzer_uses_model(void **state)
{
	(void)state;
	cr_ner_model *m = shipped_model();
	if (!m)
		return;
	cr_ner_model_free(m);
	cr_analyzer *an = cr_analyzer_new();
	assert_true(cr_analyzer_has_model(an));
	cr_analyzer_free(an);
}

static void update_toward_gold(void *ud, const uint32_t *feats, uint32_t n,
                               int gold, int pred)
{
	float *w = ud;
	if (gold == pred)
		return;
	for (uint32_t k = 0; k < n; k++) {
		w[(size_t)feats[k] * CR_NER_N_TAGS + gold] += 1;
		w[(size_t)feats[k] * CR_NER_N_TAGS + pred] -= 1;
	}
}

/* A model learnt here on one sentence survives saving and loading: the
 * loaded 16-bit model tags as the float weights do. */
static void test_learn_save_load(void **state)
{
	(void)state;
	const uint32_t bits = 12;
	size_t n = ((size_t)1 << bits) * CR_NER_N_TAGS;
	float *w = calloc(n, sizeof *w);
	assert_non_null(w);
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = tokens_of(an, "Inspector Kalle Brandt flew to Tromso "
	                              "with the Coast Guard.");
	uint8_t gold[32] = {0}, tags[32];
	assert_true(a->n_toks <= 32);
	/* Kalle Brandt: person; Tromso: place; Coast Guard: organisation. */
	for (uint32_t i = 0; i < a->n_toks; i++) {
		const char *t = a->toks[i].norm;
		gold[i] = !strcmp(t, "kalle")    ? 1
		          : !strcmp(t, "brandt") ? 2
		          : !strcmp(t, "tromso") ? 3
		          : !strcmp(t, "coast")  ? 5
		          : !strcmp(t, "guard")  ? 6
		                                 : 0;
	}
	cr_ner_weights cw = {.w = w, .bits = bits};
	for (int epoch = 0; epoch < 5; epoch++)
		assert_int_equal(
		        cr_ner_tag(&cw, a, tags, gold, update_toward_gold, w),
		        CR_OK);
	assert_int_equal(cr_ner_tag(&cw, a, tags, NULL, NULL, NULL), CR_OK);
	assert_memory_equal(tags, gold, a->n_toks);

	char path[] = "/tmp/cr-ner-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(cr_ner_model_save(path, w, bits, 0), CR_OK);
	cr_ner_model *m = NULL;
	assert_int_equal(cr_ner_model_load(path, &m), CR_OK);
	assert_int_equal(cr_ner_find(m, a), CR_OK);
	assert_int_equal(cr_test_mentions(a, "Kalle Brandt", CR_ENT_PERSON), 1);
	assert_int_equal(cr_test_mentions(a, "Tromso", CR_ENT_PLACE), 1);
	assert_int_equal(cr_test_mentions(a, "Coast Guard", CR_ENT_ORG), 1);
	cr_ner_model_free(m);

	/* A truncated or foreign file is refused, not read past its end. */
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs("CRNER001\x14", f);
	fclose(f);
	m = NULL;
	assert_int_equal(cr_ner_model_load(path, &m), CR_EFORMAT);
	assert_null(m);
	f = fopen(path, "wb");
	fputs("not a model at all, just some text of a plausible size", f);
	fclose(f);
	assert_int_equal(cr_ner_model_load(path, &m), CR_EFORMAT);
	assert_int_equal(cr_ner_model_load("/nonexistent/ner.model", &m),
	                 CR_EIO);
	unlink(path);
	cr_article_destroy(a);
	cr_analyzer_free(an);
	free(w);
}

/* The model that weights w (2^bits rows) and clusters cl (NULL: none)
 * save to, loaded back from a temporary file that is gone again. */
static cr_ner_model *saved_model(const float *w, uint32_t bits,
                                 const cr_ner_clusters *cl)
{
	char path[] = "/tmp/cr-ner-model-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(cr_ner_model_save_with(path, w, bits, 0, cl), CR_OK);
	cr_ner_model *m = NULL;
	assert_int_equal(cr_ner_model_load(path, &m), CR_OK);
	unlink(path);
	return m;
}

/* The names that weights cw with clusters cl (NULL: none) give a, as a
 * malloc'd copy of its mentions, their count in *n; tags (a->n_toks
 * bytes) gets the tags. */
static cr_mention *names_of_weights(const cr_ner_weights *cw,
                                    const cr_ner_clusters *cl, cr_article *a,
                                    uint8_t *tags, uint32_t *n)
{
	assert_int_equal(cr_ner_tag_with(cw, cl, a, tags, NULL, NULL, NULL),
	                 CR_OK);
	assert_int_equal(cr_entities_from_tags(a, tags), CR_OK);
	*n = a->n_ments;
	cr_mention *want = malloc((*n ? *n : 1) * sizeof *want);
	assert_non_null(want);
	memcpy(want, a->ments, *n * sizeof *want);
	return want;
}

/* A loaded model scores as the weights it was saved from: with integer
 * weights up to 32767 the 16-bit rows are exact, so the names found by
 * cr_ner_find() equal those from cr_ner_tag() on the float weights. A
 * third of the rows are empty, so stored rows sit at every place of the
 * loaded model's row bitmap and a row miscounted there would show. */
static void test_loaded_model_scores_as_weights(void **state)
{
	(void)state;
	const uint32_t bits = CR_NER_MIN_BITS;
	size_t rows = (size_t)1 << bits;
	float *w = calloc(rows * CR_NER_N_TAGS, sizeof *w);
	assert_non_null(w);
	uint64_t x = 0x2545F4914F6CDD1Dull;
	for (size_t r = 0; r < rows; r++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		if (x >> 62 == 0)
			continue; /* an empty row */
		for (int t = 0; t < CR_NER_N_TAGS; t++) {
			x = x * 6364136223846793005ull + 1442695040888963407ull;
			w[r * CR_NER_N_TAGS + t] =
			        (float)((int32_t)(x >> 49) - 16384);
		}
	}
	w[5 * CR_NER_N_TAGS + 3] = 32767; /* scale 1: weights kept exact */
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = tokens_of(
	        an, "Harbour master Ilse Vantongeren said on Tuesday that "
	            "the Port of Kessendorf would reopen. President Marot "
	            "of France told reporters in Lyon that Vantongeren had "
	            "briefed the Ministry of Transport. The Kessendorf "
	            "dockers' union, led by Pieter Aalst, said it would "
	            "wait for the ministry's written answer.");
	uint8_t *tags = malloc(a->n_toks);
	assert_non_null(tags);
	cr_ner_weights cw = {.w = w, .bits = bits};
	uint32_t n;
	cr_mention *want = names_of_weights(&cw, NULL, a, tags, &n);
	assert_true(n >= 3);

	cr_ner_model *m = saved_model(w, bits, NULL);
	assert_int_equal(cr_ner_find(m, a), CR_OK);
	cr_test_same_mentions(a, want, n);
	cr_ner_model_free(m);
	free(want);
	free(tags);
	cr_article_destroy(a);
	cr_analyzer_free(an);
	free(w);
}

/* Writes text to a fresh temporary file whose name goes to path. */
static void write_temp(char *path, const char *text)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A lexicon word never seen in training is tagged like the lexicon's
 * words of its kind, and the lexicon travels inside the saved model: a
 * town learnt as a place makes an unseen town listed as a place a
 * place, where the same training without the lexicon leaves it out. A
 * malformed lexicon is refused and leaves the words as they were. */
static void test_lexicon_generalises(void **state)
{
	(void)state;
	char cpath[] = "/tmp/cr-ner-clusters-XXXXXX";
	char lpath[] = "/tmp/cr-ner-lexicon-XXXXXX";
	write_temp(cpath, "1001011\tperhaps\t300\n"
	                  "1001011\tmeanwhile\t90\n");
	/* 16: a place (kind 1) written alone (unit, bit 0 of its 4). */
	write_temp(lpath, "16\tdunmore\n16\tardee\n16\ttullow\n"
	                  "16\tballinrobe\n");
	cr_analyzer *an = cr_analyzer_new();
	cr_article *tr = tokens_of(an, "Dunmore flooded overnight. Perhaps "
	                               "the river rose. Ardee stayed dry. "
	                               "Officials said little. Tullow lost "
	                               "power. Rain fell again.");
	cr_article *te = tokens_of(an, "Ballinrobe shivered. Meanwhile ice "
	                               "formed. Reid shivered.");
	uint8_t gold[32] = {0}, tags[32];
	assert_true(tr->n_toks <= 32);
	for (uint32_t i = 0; i < tr->n_toks; i++)
		gold[i] = !strcmp(tr->toks[i].norm, "dunmore") ||
		                          !strcmp(tr->toks[i].norm, "ardee") ||
		                          !strcmp(tr->toks[i].norm, "tullow")
		                  ? 3
		                  : 0;
	const uint32_t bits = 14;
	size_t n = ((size_t)1 << bits) * CR_NER_N_TAGS;
	float *w = calloc(n, sizeof *w);
	assert_non_null(w);
	cr_ner_weights cw = {.w = w, .bits = bits};
	for (int with = 0; with < 2; with++) {
		cr_ner_clusters *cl = NULL;
		assert_int_equal(cr_ner_clusters_read(cpath, &cl), CR_OK);
		if (with)
			assert_int_equal(cr_ner_clusters_add_lexicon(cl, lpath),
			                 CR_OK);
		memset(w, 0, n * sizeof *w);
		for (int epoch = 0; epoch < 5; epoch++)
			assert_int_equal(cr_ner_tag_with(&cw, cl, tr, tags,
			                                 gold,
			                                 update_toward_gold, w),
			                 CR_OK);
		assert_int_equal(
		        cr_ner_tag_with(&cw, cl, te, tags, NULL, NULL, NULL),
		        CR_OK);
		assert_int_equal(tags[0], with ? 3 : 0); /* Ballinrobe */
		assert_int_equal(tags[3], 0);            /* Meanwhile */
		assert_int_equal(tags[7], 0);            /* Reid */
		if (with) {
			cr_ner_model *m = saved_model(w, bits, cl);
			assert_int_equal(cr_ner_find(m, te), CR_OK);
			assert_int_equal(cr_test_mentions(te, "Ballinrobe",
			                                  CR_ENT_PLACE),
			                 1);
			assert_int_equal(te->n_ments, 1);
			cr_ner_model_free(m);
			FILE *f = fopen(lpath, "w");
			assert_non_null(f);
			fputs("16 ballinrobe\n", f);
			fclose(f);
			assert_int_equal(cr_ner_clusters_add_lexicon(cl, lpath),
			                 CR_EFORMAT);
			assert_int_equal(cr_ner_tag_with(&cw, cl, te, tags,
			                                 NULL, NULL, NULL),
			                 CR_OK);
			assert_int_equal(tags[0], 3); /* the lexicon kept */
		}
		cr_ner_clusters_free(cl);
	}
	unlink(cpath);
	unlink(lpath);
	cr_article_destroy(tr);
	cr_article_destroy(te);
	cr_analyzer_free(an);
	free(w);
}

/* Word clusters let a name never seen in training be tagged like the
 * names of its cluster, and they travel inside the saved model: a town
 * learnt as a place makes an unseen town of the same cluster a place,
 * in the float weights and in the loaded 16-bit model alike. A
 * malformed cluster file is refused. */
static void test_clusters_generalise(void **state)
{
	(void)state;
	char cpath[] = "/tmp/cr-ner-clusters-XXXXXX";
	write_temp(cpath, "0110101\tdunmore\t40\n"
	                  "0110101\tkelby\t12\n"
	                  "1001011\tperhaps\t300\n"
	                  "1001011\tmeanwhile\t90\n");
	cr_ner_clusters *cl = NULL;
	assert_int_equal(cr_ner_clusters_read(cpath, &cl), CR_OK);
	const uint32_t bits = 14;
	size_t n = ((size_t)1 << bits) * CR_NER_N_TAGS;
	float *w = calloc(n, sizeof *w);
	assert_non_null(w);
	cr_analyzer *an = cr_analyzer_new();
	cr_article *tr = tokens_of(an, "Dunmore flooded overnight. Perhaps "
	                               "the river rose. Dunmore stayed dry "
	                               "once. Perhaps not.");
	uint8_t gold[32] = {0}, tags[32];
	assert_true(tr->n_toks <= 32);
	for (uint32_t i = 0; i < tr->n_toks; i++)
		gold[i] = !strcmp(tr->toks[i].norm, "dunmore") ? 3 : 0;
	cr_ner_weights cw = {.w = w, .bits = bits};
	for (int epoch = 0; epoch < 5; epoch++)
		assert_int_equal(cr_ner_tag_with(&cw, cl, tr, tags, gold,
		                                 update_toward_gold, w),
		                 CR_OK);
	cr_article *te = tokens_of(an, "Kelby shivered. Meanwhile ice "
	                               "formed.");
	assert_int_equal(cr_ner_tag_with(&cw, cl, te, tags, NULL, NULL, NULL),
	                 CR_OK);
	assert_int_equal(tags[0], 3); /* Kelby: a place */
	assert_int_equal(tags[3], 0); /* Meanwhile: no name */

	cr_ner_model *m = saved_model(w, bits, cl);
	assert_int_equal(cr_ner_find(m, te), CR_OK);
	assert_int_equal(cr_test_mentions(te, "Kelby", CR_ENT_PLACE), 1);
	assert_int_equal(te->n_ments, 1);
	cr_ner_model_free(m);

	cr_ner_clusters_free(cl);
	cl = NULL;
	FILE *f = fopen(cpath, "w");
	assert_non_null(f);
	fputs("01x1\tdunmore\t40\n", f);
	fclose(f);
	assert_int_equal(cr_ner_clusters_read(cpath, &cl), CR_EFORMAT);
	assert_null(cl);
	unlink(cpath);
	cr_article_destroy(tr);
	cr_article_destroy(te);
	cr_analyzer_free(an);
	free(w);
}

/* One scratch serves article after article: each gets the names it
 * gets alone, whether the article before it was longer (its tables then
 * hold the old article's words), shorter, or so long that the scratch
 * gave its buffers back (CR_NER_SCRATCH_KEEP). The articles share names
 * in other cases and places, so the memory of one article leaking into
 * the next would change tags. */
static void test_scratch_serves_each_article_alone(void **state)
{
	(void)state;
	cr_ner_model *m = shipped_model();
	if (!m)
		return;
	cr_analyzer *an = cr_analyzer_new();
	assert_non_null(an);
	const char *para =
	        "Marit Lunde of Halvorsen Shipping told Reuters in Oslo that "
	        "Lunde expected approval. HALVORSEN SHIPPING SHARES FALL. ";
	size_t plen = strlen(para), reps = 400;
	char *big = malloc(plen * reps + 1);
	assert_non_null(big);
	for (size_t k = 0; k < reps; k++)
		memcpy(big + k * plen, para, plen);
	big[plen * reps] = '\0';
	const char *texts[] = {
	        big,
	        "Lunde said halvorsen would wait. Shipping in Oslo slowed.",
	        "Oslo port chief Lunde met Halvorsen executives on Monday, "
	        "and Reuters said Shipping Minister Ola Berg joined them.",
	        big,
	        "LUNDE AND BERG IN OSLO. Berg said the lunde family agreed.",
	};
	cr_ner_scratch *sc = cr_ner_scratch_new();
	assert_non_null(sc);
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		cr_article *alone = tokens_of(an, texts[t]);
		assert_int_equal(cr_ner_find(m, alone), CR_OK);
		cr_article *a = tokens_of(an, texts[t]);
		assert_int_equal(cr_ner_find_with(m, sc, a), CR_OK);
		assert_true(a->n_ments > 0);
		cr_test_same_mentions(a, alone->ments, alone->n_ments);
		cr_article_destroy(a);
		cr_article_destroy(alone);
	}
	cr_ner_scratch_free(sc);
	free(big);
	cr_analyzer_free(an);
	cr_ner_model_free(m);
}

/* The loaded model shares the work of a word's repeats (its form:
 * the same bytes, norm and case), and must score every token as the
 * weights do: a word written in several ways ("harbour", "Harbour",
 * "HARBOUR", "Harbour's") keeps its own shape, affixes, clusters and
 * lexicon bits, whichever way came first. Random weights make every
 * feature count, so a form mixed up with another changes the names. */
static void test_repeated_words_score_as_weights(void **state)
{
	(void)state;
	char cpath[] = "/tmp/cr-ner-clusters-XXXXXX";
	write_temp(cpath, "0110101\tharbour\t40\n"
	                  "0110100\tvantongeren\t12\n"
	                  "1001011\tsaid\t300\n"
	                  "1001010\tpilots\t90\n"
	                  "111\tfees\t30\n");
	char lpath[] = "/tmp/cr-ner-lexicon-XXXXXX";
	write_temp(lpath, "1\tvantongeren\n"
	                  "4096\tharbour\n"
	                  "65536\tkessendorf\n");
	cr_ner_clusters *cl = NULL;
	assert_int_equal(cr_ner_clusters_read(cpath, &cl), CR_OK);
	assert_int_equal(cr_ner_clusters_add_lexicon(cl, lpath), CR_OK);
	unlink(cpath);
	unlink(lpath);
	const uint32_t bits = CR_NER_MIN_BITS;
	size_t rows = (size_t)1 << bits;
	float *w = calloc(rows * CR_NER_N_TAGS, sizeof *w);
	assert_non_null(w);
	uint64_t x = 0x9E3779B97F4A7C15ull;
	for (size_t k = 0; k < rows * CR_NER_N_TAGS; k++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		w[k] = (float)((int32_t)(x >> 50) - 8192);
	}
	w[7 * CR_NER_N_TAGS + 2] = 32767; /* scale 1: weights kept exact */
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = tokens_of(
	        an, "Harbour master Ilse Vantongeren said the harbour at "
	            "Kessendorf would reopen on Monday. HARBOUR PILOTS "
	            "WALK OUT. Pilots said Harbour's fees had doubled, and "
	            "Vantongeren's office said harbour fees at KESSENDORF "
	            "and Kessendorf's outer harbour would fall. \"Harbour "
	            "fees are fair,\" Vantongeren said; the pilots said no.");
	uint8_t *tags = malloc(a->n_toks);
	assert_non_null(tags);
	cr_ner_weights cw = {.w = w, .bits = bits};
	uint32_t n;
	cr_mention *want = names_of_weights(&cw, cl, a, tags, &n);
	assert_true(n >= 5);

	cr_ner_model *m = saved_model(w, bits, cl);
	/* Every tag, not only the names: most scored words are in lower
	 * case, and names need a capital. */
	uint8_t *got = malloc(a->n_toks);
	assert_non_null(got);
	assert_int_equal(cr_ner_tag_model(m, a, got), CR_OK);
	assert_memory_equal(got, tags, a->n_toks);
	free(got);
	assert_int_equal(cr_ner_find(m, a), CR_OK);
	cr_test_same_mentions(a, want, n);
	cr_ner_model_free(m);
	cr_ner_clusters_free(cl);
	free(want);
	free(tags);
	cr_article_destroy(a);
	cr_analyzer_free(an);
	free(w);
}

static void count_calls(void *ud, const uint32_t *feats, uint32_t n, int gold,
                        int pred)
{
	(void)feats;
	(void)n;
	(void)gold;
	(void)pred;
	++*(uint32_t *)ud;
}

/* With weights that make every scored token a one-word place, the
 * tokens the tagger skips show as outside: lower-case words with no name
 * open before them. Words with a capital and a sentence's first word
 * are scored. Training (an update function) scores all. */
static void test_skips_plain_stretches(void **state)
{
	(void)state;
	const uint32_t bits = CR_NER_MIN_BITS;
	size_t rows = (size_t)1 << bits;
	float *w = calloc(rows * CR_NER_N_TAGS, sizeof *w);
	assert_non_null(w);
	for (size_t r = 0; r < rows; r++)
		w[r * CR_NER_N_TAGS + 8] = 1; /* unit of a place */
	cr_analyzer *an = cr_analyzer_new();
	cr_article *a = tokens_of(an, "dockers at the quay in Brackmoor voted "
	                              "on eBay to end their long overtimeBan "
	                              "strike on Thursday.");
	uint8_t tags[32];
	assert_true(a->n_toks <= 32);
	cr_ner_weights cw = {.w = w, .bits = bits};
	assert_int_equal(cr_ner_tag(&cw, a, tags, NULL, NULL, NULL), CR_OK);
	/* A capital anywhere in a word has it scored: "eBay", and
	 * "overtimeBan" past its first 8 bytes. */
	static const char *const scored[] = {"dockers", "brackmoor", "ebay",
	                                     "overtimeban", "thursday"};
	for (uint32_t i = 0; i < a->n_toks; i++) {
		int want = 0;
		for (size_t k = 0; k < sizeof scored / sizeof *scored; k++)
			want |= !strcmp(a->toks[i].norm, scored[k]);
		assert_int_equal(tags[i], want ? 3 : 0);
	}
	uint32_t calls = 0;
	uint8_t gold[32] = {0};
	assert_int_equal(cr_ner_tag(&cw, a, tags, gold, count_calls, &calls),
	                 CR_OK);
	assert_int_equal(calls, a->n_toks);
	cr_article_destroy(a);
	cr_analyzer_free(an);
	free(w);
}

/* Without a model the analyzer falls back to rules and says nothing:
 * the library never prints; the caller asks cr_analyzer_has_model(). */
static void test_missing_model_is_silent(void **state)
{
	(void)state;
	const char *old = getenv("CR_MODEL_DIR");
	char *saved = old ? strdup(old) : NULL;
	setenv("CR_MODEL_DIR", "/nonexistent-crossread-models", 1);
	fflush(stderr);
	int keep = dup(2);
	FILE *tmp = tmpfile();
	assert_true(keep >= 0 && tmp);
	dup2(fileno(tmp), 2);
	cr_analyzer *an = cr_analyzer_new();
	fflush(stderr);
	dup2(keep, 2);
	close(keep);
	long written =
	        ftell(tmp) >= 0 ? (fseek(tmp, 0, SEEK_END), ftell(tmp)) : -1;
	fclose(tmp);
	if (saved) {
		setenv("CR_MODEL_DIR", saved, 1);
		free(saved);
	} else {
		unsetenv("CR_MODEL_DIR");
	}
	assert_non_null(an);
	assert_false(cr_analyzer_has_model(an));
	assert_int_equal(written, 0);
	cr_article *a = cr_test_body("t", "Minister Aino Lehto visited Oslo.");
	assert_int_equal(cr_analyze(an, a), CR_OK);
	assert_int_equal(cr_test_mentions(a, "Oslo", CR_ENT_PLACE), 1);
	cr_article_destroy(a);
	cr_analyzer_free(an);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_types_of_wire_names),
	        cmocka_unit_test(test_titles_cut_and_possessive),
	        cmocka_unit_test(test_analyzer_uses_model),
	        cmocka_unit_test(test_learn_save_load),
	        cmocka_unit_test(test_loaded_model_scores_as_weights),
	        cmocka_unit_test(test_repeated_words_score_as_weights),
	        cmocka_unit_test(test_clusters_generalise),
	        cmocka_unit_test(test_lexicon_generalises),
	        cmocka_unit_test(test_whole_names_one_type),
	        cmocka_unit_test(test_skips_plain_stretches),
	        cmocka_unit_test(test_scratch_serves_each_article_alone),
	        cmocka_unit_test(test_missing_model_is_silent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * ner.c - named entities by a learnt tagger: greedy averaged perceptron.
 *
 * Each token gets hashed features (its word, shape, prefixes and
 * suffixes, the words and shapes around it, the two tags before it, the
 * gazetteers of text/entity.c, the word clusters of it and its
 * neighbours (path prefixes of 4, 6, 10 and 20 bits, learnt from
 * unlabelled news by tools/ner-clusters), the lexicon bits of it and its
 * neighbours (the capitalised lemmas of WordNet, listed by
 * tools/train-ner), and document evidence: whether
 * the word is written in lower case or capitalised mid-sentence elsewhere
 * in the article, and the type it was last tagged with in an earlier
 * sentence). The tag is the argmax of the summed weight rows over all
 * BILOU tags, unconstrained by the tag before (training learns the
 * transitions; forcing them ran names on). Greedy left-to-right decoding
 * keeps the tagger linear and lets later tokens see earlier decisions,
 * which is what the document memory needs. At run time a token with no
 * capital letter, not opening a clause and with no name open, is outside
 * without scoring (surely_outside); only tokens next to a scored one get
 * their costly features (detail), whose cluster and gazetteer slots are
 * prefetched while the article is first read (prepare). With the loaded
 * model, the tokens of one form (same bytes, norm and case) share their
 * values and the summed rows of the features that read that token only
 * (score_fast): news repeats its words. The loaded model keeps only the
 * weight rows training set, in feature row order, one cache line each,
 * found by counting the bits of a bitmap of the rows set (small enough
 * to stay in cache; the popcount instruction is used where the processor
 * has it), and all the rows of a token are asked for before any is
 * added, so that their cache misses overlap; the rows of the features
 * that read only the tags before a token are summed at load (hist); the
 * gazetteers are one hash set built at load (cr_gazetteer_new), which
 * also names the tags (cr_entities_from_tags_with). Rows are summed as
 * integers, which is exact and in any order, so the loaded model tags
 * as the weights it was saved from (tests/unit/text/ner_test.c).
 *
 * Assumes the tokenizer's contract (text/token.h): norms are case-folded,
 * "Biden's" is one token with norm "biden's". Scratch memory is malloc'd
 * per call and freed, so nothing but the mentions lands in the arena.
 * The model file is little-endian: "CRNER003", bits, tag count, scale
 * (float bits), deflated length, row count, word count, then deflated:
 * the rows' feature numbers (uint32), their 16-bit weights
 * (CR_NER_N_TAGS each), and per word its hash (uint64), cluster path
 * (uint32), path length (one byte) and lexicon bits (uint32). The older
 * formats are still read: "CRNER002" (the same without lexicon bits)
 * and "CRNER001" (28-byte header, every row of the 2^bits table).
 */
#include "text/ner.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include <zlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/entity.h"

#define NER_MAGIC_DENSE        "CRNER001"
#define NER_MAGIC_V2           "CRNER002"
#define NER_MAGIC              "CRNER003"
#define NER_HEADER_BYTES_DENSE 28
#define NER_HEADER_BYTES       32
/* Bytes of one word of the cluster section: hash, path, depth, and in
 * the third format lexicon bits. */
#define NER_WORD_BYTES_V2 13
#define NER_WORD_BYTES    17
/* Longest cluster path and line of a cluster file; most words. */
#define NER_MAX_DEPTH 30
#define NER_MAX_LINE  4096
#define NER_MAX_WORDS (1u << 22)
/* Cluster path prefixes used as features (Ratinov & Roth 2009). */
static const uint32_t NER_PREFIX[] = {4, 6, 10, 20};
#define NER_N_PREFIX 4
/* Bytes of a word used for prefix and suffix features. */
#define NER_AFFIX 4
/* Bytes of a word's shape. */
#define NER_SHAPE 16
/* Kinds of name in a lexicon: 4 bits each (unit, begin, inside, last). */
#define NER_LEX_TYPES 8
/* Features that read the tags before a token (hist_features()). */
#define NER_HIST_FEATS 5
/* Values a tag before a token has in the history features: a model tag,
 * or 31 before the sentence (hist_slot()). */
#define NER_HIST_TAGS (CR_NER_N_TAGS + 1)
#define NER_NO_TAG    31
/* Weights a ranked row takes room for: one cache line (64 bytes, the
 * 34 of a row padded), so that finding a row never touches two lines;
 * the rows are read in no useful order, so the padding wastes no cache. */
#define NER_ROW_STRIDE 32
/* Whether the x86-64 popcount instruction, outside the baseline the
 * build targets, may be chosen at run time for finding rows. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__POPCNT__)
#define NER_POPCNT_DISPATCH 1
#else
#define NER_POPCNT_DISPATCH 0
#endif

/* The loaded model keeps only the rows training touched (about a tenth
 * of 2^bits): 4 MB of rows where the dense table took 35 MB. While the
 * file is read they are found by open addressing, which catches a row
 * stored twice; then they are put in feature row order and found by
 * counting bits (see has and before). */
/* Word clusters by word hash (the tagger's key of a word). */
struct ner_word {
	uint64_t key; /* 0 = empty */
	uint32_t path;
	uint8_t depth;
	uint32_t lex; /* lexicon bits (cr_ner_clusters_add_lexicon) */
};
struct cr_ner_clusters {
	uint32_t sbits, n;
	struct ner_word *slot;
};

struct cr_ner_model {
	cr_ner_clusters cl; /* empty when the model has none */
	uint32_t bits;      /* feature hash bits */
	uint32_t sbits;     /* log2 of the slot count */
	uint32_t n_rows;    /* rows stored */
	struct ner_slot {
		uint32_t key; /* 1 + feature row, 0 = empty */
		uint32_t row; /* index into rows */
	} * slot;             /* while the file is read; NULL after */
	int16_t *rows; /* n_rows rows of CR_NER_N_TAGS weights, NER_ROW_STRIDE
	                * apart once ranked */
	/* Bit f of has is set when feature row f is stored (while the file
	 * is read). Once loaded, rows are in feature row order and the
	 * slots and has are freed: rank[w] holds word w of has and the
	 * count of rows stored below feature row 64 w, so a row's place is
	 * a count of bits in one cache line, and the 2^bits / 4 bytes stay
	 * in cache where the slots missed it on every feature. */
	uint64_t *has;
	struct ner_rank {
		uint64_t has;    /* word w of has */
		uint64_t before; /* rows stored below feature row 64 w */
	} * rank;
	cr_gazetteer *gaz; /* text/entity.c's tables as one hash set */
	int popcnt;        /* the processor has the popcount instruction */
	/* hist[t2][t1]: the summed rows of the features that read nothing
	 * but the tags before a token (F_BIAS, F_T1, F_T2T1), t1 and t2 as
	 * hist_slot() numbers them; built at load (model_hist()), so the
	 * tagger adds one row where it looked up three. */
	int32_t hist[NER_HIST_TAGS][NER_HIST_TAGS][CR_NER_N_TAGS];
};

/* Per-token values computed once per article. */
typedef struct tokf {
	uint64_t w;      /* hash of the bare norm */
	uint64_t shape;  /* hash of the shape: Xxxx, XX, dd-dd */
	uint64_t sshape; /* same, runs collapsed: Xx */
	uint32_t len;    /* bytes of the bare norm */
	uint32_t cl;     /* cluster path, cld bits */
	uint32_t lex;    /* lexicon bits of the word */
	uint8_t cld;     /* 0 = no cluster */
	uint16_t gaz;
	uint8_t cap;   /* capitalised word */
	uint8_t plain; /* no capital letter anywhere: "strike" "412" "," */
	uint8_t full;  /* shapes, cluster and gazetteer are set */
	uint8_t poss;  /* ends in 's */
	uint8_t ev;    /* document evidence of its word, EV_ bits */
	uint32_t form; /* 1 + its entry in the forms (form_of()), 0 = none */
} tokf;

enum { EV_LOWER = 1, EV_CAP_MID = 2 };

/* Document evidence and memory of one word (doc_slot()). */
typedef struct dslot {
	uint32_t cl;  /* cluster path, when has_cl */
	uint32_t lex; /* lexicon bits, when has_cl */
	uint16_t gaz; /* gazetteer bits, when has_gaz */
	uint8_t has_gaz;
	uint8_t has_cl;
	uint8_t cld; /* cluster path length, 0: none */
	uint8_t ev;
	uint8_t last; /* 1 + type it was last tagged with, 0 = never */
} dslot;

/* The words of an article by hash: the keys apart from their values,
 * so that only the keys are zeroed per article, a third of the bytes. */
typedef struct doc {
	uint64_t *key; /* 0 = empty */
	dslot *t;      /* t[h] is set where key[h] is */
	size_t mask;
} doc;

/* Groups of feature rows that read one token only, whose sums a form
 * keeps (score_fast()): the token's own, and those it gives the token
 * after it (as its word before) and the token before it (as its word
 * after). */
enum { G_SELF, G_LEFT, G_RIGHT, G_COUNT };

/* One form of a word in the article: tokens with the same norm, bytes
 * and case flags have the same per-token values (tokf) and the same
 * group rows, so these are computed for the first such token (tok) and
 * shared; news repeats most words, so most tokens find their form done. */
typedef struct form {
	uint32_t tok;       /* a token of this form, the first detailed */
	uint8_t has;        /* bit g: sum[g] and n[g] are set */
	uint8_t n[G_COUNT]; /* features in each group */
	int32_t sum[G_COUNT][CR_NER_N_TAGS]; /* their summed weight rows */
} form;

/* The forms of one article, found by open addressing on the word hash
 * and compared byte for byte (same_form()). Only the compact model's
 * run has them (tag_doc()): training reads tokf only. */
typedef struct forms {
	form *e;
	uint32_t n;
	uint32_t *slot; /* 1 + index into e, 0 = empty */
	size_t mask;
} forms;

/* Token flags that tokf reads of a token itself. */
#define NER_FORM_FLAGS (CR_TOK_WORD | CR_TOK_CAP | CR_TOK_UPPER)

/* Feature templates: each is mixed into the hash of its value. */
enum {
	F_BIAS = 1,
	F_W0,
	F_SH0,
	F_SSH0,
	F_PRE,
	F_SUF = F_PRE + NER_AFFIX,
	F_WM1 = F_SUF + NER_AFFIX,
	F_WP1,
	F_WM2,
	F_WP2,
	F_SHM1,
	F_SHP1,
	F_SHM1_SH0,
	F_SH0_SHP1,
	F_WM1_W0,
	F_W0_WP1,
	F_T1,
	F_T2T1,
	F_T1_W0,
	F_T1_SH0,
	F_INIT_SH0,
	F_INIT_W0,
	F_HEAD_SH0,
	F_HEAD_W0,
	F_EV,
	F_EV_W0,
	F_MEM,
	F_MEM_SH0,
	F_GAZ0,
	F_GAZM1,
	F_GAZP1,
	F_POSS,
	F_WM1_SH0,
	F_SH0_WP1,
	F_T1_WM1,
	F_SSHM1_SSH0_SSHP1,
	F_CL0,
	F_CLM1 = F_CL0 + NER_N_PREFIX,
	F_CLP1 = F_CLM1 + NER_N_PREFIX,
	F_LEX0 = F_CLP1 + NER_N_PREFIX,
	F_LEXM1,
	F_LEXP1,
};

static uint64_t mix(uint64_t tmpl, uint64_t v)
{
	uint64_t x = v ^ (tmpl * 0x9E3779B97F4A7C15ull);
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

static uint64_t hstr(const char *s, size_t n)
{
	uint64_t h = XXH3_64bits(s, n);
	return h ? h : 1;
}

/* The hashes of the shapes of the len bytes at s into *shape and, with
 * runs of a class collapsed to one ("Xx" for "Harbour"), *sshape: X
 * upper, x lower, d digit, other ASCII bytes as they are, bytes of
 * non-ASCII letters as x; each shape has at most NER_SHAPE classes. */
static void shapes_of(const char *s, size_t len, uint64_t *shape,
                      uint64_t *sshape)
{
	char out[NER_SHAPE], col[NER_SHAPE];
	size_t n = 0, m = 0;
	for (size_t i = 0; i < len && (n < NER_SHAPE || m < NER_SHAPE); i++) {
		unsigned char ch = (unsigned char)s[i];
		char c = ch >= 'A' && ch <= 'Z'   ? 'X'
		         : ch >= 'a' && ch <= 'z' ? 'x'
		         : ch >= '0' && ch <= '9' ? 'd'
		         : ch >= 0x80             ? 'x'
		                                  : (char)ch;
		if (ch >= 0x80 && ch < 0xC0)
			continue; /* continuation byte: one letter */
		if (n < NER_SHAPE)
			out[n++] = c;
		if (m < NER_SHAPE && !(m && col[m - 1] == c))
			col[m++] = c;
	}
	*shape = hstr(out, n);
	*sshape = hstr(col, m);
}

/* The cluster of word hash key, or NULL. */
static const struct ner_word *cluster_of(const cr_ner_clusters *c, uint64_t key)
{
	if (!c || !c->slot)
		return NULL;
	uint32_t mask = (1u << c->sbits) - 1;
	for (uint32_t h = (uint32_t)(key >> 32) & mask;; h = (h + 1) & mask) {
		if (c->slot[h].key == key)
			return &c->slot[h];
		if (!c->slot[h].key)
			return NULL;
	}
}

/* Allocates room for n words in c, at most half full. */
static cr_err clusters_alloc(cr_ner_clusters *c, uint32_t n)
{
	c->sbits = 4;
	while (((size_t)1 << c->sbits) < 2 * (size_t)n)
		c->sbits++;
	c->n = 0;
	c->slot = calloc((size_t)1 << c->sbits, sizeof *c->slot);
	return c->slot ? CR_OK : CR_ENOMEM;
}

/* Adds word hash key with its path and lexicon bits; a word already
 * there keeps its first path and gains the bits. */
static void clusters_put(cr_ner_clusters *c, uint64_t key, uint32_t path,
                         uint8_t depth, uint32_t lex)
{
	uint32_t mask = (1u << c->sbits) - 1;
	uint32_t h = (uint32_t)(key >> 32) & mask;
	while (c->slot[h].key && c->slot[h].key != key)
		h = (h + 1) & mask;
	if (c->slot[h].key) {
		c->slot[h].lex |= lex;
		return;
	}
	c->slot[h] = (struct ner_word){key, path, depth, lex};
	c->n++;
}

static int is_poss(const char *n, size_t len)
{
	return len > 2 && n[len - 2] == '\'' && n[len - 1] == 's';
}

/* The values of word hash key in d, all 0 when the word is new (it is
 * then added: d has room for every word of the article). */
static dslot *doc_slot(const doc *d, uint64_t key)
{
	size_t h = (size_t)key & d->mask;
	while (d->key[h] && d->key[h] != key)
		h = (h + 1) & d->mask;
	if (!d->key[h]) {
		d->key[h] = key;
		memset(&d->t[h], 0, sizeof d->t[h]);
	}
	return &d->t[h];
}

/* 1 when token i of sentence [s0, s1) starts a clause whose first word
 * is capitalised by position: sentence start, or after a quote mark,
 * a dash or a colon. */
static int initial_at(const cr_article *a, uint32_t i, uint32_t s0)
{
	if (i == s0)
		return 1;
	const cr_token *p = &a->toks[i - 1];
	if (p->flags & CR_TOK_QUOTE)
		return 1;
	return (p->flags & CR_TOK_PUNCT) && p->norm &&
	       (p->norm[0] == '-' || p->norm[0] == ':') && !p->norm[1];
}

/* 1 when the sentence [s0, s1) has no lower-case word: a headline. */
static int all_upper(const cr_article *a, uint32_t s0, uint32_t s1)
{
	int words = 0;
	for (uint32_t i = s0; i < s1; i++) {
		uint16_t f = a->toks[i].flags;
		if (!(f & CR_TOK_WORD))
			continue;
		words++;
		if (!(f & CR_TOK_CAP))
			return 0;
		if (!(f & CR_TOK_UPPER) && a->toks[i].span.len > 1)
			return 0;
	}
	return words > 0;
}

/* 1 when tokens i and j of a have the same form: the same bytes, norm
 * and the flags tokf reads, so every value tokf holds of them is the
 * same. */
static int same_form(const cr_article *a, uint32_t i, uint32_t j)
{
	const cr_token *x = &a->toks[i], *y = &a->toks[j];
	if (x->span.len != y->span.len ||
	    ((x->flags ^ y->flags) & NER_FORM_FLAGS))
		return 0;
	if (memcmp(a->body + x->span.off, a->body + y->span.off, x->span.len))
		return 0;
	const char *nx = x->norm ? x->norm : "";
	const char *ny = y->norm ? y->norm : "";
	return nx == ny || !strcmp(nx, ny);
}

/* The form of token i (tf[i].w set), made with token i as its token
 * when the article had none yet; fm has room for one form per token,
 * so a new form always fits. */
static form *form_of(const cr_article *a, tokf *tf, forms *fm, uint32_t i)
{
	if (tf[i].form)
		return &fm->e[tf[i].form - 1];
	size_t h = (size_t)(tf[i].w >> 24) & fm->mask;
	for (; fm->slot[h]; h = (h + 1) & fm->mask) {
		form *e = &fm->e[fm->slot[h] - 1];
		if (same_form(a, i, e->tok)) {
			tf[i].form = fm->slot[h];
			return e;
		}
	}
	form *e = &fm->e[fm->n++];
	e->tok = i;
	e->has = 0;
	fm->slot[h] = fm->n;
	tf[i].form = fm->n;
	return e;
}

/* The hashes of the first and last 1 to NER_AFFIX bytes of the bare
 * norm of token i (tf[i].len set), for the affix features: only the
 * token scored reads them, so they are not kept in tokf. */
static void affixes(const cr_article *a, const tokf *tf, uint32_t i,
                    uint64_t *pre, uint64_t *suf)
{
	const char *n = a->toks[i].norm ? a->toks[i].norm : "";
	size_t len = tf[i].len;
	for (size_t k = 0; k < NER_AFFIX; k++) {
		size_t m = k + 1 < len ? k + 1 : len;
		pre[k] = hstr(n, m);
		suf[k] = hstr(n + len - m, m);
	}
}

/* Sets the costly values of token i (shapes, cluster, lexicon
 * and gazetteer bits) once, when a token at most one away is scored:
 * most tokens never are (surely_outside). The cluster and gazetteer
 * values of a word are looked up once per document and kept in d; the
 * gazetteer through the hash set gz when it is set, else through
 * cr_entity_gazetteer(), which gives the same bits. With forms fm, a
 * token whose form was detailed before copies the values (its word's
 * slot of d is then set already). */
static void detail(const cr_article *a, tokf *tf, const doc *d, forms *fm,
                   const cr_ner_clusters *cl, const cr_gazetteer *gz,
                   uint32_t i)
{
	tokf *f = &tf[i];
	if (f->full)
		return;
	f->full = 1;
	if (fm) {
		form *e = form_of(a, tf, fm, i);
		const tokf *g = &tf[e->tok];
		if (e->tok != i && g->full) {
			f->shape = g->shape;
			f->sshape = g->sshape;
			f->cl = g->cl;
			f->lex = g->lex;
			f->cld = g->cld;
			f->gaz = g->gaz;
			return;
		}
		e->tok = i;
	}
	/* The cluster table is megabytes: one probe per word of the
	 * article, not per token, spares most of its cache misses. */
	dslot *ds = doc_slot(d, f->w);
	if (!ds->has_cl) {
		const struct ner_word *cw = cluster_of(cl, f->w);
		ds->cl = cw ? cw->path : 0;
		ds->cld = cw ? cw->depth : 0;
		ds->lex = cw ? cw->lex : 0;
		ds->has_cl = 1;
	}
	f->cl = ds->cl;
	f->cld = ds->cld;
	f->lex = ds->lex;
	const cr_token *t = &a->toks[i];
	const char *n = t->norm ? t->norm : "";
	size_t len = f->len;
	shapes_of(a->body + t->span.off, t->span.len, &f->shape, &f->sshape);
	char key[64];
	if (!(t->flags & CR_TOK_WORD) || len >= sizeof key)
		return;
	if (!ds->has_gaz) {
		if (gz) {
			/* The word hash is the set's, but where hstr() moved
			 * it off 0. */
			uint64_t h = f->w != 1 ? f->w : XXH3_64bits(n, len);
			ds->gaz = (uint16_t)cr_gazetteer_bits_hashed(gz, n, len,
			                                             h);
		} else {
			memcpy(key, n, len);
			key[len] = '\0';
			ds->gaz = (uint16_t)cr_entity_gazetteer(key);
		}
		ds->has_gaz = 1;
	}
	f->gaz = ds->gaz;
}

/* 1 when one of the len bytes at s is an ASCII capital letter; room
 * bytes from s may be read (room >= len). On little-endian machines
 * 8 bytes are tested at a time, those past len masked to 0 (no
 * capital): a byte below 0x80 is in 'A'..'Z' when its value subtracted
 * from 'Z' + 1 + 127 and added to 127 - ('A' - 1) both reach 128, and
 * neither sum carries into the next byte. */
static int has_capital(const char *s, size_t len, size_t room)
{
	size_t k = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ull;
	const uint64_t tops = 0x8080808080808080ull;
	for (; k < len && k + 8 <= room; k += 8) {
		uint64_t x;
		memcpy(&x, s + k, 8);
		if (len - k < 8)
			x &= ((uint64_t)1 << 8 * (len - k)) - 1;
		uint64_t low = x & ones * 127;
		if ((ones * (127 + 'Z' + 1) - low) & ~x &
		    (low + ones * (127 - ('A' - 1))) & tops)
			return 1;
	}
#endif
	for (; k < len; k++)
		if (s[k] >= 'A' && s[k] <= 'Z')
			return 1;
	return 0;
}

/* Asks for the cluster and gazetteer slots of the word of f, which
 * detail() will read: the tables are megabytes, and the misses of the
 * whole article overlap here instead of stalling the tagger one by
 * one. */
static void prefetch_word(const tokf *f, const cr_ner_clusters *cl,
                          const cr_gazetteer *gz)
{
	if (cl && cl->slot)
		__builtin_prefetch(&cl->slot[(uint32_t)(f->w >> 32) &
		                             ((1u << cl->sbits) - 1)]);
	cr_gazetteer_prefetch(gz, f->w);
}

/* Computes the cheap per-token values (word hash, case, possessive) and
 * the document evidence; detail() adds the rest where needed, and its
 * table slots are prefetched (clusters cl, gazetteer gz, either NULL)
 * for the tokens it will likely see: those with a capital and their
 * neighbours. */
static void prepare(const cr_article *a, tokf *tf, doc *d, uint8_t *head,
                    const cr_ner_clusters *cl, const cr_gazetteer *gz)
{
	for (uint32_t si = 0; si < a->n_sents; si++) {
		const cr_sentence *st = &a->sents[si];
		uint32_t s1 = st->tok_end < a->n_toks ? st->tok_end : a->n_toks;
		head[si] = (uint8_t)all_upper(a, st->tok_begin, s1);
		for (uint32_t i = st->tok_begin; i < s1; i++) {
			const cr_token *t = &a->toks[i];
			tokf *f = &tf[i];
			const char *n = t->norm ? t->norm : "";
			size_t len = strlen(n);
			memset(f, 0, sizeof *f);
			f->poss = (uint8_t)is_poss(n, len);
			if (f->poss)
				len -= 2;
			f->len = (uint32_t)len;
			f->w = hstr(n, len);
			const char *raw = a->body + t->span.off;
			size_t rl = t->span.len;
			f->cap = (t->flags & CR_TOK_WORD) &&
			         (t->flags & CR_TOK_CAP);
			f->plain =
			        !(t->flags & (CR_TOK_CAP | CR_TOK_UPPER)) &&
			        !has_capital(raw, rl,
			                     t->span.off <= a->body_len
			                             ? a->body_len - t->span.off
			                             : rl);
			if (!f->plain ||
			    (i > st->tok_begin && !tf[i - 1].plain))
				prefetch_word(f, cl, gz);
			if (!f->plain && i > st->tok_begin)
				prefetch_word(&tf[i - 1], cl, gz);
			if (t->flags & CR_TOK_WORD) {
				uint8_t ev = 0;
				if (!f->cap)
					ev = EV_LOWER;
				else if (!head[si] &&
				         !initial_at(a, i, st->tok_begin))
					ev = EV_CAP_MID;
				if (ev) {
					doc_slot(d, f->w)->ev |= ev;
				}
			}
		}
	}
	for (uint32_t i = 0; i < a->n_toks; i++)
		if (a->toks[i].flags & CR_TOK_WORD)
			tf[i].ev = doc_slot(d, tf[i].w)->ev;
}

/* Appends to out[n..) the feature rows of token i of sentence [s0, s1)
 * that read its neighbours' words and shapes beside its own, its place
 * in the sentence and the document's memory of its word, stopping at
 * limit rows; returns the new count. features() and score_fast() both
 * take these rows from here, so training and the fast path cannot part. */
static uint32_t pair_features(const cr_article *a, const tokf *tf, const doc *d,
                              uint32_t i, uint32_t s0, uint32_t s1, int head,
                              uint32_t *out, uint32_t n, uint32_t limit,
                              uint32_t mask)
{
	const tokf *f = &tf[i];
	const uint64_t BOS = 0x5eed0001, EOS = 0x5eed0002;
	uint64_t wm1 = i > s0 ? tf[i - 1].w : BOS;
	uint64_t wm2 = i > s0 + 1 ? tf[i - 2].w : BOS;
	uint64_t wp1 = i + 1 < s1 ? tf[i + 1].w : EOS;
	uint64_t wp2 = i + 2 < s1 ? tf[i + 2].w : EOS;
	uint64_t shm1 = i > s0 ? tf[i - 1].shape : BOS;
	uint64_t shp1 = i + 1 < s1 ? tf[i + 1].shape : EOS;
	uint64_t sshm1 = i > s0 ? tf[i - 1].sshape : BOS;
	uint64_t sshp1 = i + 1 < s1 ? tf[i + 1].sshape : EOS;
	int init = initial_at(a, i, s0);
	uint64_t sh = f->shape;
#define PAIR(tmpl, v)                                                          \
	do {                                                                   \
		if (n < limit)                                                 \
			out[n++] = (uint32_t)mix((tmpl), (v)) & mask;          \
	} while (0)
	PAIR(F_WM2, wm2);
	PAIR(F_WP2, wp2);
	PAIR(F_SHM1_SH0, shm1 * 31 + sh);
	PAIR(F_SH0_SHP1, sh * 31 + shp1);
	PAIR(F_WM1_W0, wm1 * 31 + f->w);
	PAIR(F_W0_WP1, f->w * 31 + wp1);
	PAIR(F_WM1_SH0, wm1 * 31 + sh);
	PAIR(F_SH0_WP1, sh * 31 + wp1);
	PAIR(F_SSHM1_SSH0_SSHP1, (sshm1 * 31 + f->sshape) * 31 + sshp1);
	if (init) {
		PAIR(F_INIT_SH0, sh);
		PAIR(F_INIT_W0, f->w);
	}
	if (head) {
		PAIR(F_HEAD_SH0, sh);
		PAIR(F_HEAD_W0, f->w);
	}
	if (f->cap) {
		uint64_t ev = (uint64_t)f->ev * 4 + (uint64_t)init * 2 +
		              (uint64_t)head;
		PAIR(F_EV, ev);
		PAIR(F_EV_W0, f->w * 64 + ev);
		const dslot *m = doc_slot(d, f->w);
		if (m->last) {
			PAIR(F_MEM, m->last);
			PAIR(F_MEM_SH0, sh * 16 + m->last);
		}
	}
#undef PAIR
	return n;
}

/* The feature rows of token i of sentence [s0, s1) that do not read the
 * tags before it (hist_features() adds those). Returns the count written
 * to out, at most CR_NER_MAX_FEATS - NER_HIST_FEATS. */
static uint32_t features(const cr_article *a, tokf *tf, const doc *d, forms *fm,
                         const cr_ner_clusters *cl, const cr_gazetteer *gz,
                         uint32_t i, uint32_t s0, uint32_t s1, int head,
                         uint32_t *out, uint32_t mask)
{
	uint32_t n = 0;
	for (uint32_t k = i > s0 ? i - 1 : i; k < s1 && k <= i + 1; k++)
		detail(a, tf, d, fm, cl, gz, k);
	const tokf *f = &tf[i];
	const uint64_t BOS = 0x5eed0001, EOS = 0x5eed0002;
	uint64_t wm1 = i > s0 ? tf[i - 1].w : BOS;
	uint64_t wp1 = i + 1 < s1 ? tf[i + 1].w : EOS;
	uint64_t shm1 = i > s0 ? tf[i - 1].shape : BOS;
	uint64_t shp1 = i + 1 < s1 ? tf[i + 1].shape : EOS;
	uint64_t sh = f->shape;

#define ADD(tmpl, v)                                                           \
	do {                                                                   \
		if (n < CR_NER_MAX_FEATS - NER_HIST_FEATS)                     \
			out[n++] = (uint32_t)mix((tmpl), (v)) & mask;          \
	} while (0)
	uint64_t pre[NER_AFFIX], suf[NER_AFFIX];
	affixes(a, tf, i, pre, suf);
	ADD(F_BIAS, 0);
	ADD(F_W0, f->w);
	ADD(F_SH0, sh);
	ADD(F_SSH0, f->sshape);
	for (uint32_t k = 0; k < NER_AFFIX; k++) {
		ADD(F_PRE + k, pre[k]);
		ADD(F_SUF + k, suf[k]);
	}
	ADD(F_WM1, wm1);
	ADD(F_WP1, wp1);
	ADD(F_SHM1, shm1);
	ADD(F_SHP1, shp1);
	n = pair_features(a, tf, d, i, s0, s1, head, out, n,
	                  CR_NER_MAX_FEATS - NER_HIST_FEATS, mask);
	for (uint32_t b = 0; b < 16; b++) {
		if (f->gaz & (1u << b))
			ADD(F_GAZ0, b);
		if (i > s0 && (tf[i - 1].gaz & (1u << b)))
			ADD(F_GAZM1, b);
		if (i + 1 < s1 && (tf[i + 1].gaz & (1u << b)))
			ADD(F_GAZP1, b);
	}
	if (f->poss)
		ADD(F_POSS, 1);
	/* Lexicon bits: the token's own with its case; a neighbour's by
	 * kind of name only. */
	for (uint32_t b = 0; f->lex >> b; b++)
		if (f->lex >> b & 1)
			ADD(F_LEX0, b * 2 + f->cap);
	for (uint32_t k = 0; k < NER_LEX_TYPES; k++) {
		if (i > s0 && (tf[i - 1].lex >> (4 * k) & 15))
			ADD(F_LEXM1, k);
		if (i + 1 < s1 && (tf[i + 1].lex >> (4 * k) & 15))
			ADD(F_LEXP1, k);
	}
	if (cl) {
		const tokf *nb[3] = {f, i > s0 ? &tf[i - 1] : NULL,
		                     i + 1 < s1 ? &tf[i + 1] : NULL};
		static const uint32_t base[3] = {F_CL0, F_CLM1, F_CLP1};
		for (int k = 0; k < 3; k++) {
			if (!nb[k] || !nb[k]->cld)
				continue;
			for (uint32_t j = 0; j < NER_N_PREFIX; j++) {
				uint32_t l = NER_PREFIX[j] < nb[k]->cld
				                     ? NER_PREFIX[j]
				                     : nb[k]->cld;
				uint64_t p = nb[k]->cl >> (nb[k]->cld - l);
				ADD(base[k] + j, p << 5 | l);
			}
		}
	}
#undef ADD
	return n;
}

/* The NER_HIST_WORD_FEATS feature rows of token i of sentence s0.. that
 * read the model tag before it, t1, with a word or shape: unlike the
 * rest of hist_features() they cannot be summed at load. */
#define NER_HIST_WORD_FEATS 3
static void hist_word_features(const tokf *tf, uint32_t i, uint32_t s0,
                               uint64_t t1, uint32_t *out, uint32_t mask)
{
	const uint64_t BOS = 0x5eed0001;
	uint64_t wm1 = i > s0 ? tf[i - 1].w : BOS;
	out[0] = (uint32_t)mix(F_T1_W0, tf[i].w * 32 + t1) & mask;
	out[1] = (uint32_t)mix(F_T1_SH0, tf[i].shape * 32 + t1) & mask;
	out[2] = (uint32_t)mix(F_T1_WM1, wm1 * 32 + t1) & mask;
}

/* The NER_HIST_FEATS feature rows of token i of sentence s0.. that read
 * the two model tags before it, t1 and t2 (NER_NO_TAG before the
 * sentence). */
static void hist_features(const tokf *tf, uint32_t i, uint32_t s0, uint64_t t1,
                          uint64_t t2, uint32_t *out, uint32_t mask)
{
	_Static_assert(NER_HIST_FEATS == 2 + NER_HIST_WORD_FEATS,
	               "two history features read tags only");
	out[0] = (uint32_t)mix(F_T1, t1) & mask;
	out[1] = (uint32_t)mix(F_T2T1, t2 * 32 + t1) & mask;
	hist_word_features(tf, i, s0, t1, out + 2, mask);
}

/* The index of model tag t (or NER_NO_TAG) in cr_ner_model.hist. */
static uint32_t hist_slot(uint64_t t)
{
	return t == NER_NO_TAG ? CR_NER_N_TAGS : (uint32_t)t;
}

/* The BIO tag (0, 1 + 2k begins, 2 + 2k goes on) of a model tag. Model
 * tags are BILOU: 0 is outside; type k has begin 1 + 4k, inside 2 + 4k,
 * last 3 + 4k and unit 4 + 4k. */
static uint8_t to_bio(int t)
{
	if (!t)
		return 0;
	int k = (t - 1) / 4, pos = (t - 1) % 4;
	return (uint8_t)(pos == 0 || pos == 3 ? 1 + 2 * k : 2 + 2 * k);
}

/* The model tag of BIO tag g whose next BIO tag in its sentence is next
 * (0 at the end). */
static int from_bio(int g, int next)
{
	if (!g || g >= 9)
		return 0;
	int k = (g - 1) / 2;
	int cont = next == 2 + 2 * k;
	if (g % 2 == 1)
		return cont ? 1 + 4 * k : 4 + 4 * k;
	return cont ? 2 + 4 * k : 3 + 4 * k;
}

/* 1 when token i of sentence [s0, s1) cannot be part of a name, so the
 * tagger need not score it: it and both neighbours have no capital
 * letter, it does not start a clause, and no name is open before it
 * (prev, the model tag before it, is outside, last or unit). On CoNLL
 * dev this skips most tokens and costs no F1 (bench/ner-eval). */
static int surely_outside(const cr_article *a, const tokf *tf, uint32_t i,
                          uint32_t s0, int prev)
{
	if (!tf[i].plain)
		return 0;
	if (prev && (prev - 1) % 4 < 2)
		return 0;
	return !initial_at(a, i, s0);
}

/* The slot where feature row f is or would go. */
static uint32_t slot_of(const cr_ner_model *m, uint32_t f)
{
	return (uint32_t)((f * 0x9E3779B1u) >> (32 - m->sbits));
}

/* The stored row of feature row f while the model is filled (m->slot
 * set), or NULL when training never set it; ranked_row() after. */
static const int16_t *model_row(const cr_ner_model *m, uint32_t f)
{
	uint32_t mask = (1u << m->sbits) - 1;
	for (uint32_t h = slot_of(m, f);; h = (h + 1) & mask) {
		const struct ner_slot *sl = &m->slot[h];
		if (sl->key == f + 1)
			return m->rows + (size_t)sl->row * CR_NER_N_TAGS;
		if (!sl->key)
			return NULL;
	}
}

/* The set bits of x. By hand: __builtin_popcountll() is a library
 * call where the target has no popcount instruction (x86-64 baseline). */
static inline uint32_t bit_count(uint64_t x)
{
	x = x - (x >> 1 & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + (x >> 2 & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (uint32_t)(x * 0x0101010101010101ull >> 56);
}

/* Defines name(), which puts the rows of the loaded model m
 * (model_rank() done) of feats[0..n) that training set into rows and
 * returns their count, with count() counting the set bits of 64: a row's
 * place is the rows before its word of has plus the set bits below it
 * in the word. Each row is asked for (prefetched) as it is found, so
 * that the cache misses overlap before any is read. */
#define NER_FIND_ROWS(name, attr, count)                                       \
	attr static uint32_t name(const cr_ner_model *m,                       \
	                          const uint32_t *feats, uint32_t n,           \
	                          const int16_t **rows)                        \
	{                                                                      \
		uint32_t nr = 0;                                               \
		for (uint32_t k = 0; k < n; k++) {                             \
			uint32_t f = feats[k];                                 \
			const struct ner_rank *e = &m->rank[f >> 6];           \
			uint64_t bit = (uint64_t)1 << (f & 63);                \
			if (!(e->has & bit))                                   \
				continue;                                      \
			size_t r = (size_t)e->before +                         \
			           (size_t)count(e->has & (bit - 1));          \
			const int16_t *row = m->rows + r * NER_ROW_STRIDE;     \
			__builtin_prefetch(row);                               \
			rows[nr++] = row;                                      \
		}                                                              \
		return nr;                                                     \
	}

NER_FIND_ROWS(find_rows_plain, , bit_count)
#if NER_POPCNT_DISPATCH
NER_FIND_ROWS(find_rows_popcnt, __attribute__((target("popcnt"))),
              __builtin_popcountll)
#endif

/* The rows of feats[0..n) found as fast as the processor allows. */
static uint32_t ner_find_rows(const cr_ner_model *m, const uint32_t *feats,
                              uint32_t n, const int16_t **rows)
{
#if NER_POPCNT_DISPATCH
	if (m->popcnt)
		return find_rows_popcnt(m, feats, n, rows);
#endif
	return find_rows_plain(m, feats, n, rows);
}

/* Adds the CR_NER_N_TAGS weights of each of rows[0..n) to s. With SSE2
 * (every x86-64) the sums stay in four vector registers, 16 weights
 * widened to 32 bits per row, instead of going through memory per row. */
static void add_row_set(int32_t *restrict s, const int16_t *const *rows,
                        uint32_t n)
{
	_Static_assert(CR_NER_N_TAGS >= 16, "a row holds 16 weights and more");
#if defined(__SSE2__)
	__m128i a0 = _mm_loadu_si128((const __m128i *)s);
	__m128i a1 = _mm_loadu_si128((const __m128i *)(s + 4));
	__m128i a2 = _mm_loadu_si128((const __m128i *)(s + 8));
	__m128i a3 = _mm_loadu_si128((const __m128i *)(s + 12));
	for (uint32_t k = 0; k < n; k++) {
		const int16_t *row = rows[k];
		__m128i x = _mm_loadu_si128((const __m128i *)row);
		__m128i y = _mm_loadu_si128((const __m128i *)(row + 8));
		/* Each 16-bit weight paired with itself and shifted down
		 * is the weight sign-extended to 32 bits. */
		a0 = _mm_add_epi32(
		        a0, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
		a1 = _mm_add_epi32(
		        a1, _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
		a2 = _mm_add_epi32(
		        a2, _mm_srai_epi32(_mm_unpacklo_epi16(y, y), 16));
		a3 = _mm_add_epi32(
		        a3, _mm_srai_epi32(_mm_unpackhi_epi16(y, y), 16));
		for (int t = 16; t < CR_NER_N_TAGS; t++)
			s[t] += row[t];
	}
	_mm_storeu_si128((__m128i *)s, a0);
	_mm_storeu_si128((__m128i *)(s + 4), a1);
	_mm_storeu_si128((__m128i *)(s + 8), a2);
	_mm_storeu_si128((__m128i *)(s + 12), a3);
#else
	for (uint32_t k = 0; k < n; k++)
		for (int t = 0; t < CR_NER_N_TAGS; t++)
			s[t] += rows[k][t];
#endif
}

/* Adds the rows of the loaded model m of feats[0..n) (n at most
 * CR_NER_MAX_FEATS) to s. */
static void sum_rows(const cr_ner_model *m, const uint32_t *feats, uint32_t n,
                     int32_t *s)
{
	const int16_t *rows[CR_NER_MAX_FEATS];
	add_row_set(s, rows, ner_find_rows(m, feats, n, rows));
}

/* Adds the summed rows of feats[0..n) to score, read from the compact
 * model m when it is set, else from w. */
static void add_rows(const cr_ner_weights *w, const cr_ner_model *m,
                     const uint32_t *feats, uint32_t n, float *score)
{
	int32_t s[CR_NER_N_TAGS] = {0};
	if (m) {
		sum_rows(m, feats, n, s);
	} else if (w->q) {
		/* The rows are scattered over megabytes: asking for all of
		 * them first overlaps the cache misses. */
		for (uint32_t k = 0; k < n; k++)
			__builtin_prefetch(w->q +
			                   (size_t)feats[k] * CR_NER_N_TAGS);
		for (uint32_t k = 0; k < n; k++) {
			const int16_t *row =
			        w->q + (size_t)feats[k] * CR_NER_N_TAGS;
			for (int t = 0; t < CR_NER_N_TAGS; t++)
				s[t] += row[t];
		}
	} else {
		for (uint32_t k = 0; k < n; k++) {
			const float *row =
			        w->w + (size_t)feats[k] * CR_NER_N_TAGS;
			for (int t = 0; t < CR_NER_N_TAGS; t++)
				score[t] += row[t];
		}
		return;
	}
	for (int t = 0; t < CR_NER_N_TAGS; t++)
		score[t] += (float)s[t];
}

/* The buffers of tag_doc() (see struct run), in a cr_ner_scratch. */
enum { SB_TF, SB_KEY, SB_DSLOT, SB_HEAD, SB_MT, SB_FORM, SB_FSLOT, SB_COUNT };

struct cr_ner_scratch {
	void *buf[SB_COUNT];
	size_t cap[SB_COUNT]; /* bytes of buf[k] */
};

cr_ner_scratch *cr_ner_scratch_new(void)
{
	return calloc(1, sizeof(cr_ner_scratch));
}

/* Gives back the buffers of s larger than keep bytes. */
static void scratch_trim(cr_ner_scratch *s, size_t keep)
{
	for (int k = 0; k < SB_COUNT; k++)
		if (s->cap[k] > keep) {
			free(s->buf[k]);
			s->buf[k] = NULL;
			s->cap[k] = 0;
		}
}

void cr_ner_scratch_free(cr_ner_scratch *s)
{
	if (!s)
		return;
	scratch_trim(s, 0);
	free(s);
}

/* Buffer k of s with room for n bytes (n > 0), zeroed when zero; NULL
 * when out of memory. A buffer grows to the next power of two, so that
 * articles a little longer than the last do not each reallocate. */
static void *scratch_get(cr_ner_scratch *s, int k, size_t n, int zero)
{
	if (n > s->cap[k]) {
		size_t cap = 64;
		while (cap < n)
			cap *= 2;
		free(s->buf[k]);
		s->buf[k] = malloc(cap);
		s->cap[k] = s->buf[k] ? cap : 0;
		if (!s->buf[k])
			return NULL;
	}
	if (zero)
		memset(s->buf[k], 0, n);
	return s->buf[k];
}

/* What one call of tag_doc() reads and writes. */
typedef struct run {
	const cr_ner_weights *w;
	const cr_ner_model *m;
	const cr_ner_clusters *cl;
	const cr_article *a;
	const uint8_t *gold;
	cr_ner_update_fn update;
	void *ud;
	tokf *tf;
	doc d;
	forms fm;      /* with the compact model and no learner, else empty */
	uint8_t *head; /* per sentence: all_upper() */
	uint8_t *mt;   /* model tags */
	uint32_t mask; /* feature rows - 1 */
} run;

/* The tag with the best score (the first of equals). */
static int best_tag(const float *score)
{
	int best = 0;
	for (int t = 1; t < CR_NER_N_TAGS; t++)
		if (score[t] > score[best])
			best = t;
	return best;
}

/* 1 when model tag t is a begin or inside: a name goes on after it. */
static int is_open(int t)
{
	return t && (t - 1) % 4 < 2;
}

/* 1 when model tag t is an inside or last: it goes on with a name. */
static int goes_on(int t)
{
	return t && (t - 1) % 4 >= 1 && (t - 1) % 4 <= 2;
}

/* Gives each name of the sentence [s0, s1) of model tags mt one type: a
 * name starts at any tag but outside and goes on through each inside or
 * last that follows a begin or inside, whatever their types, and it
 * takes the type of its last token, which heads it ("Harlan Street
 * Bridge" is the bridge). Unconstrained tags may change type inside a
 * name, which would cut it in two (held-out F1 +0.010). */
static void one_type(uint8_t *mt, uint32_t s0, uint32_t s1)
{
	for (uint32_t i = s0; i < s1;) {
		if (!mt[i]) {
			i++;
			continue;
		}
		uint32_t j = i + 1;
		while (j < s1 && is_open(mt[j - 1]) && goes_on(mt[j]))
			j++;
		int k = (mt[j - 1] - 1) / 4;
		for (uint32_t x = i; x < j; x++)
			mt[x] = (uint8_t)(1 + 4 * k + (mt[x] - 1) % 4);
		i = j;
	}
}

/* The feature rows of group g (G_SELF, G_LEFT, G_RIGHT) that the
 * detailed token i of a gives: exactly those features() makes of it as
 * the token scored, the word before it or the word after it, with has_cl
 * when the model has clusters. Returns the count written to out (at
 * most CR_NER_MAX_FEATS: 65 for G_SELF, 30 for the others). */
static uint32_t group_feats(const cr_article *a, const tokf *tf, uint32_t i,
                            int g, int has_cl, uint32_t *out, uint32_t mask)
{
	const tokf *f = &tf[i];
	uint32_t n = 0;
#define PUT(tmpl, v) (out[n++] = (uint32_t)mix((tmpl), (v)) & mask)
	if (g == G_SELF) {
		PUT(F_BIAS, 0);
		PUT(F_W0, f->w);
		PUT(F_SH0, f->shape);
		PUT(F_SSH0, f->sshape);
		uint64_t pre[NER_AFFIX], suf[NER_AFFIX];
		affixes(a, tf, i, pre, suf);
		for (uint32_t k = 0; k < NER_AFFIX; k++) {
			PUT(F_PRE + k, pre[k]);
			PUT(F_SUF + k, suf[k]);
		}
		for (uint32_t b = 0; b < 16; b++)
			if (f->gaz & (1u << b))
				PUT(F_GAZ0, b);
		if (f->poss)
			PUT(F_POSS, 1);
		for (uint32_t b = 0; f->lex >> b; b++)
			if (f->lex >> b & 1)
				PUT(F_LEX0, b * 2 + f->cap);
	} else {
		int left = g == G_LEFT;
		PUT(left ? F_WM1 : F_WP1, f->w);
		PUT(left ? F_SHM1 : F_SHP1, f->shape);
		for (uint32_t b = 0; b < 16; b++)
			if (f->gaz & (1u << b))
				PUT(left ? F_GAZM1 : F_GAZP1, b);
		for (uint32_t k = 0; k < NER_LEX_TYPES; k++)
			if (f->lex >> (4 * k) & 15)
				PUT(left ? F_LEXM1 : F_LEXP1, k);
	}
	if (has_cl && f->cld) {
		uint32_t base = g == G_SELF   ? F_CL0
		                : g == G_LEFT ? F_CLM1
		                              : F_CLP1;
		for (uint32_t j = 0; j < NER_N_PREFIX; j++) {
			uint32_t l =
			        NER_PREFIX[j] < f->cld ? NER_PREFIX[j] : f->cld;
			uint64_t p = f->cl >> (f->cld - l);
			PUT(base + j, p << 5 | l);
		}
	}
#undef PUT
	return n;
}

/* A group of rows being summed for a form (group_start()): its rows
 * are found and asked for, and added by group_finish() once the rest of
 * the token's rows are asked for too, so that their cache misses
 * overlap. */
typedef struct group_job {
	form *e; /* NULL: the form had the sum already */
	int g;   /* G_SELF, G_LEFT or G_RIGHT */
	uint32_t nr;
	const int16_t *rows[CR_NER_MAX_FEATS];
} group_job;

/* Starts the sum of group g of detailed token i for its form, when the
 * form has none yet, into j; the feature count goes to *n. */
static void group_start(run *r, uint32_t i, int g, uint32_t *n, group_job *j)
{
	form *e = form_of(r->a, r->tf, &r->fm, i);
	j->e = NULL;
	j->g = g;
	if (!(e->has & 1u << g)) {
		uint32_t feats[CR_NER_MAX_FEATS];
		uint32_t k = group_feats(r->a, r->tf, i, g, r->cl != NULL,
		                         feats, r->mask);
		/* The bias row, first of G_SELF, is in the model's
		 * history table (score_fast()); it still counts. */
		uint32_t skip = g == G_SELF;
		j->nr = ner_find_rows(r->m, feats + skip, k - skip, j->rows);
		j->e = e;
		e->n[g] = (uint8_t)k;
	}
	*n = e->n[g];
}

/* Adds the rows group_start() found into the form's sum; returns the
 * sum. */
static const int32_t *group_finish(run *r, uint32_t i, group_job *j)
{
	if (j->e) {
		memset(j->e->sum[j->g], 0, sizeof j->e->sum[j->g]);
		add_row_set(j->e->sum[j->g], j->rows, j->nr);
		j->e->has |= (uint8_t)(1u << j->g);
		return j->e->sum[j->g];
	}
	return form_of(r->a, r->tf, &r->fm, i)->sum[j->g];
}

/* The best tag of token i of sentence [s0, s1) as features(),
 * hist_features(), add_rows() and best_tag() find it with the compact
 * model, where the rows of the groups that read one token come summed
 * from its form, those of the bias and tags before it from the model's
 * history table, and only the rest are looked up. The sums are compared
 * as integers: under 2^24 in magnitude (at most CR_NER_MAX_FEATS rows
 * of 16 bits), they order as their float values do. Returns -1 when the
 * token has more features than features() keeps: which it drops
 * depends on their order, so the caller scores it the long way. */
static int score_fast(run *r, uint32_t i, uint32_t s0, uint32_t s1, int head,
                      uint64_t t1, uint64_t t2)
{
	const cr_article *a = r->a;
	tokf *tf = r->tf;
	const doc *d = &r->d;
	uint32_t mask = r->mask;
	for (uint32_t k = i > s0 ? i - 1 : i; k < s1 && k <= i + 1; k++)
		detail(a, tf, d, &r->fm, r->cl, r->m->gaz, k);
	const uint64_t BOS = 0x5eed0001, EOS = 0x5eed0002;
	uint32_t feats[CR_NER_MAX_FEATS];
	uint32_t n = 0, ns = 0, nl = 0, nr = 0;
	/* Every row of the token is asked for before any is added. */
	group_job js, jl, jr;
	group_start(r, i, G_SELF, &ns, &js);
	if (i > s0)
		group_start(r, i - 1, G_LEFT, &nl, &jl);
	if (i + 1 < s1)
		group_start(r, i + 1, G_RIGHT, &nr, &jr);
#define PUT(tmpl, v) (feats[n++] = (uint32_t)mix((tmpl), (v)) & mask)
	/* At the sentence's edges the neighbour groups are these two. */
	if (i == s0) {
		PUT(F_WM1, BOS);
		PUT(F_SHM1, BOS);
	}
	if (i + 1 >= s1) {
		PUT(F_WP1, EOS);
		PUT(F_SHP1, EOS);
	}
	n = pair_features(a, tf, d, i, s0, s1, head, feats, n, CR_NER_MAX_FEATS,
	                  mask);
#undef PUT
	int fits = ns + nl + nr + n <= CR_NER_MAX_FEATS - NER_HIST_FEATS;
	const int16_t *rows[CR_NER_MAX_FEATS];
	uint32_t nrows = 0;
	if (fits) {
		hist_word_features(tf, i, s0, t1, feats + n, mask);
		n += NER_HIST_WORD_FEATS;
		nrows = ner_find_rows(r->m, feats, n, rows);
	}
	static const int32_t none[CR_NER_N_TAGS];
	const int32_t *gs = group_finish(r, i, &js);
	const int32_t *gl = i > s0 ? group_finish(r, i - 1, &jl) : none;
	const int32_t *gr = i + 1 < s1 ? group_finish(r, i + 1, &jr) : none;
	if (!fits)
		return -1;
	_Static_assert((int64_t)CR_NER_MAX_FEATS * 32767 < (1 << 24),
	               "sums are exact as floats");
	const int32_t *gh = r->m->hist[hist_slot(t2)][hist_slot(t1)];
	int32_t s[CR_NER_N_TAGS];
	for (int t = 0; t < CR_NER_N_TAGS; t++)
		s[t] = gs[t] + gl[t] + gr[t] + gh[t];
	add_row_set(s, rows, nrows);
	int best = 0;
	for (int t = 1; t < CR_NER_N_TAGS; t++)
		if (s[t] > s[best])
			best = t;
	return best;
}

/* Tags sentence si of r->a left to right into r->mt, calling the
 * learner at each scored token when training. Each token gets its best
 * tag, even one that BILOU forbids (an inside after an outside, an
 * outside after a begin, a type change inside a name): forcing a name
 * open to go on ran names on into "said on Monday" (held-out F1 +0.012),
 * and to_bio() reads any sequence once one_type() has given each name
 * one type (tag_doc()). The document memory learns the sentence's names
 * once it is tagged. */
static void tag_sentence(run *r, uint32_t si)
{
	const cr_article *a = r->a;
	const cr_sentence *st = &a->sents[si];
	uint32_t s0 = st->tok_begin;
	uint32_t s1 = st->tok_end < a->n_toks ? st->tok_end : a->n_toks;
	uint32_t feats[CR_NER_MAX_FEATS];
	uint8_t *mt = r->mt;
	for (uint32_t i = s0; i < s1; i++) {
		int prev = i > s0 ? mt[i - 1] : 0;
		/* Training scores every token: updates on the skipped
		 * ones still shape shared rows (bias, tag history), and
		 * dev F1 was 0.004 higher so. */
		if (!r->update && surely_outside(a, r->tf, i, s0, prev)) {
			mt[i] = 0;
			continue;
		}
		uint64_t t1 = i > s0 ? (uint64_t)prev : NER_NO_TAG;
		uint64_t t2 = i > s0 + 1 ? mt[i - 2] : NER_NO_TAG;
		uint32_t n = 0;
		int t = r->fm.e ? score_fast(r, i, s0, s1, r->head[si], t1, t2)
		                : -1;
		if (t < 0) {
			float sc[CR_NER_N_TAGS] = {0};
			n = features(a, r->tf, &r->d, r->fm.e ? &r->fm : NULL,
			             r->cl, r->m ? r->m->gaz : NULL, i, s0, s1,
			             r->head[si], feats, r->mask);
			hist_features(r->tf, i, s0, t1, t2, feats + n, r->mask);
			n += NER_HIST_FEATS;
			add_rows(r->w, r->m, feats, n, sc);
			t = best_tag(sc);
		}
		if (r->gold && r->update)
			r->update(r->ud, feats, n,
			          from_bio(r->gold[i],
			                   i + 1 < s1 ? r->gold[i + 1] : 0),
			          t);
		mt[i] = (uint8_t)t;
	}
	for (uint32_t i = s0; i < s1; i++)
		if (mt[i] && r->tf[i].cap) {
			doc_slot(&r->d, r->tf[i].w)->last =
			        (uint8_t)(1 + (mt[i] - 1) / 4);
		}
}

/* cr_ner_tag() with the weights of w, or of the compact model m when it
 * is set (then w is not read and there is no training). */
static cr_err tag_doc(const cr_ner_weights *w, const cr_ner_model *m,
                      cr_ner_scratch *sc, const cr_ner_clusters *cl,
                      const cr_article *a, uint8_t *tags, const uint8_t *gold,
                      cr_ner_update_fn update, void *ud)
{
	uint32_t bits = m ? m->bits : w->bits;
	if (m)
		cl = m->cl.n ? &m->cl : NULL;
	if (!a->n_toks)
		return CR_OK;
	cr_ner_scratch own = {0};
	cr_ner_scratch *s = sc ? sc : &own;
	size_t size = 64;
	while (size < 2 * (size_t)a->n_toks)
		size *= 2;
	size_t nt = a->n_toks;
	run r = {
	        .w = w,
	        .m = m,
	        .cl = cl,
	        .a = a,
	        .gold = gold,
	        .update = update,
	        .ud = ud,
	        .tf = scratch_get(s, SB_TF, nt * sizeof *r.tf, 0),
	        .d = {scratch_get(s, SB_KEY, size * sizeof *r.d.key, 1),
	              scratch_get(s, SB_DSLOT, size * sizeof *r.d.t, 0),
	              size - 1},
	        .head = scratch_get(s, SB_HEAD, a->n_sents ? a->n_sents : 1, 0),
	        .mt = scratch_get(s, SB_MT, nt, 1),
	        .mask = (1u << bits) - 1};
	cr_err e = CR_ENOMEM;
	if (!r.tf || !r.d.key || !r.d.t || !r.head || !r.mt)
		goto out;
	/* The forms pay off only where the rows come from the compact
	 * model; the learner changes the weights under them. */
	if (m && !update) {
		r.fm.e = scratch_get(s, SB_FORM, nt * sizeof *r.fm.e, 0);
		r.fm.slot =
		        scratch_get(s, SB_FSLOT, size * sizeof *r.fm.slot, 1);
		r.fm.mask = size - 1;
		if (!r.fm.e || !r.fm.slot)
			goto out;
	}
	prepare(a, r.tf, &r.d, r.head, cl, m ? m->gaz : NULL);
	for (uint32_t si = 0; si < a->n_sents; si++)
		tag_sentence(&r, si);
	/* After all sentences, so that training and the memory see the
	 * tags as chosen (held-out F1 as high, and simpler). */
	for (uint32_t si = 0; si < a->n_sents; si++)
		one_type(r.mt, a->sents[si].tok_begin,
		         a->sents[si].tok_end < a->n_toks ? a->sents[si].tok_end
		                                          : a->n_toks);
	for (uint32_t i = 0; i < a->n_toks; i++)
		tags[i] = to_bio(r.mt[i]);
	e = CR_OK;
out:
	scratch_trim(s, sc ? CR_NER_SCRATCH_KEEP : 0);
	return e;
}

cr_err cr_ner_tag(const cr_ner_weights *w, const cr_article *a, uint8_t *tags,
                  const uint8_t *gold, cr_ner_update_fn update, void *ud)
{
	if (!w || !a || !tags || (!w->w == !w->q) ||
	    w->bits < CR_NER_MIN_BITS || w->bits > CR_NER_MAX_BITS)
		return CR_EINVAL;
	return tag_doc(w, NULL, NULL, NULL, a, tags, gold, update, ud);
}

cr_err cr_ner_tag_with(const cr_ner_weights *w, const cr_ner_clusters *c,
                       const cr_article *a, uint8_t *tags, const uint8_t *gold,
                       cr_ner_update_fn update, void *ud)
{
	if (!w || !a || !tags || (!w->w == !w->q) ||
	    w->bits < CR_NER_MIN_BITS || w->bits > CR_NER_MAX_BITS)
		return CR_EINVAL;
	return tag_doc(w, NULL, NULL, c && c->n ? c : NULL, a, tags, gold,
	               update, ud);
}

cr_err cr_ner_clusters_read(const char *path, cr_ner_clusters **out)
{
	if (!path || !out)
		return CR_EINVAL;
	*out = NULL;
	FILE *f = fopen(path, "r");
	if (!f)
		return CR_EIO;
	cr_ner_clusters *c = calloc(1, sizeof *c);
	char line[NER_MAX_LINE];
	uint32_t lines = 0;
	cr_err e = c ? CR_OK : CR_ENOMEM;
	while (e == CR_OK && fgets(line, sizeof line, f))
		lines++;
	if (e == CR_OK && lines > NER_MAX_WORDS)
		e = CR_ETOOBIG;
	if (e == CR_OK)
		e = clusters_alloc(c, lines);
	rewind(f);
	/* "PATH\tWORD\tCOUNT": PATH is 0s and 1s, "-" for none. */
	while (e == CR_OK && fgets(line, sizeof line, f)) {
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t1 || !t2) {
			e = CR_EFORMAT;
			break;
		}
		size_t depth = line[0] == '-' ? 0 : (size_t)(t1 - line);
		uint32_t p = 0;
		for (size_t k = 0; k < depth && e == CR_OK; k++) {
			if ((line[k] != '0' && line[k] != '1') ||
			    depth > NER_MAX_DEPTH)
				e = CR_EFORMAT;
			p = p << 1 | (uint32_t)(line[k] == '1');
		}
		if (e == CR_OK && depth)
			clusters_put(c, hstr(t1 + 1, (size_t)(t2 - t1 - 1)), p,
			             (uint8_t)depth, 0);
	}
	fclose(f);
	if (e != CR_OK) {
		cr_ner_clusters_free(c);
		return e;
	}
	*out = c;
	return CR_OK;
}

void cr_ner_clusters_free(cr_ner_clusters *c)
{
	if (!c)
		return;
	free(c->slot);
	free(c);
}

cr_err cr_ner_clusters_add_lexicon(cr_ner_clusters *c, const char *path)
{
	if (!c || !path)
		return CR_EINVAL;
	FILE *f = fopen(path, "r");
	if (!f)
		return CR_EIO;
	char line[NER_MAX_LINE];
	size_t lines = 0;
	while (fgets(line, sizeof line, f))
		lines++;
	cr_err e = (size_t)c->n + lines > NER_MAX_WORDS ? CR_ETOOBIG : CR_OK;
	/* A table with room for both, the cluster words copied in. */
	cr_ner_clusters g = {0};
	if (e == CR_OK)
		e = clusters_alloc(&g, c->n + (uint32_t)lines);
	for (size_t h = 0; e == CR_OK && c->slot && h < ((size_t)1 << c->sbits);
	     h++)
		if (c->slot[h].key)
			clusters_put(&g, c->slot[h].key, c->slot[h].path,
			             c->slot[h].depth, c->slot[h].lex);
	rewind(f);
	/* "BITS\tWORD": BITS a decimal number. */
	while (e == CR_OK && fgets(line, sizeof line, f)) {
		char *end = NULL;
		unsigned long bits = strtoul(line, &end, 10);
		size_t wl = end && *end == '\t' ? strcspn(end + 1, "\r\n") : 0;
		if (!wl || bits > UINT32_MAX)
			e = CR_EFORMAT;
		else
			clusters_put(&g, hstr(end + 1, wl), 0, 0,
			             (uint32_t)bits);
	}
	fclose(f);
	if (e != CR_OK) {
		free(g.slot);
		return e;
	}
	free(c->slot);
	*c = g;
	return CR_OK;
}

cr_err cr_ner_tag_model(const cr_ner_model *m, const cr_article *a,
                        uint8_t *tags)
{
	if (!m || !a || (a->n_toks && (!a->toks || !tags)) ||
	    (a->n_sents && !a->sents))
		return CR_EINVAL;
	return tag_doc(NULL, m, NULL, NULL, a, tags, NULL, NULL, NULL);
}

cr_err cr_ner_find(const cr_ner_model *m, cr_article *a)
{
	return cr_ner_find_with(m, NULL, a);
}

cr_err cr_ner_find_with(const cr_ner_model *m, cr_ner_scratch *s, cr_article *a)
{
	if (!m || !a || (a->n_toks && !a->toks) || (a->n_sents && !a->sents))
		return CR_EINVAL;
	a->ments = NULL;
	a->n_ments = 0;
	if (!a->n_toks)
		return CR_OK;
	uint8_t *tags = malloc(a->n_toks);
	if (!tags)
		return CR_ENOMEM;
	cr_err e = tag_doc(NULL, m, s, NULL, a, tags, NULL, NULL, NULL);
	if (e == CR_OK)
		e = cr_entities_from_tags_with(a, tags, m->gaz);
	free(tags);
	return e;
}

static void put32(unsigned char *p, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		p[k] = (unsigned char)(v >> (8 * k));
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* The 16-bit value of float weight v at the given scale; weights under
 * cut in magnitude are 0. */
static int16_t quantise(float v, float scale, float cut)
{
	if (fabsf(v) < cut)
		return 0;
	long q = lroundf(v / scale);
	return (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

cr_err cr_ner_model_save(const char *path, const float *w, uint32_t bits,
                         float prune)
{
	return cr_ner_model_save_with(path, w, bits, prune, NULL);
}

cr_err cr_ner_model_save_with(const char *path, const float *w, uint32_t bits,
                              float prune, const cr_ner_clusters *c)
{
	if (!path || !w || bits < CR_NER_MIN_BITS || bits > CR_NER_MAX_BITS)
		return CR_EINVAL;
	size_t rows = (size_t)1 << bits;
	size_t n = rows * CR_NER_N_TAGS;
	float max = 0;
	for (size_t i = 0; i < n; i++)
		if (fabsf(w[i]) > max)
			max = fabsf(w[i]);
	float scale = max > 0 ? max / 32767.0f : 1.0f;
	float cut = prune * max;
	/* Only rows with a weight left are written: key, then weights. */
	size_t kept = 0;
	for (size_t r = 0; r < rows; r++)
		for (int t = 0; t < CR_NER_N_TAGS; t++)
			if (quantise(w[r * CR_NER_N_TAGS + t], scale, cut)) {
				kept++;
				break;
			}
	size_t row_bytes = 2 * CR_NER_N_TAGS;
	uint32_t nw = c ? c->n : 0;
	size_t raw_n = kept * (4 + row_bytes) + (size_t)nw * NER_WORD_BYTES;
	unsigned char *raw = malloc(raw_n ? raw_n : 1);
	uLongf zn = compressBound((uLong)raw_n);
	unsigned char *z = malloc(NER_HEADER_BYTES + zn);
	cr_err e = CR_ENOMEM;
	if (!raw || !z)
		goto out;
	size_t k = 0;
	for (size_t r = 0; r < rows && k < kept; r++) {
		int16_t q[CR_NER_N_TAGS];
		int any = 0;
		for (int t = 0; t < CR_NER_N_TAGS; t++)
			any |= (q[t] = quantise(w[r * CR_NER_N_TAGS + t], scale,
			                        cut)) != 0;
		if (!any)
			continue;
		put32(raw + 4 * k, (uint32_t)r);
		unsigned char *p = raw + 4 * kept + k * row_bytes;
		for (int t = 0; t < CR_NER_N_TAGS; t++) {
			uint16_t u = (uint16_t)q[t];
			p[2 * t] = (unsigned char)u;
			p[2 * t + 1] = (unsigned char)(u >> 8);
		}
		k++;
	}
	unsigned char *q = raw + kept * (4 + row_bytes);
	for (size_t h = 0; c && h < ((size_t)1 << c->sbits); h++) {
		const struct ner_word *cw = &c->slot[h];
		if (!cw->key)
			continue;
		put32(q, (uint32_t)cw->key);
		put32(q + 4, (uint32_t)(cw->key >> 32));
		put32(q + 8, cw->path);
		q[12] = cw->depth;
		put32(q + 13, cw->lex);
		q += NER_WORD_BYTES;
	}
	if (compress2(z + NER_HEADER_BYTES, &zn, raw, (uLong)raw_n, 9) != Z_OK)
		goto out;
	memcpy(z, NER_MAGIC, 8);
	put32(z + 8, bits);
	put32(z + 12, CR_NER_N_TAGS);
	uint32_t sb;
	memcpy(&sb, &scale, 4);
	put32(z + 16, sb);
	put32(z + 20, (uint32_t)zn);
	put32(z + 24, (uint32_t)kept);
	put32(z + 28, nw);
	FILE *f = fopen(path, "wb");
	e = CR_EIO;
	if (!f)
		goto out;
	size_t total = NER_HEADER_BYTES + zn;
	int ok = fwrite(z, 1, total, f) == total;
	if (fclose(f) != 0 || !ok)
		goto out;
	e = CR_OK;
out:
	free(raw);
	free(z);
	return e;
}

static cr_err read_file(const char *path, unsigned char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return CR_EIO;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	cr_err e = CR_OK;
	for (;;) {
		if (n == cap) {
			if (cap >= CR_NER_MAX_FILE_BYTES) {
				e = CR_ETOOBIG;
				break;
			}
			cap = cap ? cap * 2 : 1 << 16;
			unsigned char *nb = realloc(buf, cap);
			if (!nb) {
				e = CR_ENOMEM;
				break;
			}
			buf = nb;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0) {
			if (ferror(f))
				e = CR_EIO;
			break;
		}
	}
	fclose(f);
	if (e != CR_OK) {
		free(buf);
		return e;
	}
	*out = buf;
	*len = n;
	return CR_OK;
}

/* Allocates the slots and rows of m for n_rows rows of feature rows
 * below 2^m->bits; the slots are at most half full. */
static cr_err model_alloc(cr_ner_model *m, uint32_t n_rows)
{
	m->sbits = 4;
	while (((size_t)1 << m->sbits) < 2 * (size_t)n_rows)
		m->sbits++;
	m->slot = calloc((size_t)1 << m->sbits, sizeof *m->slot);
	m->rows = malloc(((size_t)n_rows ? n_rows : 1) * CR_NER_N_TAGS *
	                 sizeof *m->rows);
	m->has = calloc(((size_t)1 << m->bits) / 64, sizeof *m->has);
	return m->slot && m->rows && m->has ? CR_OK : CR_ENOMEM;
}

/* Stores feature row f with the little-endian 16-bit weights at p as the
 * next row of m. CR_EFORMAT when f is out of range or already stored. */
static cr_err model_put(cr_ner_model *m, uint32_t f, const unsigned char *p)
{
	if (f >> m->bits)
		return CR_EFORMAT;
	uint32_t mask = (1u << m->sbits) - 1;
	uint32_t h = slot_of(m, f);
	while (m->slot[h].key) {
		if (m->slot[h].key == f + 1)
			return CR_EFORMAT;
		h = (h + 1) & mask;
	}
	m->slot[h].key = f + 1;
	m->slot[h].row = m->n_rows;
	m->has[f >> 6] |= (uint64_t)1 << (f & 63);
	int16_t *row = m->rows + (size_t)m->n_rows++ * CR_NER_N_TAGS;
	for (int t = 0; t < CR_NER_N_TAGS; t++) {
		uint16_t u = (uint16_t)(p[2 * t] | p[2 * t + 1] << 8);
		memcpy(&row[t], &u, sizeof u);
	}
	return CR_OK;
}

/* 1 when the 2 * CR_NER_N_TAGS bytes at p are all 0. */
static int zero_row(const unsigned char *p)
{
	for (int k = 0; k < 2 * CR_NER_N_TAGS; k++)
		if (p[k])
			return 0;
	return 1;
}

/* Fills m from the inflated body of a file: a dense table of 2^bits rows
 * (the first format) or n_rows keys then their rows. */
static cr_err model_fill(cr_ner_model *m, const unsigned char *raw, int dense,
                         uint32_t n_rows, uint32_t n_words, size_t word_bytes)
{
	size_t row_bytes = 2 * CR_NER_N_TAGS;
	if (dense) {
		size_t rows = (size_t)1 << m->bits;
		n_rows = 0;
		for (size_t r = 0; r < rows; r++)
			n_rows += !zero_row(raw + r * row_bytes);
		cr_err e = model_alloc(m, n_rows);
		for (size_t r = 0; r < rows && e == CR_OK; r++)
			if (!zero_row(raw + r * row_bytes))
				e = model_put(m, (uint32_t)r,
				              raw + r * row_bytes);
		return e;
	}
	cr_err e = model_alloc(m, n_rows);
	for (uint32_t k = 0; k < n_rows && e == CR_OK; k++)
		e = model_put(m, get32(raw + 4 * (size_t)k),
		              raw + 4 * (size_t)n_rows + k * row_bytes);
	if (e != CR_OK || !n_words)
		return e;
	e = clusters_alloc(&m->cl, n_words);
	const unsigned char *q = raw + (size_t)n_rows * (4 + row_bytes);
	for (uint32_t k = 0; k < n_words && e == CR_OK; k++, q += word_bytes) {
		uint64_t key = get32(q) | (uint64_t)get32(q + 4) << 32;
		if (!key || q[12] > NER_MAX_DEPTH)
			e = CR_EFORMAT;
		else
			clusters_put(&m->cl, key, get32(q + 8), q[12],
			             word_bytes > 13 ? get32(q + 13) : 0);
	}
	return e;
}

/* Puts the rows of the filled m in feature row order and counts the
 * rows before each word of m->has (see struct cr_ner_model); the slots,
 * needed only to find duplicates while filling, are freed. */
static cr_err model_rank(cr_ner_model *m)
{
	size_t words = ((size_t)1 << m->bits) / 64;
	int16_t *rows = aligned_alloc(NER_ROW_STRIDE * sizeof *rows,
	                              ((size_t)m->n_rows ? m->n_rows : 1) *
	                                      NER_ROW_STRIDE * sizeof *rows);
	m->rank = malloc(words * sizeof *m->rank);
	if (!rows || !m->rank) {
		free(rows);
		return CR_ENOMEM;
	}
	uint32_t r = 0;
	for (size_t w = 0; w < words; w++) {
		m->rank[w] = (struct ner_rank){m->has[w], r};
		for (uint64_t b = m->has[w]; b; b &= b - 1) {
			uint32_t f = (uint32_t)(w * 64) +
			             (uint32_t)__builtin_ctzll(b);
			int16_t *row = rows + (size_t)r++ * NER_ROW_STRIDE;
			memcpy(row, model_row(m, f),
			       CR_NER_N_TAGS * sizeof *rows);
			memset(row + CR_NER_N_TAGS, 0,
			       (NER_ROW_STRIDE - CR_NER_N_TAGS) * sizeof *rows);
		}
	}
	free(m->rows);
	m->rows = rows;
	free(m->slot);
	m->slot = NULL;
	free(m->has);
	m->has = NULL;
	return CR_OK;
}

/* Fills m->hist (see struct cr_ner_model) from the ranked model m. */
static void model_hist(cr_ner_model *m)
{
	uint32_t mask = (1u << m->bits) - 1;
	for (uint64_t t2 = 0; t2 <= NER_NO_TAG; t2++) {
		if (t2 >= CR_NER_N_TAGS && t2 != NER_NO_TAG)
			continue;
		for (uint64_t t1 = 0; t1 <= NER_NO_TAG; t1++) {
			if (t1 >= CR_NER_N_TAGS && t1 != NER_NO_TAG)
				continue;
			uint32_t feats[3] = {
			        (uint32_t)mix(F_BIAS, 0) & mask,
			        (uint32_t)mix(F_T1, t1) & mask,
			        (uint32_t)mix(F_T2T1, t2 * 32 + t1) & mask};
			int32_t *h = m->hist[hist_slot(t2)][hist_slot(t1)];
			memset(h, 0, sizeof m->hist[0][0]);
			sum_rows(m, feats, 3, h);
		}
	}
}

cr_err cr_ner_model_load(const char *path, cr_ner_model **out)
{
	if (!path || !out)
		return CR_EINVAL;
	*out = NULL;
	unsigned char *buf = NULL, *raw = NULL;
	size_t len = 0;
	cr_err e = read_file(path, &buf, &len);
	if (e != CR_OK)
		return e;
	cr_ner_model *m = NULL;
	e = CR_EFORMAT;
	int dense = len >= NER_HEADER_BYTES_DENSE &&
	            !memcmp(buf, NER_MAGIC_DENSE, 8);
	int v2 = len >= NER_HEADER_BYTES && !memcmp(buf, NER_MAGIC_V2, 8);
	size_t hb = dense ? NER_HEADER_BYTES_DENSE : NER_HEADER_BYTES;
	size_t wb = v2 ? NER_WORD_BYTES_V2 : NER_WORD_BYTES;
	if (len < hb || (!dense && !v2 && memcmp(buf, NER_MAGIC, 8)))
		goto out;
	uint32_t bits = get32(buf + 8), zn = get32(buf + 20);
	uint32_t sb = get32(buf + 16), n_rows = get32(buf + 24);
	uint32_t n_words = dense ? 0 : get32(buf + 28);
	float scale;
	memcpy(&scale, &sb, 4);
	if (bits < CR_NER_MIN_BITS || bits > CR_NER_MAX_BITS ||
	    get32(buf + 12) != CR_NER_N_TAGS || zn > len - hb ||
	    !isfinite(scale) || (!dense && n_rows > (1u << bits)) ||
	    n_words > NER_MAX_WORDS)
		goto out;
	size_t row_bytes = 2 * CR_NER_N_TAGS;
	size_t n =
	        dense ? ((size_t)1 << bits) * row_bytes
	              : (size_t)n_rows * (4 + row_bytes) + (size_t)n_words * wb;
	m = calloc(1, sizeof *m);
	raw = malloc(n ? n : 1);
	if (!m || !raw) {
		e = CR_ENOMEM;
		goto out;
	}
	m->bits = bits;
#if NER_POPCNT_DISPATCH
	m->popcnt = __builtin_cpu_supports("popcnt");
#endif
	m->gaz = cr_gazetteer_new();
	if (!m->gaz) {
		e = CR_ENOMEM;
		goto out;
	}
	/* The tagger sums 16-bit weights; the scale only orders the scores,
	 * so it is not needed at run time. */
	uLongf rn = (uLongf)n;
	if (uncompress(raw, &rn, buf + hb, zn) != Z_OK || rn != n)
		goto out;
	e = model_fill(m, raw, dense, n_rows, n_words, wb);
	if (e == CR_OK)
		e = model_rank(m);
	if (e == CR_OK)
		model_hist(m);
	if (e != CR_OK)
		goto out;
	*out = m;
	m = NULL;
out:
	cr_ner_model_free(m);
	free(raw);
	free(buf);
	return e;
}

void cr_ner_model_free(cr_ner_model *m)
{
	if (!m)
		return;
	free(m->slot);
	free(m->rows);
	free(m->has);
	free(m->rank);
	free(m->cl.slot);
	cr_gazetteer_free(m->gaz);
	free(m);
}

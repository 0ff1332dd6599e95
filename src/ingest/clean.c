/*
 * clean.c - removing what is not the article; see clean.h and
 * docs/cleaning.md.
 *
 * Assumes article->raw is valid UTF-8, NUL-terminated, lines separated
 * by '\n' (ingest repaired it). Works in one pass over the lines of raw:
 * the title is the first line that is not boilerplate (unless the title
 * came from metadata), every later line is either removed whole, kept
 * whole, or kept without some of its sentences. Sentences come from one
 * cr_sentence_split() over raw; a line the splitter left without
 * sentences is treated as one sentence.
 *
 * Every rule looks at the shape of a whole line or sentence: it must be
 * short, and must start (or end) with a fixed phrase ("Sign up for",
 * "can be followed here"), so that a real sentence which merely contains
 * "newsletter" or "follow" is never touched. Matching is on an ASCII
 * lower-cased copy of at most CR_RULE_MAX_BYTES bytes on the stack;
 * anything longer is never boilerplate and is not copied.
 */
#include "ingest/clean.h"

#include <string.h>

#include "base/arena.h"
#include "text/sentence.h"

/* A line or sentence longer than this is never boilerplate. */
#define CR_RULE_MAX_BYTES 400
/* Longest promo, share prompt or teaser, in words. */
#define CR_RULE_MAX_WORDS 25
/* Longest credit line, in words ("Additional reporting by A in B, C in
 * D and E in F"). */
#define CR_CREDIT_MAX_WORDS 40
/* Longest tagline, in words. */
#define CR_TAGLINE_MAX_WORDS 16
/* A first line ending with '.' and longer than this is body, not title. */
#define CR_TITLE_SENTENCE_WORDS 25
/* A first line longer than this (bytes) is body, not title. */
#define CR_TITLE_MAX_BYTES 600
/* A line this short (in words) next to a one-word line makes a list. */
#define CR_LIST_ITEM_WORDS 4
/* Longest site name glued to a title, in words. */
#define CR_SITE_MAX_WORDS 5

/* A line or sentence as the rules see it. */
typedef struct shape {
	const char *s; /* original text, trimmed */
	size_t n;
	char low[CR_RULE_MAX_BYTES + 1]; /* ASCII lower case, NUL-ended */
	size_t ln;                       /* low without final punctuation */
	unsigned words;
	char last; /* last byte of the original */
} shape;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Words of s (runs of non-space), counting no further than cap. */
static unsigned count_words(const char *s, size_t n, unsigned cap)
{
	unsigned w = 0;
	int in = 0;
	for (size_t i = 0; i < n && w <= cap; i++) {
		if (is_space(s[i]) || s[i] == '\n') {
			in = 0;
		} else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* Fills sh from n bytes at s (already trimmed). Returns 0 when the text
 * is too long for any rule. */
static int shape_of(shape *sh, const char *s, size_t n)
{
	if (n == 0 || n > CR_RULE_MAX_BYTES)
		return 0;
	sh->s = s;
	sh->n = n;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		sh->low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	sh->low[n] = '\0';
	size_t ln = n;
	while (ln > 0 && strchr(".!?:;,|>-", sh->low[ln - 1]))
		ln--;
	sh->ln = ln;
	sh->words = count_words(s, n, CR_CREDIT_MAX_WORDS + 1);
	sh->last = s[n - 1];
	return 1;
}

/* 1 when the text starts with p, and p ends at a word boundary. */
static int starts(const shape *sh, const char *p)
{
	size_t m = strlen(p);
	if (m > sh->n || memcmp(sh->low, p, m) != 0)
		return 0;
	return m == sh->n || !is_alnum(p[m - 1]) || !is_alnum(sh->low[m]);
}

/* 1 when the text, without final punctuation, ends with p after a word
 * boundary. */
static int ends(const shape *sh, const char *p)
{
	size_t m = strlen(p);
	if (m > sh->ln || memcmp(sh->low + sh->ln - m, p, m) != 0)
		return 0;
	return m == sh->ln || !is_alnum(sh->low[sh->ln - m - 1]);
}

/* 1 when the word w occurs in the text (word boundaries both sides). */
static int has_word(const shape *sh, const char *w)
{
	size_t m = strlen(w);
	const char *p = sh->low;
	while ((p = strstr(p, w)) != NULL) {
		size_t at = (size_t)(p - sh->low);
		if ((at == 0 || !is_alnum(sh->low[at - 1])) &&
		    !is_alnum(sh->low[at + m]))
			return 1;
		p++;
	}
	return 0;
}

static int starts_any(const shape *sh, const char *const *list)
{
	for (; *list; list++)
		if (starts(sh, *list))
			return 1;
	return 0;
}

static int has_any(const shape *sh, const char *const *list)
{
	for (; *list; list++)
		if (has_word(sh, *list))
			return 1;
	return 0;
}

/* Words that mark a call to sign up as a promo, not a report. */
static const char *const promo_marks[] = {
        "newsletter", "newsletters", "free",      "email",  "inbox",
        "here",       "today",       "now",       "our",    "alerts",
        "updates",    "briefing",    "unlimited", "access", "subscription",
        "receive",    "latest",      "digest",    NULL};

/* Promos: newsletters, subscriptions, apps, membership. */
static int is_promo(const shape *sh)
{
	static const char *const always[] = {"download our app",
	                                     "download the app",
	                                     "get the app",
	                                     "get our app",
	                                     "support our journalism",
	                                     "support independent journalism",
	                                     "support our work",
	                                     "become a member",
	                                     "become a subscriber",
	                                     "become a supporter",
	                                     "already a subscriber",
	                                     "already have an account",
	                                     "subscribe now",
	                                     "sign up now",
	                                     NULL};
	if (sh->words > CR_RULE_MAX_WORDS)
		return 0;
	if (starts_any(sh, always))
		return 1;
	if ((starts(sh, "sign up") || starts(sh, "signup") ||
	     starts(sh, "subscribe") || starts(sh, "register for")) &&
	    sh->words <= 15 && has_any(sh, promo_marks))
		return 1;
	if (starts(sh, "unlock") &&
	    (has_word(sh, "newsletter") || ends(sh, "for free")))
		return 1;
	/* "Download the recipe app", not "Download the maps to your phone
	 * ... the Google Maps app." */
	if (starts(sh, "download") && sh->words <= 10 &&
	    (has_word(sh, "app") || has_word(sh, "apps")))
		return 1;
	/* "Get our free Morning Briefing newsletter", "Join our ...". */
	if ((starts(sh, "get") || starts(sh, "join") || starts(sh, "receive") ||
	     starts(sh, "try")) &&
	    (has_word(sh, "newsletter") || has_word(sh, "newsletters")) &&
	    sh->words <= 15)
		return 1;
	return 0;
}

/* Share prompts. */
static int is_share(const shape *sh)
{
	static const char *const list[] = {"share this article",
	                                   "share this story",
	                                   "share this page",
	                                   "share this post",
	                                   "click to share",
	                                   "copy link",
	                                   "copy the link",
	                                   "follow us on",
	                                   "share via",
	                                   "share on facebook",
	                                   "share on twitter",
	                                   "share on x",
	                                   "share on whatsapp",
	                                   "share on linkedin",
	                                   "share on reddit",
	                                   "share by email",
	                                   "email this article",
	                                   "share:",
	                                   NULL};
	if (sh->words > 12)
		return 0;
	if (starts(sh, "share this") && sh->words <= 3)
		return 1; /* "Share this", not "Share this information?" */
	return starts_any(sh, list);
}

/* Teasers: links to other articles or to live coverage. */
static int is_teaser(const shape *sh)
{
	static const char *const heads[] = {"read next",
	                                    "read also",
	                                    "also read",
	                                    "related:",
	                                    "related stories",
	                                    "related articles",
	                                    "related coverage",
	                                    "related content",
	                                    "recommended:",
	                                    "see also",
	                                    "watch:",
	                                    "listen:",
	                                    "more on this story",
	                                    "more on this topic",
	                                    "click here",
	                                    "further information can be found",
	                                    "more information can be found",
	                                    "further reading:",
	                                    "most read",
	                                    "top stories",
	                                    NULL};
	static const char *const tails[] = {
	        "can be followed here",     "can be found here",
	        "can be read here",         "can be watched here",
	        "can be seen here",         "can be followed live here",
	        "follow live updates here", NULL};
	if (sh->words > CR_RULE_MAX_WORDS)
		return 0;
	if (starts_any(sh, heads))
		return 1;
	for (const char *const *t = tails; *t; t++)
		if (ends(sh, *t) && sh->words <= 15)
			return 1;
	/* "Read more", "Read more: <title>", "Read more about X here". */
	if (starts(sh, "read more")) {
		char c = sh->low[9];
		if (sh->words <= 3 || c == ':' || c == '|' || c == '>' ||
		    ends(sh, "here") || starts(sh, "read more about") ||
		    starts(sh, "read more on"))
			return 1;
	}
	/* "Follow (our) live updates here", "Follow the latest on X". */
	if (starts(sh, "follow") && sh->words <= 12 &&
	    (has_word(sh, "updates") || has_word(sh, "coverage") ||
	     has_word(sh, "blog")) &&
	    (has_word(sh, "here") || has_word(sh, "live")))
		return 1;
	/* "You can follow / read / watch ... here". */
	if (starts(sh, "you can") && ends(sh, "here") && sh->words <= 15 &&
	    (has_word(sh, "follow") || has_word(sh, "read") ||
	     has_word(sh, "watch") || has_word(sh, "listen") ||
	     has_word(sh, "find")))
		return 1;
	return 0;
}

/* Credit lines: "Additional reporting by A in B and C in D". Only names
 * and a few linking words may follow the head, so "Reporting by the
 * newspaper revealed ..." stays. */
static int is_credit(const shape *sh)
{
	static const char *const heads[] = {"additional reporting by",
	                                    "additional reporting from",
	                                    "reporting by",
	                                    "(reporting by",
	                                    "editing by",
	                                    "writing by",
	                                    "(editing by",
	                                    "(writing by",
	                                    "compiled by",
	                                    NULL};
	static const char *const linking[] = {
	        "and",     "in",        "by",         "from", "of", "editing",
	        "writing", "reporting", "additional", "with", "at", "the",
	        "de",      "van",       "von",        "la",   "al", "le",
	        "du",      "bin",       "da",         "dos",  NULL};
	if (sh->words > CR_CREDIT_MAX_WORDS || !starts_any(sh, heads))
		return 0;
	size_t i = 0;
	/* Skip the head: the text up to and including "by"/"from". */
	const char *by = strstr(sh->low, " by ");
	const char *from = strstr(sh->low, " from ");
	if (by && (!from || by < from))
		i = (size_t)(by - sh->low) + 4;
	else if (from)
		i = (size_t)(from - sh->low) + 6;
	else
		return 0;
	unsigned lower = 0;
	while (i < sh->n) {
		while (i < sh->n && !is_alnum(sh->s[i]) &&
		       (unsigned char)sh->s[i] < 0x80)
			i++;
		size_t b = i;
		while (i < sh->n && !is_space(sh->s[i]) && sh->s[i] != ',' &&
		       sh->s[i] != ';' && sh->s[i] != ')')
			i++;
		if (i == b)
			break;
		if (sh->s[b] >= 'a' && sh->s[b] <= 'z') {
			int ok = 0;
			for (const char *const *l = linking; *l; l++) {
				size_t m = strlen(*l);
				if (m == i - b && memcmp(*l, sh->s + b, m) == 0)
					ok = 1;
			}
			if (!ok)
				lower++;
		}
	}
	return lower == 0;
}

/* Known stray lines: page furniture left by the copy. Furniture is
 * capitalised; "print" or "close" in lower case is more likely code. */
static int is_known_stray(const shape *sh)
{
	static const char *const list[] = {
	        "advertisement",
	        "today",
	        "menu",
	        "skip to content",
	        "skip to main content",
	        "loading",
	        "loading...",
	        "share",
	        "comments",
	        "close",
	        "story continues below advertisement",
	        "continue reading",
	        "continue reading below",
	        "continue reading the main story",
	        "scroll to continue",
	        "scroll to continue with content",
	        "advert",
	        "sponsored",
	        "back to top",
	        "print",
	        "ad",
	        "image caption",
	        "media caption",
	        "getty images",
	        NULL};
	if (sh->s[0] >= 'a' && sh->s[0] <= 'z')
		return 0;
	for (const char *const *l = list; *l; l++)
		if (strcmp(sh->low, *l) == 0)
			return 1;
	return 0;
}

/* 1 for a separator line: three or more of - _ * = ~ # and nothing
 * else ("------", "___"). Lines like "}" or "];" are code and stay. */
static int is_separator(const shape *sh)
{
	if (sh->n < 3)
		return 0;
	for (size_t i = 0; i < sh->n; i++)
		if (!strchr("-_*=~#", sh->s[i]))
			return 0;
	return 1;
}

/* A stray one-word line: a single word without a sentence end, not a
 * quotation ("Yes." and “No” stay), standing alone between longer lines
 * (isolated: a run of short lines is a list, "Sweating", "Dizziness",
 * and its items stay). Inside the body only separators ("------") are
 * stray; a word there is most often a subheading ("Summary"), so only
 * at the edges (edge: before the body or as the last line, "Today") is
 * a word stray. */
static int is_stray(const shape *sh, int isolated, int edge)
{
	if (is_known_stray(sh))
		return 1;
	if (sh->words != 1)
		return 0;
	if (is_separator(sh))
		return 1;
	if (!isolated)
		return 0;
	char c = sh->s[0], e = sh->last;
	if (c == '"' || c == '\'' || (unsigned char)c >= 0x80)
		return 0;
	/* A final ':' makes it a heading ("1999:"), which stays. */
	if (e == '.' || e == '!' || e == '?' || e == '"' || e == '\'' ||
	    e == ':' || (unsigned char)e >= 0x80)
		return 0;
	return edge;
}

/* Taglines: a short product description before the body, without a
 * final stop. weak_ok is 0 for the very first line of a text file, where
 * "The latest on the budget" is more likely a headline. */
static int is_tagline(const shape *sh, int weak_ok)
{
	static const char *const strong[] = {
	        "your guide to",       "your daily",
	        "your weekly",         "your essential",
	        "your source for",     "your trusted source",
	        "the essential guide", NULL};
	static const char *const weak[] = {"the latest",
	                                   "all the latest",
	                                   "everything you need to know",
	                                   "what you need to know",
	                                   "the best of",
	                                   "the stories that matter",
	                                   "news, analysis",
	                                   "breaking news,",
	                                   NULL};
	if (sh->words > CR_TAGLINE_MAX_WORDS || sh->last == '.' ||
	    sh->last == '!' || sh->last == '?')
		return 0;
	return starts_any(sh, strong) || (weak_ok && starts_any(sh, weak));
}

/* The reason to remove a sentence inside a kept paragraph, or NULL. */
static const char *sentence_reason(const shape *sh)
{
	if (is_promo(sh))
		return "promo";
	if (is_share(sh))
		return "share";
	if (is_teaser(sh))
		return "teaser";
	if (is_credit(sh))
		return "credit";
	return NULL;
}

/* Words that make a short capitalised phrase an outlet's name. */
static const char *const outlet_words[] = {
        "news",      "times",    "post",      "journal",     "guardian",
        "telegraph", "herald",   "tribune",   "reuters",     "bbc",
        "cnn",       "npr",      "bloomberg", "independent", "express",
        "mail",      "mirror",   "gazette",   "chronicle",   "daily",
        "online",    "observer", "standard",  "wire",        "press",
        "politico",  "axios",    "jazeera",   "sky",         "abc",
        "cbs",       "nbc",      "fox",       "ap",          "afp",
        "economist", "insider",  "forbes",    "monitor",     "radio",
        "tv",        "magazine", "globe",     "star",        "sun",
        "record",    "courier",  "dispatch",  "inquirer",    "bulletin",
        "euronews",  "dw",       "france24",  "cnbc",        "times of india",
        "network",   NULL};

/* Section words that follow a '|' but are not outlets. */
static const char *const not_outlets[] = {
        "live",   "updates", "opinion",   "analysis", "video",
        "videos", "photos",  "explained", "review",   "interview",
        "watch",  "podcast", "exclusive", "breaking", NULL};

/* 1 when n bytes at s look like an outlet name: at most
 * CR_SITE_MAX_WORDS capitalised words (or a domain); with need_outlet,
 * one of them must be an outlet word or it must be a domain. */
static int looks_like_site(const char *s, size_t n, int need_outlet)
{
	shape sh;
	if (!shape_of(&sh, s, n) || sh.words > CR_SITE_MAX_WORDS ||
	    sh.last == '?' || sh.last == '!' || sh.last == '.')
		return 0;
	if (starts_any(&sh, not_outlets))
		return 0;
	int domain = sh.words == 1 &&
	             (strstr(sh.low, ".com") || strstr(sh.low, ".co.") ||
	              strstr(sh.low, ".org") || strstr(sh.low, ".net"));
	if (domain)
		return 1;
	/* Every word capitalised, or a short linking word. */
	size_t i = 0;
	while (i < n) {
		while (i < n && is_space(s[i]))
			i++;
		size_t b = i;
		while (i < n && !is_space(s[i]))
			i++;
		if (i == b)
			break;
		char c = s[b];
		int cap = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		          c == '&' || (unsigned char)c >= 0x80;
		int link = (i - b <= 3) && c >= 'a' && c <= 'z';
		if (!cap && !link)
			return 0;
	}
	return !need_outlet || has_any(&sh, outlet_words);
}

typedef struct cleaner {
	cr_article *a;
	uint32_t cap_removed;
	char *body;
	size_t body_len;
} cleaner;

/* Records a removed line or sentence. */
static cr_err removed(cleaner *c, const char *s, size_t n, const char *why)
{
	cr_article *a = c->a;
	if (a->n_removed == c->cap_removed) {
		uint32_t nc = c->cap_removed ? c->cap_removed * 2 : 8;
		cr_removed_line *r = cr_arena_grow(a->arena, a->removed,
		                                   a->n_removed, nc, sizeof *r);
		if (!r)
			return CR_ENOMEM;
		a->removed = r;
		c->cap_removed = nc;
	}
	char *t = cr_arena_strndup(a->arena, s, n);
	if (!t)
		return CR_ENOMEM;
	a->removed[a->n_removed].text = t;
	a->removed[a->n_removed].reason = why;
	a->n_removed++;
	return CR_OK;
}

/* Appends a kept piece to the body: sep is '\n' between lines, ' '
 * between the kept sentences of one line, 0 for none. */
static void append(cleaner *c, char sep, const char *s, size_t n)
{
	if (sep && c->body_len > 0)
		c->body[c->body_len++] = sep;
	memcpy(c->body + c->body_len, s, n);
	c->body_len += n;
}

/* Sets the title from a line, stripping a site name glued to its end
 * ("... | Global News", "... - BBC News"). */
static cr_err set_title(cleaner *c, const char *s, size_t n)
{
	static const struct {
		const char *sep;
		int need_outlet;
	} seps[] = {{" | ", 0},
	            {" - ", 1},
	            {" \xE2\x80\x93 ", 1},
	            {" \xE2\x80\x94 ", 1},
	            {" :: ", 0}};
	cr_article *a = c->a;
	size_t best = 0, best_len = 0;
	int need = 0;
	for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
		size_t m = strlen(seps[k].sep);
		for (size_t i = n > m ? n - m : 0; i > 0; i--) {
			if (memcmp(s + i, seps[k].sep, m) == 0) {
				if (i > best) {
					best = i;
					best_len = m;
					need = seps[k].need_outlet;
				}
				break;
			}
		}
	}
	if (best > 0) {
		const char *site = s + best + best_len;
		size_t sn = n - best - best_len;
		while (sn > 0 && is_space(site[sn - 1]))
			sn--;
		size_t tn = best;
		while (tn > 0 && is_space(s[tn - 1]))
			tn--;
		if (sn > 0 && tn > 0 && looks_like_site(site, sn, need)) {
			cr_err e = removed(c, site, sn, "site-name");
			if (e != CR_OK)
				return e;
			if (!a->source &&
			    !(a->source = cr_arena_strndup(a->arena, site, sn)))
				return CR_ENOMEM;
			n = tn;
		}
	}
	a->title = cr_arena_strndup(a->arena, s, n);
	return a->title ? CR_OK : CR_ENOMEM;
}

/* 1 when a first line reads as the article's first sentence, not as a
 * headline: long, ending with a full stop (maybe inside a quote). */
static int is_body_sentence(const char *s, size_t n)
{
	if (n > CR_TITLE_MAX_BYTES)
		return 1;
	size_t e = n;
	while (e > 0 &&
	       (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')'))
		e--;
	if (e >= 3 && memcmp(s + e - 3, "\xE2\x80\x9D", 3) == 0)
		e -= 3; /* closing curly quote */
	if (e == 0 || s[e - 1] != '.')
		return 0;
	return count_words(s, n, CR_TITLE_SENTENCE_WORDS + 1) >
	       CR_TITLE_SENTENCE_WORDS;
}

/* The reason to remove a whole line, or NULL. at_title: the title is
 * still to be chosen; first: this is the first non-empty line;
 * isolated: the lines around it are not short; last: no line follows. */
static const char *line_reason(const shape *sh, int in_body, int at_title,
                               int first, int isolated, int last)
{
	const char *why = sentence_reason(sh);
	if (why)
		return why;
	if (!in_body && is_tagline(sh, !(at_title && first)))
		return "tagline";
	if (at_title ? is_known_stray(sh)
	             : is_stray(sh, isolated, !in_body || last))
		return "stray";
	return NULL;
}

/* Words (capped) of the next non-empty line of raw[0..n) from byte i;
 * 0 when there is none. */
static unsigned next_words(const char *raw, size_t n, size_t i)
{
	while (i < n) {
		const char *nl = memchr(raw + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - raw) : n;
		unsigned w =
		        count_words(raw + i, end - i, CR_LIST_ITEM_WORDS + 1);
		if (w > 0)
			return w;
		i = end + 1;
	}
	return 0;
}

/* The sentences of raw inside the line [b, k): [*first, *last). *si
 * walks forward over spans from line to line. */
static void line_sentences(const cr_span *spans, uint32_t ns, uint32_t *si,
                           size_t b, size_t k, uint32_t *first, uint32_t *last)
{
	while (*si < ns && spans[*si].off < b)
		(*si)++;
	uint32_t l = *si;
	while (l < ns && (size_t)spans[l].off + spans[l].len <= k)
		l++;
	*first = *si;
	*last = l;
	*si = l;
}

/* Cleans a body line [b, k) of two or more sentences (spans[first ..
 * last)): removed sentences are cut out, and the text around them is
 * kept, the pieces joined by one space. Sets *kept when some text was
 * kept. */
static cr_err clean_sentences(cleaner *c, size_t b, size_t k,
                              const cr_span *spans, uint32_t first,
                              uint32_t last, int *kept)
{
	const char *raw = c->a->raw;
	size_t from = b;
	int line_started = 0;
	*kept = 0;
	for (uint32_t i = first; i <= last; i++) {
		size_t cut_b = k, cut_e = k;
		if (i < last) {
			shape sh;
			cr_span sp = spans[i];
			const char *why;
			if (!shape_of(&sh, raw + sp.off, sp.len) ||
			    !(why = sentence_reason(&sh)))
				continue;
			cut_b = sp.off;
			cut_e = (size_t)sp.off + sp.len;
			cr_err e = removed(c, raw + sp.off, sp.len, why);
			if (e != CR_OK)
				return e;
		}
		size_t pb = from, pe = cut_b;
		while (pb < pe && (is_space(raw[pb]) || raw[pb] == '\n'))
			pb++;
		while (pe > pb &&
		       (is_space(raw[pe - 1]) || raw[pe - 1] == '\n'))
			pe--;
		if (pe > pb) {
			append(c, line_started ? ' ' : '\n', raw + pb, pe - pb);
			line_started = 1;
			*kept = 1;
		}
		from = cut_e;
	}
	return CR_OK;
}

cr_err cr_clean(cr_article *a)
{
	if (!a)
		return CR_EINVAL;
	const char *raw = a->raw ? a->raw : "";
	size_t n = a->raw ? a->raw_len : 0;
	cleaner c = {.a = a};
	a->removed = NULL;
	a->n_removed = 0;
	if (!(c.body = cr_arena_alloc(a->arena, n + 1)))
		return CR_ENOMEM;

	cr_span *spans = NULL;
	uint32_t ns = 0;
	cr_err e = cr_sentence_split(a->arena, raw, n, &spans, NULL, &ns);
	if (e == CR_ENOMEM)
		return e;
	if (e != CR_OK && e != CR_ETOOBIG)
		ns = 0; /* clean line by line only */
	if (!spans)
		ns = 0;

	int at_title = !a->title_given, in_body = 0, first = 1;
	/* Words of the previous kept line; none counts as long. */
	unsigned prev_words = CR_LIST_ITEM_WORDS + 1;
	uint32_t si = 0; /* next sentence of raw */
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(raw + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - raw) : n;
		size_t b = i, k = end;
		i = end + 1;
		while (b < k && is_space(raw[b]))
			b++;
		while (k > b && is_space(raw[k - 1]))
			k--;
		if (k == b)
			continue;
		uint32_t s0, s1;
		line_sentences(spans, ns, &si, b, k, &s0, &s1);
		int several = s1 - s0 >= 2;
		/* A line of several sentences is judged sentence by sentence,
		 * so a promo never takes a real sentence with it. */
		shape sh;
		const char *why = NULL;
		if (!several && shape_of(&sh, raw + b, k - b)) {
			unsigned next = next_words(raw, n, i);
			int isolated = prev_words > CR_LIST_ITEM_WORDS &&
			               (next == 0 || next > CR_LIST_ITEM_WORDS);
			why = line_reason(&sh, in_body, at_title, first,
			                  isolated, next == 0);
		}
		first = 0;
		if (why) {
			if ((e = removed(&c, raw + b, k - b, why)) != CR_OK)
				return e;
			continue;
		}
		/* Only kept lines make a list around a one-word line. */
		prev_words =
		        count_words(raw + b, k - b, CR_LIST_ITEM_WORDS + 1);
		if (at_title) {
			at_title = 0;
			if (!is_body_sentence(raw + b, k - b)) {
				if ((e = set_title(&c, raw + b, k - b)) !=
				    CR_OK)
					return e;
				continue;
			}
		}
		if (!several) {
			append(&c, '\n', raw + b, k - b);
			in_body = 1;
			continue;
		}
		int kept = 0;
		e = clean_sentences(&c, b, k, spans, s0, s1, &kept);
		if (e != CR_OK)
			return e;
		in_body |= kept;
	}
	c.body[c.body_len] = '\0';
	a->body = c.body;
	a->body_len = (uint32_t)c.body_len;
	return CR_OK;
}

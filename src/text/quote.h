/*
 * quote.h - quotes and their speakers.
 *
 * Finds text between quotation marks (" “” ‘’ «» and ' used as a quote),
 * then its cue and speaker in the same sentence: "X said", "said X",
 * "X told Y", "according to X", "X warned/added/noted/stated/wrote", in
 * either order. A quote with no cue in its own sentence takes the speaker
 * of the previous sentence when that sentence names one as its subject
 * (Ignat said ... . "We just need ..."). Pronouns (he, she, they) and
 * role nouns (the statement, the spokesperson, the official) resolve to
 * the most recent speaker, or to the organisation that issued a
 * statement; "its" refers to the sentence subject. Speaker names are the
 * subject noun phrase without determiners: "A US embassy official" ->
 * "US embassy official"; "the US embassy" -> "US embassy". speaker_span
 * is that phrase where the attribution writes it ("she", "A US embassy
 * official"), not where an antecedent is named.
 *
 * Reported speech without marks ("the mayor said the bridge would
 * hold") is kept apart, by cr_quotes_find_reported() (or with the quotes
 * in one walk by cr_quotes_find_all()), so that a->quotes keeps to text
 * inside quotation marks.
 *
 * A quote that runs over several sentences with no cue continues the
 * speaker of the sentence before it opened. One with no verb of speech
 * may take a verb of stance before it as its cue ("Lutz pledged to keep
 * "every station open"", "Lutz: "..."") when it has three words or
 * more. A title in marks with no speaker ("Tales From the Crypt") is
 * not a quote, nor is a short title right after a word that cites a
 * work ("said on "Meet the Press"", "wrote "Peter Pan"").
 * "Lutz, who said ..." names Lutz as the speaker, with "who" as the
 * speaker's span.
 */
#ifndef CR_TEXT_QUOTE_H
#define CR_TEXT_QUOTE_H

#include "crossread/article.h"
#include "crossread/err.h"

/* Fills a->quotes from a->toks, a->sents and a->ments. Scare quotes of
 * one or two words with no cue and no speaker are not quotes. */
cr_err cr_quotes_find(cr_article *a);

/* Finds reported speech that no quotation marks show, into *out (from
 * a->arena; *n of them): the content of "X said (that) ...", "...,
 * X said", "according to X, ..." and the clausal complement of other
 * cue verbs ("believes", "warned", "claims"), each with its cue and
 * speaker as cr_quotes_find() gives them, and partial set. Content that
 * is mostly a direct quote is left to cr_quotes_find(). a->quotes is not
 * touched: its contract is text inside quotation marks. Needs what
 * cr_quotes_find() needs. */
cr_err cr_quotes_find_reported(cr_article *a, cr_quote **out, uint32_t *n);

/* The word filters of the quote search, built from its tables once so
 * that no article pays for them: one per analyzer, read-only once made,
 * so threads may share it. */
typedef struct cr_quote_lex cr_quote_lex;

/* 1 when every word table of the quote search is sorted without
 * duplicates, as cr_lexicon_has() needs (for the tests). */
int cr_quotes_tables_ok(void);

/* NULL when out of memory. Free with cr_quote_lex_free(). */
cr_quote_lex *cr_quote_lex_new(void);
void cr_quote_lex_free(cr_quote_lex *lx); /* accepts NULL */

/* Does what cr_quotes_find() and then cr_quotes_find_reported() do, in
 * one walk of the article: a->quotes as the first fills it, *out and *n
 * as the second does. lx is from cr_quote_lex_new(), or NULL to build
 * the filters for this call alone (as the two above do). The analyzer
 * calls this; the two above stay for callers that want one of them. */
cr_err cr_quotes_find_all(cr_article *a, const cr_quote_lex *lx, cr_quote **out,
                          uint32_t *n);

#endif

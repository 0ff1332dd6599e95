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
 * "US embassy official"; "the US embassy" -> "US embassy".
 */
#ifndef CR_TEXT_QUOTE_H
#define CR_TEXT_QUOTE_H

#include "crossread/article.h"
#include "crossread/err.h"

/* Fills a->quotes from a->toks, a->sents and a->ments. Scare quotes of
 * one or two words with no cue and no speaker are not quotes. */
cr_err cr_quotes_find(cr_article *a);

#endif

/*
 * summary.h - the summary of a story (internal to src/brief): sentences
 * chosen by how much of what the outlets share they tell, each telling a
 * fact not yet told, with the articles that state it.
 */
#ifndef CR_BRIEF_SUMMARY_H
#define CR_BRIEF_SUMMARY_H

#include <stdint.h>

#include "brief/story.h"

/* Fills b->summary from the story's sentences. fact_of[u] is the index
 * into b->facts of the fact that covers unit u (-1 for none), as
 * cr_brief_facts builds it, before the facts are reordered; own[u] is 1
 * when unit u is the statement a fact was taken from. A sentence is
 * taken only while it, or a clause of it, is a fact not yet told, so it
 * carries that fact's articles rather than those of another fact that
 * merely covers it. At most max
 * sentences; when max_words is not 0, at most max_words whitespace words,
 * the sentence that reaches the budget cut to fit and ending in an
 * ellipsis; while a sentence fits the words left whole, the best of those
 * is taken instead. focus (may be NULL) biases the choice towards its
 * words. A summary sentence shows its sentence without a dateline, an
 * opening linker, an anonymous attribution at either end (unless it
 * holds a quotation; one naming a person, organisation or place stays)
 * and short parentheses. All memory of the result comes from
 * the story's arena. */
cr_err cr_brief_summary(cr_story *st, cr_briefing *b, const int32_t *fact_of,
                        const uint8_t *own, uint32_t max, uint32_t max_words,
                        const char *focus);

#endif

/*
 * briefing.h - building the cross-source briefing of one story.
 *
 * Reads the analysed articles of a story (it never opens files) and
 * computes every part of a cr_briefing: headline, summary, facts with
 * agreement, conflicts, quotes, entities and timeline. See
 * docs/briefing.md for how each part is decided.
 */
#ifndef CR_BRIEF_BRIEFING_H
#define CR_BRIEF_BRIEFING_H

#include <stdint.h>

#include "crossread/briefing.h"
#include "crossread/err.h"

/* Builds the briefing of arts[0..n) (borrowed; they must outlive it).
 * story_id names it. opts may be NULL. Free with cr_briefing_free(). */
cr_err cr_brief_story(const cr_article *const *arts, uint32_t n,
                      const char *story_id, const cr_brief_opts *opts,
                      cr_briefing **out);

/* Accepts NULL. */
void cr_briefing_free(cr_briefing *b);

#endif

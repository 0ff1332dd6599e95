/* PLACEHOLDER: being written; replaced before landing. */
#include "brief/briefing.h"
#include <stdlib.h>
#include "base/arena.h"
cr_err cr_brief_story(const cr_article *const *arts, uint32_t n, const char *story_id, const cr_brief_opts *opts, cr_briefing **out)
{
	(void)opts;
	cr_arena *ar = cr_arena_create();
	cr_briefing *b = cr_arena_alloc(ar, sizeof *b);
	b->arena = ar; b->id = cr_arena_strdup(ar, story_id); b->arts = (const cr_article **)arts; b->n_arts = n;
	b->headline = n ? arts[0]->title : NULL;
	*out = b; return CR_OK;
}
void cr_briefing_free(cr_briefing *b) { if (b) cr_arena_destroy(b->arena); }

/* PLACEHOLDER: being written; replaced before landing. */
#include "cluster/stories.h"
#include <stdlib.h>
struct cr_stories { uint32_t n; };
cr_story_params cr_story_params_default(void) { cr_story_params p = {0.2, 7, 32}; return p; }
cr_stories *cr_stories_new(const cr_story_params *p) { (void)p; return calloc(1, sizeof(cr_stories)); }
void cr_stories_free(cr_stories *s) { free(s); }
void cr_stories_add(cr_stories *s, cr_article *a, cr_story_decision *why) { (void)why; a->story = 0; s->n = 1; }
uint32_t cr_stories_count(const cr_stories *s) { return s->n; }

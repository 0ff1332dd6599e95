/* article.c - life cycle of cr_article; see crossread/article.h. */
#include "crossread/article.h"

#include <stdlib.h>

#include "base/arena.h"

cr_article *cr_article_create(void)
{
	cr_arena *arena = cr_arena_create();
	if (!arena)
		return NULL;
	cr_article *a = cr_arena_alloc(arena, sizeof *a);
	if (!a) {
		cr_arena_destroy(arena);
		return NULL;
	}
	a->arena = arena;
	a->published = CR_TIME_NONE;
	return a;
}

void cr_article_destroy(cr_article *a)
{
	if (a)
		cr_arena_destroy(a->arena); /* a itself lives in its arena */
}

/*
 * arena.h - a region allocator: one arena per article or per briefing.
 *
 * Everything an article owns (its cleaned body, tokens, sentences, names)
 * is carved out of its arena and released in one call. Allocation never
 * returns NULL on success paths; on exhaustion of the arena's cap it
 * returns NULL and callers report CR_ENOMEM.
 */
#ifndef CR_BASE_ARENA_H
#define CR_BASE_ARENA_H

#include <stddef.h>

/* No arena may grow past this many bytes: a bound on what one hostile
 * document can make us allocate. */
#define CR_ARENA_MAX_BYTES ((size_t)1 << 31)

typedef struct cr_arena cr_arena;

/* Creates an empty arena. Returns NULL when out of memory. Free with
 * cr_arena_destroy(). */
cr_arena *cr_arena_create(void);

/* Frees the arena and every block carved from it. Accepts NULL. */
void cr_arena_destroy(cr_arena *a);

/* Returns n bytes aligned for any type, zero-filled, owned by the arena;
 * NULL past CR_ARENA_MAX_BYTES or when out of memory. */
void *cr_arena_alloc(cr_arena *a, size_t n);

/* Same, but the bytes are not cleared: for a buffer the caller writes
 * in full before reading any of it (cheaper for large per-token
 * arrays). */
void *cr_arena_alloc_raw(cr_arena *a, size_t n);

/* Copies n bytes of s and adds a NUL; owned by the arena. */
char *cr_arena_strndup(cr_arena *a, const char *s, size_t n);

/* Same, for a NUL-terminated string. NULL in, NULL out. */
char *cr_arena_strdup(cr_arena *a, const char *s);

/* printf into the arena. */
char *cr_arena_printf(cr_arena *a, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Grows an arena array: returns a block of new_n elements holding the
 * first old_n elements of old (which is left in place; arenas never free
 * single blocks). Use doubling so the waste stays bounded. */
void *cr_arena_grow(cr_arena *a, void *old, size_t old_n, size_t new_n,
                    size_t elem_size);

/* Bytes handed out so far (for benchmarks and limits). */
size_t cr_arena_used(const cr_arena *a);

#endif

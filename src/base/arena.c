/*
 * arena.c - bump allocator over a chain of malloc'd blocks.
 *
 * Small requests come from the current block; a request larger than a
 * quarter of the default block gets a block of its own, so a single big
 * body does not waste a half-empty block. cr_arena_alloc() clears what
 * it hands out; cr_arena_alloc_raw() and the copying calls, which write
 * every byte, do not pay for that.
 */
#include "base/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE (64 * 1024)
#define ALIGN      16

typedef struct block {
	struct block *next;
	size_t size; /* usable bytes after the header */
	size_t used;
	_Alignas(ALIGN) unsigned char data[];
} block;

struct cr_arena {
	block *head;
	size_t total;
};

cr_arena *cr_arena_create(void)
{
	return calloc(1, sizeof(cr_arena));
}

void cr_arena_destroy(cr_arena *a)
{
	if (!a)
		return;
	block *b = a->head;
	while (b) {
		block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

static block *new_block(size_t size)
{
	block *b = malloc(sizeof(block) + size);
	if (!b)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

/* n bytes aligned to ALIGN, left as they are: the callers below clear
 * them or write every byte. NULL past the cap or out of memory. */
static void *alloc(cr_arena *a, size_t n)
{
	if (!a)
		return NULL;
	if (n == 0)
		n = 1;
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need < n || a->total + need > CR_ARENA_MAX_BYTES)
		return NULL;
	block *b = a->head;
	if (!b || b->size - b->used < need) {
		if (need > BLOCK_SIZE / 4) {
			/* A big request gets its own block, linked behind the
			 * current one so the current block keeps serving. */
			block *big = new_block(need);
			if (!big)
				return NULL;
			big->used = need;
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				a->head = big;
			}
			a->total += need;
			return big->data;
		}
		block *nb = new_block(BLOCK_SIZE);
		if (!nb)
			return NULL;
		nb->next = a->head;
		a->head = nb;
		b = nb;
	}
	void *p = b->data + b->used;
	b->used += need;
	a->total += need;
	return p;
}

void *cr_arena_alloc(cr_arena *a, size_t n)
{
	void *p = alloc(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

void *cr_arena_alloc_raw(cr_arena *a, size_t n)
{
	return alloc(a, n);
}

char *cr_arena_strndup(cr_arena *a, const char *s, size_t n)
{
	char *p = alloc(a, n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *cr_arena_strdup(cr_arena *a, const char *s)
{
	return s ? cr_arena_strndup(a, s, strlen(s)) : NULL;
}

char *cr_arena_printf(cr_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *cr_arena_grow(cr_arena *a, void *old, size_t old_n, size_t new_n,
                    size_t elem_size)
{
	if (new_n && elem_size > SIZE_MAX / new_n)
		return NULL;
	/* Only the elements past the copied ones need clearing. */
	unsigned char *p = alloc(a, new_n * elem_size);
	if (!p)
		return NULL;
	size_t keep = old ? (old_n < new_n ? old_n : new_n) * elem_size : 0;
	if (keep)
		memcpy(p, old, keep);
	memset(p + keep, 0, new_n * elem_size - keep);
	return p;
}

size_t cr_arena_used(const cr_arena *a)
{
	return a ? a->total : 0;
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-CPU allocator (mm/percpu.c): chunks of nr_cpu_ids units, each
 * unit PCPU_UNIT_SIZE bytes (small, so a chunk of 8192 units stays a
 * block malloc reuses rather than a fresh mapping), so CPU c's copy of anything is c units past
 * CPU 0's in every chunk, as the kernel's chunks share one unit layout.
 * A chunk is one block of host memory from malloc (a CPU touches only the
 * pages it uses, and a process booting machine after machine reuses the
 * blocks). Allocation is first fit over a chunk's bitmap of granules, as
 * pcpu_alloc_area() scans its allocation map, with the chunk's first-free
 * hint and no block hints; a new chunk comes when none has room, and
 * chunks are never given back before teardown.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/bitmap.h"
#include "mm/page_alloc.h"
#include "mm/percpu.h"

#define PCPU_UNIT_GRANULES (PCPU_UNIT_SIZE / PCPU_MIN_ALLOC_SIZE)

/* models mm/percpu-internal.h:struct pcpu_chunk */
struct pcpu_chunk {
	struct pcpu_chunk *next;
	void *block;              /* the host memory */
	char *base;               /* CPU 0's unit, page aligned; CPU c's is base + c * unit */
	unsigned int first_free;  /* no free granule below (chunk_md.first_free) */
	unsigned int high_water;  /* granules from here on were never handed out */
	unsigned long alloc_map[BITS_TO_LONGS(PCPU_UNIT_GRANULES)];
	/* a bit at each area's first granule and one past its last */
	unsigned long bound_map[BITS_TO_LONGS(PCPU_UNIT_GRANULES + 1)];
};

struct pcpu_state {
	struct pcpu_chunk *chunks;
	unsigned int nr_units;    /* nr_cpu_ids */
};

/* models mm/percpu.c:pcpu_create_chunk() */
static struct pcpu_chunk *pcpu_create_chunk(struct pcpu_state *pc)
{
	struct pcpu_chunk *chunk = calloc(1, sizeof(*chunk)), **last = &pc->chunks;

	if (!chunk)
		return NULL;
	while (*last)
		last = &(*last)->next;
	/* calloc, not posix_memalign: a block of the same size freed before
	 * is reused, where an aligned request would ask for more and miss it;
	 * zeroed, so areas never handed out need no clearing unit by unit */
	chunk->block = calloc(1, ((size_t)pc->nr_units << PCPU_UNIT_SHIFT) + PAGE_SIZE);
	if (!chunk->block) {
		free(chunk);
		return NULL;
	}
	chunk->base = (char *)(((uintptr_t)chunk->block + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1));
	*last = chunk;                  /* searched oldest first */
	return chunk;
}

int setup_per_cpu_areas(struct nc_machine *m)
{
	struct pcpu_state *pc = calloc(1, sizeof(*pc));

	if (!pc)
		return -ENOMEM;
	pc->nr_units = m->topo->nr_cpu_ids;
	m->percpu = pc;
	return pcpu_create_chunk(pc) ? 0 : -ENOMEM;
}

void percpu_exit(struct nc_machine *m)
{
	struct pcpu_state *pc = m->percpu;

	if (!pc)
		return;
	while (pc->chunks) {
		struct pcpu_chunk *chunk = pc->chunks;

		pc->chunks = chunk->next;
		free(chunk->block);
		free(chunk);
	}
	free(pc);
	m->percpu = NULL;
}

/* The first free run of n granules starting on an align-granule boundary,
 * or PCPU_UNIT_GRANULES: from the first free granule, each busy one met
 * moves the search past its run */
static unsigned int find_area(const struct pcpu_chunk *chunk, unsigned int n, unsigned int align)
{
	unsigned int start = chunk->first_free;

	for (;;) {
		unsigned int used;

		start = (start + align - 1) / align * align;
		if (start + n > PCPU_UNIT_GRANULES)
			return PCPU_UNIT_GRANULES;
		used = find_next_bit(chunk->alloc_map, start + n, start);
		if (used == start + n)
			return start;
		start = find_next_zero_bit(chunk->alloc_map, PCPU_UNIT_GRANULES, used);
	}
}

void *__alloc_percpu(struct nc_machine *m, size_t size, size_t align)
{
	struct pcpu_state *pc = m->percpu;
	struct pcpu_chunk *chunk;
	unsigned int n, a, start = PCPU_UNIT_GRANULES;
	char *ptr;

	/* the kernel allows up to PAGE_SIZE; copies a unit apart keep no more */
	if (!size || size > PCPU_UNIT_SIZE || !align || (align & (align - 1)) ||
	    align > PCPU_UNIT_SIZE)
		return NULL;
	n = (unsigned int)((size + PCPU_MIN_ALLOC_SIZE - 1) / PCPU_MIN_ALLOC_SIZE);
	a = align > PCPU_MIN_ALLOC_SIZE ? (unsigned int)(align / PCPU_MIN_ALLOC_SIZE) : 1;
	for (chunk = pc->chunks; chunk; chunk = chunk->next) {
		start = find_area(chunk, n, a);
		if (start < PCPU_UNIT_GRANULES)
			break;
	}
	if (!chunk) {
		chunk = pcpu_create_chunk(pc);
		if (!chunk)
			return NULL;
		start = 0;
	}
	for (unsigned int i = start; i < start + n; i++) {
		__set_bit(i, chunk->alloc_map);
		__clear_bit(i, chunk->bound_map);
	}
	__set_bit(start, chunk->bound_map);
	__set_bit(start + n, chunk->bound_map);
	if (start == chunk->first_free)
		chunk->first_free = find_next_zero_bit(chunk->alloc_map, PCPU_UNIT_GRANULES,
						       start + n);
	ptr = chunk->base + (size_t)start * PCPU_MIN_ALLOC_SIZE;
	if (start < chunk->high_water)
		for (unsigned int cpu = 0; cpu < pc->nr_units; cpu++)
			memset(per_cpu_ptr(ptr, cpu), 0, (size_t)n * PCPU_MIN_ALLOC_SIZE);
	if (start + n > chunk->high_water)
		chunk->high_water = start + n;
	return ptr;
}

void free_percpu(struct nc_machine *m, void *ptr)
{
	struct pcpu_chunk *chunk = m->percpu->chunks;
	unsigned int start, end;

	if (!ptr)
		return;
	while ((char *)ptr < chunk->base || (char *)ptr >= chunk->base + PCPU_UNIT_SIZE)
		chunk = chunk->next;
	start = (unsigned int)(((char *)ptr - chunk->base) / PCPU_MIN_ALLOC_SIZE);
	end = find_next_bit(chunk->bound_map, PCPU_UNIT_GRANULES + 1, start + 1);
	__clear_bit(start, chunk->bound_map);
	for (unsigned int i = start; i < end; i++)
		__clear_bit(i, chunk->alloc_map);
	if (start < chunk->first_free)
		chunk->first_free = start;
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/idr.c's ID allocator over a two-level table instead of the kernel's
 * XArray: the same IDs come out in the same order. Each chunk keeps which
 * IDs are taken (an ID reserved with a NULL pointer is taken) and the
 * pointers. No preloading, locking or RCU: the model is single-threaded.
 */
#include <errno.h>
#include <stdlib.h>

#include "lib/bitmap.h"
#include "lib/idr.h"

struct idr_chunk {
	unsigned long used[BITS_TO_LONGS(IDR_CHUNK)];
	unsigned int nr_used;
	void *ptrs[IDR_CHUNK];
};

void idr_init(struct idr *idr)
{
	for (unsigned int i = 0; i < IDR_MAX / IDR_CHUNK; i++)
		idr->chunks[i] = NULL;
	idr->idr_next = 0;
	idr->spare = NULL;
}

void idr_destroy(struct idr *idr)
{
	for (unsigned int i = 0; i < IDR_MAX / IDR_CHUNK; i++) {
		free(idr->chunks[i]);
		idr->chunks[i] = NULL;
	}
	free(idr->spare);
	idr->spare = NULL;
}

/* The first free id in [start, end), or end. */
static unsigned int find_free(const struct idr *idr, unsigned int start, unsigned int end)
{
	unsigned int id = start;

	while (id < end) {
		const struct idr_chunk *c = idr->chunks[id >> IDR_CHUNK_BITS];
		unsigned int base = id & ~(IDR_CHUNK - 1);

		if (!c || c->nr_used < IDR_CHUNK) {
			if (!c || !test_bit(id - base, c->used))
				return id;
			for (unsigned int b = id - base + 1; b < IDR_CHUNK; b++)
				if (!test_bit(b, c->used))
					return base + b < end ? base + b : end;
		}
		id = base + IDR_CHUNK;
	}
	return end;
}

static int take(struct idr *idr, void *ptr, unsigned int id)
{
	struct idr_chunk **c = &idr->chunks[id >> IDR_CHUNK_BITS];

	if (!*c) {
		/* an emptied chunk is all clear: no bit set, every pointer NULL */
		*c = idr->spare ? idr->spare : calloc(1, sizeof(**c));
		idr->spare = NULL;
		if (!*c)
			return -ENOMEM;
	}
	__set_bit(id & (IDR_CHUNK - 1), (*c)->used);
	(*c)->nr_used++;
	(*c)->ptrs[id & (IDR_CHUNK - 1)] = ptr;
	return (int)id;
}

/* models lib/idr.c:idr_alloc() */
int idr_alloc(struct idr *idr, void *ptr, int start, int end)
{
	unsigned int lim = end <= 0 || end > IDR_MAX ? IDR_MAX : (unsigned int)end;
	unsigned int id;

	if (start < 0 || (unsigned int)start >= lim)
		return start < 0 ? -EINVAL : -ENOSPC;
	id = find_free(idr, (unsigned int)start, lim);
	if (id >= lim)
		return -ENOSPC;
	return take(idr, ptr, id);
}

/* models lib/idr.c:idr_alloc_cyclic() */
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end)
{
	int from = (int)idr->idr_next > start ? (int)idr->idr_next : start;
	int id = idr_alloc(idr, ptr, from, end);

	if (id == -ENOSPC && from > start)
		id = idr_alloc(idr, ptr, start, end);
	if (id >= 0)
		idr->idr_next = (unsigned int)id + 1;
	return id;
}

static struct idr_chunk *chunk_of(const struct idr *idr, unsigned long id)
{
	struct idr_chunk *c = id < IDR_MAX ? idr->chunks[id >> IDR_CHUNK_BITS] : NULL;

	return c && test_bit(id & (IDR_CHUNK - 1), c->used) ? c : NULL;
}

void *idr_find(const struct idr *idr, unsigned long id)
{
	struct idr_chunk *c = chunk_of(idr, id);

	return c ? c->ptrs[id & (IDR_CHUNK - 1)] : NULL;
}

void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
	struct idr_chunk *c = chunk_of(idr, id);
	void *old;

	if (!c)
		return NULL;
	old = c->ptrs[id & (IDR_CHUNK - 1)];
	c->ptrs[id & (IDR_CHUNK - 1)] = ptr;
	return old;
}

void *idr_remove(struct idr *idr, unsigned long id)
{
	struct idr_chunk *c = chunk_of(idr, id);
	void *old = idr_replace(idr, NULL, id);

	if (!c)
		return NULL;
	__clear_bit(id & (IDR_CHUNK - 1), c->used);
	if (!--c->nr_used) {
		free(idr->spare);
		idr->spare = c;
		idr->chunks[id >> IDR_CHUNK_BITS] = NULL;
	}
	return old;
}

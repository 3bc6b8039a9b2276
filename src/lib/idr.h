/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An ID allocator with the interface of lib/idr.c: integer IDs mapped to
 * pointers, allocation of the lowest free ID in a range, and the cyclic
 * variant that resumes after the last ID handed out (as pids are).
 * The kernel keeps the IDs in a radix tree (an XArray); the model keeps a
 * two-level table of 4096-ID chunks allocated on first use, so memory grows
 * with the IDs in use, not with the range. IDs are below IDR_MAX.
 */
#ifndef NC_LIB_IDR_H
#define NC_LIB_IDR_H

#define IDR_CHUNK_BITS 12
#define IDR_CHUNK (1 << IDR_CHUNK_BITS)
#define IDR_MAX (1 << 22)      /* PID_MAX_LIMIT on 64-bit */

struct idr_chunk;

struct idr {
	struct idr_chunk *chunks[IDR_MAX / IDR_CHUNK];
	unsigned int idr_next;  /* the cyclic cursor */
	/* the last chunk emptied, kept for the next one needed: a fork and
	 * a reap in turn empty and refill a chunk every time */
	struct idr_chunk *spare;
};

void idr_init(struct idr *idr);
void idr_destroy(struct idr *idr);
/* models idr_alloc(): the lowest free id in [start, end), else -ENOSPC;
 * -ENOMEM if the host is out of memory, -EINVAL for a bad range.
 * A NULL ptr reserves the id (idr_find() returns NULL until idr_replace()). */
int idr_alloc(struct idr *idr, void *ptr, int start, int end);
/* models idr_alloc_cyclic(): as idr_alloc() from the cursor, wrapping to start */
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end);
void *idr_find(const struct idr *idr, unsigned long id);
/* models idr_replace(): returns the old pointer */
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
/* models idr_remove(): returns the pointer that was stored */
void *idr_remove(struct idr *idr, unsigned long id);

static inline unsigned int idr_get_cursor(const struct idr *idr)
{
	return idr->idr_next;
}

static inline void idr_set_cursor(struct idr *idr, unsigned int val)
{
	idr->idr_next = val;
}

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page allocator's interface (include/linux/gfp.h, mmzone.h): per-node
 * buddy allocators of simulated frames, zonelists, NUMA counters. Frames are
 * bookkeeping; a struct page exists only for an allocated block (its head).
 */
#ifndef NC_MM_PAGE_ALLOC_H
#define NC_MM_PAGE_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

#include "arch/machine.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define MAX_PAGE_ORDER 10
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)

typedef unsigned int gfp_t;

/* gfp bits the model acts on (values are the model's own, not the kernel's) */
#define __GFP_THISNODE  0x01u  /* no fallback to other nodes */
#define __GFP_NOWARN    0x02u
#define __GFP_NORETRY   0x04u
#define __GFP_ZERO      0x08u
#define __GFP_ACCOUNT   0x10u
#define __GFP_MOVABLE   0x20u  /* highest zone MOVABLE rather than NORMAL */
#define __GFP_COMP      0x40u
#define __GFP_HIGHMEM   0x80u
#define __GFP_DMA       0x100u
#define __GFP_DMA32     0x200u
#define __GFP_DIRECT_RECLAIM 0x400u /* may sleep; fault injection skips these by default */
#define __GFP_NOFAIL    0x800u
/* bits the model only carries, so masks compose and print (show_gfp_flags())
 * as the kernel's do */
#define __GFP_IO        0x1000u
#define __GFP_FS        0x2000u
#define __GFP_KSWAPD_RECLAIM 0x4000u
#define __GFP_HARDWALL  0x8000u
#define __GFP_HIGH      0x10000u
#define __GFP_RECLAIMABLE 0x20000u
#define __GFP_WRITE     0x40000u
#define __GFP_RETRY_MAYFAIL 0x80000u
#define __GFP_NOMEMALLOC 0x100000u
#define __GFP_MEMALLOC  0x200000u
#define __GFP_RECLAIM   (__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
/* the composites as include/linux/gfp_types.h builds them */
#define GFP_ATOMIC      (__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL      (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT      (__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO        __GFP_RECLAIM
#define GFP_NOFS        (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER        (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA         __GFP_DMA
#define GFP_DMA32       __GFP_DMA32
#define GFP_HIGHUSER    (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_TRANSHUGE_LIGHT ((GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | \
			      __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE   (GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)

/* include/linux/mmzone.h's migratetypes, as tracepoints report them (the
 * allocator itself keeps one free list per order) */
enum { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE, MIGRATE_RECLAIMABLE };

/* models include/linux/gfp.h:gfp_migratetype() */
static inline int gfp_migratetype(gfp_t gfp)
{
	return (gfp & __GFP_MOVABLE) ? MIGRATE_MOVABLE :
	       (gfp & __GFP_RECLAIMABLE) ? MIGRATE_RECLAIMABLE : MIGRATE_UNMOVABLE;
}

struct page {
	unsigned long pfn;         /* machine-wide frame number of the head */
	int nid;                   /* node whose frames these are */
	unsigned int order;
	unsigned long flags;
	void *private;             /* owner's use (SLUB: its struct slab) */
};

/* models include/linux/mm.h:page_to_nid() */
static inline int page_to_nid(const struct page *page)
{
	return page->nid;
}

/* models mm/page_alloc.c:__alloc_pages_noprof(): the zonelist walk of
 * preferred_nid's zonelist, restricted to nodemask if non-NULL */
struct page *__alloc_pages(struct nc_machine *m, gfp_t gfp, unsigned int order,
			   int preferred_nid, const nodemask_t *nodemask);
/* models include/linux/gfp.h:alloc_pages_node(): NUMA_NO_NODE means
 * numa_mem_id(); no mempolicy */
struct page *alloc_pages_node(struct nc_machine *m, int nid, gfp_t gfp,
			      unsigned int order);
/* models mm/page_alloc.c:alloc_pages_bulk_noprof(), page-array form:
 * fills the NULL slots of page_array[0..nr_pages) with order-0 pages;
 * returns how many slots are filled (vmalloc's way to get pages) */
int __alloc_pages_bulk(struct nc_machine *m, gfp_t gfp, int preferred_nid,
		       const nodemask_t *nodemask, int nr_pages, struct page **page_array);
/* models mm/page_alloc.c:__free_pages() */
void __free_pages(struct nc_machine *m, struct page *page, unsigned int order);
/* Free pages on a node now (MemFree of nodeN/meminfo, numactl's "free:") */
unsigned long node_free_pages(const struct nc_machine *m, int nid);

/* models include/linux/mm.h:page_zone() */
struct zone *page_zone(const struct nc_machine *m, const struct page *page);

/*
 * Boot and teardown: models free_area_init() (node and zone layout in
 * physical address order), build_all_zonelists(), memblock_free_all() and
 * init_per_zone_wmark_min(). Returns 0 or -ENOMEM.
 */
int nc_page_alloc_init(struct nc_machine *m);
void nc_page_alloc_exit(struct nc_machine *m);

/* models mm/page_alloc.c:build_all_zonelists() after boot: every possible
 * node's lists rebuilt, now with the CPU penalty (reference B-Z-8) */
void build_all_zonelists(struct nc_machine *m);
/* The node order of nid's FALLBACK zonelist (its "Fallback order for
 * Node N:" line): up to max node ids into order[], returns how many. */
unsigned int nc_zonelist_node_order(const struct nc_machine *m, int nid,
				    int *order, unsigned int max);

/* The line build_zonelists() logs for nid ("Fallback order for Node 1:
 * 1 0 3 \n", a space after each node); snprintf-style return. */
int nc_fallback_order_line(const struct nc_machine *m, int nid, char *buf, size_t size);

/* Checks every buddy invariant (free counts, alignment, no mergeable
 * buddies, page accounting). Returns 0 or -EUCLEAN with *why set. */
int nc_page_alloc_validate(const struct nc_machine *m, const char **why);

#endif

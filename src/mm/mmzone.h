/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Nodes and zones as include/linux/mmzone.h keeps them on x86_64: each
 * node's pglist_data holds its zones (DMA, DMA32, NORMAL, MOVABLE), its two
 * zonelists and its counters; each zone a buddy allocator of its frames.
 * Left out: ZONE_DEVICE, migratetypes and pageblocks, per-CPU page lists,
 * memory holes inside a zone (the only hole is the 32-bit MMIO one).
 */
#ifndef NC_MM_MMZONE_H
#define NC_MM_MMZONE_H

#include <stdbool.h>

#include "mm/fail_page_alloc.h"
#include "mm/page_alloc.h"
#include "mm/vmstat.h"

enum zone_type {
	ZONE_DMA,      /* below 16 MiB */
	ZONE_DMA32,    /* below 4 GiB */
	ZONE_NORMAL,
	ZONE_MOVABLE,  /* empty: no kernelcore=/movablecore= */
	MAX_NR_ZONES
};

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, WMARK_PROMO, NR_WMARK };

/* zonelist indices (include/linux/mmzone.h) */
enum { ZONELIST_FALLBACK, ZONELIST_NOFALLBACK, MAX_ZONELISTS };

struct buddy_block;

/* A block list: a free list of one order, or the allocated blocks of a zone. */
struct block_list {
	struct buddy_block *head;
};

struct free_area {
	struct block_list free_list;  /* explicit free blocks of this order */
	unsigned long nr_free;        /* explicit + untouched blocks */
};

struct zone {
	struct pglist_data *zone_pgdat;
	enum zone_type idx;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;  /* may include the MMIO hole */
	unsigned long present_pages;  /* RAM: [zone_start_pfn, +present) */
	unsigned long managed_pages;  /* what the buddy allocator owns */
	unsigned long _watermark[NR_WMARK];
	long lowmem_reserve[MAX_NR_ZONES];
	struct free_area free_area[NR_PAGE_ORDERS];
	/*
	 * Frames in [untouched_lo, untouched_hi) were never split: they are
	 * free max-order-or-smaller blocks (the canonical decomposition of
	 * the range) that exist only as counts in free_area[].nr_free.
	 */
	unsigned long untouched_lo, untouched_hi;
	struct buddy_block **hash;    /* explicit free blocks by pfn */
	unsigned long hash_size, hash_count;
	struct block_list allocated;  /* blocks handed out, for teardown */
	struct buddy_block *block_cache; /* unused block structs, for reuse */
	unsigned int nr_block_cache;
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
	unsigned long vm_numa_event[NR_VM_NUMA_EVENT_ITEMS];
	unsigned long pgalloc;        /* vm event pgalloc_<zone> */
	unsigned long pgfree;         /* this zone's share of the vm event pgfree */
};

struct zoneref {
	struct zone *zone;  /* NULL terminates a zonelist */
	int zone_idx;
};

struct zonelist {
	struct zoneref *_zonerefs;
};

typedef struct pglist_data {
	int node_id;
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_ZONELISTS];
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int *fallback_order;          /* last build_zonelists() node order */
	unsigned int nr_fallback;
	long vm_stat[NR_VM_NODE_STAT_ITEMS];
} pg_data_t;

/* The allocator's machine-wide state (globals of mm/page_alloc.c). */
struct page_alloc_state {
	int min_free_kbytes;
	int watermark_scale_factor;         /* vm.watermark_scale_factor */
	int lowmem_reserve_ratio[MAX_NR_ZONES];
	int *node_load;                     /* [nr_node_ids], build_zonelists() */
	bool zonelist_cpu_penalty;          /* "penalty active" (reference B-Z-8) */
	int policy_zone;                    /* highest populated zone below MOVABLE */
	bool numa_stat;                     /* vm.numa_stat */
	struct fail_page_alloc_attr fail;
	unsigned long nr_warn_alloc;        /* warn_alloc() reports */
};

/* models include/linux/mmzone.h:NODE_DATA() */
#define NODE_DATA(m, nid) ((m)->node_data[(nid)])

static inline int zone_to_nid(const struct zone *zone)
{
	return zone->zone_pgdat->node_id;
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return zone->managed_pages;
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline unsigned long min_wmark_pages(const struct zone *z)
{
	return z->_watermark[WMARK_MIN];
}

static inline unsigned long low_wmark_pages(const struct zone *z)
{
	return z->_watermark[WMARK_LOW];
}

static inline unsigned long high_wmark_pages(const struct zone *z)
{
	return z->_watermark[WMARK_HIGH];
}

/* models mm/page_alloc.c:min_free_kbytes_sysctl_handler(): 0..INT_MAX,
 * else -EINVAL; watermarks recomputed (THP's floor does not apply) */
int sysctl_min_free_kbytes_write(struct nc_machine *m, long val);
/* models mm/page_alloc.c:watermark_scale_factor_sysctl_handler(): 1..3000 */
int sysctl_watermark_scale_factor_write(struct nc_machine *m, long val);
/* models mm/page_alloc.c:lowmem_reserve_ratio_sysctl_handler(): ratios
 * below 1 become 0 (no reserve); the reserves are recomputed */
void sysctl_lowmem_reserve_ratio_write(struct nc_machine *m, const int ratio[MAX_NR_ZONES]);

/* The zone's name as /proc/zoneinfo and pgalloc_<name> spell it. */
const char *zone_name(enum zone_type idx);

#endif

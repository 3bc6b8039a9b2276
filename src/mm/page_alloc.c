// SPDX-License-Identifier: GPL-2.0-only
/*
 * The page allocator (mm/page_alloc.c, mm/mm_init.c): node and zone layout,
 * zonelists, watermarks, the buddy allocator and the zonelist walk with its
 * NUMA statistics. Frames are bookkeeping: a zone's never-split memory is a
 * pfn range, and a block struct exists only once a block has been split.
 * Left out: per-CPU page lists (freed pages count as free at once),
 * migratetypes (so ALLOC_NOFRAGMENT's restart finds the same zones),
 * reclaim, compaction, kswapd, the OOM killer (the slow path retries at the
 * min watermark, then fails), boot-time reservations (managed = present:
 * a node's memory in the topology is its MemTotal), THP's min_free_kbytes.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mm/fail_page_alloc.h"
#include "mm/mmzone.h"
#include "mm/page_alloc.h"
#include "mm/vmstat.h"
#include "trace/events.h"

/* x86_64 physical layout: zone limits and the 32-bit MMIO hole below 4 GiB */
#define DMA_END_PFN         (16UL << (20 - PAGE_SHIFT))
#define DMA32_END_PFN       (4UL << (30 - PAGE_SHIFT))
#define MMIO_HOLE_START_PFN (3UL << (30 - PAGE_SHIFT))

#define PENALTY_FOR_NODE_WITH_CPUS 1

/* alloc_flags (mm/internal.h) */
#define ALLOC_WMARK_MIN   WMARK_MIN
#define ALLOC_WMARK_LOW   WMARK_LOW
#define ALLOC_WMARK_MASK  0x03u
#define ALLOC_NOFRAGMENT  0x100u

/* A block of 2^order frames: free (on a free list and in the pfn hash) or
 * allocated (its struct page handed out, on the zone's allocated list). */
struct buddy_block {
	struct page page;
	struct buddy_block *prev, *next;
	struct buddy_block *hnext;
	bool free;
};

static struct buddy_block *to_block(struct page *page)
{
	return (struct buddy_block *)((char *)page - offsetof(struct buddy_block, page));
}

static void list_add_block(struct block_list *l, struct buddy_block *b)
{
	b->prev = NULL;
	b->next = l->head;
	if (l->head)
		l->head->prev = b;
	l->head = b;
}

static void list_del_block(struct block_list *l, struct buddy_block *b)
{
	if (b->prev)
		b->prev->next = b->next;
	else
		l->head = b->next;
	if (b->next)
		b->next->prev = b->prev;
}

/* ---- pfn hash of a zone's explicit free blocks (buddy lookup) ---- */

static unsigned long hash_slot(const struct zone *z, unsigned long pfn)
{
	return (unsigned long)((pfn * 0x9E3779B97F4A7C15ULL) >> 20) & (z->hash_size - 1);
}

static void hash_grow(struct zone *z)
{
	unsigned long size = z->hash_size ? z->hash_size * 2 : 64;
	struct buddy_block **t = calloc(size, sizeof(*t));
	struct buddy_block **old = z->hash;
	unsigned long old_size = z->hash_size;

	if (!t)
		return; /* keep the old table: longer chains, same answers */
	z->hash = t;
	z->hash_size = size;
	for (unsigned long i = 0; i < old_size; i++) {
		for (struct buddy_block *b = old[i], *n; b; b = n) {
			unsigned long s = hash_slot(z, b->page.pfn);

			n = b->hnext;
			b->hnext = t[s];
			t[s] = b;
		}
	}
	free(old);
}

static struct buddy_block *hash_find(const struct zone *z, unsigned long pfn)
{
	if (!z->hash_size)
		return NULL;
	for (struct buddy_block *b = z->hash[hash_slot(z, pfn)]; b; b = b->hnext)
		if (b->page.pfn == pfn)
			return b;
	return NULL;
}

static void hash_del(struct zone *z, struct buddy_block *b)
{
	struct buddy_block **pp = &z->hash[hash_slot(z, b->page.pfn)];

	while (*pp != b)
		pp = &(*pp)->hnext;
	*pp = b->hnext;
	z->hash_count--;
}

/* models mm/page_alloc.c:__add_to_free_list() */
static void add_to_free_list(struct zone *z, struct buddy_block *b)
{
	unsigned long s;

	if (z->hash_count >= z->hash_size)
		hash_grow(z);
	s = hash_slot(z, b->page.pfn);
	b->hnext = z->hash[s];
	z->hash[s] = b;
	z->hash_count++;
	b->free = true;
	list_add_block(&z->free_area[b->page.order].free_list, b);
}

/* models mm/page_alloc.c:__del_page_from_free_list() (nr_free left to the caller) */
static void del_from_free_list(struct zone *z, struct buddy_block *b)
{
	list_del_block(&z->free_area[b->page.order].free_list, b);
	hash_del(z, b);
	b->free = false;
}

/* Block structs come from a small per-zone cache, so that the split and
 * merge of an alloc+free pair costs no host allocation. */
#define BLOCK_CACHE_MAX 64

static struct buddy_block *block_new(struct zone *z, unsigned long pfn, unsigned int order)
{
	struct buddy_block *b = z->block_cache;

	if (b) {
		z->block_cache = b->next;
		z->nr_block_cache--;
		memset(b, 0, sizeof(*b));
	} else if (!(b = calloc(1, sizeof(*b)))) {
		return NULL;
	}
	b->page.pfn = pfn;
	b->page.order = order;
	b->page.nid = zone_to_nid(z);
	return b;
}

static void block_put(struct zone *z, struct buddy_block *b)
{
	if (z->nr_block_cache >= BLOCK_CACHE_MAX) {
		free(b);
		return;
	}
	b->next = z->block_cache;
	z->block_cache = b;
	z->nr_block_cache++;
}

/* ---- the untouched range: never-split frames as implicit free blocks ---- */

/* Order of the largest aligned block starting at pfn that ends by end
 * (the split memblock_free_all() -> __free_pages_memory() makes). */
static unsigned int block_order_at(unsigned long pfn, unsigned long end)
{
	unsigned int order = pfn ? (unsigned int)__builtin_ctzl(pfn) : MAX_PAGE_ORDER;

	if (order > MAX_PAGE_ORDER)
		order = MAX_PAGE_ORDER;
	while (pfn + (1UL << order) > end)
		order--;
	return order;
}

/* Order of the largest aligned block ending at end that starts at or above lo. */
static unsigned int block_order_before(unsigned long lo, unsigned long end)
{
	unsigned int order = (unsigned int)__builtin_ctzl(end);

	if (order > MAX_PAGE_ORDER)
		order = MAX_PAGE_ORDER;
	while (end - (1UL << order) < lo)
		order--;
	return order;
}

/* Adds the canonical decomposition of [lo, hi) into nr[order]. */
static void range_count_blocks(unsigned long lo, unsigned long hi,
			       unsigned long nr[NR_PAGE_ORDERS])
{
	while (lo < hi) {
		unsigned int o = block_order_at(lo, hi);
		unsigned long n = o == MAX_PAGE_ORDER ? (hi - lo) >> MAX_PAGE_ORDER : 1;

		nr[o] += n;
		lo += n << o;
	}
}

/* Makes canonical blocks at one end of the untouched range explicit until
 * one of the wanted order is; false if neither end has one (or no host
 * memory). Free counts do not change: the blocks stay free. */
static bool untouched_take(struct zone *z, unsigned int order)
{
	unsigned long p, q;
	unsigned int o = 0;

	for (p = z->untouched_lo; p < z->untouched_hi; p += 1UL << o) {
		o = block_order_at(p, z->untouched_hi);
		if (o == order)
			break;
		if (o == MAX_PAGE_ORDER)
			break;
	}
	if (p < z->untouched_hi && o == order) {
		while (z->untouched_lo <= p) {
			unsigned int bo = block_order_at(z->untouched_lo, z->untouched_hi);
			struct buddy_block *b = block_new(z, z->untouched_lo, bo);

			if (!b)
				return false;
			z->untouched_lo += 1UL << bo;
			add_to_free_list(z, b);
		}
		return true;
	}
	for (q = z->untouched_hi; q > z->untouched_lo; q -= 1UL << o) {
		o = block_order_before(z->untouched_lo, q);
		if (o == order || o == MAX_PAGE_ORDER)
			break;
	}
	if (q <= z->untouched_lo || o != order)
		return false;
	q -= 1UL << o; /* the wanted block's start */
	while (z->untouched_hi > q) {
		unsigned int bo = block_order_before(z->untouched_lo, z->untouched_hi);
		struct buddy_block *b = block_new(z, z->untouched_hi - (1UL << bo), bo);

		if (!b)
			return false;
		z->untouched_hi -= 1UL << bo;
		add_to_free_list(z, b);
	}
	return true;
}

/* ---- the buddy allocator ---- */

/* models mm/page_alloc.c:expand(): keeps the low half, frees the high halves */
static void expand(struct zone *z, struct buddy_block *b, unsigned int low,
		   unsigned int high, struct buddy_block **spare)
{
	while (high > low) {
		struct buddy_block *half = *spare++;

		high--;
		half->page.pfn = b->page.pfn + (1UL << high);
		half->page.order = high;
		add_to_free_list(z, half);
		z->free_area[high].nr_free++;
	}
	b->page.order = low;
}

/* models mm/page_alloc.c:__rmqueue_smallest() */
static struct buddy_block *__rmqueue_smallest(struct zone *z, unsigned int order)
{
	struct buddy_block *spare[MAX_PAGE_ORDER];

	for (unsigned int cur = order; cur <= MAX_PAGE_ORDER; cur++) {
		struct free_area *area = &z->free_area[cur];
		struct buddy_block *b;
		unsigned int i;

		if (!area->nr_free)
			continue;
		if (!area->free_list.head && !untouched_take(z, cur))
			return NULL;
		/* the split halves need structs: get them before changing anything */
		for (i = 0; i < cur - order; i++)
			if (!(spare[i] = block_new(z, 0, 0)))
				break;
		if (i < cur - order) {
			while (i--)
				block_put(z, spare[i]);
			return NULL;
		}
		b = area->free_list.head;
		del_from_free_list(z, b);
		area->nr_free--;
		expand(z, b, order, cur, spare);
		return b;
	}
	return NULL;
}

/*
 * models mm/page_alloc.c:__free_one_page(): merge with free buddies. A
 * buddy is never in the untouched range: that range is always a run of the
 * zone's boot blocks, each the largest aligned block the zone can hold
 * there, so every block outside it lies within one boot block, and its
 * buddy with it.
 */
static void __free_one_page(struct zone *z, struct buddy_block *b)
{
	unsigned long pfn = b->page.pfn;
	unsigned int order = b->page.order;

	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct buddy_block *buddy = hash_find(z, buddy_pfn);

		if (!buddy || buddy->page.order != order)
			break;
		del_from_free_list(z, buddy);
		block_put(z, buddy);
		z->free_area[order].nr_free--;
		pfn &= buddy_pfn;
		order++;
	}
	b->page.pfn = pfn;
	b->page.order = order;
	b->page.flags = 0;
	b->page.private = NULL;
	add_to_free_list(z, b);
	z->free_area[order].nr_free++;
}

struct zone *page_zone(const struct nc_machine *m, const struct page *page)
{
	pg_data_t *pgdat = NODE_DATA(m, page->nid);

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *z = &pgdat->node_zones[i];

		if (page->pfn >= z->zone_start_pfn && page->pfn < zone_end_pfn(z))
			return z;
	}
	return NULL;
}

/* models mm/page_alloc.c:__free_pages(); the block's own order is used
 * (freeing with another order than allocated is a caller bug) */
void __free_pages(struct nc_machine *m, struct page *page, unsigned int order)
{
	struct buddy_block *b = to_block(page);
	struct zone *z = page_zone(m, page);

	(void)order;
	trace_mm_page_free(m, page, b->page.order);
	list_del_block(&z->allocated, b);
	__mod_zone_page_state(z, NR_FREE_PAGES, 1L << b->page.order);
	z->pgfree += 1UL << b->page.order;
	__free_one_page(z, b);
}

/* ---- the allocation walk ---- */

struct alloc_context {
	struct zonelist *zonelist;
	const nodemask_t *nodemask;
	struct zoneref *preferred_zoneref;
	enum zone_type highest_zoneidx;
};

/* models include/linux/gfp.h:gfp_zone() on x86_64 */
static enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	if (gfp & __GFP_DMA32)
		return ZONE_DMA32;
	if ((gfp & (__GFP_MOVABLE | __GFP_HIGHMEM)) == (__GFP_MOVABLE | __GFP_HIGHMEM))
		return ZONE_MOVABLE;
	return ZONE_NORMAL;
}

static bool zref_ok(const struct zoneref *z, enum zone_type highest,
		    const nodemask_t *nodes)
{
	return z->zone_idx <= (int)highest &&
	       (!nodes || node_isset(zone_to_nid(z->zone), *nodes));
}

/* models include/linux/mmzone.h:next_zones_zonelist() */
static struct zoneref *next_zones_zonelist(struct zoneref *z, enum zone_type highest,
					   const nodemask_t *nodes)
{
	while (z->zone && !zref_ok(z, highest, nodes))
		z++;
	return z;
}

/* models mm/page_alloc.c:zone_watermark_fast() and __zone_watermark_ok()
 * (one migratetype, no CMA, no high-atomic reserve, no boosting) */
static bool zone_watermark_ok(const struct zone *z, unsigned int order,
			      unsigned long mark, enum zone_type highest)
{
	long free_pages = (long)zone_page_state(z, NR_FREE_PAGES);

	free_pages -= (1L << order) - 1;
	if (free_pages <= (long)mark + z->lowmem_reserve[highest])
		return false;
	for (unsigned int o = order; o <= MAX_PAGE_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

/* A block off the free lists, accounted as allocated (statistics apart). */
static struct page *take_page(struct zone *z, unsigned int order)
{
	struct buddy_block *b = __rmqueue_smallest(z, order);

	if (!b)
		return NULL;
	__mod_zone_page_state(z, NR_FREE_PAGES, -(1L << order));
	b->page.flags = 0;
	b->page.private = NULL;
	list_add_block(&z->allocated, b);
	return &b->page;
}

/* models mm/page_alloc.c:rmqueue() -> rmqueue_buddy() */
static struct page *rmqueue(struct nc_machine *m, struct zone *preferred,
			    struct zone *z, unsigned int order)
{
	struct page *page = take_page(z, order);

	if (!page)
		return NULL;
	z->pgalloc += 1UL << order;
	zone_statistics(m, preferred, z, 1);
	return page;
}

/* models include/linux/nodemask.h:num_online_nodes(); online nodes are
 * below nr_node_ids, so the rest of MAX_NUMNODES need not be counted */
static unsigned int num_online_nodes(const struct nc_machine *m)
{
	return bitmap_weight(m->topo->online.bits, m->topo->nr_node_ids);
}

/* models mm/page_alloc.c:get_page_from_freelist() (no cpusets, no dirty
 * limits, node reclaim off as with vm.zone_reclaim_mode = 0) */
static struct page *get_page_from_freelist(struct nc_machine *m, unsigned int order,
					   unsigned int alloc_flags,
					   const struct alloc_context *ac)
{
	unsigned int nr_online = num_online_nodes(m);
	struct zone *preferred;
	struct zoneref *z;

retry:
	z = ac->preferred_zoneref;
	preferred = z->zone;
	for (; z->zone; z = next_zones_zonelist(z + 1, ac->highest_zoneidx, ac->nodemask)) {
		struct zone *zone = z->zone;
		struct page *page;

		/* Locality beats fragmentation avoidance: before the walk
		 * leaves the preferred node, start over allowing fallbacks.
		 * (With one migratetype the second pass sees the same zones.) */
		if ((alloc_flags & ALLOC_NOFRAGMENT) && nr_online > 1 &&
		    zone != preferred && zone_to_nid(zone) != zone_to_nid(preferred)) {
			alloc_flags &= ~ALLOC_NOFRAGMENT;
			goto retry;
		}
		if (!zone_watermark_ok(zone, order,
				       zone->_watermark[alloc_flags & ALLOC_WMARK_MASK],
				       ac->highest_zoneidx))
			continue;
		page = rmqueue(m, preferred, zone, order);
		if (page)
			return page;
	}
	if (alloc_flags & ALLOC_NOFRAGMENT) {
		alloc_flags &= ~ALLOC_NOFRAGMENT;
		goto retry;
	}
	return NULL;
}

/* models mm/page_alloc.c:alloc_flags_nofragment() */
static unsigned int alloc_flags_nofragment(const struct nc_machine *m,
					   const struct zone *zone)
{
	if (!zone || zone->idx != ZONE_NORMAL)
		return 0;
	if (num_online_nodes(m) > 1 &&
	    !populated_zone(&zone->zone_pgdat->node_zones[ZONE_DMA32]))
		return 0;
	return ALLOC_NOFRAGMENT;
}

/* models mm/page_alloc.c:warn_alloc(): counted, never printed */
static void warn_alloc(struct nc_machine *m, gfp_t gfp)
{
	if (!(gfp & __GFP_NOWARN))
		m->page_alloc->nr_warn_alloc++;
}

/* models mm/page_alloc.c:__alloc_pages_slowpath(): the min-watermark walk;
 * no kswapd, reclaim, compaction or OOM killer, so then it fails
 * (__GFP_NORETRY and __GFP_NOFAIL change nothing here) */
static struct page *__alloc_pages_slowpath(struct nc_machine *m, gfp_t gfp,
					   unsigned int order, struct alloc_context *ac)
{
	struct page *page = NULL;

	ac->preferred_zoneref = next_zones_zonelist(ac->zonelist->_zonerefs,
						    ac->highest_zoneidx, ac->nodemask);
	if (ac->preferred_zoneref->zone)
		page = get_page_from_freelist(m, order, ALLOC_WMARK_MIN, ac);
	if (!page)
		warn_alloc(m, gfp);
	return page;
}

/* models mm/page_alloc.c:prepare_alloc_pages(): false if the node id is
 * not one of the machine's or fault injection fails the request */
static bool prepare_alloc_pages(struct nc_machine *m, gfp_t gfp, unsigned int order,
				int preferred_nid, const nodemask_t *nodemask,
				struct alloc_context *ac)
{
	if (preferred_nid < 0 || (unsigned int)preferred_nid >= m->topo->nr_node_ids)
		return false;
	ac->highest_zoneidx = gfp_zone(gfp);
	ac->zonelist = &NODE_DATA(m, preferred_nid)->node_zonelists[
		(gfp & __GFP_THISNODE) ? ZONELIST_NOFALLBACK : ZONELIST_FALLBACK];
	ac->nodemask = nodemask;
	if (should_fail_alloc_page(m, gfp, order, preferred_nid))
		return false;
	/* the preferred zone: statistics and the start of the walk */
	ac->preferred_zoneref = next_zones_zonelist(ac->zonelist->_zonerefs,
						    ac->highest_zoneidx, ac->nodemask);
	return true;
}

struct page *__alloc_pages(struct nc_machine *m, gfp_t gfp, unsigned int order,
			   int preferred_nid, const nodemask_t *nodemask)
{
	struct alloc_context ac;
	unsigned int alloc_flags = ALLOC_WMARK_LOW;
	struct page *page;

	if (order > MAX_PAGE_ORDER) {
		warn_alloc(m, gfp);
		return NULL;
	}
	if (!prepare_alloc_pages(m, gfp, order, preferred_nid, nodemask, &ac))
		return NULL;
	alloc_flags |= alloc_flags_nofragment(m, ac.preferred_zoneref->zone);
	page = get_page_from_freelist(m, order, alloc_flags, &ac);
	if (!page)
		page = __alloc_pages_slowpath(m, gfp, order, &ac);
	trace_mm_page_alloc(m, page, order, gfp, gfp_migratetype(gfp));
	return page;
}

/*
 * The bulk path serves the request from one zone of the preferred node
 * only (passing LOW + nr_pages), as one statistics event of nr pages; if
 * no such zone, one page, or an accounted request (memcg kmem is online on
 * the modelled kernel), it makes a single __alloc_pages() call instead.
 */
int __alloc_pages_bulk(struct nc_machine *m, gfp_t gfp, int preferred_nid,
		       const nodemask_t *nodemask, int nr_pages, struct page **page_array)
{
	unsigned int nr_online = num_online_nodes(m);
	int nr_populated = 0, nr_account = 0;
	struct alloc_context ac;
	struct zone *zone = NULL, *preferred;
	struct page *page;

	while (nr_populated < nr_pages && page_array[nr_populated])
		nr_populated++;
	if (nr_pages <= 0 || nr_populated == nr_pages)
		return nr_populated;
	if ((gfp & __GFP_ACCOUNT) || nr_pages - nr_populated == 1)
		goto failed;
	if (!prepare_alloc_pages(m, gfp, 0, preferred_nid, nodemask, &ac))
		return nr_populated;
	preferred = ac.preferred_zoneref->zone;
	for (struct zoneref *z = ac.preferred_zoneref; z->zone;
	     z = next_zones_zonelist(z + 1, ac.highest_zoneidx, ac.nodemask)) {
		if (nr_online > 1 && z->zone != preferred &&
		    zone_to_nid(z->zone) != zone_to_nid(preferred))
			goto failed;
		if (zone_watermark_ok(z->zone, 0, low_wmark_pages(z->zone) + (unsigned long)nr_pages,
				      (enum zone_type)ac.preferred_zoneref->zone_idx)) {
			zone = z->zone;
			break;
		}
	}
	if (!zone)
		goto failed;
	while (nr_populated < nr_pages) {
		if (page_array[nr_populated]) {
			nr_populated++;
			continue;
		}
		page = take_page(zone, 0);
		if (!page) {
			if (!nr_account)
				goto failed;
			break;
		}
		nr_account++;
		page_array[nr_populated++] = page;
	}
	zone->pgalloc += (unsigned long)nr_account;
	zone_statistics(m, preferred, zone, nr_account);
	return nr_populated;
failed:
	page = __alloc_pages(m, gfp, 0, preferred_nid, nodemask);
	if (page)
		page_array[nr_populated++] = page;
	return nr_populated;
}

struct page *alloc_pages_node(struct nc_machine *m, int nid, gfp_t gfp,
			      unsigned int order)
{
	if (nid == NUMA_NO_NODE)
		nid = numa_mem_id(m);
	return __alloc_pages(m, gfp, order, nid, NULL);
}

unsigned long node_free_pages(const struct nc_machine *m, int nid)
{
	return sum_zone_node_page_state(m, nid, NR_FREE_PAGES);
}

/* ---- zonelists ---- */

static bool node_has_memory(const struct nc_machine *m, int nid)
{
	return NODE_DATA(m, nid)->node_present_pages != 0;
}

struct node_key {
	int nid;
	int val;
};

static int node_key_cmp(const void *a, const void *b)
{
	const struct node_key *x = a, *y = b;

	if (x->val != y->val)
		return x->val < y->val ? -1 : 1;
	return x->nid - y->nid;
}

/* Appends a node's populated zones, highest first; returns the next slot. */
static struct zoneref *add_node_zones(struct zoneref *zr, pg_data_t *pgdat)
{
	for (int z = MAX_NR_ZONES - 1; z >= 0; z--) {
		if (!populated_zone(&pgdat->node_zones[z]))
			continue;
		zr->zone = &pgdat->node_zones[z];
		zr++->zone_idx = z;
	}
	return zr;
}

/*
 * models mm/page_alloc.c:build_zonelists() with find_next_best_node().
 * find_next_best_node() returns the local node first (if it has memory),
 * then the unused memory node with the smallest
 *   (distance + (n < local) + penalty-if-n-has-CPUs) * MAX_NUMNODES + node_load[n]
 * lowest id first on ties. Only the node just chosen has its node_load
 * raised, and it is then used, so the picks are the candidates sorted once
 * by that key: O(n log n) per node instead of the kernel's O(n^2).
 */
static void build_zonelists(struct nc_machine *m, pg_data_t *pgdat, struct node_key *keys)
{
	struct page_alloc_state *pa = m->page_alloc;
	const struct nc_topology *t = m->topo;
	int local = pgdat->node_id, prev = local;
	unsigned int nr = 0, nr_keys = 0;
	struct zoneref *zr;

	for (unsigned int n = 0; n < t->nr_node_ids; n++) {
		int val;

		if ((int)n == local || !node_has_memory(m, (int)n))
			continue;
		val = node_distance(t, local, (int)n) + ((int)n < local);
		if (pa->zonelist_cpu_penalty && node_isset(n, t->has_cpu))
			val += PENALTY_FOR_NODE_WITH_CPUS;
		keys[nr_keys].nid = (int)n;
		keys[nr_keys++].val = val * MAX_NUMNODES + pa->node_load[n];
	}
	qsort(keys, nr_keys, sizeof(*keys), node_key_cmp);
	if (node_has_memory(m, local))
		pgdat->fallback_order[nr++] = local;
	for (unsigned int i = 0; i < nr_keys; i++) {
		int node = keys[i].nid;

		/* round-robin among equidistant nodes: load the first of each
		 * distance group */
		if (node_distance(t, local, node) != node_distance(t, local, prev))
			pa->node_load[node]++;
		pgdat->fallback_order[nr++] = node;
		prev = node;
	}
	pgdat->nr_fallback = nr;

	/* models build_zonelists_in_node_order() */
	zr = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	for (unsigned int i = 0; i < nr; i++)
		zr = add_node_zones(zr, NODE_DATA(m, pgdat->fallback_order[i]));
	zr->zone = NULL;
	/* models build_thisnode_zonelists() */
	zr = add_node_zones(pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs, pgdat);
	zr->zone = NULL;
}

/* models mm/page_alloc.c:__build_all_zonelists(): node_load zeroed once,
 * every possible node in ascending id; sets policy_zone */
static int __build_all_zonelists(struct nc_machine *m)
{
	const struct nc_topology *t = m->topo;
	struct page_alloc_state *pa = m->page_alloc;
	struct node_key *keys = calloc(t->nr_node_ids, sizeof(*keys));

	if (!keys)
		return -ENOMEM;
	memset(pa->node_load, 0, t->nr_node_ids * sizeof(*pa->node_load));
	for (unsigned int n = 0; n < t->nr_node_ids; n++)
		if (t->nodes[n].online)
			build_zonelists(m, NODE_DATA(m, (int)n), keys);
	free(keys);
	return 0;
}

void build_all_zonelists(struct nc_machine *m)
{
	/* after boot every online CPU is in its node's mask */
	m->page_alloc->zonelist_cpu_penalty = true;
	__build_all_zonelists(m);
}

unsigned int nc_zonelist_node_order(const struct nc_machine *m, int nid,
				    int *order, unsigned int max)
{
	const pg_data_t *pgdat = NODE_DATA(m, nid);
	unsigned int n = pgdat->nr_fallback < max ? pgdat->nr_fallback : max;

	memcpy(order, pgdat->fallback_order, n * sizeof(*order));
	return pgdat->nr_fallback;
}

static void __attribute__((format(printf, 4, 5)))
emit(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	size_t off = *len < size ? *len : size;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf + off, size - off, fmt, ap);
	va_end(ap);
	*len += n > 0 ? (size_t)n : 0;
}

int nc_fallback_order_line(const struct nc_machine *m, int nid, char *buf, size_t size)
{
	const pg_data_t *pgdat = NODE_DATA(m, nid);
	size_t len = 0;

	emit(buf, size, &len, "Fallback order for Node %d: ", nid);
	for (unsigned int i = 0; i < pgdat->nr_fallback; i++)
		emit(buf, size, &len, "%d ", pgdat->fallback_order[i]);
	emit(buf, size, &len, "\n");
	return (int)len;
}

/* ---- boot: layout, watermarks ---- */

const char *zone_name(enum zone_type idx)
{
	static const char *const names[MAX_NR_ZONES] = { "DMA", "DMA32", "Normal", "Movable" };

	return names[idx];
}

static unsigned long clamp_ul(unsigned long v, unsigned long lo, unsigned long hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/*
 * models mm/mm_init.c:free_area_init(): nodes take physical memory in node
 * id order from address 0, skipping the MMIO hole [3 GiB, 4 GiB); a node's
 * zones are its intersections with [0,16M) DMA, [16M,4G) DMA32, [4G,-)
 * NORMAL. So only the node(s) owning low memory have DMA and DMA32.
 */
static void free_area_init(struct nc_machine *m)
{
	static const unsigned long zone_lo[MAX_NR_ZONES] = { 0, DMA_END_PFN, DMA32_END_PFN, 0 };
	static const unsigned long zone_hi[MAX_NR_ZONES] = { DMA_END_PFN, DMA32_END_PFN, ULONG_MAX, 0 };
	const struct nc_topology *t = m->topo;
	unsigned long cursor = 0;

	for (unsigned int n = 0; n < t->nr_node_ids; n++) {
		pg_data_t *pgdat = NODE_DATA(m, (int)n);
		unsigned long pages = t->nodes[n].online ? t->nodes[n].mem_bytes >> PAGE_SHIFT : 0;
		unsigned long low, end;

		if (!pages)
			continue;
		if (cursor == MMIO_HOLE_START_PFN)
			cursor = DMA32_END_PFN;
		low = cursor < MMIO_HOLE_START_PFN ? MMIO_HOLE_START_PFN - cursor : 0;
		if (low > pages)
			low = pages;
		end = low < pages && low ? DMA32_END_PFN + (pages - low) : cursor + pages;
		pgdat->node_start_pfn = cursor;
		pgdat->node_spanned_pages = end - cursor;
		pgdat->node_present_pages = pages;
		for (int i = ZONE_DMA; i < ZONE_MOVABLE; i++) {
			struct zone *z = &pgdat->node_zones[i];
			unsigned long s = cursor > zone_lo[i] ? cursor : zone_lo[i];
			unsigned long e = end < zone_hi[i] ? end : zone_hi[i];
			unsigned long ram_e = e;

			if (s >= e)
				continue;
			if (i == ZONE_DMA32 && ram_e > MMIO_HOLE_START_PFN)
				ram_e = MMIO_HOLE_START_PFN;
			z->zone_start_pfn = s;
			z->spanned_pages = e - s;
			z->present_pages = ram_e > s ? ram_e - s : 0;
		}
		cursor = end;
	}
}

/* models mm/mm_init.c:memblock_free_all(): all present memory freed to the
 * buddy allocator, here as untouched ranges; each page counts as a PGFREE
 * event, as __free_pages_core() frees through free_one_page() */
static void memblock_free_all(struct nc_machine *m)
{
	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++) {
		for (int i = 0; i < MAX_NR_ZONES; i++) {
			struct zone *z = &NODE_DATA(m, (int)n)->node_zones[i];
			unsigned long nr[NR_PAGE_ORDERS] = { 0 };

			z->managed_pages = z->present_pages;
			z->untouched_lo = z->zone_start_pfn;
			z->untouched_hi = z->zone_start_pfn + z->present_pages;
			range_count_blocks(z->untouched_lo, z->untouched_hi, nr);
			for (int o = 0; o <= MAX_PAGE_ORDER; o++)
				z->free_area[o].nr_free = nr[o];
			__mod_zone_page_state(z, NR_FREE_PAGES, (long)z->managed_pages);
			z->pgfree += z->managed_pages;
		}
	}
}

#define for_each_zone(m, n, i, z)                                            \
	for ((n) = 0; (n) < (m)->topo->nr_node_ids; (n)++)                   \
		for ((i) = 0; (i) < MAX_NR_ZONES &&                          \
		     ((z) = &NODE_DATA((m), (int)(n))->node_zones[(i)]); (i)++)

/* The boot CPU's node (numa_node_id() while booting). */
static int boot_node(const struct nc_machine *m)
{
	if (m->cpu < m->topo->nr_cpu_ids && cpu_to_node(m->topo, m->cpu) >= 0)
		return cpu_to_node(m->topo, m->cpu);
	return first_node(m->topo->online);
}

/* models mm/page_alloc.c:nr_free_buffer_pages(): managed pages above the
 * high watermark in zones up to NORMAL, over the boot node's zonelist */
static unsigned long nr_free_buffer_pages(struct nc_machine *m)
{
	struct zoneref *z = NODE_DATA(m, boot_node(m))->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	unsigned long sum = 0;

	for (z = next_zones_zonelist(z, ZONE_NORMAL, NULL); z->zone;
	     z = next_zones_zonelist(z + 1, ZONE_NORMAL, NULL)) {
		unsigned long size = zone_managed_pages(z->zone);
		unsigned long high = high_wmark_pages(z->zone);

		if (size > high)
			sum += size - high;
	}
	return sum;
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = (unsigned long)sqrtl((long double)x);

	while (r * r > x)
		r--;
	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

/* models mm/page_alloc.c:calculate_min_free_kbytes() (no THP: khugepaged's
 * larger recommendation does not apply) */
static void calculate_min_free_kbytes(struct nc_machine *m)
{
	unsigned long lowmem_kbytes = nr_free_buffer_pages(m) * (PAGE_SIZE >> 10);

	m->page_alloc->min_free_kbytes = (int)clamp_ul(int_sqrt(lowmem_kbytes * 16), 128, 262144);
}

/* models mm/page_alloc.c:__setup_per_zone_wmarks() */
static void setup_per_zone_wmarks(struct nc_machine *m)
{
	struct page_alloc_state *pa = m->page_alloc;
	unsigned long pages_min = (unsigned long)pa->min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	unsigned int n;
	struct zone *z;
	int i;

	for_each_zone(m, n, i, z)
		if (i != ZONE_MOVABLE)
			lowmem_pages += zone_managed_pages(z);
	for_each_zone(m, n, i, z) {
		unsigned long long tmp = lowmem_pages ?
			(unsigned long long)pages_min * zone_managed_pages(z) / lowmem_pages : 0;
		unsigned long long scaled;

		if (i == ZONE_MOVABLE)
			z->_watermark[WMARK_MIN] = clamp_ul(zone_managed_pages(z) / 1024, 32, 128);
		else
			z->_watermark[WMARK_MIN] = (unsigned long)tmp;
		/* kswapd's gaps: a quarter of min, or the scale factor's share */
		scaled = (unsigned long long)zone_managed_pages(z) / 10000 * pa->watermark_scale_factor +
			 (unsigned long long)zone_managed_pages(z) % 10000 * pa->watermark_scale_factor / 10000;
		tmp >>= 2;
		if (scaled > tmp)
			tmp = scaled;
		z->_watermark[WMARK_LOW] = z->_watermark[WMARK_MIN] + (unsigned long)tmp;
		z->_watermark[WMARK_HIGH] = z->_watermark[WMARK_LOW] + (unsigned long)tmp;
		z->_watermark[WMARK_PROMO] = z->_watermark[WMARK_HIGH] + (unsigned long)tmp;
	}
}

/* models mm/page_alloc.c:setup_per_zone_lowmem_reserve() */
static void setup_per_zone_lowmem_reserve(struct nc_machine *m)
{
	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++) {
		pg_data_t *pgdat = NODE_DATA(m, (int)n);

		for (int i = 0; i < MAX_NR_ZONES - 1; i++) {
			struct zone *z = &pgdat->node_zones[i];
			int ratio = m->page_alloc->lowmem_reserve_ratio[i];
			bool clear = !ratio || !zone_managed_pages(z);
			unsigned long managed = 0;

			for (int j = i + 1; j < MAX_NR_ZONES; j++) {
				managed += zone_managed_pages(&pgdat->node_zones[j]);
				z->lowmem_reserve[j] = clear ? 0 : (long)(managed / (unsigned long)ratio);
			}
		}
	}
}

int sysctl_min_free_kbytes_write(struct nc_machine *m, long val)
{
	if (val < 0 || val > INT_MAX)
		return -EINVAL;
	m->page_alloc->min_free_kbytes = (int)val;
	setup_per_zone_wmarks(m);
	return 0;
}

int sysctl_watermark_scale_factor_write(struct nc_machine *m, long val)
{
	if (val < 1 || val > 3000)
		return -EINVAL;
	m->page_alloc->watermark_scale_factor = (int)val;
	setup_per_zone_wmarks(m);
	return 0;
}

void sysctl_lowmem_reserve_ratio_write(struct nc_machine *m, const int ratio[MAX_NR_ZONES])
{
	for (int i = 0; i < MAX_NR_ZONES; i++)
		m->page_alloc->lowmem_reserve_ratio[i] = ratio[i] < 1 ? 0 : ratio[i];
	setup_per_zone_lowmem_reserve(m);
}

/* Zonerefs a FALLBACK list can hold: every populated zone, plus the end. */
static unsigned long nr_populated_zones(struct nc_machine *m)
{
	unsigned long nr = 0;
	unsigned int n;
	struct zone *z;
	int i;

	for_each_zone(m, n, i, z)
		nr += populated_zone(z);
	return nr;
}

int nc_page_alloc_init(struct nc_machine *m)
{
	static const int ratio[MAX_NR_ZONES] = { 256, 256, 32, 0 };
	const struct nc_topology *t = m->topo;
	struct page_alloc_state *pa;
	unsigned long nr_zones;

	pa = m->page_alloc = calloc(1, sizeof(*pa));
	m->node_data = calloc(t->nr_node_ids, sizeof(*m->node_data));
	if (!pa || !m->node_data)
		return -ENOMEM;
	pa->node_load = calloc(t->nr_node_ids, sizeof(*pa->node_load));
	if (!pa->node_load)
		return -ENOMEM;
	pa->watermark_scale_factor = 10;
	memcpy(pa->lowmem_reserve_ratio, ratio, sizeof(ratio));
	pa->numa_stat = true;
	fail_page_alloc_init(&pa->fail);
	for (unsigned int n = 0; n < t->nr_node_ids; n++) {
		pg_data_t *pgdat = calloc(1, sizeof(*pgdat));

		if (!pgdat)
			return -ENOMEM;
		m->node_data[n] = pgdat;
		pgdat->node_id = (int)n;
		for (int i = 0; i < MAX_NR_ZONES; i++) {
			pgdat->node_zones[i].zone_pgdat = pgdat;
			pgdat->node_zones[i].idx = (enum zone_type)i;
		}
	}
	free_area_init(m);
	nr_zones = nr_populated_zones(m);
	for (unsigned int n = 0; n < t->nr_node_ids; n++) {
		pg_data_t *pgdat = NODE_DATA(m, (int)n);

		pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs =
			calloc(nr_zones + 1, sizeof(struct zoneref));
		pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs =
			calloc(MAX_NR_ZONES + 1, sizeof(struct zoneref));
		pgdat->fallback_order = calloc(t->nr_node_ids, sizeof(int));
		if (!pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs ||
		    !pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs ||
		    !pgdat->fallback_order)
			return -ENOMEM;
	}
	/* x86 boot: no CPU is in its node's mask yet (reference B-Z-8) */
	pa->zonelist_cpu_penalty = false;
	if (__build_all_zonelists(m))
		return -ENOMEM;
	for (int i = ZONE_MOVABLE - 1; i >= 0; i--) {
		unsigned int n;

		for (n = 0; n < t->nr_node_ids; n++)
			if (populated_zone(&NODE_DATA(m, (int)n)->node_zones[i]))
				break;
		if (n < t->nr_node_ids) {
			pa->policy_zone = i;
			break;
		}
	}
	memblock_free_all(m);
	/* models init_per_zone_wmark_min() */
	calculate_min_free_kbytes(m);
	setup_per_zone_wmarks(m);
	setup_per_zone_lowmem_reserve(m);
	return 0;
}

static void free_block_list(struct block_list *l)
{
	for (struct buddy_block *b = l->head, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	l->head = NULL;
}

void nc_page_alloc_exit(struct nc_machine *m)
{
	if (m->node_data) {
		for (unsigned int n = 0; n < m->topo->nr_node_ids; n++) {
			pg_data_t *pgdat = m->node_data[n];

			if (!pgdat)
				continue;
			for (int i = 0; i < MAX_NR_ZONES; i++) {
				struct zone *z = &pgdat->node_zones[i];

				for (int o = 0; o <= MAX_PAGE_ORDER; o++)
					free_block_list(&z->free_area[o].free_list);
				free_block_list(&z->allocated);
				while (z->block_cache) {
					struct buddy_block *b = z->block_cache;

					z->block_cache = b->next;
					free(b);
				}
				free(z->hash);
			}
			for (int l = 0; l < MAX_ZONELISTS; l++)
				free(pgdat->node_zonelists[l]._zonerefs);
			free(pgdat->fallback_order);
			free(pgdat);
		}
		free(m->node_data);
		m->node_data = NULL;
	}
	if (m->page_alloc) {
		free(m->page_alloc->node_load);
		free(m->page_alloc);
		m->page_alloc = NULL;
	}
}

/* ---- validation ---- */

static int block_cmp(const void *a, const void *b)
{
	const struct buddy_block *x = *(struct buddy_block *const *)a;
	const struct buddy_block *y = *(struct buddy_block *const *)b;

	return x->page.pfn < y->page.pfn ? -1 : x->page.pfn > y->page.pfn;
}

static const char *validate_zone(const struct zone *z)
{
	unsigned long nr[NR_PAGE_ORDERS] = { 0 };
	unsigned long lo = z->untouched_lo, hi = z->untouched_hi;
	unsigned long ram_end = z->zone_start_pfn + z->present_pages;
	unsigned long free_pages = lo < hi ? hi - lo : 0, used = 0, nr_blocks = 0, k = 0;
	const char *why = NULL;
	struct buddy_block **all;

	if (lo < hi && (lo < z->zone_start_pfn || hi > ram_end))
		return "untouched range outside the zone";
	range_count_blocks(lo, hi, nr);
	for (int o = 0; o <= MAX_PAGE_ORDER; o++) {
		for (const struct buddy_block *b = z->free_area[o].free_list.head; b; b = b->next) {
			unsigned long size = 1UL << o, buddy = b->page.pfn ^ size;
			const struct buddy_block *bb = hash_find(z, buddy);

			if (b->page.order != (unsigned int)o || !b->free || hash_find(z, b->page.pfn) != b)
				return "free block on the wrong list or missing from the hash";
			if (b->page.pfn & (size - 1))
				return "free block not aligned to its order";
			if (b->page.pfn < z->zone_start_pfn || b->page.pfn + size > ram_end)
				return "free block outside the zone";
			if (o < MAX_PAGE_ORDER && bb && bb->page.order == (unsigned int)o)
				return "two free buddies not merged";
			if (o < MAX_PAGE_ORDER && lo < hi &&
			    ((buddy == lo && block_order_at(lo, hi) == (unsigned int)o) ||
			     (buddy + size == hi && buddy >= lo &&
			      block_order_before(lo, hi) == (unsigned int)o)))
				return "free block not merged with its untouched buddy";
			nr[o]++;
			free_pages += size;
			nr_blocks++;
		}
		if (nr[o] != z->free_area[o].nr_free)
			return "nr_free disagrees with the free lists";
	}
	if (nr_blocks != z->hash_count)
		return "hash count disagrees with the free lists";
	for (const struct buddy_block *b = z->allocated.head; b; b = b->next) {
		used += 1UL << b->page.order;
		nr_blocks++;
	}
	if (free_pages != zone_page_state(z, NR_FREE_PAGES))
		return "NR_FREE_PAGES disagrees with the free blocks";
	if (free_pages + used != z->managed_pages)
		return "free + allocated pages != managed pages";
	/* no two blocks overlap, none overlaps the untouched range */
	all = malloc((nr_blocks ? nr_blocks : 1) * sizeof(*all));
	if (!all)
		return NULL;
	for (int o = 0; o <= MAX_PAGE_ORDER; o++)
		for (struct buddy_block *b = z->free_area[o].free_list.head; b; b = b->next)
			all[k++] = b;
	for (struct buddy_block *b = z->allocated.head; b; b = b->next)
		all[k++] = b;
	qsort(all, k, sizeof(*all), block_cmp);
	for (unsigned long i = 0; i < k && !why; i++) {
		unsigned long s = all[i]->page.pfn, e = s + (1UL << all[i]->page.order);

		if (i + 1 < k && e > all[i + 1]->page.pfn)
			why = "two blocks overlap";
		if (lo < hi && s < hi && e > lo)
			why = "a block overlaps the untouched range";
	}
	free(all);
	return why;
}

int nc_page_alloc_validate(const struct nc_machine *m, const char **why)
{
	unsigned int n;
	struct zone *z;
	int i;

	for_each_zone(m, n, i, z) {
		const char *w = validate_zone(z);

		if (w) {
			if (why)
				*why = w;
			return -EUCLEAN;
		}
	}
	return 0;
}

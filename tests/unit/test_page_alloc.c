// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/page_alloc.c: zone layout, watermarks, zonelist order,
 * the allocation walk and its NUMA counters, buddy split/merge. Expected
 * values are worked out by hand from v6.12's rules (each test says how);
 * every test ends with the buddy validation walk.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "mm/mmzone.h"
#include "mm/page_alloc.h"
#include "mm/vmstat.h"
#include "unit/mm_machine.h"

static void assert_valid(const struct nc_machine *m)
{
	const char *why = "";

	if (nc_page_alloc_validate(m, &why))
		fail_msg("buddy invariant broken: %s", why);
}

static void assert_order(const struct nc_machine *m, int nid, const int *want, unsigned int n)
{
	int got[64];
	unsigned int nr = nc_zonelist_node_order(m, nid, got, 64);

	assert_int_equal(nr, n);
	for (unsigned int i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("node %d fallback position %u: got %d, want %d", nid, i, got[i], want[i]);
}

/* want: nr_nodes rows of n node ids, each node's expected order */
static void assert_orders(const struct nc_machine *m, const int *want, unsigned int n,
			  unsigned int nr_nodes)
{
	for (unsigned int nid = 0; nid < nr_nodes; nid++)
		assert_order(m, (int)nid, want + nid * n, n);
}

static unsigned long numa_event(const struct nc_machine *m, int nid, enum numa_stat_item item)
{
	return sum_zone_numa_event_state(m, nid, item);
}

/*
 * 4x2 (4 GiB per node). By hand: node 0 owns [0, 3G) and [4G, 5G) (the MMIO
 * hole [3G, 4G) skipped): DMA = 4096 pages, DMA32 = [4096, 786432) present
 * 782336 spanning to 4G, NORMAL 262144; nodes 1-3 are NORMAL only.
 * min_free_kbytes = sqrt(16 GiB in kB * 16) = 16384 -> pages_min 4096,
 * shared by managed size over 4194304 lowmem pages: DMA 4, DMA32 764,
 * NORMAL(0) 256, NORMAL(1) 1024. Gap = max(min/4, managed*10/10000):
 * DMA 4, DMA32 782, NORMAL(0) 262, NORMAL(1) 1048.
 * lowmem_reserve: DMA ratio 256: 782336/256 = 3056, 1044480/256 = 4080;
 * DMA32: 262144/256 = 1024.
 */
static void test_layout_and_watermarks(void **state)
{
	struct nc_machine_config cfg = { .topology = "4x2" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	struct zone *dma, *dma32, *normal0, *normal1;

	(void)state;
	assert_non_null(m);
	dma = &NODE_DATA(m, 0)->node_zones[ZONE_DMA];
	dma32 = &NODE_DATA(m, 0)->node_zones[ZONE_DMA32];
	normal0 = &NODE_DATA(m, 0)->node_zones[ZONE_NORMAL];
	normal1 = &NODE_DATA(m, 1)->node_zones[ZONE_NORMAL];
	assert_int_equal(dma->present_pages, 4096);
	assert_int_equal(dma32->zone_start_pfn, 4096);
	assert_int_equal(dma32->present_pages, 782336);
	assert_int_equal(dma32->spanned_pages, 1048576 - 4096);
	assert_int_equal(normal0->zone_start_pfn, 1048576);
	assert_int_equal(normal0->present_pages, 262144);
	assert_int_equal(normal1->zone_start_pfn, 1310720);
	assert_int_equal(normal1->present_pages, 1048576);
	assert_false(populated_zone(&NODE_DATA(m, 1)->node_zones[ZONE_DMA32]));
	assert_false(populated_zone(&NODE_DATA(m, 1)->node_zones[ZONE_MOVABLE]));
	/* at boot only the kernel stacks of init and kthreadd and SLUB's
	 * first slabs are allocated */
	for (int n = 0; n < 4; n++)
		assert_int_equal(node_free_pages(m, n) +
				 node_page_state(NODE_DATA(m, n), NR_KERNEL_STACK_KB) / 4 +
				 node_page_state(NODE_DATA(m, n), NR_SLAB_UNRECLAIMABLE_B),
				 1048576);

	assert_int_equal(m->page_alloc->min_free_kbytes, 16384);
	assert_int_equal(min_wmark_pages(dma), 4);
	assert_int_equal(low_wmark_pages(dma), 8);
	assert_int_equal(min_wmark_pages(dma32), 764);
	assert_int_equal(low_wmark_pages(dma32), 764 + 782);
	assert_int_equal(high_wmark_pages(dma32), 764 + 2 * 782);
	assert_int_equal(min_wmark_pages(normal0), 256);
	assert_int_equal(low_wmark_pages(normal0), 256 + 262);
	assert_int_equal(min_wmark_pages(normal1), 1024);
	assert_int_equal(high_wmark_pages(normal1), 1024 + 2 * 1048);
	/* an empty MOVABLE zone still gets SWAP_CLUSTER_MAX as min */
	assert_int_equal(min_wmark_pages(&NODE_DATA(m, 1)->node_zones[ZONE_MOVABLE]), 32);
	assert_int_equal(dma->lowmem_reserve[ZONE_DMA32], 3056);
	assert_int_equal(dma->lowmem_reserve[ZONE_NORMAL], 4080);
	assert_int_equal(dma32->lowmem_reserve[ZONE_NORMAL], 1024);
	assert_int_equal(normal0->lowmem_reserve[ZONE_MOVABLE], 0);
	assert_int_equal(m->page_alloc->policy_zone, ZONE_NORMAL);
	/* nr_free: node 1's 1048576 pages are 1024 max-order blocks, one of
	 * them split for SLUB's boot slabs (a few pages) */
	assert_int_equal(normal1->free_area[MAX_PAGE_ORDER].nr_free, 1023);
	assert_int_equal(dma->free_area[MAX_PAGE_ORDER].nr_free, 4);
	assert_valid(m);
	nc_machine_destroy(m);
}

/* The watermark sysctls on the 4x2 machine, by hand from the layout test:
 * min_free_kbytes 65536 -> pages_min 16384, DMA32's share 16384 *
 * 782336 / 4194304 = 3056, gap max(764, 782) = 782; scale factor 1000 ->
 * gap 782336 * 1000 / 10000 = 78233. Ratio 1 reserves all of DMA32 above
 * DMA; ratios below 1 reserve nothing. */
static void test_watermark_sysctls(void **state)
{
	struct nc_machine_config cfg = { .topology = "4x2" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	struct zone *dma, *dma32;
	const int ratio[MAX_NR_ZONES] = { 1, 0, 32, -5 };

	(void)state;
	assert_non_null(m);
	dma = &NODE_DATA(m, 0)->node_zones[ZONE_DMA];
	dma32 = &NODE_DATA(m, 0)->node_zones[ZONE_DMA32];
	assert_int_equal(sysctl_min_free_kbytes_write(m, -1), -EINVAL);
	assert_int_equal(sysctl_min_free_kbytes_write(m, 65536), 0);
	assert_int_equal(min_wmark_pages(dma32), 3056);
	assert_int_equal(low_wmark_pages(dma32), 3056 + 782);
	assert_int_equal(sysctl_watermark_scale_factor_write(m, 0), -EINVAL);
	assert_int_equal(sysctl_watermark_scale_factor_write(m, 3001), -EINVAL);
	assert_int_equal(sysctl_watermark_scale_factor_write(m, 1000), 0);
	assert_int_equal(low_wmark_pages(dma32), 3056 + 78233);
	assert_int_equal(high_wmark_pages(dma32), 3056 + 2 * 78233);
	sysctl_lowmem_reserve_ratio_write(m, ratio);
	assert_int_equal(dma->lowmem_reserve[ZONE_DMA32], 782336);
	assert_int_equal(dma32->lowmem_reserve[ZONE_NORMAL], 0);
	assert_int_equal(m->page_alloc->lowmem_reserve_ratio[ZONE_MOVABLE], 0);
	nc_machine_destroy(m);
}

/* B-Z-6 by hand: all distances 20, every node has CPUs and memory.
 * node0: 0 then {1,2,3} tie at 20*1024 -> 1 2 3, node_load[1]=1.
 * node1: 0 costs 21*1024, 2 and 3 20*1024 -> 2 3 0, node_load[2]=1.
 * node2: 3 (20*1024) before 0 (21*1024) before 1 (21*1024+1), load[3]=1.
 * node3: 0 (21*1024) 1 (21*1024+1) 2 (21*1024+1). */
static void test_zonelist_all_remote(void **state)
{
	struct nc_machine_config cfg = { .topology = "4x2" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	static const int want[] = { 0, 1, 2, 3, 1, 2, 3, 0, 2, 3, 0, 1, 3, 0, 1, 2 };

	(void)state;
	assert_non_null(m);
	assert_orders(m, want, 4, 4);
	/* node 0's FALLBACK zones: its NORMAL, DMA32, DMA, then the others */
	{
		struct zoneref *z = NODE_DATA(m, 0)->node_zonelists[ZONELIST_FALLBACK]._zonerefs;

		assert_int_equal(z[0].zone_idx, ZONE_NORMAL);
		assert_int_equal(z[1].zone_idx, ZONE_DMA32);
		assert_int_equal(z[2].zone_idx, ZONE_DMA);
		assert_int_equal(zone_to_nid(z[3].zone), 1);
		assert_null(z[6].zone);
		z = NODE_DATA(m, 2)->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs;
		assert_int_equal(zone_to_nid(z[0].zone), 2);
		assert_null(z[1].zone);
	}
	/* every node has CPUs, so the penalty changes nothing (B-Z-6) */
	build_all_zonelists(m);
	assert_orders(m, want, 4, 4);
	nc_machine_destroy(m);
}

/* The 2s4n matrix (10/12/32), by hand, boot build:
 * node0: 0; 1 (12) 2 (32) 3 (32); loads 1 and 2 raised -> [0,1,1,0].
 * node1: 0 costs 13*1024, 3 32*1024, 2 32*1024+1 -> 0 3 2; loads [1,1,1,1].
 * node2: 3 (12*1024+1), 0 (33*1024+1), 1 (33*1024+1) -> 3 0 1; [2,1,1,2].
 * node3: 2 (13*1024+1), 1 (33*1024+1), 0 (33*1024+2) -> 2 1 0. */
static void test_zonelist_2s4n(void **state)
{
	static const unsigned long long mem[] = { 64, 64, 64, 64 };
	static const unsigned int cpus[] = { 2, 2, 2, 2 };
	static const int want[] = { 0, 1, 2, 3, 1, 0, 3, 2, 2, 3, 0, 1, 3, 2, 1, 0 };
	struct nc_machine *m = mm_machine(4, mem, cpus, mm_dist_2s4n);
	char line[64];

	(void)state;
	assert_non_null(m);
	assert_orders(m, want, 4, 4);
	/* the boot log line: a space after every node */
	assert_int_equal(nc_fallback_order_line(m, 1, line, sizeof(line)), 36);
	assert_string_equal(line, "Fallback order for Node 1: 1 0 3 2 \n");
	assert_int_equal(nc_fallback_order_line(m, 1, line, 10), 36);
	assert_string_equal(line, "Fallback ");
	mm_machine_free(m);
}

/* B-Z-8 by hand: all remote 20, nodes 0-2 with CPUs, node 3 memory only.
 * Boot (no CPU in any mask): as B-Z-6. Rebuild with the penalty:
 * node0: 3 costs 20*1024, 1 and 2 21*1024 -> 0 3 1 2, load[3]=1.
 * node1: 3 20*1024+1, 2 21*1024, 0 22*1024 -> 1 3 2 0, load[3]=2.
 * node2: 3 20*1024+2, 0 22*1024, 1 22*1024 -> 2 3 0 1, load[3]=3.
 * node3: 0 21*1024 1 21*1024 2 21*1024 (ids break ties) -> 3 0 1 2. */
static void test_zonelist_cpu_penalty_rebuild(void **state)
{
	static const unsigned long long mem[] = { 64, 64, 64, 64 };
	static const unsigned int cpus[] = { 1, 1, 1, 0 };
	static const int boot[] = { 0, 1, 2, 3, 1, 2, 3, 0, 2, 3, 0, 1, 3, 0, 1, 2 };
	static const int rebuilt[] = { 0, 3, 1, 2, 1, 3, 2, 0, 2, 3, 0, 1, 3, 0, 1, 2 };
	struct nc_machine *m = mm_machine(4, mem, cpus, NULL);

	(void)state;
	assert_non_null(m);
	assert_false(m->page_alloc->zonelist_cpu_penalty);
	assert_orders(m, boot, 4, 4);
	build_all_zonelists(m);
	assert_orders(m, rebuilt, 4, 4);
	mm_machine_free(m);
}

/* Asymmetric capacity and a memoryless node: node 0 64 MiB with a CPU,
 * node 1 memoryless with CPUs, node 2 128 MiB without CPUs; distances
 * 0-1 20, 0-2 30, 1-2 20. By hand: node0: 0 2. node1 (own node skipped):
 * 2 costs 20*1024+1 (load[2] raised by node0), 0 costs 21*1024 -> 2 0.
 * node2: 2 0. A CPU of node 1 allocates from node 2: a hit on 2 (the
 * preferred zone is node 2's) and always other (reference B-CNT-4). */
static void test_zonelist_memoryless(void **state)
{
	static const unsigned long long mem[] = { 64, 0, 128 };
	static const unsigned int cpus[] = { 1, 2, 0 };
	static const uint8_t dist[] = { 10, 20, 30, 20, 10, 20, 30, 20, 10 };
	static const int want[] = { 0, 2, 2, 0, 2, 0 };
	struct nc_machine *m = mm_machine(3, mem, cpus, dist);
	struct page *page;

	(void)state;
	assert_non_null(m);
	assert_orders(m, want, 2, 3);
	assert_null(NODE_DATA(m, 1)->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs[0].zone);
	nc_set_cpu(m, 1); /* a CPU of node 1 */
	page = alloc_pages_node(m, NUMA_NO_NODE, GFP_KERNEL, 0);
	assert_non_null(page);
	assert_int_equal(page_to_nid(page), 2);
	assert_int_equal(numa_event(m, 2, NUMA_HIT), 1);
	assert_int_equal(numa_event(m, 2, NUMA_OTHER), 1);
	assert_int_equal(numa_event(m, 2, NUMA_LOCAL), 0);
	assert_int_equal(numa_event(m, 1, NUMA_FOREIGN), 0);
	/* __GFP_THISNODE on the memoryless node has nowhere to go */
	assert_null(alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN, 0));
	__free_pages(m, page, 0);
	assert_valid(m);
	mm_machine_free(m);
}

/* Reference B-CNT-4, two nodes, the CPU on node 0. */
static void test_counters_hit_local_other(void **state)
{
	struct nc_machine_config cfg = { .topology = "2x1" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	struct page *a, *b;
	unsigned long hit0, local0, hit1, other1, local1, pgalloc1, free1;

	(void)state;
	assert_non_null(m);
	assert_int_equal(numa_node_id(m), 0);
	/* counted from here: booting (stacks, SLUB's first slabs) allocated already */
	hit0 = numa_event(m, 0, NUMA_HIT);
	local0 = numa_event(m, 0, NUMA_LOCAL);
	hit1 = numa_event(m, 1, NUMA_HIT);
	other1 = numa_event(m, 1, NUMA_OTHER);
	local1 = numa_event(m, 1, NUMA_LOCAL);
	pgalloc1 = NODE_DATA(m, 1)->node_zones[ZONE_NORMAL].pgalloc;
	free1 = node_free_pages(m, 1);
	a = alloc_pages_node(m, NUMA_NO_NODE, GFP_KERNEL, 0);
	b = alloc_pages_node(m, 1, GFP_KERNEL, 3);
	assert_int_equal(page_to_nid(a), 0);
	assert_int_equal(page_to_nid(b), 1);
	assert_int_equal(b->order, 3);
	assert_int_equal(numa_event(m, 0, NUMA_HIT) - hit0, 1);
	assert_int_equal(numa_event(m, 0, NUMA_LOCAL) - local0, 1);
	/* counts allocations, not pages: the order-3 block counts 1 */
	assert_int_equal(numa_event(m, 1, NUMA_HIT) - hit1, 1);
	assert_int_equal(numa_event(m, 1, NUMA_OTHER) - other1, 1);
	assert_int_equal(numa_event(m, 1, NUMA_LOCAL) - local1, 0);
	assert_int_equal(numa_event(m, 0, NUMA_MISS) + numa_event(m, 1, NUMA_MISS), 0);
	/* pgalloc counts pages */
	assert_int_equal(NODE_DATA(m, 1)->node_zones[ZONE_NORMAL].pgalloc - pgalloc1, 8);
	assert_int_equal(node_free_pages(m, 1), free1 - 8);
	__free_pages(m, a, 0);
	__free_pages(m, b, 3);
	assert_int_equal(node_free_pages(m, 1), free1);
	assert_valid(m);
	nc_machine_destroy(m);
}

/*
 * Watermark-driven fallback, two 64 MiB nodes (node 1 = one DMA32 zone of
 * 16384 pages). By hand: lowmem 32768 pages = 131072 kB, min_free_kbytes =
 * sqrt(131072*16) = 1448, pages_min 362; node 1's share 181 (min); gap
 * max(181/4 = 45, 16384*10/10000 = 16) = 45, so low = 226. Order-0 passes
 * LOW while free > 226: 16384 - 226 = 16158 allocations stay on node 1,
 * the next goes to node 0 (miss on 0, foreign on 1). __GFP_THISNODE then
 * gets the slow path's MIN: 226 - 181 = 45 more, then fails.
 */
static void test_watermark_fallback_and_thisnode(void **state)
{
	static const unsigned long long mem[] = { 64, 64 };
	static const unsigned int cpus[] = { 1, 1 };
	struct nc_machine *m = mm_machine(2, mem, cpus, NULL);
	struct zone *z1;
	struct page **pages = calloc(17000, sizeof(*pages));
	unsigned int n = 0, thisnode = 0;
	struct page *remote, *p;

	(void)state;
	assert_non_null(m);
	z1 = &NODE_DATA(m, 1)->node_zones[ZONE_DMA32];
	assert_int_equal(m->page_alloc->min_free_kbytes, 1448);
	assert_int_equal(min_wmark_pages(z1), 181);
	assert_int_equal(low_wmark_pages(z1), 226);
	for (;;) {
		p = alloc_pages_node(m, 1, GFP_KERNEL, 0);
		assert_non_null(p);
		if (page_to_nid(p) != 1)
			break;
		pages[n++] = p;
	}
	remote = p;
	assert_int_equal(n, 16158);
	assert_int_equal(page_to_nid(remote), 0);
	assert_int_equal(numa_event(m, 0, NUMA_MISS), 1);
	assert_int_equal(numa_event(m, 1, NUMA_FOREIGN), 1);
	assert_int_equal(numa_event(m, 0, NUMA_LOCAL), 1);
	assert_int_equal(numa_event(m, 1, NUMA_HIT), 16158);
	while ((p = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE, 0)) != NULL) {
		assert_int_equal(page_to_nid(p), 1);
		pages[n++] = p;
		thisnode++;
	}
	assert_int_equal(thisnode, 45);
	assert_int_equal(node_free_pages(m, 1), 181);
	assert_int_equal(m->page_alloc->nr_warn_alloc, 1);
	assert_null(alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN, 0));
	assert_int_equal(m->page_alloc->nr_warn_alloc, 1);
	assert_valid(m);
	while (n)
		__free_pages(m, pages[--n], 0);
	__free_pages(m, remote, 0);
	assert_int_equal(node_free_pages(m, 1), 16384);
	assert_valid(m);
	free(pages);
	mm_machine_free(m);
}

/* Nodemask filtering: a mask without the preferred node starts the walk
 * at the first allowed zone, which is then the preferred zone (a hit). */
static void test_nodemask(void **state)
{
	struct nc_machine_config cfg = { .topology = "4x1" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	nodemask_t mask;
	struct page *p;
	unsigned long hit2, other2, foreign0, hit0;

	(void)state;
	assert_non_null(m);
	/* counted from here: booting (stacks, SLUB's first slabs) allocated already */
	hit2 = numa_event(m, 2, NUMA_HIT);
	other2 = numa_event(m, 2, NUMA_OTHER);
	foreign0 = numa_event(m, 0, NUMA_FOREIGN);
	hit0 = numa_event(m, 0, NUMA_HIT);
	nodes_clear(mask);
	node_set(2, mask);
	p = __alloc_pages(m, GFP_KERNEL, 0, 0, &mask);
	assert_non_null(p);
	assert_int_equal(page_to_nid(p), 2);
	assert_int_equal(numa_event(m, 2, NUMA_HIT) - hit2, 1);
	assert_int_equal(numa_event(m, 2, NUMA_OTHER) - other2, 1);
	assert_int_equal(numa_event(m, 0, NUMA_FOREIGN) - foreign0, 0);
	__free_pages(m, p, 0);
	nodes_clear(mask);
	assert_null(__alloc_pages(m, GFP_KERNEL | __GFP_NOWARN, 0, 0, &mask));
	/* __GFP_DMA: only node 0 has a DMA zone; from node 3 the walk reaches it */
	p = __alloc_pages(m, GFP_KERNEL | __GFP_DMA, 0, 3, NULL);
	assert_non_null(p);
	assert_int_equal(page_to_nid(p), 0);
	assert_int_equal(page_zone(m, p)->idx, ZONE_DMA);
	/* the preferred zone is node 0's DMA (first allowed zone): a hit */
	assert_int_equal(numa_event(m, 0, NUMA_HIT) - hit0, 1);
	__free_pages(m, p, 0);
	assert_null(__alloc_pages(m, GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1, 0, NULL));
	assert_valid(m);
	nc_machine_destroy(m);
}

/* Bulk allocation (reference B-AL-7, B-CNT-3), two 4 GiB nodes, CPU on 0:
 * 5 empty slots of 6 filled from node 1's NORMAL zone as one event of 5
 * pages; one page, or an accounted request, goes the single-page way. */
static void test_bulk(void **state)
{
	struct nc_machine_config cfg = { .topology = "2x1" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	struct page *arr[6] = { 0 }, *one[4] = { 0 };
	unsigned long hit1, other1, pgalloc1;

	(void)state;
	assert_non_null(m);
	/* counted from here: booting (SLUB's first slabs) allocated already */
	hit1 = numa_event(m, 1, NUMA_HIT);
	other1 = numa_event(m, 1, NUMA_OTHER);
	pgalloc1 = NODE_DATA(m, 1)->node_zones[ZONE_NORMAL].pgalloc;
	arr[2] = alloc_pages_node(m, 0, GFP_KERNEL, 0);
	assert_int_equal(__alloc_pages_bulk(m, GFP_KERNEL, 1, NULL, 6, arr), 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(page_to_nid(arr[i]), i == 2 ? 0 : 1);
	assert_int_equal(numa_event(m, 1, NUMA_HIT) - hit1, 5);
	assert_int_equal(numa_event(m, 1, NUMA_OTHER) - other1, 5);
	assert_int_equal(NODE_DATA(m, 1)->node_zones[ZONE_NORMAL].pgalloc - pgalloc1, 5);
	assert_int_equal(__alloc_pages_bulk(m, GFP_KERNEL, 1, NULL, 6, arr), 6); /* all full */
	assert_int_equal(__alloc_pages_bulk(m, GFP_KERNEL_ACCOUNT, 1, NULL, 4, one), 1);
	assert_non_null(one[0]);
	assert_null(one[1]);
	assert_int_equal(numa_event(m, 1, NUMA_HIT) - hit1, 6);
	for (int i = 0; i < 6; i++)
		__free_pages(m, arr[i], 0);
	__free_pages(m, one[0], 0);
	assert_valid(m);
	nc_machine_destroy(m);
}

/* The bulk path wants LOW + nr_pages on the preferred node's zone. With
 * node 1 (64 MiB, low 226, see the watermark test) at 230 free pages, 8
 * pages do not fit (230 <= 234) and the next zone is remote: one single
 * allocation is made instead, and it stays on node 1 (230 > 226). */
static void test_bulk_gives_up_before_remote(void **state)
{
	static const unsigned long long mem[] = { 64, 64 };
	static const unsigned int cpus[] = { 1, 1 };
	struct nc_machine *m = mm_machine(2, mem, cpus, NULL);
	struct page **held = calloc(16154, sizeof(*held)), *arr[8] = { 0 };

	(void)state;
	assert_non_null(m);
	for (int i = 0; i < 16154; i++)
		held[i] = alloc_pages_node(m, 1, GFP_KERNEL, 0);
	assert_int_equal(node_free_pages(m, 1), 230);
	assert_int_equal(__alloc_pages_bulk(m, GFP_KERNEL, 1, NULL, 8, arr), 1);
	assert_int_equal(page_to_nid(arr[0]), 1);
	assert_int_equal(numa_event(m, 1, NUMA_HIT), 16155);
	__free_pages(m, arr[0], 0);
	for (int i = 0; i < 16154; i++)
		__free_pages(m, held[i], 0);
	assert_valid(m);
	free(held);
	mm_machine_free(m);
}

struct snapshot {
	unsigned long nr_free[2][MAX_NR_ZONES][NR_PAGE_ORDERS];
};

static void take_snapshot(const struct nc_machine *m, struct snapshot *s)
{
	for (int n = 0; n < 2; n++)
		for (int z = 0; z < MAX_NR_ZONES; z++)
			for (int o = 0; o <= MAX_PAGE_ORDER; o++)
				s->nr_free[n][z][o] = NODE_DATA(m, n)->node_zones[z].free_area[o].nr_free;
}

/* Allocate everything (watermarks dropped to zero so nothing is held
 * back), in seeded random orders, then free in a shuffled order: every
 * zone must come back to its boot blocks. Validated along the way. */
static void test_buddy_all_then_free(void **state)
{
	static const unsigned long long mem[] = { 22, 9 }; /* uneven, non-aligned ends */
	static const unsigned int cpus[] = { 1, 1 };
	struct nc_machine *m = mm_machine(2, mem, cpus, NULL);
	struct snapshot before, after;
	struct page **pages = calloc(8192, sizeof(*pages));
	unsigned long total = 0;
	unsigned int n = 0;
	uint64_t rng = 42;

	(void)state;
	assert_non_null(m);
	for (int nid = 0; nid < 2; nid++)
		for (int z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(m, nid)->node_zones[z];

			memset(zone->_watermark, 0, sizeof(zone->_watermark));
			memset(zone->lowmem_reserve, 0, sizeof(zone->lowmem_reserve));
		}
	take_snapshot(m, &before);
	for (unsigned int order = 4;; ) {
		struct page *p = alloc_pages_node(m, (int)(n & 1), GFP_KERNEL | __GFP_NOWARN, order);

		if (!p) {
			if (!order)
				break;
			order--;
			continue;
		}
		pages[n++] = p;
		total += 1UL << p->order;
		rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
		order = (unsigned int)(rng >> 60) % 5;
		if (!(n % 256))
			assert_valid(m);
	}
	assert_int_equal(total, (22 + 9) * 256);
	assert_int_equal(node_free_pages(m, 0) + node_free_pages(m, 1), 0);
	assert_valid(m);
	for (unsigned int i = n; i > 1; i--) {
		unsigned int j;
		struct page *t;

		rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
		j = (unsigned int)(rng >> 33) % i;
		t = pages[i - 1];
		pages[i - 1] = pages[j];
		pages[j] = t;
	}
	for (unsigned int i = 0; i < n; i++) {
		__free_pages(m, pages[i], pages[i]->order);
		if (!(i % 256))
			assert_valid(m);
	}
	assert_valid(m);
	take_snapshot(m, &after);
	assert_memory_equal(&before, &after, sizeof(before));
	free(pages);
	mm_machine_free(m);
}

/* Split by hand: one order-0 allocation from a fresh 4 MiB-aligned zone
 * takes a max-order block and leaves one free block of each order 0..9. */
static void test_buddy_split(void **state)
{
	static const unsigned long long mem[] = { 64 };
	static const unsigned int cpus[] = { 1 };
	struct nc_machine *m = mm_machine(1, mem, cpus, NULL);
	struct zone *z;
	unsigned long before;
	struct page *p, *q;

	(void)state;
	assert_non_null(m);
	z = &NODE_DATA(m, 0)->node_zones[ZONE_DMA32];
	before = z->free_area[MAX_PAGE_ORDER].nr_free;
	assert_int_equal(before, 12);
	p = __alloc_pages(m, GFP_KERNEL | __GFP_DMA32, 0, 0, NULL);
	assert_non_null(p);
	assert_int_equal(page_zone(m, p), z);
	assert_int_equal(z->free_area[MAX_PAGE_ORDER].nr_free, before - 1);
	for (int o = 0; o < MAX_PAGE_ORDER; o++)
		assert_int_equal(z->free_area[o].nr_free, 1);
	/* its buddy is the next page: an order-0 allocation takes it */
	q = __alloc_pages(m, GFP_KERNEL | __GFP_DMA32, 0, 0, NULL);
	assert_int_equal(q->pfn, p->pfn ^ 1);
	assert_int_equal(z->free_area[0].nr_free, 0);
	assert_valid(m);
	__free_pages(m, p, 0);
	__free_pages(m, q, 0);
	assert_int_equal(z->free_area[MAX_PAGE_ORDER].nr_free, before);
	for (int o = 0; o < MAX_PAGE_ORDER; o++)
		assert_int_equal(z->free_area[o].nr_free, 0);
	assert_valid(m);
	mm_machine_free(m);
}

/* 64 nodes x 256 GiB: created, used a little, destroyed (runs under ASan
 * in make check; the frames themselves must cost nothing). */
static void test_big_machine(void **state)
{
	static unsigned long long mem[64];
	static unsigned int cpus[64];
	struct nc_machine *m;
	struct page *p;

	(void)state;
	for (int n = 0; n < 64; n++) {
		mem[n] = 256ULL << 10;
		cpus[n] = 4;
	}
	m = mm_machine(64, mem, cpus, NULL);
	assert_non_null(m);
	assert_int_equal(node_free_pages(m, 63), 256UL << 18);
	/* min_free_kbytes hits its 256 MiB clamp */
	assert_int_equal(m->page_alloc->min_free_kbytes, 262144);
	p = alloc_pages_node(m, 63, GFP_KERNEL, 2);
	assert_int_equal(page_to_nid(p), 63);
	assert_valid(m);
	__free_pages(m, p, 2);
	mm_machine_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_and_watermarks),
		cmocka_unit_test(test_watermark_sysctls),
		cmocka_unit_test(test_zonelist_all_remote),
		cmocka_unit_test(test_zonelist_2s4n),
		cmocka_unit_test(test_zonelist_cpu_penalty_rebuild),
		cmocka_unit_test(test_zonelist_memoryless),
		cmocka_unit_test(test_counters_hit_local_other),
		cmocka_unit_test(test_watermark_fallback_and_thisnode),
		cmocka_unit_test(test_nodemask),
		cmocka_unit_test(test_bulk),
		cmocka_unit_test(test_bulk_gives_up_before_remote),
		cmocka_unit_test(test_buddy_all_then_free),
		cmocka_unit_test(test_buddy_split),
		cmocka_unit_test(test_big_machine),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

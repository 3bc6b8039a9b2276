// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/vmstat.c: the kernel's counter names (mm/vmstat.c's
 * vmstat_text), vm.numa_stat semantics (reference B-CNT-5), per-node and
 * global sums, the byte-to-page rule of the slab items.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "unit/mm_machine.h"

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(zone_stat_name(NR_FREE_PAGES), "nr_free_pages");
	assert_string_equal(numa_stat_name(NUMA_HIT), "numa_hit");
	assert_string_equal(numa_stat_name(NUMA_INTERLEAVE_HIT), "numa_interleave");
	assert_string_equal(numa_stat_name(NUMA_OTHER), "numa_other");
	assert_string_equal(node_stat_name(NR_SLAB_UNRECLAIMABLE_B), "nr_slab_unreclaimable");
	assert_string_equal(node_stat_name(NR_ANON_MAPPED), "nr_anon_pages");
	assert_string_equal(node_stat_name(NR_KERNEL_STACK_KB), "nr_kernel_stack");
	assert_string_equal(node_stat_name(NR_PAGETABLE), "nr_page_table_pages");
}

static struct nc_machine *two_nodes(void)
{
	static const unsigned long long mem[] = { 64, 64 };
	static const unsigned int cpus[] = { 1, 1 };

	return mm_machine(2, mem, cpus, NULL);
}

/* vm.numa_stat: only 0 and 1; turning it off zeroes every NUMA event
 * and stops counting; writing the current value again changes nothing;
 * turning it on counts from zero. */
static void test_numa_stat_sysctl(void **state)
{
	struct nc_machine *m = two_nodes();

	(void)state;
	assert_true(vm_numa_stat_enabled(m));
	alloc_pages_node(m, 1, GFP_KERNEL, 0);
	assert_int_equal(global_numa_event_state(m, NUMA_HIT), 1);
	assert_int_equal(sysctl_vm_numa_stat_write(m, 2), -EINVAL);
	assert_int_equal(sysctl_vm_numa_stat_write(m, -1), -EINVAL);
	assert_int_equal(sysctl_vm_numa_stat_write(m, 1), 0);
	assert_int_equal(global_numa_event_state(m, NUMA_HIT), 1);
	assert_int_equal(sysctl_vm_numa_stat_write(m, 0), 0);
	assert_false(vm_numa_stat_enabled(m));
	assert_int_equal(global_numa_event_state(m, NUMA_HIT), 0);
	assert_int_equal(global_numa_event_state(m, NUMA_OTHER), 0);
	alloc_pages_node(m, 0, GFP_KERNEL, 0);
	assert_int_equal(global_numa_event_state(m, NUMA_HIT), 0);
	/* pgalloc is not a NUMA event: it still counts */
	assert_int_equal(NODE_DATA(m, 0)->node_zones[ZONE_DMA32].pgalloc, 1);
	assert_int_equal(sysctl_vm_numa_stat_write(m, 1), 0);
	alloc_pages_node(m, 0, GFP_KERNEL, 0);
	assert_int_equal(sum_zone_numa_event_state(m, 0, NUMA_HIT), 1);
	assert_int_equal(sum_zone_numa_event_state(m, 0, NUMA_LOCAL), 1);
	mm_machine_free(m);
}

/* The interleave hook the mempolicy code uses: one event on the page's zone. */
static void test_interleave_event(void **state)
{
	struct nc_machine *m = two_nodes();
	struct page *p = alloc_pages_node(m, 1, GFP_KERNEL, 0);

	(void)state;
	__count_numa_event(page_zone(m, p), NUMA_INTERLEAVE_HIT);
	assert_int_equal(sum_zone_numa_event_state(m, 1, NUMA_INTERLEAVE_HIT), 1);
	assert_int_equal(sum_zone_numa_event_state(m, 0, NUMA_INTERLEAVE_HIT), 0);
	assert_int_equal(global_numa_event_state(m, NUMA_INTERLEAVE_HIT), 1);
	mm_machine_free(m);
}

/* Node 0's free pages are the sum over its DMA and DMA32 zones. */
static void test_node_sums(void **state)
{
	struct nc_machine *m = two_nodes();
	pg_data_t *pgdat = NODE_DATA(m, 0);

	(void)state;
	assert_int_equal(zone_page_state(&pgdat->node_zones[ZONE_DMA], NR_FREE_PAGES), 4096);
	assert_int_equal(zone_page_state(&pgdat->node_zones[ZONE_DMA32], NR_FREE_PAGES), 12288);
	assert_int_equal(sum_zone_node_page_state(m, 0, NR_FREE_PAGES), 16384);
	/* slab items take bytes and keep pages; the stack item keeps kB */
	mod_node_page_state(pgdat, NR_SLAB_RECLAIMABLE_B, 8192);
	mod_node_page_state(pgdat, NR_KERNEL_STACK_KB, 16);
	assert_int_equal(node_page_state(pgdat, NR_SLAB_RECLAIMABLE_B), 2);
	assert_int_equal(node_page_state(pgdat, NR_KERNEL_STACK_KB), 16);
	mod_node_page_state(pgdat, NR_SLAB_RECLAIMABLE_B, -8192);
	assert_int_equal(node_page_state(pgdat, NR_SLAB_RECLAIMABLE_B), 0);
	mm_machine_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_numa_stat_sysctl),
		cmocka_unit_test(test_interleave_event),
		cmocka_unit_test(test_node_sums),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/vmstat.c: /proc/buddyinfo, /proc/zoneinfo and
 * /proc/vmstat. The host's files are the oracle for the format (buddyinfo's
 * line shape and zones, the keys, spacing and order of zoneinfo's and
 * vmstat's lines: 6.18 has lines v6.12 lacks, such as nr_free_pages_blocks,
 * and the model prints fewer, so the model's keys must be found in the
 * host's in order). Values are worked by hand from the kernel's rules: the
 * golden scenario's NUMA events (tests/unit/mm_machine.h), what one
 * order-2 allocation does to the counters and to the buddy lists.
 */
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nc_boot.h"
#include "unit/mm_machine.h"
#include "unit/proc_oracle.h"

/* mm/vmstat.c:frag_show_print(): "Node %d, zone %8s " and eleven "%6lu " */
#define BUDDY_LINE "^Node [0-9]+, zone [ A-Za-z0-9]{8} " \
	"(( {5}[0-9]| {4}[0-9]{2}| {3}[0-9]{3}| {2}[0-9]{4}| [0-9]{5}|[0-9]{6,}) ){11}$"

/* Every line of text matches BUDDY_LINE; the node-0 zone names, in order,
 * into zones. */
static void buddy_lines(const char *text, char *zones, size_t size, const char *what)
{
	regex_t re;
	char line[512];

	assert_int_equal(regcomp(&re, BUDDY_LINE, REG_EXTENDED | REG_NOSUB), 0);
	zones[0] = '\0';
	for (const char *l = text; *l; l += strcspn(l, "\n") + 1) {
		size_t len = strcspn(l, "\n");
		char zone[16];

		assert_true(len < sizeof(line));
		memcpy(line, l, len);
		line[len] = '\0';
		if (regexec(&re, line, 0, NULL, 0))
			fail_msg("%s: '%s' is not a buddyinfo line", what, line);
		if (sscanf(line, "Node 0, zone %15s", zone) == 1)
			snprintf(zones + strlen(zones), size - strlen(zones), "%s ", zone);
		if (!l[len])
			break;
	}
	regfree(&re);
}

static void test_buddyinfo_host(void **state)
{
	char *host, *model;
	char host_zones[128], model_zones[128];
	struct nc_machine *m = proc_host_pair("/proc/buddyinfo", &host);

	(void)state;
	model = proc_model_read(m, "/proc/buddyinfo");
	buddy_lines(host, host_zones, sizeof(host_zones), "host");
	buddy_lines(model, model_zones, sizeof(model_zones), "model");
	assert_string_equal(model_zones, host_zones);
	free(model);
	free(host);
	nc_machine_destroy(m);
}

/* zoneinfo, zone by zone of node 0: absent are boost, cma, the pagesets
 * and node_unreclaimable; the host's Device zone (CONFIG_ZONE_DEVICE) has
 * no model zone. */
static void test_zoneinfo_host(void **state)
{
	char *host, *model;
	int zones = 0;
	struct nc_machine *m = proc_host_pair("/proc/zoneinfo", &host);

	(void)state;
	model = proc_model_read(m, "/proc/zoneinfo");
	for (const char *l = model; (l = strstr(l, "Node 0, zone ")); l++) {
		char header[32], *mb, *hb;

		snprintf(header, sizeof(header), "%.*s", (int)strcspn(l, "\n"), l);
		mb = proc_block(model, header);
		hb = proc_block(host, header);
		if (!hb)
			fail_msg("the host's zoneinfo has no '%s'", header);
		proc_assert_keys_in_order(mb, hb, header);
		free(mb);
		free(hb);
		zones++;
	}
	assert_int_equal(zones, 4);  /* DMA, DMA32, Normal, Movable */
	free(model);
	free(host);
	nc_machine_destroy(m);
}

static void test_vmstat_host(void **state)
{
	char *host, *model;
	struct nc_machine *m = proc_host_pair("/proc/vmstat", &host);

	(void)state;
	model = proc_model_read(m, "/proc/vmstat");
	proc_assert_keys_in_order(model, host, "/proc/vmstat");
	assert_non_null(strstr(model, "\npgalloc_normal "));
	free(model);
	free(host);
	nc_machine_destroy(m);
}

/* The golden scenario's events, summed over its nodes by hand (see
 * mm_machine.h): hits 4 + 908 + 2, other 1 + 908 + 2. */
static void test_vmstat_golden(void **state)
{
	struct nc_machine *m = mm_golden_machine();
	char *text;

	(void)state;
	assert_non_null(m);
	text = proc_model_read(m, "/proc/vmstat");
	assert_non_null(strstr(text, "\nnuma_hit 914\nnuma_miss 1\nnuma_foreign 1\n"
				     "numa_interleave 1\nnuma_local 4\nnuma_other 911\n"));
	assert_non_null(strstr(text, "\nnr_slab_unreclaimable 3\n"));
	assert_non_null(strstr(text, "\nnr_kernel_stack 16\n"));
	free(text);
	/* node 2 has no memory: all four zones print, none populated, and no
	 * per-node stats (no first populated zone) */
	text = proc_model_read(m, "/proc/zoneinfo");
	assert_non_null(strstr(text, "Node 2, zone      DMA\n  pages free     0\n"));
	assert_null(strstr(text, "Node 2, zone      DMA\n  per-node stats"));
	assert_non_null(strstr(text, "        managed  0\n        protection: (0, 0, 0, 0)\n"
				     "Node 2, zone    DMA32\n"));
	free(text);
	mm_machine_free(m);
}

static unsigned long vmstat_value(struct nc_machine *m, const char *key)
{
	char *text = proc_model_read(m, "/proc/vmstat"), want[64];
	const char *at;
	unsigned long v;

	snprintf(want, sizeof(want), "\n%s ", key);
	at = strstr(text, want);
	assert_non_null(at);
	v = strtoul(at + strlen(want), NULL, 10);
	free(text);
	return v;
}

/* node 1's Normal line of buddyinfo as its eleven counts */
static void node1_normal(struct nc_machine *m, unsigned long nr[NR_PAGE_ORDERS])
{
	char *text = proc_model_read(m, "/proc/buddyinfo");
	const char *l = strstr(text, "Node 1, zone   Normal ");
	char *end;

	assert_non_null(l);
	l += strlen("Node 1, zone   Normal ");
	for (int o = 0; o < NR_PAGE_ORDERS; o++, l = end)
		nr[o] = strtoul(l, &end, 10);
	free(text);
}

/* An order-2 page from node 1: pgalloc_normal counts its 4 pages,
 * numa_hit the one allocation (zone_statistics(..., 1)); the buddy takes
 * the smallest free block of order 2 or more and frees the halves it
 * splits off, one block at each order from 2 up to below it. */
static void test_order2_allocation(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	unsigned long pgalloc = vmstat_value(m, "pgalloc_normal");
	unsigned long hit = vmstat_value(m, "numa_hit");
	unsigned long before[NR_PAGE_ORDERS], after[NR_PAGE_ORDERS];
	int k = 2;

	(void)state;
	node1_normal(m, before);
	while (k < NR_PAGE_ORDERS && !before[k])
		k++;
	assert_true(k < NR_PAGE_ORDERS);
	assert_non_null(alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE, 2));
	node1_normal(m, after);
	before[k]--;
	for (int o = 2; o < k; o++)
		before[o]++;
	assert_memory_equal(after, before, sizeof(before));
	assert_int_equal(vmstat_value(m, "pgalloc_normal"), pgalloc + 4);
	assert_int_equal(vmstat_value(m, "numa_hit"), hit + 1);
	nc_machine_destroy(m);
}

/* PGFREE counts every page the boot released to the buddy allocator
 * (memblock_free_all() frees through free_one_page()), so at least
 * MemTotal's pages, then each page freed: an order-2 block adds 4. */
static void test_pgfree(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	char *meminfo = proc_model_read(m, "/proc/meminfo");
	unsigned long total_kb = strtoul(meminfo + strlen("MemTotal:"), NULL, 10);
	unsigned long pgfree = vmstat_value(m, "pgfree");
	struct page *page;

	(void)state;
	assert_true(total_kb > 0);
	assert_true(pgfree >= total_kb / 4);
	page = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE, 2);
	assert_non_null(page);
	assert_int_equal(vmstat_value(m, "pgfree"), pgfree);
	__free_pages(m, page, 2);
	assert_int_equal(vmstat_value(m, "pgfree"), pgfree + 4);
	free(meminfo);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buddyinfo_host),
		cmocka_unit_test(test_zoneinfo_host),
		cmocka_unit_test(test_vmstat_host),
		cmocka_unit_test(test_vmstat_golden),
		cmocka_unit_test(test_order2_allocation),
		cmocka_unit_test(test_pgfree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

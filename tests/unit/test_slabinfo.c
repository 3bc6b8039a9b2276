// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/slabinfo.c: the version 2.1 header against the
 * host's /proc/slabinfo, the line layout, the counts of a scripted
 * machine (worked out by hand) and the golden file of that machine.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "fs/proc/slabinfo.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "unit/mm_machine.h"
#include "unit/nc_boot.h"
#include "unit/slab_test.h"

static char *render(struct nc_machine *m, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	assert_non_null(f);
	assert_int_equal(slabinfo_show(m, f), 0);
	fclose(f);
	return text;
}

/* the line of cache name, or NULL */
static const char *line_of(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, name, n) && p[n] == ' ')
			return p;
	return NULL;
}

static void test_header_matches_host(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	char host[2][512], *text;
	size_t len;
	FILE *f = fopen("/proc/slabinfo", "r");

	(void)state;
	text = render(m, &len);
	if (f && fgets(host[0], sizeof(host[0]), f) && fgets(host[1], sizeof(host[1]), f)) {
		size_t l0 = strlen(host[0]);

		assert_memory_equal(text, host[0], l0);
		assert_memory_equal(text + l0, host[1], strlen(host[1]));
	} else {
		/* /proc/slabinfo is root-only: the v6.12 text, by hand */
		assert_memory_equal(text, "slabinfo - version: 2.1\n# name            <active_objs>", 52);
	}
	if (f)
		fclose(f);
	free(text);
	nc_machine_destroy(m);
}

/*
 * 2x4, CPU 0: 40 kmalloc(512) (512-byte cache, 32 a slab): slab 1 fills
 * (32), slab 2 holds 8; freeing 5 of slab 1's objects from CPU 4 puts it
 * on CPU 4's per-CPU partial list. Two slabs, 64 objects, none on a node
 * partial list, so all 64 count as active.
 */
static void test_counts(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	void *p[40];
	char want[160], *text;
	const char *line;
	size_t len;

	(void)state;
	m->cpu = 0;
	for (int i = 0; i < 40; i++)
		p[i] = kmalloc(m, 512, GFP_KERNEL);
	m->cpu = 4;
	for (int i = 0; i < 5; i++)
		kfree(m, p[i]);
	text = render(m, &len);
	line = line_of(text, "kmalloc-512");
	assert_non_null(line);
	snprintf(want, sizeof(want), "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u"
		 " : slabdata %6lu %6lu %6lu\n", "kmalloc-512", 64ul, 64ul, 512u, 32u, 4, 0u, 0u,
		 0u, 2ul, 2ul, 0ul);
	assert_memory_equal(line, want, strlen(want));
	free(text);
	/* after the flush the per-CPU slab joins node 0's partial list:
	 * its 5 free objects are no longer active */
	flush_all(m, nc_kmem_cache_find(m, "kmalloc-512"));
	text = render(m, &len);
	line = line_of(text, "kmalloc-512");
	snprintf(want, sizeof(want), "%-17s %6lu %6lu", "kmalloc-512", 35ul, 64ul);
	assert_memory_equal(line, want, strlen(want));
	free(text);
	for (int i = 5; i < 40; i++)
		kfree(m, p[i]);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* The golden file: a 2x4 machine after a scripted mix of allocations. */
static void test_golden(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *ts = m->slab->boot[NC_CACHE_TASK_STRUCT];
	void *t[12], *k[100];
	char *text;
	size_t len;

	(void)state;
	for (int i = 0; i < 12; i++) {
		m->cpu = (unsigned int)(i % 2) * 4;          /* CPUs 0 and 4 */
		t[i] = kmem_cache_alloc_node(m, ts, GFP_KERNEL, NUMA_NO_NODE);
	}
	m->cpu = 1;
	for (int i = 0; i < 100; i++)
		k[i] = kmalloc_node(m, 64 + i, GFP_KERNEL, i % 2);
	for (int i = 0; i < 100; i += 3)
		kfree(m, k[i]);
	m->cpu = 5;
	for (int i = 0; i < 12; i += 2)
		kmem_cache_free(m, ts, t[i]);
	text = render(m, &len);
	if (mm_golden_check("slab/slabinfo-2x4", text, len))
		fail_msg("slabinfo differs from tests/golden/slab/slabinfo-2x4");
	free(text);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_matches_host),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_golden),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

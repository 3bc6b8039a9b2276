// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/slab_sysfs.c: the file set against the host's
 * /sys/kernel/slab/<cache>/, value formats (per-node tails, per-CPU stat
 * tails), writes and their errors as v6.12 returns them.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "fs/proc/slab_sysfs.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "unit/nc_boot.h"
#include "unit/slab_test.h"

/* Every non-statistics file the model has exists on the host too (the
 * host lacks CONFIG_SLUB_STATS; 6.18 adds files such as sheaf_capacity). */
static void test_files_match_host(void **state)
{
	struct stat sb;
	unsigned int n = 0;

	(void)state;
	if (stat("/sys/kernel/slab/kmalloc-64", &sb))
		skip();   /* no /sys/kernel/slab here */
	for (const char *const *a = slab_sysfs_attrs; *a; a++) {
		char path[256];

		snprintf(path, sizeof(path), "/sys/kernel/slab/kmalloc-64/%s", *a);
		if (stat(path, &sb))
			fail_msg("the host has no %s", path);
		n++;
	}
	assert_true(n >= 27);
}

static void test_formats(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s = kmem_cache_create(m, "nc_fmt", 1000, NULL, SLAB_NO_MERGE);
	void *a, *b;

	(void)state;
	assert_non_null(s);
	m->cpu = 0;
	a = kmem_cache_alloc(m, s, GFP_KERNEL);
	m->cpu = 6;
	b = kmem_cache_alloc(m, s, GFP_KERNEL);
	/* 1000 bytes, 8 CPUs: 20 objects want order 3, 32 fit (768 wasted);
	 * one cpu slab per node, whose objects all count as in use */
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "cpu_slabs"), "2 N0=1 N1=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "slabs"), "2 N0=1 N1=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "objects"), "64 N0=32 N1=32\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "total_objects"), "64 N0=32 N1=32\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "partial"), "0\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "alloc_slab"), "2 C0=1 C6=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "object_size"), "1000\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "slab_size"), "1000\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "align"), "8\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "aliases"), "0\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "ctor"), "");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "shrink"), "");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "cpu_partial"), "52\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "min_partial"), "5\n");
	/* statistics clear on "0...", on every online CPU */
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "alloc_slab", "1"), -EINVAL);
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "alloc_slab", "0\n"), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "alloc_slab"), "0\n");
	/* writable files */
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "min_partial", "7"), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "min_partial"), "7\n");
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "min_partial", "x"), -EINVAL);
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "cpu_partial", "13\n"), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "cpu_partial"), "13\n");
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "cpu_partial", "99999999999"), -ERANGE);
	/* writing cpu_partial flushes every CPU */
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "cpu_slabs"), "0\n");
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "partial"), "2 N0=1 N1=1\n");
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "object_size", "1"), -EIO);
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "nothere", "1"), -ENOENT);
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "shrink", "0"), -EINVAL);
	assert_int_equal(slab_sysfs_store(m, "nc_none", "shrink", "1"), -ENOENT);
	m->cpu = 0;
	kmem_cache_free(m, s, a);
	kmem_cache_free(m, s, b);
	assert_int_equal(slab_sysfs_store(m, "nc_fmt", "shrink", "1"), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_fmt", "slabs"), "0\n");
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* Debug caches: cpu_partial 0 and cannot be raised; the flag files. */
static void test_debug_cache_files(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = kmem_cache_create(m, "nc_dbg", 64, NULL,
						 SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER);

	(void)state;
	assert_non_null(s);
	assert_string_equal(slab_sysfs_text(m, "nc_dbg", "cpu_partial"), "0\n");
	assert_int_equal(slab_sysfs_store(m, "nc_dbg", "cpu_partial", "5"), -EINVAL);
	assert_string_equal(slab_sysfs_text(m, "nc_dbg", "red_zone"), "1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_dbg", "poison"), "1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_dbg", "store_user"), "1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_dbg", "sanity_checks"), "0\n");
	assert_string_equal(slab_sysfs_text(m, "nc_dbg", "slabs_cpu_partial"), "0(0)\n");
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files_match_host),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_debug_cache_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/slab_common.c: alignment, cache merging, creation
 * errors, the kmalloc caches (checked against the host's where it has
 * them), the boot caches and the SIZE:ALIGN:FLAGS parser. Expectations are
 * worked out by hand from v6.12's rules; every test ends with the
 * validate walk.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "unit/nc_boot.h"
#include "unit/slab_test.h"

/* calculate_alignment(): HWCACHE_ALIGN halves the line while the object
 * fits twice; at least 8; a larger requested alignment wins. */
static void test_alignment(void **state)
{
	(void)state;
	assert_int_equal(calculate_alignment(0, 0, 100), 8);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 100), 64);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 32), 32);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 33), 64);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 8), 8);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 9), 16);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 256, 100), 256);
	assert_int_equal(calculate_alignment(0, 4, 100), 8);
}

/* find_mergeable(): same MERGE_SAME flags, stride within 8 bytes, stride a
 * multiple of the new alignment; never with a ctor, usersize or RCU. */
static void test_merge(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache_args user = { .useroffset = 0, .usersize = 8 };
	struct kmem_cache *a, *b;

	(void)state;
	a = kmem_cache_create(m, "nc_m200", 200, NULL, 0);
	assert_non_null(a);
	assert_int_equal(a->size, 200);
	b = kmem_cache_create(m, "nc_m196", 196, NULL, 0);   /* 200 - 200 < 8 */
	assert_ptr_equal(a, b);
	assert_int_equal(a->refcount, 2);
	assert_ptr_equal(nc_kmem_cache_find(m, "nc_m196"), a);
	assert_ptr_not_equal(kmem_cache_create(m, "nc_m192", 192, NULL, 0), a); /* 200-192 = 8 */
	assert_ptr_not_equal(kmem_cache_create(m, "nc_m200a", 200, NULL, SLAB_ACCOUNT), a);
	assert_ptr_not_equal(kmem_cache_create(m, "nc_m200r", 200, NULL,
					       SLAB_TYPESAFE_BY_RCU), a);
	assert_ptr_not_equal(kmem_cache_create(m, "nc_m200u", 200, &user, 0), a);
	/* alignment 16 needs a stride that is a multiple of 16: 200 is not */
	assert_ptr_not_equal(kmem_cache_create(m, "nc_m200h", 200, NULL, SLAB_HWCACHE_ALIGN), a);
	/* a merged-in larger object grows object_size (kzalloc clears it all) */
	assert_ptr_equal(kmem_cache_create(m, "nc_m199", 199, NULL, 0), a);
	kmem_cache_destroy(m, b);      /* drops a reference only */
	assert_non_null(nc_kmem_cache_find(m, "nc_m200"));
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

static void test_create_errors(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache_args fp = { .use_freeptr_offset = true, .freeptr_offset = 8 };
	struct kmem_cache *s;

	(void)state;
	assert_null(kmem_cache_create(m, "nc_bad", 64, NULL, 1u << 30));   /* unknown flag */
	assert_null(kmem_cache_create(m, NULL, 64, NULL, 0));
	assert_null(kmem_cache_create(m, "nc_zero", 0, NULL, 0));
	/* a free pointer offset needs TYPESAFE_BY_RCU, alignment, in bounds */
	assert_null(kmem_cache_create(m, "nc_fp1", 64, &fp, 0));
	fp.freeptr_offset = 12;
	assert_null(kmem_cache_create(m, "nc_fp2", 64, &fp, SLAB_TYPESAFE_BY_RCU));
	fp.freeptr_offset = 64;
	assert_null(kmem_cache_create(m, "nc_fp3", 64, &fp, SLAB_TYPESAFE_BY_RCU));
	fp.freeptr_offset = 56;
	s = kmem_cache_create(m, "nc_fp4", 64, &fp, SLAB_TYPESAFE_BY_RCU);
	assert_non_null(s);
	assert_int_equal(s->offset, 56);
	assert_int_equal(s->size, 64);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* The kmalloc caches: names, sizes, and where the host has the same cache,
 * its geometry (the host's CPU count differs; so only what it cannot
 * change: object size and alignment). */
static void test_kmalloc_caches(void **state)
{
	static const char *const names[] = {
		"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
		"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512", "kmalloc-1k",
		"kmalloc-2k", "kmalloc-4k", "kmalloc-8k", "kmalloc-rcl-96", "kmalloc-cg-8k",
	};
	static const unsigned int align[] = { 8, 16, 32, 64, 32, 128, 64, 256, 512, 1024,
					      2048, 4096, 8192, 32, 8192 };
	struct nc_machine *m = nc_boot("1x2");

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct kmem_cache *s = nc_kmem_cache_find(m, names[i]);
		char path[256];
		unsigned int host = 0;
		FILE *f;

		assert_non_null(s);
		assert_int_equal(s->align, align[i]);
		assert_true(s->flags & SLAB_KMALLOC);
		snprintf(path, sizeof(path), "/sys/kernel/slab/%s/align", names[i]);
		f = fopen(path, "r");
		if (f) {
			if (fscanf(f, "%u", &host) == 1)
				assert_int_equal(s->align, host);
			fclose(f);
		}
	}
	/* kmalloc_slab(): classes by size and gfp type */
	assert_string_equal(kmalloc_slab(m, 1, GFP_KERNEL)->name, "kmalloc-8");
	assert_string_equal(kmalloc_slab(m, 65, GFP_KERNEL)->name, "kmalloc-96");
	assert_string_equal(kmalloc_slab(m, 97, GFP_KERNEL)->name, "kmalloc-128");
	assert_string_equal(kmalloc_slab(m, 193, GFP_KERNEL)->name, "kmalloc-256");
	assert_string_equal(kmalloc_slab(m, 8192, GFP_KERNEL_ACCOUNT)->name, "kmalloc-cg-8k");
	assert_string_equal(kmalloc_slab(m, 4000, __GFP_RECLAIMABLE | __GFP_ACCOUNT)->name,
			    "kmalloc-rcl-4k");
	assert_true(nc_kmem_cache_find(m, "kmalloc-rcl-64")->flags & SLAB_RECLAIM_ACCOUNT);
	assert_non_null(nc_kmem_cache_find(m, "kmalloc_buckets"));
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * The kmalloc cache names a Debian 6.12 amd64 box lists (CONFIG_ZONE_DMA
 * and CONFIG_MEMCG, no CONFIG_RANDOM_KMALLOC_CACHES): kmalloc-, kmalloc-rcl-,
 * dma-kmalloc- and kmalloc-cg- for 8..8k plus 96 and 192, and
 * kmalloc_buckets: 4 * 13 + 1. Where /sys/kernel/slab is readable, the
 * host's kmalloc names (same options) must be exactly these.
 */
static void test_kmalloc_names_as_host(void **state)
{
	static const char *const prefix[] = { "kmalloc-", "kmalloc-rcl-", "dma-kmalloc-",
					      "kmalloc-cg-" };
	static const char *const size[] = { "8", "16", "32", "64", "96", "128", "192", "256",
					    "512", "1k", "2k", "4k", "8k" };
	struct nc_machine *m = nc_boot("1x2");
	unsigned int model = 0, host = 0;
	struct dirent *de;
	DIR *d;

	(void)state;
	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->list_next)
		model += strstr(s->name, "kmalloc") != NULL;
	assert_int_equal(model, 4 * 13 + 1);
	for (size_t p = 0; p < 4; p++)
		for (size_t i = 0; i < 13; i++) {
			char name[32];

			snprintf(name, sizeof(name), "%s%s", prefix[p], size[i]);
			assert_non_null(nc_kmem_cache_find(m, name));
			assert_true(!strcmp(prefix[p], "dma-kmalloc-") ==
				    !!(nc_kmem_cache_find(m, name)->flags & SLAB_CACHE_DMA));
		}
	d = opendir("/sys/kernel/slab");
	if (d) {
		while ((de = readdir(d)))
			if (strstr(de->d_name, "kmalloc")) {
				host++;
				if (!nc_kmem_cache_find(m, de->d_name))
					fail_msg("host cache %s missing from the model", de->d_name);
			}
		closedir(d);
		assert_int_equal(host, model);
	}
	assert_slab_valid(m);
	nc_machine_destroy(m);
	if (!d)
		skip();   /* /sys/kernel/slab unreadable: the host comparison */
}

static void test_host_object_size(void **state)
{
	char dir[] = "/tmp/nc_slabXXXXXX", path[128];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/task_struct", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/task_struct/object_size", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("6144\n", f);
	fclose(f);
	assert_int_equal(nc_slab_host_object_size(dir, "task_struct"), 6144);
	assert_int_equal(nc_slab_host_object_size(dir, "nothere"), 0);
	f = fopen(path, "w");
	fputs("banana\n", f);
	fclose(f);
	assert_int_equal(nc_slab_host_object_size(dir, "task_struct"), 0);
	unlink(path);
	snprintf(path, sizeof(path), "%s/task_struct", dir);
	rmdir(path);
	rmdir(dir);
}

static void test_parse(void **state)
{
	unsigned int size, align;
	slab_flags_t flags;
	struct nc_error err;
	bool ctor;

	(void)state;
	assert_int_equal(nc_kmem_geometry_parse("2080:0:SLAB_HWCACHE_ALIGN|SLAB_TYPESAFE_BY_RCU|ctor",
						&size, &align, &flags, &ctor, &err), 0);
	assert_int_equal(size, 2080);
	assert_int_equal(align, 0);
	assert_int_equal(flags, SLAB_HWCACHE_ALIGN | SLAB_TYPESAFE_BY_RCU);
	assert_true(ctor);
	assert_int_equal(nc_kmem_geometry_parse("64", &size, &align, &flags, &ctor, &err), 0);
	assert_int_equal(nc_kmem_geometry_parse("64:", &size, &align, &flags, &ctor, &err), 0);
	assert_int_equal(nc_kmem_geometry_parse("0", &size, &align, &flags, &ctor, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "position 1"));
	assert_int_equal(nc_kmem_geometry_parse("64:24", &size, &align, &flags, &ctor, &err),
			 -EINVAL);
	assert_non_null(strstr(err.msg, "position 4"));
	assert_int_equal(nc_kmem_geometry_parse("64:8:SLAB_BOGUS", &size, &align, &flags, &ctor,
						&err), -EINVAL);
	assert_non_null(strstr(err.msg, "position 6: unknown flag 'SLAB_BOGUS'"));
	assert_int_equal(nc_kmem_geometry_parse("64:8:SLAB_POISON|", &size, &align, &flags, &ctor,
						&err), -EINVAL);
	assert_int_equal(nc_kmem_geometry_parse("99999999999", &size, &align, &flags, &ctor,
						&err), -EINVAL);
}

static void test_boot_cache_order(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	const char *names[4];

	(void)state;
	/* cred_jar (184 -> 192) does not fit pid's 128; fs_cache joins
	 * anon_vma_chain, the older 64-byte ACCOUNT cache */
	assert_ptr_not_equal(m->slab->boot[NC_CACHE_CRED], m->slab->boot[NC_CACHE_PID]);
	assert_int_equal(nc_kmem_cache_aliases(m, m->slab->boot[NC_CACHE_ANON_VMA_CHAIN],
					       names, 4), 1);
	assert_string_equal(names[0], "fs_cache");
	/* the newest cache heads the list: pid_namespace, made by an initcall
	 * after proc_caches_init() (whose last is nsproxy) */
	assert_string_equal(m->slab->slab_caches->name, "pid_namespace");
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* --topology host: the boot caches take the host's object sizes */
static void test_host_sizes(void **state)
{
	struct nc_machine_config cfg = { .topology = "host" };
	unsigned int host = nc_slab_host_object_size("/sys/kernel/slab", "task_struct");
	struct nc_machine *m;
	struct nc_error err;

	(void)state;
	if (!host)
		skip();   /* the host's /sys/kernel/slab is unreadable */
	m = nc_machine_create(&cfg, &err);
	if (!m)
		skip();   /* this tree cannot mirror the host topology yet */
	assert_int_equal(m->slab->boot[NC_CACHE_TASK_STRUCT]->object_size, host);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_kmalloc_caches),
		cmocka_unit_test(test_kmalloc_names_as_host),
		cmocka_unit_test(test_host_object_size),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_boot_cache_order),
		cmocka_unit_test(test_host_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

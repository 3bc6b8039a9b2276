// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/slub.c: geometry (against the host kernel's
 * /sys/kernel/slab and by hand), the fast and slow paths on NUMA machines,
 * remote frees, partial stealing, the task policy on new slab pages,
 * statistics after scripted sequences, every slub_debug report. Expected
 * numbers are worked out by hand from v6.12's rules (each test says how).
 * Every test ends with the validate walk over every cache.
 */
#include <dirent.h>
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
#include "arch/machine.h"
#include "fs/proc/slab_sysfs.h"
#include "kernel/rcu/tree.h"
#include "mm/fail_page_alloc.h"
#include "mm/vmstat.h"
#include "mm/failslab.h"
#include "mm/mmzone.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "trace/trace.h"
#include "uapi/linux/mman.h"
#include "unit/nc_boot.h"
#include "unit/slab_test.h"
#include "unit/user_task.h"

static unsigned long st(struct nc_machine *m, struct kmem_cache *s, enum stat_item si)
{
	return slab_stat_sum(m, s, si);
}

static struct kmem_cache *test_cache(struct nc_machine *m, const char *name,
				     unsigned int size, slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_create(m, name, size, NULL, flags | SLAB_NO_MERGE);

	assert_non_null(s);
	return s;
}

/* ---------------------------------------------------------------- geometry */

static unsigned int read_uint(const char *dir, const char *name, const char *attr, bool *ok)
{
	char path[512], buf[128];
	unsigned int v = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/%s", dir, name, attr);
	f = fopen(path, "r");
	if (!f || !fgets(buf, sizeof(buf), f) || sscanf(buf, "%u", &v) != 1)
		*ok = false;
	if (f)
		fclose(f);
	return v;
}

static bool has_ctor(const char *dir, const char *name)
{
	char path[512], buf[128] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/ctor", dir, name);
	f = fopen(path, "r");
	if (!f)
		return false;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = 0;
	fclose(f);
	return buf[0] && buf[0] != '\n';
}

static unsigned int host_present_cpus(void)
{
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };
	char buf[4096] = "";
	FILE *f = fopen("/sys/devices/system/cpu/present", "r");

	if (!f)
		return 0;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = 0;
	fclose(f);
	buf[strcspn(buf, "\n")] = 0;
	if (bitmap_parselist(buf, mask, NR_CPUS, NULL))
		return 0;
	return bitmap_weight(mask, NR_CPUS);
}

/*
 * The host kernel (6.18 here) computes slab_size, order, objs_per_slab,
 * min_partial and cpu_partial of every cache from its object_size, align,
 * flags and the present CPU count by v6.12's rules too. One thing sysfs
 * does not show: 6.13+ passes kmem_cache_args.freeptr_offset for these
 * TYPESAFE_BY_RCU caches (the pointer then stays inside the object).
 */
static const char *const host_freeptr_offset_caches[] = {
	"filp", "bfilp", "vm_area_struct", "io_kiocb", NULL
};

static void test_geometry_matches_host(void **state)
{
	const char *dir = "/sys/kernel/slab";
	unsigned int cpus = host_present_cpus(), checked = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	(void)state;
	if (!d || !cpus) {
		if (d)
			closedir(d);
		skip();   /* /sys/kernel/slab or the CPU list is unreadable here */
	}
	while ((de = readdir(d))) {
		char path[512];
		struct stat sb;
		struct kmem_cache s;
		struct kmem_cache_args args = { 0 };
		struct slub_params p;
		bool ok = true;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (lstat(path, &sb) || !S_ISDIR(sb.st_mode))
			continue;   /* aliases are symlinks to their cache */
		memset(&s, 0, sizeof(s));
		s.object_size = read_uint(dir, de->d_name, "object_size", &ok);
		s.align = read_uint(dir, de->d_name, "align", &ok);
		if (read_uint(dir, de->d_name, "red_zone", &ok))
			s.flags |= SLAB_RED_ZONE;
		if (read_uint(dir, de->d_name, "poison", &ok))
			s.flags |= SLAB_POISON;
		if (read_uint(dir, de->d_name, "store_user", &ok))
			s.flags |= SLAB_STORE_USER;
		if (read_uint(dir, de->d_name, "sanity_checks", &ok))
			s.flags |= SLAB_CONSISTENCY_CHECKS;
		if (read_uint(dir, de->d_name, "destroy_by_rcu", &ok))
			s.flags |= SLAB_TYPESAFE_BY_RCU;
		if (read_uint(dir, de->d_name, "reclaim_account", &ok))
			s.flags |= SLAB_RECLAIM_ACCOUNT;
		if (!strncmp(de->d_name, "kmalloc-", 8) || !strncmp(de->d_name, "dma-kmalloc-", 12))
			s.flags |= SLAB_KMALLOC;
		if (!ok)
			continue;   /* a file vanished or is unreadable */
		if (has_ctor(dir, de->d_name))
			s.ctor = (void (*)(void *))abort;   /* any constructor */
		args.ctor = s.ctor;
		for (const char *const *n = host_freeptr_offset_caches; *n; n++)
			if (!strcmp(*n, de->d_name))
				args.use_freeptr_offset = true;
		slub_params_default(&p, cpus, cpus);
		if (kmem_cache_geometry(&s, &args, &p))
			fail_msg("%s: the model finds no geometry", de->d_name);
		ok = true;
		if (s.size != read_uint(dir, de->d_name, "slab_size", &ok) ||
		    oo_order(s.oo) != read_uint(dir, de->d_name, "order", &ok) ||
		    oo_objects(s.oo) != read_uint(dir, de->d_name, "objs_per_slab", &ok) ||
		    s.min_partial != read_uint(dir, de->d_name, "min_partial", &ok) ||
		    s.cpu_partial != read_uint(dir, de->d_name, "cpu_partial", &ok))
			fail_msg("%s: model %u/%u/%u/%lu/%u, host %u/%u/%u/%u/%u "
				 "(slab_size/order/objs_per_slab/min_partial/cpu_partial)",
				 de->d_name, s.size, oo_order(s.oo), oo_objects(s.oo),
				 s.min_partial, s.cpu_partial,
				 read_uint(dir, de->d_name, "slab_size", &ok),
				 read_uint(dir, de->d_name, "order", &ok),
				 read_uint(dir, de->d_name, "objs_per_slab", &ok),
				 read_uint(dir, de->d_name, "min_partial", &ok),
				 read_uint(dir, de->d_name, "cpu_partial", &ok));
		checked++;
	}
	closedir(d);
	print_message("geometry of %u host caches matches\n", checked);
	assert_true(checked > 0);
}

/* geometry of size:align:flags on cpus CPUs */
static struct kmem_cache geo(const char *spec, unsigned int cpus)
{
	struct kmem_cache s;
	struct nc_error err;

	if (nc_kmem_geometry(spec, cpus, &s, &err))
		fail_msg("%s", err.msg);
	return s;
}

/* Reference C-GEO-11, by hand: 256 bytes, HWCACHE_ALIGN, 8 CPUs: min_objects
 * 4*(fls(8)+1) = 20, get_order(5120) = 1, no waste -> order 1, 32 objects;
 * min order 0 (16); min_partial ilog2(256)/2 = 4 -> 5; cpu_partial 52 ->
 * ceil(104/32) = 4 slabs. */
static void test_geometry_worked_example(void **state)
{
	struct kmem_cache s = geo("256:0:SLAB_HWCACHE_ALIGN", 8);

	(void)state;
	assert_int_equal(s.align, 64);
	assert_int_equal(s.size, 256);
	assert_int_equal(oo_order(s.oo), 1);
	assert_int_equal(oo_objects(s.oo), 32);
	assert_int_equal(oo_order(s.min), 0);
	assert_int_equal(oo_objects(s.min), 16);
	assert_int_equal(s.min_partial, 5);
	assert_int_equal(s.cpu_partial, 52);
	assert_int_equal(s.cpu_partial_slabs, 4);
	/* 64 CPUs: min_objects 4*(7+1) = 32 -> 8192 bytes -> order 1 still */
	s = geo("256:0:SLAB_HWCACHE_ALIGN", 64);
	assert_int_equal(oo_order(s.oo), 1);
	/* 5952-byte task_struct, 1 CPU: nr_cpu_ids 1 too -> min_objects 8,
	 * capped at 32768/5952 = 5; order 3 wastes 2992 > 2048 (1/16) but
	 * <= 4096 (1/8): order 3, 5 objects; >= PAGE_SIZE -> cpu_partial 6 */
	s = geo("5952:64:SLAB_ACCOUNT", 1);
	assert_int_equal(oo_order(s.oo), 3);
	assert_int_equal(oo_objects(s.oo), 5);
	assert_int_equal(s.cpu_partial, 6);
	assert_int_equal(s.min_partial, 6);   /* ilog2(5952) = 12 -> 6 */
}

/* Free pointer and metadata layout, by hand from calculate_sizes(). */
static void test_geometry_layout(void **state)
{
	struct kmem_cache s;

	(void)state;
	s = geo("100", 2);                 /* pointer mid-object */
	assert_int_equal(s.offset, 48);
	assert_int_equal(s.size, 104);
	s = geo("184:0:SLAB_TYPESAFE_BY_RCU", 2);   /* pointer after the object */
	assert_int_equal(s.offset, 184);
	assert_int_equal(s.size, 192);
	s = geo("96:0:ctor", 2);           /* constructor: after the object */
	assert_int_equal(s.offset, 96);
	assert_int_equal(s.size, 104);
	s = geo("100:0:SLAB_POISON", 2);   /* inuse 104, pointer at 104 */
	assert_int_equal(s.inuse, 104);
	assert_int_equal(s.offset, 104);
	assert_int_equal(s.size, 112);
	s = geo("96:0:SLAB_RED_ZONE", 2);  /* +8 red zone word, +8 after, +8 left */
	assert_int_equal(s.inuse, 104);
	assert_int_equal(s.offset, 48);
	assert_int_equal(s.red_left_pad, 8);
	assert_int_equal(s.size, 120);
	s = geo("100:0:SLAB_STORE_USER", 2);        /* two 32-byte tracks */
	assert_int_equal(s.size, 168);
	s = geo("100:0:SLAB_STORE_USER|SLAB_KMALLOC", 2);  /* + original size */
	assert_int_equal(s.size, 176);
	s = geo("100:0:SLAB_POISON|SLAB_RED_ZONE|SLAB_STORE_USER", 2);
	assert_int_equal(s.offset, 104);
	assert_int_equal(s.size, 192);
	s = geo("4:0:SLAB_RED_ZONE", 2);   /* smaller than a pointer: after */
	assert_int_equal(s.inuse, 8);
	assert_int_equal(s.offset, 8);
	s = geo("100:128:SLAB_RED_ZONE", 2);  /* left pad rounds up to align */
	assert_int_equal(s.red_left_pad, 128);
}

static void test_kmalloc_index(void **state)
{
	(void)state;
	assert_int_equal(kmalloc_index(0), 0);
	assert_int_equal(kmalloc_index(1), 3);
	assert_int_equal(kmalloc_index(8), 3);
	assert_int_equal(kmalloc_index(9), 4);
	assert_int_equal(kmalloc_index(64), 6);
	assert_int_equal(kmalloc_index(65), 1);
	assert_int_equal(kmalloc_index(96), 1);
	assert_int_equal(kmalloc_index(97), 7);
	assert_int_equal(kmalloc_index(129), 2);
	assert_int_equal(kmalloc_index(192), 2);
	assert_int_equal(kmalloc_index(193), 8);
	assert_int_equal(kmalloc_index(8192), 13);
}

/* ------------------------------------------------------------- allocation */

/*
 * Scripted sequence on CPU 0 of 2x4 (256-byte cache, 32 objects a slab,
 * min_partial 5, cpu_partial_slabs 4), counted by hand:
 *   33 allocs: 1 slow (new slab A), 31 fast, 1 slow (A full: get_freelist()
 *     finds nothing -> DEACTIVATE_BYPASS, new slab B);
 *   free a[0] (A is no cpu slab, was full): slow, CPU_PARTIAL_FREE;
 *   free b (B is the cpu slab): FREE_FASTPATH;
 *   flush CPU 0: B (all free, nr_partial 0 < 5) to the node head,
 *     DEACTIVATE_TO_HEAD, CPUSLAB_FLUSH; A from the per-CPU list to the node
 *     tail, FREE_ADD_PARTIAL;
 *   1 alloc: slow; node 0's partial list gives B (ALLOC_FROM_PARTIAL) and
 *     moves A to the per-CPU list (CPU_PARTIAL_NODE; 1 <= 4/2 keeps going,
 *     the list ends).
 */
static void test_stats_scripted(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *a[32], *b;

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_test256", 256, SLAB_HWCACHE_ALIGN);
	for (int i = 0; i < 32; i++)
		a[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	b = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(st(m, s, ALLOC_SLOWPATH), 2);
	assert_int_equal(st(m, s, ALLOC_FASTPATH), 31);
	assert_int_equal(st(m, s, ALLOC_SLAB), 2);
	assert_int_equal(st(m, s, DEACTIVATE_BYPASS), 1);
	assert_ptr_not_equal(virt_to_slab(m, a[0]), virt_to_slab(m, b));
	kmem_cache_free(m, s, a[0]);
	assert_int_equal(st(m, s, FREE_SLOWPATH), 1);
	assert_int_equal(st(m, s, CPU_PARTIAL_FREE), 1);
	kmem_cache_free(m, s, b);
	assert_int_equal(st(m, s, FREE_FASTPATH), 1);
	assert_slab_valid(m);
	flush_cpu_slab(m, s, 0);
	assert_int_equal(st(m, s, DEACTIVATE_TO_HEAD), 1);
	assert_int_equal(st(m, s, CPUSLAB_FLUSH), 1);
	assert_int_equal(st(m, s, FREE_ADD_PARTIAL), 1);
	assert_string_equal(slab_sysfs_text(m, "nc_test256", "partial"), "2 N0=2\n");
	assert_string_equal(slab_sysfs_text(m, "nc_test256", "objects_partial"), "31 N0=31\n");
	assert_string_equal(slab_sysfs_text(m, "nc_test256", "objects"), "31 N0=31\n");
	assert_slab_valid(m);
	b = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(st(m, s, ALLOC_SLOWPATH), 3);
	assert_int_equal(st(m, s, ALLOC_FROM_PARTIAL), 1);
	assert_int_equal(st(m, s, CPU_PARTIAL_NODE), 1);
	assert_string_equal(slab_sysfs_text(m, "nc_test256", "cpu_slabs"), "2 N0=2\n");
	assert_string_equal(slab_sysfs_text(m, "nc_test256", "slabs"), "2 N0=2\n");
	assert_string_equal(slab_sysfs_text(m, "nc_test256", "slabs_cpu_partial"), "16(1) C0=16(1)\n");
	assert_string_equal(slab_sysfs_text(m, "nc_test256", "alloc_slowpath"), "3 C0=3\n");
	/* cpu and per-CPU partial slabs count as active in slabinfo */
	{
		struct slabinfo si;

		get_slabinfo(m, s, &si);
		assert_int_equal(si.num_objs, 64);
		assert_int_equal(si.active_objs, 64);
	}
	assert_slab_valid(m);
	kmem_cache_free(m, s, b);
	for (int i = 1; i < 32; i++)
		kmem_cache_free(m, s, a[i]);
	assert_slab_valid(m);
	kmem_cache_destroy(m, s);
	assert_null(nc_kmem_cache_find(m, "nc_test256"));
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * node_match(): CPU 0 (node 0). alloc_node(0) makes a node-0 cpu slab;
 * alloc_node(1) mismatches: ALLOC_NODE_MISMATCH, the node-0 slab (1 used,
 * nr_partial 0 < 5) goes to node 0's head (DEACTIVATE_TO_HEAD), and a new
 * node-1 slab becomes the cpu slab; the next alloc_node(1) and a
 * NUMA_NO_NODE alloc take the fast path from it.
 */
static void test_node_mismatch(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *x, *y, *z, *w;

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_node", 512, 0);
	x = kmem_cache_alloc_node(m, s, GFP_KERNEL, 0);
	assert_int_equal(slab_nid(virt_to_slab(m, x)), 0);
	y = kmem_cache_alloc_node(m, s, GFP_KERNEL, 1);
	assert_int_equal(slab_nid(virt_to_slab(m, y)), 1);
	assert_int_equal(st(m, s, ALLOC_NODE_MISMATCH), 1);
	assert_int_equal(st(m, s, DEACTIVATE_TO_HEAD), 1);
	assert_int_equal(st(m, s, ALLOC_SLAB), 2);
	z = kmem_cache_alloc_node(m, s, GFP_KERNEL, 1);
	w = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(slab_nid(virt_to_slab(m, z)), 1);
	assert_int_equal(slab_nid(virt_to_slab(m, w)), 1);   /* any node will do */
	assert_int_equal(st(m, s, ALLOC_FASTPATH), 2);
	assert_string_equal(slab_sysfs_text(m, "nc_node", "partial"), "1 N0=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_node", "cpu_slabs"), "1 N1=1\n");
	/* a node that does not exist is no node at all (NUMA_NO_NODE) */
	assert_non_null(kmem_cache_alloc_node(m, s, GFP_KERNEL, 7));
	assert_non_null(kmem_cache_alloc_node(m, s, GFP_KERNEL, 5000));
	assert_int_equal(st(m, s, ALLOC_NODE_MISMATCH), 1);
	/* a node-0 request reuses the node-0 partial slab */
	x = kmem_cache_alloc_node(m, s, GFP_KERNEL, 0);
	assert_int_equal(slab_nid(virt_to_slab(m, x)), 0);
	assert_int_equal(st(m, s, ALLOC_FROM_PARTIAL), 1);
	assert_int_equal(st(m, s, ALLOC_NODE_MISMATCH), 2);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * Frees from another CPU, by hand. CPU 0 allocates x, y from cpu slab S
 * (node 0). CPU 4 (node 1) frees x: S is frozen -> FREE_FROZEN on CPU 4,
 * x on S's own freelist. Flushing CPU 0 finds that remote free:
 * DEACTIVATE_REMOTE_FREES and the slab goes to the tail (DEACTIVATE_TO_TAIL).
 * Then a full slab T of node 0 gets a free from CPU 4: it goes on CPU 4's
 * per-CPU partial list (CPU_PARTIAL_FREE), although it is node 0's; a
 * node-1 request on CPU 4 sends it home (FREE_ADD_PARTIAL).
 */
static void test_remote_frees(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *x, *y, *t[8];

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_remote", 4096, 0);   /* 8 a slab, order 3 */
	x = kmem_cache_alloc(m, s, GFP_KERNEL);
	y = kmem_cache_alloc(m, s, GFP_KERNEL);
	m->cpu = 4;
	kmem_cache_free(m, s, x);
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "free_frozen"), "1 C4=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "free_slowpath"), "1 C4=1\n");
	assert_slab_valid(m);
	flush_cpu_slab(m, s, 0);
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "deactivate_remote_frees"), "1 C0=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "deactivate_to_tail"), "1 C0=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "objects_partial"), "1 N0=1\n");
	kmem_cache_free(m, s, y);   /* partial -> empty, nr_partial 1 < 6: stays */
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "partial"), "1 N0=1\n");
	assert_slab_valid(m);

	/* a full node-0 slab, freed into from node 1 */
	m->cpu = 0;
	for (int i = 0; i < 8; i++)
		t[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	flush_cpu_slab(m, s, 0);
	m->cpu = 4;
	kmem_cache_free(m, s, t[0]);
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "cpu_partial_free"), "1 C4=1\n");
	/* CPU 4 has no cpu slab: its per-CPU partial slab is not counted */
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "cpu_slabs"), "0\n");
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "slabs_cpu_partial"), "4(1) C4=4(1)\n");
	assert_slab_valid(m);
	x = kmem_cache_alloc_node(m, s, GFP_KERNEL, 1);
	assert_int_equal(slab_nid(virt_to_slab(m, x)), 1);
	assert_string_equal(slab_sysfs_text(m, "nc_remote", "free_add_partial"), "1 C4=1\n");
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * Partial stealing (get_any_partial) when the local node has none: node 1
 * gets 7 partial slabs (> min_partial 6 of a 4096-byte cache); CPU 0's
 * NUMA_NO_NODE request finds node 0 empty and takes node 1's first slab
 * (ALLOC_FROM_PARTIAL) plus more onto its per-CPU list while the count
 * stays <= cpu_partial_slabs/2 = 2/2: one more (CPU_PARTIAL_NODE 2 would
 * exceed 1, so it stops after moving 2). With remote_node_defrag_ratio 0
 * the search is skipped and a new node-0 slab comes instead.
 */
static void fill_node1_partials(struct nc_machine *m, struct kmem_cache *s, void *objs[7][8])
{
	m->cpu = 4;
	for (int k = 0; k < 7; k++)
		for (int i = 0; i < 8; i++)
			objs[k][i] = kmem_cache_alloc_node(m, s, GFP_KERNEL, 1);
	for (int k = 0; k < 7; k++)
		kmem_cache_free(m, s, objs[k][0]);
	flush_cpu_slab(m, s, 4);
}

static void test_get_any_partial(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *objs[7][8], *x;

	(void)state;
	s = test_cache(m, "nc_steal", 4096, 0);
	assert_int_equal(s->min_partial, 6);
	assert_int_equal(s->cpu_partial_slabs, 2);
	fill_node1_partials(m, s, objs);
	assert_string_equal(slab_sysfs_text(m, "nc_steal", "partial"), "7 N1=7\n");
	/* the kernel's get_cycles() % 1024 > ratio skip never fires at 1023 */
	s->remote_node_defrag_ratio = 1023;
	m->cpu = 0;
	x = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(slab_nid(virt_to_slab(m, x)), 1);
	assert_string_equal(slab_sysfs_text(m, "nc_steal", "alloc_from_partial"), "1 C0=1\n");
	assert_string_equal(slab_sysfs_text(m, "nc_steal", "cpu_partial_node"), "2 C0=2\n");
	assert_string_equal(slab_sysfs_text(m, "nc_steal", "partial"), "4 N1=4\n");
	assert_slab_valid(m);
	/* ratio 0: never steal; 4 <= min_partial anyway now, so refill first */
	assert_int_equal(slab_sysfs_store(m, "nc_steal", "remote_node_defrag_ratio", "0"), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_steal", "remote_node_defrag_ratio"), "0\n");
	m->cpu = 1;
	x = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(slab_nid(virt_to_slab(m, x)), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_steal", "alloc_slab"), "8 C1=1 C4=7\n");
	assert_int_equal(slab_sysfs_store(m, "nc_steal", "remote_node_defrag_ratio", "101"),
			 -ERANGE);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * The task's policy on new slab pages (alloc_slab_page() -> alloc_pages()
 * for NUMA_NO_NODE). Interleave over {0,1}: il_prev starts at
 * MAX_NUMNODES-1. With get_any_partial() skipped (ratio 0) each new slab
 * takes the next interleave node: 0,1,0,1. With it always run, each refill
 * first calls mempolicy_slab_node() (interleave_nodes(), advancing to 0)
 * and then alloc_pages() (advancing to 1): every slab lands on node 1.
 */
static void interleave_slabs(unsigned int ratio, const int *want)
{
	struct user_machine um = user_machine("2x4");
	struct nc_machine *m = um.m;
	unsigned long mask = 3;
	long addr = kernel_mmap(m, 0, 4096, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, (unsigned long)-1, 0);
	struct kmem_cache *s = test_cache(m, "nc_policy", 4096, 0);
	void *x[32];

	assert_true(addr > 0);
	put_user_bytes(m, (unsigned long)addr, &mask, sizeof(mask));
	assert_int_equal(kernel_set_mempolicy(m, MPOL_INTERLEAVE, (unsigned long)addr, 3), 0);
	s->remote_node_defrag_ratio = ratio;
	for (int i = 0; i < 32; i++)
		x[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	for (int k = 0; k < 4; k++)
		if (slab_nid(virt_to_slab(m, x[k * 8])) != want[k])
			fail_msg("slab %d on node %d, want %d (ratio %u)", k,
				 slab_nid(virt_to_slab(m, x[k * 8])), want[k], ratio);
	/* objects of one slab share its node, whatever the policy says */
	assert_int_equal(slab_nid(virt_to_slab(m, x[7])), want[0]);
	assert_slab_valid(m);
	for (int i = 0; i < 32; i++)
		kmem_cache_free(m, s, x[i]);
	assert_slab_valid(m);
	user_machine_free(&um);
}

static void test_mempolicy_new_slabs(void **state)
{
	static const int alternate[4] = { 0, 1, 0, 1 }, node1[4] = { 1, 1, 1, 1 };

	(void)state;
	interleave_slabs(0, alternate);
	interleave_slabs(1023, node1);
}

/* Emptying partial slabs past min_partial discards them (FREE_SLAB). */
static void test_discard_empty(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *objs[7][8];

	(void)state;
	s = test_cache(m, "nc_discard", 4096, 0);
	fill_node1_partials(m, s, objs);
	/* 7 partial slabs with 6 objects each; empty them from CPU 5 */
	m->cpu = 5;
	for (int k = 0; k < 7; k++)
		for (int i = 2; i < 8; i++)
			kmem_cache_free(m, s, objs[k][i]);
	assert_slab_valid(m);
	/* each slab has 1 object left; freeing those empties them: the first
	 * (7 >= 6 partial) is discarded, then 6 >= 6 again, then 5 < 6 stays */
	for (int k = 0; k < 7; k++)
		kmem_cache_free(m, s, objs[k][1]);
	assert_int_equal(st(m, s, FREE_REMOVE_PARTIAL), 2);
	assert_int_equal(st(m, s, FREE_SLAB), 2);
	assert_string_equal(slab_sysfs_text(m, "nc_discard", "partial"), "5 N1=5\n");
	assert_int_equal(kmem_cache_shrink(m, s), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_discard", "slabs"), "0\n");
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * More counters, by hand (4096-byte cache: 8 a slab at order 3, 1 at the
 * fallback order 0; cpu_partial 6 -> 2 per-CPU slabs).
 *  - the order-3 page fails once: new_slab() retries at order 0
 *    (ORDER_FALLBACK), a 1-object slab;
 *  - 32 allocs on CPU 0 fill four slabs (three DEACTIVATE_BYPASS, the
 *    first being the 1-object one, plus a fifth); the flush finds the
 *    cpu slab full (DEACTIVATE_FULL);
 *  - CPU 1 frees into three full slabs: two go on its per-CPU list, the
 *    third finds it at cpu_partial_slabs and drains it to the node
 *    (CPU_PARTIAL_DRAIN, FREE_ADD_PARTIAL twice).
 */
static void test_stats_fallback_drain(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *o[33];

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_drain", 4096, 0);
	assert_int_equal(s->cpu_partial_slabs, 2);
	nc_fail_page_alloc_next(m, NUMA_NO_NODE, 1);
	o[0] = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(st(m, s, ORDER_FALLBACK), 1);
	assert_int_equal(virt_to_slab(m, o[0])->objects, 1);
	for (int i = 1; i < 33; i++)
		o[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(st(m, s, DEACTIVATE_BYPASS), 4);
	assert_int_equal(st(m, s, ALLOC_SLAB), 5);
	flush_cpu_slab(m, s, 0);
	assert_int_equal(st(m, s, DEACTIVATE_FULL), 1);
	assert_string_equal(slab_sysfs_text(m, "nc_drain", "total_objects"), "33 N0=33\n");
	m->cpu = 1;
	kmem_cache_free(m, s, o[1]);
	kmem_cache_free(m, s, o[9]);
	kmem_cache_free(m, s, o[17]);
	assert_int_equal(st(m, s, CPU_PARTIAL_FREE), 3);
	assert_int_equal(st(m, s, CPU_PARTIAL_DRAIN), 1);
	assert_int_equal(st(m, s, FREE_ADD_PARTIAL), 2);
	assert_string_equal(slab_sysfs_text(m, "nc_drain", "partial"), "2 N0=2\n");
	assert_string_equal(slab_sysfs_text(m, "nc_drain", "slabs_cpu_partial"), "4(1) C1=4(1)\n");
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* The byte offset of an object in its slab. */
static unsigned int slab_offset(struct nc_machine *m, const void *x)
{
	return (unsigned int)((const char *)x - virt_to_slab(m, x)->addr);
}

/*
 * CONFIG_SLAB_FREELIST_RANDOM, by hand from init_cache_random_seq() and
 * shuffle_freelist(): the cache's random_seq is a permutation of the object
 * offsets 0, size, 2*size, ...; a new slab hands its objects out in that
 * order, cyclically from one random position. 1024-byte objects on 2x4
 * (min_objects 4 * (fls(8) + 1) = 20): 32 a slab at order 3, 4 at the fallback order 0, whose
 * slab skips the offsets past its 4 KiB. The same seed shuffles alike.
 */
static void test_freelist_random(void **state)
{
	struct nc_machine *m = nc_boot("2x4"), *m2 = nc_boot("2x4");
	struct kmem_cache *s = test_cache(m, "nc_random", 1024, 0);
	struct kmem_cache *s2 = test_cache(m2, "nc_random", 1024, 0);
	unsigned int start = 32, small[4], nsmall = 0;
	bool seen[32] = { false }, in_order = true;
	void *o[32], *f[4];

	(void)state;
	assert_int_equal(oo_objects(s->oo), 32);
	assert_non_null(s->random_seq);
	for (int i = 0; i < 32; i++) {
		unsigned int k = s->random_seq[i] / 1024;

		assert_int_equal(s->random_seq[i] % 1024, 0);
		assert_true(k < 32 && !seen[k]);
		seen[k] = true;
		assert_int_equal(s->random_seq[i], s2->random_seq[i]);
		if (s->random_seq[i] < 4096)
			small[nsmall++] = s->random_seq[i];
	}
	m->cpu = 0;
	for (int i = 0; i < 32; i++)
		o[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	for (unsigned int p = 0; p < 32; p++)
		if (s->random_seq[p] == slab_offset(m, o[0]))
			start = p;
	assert_true(start < 32);
	for (unsigned int i = 0; i < 32; i++) {
		assert_ptr_equal(virt_to_slab(m, o[i]), virt_to_slab(m, o[0]));
		assert_int_equal(slab_offset(m, o[i]), s->random_seq[(start + i) % 32]);
		in_order &= slab_offset(m, o[i]) == i * 1024;
	}
	assert_false(in_order);
	/* the next slab comes at order 0: the 4 offsets below 4096, in turn */
	assert_int_equal(nsmall, 4);
	nc_fail_page_alloc_next(m, NUMA_NO_NODE, 1);
	for (int i = 0; i < 4; i++)
		f[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(virt_to_slab(m, f[0])->objects, 4);
	for (start = 0; small[start] != slab_offset(m, f[0]); start++)
		;
	for (unsigned int i = 0; i < 4; i++)
		assert_int_equal(slab_offset(m, f[i]), small[(start + i) % 4]);
	for (int i = 0; i < 32; i++)
		kmem_cache_free(m, s, o[i]);
	for (int i = 0; i < 4; i++)
		kmem_cache_free(m, s, f[i]);
	assert_slab_valid(m);
	nc_machine_destroy(m);
	nc_machine_destroy(m2);
}

/*
 * kmem_cache_alloc_bulk()/kmem_cache_free_bulk(), by hand from v6.12's
 * __kmem_cache_alloc_bulk() and build_detached_freelist() (4096-byte
 * cache: 8 a slab, cpu_partial_slabs 2; CPU 0 of 2x4):
 *  - 20 objects: the empty CPU freelist sends object 0 to ___slab_alloc()
 *    (a new slab, 7 left on the CPU freelist), 1..7 are fast pops; 8 and
 *    16 find the cpu slab used up (DEACTIVATE_BYPASS, a new slab each);
 *    17 fast pops in all. The tid moves once per slow path before it, once
 *    in each ___slab_alloc() load and bypass, and once at the end: 9 steps.
 *  - freeing all 20 goes from the end: p[19..16] are the cpu slab's (fast,
 *    4 at once), p[13..15] are three look-ahead misses; p[15..8] are one
 *    full slab and p[7..0] the other: two __slab_free()s of 8 that put the
 *    emptied slabs on the per-CPU partial list (2 slabs: 2 * 8 / 2 objects).
 *    Only the first is a CPU-freelist transaction: tid step 10.
 */
static void test_bulk(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *p[20];

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_bulk", 4096, 0);
	assert_int_equal(kmem_cache_alloc_bulk(m, s, GFP_KERNEL, 20, p), 20);
	assert_int_equal(st(m, s, ALLOC_SLOWPATH), 3);
	assert_int_equal(st(m, s, ALLOC_SLAB), 3);
	assert_int_equal(st(m, s, DEACTIVATE_BYPASS), 2);
	assert_int_equal(st(m, s, ALLOC_FASTPATH), 17);
	assert_int_equal(slub_cpu_tid(s, 0), 0 + 9 * NR_CPUS);
	for (int i = 0; i < 20; i++) {
		assert_ptr_equal(virt_to_slab(m, p[i]), virt_to_slab(m, p[i / 8 * 8]));
		for (int j = 0; j < i; j++)
			assert_ptr_not_equal(p[i], p[j]);
	}
	assert_string_equal(slab_sysfs_text(m, "nc_bulk", "total_objects"), "24 N0=24\n");
	assert_slab_valid(m);
	kmem_cache_free_bulk(m, s, 20, p);
	assert_int_equal(st(m, s, FREE_FASTPATH), 4);
	assert_int_equal(st(m, s, FREE_SLOWPATH), 2);
	assert_int_equal(st(m, s, CPU_PARTIAL_FREE), 2);
	assert_string_equal(slab_sysfs_text(m, "nc_bulk", "slabs_cpu_partial"), "8(2) C0=8(2)\n");
	/* one transaction for the 4 onto the CPU freelist; then a fast-path
	 * alloc and free are one each */
	assert_int_equal(slub_cpu_tid(s, 0), 10 * NR_CPUS);
	p[0] = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(slub_cpu_tid(s, 0), 11 * NR_CPUS);
	kmem_cache_free(m, s, p[0]);
	assert_int_equal(slub_cpu_tid(s, 0), 12 * NR_CPUS);
	assert_int_equal(slub_cpu_tid(s, 1), 1);   /* init_tid(1), untouched */
	/* "objects" only subtracts node partial lists' free objects */
	assert_string_equal(slab_sysfs_text(m, "nc_bulk", "objects"), "24 N0=24\n");
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * A bulk allocation that fails part way keeps nothing: 6 objects leave 2
 * on the CPU freelist; with the next two page allocations failing (the
 * order-3 try and the order-0 fallback) a bulk of 4 pops 2, bypasses the
 * used-up cpu slab and finds no memory: the 2 go back (one __slab_free()
 * of a full, unfrozen slab: onto the per-CPU partial list) and it returns
 * 0. Failslab makes it fail before touching anything. kfree_bulk()
 * (cache NULL) frees kmalloc objects of several caches and a large one.
 */
static void test_bulk_failure_and_kfree_bulk(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	void *p[6], *q[4], *k[4];

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_bulkfail", 4096, 0);
	assert_int_equal(kmem_cache_alloc_bulk(m, s, GFP_KERNEL, 6, p), 6);
	nc_fail_page_alloc_next(m, NUMA_NO_NODE, 2);
	assert_int_equal(kmem_cache_alloc_bulk(m, s, GFP_KERNEL, 4, q), 0);
	assert_int_equal(st(m, s, DEACTIVATE_BYPASS), 1);
	assert_int_equal(st(m, s, FREE_SLOWPATH), 1);
	assert_int_equal(st(m, s, CPU_PARTIAL_FREE), 1);
	assert_int_equal(m->slab->nr_oom_warnings, 1);
	/* the slab is on the per-CPU partial list: "objects" counts all 8 */
	assert_string_equal(slab_sysfs_text(m, "nc_bulkfail", "objects"), "8 N0=8\n");
	nc_failslab_next(m, 1, false);
	assert_int_equal(kmem_cache_alloc_bulk(m, s, GFP_KERNEL, 4, q), 0);
	assert_int_equal(st(m, s, ALLOC_SLOWPATH), 2);
	kmem_cache_free_bulk(m, s, 6, p);
	assert_int_equal(kmem_cache_alloc_bulk(m, s, GFP_KERNEL, 0, q), 0);

	k[0] = kmalloc(m, 64, GFP_KERNEL);
	k[1] = kmalloc(m, 20000, GFP_KERNEL);
	k[2] = kmalloc(m, 100, GFP_KERNEL);
	k[3] = kmalloc(m, 64, GFP_KERNEL);
	kmem_cache_free_bulk(m, NULL, 4, k);
	assert_null(virt_to_slab(m, k[1]) ? virt_to_slab(m, k[1])->page : NULL);
	assert_string_equal(slab_sysfs_text(m, "kmalloc-64", "free_fastpath"), "2 C0=2\n");
	assert_string_equal(slab_sysfs_text(m, "kmalloc-128", "free_fastpath"), "1 C0=1\n");
	assert_int_equal(m->slab->nr_reports, 0);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * A debug cache's bulk free checks the whole detached chain
 * (free_debug_processing() walks head..tail): 5 objects of one slab, all
 * poisoned and red-zoned again and tracked as freed by
 * kmem_cache_free_bulk; an overflow into one object's red zone is caught
 * and that chain is not freed ("Object at ... not freed"), leaving the
 * objects checked before it poisoned though allocated, as the kernel does.
 */
static void test_bulk_debug(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	slab_flags_t dbg = SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER;
	struct kmem_cache *s;
	void *p[5];

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_bulkdbg", 100, dbg);
	assert_int_equal(kmem_cache_alloc_bulk(m, s, GFP_KERNEL, 5, p), 5);
	assert_string_equal(slab_sysfs_text(m, "nc_bulkdbg", "objects"), "5 N0=5\n");
	kmem_cache_free_bulk(m, s, 5, p);
	assert_int_equal(m->slab->nr_reports, 0);
	assert_string_equal(slab_sysfs_text(m, "nc_bulkdbg", "objects"), "0\n");
	assert_int_equal(st(m, s, FREE_SLOWPATH), 1);
	assert_slab_valid(m);
	assert_int_equal(kmem_cache_alloc_bulk(m, s, GFP_KERNEL, 5, p), 5);
	((char *)p[2])[100] = 0x42;   /* one byte past the object */
	kmem_cache_free_bulk(m, s, 5, p);
	assert_int_equal(m->slab->nr_reports, 1);
	assert_string_equal(nc_slab_report(m, 0)->bug, "Right Redzone overwritten");
	assert_non_null(strstr(nc_slab_report(m, 0)->text, "not freed"));
	assert_string_equal(slab_sysfs_text(m, "nc_bulkdbg", "objects"), "5 N0=5\n");
	/* the chain runs p[0], p[1], p[2] ... (built from the end): p[0] and
	 * p[1] were already poisoned as free when p[2] failed, and stay
	 * allocated: the validate walk finds those two */
	assert_int_equal(nc_slab_validate_all(m), 2);
	nc_machine_destroy(m);
}

/*
 * SLAB_TYPESAFE_BY_RCU (free_slab() -> call_rcu(rcu_free_slab)): 2x4, CPU 0,
 * a 4096-byte cache whose free pointer goes after the object (4104 bytes:
 * 7 a slab at order 3, 8 pages). Seven objects fill one slab; freed, it
 * goes to node 0's partial list on the flush; shrink discards it: the
 * cache counts no slab, but the pages stay a slab of the
 * cache (objects may still be read under rcu_read_lock()) and in the
 * node's NR_SLAB_UNRECLAIMABLE_B until a grace period ends. destroy waits
 * for one (rcu_barrier()) before releasing the cache.
 */
static void test_typesafe_by_rcu(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s;
	unsigned long before;
	void *o[7];

	(void)state;
	m->cpu = 0;
	s = test_cache(m, "nc_rcu", 4096, SLAB_TYPESAFE_BY_RCU);
	assert_int_equal(s->size, 4104);
	assert_int_equal(oo_objects(s->oo), 7);
	before = node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B);
	for (int i = 0; i < 7; i++)
		o[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B),
			 before + 8);
	for (int i = 0; i < 7; i++)
		kmem_cache_free(m, s, o[i]);
	assert_int_equal(kmem_cache_shrink(m, s), 0);
	assert_string_equal(slab_sysfs_text(m, "nc_rcu", "slabs"), "0\n");
	assert_non_null(virt_to_slab(m, o[3]));
	assert_ptr_equal(virt_to_slab(m, o[3])->slab_cache, s);
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B),
			 before + 8);
	assert_true(rcu_gp_in_progress(m));
	assert_slab_valid(m);
	synchronize_rcu(m);
	assert_null(virt_to_slab(m, o[3]));
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B), before);
	/* again, and let kmem_cache_destroy() wait for the grace period */
	for (int i = 0; i < 7; i++)
		o[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	for (int i = 0; i < 7; i++)
		kmem_cache_free(m, s, o[i]);
	kmem_cache_destroy(m, s);
	assert_null(virt_to_slab(m, o[0]));
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B), before);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

static void test_kmalloc(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	void *p, *q, *z;

	(void)state;
	m->cpu = 0;
	p = kmalloc(m, 100, GFP_KERNEL);
	assert_string_equal(virt_to_slab(m, p)->slab_cache->name, "kmalloc-128");
	q = kmalloc(m, 150, GFP_KERNEL_ACCOUNT);
	assert_string_equal(virt_to_slab(m, q)->slab_cache->name, "kmalloc-cg-192");
	kfree(m, q);
	q = kmalloc(m, 70, __GFP_RECLAIMABLE);
	assert_string_equal(virt_to_slab(m, q)->slab_cache->name, "kmalloc-rcl-96");
	kfree(m, q);
	/* __GFP_DMA outranks the others (kmalloc_type()), and the slab page
	 * comes from ZONE_DMA (the cache's allocflags) */
	q = kmalloc(m, 70, GFP_KERNEL_ACCOUNT | __GFP_RECLAIMABLE | __GFP_DMA);
	assert_string_equal(virt_to_slab(m, q)->slab_cache->name, "dma-kmalloc-96");
	assert_int_equal(page_zone(m, virt_to_slab(m, q)->page)->idx, ZONE_DMA);
	kfree(m, q);
	q = kmalloc_node(m, 20000, GFP_KERNEL | __GFP_ZERO, 1);   /* large: pages */
	assert_non_null(q);
	assert_null(virt_to_slab(m, q)->slab_cache);
	assert_int_equal(virt_to_slab(m, q)->page->order, 3);
	assert_int_equal(virt_to_slab(m, q)->page->nid, 1);
	assert_int_equal(((char *)q)[19999], 0);
	kfree(m, q);
	assert_null(kmalloc(m, KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	z = kmalloc(m, 0, GFP_KERNEL);
	assert_ptr_equal(z, ZERO_SIZE_PTR);
	kfree(m, z);
	kfree(m, NULL);
	memset(p, 0x55, 128);
	kfree(m, p);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

static void test_failslab(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s;
	void *a, *b;

	(void)state;
	s = test_cache(m, "nc_fail", 64, 0);
	nc_failslab_nth(m, 2);
	a = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_non_null(a);
	assert_null(kmem_cache_alloc(m, s, GFP_KERNEL));
	b = kmem_cache_alloc(m, s, GFP_KERNEL);
	assert_non_null(b);
	nc_failslab_next(m, 1, true);   /* only SLAB_FAILSLAB caches */
	assert_non_null(kmem_cache_alloc(m, s, __GFP_NOFAIL));
	assert_int_equal(m->slab->failslab.nr_injected, 1);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* ----------------------------------------------------------- slub_debug */

static const struct slab_report *last_report(struct nc_machine *m, unsigned long before)
{
	assert_true(m->slab->nr_reports > before);
	return nc_slab_report(m, 0);
}

static void test_debug_redzone_overflow(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = test_cache(m, "nc_rz", 100,
					  SLAB_RED_ZONE | SLAB_CONSISTENCY_CHECKS);
	unsigned long n = m->slab->nr_reports;
	const struct slab_report *r;
	char *p = kmem_cache_alloc(m, s, GFP_KERNEL);

	(void)state;
	p[100] = 0x41;          /* one past the object: right red zone */
	kmem_cache_free(m, s, p);
	r = last_report(m, n);
	assert_string_equal(r->bug, "Right Redzone overwritten");
	assert_non_null(strstr(r->text, "First byte 0x41 instead of 0xcc"));
	assert_non_null(strstr(r->text, "BUG nc_rz (Not tainted): Object corrupt"));
	assert_non_null(strstr(r->text, "FIX nc_rz: Restoring Right Redzone"));
	assert_non_null(strstr(r->text, "not freed"));
	/* the refused free leaves the object allocated and the rest intact */
	assert_slab_valid(m);
	kmem_cache_free(m, s, p);   /* red zone restored: now it goes */
	assert_int_equal(m->slab->nr_reports, n + 1);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

static void test_debug_use_after_free(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = test_cache(m, "nc_uaf", 64, SLAB_POISON | SLAB_RED_ZONE |
					  SLAB_STORE_USER | SLAB_CONSISTENCY_CHECKS);
	unsigned long n = m->slab->nr_reports;
	const struct slab_report *r;
	char *p = kmem_cache_alloc(m, s, GFP_KERNEL), *q;

	(void)state;
	assert_int_equal((unsigned char)p[0], POISON_FREE);   /* no __GFP_ZERO */
	kmem_cache_free(m, s, p);
	assert_int_equal((unsigned char)p[63], POISON_END);
	p[10] = 0x42;           /* write after free */
	q = kmem_cache_alloc(m, s, GFP_KERNEL);   /* the same object comes first */
	r = last_report(m, n);
	assert_string_equal(r->bug, "Poison overwritten");
	assert_non_null(strstr(r->text, "@offset="));
	assert_non_null(strstr(r->text, "Allocated in kmem_cache_alloc age="));
	assert_non_null(strstr(r->text, "Freed in kmem_cache_free age="));
	assert_non_null(strstr(r->text, "Marking all objects used"));
	/* the slab is taken out of use; the allocation went elsewhere */
	assert_non_null(q);
	assert_ptr_not_equal(q, p);
	assert_ptr_not_equal(virt_to_slab(m, q), virt_to_slab(m, p));
	kmem_cache_free(m, s, q);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

static void test_debug_double_free(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = test_cache(m, "nc_df", 64, SLAB_CONSISTENCY_CHECKS);
	struct kmem_cache *plain = test_cache(m, "nc_plain", 64, 0);
	unsigned long n = m->slab->nr_reports;
	char *p = kmem_cache_alloc(m, s, GFP_KERNEL);
	char *x = kmem_cache_alloc(m, s, GFP_KERNEL);
	char *y = kmem_cache_alloc(m, s, GFP_KERNEL);

	(void)state;
	kmem_cache_free(m, s, p);
	kmem_cache_free(m, s, x);
	kmem_cache_free(m, s, p);   /* p is on the slab freelist, not at its head */
	assert_string_equal(last_report(m, n)->bug, "Object already free");
	assert_slab_valid(m);
	/* the in-use count is checked first: a free into an empty slab */
	n = m->slab->nr_reports;
	kmem_cache_free(m, s, y);
	kmem_cache_free(m, s, y);
	assert_string_equal(last_report(m, n)->bug,
			    "Slab has 0 allocated objects but 1 are to be freed");
	assert_slab_valid(m);

	/* no debug flags: the hardened free pointer's naive check catches an
	 * immediate double free on the fast path */
	n = m->slab->nr_reports;
	p = kmem_cache_alloc(m, plain, GFP_KERNEL);
	kmem_cache_free(m, plain, p);
	kmem_cache_free(m, plain, p);
	assert_non_null(strstr(last_report(m, n)->bug, "double free"));
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

static void test_debug_wrong_cache(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *a = test_cache(m, "nc_a", 64, 0);
	struct kmem_cache *b = test_cache(m, "nc_b", 64, 0);
	unsigned long n = m->slab->nr_reports;
	void *p = kmem_cache_alloc(m, a, GFP_KERNEL);

	(void)state;
	kmem_cache_free(m, b, p);   /* freed to its real cache, with a warning */
	assert_string_equal(last_report(m, n)->bug,
			    "cache_from_obj: Wrong slab cache. nc_b but object is from nc_a");
	assert_int_equal(st(m, a, FREE_FASTPATH), 1);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* Without SLAB_CONSISTENCY_CHECKS the kernel checks nothing at alloc/free:
 * only the validate walk sees a poisoned object's corruption. */
static void test_debug_validate_finds(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = test_cache(m, "nc_val", 128, SLAB_POISON | SLAB_RED_ZONE);
	unsigned long n = m->slab->nr_reports;
	char *p = kmem_cache_alloc(m, s, GFP_KERNEL);
	char *q = kmem_cache_alloc(m, s, GFP_KERNEL);

	(void)state;
	kmem_cache_free(m, s, p);
	p[5] = 0;               /* use after free */
	q[-1] = 0;              /* underflow into the left red zone */
	assert_int_equal(m->slab->nr_reports, n);
	assert_true(validate_slab_cache(m, s) >= 2);
	assert_int_equal(m->slab->nr_reports, n + 1);
	assert_non_null(strstr(nc_slab_report(m, 0)->text, "[Poison overwritten]"));
	assert_non_null(strstr(nc_slab_report(m, 0)->text, "[Left Redzone overwritten]"));
	/* the walk restored the bytes it reported */
	assert_slab_valid(m);
	assert_int_equal(slab_sysfs_store(m, "nc_val", "validate", "1"), 0);
	assert_int_equal(slab_sysfs_store(m, "kmalloc-64", "validate", "1"), -EINVAL);
	kmem_cache_free(m, s, q);
	nc_machine_destroy(m);
}

/* A corrupted free pointer of a non-debug cache is found by validate. */
static void test_validate_freechain(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = test_cache(m, "nc_chain", 64, 0);
	void *p = kmem_cache_alloc(m, s, GFP_KERNEL);
	unsigned long saved;
	void *next = per_cpu_ptr(s->cpu_slab, m->cpu)->freelist;

	(void)state;
	memcpy(&saved, (char *)next + s->offset, sizeof(saved));
	memset((char *)next + s->offset, 0x11, sizeof(saved));
	assert_true(validate_slab_cache(m, s) > 0);
	assert_non_null(strstr(nc_slab_report(m, 0)->bug, "Freechain corrupt"));
	memcpy((char *)next + s->offset, &saved, sizeof(saved));
	kmem_cache_free(m, s, p);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* The alloc fast path pops c->freelist without looking at c->slab (the
 * kernel's second test guards against interrupts the model lacks): the
 * walk checks that no CPU holds a freelist without its slab. */
static void test_validate_cpu_freelist_without_slab(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = test_cache(m, "nc_cpuslab", 64, 0);
	void *p = kmem_cache_alloc(m, s, GFP_KERNEL);
	struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, m->cpu);
	struct slab *slab = c->slab;

	(void)state;
	assert_non_null(c->freelist);
	assert_slab_valid(m);
	c->slab = NULL;
	/* the slab, frozen but no CPU's, is reported too (the older report) */
	assert_int_equal(validate_slab_cache(m, s), 2);
	assert_non_null(strstr(nc_slab_report(m, 0)->bug, "cpu freelist without cpu slab"));
	assert_non_null(strstr(nc_slab_report(m, 1)->bug, "frozen slab not a cpu slab"));
	c->slab = slab;
	kmem_cache_free(m, s, p);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/* The kmem_cache_free lines of m's trace */
static int traced_frees(const struct nc_machine *m)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int n = 0;

	assert_non_null(f);
	assert_int_equal(nc_trace_write(m, f, NC_TRACE_FTRACE), 0);
	fclose(f);
	for (const char *p = text; (p = strstr(p, "kmem_cache_free: ")); p++)
		n++;
	free(text);
	return n;
}

/* The free fast path takes the CPU slab's objects without testing for a
 * tracer: starting one empties each CPU's window (as a tracepoint's static
 * key sends every free the long way), stopping it restores them. An object
 * of a CPU slab set before the tracer came is traced too. */
static void test_trace_hook_windows(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = test_cache(m, "nc_traced", 64, 0);
	void *a = kmem_cache_alloc(m, s, GFP_KERNEL), *b = kmem_cache_alloc(m, s, GFP_KERNEL);
	unsigned long fast;
	struct nc_error err;

	(void)state;
	assert_int_equal(nc_trace_start(m, "kmem:kmem_cache_free", 0, &err), 0);
	fast = st(m, s, FREE_FASTPATH);
	kmem_cache_free(m, s, a);
	assert_int_equal(traced_frees(m), 1);
	/* the long way still ends on the CPU freelist */
	assert_int_equal(st(m, s, FREE_FASTPATH), fast + 1);
	a = kmem_cache_alloc(m, s, GFP_KERNEL);
	nc_trace_exit(m);
	kmem_cache_free(m, s, a);
	kmem_cache_free(m, s, b);
	assert_int_equal(st(m, s, FREE_FASTPATH), fast + 3);
	assert_int_equal(per_cpu_ptr(s->cpu_slab, m->cpu)->slab_base,
			 (uintptr_t)per_cpu_ptr(s->cpu_slab, m->cpu)->slab->addr);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

static void test_boot_caches(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *ts = m->slab->boot[NC_CACHE_TASK_STRUCT];
	void *t;

	(void)state;
	assert_non_null(ts);
	assert_string_equal(ts->name, "task_struct");
	/* fs_cache (56 -> 64, ACCOUNT) merges into anon_vma_chain (64, ACCOUNT),
	 * the older cache; aliases do not get their own slabinfo line */
	assert_ptr_equal(m->slab->boot[NC_CACHE_FS], m->slab->boot[NC_CACHE_ANON_VMA_CHAIN]);
	assert_string_equal(slab_sysfs_text(m, "fs_cache", "aliases"), "1\n");
	assert_string_equal(slab_sysfs_text(m, "sighand_cache", "ctor"), "sighand_ctor+0x0/0x30\n");
	assert_string_equal(slab_sysfs_text(m, "anon_vma", "slab_size"), "104\n");
	/* mm_struct: 1344 + two cpumasks of 8 bytes for 8 CPU ids */
	assert_string_equal(slab_sysfs_text(m, "mm_struct", "object_size"), "1360\n");
	/* dup_task_struct()'s call, from CPU 5 (node 1) */
	m->cpu = 5;
	t = kmem_cache_alloc_node(m, ts, GFP_KERNEL, NUMA_NO_NODE);
	assert_int_equal(slab_nid(virt_to_slab(m, t)), 1);
	kmem_cache_free(m, ts, t);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_matches_host),
		cmocka_unit_test(test_geometry_worked_example),
		cmocka_unit_test(test_geometry_layout),
		cmocka_unit_test(test_kmalloc_index),
		cmocka_unit_test(test_stats_scripted),
		cmocka_unit_test(test_node_mismatch),
		cmocka_unit_test(test_remote_frees),
		cmocka_unit_test(test_get_any_partial),
		cmocka_unit_test(test_mempolicy_new_slabs),
		cmocka_unit_test(test_discard_empty),
		cmocka_unit_test(test_stats_fallback_drain),
		cmocka_unit_test(test_freelist_random),
		cmocka_unit_test(test_bulk),
		cmocka_unit_test(test_bulk_failure_and_kfree_bulk),
		cmocka_unit_test(test_bulk_debug),
		cmocka_unit_test(test_typesafe_by_rcu),
		cmocka_unit_test(test_kmalloc),
		cmocka_unit_test(test_failslab),
		cmocka_unit_test(test_debug_redzone_overflow),
		cmocka_unit_test(test_debug_use_after_free),
		cmocka_unit_test(test_debug_double_free),
		cmocka_unit_test(test_debug_wrong_cache),
		cmocka_unit_test(test_debug_validate_finds),
		cmocka_unit_test(test_validate_freechain),
		cmocka_unit_test(test_validate_cpu_freelist_without_slab),
		cmocka_unit_test(test_trace_hook_windows),
		cmocka_unit_test(test_boot_caches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

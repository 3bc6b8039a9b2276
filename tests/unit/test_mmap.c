// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/mmap.c and src/mm/memory.c: top-down placement below
 * the fixed mmap_base (addresses worked out by hand), splits and merges,
 * faults on first touch, pages freed by munmap/MADV_DONTNEED/exit, VMAs
 * freed after a grace period, and the argument errors of
 * mmap/munmap/mprotect/madvise compared with the host kernel on the same
 * layout.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>

#include "user_task.h"
#include "kernel/rcu/tree.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "mm/mmzone.h"
#include "mm/vmstat.h"

#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define RW (PROT_READ | PROT_WRITE)

static struct mm_struct *cur_mm(struct nc_machine *m)
{
	return nc_current(m)->mm;
}

static void test_topdown_placement(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	long a, b, c, d;

	(void)state;
	/* mmap_base = TASK_SIZE - 128 MiB = 0x7ffff7fff000 */
	assert_int_equal(cur_mm(m)->mmap_base, 0x7ffff7fff000UL);
	a = kernel_mmap(m, 0, 2 * PAGE_SIZE, RW, ANON, -1UL, 0);
	assert_int_equal(a, 0x7ffff7ffd000L);
	/* the next one goes right below and merges into one VMA */
	b = kernel_mmap(m, 0, PAGE_SIZE, RW, ANON, -1UL, 0);
	assert_int_equal(b, 0x7ffff7ffc000L);
	assert_int_equal(cur_mm(m)->map_count, 1);
	/* a 2 MiB length is THP-aligned: a 4 MiB gap is found at
	 * 0x7ffff7bfc000, which is 0x1fc000 past a 2 MiB boundary, so the
	 * area starts 0x4000 higher at 0x7ffff7c00000 */
	c = kernel_mmap(m, 0, PMD_SIZE, RW, ANON, -1UL, 0);
	assert_int_equal(c, 0x7ffff7c00000L);
	/* the highest gap is still the one above that area, under the first
	 * mappings: 0x7ffff7ffb000; read-only, so not merged with them */
	d = kernel_mmap(m, 0, PAGE_SIZE, PROT_READ, ANON, -1UL, 0);
	assert_int_equal(d, 0x7ffff7ffb000L);
	assert_int_equal(cur_mm(m)->map_count, 3);
	/* a free hint is taken; one below mmap_min_addr is raised to it */
	assert_int_equal(kernel_mmap(m, 0x10000000, PAGE_SIZE, RW, ANON, -1UL, 0), 0x10000000L);
	assert_int_equal(kernel_mmap(m, 0x1000, PAGE_SIZE, RW, ANON, -1UL, 0), 0x10000L);
	/* a taken hint is not: the top-down search answers */
	assert_int_equal(kernel_mmap(m, 0x10000000, PAGE_SIZE, RW, ANON, -1UL, 0),
			 0x7ffff7ffa000L);
	user_machine_free(&um);
}

static void test_faults_and_freeing(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	unsigned long before, a;

	(void)state;
	a = (unsigned long)kernel_mmap(m, 0, 8 * PAGE_SIZE, RW, ANON, -1UL, 0);
	before = node_free_pages(m, 0);     /* after the VMA's slab */
	/* reads of untouched private memory map the zero page: nothing taken */
	assert_int_equal(kernel_madvise(m, a, 8 * PAGE_SIZE, MADV_POPULATE_READ), 0);
	assert_int_equal(node_free_pages(m, 0), before);
	/* writes take one page each */
	assert_int_equal(kernel_madvise(m, a, 4 * PAGE_SIZE, MADV_POPULATE_WRITE), 0);
	assert_int_equal(node_free_pages(m, 0), before - 4);
	put_user_bytes(m, a + 5 * PAGE_SIZE, "x", 1);
	assert_int_equal(node_free_pages(m, 0), before - 5);
	/* DONTNEED gives two back and forgets their contents */
	assert_int_equal(kernel_madvise(m, a + 4 * PAGE_SIZE, 2 * PAGE_SIZE, MADV_DONTNEED), 0);
	assert_int_equal(node_free_pages(m, 0), before - 4);
	{
		char c = 1;

		assert_int_equal(copy_from_user(m, &c, a + 5 * PAGE_SIZE, 1), 0);
		assert_int_equal(c, 0);
	}
	/* munmap of the middle splits the VMA and frees its pages */
	assert_int_equal(kernel_munmap(m, a + PAGE_SIZE, 2 * PAGE_SIZE), 0);
	assert_int_equal(cur_mm(m)->map_count, 2);
	assert_int_equal(node_free_pages(m, 0), before - 2);
	/* shared anonymous memory allocates on a read fault too */
	a = (unsigned long)kernel_mmap(m, 0, 2 * PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS,
				       -1UL, 0);
	assert_int_equal(kernel_madvise(m, a, 2 * PAGE_SIZE, MADV_POPULATE_READ), 0);
	assert_int_equal(node_free_pages(m, 0), before - 4);
	/* MAP_POPULATE faults a writable private mapping in */
	a = (unsigned long)kernel_mmap(m, 0, 3 * PAGE_SIZE, RW, ANON | MAP_POPULATE, -1UL, 0);
	assert_int_equal(node_free_pages(m, 0), before - 7);
	/* MAP_FIXED over it replaces the mapping and frees its pages */
	assert_int_equal(kernel_mmap(m, a, 3 * PAGE_SIZE, RW, ANON | MAP_FIXED, -1UL, 0), (long)a);
	assert_int_equal(node_free_pages(m, 0), before - 4);
	/* AnonPages: of the 4 pages still taken, pages 0 and 3 of the first
	 * mapping are private; the 2 shared ones are not anonymous */
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_ANON_MAPPED), 2);
	/* exit frees everything */
	exit_mm(m, um.task);
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_ANON_MAPPED), 0);
	assert_int_equal(node_free_pages(m, 0), before);
	assert_int_equal(nc_new_mm(m, um.task), 0);
	user_machine_free(&um);
}

static void test_mprotect_split_merge(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	unsigned long a = (unsigned long)kernel_mmap(m, 0, 4 * PAGE_SIZE, RW, ANON, -1UL, 0);

	(void)state;
	assert_int_equal(kernel_mprotect(m, a + PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ), 0);
	assert_int_equal(cur_mm(m)->map_count, 3);
	assert_int_equal(copy_to_user(m, a + PAGE_SIZE, "x", 1), 1);
	assert_int_equal(copy_to_user(m, a + 3 * PAGE_SIZE, "x", 1), 0);
	/* back to RW: the three merge again */
	assert_int_equal(kernel_mprotect(m, a + PAGE_SIZE, 2 * PAGE_SIZE, RW), 0);
	assert_int_equal(cur_mm(m)->map_count, 1);
	/* advice that sets a VMA flag splits too, and its undo merges */
	assert_int_equal(kernel_madvise(m, a, PAGE_SIZE, MADV_DONTFORK), 0);
	assert_int_equal(cur_mm(m)->map_count, 2);
	assert_int_equal(kernel_madvise(m, a, PAGE_SIZE, MADV_DOFORK), 0);
	assert_int_equal(cur_mm(m)->map_count, 1);
	user_machine_free(&um);
}

static unsigned long vma_frees(struct nc_machine *m)
{
	const struct kmem_cache *s = m->slab->boot[NC_CACHE_VM_AREA];

	return slab_stat_sum(m, s, FREE_FASTPATH) + slab_stat_sum(m, s, FREE_SLOWPATH);
}

/* The VMAs a merge removes go back to their cache after a grace period
 * (vm_area_free() with CONFIG_PER_VMA_LOCK): by hand, the mprotect() that
 * merges three VMAs into one frees two, when RCU has run its callbacks. */
static void test_vma_freed_after_grace_period(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	unsigned long a = (unsigned long)kernel_mmap(m, 0, 4 * PAGE_SIZE, RW, ANON, -1UL, 0);
	unsigned long frees;

	(void)state;
	assert_int_equal(kernel_mprotect(m, a + PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ), 0);
	assert_int_equal(cur_mm(m)->map_count, 3);
	nc_rcu_drain(m);
	frees = vma_frees(m);
	assert_int_equal(kernel_mprotect(m, a + PAGE_SIZE, 2 * PAGE_SIZE, RW), 0);
	assert_int_equal(cur_mm(m)->map_count, 1);
	assert_int_equal(vma_frees(m), frees);
	assert_true(rcu_gp_in_progress(m));
	rcu_barrier(m);
	assert_int_equal(vma_frees(m), frees + 2);
	user_machine_free(&um);
}

/* The same calls on the host and the model over the same layout: a 6-page
 * area whose page 2 is unmapped and whose page 4 is PROT_NONE. */
static void test_host_errors(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	char *h = mmap(NULL, 6 * PAGE_SIZE, RW, ANON, -1, 0);
	unsigned long ha = (unsigned long)h;
	unsigned long ma = (unsigned long)kernel_mmap(m, 0, 6 * PAGE_SIZE, RW, ANON, -1UL, 0);
	static const struct { int call; long off; unsigned long len; long arg; } c[] = {
		/* call 0: munmap */
		{ 0, 1, PAGE_SIZE, 0 }, { 0, 0, 0, 0 }, { 0, 0, -PAGE_SIZE, 0 },
		/* call 1: mprotect(prot = arg) */
		{ 1, 1, PAGE_SIZE, PROT_READ }, { 1, 0, 0, PROT_READ },
		{ 1, 0, 3 * PAGE_SIZE, PROT_READ }, { 1, 2 * PAGE_SIZE, PAGE_SIZE, PROT_READ },
		{ 1, 0, PAGE_SIZE, 0x100 }, { 1, 0, -PAGE_SIZE, PROT_READ },
		{ 1, 0, PAGE_SIZE, PROT_GROWSDOWN | PROT_GROWSUP },
		/* call 2: madvise(advice = arg) */
		{ 2, 0, PAGE_SIZE, 99 }, { 2, 1, PAGE_SIZE, MADV_DONTNEED },
		{ 2, 0, 0, MADV_DONTNEED }, { 2, 0, -1UL, MADV_DONTNEED },
		{ 2, 0, 3 * PAGE_SIZE, MADV_DONTNEED }, { 2, 0, 2 * PAGE_SIZE, MADV_DONTNEED },
		{ 2, 2 * PAGE_SIZE, PAGE_SIZE, MADV_DONTNEED },
		{ 2, 0, 2 * PAGE_SIZE, MADV_POPULATE_WRITE },
		{ 2, 0, 3 * PAGE_SIZE, MADV_POPULATE_READ },
		{ 2, 4 * PAGE_SIZE, PAGE_SIZE, MADV_POPULATE_READ },
		{ 2, 3 * PAGE_SIZE, 2 * PAGE_SIZE, MADV_POPULATE_WRITE },
		{ 2, 3 * PAGE_SIZE, 2 * PAGE_SIZE, MADV_NORMAL },
		{ 2, 0, PAGE_SIZE, MADV_HUGEPAGE },
		/* call 3: mmap(hint = area + off, len, flags = arg, prot RW) */
		{ 3, 1, PAGE_SIZE, ANON | MAP_FIXED }, { 3, 0, 0, ANON },
		{ 3, 0, -PAGE_SIZE, ANON }, { 3, 0, 1UL << 47, ANON },
		{ 3, 0, PAGE_SIZE, MAP_SHARED_VALIDATE | MAP_ANONYMOUS },
		{ 3, 0, PAGE_SIZE, MAP_ANONYMOUS }, { 3, 0, PAGE_SIZE, MAP_PRIVATE },
		{ 3, 0, PAGE_SIZE, ANON | MAP_FIXED_NOREPLACE },
		{ 3, 2 * PAGE_SIZE, PAGE_SIZE, ANON | MAP_FIXED_NOREPLACE },
		{ 3, 0, PAGE_SIZE, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN },
	};

	(void)state;
	assert_true(h != MAP_FAILED);
	munmap(h + 2 * PAGE_SIZE, PAGE_SIZE);
	mprotect(h + 4 * PAGE_SIZE, PAGE_SIZE, PROT_NONE);
	assert_int_equal(kernel_munmap(m, ma + 2 * PAGE_SIZE, PAGE_SIZE), 0);
	assert_int_equal(kernel_mprotect(m, ma + 4 * PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
	for (unsigned int i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		long hr, mr;

		switch (c[i].call) {
		case 0:
			hr = syscall(SYS_munmap, ha + c[i].off, c[i].len);
			mr = kernel_munmap(m, ma + c[i].off, c[i].len);
			break;
		case 1:
			hr = syscall(SYS_mprotect, ha + c[i].off, c[i].len, c[i].arg);
			mr = kernel_mprotect(m, ma + c[i].off, c[i].len, (unsigned long)c[i].arg);
			break;
		case 2:
			hr = syscall(SYS_madvise, ha + c[i].off, c[i].len, c[i].arg);
			mr = kernel_madvise(m, ma + c[i].off, c[i].len, (int)c[i].arg);
			break;
		default:
			hr = syscall(SYS_mmap, ha + c[i].off, c[i].len, RW, c[i].arg, -1L, 0L);
			mr = kernel_mmap(m, ma + c[i].off, c[i].len, RW, (unsigned long)c[i].arg,
					 -1UL, 0);
			if (hr > 0 && mr > 0) {
				/* both mapped somewhere: addresses are each their own */
				munmap((void *)hr, PAGE_SIZE);
				kernel_munmap(m, (unsigned long)mr, PAGE_SIZE);
				hr = mr = 0;
			}
			break;
		}
		hr = hr < 0 ? -errno : hr;
		if (hr != mr)
			print_message("case %u (call %d): host %ld model %ld\n", i, c[i].call, hr, mr);
		assert_int_equal(hr, mr);
	}
	munmap(h, 6 * PAGE_SIZE);
	user_machine_free(&um);
}

/* uaccess.c's rule for addresses no VMA covers, as mprotect and madvise
 * see them: the process's own memory is mapped, what the task unmapped
 * (or what lies below mmap_min_addr) is a hole */
static void test_own_memory_is_mapped(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	const unsigned long own = 0x20000000UL;
	unsigned long a;

	(void)state;
	assert_int_equal(kernel_mprotect(m, own, 4 * PAGE_SIZE, PROT_READ), 0);
	assert_int_equal(kernel_madvise(m, own, 4 * PAGE_SIZE, MADV_DONTNEED), 0);
	assert_int_equal(kernel_mprotect(m, 0x1000, PAGE_SIZE, PROT_READ), -ENOMEM);
	assert_int_equal(kernel_munmap(m, own + PAGE_SIZE, PAGE_SIZE), 0);
	assert_int_equal(kernel_mprotect(m, own, 4 * PAGE_SIZE, PROT_READ), -ENOMEM);
	assert_int_equal(kernel_madvise(m, own, 4 * PAGE_SIZE, MADV_DONTNEED), -ENOMEM);
	/* a range of own memory then a VMA: the VMA's part changes */
	a = (unsigned long)kernel_mmap(m, own + 4 * PAGE_SIZE, PAGE_SIZE, RW,
				       ANON | MAP_FIXED, -1UL, 0);
	assert_int_equal(kernel_mprotect(m, own + 2 * PAGE_SIZE, 3 * PAGE_SIZE, PROT_READ), 0);
	assert_int_equal(copy_to_user(m, a, "x", 1), 1);
	user_machine_free(&um);
}

static void test_dup_mmap(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	const unsigned long own = 0x20000000UL;
	unsigned long a = (unsigned long)kernel_mmap(m, 0, 3 * PAGE_SIZE, RW, ANON, -1UL, 0);
	struct task_struct *child = user_task_new(m);
	char buf[4];

	(void)state;
	assert_non_null(child);
	put_user_bytes(m, own, "own", 4);
	put_user_bytes(m, a, "vma", 4);
	put_user_bytes(m, a + 2 * PAGE_SIZE, "wip", 4);
	assert_int_equal(kernel_munmap(m, own + PAGE_SIZE, PAGE_SIZE), 0);
	assert_int_equal(kernel_madvise(m, a + PAGE_SIZE, PAGE_SIZE, MADV_DONTFORK), 0);
	assert_int_equal(kernel_madvise(m, a + 2 * PAGE_SIZE, PAGE_SIZE, MADV_WIPEONFORK), 0);
	assert_int_equal(dup_mmap(m, child->mm, um.task->mm), 0);
	m->curr[0] = child;
	/* the child reads what the parent wrote, has the parent's holes, a
	 * hole where a VMA was not inherited, and wiped memory reads zero */
	assert_int_equal(copy_from_user(m, buf, own, 4), 0);
	assert_string_equal(buf, "own");
	assert_int_equal(copy_from_user(m, buf, a, 4), 0);
	assert_string_equal(buf, "vma");
	assert_int_equal(copy_from_user(m, buf, own + PAGE_SIZE, 4), 4);
	assert_int_equal(copy_from_user(m, buf, a + PAGE_SIZE, 4), 4);
	assert_int_equal(copy_from_user(m, buf, a + 2 * PAGE_SIZE, 4), 0);
	assert_memory_equal(buf, "\0\0\0\0", 4);
	/* its writes are its own */
	put_user_bytes(m, a, "kid", 4);
	m->curr[0] = um.task;
	assert_int_equal(copy_from_user(m, buf, a, 4), 0);
	assert_string_equal(buf, "vma");
	user_task_free(m, child);
	user_machine_free(&um);
}

static void test_overcommit_heuristic(void **state)
{
	struct user_machine um = user_machine("2x1");   /* 8 GiB of RAM */
	struct nc_machine *m = um.m;
	const unsigned long big = 9UL << 30;

	(void)state;
	/* more than RAM, private and writable: refused; a read-only or
	 * MAP_NORESERVE mapping is not charged; shmem is charged either way */
	assert_int_equal(kernel_mmap(m, 0, big, RW, ANON, -1UL, 0), -ENOMEM);
	assert_true(kernel_mmap(m, 0, big, PROT_READ, ANON, -1UL, 0) > 0);
	assert_true(kernel_mmap(m, 0, big, RW, ANON | MAP_NORESERVE, -1UL, 0) > 0);
	assert_int_equal(kernel_mmap(m, 0, big, PROT_READ, MAP_SHARED | MAP_ANONYMOUS,
				     -1UL, 0), -ENOMEM);
	assert_true(kernel_mmap(m, 0, 4UL << 30, RW, ANON, -1UL, 0) > 0);
	user_machine_free(&um);
}

static void test_mmap_offset_and_fd(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;

	(void)state;
	/* the byte offset must be page aligned; a file mapping needs an fd */
	assert_int_equal(kernel_mmap(m, 0, PAGE_SIZE, RW, ANON, -1UL, 1), -EINVAL);
	assert_int_equal(kernel_mmap(m, 0, PAGE_SIZE, RW, MAP_PRIVATE, -1UL, 0), -EBADF);
	/* files are not modelled: an fd is taken as an open file, mapped
	 * without pages */
	assert_true(kernel_mmap(m, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, 3, 0) > 0);
	user_machine_free(&um);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_topdown_placement),
		cmocka_unit_test(test_faults_and_freeing),
		cmocka_unit_test(test_mprotect_split_merge),
		cmocka_unit_test(test_vma_freed_after_grace_period),
		cmocka_unit_test(test_host_errors),
		cmocka_unit_test(test_own_memory_is_mapped),
		cmocka_unit_test(test_dup_mmap),
		cmocka_unit_test(test_overcommit_heuristic),
		cmocka_unit_test(test_mmap_offset_and_fd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-CPU allocator (src/mm/percpu.c): each CPU's copy apart, zeroed
 * on every CPU when handed out again, aligned, first fit, a new chunk when
 * the others are full; SLUB's kmem_cache_cpu lives there.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mm/percpu.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "unit/nc_boot.h"

static void test_copies_are_per_cpu(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	unsigned long *v = __alloc_percpu(m, sizeof(*v), sizeof(*v));

	(void)state;
	assert_non_null(v);
	for (unsigned int cpu = 0; cpu < 8; cpu++)
		*per_cpu_ptr(v, cpu) = 100 + cpu;
	for (unsigned int cpu = 0; cpu < 8; cpu++)
		assert_int_equal(*per_cpu_ptr(v, cpu), 100 + cpu);
	m->cpu = 5;
	assert_ptr_equal(this_cpu_ptr(m, v), per_cpu_ptr(v, 5));
	assert_int_equal(*this_cpu_ptr(m, v), 105);
	free_percpu(m, v);
	nc_machine_destroy(m);
}

/* An area given out again is zero on every CPU, whatever was written. */
static void test_reuse_is_zeroed(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	char *a = __alloc_percpu(m, 40, 8), *b;

	(void)state;
	for (unsigned int cpu = 0; cpu < 8; cpu++)
		memset(per_cpu_ptr(a, cpu), 0xa5, 40);
	free_percpu(m, a);
	b = __alloc_percpu(m, 40, 8);
	assert_ptr_equal(a, b);            /* first fit: the hole it left */
	for (unsigned int cpu = 0; cpu < 8; cpu++)
		for (int i = 0; i < 40; i++)
			assert_int_equal(per_cpu_ptr(b, cpu)[i], 0);
	free_percpu(m, b);
	nc_machine_destroy(m);
}

static void test_alignment_and_bad_requests(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	void *small = __alloc_percpu(m, 8, 8), *big;

	(void)state;
	for (size_t align = 16; align <= PCPU_UNIT_SIZE; align <<= 1) {
		big = __alloc_percpu(m, 24, align);
		assert_non_null(big);
		assert_int_equal((uintptr_t)big % align, 0);
		free_percpu(m, big);
	}
	assert_null(__alloc_percpu(m, 0, 8));
	assert_null(__alloc_percpu(m, 8, 24));                 /* not a power of two */
	assert_null(__alloc_percpu(m, 8, PCPU_UNIT_SIZE * 2));  /* past a unit */
	assert_null(__alloc_percpu(m, PCPU_UNIT_SIZE + 1, 8));
	free_percpu(m, small);
	free_percpu(m, NULL);
	nc_machine_destroy(m);
}

/* Three units' worth of areas need new chunks: every area is its own on
 * every CPU, and a hole is filled first (oldest chunk first). */
#define AREAS ((int)(3 * PCPU_UNIT_SIZE / 256))
static void test_more_chunks(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	char *area[AREAS], *again;

	(void)state;
	for (int i = 0; i < AREAS; i++) {
		area[i] = __alloc_percpu(m, 256, 8);
		assert_non_null(area[i]);
		memset(per_cpu_ptr(area[i], 0), i, 256);
		memset(per_cpu_ptr(area[i], 1), i + 100, 256);
	}
	for (int i = 0; i < AREAS; i++)
		for (int b = 0; b < 256; b++) {
			assert_int_equal(per_cpu_ptr(area[i], 0)[b], i);
			assert_int_equal(per_cpu_ptr(area[i], 1)[b], i + 100);
		}
	free_percpu(m, area[AREAS / 2]);
	again = __alloc_percpu(m, 256, 8);
	assert_ptr_equal(again, area[AREAS / 2]);
	assert_int_equal(per_cpu_ptr(again, 1)[17], 0);
	for (int i = 0; i < AREAS; i++)
		free_percpu(m, area[i]);
	nc_machine_destroy(m);
}

/* Every cache's kmem_cache_cpu comes from the chunk, 16-byte aligned for
 * the (freelist, tid) double word, and each CPU's copy has its own tid. */
static void test_kmem_cache_cpu_lives_there(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *s = m->slab->boot[NC_CACHE_TASK_STRUCT];

	(void)state;
	assert_int_equal((uintptr_t)s->cpu_slab % 16, 0);
	for (unsigned int cpu = 0; cpu < 8; cpu++)
		assert_int_equal(slub_cpu_tid(s, cpu) % NR_CPUS, cpu);   /* init_tid() */
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copies_are_per_cpu),
		cmocka_unit_test(test_reuse_is_zeroed),
		cmocka_unit_test(test_alignment_and_bad_requests),
		cmocka_unit_test(test_more_chunks),
		cmocka_unit_test(test_kmem_cache_cpu_lives_there),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/fail_page_alloc.c: the kernel's default filters
 * (min-order 1, GFP_KERNEL and highmem allocations ignored), fail-nth,
 * times/interval/space, __GFP_NOFAIL and __GFP_NOWARN, the model's
 * per-node knob, and that a forced failure counts nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "unit/mm_machine.h"

static struct nc_machine *two_nodes(void)
{
	static const unsigned long long mem[] = { 64, 64 };
	static const unsigned int cpus[] = { 1, 1 };

	return mm_machine(2, mem, cpus, NULL);
}

static bool try_alloc(struct nc_machine *m, int nid, gfp_t gfp, unsigned int order)
{
	struct page *p = alloc_pages_node(m, nid, gfp, order);

	if (p)
		__free_pages(m, p, order);
	return p != NULL;
}

/* fail-nth with the kernel's filters left in place: order-0 and
 * GFP_KERNEL allocations are not candidates and do not count down.
 * (GFP_ATOMIC: GFP_NOWAIT carries __GFP_NOWARN, which hides the report.) */
static void test_default_filters(void **state)
{
	struct nc_machine *m = two_nodes();
	struct fail_page_alloc_attr *a = &m->page_alloc->fail;

	(void)state;
	for (int i = 0; i < 50; i++)
		assert_true(try_alloc(m, 0, GFP_ATOMIC, 1)); /* probability 0 */
	a->fail_nth = 2;
	assert_true(try_alloc(m, 0, GFP_ATOMIC, 0));      /* below min-order */
	assert_true(try_alloc(m, 0, GFP_KERNEL, 1));      /* may reclaim */
	assert_true(try_alloc(m, 0, GFP_HIGHUSER_MOVABLE, 1)); /* highmem */
	assert_true(try_alloc(m, 0, GFP_ATOMIC, 1));      /* candidate 1 */
	assert_false(try_alloc(m, 0, GFP_ATOMIC, 1));     /* candidate 2 fails */
	assert_true(try_alloc(m, 0, GFP_ATOMIC, 1));
	assert_int_equal(a->nr_injected, 1);
	assert_int_equal(a->nr_reported, 1);
	mm_machine_free(m);
}

/* nc_fail_page_alloc_nth(): the n-th allocation of any kind fails; a
 * forced failure touches no counter and is no allocation warning. */
static void test_nth(void **state)
{
	struct nc_machine *m = two_nodes();

	(void)state;
	nc_fail_page_alloc_nth(m, 3);
	assert_true(try_alloc(m, 0, GFP_KERNEL, 0));
	assert_true(try_alloc(m, 1, GFP_KERNEL, 0));
	assert_false(try_alloc(m, 0, GFP_KERNEL | __GFP_NOWARN, 0));
	assert_true(try_alloc(m, 0, GFP_KERNEL, 0));
	assert_int_equal(m->page_alloc->fail.nr_injected, 1);
	assert_int_equal(m->page_alloc->fail.nr_reported, 0); /* __GFP_NOWARN */
	assert_int_equal(m->page_alloc->nr_warn_alloc, 0);
	assert_int_equal(global_numa_event_state(m, NUMA_HIT), 3);
	mm_machine_free(m);
}

/* nc_fail_page_alloc_next(): only allocations preferring that node, only
 * n of them; __GFP_NOFAIL is never failed. */
static void test_next_on_node(void **state)
{
	struct nc_machine *m = two_nodes();

	(void)state;
	nc_fail_page_alloc_next(m, 1, 2);
	assert_true(try_alloc(m, 0, GFP_KERNEL, 0));
	assert_true(try_alloc(m, 1, GFP_KERNEL | __GFP_NOFAIL, 0));
	assert_false(try_alloc(m, 1, GFP_KERNEL, 0));
	assert_true(try_alloc(m, 0, GFP_KERNEL, 4));
	assert_false(try_alloc(m, 1, GFP_KERNEL, 4));
	assert_true(try_alloc(m, 1, GFP_KERNEL, 0));
	assert_int_equal(m->page_alloc->fail.times, 0);
	assert_int_equal(m->page_alloc->fail.nr_injected, 2);
	mm_machine_free(m);
}

/* interval 3: every third candidate fails; space lets 2^order pages per
 * candidate through first. */
static void test_interval_and_space(void **state)
{
	struct nc_machine *m = two_nodes();
	struct fail_page_alloc_attr *a = &m->page_alloc->fail;
	int failed = 0;

	(void)state;
	nc_fail_page_alloc_next(m, NUMA_NO_NODE, -1);
	a->interval = 3;
	for (int i = 1; i <= 9; i++) {
		bool ok = try_alloc(m, 0, GFP_KERNEL, 0);

		assert_int_equal(ok, i % 3 != 0);
		failed += !ok;
	}
	assert_int_equal(failed, 3);
	a->interval = 1;
	a->space = 10; /* order 2 takes 4: two pass, the third (space 2 <= 4) fails */
	assert_true(try_alloc(m, 0, GFP_KERNEL, 2));
	assert_true(try_alloc(m, 0, GFP_KERNEL, 2));
	assert_false(try_alloc(m, 0, GFP_KERNEL, 2));
	mm_machine_free(m);
}

/* probability draws from the machine's seeded generator: deterministic. */
static void test_probability_deterministic(void **state)
{
	struct nc_machine *a = two_nodes(), *b = two_nodes();
	int fails = 0;

	(void)state;
	nc_fail_page_alloc_next(a, NUMA_NO_NODE, -1);
	nc_fail_page_alloc_next(b, NUMA_NO_NODE, -1);
	a->page_alloc->fail.probability = b->page_alloc->fail.probability = 50;
	for (int i = 0; i < 200; i++) {
		bool x = try_alloc(a, 0, GFP_KERNEL, 0);

		assert_int_equal(x, try_alloc(b, 0, GFP_KERNEL, 0));
		fails += !x;
	}
	assert_true(fails > 50 && fails < 150);
	mm_machine_free(a);
	mm_machine_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_filters),
		cmocka_unit_test(test_nth),
		cmocka_unit_test(test_next_on_node),
		cmocka_unit_test(test_interval_and_space),
		cmocka_unit_test(test_probability_deterministic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

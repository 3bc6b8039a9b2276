// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/rcu/tree.c: when callbacks run (grace periods end
 * when every present CPU has passed a quiescent state, or when
 * synchronize_rcu()/rcu_barrier() waits), in which order, and kfree_rcu().
 * Expectations are worked out by hand from Tree RCU's rules: a callback
 * waits for a grace period that starts after it is queued. Every test ends
 * with the validate walk.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "kernel/rcu/tree.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "unit/nc_boot.h"
#include "unit/slab_test.h"

/* A callback that records its order of running. */
struct rec {
	struct rcu_head rh;
	int id;
	int *log, *n;
	struct rec *chain;            /* queued by this callback when it runs */
};

static void rec_cb(struct nc_machine *m, struct rcu_head *h)
{
	struct rec *r = (struct rec *)((char *)h - offsetof(struct rec, rh));

	r->log[(*r->n)++] = r->id;
	if (r->chain)
		call_rcu(m, &r->chain->rh, rec_cb);
}

/* Every present CPU of 2x4 reports in turn but the last one. */
static void qs_all_but(struct nc_machine *m, unsigned int last)
{
	for (unsigned int cpu = 0; cpu < 8; cpu++)
		if (cpu != last) {
			m->cpu = cpu;
			rcu_note_context_switch(m);
			rcu_note_context_switch(m);   /* a second report changes nothing */
		}
}

/*
 * 2x4: A starts grace period 1; CPUs 0..6 report; B, queued meanwhile,
 * needs grace period 2. CPU 7's report ends GP 1: A runs, B does not, and
 * GP 2 starts at once for B. Eight reports later B runs and RCU is idle.
 */
static void test_grace_period_by_quiescent_states(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	int log[4], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n }, b = { .id = 2, .log = log, .n = &n };

	(void)state;
	assert_false(rcu_gp_in_progress(m));
	m->cpu = 3;
	call_rcu(m, &a.rh, rec_cb);
	assert_true(rcu_gp_in_progress(m));
	qs_all_but(m, 7);
	call_rcu(m, &b.rh, rec_cb);
	assert_int_equal(n, 0);
	m->cpu = 7;
	rcu_note_context_switch(m);
	assert_int_equal(n, 1);
	assert_int_equal(log[0], 1);
	assert_int_equal(rcu_completed_gps(m), 1);
	assert_true(rcu_gp_in_progress(m));
	qs_all_but(m, 2);
	assert_int_equal(n, 1);
	m->cpu = 2;
	rcu_note_context_switch(m);
	assert_int_equal(n, 2);
	assert_int_equal(log[1], 2);
	assert_int_equal(rcu_completed_gps(m), 2);
	assert_false(rcu_gp_in_progress(m));
	/* no grace period: reports are ignored */
	rcu_note_context_switch(m);
	assert_int_equal(rcu_completed_gps(m), 2);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * synchronize_rcu() ends the grace period in progress (A, B run in their
 * queueing order) and then the one C started, so C runs too: two grace
 * periods. With nothing queued it still takes one full grace period.
 * rcu_barrier() runs a callback's callback as well (D queues E).
 */
static void test_synchronize_and_barrier(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	int log[8], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n }, b = { .id = 2, .log = log, .n = &n };
	struct rec c = { .id = 3, .log = log, .n = &n }, e = { .id = 5, .log = log, .n = &n };
	struct rec d = { .id = 4, .log = log, .n = &n, .chain = &e };

	(void)state;
	m->cpu = 0;
	call_rcu(m, &a.rh, rec_cb);
	call_rcu(m, &b.rh, rec_cb);
	qs_all_but(m, 5);
	/* GP 1 has not ended: C needs GP 2 */
	call_rcu(m, &c.rh, rec_cb);
	synchronize_rcu(m);
	assert_int_equal(n, 3);
	assert_memory_equal(log, ((int[]){ 1, 2, 3 }), 3 * sizeof(int));
	assert_int_equal(rcu_completed_gps(m), 2);
	synchronize_rcu(m);
	assert_int_equal(rcu_completed_gps(m), 3);
	assert_false(rcu_gp_in_progress(m));
	call_rcu(m, &d.rh, rec_cb);
	rcu_barrier(m);
	assert_int_equal(n, 5);
	assert_int_equal(log[3], 4);
	assert_int_equal(log[4], 5);
	assert_int_equal(rcu_completed_gps(m), 5);
	rcu_barrier(m);   /* nothing queued: no grace period */
	assert_int_equal(rcu_completed_gps(m), 5);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

struct krec {
	long payload[5];
	struct rcu_head rh;
};

/*
 * kfree_rcu(): the kmalloc-64 object (56 bytes) stays allocated until a
 * grace period ends, then goes back through kfree() (a fast-path free on
 * the CPU slab). kfree_rcu_mightsleep() waits for its grace period at once.
 * kvfree_rcu_barrier() waits only for kfree_rcu() objects: A's grace
 * period (GP 3) goes on until a kfree_rcu() is in flight; then GP 3 ends
 * (A runs) and GP 4, which the kfree_rcu() object needs.
 */
static void test_kfree_rcu(void **state)
{
	struct nc_machine *m = nc_boot("2x4");
	struct kmem_cache *k64 = nc_kmem_cache_find(m, "kmalloc-64");
	int log[1], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n };
	struct krec *p, *q;
	unsigned long frees;

	(void)state;
	m->cpu = 0;
	p = kmalloc(m, sizeof(*p), GFP_KERNEL);
	q = kmalloc(m, sizeof(*q), GFP_KERNEL);
	assert_ptr_equal(virt_to_slab(m, p)->slab_cache, k64);
	frees = slab_stat_sum(m, k64, FREE_FASTPATH);
	kfree_rcu(m, p, rh);
	assert_int_equal(slab_stat_sum(m, k64, FREE_FASTPATH), frees);
	qs_all_but(m, 6);
	assert_int_equal(slab_stat_sum(m, k64, FREE_FASTPATH), frees);
	m->cpu = 6;
	rcu_note_context_switch(m);
	assert_int_equal(slab_stat_sum(m, k64, FREE_FASTPATH), frees + 1);
	m->cpu = 0;
	kfree_rcu_mightsleep(m, q);
	assert_int_equal(slab_stat_sum(m, k64, FREE_FASTPATH), frees + 2);
	assert_int_equal(rcu_completed_gps(m), 2);
	/* kvfree_rcu_barrier() (kmem_cache_destroy() calls it) waits only
	 * while kfree_rcu() objects are in flight */
	call_rcu(m, &a.rh, rec_cb);
	kvfree_rcu_barrier(m);
	assert_int_equal(n, 0);
	assert_true(rcu_gp_in_progress(m));
	p = kmalloc(m, sizeof(*p), GFP_KERNEL);
	kfree_rcu(m, p, rh);
	kvfree_rcu_barrier(m);
	assert_int_equal(n, 1);
	assert_int_equal(slab_stat_sum(m, k64, FREE_FASTPATH), frees + 3);
	assert_int_equal(rcu_completed_gps(m), 4);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grace_period_by_quiescent_states),
		cmocka_unit_test(test_synchronize_and_barrier),
		cmocka_unit_test(test_kfree_rcu),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

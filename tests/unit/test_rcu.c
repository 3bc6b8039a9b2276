// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/rcu/tree.c: when callbacks run (a grace period ends
 * once every online CPU has context-switched or idled since it began, or
 * when synchronize_rcu()/rcu_barrier() waits), where and in which order,
 * kfree_rcu() and SLAB_TYPESAFE_BY_RCU slabs; holdouts report once the
 * grace period is jiffies_to_sched_qs old. Expectations are worked out
 * by hand from Tree RCU's rules (PREEMPT_RCU, no readers): a callback waits
 * for a grace period that starts after it is queued; the force-quiescent-
 * state scan finds idle CPUs (not the one the model executes on). Every
 * test ends with the validate walk.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "kernel/exit.h"
#include "kernel/rcu/tree.h"
#include "kernel/sched/core.h"
#include "kernel/sched/sched.h"
#include "mm/mmzone.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "mm/vmstat.h"
#include "unit/nc_boot.h"
#include "unit/slab_test.h"

/* A callback that records its order of running and its CPU. */
struct rec {
	struct rcu_head rh;
	int id;
	int *log, *n;
	unsigned int ran_on;
	struct rec *chain;            /* queued by this callback when it runs */
};

static void rec_cb(struct nc_machine *m, struct rcu_head *h)
{
	struct rec *r = (struct rec *)((char *)h - offsetof(struct rec, rh));

	r->log[(*r->n)++] = r->id;
	r->ran_on = m->cpu;
	if (r->chain)
		call_rcu(m, &r->chain->rh, rec_cb);
}

/*
 * 2x4 with five children of init: t[0..3] run on CPUs 0..3, t[4] is queued
 * behind t[3] on CPU 3, CPUs 4..7 idle, init asleep. The test goes on as
 * t[0] on CPU 0.
 */
static struct nc_machine *boot_busy(struct task_struct **t)
{
	struct nc_machine *m = nc_boot("2x4");
	struct task_struct *init = nc_run_as(m, 1);

	for (int i = 0; i < 5; i++) {
		long nr = nc_clone(m, 0, SIGCHLD);

		assert_true(nr > 0);
		t[i] = pid_task(find_pid_ns((pid_t)nr, m->init_pid_ns), PIDTYPE_PID);
	}
	nc_sched_sleep(m, init);
	nc_sched_run(m, t[4], 3);
	for (unsigned int cpu = 0; cpu < 4; cpu++)
		nc_sched_run(m, t[cpu], cpu);
	for (unsigned int cpu = 0; cpu < 8; cpu++) {
		if (cpu < 4)
			assert_ptr_equal(m->curr[cpu], t[cpu]);
		else
			assert_true(is_idle_task(m, m->curr[cpu]));
		assert_int_equal(cpu_rq(m, cpu)->nr_running, cpu < 3 ? 1 : cpu == 3 ? 2 : 0);
	}
	m->cpu = 0;
	return m;
}

/*
 * A, queued on CPU 0, starts grace period 1; its first scan finds CPUs
 * 4..7 idle, so it waits for 0..3. CPU 1's task sleeps, t[1] preempts
 * CPU 2's: both switched. B, queued meanwhile, needs GP 2. CPU 3 switches
 * to t[4] by hand (as a replay does): nothing looks until the next
 * scheduler event, t[0]'s sleep, which ends GP 1 (the scan sees CPU 3's
 * new task). A runs; GP 2 starts for B and waits for CPU 0 (the model
 * still executes there, idle task or not), 2 and 3 (busy); 1 and 4..7 idle.
 * t[4] sleeps (CPU 3 runs t[3] again), t[1] sleeps (CPU 2 runs t[2]): only
 * CPU 0 is left. The model goes on as t[2] on CPU 2, where t[1] wakes and
 * runs: the scan finds CPU 0 idle now, GP 2 ends, B runs on CPU 0, which
 * queued it, and RCU is idle.
 */
static void test_grace_period_by_quiescent_states(void **state)
{
	struct task_struct *t[5];
	struct nc_machine *m = boot_busy(t);
	int log[4], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n }, b = { .id = 2, .log = log, .n = &n };

	(void)state;
	assert_false(rcu_gp_in_progress(m));
	call_rcu(m, &a.rh, rec_cb);
	assert_true(rcu_gp_in_progress(m));
	nc_sched_sleep(m, t[1]);
	nc_sched_run(m, t[1], 2);
	call_rcu(m, &b.rh, rec_cb);
	m->curr[3] = t[4];
	assert_int_equal(n, 0);
	nc_sched_sleep(m, t[0]);
	assert_int_equal(n, 1);
	assert_int_equal(log[0], 1);
	assert_int_equal(a.ran_on, 0);
	assert_int_equal(rcu_completed_gps(m), 1);
	assert_true(rcu_gp_in_progress(m));
	nc_sched_sleep(m, t[4]);
	assert_ptr_equal(m->curr[3], t[3]);
	nc_sched_sleep(m, t[1]);
	assert_ptr_equal(m->curr[2], t[2]);
	assert_int_equal(n, 1);
	m->cpu = 2;
	nc_sched_run(m, t[1], 2);
	assert_int_equal(n, 2);
	assert_int_equal(log[1], 2);
	assert_int_equal(b.ran_on, 0);
	assert_int_equal(rcu_completed_gps(m), 2);
	assert_false(rcu_gp_in_progress(m));
	/* no grace period: a switch reports nothing */
	nc_sched_run(m, t[2], 2);
	assert_int_equal(rcu_completed_gps(m), 2);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * The scan's interval grows with the machine as the kernel's FQS interval
 * does (rcu_init_geometry(): 1 + nr_cpu_ids / 256 jiffies at HZ=250; the
 * model counts scheduler events): 3 on 2x256. Init forks a child on CPU 0
 * (it lands on another CPU, c) and sleeps; A, queued on idle CPU 0, waits
 * for CPU 0 (the model executes there) and c. The model goes on on CPU 5.
 * The child sleeps: c switched, a first event; it wakes, a second; it
 * sleeps again: the third event scans and finds CPU 0 idle. On 2x4 the
 * first event scans.
 */
static void test_fqs_interval(void **state)
{
	static const char *const topo[] = { "2x256", "2x4" };
	static const int runs_at[] = { 3, 1 };

	(void)state;
	for (int i = 0; i < 2; i++) {
		struct nc_machine *m = nc_boot(topo[i]);
		struct task_struct *init = nc_run_as(m, 1), *child;
		int log[1], n = 0, event = 0;
		struct rec a = { .id = 1, .log = log, .n = &n };

		assert_int_equal(m->cpu, 0);
		child = pid_task(find_pid_ns((pid_t)nc_clone(m, 0, SIGCHLD), m->init_pid_ns),
				 PIDTYPE_PID);
		assert_true(child->cpu != 0 && child->cpu != 5);
		nc_sched_sleep(m, init);
		call_rcu(m, &a.rh, rec_cb);
		m->cpu = 5;
		while (!n && event < 4) {
			if (event++ % 2)
				nc_sched_wake(m, child);
			else
				nc_sched_sleep(m, child);
		}
		assert_int_equal(event, runs_at[i]);
		assert_int_equal(n, 1);
		assert_slab_valid(m);
		nc_machine_destroy(m);
	}
}

/*
 * A replay makes a task current again after its exit_group() ran (it
 * goes on with the call's line): the CPU left the dead task through
 * __schedule() in truth, so it counts as idle. t[1] exits on CPU 1 and is
 * left current there: A's grace period waits for CPUs 0, 2 and 3 only.
 */
static void test_dead_task_left_current(void **state)
{
	struct task_struct *t[5];
	struct nc_machine *m = boot_busy(t);
	int log[1], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n };

	(void)state;
	m->cpu = 1;
	kernel_exit_group(m, 0);
	assert_int_equal(t[1]->exit_state, EXIT_ZOMBIE);
	m->curr[1] = t[1];
	m->cpu = 0;
	call_rcu(m, &a.rh, rec_cb);
	nc_sched_sleep(m, t[2]);
	nc_sched_run(m, t[4], 3);
	assert_int_equal(n, 0);
	nc_sched_sleep(m, t[0]);
	assert_int_equal(n, 1);
	assert_int_equal(rcu_completed_gps(m), 1);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * CPUs whose tasks never switch hold a grace period only until it is
 * jiffies_to_sched_qs old: on 2x4 that is max(1 + 2 * 1, HZ / 10 + 8 / 256)
 * = 25 scheduler events (the model's jiffies), when the kernel's tick
 * would answer rcu_urgent_qs. A, queued on CPU 0, waits for CPUs 0..3,
 * which never switch; idle CPU 5 goes through __schedule() once per event
 * (what the scheduler reports when CPU 5 changes tasks). After 24 events A
 * waits; the 25th ends the grace period and A runs on CPU 0, which queued it.
 */
static void test_holdouts_report_when_urgent(void **state)
{
	struct task_struct *t[5];
	struct nc_machine *m = boot_busy(t);
	int log[1], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n };

	(void)state;
	call_rcu(m, &a.rh, rec_cb);
	for (int i = 0; i < 24; i++)
		rcu_note_context_switch(m, 5);
	assert_int_equal(n, 0);
	assert_true(rcu_gp_in_progress(m));
	for (unsigned int cpu = 0; cpu < 4; cpu++)
		assert_ptr_equal(m->curr[cpu], t[cpu]);
	rcu_note_context_switch(m, 5);
	assert_int_equal(n, 1);
	assert_int_equal(a.ran_on, 0);
	assert_int_equal(rcu_completed_gps(m), 1);
	assert_false(rcu_gp_in_progress(m));
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * The caller of synchronize_rcu() waits, and the model lets the grace
 * period in progress end (A, B run in their queueing order) and then the
 * one C started, so C runs too: two grace periods. With nothing queued it
 * still takes one full grace period. rcu_barrier() runs a callback's
 * callback as well (D queues E). Nothing else ends a grace period here:
 * CPUs 0, 2 and 3 never switch.
 */
static void test_synchronize_and_barrier(void **state)
{
	struct task_struct *t[5];
	struct nc_machine *m = boot_busy(t);
	int log[8], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n }, b = { .id = 2, .log = log, .n = &n };
	struct rec c = { .id = 3, .log = log, .n = &n }, e = { .id = 5, .log = log, .n = &n };
	struct rec d = { .id = 4, .log = log, .n = &n, .chain = &e };

	(void)state;
	call_rcu(m, &a.rh, rec_cb);
	call_rcu(m, &b.rh, rec_cb);
	nc_sched_sleep(m, t[1]);
	/* GP 1 has not ended: C needs GP 2 */
	call_rcu(m, &c.rh, rec_cb);
	assert_int_equal(n, 0);
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

static unsigned long frees(struct nc_machine *m, struct kmem_cache *s)
{
	return slab_stat_sum(m, s, FREE_FASTPATH) + slab_stat_sum(m, s, FREE_SLOWPATH);
}

/*
 * kfree_rcu(): the kmalloc-64 object (56 bytes) stays allocated while any
 * of CPUs 0..3 (busy when its grace period began) has not switched, and
 * goes back through kfree() at the switch of the last one; idle CPUs 4..7
 * never hold it up. CPU 3 goes through the scheduler and keeps t[3] (the
 * workload says t[3] runs there): a quiescent state, the same task or not. kfree_rcu_mightsleep() waits for its grace period at
 * once. kvfree_rcu_barrier() waits only for kfree_rcu() objects: A's grace
 * period (GP 3) goes on until a kfree_rcu() is in flight; then GP 3 ends
 * (A runs) and GP 4, which the kfree_rcu() object needs.
 */
static void test_kfree_rcu(void **state)
{
	struct task_struct *t[5];
	struct nc_machine *m = boot_busy(t);
	struct kmem_cache *k64 = nc_kmem_cache_find(m, "kmalloc-64");
	int log[1], n = 0;
	struct rec a = { .id = 1, .log = log, .n = &n };
	struct krec *p, *q;
	unsigned long before;

	(void)state;
	p = kmalloc(m, sizeof(*p), GFP_KERNEL);
	q = kmalloc(m, sizeof(*q), GFP_KERNEL);
	assert_ptr_equal(virt_to_slab(m, p)->slab_cache, k64);
	before = frees(m, k64);
	kfree_rcu(m, p, rh);
	nc_sched_run(m, t[3], 3);
	assert_int_equal(frees(m, k64), before);
	nc_sched_sleep(m, t[2]);
	assert_int_equal(frees(m, k64), before);
	nc_sched_sleep(m, t[1]);
	assert_int_equal(frees(m, k64), before);
	assert_true(rcu_gp_in_progress(m));
	nc_sched_sleep(m, t[0]);
	assert_int_equal(frees(m, k64), before + 1);
	assert_int_equal(rcu_completed_gps(m), 1);
	assert_false(rcu_gp_in_progress(m));
	kfree_rcu_mightsleep(m, q);
	assert_int_equal(frees(m, k64), before + 2);
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
	assert_int_equal(frees(m, k64), before + 3);
	assert_int_equal(rcu_completed_gps(m), 4);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

/*
 * SLAB_TYPESAFE_BY_RCU: a 4096-byte cache's objects take 4104 bytes (the
 * free pointer after the object), 7 to an order-3 slab (test_slub.c).
 * Seven allocated and freed on CPU 0, the shrink discards the empty slab;
 * free_slab() queues it for a grace period, during which its 8 pages stay
 * a slab of the cache, counted in node 0's NR_SLAB_UNRECLAIMABLE_B. They
 * go back when the last busy CPU, 0, switches; destroying the cache then
 * has no grace period to wait for.
 */
static void test_typesafe_by_rcu_slab(void **state)
{
	struct task_struct *t[5];
	struct nc_machine *m = boot_busy(t);
	struct kmem_cache *s = kmem_cache_create(m, "nc_rcu", 4096, NULL,
						 SLAB_TYPESAFE_BY_RCU | SLAB_NO_MERGE);
	unsigned long held;
	void *o[7];

	(void)state;
	assert_non_null(s);
	for (int i = 0; i < 7; i++)
		o[i] = kmem_cache_alloc(m, s, GFP_KERNEL);
	for (int i = 0; i < 7; i++)
		kmem_cache_free(m, s, o[i]);
	assert_false(rcu_gp_in_progress(m));
	assert_int_equal(kmem_cache_shrink(m, s), 0);
	assert_true(rcu_gp_in_progress(m));
	held = node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B);
	nc_sched_sleep(m, t[1]);
	nc_sched_sleep(m, t[4]);
	nc_sched_sleep(m, t[3]);
	nc_sched_run(m, t[1], 2);
	assert_ptr_equal(virt_to_slab(m, o[3])->slab_cache, s);
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B), held);
	nc_sched_sleep(m, t[0]);
	assert_null(virt_to_slab(m, o[3]));
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B), held - 8);
	assert_int_equal(rcu_completed_gps(m), 1);
	kmem_cache_destroy(m, s);
	assert_int_equal(rcu_completed_gps(m), 1);
	assert_slab_valid(m);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grace_period_by_quiescent_states),
		cmocka_unit_test(test_fqs_interval),
		cmocka_unit_test(test_dead_task_left_current),
		cmocka_unit_test(test_holdouts_report_when_urgent),
		cmocka_unit_test(test_synchronize_and_barrier),
		cmocka_unit_test(test_kfree_rcu),
		cmocka_unit_test(test_typesafe_by_rcu_slab),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/sched/fair.c: fork placements on load pictures,
 * each worked by hand from v6.12's select_task_rq_fair() (WF_FORK) rules.
 * Every busy CPU runs nice-0 tasks: load 1024 each, util 1024, runnable
 * 1024 per task; capacity 1024 per CPU.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "kernel/sched/fair.h"
#include "sched_machine.h"

static const uint8_t slit_2s4n[16] = {
	10, 12, 32, 32,
	12, 10, 32, 32,
	32, 32, 10, 12,
	32, 32, 12, 10,
};

struct picture {
	struct nc_machine *m;
	struct task_struct *tasks[64];
	unsigned int n;
};

/* Runs a new task on each listed CPU (-1 ends); the first is the parent,
 * and the running CPU is the parent's. */
static void busy(struct picture *pic, const int *cpus)
{
	for (; *cpus >= 0; cpus++) {
		struct task_struct *p = sm_task(pic->m, (pid_t)(100 + pic->n));

		assert_int_equal(nc_sched_run(pic->m, p, (unsigned)*cpus), 0);
		pic->tasks[pic->n++] = p;
	}
	nc_set_cpu(pic->m, pic->tasks[0]->cpu);
}

/* Forks a child of the parent through sched_fork(), sched_cgroup_fork()
 * and wake_up_new_task()
 * and returns its first CPU. */
static unsigned int fork_child(struct picture *pic)
{
	struct task_struct *c = sm_task(pic->m, (pid_t)(100 + pic->n));

	c->cpus_mask = pic->tasks[0]->cpus_mask;
	assert_int_equal(sched_fork(pic->m, 0, c), 0);
	assert_int_equal(sched_cgroup_fork(pic->m, c), 0);
	wake_up_new_task(pic->m, c);
	pic->tasks[pic->n++] = c;
	return c->cpu;
}

static void picture_free(struct picture *pic)
{
	sm_destroy(pic->m);
	for (unsigned int i = 0; i < pic->n; i++)
		free(pic->tasks[i]);
}

/* step i of a placement, in the words explain prints */
static void assert_why(const struct nc_sched_why *why, unsigned int i, const char *want)
{
	char line[NC_SCHED_WHY_LEN];

	assert_true(i < why->nr);
	nc_sched_why_line(line, sizeof(line), &why->step[i]);
	assert_string_equal(line, want);
}

/*
 * One node, 2 cores x 2 threads, the parent alone on CPU0. SMT and MC
 * balance forks, so the walk starts at MC: local core {0,1} has spare with
 * 1 idle CPU, core {2,3} has 2: more idle CPUs win, the idlest CPU of
 * {2,3} is 2 (both idle since boot: the first). Below MC on CPU2, SMT
 * {2},{3}: both idle, local keeps it. Child: CPU2, the idle core.
 */
static void test_idle_smt_machine(void **state)
{
	struct picture pic = { sm_create(1, 4, 2, 1, (const uint8_t[]){ 10 }, 30) };

	(void)state;
	busy(&pic, (const int[]){ 0, -1 });
	assert_int_equal(fork_child(&pic), 2);
	/* next fork: cores {0,1} (parent) and {2,3} (child) both have one
	 * idle CPU and util 1024: equal, the first non-local group stays the
	 * candidate, and equal idle counts keep the local core; in it CPU0 is
	 * fully busy and CPU1 has spare: CPU1 */
	assert_int_equal(fork_child(&pic), 1);
	picture_free(&pic);
}

/*
 * Most recently idled: the task on CPU3 sleeps (its CPU's idle stamp is the
 * latest), so among the idle CPUs 2 and 3 of the same exit latency, CPU3
 * wins over the lower-numbered CPU2.
 */
static void test_recently_idle_cpu(void **state)
{
	struct picture pic = { sm_create(1, 4, 2, 1, (const uint8_t[]){ 10 }, 30) };

	(void)state;
	busy(&pic, (const int[]){ 0, 3, -1 });
	nc_sched_sleep(pic.m, pic.tasks[1]);
	assert_int_equal(fork_child(&pic), 3);
	picture_free(&pic);
}

/*
 * 2s4n, 2 CPUs a node, the parent alone on CPU0, reclaim distance 30:
 * NUMA(32) lacks SD_BALANCE_FORK, so the walk starts at NUMA(12) {0-3}.
 * Local node {0,1}: 1 running, 1 idle; node 1 {2,3}: 2 idle. Both have
 * spare; imb_numa_nr is 1 (2 CPUs >> 3, at least 1), and local running + 1
 * = 2 > 1 so no imbalance is allowed: 1 idle < 2 idle, node 1 wins, CPU2.
 */
static void test_idle_numa_small_nodes(void **state)
{
	struct picture pic = { sm_create(4, 2, 1, 2, slit_2s4n, 30) };

	(void)state;
	busy(&pic, (const int[]){ 0, -1 });
	assert_int_equal(fork_child(&pic), 2);
	picture_free(&pic);
}

/*
 * Parent's node busy: CPUs 0 (parent) and 1 busy, CPU2 busy, CPU3 idle,
 * nodes 2 and 3 idle. At NUMA(12): local {0,1} runs 2 tasks on 2 CPUs
 * with util 2048: fully busy; {2,3} has spare: it wins; in it CPU3 is
 * idle. The idle far nodes are beyond the cut-off (32 > 30): never seen.
 * With Zen's reclaim distance 32 the walk starts at NUMA(32): local
 * {0-3} 3 running, 1 idle; {4-7} 4 idle; imb_numa_nr 2 < 3 + 1, so more
 * idle CPUs win: CPU4; then on CPU4's NUMA(12) both nodes are idle,
 * imbalance 0 is allowed, local stays; MC {4},{5} equal: CPU4.
 */
static void test_parent_node_busy(void **state)
{
	struct picture pic = { sm_create(4, 2, 1, 2, slit_2s4n, 30) };

	struct nc_sched_why why = { 0 };

	(void)state;
	busy(&pic, (const int[]){ 0, 1, 2, -1 });
	pic.m->sched->why = &why;
	assert_int_equal(fork_child(&pic), 3);
	/* the steps as explain shows them; below CPU3, MC {3},{2}: CPU3 has
	 * spare, CPU2 (1 task on 1 CPU) is fully busy: stay */
	assert_int_equal(why.nr, 4);
	assert_why(&why, 0, "from CPU 0, up to NUMA 0-3");
	assert_why(&why, 1, "NUMA 0-3: here fully busy, CPU 2's group has spare: move");
	assert_why(&why, 2, "CPU 3: idle, the shallowest and latest idle of its group");
	assert_why(&why, 3, "MC 2-3: here has spare, CPU 2's group fully busy: stay");
	picture_free(&pic);

	pic = (struct picture){ sm_create(4, 2, 1, 2, slit_2s4n, 32) };
	busy(&pic, (const int[]){ 0, 1, 2, -1 });
	assert_int_equal(fork_child(&pic), 4);
	picture_free(&pic);
}

/*
 * Imbalance allowed within the NUMA threshold: 2s4n with 16 CPUs a node,
 * so imb_numa_nr is 16 >> 3 = 2 at NUMA(12). Parent alone on CPU0: local
 * 15 idle, remote 16 idle, imbalance 1; local running + 1 = 2 <= 2 and
 * 1 <= NUMA_IMBALANCE_MIN: stay local. In MC, CPU0 is fully busy and the
 * first single-CPU group with spare is CPU1. Second child: 2 running,
 * 2 + 1 > 2, imbalance 14 vs 16 = 2 is not forgiven: node 1, CPU16.
 */
static void test_numa_imbalance_allowed(void **state)
{
	struct picture pic = { sm_create(4, 16, 1, 2, slit_2s4n, 30) };

	(void)state;
	busy(&pic, (const int[]){ 0, -1 });
	assert_int_equal(fork_child(&pic), 1);
	assert_int_equal(fork_child(&pic), 16);
	picture_free(&pic);
}

/*
 * Affinity. Parent on CPU0 of an idle 2s4n (2 CPUs a node):
 * - mask {0,1}: node 1 has no allowed CPU and is skipped; MC: CPU1.
 * - mask {5}: one allowed CPU, select_task_rq() takes it without asking
 *   the class.
 * - mask {4,5}: the fork domain NUMA(12) {0-3} has no allowed CPU, so the
 *   class keeps prev_cpu 0, which is not allowed: select_fallback_rq()
 *   finds none on node 0 and takes the first allowed, CPU4.
 */
static void test_affinity(void **state)
{
	static const int allowed[3][3] = { { 0, 1, -1 }, { 5, -1 }, { 4, 5, -1 } };
	static const unsigned int want[3] = { 1, 5, 4 };

	(void)state;
	for (int k = 0; k < 3; k++) {
		struct picture pic = { sm_create(4, 2, 1, 2, slit_2s4n, 30) };
		struct nc_sched_why why = { 0 };

		busy(&pic, (const int[]){ 0, -1 });
		bitmap_zero(pic.tasks[0]->cpus_mask.bits, NR_CPUS);
		for (const int *c = allowed[k]; *c >= 0; c++)
			cpumask_set_cpu((unsigned)*c, &pic.tasks[0]->cpus_mask);
		pic.m->sched->why = &why;
		assert_int_equal(fork_child(&pic), want[k]);
		if (k == 1) {
			assert_int_equal(why.nr, 1);
			assert_why(&why, 0, "affinity: CPU 5 is the only one allowed");
		} else if (k == 2) {
			assert_int_equal(why.nr, 2);
			assert_why(&why, 0, "from CPU 0, up to NUMA 0-3");
			assert_why(&why, 1, "CPU 0 not allowed: select_fallback_rq() gives CPU 4");
		}
		picture_free(&pic);
	}
}

/*
 * Overloaded everywhere: 1 node, 2 single-thread cores, 3 tasks on CPU0
 * (the parent one of them) and 1 on CPU1. MC groups {0}: 3 running on 1 CPU,
 * overloaded, avg_load 3072; {1}: 1 running, fully busy: lower type wins,
 * CPU1.
 */
static void test_overloaded_local(void **state)
{
	struct picture pic = { sm_create(1, 2, 1, 1, (const uint8_t[]){ 10 }, 30) };

	(void)state;
	busy(&pic, (const int[]){ 0, 0, 0, 1, -1 });
	nc_sched_run(pic.m, pic.tasks[0], 0); /* the parent runs */
	assert_int_equal(fork_child(&pic), 1);
	picture_free(&pic);
}

/* A wakeup (WF_TTWU) is not modelled: it keeps prev_cpu. */
static void test_ttwu_keeps_prev(void **state)
{
	struct picture pic = { sm_create(1, 4, 2, 1, (const uint8_t[]){ 10 }, 30) };

	(void)state;
	busy(&pic, (const int[]){ 0, -1 });
	assert_int_equal(select_task_rq_fair(pic.m, pic.tasks[0], 3, WF_TTWU), 3);
	picture_free(&pic);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_idle_smt_machine),
		cmocka_unit_test(test_recently_idle_cpu),
		cmocka_unit_test(test_idle_numa_small_nodes),
		cmocka_unit_test(test_parent_node_busy),
		cmocka_unit_test(test_numa_imbalance_allowed),
		cmocka_unit_test(test_affinity),
		cmocka_unit_test(test_overloaded_local),
		cmocka_unit_test(test_ttwu_keeps_prev),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/sched/rt.c: where a forked real-time task starts,
 * each case worked by hand from v6.12's select_task_rq_rt() (WF_FORK),
 * find_lowest_rq() and cpupri rules. A task of rt_priority r has prio
 * 99 - r and puts its CPU at cpupri r; a CPU with no RT task is at 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "kernel/sched/prio.h"
#include "kernel/sched/rt.h"
#include "sched_machine.h"

/* Runs a task on cpu: SCHED_FIFO at rt_priority r, or SCHED_NORMAL if r is 0. */
static struct task_struct *run_at(struct nc_machine *m, pid_t pid, unsigned int cpu,
				  unsigned int r)
{
	struct task_struct *p = sm_task(m, pid);

	if (r) {
		p->policy = SCHED_FIFO;
		p->rt_priority = r;
		p->prio = p->normal_prio = MAX_RT_PRIO - 1 - (int)r;
	}
	assert_int_equal(nc_sched_run(m, p, cpu), 0);
	return p;
}

/* A child of parent through sched_fork() .. wake_up_new_task(); its CPU. */
static unsigned int fork_child(struct nc_machine *m, struct task_struct *parent, pid_t pid,
			       struct task_struct **out)
{
	struct task_struct *c = malloc(sizeof(*c));

	*c = *parent;                       /* dup_task_struct() */
	c->pid = pid;
	assert_int_equal(sched_fork(m, 0, c), 0);
	assert_int_equal(sched_cgroup_fork(m, c), 0);
	wake_up_new_task(m, c);
	*out = c;
	return c->cpu;
}

static void assert_why(struct nc_sched_why *why, const char *want)
{
	char line[NC_SCHED_WHY_LEN];

	assert_int_equal(why->nr, 1);
	nc_sched_why_line(line, sizeof(line), &why->step[0]);
	assert_string_equal(line, want);
}

/*
 * 1 node, 4 CPUs. The FIFO-50 parent runs on CPU0, CPU1 runs FIFO 80,
 * CPU2 a fair task, CPU3 nothing. The child (prio 49) finds CPU0's
 * current RT at its own priority: find_lowest_rq(). cpupri: CPU0 50,
 * CPU1 80, CPU2 0, CPU3 0: below 50 the lowest level is 0, {2,3}. Neither
 * the child's CPU 0 nor this CPU is in it; the MC domain (wake-affine)
 * hands out the first of {2,3} after CPU0's last, CPU2, which runs no RT
 * task (99 > 49): CPU2, not the idle CPU3. The second child finds CPU2 at
 * cpupri 50, no lower than itself: {3}, CPU3.
 */
static void test_rt_fork_lowest(void **state)
{
	struct nc_machine *m = sm_create(1, 4, 1, 1, (const uint8_t[]){ 10 }, 30);
	struct task_struct *p, *a, *b, *c1, *c2;
	struct nc_sched_why why = { 0 };

	(void)state;
	a = run_at(m, 11, 1, 80);
	b = run_at(m, 12, 2, 0);
	p = run_at(m, 10, 0, 50);
	nc_set_cpu(m, 0);
	m->sched->why = &why;
	assert_int_equal(fork_child(m, p, 20, &c1), 2);
	assert_why(&why, "rt: CPU 0 runs RT prio 50, CPU 2 runs at 0: move");
	assert_int_equal(fork_child(m, p, 21, &c2), 3);
	m->sched->why = NULL;
	/* RT tasks count on their queue but not in its cfs load */
	assert_int_equal(cpu_rq(m, 2)->nr_running, 2);
	assert_int_equal(cpu_rq(m, 2)->load, 1024);
	assert_int_equal(cpu_rq(m, 1)->load, 0);
	free(c1);
	free(c2);
	free(a);
	free(b);
	free(p);
	sm_destroy(m);
}

/* Every other CPU runs FIFO 90: none below the FIFO-10 child, stay on CPU0. */
static void test_rt_fork_no_lower(void **state)
{
	struct nc_machine *m = sm_create(1, 2, 1, 1, (const uint8_t[]){ 10 }, 30);
	struct task_struct *p, *a, *c;
	struct nc_sched_why why = { 0 };

	(void)state;
	a = run_at(m, 11, 1, 90);
	p = run_at(m, 10, 0, 10);
	nc_set_cpu(m, 0);
	m->sched->why = &why;
	assert_int_equal(fork_child(m, p, 20, &c), 0);
	assert_why(&why, "rt: CPU 0 runs RT prio 10, no CPU runs lower: stay");
	m->sched->why = NULL;
	free(c);
	free(a);
	free(p);
	sm_destroy(m);
}

/*
 * The current of the forking CPU is not RT (the RT parent was queued
 * behind a fair task that runs): the child starts where it is, CPU0.
 */
static void test_rt_fork_preempts(void **state)
{
	struct nc_machine *m = sm_create(1, 2, 1, 1, (const uint8_t[]){ 10 }, 30);
	struct task_struct *p, *a;
	struct nc_sched_why why = { 0 };

	(void)state;
	p = run_at(m, 10, 0, 10);
	a = run_at(m, 11, 0, 0);            /* runs; the parent waits queued */
	nc_set_cpu(m, 0);
	m->sched->why = &why;
	assert_int_equal(select_task_rq_rt(m, p, 0, WF_FORK), 0);
	assert_why(&why, "rt: CPU 0's current lets the child preempt it: stay");
	/* exec: the RT class keeps a task where it is */
	assert_int_equal(select_task_rq_rt(m, p, 1, WF_EXEC), 1);
	m->sched->why = NULL;
	free(a);
	free(p);
	sm_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rt_fork_lowest),
		cmocka_unit_test(test_rt_fork_no_lower),
		cmocka_unit_test(test_rt_fork_preempts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

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

/* A machine of 1 node, its tasks, and the why of its placements */
struct picture {
	struct nc_machine *m;
	struct task_struct *tasks[8];
	unsigned int n;
	struct nc_sched_why why;
};

static void picture_init(struct picture *pic, unsigned int cpus)
{
	*pic = (struct picture){ .m = sm_create(1, cpus, 1, 1, (const uint8_t[]){ 10 }, 30) };
	pic->m->sched->why = &pic->why;
}

static void picture_free(struct picture *pic)
{
	for (unsigned int i = 0; i < pic->n; i++)
		free(pic->tasks[i]);
	sm_destroy(pic->m);
}

/* Runs a task on cpu: SCHED_FIFO at rt_priority r, or SCHED_NORMAL if r
 * is 0; the running CPU is cpu. */
static struct task_struct *run_at(struct picture *pic, unsigned int cpu, unsigned int r)
{
	struct task_struct *p = sm_task(pic->m, (pid_t)(10 + pic->n));

	if (r) {
		p->policy = SCHED_FIFO;
		p->rt_priority = r;
		p->prio = p->normal_prio = MAX_RT_PRIO - 1 - (int)r;
	}
	assert_int_equal(nc_sched_run(pic->m, p, cpu), 0);
	nc_set_cpu(pic->m, cpu);
	return pic->tasks[pic->n++] = p;
}

/* A child of parent through sched_fork() .. wake_up_new_task(); its CPU,
 * and the one step its placement took in words. */
static unsigned int fork_child(struct picture *pic, struct task_struct *parent, const char *why)
{
	struct task_struct *c = malloc(sizeof(*c));
	char line[NC_SCHED_WHY_LEN];

	*c = *parent;                       /* dup_task_struct() */
	c->pid = (pid_t)(10 + pic->n);
	pic->tasks[pic->n++] = c;
	assert_int_equal(sched_fork(pic->m, 0, c), 0);
	assert_int_equal(sched_cgroup_fork(pic->m, c), 0);
	wake_up_new_task(pic->m, c);
	assert_int_equal(pic->why.nr, 1);
	nc_sched_why_line(line, sizeof(line), &pic->why.step[0]);
	assert_string_equal(line, why);
	return c->cpu;
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
	struct picture pic;
	struct task_struct *p;

	(void)state;
	picture_init(&pic, 4);
	run_at(&pic, 1, 80);
	run_at(&pic, 2, 0);
	p = run_at(&pic, 0, 50);
	assert_int_equal(fork_child(&pic, p, "rt: CPU 0 runs RT prio 50, CPU 2 runs at 0: move"), 2);
	assert_int_equal(fork_child(&pic, p, "rt: CPU 0 runs RT prio 50, CPU 3 runs at 0: move"), 3);
	/* RT tasks count on their queue but not in its cfs load */
	assert_int_equal(cpu_rq(pic.m, 2)->nr_running, 2);
	assert_int_equal(cpu_rq(pic.m, 2)->load, 1024);
	assert_int_equal(cpu_rq(pic.m, 1)->load, 0);
	picture_free(&pic);
}

/* Every other CPU runs FIFO 90: none below the FIFO-10 child, stay on CPU0. */
static void test_rt_fork_no_lower(void **state)
{
	struct picture pic;
	struct task_struct *p;

	(void)state;
	picture_init(&pic, 2);
	run_at(&pic, 1, 90);
	p = run_at(&pic, 0, 10);
	assert_int_equal(fork_child(&pic, p, "rt: CPU 0 runs RT prio 10, no CPU runs lower: stay"),
			 0);
	picture_free(&pic);
}

/*
 * The current of the forking CPU is not RT (the RT parent was queued
 * behind a fair task that runs): the child starts where it is, CPU0. An
 * exec stays where it is.
 */
static void test_rt_fork_preempts(void **state)
{
	struct picture pic;
	struct task_struct *p;

	(void)state;
	picture_init(&pic, 2);
	p = run_at(&pic, 0, 10);
	run_at(&pic, 0, 0);                 /* runs; the parent waits queued */
	assert_int_equal(fork_child(&pic, p, "rt: CPU 0's current lets the child preempt it: stay"),
			 0);
	assert_int_equal(select_task_rq_rt(pic.m, p, 1, WF_EXEC), 1);
	picture_free(&pic);
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

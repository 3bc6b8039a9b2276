// SPDX-License-Identifier: GPL-2.0-only
/*
 * What freeing reaped tasks after a grace period costs: ns per fork + exit
 * + reap on 2s4n when the parent sleeps in wait4() while the child runs
 * (its CPU switches: grace periods end as they go), against the same loop
 * when the parent never leaves its CPU (the model has no scheduling-clock
 * tick: its grace periods end when jiffies_to_sched_qs old, as the tick
 * would answer rcu_urgent_qs), and the task_structs each leaves waiting.
 */
#include <signal.h>             /* SIGCHLD: 17 for both */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/sched/core.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include "mm/slub.h"

/* ns since *t0 */
static double elapsed_ns(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e9 + (double)(t.tv_nsec - t0->tv_nsec);
}

/* The task with pid nr becomes current on its CPU, where the model goes on. */
static struct task_struct *switch_to(struct nc_machine *m, long nr)
{
	struct task_struct *t = pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);

	if (!t)
		exit(1);
	nc_set_cpu(m, t->cpu);
	return m->curr[t->cpu] = t;
}

static long live_task_structs(const struct nc_machine *m)
{
	const struct kmem_cache *s = m->slab->boot[NC_CACHE_TASK_STRUCT];

	return (long)(slab_stat_sum(m, s, ALLOC_FASTPATH) + slab_stat_sum(m, s, ALLOC_SLOWPATH)) -
	       (long)(slab_stat_sum(m, s, FREE_FASTPATH) + slab_stat_sum(m, s, FREE_SLOWPATH));
}

/* ns per fork + exit + reap; *waiting: task_structs still allocated at the
 * end beyond those the machine started with */
static double fork_exit_wait(bool parent_sleeps, long iters, long *waiting)
{
	struct nc_machine_config cfg = { .topology = "2s4n" };
	struct nc_machine *m = nc_machine_create(&cfg, NULL);
	struct task_struct *init;
	struct timespec t0;
	double ns;
	long live0;

	if (!m || nc_new_mm(m, init = switch_to(m, 1)))
		exit(1);
	live0 = live_task_structs(m);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < iters; i++) {
		long nr = sys_fork(m);

		if (parent_sleeps)
			nc_sched_sleep(m, init);         /* blocks in wait4() */
		switch_to(m, nr);
		kernel_exit(m, 0);
		if (parent_sleeps)
			nc_sched_wake(m, init);          /* SIGCHLD */
		switch_to(m, 1);
		if (kernel_wait4(m, (pid_t)nr, 0, 0, 0) != nr)
			exit(1);
	}
	ns = elapsed_ns(&t0) / (double)iters;
	*waiting = live_task_structs(m) - live0;
	nc_machine_destroy(m);
	return ns;
}

int main(void)
{
	const long iters = 20000;
	long w_sleeps, w_busy;
	double sleeps = fork_exit_wait(true, iters, &w_sleeps);
	double busy = fork_exit_wait(false, iters, &w_busy);

	printf("2s4n fork+exit+wait, %ld times: parent sleeps in wait4: %.0f ns/op, "
	       "%ld task_structs waiting at the end\n", iters, sleeps, w_sleeps);
	printf("parent never leaves its CPU: %.0f ns/op (%.2f), %ld task_structs waiting\n",
	       busy, busy / sleeps, w_busy);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * RCU's cost to the scheduler: ns per context switch (a task sleeping and
 * waking on its CPU, two switches) while no grace period runs, against the
 * same while one waits for the CPU the model executes on (the switches
 * drive the force-quiescent-state scans), and while it also waits for every
 * other CPU (each busy with a task of its own: the scans' worst case).
 */
#include <signal.h>             /* SIGCHLD: 17 for both */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/rcu/tree.h"
#include "kernel/sched/core.h"

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void noop_cb(struct nc_machine *m, struct rcu_head *head)
{
	(void)m;
	(void)head;
}

/* ns per switch of child: it sleeps and wakes, iters times */
static double switch_ns(struct nc_machine *m, struct task_struct *child, long iters)
{
	double t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		nc_sched_sleep(m, child);
		nc_sched_wake(m, child);
	}
	return (now_ns() - t0) / (double)(2 * iters);
}

static void bench_machine(const char *spec, long iters)
{
	struct nc_machine_config cfg = { .topology = spec };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	struct task_struct *init, *child, *busy;
	struct rcu_head head;
	double idle, waiting, all_busy;
	unsigned int n;

	if (!m) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
	n = m->topo->nr_cpu_ids;
	init = pid_task(find_pid_ns(1, m->init_pid_ns), PIDTYPE_PID);
	m->cpu = init->cpu;
	m->curr[m->cpu] = init;
	child = pid_task(find_pid_ns((pid_t)kernel_clone(m, &args), m->init_pid_ns), PIDTYPE_PID);
	if (!child || child->cpu == m->cpu) {
		fprintf(stderr, "bench: the child shares init's CPU\n");
		exit(1);
	}
	idle = switch_ns(m, child, iters);
	call_rcu(m, &head, noop_cb);
	waiting = switch_ns(m, child, iters);
	rcu_barrier(m);
	busy = calloc(n, sizeof(*busy));
	if (!busy)
		exit(1);
	for (unsigned int c = 0; c < n; c++)
		if (c != m->cpu && c != child->cpu) {
			cpumask_set_cpu(c, &busy[c].cpus_mask);
			nc_sched_run(m, &busy[c], c);
		}
	call_rcu(m, &head, noop_cb);
	all_busy = switch_ns(m, child, iters);
	printf("rcu %-7s %5u CPUs: switch %7.0f ns without a GP, %7.0f ns (%.2f) with one "
	       "waiting for 1 CPU, %7.0f ns (%.2f) for all\n", spec, n, idle, waiting,
	       waiting / idle, all_busy, all_busy / idle);
	rcu_barrier(m);
	for (unsigned int c = 0; c < n; c++)
		if (c != m->cpu && c != child->cpu)
			nc_sched_sleep(m, &busy[c]);
	nc_machine_destroy(m);
	free(busy);
}

int main(void)
{
	bench_machine("2x4", 200000);
	bench_machine("64x8", 20000);
	bench_machine("1024x8", 2000);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scheduler speed: the time to build the sched domains of machines from 8
 * to 2048 CPUs (sched_init_domains(), against booting the whole machine in
 * the same run), ns per fork placement (select_task_rq() with WF_FORK)
 * on a half-loaded 8 x 16 machine, with and without the steps explain
 * keeps, and ns per fork + exit + reap under --fork-node=parent and child.
 */
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
#include "kernel/sched/topology.h"

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static struct nc_machine *boot(const char *spec)
{
	struct nc_machine_config cfg = { .topology = spec };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);

	if (!m) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
	return m;
}

static void bench_build(const char *spec)
{
	double t0 = now_ns(), boot_ns, build_ns;
	struct nc_machine *m = boot(spec);

	boot_ns = now_ns() - t0;
	t0 = now_ns();
	if (sched_init_domains(m))
		exit(1);
	build_ns = now_ns() - t0;
	printf("domains %-8s %5u CPUs: build %10.0f us, whole boot %10.0f us (%.2f)\n", spec,
	       m->topo->nr_cpu_ids, build_ns / 1e3, boot_ns / 1e3, build_ns / boot_ns);
	nc_machine_destroy(m);
}

static void bench_fork(long iters)
{
	struct nc_machine *m = boot("8x16");
	struct task_struct *tasks[64] = { 0 }, child = { 0 };
	struct nc_sched_why why;
	double t0, plain;
	unsigned long sum = 0;

	for (int i = 0; i < 64; i++) {
		tasks[i] = calloc(1, sizeof(*tasks[i]));
		tasks[i]->se_load_weight = 1024;
		tasks[i]->prio = tasks[i]->static_prio = tasks[i]->normal_prio = 120; /* nice 0 */
		for (unsigned int c = 0; c < 128; c++)
			cpumask_set_cpu(c, &tasks[i]->cpus_mask);
		nc_sched_run(m, tasks[i], (unsigned int)(i * 2));
	}
	child = *tasks[0];
	child.numa_preferred_nid = -1;
	sched_fork(m, 0, &child);
	t0 = now_ns();
	for (long i = 0; i < iters; i++)
		sum += select_task_rq(m, &child, 0, WF_FORK);
	plain = (now_ns() - t0) / (double)iters;
	m->sched->why = &why;                /* as explain keeps the steps */
	t0 = now_ns();
	for (long i = 0; i < iters; i++)
		sum += select_task_rq(m, &child, 0, WF_FORK);
	t0 = (now_ns() - t0) / (double)iters;
	m->sched->why = NULL;
	printf("fork placement on 8x16, 64 busy CPUs: %.0f ns/op, saying why %.0f ns/op "
	       "(%.2f) (checksum %lu)\n", plain, t0, t0 / plain, sum);
	for (int i = 0; i < 64; i++) {
		nc_sched_exit(m, tasks[i]);
		free(tasks[i]);
	}
	nc_machine_destroy(m);
}

/* ns per fork + exit + reap through the modelled calls on 2s4n */
static double fork_exit_wait(enum nc_fork_node fork_node, long iters)
{
	struct nc_machine_config cfg = { .topology = "2s4n", .fork_node = fork_node };
	struct nc_machine *m = nc_machine_create(&cfg, NULL);
	struct task_struct *init;
	double t0;

	if (!m)
		exit(1);
	init = pid_task(find_pid_ns(1, m->init_pid_ns), PIDTYPE_PID);
	m->curr[m->cpu] = init;
	if (nc_new_mm(m, init))
		exit(1);
	t0 = now_ns();
	for (long i = 0; i < iters; i++) {
		long nr = sys_fork(m);
		struct task_struct *child = pid_task(find_pid_ns((int)nr, m->init_pid_ns),
						     PIDTYPE_PID);

		m->cpu = child->cpu;
		m->curr[m->cpu] = child;
		kernel_exit(m, 0);
		m->cpu = init->cpu;
		m->curr[m->cpu] = init;
		if (kernel_wait4(m, (pid_t)nr, 0, 0, 0) != nr)
			exit(1);
	}
	t0 = (now_ns() - t0) / (double)iters;
	nc_machine_destroy(m);
	return t0;
}

static void bench_fork_path(long iters)
{
	double kernel = fork_exit_wait(NC_FORK_NODE_PARENT, iters);
	double child = fork_exit_wait(NC_FORK_NODE_CHILD, iters);

	printf("fork+exit+wait on 2s4n: %.0f ns/op, --fork-node=child %.0f ns/op (%.2f)\n",
	       kernel, child, child / kernel);
}

int main(void)
{
	bench_build("2x4");
	bench_build("8x16");
	bench_build("64x32");
	bench_fork(20000);
	bench_fork_path(20000);
	return 0;
}

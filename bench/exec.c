// SPDX-License-Identifier: GPL-2.0-only
/*
 * exec speed (fs/exec.c): ns per fork + exec + exit + reap on 2s4n against
 * fork + exit + reap in the same run (the exec's share: sched_exec()'s
 * walk, the new mm, the handler reset), and ns per exec from a thread of
 * a group of 2, 8 and 32 (de_thread() kills and reaps the others).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "fs/exec.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "mm/mmap.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"

static const char *const argv[] = { "cmd", NULL };

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static struct task_struct *run_as(struct nc_machine *m, long nr)
{
	struct task_struct *t = pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);

	if (!t)
		exit(1);
	m->cpu = t->cpu;
	m->curr[m->cpu] = t;
	return t;
}

static struct nc_machine *boot(void)
{
	struct nc_machine_config cfg = { .topology = "2s4n" };
	struct nc_machine *m = nc_machine_create(&cfg, NULL);

	if (!m || nc_new_mm(m, run_as(m, 1)))
		exit(1);
	return m;
}

/* ns per fork (+ exec) + exit + reap */
static double fork_exit_wait(bool exec, long iters)
{
	struct nc_machine *m = boot();
	double t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		long nr = sys_fork(m);

		run_as(m, nr);
		if (exec && kernel_execve(m, "/bin/cmd", argv, NULL))
			exit(1);
		kernel_exit(m, 0);
		run_as(m, 1);
		if (kernel_wait4(m, (pid_t)nr, 0, 0, 0) != nr)
			exit(1);
	}
	t0 = (now_ns() - t0) / (double)iters;
	nc_machine_destroy(m);
	return t0;
}

/* ns per exec from the last thread of a group of n, its setup excluded */
static double thread_exec(int n, long iters)
{
	struct nc_machine *m = boot();
	struct kernel_clone_args proc = { .exit_signal = SIGCHLD }, thread = {
		.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD,
	};
	double total = 0;

	for (long i = 0; i < iters; i++) {
		long nr = kernel_clone(m, &proc), tid = nr;
		double t0;

		run_as(m, nr);
		for (int k = 1; k < n; k++)
			tid = kernel_clone(m, &thread);
		run_as(m, tid);
		t0 = now_ns();
		if (kernel_execve(m, "/bin/cmd", argv, NULL))
			exit(1);
		total += now_ns() - t0;
		kernel_exit(m, 0);
		run_as(m, 1);
		if (kernel_wait4(m, (pid_t)nr, 0, 0, 0) != nr)
			exit(1);
	}
	nc_machine_destroy(m);
	return total / (double)iters;
}

int main(void)
{
	double fork = fork_exit_wait(false, 20000), exec = fork_exit_wait(true, 20000);

	printf("2s4n fork+exit+wait: %.0f ns/op; with an exec: %.0f ns/op (%.2f)\n", fork, exec,
	       exec / fork);
	for (int n = 2; n <= 64; n *= 4) {
		double t = thread_exec(n, 2000);

		printf("exec from a thread of %2d: %.0f ns/op (%.2f of a fork+exit+wait)\n", n, t,
		       t / fork);
	}
	return 0;
}

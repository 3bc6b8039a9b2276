// SPDX-License-Identifier: GPL-2.0-only
/*
 * What a new pid namespace costs: ns per process that unshare()s
 * CLONE_NEWPID, forks its namespace's init and reaps it (then exits and
 * is reaped), against the same process without the unshare(), in the
 * model on 2s4n and on the host (root only, else its figures are left
 * out), each measured in the same run; and the nsproxy and pid_namespace
 * objects left waiting for grace periods at the end.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>             /* SIGCHLD: 17 for both */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
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

/* The task with pid nr (as its parent sees it) becomes current on its CPU. */
static void switch_to(struct nc_machine *m, long nr)
{
	struct task_struct *t = pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);

	if (!t)
		exit(1);
	nc_set_cpu(m, t->cpu);
	m->curr[t->cpu] = t;
}

static long live(const struct nc_machine *m, enum nc_boot_cache id)
{
	const struct kmem_cache *s = m->slab->boot[id];

	return (long)(slab_stat_sum(m, s, ALLOC_FASTPATH) + slab_stat_sum(m, s, ALLOC_SLOWPATH)) -
	       (long)(slab_stat_sum(m, s, FREE_FASTPATH) + slab_stat_sum(m, s, FREE_SLOWPATH));
}

/* ns per process: fork, [unshare], fork its child, exit, reap both */
static double model(unsigned long flags, long iters, long *nsproxies, long *pid_nses)
{
	struct nc_machine_config cfg = { .topology = "2s4n" };
	struct nc_machine *m = nc_machine_create(&cfg, NULL);
	struct timespec t0;
	long nsp0, pidns0;
	double ns;

	if (!m)
		exit(1);
	switch_to(m, 1);
	if (nc_new_mm(m, nc_current(m)))
		exit(1);
	nsp0 = live(m, NC_CACHE_NSPROXY);
	pidns0 = live(m, NC_CACHE_PID_NS);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < iters; i++) {
		long proc = sys_fork(m), child;

		switch_to(m, proc);
		if (flags && ksys_unshare(m, flags))
			exit(1);
		child = sys_fork(m);
		switch_to(m, child);
		kernel_exit(m, 0);
		switch_to(m, proc);
		if (kernel_wait4(m, (pid_t)child, 0, 0, 0) != child)
			exit(1);
		kernel_exit(m, 0);
		switch_to(m, 1);
		if (kernel_wait4(m, (pid_t)proc, 0, 0, 0) != proc)
			exit(1);
	}
	ns = elapsed_ns(&t0) / (double)iters;
	*nsproxies = live(m, NC_CACHE_NSPROXY) - nsp0;
	*pid_nses = live(m, NC_CACHE_PID_NS) - pidns0;
	nc_machine_destroy(m);
	return ns;
}

/* The same on the host; < 0 if this host refuses the unshare() */
static double host(unsigned long flags, long iters)
{
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < iters; i++) {
		int status = 0;
		pid_t proc = fork();

		if (proc == 0) {
			pid_t child;

			if (flags && syscall(SYS_unshare, flags))
				_exit(1);
			child = fork();
			if (child == 0)
				_exit(0);
			syscall(SYS_wait4, child, NULL, 0, NULL);
			_exit(0);
		}
		syscall(SYS_wait4, proc, &status, 0, NULL);
		if (status)
			return -1;
	}
	return elapsed_ns(&t0) / (double)iters;
}

int main(void)
{
	const long iters = 5000, host_iters = 300;
	long nsp, pidns, nsp_plain, pidns_plain;
	double with = model(CLONE_NEWPID, iters, &nsp, &pidns);
	double without = model(0, iters, &nsp_plain, &pidns_plain);
	double h_with = host(CLONE_NEWPID, host_iters), h_without = host(0, host_iters);

	printf("2s4n, %ld processes each forking a child: with unshare(CLONE_NEWPID) "
	       "%.0f ns/process, without %.0f (x%.2f)\n", iters, with, without, with / without);
	printf("waiting at the end: %ld nsproxy, %ld pid_namespace (without: %ld, %ld)\n",
	       nsp, pidns, nsp_plain, pidns_plain);
	if (h_with < 0)
		printf("host: unshare(CLONE_NEWPID) refused, host figures left out\n");
	else
		printf("host, %ld processes: with %.0f ns/process, without %.0f (x%.2f); "
		       "model faster by x%.0f and x%.0f\n", host_iters, h_with, h_without,
		       h_with / h_without, h_with / with, h_without / without);
	return 0;
}

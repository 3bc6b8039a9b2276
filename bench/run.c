// SPDX-License-Identifier: GPL-2.0-only
/*
 * `numaclone run` speed: the wall time of the default run (boot, prefork,
 * report), and one modelled fork + exit + wait4 against the host's real
 * fork() + _exit() + waitpid() measured in the same run (the goal: the
 * model at least 100 times faster).
 */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>             /* SIGCHLD is 17 for both */
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernel/exit.h"
#include "lib/err.h"
#include "workload/report.h"
#include "workload/run.h"

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void start(struct nc_run *r, struct nc_run_opts *o, const char *workload)
{
	struct nc_error err;

	nc_run_opts_init(o);
	if ((workload && nc_workload_parse(workload, &o->workload, &err)) ||
	    nc_run_start(r, o, &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
}

static double default_run_ns(int runs)
{
	FILE *sink = fopen("/dev/null", "w");
	struct nc_run_opts o;
	struct nc_run r;
	double t0 = now_ns();

	for (int i = 0; i < runs; i++) {
		start(&r, &o, NULL);
		if (!sink || nc_report_text(sink, &r))
			exit(1);
		nc_run_end(&r);
	}
	fclose(sink);
	return (now_ns() - t0) / runs;
}

/* The first task of a small run forks a child that exits at once, and
 * reaps it. */
static double model_fork_ns(long iters)
{
	struct nc_run_opts o;
	struct nc_run r;
	struct task_struct *parent;
	double t0;

	start(&r, &o, "prefork:workers=1,mem=4K");
	parent = r.wl.first;
	t0 = now_ns();
	for (long i = 0; i < iters; i++) {
		struct task_struct *child;

		nc_wl_switch(&r.wl, parent);
		child = nc_wl_clone(&r.wl, 0, SIGCHLD);
		if (IS_ERR(child))
			exit(1);
		nc_wl_switch(&r.wl, child);
		nc_wl_exit(&r.wl, 0);
		nc_wl_switch(&r.wl, parent);
		if (nc_wl_wait(&r.wl) <= 0)
			exit(1);
		r.wl.nr_rec = 0;             /* keep the record array small */
	}
	t0 = (now_ns() - t0) / (double)iters;
	nc_run_end(&r);
	return t0;
}

static double host_fork_ns(long iters)
{
	double t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid < 0 || waitpid(pid, NULL, 0) != pid)
			exit(1);
	}
	return (now_ns() - t0) / (double)iters;
}

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 2000;
	double run_ns = default_run_ns(10), model = model_fork_ns(iters * 10),
	       host = host_fork_ns(iters);

	printf("run (default: prefork on 2s4n, with the report): %8.2f ms\n", run_ns / 1e6);
	printf("fork+exit+wait: model %8.0f ns, host %8.0f ns: model %.1fx faster\n", model,
	       host, host / model);
	return 0;
}

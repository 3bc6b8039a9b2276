// SPDX-License-Identifier: GPL-2.0-only
/*
 * Many live modelled threads: one process clones N threads (the flags
 * glibc's pthread_create() passes) and keeps them all alive, then the host
 * memory the model holds (peak resident set) is printed per thread and
 * extrapolated to a million (the goal: 1M live threads in under 10 GB).
 * Usage: bench/threads [N]   (default 1000000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <numaclone/numaclone.h>
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "uapi/linux/sched.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* VmHWM of /proc/self/status (getrusage's header clashes with the
 * model's RLIMIT_* names) */
static long peak_rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = 0;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmHWM:", 6))
			kb = strtol(line + 6, NULL, 10);
	if (f)
		fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	/* 1024 CPUs make pid_max 1M (1024 pids a CPU); 512 GiB of memory
	 * lets max_threads pass a million */
	struct nc_machine_config cfg = { .topology = "8x128:64G" };
	struct kernel_clone_args args = {
		.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			 CLONE_SYSVSEM,
	};
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000, made = 0;
	struct nc_error err;
	struct nc_machine *m;
	long base, rss;
	double t0;

	m = nc_machine_create(&cfg, &err);
	if (!m) {
		fprintf(stderr, "threads: %s\n", err.msg);
		return 1;
	}
	base = peak_rss_kb();
	/* the threads belong to init's child, as a user program's would */
	m->curr[m->cpu] = pid_task(find_pid_ns(1, m->init_pid_ns), PIDTYPE_PID);
	t0 = now_s();
	for (; made < n; made++) {
		long nr = kernel_clone(m, &args);

		if (nr < 0) {
			fprintf(stderr, "threads: clone %lu failed: %ld\n", made + 1, nr);
			break;
		}
	}
	rss = peak_rss_kb() - base;
	printf("%lu live threads in %.2f s: %.0f bytes of host memory each; "
	       "1M threads: %.2f GB (goal < 10 GB)\n", made, now_s() - t0,
	       made ? rss * 1024.0 / (double)made : 0.0,
	       made ? rss * 1024.0 / (double)made * 1e6 / 1e9 : 0.0);
	nc_machine_destroy(m);
	return made == n ? 0 : 1;
}

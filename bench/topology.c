// SPDX-License-Identifier: GPL-2.0-only
/*
 * Booting and destroying big machines: a 1024-node x 8-CPU topology (the
 * MAX_NUMNODES and NR_CPUS limits at once; the goal is well under half a
 * second) and 64 nodes of 256 GiB (16 TiB that must cost the host nothing
 * until used), with 256x8 and 64x8 for the growth between. Prints the
 * mean time of create+destroy over several runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <numaclone/numaclone.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int bench(const char *spec, int runs)
{
	struct nc_machine_config cfg = { .topology = spec };
	double start = now();

	for (int i = 0; i < runs; i++) {
		struct nc_error err;
		struct nc_machine *m = nc_machine_create(&cfg, &err);

		if (!m) {
			fprintf(stderr, "%s: %s\n", spec, err.msg);
			return 1;
		}
		nc_machine_destroy(m);
	}
	printf("%-12s create+destroy %9.3f ms (mean of %d)\n", spec,
	       (now() - start) * 1e3 / runs, runs);
	return 0;
}

int main(void)
{
	/* 64x8 and 256x8 show how the boot grows toward 1024x8 */
	return bench("1024x8", 10) | bench("256x8", 10) | bench("64x8", 20) |
	       bench("64x1:256G", 10) | bench("2s4n", 100);
}

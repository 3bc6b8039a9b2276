/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libnumaclone: an executable user-space model of Linux v6.12 task creation
 * on NUMA machines. This is the public API; everything else is internal.
 * A program may run several machines at once: all state hangs off one
 * struct nc_machine, and nothing is global.
 */
#ifndef NUMACLONE_NUMACLONE_H
#define NUMACLONE_NUMACLONE_H

#include <stdio.h>

struct nc_machine;

/* Where a library call explains why it failed: one line, naming the input. */
struct nc_error {
	char msg[512];
};

/* How to build a machine. Zero-initialise, then set what you need. */
struct nc_machine_config {
	const char *topology;   /* --topology SPEC; NULL means the default "2s4n" */
	const char *distance;   /* --distance for compact specs; may be NULL */
	unsigned long long seed;/* seeds every place the kernel uses a cycle counter */
};

#define NC_DEFAULT_TOPOLOGY "2s4n"

const char *nc_version(void);

/* Boots a machine (the model of start_kernel()); NULL and *err on failure. */
struct nc_machine *nc_machine_create(const struct nc_machine_config *cfg,
				     struct nc_error *err);
void nc_machine_destroy(struct nc_machine *m);

#endif

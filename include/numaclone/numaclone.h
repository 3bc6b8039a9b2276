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

/* What-if placement on the fork path; zero is what v6.12 does. */
enum nc_fork_node { NC_FORK_NODE_PARENT = 0, NC_FORK_NODE_CHILD };
enum nc_stack_cache { NC_STACK_CACHE_KERNEL = 0, NC_STACK_CACHE_NODE_AWARE };

/* How to build a machine. Zero-initialise, then set what you need. */
struct nc_machine_config {
	const char *topology;   /* --topology SPEC; NULL means the default "2s4n" */
	const char *distance;   /* --distance for compact specs; may be NULL */
	unsigned long long seed;/* seeds every place the kernel uses a cycle counter */
	enum nc_fork_node fork_node;     /* --fork-node=parent|child */
	enum nc_stack_cache stack_cache; /* --stack-cache=kernel|node-aware */
};

#define NC_DEFAULT_TOPOLOGY "2s4n"

const char *nc_version(void);

/* Sets one what-if choice from its option words ("fork-node", "child");
 * 0, or -1 with *err naming the word it does not know. */
int nc_whatif_parse(struct nc_machine_config *cfg, const char *name,
		    const char *value, struct nc_error *err);

/* Boots a machine (the model of start_kernel()); NULL and *err on failure. */
struct nc_machine *nc_machine_create(const struct nc_machine_config *cfg,
				     struct nc_error *err);
void nc_machine_destroy(struct nc_machine *m);

#endif

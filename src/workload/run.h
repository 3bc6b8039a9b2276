/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One run: boot a machine, give the workload's first task numactl's
 * policy and CPU binding, run a built-in workload (or an strace-syntax
 * script through the replay engine) and keep the machine for the report.
 * Same options, same machine state, byte for byte.
 */
#ifndef NC_WORKLOAD_RUN_H
#define NC_WORKLOAD_RUN_H

#include <stdio.h>

#include <numaclone/numaclone.h>
#include "trace/trace.h"
#include "workload/workload.h"

#define NC_RUN_DEFAULT_WORKLOAD "prefork"

struct nc_run_opts {
	struct nc_machine_config cfg;
	struct nc_workload workload;     /* run when script is NULL */
	const char *script;              /* an strace-syntax file to replay: its
					    first process inherits the setup
					    from init; without --topology the
					    script's "#! topology" or host */
	/* numactl's options, in numactl's spelling, resolved on the machine */
	int mode;                        /* MPOL_* of the policy option, or -1 */
	const char *mode_option;         /* its name, for messages */
	const char *nodes;               /* its node string (NULL for --localalloc) */
	const char *cpunodebind, *physcpubind;
	FILE *trace;                     /* --trace: written after the run */
	const char *trace_events;
	enum nc_trace_format trace_format;
};

#define NC_FORK_CACHES 9

struct nc_run {
	const struct nc_run_opts *opts;
	struct nc_machine *m;
	struct nc_wl wl;
	struct nc_wl_setup setup;        /* the first task's, resolved */
	char workload[128];              /* "prefork:workers=16,mem=1M" or the script */
	/* SLUB alloc fast path, slow path and node mismatch counts of the fork
	 * caches before the workload ran */
	unsigned long slub_before[NC_FORK_CACHES][3];
};

/* Clears o: default workload, no policy, no binding. */
void nc_run_opts_init(struct nc_run_opts *o);
/* Runs; on success the machine stays up in r->m until nc_run_end().
 * 0, or -errno with *err naming the input. */
int nc_run_start(struct nc_run *r, const struct nc_run_opts *o, struct nc_error *err);
void nc_run_end(struct nc_run *r);

#endif

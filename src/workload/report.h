/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The report of a run, for 80 columns: per node the task_structs, kernel
 * stack pages and user pages held; for the tasks the workload created, how
 * many of their task_structs, stack pages and user pages are on another
 * node than the CPU they first ran on, and the mean SLIT distance; the
 * SLUB fast/slow path and node-mismatch counts of the fork caches during
 * the workload; numastat. The same as one JSON document, as a list of
 * figures two runs are compared by, and the kernel's own files (--show).
 */
#ifndef NC_WORKLOAD_REPORT_H
#define NC_WORKLOAD_REPORT_H

#include <stdio.h>

#include "workload/run.h"

/* The caches fork allocates from, as /proc/slabinfo names them. */
extern const char *const nc_fork_caches[NC_FORK_CACHES];

/* Notes the fork caches' counters before the workload runs. */
void nc_report_snapshot(struct nc_run *r);
/* The report; 0 or -ENOMEM. */
int nc_report_text(FILE *out, const struct nc_run *r);
int nc_report_json(FILE *out, const struct nc_run *r);
/* what is a comma-separated list of numastat, slabinfo, numa_maps, tasks
 * and paths in the model's /proc and /sys (fs/proc/nc_procfs.h): each
 * printed in the kernel's (or numastat's) format, in the list's order, a
 * path after a "==> PATH <==" line as head prints several files. 0,
 * -EINVAL with *err for an unknown name, -ENOENT (or -ENOTDIR,
 * -ENAMETOOLONG) with *err for a path the model does not have, naming it
 * and its offset, before anything is printed; or -ENOMEM. */
int nc_report_show(FILE *out, const struct nc_run *r, const char *what,
		   struct nc_error *err);
/* The same for a machine without a run (replay): numastat, slabinfo and
 * paths only. */
int nc_report_show_machine(FILE *out, struct nc_machine *m, const char *what,
			   struct nc_error *err);
/* Check a --show list's names (paths are checked when shown), for run
 * and for a machine without a run. */
int nc_report_show_check(const char *what, struct nc_error *err);
int nc_report_show_machine_check(const char *what, struct nc_error *err);
/* Two runs' figures side by side, the differing ones marked with '*'. */
int nc_report_compare(FILE *out, const struct nc_run *a, const char *name_a,
		      const struct nc_run *b, const char *name_b);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The decision record of every created task: what the fork path asked
 * for and why, and what SLUB, the page allocator and the scheduler did,
 * kept after the task exits and is reaped (the newest record wins when a
 * pid is reused). kernel_clone() fills it as it goes.
 */
#ifndef NC_KERNEL_EXPLAIN_H
#define NC_KERNEL_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "kernel/fork_whatif.h"
#include "kernel/sched/sched.h"

#define NC_EXPLAIN_STACK_PAGES 4        /* THREAD_SIZE / PAGE_SIZE */

/* SLUB's path for the task_struct object, from its per-CPU counters */
enum nc_slub_path {
	NC_SLUB_FASTPATH,                 /* the cpu slab's freelist */
	NC_SLUB_REFILL,                   /* the cpu slab, its freelist reloaded */
	NC_SLUB_CPU_PARTIAL,              /* a slab from the per-CPU partial list */
	NC_SLUB_NODE_PARTIAL,             /* a slab from a node's partial list */
	NC_SLUB_NEW_SLAB,                 /* a new slab from the page allocator */
};

struct nc_fork_record {
	pid_t pid, tgid, ppid;
	char comm[16];
	uint64_t clone_flags;
	unsigned int flags;               /* the child's PF_* */
	unsigned int parent_cpu;          /* where copy_process() ran */
	char policy[64];                  /* the parent's policy, as numa_maps shows it */

	int ts_node_requested;            /* the node dup_task_struct() passed */
	enum nc_node_why ts_why;
	enum nc_slub_path slub_path;
	bool node_mismatch;               /* the cpu slab was on another node */
	int ts_node;                      /* the object's node */

	bool stack_cached;                /* from parent_cpu's cache of two */
	int stack_node_requested;
	int stack_nodes[NC_EXPLAIN_STACK_PAGES];

	unsigned int first_cpu;
	struct nc_sched_why sched;        /* the scheduler's steps */
};

/* Keeps the records on m; 0 or -ENOMEM. Without it nothing is recorded. */
int nc_explain_init(struct nc_machine *m);
void nc_explain_exit(struct nc_machine *m);

/* kernel_clone()'s calls: a record opens, the fork path adds to it, and it
 * is kept for the child or dropped if the fork fails. */
void nc_explain_begin(struct nc_machine *m);
void nc_explain_ts_node(struct nc_machine *m, int node, enum nc_node_why why);
/* the running CPU's task_struct cache counters before the allocation */
void nc_explain_slub_before(struct nc_machine *m);
void nc_explain_slub_after(struct nc_machine *m, const struct task_struct *tsk);
void nc_explain_stack(struct nc_machine *m, int node, bool cached);
void nc_explain_commit(struct nc_machine *m, const struct task_struct *p, uint64_t clone_flags);
void nc_explain_abort(struct nc_machine *m);

/* The newest record for pid, or NULL. */
const struct nc_fork_record *nc_fork_record(const struct nc_machine *m, int pid);
/* All records, oldest first: the number, and the i-th. */
size_t nc_fork_nr_records(const struct nc_machine *m);
const struct nc_fork_record *nc_fork_record_at(const struct nc_machine *m, size_t i);
/* Prints pid's decision chain, one decision a line in 80 columns; 0, or
 * -ESRCH if no task with that pid was created. */
int nc_explain_task(FILE *out, const struct nc_machine *m, int pid);

#endif

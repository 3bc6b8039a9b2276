/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What-if placement on the fork path: each placement decision of
 * dup_task_struct() and wake_up_new_task() is one function here, whose
 * default (all-zero configuration) is what v6.12 does.
 */
#ifndef NC_KERNEL_FORK_WHATIF_H
#define NC_KERNEL_FORK_WHATIF_H

#include <stdbool.h>

#include <numaclone/numaclone.h>

#include "arch/machine.h"
#include "arch/task.h"

struct thread_stack;

struct nc_whatif {
	enum nc_fork_node fork_node;
	enum nc_stack_cache stack_cache;
};

/* Keeps the configuration's choices on the machine; 0 or -ENOMEM. A
 * machine without them (m->whatif NULL) does what the kernel does. */
int nc_whatif_init(struct nc_machine *m, const struct nc_machine_config *cfg);
void nc_whatif_exit(struct nc_machine *m);

/* Why the task_struct was asked for on the node it was. */
enum nc_node_why {
	NC_NODE_WHY_NONE,                 /* NUMA_NO_NODE: SLUB and the policy decide */
	NC_NODE_WHY_CALLER,               /* kthreadd's pref_node_fork or the caller's node */
	NC_NODE_WHY_CHILD_CPU,            /* --fork-node=child: the child's first CPU's node */
};

/* Hook (a), in dup_task_struct(): the node for the task_struct and the
 * stack. The kernel's is the caller's node, else tsk_fork_get_node();
 * with --fork-node=child a node left open becomes that of the CPU
 * select_task_rq(WF_FORK) would give the child now, kept in *first_cpu
 * (CPU + 1; 0 when no CPU was chosen) for hook (c). */
int nc_fork_task_node(struct nc_machine *m, const struct task_struct *orig, int node,
		      unsigned int *first_cpu, enum nc_node_why *why);

/* Hook (b), in alloc_thread_stack_node(): may the cached stack s serve a
 * stack wanted on node? The kernel's answer is always yes; node-aware
 * wants every page on node (the local node when node is NUMA_NO_NODE). */
bool nc_fork_stack_cache_ok(const struct nc_machine *m, const struct thread_stack *s, int node);

/* Hook (c), in wake_up_new_task(): the child's first CPU, that is
 * select_task_rq() with WF_FORK from task_cpu(p), or the CPU hook (a)
 * chose if p may still run there. */
unsigned int nc_fork_first_cpu(struct nc_machine *m, struct task_struct *p);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The core scheduler (kernel/sched/core.c): booting the run queues, a new
 * task's first CPU, the affinity system calls, and the simulator's way of
 * saying which task runs, waits or sleeps.
 */
#ifndef NC_KERNEL_SCHED_CORE_H
#define NC_KERNEL_SCHED_CORE_H

#include <sys/types.h>

#include "arch/task.h"
#include "kernel/sched/sched.h"

/* models kernel/sched/core.c:sched_init(): run queues for every CPU, all
 * idle. 0 or -ENOMEM. Domains come with sched_init_smp(). */
int sched_init(struct nc_machine *m);
void nc_sched_destroy(struct nc_machine *m);
/* models kernel/sched/core.c:sched_init_smp() once rest_init() has forked
 * init and kthreadd: builds the domains, pins the boot idle task to its
 * CPU and lets init (pid 1) and kthreadd (pid 2) run on every CPU */
int sched_init_smp(struct nc_machine *m);

/* models kernel/sched/core.c:sched_fork(): p is TASK_NEW on the running
 * CPU; a child without CLONE_VM forgets the NUMA preferred node */
int sched_fork(struct nc_machine *m, unsigned long clone_flags, struct task_struct *p);
/* models kernel/sched/core.c:wake_up_new_task(): picks p's first CPU
 * (select_task_rq with WF_FORK) and queues it there */
void wake_up_new_task(struct nc_machine *m, struct task_struct *p);
/* models kernel/sched/core.c:select_task_rq() */
unsigned int select_task_rq(struct nc_machine *m, struct task_struct *p, unsigned int cpu,
			    int wake_flags);

/* The workload's word on task states: p runs on cpu (the task running
 * there before stays queued), p sleeps (leaves its queue), p wakes on its
 * CPU (queued; an idle CPU runs it), p exits. */
int nc_sched_run(struct nc_machine *m, struct task_struct *p, unsigned int cpu);
void nc_sched_sleep(struct nc_machine *m, struct task_struct *p);
void nc_sched_wake(struct nc_machine *m, struct task_struct *p);
void nc_sched_exit(struct nc_machine *m, struct task_struct *p);

/* models kernel/sched/core.c:__set_cpus_allowed_ptr() with
 * affine_move_task(): a task off its new CPUs moves to one of them (the
 * caller, moved, continues there); 0 or -EINVAL */
int __set_cpus_allowed_ptr(struct nc_machine *m, struct task_struct *p, const cpumask_t *new);

#endif

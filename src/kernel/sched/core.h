/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The core scheduler (kernel/sched/core.c): booting the run queues, a new
 * task's first CPU, the affinity system calls, and the simulator's way of
 * saying which task runs, waits or sleeps.
 */
#ifndef NC_KERNEL_SCHED_CORE_H
#define NC_KERNEL_SCHED_CORE_H

#include <stddef.h>
#include <sys/types.h>

#include "arch/task.h"
#include "kernel/sched/sched.h"

/* models kernel/sched/core.c:sched_init(): run queues for every CPU, all
 * idle. 0 or -ENOMEM. Domains come with sched_init_smp(). */
int sched_init(struct nc_machine *m);
void nc_sched_destroy(struct nc_machine *m);
/* models kernel/sched/core.c:init_idle(): idle becomes cpu's idle task,
 * running there and pinned there (sched_init() for the boot task,
 * fork_idle() for the others) */
void init_idle(struct nc_machine *m, struct task_struct *idle, unsigned int cpu);
/* models kernel/sched/core.c:sched_init_smp() once rest_init() has forked
 * init and kthreadd: builds the domains, lets init (pid 1) and kthreadd
 * (pid 2) run on every CPU and puts them to sleep */
int sched_init_smp(struct nc_machine *m);

/* models kernel/sched/core.c:sched_fork(): p is TASK_NEW, off any queue,
 * at its parent's normal priority (sched_reset_on_fork: SCHED_NORMAL, nice
 * not below 0); a child without CLONE_VM forgets the NUMA preferred node.
 * -EAGAIN for a deadline task. */
int sched_fork(struct nc_machine *m, unsigned long clone_flags, struct task_struct *p);
/* models kernel/sched/core.c:sched_cgroup_fork(): p's CPU is the running
 * one until wake_up_new_task() chooses (cgroups left out); 0 */
int sched_cgroup_fork(struct nc_machine *m, struct task_struct *p);
/* models kernel/sched/core.c:wake_up_new_task(): picks p's first CPU
 * (nc_fork_first_cpu(): select_task_rq with WF_FORK unless a what-if says
 * otherwise), queues it there and fires sched_wakeup_new */
void wake_up_new_task(struct nc_machine *m, struct task_struct *p);
/* Adds a step to the placement's why, if one is kept (m->sched->why). */
void nc_sched_why(struct nc_machine *m, const struct nc_sched_step *step);
/* The step in words, as explain prints it (cut to size - 1, explain's
 * size is NC_SCHED_WHY_LEN). */
void nc_sched_why_line(char *line, size_t size, const struct nc_sched_step *step);
/* models kernel/sched/core.c:set_load_weight() without update_load: p's
 * weight from its nice value (3 for SCHED_IDLE); a queued caller brackets
 * it with nc_sched_dequeue_save()/nc_sched_enqueue_restore() */
void set_load_weight(struct task_struct *p);
/* models dequeue_task(DEQUEUE_SAVE) and enqueue_task(ENQUEUE_RESTORE) around
 * a change of p's weight, priority or policy: if queued, its queue's sums
 * lose p, then count it again as it has become */
void nc_sched_dequeue_save(struct task_struct *p);
void nc_sched_enqueue_restore(struct task_struct *p);
/* models kernel/sched/fair.c's sysctl_sched_base_slice as update_sysctl()
 * scales it: 0.7 ms times 1 + ilog2(active CPUs, at most 8), in ns */
unsigned long long sysctl_sched_base_slice(const struct nc_machine *m);
/* models lib/cpumask.c:cpumask_any_and_distribute(): the next CPU of a & b
 * after the last one the running CPU handed out, wrapping; nr_cpu_ids if none */
unsigned int cpumask_any_and_distribute(struct nc_machine *m, const unsigned long *a,
					const unsigned long *b);

/* models kernel/sched/core.c:sched_exec(): current moves to the CPU WF_EXEC
 * balancing picks (the running CPU follows it) */
void sched_exec(struct nc_machine *m);
/* models kernel/sched/core.c:select_task_rq() */
unsigned int select_task_rq(struct nc_machine *m, struct task_struct *p, unsigned int cpu,
			    int wake_flags);

/* The workload's word on task states: p runs on cpu (the task running
 * there before stays queued), p sleeps (leaves its queue), p wakes on its
 * CPU (queued; an idle CPU runs it), p exits (do_task_dead(): off its
 * queue, and the CPU it dies on runs something else). */
int nc_sched_run(struct nc_machine *m, struct task_struct *p, unsigned int cpu);
/* The running CPU's current task p is on that CPU's queue, as the kernel
 * keeps it: for callers that made p current (or moved it) by hand. */
void nc_sched_running(struct nc_machine *m, struct task_struct *p);
void nc_sched_sleep(struct nc_machine *m, struct task_struct *p);
void nc_sched_wake(struct nc_machine *m, struct task_struct *p);
void nc_sched_exit(struct nc_machine *m, struct task_struct *p);

/* models kernel/sched/core.c:__set_cpus_allowed_ptr() with
 * affine_move_task(): a task off its new CPUs moves to one of them (the
 * caller, moved, continues there); 0 or -EINVAL */
int __set_cpus_allowed_ptr(struct nc_machine *m, struct task_struct *p, const cpumask_t *new);

#endif

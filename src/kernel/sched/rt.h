/* SPDX-License-Identifier: GPL-2.0-only */
/* The real-time class's choice of a CPU for a task (kernel/sched/rt.c). */
#ifndef NC_KERNEL_SCHED_RT_H
#define NC_KERNEL_SCHED_RT_H

#include <stddef.h>

#include "arch/task.h"
#include "kernel/sched/sched.h"

/* models kernel/sched/rt.c:select_task_rq_rt(): for a fork (or wakeup) p
 * stays on cpu unless cpu runs a real-time task it cannot preempt, then
 * goes to a CPU running at lower priority (find_lowest_rq()) if one is */
unsigned int select_task_rq_rt(struct nc_machine *m, struct task_struct *p, unsigned int cpu,
			       int wake_flags);
/* A step the RT class took, in words (see nc_sched_why_line()). */
void nc_rt_why_line(char *line, size_t size, const struct nc_sched_step *step);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/* The fair class's placement of a new task (kernel/sched/fair.c). */
#ifndef NC_KERNEL_SCHED_FAIR_H
#define NC_KERNEL_SCHED_FAIR_H

#include <stddef.h>

#include "arch/task.h"
#include "kernel/sched/sched.h"

/* models kernel/sched/fair.c:select_task_rq_fair(): the CPU for p, woken
 * with wake_flags (WF_FORK, WF_EXEC) from the running CPU */
unsigned int select_task_rq_fair(struct nc_machine *m, struct task_struct *p,
				 unsigned int prev_cpu, int wake_flags);
/* A step the fair class took, in words (see nc_sched_why_line()). */
void nc_fair_why_line(char *line, size_t size, const struct nc_sched_step *step);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc/PID/numa_maps (fs/proc/task_mmu.c), in v6.12's format. */
#ifndef NC_FS_PROC_TASK_MMU_H
#define NC_FS_PROC_TASK_MMU_H

#include "arch/machine.h"
#include "arch/task.h"

/* models fs/proc/task_mmu.c:show_numa_map() over every VMA of task's mm:
 * returns the text in a host buffer the caller frees (an empty string for
 * a task without an mm), or NULL on host ENOMEM */
char *proc_pid_numa_maps(struct nc_machine *m, struct task_struct *task);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc/PID/status lines (fs/proc/array.c): the cpuset's Mems_allowed. */
#ifndef NC_FS_PROC_ARRAY_H
#define NC_FS_PROC_ARRAY_H

#include <stddef.h>

#include "arch/task.h"

/* models kernel/cgroup/cpuset.c:cpuset_task_status_allowed() as
 * proc_pid_status() calls it, the Mems_allowed part: "Mems_allowed:\t" with
 * the MAX_NUMNODES-bit mask in "%*pb" form, then "Mems_allowed_list:\t"
 * with the list form, each ending in a newline. snprintf-style: writes at
 * most size bytes, returns the full length. */
int proc_pid_status_mems(const struct task_struct *task, char *buf, size_t size);

#endif

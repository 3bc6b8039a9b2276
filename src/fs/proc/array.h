/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc/PID/status, /proc/PID/stat and /proc/PID/task/TID/children
 * (fs/proc/array.c), in v6.12's format, with the lines and fields the
 * model keeps (see array.c). */
#ifndef NC_FS_PROC_ARRAY_H
#define NC_FS_PROC_ARRAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arch/machine.h"
#include "arch/task.h"

/* models kernel/cgroup/cpuset.c:cpuset_task_status_allowed() as
 * proc_pid_status() calls it, the Mems_allowed part: "Mems_allowed:\t" with
 * the MAX_NUMNODES-bit mask in "%*pb" form, then "Mems_allowed_list:\t"
 * with the list form, each ending in a newline. snprintf-style: writes at
 * most size bytes, returns the full length. */
int proc_pid_status_mems(const struct task_struct *task, char *buf, size_t size);

/* models fs/proc/array.c:proc_pid_status() for task as the initial pid
 * namespace sees it */
void proc_pid_status(struct nc_machine *m, struct task_struct *task, FILE *f);
/* models fs/proc/array.c:do_task_stat(): whole for /proc/PID/stat (the
 * group's exit code once the group exits), not for .../task/TID/stat */
void do_task_stat(struct nc_machine *m, struct task_struct *task, FILE *f, bool whole);

/* models fs/proc/array.c:children_seq_show() over the task's children,
 * oldest first: "%d " each, no newline */
void proc_tid_children(struct nc_machine *m, struct task_struct *task, FILE *f);

#endif

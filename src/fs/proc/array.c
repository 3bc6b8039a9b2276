// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/PID/status (fs/proc/array.c:proc_pid_status()), the two lines the
 * memory-policy model owns: Mems_allowed and Mems_allowed_list, printed
 * over MAX_NUMNODES bits as nodemask_pr_args() does. The other lines
 * belong to their subsystems.
 */
#include <stdio.h>

#include "fs/proc/array.h"

int proc_pid_status_mems(const struct task_struct *task, char *buf, size_t size)
{
	char mask[MAX_NUMNODES / 4 + MAX_NUMNODES / 32 + 1];
	char list[MAX_NUMNODES * 5 + 1];

	bitmap_print_mask(mask, sizeof(mask), task->mems_allowed.bits, MAX_NUMNODES);
	bitmap_print_list(list, sizeof(list), task->mems_allowed.bits, MAX_NUMNODES);
	return snprintf(buf, size, "Mems_allowed:\t%s\nMems_allowed_list:\t%s\n", mask, list);
}

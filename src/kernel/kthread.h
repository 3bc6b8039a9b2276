/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel threads (kernel/kthread.c) as far as their placement goes:
 * kthreadd forks every kthread, and the node asked of
 * kthread_create_on_node() reaches dup_task_struct() through kthreadd's
 * pref_node_fork. Thread functions, parking and workers are left out.
 */
#ifndef NC_KERNEL_KTHREAD_H
#define NC_KERNEL_KTHREAD_H

#include "arch/machine.h"
#include "arch/task.h"

/* models kernel/kthread.c:tsk_fork_get_node() */
int tsk_fork_get_node(const struct nc_machine *m, const struct task_struct *tsk);

/* models kernel/kthread.c:kthread_create_on_node() with kthreadd's
 * create_kthread() run at once: the new kthread, or ERR_PTR(-errno) */
struct task_struct *kthread_create_on_node(struct nc_machine *m, int node, const char *name);

#endif

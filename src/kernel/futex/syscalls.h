/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The robust-futex list registration of kernel/futex/syscalls.c: the head
 * a thread registers, cleared for a new task and at exec and exit.
 * Left out: futex() itself and walking the list when it is released.
 */
#ifndef NC_KERNEL_FUTEX_SYSCALLS_H
#define NC_KERNEL_FUTEX_SYSCALLS_H

#include "arch/machine.h"
#include "arch/task.h"

/* sizeof(struct robust_list_head) on x86_64: list, futex_offset, list_op_pending */
#define ROBUST_LIST_HEAD_SIZE 24

/* models include/linux/futex.h:futex_init_task(): a new task has no list */
static inline void futex_init_task(struct task_struct *tsk)
{
	tsk->robust_list = 0;
}

/* models kernel/futex/core.c:futex_exec_release() and futex_exit_release()
 * as far as the list goes: it is forgotten (the walk is left out) */
static inline void futex_cleanup(struct task_struct *tsk)
{
	tsk->robust_list = 0;
}

/* models SYSCALL_DEFINE2(set_robust_list): 0 or -EINVAL if len is not
 * the one size the kernel knows */
long kernel_set_robust_list(struct nc_machine *m, unsigned long head, unsigned long len);
/* models SYSCALL_DEFINE3(get_robust_list): pid 0 is current; 0 or
 * -ESRCH/-EPERM/-EFAULT; the size goes to len_ptr, then the head to head_ptr */
long kernel_get_robust_list(struct nc_machine *m, pid_t pid, unsigned long head_ptr,
			    unsigned long len_ptr);

#endif

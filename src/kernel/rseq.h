/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Restartable sequences registration (kernel/rseq.c, include/linux/rseq.h):
 * the struct rseq a thread registers, kept by fork, dropped by a CLONE_VM
 * child and by exec. Left out: the updates of cpu_id and node_id on the
 * way back to user space and the critical-section abort.
 */
#ifndef NC_KERNEL_RSEQ_H
#define NC_KERNEL_RSEQ_H

#include <stdint.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "uapi/linux/sched.h"

#define RSEQ_FLAG_UNREGISTER 1
#define ORIG_RSEQ_SIZE       32     /* the first struct rseq, and its alignment */

/* models include/linux/rseq.h:rseq_fork(): a child sharing the mm would
 * share the area, so it starts unregistered; a fork keeps the parent's
 * registration, which dup_task_struct() copied */
static inline void rseq_fork(struct task_struct *t, uint64_t clone_flags)
{
	if (clone_flags & CLONE_VM) {
		t->rseq = 0;
		t->rseq_len = t->rseq_sig = 0;
	}
}

/* models include/linux/rseq.h:rseq_execve() */
static inline void rseq_execve(struct task_struct *t)
{
	t->rseq = 0;
	t->rseq_len = t->rseq_sig = 0;
}

/* models kernel/rseq.c:SYSCALL_DEFINE4(rseq): 0 or -EINVAL/-EPERM/-EBUSY/
 * -EFAULT in v6.12's order */
long kernel_rseq(struct nc_machine *m, unsigned long rseq, uint32_t rseq_len, int flags,
		 uint32_t sig);

#endif

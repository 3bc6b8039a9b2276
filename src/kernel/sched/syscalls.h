/* SPDX-License-Identifier: GPL-2.0-only */
/* The scheduler's system calls a task makes about CPUs (kernel/sched/syscalls.c). */
#ifndef NC_KERNEL_SCHED_SYSCALLS_H
#define NC_KERNEL_SCHED_SYSCALLS_H

#include <sys/types.h>

#include "arch/machine.h"

/* models the sched_setaffinity(2) entry: -EFAULT, -ESRCH, -EINVAL or 0 */
long kernel_sched_setaffinity(struct nc_machine *m, pid_t pid, unsigned int len,
			      unsigned long user_mask_ptr);
/* models the sched_getaffinity(2) entry: bytes copied or -errno */
long kernel_sched_getaffinity(struct nc_machine *m, pid_t pid, unsigned int len,
			      unsigned long user_mask_ptr);
/* models kernel/sys.c's getcpu(2) */
long kernel_getcpu(struct nc_machine *m, unsigned long cpup, unsigned long nodep,
		   unsigned long unused);

#endif

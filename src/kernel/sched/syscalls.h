/* SPDX-License-Identifier: GPL-2.0-only */
/* The scheduler's system calls (kernel/sched/syscalls.c): CPUs, nice
 * values, policies and priorities. */
#ifndef NC_KERNEL_SCHED_SYSCALLS_H
#define NC_KERNEL_SCHED_SYSCALLS_H

#include <stdbool.h>
#include <sys/types.h>

#include "arch/machine.h"
#include "arch/task.h"

/* models the sched_setaffinity(2) entry: -EFAULT, -ESRCH, -EINVAL or 0 */
long kernel_sched_setaffinity(struct nc_machine *m, pid_t pid, unsigned int len,
			      unsigned long user_mask_ptr);
/* models the sched_getaffinity(2) entry: bytes copied or -errno */
long kernel_sched_getaffinity(struct nc_machine *m, pid_t pid, unsigned int len,
			      unsigned long user_mask_ptr);
/* models kernel/sys.c's getcpu(2) */
long kernel_getcpu(struct nc_machine *m, unsigned long cpup, unsigned long nodep,
		   unsigned long unused);

/* models kernel/sched/syscalls.c:set_user_nice(): p's nice value, its
 * weight and priority (an RT or DL task only keeps the value) */
void set_user_nice(struct task_struct *p, long nice);
/* models kernel/sched/syscalls.c:can_nice(): p may go down to nice within
 * RLIMIT_NICE, or current has CAP_SYS_NICE */
bool can_nice(struct nc_machine *m, const struct task_struct *p, int nice);

/* The policy calls' entries, -errno in v6.12's order. */
/* models SYSCALL_DEFINE3(sched_setscheduler): policy may carry SCHED_RESET_ON_FORK */
long kernel_sched_setscheduler(struct nc_machine *m, pid_t pid, int policy, unsigned long param);
/* models SYSCALL_DEFINE2(sched_setparam) */
long kernel_sched_setparam(struct nc_machine *m, pid_t pid, unsigned long param);
/* models SYSCALL_DEFINE3(sched_setattr) */
long kernel_sched_setattr(struct nc_machine *m, pid_t pid, unsigned long uattr,
			  unsigned int flags);
/* models SYSCALL_DEFINE1(sched_getscheduler): the policy, | SCHED_RESET_ON_FORK */
long kernel_sched_getscheduler(struct nc_machine *m, pid_t pid);
/* models SYSCALL_DEFINE2(sched_getparam) */
long kernel_sched_getparam(struct nc_machine *m, pid_t pid, unsigned long param);
/* models SYSCALL_DEFINE4(sched_getattr) */
long kernel_sched_getattr(struct nc_machine *m, pid_t pid, unsigned long uattr,
			  unsigned int usize, unsigned int flags);
/* models SYSCALL_DEFINE1(sched_get_priority_max) */
long kernel_sched_get_priority_max(int policy);
/* models SYSCALL_DEFINE1(sched_get_priority_min) */
long kernel_sched_get_priority_min(int policy);
/* models SYSCALL_DEFINE2(sched_rr_get_interval): the slice as a timespec (HZ 250) */
long kernel_sched_rr_get_interval(struct nc_machine *m, pid_t pid, unsigned long interval);

#endif

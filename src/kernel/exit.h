/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Task exit and reaping (kernel/exit.c): exit() and exit_group() release
 * the task's mm, files, fs and namespaces, reparent its children, tell its
 * parent (or reap itself), and wait4()/waitid() collect zombies. Process
 * groups, stopped/continued children, ptrace and rusage contents are left
 * out (the rusage a caller asks for is written as zeros).
 */
#ifndef NC_KERNEL_EXIT_H
#define NC_KERNEL_EXIT_H

#include <sys/types.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "uapi/linux/wait.h"

#define EXIT_DEAD	0x0010
#define EXIT_ZOMBIE	0x0020

#define NC_RUSAGE_SIZE	144   /* sizeof(struct rusage) on x86_64 */
#define NC_SIGINFO_SIZE	128

/* What a wait would do when nothing is ready and WNOHANG is clear: the
 * caller would sleep until a child changes state. The model returns this
 * (the kernel-internal ERESTARTSYS is a different thing). */
#define NC_WAIT_SLEEPS	(-4096)

/* models kernel/exit.c:do_exit() for current (never "returns" to user space) */
void do_exit(struct nc_machine *m, long code);
/* models kernel/exit.c:do_group_exit(): every thread of current's group exits */
void do_group_exit(struct nc_machine *m, int exit_code);
/* models kernel/exit.c:release_task() */
void release_task(struct nc_machine *m, struct task_struct *p);
/* models kernel/exit.c:put_task_struct_rcu_user(): the last of the
 * scheduler's and the parent's references queues delayed_put_task_struct()
 * for after a grace period, on the running CPU */
void put_task_struct_rcu_user(struct nc_machine *m, struct task_struct *task);

/* models SYSCALL_DEFINE1(exit) and SYSCALL_DEFINE1(exit_group) */
void kernel_exit(struct nc_machine *m, int error_code);
void kernel_exit_group(struct nc_machine *m, int error_code);

/* models SYSCALL_DEFINE4(wait4) (kernel_wait4()): the reaped pid, 0, -errno
 * or NC_WAIT_SLEEPS; stat_addr and ru are user addresses (0 = none) */
long kernel_wait4(struct nc_machine *m, pid_t upid, unsigned long stat_addr, int options,
		  unsigned long ru);
/* models SYSCALL_DEFINE5(waitid) */
long kernel_waitid(struct nc_machine *m, int which, pid_t upid, unsigned long infop,
		   int options, unsigned long ru);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Task creation (kernel/fork.c), at the depth replay needs so far: the boot
 * task, init, and children that get a pid, a parent and a CPU. The clone
 * path's checks and copies (mm, files, signal, policy, slab placement) are
 * the clone issue's; struct kernel_clone_args is already the kernel's.
 */
#ifndef NC_KERNEL_FORK_H
#define NC_KERNEL_FORK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch/machine.h"

#define MAX_PID_NS_LEVEL 32          /* include/linux/pid_namespace.h */
#define CLONE_LEGACY_FLAGS 0xffffffffULL

/* models include/linux/sched/task.h:struct kernel_clone_args (user
 * pointers are addresses in the calling task's memory) */
struct kernel_clone_args {
	uint64_t flags;
	unsigned long pidfd;
	unsigned long child_tid;
	unsigned long parent_tid;
	const char *name;
	int exit_signal;
	unsigned long stack;
	unsigned long stack_size;
	unsigned long tls;
	pid_t *set_tid;
	size_t set_tid_size;
	int cgroup;
	int idle;
};

/* models kernel/fork.c:fork_init() and the boot task init_task: allocates
 * current[] and makes init_task (pid 0, "swapper/0") current on the boot CPU */
int fork_init(struct nc_machine *m);
/* Frees every task and pid (machine teardown). */
void fork_exit(struct nc_machine *m);

/* models kernel/fork.c:kernel_clone(): creates a child of current;
 * returns its pid as current sees it, or -errno */
long kernel_clone(struct nc_machine *m, struct kernel_clone_args *args);

/* The syscall entries (x86_64), each ending in kernel_clone(). */
long sys_fork(struct nc_machine *m);
long sys_vfork(struct nc_machine *m);
long sys_clone(struct nc_machine *m, unsigned long clone_flags, unsigned long newsp,
	       unsigned long parent_tidptr, unsigned long child_tidptr,
	       unsigned long tls);
long sys_clone3(struct nc_machine *m, unsigned long uargs, size_t size);

#endif

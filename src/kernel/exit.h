/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Task exit (kernel/exit.c) at the depth replay needs so far: a task that
 * exits becomes a zombie holding its pid and exit code for its parent. No
 * reaping (wait4), reparenting, or release of the mm and files yet.
 */
#ifndef NC_KERNEL_EXIT_H
#define NC_KERNEL_EXIT_H

#include "arch/machine.h"

#define EXIT_DEAD	0x0010
#define EXIT_ZOMBIE	0x0020

/* models kernel/exit.c:do_exit() for current (never "returns" to user space) */
void do_exit(struct nc_machine *m, long code);
/* models kernel/exit.c:do_group_exit(): every thread of current's group exits */
void do_group_exit(struct nc_machine *m, int exit_code);

/* models SYSCALL_DEFINE1(exit) and SYSCALL_DEFINE1(exit_group) */
void kernel_exit(struct nc_machine *m, int error_code);
void kernel_exit_group(struct nc_machine *m, int error_code);

#endif

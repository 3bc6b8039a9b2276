/* SPDX-License-Identifier: GPL-2.0-only */
/* The identity system calls of kernel/sys.c: getpid, gettid, getppid. */
#ifndef NC_KERNEL_SYS_H
#define NC_KERNEL_SYS_H

#include <sys/types.h>

#include "arch/machine.h"

/* models SYSCALL_DEFINE0(getpid): current's tgid */
pid_t kernel_getpid(const struct nc_machine *m);
/* models SYSCALL_DEFINE0(gettid): current's own pid */
pid_t kernel_gettid(const struct nc_machine *m);
/* models SYSCALL_DEFINE0(getppid): the tgid of current's real parent */
pid_t kernel_getppid(const struct nc_machine *m);

#endif

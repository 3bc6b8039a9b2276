/* SPDX-License-Identifier: GPL-2.0-only */
/* The identity system calls of kernel/sys.c: getpid, gettid, getppid,
 * and the process group and session calls. */
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

/* Process groups and sessions, as v6.12 keeps them (the group's PGID and
 * SID pids in its signal_struct); the controlling tty is left out. */
/* models SYSCALL_DEFINE2(setpgid): 0 or -EINVAL/-ESRCH/-EPERM/-EACCES */
long kernel_setpgid(struct nc_machine *m, pid_t pid, pid_t pgid);
/* models SYSCALL_DEFINE1(getpgid) (do_getpgid()): the group id or -ESRCH */
long kernel_getpgid(const struct nc_machine *m, pid_t pid);
/* models SYSCALL_DEFINE0(getpgrp) */
long kernel_getpgrp(const struct nc_machine *m);
/* models SYSCALL_DEFINE1(getsid) */
long kernel_getsid(const struct nc_machine *m, pid_t pid);
/* models SYSCALL_DEFINE0(setsid) (ksys_setsid()): the new session id or -EPERM */
long kernel_setsid(struct nc_machine *m);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pidfd_open() (kernel/pid.c) with the pidfs file it installs (fs/pidfs.c):
 * the one fd-creating call here the model decides whole, since it knows
 * which pids exist.
 */
#ifndef NC_FS_PIDFS_H
#define NC_FS_PIDFS_H

#include <sys/types.h>

#include "arch/machine.h"

#define PIDFD_NONBLOCK 04000      /* O_NONBLOCK */

/* models kernel/pid.c:SYSCALL_DEFINE2(pidfd_open): -EINVAL for unknown
 * flags or pid <= 0, -ESRCH for no such pid in current's namespace,
 * -EINVAL for a pid that leads no thread group (without PIDFD_THREAD) or
 * runs no task, then a close-on-exec fd */
long kernel_pidfd_open(struct nc_machine *m, pid_t pid, unsigned int flags);

#endif

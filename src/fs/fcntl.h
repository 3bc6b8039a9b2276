/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fcntl() (fs/fcntl.c): the commands on the descriptor itself, F_DUPFD,
 * F_DUPFD_CLOEXEC, F_GETFD and F_SETFD. The rest act on what the file is
 * (its flags, locks, owner, pipe size ...), which the model does not keep:
 * they answer NC_FCNTL_UNANSWERED after the fd check.
 */
#ifndef NC_FS_FCNTL_H
#define NC_FS_FCNTL_H

#include "arch/machine.h"

#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC      1

/* Outside the errno range and NC_WAIT_SLEEPS: the model has no answer. */
#define NC_FCNTL_UNANSWERED (-4097)

/* models fs/fcntl.c:SYSCALL_DEFINE3(fcntl): -EBADF for a fd with no file,
 * then the command */
long kernel_fcntl(struct nc_machine *m, unsigned int fd, unsigned int cmd, unsigned long arg);

#endif

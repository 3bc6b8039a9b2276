/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * open(), openat(), openat2(), creat() and close() (fs/open.c) as far as
 * the descriptor table sees them: the path lookup is not modelled, so a
 * caller runs them only where the call succeeded (or ran out of fds);
 * they take the lowest free fd, close-on-exec by O_CLOEXEC.
 */
#ifndef NC_FS_OPEN_H
#define NC_FS_OPEN_H

#include <stddef.h>

#include "arch/machine.h"

/* models fs/open.c:do_sys_openat2() past build_open_flags(), its lookup
 * succeeding: the fd or -EMFILE / -ENOMEM */
long kernel_openat(struct nc_machine *m, int dfd, unsigned long filename, int flags,
		   unsigned int mode);
/* models fs/open.c:SYSCALL_DEFINE4(openat2): the open_how at how (size
 * bytes) read first: -EFAULT, or -EINVAL for a size below v0's 24 */
long kernel_openat2(struct nc_machine *m, int dfd, unsigned long filename, unsigned long how,
		    size_t size);
/* models fs/open.c:SYSCALL_DEFINE2(creat): O_CREAT|O_WRONLY|O_TRUNC */
long kernel_creat(struct nc_machine *m, unsigned long pathname, unsigned int mode);
/* models fs/open.c:SYSCALL_DEFINE1(close): 0 or -EBADF */
long kernel_close(struct nc_machine *m, unsigned int fd);

#endif

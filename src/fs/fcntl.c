// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/fcntl.c:do_fcntl() for the descriptor commands. Left out: the
 * commands on the file (F_GETFL, locks, leases, owners, seals, pipe
 * sizes: NC_FCNTL_UNANSWERED), O_PATH files' EBADF for those, the LSM hook.
 */
#include <errno.h>

#include "fs/fcntl.h"
#include "fs/file.h"

long kernel_fcntl(struct nc_machine *m, unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *filp = nc_fd_file(m, fd);
	int argi = (int)arg;

	if (!filp)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(m, (unsigned int)argi, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(m, (unsigned int)argi, filp, NC_O_CLOEXEC);
	case F_GETFD:
		return nc_fd_cloexec(nc_current(m)->files, fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(m, fd, argi & FD_CLOEXEC);
		return 0;
	default:
		return NC_FCNTL_UNANSWERED;
	}
}

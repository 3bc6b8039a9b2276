// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/pipe.c:do_pipe2() for the descriptor table: the flag check of
 * __do_pipe_flags(), two fds reserved, stored and installed. Left out:
 * the pipe_inode_info and its buffers, pipe-user-pages limits.
 */
#include <errno.h>

#include "fs/file.h"
#include "fs/pipe.h"

#define O_NONBLOCK           04000
#define O_DIRECT             040000
#define O_NOTIFICATION_PIPE  0200     /* O_EXCL (CONFIG_WATCH_QUEUE) */

long kernel_pipe2(struct nc_machine *m, unsigned long fildes, int flags)
{
	if (flags & ~(NC_O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE))
		return -EINVAL;
	return nc_fd_pair(m, fildes, (unsigned int)flags);
}

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pipe() and pipe2() (fs/pipe.c) as the descriptor table sees them: two
 * fds, the read end first, stored at fildes. Left out: the pipe itself
 * (buffers, the per-user pipe page limits), watch queues.
 */
#ifndef NC_FS_PIPE_H
#define NC_FS_PIPE_H

#include "arch/machine.h"

/* models fs/pipe.c:do_pipe2(): -EINVAL for flags beyond O_CLOEXEC,
 * O_NONBLOCK, O_DIRECT and O_NOTIFICATION_PIPE, then the fds */
long kernel_pipe2(struct nc_machine *m, unsigned long fildes, int flags);

#endif

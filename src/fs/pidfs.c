// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models pidfd_open(): kernel/pid.c's checks, kernel/fork.c's
 * pidfd_prepare() and __pidfd_prepare(), fs/pidfs.c's file holding the
 * pid. Left out: pidfs inodes and dentries (the file is a filp object
 * that pins the struct pid, as the pidfs inode does).
 */
#include <errno.h>

#include "fs/file.h"
#include "fs/pidfs.h"
#include "kernel/pid.h"

#define O_RDWR 02

long kernel_pidfd_open(struct nc_machine *m, pid_t pid, unsigned int flags)
{
	struct pid *p;
	struct file *file;
	int fd;

	if (flags & ~(PIDFD_NONBLOCK | PIDFD_THREAD))
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;
	p = find_pid_ns(pid, task_active_pid_ns(nc_current(m)));   /* find_get_pid() */
	if (!p)
		return -ESRCH;
	/* pidfd_prepare(): a thread's pid needs PIDFD_THREAD, any pid a task */
	if (!pid_task(p, (flags & PIDFD_THREAD) ? PIDTYPE_PID : PIDTYPE_TGID))
		return -EINVAL;
	fd = get_unused_fd_flags(m, NC_O_CLOEXEC);
	if (fd < 0)
		return fd;
	file = nc_file_alloc(m, flags | O_RDWR, p);     /* pidfs_alloc_file() */
	if (!file) {
		put_unused_fd(m, (unsigned int)fd);
		return -ENOMEM;
	}
	fd_install(m, (unsigned int)fd, file);
	return fd;
}

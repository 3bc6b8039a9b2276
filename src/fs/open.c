// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models fs/open.c's calls that make and drop descriptors. What the path
 * names is not modelled: the fd is reserved as do_sys_openat2() reserves
 * it, before the lookup, and installed as if the lookup succeeded. Left
 * out: build_open_flags()'s checks, the file's mode, O_PATH's limits,
 * close()'s flush errors.
 */
#include <errno.h>
#include <stdint.h>

#include "fs/file.h"
#include "fs/open.h"
#include "mm/uaccess.h"

#define O_WRONLY 01
#define O_CREAT  0100
#define O_TRUNC  01000
#define OPEN_HOW_SIZE_VER0 24

long kernel_openat(struct nc_machine *m, int dfd, unsigned long filename, int flags,
		   unsigned int mode)
{
	(void)dfd, (void)filename, (void)mode;
	return nc_fd_new(m, (unsigned int)flags);
}

long kernel_openat2(struct nc_machine *m, int dfd, unsigned long filename, unsigned long how,
		    size_t size)
{
	uint64_t flags;

	if (size < OPEN_HOW_SIZE_VER0)
		return -EINVAL;
	if (copy_from_user(m, &flags, how, sizeof(flags)))
		return -EFAULT;
	return kernel_openat(m, dfd, filename, (int)flags, 0);
}

long kernel_creat(struct nc_machine *m, unsigned long pathname, unsigned int mode)
{
	return kernel_openat(m, -100, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long kernel_close(struct nc_machine *m, unsigned int fd)
{
	return close_fd(m, fd);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/sys.c's getpid/gettid/getppid: numbers as the caller's pid
 * namespace sees them. The rest of kernel/sys.c (uname, prctl, rlimits,
 * credentials) is not modelled.
 */
#include "kernel/pid.h"
#include "kernel/sys.h"

pid_t kernel_getpid(const struct nc_machine *m)
{
	return task_tgid_vnr(m, nc_current(m));
}

pid_t kernel_gettid(const struct nc_machine *m)
{
	return task_pid_vnr(m, nc_current(m));
}

/* the parent's tgid, 0 if it lives outside the caller's namespace */
pid_t kernel_getppid(const struct nc_machine *m)
{
	return task_tgid_vnr(m, nc_current(m)->real_parent);
}

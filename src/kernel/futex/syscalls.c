// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/futex/syscalls.c's set_robust_list() and get_robust_list()
 * with the read check of kernel/ptrace.c:__ptrace_may_access() they use.
 * Left out: futex() and the LSM and Yama hooks (neither stops a READ of
 * a task whose ids are the caller's).
 */
#include <errno.h>

#include "kernel/cred.h"
#include "kernel/futex/syscalls.h"
#include "kernel/pid.h"
#include "kernel/signal.h"
#include "mm/uaccess.h"

long kernel_set_robust_list(struct nc_machine *m, unsigned long head, unsigned long len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	nc_current(m)->robust_list = head;
	return 0;
}

/* models kernel/ptrace.c:__ptrace_may_access() with
 * PTRACE_MODE_READ_REALCREDS: the own thread group, or a task whose six
 * ids are the caller's real uid and gid, or CAP_SYS_PTRACE over its user
 * namespace. The model's processes are all dumpable. */
static bool ptrace_may_read(struct nc_machine *m, const struct task_struct *task)
{
	const struct cred *cred = nc_current(m)->cred, *tcred = task->real_cred;

	if (same_thread_group(task, nc_current(m)))
		return true;
	if (cred->uid == tcred->euid && cred->uid == tcred->suid && cred->uid == tcred->uid &&
	    cred->gid == tcred->egid && cred->gid == tcred->sgid && cred->gid == tcred->gid)
		return true;
	return ns_capable(m, tcred->user_ns, CAP_SYS_PTRACE);
}

/* models kernel/futex/syscalls.c:futex_get_robust_list_common() */
long kernel_get_robust_list(struct nc_machine *m, pid_t pid, unsigned long head_ptr,
			    unsigned long len_ptr)
{
	struct task_struct *p = nc_current(m);
	unsigned long size = ROBUST_LIST_HEAD_SIZE;

	if (pid) {
		p = find_task_by_vpid(m, pid);
		if (!p)
			return -ESRCH;
	}
	if (!ptrace_may_read(m, p))
		return -EPERM;
	if (copy_to_user(m, len_ptr, &size, sizeof(size)))
		return -EFAULT;
	return copy_to_user(m, head_ptr, &p->robust_list, sizeof(p->robust_list)) ? -EFAULT : 0;
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/sys.c's getpid/gettid/getppid, numbers as the caller's pid
 * namespace sees them, and process groups and sessions (setpgid, getpgid,
 * getpgrp, getsid, setsid) with the group's pids in its signal_struct.
 * The rest of kernel/sys.c (uname, prctl, rlimits, credentials) and the
 * controlling tty are not modelled.
 */
#include <errno.h>

#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/signal.h"
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

/* models kernel/pid.c:find_task_by_vpid() */
static struct task_struct *find_task_by_vpid(const struct nc_machine *m, pid_t nr)
{
	return pid_task(find_pid_ns(nr, task_active_pid_ns(nc_current(m))), PIDTYPE_PID);
}

static bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

static bool same_thread_group(const struct task_struct *a, const struct task_struct *b)
{
	return a->signal == b->signal;
}

long kernel_setpgid(struct nc_machine *m, pid_t pid, pid_t pgid)
{
	struct task_struct *group_leader = nc_current(m)->group_leader;
	struct task_struct *p, *g;
	struct pid *pgrp;

	if (!pid)
		pid = task_pid_vnr(m, group_leader);
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	p = find_task_by_vpid(m, pid);
	if (!p)
		return -ESRCH;
	if (!thread_group_leader(p))
		return -EINVAL;
	if (same_thread_group(p->real_parent, group_leader)) {
		/* a child of ours: in our session and not yet exec'd */
		if (task_session(p) != task_session(group_leader))
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	} else if (p != group_leader) {
		return -ESRCH;
	}
	if (p->signal->leader)
		return -EPERM;
	pgrp = p->thread_pid;
	if (pgid != pid) {
		/* joining a group: it must exist, in our session */
		pgrp = find_pid_ns(pgid, task_active_pid_ns(nc_current(m)));
		g = pid_task(pgrp, PIDTYPE_PGID);
		if (!g || task_session(g) != task_session(group_leader))
			return -EPERM;
	}
	if (task_pgrp(p) != pgrp)
		change_pid(m, p, PIDTYPE_PGID, pgrp);
	return 0;
}

/* models kernel/sys.c:do_getpgid() */
long kernel_getpgid(const struct nc_machine *m, pid_t pid)
{
	struct task_struct *p;

	if (!pid)
		return pid_vnr(m, task_pgrp(nc_current(m)));
	p = find_task_by_vpid(m, pid);
	if (!p || !task_pgrp(p))
		return -ESRCH;
	return pid_vnr(m, task_pgrp(p));
}

long kernel_getpgrp(const struct nc_machine *m)
{
	return kernel_getpgid(m, 0);
}

long kernel_getsid(const struct nc_machine *m, pid_t pid)
{
	struct task_struct *p;

	if (!pid)
		return pid_vnr(m, task_session(nc_current(m)));
	p = find_task_by_vpid(m, pid);
	if (!p || !task_session(p))
		return -ESRCH;
	return pid_vnr(m, task_session(p));
}

/* models kernel/sys.c:ksys_setsid() with set_special_pids() */
long kernel_setsid(struct nc_machine *m)
{
	struct task_struct *group_leader = nc_current(m)->group_leader;
	struct pid *sid = group_leader->thread_pid;

	/* not already a session leader, and no group may already bear the id */
	if (group_leader->signal->leader || pid_task(sid, PIDTYPE_PGID))
		return -EPERM;
	group_leader->signal->leader = 1;
	if (task_session(group_leader) != sid)
		change_pid(m, group_leader, PIDTYPE_SID, sid);
	if (task_pgrp(group_leader) != sid)
		change_pid(m, group_leader, PIDTYPE_PGID, sid);
	return pid_vnr(m, sid);
}

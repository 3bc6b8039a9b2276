// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/sys.c's getpid/gettid/getppid, numbers as the caller's pid
 * namespace sees them, and process groups and sessions (setpgid, getpgid,
 * getpgrp, getsid, setsid) with the group's pids in its signal_struct,
 * and setpriority/getpriority (nice(2) does not exist on x86_64: glibc's
 * nice() calls these two).
 * The rest of kernel/sys.c (uname, prctl, rlimits, credentials) and the
 * controlling tty are not modelled.
 */
#include <errno.h>

#include "kernel/cred.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/sched/prio.h"
#include "kernel/sched/syscalls.h"
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

/* setpriority(2) and getpriority(2): nice values of a process, a process
 * group or a user's tasks (their model of set_user_nice() is the scheduler's) */

typedef void (*prio_visit_fn)(struct nc_machine *m, struct task_struct *p, void *arg);

/* The threads setpriority() and getpriority() act on, each given to visit:
 * who (0: current) as a thread, a process group's threads, or the threads
 * of every process whose real uid is who (0: current's), as the caller's
 * pid namespace sees them */
static void prio_walk(struct nc_machine *m, int which, int who, prio_visit_fn visit, void *arg)
{
	struct task_struct *cur = nc_current(m), *g, *p;
	struct pid *pgrp;
	uid_t uid;

	switch (which) {
	case PRIO_PROCESS:
		p = who ? find_task_by_vpid(m, who) : cur;
		if (p)
			visit(m, p, arg);
		break;
	case PRIO_PGRP:
		/* do_each_pid_thread() */
		pgrp = who ? find_pid_ns(who, task_active_pid_ns(cur)) : task_pgrp(cur);
		if (!pgrp)
			break;
		list_for_each_entry(g, &pgrp->tasks[PIDTYPE_PGID], pid_links[PIDTYPE_PGID]) {
			visit(m, g, arg);
			list_for_each_entry(p, &g->thread_group, thread_group)
				visit(m, p, arg);
		}
		break;
	case PRIO_USER:
		/* for_each_process_thread(); a uid without a user_struct has no
		 * tasks, so find_user()'s -ESRCH is the one nothing matched */
		uid = who ? (uid_t)who : cur->cred->uid;
		list_for_each_entry(g, &m->init_task->tasks, tasks) {
			if (g->real_cred->uid == uid && task_pid_vnr(m, g))
				visit(m, g, arg);
			list_for_each_entry(p, &g->thread_group, thread_group)
				if (p->real_cred->uid == uid && task_pid_vnr(m, p))
					visit(m, p, arg);
		}
		break;
	}
}

/* models kernel/sys.c:set_one_prio_perm(): the caller's euid owns p, or it
 * has CAP_SYS_NICE over p's user namespace */
static bool set_one_prio_perm(struct nc_machine *m, const struct task_struct *p)
{
	const struct cred *cred = nc_current(m)->cred, *pcred = p->cred;

	return pcred->uid == cred->euid || pcred->euid == cred->euid ||
	       ns_capable(m, pcred->user_ns, CAP_SYS_NICE);
}

struct set_prio {
	int niceval;
	int error;
};

/* models kernel/sys.c:set_one_prio(): the first success turns -ESRCH to
 * 0, any refusal is the result from then on */
static void set_one_prio(struct nc_machine *m, struct task_struct *p, void *arg)
{
	struct set_prio *sp = arg;

	if (!set_one_prio_perm(m, p)) {
		sp->error = -EPERM;
		return;
	}
	if (sp->niceval < task_nice(p) && !can_nice(m, p, sp->niceval)) {
		sp->error = -EACCES;
		return;
	}
	if (sp->error == -ESRCH)
		sp->error = 0;
	set_user_nice(p, sp->niceval);
}

long kernel_setpriority(struct nc_machine *m, int which, int who, int niceval)
{
	struct set_prio sp = { .error = -ESRCH };

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	sp.niceval = niceval < MIN_NICE ? MIN_NICE : niceval > MAX_NICE ? MAX_NICE : niceval;
	prio_walk(m, which, who, set_one_prio, &sp);
	return sp.error;
}

/* getpriority()'s fold: the best nice value as 40..1 (nice_to_rlimit()) */
static void get_one_prio(struct nc_machine *m, struct task_struct *p, void *arg)
{
	long *retval = arg, niceval = nice_to_rlimit(task_nice(p));

	(void)m;
	if (niceval > *retval)
		*retval = niceval;
}

long kernel_getpriority(struct nc_machine *m, int which, int who)
{
	long retval = -ESRCH;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	prio_walk(m, which, who, get_one_prio, &retval);
	return retval;
}

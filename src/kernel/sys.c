// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/sys.c's getpid/gettid/getppid, numbers as the caller's pid
 * namespace sees them, process groups and sessions (setpgid, getpgid,
 * getpgrp, getsid, setsid) with the group's pids in its signal_struct,
 * setpriority/getpriority (nice(2) does not exist on x86_64: glibc's
 * nice() calls these two), resource limits (getrlimit, setrlimit,
 * prlimit64) and the id getters (getuid ... getresgid). Left out: uname,
 * prctl, the set*id calls, the LSM hooks, RLIMIT_CPU's timer, and the
 * controlling tty.
 */
#include <errno.h>

#include "fs/file.h"
#include "kernel/cred.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/sched/prio.h"
#include "kernel/sched/syscalls.h"
#include "kernel/signal.h"
#include "kernel/sys.h"
#include "mm/uaccess.h"

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

/* ---- resource limits ---- */

#define MQ_BYTES_MAX   819200       /* include/uapi/linux/mqueue.h */

void nc_init_rlimits(struct rlimit *rlim)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		rlim[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
	rlim[RLIMIT_STACK].rlim_cur = _STK_LIM;
	rlim[RLIMIT_CORE].rlim_cur = 0;
	rlim[RLIMIT_NPROC] = rlim[RLIMIT_SIGPENDING] = (struct rlimit){ 0, 0 };
	rlim[RLIMIT_NOFILE] = (struct rlimit){ INR_OPEN_CUR, INR_OPEN_MAX };
	rlim[RLIMIT_MEMLOCK] = (struct rlimit){ MLOCK_LIMIT, MLOCK_LIMIT };
	rlim[RLIMIT_MSGQUEUE] = (struct rlimit){ MQ_BYTES_MAX, MQ_BYTES_MAX };
	rlim[RLIMIT_NICE] = rlim[RLIMIT_RTPRIO] = (struct rlimit){ 0, 0 };
}

/* models kernel/sys.c:do_prlimit(); the caller may change tsk's limits */
static int do_prlimit(struct nc_machine *m, struct task_struct *tsk, unsigned int resource,
		      const struct rlimit *new_rlim, struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN)   /* fs.nr_open */
			return -EPERM;
	}
	rlim = &tsk->signal->rlim[resource];
	/* raising a hard limit takes CAP_SYS_RESOURCE in the initial namespace */
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && !capable(m, CAP_SYS_RESOURCE))
		return -EPERM;
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

long kernel_getrlimit(struct nc_machine *m, unsigned int resource, unsigned long rlim)
{
	struct rlimit value;
	int ret = do_prlimit(m, nc_current(m), resource, NULL, &value);

	if (!ret && copy_to_user(m, rlim, &value, sizeof(value)))
		return -EFAULT;
	return ret;
}

long kernel_setrlimit(struct nc_machine *m, unsigned int resource, unsigned long rlim)
{
	struct rlimit new_rlim;

	if (copy_from_user(m, &new_rlim, rlim, sizeof(new_rlim)))
		return -EFAULT;
	return do_prlimit(m, nc_current(m), resource, &new_rlim, NULL);
}

/* models kernel/sys.c:check_prlimit_permission(): another task's limits
 * take all six of its ids being the caller's real ones, or
 * CAP_SYS_RESOURCE over its user namespace */
static int check_prlimit_permission(struct nc_machine *m, const struct task_struct *task)
{
	const struct cred *cred = nc_current(m)->cred, *tcred = task->real_cred;
	bool id_match;

	if (task == nc_current(m))
		return 0;
	id_match = cred->uid == tcred->euid && cred->uid == tcred->suid &&
		   cred->uid == tcred->uid && cred->gid == tcred->egid &&
		   cred->gid == tcred->sgid && cred->gid == tcred->gid;
	if (!id_match && !ns_capable(m, tcred->user_ns, CAP_SYS_RESOURCE))
		return -EPERM;
	return 0;
}

/* On a 64-bit kernel struct rlimit64 and struct rlimit are the same and
 * RLIM64_INFINITY is RLIM_INFINITY: rlim64_to_rlim() copies. */
long kernel_prlimit64(struct nc_machine *m, pid_t pid, unsigned int resource,
		      unsigned long new_rlim, unsigned long old_rlim)
{
	struct rlimit64 new64;
	struct rlimit old, new;
	struct task_struct *tsk;
	int ret;

	if (new_rlim) {
		if (copy_from_user(m, &new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new = (struct rlimit){ new64.rlim_cur, new64.rlim_max };
	}
	tsk = pid ? find_task_by_vpid(m, pid) : nc_current(m);
	if (!tsk)
		return -ESRCH;
	ret = check_prlimit_permission(m, tsk);
	if (ret)
		return ret;
	ret = do_prlimit(m, tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!ret && old_rlim) {
		struct rlimit64 old64 = { old.rlim_cur, old.rlim_max };

		if (copy_to_user(m, old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}

void nc_adopt_rlimit(struct nc_machine *m, unsigned int resource, const struct rlimit *rlim)
{
	struct rlimit was = nc_current(m)->signal->rlim[resource];
	struct task_struct *t;

	list_for_each_entry(t, &m->fork->all_tasks, nc_all) {
		struct rlimit *r = t->signal ? &t->signal->rlim[resource] : NULL;

		if (r && r->rlim_cur == was.rlim_cur && r->rlim_max == was.rlim_max)
			*r = *rlim;
	}
}

/* ---- ids ---- */

/* models include/linux/uidgid.h:from_kuid_munged() for the model's
 * namespaces: a new user namespace's maps are never written, so every id
 * is unmapped there and reads as the overflow id */
static unsigned int munged(const struct nc_machine *m, enum nc_cred_id which)
{
	const struct cred *cred = nc_current(m)->cred;

	return cred->user_ns != &m->cred->init_user_ns ? OVERFLOW_ID : nc_cred_id(cred, which);
}

long kernel_getuid(const struct nc_machine *m)
{
	return munged(m, NC_UID);
}

long kernel_geteuid(const struct nc_machine *m)
{
	return munged(m, NC_EUID);
}

long kernel_getgid(const struct nc_machine *m)
{
	return munged(m, NC_GID);
}

long kernel_getegid(const struct nc_machine *m)
{
	return munged(m, NC_EGID);
}

/* models kernel/sys.c:getresuid()/getresgid(): three put_user()s, the
 * first to fault ends it */
static long getres(struct nc_machine *m, enum nc_cred_id first, const unsigned long ptrs[3])
{
	for (int i = 0; i < 3; i++) {
		unsigned int id = munged(m, first + i);

		if (copy_to_user(m, ptrs[i], &id, sizeof(id)))
			return -EFAULT;
	}
	return 0;
}

long kernel_getresuid(struct nc_machine *m, unsigned long ruidp, unsigned long euidp,
		      unsigned long suidp)
{
	return getres(m, NC_UID, (const unsigned long[3]){ ruidp, euidp, suidp });
}

long kernel_getresgid(struct nc_machine *m, unsigned long rgidp, unsigned long egidp,
		      unsigned long sgidp)
{
	return getres(m, NC_GID, (const unsigned long[3]){ rgidp, egidp, sgidp });
}

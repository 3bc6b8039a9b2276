// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models block/ioprio.c: the class and level checks, ioprio_set() and
 * ioprio_get() by process, process group and user (threads included, tasks
 * outside the caller's pid namespace skipped). Every task has nice 0 and
 * SCHED_NORMAL in the model, so a task without a priority reads as
 * best-effort level 4. User namespaces have no id maps: from inside one,
 * a user id names nobody. The LSM hooks are left out.
 */
#include <errno.h>

#include "arch/task.h"
#include "block/blk-ioc.h"
#include "block/ioprio.h"
#include "kernel/cred.h"
#include "kernel/pid.h"
#include "kernel/signal.h"
#include "lib/list.h"
#include "uapi/linux/ioprio.h"

#define IOPRIO_DEFAULT IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0)
#define INVALID_UID ((uid_t)-1)

int ioprio_check_cap(struct nc_machine *m, int ioprio)
{
	int level = IOPRIO_PRIO_LEVEL(ioprio);

	switch (IOPRIO_PRIO_CLASS(ioprio)) {
	case IOPRIO_CLASS_RT:
		if (!capable(m, CAP_SYS_ADMIN) && !capable(m, CAP_SYS_NICE))
			return -EPERM;
		__attribute__((fallthrough));   /* RT has levels as BE does */
	case IOPRIO_CLASS_BE:
		/* three bits: always below 8; the hint bits above pass */
		return level >= IOPRIO_NR_LEVELS ? -EINVAL : 0;
	case IOPRIO_CLASS_IDLE:
		return 0;
	case IOPRIO_CLASS_NONE:
		return level ? -EINVAL : 0;
	default:
		return -EINVAL;
	}
}

/* models make_kuid(current_user_ns(), who): the identity in the initial
 * namespace, nothing mapped in another */
static uid_t make_kuid(const struct nc_machine *m, int who)
{
	const struct cred *cred = nc_current(m)->cred;

	return cred->user_ns == &m->cred->init_user_ns ? (uid_t)who : INVALID_UID;
}

/* What ioprio_set() and ioprio_get() do to each task a group or a user
 * names; fn returns non-zero to stop. */
struct ioprio_walk {
	int (*fn)(struct task_struct *p, struct ioprio_walk *w);
	struct nc_machine *m;
	bool by_user;               /* only uid's tasks the caller can see */
	uid_t uid;
	int ioprio;
	long ret;                   /* -ESRCH until a task is met */
};

static bool visit(struct task_struct *t, struct ioprio_walk *w)
{
	if (w->by_user && (t->cred->uid != w->uid || !task_pid_vnr(w->m, t)))
		return true;
	return !w->fn(t, w);
}

/* models for_each_thread(): false once fn stopped */
static bool walk_threads(struct task_struct *leader, struct ioprio_walk *w)
{
	struct task_struct *t;

	if (!visit(leader, w))
		return false;
	list_for_each_entry(t, &leader->thread_group, thread_group)
		if (!visit(t, w))
			return false;
	return true;
}

/* The process who names (0: the caller), or NULL. */
static struct task_struct *process_of(const struct nc_machine *m, int who)
{
	return who ? find_task_by_vpid(m, who) : nc_current(m);
}

/* models do_each_pid_thread(pgrp, PIDTYPE_PGID, p) (who 0: the caller's
 * group) and for_each_process_thread() over uid's tasks: w->ret, -ESRCH
 * if none, -EINVAL for a which neither names */
static long walk(struct ioprio_walk *w, int which, int who, uid_t uid)
{
	struct nc_machine *m = w->m;
	struct task_struct *p;
	struct pid *pgrp;

	switch (which) {
	case IOPRIO_WHO_PGRP:
		pgrp = who ? find_pid_ns(who, task_active_pid_ns(nc_current(m)))
			   : task_pgrp(nc_current(m));
		if (pgrp)
			list_for_each_entry(p, &pgrp->tasks[PIDTYPE_PGID], pid_links[PIDTYPE_PGID])
				if (!walk_threads(p, w))
					break;
		return w->ret;
	case IOPRIO_WHO_USER:
		if (uid == INVALID_UID)
			return -ESRCH;              /* find_user() finds no one */
		w->by_user = true;
		w->uid = uid;
		list_for_each_entry(p, &m->init_task->tasks, tasks)
			if (!walk_threads(p, w))
				break;
		return w->ret;
	default:
		return -EINVAL;
	}
}

static int set_one(struct task_struct *p, struct ioprio_walk *w)
{
	w->ret = set_task_ioprio(w->m, p, w->ioprio);
	return (int)w->ret;
}

long kernel_ioprio_set(struct nc_machine *m, int which, int who, int ioprio)
{
	struct ioprio_walk w = { .fn = set_one, .m = m, .ioprio = ioprio, .ret = -ESRCH };
	struct task_struct *p;
	int ret = ioprio_check_cap(m, ioprio);

	if (ret)
		return ret;
	if (which == IOPRIO_WHO_PROCESS) {
		p = process_of(m, who);
		return p ? set_task_ioprio(m, p, ioprio) : -ESRCH;
	}
	/* a user id, even 0, must map in the caller's user namespace */
	return walk(&w, which, who, make_kuid(m, who));
}

/* models block/ioprio.c:__get_task_ioprio(): no class set reads as the
 * class and level of the task's nice value and policy (best effort, 4) */
static int get_task_ioprio(const struct task_struct *p)
{
	int prio = p->io_context ? p->io_context->ioprio : IOPRIO_DEFAULT;

	if (IOPRIO_PRIO_CLASS(prio) == IOPRIO_CLASS_NONE)
		prio = IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, (0 + 20) / 5);   /* nice 0 */
	return prio;
}

/* models block/ioprio.c:ioprio_best(): the lower value */
static int get_best(struct task_struct *p, struct ioprio_walk *w)
{
	long prio = get_task_ioprio(p);

	if (w->ret == -ESRCH || prio < w->ret)
		w->ret = prio;
	return 0;
}

long kernel_ioprio_get(struct nc_machine *m, int which, int who)
{
	struct ioprio_walk w = { .fn = get_best, .m = m, .ret = -ESRCH };
	struct task_struct *p;

	if (which == IOPRIO_WHO_PROCESS) {
		p = process_of(m, who);
		if (!p)
			return -ESRCH;
		/* get_task_raw_ioprio(): what was set, not what applies */
		return p->io_context ? p->io_context->ioprio : IOPRIO_DEFAULT;
	}
	/* user 0 is the caller's own, mapped or not */
	return walk(&w, which, who, who ? make_kuid(m, who) : nc_current(m)->cred->uid);
}

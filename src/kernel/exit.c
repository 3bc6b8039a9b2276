// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/exit.c: do_exit()'s releases in order (mm with
 * mm_release(), files, fs, namespaces), exit_notify() with reparenting to
 * a live thread, a subreaper or the namespace's reaper, do_notify_parent()
 * and autoreap, release_task() (with the delayed leader notification),
 * and wait4()/waitid() over the caller's group's children. The stack goes
 * back to the exiting CPU's cache (or to vfree() after a grace period);
 * the task_struct lives until reaped and a grace period has passed.
 * Left out: process groups and sessions, stops, ptrace, rusage contents.
 */
#include <errno.h>
#include <limits.h>

#include "block/blk-ioc.h"
#include "fs/file.h"
#include "fs/fs_struct.h"
#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/futex/syscalls.h"
#include "kernel/nsproxy.h"
#include "kernel/pid.h"
#include "kernel/pid_namespace.h"
#include "kernel/rcu/tree.h"
#include "kernel/sched/core.h"
#include "kernel/signal.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "trace/events.h"
#include "uapi/linux/signal.h"

/* si_code values for SIGCHLD (include/uapi/asm-generic/siginfo.h) */
enum { CLD_EXITED = 1, CLD_KILLED, CLD_DUMPED };

/* models kernel/exit.c:__exit_signal() with __unhash_process() */
static void __exit_signal(struct nc_machine *m, struct task_struct *tsk)
{
	bool group_dead = thread_group_leader(tsk);

	tsk->signal->nr_threads--;
	m->fork->nr_threads--;
	detach_pid(m, tsk, PIDTYPE_PID);
	if (group_dead) {
		detach_pid(m, tsk, PIDTYPE_TGID);
		detach_pid(m, tsk, PIDTYPE_PGID);
		detach_pid(m, tsk, PIDTYPE_SID);
		list_del_init(&tsk->tasks);
		list_del_init(&tsk->sibling);
	}
	list_del_init(&tsk->thread_group);
	__cleanup_sighand(m, tsk->sighand);
	tsk->sighand = NULL;
}

/* models kernel/exit.c:delayed_put_task_struct(), an RCU callback */
static void delayed_put_task_struct(struct nc_machine *m, struct rcu_head *rhp)
{
	struct task_struct *tsk = container_of(rhp, struct task_struct, rcu);

	trace_sched_process_free(m, tsk);
	put_task_struct(m, tsk);
}

void put_task_struct_rcu_user(struct nc_machine *m, struct task_struct *task)
{
	if (!--task->rcu_users)
		call_rcu(m, &task->rcu, delayed_put_task_struct);
}

void release_task(struct nc_machine *m, struct task_struct *p)
{
	for (;;) {
		struct task_struct *leader = p->group_leader;
		bool zap_leader = false;

		inc_rlimit_nproc(p->real_cred->ucounts, -1);
		__exit_signal(m, p);
		/* the last thread gone: a zombie leader is now reported */
		if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
			zap_leader = do_notify_parent(leader, leader->exit_signal);
			if (zap_leader)
				leader->exit_state = EXIT_DEAD;
		}
		put_task_struct_rcu_user(m, p);
		if (!zap_leader)
			return;
		p = leader;
	}
}

/* models kernel/exit.c:find_alive_thread() */
static struct task_struct *find_alive_thread(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader, *t;

	if (!(leader->flags & PF_EXITING))
		return leader;
	list_for_each_entry(t, &leader->thread_group, thread_group)
		if (!(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/* models kernel/exit.c:find_child_reaper() */
static struct task_struct *find_child_reaper(struct task_struct *father)
{
	struct pid_namespace *pid_ns = task_active_pid_ns(father);
	struct task_struct *reaper = pid_ns->child_reaper;

	if (reaper != father)
		return reaper;
	reaper = find_alive_thread(father);
	if (reaper) {
		pid_ns->child_reaper = reaper;
		return reaper;
	}
	/* zap_pid_ns_processes(): the namespace takes no more pids */
	disable_pid_allocation(pid_ns);
	return father;
}

/* models kernel/exit.c:find_new_reaper() */
static struct task_struct *find_new_reaper(struct nc_machine *m, struct task_struct *father,
					   struct task_struct *child_reaper)
{
	struct task_struct *thread = find_alive_thread(father), *reaper;

	if (thread)
		return thread;
	if (father->signal->has_child_subreaper) {
		unsigned int ns_level = father->thread_pid->level;

		for (reaper = father->real_parent; reaper->thread_pid->level == ns_level;
		     reaper = reaper->real_parent) {
			if (reaper == m->init_task)
				break;
			if (!reaper->signal->is_child_subreaper)
				continue;
			thread = find_alive_thread(reaper);
			if (thread)
				return thread;
		}
	}
	return child_reaper;
}

/* models kernel/exit.c:reparent_leader(): the new parent hears of a zombie */
static bool reparent_leader(struct task_struct *p)
{
	if (p->exit_state == EXIT_DEAD)
		return false;
	p->exit_signal = SIGCHLD;
	if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p) &&
	    do_notify_parent(p, p->exit_signal)) {
		p->exit_state = EXIT_DEAD;
		return true;
	}
	return false;
}

static void reparent_threads(struct task_struct *p, struct task_struct *reaper)
{
	struct task_struct *t;

	p->real_parent = p->parent = reaper;
	if (p->pdeath_signal)
		send_signal_locked(p, p->pdeath_signal, true);
	list_for_each_entry(t, &p->thread_group, thread_group) {
		t->real_parent = t->parent = reaper;
		if (t->pdeath_signal)
			send_signal_locked(t, t->pdeath_signal, true);
	}
}

/* models kernel/exit.c:forget_original_parent(); reaps children that the
 * new parent autoreaps */
static void forget_original_parent(struct nc_machine *m, struct task_struct *father)
{
	struct task_struct *reaper = find_child_reaper(father), *p, *n;
	bool same_group;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(m, father, reaper);
	/* a dying namespace init keeps its children: zap_pid_ns_processes()
	 * would kill and reap them, which the model leaves out */
	if (reaper == father)
		return;
	same_group = reaper->group_leader == father->group_leader;
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		bool dead;

		reparent_threads(p, reaper);
		dead = !same_group && reparent_leader(p);
		list_del_init(&p->sibling);
		list_add_tail(&p->sibling, &reaper->children);
		if (dead)
			release_task(m, p);
	}
}

/* models kernel/exit.c:exit_notify() */
static void exit_notify(struct nc_machine *m, struct task_struct *tsk)
{
	bool autoreap;

	forget_original_parent(m, tsk);
	tsk->exit_state = EXIT_ZOMBIE;
	if (thread_group_leader(tsk))
		autoreap = thread_group_empty(tsk) && do_notify_parent(tsk, tsk->exit_signal);
	else
		autoreap = true;
	if (autoreap) {
		tsk->exit_state = EXIT_DEAD;
		release_task(m, tsk);
	}
}

/* models kernel/exit.c:exit_mm() with exit_mm_release() */
static void exit_mm_release(struct nc_machine *m, struct task_struct *tsk)
{
	futex_cleanup(tsk);               /* futex_exit_release() */
	mm_release(m, tsk);
	exit_mm(m, tsk);
}

/* models kernel/exit.c:do_exit() */
void do_exit(struct nc_machine *m, long code)
{
	struct task_struct *tsk = nc_current(m);

	tsk->flags |= PF_EXITING;
	tsk->signal->live--;
	tsk->exit_code = (int)code;
	exit_mm_release(m, tsk);
	trace_sched_process_exit(m, tsk);
	exit_files(m, tsk);
	exit_fs(m, tsk);
	exit_task_namespaces(m, tsk);
	exit_notify(m, tsk);
	exit_task_stack_account(m, tsk);
	mpol_put(tsk->mempolicy);
	tsk->mempolicy = NULL;
	if (tsk->io_context)
		exit_io_context(m, tsk);
	/* do_task_dead(): off the run queue for good; the next task's
	 * finish_task_switch() drops the stack on this CPU and the scheduler's
	 * rcu_users reference */
	nc_sched_exit(m, tsk);
	put_task_stack(m, tsk);
	put_task_struct_rcu_user(m, tsk);
}

/* models kernel/exit.c:do_group_exit(): zap_other_threads() kills every
 * other thread, and each runs do_exit() on its CPU before current does */
void do_group_exit(struct nc_machine *m, int exit_code)
{
	struct task_struct *current = nc_current(m), *leader = current->group_leader;
	struct signal_struct *sig = current->signal;
	unsigned int cpu = m->cpu;

	if (!(sig->flags & SIGNAL_GROUP_EXIT)) {
		sig->flags |= SIGNAL_GROUP_EXIT;
		sig->group_exit_code = exit_code;
	}
	exit_code = sig->group_exit_code;
	for (;;) {
		struct task_struct *t = NULL, *i;

		if (leader != current && !(leader->flags & PF_EXITING))
			t = leader;
		list_for_each_entry(i, &leader->thread_group, thread_group)
			if (!t && i != current && !(i->flags & PF_EXITING))
				t = i;
		if (!t)
			break;
		m->cpu = t->cpu;
		m->curr[m->cpu] = t;
		do_exit(m, exit_code);
	}
	m->cpu = cpu;
	m->curr[cpu] = current;
	do_exit(m, exit_code);
}

void kernel_exit(struct nc_machine *m, int error_code)
{
	do_exit(m, (error_code & 0xff) << 8);
}

void kernel_exit_group(struct nc_machine *m, int error_code)
{
	do_group_exit(m, (error_code & 0xff) << 8);
}

/* ---- wait ---- */

enum wo_type { WO_ANY, WO_PID, WO_PGID };

struct wait_opts {
	enum wo_type type;
	struct pid *pid;
	int flags;
	int notask_error;
	int stat;                      /* wait4()'s status */
	int cause, status;             /* waitid()'s si_code and si_status */
	uid_t uid;
	pid_t reaped;
};

/* models kernel/exit.c:eligible_child() */
static bool eligible_child(const struct wait_opts *wo, const struct task_struct *p)
{
	if (wo->type == WO_PID && p->thread_pid != wo->pid)
		return false;
	if (wo->type == WO_PGID && task_pgrp(p) != wo->pid)
		return false;
	if (wo->flags & __WALL)
		return true;
	return (p->exit_signal != SIGCHLD) == !!(wo->flags & __WCLONE);
}

/* models kernel/exit.c:wait_task_zombie() */
static int wait_task_zombie(struct nc_machine *m, struct wait_opts *wo, struct task_struct *p)
{
	int status = (p->signal->flags & SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code
							     : p->exit_code;

	if (!(wo->flags & WEXITED))
		return 0;
	wo->reaped = pid_vnr(m, p->thread_pid);
	wo->uid = p->real_cred->uid;
	wo->stat = status;
	if (status & 0x7f) {
		wo->cause = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		wo->status = status & 0x7f;
	} else {
		wo->cause = CLD_EXITED;
		wo->status = status >> 8;
	}
	if (!(wo->flags & WNOWAIT)) {
		p->exit_state = EXIT_DEAD;
		release_task(m, p);
	}
	return wo->reaped;
}

/* models kernel/exit.c:wait_consider_task() for exited children */
static int wait_consider_task(struct nc_machine *m, struct wait_opts *wo, struct task_struct *p)
{
	if (p->exit_state == EXIT_DEAD || !eligible_child(wo, p))
		return 0;
	/* delay_group_leader(): a leader waits for its threads */
	if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p))
		return wait_task_zombie(m, wo, p);
	wo->notask_error = 0;
	return 0;
}

/* models kernel/exit.c:do_wait_thread() */
static int do_wait_thread(struct nc_machine *m, struct wait_opts *wo, struct task_struct *tsk)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &tsk->children, sibling) {
		int retval = wait_consider_task(m, wo, p);

		if (retval)
			return retval;
	}
	return 0;
}

/* __do_wait()'s end: nothing reaped */
static long notask(const struct wait_opts *wo)
{
	if (!wo->notask_error && !(wo->flags & WNOHANG))
		return NC_WAIT_SLEEPS;
	return wo->notask_error;
}

/* models kernel/exit.c:__do_wait() */
static long __do_wait(struct nc_machine *m, struct wait_opts *wo)
{
	struct task_struct *current = nc_current(m), *leader = current->group_leader, *tsk;
	int retval;

	trace_sched_process_wait(m, wo->pid ? pid_nr_ns(wo->pid, m->init_pid_ns) : 0);
	wo->notask_error = -ECHILD;
	if (wo->type != WO_ANY &&
	    (!wo->pid || list_empty(&wo->pid->tasks[wo->type == WO_PGID ? PIDTYPE_PGID
									  : PIDTYPE_PID])))
		goto notask;
	if (wo->type == WO_PID) {
		/* do_wait_pid(): the group the pid leads, if it is our child */
		struct task_struct *target = pid_task(wo->pid, PIDTYPE_TGID);

		if (target && ((wo->flags & __WNOTHREAD) ? target->real_parent == current
			       : target->real_parent->group_leader == leader)) {
			retval = wait_consider_task(m, wo, target);
			if (retval)
				return retval;
		}
		goto notask;
	}
	/* current's children first, then each other thread's, in group order */
	retval = do_wait_thread(m, wo, current);
	if (retval || (wo->flags & __WNOTHREAD))
		return retval ? retval : notask(wo);
	if (leader != current && (retval = do_wait_thread(m, wo, leader)))
		return retval;
	list_for_each_entry(tsk, &leader->thread_group, thread_group)
		if (tsk != current && (retval = do_wait_thread(m, wo, tsk)))
			return retval;
notask:
	return notask(wo);
}

long kernel_wait4(struct nc_machine *m, pid_t upid, unsigned long stat_addr, int options,
		  unsigned long ru)
{
	struct wait_opts wo = { .flags = options | WEXITED };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == INT_MIN)
		return -ESRCH;
	if (upid == -1) {
		wo.type = WO_ANY;
	} else if (upid < 0) {
		wo.type = WO_PGID;
		wo.pid = find_pid_ns(-upid, task_active_pid_ns(nc_current(m)));
	} else if (upid == 0) {
		wo.type = WO_PGID;
		wo.pid = task_pgrp(nc_current(m));
	} else {
		wo.type = WO_PID;
		wo.pid = find_pid_ns(upid, task_active_pid_ns(nc_current(m)));
	}
	ret = __do_wait(m, &wo);
	if (ret > 0 && stat_addr && copy_to_user(m, stat_addr, &wo.stat, sizeof(wo.stat)))
		return -EFAULT;
	if (ret > 0 && ru) {
		static const unsigned char zero[NC_RUSAGE_SIZE];

		if (copy_to_user(m, ru, zero, sizeof(zero)))
			return -EFAULT;
	}
	return ret;
}

/* models pidfd_get_pid(): the pid behind a pidfd, with its file flags */
static long pidfd_get_pid(struct nc_machine *m, int fd, struct pid **pid)
{
	struct file *file = nc_fd_file(m, (unsigned int)fd);

	if (!file || !file->pid)
		return -EBADF;
	*pid = file->pid;
	return 0;
}

/* waitid()'s six stores: si_signo, si_errno, si_code at 0, then si_pid,
 * si_uid, si_status at 16; an unwritable infop turns ret into -EFAULT */
static long put_siginfo(struct nc_machine *m, unsigned long infop, const struct wait_opts *wo,
			int signo, long ret)
{
	int head[3] = { signo, 0, signo ? wo->cause : 0 };
	int tail[3] = { signo ? wo->reaped : 0, signo ? (int)wo->uid : 0, signo ? wo->status : 0 };

	if (!infop)
		return ret;
	if (copy_to_user(m, infop, head, sizeof(head)) ||
	    copy_to_user(m, infop + 16, tail, sizeof(tail)))
		return -EFAULT;
	return ret;
}

long kernel_waitid(struct nc_machine *m, int which, pid_t upid, unsigned long infop,
		   int options, unsigned long ru)
{
	struct wait_opts wo = { .flags = options };
	long err;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case NC_P_ALL:
		wo.type = WO_ANY;
		break;
	case NC_P_PID:
		if (upid <= 0)
			return -EINVAL;
		wo.type = WO_PID;
		wo.pid = find_pid_ns(upid, task_active_pid_ns(nc_current(m)));
		break;
	case NC_P_PGID:
		if (upid < 0)
			return -EINVAL;
		wo.type = WO_PGID;
		wo.pid = upid ? find_pid_ns(upid, task_active_pid_ns(nc_current(m)))
			      : task_pgrp(nc_current(m));
		break;
	case NC_P_PIDFD:
		if (upid < 0)
			return -EINVAL;
		wo.type = WO_PID;
		err = pidfd_get_pid(m, upid, &wo.pid);
		if (err)
			return err;
		break;
	default:
		return -EINVAL;
	}
	err = __do_wait(m, &wo);
	if (err > 0) {
		err = 0;
		if (ru) {
			static const unsigned char zero[NC_RUSAGE_SIZE];

			if (copy_to_user(m, ru, zero, sizeof(zero)))
				return -EFAULT;
		}
		return put_siginfo(m, infop, &wo, SIGCHLD, 0);
	}
	if (err == NC_WAIT_SLEEPS)
		return err;
	return put_siginfo(m, infop, &wo, 0, err);
}

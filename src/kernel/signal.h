/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Signals as far as task creation and reaping need them (kernel/signal.c,
 * include/linux/sched/signal.h): the handler table (sighand_struct), the
 * thread group's shared state (signal_struct, with the rlimits), pending
 * sets, sending a signal and telling a parent that its child died.
 * Left out: queued siginfo, real-time queues, delivery to handlers, stops.
 */
#ifndef NC_KERNEL_SIGNAL_H
#define NC_KERNEL_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "kernel/pid.h"
#include "uapi/linux/resource.h"

/* _NSIG, spelled apart so that this header combines with glibc's <signal.h>
 * (uapi/linux/signal.h refuses to) */
#define NC_NSIG 64

/* SIG_DFL, SIG_IGN, SA_NOCLDWAIT and sigmask() under names glibc does not use */
#define NC_SIG_DFL 0UL
#define NC_SIG_IGN 1UL
#define NC_SA_NOCLDWAIT 0x00000002u

#define SIGNAL_UNKILLABLE    0x00000040
#define SIGNAL_GROUP_EXIT    0x00000004

/* models include/linux/sched/signal.h:struct k_sigaction (one entry) */
struct k_sigaction {
	unsigned long handler;        /* NC_SIG_DFL, NC_SIG_IGN or a user address */
	unsigned int flags;
	uint64_t mask;
	unsigned long restorer;
};

/* models struct sighand_struct */
struct sighand_struct {
	int count;
	struct k_sigaction action[NC_NSIG];
};

struct rlimit {
	unsigned long rlim_cur, rlim_max;
};

/* models struct signal_struct: what the thread group shares */
struct signal_struct {
	int sigcnt;                   /* references: one per thread, plus holders */
	int live;                     /* threads not yet exiting */
	int nr_threads;
	unsigned int flags;           /* SIGNAL_* */
	int group_exit_code;
	uint64_t shared_pending;
	struct rlimit rlim[RLIM_NLIMITS];
	bool is_child_subreaper, has_child_subreaper;
	int leader;                   /* a session leader (setsid()) */
	struct pid *pids[PIDTYPE_MAX]; /* the group's TGID, PGID and SID pids */
};

/* models include/linux/sched/signal.h:task_pgrp() and task_session() */
static inline struct pid *task_pgrp(const struct task_struct *t)
{
	return t->signal->pids[PIDTYPE_PGID];
}

static inline struct pid *task_session(const struct task_struct *t)
{
	return t->signal->pids[PIDTYPE_SID];
}

/* models include/linux/sched/signal.h:thread_group_leader() */
static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

/* models include/linux/sched/signal.h:thread_group_empty(): a leader with
 * no other thread left */
static inline bool thread_group_empty(const struct task_struct *p)
{
	return thread_group_leader(p) && list_empty(&p->thread_group);
}

/* models include/linux/sched/signal.h:same_thread_group() */
static inline bool same_thread_group(const struct task_struct *a, const struct task_struct *b)
{
	return a->signal == b->signal;
}

/* models include/linux/sched/signal.h:task_rlimit(): the soft limit */
static inline unsigned long task_rlimit(const struct task_struct *t, unsigned int limit)
{
	return t->signal->rlim[limit].rlim_cur;
}

static inline uint64_t nc_sigmask(int sig)
{
	return 1ULL << (sig - 1);
}

/* models include/linux/signal.h:valid_signal() */
static inline bool valid_signal(unsigned long sig)
{
	return sig <= NC_NSIG;
}

/* models include/linux/sched/signal.h:task_sigpending() after
 * recalc_sigpending(): an unblocked signal is pending */
bool task_sigpending(const struct task_struct *t);

/* models kernel/signal.c:send_signal_locked() for a kernel-generated
 * signal: private (group false) or to the thread group; a signal the
 * target ignores is dropped as sig_ignored() does */
void send_signal_locked(struct task_struct *t, int sig, bool group);

/* models the loop of arch_do_signal_or_restart() (get_signal() until none
 * is left) that runs before a task is back in user space: every unblocked
 * pending signal is dequeued. Left out: the action itself (a handler runs,
 * an ignored one vanishes, a fatal one would end the task) */
void nc_deliver_signals(struct task_struct *t);

/* models kernel/signal.c:do_sigaction(): 0 or -EINVAL; *oact gets the old
 * action; a signal whose new action ignores it is flushed from the pending
 * sets of the thread group */
int do_sigaction(struct task_struct *t, int sig, const struct k_sigaction *act,
		 struct k_sigaction *oact);
/* models kernel/signal.c:SYSCALL_DEFINE4(rt_sigaction) on x86_64: struct
 * sigaction at act/oact (user addresses, 0 = none), sigsetsize 8 */
long kernel_rt_sigaction(struct nc_machine *m, int sig, unsigned long act, unsigned long oact,
			 unsigned long sigsetsize);
/* models kernel/signal.c:flush_signal_handlers() (exec): handlers back to
 * SIG_DFL but ignored ones (all, with force_default), flags, masks and
 * restorers clear */
void flush_signal_handlers(struct task_struct *t, bool force_default);

/* models kernel/signal.c:do_notify_parent(): true if tsk is to be reaped
 * at once because its parent ignores SIGCHLD */
bool do_notify_parent(struct task_struct *tsk, int sig);

#endif

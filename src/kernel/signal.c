// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models the parts of kernel/signal.c that fork and exit reach: the
 * pending test behind copy_process()'s signal gate, generating a signal
 * (dropped when ignored, else a pending bit), do_notify_parent()'s
 * autoreap rule, and setting actions (rt_sigaction, exec's flush).
 * No ptrace, no siginfo queue, no handler delivery.
 */
#include <errno.h>
#include <string.h>

#include "kernel/signal.h"
#include "lib/list.h"
#include "mm/uaccess.h"
#include "uapi/linux/signal.h"

bool task_sigpending(const struct task_struct *t)
{
	return ((t->pending | t->signal->shared_pending) & ~t->blocked) != 0;
}

/* models kernel/signal.c:sig_kernel_ignore(): default action is ignore */
static bool sig_kernel_ignore(int sig)
{
	return sig == SIGCONT || sig == SIGCHLD || sig == SIGWINCH || sig == SIGURG;
}

/* models kernel/signal.c:sig_ignored() for an untraced task */
static bool sig_ignored(const struct task_struct *t, int sig)
{
	unsigned long handler = t->sighand->action[sig - 1].handler;

	if (t->blocked & nc_sigmask(sig))
		return false;
	return handler == NC_SIG_IGN || (handler == NC_SIG_DFL && sig_kernel_ignore(sig));
}

void send_signal_locked(struct task_struct *t, int sig, bool group)
{
	if (sig < 1 || sig > NC_NSIG || sig_ignored(t, sig))
		return;
	if (group)
		t->signal->shared_pending |= nc_sigmask(sig);
	else
		t->pending |= nc_sigmask(sig);
}

void nc_deliver_signals(struct task_struct *t)
{
	t->pending &= t->blocked;
	t->signal->shared_pending &= t->blocked;
}

/* x86_64's struct sigaction as rt_sigaction() copies it */
struct nc_user_sigaction {
	unsigned long handler, flags, restorer;
	uint64_t mask;
};

int do_sigaction(struct task_struct *t, int sig, const struct k_sigaction *act,
		 struct k_sigaction *oact)
{
	struct k_sigaction *k;

	/* sig_kernel_only(): SIGKILL and SIGSTOP keep their actions */
	if (!valid_signal((unsigned long)sig) || sig < 1 ||
	    (act && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	k = &t->sighand->action[sig - 1];
	if (oact)
		*oact = *k;
	if (act) {
		*k = *act;
		k->mask &= ~(nc_sigmask(SIGKILL) | nc_sigmask(SIGSTOP));
		/* sig_handler_ignored(): flush_sigqueue_mask() over the group
		 * and each of its threads */
		if (k->handler == NC_SIG_IGN || (k->handler == NC_SIG_DFL && sig_kernel_ignore(sig))) {
			struct task_struct *leader = t->group_leader, *p;

			t->signal->shared_pending &= ~nc_sigmask(sig);
			leader->pending &= ~nc_sigmask(sig);
			list_for_each_entry(p, &leader->thread_group, thread_group)
				p->pending &= ~nc_sigmask(sig);
		}
	}
	return 0;
}

long kernel_rt_sigaction(struct nc_machine *m, int sig, unsigned long act, unsigned long oact,
			 unsigned long sigsetsize)
{
	struct nc_user_sigaction u;
	struct k_sigaction new_ka, old_ka;
	int ret;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (act) {
		if (copy_from_user(m, &u, act, sizeof(u)))
			return -EFAULT;
		new_ka = (struct k_sigaction){ u.handler, (unsigned int)u.flags, u.mask, u.restorer };
	}
	ret = do_sigaction(nc_current(m), sig, act ? &new_ka : NULL, oact ? &old_ka : NULL);
	if (!ret && oact) {
		u = (struct nc_user_sigaction){ old_ka.handler, old_ka.flags, old_ka.restorer,
						old_ka.mask };
		if (copy_to_user(m, oact, &u, sizeof(u)))
			return -EFAULT;
	}
	return ret;
}

void flush_signal_handlers(struct task_struct *t, bool force_default)
{
	for (int i = 0; i < NC_NSIG; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];

		if (force_default || ka->handler != NC_SIG_IGN)
			ka->handler = NC_SIG_DFL;
		ka->flags = 0;
		ka->mask = 0;
		ka->restorer = 0;          /* x86 has __ARCH_HAS_SA_RESTORER */
	}
}

bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	const struct k_sigaction *psig = &parent->sighand->action[SIGCHLD - 1];
	bool autoreap = false;

	if (sig == SIGCHLD && (psig->handler == NC_SIG_IGN || (psig->flags & NC_SA_NOCLDWAIT))) {
		autoreap = true;
		if (psig->handler == NC_SIG_IGN)
			sig = 0;
	}
	if (valid_signal((unsigned long)sig) && sig)
		send_signal_locked(parent, sig, true);
	return autoreap;
}

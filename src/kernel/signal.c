// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models the parts of kernel/signal.c that fork and exit reach: the
 * pending test behind copy_process()'s signal gate, generating a signal
 * (dropped when ignored, else a pending bit), and do_notify_parent()'s
 * autoreap rule. No ptrace, no siginfo queue, no handler delivery.
 */
#include "kernel/signal.h"
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

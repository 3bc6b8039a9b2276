// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/kthread.c's creation path: a request handed to kthreadd,
 * which sets its pref_node_fork to the requested node and forks with
 * CLONE_FS | CLONE_FILES | CLONE_VM | CLONE_UNTRACED | SIGCHLD; the fork
 * then runs on kthreadd's CPU. The request queue and wake-ups are left out.
 */
#include "kernel/fork.h"
#include "kernel/kthread.h"
#include "kernel/pid.h"
#include "kernel/sched/core.h"
#include "lib/err.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"

int tsk_fork_get_node(const struct nc_machine *m, const struct task_struct *tsk)
{
	if (m->fork && tsk == m->fork->kthreadd)
		return tsk->pref_node_fork;
	return NUMA_NO_NODE;
}

struct task_struct *kthread_create_on_node(struct nc_machine *m, int node, const char *name)
{
	struct task_struct *kthreadd = m->fork->kthreadd;
	struct kernel_clone_args args = {
		.flags = CLONE_FS | CLONE_FILES | CLONE_VM | CLONE_UNTRACED,
		.exit_signal = SIGCHLD,
		.name = name,
		.kthread = 1,
	};
	unsigned int cpu = nc_set_cpu(m, kthreadd->cpu);
	struct task_struct *prev = m->curr[m->cpu];
	long nr;

	m->curr[m->cpu] = kthreadd;
	kthreadd->pref_node_fork = node;         /* create_kthread() */
	nr = kernel_clone(m, &args);
	kthreadd->pref_node_fork = NUMA_NO_NODE;
	nc_sched_sleep(m, kthreadd);             /* its list is empty again */
	m->curr[m->cpu] = prev;
	nc_set_cpu(m, cpu);
	if (nr < 0)
		return ERR_PTR(nr);
	return pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);
}

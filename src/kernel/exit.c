// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/exit.c's path out of a task: exit() ends one thread,
 * exit_group() every thread of the group, with the status encoded as
 * wait() reports it. exit_notify() leaves a zombie for the parent, or a
 * dead task when nobody waits for it (a thread, exit_signal -1). Left out:
 * signals to the parent, reparenting, releasing mm/files, wait4.
 */
#include "arch/task.h"
#include "kernel/exit.h"
#include "trace/events.h"

/* models kernel/exit.c:exit_notify() */
static void exit_notify(struct task_struct *tsk)
{
	tsk->exit_state = tsk->exit_signal == -1 ? EXIT_DEAD : EXIT_ZOMBIE;
}

/* models kernel/exit.c:do_exit() */
void do_exit(struct nc_machine *m, long code)
{
	struct task_struct *tsk = nc_current(m);

	tsk->exit_code = (int)code;
	trace_sched_process_exit(m, tsk);
	exit_notify(tsk);
	m->curr[m->cpu] = m->init_task;   /* the CPU goes idle */
}

/* models kernel/exit.c:do_group_exit() */
void do_group_exit(struct nc_machine *m, int exit_code)
{
	struct task_struct *leader = nc_current(m)->group_leader, *t;

	/* zap_other_threads(): the others die with the same status */
	if (!leader->exit_state && leader != nc_current(m)) {
		leader->exit_code = exit_code;
		exit_notify(leader);
	}
	list_for_each_entry(t, &leader->thread_group, thread_group)
		if (!t->exit_state && t != nc_current(m)) {
			t->exit_code = exit_code;
			exit_notify(t);
		}
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

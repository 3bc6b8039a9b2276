/* SPDX-License-Identifier: GPL-2.0-only */
/* Test helpers: boot a machine on a topology, run as a task. */
#ifndef NC_TESTS_BOOT_H
#define NC_TESTS_BOOT_H

#include <errno.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "mm/mmap.h"

static inline struct nc_machine *nc_boot(const char *topo)
{
	struct nc_machine_config cfg = { .topology = topo };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);

	if (!m)
		fail_msg("%s", err.msg);
	return m;
}

/* Makes the task with pid nr current on its CPU. */
static inline struct task_struct *nc_run_as(struct nc_machine *m, pid_t nr)
{
	struct task_struct *t = pid_task(find_pid_ns(nr, m->init_pid_ns), PIDTYPE_PID);

	assert_non_null(t);
	m->cpu = t->cpu;
	m->curr[m->cpu] = t;
	return t;
}

/* Makes t current on the machine's running CPU. */
static inline void nc_enter(struct nc_machine *m, struct task_struct *t)
{
	m->curr[m->cpu] = t;
	t->cpu = m->cpu;
}

/* The task nr names in the current task's pid namespace. */
static inline struct task_struct *nc_task_vpid(struct nc_machine *m, long nr)
{
	assert_true(nr > 0);
	return pid_task(find_pid_ns((int)nr, task_active_pid_ns(nc_current(m))), PIDTYPE_PID);
}

/* fork()/clone() from the current task */
static inline long nc_clone(struct nc_machine *m, unsigned long long flags, int sig)
{
	struct kernel_clone_args args = { .flags = flags, .exit_signal = sig };

	return kernel_clone(m, &args);
}

/* A process of the test's own, forked by pid 1 with exit signal sig (the
 * caller's SIGCHLD: <signal.h> or the model's), made current. */
static inline struct task_struct *nc_new_process(struct nc_machine *m, int sig)
{
	struct task_struct *t;

	nc_run_as(m, 1);
	t = nc_task_vpid(m, nc_clone(m, 0, sig));
	nc_enter(m, t);
	return t;
}

/* A user process: init's child 3 with a fresh address space, current
 * (its forks copy the address space). */
static inline struct nc_machine *nc_boot_process(const char *topo)
{
	struct nc_machine *m = nc_boot(topo);

	assert_int_equal(nc_new_mm(m, nc_new_process(m, 17)), 0);
	return m;
}

/* A raw host syscall's result as the model returns it: the value or -errno */
static inline long host_ret(long ret)
{
	return ret < 0 ? -errno : ret;
}

#endif

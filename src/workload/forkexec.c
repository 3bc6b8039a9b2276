// SPDX-License-Identifier: GPL-2.0-only
/*
 * forkexec: a shell (the first task) runs commands=N commands one after
 * another: fork, the child execs (sched_exec() may move it to the idlest
 * CPU, then it gets a fresh address space) and writes mem=SIZE, exits;
 * the shell sleeps in wait4() until it can reap the child. Left out: the
 * binary itself (no file mappings, no ELF loading), and the parent's
 * copy-on-write faults between fork and exec.
 */
#include <errno.h>

#include "kernel/exit.h"
#include "kernel/sched/core.h"
#include "lib/err.h"
#include "uapi/linux/signal.h"
#include "workload/workload.h"

static int forkexec_run(struct nc_wl *wl, const unsigned long *p)
{
	struct task_struct *shell = wl->first;

	for (unsigned long i = 0; i < p[0]; i++) {
		struct task_struct *cmd = nc_wl_clone(wl, 0, SIGCHLD);
		pid_t want;
		int ret;

		if (IS_ERR(cmd))
			return (int)PTR_ERR(cmd);
		want = cmd->pid;
		if (nc_wl_wait(wl) != NC_WAIT_SLEEPS)
			return nc_wl_fail(wl, -ECHILD, "wait4 before the child exited");
		nc_wl_sleep(wl, shell);
		nc_wl_switch(wl, cmd);
		ret = nc_wl_exec(wl, "cmd");
		if (!ret)
			ret = nc_wl_populate(wl, p[1]);
		if (ret)
			return ret;
		nc_wl_exit(wl, 0);
		nc_sched_wake(wl->m, shell);       /* SIGCHLD wakes the waiting shell */
		nc_wl_switch(wl, shell);
		if (nc_wl_wait(wl) != want)
			return nc_wl_fail(wl, -ECHILD, "wait4");
	}
	nc_wl_sleep(wl, shell);
	return 0;
}

const struct nc_wl_type nc_wl_forkexec = {
	.name = "forkexec",
	.summary = "a shell forks, execs and waits for commands one by one",
	.params = {
		{ "commands", 64, 1, 10000, false, NULL },
		{ "mem", 64, 1, 4096, true, NULL },       /* 256K */
	},
	.run = forkexec_run,
};

// SPDX-License-Identifier: GPL-2.0-only
/*
 * hackbench: groups=G groups of fds=F receivers and F senders, processes
 * (fork) or threads (mode=thread), created as hackbench does: per group
 * the receivers, then the senders. Each child runs at once (it writes its
 * message buffer, one page) and waits for the start signal; then all are
 * woken, and each exits after its messages; the parent reaps the
 * processes. Left out: the messages themselves (the sockets, and the
 * wakeups and migrations the traffic would cause).
 */
#include "kernel/sched/core.h"
#include "lib/err.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "workload/workload.h"

#define HACKBENCH_THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | \
				CLONE_SIGHAND | CLONE_THREAD)

static const char *const modes[] = { "process", "thread", NULL };

static int hackbench_run(struct nc_wl *wl, const unsigned long *p)
{
	struct task_struct *parent = wl->first, *t;
	bool threads = p[2] == 1;
	size_t first = wl->nr_rec;
	int ret;

	for (unsigned long i = 0; i < p[0] * 2 * p[1]; i++) {
		t = threads ? nc_wl_clone(wl, HACKBENCH_THREAD_FLAGS, 0)
			    : nc_wl_clone(wl, 0, SIGCHLD);
		if (IS_ERR(t))
			return (int)PTR_ERR(t);
		nc_wl_switch(wl, t);
		ret = nc_wl_populate(wl, 1);
		if (ret)
			return ret;
		nc_wl_sleep(wl, t);                  /* poll() on the start pipe */
		nc_wl_switch(wl, parent);
	}
	for (size_t i = first; i < wl->nr_rec; i++)   /* the start signal */
		nc_sched_wake(wl->m, nc_wl_task(wl, i));
	for (size_t i = first; i < wl->nr_rec; i++) {
		nc_wl_switch(wl, nc_wl_task(wl, i));
		nc_wl_exit(wl, 0);
	}
	nc_wl_switch(wl, parent);
	while (!threads && nc_wl_wait(wl) > 0)
		;
	nc_wl_sleep(wl, parent);
	return 0;
}

const struct nc_wl_type nc_wl_hackbench = {
	.name = "hackbench",
	.summary = "groups of senders and receivers (processes or threads)",
	.params = {
		{ "groups", 1, 1, 64, false, NULL },
		{ "fds", 20, 1, 64, false, NULL },
		{ "mode", 0, 0, 1, false, modes },
	},
	.run = hackbench_run,
};

// SPDX-License-Identifier: GPL-2.0-only
/*
 * threads: the first task starts a pool of threads=N threads with
 * pthread_create()'s clone flags; each writes mem=SIZE of its own arena,
 * then the pool idles. Left out: the thread stack glibc maps before
 * clone(), and CLONE_SETTLS, CLONE_PARENT_SETTID and CLONE_CHILD_CLEARTID
 * (the TLS and tid words).
 */
#include "uapi/linux/sched.h"
#include "workload/workload.h"

/* glibc's create_thread() flags, less the three above */
#define PTHREAD_CLONE_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | \
			     CLONE_SIGHAND | CLONE_THREAD)

static int threads_run(struct nc_wl *wl, const unsigned long *p)
{
	return nc_wl_pool(wl, p[0], PTHREAD_CLONE_FLAGS, 0, p[1]);
}

const struct nc_wl_type nc_wl_threads = {
	.name = "threads",
	.summary = "a pool of threads, each writing its own arena",
	.params = {
		{ "threads", 16, 1, 1024, false, NULL },
		{ "mem", 256, 1, 4096, true, NULL },
	},
	.run = threads_run,
};

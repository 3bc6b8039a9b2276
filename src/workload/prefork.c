// SPDX-License-Identifier: GPL-2.0-only
/*
 * prefork: a server (the first task) forks workers=N processes, each of
 * which writes mem=SIZE of fresh anonymous memory, as a pre-fork web
 * server's workers warm up. A worker stays busy (runnable) while the next
 * ones are forked; once all are up, each blocks (in accept(), not
 * modelled) and the server sleeps.
 */
#include "uapi/linux/signal.h"
#include "workload/workload.h"

static int prefork_run(struct nc_wl *wl, const unsigned long *p)
{
	return nc_wl_pool(wl, p[0], 0, SIGCHLD, p[1]);
}

const struct nc_wl_type nc_wl_prefork = {
	.name = "prefork",
	.summary = "a server forks workers that each write their memory",
	.params = {
		{ "workers", 16, 1, 1024, false, NULL },
		{ "mem", 256, 1, 4096, true, NULL },      /* 1M, up to 16M */
	},
	.run = prefork_run,
};

// SPDX-License-Identifier: GPL-2.0-only
/*
 * kthreads: per=N kernel threads created on each online node with
 * kthread_create_on_node(), as per-node worker pools are. Each runs once
 * (kthread() signals its creator) and sleeps until woken; binding it to
 * its node's CPUs (kthread_bind_mask()) is left to a later step that is
 * not modelled, so its first CPU is the one wake_up_new_task() chose.
 */
#include <errno.h>
#include <stdio.h>

#include "kernel/kthread.h"
#include "lib/err.h"
#include "workload/workload.h"

static int kthreads_run(struct nc_wl *wl, const unsigned long *p)
{
	const struct nc_topology *topo = wl->m->topo;
	char name[48];

	for (unsigned int node = 0; node < topo->nr_node_ids; node++) {
		if (!topo->nodes[node].online)
			continue;
		for (unsigned long i = 0; i < p[0]; i++) {
			struct task_struct *t;

			snprintf(name, sizeof(name), "kworker/n%u:%lu", node, i);
			t = kthread_create_on_node(wl->m, (int)node, name);
			if (IS_ERR(t))
				return nc_wl_fail(wl, PTR_ERR(t), "kthread_create_on_node");
			if (nc_wl_record(wl, t))
				return nc_wl_fail(wl, -ENOMEM, "recording a task");
			nc_wl_switch(wl, t);
			nc_wl_sleep(wl, t);
		}
	}
	nc_wl_switch(wl, wl->first);
	nc_wl_sleep(wl, wl->first);
	return 0;
}

const struct nc_wl_type nc_wl_kthreads = {
	.name = "kthreads",
	.summary = "kernel threads created on each node (kthread_create_on_node)",
	.params = {
		{ "per", 4, 1, 256, false, NULL },
	},
	.run = kthreads_run,
};

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Booting and tearing down a machine: models init/main.c:start_kernel()'s
 * order of bringing the subsystems up (topology from firmware, then
 * mm_core_init()'s zonelists, page allocator and kmem_cache_init(), then
 * fork_init()), and the reverse order to destroy it.
 */
#include <stdlib.h>

#include "arch/machine.h"
#include "kernel/explain.h"
#include "kernel/fork.h"
#include "kernel/fork_whatif.h"
#include "kernel/pid.h"
#include "kernel/rcu/tree.h"
#include "kernel/sched/core.h"
#include "kernel/smp.h"
#include "mm/page_alloc.h"
#include "lib/error.h"
#include "mm/mempolicy.h"
#include "mm/percpu.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "trace/trace.h"
#include "uapi/linux/sched.h"

const char *nc_version(void)
{
	return NC_VERSION;
}

/* models init/main.c:rest_init(): the boot task spawns init (pid 1) and
 * kthreadd (pid 2); user-space tasks descend from init */
static int rest_init(struct nc_machine *m)
{
	struct kernel_clone_args init = { .flags = CLONE_FS, .name = "init", .exit_signal = 0 };
	struct kernel_clone_args kthreadd = { .flags = CLONE_FS | CLONE_FILES, .name = "kthreadd",
					      .kthread = 1 };
	long pid = kernel_clone(m, &init);

	if (pid < 0)
		return (int)pid;
	pid = kernel_clone(m, &kthreadd);
	if (pid < 0)
		return (int)pid;
	m->fork->kthreadd = pid_task(find_pid_ns((int)pid, m->init_pid_ns), PIDTYPE_PID);
	return 0;
}

/* models init/main.c:start_kernel() */
struct nc_machine *nc_machine_create(const struct nc_machine_config *cfg,
				     struct nc_error *err)
{
	struct nc_machine *m = calloc(1, sizeof(*m));

	if (!m) {
		nc_err(err, "out of host memory");
		return NULL;
	}
	m->rng = (cfg->seed ? cfg->seed : 0x6e756d61636c6f6eULL) | 1;
	m->topo = nc_topology_parse(cfg->topology ? cfg->topology : NC_DEFAULT_TOPOLOGY,
				    cfg->distance, err);
	if (!m->topo)
		goto fail;
	/* The first online CPU boots, as the BSP does. */
	for (m->cpu = 0; m->cpu < m->topo->nr_cpu_ids; m->cpu++)
		if (m->topo->cpu_node[m->cpu] >= 0)
			break;
	/* setup_per_cpu_areas(), then mm_core_init() (zonelists, memory to
	 * the buddy allocator, watermarks, kmem_cache_init()), sched_init(), numa_policy_init(),
	 * then the pid and fork caches (pid_idr_init() ... proc_caches_init()
	 * create the slab caches a fork allocates from), then rest_init(). The
	 * model's default policy lives in numa_policy_init()'s state (a static
	 * in the kernel), so it comes before the first slab page; rcu_init()
	 * (after kmem_cache_init() in the kernel, where call_rcu() works
	 * before it) comes before the first slab. */
	if (setup_per_cpu_areas(m) || nc_whatif_init(m, cfg) || nc_explain_init(m) ||
	    nc_page_alloc_init(m) || sched_init(m) || rcu_init(m) || numa_policy_init(m) || kmem_cache_init(m) ||
	    nc_create_boot_caches(m)) {
		nc_err(err, "out of host memory");
		goto fail;
	}
	if (nc_check_boot_objects(m, err))
		goto fail;
	if (pid_idr_init(m) || fork_init(m)) {
		nc_err(err, "out of host memory");
		goto fail;
	}
	/* sched_init()'s init_idle(current): the model's boot task exists once
	 * fork_init() has made it */
	init_idle(m, m->init_task, m->cpu);
	/* kernel_init_freeable(): init (and kthreadd) may use every node with
	 * memory; they inherit it from the boot task here */
	nc_cpuset_set_mems(m, m->init_task, &m->topo->memory);
	/* kernel_init_freeable(): smp_init() forks the other CPUs' idle tasks
	 * and brings the CPUs up, then sched_init_smp() builds the domains
	 * (the model forks the idle tasks from the boot task, in init's place:
	 * both are kernel threads on the boot CPU with nothing of their own
	 * to give) */
	if (rest_init(m) || smp_init(m) || sched_init_smp(m)) {
		nc_err(err, "out of host memory");
		goto fail;
	}
	return m;
fail:
	nc_machine_destroy(m);
	return NULL;
}

void nc_machine_destroy(struct nc_machine *m)
{
	if (!m)
		return;
	nc_trace_exit(m);
	fork_exit(m);
	pid_idr_exit(m);
	numa_policy_exit(m);        /* frees the pages address spaces hold */
	nc_slab_exit(m);
	percpu_exit(m);
	rcu_exit(m);
	nc_sched_destroy(m);
	nc_whatif_exit(m);
	nc_explain_exit(m);
	if (m->topo)
		nc_page_alloc_exit(m);
	nc_topology_free(m->topo);
	free(m);
}

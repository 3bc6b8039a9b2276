// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/smp.c:smp_init() as far as task placement sees it: the
 * idle tasks are forked (idle_threads_init()), then each other CPU comes
 * up and enters its idle loop (cpu_startup_entry() marks its idle task
 * PF_IDLE). The hotplug state machine and its per-CPU threads are left out.
 */
#include "kernel/sched/sched.h"
#include "kernel/smp.h"
#include "kernel/smpboot.h"

int smp_init(struct nc_machine *m)
{
	int ret = idle_threads_init(m);
	unsigned int cpu;

	if (ret)
		return ret;
	/* bringup_nonboot_cpus(): start_secondary() ends in cpu_startup_entry() */
	for_each_possible_cpu(cpu, m->topo)
		if (cpu != smp_processor_id(m))
			idle_task(m, cpu)->flags |= PF_IDLE;
	return 0;
}

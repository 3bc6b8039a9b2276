// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/smpboot.c's idle_threads_init(): the boot CPU forks one
 * idle task per other CPU, asking for its task_struct and stack on that
 * CPU's node. These are the first node-directed allocations from the boot
 * CPU's task_struct slab, so they decide where that slab stands when user
 * space starts forking. The per-CPU hotplug threads are left out.
 */
#include "kernel/fork.h"
#include "kernel/smpboot.h"
#include "lib/err.h"

int idle_threads_init(struct nc_machine *m)
{
	unsigned int boot_cpu = smp_processor_id(m), cpu;

	for_each_possible_cpu(cpu, m->topo) {
		struct task_struct *tsk;

		if (cpu == boot_cpu)
			continue;
		tsk = fork_idle(m, cpu);
		if (IS_ERR(tsk))
			return (int)PTR_ERR(tsk);
	}
	return 0;
}

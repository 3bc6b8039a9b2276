// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPU masks of /sys/devices/system/cpu (drivers/base/cpu.c). Left out:
 * kernel_max, offline, isolated, nohz_full and the per-CPU directories.
 */
#include "drivers/base/cpu.h"
#include "lib/bitmap.h"

const char *const cpu_map_names[NR_NC_CPU_MAPS] = { "online", "possible", "present" };

void show_cpus_attr(const struct nc_machine *m, enum nc_cpu_map map, FILE *f)
{
	const struct nc_topology *t = m->topo;
	cpumask_t mask = { { 0 } };
	char list[NR_CPUS * 5 + 1];

	for (unsigned int cpu = 0; cpu < t->nr_cpu_ids; cpu++)
		if (map == NC_CPU_POSSIBLE || cpu_to_node(t, cpu) >= 0)
			cpumask_set_cpu(cpu, &mask);
	bitmap_print_list(list, sizeof(list), mask.bits, t->nr_cpu_ids);
	fprintf(f, "%s\n", list);
}

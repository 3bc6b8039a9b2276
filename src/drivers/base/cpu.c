// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPU masks of /sys/devices/system/cpu (drivers/base/cpu.c). Left out:
 * kernel_max, offline, isolated, nohz_full and the per-CPU directories.
 */
#include "drivers/base/cpu.h"
#include "lib/bitmap.h"

void show_cpus_attr(const struct nc_machine *m, FILE *f)
{
	const struct nc_topology *t = m->topo;
	cpumask_t mask = { { 0 } };
	char list[NR_CPUS * 5 + 1];
	unsigned int cpu;

	for_each_possible_cpu(cpu, t)
		cpumask_set_cpu(cpu, &mask);
	bitmap_print_list(list, sizeof(list), mask.bits, t->nr_cpu_ids);
	fprintf(f, "%s\n", list);
}

/* SPDX-License-Identifier: GPL-2.0-only */
/* /sys/devices/system/cpu/{online,possible,present} (drivers/base/cpu.c). */
#ifndef NC_DRIVERS_BASE_CPU_H
#define NC_DRIVERS_BASE_CPU_H

#include <stdio.h>

#include "arch/machine.h"

/* models drivers/base/cpu.c:show_cpus_attr(): "%*pbl\n" of the mask over
 * nr_cpu_ids bits, to f. The model has no CPU hotplug: possible, present
 * and online are one mask, the CPUs the topology has (cpu_possible()). */
void show_cpus_attr(const struct nc_machine *m, FILE *f);

#endif

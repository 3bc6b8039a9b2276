/* SPDX-License-Identifier: GPL-2.0-only */
/* /sys/devices/system/cpu/{online,possible,present} (drivers/base/cpu.c). */
#ifndef NC_DRIVERS_BASE_CPU_H
#define NC_DRIVERS_BASE_CPU_H

#include <stdio.h>

#include "arch/machine.h"

enum nc_cpu_map { NC_CPU_ONLINE, NC_CPU_POSSIBLE, NC_CPU_PRESENT, NR_NC_CPU_MAPS };

/* the file names, in cpu_attrs[] order */
extern const char *const cpu_map_names[NR_NC_CPU_MAPS];

/* models drivers/base/cpu.c:show_cpus_attr(): "%*pbl\n" of the mask over
 * nr_cpu_ids bits, to f.
 * Possible: every id below nr_cpu_ids; present: those the topology puts
 * on a node; online: the present ones (the model has no CPU hotplug). */
void show_cpus_attr(const struct nc_machine *m, enum nc_cpu_map map, FILE *f);

#endif

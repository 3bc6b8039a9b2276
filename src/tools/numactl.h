/* SPDX-License-Identifier: GPL-2.0-only */
/* numactl's text formats, as the user-space tool prints them. */
#ifndef NC_TOOLS_NUMACTL_H
#define NC_TOOLS_NUMACTL_H

#include <stdio.h>

#include "arch/machine.h"
#include "arch/topology.h"

enum numactl_version {
	NUMACTL_2_0_16,  /* Debian 12: "% 3d" distance columns */
	NUMACTL_2_0_19,  /* "% 4d" columns */
};

/* `numactl --hardware` for topology t; free_bytes[nid] is each online
 * node's free memory (indexed by node id). */
void numactl_print_hardware(FILE *out, const struct nc_topology *t,
			    const unsigned long long *free_bytes,
			    enum numactl_version v);
/* The same for a booted machine, free figures from its page allocator.
 * Returns 0 or -ENOMEM. */
int numactl_hardware(FILE *out, const struct nc_machine *m, enum numactl_version v);

#endif

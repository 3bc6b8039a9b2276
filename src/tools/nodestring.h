/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libnuma's node and CPU strings, as numactl's options take them:
 * numa_parse_nodestring() and numa_parse_cpustring() on a model machine.
 * Left out: libnuma's I/O-affinity names (a PCI device or netdev for a node).
 */
#ifndef NC_TOOLS_NODESTRING_H
#define NC_TOOLS_NODESTRING_H

#include <numaclone/numaclone.h>
#include "arch/topology.h"
#include "lib/nodemask.h"

/*
 * "all", a list of numbers and ranges ("1,3-5"), "!" first to invert,
 * "+" (after any "!") for numbers relative to the allowed set. Allowed
 * nodes are the nodes with memory (numa_all_nodes_ptr of a task without a
 * cpuset), allowed CPUs the present ones. An empty string is the empty
 * mask. Returns 0, or -EINVAL with *err naming the input and the position.
 */
int nc_parse_nodestring(const struct nc_topology *t, const char *s, nodemask_t *mask,
			struct nc_error *err);
int nc_parse_cpustring(const struct nc_topology *t, const char *s, cpumask_t *mask,
		       struct nc_error *err);

#endif

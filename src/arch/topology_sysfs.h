/* SPDX-License-Identifier: GPL-2.0-only */
/* A sysfs node tree (/sys/devices/system/node or a copy) as a topology. */
#ifndef NC_ARCH_TOPOLOGY_SYSFS_H
#define NC_ARCH_TOPOLOGY_SYSFS_H

#include "arch/topology.h"

/*
 * root is a directory holding node0/, node1/, ... (each with cpulist,
 * meminfo and distance), or one holding node/ and cpu/ as
 * /sys/devices/system does; "host" reads the latter. Cores and packages
 * come from cpu/cpuN/topology when that directory is there.
 */
struct nc_topology *nc_topo_sysfs_tree(const char *root, const char *name,
				       struct nc_error *err);

/* The three per-node files, parsed from d->src->buf for node nid. */
int nc_topo_sysfs_cpulist(struct nc_topo_draft *d, int nid);
int nc_topo_sysfs_meminfo(struct nc_topo_draft *d, int nid);
/* needs every node already in d->online */
int nc_topo_sysfs_distance(struct nc_topo_draft *d, int nid);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The per-node sysfs files of drivers/base/node.c, rendered as the kernel
 * renders them: /sys/devices/system/node/nodeN/{numastat,distance,meminfo,
 * cpulist,cpumap,vmstat} and the node-state files beside them. Each fills
 * a page-sized buffer (sysfs_emit_at()'s limit)
 * and returns the length. meminfo and vmstat carry only the lines the model
 * keeps, in the kernel's order and spacing.
 */
#ifndef NC_DRIVERS_BASE_NODE_H
#define NC_DRIVERS_BASE_NODE_H

#include "arch/machine.h"

#define NODE_ATTR_BUF_SIZE 4096 /* PAGE_SIZE: one sysfs show() buffer */

/* models drivers/base/node.c:node_read_numastat() */
int node_read_numastat(const struct nc_machine *m, int nid, char *buf);
/* models drivers/base/node.c:node_read_distance() */
int node_read_distance(const struct nc_machine *m, int nid, char *buf);
/* models drivers/base/node.c:node_read_meminfo() */
int node_read_meminfo(const struct nc_machine *m, int nid, char *buf);
/* models drivers/base/node.c:node_read_cpulist() */
int node_read_cpulist(const struct nc_machine *m, int nid, char *buf);
/* models drivers/base/node.c:cpumap_read(): "%*pb" over nr_cpu_ids bits */
int node_read_cpumap(const struct nc_machine *m, int nid, char *buf);
/* models drivers/base/node.c:node_read_vmstat() */
int node_read_vmstat(const struct nc_machine *m, int nid, char *buf);

/* include/linux/nodemask.h's node states that have a file in
 * /sys/devices/system/node (no N_HIGH_MEMORY without CONFIG_HIGHMEM, no
 * generic initiators), in the kernel's order */
enum node_states { N_POSSIBLE, N_ONLINE, N_NORMAL_MEMORY, N_MEMORY, N_CPU, NR_NODE_STATES };
/* their file names (node_state_attr[]) */
extern const char *const node_state_names[NR_NODE_STATES];
/* models drivers/base/node.c:show_node_state(): "%*pbl\n" of node_states[state];
 * the possible nodes are every id below nr_node_ids */
int show_node_state(const struct nc_machine *m, enum node_states state, char *buf);

#endif

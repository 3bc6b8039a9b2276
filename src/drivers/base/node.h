/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The per-node sysfs files of drivers/base/node.c, rendered as the kernel
 * renders them: /sys/devices/system/node/nodeN/{numastat,distance,meminfo,
 * cpulist,vmstat}. Each fills a page-sized buffer (sysfs_emit_at()'s limit)
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
/* models drivers/base/node.c:node_read_vmstat() */
int node_read_vmstat(const struct nc_machine *m, int nid, char *buf);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The machine's shape, as the kernel learns it from firmware (ACPI SRAT and
 * SLIT on x86): nodes with their CPUs and memory, the distance table, and
 * each CPU's core and package. Node ids may be sparse (a node that is not
 * online has no CPUs and no memory). Models the facts include/linux/topology.h
 * and drivers/base/node.c expose.
 */
#ifndef NC_ARCH_TOPOLOGY_H
#define NC_ARCH_TOPOLOGY_H

#include <stdbool.h>
#include <stdint.h>

#include <numaclone/numaclone.h>
#include "lib/nodemask.h"

#define LOCAL_DISTANCE  10
#define REMOTE_DISTANCE 20

struct nc_node {
	bool online;
	unsigned long long mem_bytes; /* MemTotal: 0 for a memoryless node */
	unsigned int nr_cpus;         /* CPUs whose cpu_node[] is this node */
};

struct nc_topology {
	char name[64];                /* preset or source, for reports */
	unsigned int nr_node_ids;     /* highest possible node id + 1 */
	struct nc_node *nodes;        /* [nr_node_ids] */
	uint8_t *distance;            /* [nr_node_ids * nr_node_ids], SLIT row-major */
	unsigned int nr_cpu_ids;      /* highest CPU id + 1 */
	int *cpu_node;                /* [nr_cpu_ids]: node, or -1 if not present */
	int *cpu_core;                /* [nr_cpu_ids]: core id within its package */
	int *cpu_package;             /* [nr_cpu_ids]: physical package id */
	nodemask_t online;            /* node_states[N_ONLINE] */
	nodemask_t memory;            /* node_states[N_MEMORY] */
	nodemask_t has_cpu;           /* node_states[N_CPU] */
};

/* models include/linux/topology.h:node_distance() */
static inline int node_distance(const struct nc_topology *t, int a, int b)
{
	return t->distance[(unsigned)a * t->nr_node_ids + (unsigned)b];
}

/* models include/linux/topology.h:cpu_to_node() */
static inline int cpu_to_node(const struct nc_topology *t, unsigned int cpu)
{
	return t->cpu_node[cpu];
}

/*
 * Builds a topology from any accepted SPEC (preset, compact NxC[:MEM],
 * numactl --hardware file, sysfs tree, QEMU -numa list, "host"). distance
 * is the --distance option for compact specs (may be NULL). Returns NULL
 * with *err naming the input and position on bad input.
 */
struct nc_topology *nc_topology_parse(const char *spec, const char *distance,
				      struct nc_error *err);
void nc_topology_free(struct nc_topology *t);

#endif

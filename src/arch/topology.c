// SPDX-License-Identifier: GPL-2.0-only
/*
 * Topology construction: what arch/x86/mm/numa.c and the ACPI SRAT/SLIT
 * parsers give the kernel, built here from a user's SPEC.
 * (Bootstrap version: compact NxC[:MEM] only; the other forms follow.)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/topology.h"
#include "lib/error.h"

static struct nc_topology *topology_alloc(unsigned int nr_nodes, unsigned int nr_cpus)
{
	struct nc_topology *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->nr_node_ids = nr_nodes;
	t->nr_cpu_ids = nr_cpus;
	t->nodes = calloc(nr_nodes, sizeof(*t->nodes));
	t->distance = calloc((size_t)nr_nodes * nr_nodes, 1);
	t->cpu_node = calloc(nr_cpus ? nr_cpus : 1, sizeof(int));
	t->cpu_core = calloc(nr_cpus ? nr_cpus : 1, sizeof(int));
	t->cpu_package = calloc(nr_cpus ? nr_cpus : 1, sizeof(int));
	if (!t->nodes || !t->distance || !t->cpu_node || !t->cpu_core || !t->cpu_package) {
		nc_topology_free(t);
		return NULL;
	}
	return t;
}

void nc_topology_free(struct nc_topology *t)
{
	if (!t)
		return;
	free(t->nodes);
	free(t->distance);
	free(t->cpu_node);
	free(t->cpu_core);
	free(t->cpu_package);
	free(t);
}

struct nc_topology *nc_topology_parse(const char *spec, const char *distance,
				      struct nc_error *err)
{
	unsigned int nodes, cpus;
	struct nc_topology *t;
	int n = 0;

	(void)distance;
	if (sscanf(spec, "%ux%u%n", &nodes, &cpus, &n) != 2 || spec[n] ||
	    !nodes || nodes > MAX_NUMNODES || (unsigned long)nodes * cpus > NR_CPUS) {
		nc_err(err, "topology '%s': not a known form", spec);
		return NULL;
	}
	t = topology_alloc(nodes, nodes * cpus);
	if (!t) {
		nc_err(err, "out of host memory");
		return NULL;
	}
	snprintf(t->name, sizeof(t->name), "%s", spec);
	for (unsigned int a = 0; a < nodes; a++) {
		t->nodes[a].online = true;
		t->nodes[a].mem_bytes = 4ULL << 30;
		t->nodes[a].nr_cpus = cpus;
		node_set(a, t->online);
		node_set(a, t->memory);
		if (cpus)
			node_set(a, t->has_cpu);
		for (unsigned int b = 0; b < nodes; b++)
			t->distance[a * nodes + b] = a == b ? LOCAL_DISTANCE : REMOTE_DISTANCE;
	}
	for (unsigned int c = 0; c < nodes * cpus; c++) {
		t->cpu_node[c] = (int)(c / cpus);
		t->cpu_core[c] = (int)c;
		t->cpu_package[c] = (int)(c / cpus);
	}
	return t;
}

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helper: a machine booted on a hand-built topology (node memory in
 * MiB, CPUs per node, a SLIT matrix), for the page allocator's tests.
 */
#ifndef NC_TESTS_MM_MACHINE_H
#define NC_TESTS_MM_MACHINE_H

#include <stdint.h>
#include <stdlib.h>

#include "arch/machine.h"
#include "arch/topology.h"
#include "mm/page_alloc.h"

/* dist may be NULL for 10/20; a node with mem_mb 0 is memoryless */
static inline struct nc_machine *mm_machine(unsigned int nr_nodes,
					    const unsigned long long *mem_mb,
					    const unsigned int *cpus,
					    const uint8_t *dist)
{
	struct nc_topology *t = calloc(1, sizeof(*t));
	struct nc_machine *m = calloc(1, sizeof(*m));
	unsigned int nr_cpus = 0, c = 0;

	for (unsigned int n = 0; n < nr_nodes; n++)
		nr_cpus += cpus[n];
	t->nr_node_ids = nr_nodes;
	t->nr_cpu_ids = nr_cpus;
	t->nodes = calloc(nr_nodes, sizeof(*t->nodes));
	t->distance = calloc((size_t)nr_nodes * nr_nodes, 1);
	t->cpu_node = calloc(nr_cpus + 1, sizeof(int));
	t->cpu_core = calloc(nr_cpus + 1, sizeof(int));
	t->cpu_package = calloc(nr_cpus + 1, sizeof(int));
	for (unsigned int n = 0; n < nr_nodes; n++) {
		t->nodes[n].online = true;
		t->nodes[n].mem_bytes = mem_mb[n] << 20;
		t->nodes[n].nr_cpus = cpus[n];
		node_set(n, t->online);
		if (mem_mb[n])
			node_set(n, t->memory);
		if (cpus[n])
			node_set(n, t->has_cpu);
		for (unsigned int k = 0; k < cpus[n]; k++, c++) {
			t->cpu_node[c] = (int)n;
			t->cpu_core[c] = (int)c;
			t->cpu_package[c] = (int)n;
		}
		for (unsigned int b = 0; b < nr_nodes; b++)
			t->distance[n * nr_nodes + b] = dist ? dist[n * nr_nodes + b] :
				n == b ? LOCAL_DISTANCE : REMOTE_DISTANCE;
	}
	m->topo = t;
	m->rng = 1;
	if (nc_page_alloc_init(m)) {
		nc_page_alloc_exit(m);
		nc_topology_free(t);
		free(m);
		return NULL;
	}
	return m;
}

static inline void mm_machine_free(struct nc_machine *m)
{
	nc_page_alloc_exit(m);
	nc_topology_free(m->topo);
	free(m);
}

#endif

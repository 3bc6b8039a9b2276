/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hand-built machines for the scheduler tests: a topology given by nodes,
 * CPUs per node, SMT threads per core, nodes per package and a SLIT, booted
 * through sched_init() and sched_init_domains() only. CPUs are numbered
 * node by node, SMT siblings adjacent.
 */
#ifndef NC_TESTS_SCHED_MACHINE_H
#define NC_TESTS_SCHED_MACHINE_H

#include <stdlib.h>
#include <string.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "kernel/sched/core.h"
#include "kernel/sched/topology.h"

static inline struct nc_machine *sm_create(unsigned int nodes, unsigned int cpn,
					   unsigned int threads, unsigned int nodes_per_pkg,
					   const uint8_t *slit, int reclaim_distance)
{
	struct nc_machine *m = calloc(1, sizeof(*m));
	struct nc_topology *t = calloc(1, sizeof(*t));
	unsigned int n = nodes * cpn;

	m->topo = t;
	t->nr_node_ids = nodes;
	t->nr_cpu_ids = n;
	t->nodes = calloc(nodes, sizeof(*t->nodes));
	t->distance = malloc((size_t)nodes * nodes);
	memcpy(t->distance, slit, (size_t)nodes * nodes);
	t->cpu_node = calloc(n, sizeof(int));
	t->cpu_core = calloc(n, sizeof(int));
	t->cpu_package = calloc(n, sizeof(int));
	for (unsigned int a = 0; a < nodes; a++) {
		t->nodes[a].online = true;
		t->nodes[a].nr_cpus = cpn;
		node_set(a, t->online);
		node_set(a, t->memory);
		node_set(a, t->has_cpu);
	}
	for (unsigned int c = 0; c < n; c++) {
		unsigned int pkg = c / cpn / nodes_per_pkg;

		t->cpu_node[c] = (int)(c / cpn);
		t->cpu_package[c] = (int)pkg;
		t->cpu_core[c] = (int)((c - pkg * cpn * nodes_per_pkg) / threads);
	}
	m->curr = calloc(n, sizeof(*m->curr));     /* fork_init()'s, no idle task */
	if (sched_init(m))
		abort();
	m->sched->node_reclaim_distance = reclaim_distance;
	if (sched_init_domains(m))
		abort();
	return m;
}

static inline void sm_destroy(struct nc_machine *m)
{
	nc_sched_destroy(m);
	free(m->curr);
	free(m->topo->nodes);
	free(m->topo->distance);
	free(m->topo->cpu_node);
	free(m->topo->cpu_core);
	free(m->topo->cpu_package);
	free(m->topo);
	free(m);
}

/* A nice-0 task allowed on every CPU of m, placed nowhere yet. */
static inline struct task_struct *sm_task(struct nc_machine *m, pid_t pid)
{
	struct task_struct *p = calloc(1, sizeof(*p));

	p->pid = pid;
	p->se_load_weight = 1024;
	p->prio = p->static_prio = p->normal_prio = 120;   /* SCHED_NORMAL, nice 0 */
	p->numa_preferred_nid = -1;
	for (unsigned int c = 0; c < m->topo->nr_cpu_ids; c++)
		cpumask_set_cpu(c, &p->cpus_mask);
	return p;
}

#endif

// SPDX-License-Identifier: GPL-2.0-only
/*
 * The what-if hooks of the fork path (see fork_whatif.h): the node for the
 * task_struct and stack, whether a cached stack may be reused, and the
 * child's first CPU. Everything else about fork stays the kernel's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/fork.h"
#include "kernel/fork_whatif.h"
#include "kernel/kthread.h"
#include "kernel/sched/core.h"
#include "kernel/sched/sched.h"
#include "lib/error.h"
#include "mm/mmzone.h"

/* The option words; a choice's index is its enum value. */
static const char *const fork_node_words[] = { "parent", "child" };
static const char *const stack_cache_words[] = { "kernel", "node-aware" };

static int pick(const char *name, const char *value, const char *const words[2],
		struct nc_error *err)
{
	for (int i = 0; i < 2; i++)
		if (!strcmp(value, words[i]))
			return i;
	nc_err(err, "--%s=%s: expected %s or %s", name, value, words[0], words[1]);
	return -1;
}

int nc_whatif_parse(struct nc_machine_config *cfg, const char *name, const char *value,
		    struct nc_error *err)
{
	int v;

	if (!strcmp(name, "fork-node")) {
		v = pick(name, value, fork_node_words, err);
		if (v >= 0)
			cfg->fork_node = (enum nc_fork_node)v;
	} else if (!strcmp(name, "stack-cache")) {
		v = pick(name, value, stack_cache_words, err);
		if (v >= 0)
			cfg->stack_cache = (enum nc_stack_cache)v;
	} else {
		nc_err(err, "--%s: not a what-if option (fork-node, stack-cache)", name);
		v = -1;
	}
	return v < 0 ? -1 : 0;
}

int nc_whatif_init(struct nc_machine *m, const struct nc_machine_config *cfg)
{
	m->whatif = calloc(1, sizeof(*m->whatif));
	if (!m->whatif)
		return -ENOMEM;
	m->whatif->fork_node = cfg->fork_node;
	m->whatif->stack_cache = cfg->stack_cache;
	return 0;
}

void nc_whatif_exit(struct nc_machine *m)
{
	free(m->whatif);
	m->whatif = NULL;
}

int nc_fork_task_node(struct nc_machine *m, const struct task_struct *orig, int node,
		      unsigned int *first_cpu, enum nc_node_why *why)
{
	struct task_struct probe;

	*first_cpu = 0;
	*why = NC_NODE_WHY_CALLER;
	if (node == NUMA_NO_NODE)
		node = tsk_fork_get_node(m, orig);
	if (node != NUMA_NO_NODE)
		return node;
	*why = NC_NODE_WHY_NONE;
	if (!m->whatif || m->whatif->fork_node != NC_FORK_NODE_CHILD || !m->sched)
		return NUMA_NO_NODE;
	/* the child as sched_fork() and sched_cgroup_fork() will make it:
	 * the parent's affinity, on no queue, on the running CPU */
	probe = *orig;
	sched_fork(m, 0, &probe);
	sched_cgroup_fork(m, &probe);
	probe.numa_preferred_nid = orig->numa_preferred_nid;
	*first_cpu = select_task_rq(m, &probe, probe.cpu, WF_FORK) + 1;
	*why = NC_NODE_WHY_CHILD_CPU;
	return cpu_to_node(m->topo, *first_cpu - 1);
}

bool nc_fork_stack_cache_ok(const struct nc_machine *m, const struct thread_stack *s, int node)
{
	if (!m->whatif || m->whatif->stack_cache != NC_STACK_CACHE_NODE_AWARE)
		return true;
	if (node == NUMA_NO_NODE)
		node = numa_mem_id(m);
	for (unsigned int i = 0; i < THREAD_SIZE / PAGE_SIZE; i++)
		if (page_to_nid(s->pages[i]) != node)
			return false;
	return true;
}

unsigned int nc_fork_first_cpu(struct nc_machine *m, struct task_struct *p)
{
	if (p->whatif_cpu && cpumask_test_cpu(p->whatif_cpu - 1, &p->cpus_mask))
		return p->whatif_cpu - 1;
	return select_task_rq(m, p, p->cpu, WF_FORK);
}

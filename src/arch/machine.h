/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one object that holds a simulated machine's state. Layers only look
 * down: arch (this file, topology, the running CPU and its current task, as
 * the kernel keeps smp_processor_id() and current below mm) < mm < kernel.
 * Upper layers' state is reached through pointers to structs this file only
 * declares, so nothing here includes a header from above.
 */
#ifndef NC_ARCH_MACHINE_H
#define NC_ARCH_MACHINE_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/topology.h"

struct cred_state;
struct fork_state;
struct mempolicy_state;
struct nc_explain;
struct nc_trace;
struct nc_whatif;
struct pglist_data;
struct page_alloc_state;
struct pcpu_state;
struct pid_namespace;
struct rcu_state;
struct sched_state;
struct slab_state;
struct task_struct;

struct nc_machine {
	struct nc_topology *topo;
	unsigned int cpu;                 /* smp_processor_id() */
	struct task_struct **curr;        /* current on each CPU [nr_cpu_ids] */
	uint64_t rng;                     /* xorshift state (see nc_random()) */
	struct nc_trace *trace;           /* trace/: NULL while not tracing */
	unsigned char alloc_hooks;        /* NC_HOOK_*: see below */
	void (*alloc_hooks_changed)(struct nc_machine *m);  /* mm/slub.c's, once up */

	/* mm/ */
	struct pcpu_state *percpu;        /* mm/percpu.c's first chunk */
	struct pglist_data **node_data;   /* NODE_DATA(nid) [nr_node_ids] */
	struct page_alloc_state *page_alloc; /* mm/page_alloc.c's globals */
	struct slab_state *slab;          /* mm/slub.c caches and kmalloc tables */
	struct mempolicy_state *mempolicy; /* mm/mempolicy.c statics */

	/* kernel/ */
	struct task_struct *init_task;    /* pid 0, the boot CPU's idle task */
	struct pid_namespace *init_pid_ns;
	struct cred_state *cred;          /* kernel/cred.c: init_user_ns, ucounts */
	struct fork_state *fork;          /* kernel/fork.c globals */
	struct sched_state *sched;        /* kernel/sched: run queues, domains */
	struct rcu_state *rcu;            /* kernel/rcu/tree.c: grace periods */
	struct nc_whatif *whatif;         /* kernel/fork_whatif.c: placement what-ifs */
	struct nc_explain *explain;       /* kernel/explain.c: decision records */
};

/*
 * What sends SLUB's fast paths to their full versions, one byte for one
 * test: an attached tracer (the kernel's tracepoints are static keys) and
 * armed fault injection (the kernel calls should_failslab() each time; the
 * model skips it while nothing is armed).
 */
#define NC_HOOK_TRACE    0x1
#define NC_HOOK_FAILSLAB 0x2

static inline void nc_alloc_hook_set(struct nc_machine *m, unsigned char hook, bool on)
{
	m->alloc_hooks = on ? m->alloc_hooks | hook : m->alloc_hooks & ~hook;
	/* as flipping a static key patches every site that tests it */
	if (m->alloc_hooks_changed)
		m->alloc_hooks_changed(m);
}

/* models smp_processor_id() */
static inline unsigned int smp_processor_id(const struct nc_machine *m)
{
	return m->cpu;
}

/* models include/linux/topology.h:numa_node_id(): the running CPU's node */
static inline int numa_node_id(const struct nc_machine *m)
{
	return cpu_to_node(m->topo, m->cpu);
}

/* models numa_mem_id(): equal to numa_node_id() on x86 (no
 * CONFIG_HAVE_MEMORYLESS_NODES), even on a memoryless node */
static inline int numa_mem_id(const struct nc_machine *m)
{
	return numa_node_id(m);
}

/* models the running task, get_current() */
static inline struct task_struct *nc_current(const struct nc_machine *m)
{
	return m->curr ? m->curr[m->cpu] : NULL;
}

/* Deterministic stand-in for the places the kernel reads a cycle counter
 * (get_cycles() in get_any_partial(), ...): xorshift64*, seeded per machine. */
static inline uint64_t nc_random(struct nc_machine *m)
{
	m->rng ^= m->rng >> 12;
	m->rng ^= m->rng << 25;
	m->rng ^= m->rng >> 27;
	return m->rng * 0x2545F4914F6CDD1DULL;
}

/* Switches the simulated CPU; returns the previous one. */
static inline unsigned int nc_set_cpu(struct nc_machine *m, unsigned int cpu)
{
	unsigned int old = m->cpu;

	m->cpu = cpu;
	return old;
}

#endif

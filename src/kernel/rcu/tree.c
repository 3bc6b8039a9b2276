// SPDX-License-Identifier: GPL-2.0-only
/*
 * A minimal Tree RCU (kernel/rcu/tree.c of v6.12) for a single-threaded,
 * deterministic machine: per-CPU callback lists in two segments (waiting
 * for the grace period in progress, and queued since), and a grace period
 * that ends when every CPU present at its start has reported a quiescent
 * state through rcu_note_context_switch(), or at once when
 * synchronize_rcu()/rcu_barrier() waits for it. Left out: read-side
 * critical sections (nothing to wait for), the rcu_node tree, expedited
 * and polled grace periods, callback offloading, lazy callbacks, the
 * kfree_rcu() page-block batching (kvfree_call_rcu() takes the head channel).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/rcu/tree.h"
#include "lib/nodemask.h"
#include "mm/slub.h"

/* models struct rcu_cblist */
struct rcu_cblist {
	struct rcu_head *head, **tail;
};

/* Callbacks proper, and kvfree_call_rcu()'s heads (krcp->head in the
 * kernel), whose func field holds the pointer to free. */
enum { RCU_CBS, RCU_KVFREE, RCU_NR_LISTS };

/* models struct rcu_data: a CPU's callbacks, its segmented list cut to
 * two segments: what waits for the current grace period, what came since */
struct rcu_data {
	struct rcu_cblist wait[RCU_NR_LISTS], next[RCU_NR_LISTS];
};

/* models struct rcu_state */
struct rcu_state {
	unsigned long completed;           /* grace periods ended */
	bool gp_in_progress;
	cpumask_t qs_pending;              /* CPUs yet to pass a quiescent state */
	unsigned long nr_next;             /* callbacks in the next segments */
	unsigned long nr_kvfree;           /* kvfree heads queued, not yet run */
	struct rcu_data *rda;              /* [nr_cpu_ids] */
};

static void cblist_init(struct rcu_cblist *l)
{
	l->head = NULL;
	l->tail = &l->head;
}

int rcu_init(struct nc_machine *m)
{
	struct rcu_state *rs = calloc(1, sizeof(*rs));

	if (!rs || !(rs->rda = calloc(m->topo->nr_cpu_ids, sizeof(*rs->rda)))) {
		free(rs);
		return -ENOMEM;
	}
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		for (int i = 0; i < RCU_NR_LISTS; i++) {
			cblist_init(&rs->rda[cpu].wait[i]);
			cblist_init(&rs->rda[cpu].next[i]);
		}
	m->rcu = rs;
	return 0;
}

void rcu_exit(struct nc_machine *m)
{
	if (m->rcu)
		free(m->rcu->rda);
	free(m->rcu);
	m->rcu = NULL;
}

/* models kernel/rcu/tree.c:rcu_gp_init(): the queued callbacks now wait
 * for this grace period, as do all present CPUs */
static void rcu_gp_init(struct rcu_state *rs, const struct nc_machine *m)
{
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		for (int i = 0; i < RCU_NR_LISTS; i++) {
			struct rcu_data *rdp = &rs->rda[cpu];

			rdp->wait[i] = rdp->next[i];
			if (!rdp->wait[i].head)
				cblist_init(&rdp->wait[i]);
			cblist_init(&rdp->next[i]);
		}
	rs->nr_next = 0;
	memset(&rs->qs_pending, 0, sizeof(rs->qs_pending));
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		if (cpu_to_node(m->topo, cpu) >= 0)
			cpumask_set_cpu(cpu, &rs->qs_pending);
	rs->gp_in_progress = true;
}

/* models kernel/rcu/tree.c:rcu_gp_cleanup() and each CPU's rcu_do_batch()
 * (and its kfree_rcu work for the kvfree heads): the grace period ends;
 * every CPU, in CPU order, runs the callbacks it queued, in queueing order;
 * a new grace period starts if callbacks wait for one. A callback may
 * queue more: they join next. */
static void rcu_gp_end(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;
	unsigned int old = m->cpu;

	rs->gp_in_progress = false;
	rs->completed++;
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++) {
		struct rcu_data *rdp = &rs->rda[cpu];
		struct rcu_head *cbs = rdp->wait[RCU_CBS].head, *kv = rdp->wait[RCU_KVFREE].head;

		if (!cbs && !kv)
			continue;
		for (int i = 0; i < RCU_NR_LISTS; i++)
			cblist_init(&rdp->wait[i]);
		nc_set_cpu(m, cpu);
		while (cbs) {
			struct rcu_head *head = cbs;

			cbs = head->next;
			head->func(m, head);
		}
		while (kv) {
			struct rcu_head *head = kv;

			kv = head->next;
			rs->nr_kvfree--;
			kfree(m, (void *)(uintptr_t)head->func);
		}
	}
	nc_set_cpu(m, old);
	if (rs->nr_next && !rs->gp_in_progress)
		rcu_gp_init(rs, m);
}

/* Queues head on the running CPU's list; idle RCU starts a grace period
 * for it (rcu_start_this_gp()). */
static void rcu_enqueue(struct nc_machine *m, int list, struct rcu_head *head)
{
	struct rcu_state *rs = m->rcu;
	struct rcu_cblist *l = &rs->rda[m->cpu].next[list];

	head->next = NULL;
	*l->tail = head;
	l->tail = &head->next;
	rs->nr_next++;
	if (!rs->gp_in_progress)
		rcu_gp_init(rs, m);
}

void call_rcu(struct nc_machine *m, struct rcu_head *head, rcu_callback_t func)
{
	head->func = func;
	rcu_enqueue(m, RCU_CBS, head);
}

void rcu_note_context_switch(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	if (!rs->gp_in_progress || !cpumask_test_cpu(m->cpu, &rs->qs_pending))
		return;
	cpumask_clear_cpu(m->cpu, &rs->qs_pending);
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		if (rs->qs_pending.bits[i])
			return;
	rcu_gp_end(m);
}

void synchronize_rcu(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	/* the grace period in progress, if any, began before the call */
	if (rs->gp_in_progress)
		rcu_gp_end(m);
	if (!rs->gp_in_progress)
		rcu_gp_init(rs, m);
	rcu_gp_end(m);
}

void rcu_barrier(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	/* what is queued now needs at most the current and the next GP */
	if (rs->gp_in_progress)
		rcu_gp_end(m);
	if (rs->gp_in_progress)
		rcu_gp_end(m);
}

void kvfree_call_rcu(struct nc_machine *m, struct rcu_head *head, void *ptr)
{
	if (!head) {
		synchronize_rcu(m);
		kfree(m, ptr);
		return;
	}
	head->func = (rcu_callback_t)(uintptr_t)ptr;
	m->rcu->nr_kvfree++;
	rcu_enqueue(m, RCU_KVFREE, head);
}

void kvfree_rcu_barrier(struct nc_machine *m)
{
	/* nothing in flight: no grace period to wait for */
	if (m->rcu->nr_kvfree)
		rcu_barrier(m);
}

unsigned long rcu_completed_gps(const struct nc_machine *m)
{
	return m->rcu->completed;
}

bool rcu_gp_in_progress(const struct nc_machine *m)
{
	return m->rcu->gp_in_progress;
}

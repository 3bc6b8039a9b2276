// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tree RCU of v6.12 as Debian's amd64 kernel builds it (PREEMPT_RCU: its
 * PREEMPT_DYNAMIC selects PREEMPTION): a grace period ends once every online
 * CPU has context-switched or idled since it began. No clock: the
 * force-quiescent-state scan runs at the grace period's start and then
 * every few scheduler events (one stands for a jiffy), and CPUs still
 * holding a grace period jiffies_to_sched_qs old report as their next tick
 * would. Left out: readers, scheduling-clock ticks themselves, the rcu_node
 * tree, expedited/polled grace periods, offloaded and lazy callbacks,
 * kfree_rcu() batching.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arch/param.h"
#include "kernel/rcu/tree.h"
#include "kernel/sched/sched.h"
#include "lib/nodemask.h"
#include "mm/slub.h"

/* kernel/rcu/tree.h at Debian's HZ (arch/param.h): the jiffies between force-quiescent-
 * state scans, and how many CPUs add one more */
#define RCU_JIFFIES_TILL_FORCE_QS 1
#define RCU_JIFFIES_FQS_DIV 256

/* models struct rcu_cblist */
struct rcu_cblist {
	struct rcu_head *head, **tail;
};

/* Callbacks proper, and kvfree_call_rcu()'s heads (krcp->head in the
 * kernel), whose func field holds the pointer to free. */
enum { RCU_CBS, RCU_KVFREE, RCU_NR_LISTS };

/* models struct rcu_data: a CPU's callbacks, its segmented list cut to
 * three segments: ready to run (the grace period they waited for has
 * ended), waiting for the current grace period, queued since */
struct rcu_data {
	struct rcu_cblist done[RCU_NR_LISTS], wait[RCU_NR_LISTS], next[RCU_NR_LISTS];
	/* the CPU's current task when the grace period began: the model's
	 * rdp->watching_snap (see rcu_watching_snap_recheck()) */
	const struct task_struct *gp_curr;
};

/* models struct rcu_state, with the root rcu_node's qsmask */
struct rcu_state {
	unsigned long completed;           /* grace periods ended */
	bool gp_in_progress;
	cpumask_t qsmask;                  /* CPUs yet to pass a quiescent state */
	unsigned long nr_next;             /* callbacks in the next segments */
	unsigned long nr_kvfree;           /* kvfree heads queued, not yet run */
	unsigned long jiffies_till_next_fqs; /* rcu_init_geometry()'s default */
	unsigned long fqs_in;              /* scheduler events to the next scan */
	unsigned long jiffies_to_sched_qs; /* adjust_jiffies_till_sched_qs()'s default */
	unsigned long gp_age;              /* scheduler events since the GP began */
	struct rcu_data *rda;              /* [nr_cpu_ids] */
};

static void cblist_init(struct rcu_cblist *l)
{
	l->head = NULL;
	l->tail = &l->head;
}

/* Moves every callback of *from to the end of *to. */
static void cblist_splice(struct rcu_cblist *to, struct rcu_cblist *from)
{
	if (!from->head)
		return;
	*to->tail = from->head;
	to->tail = from->tail;
	cblist_init(from);
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
			cblist_init(&rs->rda[cpu].done[i]);
			cblist_init(&rs->rda[cpu].wait[i]);
			cblist_init(&rs->rda[cpu].next[i]);
		}
	rs->jiffies_till_next_fqs = RCU_JIFFIES_TILL_FORCE_QS +
				    m->topo->nr_cpu_ids / RCU_JIFFIES_FQS_DIV;
	/* the third scan, but no sooner than 100 ms (HZ / 10) */
	rs->jiffies_to_sched_qs = RCU_JIFFIES_TILL_FORCE_QS + 2 * rs->jiffies_till_next_fqs;
	if (rs->jiffies_to_sched_qs < HZ / 10 + m->topo->nr_cpu_ids / RCU_JIFFIES_FQS_DIV)
		rs->jiffies_to_sched_qs = HZ / 10 + m->topo->nr_cpu_ids / RCU_JIFFIES_FQS_DIV;
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

static bool rcu_cpu_online(const struct nc_machine *m, unsigned int cpu)
{
	return cpu_to_node(m->topo, cpu) >= 0;
}

static const struct task_struct *rcu_cpu_curr(const struct nc_machine *m, unsigned int cpu)
{
	return m->curr ? m->curr[cpu] : NULL;
}

/* models the context-tracking state rcu_watching_snap_save() reads: a CPU
 * in its idle loop (running its idle task, or none yet) is in an extended
 * quiescent state; the CPU the model executes on runs kernel code. A dead
 * task (a replay may leave one current) left its CPU through __schedule()
 * to the idle loop or another task: the CPU counts as idle. */
static bool rcu_watching_snap_in_eqs(const struct nc_machine *m, unsigned int cpu)
{
	const struct task_struct *curr = rcu_cpu_curr(m, cpu);

	return cpu != m->cpu && (is_idle_task(m, curr) || curr->__state == TASK_DEAD);
}

/* models kernel/rcu/tree.c:rcu_watching_snap_recheck(): cpu has passed a
 * quiescent state since the grace period began if it idles now, or runs
 * another task than then (whoever made that task current went through
 * __schedule(): replays and workloads switch tasks by hand). A task freed
 * and another made current at its address on the same CPU meanwhile goes
 * unseen: the grace period then waits for the next switch. */
static bool rcu_watching_snap_recheck(const struct nc_machine *m, unsigned int cpu)
{
	return rcu_cpu_curr(m, cpu) != m->rcu->rda[cpu].gp_curr ||
	       rcu_watching_snap_in_eqs(m, cpu);
}

/*
 * models kernel/rcu/tree.c:rcu_gp_fqs() over force_qs_rnp(): every CPU the
 * grace period still waits for that has passed a quiescent state is
 * reported. A grace period jiffies_to_sched_qs old has
 * rcu_watching_snap_recheck() set the holdouts' rcu_urgent_qs, which the
 * kernel's next scheduling-clock tick on each (preemptible, outside any
 * reader: the model has none) turns into rcu_qs(). The model has no tick:
 * the holdouts report then, which keeps a CPU whose task never blocks
 * from holding every grace period (and every reaped task) for ever.
 */
static void rcu_gp_fqs(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;
	unsigned int cpu, n = m->topo->nr_cpu_ids;

	for_each_cpu(cpu, rs->qsmask.bits, n)
		if (rs->gp_age >= rs->jiffies_to_sched_qs || rcu_watching_snap_recheck(m, cpu))
			cpumask_clear_cpu(cpu, &rs->qsmask);
}

/* No CPU holds the grace period up (the root rcu_node's qsmask is clear). */
static bool rcu_gp_done(const struct nc_machine *m)
{
	unsigned int n = m->topo->nr_cpu_ids;

	return find_next_bit(m->rcu->qsmask.bits, n, 0) >= n;
}

/* models kernel/rcu/tree.c:rcu_gp_init() and the first rcu_gp_fqs(): the
 * queued callbacks now wait for this grace period, as do all online CPUs
 * but those idling (the first scan takes their snapshots) */
static void rcu_gp_init(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	memset(&rs->qsmask, 0, sizeof(rs->qsmask));
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++) {
		struct rcu_data *rdp = &rs->rda[cpu];

		for (int i = 0; i < RCU_NR_LISTS; i++)
			cblist_splice(&rdp->wait[i], &rdp->next[i]);
		rdp->gp_curr = rcu_cpu_curr(m, cpu);
		if (rcu_cpu_online(m, cpu))
			cpumask_set_cpu(cpu, &rs->qsmask);
	}
	rs->nr_next = 0;
	rs->gp_in_progress = true;
	rs->gp_age = 0;
	rcu_gp_fqs(m);
	rs->fqs_in = rs->jiffies_till_next_fqs;
}

/* models kernel/rcu/tree.c:rcu_do_batch() (and the kfree_rcu work for the
 * kvfree heads) on cpu: its ready callbacks run there, in queueing order.
 * A callback may queue more: they join next. */
static void rcu_do_batch(struct nc_machine *m, unsigned int cpu)
{
	struct rcu_data *rdp = &m->rcu->rda[cpu];
	struct rcu_head *cbs = rdp->done[RCU_CBS].head, *kv = rdp->done[RCU_KVFREE].head;
	unsigned int old;

	if (!cbs && !kv)
		return;
	for (int i = 0; i < RCU_NR_LISTS; i++)
		cblist_init(&rdp->done[i]);
	old = nc_set_cpu(m, cpu);
	while (cbs) {
		struct rcu_head *head = cbs;

		cbs = head->next;
		head->func(m, head);
	}
	while (kv) {
		struct rcu_head *head = kv;

		kv = head->next;
		m->rcu->nr_kvfree--;
		kfree(m, (void *)(uintptr_t)head->func);
	}
	nc_set_cpu(m, old);
}

/* models kernel/rcu/tree.c:rcu_gp_cleanup(), then each CPU's callbacks:
 * the grace period ends, the next starts if callbacks wait for one, and
 * every CPU, in CPU order, runs those whose grace period has ended */
static void rcu_gp_cleanup(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		for (int i = 0; i < RCU_NR_LISTS; i++)
			cblist_splice(&rs->rda[cpu].done[i], &rs->rda[cpu].wait[i]);
	rs->gp_in_progress = false;
	rs->completed++;
	if (rs->nr_next)
		rcu_gp_init(m);
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		rcu_do_batch(m, cpu);
}

/* models kernel/rcu/tree.c:rcu_gp_fqs_loop() with one scheduler event for
 * a jiffy: a scan every jiffies_till_next_fqs events (big machines scan
 * less often); the grace period ends, and the next if callbacks wait for
 * one, once no CPU holds it up */
static void rcu_gp_fqs_loop(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	rs->gp_age++;
	if (!--rs->fqs_in) {
		rcu_gp_fqs(m);
		rs->fqs_in = rs->jiffies_till_next_fqs;
	}
	while (rs->gp_in_progress && rcu_gp_done(m))
		rcu_gp_cleanup(m);
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
		rcu_gp_init(m);
}

void call_rcu(struct nc_machine *m, struct rcu_head *head, rcu_callback_t func)
{
	head->func = func;
	rcu_enqueue(m, RCU_CBS, head);
}

void rcu_note_context_switch(struct nc_machine *m, unsigned int cpu)
{
	struct rcu_state *rs = m->rcu;

	if (!rs || !rs->gp_in_progress)
		return;
	cpumask_clear_cpu(cpu, &rs->qsmask);     /* rcu_qs(), reported */
	rcu_gp_fqs_loop(m);
}

void synchronize_rcu(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	/* the grace period in progress, if any, began before the call */
	if (rs->gp_in_progress)
		rcu_gp_cleanup(m);
	if (!rs->gp_in_progress)
		rcu_gp_init(m);
	rcu_gp_cleanup(m);
}

void rcu_barrier(struct nc_machine *m)
{
	struct rcu_state *rs = m->rcu;

	/* what is queued now needs at most the current and the next GP */
	if (rs->gp_in_progress)
		rcu_gp_cleanup(m);
	if (rs->gp_in_progress)
		rcu_gp_cleanup(m);
}

void nc_rcu_drain(struct nc_machine *m)
{
	while (m->rcu && m->rcu->gp_in_progress)
		rcu_gp_cleanup(m);
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

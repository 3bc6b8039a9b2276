// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where the real-time class puts a task (kernel/sched/rt.c): a forked RT
 * task stays on its parent's CPU unless that CPU's current is an RT task
 * it may not preempt, then find_lowest_rq() looks for the CPU running at
 * the lowest priority through cpupri, preferring the nearest domain. The
 * cpupri vectors are computed from the queues when asked, not kept. Left
 * out: asymmetric capacities (every CPU fits), push/pull balancing, RT
 * throttling and groups.
 */
#include <stdio.h>

#include "kernel/sched/core.h"
#include "kernel/sched/prio.h"
#include "kernel/sched/rt.h"

#define CPUPRI_INVALID -1
#define CPUPRI_NORMAL 0

/* models rq->rt.highest_prio.curr: the best queued RT priority, MAX_RT_PRIO - 1
 * if none */
static int rt_highest_prio(struct rq *rq)
{
	int best = MAX_RT_PRIO - 1;
	struct task_struct *t;

	list_for_each_entry(t, &rq->cfs_tasks, run_list)
		if (rt_prio(t->prio) && t->prio < best)
			best = t->prio;
	return best;
}

/* models kernel/sched/cpupri.c:convert_prio() for the priorities a queue has */
static int convert_prio(int prio)
{
	return prio == MAX_RT_PRIO - 1 ? CPUPRI_NORMAL : MAX_RT_PRIO - 1 - prio;
}

/* models kernel/sched/cpupri.c:cpupri_find(): lowest gets p's active CPUs
 * at the lowest cpupri below p's own; false if no CPU is below p */
static bool cpupri_find(struct nc_machine *m, const struct task_struct *p, cpumask_t *lowest)
{
	struct sched_state *s = m->sched;
	int task_pri = convert_prio(p->prio), min = task_pri;
	unsigned int cpu;

	bitmap_zero(lowest->bits, NR_CPUS);
	for_each_cpu(cpu, s->cpu_map, s->nr_cpu_ids) {
		int pri;

		if (!cpumask_test_cpu(cpu, &p->cpus_mask))
			continue;
		pri = convert_prio(rt_highest_prio(cpu_rq(m, cpu)));
		if (pri > min)
			continue;
		if (pri < min) {
			bitmap_zero(lowest->bits, s->nr_cpu_ids);
			min = pri;
		}
		if (pri < task_pri)
			cpumask_set_cpu(cpu, lowest);
	}
	return min < task_pri;
}

/* models kernel/sched/rt.c:find_lowest_rq(): -1 if there is none */
static int find_lowest_rq(struct nc_machine *m, struct task_struct *task)
{
	struct sched_state *s = m->sched;
	unsigned int cpu = task->cpu, best;
	int this_cpu = (int)smp_processor_id(m);
	struct sched_domain *sd;
	cpumask_t lowest;

	if (task->nr_cpus_allowed == 1 || !cpupri_find(m, task, &lowest))
		return -1;
	/* the CPU it last ran on is cache-hot */
	if (cpumask_test_cpu(cpu, &lowest))
		return (int)cpu;
	if (!cpumask_test_cpu((unsigned int)this_cpu, &lowest))
		this_cpu = -1;
	for_each_domain(m, cpu, sd) {
		if (!(sd->flags & SD_WAKE_AFFINE))
			continue;
		/* this_cpu is cheaper to preempt than a remote one */
		if (this_cpu != -1 && test_bit((unsigned int)this_cpu, sd->span))
			return this_cpu;
		best = cpumask_any_and_distribute(m, lowest.bits, sd->span);
		if (best < s->nr_cpu_ids)
			return (int)best;
	}
	if (this_cpu != -1)
		return this_cpu;
	best = cpumask_any_and_distribute(m, lowest.bits, s->cpu_map);
	return best < s->nr_cpu_ids ? (int)best : -1;
}

unsigned int select_task_rq_rt(struct nc_machine *m, struct task_struct *p, unsigned int cpu,
			       int wake_flags)
{
	struct task_struct *curr;
	int target;

	if (!(wake_flags & (WF_TTWU | WF_FORK)))
		return cpu;
	curr = m->curr[cpu];
	/* an RT current that may not move, or is at least as urgent, stays */
	if (!curr || !rt_prio(curr->prio) ||
	    (curr->nr_cpus_allowed >= 2 && curr->prio > p->prio)) {
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_RT_PREEMPT, .cpu = cpu });
		return cpu;
	}
	target = find_lowest_rq(m, p);
	if (target != -1 && p->prio < rt_highest_prio(cpu_rq(m, (unsigned int)target))) {
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_RT_LOWEST, .cpu = cpu,
			     .cpu2 = (unsigned int)target, .here = (unsigned long)curr->rt_priority,
			     .there = (unsigned long)convert_prio(
				     rt_highest_prio(cpu_rq(m, (unsigned int)target))) });
		return (unsigned int)target;
	}
	nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_RT_NO_LOWER, .cpu = cpu,
		     .here = (unsigned long)curr->rt_priority });
	return cpu;
}

void nc_rt_why_line(char *line, size_t size, const struct nc_sched_step *st)
{
	if (st->kind == NC_STEP_RT_PREEMPT)
		snprintf(line, size, "rt: CPU %u's current lets the child preempt it: stay",
			 st->cpu);
	else if (st->kind == NC_STEP_RT_LOWEST)
		snprintf(line, size, "rt: CPU %u runs RT prio %lu, CPU %u runs at %lu: move",
			 st->cpu, st->here, st->cpu2, st->there);
	else
		snprintf(line, size, "rt: CPU %u runs RT prio %lu, no CPU runs lower: stay",
			 st->cpu, st->here);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * The core scheduler as fork placement needs it (kernel/sched/core.c):
 * per-CPU run queues holding running and runnable tasks, sched_fork() and
 * wake_up_new_task() with select_task_rq(), and the affinity calls. Tasks
 * run, queue or sleep as the workload says (nc_sched_*): no time slices,
 * no wakeup preemption. A task's weight follows its nice value; real-time
 * and deadline tasks count on their queue but not in its cfs load. Left
 * out: cpusets (the root cpuset's CPUs are all possible CPUs), PI boosting,
 * the DL class's placement (a deadline task cannot fork).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/fork.h"
#include "kernel/fork_whatif.h"
#include "kernel/pid.h"
#include "kernel/rcu/tree.h"
#include "kernel/sched/core.h"
#include "kernel/sched/fair.h"
#include "kernel/sched/prio.h"
#include "kernel/sched/rt.h"
#include "kernel/sched/topology.h"
#include "trace/events.h"
#include "uapi/linux/sched.h"

/* models kernel/sched/core.c:sched_prio_to_weight[]: nice -20..19, each
 * step about 10% of CPU time, 1024 at nice 0 */
static const unsigned int sched_prio_to_weight[NICE_WIDTH] = {
	88761, 71755, 56483, 46273, 36291,
	29154, 23254, 18705, 14949, 11916,
	9548, 7620, 6100, 4904, 3906,
	3121, 2501, 1991, 1586, 1277,
	1024, 820, 655, 526, 423,
	335, 272, 215, 172, 137,
	110, 87, 70, 56, 45,
	36, 29, 23, 18, 15,
};

#define WEIGHT_IDLEPRIO 3              /* SCHED_IDLE's weight */

/* What a queued p adds to its rq: one task, and its weight to the cfs
 * load unless it is real-time or deadline (enqueue_task()'s class split) */
static void account_queued(struct rq *rq, const struct task_struct *p, int sign)
{
	rq->nr_running += (unsigned int)sign;
	if (rt_or_dl_task(p))
		return;
	rq->cfs_nr_running += (unsigned int)sign;
	rq->load += (unsigned long)sign * p->se_load_weight;
}

/* models kernel/sched/core.c:activate_task() on task_cpu(p); an idle CPU
 * starts running what it is given, unless its idle task is the caller
 * (rest_init() forks init and kthreadd before it schedules) */
static void activate_task(struct nc_machine *m, struct task_struct *p)
{
	struct rq *rq = cpu_rq(m, p->cpu);
	struct task_struct *curr = m->curr[p->cpu];
	bool caller_idle = curr && p->cpu == smp_processor_id(m);

	list_add_tail(&p->run_list, &rq->cfs_tasks);
	account_queued(rq, p, 1);
	p->on_rq = TASK_ON_RQ_QUEUED;
	p->se_cfs_rq = rq;
	if (is_idle_task(m, curr) && !caller_idle) {
		m->curr[p->cpu] = p;
		rcu_note_context_switch(m, p->cpu);
	}
}

/* models kernel/sched/core.c:deactivate_task() from the queue p is on (its
 * se.cfs_rq: a caller that moved p->cpu by hand does not lose count); if p
 * was running its CPU picks the next queued task or goes idle (the idle
 * stamp is the clock) */
static void deactivate_task(struct nc_machine *m, struct task_struct *p)
{
	struct rq *rq = p->se_cfs_rq;

	if (p->on_rq != TASK_ON_RQ_QUEUED)
		return;
	list_del_init(&p->run_list);
	account_queued(rq, p, -1);
	p->on_rq = 0;
	p->se_cfs_rq = NULL;
	if (m->curr[rq->cpu] == p) {
		if (list_empty(&rq->cfs_tasks)) {
			m->curr[rq->cpu] = idle_task(m, rq->cpu);
			rq->idle_stamp = ++m->sched->clock;
		} else {
			m->curr[rq->cpu] = list_first_entry(&rq->cfs_tasks, struct task_struct,
							    run_list);
		}
		rcu_note_context_switch(m, rq->cpu);
	}
}

/* models kernel/sched/core.c:set_task_cpu(): a queued task moves queues */
static void set_task_cpu(struct nc_machine *m, struct task_struct *p, unsigned int cpu)
{
	bool queued = p->on_rq == TASK_ON_RQ_QUEUED;

	trace_sched_migrate_task(m, p, (int)cpu);
	if (queued)
		deactivate_task(m, p);
	p->cpu = cpu;
	if (queued)
		activate_task(m, p);
}

void nc_sched_dequeue_save(struct task_struct *p)
{
	if (p->on_rq == TASK_ON_RQ_QUEUED)
		account_queued(p->se_cfs_rq, p, -1);
}

void nc_sched_enqueue_restore(struct task_struct *p)
{
	if (p->on_rq == TASK_ON_RQ_QUEUED)
		account_queued(p->se_cfs_rq, p, 1);
}

void set_load_weight(struct task_struct *p)
{
	if (idle_policy(p->policy))
		p->se_load_weight = WEIGHT_IDLEPRIO;
	else
		p->se_load_weight = sched_prio_to_weight[p->static_prio - MAX_RT_PRIO];
}

unsigned long long sysctl_sched_base_slice(const struct nc_machine *m)
{
	unsigned int cpus = bitmap_weight(m->sched->cpu_map, m->sched->nr_cpu_ids), factor = 1;

	/* get_update_sysctl_factor(), SCHED_TUNABLESCALING_LOG: 1 + ilog2(min(cpus, 8)) */
	for (cpus = cpus < 8 ? cpus : 8; cpus > 1; cpus >>= 1)
		factor++;
	return 700000ULL * factor;
}

static bool cpu_active(struct nc_machine *m, unsigned int cpu)
{
	return cpu < m->sched->nr_cpu_ids && test_bit(cpu, m->sched->cpu_map);
}

/* models kernel/sched/core.c:is_cpu_allowed() for a user task */
static bool is_cpu_allowed(struct nc_machine *m, const struct task_struct *p, unsigned int cpu)
{
	return cpu_active(m, cpu) && cpumask_test_cpu(cpu, &p->cpus_mask);
}

/* models kernel/sched/core.c:select_fallback_rq(): an allowed CPU of cpu's
 * node, else any allowed CPU, else (cpuset fallback) any active CPU */
static unsigned int select_fallback_rq(struct nc_machine *m, unsigned int cpu,
				       struct task_struct *p)
{
	unsigned int n = m->sched->nr_cpu_ids;
	int nid = cpu_to_node(m->topo, cpu);

	for (unsigned int c = 0; c < n; c++)
		if (cpu_to_node(m->topo, c) == nid && is_cpu_allowed(m, p, c))
			return c;
	for (unsigned int c = 0; c < n; c++)
		if (is_cpu_allowed(m, p, c))
			return c;
	bitmap_or(p->cpus_mask.bits, p->cpus_mask.bits, m->sched->cpu_map, n);
	p->nr_cpus_allowed = bitmap_weight(p->cpus_mask.bits, m->sched->nr_cpu_ids);
	return find_next_bit(m->sched->cpu_map, n, 0);
}

void nc_sched_why(struct nc_machine *m, const struct nc_sched_step *step)
{
	struct nc_sched_why *w = m->sched->why;

	if (w && w->nr < NC_SCHED_WHY_LINES)
		w->step[w->nr++] = *step;
}

void nc_sched_why_line(char *line, size_t size, const struct nc_sched_step *step)
{
	if (step->kind == NC_STEP_AFFINITY)
		snprintf(line, size, "affinity: CPU %u is the only one allowed",
			 step->cpu);
	else if (step->kind == NC_STEP_FALLBACK)
		snprintf(line, size,
			 "CPU %u not allowed: select_fallback_rq() gives CPU %u", step->cpu,
			 step->cpu2);
	else if (step->kind >= NC_STEP_RT_PREEMPT)
		nc_rt_why_line(line, size, step);
	else
		nc_fair_why_line(line, size, step);
}

unsigned int select_task_rq(struct nc_machine *m, struct task_struct *p, unsigned int cpu,
			    int wake_flags)
{
	if (m->sched->why)
		m->sched->why->nr = 0;
	if (p->nr_cpus_allowed > 1 && rt_prio(p->prio)) {
		cpu = select_task_rq_rt(m, p, cpu, wake_flags);
	} else if (p->nr_cpus_allowed > 1) {
		cpu = select_task_rq_fair(m, p, cpu, wake_flags);
	} else {
		cpu = find_next_bit(p->cpus_mask.bits, NR_CPUS, 0);
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_AFFINITY, .cpu = cpu });
	}
	if (!is_cpu_allowed(m, p, cpu)) {
		unsigned int chosen = cpu;

		cpu = select_fallback_rq(m, p->cpu, p);
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_FALLBACK,
			     .cpu = chosen, .cpu2 = cpu });
	}
	return cpu;
}

/* models kernel/sched/core.c:sched_exec(): the exec'ing task asks the fair
 * class where a new program would run best (WF_EXEC balancing, with its
 * own load taken out); migration_cpu_stop moves it there and it goes on
 * running on the new CPU */
void sched_exec(struct nc_machine *m)
{
	struct task_struct *p = nc_current(m);
	unsigned int dest;

	nc_sched_running(m, p);
	/* the RT class keeps an exec'ing task where it is */
	if (rt_or_dl_task(p))
		return;
	dest = select_task_rq_fair(m, p, p->cpu, WF_EXEC);
	if (dest == smp_processor_id(m) || !cpu_active(m, dest))
		return;
	nc_sched_run(m, p, dest);
	m->cpu = dest;
}

int sched_fork(struct nc_machine *m, unsigned long clone_flags, struct task_struct *p)
{
	p->__state = TASK_NEW;
	/* current's normal priority, not a PI boost (the copy has current's) */
	p->prio = p->normal_prio;
	if (p->sched_reset_on_fork) {
		if (rt_policy(p->policy) || dl_policy(p->policy)) {
			p->policy = SCHED_NORMAL;
			p->static_prio = NICE_TO_PRIO(0);
			p->rt_priority = 0;
		} else if (task_nice(p) < 0) {
			p->static_prio = NICE_TO_PRIO(0);
		}
		p->prio = p->normal_prio = p->static_prio;
		set_load_weight(p);
		p->se_custom_slice = false;   /* a custom slice is otherwise inherited */
		p->sched_reset_on_fork = 0;
	}
	if (dl_prio(p->prio))
		return -EAGAIN;
	p->on_rq = 0;
	p->se_cfs_rq = NULL;
	INIT_LIST_HEAD(&p->run_list);
	p->nr_cpus_allowed = bitmap_weight(p->cpus_mask.bits, m->sched->nr_cpu_ids);
	/* init_numa_balancing(): a new address space has no preferred node */
	if (!(clone_flags & CLONE_VM))
		p->numa_preferred_nid = NUMA_NO_NODE;
	return 0;
}

int sched_cgroup_fork(struct nc_machine *m, struct task_struct *p)
{
	p->cpu = smp_processor_id(m);            /* __set_task_cpu() */
	return 0;
}

void wake_up_new_task(struct nc_machine *m, struct task_struct *p)
{
	p->__state = TASK_RUNNING;
	p->cpu = nc_fork_first_cpu(m, p);
	activate_task(m, p);
	trace_sched_wakeup_new(m, p);
}

int nc_sched_run(struct nc_machine *m, struct task_struct *p, unsigned int cpu)
{
	if (p->cpu != cpu)
		set_task_cpu(m, p, cpu);
	p->__state = TASK_RUNNING;
	p->nr_cpus_allowed = bitmap_weight(p->cpus_mask.bits, m->sched->nr_cpu_ids);
	if (p->on_rq != TASK_ON_RQ_QUEUED)
		activate_task(m, p);
	m->curr[cpu] = p;
	rcu_note_context_switch(m, cpu);
	return 0;
}

void nc_sched_running(struct nc_machine *m, struct task_struct *p)
{
	unsigned int cpu = smp_processor_id(m);

	if (is_idle_task(m, p) ||
	    (p->on_rq == TASK_ON_RQ_QUEUED && p->se_cfs_rq == cpu_rq(m, cpu)))
		return;
	deactivate_task(m, p);
	p->cpu = cpu;
	p->__state = TASK_RUNNING;
	activate_task(m, p);
	m->curr[cpu] = p;
	rcu_note_context_switch(m, cpu);
}

void nc_sched_sleep(struct nc_machine *m, struct task_struct *p)
{
	deactivate_task(m, p);
	p->__state = TASK_INTERRUPTIBLE;
}

void nc_sched_wake(struct nc_machine *m, struct task_struct *p)
{
	if (p->on_rq == TASK_ON_RQ_QUEUED)
		return;
	p->__state = TASK_RUNNING;
	if (!is_cpu_allowed(m, p, p->cpu))
		p->cpu = select_fallback_rq(m, p->cpu, p);
	activate_task(m, p);
}

void nc_sched_exit(struct nc_machine *m, struct task_struct *p)
{
	p->__state = TASK_DEAD;
	deactivate_task(m, p);
	/* __schedule() on the dying task's CPU: it never runs again, queued
	 * or not (a caller may have made it current by hand) */
	if (m->curr[m->cpu] == p) {
		m->curr[m->cpu] = list_empty(&cpu_rq(m, m->cpu)->cfs_tasks)
				? idle_task(m, m->cpu)
				: list_first_entry(&cpu_rq(m, m->cpu)->cfs_tasks,
						   struct task_struct, run_list);
		rcu_note_context_switch(m, m->cpu);
	}
}

unsigned int cpumask_any_and_distribute(struct nc_machine *m, const unsigned long *a,
					const unsigned long *b)
{
	struct rq *this_rq = cpu_rq(m, smp_processor_id(m));
	unsigned int n = m->sched->nr_cpu_ids;

	for (unsigned int k = 1; k <= n; k++) {
		unsigned int c = (this_rq->distribute_prev + k) % n;

		if (test_bit(c, a) && test_bit(c, b)) {
			this_rq->distribute_prev = c;
			return c;
		}
	}
	return n;
}

int __set_cpus_allowed_ptr(struct nc_machine *m, struct task_struct *p, const cpumask_t *new)
{
	unsigned int n = m->sched->nr_cpu_ids, dest;

	if (p->flags & PF_NO_SETAFFINITY)
		return -EINVAL;
	if (bitmap_equal(p->cpus_mask.bits, new->bits, NR_CPUS))
		return 0;
	dest = cpumask_any_and_distribute(m, m->sched->cpu_map, new->bits);
	if (dest >= n)
		return -EINVAL;
	p->cpus_mask = *new;
	p->nr_cpus_allowed = bitmap_weight(new->bits, m->sched->nr_cpu_ids);
	if (cpumask_test_cpu(p->cpu, new))
		return 0;
	/* affine_move_task(): a sleeping task moves when it wakes */
	if (m->curr[p->cpu] == p) {
		bool caller = p == nc_current(m);

		nc_sched_run(m, p, dest);
		if (caller)
			m->cpu = dest;
	} else if (p->on_rq == TASK_ON_RQ_QUEUED) {
		set_task_cpu(m, p, dest);
	}
	return 0;
}

void init_idle(struct nc_machine *m, struct task_struct *idle, unsigned int cpu)
{
	/* sched_init(): the boot task is SCHED_NORMAL at nice 0, as
	 * init/init_task.c makes it; the other idle tasks are its copies */
	if (idle == m->init_task) {
		idle->policy = SCHED_NORMAL;
		idle->prio = idle->static_prio = idle->normal_prio = NICE_TO_PRIO(0);
		set_load_weight(idle);
	}
	idle->__state = TASK_RUNNING;
	idle->cpu = cpu;
	bitmap_zero(idle->cpus_mask.bits, NR_CPUS);
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	idle->nr_cpus_allowed = 1;
	idle->flags |= PF_KTHREAD | PF_NO_SETAFFINITY;
	cpu_rq(m, cpu)->idle = idle;
	m->curr[cpu] = idle;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
}

/* The boot threads get every active CPU (init in sched_init_smp(),
 * kthreadd when it starts; both were forked from the pinned idle task),
 * and are asleep once boot is over: kthreadd waits for work, init for its
 * children. */
static void settle_boot_thread(struct nc_machine *m, pid_t nr)
{
	struct task_struct *p = pid_task(find_pid_ns(nr, m->init_pid_ns), PIDTYPE_PID);

	if (!p)
		return;
	bitmap_zero(p->cpus_mask.bits, NR_CPUS);
	bitmap_or(p->cpus_mask.bits, p->cpus_mask.bits, m->sched->cpu_map, m->sched->nr_cpu_ids);
	p->nr_cpus_allowed = bitmap_weight(p->cpus_mask.bits, m->sched->nr_cpu_ids);
	nc_sched_sleep(m, p);
}

int sched_init_smp(struct nc_machine *m)
{
	int ret = sched_init_domains(m);

	if (ret)
		return ret;
	settle_boot_thread(m, 1);
	settle_boot_thread(m, 2);
	return 0;
}

/* mm/page_alloc.c:node_reclaim_distance as the boot CPU's vendor code
 * leaves it: arch/x86/kernel/cpu/amd.c's init_amd_zen_common() sets 32 on
 * Zen (AMD family 0x17 on), whose two-hop distance of 32 is still near */
static int node_reclaim_distance(const struct nc_topology *t)
{
	return t->vendor == NC_VENDOR_AMD && t->x86_family >= 0x17 ? 32 : RECLAIM_DISTANCE;
}

int sched_init(struct nc_machine *m)
{
	const struct nc_topology *t = m->topo;
	unsigned int n = t->nr_cpu_ids;
	struct sched_state *s = calloc(1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	m->sched = s;
	s->nr_cpu_ids = n;
	s->mask_longs = BITS_TO_LONGS(n ? n : 1);
	s->node_reclaim_distance = node_reclaim_distance(t);
	s->cpu_map = calloc(s->mask_longs, sizeof(long));
	s->rqs = calloc(n ? n : 1, sizeof(*s->rqs));
	if (!s->cpu_map || !s->rqs)
		return -ENOMEM;
	for (unsigned int c = 0; c < n; c++) {
		s->rqs[c].cpu = c;
		INIT_LIST_HEAD(&s->rqs[c].cfs_tasks);
		if (t->cpu_node[c] >= 0)
			__set_bit(c, s->cpu_map);
	}
	return 0;
}

void nc_sched_destroy(struct nc_machine *m)
{
	struct sched_state *s = m->sched;

	if (!s)
		return;
	sched_free_domains(s);
	while (s->why_labels) {
		struct nc_why_label *next = s->why_labels->next;

		free(s->why_labels);
		s->why_labels = next;
	}
	free(s->cpu_map);
	free(s->rqs);
	free(s);
	m->sched = NULL;
}

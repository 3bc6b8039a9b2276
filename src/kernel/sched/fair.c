// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where the fair class puts a new task: v6.12 kernel/sched/fair.c's
 * select_task_rq_fair() slow path (WF_FORK, WF_EXEC) through the
 * SD_BALANCE_* domains, the idlest group and the idlest CPU.
 * Load signal: PELT's steady state, not its decay. A CPU's load is the sum
 * of its queued tasks' weights (1024 at nice 0), its runnable_avg 1024 per
 * queued task, its util_avg 1024 when anything is queued (a busy CPU is
 * 100% busy) else 0; a sleeping task adds nothing (its blocked load taken
 * as decayed). Every CPU has capacity 1024. Left out: wakeups (WF_TTWU:
 * wake_affine, select_idle_sibling, EAS keep prev_cpu here), core
 * scheduling cookies, SCHED_IDLE CPUs, asymmetric capacity.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/sched/core.h"
#include "kernel/sched/fair.h"

/* kernel/sched/sched.h:enum group_type, least busy first */
enum group_type {
	group_has_spare,
	group_fully_busy,
	group_misfit_task,
	group_smt_balance,
	group_asym_packing,
	group_imbalanced,
	group_overloaded,
};

static const char *const group_type_names[] = {
	"has spare", "fully busy", "misfit", "smt balance", "asym packing", "imbalanced",
	"overloaded",
};

/* "NAME SPAN" of a domain, for the why steps: built on first use and kept
 * (its span never changes), as a fork asks again and again */
static const char *domain_name(struct nc_machine *m, const struct sched_domain *sd)
{
	struct sched_state *s = m->sched;
	const char **label = &((struct sched_domain *)sd)->why_label;   /* a cache only */
	char buf[NC_SCHED_WHY_LEN];
	struct nc_why_label *l;
	size_t len;
	int n;

	if (!s->why)              /* no steps kept: nothing reads the name */
		return "";
	if (*label)
		return *label;
	n = snprintf(buf, sizeof(buf), "%s ", sd->name);
	if (n > 0 && (size_t)n < sizeof(buf))
		bitmap_print_list(buf + n, sizeof(buf) - (size_t)n, sd->span, s->nr_cpu_ids);
	len = strlen(buf) + 1;
	l = malloc(sizeof(*l) + len);
	if (!l)
		return sd->name;
	memcpy(l->text, buf, len);
	l->next = s->why_labels;
	s->why_labels = l;
	return *label = l->text;
}

static unsigned int first_cpu(struct nc_machine *m, const struct sched_group *sg)
{
	return nc_first_cpu_and(sg->span, sg->span, m->sched->nr_cpu_ids);
}

struct sg_lb_stats {
	unsigned long avg_load, group_load, group_capacity, group_util, group_runnable;
	unsigned int sum_nr_running, idle_cpus, group_weight;
	enum group_type group_type;
};

static unsigned long cpu_load(struct rq *rq)
{
	return rq->load;
}

/* the cfs signals: real-time tasks on the CPU add nothing to them */
static unsigned long cpu_util(struct rq *rq)
{
	return rq->cfs_nr_running ? SCHED_CAPACITY_SCALE : 0;
}

static unsigned long cpu_runnable(struct rq *rq)
{
	return SCHED_CAPACITY_SCALE * rq->cfs_nr_running;
}

/* models kernel/sched/core.c:idle_cpu(): nothing running nor queued */
static bool idle_cpu(struct nc_machine *m, unsigned int cpu)
{
	return is_idle_task(m, m->curr[cpu]) && !cpu_rq(m, cpu)->nr_running;
}

static bool group_intersects_task(struct sched_state *s, const struct sched_group *sg,
				  const struct task_struct *p)
{
	return nc_first_cpu_and(sg->span, p->cpus_mask.bits, s->nr_cpu_ids) < s->nr_cpu_ids;
}

/* models kernel/sched/fair.c:group_has_capacity() */
static bool group_has_capacity(unsigned int imbalance_pct, const struct sg_lb_stats *sgs)
{
	if (sgs->sum_nr_running < sgs->group_weight)
		return true;
	if (sgs->group_capacity * imbalance_pct < sgs->group_runnable * 100)
		return false;
	return sgs->group_capacity * 100 > sgs->group_util * imbalance_pct;
}

/* models kernel/sched/fair.c:group_is_overloaded() */
static bool group_is_overloaded(unsigned int imbalance_pct, const struct sg_lb_stats *sgs)
{
	if (sgs->sum_nr_running <= sgs->group_weight)
		return false;
	if (sgs->group_capacity * 100 < sgs->group_util * imbalance_pct)
		return true;
	return sgs->group_capacity * imbalance_pct < sgs->group_runnable * 100;
}

/* models kernel/sched/fair.c:group_classify(); imbalanced, asym_packing,
 * smt_balance and misfit never arise in a fork picture of this model */
static enum group_type group_classify(unsigned int imbalance_pct, const struct sg_lb_stats *sgs)
{
	if (group_is_overloaded(imbalance_pct, sgs))
		return group_overloaded;
	if (!group_has_capacity(imbalance_pct, sgs))
		return group_fully_busy;
	return group_has_spare;
}

/* idle_cpu_without(): cpu, with nr_running queued when p is not counted */
static unsigned int idle_without(struct nc_machine *m, unsigned int cpu, unsigned int nr_running,
				 const struct task_struct *p)
{
	return !nr_running && (is_idle_task(m, m->curr[cpu]) || m->curr[cpu] == p);
}

/* models kernel/sched/fair.c:update_sg_wakeup_stats(): the group seen from
 * p, over the CPUs p may use, p's own contribution removed. Not inlined:
 * in the walk's body its loop, the hottest of a fork, ran out of registers. */
static __attribute__((noinline)) void
update_sg_wakeup_stats(struct nc_machine *m, const struct sched_domain *sd,
		       const struct sched_group *sg, struct sg_lb_stats *sgs,
		       const struct task_struct *p)
{
	unsigned int n = m->sched->nr_cpu_ids, i;
	struct sg_lb_stats st = { 0 };    /* summed in a local: no reloads */

	for_each_cpu_and(i, sg->span, p->cpus_mask.bits, n) {
		struct rq *rq = cpu_rq(m, i);

		st.group_load += cpu_load(rq);
		st.group_util += cpu_util(rq);
		st.group_runnable += cpu_runnable(rq);
		st.sum_nr_running += rq->nr_running;
		st.idle_cpus += idle_without(m, i, rq->nr_running, p);
	}
	/* task_running_on_cpu(): p queued on one of those CPUs counts for
	 * nothing there, taken out once rather than tested at every CPU */
	i = p->cpu;
	if (p->on_rq == TASK_ON_RQ_QUEUED && i < n && test_bit(i, sg->span) &&
	    cpumask_test_cpu(i, &p->cpus_mask)) {
		struct rq *rq = cpu_rq(m, i);

		st.group_load -= p->se_load_weight;
		st.group_util -= rq->cfs_nr_running == 1 ? cpu_util(rq) : 0;
		st.group_runnable -= SCHED_CAPACITY_SCALE;
		st.sum_nr_running--;
		st.idle_cpus += idle_without(m, i, rq->nr_running - 1, p) -
				idle_without(m, i, rq->nr_running, p);
	}
	*sgs = st;
	sgs->group_capacity = sg->capacity;
	sgs->group_weight = sg->group_weight;
	sgs->group_type = group_classify(sd->imbalance_pct, sgs);
	if (sgs->group_type == group_fully_busy || sgs->group_type == group_overloaded)
		sgs->avg_load = sgs->group_load * SCHED_CAPACITY_SCALE / sgs->group_capacity;
}

/* models kernel/sched/fair.c:update_pick_idlest() for the types that occur */
static bool update_pick_idlest(const struct sg_lb_stats *idlest, const struct sg_lb_stats *sgs)
{
	if (sgs->group_type != idlest->group_type)
		return sgs->group_type < idlest->group_type;
	if (sgs->group_type == group_has_spare)
		return idlest->idle_cpus < sgs->idle_cpus ||
		       (idlest->idle_cpus == sgs->idle_cpus && idlest->group_util > sgs->group_util);
	return idlest->avg_load > sgs->avg_load;
}

#define NUMA_IMBALANCE_MIN 2

/* models kernel/sched/fair.c:adjust_numa_imbalance() */
static long adjust_numa_imbalance(long imbalance, unsigned int dst_running, unsigned int imb_numa_nr)
{
	if (dst_running > imb_numa_nr)
		return imbalance;
	/* a pair of communicating tasks stays local on a lightly loaded node */
	if (imbalance <= NUMA_IMBALANCE_MIN)
		return 0;
	return imbalance;
}

/* models kernel/sched/fair.c:sched_balance_find_dst_group() (called
 * find_idlest_group() before v6.10): NULL keeps the task in the local group */
static const struct sched_group *sched_balance_find_dst_group(struct nc_machine *m,
		const struct sched_domain *sd, const struct task_struct *p, unsigned int this_cpu)
{
	struct sched_state *s = m->sched;
	const struct sched_group *idlest = NULL, *local = NULL, *sg = sd->groups;
	struct sg_lb_stats local_sgs = { 0 }, tmp, idlest_sgs = {
		.avg_load = ~0u, .group_type = group_overloaded,
	};

	do {
		bool is_local;

		if (!group_intersects_task(s, sg, p))
			continue;
		is_local = test_bit(this_cpu, sg->span);
		update_sg_wakeup_stats(m, sd, sg, is_local ? &local_sgs : &tmp, p);
		if (is_local)
			local = sg;
		else if (update_pick_idlest(&idlest_sgs, &tmp)) {
			idlest = sg;
			idlest_sgs = tmp;
		}
	} while ((sg = sg->next) != sd->groups);

	if (!idlest) {
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_ONLY_LOCAL,
			     .domain = domain_name(m, sd) });
		return NULL;
	}
	if (!local) {
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_NONE_HERE,
			     .domain = domain_name(m, sd), .cpu = first_cpu(m, idlest) });
		return idlest;
	}
	if (local_sgs.group_type != idlest_sgs.group_type) {
		bool stay = local_sgs.group_type < idlest_sgs.group_type;

		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_TYPES,
			     .domain = domain_name(m, sd), .here_type = local_sgs.group_type,
			     .cpu = first_cpu(m, idlest), .there_type = idlest_sgs.group_type,
			     .stay = stay });
		return stay ? NULL : idlest;
	}

	if (local_sgs.group_type != group_has_spare) {
		/* fully busy or overloaded: move only for a clear load gap */
		unsigned long imbalance = NICE_0_LOAD * (sd->imbalance_pct - 100) / 100;
		bool stay = ((sd->flags & SD_NUMA) &&
			     idlest_sgs.avg_load + imbalance >= local_sgs.avg_load) ||
			    idlest_sgs.avg_load >= local_sgs.avg_load + imbalance ||
			    100 * local_sgs.avg_load <= sd->imbalance_pct * idlest_sgs.avg_load;

		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_LOAD,
			     .domain = domain_name(m, sd), .here_type = local_sgs.group_type,
			     .here = local_sgs.avg_load, .there = idlest_sgs.avg_load,
			     .cpu = first_cpu(m, idlest), .stay = stay });
		return stay ? NULL : idlest;
	}
	if (sd->flags & SD_NUMA) {
		unsigned int imb_numa_nr = sd->imb_numa_nr, allowed = 0;
		long imbalance;

		/* CONFIG_NUMA_BALANCING: the preferred node attracts */
		if (cpu_to_node(m->topo, this_cpu) == p->numa_preferred_nid)
			return NULL;
		if (cpu_to_node(m->topo, first_cpu(m, idlest)) ==
		    p->numa_preferred_nid)
			return idlest;
		/* p->nr_cpus_allowed != NR_CPUS holds on any modelled machine */
		unsigned int i;

		for_each_cpu_and(i, local->span, p->cpus_mask.bits, s->nr_cpu_ids)
			allowed++;
		if (allowed < imb_numa_nr)
			imb_numa_nr = allowed;
		imbalance = labs((long)local_sgs.idle_cpus - (long)idlest_sgs.idle_cpus);
		if (!adjust_numa_imbalance(imbalance, local_sgs.sum_nr_running + 1, imb_numa_nr)) {
			nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_NUMA_IMBALANCE,
				     .domain = domain_name(m, sd), .here = local_sgs.idle_cpus,
				     .there = idlest_sgs.idle_cpus, .cpu = first_cpu(m, idlest),
				     .running = local_sgs.sum_nr_running + 1,
				     .imb_numa_nr = imb_numa_nr });
			return NULL;
		}
	}
	/* the group with more idle CPUs wins */
	nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_IDLE,
		     .domain = domain_name(m, sd), .here = local_sgs.idle_cpus,
		     .there = idlest_sgs.idle_cpus, .cpu = first_cpu(m, idlest),
		     .stay = local_sgs.idle_cpus >= idlest_sgs.idle_cpus });
	return local_sgs.idle_cpus >= idlest_sgs.idle_cpus ? NULL : idlest;
}

/* models kernel/sched/fair.c:sched_balance_find_dst_group_cpu(): the idle
 * CPU in the shallowest state, most recently idled on a tie; else the least
 * loaded (this_cpu until a busy allowed CPU is seen) */
static unsigned int sched_balance_find_dst_group_cpu(struct nc_machine *m,
		const struct sched_group *sg, const struct task_struct *p, unsigned int this_cpu)
{
	struct sched_state *s = m->sched;
	unsigned long min_load = ~0UL;
	unsigned int min_exit_latency = ~0u, least_loaded = this_cpu;
	unsigned long long latest_idle = 0;
	int shallowest = -1;
	unsigned int i;

	if (sg->group_weight == 1)
		return first_cpu(m, sg);
	for_each_cpu_and(i, sg->span, p->cpus_mask.bits, s->nr_cpu_ids) {
		struct rq *rq = cpu_rq(m, i);

		if (idle_cpu(m, i)) {
			if (rq->idle_exit_latency < min_exit_latency) {
				min_exit_latency = rq->idle_exit_latency;
				latest_idle = rq->idle_stamp;
				shallowest = (int)i;
			} else if (rq->idle_exit_latency == min_exit_latency &&
				   rq->idle_stamp > latest_idle) {
				latest_idle = rq->idle_stamp;
				shallowest = (int)i;
			}
		} else if (shallowest == -1 && cpu_load(rq) < min_load) {
			min_load = cpu_load(rq);
			least_loaded = i;
		}
	}
	if (shallowest != -1)
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_CPU_IDLE,
			     .cpu = (unsigned int)shallowest });
	else
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_CPU_LEAST,
			     .cpu = least_loaded, .here = min_load });
	return shallowest != -1 ? (unsigned int)shallowest : least_loaded;
}

/* models kernel/sched/fair.c:sched_balance_find_dst_cpu() (find_idlest_cpu()
 * before v6.10): from the top balancing domain down, following the pick */
static unsigned int sched_balance_find_dst_cpu(struct nc_machine *m, const struct sched_domain *sd,
					       const struct task_struct *p, unsigned int cpu,
					       unsigned int prev_cpu, unsigned int sd_flag)
{
	struct sched_state *s = m->sched;
	unsigned int new_cpu = cpu;

	if (nc_first_cpu_and(sd->span, p->cpus_mask.bits, s->nr_cpu_ids) >= s->nr_cpu_ids)
		return prev_cpu;
	while (sd) {
		const struct sched_group *group;
		struct sched_domain *tmp;
		unsigned int weight;

		if (!(sd->flags & sd_flag)) {
			sd = sd->child;
			continue;
		}
		group = sched_balance_find_dst_group(m, sd, p, cpu);
		if (!group) {
			sd = sd->child;
			continue;
		}
		new_cpu = sched_balance_find_dst_group_cpu(m, group, p, cpu);
		if (new_cpu == cpu) {
			sd = sd->child;
			continue;
		}
		/* go on below in the new CPU's own domains */
		cpu = new_cpu;
		weight = sd->span_weight;
		sd = NULL;
		for_each_domain(m, cpu, tmp) {
			if (weight <= tmp->span_weight)
				break;
			if (tmp->flags & sd_flag)
				sd = tmp;
		}
	}
	return new_cpu;
}

unsigned int select_task_rq_fair(struct nc_machine *m, struct task_struct *p,
				 unsigned int prev_cpu, int wake_flags)
{
	unsigned int cpu = smp_processor_id(m);
	unsigned int sd_flag = (unsigned int)wake_flags & 0xF;
	struct sched_domain *tmp, *sd = NULL;


	if (wake_flags & WF_TTWU)
		return prev_cpu;
	/* the highest domain of an unbroken run of sd_flag levels from the bottom */
	for_each_domain(m, cpu, tmp) {
		if (!(tmp->flags & sd_flag))
			break;
		sd = tmp;
	}
	if (!sd) {
		nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_NO_DOMAIN,
			     .cpu = cpu, .cpu2 = prev_cpu });
		return prev_cpu;
	}
	nc_sched_why(m, &(struct nc_sched_step){ NC_STEP_FROM,
		     .cpu = cpu, .domain = domain_name(m, sd) });
	return sched_balance_find_dst_cpu(m, sd, p, cpu, prev_cpu, sd_flag);
}

void nc_fair_why_line(char *line, size_t size, const struct nc_sched_step *st)
{
	const char *here = group_type_names[st->here_type], *there = group_type_names[st->there_type];
	const char *verdict = st->stay ? "stay" : "move";

	switch (st->kind) {
	case NC_STEP_NO_DOMAIN:
		snprintf(line, size, "no domain of CPU %u balances this: CPU %u",
			 st->cpu, st->cpu2);
		break;
	case NC_STEP_FROM:
		snprintf(line, size, "from CPU %u, up to %s", st->cpu, st->domain);
		break;
	case NC_STEP_ONLY_LOCAL:
		snprintf(line, size, "%s: the local group is the only one allowed",
			 st->domain);
		break;
	case NC_STEP_NONE_HERE:
		snprintf(line, size, "%s: none allowed here, CPU %u's group is",
			 st->domain, st->cpu);
		break;
	case NC_STEP_TYPES:
		snprintf(line, size, "%s: here %s, CPU %u's group %s: %s", st->domain,
			 here, st->cpu, there, verdict);
		break;
	case NC_STEP_LOAD:
		snprintf(line, size, "%s: %s, load %lu here, %lu at CPU %u: %s",
			 st->domain, here, st->here, st->there, st->cpu, verdict);
		break;
	case NC_STEP_NUMA_IMBALANCE:
		snprintf(line, size,
			 "%s: %lu idle here, %lu at CPU %u: imbalance %ld allowed, %u <= %u",
			 st->domain, st->here, st->there, st->cpu,
			 labs((long)st->here - (long)st->there), st->running, st->imb_numa_nr);
		break;
	case NC_STEP_IDLE:
		snprintf(line, size, "%s: %lu idle here, %lu at CPU %u: %s", st->domain,
			 st->here, st->there, st->cpu, verdict);
		break;
	case NC_STEP_CPU_IDLE:
		snprintf(line, size,
			 "CPU %u: idle, the shallowest and latest idle of its group", st->cpu);
		break;
	case NC_STEP_CPU_LEAST:
		snprintf(line, size, "CPU %u: the least loaded of its group (load %lu)",
			 st->cpu, st->here);
		break;
	default:
		if (size)
			line[0] = '\0';
	}
}

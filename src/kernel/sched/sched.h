/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scheduler's private structures, as kernel/sched/sched.h and
 * include/linux/sched/topology.h define them: per-CPU run queues, sched
 * domains and groups. Only what fork placement reads exists; CPU masks of
 * domains and groups are sized by nr_cpu_ids (sched_state.mask_longs).
 * Load signal: not PELT but its steady state (see fair.c's header).
 */
#ifndef NC_KERNEL_SCHED_SCHED_H
#define NC_KERNEL_SCHED_SCHED_H

#include <stdbool.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "lib/list.h"

/* include/linux/sched/sd_flags.h, in its order: bit i is flag i */
enum {
	SD_BALANCE_NEWIDLE = 1 << 0,
	SD_BALANCE_EXEC = 1 << 1,
	SD_BALANCE_FORK = 1 << 2,
	SD_BALANCE_WAKE = 1 << 3,
	SD_WAKE_AFFINE = 1 << 4,
	SD_ASYM_CPUCAPACITY = 1 << 5,
	SD_ASYM_CPUCAPACITY_FULL = 1 << 6,
	SD_SHARE_CPUCAPACITY = 1 << 7,
	SD_CLUSTER = 1 << 8,
	SD_SHARE_LLC = 1 << 9,
	SD_SERIALIZE = 1 << 10,
	SD_ASYM_PACKING = 1 << 11,
	SD_PREFER_SIBLING = 1 << 12,
	SD_OVERLAP = 1 << 13,
	SD_NUMA = 1 << 14,
	SD_FLAG_CNT = 15,
};

/* kernel/sched/sched.h wake flags; WF_FORK shares its value with SD_BALANCE_FORK */
#define WF_EXEC 0x02
#define WF_FORK 0x04
#define WF_TTWU 0x08

#define SCHED_CAPACITY_SCALE 1024UL
#define NICE_0_LOAD 1024UL             /* scale_load_down(NICE_0_LOAD) */
#define RECLAIM_DISTANCE 30            /* include/linux/topology.h default */

struct sched_group {
	struct sched_group *next;         /* circular, the local group first */
	unsigned int group_weight;
	unsigned long capacity;           /* sgc->capacity: 1024 per CPU */
	unsigned int id;                  /* sgc->id: the CPU owning the sgc */
	unsigned int flags;               /* the child domain's flags */
	unsigned long *balance_mask;      /* group_balance_mask() */
	unsigned long span[];             /* sched_group_span() */
};

struct sched_domain {
	struct sched_domain *parent, *child;
	struct sched_group *groups;
	const char *name;
	int level;                        /* depth before degenerate removal */
	unsigned int flags;
	unsigned int span_weight;
	unsigned int imbalance_pct, cache_nice_tries, busy_factor;
	unsigned long min_interval, max_interval;
	unsigned int imb_numa_nr;
	bool attached;                    /* survives cpu_attach_domain() */
	bool groups_shared;               /* overlapping groups: the ring is
					     another CPU's domain's (see topology.c) */
	const char *why_label;            /* fair.c's "NAME SPAN", once asked for */
	unsigned long span[];             /* sched_domain_span() */
};

/* kernel/sched/sched.h:struct rq, reduced to what placement reads */
struct rq {
	unsigned int cpu;
	unsigned int nr_running;          /* queued tasks, the running one included */
	unsigned int cfs_nr_running;      /* cfs.h_nr_running: the fair ones */
	unsigned long load;               /* cfs load: sum of queued fair tasks' weights */
	struct list_head cfs_tasks;       /* queued tasks, oldest first */
	unsigned long long idle_stamp;    /* sched clock when the CPU last went idle */
	unsigned int idle_exit_latency;   /* cpuidle state's exit latency while idle */
	unsigned int distribute_prev;     /* distribute_cpu_mask_prev (per CPU) */
	struct sched_domain *sd;          /* lowest attached domain, NULL if none */
	struct task_struct *idle;         /* this CPU's idle task (init_idle()) */
};

struct sched_domain_topology_level;

#define NC_SCHED_WHY_LINES 8
#define NC_SCHED_WHY_LEN 70            /* "scheduler: " + 69 fits 80 columns */

/* What one step of a placement saw and chose, kept as facts and worded
 * only when asked (nc_sched_why_line()): a fork must not pay for text
 * nobody reads. */
enum nc_sched_step_kind {
	NC_STEP_AFFINITY,                 /* cpu is the only one allowed */
	NC_STEP_FALLBACK,                 /* cpu not allowed: select_fallback_rq() gives cpu2 */
	NC_STEP_NO_DOMAIN,                /* no domain of cpu balances: prev_cpu cpu2 */
	NC_STEP_FROM,                     /* from cpu up to domain */
	NC_STEP_ONLY_LOCAL,               /* domain: only the local group allowed */
	NC_STEP_NONE_HERE,                /* domain: no local group, cpu's is */
	NC_STEP_TYPES,                    /* domain: the group types differ */
	NC_STEP_LOAD,                     /* domain: both busy, loads here, there */
	NC_STEP_NUMA_IMBALANCE,           /* domain: idle here, there; running <= imb_numa_nr */
	NC_STEP_IDLE,                     /* domain: idle CPUs here, there */
	NC_STEP_CPU_IDLE,                 /* cpu: the shallowest, latest idle */
	NC_STEP_CPU_LEAST,                /* cpu: the least loaded, load here */
	NC_STEP_RT_PREEMPT,               /* rt: cpu's current does not block the child */
	NC_STEP_RT_LOWEST,                /* rt: cpu runs RT prio here, cpu2 runs at there */
	NC_STEP_RT_NO_LOWER,              /* rt: cpu runs RT prio here, none runs lower */
};

struct nc_sched_step {
	unsigned char kind;               /* enum nc_sched_step_kind */
	unsigned char here_type, there_type;   /* fair.c's group types */
	bool stay;
	unsigned int cpu, cpu2;           /* cpu2: the CPU given instead */
	unsigned int running, imb_numa_nr;
	const char *domain;               /* "NAME SPAN", as long as the machine */
	unsigned long here, there;        /* idle CPUs or loads */
};

/* The steps of one placement, for explain; kept while sched_state.why
 * points at it. */
struct nc_sched_why {
	unsigned int nr;
	struct nc_sched_step step[NC_SCHED_WHY_LINES];
};

/* a domain's "NAME SPAN" for the steps: made once, freed with the machine
 * (records name it after the domains are rebuilt) */
struct nc_why_label {
	struct nc_why_label *next;
	char text[];
};

/* Everything kernel/sched keeps in globals and per-CPU variables. */
struct sched_state {
	unsigned int nr_cpu_ids, mask_longs;
	unsigned long *cpu_map;           /* CPUs the domains cover (active) */
	struct rq *rqs;                   /* [nr_cpu_ids] */
	unsigned long long clock;         /* logical rq clock: one tick per event */
	int node_reclaim_distance;

	/* sched_init_numa() */
	int numa_levels;
	int *numa_distance;               /* [numa_levels] unique distances */
	unsigned long **numa_masks;       /* [level * nr_node_ids + node] */
	unsigned int *numa_weight;        /* their weights, alike */
	unsigned int nr_numa_masks;

	/* the topology levels, bottom up, and every CPU's domain at each */
	unsigned int nr_tl;
	struct sched_domain_topology_level *tl;
	struct nc_sched_why *why;         /* where placements say why, or NULL */
	struct nc_why_label *why_labels;  /* every domain label made */
	struct sched_domain **sd;         /* [cpu * nr_tl + level], NULL if not built */
	struct sched_group **sg;          /* [cpu * nr_tl + level]: sdd->sg, the shared
					     group whose first CPU is cpu; at overlap
					     levels the first group built there (not owned) */
};

static inline struct rq *cpu_rq(struct nc_machine *m, unsigned int cpu)
{
	return &m->sched->rqs[cpu];
}

/* for_each_cpu_and()'s step: the next bit below n set in both a and b,
 * from the word *w, whose bits not yet visited are *bits; false at the
 * end. Inline, a word at a time: placement walks every CPU of every group
 * at each fork. */
static inline bool nc_next_cpu(unsigned int *cpu, const unsigned long *a, const unsigned long *b,
			       unsigned int n, unsigned long *w, unsigned long *bits)
{
	while (!*bits) {
		if (++*w >= BITS_TO_LONGS(n))
			return false;
		*bits = a[*w] & b[*w];
	}
	*cpu = (unsigned int)(*w * BITS_PER_LONG) + (unsigned int)__builtin_ctzl(*bits);
	*bits &= *bits - 1;
	return *cpu < n;
}

/* models for_each_cpu_and() over masks of n bits; the body may clear the
 * bit it is on (a word is read once, as the walk reaches it) */
#define for_each_cpu_and(cpu_, a_, b_, n_) \
	for (unsigned long w_ = 0, bits_ = (n_) ? (a_)[0] & (b_)[0] : 0; \
	     nc_next_cpu(&(cpu_), (a_), (b_), (n_), &w_, &bits_);)

/* models for_each_cpu() over a mask of n bits, as for_each_cpu_and() */
#define for_each_cpu(cpu_, mask_, n_) for_each_cpu_and(cpu_, mask_, mask_, n_)

/* models cpumask_first_and(): the first CPU below n in both a and b, or n
 * (cpumask_first() with a == b, cpumask_intersects() if below n) */
static inline unsigned int nc_first_cpu_and(const unsigned long *a, const unsigned long *b,
					    unsigned int n)
{
	unsigned long w = 0, bits = n ? a[0] & b[0] : 0;
	unsigned int cpu;

	return nc_next_cpu(&cpu, a, b, n, &w, &bits) ? cpu : n;
}

/* models for_each_cpu_wrap(): the set bits from start on, then from 0 */
#define for_each_cpu_wrap(cpu_, mask_, n_, start_) \
	for (unsigned int wrap_ = 0, end_ = (n_); wrap_ < 2; wrap_++, end_ = (start_)) \
		for ((cpu_) = find_next_bit((mask_), end_, wrap_ ? 0 : (start_)); (cpu_) < end_; \
		     (cpu_) = find_next_bit((mask_), end_, (cpu_) + 1))

/* models idle_task(): the CPU's idle task, which init_idle() gave it */
static inline struct task_struct *idle_task(const struct nc_machine *m, unsigned int cpu)
{
	return m->sched->rqs[cpu].idle;
}

/* models is_idle_task(): the boot task is the boot CPU's idle task */
static inline bool is_idle_task(const struct nc_machine *m, const struct task_struct *p)
{
	return !p || p == m->init_task || (p->flags & PF_IDLE);
}

#define for_each_domain(m_, cpu_, d_) \
	for ((d_) = cpu_rq((m_), (cpu_))->sd; (d_); (d_) = (d_)->parent)

#endif

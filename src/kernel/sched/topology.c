// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scheduling domains built from the machine's topology as v6.12's
 * kernel/sched/topology.c builds them on x86, with the level list of
 * arch/x86/kernel/smpboot.c:build_sched_topology() (SMT, CLS, MC, and PKG
 * unless a package holds several nodes) followed by sched_init_numa()'s NODE
 * and NUMA levels. The LLC is taken as the CPUs of one package on one node
 * and an L2 cluster as one core's SMT siblings (no hybrid parts). Left out:
 * cpuset partitions, asymmetric capacity, ITMT's SD_ASYM_PACKING, EAS.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/sched/topology.h"

enum tl_kind { TL_SMT, TL_CLS, TL_MC, TL_PKG, TL_NUMA };

/* models include/linux/sched/topology.h:struct sched_domain_topology_level */
struct sched_domain_topology_level {
	const char *name;
	enum tl_kind kind;
	unsigned int sd_flags;            /* cpu_smt_flags() ... cpu_numa_flags() */
	bool overlap;                     /* SDTL_OVERLAP */
	int numa_level;
	unsigned int *sibling;            /* below NUMA: see tl_init_siblings() */
};

static bool cpu_present(const struct nc_topology *t, unsigned int cpu)
{
	return t->cpu_node[cpu] >= 0;
}

/* A present CPU under the key that groups it at a level below NUMA: one
 * core (SMT, CLS), one package's share of a node (MC) or a node (PKG). */
struct cpu_key {
	int a, b;
	unsigned int cpu;
};

static int cpu_key_cmp(const void *x, const void *y)
{
	const struct cpu_key *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->cpu < q->cpu ? -1 : p->cpu > q->cpu;
}

/* The present CPUs sorted by their key at the level (kind below TL_NUMA):
 * each run of equal keys is one mask of the level. Returns how many, or
 * -ENOMEM. */
static int sort_cpus(const struct nc_topology *t, enum tl_kind kind, struct cpu_key **out)
{
	struct cpu_key *keys = malloc((size_t)t->nr_cpu_ids * sizeof(*keys));
	unsigned int n = 0;

	if (!keys)
		return -ENOMEM;
	for (unsigned int c = 0; c < t->nr_cpu_ids; c++) {
		if (!cpu_present(t, c))
			continue;
		if (kind == TL_PKG)
			keys[n++] = (struct cpu_key){ t->cpu_node[c], 0, c };
		else
			keys[n++] = (struct cpu_key){ t->cpu_package[c],
				kind == TL_MC ? t->cpu_node[c] : t->cpu_core[c], c };
	}
	/* CPU ids usually follow the topology already */
	for (unsigned int k = 1; k < n; k++)
		if (cpu_key_cmp(&keys[k - 1], &keys[k]) > 0) {
			qsort(keys, n, sizeof(*keys), cpu_key_cmp);
			break;
		}
	*out = keys;
	return (int)n;
}

/* The level's masks as rings: sibling[cpu] is the next CPU with cpu's key,
 * so tl_mask() costs the mask's CPUs, not the machine's. */
static int tl_init_siblings(const struct nc_topology *t, struct sched_domain_topology_level *tl)
{
	struct cpu_key *keys;
	int n = sort_cpus(t, tl->kind, &keys);

	if (n < 0)
		return n;
	tl->sibling = malloc((size_t)t->nr_cpu_ids * sizeof(*tl->sibling));
	if (!tl->sibling) {
		free(keys);
		return -ENOMEM;
	}
	for (int k = 0, first = 0; k < n; k++) {
		bool last = k + 1 == n || keys[k + 1].a != keys[k].a || keys[k + 1].b != keys[k].b;

		tl->sibling[keys[k].cpu] = keys[last ? first : k + 1].cpu;
		if (last)
			first = k + 1;
	}
	free(keys);
	return 0;
}

/* The level's mask for cpu: cpu_smt_mask(), cpu_clustergroup_mask(),
 * cpu_coregroup_mask() (the LLC), cpu_cpu_mask() (the node) or
 * sd_numa_mask(). Returns its weight. */
static unsigned int tl_mask(struct nc_machine *m, const struct sched_domain_topology_level *tl,
		    unsigned int cpu, unsigned long *dst)
{
	const struct nc_topology *t = m->topo;
	struct sched_state *s = m->sched;
	unsigned int c = cpu, weight = 0;

	if (tl->kind == TL_NUMA) {
		unsigned int k = (unsigned)tl->numa_level * t->nr_node_ids + (unsigned)t->cpu_node[cpu];

		memcpy(dst, s->numa_masks[k], s->mask_longs * sizeof(long));
		return s->numa_weight[k];
	}
	bitmap_zero(dst, s->nr_cpu_ids);
	do
		__set_bit(c, dst), weight++;
	while ((c = tl->sibling[c]) != cpu);
	return weight;
}

/* models arch/x86/kernel/smpboot.c: x86_has_numa_in_package: sorted by
 * package then node, a package with two nodes has them side by side */
static int numa_in_package(const struct nc_topology *t)
{
	struct cpu_key *keys;
	int n = sort_cpus(t, TL_MC, &keys), found = 0;

	for (int k = 1; k < n && !found; k++)
		found = keys[k].a == keys[k - 1].a && keys[k].b != keys[k - 1].b;
	if (n >= 0)
		free(keys);
	return n < 0 ? n : found;
}

#define NR_DISTANCE_VALUES 256 /* 1 << DISTANCE_BITS */

/* The CPUs of every node: cpus[first[node] .. first[node + 1]). */
struct node_cpus {
	unsigned int *first, *cpus;
};

static int node_cpus_init(const struct nc_topology *t, struct node_cpus *nc)
{
	nc->first = calloc(t->nr_node_ids + 1, sizeof(*nc->first));
	nc->cpus = malloc((size_t)t->nr_cpu_ids * sizeof(*nc->cpus));
	if (!nc->first || !nc->cpus)
		return -ENOMEM;
	for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
		if (cpu_present(t, c))
			nc->first[t->cpu_node[c] + 1]++;
	for (unsigned int k = 0; k < t->nr_node_ids; k++)
		nc->first[k + 1] += nc->first[k];
	for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
		if (cpu_present(t, c))
			nc->cpus[nc->first[t->cpu_node[c]]++] = c;
	/* the filling moved each first[] to the next node's start */
	memmove(nc->first + 1, nc->first, t->nr_node_ids * sizeof(*nc->first));
	nc->first[0] = 0;
	return 0;
}

/* sched_domains_numa_masks[level][node] for every node with CPUs: the CPUs
 * of the nodes within the level's distance. A node that reaches the same
 * nodes as the one before copies its mask. */
static int numa_level_masks(struct nc_machine *m, const struct node_cpus *nc, int level)
{
	const struct nc_topology *t = m->topo;
	struct sched_state *s = m->sched;
	nodemask_t reach, prev_reach;
	const unsigned long *prev = NULL;
	unsigned int weight = 0;
	int j, k;

	for_each_node_mask(j, t->has_cpu) {
		unsigned long *mask = calloc(s->mask_longs, sizeof(long));

		if (!mask)
			return -ENOMEM;
		s->numa_masks[(unsigned)level * t->nr_node_ids + (unsigned)j] = mask;
		nodes_clear(reach);
		for_each_node_mask(k, t->has_cpu)
			if (node_distance(t, j, k) <= s->numa_distance[level])
				node_set(k, reach);
		if (prev && bitmap_equal(reach.bits, prev_reach.bits, MAX_NUMNODES)) {
			memcpy(mask, prev, s->mask_longs * sizeof(long));
		} else {
			for_each_node_mask(k, reach)
				for (unsigned int x = nc->first[k]; x < nc->first[k + 1]; x++)
					__set_bit(nc->cpus[x], mask);
			prev = mask;
			prev_reach = reach;
			weight = bitmap_weight(mask, s->nr_cpu_ids);
		}
		s->numa_weight[(unsigned)level * t->nr_node_ids + (unsigned)j] = weight;
	}
	return 0;
}

/* models kernel/sched/topology.c:sched_init_numa(): the unique distances
 * between nodes with CPUs, and per level and node the CPUs within reach.
 * Returns the number of levels, 0 when the table is unusable, -ENOMEM. */
static int sched_init_numa(struct nc_machine *m)
{
	const struct nc_topology *t = m->topo;
	struct sched_state *s = m->sched;
	unsigned long seen[BITS_TO_LONGS(NR_DISTANCE_VALUES)] = { 0 };
	struct node_cpus nc;
	int i, j, k, nr_levels;

	for_each_node_mask(i, t->has_cpu)
		for_each_node_mask(j, t->has_cpu) {
			int d = node_distance(t, i, j);

			/* sched_numa_warn("Invalid distance value range") */
			if (d < LOCAL_DISTANCE || d >= NR_DISTANCE_VALUES)
				return 0;
			__set_bit((unsigned)d, seen);
		}
	nr_levels = (int)bitmap_weight(seen, NR_DISTANCE_VALUES);
	if (!nr_levels)
		return 0;
	s->numa_distance = calloc((size_t)nr_levels, sizeof(int));
	s->nr_numa_masks = (unsigned int)nr_levels * t->nr_node_ids;
	s->numa_masks = calloc(s->nr_numa_masks, sizeof(long *));
	s->numa_weight = calloc(s->nr_numa_masks, sizeof(*s->numa_weight));
	if (!s->numa_distance || !s->numa_masks || !s->numa_weight)
		return -ENOMEM;
	for (i = 0, j = 0; i < nr_levels; i++, j++)
		s->numa_distance[i] = j = (int)find_next_bit(seen, NR_DISTANCE_VALUES, (unsigned)j);
	s->numa_levels = nr_levels;
	k = node_cpus_init(t, &nc);
	for (i = 0; i < nr_levels && !k; i++)
		k = numa_level_masks(m, &nc, i);
	free(nc.first);
	free(nc.cpus);
	return k ? k : nr_levels;
}

/* The level list: build_sched_topology()'s, then sched_init_numa()'s. */
static int sched_init_topology(struct nc_machine *m)
{
	struct sched_state *s = m->sched;
	int numa = sched_init_numa(m), in_package, ret;
	unsigned int n = 0;

	if (numa < 0)
		return numa;
	s->tl = calloc(4 + (unsigned)numa, sizeof(*s->tl));
	if (!s->tl)
		return -ENOMEM;
	s->tl[n++] = (struct sched_domain_topology_level){ "SMT", TL_SMT,
		SD_SHARE_CPUCAPACITY | SD_SHARE_LLC, false, 0 };
	s->tl[n++] = (struct sched_domain_topology_level){ "CLS", TL_CLS,
		SD_CLUSTER | SD_SHARE_LLC, false, 0 };
	s->tl[n++] = (struct sched_domain_topology_level){ "MC", TL_MC, SD_SHARE_LLC, false, 0 };
	/* a package with several nodes inside lets the NUMA levels span it */
	in_package = numa_in_package(m->topo);
	if (in_package < 0)
		return in_package;
	if (!in_package)
		s->tl[n++] = (struct sched_domain_topology_level){ "PKG", TL_PKG, 0, false, 0 };
	for (int j = 0; j < numa; j++)
		s->tl[n++] = (struct sched_domain_topology_level){ j ? "NUMA" : "NODE", TL_NUMA,
			j ? SD_NUMA : 0, j > 0, j };
	s->nr_tl = n;
	for (unsigned int k = 0; k < n; k++)
		if (s->tl[k].kind != TL_NUMA && (ret = tl_init_siblings(m->topo, &s->tl[k])))
			return ret;
	return 0;
}

static struct sched_domain **sd_slot(struct sched_state *s, unsigned int cpu, unsigned int tl)
{
	return &s->sd[cpu * s->nr_tl + tl];
}

/* models kernel/sched/topology.c:sd_init() and build_sched_domain() */
static struct sched_domain *build_sched_domain(struct nc_machine *m, unsigned int tli,
					       struct sched_domain *child, unsigned int cpu)
{
	struct sched_state *s = m->sched;
	const struct sched_domain_topology_level *tl = &s->tl[tli];
	struct sched_domain *sd = calloc(1, sizeof(*sd) + s->mask_longs * sizeof(long));
	unsigned int weight;

	if (!sd)
		return NULL;
	weight = tl_mask(m, tl, cpu, sd->span);
	bitmap_and(sd->span, sd->span, s->cpu_map, s->nr_cpu_ids);
	sd->name = tl->name;
	sd->min_interval = weight;
	sd->max_interval = 2UL * weight;
	sd->busy_factor = 16;
	sd->imbalance_pct = 117;
	sd->flags = SD_BALANCE_NEWIDLE | SD_BALANCE_EXEC | SD_BALANCE_FORK |
		    SD_WAKE_AFFINE | SD_PREFER_SIBLING | tl->sd_flags;
	sd->child = child;
	if (sd->flags & SD_SHARE_CPUCAPACITY) {
		sd->imbalance_pct = 110;
	} else if (sd->flags & SD_SHARE_LLC) {
		sd->cache_nice_tries = 1;
	} else if (sd->flags & SD_NUMA) {
		sd->cache_nice_tries = 2;
		sd->flags &= ~SD_PREFER_SIBLING;
		sd->flags |= SD_SERIALIZE;
		/* the NUMA cut-off: no fork/exec balancing nor wake-affine this far */
		if (s->numa_distance[tl->numa_level] > s->node_reclaim_distance)
			sd->flags &= ~(SD_BALANCE_EXEC | SD_BALANCE_FORK | SD_WAKE_AFFINE);
	} else {
		sd->cache_nice_tries = 1;
	}
	if (tl->overlap)
		sd->flags |= SD_OVERLAP;
	sd->level = (int)tli;
	if (child) {
		child->parent = sd;
		/* "arch topology borken": the parent at least covers the child */
		bitmap_or(sd->span, sd->span, child->span, s->nr_cpu_ids);
	}
	sd->span_weight = bitmap_weight(sd->span, s->nr_cpu_ids);
	return sd;
}

static struct sched_group *group_alloc(struct sched_state *s)
{
	struct sched_group *sg = calloc(1, sizeof(*sg) + 2 * s->mask_longs * sizeof(long));

	if (sg)
		sg->balance_mask = sg->span + s->mask_longs;
	return sg;
}

/* models kernel/sched/topology.c:get_group(): CPU i's child domain at
 * this level (or i alone at the bottom), one object per level and first
 * CPU shared by every domain that has it as a group (sdd->sg) */
static int get_group(struct nc_machine *m, struct sched_domain *sd, unsigned int i,
		     struct sched_group **out)
{
	struct sched_state *s = m->sched;
	struct sched_domain *sib = *sd_slot(s, i, (unsigned int)sd->level);
	unsigned int first = sib && sib->child ? find_next_bit(sib->child->span, s->nr_cpu_ids, 0) : i;
	struct sched_group **slot = &s->sg[(size_t)first * s->nr_tl + (unsigned int)sd->level];
	struct sched_group *sg = *slot;

	if (sg) {
		*out = sg;
		return 0;
	}
	sg = group_alloc(s);
	if (!sg)
		return -ENOMEM;
	*slot = sg;
	if (sib && sib->child) {
		memcpy(sg->span, sib->child->span, s->mask_longs * sizeof(long));
		sg->flags = sib->child->flags;
		sg->group_weight = sib->child->span_weight;
	} else {
		__set_bit(i, sg->span);
		sg->group_weight = 1;
	}
	memcpy(sg->balance_mask, sg->span, s->mask_longs * sizeof(long));
	sg->id = find_next_bit(sg->span, s->nr_cpu_ids, 0);
	*out = sg;
	return 0;
}

/* models kernel/sched/topology.c:find_descended_sibling() */
static struct sched_domain *find_descended_sibling(struct sched_state *s, struct sched_domain *sd,
						   struct sched_domain *sib)
{
	while (sib->child && !bitmap_subset(sib->child->span, sd->span, s->nr_cpu_ids))
		sib = sib->child;
	while (sib->child && bitmap_equal(sib->child->span, sib->span, s->nr_cpu_ids))
		sib = sib->child;
	return sib;
}

/* models kernel/sched/topology.c:build_balance_mask(): the group's CPUs whose
 * own domain at the sibling's level has exactly the group as child */
static void build_balance_mask(struct sched_state *s, const struct sched_domain *sib,
			       struct sched_group *sg)
{
	unsigned int tli = (unsigned int)sib->level, i;

	bitmap_zero(sg->balance_mask, s->nr_cpu_ids);
	for_each_cpu(i, sg->span, s->nr_cpu_ids) {
		struct sched_domain *d = *sd_slot(s, i, tli);

		if (d && d->child && bitmap_equal(sg->span, d->child->span, s->nr_cpu_ids))
			__set_bit(i, sg->balance_mask);
	}
}

/* models build_overlap_sched_groups()'s group for CPU i: NUMA levels'
 * groups are the siblings' child domains, which may overlap; *out stays
 * NULL when i's tree already ended below (asymmetric setups) */
static int overlap_group(struct nc_machine *m, struct sched_domain *sd, unsigned int i,
			 struct sched_group **out)
{
	struct sched_state *s = m->sched;
	struct sched_domain *sib = *sd_slot(s, i, (unsigned int)sd->level);
	struct sched_group *sg, **seen;

	if (!sib || !test_bit(i, sib->span))
		return 0;
	if (sib->child && !bitmap_subset(sib->child->span, sd->span, s->nr_cpu_ids))
		sib = find_descended_sibling(s, sd, sib);
	sg = group_alloc(s);
	if (!sg)
		return -ENOMEM;
	/* build_group_from_child_sched_domain() */
	if (sib->child) {
		memcpy(sg->span, sib->child->span, s->mask_longs * sizeof(long));
		sg->flags = sib->child->flags;
	} else {
		memcpy(sg->span, sib->span, s->mask_longs * sizeof(long));
	}
	sg->group_weight = (sib->child ? sib->child : sib)->span_weight;
	/* init_overlap_sched_group(); a group of this level with the same
	 * span (a sibling not descended) has the same mask: computed once,
	 * as the kernel shares it through the group's sgc */
	seen = &s->sg[(size_t)find_next_bit(sg->span, s->nr_cpu_ids, 0) * s->nr_tl +
		      (unsigned int)sd->level];
	if (sib->level == sd->level && *seen && bitmap_equal((*seen)->span, sg->span, s->nr_cpu_ids)) {
		memcpy(sg->balance_mask, (*seen)->balance_mask, s->mask_longs * sizeof(long));
	} else {
		build_balance_mask(s, sib, sg);
		if (sib->level == sd->level && !*seen)
			*seen = sg;
	}
	sg->id = find_next_bit(sg->balance_mask, s->nr_cpu_ids, 0);
	*out = sg;
	return 0;
}

/* models kernel/sched/topology.c:build_sched_groups() and
 * build_overlap_sched_groups(): walking the span from cpu on, wrapping,
 * every CPU not yet covered brings its group, the local group first */
static int build_groups(struct nc_machine *m, struct sched_domain *sd, unsigned int cpu)
{
	struct sched_state *s = m->sched;
	unsigned int n = s->nr_cpu_ids, i;
	unsigned long covered[s->mask_longs];
	struct sched_group *last = NULL;

	bitmap_zero(covered, n);
	for_each_cpu_wrap(i, sd->span, n, cpu) {
		struct sched_group *sg = NULL;
		int ret;

		if (test_bit(i, covered))
			continue;
		ret = sd->flags & SD_OVERLAP ? overlap_group(m, sd, i, &sg) : get_group(m, sd, i, &sg);
		if (ret)
			return ret;
		if (!sg)
			continue;
		bitmap_or(covered, covered, sg->span, n);
		if (last)
			last->next = sg;
		else
			sd->groups = sg;
		last = sg;
		sg->next = sd->groups;
	}
	return 0;
}

/* models build_sched_domains()'s imb_numa_nr pass: the NUMA imbalance a
 * level allows, from the LLC boundary up, on the tree before degeneration */
static void set_imb_numa_nr(struct sched_domain *sd)
{
	unsigned int imb = 0, imb_span = 1;

	for (; sd; sd = sd->parent) {
		struct sched_domain *child = sd->child;

		if (!(sd->flags & SD_SHARE_LLC) && child && (child->flags & SD_SHARE_LLC)) {
			unsigned int nr_llcs = sd->span_weight / child->span_weight;
			struct sched_domain *top = sd->parent;

			/* one LLC: 12.5% of the node; several: one task per LLC */
			imb = nr_llcs == 1 ? sd->span_weight >> 3 : nr_llcs;
			if (imb < 1)
				imb = 1;
			sd->imb_numa_nr = imb;
			while (top && !(top->flags & SD_NUMA))
				top = top->parent;
			imb_span = top ? top->span_weight : sd->span_weight;
		} else {
			unsigned int factor = sd->span_weight / imb_span;

			sd->imb_numa_nr = imb * (factor ? factor : 1);
		}
	}
}

/* SD flags that mean nothing without two groups (SDF_NEEDS_GROUPS): all
 * but SD_WAKE_AFFINE */
#define SD_DEGENERATE_GROUPS_MASK (((1u << SD_FLAG_CNT) - 1) & ~(unsigned)SD_WAKE_AFFINE)

static bool single_group(const struct sched_domain *sd)
{
	return sd->groups == sd->groups->next;
}

/* models kernel/sched/topology.c:sd_degenerate() */
static bool sd_degenerate(const struct sched_domain *sd)
{
	if (sd->span_weight == 1)
		return true;
	if ((sd->flags & SD_DEGENERATE_GROUPS_MASK) && !single_group(sd))
		return false;
	return !(sd->flags & SD_WAKE_AFFINE);
}

/* models kernel/sched/topology.c:sd_parent_degenerate() */
static bool sd_parent_degenerate(const struct sched_domain *sd, const struct sched_domain *parent)
{
	unsigned int pflags = parent->flags;

	if (sd_degenerate(parent))
		return true;
	/* a parent's span holds its child's: equal spans, equal weights */
	if (sd->span_weight != parent->span_weight)
		return false;
	if (single_group(parent))
		pflags &= ~SD_DEGENERATE_GROUPS_MASK;
	return !(~sd->flags & pflags);
}

/* models kernel/sched/topology.c:cpu_attach_domain(): drop the levels that
 * add nothing, then hang what is left on the CPU's run queue */
static void cpu_attach_domain(struct nc_machine *m, struct sched_domain *sd, unsigned int cpu)
{
	struct sched_domain *tmp;

	for (tmp = sd; tmp && tmp->parent;) {
		struct sched_domain *parent = tmp->parent;

		if (!sd_parent_degenerate(tmp, parent)) {
			tmp = parent;
			continue;
		}
		tmp->parent = parent->parent;
		if (parent->parent) {
			parent->parent->child = tmp;
			parent->parent->groups->flags = tmp->flags;
		}
		if (parent->flags & SD_PREFER_SIBLING)
			tmp->flags |= SD_PREFER_SIBLING;
		parent->attached = false;
	}
	if (sd && sd_degenerate(sd)) {
		sd->attached = false;
		sd = sd->parent;
		if (sd) {
			struct sched_group *sg = sd->groups;

			do
				sg->flags = 0;
			while ((sg = sg->next) != sd->groups);
			sd->child = NULL;
		}
	}
	cpu_rq(m, cpu)->sd = sd;
}

/* Whether CPUs a and b have domains alike at every level up to tl: the
 * same flags, weights and single-group-ness, so cpu_attach_domain() takes
 * the same decisions and writes the same values into their groups at tl. */
static bool same_shape(struct sched_state *s, unsigned int a, unsigned int b, unsigned int tl)
{
	for (unsigned int t = 0; t <= tl; t++) {
		const struct sched_domain *da = *sd_slot(s, a, t), *db = *sd_slot(s, b, t);

		if (!da || !db)
			return da == db;
		if (da->flags != db->flags || da->span_weight != db->span_weight ||
		    (t < tl && single_group(da) != single_group(db)))
			return false;
	}
	return true;
}

/* An overlapping level's ring that is a partition of its span into
 * contiguous groups, each brought alike by any of its CPUs: any CPU of the
 * span would build the same ring, started at its own group. */
struct overlap_ring {
	struct sched_domain *sd;         /* NULL if none known */
	unsigned int cpu;                /* sd's CPU */
	struct sched_group *hint;        /* the group found last */
};

/* The group i's domain sd at an overlapping level gets from CPU x's domain
 * there (overlap_group()'s span and sibling), or NULL if x brings none. */
static const struct sched_domain *overlap_source(struct sched_state *s,
						 const struct sched_domain *sd, unsigned int x)
{
	struct sched_domain *sib = *sd_slot(s, x, (unsigned int)sd->level);

	if (!sib || !test_bit(x, sib->span))
		return NULL;
	if (sib->child && !bitmap_subset(sib->child->span, sd->span, s->nr_cpu_ids))
		sib = find_descended_sibling(s, (struct sched_domain *)sd, sib);
	return sib;
}

static const unsigned long *source_span(const struct sched_domain *sib)
{
	return sib->child ? sib->child->span : sib->span;
}

/* Records sd's freshly built ring as the level's shareable one if it is a
 * partition as struct overlap_ring says (checked CPU by CPU). */
static void note_overlap_ring(struct sched_state *s, struct sched_domain *sd, unsigned int cpu,
			      struct overlap_ring *ring)
{
	unsigned int n = s->nr_cpu_ids, weight = 0, runs = 0, groups = 0, x;
	const struct sched_group *sg = sd->groups, *cur = NULL;
	int level = -1;

	do {
		weight += sg->group_weight;
		groups++;
	} while ((sg = sg->next) != sd->groups);
	if (weight != sd->span_weight)
		return;
	for_each_cpu(x, sd->span, n) {
		const struct sched_domain *src = overlap_source(s, sd, x);

		if (!src)
			return;
		if (!cur || !test_bit(x, cur->span)) {
			/* a new run: a group not seen before if runs stay <= groups */
			for (cur = sd->groups; !test_bit(x, cur->span);)
				if ((cur = cur->next) == sd->groups)
					return;
			if (++runs > groups)
				return;
			level = src->level;
		}
		if (src->level != level || !bitmap_equal(source_span(src), cur->span, n))
			return;
	}
	*ring = (struct overlap_ring){ sd, cpu, sd->groups };
}

/* A ring CPU i's domain sd at an overlapping level can share rather than
 * build: the previous CPU's when it has the same span and local group (the
 * walk from i then meets the same groups), or the level's partition ring
 * from i's group on. NULL if neither applies. */
static struct sched_group *shared_overlap_ring(struct sched_state *s, struct sched_domain *sd,
					       unsigned int i, struct overlap_ring *ring)
{
	unsigned int n = s->nr_cpu_ids, tl = (unsigned int)sd->level;
	struct sched_domain *prev = i ? *sd_slot(s, i - 1, tl) : NULL;
	struct sched_group *sg;

	if (prev && test_bit(i - 1, sd->span) && bitmap_equal(prev->span, sd->span, n) &&
	    bitmap_equal(prev->groups->span, source_span(sd), n) && same_shape(s, i - 1, i, tl))
		return prev->groups;
	if (!ring->sd || !bitmap_equal(ring->sd->span, sd->span, n) ||
	    !same_shape(s, ring->cpu, i, tl))
		return NULL;
	for (sg = ring->hint; !test_bit(i, sg->span);)
		if ((sg = sg->next) == ring->hint)
			return NULL;
	return ring->hint = sg;
}

/* models build_sched_domains()'s group pass and init_sched_groups_capacity() */
static int build_all_groups(struct nc_machine *m)
{
	struct sched_state *s = m->sched;
	unsigned int n = s->nr_cpu_ids;
	struct overlap_ring *rings = calloc(s->nr_tl, sizeof(*rings));

	if (!rings)
		return -ENOMEM;
	for (unsigned int i = 0; i < n; i++)
		for (unsigned int t = 0; t < s->nr_tl; t++) {
			struct sched_domain *sd = *sd_slot(s, i, t);
			int ret;

			if (!sd)
				continue;
			if ((sd->flags & SD_OVERLAP) &&
			    (sd->groups = shared_overlap_ring(s, sd, i, &rings[t]))) {
				sd->groups_shared = true;
				continue;
			}
			ret = build_groups(m, sd, i);
			if (ret) {
				free(rings);
				return ret;
			}
			/* every CPU counts 1024 */
			for (struct sched_group *sg = sd->groups;;) {
				sg->capacity = SCHED_CAPACITY_SCALE * sg->group_weight;
				if ((sg = sg->next) == sd->groups)
					break;
			}
			if (sd->flags & SD_OVERLAP)
				note_overlap_ring(s, sd, i, &rings[t]);
		}
	free(rings);
	return 0;
}

/* models kernel/sched/topology.c:build_sched_domains() over cpu_map */
static int build_sched_domains(struct nc_machine *m)
{
	struct sched_state *s = m->sched;
	unsigned int n = s->nr_cpu_ids, all = bitmap_weight(s->cpu_map, n);
	int ret;

	s->sd = calloc((size_t)n * s->nr_tl, sizeof(*s->sd));
	s->sg = calloc((size_t)n * s->nr_tl, sizeof(*s->sg));
	if (!s->sd || !s->sg)
		return -ENOMEM;
	for (unsigned int i = 0; i < n; i++) {
		struct sched_domain *sd = NULL;

		if (!test_bit(i, s->cpu_map))
			continue;
		for (unsigned int t = 0; t < s->nr_tl; t++) {
			sd = build_sched_domain(m, t, sd, i);
			if (!sd)
				return -ENOMEM;
			sd->attached = true;
			*sd_slot(s, i, t) = sd;
			/* spans stay within cpu_map: covering it is having its weight */
			if (sd->span_weight == all)
				break;
		}
	}
	ret = build_all_groups(m);
	if (ret)
		return ret;
	for (unsigned int i = 0; i < n; i++)
		if (test_bit(i, s->cpu_map))
			set_imb_numa_nr(*sd_slot(s, i, 0));
	for (unsigned int i = 0; i < n; i++)
		if (test_bit(i, s->cpu_map))
			cpu_attach_domain(m, *sd_slot(s, i, 0), i);
	return 0;
}

void sched_free_domains(struct sched_state *s)
{
	for (size_t k = 0; s->sd && k < (size_t)s->nr_cpu_ids * s->nr_tl; k++) {
		struct sched_domain *sd = s->sd[k];
		/* overlapping groups are the domain's own unless it shares
		 * another's ring; the others are shared per level */
		struct sched_group *sg = sd && (sd->flags & SD_OVERLAP) && !sd->groups_shared ?
					 sd->groups : NULL;

		while (sg) {
			struct sched_group *next = sg->next;

			free(sg);
			sg = next == sd->groups ? NULL : next;
		}
		free(sd);
		if (s->sg && !s->tl[k % s->nr_tl].overlap)
			free(s->sg[k]);
	}
	free(s->sd);
	free(s->sg);
	s->sd = NULL;
	s->sg = NULL;
	for (unsigned int k = 0; s->numa_masks && k < s->nr_numa_masks; k++)
		free(s->numa_masks[k]);
	free(s->numa_masks);
	free(s->numa_weight);
	free(s->numa_distance);
	for (unsigned int k = 0; s->tl && k < s->nr_tl; k++)
		free(s->tl[k].sibling);
	free(s->tl);
	s->numa_masks = NULL;
	s->numa_weight = NULL;
	s->numa_distance = NULL;
	s->tl = NULL;
	s->numa_levels = 0;
	s->nr_numa_masks = 0;
	s->nr_tl = 0;
	for (unsigned int c = 0; c < s->nr_cpu_ids; c++)
		s->rqs[c].sd = NULL;
}

int sched_init_domains(struct nc_machine *m)
{
	struct sched_state *s = m->sched;
	int ret;

	sched_free_domains(s);
	ret = sched_init_topology(m);
	if (!ret)
		ret = build_sched_domains(m);
	if (ret)
		sched_free_domains(s);
	return ret;
}

/* A text sink with snprintf's contract: the full length is counted even
 * when the buffer is too small. */
struct out {
	char *buf;
	size_t size, len;
};

static void __attribute__((format(printf, 2, 3))) out_printf(struct out *o, const char *fmt, ...)
{
	size_t room = o->len < o->size ? o->size - o->len : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
}

static void out_cpulist(struct out *o, struct sched_state *s, const unsigned long *mask)
{
	size_t room = o->len < o->size ? o->size - o->len : 0;

	o->len += (size_t)bitmap_print_list(room ? o->buf + o->len : NULL, room, mask,
					    s->nr_cpu_ids);
}

static void out_flags(struct out *o, unsigned int flags)
{
	static const char *const names[SD_FLAG_CNT] = {
		"SD_BALANCE_NEWIDLE", "SD_BALANCE_EXEC", "SD_BALANCE_FORK",
		"SD_BALANCE_WAKE", "SD_WAKE_AFFINE", "SD_ASYM_CPUCAPACITY",
		"SD_ASYM_CPUCAPACITY_FULL", "SD_SHARE_CPUCAPACITY", "SD_CLUSTER",
		"SD_SHARE_LLC", "SD_SERIALIZE", "SD_ASYM_PACKING", "SD_PREFER_SIBLING",
		"SD_OVERLAP", "SD_NUMA",
	};

	for (unsigned int i = 0; i < SD_FLAG_CNT; i++)
		if (flags & (1u << i))
			out_printf(o, "%s ", names[i]);
	out_printf(o, "\n");
}

static int out_end(struct out *o)
{
	if (o->size)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
	return (int)o->len;
}

struct sched_domain *sched_domain_nr(struct nc_machine *m, unsigned int cpu, unsigned int nr)
{
	struct sched_domain *sd;

	if (cpu >= m->sched->nr_cpu_ids)
		return NULL;
	for_each_domain(m, cpu, sd)
		if (!nr--)
			return sd;
	return NULL;
}

int sched_domain_file(struct nc_machine *m, unsigned int cpu, unsigned int nr,
		      const char *file, char *buf, size_t size)
{
	struct sched_domain *sd = sched_domain_nr(m, cpu, nr);
	struct out o = { buf, size, 0 };

	if (!sd)
		return -ENOENT;
	if (!strcmp(file, "name"))
		out_printf(&o, "%s\n", sd->name);
	else if (!strcmp(file, "flags"))
		out_flags(&o, sd->flags);
	else if (!strcmp(file, "groups_flags"))
		out_flags(&o, sd->groups->flags);
	else if (!strcmp(file, "level"))
		out_printf(&o, "%d\n", sd->level);
	else if (!strcmp(file, "imbalance_pct"))
		out_printf(&o, "%u\n", sd->imbalance_pct);
	else if (!strcmp(file, "cache_nice_tries"))
		out_printf(&o, "%u\n", sd->cache_nice_tries);
	else if (!strcmp(file, "busy_factor"))
		out_printf(&o, "%u\n", sd->busy_factor);
	else if (!strcmp(file, "min_interval"))
		out_printf(&o, "%lu\n", sd->min_interval);
	else if (!strcmp(file, "max_interval"))
		out_printf(&o, "%lu\n", sd->max_interval);
	else
		return -ENOENT;
	return out_end(&o);
}

int sched_domain_debug(struct nc_machine *m, unsigned int cpu, char *buf, size_t size)
{
	struct sched_state *s = m->sched;
	struct out o = { buf, size, 0 };
	struct sched_domain *sd;
	int level = 0;

	if (cpu >= s->nr_cpu_ids || !test_bit(cpu, s->cpu_map))
		return -ENOENT;
	if (!cpu_rq(m, cpu)->sd) {
		out_printf(&o, "CPU%u attaching NULL sched-domain.\n", cpu);
		return out_end(&o);
	}
	out_printf(&o, "CPU%u attaching sched-domain(s):\n", cpu);
	for_each_domain(m, cpu, sd) {
		struct sched_group *sg = sd->groups;

		out_printf(&o, "%*s domain-%d: span=", level, "", level);
		out_cpulist(&o, s, sd->span);
		out_printf(&o, " level=%s\n%*s groups:", sd->name, level + 1, "");
		do {
			out_printf(&o, " %u:{ span=", sg->id);
			out_cpulist(&o, s, sg->span);
			if ((sd->flags & SD_OVERLAP) &&
			    !bitmap_equal(sg->balance_mask, sg->span, s->nr_cpu_ids)) {
				out_printf(&o, " mask=");
				out_cpulist(&o, s, sg->balance_mask);
			}
			if (sg->capacity != SCHED_CAPACITY_SCALE)
				out_printf(&o, " cap=%lu", sg->capacity);
			out_printf(&o, " }%s", sg->next != sd->groups ? "," : "");
		} while ((sg = sg->next) != sd->groups);
		out_printf(&o, "\n");
		level++;
	}
	return out_end(&o);
}

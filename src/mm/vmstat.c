// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory counters: models mm/vmstat.c's per-zone, NUMA-event and per-node
 * items (only those the model changes), their names, their per-node sums
 * and the vm.numa_stat switch. The kernel's per-CPU differentials are not
 * modelled: every update lands in the zone or node total at once.
 */
#include <errno.h>

#include "mm/mmzone.h"
#include "mm/vmstat.h"

const char *zone_stat_name(enum zone_stat_item item)
{
	static const char *const names[NR_VM_ZONE_STAT_ITEMS] = { "nr_free_pages" };

	return names[item];
}

const char *numa_stat_name(enum numa_stat_item item)
{
	static const char *const names[NR_VM_NUMA_EVENT_ITEMS] = {
		"numa_hit", "numa_miss", "numa_foreign",
		"numa_interleave", "numa_local", "numa_other",
	};

	return names[item];
}

const char *node_stat_name(enum node_stat_item item)
{
	static const char *const names[NR_VM_NODE_STAT_ITEMS] = {
		"nr_slab_reclaimable", "nr_slab_unreclaimable", "nr_anon_pages",
		"nr_kernel_stack", "nr_page_table_pages",
	};

	return names[item];
}

void __count_numa_events(struct zone *zone, enum numa_stat_item item, long delta)
{
	zone->vm_numa_event[item] += (unsigned long)delta;
}

void __count_numa_event(struct zone *zone, enum numa_stat_item item)
{
	__count_numa_events(zone, item, 1);
}

bool vm_numa_stat_enabled(const struct nc_machine *m)
{
	return m->page_alloc->numa_stat;
}

void zone_statistics(struct nc_machine *m, struct zone *preferred, struct zone *z,
		     long nr_account)
{
	if (!vm_numa_stat_enabled(m))
		return;
	if (zone_to_nid(z) == zone_to_nid(preferred)) {
		__count_numa_events(z, NUMA_HIT, nr_account);
	} else {
		__count_numa_events(z, NUMA_MISS, nr_account);
		__count_numa_events(preferred, NUMA_FOREIGN, nr_account);
	}
	__count_numa_events(z, zone_to_nid(z) == numa_node_id(m) ? NUMA_LOCAL : NUMA_OTHER,
			    nr_account);
}

/* models mm/vmstat.c:invalid_numa_statistics() */
static void invalid_numa_statistics(struct nc_machine *m)
{
	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++)
		for (int i = 0; i < MAX_NR_ZONES; i++)
			for (int e = 0; e < NR_VM_NUMA_EVENT_ITEMS; e++)
				NODE_DATA(m, (int)n)->node_zones[i].vm_numa_event[e] = 0;
}

int sysctl_vm_numa_stat_write(struct nc_machine *m, long val)
{
	if (val != 0 && val != 1)
		return -EINVAL;
	if (val == m->page_alloc->numa_stat)
		return 0;
	m->page_alloc->numa_stat = val;
	if (!val)
		invalid_numa_statistics(m);
	return 0;
}

void __mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long delta)
{
	zone->vm_stat[item] += delta;
}

unsigned long zone_page_state(const struct zone *zone, enum zone_stat_item item)
{
	long x = zone->vm_stat[item];

	return x < 0 ? 0 : (unsigned long)x;
}

void mod_node_page_state(struct pglist_data *pgdat, enum node_stat_item item, long delta)
{
	if (item == NR_SLAB_RECLAIMABLE_B || item == NR_SLAB_UNRECLAIMABLE_B)
		delta /= (long)PAGE_SIZE;
	pgdat->vm_stat[item] += delta;
}

unsigned long node_page_state(const struct pglist_data *pgdat, enum node_stat_item item)
{
	long x = pgdat->vm_stat[item];

	return x < 0 ? 0 : (unsigned long)x;
}

unsigned long sum_zone_node_page_state(const struct nc_machine *m, int nid,
				       enum zone_stat_item item)
{
	unsigned long sum = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++)
		sum += zone_page_state(&NODE_DATA(m, nid)->node_zones[i], item);
	return sum;
}

unsigned long sum_zone_numa_event_state(const struct nc_machine *m, int nid,
					enum numa_stat_item item)
{
	unsigned long sum = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++)
		sum += NODE_DATA(m, nid)->node_zones[i].vm_numa_event[item];
	return sum;
}

unsigned long global_numa_event_state(const struct nc_machine *m,
				      enum numa_stat_item item)
{
	unsigned long sum = 0;

	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++)
		sum += sum_zone_numa_event_state(m, (int)n, item);
	return sum;
}

unsigned long global_zone_page_state(const struct nc_machine *m, enum zone_stat_item item)
{
	unsigned long sum = 0;

	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++)
		sum += sum_zone_node_page_state(m, (int)n, item);
	return sum;
}

unsigned long global_node_page_state_pages(const struct nc_machine *m,
					   enum node_stat_item item)
{
	unsigned long sum = 0;

	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++)
		sum += node_page_state(NODE_DATA(m, (int)n), item);
	return sum;
}

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory counters (include/linux/vmstat.h, mmzone.h): per-zone items, the
 * six NUMA events, per-node items. Only the items the model changes exist;
 * each keeps the kernel's relative order and name. Counters are kept per
 * zone (the kernel's per-CPU deltas fold into the same sums).
 */
#ifndef NC_MM_VMSTAT_H
#define NC_MM_VMSTAT_H

#include <stdbool.h>

struct nc_machine;
struct page;
struct zone;
struct pglist_data;

enum zone_stat_item {
	NR_FREE_PAGES,
	NR_VM_ZONE_STAT_ITEMS
};

enum numa_stat_item {
	NUMA_HIT,            /* allocated on the preferred zone's node */
	NUMA_MISS,           /* allocated here although another node was preferred */
	NUMA_FOREIGN,        /* preferred here, allocated elsewhere */
	NUMA_INTERLEAVE_HIT, /* interleave policy got its chosen node */
	NUMA_LOCAL,          /* allocated on the allocating CPU's node */
	NUMA_OTHER,          /* allocated elsewhere than the CPU's node */
	NR_VM_NUMA_EVENT_ITEMS
};

enum node_stat_item {
	NR_SLAB_RECLAIMABLE_B,    /* kept in pages; mod_node_page_state() takes bytes */
	NR_SLAB_UNRECLAIMABLE_B,
	NR_ANON_MAPPED,           /* pages */
	NR_KERNEL_STACK_KB,       /* kB */
	NR_PAGETABLE,             /* pages */
	NR_VM_NODE_STAT_ITEMS
};

/* models mm/vmstat.c:vmstat_text[] */
const char *zone_stat_name(enum zone_stat_item item);
const char *numa_stat_name(enum numa_stat_item item);
const char *node_stat_name(enum node_stat_item item);

/* models include/linux/vmstat.h:__count_numa_events() */
void __count_numa_events(struct zone *zone, enum numa_stat_item item, long delta);
/* models include/linux/vmstat.h:__count_numa_event() */
void __count_numa_event(struct zone *zone, enum numa_stat_item item);
/* models mm/page_alloc.c:zone_statistics(): the hit/miss/foreign/local/
 * other accounting of one allocation from z when preferred was first */
void zone_statistics(struct nc_machine *m, struct zone *preferred, struct zone *z,
		     long nr_account);
/* models the vm_numa_stat_key static branch (sysctl vm.numa_stat) */
bool vm_numa_stat_enabled(const struct nc_machine *m);
/* models mm/vmstat.c:sysctl_vm_numa_stat_handler() for a write of val:
 * 0 or 1, else -EINVAL; turning counting off zeroes every NUMA event */
int sysctl_vm_numa_stat_write(struct nc_machine *m, long val);

/* models include/linux/vmstat.h:__mod_zone_page_state() */
void __mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long delta);
/* models include/linux/vmstat.h:zone_page_state() */
unsigned long zone_page_state(const struct zone *zone, enum zone_stat_item item);
/* models mm/vmstat.c:mod_node_page_state(): bytes for *_B items, like the kernel */
void mod_node_page_state(struct pglist_data *pgdat, enum node_stat_item item, long delta);
/* models mm/vmstat.c:node_page_state_pages() (the kB item stays in kB) */
unsigned long node_page_state(const struct pglist_data *pgdat, enum node_stat_item item);

/* models include/linux/vmstat.h:sum_zone_node_page_state() */
unsigned long sum_zone_node_page_state(const struct nc_machine *m, int nid,
				       enum zone_stat_item item);
/* models include/linux/vmstat.h:sum_zone_numa_event_state() */
unsigned long sum_zone_numa_event_state(const struct nc_machine *m, int nid,
					enum numa_stat_item item);
/* models include/linux/vmstat.h:global_zone_page_state() */
unsigned long global_zone_page_state(const struct nc_machine *m, enum zone_stat_item item);
/* models include/linux/vmstat.h:global_node_page_state_pages() */
unsigned long global_node_page_state_pages(const struct nc_machine *m,
					   enum node_stat_item item);
/* models mm/vmstat.c:global_numa_event_state() (the /proc/vmstat figure) */
unsigned long global_numa_event_state(const struct nc_machine *m,
				      enum numa_stat_item item);

#endif

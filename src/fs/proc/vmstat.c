// SPDX-License-Identifier: GPL-2.0-only
/*
 * The /proc files of mm/vmstat.c: buddyinfo, zoneinfo, vmstat. Absent
 * rather than invented: zoneinfo's boost and cma lines, its pagesets
 * (no per-CPU page lists) and node_unreclaimable (no reclaim); every
 * counter the model does not keep (vmstat.h lists those it does), of the
 * events only pgalloc_<zone> and pgfree, and no pgalloc_device (no
 * ZONE_DEVICE).
 */
#include "fs/proc/vmstat.h"
#include "arch/machine.h"
#include "mm/mmzone.h"

/* models mm/vmstat.c:frag_show_print() */
static void frag_show_print(FILE *f, const pg_data_t *pgdat, const struct zone *zone)
{
	fprintf(f, "Node %d, zone %8s ", pgdat->node_id, zone_name(zone->idx));
	for (int order = 0; order < NR_PAGE_ORDERS; order++)
		fprintf(f, "%6lu ", zone->free_area[order].nr_free);
	fputc('\n', f);
}

/* models mm/vmstat.c:walk_zones_in_node() over every online node, as the
 * seq_file's frag_start()/frag_next() step through them */
static void walk_zones(const struct nc_machine *m, FILE *f, bool assert_populated,
		       void (*print)(FILE *f, const pg_data_t *pgdat, const struct zone *zone))
{
	int nid;

	for_each_node_mask(nid, m->topo->online) {
		const pg_data_t *pgdat = NODE_DATA(m, nid);

		for (int i = 0; pgdat && i < MAX_NR_ZONES; i++)
			if (!assert_populated || populated_zone(&pgdat->node_zones[i]))
				print(f, pgdat, &pgdat->node_zones[i]);
	}
}

void frag_show(const struct nc_machine *m, FILE *f)
{
	walk_zones(m, f, true, frag_show_print);
}

/* models mm/vmstat.c:is_zone_first_populated() */
static bool is_zone_first_populated(const pg_data_t *pgdat, const struct zone *zone)
{
	for (int i = 0; i < MAX_NR_ZONES; i++)
		if (populated_zone(&pgdat->node_zones[i]))
			return zone == &pgdat->node_zones[i];
	return false;
}

/* models mm/vmstat.c:zoneinfo_show_print() */
static void zoneinfo_show_print(FILE *f, const pg_data_t *pgdat, const struct zone *zone)
{
	fprintf(f, "Node %d, zone %8s", pgdat->node_id, zone_name(zone->idx));
	if (is_zone_first_populated(pgdat, zone)) {
		fputs("\n  per-node stats", f);
		for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
			fprintf(f, "\n      %-12s %lu", node_stat_name((enum node_stat_item)i),
				node_page_state(pgdat, (enum node_stat_item)i));
	}
	fprintf(f, "\n  pages free     %lu"
		   "\n        min      %lu"
		   "\n        low      %lu"
		   "\n        high     %lu"
		   "\n        promo    %lu"
		   "\n        spanned  %lu"
		   "\n        present  %lu"
		   "\n        managed  %lu",
		zone_page_state(zone, NR_FREE_PAGES), min_wmark_pages(zone),
		low_wmark_pages(zone), high_wmark_pages(zone), zone->_watermark[WMARK_PROMO],
		zone->spanned_pages, zone->present_pages, zone_managed_pages(zone));
	fprintf(f, "\n        protection: (%ld", zone->lowmem_reserve[0]);
	for (int i = 1; i < MAX_NR_ZONES; i++)
		fprintf(f, ", %ld", zone->lowmem_reserve[i]);
	fputc(')', f);
	if (!populated_zone(zone)) {
		fputc('\n', f);
		return;
	}
	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		fprintf(f, "\n      %-12s %lu", zone_stat_name((enum zone_stat_item)i),
			zone_page_state(zone, (enum zone_stat_item)i));
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		fprintf(f, "\n      %-12s %lu", numa_stat_name((enum numa_stat_item)i),
			zone->vm_numa_event[i]);
	fprintf(f, "\n  start_pfn:           %lu\n", zone->zone_start_pfn);
}

void zoneinfo_show(const struct nc_machine *m, FILE *f)
{
	walk_zones(m, f, false, zoneinfo_show_print);
}

/* models mm/vmstat.c:all_vm_events() for PGALLOC of one zone type */
static unsigned long pgalloc_events(const struct nc_machine *m, int zone)
{
	unsigned long sum = 0;

	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++)
		sum += NODE_DATA(m, (int)n)->node_zones[zone].pgalloc;
	return sum;
}

/* models mm/vmstat.c:all_vm_events() for PGFREE (kept per zone here) */
static unsigned long pgfree_events(const struct nc_machine *m)
{
	unsigned long sum = 0;

	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++)
		for (int i = 0; i < MAX_NR_ZONES; i++)
			sum += NODE_DATA(m, (int)n)->node_zones[i].pgfree;
	return sum;
}

void vmstat_show(const struct nc_machine *m, FILE *f)
{
	/* vmstat_text[]'s TEXTS_FOR_ZONES("pgalloc") */
	static const char *const pgalloc[MAX_NR_ZONES] = {
		"pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_movable",
	};

	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		fprintf(f, "%s %lu\n", zone_stat_name((enum zone_stat_item)i),
			global_zone_page_state(m, (enum zone_stat_item)i));
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		fprintf(f, "%s %lu\n", numa_stat_name((enum numa_stat_item)i),
			global_numa_event_state(m, (enum numa_stat_item)i));
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		fprintf(f, "%s %lu\n", node_stat_name((enum node_stat_item)i),
			global_node_page_state_pages(m, (enum node_stat_item)i));
	for (int i = 0; i < MAX_NR_ZONES; i++)
		fprintf(f, "%s %lu\n", pgalloc[i], pgalloc_events(m, i));
	/* allocstall_<zone> and pgskip_<zone> come between: no reclaim here */
	fprintf(f, "pgfree %lu\n", pgfree_events(m));
}

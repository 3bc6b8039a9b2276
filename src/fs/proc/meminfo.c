// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/meminfo as fs/proc/meminfo.c prints it in v6.12: MemTotal, MemFree,
 * AnonPages, KReclaimable, Slab, SReclaimable, SUnreclaim, KernelStack and
 * PageTables, in the kernel's order and widths. Absent rather than zero:
 * MemAvailable, the page cache, LRU, swap, dirty, commit, vmalloc, percpu
 * and huge page lines, which the model does not keep.
 */
#include "fs/proc/meminfo.h"
#include "arch/machine.h"
#include "mm/mmzone.h"

/* models fs/proc/meminfo.c:show_val_kb(): pages as "%8lu kB" */
static void show_val_kb(FILE *f, const char *s, unsigned long pages)
{
	fprintf(f, "%s%8lu kB\n", s, pages << (PAGE_SHIFT - 10));
}

void meminfo_proc_show(const struct nc_machine *m, FILE *f)
{
	unsigned long totalram = 0;
	unsigned long sreclaimable = global_node_page_state_pages(m, NR_SLAB_RECLAIMABLE_B);
	unsigned long sunreclaim = global_node_page_state_pages(m, NR_SLAB_UNRECLAIMABLE_B);

	/* models mm/show_mem.c:si_meminfo(): totalram_pages() */
	for (unsigned int n = 0; n < m->topo->nr_node_ids; n++)
		for (int i = 0; i < MAX_NR_ZONES; i++)
			totalram += zone_managed_pages(&NODE_DATA(m, (int)n)->node_zones[i]);
	show_val_kb(f, "MemTotal:       ", totalram);
	show_val_kb(f, "MemFree:        ", global_zone_page_state(m, NR_FREE_PAGES));
	show_val_kb(f, "AnonPages:      ", global_node_page_state_pages(m, NR_ANON_MAPPED));
	show_val_kb(f, "KReclaimable:   ", sreclaimable);
	show_val_kb(f, "Slab:           ", sreclaimable + sunreclaim);
	show_val_kb(f, "SReclaimable:   ", sreclaimable);
	show_val_kb(f, "SUnreclaim:     ", sunreclaim);
	fprintf(f, "KernelStack:    %8lu kB\n", global_node_page_state_pages(m, NR_KERNEL_STACK_KB));
	show_val_kb(f, "PageTables:     ", global_node_page_state_pages(m, NR_PAGETABLE));
}

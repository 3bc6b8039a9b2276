// SPDX-License-Identifier: GPL-2.0-only
/*
 * Renders the per-node sysfs files of drivers/base/node.c. Left out: the
 * meminfo and vmstat lines of counters the model does not keep (LRU
 * lists, file pages, hugetlb, ...), which are absent rather than zero.
 */
#include <stdarg.h>
#include <stdio.h>

#include "drivers/base/node.h"
#include "lib/bitmap.h"
#include "mm/mmzone.h"
#include "mm/vmstat.h"

/* models fs/sysfs/file.c:sysfs_emit_at(): never past the page */
static int __attribute__((format(printf, 3, 4)))
sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (at < 0 || at >= NODE_ATTR_BUF_SIZE - 1)
		return 0;
	va_start(ap, fmt);
	len = vsnprintf(buf + at, (size_t)(NODE_ATTR_BUF_SIZE - at), fmt, ap);
	va_end(ap);
	if (len >= NODE_ATTR_BUF_SIZE - at)
		len = NODE_ATTR_BUF_SIZE - at - 1;
	return len < 0 ? 0 : len;
}

int node_read_numastat(const struct nc_machine *m, int nid, char *buf)
{
	static const char *const names[NR_VM_NUMA_EVENT_ITEMS] = {
		"numa_hit", "numa_miss", "numa_foreign",
		"interleave_hit", "local_node", "other_node",
	};
	int len = 0;

	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		len += sysfs_emit_at(buf, len, "%s %lu\n", names[i],
				     sum_zone_numa_event_state(m, nid, (enum numa_stat_item)i));
	return len;
}

/* The separator goes before every node but node 0, so a machine whose
 * node 0 is offline starts the line with a space, as the kernel does. */
int node_read_distance(const struct nc_machine *m, int nid, char *buf)
{
	int len = 0;
	int n;

	for_each_node_mask(n, m->topo->online)
		len += sysfs_emit_at(buf, len, "%s%d", n ? " " : "", node_distance(m->topo, nid, n));
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

int node_read_meminfo(const struct nc_machine *m, int nid, char *buf)
{
	const pg_data_t *pgdat = NODE_DATA(m, nid);
	unsigned long totalram = 0, freeram = node_free_pages(m, nid);
	unsigned long srec = node_page_state(pgdat, NR_SLAB_RECLAIMABLE_B);
	unsigned long sunrec = node_page_state(pgdat, NR_SLAB_UNRECLAIMABLE_B);
	int len = 0;

	/* models mm/show_mem.c:si_meminfo_node() */
	for (int i = 0; i < MAX_NR_ZONES; i++)
		totalram += zone_managed_pages(&pgdat->node_zones[i]);
	len += sysfs_emit_at(buf, len,
			     "Node %d MemTotal:       %8lu kB\n"
			     "Node %d MemFree:        %8lu kB\n"
			     "Node %d MemUsed:        %8lu kB\n",
			     nid, K(totalram), nid, K(freeram), nid, K(totalram - freeram));
	len += sysfs_emit_at(buf, len,
			     "Node %d AnonPages:      %8lu kB\n"
			     "Node %d KernelStack:    %8lu kB\n"
			     "Node %d PageTables:     %8lu kB\n"
			     "Node %d KReclaimable:   %8lu kB\n"
			     "Node %d Slab:           %8lu kB\n"
			     "Node %d SReclaimable:   %8lu kB\n"
			     "Node %d SUnreclaim:     %8lu kB\n",
			     nid, K(node_page_state(pgdat, NR_ANON_MAPPED)),
			     nid, node_page_state(pgdat, NR_KERNEL_STACK_KB),
			     nid, K(node_page_state(pgdat, NR_PAGETABLE)),
			     nid, K(srec), nid, K(srec + sunrec), nid, K(srec), nid, K(sunrec));
	return len;
}

/* cpumask_of_node(nid) over nr_cpu_ids bits, printed as a list or a mask;
 * the kernel's cpulist and cpumap are binary attributes sized for the
 * largest mask, the model keeps to one page */
static int node_read_cpus(const struct nc_machine *m, int nid, char *buf, bool list)
{
	const struct nc_topology *t = m->topo;
	cpumask_t mask = { { 0 } };
	int len;

	for (unsigned int cpu = 0; cpu < t->nr_cpu_ids; cpu++)
		if (cpu_to_node(t, cpu) == nid)
			cpumask_set_cpu(cpu, &mask);
	len = (list ? bitmap_print_list : bitmap_print_mask)(buf, NODE_ATTR_BUF_SIZE - 1,
							     mask.bits, t->nr_cpu_ids);
	if (len > NODE_ATTR_BUF_SIZE - 2)
		len = NODE_ATTR_BUF_SIZE - 2;
	return len + sysfs_emit_at(buf, len, "\n");
}

int node_read_cpulist(const struct nc_machine *m, int nid, char *buf)
{
	return node_read_cpus(m, nid, buf, true);
}

int node_read_cpumap(const struct nc_machine *m, int nid, char *buf)
{
	return node_read_cpus(m, nid, buf, false);
}

int node_read_vmstat(const struct nc_machine *m, int nid, char *buf)
{
	const pg_data_t *pgdat = NODE_DATA(m, nid);
	int len = 0;

	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		len += sysfs_emit_at(buf, len, "%s %lu\n", zone_stat_name((enum zone_stat_item)i),
				     sum_zone_node_page_state(m, nid, (enum zone_stat_item)i));
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		len += sysfs_emit_at(buf, len, "%s %lu\n", numa_stat_name((enum numa_stat_item)i),
				     sum_zone_numa_event_state(m, nid, (enum numa_stat_item)i));
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		len += sysfs_emit_at(buf, len, "%s %lu\n", node_stat_name((enum node_stat_item)i),
				     node_page_state(pgdat, (enum node_stat_item)i));
	return len;
}

const char *const node_state_names[NR_NODE_STATES] = {
	"possible", "online", "has_normal_memory", "has_memory", "has_cpu",
};

int show_node_state(const struct nc_machine *m, enum node_states state, char *buf)
{
	const struct nc_topology *t = m->topo;
	nodemask_t mask = { { 0 } };
	int len;

	switch (state) {
	case N_POSSIBLE:
		bitmap_fill(mask.bits, t->nr_node_ids);
		break;
	case N_ONLINE:
		mask = t->online;
		break;
	case N_NORMAL_MEMORY: /* no node has only ZONE_MOVABLE memory */
	case N_MEMORY:
		mask = t->memory;
		break;
	default:
		mask = t->has_cpu;
		break;
	}
	len = bitmap_print_list(buf, NODE_ATTR_BUF_SIZE - 1, mask.bits, MAX_NUMNODES);
	if (len > NODE_ATTR_BUF_SIZE - 2)
		len = NODE_ATTR_BUF_SIZE - 2;
	return len + sysfs_emit_at(buf, len, "\n");
}

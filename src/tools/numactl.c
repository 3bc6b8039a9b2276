// SPDX-License-Identifier: GPL-2.0-only
/*
 * `numactl --hardware` as numactl's hardware() prints it from sysfs: the
 * online nodes (a nodeN directory each), then per node its CPUs (cpumap),
 * size and free memory (meminfo MemTotal/MemFree, in MB rounded down), then
 * the distance table of online nodes. Not modelled: 2.0.19's --cpu-compress
 * and the "No NUMA available" / "No distance information" cases, which a
 * modelled machine never reaches.
 */
#include <errno.h>
#include <stdlib.h>

#include "mm/page_alloc.h"
#include "tools/numactl.h"

void numactl_print_hardware(FILE *out, const struct nc_topology *t,
			    const unsigned long long *free_bytes,
			    enum numactl_version v)
{
	/* header "node " / "node  " then one column per node, each line ending
	 * in a blank: 2.0.16 prints "% 3d ", 2.0.19 "% 4d " */
	int width = v == NUMACTL_2_0_16 ? 3 : 4;
	char list[5 * MAX_NUMNODES];
	int a, b;

	bitmap_print_list(list, sizeof(list), t->online.bits, MAX_NUMNODES);
	fprintf(out, "available: %u nodes (%s)\n", nodes_weight(t->online), list);
	for_each_node_mask(a, t->online) {
		fprintf(out, "node %d cpus:", a);
		for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
			if (t->cpu_node[c] == a)
				fprintf(out, " %u", c);
		fprintf(out, "\nnode %d size: %llu MB\n", a, t->nodes[a].mem_bytes >> 20);
		fprintf(out, "node %d free: %llu MB\n", a, free_bytes[a] >> 20);
	}
	fprintf(out, "node distances:\nnode %*s", width - 3, "");
	for_each_node_mask(b, t->online)
		fprintf(out, "% *d ", width, b);
	fputc('\n', out);
	for_each_node_mask(a, t->online) {
		fprintf(out, "% *d: ", width, a);
		for_each_node_mask(b, t->online)
			fprintf(out, "% *d ", width, node_distance(t, a, b));
		fputc('\n', out);
	}
}

int numactl_hardware(FILE *out, const struct nc_machine *m, enum numactl_version v)
{
	const struct nc_topology *t = m->topo;
	unsigned long long *free_bytes = calloc(t->nr_node_ids, sizeof(*free_bytes));
	int nid;

	if (!free_bytes)
		return -ENOMEM;
	for_each_node_mask(nid, t->online)
		free_bytes[nid] = (unsigned long long)node_free_pages(m, nid) << PAGE_SHIFT;
	numactl_print_hardware(out, t, free_bytes, v);
	free(free_bytes);
	return 0;
}

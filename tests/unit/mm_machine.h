/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helper: a machine booted on a hand-built topology (node memory in
 * MiB, CPUs per node, a SLIT matrix), for the page allocator's tests.
 */
#ifndef NC_TESTS_MM_MACHINE_H
#define NC_TESTS_MM_MACHINE_H

#include <stdint.h>
#include <stdlib.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arch/machine.h"
#include "arch/topology.h"
#include "mm/mmzone.h"
#include "mm/page_alloc.h"
#include "mm/vmstat.h"

/* Two sockets of two nodes: 12 within a socket, 32 across. */
static const uint8_t mm_dist_2s4n[16] = {
	10, 12, 32, 32,
	12, 10, 32, 32,
	32, 32, 10, 12,
	32, 32, 12, 10,
};

/* dist may be NULL for 10/20; a node with mem_mb 0 is memoryless */
static inline struct nc_machine *mm_machine(unsigned int nr_nodes,
					    const unsigned long long *mem_mb,
					    const unsigned int *cpus,
					    const uint8_t *dist)
{
	struct nc_topology *t = calloc(1, sizeof(*t));
	struct nc_machine *m = calloc(1, sizeof(*m));
	unsigned int nr_cpus = 0, c = 0;

	for (unsigned int n = 0; n < nr_nodes; n++)
		nr_cpus += cpus[n];
	t->nr_node_ids = nr_nodes;
	t->nr_cpu_ids = nr_cpus;
	t->nodes = calloc(nr_nodes, sizeof(*t->nodes));
	t->distance = calloc((size_t)nr_nodes * nr_nodes, 1);
	t->cpu_node = calloc(nr_cpus + 1, sizeof(int));
	t->cpu_core = calloc(nr_cpus + 1, sizeof(int));
	t->cpu_package = calloc(nr_cpus + 1, sizeof(int));
	for (unsigned int n = 0; n < nr_nodes; n++) {
		t->nodes[n].online = true;
		t->nodes[n].mem_bytes = mem_mb[n] << 20;
		t->nodes[n].nr_cpus = cpus[n];
		node_set(n, t->online);
		if (mem_mb[n])
			node_set(n, t->memory);
		if (cpus[n])
			node_set(n, t->has_cpu);
		for (unsigned int k = 0; k < cpus[n]; k++, c++) {
			t->cpu_node[c] = (int)n;
			t->cpu_core[c] = (int)c;
			t->cpu_package[c] = (int)n;
		}
		for (unsigned int b = 0; b < nr_nodes; b++)
			t->distance[n * nr_nodes + b] = dist ? dist[n * nr_nodes + b] :
				n == b ? LOCAL_DISTANCE : REMOTE_DISTANCE;
	}
	m->topo = t;
	m->rng = 1;
	if (nc_page_alloc_init(m)) {
		nc_page_alloc_exit(m);
		nc_topology_free(t);
		free(m);
		return NULL;
	}
	return m;
}

static inline void mm_machine_free(struct nc_machine *m)
{
	nc_page_alloc_exit(m);
	nc_topology_free(m->topo);
	free(m);
}

/*
 * The renderers' golden scenario: 2s4n-like distances (10/12/32), node
 * memory 64, 64, 0, 128 MiB, CPUs 0-1 on node 0, 2-3 on node 1, 4-5 on
 * node 2 (memoryless), none on node 3. Boot fallback orders (by hand):
 * node0 0 1 3, node1 1 0 3, node2 3 0 1, node3 3 1 0. Then:
 *  - CPU 0: three order-0 allocations for NUMA_NO_NODE -> hit/local on 0;
 *  - CPU 0: order 2 on node 1 -> hit/other on 1;
 *  - CPU 4: two order-0 for NUMA_NO_NODE (node 2's list starts at 3)
 *    -> hit/other on 3, the first also counted as an interleave hit;
 *  - CPU 4: order 0 preferring 2 with nodemask {0} -> hit/other on 0;
 *  - CPU 0: node 1 drained with __GFP_THISNODE (min_free_kbytes 2048,
 *    node 1's min 128, low 160): 15 order-10 blocks, then 860 order-0 at
 *    LOW and 32 more at MIN; then one order 0 preferring 1 falls back to
 *    node 0 -> miss/local on 0, foreign on 1; the drained blocks are freed.
 *  - node 0 is charged 12 kB of unreclaimable slab and a 16 kB stack.
 * Totals: node0 hit 4 miss 1 local 4 other 1; node1 hit 908 foreign 1
 * other 908; node3 hit 2 interleave 1 other 2. Held: 5 pages on node 0,
 * 4 on node 1, 2 on node 3.
 */
static inline struct nc_machine *mm_golden_machine(void)
{
	static const unsigned long long mem[] = { 64, 64, 0, 128 };
	static const unsigned int cpus[] = { 2, 2, 2, 0 };
	struct nc_machine *m = mm_machine(4, mem, cpus, mm_dist_2s4n);
	struct page *drain[1024], *p;
	unsigned int n = 0;
	nodemask_t only0;

	if (!m)
		return NULL;
	for (int i = 0; i < 3; i++)
		alloc_pages_node(m, NUMA_NO_NODE, GFP_KERNEL, 0);
	alloc_pages_node(m, 1, GFP_KERNEL, 2);
	nc_set_cpu(m, 4);
	p = alloc_pages_node(m, NUMA_NO_NODE, GFP_KERNEL, 0);
	__count_numa_event(page_zone(m, p), NUMA_INTERLEAVE_HIT);
	alloc_pages_node(m, NUMA_NO_NODE, GFP_KERNEL, 0);
	nodes_clear(only0);
	node_set(0, only0);
	__alloc_pages(m, GFP_KERNEL, 0, 2, &only0);
	nc_set_cpu(m, 0);
	while (n < 1024 && (p = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN,
						 MAX_PAGE_ORDER)))
		drain[n++] = p;
	while (n < 1024 && (p = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN, 0)))
		drain[n++] = p;
	alloc_pages_node(m, 1, GFP_KERNEL, 0);
	while (n)
		__free_pages(m, drain[--n], 0);
	mod_node_page_state(NODE_DATA(m, 0), NR_SLAB_UNRECLAIMABLE_B, 3 * 4096);
	mod_node_page_state(NODE_DATA(m, 0), NR_KERNEL_STACK_KB, 16);
	return m;
}

/* Compares text with the golden file tests/golden/PATH byte for byte;
 * NC_UPDATE_GOLDEN=1 rewrites the file instead (review the diff). */
static inline int mm_golden_check(const char *path, const char *text, size_t len)
{
	char file[256], *want;
	size_t got;
	FILE *f;
	int ret;

	snprintf(file, sizeof(file), "tests/golden/%s", path);
	if (getenv("NC_UPDATE_GOLDEN")) {
		f = fopen(file, "w");
		if (!f)
			return -1;
		fwrite(text, 1, len, f);
		return fclose(f);
	}
	f = fopen(file, "r");
	if (!f)
		return -1;
	want = malloc(len + 2);
	got = fread(want, 1, len + 1, f);
	fclose(f);
	ret = got == len && !memcmp(want, text, len) ? 0 : -1;
	free(want);
	return ret;
}

static inline char *mm_slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* A machine shaped like the host: "host" once the topology parsers can
 * mirror it; until then, on a one-node host, "1x<CPUs>". */
static inline struct nc_machine *mm_host_like(void)
{
	struct nc_machine_config cfg = { .topology = "host" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	char spec[32], buf[64];

	if (m)
		return m;
	if (access("/sys/devices/system/node/node1", F_OK) == 0 ||
	    !mm_slurp("/sys/devices/system/node/online", buf, sizeof(buf)) || strcmp(buf, "0\n"))
		return NULL;
	snprintf(spec, sizeof(spec), "1x%ld", sysconf(_SC_NPROCESSORS_CONF));
	cfg.topology = spec;
	return nc_machine_create(&cfg, &err);
}

#endif

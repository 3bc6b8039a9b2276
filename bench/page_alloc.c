// SPDX-License-Identifier: GPL-2.0-only
/*
 * Page allocator speed: ns per order-0 and order-2 alloc+free pair (fresh
 * blocks split and merged back each time, and a steady state holding 4096
 * pages), against host malloc+free measured in the same run; and the time
 * to boot and tear down the allocator of 64 x 256 GiB and 1024 x 256 GiB
 * machines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "mm/page_alloc.h"

#define HELD 4096

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double bench_malloc(long iters)
{
	double t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		void *volatile p = malloc(64);

		free(p);
	}
	return (now_ns() - t0) / (double)iters;
}

static double bench_pair(struct nc_machine *m, unsigned int order, long iters)
{
	double t0 = now_ns();

	for (long i = 0; i < iters; i++)
		__free_pages(m, alloc_pages_node(m, NUMA_NO_NODE, GFP_KERNEL, order), order);
	return (now_ns() - t0) / (double)iters;
}

/* HELD pages outstanding; each step frees the oldest and allocates anew */
static double bench_steady(struct nc_machine *m, unsigned int order, long iters)
{
	static struct page *ring[HELD];
	double t0;

	for (int i = 0; i < HELD; i++)
		ring[i] = alloc_pages_node(m, i % 4, GFP_KERNEL, order);
	t0 = now_ns();
	for (long i = 0; i < iters; i++) {
		__free_pages(m, ring[i % HELD], order);
		ring[i % HELD] = alloc_pages_node(m, (int)(i % 4), GFP_KERNEL, order);
	}
	t0 = (now_ns() - t0) / (double)iters;
	for (int i = 0; i < HELD; i++)
		__free_pages(m, ring[i], order);
	return t0;
}

/* Boots only the page allocator of a nodes x 256 GiB machine. */
static double bench_boot(const char *spec)
{
	struct nc_machine m = { 0 };
	struct nc_error err;
	double t0 = now_ns();

	m.topo = nc_topology_parse(spec, NULL, &err);
	if (!m.topo) {
		fprintf(stderr, "%s\n", err.msg);
		exit(1);
	}
	for (unsigned int n = 0; n < m.topo->nr_node_ids; n++)
		m.topo->nodes[n].mem_bytes = 256ULL << 30;
	if (nc_page_alloc_init(&m)) {
		fprintf(stderr, "page allocator init failed\n");
		exit(1);
	}
	nc_page_alloc_exit(&m);
	nc_topology_free(m.topo);
	return (now_ns() - t0) / 1e6;
}

int main(void)
{
	struct nc_machine_config cfg = { .topology = "4x2" };
	const long iters = 1000000;
	struct nc_machine *m;
	struct nc_error err;
	double base;

	m = nc_machine_create(&cfg, &err);
	if (!m) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	base = bench_malloc(iters);
	printf("host malloc(64)+free          %8.1f ns/op (baseline)\n", base);
	for (unsigned int order = 0; order <= 2; order += 2) {
		double pair = bench_pair(m, order, iters);
		double steady = bench_steady(m, order, iters);

		printf("order-%u alloc+free, split     %8.1f ns/op  %5.1fx baseline\n",
		       order, pair, pair / base);
		printf("order-%u alloc+free, steady    %8.1f ns/op  %5.1fx baseline\n",
		       order, steady, steady / base);
	}
	nc_machine_destroy(m);
	printf("boot+teardown 64 x 256 GiB    %8.2f ms\n", bench_boot("64x4"));
	printf("boot+teardown 1024 x 256 GiB  %8.2f ms\n", bench_boot("1024x1"));
	return 0;
}

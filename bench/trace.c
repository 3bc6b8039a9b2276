// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tracepoint cost: ns per trace_kmem_cache_alloc() call with no trace
 * attached (the default: one predictable branch), with a trace attached but
 * the event disabled, and enabled (recorded into the overwriting ring);
 * against an empty loop doing the same argument set-up, measured in the
 * same run. Also ns per order-0 alloc+free pair with tracing off and on.
 */
#include <stdio.h>
#include <time.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "mm/page_alloc.h"
#include "trace/events.h"
#include "trace/trace.h"

/* keeps the loops' arithmetic from being optimised away */
static volatile unsigned long sink;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* The same loop without the tracepoint: what the caller pays anyway. */
static double bench_baseline(long iters)
{
	double t0 = now_ns();

	for (long i = 0; i < iters; i++)
		sink += 0xffff888100000000UL + (unsigned long)i * 64;
	return (now_ns() - t0) / (double)iters;
}

static double bench_event(struct nc_machine *m, long iters)
{
	double t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		unsigned long ptr = 0xffff888100000000UL + (unsigned long)i * 64;

		trace_kmem_cache_alloc(m, __func__, ptr, 64, 64, GFP_KERNEL, NUMA_NO_NODE, false);
		sink += ptr;
	}
	return (now_ns() - t0) / (double)iters;
}

static double bench_pages(struct nc_machine *m, long iters)
{
	double t0 = now_ns();

	for (long i = 0; i < iters; i++)
		__free_pages(m, alloc_pages_node(m, NUMA_NO_NODE, GFP_KERNEL, 0), 0);
	return (now_ns() - t0) / (double)iters;
}

int main(void)
{
	struct nc_machine_config cfg = { .topology = "2x4" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);
	const long iters = 20000000, page_iters = 2000000;
	double base, off, attached, on, pages_off, pages_on;

	if (!m) {
		fprintf(stderr, "bench/trace: %s\n", err.msg);
		return 1;
	}
	base = bench_baseline(iters);
	off = bench_event(m, iters);
	pages_off = bench_pages(m, page_iters);
	if (nc_trace_start(m, "sched", 0, &err)) {
		fprintf(stderr, "bench/trace: %s\n", err.msg);
		return 1;
	}
	attached = bench_event(m, iters);
	nc_trace_set_event(m, "kmem", true, &err);
	on = bench_event(m, iters);
	pages_on = bench_pages(m, page_iters);

	printf("loop without tracepoint     %7.2f ns/op\n", base);
	printf("tracepoint, no trace        %7.2f ns/op  (+%.2f ns over the loop)\n", off, off - base);
	printf("tracepoint, event disabled  %7.2f ns/op  (+%.2f ns)\n", attached, attached - base);
	printf("tracepoint, event enabled   %7.2f ns/op  (+%.2f ns)\n", on, on - base);
	printf("page alloc+free, no trace   %7.2f ns/op\n", pages_off);
	printf("page alloc+free, traced     %7.2f ns/op  (x%.2f)\n", pages_on, pages_on / pages_off);
	nc_machine_destroy(m);
	return 0;
}

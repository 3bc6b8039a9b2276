/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fault injection for the page allocator (mm/fail_page_alloc.c on top of
 * lib/fault-inject.c's should_fail_ex()). Left out: stack-trace and task
 * filters, require/reject address ranges, the debugfs files. The task's
 * fail-nth (mm/fault_inject.c) counts first; the attribute's own fail_nth
 * is a model knob for tests that run without tasks.
 */
#ifndef NC_MM_FAIL_PAGE_ALLOC_H
#define NC_MM_FAIL_PAGE_ALLOC_H

#include <stdbool.h>

#include "mm/page_alloc.h"

/* models include/linux/fault-inject.h:struct fault_attr plus the
 * fail_page_alloc filters; defaults are the kernel's (inactive) */
struct fail_page_alloc_attr {
	unsigned int probability;   /* percent; 0 disables all but fail_nth */
	unsigned long interval;     /* fail every interval-th candidate */
	long times;                 /* failures left; -1 = unlimited */
	long space;                 /* bytes (here pages) to let through first */
	unsigned long count;        /* candidates seen, for interval */
	unsigned int fail_nth;      /* model: the N-th candidate fails (no task needed) */
	bool ignore_gfp_highmem;
	bool ignore_gfp_reclaim;
	unsigned int min_order;
	int nid;                    /* model only: preferred node filter, or NUMA_NO_NODE */
	unsigned long nr_injected;  /* failures forced */
	unsigned long nr_reported;  /* of those, dumped (no __GFP_NOWARN) */
};

/* models FAULT_ATTR_INITIALIZER and fail_page_alloc's initial filters */
void fail_page_alloc_init(struct fail_page_alloc_attr *attr);
/* models mm/fail_page_alloc.c:should_fail_alloc_page(), with the model's
 * node filter applied to the preferred node */
bool should_fail_alloc_page(struct nc_machine *m, gfp_t gfp, unsigned int order,
			    int preferred_nid);

/* Knobs. Both clear the kernel's default filters (min-order 1,
 * ignore-gfp-wait, ignore-gfp-highmem) as a debugfs user would. */
/* Clears min-order, ignore-gfp-wait and ignore-gfp-highmem. */
void nc_fail_page_alloc_clear_filters(struct nc_machine *m);
/* The n-th page allocation from now fails (n >= 1), as fail-nth does. */
void nc_fail_page_alloc_nth(struct nc_machine *m, unsigned int n);
/* The next n allocations preferring node nid (NUMA_NO_NODE: any) fail. */
void nc_fail_page_alloc_next(struct nc_machine *m, int nid, long n);

#endif

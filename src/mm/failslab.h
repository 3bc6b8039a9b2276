/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fault injection for slab allocations, as mm/failslab.c puts it on top of
 * lib/fault-inject.c: the bootstrap cache never fails, __GFP_NOFAIL never
 * fails, reclaiming requests are skipped by default (ignore-gfp-wait) and
 * cache-filter limits failures to SLAB_FAILSLAB caches. Left out:
 * probability, interval, space, the stack-trace filters and debugfs.
 */
#ifndef NC_MM_FAILSLAB_H
#define NC_MM_FAILSLAB_H

#include <stdbool.h>

#include "mm/page_alloc.h"

struct kmem_cache;

/* models the failslab struct: a fault_attr plus its two filters */
struct failslab_attr {
	long times;                 /* forced failures left (the "next n" knob) */
	unsigned int fail_nth;      /* model: the n-th candidate from now fails; 0 = off */
	unsigned int nr_nth_tasks;  /* tasks with fail-nth armed (mm/fault_inject.c) */
	bool ignore_gfp_reclaim;    /* default true, as the kernel's */
	bool cache_filter;          /* only SLAB_FAILSLAB caches */
	unsigned long nr_injected;  /* failures forced so far */
};

/* models mm/failslab.c's initial attributes (nothing armed) */
void failslab_init(struct failslab_attr *fa);
/* Recomputes NC_HOOK_FAILSLAB from the knobs and the armed tasks. */
void failslab_update_active(struct nc_machine *m);
/* models mm/failslab.c:__should_failslab(); callers test NC_HOOK_FAILSLAB first.
 * A task's fail-nth counts after the filters, as should_fail_ex() does. */
bool __should_failslab(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp);

/* Knobs; both clear ignore-gfp-wait so GFP_KERNEL requests can fail.
 * The next n candidate allocations fail (only SLAB_FAILSLAB caches if
 * cache_filter). */
void nc_failslab_next(struct nc_machine *m, long n, bool cache_filter);
/* The n-th candidate from now fails (n >= 1), like /proc/self/fail-nth. */
void nc_failslab_nth(struct nc_machine *m, unsigned int n);

#endif

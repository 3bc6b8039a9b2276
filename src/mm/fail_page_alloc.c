// SPDX-License-Identifier: GPL-2.0-only
/*
 * Page allocation fault injection: models mm/fail_page_alloc.c and the
 * parts of lib/fault-inject.c:should_fail_ex() it reaches (the task's
 * fail-nth first, then probability, times, space, interval). The random draw is the machine's
 * seeded generator. Left out: stack and task filters, ratelimited dumps.
 */
#include "mm/fail_page_alloc.h"
#include "mm/fault_inject.h"
#include "mm/mmzone.h"

void fail_page_alloc_init(struct fail_page_alloc_attr *attr)
{
	*attr = (struct fail_page_alloc_attr){
		.interval = 1,
		.times = 1,
		.ignore_gfp_highmem = true,
		.ignore_gfp_reclaim = true,
		.min_order = 1,
		.nid = NUMA_NO_NODE,
	};
}

/* models lib/fault-inject.c:should_fail_ex() */
static bool should_fail_ex(struct nc_machine *m, struct fail_page_alloc_attr *attr,
			   long size, bool nowarn)
{
	bool counted;

	if (should_fail_nth(m, &counted))
		goto fail;
	if (counted)
		return false;
	if (attr->fail_nth) {
		if (--attr->fail_nth)
			return false;
		goto fail;
	}
	if (!attr->probability || !attr->times)
		return false;
	if (attr->space > size) {
		attr->space -= size;
		return false;
	}
	if (attr->interval > 1 && ++attr->count % attr->interval)
		return false;
	if (attr->probability <= nc_random(m) % 100)
		return false;
fail:
	attr->nr_injected++;
	if (!nowarn)
		attr->nr_reported++; /* fail_dump() */
	if (attr->times > 0)
		attr->times--;
	return true;
}

bool should_fail_alloc_page(struct nc_machine *m, gfp_t gfp, unsigned int order,
			    int preferred_nid)
{
	struct fail_page_alloc_attr *attr = &m->page_alloc->fail;

	if (order < attr->min_order)
		return false;
	if (gfp & __GFP_NOFAIL)
		return false;
	if (attr->ignore_gfp_highmem && (gfp & __GFP_HIGHMEM))
		return false;
	if (attr->ignore_gfp_reclaim && (gfp & __GFP_DIRECT_RECLAIM))
		return false;
	if (attr->nid != NUMA_NO_NODE && attr->nid != preferred_nid)
		return false;
	return should_fail_ex(m, attr, 1L << order, gfp & __GFP_NOWARN);
}

void nc_fail_page_alloc_clear_filters(struct nc_machine *m)
{
	struct fail_page_alloc_attr *attr = &m->page_alloc->fail;

	attr->min_order = 0;
	attr->ignore_gfp_highmem = false;
	attr->ignore_gfp_reclaim = false;
}

void nc_fail_page_alloc_nth(struct nc_machine *m, unsigned int n)
{
	nc_fail_page_alloc_clear_filters(m);
	m->page_alloc->fail.fail_nth = n;
}

void nc_fail_page_alloc_next(struct nc_machine *m, int nid, long n)
{
	struct fail_page_alloc_attr *attr = &m->page_alloc->fail;

	nc_fail_page_alloc_clear_filters(m);
	attr->nid = nid;
	attr->probability = 100;
	attr->interval = 1;
	attr->space = 0;
	attr->times = n;
}

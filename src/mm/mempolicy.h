/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory policy (include/linux/mempolicy.h). The allocation entry points
 * that honour the current task's policy live in mm/mempolicy.c, as in the
 * kernel; alloc_pages_node() in page_alloc.h bypasses policy.
 */
#ifndef NC_MM_MEMPOLICY_H
#define NC_MM_MEMPOLICY_H

#include "mm/page_alloc.h"

/* models mm/mempolicy.c:alloc_pages_noprof(): the current task's policy
 * chooses the node (interleave, bind, preferred, ...); used by SLUB for
 * slab pages requested with NUMA_NO_NODE */
struct page *alloc_pages(struct nc_machine *m, gfp_t gfp, unsigned int order);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page side of vmalloc (mm/vmalloc.c): which nodes the order-0 pages
 * of a vmalloc area come from. Virtual addresses, guard pages and the
 * vmap_area tree are left out.
 */
#ifndef NC_MM_VMALLOC_H
#define NC_MM_VMALLOC_H

#include "arch/machine.h"
#include "mm/page_alloc.h"

/* models mm/vmalloc.c:vm_area_alloc_pages() for order 0: fills pages[]
 * and returns how many it got (all nr_pages, or fewer on failure) */
unsigned int vm_area_alloc_pages(struct nc_machine *m, gfp_t gfp, int nid,
				 unsigned int nr_pages, struct page **pages);
/* models the page release of mm/vmalloc.c:vfree() */
void vfree_pages(struct nc_machine *m, struct page **pages, unsigned int nr_pages);

#endif

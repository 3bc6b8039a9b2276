// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models mm/vmalloc.c:vm_area_alloc_pages() for order-0 areas such as
 * VMAP kernel stacks: with NUMA_NO_NODE the mempolicy-aware bulk
 * allocator (mm/mempolicy.c:alloc_pages_bulk_array_mempolicy()) decides,
 * with a node the pages come from that node with fallback; what the bulk
 * call leaves unfilled is taken page by page. Weighted interleave and
 * preferred-many are taken page by page (the kernel splits the former by
 * weight and tries the preferred nodes first for the latter).
 */
#include "arch/task.h"
#include "mm/mempolicy.h"
#include "mm/vmalloc.h"

/* models mm/mempolicy.c:alloc_pages_bulk_array_interleave(): an even
 * share per node, the first nr % nodes nodes one more, each node taken
 * from the task's interleave cursor */
static unsigned int bulk_interleave(struct nc_machine *m, gfp_t gfp, struct mempolicy *pol,
				    unsigned int nr_pages, struct page **pages)
{
	unsigned int nodes = nodes_weight(pol->nodes), got = 0;
	unsigned int per_node, delta;

	if (!nodes)
		return 0;
	per_node = nr_pages / nodes;
	delta = nr_pages - nodes * per_node;
	for (unsigned int i = 0; i < nodes; i++) {
		int nid = mempolicy_slab_node(m);   /* interleave_nodes() */
		unsigned int want = per_node + (delta ? 1 : 0);

		if (delta)
			delta--;
		got += (unsigned int)__alloc_pages_bulk(m, gfp, nid, NULL, (int)want, pages + got);
	}
	return got;
}

/* models mm/mempolicy.c:alloc_pages_bulk_array_mempolicy() */
static unsigned int bulk_mempolicy(struct nc_machine *m, gfp_t gfp, unsigned int nr_pages,
				   struct page **pages)
{
	struct mempolicy *pol = get_task_policy(m, nc_current(m));

	switch (pol->mode) {
	case MPOL_INTERLEAVE:
		return bulk_interleave(m, gfp, pol, nr_pages, pages);
	case MPOL_PREFERRED:
		return (unsigned int)__alloc_pages_bulk(m, gfp, first_node(pol->nodes), NULL,
							(int)nr_pages, pages);
	case MPOL_BIND:
		return (unsigned int)__alloc_pages_bulk(m, gfp, numa_node_id(m), &pol->nodes,
							(int)nr_pages, pages);
	case MPOL_WEIGHTED_INTERLEAVE:
	case MPOL_PREFERRED_MANY:
		return 0;
	default:
		return (unsigned int)__alloc_pages_bulk(m, gfp, numa_node_id(m), NULL,
							(int)nr_pages, pages);
	}
}

unsigned int vm_area_alloc_pages(struct nc_machine *m, gfp_t gfp, int nid,
				 unsigned int nr_pages, struct page **pages)
{
	unsigned int got = nid == NUMA_NO_NODE
		? bulk_mempolicy(m, gfp, nr_pages, pages)
		: (unsigned int)__alloc_pages_bulk(m, gfp, nid, NULL, (int)nr_pages, pages);

	/* the rest one page at a time, as the fallback loop does */
	for (; got < nr_pages; got++) {
		struct page *page = nid == NUMA_NO_NODE ? alloc_pages(m, gfp, 0)
							: alloc_pages_node(m, nid, gfp, 0);

		if (!page)
			break;
		pages[got] = page;
	}
	return got;
}

void vfree_pages(struct nc_machine *m, struct page **pages, unsigned int nr_pages)
{
	for (unsigned int i = 0; i < nr_pages; i++)
		__free_pages(m, pages[i], 0);
}

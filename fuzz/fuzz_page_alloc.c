// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for the buddy allocator: the input picks three node
 * sizes (in pages, so zone ends fall anywhere) and then a sequence of
 * allocations (single and bulk, any order, node, zone limit, __GFP_THISNODE),
 * frees and fault injections. The validation walk runs along the way; at
 * the end everything is freed and every zone must be back to its boot
 * blocks. Any broken invariant traps.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "mm/mmzone.h"
#include "mm/page_alloc.h"

#define MAX_HELD 2048

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct nc_machine *m)
{
	if (nc_page_alloc_validate(m, NULL))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const gfp_t zone_gfp[4] = { 0, __GFP_DMA, __GFP_DMA32, GFP_HIGHUSER_MOVABLE };
	static struct page *held[MAX_HELD];
	static unsigned long boot[3][MAX_NR_ZONES][NR_PAGE_ORDERS];
	struct nc_machine m = { 0 };
	struct nc_error err;
	unsigned int nr_held = 0;

	if (size < 6)
		return 0;
	m.topo = nc_topology_parse("3x1", NULL, &err);
	if (!m.topo)
		__builtin_trap();
	for (int n = 0; n < 3; n++)
		m.topo->nodes[n].mem_bytes = ((unsigned long long)data[2 * n] << 8 | data[2 * n + 1]) * PAGE_SIZE;
	if (nc_page_alloc_init(&m))
		__builtin_trap();
	for (int n = 0; n < 3; n++)
		for (int z = 0; z < MAX_NR_ZONES; z++)
			for (int o = 0; o < NR_PAGE_ORDERS; o++)
				boot[n][z][o] = NODE_DATA(&m, n)->node_zones[z].free_area[o].nr_free;
	for (size_t i = 6; i + 1 < size; i += 2) {
		uint8_t op = data[i], arg = data[i + 1];
		int nid = arg % 3;
		gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | zone_gfp[(arg >> 2) & 3] |
			    (arg & 0x10 ? __GFP_THISNODE : 0);

		switch (op & 3) {
		case 0: /* allocate */
			if (nr_held < MAX_HELD &&
			    (held[nr_held] = alloc_pages_node(&m, nid, gfp, (op >> 2) % NR_PAGE_ORDERS)))
				nr_held++;
			break;
		case 1: /* free one */
			if (nr_held) {
				unsigned int k = arg % nr_held;

				__free_pages(&m, held[k], held[k]->order);
				held[k] = held[--nr_held];
			}
			break;
		case 2: { /* bulk */
			int want = (op >> 2) % 16;

			if (nr_held + (unsigned int)want <= MAX_HELD) {
				memset(&held[nr_held], 0, (size_t)want * sizeof(*held));
				nr_held += (unsigned int)__alloc_pages_bulk(&m, gfp, nid, NULL, want,
									    &held[nr_held]);
			}
			break;
		}
		default: /* fail an allocation soon */
			nc_fail_page_alloc_nth(&m, (op >> 2) % 8);
			break;
		}
		if (!(i % 64))
			check(&m);
	}
	check(&m);
	while (nr_held) {
		nr_held--;
		__free_pages(&m, held[nr_held], held[nr_held]->order);
	}
	check(&m);
	for (int n = 0; n < 3; n++)
		for (int z = 0; z < MAX_NR_ZONES; z++)
			for (int o = 0; o < NR_PAGE_ORDERS; o++)
				if (boot[n][z][o] != NODE_DATA(&m, n)->node_zones[z].free_area[o].nr_free)
					__builtin_trap();
	nc_page_alloc_exit(&m);
	nc_topology_free(m.topo);
	return 0;
}

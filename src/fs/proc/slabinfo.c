// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/slabinfo (mm/slab_common.c: print_slabinfo_header(), cache_show()),
 * version 2.1. The counts come from get_slabinfo(): slabs on cpus and
 * per-CPU partial lists count as active, as in the kernel.
 */
#include <errno.h>

#include "fs/proc/slabinfo.h"
#include "mm/slub.h"

int slabinfo_show(struct nc_machine *m, FILE *f)
{
	fputs("slabinfo - version: 2.1\n"
	      "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
	      " : tunables <limit> <batchcount> <sharedfactor>"
	      " : slabdata <active_slabs> <num_slabs> <sharedavail>\n", f);
	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->list_next) {
		struct slabinfo si;

		get_slabinfo(m, s, &si);
		fprintf(f, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u"
			" : slabdata %6lu %6lu %6lu\n",
			s->name, si.active_objs, si.num_objs, s->size, si.objects_per_slab,
			1 << si.cache_order, 0u, 0u, 0u, si.active_slabs, si.num_slabs, 0ul);
	}
	return ferror(f) ? -EIO : 0;
}

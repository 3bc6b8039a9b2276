// SPDX-License-Identifier: GPL-2.0-only
/*
 * Slab fault injection (mm/failslab.c, v6.12): decides whether a slab
 * allocation is made to fail, for tests of every caller's error path.
 * Deterministic knobs replace the kernel's probability.
 */
#include <string.h>

#include "mm/failslab.h"
#include "mm/fault_inject.h"
#include "mm/slab.h"

void failslab_init(struct failslab_attr *fa)
{
	memset(fa, 0, sizeof(*fa));
	fa->ignore_gfp_reclaim = true;
}

void failslab_update_active(struct nc_machine *m)
{
	const struct failslab_attr *fa = &m->slab->failslab;

	nc_alloc_hook_set(m, NC_HOOK_FAILSLAB, fa->fail_nth || fa->times || fa->nr_nth_tasks);
}

bool __should_failslab(struct nc_machine *m, struct kmem_cache *s, gfp_t gfp)
{
	struct failslab_attr *fa = &m->slab->failslab;
	bool counted;

	/* no fault injection for the bootstrap cache */
	if (s == m->slab->kmem_cache || (gfp & __GFP_NOFAIL))
		return false;
	if (fa->ignore_gfp_reclaim && (gfp & __GFP_DIRECT_RECLAIM))
		return false;
	if (fa->cache_filter && !(s->flags & SLAB_FAILSLAB))
		return false;
	if (should_fail_nth(m, &counted))
		goto fail;
	if (counted)
		return false;
	if (fa->fail_nth && --fa->fail_nth == 0)
		goto fail;
	if (fa->times > 0)
		goto fail;
	failslab_update_active(m);
	return false;
fail:
	fa->nr_injected++;
	if (fa->times > 0)
		fa->times--;
	failslab_update_active(m);
	return true;
}

void nc_failslab_next(struct nc_machine *m, long n, bool cache_filter)
{
	struct failslab_attr *fa = &m->slab->failslab;

	fa->times = n > 0 ? n : 0;
	fa->cache_filter = cache_filter;
	fa->ignore_gfp_reclaim = false;
	failslab_update_active(m);
}

void nc_failslab_nth(struct nc_machine *m, unsigned int n)
{
	struct failslab_attr *fa = &m->slab->failslab;

	fa->fail_nth = n;
	fa->ignore_gfp_reclaim = false;
	failslab_update_active(m);
}

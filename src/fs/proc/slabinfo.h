/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc/slabinfo, version 2.1, as mm/slab_common.c's slab_show() writes it
 * under SLUB (CONFIG_SLUB_DEBUG): no tunables, no shared data. */
#ifndef NC_FS_PROC_SLABINFO_H
#define NC_FS_PROC_SLABINFO_H

#include <stdio.h>

struct nc_machine;

/* models mm/slab_common.c:slab_show() over slab_caches (newest first):
 * the two header lines, then one line per cache (aliases have none).
 * Writes to f like a seq_file; returns 0 or -EIO. */
int slabinfo_show(struct nc_machine *m, FILE *f);

#endif

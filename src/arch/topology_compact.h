/* SPDX-License-Identifier: GPL-2.0-only */
/* The compact form NxC[:MEM] and its --distance option. */
#ifndef NC_ARCH_TOPOLOGY_COMPACT_H
#define NC_ARCH_TOPOLOGY_COMPACT_H

#include <stdbool.h>

#include "arch/topology.h"

#define NC_COMPACT_DEFAULT_MEM (4ULL << 30) /* per node when :MEM is left out */

/* Digits then 'x': the compact form (errors in the rest are reported by it). */
bool nc_topo_is_compact(const char *spec);
/* Parses d->src->buf; distance (may be NULL) is "L,R" or a full matrix. */
int nc_topo_compact(struct nc_topo_draft *d, const char *distance);

#endif

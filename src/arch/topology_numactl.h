/* SPDX-License-Identifier: GPL-2.0-only */
/* The output of `numactl --hardware` (2.0.16 or 2.0.19 spacing) as a topology. */
#ifndef NC_ARCH_TOPOLOGY_NUMACTL_H
#define NC_ARCH_TOPOLOGY_NUMACTL_H

#include "arch/topology.h"

/* Parses d->src->buf. */
int nc_topo_numactl(struct nc_topo_draft *d);

#endif

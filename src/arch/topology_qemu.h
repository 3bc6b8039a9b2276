/* SPDX-License-Identifier: GPL-2.0-only */
/* QEMU's -numa node/dist/cpu options (with -smp, -m, -object) as a topology. */
#ifndef NC_ARCH_TOPOLOGY_QEMU_H
#define NC_ARCH_TOPOLOGY_QEMU_H

#include "arch/topology.h"

/* Parses d->src->buf: a QEMU command line or part of one. */
int nc_topo_qemu(struct nc_topo_draft *d);

#endif

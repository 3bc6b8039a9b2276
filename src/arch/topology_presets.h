/* SPDX-License-Identifier: GPL-2.0-only */
/* Built-in machines, and the regular socket/node/core/thread layout that
 * they and the compact NxC form share. */
#ifndef NC_ARCH_TOPOLOGY_PRESETS_H
#define NC_ARCH_TOPOLOGY_PRESETS_H

#include <stdbool.h>

#include "arch/topology.h"

#define NC_TOPO_PRESETS "1n 2s 4n 2s4n 8n host"

bool nc_topo_is_preset(const char *spec);
/* Fills the draft with the preset named by d->src->buf. */
int nc_topo_preset(struct nc_topo_draft *d);
/*
 * sockets x nodes_per_socket nodes, each with cores x threads CPUs and mem
 * bytes, numbered as Linux numbers x86 CPUs (ACPI MADT order): the first
 * thread of every core, node by node, then every core's second thread.
 * Sets no distances. The caller has checked the counts against the limits.
 */
int nc_topo_uniform(struct nc_topo_draft *d, unsigned int sockets,
		    unsigned int nodes_per_socket, unsigned int cores,
		    unsigned int threads, unsigned long long mem);

#endif

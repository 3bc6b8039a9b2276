/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPU vendor and family of a host, from /proc/cpuinfo as
 * arch/x86/kernel/cpu/proc.c:show_cpuinfo() prints it.
 */
#ifndef NC_ARCH_TOPOLOGY_CPUINFO_H
#define NC_ARCH_TOPOLOGY_CPUINFO_H

#include <stddef.h>

#include "arch/topology.h"

/* The first processor's "vendor_id" and "cpu family" lines of cpuinfo
 * text (len bytes, need not be NUL-terminated); what is missing or not
 * understood stays NC_VENDOR_UNKNOWN / family 0. */
void nc_topo_cpuinfo(const char *buf, size_t len, enum nc_cpu_vendor *vendor,
		     unsigned int *family);

/* Sets t's vendor and family from the cpuinfo file at path; an unreadable
 * file leaves them unknown. */
void nc_topo_cpuinfo_file(struct nc_topology *t, const char *path);

#endif

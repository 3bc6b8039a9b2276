/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Scheduling domains (kernel/sched/topology.c): building them from the
 * machine's topology, and showing them as the kernel does.
 */
#ifndef NC_KERNEL_SCHED_TOPOLOGY_H
#define NC_KERNEL_SCHED_TOPOLOGY_H

#include <stddef.h>

#include "kernel/sched/sched.h"

/* models kernel/sched/topology.c:sched_init_domains(): (re)builds every
 * active CPU's domains; 0 or -ENOMEM (then no CPU has domains) */
int sched_init_domains(struct nc_machine *m);
/* frees what sched_init_domains() built */
void sched_free_domains(struct sched_state *s);

/* The CPU's nr-th attached domain (domainNR in debugfs), or NULL. */
struct sched_domain *sched_domain_nr(struct nc_machine *m, unsigned int cpu, unsigned int nr);

/*
 * models kernel/sched/debug.c's /sys/kernel/debug/sched/domains/cpuCPU/
 * domainNR/FILE (name, flags, groups_flags, level, imbalance_pct,
 * cache_nice_tries, busy_factor, min_interval, max_interval): writes the
 * file's text snprintf-style and returns its length, -ENOENT if absent.
 */
int sched_domain_file(struct nc_machine *m, unsigned int cpu, unsigned int nr,
		      const char *file, char *buf, size_t size);

/* models kernel/sched/topology.c:sched_domain_debug(): the "CPUn attaching
 * sched-domain(s)" text sched_debug prints, spans and groups included.
 * snprintf-style; -ENOENT if cpu is not active. */
int sched_domain_debug(struct nc_machine *m, unsigned int cpu, char *buf, size_t size);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/* The files of /proc/sys (fs/proc/proc_sysctl.c) whose values the model
 * keeps, read as their proc_handler prints them. */
#ifndef NC_FS_PROC_PROC_SYSCTL_H
#define NC_FS_PROC_PROC_SYSCTL_H

#include <stdio.h>

struct nc_machine;

enum nc_sysctl {
	NC_SYSCTL_PID_MAX,                /* kernel/pid_max */
	NC_SYSCTL_THREADS_MAX,            /* kernel/threads-max */
	NC_SYSCTL_LOWMEM_RESERVE_RATIO,   /* vm/lowmem_reserve_ratio */
	NC_SYSCTL_MIN_FREE_KBYTES,        /* vm/min_free_kbytes */
	NC_SYSCTL_NUMA_STAT,              /* vm/numa_stat */
	NC_SYSCTL_WATERMARK_SCALE_FACTOR, /* vm/watermark_scale_factor */
	NR_NC_SYSCTLS
};

/* models kernel/sysctl.c:proc_dointvec() reading the value of which:
 * the integers separated by tabs, then a newline */
void proc_sys_show(const struct nc_machine *m, enum nc_sysctl which, FILE *f);

#endif

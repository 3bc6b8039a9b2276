// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading the /proc/sys files whose values the model keeps; every handler
 * among them prints through proc_dointvec()'s loop. Writing them is the
 * sysctl_*_write() functions of the subsystems (no path for it here).
 */
#include "fs/proc/proc_sysctl.h"
#include "arch/machine.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "mm/mmzone.h"

/* models kernel/sysctl.c:__do_proc_dointvec()'s read: a tab before every
 * value but the first, a newline at the end */
static void proc_dointvec(FILE *f, const int *vals, int n)
{
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%d", i ? "\t" : "", vals[i]);
	fputc('\n', f);
}

void proc_sys_show(const struct nc_machine *m, enum nc_sysctl which, FILE *f)
{
	const struct page_alloc_state *pa = m->page_alloc;
	int val;

	switch (which) {
	case NC_SYSCTL_PID_MAX:
		val = m->init_pid_ns->pid_max;
		break;
	case NC_SYSCTL_THREADS_MAX: /* sysctl_max_threads() prints an int */
		val = (int)m->fork->max_threads;
		break;
	case NC_SYSCTL_LOWMEM_RESERVE_RATIO:
		proc_dointvec(f, pa->lowmem_reserve_ratio, MAX_NR_ZONES);
		return;
	case NC_SYSCTL_MIN_FREE_KBYTES:
		val = pa->min_free_kbytes;
		break;
	case NC_SYSCTL_NUMA_STAT:
		val = pa->numa_stat;
		break;
	default:
		val = pa->watermark_scale_factor;
		break;
	}
	proc_dointvec(f, &val, 1);
}

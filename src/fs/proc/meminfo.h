/* SPDX-License-Identifier: GPL-2.0-only */
/* /proc/meminfo (fs/proc/meminfo.c), with the lines the model keeps. */
#ifndef NC_FS_PROC_MEMINFO_H
#define NC_FS_PROC_MEMINFO_H

#include <stdio.h>

struct nc_machine;

/* models fs/proc/meminfo.c:meminfo_proc_show() */
void meminfo_proc_show(const struct nc_machine *m, FILE *f);

#endif

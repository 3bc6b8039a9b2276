/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * /proc/buddyinfo, /proc/zoneinfo and /proc/vmstat as mm/vmstat.c's
 * seq_file show functions write them in v6.12, with only the lines the
 * model keeps (see vmstat.c for what is absent).
 */
#ifndef NC_FS_PROC_VMSTAT_H
#define NC_FS_PROC_VMSTAT_H

#include <stdio.h>

struct nc_machine;

/* models mm/vmstat.c:frag_show() over every online node */
void frag_show(const struct nc_machine *m, FILE *f);
/* models mm/vmstat.c:zoneinfo_show() over every online node */
void zoneinfo_show(const struct nc_machine *m, FILE *f);
/* models mm/vmstat.c:vmstat_show() over vmstat_start()'s snapshot */
void vmstat_show(const struct nc_machine *m, FILE *f);

#endif

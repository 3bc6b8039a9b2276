/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * numactl's numastat(8) over the model's nodeN/numastat files: with no
 * option the compatibility table (raw counts, the old Perl tool's layout),
 * with -n the "Per-node numastat info (in MBs)" table with a Total column;
 * -c (narrow columns) and -z (hide zero rows and columns) as numastat has
 * them. Left out: -m, -p, -s, -v (per-process and meminfo tables).
 */
#ifndef NC_TOOLS_NUMASTAT_H
#define NC_TOOLS_NUMASTAT_H

#include <stdbool.h>
#include <stdio.h>

#include "arch/machine.h"

struct numastat_opts {
	bool compat;       /* invoked without options */
	bool compress;     /* -c */
	bool hide_zero;    /* -z */
	long width;        /* line width; numastat_width() gives numastat's */
};

/* numastat's get_screen_width(): env_width is $NUMASTAT_WIDTH (or NULL);
 * tty_columns is the terminal's width when stdout is a terminal, -1 when
 * it is one of unknown width, 0 when it is not a terminal. */
long numastat_width(const char *env_width, long tty_columns);

/* Writes the table to out. Returns 0, or -ENOMEM. */
int numastat_show(const struct nc_machine *m, const struct numastat_opts *o, FILE *out);

#endif

// SPDX-License-Identifier: GPL-2.0-only
/* numaclone numastat: numactl's numastat table for a freshly booted machine. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <numaclone/numaclone.h>
#include "cli/cli.h"
#include "tools/numastat.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone numastat [--topology SPEC] [--distance D] [-n] [-c] [-z]\n\n"
		   "Prints the per-node NUMA allocation counters as numastat(8) does:\n"
		   "without -n/-c/-z the compatibility table of raw counts, with them\n"
		   "the \"Per-node numastat info (in MBs)\" table. The line width is\n"
		   "$NUMASTAT_WIDTH, else the terminal's, else unlimited.\n\n"
		   CLI_MACHINE_HELP
		   "  -n                   the numastat statistics table in MBs\n"
		   "  -c                   narrow columns\n"
		   "  -z                   hide rows and columns of zeros\n"
		   "  -h, --help           this help\n");
}

static long tty_columns(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col;
	return -1;
}

int cmd_numastat(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_MACHINE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	struct numastat_opts o = { .compat = true };
	struct nc_machine *m;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "ncz", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			o.compat = false;
			break;
		case 'c':
			o.compat = false;
			o.compress = true;
			break;
		case 'z':
			o.compat = false;
			o.hide_zero = true;
			break;
		default:
			if ((ret = cli_option("numastat", c, argv, &cfg, usage)) >= 0)
				return ret;
		}
	}
	if (cli_no_operands("numastat", argc, argv) || !(m = cli_boot(&cfg)))
		return 1;
	o.width = numastat_width(getenv("NUMASTAT_WIDTH"), tty_columns());
	ret = numastat_show(m, &o, stdout);
	nc_machine_destroy(m);
	return ret ? cli_error("numastat: out of host memory") : 0;
}

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
		   "  -t, --topology SPEC   machine to boot (default " NC_DEFAULT_TOPOLOGY ")\n"
		   "      --distance D      distances for a compact topology spec\n"
		   "  -n                    the numastat statistics table in MBs\n"
		   "  -c                    narrow columns\n"
		   "  -z                    hide rows and columns of zeros\n"
		   "  -h, --help            this help\n");
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
		{ "topology", required_argument, NULL, 't' },
		{ "distance", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	struct numastat_opts o = { .compat = true };
	struct nc_machine *m;
	struct nc_error err;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:nczh", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			cfg.topology = optarg;
			break;
		case 'd':
			cfg.distance = optarg;
			break;
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
		case 'h':
			usage(stdout);
			return 0;
		case ':':
			return cli_error("numastat: option '%s' needs an argument", argv[optind - 1]);
		default:
			if (optopt)
				return cli_error("numastat: unknown option '-%c' (see numaclone numastat --help)",
						 optopt);
			return cli_error("numastat: unknown option '%s' (see numaclone numastat --help)",
					 argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_error("numastat: unexpected argument '%s'", argv[optind]);
	m = nc_machine_create(&cfg, &err);
	if (!m)
		return cli_error("%s", err.msg);
	o.width = numastat_width(getenv("NUMASTAT_WIDTH"), tty_columns());
	ret = numastat_show(m, &o, stdout);
	nc_machine_destroy(m);
	return ret ? cli_error("numastat: out of host memory") : 0;
}

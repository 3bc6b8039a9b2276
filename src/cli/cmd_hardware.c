// SPDX-License-Identifier: GPL-2.0-only
/* numaclone hardware: what `numactl --hardware` (2.0.16) would print on the
 * simulated machine. */
#include <getopt.h>
#include <stdio.h>

#include <numaclone/numaclone.h>
#include "cli/cli.h"
#include "tools/numactl.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone hardware [--topology SPEC] [--distance D]\n\n"
		   "Prints what numactl --hardware (2.0.16) prints on the machine.\n\n"
		   CLI_MACHINE_HELP
		   "  -h, --help           this text\n");
}

int cmd_hardware(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_MACHINE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	struct nc_machine *m;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1)
		if ((ret = cli_option("hardware", c, argv, &cfg, usage)) >= 0)
			return ret;
	if (cli_no_operands("hardware", argc, argv) || !(m = cli_boot(&cfg)))
		return 1;
	ret = numactl_hardware(stdout, m, NUMACTL_2_0_16);
	nc_machine_destroy(m);
	if (ret)
		return cli_error("hardware: out of host memory");
	return 0;
}

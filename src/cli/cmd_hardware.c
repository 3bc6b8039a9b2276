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
		   "  -t, --topology SPEC  preset (1n 2s 4n 2s4n 8n host), NxC[:MEM], a\n"
		   "                       numactl --hardware file, a sysfs node tree or\n"
		   "                       QEMU -numa options (default %s)\n"
		   "  -d, --distance D     for NxC: \"L,R\" or a matrix \"10,20;20,10\"\n"
		   "  -h, --help           this text\n", NC_DEFAULT_TOPOLOGY);
}

int cmd_hardware(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "topology", required_argument, NULL, 't' },
		{ "distance", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	struct nc_machine *m;
	struct nc_error err;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":t:d:h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			cfg.topology = optarg;
			break;
		case 'd':
			cfg.distance = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case ':':
			return cli_error("hardware: option '%s' needs an argument", argv[optind - 1]);
		default:
			return cli_error("hardware: unknown option '%s' (see numaclone hardware --help)",
					 argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_error("hardware: unexpected argument '%s'", argv[optind]);
	m = nc_machine_create(&cfg, &err);
	if (!m)
		return cli_error("%s", err.msg);
	ret = numactl_hardware(stdout, m, NUMACTL_2_0_16);
	nc_machine_destroy(m);
	if (ret)
		return cli_error("hardware: out of host memory");
	return 0;
}

// SPDX-License-Identifier: GPL-2.0-only
/* Option handling every numaclone command shares: the machine options
 * (--topology, --distance, --seed), --help, and the messages for a missing
 * argument, an unknown option and a stray operand. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

int cli_seed(const char *text, unsigned long long *seed)
{
	char *end;

	*seed = strtoull(text, &end, 0);
	if (*end || *text == '-' || !*text)
		return cli_error("--seed '%s': not a number", text);
	return 0;
}

int cli_option(const char *cmd, int c, char **argv, struct nc_machine_config *cfg,
	       void (*usage)(FILE *f))
{
	switch (c) {
	case 't':
		cfg->topology = optarg;
		return -1;
	case 'd':
		cfg->distance = optarg;
		return -1;
	case CLI_SEED:
		return cli_seed(optarg, &cfg->seed) ? 1 : -1;
	case 'h':
		usage(stdout);
		return 0;
	case ':':
		return cli_error("%s: option '%s' needs an argument", cmd, argv[optind - 1]);
	default:
		if (optopt)
			return cli_error("%s: unknown option '-%c' (see numaclone %s --help)",
					 cmd, optopt, cmd);
		return cli_error("%s: unknown option '%s' (see numaclone %s --help)", cmd,
				 argv[optind - 1], cmd);
	}
}

int cli_no_operands(const char *cmd, int argc, char **argv)
{
	if (optind < argc)
		return cli_error("%s: unexpected argument '%s'", cmd, argv[optind]);
	return 0;
}

struct nc_machine *cli_boot(const struct nc_machine_config *cfg)
{
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(cfg, &err);

	if (!m)
		cli_error("%s", err.msg);
	return m;
}

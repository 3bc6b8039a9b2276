// SPDX-License-Identifier: GPL-2.0-only
/*
 * numaclone explain: runs (or replays) again, deterministically, and
 * prints the decision chain that placed one task: the node asked for and
 * why, the policy, SLUB's path, the stack, the scheduler's CPU choice.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "kernel/explain.h"
#include "workload/run.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone explain PID [run options | --replay FILE]\n\n"
		   "Runs the workload (or replays FILE) again, as run would, and prints\n"
		   "why task PID (the model's pid, as run --show tasks lists them) was\n"
		   "placed where it was.\n\n");
	cli_run_usage_options(f);
	fprintf(f, "      --replay FILE    an strace log or script, as --script\n"
		   "  -h, --help           this help\n");
}

static int replay_option(int c, void *ctx)
{
	(void)c;
	((struct cli_run *)ctx)->run.script = optarg;
	return -1;
}

int cmd_explain(int argc, char **argv)
{
	static const struct option extra[] = {
		{ "replay", required_argument, NULL, 0x300 },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_run o;
	struct nc_run r;
	struct nc_error err;
	char *end;
	long pid;
	int ret;

	cli_run_init(&o);
	ret = cli_run_parse("explain", argc, argv, &o, extra, replay_option, &o, usage);
	if (ret >= 0)
		return ret;
	if (optind >= argc)
		return cli_error("explain: which PID? (see numaclone explain --help)");
	pid = strtol(argv[optind], &end, 10);
	if (*end || end == argv[optind] || pid <= 0 || pid > 4194304)
		return cli_error("explain: '%s' is not a pid", argv[optind]);
	optind++;
	if (cli_no_operands("explain", argc, argv))
		return 1;
	if (o.show || o.json)
		return cli_error("explain: --show and --json are for run");
	if (nc_run_start(&r, &o.run, &err)) {
		nc_run_end(&r);
		return cli_error("explain: %s", err.msg);
	}
	ret = nc_explain_task(stdout, r.m, (int)pid);
	nc_run_end(&r);
	if (ret == -ESRCH)
		return cli_error("explain: no task %ld in this run (see run --show tasks)", pid);
	return ret ? cli_error("explain: out of host memory") : 0;
}

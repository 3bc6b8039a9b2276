// SPDX-License-Identifier: GPL-2.0-only
/* numaclone: entry point and subcommand dispatch. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "cli/cli.h"

static const struct cli_command commands[] = {
	{ "compare", cmd_compare, "run a workload under two option sets, side by side" },
	{ "explain", cmd_explain, "why a task of a run landed where it did" },
	{ "hardware", cmd_hardware, "print the machine as numactl --hardware does" },
	{ "kmem-geometry", cmd_kmem_geometry, "SLUB geometry of a cache: size, order, objects per slab" },
	{ "numastat", cmd_numastat, "per-node NUMA counters as numastat(8) prints them" },
	{ "replay", cmd_replay, "run an strace log or script on a model machine" },
	{ "run", cmd_run, "run a workload and report where its tasks' memory landed" },
	{ "slabinfo", cmd_slabinfo, "/proc/slabinfo or /sys/kernel/slab files of a booted machine" },
	{ "sched-domains", cmd_sched_domains, "the scheduling domains of a topology" },
	{ NULL, NULL, NULL },
};

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("numaclone: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone [--help] [--version] COMMAND [ARGS...]\n\n"
		   "A model of Linux v6.12 task creation on NUMA machines.\n\n"
		   "Commands:\n");
	for (const struct cli_command *c = commands; c->name; c++)
		fprintf(f, "  %-15s %s\n", c->name, c->summary);
	fprintf(f, "\nRun 'numaclone COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("numaclone %s (models Linux v6.12)\n", nc_version());
		return 0;
	}
	for (const struct cli_command *c = commands; c->name; c++)
		if (!strcmp(argv[1], c->name))
			return c->run(argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return cli_error("unknown option '%s' (see numaclone --help)", argv[1]);
	return cli_error("unknown command '%s' (see numaclone --help)", argv[1]);
}

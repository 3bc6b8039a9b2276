/* SPDX-License-Identifier: GPL-2.0-only */
/* The numaclone command: a thin layer over libnumaclone. Each subcommand
 * lives in its own cmd_NAME.c and is listed once, in main.c's table. */
#ifndef NC_CLI_CLI_H
#define NC_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <numaclone/numaclone.h>
#include "workload/run.h"

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary;
};

int cmd_replay(int argc, char **argv);
int cmd_sched_domains(int argc, char **argv);

/* Prints "numaclone: MESSAGE" on stderr and returns the usage-error status 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The long options of every command that boots a machine, and --help;
 * put them in the command's table and CLI_SHORTOPTS in its optstring
 * (with the leading ':' that tells a missing argument from an unknown
 * option). A command that takes --seed adds CLI_SEED_OPTION. */
#define CLI_SEED 0x100
#define CLI_MACHINE_OPTIONS \
	{ "topology", required_argument, NULL, 't' }, \
	{ "distance", required_argument, NULL, 'd' }, \
	{ "help", no_argument, NULL, 'h' }
#define CLI_SEED_OPTION { "seed", required_argument, NULL, CLI_SEED }
#define CLI_SHORTOPTS ":t:d:h"
#define CLI_MACHINE_HELP CLI_MACHINE_HELP_DEFAULT(NC_DEFAULT_TOPOLOGY)
#define CLI_MACHINE_HELP_DEFAULT(topology) \
	"  -t, --topology SPEC  preset (1n 2s 4n 2s4n 8n host), NxC[:MEM], a\n" \
	"                       numactl --hardware file, a sysfs node tree or\n" \
	"                       QEMU -numa options (default " topology ")\n" \
	"  -d, --distance D     for NxC: \"L,R\" or a matrix \"10,20;20,10\"\n"
#define CLI_SEED_HELP \
	"      --seed N         seeds the places the kernel reads a cycle counter\n"

/* A getopt_long() result c that is not the command's own: a machine option
 * goes into cfg (returns -1: go on); --help prints usage on stdout (returns
 * 0); a missing argument or unknown option is reported (returns 1). The
 * command returns any value >= 0 as its exit status. */
int cli_option(const char *cmd, int c, char **argv, struct nc_machine_config *cfg,
	       void (*usage)(FILE *f));
/* --seed's argument; 0, or 1 with the message printed. */
int cli_seed(const char *text, unsigned long long *seed);
/* 1 with "CMD: unexpected argument 'X'" if operands are left, else 0. */
int cli_no_operands(const char *cmd, int argc, char **argv);
/* Boots the machine; NULL with the reason printed. */
struct nc_machine *cli_boot(const struct nc_machine_config *cfg);

/* The options run, compare and explain share, parsed. */
struct cli_run {
	struct nc_run_opts run;
	const char *trace;               /* --trace FILE */
	const char *show;                /* --show LIST */
	bool json;
};
struct option;
void cli_run_init(struct cli_run *o);
/* getopt_long() over run's options plus extra (whose values are 0x300 or
 * more and go to more(c, ctx)); -1 when all are parsed (optind is at the
 * operands), else the exit status (--help printed by help, or an error). */
int cli_run_parse(const char *cmd, int argc, char **argv, struct cli_run *o,
		  const struct option *extra, int (*more)(int c, void *ctx), void *ctx,
		  void (*help)(FILE *f));
/* run's option help lines. */
void cli_run_usage_options(FILE *f);
/* Runs and prints the report (or --json, --show); the exit status. */
int cli_run_report(const char *cmd, struct cli_run *o);
/* --show's result ret (0, -ENOMEM or an error in *err) as an exit status. */
int cli_show_status(const char *cmd, int ret, const struct nc_error *err);

int cmd_run(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_numastat(int argc, char **argv);
int cmd_hardware(int argc, char **argv);
int cmd_kmem_geometry(int argc, char **argv);
int cmd_slabinfo(int argc, char **argv);

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/* The numaclone command: a thin layer over libnumaclone. Each subcommand
 * lives in its own cmd_NAME.c and is listed once, in main.c's table. */
#ifndef NC_CLI_CLI_H
#define NC_CLI_CLI_H

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary;
};

int cmd_replay(int argc, char **argv);
int cmd_sched_domains(int argc, char **argv);

/* Prints "numaclone: MESSAGE" on stderr and returns the usage-error status 1. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cmd_numastat(int argc, char **argv);
int cmd_hardware(int argc, char **argv);
int cmd_kmem_geometry(int argc, char **argv);
int cmd_slabinfo(int argc, char **argv);

#endif

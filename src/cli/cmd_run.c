// SPDX-License-Identifier: GPL-2.0-only
/*
 * numaclone run: runs a workload on a model machine and prints the report.
 * The option parser is shared with compare and explain, which run the
 * same way.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "uapi/linux/mempolicy.h"
#include "workload/report.h"
#include "workload/run.h"

void cli_run_usage_options(FILE *f)
{
	fprintf(f,
		CLI_MACHINE_HELP CLI_SEED_HELP
		"      --workload W     NAME[:k=v,...], one of:\n");
	for (const struct nc_wl_type *const *t = nc_workload_types; *t; t++) {
		fprintf(f, "                         %-10s", (*t)->name);
		for (int i = 0; i < NC_WL_MAX_PARAMS && (*t)->params[i].name; i++)
			fprintf(f, "%s%s=", i ? "," : "", (*t)->params[i].name);
		fputc('\n', f);
	}
	fprintf(f,
		"                       (default " NC_RUN_DEFAULT_WORKLOAD ")\n"
		"  -s, --script FILE    replay an strace-syntax script instead\n"
		"The first task's policy and CPUs, as numactl takes them (NODES and CPUS\n"
		"in libnuma's syntax: all, 0-2,5, !1, +0-1):\n"
		"  -i, --interleave=NODES       -m, --membind=NODES\n"
		"  -p, --preferred=NODE             --preferred-many=NODES\n"
		"  -w, --weighted-interleave=NODES  -l, --localalloc\n"
		"  -N, --cpunodebind=NODES      -C, --physcpubind=CPUS\n"
		"What if fork placed things otherwise (the kernel's choice first):\n"
		"      --fork-node=parent|child   the task_struct and stack on the parent's\n"
		"                       node, or on the node of the CPU the child will run on\n"
		"      --stack-cache=kernel|node-aware  a cached stack serves any node, or\n"
		"                       only the node it is on\n"
		"      --trace FILE     write the model's tracepoints to FILE (- for stdout)\n"
		"      --trace-format F ftrace or perfetto\n"
		"      --trace-events L events to record, as set_event takes them\n");
}

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone run [OPTIONS]\n\n"
		   "Runs a workload on a model machine (default: " NC_RUN_DEFAULT_WORKLOAD
		   " on " NC_DEFAULT_TOPOLOGY ") and\n"
		   "prints where the created tasks' task_structs, stacks and pages landed.\n\n");
	cli_run_usage_options(f);
	fprintf(f, "      --show LIST      print instead of the report, in the list's order\n"
		   "                       (comma-separated): numastat, slabinfo, numa_maps,\n"
		   "                       tasks, and paths in the model's /proc and /sys in\n"
		   "                       the kernel's formats, each after '==> PATH <==':\n"
		   "                       /proc/{buddyinfo,zoneinfo,vmstat,meminfo,slabinfo},\n"
		   "                       /proc/sys/vm/{lowmem_reserve_ratio,min_free_kbytes,\n"
		   "                       numa_stat,watermark_scale_factor},\n"
		   "                       /proc/sys/kernel/{pid_max,threads-max},\n"
		   "                       /proc/PID[/task/TID]/{status,stat,numa_maps},\n"
		   "                       /proc/PID/task/TID/children,\n"
		   "                       /sys/devices/system/node/{online,possible,has_cpu,\n"
		   "                       has_memory,has_normal_memory}, .../node/nodeN/\n"
		   "                       {numastat,distance,meminfo,cpulist,cpumap,vmstat},\n"
		   "                       /sys/devices/system/cpu/{online,possible,present},\n"
		   "                       /sys/kernel/slab/CACHE/ATTR; a directory lists\n"
		   "                       its entries\n"
		   "      --json           the report as one JSON document\n"
		   "  -h, --help           this help\n");
}

enum {
	OPT_PREFERRED_MANY = 0x200, OPT_FORK_NODE, OPT_STACK_CACHE, OPT_TRACE, OPT_TRACE_FORMAT,
	OPT_TRACE_EVENTS, OPT_SHOW, OPT_JSON,
};

static const struct option run_longopts[] = {
	CLI_MACHINE_OPTIONS,
	CLI_SEED_OPTION,
	{ "workload", required_argument, NULL, 'W' },
	{ "script", required_argument, NULL, 's' },
	{ "interleave", required_argument, NULL, 'i' },
	{ "membind", required_argument, NULL, 'm' },
	{ "preferred", required_argument, NULL, 'p' },
	{ "preferred-many", required_argument, NULL, OPT_PREFERRED_MANY },
	{ "weighted-interleave", required_argument, NULL, 'w' },
	{ "localalloc", no_argument, NULL, 'l' },
	{ "cpunodebind", required_argument, NULL, 'N' },
	{ "physcpubind", required_argument, NULL, 'C' },
	{ "fork-node", required_argument, NULL, OPT_FORK_NODE },
	{ "stack-cache", required_argument, NULL, OPT_STACK_CACHE },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "trace-format", required_argument, NULL, OPT_TRACE_FORMAT },
	{ "trace-events", required_argument, NULL, OPT_TRACE_EVENTS },
	{ "show", required_argument, NULL, OPT_SHOW },
	{ "json", no_argument, NULL, OPT_JSON },
	{ NULL, 0, NULL, 0 },
};

static int policy(const char *cmd, struct cli_run *o, const char **seen, int mode,
		  const char *name, const char *nodes)
{
	if (*seen)
		return cli_error("%s: conflicting policies %s and %s", cmd, *seen, name);
	*seen = name;
	o->run.mode = mode;
	o->run.mode_option = name;
	o->run.nodes = nodes;
	return -1;
}

/* One option of run's set: -1 to go on, else the exit status. */
static int run_option(const char *cmd, int c, char **argv, struct cli_run *o,
		      const char **seen, void (*help)(FILE *f))
{
	struct nc_error err;

	switch (c) {
	case 'W':
		if (nc_workload_parse(optarg, &o->run.workload, &err))
			return cli_error("%s: --%s", cmd, err.msg);
		return -1;
	case 's':
		o->run.script = optarg;
		return -1;
	case 'i':
		return policy(cmd, o, seen, MPOL_INTERLEAVE, "--interleave", optarg);
	case 'm':
		return policy(cmd, o, seen, MPOL_BIND, "--membind", optarg);
	case 'p':
		return policy(cmd, o, seen, MPOL_PREFERRED, "--preferred", optarg);
	case OPT_PREFERRED_MANY:
		return policy(cmd, o, seen, MPOL_PREFERRED_MANY, "--preferred-many", optarg);
	case 'w':
		return policy(cmd, o, seen, MPOL_WEIGHTED_INTERLEAVE, "--weighted-interleave",
			      optarg);
	case 'l':
		return policy(cmd, o, seen, MPOL_LOCAL, "--localalloc", NULL);
	case 'N':
		o->run.cpunodebind = optarg;
		return -1;
	case 'C':
		o->run.physcpubind = optarg;
		return -1;
	case OPT_FORK_NODE:
	case OPT_STACK_CACHE:
		if (nc_whatif_parse(&o->run.cfg, c == OPT_FORK_NODE ? "fork-node" : "stack-cache",
				    optarg, &err))
			return cli_error("%s: %s", cmd, err.msg);
		return -1;
	case OPT_TRACE:
		o->trace = optarg;
		return -1;
	case OPT_TRACE_FORMAT:
		if (nc_trace_parse_format(optarg, &o->run.trace_format, &err))
			return cli_error("%s: %s", cmd, err.msg);
		return -1;
	case OPT_TRACE_EVENTS:
		o->run.trace_events = optarg;
		return -1;
	case OPT_SHOW:
		if (nc_report_show_check(optarg, &err))
			return cli_error("%s: %s", cmd, err.msg);
		o->show = optarg;
		return -1;
	case OPT_JSON:
		o->json = true;
		return -1;
	default:
		return cli_option(cmd, c, argv, &o->run.cfg, help);
	}
}

void cli_run_init(struct cli_run *o)
{
	memset(o, 0, sizeof(*o));
	nc_run_opts_init(&o->run);
}

int cli_run_parse(const char *cmd, int argc, char **argv, struct cli_run *o,
		  const struct option *extra, int (*more)(int c, void *ctx), void *ctx,
		  void (*help)(FILE *f))
{
	struct option opts[48];
	const char *seen = NULL;
	size_t n = 0;
	int c, ret;

	for (const struct option *p = run_longopts; p->name; p++)
		opts[n++] = *p;
	for (const struct option *p = extra; p && p->name && n < 47; p++)
		opts[n++] = *p;
	memset(&opts[n], 0, sizeof(opts[n]));
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "w:s:i:m:p:lN:C:", opts, NULL)) != -1) {
		ret = more && c >= 0x300 ? more(c, ctx) : run_option(cmd, c, argv, o, &seen, help);
		if (ret >= 0)
			return ret;
	}
	return -1;
}

int cli_show_status(const char *cmd, int ret, const struct nc_error *err)
{
	if (ret == -ENOMEM)
		return cli_error("%s: out of host memory", cmd);
	return ret ? cli_error("%s: %s", cmd, err->msg) : 0;
}

/* Runs o and prints what it asks for: the report, --json or --show. */
int cli_run_report(const char *cmd, struct cli_run *o)
{
	struct nc_run r;
	struct nc_error err;
	int ret;

	if (o->trace && !(o->run.trace = strcmp(o->trace, "-") ? fopen(o->trace, "w") : stdout))
		return cli_error("%s: %s: %s", cmd, o->trace, strerror(errno));
	ret = nc_run_start(&r, &o->run, &err);
	if (ret)
		ret = cli_error("%s: %s", cmd, err.msg);
	else if (o->show)
		ret = cli_show_status(cmd, nc_report_show(stdout, &r, o->show, &err), &err);
	else if (o->json)
		ret = nc_report_json(stdout, &r) ? cli_error("%s: out of host memory", cmd) : 0;
	else
		ret = nc_report_text(stdout, &r) ? cli_error("%s: out of host memory", cmd) : 0;
	nc_run_end(&r);
	if (o->run.trace && o->run.trace != stdout && fclose(o->run.trace) && !ret)
		ret = cli_error("%s: %s: %s", cmd, o->trace, strerror(errno));
	return ret;
}

int cmd_run(int argc, char **argv)
{
	struct cli_run o;
	int ret;

	cli_run_init(&o);
	ret = cli_run_parse("run", argc, argv, &o, NULL, NULL, NULL, usage);
	if (ret >= 0)
		return ret;
	if (cli_no_operands("run", argc, argv))
		return 1;
	return cli_run_report("run", &o);
}

// SPDX-License-Identifier: GPL-2.0-only
/* numaclone replay: runs an strace log or script on a model machine. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "strace/replay.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: numaclone replay [--topology SPEC] [--distance D] [--check] [--strict]\n"
		"                        [--trace FILE [--trace-format F] [--trace-events L]]\n"
		"                        [--fail-nth N] FILE|-\n\n"
		"Runs the system calls of an `strace -f` log, or of a script in strace's\n"
		"syntax, on a model machine (default topology: host). Prints each modelled\n"
		"call with the model's result, or with --check each disagreement with the\n"
		"recorded result, then a summary by system call.\n\n"
		CLI_MACHINE_HELP
		"                       (overrides a script's '#! topology')\n"
		"  -c, --check          compare the model's results with the log's; exit 1 if any differ\n"
		"  -s, --strict         a line that is not strace syntax is an error\n"
		"      --trace FILE     write the model's tracepoints to FILE (- for standard output)\n"
		"      --trace-format F ftrace (as /sys/kernel/tracing/trace, the default) or\n"
		"                       perfetto (JSON for ui.perfetto.dev)\n"
		"      --trace-events L events to record, as set_event takes them: kmem, sched,\n"
		"                       task, sched:sched_process_fork, ... (default: all)\n"
		"      --fail-nth N     the N-th slab or page allocation the first task makes\n"
		"                       fails, as after writing N to its /proc/.../fail-nth\n"
		"  -h, --help           this help\n");
}

int cmd_replay(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_MACHINE_OPTIONS,
		{ "check", no_argument, NULL, 'c' },
		{ "strict", no_argument, NULL, 's' },
		{ "trace", required_argument, NULL, 'T' },
		{ "trace-format", required_argument, NULL, 'F' },
		{ "trace-events", required_argument, NULL, 'E' },
		{ "fail-nth", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	struct nc_replay_opts opts = { .name = "-" };
	struct nc_replay_stats stats;
	struct nc_error err = { "" };
	const char *trace = NULL;
	FILE *in = stdin;
	unsigned long n;
	char *end;
	int c, ret;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "cs", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': opts.check = true; break;
		case 's': opts.strict = true; break;
		case 'T': trace = optarg; break;
		case 'F':
			if (nc_trace_parse_format(optarg, &opts.trace_format, &err))
				return cli_error("replay: %s", err.msg);
			break;
		case 'E': opts.trace_events = optarg; break;
		case 'N':
			errno = 0;
			n = strtoul(optarg, &end, 10);
			if (*optarg < '1' || *optarg > '9' || *end || errno || n > UINT_MAX)
				return cli_error("replay: --fail-nth '%s': expected a count from 1 to %u",
						 optarg, UINT_MAX);
			opts.fail_nth = (unsigned int)n;
			break;
		default:
			if ((ret = cli_option("replay", c, argv, &cfg, usage)) >= 0)
				return ret;
		}
	}
	opts.topology = cfg.topology;
	opts.distance = cfg.distance;
	if (argc - optind != 1)
		return cli_error("replay: expected one FILE (or - for standard input)");
	opts.name = argv[optind];
	if (strcmp(opts.name, "-") && !(in = fopen(opts.name, "r")))
		return cli_error("replay: %s: %s", opts.name, strerror(errno));
	if (trace && !(opts.trace = strcmp(trace, "-") ? fopen(trace, "w") : stdout)) {
		if (in != stdin)
			fclose(in);
		return cli_error("replay: %s: %s", trace, strerror(errno));
	}
	ret = nc_replay(in, stdout, &opts, &stats, &err);
	if (in != stdin)
		fclose(in);
	if (opts.trace && opts.trace != stdout && fclose(opts.trace) && !ret)
		return cli_error("replay: %s: %s", trace, strerror(errno));
	if (ret)
		return cli_error("replay: %s", err.msg);
	return stats.disagree ? 1 : 0;
}

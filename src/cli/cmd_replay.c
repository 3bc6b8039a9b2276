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
#include "workload/report.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: numaclone replay [--topology SPEC] [--distance D] [--check] [--strict]\n"
		"                        [--trace FILE [--trace-format F] [--trace-events L]]\n"
		"                        [--fail-nth N] [--show LIST] FILE...|-\n\n"
		"Runs the system calls of an `strace -f` log, or of a script in strace's\n"
		"syntax, on a model machine (default topology: host). Prints each modelled\n"
		"call with the model's result, or with --check each disagreement with the\n"
		"recorded result, then a summary by system call. Several FILEs are the\n"
		"files of `strace -ff -o NAME` (NAME.PID), replayed as one log.\n\n"
		CLI_MACHINE_HELP_DEFAULT("host")
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
		"      --show LIST      after the replay, print the machine's numastat,\n"
		"                       slabinfo and files of its /proc and /sys (paths, as\n"
		"                       run --show takes them), comma-separated, each path\n"
		"                       after '==> PATH <=='\n"
		"  -h, --help           this help\n");
}

static void close_all(FILE **in, int n)
{
	for (int i = 0; i < n; i++)
		if (in[i] != stdin)
			fclose(in[i]);
	free(in);
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
		{ "show", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	struct nc_replay_opts opts = { .name = "-" };
	struct nc_replay_stats stats;
	struct nc_error err = { "" };
	const char *trace = NULL, *show = NULL;
	struct nc_machine *m = NULL;
	struct nc_replay_hooks hooks = { .keep = &m };
	FILE **in;
	unsigned long n;
	char *end;
	int c, ret, files;

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
		case 'S':
			if (nc_report_show_machine_check(optarg, &err))
				return cli_error("replay: %s", err.msg);
			show = optarg;
			opts.hooks = &hooks;
			break;
		default:
			if ((ret = cli_option("replay", c, argv, &cfg, usage)) >= 0)
				return ret;
		}
	}
	opts.topology = cfg.topology;
	opts.distance = cfg.distance;
	files = argc - optind;
	if (files < 1)
		return cli_error("replay: expected a FILE (or - for standard input)");
	opts.name = argv[optind];
	in = calloc((size_t)files, sizeof(*in));
	if (!in)
		return cli_error("replay: out of memory");
	for (int i = 0; i < files; i++) {
		const char *name = argv[optind + i];

		in[i] = strcmp(name, "-") ? fopen(name, "r") : files == 1 ? stdin : NULL;
		if (!in[i]) {
			ret = cli_error("replay: %s: %s", name, strcmp(name, "-") ? strerror(errno)
						: "standard input is one log, not one of several");
			close_all(in, i);
			return ret;
		}
	}
	if (trace && !(opts.trace = strcmp(trace, "-") ? fopen(trace, "w") : stdout)) {
		close_all(in, files);
		return cli_error("replay: %s: %s", trace, strerror(errno));
	}
	ret = nc_replay_files(in, (const char *const *)argv + optind, (size_t)files, stdout,
			      &opts, &stats, &err);
	close_all(in, files);
	if (opts.trace && opts.trace != stdout && fclose(opts.trace) && !ret)
		return cli_error("replay: %s: %s", trace, strerror(errno));
	if (ret)
		return cli_error("replay: %s", err.msg);
	if (m) {
		fputc('\n', stdout);
		ret = cli_show_status("replay", nc_report_show_machine(stdout, m, show, &err), &err);
		nc_machine_destroy(m);
		if (ret)
			return ret;
	}
	return stats.disagree ? 1 : 0;
}

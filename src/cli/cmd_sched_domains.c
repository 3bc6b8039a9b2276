// SPDX-License-Identifier: GPL-2.0-only
/* numaclone sched-domains: the scheduling domains the model builds for a
 * topology, as debugfs (sched/domains/cpuN/domainM/{name,flags}) or the
 * sched_debug boot log (spans and groups) shows them. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "cli/cli.h"
#include "kernel/sched/topology.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone sched-domains [--topology SPEC] [--distance D] [--cpu N]\n"
		   "                               [--reclaim-distance N] [--format debugfs|dmesg]\n\n"
		   "Prints the scheduling domains v6.12 builds for the topology: per CPU,\n"
		   "each domain's name and flags as /sys/kernel/debug/sched/domains shows\n"
		   "them (--format debugfs, the default), or the sched_debug boot log with\n"
		   "spans and groups (--format dmesg). --reclaim-distance sets\n"
		   "node_reclaim_distance (default: 32 on an AMD Zen topology such as\n"
		   "2s4n or 8n, else 30): NUMA levels farther than it do not balance forks.\n");
}

/* A decimal number in [0, max]; -1 if text is not one. */
static long parse_num(const char *text, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 0 || v > max)
		return -1;
	return v;
}

static int print_cpu(struct nc_machine *m, unsigned int cpu, bool dmesg)
{
	static const char *const files[] = { "name", "flags" };
	char buf[512], *log;
	int len;

	if (dmesg) {
		len = sched_domain_debug(m, cpu, NULL, 0);
		log = len < 0 ? NULL : malloc((size_t)len + 1);
		if (!log)
			return -1;
		sched_domain_debug(m, cpu, log, (size_t)len + 1);
		fputs(log, stdout);
		free(log);
		return 0;
	}
	for (unsigned int nr = 0; sched_domain_nr(m, cpu, nr); nr++)
		for (int k = 0; k < 2; k++) {
			sched_domain_file(m, cpu, nr, files[k], buf, sizeof(buf));
			printf("cpu%u/domain%u/%s:%s", cpu, nr, files[k], buf);
		}
	return 0;
}

int cmd_sched_domains(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_MACHINE_OPTIONS,
		{ "cpu", required_argument, NULL, 'c' },
		{ "reclaim-distance", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	const char *cpu_arg = NULL;
	long reclaim = -1, cpu = -1;
	bool dmesg = false;
	struct nc_machine *m;
	int c, ret = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			cpu_arg = optarg;
			break;
		case 'r':
			reclaim = parse_num(optarg, 255);
			if (reclaim < 0)
				return cli_error("--reclaim-distance '%s': not a distance (0-255)", optarg);
			break;
		case 'f':
			if (strcmp(optarg, "debugfs") && strcmp(optarg, "dmesg"))
				return cli_error("--format '%s': not debugfs or dmesg", optarg);
			dmesg = !strcmp(optarg, "dmesg");
			break;
		default:
			if ((ret = cli_option("sched-domains", c, argv, &cfg, usage)) >= 0)
				return ret;
		}
	}
	if (cli_no_operands("sched-domains", argc, argv) || !(m = cli_boot(&cfg)))
		return 1;
	ret = 0;
	if (cpu_arg) {
		cpu = parse_num(cpu_arg, (long)m->topo->nr_cpu_ids - 1);
		if (cpu < 0 || m->topo->cpu_node[cpu] < 0) {
			ret = cli_error("--cpu '%s': no such CPU on %s", cpu_arg, m->topo->name);
			goto out;
		}
	}
	if (reclaim >= 0) {
		m->sched->node_reclaim_distance = (int)reclaim;
		if (sched_init_domains(m)) {
			ret = cli_error("out of host memory");
			goto out;
		}
	}
	for (unsigned int i = 0; i < m->topo->nr_cpu_ids && !ret; i++)
		if ((cpu < 0 || i == (unsigned long)cpu) && m->topo->cpu_node[i] >= 0 &&
		    print_cpu(m, i, dmesg))
			ret = cli_error("out of host memory");
out:
	nc_machine_destroy(m);
	return ret;
}

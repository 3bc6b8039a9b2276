// SPDX-License-Identifier: GPL-2.0-only
/*
 * numaclone compare: runs one workload under two option sets (each added
 * to the common run options) and prints their figures side by side.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "workload/report.h"

#define MAX_WORDS 32

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone compare --a 'OPTIONS' --b 'OPTIONS' [run options]\n\n"
		   "Runs the workload twice, with run's options plus those of --a, then\n"
		   "plus those of --b, and prints every figure of the two reports side by\n"
		   "side, the ones that differ marked with '*'. Example:\n"
		   "  numaclone compare --a '--fork-node=parent' --b '--fork-node=child'\n\n");
	cli_run_usage_options(f);
	fprintf(f, "  -h, --help           this help\n");
}

struct sides {
	const char *text[2];
};

static int side_option(int c, void *ctx)
{
	((struct sides *)ctx)->text[c - 0x300] = optarg;
	return -1;
}

/* o gets base's options and then those of text, split at blanks. */
static int side(const char *name, const struct cli_run *base, const char *text,
		struct cli_run *o, char *words)
{
	char *argv[MAX_WORDS + 2];
	int argc = 0;

	*o = *base;
	argv[argc++] = (char *)name;
	strcpy(words, text);
	for (char *w = strtok(words, " \t\n"); w; w = strtok(NULL, " \t\n")) {
		if (argc > MAX_WORDS)
			return cli_error("%s: more than %d options", name, MAX_WORDS);
		argv[argc++] = w;
	}
	argv[argc] = NULL;
	if (cli_run_parse(name, argc, argv, o, NULL, NULL, NULL, usage) >= 0)
		return 1;
	return cli_no_operands(name, argc, argv);
}

int cmd_compare(int argc, char **argv)
{
	static const struct option extra[] = {
		{ "a", required_argument, NULL, 0x300 },
		{ "b", required_argument, NULL, 0x301 },
		{ NULL, 0, NULL, 0 },
	};
	struct sides s = { { NULL, NULL } };
	struct cli_run base, o[2];
	struct nc_run r[2];
	struct nc_error err;
	char *words[2] = { NULL, NULL };
	int ret;

	cli_run_init(&base);
	ret = cli_run_parse("compare", argc, argv, &base, extra, side_option, &s, usage);
	if (ret >= 0)
		return ret;
	if (cli_no_operands("compare", argc, argv))
		return 1;
	if (!s.text[0] || !s.text[1])
		return cli_error("compare: both --a and --b are needed (see numaclone compare --help)");
	if (base.trace || base.show || base.json)
		return cli_error("compare: --trace, --show and --json are for run");
	for (int i = 0; i < 2; i++) {
		words[i] = malloc(strlen(s.text[i]) + 1);
		ret = !words[i] ? cli_error("compare: out of host memory")
				: side(i ? "compare --b" : "compare --a", &base, s.text[i], &o[i], words[i]);
		if (ret)
			goto out;
	}
	for (int i = 0; i < 2 && !ret; i++)
		if (nc_run_start(&r[i], &o[i].run, &err)) {
			ret = cli_error("compare --%c: %s", 'a' + i, err.msg);
			if (i)
				nc_run_end(&r[0]);
			nc_run_end(&r[i]);
		}
	if (!ret) {
		if (nc_report_compare(stdout, &r[0], s.text[0], &r[1], s.text[1]))
			ret = cli_error("compare: out of host memory");
		nc_run_end(&r[0]);
		nc_run_end(&r[1]);
	}
out:
	free(words[0]);
	free(words[1]);
	return ret;
}

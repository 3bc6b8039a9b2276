// SPDX-License-Identifier: GPL-2.0-only
/*
 * numaclone slabinfo: boots a machine and prints its /proc/slabinfo, or
 * the /sys/kernel/slab/CACHE/ files.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numaclone/numaclone.h>
#include "cli/cli.h"
#include "fs/proc/slab_sysfs.h"
#include "fs/proc/slabinfo.h"
#include "mm/slub.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone slabinfo [--topology SPEC] [--distance D] [--seed N]\n"
		   "                          [--sysfs CACHE [ATTR...]]\n\n"
		   "Boots a machine and prints /proc/slabinfo (version 2.1), or with\n"
		   "--sysfs the files of /sys/kernel/slab/CACHE/: every one as\n"
		   "'ATTR: VALUE', or the named ATTRs' contents alone.\n\n"
		   CLI_MACHINE_HELP CLI_SEED_HELP
		   "      --sysfs CACHE    show that cache's sysfs files\n"
		   "  -h, --help           this text\n");
}

/* "ATTR: VALUE" for one file */
static int show_file(struct nc_machine *m, const char *cache, const char *attr)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int err;

	if (!f)
		return cli_error("slabinfo: out of memory");
	err = slab_sysfs_show(m, cache, attr, f);
	fclose(f);
	if (err == -ENOENT) {
		free(text);
		return cli_error("slabinfo: /sys/kernel/slab/%s: no such cache", cache);
	}
	printf("%s: %s%s", attr, text, len && text[len - 1] == '\n' ? "" : "\n");
	free(text);
	return 0;
}

static int show_sysfs(struct nc_machine *m, const char *cache, int nattr, char **attrs)
{
	if (nattr) {
		for (int i = 0; i < nattr; i++)
			if (slab_sysfs_show(m, cache, attrs[i], stdout))
				return cli_error("slabinfo: /sys/kernel/slab/%s/%s: no such file",
						 cache, attrs[i]);
		return 0;
	}
	for (const char *const *a = slab_sysfs_attrs; *a; a++)
		if (show_file(m, cache, *a))
			return 1;
	for (int i = 0; i < NR_SLUB_STAT_ITEMS; i++)
		if (show_file(m, cache, slab_stat_names[i]))
			return 1;
	return 0;
}

int cmd_slabinfo(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_MACHINE_OPTIONS,
		CLI_SEED_OPTION,
		{ "sysfs", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	const char *cache = NULL;
	struct nc_machine *m;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+" CLI_SHORTOPTS, opts, NULL)) != -1) {
		if (c == 'y')
			cache = optarg;
		else if ((ret = cli_option("slabinfo", c, argv, &cfg, usage)) >= 0)
			return ret;
	}
	if ((!cache && cli_no_operands("slabinfo", argc, argv)) || !(m = cli_boot(&cfg)))
		return 1;
	ret = cache ? show_sysfs(m, cache, argc - optind, argv + optind) :
		      (slabinfo_show(m, stdout) ? cli_error("slabinfo: write error") : 0);
	nc_machine_destroy(m);
	return ret;
}

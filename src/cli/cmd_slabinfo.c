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
	fprintf(f, "usage: numaclone slabinfo [--topology SPEC] [--seed N] [--sysfs CACHE [ATTR...]]\n\n"
		   "Boots a machine and prints /proc/slabinfo (version 2.1), or with\n"
		   "--sysfs the files of /sys/kernel/slab/CACHE/: every one as\n"
		   "'ATTR: VALUE', or the named ATTRs' contents alone.\n\n"
		   "  --topology SPEC  the machine (default " NC_DEFAULT_TOPOLOGY ")\n"
		   "  --seed N         seed for the model's random draws\n"
		   "  --sysfs CACHE    show that cache's sysfs files\n"
		   "  --help           this text\n");
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
		{ "topology", required_argument, NULL, 't' },
		{ "seed", required_argument, NULL, 's' },
		{ "sysfs", required_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct nc_machine_config cfg = { 0 };
	const char *cache = NULL;
	struct nc_machine *m;
	struct nc_error err;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+t:s:y:h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			cfg.topology = optarg;
			break;
		case 's': {
			char *end;

			cfg.seed = strtoull(optarg, &end, 0);
			if (*end || *optarg == '-' || !*optarg)
				return cli_error("--seed '%s': not a number", optarg);
			break;
		}
		case 'y':
			cache = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_error("slabinfo: unknown option '%s' (see --help)", argv[optind - 1]);
		}
	}
	if (!cache && optind < argc)
		return cli_error("slabinfo: unexpected argument '%s'", argv[optind]);
	m = nc_machine_create(&cfg, &err);
	if (!m)
		return cli_error("%s", err.msg);
	ret = cache ? show_sysfs(m, cache, argc - optind, argv + optind) :
		      (slabinfo_show(m, stdout) ? cli_error("slabinfo: write error") : 0);
	nc_machine_destroy(m);
	return ret;
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * numaclone kmem-geometry: what SLUB (v6.12) would make of a cache of a
 * given size, alignment and flags on a machine with N present CPUs.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lib/nodemask.h"
#include "mm/slab_common.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: numaclone kmem-geometry [--cpus N] SIZE[:ALIGN[:FLAGS]]...\n\n"
		   "Prints, per argument, the geometry kmem_cache_create() gives the cache:\n"
		   "  object_size slab_size align order objs_per_slab\n"
		   "FLAGS is a '|'-joined list of SLAB_* names and 'ctor' (the cache has\n"
		   "a constructor), e.g. 1136:0:SLAB_HWCACHE_ALIGN|SLAB_ACCOUNT.\n\n"
		   "  --cpus N   present CPUs (default: the host's)\n"
		   "  --help     this text\n");
}

/* num_present_cpus() of the host */
static unsigned int host_present_cpus(void)
{
	unsigned long weight = 0;
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };
	char buf[4096];
	FILE *f = fopen("/sys/devices/system/cpu/present", "r");
	long n;

	if (f) {
		if (fgets(buf, sizeof(buf), f)) {
			buf[strcspn(buf, "\n")] = 0;
			if (bitmap_parselist(buf, mask, NR_CPUS, NULL) == 0)
				weight = bitmap_weight(mask, NR_CPUS);
		}
		fclose(f);
	}
	if (weight)
		return (unsigned int)weight;
	n = sysconf(_SC_NPROCESSORS_CONF);
	return n > 0 ? (unsigned int)n : 1;
}

int cmd_kmem_geometry(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "cpus", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned int cpus = 0;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);

			if (*optarg < '0' || *optarg > '9' || *end || !v || v > NR_CPUS)
				return cli_error("--cpus '%s': must be 1..%d", optarg, NR_CPUS);
			cpus = (unsigned int)v;
			break;
		}
		default:
			if ((ret = cli_option("kmem-geometry", c, argv, NULL, usage)) >= 0)
				return ret;
		}
	}
	if (optind == argc)
		return cli_error("kmem-geometry: no SIZE given (see --help)");
	if (!cpus)
		cpus = host_present_cpus();
	for (int i = optind; i < argc; i++) {
		struct nc_error err;
		struct kmem_cache s;

		if (nc_kmem_geometry(argv[i], cpus, &s, &err))
			return cli_error("kmem-geometry: %s", err.msg);
		printf("%u %u %u %u %u\n", s.object_size, s.size, s.align, oo_order(s.oo),
		       oo_objects(s.oo));
	}
	return 0;
}

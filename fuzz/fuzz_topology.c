// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for every topology parser. The first byte picks one:
 *   0  file text (numactl --hardware output or QEMU options, as sniffed),
 *      and the same bytes as /proc/cpuinfo
 *   1  a --topology string (QEMU options, NxC, a preset)
 *   2  "SPEC\nDISTANCE": the same with --distance
 *   3  one sysfs node file: next byte picks cpulist/meminfo/distance
 * No form is reached through a path, so the fuzzer never opens files.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arch/topology.h"
#include "arch/topology_cpuinfo.h"
#include "arch/topology_sysfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* "SPEC\nDISTANCE" or "-numa ..." */
static void spec_forms(char *text, bool qemu)
{
	char *nl = qemu ? NULL : strchr(text, '\n');

	if (nl)
		*nl = '\0';
	nc_topology_free(nc_topology_parse_string(text, nl ? nl + 1 : NULL, NULL));
}

static void sysfs_file(char *text, uint8_t which)
{
	static int (*const parse[3])(struct nc_topo_draft *, int) = {
		nc_topo_sysfs_cpulist, nc_topo_sysfs_meminfo, nc_topo_sysfs_distance,
	};
	struct nc_topo_src src = { "fuzz", text, true };
	struct nc_error e;
	struct nc_topo_draft *d = nc_topo_draft_new(&src, &e);

	if (!d)
		return;
	nc_topo_add_node(d, 0, text);
	nc_topo_add_node(d, 2, text);
	nc_topo_add_node(d, which >> 4, text);
	parse[which % 3](d, 2);
	nc_topo_draft_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size < 2)
		return 0;
	if (data[0] % 4 == 0) {
		enum nc_cpu_vendor vendor;
		unsigned int family;

		nc_topology_free(nc_topology_parse_text("fuzz", (const char *)data + 1, size - 1,
							NULL));
		nc_topo_cpuinfo((const char *)data + 1, size - 1, &vendor, &family);
		return 0;
	}
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	if (data[0] % 4 == 3)
		sysfs_file(text + 1, (uint8_t)text[0]);
	else
		spec_forms(text, data[0] % 4 == 1);
	free(text);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target for libnuma's node and CPU strings (tools/nodestring.c)
 * on a topology with a memoryless and a CPU-less node: the first byte
 * picks the parser, the rest is the string. A parsed mask holds only
 * numbers the machine has. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arch/topology.h"
#include "lib/bitmap.h"
#include "tools/nodestring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nc_topology *t;
	nodemask_t nodes;
	cpumask_t cpus;
	char *text;

	if (!t && !(t = nc_topology_parse_string("-numa node,cpus=0-1,mem=64M -numa node,mem=64M "
						 "-numa node,cpus=2-5,mem=0", NULL, NULL)))
		abort();
	if (!size)
		return 0;
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = 0;
	if (data[0] & 1) {
		if (!nc_parse_cpustring(t, text, &cpus, NULL) &&
		    find_next_bit(cpus.bits, NR_CPUS, t->nr_cpu_ids) < NR_CPUS)
			abort();
	} else if (!nc_parse_nodestring(t, text, &nodes, NULL) &&
		   find_next_bit(nodes.bits, MAX_NUMNODES, t->nr_node_ids) < MAX_NUMNODES) {
		abort();
	}
	free(text);
	return 0;
}

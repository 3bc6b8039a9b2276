/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers shared by the topology tests. */
#ifndef NC_TESTS_TEST_TOPOLOGY_H
#define NC_TESTS_TEST_TOPOLOGY_H

#include <string.h>

#include "arch/topology.h"

/* Parses spec (and --distance), failing the test on error. */
static inline struct nc_topology *parse_ok(const char *spec, const char *distance)
{
	struct nc_error e = { "" };
	struct nc_topology *t = nc_topology_parse(spec, distance, &e);

	if (!t)
		fail_msg("'%s' rejected: %s", spec, e.msg);
	return t;
}

/* Asserts the spec is rejected with exactly msg. */
static inline void parse_fails(const char *spec, const char *distance, const char *msg)
{
	struct nc_error e = { "" };
	struct nc_topology *t = nc_topology_parse(spec, distance, &e);

	if (t) {
		nc_topology_free(t);
		fail_msg("'%s' accepted", spec);
	}
	assert_string_equal(e.msg, msg);
}

/* The node's CPUs as a "%*pbl" list. */
static inline const char *node_cpus(const struct nc_topology *t, int nid, char *buf, size_t size)
{
	unsigned long map[BITS_TO_LONGS(NR_CPUS)] = { 0 };

	for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
		if (t->cpu_node[c] == nid)
			__set_bit(c, map);
	bitmap_print_list(buf, size, map, NR_CPUS);
	return buf;
}

#endif

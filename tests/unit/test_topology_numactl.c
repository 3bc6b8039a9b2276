// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/arch/topology_numactl.c: real `numactl --hardware` outputs
 * (tests/golden/topology/numactl/, both spacings) parse and print back
 * byte for byte, free figures taken from the file; bad text is rejected at
 * its line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "tools/numactl.h"
#include "test_topology.h"

#define GOLDEN "tests/golden/topology/numactl/"

static char *slurp(const char *path)
{
	char *buf;
	size_t len;

	if (nc_topo_read_file(path, 1 << 24, &buf, &len))
		fail_msg("cannot read %s", path);
	return buf;
}

/* Parse the golden, print it again with its own free figures, compare. */
static void round_trip(const char *file, enum numactl_version v)
{
	char path[256], *want = NULL, *got = NULL, *line;
	unsigned long long free_mb[MAX_NUMNODES] = { 0 };
	struct nc_topology *t;
	size_t len;
	FILE *out;

	snprintf(path, sizeof(path), GOLDEN "%s", file);
	want = slurp(path);
	for (line = want; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		unsigned int nid;
		unsigned long long mb;

		if (sscanf(line, "node %u free: %llu MB", &nid, &mb) == 2 && nid < MAX_NUMNODES)
			free_mb[nid] = mb << 20;
	}
	t = parse_ok(path, NULL);
	out = open_memstream(&got, &len);
	numactl_print_hardware(out, t, free_mb, v);
	fclose(out);
	assert_string_equal(got, want);
	free(got);
	free(want);
	nc_topology_free(t);
}

static void test_round_trips(void **state)
{
	(void)state;
	round_trip("intel-2s-xeon6248-2.0.16.txt", NUMACTL_2_0_16);
	round_trip("intel-2s-xeon6248-2.0.19.txt", NUMACTL_2_0_19);
	round_trip("amd-epyc7742-nps4-2.0.16.txt", NUMACTL_2_0_16);
	round_trip("amd-epyc7742-nps4-2.0.19.txt", NUMACTL_2_0_19);
	round_trip("memoryless-4n-2.0.16.txt", NUMACTL_2_0_16);
	round_trip("sparse-power9-2.0.16.txt", NUMACTL_2_0_16);
}

static void test_what_is_read(void **state)
{
	struct nc_topology *t;
	char buf[64];

	(void)state;
	t = parse_ok(GOLDEN "memoryless-4n-2.0.16.txt", NULL);
	/* node 2: memory, no CPU (CXL); node 3: CPUs, no memory */
	assert_false(node_isset(2, t->has_cpu));
	assert_true(node_isset(2, t->memory));
	assert_true(node_isset(3, t->has_cpu));
	assert_false(node_isset(3, t->memory));
	assert_true(t->nodes[2].mem_bytes == 262144ULL << 20);
	assert_int_equal(node_distance(t, 2, 1), 24);
	assert_int_equal(t->cpu_package[20], 1); /* no package in the text: its node */
	nc_topology_free(t);
	t = parse_ok(GOLDEN "sparse-power9-2.0.16.txt", NULL);
	assert_int_equal(t->nr_node_ids, 256);
	assert_int_equal(nodes_weight(t->online), 6);
	assert_false(t->nodes[7].online);
	assert_string_equal(node_cpus(t, 8, buf, sizeof(buf)), "80-159");
	assert_int_equal(node_distance(t, 8, 253), 80);
	assert_int_equal(node_distance(t, 8, 0), 40);
	assert_int_equal(node_distance(t, 8, 100), 20); /* offline: the default */
	nc_topology_free(t);
}

static struct nc_topology *text(const char *s, struct nc_error *e)
{
	return nc_topology_parse_text("hw.txt", s, strlen(s), e);
}

#define HEAD1 "available: 1 nodes (0)\n"
#define NODE0 "node 0 cpus: 0 1\nnode 0 size: 64 MB\nnode 0 free: 3 MB\n"
#define DIST1 "node distances:\nnode   0 \n  0:  10 \n"

/* 2.0.19's --cpu-compress, blank variations, no distance table */
static void test_variants(void **state)
{
	struct nc_error e = { "" };
	struct nc_topology *t;
	char buf[64];

	(void)state;
	t = text("available: 2 nodes (0-1)\nnode 0 cpus: 0-3,8 (5)\nnode 0 size: 64 MB\n"
		 "node 0 free: 3 MB\nnode 1 cpus: 4-7 (4)\nnode 1 size: 64 MB\nnode 1 free: 3 MB\n"
		 "node distances:\nnode     0    1\n   0:   10   11\n   1:   11   10\n\n", &e);
	assert_non_null(t);
	assert_string_equal(node_cpus(t, 0, buf, sizeof(buf)), "0-3,8");
	assert_int_equal(node_distance(t, 0, 1), 11);
	nc_topology_free(t);
	t = text("\r\n" HEAD1 "node\t0  cpus:  0 1\r\n" "node 0 size: 64 MB\nnode 0 free: 3 MB\n"
		 "No distance information available.\n", &e);
	assert_non_null(t);
	assert_int_equal(node_distance(t, 0, 0), 10);
	nc_topology_free(t);
}

static void expect(const char *s, const char *msg)
{
	struct nc_error e = { "" };
	struct nc_topology *t = text(s, &e);

	if (t) {
		nc_topology_free(t);
		fail_msg("accepted: %s", s);
	}
	assert_string_equal(e.msg, msg);
}

static void test_errors(void **state)
{
	(void)state;
	expect("available: x\n", "hw.txt:1:12: expected a node count");
	expect("available: 2 nodes (0)\n", "hw.txt:1:12: 2 nodes announced but 1 listed");
	expect("available: 1 nodes (1024)\n", "hw.txt:1:21: node 1024 is beyond the limit of 1024 nodes");
	expect("available: 2 nodes (1-0)\n", "hw.txt:1:21: node range 1-0 runs backwards");
	expect(HEAD1 "node 1 cpus: 0\n", "hw.txt:2:6: expected node 0 here, found 1");
	expect(HEAD1 "node 0 cpus: 0 x\n", "hw.txt:2:16: unexpected text at the end of the line");
	expect(HEAD1 "node 0 cpus: 0 8192\n", "hw.txt:2:16: CPU 8192 is beyond the limit of 8192 CPUs");
	expect(HEAD1 "node 0 cpus: 0-3 (5)\n", "hw.txt:2:18: count (5) differs from the 4 CPUs listed");
	expect(HEAD1 "node 0 cpus: 0\nnode 0 size: <not available>\n",
	       "hw.txt:3:14: expected a size in MB");
	expect(HEAD1 "node 0 cpus: 0\nnode 0 size: 1 GB\n", "hw.txt:3:16: expected 'MB'");
	expect(HEAD1 NODE0, "hw.txt:5:1: expected 'node'");
	expect(HEAD1 NODE0 "node distances:\nnode   1 \n", "hw.txt:6:8: expected node 0 in the table header, found 1");
	expect(HEAD1 NODE0 "node distances:\nnode   0 \n  0:  10 20\n",
	       "hw.txt:7:10: unexpected text at the end of the line");
	expect(HEAD1 NODE0 DIST1 "junk\n", "hw.txt:8:1: unexpected text after the distance table");
	expect("available: 2 nodes (0-1)\nnode 0 cpus: 0\nnode 0 size: 1 MB\nnode 0 free: 0 MB\n"
	       "node 1 cpus: 1\nnode 1 size: 1 MB\nnode 1 free: 0 MB\nnode distances:\n"
	       "node   0   1 \n  0:  10  20 \n  1:  10  10 \n",
	       "hw.txt:11:7: distance from node 1 to node 0 must be above 10");
	expect(HEAD1 "node 0 cpus: 1\nnode 0 size: 0 MB\nnode 0 free: 0 MB\n" DIST1,
	       "hw.txt:8:1: no node has memory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trips),
		cmocka_unit_test(test_what_is_read),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/arch/topology.c: the form dispatch, the shared checks and
 * limits, numbers and sizes, error positions, the final build. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "test_topology.h"

static const struct nc_topo_src one_line = { "--topology 'x'", "12 34", false };
static const struct nc_topo_src two_lines = { "f.txt", "ab\ncd ef", true };

static void test_positions(void **state)
{
	struct nc_error e;
	struct nc_topo_draft *d = nc_topo_draft_new(&one_line, &e);

	(void)state;
	assert_int_equal(nc_topo_err(d, one_line.buf + 3, "bad %d", 7), -EINVAL);
	assert_string_equal(e.msg, "--topology 'x' at offset 3: bad 7");
	d->src = &two_lines;
	nc_topo_err(d, two_lines.buf + 6, "here");
	assert_string_equal(e.msg, "f.txt:2:4: here"); /* 'e' of "ef" */
	nc_topo_err(d, two_lines.buf, "start");
	assert_string_equal(e.msg, "f.txt:1:1: start");
	nc_topo_draft_free(d);
}

static void test_numbers_and_sizes(void **state)
{
	static const struct { const char *in; unsigned int shift; unsigned long long want; int ok; }
	cases[] = {
		{ "4096", 0, 4096, 1 }, { "16G", 0, 16ULL << 30, 1 }, { "16g", 0, 16ULL << 30, 1 },
		{ "2M", 0, 2 << 20, 1 }, { "8KB", 0, 8192, 1 }, { "1T", 0, 1ULL << 40, 1 },
		{ "4P", 0, 4ULL << 50, 1 }, { "2", 20, 2 << 20, 1 }, { "8192B", 20, 8192, 1 },
		{ "0", 0, 0, 1 },
		{ "5000", 0, 0, 0 },           /* not whole pages */
		{ "5P", 0, 0, 0 },             /* above 4 PiB */
		{ "99999999999999999999", 0, 0, 0 }, /* overflows 64 bits */
		{ "1E", 0, 0, 0 }, { "G", 0, 0, 0 }, { "3Q", 0, 0, 0 },
	};
	struct nc_error e;
	struct nc_topo_src src = { "s", "", false };
	struct nc_topo_draft *d = nc_topo_draft_new(&src, &e);

	(void)state;
	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *p = cases[i].in;
		unsigned long long v = 1;
		int ret;

		src.buf = cases[i].in;
		ret = nc_topo_size(d, &p, cases[i].shift, &v);
		if (cases[i].ok) {
			assert_int_equal(ret, 0);
			assert_true(v == cases[i].want);
			assert_true(*p == '\0');
		} else {
			assert_int_equal(ret, -EINVAL);
		}
	}
	src.buf = "1025";
	{
		const char *p = src.buf;
		unsigned long long v;

		assert_int_equal(nc_topo_number(d, &p, 1024, "a node id", &v), -EINVAL);
		assert_string_equal(e.msg, "s at offset 0: expected a node id of at most 1024");
		p = src.buf;
		assert_int_equal(nc_topo_number(d, &p, 1025, "a node id", &v), 0);
		assert_true(v == 1025 && *p == '\0');
	}
	nc_topo_draft_free(d);
}

/* The SLIT rules of arch/x86/mm/srat.c and numa_set_distance(). */
static void test_distance_rules(void **state)
{
	struct nc_error e;
	struct nc_topo_src src = { "s", "x", false };
	struct nc_topo_draft *d = nc_topo_draft_new(&src, &e);

	(void)state;
	assert_int_equal(nc_topo_set_distance(d, 0, 1, 9, false, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: distance 9 is below 10");
	assert_int_equal(nc_topo_set_distance(d, 0, 1, 256, false, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: distance 256 is above 255");
	assert_int_equal(nc_topo_set_distance(d, 2, 2, 20, false, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: distance of node 2 to itself is 20, not 10");
	assert_int_equal(nc_topo_set_distance(d, 0, 1, 10, false, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: distance from node 0 to node 1 must be above 10");
	assert_int_equal(nc_topo_set_distance(d, 0, 1, 21, true, src.buf), 0);
	assert_int_equal(nc_topo_set_distance(d, 1, 0, 21, true, src.buf), 0);
	assert_int_equal(nc_topo_set_distance(d, 0, 2, 30, true, src.buf), 0);
	assert_int_equal(nc_topo_set_distance(d, 2, 0, 31, true, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: distance 2->0 is 31 but 0->2 is 30 "
			    "(this form needs a symmetric matrix)");
	/* the kernel keeps an asymmetric SLIT as it is */
	assert_int_equal(nc_topo_set_distance(d, 2, 0, 31, false, src.buf), 0);
	assert_int_equal(nc_topo_distance(d, 2, 0), 31);
	assert_int_equal(nc_topo_distance(d, 0, 2), 30);
	nc_topo_draft_free(d);
}

static void test_cpu_and_node_limits(void **state)
{
	struct nc_error e;
	struct nc_topo_src src = { "s", "x", false };
	struct nc_topo_draft *d = nc_topo_draft_new(&src, &e);

	(void)state;
	assert_int_equal(nc_topo_add_node(d, 1023, src.buf), 0);
	assert_int_equal(nc_topo_add_node(d, 1024, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: node 1024 is beyond the limit of 1024 nodes");
	assert_int_equal(nc_topo_add_cpu(d, 8191, 1023, src.buf), 0);
	assert_int_equal(nc_topo_add_cpu(d, 8192, 1023, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: CPU 8192 is beyond the limit of 8192 CPUs");
	assert_int_equal(nc_topo_add_cpu(d, 8191, 1023, src.buf), 0); /* same node again */
	assert_int_equal(nc_topo_add_cpu(d, 8191, 5, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: CPU 8191 is in node 1023 and node 5");
	assert_int_equal(d->nr_cpu_ids, 8192);
	nc_topo_draft_free(d);
}

static void test_finalize_checks(void **state)
{
	struct nc_error e;
	struct nc_topo_src src = { "s", "abc", false };
	struct nc_topo_draft *d;
	struct nc_topology *t;

	(void)state;
	d = nc_topo_draft_new(&src, &e);
	assert_null(nc_topo_finalize(d));
	assert_string_equal(e.msg, "s at offset 3: no NUMA node is described");
	d = nc_topo_draft_new(&src, &e);
	nc_topo_add_node(d, 0, src.buf);
	nc_topo_set_mem(d, 0, 1 << 20, src.buf);
	assert_null(nc_topo_finalize(d));
	assert_string_equal(e.msg, "s at offset 3: no node has a CPU");
	d = nc_topo_draft_new(&src, &e);
	nc_topo_add_node(d, 0, src.buf);
	nc_topo_add_cpu(d, 0, 0, src.buf);
	assert_null(nc_topo_finalize(d));
	assert_string_equal(e.msg, "s at offset 3: no node has memory");
	/* sparse nodes 0 and 3, a distance missing */
	d = nc_topo_draft_new(&src, &e);
	nc_topo_add_node(d, 0, src.buf);
	nc_topo_add_node(d, 3, src.buf);
	nc_topo_add_cpu(d, 2, 3, src.buf);
	nc_topo_set_mem(d, 0, 1 << 20, src.buf);
	nc_topo_set_distance(d, 0, 0, 10, false, src.buf);
	nc_topo_set_distance(d, 0, 3, 17, false, src.buf);
	nc_topo_set_distance(d, 3, 3, 10, false, src.buf);
	assert_null(nc_topo_finalize(d));
	assert_string_equal(e.msg, "s at offset 3: distance from node 3 to node 0 is missing");
	/* complete: offline nodes 1 and 2 get the kernel's 10/20, CPUs 0-1 absent,
	 * CPU 2 its own core in its node's package */
	d = nc_topo_draft_new(&src, &e);
	nc_topo_add_node(d, 0, src.buf);
	nc_topo_add_node(d, 3, src.buf);
	nc_topo_add_cpu(d, 2, 3, src.buf);
	nc_topo_set_mem(d, 0, 1 << 20, src.buf);
	nc_topo_set_distance(d, 0, 0, 10, false, src.buf);
	nc_topo_set_distance(d, 0, 3, 17, false, src.buf);
	nc_topo_set_distance(d, 3, 0, 19, false, src.buf);
	nc_topo_set_distance(d, 3, 3, 10, false, src.buf);
	t = nc_topo_finalize(d);
	assert_non_null(t);
	assert_int_equal(t->nr_node_ids, 4);
	assert_int_equal(t->nr_cpu_ids, 3);
	assert_int_equal(node_distance(t, 0, 3), 17);
	assert_int_equal(node_distance(t, 3, 0), 19);
	assert_int_equal(node_distance(t, 1, 2), 20);
	assert_int_equal(node_distance(t, 1, 1), 10);
	assert_int_equal(cpu_to_node(t, 0), -1);
	assert_int_equal(cpu_to_node(t, 2), 3);
	assert_int_equal(t->cpu_core[2], 2);
	assert_int_equal(t->cpu_package[2], 3);
	assert_false(t->nodes[1].online);
	assert_true(node_isset(0, t->memory) && !node_isset(3, t->memory));
	assert_true(node_isset(3, t->has_cpu) && !node_isset(0, t->has_cpu));
	assert_int_equal(t->nodes[3].nr_cpus, 1);
	nc_topology_free(t);
}

static void test_total_memory_limit(void **state)
{
	struct nc_error e;
	struct nc_topo_src src = { "s", "x", false };
	struct nc_topo_draft *d = nc_topo_draft_new(&src, &e);

	(void)state;
	assert_int_equal(nc_topo_set_mem(d, 0, NC_MAX_PHYSMEM / 2, src.buf), 0);
	assert_int_equal(nc_topo_set_mem(d, 1, NC_MAX_PHYSMEM / 2, src.buf), 0);
	assert_int_equal(nc_topo_set_mem(d, 2, NC_TOPO_PAGE, src.buf), -EINVAL);
	assert_string_equal(e.msg, "s at offset 0: memory of all nodes exceeds 4 PiB, the x86-64 limit");
	/* replacing a node's size counts only the new one */
	assert_int_equal(nc_topo_set_mem(d, 1, NC_MAX_PHYSMEM / 2, src.buf), 0);
	nc_topo_draft_free(d);
}

/* 1024 nodes and 8192 CPUs are the limits (x86_64 MAXSMP). */
static void test_limits_accepted(void **state)
{
	struct nc_topology *t;

	(void)state;
	t = parse_ok("1024x8", NULL);
	assert_int_equal(t->nr_node_ids, 1024);
	assert_int_equal(t->nr_cpu_ids, 8192);
	assert_int_equal(cpu_to_node(t, 8191), 1023);
	assert_int_equal(node_distance(t, 1023, 0), 20);
	nc_topology_free(t);
	t = parse_ok("1x8192", NULL);
	assert_int_equal(t->nodes[0].nr_cpus, 8192);
	nc_topology_free(t);
	parse_fails("1025x8", NULL, "--topology '1025x8' at offset 0: expected a node count of at most 1024");
	parse_fails("1x8193", NULL, "--topology '1x8193' at offset 2: expected a CPU count per node of at most 8192");
	parse_fails("1024x9", NULL, "--topology '1024x9' at offset 5: 1024 nodes of 9 CPUs exceed the limit of 8192 CPUs");
}

static void test_dispatch(void **state)
{
	struct nc_error e;
	struct nc_topology *t;

	(void)state;
	parse_fails("nope", NULL, "--topology 'nope' at offset 0: unknown preset or file 'nope' "
		    "(presets: 1n 2s 4n 2s4n 8n host)");
	parse_fails("/nonexistent/topo", NULL, "/nonexistent/topo: No such file or directory");
	parse_fails("2s4n", "10,20", "--distance applies only to a compact NxC[:MEM] topology, not '2s4n'");
	/* file text: the first word picks numactl output, anything else is QEMU */
	static const char numactl[] = "\n available: 1 nodes (0)\nnode 0 cpus: 0\n"
		"node 0 size: 1 MB\nnode 0 free: 0 MB\nnode distances:\nnode   0 \n  0:  10 \n";

	t = nc_topology_parse_text("a.txt", numactl, sizeof(numactl) - 1, &e);
	assert_non_null(t);
	assert_string_equal(t->name, "a.txt");
	nc_topology_free(t);
	t = nc_topology_parse_text("dir/q.args", "-numa node,cpus=0,mem=1G", 24, &e);
	assert_non_null(t);
	assert_string_equal(t->name, "q.args");
	assert_true(t->nodes[0].mem_bytes == 1ULL << 30);
	nc_topology_free(t);
	assert_null(nc_topology_parse_text("q", "-numa node,mem=1G\0x", 20, &e));
	assert_string_equal(e.msg, "q:1:18: NUL byte in a text file");
	assert_null(nc_topology_parse_text("q", "qemu-system-x86_64 -m 1G", 24, &e));
	assert_string_equal(e.msg, "q:1:25: no -numa node option");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_numbers_and_sizes),
		cmocka_unit_test(test_distance_rules),
		cmocka_unit_test(test_cpu_and_node_limits),
		cmocka_unit_test(test_finalize_checks),
		cmocka_unit_test(test_total_memory_limit),
		cmocka_unit_test(test_limits_accepted),
		cmocka_unit_test(test_dispatch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

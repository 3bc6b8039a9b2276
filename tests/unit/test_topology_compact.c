// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/arch/topology_compact.c: NxC[:MEM] and --distance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "arch/topology_compact.h"
#include "test_topology.h"

static void test_geometry(void **state)
{
	struct nc_topology *t = parse_ok("4x8:16G", NULL);
	char buf[64];

	(void)state;
	assert_int_equal(t->nr_node_ids, 4);
	assert_int_equal(t->nr_cpu_ids, 32);
	assert_string_equal(node_cpus(t, 2, buf, sizeof(buf)), "16-23");
	assert_int_equal(t->cpu_package[17], 2);  /* one socket a node */
	assert_int_equal(t->cpu_core[17], 1);     /* no SMT */
	assert_true(t->nodes[3].mem_bytes == 16ULL << 30);
	assert_int_equal(node_distance(t, 0, 3), 20); /* no SLIT: kernel default */
	nc_topology_free(t);
	t = parse_ok("2x1", NULL);
	assert_true(t->nodes[1].mem_bytes == NC_COMPACT_DEFAULT_MEM);
	nc_topology_free(t);
	t = parse_ok("1x1:1048576", NULL); /* plain bytes */
	assert_true(t->nodes[0].mem_bytes == 1 << 20);
	nc_topology_free(t);
	assert_true(nc_topo_is_compact("12x3"));
	assert_false(nc_topo_is_compact("2s4n"));
	assert_false(nc_topo_is_compact("x4"));
}

static void test_distances(void **state)
{
	struct nc_topology *t;

	(void)state;
	t = parse_ok("3x1", "10,30");
	assert_int_equal(node_distance(t, 2, 0), 30);
	assert_int_equal(node_distance(t, 1, 1), 10);
	nc_topology_free(t);
	t = parse_ok("3x1", " 10, 15 ,25; 15,10,15 ;25,15,10 ");
	assert_int_equal(node_distance(t, 0, 2), 25);
	assert_int_equal(node_distance(t, 2, 1), 15);
	nc_topology_free(t);
	t = parse_ok("2x1", "10,40"); /* two nodes: the pair form */
	assert_int_equal(node_distance(t, 1, 0), 40);
	nc_topology_free(t);
	t = parse_ok("1x1", "10");
	nc_topology_free(t);
}

static void test_errors(void **state)
{
	(void)state;
	parse_fails("4x", NULL, "--topology '4x' at offset 2: expected a CPU count per node");
	parse_fails("0x4", NULL, "--topology '0x4' at offset 0: a machine needs at least one node");
	parse_fails("4x0", NULL, "--topology '4x0' at offset 2: every node of the compact form needs a CPU");
	parse_fails("4x8:", NULL, "--topology '4x8:' at offset 4: expected a size");
	parse_fails("4x8:0", NULL, "--topology '4x8:0' at offset 4: the compact form needs memory on its nodes");
	parse_fails("4x8:1G,", NULL, "--topology '4x8:1G,' at offset 6: unexpected ',' (the form is NxC[:MEM], e.g. 4x8:16G)");
	parse_fails("4x8:4097", NULL, "--topology '4x8:4097' at offset 4: size 4097 is not a whole number of 4 KiB pages");
	parse_fails("2x1", "11,20", "--distance '11,20' at offset 0: distance of node 0 to itself is 11, not 10");
	parse_fails("2x1", "10,10", "--distance '10,10' at offset 3: distance from node 0 to node 1 must be above 10");
	parse_fails("2x1", "10;20", "--distance '10;20' at offset 2: row 0 has 1 entries, expected 2");
	parse_fails("2x1", "10 x,20", "--distance '10 x,20' at offset 3: expected ',' between local and remote distance");
	parse_fails("2x1", "10,20,", "--distance '10,20,' at offset 5: row 0 has more than 2 entries");
	parse_fails("2x1", "10,", "--distance '10,' at offset 3: expected a distance");
	parse_fails("2x1", "10,20;20,10;", "--distance '10,20;20,10;' at offset 11: more than 2 rows or entries for 2 nodes");
	parse_fails("3x1", "10,20,30;20,10,20", "--distance '10,20,30;20,10,20' at offset 17: expected ';' after row 1 of 3");
	parse_fails("2x1", "10,20,30;20,10", "--distance '10,20,30;20,10' at offset 5: row 0 has more than 2 entries");
	parse_fails("2x1", "10,300;300,10", "--distance '10,300;300,10' at offset 3: distance 300 is above 255");
	parse_fails("2x1", "10,20;30,10", "--distance '10,20;30,10' at offset 6: distance 1->0 is 30 but 0->1 is 20 (this form needs a symmetric matrix)");
	parse_fails("2x1", "10,20;20,10 x", "--distance '10,20;20,10 x' at offset 12: unexpected 'x'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_distances),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/tools/nodestring.c: libnuma's node and CPU strings, the
 * expected masks worked out by hand from libnuma's rules (numbers, and
 * both ends of a range, must be allowed; "+" counts allowed ones; "!"
 * inverts over every configured node, memoryless ones included). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "arch/topology.h"
#include "lib/bitmap.h"
#include "tools/nodestring.h"

/* 4 nodes; node 2 has no CPUs, node 3 no memory (allowed: 0-2) */
static const char sparse[] =
	"available: 4 nodes (0-3)\n"
	"node 0 cpus: 0 1\nnode 0 size: 1024 MB\nnode 0 free: 1000 MB\n"
	"node 1 cpus: 2 3\nnode 1 size: 1024 MB\nnode 1 free: 1000 MB\n"
	"node 2 cpus:\nnode 2 size: 1024 MB\nnode 2 free: 1000 MB\n"
	"node 3 cpus: 4 5\nnode 3 size: 0 MB\nnode 3 free: 0 MB\n"
	"node distances:\nnode   0   1   2   3 \n"
	"  0:  10  20  20  20 \n  1:  20  10  20  20 \n"
	"  2:  20  20  10  20 \n  3:  20  20  20  10 \n";

static struct nc_topology *topo(const char *spec)
{
	struct nc_topology *t = spec == sparse ? nc_topology_parse_text("sparse", sparse,
									strlen(sparse), NULL)
					       : nc_topology_parse(spec, NULL, NULL);

	assert_non_null(t);
	return t;
}

/* The mask s parses to, as a list ("0-2,5"), nodes or (cpus) CPUs. */
static void expect(bool cpus, const char *spec, const char *s, const char *want)
{
	struct nc_topology *t = topo(spec);
	struct nc_error e;
	cpumask_t mask;                 /* the larger of the two */
	char list[64];
	int ret = cpus ? nc_parse_cpustring(t, s, &mask, &e)
		       : nc_parse_nodestring(t, s, (nodemask_t *)&mask, &e);

	if (ret)
		fail_msg("'%s': %s", s, e.msg);
	bitmap_print_list(list, sizeof(list), mask.bits, cpus ? NR_CPUS : MAX_NUMNODES);
	if (strcmp(list, want))
		fail_msg("'%s': got '%s', want '%s'", s, list, want);
	nc_topology_free(t);
}
#define expect_nodes(spec, s, want) expect(false, spec, s, want)
#define expect_cpus(spec, s, want) expect(true, spec, s, want)

static void expect_error(bool cpus, const char *s, const char *msg)
{
	struct nc_topology *t = topo(sparse);
	struct nc_error e = { "" };
	nodemask_t nodes;
	cpumask_t mask;
	int ret = cpus ? nc_parse_cpustring(t, s, &mask, &e)
		       : nc_parse_nodestring(t, s, &nodes, &e);

	assert_int_equal(ret, -22);
	if (strcmp(e.msg, msg))
		fail_msg("'%s': got \"%s\", want \"%s\"", s, e.msg, msg);
	nc_topology_free(t);
}

static void test_nodes(void **state)
{
	(void)state;
	expect_nodes("2s4n", "all", "0-3");
	expect_nodes("2s4n", "1,3", "1,3");
	expect_nodes("2s4n", "0-2", "0-2");
	expect_nodes("2s4n", "!1", "0,2-3");
	expect_nodes("2s4n", "+1-2", "1-2");
	expect_nodes("2s4n", "0x2", "2");       /* strtoul base 0 */
	expect_nodes("2s4n", "", "");
	/* node 3 has no memory: "all" leaves it out, "!" does not */
	expect_nodes(sparse, "all", "0-2");
	expect_nodes(sparse, "!0", "1-3");
	expect_nodes(sparse, "+2", "2");
	expect_nodes(sparse, "!+0-1", "2-3");
}

static void test_cpus(void **state)
{
	(void)state;
	expect_cpus("2s4n", "all", "0-31");
	expect_cpus("2s4n", "!0-15", "16-31");
	expect_cpus("2s4n", "4-7,20", "4-7,20");
	expect_cpus(sparse, "all", "0-5");
	expect_cpus(sparse, "+4", "4");
	expect_cpus(sparse, "!1-4", "0,5");
}

static void test_errors(void **state)
{
	(void)state;
	expect_error(false, "3", "'3' at offset 0: node argument 3 is out of range");
	expect_error(false, "0-3", "'0-3' at offset 2: node argument 3 is out of range");
	expect_error(false, "+3", "'+3' at offset 1: node argument 3 is out of range");
	expect_error(false, "1-", "'1-' at offset 2: missing node argument");
	expect_error(false, "x", "'x' at offset 0: unparseable node description");
	expect_error(false, "1,", "'1,' at offset 2: unparseable node description");
	expect_error(false, "1;2", "'1;2' at offset 1: unexpected ';'");
	expect_error(false, "-1", "'-1' at offset 0: node argument -1 is out of range");
	expect_error(false, "alll", "'alll' at offset 0: unparseable node description");
	expect_error(true, "6", "'6' at offset 0: cpu argument 6 is out of range");
	expect_error(true, "0-9", "'0-9' at offset 2: cpu argument 9 is out of range");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_cpus),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

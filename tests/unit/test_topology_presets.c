// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/arch/topology_presets.c: each preset against its written
 * definition (sockets, nodes, SMT numbering as x86 Linux numbers CPUs,
 * memory, SLIT), worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "test_topology.h"

#define GiB (1ULL << 30)

/* 2s4n: 2 sockets x 2 nodes x 4 cores x 2 threads; first threads are CPUs
 * 0-15 (node n: 4n..4n+3), second threads 16-31; SLIT 10/12/32. */
static void test_2s4n(void **state)
{
	struct nc_topology *t = parse_ok("2s4n", NULL);
	char buf[64];

	(void)state;
	assert_int_equal(t->nr_node_ids, 4);
	assert_int_equal(t->nr_cpu_ids, 32);
	assert_string_equal(node_cpus(t, 0, buf, sizeof(buf)), "0-3,16-19");
	assert_string_equal(node_cpus(t, 3, buf, sizeof(buf)), "12-15,28-31");
	/* CPU 17 is CPU 1's SMT sibling: same package, same core */
	assert_int_equal(t->cpu_package[17], t->cpu_package[1]);
	assert_int_equal(t->cpu_core[17], t->cpu_core[1]);
	assert_int_not_equal(t->cpu_core[2], t->cpu_core[1]);
	/* nodes 0,1 on package 0; 2,3 on package 1; cores numbered per package */
	assert_int_equal(t->cpu_package[4], 0);
	assert_int_equal(t->cpu_core[4], 4);
	assert_int_equal(t->cpu_package[8], 1);
	assert_int_equal(t->cpu_core[8], 0);
	for (int a = 0; a < 4; a++) {
		assert_true(t->nodes[a].mem_bytes == 16 * GiB);
		assert_int_equal(t->nodes[a].nr_cpus, 8);
		for (int b = 0; b < 4; b++)
			assert_int_equal(node_distance(t, a, b),
					 a == b ? 10 : a / 2 == b / 2 ? 12 : 32);
	}
	nc_topology_free(t);
}

/* 8n: EPYC Rome/Milan NPS4, 2 sockets x 4 nodes x 8 cores x 2 threads */
static void test_8n(void **state)
{
	struct nc_topology *t = parse_ok("8n", NULL);
	char buf[64];

	(void)state;
	assert_int_equal(t->nr_node_ids, 8);
	assert_int_equal(t->nr_cpu_ids, 128);
	assert_string_equal(node_cpus(t, 5, buf, sizeof(buf)), "40-47,104-111");
	assert_int_equal(t->cpu_package[40], 1);
	assert_int_equal(t->cpu_package[104], 1);
	assert_int_equal(t->cpu_core[104], t->cpu_core[40]);
	assert_int_equal(node_distance(t, 0, 3), 12);
	assert_int_equal(node_distance(t, 3, 4), 32);
	assert_int_equal(node_distance(t, 7, 4), 12);
	assert_true(t->nodes[7].mem_bytes == 32 * GiB);
	nc_topology_free(t);
}

static void test_small_presets(void **state)
{
	struct nc_topology *t;
	char buf[64];

	(void)state;
	t = parse_ok("1n", NULL);
	assert_int_equal(t->nr_node_ids, 1);
	assert_string_equal(node_cpus(t, 0, buf, sizeof(buf)), "0-7");
	assert_int_equal(t->cpu_core[4], t->cpu_core[0]);
	assert_int_equal(node_distance(t, 0, 0), 10);
	nc_topology_free(t);
	t = parse_ok("2s", NULL);
	assert_string_equal(node_cpus(t, 1, buf, sizeof(buf)), "8-15,24-31");
	assert_int_equal(t->cpu_package[24], 1);
	assert_int_equal(node_distance(t, 0, 1), 21);
	assert_true(t->nodes[1].mem_bytes == 32 * GiB);
	nc_topology_free(t);
	t = parse_ok("4n", NULL);
	assert_string_equal(node_cpus(t, 2, buf, sizeof(buf)), "8-11,24-27");
	assert_int_equal(t->cpu_package[27], 2);
	assert_int_equal(node_distance(t, 3, 1), 21);
	nc_topology_free(t);
}

/* The presets' CPUs: the EPYC ones are AMD Zen 2 / Zen 3, the rest Intel. */
static void test_vendor(void **state)
{
	static const struct { const char *name; enum nc_cpu_vendor v; unsigned int f; } want[] = {
		{ "1n", NC_VENDOR_INTEL, 6 }, { "2s", NC_VENDOR_INTEL, 6 },
		{ "4n", NC_VENDOR_INTEL, 6 }, { "2s4n", NC_VENDOR_AMD, 0x19 },
		{ "8n", NC_VENDOR_AMD, 0x17 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct nc_topology *t = parse_ok(want[i].name, NULL);

		assert_int_equal(t->vendor, want[i].v);
		assert_int_equal(t->x86_family, want[i].f);
		nc_topology_free(t);
	}
	/* the other forms do not say */
	struct nc_topology *t = parse_ok("2x2", NULL);

	assert_int_equal(t->vendor, NC_VENDOR_UNKNOWN);
	assert_int_equal(t->x86_family, 0);
	nc_topology_free(t);
}

/* nc_machine_create() with no topology boots the default, 2s4n. */
static void test_default(void **state)
{
	struct nc_machine_config cfg = { 0 };
	struct nc_error e;
	struct nc_machine *m = nc_machine_create(&cfg, &e);

	(void)state;
	assert_non_null(m);
	assert_string_equal(m->topo->name, NC_DEFAULT_TOPOLOGY);
	assert_int_equal(m->topo->nr_node_ids, 4);
	assert_int_equal(node_distance(m->topo, 1, 2), 32);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2s4n),
		cmocka_unit_test(test_vendor),
		cmocka_unit_test(test_8n),
		cmocka_unit_test(test_small_presets),
		cmocka_unit_test(test_default),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

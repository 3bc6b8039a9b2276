// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/drivers/base/node.c: every per-node file of the golden
 * scenario (tests/unit/mm_machine.h, counts worked out there by hand)
 * against tests/golden/node/, the distance separator quirk, and the host's
 * own /sys/devices/system/node/node0 files for keys and spacing, its
 * node-state files and node0's cpumap byte for byte; the golden machine's
 * node states and cpumaps worked by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "drivers/base/node.h"
#include "unit/mm_machine.h"

typedef int (*node_show)(const struct nc_machine *m, int nid, char *buf);

static const struct {
	const char *name;
	node_show show;
} files[] = {
	{ "numastat", node_read_numastat },
	{ "distance", node_read_distance },
	{ "meminfo", node_read_meminfo },
	{ "cpulist", node_read_cpulist },
	{ "vmstat", node_read_vmstat },
};

static void test_golden_files(void **state)
{
	struct nc_machine *m = mm_golden_machine();

	(void)state;
	assert_non_null(m);
	for (int nid = 0; nid < 4; nid++) {
		for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
			char buf[NODE_ATTR_BUF_SIZE], path[64];
			int len = files[i].show(m, nid, buf);

			assert_int_equal(len, (int)strlen(buf));
			snprintf(path, sizeof(path), "node/node%d/%s", nid, files[i].name);
			if (mm_golden_check(path, buf, (size_t)len))
				fail_msg("%s differs from tests/golden/%s:\n%s", files[i].name, path, buf);
		}
	}
	mm_machine_free(m);
}

/* Spot checks of the golden scenario's counts without the golden files. */
static void test_scenario_counts(void **state)
{
	struct nc_machine *m = mm_golden_machine();
	char buf[NODE_ATTR_BUF_SIZE];

	(void)state;
	assert_non_null(m);
	node_read_numastat(m, 1, buf);
	assert_string_equal(buf, "numa_hit 908\nnuma_miss 0\nnuma_foreign 1\n"
				 "interleave_hit 0\nlocal_node 0\nother_node 908\n");
	node_read_numastat(m, 0, buf);
	assert_string_equal(buf, "numa_hit 4\nnuma_miss 1\nnuma_foreign 0\n"
				 "interleave_hit 0\nlocal_node 4\nother_node 1\n");
	node_read_meminfo(m, 0, buf);
	/* 16384 pages, 5 held: 16379 free = 65516 kB */
	assert_non_null(strstr(buf, "Node 0 MemTotal:          65536 kB\n"
				    "Node 0 MemFree:           65516 kB\n"
				    "Node 0 MemUsed:              20 kB\n"));
	assert_non_null(strstr(buf, "Node 0 KernelStack:          16 kB\n"));
	assert_non_null(strstr(buf, "Node 0 Slab:                 12 kB\n"));
	node_read_cpulist(m, 2, buf);
	assert_string_equal(buf, "4-5\n");
	node_read_cpulist(m, 3, buf);
	assert_string_equal(buf, "\n");
	node_read_distance(m, 2, buf);
	assert_string_equal(buf, "32 32 10 12\n");
	mm_machine_free(m);
}

/* B-D-3: the separator precedes every node but node 0, so with node 0
 * offline the line starts with a space. */
static void test_distance_node0_offline(void **state)
{
	static const unsigned long long mem[] = { 0, 64, 64 };
	static const unsigned int cpus[] = { 0, 1, 1 };
	struct nc_machine *m = mm_machine(3, mem, cpus, NULL);
	char buf[NODE_ATTR_BUF_SIZE];

	(void)state;
	assert_non_null(m);
	node_clear(0, m->topo->online);
	assert_int_equal(node_read_distance(m, 1, buf), 7);
	assert_string_equal(buf, " 10 20\n");
	mm_machine_free(m);
}

/* The host's node0 files: the same keys in the same order, each meminfo
 * line as long as the host's (the %8lu field), distance and cpulist equal. */
static void test_host_formats(void **state)
{
	static char host[65536];
	char buf[NODE_ATTR_BUF_SIZE];
	struct nc_machine *m;
	char *line, *save = NULL;
	const char *prev = host;

	(void)state;
	if (!mm_slurp("/sys/devices/system/node/node0/meminfo", host, sizeof(host)))
		skip();
	m = mm_host_like();
	if (!m)
		skip();
	node_read_meminfo(m, 0, buf);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char key[64];
		const char *h, *eol;

		snprintf(key, sizeof(key), "%.*s", (int)(strchr(line, ':') - line + 1), line);
		h = strstr(prev, key);
		if (!h)
			fail_msg("host meminfo lacks '%s' (or has it earlier)", key);
		eol = strchr(h, '\n');
		assert_int_equal(eol - h, (long)strlen(line));
		prev = eol;
	}
	assert_non_null(mm_slurp("/sys/devices/system/node/node0/numastat", host, sizeof(host)));
	node_read_numastat(m, 0, buf);
	for (char *a = buf, *b = host; *a; a = strchr(a, '\n') + 1, b = strchr(b, '\n') + 1)
		assert_memory_equal(a, b, (size_t)(strchr(a, ' ') - a + 1));
	assert_non_null(mm_slurp("/sys/devices/system/node/node0/distance", host, sizeof(host)));
	node_read_distance(m, 0, buf);
	assert_string_equal(buf, host);
	assert_non_null(mm_slurp("/sys/devices/system/node/node0/cpulist", host, sizeof(host)));
	node_read_cpulist(m, 0, buf);
	assert_string_equal(buf, host);
	assert_non_null(mm_slurp("/sys/devices/system/node/node0/cpumap", host, sizeof(host)));
	node_read_cpumap(m, 0, buf);
	assert_string_equal(buf, host);
	for (int i = 0; i < NR_NODE_STATES; i++) {
		char path[96];

		snprintf(path, sizeof(path), "/sys/devices/system/node/%s", node_state_names[i]);
		assert_non_null(mm_slurp(path, host, sizeof(host)));
		show_node_state(m, (enum node_states)i, buf);
		assert_string_equal(buf, host);
	}
	nc_machine_destroy(m);
}

/* The golden machine's node states and masks, by hand: nodes 0-3 possible
 * and online, node 2 without memory, node 3 without CPUs; node 2 has CPUs
 * 4-5, bits 4 and 5 of a 6-CPU mask. */
static void test_states_and_cpumap(void **state)
{
	static const char *const want[NR_NODE_STATES] = {
		"0-3\n", "0-3\n", "0-1,3\n", "0-1,3\n", "0-2\n",
	};
	struct nc_machine *m = mm_golden_machine();
	char buf[NODE_ATTR_BUF_SIZE];

	(void)state;
	assert_non_null(m);
	for (int i = 0; i < NR_NODE_STATES; i++) {
		assert_int_equal(show_node_state(m, (enum node_states)i, buf), (int)strlen(want[i]));
		assert_string_equal(buf, want[i]);
	}
	node_read_cpumap(m, 2, buf);
	assert_string_equal(buf, "30\n");
	node_read_cpumap(m, 3, buf);
	assert_string_equal(buf, "00\n");
	mm_machine_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_files),
		cmocka_unit_test(test_scenario_counts),
		cmocka_unit_test(test_distance_node0_offline),
		cmocka_unit_test(test_host_formats),
		cmocka_unit_test(test_states_and_cpumap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

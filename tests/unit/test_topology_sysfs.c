// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/arch/topology_sysfs.c: copied sysfs trees
 * (tests/golden/topology/sysfs/), the host's own tree checked against the
 * host, and the three per-node file formats with their errors. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "arch/topology_sysfs.h"
#include "test_topology.h"

#define GOLDEN "tests/golden/topology/sysfs/"

static void test_system_tree(void **state)
{
	struct nc_topology *t = parse_ok(GOLDEN "epyc-2n", NULL);
	char buf[64];

	(void)state;
	assert_string_equal(t->name, "epyc-2n");
	assert_int_equal(t->nr_node_ids, 2);
	assert_int_equal(t->nr_cpu_ids, 16);                  /* cpu/possible */
	assert_string_equal(node_cpus(t, 1, buf, sizeof(buf)), "4-7,12-15");
	assert_true(t->nodes[0].mem_bytes == 16382556ULL << 10); /* MemTotal kB */
	assert_int_equal(node_distance(t, 1, 0), 32);
	/* cpu/cpuN/topology: CPU 13 is core 1 of package 1, sibling of CPU 5 */
	assert_int_equal(t->cpu_core[13], 1);
	assert_int_equal(t->cpu_package[13], 1);
	assert_int_equal(t->cpu_core[5], 1);
	/* no cpu/kernel_max: the kernel is Debian's, built for NR_CPUS */
	assert_int_equal(t->config_nr_cpus, NR_CPUS);
	nc_topology_free(t);
	/* cpu/kernel_max 255: a kernel built for 256 CPUs */
	t = parse_ok(GOLDEN "recorder-1n2c", NULL);
	assert_int_equal(t->nr_cpu_ids, 2);
	assert_int_equal(t->config_nr_cpus, 256);
	nc_topology_free(t);
	/* the node directory itself: cpu/ found beside it */
	t = parse_ok(GOLDEN "epyc-2n/node", NULL);
	assert_int_equal(t->cpu_package[13], 1);
	nc_topology_free(t);
}

static void test_bare_node_dir(void **state)
{
	struct nc_topology *t = parse_ok(GOLDEN "sparse-memoryless", NULL);

	(void)state;
	assert_int_equal(t->nr_node_ids, 3);
	assert_false(t->nodes[1].online);
	assert_true(t->nodes[2].online);
	assert_false(node_isset(2, t->memory));
	assert_int_equal(node_distance(t, 2, 0), 20);
	assert_int_equal(t->cpu_package[5], 2);  /* no cpu/: its node */
	assert_int_equal(t->cpu_core[5], 5);
	nc_topology_free(t);
}

/* Node directories, CPUs and memory as the host's own files say. */
static void test_host(void **state)
{
	struct nc_topology *t = parse_ok("host", NULL);
	DIR *dir = opendir("/sys/devices/system/node");
	unsigned int dirs = 0, cpus = 0;
	struct dirent *e;

	(void)state;
	assert_non_null(dir);
	while ((e = readdir(dir)))
		dirs += !strncmp(e->d_name, "node", 4) && e->d_name[4] >= '0' && e->d_name[4] <= '9';
	closedir(dir);
	assert_string_equal(t->name, "host");
	assert_int_equal(nodes_weight(t->online), dirs);
	for (unsigned int c = 0; c < t->nr_cpu_ids; c++)
		cpus += t->cpu_node[c] >= 0;
	assert_int_equal(cpus, sysconf(_SC_NPROCESSORS_ONLN));
	assert_int_equal(t->nr_cpu_ids, sysconf(_SC_NPROCESSORS_CONF));
	/* NR_CPUS as the host's kernel was built (kernel_max is NR_CPUS - 1) */
	FILE *f = fopen("/sys/devices/system/cpu/kernel_max", "r");
	unsigned int kernel_max;

	assert_non_null(f);
	assert_int_equal(fscanf(f, "%u", &kernel_max), 1);
	fclose(f);
	assert_int_equal(t->config_nr_cpus, kernel_max + 1);
	nc_topology_free(t);
}

/* Runs one file parser on text for node nid of a machine with nodes 0 and 2. */
static int file(int (*parse)(struct nc_topo_draft *, int), const char *text, int nid,
		struct nc_error *e, struct nc_topo_draft **out)
{
	static struct nc_topo_src src;
	struct nc_topo_draft *d;
	int ret;

	src = (struct nc_topo_src){ "f", text, true };
	d = nc_topo_draft_new(&src, e);
	nc_topo_add_node(d, 0, text);
	nc_topo_add_node(d, 2, text);
	ret = parse(d, nid);
	if (out)
		*out = d;
	else
		nc_topo_draft_free(d);
	return ret;
}

static void test_file_formats(void **state)
{
	struct nc_topo_draft *d;
	struct nc_error e;

	(void)state;
	assert_int_equal(file(nc_topo_sysfs_cpulist, "0-2,5\n", 2, &e, &d), 0);
	assert_int_equal(d->cpu_node[5], 2);
	assert_int_equal(d->cpu_node[3], -1);
	nc_topo_draft_free(d);
	assert_int_equal(file(nc_topo_sysfs_cpulist, "\n", 2, &e, NULL), 0); /* CPU-less */
	assert_int_not_equal(file(nc_topo_sysfs_cpulist, "0-9000\n", 0, &e, NULL), 0);
	assert_string_equal(e.msg, "f:1:1: CPU beyond the limit of 8192 CPUs");
	assert_int_not_equal(file(nc_topo_sysfs_cpulist, "3\n4\n", 0, &e, NULL), 0);
	assert_string_equal(e.msg, "f:2:1: unexpected text");

	assert_int_equal(file(nc_topo_sysfs_meminfo, "Node 2 MemTotal:  8 kB\n", 2, &e, &d), 0);
	assert_true(d->mem[2] == 8192);
	nc_topo_draft_free(d);
	assert_int_not_equal(file(nc_topo_sysfs_meminfo, "Node 0 MemFree: 8 kB\n", 0, &e, NULL), 0);
	assert_string_equal(e.msg, "f:2:1: no MemTotal line");
	assert_int_not_equal(file(nc_topo_sysfs_meminfo, "Node 0 MemTotal: 8 kB\n", 2, &e, NULL), 0);
	assert_string_equal(e.msg, "f:1:6: meminfo of node 0 in the directory of node 2");
	assert_int_not_equal(file(nc_topo_sysfs_meminfo, "Node 2 MemTotal: 8 MB\n", 2, &e, NULL), 0);
	assert_string_equal(e.msg, "f:1:20: expected 'kB'");
	assert_int_not_equal(file(nc_topo_sysfs_meminfo, "Node 2 MemTotal: 6 kB\n", 2, &e, NULL), 0);
	assert_string_equal(e.msg, "f:1:18: 6 kB is not a whole number of 4 KiB pages");

	/* one entry per online node (0 and 2), in id order */
	assert_int_equal(file(nc_topo_sysfs_distance, "17 10\n", 2, &e, &d), 0);
	assert_int_equal(nc_topo_distance(d, 2, 0), 17);
	nc_topo_draft_free(d);
	assert_int_not_equal(file(nc_topo_sysfs_distance, "10\n", 0, &e, NULL), 0);
	assert_string_equal(e.msg, "f:1:3: expected a distance");
	assert_int_not_equal(file(nc_topo_sysfs_distance, "10 20 30\n", 0, &e, NULL), 0);
	assert_string_equal(e.msg, "f:1:7: unexpected text");
	assert_int_not_equal(file(nc_topo_sysfs_distance, "10 5\n", 0, &e, NULL), 0);
	assert_string_equal(e.msg, "f:1:4: distance 5 is below 10");
}

static void test_tree_errors(void **state)
{
	char dir[] = "/tmp/nc-sysfs-XXXXXX", path[256], want[512];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/node1024", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	/* the entry's name is the input, the node id its position */
	{
		struct nc_error e = { "" };

		assert_null(nc_topology_parse(dir, NULL, &e));
		assert_string_equal(e.msg, "node1024 at offset 4: node 1024 is beyond the limit of 1024 nodes");
	}
	rmdir(path);
	snprintf(path, sizeof(path), "%s/node0", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/node0/cpulist", dir);
	f = fopen(path, "w");
	fputs("0\n", f);
	fclose(f);
	snprintf(want, sizeof(want), "%s/node0/meminfo: No such file or directory", dir);
	parse_fails(dir, NULL, want);
	unlink(path);
	snprintf(path, sizeof(path), "%s/node0", dir);
	rmdir(path);
	snprintf(want, sizeof(want), "%s at offset 0: no NUMA node is described", dir);
	parse_fails(dir, NULL, want);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_system_tree),
		cmocka_unit_test(test_bare_node_dir),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_file_formats),
		cmocka_unit_test(test_tree_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

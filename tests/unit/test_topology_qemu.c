// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/arch/topology_qemu.c: QEMU's rules for -numa node/dist/cpu,
 * -smp, -m and memory backends (hw/core/numa.c, machine.c, machine-smp.c),
 * worked out by hand from those rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_topology.h"

#define MiB (1ULL << 20)

static void test_nodes_and_memory(void **state)
{
	struct nc_topology *t;
	char buf[64];

	(void)state;
	/* legacy mem= counts MiB without a suffix; node ids default to 0, 1, ... */
	t = parse_ok("-numa node,cpus=0-1,mem=512 -numa node,cpus=2,cpus=3,mem=1G", NULL);
	assert_true(t->nodes[0].mem_bytes == 512 * MiB);
	assert_true(t->nodes[1].mem_bytes == 1024 * MiB);
	assert_string_equal(node_cpus(t, 1, buf, sizeof(buf)), "2-3");
	assert_int_equal(node_distance(t, 0, 1), 20); /* no -numa dist: no SLIT */
	nc_topology_free(t);
	/* memdev= takes a backend's size (bytes without a suffix); -m must match */
	t = parse_ok("-m 3G -object memory-backend-ram,id=a,size=2147483648 "
		     "-object memory-backend-memfd,id=b,size=1G,share=on "
		     "-numa node,nodeid=1,memdev=b,cpus=1 -numa node,nodeid=0,memdev=a,cpus=0", NULL);
	assert_true(t->nodes[0].mem_bytes == 2048 * MiB);
	assert_true(t->nodes[1].mem_bytes == 1024 * MiB);
	nc_topology_free(t);
	/* a node without memory is memoryless; --numa and type= spellings */
	t = parse_ok("--numa type=node,cpus=0,mem=1G -numa node,cpus=1", NULL);
	assert_false(node_isset(1, t->memory));
	assert_true(node_isset(1, t->has_cpu));
	nc_topology_free(t);
}

static void test_distances(void **state)
{
	struct nc_topology *t;

	(void)state;
	/* one direction given: mirrored */
	t = parse_ok("-numa node,cpus=0,mem=1G -numa node,cpus=1,mem=1G -numa node,cpus=2,mem=1G "
		     "-numa dist,src=0,dst=1,val=21 -numa dist,src=2,dst=0,val=31 "
		     "-numa dist,src=1,dst=2,val=21", NULL);
	assert_int_equal(node_distance(t, 1, 0), 21);
	assert_int_equal(node_distance(t, 0, 2), 31);
	assert_int_equal(node_distance(t, 2, 1), 21);
	assert_int_equal(node_distance(t, 2, 2), 10);
	nc_topology_free(t);
	/* asymmetric and complete: kept */
	t = parse_ok("-numa node,cpus=0,mem=1G -numa node,cpus=1,mem=1G "
		     "-numa dist,src=0,dst=1,val=20 -numa dist,src=1,dst=0,val=30", NULL);
	assert_int_equal(node_distance(t, 0, 1), 20);
	assert_int_equal(node_distance(t, 1, 0), 30);
	nc_topology_free(t);
	parse_fails("-numa node,cpus=0,mem=1G -numa node,cpus=1,mem=1G -numa node,cpus=2,mem=1G "
		    "-numa dist,src=0,dst=1,val=20 -numa dist,src=1,dst=0,val=30 "
		    "-numa dist,src=0,dst=2,val=25 -numa dist,src=1,dst=2,val=25", NULL,
		    "--topology '-numa node,cpus=0,mem=1G -numa node,cpus...' at offset 81: "
		    "distances are asymmetric, so node 2 to 0 needs a value too");
	parse_fails("-numa node,cpus=0,mem=1G -numa node,cpus=1,mem=1G -numa node,cpus=2,mem=1G "
		    "-numa dist,src=0,dst=1,val=20", NULL,
		    "--topology '-numa node,cpus=0,mem=1G -numa node,cpus...' at offset 81: "
		    "distance between node 0 and 2 is missing");
	parse_fails("-numa node,cpus=0,mem=1G -numa dist,src=0,dst=1,val=20", NULL,
		    "--topology '-numa node,cpus=0,mem=1G -numa dist,src=...' at offset 46: "
		    "node 1 is not declared by an earlier -numa node");
	parse_fails("-numa node,cpus=0,mem=1G -numa dist,src=0,dst=0,val=11", NULL,
		    "--topology '-numa node,cpus=0,mem=1G -numa dist,src=...' at offset 52: "
		    "distance of node 0 to itself is 11, not 10");
	parse_fails("-numa node,mem=1G,cpus=0 -numa node -numa dist,src=0,dst=1,val=10", NULL,
		    "--topology '-numa node,mem=1G,cpus=0 -numa node -num...' at offset 63: "
		    "distance from node 0 to node 1 must be above 10");
	parse_fails("-numa node,mem=1G,cpus=0 -numa dist,src=0,dst=0", NULL,
		    "--topology '-numa node,mem=1G,cpus=0 -numa dist,src=...' at offset 31: "
		    "-numa dist needs src=, dst= and val=");
}

static void test_smp(void **state)
{
	struct nc_topology *t;
	char buf[64];

	(void)state;
	/* threads are consecutive CPUs in a QEMU guest; no cpus=: socket % nodes */
	t = parse_ok("-smp 8,sockets=2,cores=2,threads=2 -numa node,mem=1G -numa node,mem=1G", NULL);
	assert_string_equal(node_cpus(t, 1, buf, sizeof(buf)), "4-7");
	assert_int_equal(t->cpu_core[1], t->cpu_core[0]);
	assert_int_not_equal(t->cpu_core[2], t->cpu_core[0]);
	assert_int_equal(t->cpu_package[5], 1);
	nc_topology_free(t);
	/* since QEMU 6.2 a bare count means one socket of that many cores */
	t = parse_ok("-smp 6 -numa node,mem=1G -numa node,mem=1G", NULL);
	assert_string_equal(node_cpus(t, 0, buf, sizeof(buf)), "0-5");
	assert_int_equal(t->cpu_core[5], 5);
	assert_false(node_isset(1, t->has_cpu));
	nc_topology_free(t);
	/* sockets given, cores derived; CPUs 4-7 are hot-pluggable, not online */
	t = parse_ok("-smp cpus=4,maxcpus=8,sockets=2 -numa node,mem=1G,cpus=0-7", NULL);
	assert_int_equal(t->nr_cpu_ids, 8);
	assert_int_equal(cpu_to_node(t, 3), 0);
	assert_int_equal(cpu_to_node(t, 5), -1);
	assert_int_equal(t->cpu_package[3], 0);
	nc_topology_free(t);
	parse_fails("-smp 8,sockets=3,cores=2 -numa node,mem=1G", NULL,
		    "--topology '-smp 8,sockets=3,cores=2 -numa node,mem=...' at offset 5: "
		    "sockets*dies*clusters*cores*threads is 6, not maxcpus 8");
	parse_fails("-smp 8,maxcpus=4 -numa node,mem=1G", NULL,
		    "--topology '-smp 8,maxcpus=4 -numa node,mem=1G' at offset 5: cpus 8 is above maxcpus 4");
	parse_fails("-smp 4,books=2 -numa node,mem=1G", NULL,
		    "--topology '-smp 4,books=2 -numa node,mem=1G' at offset 7: unknown parameter 'books' for -smp");
	parse_fails("-smp 4 -numa node,mem=1G,cpus=4", NULL,
		    "--topology '-smp 4 -numa node,mem=1G,cpus=4' at offset 30: CPU index 4 is not below maxcpus 4");
	parse_fails("-smp 9000 -numa node,mem=1G", NULL,
		    "--topology '-smp 9000 -numa node,mem=1G' at offset 5: expected a CPU count of at most 8192");
}

static void test_numa_cpu(void **state)
{
	struct nc_topology *t;
	char buf[64];

	(void)state;
	t = parse_ok("-smp 8,sockets=2,cores=2,threads=2 -numa node,mem=1G -numa node,mem=1G "
		     "-numa cpu,node-id=1,socket-id=0 -numa cpu,node-id=0,socket-id=1,core-id=0 "
		     "-numa cpu,node-id=1,socket-id=1,core-id=1,thread-id=1", NULL);
	/* CPU 6 matched nothing: the default, socket 1 % 2 nodes = node 1 */
	assert_string_equal(node_cpus(t, 1, buf, sizeof(buf)), "0-3,6-7");
	assert_string_equal(node_cpus(t, 0, buf, sizeof(buf)), "4-5");
	nc_topology_free(t);
	parse_fails("-smp 2 -numa node,mem=1G,cpus=0 -numa node -numa cpu,node-id=1,core-id=0", NULL,
		    "--topology '-smp 2 -numa node,mem=1G,cpus=0 -numa no...' at offset 61: "
		    "CPU 0 is in node 0 and node 1");
	parse_fails("-smp 2 -numa node,mem=1G -numa cpu,node-id=0,socket-id=1", NULL,
		    "--topology '-smp 2 -numa node,mem=1G -numa cpu,node-...' at offset 31: "
		    "no CPU of -smp matches this -numa cpu");
	parse_fails("-numa node,mem=1G -numa cpu,socket-id=0", NULL,
		    "--topology '-numa node,mem=1G -numa cpu,socket-id=0' at offset 24: "
		    "-numa cpu needs node-id=");
}

static void test_errors(void **state)
{
	(void)state;
	parse_fails("-numa node,nodeid=1,cpus=0,mem=1G", NULL,
		    "--topology '-numa node,nodeid=1,cpus=0,mem=1G' at offset 6: "
		    "node id 0 is missing (QEMU needs ids 0 to 1)");
	parse_fails("-numa node,mem=1G,cpus=0 -numa node,nodeid=0", NULL,
		    "--topology '-numa node,mem=1G,cpus=0 -numa node,node...' at offset 31: "
		    "node 0 is declared twice");
	parse_fails("-numa node,nodeid=1024,mem=1G", NULL,
		    "--topology '-numa node,nodeid=1024,mem=1G' at offset 6: "
		    "node 1024 is beyond the limit of 1024 nodes");
	parse_fails("-numa node,cpus=0-1,mem=1G -numa node,cpus=1,mem=1G", NULL,
		    "--topology '-numa node,cpus=0-1,mem=1G -numa node,cp...' at offset 43: "
		    "CPU 1 is in node 0 and node 1");
	parse_fails("-numa node,cpus=0,mem=1G -numa node,memdev=m", NULL,
		    "--topology '-numa node,cpus=0,mem=1G -numa node,memd...' at offset 36: "
		    "use either mem= or memdev=, not both");
	parse_fails("-m 2G -numa node,cpus=0,mem=1G", NULL,
		    "--topology '-m 2G -numa node,cpus=0,mem=1G' at offset 3: "
		    "the nodes' memory adds up to 1073741824 bytes, not the -m RAM size 2147483648");
	parse_fails("-numa node,cpus=0,mem=1.5G", NULL,
		    "--topology '-numa node,cpus=0,mem=1.5G' at offset 23: unexpected '.' in a size");
	parse_fails("-numa node,cpus=3-1,mem=1G", NULL,
		    "--topology '-numa node,cpus=3-1,mem=1G' at offset 16: CPU range 3-1 runs backwards");
	parse_fails("-numa nodes,mem=1G", NULL,
		    "--topology '-numa nodes,mem=1G' at offset 6: unknown -numa type 'nodes' (node, dist, cpu)");
	parse_fails("-numa node,mem=1G,cpus=0 -numa", NULL,
		    "--topology '-numa node,mem=1G,cpus=0 -numa' at offset 25: -numa needs an argument");
	parse_fails("-smp 2", NULL, "--topology '-smp 2' at offset 6: no -numa node option");
	parse_fails("-numa node,cpus=0", NULL, "--topology '-numa node,cpus=0' at offset 17: no node has memory");
}

/* A file: words split over lines with "\", comments, other options skipped */
static void test_file(void **state)
{
	static const char args[] = "#!/bin/sh\nexec qemu-system-x86_64 -enable-kvm \\\n"
		"  -numa hmat-lb,initiator=0,target=0,hierarchy=memory,data-type=access-latency,latency=5 \\\n"
		"  -numa node,cpus=0,mem=1G # the only node\n -nographic\n";
	struct nc_error e;
	struct nc_topology *t = nc_topology_parse_text("run.sh", args, sizeof(args) - 1, &e);

	(void)state;
	assert_non_null(t);
	assert_int_equal(nodes_weight(t->online), 1);
	nc_topology_free(t);
	assert_null(nc_topology_parse_text("run.sh", "-numa node,mem=1G,cpus=0\n -numa node,bad=1", 41, &e));
	assert_string_equal(e.msg, "run.sh:2:13: unknown parameter 'bad' for -numa node");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nodes_and_memory),
		cmocka_unit_test(test_distances),
		cmocka_unit_test(test_smp),
		cmocka_unit_test(test_numa_cpu),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/tools/numactl.c: `numactl --hardware` text, written by hand
 * from numactl's printf formats ("% 3d " in 2.0.16, "% 4d " in 2.0.19; a
 * blank ends every table line; the node list compressed like "0,2-3"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "arch/topology.h"
#include "tools/numactl.h"

static char *render(const char *spec, const char *distance, enum numactl_version v)
{
	static const unsigned long long free_bytes[MAX_NUMNODES] = {
		[0] = 5ULL << 20, [2] = 1000ULL << 20, [3] = (7ULL << 20) + 4095, [300] = 0,
	};
	struct nc_error e;
	struct nc_topology *t = nc_topology_parse(spec, distance, &e);
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(t);
	numactl_print_hardware(f, t, free_bytes, v);
	fclose(f);
	nc_topology_free(t);
	return out;
}

static void test_2_0_16(void **state)
{
	char *s = render("-numa node,cpus=0,cpus=3,mem=64M -numa node,mem=0 "
			 "-numa node,cpus=1-2,mem=1G -numa node,mem=8M "
			 "-numa dist,src=0,dst=1,val=11 -numa dist,src=0,dst=2,val=21 "
			 "-numa dist,src=0,dst=3,val=255 -numa dist,src=1,dst=2,val=31 "
			 "-numa dist,src=1,dst=3,val=41 -numa dist,src=2,dst=3,val=51", NULL,
			 NUMACTL_2_0_16);

	(void)state;
	assert_string_equal(s,
		"available: 4 nodes (0-3)\n"
		"node 0 cpus: 0 3\n"
		"node 0 size: 64 MB\n"
		"node 0 free: 5 MB\n"
		"node 1 cpus:\n"
		"node 1 size: 0 MB\n"
		"node 1 free: 0 MB\n"
		"node 2 cpus: 1 2\n"
		"node 2 size: 1024 MB\n"
		"node 2 free: 1000 MB\n"
		"node 3 cpus:\n"
		"node 3 size: 8 MB\n"
		"node 3 free: 7 MB\n"
		"node distances:\n"
		"node   0   1   2   3 \n"
		"  0:  10  11  21  255 \n" /* the ' ' flag: a 3-digit value takes 4 */
		"  1:  11  10  31  41 \n"
		"  2:  21  31  10  51 \n"
		"  3:  255  41  51  10 \n");
	free(s);
}

/* sparse ids 0, 2, 3, 300; the 2.0.19 columns; a 3-digit id gets "% 4d" */
static void test_2_0_19_sparse(void **state)
{
	char *s;
	char text[] = "available: 4 nodes (0,2-3,300)\n"
		"node 0 cpus: 0\nnode 0 size: 16 MB\nnode 0 free: 1 MB\n"
		"node 2 cpus: 1\nnode 2 size: 16 MB\nnode 2 free: 1 MB\n"
		"node 3 cpus:\nnode 3 size: 16 MB\nnode 3 free: 1 MB\n"
		"node 300 cpus:\nnode 300 size: 16 MB\nnode 300 free: 1 MB\n"
		"node distances:\nnode 0 2 3 300\n0: 10 20 20 20\n2: 20 10 20 20\n"
		"3: 20 20 10 20\n300: 20 20 20 10\n";
	struct nc_error e;
	struct nc_topology *t = nc_topology_parse_text("t", text, sizeof(text) - 1, &e);
	static const unsigned long long free_bytes[MAX_NUMNODES] = { [300] = 3ULL << 20 };
	size_t len;
	FILE *f = open_memstream(&s, &len);

	(void)state;
	assert_non_null(t);
	numactl_print_hardware(f, t, free_bytes, NUMACTL_2_0_19);
	fclose(f);
	assert_string_equal(s,
		"available: 4 nodes (0,2-3,300)\n"
		"node 0 cpus: 0\nnode 0 size: 16 MB\nnode 0 free: 0 MB\n"
		"node 2 cpus: 1\nnode 2 size: 16 MB\nnode 2 free: 0 MB\n"
		"node 3 cpus:\nnode 3 size: 16 MB\nnode 3 free: 0 MB\n"
		"node 300 cpus:\nnode 300 size: 16 MB\nnode 300 free: 3 MB\n"
		"node distances:\n"
		"node     0    2    3  300 \n"
		"   0:   10   20   20   20 \n"
		"   2:   20   10   20   20 \n"
		"   3:   20   20   10   20 \n"
		" 300:   20   20   20   10 \n");
	free(s);
	nc_topology_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2_0_16),
		cmocka_unit_test(test_2_0_19_sparse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/drivers/base/cpu.c: /sys/devices/system/cpu/{online,
 * possible,present} byte for byte against the host's on a machine that
 * mirrors it, and by hand on a topology whose CPU ids have a gap (numactl
 * --hardware text naming CPUs 0-1 and 4-5: ids below 6 are possible, 2-3
 * not present).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "nc_boot.h"
#include "drivers/base/cpu.h"
#include "unit/mm_machine.h"

/* The text of show_cpus_attr(), into buf. */
static void show(struct nc_machine *m, enum nc_cpu_map map, char *buf, size_t size)
{
	FILE *f = fmemopen(buf, size, "w");

	assert_non_null(f);
	show_cpus_attr(m, map, f);
	fclose(f);
}

static void test_host(void **state)
{
	struct nc_machine *m = mm_host_like();
	char host[4096], model[4096], path[64];

	(void)state;
	if (!m)
		skip();
	for (int i = 0; i < NR_NC_CPU_MAPS; i++) {
		snprintf(path, sizeof(path), "/sys/devices/system/cpu/%s", cpu_map_names[i]);
		if (!mm_slurp(path, host, sizeof(host)))
			skip();
		show(m, (enum nc_cpu_map)i, model, sizeof(model));
		assert_string_equal(model, host);
	}
	nc_machine_destroy(m);
}

static void test_gap(void **state)
{
	char file[] = "/tmp/test_cpu.XXXXXX", buf[64];
	int fd = mkstemp(file);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	struct nc_machine *m;

	(void)state;
	assert_non_null(f);
	fputs("available: 2 nodes (0-1)\nnode 0 cpus: 0 1\nnode 0 size: 64 MB\n"
	      "node 0 free: 60 MB\nnode 1 cpus: 4 5\nnode 1 size: 64 MB\n"
	      "node 1 free: 60 MB\nnode distances:\nnode   0   1\n"
	      "  0:  10  20\n  1:  20  10\n", f);
	fclose(f);
	m = nc_boot(file);
	unlink(file);
	show(m, NC_CPU_POSSIBLE, buf, sizeof(buf));
	assert_string_equal(buf, "0-5\n");
	show(m, NC_CPU_PRESENT, buf, sizeof(buf));
	assert_string_equal(buf, "0-1,4-5\n");
	show(m, NC_CPU_ONLINE, buf, sizeof(buf));
	assert_string_equal(buf, "0-1,4-5\n");
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_gap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

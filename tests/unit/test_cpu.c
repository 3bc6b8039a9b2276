// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/drivers/base/cpu.c: /sys/devices/system/cpu/{online,
 * possible,present} byte for byte against the host's (whose three are the
 * same unless it has hotplug slots or offline CPUs) on a machine that
 * mirrors it, and by hand on a topology whose CPU ids have a gap (numactl
 * --hardware text naming CPUs 0-1 and 4-5: 2-3 are not possible, the
 * model having no CPU hotplug).
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
static void show(struct nc_machine *m, char *buf, size_t size)
{
	FILE *f = fmemopen(buf, size, "w");

	assert_non_null(f);
	show_cpus_attr(m, f);
	fclose(f);
}

/* A host with hotplug slots (possible beyond present) or offline CPUs
 * differs from the model there; those files are left out. */
static void test_host(void **state)
{
	struct nc_machine *m = mm_host_like();
	char online[4096], host[4096], model[4096], path[64];

	(void)state;
	if (!m || !mm_slurp("/sys/devices/system/cpu/online", online, sizeof(online)))
		skip();
	show(m, model, sizeof(model));
	assert_string_equal(model, online);
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "/sys/devices/system/cpu/%s",
			 (const char *[]){ "possible", "present" }[i]);
		if (mm_slurp(path, host, sizeof(host)) && !strcmp(host, online))
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
	show(m, buf, sizeof(buf));
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

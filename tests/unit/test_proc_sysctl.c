// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/proc_sysctl.c: the host's /proc/sys files are the
 * oracle for the format and for the values that follow the same rule on a
 * machine that mirrors the host (pid_max from the CPU count; the vm
 * defaults). lowmem_reserve_ratio has one value per zone: the host's last
 * is ZONE_DEVICE's, a zone the model leaves out. min_free_kbytes and
 * threads-max depend on the memory the kernel itself holds (and THP's
 * floor), so only their shape is compared. Writes through the subsystems'
 * sysctl handlers read back as the kernel's rules say.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nc_boot.h"
#include "mm/mmzone.h"
#include "unit/mm_machine.h"
#include "unit/proc_oracle.h"

/* text is one decimal integer and a newline */
static void assert_one_int(const char *text)
{
	size_t n = strspn(text, "0123456789");

	assert_true(n > 0);
	assert_string_equal(text + n, "\n");
}

static void test_host(void **state)
{
	static const char *const same[] = {
		"/proc/sys/kernel/pid_max", "/proc/sys/vm/numa_stat",
		"/proc/sys/vm/watermark_scale_factor",
	};
	struct nc_machine *m = mm_host_like();
	char *host, *model;

	(void)state;
	if (!m)
		skip();
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		host = proc_host_read(same[i]);
		if (!host)
			continue;
		model = proc_model_read(m, same[i]);
		assert_string_equal(model, host);
		free(model);
		free(host);
	}
	model = proc_model_read(m, "/proc/sys/vm/min_free_kbytes");
	assert_one_int(model);
	free(model);
	model = proc_model_read(m, "/proc/sys/kernel/threads-max");
	assert_one_int(model);
	free(model);
	host = proc_host_read("/proc/sys/vm/lowmem_reserve_ratio");
	if (host) {
		model = proc_model_read(m, "/proc/sys/vm/lowmem_reserve_ratio");
		assert_true(strlen(host) >= strlen(model));
		assert_memory_equal(model, host, strlen(model) - 1);
		assert_true(host[strlen(model) - 1] == '\t' || host[strlen(model) - 1] == '\n');
		free(model);
		free(host);
	}
	nc_machine_destroy(m);
}

static void test_writes(void **state)
{
	static const int ratio[MAX_NR_ZONES] = { -5, 100, 10, 0 };
	struct nc_machine *m = nc_boot("2x2");

	(void)state;
	assert_int_equal(sysctl_watermark_scale_factor_write(m, 200), 0);
	assert_int_equal(sysctl_vm_numa_stat_write(m, 0), 0);
	sysctl_lowmem_reserve_ratio_write(m, ratio);
	proc_assert_model(m, "/proc/sys/vm/watermark_scale_factor", "200\n");
	proc_assert_model(m, "/proc/sys/vm/numa_stat", "0\n");
	/* a ratio below 1 is stored as 0 */
	proc_assert_model(m, "/proc/sys/vm/lowmem_reserve_ratio", "0\t100\t10\t0\n");
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_writes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

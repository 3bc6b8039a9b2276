// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/pid.c: pid_max as pid_idr_init() sizes it (checked
 * against this host's boot message where dmesg is readable, otherwise by
 * hand from the rule), the boot pids, cyclic allocation wrapping to
 * RESERVED_PIDS, and set_tid's errors in alloc_pid()'s order. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>
#include "kernel/pid.h"
#include "lib/err.h"
#include "mm/slab.h"
#include "unit/nc_boot.h"

/* pid_idr_init() on a bare machine, a topology and nothing booted: a
 * whole machine of 8192 CPUs would cost gigabytes the rule never reads */
static void bare_pid_max(const char *topology, int max, int min)
{
	struct nc_machine m = { 0 };
	struct nc_error err;

	m.topo = nc_topology_parse(topology, NULL, &err);
	m.slab = calloc(1, sizeof(*m.slab));
	assert_non_null(m.topo);
	assert_non_null(m.slab);
	assert_int_equal(pid_idr_init(&m), 0);
	assert_int_equal(m.init_pid_ns->pid_max, max);
	assert_int_equal(m.init_pid_ns->pid_max_min, min);
	pid_idr_exit(&m);
	free(m.slab);
	nc_topology_free(m.topo);
}

static void test_pid_max_rule(void **state)
{
	struct nc_machine *m;

	(void)state;
	/* 2 CPUs: 1024 * 2 is below the default, 8 * 2 below RESERVED_PIDS + 1 */
	m = nc_boot("1x2");
	assert_int_equal(m->init_pid_ns->pid_max, 32768);
	assert_int_equal(m->init_pid_ns->pid_max_min, 301);
	nc_machine_destroy(m);
	/* 64 CPUs: 65536 and 512 */
	bare_pid_max("4x16", 65536, 512);
	/* 8192 CPUs: capped at PID_MAX_LIMIT */
	bare_pid_max("8x1024", 4194304, 65536);
}

/* The host's "pid_max: default: N minimum: M" boot line, for its CPU count. */
static void test_pid_max_as_host(void **state)
{
	FILE *p = popen("dmesg 2>/dev/null | sed -n 's/.*pid_max: default: \\([0-9]*\\) minimum: \\([0-9]*\\).*/\\1 \\2/p'", "r");
	FILE *c = fopen("/sys/devices/system/cpu/possible", "r");
	int def = 0, min = 0, got = p ? fscanf(p, "%d %d", &def, &min) : 0;
	unsigned int lo = 0, hi = 0;
	char spec[32];

	(void)state;
	if (p)
		pclose(p);
	if (got != 2 || !c || fscanf(c, "%u-%u", &lo, &hi) < 1) {
		if (c)
			fclose(c);
		skip();   /* dmesg not readable here */
	}
	fclose(c);
	if (hi < lo)
		hi = lo;
	snprintf(spec, sizeof(spec), "1x%u", hi + 1);
	struct nc_machine *m = nc_boot(spec);
	assert_int_equal(m->init_pid_ns->pid_max, def);
	assert_int_equal(m->init_pid_ns->pid_max_min, min);
	nc_machine_destroy(m);
}

static void test_boot_pids_and_wrap(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct pid_namespace *ns = m->init_pid_ns;
	struct pid *p;

	(void)state;
	/* init and kthreadd took 1 and 2 */
	assert_non_null(pid_task(find_pid_ns(1, ns), PIDTYPE_PID));
	assert_ptr_equal(ns->child_reaper, pid_task(find_pid_ns(1, ns), PIDTYPE_PID));
	p = alloc_pid(m, ns, NULL, 0);
	assert_int_equal(pid_nr_ns(p, ns), 3);
	free_pid(m, p);
	/* freed pids are not reused before the cursor wraps */
	p = alloc_pid(m, ns, NULL, 0);
	assert_int_equal(pid_nr_ns(p, ns), 4);
	free_pid(m, p);
	/* past pid_max the allocator wraps to RESERVED_PIDS, not to 1 */
	idr_set_cursor(ns->idr, (unsigned int)ns->pid_max);
	p = alloc_pid(m, ns, NULL, 0);
	assert_int_equal(pid_nr_ns(p, ns), RESERVED_PIDS);
	free_pid(m, p);
	nc_machine_destroy(m);
}

static void test_set_tid(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct pid_namespace *ns = m->init_pid_ns;
	pid_t want[2] = { 1000, 7 };
	struct pid *p;

	(void)state;
	p = alloc_pid(m, ns, want, 1);
	assert_false(IS_ERR(p));
	assert_int_equal(pid_nr_ns(p, ns), 1000);
	/* the same pid again: taken */
	assert_int_equal(PTR_ERR(alloc_pid(m, ns, want, 1)), -EEXIST);
	free_pid(m, p);
	/* more entries than nested namespaces */
	assert_int_equal(PTR_ERR(alloc_pid(m, ns, want, 2)), -EINVAL);
	want[0] = 0;
	assert_int_equal(PTR_ERR(alloc_pid(m, ns, want, 1)), -EINVAL);
	want[0] = ns->pid_max;
	assert_int_equal(PTR_ERR(alloc_pid(m, ns, want, 1)), -EINVAL);
	/* cyclic allocation continues after the boot pids, unaffected */
	p = alloc_pid(m, ns, NULL, 0);
	assert_int_equal(pid_nr_ns(p, ns), 3);
	free_pid(m, p);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pid_max_rule),
		cmocka_unit_test(test_pid_max_as_host),
		cmocka_unit_test(test_boot_pids_and_wrap),
		cmocka_unit_test(test_set_tid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

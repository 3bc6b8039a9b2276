// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/rseq.c: with an area registered, each refused call
 * is made on the host too, against the area glibc registered for this
 * thread, and must fail alike (sys_rseq()'s order); registration,
 * unregistration and rseq_fork() hand-worked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/rseq.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "unit/nc_boot.h"

#define AREA 0x10000000UL         /* the process's own memory in the model */
#define SIG 0x53053053u

/* The call on the host's area and on the model's, both registered */
static void same(struct nc_machine *m, long off, uint32_t len, int flags, uint32_t sig)
{
	char *host = (char *)__builtin_thread_pointer() + __rseq_offset;

	assert_int_equal(kernel_rseq(m, AREA + off, len, flags, sig),
			 host_ret(syscall(SYS_rseq, host + off, len, flags, sig)));
}

static void test_refused_like_host(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");

	(void)state;
	if (__rseq_size == 0)
		skip();                   /* glibc registered nothing here */
	assert_int_equal(kernel_rseq(m, AREA, 32, 0, SIG), 0);
	same(m, 0, 32, 0, SIG);               /* EBUSY */
	same(m, 0, 32, 0, SIG + 1);           /* EPERM */
	same(m, 32, 32, 0, SIG);              /* another area: EINVAL */
	same(m, 0, 64, 0, SIG);               /* another length */
	same(m, 0, 32, 2, SIG);               /* unknown flag */
	same(m, 0, 32, RSEQ_FLAG_UNREGISTER | 2, SIG);
	same(m, 0, 31, RSEQ_FLAG_UNREGISTER, SIG);
	same(m, 32, 32, RSEQ_FLAG_UNREGISTER, SIG);
	same(m, 0, 32, RSEQ_FLAG_UNREGISTER, SIG + 1);
	nc_machine_destroy(m);
}

/* Hand-worked from sys_rseq(): registration checks, what unregistration
 * writes, rseq_fork() */
static void test_register_and_fork(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");
	uint64_t cs = 0x1234;
	uint32_t ids[2];

	(void)state;
	assert_int_equal(kernel_rseq(m, AREA, 32, RSEQ_FLAG_UNREGISTER, SIG), -EINVAL);
	assert_int_equal(kernel_rseq(m, AREA + 16, 32, 0, SIG), -EINVAL);   /* misaligned */
	assert_int_equal(kernel_rseq(m, AREA, 31, 0, SIG), -EINVAL);
	assert_int_equal(kernel_rseq(m, 0x1000, 32, 0, SIG), -EFAULT);     /* below mmap_min_addr */
	assert_int_equal(kernel_rseq(m, TASK_SIZE_MAX - 32, 64, 0, SIG), -EFAULT);
	/* a stale rseq_cs is cleared on registration */
	assert_int_equal(copy_to_user(m, AREA + 8, &cs, sizeof(cs)), 0);
	assert_int_equal(kernel_rseq(m, AREA, 64, 0, SIG), 0);
	assert_int_equal(copy_from_user(m, &cs, AREA + 8, sizeof(cs)), 0);
	assert_int_equal(cs, 0);
	/* a fork keeps the registration, a CLONE_VM child has none */
	assert_int_equal(nc_clone(m, 0, 17), 4);
	assert_int_equal(nc_clone(m, CLONE_VM, 17), 5);
	nc_run_as(m, 4);
	assert_int_equal(kernel_rseq(m, AREA, 64, 0, SIG), -EBUSY);
	nc_run_as(m, 5);
	assert_int_equal(kernel_rseq(m, AREA, 64, RSEQ_FLAG_UNREGISTER, SIG), -EINVAL);
	/* unregistering resets cpu_id_start to 0 and cpu_id to -1 */
	nc_run_as(m, 3);
	assert_int_equal(kernel_rseq(m, AREA, 32, RSEQ_FLAG_UNREGISTER, SIG), -EINVAL);
	assert_int_equal(kernel_rseq(m, AREA, 64, RSEQ_FLAG_UNREGISTER, SIG), 0);
	assert_int_equal(copy_from_user(m, ids, AREA, sizeof(ids)), 0);
	assert_int_equal(ids[0], 0);
	assert_int_equal(ids[1], 0xffffffffu);
	assert_int_equal(kernel_rseq(m, AREA, 32, 0, SIG), 0);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused_like_host),
		cmocka_unit_test(test_register_and_fork),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

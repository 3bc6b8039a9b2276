// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/futex/syscalls.c: set_robust_list's one size and
 * get_robust_list's errors against the host's, and the head as
 * copy_process() and exit leave it (hand-worked: a new task has none).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/cred.h"
#include "kernel/futex/syscalls.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "uapi/linux/sched.h"
#include "unit/nc_boot.h"

#define NOPE 8UL
#define BUF 0x10000000UL
#define HEAD 0x7f0000001000UL

static uint64_t user_u64(struct nc_machine *m, unsigned long addr)
{
	uint64_t v;

	assert_int_equal(copy_from_user(m, &v, addr, sizeof(v)), 0);
	return v;
}

static void test_errors_like_host(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");
	void *head;
	size_t len;

	(void)state;
	/* the host's head stays: every call here fails there */
	assert_int_equal(kernel_set_robust_list(m, HEAD, 23),
			 host_ret(syscall(SYS_set_robust_list, HEAD, 23)));
	assert_int_equal(kernel_set_robust_list(m, HEAD, 25),
			 host_ret(syscall(SYS_set_robust_list, HEAD, 25)));
	assert_int_equal(kernel_get_robust_list(m, 0x7ffffff0, BUF, BUF + 8),
			 host_ret(syscall(SYS_get_robust_list, 0x7ffffff0, &head, &len)));
	assert_int_equal(kernel_get_robust_list(m, 0, BUF, NOPE),
			 host_ret(syscall(SYS_get_robust_list, 0, &head, NOPE)));
	assert_int_equal(kernel_get_robust_list(m, 0, NOPE, BUF + 8),
			 host_ret(syscall(SYS_get_robust_list, 0, NOPE, &len)));
	/* the size went out before the head faulted */
	assert_int_equal(user_u64(m, BUF + 8), ROBUST_LIST_HEAD_SIZE);
	assert_int_equal(len, ROBUST_LIST_HEAD_SIZE);
	nc_machine_destroy(m);
}

static void test_head_across_clone(void **state)
{
	struct nc_machine *m = nc_boot_process("1x2");

	(void)state;
	assert_int_equal(kernel_set_robust_list(m, HEAD, 24), 0);
	assert_int_equal(kernel_get_robust_list(m, 0, BUF, BUF + 8), 0);
	assert_true(user_u64(m, BUF) == HEAD);
	/* a fork and a thread start without one */
	assert_int_equal(nc_clone(m, 0, 17), 4);
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0), 5);
	nc_run_as(m, 4);
	assert_int_equal(kernel_get_robust_list(m, 0, BUF, BUF + 8), 0);
	assert_int_equal(user_u64(m, BUF), 0);
	/* another process's, with the same ids */
	assert_int_equal(kernel_get_robust_list(m, 3, BUF, BUF + 8), 0);
	assert_true(user_u64(m, BUF) == HEAD);
	nc_run_as(m, 5);
	assert_int_equal(kernel_get_robust_list(m, 0, BUF, BUF + 8), 0);
	assert_int_equal(user_u64(m, BUF), 0);
	/* a user without CAP_SYS_PTRACE may not read root's process */
	assert_int_equal(nc_set_user(m, 1000), 0);
	assert_int_equal(kernel_get_robust_list(m, 4, BUF, BUF + 8), -EPERM);
	/* its own group's thread is always allowed */
	assert_int_equal(kernel_get_robust_list(m, 3, BUF, BUF + 8), 0);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors_like_host),
		cmocka_unit_test(test_head_across_clone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

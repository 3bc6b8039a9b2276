// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/strace/syscalls.c: the table's calls are x86_64 system
 * calls by strace's own name for them (asked of the host's strace), the
 * flags replay relies on are set where they must be, and unknown names are
 * not modelled. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "strace/syscalls.h"

static const char *const modelled[] = {
	"clone", "clone3", "exit", "exit_group", "fork", "get_mempolicy", "getpid",
	"getppid", "gettid", "madvise", "mbind", "mmap", "mprotect", "munmap",
	"set_mempolicy", "set_mempolicy_home_node", "vfork",
};

static void test_names_are_strace_names(void **state)
{
	char cmd[256];

	(void)state;
	if (system("strace -V >/dev/null 2>&1"))
		skip();   /* no strace on this host */
	for (size_t i = 0; i < sizeof(modelled) / sizeof(modelled[0]); i++) {
		const struct nc_syscall *sc = nc_syscall_find(modelled[i]);

		assert_non_null(sc);
		assert_non_null(sc->decode);
		assert_non_null(sc->entry);
		/* strace refuses a name it does not know as a system call */
		snprintf(cmd, sizeof(cmd), "strace -qq -e trace=%s -o /dev/null true 2>/dev/null", sc->name);
		if (system(cmd))
			fail_msg("strace does not know '%s'", sc->name);
	}
	assert_int_not_equal(system("strace -qq -e trace=no_such_call -o /dev/null true 2>/dev/null"), 0);
}

static void test_flags(void **state)
{
	(void)state;
	assert_true(nc_syscall_find("exit")->flags & SYSCALL_NORETURN);
	assert_true(nc_syscall_find("exit_group")->flags & SYSCALL_NORETURN);
	assert_true(nc_syscall_find("getpid")->flags & SYSCALL_RET_PID);
	assert_true(nc_syscall_find("getppid")->flags & SYSCALL_RET_PID);
	assert_true(nc_syscall_find("gettid")->flags & SYSCALL_RET_PID);
	for (const char *const *n = (const char *const[]){ "clone", "clone3", "fork", "vfork", NULL }; *n; n++)
		assert_true(nc_syscall_find(*n)->flags & SYSCALL_NEW_TASK);
	assert_true(nc_syscall_find("mbind")->flags & SYSCALL_USER_RANGE);
	assert_false(nc_syscall_find("munmap")->flags & SYSCALL_USER_RANGE);
	assert_false(nc_syscall_find("set_mempolicy")->flags & (SYSCALL_NORETURN | SYSCALL_RET_PID));
	assert_null(nc_syscall_find("brk"));
	assert_null(nc_syscall_find(""));
	assert_null(nc_syscall_find("getpid "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_are_strace_names),
		cmocka_unit_test(test_flags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

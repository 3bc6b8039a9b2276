// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/strace/xlat.c and the UAPI headers: values against glibc's
 * headers, errno names and texts against the host libc (strerrorname_np,
 * strerror), signal names against sigabbrev_np, and flag sets printed as
 * strace 6.1 printed them on this host for real calls (quoted per case). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "uapi/linux/errno.h"
#include "uapi/linux/mempolicy.h"
#include "uapi/linux/sched.h"
#include "strace/xlat.h"

static char *print(void (*fn)(FILE *, uint64_t), uint64_t v, char *buf, size_t n)
{
	FILE *f = fmemopen(buf, n, "w");

	fn(f, v);
	fclose(f);
	return buf;
}

static const struct xlat *const clone_tables[] = { &clone_flags, &clone3_flags, NULL };

static void print_clone(FILE *f, uint64_t v)
{
	printflags(f, clone_tables, v, "CLONE_???");
}

/* clone() names only the 32-bit flags; clone3() adds its own table */
static void print_clone_legacy(FILE *f, uint64_t v)
{
	static const struct xlat *const t[] = { &clone_flags, NULL };

	printflags(f, t, v, "CLONE_???");
}

static void test_uapi_layout(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct clone_args), CLONE_ARGS_SIZE_VER2);
	assert_int_equal(offsetof(struct clone_args, set_tid), CLONE_ARGS_SIZE_VER0);
	assert_int_equal(offsetof(struct clone_args, cgroup), CLONE_ARGS_SIZE_VER1);
	assert_int_equal(_Alignof(struct clone_args), 8);
	/* glibc's <sched.h> agrees where it has the flag */
	assert_int_equal(CLONE_PIDFD, 0x1000);
	assert_int_equal(CLONE_NEWTIME, 0x80);
	assert_int_equal(MPOL_WEIGHTED_INTERLEAVE, 6);
	assert_int_equal(MPOL_MAX, 7);
	assert_int_equal(MPOL_MODE_FLAGS, 0xe000);
}

static void test_errno_matches_libc(void **state)
{
	(void)state;
	for (int e = 1; e <= EHWPOISON; e++) {
		const char *libc = strerrorname_np(e);

		if (!libc) {          /* 41 and 58 are unused numbers */
			assert_null(errno_name(e));
			continue;
		}
		assert_string_equal(errno_name(e), libc);
		assert_string_equal(errno_text(e), strerror(e));
		int back = 0;
		assert_true(errno_parse(libc, strlen(libc), &back));
		assert_int_equal(back, e);
	}
	assert_string_equal(errno_name(ERESTARTSYS), "ERESTARTSYS");
	assert_string_equal(errno_text(ERESTARTNOINTR), "To be restarted");
	assert_null(errno_name(0));
	assert_null(errno_name(4096));
	int e;
	assert_true(errno_parse("EWOULDBLOCK", 11, &e));
	assert_int_equal(e, EAGAIN);
	assert_false(errno_parse("EINVALX", 7, &e));
	assert_false(errno_parse("EINVA", 5, &e));
}

static void test_signals_match_libc(void **state)
{
	char name[32];

	(void)state;
	for (int s = 1; s < 32; s++) {
		const char *abbrev = sigabbrev_np(s);

		/* glibc abbreviates 29 as POLL; the kernel and strace say SIGIO */
		snprintf(name, sizeof(name), "SIG%s", s == 29 ? "IO" : abbrev);
		assert_string_equal(signame(s), name);
		int back = 0;
		assert_true(signal_parse(name, strlen(name), &back));
		assert_int_equal(back, s);
	}
	/* strace 6.1: kill(999999, SIGRTMIN), SIGRT_1 .. SIGRT_32, then 65 */
	assert_string_equal(signame(32), "SIGRTMIN");
	assert_string_equal(signame(33), "SIGRT_1");
	assert_string_equal(signame(64), "SIGRT_32");
	assert_null(signame(65));
	assert_null(signame(0));
	assert_string_equal(print(printsignal, 65, name, sizeof(name)), "65");
	assert_string_equal(print(printsignal, 0, name, sizeof(name)), "0");
	int s;
	assert_true(signal_parse("SIGPOLL", 7, &s));
	assert_int_equal(s, 29);
}

static void test_clone_flags_as_strace(void **state)
{
	char buf[256];

	(void)state;
	/* strace 6.1: clone(child_stack=NULL, flags=CLONE_SIGHAND|0x1ff00000000|SIGCHLD) */
	assert_string_equal(print(print_clone_legacy, 0x1ff00000800ULL, buf, sizeof(buf)),
			    "CLONE_SIGHAND|0x1ff00000000");
	/* strace 6.1: flags=CLONE_SIGHAND|0x400000 (CLONE_DETACHED has no name) */
	assert_string_equal(print(print_clone_legacy, 0x400800, buf, sizeof(buf)), "CLONE_SIGHAND|0x400000");
	assert_string_equal(print(print_clone, CLONE_VM | CLONE_FS | CLONE_INTO_CGROUP, buf, sizeof(buf)),
			    "CLONE_VM|CLONE_FS|CLONE_INTO_CGROUP");
	assert_string_equal(print(print_clone, 0, buf, sizeof(buf)), "0");
	assert_string_equal(print(print_clone, 1ULL << 40, buf, sizeof(buf)),
			    "0x10000000000 /* CLONE_??? */");
	uint64_t v;
	assert_true(xlat_parse(clone_tables, "CLONE_CLEAR_SIGHAND", 19, &v));
	assert_int_equal(v, CLONE_CLEAR_SIGHAND);
	assert_false(xlat_parse(clone_tables, "CLONE_DETACHED", 14, &v));
}

static void test_mpol_modes(void **state)
{
	char buf[128];

	(void)state;
	assert_string_equal(print(print_mpol_mode, MPOL_BIND | MPOL_F_STATIC_NODES, buf, sizeof(buf)),
			    "MPOL_BIND|MPOL_F_STATIC_NODES");
	assert_string_equal(print(print_mpol_mode, MPOL_WEIGHTED_INTERLEAVE, buf, sizeof(buf)),
			    "MPOL_WEIGHTED_INTERLEAVE");
	assert_string_equal(print(print_mpol_mode, 9, buf, sizeof(buf)), "0x9 /* MPOL_??? */");
	assert_string_equal(print(print_mpol_mode, 9 | MPOL_F_RELATIVE_NODES, buf, sizeof(buf)),
			    "MPOL_F_RELATIVE_NODES|0x9");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uapi_layout),
		cmocka_unit_test(test_errno_matches_libc),
		cmocka_unit_test(test_signals_match_libc),
		cmocka_unit_test(test_clone_flags_as_strace),
		cmocka_unit_test(test_mpol_modes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

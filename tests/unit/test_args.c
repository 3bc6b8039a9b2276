// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/strace/args.c: splitting and decoding argument text in the
 * forms strace 6.1 printed on this host (clone, clone3 with "=>", node
 * masks, numbers in each base, NULL, "[N]"), and malformed text rejected. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "strace/args.h"
#include "uapi/linux/sched.h"

#define S(str) str, strlen(str)

static const struct xlat *const clone_tables[] = { &clone_flags, &clone3_flags, NULL };

static void test_split_clone(void **state)
{
	struct strace_args a;
	const struct strace_arg *f;
	uint64_t v;

	(void)state;
	assert_int_equal(strace_split(S("child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7fc3fe125a10"), &a), 0);
	assert_int_equal(a.n, 3);
	f = strace_arg_named(&a, "flags");
	assert_non_null(f);
	assert_int_equal(strace_parse_flags(clone_tables, true, f->val, f->len, &v), 0);
	assert_int_equal(v, CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | 17);
	f = strace_arg_named(&a, "child_stack");
	assert_int_equal(strace_parse_num(f->val, f->len, &v), 0);
	assert_int_equal(v, 0);
	assert_null(strace_arg_named(&a, "tls"));
	/* strace 6.1: flags=CLONE_SIGHAND|0x1ff00000000|SIGCHLD; 0x400000|128 */
	assert_int_equal(strace_parse_flags(clone_tables, true, S("CLONE_SIGHAND|0x1ff00000000|SIGCHLD"), &v), 0);
	assert_int_equal(v, 0x1ff00000811ULL);
	assert_int_equal(strace_parse_flags(clone_tables, true, S("CLONE_SIGHAND|0x400000|128"), &v), 0);
	assert_int_equal(v, 0x400880);
	assert_int_equal(strace_parse_flags(clone_tables, false, S("0x10000000000 /* CLONE_??? */"), &v), 0);
	assert_int_equal(v, 1ULL << 40);
	assert_int_equal(strace_parse_flags(clone_tables, false, S("CLONE_VM|"), &v), -EINVAL);
	assert_int_equal(strace_parse_flags(clone_tables, false, S("CLONE_BOGUS"), &v), -EINVAL);
}

static void test_split_clone3(void **state)
{
	struct strace_args a, s, ch;
	uint64_t v, tids[4];
	size_t n;

	(void)state;
	assert_int_equal(strace_split(S("{flags=CLONE_VM|CLONE_PARENT_SETTID, parent_tid=0x7f6c59287990, exit_signal=0, stack=0x7f6c58a87000, stack_size=0x7fff80, set_tid=[300, 7], set_tid_size=2} => {parent_tid=[18976]}, 88"), &a), 0);
	assert_int_equal(a.n, 2);
	assert_non_null(a.a[0].changed);
	assert_int_equal(strace_split_struct(a.a[0].val, a.a[0].len, &s), 0);
	assert_int_equal(s.n, 7);
	assert_int_equal(strace_parse_array(strace_arg_named(&s, "set_tid")->val,
					    strace_arg_named(&s, "set_tid")->len, tids, 4, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(tids[0], 300);
	assert_int_equal(strace_split_struct(a.a[0].changed, a.a[0].changed_len, &ch), 0);
	assert_int_equal(strace_parse_deref(ch.a[0].val, ch.a[0].len, &v), 0);
	assert_int_equal(v, 18976);
	assert_int_equal(strace_parse_num(a.a[1].val, a.a[1].len, &v), 0);
	assert_int_equal(v, 88);
	/* a bare address where strace could not read the struct */
	assert_int_equal(strace_split(S("0x8, 40"), &a), 0);
	assert_int_equal(strace_split_struct(a.a[0].val, a.a[0].len, &s), -EINVAL);
	assert_int_equal(strace_parse_num(a.a[0].val, a.a[0].len, &v), 0);
	assert_int_equal(v, 8);
}

static void test_numbers_and_arrays(void **state)
{
	uint64_t v, w[3];
	size_t n;

	(void)state;
	assert_int_equal(strace_parse_num(S("0644"), &v), 0);
	assert_int_equal(v, 0644);
	assert_int_equal(strace_parse_num(S("-1"), &v), 0);
	assert_int_equal(v, UINT64_MAX);
	assert_int_equal(strace_parse_num(S("0xffffffffffffffff"), &v), 0);
	assert_int_equal(strace_parse_num(S("0x1ffffffffffffffff"), &v), -EINVAL);
	assert_int_equal(strace_parse_num(S("09"), &v), -EINVAL);
	assert_int_equal(strace_parse_num(S("0x"), &v), -EINVAL);
	assert_int_equal(strace_parse_num(S(""), &v), -EINVAL);
	assert_int_equal(strace_parse_signal(S("SIGRT_2"), &v), 0);
	assert_int_equal(v, 34);
	assert_int_equal(strace_parse_array(S("[]"), w, 3, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(strace_parse_array(S("[0x3, 0]"), w, 3, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(w[0], 3);
	assert_int_equal(strace_parse_array(S("[1, 2, 3, 4]"), w, 3, &n), -E2BIG);
	assert_int_equal(strace_parse_array(S("[1,]"), w, 3, &n), -EINVAL);
	assert_int_equal(strace_parse_array(S("1, 2"), w, 3, &n), -EINVAL);
}

/* -X verbose, -X raw, -y and -Y spellings (recorded with strace 6.1) */
static void test_verbose_and_decorated(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(strace_parse_flags(clone_tables, true,
		S("0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */"), &v), 0);
	assert_int_equal(v, 0x1200011);
	assert_int_equal(strace_parse_flags(clone_tables, true, S("0x1200011"), &v), 0);
	assert_int_equal(v, 0x1200011);
	assert_int_equal(strace_parse_flags(clone_tables, true,
		S("CLONE_VM|0x400000|SIGCHLD"), &v), 0);
	assert_int_equal(v, 0x400111);
	assert_int_equal(strace_parse_num(S("21371<prefork>"), &v), 0);
	assert_int_equal(v, 21371);
	assert_int_equal(strace_parse_num(S("3</dev/null>"), &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(strace_parse_num(S("0x8 /* comment */"), &v), 0);
	assert_int_equal(v, 8);
	assert_int_equal(strace_parse_num(S("<3>"), &v), -EINVAL);
}

static void test_split_errors(void **state)
{
	struct strace_args a;

	(void)state;
	assert_int_equal(strace_split(S(""), &a), 0);
	assert_int_equal(a.n, 0);
	assert_int_equal(strace_split(S("{a, b"), &a), -EINVAL);
	assert_int_equal(strace_split(S("a)"), &a), -EINVAL);
	assert_int_equal(strace_split(S("a, "), &a), -EINVAL);
	assert_int_equal(strace_split(S("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"), &a), -EINVAL);
	/* strings and comments hide their commas and brackets */
	assert_int_equal(strace_split(S("\"a, )\\\"\", 0x7ffe /* 37 vars, ) */, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]"), &a), 0);
	assert_int_equal(a.n, 3);
	assert_null(a.a[2].name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_clone),
		cmocka_unit_test(test_split_clone3),
		cmocka_unit_test(test_numbers_and_arrays),
		cmocka_unit_test(test_verbose_and_decorated),
		cmocka_unit_test(test_split_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

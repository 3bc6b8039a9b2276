// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/mm/uaccess.c: the four-step rule for user addresses (mapped
 * by protection, unmapped, out of range, the process's own memory) and that
 * written bytes read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "user_task.h"

#define OWN 0x20000000UL  /* an address no test maps: the process's own memory */

static void test_own_memory_reads_back(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	char out[16] = "xxxxxxxxxxxxxxx", in[16];

	(void)state;
	/* never written: reads as zeros */
	assert_int_equal(copy_from_user(m, in, OWN, sizeof(in)), 0);
	assert_memory_equal(in, (char[16]){ 0 }, sizeof(in));
	/* a write that straddles a page boundary reads back whole */
	assert_int_equal(copy_to_user(m, OWN + PAGE_SIZE - 5, "hello, world!", 14), 0);
	assert_int_equal(copy_from_user(m, out, OWN + PAGE_SIZE - 5, 14), 0);
	assert_string_equal(out, "hello, world!");
	/* clear_user zeroes it again */
	assert_int_equal(clear_user(m, OWN + PAGE_SIZE - 5, 6), 0);
	assert_int_equal(copy_from_user(m, out, OWN + PAGE_SIZE - 5, 14), 0);
	assert_memory_equal(out, "\0\0\0\0\0\0 world!", 14);
	/* the lowest own address is mmap_min_addr itself */
	assert_int_equal(copy_to_user(m, DEFAULT_MMAP_MIN_ADDR, "a", 1), 0);
	user_machine_free(&um);
}

static void test_bad_addresses(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	char buf[8] = { 0 };

	(void)state;
	/* below mmap_min_addr */
	assert_int_equal(copy_from_user(m, buf, 0, 8), 8);
	assert_int_equal(copy_to_user(m, DEFAULT_MMAP_MIN_ADDR - 1, buf, 1), 1);
	/* at or above the user limit, and ranges that cross it or wrap */
	assert_int_equal(copy_from_user(m, buf, TASK_SIZE_MAX, 1), 1);
	assert_int_equal(copy_from_user(m, buf, TASK_SIZE_MAX - 4, 8), 8);
	assert_int_equal(copy_from_user(m, buf, ~0UL - 3, 8), 8);
	/* the last byte below the limit is user memory */
	assert_int_equal(copy_to_user(m, TASK_SIZE_MAX - 2, "z", 1), 0);
	/* a range that starts below mmap_min_addr copies nothing */
	assert_int_equal(copy_from_user(m, buf, DEFAULT_MMAP_MIN_ADDR - 4, 8), 8);
	user_machine_free(&um);
}

static void test_mapped_by_protection(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	char buf[8] = "abcdefg";
	long ro, none, wo;

	(void)state;
	ro = kernel_mmap(m, 0, 2 * PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	none = kernel_mmap(m, 0, PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	wo = kernel_mmap(m, 0, PAGE_SIZE, PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	assert_true(ro > 0 && none > 0 && wo > 0);
	/* read-only: reads (zeros), writes fault */
	assert_int_equal(copy_from_user(m, buf, (unsigned long)ro, 8), 0);
	assert_memory_equal(buf, (char[8]){ 0 }, 8);
	assert_int_equal(copy_to_user(m, (unsigned long)ro, "x", 1), 1);
	/* PROT_NONE: neither */
	assert_int_equal(copy_from_user(m, buf, (unsigned long)none, 8), 8);
	assert_int_equal(copy_to_user(m, (unsigned long)none, buf, 8), 8);
	/* x86 reads what it may write */
	assert_int_equal(copy_to_user(m, (unsigned long)wo, "ok", 3), 0);
	assert_int_equal(copy_from_user(m, buf, (unsigned long)wo, 3), 0);
	assert_string_equal(buf, "ok");
	user_machine_free(&um);
}

static void test_unmapped_ranges(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	char buf[4] = "abc";
	long a;

	(void)state;
	/* an own-memory range the task unmaps becomes unmapped ... */
	assert_int_equal(copy_to_user(m, OWN, buf, 4), 0);
	assert_int_equal(kernel_munmap(m, OWN, 2 * PAGE_SIZE), 0);
	assert_int_equal(copy_from_user(m, buf, OWN + PAGE_SIZE, 4), 4);
	assert_int_equal(copy_to_user(m, OWN, buf, 4), 4);
	/* ... the page after it is still own memory ... */
	assert_int_equal(copy_to_user(m, OWN + 2 * PAGE_SIZE, buf, 4), 0);
	/* ... a partial copy stops where the hole starts ... */
	assert_int_equal(copy_to_user(m, OWN - 2, "abcd", 4), 2);
	/* ... and mapping it again makes it the mapping's (fresh, zero) */
	a = kernel_mmap(m, OWN, PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1UL, 0);
	assert_int_equal(a, (long)OWN);
	assert_int_equal(copy_from_user(m, buf, OWN, 4), 0);
	assert_memory_equal(buf, (char[4]){ 0 }, 4);
	assert_int_equal(copy_from_user(m, buf, OWN + PAGE_SIZE, 4), 4);
	user_machine_free(&um);
}

static void test_no_mm(void **state)
{
	struct user_machine um = user_machine("1x2");
	struct nc_machine *m = um.m;
	struct mm_struct *mm = um.task->mm;
	char buf[4];

	(void)state;
	um.task->mm = NULL;   /* a kernel thread has no user memory */
	assert_int_equal(copy_from_user(m, buf, OWN, 4), 4);
	assert_int_equal(copy_to_user(m, OWN, buf, 4), 4);
	assert_int_equal(copy_to_user(m, OWN, buf, 0), 0);
	um.task->mm = mm;
	user_machine_free(&um);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_memory_reads_back),
		cmocka_unit_test(test_bad_addresses),
		cmocka_unit_test(test_mapped_by_protection),
		cmocka_unit_test(test_unmapped_ranges),
		cmocka_unit_test(test_no_mm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/lib/bitmap.c: list and mask forms against the kernel's
 * documented "%*pbl"/"%*pb" outputs and bitmap_parselist() rules. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/bitmap.h"

static void test_parselist_ranges(void **state)
{
	unsigned long map[BITS_TO_LONGS(128)];
	char out[64];

	(void)state;
	assert_int_equal(bitmap_parselist("0-3, 8,64-65", map, 128, NULL), 0);
	assert_int_equal(bitmap_weight(map, 128), 7);
	assert_true(test_bit(64, map) && test_bit(65, map) && !test_bit(66, map));
	bitmap_print_list(out, sizeof(out), map, 128);
	assert_string_equal(out, "0-3,8,64-65");
	/* region with a group pattern: 0-15:2/4 keeps 2 of every 4 */
	assert_int_equal(bitmap_parselist("0-15:2/4", map, 128, NULL), 0);
	bitmap_print_list(out, sizeof(out), map, 128);
	assert_string_equal(out, "0-1,4-5,8-9,12-13");
	assert_int_equal(bitmap_parselist("", map, 128, NULL), 0);
	assert_true(bitmap_empty(map, 128));
}

static void test_parselist_errors(void **state)
{
	unsigned long map[BITS_TO_LONGS(64)];
	size_t pos = 99;

	(void)state;
	assert_int_equal(bitmap_parselist("0-3,x", map, 64, &pos), -EINVAL);
	assert_int_equal(pos, 4);
	assert_int_equal(bitmap_parselist("3-1", map, 64, &pos), -EINVAL);
	assert_int_equal(pos, 0);
	assert_int_equal(bitmap_parselist("1,64", map, 64, &pos), -ERANGE);
	assert_int_equal(pos, 2);
	assert_int_equal(bitmap_parselist("1,", map, 64, &pos), -EINVAL);
	assert_int_equal(bitmap_parselist("99999999999", map, 64, &pos), -ERANGE);
}

static void test_print_mask(void **state)
{
	unsigned long map[BITS_TO_LONGS(72)] = { 0 };
	char out[64];

	(void)state;
	__set_bit(0, map);
	__set_bit(33, map);
	__set_bit(71, map);
	/* 72 bits: a 2-digit top group, then two full 32-bit groups */
	bitmap_print_mask(out, sizeof(out), map, 72);
	assert_string_equal(out, "80,00000002,00000001");
	/* truncation still reports the full length, snprintf-style */
	assert_int_equal(bitmap_print_mask(out, 4, map, 72), 20);
	assert_string_equal(out, "80,");
}

static void test_set_ops(void **state)
{
	unsigned long a[2] = { 0x5, 0 }, b[2] = { 0x7, 0 }, c[2];

	(void)state;
	assert_true(bitmap_subset(a, b, 70));
	assert_false(bitmap_subset(b, a, 70));
	assert_true(bitmap_intersects(a, b, 70));
	bitmap_and(c, a, b, 70);
	assert_true(bitmap_equal(c, a, 70));
	bitmap_fill(c, 70);
	assert_int_equal(bitmap_weight(c, 70), 70);
	assert_int_equal(c[1], 0x3f);
	assert_int_equal(find_next_bit(c, 70, 69), 69);
	assert_int_equal(find_next_bit(a, 70, 3), 70);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parselist_ranges),
		cmocka_unit_test(test_parselist_errors),
		cmocka_unit_test(test_print_mask),
		cmocka_unit_test(test_set_ops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

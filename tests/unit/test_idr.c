// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/lib/idr.c: lowest-free and cyclic allocation as lib/idr.c
 * hands IDs out (expectations worked out by hand from its rules), chunk
 * boundaries, reservation with NULL and memory returned on removal. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "lib/idr.h"

static struct idr *new_idr(void)
{
	struct idr *idr = malloc(sizeof(*idr));

	assert_non_null(idr);
	idr_init(idr);
	return idr;
}

static void free_idr(struct idr *idr)
{
	idr_destroy(idr);
	free(idr);
}

static void test_alloc_lowest(void **state)
{
	struct idr *idr = new_idr();
	int x = 1, y = 2;

	(void)state;
	assert_int_equal(idr_alloc(idr, &x, 5, 10), 5);
	assert_int_equal(idr_alloc(idr, &y, 5, 10), 6);
	assert_ptr_equal(idr_find(idr, 5), &x);
	assert_ptr_equal(idr_remove(idr, 5), &x);
	assert_null(idr_find(idr, 5));
	assert_int_equal(idr_alloc(idr, &y, 5, 10), 5);   /* the hole is reused */
	assert_int_equal(idr_alloc(idr, NULL, 9, 10), 9);
	assert_int_equal(idr_alloc(idr, NULL, 9, 10), -ENOSPC);
	assert_null(idr_find(idr, 9));                     /* reserved, no pointer */
	assert_null(idr_replace(idr, &x, 9));
	assert_ptr_equal(idr_find(idr, 9), &x);
	assert_int_equal(idr_alloc(idr, NULL, -1, 10), -EINVAL);
	assert_null(idr_find(idr, IDR_MAX + 5UL));
	free_idr(idr);
}

static void test_cyclic_wraps(void **state)
{
	struct idr *idr = new_idr();

	(void)state;
	/* cyclic never reuses a freed id until it wraps */
	assert_int_equal(idr_alloc_cyclic(idr, NULL, 1, 5), 1);
	assert_int_equal(idr_alloc_cyclic(idr, NULL, 1, 5), 2);
	idr_remove(idr, 1);
	assert_int_equal(idr_alloc_cyclic(idr, NULL, 1, 5), 3);
	assert_int_equal(idr_alloc_cyclic(idr, NULL, 1, 5), 4);
	assert_int_equal(idr_get_cursor(idr), 5);
	assert_int_equal(idr_alloc_cyclic(idr, NULL, 1, 5), 1);   /* wrapped */
	assert_int_equal(idr_alloc_cyclic(idr, NULL, 1, 5), -ENOSPC);
	assert_int_equal(idr_get_cursor(idr), 2);                  /* unchanged by failure */
	free_idr(idr);
}

static void test_chunk_boundaries(void **state)
{
	struct idr *idr = new_idr();

	(void)state;
	for (int i = 0; i < IDR_CHUNK; i++)
		assert_int_equal(idr_alloc(idr, NULL, 0, 0), i);
	/* the first chunk is full: the next id opens the second */
	assert_int_equal(idr_alloc(idr, NULL, 0, 0), IDR_CHUNK);
	idr_remove(idr, 77);
	assert_int_equal(idr_alloc(idr, NULL, 0, 0), 77);
	assert_int_equal(idr_alloc(idr, NULL, IDR_MAX - 1, 0), IDR_MAX - 1);
	assert_int_equal(idr_alloc(idr, NULL, IDR_MAX - 1, 0), -ENOSPC);
	free_idr(idr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_lowest),
		cmocka_unit_test(test_cyclic_wraps),
		cmocka_unit_test(test_chunk_boundaries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

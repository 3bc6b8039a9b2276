/* SPDX-License-Identifier: GPL-2.0-only */
/* Test helpers for the SLUB tests: a sysfs file's text, the validate walk. */
#ifndef NC_TESTS_SLAB_TEST_H
#define NC_TESTS_SLAB_TEST_H

#include <stdio.h>
#include <string.h>

#include "fs/proc/slab_sysfs.h"
#include "mm/slub.h"

/* The text of /sys/kernel/slab/<cache>/<attr> (valid until the next call). */
static inline char *slab_sysfs_text(struct nc_machine *m, const char *cache, const char *attr)
{
	static char buf[4096];
	FILE *f;

	memset(buf, 0, sizeof(buf));
	f = fmemopen(buf, sizeof(buf), "w");
	assert_non_null(f);
	assert_int_equal(slab_sysfs_show(m, cache, attr, f), 0);
	fclose(f);
	return buf;
}

/* Every cache passes the validate walk; else the last report is shown. */
static inline void assert_slab_valid(struct nc_machine *m)
{
	long errors = nc_slab_validate_all(m);

	if (errors) {
		const struct slab_report *r = nc_slab_report(m, 0);

		fail_msg("validate found %ld problems; last: %s\n%s", errors,
			 r ? r->bug : "", r ? r->text : "");
	}
}

#endif

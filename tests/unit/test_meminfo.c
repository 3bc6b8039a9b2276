// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/fs/proc/meminfo.c: the host's /proc/meminfo is the oracle
 * for the keys, their order and the line widths, and for MemTotal on a
 * machine that mirrors the host; the golden scenario's slab, stack and
 * free counts are worked by hand (tests/unit/mm_machine.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "unit/mm_machine.h"
#include "unit/proc_oracle.h"

/* the line of text starting with key, as its length; 0 if none */
static size_t line_len(const char *text, const char *key, const char **at)
{
	const char *l = strstr(text, key);

	while (l && l != text && l[-1] != '\n')
		l = strstr(l + 1, key);
	*at = l;
	return l ? strcspn(l, "\n") : 0;
}

static void test_host(void **state)
{
	char *host, *model;
	const char *h, *md;
	struct nc_machine *m = proc_host_pair("/proc/meminfo", &host);

	(void)state;
	model = proc_model_read(m, "/proc/meminfo");
	proc_assert_keys_in_order(model, host, "/proc/meminfo");
	for (const char *l = model; *l; l += strcspn(l, "\n") + 1) {
		char key[32];

		snprintf(key, sizeof(key), "%.*s", (int)(strchr(l, ':') - l + 1), l);
		assert_int_equal(line_len(model, key, &md), line_len(host, key, &h));
	}
	line_len(model, "MemTotal:", &md);
	line_len(host, "MemTotal:", &h);
	if (!strcmp(m->topo->name, "host"))
		assert_memory_equal(md, h, strcspn(h, "\n"));
	free(model);
	free(host);
	nc_machine_destroy(m);
}

/* mm_golden_machine(): nodes of 64, 64, 0 and 128 MiB; 3 slab pages and
 * 16 kB of stack added on node 0 */
static void test_golden(void **state)
{
	struct nc_machine *m = mm_golden_machine();
	char *text;

	(void)state;
	assert_non_null(m);
	text = proc_model_read(m, "/proc/meminfo");
	assert_non_null(strstr(text, "MemTotal:         262144 kB\n"));
	assert_non_null(strstr(text, "\nSlab:                 12 kB\nSReclaimable:          0 kB\n"
				     "SUnreclaim:           12 kB\nKernelStack:          16 kB\n"));
	free(text);
	mm_machine_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_golden),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

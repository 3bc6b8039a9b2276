// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/tools/numastat.c: the golden scenario's tables (counts by
 * hand in tests/unit/mm_machine.h) in every mode against
 * tests/golden/node/numastat-*, line folding, numastat's width rules, and
 * the layout of the host's own numastat (same labels, headers, widths).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tools/numastat.h"
#include "unit/mm_machine.h"

static char *render(const struct nc_machine *m, const struct numastat_opts *o, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	assert_non_null(f);
	assert_int_equal(numastat_show(m, o, f), 0);
	fclose(f);
	return text;
}

static void test_golden_tables(void **state)
{
	static const struct {
		const char *golden;
		struct numastat_opts o;
	} cases[] = {
		{ "node/numastat-compat", { .compat = true, .width = 10000000 } },
		{ "node/numastat-compat-w40", { .compat = true, .width = 40 } },
		{ "node/numastat-n", { .width = 10000000 } },
		{ "node/numastat-n-w80", { .width = 80 } },
		{ "node/numastat-c", { .compress = true, .width = 10000000 } },
		{ "node/numastat-nz", { .hide_zero = true, .width = 10000000 } },
	};
	struct nc_machine *m = mm_golden_machine();

	(void)state;
	assert_non_null(m);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len;
		char *text = render(m, &cases[i].o, &len);

		if (mm_golden_check(cases[i].golden, text, len))
			fail_msg("differs from tests/golden/%s:\n%s", cases[i].golden, text);
		free(text);
	}
	mm_machine_free(m);
}

/* By hand: compat prints raw counts right-justified in 16 columns;
 * -n prints pages as MB: node 1's 908 hits = 3.546875 MB -> 3.55, the
 * total 914 -> 3.57. */
static void test_values(void **state)
{
	struct nc_machine *m = mm_golden_machine();
	struct numastat_opts compat = { .compat = true, .width = 10000000 };
	struct numastat_opts mb = { .width = 10000000 };
	size_t len;
	char *text;

	(void)state;
	text = render(m, &compat, &len);
	assert_non_null(strstr(text, "\nnuma_hit                       4             908"
				     "               0               2\n"));
	free(text);
	text = render(m, &mb, &len);
	assert_non_null(strstr(text, "\nNuma_Hit                    0.02            3.55"
				     "            0.00            0.01            3.57\n"));
	free(text);
	mm_machine_free(m);
}

static void test_width_rules(void **state)
{
	(void)state;
	assert_int_equal(numastat_width(NULL, 0), 10000000);
	assert_int_equal(numastat_width(NULL, -1), 80);
	assert_int_equal(numastat_width(NULL, 132), 132);
	assert_int_equal(numastat_width("100", 132), 100);
	assert_int_equal(numastat_width("0", 0), 80);
	assert_int_equal(numastat_width("junk", 0), 80);
	assert_int_equal(numastat_width("20", 0), 32);
	assert_int_equal(numastat_width("20000000", 0), 80);
}

/* With -z and nothing counted, numastat says so instead of a table. */
static void test_no_nonzero_data(void **state)
{
	static const unsigned long long mem[] = { 64, 64 };
	static const unsigned int cpus[] = { 1, 1 };
	struct nc_machine *m = mm_machine(2, mem, cpus, NULL);
	struct numastat_opts o = { .hide_zero = true, .width = 80 };
	size_t len;
	char *text = render(m, &o, &len);

	(void)state;
	assert_string_equal(text, "\nPer-node numastat info (in MBs):\nTable has no non-zero data.\n");
	free(text);
	mm_machine_free(m);
}

/* The host's numastat against ours on a host-shaped machine: the same
 * number of lines, identical headers and dashes, the same labels and
 * line lengths (counts differ, their columns do not). */
static void compare_with_host(const char *cmd, const struct numastat_opts *o)
{
	struct nc_machine *m = mm_host_like();
	char host[8192], *ours, *h, *w, *save_h = NULL, *save_w = NULL;
	size_t n, len;
	FILE *p;

	if (!m)
		skip();
	p = popen(cmd, "r");
	if (!p) {
		nc_machine_destroy(m);
		skip();
	}
	n = fread(host, 1, sizeof(host) - 1, p);
	host[n] = '\0';
	if (pclose(p) != 0 || !n) {
		nc_machine_destroy(m);
		skip(); /* numastat (numactl) is not installed */
	}
	ours = render(m, o, &len);
	for (h = strtok_r(host, "\n", &save_h), w = strtok_r(ours, "\n", &save_w); h || w;
	     h = strtok_r(NULL, "\n", &save_h), w = strtok_r(NULL, "\n", &save_w)) {
		if (!h || !w)
			fail_msg("line counts differ (host '%s', ours '%s')", h ? h : "", w ? w : "");
		assert_int_equal(strlen(h), strlen(w));
		if (h[0] == ' ')
			assert_string_equal(h, w);
		else
			assert_memory_equal(h, w, 16);
	}
	free(ours);
	nc_machine_destroy(m);
}

static void test_host_compat(void **state)
{
	struct numastat_opts o = { .compat = true, .width = 10000000 };

	(void)state;
	compare_with_host("numastat 2>/dev/null", &o);
}

static void test_host_n(void **state)
{
	struct numastat_opts o = { .width = 10000000 };

	(void)state;
	compare_with_host("numastat -n 2>/dev/null", &o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_tables),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_width_rules),
		cmocka_unit_test(test_no_nonzero_data),
		cmocka_unit_test(test_host_compat),
		cmocka_unit_test(test_host_n),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/arch/topology_cpuinfo.c: the vendor and family of
 * /proc/cpuinfo text written by hand, and of the host as lscpu reads it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arch/topology_cpuinfo.h"
#include "test_topology.h"

static void test_forms(void **state)
{
	static const struct {
		const char *text;
		enum nc_cpu_vendor vendor;
		unsigned int family;
	} cases[] = {
		{ "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 1\n",
		  NC_VENDOR_AMD, 0x19 },
		/* the first processor only */
		{ "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n\n"
		  "processor\t: 1\nvendor_id\t: AuthenticAMD\ncpu family\t: 23\n",
		  NC_VENDOR_INTEL, 6 },
		/* no final newline */
		{ "vendor_id\t: HygonGenuine\ncpu family\t: 24", NC_VENDOR_HYGON, 0x18 },
		/* unknown vendors, keys that only start alike, bad numbers */
		{ "vendor_id\t: CentaurHauls\ncpu family\t: 6x\n", NC_VENDOR_UNKNOWN, 0 },
		{ "vendor_idx\t: AuthenticAMD\ncpu family extra: 25\n", NC_VENDOR_UNKNOWN, 0 },
		{ "vendor_id\t: AuthenticAMDX\ncpu family\t: 99999999999999999999\n",
		  NC_VENDOR_UNKNOWN, 0 },
		/* s390 says vendor_id too, but no x86 vendor */
		{ "vendor_id       : IBM/S390\n# processors    : 2\n", NC_VENDOR_UNKNOWN, 0 },
		{ "", NC_VENDOR_UNKNOWN, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum nc_cpu_vendor v;
		unsigned int f;

		nc_topo_cpuinfo(cases[i].text, strlen(cases[i].text), &v, &f);
		assert_int_equal(v, cases[i].vendor);
		assert_int_equal(f, cases[i].family);
	}
}

/* --topology host against lscpu's "Vendor ID" and "CPU family". */
static void test_host(void **state)
{
	FILE *p = popen("LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Vendor ID: *//p; s/^CPU family: *//p'", "r");
	char vendor[64] = "", family[16] = "";
	struct nc_topology *t;

	(void)state;
	if (!p || !fgets(vendor, sizeof(vendor), p) || !fgets(family, sizeof(family), p)) {
		if (p)
			pclose(p);
		skip();   /* no lscpu here */
	}
	pclose(p);
	vendor[strcspn(vendor, "\n")] = '\0';
	t = parse_ok("host", NULL);
	assert_int_equal(t->vendor, !strcmp(vendor, "GenuineIntel") ? NC_VENDOR_INTEL :
				    !strcmp(vendor, "AuthenticAMD") ? NC_VENDOR_AMD :
				    !strcmp(vendor, "HygonGenuine") ? NC_VENDOR_HYGON :
				    NC_VENDOR_UNKNOWN);
	assert_int_equal(t->x86_family, (unsigned int)atoi(family));
	nc_topology_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/sched/topology.c: domain trees worked by hand from
 * v6.12's rules (x86 level list, sched_init_numa(), sd_init() flags,
 * build_sched_groups()/build_overlap_sched_groups(), the degenerate-domain
 * removal of cpu_attach_domain(), imb_numa_nr), and against the host's
 * /sys/kernel/debug/sched/domains where it shows them.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "sched_machine.h"

#define F_BASE "SD_BALANCE_NEWIDLE SD_BALANCE_EXEC SD_BALANCE_FORK SD_WAKE_AFFINE "

static void assert_file(struct nc_machine *m, unsigned int cpu, unsigned int nr,
			const char *file, const char *want)
{
	char buf[512];

	assert_true(sched_domain_file(m, cpu, nr, file, buf, sizeof(buf)) >= 0);
	assert_string_equal(buf, want);
}

static void assert_debug(struct nc_machine *m, unsigned int cpu, const char *want)
{
	char buf[2048];

	assert_int_equal(sched_domain_debug(m, cpu, buf, sizeof(buf)), (int)strlen(want));
	assert_string_equal(buf, want);
}

/*
 * One node, one package, 2 cores x 2 threads. Built: SMT {0,1}, CLS {0,1}
 * (L2 = the core), MC {0-3} = all CPUs, so the loop stops there (no PKG or
 * NODE). CLS has one group and only SD_WAKE_AFFINE survives its group-less
 * mask, which SMT has too: sd_parent_degenerate() removes it. Left: SMT
 * (level 0, imbalance_pct 110) and MC (level 2, 117, groups = the cores).
 */
static void test_one_node_smt_mc(void **state)
{
	struct nc_machine *m = sm_create(1, 4, 2, 1, (const uint8_t[]){ 10 }, 30);

	(void)state;
	assert_file(m, 2, 0, "name", "SMT\n");
	assert_file(m, 2, 0, "flags", F_BASE "SD_SHARE_CPUCAPACITY SD_SHARE_LLC SD_PREFER_SIBLING \n");
	assert_file(m, 2, 0, "level", "0\n");
	assert_file(m, 2, 0, "imbalance_pct", "110\n");
	assert_file(m, 2, 0, "min_interval", "2\n");
	assert_file(m, 2, 1, "name", "MC\n");
	assert_file(m, 2, 1, "flags", F_BASE "SD_SHARE_LLC SD_PREFER_SIBLING \n");
	/* the MC groups took the flags of the removed CLS's child, SMT */
	assert_file(m, 2, 1, "groups_flags", F_BASE "SD_SHARE_CPUCAPACITY SD_SHARE_LLC SD_PREFER_SIBLING \n");
	assert_file(m, 2, 1, "level", "2\n");
	assert_file(m, 2, 1, "cache_nice_tries", "1\n");
	assert_file(m, 2, 1, "max_interval", "8\n");
	assert_int_equal(sched_domain_file(m, 2, 2, "name", NULL, 0), -ENOENT);
	assert_debug(m, 2,
		     "CPU2 attaching sched-domain(s):\n"
		     " domain-0: span=2-3 level=SMT\n"
		     "  groups: 2:{ span=2 }, 3:{ span=3 }\n"
		     "  domain-1: span=0-3 level=MC\n"
		     "   groups: 2:{ span=2-3 cap=2048 }, 0:{ span=0-1 cap=2048 }\n");
	sm_destroy(m);
}

/* 2 sockets x 2 nodes (SNC-like), 2 CPUs a node, SLIT 10/12/32. */
static const uint8_t slit_2s4n[16] = {
	10, 12, 32, 32,
	12, 10, 32, 32,
	32, 32, 10, 12,
	32, 32, 12, 10,
};

/*
 * A package holds two nodes, so there is no PKG level. Distances {10,12,32}
 * give NODE, NUMA(12) and NUMA(32). On CPU0: SMT, CLS {0} degenerate
 * (one CPU), NODE {0,1} equals MC and adds no flag: removed. MC is left
 * with groups {0},{1}; NUMA(12) {0-3} with groups = the NODE domains of
 * CPU0 and CPU2; NUMA(32) all, groups = the NUMA(12) domains of CPU0 and
 * CPU4. 12 <= RECLAIM_DISTANCE (30) keeps fork balancing; 32 > 30 drops
 * SD_BALANCE_EXEC, SD_BALANCE_FORK and SD_WAKE_AFFINE.
 */
static void test_2s4n(void **state)
{
	struct nc_machine *m = sm_create(4, 2, 1, 2, slit_2s4n, 30);
	struct sched_domain *sd;

	(void)state;
	assert_debug(m, 0,
		     "CPU0 attaching sched-domain(s):\n"
		     " domain-0: span=0-1 level=MC\n"
		     "  groups: 0:{ span=0 }, 1:{ span=1 }\n"
		     "  domain-1: span=0-3 level=NUMA\n"
		     "   groups: 0:{ span=0-1 cap=2048 }, 2:{ span=2-3 cap=2048 }\n"
		     "   domain-2: span=0-7 level=NUMA\n"
		     "    groups: 0:{ span=0-3 cap=4096 }, 4:{ span=4-7 cap=4096 }\n");
	assert_file(m, 5, 0, "flags", F_BASE "SD_SHARE_LLC SD_PREFER_SIBLING \n");
	assert_file(m, 5, 0, "level", "2\n");
	assert_file(m, 5, 1, "flags", F_BASE "SD_SERIALIZE SD_OVERLAP SD_NUMA \n");
	assert_file(m, 5, 1, "level", "4\n");
	assert_file(m, 5, 1, "cache_nice_tries", "2\n");
	assert_file(m, 5, 2, "flags", "SD_BALANCE_NEWIDLE SD_SERIALIZE SD_OVERLAP SD_NUMA \n");
	/* MC became the bottom: its groups lost their flags */
	assert_file(m, 5, 0, "groups_flags", "\n");
	/*
	 * imb_numa_nr: NODE is the first level above the LLC (MC); one LLC
	 * per node gives 2 >> 3 = 0, at least 1; the first NUMA level (4 CPUs)
	 * sets the span, so NUMA(12) gets 1 and NUMA(32) 1 x 8/4 = 2.
	 */
	sd = sched_domain_nr(m, 5, 1);
	assert_int_equal(sd->imb_numa_nr, 1);
	assert_int_equal(sd->parent->imb_numa_nr, 2);
	assert_int_equal(sd->child->imb_numa_nr, 0);
	sm_destroy(m);

	/* AMD Zen sets node_reclaim_distance to 32: nothing is cut off */
	m = sm_create(4, 2, 1, 2, slit_2s4n, 32);
	assert_file(m, 0, 2, "flags", F_BASE "SD_SERIALIZE SD_OVERLAP SD_NUMA \n");
	sm_destroy(m);
}

/*
 * EPYC Naples-like: 2 sockets x 4 dies (nodes), 2 CPUs a node, SLIT
 * 10 / 16 within a socket / 32 across, with Zen's reclaim distance 32:
 * levels MC (the node), NUMA(16) = the socket, NUMA(32) = all, and 32 is
 * not beyond 32 so every level balances forks. imb_numa_nr: 1 at the
 * socket level (span 8), 1 x 16/8 = 2 for the whole machine.
 */
static void test_epyc_8n(void **state)
{
	uint8_t slit[64];
	struct nc_machine *m;

	(void)state;
	for (int a = 0; a < 8; a++)
		for (int b = 0; b < 8; b++)
			slit[a * 8 + b] = a == b ? 10 : a / 4 == b / 4 ? 16 : 32;
	m = sm_create(8, 2, 1, 4, slit, 32);
	assert_debug(m, 10,
		     "CPU10 attaching sched-domain(s):\n"
		     " domain-0: span=10-11 level=MC\n"
		     "  groups: 10:{ span=10 }, 11:{ span=11 }\n"
		     "  domain-1: span=8-15 level=NUMA\n"
		     "   groups: 10:{ span=10-11 cap=2048 }, 12:{ span=12-13 cap=2048 },"
		     " 14:{ span=14-15 cap=2048 }, 8:{ span=8-9 cap=2048 }\n"
		     "   domain-2: span=0-15 level=NUMA\n"
		     "    groups: 8:{ span=8-15 cap=8192 }, 0:{ span=0-7 cap=8192 }\n");
	assert_file(m, 10, 2, "flags", F_BASE "SD_SERIALIZE SD_OVERLAP SD_NUMA \n");
	assert_int_equal(sched_domain_nr(m, 10, 1)->imb_numa_nr, 1);
	assert_int_equal(sched_domain_nr(m, 10, 2)->imb_numa_nr, 2);
	sm_destroy(m);
}

/*
 * Asymmetric: three nodes in a line, one CPU each, each its own package;
 * d(0,1) = d(1,2) = 20, d(0,2) = 30. CPU1 reaches everything at 20, so its
 * tree stops at NUMA(20) while CPUs 0 and 2 go on to NUMA(30). CPU0's
 * NUMA(30) groups are the NUMA(20) domains of CPU0 ({0,1}) and CPU2
 * ({1,2}); only the CPU that owns such a domain at NUMA(30) balances for
 * the group, so the balance masks are {0} and {2} ("mask=").
 */
static void test_asymmetric_line(void **state)
{
	static const uint8_t slit[9] = { 10, 20, 30, 20, 10, 20, 30, 20, 10 };
	struct nc_machine *m = sm_create(3, 1, 1, 1, slit, 30);

	(void)state;
	assert_debug(m, 0,
		     "CPU0 attaching sched-domain(s):\n"
		     " domain-0: span=0-1 level=NUMA\n"
		     "  groups: 0:{ span=0 }, 1:{ span=1 }\n"
		     "  domain-1: span=0-2 level=NUMA\n"
		     "   groups: 0:{ span=0-1 mask=0 cap=2048 }, 2:{ span=1-2 mask=2 cap=2048 }\n");
	assert_debug(m, 1,
		     "CPU1 attaching sched-domain(s):\n"
		     " domain-0: span=0-2 level=NUMA\n"
		     "  groups: 1:{ span=1 }, 2:{ span=2 }, 0:{ span=0 }\n");
	/* levels: SMT CLS MC PKG NODE NUMA(20)=5 NUMA(30)=6 */
	assert_file(m, 0, 1, "level", "6\n");
	assert_file(m, 1, 0, "level", "5\n");
	sm_destroy(m);
}

/* The bootstrap NxC spec: one package per node, SLIT 10/20. PKG and NODE
 * equal MC and are removed, leaving the classic MC + NUMA pair. */
static void test_default_machine(void **state)
{
	struct nc_machine_config cfg = { .topology = "2x4" };
	struct nc_error err;
	struct nc_machine *m = nc_machine_create(&cfg, &err);

	(void)state;
	assert_non_null(m);
	assert_file(m, 4, 0, "name", "MC\n");
	assert_file(m, 4, 1, "name", "NUMA\n");
	assert_file(m, 4, 1, "flags", F_BASE "SD_SERIALIZE SD_OVERLAP SD_NUMA \n");
	assert_null(sched_domain_nr(m, 4, 2));
	nc_machine_destroy(m);
}

/* A SLIT entry below LOCAL_DISTANCE makes sched_init_numa() give up: no
 * NODE or NUMA level, the PKG level is the top. */
static void test_invalid_distance(void **state)
{
	static const uint8_t slit[4] = { 10, 5, 5, 10 };
	struct nc_machine *m = sm_create(2, 2, 1, 1, slit, 30);
	char buf[256];

	(void)state;
	assert_int_equal(m->sched->numa_levels, 0);
	assert_file(m, 0, 0, "name", "MC\n");
	assert_null(sched_domain_nr(m, 0, 1));
	/* CPU0's tree never reaches CPU2: */
	assert_true(sched_domain_debug(m, 0, buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "span=0-1 level=MC"));
	sm_destroy(m);
}

/* The host as the oracle: the names and flags in debugfs against the
 * model of --topology host (needs debugfs with sched/verbose on). */
static void test_host_debugfs(void **state)
{
	struct nc_machine_config cfg = { .topology = "host" };
	struct nc_error err;
	struct nc_machine *m;
	char path[128], host[512], model[512];
	FILE *f = fopen("/sys/kernel/debug/sched/domains/cpu0/domain0/name", "r");

	(void)state;
	if (!f) {
		skip(); /* debugfs sched/domains not exposed on this host */
		return;
	}
	fclose(f);
	m = nc_machine_create(&cfg, &err);
	if (!m) {
		skip(); /* --topology host not available yet */
		return;
	}
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		for (unsigned int nr = 0;; nr++) {
			static const char *const files[] = { "name", "flags" };
			bool have = sched_domain_nr(m, cpu, nr) != NULL;

			snprintf(path, sizeof(path),
				 "/sys/kernel/debug/sched/domains/cpu%u/domain%u/name", cpu, nr);
			f = fopen(path, "r");
			assert_int_equal(have, f != NULL);
			if (f)
				fclose(f);
			if (!have)
				break;
			for (int k = 0; k < 2; k++) {
				size_t len;

				snprintf(path, sizeof(path),
					 "/sys/kernel/debug/sched/domains/cpu%u/domain%u/%s",
					 cpu, nr, files[k]);
				f = fopen(path, "r");
				assert_non_null(f);
				len = fread(host, 1, sizeof(host) - 1, f);
				host[len] = '\0';
				fclose(f);
				sched_domain_file(m, cpu, nr, files[k], model, sizeof(model));
				assert_string_equal(model, host);
			}
		}
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_node_smt_mc),
		cmocka_unit_test(test_2s4n),
		cmocka_unit_test(test_epyc_8n),
		cmocka_unit_test(test_asymmetric_line),
		cmocka_unit_test(test_default_machine),
		cmocka_unit_test(test_invalid_distance),
		cmocka_unit_test(test_host_debugfs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

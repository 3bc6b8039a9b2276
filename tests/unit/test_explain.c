// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/explain.c: the decision records of forks on 2s4n,
 * each line worked out by hand from v6.12's rules (SLUB's cpu slab, the
 * default policy, select_task_rq_fair() with WF_FORK), their lifetime
 * (kept after reaping, the newest on pid reuse, none for a failed fork)
 * and the 80-column rendering.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "kernel/exit.h"
#include "kernel/explain.h"
#include "kernel/pid.h"
#include "kernel/sched/core.h"
#include "mm/mmap.h"
#include "mm/page_alloc.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"

/* 2s4n with init exec'd and running on CPU 0 */
static struct nc_machine *boot_2s4n(void)
{
	struct nc_machine *m = nc_boot("2s4n");

	assert_int_equal(nc_new_mm(m, nc_run_as(m, 1)), 0);
	return m;
}

static char *explain(struct nc_machine *m, int pid)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(nc_explain_task(f, m, pid), 0);
	fclose(f);
	/* one decision a line, in 80 columns */
	for (char *line = text, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		assert_non_null(nl);
		assert_true(nl - line <= 80);
	}
	return text;
}

/*
 * Where boot leaves CPU 0's task_struct slabs (5 objects a slab, 2s4n:
 * node 0 = CPUs 0-3,16-19, node 1 = 4-7,20-23, node 2 = 8-11,24-27,
 * node 3 = 12-15,28-31), by hand from ___slab_alloc()'s rules: init and
 * kthreadd open slab A on node 0; idle_threads_init() forks CPU 1..31's
 * idle tasks from CPU 0, each asking for its CPU's node. CPUs 1-3 fill A;
 * 4 mismatches: new B on node 1 (4-7, one free); 8: B to node 1's partial
 * list, new C on node 2 (8-11, one free); 12: C to node 2's list, new D on
 * node 3 (12-15, one free); 16: D to node 3's list, node 0 has no partial
 * slab: new E (16-19, one free); 20: E to node 0's list, B from node 1's
 * list takes 20, 21 opens F (21-23, two free); 24: F to node 1's list, C
 * takes 24, 25 opens G (25-27, two free); 28: G to node 2's list, D takes
 * 28, 29 opens H on node 3 (29-31), which CPU 0 keeps with two free.
 *
 * Fork 1: init on CPU 0 (node 0) forks; dup_task_struct() asks for
 * NUMA_NO_NODE, which every slab matches: fast path from H, node 3. No stack was ever
 * freed: new pages, local under the default policy. The scheduler (2s4n
 * is AMD Zen: every NUMA level balances forks): the machine has 15 idle
 * CPUs on socket 0 and 16 on socket 1, 2 running <= imb_numa_nr 2 allows
 * it; socket 0 has node 0 with 7 idle, node 1 with 8: node 1's first CPU,
 * 4; below, its core and its SMT sibling are as idle: CPU 4.
 */
static void test_first_fork(void **state)
{
	struct nc_machine *m = boot_2s4n();
	long nr = nc_clone(m, 0, SIGCHLD);
	const struct nc_fork_record *r = nc_fork_record(m, (int)nr);
	char *text;

	(void)state;
	assert_non_null(r);
	assert_int_equal(r->ppid, 1);
	assert_int_equal(r->parent_cpu, 0);
	assert_string_equal(r->policy, "default");
	assert_int_equal(r->ts_node_requested, NUMA_NO_NODE);
	assert_int_equal(r->ts_why, NC_NODE_WHY_NONE);
	assert_int_equal(r->slub_path, NC_SLUB_FASTPATH);
	assert_false(r->node_mismatch);
	assert_int_equal(r->ts_node, 3);
	assert_false(r->stack_cached);
	for (int i = 0; i < NC_EXPLAIN_STACK_PAGES; i++)
		assert_int_equal(r->stack_nodes[i], 0);
	assert_int_equal(r->first_cpu, 4);
	text = explain(m, (int)nr);
	assert_string_equal(text,
		"pid 3 (init), tgid 3, parent 1\n"
		"clone flags 0, forked on CPU 0 (node 0)\n"
		"policy: default\n"
		"task_struct: asked for NUMA_NO_NODE: the cpu slab or the policy decides\n"
		"task_struct: cpu slab fast path, object on node 3\n"
		"stack: new pages on nodes 0,0,0,0\n"
		"scheduler: from CPU 0, up to NUMA 0-31\n"
		"scheduler: NUMA 0-31: 15 idle here, 16 at CPU 8: imbalance 1 allowed, 2 <= 2\n"
		"scheduler: NUMA 0-7,16-23: 7 idle here, 8 at CPU 4: move\n"
		"scheduler: CPU 4: idle, the shallowest and latest idle of its group\n"
		"scheduler: MC 4-7,20-23: 2 idle here, 2 at CPU 5: stay\n"
		"scheduler: SMT 4,20: 1 idle here, 1 at CPU 20: stay\n"
		"first CPU: 4 (node 1), remote from its task_struct\n");
	free(text);
	nc_machine_destroy(m);
}

/*
 * By hand. Fork 2, by the first child on CPU 4: CPU 4 never allocated a
 * task_struct, so SLUB takes node 1's partial slab F (see above); stack on
 * node 1. Socket 0 now runs init and the parent (14 idle, 3 running > 2): the
 * imbalance stands, socket 1's first CPU 8. Then the child exits on CPU 8
 * and is reaped: its record stays; a failed fork adds none.
 */
static void test_second_fork_and_lifetime(void **state)
{
	struct nc_machine *m = boot_2s4n();
	long first = nc_clone(m, 0, SIGCHLD), nr;
	const struct nc_fork_record *r;

	(void)state;
	nc_run_as(m, (pid_t)first);
	nr = nc_clone(m, 0, SIGCHLD);
	r = nc_fork_record(m, (int)nr);
	assert_int_equal(r->parent_cpu, 4);
	assert_int_equal(r->slub_path, NC_SLUB_NODE_PARTIAL);
	assert_int_equal(r->ts_node, 1);
	assert_int_equal(r->stack_nodes[0], 1);
	assert_int_equal(r->first_cpu, 8);

	nc_run_as(m, (pid_t)nr);
	kernel_exit(m, 0);
	nc_run_as(m, (pid_t)first);
	assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	r = nc_fork_record(m, (int)nr);
	assert_non_null(r);
	assert_int_equal(r->first_cpu, 8);

	size_t before = nc_fork_nr_records(m);

	assert_int_equal(nc_clone(m, CLONE_SIGHAND, SIGCHLD), -EINVAL);
	assert_int_equal(nc_fork_nr_records(m), before);
	/* boot's init and kthreadd, then the two forks, oldest first */
	assert_int_equal(before, 4);
	assert_int_equal(nc_fork_record_at(m, 0)->pid, 1);
	assert_int_equal(nc_fork_record_at(m, 1)->pid, 2);
	assert_int_equal(nc_fork_record_at(m, 3)->pid, nr);
	assert_null(nc_fork_record_at(m, 4));
	assert_int_equal(nc_explain_task(stdout, m, 999), -ESRCH);
	nc_machine_destroy(m);
}

/* The second task given a pid is the one explained. */
static void test_pid_reuse_newest(void **state)
{
	struct nc_machine *m = boot_2s4n();
	long nr = nc_clone(m, 0, SIGCHLD), again;

	(void)state;
	nc_run_as(m, (pid_t)nr);
	kernel_exit(m, 0);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	/* the pid cursor back to nr, as writing ns_last_pid would */
	idr_set_cursor(m->init_pid_ns->idr, (unsigned int)nr);
	again = nc_clone(m, CLONE_VM | CLONE_FS, SIGCHLD);
	assert_int_equal(again, nr);
	assert_int_equal(nc_fork_record(m, (int)nr)->clone_flags, CLONE_VM | CLONE_FS);
	nc_machine_destroy(m);
}

/*
 * By hand: node 1 drained (__GFP_THISNODE allocations until none is left),
 * init forks on CPU 2 (node 1) with no cached stack: the default policy
 * prefers node 1, which is below its watermark, so the zonelist falls back
 * to node 0 for every stack page.
 */
static void test_stack_fallback(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct task_struct *init = nc_run_as(m, 1);
	struct page **held = NULL;
	size_t nr_held = 0, cap = 0;
	const struct nc_fork_record *r;
	char *text;
	long nr;

	(void)state;
	assert_int_equal(nc_new_mm(m, init), 0);
	assert_int_equal(nc_sched_run(m, init, 2), 0);
	nc_set_cpu(m, 2);
	for (unsigned int order = 10;;) {
		struct page *page = alloc_pages_node(m, 1, GFP_KERNEL | __GFP_THISNODE, order);

		if (!page) {
			if (!order)
				break;
			order--;
			continue;
		}
		if (nr_held == cap) {
			cap = cap ? 2 * cap : 256;
			held = realloc(held, cap * sizeof(*held));
			assert_non_null(held);
		}
		held[nr_held++] = page;
	}
	nr = nc_clone(m, 0, SIGCHLD);
	assert_true(nr > 0);
	r = nc_fork_record(m, (int)nr);
	assert_int_equal(r->parent_cpu, 2);
	assert_false(r->stack_cached);
	for (int i = 0; i < NC_EXPLAIN_STACK_PAGES; i++)
		assert_int_equal(r->stack_nodes[i], 0);
	text = explain(m, (int)nr);
	assert_non_null(strstr(text, "\nstack: new pages on nodes 0,0,0,0 (node 1 full: zonelist fallback)\n"));
	free(text);
	while (nr_held--)
		__free_pages(m, held[nr_held], held[nr_held]->order);
	free(held);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_fork),
		cmocka_unit_test(test_second_fork_and_lifetime),
		cmocka_unit_test(test_pid_reuse_newest),
		cmocka_unit_test(test_stack_fallback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/fork_whatif.c: the option words, and each hook
 * against the kernel's default on machines worked by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>

#include "kernel/exit.h"
#include "kernel/explain.h"
#include "kernel/kthread.h"
#include "kernel/sched/core.h"
#include "lib/err.h"
#include "mm/mmap.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"

static void test_parse(void **state)
{
	struct nc_machine_config cfg = { 0 };
	struct nc_error err = { "" };

	(void)state;
	assert_int_equal(nc_whatif_parse(&cfg, "fork-node", "child", &err), 0);
	assert_int_equal(cfg.fork_node, NC_FORK_NODE_CHILD);
	assert_int_equal(nc_whatif_parse(&cfg, "fork-node", "parent", &err), 0);
	assert_int_equal(cfg.fork_node, NC_FORK_NODE_PARENT);
	assert_int_equal(nc_whatif_parse(&cfg, "stack-cache", "node-aware", &err), 0);
	assert_int_equal(cfg.stack_cache, NC_STACK_CACHE_NODE_AWARE);
	assert_int_equal(nc_whatif_parse(&cfg, "stack-cache", "kernel", &err), 0);
	assert_int_equal(cfg.stack_cache, NC_STACK_CACHE_KERNEL);

	assert_int_equal(nc_whatif_parse(&cfg, "fork-node", "sibling", &err), -1);
	assert_string_equal(err.msg, "--fork-node=sibling: expected parent or child");
	assert_int_equal(nc_whatif_parse(&cfg, "stack-cache", "", &err), -1);
	assert_string_equal(err.msg, "--stack-cache=: expected kernel or node-aware");
	assert_int_equal(nc_whatif_parse(&cfg, "fork-cpu", "child", &err), -1);
	assert_string_equal(err.msg, "--fork-cpu: not a what-if option (fork-node, stack-cache)");
	/* a refused word changes nothing */
	assert_int_equal(cfg.fork_node, NC_FORK_NODE_PARENT);
	assert_int_equal(cfg.stack_cache, NC_STACK_CACHE_KERNEL);
	/* no error sink: still refused */
	assert_int_equal(nc_whatif_parse(&cfg, "fork-node", "x", NULL), -1);
}

static struct nc_machine *boot_2s4n(enum nc_fork_node fork_node, enum nc_stack_cache stack_cache)
{
	struct nc_machine_config cfg = {
		.topology = "2s4n", .fork_node = fork_node, .stack_cache = stack_cache,
	};
	struct nc_machine *m = nc_machine_create(&cfg, NULL);

	assert_non_null(m);
	assert_int_equal(nc_new_mm(m, nc_run_as(m, 1)), 0);
	return m;
}

/*
 * By hand (the picture of test_explain's first fork): init forks on CPU 0
 * (node 0) and the child's first CPU is 4 (node 1). The kernel takes the
 * task_struct from the node-3 slab the last idle fork left CPU 0 (see
 * test_explain) and the stack from node 0; --fork-node=child asks SLUB for
 * node 1, which that cpu slab cannot serve (node mismatch), so node 1's
 * partial slab does, and the stack pages for node 1. The child then starts
 * on CPU 4 all the same.
 */
static void test_fork_node_child(void **state)
{
	static const struct { enum nc_fork_node mode; int ts_node, stack_node; } cases[] = {
		{ NC_FORK_NODE_PARENT, 3, 0 }, { NC_FORK_NODE_CHILD, 1, 1 },
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct nc_machine *m = boot_2s4n(cases[i].mode, NC_STACK_CACHE_KERNEL);
		long nr = nc_clone(m, 0, SIGCHLD);
		const struct nc_fork_record *r = nc_fork_record(m, (int)nr);

		assert_int_equal(r->first_cpu, 4);
		assert_int_equal(r->ts_node, cases[i].ts_node);
		for (int p = 0; p < NC_EXPLAIN_STACK_PAGES; p++)
			assert_int_equal(r->stack_nodes[p], cases[i].stack_node);
		if (cases[i].mode == NC_FORK_NODE_CHILD) {
			char *text = NULL;
			size_t len = 0;
			FILE *f = open_memstream(&text, &len);

			assert_int_equal(nc_explain_task(f, m, (int)nr), 0);
			fclose(f);
			assert_non_null(strstr(text,
				"task_struct: asked for node 1: the child's first CPU's (--fork-node=child)\n"
				"task_struct: the cpu slab was on another node: deactivated\n"
				"task_struct: a slab from the node partial list, object on node 1\n"
				"stack: new pages on nodes 1,1,1,1\n"));
			assert_non_null(strstr(text, "\nfirst CPU: 4 (node 1)\n"));
			free(text);
			assert_int_equal(r->ts_node_requested, 1);
			assert_int_equal(r->ts_why, NC_NODE_WHY_CHILD_CPU);
			assert_true(r->node_mismatch);
			assert_int_equal(r->slub_path, NC_SLUB_NODE_PARTIAL);
		} else {
			assert_int_equal(r->ts_node_requested, NUMA_NO_NODE);
			assert_false(r->node_mismatch);
		}
		nc_machine_destroy(m);
	}
}

/* A kthread's node is kthreadd's pref_node_fork: the what-if leaves it. */
static void test_fork_node_child_keeps_kthread_node(void **state)
{
	struct nc_machine *m = boot_2s4n(NC_FORK_NODE_CHILD, NC_STACK_CACHE_KERNEL);
	struct task_struct *k = kthread_create_on_node(m, 3, "kworker");
	const struct nc_fork_record *r;

	(void)state;
	assert_false(IS_ERR(k));
	r = nc_fork_record(m, k->pid);
	assert_int_equal(r->ts_node_requested, 3);
	assert_int_equal(r->ts_why, NC_NODE_WHY_CALLER);
	assert_int_equal(r->ts_node, 3);
	assert_int_equal(k->whatif_cpu, 0);
	nc_machine_destroy(m);
}

/*
 * By hand: a child forked on CPU 0 has its stack on node 0 and runs on
 * CPU 4, where it exits: its stack goes to CPU 4's cache. init, moved to
 * CPU 4 (node 1), forks: the kernel takes the cached node-0 stack;
 * node-aware refuses it and allocates node-1 pages.
 */
static void test_stack_cache_node_aware(void **state)
{
	static const struct { enum nc_stack_cache mode; bool cached; int node; } cases[] = {
		{ NC_STACK_CACHE_KERNEL, true, 0 }, { NC_STACK_CACHE_NODE_AWARE, false, 1 },
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct nc_machine *m = boot_2s4n(NC_FORK_NODE_PARENT, cases[i].mode);
		struct task_struct *init = nc_current(m);
		long a = nc_clone(m, 0, SIGCHLD), b;
		const struct nc_fork_record *r;

		assert_int_equal(nc_fork_record(m, (int)a)->stack_nodes[0], 0);
		assert_int_equal(nc_fork_record(m, (int)a)->first_cpu, 4);
		nc_run_as(m, (pid_t)a);
		kernel_exit(m, 0);
		nc_run_as(m, 1);
		assert_int_equal(kernel_wait4(m, (pid_t)a, 0, 0, 0), a);
		assert_int_equal(nc_sched_run(m, init, 4), 0);
		nc_set_cpu(m, 4);
		b = nc_clone(m, 0, SIGCHLD);
		r = nc_fork_record(m, (int)b);
		assert_int_equal(r->parent_cpu, 4);
		assert_int_equal(r->stack_cached, cases[i].cached);
		for (int p = 0; p < NC_EXPLAIN_STACK_PAGES; p++)
			assert_int_equal(r->stack_nodes[p], cases[i].node);
		nc_machine_destroy(m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_fork_node_child),
		cmocka_unit_test(test_fork_node_child_keeps_kthread_node),
		cmocka_unit_test(test_stack_cache_node_aware),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

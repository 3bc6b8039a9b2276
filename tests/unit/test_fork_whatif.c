// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/fork_whatif.c: the option words, and each hook
 * against the kernel's default on machines worked by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include <numaclone/numaclone.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

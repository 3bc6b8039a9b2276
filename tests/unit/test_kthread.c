// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/kthread.c: kthread_create_on_node() reaches
 * dup_task_struct() through kthreadd's pref_node_fork, so the stack of a
 * kthread asked for on node 1 comes from node 1 although kthreadd runs on
 * node 0; an ordinary fork does not look at pref_node_fork. By hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "kernel/fork.h"
#include "kernel/kthread.h"
#include "lib/err.h"
#include "unit/nc_boot.h"

static void stack_nodes(struct nc_machine *m, struct task_struct *t, int want)
{
	int nodes[THREAD_SIZE / 4096];

	nc_task_placement(m, t, nodes, THREAD_SIZE / 4096);
	for (unsigned int i = 0; i < THREAD_SIZE / 4096; i++)
		assert_int_equal(nodes[i], want);
}

static void test_kthread_on_node(void **state)
{
	struct nc_machine *m = nc_boot("2x1");
	struct task_struct *kthreadd = m->fork->kthreadd, *k;

	(void)state;
	assert_int_equal(kthreadd->pid, 2);
	assert_int_equal(cpu_to_node(m->topo, kthreadd->cpu), 0);
	assert_int_equal(tsk_fork_get_node(m, kthreadd), NUMA_NO_NODE);
	k = kthread_create_on_node(m, 1, "kworker/1");
	assert_false(IS_ERR(k));
	assert_ptr_equal(k->real_parent, kthreadd);
	assert_true(k->flags & PF_KTHREAD);
	assert_null(k->mm);
	assert_string_equal(k->comm, "kworker/1");
	stack_nodes(m, k, 1);
	/* the request is over: kthreadd forks locally again */
	assert_int_equal(kthreadd->pref_node_fork, NUMA_NO_NODE);
	stack_nodes(m, kthread_create_on_node(m, NUMA_NO_NODE, "kworker/0"), 0);
	/* only kthreadd's preference counts */
	nc_run_as(m, 1)->pref_node_fork = 1;
	assert_int_equal(tsk_fork_get_node(m, nc_current(m)), NUMA_NO_NODE);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kthread_on_node),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

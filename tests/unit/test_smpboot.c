// SPDX-License-Identifier: GPL-2.0-only
/*
 * idle_threads_init()/fork_idle(): every CPU but the boot CPU gets an idle
 * task forked at boot, its task_struct and stack on the CPU's node, with
 * pid 0 and on no list; expectations worked out from kernel/fork.c,
 * kernel/smpboot.c and kernel/sched/core.c:init_idle() (v6.12).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "kernel/sched/sched.h"
#include "mm/vmstat.h"
#include "mm/mmzone.h"
#include "unit/nc_boot.h"

/* 2s4n: 32 CPUs; the boot CPU 0's idle task is the boot task itself */
static void test_every_cpu_has_its_idle_task(void **state)
{
	struct nc_machine *m = nc_boot("2s4n");
	const struct nc_topology *t = m->topo;
	int stack[THREAD_SIZE / 4096];
	char comm[24];

	(void)state;
	assert_ptr_equal(idle_task(m, 0), m->init_task);
	for (unsigned int cpu = 1; cpu < t->nr_cpu_ids; cpu++) {
		struct task_struct *idle = idle_task(m, cpu);
		int node = cpu_to_node(t, cpu);

		assert_non_null(idle);
		assert_ptr_not_equal(idle, m->init_task);
		assert_int_equal(idle->pid, 0);
		assert_int_equal(idle->cpu, cpu);
		assert_true(idle->flags & PF_IDLE);
		assert_true(idle->flags & PF_KTHREAD);
		assert_true(idle->flags & PF_NO_SETAFFINITY);
		assert_int_equal(idle->nr_cpus_allowed, 1);
		assert_true(cpumask_test_cpu(cpu, &idle->cpus_mask));
		snprintf(comm, sizeof(comm), "swapper/%u", cpu);
		assert_string_equal(idle->comm, comm);
		/* asked for on its CPU's node, which has memory: both land there */
		assert_int_equal(nc_task_placement(m, idle, stack, THREAD_SIZE / 4096), node);
		for (size_t i = 0; i < THREAD_SIZE / 4096; i++)
			assert_int_equal(stack[i], node);
		/* idle, and what every CPU runs until the workload says otherwise */
		assert_true(is_idle_task(m, idle));
		assert_ptr_equal(m->curr[cpu], idle);
		assert_null(idle->mm);
	}
	/* pid 0: no pid, no thread count, but each was a fork */
	assert_int_equal(m->fork->nr_threads, 2);              /* init, kthreadd */
	assert_int_equal(m->fork->total_forks, 2 + t->nr_cpu_ids - 1);
	assert_true(list_empty(&idle_task(m, 1)->sibling));
	nc_machine_destroy(m);
}

/* Each node's kernel stacks at boot: 8 CPUs a node, less the boot CPU's
 * (static) stack on node 0, plus init's and kthreadd's (forked on CPU 0). */
static void test_boot_stacks_per_node(void **state)
{
	struct nc_machine *m = nc_boot("2s4n");

	(void)state;
	assert_int_equal(node_page_state(NODE_DATA(m, 0), NR_KERNEL_STACK_KB), (7 + 2) * 16);
	for (int nid = 1; nid < 4; nid++)
		assert_int_equal(node_page_state(NODE_DATA(m, nid), NR_KERNEL_STACK_KB), 8 * 16);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_cpu_has_its_idle_task),
		cmocka_unit_test(test_boot_stacks_per_node),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/fork.c at its present depth: the boot tasks, and
 * the parent, thread group and CPU a child gets from kernel_clone()
 * (relations as kernel/fork.c:copy_process() sets them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "uapi/linux/sched.h"
#include "unit/nc_boot.h"

static void test_boot_tasks(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct task_struct *init, *kthreadd;

	(void)state;
	assert_string_equal(m->init_task->comm, "swapper/0");
	assert_ptr_equal(nc_current(m), m->init_task);
	init = nc_run_as(m, 1);
	kthreadd = nc_run_as(m, 2);
	assert_string_equal(init->comm, "init");
	assert_string_equal(kthreadd->comm, "kthreadd");
	assert_ptr_equal(init->real_parent, m->init_task);
	assert_ptr_equal(kthreadd->real_parent, m->init_task);
	nc_machine_destroy(m);
}

static void test_parent_and_group(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct task_struct *a, *b, *c, *t;

	(void)state;
	nc_run_as(m, 1);
	m->curr[m->cpu] = NULL;
	m->cpu = 3;                        /* the child starts where the parent runs */
	m->curr[3] = pid_task(find_pid_ns(1, m->init_pid_ns), PIDTYPE_PID);
	assert_int_equal(nc_clone(m, 0, 17), 3);
	a = nc_run_as(m, 3);
	assert_int_equal(a->cpu, 3);
	assert_int_equal(a->exit_signal, 17);
	assert_int_equal(nc_clone(m, 0, 17), 4);
	assert_int_equal(nc_clone(m, CLONE_PARENT, 10), 5);
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0), 6);
	b = nc_run_as(m, 4);
	c = nc_run_as(m, 5);
	t = nc_run_as(m, 6);
	assert_ptr_equal(b->real_parent, a);
	/* CLONE_PARENT: a sibling of the caller, with the caller's exit signal */
	assert_int_equal(c->real_parent->pid, 1);
	assert_int_equal(c->exit_signal, 17);
	/* CLONE_THREAD: same group and parent, nobody is signalled on exit */
	assert_ptr_equal(t->group_leader, a);
	assert_int_equal(t->tgid, 3);
	assert_int_equal(t->exit_signal, -1);
	assert_ptr_equal(t->real_parent, a->real_parent);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boot_tasks),
		cmocka_unit_test(test_parent_and_group),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

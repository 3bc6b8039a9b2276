// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/block/ioprio.c: ioprio_check_cap()'s classes and levels,
 * and ioprio_set()/ioprio_get() by process, group and user, worked by hand
 * from block/ioprio.c (a task without a priority reads as best effort 4:
 * nice 0). The host's answers for the same calls are tests/oracle/ioprio.c's. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "block/ioprio.h"
#include "kernel/cred.h"
#include "kernel/fork.h"
#include "kernel/sys.h"
#include "uapi/linux/ioprio.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"

#define V(class, data) IOPRIO_PRIO_VALUE(IOPRIO_CLASS_##class, data)

/* A new process of pid 1, leading a session and group of its own. */
static struct task_struct *new_leader(struct nc_machine *m)
{
	struct task_struct *t = nc_new_process(m, SIGCHLD);

	assert_true(kernel_setsid(m) > 0);
	return t;
}

static void test_check_cap(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc = new_leader(m);

	(void)state;
	assert_int_equal(ioprio_check_cap(m, V(RT, 0)), 0);
	assert_int_equal(ioprio_check_cap(m, V(BE, 7)), 0);
	assert_int_equal(ioprio_check_cap(m, V(BE, 7) | 1 << 3), 0);   /* a hint */
	assert_int_equal(ioprio_check_cap(m, V(IDLE, 5)), 0);
	assert_int_equal(ioprio_check_cap(m, V(NONE, 0)), 0);
	assert_int_equal(ioprio_check_cap(m, V(NONE, 1)), -EINVAL);
	assert_int_equal(ioprio_check_cap(m, IOPRIO_PRIO_VALUE(4, 0)), -EINVAL);
	assert_int_equal(ioprio_check_cap(m, V(INVALID, 0)), -EINVAL);
	assert_int_equal(ioprio_check_cap(m, -1), -EINVAL);
	assert_int_equal(nc_set_user(m, 1000), 0);
	assert_int_equal(ioprio_check_cap(m, V(RT, 0)), -EPERM);
	/* the class is checked before whom */
	assert_int_equal(kernel_ioprio_set(m, 0, 0, V(RT, 0)), -EPERM);
	assert_int_equal(kernel_ioprio_set(m, 0, 0, V(BE, 0)), -EINVAL);
	(void)proc;
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

static void test_process(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc = new_leader(m);
	long child;

	(void)state;
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, 0), 0);   /* raw: unset */
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_PROCESS, 0, V(BE, 3)), 0);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, 0), V(BE, 3));
	child = nc_clone(m, 0, SIGCHLD);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, (int)child), V(BE, 3));
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_PROCESS, (int)child, V(IDLE, 0)), 0);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, (int)child), V(IDLE, 0));
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, 0), V(BE, 3));
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, 99999), -ESRCH);
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_PROCESS, 99999, V(BE, 3)), -ESRCH);
	assert_int_equal(kernel_ioprio_get(m, 4, 0), -EINVAL);
	(void)proc;
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* A group's value is its best (lowest) task's; unset tasks count as BE 4 */
static void test_group(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc = new_leader(m);
	long child;

	(void)state;
	child = nc_clone(m, 0, SIGCHLD);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PGRP, 0), V(BE, 4));
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_PROCESS, (int)child, V(IDLE, 0)), 0);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PGRP, 0), V(BE, 4));
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_PROCESS, (int)child, V(RT, 6)), 0);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PGRP, proc->pid), V(RT, 6));
	/* a thread of the leader counts, and is set with the group */
	assert_true(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0) > 0);
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_PGRP, 0, V(BE, 1)), 0);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, (int)child), V(BE, 1));
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PGRP, 99999), -ESRCH);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* By user: only that user's tasks; from an unmapped user namespace a
 * user id names no one, but ioprio_get()'s 0 is still the caller's user */
static void test_user(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *user;

	(void)state;
	new_leader(m);
	user = nc_task_vpid(m, nc_clone(m, 0, SIGCHLD));
	nc_enter(m, user);
	assert_int_equal(nc_set_user(m, 1000), 0);
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_USER, 1000, V(BE, 2)), 0);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_USER, 1000), V(BE, 2));
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_USER, 0), V(BE, 2));
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_USER, 4242), -ESRCH);
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_USER, 4242, V(BE, 2)), -ESRCH);
	/* root's tasks are untouched: pid 1 still reads unset */
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_PROCESS, 1), 0);
	assert_int_equal(ksys_unshare(m, CLONE_NEWUSER), 0);
	assert_int_equal(kernel_ioprio_set(m, IOPRIO_WHO_USER, 0, V(BE, 2)), -ESRCH);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_USER, 1000), -ESRCH);
	assert_int_equal(kernel_ioprio_get(m, IOPRIO_WHO_USER, 0), V(BE, 2));
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_cap),
		cmocka_unit_test(test_process),
		cmocka_unit_test(test_group),
		cmocka_unit_test(test_user),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

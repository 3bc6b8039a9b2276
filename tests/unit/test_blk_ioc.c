// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/block/blk-ioc.c: no io_context until a priority is set;
 * then a fork's child gets a copy only of a set (RT, BE, IDLE) priority,
 * a CLONE_IO child shares it, the last task's exit frees it, and a fork
 * that fails after copy_io() gives its copy back. Counts of blkdev_ioc
 * objects are worked by hand from block/blk-ioc.c's rules. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "block/blk-ioc.h"
#include "kernel/cred.h"
#include "kernel/exit.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "uapi/linux/ioprio.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"

#define BE4 IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)

/* blkdev_ioc objects in use: allocations minus frees */
static long iocs(struct nc_machine *m)
{
	const struct kmem_cache *s = m->slab->boot[NC_CACHE_BLKDEV_IOC];

	return (long)(slab_stat_sum(m, s, ALLOC_FASTPATH) + slab_stat_sum(m, s, ALLOC_SLOWPATH)) -
	       (long)(slab_stat_sum(m, s, FREE_FASTPATH) + slab_stat_sum(m, s, FREE_SLOWPATH));
}

static void test_none_until_set(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc = nc_new_process(m, SIGCHLD), *child;

	(void)state;
	assert_null(proc->io_context);
	assert_int_equal(iocs(m), 0);
	/* CLONE_IO of a task without a context shares nothing */
	child = nc_task_vpid(m, nc_clone(m, CLONE_IO, SIGCHLD));
	assert_null(child->io_context);
	nc_enter(m, proc);
	assert_int_equal(set_task_ioprio(m, proc, BE4), 0);
	assert_non_null(proc->io_context);
	assert_int_equal(proc->io_context->ioprio, BE4);
	assert_int_equal(iocs(m), 1);
	/* a second priority reuses the context */
	assert_int_equal(set_task_ioprio(m, proc, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 0)), 0);
	assert_int_equal(iocs(m), 1);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

static void test_fork_copies_a_set_priority(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc = nc_new_process(m, SIGCHLD), *child;

	(void)state;
	assert_int_equal(set_task_ioprio(m, proc, BE4), 0);
	child = nc_task_vpid(m, nc_clone(m, 0, SIGCHLD));
	assert_non_null(child->io_context);
	assert_ptr_not_equal(child->io_context, proc->io_context);
	assert_int_equal(child->io_context->ioprio, BE4);
	assert_int_equal(iocs(m), 2);
	/* class NONE is no priority: the next child gets no context */
	nc_enter(m, proc);
	assert_int_equal(set_task_ioprio(m, proc, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0)), 0);
	child = nc_task_vpid(m, nc_clone(m, 0, SIGCHLD));
	assert_null(child->io_context);
	assert_int_equal(iocs(m), 2);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

static void test_clone_io_shares_until_the_last_exit(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc = nc_new_process(m, SIGCHLD), *sharer;
	struct io_context *ioc;

	(void)state;
	assert_int_equal(set_task_ioprio(m, proc, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0)), 0);
	ioc = proc->io_context;
	sharer = nc_task_vpid(m, nc_clone(m, CLONE_IO, SIGCHLD));
	assert_ptr_equal(sharer->io_context, ioc);
	assert_int_equal(ioc->active_ref, 2);
	assert_int_equal(ioc->refcount, 1);       /* one for all its tasks */
	nc_enter(m, sharer);
	assert_int_equal(set_task_ioprio(m, sharer, BE4), 0);
	assert_int_equal(proc->io_context->ioprio, BE4);
	kernel_exit(m, 0);
	assert_null(sharer->io_context);
	assert_int_equal(ioc->active_ref, 1);
	assert_int_equal(iocs(m), 1);
	nc_enter(m, proc);
	kernel_exit(m, 0);
	assert_int_equal(iocs(m), 0);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* copy_thread() refuses a TLS base outside user space, after copy_io():
 * the unwind frees the child's copy */
static void test_failed_fork_gives_the_copy_back(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc = nc_new_process(m, SIGCHLD);
	struct kernel_clone_args args = { .flags = CLONE_SETTLS, .exit_signal = SIGCHLD,
					  .tls = 1UL << 47 };

	(void)state;
	assert_int_equal(set_task_ioprio(m, proc, BE4), 0);
	assert_int_equal(kernel_clone(m, &args), -EPERM);
	assert_int_equal(iocs(m), 1);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* another user's task needs CAP_SYS_NICE */
static void test_set_task_ioprio_permission(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *root = nc_new_process(m, SIGCHLD), *user;

	(void)state;
	user = nc_task_vpid(m, nc_clone(m, 0, SIGCHLD));
	nc_enter(m, user);
	assert_int_equal(nc_set_user(m, 1000), 0);
	assert_int_equal(set_task_ioprio(m, root, BE4), -EPERM);
	assert_null(root->io_context);
	assert_int_equal(set_task_ioprio(m, user, BE4), 0);
	nc_enter(m, root);
	assert_int_equal(set_task_ioprio(m, user, BE4), 0);   /* root has it */
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_none_until_set),
		cmocka_unit_test(test_fork_copies_a_set_priority),
		cmocka_unit_test(test_clone_io_shares_until_the_last_exit),
		cmocka_unit_test(test_failed_fork_gives_the_copy_back),
		cmocka_unit_test(test_set_task_ioprio_permission),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

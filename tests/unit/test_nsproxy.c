// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/nsproxy.c and pid_namespace.c through clone():
 * CAP_SYS_ADMIN in the child's user namespace, NEWIPC with SYSVSEM,
 * nested pid namespaces (numbers per level, the namespace's init, depth
 * limit), set_tid across levels, and a namespace closed when its init
 * dies, and freed grace periods after its last task. Expectations are
 * worked by hand from fork.md §3.4 and §5. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/nsproxy.h"
#include "kernel/pid_namespace.h"
#include "kernel/rcu/tree.h"
#include "kernel/sys.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"

static struct task_struct *child_of(struct nc_machine *m, long nr)
{
	assert_true(nr > 0);
	return pid_task(find_pid_ns((int)nr, task_active_pid_ns(nc_current(m))), PIDTYPE_PID);
}

static void enter(struct nc_machine *m, struct task_struct *t)
{
	m->curr[m->cpu] = t;
	t->cpu = m->cpu;
}

static void test_new_pid_namespace_numbers(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *init = nc_run_as(m, 1), *nsinit, *grandchild;
	long nr;

	(void)state;
	nr = nc_clone(m, CLONE_NEWPID, SIGCHLD);
	assert_int_equal(nr, 3);                    /* as the parent sees it */
	nsinit = child_of(m, nr);
	assert_int_equal(pid_nr_ns(nsinit->thread_pid, task_active_pid_ns(nsinit)), 1);
	assert_ptr_equal(task_active_pid_ns(nsinit)->child_reaper, nsinit);
	enter(m, nsinit);
	assert_int_equal(kernel_getpid(m), 1);
	assert_int_equal(kernel_getppid(m), 0);     /* the parent is outside */
	nr = nc_clone(m, 0, SIGCHLD);
	assert_int_equal(nr, 2);                    /* inside: the next number */
	grandchild = child_of(m, nr);
	assert_int_equal(pid_nr_ns(grandchild->thread_pid, m->init_pid_ns), 4);
	/* CLONE_PARENT from the namespace's init is refused */
	assert_int_equal(nc_clone(m, CLONE_PARENT, 0), -EINVAL);
	/* a thread may not enter a new pid namespace */
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWPID, 0),
			 -EINVAL);
	enter(m, init);
	nc_machine_destroy(m);
}

static void test_capability_rules(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *user;

	(void)state;
	nc_run_as(m, 1);
	user = child_of(m, nc_clone(m, 0, SIGCHLD));
	enter(m, user);
	assert_int_equal(nc_set_user(m, 1000), 0);
	assert_int_equal(nc_clone(m, CLONE_NEWPID, SIGCHLD), -EPERM);
	assert_int_equal(nc_clone(m, CLONE_NEWUTS, SIGCHLD), -EPERM);
	/* in a new user namespace it owns, the same user may */
	assert_true(nc_clone(m, CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWUTS, SIGCHLD) > 0);
	/* EPERM is checked before NEWIPC with SYSVSEM */
	assert_int_equal(nc_clone(m, CLONE_NEWIPC | CLONE_SYSVSEM, SIGCHLD), -EPERM);
	nc_run_as(m, 1);
	assert_int_equal(nc_clone(m, CLONE_NEWIPC | CLONE_SYSVSEM, SIGCHLD), -EINVAL);
	nc_machine_destroy(m);
}

/* levels 0..32 exist: the 32nd nested namespace is the last */
static void test_depth_limit(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *t = nc_run_as(m, 1);

	(void)state;
	for (int level = 1; level <= 32; level++) {
		t = child_of(m, nc_clone(m, CLONE_NEWPID, SIGCHLD));
		enter(m, t);
		assert_int_equal(task_active_pid_ns(t)->level, level);
	}
	assert_int_equal(nc_clone(m, CLONE_NEWPID, SIGCHLD), -ENOSPC);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* set_tid[0] is the innermost number; a number other than 1 needs the
 * namespace's init to exist */
static void test_set_tid_levels(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kernel_clone_args args = { .flags = CLONE_NEWPID, .exit_signal = SIGCHLD };
	pid_t tids[2] = { 1, 500 };
	struct task_struct *t;

	(void)state;
	nc_run_as(m, 1);
	args.set_tid = tids;
	args.set_tid_size = 2;
	assert_int_equal(kernel_clone(m, &args), 500);
	t = child_of(m, 500);
	assert_int_equal(pid_nr_ns(t->thread_pid, task_active_pid_ns(t)), 1);
	tids[0] = 7;                       /* a new namespace has no init yet */
	tids[1] = 501;
	assert_int_equal(kernel_clone(m, &args), -EINVAL);
	args.set_tid_size = 3;             /* more levels than the namespace has */
	assert_int_equal(kernel_clone(m, &args), -EINVAL);
	nc_machine_destroy(m);
}

/* the namespace's init dies: the namespace takes no more pids */
static void test_reaper_death_closes_namespace(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *nsinit, *other;

	(void)state;
	nc_run_as(m, 1);
	nsinit = child_of(m, nc_clone(m, CLONE_NEWPID, SIGCHLD));
	enter(m, nsinit);
	other = child_of(m, nc_clone(m, 0, SIGCHLD));
	enter(m, nsinit);
	kernel_exit(m, 0);
	enter(m, other);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), -ENOMEM);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

static unsigned long pid_ns_frees(struct nc_machine *m)
{
	const struct kmem_cache *s = m->slab->boot[NC_CACHE_PID_NS];

	return slab_stat_sum(m, s, FREE_FASTPATH) + slab_stat_sum(m, s, FREE_SLOWPATH);
}

/* A namespace outlives its last task by grace periods. By hand, 1x2: the
 * namespace's init exits (its nsproxy's reference goes) and init reaps
 * it: free_pid() queues delayed_put_pid() and starts GP 1, the
 * task_struct's callback waits for GP 2. GP 1's callback puts the pid,
 * whose reference was the namespace's last: destroy_pid_namespace() frees
 * its idr and queues delayed_free_pidns() for GP 3. GP 2 frees the task,
 * whose creds wait for GP 4. */
static void test_namespace_freed_after_grace_periods(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *init = nc_run_as(m, 1), *nsinit;
	unsigned long frees;
	long nr;

	(void)state;
	nr = nc_clone(m, CLONE_NEWPID, SIGCHLD);
	nsinit = child_of(m, nr);
	enter(m, nsinit);
	kernel_exit(m, 0);
	enter(m, init);
	assert_false(rcu_gp_in_progress(m));
	frees = pid_ns_frees(m);
	assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	assert_true(rcu_gp_in_progress(m));
	assert_int_equal(pid_ns_frees(m), frees);
	nc_rcu_drain(m);
	assert_int_equal(pid_ns_frees(m), frees + 1);
	assert_int_equal(rcu_completed_gps(m), 4);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_pid_namespace_numbers),
		cmocka_unit_test(test_capability_rules),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_set_tid_levels),
		cmocka_unit_test(test_reaper_death_closes_namespace),
		cmocka_unit_test(test_namespace_freed_after_grace_periods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

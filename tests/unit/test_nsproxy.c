// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/nsproxy.c and pid_namespace.c through clone() and
 * unshare() (kernel/fork.c's ksys_unshare(), its flag rules, fs, files,
 * user and time namespaces):
 * CAP_SYS_ADMIN in the child's user namespace, NEWIPC with SYSVSEM,
 * nested pid namespaces (numbers per level, the namespace's init, depth
 * limit), set_tid across levels, and a namespace closed when its init
 * dies, and freed grace periods after its last task. Expectations are
 * worked by hand from fork.md §3.4 and §5. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/nsproxy.h"
#include "kernel/pid_namespace.h"
#include "kernel/rcu/tree.h"
#include "kernel/sys.h"
#include "mm/mmap.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"

static void test_new_pid_namespace_numbers(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *init = nc_run_as(m, 1), *nsinit, *grandchild;
	long nr;

	(void)state;
	nr = nc_clone(m, CLONE_NEWPID, SIGCHLD);
	assert_int_equal(nr, 3);                    /* as the parent sees it */
	nsinit = nc_task_vpid(m, nr);
	assert_int_equal(pid_nr_ns(nsinit->thread_pid, task_active_pid_ns(nsinit)), 1);
	assert_ptr_equal(task_active_pid_ns(nsinit)->child_reaper, nsinit);
	nc_enter(m, nsinit);
	assert_int_equal(kernel_getpid(m), 1);
	assert_int_equal(kernel_getppid(m), 0);     /* the parent is outside */
	nr = nc_clone(m, 0, SIGCHLD);
	assert_int_equal(nr, 2);                    /* inside: the next number */
	grandchild = nc_task_vpid(m, nr);
	assert_int_equal(pid_nr_ns(grandchild->thread_pid, m->init_pid_ns), 4);
	/* CLONE_PARENT from the namespace's init is refused */
	assert_int_equal(nc_clone(m, CLONE_PARENT, 0), -EINVAL);
	/* a thread may not enter a new pid namespace */
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWPID, 0),
			 -EINVAL);
	nc_enter(m, init);
	nc_machine_destroy(m);
}

static void test_capability_rules(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *user;

	(void)state;
	nc_run_as(m, 1);
	user = nc_task_vpid(m, nc_clone(m, 0, SIGCHLD));
	nc_enter(m, user);
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
		t = nc_task_vpid(m, nc_clone(m, CLONE_NEWPID, SIGCHLD));
		nc_enter(m, t);
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
	t = nc_task_vpid(m, 500);
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
	nsinit = nc_task_vpid(m, nc_clone(m, CLONE_NEWPID, SIGCHLD));
	nc_enter(m, nsinit);
	other = nc_task_vpid(m, nc_clone(m, 0, SIGCHLD));
	nc_enter(m, nsinit);
	kernel_exit(m, 0);
	nc_enter(m, other);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), -ENOMEM);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

static unsigned long frees_of(struct nc_machine *m, enum nc_boot_cache id)
{
	const struct kmem_cache *s = m->slab->boot[id];

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
	nsinit = nc_task_vpid(m, nr);
	nc_enter(m, nsinit);
	kernel_exit(m, 0);
	nc_enter(m, init);
	assert_false(rcu_gp_in_progress(m));
	frees = frees_of(m, NC_CACHE_PID_NS);
	assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	assert_true(rcu_gp_in_progress(m));
	assert_int_equal(frees_of(m, NC_CACHE_PID_NS), frees);
	nc_rcu_drain(m);
	assert_int_equal(frees_of(m, NC_CACHE_PID_NS), frees + 1);
	assert_int_equal(rcu_completed_gps(m), 4);
	nc_machine_destroy(m);
}

/* unshare(CLONE_NEWPID), by hand from ksys_unshare(): the caller stays
 * where it is, its nsproxy is a new one (the old one put), its next fork's
 * child is pid 1 of the new namespace, a thread is refused (copy_process()
 * wants the children's namespace to be the active one), and so is a
 * second unshare(CLONE_NEWPID) (copy_pid_ns()). */
static void test_unshare_newpid(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc, *nsinit;
	struct nsproxy *old;
	int count;
	long nr;

	(void)state;
	proc = nc_new_process(m, SIGCHLD);
	old = proc->nsproxy;
	count = old->count;                          /* every task's so far */
	assert_int_equal(ksys_unshare(m, CLONE_NEWPID), 0);
	assert_ptr_not_equal(proc->nsproxy, old);
	assert_int_equal(old->count, count - 1);
	assert_int_equal(proc->nsproxy->pid_ns_for_children->level, 1);
	assert_int_equal(task_active_pid_ns(proc)->level, 0);
	assert_int_equal(kernel_getpid(m), proc->pid);
	assert_int_equal(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0), -EINVAL);
	assert_int_equal(ksys_unshare(m, CLONE_NEWPID), -EINVAL);
	nr = nc_clone(m, 0, SIGCHLD);
	nsinit = nc_task_vpid(m, nr);
	assert_int_equal(pid_nr_ns(nsinit->thread_pid, task_active_pid_ns(nsinit)), 1);
	assert_ptr_equal(task_active_pid_ns(nsinit)->child_reaper, nsinit);
	/* the init dies: the namespace takes no more pids */
	nc_enter(m, nsinit);
	kernel_exit(m, 0);
	nc_enter(m, proc);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), -ENOMEM);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* check_unshare_flags(): flags unshare() does not know; a thread group,
 * shared handlers or a shared mm cannot be left, what is not shared can */
static void test_unshare_flag_rules(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc, *vmchild;
	struct fs_struct *fs;
	struct files_struct *files;

	(void)state;
	proc = nc_new_process(m, SIGCHLD);
	assert_int_equal(ksys_unshare(m, CLONE_IO), -EINVAL);
	assert_int_equal(ksys_unshare(m, 1ULL << 32), -EINVAL);
	assert_int_equal(ksys_unshare(m, CLONE_NEWPID | CLONE_VFORK), -EINVAL);
	/* alone, nothing is shared: they "succeed" and change nothing */
	fs = proc->fs;
	files = proc->files;
	assert_int_equal(ksys_unshare(m, CLONE_VM | CLONE_FS | CLONE_FILES), 0);
	assert_ptr_equal(proc->fs, fs);
	assert_ptr_equal(proc->files, files);

	/* a second thread: the group cannot be split; fs and files, shared
	 * with it, are copied */
	assert_true(nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_FS | CLONE_FILES,
			     0) > 0);
	assert_int_equal(fs->users, 2);
	for (uint64_t f = CLONE_THREAD; f; f = f == CLONE_THREAD ? CLONE_SIGHAND
				      : f == CLONE_SIGHAND ? CLONE_VM
				      : f == CLONE_VM ? CLONE_NEWUSER : 0)
		assert_int_equal(ksys_unshare(m, f), -EINVAL);
	assert_int_equal(ksys_unshare(m, CLONE_FS | CLONE_FILES), 0);
	assert_ptr_not_equal(proc->fs, fs);
	assert_ptr_not_equal(proc->files, files);
	assert_int_equal(fs->users, 1);
	assert_int_equal(files->count, 1);

	/* a CLONE_VM child outside the group: its mm is its parent's (a
	 * process of its own: pid 1 has not exec'ed, it has no mm) */
	proc = nc_new_process(m, SIGCHLD);
	assert_int_equal(nc_new_mm(m, proc), 0);
	vmchild = nc_task_vpid(m, nc_clone(m, CLONE_VM, SIGCHLD));
	nc_enter(m, vmchild);
	assert_int_equal(ksys_unshare(m, CLONE_VM), -EINVAL);
	assert_int_equal(ksys_unshare(m, CLONE_SIGHAND), 0);
	nc_enter(m, proc);
	vmchild = nc_task_vpid(m, nc_clone(m, CLONE_VM | CLONE_SIGHAND, SIGCHLD));
	nc_enter(m, vmchild);
	assert_int_equal(ksys_unshare(m, CLONE_SIGHAND), -EINVAL);
	assert_int_equal(ksys_unshare(m, CLONE_THREAD), 0);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* CLONE_NEWNS copies fs even when it is not shared; the old one, left
 * by its only user, is freed */
static void test_unshare_newns_copies_fs(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc;
	struct fs_struct *fs;
	unsigned long frees;

	(void)state;
	proc = nc_new_process(m, SIGCHLD);
	fs = proc->fs;
	proc->fs->umask = 077;
	frees = frees_of(m, NC_CACHE_FS);
	assert_int_equal(ksys_unshare(m, CLONE_NEWNS), 0);
	assert_ptr_not_equal(proc->fs, fs);
	assert_int_equal(proc->fs->umask, 077);
	assert_int_equal(frees_of(m, NC_CACHE_FS), frees + 1);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* An unprivileged user: namespaces need CAP_SYS_ADMIN, unless a new user
 * namespace (which it owns) comes with them; its NPROC count moves to the
 * new namespace; a nested one is refused (its ids are unmapped there) */
static void test_unshare_userns(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc;
	struct ucounts *old_uc;

	(void)state;
	proc = nc_new_process(m, SIGCHLD);
	assert_int_equal(nc_set_user(m, 1000), 0);
	old_uc = proc->cred->ucounts;
	assert_int_equal(old_uc->nproc, 1);
	assert_int_equal(ksys_unshare(m, CLONE_NEWPID), -EPERM);
	assert_int_equal(ksys_unshare(m, CLONE_NEWNET | CLONE_NEWUTS), -EPERM);
	assert_int_equal(ksys_unshare(m, CLONE_NEWUSER | CLONE_IO), -EINVAL);
	assert_int_equal(ksys_unshare(m, CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET), 0);
	assert_int_equal(proc->cred->user_ns->level, 1);
	assert_ptr_equal(proc->cred, proc->real_cred);
	assert_ptr_equal(proc->nsproxy->ns[NC_NS_NET]->user_ns, proc->cred->user_ns);
	assert_ptr_equal(proc->nsproxy->pid_ns_for_children->user_ns, proc->cred->user_ns);
	assert_int_equal(proc->cred->ucounts->nproc, 1);
	/* the old entry counts the task in the parent namespace no more, but
	 * the new namespace's creator entry carries its count up */
	assert_int_equal(old_uc->nproc, 1);
	assert_ptr_equal(proc->cred->user_ns->ucounts, old_uc);
	assert_int_equal(ksys_unshare(m, CLONE_NEWUSER), -EPERM);
	assert_int_equal(ksys_unshare(m, CLONE_NEWIPC), 0);   /* capable in its own */
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* unshare(CLONE_NEWTIME) changes the time namespace of children only: a
 * fork's child gets an nsproxy of its own in it, a thread shares the
 * caller's (timens_on_fork() is for children without CLONE_VM); the
 * caller enters it at its next exec (exec_task_namespaces()) */
static void test_unshare_newtime(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *proc, *child, *thread;
	struct nsproxy *old;
	struct nc_ns *time_ns;

	(void)state;
	proc = nc_new_process(m, SIGCHLD);
	time_ns = proc->nsproxy->ns[NC_NS_TIME];
	assert_int_equal(ksys_unshare(m, CLONE_NEWTIME), 0);
	assert_ptr_equal(proc->nsproxy->ns[NC_NS_TIME], time_ns);
	assert_ptr_not_equal(proc->nsproxy->time_ns_for_children, time_ns);
	child = nc_task_vpid(m, nc_clone(m, 0, SIGCHLD));
	assert_ptr_not_equal(child->nsproxy, proc->nsproxy);
	assert_ptr_equal(child->nsproxy->ns[NC_NS_TIME], proc->nsproxy->time_ns_for_children);
	nc_enter(m, proc);
	thread = nc_task_vpid(m, nc_clone(m, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, 0));
	assert_ptr_equal(thread->nsproxy, proc->nsproxy);
	/* an exec enters it too, in an nsproxy of its own; once is enough */
	old = proc->nsproxy;
	assert_int_equal(exec_task_namespaces(m), 0);
	assert_ptr_not_equal(proc->nsproxy, old);
	assert_ptr_equal(proc->nsproxy->ns[NC_NS_TIME], old->time_ns_for_children);
	assert_ptr_equal(proc->nsproxy->time_ns_for_children, old->time_ns_for_children);
	old = proc->nsproxy;
	assert_int_equal(exec_task_namespaces(m), 0);
	assert_ptr_equal(proc->nsproxy, old);
	nc_run_as(m, 1);
	nc_machine_destroy(m);
}

/* What unshare(flags) returns on the host to a process that dropped root
 * for uid and gid 65534: 0 or -errno; 1 if it could not drop root. */
static long host_unprivileged_unshare(unsigned long flags)
{
	int status = -1;
	pid_t child = fork();

	if (!child) {
		if (syscall(SYS_setresgid, 65534, 65534, 65534) ||
		    syscall(SYS_setresuid, 65534, 65534, 65534))
			_exit(1);
		_exit(syscall(SYS_unshare, flags) ? 100 + errno : 0);
	}
	syscall(SYS_wait4, child, &status, 0, NULL);
	status = (status >> 8) & 0xff;
	return status >= 100 ? -(status - 100) : status;
}

/* An unprivileged user (the model's nc_set_user()), each unshare() in a
 * process of its own, against the host's answer for the same user */
static void test_unshare_unprivileged_as_host(void **state)
{
	static const unsigned long cases[] = {
		0, CLONE_FS, CLONE_FILES, CLONE_SYSVSEM, CLONE_THREAD, CLONE_VM, CLONE_NEWNS,
		CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWPID, CLONE_NEWCGROUP,
		CLONE_NEWTIME, CLONE_NEWUSER, CLONE_NEWUSER | CLONE_NEWPID,
		CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWUTS | CLONE_NEWIPC |
			CLONE_NEWCGROUP | CLONE_NEWTIME,
		CLONE_NEWUSER | CLONE_IO, CLONE_NEWNET | CLONE_IO,
	};
	struct nc_machine *m = nc_boot("1x2");

	(void)state;
	if (geteuid() != 0 || host_unprivileged_unshare(0) != 0) {
		nc_machine_destroy(m);
		skip();                        /* cannot drop root here */
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long host = host_unprivileged_unshare(cases[i]), model;

		nc_new_process(m, SIGCHLD);
		assert_int_equal(nc_set_user(m, 65534), 0);
		model = ksys_unshare(m, cases[i]);
		if (model != host)
			fail_msg("unshare(%#lx): model %ld, host %ld", cases[i], model, host);
	}
	nc_run_as(m, 1);
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
		cmocka_unit_test(test_unshare_newpid),
		cmocka_unit_test(test_unshare_flag_rules),
		cmocka_unit_test(test_unshare_newns_copies_fs),
		cmocka_unit_test(test_unshare_userns),
		cmocka_unit_test(test_unshare_newtime),
		cmocka_unit_test(test_unshare_unprivileged_as_host),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

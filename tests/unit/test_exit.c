// SPDX-License-Identifier: GPL-2.0-only
/* Tests for src/kernel/exit.c: the status exit() and exit_group() leave,
 * compared with the wait status the host kernel reports for a real child
 * making the same call; thread autoreap and the delayed leader; wait4()
 * and waitid() rules; reparenting to init or a subreaper; parents that
 * ignore SIGCHLD; CLONE_CHILD_CLEARTID; and that a reaped task gives back
 * its pid, its stack (to the exiting CPU's cache) and its counts. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/rcu/tree.h"
#include "kernel/sched/core.h"
#include "kernel/sched/sched.h"
#include "kernel/signal.h"
#include "mm/mmap.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "mm/vmstat.h"
#include "mm/uaccess.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"


static int host_status(long nr, int code)
{
	int status = -1;
	pid_t child = fork();

	if (!child)
		syscall(nr, code);
	syscall(SYS_wait4, child, &status, 0, NULL);
	return status;
}

static bool pid_exists(struct nc_machine *m, pid_t nr)
{
	return find_pid_ns(nr, m->init_pid_ns) != NULL;
}

/* Gives the task with pid nr an empty address space. */
static void give_mm(struct nc_machine *m, pid_t nr)
{
	struct task_struct *t = nc_run_as(m, nr);

	assert_int_equal(nc_new_mm(m, t), 0);
}

/* A user address both the host and current's mm can use. */
static unsigned long map_page(struct nc_machine *m)
{
	long a = kernel_mmap(m, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			     (unsigned long)-1, 0);

	assert_true(a > 0);
	return (unsigned long)a;
}

static void test_status_like_host(void **state)
{
	static const int codes[] = { 0, 1, 3, 255, 256, 0x1ff, -1 };

	(void)state;
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		struct nc_machine *m = nc_boot("1x2");
		unsigned long status;
		int st;

		give_mm(m, 1);
		assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
		nc_run_as(m, 3);
		kernel_exit_group(m, codes[i]);
		assert_true(is_idle_task(m, nc_current(m)));
		assert_true(pid_exists(m, 3));          /* a zombie keeps its pid */

		nc_run_as(m, 1);
		assert_int_equal(nc_clone(m, 0, SIGCHLD), 4);
		nc_run_as(m, 4);
		kernel_exit(m, codes[i]);

		nc_run_as(m, 1);
		status = map_page(m);
		assert_int_equal(kernel_wait4(m, 3, status, 0, 0), 3);
		assert_int_equal(copy_from_user(m, &st, status, sizeof(st)), 0);
		assert_int_equal(st, host_status(SYS_exit_group, codes[i]));
		assert_int_equal(kernel_wait4(m, -1, status, 0, 0), 4);
		assert_int_equal(copy_from_user(m, &st, status, sizeof(st)), 0);
		assert_int_equal(st, host_status(SYS_exit, codes[i]));
		assert_false(pid_exists(m, 3));
		assert_false(pid_exists(m, 4));
		assert_int_equal(kernel_wait4(m, -1, 0, 0, 0), -ECHILD);
		nc_machine_destroy(m);
	}
}

#define THREAD_FLAGS (CLONE_VM | CLONE_SIGHAND | CLONE_THREAD)

static void test_threads_autoreap_and_leader_waits(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *leader;

	(void)state;
	give_mm(m, 1);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	leader = nc_run_as(m, 3);
	assert_int_equal(nc_clone(m, THREAD_FLAGS, 0), 4);
	assert_int_equal(nc_clone(m, THREAD_FLAGS, 0), 5);
	assert_int_equal(leader->signal->nr_threads, 3);
	/* one thread's exit() leaves the others running and is reaped at once */
	nc_run_as(m, 5);
	kernel_exit(m, 0);
	assert_false(pid_exists(m, 5));
	assert_int_equal(leader->signal->nr_threads, 2);
	/* the leader exits alone: a zombie, but not reapable while 4 lives */
	nc_run_as(m, 3);
	kernel_exit(m, 7);
	assert_int_equal(leader->exit_state, EXIT_ZOMBIE);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, -1, 0, WNOHANG, 0), 0);
	assert_int_equal(kernel_wait4(m, -1, 0, 0, 0), NC_WAIT_SLEEPS);
	/* exit_group() from the last thread: the group status wins */
	nc_run_as(m, 4);
	kernel_exit_group(m, 2);
	assert_false(pid_exists(m, 4));
	nc_run_as(m, 1);
	{
		unsigned long status = map_page(m);
		int st;

		assert_int_equal(kernel_wait4(m, 3, status, 0, 0), 3);
		assert_int_equal(copy_from_user(m, &st, status, sizeof(st)), 0);
		assert_int_equal(st, 2 << 8);
	}
	nc_machine_destroy(m);
}

static void test_group_exit_takes_every_thread(void **state)
{
	struct nc_machine *m = nc_boot("1x2");

	(void)state;
	give_mm(m, 1);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	nc_run_as(m, 3);
	assert_int_equal(nc_clone(m, THREAD_FLAGS, 0), 4);
	assert_int_equal(nc_clone(m, THREAD_FLAGS, 0), 5);
	nc_run_as(m, 4);
	kernel_exit_group(m, 9);
	assert_false(pid_exists(m, 4));
	assert_false(pid_exists(m, 5));
	assert_true(pid_exists(m, 3));
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, -1, 0, 0, 0), 3);
	assert_int_equal(m->fork->nr_threads, 2);   /* init and kthreadd */
	nc_machine_destroy(m);
}

/* Hand-worked from eligible_child(): a child whose exit signal is not
 * SIGCHLD is only seen with __WCLONE or __WALL, and the other way round. */
static void test_wait_clone_children(void **state)
{
	struct nc_machine *m = nc_boot("1x2");

	(void)state;
	give_mm(m, 1);
	assert_int_equal(nc_clone(m, 0, SIGUSR1), 3);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 4);
	nc_run_as(m, 3);
	kernel_exit(m, 0);
	nc_run_as(m, 4);
	kernel_exit(m, 0);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, 3, 0, 0, 0), -ECHILD);
	assert_int_equal(kernel_wait4(m, 4, 0, __WCLONE, 0), -ECHILD);
	assert_int_equal(kernel_wait4(m, -1, 0, __WCLONE, 0), 3);
	assert_int_equal(kernel_wait4(m, -1, 0, __WALL, 0), 4);
	assert_int_equal(kernel_wait4(m, -1, 0, 0x10, 0), -EINVAL);
	assert_int_equal(kernel_wait4(m, INT_MIN, 0, 0, 0), -ESRCH);
	assert_int_equal(kernel_wait4(m, 99, 0, 0, 0), -ECHILD);
	nc_machine_destroy(m);
}

static void test_waitid(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	unsigned long info;
	int si[7];

	(void)state;
	give_mm(m, 1);
	info = map_page(m);
	assert_int_equal(kernel_waitid(m, NC_P_ALL, 0, info, 0, 0), -EINVAL);
	assert_int_equal(kernel_waitid(m, NC_P_PID, 0, info, WEXITED, 0), -EINVAL);
	assert_int_equal(kernel_waitid(m, 9, 0, info, WEXITED, 0), -EINVAL);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	nc_run_as(m, 3);
	kernel_exit(m, 5);
	nc_run_as(m, 1);
	/* WNOWAIT reports and leaves the zombie */
	assert_int_equal(kernel_waitid(m, NC_P_PID, 3, info, WEXITED | WNOWAIT, 0), 0);
	assert_int_equal(copy_from_user(m, si, info, sizeof(si)), 0);
	assert_int_equal(si[0], SIGCHLD);
	assert_int_equal(si[2], 1);            /* CLD_EXITED */
	assert_int_equal(si[4], 3);
	assert_int_equal(si[6], 5);
	assert_true(pid_exists(m, 3));
	assert_int_equal(kernel_waitid(m, NC_P_ALL, 0, info, WEXITED, 0), 0);
	assert_false(pid_exists(m, 3));
	/* nothing left: ECHILD, and the fields are still written as zeros */
	assert_int_equal(kernel_waitid(m, NC_P_ALL, 0, info, WEXITED, 0), -ECHILD);
	assert_int_equal(copy_from_user(m, si, info, sizeof(si)), 0);
	assert_int_equal(si[0], 0);
	assert_int_equal(si[4], 0);
	nc_machine_destroy(m);
}

static void test_reparent_to_init_or_subreaper(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *grandchild, *sub;

	(void)state;
	give_mm(m, 1);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	nc_run_as(m, 3);
	assert_int_equal(nc_clone(m, 0, SIGUSR1), 4);
	grandchild = nc_run_as(m, 4);
	nc_run_as(m, 3);
	kernel_exit(m, 0);
	/* init adopts 4, and its exit signal becomes SIGCHLD */
	assert_int_equal(grandchild->real_parent->pid, 1);
	assert_int_equal(grandchild->exit_signal, SIGCHLD);

	/* a subreaper (5) above the dying parent (6) adopts 7 instead */
	nc_run_as(m, 1);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 5);
	sub = nc_run_as(m, 5);
	sub->signal->is_child_subreaper = true;
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 6);
	nc_run_as(m, 6);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 7);
	nc_run_as(m, 6);
	kernel_exit(m, 0);
	assert_int_equal(nc_run_as(m, 7)->real_parent->pid, 5);
	nc_machine_destroy(m);
}

static void test_sigchld_ignored_autoreaps(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *init;

	(void)state;
	give_mm(m, 1);
	init = nc_run_as(m, 1);
	init->sighand->action[SIGCHLD - 1].handler = NC_SIG_IGN;
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	assert_int_equal(nc_clone(m, 0, SIGUSR1), 4);
	nc_run_as(m, 3);
	kernel_exit(m, 0);
	assert_false(pid_exists(m, 3));
	/* a non-SIGCHLD child is never autoreaped */
	nc_run_as(m, 4);
	kernel_exit(m, 0);
	assert_true(pid_exists(m, 4));
	nc_machine_destroy(m);
}

static void test_child_cleartid(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kernel_clone_args args = { .flags = THREAD_FLAGS | CLONE_CHILD_CLEARTID };
	unsigned long tid;
	int v = 1234;

	(void)state;
	give_mm(m, 1);
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	nc_run_as(m, 3);
	tid = map_page(m);
	assert_int_equal(copy_to_user(m, tid, &v, sizeof(v)), 0);
	args.child_tid = tid;
	assert_int_equal(kernel_clone(m, &args), 4);
	nc_run_as(m, 4);
	kernel_exit(m, 0);
	nc_run_as(m, 3);
	assert_int_equal(copy_from_user(m, &v, tid, sizeof(v)), 0);
	assert_int_equal(v, 0);
	nc_machine_destroy(m);
}

/* A vfork parent sleeps uninterruptibly, off its run queue, until the
 * child releases its mm (exit here); it holds the child meanwhile. */
static void test_vfork_release(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *parent, *child;

	(void)state;
	give_mm(m, 1);
	parent = nc_run_as(m, 1);
	nc_sched_wake(m, parent);                    /* queued, running */
	assert_int_equal(parent->on_rq, TASK_ON_RQ_QUEUED);
	assert_int_equal(sys_vfork(m), 3);
	assert_int_equal(parent->__state, TASK_UNINTERRUPTIBLE);
	assert_int_equal(parent->on_rq, 0);
	child = nc_run_as(m, 3);
	assert_ptr_equal(child->vfork_done, parent);
	assert_ptr_equal(child->mm, parent->mm);
	/* rcu_users: running and unreaped; usage: one for those, the parent's */
	assert_int_equal(child->rcu_users, 2);
	assert_int_equal(child->usage, 2);
	kernel_exit(m, 0);
	assert_null(child->vfork_done);
	assert_int_equal(parent->__state, TASK_RUNNING);
	assert_int_equal(parent->on_rq, TASK_ON_RQ_QUEUED);
	assert_int_equal(parent->mm->mm_users, 1);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, 3, 0, 0, 0), 3);
	nc_machine_destroy(m);
}

/* A vfork parent that exits before its child (a log can say so; in the
 * kernel a fatal signal ends the wait) is not woken by the child's exit,
 * and both are reaped by init. */
static void test_vfork_parent_exits_first(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *parent;
	long a, b;

	(void)state;
	give_mm(m, 1);
	nc_run_as(m, 1);
	a = nc_clone(m, 0, SIGCHLD);
	parent = nc_run_as(m, (pid_t)a);
	b = sys_vfork(m);
	assert_true(b > 0);
	nc_run_as(m, (pid_t)a);
	kernel_exit(m, 0);
	assert_int_equal(parent->exit_state, EXIT_ZOMBIE);
	nc_run_as(m, (pid_t)b);
	kernel_exit(m, 0);
	assert_int_equal(parent->on_rq, 0);
	assert_int_not_equal(parent->__state, TASK_RUNNING);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, (pid_t)a, 0, 0, 0), a);
	assert_int_equal(kernel_wait4(m, (pid_t)b, 0, 0, 0), b);
	nc_machine_destroy(m);
}

/* A node's free pages plus those its slabs hold. */
static unsigned long free_or_slab(struct nc_machine *m, int nid)
{
	return node_free_pages(m, nid) +
	       node_page_state(NODE_DATA(m, nid), NR_SLAB_UNRECLAIMABLE_B) +
	       node_page_state(NODE_DATA(m, nid), NR_SLAB_RECLAIMABLE_B);
}

/* The reaper frees the child's objects from its own CPU, after a grace
 * period: the callback runs on the CPU that queued it, whichever CPU the
 * model executes on when the grace period ends. A task_struct made on
 * node 1 and reaped on a node 0 CPU is a remote free, SLUB's slow path on
 * that CPU (the object's slab is not its CPU slab). By hand, 2x2
 * (node 0 = CPUs 0-1, node 1 = CPUs 2-3, 5 task_structs a slab): boot
 * fills slab A on node 0 with init, kthreadd and CPU 1's idle task; CPU
 * 2's idle task mismatches, so CPU 0 opens B on node 1 for CPUs 2 and 3
 * and keeps it: the child forked on CPU 0 comes from B, node 1. */
static void test_reap_frees_remotely(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	struct kmem_cache *ts = m->slab->boot[NC_CACHE_TASK_STRUCT];
	struct kmem_cache *cred = m->slab->boot[NC_CACHE_CRED];
	struct task_struct *init, *child;
	unsigned long slow_ts, slow_cred, fast_ts;
	long nr;

	(void)state;
	give_mm(m, 1);
	init = nc_run_as(m, 1);
	init->cpu = 0;
	nc_run_as(m, 1);
	nr = nc_clone(m, 0, SIGCHLD);
	child = nc_run_as(m, (pid_t)nr);
	assert_int_equal(nc_task_placement(m, child, NULL, 0), 1);
	child->cpu = 0;
	nc_run_as(m, (pid_t)nr);
	kernel_exit(m, 0);
	init->cpu = 1;                               /* node 0 */
	nc_run_as(m, 1);
	slow_ts = per_cpu_ptr(ts->cpu_slab, 1)->stat[FREE_SLOWPATH];
	fast_ts = per_cpu_ptr(ts->cpu_slab, 1)->stat[FREE_FASTPATH];
	slow_cred = per_cpu_ptr(cred->cpu_slab, 1)->stat[FREE_SLOWPATH];
	assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	assert_int_equal(per_cpu_ptr(ts->cpu_slab, 1)->stat[FREE_SLOWPATH], slow_ts);
	assert_true(rcu_gp_in_progress(m));
	nc_set_cpu(m, 0);
	/* the task's callback, then the cred's it queues (put_cred_rcu()) */
	nc_rcu_drain(m);
	assert_int_equal(per_cpu_ptr(ts->cpu_slab, 1)->stat[FREE_SLOWPATH], slow_ts + 1);
	assert_int_equal(per_cpu_ptr(ts->cpu_slab, 1)->stat[FREE_FASTPATH], fast_ts);
	/* the cred goes with the task: exit_creds() in __put_task_struct() */
	assert_int_equal(per_cpu_ptr(cred->cpu_slab, 1)->stat[FREE_SLOWPATH], slow_cred + 1);
	nc_machine_destroy(m);
}

/* Fork, exit and reap give back every page and count; the stack stays in
 * the cache of the CPU the child exited on. */
static void test_reap_gives_everything_back(void **state)
{
	struct nc_machine *m = nc_boot("2x2");
	unsigned long free0, free1, threads;
	struct task_struct *child;

	(void)state;
	give_mm(m, 1);
	nc_run_as(m, 1);
	free0 = free_or_slab(m, 0);
	free1 = free_or_slab(m, 1);
	threads = m->fork->nr_threads;
	assert_int_equal(nc_clone(m, 0, SIGCHLD), 3);
	child = nc_run_as(m, 3);
	assert_int_equal(free_or_slab(m, 0), free0 - THREAD_SIZE / 4096);
	m->cpu = 2;                                 /* node 1's CPU */
	m->curr[2] = child;
	child->cpu = 2;
	kernel_exit(m, 0);
	assert_non_null(m->fork->cached_stacks[2][0]);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, 3, 0, 0, 0), 3);
	assert_int_equal(m->fork->nr_threads, threads);
	/* the stack's pages are cached, not freed; the objects went back to
	 * their slabs, which SLUB keeps */
	assert_int_equal(free_or_slab(m, 0), free0 - THREAD_SIZE / 4096);
	assert_int_equal(free_or_slab(m, 1), free1);
	nc_machine_destroy(m);
}

/* Objects of s freed on cpu so far. */
static unsigned long cpu_frees(struct kmem_cache *s, unsigned int cpu)
{
	return per_cpu_ptr(s->cpu_slab, cpu)->stat[FREE_FASTPATH] +
	       per_cpu_ptr(s->cpu_slab, cpu)->stat[FREE_SLOWPATH];
}

/*
 * What reaping leaves to RCU is freed by rcu_do_batch() on the CPU that
 * queued it, once every CPU has passed a quiescent state. By hand, 1x4:
 * init on CPU 0 forks A and B, which wake_up_new_task() puts on the idle
 * CPUs 1 and 2. A exits on CPU 1 (idle then); init reaps it on CPU 0:
 * release_task() frees A's pid (free_pid()), whose callback starts grace
 * period 1 at once (the model's GP kthread starts it on the call): its
 * first scan finds CPUs 1 and 3 idle, CPU 0 (the model executes there)
 * and CPU 2 (B) hold it up. The last rcu_users put comes next and queues
 * delayed_put_task_struct() for grace period 2. A fork meanwhile (C, to
 * idle CPU 1 or 3) cannot get A's object. init sleeps: CPU 0 reports.
 * The model goes on as B on CPU 2 and B sleeps: GP 1 ends, A's pid is
 * freed on CPU 0; GP 2 starts, and waits for CPU 2 (executing) and C's
 * CPU. C sleeps there: the scan finds CPU 2 idle, GP 2 ends and A's
 * task_struct is freed on CPU 0, not on C's CPU: A's slab is CPU 0's CPU
 * slab (A, B and C came from it), so SLUB's fast path puts it at the head
 * of CPU 0's freelist. The callback's exit_creds() drops A's cred, whose
 * put_cred_rcu() starts GP 3 from CPU 0, which holds it up until init
 * wakes there; the cred is freed on CPU 0 too. init's next fork on CPU 0
 * (D) gets the very task_struct A had.
 */
static void test_reaped_task_freed_after_grace_period(void **state)
{
	struct nc_machine *m = nc_boot("1x4");
	struct kmem_cache *ts = m->slab->boot[NC_CACHE_TASK_STRUCT];
	struct kmem_cache *cred = m->slab->boot[NC_CACHE_CRED];
	struct kmem_cache *pid = m->slab->boot[NC_CACHE_PID];
	struct task_struct *init, *a, *b, *c, *d;
	unsigned long ts0, fast0, cred0, pid0;
	long nr_a, nr_b;

	(void)state;
	give_mm(m, 1);
	init = nc_run_as(m, 1);
	assert_int_equal(init->cpu, 0);
	nr_a = nc_clone(m, 0, SIGCHLD);
	nr_b = nc_clone(m, 0, SIGCHLD);
	a = pid_task(find_pid_ns((pid_t)nr_a, m->init_pid_ns), PIDTYPE_PID);
	b = pid_task(find_pid_ns((pid_t)nr_b, m->init_pid_ns), PIDTYPE_PID);
	assert_int_equal(a->cpu, 1);
	assert_int_equal(b->cpu, 2);
	assert_ptr_equal(m->curr[2], b);
	assert_true(is_idle_task(m, m->curr[3]));

	nc_run_as(m, (pid_t)nr_a);
	kernel_exit(m, 0);
	assert_true(is_idle_task(m, m->curr[1]));
	nc_run_as(m, 1);
	assert_false(rcu_gp_in_progress(m));
	ts0 = cpu_frees(ts, 0);
	fast0 = per_cpu_ptr(ts->cpu_slab, 0)->stat[FREE_FASTPATH];
	cred0 = cpu_frees(cred, 0);
	pid0 = cpu_frees(pid, 0);
	assert_int_equal(kernel_wait4(m, (pid_t)nr_a, 0, 0, 0), nr_a);
	assert_false(pid_exists(m, (pid_t)nr_a));    /* the number goes at once */
	assert_true(rcu_gp_in_progress(m));
	assert_int_equal(a->rcu_users, 0);
	assert_int_equal(a->usage, 1);               /* delayed_put_task_struct()'s */

	c = pid_task(find_pid_ns((pid_t)nc_clone(m, 0, SIGCHLD), m->init_pid_ns), PIDTYPE_PID);
	assert_non_null(c);
	assert_ptr_not_equal(c, a);
	assert_true(c->cpu == 1 || c->cpu == 3);
	assert_ptr_equal(m->curr[c->cpu], c);

	nc_sched_sleep(m, init);
	assert_true(is_idle_task(m, m->curr[0]));
	assert_int_equal(rcu_completed_gps(m), 0);
	assert_ptr_equal(per_cpu_ptr(ts->cpu_slab, 0)->slab, virt_to_slab(m, a));

	nc_run_as(m, (pid_t)nr_b);
	assert_int_equal(m->cpu, 2);
	nc_sched_sleep(m, b);
	assert_int_equal(rcu_completed_gps(m), 1);
	assert_int_equal(cpu_frees(pid, 0), pid0 + 1);
	assert_int_equal(cpu_frees(ts, 0), ts0);
	assert_true(rcu_gp_in_progress(m));

	nc_run_as(m, c->pid);
	nc_sched_sleep(m, c);
	assert_int_equal(rcu_completed_gps(m), 2);
	assert_int_equal(cpu_frees(ts, 0), ts0 + 1);
	assert_int_equal(per_cpu_ptr(ts->cpu_slab, 0)->stat[FREE_FASTPATH], fast0 + 1);
	assert_int_equal(cpu_frees(ts, c->cpu), 0);
	assert_int_equal(cpu_frees(cred, 0), cred0);
	assert_true(rcu_gp_in_progress(m));

	nc_sched_wake(m, init);
	assert_ptr_equal(m->curr[0], init);
	assert_false(rcu_gp_in_progress(m));
	assert_int_equal(rcu_completed_gps(m), 3);
	assert_int_equal(cpu_frees(cred, 0), cred0 + 1);
	nc_run_as(m, 1);
	d = pid_task(find_pid_ns((pid_t)nc_clone(m, 0, SIGCHLD), m->init_pid_ns), PIDTYPE_PID);
	assert_ptr_equal(d, a);
	nc_machine_destroy(m);
}

/* A dead task's stack goes to its CPU's cache at once; with the cache
 * full, vfree() waits for a grace period, and the callback, on the CPU
 * that queued it, offers it to that CPU's cache once more
 * (thread_stack_free_rcu()). By hand, 1x4: init runs on CPU 1 and forks
 * three children, which each move to CPU 1 and exit there: the first two
 * stacks fill CPU 1's cache, the third's waits for a grace period, which
 * CPU 1 holds up (the model executes there, init never switches out).
 * init forks again: the child takes a cached stack, so the callback finds
 * a free slot and keeps the third stack instead of freeing its pages. */
static void test_stack_freed_after_grace_period(void **state)
{
	struct nc_machine *m = nc_boot("1x4");
	struct task_struct *init;
	struct thread_stack *third = NULL;
	unsigned long free_pages0;
	long nr[3];

	(void)state;
	give_mm(m, 1);
	init = nc_run_as(m, 1);
	nc_sched_run(m, init, 1);
	nc_run_as(m, 1);
	for (int i = 0; i < 3; i++)
		assert_true((nr[i] = nc_clone(m, 0, SIGCHLD)) > 0);
	for (int i = 0; i < 3; i++) {
		struct task_struct *t = nc_run_as(m, (pid_t)nr[i]);

		nc_sched_run(m, t, 1);
		nc_run_as(m, (pid_t)nr[i]);
		third = t->stack_vm_area;
		kernel_exit(m, 0);
		assert_ptr_equal(m->curr[1], init);
	}
	assert_non_null(m->fork->cached_stacks[1][0]);
	assert_non_null(m->fork->cached_stacks[1][1]);
	assert_true(m->fork->cached_stacks[1][0] != third && m->fork->cached_stacks[1][1] != third);
	assert_true(rcu_gp_in_progress(m));
	free_pages0 = node_free_pages(m, 0);
	assert_int_equal(m->cpu, 1);
	assert_true(nc_clone(m, 0, SIGCHLD) > 0);
	assert_true(rcu_gp_in_progress(m));
	assert_true(!m->fork->cached_stacks[1][0] || !m->fork->cached_stacks[1][1]);
	nc_set_cpu(m, 3);
	rcu_barrier(m);
	assert_true(m->fork->cached_stacks[1][0] == third || m->fork->cached_stacks[1][1] == third);
	assert_int_equal(node_free_pages(m, 0), free_pages0);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_like_host),
		cmocka_unit_test(test_threads_autoreap_and_leader_waits),
		cmocka_unit_test(test_group_exit_takes_every_thread),
		cmocka_unit_test(test_wait_clone_children),
		cmocka_unit_test(test_waitid),
		cmocka_unit_test(test_reparent_to_init_or_subreaper),
		cmocka_unit_test(test_sigchld_ignored_autoreaps),
		cmocka_unit_test(test_child_cleartid),
		cmocka_unit_test(test_vfork_release),
		cmocka_unit_test(test_vfork_parent_exits_first),
		cmocka_unit_test(test_reap_frees_remotely),
		cmocka_unit_test(test_reap_gives_everything_back),
		cmocka_unit_test(test_reaped_task_freed_after_grace_period),
		cmocka_unit_test(test_stack_freed_after_grace_period),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

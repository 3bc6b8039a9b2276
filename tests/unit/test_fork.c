// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/kernel/fork.c's entries: clone3()'s struct copy-in and
 * argument checks, clone()'s flag conversion, and copy_process()'s flag
 * pre-checks. The host kernel is the oracle: every case runs both in the
 * model and as a raw syscall on the host (in a throw-away subprocess whose
 * clone child exits at once without touching memory), and the outcomes
 * must agree: the same errno, or both creating a child.
 */
#include <errno.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "fs/file.h"
#include "fs/fs_struct.h"
#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/signal.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/uaccess.h"
#include "mm/vmstat.h"
#include "uapi/linux/sched.h"
#include "oracle/oracle.h"
#include "unit/nc_boot.h"


#define HOST_CREATED 0   /* the host made a child */
#define HOST_CRASHED -1  /* the subprocess died: treated as a disagreement */

/* Runs the call on the host in a subprocess; returns errno, HOST_CREATED
 * or HOST_CRASHED. Children the call hands to us (CLONE_PARENT) are reaped. */
static int host_call(long nr, long a1, long a2, long a3, long a4, long a5)
{
	pid_t sub = fork();
	int st;

	if (sub == 0) {
		sigset_t all;
		long r;

		/* the child's exit signal may be anything: let none kill us */
		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, NULL);
		r = syscall_child_exits(nr, a1, a2, a3, a4, a5);

		if (r < 0)
			_exit((int)-r);
		while (waitpid(-1, NULL, __WALL) > 0)
			;
		_exit(HOST_CREATED);
	}
	assert_true(sub > 0);
	for (;;) {
		pid_t w = waitpid(-1, &st, __WALL);

		assert_true(w > 0);
		if (w == sub)
			break;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : HOST_CRASHED;
}

static struct nc_machine *m;

/* Forks a child of current and makes it current. */
static struct task_struct *fork_and_enter(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	long nr = kernel_clone(m, &args);
	struct task_struct *t;

	if (nr <= 0)
		return NULL;
	t = pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);
	m->curr[m->cpu] = t;
	return t;
}

/* Boots a machine; makes init (pid 1), then a user task with an address
 * space (pid 2, not a namespace init, like the test process) current. */
static int setup(void **state)
{
	struct nc_machine_config cfg = { .topology = "1x2" };
	struct task_struct *t;

	(void)state;
	m = nc_machine_create(&cfg, NULL);
	if (!m || !fork_and_enter() || !(t = fork_and_enter()))
		return -1;
	t->mm = mm_alloc(m);
	return t->mm ? 0 : -1;
}

#define NS_FLAGS (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
		  CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP | CLONE_NEWTIME)

/* New namespaces need CAP_SYS_ADMIN, which the model does not check yet:
 * without root, the host refuses them and such cases are skipped. */
static bool skip_namespaces(uint64_t flags)
{
	return (flags & NS_FLAGS) && geteuid() != 0;
}

static int teardown(void **state)
{
	(void)state;
	nc_machine_destroy(m);
	return 0;
}

/* The model's answer in the host's terms: errno, or HOST_CREATED. */
static int model_result(long r)
{
	return r < 0 ? (int)-r : HOST_CREATED;
}

/* Page-aligned host buffer that the model also sees, byte for byte. */
static unsigned char *shared_buf;
#define SHARED_LEN (3 * 4096)

static void sync_to_model(void)
{
	assert_int_equal(copy_to_user(m, (unsigned long)shared_buf, shared_buf, SHARED_LEN), 0);
}

struct clone3_case {
	const char *what;
	size_t size;          /* clone3's size argument */
	size_t offset;        /* where the struct starts in shared_buf */
	struct clone_args a;
	unsigned char trailing; /* value of every byte past 88, up to size */
};

static void run_clone3(const struct clone3_case *c)
{
	unsigned char *p = shared_buf + c->offset;
	int host, model;

	memset(shared_buf, 0, SHARED_LEN);
	memcpy(p, &c->a, sizeof(c->a) < c->size ? sizeof(c->a) : c->size);
	if (c->size > sizeof(c->a) && c->offset + c->size <= SHARED_LEN)
		memset(p + sizeof(c->a), c->trailing, c->size - sizeof(c->a));
	sync_to_model();
	model = model_result(sys_clone3(m, (unsigned long)p, c->size));
	host = host_call(435, (long)p, (long)c->size, 0, 0, 0);
	if (host != model)
		fail_msg("clone3 %s (size %zu, flags %#llx): host %d, model %d", c->what,
			 c->size, (unsigned long long)c->a.flags, host, model);
}

static void test_clone3_sizes(void **state)
{
	(void)state;
	/* every size from 0 to 104, and the page-size edges */
	static const size_t big[] = { 4095, 4096, 4097, 8192 };
	struct clone3_case c = { .what = "size", .a = { .exit_signal = SIGCHLD } };

	for (size_t s = 0; s <= 104; s++) {
		c.size = s;
		c.trailing = 0;
		run_clone3(&c);
		if (s > 88) {
			c.trailing = 1;  /* a non-zero byte the kernel does not know */
			run_clone3(&c);
		}
	}
	for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
		c.size = big[i];
		c.trailing = 0;
		run_clone3(&c);
	}
}

static void test_clone3_flag_bits(void **state)
{
	(void)state;
	/* each of the 64 flag bits alone, with and without an exit signal */
	for (int bit = 0; bit < 64; bit++) {
		for (int sig = 0; sig < 2; sig++) {
			struct clone3_case c = {
				.what = "one flag bit", .size = 88,
				.a = { .flags = 1ULL << bit, .exit_signal = sig ? SIGCHLD : 0 },
			};
			uint64_t f = c.a.flags;

			/* features the model does not have: skipped by name */
			if (f == CLONE_INTO_CGROUP)
				continue; /* cgroup fd 0 is not a cgroup: needs cgroups */
			if (skip_namespaces(f))
				continue;
			if (f & (CLONE_PIDFD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
				 CLONE_CHILD_CLEARTID))
				c.a.pidfd = c.a.parent_tid = c.a.child_tid =
					(unsigned long)(shared_buf + 1024);
			if (f & CLONE_PIDFD)
				c.a.parent_tid = (unsigned long)(shared_buf + 1032);
			run_clone3(&c);
		}
	}
}

static void test_clone3_fields(void **state)
{
	unsigned long ok = (unsigned long)(shared_buf + 2048);
	const struct clone3_case cases[] = {
		{ "exit_signal 64", 88, 0, { .exit_signal = 64 } },
		{ "exit_signal 65", 88, 0, { .exit_signal = 65 } },
		{ "exit_signal high bits", 88, 0, { .exit_signal = (1ULL << 32) | SIGCHLD } },
		{ "set_tid_size 33", 88, 0, { .set_tid = ok, .set_tid_size = 33 } },
		{ "set_tid NULL, size 1", 88, 0, { .set_tid_size = 1 } },
		{ "set_tid without size", 88, 0, { .set_tid = ok } },
		{ "set_tid unreadable", 88, 0, { .set_tid = 16, .set_tid_size = 1 } },
		{ "set_tid unreadable, bad flags", 88, 0,
		  { .flags = 1, .set_tid = 16, .set_tid_size = 1 } },
		{ "set_tid in VER0 size", 64, 0, { .set_tid = 16, .set_tid_size = 1 } },
		{ "cgroup > INT_MAX", 88, 0,
		  { .flags = CLONE_INTO_CGROUP, .cgroup = 1ULL << 31 } },
		{ "INTO_CGROUP with VER1 size", 80, 0, { .flags = CLONE_INTO_CGROUP } },
		{ "stack without size", 88, 0, { .stack = ok, .exit_signal = SIGCHLD } },
		{ "size without stack", 88, 0, { .stack_size = 4096, .exit_signal = SIGCHLD } },
		{ "stack ending past user limit", 88, 0,
		  { .stack = (1UL << 47) - 4096, .stack_size = 4097 } },
		{ "stack ending at user limit", 88, 0,
		  { .stack = (1UL << 47) - 8192, .stack_size = 8192, .exit_signal = SIGCHLD } },
		{ "stack wrapping", 88, 0, { .stack = ~0UL - 10, .stack_size = 100 } },
		{ "THREAD with exit signal", 88, 0,
		  { .flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, .exit_signal = SIGCHLD } },
		{ "PARENT with exit signal", 88, 0, { .flags = CLONE_PARENT, .exit_signal = SIGCHLD } },
		{ "SIGHAND and CLEAR_SIGHAND", 88, 0,
		  { .flags = CLONE_SIGHAND | CLONE_VM | CLONE_CLEAR_SIGHAND } },
		{ "DETACHED", 88, 0, { .flags = CLONE_DETACHED } },
		{ "NEWTIME bit is allowed", 88, 0,
		  { .flags = CLONE_NEWTIME | CLONE_NEWNS, .exit_signal = SIGCHLD } },
		{ "PIDFD and PARENT_SETTID at one address", 88, 0,
		  { .flags = CLONE_PIDFD | CLONE_PARENT_SETTID, .pidfd = ok, .parent_tid = ok } },
		{ "PIDFD and PARENT_SETTID both NULL", 88, 0,
		  { .flags = CLONE_PIDFD | CLONE_PARENT_SETTID } },
		{ "PARENT_SETTID to an unwritable address", 88, 0,
		  { .flags = CLONE_PARENT_SETTID, .parent_tid = 16, .exit_signal = SIGCHLD } },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (!skip_namespaces(cases[i].a.flags))
			run_clone3(&cases[i]);
}

/* The struct itself, and bytes past 88, running into an unmapped page:
 * the third page of shared_buf is unmapped in host and model alike. */
static void test_clone3_faults(void **state)
{
	unsigned long third = (unsigned long)shared_buf + 2 * 4096;

	(void)state;
	assert_int_equal(munmap((void *)third, 4096), 0);
	assert_int_equal(kernel_munmap(m, third, 4096), 0);
	for (size_t back = 8; back <= 96; back += 8) {
		for (size_t size = 64; size <= 104; size += 8) {
			struct clone3_case c = {
				.what = "near an unmapped page", .size = size,
				.offset = 2 * 4096 - back, .a = { .exit_signal = SIGCHLD },
			};
			unsigned char *p = shared_buf + c.offset;
			int host, model;

			memset(shared_buf, 0, 2 * 4096);
			memcpy(p, &c.a, back < sizeof(c.a) ? back : sizeof(c.a));
			assert_int_equal(copy_to_user(m, (unsigned long)shared_buf, shared_buf,
						      2 * 4096), 0);
			model = model_result(sys_clone3(m, (unsigned long)p, size));
			host = host_call(435, (long)p, (long)size, 0, 0, 0);
			if (host != model)
				fail_msg("clone3 struct %zu bytes before a hole, size %zu: host %d, model %d",
					 back, size, host, model);
		}
	}
	assert_true(mmap((void *)third, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED);
}

/* Legacy clone(): every exit-signal byte form, every single flag bit of the
 * low word and the pre-check pairs (with SIGCHLD in the low byte). */
static void test_clone_legacy_flags(void **state)
{
	static const unsigned long pairs[] = {
		CLONE_NEWNS | CLONE_FS, CLONE_NEWUSER | CLONE_FS, CLONE_THREAD,
		CLONE_THREAD | CLONE_SIGHAND, CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
		CLONE_SIGHAND, CLONE_SIGHAND | CLONE_VM, CLONE_PIDFD | CLONE_DETACHED,
		CLONE_PIDFD, CLONE_PIDFD | CLONE_PARENT_SETTID,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWPID,
		CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWUSER,
		CLONE_DETACHED, CLONE_VM | CLONE_VFORK,
	};
	unsigned long ptid = (unsigned long)(shared_buf + 512);

	(void)state;
	memset(shared_buf, 0, SHARED_LEN);
	sync_to_model();
	static const unsigned long signals[] = { 0, 1, SIGCHLD, 64, 65, 0x7f, 0x80, 0xff };
	size_t nsig = sizeof(signals) / sizeof(signals[0]);
	size_t npair = sizeof(pairs) / sizeof(pairs[0]);

	for (size_t i = 0; i < nsig + 24 + npair + 1; i++) {
		unsigned long flags;
		int host, model;

		if (i < nsig)
			flags = signals[i];
		else if (i < nsig + 24)
			flags = (1UL << (i - nsig + 8)) | SIGCHLD;
		else if (i < nsig + 24 + npair)
			flags = pairs[i - nsig - 24] | SIGCHLD;
		else
			flags = (1UL << 32) | CLONE_VM | SIGCHLD; /* high bits are dropped */
		if (skip_namespaces(flags))
			continue;
		model = model_result(sys_clone(m, flags, 0, ptid, ptid, 0));
		host = host_call(56, (long)flags, 0, (long)ptid, (long)ptid, 0);
		if (host != model)
			fail_msg("clone(%#lx): host %d, model %d", flags, host, model);
	}
}

/* ---- copy_process() in depth: its own machines ---- */

/* Boots topology with init (pid 1) given an address space, current on cpu. */
static struct nc_machine *boot_user(const char *topology, unsigned int cpu)
{
	struct nc_machine *mach = nc_boot(topology);
	struct task_struct *init = nc_run_as(mach, 1);

	assert_int_equal(nc_new_mm(mach, init), 0);
	mach->curr[mach->cpu] = mach->init_task;
	init->cpu = cpu;
	nc_run_as(mach, 1);
	return mach;
}

static struct task_struct *task(struct nc_machine *mach, long nr)
{
	assert_true(nr > 0);
	return pid_task(find_pid_ns((int)nr, mach->init_pid_ns), PIDTYPE_PID);
}

static int stack_node(struct nc_machine *mach, struct task_struct *t, unsigned int i)
{
	int nodes[THREAD_SIZE / 4096];

	nc_task_placement(mach, t, nodes, THREAD_SIZE / 4096);
	return nodes[i];
}

/* By hand: the stack of a fork on a CPU of node 1 comes from node 1 (the
 * default policy prefers the local node), page by page. The child starts
 * on node 0 (v6.12 select_task_rq_fair(), WF_FORK, worked by hand): the
 * NUMA level (distance 20 <= RECLAIM_DISTANCE) balances forks; node 1 has
 * the running parent (1 idle CPU), node 0 none (2 idle); 2 running would
 * exceed imb_numa_nr 1 (one LLC of 2 CPUs: 2 >> 3, at least 1), so the
 * imbalance of 1 stands and node 0 wins; its idle CPUs tie, CPU 0 first.
 * Node 1 already holds the stacks of CPU 2's and 3's idle tasks. */
static void test_stack_on_parent_node(void **state)
{
	struct nc_machine *mach = boot_user("2x2", 2);
	struct task_struct *child;

	(void)state;
	child = task(mach, nc_clone(mach, 0, SIGCHLD));
	for (unsigned int i = 0; i < THREAD_SIZE / 4096; i++)
		assert_int_equal(stack_node(mach, child, i), 1);
	assert_int_equal(child->cpu, 0);
	assert_int_equal(node_page_state(NODE_DATA(mach, 1), NR_KERNEL_STACK_KB), 3 * 16);
	nc_machine_destroy(mach);
}

/* By hand (alloc_pages_bulk_array_interleave): 4 pages over nodes {0,1}
 * are two per node; set_mempolicy() left the cursor before node 0, so
 * node 0 gets the first two. The child gets its own copy of the policy. */
static void test_stack_interleaved_by_policy(void **state)
{
	struct nc_machine *mach = boot_user("2x2", 2);
	struct task_struct *parent = nc_current(mach), *child;
	unsigned long mask = 3, addr;

	(void)state;
	addr = (unsigned long)kernel_mmap(mach, 0, 4096, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, (unsigned long)-1, 0);
	assert_int_equal(copy_to_user(mach, addr, &mask, sizeof(mask)), 0);
	assert_int_equal(kernel_set_mempolicy(mach, MPOL_INTERLEAVE, addr, 3), 0);
	child = task(mach, nc_clone(mach, 0, SIGCHLD));
	assert_int_equal(stack_node(mach, child, 0), 0);
	assert_int_equal(stack_node(mach, child, 1), 0);
	assert_int_equal(stack_node(mach, child, 2), 1);
	assert_int_equal(stack_node(mach, child, 3), 1);
	assert_non_null(child->mempolicy);
	assert_ptr_not_equal(child->mempolicy, parent->mempolicy);
	assert_true(mpol_equal(child->mempolicy, parent->mempolicy));
	nc_machine_destroy(mach);
}

/* A stack freed on a CPU of node 1 is reused by the next fork there,
 * although its pages are on node 0. */
/* Pages of a node that slabs hold. */
static unsigned long slab_pages(struct nc_machine *mach, int nid)
{
	return node_page_state(NODE_DATA(mach, nid), NR_SLAB_UNRECLAIMABLE_B) +
	       node_page_state(NODE_DATA(mach, nid), NR_SLAB_RECLAIMABLE_B);
}

static void test_cached_stack_ignores_node(void **state)
{
	struct nc_machine *mach = boot_user("2x2", 0);
	struct task_struct *child;
	unsigned long free0, free1, slab1;
	pid_t nr;

	(void)state;
	child = task(mach, nc_clone(mach, 0, SIGCHLD));
	assert_int_equal(stack_node(mach, child, 0), 0);
	child->cpu = 3;
	nr = child->pid;
	nc_run_as(mach, nr);
	kernel_exit(mach, 0);
	nc_run_as(mach, 1);
	assert_int_equal(kernel_wait4(mach, -1, 0, 0, 0), nr);
	free0 = node_free_pages(mach, 0);
	free1 = node_free_pages(mach, 1);
	slab1 = slab_pages(mach, 1);
	nc_current(mach)->cpu = 3;
	nc_run_as(mach, 1);
	child = task(mach, nc_clone(mach, 0, SIGCHLD));
	for (unsigned int i = 0; i < THREAD_SIZE / 4096; i++)
		assert_int_equal(stack_node(mach, child, i), 0);
	/* the stack came from CPU 3's cache; the only new pages are the
	 * slabs CPU 3's first allocations (task_struct, cred, ...) opened on
	 * node 1 */
	assert_int_equal(nc_task_placement(mach, child, NULL, 0), 1);
	assert_int_equal(node_free_pages(mach, 0), free0);
	assert_int_equal(free1 - node_free_pages(mach, 1), slab_pages(mach, 1) - slab1);
	assert_null(mach->fork->cached_stacks[3][0]);
	nc_machine_destroy(mach);
}

static unsigned long user_page(struct nc_machine *mach)
{
	long a = kernel_mmap(mach, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			     (unsigned long)-1, 0);

	assert_true(a > 0);
	return (unsigned long)a;
}

/* The pidfd is the caller's lowest free descriptor, close-on-exec, not
 * copied into the child, and waitid(P_PIDFD) reaps through it. */
static void test_pidfd(void **state)
{
	struct nc_machine *mach = boot_user("1x2", 0);
	struct kernel_clone_args args = { .flags = CLONE_PIDFD, .exit_signal = SIGCHLD };
	struct files_struct *files = nc_current(mach)->files;
	struct task_struct *child;
	unsigned long where = user_page(mach);
	int fd = -1;
	long nr;

	(void)state;
	args.pidfd = where;
	nr = kernel_clone(mach, &args);
	child = task(mach, nr);
	assert_int_equal(copy_from_user(mach, &fd, where, sizeof(fd)), 0);
	assert_int_equal(fd, 0);
	assert_true(nc_fd_cloexec(files, 0));
	assert_ptr_equal(nc_fd_file(mach, 0)->pid, child->thread_pid);
	assert_null(child->files->fdt->fd[0]);
	nc_run_as(mach, (pid_t)nr);
	kernel_exit(mach, 3);
	nc_run_as(mach, 1);
	assert_int_equal(kernel_waitid(mach, NC_P_PIDFD, 0, 0, WEXITED, 0), 0);
	assert_null(find_pid_ns((int)nr, mach->init_pid_ns));
	assert_int_equal(kernel_waitid(mach, NC_P_PIDFD, 1, 0, WEXITED, 0), -EBADF);
	assert_int_equal(close_fd(mach, 0), 0);
	nc_machine_destroy(mach);
}

/* Everything the sweep compares before and after a failed call. */
struct fork_snapshot {
	unsigned long free[2], stack_kb[2], nr_threads;
	unsigned int pid_allocated;
	int files, fs, sighand, mm_users, signal_cnt, cred_usage;
	long nproc;
	struct thread_stack *cache[NR_CACHED_STACKS];
};

static void snapshot(struct nc_machine *mach, struct fork_snapshot *s)
{
	struct task_struct *cur = nc_current(mach);

	memset(s, 0, sizeof(*s));
	for (int n = 0; n < (int)mach->topo->nr_node_ids; n++) {
		s->free[n] = node_free_pages(mach, n);
		s->stack_kb[n] = node_page_state(NODE_DATA(mach, n), NR_KERNEL_STACK_KB);
	}
	s->nr_threads = mach->fork->nr_threads;
	s->pid_allocated = mach->init_pid_ns->pid_allocated;
	s->files = cur->files->count;
	s->fs = cur->fs->users;
	s->sighand = cur->sighand->count;
	s->mm_users = cur->mm->mm_users;
	s->signal_cnt = cur->signal->sigcnt;
	s->cred_usage = cur->cred->usage;
	s->nproc = cur->cred->ucounts->nproc;
	memcpy(s->cache, mach->fork->cached_stacks[mach->cpu], sizeof(s->cache));
}

/* RLIMIT_NPROC counts the user's tasks; root and capabilities bypass it,
 * threads-max does not. */
static void test_nproc_and_threads_max(void **state)
{
	struct nc_machine *mach = boot_user("1x2", 0);
	struct task_struct *child;
	unsigned long threads;

	(void)state;
	child = task(mach, nc_clone(mach, 0, SIGCHLD));
	nc_run_as(mach, child->pid);
	assert_int_equal(nc_set_user(mach, 1000), 0);
	assert_true(nc_clone(mach, 0, SIGCHLD) > 0);     /* uid 1000: 2 tasks */
	child->signal->rlim[RLIMIT_NPROC].rlim_cur = 2;
	assert_int_equal(nc_clone(mach, 0, SIGCHLD), -EAGAIN);
	child->signal->rlim[RLIMIT_NPROC].rlim_cur = 3;
	assert_true(nc_clone(mach, 0, SIGCHLD) > 0);
	/* threads-max: nobody passes */
	nc_run_as(mach, 1);
	threads = mach->fork->nr_threads;
	mach->fork->max_threads = threads;
	assert_int_equal(nc_clone(mach, 0, SIGCHLD), -EAGAIN);
	assert_int_equal(mach->fork->nr_threads, threads);
	nc_machine_destroy(mach);
}

/* fork_init(): one thread per 128 KiB of boot memory; init may own half.
 * By hand: two 4 GiB nodes are 2097152 pages, 65536 threads, less what
 * booting took before fork_init (a few pages at most). */
static void test_max_threads(void **state)
{
	struct nc_machine *mach = nc_boot("2x1");

	(void)state;
	assert_in_range(mach->fork->max_threads, 65530, 65536);
	assert_int_equal(nc_run_as(mach, 1)->signal->rlim[RLIMIT_NPROC].rlim_cur,
			 mach->fork->max_threads / 2);
	set_max_threads(mach, 10);
	assert_int_equal(mach->fork->max_threads, 20);
	nc_machine_destroy(mach);
}

/* CLONE_SETTLS beyond user space: EPERM, after everything else was copied */
static void test_settls(void **state)
{
	struct nc_machine *mach = boot_user("1x2", 0);
	struct kernel_clone_args args = {
		.flags = CLONE_SETTLS, .exit_signal = SIGCHLD, .tls = TASK_SIZE_MAX,
	};
	struct fork_snapshot before, after;

	(void)state;
	snapshot(mach, &before);
	assert_int_equal(kernel_clone(mach, &args), -EPERM);
	/* the freed stack now sits in this CPU's cache */
	snapshot(mach, &after);
	assert_int_equal(after.nr_threads, before.nr_threads);
	assert_int_equal(after.files, before.files);
	assert_int_equal(after.nproc, before.nproc);
	args.tls = TASK_SIZE_MAX - 1;
	assert_true(kernel_clone(mach, &args) > 0);
	nc_machine_destroy(mach);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clone3_sizes),
		cmocka_unit_test(test_clone3_flag_bits),
		cmocka_unit_test(test_clone3_fields),
		cmocka_unit_test(test_clone_legacy_flags),
		cmocka_unit_test(test_clone3_faults),
		cmocka_unit_test(test_stack_on_parent_node),
		cmocka_unit_test(test_stack_interleaved_by_policy),
		cmocka_unit_test(test_cached_stack_ignores_node),
		cmocka_unit_test(test_pidfd),
		cmocka_unit_test(test_nproc_and_threads_max),
		cmocka_unit_test(test_max_threads),
		cmocka_unit_test(test_settls),
	};

	shared_buf = mmap(NULL, SHARED_LEN, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (shared_buf == MAP_FAILED)
		return 1;
	return cmocka_run_group_tests(tests, setup, teardown);
}

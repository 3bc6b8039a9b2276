// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests for src/mm/fault_inject.c, the per-task fail-nth: its countdown
 * across slab and page allocations, and the sweep it exists for. For a
 * process fork, a thread clone, a vfork, and clone3 with CLONE_PIDFD and
 * with CLONE_NEWPID, the n-th allocation fails for n = 1, 2, ... until the
 * call succeeds; each failure must give the kernel's errno and leave every
 * cache's live objects, every node's pages, the pid idr, the thread
 * counts, the parent's references and its fd table as they were.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fs/file.h"
#include "fs/fs_struct.h"
#include "kernel/cred.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/nsproxy.h"
#include "kernel/pid.h"
#include "kernel/rcu/tree.h"
#include "kernel/signal.h"
#include "mm/fail_page_alloc.h"
#include "mm/fault_inject.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/slab_common.h"
#include "mm/slub.h"
#include "mm/uaccess.h"
#include "mm/vmstat.h"
#include "uapi/linux/mempolicy.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "unit/nc_boot.h"

#define MAX_CACHES 256
#define NR_FDS 70            /* past the embedded 64: dup_fd() kmallocs a table */

/* Everything a failed clone must leave as it found it. */
struct snapshot {
	long live[MAX_CACHES];             /* allocations minus frees, per cache */
	unsigned int nr_caches;
	unsigned long pages[2];            /* free, in slabs or in cached stacks */
	unsigned long stack_kb[2];
	unsigned long nr_threads, total_forks;
	unsigned int pid_allocated;
	int files, fs, sighand, sigcnt, live_threads, group_threads, cred, mm_users;
	int nsproxy, pid_ns, pid_count, mpol;
	long nproc;
	unsigned int max_fds, next_fd;
	unsigned long open_fds[4], cloexec[4];
	struct file *fd[NR_FDS + 2];
	int f_count[NR_FDS + 2];
};

static long live_objects(const struct nc_machine *m, const struct kmem_cache *s)
{
	return (long)(slab_stat_sum(m, s, ALLOC_FASTPATH) + slab_stat_sum(m, s, ALLOC_SLOWPATH)) -
	       (long)(slab_stat_sum(m, s, FREE_FASTPATH) + slab_stat_sum(m, s, FREE_SLOWPATH));
}

static void snapshot(struct nc_machine *m, struct snapshot *s)
{
	struct task_struct *cur = nc_current(m);
	struct fdtable *fdt = cur->files->fdt;

	/* a failed fork's task_struct, creds and pid, and a reaped child's,
	 * are freed after a grace period (delayed_free_task(), put_cred(),
	 * free_pid(), put_task_struct_rcu_user()): count once they are */
	nc_rcu_drain(m);
	memset(s, 0, sizeof(*s));
	for (struct kmem_cache *c = m->slab->slab_caches; c; c = c->list_next) {
		assert_true(s->nr_caches < MAX_CACHES);
		s->live[s->nr_caches++] = live_objects(m, c);
	}
	/* SLUB keeps a slab the unwind emptied, and free_task() caches the
	 * stack of the CPU it runs on: pages move between free, slab and the
	 * stack caches, their sum may not change */
	for (int n = 0; n < 2; n++) {
		struct pglist_data *pgdat = NODE_DATA(m, n);

		s->pages[n] = node_free_pages(m, n) +
			      node_page_state(pgdat, NR_SLAB_UNRECLAIMABLE_B) +
			      node_page_state(pgdat, NR_SLAB_RECLAIMABLE_B);
		s->stack_kb[n] = node_page_state(pgdat, NR_KERNEL_STACK_KB);
	}
	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		for (int i = 0; i < NR_CACHED_STACKS; i++) {
			struct thread_stack *st = m->fork->cached_stacks[cpu][i];

			for (unsigned int k = 0; st && k < THREAD_SIZE / PAGE_SIZE; k++)
				s->pages[page_to_nid(st->pages[k])]++;
		}
	s->nr_threads = m->fork->nr_threads;
	s->total_forks = m->fork->total_forks;
	s->pid_allocated = m->init_pid_ns->pid_allocated;
	s->files = cur->files->count;
	s->fs = cur->fs->users;
	s->sighand = cur->sighand->count;
	s->sigcnt = cur->signal->sigcnt;
	s->live_threads = cur->signal->live;
	s->group_threads = cur->signal->nr_threads;
	s->cred = cur->cred->usage;
	s->mm_users = cur->mm->mm_users;
	s->nsproxy = cur->nsproxy->count;
	s->pid_ns = m->init_pid_ns->count;
	s->pid_count = (int)cur->thread_pid->count;
	s->mpol = cur->mempolicy ? cur->mempolicy->refcnt : 0;
	s->nproc = cur->cred->ucounts->nproc;
	s->max_fds = fdt->max_fds;
	s->next_fd = cur->files->next_fd;
	memcpy(s->open_fds, fdt->open_fds, BITS_TO_LONGS(fdt->max_fds) * sizeof(long) < sizeof(s->open_fds) ?
	       BITS_TO_LONGS(fdt->max_fds) * sizeof(long) : sizeof(s->open_fds));
	memcpy(s->cloexec, fdt->close_on_exec, BITS_TO_LONGS(fdt->max_fds) * sizeof(long) < sizeof(s->cloexec) ?
	       BITS_TO_LONGS(fdt->max_fds) * sizeof(long) : sizeof(s->cloexec));
	for (unsigned int fd = 0; fd < NR_FDS + 2 && fd < fdt->max_fds; fd++) {
		s->fd[fd] = fdt->fd[fd];
		s->f_count[fd] = fdt->fd[fd] ? fdt->fd[fd]->f_count : 0;
	}
}

/* A parent with what a fork copies: 70 open files (two close-on-exec), a
 * task policy, three VMAs (one with its own policy, one written). */
static struct nc_machine *boot_parent(void)
{
	struct nc_machine *m = nc_boot("2x1");
	struct task_struct *init = nc_run_as(m, 1);
	unsigned long mask = 3, addr;

	assert_int_equal(nc_new_mm(m, init), 0);
	for (int i = 0; i < NR_FDS; i++) {
		int fd = get_unused_fd_flags(m, i < 2 ? NC_O_CLOEXEC : 0);

		assert_int_equal(fd, i);
		fd_install(m, (unsigned int)fd, nc_file_alloc(m, 0, NULL));
	}
	addr = (unsigned long)kernel_mmap(m, 0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 0);
	assert_int_equal(copy_to_user(m, addr, &mask, sizeof(mask)), 0);
	assert_int_equal(kernel_set_mempolicy(m, MPOL_INTERLEAVE, addr, 3), 0);
	assert_int_equal(kernel_mbind(m, addr + 2 * PAGE_SIZE, PAGE_SIZE, MPOL_BIND, addr, 3, 0), 0);
	return m;
}

/* The user address the tests keep their clone words in. */
static unsigned long scratch(struct nc_machine *m)
{
	return nc_current(m)->mm->vmas[0]->vm_start + PAGE_SIZE;
}

/* Makes the child exit on exit_cpu, whose stack cache takes its stack,
 * and reaps it unless it is a thread. */
static void undo(struct nc_machine *m, struct task_struct *parent,
		 struct kernel_clone_args *args, long nr, unsigned int exit_cpu)
{
	struct task_struct *child;
	struct pid *pid = find_pid_ns((int)nr, task_active_pid_ns(parent));

	assert_non_null(pid);
	child = pid_task(pid, PIDTYPE_PID);
	child->cpu = exit_cpu;
	m->cpu = child->cpu;
	m->curr[m->cpu] = child;
	kernel_exit(m, 0);
	m->cpu = parent->cpu;
	m->curr[m->cpu] = parent;
	if (!(args->flags & CLONE_THREAD))
		assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	if (args->flags & CLONE_PIDFD) {
		int fd;

		assert_int_equal(copy_from_user(m, &fd, args->pidfd, sizeof(fd)), 0);
		assert_int_equal(close_fd(m, (unsigned int)fd), 0);
	}
}

struct sweep_result {
	unsigned int points, slab, page;
	unsigned int tolerated;           /* failed, and the call succeeded anyway */
};

/* A sweep is warm when the parent's CPU has a cached stack for every
 * attempt (a failed attempt gives it back there), so that each attempt
 * starts from the same state and reaches the same allocations; cold
 * when it has none: then the stack's pages are swept, and the sweep ends
 * once a failure later in the call has left a stack in that cache. */
enum sweep_kind { WARM, COLD };

/* models the errno v6.12 gives when the n-th allocation of the call
 * fails: every allocation copy_process() reaches fails with -ENOMEM here
 * (dup_task_struct, prepare_creds, mpol_dup, dup_fd and alloc_fdtable,
 * copy_fs_struct, copy_sighand, copy_signal, dup_mm and vm_area_dup,
 * create_pid_namespace, alloc_pid's kmem_cache_alloc; alloc_pid maps an
 * idr failure other than -ENOSPC to itself, i.e. -ENOMEM too; the ucount
 * allocations that would give -ENOSPC are not reached by root in the
 * initial user namespace, whose ucounts exist) */
/* A clone3() call's struct clone_args, written into the parent's memory
 * before anything is armed (its first write faults a page in). */
static unsigned long clone3_args(struct nc_machine *m, const struct kernel_clone_args *args)
{
	struct clone_args ca = {
		.flags = args->flags, .pidfd = args->pidfd, .child_tid = args->child_tid,
		.parent_tid = args->parent_tid, .exit_signal = (uint64_t)args->exit_signal,
		.tls = args->tls,
	};
	unsigned long where = scratch(m) + 256;

	assert_int_equal(copy_to_user(m, where, &ca, CLONE_ARGS_SIZE_VER0), 0);
	return where;
}

/* The call swept: clone3() from uargs if set, else kernel_clone(). */
static long do_clone(struct nc_machine *m, struct kernel_clone_args *args, unsigned long uargs)
{
	return uargs ? sys_clone3(m, uargs, CLONE_ARGS_SIZE_VER0) : kernel_clone(m, args);
}

static void sweep(struct nc_machine *m, struct kernel_clone_args *args, unsigned long uargs,
		  const char *what, enum sweep_kind kind, struct sweep_result *res)
{
	unsigned int exit_cpu = kind == COLD ? 1 : 0;
	struct task_struct *cur = nc_current(m);
	struct snapshot before, after;
	unsigned long slab0, page0;
	unsigned int n;
	long r;

	/* once with nothing armed, so that every cache has its slabs */
	r = do_clone(m, args, uargs);
	assert_true(r > 0);
	undo(m, cur, args, r, exit_cpu);
	snapshot(m, &before);
	memset(res, 0, sizeof(*res));
	/* as a fuzzer does: until the countdown outlives the call */
	for (n = 1;; n++) {
		slab0 = m->slab->failslab.nr_injected;
		page0 = m->page_alloc->fail.nr_injected;
		nc_fail_nth(m, cur, n);
		r = do_clone(m, args, uargs);
		if (cur->fail_nth) {
			assert_true(r > 0);
			nc_fail_nth(m, cur, 0);
			undo(m, cur, args, r, exit_cpu);
			break;
		}
		/* exactly one allocation failed */
		assert_int_equal(m->slab->failslab.nr_injected - slab0 +
				 m->page_alloc->fail.nr_injected - page0, 1);
		res->points++;
		res->slab += m->slab->failslab.nr_injected != slab0;
		res->page += m->page_alloc->fail.nr_injected != page0;
		if (r > 0) {
			/* a failure the kernel works around (vmalloc's page by
			 * page retry of a short bulk allocation) */
			res->tolerated++;
			undo(m, cur, args, r, exit_cpu);
			before.total_forks++;             /* a child was made */
		} else if (r != -ENOMEM) {
			fail_msg("%s: allocation %u failing gives %ld", what, n, r);
		}
		snapshot(m, &after);
		if (memcmp(&before, &after, sizeof(before)))
			fail_msg("%s: allocation %u failing leaves a trace", what, n);
		if (kind == COLD && m->fork->cached_stacks[0][0])
			break;
	}
	print_message("%s: %u failure points (%u slab, %u page, %u tolerated), "
		      "the others -ENOMEM\n", what, res->points, res->slab, res->page,
		      res->tolerated);
}

/*
 * The expected points, by hand from the model's copy_process() order for
 * this parent (70 fds, an interleave policy, three VMAs): task_struct;
 * cred_jar; files_cache, then alloc_fdtable()'s table, fd array (128
 * slots: kmalloc-cg-1k) and bitmaps; fs_cache; sighand_cache;
 * signal_cache; mm_struct; one vm_area_struct per VMA; pid. Policies,
 * namespaces other than pid and the idr are host memory.
 */
static void expect(const struct sweep_result *res, unsigned int points, unsigned int page,
		   unsigned int tolerated)
{
	assert_int_equal(res->points, points);
	assert_int_equal(res->page, page);
	assert_int_equal(res->slab, points - page);
	assert_int_equal(res->tolerated, tolerated);
}

static void test_sweep_fork(void **state)
{
	struct nc_machine *m = boot_parent();
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	struct sweep_result res;

	(void)state;
	sweep(m, &args, 0, "fork", WARM, &res);
	expect(&res, 14, 0, 0);
	/* with no cached stack: the task_struct, then the interleaved
	 * stack's two bulk requests (one a node), each worked around by
	 * vmalloc's page by page retry, then the cred, after which the
	 * unwound stack stays cached */
	sweep(m, &args, 0, "fork (cold stack)", COLD, &res);
	expect(&res, 4, 2, 2);
	nc_machine_destroy(m);
}

static void test_sweep_thread(void **state)
{
	struct nc_machine *m = boot_parent();
	unsigned long tid = scratch(m);
	struct kernel_clone_args args = {
		.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
			 CLONE_CHILD_CLEARTID,
		.parent_tid = tid, .child_tid = tid + 8, .tls = tid + 16,
	};
	struct sweep_result res;

	(void)state;
	/* everything else is shared: the task_struct and the pid */
	sweep(m, &args, 0, "thread", WARM, &res);
	expect(&res, 2, 0, 0);
	nc_machine_destroy(m);
}

static void test_sweep_vfork(void **state)
{
	struct nc_machine *m = boot_parent();
	struct kernel_clone_args args = { .flags = CLONE_VM | CLONE_VFORK,
					   .exit_signal = SIGCHLD };
	struct sweep_result res;

	(void)state;
	/* a fork's points but the mm_struct and the three VMAs */
	sweep(m, &args, 0, "vfork", WARM, &res);
	expect(&res, 10, 0, 0);
	nc_machine_destroy(m);
}

static void test_sweep_clone3_pidfd(void **state)
{
	struct nc_machine *m = boot_parent();
	struct kernel_clone_args args = { .flags = CLONE_PIDFD, .pidfd = scratch(m),
					   .exit_signal = SIGCHLD };
	struct sweep_result res;

	(void)state;
	/* the fd fits the parent's 128-slot table: a fork's points and the
	 * pidfd's file, a filp object (pidfs_alloc_file()) */
	sweep(m, &args, clone3_args(m, &args), "clone3(CLONE_PIDFD)", WARM, &res);
	expect(&res, 15, 0, 0);
	nc_machine_destroy(m);
}

static void test_sweep_clone3_newpid(void **state)
{
	struct nc_machine *m = boot_parent();
	struct kernel_clone_args args = { .flags = CLONE_NEWPID, .exit_signal = SIGCHLD };
	struct sweep_result res;

	(void)state;
	/* a fork's points, plus the nsproxy and the pid_namespace between
	 * the VMAs and the pid, which comes from pid_2; the namespace's pid
	 * cache, made by the first clone, is kept as the kernel keeps it */
	sweep(m, &args, clone3_args(m, &args), "clone3(CLONE_NEWPID)", WARM, &res);
	expect(&res, 16, 0, 0);
	assert_non_null(nc_kmem_cache_find(m, "pid_2"));
	nc_machine_destroy(m);
}

/* The countdown spans slab and page allocations and only the armed task's:
 * by hand, the 2nd candidate after arming is the page allocation. */
static void test_countdown(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *s = m->slab->boot[NC_CACHE_FS];
	struct task_struct *init = nc_run_as(m, 1);
	struct task_struct *kthreadd = m->fork->kthreadd;
	void *a, *b;
	struct page *p;

	(void)state;
	a = kmem_cache_alloc(m, s, GFP_KERNEL);           /* opens a cpu slab */
	assert_non_null(a);
	nc_fail_nth(m, init, 2);
	assert_true(m->alloc_hooks & NC_HOOK_FAILSLAB);
	b = kmem_cache_alloc(m, s, GFP_KERNEL);           /* candidate 1 */
	assert_non_null(b);
	assert_int_equal(init->fail_nth, 1);
	/* another task's allocations do not count down init's */
	m->curr[m->cpu] = kthreadd;
	p = alloc_pages_node(m, 0, GFP_KERNEL, 0);
	assert_non_null(p);
	__free_pages(m, p, 0);
	assert_int_equal(init->fail_nth, 1);
	m->curr[m->cpu] = init;
	assert_null(alloc_pages_node(m, 0, GFP_KERNEL, 0)); /* candidate 2 fails */
	assert_int_equal(init->fail_nth, 0);
	assert_false(m->alloc_hooks & NC_HOOK_FAILSLAB);           /* nothing armed now */
	p = alloc_pages_node(m, 0, GFP_KERNEL, 0);
	assert_non_null(p);
	__free_pages(m, p, 0);
	/* __GFP_NOFAIL is filtered before the countdown: not a candidate */
	nc_fail_nth(m, init, 1);
	kmem_cache_free(m, s, b);
	b = kmem_cache_alloc(m, s, GFP_KERNEL | __GFP_NOFAIL);
	assert_non_null(b);
	assert_int_equal(init->fail_nth, 1);
	assert_null(kmem_cache_alloc(m, s, GFP_KERNEL));
	kmem_cache_free(m, s, a);
	kmem_cache_free(m, s, b);
	nc_machine_destroy(m);
}

/* A child starts with fail-nth 0 (dup_task_struct() clears it), and
 * freeing an armed task disarms it. */
static void test_child_not_armed(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct task_struct *init = nc_run_as(m, 1), *child;
	long nr;

	(void)state;
	assert_int_equal(nc_new_mm(m, init), 0);
	nc_fail_nth(m, init, 1000);
	nr = nc_clone(m, 0, SIGCHLD);
	assert_true(nr > 0);
	assert_true(init->fail_nth < 1000);
	child = nc_run_as(m, (pid_t)nr);
	assert_int_equal(child->fail_nth, 0);
	nc_fail_nth(m, child, 5);
	assert_int_equal(m->slab->failslab.nr_nth_tasks, 2);
	kernel_exit(m, 0);
	nc_run_as(m, 1);
	assert_int_equal(kernel_wait4(m, (pid_t)nr, 0, 0, 0), nr);
	/* reaped, but its task_struct waits for a grace period, still armed */
	assert_int_equal(m->slab->failslab.nr_nth_tasks, 2);
	rcu_barrier(m);
	assert_int_equal(m->slab->failslab.nr_nth_tasks, 1);
	nc_fail_nth(m, init, 0);
	assert_int_equal(m->slab->failslab.nr_nth_tasks, 0);
	nc_machine_destroy(m);
}

/* copy_process()'s unwind gives the stack back to the CPU's cache at
 * once and frees the task_struct after a grace period (delayed_free_task()
 * with CONFIG_MEMCG), on the forking CPU. By hand: a first fork, exit and
 * reap on init's CPU leaves a stack in its cache; armed at 2, the next
 * fork gets its task_struct and the cached stack, and its cred fails. */
static void test_failed_fork_freed_after_grace_period(void **state)
{
	struct nc_machine *m = nc_boot("1x2");
	struct kmem_cache *ts = m->slab->boot[NC_CACHE_TASK_STRUCT];
	struct task_struct *init = nc_run_as(m, 1);
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	unsigned int cpu;
	unsigned long frees, injected;
	long nr;

	(void)state;
	assert_int_equal(nc_new_mm(m, init), 0);
	cpu = init->cpu;
	nr = kernel_clone(m, &args);
	assert_true(nr > 0);
	undo(m, init, &args, nr, cpu);
	nc_rcu_drain(m);
	assert_non_null(m->fork->cached_stacks[cpu][0]);
	frees = per_cpu_ptr(ts->cpu_slab, cpu)->stat[FREE_FASTPATH] +
		per_cpu_ptr(ts->cpu_slab, cpu)->stat[FREE_SLOWPATH];
	injected = m->slab->failslab.nr_injected;
	nc_fail_nth(m, init, 2);
	assert_int_equal(kernel_clone(m, &args), -ENOMEM);
	assert_int_equal(m->slab->failslab.nr_injected, injected + 1);
	assert_non_null(m->fork->cached_stacks[cpu][0]);
	assert_true(rcu_gp_in_progress(m));
	assert_int_equal(per_cpu_ptr(ts->cpu_slab, cpu)->stat[FREE_FASTPATH] +
			 per_cpu_ptr(ts->cpu_slab, cpu)->stat[FREE_SLOWPATH], frees);
	nc_set_cpu(m, cpu ? 0 : 1);
	rcu_barrier(m);
	assert_int_equal(per_cpu_ptr(ts->cpu_slab, cpu)->stat[FREE_FASTPATH] +
			 per_cpu_ptr(ts->cpu_slab, cpu)->stat[FREE_SLOWPATH], frees + 1);
	nc_set_cpu(m, cpu);
	nc_machine_destroy(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_countdown),
		cmocka_unit_test(test_child_not_armed),
		cmocka_unit_test(test_failed_fork_freed_after_grace_period),
		cmocka_unit_test(test_sweep_fork),
		cmocka_unit_test(test_sweep_thread),
		cmocka_unit_test(test_sweep_vfork),
		cmocka_unit_test(test_sweep_clone3_pidfd),
		cmocka_unit_test(test_sweep_clone3_newpid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/fork.c: the clone/clone3/fork/vfork entries, kernel_clone(),
 * copy_process() in v6.12's order (signal gate, dup_task_struct(), creds,
 * NPROC and threads-max, mempolicy, files, fs, sighand, signal, mm,
 * namespaces, io context, TLS, pid, pidfd, tasklist) with its unwind labels, VMAP
 * stacks with the per-CPU cache of two, mm_release() and the boot task.
 * Every object comes from its boot cache (signal_cache, sighand_cache, ...)
 * and goes back to it from whichever CPU frees it; the boot task's own are
 * static, as init/init_task.c's are; unshare() (ksys_unshare()) with its
 * flag rules, fs, files, user and other namespaces. Left out: ptrace, cgroups
 * (CLONE_INTO_CGROUP finds no cgroup fd: EBADF), perf/audit/LSM, SysV
 * semaphores, the delayed group-signal record, seccomp, sched_ext.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "block/blk-ioc.h"
#include "fs/file.h"
#include "fs/fs_struct.h"
#include "kernel/cred.h"
#include "kernel/explain.h"
#include "kernel/fork.h"
#include "kernel/fork_whatif.h"
#include "kernel/futex/syscalls.h"
#include "kernel/kthread.h"
#include "kernel/nsproxy.h"
#include "kernel/pid.h"
#include "kernel/pid_namespace.h"
#include "kernel/rcu/tree.h"
#include "kernel/rseq.h"
#include "kernel/sched/core.h"
#include "kernel/signal.h"
#include "kernel/sys.h"
#include "lib/err.h"
#include "lib/error.h"
#include "mm/fault_inject.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/mmzone.h"
#include "mm/slab.h"
#include "mm/slub.h"
#include "mm/uaccess.h"
#include "mm/usercopy.h"
#include "mm/vmalloc.h"
#include "mm/vmstat.h"
#include "trace/events.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"

#define THREADINFO_GFP (GFP_KERNEL_ACCOUNT | __GFP_ZERO)

static void init_task_lists(struct task_struct *p)
{
	for (int t = 0; t < PIDTYPE_MAX; t++)
		INIT_LIST_HEAD(&p->pid_links[t]);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->thread_group);
	INIT_LIST_HEAD(&p->nc_all);
}

/* ---- task_struct and stack ---- */

/* models kernel/fork.c:task_struct_cachep */
static struct kmem_cache *task_struct_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_TASK_STRUCT];
}

/* models kernel/fork.c:alloc_task_struct_node(): the model's task lives in
 * the object SLUB hands out, on the node SLUB's per-CPU slab decides */
static struct task_struct *alloc_task_struct_node(struct nc_machine *m, int node)
{
	return kmem_cache_alloc_node(m, task_struct_cachep(m), GFP_KERNEL, node);
}

/* models kernel/fork.c:free_task_struct() */
static void free_task_struct(struct nc_machine *m, struct task_struct *tsk)
{
	kmem_cache_free(m, task_struct_cachep(m), tsk);
}

static void free_stack_pages(struct nc_machine *m, struct thread_stack *s)
{
	vfree_pages(m, s->pages, THREAD_SIZE / PAGE_SIZE);
	free(s);
}

/* models kernel/fork.c:alloc_thread_stack_node() with CONFIG_VMAP_STACK:
 * a cached stack of this CPU whatever its node (what-if hook (b) may say
 * otherwise), else a new vmalloc area */
static int alloc_thread_stack_node(struct nc_machine *m, struct task_struct *tsk, int node)
{
	struct thread_stack **cache = m->fork->cached_stacks[smp_processor_id(m)];
	struct thread_stack *s;
	unsigned int got;

	for (int i = 0; i < NR_CACHED_STACKS; i++) {
		if (!cache[i] || !nc_fork_stack_cache_ok(m, cache[i], node))
			continue;
		tsk->stack_vm_area = cache[i];
		cache[i] = NULL;
		nc_explain_stack(m, node, true);
		return 0;
	}
	nc_explain_stack(m, node, false);
	/* the vm_struct is bookkeeping of the model's own, not a modelled
	 * allocation; its pages are */
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	got = vm_area_alloc_pages(m, THREADINFO_GFP & ~__GFP_ACCOUNT, node,
				  THREAD_SIZE / PAGE_SIZE, s->pages);
	if (got < THREAD_SIZE / PAGE_SIZE) {
		vfree_pages(m, s->pages, got);
		free(s);
		return -ENOMEM;
	}
	tsk->stack_vm_area = s;
	return 0;
}

/* models kernel/fork.c:try_release_thread_stack_to_cache(): a free slot
 * of the running CPU's cache */
static bool try_release_thread_stack_to_cache(struct nc_machine *m, struct thread_stack *s)
{
	struct thread_stack **cache = m->fork->cached_stacks[smp_processor_id(m)];

	for (int i = 0; i < NR_CACHED_STACKS; i++)
		if (!cache[i]) {
			cache[i] = s;
			return true;
		}
	return false;
}

/* models kernel/fork.c:thread_stack_free_rcu(): the cache of the CPU that
 * runs the callback (the one that queued it) may have room by now */
static void thread_stack_free_rcu(struct nc_machine *m, struct rcu_head *rh)
{
	struct thread_stack *s = container_of(rh, struct thread_stack, rcu);

	if (!try_release_thread_stack_to_cache(m, s))
		free_stack_pages(m, s);
}

/* models kernel/fork.c:free_thread_stack() with CONFIG_VMAP_STACK: into
 * the running CPU's cache at once, else vfree()d after a grace period
 * (thread_stack_delayed_free(): someone may still walk the stack) */
static void free_thread_stack(struct nc_machine *m, struct task_struct *tsk)
{
	struct thread_stack *s = tsk->stack_vm_area;

	tsk->stack_vm_area = NULL;
	if (!try_release_thread_stack_to_cache(m, s))
		call_rcu(m, &s->rcu, thread_stack_free_rcu);
}

/* models kernel/fork.c:account_kernel_stack(): NR_KERNEL_STACK_KB of
 * each page's node, +/- one page's worth */
static void account_kernel_stack(struct nc_machine *m, struct task_struct *tsk, int account)
{
	for (unsigned int i = 0; i < THREAD_SIZE / PAGE_SIZE; i++) {
		struct page *page = tsk->stack_vm_area->pages[i];

		mod_node_page_state(NODE_DATA(m, page_to_nid(page)), NR_KERNEL_STACK_KB,
				    account * (long)(PAGE_SIZE / 1024));
	}
}

/* models kernel/fork.c:exit_task_stack_account() */
void exit_task_stack_account(struct nc_machine *m, struct task_struct *tsk)
{
	account_kernel_stack(m, tsk, -1);
}

void put_task_stack(struct nc_machine *m, struct task_struct *tsk)
{
	if (tsk->stack_vm_area)
		free_thread_stack(m, tsk);
}

/* models kernel/kthread.c's and fork.c's dup_task_struct() */
static struct task_struct *dup_task_struct(struct nc_machine *m, struct task_struct *orig,
					   int node)
{
	struct task_struct *tsk;
	enum nc_node_why why;
	unsigned int first_cpu;

	node = nc_fork_task_node(m, orig, node, &first_cpu, &why);   /* tsk_fork_get_node() */
	nc_explain_ts_node(m, node, why);
	nc_explain_slub_before(m);
	tsk = alloc_task_struct_node(m, node);
	nc_explain_slub_after(m, tsk);
	if (!tsk)
		return NULL;
	*tsk = *orig;                            /* arch_dup_task_struct() */
	INIT_LIST_HEAD(&tsk->nc_all);
	tsk->fail_nth = 0;
	tsk->whatif_cpu = first_cpu;
	if (alloc_thread_stack_node(m, tsk, node)) {
		free_task_struct(m, tsk);
		return NULL;
	}
	/* rcu_users: one for being unreaped, one for the scheduler; usage:
	 * one for them all */
	tsk->rcu_users = 2;
	tsk->usage = 1;
	account_kernel_stack(m, tsk, 1);
	return tsk;
}

int nc_task_placement(const struct nc_machine *m, const struct task_struct *t,
		      int *stack_nodes, unsigned int nr_stack_pages)
{
	const struct slab *slab = virt_to_slab(m, t);

	for (unsigned int i = 0; i < nr_stack_pages && i < THREAD_SIZE / PAGE_SIZE; i++)
		stack_nodes[i] = t->stack_vm_area ? page_to_nid(t->stack_vm_area->pages[i])
						  : NUMA_NO_NODE;
	return slab ? slab_nid(slab) : NUMA_NO_NODE;   /* the boot task is static */
}

/* ---- the shared objects ---- */

/* models kernel/fork.c:sighand_cachep and signal_cachep */
struct kmem_cache *sighand_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_SIGHAND];
}

static struct kmem_cache *signal_cachep(const struct nc_machine *m)
{
	return m->slab->boot[NC_CACHE_SIGNAL];
}

void __cleanup_sighand(struct nc_machine *m, struct sighand_struct *sighand)
{
	/* init_sighand is static, not a slab object */
	if (sighand && !--sighand->count && virt_to_slab(m, sighand))
		kmem_cache_free(m, sighand_cachep(m), sighand);
}

/* models kernel/fork.c:put_signal_struct() with free_signal_struct() */
void put_signal_struct(struct nc_machine *m, struct signal_struct *sig)
{
	if (sig && !--sig->sigcnt && virt_to_slab(m, sig))
		kmem_cache_free(m, signal_cachep(m), sig);
}

/* models kernel/fork.c:copy_files() */
static int copy_files(struct nc_machine *m, uint64_t clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = nc_current(m)->files, *newf;

	if (!oldf)                               /* a kernel thread's child */
		return 0;
	if (clone_flags & CLONE_FILES) {
		oldf->count++;
		tsk->files = oldf;
		return 0;
	}
	newf = dup_fd(m, oldf);
	if (IS_ERR(newf))
		return (int)PTR_ERR(newf);
	tsk->files = newf;
	return 0;
}

/* models kernel/fork.c:copy_fs() */
static int copy_fs(struct nc_machine *m, uint64_t clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = nc_current(m)->fs;

	if (clone_flags & CLONE_FS) {
		fs->users++;
		return 0;
	}
	tsk->fs = copy_fs_struct(m, fs);
	return tsk->fs ? 0 : -ENOMEM;
}

/* models kernel/fork.c:copy_sighand() */
static int copy_sighand(struct nc_machine *m, uint64_t clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *old = nc_current(m)->sighand, *sig;

	if (clone_flags & CLONE_SIGHAND) {
		old->count++;
		return 0;
	}
	sig = kmem_cache_alloc(m, sighand_cachep(m), GFP_KERNEL);
	tsk->sighand = sig;
	if (!sig)
		return -ENOMEM;
	sig->count = 1;
	memcpy(sig->action, old->action, sizeof(sig->action));
	if (clone_flags & CLONE_CLEAR_SIGHAND)
		flush_signal_handlers(tsk, false);
	return 0;
}

/* models kernel/fork.c:copy_signal() */
static int copy_signal(struct nc_machine *m, uint64_t clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD)
		return 0;
	sig = kmem_cache_alloc(m, signal_cachep(m), GFP_KERNEL | __GFP_ZERO);
	tsk->signal = sig;
	if (!sig)
		return -ENOMEM;
	sig->nr_threads = 1;
	sig->live = 1;
	sig->sigcnt = 1;
	memcpy(sig->rlim, nc_current(m)->signal->rlim, sizeof(sig->rlim));
	return 0;
}

/* models kernel/fork.c:copy_mm() with dup_mm() */
static int copy_mm(struct nc_machine *m, uint64_t clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = nc_current(m)->mm, *mm;

	tsk->mm = NULL;
	if (!oldmm)                              /* kernel threads have none */
		return 0;
	if (clone_flags & CLONE_VM) {
		oldmm->mm_users++;
		tsk->mm = oldmm;
		return 0;
	}
	mm = mm_alloc(m);
	if (!mm)
		return -ENOMEM;
	if (dup_mmap(m, mm, oldmm)) {
		mmput(m, mm);
		return -ENOMEM;
	}
	tsk->mm = mm;
	return 0;
}

/* models arch/x86/kernel/process.c:copy_thread() for a 64-bit caller: the
 * only failure is a TLS base outside user space */
static int copy_thread(uint64_t clone_flags, const struct kernel_clone_args *args)
{
	if ((clone_flags & CLONE_SETTLS) && args->tls >= TASK_SIZE_MAX)
		return -EPERM;
	return 0;
}

/* models kernel/fork.c:complete_vfork_done() with the waiter's side of
 * wait_for_vfork_done(): the parent wakes, and drops the child it held */
static void complete_vfork_done(struct nc_machine *m, struct task_struct *tsk)
{
	struct task_struct *parent = tsk->vfork_done;

	tsk->vfork_done = NULL;
	/* a parent the log made exit meanwhile is not woken */
	if (parent->__state == TASK_UNINTERRUPTIBLE && !(parent->flags & PF_EXITING))
		nc_sched_wake(m, parent);
	put_task_struct(m, parent);
	put_task_struct(m, tsk);
}

long kernel_set_tid_address(struct nc_machine *m, unsigned long tidptr)
{
	nc_current(m)->clear_child_tid = tidptr;
	return task_pid_vnr(m, nc_current(m));
}

/* models kernel/fork.c:mm_release() */
void mm_release(struct nc_machine *m, struct task_struct *tsk)
{
	if (tsk->clear_child_tid) {
		/* only seen by others sharing the mm; a fault is ignored */
		if (tsk->mm && tsk->mm->mm_users > 1) {
			pid_t zero = 0;

			(void)copy_to_user(m, tsk->clear_child_tid, &zero, sizeof(zero));
		}
		tsk->clear_child_tid = 0;
	}
	if (tsk->vfork_done)
		complete_vfork_done(m, tsk);
}

/* ---- task lifetime ---- */

/* models kernel/fork.c:free_task(): the stack is gone already
 * (put_task_stack() when the task died, or the unwind's) */
static void free_task(struct nc_machine *m, struct task_struct *tsk)
{
	if (tsk->fail_nth)                       /* the armed count stays exact */
		nc_fail_nth(m, tsk, 0);
	list_del_init(&tsk->nc_all);
	free_task_struct(m, tsk);
}

/* models kernel/fork.c:__put_task_struct(): the creds (their own grace
 * period follows) and the signal_struct go with the task */
static void __put_task_struct(struct nc_machine *m, struct task_struct *tsk)
{
	exit_creds(m, tsk);
	put_signal_struct(m, tsk->signal);
	tsk->signal = NULL;
	free_task(m, tsk);
}

void put_task_struct(struct nc_machine *m, struct task_struct *tsk)
{
	if (!--tsk->usage)
		__put_task_struct(m, tsk);
}

/* models kernel/fork.c:__delayed_free_task() */
static void __delayed_free_task(struct nc_machine *m, struct rcu_head *rhp)
{
	free_task(m, container_of(rhp, struct task_struct, rcu));
}

/* models kernel/fork.c:delayed_free_task(): CONFIG_MEMCG (Debian) frees a
 * task that failed to fork after a grace period */
static void delayed_free_task(struct nc_machine *m, struct task_struct *tsk)
{
	call_rcu(m, &tsk->rcu, __delayed_free_task);
}

/* models kernel/fork.c:set_max_threads() over the memory the buddy
 * allocator holds at boot (memblock_estimated_nr_free_pages()) */
void set_max_threads(struct nc_machine *m, unsigned long max_threads_suggested)
{
	unsigned long nr_pages = 0;
	unsigned __int128 threads;

	for (int nid = 0; nid < (int)m->topo->nr_node_ids; nid++)
		if (node_isset((unsigned)nid, m->topo->memory))
			nr_pages += node_free_pages(m, nid);
	threads = (unsigned __int128)nr_pages * PAGE_SIZE / (THREAD_SIZE * 8);
	if (threads > max_threads_suggested)
		threads = max_threads_suggested;
	m->fork->max_threads = threads < MIN_THREADS ? MIN_THREADS
			     : threads > MAX_THREADS ? MAX_THREADS : (unsigned long)threads;
}

/* models init/init_task.c's static objects for the boot task: init_signals
 * (INIT_RLIMITS), init_sighand, init_files, init_fs */
static int init_task_objects(struct nc_machine *m, struct task_struct *idle)
{
	struct signal_struct *sig = &m->fork->init_signals;
	struct sighand_struct *sighand = &m->fork->init_sighand;
	struct fs_struct *fs = &m->fork->init_fs;

	idle->signal = sig;
	idle->sighand = sighand;
	idle->fs = fs;
	idle->files = &m->fork->init_files;
	nc_files_init(idle->files);
	sig->sigcnt = sig->live = sig->nr_threads = 1;
	nc_init_rlimits(sig->rlim);
	sighand->count = 1;
	fs->users = 1;
	fs->umask = 022;
	return cred_init(m, idle) ? -ENOMEM : nsproxy_init(m, idle);
}

/* models kernel/fork.c:fork_init() with init/init_task.c:init_task and
 * init_struct_pid (pid 0, never in the idr) */
int fork_init(struct nc_machine *m)
{
	struct task_struct *idle = calloc(1, sizeof(*idle));
	struct pid *pid0 = calloc(1, sizeof(*pid0) + sizeof(struct upid));
	struct fork_state *fs = calloc(1, sizeof(*fs));

	m->curr = calloc(m->topo->nr_cpu_ids, sizeof(*m->curr));
	if (fs) {
		m->fork = fs;
		INIT_LIST_HEAD(&fs->all_tasks);
		fs->cached_stacks = calloc(m->topo->nr_cpu_ids, sizeof(*fs->cached_stacks));
	}
	if (!idle || !pid0 || !m->curr || !fs || !fs->cached_stacks) {
		free(idle);
		free(pid0);
		return -ENOMEM;
	}
	set_max_threads(m, MAX_THREADS);
	pid0->count = 1;
	pid0->numbers[0].ns = m->init_pid_ns;
	for (int t = 0; t < PIDTYPE_MAX; t++)
		INIT_LIST_HEAD(&pid0->tasks[t]);
	init_task_lists(idle);
	strcpy(idle->comm, "swapper/0");
	idle->flags = PF_KTHREAD;
	idle->usage = 1;
	idle->real_parent = idle->parent = idle->group_leader = idle;
	idle->cpu = m->cpu;
	idle->thread_pid = pid0;
	idle->pref_node_fork = NUMA_NO_NODE;
	attach_pid(idle, PIDTYPE_PID, pid0);
	attach_pid(idle, PIDTYPE_TGID, pid0);
	m->init_task = idle;
	m->curr[m->cpu] = idle;
	if (init_task_objects(m, idle))
		return -ENOMEM;
	/* init_signals: pid 0 is the boot task's group, group id and session */
	for (int t = PIDTYPE_TGID; t < PIDTYPE_MAX; t++)
		idle->signal->pids[t] = pid0;
	/* init and everything below it may own half of the possible threads */
	idle->signal->rlim[RLIMIT_NPROC].rlim_cur = m->fork->max_threads / 2;
	idle->signal->rlim[RLIMIT_NPROC].rlim_max = m->fork->max_threads / 2;
	idle->signal->rlim[RLIMIT_SIGPENDING] = idle->signal->rlim[RLIMIT_NPROC];
	return 0;
}

int nc_check_boot_objects(const struct nc_machine *m, struct nc_error *err)
{
	/* the model's structure of each cache's objects */
	static const struct {
		enum nc_boot_cache id;
		size_t size;
	} need[] = {
		{ NC_CACHE_PID, sizeof(struct pid) + sizeof(struct upid) },
		{ NC_CACHE_CRED, sizeof(struct cred) },
		{ NC_CACHE_TASK_STRUCT, sizeof(struct task_struct) },
		{ NC_CACHE_MM_STRUCT, sizeof(struct mm_struct) },
		{ NC_CACHE_SIGHAND, sizeof(struct sighand_struct) },
		{ NC_CACHE_SIGNAL, sizeof(struct signal_struct) },
		{ NC_CACHE_FILES, sizeof(struct files_struct) },
		{ NC_CACHE_FS, sizeof(struct fs_struct) },
		{ NC_CACHE_VM_AREA, sizeof(struct vm_area_struct) },
		{ NC_CACHE_NSPROXY, sizeof(struct nsproxy) },
		{ NC_CACHE_BLKDEV_IOC, sizeof(struct io_context) },
		{ NC_CACHE_PID_NS, sizeof(struct pid_namespace) },
	};

	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		const struct kmem_cache *s = m->slab->boot[need[i].id];

		/* a host profile could describe objects smaller than the model's */
		if (s->object_size < need[i].size)
			return nc_err(err, "boot cache %s: objects of %u bytes cannot hold "
				      "the model's %zu-byte structure", s->name, s->object_size,
				      need[i].size);
	}
	return 0;
}

/* Drops everything a task still holds, as exit and reaping would. */
static void teardown_task(struct nc_machine *m, struct task_struct *p)
{
	list_del_init(&p->sibling);
	list_del_init(&p->tasks);
	list_del_init(&p->thread_group);
	exit_files(m, p);
	exit_fs(m, p);
	exit_task_namespaces(m, p);
	exit_mm(m, p);
	if (p->io_context)
		exit_io_context(m, p);
	mpol_put(p->mempolicy);
	p->mempolicy = NULL;
	__cleanup_sighand(m, p->sighand);
	p->sighand = NULL;
}

void fork_exit(struct nc_machine *m)
{
	struct task_struct *idle = m->init_task, *p, *n;

	/* reaped tasks and failed forks still waiting for a grace period */
	nc_rcu_drain(m);
	if (m->fork) {
		list_for_each_entry(p, &m->fork->all_tasks, nc_all) {
			for (int t = 0; t < PIDTYPE_MAX; t++)
				if (!list_empty(&p->pid_links[t]))
					detach_pid(m, p, (enum pid_type)t);
			teardown_task(m, p);
		}
		list_for_each_entry_safe(p, n, &m->fork->all_tasks, nc_all) {
			if (p->stack_vm_area)
				free_stack_pages(m, p->stack_vm_area);
			p->stack_vm_area = NULL;
			__put_task_struct(m, p);
		}
		for (unsigned int cpu = 0; m->fork->cached_stacks && cpu < m->topo->nr_cpu_ids; cpu++)
			for (int i = 0; i < NR_CACHED_STACKS; i++)
				if (m->fork->cached_stacks[cpu][i])
					free_stack_pages(m, m->fork->cached_stacks[cpu][i]);
		free(m->fork->cached_stacks);
	}
	if (idle) {
		struct pid *pid0 = idle->thread_pid;

		teardown_task(m, idle);
		put_pid(m, pid0);   /* init_struct_pid was never in the idr */
		free(pid0);
		exit_creds(m, idle);
		free(idle);
	}
	nc_rcu_drain(m);                         /* the creds put meanwhile */
	cred_exit(m);
	free(m->fork);
	m->fork = NULL;
	m->init_task = NULL;
	free(m->curr);
	m->curr = NULL;
}

/* x86_64 with 4-level paging: the highest user address an access may end at */
#define USER_PTR_MAX ((1UL << 47) - 4096)

/* models arch/x86/include/asm/uaccess_64.h:__access_ok() for a size that is
 * not a compile-time constant: the end may not wrap nor pass the limit */
static bool access_ok(unsigned long addr, unsigned long size)
{
	unsigned long end = addr + size;

	return end >= addr && end <= USER_PTR_MAX;
}

/* models kernel/fork.c:copy_clone_args_from_user() */
static int copy_clone_args_from_user(struct nc_machine *m,
				     struct kernel_clone_args *kargs,
				     unsigned long uargs, size_t usize)
{
	pid_t *kset_tid = kargs->set_tid;
	struct clone_args args;
	int err;

	_Static_assert(sizeof(struct clone_args) == CLONE_ARGS_SIZE_VER2,
		       "clone_args is VER2 in v6.12");
	if (usize > 4096)
		return -E2BIG;
	if (usize < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	err = copy_struct_from_user(m, &args, sizeof(args), uargs, usize);
	if (err)
		return err;
	if (args.set_tid_size > MAX_PID_NS_LEVEL)
		return -EINVAL;
	if (!args.set_tid && args.set_tid_size > 0)
		return -EINVAL;
	if (args.set_tid && args.set_tid_size == 0)
		return -EINVAL;
	/* the upper bits of exit_signal must be clear and the signal valid */
	if ((args.exit_signal & ~(uint64_t)CSIGNAL) || !valid_signal(args.exit_signal))
		return -EINVAL;
	if ((args.flags & CLONE_INTO_CGROUP) &&
	    (args.cgroup > INT_MAX || usize < CLONE_ARGS_SIZE_VER2))
		return -EINVAL;

	memset(kargs, 0, sizeof(*kargs));
	kargs->set_tid = kset_tid;
	kargs->flags = args.flags;
	kargs->pidfd = args.pidfd;
	kargs->child_tid = args.child_tid;
	kargs->parent_tid = args.parent_tid;
	kargs->exit_signal = (int)args.exit_signal;
	kargs->stack = args.stack;
	kargs->stack_size = args.stack_size;
	kargs->tls = args.tls;
	kargs->set_tid_size = args.set_tid_size;
	kargs->cgroup = (int)args.cgroup;
	/* read even when the flags are invalid: their check comes later */
	if (args.set_tid &&
	    copy_from_user(m, kargs->set_tid, args.set_tid,
			   kargs->set_tid_size * sizeof(pid_t)))
		return -EFAULT;
	return 0;
}

/* models kernel/fork.c:clone3_stack_valid(): also turns the stack base
 * into the child's initial stack pointer, as stacks grow down on x86 */
static bool clone3_stack_valid(struct kernel_clone_args *kargs)
{
	if (kargs->stack == 0)
		return kargs->stack_size == 0;
	if (kargs->stack_size == 0 || !access_ok(kargs->stack, kargs->stack_size))
		return false;
	kargs->stack += kargs->stack_size;
	return true;
}

/* models kernel/fork.c:clone3_args_valid() */
static bool clone3_args_valid(struct kernel_clone_args *kargs)
{
	if (kargs->flags & ~(CLONE_LEGACY_FLAGS | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return false;
	/* clone3() frees CLONE_DETACHED and the exit-signal byte for reuse,
	 * except CLONE_NEWTIME, which lives there */
	if (kargs->flags & (CLONE_DETACHED | (CSIGNAL & ~CLONE_NEWTIME)))
		return false;
	if ((kargs->flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) ==
	    (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
		return false;
	if ((kargs->flags & (CLONE_THREAD | CLONE_PARENT)) && kargs->exit_signal)
		return false;
	return clone3_stack_valid(kargs);
}

/* The flag checks that open kernel/fork.c:copy_process(), in its order,
 * before anything is allocated. */
static int copy_process_checks(struct nc_machine *m, uint64_t clone_flags)
{
	struct task_struct *current = nc_current(m);

	if ((clone_flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((clone_flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	/* a thread shares its group's handlers, which needs a shared mm */
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return -EINVAL;
	/* the init of a pid namespace (SIGNAL_UNKILLABLE) may not make siblings */
	if ((clone_flags & CLONE_PARENT) && (current->signal->flags & SIGNAL_UNKILLABLE))
		return -EINVAL;
	/* a thread stays in its group's user and pid namespaces */
	if ((clone_flags & CLONE_THREAD) &&
	    ((clone_flags & (CLONE_NEWUSER | CLONE_NEWPID)) ||
	     task_active_pid_ns(current) != current->nsproxy->pid_ns_for_children))
		return -EINVAL;
	if ((clone_flags & CLONE_PIDFD) && (clone_flags & CLONE_DETACHED))
		return -EINVAL;
	return 0;
}

/* models kernel/fork.c:copy_process(); the labels are §3.9's unwind */
static struct task_struct *copy_process(struct nc_machine *m, struct pid *pid, int node,
					struct kernel_clone_args *args)
{
	struct task_struct *current = nc_current(m);
	uint64_t clone_flags = args->flags;
	struct file *pidfile = NULL;
	int pidfd = -1, retval = copy_process_checks(m, clone_flags);
	struct task_struct *p;

	if (retval)
		return ERR_PTR(retval);
	/* a pending signal restarts the fork once it has been handled */
	if (task_sigpending(current))
		return ERR_PTR(-ERESTARTNOINTR);

	retval = -ENOMEM;
	p = dup_task_struct(m, current, node);
	if (!p)
		goto fork_out;
	p->flags &= ~PF_KTHREAD;
	if (args->kthread)
		p->flags |= PF_KTHREAD;
	if (args->name)
		snprintf(p->comm, sizeof(p->comm), "%s", args->name);
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? args->child_tid : 0;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? args->child_tid : 0;
	futex_init_task(p);
	rseq_fork(p, clone_flags);

	retval = copy_creds(m, p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;
	retval = -EAGAIN;
	if (is_rlimit_nproc_overlimit(p->cred->ucounts, task_rlimit(current, RLIMIT_NPROC)) &&
	    p->real_cred->uid != 0 && !capable(m, CAP_SYS_RESOURCE) &&
	    !capable(m, CAP_SYS_ADMIN))
		goto bad_fork_cleanup_count;
	if (m->fork->nr_threads >= m->fork->max_threads)
		goto bad_fork_cleanup_count;

	p->flags &= ~(PF_SUPERPRIV | PF_IDLE | PF_NO_SETAFFINITY); /* the idle task's own */
	p->flags |= PF_FORKNOEXEC;
	init_task_lists(p);
	p->vfork_done = NULL;
	p->pending = 0;
	p->exit_state = 0;
	p->exit_code = 0;
	p->pdeath_signal = 0;
	p->files = NULL;
	p->io_context = NULL;

	retval = mpol_dup(m, current->mempolicy, &p->mempolicy);
	if (retval)
		goto bad_fork_cleanup_delayacct;
	retval = sched_fork(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_policy;

	retval = copy_files(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_semundo;
	retval = copy_fs(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_semundo;
	retval = copy_sighand(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_signal(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = copy_namespaces(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_mm;
	retval = copy_io(m, clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_namespaces;
	retval = copy_thread(clone_flags, args);
	if (retval)
		goto bad_fork_cleanup_io;

	if (!pid) {
		pid = alloc_pid(m, p->nsproxy->pid_ns_for_children, args->set_tid,
				args->set_tid_size);
		if (IS_ERR(pid)) {
			retval = (int)PTR_ERR(pid);
			goto bad_fork_cleanup_thread;
		}
	}
	if (clone_flags & CLONE_PIDFD) {
		/* __pidfd_prepare(): a reserved fd in the caller's table */
		retval = get_unused_fd_flags(m, NC_O_CLOEXEC);
		if (retval < 0)
			goto bad_fork_free_pid;
		pidfd = retval;
		pidfile = nc_file_alloc(m, (clone_flags & CLONE_THREAD) ? PIDFD_THREAD : 0, pid);
		if (!pidfile) {
			put_unused_fd(m, (unsigned int)pidfd);
			retval = -ENOMEM;
			goto bad_fork_free_pid;
		}
		retval = -EFAULT;
		if (copy_to_user(m, args->pidfd, &pidfd, sizeof(pidfd)))
			goto bad_fork_put_pidfd;
	}
	p->thread_pid = pid;
	p->pid = pid_nr_ns(pid, m->init_pid_ns);    /* pid_nr(): the initial namespace's number */
	if (clone_flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
	} else {
		p->group_leader = p;
		p->tgid = p->pid;
	}
	/* cgroup_can_fork(): CLONE_INTO_CGROUP needs an fd of a cgroup2
	 * directory; the model has no cgroup file system, so no fd is one */
	retval = -EBADF;
	if (clone_flags & CLONE_INTO_CGROUP)
		goto bad_fork_put_pidfd;
	retval = sched_cgroup_fork(m, p);
	if (retval)
		goto bad_fork_cancel_cgroup;

	/* tasklist_lock: parent and exit signal */
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;
		p->exit_signal = (clone_flags & CLONE_THREAD) ? -1
							      : current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
		p->exit_signal = args->exit_signal;
	}
	p->parent = p->real_parent;
	retval = -ENOMEM;
	if (!(ns_of_pid(pid)->pid_allocated & PIDNS_ADDING))
		goto bad_fork_core_free;
	retval = -EINTR;
	if (current->pending & nc_sigmask(SIGKILL))
		goto bad_fork_core_free;

	/* an idle task (pid 0) joins no list and no pid */
	if (!p->pid)
		goto no_pid;
	if (p->group_leader == p) {
		/* pid 1 of its namespace reaps the namespace's orphans */
		if (pid->numbers[pid->level].nr == 1) {
			ns_of_pid(pid)->child_reaper = p;
			p->signal->flags |= SIGNAL_UNKILLABLE;
		}
		p->signal->has_child_subreaper = p->real_parent->signal->has_child_subreaper ||
						 p->real_parent->signal->is_child_subreaper;
		list_add_tail(&p->sibling, &p->real_parent->children);
		list_add_tail(&p->tasks, &m->init_task->tasks);
		/* init_task_pid(): its own group id; the caller's group and session */
		p->signal->pids[PIDTYPE_TGID] = pid;
		p->signal->pids[PIDTYPE_PGID] = task_pgrp(current);
		p->signal->pids[PIDTYPE_SID] = task_session(current);
		attach_pid(p, PIDTYPE_TGID, pid);
		attach_pid(p, PIDTYPE_PGID, task_pgrp(current));
		attach_pid(p, PIDTYPE_SID, task_session(current));
	} else {
		current->signal->nr_threads++;
		current->signal->live++;
		current->signal->sigcnt++;
		list_add_tail(&p->thread_group, &p->group_leader->thread_group);
	}
	attach_pid(p, PIDTYPE_PID, pid);
	m->fork->nr_threads++;
no_pid:
	m->fork->total_forks++;
	list_add_tail(&p->nc_all, &m->fork->all_tasks);
	if (pidfile)
		fd_install(m, (unsigned int)pidfd, pidfile);
	/* sched_post_fork(): uclamp and sched_ext, left out */
	trace_task_newtask(m, p, clone_flags);
	return p;

bad_fork_core_free:
bad_fork_cancel_cgroup:
	/* cgroup_cancel_fork() */
bad_fork_put_pidfd:
	if (clone_flags & CLONE_PIDFD) {
		fput(m, pidfile);
		put_unused_fd(m, (unsigned int)pidfd);
	}
bad_fork_free_pid:
	if (pid != m->init_task->thread_pid)
		free_pid(m, pid);
bad_fork_cleanup_thread:
bad_fork_cleanup_io:
	if (p->io_context)
		exit_io_context(m, p);
bad_fork_cleanup_namespaces:
	exit_task_namespaces(m, p);
bad_fork_cleanup_mm:
	if (p->mm)
		mmput(m, p->mm);
bad_fork_cleanup_signal:
	if (!(clone_flags & CLONE_THREAD))
		put_signal_struct(m, p->signal);
bad_fork_cleanup_sighand:
	__cleanup_sighand(m, p->sighand);
bad_fork_cleanup_fs:
	exit_fs(m, p);
bad_fork_cleanup_semundo:
	/* exit_sem(), security, audit, perf; sched_cancel_fork() only
	 * concerns sched_ext */
	exit_files(m, p);
bad_fork_cleanup_policy:
	mpol_put(p->mempolicy);
bad_fork_cleanup_delayacct:
bad_fork_cleanup_count:
	inc_rlimit_nproc(p->cred->ucounts, -1);
	exit_creds(m, p);
bad_fork_free:
	p->__state = TASK_DEAD;
	exit_task_stack_account(m, p);
	put_task_stack(m, p);
	delayed_free_task(m, p);
fork_out:
	return ERR_PTR(retval);
}

/* models kernel/fork.c:fork_idle(): cpu's idle task, forked from the
 * boot task with its task_struct and stack asked for on the CPU's node;
 * pid 0, so on no list (init_idle_pids()) */
struct task_struct *fork_idle(struct nc_machine *m, unsigned int cpu)
{
	struct kernel_clone_args args = { .flags = CLONE_VM, .kthread = 1, .idle = 1 };
	struct task_struct *task = copy_process(m, m->init_task->thread_pid,
						cpu_to_node(m->topo, cpu), &args);

	if (IS_ERR(task))
		return task;
	for (int t = PIDTYPE_TGID; t < PIDTYPE_MAX; t++)
		task->signal->pids[t] = m->init_task->thread_pid;
	init_idle(m, task, cpu);
	return task;
}

/* models kernel/fork.c:wait_for_vfork_done(): the parent sleeps,
 * uninterruptibly, until the child's mm_release() completes; the model
 * cannot block, so the call returns at once with the parent off its run
 * queue, and the wake-up is the child's */
static void wait_for_vfork_done(struct nc_machine *m)
{
	struct task_struct *parent = nc_current(m);

	nc_sched_sleep(m, parent);
	parent->__state = TASK_UNINTERRUPTIBLE;
	/* returning at once, the model's caller still acts as the parent */
	m->curr[m->cpu] = parent;
}

/* models kernel/fork.c:kernel_clone() */
long kernel_clone(struct nc_machine *m, struct kernel_clone_args *args)
{
	uint64_t clone_flags = args->flags;
	struct task_struct *p;
	pid_t nr;

	/* clone() passes the pidfd through parent_tid, so the two may not
	 * share an address; clone3() keeps the rule for clarity */
	if ((clone_flags & CLONE_PIDFD) && (clone_flags & CLONE_PARENT_SETTID) &&
	    args->pidfd == args->parent_tid)
		return -EINVAL;
	/* the caller runs, so the scheduler sees it on this CPU's queue */
	nc_sched_running(m, nc_current(m));
	nc_explain_begin(m);
	p = copy_process(m, NULL, NUMA_NO_NODE, args);
	if (IS_ERR(p)) {
		nc_explain_abort(m);
		return PTR_ERR(p);
	}
	trace_sched_process_fork(m, nc_current(m), p);
	nr = pid_vnr(m, p->thread_pid);
	/* a fault here is ignored: the child exists either way */
	if (clone_flags & CLONE_PARENT_SETTID)
		(void)copy_to_user(m, args->parent_tid, &nr, sizeof(nr));
	if (clone_flags & CLONE_VFORK) {
		/* the completion lives on the parent's stack in the kernel: the
		 * model pins the parent instead, so that it outlives the child's
		 * pointer to it whatever a replayed log does */
		p->vfork_done = get_task_struct(nc_current(m));
		get_task_struct(p);
	}
	wake_up_new_task(m, p);
	nc_explain_commit(m, p, clone_flags);
	if (clone_flags & CLONE_VFORK)
		wait_for_vfork_done(m);
	return nr;
}

/* models kernel/fork.c:SYSCALL_DEFINE0(fork) */
long sys_fork(struct nc_machine *m)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(m, &args);
}

/* models kernel/fork.c:SYSCALL_DEFINE0(vfork) */
long sys_vfork(struct nc_machine *m)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(m, &args);
}

/* models kernel/fork.c:SYSCALL_DEFINE5(clone) in x86_64's generic order:
 * only the low 32 bits count, their low byte is the exit signal (not
 * checked), and the pidfd goes where the parent tid would */
long sys_clone(struct nc_machine *m, unsigned long clone_flags, unsigned long newsp,
	       unsigned long parent_tidptr, unsigned long child_tidptr,
	       unsigned long tls)
{
	uint32_t low = (uint32_t)clone_flags;
	struct kernel_clone_args args = {
		.flags = low & ~(uint32_t)CSIGNAL,
		.pidfd = parent_tidptr,
		.child_tid = child_tidptr,
		.parent_tid = parent_tidptr,
		.exit_signal = (int)(low & CSIGNAL),
		.stack = newsp,
		.tls = tls,
	};

	return kernel_clone(m, &args);
}

/* models kernel/fork.c:SYSCALL_DEFINE2(clone3) */
long sys_clone3(struct nc_machine *m, unsigned long uargs, size_t size)
{
	struct kernel_clone_args kargs;
	pid_t set_tid[MAX_PID_NS_LEVEL];
	int err;

	kargs.set_tid = set_tid;
	err = copy_clone_args_from_user(m, &kargs, uargs, size);
	if (err)
		return err;
	if (!clone3_args_valid(&kargs))
		return -EINVAL;
	return kernel_clone(m, &kargs);
}

/* ---- unshare() ---- */

/* The mm of p's first thread that still has one: for_each_thread() in
 * current_is_single_threaded() stops there. */
static struct mm_struct *group_mm(struct task_struct *p)
{
	struct task_struct *t;

	if (p->mm)
		return p->mm;
	list_for_each_entry(t, &p->thread_group, thread_group)
		if (t->mm)
			return t->mm;
	return NULL;
}

/* models lib/is_single_threaded.c:current_is_single_threaded(): one live
 * thread, and no other process on its mm (a vfork parent, a CLONE_VM
 * child without CLONE_THREAD) */
static bool current_is_single_threaded(struct nc_machine *m)
{
	struct task_struct *task = nc_current(m), *p;
	struct mm_struct *mm = task->mm;

	if (task->signal->live != 1)
		return false;
	if (!mm || mm->mm_users == 1)
		return true;
	list_for_each_entry(p, &m->init_task->tasks, tasks)
		if (!(p->flags & PF_KTHREAD) && p != task->group_leader && group_mm(p) == mm)
			return false;
	return true;
}

/* models kernel/fork.c:check_unshare_flags(): the task, its handlers and
 * its mm may only be "unshared" when nothing shares them */
static int check_unshare_flags(struct nc_machine *m, uint64_t unshare_flags)
{
	struct task_struct *current = nc_current(m);

	if (unshare_flags & ~(CLONE_THREAD | CLONE_FS | CLONE_NEWNS | CLONE_SIGHAND | CLONE_VM |
			      CLONE_FILES | CLONE_SYSVSEM | CLONE_NEWUTS | CLONE_NEWIPC |
			      CLONE_NEWNET | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWCGROUP |
			      CLONE_NEWTIME))
		return -EINVAL;
	if ((unshare_flags & (CLONE_THREAD | CLONE_SIGHAND | CLONE_VM)) &&
	    !thread_group_empty(current))
		return -EINVAL;
	if ((unshare_flags & (CLONE_SIGHAND | CLONE_VM)) && current->sighand->count > 1)
		return -EINVAL;
	if ((unshare_flags & CLONE_VM) && !current_is_single_threaded(m))
		return -EINVAL;
	return 0;
}

/* models kernel/fork.c:unshare_fs(): a copy if shared, or always for a
 * new mount namespace */
static int unshare_fs(struct nc_machine *m, uint64_t unshare_flags, struct fs_struct **new_fsp)
{
	struct fs_struct *fs = nc_current(m)->fs;

	if (!(unshare_flags & CLONE_FS) || !fs)
		return 0;
	if (!(unshare_flags & CLONE_NEWNS) && fs->users == 1)
		return 0;
	*new_fsp = copy_fs_struct(m, fs);
	return *new_fsp ? 0 : -ENOMEM;
}

/* models kernel/fork.c:unshare_fd(): a copy of a shared table */
static int unshare_fd(struct nc_machine *m, uint64_t unshare_flags,
		      struct files_struct **new_fdp)
{
	struct files_struct *fd = nc_current(m)->files;

	if (!(unshare_flags & CLONE_FILES) || !fd || fd->count <= 1)
		return 0;
	fd = dup_fd(m, fd);
	if (IS_ERR(fd))
		return (int)PTR_ERR(fd);
	*new_fdp = fd;
	return 0;
}

long ksys_unshare(struct nc_machine *m, uint64_t unshare_flags)
{
	struct task_struct *current = nc_current(m);
	struct fs_struct *new_fs = NULL;
	struct files_struct *new_fd = NULL;
	struct cred *new_cred = NULL;
	struct nsproxy *new_nsproxy = NULL;
	int err;

	/* what each unshared thing drags along */
	if (unshare_flags & CLONE_NEWUSER)
		unshare_flags |= CLONE_THREAD | CLONE_FS;
	if (unshare_flags & CLONE_VM)
		unshare_flags |= CLONE_SIGHAND;
	if (unshare_flags & CLONE_SIGHAND)
		unshare_flags |= CLONE_THREAD;
	if (unshare_flags & CLONE_NEWNS)
		unshare_flags |= CLONE_FS;
	/* Debian's kernel.unprivileged_userns_clone is 1 by default: no
	 * CAP_SYS_ADMIN needed for CLONE_NEWUSER */
	err = check_unshare_flags(m, unshare_flags);
	if (err)
		return err;
	err = unshare_fs(m, unshare_flags, &new_fs);
	if (err)
		return err;
	err = unshare_fd(m, unshare_flags, &new_fd);
	if (err)
		goto bad_unshare_cleanup_fs;
	err = unshare_userns(m, unshare_flags, &new_cred);
	if (err)
		goto bad_unshare_cleanup_fd;
	err = unshare_nsproxy_namespaces(m, unshare_flags, &new_nsproxy, new_cred);
	if (err)
		goto bad_unshare_cleanup_cred;

	/* CLONE_SYSVSEM and CLONE_NEWIPC would leave the semaphore undo list
	 * and the SysV shared memory: the model has neither */
	if (new_nsproxy)
		switch_task_namespaces(m, current, new_nsproxy);
	if (new_fs) {
		struct fs_struct *fs = current->fs;

		current->fs = new_fs;
		/* the old one is freed below if nothing else used it */
		new_fs = --fs->users ? NULL : fs;
	}
	if (new_fd) {
		struct files_struct *fd = current->files;

		current->files = new_fd;
		new_fd = fd;
	}
	if (new_cred) {
		commit_creds(m, new_cred);
		new_cred = NULL;
	}

bad_unshare_cleanup_cred:
	if (new_cred)
		put_cred(m, new_cred);
bad_unshare_cleanup_fd:
	if (new_fd)
		put_files_struct(m, new_fd);
bad_unshare_cleanup_fs:
	if (new_fs)
		free_fs_struct(m, new_fs);
	return err;
}

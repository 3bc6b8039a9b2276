/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Task creation (kernel/fork.c): the syscall entries, kernel_clone(),
 * copy_process() with its copies and unwinding, dup_task_struct() with the
 * task_struct and its VMAP kernel stack placed on NUMA nodes, and the
 * globals fork keeps (max_threads, nr_threads, the per-CPU stack cache).
 */
#ifndef NC_KERNEL_FORK_H
#define NC_KERNEL_FORK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "fs/file.h"
#include "fs/fs_struct.h"
#include "kernel/signal.h"
#include "lib/list.h"
#include "lib/types.h"
#include "mm/page_alloc.h"

#define THREAD_SIZE (4 * PAGE_SIZE)  /* x86_64 without KASAN */
#define NR_CACHED_STACKS 2
#define MIN_THREADS 20
#define MAX_THREADS 0x3fffffff       /* FUTEX_TID_MASK */
#define ERESTARTNOINTR 513           /* kernel-internal: the syscall restarts */

#define PF_EXITING       0x00000004
#define PF_FORKNOEXEC    0x00000040
#define PF_SUPERPRIV     0x00000100
#define PF_KTHREAD       0x00200000

/* models the vm_struct of a VMAP stack: its pages, each on some node */
struct thread_stack {
	struct page *pages[THREAD_SIZE / PAGE_SIZE];
	struct rcu_head rcu;          /* the kernel's struct vm_stack, kept at
					 the stack's base while it waits */
};

/* kernel/fork.c's globals */
struct fork_state {
	unsigned long max_threads;        /* kernel.threads-max */
	unsigned long nr_threads;         /* tasks with a pid, zombies included */
	unsigned long total_forks;
	struct thread_stack *(*cached_stacks)[NR_CACHED_STACKS]; /* [nr_cpu_ids] */
	struct task_struct *kthreadd;     /* kernel/kthread.c:kthreadd_task */
	struct list_head all_tasks;       /* every task_struct, for teardown */
	/* init/init_task.c's statics: the boot task's, outside slab memory */
	struct signal_struct init_signals;
	struct sighand_struct init_sighand;
	struct fs_struct init_fs;
	struct files_struct init_files;
};
#define CLONE_LEGACY_FLAGS 0xffffffffULL

/* models include/linux/sched/task.h:struct kernel_clone_args (user
 * pointers are addresses in the calling task's memory) */
struct kernel_clone_args {
	uint64_t flags;
	unsigned long pidfd;
	unsigned long child_tid;
	unsigned long parent_tid;
	const char *name;
	int exit_signal;
	unsigned long stack;
	unsigned long stack_size;
	unsigned long tls;
	pid_t *set_tid;
	size_t set_tid_size;
	int cgroup;
	int idle;
	int kthread;
};

/* models kernel/fork.c:fork_init() and the boot task init_task: allocates
 * current[] and makes init_task (pid 0, "swapper/0") current on the boot CPU */
int fork_init(struct nc_machine *m);
/* Fails boot with a message naming the cache if a boot cache's objects
 * (their size may come from the host) cannot hold the model's structure. */
int nc_check_boot_objects(const struct nc_machine *m, struct nc_error *err);
/* Frees every task and pid (machine teardown). */
void fork_exit(struct nc_machine *m);

/* models kernel/fork.c:set_max_threads(): from the free memory at boot */
void set_max_threads(struct nc_machine *m, unsigned long max_threads_suggested);

/* models include/linux/sched/task.h:get_task_struct() */
static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	if (t)
		t->usage++;
	return t;
}
/* models include/linux/sched/task.h:put_task_struct() (not PREEMPT_RT):
 * __put_task_struct() at the last reference, on the spot */
void put_task_struct(struct nc_machine *m, struct task_struct *tsk);
/* models kernel/fork.c:exit_task_stack_account(): undoes the stack's
 * NR_KERNEL_STACK_KB at exit */
void exit_task_stack_account(struct nc_machine *m, struct task_struct *tsk);
/* models kernel/fork.c:put_task_stack(): the stack goes to this CPU's
 * cache, or to vfree() after a grace period */
void put_task_stack(struct nc_machine *m, struct task_struct *tsk);
/* models kernel/fork.c:SYSCALL_DEFINE1(set_tid_address): the address
 * cleared (and woken) when the task leaves its mm; returns its tid */
long kernel_set_tid_address(struct nc_machine *m, unsigned long tidptr);
/* models kernel/fork.c:mm_release(): CLONE_CHILD_CLEARTID and the vfork parent */
void mm_release(struct nc_machine *m, struct task_struct *tsk);
struct kmem_cache;

/* models kernel/fork.c:sighand_cachep (fs/exec.c's unshare_sighand() uses it too) */
struct kmem_cache *sighand_cachep(const struct nc_machine *m);
/* models kernel/fork.c:__cleanup_sighand() and the signal_struct's last put */
void __cleanup_sighand(struct nc_machine *m, struct sighand_struct *sighand);
void put_signal_struct(struct nc_machine *m, struct signal_struct *sig);

/* Where a task's memory lives: the node of its task_struct object and of
 * each page of its kernel stack (nr_stack_pages of them, NUMA_NO_NODE if
 * the stack was released). Returns the task_struct's node. */
int nc_task_placement(const struct nc_machine *m, const struct task_struct *t,
		      int *stack_nodes, unsigned int nr_stack_pages);

/* models kernel/fork.c:kernel_clone(): creates a child of current;
 * returns its pid as current sees it, or -errno */
long kernel_clone(struct nc_machine *m, struct kernel_clone_args *args);
/* models kernel/fork.c:fork_idle(): cpu's idle task, or an ERR_PTR */
struct task_struct *fork_idle(struct nc_machine *m, unsigned int cpu);

/* The syscall entries (x86_64), each ending in kernel_clone(). */
long sys_fork(struct nc_machine *m);
long sys_vfork(struct nc_machine *m);
long sys_clone(struct nc_machine *m, unsigned long clone_flags, unsigned long newsp,
	       unsigned long parent_tidptr, unsigned long child_tidptr,
	       unsigned long tls);
long sys_clone3(struct nc_machine *m, unsigned long uargs, size_t size);

/* models kernel/fork.c:ksys_unshare(): current stops sharing what flags
 * name (fs, files, namespaces, a new user namespace); 0 or -errno in
 * v6.12's order (EINVAL for flags, then ENOMEM, EPERM as met) */
long ksys_unshare(struct nc_machine *m, uint64_t unshare_flags);

#endif

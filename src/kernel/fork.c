// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models the skeleton of kernel/fork.c: the boot task, and kernel_clone() ->
 * copy_process() giving the child its pid (alloc_pid()), its parent, its
 * thread group and a place on the task lists, and wake_up_new_task() leaving
 * it on its parent's CPU. Left out for the clone issue: flag checks, mm,
 * files, signal, mempolicy copies, and task_struct_cachep (tasks are calloc'ed).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/fork.h"
#include "kernel/pid.h"
#include "lib/err.h"
#include "mm/uaccess.h"
#include "mm/usercopy.h"
#include "trace/events.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"

static void init_task_lists(struct task_struct *p)
{
	for (int t = 0; t < PIDTYPE_MAX; t++)
		INIT_LIST_HEAD(&p->pid_links[t]);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->thread_group);
}

/* models init/init_task.c:init_task and init_struct_pid (pid 0, never in the idr) */
int fork_init(struct nc_machine *m)
{
	struct task_struct *idle = calloc(1, sizeof(*idle));
	struct pid *pid0 = calloc(1, sizeof(*pid0) + sizeof(struct upid));

	m->curr = calloc(m->topo->nr_cpu_ids, sizeof(*m->curr));
	if (!idle || !pid0 || !m->curr) {
		free(idle);
		free(pid0);
		return -ENOMEM;
	}
	pid0->count = 1;
	pid0->numbers[0].ns = m->init_pid_ns;
	for (int t = 0; t < PIDTYPE_MAX; t++)
		INIT_LIST_HEAD(&pid0->tasks[t]);
	init_task_lists(idle);
	strcpy(idle->comm, "swapper/0");
	idle->real_parent = idle->parent = idle->group_leader = idle;
	idle->cpu = m->cpu;
	idle->thread_pid = pid0;
	attach_pid(idle, PIDTYPE_PID, pid0);
	attach_pid(idle, PIDTYPE_TGID, pid0);
	m->init_task = idle;
	m->curr[m->cpu] = idle;
	return 0;
}

static void free_task(struct task_struct *p)
{
	list_del_init(&p->sibling);
	list_del_init(&p->tasks);
	list_del_init(&p->thread_group);
	detach_pid(p, PIDTYPE_PID);
	if (p->group_leader == p)
		detach_pid(p, PIDTYPE_TGID);
	free(p);
}

static void free_tree(struct task_struct *p);

static void free_children(struct task_struct *p)
{
	struct task_struct *c, *n;

	list_for_each_entry_safe(c, n, &p->children, sibling)
		free_tree(c);
}

/* Children and threads first, so each pid is freed once its last user is gone. */
static void free_tree(struct task_struct *p)
{
	free_children(p);
	while (p->group_leader == p && !list_empty(&p->thread_group)) {
		struct task_struct *t = list_first_entry(&p->thread_group, struct task_struct,
							 thread_group);

		free_children(t);
		free_task(t);
	}
	free_task(p);
}

void fork_exit(struct nc_machine *m)
{
	struct task_struct *idle = m->init_task;

	if (idle) {
		free_children(idle);
		put_pid(idle->thread_pid);   /* init_struct_pid was never in the idr */
		free(idle);
	}
	m->init_task = NULL;
	free(m->curr);
	m->curr = NULL;
}

#define _NSIG 64
/* x86_64 with 4-level paging: the highest user address an access may end at */
#define USER_PTR_MAX ((1UL << 47) - 4096)

/* models include/linux/signal.h:valid_signal() */
static bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

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

/* SIGNAL_UNKILLABLE: the caller's group is the init of its pid namespace */
static bool signal_unkillable(const struct task_struct *t)
{
	const struct pid *pid = t->group_leader->thread_pid;

	return pid->numbers[pid->level].ns->child_reaper == t->group_leader;
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
	if ((clone_flags & CLONE_PARENT) && signal_unkillable(current))
		return -EINVAL;
	/* a thread stays in its group's user and pid namespaces; the model has
	 * no unshare(CLONE_NEWPID), so pid_ns_for_children is the active one */
	if ((clone_flags & CLONE_THREAD) && (clone_flags & (CLONE_NEWUSER | CLONE_NEWPID)))
		return -EINVAL;
	if ((clone_flags & CLONE_PIDFD) && (clone_flags & CLONE_DETACHED))
		return -EINVAL;
	return 0;
}

/* models kernel/fork.c:copy_process() at this depth */
static struct task_struct *copy_process(struct nc_machine *m, struct kernel_clone_args *args)
{
	struct task_struct *current = nc_current(m);
	uint64_t clone_flags = args->flags;
	struct task_struct *p;
	struct pid *pid;
	int err = copy_process_checks(m, clone_flags);

	if (err)
		return ERR_PTR(err);
	p = malloc(sizeof(*p));                  /* dup_task_struct() */
	if (!p)
		return ERR_PTR(-ENOMEM);
	*p = *current;
	init_task_lists(p);
	p->flags = current->flags;
	p->exit_state = 0;
	p->exit_code = 0;
	p->cpu = smp_processor_id(m);            /* sched_fork(): __set_task_cpu() */
	if (args->name)                          /* kernel threads are named at birth */
		snprintf(p->comm, sizeof(p->comm), "%s", args->name);

	pid = alloc_pid(m->init_pid_ns, args->set_tid, args->set_tid_size);
	if (IS_ERR(pid)) {
		free(p);
		return (struct task_struct *)pid;
	}
	p->thread_pid = pid;
	p->pid = pid_nr_ns(pid, m->init_pid_ns);
	if (clone_flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
		p->exit_signal = -1;
	} else {
		p->group_leader = p;
		p->tgid = p->pid;
		p->exit_signal = (clone_flags & CLONE_PARENT) ? current->group_leader->exit_signal
							       : args->exit_signal;
	}
	/* CLONE_PARENT and CLONE_THREAD share the caller's parent */
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD))
		p->real_parent = current->real_parent;
	else
		p->real_parent = current;
	p->parent = p->real_parent;

	/* pid 1 of its namespace reaps the namespace's orphans */
	if (pid->numbers[pid->level].nr == 1)
		pid->numbers[pid->level].ns->child_reaper = p;
	attach_pid(p, PIDTYPE_PID, pid);
	if (p->group_leader == p) {
		attach_pid(p, PIDTYPE_TGID, pid);
		list_add_tail(&p->sibling, &p->real_parent->children);
		list_add_tail(&p->tasks, &m->init_task->tasks);
	} else {
		list_add_tail(&p->thread_group, &p->group_leader->thread_group);
	}
	trace_task_newtask(m, p, clone_flags);
	return p;
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
	p = copy_process(m, args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	trace_sched_process_fork(m, nc_current(m), p);
	nr = task_pid_vnr(m, p);
	/* a fault here is ignored: the child exists either way */
	if (clone_flags & CLONE_PARENT_SETTID)
		(void)copy_to_user(m, args->parent_tid, &nr, sizeof(nr));
	/* wake_up_new_task(): the child stays on the CPU sched_fork() gave it */
	trace_sched_wakeup_new(m, p);
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

// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models the skeleton of kernel/fork.c: the boot task, and kernel_clone() ->
 * copy_process() giving the child its pid (alloc_pid()), its parent, its
 * thread group and a place on the task lists, and wake_up_new_task() leaving
 * it on its parent's CPU. Left out for the clone issue: flag checks, mm,
 * files, signal, mempolicy copies, and task_struct_cachep (tasks are calloc'ed).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/fork.h"
#include "kernel/pid.h"
#include "lib/err.h"
#include "uapi/linux/sched.h"

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

/* models kernel/fork.c:copy_process() at this depth */
static struct task_struct *copy_process(struct nc_machine *m, struct kernel_clone_args *args)
{
	struct task_struct *current = nc_current(m);
	uint64_t clone_flags = args->flags;
	struct task_struct *p;
	struct pid *pid;

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
	return p;
}

/* models kernel/fork.c:kernel_clone() */
long kernel_clone(struct nc_machine *m, struct kernel_clone_args *args)
{
	struct task_struct *p = copy_process(m, args);

	if (IS_ERR(p))
		return PTR_ERR(p);
	/* wake_up_new_task(): the child stays on the CPU sched_fork() gave it */
	return task_pid_vnr(m, p);
}

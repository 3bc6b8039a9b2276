// SPDX-License-Identifier: GPL-2.0-only
/*
 * Models kernel/pid.c: pid_max sized by the CPU count, pids allocated
 * cyclically from the namespace's idr (wrapping to RESERVED_PIDS once past
 * it), explicit pids for clone3()'s set_tid (with the capability check in
 * each level's owning user namespace), and the task <-> pid links.
 * A struct pid is an object of its namespace's pid cache ("pid" for the
 * initial one, "pid_<level+1>" below it), freed a grace period after
 * its numbers. Left out: pidfs, RCU readers, pidfd wait queues.
 */
#include <errno.h>
#include <stdlib.h>

#include "kernel/cred.h"
#include "kernel/pid.h"
#include "kernel/pid_namespace.h"
#include "kernel/rcu/tree.h"
#include "kernel/signal.h"
#include "lib/err.h"
#include "mm/slab.h"
#include "mm/slub.h"

_Static_assert(PIDTYPE_MAX == sizeof(((struct task_struct *)0)->pid_links) /
	       sizeof(struct list_head), "task_struct.pid_links has PIDTYPE_MAX entries");

static unsigned int num_possible_cpus(const struct nc_topology *t)
{
	unsigned int n = 0, cpu;

	for_each_possible_cpu(cpu, t)
		n++;
	return n;
}

struct idr *nc_pid_idr_new(void)
{
	struct idr *idr = malloc(sizeof(*idr));

	if (idr)
		idr_init(idr);
	return idr;
}

void nc_pid_idr_free(struct idr *idr)
{
	idr_destroy(idr);
	free(idr);
}

/* models kernel/pid.c:pid_idr_init() */
int pid_idr_init(struct nc_machine *m)
{
	struct pid_namespace *ns = calloc(1, sizeof(*ns));
	unsigned int cpus = num_possible_cpus(m->topo);
	long max = (long)PIDS_PER_CPU_DEFAULT * cpus;
	long min = (long)PIDS_PER_CPU_MIN * cpus;

	if (!ns)
		return -ENOMEM;
	ns->idr = nc_pid_idr_new();
	if (!ns->idr) {
		free(ns);
		return -ENOMEM;
	}
	ns->pid_allocated = PIDNS_ADDING;
	ns->count = 1;
	ns->pid_cachep = m->slab->boot[NC_CACHE_PID];
	/* bumped for many CPUs: 1024 a CPU, within [PID_MAX_DEFAULT, PID_MAX_LIMIT] */
	ns->pid_max = (int)(max > PID_MAX_DEFAULT ? (max < PID_MAX_LIMIT ? max : PID_MAX_LIMIT)
				  : PID_MAX_DEFAULT);
	ns->pid_max_min = (int)(min > RESERVED_PIDS + 1 ? min : RESERVED_PIDS + 1);
	m->init_pid_ns = ns;
	return 0;
}

void pid_idr_exit(struct nc_machine *m)
{
	if (!m->init_pid_ns)
		return;
	nc_pid_idr_free(m->init_pid_ns->idr);
	free(m->init_pid_ns);
	m->init_pid_ns = NULL;
}

static void remove_numbers(struct pid *pid, unsigned int from_level)
{
	for (unsigned int i = from_level; i <= pid->level; i++)
		idr_remove(pid->numbers[i].ns->idr, (unsigned long)pid->numbers[i].nr);
}

/* models kernel/pid.c:alloc_pid() */
struct pid *alloc_pid(struct nc_machine *m, struct pid_namespace *ns, const pid_t *set_tid,
		      size_t set_tid_size)
{
	struct pid_namespace *tmp = ns;
	struct pid *pid;
	long retval = -ENOMEM;
	int i, nr;

	if (set_tid_size > ns->level + 1)
		return ERR_PTR(-EINVAL);
	pid = kmem_cache_alloc(m, ns->pid_cachep, GFP_KERNEL);
	if (!pid)
		return ERR_PTR(-ENOMEM);
	pid->level = ns->level;

	for (i = (int)ns->level; i >= 0; i--) {
		int tid = 0;

		if (set_tid_size) {
			tid = set_tid[ns->level - (unsigned int)i];
			retval = -EINVAL;
			if (tid < 1 || tid >= tmp->pid_max)
				goto out_free;
			/* a pid other than 1 needs the namespace's init to exist */
			if (tid != 1 && !tmp->child_reaper)
				goto out_free;
			retval = -EPERM;
			if (!ns_capable(m, tmp->user_ns, CAP_CHECKPOINT_RESTORE) &&
			    !ns_capable(m, tmp->user_ns, CAP_SYS_ADMIN))
				goto out_free;
			set_tid_size--;
		}
		if (tid) {
			nr = idr_alloc(tmp->idr, NULL, tid, tid + 1);
			if (nr == -ENOSPC)      /* taken */
				nr = -EEXIST;
		} else {
			/* pid 1 first; once past RESERVED_PIDS, wrap back to it */
			int pid_min = idr_get_cursor(tmp->idr) > RESERVED_PIDS ? RESERVED_PIDS : 1;

			nr = idr_alloc_cyclic(tmp->idr, NULL, pid_min, tmp->pid_max);
		}
		if (nr < 0) {
			retval = nr == -ENOSPC ? -EAGAIN : nr;
			goto out_free;
		}
		pid->numbers[i].nr = nr;
		pid->numbers[i].ns = tmp;
		tmp = tmp->parent;
	}

	retval = -ENOMEM;
	if (!(ns->pid_allocated & PIDNS_ADDING))
		goto out_free;
	pid->count = 1;
	ns->count++;                            /* get_pid_ns() */
	for (int type = 0; type < PIDTYPE_MAX; type++)
		INIT_LIST_HEAD(&pid->tasks[type]);
	for (int l = (int)ns->level; l >= 0; l--) {
		idr_replace(pid->numbers[l].ns->idr, pid, (unsigned long)pid->numbers[l].nr);
		pid->numbers[l].ns->pid_allocated++;
	}
	return pid;

out_free:
	remove_numbers(pid, (unsigned int)(i + 1));
	/* a failed first pid leaves the namespace as if untouched */
	if (ns->pid_allocated == PIDNS_ADDING)
		idr_set_cursor(ns->idr, 0);
	kmem_cache_free(m, ns->pid_cachep, pid);
	return ERR_PTR(retval);
}

/* models kernel/pid.c:put_pid() */
void put_pid(struct nc_machine *m, struct pid *pid)
{
	struct pid_namespace *ns;

	if (!pid || --pid->count)
		return;
	ns = ns_of_pid(pid);
	/* init_struct_pid is static: the boot task's teardown frees it */
	if (virt_to_slab(m, pid))
		kmem_cache_free(m, ns->pid_cachep, pid);
	put_pid_ns(m, ns);
}

/* models kernel/pid.c:delayed_put_pid() */
static void delayed_put_pid(struct nc_machine *m, struct rcu_head *rhp)
{
	put_pid(m, container_of(rhp, struct pid, rcu));
}

/* models kernel/pid.c:free_pid() */
void free_pid(struct nc_machine *m, struct pid *pid)
{
	for (unsigned int i = 0; i <= pid->level; i++) {
		struct pid_namespace *ns = pid->numbers[i].ns;

		if (--ns->pid_allocated == PIDNS_ADDING)
			ns->pid_allocated = 0;   /* the first process failed to fork */
	}
	remove_numbers(pid, 0);
	call_rcu(m, &pid->rcu, delayed_put_pid);
}

/* models kernel/pid.c:task_pid_ptr(): the thread's own pid, the group's
 * others (signal_struct) */
static struct pid **task_pid_ptr(struct task_struct *task, enum pid_type type)
{
	return type == PIDTYPE_PID ? &task->thread_pid : &task->signal->pids[type];
}

/* models kernel/pid.c:attach_pid() */
void attach_pid(struct task_struct *task, enum pid_type type, struct pid *pid)
{
	list_add_tail(&task->pid_links[type], &pid->tasks[type]);
}

/* models kernel/pid.c:__change_pid(): frees the old pid when no task uses
 * it (never init_struct_pid, the static pid 0 of the boot task) */
static void __change_pid(struct nc_machine *m, struct task_struct *task, enum pid_type type,
			 struct pid *new)
{
	struct pid **pid_ptr = task_pid_ptr(task, type);
	struct pid *pid = *pid_ptr;

	list_del_init(&task->pid_links[type]);
	*pid_ptr = new;
	for (int t = 0; t < PIDTYPE_MAX; t++)
		if (!list_empty(&pid->tasks[t]))
			return;
	if (pid->numbers[pid->level].nr)
		free_pid(m, pid);
}

void detach_pid(struct nc_machine *m, struct task_struct *task, enum pid_type type)
{
	__change_pid(m, task, type, NULL);
}

void change_pid(struct nc_machine *m, struct task_struct *task, enum pid_type type,
		struct pid *pid)
{
	__change_pid(m, task, type, pid);
	attach_pid(task, type, pid);
}

/* models kernel/pid.c:transfer_pid(): new takes old's place among the
 * users of old's pid of type, one of the group's (exchange_tids() swaps
 * the threads' own) */
void transfer_pid(struct task_struct *old, struct task_struct *new, enum pid_type type)
{
	list_add_tail(&new->pid_links[type], &old->pid_links[type]);
	list_del_init(&old->pid_links[type]);
}

/* models kernel/pid.c:exchange_tids(): two tasks swap their own pids */
void exchange_tids(struct task_struct *left, struct task_struct *right)
{
	struct pid *pid1 = left->thread_pid, *pid2 = right->thread_pid;
	pid_t nr = left->pid;

	list_del_init(&left->pid_links[PIDTYPE_PID]);
	list_del_init(&right->pid_links[PIDTYPE_PID]);
	attach_pid(left, PIDTYPE_PID, pid2);
	attach_pid(right, PIDTYPE_PID, pid1);
	left->thread_pid = pid2;
	right->thread_pid = pid1;
	left->pid = right->pid;
	right->pid = nr;
}

struct task_struct *pid_task(struct pid *pid, enum pid_type type)
{
	if (!pid || list_empty(&pid->tasks[type]))
		return NULL;
	return list_first_entry(&pid->tasks[type], struct task_struct, pid_links[type]);
}

struct pid *find_pid_ns(int nr, struct pid_namespace *ns)
{
	return nr > 0 ? idr_find(ns->idr, (unsigned long)nr) : NULL;
}

struct task_struct *find_task_by_vpid(const struct nc_machine *m, pid_t nr)
{
	return pid_task(find_pid_ns(nr, task_active_pid_ns(nc_current(m))), PIDTYPE_PID);
}

pid_t pid_nr_ns(const struct pid *pid, const struct pid_namespace *ns)
{
	if (pid && ns->level <= pid->level && pid->numbers[ns->level].ns == ns)
		return pid->numbers[ns->level].nr;
	return 0;
}

pid_t pid_vnr(const struct nc_machine *m, const struct pid *pid)
{
	return pid_nr_ns(pid, task_active_pid_ns(nc_current(m)));
}

pid_t task_pid_vnr(const struct nc_machine *m, const struct task_struct *t)
{
	return pid_vnr(m, t->thread_pid);
}

pid_t task_tgid_vnr(const struct nc_machine *m, const struct task_struct *t)
{
	return pid_vnr(m, t->group_leader->thread_pid);
}

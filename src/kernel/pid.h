/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Process IDs (kernel/pid.c, include/linux/pid.h): struct pid, the pid
 * namespace's ID allocator, and the numbers a task shows as its pid and tgid
 * in each of its nested pid namespaces (created by kernel/nsproxy.c).
 * pidfs inodes and RCU are left out.
 */
#ifndef NC_KERNEL_PID_H
#define NC_KERNEL_PID_H

#include <stddef.h>
#include <sys/types.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "lib/idr.h"
#include "lib/list.h"
#include "lib/types.h"

enum pid_type {
	PIDTYPE_PID,
	PIDTYPE_TGID,
	PIDTYPE_PGID,
	PIDTYPE_SID,
	PIDTYPE_MAX,
};

#define RESERVED_PIDS		300	/* where allocation wraps back to */
#define PID_MAX_DEFAULT		0x8000
#define PID_MAX_LIMIT		(4 * 1024 * 1024)	/* 64-bit */
#define PIDS_PER_CPU_DEFAULT	1024
#define PIDS_PER_CPU_MIN	8
#define PIDNS_ADDING		(1U << 31)	/* namespace still accepts pids */

struct kmem_cache;
struct pid_namespace;
struct user_namespace;

struct upid {
	int nr;
	struct pid_namespace *ns;
};

struct pid {
	unsigned int count;                   /* references */
	unsigned int level;                   /* depth of the owning namespace */
	struct list_head tasks[PIDTYPE_MAX];  /* tasks using this pid, per type */
	struct rcu_head rcu;                  /* delayed_put_pid() */
	struct upid numbers[];                /* [level + 1] */
};

struct pid_namespace {
	struct idr *idr;                      /* host memory: the model's table is
						 * far bigger than the kernel's xarray head */
	unsigned int pid_allocated;           /* pids in use, | PIDNS_ADDING */
	struct task_struct *child_reaper;
	unsigned int level;
	struct pid_namespace *parent;
	struct user_namespace *user_ns;       /* owner */
	int count;                            /* references */
	struct kmem_cache *pid_cachep;        /* struct pids of this level */
	/* v6.12 keeps these two as globals (kernel/pid.c); the model has none */
	int pid_max;
	int pid_max_min;
	struct rcu_head rcu;                  /* delayed_free_pidns() */
};

/* A namespace's empty idr, and its release. */
struct idr *nc_pid_idr_new(void);
void nc_pid_idr_free(struct idr *idr);

/* models kernel/pid.c:pid_idr_init(): sizes pid_max by the CPUs; 0 or -ENOMEM */
int pid_idr_init(struct nc_machine *m);
void pid_idr_exit(struct nc_machine *m);

/* models kernel/pid.c:alloc_pid(); ERR_PTR(-errno) on failure */
struct pid *alloc_pid(struct nc_machine *m, struct pid_namespace *ns, const pid_t *set_tid,
		      size_t set_tid_size);
/* models kernel/pid.c:free_pid(): returns its numbers to the namespaces
 * at once; the struct pid's reference goes after a grace period */
void free_pid(struct nc_machine *m, struct pid *pid);
void put_pid(struct nc_machine *m, struct pid *pid);
static inline struct pid *get_pid(struct pid *pid)
{
	if (pid)
		pid->count++;
	return pid;
}

/* models kernel/pid.c:attach_pid()/detach_pid() */
void attach_pid(struct task_struct *task, enum pid_type type, struct pid *pid);
void detach_pid(struct nc_machine *m, struct task_struct *task, enum pid_type type);
/* models kernel/pid.c:change_pid(): task leaves its pid of type for pid */
void change_pid(struct nc_machine *m, struct task_struct *task, enum pid_type type,
		struct pid *pid);
/* models kernel/pid.c:transfer_pid() and exchange_tids() (de_thread()) */
void transfer_pid(struct task_struct *old, struct task_struct *new, enum pid_type type);
void exchange_tids(struct task_struct *left, struct task_struct *right);
/* models kernel/pid.c:pid_task(): the first task using pid as type */
struct task_struct *pid_task(struct pid *pid, enum pid_type type);
struct pid *find_pid_ns(int nr, struct pid_namespace *ns);
/* models kernel/pid.c:find_task_by_vpid(): nr as current's namespace numbers it */
struct task_struct *find_task_by_vpid(const struct nc_machine *m, pid_t nr);

/* models ns_of_pid()/task_active_pid_ns(): the pid's innermost namespace */
static inline struct pid_namespace *ns_of_pid(const struct pid *pid)
{
	return pid->numbers[pid->level].ns;
}
static inline struct pid_namespace *task_active_pid_ns(const struct task_struct *t)
{
	return ns_of_pid(t->thread_pid);
}

/* models pid_nr_ns(): pid's number as ns sees it, 0 if invisible there */
pid_t pid_nr_ns(const struct pid *pid, const struct pid_namespace *ns);
/* models pid_vnr(): as current's active namespace sees it */
pid_t pid_vnr(const struct nc_machine *m, const struct pid *pid);
/* models task_pid_vnr()/task_tgid_vnr() for the current task's namespace */
pid_t task_pid_vnr(const struct nc_machine *m, const struct task_struct *t);
pid_t task_tgid_vnr(const struct nc_machine *m, const struct task_struct *t);

#endif

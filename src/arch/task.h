/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The modelled task, as include/linux/sched.h's struct task_struct is seen
 * by every layer. Only the fields the model uses exist; each subsystem owns
 * its section. Pointers to upper-layer objects are to declared-only structs,
 * so mm/ can use current->mempolicy without including kernel/ headers.
 * The object itself lives in memory handed out by the modelled
 * task_struct_cachep (kernel/fork.c), on the node the model chose.
 */
#ifndef NC_ARCH_TASK_H
#define NC_ARCH_TASK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "lib/list.h"
#include "lib/nodemask.h"
#include "lib/types.h"

/* include/linux/sched.h task states and kernel/sched/sched.h on_rq value */
#define TASK_RUNNING         0x0000
#define TASK_INTERRUPTIBLE   0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD            0x0080
#define TASK_NEW             0x0800
#define TASK_ON_RQ_QUEUED    1
#define PF_IDLE              0x00000002 /* a CPU's idle task, in its idle loop */
#define PF_NO_SETAFFINITY    0x04000000 /* userland may not change cpus_mask */

struct cred;
struct files_struct;
struct fs_struct;
struct io_context;
struct mm_struct;
struct mempolicy;
struct nsproxy;
struct pid;
struct rq;
struct sighand_struct;
struct signal_struct;
struct thread_stack;

struct task_struct {
	/* identity (kernel/pid.c, kernel/fork.c) */
	pid_t pid;
	pid_t tgid;
	char comm[16];
	struct task_struct *real_parent;
	struct task_struct *parent;
	struct task_struct *group_leader;
	unsigned int flags;               /* PF_* */
	int exit_signal;
	int exit_state;                   /* EXIT_ZOMBIE, EXIT_DEAD once exited */
	int exit_code;                    /* wait status: code << 8 or signal */
	struct pid *thread_pid;
	struct list_head pid_links[4];    /* PIDTYPE_MAX (kernel/pid.h) */
	struct list_head tasks;           /* init_task.tasks: all thread-group leaders */
	struct list_head children;        /* my children */
	struct list_head sibling;         /* in my parent's children */
	struct list_head thread_group;    /* ring of the group's threads (pre-6.7 shape;
					     v6.12 heads it in signal_struct) */

	/* creation, signals and exit (kernel/fork.c, cred.c, signal.c, exit.c) */
	int usage;                        /* references to this task_struct: one
					     for all rcu_users, one per get */
	int rcu_users;                    /* running and unreaped: the last
					     put frees it after a grace period */
	struct rcu_head rcu;              /* delayed_put_task_struct() */
	struct thread_stack *stack_vm_area; /* VMAP kernel stack, NULL once released */
	const struct cred *real_cred;
	const struct cred *cred;
	struct files_struct *files;
	struct fs_struct *fs;
	struct sighand_struct *sighand;
	struct signal_struct *signal;
	struct nsproxy *nsproxy;
	uint64_t pending;                 /* private pending signals: bit sig - 1 */
	uint64_t blocked;
	unsigned long set_child_tid;      /* CLONE_CHILD_SETTID address */
	unsigned long clear_child_tid;    /* CLONE_CHILD_CLEARTID address */
	unsigned long robust_list;        /* set_robust_list() head (kernel/futex/) */
	unsigned long rseq;               /* registered struct rseq, 0 if none (kernel/rseq.c) */
	uint32_t rseq_len, rseq_sig;
	struct task_struct *vfork_done;   /* the vfork parent waiting on us */
	int pdeath_signal;
	unsigned int fail_nth;            /* fault injection countdown (mm/fault_inject.c) */
	struct list_head nc_all;          /* every task with a pid, for teardown */

	/* scheduling (kernel/sched/) */
	unsigned int cpu;                 /* task_cpu() */
	cpumask_t cpus_mask;              /* sched_setaffinity() mask */
	unsigned int nr_cpus_allowed;     /* weight of cpus_mask */
	unsigned int __state;             /* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
	int on_rq;                        /* TASK_ON_RQ_QUEUED while on a run queue */
	unsigned long se_load_weight;     /* se.load.weight scaled down: 1024 at nice 0 */
	/* policy and priority (kernel/sched/syscalls.c): prio 0-99 RT, 100-139 fair */
	int prio, static_prio, normal_prio;
	unsigned int rt_priority;         /* 1-99 for SCHED_FIFO/RR, else 0 */
	unsigned int policy;              /* SCHED_NORMAL, SCHED_FIFO, ... */
	unsigned int sched_reset_on_fork; /* back to SCHED_NORMAL, nice >= 0 on fork */
	uint64_t se_slice;                /* se.slice in ns (sched_attr.sched_runtime) */
	bool se_custom_slice;             /* se.custom_slice: set by sched_setattr() */
	uint64_t dl_runtime, dl_deadline, dl_period;   /* SCHED_DEADLINE parameters */
	unsigned int dl_flags;            /* their sched_flags */
	int numa_preferred_nid;           /* NUMA balancing's preferred node or -1 */
	struct list_head run_list;        /* on its rq's cfs_tasks while queued */
	struct rq *se_cfs_rq;             /* se.cfs_rq: the queue it is on, if queued */
	unsigned int whatif_cpu;          /* --fork-node=child: the first CPU chosen
					     before allocating, + 1; 0 if none */

	/* memory (mm/) */
	struct mm_struct *mm;
	struct mempolicy *mempolicy;      /* task policy; NULL means default */
	short il_prev;                    /* last interleave node */
	unsigned char il_weight;          /* weighted-interleave weight left */
	nodemask_t mems_allowed;          /* cpuset mems */
	int pref_node_fork;               /* kthreadd's node for the next fork */

	/* block I/O (block/) */
	struct io_context *io_context;    /* NULL until ioprio_set() or CLONE_IO */
};

#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Built-in workloads: programs that drive a model machine through its
 * system calls (kernel_clone, exit, wait4, mmap and page faults,
 * set_mempolicy, sched_setaffinity, kthread_create_on_node) and tell the
 * scheduler which task runs and which sleeps. Each workload lives in its
 * own file; this is the common part: the spec parser, the run of a
 * workload on a booted machine, and the record of every task it created.
 */
#ifndef NC_WORKLOAD_WORKLOAD_H
#define NC_WORKLOAD_WORKLOAD_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include <numaclone/numaclone.h>
#include "arch/machine.h"
#include "arch/task.h"
#include "lib/nodemask.h"

#define NC_WL_MAX_PARAMS 4
#define NC_STACK_PAGES 4                 /* THREAD_SIZE / PAGE_SIZE */

/* A parameter: a bounded number (a size takes K/M/G suffixes and counts
 * pages), or one of words (its value is the word's index). */
struct nc_wl_param {
	const char *name;
	unsigned long def, min, max;
	bool size;
	const char *const *words;       /* NULL-terminated, or NULL for a number */
};

struct nc_wl;

struct nc_wl_type {
	const char *name;
	const char *summary;
	struct nc_wl_param params[NC_WL_MAX_PARAMS];
	/* runs in the workload's first task; 0 or -errno (err set) */
	int (*run)(struct nc_wl *wl, const unsigned long *p);
};

/* A parsed --workload NAME[:k=v,...]. */
struct nc_workload {
	const struct nc_wl_type *type;
	unsigned long p[NC_WL_MAX_PARAMS];
};

/* A task the workload created, as it was when it first ran. */
struct nc_task_record {
	pid_t pid, tgid, ppid;
	char comm[16];
	unsigned int flags;              /* PF_* */
	unsigned int cpu;                /* the CPU it first ran on */
	int ts_node;                     /* node of its task_struct */
	int stack_nodes[NC_STACK_PAGES];
	unsigned long pages;             /* user pages it faulted in */
	unsigned long remote_pages;      /* ... on a node other than its CPU's */
	unsigned long page_distance;     /* sum of node_distance(cpu node, page node) */
};

/* What the first task starts with, as numactl would set it up. */
struct nc_wl_setup {
	int mode;                        /* MPOL_*, or -1 to keep the default */
	nodemask_t nodes;
	bool bind_cpus;                  /* sched_setaffinity(cpus) */
	cpumask_t cpus;
};

/* A workload running on a machine: the model's "user space". */
struct nc_wl {
	struct nc_machine *m;
	struct nc_error *err;
	struct task_struct *first;       /* the workload's first task */
	struct nc_task_record *rec;
	size_t nr_rec, cap_rec;
};

/* The workload types, NULL-terminated (each defined in its own file). */
extern const struct nc_wl_type nc_wl_prefork, nc_wl_threads, nc_wl_forkexec,
	nc_wl_kthreads, nc_wl_hackbench;
extern const struct nc_wl_type *const nc_workload_types[];

/* Parses "NAME[:k=v,...]"; parameters not given take their defaults.
 * 0, or -EINVAL with *err naming the spec and the offset. */
int nc_workload_parse(const char *spec, struct nc_workload *w, struct nc_error *err);
/* Writes "NAME:k=v,..." with every parameter (a size in K/M/G). */
int nc_workload_format(const struct nc_workload *w, char *buf, size_t size);

/* Gives t (switched to, as current) the setup's CPUs, then its policy,
 * as numactl does. 0 or -errno with err set. */
int nc_wl_setup(struct nc_wl *wl, struct task_struct *t, const struct nc_wl_setup *s);
/* Creates the first task (init's child, after exec), applies setup to it
 * and runs w. The tasks it created are in wl->rec. 0 or -errno with err. */
int nc_workload_run(struct nc_wl *wl, const struct nc_workload *w,
		    const struct nc_wl_setup *setup);
void nc_wl_release(struct nc_wl *wl);

/* ---- for the workloads ---- */

/* Makes t the running task on its CPU; returns the task it displaced. */
struct task_struct *nc_wl_switch(struct nc_wl *wl, struct task_struct *t);
/* t, running, lets prev (what nc_wl_switch() returned) run again but
 * stays runnable: it is busy for longer than the workload's next step.
 * On a CPU that was idle t keeps running. */
void nc_wl_yield(struct nc_wl *wl, struct task_struct *t, struct task_struct *prev);
/* t sleeps (leaves its run queue; its CPU runs the next queued task). */
void nc_wl_sleep(struct nc_wl *wl, struct task_struct *t);
/* The running task forks (kernel_clone with flags, exit_signal); the child
 * is recorded. Returns it, or ERR_PTR(-errno) with err set. */
struct task_struct *nc_wl_clone(struct nc_wl *wl, unsigned long flags, int exit_signal);
/* Counts one user page of rec's on node nid against the node of its
 * first CPU. */
void nc_wl_count_page(const struct nc_topology *t, struct nc_task_record *rec, int nid);
/* The task of record i, or NULL once it is gone. */
struct task_struct *nc_wl_task(struct nc_wl *wl, size_t i);
/* Records a task created some other way (a kthread). 0 or -ENOMEM. */
int nc_wl_record(struct nc_wl *wl, struct task_struct *t);
/* The running task maps pages of anonymous memory and writes each one
 * (a write fault per page). 0 or -errno with err set. */
int nc_wl_populate(struct nc_wl *wl, unsigned long pages);
/* The running task execs filename with argv { filename } and no
 * environment (fs/exec.c: sched_exec() may move it, its address space is
 * new, its comm the file's base name). 0 or -errno with err set. */
int nc_wl_exec(struct nc_wl *wl, const char *filename);
/* The running task exits with code (its CPU runs the next queued task). */
void nc_wl_exit(struct nc_wl *wl, int code);
/* The running task reaps one child (wait4(-1)); the pid, or -errno. */
long nc_wl_wait(struct nc_wl *wl);
/* The running task starts n children (clone flags, exit_signal), each of
 * which runs at once, writes pages of fresh memory and stays busy while
 * the next ones start; then all of them, and the parent, sleep (a pool
 * waiting for work). 0 or -errno with err set. */
int nc_wl_pool(struct nc_wl *wl, unsigned long n, unsigned long flags, int exit_signal,
	       unsigned long pages);
/* An error of the workload's own: fills err, returns -errno. */
int nc_wl_fail(struct nc_wl *wl, long ret, const char *what);

#endif

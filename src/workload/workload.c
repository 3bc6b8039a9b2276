// SPDX-License-Identifier: GPL-2.0-only
/*
 * The common part of the built-in workloads: parsing NAME[:k=v,...],
 * starting the first task as a shell would (init forks, the child execs)
 * with numactl's policy and CPU binding, and the steps every workload is
 * made of, each a modelled system call or the scheduler being told who
 * runs. Every task a workload creates is recorded as it first ran.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fs/exec.h"
#include "kernel/exit.h"
#include "kernel/fork.h"
#include "kernel/pid.h"
#include "kernel/sched/core.h"
#include "kernel/sched/sched.h"
#include "kernel/sched/syscalls.h"
#include "lib/err.h"
#include "lib/error.h"
#include "mm/memory.h"
#include "mm/mempolicy.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "uapi/linux/mman.h"
#include "uapi/linux/sched.h"
#include "uapi/linux/signal.h"
#include "workload/workload.h"

const struct nc_wl_type *const nc_workload_types[] = {
	&nc_wl_prefork, &nc_wl_threads, &nc_wl_forkexec, &nc_wl_kthreads, &nc_wl_hackbench,
	NULL,
};

static const struct nc_wl_type *find_type(const char *name, size_t len)
{
	for (const struct nc_wl_type *const *t = nc_workload_types; *t; t++)
		if (strlen((*t)->name) == len && !strncmp((*t)->name, name, len))
			return *t;
	return NULL;
}

/* A value of p from text[0, len): a word's index, or a number (a size in
 * bytes with an optional K, M or G, counted in whole pages). */
static int parse_value(const struct nc_wl_param *p, const char *text, size_t len,
		       unsigned long *v)
{
	unsigned long n = 0, mul = 1;
	size_t i = 0;

	if (p->words) {
		for (unsigned long w = 0; p->words[w]; w++)
			if (strlen(p->words[w]) == len && !strncmp(p->words[w], text, len)) {
				*v = w;
				return 0;
			}
		return -1;
	}
	for (; i < len && text[i] >= '0' && text[i] <= '9'; i++) {
		if (n > (~0UL - 9) / 10)
			return -1;
		n = n * 10 + (unsigned long)(text[i] - '0');
	}
	if (!i)
		return -1;
	if (p->size) {
		if (i + 1 == len && strchr("KkMmGg", text[i]))
			mul = text[i] == 'K' || text[i] == 'k' ? 1UL << 10 :
			      text[i] == 'M' || text[i] == 'm' ? 1UL << 20 : 1UL << 30;
		else if (i != len)
			return -1;
		if (n > ~0UL / mul - PAGE_SIZE)
			return -1;
		n = (n * mul + PAGE_SIZE - 1) / PAGE_SIZE;
	} else if (i != len) {
		return -1;
	}
	*v = n;
	return 0;
}

static void describe(const struct nc_wl_param *p, char *buf, size_t size)
{
	size_t used = 0;

	if (!p->words) {
		if (p->size)
			snprintf(buf, size, "a size of %lu to %lu KiB", p->min * (PAGE_SIZE >> 10),
				 p->max * (PAGE_SIZE >> 10));
		else
			snprintf(buf, size, "a number from %lu to %lu", p->min, p->max);
		return;
	}
	buf[0] = '\0';
	for (unsigned int w = 0; p->words[w] && used < size; w++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", w ? " or " : "",
					 p->words[w]);
}

int nc_workload_parse(const char *spec, struct nc_workload *w, struct nc_error *err)
{
	const char *s = strchr(spec, ':'), *end;
	size_t namelen = s ? (size_t)(s - spec) : strlen(spec);
	const struct nc_wl_type *t = find_type(spec, namelen);
	char names[128] = "";

	if (!t) {
		for (const struct nc_wl_type *const *k = nc_workload_types; *k; k++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
				 k == nc_workload_types ? "" : ", ", (*k)->name);
		return nc_err(err, "workload '%s': no workload '%.*s' (there are %s)", spec,
			      (int)namelen, spec, names);
	}
	memset(w, 0, sizeof(*w));
	w->type = t;
	for (unsigned int i = 0; i < NC_WL_MAX_PARAMS && t->params[i].name; i++)
		w->p[i] = t->params[i].def;
	for (; s; s = *end ? end : NULL) {
		const char *key = s + 1, *eq;
		const struct nc_wl_param *p = NULL;
		unsigned long v;
		char what[96];

		end = key + strcspn(key, ",");
		eq = memchr(key, '=', (size_t)(end - key));
		if (!eq)
			return nc_err(err, "workload '%s' at offset %td: expected NAME=VALUE",
				      spec, key - spec);
		for (unsigned int i = 0; i < NC_WL_MAX_PARAMS && t->params[i].name; i++)
			if (strlen(t->params[i].name) == (size_t)(eq - key) &&
			    !strncmp(t->params[i].name, key, (size_t)(eq - key)))
				p = &t->params[i];
		if (!p) {
			names[0] = '\0';
			for (unsigned int i = 0; i < NC_WL_MAX_PARAMS && t->params[i].name; i++)
				snprintf(names + strlen(names), sizeof(names) - strlen(names),
					 "%s%s", i ? ", " : "", t->params[i].name);
			return nc_err(err, "workload '%s' at offset %td: %s has no parameter '%.*s' (it has %s)",
				      spec, key - spec, t->name, (int)(eq - key), key, names);
		}
		if (parse_value(p, eq + 1, (size_t)(end - eq - 1), &v) ||
		    (!p->words && (v < p->min || v > p->max))) {
			describe(p, what, sizeof(what));
			return nc_err(err, "workload '%s' at offset %td: %s must be %s", spec,
				      eq + 1 - spec, p->name, what);
		}
		w->p[p - t->params] = v;
	}
	return 0;
}

int nc_workload_format(const struct nc_workload *w, char *buf, size_t size)
{
	const struct nc_wl_type *t = w->type;
	int len = snprintf(buf, size, "%s", t->name);

	for (unsigned int i = 0; i < NC_WL_MAX_PARAMS && t->params[i].name && len >= 0 &&
	     (size_t)len < size; i++) {
		const struct nc_wl_param *p = &t->params[i];
		unsigned long kib = w->p[i] * (PAGE_SIZE >> 10);

		if (p->words)
			len += snprintf(buf + len, size - (size_t)len, "%c%s=%s", i ? ',' : ':',
					p->name, p->words[w->p[i]]);
		else if (p->size)
			len += snprintf(buf + len, size - (size_t)len, "%c%s=%lu%c", i ? ',' : ':',
					p->name, kib % 1024 ? kib : kib / 1024, kib % 1024 ? 'K' : 'M');
		else
			len += snprintf(buf + len, size - (size_t)len, "%c%s=%lu", i ? ',' : ':',
					p->name, w->p[i]);
	}
	return len;
}

int nc_wl_fail(struct nc_wl *wl, long ret, const char *what)
{
	nc_err(wl->err, "workload: %s failed: %s", what, strerror((int)-ret));
	return (int)ret;
}

struct task_struct *nc_wl_switch(struct nc_wl *wl, struct task_struct *t)
{
	struct task_struct *prev = wl->m->curr[t->cpu];

	if (prev != t || t->on_rq != TASK_ON_RQ_QUEUED)   /* not running already */
		nc_sched_run(wl->m, t, t->cpu);
	nc_set_cpu(wl->m, t->cpu);
	return prev;
}

void nc_wl_yield(struct nc_wl *wl, struct task_struct *t, struct task_struct *prev)
{
	if (wl->m->curr[t->cpu] == t && prev && !is_idle_task(wl->m, prev))
		wl->m->curr[t->cpu] = prev;
}

void nc_wl_sleep(struct nc_wl *wl, struct task_struct *t)
{
	if (t)
		nc_sched_sleep(wl->m, t);
}

int nc_wl_record(struct nc_wl *wl, struct task_struct *t)
{
	struct nc_task_record *r;

	if (wl->nr_rec == wl->cap_rec) {
		size_t cap = wl->cap_rec ? 2 * wl->cap_rec : 64;
		void *p = realloc(wl->rec, cap * sizeof(*wl->rec));

		if (!p)
			return -ENOMEM;
		wl->rec = p;
		wl->cap_rec = cap;
	}
	r = &wl->rec[wl->nr_rec++];
	memset(r, 0, sizeof(*r));
	r->pid = t->pid;
	r->tgid = t->tgid;
	r->ppid = t->real_parent ? t->real_parent->tgid : 0;
	memcpy(r->comm, t->comm, sizeof(r->comm));
	r->flags = t->flags;
	r->cpu = t->cpu;
	r->ts_node = nc_task_placement(wl->m, t, r->stack_nodes, NC_STACK_PAGES);
	return 0;
}

struct task_struct *nc_wl_clone(struct nc_wl *wl, unsigned long flags, int exit_signal)
{
	struct kernel_clone_args args = { .flags = flags, .exit_signal = exit_signal };
	long nr = kernel_clone(wl->m, &args);
	struct task_struct *t;

	if (nr < 0)
		return ERR_PTR(nc_wl_fail(wl, nr, flags & CLONE_THREAD ? "clone (a thread)" : "fork"));
	t = pid_task(find_pid_ns((int)nr, wl->m->init_pid_ns), PIDTYPE_PID);
	if (nc_wl_record(wl, t))
		return ERR_PTR(nc_wl_fail(wl, -ENOMEM, "recording a task"));
	return t;
}

struct task_struct *nc_wl_task(struct nc_wl *wl, size_t i)
{
	return pid_task(find_pid_ns(wl->rec[i].pid, wl->m->init_pid_ns), PIDTYPE_PID);
}

void nc_wl_count_page(const struct nc_topology *t, struct nc_task_record *rec, int nid)
{
	int home = cpu_to_node(t, rec->cpu);

	rec->pages++;
	rec->remote_pages += nid != home;
	rec->page_distance += (unsigned long)node_distance(t, home, nid);
}

/* The record of the running task (searched from the newest). */
static struct nc_task_record *record_of(struct nc_wl *wl, pid_t pid)
{
	for (size_t i = wl->nr_rec; i-- > 0;)
		if (wl->rec[i].pid == pid)
			return &wl->rec[i];
	return NULL;
}

int nc_wl_populate(struct nc_wl *wl, unsigned long pages)
{
	struct nc_machine *m = wl->m;
	struct task_struct *t = nc_current(m);
	struct nc_task_record *r = record_of(wl, t->pid);
	long addr = kernel_mmap(m, 0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, ~0UL, 0);

	if (addr < 0)
		return nc_wl_fail(wl, addr, "mmap");
	for (unsigned long a = (unsigned long)addr; a < (unsigned long)addr + pages * PAGE_SIZE;
	     a += PAGE_SIZE) {
		int ret = handle_mm_fault(m, vma_lookup(t->mm, a), a, true);

		if (ret)
			return nc_wl_fail(wl, ret, "a write fault");
		if (r)
			nc_wl_count_page(m->topo, r, page_to_nid(nc_pte_lookup(&t->mm->pt, a)->page));
	}
	return 0;
}

int nc_wl_exec(struct nc_wl *wl, const char *filename)
{
	const char *const argv[] = { filename, NULL };
	int ret = kernel_execve(wl->m, filename, argv, NULL);

	return ret ? nc_wl_fail(wl, ret, "exec") : 0;
}

void nc_wl_exit(struct nc_wl *wl, int code)
{
	kernel_exit(wl->m, code);      /* do_task_dead() picks what runs next */
}

long nc_wl_wait(struct nc_wl *wl)
{
	return kernel_wait4(wl->m, -1, 0, 0, 0);
}

int nc_wl_pool(struct nc_wl *wl, unsigned long n, unsigned long flags, int exit_signal,
	       unsigned long pages)
{
	struct task_struct *parent = nc_current(wl->m), *t, *prev;
	size_t first = wl->nr_rec;
	int ret;

	for (unsigned long i = 0; i < n; i++) {
		t = nc_wl_clone(wl, flags, exit_signal);
		if (IS_ERR(t))
			return (int)PTR_ERR(t);
		prev = nc_wl_switch(wl, t);
		ret = nc_wl_populate(wl, pages);
		if (ret)
			return ret;
		nc_wl_yield(wl, t, prev);
		nc_wl_switch(wl, parent);
	}
	for (size_t i = first; i < wl->nr_rec; i++)
		nc_wl_sleep(wl, nc_wl_task(wl, i));
	nc_wl_sleep(wl, parent);
	return 0;
}

/* The running task passes data to a system call through its memory: a
 * page is mapped, written, and unmapped after the call. */
static long with_user_data(struct nc_wl *wl, const void *data, unsigned long len,
			   long (*call)(struct nc_wl *wl, unsigned long addr, const void *arg),
			   const void *arg)
{
	struct nc_machine *m = wl->m;
	long addr = kernel_mmap(m, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, ~0UL, 0), ret;

	if (addr < 0)
		return addr;
	ret = copy_to_user(m, (unsigned long)addr, data, len) ? -EFAULT
							      : call(wl, (unsigned long)addr, arg);
	kernel_munmap(m, (unsigned long)addr, PAGE_SIZE);
	return ret;
}

static long set_mempolicy_call(struct nc_wl *wl, unsigned long addr, const void *arg)
{
	const struct nc_wl_setup *s = arg;

	/* libnuma passes the mask's bit count + 1 as maxnode */
	return kernel_set_mempolicy(wl->m, s->mode, s->mode == MPOL_LOCAL ? 0 : addr,
				    s->mode == MPOL_LOCAL ? 0 : wl->m->topo->nr_node_ids + 1);
}

static long setaffinity_call(struct nc_wl *wl, unsigned long addr, const void *arg)
{
	(void)arg;
	return kernel_sched_setaffinity(wl->m, 0, PAGE_SIZE, addr);
}

/* numactl's order: the CPU binding (numa_run_on_node_mask or
 * numa_sched_setaffinity), then the memory policy. */
int nc_wl_setup(struct nc_wl *wl, struct task_struct *t, const struct nc_wl_setup *s)
{
	struct nc_machine *m = wl->m;
	unsigned int cpu;
	long ret;

	nc_wl_switch(wl, t);
	cpu = m->cpu;
	if (s->bind_cpus) {
		ret = with_user_data(wl, &s->cpus, PAGE_SIZE < sizeof(s->cpus) ? PAGE_SIZE
						      : sizeof(s->cpus), setaffinity_call, s);
		if (ret)
			return nc_wl_fail(wl, ret, "sched_setaffinity");
		if (t->cpu != cpu)             /* moved: it continues on its new CPU */
			nc_set_cpu(m, t->cpu);
	}
	if (s->mode >= 0) {
		ret = with_user_data(wl, &s->nodes, sizeof(s->nodes), set_mempolicy_call, s);
		if (ret)
			return nc_wl_fail(wl, ret, "set_mempolicy");
	}
	return 0;
}

int nc_workload_run(struct nc_wl *wl, const struct nc_workload *w,
		    const struct nc_wl_setup *setup)
{
	struct nc_machine *m = wl->m;
	struct task_struct *init = pid_task(find_pid_ns(1, m->init_pid_ns), PIDTYPE_PID);
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	long nr;
	int ret;

	/* the shell that starts the program: init forks, the child execs */
	nc_wl_switch(wl, init);
	nr = kernel_clone(m, &args);
	if (nr < 0)
		return nc_wl_fail(wl, nr, "forking the first task");
	wl->first = pid_task(find_pid_ns((int)nr, m->init_pid_ns), PIDTYPE_PID);
	nc_wl_sleep(wl, init);
	nc_wl_switch(wl, wl->first);
	ret = nc_wl_exec(wl, w->type->name);
	if (!ret)
		ret = nc_wl_setup(wl, wl->first, setup);
	return ret ? ret : w->type->run(wl, w->p);
}

void nc_wl_release(struct nc_wl *wl)
{
	free(wl->rec);
	wl->rec = NULL;
	wl->nr_rec = wl->cap_rec = 0;
}

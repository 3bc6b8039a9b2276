// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tracepoints' TP_fast_assign halves (include/trace/events/task.h,
 * sched.h, kmem.h): copy what each event records into its entry.
 * Left out: signal->oom_score_adj (the model has none: 0) and p->prio
 * (every task has DEFAULT_PRIO).
 */
#include <string.h>

#include "trace/events.h"

/* strscpy() into a fixed field: at most size - 1 bytes, always terminated */
static void copy_field(char *dst, size_t size, const char *src)
{
	size_t n;

	if (!src)
		src = "";
	n = strnlen(src, size - 1);
	memcpy(dst, src, n);
	dst[n] = 0;
}

#define copy_comm(dst, src) copy_field(dst, 16, src)
#define copy_str(dst, src) copy_field(dst, NC_TRACE_STR, src)

/* models TRACE_EVENT(task_newtask) */
void __trace_task_newtask(struct nc_machine *m, const struct task_struct *task,
			  unsigned long clone_flags)
{
	struct trace_entry *e = trace_reserve(m, TRACE_TASK_NEWTASK);

	if (!e)
		return;
	e->task.pid = task->pid;
	copy_comm(e->task.comm, task->comm);
	e->task.clone_flags = clone_flags;
}

/* models TRACE_EVENT(task_rename) */
void __trace_task_rename(struct nc_machine *m, const struct task_struct *task,
			 const char *comm)
{
	struct trace_entry *e = trace_reserve(m, TRACE_TASK_RENAME);

	if (!e)
		return;
	e->task.pid = task->pid;
	copy_comm(e->task.comm, task->comm);
	copy_comm(e->task.newcomm, comm);
}

/* models TRACE_EVENT(sched_process_fork) */
void __trace_sched_process_fork(struct nc_machine *m, const struct task_struct *parent,
				const struct task_struct *child)
{
	struct trace_entry *e = trace_reserve(m, TRACE_SCHED_PROCESS_FORK);

	if (!e)
		return;
	copy_comm(e->fork.parent_comm, parent->comm);
	e->fork.parent_pid = parent->pid;
	copy_comm(e->fork.child_comm, child->comm);
	e->fork.child_pid = child->pid;
}

/* models TRACE_EVENT(sched_process_exec) */
void __trace_sched_process_exec(struct nc_machine *m, const struct task_struct *p,
				pid_t old_pid, const char *filename)
{
	struct trace_entry *e = trace_reserve(m, TRACE_SCHED_PROCESS_EXEC);

	if (!e)
		return;
	copy_str(e->exec.filename, filename);
	e->exec.pid = p->pid;
	e->exec.old_pid = old_pid;
}

/* The fields the sched_process and sched_wakeup classes share: comm, pid
 * and prio. Returns the entry, or NULL if the event is not recorded. */
static struct trace_entry *proc_entry(struct nc_machine *m, enum trace_event_id id,
				      const char *comm, pid_t pid)
{
	struct trace_entry *e = trace_reserve(m, id);

	if (e) {
		copy_comm(e->proc.comm, comm);
		e->proc.pid = pid;
		e->proc.prio = NC_DEFAULT_PRIO;
	}
	return e;
}

/* models DECLARE_EVENT_CLASS(sched_process_template): exit and free */
void __trace_sched_process_template(struct nc_machine *m, enum trace_event_id id,
				    const struct task_struct *p)
{
	proc_entry(m, id, p->comm, p->pid);
}

/* models TRACE_EVENT(sched_process_wait): current waits for pid */
void __trace_sched_process_wait(struct nc_machine *m, pid_t pid)
{
	const struct task_struct *curr = nc_current(m);

	proc_entry(m, TRACE_SCHED_PROCESS_WAIT, curr ? curr->comm : "", pid);
}

/* models DEFINE_EVENT(sched_wakeup_template, sched_wakeup_new) */
void __trace_sched_wakeup_new(struct nc_machine *m, const struct task_struct *p)
{
	struct trace_entry *e = proc_entry(m, TRACE_SCHED_WAKEUP_NEW, p->comm, p->pid);

	if (e)
		e->proc.cpu = (int)p->cpu;
}

/* models TRACE_EVENT(sched_migrate_task) */
void __trace_sched_migrate_task(struct nc_machine *m, const struct task_struct *p,
				int dest_cpu)
{
	struct trace_entry *e = proc_entry(m, TRACE_SCHED_MIGRATE_TASK, p->comm, p->pid);

	if (e) {
		e->proc.cpu = (int)p->cpu;
		e->proc.dest_cpu = dest_cpu;
	}
}

static struct trace_entry *kmem_entry(struct nc_machine *m, enum trace_event_id id,
				      const char *call_site, unsigned long ptr)
{
	struct trace_entry *e = trace_reserve(m, id);

	if (e) {
		e->kmem.call_site = call_site;
		e->kmem.ptr = ptr;
	}
	return e;
}

/* kmem_cache_alloc and kmalloc record the same fields */
static void alloc_entry(struct nc_machine *m, enum trace_event_id id, const char *call_site,
			unsigned long ptr, size_t bytes_req, size_t bytes_alloc, gfp_t gfp,
			int node, bool accounted)
{
	struct trace_entry *e = kmem_entry(m, id, call_site, ptr);

	if (!e)
		return;
	e->kmem.bytes_req = bytes_req;
	e->kmem.bytes_alloc = bytes_alloc;
	e->kmem.gfp = gfp;
	e->kmem.node = node;
	e->kmem.accounted = accounted;
}

/* models TRACE_EVENT(kmem_cache_alloc) */
void __trace_kmem_cache_alloc(struct nc_machine *m, const char *call_site,
			      unsigned long ptr, size_t bytes_req, size_t bytes_alloc,
			      gfp_t gfp, int node, bool accounted)
{
	alloc_entry(m, TRACE_KMEM_CACHE_ALLOC, call_site, ptr, bytes_req, bytes_alloc, gfp,
		    node, accounted);
}

/* models TRACE_EVENT(kmalloc): accounted is printed from the gfp mask */
void __trace_kmalloc(struct nc_machine *m, const char *call_site, unsigned long ptr,
		     size_t bytes_req, size_t bytes_alloc, gfp_t gfp, int node)
{
	alloc_entry(m, TRACE_KMALLOC, call_site, ptr, bytes_req, bytes_alloc, gfp, node,
		    gfp & __GFP_ACCOUNT);
}

/* models TRACE_EVENT(kfree) */
void __trace_kfree(struct nc_machine *m, const char *call_site, unsigned long ptr)
{
	kmem_entry(m, TRACE_KFREE, call_site, ptr);
}

/* models TRACE_EVENT(kmem_cache_free) */
void __trace_kmem_cache_free(struct nc_machine *m, const char *call_site,
			     unsigned long ptr, const char *name)
{
	struct trace_entry *e = kmem_entry(m, TRACE_KMEM_CACHE_FREE, call_site, ptr);

	if (e)
		copy_str(e->kmem.name, name);
}

/* models TRACE_EVENT(mm_page_alloc) */
void __trace_mm_page_alloc(struct nc_machine *m, const struct page *page,
			   unsigned int order, gfp_t gfp, int migratetype)
{
	struct trace_entry *e = trace_reserve(m, TRACE_MM_PAGE_ALLOC);

	if (!e)
		return;
	e->page.failed = !page;
	e->page.pfn = page ? page->pfn : 0;
	e->page.nid = page ? page->nid : NUMA_NO_NODE;
	e->page.order = order;
	e->page.gfp = gfp;
	e->page.migratetype = migratetype;
}

/* models TRACE_EVENT(mm_page_free) */
void __trace_mm_page_free(struct nc_machine *m, const struct page *page, unsigned int order)
{
	struct trace_entry *e = trace_reserve(m, TRACE_MM_PAGE_FREE);

	if (!e)
		return;
	e->page.pfn = page->pfn;
	e->page.nid = page->nid;
	e->page.order = order;
}

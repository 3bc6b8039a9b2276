/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tracepoints (include/trace/events/{task,sched,kmem}.h): trace_NAME(m,
 * ...) takes the kernel's TP_PROTO arguments after the machine, and costs one
 * predictable branch while no trace is attached (m->trace == NULL).
 * The model has no code addresses: a call_site is the modelled caller's
 * function name, a string that must outlive the trace (use __func__ or a
 * literal); kmem pointers are the modelled kernel addresses of the objects.
 * Left out: sched_switch/wakeup (the model does not context-switch).
 */
#ifndef NC_TRACE_EVENTS_H
#define NC_TRACE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "arch/machine.h"
#include "arch/task.h"
#include "mm/page_alloc.h"
#include "trace/trace.h"

/* The model has no nice values or RT tasks: p->prio is DEFAULT_PRIO. */
#define NC_DEFAULT_PRIO 120

/* The out-of-line halves (TP_fast_assign); call the trace_NAME() wrappers. */
void __trace_task_newtask(struct nc_machine *m, const struct task_struct *task,
			  unsigned long clone_flags);
void __trace_task_rename(struct nc_machine *m, const struct task_struct *task,
			 const char *comm);
void __trace_sched_process_fork(struct nc_machine *m, const struct task_struct *parent,
				const struct task_struct *child);
void __trace_sched_process_exec(struct nc_machine *m, const struct task_struct *p,
				pid_t old_pid, const char *filename);
void __trace_sched_process_template(struct nc_machine *m, enum trace_event_id id,
				    const struct task_struct *p);
void __trace_sched_process_wait(struct nc_machine *m, pid_t pid);
void __trace_sched_wakeup_new(struct nc_machine *m, const struct task_struct *p);
void __trace_sched_migrate_task(struct nc_machine *m, const struct task_struct *p,
				int dest_cpu);
void __trace_kmem_cache_alloc(struct nc_machine *m, const char *call_site,
			      unsigned long ptr, size_t bytes_req, size_t bytes_alloc,
			      gfp_t gfp, int node, bool accounted);
void __trace_kmalloc(struct nc_machine *m, const char *call_site, unsigned long ptr,
		     size_t bytes_req, size_t bytes_alloc, gfp_t gfp, int node);
void __trace_kfree(struct nc_machine *m, const char *call_site, unsigned long ptr);
void __trace_kmem_cache_free(struct nc_machine *m, const char *call_site,
			     unsigned long ptr, const char *name);
void __trace_mm_page_alloc(struct nc_machine *m, const struct page *page,
			   unsigned int order, gfp_t gfp, int migratetype);
void __trace_mm_page_free(struct nc_machine *m, const struct page *page,
			  unsigned int order);

/* A tracepoint: the arguments are evaluated only while a trace is attached,
 * so a caller may compute them (a slab object's address) at no cost. */
#define NC_TRACEPOINT(m, call) do { if (__builtin_expect((m)->trace != NULL, 0)) call; } while (0)

/* models include/trace/events/task.h */
#define trace_task_newtask(m, task, clone_flags) \
	NC_TRACEPOINT(m, __trace_task_newtask(m, task, clone_flags))
#define trace_task_rename(m, task, comm) NC_TRACEPOINT(m, __trace_task_rename(m, task, comm))

/* models include/trace/events/sched.h; exec's filename is bprm->filename,
 * wait's pid is pid_nr() of the waited-for pid (0 for "any child") */
#define trace_sched_process_fork(m, parent, child) \
	NC_TRACEPOINT(m, __trace_sched_process_fork(m, parent, child))
#define trace_sched_process_exec(m, p, old_pid, filename) \
	NC_TRACEPOINT(m, __trace_sched_process_exec(m, p, old_pid, filename))
#define trace_sched_process_exit(m, p) \
	NC_TRACEPOINT(m, __trace_sched_process_template(m, TRACE_SCHED_PROCESS_EXIT, p))
#define trace_sched_process_free(m, p) \
	NC_TRACEPOINT(m, __trace_sched_process_template(m, TRACE_SCHED_PROCESS_FREE, p))
#define trace_sched_process_wait(m, pid) NC_TRACEPOINT(m, __trace_sched_process_wait(m, pid))
#define trace_sched_wakeup_new(m, p) NC_TRACEPOINT(m, __trace_sched_wakeup_new(m, p))
#define trace_sched_migrate_task(m, p, dest_cpu) \
	NC_TRACEPOINT(m, __trace_sched_migrate_task(m, p, dest_cpu))

/* models include/trace/events/kmem.h. kmem_cache_alloc's bytes_req and
 * bytes_alloc are s->object_size and s->size; accounted is
 * (gfp & __GFP_ACCOUNT) || (s->flags & SLAB_ACCOUNT); kmem_cache_free's
 * name is s->name; mm_page_alloc's page may be NULL (failures are traced). */
#define trace_kmem_cache_alloc(m, call_site, ptr, bytes_req, bytes_alloc, gfp, node, accounted) \
	NC_TRACEPOINT(m, __trace_kmem_cache_alloc(m, call_site, ptr, bytes_req, bytes_alloc, \
						  gfp, node, accounted))
#define trace_kmalloc(m, call_site, ptr, bytes_req, bytes_alloc, gfp, node) \
	NC_TRACEPOINT(m, __trace_kmalloc(m, call_site, ptr, bytes_req, bytes_alloc, gfp, node))
#define trace_kfree(m, call_site, ptr) NC_TRACEPOINT(m, __trace_kfree(m, call_site, ptr))
#define trace_kmem_cache_free(m, call_site, ptr, name) \
	NC_TRACEPOINT(m, __trace_kmem_cache_free(m, call_site, ptr, name))
#define trace_mm_page_alloc(m, page, order, gfp, migratetype) \
	NC_TRACEPOINT(m, __trace_mm_page_alloc(m, page, order, gfp, migratetype))
#define trace_mm_page_free(m, page, order) NC_TRACEPOINT(m, __trace_mm_page_free(m, page, order))

#endif

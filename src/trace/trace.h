/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The trace buffer (kernel/trace/trace.c, ring_buffer.c): one per machine,
 * events enabled one by one as /sys/kernel/tracing/events/S/E/enable does,
 * stamped with the machine's simulated clock, never the wall clock.
 * Left out: tracers other than nop, filters, triggers, per-CPU buffers (one
 * buffer in time order stands in for the merged per-CPU view).
 *
 * Simulated time: while a trace is attached, every tracepoint the model
 * passes, enabled or not, advances the clock by NC_TRACE_TICK_NS and the
 * event is stamped with the new value, so an event's time does not depend on
 * which other events are selected. Callers add modelled time with
 * nc_trace_advance(): a replay adds NC_TRACE_SYSCALL_NS per modelled call.
 */
#ifndef NC_TRACE_TRACE_H
#define NC_TRACE_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <numaclone/numaclone.h>

#include "arch/machine.h"

#define NC_TRACE_TICK_NS 250          /* simulated cost of one tracepoint */
#define NC_TRACE_SYSCALL_NS 1000      /* simulated entry/exit of one syscall */
#define NC_TRACE_DEFAULT_ENTRIES 65536 /* buffer size; oldest overwritten */
#define NC_TRACE_STR 64               /* kept bytes of a cache name / filename */

/* Every event the model defines, in the order events/ lists them. */
enum trace_event_id {
	TRACE_KFREE,
	TRACE_KMALLOC,
	TRACE_KMEM_CACHE_ALLOC,
	TRACE_KMEM_CACHE_FREE,
	TRACE_MM_PAGE_ALLOC,
	TRACE_MM_PAGE_FREE,
	TRACE_SCHED_MIGRATE_TASK,
	TRACE_SCHED_PROCESS_EXEC,
	TRACE_SCHED_PROCESS_EXIT,
	TRACE_SCHED_PROCESS_FORK,
	TRACE_SCHED_PROCESS_FREE,
	TRACE_SCHED_PROCESS_WAIT,
	TRACE_SCHED_WAKEUP_NEW,
	TRACE_TASK_NEWTASK,
	TRACE_TASK_RENAME,
	NR_TRACE_EVENTS
};

/* One recorded event: the common fields (struct trace_entry plus what
 * trace_print_context() needs) and the event's TP_STRUCT__entry. */
struct trace_entry {
	uint64_t ts;                      /* simulated ns */
	unsigned short type;              /* enum trace_event_id */
	unsigned short cpu;
	pid_t pid;                        /* current's pid and comm */
	char comm[16];
	union {
		struct {                  /* task_newtask, task_rename */
			pid_t pid;
			char comm[16], newcomm[16];
			unsigned long clone_flags;
			short oom_score_adj;
		} task;
		struct {                  /* sched_process_*, sched_wakeup_new, migrate */
			char comm[16];
			pid_t pid;
			int prio, cpu, dest_cpu;
		} proc;
		struct {                  /* sched_process_fork */
			char parent_comm[16], child_comm[16];
			pid_t parent_pid, child_pid;
		} fork;
		struct {                  /* sched_process_exec */
			char filename[NC_TRACE_STR];
			pid_t pid, old_pid;
		} exec;
		struct {                  /* kmem_cache_alloc/free, kmalloc, kfree */
			const char *call_site;
			unsigned long ptr;
			size_t bytes_req, bytes_alloc;
			unsigned int gfp;
			int node;
			bool accounted;
			char name[NC_TRACE_STR];
		} kmem;
		struct {                  /* mm_page_alloc/free */
			unsigned long pfn;
			unsigned int order, gfp;
			int migratetype;
			int nid;          /* model only: the Perfetto node counters */
			bool failed;
		} page;
	};
};

struct nc_trace {
	bool on;                          /* tracing_on */
	bool enabled[NR_TRACE_EVENTS];
	uint64_t clock;                   /* simulated ns */
	struct trace_entry *buf;          /* ring of cap entries, grown lazily */
	size_t cap, max, head, len;       /* head: oldest entry */
	uint64_t written;                 /* entries-written */
};

enum nc_trace_format { NC_TRACE_FTRACE, NC_TRACE_PERFETTO };

/*
 * Attaches a trace buffer to m and starts tracing the events named by spec,
 * written as /sys/kernel/tracing/set_event takes them, comma-separated:
 * "sched:sched_process_fork", "sched_process_fork", "kmem:*", "kmem" or
 * "all" (NULL means all). max_entries 0 means NC_TRACE_DEFAULT_ENTRIES.
 * Returns 0, or -EINVAL with *err naming the bad event, or -ENOMEM.
 */
int nc_trace_start(struct nc_machine *m, const char *spec, size_t max_entries,
		   struct nc_error *err);
/* tracing_on 0/1: the buffer is kept */
void nc_trace_stop(struct nc_machine *m);
void nc_trace_resume(struct nc_machine *m);
/* events/S/E/enable; the name as in nc_trace_start()'s spec */
int nc_trace_set_event(struct nc_machine *m, const char *spec, bool enable,
		       struct nc_error *err);
/* Writes the buffer in the given format. Returns 0 or -EIO. */
int nc_trace_write(const struct nc_machine *m, FILE *f, enum nc_trace_format fmt);
/* Parses "ftrace" or "perfetto" (--trace-format=); -EINVAL otherwise. */
int nc_trace_parse_format(const char *s, enum nc_trace_format *fmt,
			  struct nc_error *err);
/* Adds modelled time to the trace clock (no-op without a trace). */
void nc_trace_advance(struct nc_machine *m, uint64_t ns);
/* Frees the buffer (machine teardown). */
void nc_trace_exit(struct nc_machine *m);

/* The event's system and name, and its id by "name" or "system:name". */
const char *trace_event_system(enum trace_event_id id);
const char *trace_event_name(enum trace_event_id id);

/* The tracepoint slow path: advances the clock and, if the event is on,
 * returns a zeroed entry with the common fields filled, else NULL. */
struct trace_entry *trace_reserve(struct nc_machine *m, enum trace_event_id id);

/* The entries oldest first: index 0 .. t->len - 1 */
static inline const struct trace_entry *trace_entry_at(const struct nc_trace *t, size_t i)
{
	return &t->buf[(t->head + i) % t->cap];
}

#endif

// SPDX-License-Identifier: GPL-2.0-only
/*
 * The trace buffer and its controls: models kernel/trace/trace.c's
 * tracing_on, kernel/trace/trace_events.c's set_event parsing
 * (ftrace_set_clr_event()), and an overwriting ring of entries
 * (kernel/trace/ring_buffer.c with overwrite on). Time is simulated.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arch/task.h"
#include "lib/error.h"
#include "trace/output.h"
#include "trace/perfetto.h"
#include "trace/trace.h"

static const struct {
	const char *system, *name;
} events[NR_TRACE_EVENTS] = {
	[TRACE_KFREE]              = { "kmem", "kfree" },
	[TRACE_KMALLOC]            = { "kmem", "kmalloc" },
	[TRACE_KMEM_CACHE_ALLOC]   = { "kmem", "kmem_cache_alloc" },
	[TRACE_KMEM_CACHE_FREE]    = { "kmem", "kmem_cache_free" },
	[TRACE_MM_PAGE_ALLOC]      = { "kmem", "mm_page_alloc" },
	[TRACE_MM_PAGE_FREE]       = { "kmem", "mm_page_free" },
	[TRACE_SCHED_MIGRATE_TASK] = { "sched", "sched_migrate_task" },
	[TRACE_SCHED_PROCESS_EXEC] = { "sched", "sched_process_exec" },
	[TRACE_SCHED_PROCESS_EXIT] = { "sched", "sched_process_exit" },
	[TRACE_SCHED_PROCESS_FORK] = { "sched", "sched_process_fork" },
	[TRACE_SCHED_PROCESS_FREE] = { "sched", "sched_process_free" },
	[TRACE_SCHED_PROCESS_WAIT] = { "sched", "sched_process_wait" },
	[TRACE_SCHED_WAKEUP_NEW]   = { "sched", "sched_wakeup_new" },
	[TRACE_TASK_NEWTASK]       = { "task", "task_newtask" },
	[TRACE_TASK_RENAME]        = { "task", "task_rename" },
};

const char *trace_event_system(enum trace_event_id id)
{
	return events[id].system;
}

const char *trace_event_name(enum trace_event_id id)
{
	return events[id].name;
}

/* models kernel/trace/trace_events.c:__ftrace_set_clr_event(): one
 * set_event word, "[system:]event" with '*' or an empty part matching all,
 * a bare word matching a system or an event, "all" everything.
 * Returns how many events matched. */
static int set_clr_event(struct nc_trace *t, const char *word, size_t len, bool set)
{
	const char *colon = memchr(word, ':', len);
	int n = 0;

	for (int i = 0; i < NR_TRACE_EVENTS; i++) {
		const char *sys = events[i].system, *ev = events[i].name;
		bool match;

		if (colon) {
			size_t sl = (size_t)(colon - word), el = len - sl - 1;
			const char *e = colon + 1;
			bool sys_ok = !sl || (sl == 1 && word[0] == '*') ||
				      (strlen(sys) == sl && !memcmp(sys, word, sl));
			bool ev_ok = !el || (el == 1 && e[0] == '*') ||
				     (strlen(ev) == el && !memcmp(ev, e, el));
			match = sys_ok && ev_ok;
		} else {
			match = (len == 3 && !memcmp(word, "all", 3)) ||
				(len == 1 && word[0] == '*') ||
				(strlen(sys) == len && !memcmp(sys, word, len)) ||
				(strlen(ev) == len && !memcmp(ev, word, len));
		}
		if (match) {
			t->enabled[i] = set;
			n++;
		}
	}
	return n;
}

static int set_events(struct nc_trace *t, const char *spec, bool set, struct nc_error *err)
{
	const char *p = spec;

	for (;;) {
		size_t len = strcspn(p, ", ");

		if (len && !set_clr_event(t, p, len, set))
			return nc_err(err, "trace events: no event '%.*s' at column %zu "
				      "(see kmem, sched, task)", (int)len, p,
				      (size_t)(p - spec) + 1);
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

int nc_trace_start(struct nc_machine *m, const char *spec, size_t max_entries,
		   struct nc_error *err)
{
	struct nc_trace *t = calloc(1, sizeof(*t));
	int ret;

	if (!t) {
		nc_err(err, "out of host memory");
		return -ENOMEM;
	}
	ret = set_events(t, spec ? spec : "all", true, err);
	if (ret) {
		free(t);
		return ret;
	}
	t->max = max_entries ? max_entries : NC_TRACE_DEFAULT_ENTRIES;
	t->on = true;
	nc_trace_exit(m);
	m->trace = t;
	nc_alloc_hook_set(m, NC_HOOK_TRACE, true);
	return 0;
}

void nc_trace_stop(struct nc_machine *m)
{
	if (m->trace)
		m->trace->on = false;
}

void nc_trace_resume(struct nc_machine *m)
{
	if (m->trace)
		m->trace->on = true;
}

int nc_trace_set_event(struct nc_machine *m, const char *spec, bool enable,
		       struct nc_error *err)
{
	if (!m->trace)
		return nc_err(err, "trace events: no trace buffer (start tracing first)");
	return set_events(m->trace, spec, enable, err);
}

void nc_trace_advance(struct nc_machine *m, uint64_t ns)
{
	if (m->trace)
		m->trace->clock += ns;
}

void nc_trace_exit(struct nc_machine *m)
{
	if (!m->trace)
		return;
	free(m->trace->buf);
	free(m->trace);
	m->trace = NULL;
	nc_alloc_hook_set(m, NC_HOOK_TRACE, false);
}

/* models kernel/trace/ring_buffer.c:ring_buffer_lock_reserve() in overwrite
 * mode: when the ring is full, the oldest entry makes room */
static struct trace_entry *ring_reserve(struct nc_trace *t)
{
	struct trace_entry *e;

	if (t->len == t->cap && t->cap < t->max) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct trace_entry *buf;

		if (cap > t->max)
			cap = t->max;
		buf = malloc(cap * sizeof(*buf));
		if (!buf)
			return NULL;
		for (size_t i = 0; i < t->len; i++)
			buf[i] = *trace_entry_at(t, i);
		free(t->buf);
		t->buf = buf;
		t->cap = cap;
		t->head = 0;
	}
	if (t->len == t->cap) {
		e = &t->buf[t->head];
		t->head = (t->head + 1) % t->cap;
	} else {
		e = &t->buf[(t->head + t->len) % t->cap];
		t->len++;
	}
	t->written++;
	return e;
}

/* models trace_event_buffer_reserve() plus tracing_generic_entry_update() */
struct trace_entry *trace_reserve(struct nc_machine *m, enum trace_event_id id)
{
	struct nc_trace *t = m->trace;
	const struct task_struct *curr;
	struct trace_entry *e;

	t->clock += NC_TRACE_TICK_NS;
	if (!t->on || !t->enabled[id] || !(e = ring_reserve(t)))
		return NULL;
	curr = nc_current(m);
	memset(e, 0, sizeof(*e));
	e->ts = t->clock;
	e->type = (unsigned short)id;
	e->cpu = (unsigned short)m->cpu;
	if (curr) {
		e->pid = curr->pid;
		memcpy(e->comm, curr->comm, sizeof(e->comm));
		e->comm[sizeof(e->comm) - 1] = 0;
	}
	return e;
}

int nc_trace_parse_format(const char *s, enum nc_trace_format *fmt, struct nc_error *err)
{
	if (!strcmp(s, "ftrace"))
		*fmt = NC_TRACE_FTRACE;
	else if (!strcmp(s, "perfetto"))
		*fmt = NC_TRACE_PERFETTO;
	else
		return nc_err(err, "trace format '%s': expected ftrace or perfetto", s);
	return 0;
}

int nc_trace_write(const struct nc_machine *m, FILE *f, enum nc_trace_format fmt)
{
	static const struct nc_trace empty;
	const struct nc_trace *t = m->trace ? m->trace : &empty;

	if (fmt == NC_TRACE_PERFETTO)
		return trace_write_perfetto(m, t, f);
	return trace_write_ftrace(m, t, f);
}

// SPDX-License-Identifier: GPL-2.0-only
/*
 * The buffer as /sys/kernel/tracing/trace prints it with the nop tracer:
 * models kernel/trace/trace.c:print_func_help_header_irq(),
 * trace_output.c:trace_print_context() and each event's TP_printk().
 * Pointers print unhashed (as with options/hash-ptr off): a page is its
 * vmemmap address, a slab object its direct-map address. A call_site
 * prints in %pS shape as the modelled caller's name with offset and size 0
 * (dup_task_struct+0x0/0x0): the model has no code addresses.
 * The irq/preempt flags are per event, the context the kernel fires it in.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#include "trace/mmflags.h"
#include "trace/output.h"

#define VMEMMAP_START 0xffffea0000000000UL /* x86_64, 4-level paging */
#define STRUCT_PAGE_SIZE 64

/* The context each tracepoint fires in, as trace_print_lat_fmt() shows
 * it: wake_up_new_task() and set_task_cpu() hold the rq lock with irqs
 * off; delayed_put_task_struct() runs as an RCU callback in softirq. */
static const char *event_flags(enum trace_event_id id)
{
	switch (id) {
	case TRACE_SCHED_WAKEUP_NEW:
	case TRACE_SCHED_MIGRATE_TASK:
		return "d..2.";
	case TRACE_SCHED_PROCESS_FREE:
		return "..s..";
	default:
		return ".....";
	}
}

static unsigned long page_address_of(unsigned long pfn)
{
	return VMEMMAP_START + pfn * STRUCT_PAGE_SIZE;
}

static const char *call_site(const struct trace_entry *e)
{
	return e->kmem.call_site ? e->kmem.call_site : "0x0";
}

int trace_print_event(const struct trace_entry *e, char *buf, size_t size)
{
	char gfp[GFP_FLAGS_TEXT];
	const char *name = trace_event_name(e->type);

	switch ((enum trace_event_id)e->type) {
	case TRACE_TASK_NEWTASK:
		return snprintf(buf, size, "%s: pid=%d comm=%s clone_flags=%lx oom_score_adj=%hd",
				name, e->task.pid, e->task.comm, e->task.clone_flags,
				e->task.oom_score_adj);
	case TRACE_TASK_RENAME:
		return snprintf(buf, size, "%s: pid=%d oldcomm=%s newcomm=%s oom_score_adj=%hd",
				name, e->task.pid, e->task.comm, e->task.newcomm,
				e->task.oom_score_adj);
	case TRACE_SCHED_PROCESS_FORK:
		return snprintf(buf, size, "%s: comm=%s pid=%d child_comm=%s child_pid=%d",
				name, e->fork.parent_comm, e->fork.parent_pid,
				e->fork.child_comm, e->fork.child_pid);
	case TRACE_SCHED_PROCESS_EXEC:
		return snprintf(buf, size, "%s: filename=%s pid=%d old_pid=%d", name,
				e->exec.filename, e->exec.pid, e->exec.old_pid);
	case TRACE_SCHED_PROCESS_EXIT:
	case TRACE_SCHED_PROCESS_FREE:
	case TRACE_SCHED_PROCESS_WAIT:
		return snprintf(buf, size, "%s: comm=%s pid=%d prio=%d", name,
				e->proc.comm, e->proc.pid, e->proc.prio);
	case TRACE_SCHED_WAKEUP_NEW:
		return snprintf(buf, size, "%s: comm=%s pid=%d prio=%d target_cpu=%03d", name,
				e->proc.comm, e->proc.pid, e->proc.prio, e->proc.cpu);
	case TRACE_SCHED_MIGRATE_TASK:
		return snprintf(buf, size, "%s: comm=%s pid=%d prio=%d orig_cpu=%d dest_cpu=%d",
				name, e->proc.comm, e->proc.pid, e->proc.prio, e->proc.cpu,
				e->proc.dest_cpu);
	case TRACE_KMEM_CACHE_ALLOC:
	case TRACE_KMALLOC:
		return snprintf(buf, size, "%s: call_site=%s+0x0/0x0 ptr=%016lx bytes_req=%zu "
				"bytes_alloc=%zu gfp_flags=%s node=%d accounted=%s", name,
				call_site(e), e->kmem.ptr, e->kmem.bytes_req, e->kmem.bytes_alloc,
				show_gfp_flags(e->kmem.gfp, gfp, sizeof(gfp)), e->kmem.node,
				e->kmem.accounted ? "true" : "false");
	case TRACE_KFREE:
		return snprintf(buf, size, "%s: call_site=%s+0x0/0x0 ptr=%016lx", name,
				call_site(e), e->kmem.ptr);
	case TRACE_KMEM_CACHE_FREE:
		return snprintf(buf, size, "%s: call_site=%s+0x0/0x0 ptr=%016lx name=%s", name,
				call_site(e), e->kmem.ptr, e->kmem.name);
	case TRACE_MM_PAGE_ALLOC:
		return snprintf(buf, size, "%s: page=%016lx pfn=0x%lx order=%u migratetype=%d "
				"gfp_flags=%s", name,
				e->page.failed ? 0UL : page_address_of(e->page.pfn), e->page.pfn,
				e->page.order, e->page.migratetype,
				show_gfp_flags(e->page.gfp, gfp, sizeof(gfp)));
	case TRACE_MM_PAGE_FREE:
		return snprintf(buf, size, "%s: page=%016lx pfn=0x%lx order=%u", name,
				page_address_of(e->page.pfn), e->page.pfn, e->page.order);
	case NR_TRACE_EVENTS:
		break;
	}
	return snprintf(buf, size, "%s:", name);
}

/* models trace_print_context(): "comm-pid [cpu] flags secs.usecs: " */
static void print_context(FILE *f, const struct trace_entry *e)
{
	/* ns2usecs() rounds to the nearest microsecond */
	uint64_t us = (e->ts + 500) / 1000;

	/* trace_find_cmdline() names pid 0 "<idle>" */
	fprintf(f, "%16s-%-7d [%03u] %s %5" PRIu64 ".%06" PRIu64 ": ",
		e->pid ? e->comm : "<idle>", e->pid, e->cpu, event_flags(e->type),
		us / 1000000, us % 1000000);
}

/* models print_event_info() and print_func_help_header_irq() */
static void print_header(FILE *f, const struct nc_machine *m, const struct nc_trace *t)
{
	unsigned int online = 0;

	for (unsigned int cpu = 0; cpu < m->topo->nr_cpu_ids; cpu++)
		online += cpu_to_node(m->topo, cpu) >= 0;
	fprintf(f, "# tracer: nop\n#\n"
		"# entries-in-buffer/entries-written: %zu/%" PRIu64 "   #P:%u\n#\n",
		t->len, t->written, online);
	fputs("#                                _-----=> irqs-off/BH-disabled\n"
	      "#                               / _----=> need-resched\n"
	      "#                              | / _---=> hardirq/softirq\n"
	      "#                              || / _--=> preempt-depth\n"
	      "#                              ||| / _-=> migrate-disable\n"
	      "#                              |||| /     delay\n"
	      "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
	      "#              | |         |   |||||     |         |\n", f);
}

int trace_write_ftrace(const struct nc_machine *m, const struct nc_trace *t, FILE *f)
{
	char line[1024];

	print_header(f, m, t);
	for (size_t i = 0; i < t->len; i++) {
		const struct trace_entry *e = trace_entry_at(t, i);

		print_context(f, e);
		trace_print_event(e, line, sizeof(line));
		fprintf(f, "%s\n", line);
	}
	return ferror(f) ? -EIO : 0;
}
